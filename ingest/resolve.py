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
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any, TypeVar

import snowballstemmer
from rapidfuzz import fuzz

from domain import places
from domain.document import SourceDocument
from domain.ids import ID_PREFIX, clean_text, make_id, name_key
from domain.model import Entity, Evidence, Extraction, Label
from ingest.lexicon import lexicon
from ingest.vocabulary import actors as actor_vocabulary

FUZZY_LABELS: frozenset[str] = frozenset({"Actor", "FocusArea", "GoalArea", "Indicator", "TargetGroup"})
FUZZY_THRESHOLD = 90.0
NATIONAL_ACTOR_TYPES = frozenset({"region", "kommun", "län", "myndighet", "lärosäte", "organisation"})
T = TypeVar("T")
UNKNOWN_COUNTY = "okänt län"
_STEMMER = snowballstemmer.stemmer("swedish")
_DIGITS = re.compile(r"\d+")
_PLACE_PREPOSITION = re.compile(r"\s+i\s+$")  # "… i Sörmland": the place a project's name ends in


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
    renames: list[tuple[str, str]] = field(default_factory=list)  # (old id, new id) of existing nodes

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
    """Entities resolved to one node. Its id is decided at the end, from all its members."""

    def __init__(self, label: Label, name: str, scope: str | None) -> None:
        self.label = label
        self.name = name  # the canonical name of the member that founded it (or defined it)
        self.scope = scope
        self.members: list[tuple[Entity, str]] = []  # (entity, its canonical name)
        self.keys: set[str] = {name_key(name)}
        self.known: KnownNode | None = None  # the node already in the database, if any
        self.id = ""

    def add(self, entity: Entity, name: str) -> None:
        self.members.append((entity, name))
        self.keys.add(name_key(name))
        self.keys.update(name_key(a) for a in matching_aliases(entity.aliases))


def resolve(
    extraction: Extraction, document: SourceDocument, known: list[KnownNode] | None = None
) -> ResolvedDocument:
    resolver = _Resolver(document, known or [])
    for entity in extraction.entities:
        resolver.place(entity)
    for relation in extraction.relations:
        for end in (relation.source, relation.target):
            if not resolver.placed(end):  # an entity only named in a relation
                resolver.place(end)
    return resolver.finish(extraction)


