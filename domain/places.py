"""Swedish regions, municipalities and counties: canonical names and mentions in running text.

A municipality's canonical actor name is its official "X kommun" (genitive rules: "Flens kommun",
"Strängnäs kommun", "Trosa kommun") or "X stad" for those that call themselves so. A region's is
its own name ("Region Sörmland", "Västra Götalandsregionen"). Counties go by the display names in
``municipalities`` ("Sörmland", "Örebro län").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import Literal

from domain.municipalities import AMBIGUOUS, COUNTIES, REGION_SHORT_KEYS, STAD
from domain.spans import SpanSet

PlaceKind = Literal["kommun", "region", "län"]


@dataclass(frozen=True)
class ActorCanon:
    name: str  # "Eskilstuna kommun", "Region Sörmland", "Sörmland"
    type: PlaceKind
    county: str  # display name of the county


@dataclass(frozen=True)
class PlaceMention:
    name: str  # canonical actor (or county) name
    kind: PlaceKind
    county: str
    start: int
    end: int
    text: str  # as written


def genitive(name: str) -> str:
    """Swedish genitive of a place name: "Flen" → "Flens", "Strängnäs" → "Strängnäs"."""
    return name if name[-1] in "sxz" else name + "s"


def municipality_actor(bare: str) -> str:
    """Official actor name of a municipality: "Flen" → "Flens kommun", "Malmö" → "Malmö stad"."""
    if bare == "Gotland":
        return "Region Gotland"  # Gotland's municipality is also its region
    suffix = "stad" if bare in STAD else "kommun"
    return f"{genitive(bare) if bare[-1] not in 'aeiouyåäö' else bare} {suffix}"


def bare_name(name: str) -> str:
    """A municipality's own name without "kommun"/"stad" ("Katrineholms kommun" → "Katrineholm");
    other names as they are."""
    return _bare_by_actor().get(name, name)


@cache
def _bare_by_actor() -> dict[str, str]:
    return {municipality_actor(bare): bare for row in COUNTIES for bare in row.municipalities}


def _fold(text: str) -> str:
    return re.sub(r"\s+", " ", text.replace("\u00ad", "")).strip().casefold()


@dataclass(frozen=True)
class _Tables:
    actors: dict[str, ActorCanon]  # folded written form → canonical
    municipality_county: dict[str, str]  # bare municipality name → county display
    county_keys: dict[str, str]  # bare county key ("Sörmland") → county display


@cache
def _tables() -> _Tables:
    actors: dict[str, ActorCanon] = {}

    def add(form: str, canon: ActorCanon) -> None:
        key = _fold(form)
        existing = actors.get(key)
        if existing is not None and existing != canon:
            raise ValueError(f"{form!r} would name both {existing.name} and {canon.name}")
        actors[key] = canon

    municipality_county: dict[str, str] = {}
    county_keys: dict[str, str] = {}
    for row in COUNTIES:
        county = ActorCanon(row.display, "län", row.display)
        region = ActorCanon(row.region, "region", row.display)
        stem = row.official.removesuffix(" län")  # "Södermanlands", "Örebro", "Skåne"
        for form in (row.official, row.display, f"{row.official}s", f"{row.display}s"):
            add(form, county)
        bare_keys = list(row.keys)
        for key in bare_keys:
            county_keys[key] = row.display
            add(key, county) if key not in row.municipalities else None
            add(f"{genitive(key)} län", county)
        add(row.region, region)
        add(genitive(row.region), region)
        region_keys = [
            *bare_keys,
            row.official,
            *(k for k, v in REGION_SHORT_KEYS.items() if v == row.official),
        ]
        for key in region_keys:
            for prefix in ("Region", "Regionen", "Landstinget", "Landstinget i", "Region i"):
                add(f"{prefix} {key}", region)
                add(f"{prefix} {genitive(key)}", region)
        add(f"{stem} läns landsting", region)
        add(f"{stem}s läns landsting" if not stem.endswith("s") else f"{stem} läns landsting", region)
        for bare in row.municipalities:
            municipality_county[bare] = row.display
            canon = ActorCanon(
                municipality_actor(bare), "region" if bare == "Gotland" else "kommun", row.display
            )
            gen = genitive(bare)
            for form in (bare, gen, canon.name, genitive(canon.name)):
                add(form, canon)
            for suffix in ("kommun", "kommuns", "stad", "stads", "kommunen", "kommunens"):
                add(f"{bare} {suffix}", canon)
                add(f"{gen} {suffix}", canon)
            add(f"kommunen {bare}", canon)
    return _Tables(actors, municipality_county, county_keys)


def canonical_actor(name: str) -> ActorCanon | None:
    """The region, municipality or county a name stands for, in any written form; else None."""
    key = _fold(name).rstrip(".,;:")
    key = re.sub(r"^(?:den|det)\s+", "", key)
    return _tables().actors.get(key)


def county_of(name: str) -> str | None:
    """The county (display name) of a place, or of the places named inside a longer name."""
    canon = canonical_actor(name)
    if canon is not None:
        return canon.county
    counties = {mention.county for mention in find_places(name)}
    return counties.pop() if len(counties) == 1 else None


def municipalities() -> dict[str, str]:
    """Every municipality's canonical actor name → its county display name (290 entries)."""
    tables = _tables()
    return {municipality_actor(bare): county for bare, county in tables.municipality_county.items()}


