"""Text pulled from a PDF whose layout broke (one visual line per text line).

Body paragraphs are hard-wrapped, and a table comes out cell after cell: an ordinal line,
the task's wrapped lines, then each narrow cell's wrapped lines (lead, support, product), the
deadline often sharing the product's last line ("Báo cáo Quý IV/2025"). This module puts the
paragraphs back together and rebuilds the table's rows and cells, using only general cues:
line widths, capitalisation, where a body's name begins, and where a deadline ends a line.
"""

from __future__ import annotations

from itertools import combinations

import regex

from ..model.layout import Cell, Paragraph, Row, Table
from ..lang.text import is_page_number, one_line, strip_markup

_LIST_START = regex.compile(r"^(?:[-+•–(]\s?|\d+(?:\.\d+)*\.?\s+\p{Lu}|[IVXLC]+\.\s|[a-zđ]\)\s)")
_SENTENCE_END = regex.compile(r"[.:;!?]$|\./\.$")
_ORDINAL = regex.compile(r"^(?P<ord>[IVXLC]+|\d{1,3}(?:\.\d{1,3})*)(?P<dot>\.?)(?:\s+(?P<rest>.*))?$")
_GLUE_END = regex.compile(r"(?:-|,|\bvà|\bcủa|\bvới|\bvề|\bcho|\btại)$", regex.I)
_ACRONYM = regex.compile(r"^\p{Lu}{2,}\b")
_BARE_HEAD = regex.compile(r"^(?:văn phòng|phòng|sở|trung tâm|ban|cục|chi cục|ủy ban|các)$", regex.I)




def _width(lines: list[str]) -> int:
    lengths = sorted(len(ln) for ln in lines if len(ln) >= 20)
    if not lengths:
        return 80
    return lengths[int(0.8 * (len(lengths) - 1))]


def rebuild_wrapped(lines: list[str], registry=None) -> list:
    """Paragraphs and the task table of hard-wrapped text; ``registry`` tells where a body's
    name begins (the start of a lead or support cell)."""
    header_at = _find_header(lines)
    body = lines if header_at is None else lines[: header_at[0]]
    blocks: list = _paragraphs(body)
    if header_at is not None:
        start, end, parts = header_at
        blocks.append(_table(lines[end:], parts, registry))
    return blocks


# -- paragraphs ---------------------------------------------------------------------------

def _paragraphs(lines: list[str]) -> list[Paragraph]:
    texts = [strip_markup(ln).strip() for ln in lines]
    width = _width([t for t in texts if t])
    paras: list[list[str]] = []
    prev = ""
    for text in texts:
        if not text or is_page_number(text):
            continue
        joins = (
            paras
            and not _LIST_START.match(text)
            and (text[0].islower() or (len(prev) >= 0.75 * width and not _SENTENCE_END.search(prev)))
        )
        if joins:
            paras[-1].append(text)
        else:
            paras.append([text])
        prev = text
    return [Paragraph(text=one_line(" ".join(p))) for p in paras]


# -- table header -------------------------------------------------------------------------

def _find_header(lines: list[str]):
    """(first line, line after the header, roles) of a run-together table header, if any."""
    from .columns import split_header_text

    for i, line in enumerate(lines):
        if not regex.match(r"^\s*S?TT\b", line):
            continue
        text, best = "", None
        for j in range(i, min(i + 16, len(lines))):
            if not lines[j].strip():
                continue
            text = f"{text} {lines[j].strip()}".strip()
            parts = split_header_text(text)
            if parts:
                best = (j + 1, parts)
        if best and "task" in [role for role, _ in best[1]] and len(best[1]) >= 3:
            return i, best[0], best[1]
    return None


# -- table rows ---------------------------------------------------------------------------

