"""Plain-text reader.

Text renditions of plans come in two shapes:
- "typed" text (markdown-ish): one paragraph per line, '#' headings, '**bold**', HTML remnants,
  tab-separated table rows, running page numbers ("2/14") left between rows;
- text pulled from a PDF whose layout broke: every visual line ends with a space, paragraphs
  are hard-wrapped and each table cell is wrapped over several lines: the reader hands
  those lines on as they are (``Layout.wrapped_lines``) and ``structure.wrapped`` rebuilds them.
"""

from __future__ import annotations

from pathlib import Path

import regex

from ..errors import ReadError
from .encodings import decode_text
from .spaced_tables import spaced_tables
from ..model.layout import Cell, Layout, Page, Paragraph, Row, Table
from ..lang.text import is_page_number, nfc, strip_markup

_HEADING = regex.compile(r"^(#{1,6})\s+(.*)$")
_FOOTNOTE = regex.compile(r"^(?:[¹²³⁴⁵⁶⁷⁸⁹⁰]+|<sup>\s*\d+\s*</sup>)\s*(?=\S)")
_SPACES = regex.compile(r"[ \t\u00a0]+")
_BOLD_MARK = "**"


def decode(path: Path, data: bytes) -> str:
    """The text of the file's bytes (UTF-8/16/32, or a legacy Vietnamese encoding converted);
    ReadError when they are not text. See ``encodings``."""
    return decode_text(path, data).text


def read_text(path: Path) -> Layout:
    data = path.read_bytes()
    decoded = decode_text(path, data)  # a legacy encoding converted comes with a warning
    del data  # a large file: hold one copy of it at a time
    text = nfc(decoded.text).replace("\r\n", "\n").replace("\r", "\n")
    decoded.text = ""
    if "\x00" in text:
        raise ReadError(str(path), "binary data, not a text document", "unsupported")
    lines = text.split("\n")
    del text
    if not any(line.strip() for line in lines):
        raise ReadError(str(path), "file is empty (no text)", "empty")
    if is_hard_wrapped(lines):
        # A broken PDF text layer: the lines are kept as they are and the structure stage
        # rebuilds paragraphs and table cells from them (it knows what a cell may hold).
        return Layout(path=str(path), format="text", pages=[Page(None, [])], page_count=None,
                      wrapped_lines=lines, warnings=list(decoded.warnings))
    return Layout(path=str(path), format="text", pages=[Page(None, read_typed(spaced_columns(spaced_tables(lines))))],
                  page_count=None, warnings=list(decoded.warnings))


_RECIPIENTS_BESIDE = regex.compile(r"^\s*(?i:nơi\s+nhận)\s*:?(?P<gap>\s{3,})(?=\S)", regex.VERSION1)
_GAP = regex.compile(r"\S(?P<gap> {2,}|\t)(?=\S)")
_SIGNATURE_LINES = 25  # lines after "Nơi nhận" that may hold the signature beside the recipients


_MARK_TAB = regex.compile(
    r"^\t*\s*(?P<mark>[-+•*–]|\d{1,2}(?:\.\d{1,2}){0,3}\.|[a-zđ]\)|[IVXLC]{1,6}\.|\(\d{1,2}\))"
    # (not a row whose other cells are empty: "I. SỞ TƯ PHÁP<tab><tab><tab>", a table's group row)
    r"(?:\t+|\s+)(?P<text>\S[^\t]*?)[ \u00a0]*$", regex.VERSION1)


