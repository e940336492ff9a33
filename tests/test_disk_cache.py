"""The disk cache of compiled rules (extract/disk_cache.py): what one process compiles, the next
loads; nothing stale, nothing unsafe, never an error."""

from __future__ import annotations

import json
import os
import pickle
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]

PROBE = r"""
import json, sys
import extract.disk_cache as dc
import regex
state = dc._state
# asked for by a module of vnplan (the cache keeps only vnplan's own patterns)
scope = {"__name__": "extract.probe", "regex": regex, "sys": sys}
exec("pattern = regex.compile(sys.argv[1], regex.IGNORECASE)", scope)
pattern = scope["pattern"]
hit = any(k[0] == sys.argv[1] for k in (state or {}).get("stored", {}))
print(json.dumps({"installed": state is not None, "from_disk": hit,
                  "match": pattern.findall(sys.argv[2]), "groups": pattern.groupindex}))
"""


def _run(code: str, *args: str, cache: Path | None, **env: str) -> str:
    e = {k: v for k, v in os.environ.items() if not k.startswith("VNPLAN_")}
    if cache is not None:
        e["VNPLAN_CACHE_DIR"] = str(cache)
    e.update(env)
    out = subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True,
                         cwd=ROOT, env=e, timeout=120)
    assert out.returncode == 0, out.stderr
    return out.stdout


def _probe(cache, pattern=r"(?P<so>s[ởo])\s+(\w+)", text="SỞ Nội vụ, Sở Y tế", **env) -> dict:
    return json.loads(_run(PROBE, pattern, text, cache=cache, **env).strip().splitlines()[-1])


def test_a_pattern_compiled_once_is_loaded_by_the_next_process_and_matches_alike(tmp_path):
    first = _probe(tmp_path)
    assert first["installed"] and not first["from_disk"]
    files = list(tmp_path.glob("regex-*.pickle"))
    assert len(files) == 1 and files[0].stat().st_mode & 0o077 == 0  # the user's own
    second = _probe(tmp_path)
    assert second["from_disk"]
    assert second["match"] == first["match"] == [["SỞ", "Nội"], ["Sở", "Y"]]
    assert second["groups"] == first["groups"] == {"so": 1}


def test_no_cache_when_turned_off_or_the_folder_cannot_be_made(tmp_path):
    assert not _probe(tmp_path, VNPLAN_NO_CACHE="1")["installed"]
    assert not list(tmp_path.iterdir())
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    out = _probe(blocker / "cache")  # cannot be created: patterns compiled as before
    assert out["match"] == [["SỞ", "Nội"], ["Sở", "Y"]]
    assert blocker.read_text() == "not a folder"


def test_a_damaged_cache_file_is_ignored_and_written_anew(tmp_path):
    _probe(tmp_path)
    (path,) = tmp_path.glob("regex-*.pickle")
    path.write_bytes(path.read_bytes()[:100])  # truncated
    out = _probe(tmp_path)
    assert not out["from_disk"] and out["match"] == [["SỞ", "Nội"], ["Sở", "Y"]]
    assert _probe(tmp_path)["from_disk"]


def test_a_cache_file_others_may_write_is_not_read(tmp_path):
    _probe(tmp_path)
    (path,) = tmp_path.glob("regex-*.pickle")
    os.chmod(path, 0o666)
    assert not _probe(tmp_path)["from_disk"]


def test_the_file_keeps_what_recent_processes_used_at_most_limit(tmp_path):
    code = r"""
import sys, regex, extract.disk_cache as dc
dc.LIMIT, dc.KEEP_SAVES = 50, 2
scope = {"__name__": "extract.probe", "regex": regex, "sys": sys}  # vnplan's own patterns
exec('''
regex.compile("always")  # a rule every process uses
start = int(sys.argv[1])
for i in range(start, start + int(sys.argv[2])):
    regex.compile(rf"x{i}y")  # a document's own patterns
''', scope)
"""

    def keys():
        (path,) = tmp_path.glob("regex-*.pickle")
        return {k[0] for k in pickle.loads(path.read_bytes())["entries"]}

    _run(code, "0", "10", cache=tmp_path)
    _run(code, "100", "10", cache=tmp_path)
    assert {"always", "x0y", "x109y"} <= keys()
    _run(code, "200", "10", cache=tmp_path)
    _run(code, "300", "10", cache=tmp_path)  # four saves on: the first document's are gone
    assert "always" in keys() and "x0y" not in keys() and "x309y" in keys()
    _run(code, "1000", "60", cache=tmp_path)  # more than LIMIT new ones: the newest kept
    assert len(keys()) == 50


def test_rule_patterns_are_the_same_text_in_every_process(tmp_path):
    """Alternations built from sets are sorted with ties broken by the text: otherwise each
    process (another hash seed) builds other pattern strings and the cache never hits."""
    code = r"""
import extract.disk_cache as dc
from extract.pipeline import parse_file
parse_file(r"%s")
print(sorted(k[0] for k in dc._state["used"]))
""" % (ROOT / "samples" / "seeds" / "003_23b753e1ce1cdad2.txt")
    a = _run(code, cache=tmp_path / "a", PYTHONHASHSEED="1")
    b = _run(code, cache=tmp_path / "b", PYTHONHASHSEED="2")
    assert a == b and len(eval(a)) > 100


