"""The page around an HTML document: its encoding, the portal's metadata table, the site's
menus and footers, and the element that holds the document itself.

Word "Save as Web Page" files are the document and nothing else. Pages saved from portals wrap
it in a site: navigation, search boxes, related-document lists, footers, a metadata table. The
chrome is recognised by tag (nav, footer, form...), by class or id (menu, footer, breadcrumb...)
and by link density (a block that is mostly links is a menu), and is kept whenever it holds a
mark of the document itself (the national motto, "Nơi nhận", "Số: ..."): a site's chrome never
prints those, and a document never loses its own lines to a class name.
"""

from __future__ import annotations

from pathlib import Path

import regex

from ..errors import ReadError
from ..lang.fold import fold
from ..lang.portal import portal_labels

BLOCK_TAGS = frozenset({
    "p", "div", "li", "ul", "ol", "dl", "dt", "dd", "blockquote", "pre", "section", "article",
    "main", "center", "address", "figure", "figcaption", "body", "html", "caption", "hr",
    "fieldset", "details", "summary",
})
SKIP_TAGS = frozenset({
    "head", "script", "style", "noscript", "template", "iframe", "object", "embed", "svg",
    "canvas", "nav", "footer", "aside", "form", "button", "select", "option", "input", "textarea",
    "menu", "img", "map", "audio", "video", "title", "meta", "link",
})
_CHROME_WORDS = (
    "nav", "navbar", "menu", "footer", "sidebar", "breadcrumb", "breadcrumbs", "banner", "advert",
    "ads", "social", "share", "login", "search", "cookie", "popup", "modal", "related", "comment",
    "comments", "toolbar", "topbar", "header", "masthead", "pagination", "tags",
)
_CHROME_CLASS = regex.compile(r"(?:^|[\s_\-])(?:" + "|".join(_CHROME_WORDS) + r")(?:$|[\s_\-\d])", regex.I)
_HIDDEN_STYLE = regex.compile(r"display\s*:\s*none|visibility\s*:\s*hidden|mso-hide\s*:\s*all", regex.I)
# Marks of an administrative document's own lines (folded: OCR-free HTML still varies in accents).
_DOC_MARKS = regex.compile(
    r"doc lap\s*[-–]\s*tu do\s*[-–]\s*hanh phuc|cong hoa xa hoi chu nghia viet nam|^noi nhan\b|^so\s*:\s*\d*\s*/|^kinh gui\b",
    regex.M,
)
_CHARSET = regex.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_\-:.]+)""", regex.I)
_XML_DECL = regex.compile(r"^\s*<\?xml[^>]*\?>")
_WORD_PAGE = regex.compile(rb"urn:schemas-microsoft-com:office:word|content=[\"']?Word\.Document|Microsoft Word", regex.I)


def decode_html(path: Path, data: bytes) -> str:
    """The page as text: a BOM first, then the charset the page declares, then UTF-8, then
    windows-1252 (the web's default, and Word's for Vietnamese letters written as &#NNNN;)."""
    for bom, enc in ((b"\xef\xbb\xbf", "utf-8"), (b"\xff\xfe", "utf-16-le"), (b"\xfe\xff", "utf-16-be")):
        if data.startswith(bom):
            return _decode(path, data[len(bom):], [enc])
    declared = _CHARSET.search(data[:8192])
    candidates = [declared.group(1).decode("ascii", "ignore").lower()] if declared else []
    return _XML_DECL.sub("", _decode(path, data, [*candidates, "utf-8", "windows-1252"]))


def _decode(path: Path, data: bytes, encodings: list[str]) -> str:
    for enc in encodings:
        if enc in ("iso-8859-1", "latin1", "latin-1", "us-ascii", "ascii"):
            enc = "windows-1252"  # what browsers read those labels as
        try:
            text = data.decode(enc)
        except (LookupError, UnicodeDecodeError):
            continue
        if "\x00" in text:
            raise ReadError(str(path), "binary data, not an HTML page", "unsupported")
        return text
    raise ReadError(str(path), "HTML page in an unknown encoding", "unsupported")


def is_word_page(data_head: bytes) -> bool:
    return bool(_WORD_PAGE.search(data_head))


def is_hidden(el) -> bool:
    if el.get("hidden") is not None:
        return True
    return bool(_HIDDEN_STYLE.search(el.get("style") or ""))


def _own_text(el) -> str:
    return " ".join((el.text_content() or "").split())


def _pieces(el):
    """(text, element printing it) for every text node under ``el``."""
    for node in el.iter():
        if not isinstance(node.tag, str):
            continue
        if node.text and node.text.strip():
            yield node.text, node
        if node is not el and node.tail and node.tail.strip() and node.getparent() is not None:
            yield node.tail, node.getparent()


def _has_doc_mark(el) -> bool:
    text = "\n".join(" ".join(t.split()) for t in el.itertext())
    return _DOC_MARKS.search(fold(text)) is not None


def metadata_rows(root) -> list[tuple[str, str]]:
    """(label, value) pairs of the portal's metadata, in page order, each label once; the
    elements that printed them are removed so that they do not repeat in the body."""
    labels = portal_labels()
    found: list[tuple[str, str]] = []
    seen: set[str] = set()
    spent = []
    for el in root.iter("td", "th", "dt", "b", "strong", "span", "label", "div", "li", "p"):
        text = _own_text(el)
        field = labels.field_of(text)
        if field is None:
            continue
        value_el = el.getnext()
        if value_el is None and el.tag not in ("td", "th", "dt"):
            value = " ".join((el.tail or "").split())  # "<b>Số hiệu:</b> 6225/BVHTTDL-VP"
        else:
            value = _own_text(value_el) if value_el is not None else ""
        if not value or labels.field_of(value) is not None or len(value) > 200:
            continue
        key = fold(text).rstrip(" :")
        if key not in seen:
            seen.add(key)
            found.append((text.rstrip(" :") + ":", value))
        spent.append(el.getparent() if el.tag in ("td", "th", "dt") else el)
    tables = {t for t in (_ancestor(e, "table") for e in spent) if t is not None and not _has_doc_mark(t)}
    for table in tables:
        _drop(table)
    for el in spent:
        if _ancestor(el, "table") is None and el.getparent() is not None:
            _drop(el)
    return found


def _ancestor(el, tag: str):
    node = el
    while node is not None:
        if node.tag == tag:
            return node
        node = node.getparent()
    return None


def _drop(el, keep_tail: bool = False) -> None:
    """Remove ``el``; lxml removes its tail text with it, which is kept when asked."""
    parent = el.getparent()
    if parent is None:
        return
    tail, prev = el.tail, el.getprevious()
    parent.remove(el)
    if keep_tail and tail:
        if prev is not None:
            prev.tail = (prev.tail or "") + tail
        else:
            parent.text = (parent.text or "") + tail


def remove_chrome(root) -> None:
    """Drop the site's navigation, forms, footers, link lists and hidden blocks."""
    doomed = []
    for el in root.iter():
        if not isinstance(el.tag, str):
            continue
        tag = el.tag.lower()
        if tag in ("html", "body"):
            continue
        names = f"{el.get('id') or ''} {el.get('class') or ''} {el.get('role') or ''}"
        chrome = tag in ("nav", "footer", "aside", "form", "header", "menu") or bool(
            names.strip() and _CHROME_CLASS.search(names)) or (
            tag in ("div", "ul", "ol", "table", "section", "td") and _link_dense(el))
        if chrome and not _has_doc_mark(el):
            doomed.append(el)
    gone = set()
    for el in doomed:
        if not any(a in gone for a in el.iterancestors()):
            gone.add(el)
            _drop(el, keep_tail=True)


def _link_dense(el) -> bool:
    links = el.findall(".//a")
    if len(links) < 3:
        return False
    text = len(_own_text(el))
    linked = sum(len(_own_text(a)) for a in links)
    return text > 0 and linked / text >= 0.6


def document_root(root, word_page: bool):
    """The element that holds the document: the body of a Word page (its sections and
    appendices are all the document), else the smallest element holding every mark of the
    document (motto, "Số:", "Kính gửi", "Nơi nhận")."""
    body = root.find("body")
    if body is None:
        body = root
    if word_page:
        return body
    marked = []
    for text, owner in _pieces(body):
        if _DOC_MARKS.search(fold(" ".join(text.split()))) and owner not in marked:
            marked.append(owner)
    if len(marked) < 2:
        return body
    common = [marked[0], *marked[0].iterancestors()]
    for el in marked[1:]:
        mine = {el, *el.iterancestors()}
        common = [a for a in common if a in mine]
    node = common[0] if common else body
    while node.tag in ("table", "tbody", "thead", "tr", "td", "th") and node.getparent() is not None:
        node = node.getparent()  # the header table's container holds the body text too
    return node