def spaced_columns(lines: list[str]) -> list[str]:
    """The signature block set beside "Nơi nhận" with spaces, as text copied from a PDF lays
    it out ("Nơi nhận:            KT. GIÁM ĐỐC", "- Sở Y tế;            PHÓ GIÁM ĐỐC", then the
    name alone far to the right): its two columns are split with a tab, as a .doc saved as
    text separates them, so that the signature is read apart from the recipients. Only the
    lines after "Nơi nhận" are touched; the right column starts where the line of "Nơi nhận"
    has it."""
    out = list(lines)
    for i, line in enumerate(lines):
        m = _RECIPIENTS_BESIDE.match(line)
        if not m or "\t" in line:
            continue
        column = m.end()
        for j in range(i, min(len(lines), i + _SIGNATURE_LINES)):
            text = lines[j]
            if not text.strip() or "\t" in text:
                continue
            indent = len(text) - len(text.lstrip(" "))
            if indent >= column - 4:
                out[j] = "\t" + text.strip()  # the right column alone ("(Đã ký)", the name)
                continue
            gap = next((g for g in _GAP.finditer(text) if abs(g.end() - column) <= 6 and len(g.group("gap")) >= 2), None)
            if gap is not None:
                out[j] = text[:gap.start("gap")].rstrip() + "\t" + text[gap.end():].strip()
        break
    return out


def is_hard_wrapped(lines: list[str]) -> bool:
    """Most lines end with a space and none hold tabs: the signature of a broken text layer."""
    content = [ln for ln in lines if ln.strip()]
    if len(content) < 10 or any("\t" in ln for ln in content):
        return False
    trailing = sum(1 for ln in content if ln.endswith(" "))
    return trailing / len(content) >= 0.6


def paragraph(line: str, bold_open: bool) -> tuple[Paragraph | None, bool]:
    """One typed line as a Paragraph; returns whether a '**' run stays open after it."""
    heading = None
    m = _HEADING.match(line)
    if m:
        heading, line = len(m.group(1)), m.group(2)
    footnote = bool(_FOOTNOTE.match(line))
    if footnote:
        line = _FOOTNOTE.sub("", line, count=1)
    bold, still_open = _bold_state(line, bold_open)
    clean = _SPACES.sub(" ", strip_markup(line)).strip()
    if not clean:
        return None, still_open
    return Paragraph(text=clean, heading=heading, bold=bool(bold), footnote=footnote), still_open


# a line of three marks or more ("***", "* * *", "-----"): a rule (Markdown's too), never "**"
_RULE_LINE = regex.compile(r"(?:\*\s*){3,}|[-_=~.•\s]{3,}")


def _bold_state(line: str, bold_open: bool) -> tuple[bool, bool]:
    """Whether the whole line is bold, and whether a '**' run is still open at its end."""
    if _RULE_LINE.fullmatch(line.strip()):
        return False, bold_open  # "***" under a Youth Union's or a Party's header: a rule, not bold
    state, whole, seen_text = bold_open, True, False
    for i, segment in enumerate(line.split(_BOLD_MARK)):
        if i:
            state = not state
        if segment.strip():
            seen_text = True
            whole = whole and state
    return whole and seen_text, state


def read_typed(lines: list[str]) -> list:
    blocks: list = []
    rows: list[Row] = []
    bold_open = False

    def flush() -> None:
        if rows:
            blocks.append(Table(rows=list(rows), merges_known=False))
            rows.clear()

    # Web pages saved as text put each table cell on its own lines between lone "|" lines.
    from .pipe_tables import pipe_blocks

    lines = markdown_rows(lines)
    source = _join_wrapped_cells(pipe_blocks(lines) or lines)
    blank_separated = _blank_separated(lines)
    after_blank = True
    for line in source:
        if isinstance(line, Table):
            flush()
            blocks.append(line)
            after_blank = True
            continue
        if "\t" in line:
            marked = _MARK_TAB.match(line)
            if marked is None:
                rows.append(Row([Cell(c) for c in line.split("\t")]))
                continue
            # "1.<tab>Sở Nội vụ ...", "<tab>2. Sở Tư pháp ...": Word's list numbering or an
            # indent saved as text, a paragraph and not a table row
            line = f"{marked.group('mark')} {marked.group('text')}"
        flush()
        if not line.strip() or is_page_number(line):
            after_blank = after_blank or not line.strip()
            continue
        para, bold_open = paragraph(line, bold_open)
        if para is not None:
            para.soft_break = blank_separated and not after_blank and bool(blocks) and isinstance(blocks[-1], Paragraph)
            blocks.append(para)
        after_blank = False
    flush()
    return blocks


