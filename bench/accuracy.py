"""vnplan against the hand-checked expectations of the real corpus (samples/expected-real/).

    python3 bench/accuracy.py                    # every document, then the totals
    python3 bench/accuracy.py --doc lamdong      # documents whose name contains "lamdong"
    python3 bench/accuracy.py --markdown         # the README's table
    python3 bench/accuracy.py --misses lamdong   # expected tasks not found / found tasks not expected
    python3 bench/accuracy.py --json out.json    # per-document figures, for comparing runs

How expectations were written and how matching works: docs/expected-real.md. In short:
expected and found tasks are matched one to one in document order by their text prefix;
recall = matched / expected (optional ones left out); precision = matched / found (a found
task that matches an optional one counts neither way); lead, support and due are scored on
matched tasks; "fully right" = matched with all three right, over all expected tasks.
The header (kind, number, issued_on, issuer, signer) is scored per document that prints it.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

import regex
from rapidfuzz import fuzz

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from extract.lang.fold import fold  # noqa: E402

EXPECTED = ROOT / "samples" / "expected-real"
DOCS = ROOT / "samples" / "realdocs"

_MARKS = regex.compile(r"^(?:[-–—+•*]\s*|\(?[0-9]{1,2}(?:\.[0-9]{1,2})*[.)]\s+|\(?[a-zđ]\)\s+|[IVXLC]+\.\s+)+",
                       regex.I)
_PUNCT = regex.compile(r"[\"“”'‘’*_`]")
_SPACE = regex.compile(r"\s+")
# Abbreviations written either way in agency names: compared in their long form.
_ABBREV = [
    (r"\bubmttq(?:vn)?\b", "uy ban mat tran to quoc viet nam"), (r"\bmttq(?:vn)?\b", "mat tran to quoc viet nam"),
    (r"\bubnd\b", "uy ban nhan dan"), (r"\bhdnd\b", "hoi dong nhan dan"),
    (r"\btp\b\.?", "thanh pho"), (r"\bkh&cn\b", "khoa hoc va cong nghe"),
    (r"\bkhcn\b", "khoa hoc va cong nghe"), (r"\bvp\b", "van phong"), (r"\bbch\b", "ban chi huy"),
    (r"\bbql\b", "ban quan ly"), (r"\bdbqh\b", "dai bieu quoc hoi"), (r"\bcntt\b", "cong nghe thong tin"),
    (r"\bctmt\b", "cong tac mat tran"), (r"\bbtt\b", "ban thuong truc"), (r"\bd/c\b", "dong chi"),
    (r"\bdc\b", "dong chi"), (r"\bvn\b", "viet nam"),
]
_ABBREV = [(regex.compile(p), r) for p, r in _ABBREV]


def norm_text(text: str) -> str:
    text = unicodedata.normalize("NFC", text or "")
    text = _PUNCT.sub("", text).lower()
    text = _SPACE.sub(" ", text).strip()
    return _MARKS.sub("", text).strip()


def norm_name(name: str) -> str:
    text = fold(unicodedata.normalize("NFC", name or "")).replace("&", " & ")
    text = regex.sub(r"\s*&\s*", "&", text)
    for pat, long in _ABBREV:
        text = pat.sub(long, text)
    text = regex.sub(r"[^\w&/ ]+", " ", text)
    text = _SPACE.sub(" ", text).strip()
    text = text.replace("viet nam viet nam", "viet nam")  # "MTTQ Việt Nam" spelled out
    return regex.sub(r"^(?:cac|nhung) ", "", text)


def text_matches(expected: str, found: str) -> bool:
    e, f = norm_text(expected), norm_text(found)
    if not e:
        return False
    if f.startswith(e):
        return True
    head = f[: len(e)]
    if len(e) >= 12 and fuzz.ratio(e, head) >= 90:
        return True
    # The found text keeps the printed label the expectation may leave out ("Sở Tài chính: Rà
    # soát", "Đồng chí Phó Trưởng phòng Văn hóa - Xã hội - Phó Trưởng tiểu ban: Trực tiếp ...").
    at = f.find(e)
    if 0 < at <= 140 and len(e) >= 20:
        return True
    # ... with the same tolerance for a scan's slips after that label as at the start
    printed = regex.match(r"^[^:\n]{2,140}:\s*", found or "")
    if printed and len(e) >= 20:
        after = norm_text(found[printed.end():])
        if fuzz.ratio(e, after[: len(e)]) >= 90:
            return True
    # ... and an expectation may keep a short label the found text drops as a label of the
    # item's wording ("Nội dung: Hiệp thương về ...", "Nhiệm vụ: Xây dựng ...").
    label = regex.match(r"^[^:]{2,30}:\s*", expected or "")
    if label and len(label.group().split()) <= 4:
        rest = norm_text(expected[label.end():])
        return len(rest) >= 20 and f.startswith(rest)
    return False


def _refs(found: list[dict]) -> list[set[str]]:
    return [{norm_name(r.get("raw", "")), norm_name(r.get("name", ""))} - {""} for r in found]


def agencies_match(expected: list[str], found: list[dict]) -> bool:
    want = [norm_name(x) for x in expected if norm_name(x)]
    refs = _refs(found)
    if len(want) != len(refs):
        return False
    used = [False] * len(refs)
    for w in want:
        for i, forms in enumerate(refs):
            if not used[i] and w in forms:
                used[i] = True
                break
        else:
            return False
    return True


_UNDATED = {"ongoing", "recurring", "relative", "conditional"}


def due_matches(expected: dict | None, found: dict | None) -> bool:
    if expected is None:
        return found is None or found.get("kind") == "unspecified"
    if found is None:
        return False
    if expected.get("end"):
        if found.get("end") != expected["end"]:
            return False
        return not expected.get("start") or found.get("start") == expected["start"]
    if expected.get("start"):
        return found.get("start") == expected["start"]
    # Undated kinds come in two pairs a careful reader may read either way: "Thường xuyên hằng
    # năm" is ongoing and recurring; "sau khi có hướng dẫn" is relative and conditional.
    pairs = ({"ongoing", "recurring"}, {"relative", "conditional"})
    e, f = expected.get("kind"), found.get("kind")
    return e == f or any(e in p and f in p for p in pairs)


@dataclass
class Score:
    name: str
    expected: int = 0
    found: int = 0
    matched: int = 0
    matched_optional: int = 0
    lead: int = 0
    support: int = 0
    due: int = 0
    fully: int = 0
    warned_empty: bool | None = None
    header: dict[str, bool] = field(default_factory=dict)
    misses: list[dict] = field(default_factory=list)
    extras: list[dict] = field(default_factory=list)
    wrong: list[dict] = field(default_factory=list)
    seconds: float = 0.0
    error: str | None = None

    def add(self, other: "Score") -> None:
        for k in ("expected", "found", "matched", "matched_optional", "lead", "support", "due", "fully"):
            setattr(self, k, getattr(self, k) + getattr(other, k))

    @property
    def recall(self) -> float:
        return self.matched / self.expected if self.expected else 1.0

    @property
    def precision(self) -> float:
        denominator = self.found - self.matched_optional
        return self.matched / denominator if denominator else (1.0 if not self.expected else 0.0)

    def share(self, k: str) -> float:
        return getattr(self, k) / self.matched if self.matched else 0.0

    @property
    def fully_right(self) -> float:
        return self.fully / self.expected if self.expected else 1.0


def match(expected: list[dict], found: list[dict]) -> list[int | None]:
    """For each expected task, the index of its found task (or None), one to one, preferring
    the next unmatched found task after the previous match (documents repeat openings).
    Required tasks are matched first, so that an optional one (the same target listed again
    among the goals) cannot take the found task a required one needs."""
    taken = [False] * len(found)
    out: list[int | None] = [None] * len(expected)
    for optional in (False, True):
        last = -1
        for k, e in enumerate(expected):
            if bool(e.get("optional")) != optional:
                continue
            order = list(range(last + 1, len(found))) + list(range(0, last + 1))
            hit = next((i for i in order if not taken[i] and text_matches(e["text"], found[i]["text"])), None)
            if hit is not None:
                taken[hit] = True
                last = hit
            out[k] = hit
    return out


_HEADER_FIELDS = ("kind", "number", "issued_on", "issuer", "signer")


def _norm_number(n: str | None) -> str:
    return regex.sub(r"\s+", "", (n or "")).upper().replace("Đ", "D")


def score_header(want: dict, doc: dict) -> dict[str, bool]:
    got = doc.get("document") or {}
    out: dict[str, bool] = {}
    if want.get("kind"):
        out["kind"] = fold(got.get("kind") or "") == fold(want["kind"])
    if want.get("number"):
        out["number"] = _norm_number(got.get("number")) == _norm_number(want["number"])
    if want.get("issued_on"):
        out["issued_on"] = got.get("issued_on") == want["issued_on"]
    if want.get("issuer"):
        issuer = got.get("issuer") or {}
        out["issuer"] = norm_name(want["issuer"]) in {norm_name(issuer.get("name", "")), norm_name(issuer.get("raw", ""))}
    if (want.get("signer") or {}).get("name"):
        out["signer"] = norm_name((got.get("signer") or {}).get("name", "")) == norm_name(want["signer"]["name"])
    return out


def score_document(spec: dict, doc: dict | None, error: str | None = None) -> Score:
    s = Score(spec["document"], error=error)
    tasks = (doc or {}).get("tasks", [])
    s.found = len(tasks)
    wanted = spec.get("tasks", [])
    pairs = match(wanted, tasks)
    for e, i in zip(wanted, pairs):
        optional = bool(e.get("optional"))
        if i is None:
            if not optional:
                s.expected += 1
                s.misses.append(e)
            continue
        if optional:
            s.matched_optional += 1
            continue
        s.expected += 1
        s.matched += 1
        f = tasks[i]
        if e.get("role") == "result":
            # A report's result assigns nothing: who acted and when belong to its narrative
            # (progress), so only finding it is scored.
            ok_lead = ok_support = ok_due = True
        else:
            ok_lead = agencies_match(e.get("lead", []), f.get("lead", []))
            ok_support = agencies_match(e.get("support", []), f.get("support", []))
            ok_due = due_matches(e.get("due"), f.get("due"))
        s.lead += ok_lead
        s.support += ok_support
        s.due += ok_due
        s.fully += ok_lead and ok_support and ok_due
        if not (ok_lead and ok_support and ok_due):
            s.wrong.append({"expected": e, "found": {k: f.get(k) for k in ("id", "text", "lead", "support", "due")},
                            "lead": ok_lead, "support": ok_support, "due": ok_due})
    used = {i for i in pairs if i is not None}
    s.extras = [t for i, t in enumerate(tasks) if i not in used]
    if not tasks and spec.get("assigns", True):
        s.warned_empty = any(w.get("code") == "no_tasks" for w in (doc or {}).get("warnings", []))
    if doc is not None:
        s.header = score_header(spec.get("header") or {}, doc)
    return s


def parse(path: Path) -> tuple[dict | None, str | None]:
    from extract.errors import VnplanError
    from extract.pipeline import parse_file

    try:
        return parse_file(path).model_dump(mode="json"), None
    except VnplanError as err:
        return None, str(err)


def run(filter_: str | None = None) -> list[Score]:
    scores = []
    for spec_path in sorted(EXPECTED.glob("*.json")):
        spec = json.loads(spec_path.read_text(encoding="utf-8"))
        if filter_ and filter_ not in spec["document"]:
            continue
        source = DOCS / spec["document"] / spec["file"]
        t0 = time.perf_counter()
        doc, error = parse(source)
        s = score_document(spec, doc, error)
        s.seconds = time.perf_counter() - t0
        scores.append(s)
    return scores


def _pct(x: float) -> str:
    return f"{x:.2f}"


def table(scores: list[Score], markdown: bool = False) -> str:
    total = Score("TOTAL")
    for s in scores:
        total.add(s)
    head = ["document", "exp", "found", "match", "recall", "prec", "lead", "supp", "due", "fully"]
    rows = []
    for s in [*scores, total]:
        flag = ""
        if s.error:
            flag = " (error)"
        elif s.warned_empty is False:
            flag = " (0, silent)"
        rows.append([s.name + flag, str(s.expected), str(s.found), str(s.matched), _pct(s.recall),
                     _pct(s.precision), _pct(s.share("lead")), _pct(s.share("support")),
                     _pct(s.share("due")), _pct(s.fully_right)])
    header_fields: dict[str, list[bool]] = {}
    for s in scores:
        for k, v in s.header.items():
            header_fields.setdefault(k, []).append(v)
    lines = []
    if markdown:
        lines.append("| " + " | ".join(head) + " |")
        lines.append("|" + "|".join("---" if i == 0 else "--:" for i in range(len(head))) + "|")
        lines += ["| " + " | ".join(r) + " |" for r in rows]
        lines[-1] = "| " + " | ".join(f"**{c}**" for c in rows[-1]) + " |"
    else:
        widths = [max(len(r[i]) for r in [head, *rows]) for i in range(len(head))]
        fmt = lambda r: "  ".join(c.ljust(widths[i]) if i == 0 else c.rjust(widths[i]) for i, c in enumerate(r))
        lines += [fmt(head), *map(fmt, rows)]
    lines.append("")
    lines.append("header fields exact (documents that print them): " + ", ".join(
        f"{k} {sum(v)}/{len(v)}" for k, v in header_fields.items()))
    silent = [s.name for s in scores if s.warned_empty is False]
    lines.append(f"documents with zero tasks and no warning: {len(silent)}" + (f" ({', '.join(silent)})" if silent else ""))
    return "\n".join(lines)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--doc", help="only documents whose name contains this")
    ap.add_argument("--markdown", action="store_true")
    ap.add_argument("--misses", metavar="DOC", help="list misses, extras and wrong fields for these documents")
    ap.add_argument("--json", type=Path, help="write per-document figures here")
    args = ap.parse_args(argv)
    scores = run(args.doc or args.misses)
    print(table(scores, args.markdown))
    if args.misses:
        for s in scores:
            print(f"\n## {s.name}" + (f"  ERROR {s.error}" if s.error else ""))
            for e in s.misses:
                print(f"  MISS   {e.get('ordinal')}: {e['text'][:90]}")
            for t in s.extras:
                print(f"  EXTRA  {t.get('ordinal')}: {t['text'][:90]!r}")
            for w in s.wrong:
                e, f = w["expected"], w["found"]
                bad = [k for k in ("lead", "support", "due") if not w[k]]
                print(f"  WRONG  {e.get('ordinal')} {e['text'][:60]!r} [{', '.join(bad)}]")
                if "lead" in bad:
                    print(f"         lead want {e.get('lead')} got {[r['raw'] for r in f['lead']]}")
                if "support" in bad:
                    print(f"         supp want {e.get('support')} got {[r['raw'] for r in f['support']]}")
                if "due" in bad:
                    print(f"         due  want {e.get('due')} got {f['due'] and {k: f['due'][k] for k in ('raw', 'kind', 'start', 'end')}}")
    if args.json:
        args.json.write_text(json.dumps([{
            "document": s.name, "expected": s.expected, "found": s.found, "matched": s.matched,
            "recall": s.recall, "precision": s.precision, "lead": s.share("lead"),
            "support": s.share("support"), "due": s.share("due"), "fully_right": s.fully_right,
            "header": s.header, "seconds": s.seconds, "error": s.error,
        } for s in scores], ensure_ascii=False, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
