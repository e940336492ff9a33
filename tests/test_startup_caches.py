"""What a process no longer does at start when an earlier one did it (issue #17, start-up):
validated data files and compiled rules come from the disk cache, whole; the output models
build their validators when first used; libraries a small text plan does not need are not
imported. Each cached thing must be what building it afresh gives, and be built again when
what it was built from changes."""

from __future__ import annotations

import json
import os
import pickle
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
import regex
from pydantic import BaseModel, ConfigDict

from extract.errors import DataFileError

ROOT = Path(__file__).resolve().parents[1]


def _run(code: str, cache: Path | None, **env: str) -> str:
    e = {k: v for k, v in os.environ.items() if not k.startswith(("VNPLAN_", "PYDANTIC_"))}
    if cache is not None:
        e["VNPLAN_CACHE_DIR"] = str(cache)
    e.update(env)
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, env=e, timeout=180)
    assert out.returncode == 0, out.stderr
    return out.stdout.strip().splitlines()[-1]


class _Words(BaseModel):
    model_config = ConfigDict(extra="forbid", defer_build=True)
    words: list[str]


def test_a_validated_data_file_is_kept_whole_and_validated_again_when_edited(tmp_path, monkeypatch):
    import extract.datafile as datafile

    monkeypatch.setenv("VNPLAN_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.delenv("VNPLAN_NO_CACHE", raising=False)
    monkeypatch.setattr(datafile, "_PACKAGE", tmp_path)  # tmp_path plays the package
    data = tmp_path / "words.yaml"
    data.write_text("words: [Sở, Ban]\n", encoding="utf-8")
    validated = []
    original = datafile.validate
    monkeypatch.setattr(datafile, "validate", lambda *a: validated.append(1) or original(*a))
    first = datafile.load_model(data, _Words)
    again = datafile.load_model(data, _Words)
    assert first == again == _Words(words=["Sở", "Ban"])
    assert len(validated) == 1  # the second is the first one, unpickled
    data.write_text("words: [Sở]\n", encoding="utf-8")
    assert datafile.load_model(data, _Words).words == ["Sở"] and len(validated) == 2
    data.write_text("words: Sở\n", encoding="utf-8")  # an invalid edit fails as before
    with pytest.raises(DataFileError, match="words"):
        datafile.load_model(data, _Words)
    user = tmp_path.parent / f"{tmp_path.name}-user.yaml"  # not the package's: never kept
    user.write_text("words: [a]\n", encoding="utf-8")
    datafile.load_model(user, _Words)
    assert len(list((tmp_path / "cache").glob("model-*.pickle"))) == 1


def test_built_rules_are_built_again_when_a_source_changes(tmp_path, monkeypatch):
    from extract import disk_cache

    monkeypatch.setenv("VNPLAN_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.delenv("VNPLAN_NO_CACHE", raising=False)
    folder = tmp_path / "rules"
    (folder / "data").mkdir(parents=True)
    source = folder / "data" / "words.yaml"
    source.write_text("a\n")
    calls = []

    def build():
        calls.append(1)
        return regex.compile(source.read_text().strip())

    assert disk_cache.built("words", build, folder).pattern == "a"
    assert disk_cache.built("words", build, folder).pattern == "a" and len(calls) == 1
    source.write_text("ab\n")  # another size (and time): another key
    assert disk_cache.built("words", build, folder).pattern == "ab" and len(calls) == 2
    (folder / "new.py").write_text("")  # a file added to the folder counts too
    disk_cache.built("words", build, folder)
    assert len(calls) == 3
    monkeypatch.setenv("VNPLAN_NO_CACHE", "1")
    disk_cache.built("words", build, folder)
    assert len(calls) == 4


_RULES_AS_TEXT = r"""
import json, regex, re
from extract.structure.prose_rules import AnyOf, rules, load_rules
from extract.structure.bodies import _patterns, _Patterns
from extract.structure.header_rules import header_rules, load_header_rules

def plain(v):
    if isinstance(v, (regex.Pattern, re.Pattern)):
        return ["pattern", v.pattern, int(v.flags)]
    if isinstance(v, AnyOf):
        return ["any", [plain(p) for p in v.patterns]]
    if isinstance(v, dict):
        return {str(k): plain(x) for k, x in sorted(v.items(), key=lambda kv: str(kv[0]))}
    if isinstance(v, (list, tuple, set, frozenset)):
        return [plain(x) for x in (sorted(v, key=str) if isinstance(v, (set, frozenset)) else v)]
    if hasattr(v, "__slots__") and not isinstance(v, (str, bytes)):
        return {s: plain(getattr(v, s)) for s in type(v).__slots__}
    if hasattr(v, "__dict__"):
        return {k: plain(x) for k, x in sorted(vars(v).items())}
    return v

print(json.dumps([plain(rules()), plain(_patterns()), plain(header_rules()),
                  plain(load_rules()), plain(_Patterns()), plain(load_header_rules())], ensure_ascii=False, default=str))
"""


def test_rules_from_the_cache_are_the_rules_built_afresh(tmp_path):
    """The prose rules, the name patterns and the header rules a process unpickles are, pattern
    for pattern, what the data files build."""
    fresh = json.loads(_run(_RULES_AS_TEXT, None, VNPLAN_NO_CACHE="1"))
    first = json.loads(_run(_RULES_AS_TEXT, tmp_path))  # builds and writes them
    assert {p.name.split("-")[0] for p in tmp_path.glob("*.pickle")} >= {"prose", "body", "header"}
    again = json.loads(_run(_RULES_AS_TEXT, tmp_path))  # unpickles them
    assert fresh == first == again
    cached, built = again[:3], again[3:]
    assert cached == built  # in one process: what came from the disk is what the files build


def _lines() -> list[str]:
    lines = []
    for f in sorted((ROOT / "samples" / "seeds").glob("*.txt")) + sorted((ROOT / "samples" / "probes").rglob("*.txt")):
        lines += [line.strip() for line in f.read_text(encoding="utf-8", errors="replace").splitlines() if line.strip()]
    return lines


@pytest.mark.parametrize("key", ["not_work", "closing"])
def test_patterns_tried_one_by_one_say_what_their_alternation_says(key):
    """``not_work`` and ``closing`` are asked only whether a line matches: their patterns are
    tried one by one (three times as fast) and must say yes exactly where one alternation of
    them did, on every line of the seeds and the probe documents."""
    from extract.datafile import read_yaml
    from extract.structure.prose_rules import _FLAGS, DATA_FILE, rules

    patterns = read_yaml(DATA_FILE)[key]
    one = regex.compile("(?:" + "|".join(f"(?:{p})" for p in patterns) + ")", _FLAGS)
    any_of = getattr(rules(), key)
    lines = _lines()
    assert len(lines) > 5000
    differ = [line for line in lines if bool(one.search(line)) != bool(any_of.search(line))]
    assert differ == []
    assert sum(1 for line in lines if any_of.search(line)) > 20
    assert [p.pattern for p in pickle.loads(pickle.dumps(any_of)).patterns] == [p.pattern for p in any_of.patterns]


def test_a_phrase_with_no_lunar_mark_builds_no_lunar_pattern(monkeypatch):
    from extract.lang.time import TimeContext, lunar, parse_time

    def refuse(*a):
        raise AssertionError("the lunar date pattern was built")

    monkeypatch.setattr(lunar, "_date_pattern", refuse)
    spec, _ = parse_time("hoàn thành trước ngày 30/6/2026 (Thứ Ba)", TimeContext(issued_on=date(2026, 2, 1)))
    assert (spec.kind, spec.end) == ("date", date(2026, 6, 30))
    # "AL" (âm lịch) still marks a lunar date once the pattern may be built
    monkeypatch.undo()
    spec, _ = parse_time("ngày 15/8 (AL)", TimeContext(issued_on=date(2026, 2, 1)))
    assert (spec.kind, spec.start) == ("date", date(2026, 9, 25))


def test_the_command_turns_pydantic_plugins_off_unless_the_user_chose():
    code = "import os, extract.cli.main; print(repr(os.environ.get('PYDANTIC_DISABLE_PLUGINS')))"
    assert _run(code, None) == "'__all__'"
    assert _run(code, None, PYDANTIC_DISABLE_PLUGINS="") == "''"  # a user who wants plugins keeps them


def test_a_small_text_plan_imports_only_what_it_needs(tmp_path):
    """Once the cache is filled, a small text plan is read without the YAML parser, the place
    tables' database, the fuzzy matcher, the lunar calendar or the HTML entities."""
    plan = tmp_path / "plan.txt"
    plan.write_text("ỦY BAN NHÂN DÂN\nTỈNH CAO BẰNG\nSố: 7/KH-UBND\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
                    "Cao Bằng, ngày 05 tháng 3 năm 2026\n\nKẾ HOẠCH\nTriển khai năm 2026\n\n"
                    "II. NHIỆM VỤ\n1. Sở Tài chính chủ trì rà soát thủ tục, hoàn thành trước ngày 30/6/2026.\n",
                    encoding="utf-8")
    code = f"""
import sys
sys.argv = ["vnplan", "parse", {str(plan)!r}, "-o", {str(tmp_path / 'out.json')!r}, "-q"]
from extract.cli.main import run
try:
    run()
except SystemExit:
    pass
print(sorted(m for m in ("yaml", "sqlite3", "rapidfuzz", "lunar_vn", "html", "pypdfium2", "lxml") if m in sys.modules))
"""
    _run(code, tmp_path / "cache")  # fills the cache
    assert _run(code, tmp_path / "cache") == "[]"
    assert json.loads((tmp_path / "out.json").read_text(encoding="utf-8"))["tasks"]
