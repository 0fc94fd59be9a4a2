"""Extraction quality against what a careful reader wrote down (tests/gold/*.json).

Precision and recall per entity type, matching extracted names to gold names with a fuzzy score
(after hyphenation/spacing/case are normalised), each gold item used at most once.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from rapidfuzz import fuzz

from domain.ids import clean_text
from domain.model import REVIEW_THRESHOLD
from ingest.extractors import extract
from ingest.readers import read_document
from ingest.resolve import ResolvedDocument, resolve

MATCH_THRESHOLD = 85.0
TYPES = (
    "Project",
    "Actor",
    "FocusArea",
    "GoalArea",
    "Goal",
    "Indicator",
    "Measure",
    "Decision",
    "TargetGroup",
)


@dataclass
class Score:
    label: str
    gold: int
    extracted: int
    matched: int
    missed: list[str] = field(default_factory=list)
    extra: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float | None:
        return self.matched / self.extracted if self.extracted else None

    @property
    def recall(self) -> float | None:
        return self.matched / self.gold if self.gold else None

    def as_dict(self) -> dict[str, Any]:
        return {
            "label": self.label,
            "gold": self.gold,
            "extracted": self.extracted,
            "matched": self.matched,
            "precision": self.precision,
            "recall": self.recall,
            "missed": self.missed,
            "extra": self.extra,
        }


def gold_names(gold: dict[str, Any], label: str) -> list[list[str]]:
    """Each gold item as the names it may be found under (name first, then aliases)."""
    if label == "Measure":
        names = {m for indicator in gold.get("Indicator", []) for m in indicator.get("measures", [])}
        return [[n] for n in sorted(names)]
    items = gold.get(label, [])
    if label == "Goal":
        return [[item["text"]] for item in items]
    if label == "Decision":
        return [[_decision_key(item)] for item in items]
    return [[item["name"], *item.get("aliases", [])] for item in items]


def extracted_names(resolved: ResolvedDocument, label: str) -> list[list[str]]:
    """What the product accepts: facts below the review threshold wait in Granska and count as
    not (yet) extracted."""
    rows = [n for n in resolved.nodes if n.label == label and n.confidence >= REVIEW_THRESHOLD]
    if label == "Decision":
        return [[_decision_key(n.properties)] for n in rows]
    return [[n.properties["name"], *n.aliases] for n in rows]


def score(label: str, gold: list[list[str]], found: list[list[str]]) -> Score:
    unmatched = list(range(len(gold)))
    matched = 0
    extra: list[str] = []
    for names in found:
        best, best_score = None, 0.0
        for index in unmatched:
            s = max(similarity(a, b) for a in names for b in gold[index])
            if s > best_score:
                best, best_score = index, s
        if best is not None and best_score >= MATCH_THRESHOLD:
            unmatched.remove(best)
            matched += 1
        else:
            extra.append(names[0])
    return Score(label, len(gold), len(found), matched, [gold[i][0] for i in unmatched], extra)


def evaluate_file(path: Path, gold_path: Path) -> dict[str, Score]:
    document = read_document(path)
    resolved = resolve(extract(document), document)
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    return {label: score(label, gold_names(gold, label), extracted_names(resolved, label)) for label in TYPES}


def evaluate(pairs: Iterable[tuple[Path, Path]]) -> dict[str, dict[str, Score]]:
    return {path.name: evaluate_file(path, gold_path) for path, gold_path in pairs}


def totals(results: dict[str, dict[str, Score]]) -> dict[str, Score]:
    summed: dict[str, Score] = {}
    for scores in results.values():
        for label, s in scores.items():
            total = summed.setdefault(label, Score(label, 0, 0, 0))
            total.gold += s.gold
            total.extracted += s.extracted
            total.matched += s.matched
    return summed


def _decision_key(item: dict[str, Any]) -> str:
    """Decisions match on what identifies them: date and diarienummer/paragraph/body."""
    parts = [
        item.get("date") or "",
        item.get("diarienummer") or item.get("paragraph") or item.get("body") or "",
    ]
    return " ".join(str(p) for p in parts)


def similarity(a: str, b: str) -> float:
    a, b = clean_text(a).casefold(), clean_text(b).casefold()
    if not a or not b:
        return 0.0
    return max(fuzz.ratio(a, b), fuzz.token_set_ratio(a, b) if min(len(a), len(b)) > 12 else 0.0)
