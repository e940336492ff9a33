#!/usr/bin/env python3
"""vnplan against the probe documents (samples/probes/): documents written to probe vnplan on
shapes the real corpus lacks, in several renditions each.

    python3 bench/probes.py                  # per group and overall
    python3 bench/probes.py --files          # one line per file
    python3 bench/probes.py --json out.json

samples/probes/<group>/<name>.expected.json says what the document assigns (the shape of
samples/expected-real/, see docs/expected-real.md); every rendition printed beside it
(<name>.txt, .docx, .pdf, .html, .doc, and variants <name>_<variant>.<ext>) is scored against
it with bench/accuracy.py's matching. The groups are who wrote them and on what: ministries
(gov), provinces and communes (local), sector bodies (sector), the Party, the Front and a state
company (party), notices and inspection plans (r2notice), tables and PDF layouts (r2tables),
documents of 2013-2021 (r2legacy), Word's own numbering (r3word), a fresh mix (r3mixed).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

import accuracy  # noqa: E402  (the real corpus's scoring: the same matching and fields)

PROBES = ROOT / "samples" / "probes"
SUFFIXES = (".txt", ".docx", ".pdf", ".html", ".doc")


def renditions(spec_path: Path) -> list[Path]:
    """The files scored against one expectation: its name with any suffix, or a variant."""
    name = spec_path.name[: -len(".expected.json")]
    return sorted(p for p in spec_path.parent.iterdir()
                  if p.suffix in SUFFIXES and (p.stem == name or p.stem.startswith(name + "_")))


def run() -> list[dict]:
    rows = []
    for spec_path in sorted(PROBES.glob("*/*.expected.json")):
        spec = json.loads(spec_path.read_text(encoding="utf-8"))
        for path in renditions(spec_path):
            doc, error = accuracy.parse(path)
            s = accuracy.score_document(spec, doc, error)
            rows.append({"group": spec_path.parent.name, "file": path.name, "expected": s.expected,
                         "found": s.found, "matched": s.matched, "fully": s.fully, "error": error,
                         "silent": int(s.found == 0 and not s.warned_empty and spec.get("assigns", True))})
    return rows


def table(rows: list[dict], files: bool) -> str:
    out = ["group        files  expected  found  matched  recall  precision  fully right",
           "-" * 79]
    groups: dict[str, list[dict]] = defaultdict(list)
    for r in rows:
        groups[r["group"]].append(r)
        if files:
            out.append(f"  {r['file']:<48} {r['expected']:>4} {r['found']:>5} {r['matched']:>5} {r['fully']:>5}"
                       + (f"  ERROR {r['error']}" if r["error"] else ""))
    for name, rs in sorted(groups.items()) + [("TOTAL", rows)]:
        e, f, m, fu = (sum(r[k] for r in rs) for k in ("expected", "found", "matched", "fully"))
        out.append(f"{name:<12} {len(rs):>5} {e:>9} {f:>6} {m:>8} {m / e if e else 0:>7.2f} "
                   f"{m / f if f else 0:>10.2f} {fu / e if e else 0:>8.2f} ({fu})")
    out.append(f"files with no task and no warning: {sum(r['silent'] for r in rows)}; "
               f"files that failed to parse: {sum(1 for r in rows if r['error'])}")
    return "\n".join(out)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--files", action="store_true", help="one line per file")
    ap.add_argument("--json", type=Path, help="write the per-file figures here")
    args = ap.parse_args(argv)
    rows = run()
    print(table(rows, args.files))
    if args.json:
        args.json.write_text(json.dumps(rows, ensure_ascii=False, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