_ROW_NUMBER = regex.compile(r"(?:\d{1,3}|[IVX]{1,5}|[A-ZĐ])(?:\.\d{1,3})*\.?")


def _join_wrapped_cells(source: list) -> list:
    """Tab-separated rows whose cell holds several paragraphs, as Word saves a table as text:
    "10<tab>Tổ chức bồi dưỡng chuyên môn hè:" then "- Chuyên đề ..." then "- Chuyên đề
    ...<tab>Cô Võ Thị Mỹ Linh<tab>Tổ Ngữ văn<tab>Từ 10/8 đến 14/8/2026": one row, its cell's
    paragraphs on lines of their own. Joined only where the cells then number what the table's
    first row has (a group row "A<tab>CÔNG TÁC TỔ CHỨC" over a whole row stays a row)."""
    out: list = []
    width = 0
    k = 0
    while k < len(source):
        line = source[k]
        if not isinstance(line, str) or "\t" not in line:
            width = 0 if not isinstance(line, str) or not line.strip() else width
            out.append(line)
            k += 1
            continue
        cells = line.split("\t")
        width = width or len(cells)
        if len(cells) < width and width >= 3:
            j = k + 1
            while j < len(source) and j - k <= 6 and isinstance(source[j], str) and source[j].strip() \
                    and "\t" not in source[j]:
                j += 1
            if j < len(source) and isinstance(source[j], str) and "\t" in source[j] \
                    and len(cells) + len(rest := source[j].split("\t")) - 1 == width \
                    and not (j == k + 1 and _ROW_NUMBER.fullmatch(rest[0].strip())):
                # (not a group row "A<tab>KỲ THI TUYỂN SINH ..." right over a numbered row whose
                # empty last cell was not saved: "1<tab>Ban hành ...<tab>Trước ngày ...")
                middle = [ln.strip() for ln in source[k + 1:j]]
                joined = "\n".join([cells[-1].rstrip(), *middle, rest[0].strip()])
                out.append("\t".join([*cells[:-1], joined, *rest[1:]]))
                k = j + 1
                continue
        out.append(line)
        k += 1
    return out


_MD_RULE = regex.compile(r"^\s*\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)+\|?\s*$")
_MD_ROW = regex.compile(r"^\s*\|.*\|\s*$")
# a row without its outer bars: text, then two bars or more ("STT | Nội dung | Chủ trì")
# a row of such a table whose first cell is empty: a bar first, two more, no bar at the end
_EMPTY_FIRST = regex.compile(r"^\s*\|(?:(?:[^|]|\\\|)*(?<!\\)\|){2,}(?:[^|]|\\\|)*[^|\s](?:[^|]|\\\|)*$")
_BARE_ROW = regex.compile(r"^\s*[^|\s](?:[^|]|\\\|)*(?<!\\)\|(?:[^|]|\\\|)*(?<!\\)\|")


def markdown_rows(lines: list[str]) -> list[str]:
    """A Markdown table ("| TT | Nội dung | ... |" over "|---|---|...") as the tab-separated rows
    the typed reader takes for a table: only where its rule line follows its header, as
    Markdown requires (a line that merely starts and ends with "|" stays text)."""
    if not any(_MD_RULE.match(ln) for ln in lines):
        return _rows_without_rule(lines)
    out: list[str] = []
    k = 0
    while k < len(lines):
        if k + 1 < len(lines) and _width(lines[k]) >= 2 and _MD_RULE.match(lines[k + 1]):
            # a header of two rows typed over the rule ("| ... | Thời gian | |" over "| ... |
            # Bắt đầu | Hoàn thành |"): rows of the same width right above belong to it
            above = []
            while out and out[-1] is lines[k - 1 - len(above)] and _width(out[-1]) == _width(lines[k]):
                above.insert(0, out.pop())
            out.extend(_cells(ln) for ln in above)
            out.append(_cells(lines[k]))
            k += 2
            while k < len(lines) and _width(lines[k]) >= 2:
                out.append(_cells(lines[k]))
                k += 1
            out.append("")  # the table ends here
            continue
        out.append(lines[k])
        k += 1
    return out