def regions() -> dict[str, str]:
    """Every region's canonical name → its county display name (21 entries)."""
    return {row.region: row.display for row in COUNTIES}


def counties() -> dict[str, str]:
    """County display name → official name (21 entries)."""
    return {row.display: row.official for row in COUNTIES}


# --- finding places in running text ------------------------------------------------------------

_WORD_END = r"(?![\wåäöÅÄÖéÉ]|-[a-zåäö])"
_WORD_START = r"(?<![\wåäöÅÄÖéÉ-])"
_CONTEXT_BEFORE = re.compile(
    r"(?:\b(?:i|I|från|Från|inom|Inom|till|mellan|kring|av|för|samt|och|via)|,|/)\s+$"
)


def _alternation(names: list[str]) -> str:
    return "|".join(re.escape(n).replace(r"\ ", r"\s+") for n in sorted(set(names), key=len, reverse=True))


@cache
def _patterns() -> list[tuple[re.Pattern[str], str]]:
    """Patterns in priority order, each tagged with how its match is read."""
    region_keys: list[str] = []
    county_keys: list[str] = []
    bare: list[str] = []
    for row in COUNTIES:
        region_keys += [*row.keys, row.official]
        county_keys += list(row.keys)
        bare += list(row.municipalities)
    region_keys += list(REGION_SHORT_KEYS)
    regions = _alternation([r for r in region_keys] + [genitive(r) for r in region_keys])
    towns = _alternation(bare)
    stems = _alternation([row.official.removesuffix(" län") for row in COUNTIES])
    return [
        (re.compile(rf"{_WORD_START}Västra\s+Götalandsregionens?{_WORD_END}"), "actor"),
        (
            re.compile(
                rf"{_WORD_START}(?:[Rr]egion(?:en)?|[Ll]andstinget)(?:\s+i)?\s+(?:{regions}){_WORD_END}"
            ),
            "actor",
        ),
        (re.compile(rf"{_WORD_START}(?:{stems})s?\s+läns\s+landsting{_WORD_END}"), "actor"),
        (re.compile(rf"{_WORD_START}(?:{towns})s?\s+(?:kommun|stad)(?:ens|en|s)?{_WORD_END}"), "actor"),
        (re.compile(rf"{_WORD_START}(?:{stems})s?\s+län(?:ets|et|s)?{_WORD_END}"), "county"),
        (re.compile(rf"{_WORD_START}(?:{_alternation(county_keys)})s?{_WORD_END}"), "county"),
        (re.compile(rf"{_WORD_START}(?:{towns})s?{_WORD_END}"), "bare"),
    ]


def _read(surface: str, how: str) -> ActorCanon | None:
    text = re.sub(r"\s+", " ", surface)
    if how == "county":
        text = re.sub(r" län(?:ets|et|s)$", " län", text)
    if how == "actor":
        text = re.sub(r" (kommun|stad)(?:ens|en|s)$", r" \1", text)
    return canonical_actor(text)


