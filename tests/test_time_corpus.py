"""Every phrase of the hand-checked corpus gives exactly its expected TimeSpec."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest
import yaml

from extract.lang.time import TimeContext, parse_time

from .test_time_properties import assert_valid_rrule

CORPUS = yaml.safe_load((Path(__file__).parent / "data" / "time_corpus.yaml").read_text("utf-8"))
CONTEXTS = {
    name: TimeContext(spec.get("issued_on"), tuple(spec["period"]) if spec.get("period") else None)
    for name, spec in CORPUS["contexts"].items()
}
PHRASES = CORPUS["phrases"]


def _expected(entry):
    return (entry["kind"], entry.get("start"), entry.get("end"), entry.get("rrule"),
            entry.get("anchor"), bool(entry.get("warn")))


def _got(raw, ctx):
    spec, warnings = parse_time(raw, ctx)
    return spec, (spec.kind, spec.start, spec.end, spec.rrule, spec.anchor, bool(warnings))


def test_corpus_is_large_enough():
    assert len(PHRASES) >= 150
    assert len({(p["raw"], p.get("ctx", "default")) for p in PHRASES}) == len(PHRASES)


@pytest.mark.parametrize("entry", PHRASES, ids=lambda e: f"{e['raw'][:50]}|{e.get('ctx', 'default')}")
def test_phrase(entry):
    ctx = CONTEXTS[entry.get("ctx", "default")]
    spec, got = _got(entry["raw"], ctx)
    assert got == _expected(entry)
    assert spec.raw == " ".join(unicodedata.normalize("NFC", entry["raw"]).split())
    if spec.rrule:
        assert_valid_rrule(spec.rrule)


def _strip_marks(text: str) -> str:
    out = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    return "".join(c for c in out if not unicodedata.combining(c))


UNDERSTOOD = [p for p in PHRASES if not p.get("warn")]
NOISES = {
    "upper": str.upper,
    "lower": str.lower,
    "no-diacritics": _strip_marks,
    "trailing-dots": lambda s: s + "..",
    "stray-spaces": lambda s: "  " + s.replace(" ", "   ") + " ",
    "decomposed": lambda s: unicodedata.normalize("NFD", s),
}


@pytest.mark.parametrize("noise", NOISES)
def test_noise_does_not_change_the_reading(noise):
    """Case, accents, dots and spacing are noise: the reading stays (anchors aside, which
    keep the text as printed)."""
    for entry in UNDERSTOOD:
        if noise == "no-diacritics" and entry.get("accents_matter"):
            continue
        ctx = CONTEXTS[entry.get("ctx", "default")]
        spec, got = _got(NOISES[noise](entry["raw"]), ctx)
        exp = _expected(entry)
        assert got[:4] == exp[:4] and got[5] == exp[5], (noise, entry["raw"], got)
        assert (spec.anchor is None) == (entry.get("anchor") is None)


@pytest.mark.parametrize("label", ["Thời gian hoàn thành:", "Thời hạn hoàn thành :", "Thời gian thực hiện -"])
def test_label_is_stripped(label):
    for entry in UNDERSTOOD[:60]:
        ctx = CONTEXTS[entry.get("ctx", "default")]
        _, got = _got(f"{label} {entry['raw']}", ctx)
        assert got[:5] == _expected(entry)[:5], (label, entry["raw"])


def test_roman_and_arabic_quarters_agree():
    ctx = CONTEXTS["default"]
    for n, roman in enumerate(["I", "II", "III", "IV"], start=1):
        for year in (2024, 2025, 2031):
            a, _ = parse_time(f"Quý {roman}/{year}", ctx)
            b, _ = parse_time(f"quý {n} năm {year}", ctx)
            assert (a.kind, a.start, a.end) == (b.kind, b.start, b.end) == (
                "quarter", a.start.replace(month=3 * n - 2, day=1), a.end)
            assert a.start.year == year and a.end.month == 3 * n
