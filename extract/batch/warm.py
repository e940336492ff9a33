"""Imported once by the fork server: workers then start with every stage loaded and the
agency registry built, instead of each paying for it on its first file."""

from __future__ import annotations

import importlib

for _name in ("extract.readers", "extract.readers.text", "extract.readers.docx", "extract.readers.pdf",
              "extract.structure", "extract.normalise", "extract.export", "extract.export.jsonfile"):
    try:
        importlib.import_module(_name)
    except Exception:  # noqa: BLE001 - a stage that cannot load will fail on the file instead
        pass

try:
    from ..lang.agencies import builtin_registry

    builtin_registry()
except Exception:  # noqa: BLE001
    pass