def _successor(prev: str | None, cand: str, last_roman: str | None) -> bool:
    """Whether ordinal ``cand`` can follow ``prev`` in a numbered table."""
    if regex.fullmatch(r"[IVXLC]+", cand):
        return _roman(cand) == (_roman(last_roman) + 1 if last_roman else 1)
    if prev is None or regex.fullmatch(r"[IVXLC]+", prev):
        return cand == "1"
    p = [int(x) for x in prev.split(".")]
    c = [int(x) for x in cand.split(".")]
    if c == p + [1]:
        return True
    for depth in range(len(p), 0, -1):
        if c == p[: depth - 1] + [p[depth - 1] + 1]:
            return True
    return c == [1]


def _roman(text: str) -> int:
    values = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}
    total = 0
    for a, b in zip(text, text[1:] + " "):
        v = values[a]
        total += -v if values.get(b, 0) > v else v
    return total


def _groups(lines: list[str]):
    """Split table lines into (ordinal, dotted, lines) groups at plausible ordinals."""
    groups: list[tuple[str, bool, list[str]]] = []
    prev_arabic: str | None = None
    last_roman: str | None = None
    for raw in lines:
        if not raw.strip():
            if raw and groups:  # a whitespace-only line: an empty cell
                groups[-1][2].append("")
            continue
        line = strip_markup(raw).strip()
        if is_page_number(line):
            continue
        m = _ORDINAL.match(line)
        if m and _successor(prev_arabic, m["ord"], last_roman):
            ordinal = m["ord"]
            if regex.fullmatch(r"[IVXLC]+", ordinal):
                last_roman, prev_arabic = ordinal, None
            else:
                prev_arabic = ordinal
            groups.append((ordinal, bool(m["dot"]), [m["rest"]] if m["rest"] else []))
        elif groups:
            groups[-1][2].append(line)
    return groups


def _table(lines: list[str], parts: list[tuple[str, str]], registry) -> Table:
    from ..lang.agencies import agency_start
    from ..lang.time import trailing_time

    def starts_body(text: str) -> bool:
        return agency_start(text, registry)

    roles = [role for role, _ in parts]
    groups = _groups(lines)
    width = _width([ln for _, _, g in groups for ln in g])
    cell_roles = [r for r in roles if r not in ("ordinal", "task")]
    header = Row([Cell(h) for _, h in parts])
    rows = [header]
    for ordinal, _dotted, glines in groups:
        chunks = _bullet_chunks(glines)
        first = True
        for chunk in chunks:
            text_lines, cells = _split_row(chunk, width, len(cell_roles), trailing_time, starts_body)
            text = "\n".join(_join_wrapped(text_lines)) if text_lines else ""
            values = {"task": text}
            if cells:
                values.update(zip(cell_roles, cells))
            row = []
            for role in roles:
                if role == "ordinal":
                    row.append(Cell(ordinal if first else "", merged_from_above=not first and bool(cells)))
                    if not first and cells:
                        row[-1].text = ordinal
                else:
                    row.append(Cell(values.get(role, "")))
            rows.append(Row(row))
            first = False
    return Table(rows=rows, header_rows=1)


def _bullet_chunks(lines: list[str]) -> list[list[str]]:
    chunks: list[list[str]] = []
    for line in lines:
        if line.startswith("- ") or not chunks:
            chunks.append([line])
        else:
            chunks[-1].append(line)
    return chunks


def _join_wrapped(lines: list[str]) -> list[str]:
    """Re-join a cell's visual lines: one line per bullet, words glued across line ends."""
    out: list[str] = []
    for line in lines:
        if out and not regex.match(r"^[-+•]\s", line):
            out[-1] = f"{out[-1]}{'' if out[-1].endswith('-') and line[:1].isupper() else ' '}{line}"
        else:
            out.append(line)
    return [one_line(x) for x in out]


