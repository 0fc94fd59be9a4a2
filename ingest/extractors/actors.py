"""Actors named in a document: regions, municipalities, bodies, groups, networks, authorities,
lärosäten and a few roles, each once per document with up to three mentions as evidence.

Found by: the place vocabulary; known national bodies; abbreviations the text defines (the
abbreviation becomes an alias); and body patterns built on a head noun ("-gruppen", "-nätverket",
"-rådet", "-förvaltningen", "Nämnden för ...", "Beredningsgrupp Barn", "Samverkansnämndens
ledningsgrupp för ...", "kommunernas anhörigcentrum", a municipal board written bare after a
preposition: "till kommunledningsgrupp och socialnämnd"); roles in the organisation of the work
(projektledare, lokala processledare, -koordinatorer, "FoU-chef", "verksamhetschefen i <unit>"); the
unit a chief heads ("chef för Paramedicin"). Generic uses ("en arbetsgrupp", "nätverk",
"Styrgruppen") are left out: a body needs a name of its own, except in a document about one
municipality, where an unnamed styrgrupp/arbetsgrupp is that municipality's group for the work
("Styrgrupp för nära vård i Askersund"); "regionen" is the region of the document's county.

Relations: region/municipality -IN_COUNTY-> County; -MEMBER_OF- only for two clear patterns: a
municipal board named with its municipality ("Kommunstyrelsen i Askersund", or the one
municipality a protocol is about) and "<body> inom/vid <body>".
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from rapidfuzz import fuzz

from domain import places
from domain.document import SourceDocument
from domain.model import Entity, Evidence, Extraction
from domain.spans import SpanSet
from ingest.vocabulary import actors as vocabulary

EXTRACTOR = "actors"
MAX_EVIDENCE = 3
FUZZY_MERGE = 92.0

_WORD = r"[A-Za-zÅÄÖåäöÉé][\wÅÄÖåäöÉé]*(?:-[\wÅÄÖåäöÉé]+)*"
_TOKEN = re.compile(rf"(?<![\w-]){_WORD}(?::s)?")
# group nouns that make a body; a word that is only the stem ("Styrgruppen") is generic
_GROUP_STEMS = (
    "styrgrupp", "arbetsgrupp", "beredningsgrupp", "referensgrupp", "projektgrupp", "ledningsgrupp",
    "samverkansgrupp", "expertgrupp",
)  # fmt: skip
_GENERIC = frozenset(
    {"nätverk", "nämnd", "råd", "styrelse", "team", "centrum", "center", "kompetenscentrum",
     "vårdkompetensråd"}
)  # fmt: skip
_MUNICIPAL_BODIES = frozenset(
    {"kommunstyrelse", "kommunfullmäktige", "socialnämnd", "regionstyrelse", "regionfullmäktige",
     "kommunledningsgrupp"}
)  # fmt: skip
# a board written bare after a preposition is the organisation's own: "lyfts till kommunledningsgrupp
# och socialnämnd" ("en socialnämnd", "kommunernas socialnämnder" stay generic)
_BARE_AFTER_PREPOSITION = re.compile(r"(?<![\w-])(?:till|i|av|hos|från)\s+(?:[a-zåäö]+\s+(?:och|samt)\s+)?$")
# the document's own unnamed groups: named after the municipality the plan is about (see _pending)
_OWN_GROUPS = frozenset({"styrgrupp", "arbetsgrupp"})
_OWN_WORK = "nära vård"
# "socialförvaltningen", "Barn- och utbildningsförvaltningen": one administration (plural and the
# bare "förvaltningen" are generic)
_ADMINISTRATION = re.compile(
    r"(?<![\w-])((?:[A-ZÅÄÖa-zåäö][\wåäö]*-\s+(?:och|&)\s+)?[A-ZÅÄÖa-zåäö][\wåäö]*förvaltningen)s?(?![\w-])"
)
# roles in the organisation of the work; bare ones join a qualified role of the same word
_WORK_ROLE = re.compile(
    r"(?<![\w-])(?:(?P<adjective>[Ll]okala|[Rr]egionala|[Kk]ommunala)\s+)?"
    r"(?P<role>[Pp]rojektledar|[Pp]rocessledar)(?:e|en|na)(?![\w-])"
)
_COORDINATOR = re.compile(r"(?<![\w-])(?P<stem>[A-ZÅÄÖa-zåäö][a-zåäö]+koordinator)(?:er|erna|n)?(?![\w-])")
_UNIT_CHIEF = re.compile(r"(?<![\w-])(?P<unit>[A-ZÅÄÖ][A-Za-zÅÄÖåäö]{1,6})-chef(?:en|er|erna)?(?![\w-])")
# "verksamhetschefen i LRS": a chief of a named unit (the unit is read by the other patterns)
_CHIEF_OF = re.compile(
    r"(?<![\w-])(?P<role>[Vv]erksamhets|[Ff]örvaltnings|[Dd]ivisions|[Oo]mrådes)chef(?:en)?"
    r"(?P<gap>\s+(?:(?:för|i|vid|på)\s+)?)"
)
# "chef för Paramedicin", "områdeschef för Valfärd och folkhälsa,": the unit a chief heads
_HEADED_UNIT = re.compile(
    r"(?<![\w-])[a-zåäö]*chef(?:en)?\s+för\s+(?P<unit>[A-ZÅÄÖ][a-zåäö]{3,}(?:\s+och\s+[a-zåäö]{3,})?)"
    r"(?=[ \t]*(?:[,.;)]|\n|$))"
)
_COUNTY_REGION = re.compile(r"(?<![\w-])[Rr]egionens?(?![\w-])")
_STRUCTURES = re.compile(r"(?:samverkans|närvårds)(?:strukturen|struktur|organisationen)", re.IGNORECASE)
_NAME_CONNECTORS = frozenset({"för", "kring", "i", "och", "av", "om", "&"})
_NAME_STOP = frozenset(
    {"som", "har", "är", "var", "ska", "kan", "samt", "inom", "vid", "mellan", "till", "under", "där", "att",
     "med", "från", "på", "hos", "bytte", "fick", "beslutade", "den", "det", "de", "en", "ett", "sin", "sitt",
     "och", "i", "för", "kring", "av", "om", "efter", "genom", "även", "också", "inte", "redan", "nu"}
)  # fmt: skip
_ADJECTIVES = re.compile(r"(?:Regionala|Regionalt|Lokala|Lokalt|Nationella|Nationellt|Gemensamma)\s+$")
_PROCESS_ROLE = re.compile(
    r"(?<![\w-])([Pp]rocessledare|[Pp]rojektledare)(?:n|na)?\s+(?:för\s+)?([Nn]ära\s+vård)\b"
)
_NAMED_BY_ABBREVIATION = re.compile(
    r"(?<![\w-])(nämnd|nätverk|styrgrupp|arbetsgrupp|råd|förbund)(?:en|et)?\s*\(([A-ZÅÄÖ]{3,8})\)"
)
_RENAMED = re.compile(r"\bbytte\s+(?:\d{4}\s+)?namn\s+till\s+")
_UNIT_PATTERNS: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"(?<![\w-])[Ll]äns(?:-|\s)?gemensamt\s+[Rr]egionalt\s+[Ss]töd\b"), "lrs"),
    (re.compile(r"(?<![\w-])(?:Forskning och utveckling|FoU) i (?P<place>[A-ZÅÄÖ][\wåäö]+)"), "fou"),
    (re.compile(r"(?<![\w-])[Vv]årdcentralen i (?P<place>[A-ZÅÄÖ][\wåäö]+)"), "vårdcentral"),
    (re.compile(r"(?<![\w-])[Dd]ivision (?P<unit>(?!och\b|inom\b|i\b)[a-zåäö]{4,})\b"), "division"),
    (re.compile(r"(?<![\w-])Sjukvårdsregion(?:en)? (?P<unit>[A-ZÅÄÖ][\wåäö]+)"), "sjukvårdsregion"),
    (re.compile(r"(?<![\w-])(?P<place>[A-ZÅÄÖ][\wåäö]+?)s? (?P<kind>universitet|högskola)\b"), "lärosäte"),
    (re.compile(r"(?<![\w-])(?:Universitetet|Högskolan) i (?P<place>[A-ZÅÄÖ][\wåäö]+)"), "lärosäte-i"),
)


@dataclass
class _Mention:
    page: int
    start: int  # offsets in the page text as given
    end: int
    surface: str


@dataclass
class _Found:
    key: str
    name: str
    type: str
    county: str | None = None
    aliases: set[str] = field(default_factory=set)
    mentions: list[_Mention] = field(default_factory=list)
    specific: bool = True  # a name of its own, not a generic word with a qualifier
    owner_place: str | None = None  # a municipal board's municipality, when written with it
    confidence: float = 1.0
    pending: str = ""  # named only once the document is read: see _pending


@dataclass
class _Candidate:
    start: int  # in the de-hyphenated page text
    end: int
    name: str
    type: str
    county: str | None = None
    key: str = ""
    alias: str = ""
    priority: int = 0
    specific: bool = True
    owner_place: str | None = None
    confidence: float = 1.0
    abbreviation: str = ""  # an alias the actor goes by, besides the text read
    pending: str = ""  # "own-group" or "county-region": named by _pending


def extract_actors(doc: SourceDocument) -> Extraction:
    """Actor entities (with IN_COUNTY and clear MEMBER_OF relations) named in ``doc``."""
    result = Extraction()
    definitions = vocabulary.abbreviation_definitions(doc.text)
    abbreviations = _actor_abbreviations(definitions)
    found: dict[str, _Found] = {}
    filing = _Filing()
    county_mentions: dict[str, list[_Mention]] = {}
    adjacency: list[tuple[str, str, _Mention]] = []
    renames: list[tuple[_Candidate, _Candidate]] = []
    for page in doc.pages:
        clean, offsets = places.dehyphenate_with_offsets(page.text)
        candidates = _candidates(clean, abbreviations)
        accepted: list[_Candidate] = []
        taken = SpanSet()
        # an abbreviation's definition first, then longer spans, then surer sources
        for candidate in sorted(
            candidates, key=lambda c: (c.priority < 5, -(c.end - c.start), -c.priority, c.start)
        ):
            if taken.overlaps(candidate.start, candidate.end):
                continue
            taken.add(candidate.start, candidate.end)
            accepted.append(candidate)
        accepted.sort(key=lambda c: c.start)
        for candidate in accepted:
            start, end = offsets[candidate.start], offsets[candidate.end - 1] + 1
            mention = _Mention(page.number, start, end, page.text[start:end])
            if candidate.type == "län":
                county_mentions.setdefault(candidate.name, []).append(mention)
                continue
            _add(found, candidate, mention, filing)
        adjacency += _adjacent_pairs(clean, accepted, offsets, page)
        renames += _renames(clean, accepted)
    for old, new in renames:
        _merge(found, _key_of(found, old), _key_of(found, new))
    dominant_municipality = _dominant(found, "kommun")
    default_county = doc.county or _dominant_county(found, county_mentions)
    _pending(found, dominant_municipality, default_county)
    _merge_bare_roles(found)
    _merge_variants(found)
    entities: dict[str, Entity] = {}
    counties: dict[str, Entity] = {}
    owners = {item.key: _owner(item, found, dominant_municipality) for item in found.values()}
    for item in found.values():
        county = item.county or places.county_of(item.name) or default_county
        evidence = _evidence(doc, item.mentions)
        aliases = sorted(a for a in item.aliases if _is_alias(a, item.name))
        name = item.name
        owner = owners[item.key]
        if owner is not None:
            # "Kommunstyrelsen" of one municipality is never another's: the name says whose it is
            name = f"{item.name} ({owner.name})"
            aliases = sorted({*aliases, item.name})
        entity = result.entity(
            "Actor", name, aliases=aliases, confidence=item.confidence, type=item.type, county=county
        )
        entity.evidence = evidence
        entities[item.key] = entity
    for name, mentions in county_mentions.items():
        county = result.entity("County", name)
        county.evidence = _evidence(doc, mentions)
        counties[name] = county
    for item in found.values():
        entity = entities[item.key]
        if item.type in ("kommun", "region") and item.county:
            target = counties.get(item.county) or counties.setdefault(
                item.county, result.entity("County", item.county)
            )
            result.relate(
                "IN_COUNTY", entity, target, evidence=entity.evidence[0] if entity.evidence else None
            )
        owner = owners[item.key]
        if owner is not None:
            result.relate(
                "MEMBER_OF",
                entity,
                entities[owner.key],
                evidence=entity.evidence[0] if entity.evidence else None,
            )
    for member, body, mention in adjacency:
        if member in entities and body in entities and member != body:
            result.relate(
                "MEMBER_OF", entities[member], entities[body], evidence=_evidence(doc, [mention])[0]
            )
    return result


# --- candidates ---------------------------------------------------------------------------------


def _candidates(text: str, abbreviations: dict[str, tuple[str, str]]) -> list[_Candidate]:
    found: list[_Candidate] = []
    for place in places.find_places(text):
        kind = "län" if place.kind == "län" else place.kind
        found.append(
            _Candidate(place.start, place.end, place.name, kind, place.county, priority=3, alias=place.text)
        )
    found += _known(text)
    found += _defined(text, abbreviations)
    found += _bodies(text)
    found += _units(text)
    for match in _NAMED_BY_ABBREVIATION.finditer(text):
        # "en gemensam politisk nämnd (VOHJS)": the abbreviation is the body's only name
        if match.group(2) not in abbreviations:
            kind = vocabulary.actor_type(match.group(1))
            abbreviation = match.group(2)
            found.append(_Candidate(*match.span(2), abbreviation, kind, alias=abbreviation, confidence=0.8))
    for match in _PROCESS_ROLE.finditer(text):
        name = f"{match.group(1).capitalize()} nära vård"
        found.append(
            _Candidate(match.start(), match.end(), name, "roll", alias=match.group(), confidence=0.8)
        )
    found += _roles(text, found)
    for match in _ADMINISTRATION.finditer(text):
        name = _display(re.sub(r"\s+", " ", match.group(1)))
        found.append(
            _Candidate(*match.span(), name, "enhet", alias=match.group(1), priority=1, confidence=0.9)
        )
    for match in _HEADED_UNIT.finditer(text):
        unit = re.sub(r"\s+", " ", match.group("unit"))
        first = unit.split(" ")[0]
        if _ADJECTIVES.search(first + " ") or places.canonical_actor(first) or vocabulary.known_actor(unit):
            continue  # "verksamhetschef för Regionalt stöd, ...": an adjective, not a unit's name
        found.append(_Candidate(*match.span("unit"), unit, "enhet", alias=unit, confidence=0.8))
    for match in _COUNTY_REGION.finditer(text):
        # "regionen": the region of the document's county, once that is known
        found.append(
            _Candidate(
                *match.span(),
                "Regionen",
                "region",
                alias=match.group(),
                confidence=0.7,
                pending="county-region",
            )
        )
    return found


def _roles(text: str, others: list[_Candidate]) -> list[_Candidate]:
    """Roles in the organisation of the work: project and process leaders ("projektledarna",
    "Lokala processledare"), coordinators ("sjukhuskoordinatorerna"), a unit's chief written as a
    compound ("FoU-chefen") or with the unit named after it ("Verksamhetschefen i LRS")."""
    found: list[_Candidate] = []
    for match in _WORK_ROLE.finditer(text):
        role = match.group("role").casefold() + "e"
        adjective = match.group("adjective")
        name = f"{adjective.capitalize()} {role}" if adjective else role.capitalize()
        found.append(_Candidate(*match.span(), name, "roll", alias=match.group(), confidence=0.8))
    for match in _COORDINATOR.finditer(text):
        name = match.group("stem").capitalize() + "er"
        found.append(_Candidate(*match.span(), name, "roll", alias=match.group(), confidence=0.8))
    for match in _UNIT_CHIEF.finditer(text):
        if sum(c.isupper() for c in match.group("unit")) < 2:
            continue  # "FoU-chef", "IT-chef"; not an ordinary word before a hyphen
        name = f"{match.group('unit')}-chef"
        found.append(_Candidate(*match.span(), name, "roll", alias=match.group(), confidence=0.8))
    for match in _CHIEF_OF.finditer(text):
        unit = next(
            (c for c in others if c.start == match.end() and c.type in ("enhet", "organisation")), None
        )
        if unit is None:
            continue  # "verksamhetschef för vårdcentralen": no unit of its own
        name = f"{match.group('role').capitalize()}chef för {unit.name}"
        written = re.sub(r"\s+", " ", text[match.start() : unit.end])
        # the role takes only its own word: the unit keeps its mention
        found.append(
            _Candidate(match.start(), match.start("gap"), name, "roll", alias=written, confidence=0.8)
        )
    return found


def _known(text: str) -> list[_Candidate]:
    found: list[_Candidate] = []
    for actor in vocabulary.KNOWN_ACTORS:
        for form in (actor.name, *actor.variants):
            flags = re.IGNORECASE if " " in form or actor.type == "roll" else 0
            pattern = r"\s+".join(re.escape(w) for w in form.split(" "))
            for match in re.finditer(rf"(?<![\w-]){pattern}(?:s|ens|ets)?(?![\w-])", text, flags):
                if actor.type == "enhet" and _sentence_initial(text, match.start()):
                    continue  # "Regional utveckling är ..." at a sentence start is ordinary words
                found.append(
                    _Candidate(
                        match.start(),
                        match.end(),
                        actor.name,
                        actor.type,
                        priority=4,
                        alias=match.group(),
                        abbreviation=actor.abbreviation,
                    )
                )
        if actor.abbreviation:
            pattern = rf"(?<![\w-]){re.escape(actor.abbreviation)}(?:[:']?s)?(?![\w-])"
            for match in re.finditer(pattern, text):
                found.append(
                    _Candidate(
                        match.start(),
                        match.end(),
                        actor.name,
                        actor.type,
                        priority=4,
                        alias=actor.abbreviation,
                    )
                )
    return found


def _actor_abbreviations(definitions: list[vocabulary.Definition]) -> dict[str, tuple[str, str]]:
    """Abbreviation → (actor name, type) for abbreviations whose long form names an actor."""
    result: dict[str, tuple[str, str]] = {}
    for definition in definitions:
        if definition.abbreviation in result:
            continue
        known = vocabulary.known_actor(definition.long_form) or vocabulary.known_actor(
            definition.abbreviation
        )
        if known is not None:
            result[definition.abbreviation] = (known.name, known.type)
            continue
        kind = vocabulary.actor_type(definition.long_form)
        if kind != "organisation":
            result[definition.abbreviation] = (_display(_fou(definition.long_form)), kind)
    return result


def _defined(text: str, abbreviations: dict[str, tuple[str, str]]) -> list[_Candidate]:
    found: list[_Candidate] = []
    for definition in vocabulary.abbreviation_definitions(text):
        if definition.abbreviation not in abbreviations:
            continue
        name, kind = abbreviations[definition.abbreviation]
        start = _extend_with_group(text, definition.long_start)
        long_form = re.sub(r"\s+", " ", text[start : definition.long_end])
        if start < definition.long_start:  # "samverkansgruppen kommunchefer och regiondirektör"
            name, kind = _display(long_form), vocabulary.actor_type(long_form)
            abbreviations[definition.abbreviation] = (name, kind)
        found.append(
            _Candidate(
                min(start, definition.start),
                definition.end,
                name,
                kind,
                priority=5,
                alias=long_form,
                key=definition.abbreviation,
                abbreviation=definition.abbreviation,
            )
        )
    for abbreviation, (name, kind) in abbreviations.items():
        for match in re.finditer(rf"(?<![\w-]){re.escape(abbreviation)}(?:[:']?s)?(?![\w-])", text):
            found.append(_Candidate(match.start(), match.end(), name, kind, priority=2, alias=abbreviation))
    return found


def _extend_with_group(text: str, start: int) -> int:
    before = re.search(r"([\wåäö]+(?:gruppen|nätverket|rådet))\s+$", text[max(0, start - 60) : start])
    return start - len(before.group()) if before else start


def _bodies(text: str) -> list[_Candidate]:
    """Bodies built on a head noun: compounds with a name of their own ("Länsstyrgruppen",
    "skolchefsnätverket"), or a generic head with a name after it ("Nämnden för samverkan kring
    socialtjänst och vård", "Nätverket Nära vård i Sörmland", "Beredningsgrupp Barn")."""
    found: list[_Candidate] = []
    for match in _TOKEN.finditer(text):
        word = match.group().removesuffix(":s")
        folded = word.casefold()
        if re.search(r"område[nt]?s?$", folded):
            continue
        base = folded[:-1] if folded.endswith(("ens", "ets")) else folded  # genitive of a definite noun
        stem, definite = _head(base)
        if stem is None:
            continue
        start, end = match.start(), match.start() + len(word)
        capital = word[0].isupper()
        if _STRUCTURES.fullmatch(base):
            found += _structure(text, start, end, base)
            continue
        adjective = _ADJECTIVES.search(text[max(0, start - 20) : start])
        if stem in _MUNICIPAL_BODIES:
            if capital or definite or _BARE_AFTER_PREPOSITION.search(text[max(0, start - 50) : start]):
                found.append(_municipal_body(text, start, end, word, stem))
            continue
        generic = stem in _GENERIC or stem in _GROUP_STEMS or stem == _bare(stem)
        owner_start = _genitive_owner(text, start)
        if (
            generic
            and stem in _GROUP_STEMS
            and owner_start is not None
            and _is_body(text, owner_start, start)
        ):
            # "Samverkansnämndens ledningsgrupp för Sjukvårdsregion Mellansverige": a body's own group
            full_end = _qualifier(text, end, single=False) or end
            written = re.sub(r"\s+", " ", text[owner_start:full_end])
            name = _display(written)
            found.append(
                _Candidate(
                    owner_start, full_end, name, vocabulary.actor_type(name), alias=written, priority=1,
                    confidence=0.9,
                )
            )  # fmt: skip
            continue
        if generic:
            own = stem in _OWN_GROUPS and not adjective
            if not capital and not adjective:
                if own:
                    found.append(_own_group(start, end, word, stem))
                continue
            qualifier_end = _qualifier(text, end, single=stem in _GROUP_STEMS and not definite)
            if qualifier_end is None and not adjective:
                if own:
                    found.append(_own_group(start, end, word, stem))
                continue
            first = start - len(adjective.group()) if adjective else start
            full_end = qualifier_end or end
            written = re.sub(r"\s+", " ", text[first:full_end])
            name = _display(_fou(written))
            key = vocabulary.normalise_actor_name(_group_form(_strip_place(name)))
            found.append(
                _Candidate(
                    first,
                    full_end,
                    name,
                    vocabulary.actor_type(name),
                    alias=written,
                    key=key,
                    priority=1,
                    confidence=0.9,
                )
            )
            continue
        if stem.endswith("team"):  # "Sydnärkes folkhälsoteam"; "mobila team" is no body
            if owner_start is None:
                continue
            written = re.sub(r"\s+", " ", text[owner_start:end])
            found.append(
                _Candidate(
                    owner_start, end, _display(written), "enhet", alias=written, priority=1, confidence=0.9
                )
            )
            continue
        if stem.endswith(("centrum", "center")) and not capital:
            # "kommunernas anhörigcentrum": a centre is one body when its owner is written
            lower_owner = re.search(
                r"(?:kommunens|kommunernas|regionens|länets)\s+$", text[max(0, start - 20) : start]
            )
            if owner_start is None and lower_owner is None:
                continue
            first = owner_start if owner_start is not None else start - len(lower_owner.group())
            written = re.sub(r"\s+", " ", text[first:end])
            name = _display(_definite(stem))
            found.append(_Candidate(first, end, name, "enhet", alias=written, priority=1, confidence=0.9))
            continue
        if not capital and not definite and not adjective and not _specific_indefinite(text, start, stem):
            continue
        if adjective:  # "Regionala samverkansrådet", "Lokalt vårdkompetensråd"
            start -= len(adjective.group())
            name = _display(re.sub(r"\s+", " ", text[start:end]))
        else:
            name = _display(_definite(stem))
        qualifier = re.match(r"\s+(?:i|för)\s+", text[end : end + 8])
        full_end = (_qualifier(text, end, single=False) or end) if qualifier else end
        written = re.sub(r"\s+", " ", text[start:full_end])
        found.append(
            _Candidate(
                start, full_end, name, vocabulary.actor_type(name), alias=written, priority=1, confidence=0.9
            )
        )
    return found


def _own_group(start: int, end: int, word: str, stem: str) -> _Candidate:
    """An unnamed "styrgrupp"/"arbetsgrupp": the work's group of the municipality the document is
    about, if it is about one (named by _pending; dropped otherwise)."""
    return _Candidate(
        start, end, stem.capitalize(), vocabulary.actor_type(stem), key=f"own-{stem}", alias=word,
        priority=0, confidence=0.7, pending="own-group",
    )  # fmt: skip


def _is_body(text: str, owner_start: int, start: int) -> bool:
    """Whether the genitive before a group noun names a body or a place ("Samverkansnämndens")."""
    owner = text[owner_start:start].strip()[:-1]
    return _head(owner.casefold())[0] is not None or places.canonical_actor(owner) is not None


def _bare(stem: str) -> str:
    """The head noun a compound ends in ("skolchefsnätverk" → "nätverk")."""
    for head in ("nätverk", "nämnd", "råd", "styrelse", "team", "centrum", "center", *_GROUP_STEMS):
        if stem.endswith(head):
            return head
    return stem


def _municipal_body(text: str, start: int, end: int, word: str, stem: str) -> _Candidate:
    """ "Kommunstyrelsen", "Kommunstyrelsen i Askersund": a board of one municipality."""
    owner = re.match(rf"\s+i\s+({_WORD})", text[end : end + 40])
    owner_place = None
    if owner and places.canonical_actor(owner.group(1)):
        owner_place, end = owner.group(1), end + owner.end()
    name = _display(_definite(stem))
    written = re.sub(r"\s+", " ", text[start:end])
    return _Candidate(
        start, end, name, vocabulary.actor_type(name), alias=written, priority=1, owner_place=owner_place,
        confidence=0.9,
    )  # fmt: skip


def _head(word: str) -> tuple[str | None, bool]:
    """The word in its indefinite form, if it ends in a body noun; and whether it was definite."""
    for stem in _GROUP_STEMS:
        if word.endswith(stem):
            return word, False
        if word.endswith(stem + "en"):
            return word[:-2], True
    definite_forms = {
        "nätverket": "nätverk",
        "nämnden": "nämnd",
        "rådet": "råd",
        "styrelsen": "styrelse",
        "teamet": "team",
        "centret": "center",
    }
    for form, indefinite in definite_forms.items():
        if word.endswith(form):
            return word[: -len(form)] + indefinite, True
    for head in ("nätverk", "nämnd", "råd", "styrelse", "fullmäktige", "team", "centrum", "center"):
        if word.endswith(head):
            return word, head == "fullmäktige"
    if _STRUCTURES.fullmatch(word):
        return word, word.endswith("en")
    return None, False


_QUALIFIER_WORD = re.compile(r"[ \t]*(?:\n[ \t]*)?([\wÅÄÖåäöÉé]+(?:-[\wÅÄÖåäöÉé]+)*)")
# lower-case words that may stand in a name written after its head ("Nätverket God och nära vård")
_NAME_WORDS = frozenset(
    {
        "vård",
        "vården",
        "hälsa",
        "omsorg",
        "nära",
        "god",
        "psykisk",
        "primärvård",
        "socialtjänst",
        "äldre",
        "barn",
        "unga",
    }
)


def _qualifier(text: str, end: int, single: bool) -> int | None:
    """Where a name written after a head noun ends, or None when none follows.

    "Nämnden för samverkan kring socialtjänst och vård", "Nätverket Nära vård i Sörmland",
    "Kompetenscentrum för våld i nära relationer"; after an indefinite group noun one word at the
    end of a line, cell or phrase: "Beredningsgrupp Barn", "Beredningsgrupp äldre".
    """
    if single:
        one = re.match(
            r"[ ]+([A-ZÅÄÖa-zåäö][\wåäö]+)(?=[ \t]*(?:$|[\t\n/,.;:)]|\s(?:och|samt)\s))",
            text[end : end + 40],
            re.MULTILINE,
        )
        # a lower-case word in -s after the noun is a verb ("Styrgrupp bildades") or a genitive
        if (
            one
            and one.group(1).casefold() not in _NAME_STOP
            and not re.fullmatch(r"[a-zåäö]+s", one.group(1))
        ):
            return end + one.end()
    words: list[tuple[str, int]] = []
    position = end
    after_for = False
    while len(words) < 9:
        match = _QUALIFIER_WORD.match(text, position)
        if not match or "\t" in match.group() or match.group().count("\n") > 0 and not words:
            break
        word = match.group(1)
        folded = word.casefold()
        if not words:
            if folded == "för":
                after_for = True
            elif not word[0].isupper() or folded in _NAME_STOP:
                return None
        elif after_for and len(words) == 1 and re.search(r"(?:et|en)$", folded) and len(folded) > 5:
            return None  # "Styrgruppen för projektet": a definite noun, not a name
        elif folded in _NAME_CONNECTORS:
            pass
        elif word[0].isupper():
            if _head(folded)[0] is not None:
                break  # another body: "Arbetsgrupp Äldre och Socialchefsnätverket"
            if places.canonical_actor(word) is not None and words[-1][0] == "i":
                words.append((folded, match.end()))
                break  # "... i Sörmland" closes the name
        elif folded in _NAME_STOP or not after_for and folded not in _NAME_WORDS:
            break
        elif folded.endswith("s") and folded[:-1] in _NAME_WORDS:
            words.append((folded[:-1], match.end() - 1))  # "... och vårds förslag": a genitive ends it
            break
        words.append((folded, match.end()))
        position = match.end()
    while words and words[-1][0] in _NAME_CONNECTORS:
        words.pop()
    if not words or words[0][0] == "för" and len(words) == 1:
        return None
    return words[-1][1]


def _group_form(name: str) -> str:
    """ "Nätverket för Nära vård i Sörmland" → "Nätverk Nära vård i Sörmland" (for grouping only)."""
    head, _, rest = name.partition(" ")
    indefinite, _ = _head(head.casefold())
    if indefinite and rest:
        rest = re.sub(r"^för\s+(?=[A-ZÅÄÖ])", "", rest)
        return f"{indefinite} {rest}"
    return name


def _strip_place(name: str) -> str:
    """ "Lokalt vårdkompetensråd Sörmland" → "Lokalt vårdkompetensråd" (for grouping only)."""
    parts = name.rsplit(" ", 1)
    if len(parts) == 2 and places.canonical_actor(parts[1]) is not None and not parts[0].endswith(" i"):
        return parts[0]
    return name


def _specific_indefinite(text: str, start: int, stem: str) -> bool:
    """Indefinite lower-case compounds name a body only when no article makes them generic."""
    if not stem.endswith("nätverk"):
        return False
    return not re.search(
        r"(?:\b(?:ett|en|nytt|något|varje|ett nytt)|[Ss]KR:s)\s+$", text[max(0, start - 12) : start]
    )


def _genitive_owner(text: str, start: int) -> int | None:
    before = re.search(r"([A-ZÅÄÖ][\wåäö]+s)\s+$", text[max(0, start - 40) : start])
    return start - len(before.group()) if before else None


def _structure(text: str, start: int, end: int, base: str) -> list[_Candidate]:
    """The county's cooperation structure: "Samverkansstrukturen", "Sörmlands närvårdsstruktur"."""
    definite = base.endswith("en")
    owner = _genitive_owner(text, start) or (
        start - 7 if text[max(0, start - 7) : start].casefold() == "länets " else None
    )
    if not definite and owner is None:
        return []
    qualifier = re.match(r"\s+för\s+socialtjänst\s+och\s+vård", text[end : end + 40])
    full_end = end + qualifier.end() if qualifier else end
    first = owner if owner is not None else start
    written = re.sub(r"\s+", " ", text[first:full_end])
    return [
        _Candidate(
            first,
            full_end,
            "Samverkansstrukturen",
            "organisation",
            key="samverkansstrukturen",
            alias=written,
            priority=1,
            confidence=0.9,
        )
    ]


def _units(text: str) -> list[_Candidate]:
    found: list[_Candidate] = []
    for pattern, kind in _UNIT_PATTERNS:
        for match in pattern.finditer(text):
            place = match.groupdict().get("place")
            if kind == "lrs":  # the county's joint support unit, however the compound is split
                name = "Länsgemensamt regionalt stöd"
            elif kind == "fou":
                if places.county_of(place) is None:
                    continue
                name = f"FoU i {place}"
            elif kind == "vårdcentral":
                if places.canonical_actor(place) is None:
                    continue
                name = f"Vårdcentralen {place}"
            elif kind == "division":
                name = f"Division {match.group('unit')}"
            elif kind == "sjukvårdsregion":
                name = f"Sjukvårdsregion {match.group('unit')}"
            elif kind == "lärosäte":
                canon = places.canonical_actor(place)
                if canon is None or canon.type != "kommun":
                    continue
                # "Karlstads universitet", "Umeå universitet": a vowel takes no genitive s here
                bare = canon.name.rsplit(" ", 1)[0]
                bare = bare if bare[-1] in "aeiouyåäö" else places.genitive(place.removesuffix("s"))
                name = f"{bare} {match.group('kind')}"
            else:
                if places.canonical_actor(place) is None:
                    continue
                name = match.group().split(" ")[0] + f" i {place}"
            known = vocabulary.known_actor(name)
            name = known.name if known else name
            kind_name = (
                known.type
                if known
                else ("organisation" if kind == "sjukvårdsregion" else vocabulary.actor_type(name))
            )
            found.append(
                _Candidate(
                    match.start(),
                    match.end(),
                    name,
                    kind_name,
                    alias=match.group(),
                    priority=3,
                    confidence=0.9,
                )
            )
    return found


# --- grouping --------------------------------------------------------------------------------------


class _Filing:
    """Under which key a name is filed while a document is read: the first actor (in the order they were
    found) whose key or one of whose aliases it is, as _abbreviation_key reads it, kept up to date as
    actors and aliases are added instead of normalising every actor's aliases again for each mention."""

    def __init__(self) -> None:
        self.owner: dict[str, str] = {}  # normalised name -> key of the first actor that has it
        self.rank: dict[str, int] = {}  # actor key -> order found

    def key(self, key: str) -> str:
        return self.owner.get(key, key)

    def note(self, item_key: str, normalised: str) -> None:
        rank = self.rank.setdefault(item_key, len(self.rank))
        current = self.owner.get(normalised)
        if current is None or self.rank[current] > rank:
            self.owner[normalised] = item_key


def _add(found: dict[str, _Found], candidate: _Candidate, mention: _Mention, filing: _Filing) -> None:
    """``found`` changes only here while the pages are read, so ``filing`` knows its keys and aliases."""
    key = candidate.key or vocabulary.normalise_actor_name(candidate.name)
    key = filing.key(key)
    item = found.get(key)
    if item is None:
        item = found[key] = _Found(
            key,
            candidate.name,
            candidate.type,
            candidate.county,
            confidence=candidate.confidence,
            pending=candidate.pending,
        )
    elif candidate.priority >= 4 or (item.name.isupper() and not candidate.name.isupper()):
        item.name = candidate.name  # a known canonical name wins over a form read off the text
    item.confidence = max(item.confidence, candidate.confidence)
    item.owner_place = item.owner_place or candidate.owner_place
    filing.note(item.key, item.key)
    alias = re.sub(r"\s+", " ", candidate.alias).strip()
    alias = re.sub(r"(?::s|'s)$", "", alias)
    if alias:
        item.aliases.add(alias)
        filing.note(item.key, vocabulary.normalise_actor_name(alias))
    if candidate.abbreviation:
        item.aliases.add(candidate.abbreviation)
        filing.note(item.key, vocabulary.normalise_actor_name(candidate.abbreviation))
    if len(item.mentions) < MAX_EVIDENCE:
        item.mentions.append(mention)


def _abbreviation_key(found: dict[str, _Found], key: str) -> str:
    """An abbreviation and its long form are one actor: file mentions under the first key seen."""
    for item in found.values():
        if key == item.key or key in {vocabulary.normalise_actor_name(a) for a in item.aliases}:
            return item.key
    return key


def _merge_variants(found: dict[str, _Found]) -> None:
    """Merge spellings of one body in one document: "Länsstygruppen" into "Länsstyrgruppen"."""
    keys = [k for k, item in found.items() if item.type not in ("kommun", "region")]
    for i, a in enumerate(keys):
        for b in keys[i + 1 :]:
            if a not in found or b not in found or found[a].type != found[b].type:
                continue
            names_a, names_b = (vocabulary.normalise_actor_name(found[k].name) for k in (a, b))
            if {p.name for p in places.find_places(found[a].name)} != {
                p.name for p in places.find_places(found[b].name)
            }:
                continue
            if fuzz.ratio(names_a, names_b) >= FUZZY_MERGE:
                keep, drop = (a, b) if len(found[a].mentions) >= len(found[b].mentions) else (b, a)
                _merge(found, drop, keep)


def _pending(found: dict[str, _Found], municipality: _Found | None, county: str | None) -> None:
    """Name what the text names only by a common noun, from what the whole document is about.

    "regionen" is the region of the document's county (merged into it when it is also named), or
    nothing when the county is unknown. An unnamed "styrgrupp"/"arbetsgrupp" in a document about one
    municipality (a municipality's own plan) is that municipality's group for the work: "Styrgrupp
    för nära vård i Askersund"; in a document about several it is left out as generic.
    """
    for key, item in list(found.items()):
        if not item.pending:
            continue
        del found[key]
        if item.pending == "county-region":
            region = next((r for r, c in places.regions().items() if c == county), None)
            if region is None:
                continue
            item.name, item.county = region, county
        elif municipality is None:
            continue
        else:
            item.name = f"{item.name} för {_OWN_WORK} i {_bare_place(municipality.name)}"
        item.key, item.pending = vocabulary.normalise_actor_name(item.name), ""
        if item.key in found:
            found[item.key].aliases |= item.aliases
            found[item.key].mentions = (found[item.key].mentions + item.mentions)[:MAX_EVIDENCE]
        else:
            found[item.key] = item


def _bare_place(municipality: str) -> str:
    """ "Askersunds kommun" → "Askersund", "Malmö stad" → "Malmö"."""
    bare = re.sub(r" (?:kommun|stad)$", "", municipality)
    canon = places.canonical_actor(municipality)
    if bare.endswith("s") and canon is not None and places.canonical_actor(bare[:-1]) == canon:
        return bare[:-1]
    return bare


def _merge_bare_roles(found: dict[str, _Found]) -> None:
    """A bare role ("Processledaren", "processledare tillsattes") is the document's one qualified
    role of that word ("Processledare nära vård"), when it has exactly one."""
    for key, item in list(found.items()):
        if item.type != "roll" or " " in item.name:
            continue
        qualified = [
            k
            for k, other in found.items()
            if other.type == "roll" and other.name.casefold().startswith(item.name.casefold() + " ")
        ]
        if len(qualified) == 1:
            _merge(found, key, qualified[0])


def _renames(text: str, accepted: list[_Candidate]) -> list[tuple[_Candidate, _Candidate]]:
    """ "(VOHJS) ... Nämnden bytte 2015 namn till Nämnden för ... (NSV)": the old name is an alias."""
    pairs: list[tuple[_Candidate, _Candidate]] = []
    for match in _RENAMED.finditer(text):
        new = next((c for c in accepted if c.start >= match.end() and c.start - match.end() < 5), None)
        if new is None:
            continue
        before = match.start()
        old = [c for c in accepted if c.end <= before and before - c.end < 400 and c.type == new.type]
        if old:
            pairs.append((old[-1], new))
    return pairs


def _key_of(found: dict[str, _Found], candidate: _Candidate) -> str:
    key = candidate.key or vocabulary.normalise_actor_name(candidate.name)
    return _abbreviation_key(found, key)


def _merge(found: dict[str, _Found], drop: str, keep: str) -> None:
    if drop == keep or drop not in found or keep not in found:
        return
    found[keep].aliases |= found[drop].aliases | {found[drop].name}
    found[keep].mentions = (found[keep].mentions + found[drop].mentions)[:MAX_EVIDENCE]
    del found[drop]


def _is_alias(alias: str, name: str) -> bool:
    """A written form worth keeping: not the name itself, nor the name in the genitive."""
    folded, name_folded = alias.casefold(), name.casefold()
    return folded not in (name_folded, name_folded + "s", name_folded + "en", name_folded + "ens")


def _dominant(found: dict[str, _Found], kind: str) -> _Found | None:
    """The one municipality a document is about: most mentions and at least 60 % of them."""
    counts = Counter({key: len(item.mentions) for key, item in found.items() if item.type == kind})
    total = sum(counts.values())
    if not counts:
        return None
    key, count = counts.most_common(1)[0]
    return found[key] if count >= 2 and count >= 0.6 * total else None


def _dominant_county(found: dict[str, _Found], county_mentions: dict[str, list[_Mention]]) -> str | None:
    counts: Counter[str] = Counter()
    for item in found.values():
        if item.county:
            counts[item.county] += len(item.mentions)
    for name, mentions in county_mentions.items():
        counts[name] += len(mentions)
    if not counts:
        return None
    county, count = counts.most_common(1)[0]
    return county if count >= 0.6 * sum(counts.values()) else None


def _owner(item: _Found, found: dict[str, _Found], dominant: _Found | None) -> _Found | None:
    if item.type != "nämnd" or vocabulary.normalise_actor_name(item.name) not in {
        vocabulary.normalise_actor_name(b) for b in ("Kommunstyrelsen", "Kommunfullmäktige", "Socialnämnden")
    }:
        return None
    if item.owner_place:
        canon = places.canonical_actor(item.owner_place)
        key = vocabulary.normalise_actor_name(canon.name) if canon else ""
        return found.get(key)
    return dominant


def _adjacent_pairs(
    text: str, accepted: list[_Candidate], offsets: list[int], page
) -> list[tuple[str, str, _Mention]]:
    """ "<body> inom <body>" and "<body> vid <body>": the first is part of the second."""
    pairs: list[tuple[str, str, _Mention]] = []
    for first, second in zip(accepted, accepted[1:], strict=False):
        if first.type in ("kommun", "region", "län", "roll") or second.type == "län":
            continue
        if re.fullmatch(r"\s+(?:inom|vid)\s+", text[first.end : second.start]):
            start, end = offsets[first.start], offsets[second.end - 1] + 1
            mention = _Mention(page.number, start, end, page.text[start:end])
            key_first = first.key or vocabulary.normalise_actor_name(first.name)
            key_second = second.key or vocabulary.normalise_actor_name(second.name)
            pairs.append((key_first, key_second, mention))
    return pairs


# --- text helpers ------------------------------------------------------------------------------


def _display(name: str) -> str:
    name = re.sub(r"\s+", " ", name).strip(" ,;:")
    name = re.sub(r"(?<=[a-zåäö])-(?=[a-zåäö])", "", name) if not re.search(r"- och ", name) else name
    return name[:1].upper() + name[1:]


def _definite(word: str) -> str:
    """ "skolchefsnätverk" → "skolchefsnätverket"; group and board names keep their form."""
    if word.endswith("nätverk"):
        return word + "et"
    if word.endswith("råd") and not word.endswith("område"):
        return word + "et"
    if word.endswith(_GROUP_STEMS) or word.endswith("nämnd"):
        return word + "en"
    if word.endswith("styrelse"):
        return word + "n"
    return word


def _fou(name: str) -> str:
    return re.sub(r"^Forskning och utveckling i ", "FoU i ", name, flags=re.IGNORECASE)


def _sentence_initial(text: str, start: int) -> bool:
    return bool(re.search(r"(?:^|[.!?:•]\s+|\n\s*)$", text[max(0, start - 4) : start]))


def _evidence(doc: SourceDocument, mentions: list[_Mention]) -> list[Evidence]:
    by_page = {page.number: page.text for page in doc.pages}
    evidence: list[Evidence] = []
    for mention in mentions:
        text = by_page.get(mention.page, "")
        start, end = _sentence_bounds(text, mention.start, mention.end)
        evidence.append(Evidence(mention.page, text[start:end], EXTRACTOR, start, end))
    return evidence


def _sentence_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """The sentence, table cell or line block around a mention (at most ~400 characters)."""
    left = max(
        (
            m.end()
            for m in re.finditer(
                r"[.!?]\s+(?=[A-ZÅÄÖ0-9\"”•-])|\n\s*\n|\t|\n(?=\s*[•*-] )", text[max(0, start - 300) : start]
            )
        ),
        default=0,
    )
    left = max(0, start - 300) + left if left or start <= 300 else max(0, start - 300)
    right_match = re.search(r"[.!?](?=\s)|\n\s*\n|\t", text[end : end + 300])
    right = end + (right_match.end() if right_match else min(300, len(text) - end))
    quote_start = left + (len(text[left:right]) - len(text[left:right].lstrip()))
    quote_end = right - (len(text[left:right]) - len(text[left:right].rstrip()))
    return quote_start, max(quote_end, end)