def _sentence_start(text: str, start: int) -> bool:
    before = text[max(0, start - 3) : start]
    return (
        start == 0
        or bool(re.search(r"(?:[.!?:•]\s*|\n\s*)$", text[max(0, start - 20) : start]))
        or not before.strip()
    )


_LINE_END_HYPHEN = re.compile(r"(?<=\w)-[ \t]*\n[ \t]*(?=[a-zåäöé])")


def dehyphenate_with_offsets(text: str) -> tuple[str, list[int]]:
    """Join words broken at line ends ("Sörm-\\nland"); also give, for each character of the
    result, its offset in ``text`` (one extra entry for the end)."""
    parts: list[str] = []
    offsets: list[int] = []
    last = 0
    for match in _LINE_END_HYPHEN.finditer(text):
        parts.append(text[last : match.start()])
        offsets.extend(range(last, match.start()))
        last = match.end()
    parts.append(text[last:])
    offsets.extend(range(last, len(text) + 1))
    return "".join(parts), offsets


def find_places(text: str) -> list[PlaceMention]:
    """Regions, municipalities and counties named in running text, in order of appearance.

    Longer forms win ("Region Örebro län" over "Örebro"); bare names that are also ordinary words
    or names ("Mark", "Vara", "Lund", "Nora") need a context: "kommun"/"stad" after them, a
    preposition before them ("i Sala"), or a neighbouring place in a list. Words broken at a line
    end are read whole; offsets and surface text refer to ``text`` as given.
    """
    clean, offsets = dehyphenate_with_offsets(text)
    return [
        PlaceMention(
            m.name,
            m.kind,
            m.county,
            offsets[m.start],
            offsets[m.end - 1] + 1,
            text[offsets[m.start] : offsets[m.end - 1] + 1],
        )
        for m in _find_places(clean)
    ]


def _find_places(text: str) -> list[PlaceMention]:
    taken = SpanSet()
    found: list[PlaceMention] = []
    pending: list[tuple[re.Match[str], ActorCanon]] = []
    for pattern, how in _patterns():
        for match in pattern.finditer(text):
            start, end = match.span()
            if taken.overlaps(start, end):
                continue
            canon = _read(match.group(), how)
            if canon is None:
                continue
            if how == "bare":
                core = (
                    re.sub(r"s$", "", match.group()) if match.group() not in _bare_names() else match.group()
                )
                if core in AMBIGUOUS and not _has_context(text, start):
                    pending.append((match, canon))
                    continue
                if core in AMBIGUOUS and _after_name(text, start):
                    continue
            taken.add(start, end)
            found.append(PlaceMention(canon.name, canon.type, canon.county, start, end, match.group()))
    # ambiguous names listed next to places already found: "Eskilstuna, Mark och Nyköping"
    changed = True
    while changed:
        changed = False
        for match, canon in list(pending):
            if _next_to_place(text, match.span(), found):
                found.append(PlaceMention(canon.name, canon.type, canon.county, *match.span(), match.group()))
                pending.remove((match, canon))
                changed = True
    return sorted(found, key=lambda m: m.start)


@cache
def _bare_names() -> frozenset[str]:
    return frozenset(n for row in COUNTIES for n in row.municipalities)


def _has_context(text: str, start: int) -> bool:
    return bool(_CONTEXT_BEFORE.search(text[max(0, start - 12) : start])) and not _after_name(text, start)


def _after_name(text: str, start: int) -> bool:
    """A capitalised word right before, mid-sentence: a surname ("Anna Lund"), not a place."""
    before = re.search(r"([A-ZÅÄÖ][\wåäö]+)\s+$", text[max(0, start - 30) : start])
    return before is not None and not _sentence_start(text, start - len(before.group()))


def _next_to_place(text: str, span: tuple[int, int], found: list[PlaceMention]) -> bool:
    start, end = span
    for mention in found:
        gap = text[mention.end : start] if mention.end <= start else text[end : mention.start]
        if (mention.end <= start or end <= mention.start) and re.fullmatch(r"\s*(?:,|och|samt|/|&)\s*", gap):
            return True
    return False