def _split_row(lines, width, n_cells, trailing_time, agency_start):
    """Task text lines and the cell values (lead, support, ..., due order) of one row chunk."""
    lines = list(lines)
    # Task text: lines go on while the previous one ran to the column's edge.
    n_text = 1
    while n_text < len(lines):
        prev, line = lines[n_text - 1], lines[n_text]
        if not line:
            break
        full = len(prev) >= 0.72 * width
        short_agency = agency_start(line) and len(line) < 0.5 * width
        if line[0].islower() or (full and not short_agency):
            n_text += 1
        else:
            break
    text, rest = lines[:n_text], lines[n_text:]
    if not rest:
        # Everything on the text lines: the last may end with the first cell ("... Phòng Kinh tế").
        return text, None
    if n_cells == 0:
        return text + rest, None
    due_lines, rest = _take_due(rest, trailing_time)
    cells = _segment(rest, n_cells - 1, agency_start)
    if cells is None:
        # One cell short: the lead begins on the task's last line ("... Phòng Kinh tế").
        split = _split_tail_agency(text, agency_start, 0.45 * width)
        if split:
            text, lead_lines = split
            cells = _segment([" ".join(lead_lines), *rest], n_cells - 1, agency_start)
    if cells is None:
        cells = [" ".join(rest)] + [""] * (n_cells - 2)
    return text, [one_line(" ".join(_join_wrapped(c))) if c else "" for c in cells] + [one_line(" ".join(due_lines))]


def _take_due(lines, trailing_time):
    """Cut the deadline off the end of the row's lines."""
    for take in (2, 1):
        if len(lines) < take:
            continue
        tail = " ".join(lines[-take:])
        at = trailing_time(tail)
        if at is None:
            continue
        if take == 2 and at >= len(lines[-2]):
            continue  # the phrase fits on the last line alone
        head = tail[:at].strip()
        remaining = lines[:-take] + ([head] if head else [])
        return [tail[at:].strip()], remaining
    return [], lines


def _segment(lines, n, agency_start):
    """Split ``lines`` into ``n`` consecutive cells; None when there are too few candidates."""
    if n <= 0:
        return []
    if "" in lines:
        # A whitespace-only line is an empty cell, and splits the cells around it.
        cells: list[list[str]] = []
        cur: list[str] = []
        for ln in lines:
            if ln:
                cur.append(ln)
                continue
            if cur:
                cells.append(cur)
                cur = []
            if not cells or cells[-1]:
                cells.append([])  # several markers in a row are one empty cell
        if cur:
            cells.append(cur)
        if len(cells) == n:
            return cells
        lines = [ln for ln in lines if ln]
    candidates = [
        i for i in range(1, len(lines))
        if (lines[i][:1].isupper() or lines[i].startswith("- ")) and not _GLUE_END.search(lines[i - 1])
    ]
    if len(candidates) < n - 1:
        return None
    best, best_score = None, None
    for cut in combinations(candidates, n - 1):
        bounds = [0, *cut, len(lines)]
        cells = [lines[a:b] for a, b in zip(bounds, bounds[1:])]
        score = _score(cells, agency_start)
        if best_score is None or score > best_score:
            best, best_score = cells, score
    return best


def _score(cells, agency_start) -> int:
    score = 0
    for k, cell in enumerate(cells):
        first = cell[0]
        joined = " ".join(cell)
        agencyish = agency_start(first)
        if k < 2:  # lead and support name bodies
            score += 2 if agencyish else -1
            if _BARE_HEAD.match(joined.strip(" ,")):
                score -= 3
        elif agencyish:
            score -= 2
        if _ACRONYM.match(first):
            score -= 1
    return score


def _split_tail_agency(lines: list[str], agency_start, cell_width: float):
    """Split the task's lines where a body's name begins on its last visual line (or on the
    line a lowercase last line continues): "... đặc khu Phòng Kinh tế", "... Văn phòng HĐND" +
    "và UBND xã". What follows the split on that line must fit a narrow cell's width."""
    k = len(lines) - 1
    while k > 0 and lines[k][:1].islower():
        k -= 1
    words = lines[k].split(" ")
    for i in range(1, len(words)):
        on_line = " ".join(words[i:])
        if len(on_line) > cell_width:
            continue  # wider than a narrow cell's line: still the task's own words
        tail = " ".join([on_line, *lines[k + 1 :]])
        if words[i][:1].isupper() and agency_start(tail):
            head = " ".join(words[:i])
            return lines[:k] + ([head] if head else []), [tail]
    return None
