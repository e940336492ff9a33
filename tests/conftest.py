from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "samples" / "seeds"
EXPECTED = ROOT / "samples" / "expected"


@pytest.fixture
def seeds() -> Path:
    return SEEDS
