"""Extraction quality against a corpus gold file: one JSON for many documents, as in a
development corpus (``gold.json`` with ``activities``, ``decisions``, ``focus_areas``, ``goals``,
``indicators``, ``actors_must_exist`` and ``must_not_merge``).

Items name their document by the file name's prefix (``"doc": "D04"`` for ``D04_….txt``). Names
match fuzzily as in ``ingest.quality``; decisions match on their document and a compatible date
(``2022-03`` matches ``2022-03-25``). Actors are scored over the whole corpus, since the gold lists
them once for all documents; ``must_not_merge`` pairs count as errors when both names resolve to
the same extracted actor.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from domain.model import REVIEW_THRESHOLD, Label
from ingest.extractors import extract
from ingest.quality import MATCH_THRESHOLD, Score, score, similarity
from ingest.readers import read_document
from ingest.resolve import NodeRow, ResolvedDocument, resolve

# gold key -> the label the product stores it under
KINDS: dict[str, Label] = {
    "activities": "Project",
    "decisions": "Decision",
    "focus_areas": "FocusArea",
    "goals": "Goal",
    "indicators": "Indicator",
    "actors_must_exist": "Actor",
}


@dataclass
class CorpusQuality:
    scores: dict[str, Score]  # gold key -> score over the corpus
    per_document: dict[str, dict[str, Score]]
    merged_pairs: list[tuple[str, str]]  # must_not_merge pairs that resolved to one actor
    documents: int


def document_key(path: Path) -> str:
    """``D04`` for ``D04_fou-sormland-….txt``; the whole stem when there is no prefix."""
    return path.stem.split("_", 1)[0]


def gold_by_document(gold: dict[str, Any], key: str) -> dict[str, list[Any]]:
    items = gold.get(key, [])
    if isinstance(items, dict):  # {"D03": ["…", …]}
        return {doc: list(values) for doc, values in items.items()}
    grouped: dict[str, list[Any]] = {}
    for item in items:
        grouped.setdefault(item["doc"], []).append(item)
    return grouped


def item_names(item: Any) -> list[str]:
    if isinstance(item, str):
        return [item]
    return [item["name"], *item.get("aliases", [])]


def _dates_compatible(a: str | None, b: str | None) -> bool:
    if not a or not b:
        return False
    return a.startswith(b) or b.startswith(a)


def _score_decisions(gold: list[dict[str, Any]], found: list[dict[str, Any]]) -> Score:
    unmatched = list(range(len(gold)))
    matched = 0
    extra: list[str] = []
    for properties in found:
        hit = next(
            (i for i in unmatched if _dates_compatible(gold[i].get("date"), properties.get("date"))), None
        )
        if hit is None:
            extra.append(f"{properties.get('date') or '?'} {properties.get('name', '')}"[:120])
            continue
        unmatched.remove(hit)
        matched += 1
    missed = [f"{gold[i].get('date')} {gold[i].get('about', '')}"[:120] for i in unmatched]
    return Score("Decision", len(gold), len(found), matched, missed, extra)


def _accepted(resolved: ResolvedDocument, label: Label) -> list[NodeRow]:
    """Facts below the review threshold wait in Granska: they count as not (yet) extracted."""
    return [n for n in resolved.nodes if n.label == label and n.confidence >= REVIEW_THRESHOLD]


def _extracted(resolved: ResolvedDocument, label: Label) -> list[list[str]]:
    return [[n.properties["name"], *n.aliases] for n in _accepted(resolved, label)]


def evaluate_corpus(paths: Iterable[Path], gold: dict[str, Any]) -> CorpusQuality:
    per_document: dict[str, dict[str, Score]] = {}
    actors: list[list[str]] = []
    resolved_docs: list[ResolvedDocument] = []
    grouped = {key: gold_by_document(gold, key) for key in KINDS if key != "actors_must_exist"}
    named = {doc for by_doc in grouped.values() for doc in by_doc}
    for path in paths:
        doc = document_key(path)
        if named and doc not in named:  # a README beside the documents, say
            continue
        document = read_document(path)
        resolved = resolve(extract(document), document)
        resolved_docs.append(resolved)
        scores: dict[str, Score] = {}
        for key, label in KINDS.items():
            if key == "actors_must_exist":
                continue
            items = grouped[key].get(doc, [])
            if key == "decisions":
                found = [n.properties for n in _accepted(resolved, "Decision")]
                scores[key] = _score_decisions(items, found)
            else:
                scores[key] = score(label, [item_names(i) for i in items], _extracted(resolved, label))
        per_document[doc] = scores
        actors.extend(_extracted(resolved, "Actor"))
    totals: dict[str, Score] = {}
    for key in KINDS:
        if key == "actors_must_exist":
            continue
        total = Score(KINDS[key], 0, 0, 0)
        for scores in per_document.values():
            s = scores[key]
            total.gold += s.gold
            total.extracted += s.extracted
            total.matched += s.matched
            total.missed += s.missed
            total.extra += s.extra
        totals[key] = total
    unique_actors = _unique(actors)
    totals["actors_must_exist"] = score(
        "Actor", [[a] for a in gold.get("actors_must_exist", [])], unique_actors
    )
    return CorpusQuality(totals, per_document, _merged(gold, unique_actors), len(per_document))


def _unique(names: list[list[str]]) -> list[list[str]]:
    """One entry per distinct actor name over the corpus (documents repeat the big ones)."""
    seen: dict[str, list[str]] = {}
    for entry in names:
        seen.setdefault(entry[0].casefold(), entry)
    return list(seen.values())


def _merged(gold: dict[str, Any], actors: list[list[str]]) -> list[tuple[str, str]]:
    """must_not_merge pairs that one extracted actor holds: it has a name that is more the first
    body's than the second's, and another that is more the second's (a bare "Socialnämnden" that
    fits both is no merge)."""
    merged = []
    for a, b in gold.get("must_not_merge", []):
        for entry in actors:
            scores = [(similarity(a, name), similarity(b, name)) for name in entry]
            has_a = any(sa >= MATCH_THRESHOLD and sa > sb for sa, sb in scores)
            has_b = any(sb >= MATCH_THRESHOLD and sb > sa for sa, sb in scores)
            if has_a and has_b:
                merged.append((a, b))
                break
    return merged


def load_gold(path: Path) -> dict[str, Any]:
    return json.loads(path.read_text(encoding="utf-8"))