def _rows_without_rule(lines: list[str]) -> list[str]:
    """Rows "| STT | Nội dung | ... |" with no rule line under the first (typed by hand, or a
    converter that drops it), or without the outer bars ("STT | Nội dung | ..."): a run of two
    or more such lines with the same three or more cells is a table too (with the shorter group
    rows between them, "| A | CÔNG TÁC CHỈ ĐẠO |"); a lone line with bars stays text."""
    if not any("|" in ln for ln in lines):
        return lines
    widths = [_width(ln) for ln in lines]
    out: list[str] = []
    k = 0
    while k < len(lines):
        run = k
        while run < len(lines) and widths[k] >= 3:
            if widths[run] == widths[k]:
                run += 1
            elif (run > k and ((2 <= widths[run] < widths[k] and _MD_ROW.match(lines[run]))
                               or _GROUP_ROW.match(lines[run]))
                  and run + 1 < len(lines) and widths[run + 1] == widths[k]):
                run += 1  # "| A | CÔNG TÁC CHỈ ĐẠO |": a group row over the rows after it, not the table's end
            else:
                break
        if run - k >= 2:
            out.extend(_cells(ln) for ln in lines[k:run])
            out.append("")  # the table ends here
            k = run
            continue
        out.append(lines[k])
        k += 1
    return out


# a group row of a table typed without its outer bars: its number and its title ("I | CÔNG
# TÁC CHỈ ĐẠO, ĐIỀU HÀNH", "A | PHÒNG NGỪA SỰ CỐ")
_GROUP_ROW = regex.compile(r"^\s*(?:[IVXLC]{1,5}|[A-ZĐ]|\d{1,3})\.?\s*\|\s*[^|\s][^|]*$")


def _width(line: str) -> int:
    """The number of cells of a "| a | b |" or "a | b | c" line (or "| b | c" in a table typed
    without outer bars: its first cell empty), 0 for any other line."""
    if _MD_ROW.match(line) or _BARE_ROW.match(line) or _EMPTY_FIRST.match(line):
        return len(_row_cells(line))
    return 0


def _row_cells(line: str) -> list[str]:
    r"""The cells between the bars of a "| a | b |" line, as printed ("\|" is a bar inside a
    cell). Without the outer bars ("a | b | c", "I | Tiêu đề | | |"), every bar separates two
    cells: a bar at the end leaves an empty last cell."""
    line = line.strip()
    if line.startswith("|") and line.endswith("|") and len(line) > 1:
        line = line[1:-1]
    # ("| Kế hoạch ... | Sở Nội vụ | Trong tháng" under "Tháng 01 | ..." rows: the bar opens an
    # empty first cell, the month printed once above it)
    return regex.split(r"(?<!\\)\|", line)


def _cells(line: str) -> str:
    r"""The cells of a Markdown row, tab-separated ("\|" is a bar inside a cell; "<br>" a line)."""
    cells = _row_cells(line)
    return "\t".join(regex.sub(r"<br\s*/?>", "\n", c.replace("\\|", "|"), flags=regex.I).strip() for c in cells)


def _blank_separated(lines: list) -> bool:
    """Does the text separate its paragraphs with blank lines (so that a line printed right
    under another may be the same paragraph, wrapped)? At least one line in ten is blank."""
    texts = [ln for ln in lines if isinstance(ln, str)]
    blank = sum(1 for ln in texts if not ln.strip())
    return len(texts) >= 12 and blank * 10 >= len(texts)
