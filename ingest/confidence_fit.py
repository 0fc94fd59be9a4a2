"""Fit the structural candidates' confidence model on annotated documents.

Training rows are the structural candidates of every annotated document, labelled by whether a
careful reader's gold names them (same kind, same document, fuzzy name match). The documents are
split by document, not by row: every third document (in name order) is held back, the model is
fitted on the rest and scored on the held-back ones, so the reported figure is on text the model
has not seen. The weights written for use are then fitted on all documents.
"""

from __future__ import annotations

import json
import math
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sklearn.feature_extraction import DictVectorizer
from sklearn.linear_model import LogisticRegression

from domain.model import REVIEW_THRESHOLD, Label
from ingest.extractors import specialised, structural
from ingest.extractors.confidence import WEIGHTS_FILE, ConfidenceModel
from ingest.quality import MATCH_THRESHOLD, gold_names, similarity
from ingest.quality_corpus import KINDS, document_key, gold_by_document, item_names
from ingest.readers import read_document

GoldLookup = Callable[[Label], list[list[str]]]
_SCORED: tuple[Label, ...] = ("Project", "FocusArea", "Goal", "Indicator")


@dataclass(frozen=True)
class AnnotatedDocument:
    path: Path
    gold: GoldLookup


@dataclass(frozen=True)
class Row:
    document: str
    label: str
    features: dict[str, float]
    correct: bool


@dataclass
class FitReport:
    documents: int
    held_out: list[str]
    rows: int
    positives: int
    model: ConfidenceModel


def from_gold_folder(documents: list[Path], folder: Path) -> list[AnnotatedDocument]:
    """Documents with a ``<stem>.json`` gold file each (tests/gold)."""
    found = []
    for path in documents:
        gold_path = folder / f"{path.stem}.json"
        if gold_path.exists():
            found.append(
                AnnotatedDocument(path, _folder_lookup(json.loads(gold_path.read_text(encoding="utf-8"))))
            )
    return found


def _folder_lookup(gold: dict[str, Any]) -> GoldLookup:
    def names(label: Label) -> list[list[str]]:
        return gold_names(gold, label)

    return names


def from_corpus_gold(documents: list[Path], gold_file: Path) -> list[AnnotatedDocument]:
    """Documents named by a corpus gold file (one JSON for many documents)."""
    gold: dict[str, Any] = json.loads(gold_file.read_text(encoding="utf-8"))
    by_label = {
        label: gold_by_document(gold, key) for key, label in KINDS.items() if key != "actors_must_exist"
    }
    named = {doc for grouped in by_label.values() for doc in grouped}

    def lookup(doc: str) -> GoldLookup:
        return lambda label: [item_names(item) for item in by_label.get(label, {}).get(doc, [])]

    return [AnnotatedDocument(p, lookup(document_key(p))) for p in documents if document_key(p) in named]


def rows_of(document: AnnotatedDocument) -> list[Row]:
    source = read_document(document.path)
    rows = []
    for candidate in structural(source, specialised(source)):
        if not candidate.fitted:
            continue
        entity = candidate.entity
        gold = document.gold(entity.label)
        correct = any(similarity(entity.name, name) >= MATCH_THRESHOLD for names in gold for name in names)
        rows.append(Row(document.path.name, entity.label, candidate.features, correct))
    return rows


def fit_rows(rows: list[Row]) -> ConfidenceModel:
    vectorizer = DictVectorizer(sparse=False)
    x = vectorizer.fit_transform([row.features for row in rows])
    y = [int(row.correct) for row in rows]
    classifier = LogisticRegression(C=1.0, max_iter=2000, class_weight="balanced")
    classifier.fit(x, y)
    names = vectorizer.get_feature_names_out()
    weights = {str(name): round(float(w), 4) for name, w in zip(names, classifier.coef_[0], strict=True) if w}
    # The acceptance threshold is fitted too, one per kind: the lowest probability whose accepted
    # training candidates reach TARGET_PRECISION (else the best F0.5: a wrong fact costs more than
    # one waiting in review) is moved onto REVIEW_THRESHOLD through the kind's own feature.
    probabilities = classifier.predict_proba(x)[:, 1]
    for label in sorted({row.label for row in rows}):
        picked = [(p, t) for p, t, row in zip(probabilities, y, rows, strict=True) if row.label == label]
        threshold = _best_threshold([p for p, _ in picked], [t for _, t in picked])
        key = f"label={label}"
        weights[key] = round(weights.get(key, 0.0) + _logit(REVIEW_THRESHOLD) - _logit(threshold), 4)
    return ConfidenceModel(round(float(classifier.intercept_[0]), 4), weights)


def _logit(p: float) -> float:
    p = min(max(p, 1e-6), 1 - 1e-6)
    return math.log(p / (1 - p))


TARGET_PRECISION = 0.85  # what an accepted structural fact must reach on the training candidates


def _best_threshold(probabilities: list[float], y: list[int], beta: float = 0.5) -> float:
    """The lowest probability whose accepted candidates are still right often enough
    (TARGET_PRECISION); when no threshold reaches that, the best F-beta one."""
    best, best_score = 0.999, -1.0  # nothing right: accept nothing of this kind
    for threshold in sorted({round(p, 3) for p in probabilities}):
        chosen = [label for p, label in zip(probabilities, y, strict=True) if p >= threshold]
        true = sum(chosen)
        if not chosen or not true:
            continue
        precision, recall = true / len(chosen), true / max(sum(y), 1)
        if precision >= TARGET_PRECISION:
            return threshold
        score = (1 + beta**2) * precision * recall / (beta**2 * precision + recall)
        if score > best_score:
            best, best_score = threshold, score
    return best


def held_out_split(
    documents: list[AnnotatedDocument],
) -> tuple[list[AnnotatedDocument], list[AnnotatedDocument]]:
    ordered = sorted(documents, key=lambda d: d.path.name)
    held = [d for i, d in enumerate(ordered) if i % 3 == 2]
    return [d for d in ordered if d not in held], held


def fit(documents: list[AnnotatedDocument], write: bool = True) -> tuple[FitReport, ConfidenceModel]:
    """(report of the final fit on every document, the model fitted without the held-back ones)."""
    rows_by_doc = {d.path.name: rows_of(d) for d in documents}
    train, held = held_out_split(documents)
    train_model = fit_rows([r for d in train for r in rows_by_doc[d.path.name]])
    all_rows = [r for rows in rows_by_doc.values() for r in rows]
    final = fit_rows(all_rows)
    if write:
        WEIGHTS_FILE.write_text(final.to_json() + "\n", encoding="utf-8")
    report = FitReport(
        len(documents), [d.path.name for d in held], len(all_rows), sum(r.correct for r in all_rows), final
    )
    return report, train_model
