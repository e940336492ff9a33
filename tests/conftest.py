from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "samples" / "seeds"
EXPECTED = ROOT / "samples" / "expected"


@pytest.fixture
def seeds() -> Path:
    return SEEDS


# CI runs the property tests on a fixed sequence of examples, so that a submission's result does
# not depend on the draw; local runs keep exploring new examples.
import os  # noqa: E402

from hypothesis import settings  # noqa: E402

settings.register_profile("ci", derandomize=True, print_blob=True)
if os.environ.get("CI"):
    settings.load_profile("ci")
