"""Places in titles and headings, for deciding a document's county.

County names are the project's display names from ingest/vocabulary/municipalities.py
("Sörmland", "Örebro län", "Västra Götalands län" ...), the same the resolver scopes nodes by.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache

from domain import municipalities

# The data is ingest/vocabulary's (one list of counties and municipalities for the whole project);
# this module only adds the reader's case-insensitive matching for titles and headings.
# canonical (display) county name -> the ways documents write the county or its region
COUNTY_ALIASES: dict[str, tuple[str, ...]] = {
    row.display: tuple(dict.fromkeys((row.official, row.region, *row.keys, row.display)))
    for row in municipalities.COUNTIES
}
for _short, _official in municipalities.REGION_SHORT_KEYS.items():
    _display = next(r.display for r in municipalities.COUNTIES if r.official == _official)
    COUNTY_ALIASES[_display] = (*COUNTY_ALIASES[_display], f"Region {_short}")
COUNTIES: tuple[str, ...] = tuple(COUNTY_ALIASES)

MUNICIPALITY_COUNTY: dict[str, str] = {
    name: row.display for row in municipalities.COUNTIES for name in row.municipalities
}

# Names that are also common words, first names or surnames: they count only as "X kommun"/"X stad".
AMBIGUOUS_MUNICIPALITIES: frozenset[str] = municipalities.AMBIGUOUS

_MUNICIPALITY_SUFFIX = r"(?:s)?\s+(?:kommun|stad)"


@lru_cache(maxsize=2)
def _place_pattern(ignore_case: bool = False) -> tuple[re.Pattern[str], dict[str, tuple[str, str]]]:
    """One alternation of every place name, longest first so "Region Örebro län" beats "Örebro"."""
    lookup: dict[str, tuple[str, str]] = {}  # lowercased written form -> (kind, canonical)
    for county, aliases in COUNTY_ALIASES.items():
        for alias in aliases:
            lookup[alias.lower()] = ("county", county)
    for name in MUNICIPALITY_COUNTY:
        lookup.setdefault(name.lower(), ("municipality", name))
    parts: list[str] = []
    for form in sorted(lookup, key=len, reverse=True):
        kind, canonical = lookup[form]
        written = next(a for a in (*COUNTY_ALIASES.get(canonical, ()), canonical) if a.lower() == form)
        escaped = re.escape(written)
        if kind == "municipality" and canonical in AMBIGUOUS_MUNICIPALITIES:
            parts.append(escaped + _MUNICIPALITY_SUFFIX)
        else:
            parts.append(escaped + r"(?:s)?(?:\s+(?:kommun|stad)(?:s)?)?")
    flags = re.IGNORECASE if ignore_case else 0
    pattern = re.compile(r"(?<![\w-])(?:" + "|".join(parts) + r")(?![\w-])", flags)
    return pattern, lookup


def _strip_inflection(found: str) -> str:
    return re.sub(r"\s+(?:kommun|stad)s?$", "", found, flags=re.IGNORECASE)


@lru_cache(maxsize=4096)
def place_of(found: str) -> tuple[str, str] | None:
    """("county"|"municipality", canonical name) for a place as written, e.g. "Askersunds kommun"."""
    _, lookup = _place_pattern()
    base = _strip_inflection(found.strip())
    for form in (base, base[:-1] if base.endswith("s") else None):
        if form and form.lower() in lookup:
            return lookup[form.lower()]
    return None


def place_spans(text: str, ignore_case: bool = False) -> list[tuple[int, int, str, str]]:
    """Every place mentioned in ``text``: (start, end, "county"|"municipality", canonical name).

    ``ignore_case`` is for all-caps titles; in running text case keeps "vara" from being Vara.
    """
    pattern, _ = _place_pattern(ignore_case)
    found: list[tuple[int, int, str, str]] = []
    for match in pattern.finditer(text):
        place = place_of(match.group(0))
        if place:
            found.append((match.start(), match.end(), *place))
    return found


def find_places(text: str, ignore_case: bool = False) -> list[tuple[int, str, str]]:
    """Every place mentioned in ``text``: (offset, "county"|"municipality", canonical name)."""
    return [(start, kind, name) for start, _, kind, name in place_spans(text, ignore_case)]


def county_of(name: str) -> str | None:
    """The canonical county of a county, region or municipality name as written, else None."""
    place = place_of(name)
    if place is None:
        return None
    kind, canonical = place
    return canonical if kind == "county" else MUNICIPALITY_COUNTY[canonical]


def count_counties(text: str, weight: int = 1, ignore_case: bool = False) -> Counter[str]:
    """Mentions per county; a municipality counts for its county."""
    counts: Counter[str] = Counter()
    for _, kind, canonical in find_places(text, ignore_case):
        counts[canonical if kind == "county" else MUNICIPALITY_COUNTY[canonical]] += weight
    return counts
