"""vnplan: Vietnamese administrative plans and reports into validated JSON.

The import package is named ``extract``; the distribution and the command are ``vnplan``.
Stages: readers (file -> Layout), structure (Layout -> RawDocument), normalise
(RawDocument -> PlanDocument), link (PlanDocuments -> Links).
"""

__version__ = "0.1.0"
SCHEMA_VERSION = "1"

from . import disk_cache as _disk_cache  # noqa: E402

_disk_cache.install()  # compiled rules from the last run: start-up in a blink (see the module)
