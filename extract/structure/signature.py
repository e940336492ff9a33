"""The signature block: authority lines, the signer's title and name.

    TM. ỦY BAN NHÂN DÂN      <- the body the signature binds (TM. = on behalf of)
    KT. CHỦ TỊCH             <- the signer stands in for the Chủ tịch (KT. = ký thay)
    PHÓ CHỦ TỊCH             <- the signer's own title
    (Đã ký)
    Nguyễn Văn A             <- the name

It sits beside "Nơi nhận" (the other column of a DOCX table, of a markdown row, after a tab),
interleaved with the recipients line by line in a PDF, or flattened onto one line of text
("TM. ỦY BAN NHÂN DÂN KT. CHỦ TỊCH PHÓ CHỦ TỊCH Nguyễn Hữu Tháp"). The signer's authority is
the last authority line; the title is the first line after it (or the known title that ends
it, when the lines were flattened); the name is the first line after the title shaped like a
Vietnamese name (two to five capitalised syllables). A block with no name gives no signer.

A scan can damage the name: a red stamp over its first syllable ("lowfg Văn Thuân"), or the
family name lost ("Văn Thuân"). The document usually names its signer in the body too ("Ông
Hoàng Văn Thuân - Trưởng đoàn: phụ trách chung"); the legible syllables are completed from the
one person of the body whose name ends with them (``People``), never guessed. Where the block's
title line is lost too, the title printed after that name in the body is taken.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import regex

from ..lang.fold import fold
from .header_lines import Line
from .header_rules import finditer, header_rules, search
from .issuer import is_upper_line, starts_body

# A syllable of a name: "Nguyễn", "Y", and the Central Highlands' "H'" ("H' Ngọc Niê") or
# "H'Bơ" ("Ksor H'Bơ Khăp"), the apostrophe straight or curly
_SYL = r"\p{Lu}(?:['’](?:\p{Lu}\p{Ll}{0,6})?|\p{Ll}{0,6})"
_NAME = regex.compile(rf"^{_SYL}(?:\s+{_SYL}){{1,4}}$")
# A name after the capitals of a title on the same line: "PHÓ CHỦ TỊCH Nguyễn Hữu Tháp ...".
_INLINE_NAME = regex.compile(
    rf"(?<=\p{{Lu}}{{2,}}[.,]?\s+)(?P<name>\p{{Lu}}\p{{Ll}}{{1,6}}(?:\s+{_SYL}){{1,4}})(?=\s+\p{{Lu}}{{2,}}|\s*[.;,]?\s*$)"
)
_ITEM = regex.compile(r"^\s*[-+•–]\s*")
# Runs of capitalised syllables in the body (a person's name is one, led by a family name).
_RUN = regex.compile(rf"(?<![\p{{L}}\d]){_SYL}(?:[ \t]+{_SYL}){{1,5}}(?![\p{{L}}\d])")
# The legible end of a damaged name line: two or more capitalised syllables.
_TAIL = regex.compile(rf"(?:^|\s)(?P<tail>\p{{Lu}}\p{{Ll}}{{1,6}}(?:\s+{_SYL}){{1,3}})\s*$")
_ROLE = regex.compile(r"^\s*[-–—,:(]\s*")
_NOT_NAMES = {"noi nhan", "kinh gui", "nhu tren", "da ky"}
_WINDOW_BEFORE, _WINDOW_AFTER = 8, 80
AFTER_END = " \t—–_|~"  # what a scan leaves after an entry's ";" (a stroke read as a dash)
# Authorities under which the signer is someone other than the title printed after them: a
# deputy for the head (KT.), by the head's order or authorisation (TL., TUQ.).
_FOR_ANOTHER = ("KT.", "TL.", "TUQ.")


@dataclass
class Signature:
    name: str | None = None
    title: str | None = None
    authority: str | None = None
    # Where a signature block is printed (the block of its authority line, or of "Nơi nhận"
    # beside it), when no name was read in it; None when there is a name or no block at all.
    block: int | None = None


def is_name(text: str) -> bool:
    return bool(_NAME.match(text)) and " ".join(fold(text).split()) not in _NOT_NAMES


def _key(text: str) -> str:
    return " ".join(fold(text).split())


@dataclass
class People:
    """The persons the document names (outside its signature block): folded name -> the name
    as printed, and -> the title printed right after it ("Hoàng Văn Thuân - Trưởng đoàn")."""

    names: dict[str, str] = field(default_factory=dict)
    titles: dict[str, str] = field(default_factory=dict)

    def complete(self, text: str) -> str | None:
        """The name a signature line prints: the line itself when whole, else completed from
        the one person of the body whose name ends with its legible syllables; None if neither."""
        surnames = header_rules().surnames
        if is_name(text):
            words = text.split()
            if fold(words[0]) in surnames:
                return text
            # "Văn Thuân": the family name lost; "Em Thị Mỹ Linh": misread as another word.
            return (self._ending(words, (1, 2)) or (len(words) > 2 and self._ending(words[1:], (1,)))
                    or text)
        m = _TAIL.search(text)
        if not m:
            return None
        head = text[:m.start("tail")].split()
        letters = sum(ch.isalpha() for ch in "".join(head))
        if not head or len(head) > 2 or letters > 10 or any(fold(w) in surnames and w[:1].isupper() for w in head):
            return None  # not a damaged first syllable (or a whole name with words before it)
        return self._ending(m["tail"].split(), (1,))

    def _ending(self, words: list[str], extra: tuple[int, ...]) -> str | None:
        tail = _key(" ".join(words))
        found = {k for k in self.names
                 if k.endswith(" " + tail) and len(k.split()) - len(words) in extra}
        return self.names[found.pop()] if len(found) == 1 else None


def people(texts) -> People:
    """The persons named in ``texts``: every run of capitalised syllables from a family name
    on, two to five syllables long (a longer run holds a name and the words after it)."""
    surnames = header_rules().surnames
    rules = header_rules()
    out = People()
    for text in texts:
        for m in _RUN.finditer(text):
            words = m.group().split()
            for a, w in enumerate(words):
                if fold(w) not in surnames:
                    continue
                end = min(len(words), a + 5)
                for b in range(a + 2, end + 1):
                    printed = " ".join(words[a:b])
                    out.names.setdefault(_key(printed), printed)
                after = text[m.end():]
                role = _ROLE.match(after)
                if role and end == len(words) and end - a >= 2:
                    found = search(rules.title, after[role.end():], 60)
                    if found and found[0] == 0:
                        out.titles.setdefault(_key(" ".join(words[a:])), after[role.end():][:found[1]])
                break  # the first family name of a run starts the name
    return out


# An item mark glued to what comes before it ("KT. GIÁM ĐỐC- Như trên;", "(để b/c);- Sở Y tế;"):
# a legacy .doc whose table of "Nơi nhận" and signature came out as one paragraph.
_GLUED_ITEM = regex.compile(r"(?<=\S)(?=[-–•]\s)")
# Where an entry ends and something else may start on the same line: after ";" or ".".
_ENTRY_END = regex.compile(r"[;.]\s*(?=\S)")


def _sig_piece(text: str, glued: bool = False) -> bool:
    """Is ``text`` a line of a signature block set beside an entry: the authority line ("KT.
    GIÁM ĐỐC", "TM. ỦY BAN NHÂN DÂN"), the signer's title in capitals ("PHÓ CHỦ TỊCH CHUYÊN
    TRÁCH"), a note ("(Đã ký)") or the name? ``glued``: no space before it; an authority then
    keeps the space after it that a block prints ("- Lưu: VT, P.KT.TỔNG GIÁM ĐỐC": "P.KT." is
    the file's unit, not "KT.")."""
    rules = header_rules()
    text = text.strip()
    if not text or text.endswith((";", ",")):
        return False
    if note_only(text):
        return True
    if is_upper_line(text) and len(text) <= 80:
        found = search(rules.authority, text)
        if found and glued and not text[found[1] - 1].isspace():
            found = None
        found = found or search(rules.title, text)
        return bool(found) and found[0] == 0
    bare = _without_rank(text)
    return is_name(bare) and not starts_body(bare)  # "Bộ Y Tế" is no one's name


def note_only(text: str) -> bool:
    """A signature's note and nothing else: "(Đã ký)", "(Ký, ghi rõ họ tên)"."""
    rules = header_rules()
    folded = fold(text)
    return bool(rules.note.search(folded)) and not rules.note.sub("", folded).strip(" .")


def unglue(body: list[Line]) -> list[Line]:
    """Lines where the recipients' column and the signature's were printed as one: "- Như trên;
    PHÓ CHỦ TỊCH CHUYÊN TRÁCH" (a text file whose wide gap between the columns was lost), or
    "Nơi nhận:KT. GIÁM ĐỐC- Như trên;PHÓ GIÁM ĐỐC- UBND tỉnh (để b/c);...- Lưu: VT.Y Thuật Mlô"
    (a legacy .doc's table as one paragraph): cut where an entry ends and a signature line
    starts, each part a line of its own, the entry first. Only from "Nơi nhận" on."""
    rules = header_rules()
    at = distribution_at(body)
    if at is None:
        return body
    out: list[Line] = body[:at]
    for ln in body[at:]:
        text = ln.text
        label = search(rules.distribution_label, text, 40)
        if ln.column is not None or not (_ITEM.match(text) or (label and label[0] == 0)):
            out.append(ln)
            continue
        pieces = _glued_items(text)
        for k, piece in enumerate(pieces):
            for part in _cut_signature(piece, label[1] if label and label[0] == 0 and k == 0 else None):
                out.append(Line(part, ln.block, ln.cell, None, ln.bold, ln.in_table))
    return out


def _glued_items(text: str) -> list[str]:
    """``text`` cut before each item mark glued to what precedes it: an entry's end (";", ".",
    ")"), a line of the block in capitals or the name ("...;Nguyễn Văn Trăm- Như mục 1 - 8;"),
    not a dash inside a name ("Phòng Văn hóa- Xã hội")."""
    cuts = []
    for m in _GLUED_ITEM.finditer(text):
        p = m.start()
        if text[p - 1] in ";.:)" or text[p - 1].isupper():
            cuts.append(p)
            continue
        start = max(text.rfind(ch, 0, p) for ch in ";.:)") + 1
        if _sig_piece(text[start:p], glued=True):
            cuts.append(p)
    return [text[a:b] for a, b in zip([0, *cuts], [*cuts, len(text)]) if text[a:b].strip()]


def _cut_signature(text: str, label_end: int | None) -> list[str]:
    """``text`` cut before a signature line glued after its entry (or after "Nơi nhận:")."""
    cuts = [m.end() for m in _ENTRY_END.finditer(text)]
    if label_end is not None:
        cuts.insert(0, label_end)
    elif not _ITEM.match(text):
        return [text]  # no entry: a line of the block itself ("KT. GIÁM ĐỐC")
    at = next((c for c in cuts if 0 < c < len(text) and _sig_piece(text[c:], not text[c - 1].isspace())), None)
    if at is None:
        return [text]
    return [x for x in (text[:at].strip(), text[at:].strip()) if x]


def distribution_at(body: list[Line]) -> int | None:
    """The line of the main body's "Nơi nhận" (its last one), if any."""
    rules = header_rules()
    for i in range(len(body) - 1, -1, -1):
        found = search(rules.distribution_label, body[i].text, 40)
        if found and found[0] == 0:
            return i
    return None


def signature(body: list[Line], persons: People | None = None) -> Signature:
    """The signer, from the lines of the main body's end (before any appendix); ``persons``:
    the people the document names elsewhere, to complete a name a scan damaged."""
    persons = persons or People()
    at = distribution_at(body)
    raw = _beside(body, at) if at is not None else _last_block(body, persons)
    sig = _parse(raw, persons)
    if not sig.name:
        return _unnamed(body, at, raw)
    if sig.title is None:
        sig.title = persons.titles.get(_key(sig.name))  # the block's title line lost (a stamp)
    return sig


def _unnamed(body: list[Line], at: int | None, beside: list[str]) -> Signature:
    """No name read: is a signature block printed all the same, and what of it is legible?
    Its authority line ("KT. GIÁM ĐỐC") in capitals, and the lines under it, among the lines
    around "Nơi nhận" (any column) or, without one, the last lines of the body. A "Nơi nhận"
    with nothing legible beside it still says a block was printed (every signed document has
    both): a stamp, a handwritten or script-type name, or an e-signature image."""
    rules = header_rules()
    window = body[max(0, at - _WINDOW_BEFORE): at + _WINDOW_AFTER] if at is not None else body[-40:]
    start = next((k for k, ln in enumerate(window) if is_upper_line(ln.text) and not _ITEM.match(ln.text)
                  and (found := search(rules.authority, ln.text)) and found[0] == 0), None)
    if start is not None:
        head = [window[start].text]
        for ln in window[start + 1:]:
            if len(head) >= 5:
                break
            text = _strip_notes(ln.text)
            if text and is_upper_line(text) and _sig_like(text) and not search(rules.distribution_label, text):
                head.append(text)
        authority, title = _authority_and_title(head)
        return Signature(title=title if title and rules.title_of(title) else None, authority=authority,
                         block=window[start].block)
    if at is None:
        return Signature()
    title = next((t for t in (_strip_notes(x) for x in beside) if rules.title_of(t)), None)
    return Signature(title=title, block=body[at].block)


def signer_warning(sig: Signature, scanned: bool) -> tuple[str, str]:
    """(code, message) for a signature block printed without a name read in it."""
    seen = " / ".join(x for x in (sig.authority, sig.title) if x)
    block = f"the signature block ({seen})" if seen else "the signature block beside \"Nơi nhận\""
    if scanned:
        return "signer_unreadable", (f"no name read in {block} on this scanned page (a stamp, handwriting "
                                     f"or a script typeface?): signer left null")
    if seen:
        return "signer_blank", f"{block} prints no name (a draft?): signer left null"
    return "signer_unreadable", (f"\"Nơi nhận\" is printed but no signer's name was read near it "
                                 f"(an image of the signature?): signer left null")


def _beside(body: list[Line], at: int) -> list[str]:
    """The signature's lines around "Nơi nhận" (``body[at]``)."""
    label = body[at]
    out: list[str] = []
    # Lines just above "Nơi nhận" that belong to the block (a PDF column read first).
    i = at - 1
    above: list[str] = []
    while i >= 0 and at - i <= _WINDOW_BEFORE and body[i].column is None and _sig_like(body[i].text):
        above.insert(0, body[i].text)
        i -= 1
    out += above
    open_item = False
    for j in range(at, min(len(body), at + _WINDOW_AFTER)):
        ln = body[j]
        if label.column is not None and ln.column is not None:
            if ln.column != label.column and ln.block - label.block <= 30:
                out.append(ln.text)
            continue
        text = ln.text
        if j == at:
            rest = text[search(header_rules().distribution_label, text)[1]:].strip()
            open_item = bool(rest) and not rest.endswith((";", "."))
            continue
        if _ITEM.match(text):
            open_item = not text.rstrip(AFTER_END).endswith((";", ".", ":"))
            continue
        if open_item and not is_upper_line(text) and not search(header_rules().authority, text):
            open_item = not text.rstrip(AFTER_END).endswith((";", "."))
            continue  # a recipient wrapped onto the next line
        open_item = False
        if _sig_like(text):
            out.append(text)
    return out


def _sig_like(text: str) -> bool:
    rules = header_rules()
    if _ITEM.match(text):
        return False
    found = search(rules.authority, text)
    if found and found[0] == 0:
        return True
    bare = rules.note.sub("", fold(text)).strip()
    if not bare:
        return True  # "(Đã ký)"
    return (is_upper_line(text) and len(text) <= 80) or is_name(_without_rank(text))


def _without_rank(text: str) -> str:
    """The name without a rank or degree printed before it ("BSCKII. Hoàng Minh Đức")."""
    prefix = search(header_rules().name_prefix, text)
    return text[prefix[1]:].strip() if prefix and prefix[0] == 0 else text


def _last_block(body: list[Line], persons: People) -> list[str]:
    """No "Nơi nhận" found: the last run of authority and title lines with a name under them.
    In a PDF read line by line the recipients' entries may stand between them (the two
    columns interleaved, "Nơi nhận" itself garbled): entries ("- ...", "...;") are stepped over."""
    rules = header_rules()
    for i in range(len(body) - 1, max(-1, len(body) - 60), -1):
        name = persons.complete(body[i].text)
        if not name:
            continue
        run = [name]
        j = i - 1
        while j >= 0 and i - j <= 12 and len(run) <= 6:
            text = body[j].text
            if _sig_like(text) and not is_name(text):
                run.insert(0, text)
            elif not (_ITEM.match(text) or text.rstrip().endswith(";")):
                break
            j -= 1
        authority = search(rules.authority, run[0])
        if len(run) > 1 and (any(rules.title.search(fold(x)) for x in run[:-1]) or (authority and authority[0] == 0)):
            return run
    return []


def _strip_notes(text: str) -> str:
    rules = header_rules()
    folded_spans = [(s, e) for s, e, _ in finditer(rules.note, text)]
    for s, e in reversed(folded_spans):
        text = text[:s] + " " + text[e:]
    text = " ".join(text.split())
    bare = _without_rank(text)
    if bare is not text and is_name(bare):
        text = bare  # "Thiếu tướng Hoàng Văn Tuấn": the rank is not the name
    return text


def _parse(raw: list[str], persons: People) -> Signature:
    rules = header_rules()
    sig_lines = [t for t in (_strip_notes(x) for x in raw) if t]
    # The name: the first name-shaped line (or name after capitals) below a title or authority.
    name, name_at, inline_head = None, None, None
    for k, text in enumerate(sig_lines):
        whole = persons.complete(text) if k > 0 else None
        if whole:
            name, name_at = whole, k
            break
        m = _INLINE_NAME.search(text)
        if m and (search(rules.authority, text) or rules.title.search(fold(text[:m.start()]))):
            name, name_at, inline_head = m["name"], k, text[:m.start()].strip()
            break
    if name is None:
        return Signature()
    head = sig_lines[:name_at] + ([inline_head] if inline_head else [])
    authority, title = _authority_and_title(head)
    return Signature(name=name, title=title, authority=authority)


def _authority_and_title(head: list[str]) -> tuple[str | None, str | None]:
    """The last authority printed, and the signer's own title after it."""
    rules = header_rules()
    text = "\n".join(head)
    found = list(finditer(rules.authority, text))
    authority = None
    after = text
    if found:
        s, e, _ = found[-1]
        authority = rules.code_of_authority(text[s:e])
        after = text[e:]
    rows: list[str] = []
    for r in after.split("\n"):
        r = r.strip()
        if rows and rows[-1].endswith((",", "-")):
            rows[-1] = f"{rows[-1]} {r}"  # "KT. BỘ TRƯỞNG," / "CHỦ NHIỆM": one superior
        elif r.strip(" ,.;:"):
            rows.append(r)
    rows = [r.strip(" ,.;:") for r in rows if r.strip(" ,.;:")]
    if not rows:
        return authority, None
    if found and len(rows) > 1:
        # The first row names whom the authority signs for; the signer's title is the first
        # known title below it ("ỦY BAN NHÂN" / "DÂN" / "CHỦ TỊCH": the superior wrapped).
        known = _listed_title(rows[1:])
        return authority, known or rows[-1]
    row = rows[0]
    # One row: the signer's own title ends it ("CHỦ TỊCH PHÓ CHỦ TỊCH", "BỘ TRƯỞNG THỨ TRƯỞNG").
    tail = _known_title_at_end(row)
    if found and tail and len(tail) < len(row):
        return authority, tail
    if found and authority in _FOR_ANOTHER:
        # "KT. CHỦ TỊCH" and nothing under it: whom the signer signs for, not the signer's own
        # title (a deputy's, an office head's), which was not read
        return authority, None
    return authority, (row if not found else tail)


def _listed_title(rows: list[str]) -> str | None:
    """The first listed title among ``rows``, one wrapped over two or three of them taken whole
    ("PHÓ TRƯỞNG BAN THƯỜNG" / "TRỰC" in a PDF's narrow column)."""
    rules = header_rules()
    for i in range(len(rows)):
        for j in range(min(len(rows), i + 3), i, -1):
            joined = " ".join(rows[i:j])
            if rules.title_of(joined):
                return joined
    return None


def _known_title_at_end(row: str) -> str | None:
    """The longest listed title that ends ``row``, as printed."""
    rules = header_rules()
    best = None
    for s, e, _ in finditer(rules.title, row):
        if e == len(row.rstrip(" ,.;:")) and (best is None or s < best[0]):
            best = (s, e)
    return row[best[0]:best[1]] if best else None
