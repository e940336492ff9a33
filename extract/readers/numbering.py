"""Word automatic numbering: the "1.", "a)", "1.2" or bullet a reader sees but the XML does not hold.

numbering.xml maps a paragraph's (numId, ilvl) to a level definition (start, format, lvlText such
as "%1.%2."). Word keeps one set of counters per abstract numbering, shared by every numId that
points at it unless a numId overrides the start; a level restarts when a shallower level advances.
"""

from __future__ import annotations

from dataclasses import dataclass, field

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"

# Bullet glyphs come from Symbol/Wingdings private-use code points; all read as a list dash,
# except "+" which Vietnamese plans use for the second bullet level and the text reader keeps.
PLUS_BULLETS = {"+"}


@dataclass(slots=True)
class Level:
    start: int = 1
    fmt: str = "decimal"
    text: str = "%1."
    legal: bool = False  # isLgl: every placeholder shown as a decimal


@dataclass(slots=True)
class _Num:
    abstract: str
    overrides: dict[int, int] = field(default_factory=dict)  # ilvl -> startOverride
    levels: dict[int, Level] = field(default_factory=dict)  # lvlOverride/lvl


def _val(el, tag: str, default: str | None = None) -> str | None:
    child = el.find(W + tag)
    if child is None:
        return default
    return child.get(W + "val", default)


def _int(s: str | None, default: int) -> int:
    try:
        return int(s) if s is not None else default
    except ValueError:
        return default


def _level(lvl) -> Level:
    return Level(
        start=_int(_val(lvl, "start"), 1),
        fmt=_val(lvl, "numFmt", "decimal") or "decimal",
        text=_val(lvl, "lvlText", "") or "",
        legal=lvl.find(W + "isLgl") is not None,
    )


_ROMAN = [(1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"),
          (50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i")]


def _roman(n: int) -> str:
    out = []
    for value, digits in _ROMAN:
        while n >= value:
            out.append(digits)
            n -= value
    return "".join(out)


def _letters(n: int) -> str:
    # Word repeats the letter past z: aa, bb, ...
    n = max(n, 1)
    return chr(ord("a") + (n - 1) % 26) * ((n - 1) // 26 + 1)


def format_number(n: int, fmt: str) -> str:
    if fmt in ("decimal", "decimalEnclosedCircle", "ordinal", "cardinalText", "ordinalText"):
        return str(n)
    if fmt == "decimalZero":
        return f"{n:02d}"
    if fmt == "lowerLetter":
        return _letters(n)
    if fmt == "upperLetter":
        return _letters(n).upper()
    if fmt == "lowerRoman":
        return _roman(n)
    if fmt == "upperRoman":
        return _roman(n).upper()
    if fmt == "none":
        return ""
    return str(n)


class Numbering:
    """Counters for one document; call label() for each numbered paragraph in document order."""

    def __init__(self, root=None):
        self.abstract: dict[str, dict[int, Level]] = {}
        self.nums: dict[str, _Num] = {}
        self.counters: dict[str, dict[int, int]] = {}
        self._started: set[str] = set()  # numIds whose start override was applied
        if root is None:
            return
        for ab in root.iter(W + "abstractNum"):
            levels = {}
            for lvl in ab.findall(W + "lvl"):
                levels[_int(lvl.get(W + "ilvl"), 0)] = _level(lvl)
            self.abstract[ab.get(W + "abstractNumId")] = levels
        for num in root.iter(W + "num"):
            n = _Num(abstract=_val(num, "abstractNumId", "") or "")
            for ov in num.findall(W + "lvlOverride"):
                ilvl = _int(ov.get(W + "ilvl"), 0)
                so = _val(ov, "startOverride")
                if so is not None:
                    n.overrides[ilvl] = _int(so, 1)
                lvl = ov.find(W + "lvl")
                if lvl is not None:
                    n.levels[ilvl] = _level(lvl)
            self.nums[num.get(W + "numId")] = n

    def _levels(self, num: _Num) -> dict[int, Level]:
        levels = dict(self.abstract.get(num.abstract, {}))
        levels.update(num.levels)
        return levels

    def label(self, num_id: str, ilvl: int) -> str | None:
        """The rendered number ("1.", "a)", "1.2.") or "-"/"+" for bullets; None when not numbered."""
        num = self.nums.get(num_id)
        if num is None or num_id == "0":
            return None
        levels = self._levels(num)
        level = levels.get(ilvl)
        if level is None:
            return None
        key = num.abstract
        counters = self.counters.setdefault(key, {})
        if num_id not in self._started and num.overrides:
            # A numId with a start override begins the list afresh.
            for lv, start in num.overrides.items():
                counters[lv] = start - 1
            for lv in list(counters):
                if lv > min(num.overrides) and lv not in num.overrides:
                    del counters[lv]
        self._started.add(num_id)
        counters[ilvl] = counters.get(ilvl, level.start - 1) + 1
        for deeper in [lv for lv in counters if lv > ilvl]:
            del counters[deeper]
        if level.fmt == "bullet":
            glyph = level.text.strip()
            return glyph if glyph in PLUS_BULLETS else "-"
        if level.fmt == "none" and "%" not in level.text:
            return level.text.strip() or None

        def value(lv: int) -> str:
            lvl = levels.get(lv, Level())
            n = counters.get(lv, lvl.start)
            return format_number(n, "decimal" if level.legal else lvl.fmt)

        out = []
        i = 0
        text = level.text
        while i < len(text):
            ch = text[i]
            if ch == "%" and i + 1 < len(text) and text[i + 1].isdigit():
                out.append(value(int(text[i + 1]) - 1))
                i += 2
                continue
            out.append(ch)
            i += 1
        label = "".join(out).strip()
        return label or None
