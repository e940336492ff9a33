"""The fuzz targets in the test suite: every input a fuzzer ever crashed a reader with is read
again (``regressions/<target>/``), and hypothesis mutates the repository's documents for each
reader (a bounded, derandomised stand-in for the coverage-guided run of ``run.py``).

A reader may refuse any input with a ReadError; anything else is a bug.
"""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.fuzz.targets import REGRESSIONS, TARGETS, available, one_input, regressions, seeds

FAST = [t for t in TARGETS if t != "legacy"]  # LibreOffice takes seconds per input


def _cases():
    return [pytest.param(t, p, id=f"{t}/{p.name}") for t in TARGETS for p in regressions(t)]


@pytest.mark.parametrize("target,path", _cases() or [pytest.param(None, None, marks=pytest.mark.skip("none kept"))])
def test_kept_crashing_inputs_are_read_or_refused(target, path):
    if not available(target):
        pytest.skip(f"{target} cannot run here")
    one_input(target, path.read_bytes())


def test_regression_folders_name_real_targets():
    if REGRESSIONS.is_dir():
        assert {p.name for p in REGRESSIONS.iterdir() if p.is_dir()} <= set(TARGETS)


@st.composite
def mutated(draw, target: str):
    """A seed of the target with a few byte-level edits: flips, cuts, repeats, inserted junk."""
    pool = seeds(target)
    data = bytearray(draw(st.sampled_from(pool)))
    for _ in range(draw(st.integers(1, 6))):
        if not data:
            break
        at = draw(st.integers(0, len(data) - 1))
        op = draw(st.sampled_from(["flip", "cut", "repeat", "insert", "truncate"]))
        if op == "flip":
            data[at] ^= draw(st.integers(1, 255))
        elif op == "cut":
            del data[at:at + draw(st.integers(1, 64))]
        elif op == "repeat":
            piece = data[at:at + draw(st.integers(1, 32))]
            data[at:at] = piece * draw(st.integers(1, 50))
        elif op == "insert":
            data[at:at] = draw(st.binary(min_size=1, max_size=16))
        else:
            del data[at:]
    return bytes(data)


@pytest.mark.parametrize("target", FAST)
def test_mutated_documents_are_read_or_refused(target):
    if not available(target):
        pytest.skip(f"{target} cannot run here")

    @settings(max_examples=15, deadline=None, derandomize=True, database=None,
              suppress_health_check=list(HealthCheck))
    @given(mutated(target))
    def check(data):
        one_input(target, data)

    check()
