"""The stages import only what lies below them (README, "How it works").

    base:      model, errors, io, datafile, disk_cache (and the package's own __init__)
    lang:      the language layer
    readers -> structure -> normalise -> pipeline -> link -> export -> batch -> store -> service -> cli

A module may import its own package, anything in a lower layer, and the base. Imports inside
functions count too (a lazy import is still a dependency). Checked by walking the AST of every
module, so the test needs no extra library.
"""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "extract"
BASE = {"model", "errors", "io", "datafile", "disk_cache", "__init__"}
ORDER = ["lang", "readers", "structure", "normalise", "pipeline", "link", "export", "batch",
         "store", "service", "schemas", "cli"]


def _layer(top: str) -> int:
    return -1 if top in BASE else ORDER.index(top)


def _module_top(path: Path) -> str:
    rel = path.relative_to(PACKAGE)
    return rel.parts[0].removesuffix(".py")


def _imported_tops(path: Path, package: Path = PACKAGE) -> list[tuple[int, str]]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    rel = path.relative_to(package)
    package_parts = list(rel.parts[:-1])  # the module's package, below extract
    out = []
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom):
            if node.level == 0:
                if node.module and node.module.split(".")[0] == "extract":
                    parts = node.module.split(".")[1:]
                else:
                    continue
            else:
                base = package_parts[: len(package_parts) - (node.level - 1)]
                parts = base + (node.module.split(".") if node.module else [])
            if not parts:  # "from .. import X": X is a top-level module of extract
                parts = [node.names[0].name]
            out.append((node.lineno, parts[0]))
        elif isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name.split(".")[0] == "extract" and len(alias.name.split(".")) > 1:
                    out.append((node.lineno, alias.name.split(".")[1]))
    return out


def test_every_module_is_in_a_layer():
    tops = {_module_top(p) for p in PACKAGE.rglob("*.py")}
    assert tops <= BASE | set(ORDER), tops - BASE - set(ORDER)


def test_no_import_runs_up_the_stages():
    problems = []
    for path in sorted(PACKAGE.rglob("*.py")):
        own = _module_top(path)
        own_layer = _layer(own)
        for line, top in _imported_tops(path):
            if top == own or top in BASE:
                continue
            if top not in ORDER:
                continue  # a base module imported as "from .. import X"
            if _layer(top) > own_layer or own in BASE:
                problems.append(f"{path.relative_to(PACKAGE.parent)}:{line} ({own}) imports {top}")
    assert not problems, "\n".join(problems)


def _lang_violations(package: Path = PACKAGE) -> list[str]:
    return [f"{path}:{line} imports {top}"
            for path in (package / "lang").rglob("*.py")
            for line, top in _imported_tops(path, package)
            if top not in BASE and top != "lang"]


def test_lang_imports_no_stage():
    assert not _lang_violations()


def test_the_check_sees_a_violation(tmp_path):
    # A module of lang that imports the structure stage (even lazily) is reported.
    probe = tmp_path / "extract" / "lang" / "sub" / "probe.py"
    probe.parent.mkdir(parents=True)
    probe.write_text("def f():\n    from ...structure import build\n", encoding="utf-8")
    assert _imported_tops(probe, tmp_path / "extract") == [(2, "structure")]
    assert _lang_violations(tmp_path / "extract")
