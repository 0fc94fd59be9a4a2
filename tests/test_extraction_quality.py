"""Extraction against what a careful reader wrote down for each sample document (tests/gold)."""

from __future__ import annotations

import pytest

from ingest.quality import TYPES, evaluate, totals
from tests.conftest import SAMPLE_DIR

pytestmark = pytest.mark.slow  # reads and scores every sample document

GOLD_DIR = SAMPLE_DIR.parent / "tests" / "gold"
MIN_RECALL = 0.9
MIN_PRECISION = 0.85


@pytest.fixture(scope="module")
def summary() -> dict:
    pairs = [(path, GOLD_DIR / f"{path.stem}.json") for path in sorted(SAMPLE_DIR.glob("*.txt"))]
    assert all(gold.exists() for _, gold in pairs)
    return totals(evaluate(pairs))


@pytest.mark.parametrize("label", TYPES)
def test_recall_and_precision_per_type(summary: dict, label: str) -> None:
    score = summary[label]
    assert score.gold > 0
    assert score.recall is not None and score.recall >= MIN_RECALL, (label, score.as_dict())
    assert score.precision is not None and score.precision >= MIN_PRECISION, (label, score.as_dict())
