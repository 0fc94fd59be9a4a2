"""Entity resolution: one node per real thing, across extractors and documents.

Rules, in order (each merge is recorded with its reason on the MENTIONED_IN it produces):
1. canonical names: a municipality or region in any written form becomes its official name;
2. the same comparison key (hyphenation, spacing and case normalised) in the same scope;
3. aliases: an abbreviation defined in the text, or an alias already in the database;
4. fuzzy: similar names of the same label and scope, but never when the names differ by a place,
   a number, or a word that is not just an inflection (so "Beredningsgrupp barn" and
   "Beredningsgrupp äldre", or two municipalities, are never merged).

Scope: organisation-wide things (regions, municipalities, authorities, universities, target
groups, measures) are national; bodies such as "Länsstyrgruppen", and projects, goals and focus
areas, belong to the county of the document that names them.
"""

from __future__ import annotations

import json
import re
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

import snowballstemmer
from rapidfuzz import fuzz

from ingest.ids import clean_text, make_id, name_key
from ingest.model import Entity, Extraction, Label, SourceDocument
from ingest.vocabulary import actors as actor_vocabulary
from ingest.vocabulary import places

FUZZY_LABELS: frozenset[str] = frozenset({"Actor", "FocusArea", "GoalArea", "Indicator", "TargetGroup"})
FUZZY_THRESHOLD = 90.0
NATIONAL_ACTOR_TYPES = frozenset({"region", "kommun", "län", "myndighet", "lärosäte", "organisation"})
ID_PREFIX: dict[str, str] = {
    "Project": "project",
    "Actor": "actor",
    "County": "county",
    "GoalArea": "goalarea",
    "FocusArea": "focusarea",
    "Goal": "goal",
    "Indicator": "indicator",
    "Measure": "measure",
    "Decision": "decision",
    "TargetGroup": "targetgroup",
}
UNKNOWN_COUNTY = "okänt län"
_STEMMER = snowballstemmer.stemmer("swedish")
_DIGITS = re.compile(r"\d+")


@dataclass
class NodeRow:
    id: str
    label: Label
    properties: dict[str, Any]
    aliases: list[str]
    confidence: float


@dataclass
class MentionRow:
    node: str
    page: int
    quote: str
    start: int
    end: int
    extractor: str
    as_written: str
    reason: str  # why this mention was attached to this node ("" when it simply matched)


@dataclass
class RelationRow:
    type: str
    start: str
    end: str
    properties: dict[str, Any]
    sources: list[str]  # JSON strings {"document", "page", "quote"}, sorted


@dataclass
class ResolvedDocument:
    document: SourceDocument
    nodes: list[NodeRow] = field(default_factory=list)
    mentions: list[MentionRow] = field(default_factory=list)
    relations: list[RelationRow] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    def counts(self) -> dict[str, int]:
        counts: dict[str, int] = defaultdict(int)
        for node in self.nodes:
            counts[node.label] += 1
        counts["relationships"] = len(self.relations)
        return dict(counts)

    def merges(self) -> list[MentionRow]:
        return [m for m in self.mentions if m.reason]


@dataclass(frozen=True)
class KnownNode:
    """A node already in the database, for alias and fuzzy matching across documents."""

    id: str
    label: Label
    name: str
    aliases: tuple[str, ...]
    scope: str | None


class _Group:
    """Entities resolved to one node, with why each one joined."""

    def __init__(self, node_id: str, label: Label, name: str, scope: str | None) -> None:
        self.id = node_id
        self.label = label
        self.name = name
        self.scope = scope
        self.members: list[tuple[Entity, str]] = []
        self.keys: set[str] = {name_key(name)}

    def add(self, entity: Entity, reason: str) -> None:
        self.members.append((entity, reason))
        self.keys.add(name_key(entity.name))
        self.keys.update(name_key(a) for a in entity.aliases)


def resolve(
    extraction: Extraction, document: SourceDocument, known: list[KnownNode] | None = None
) -> ResolvedDocument:
    resolver = _Resolver(document, known or [])
    for entity in extraction.entities:
        resolver.place(entity)
    for relation in extraction.relations:
        for end in (relation.source, relation.target):
            if end.id is None:  # an entity only named in a relation
                resolver.place(end)
    return resolver.finish(extraction)


