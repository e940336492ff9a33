"""Page images of a stored document for the review page.

A PDF is rendered with pypdfium2 (the library the PDF reader uses). A DOCX or legacy .doc is
first converted to PDF by LibreOffice (the same program the legacy reader converts with), once;
the PDF is kept beside the original in the store. Text and HTML documents have no pages.
"""

from __future__ import annotations

import io
import os
import subprocess
import tempfile
import threading
from pathlib import Path

import sqlalchemy as sa

from ..store import Store
from ..store import schema as t

CONVERT_TIMEOUT = 180
CONVERTIBLE = {"docx": ".docx", "doc": ".doc", "odt": ".odt", "rtf": ".rtf"}
# One LibreOffice at a time: a conversion takes a core and hundreds of MiB.
_convert_lock = threading.Lock()
# PDFium is not thread-safe and requests are served from a thread pool: one caller at a time.
_pdfium_lock = threading.Lock()


class NoPages(Exception):
    """This document has no page images (text, HTML, no LibreOffice, a failed conversion)."""


def to_pdf(data: bytes, fmt: str) -> bytes:
    """A DOCX/DOC/ODT/RTF converted to PDF by LibreOffice (headless, a private profile)."""
    from ..readers.legacy import soffice

    exe = soffice()
    if exe is None:
        raise NoPages("page images of a Word document need LibreOffice (apt-get install libreoffice-writer)")
    with _convert_lock, tempfile.TemporaryDirectory(prefix="vnplan-pages-") as tmp:
        src = Path(tmp) / f"in{CONVERTIBLE[fmt]}"
        src.write_bytes(data)
        outdir = Path(tmp, "out")
        cmd = [exe, f"-env:UserInstallation={Path(tmp, 'profile').as_uri()}", "--headless", "--norestore",
               "--convert-to", "pdf", "--outdir", str(outdir), str(src)]
        try:
            subprocess.run(cmd, capture_output=True, timeout=CONVERT_TIMEOUT, env=dict(os.environ, HOME=tmp))
        except subprocess.TimeoutExpired:
            raise NoPages(f"LibreOffice did not convert the document within {CONVERT_TIMEOUT} s") from None
        out = outdir / "in.pdf"
        if not out.exists() or out.stat().st_size == 0:
            raise NoPages("LibreOffice could not convert the document to PDF")
        return out.read_bytes()


def pdf_of(store: Store, doc_id: int) -> bytes:
    """The PDF whose pages are shown for a document."""
    with store.read() as conn:
        row = conn.execute(
            sa.select(t.files.c.id, t.files.c.format, t.files.c.data, t.files.c.rendition)
            .join(t.documents, t.documents.c.file == t.files.c.id).where(t.documents.c.id == doc_id)
        ).mappings().first()
    if row is None:
        raise NoPages("no uploaded file for this document")
    if row["format"] == "pdf":
        return row["data"]
    if row["rendition"]:
        return row["rendition"]
    if row["format"] not in CONVERTIBLE:
        raise NoPages(f"a {row['format']} document has no pages")
    pdf = to_pdf(row["data"], row["format"])
    with store.write() as conn:
        conn.execute(t.files.update().where(t.files.c.id == row["id"]).values(rendition=pdf))
    return pdf


def page_count(pdf: bytes) -> int:
    import pypdfium2 as pdfium

    with _pdfium_lock:
        doc = pdfium.PdfDocument(pdf)
        try:
            return len(doc)
        finally:
            doc.close()


def render_page(pdf: bytes, page: int, scale: float) -> bytes:
    """PNG of page ``page`` (1-based) at ``scale`` × 72 dpi; sizes in PDF points × scale."""
    import pypdfium2 as pdfium

    with _pdfium_lock:
        doc = pdfium.PdfDocument(pdf)
        try:
            if not 1 <= page <= len(doc):
                raise IndexError(page)
            image = doc[page - 1].render(scale=scale).to_pil()
        finally:
            doc.close()
    out = io.BytesIO()
    image.save(out, format="PNG")
    return out.getvalue()
