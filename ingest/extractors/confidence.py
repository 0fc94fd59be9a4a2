"""The confidence of a structural candidate: a logistic model over its features, with weights fitted
on annotated documents (``projektdb quality --fit``) and kept as data in ``ingest/lexicon/confidence.json``.

A fact the model is unsure of is not dropped: below ``REVIEW_BELOW`` it goes to the review queue
(Granska); only candidates below ``DROP_BELOW`` are treated as noise.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from functools import cache
from pathlib import Path

WEIGHTS_FILE = Path(__file__).resolve().parent.parent / "lexicon" / "confidence.json"
DROP_BELOW = 0.3


@dataclass(frozen=True)
class ConfidenceModel:
    intercept: float
    weights: dict[str, float]

    def score(self, features: dict[str, float]) -> float:
        z = self.intercept + sum(self.weights.get(name, 0.0) * value for name, value in features.items())
        return 1.0 / (1.0 + math.exp(-z))

    def to_json(self) -> str:
        return json.dumps(
            {"intercept": self.intercept, "weights": dict(sorted(self.weights.items()))},
            ensure_ascii=False,
            indent=1,
        )


@cache
def model() -> ConfidenceModel:
    data = json.loads(WEIGHTS_FILE.read_text(encoding="utf-8"))
    return ConfidenceModel(float(data["intercept"]), {k: float(v) for k, v in data["weights"].items()})


_override: list[ConfidenceModel] = []


def current() -> ConfidenceModel:
    """The model in use: the fitted weights, or one being evaluated (``evaluating``)."""
    return _override[-1] if _override else model()


class evaluating:  # noqa: N801  (used as a context manager: ``with evaluating(candidate_model):``)
    """Extract with ``candidate`` instead of the stored weights (fitting and held-out scoring)."""

    def __init__(self, candidate: ConfidenceModel) -> None:
        self.candidate = candidate

    def __enter__(self) -> ConfidenceModel:
        _override.append(self.candidate)
        return self.candidate

    def __exit__(self, *exc: object) -> None:
        _override.pop()
