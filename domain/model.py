"""What extractors find: entities and relations, each with its evidence.

file → reader → ``SourceDocument`` (domain.document) → extractors → ``Extraction`` (entities
and relations, each with ``Evidence``) → resolver (stable ids) → loader (one transaction per document).

Labels and relationship types follow ../shared/design/ontology.md.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

Label = Literal[
    "Project",
    "Actor",
    "County",
    "GoalArea",
    "FocusArea",
    "Goal",
    "Indicator",
    "Measure",
    "Decision",
    "TargetGroup",
]
LABELS: tuple[Label, ...] = (
    "Project",
    "Actor",
    "County",
    "GoalArea",
    "FocusArea",
    "Goal",
    "Indicator",
    "Measure",
    "Decision",
    "TargetGroup",
)

RelType = Literal[
    "IN_FOCUS_AREA",
    "ADDRESSES",
    "UNDER",
    "IN_PLAN",  # FocusArea -> Document: written by the loader from Document, not by extractors
    "RESPONSIBLE_FOR",
    "PARTICIPATES_IN",
    "TARGETS",
    "LOCATED_IN",
    "FOLLOWED_BY",
    "IN_GOAL_AREA",
    "MEASURED_BY",
    "DECIDED",
    "CONCERNS",
    "MEMBER_OF",
    "IN_COUNTY",
]
REL_TYPES: tuple[RelType, ...] = (
    "IN_FOCUS_AREA",
    "ADDRESSES",
    "UNDER",
    "IN_PLAN",
    "RESPONSIBLE_FOR",
    "PARTICIPATES_IN",
    "TARGETS",
    "LOCATED_IN",
    "FOLLOWED_BY",
    "IN_GOAL_AREA",
    "MEASURED_BY",
    "DECIDED",
    "CONCERNS",
    "MEMBER_OF",
    "IN_COUNTY",
)

# A fact read with less confidence than this is not yet accepted: it waits in the review queue
# (Granska) until a person accepts or corrects it.
REVIEW_THRESHOLD = 0.7

# --- what extractors give ----------------------------------------------------------------------


@dataclass(frozen=True)
class Evidence:
    """Where a fact was read: the page, the sentence or table row as written, and by what."""

    page: int
    quote: str
    extractor: str
    start: int = -1  # character offsets of the quote in the page text, -1 when unknown
    end: int = -1


@dataclass(eq=False)
class Entity:
    """A node to be. ``name`` is what the document says; the resolver sets ``id``.

    Entities compare by identity, so relations can point at them before they have ids.
    """

    label: Label
    name: str
    properties: dict[str, Any] = field(default_factory=dict)
    evidence: list[Evidence] = field(default_factory=list)
    aliases: list[str] = field(default_factory=list)
    confidence: float = 1.0  # below REVIEW_THRESHOLD the fact waits in the review queue
    id: str | None = None


@dataclass(eq=False)
class Relation:
    type: RelType
    source: Entity
    target: Entity
    properties: dict[str, Any] = field(default_factory=dict)
    evidence: list[Evidence] = field(default_factory=list)


@dataclass
class Extraction:
    """Everything extracted from one document."""

    entities: list[Entity] = field(default_factory=list)
    relations: list[Relation] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)  # Swedish, shown to the user

    def entity(
        self,
        label: Label,
        name: str,
        evidence: Evidence | None = None,
        aliases: list[str] | None = None,
        confidence: float = 1.0,
        **properties: Any,
    ) -> Entity:
        found = Entity(
            label=label,
            name=name,
            properties={k: v for k, v in properties.items() if v is not None},
            evidence=[evidence] if evidence else [],
            aliases=list(aliases or []),
            confidence=confidence,
        )
        self.entities.append(found)
        return found

    def relate(
        self,
        type: RelType,
        source: Entity,
        target: Entity,
        evidence: Evidence | None = None,
        **properties: Any,
    ) -> Relation:
        relation = Relation(
            type=type,
            source=source,
            target=target,
            properties={k: v for k, v in properties.items() if v is not None},
            evidence=[evidence] if evidence else [],
        )
        self.relations.append(relation)
        return relation

    def extend(self, other: Extraction) -> None:
        self.entities.extend(other.entities)
        self.relations.extend(other.relations)
        self.warnings.extend(other.warnings)

    def of(self, label: Label) -> list[Entity]:
        return [e for e in self.entities if e.label == label]
