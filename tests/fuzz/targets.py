"""Fuzz targets, one per reader: bytes in, ``read`` called, anything but a ReadError is a crash.

Shared by the coverage-guided fuzzer (``fuzz.py``, atheris), its bounded driver for CI
(``run.py``) and the regression tests (``test_fuzz.py``: every input a fuzzer ever crashed on is
kept under ``regressions/<target>/`` and read again by the test suite).

Targets:
- ``text``: the bytes as a .txt file (UTF-8/16, legacy Vietnamese encodings, binary refusals);
- ``docx``: the bytes as the main XML part of a DOCX package (mutating the zip itself only finds
  zlib's checksums; mutating the XML finds the reader's own paths);
- ``docx_zip``: the bytes as a whole .docx (zip handling, part limits);
- ``pdf``: the bytes as a .pdf (PDFium, then vnplan's page, table and text assembly);
- ``html``: the bytes as an .html page;
- ``legacy``: the bytes as a .doc (the OLE checks, then LibreOffice's import; slow, so few inputs).

Seeds are made from the repository's own seed and real documents at run time.
"""

from __future__ import annotations

import io
import tempfile
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SEEDS = ROOT / "samples" / "seeds"
REALDOCS = ROOT / "samples" / "realdocs"
REGRESSIONS = Path(__file__).resolve().parent / "regressions"
MAX_INPUT = 256 * 1024

SUFFIX = {"text": ".txt", "docx": ".docx", "docx_zip": ".docx", "pdf": ".pdf", "html": ".html", "legacy": ".doc"}
TARGETS = tuple(SUFFIX)

_scratch = Path(tempfile.mkdtemp(prefix="vnplan-fuzz-"))


def _docx_shell() -> dict[str, bytes]:
    """Every part of a seed DOCX but its main document, into which a fuzzed one is put."""
    seed = sorted(SEEDS.glob("*.docx"))[0]
    with zipfile.ZipFile(seed) as zf:
        return {n: zf.read(n) for n in zf.namelist() if n != "word/document.xml"}


_SHELL: dict[str, bytes] | None = None


def as_file(target: str, data: bytes) -> Path:
    """The bytes a fuzzer made, as the file the target's reader is given."""
    global _SHELL
    path = _scratch / f"input{SUFFIX[target]}"
    if target == "docx":
        if _SHELL is None:
            _SHELL = _docx_shell()
        buf = io.BytesIO()
        with zipfile.ZipFile(buf, "w", zipfile.ZIP_STORED) as zf:
            for name, part in _SHELL.items():
                zf.writestr(name, part)
            zf.writestr("word/document.xml", data)
        data = buf.getvalue()
    path.write_bytes(data)
    return path


def one_input(target: str, data: bytes) -> None:
    """Read one fuzzed input; returns when it was read or refused with a ReadError, raises
    anything else (the crash a fuzzer reports)."""
    from extract.errors import ReadError
    from extract.readers import read
    from extract.readers.limits import ReadLimits, using

    # Generous limits, but on: a fuzzed input must not make the run slow for a legal reason. No
    # wall-time timer here: libFuzzer's own -timeout uses SIGALRM; LibreOffice gets its own bound.
    from extract.readers import legacy

    legacy.CONVERT_TIMEOUT = min(legacy.CONVERT_TIMEOUT, 30)
    with using(ReadLimits(max_pages=50, timeout=None, memory_mb=None)):
        try:
            read(as_file(target, data))
        except ReadError:
            pass


def seeds(target: str) -> list[bytes]:
    """Starting inputs: the repository's documents of the target's kind (small ones, cut)."""
    out: list[bytes] = []
    if target == "text":
        for p in sorted(SEEDS.glob("*.txt")):
            text = p.read_text(encoding="utf-8")[:6000]
            out.append(text.encode("utf-8"))
            out.append(text.encode("utf-16-le"))
            out.append(text.encode("cp1258", errors="ignore"))
        out.append(b"\x89PNG\r\n\x1a\n" + bytes(64))
    elif target == "docx":
        for p in sorted(SEEDS.glob("*.docx")):
            with zipfile.ZipFile(p) as zf:
                out.append(zf.read("word/document.xml")[:MAX_INPUT])
    elif target == "docx_zip":
        out.extend(p.read_bytes() for p in sorted(SEEDS.glob("*.docx")))
    elif target == "pdf":
        out.extend(p.read_bytes() for p in sorted(SEEDS.glob("*.pdf")) if p.stat().st_size <= MAX_INPUT)
    elif target == "html":
        out.extend(p.read_bytes()[:MAX_INPUT] for p in sorted(REALDOCS.glob("*/*.htm*")))
    elif target == "legacy":
        out.extend(p.read_bytes() for p in sorted(REALDOCS.glob("*/*.doc")) if p.stat().st_size <= 200_000)
    return out


def regressions(target: str) -> list[Path]:
    folder = REGRESSIONS / target
    return sorted(p for p in folder.iterdir() if p.is_file() and not p.name.startswith(".")) if folder.is_dir() else []


def available(target: str) -> bool:
    """Whether this machine can run the target (LibreOffice for legacy, the HTML reader)."""
    if target == "legacy":
        from extract.readers.legacy import soffice

        return soffice() is not None
    if target == "html":
        try:
            import extract.readers.html  # noqa: F401
        except ImportError:
            return False
    return True


def cleanup() -> None:
    import shutil

    shutil.rmtree(_scratch, ignore_errors=True)

