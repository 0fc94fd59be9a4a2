"""Sweden's 21 counties (län/regioner) and 290 municipalities, for deciding a document's county.

Canonical county names: the name each region uses for itself, without the word "Region"
("Region Sörmland" -> "Sörmland", "Region Örebro län" -> "Örebro län", "Västra Götalandsregionen"
-> "Västra Götaland"). Where that would be a municipality's name (Region Stockholm, Region Uppsala)
the county is "Stockholms län" / "Uppsala län" so a county never reads like a municipality.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache

# canonical name -> other ways documents write the county or its region (official län name first)
COUNTY_ALIASES: dict[str, tuple[str, ...]] = {
    "Stockholms län": ("Stockholms län", "Region Stockholm"),
    "Uppsala län": ("Uppsala län", "Region Uppsala"),
    "Sörmland": ("Södermanlands län", "Region Sörmland", "Södermanland", "Sörmland"),
    "Östergötland": ("Östergötlands län", "Region Östergötland", "Östergötland"),
    "Jönköpings län": ("Jönköpings län", "Region Jönköpings län"),
    "Kronoberg": ("Kronobergs län", "Region Kronoberg", "Kronoberg"),
    "Kalmar län": ("Kalmar län", "Region Kalmar län", "Region Kalmar"),
    "Gotland": ("Gotlands län", "Region Gotland", "Gotland"),
    "Blekinge": ("Blekinge län", "Region Blekinge", "Blekinge"),
    "Skåne": ("Skåne län", "Region Skåne", "Skåne"),
    "Halland": ("Hallands län", "Region Halland", "Halland"),
    "Västra Götaland": ("Västra Götalands län", "Västra Götalandsregionen", "Västra Götaland"),
    "Värmland": ("Värmlands län", "Region Värmland", "Värmland"),
    "Örebro län": ("Örebro län", "Region Örebro län", "Region Örebro"),
    "Västmanland": ("Västmanlands län", "Region Västmanland", "Västmanland"),
    "Dalarna": ("Dalarnas län", "Region Dalarna", "Dalarna"),
    "Gävleborg": ("Gävleborgs län", "Region Gävleborg", "Gävleborg"),
    "Västernorrland": ("Västernorrlands län", "Region Västernorrland", "Västernorrland"),
    "Jämtland Härjedalen": ("Jämtlands län", "Region Jämtland Härjedalen", "Jämtland Härjedalen", "Jämtland"),
    "Västerbotten": ("Västerbottens län", "Region Västerbotten", "Västerbotten"),
    "Norrbotten": ("Norrbottens län", "Region Norrbotten", "Norrbotten"),
}
COUNTIES: tuple[str, ...] = tuple(COUNTY_ALIASES)

_MUNICIPALITIES_BY_COUNTY: dict[str, tuple[str, ...]] = {
    "Stockholms län": (
        "Botkyrka", "Danderyd", "Ekerö", "Haninge", "Huddinge", "Järfälla", "Lidingö", "Nacka",
        "Norrtälje", "Nykvarn", "Nynäshamn", "Salem", "Sigtuna", "Sollentuna", "Solna", "Stockholm",
        "Sundbyberg", "Södertälje", "Tyresö", "Täby", "Upplands Väsby", "Upplands-Bro", "Vallentuna",
        "Vaxholm", "Värmdö", "Österåker",
    ),
    "Uppsala län": ("Enköping", "Heby", "Håbo", "Knivsta", "Tierp", "Uppsala", "Älvkarleby", "Östhammar"),
    "Sörmland": (
        "Eskilstuna", "Flen", "Gnesta", "Katrineholm", "Nyköping", "Oxelösund", "Strängnäs", "Trosa",
        "Vingåker",
    ),
    "Östergötland": (
        "Boxholm", "Finspång", "Kinda", "Linköping", "Mjölby", "Motala", "Norrköping", "Söderköping",
        "Vadstena", "Valdemarsvik", "Ydre", "Åtvidaberg", "Ödeshög",
    ),
    "Jönköpings län": (
        "Aneby", "Eksjö", "Gislaved", "Gnosjö", "Habo", "Jönköping", "Mullsjö", "Nässjö", "Sävsjö",
        "Tranås", "Vaggeryd", "Vetlanda", "Värnamo",
    ),
    "Kronoberg": ("Alvesta", "Lessebo", "Ljungby", "Markaryd", "Tingsryd", "Uppvidinge", "Växjö", "Älmhult"),
    "Kalmar län": (
        "Borgholm", "Emmaboda", "Hultsfred", "Högsby", "Kalmar", "Mönsterås", "Mörbylånga", "Nybro",
        "Oskarshamn", "Torsås", "Vimmerby", "Västervik",
    ),
    "Gotland": ("Gotland",),
    "Blekinge": ("Karlshamn", "Karlskrona", "Olofström", "Ronneby", "Sölvesborg"),
    "Skåne": (
        "Bjuv", "Bromölla", "Burlöv", "Båstad", "Eslöv", "Helsingborg", "Hässleholm", "Höganäs", "Hörby",
        "Höör", "Klippan", "Kristianstad", "Kävlinge", "Landskrona", "Lomma", "Lund", "Malmö", "Osby",
        "Perstorp", "Simrishamn", "Sjöbo", "Skurup", "Staffanstorp", "Svalöv", "Svedala", "Tomelilla",
        "Trelleborg", "Vellinge", "Ystad", "Åstorp", "Ängelholm", "Örkelljunga", "Östra Göinge",
    ),
    "Halland": ("Falkenberg", "Halmstad", "Hylte", "Kungsbacka", "Laholm", "Varberg"),
    "Västra Götaland": (
        "Ale", "Alingsås", "Bengtsfors", "Bollebygd", "Borås", "Dals-Ed", "Essunga", "Falköping",
        "Färgelanda", "Grästorp", "Gullspång", "Göteborg", "Götene", "Herrljunga", "Hjo", "Härryda",
        "Karlsborg", "Kungälv", "Lerum", "Lidköping", "Lilla Edet", "Lysekil", "Mariestad", "Mark",
        "Mellerud", "Munkedal", "Mölndal", "Orust", "Partille", "Skara", "Skövde", "Sotenäs",
        "Stenungsund", "Strömstad", "Svenljunga", "Tanum", "Tibro", "Tidaholm", "Tjörn", "Tranemo",
        "Trollhättan", "Töreboda", "Uddevalla", "Ulricehamn", "Vara", "Vårgårda", "Vänersborg", "Åmål",
        "Öckerö",
    ),
    "Värmland": (
        "Arvika", "Eda", "Filipstad", "Forshaga", "Grums", "Hagfors", "Hammarö", "Karlstad", "Kil",
        "Kristinehamn", "Munkfors", "Storfors", "Sunne", "Säffle", "Torsby", "Årjäng",
    ),
    "Örebro län": (
        "Askersund", "Degerfors", "Hallsberg", "Hällefors", "Karlskoga", "Kumla", "Laxå", "Lekeberg",
        "Lindesberg", "Ljusnarsberg", "Nora", "Örebro",
    ),
    "Västmanland": (
        "Arboga", "Fagersta", "Hallstahammar", "Kungsör", "Köping", "Norberg", "Sala", "Skinnskatteberg",
        "Surahammar", "Västerås",
    ),
    "Dalarna": (
        "Avesta", "Borlänge", "Falun", "Gagnef", "Hedemora", "Leksand", "Ludvika", "Malung-Sälen", "Mora",
        "Orsa", "Rättvik", "Smedjebacken", "Säter", "Vansbro", "Älvdalen",
    ),
    "Gävleborg": (
        "Bollnäs", "Gävle", "Hofors", "Hudiksvall", "Ljusdal", "Nordanstig", "Ockelbo", "Ovanåker",
        "Sandviken", "Söderhamn",
    ),
    "Västernorrland": ("Härnösand", "Kramfors", "Sollefteå", "Sundsvall", "Timrå", "Ånge", "Örnsköldsvik"),
    "Jämtland Härjedalen": (
        "Berg", "Bräcke", "Härjedalen", "Krokom", "Ragunda", "Strömsund", "Åre", "Östersund",
    ),
    "Västerbotten": (
        "Bjurholm", "Dorotea", "Lycksele", "Malå", "Nordmaling", "Norsjö", "Robertsfors", "Skellefteå",
        "Sorsele", "Storuman", "Umeå", "Vilhelmina", "Vindeln", "Vännäs", "Åsele",
    ),
    "Norrbotten": (
        "Arjeplog", "Arvidsjaur", "Boden", "Gällivare", "Haparanda", "Jokkmokk", "Kalix", "Kiruna", "Luleå",
        "Pajala", "Piteå", "Älvsbyn", "Överkalix", "Övertorneå",
    ),
}  # fmt: skip

MUNICIPALITY_COUNTY: dict[str, str] = {
    name: county for county, names in _MUNICIPALITIES_BY_COUNTY.items() for name in names
}

# Names that are also common words, first names or surnames: they count only as "X kommun"/"X stad".
AMBIGUOUS_MUNICIPALITIES: frozenset[str] = frozenset(
    {"Ale", "Berg", "Boden", "Eda", "Habo", "Hjo", "Kil", "Lund", "Mark", "Mora", "Nora", "Orsa", "Sala"}
    | {"Salem", "Vara", "Åre"}
)

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