class _Resolver:
    def __init__(self, document: SourceDocument, known: list[KnownNode]) -> None:
        self.document = document
        self.county = document.county
        self.groups: list[_Group] = []
        self.placed_entities: set[int] = set()
        # (label, key) -> groups, for exact and alias matches. Within one document the same name
        # is the same thing even where the scope guess differs ("NSV" alone looks national).
        self.index: dict[tuple[str, str], list[_Group]] = defaultdict(list)
        self.known_index: dict[tuple[str, str], list[KnownNode]] = defaultdict(list)
        self.known_by_label: dict[tuple[str, str | None], list[KnownNode]] = defaultdict(list)
        for node in known:
            self.known_by_label[(node.label, node.scope)].append(node)
            for written in (node.name, *matching_aliases(node.aliases)):
                for key in {name_key(written), *variant_keys(node.label, written)}:
                    self.known_index[(node.label, key)].append(node)

    # --- placing one entity -------------------------------------------------------------------

    def placed(self, entity: Entity) -> bool:
        return id(entity) in self.placed_entities

    def place(self, entity: Entity) -> None:
        name = self._canonical_name(entity)
        scope = self._scope(entity, name)
        keys = [name_key(name), *(name_key(a) for a in matching_aliases(entity.aliases))]
        keys += variant_keys(entity.label, name)
        group = self._find(entity.label, scope, keys, name)
        if group is None:
            known = self._find_known(entity.label, scope, name, keys)
            group = self._known_group(known) if known else self._find_fuzzy(entity.label, scope, name)
        if group is None:
            group = _Group(entity.label, name, scope)
            self.groups.append(group)
        elif group.known is not None and not group.members:
            group.name = name  # this document's own name for it: the same whichever came first
        elif name_key(group.name) in {name_key(a) for a in entity.aliases} and len(name) > len(group.name):
            # an abbreviation met first ("NSV") gives way to the full name that defines it
            group.name, group.scope = name, scope
        group.add(entity, name)
        group.keys.update(keys)
        self.placed_entities.add(id(entity))
        for key in group.keys:
            if group not in self.index[(entity.label, key)]:
                self.index[(entity.label, key)].append(group)

    def _known_group(self, known: KnownNode) -> _Group:
        for group in self.groups:
            if group.known is not None and group.known.id == known.id:
                return group
        group = _Group(known.label, known.name, known.scope)
        group.known = known
        group.keys.update(name_key(a) for a in matching_aliases(known.aliases))
        self.groups.append(group)
        return group

    def _canonical_name(self, entity: Entity) -> str:
        written = clean_text(entity.name)
        if entity.label == "Actor":
            canon = places.canonical_actor(written)
            if canon is not None:
                return canon.name
        if entity.label == "County":
            county = places.county_of(written)
            if county:
                return county
        return written

    def _scope(self, entity: Entity, name: str) -> str | None:
        return scope_for(entity.label, name, entity.properties, self.county)

    def _own_id(self, group: _Group) -> str:
        """The id this document alone would give: from the group's canonical name, and for names
        that differ only in case or spacing, the smallest of them, so member order does not matter."""
        prefix = ID_PREFIX[group.label]
        entities = [e for e, _ in group.members]
        if group.label == "Decision":
            numbers = sorted(
                str(e.properties["diarienummer"]) for e in entities if e.properties.get("diarienummer")
            )
            if numbers:
                return make_id(prefix, numbers[0])
        key = name_key(group.name)
        name = min((n for _, n in group.members if name_key(n) == key), default=group.name)
        if group.label == "Project":  # "X i Sörmland" and "projektet X" are X in every document
            name = project_core(name) or name
        if group.label == "FocusArea":
            periods = sorted(str(e.properties["period"]) for e in entities if e.properties.get("period"))
            return make_id(prefix, name, group.scope, periods[0] if periods else None)
        return make_id(prefix, name, group.scope)

    def _find(self, label: Label, scope: str | None, keys: list[str], name: str = "") -> _Group | None:
        found = [
            group
            for key in keys
            for group in self.index.get((label, key), [])
            if not different_places(name, group.name)
        ]
        return _prefer_scope(found, (scope, self.county, None), lambda g: g.scope)

    def _find_known(self, label: Label, scope: str | None, name: str, keys: list[str]) -> KnownNode | None:
        for key in keys:
            # across documents a scope must fit: this county's body or a national one
            node = _prefer_scope(
                [n for n in self.known_index.get((label, key), []) if not different_places(name, n.name)],
                (scope, self.county, None),
                lambda n: n.scope,
                strict=True,
            )
            if node is not None:
                return node
        if label in FUZZY_LABELS:
            best = max(
                ((n, fuzz.token_sort_ratio(name, n.name)) for n in self.known_by_label[(label, scope)]),
                key=lambda pair: pair[1],
                default=None,
            )
            if best and best[1] >= FUZZY_THRESHOLD and same_thing(name, best[0].name, best[1]):
                return best[0]
        return None

    def _find_fuzzy(self, label: Label, scope: str | None, name: str) -> _Group | None:
        if label not in FUZZY_LABELS:
            return None
        best: tuple[_Group, float] | None = None
        for group in self.groups:
            if group.label != label or group.scope != scope:
                continue
            score = fuzz.token_sort_ratio(name, group.name)
            if (
                score >= FUZZY_THRESHOLD
                and same_thing(name, group.name, score)
                and (best is None or score > best[1])
            ):
                best = (group, score)
        return best[0] if best else None

    # --- rows for the loader ------------------------------------------------------------------

    def finish(self, extraction: Extraction) -> ResolvedDocument:
        doc_id = self.document.id
        result = ResolvedDocument(document=self.document, warnings=list(extraction.warnings))
        for group in self.groups:
            group.id = self._own_id(group)
            if group.known is not None:
                # the smaller id wins whichever document came first; the loader renames the node
                group.id = min(group.id, group.known.id)
                if group.id != group.known.id:
                    result.renames.append((group.known.id, group.id))
            for entity, _ in group.members:
                entity.id = group.id
        for group in sorted(self.groups, key=lambda g: g.id):
            result.nodes.append(self._node_row(group))
            for entity, _ in group.members:
                reason = merge_reason(entity, group)
                evidence: list[Evidence | None] = list(entity.evidence) or [None]
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
        if group.label == "Project" and (core := project_core(group.name)):
            aliases.add(core)  # the name other documents use: one node under both
        if group.scope:
            properties.setdefault("county", group.scope)
        elif group.label == "Actor" and properties.get("type") not in ("kommun", "region"):
            properties.pop("county", None)  # a national body belongs to no county
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


