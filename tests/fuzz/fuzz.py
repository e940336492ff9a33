"""One coverage-guided fuzzer (atheris, libFuzzer's engine) on one target of ``targets.py``.

    python tests/fuzz/fuzz.py TARGET CORPUS_DIR [libFuzzer flags: -max_total_time=60 ...]

vnplan's modules are instrumented, so mutations that reach new branches of a reader are kept
in CORPUS_DIR; an input that raises anything but a ReadError (or hangs past -timeout, or passes
-rss_limit_mb) is written to -artifact_prefix as crash-*/timeout-*/oom-*. ``run.py`` runs every
target this way for a bounded time and keeps what they find.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

import atheris  # noqa: E402

with atheris.instrument_imports(include=["extract"]):
    import extract.readers  # noqa: F401
    import extract.readers.docx  # noqa: F401
    import extract.readers.encodings  # noqa: F401
    import extract.readers.legacy  # noqa: F401
    import extract.readers.pdf  # noqa: F401
    import extract.readers.text  # noqa: F401
    try:
        import extract.readers.html  # noqa: F401
    except ImportError:
        pass

from tests.fuzz.targets import one_input  # noqa: E402


def main() -> None:
    target = sys.argv.pop(1)

    def test_one_input(data: bytes) -> None:
        one_input(target, data)

    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
