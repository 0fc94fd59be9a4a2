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

EXTRACTORS += [extract_actors]


def extract(document: SourceDocument) -> Extraction:
    result = Extraction()
    for extractor in EXTRACTORS:
        result.extend(extractor(document))
    return result
