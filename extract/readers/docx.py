"""DOCX reader: WordprocessingML body -> Layout.

The parts are read straight from the zip with lxml (python-docx builds a full object model we
would not use, and its table API hides vMerge/gridSpan). What a reader of the printed page sees
is what we keep: tracked insertions read as accepted and deletions dropped, automatic numbering
rendered into the text, merged cells resolved, footnotes kept apart after the body.
"""

from __future__ import annotations

import posixpath
import re
import zipfile
import zlib
from pathlib import Path

from lxml import etree

from ..errors import ReadError
from ..model.layout import Cell, Layout, Page, Paragraph, Row, Table
from ..lang.text import nfc
from .limits import out_of_memory, read_member
from .numbering import Numbering

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
REL = "{http://schemas.openxmlformats.org/package/2006/relationships}"

# Containers whose children are read as if they were inline: hyperlinks, content controls,
# smart tags, simple fields, tracked insertions and moves-to.
TRANSPARENT = {W + t for t in ("hyperlink", "smartTag", "fldSimple", "customXml", "ins", "moveTo", "sdt", "sdtContent", "dir", "bdo")}
# Read as not there: tracked deletions and moves-from, and properties.
SKIPPED = {W + t for t in ("del", "moveFrom", "pPr", "rPr", "sdtPr", "sdtEndPr", "proofErr", "bookmarkStart", "bookmarkEnd")}
# Tags a run's children are compared with, once per child of every run: made once here, not
# concatenated at each comparison.
_T, _TAB, _PTAB, _BR, _CR = W + "t", W + "tab", W + "ptab", W + "br", W + "cr"
_RPR, _RENDERED_BREAK, _NO_BREAK_HYPHEN = W + "rPr", W + "lastRenderedPageBreak", W + "noBreakHyphen"
_SYM, _FOOTNOTE_REF, _ALTERNATE = W + "sym", W + "footnoteReference", MC + "AlternateContent"
_TYPE, _VAL, _CHAR, _ID = W + "type", W + "val", W + "char", W + "id"
_P, _R, _TBL = W + "p", W + "r", W + "tbl"
NOTE_START = re.compile(r"^[¹²³⁴⁵⁶⁷⁸⁹⁰]+\s")  # a footnote typed into the body
STRICT_W = b"http://purl.oclc.org/ooxml/wordprocessingml/main"
TRANSITIONAL_W = b"http://schemas.openxmlformats.org/wordprocessingml/2006/main"
STRICT_R = b"http://purl.oclc.org/ooxml/officeDocument/relationships"
TRANSITIONAL_R = b"http://schemas.openxmlformats.org/officeDocument/2006/relationships"
SUPERSCRIPT = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")
_PARSER = etree.XMLParser(resolve_entities=False, huge_tree=True, remove_comments=True)


def _on(el) -> bool:
    """A w:b / w:vanish style toggle: present and not switched off."""
    if el is None:
        return False
    return el.get(W + "val", "true") not in ("0", "false", "off", "none")


class _Styles:
    """Style chain lookups: heading level, bold, numbering inherited from a paragraph style."""

    def __init__(self, root):
        self.by_id: dict[str, object] = {}
        self.default_para: str | None = None
        self._cache: dict[tuple[str, str], object] = {}
        if root is None:
            return
        for st in root.iter(W + "style"):
            sid = st.get(W + "styleId")
            self.by_id[sid] = st
            if st.get(W + "type") == "paragraph" and st.get(W + "default") in ("1", "true"):
                self.default_para = sid

    def _chain(self, sid: str | None):
        seen = set()
        while sid and sid not in seen and sid in self.by_id:
            seen.add(sid)
            st = self.by_id[sid]
            yield st
            based = st.find(W + "basedOn")
            sid = based.get(W + "val") if based is not None else None

    def lookup(self, sid: str | None, what: str):
        key = (sid or "", what)
        if key in self._cache:
            return self._cache[key]
        value = getattr(self, "_" + what)(sid)
        self._cache[key] = value
        return value

    def _heading(self, sid):
        for st in self._chain(sid):
            name = (st.find(W + "name").get(W + "val") if st.find(W + "name") is not None else "").lower()
            if name.startswith("heading ") and name[8:].strip().isdigit():
                return int(name[8:].strip())
            if name == "title":
                return 1
        # outlineLvl (on styles or paragraphs) is too often a leftover to trust: real files set
        # "Level 1" on every body paragraph. Only heading styles make headings.
        return None

    def _bold(self, sid):
        for st in self._chain(sid):
            b = st.find(f"{W}rPr/{W}b")
            if b is not None:
                return _on(b)
        return False

    def _numpr(self, sid):
        for st in self._chain(sid):
            np_ = st.find(f"{W}pPr/{W}numPr")
            if np_ is not None:
                nid = np_.find(W + "numId")
                ilvl = np_.find(W + "ilvl")
                return (nid.get(W + "val") if nid is not None else None,
                        int(ilvl.get(W + "val", "0")) if ilvl is not None else 0)
        return None


