"""Archive member names: table of hostile and ordinary names, and properties for any name."""

from __future__ import annotations

import zipfile

import pytest
from hypothesis import given
from hypothesis import strategies as st

from extract.batch.names import UnsafeName, decoded_name, is_junk, safe_relative


@pytest.mark.parametrize("name,expected", [
    ("plan.pdf", "plan.pdf"),
    ("2025/Kế hoạch/plan.docx", "2025/Kế hoạch/plan.docx"),
    ("./a//b/./c.txt", "a/b/c.txt"),
    ("dir\\sub\\c.txt", "dir/sub/c.txt"),          # made on Windows
    ("a/b/", "a/b"),
])
def test_safe_names(name, expected):
    assert safe_relative(name) == expected


@pytest.mark.parametrize("name", [
    "../evil.txt", "a/../../evil.txt", "a/..", "..\\evil.txt", "/etc/passwd", "\\\\server\\x",
    "C:/Windows/x.txt", "c:evil.txt", "", "./", "a\x00b.txt",
])
def test_unsafe_names(name):
    with pytest.raises(UnsafeName):
        safe_relative(name)


@given(st.lists(st.sampled_from(list("ab./\\:\x00C") + ["..", "Đ"]), max_size=30).map("".join))
def test_any_name_is_refused_or_stays_inside(name):
    try:
        rel = safe_relative(name)
    except UnsafeName:
        return
    parts = rel.split("/")
    assert all(p not in ("", ".", "..") for p in parts)
    assert not rel.startswith("/") and "\\" not in rel and "\x00" not in rel
    assert not (len(parts[0]) >= 2 and parts[0][1] == ":" and parts[0][0] in "abC")


@pytest.mark.parametrize("name,junk", [
    ("__MACOSX/a/._b.pdf", True), (".DS_Store", True), ("a/~$plan.docx", True), ("Thumbs.db", True),
    ("a/.hidden/b.pdf", True), ("a/plan.pdf", False), ("~plan.docx", False),
])
def test_junk(name, junk):
    assert is_junk(name) is junk


def test_utf8_names_without_the_flag_are_repaired():
    info = zipfile.ZipInfo("Kế hoạch.txt".encode("utf-8").decode("cp437"))
    assert decoded_name(info) == "Kế hoạch.txt"
    flagged = zipfile.ZipInfo("Kế hoạch.txt")
    flagged.flag_bits |= 0x800
    assert decoded_name(flagged) == "Kế hoạch.txt"
