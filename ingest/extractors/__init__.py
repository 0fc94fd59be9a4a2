"""Extractors: each module reads one kind of structure from a ``SourceDocument``.

Every extractor is a function ``(SourceDocument) -> Extraction``; ``extract`` runs them all.
"""

from __future__ import annotations

from collections.abc import Callable

from domain.document import SourceDocument
from domain.model import Extraction

Extractor = Callable[[SourceDocument], Extraction]

# Registered in the order they run; each module adds its function here.
EXTRACTORS: list[Extractor] = []

from ingest.extractors.decisions import extract_decisions  # noqa: E402
from ingest.extractors.indicators import extract_indicators  # noqa: E402

EXTRACTORS += [extract_decisions, extract_indicators]
from ingest.extractors.activities import extract_activities  # noqa: E402
from ingest.extractors.plan_structure import extract_plan_structure  # noqa: E402
from ingest.extractors.target_groups import extract_target_groups  # noqa: E402

EXTRACTORS += [extract_plan_structure, extract_activities, extract_target_groups]
from ingest.extractors.initiatives import extract_initiatives  # noqa: E402

EXTRACTORS += [extract_initiatives]
from ingest.extractors.actors import extract_actors  # noqa: E402
from ingest.extractors.confidence import DROP_BELOW, current  # noqa: E402
from ingest.extractors.part_dates import date_at, part_dates  # noqa: E402
from ingest.extractors.sections import Candidate, structural_candidates  # noqa: E402

EXTRACTORS += [extract_actors]


def extract(document: SourceDocument) -> Extraction:
    result = specialised(document)
    scorer = current()
    for candidate in structural(document, result):
        if candidate.fitted:
            candidate.entity.confidence = round(scorer.score(candidate.features), 3)
        if candidate.entity.confidence >= DROP_BELOW:
            result.entities.append(candidate.entity)
    return result


def specialised(document: SourceDocument) -> Extraction:
    """What the specialised extractors read, undated decisions dated by their page."""
    result = Extraction()
    for extractor in EXTRACTORS:
        result.extend(extractor(document))
    _date_undated_decisions(document, result)
    return result


def structural(document: SourceDocument, found: Extraction) -> list[Candidate]:
    """The structural candidates not already in ``found``, before their confidence is given."""
    return new_candidates(structural_candidates(document), found)


def _date_undated_decisions(document: SourceDocument, result: Extraction) -> None:
    """A decision whose text gives no date takes its page's date (see part_dates)."""
    parts = part_dates(document)
    if not parts:
        return
    for decision in result.of("Decision"):
        if decision.properties.get("date") or not decision.evidence:
            continue
        evidence = decision.evidence[0]
        date = date_at(parts, evidence.page, max(evidence.start, 0))
        if date:
            decision.properties["date"] = date
            decision.properties["date_from"] = "page"
            decision.confidence = max(decision.confidence, 0.8)


def new_candidates(candidates: list[Candidate], found: Extraction) -> list[Candidate]:
    """The structural candidates the specialised extractors did not already give: one kind of thing
    read from the same block, or under a name that contains or is contained in one already found,
    is the same thing read twice. Each keeps, as a feature, whether the specialised extractors
    read this kind of thing in the document at all."""
    spans: dict[str, list[tuple[int, int, int]]] = {}
    names: dict[str, list[str]] = {}
    for entity in found.entities:
        names.setdefault(entity.label, []).append(entity.name.casefold())
        for evidence in entity.evidence:
            if evidence.start >= 0:
                spans.setdefault(entity.label, []).append((evidence.page, evidence.start, evidence.end))
    kept = []
    for candidate in candidates:
        entity = candidate.entity
        evidence = entity.evidence[0]
        # one block names many actors, so for them only the name tells a repeat
        overlaps = entity.label != "Actor" and any(
            page == evidence.page and start < evidence.end and evidence.start < end
            for page, start, end in spans.get(entity.label, [])
        )
        name = entity.name.casefold()
        known = any(name in other or other in name for other in names.get(entity.label, []) if len(other) > 5)
        if not overlaps and not known:
            candidate.features["specialised_found_label"] = float(entity.label in names)
            candidate.features[f"{entity.label}:specialised_found_label"] = float(entity.label in names)
            kept.append(candidate)
    return kept