class _Reader:
    def __init__(self, path: Path, zf: zipfile.ZipFile):
        self.path = path
        self.zf = zf
        self.main = self._main_part()
        rels = self._rels(self.main)
        self.numbering = Numbering(self._xml(rels.get("numbering")))
        self.styles = _Styles(self._xml(rels.get("styles")))
        self.footnote_root = self._xml(rels.get("footnotes"))
        self.footnote_marks: dict[str, str] = {}  # footnote id -> printed mark, in body order
        self.has_rendered_breaks = False
        self.page = 1

    # --- package -------------------------------------------------------------------------
    def _main_part(self) -> str:
        names = set(self.zf.namelist())
        if "_rels/.rels" in names:
            root = etree.fromstring(read_member(self.path, self.zf, "_rels/.rels"), _PARSER)
            for rel in root.iter(REL + "Relationship"):
                if rel.get("Type", "").endswith("/officeDocument"):
                    target = rel.get("Target", "").lstrip("/")
                    if target in names:
                        return target
        if "word/document.xml" in names:
            return "word/document.xml"
        raise ReadError(str(self.path), "not a Word document (no main document part)", "corrupt")

    def _rels(self, part: str) -> dict[str, str]:
        folder, name = posixpath.split(part)
        rels_name = posixpath.join(folder, "_rels", name + ".rels")
        out: dict[str, str] = {}
        try:
            root = etree.fromstring(read_member(self.path, self.zf, rels_name), _PARSER)
        except KeyError:
            return out
        for rel in root.iter(REL + "Relationship"):
            kind = rel.get("Type", "").rsplit("/", 1)[-1]
            target = rel.get("Target", "")
            if rel.get("TargetMode") == "External":
                continue
            full = target.lstrip("/") if target.startswith("/") else posixpath.normpath(posixpath.join(folder, target))
            out.setdefault(kind, full)
        return out

    def _xml(self, part: str | None):
        if not part:
            return None
        try:
            data = read_member(self.path, self.zf, part)
        except KeyError:
            return None
        if STRICT_W in data:  # ISO 29500 "Strict" files: same vocabulary, another namespace
            data = data.replace(STRICT_W, TRANSITIONAL_W).replace(STRICT_R, TRANSITIONAL_R)
        try:
            return etree.fromstring(data, _PARSER)
        except etree.XMLSyntaxError as exc:
            if _out_of_memory(exc):  # libxml2 could not allocate: a limit, not a damaged file
                raise out_of_memory(self.path) from exc
            raise ReadError(str(self.path), f"damaged part {part}: {exc}", "corrupt") from exc

    # --- inline content ------------------------------------------------------------------
    def _runs_text(self, el, out: list[str], bold: list[bool], para_bold: bool) -> None:
        for child in el:
            tag = child.tag
            if tag == _R:
                self._run(child, out, bold, para_bold)
            elif tag in TRANSPARENT:
                self._runs_text(child, out, bold, para_bold)
            elif tag == MC + "AlternateContent":
                choice = child.find(MC + "Choice")
                if choice is None:
                    choice = child.find(MC + "Fallback")
                if choice is not None:
                    self._runs_text(choice, out, bold, para_bold)
            elif tag in SKIPPED:
                continue

    def _run(self, r, out: list[str], bold: list[bool], para_bold: bool) -> None:
        rpr = r.find(W + "rPr")
        is_bold = para_bold
        if rpr is not None:
            if _on(rpr.find(W + "vanish")) or _on(rpr.find(W + "webHidden")):
                return
            b = rpr.find(W + "b")
            if b is not None:
                is_bold = _on(b)
            else:
                rs = rpr.find(W + "rStyle")
                if rs is not None and self.styles.lookup(rs.get(W + "val"), "bold"):
                    is_bold = True
        start = len(out)
        align = rpr.find(W + "vertAlign") if rpr is not None else None
        superscript = align is not None and align.get(_VAL) == "superscript"
        for child in r:
            tag = child.tag
            if tag == _T:
                text = child.text or ""
                # a raised note number prints as one; superscript words ("m2") stay text
                out.append(text.translate(SUPERSCRIPT) if superscript and text.strip().isdigit() else text)
            elif tag == _RPR:
                continue
            elif tag == _TAB or tag == _PTAB:
                out.append("\t")
            elif tag == _BR or tag == _CR:
                if child.get(_TYPE) == "page":
                    self.page += 0 if self.has_rendered_breaks else 1
                    out.append("\n")
                elif child.get(_TYPE) != "column":
                    out.append("\n")
            elif tag == _RENDERED_BREAK:
                if self.has_rendered_breaks:
                    self.page += 1
            elif tag == _NO_BREAK_HYPHEN:
                out.append("-")
            elif tag == _SYM:
                code = child.get(_CHAR, "")
                try:
                    ch = chr(int(code, 16))
                except ValueError:
                    ch = ""
                # Symbol-font private-use code points have no meaning in text.
                if ch and not ("\uf000" <= ch <= "\uf0ff"):
                    out.append(ch)
            elif tag == _FOOTNOTE_REF:
                fid = child.get(_ID, "")
                mark = self.footnote_marks.setdefault(fid, str(len(self.footnote_marks) + 1))
                out.append(mark.translate(SUPERSCRIPT))
            elif tag == _ALTERNATE:
                continue
        if any(s.strip() for s in out[start:]):
            bold.append(is_bold)

    def _paragraph_parts(self, p) -> tuple[str, int | None, bool]:
        """(text with its rendered number, heading level, all-bold) for one w:p."""
        ppr = p.find(W + "pPr")
        sid = None
        num = None
        heading = None
        if ppr is not None:
            ps = ppr.find(W + "pStyle")
            sid = ps.get(W + "val") if ps is not None else None
            np_ = ppr.find(W + "numPr")
            if np_ is not None:
                nid = np_.find(W + "numId")
                ilvl = np_.find(W + "ilvl")
                num = (nid.get(W + "val") if nid is not None else None,
                       int(ilvl.get(W + "val", "0")) if ilvl is not None else 0)
                if num[0] is None:  # numPr with only ilvl: the style supplies numId
                    st = self.styles.lookup(sid, "numpr")
                    num = (st[0], num[1]) if st else None
        sid = sid or self.styles.default_para
        if num is None:
            num = self.styles.lookup(sid, "numpr")
        if heading is None:
            heading = self.styles.lookup(sid, "heading")
        para_bold = self.styles.lookup(sid, "bold")
        out: list[str] = []
        bold: list[bool] = []
        self._runs_text(p, out, bold, para_bold)
        text = "".join(out)
        if num is not None and num[0]:
            label = self.numbering.label(num[0], num[1])
            if label:  # Word shows the number even on an empty paragraph (STT cells)
                text = f"{label} {text.lstrip()}".rstrip()
        text = nfc(text.replace("\xa0", " "))
        return text, heading, bool(bold) and all(bold)

    # --- blocks --------------------------------------------------------------------------
    def body_blocks(self, container) -> list:
        blocks: list = []
        for child in container:
            tag = child.tag
            if tag == _P:
                page = self.page if self.has_rendered_breaks else None
                text, heading, bold = self._paragraph_parts(child)
                for line in text.split("\n"):
                    line = _clean(line)
                    if line:
                        blocks.append(Paragraph(line, heading=heading, bold=bold, page=page,
                                                footnote=bool(NOTE_START.match(line))))
            elif tag == _TBL:
                table = self.table(child)
                if table is not None:
                    blocks.extend(table)
            elif tag in TRANSPARENT:
                blocks.extend(self.body_blocks(child))
            elif tag == MC + "AlternateContent":
                choice = child.find(MC + "Choice")
                if choice is not None:
                    blocks.extend(self.body_blocks(choice))
        return blocks

    def cell_text(self, tc) -> str:
        lines: list[str] = []
        for block in self.body_blocks(tc):
            if isinstance(block, Paragraph):
                lines.append(block.text)
            else:  # nested table: one line per row, cells separated as printed side by side
                for row in block.rows:
                    texts = [c.text.replace("\n", " ") for c in row.cells if c.text and not c.merged_from_above]
                    if texts:
                        lines.append(" | ".join(texts))
        return "\n".join(lines)

    def table(self, tbl) -> list | None:
        """A w:tbl as a Table; a 1x1 layout table around other content is unwrapped to it."""
        rows_el = [tr for tr in _children(tbl, W + "tr")]
        if len(rows_el) == 1:
            cells = list(_children(rows_el[0], W + "tc"))
            if len(cells) == 1 and cells[0].find(".//" + W + "tbl") is not None:
                return self.body_blocks(cells[0])
        page = self.page if self.has_rendered_breaks else None
        rows: list[Row] = []
        header_rows = 0
        header_run = True
        above: dict[int, str] = {}  # grid column -> text of the cell above (for vMerge)
        for tr in rows_el:
            trpr = tr.find(W + "trPr")
            col = 0
            cells: list[Cell] = []
            if trpr is not None:
                gb = trpr.find(W + "gridBefore")
                if gb is not None:
                    col = int(gb.get(W + "val", "0") or 0)
                    cells.extend(Cell("") for _ in range(col))
            row_page = self.page if self.has_rendered_breaks else None
            # Every cell that crosses a page break carries its own rendered break: a row
            # advances the page by the most any of its cells does, not by their sum.
            row_start = self.page
            advance = 0
            for tc in _children(tr, W + "tc"):
                advance = max(advance, self.page - row_start)
                self.page = row_start
                tcpr = tc.find(W + "tcPr")
                span = 1
                vmerge = None
                if tcpr is not None:
                    gs = tcpr.find(W + "gridSpan")
                    if gs is not None:
                        try:
                            span = max(1, int(gs.get(W + "val", "1")))
                        except ValueError:
                            span = 1
                    vm = tcpr.find(W + "vMerge")
                    if vm is not None:
                        vmerge = vm.get(W + "val", "continue")
                    if tcpr.find(W + "hMerge") is not None and tcpr.find(W + "hMerge").get(W + "val", "continue") == "continue":
                        # legacy horizontal merge: widen the previous cell
                        if cells:
                            cells[-1].colspan += 1
                        col += 1
                        continue
                if vmerge == "continue":
                    text = self.cell_text(tc)  # usually empty; read it so numbering counters advance
                    cells.append(Cell(above.get(col, text), merged_from_above=True, colspan=span))
                else:
                    text = self.cell_text(tc)
                    cells.append(Cell(text, colspan=span))
                    above[col] = text
                col += span
            advance = max(advance, self.page - row_start)
            self.page = row_start + advance
            if header_run and trpr is not None and _on(trpr.find(W + "tblHeader")):
                header_rows += 1
            else:
                header_run = False
            rows.append(Row(cells, page=row_page))
        if not rows:
            return []
        return [Table(rows, page=page, header_rows=header_rows)]

    def footnotes(self) -> list[Paragraph]:
        if self.footnote_root is None:
            return []
        by_id = {}
        for fn in self.footnote_root.iter(W + "footnote"):
            if fn.get(W + "type") in ("separator", "continuationSeparator", "continuationNotice"):
                continue
            by_id[fn.get(W + "id")] = fn
        out = []
        for fid, mark in self.footnote_marks.items():
            fn = by_id.get(fid)
            if fn is None:
                continue
            texts = [b.text for b in self.body_blocks(fn) if isinstance(b, Paragraph)]
            text = _clean(" ".join(texts))
            if text:
                out.append(Paragraph(f"{mark.translate(SUPERSCRIPT)} {text}", footnote=True))
        return out