def _prefer_scope(
    candidates: list[T],
    order: tuple[str | None, ...],
    scope_of: Callable[[T], str | None],
    strict: bool = False,
) -> T | None:
    """The candidate whose scope comes first in ``order``; with ``strict`` only those in it."""
    for scope in order:
        for candidate in candidates:
            if scope_of(candidate) == scope:
                return candidate
    return None if strict or not candidates else candidates[0]


def matching_aliases(aliases: Iterable[str]) -> list[str]:
    """Aliases that may join two names: not a common word such as "regionen" or "styrgruppen"
    (all lower case), which every county's documents use for their own body."""
    return [a for a in aliases if a != a.lower()]


def variant_keys(label: str, name: str) -> list[str]:
    """Further comparison keys of a name: for a project, the key of its core name (project_core)."""
    core = project_core(name) if label == "Project" else None
    return [name_key(core)] if core else []


def project_core(name: str) -> str | None:
    """A project's own name inside a written variant, or None when the name is its own core:
    without enclosing quotes, a leading "projektet"/"satsningen" … (ingest/lexicon/structure.toml)
    and a county or region at the end ("… i Sörmland"). A project's scope is its county, so a
    county-wide suffix names no other project; a kommun at the end does ("… i Askersund" and "… i
    Flen" are two local projects). A core of one word is too little to join on."""
    words = lexicon()
    core = clean_text(name).strip(words.quote_marks + " ")
    lead = words.project_name_leads.search(core)
    if lead is not None and lead.start() == 0:
        core = core[lead.end() :].strip(words.quote_marks + " ")
        if not core[:1].isupper():  # "satsningen i Sörmland": no name follows the lead word
            return None
    at_end = [
        p
        for p in places.find_places(core)
        if p.kind != "kommun" and p.end == len(core.rstrip(" .")) and p.start > 0
    ]
    if at_end and (before := _PLACE_PREPOSITION.search(core[: at_end[-1].start])):
        core = core[: before.start()]
    if len(core.split()) < 2 or name_key(core) == name_key(name):
        return None
    return core


def different_places(a: str, b: str) -> bool:
    """Two names of different municipalities, regions or counties: never one node."""
    if not a or not b:
        return False
    place_a, place_b = places.canonical_actor(a), places.canonical_actor(b)
    return place_a is not None and place_b is not None and place_a.name != place_b.name


def merge_reason(entity: Entity, group: _Group) -> str:
    """Why a name as written belongs to this node, from the two names alone (so it is the same
    whichever document came first): "" for the same name, else officiellt namn, liknande namn or alias.
    """
    written = clean_text(entity.name)
    if name_key(written) == name_key(group.name):
        return ""
    if entity.label == "Actor":
        canon = places.canonical_actor(written)
        if canon is not None and canon.name == group.name:
            return "officiellt namn"
    score = fuzz.token_sort_ratio(written, group.name)
    if score >= FUZZY_THRESHOLD:
        return f"liknande namn ({score:.0f} %)"
    return "alias"


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