class _Resolver:
    def __init__(self, document: SourceDocument, known: list[KnownNode]) -> None:
        self.document = document
        self.county = document.county
        self.groups: dict[str, _Group] = {}
        # (label, scope, key) -> group id, for exact and alias matches
        self.index: dict[tuple[str, str | None, str], str] = {}
        self.known_index: dict[tuple[str, str | None, str], KnownNode] = {}
        self.known_by_label: dict[tuple[str, str | None], list[KnownNode]] = defaultdict(list)
        for node in known:
            self.known_by_label[(node.label, node.scope)].append(node)
            for written in (node.name, *node.aliases):
                self.known_index[(node.label, node.scope, name_key(written))] = node

    # --- placing one entity -------------------------------------------------------------------

    def place(self, entity: Entity) -> None:
        name, reason = self._canonical_name(entity)
        scope = self._scope(entity, name)
        keys = [name_key(name), *(name_key(a) for a in entity.aliases)]
        group = self._find(entity.label, scope, keys)
        if group is not None:
            why = reason or ("samma namn" if name_key(name) in group.keys else "alias")
        else:
            known, why_known = self._find_known(entity.label, scope, name, keys)
            if known is not None:
                group = self.groups.get(known.id) or self._new_group(
                    known.id, entity.label, known.name, scope
                )
                why = reason or why_known
            else:
                fuzzy = self._find_fuzzy(entity.label, scope, name)
                if fuzzy is not None:
                    group, score = fuzzy
                    why = f"liknande namn ({score:.0f} %)"
                else:
                    node_id = self._make_id(entity, name, scope)
                    group = self.groups.get(node_id) or self._new_group(node_id, entity.label, name, scope)
                    why = reason
        group.add(entity, why)
        entity.id = group.id
        for key in group.keys:
            self.index[(entity.label, scope, key)] = group.id

    def _canonical_name(self, entity: Entity) -> tuple[str, str]:
        written = clean_text(entity.name)
        if entity.label == "Actor":
            canon = places.canonical_actor(written)
            if canon is not None:
                return canon.name, ("" if canon.name == written else "officiellt namn")
        if entity.label == "County":
            county = places.county_of(written)
            if county:
                return county, ""
        return written, ""

    def _scope(self, entity: Entity, name: str) -> str | None:
        return scope_for(entity.label, name, entity.properties, self.county)

    def _make_id(self, entity: Entity, name: str, scope: str | None) -> str:
        prefix = ID_PREFIX[entity.label]
        if entity.label == "Decision" and entity.properties.get("diarienummer"):
            return make_id(prefix, entity.properties["diarienummer"])
        if entity.label == "FocusArea":
            return make_id(prefix, name, scope, entity.properties.get("period"))
        return make_id(prefix, name, scope)

    def _new_group(self, node_id: str, label: Label, name: str, scope: str | None) -> _Group:
        group = _Group(node_id, label, name, scope)
        self.groups[node_id] = group
        return group

    def _find(self, label: Label, scope: str | None, keys: list[str]) -> _Group | None:
        for key in keys:
            group_id = self.index.get((label, scope, key))
            if group_id is not None:
                return self.groups[group_id]
        return None

    def _find_known(
        self, label: Label, scope: str | None, name: str, keys: list[str]
    ) -> tuple[KnownNode | None, str]:
        for key in keys:
            node = self.known_index.get((label, scope, key))
            if node is not None:
                return node, ("" if name_key(node.name) == key else "alias i databasen")
        if label in FUZZY_LABELS:
            best = max(
                ((n, fuzz.token_sort_ratio(name, n.name)) for n in self.known_by_label[(label, scope)]),
                key=lambda pair: pair[1],
                default=None,
            )
            if best and best[1] >= FUZZY_THRESHOLD and same_thing(name, best[0].name, best[1]):
                return best[0], f"liknande namn i databasen ({best[1]:.0f} %)"
        return None, ""

    def _find_fuzzy(self, label: Label, scope: str | None, name: str) -> tuple[_Group, float] | None:
        if label not in FUZZY_LABELS:
            return None
        best: tuple[_Group, float] | None = None
        for group in self.groups.values():
            if group.label != label or group.scope != scope:
                continue
            score = fuzz.token_sort_ratio(name, group.name)
            if (
                score >= FUZZY_THRESHOLD
                and same_thing(name, group.name, score)
                and (best is None or score > best[1])
            ):
                best = (group, score)
        return best

    # --- rows for the loader ------------------------------------------------------------------

    def finish(self, extraction: Extraction) -> ResolvedDocument:
        doc_id = self.document.id
        result = ResolvedDocument(document=self.document, warnings=list(extraction.warnings))
        for group in sorted(self.groups.values(), key=lambda g: g.id):
            result.nodes.append(self._node_row(group))
            for entity, reason in group.members:
                evidence = entity.evidence or [None]
                for item in evidence:
                    result.mentions.append(
                        MentionRow(
                            node=group.id,
                            page=item.page if item else 1,
                            quote=clean_text(item.quote) if item else "",
                            start=item.start if item else -1,
                            end=item.end if item else -1,
                            extractor=item.extractor if item else "",
                            as_written=clean_text(entity.name),
                            reason=reason,
                        )
                    )
        result.mentions = _unique_mentions(result.mentions)
        merged: dict[tuple[str, str, str], RelationRow] = {}
        for relation in extraction.relations:
            assert relation.source.id and relation.target.id
            if relation.source.id == relation.target.id:
                continue
            key = (relation.type, relation.source.id, relation.target.id)
            row = merged.setdefault(key, RelationRow(relation.type, key[1], key[2], {}, []))
            for prop, value in relation.properties.items():
                row.properties.setdefault(prop, value)
            for item in relation.evidence:
                row.sources.append(
                    json.dumps(
                        {"document": doc_id, "page": item.page, "quote": clean_text(item.quote)},
                        ensure_ascii=False,
                        sort_keys=True,
                    )
                )
        for row in merged.values():
            row.sources = sorted(set(row.sources)) or [
                json.dumps({"document": doc_id, "page": None, "quote": ""}, sort_keys=True)
            ]
        result.relations = sorted(merged.values(), key=lambda r: (r.type, r.start, r.end))
        return result

    def _node_row(self, group: _Group) -> NodeRow:
        properties: dict[str, Any] = {}
        aliases: set[str] = set()
        for entity, _ in group.members:
            for prop, value in entity.properties.items():
                if value not in (None, "", []):
                    properties.setdefault(prop, value)
            written = clean_text(entity.name)
            if name_key(written) != name_key(group.name):
                aliases.add(written)
            aliases.update(clean_text(a) for a in entity.aliases if name_key(a) != name_key(group.name))
        properties["name"] = group.name
        if group.scope:
            properties.setdefault("county", group.scope)
        if group.label == "Actor" and "type" not in properties:
            properties["type"] = actor_vocabulary.actor_type(group.name)
        confidence = min(entity.confidence for entity, _ in group.members)
        return NodeRow(group.id, group.label, properties, sorted(aliases), confidence)