def _out_of_memory(exc: etree.XMLSyntaxError) -> bool:
    """Whether libxml2 failed for want of memory (XML_ERR_NO_MEMORY) rather than bad XML."""
    if "memory" in str(exc).lower():
        return True
    return any(e.type == etree.ErrorTypes.ERR_NO_MEMORY for e in getattr(exc, "error_log", ()) or ())


def _children(el, tag):
    """Direct children with this tag, looking through content controls and tracked insertions."""
    for child in el:
        if child.tag == tag:
            yield child
        elif child.tag in (W + "sdt", W + "sdtContent", W + "customXml", W + "ins", W + "moveTo"):
            yield from _children(child, tag)


def _clean(line: str) -> str:
    """Collapse spaces; a tab inside the line is kept (tab-separated grids typed as text)."""
    line = line.strip()
    if "\t" not in line:
        return " ".join(line.split())
    return "\t".join(" ".join(piece.split()) for piece in line.split("\t"))


def _app_pages(path: Path) -> int | None:
    try:
        with zipfile.ZipFile(path) as zf:
            m = re.search(rb"<Pages>(\d+)</Pages>", read_member(path, zf, "docProps/app.xml"))
    except (KeyError, ReadError, RuntimeError, *_DAMAGED):  # a page count is a hint: never a failure
        return None
    return int(m.group(1)) if m and int(m.group(1)) > 0 else None


