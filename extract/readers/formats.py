"""The one table of supported formats: how each is recognised (leading bytes first, suffix
second), the suffixes a folder walk takes, and the reader that turns it into a Layout.

Batch discovery, the CLI and ``read`` all ask this table; nothing else lists suffixes.
Readers are named as "module:function" and imported only when a file of theirs arrives, so
that knowing the formats costs no heavy import.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from importlib import import_module
from pathlib import Path

# Enough for a zip's first member name and an OpenDocument mimetype, and for the "<html" of a
# page saved by a browser after its "<!-- saved from url=(...) -->" line or a long doctype.
HEAD_BYTES = 1024

PDF_MAGIC = b"%PDF"
ZIP_MAGIC = b"PK\x03\x04"
RTF_MAGIC = b"{\\rtf"
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # legacy .doc (and other OLE files)
ODT_MIMETYPE = b"application/vnd.oasis.opendocument.text"
# An HTML page: its doctype or root tag after optional BOM, XML declaration and comments, or
# Word's Office namespace ("Save as Web Page"); case and whitespace ignored.
_HTML_START = re.compile(
    rb"^(?:\xef\xbb\xbf)?\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html[\s>]|head[\s>]|meta\s|body[\s>])",
    re.I | re.S,
)
_WORD_HTML = b"urn:schemas-microsoft-com:office"


@dataclass(frozen=True, slots=True)
class Format:
    name: str                   # "pdf", "docx", ...
    what: str                   # for messages: "legacy .doc"
    suffixes: tuple[str, ...]   # taken from a folder walk; the first is the canonical one
    reader: str                 # "module:function" under extract.readers, called with (path)

    def read(self, path: Path):
        module, _, function = self.reader.partition(":")
        return getattr(import_module(f"{__package__}.{module}"), function)(path)


FORMATS: tuple[Format, ...] = (
    Format("pdf", "PDF", (".pdf",), "pdf:read_pdf"),
    Format("docx", "DOCX", (".docx", ".docm"), "docx:read_docx"),
    Format("odt", "OpenDocument text", (".odt",), "legacy:read_odt"),
    Format("doc", "legacy .doc", (".doc",), "legacy:read_doc"),
    Format("rtf", "RTF", (".rtf",), "legacy:read_rtf"),
    Format("html", "HTML page", (".htm", ".html", ".xhtml"), "html:read_html"),
    Format("text", "text", (".txt", ".text"), "text:read_text"),
)
BY_NAME = {f.name: f for f in FORMATS}
# A binary format claimed by its suffix whose bytes are not that format: its reader says
# "corrupt" rather than the text reader reading garbage.
_BINARY_SUFFIX = {s: f for f in FORMATS if f.name in ("pdf", "docx", "doc") for s in f.suffixes}


def _first_zip_member(head: bytes) -> tuple[bytes, bytes]:
    """(name, first bytes of data) of the first member in a zip's local header."""
    name_len = int.from_bytes(head[26:28], "little")
    extra_len = int.from_bytes(head[28:30], "little")
    data_at = 30 + name_len + extra_len
    return head[30:30 + name_len], head[data_at:data_at + len(ODT_MIMETYPE)]


def document_suffixes() -> frozenset[str]:
    """Suffixes of the files a folder walk treats as documents."""
    return frozenset(s for f in FORMATS for s in f.suffixes)


def sniff(path: Path, head: bytes) -> str:
    """The format name of a file from its first bytes, then its suffix; "zip" for an archive
    that is not a document."""
    suffix = path.suffix.lower()
    if head.startswith(PDF_MAGIC):
        return "pdf"
    if head.startswith(ZIP_MAGIC):
        if _first_zip_member(head) == (b"mimetype", ODT_MIMETYPE):
            return "odt"  # OpenDocument stores its mimetype first, uncompressed
        return "zip" if suffix == ".zip" else "docx"
    if head.startswith(OLE_MAGIC):
        return "doc"
    if head.startswith(RTF_MAGIC):
        return "rtf"
    if suffix in _BINARY_SUFFIX:
        return _BINARY_SUFFIX[suffix].name
    if is_html(head) or suffix in BY_NAME["html"].suffixes:
        return "html"
    return "text"


def is_html(head: bytes) -> bool:
    """Whether the first bytes are an HTML page (UTF-16 pages are looked at as ASCII)."""
    if head[:2] in (b"\xff\xfe", b"\xfe\xff"):
        head = head[2:].replace(b"\x00", b"")
    return bool(_HTML_START.match(head)) or _WORD_HTML in head