def scope_for(label: str, name: str, properties: dict[str, Any], county: str | None) -> str | None:
    """None for national things; else the county whose documents name it."""
    if label in ("Measure", "TargetGroup", "County"):
        return None
    if label == "Actor":
        kind = properties.get("type") or actor_vocabulary.actor_type(name)
        if places.canonical_actor(name) is not None or kind in NATIONAL_ACTOR_TYPES:
            return None
    if label == "Decision" and properties.get("diarienummer"):
        return None
    return county or UNKNOWN_COUNTY


def same_thing(a: str, b: str, score: float) -> bool:
    """Guard for fuzzy merges: names may differ in inflection or a typo, never in a place or number."""
    if _DIGITS.findall(a) != _DIGITS.findall(b):
        return False
    if {p.name for p in places.find_places(a)} != {p.name for p in places.find_places(b)}:
        return False
    stems_a = {_STEMMER.stemWord(w) for w in clean_text(a).casefold().split()}
    stems_b = {_STEMMER.stemWord(w) for w in clean_text(b).casefold().split()}
    return stems_a == stems_b or score >= 95.0


def _unique_mentions(mentions: list[MentionRow]) -> list[MentionRow]:
    seen: set[tuple[Any, ...]] = set()
    unique: list[MentionRow] = []
    for m in mentions:
        key = (m.node, m.page, m.start, m.end, m.quote, m.extractor)
        if key not in seen:
            seen.add(key)
            unique.append(m)
    return sorted(unique, key=lambda m: (m.node, m.page, m.start, m.quote, m.extractor))