_DAMAGED = (zipfile.BadZipFile, zlib.error, EOFError, ValueError, OSError, NotImplementedError)


def read_docx(path: Path) -> Layout:
    path = Path(path)
    # A damaged zip directory makes zipfile seek to a negative offset (OSError EINVAL), read past
    # the end (EOFError) or meet a version or method it does not know (NotImplementedError):
    # found by fuzzing (tests/fuzz/regressions/docx_zip/).
    try:
        zf = zipfile.ZipFile(path)
    except _DAMAGED as exc:
        raise ReadError(str(path), "damaged DOCX (not a valid zip archive)", "corrupt") from exc
    try:
        with zf:
            return _read(path, zf)
    except _DAMAGED as exc:  # (before RuntimeError: NotImplementedError, an unknown method, is one)
        raise ReadError(str(path), f"damaged DOCX ({exc.__class__.__name__}: {exc})".replace("\n", " "), "corrupt") from exc
    except RuntimeError as exc:  # zipfile: "File ... is encrypted, password required"
        if "encrypted" not in str(exc):
            raise
        raise ReadError(str(path), "DOCX is password-protected", "encrypted") from exc


def _read(path: Path, zf: zipfile.ZipFile) -> Layout:
    names = zf.namelist()
    if "mimetype" in names and read_member(path, zf, "mimetype").startswith(b"application/vnd.oasis.opendocument"):
        # An OpenDocument file whose mimetype is not stored first (the format table sends the
        # usual ones to LibreOffice before they get here).
        raise ReadError(str(path), "an OpenDocument file, not DOCX: save it as .odt or .docx", "unsupported")
    if "EncryptedPackage" in names:
        raise ReadError(str(path), "DOCX is password-protected", "encrypted")
    reader = _Reader(path, zf)
    root = reader._xml(reader.main)
    if root is None:
        raise ReadError(str(path), "damaged DOCX (main document part missing)", "corrupt")
    body = root.find(W + "body")
    if body is None:
        raise ReadError(str(path), "not a Word document (no body)", "unsupported")
    reader.has_rendered_breaks = body.find(".//" + W + "lastRenderedPageBreak") is not None
    blocks = reader.body_blocks(body)
    blocks.extend(reader.footnotes())
    if not any((b.text.strip() if isinstance(b, Paragraph) else b.rows) for b in blocks):
        raise ReadError(str(path), "DOCX has no text", "empty")
    page_count = None
    if reader.has_rendered_breaks:
        # Word's own count at the last save is the authority; the breaks it left in the XML
        # are per cell and per text frame, so counting them over-counts a little.
        page_count = _app_pages(path) or reader.page
    return Layout(path=str(path), format="docx", pages=[Page(None, blocks)], page_count=page_count)