def test_cached_objects_are_keyed_by_their_sources(tmp_path, monkeypatch):
    from extract import disk_cache

    monkeypatch.setenv("VNPLAN_CACHE_DIR", str(tmp_path))
    monkeypatch.delenv("VNPLAN_NO_CACHE", raising=False)
    data = tmp_path / "rules.yaml"
    data.write_text("a: 1\n")
    calls = []

    def build():
        calls.append(1)
        return {"built": data.read_text()}

    k1 = disk_cache.sources_key(data)
    assert disk_cache.cached("thing", k1, build) == {"built": "a: 1\n"}
    assert disk_cache.cached("thing", k1, build) == {"built": "a: 1\n"} and len(calls) == 1
    data.write_text("a: 2\n")  # an edited data file: another key, built again
    k2 = disk_cache.sources_key(data)
    assert k2 != k1
    assert disk_cache.cached("thing", k2, build) == {"built": "a: 2\n"} and len(calls) == 2
    assert [p.name for p in tmp_path.glob("thing-*.pickle")] == [f"thing-{k2}.pickle"]


def test_the_registry_from_the_cache_resolves_as_a_fresh_one(tmp_path):
    code = r"""
import json
from extract.lang.agencies import builtin_registry, resolve_cell, jurisdiction_of
reg = builtin_registry()
j = jurisdiction_of("UBND TỈNH LÀO CAI", None, reg)
cells = ["Sở Tài chính", "UBND các xã, phường", "Công an tỉnh; Sở Y tế", "Sở KH&CN", "Ban Quản lý dự án X"]
out = []
for c in cells:
    refs, warnings = resolve_cell(c, reg, j)
    out.append([[r.id, r.name, r.kind] for r in refs] + [str(w) for w in warnings])
print(json.dumps(out, ensure_ascii=False))
"""
    fresh = _run(code, cache=None, VNPLAN_NO_CACHE="1")
    first = _run(code, cache=tmp_path)  # builds and writes it
    assert list(tmp_path.glob("registry-*.pickle"))
    again = _run(code, cache=tmp_path)  # loads it
    assert fresh == first == again
    assert "lao-cai/so-tai-chinh" in fresh


def test_a_shipped_data_file_is_parsed_once_and_read_again_when_edited(tmp_path, monkeypatch):
    import extract.datafile as datafile

    monkeypatch.setenv("VNPLAN_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.delenv("VNPLAN_NO_CACHE", raising=False)
    monkeypatch.setattr(datafile, "_PACKAGE", tmp_path)  # tmp_path plays the package
    data = tmp_path / "rules.yaml"
    data.write_text("words: [Sở, Ban]\nwhen: 2026-01-23\n", encoding="utf-8")
    parsed = []
    original = datafile._parse_yaml
    monkeypatch.setattr(datafile, "_parse_yaml", lambda *a: parsed.append(1) or original(*a))
    first = datafile.read_yaml(data)
    again = datafile.read_yaml(data)
    assert first == again == {"words": ["Sở", "Ban"], "when": __import__("datetime").date(2026, 1, 23)}
    assert len(parsed) == 1  # the second came from the cache
    data.write_text("words: [Sở]\n", encoding="utf-8")
    assert datafile.read_yaml(data) == {"words": ["Sở"]} and len(parsed) == 2
    data.write_text("words: [unclosed\n", encoding="utf-8")
    with pytest.raises(Exception, match="not valid YAML"):
        datafile.read_yaml(data)
    user = tmp_path.parent / f"{tmp_path.name}-user.yaml"  # not the package's: never kept
    user.write_text("a: 1\n", encoding="utf-8")
    datafile.read_yaml(user)
    assert len(list((tmp_path / "cache").glob("yaml-*.pickle"))) == 1


def test_no_home_directory_means_no_cache_not_an_error(monkeypatch):
    from extract import disk_cache

    monkeypatch.delenv("VNPLAN_CACHE_DIR", raising=False)
    monkeypatch.delenv("XDG_CACHE_HOME", raising=False)
    monkeypatch.delenv("VNPLAN_NO_CACHE", raising=False)

    def no_home():
        raise RuntimeError("Could not determine home directory.")

    monkeypatch.setattr(disk_cache.Path, "home", staticmethod(no_home))
    assert disk_cache.cache_dir() is None
    assert disk_cache.cached("thing", "k", lambda: 42) == 42


def test_patterns_of_another_program_in_the_process_are_not_kept(tmp_path):
    code = r"""
import regex, extract
regex.compile("the host program's own pattern")
from extract.pipeline import parse_file
"""
    _run(code, cache=tmp_path)
    for path in tmp_path.glob("regex-*.pickle"):
        assert not any("host program" in k[0] for k in pickle.loads(path.read_bytes())["entries"])
