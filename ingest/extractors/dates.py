"""Swedish date expressions → ISO strings ("YYYY-MM-DD", or "YYYY-MM" / "YYYY" when that is all there is).

Choices, so that callers know what to expect:

* A day and month without a year ("den 8 april") gives a date only with ``default_year``; without one
  it gives ``None`` (and ``find_dates`` skips it), because guessing the year would invent a fact.
* A season ("våren 2020", "hösten 2022") gives only the year ("2020"): seasons straddle months.
* Two-digit years ("22-04-08", "220408") are read as 20YY for 00–69 and 19YY for 70–99.
* Impossible dates (2022-02-30, month 13) give ``None``, never an exception.
* ``find_dates`` looks for dates in running text; to stay precise it leaves out bare years ("2023",
  which is usually a period or a name such as "SOU 2020:19"), compact six-digit dates ("220408") and
  "YYYY-MM" (easily a year range); ``parse_swedish_date`` accepts those when they are the whole string.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

MONTHS: dict[str, int] = {
    "januari": 1,
    "februari": 2,
    "mars": 3,
    "april": 4,
    "maj": 5,
    "juni": 6,
    "juli": 7,
    "augusti": 8,
    "september": 9,
    "oktober": 10,
    "november": 11,
    "december": 12,
    "jan": 1,
    "feb": 2,
    "mar": 3,
    "apr": 4,
    "jun": 6,
    "jul": 7,
    "aug": 8,
    "sep": 9,
    "sept": 9,
    "okt": 10,
    "nov": 11,
    "dec": 12,
}
SEASONS = ("våren", "vår", "sommaren", "sommar", "hösten", "höst", "vintern", "vinter")
ORDINAL_WORDS: dict[str, int] = {"första": 1, "andra": 2, "tredje": 3}

MIN_YEAR, MAX_YEAR = 1900, 2100


@dataclass(frozen=True)
class DateMention:
    iso: str  # "YYYY-MM-DD", "YYYY-MM" or "YYYY"
    start: int  # offsets of ``surface`` in the searched text
    end: int
    surface: str  # the text as written


def _year(raw: str) -> int | None:
    value = int(raw)
    if len(raw) == 2:
        value += 2000 if value < 70 else 1900
    return value if MIN_YEAR <= value <= MAX_YEAR else None


def iso_date(year: int | None, month: int | None = None, day: int | None = None) -> str | None:
    """The ISO string for the parts that are known, or None when they do not make a real date."""
    if year is None or not MIN_YEAR <= year <= MAX_YEAR:
        return None
    if month is None:
        return None if day is not None else f"{year:04d}"
    if not 1 <= month <= 12:
        return None
    if day is None:
        return f"{year:04d}-{month:02d}"
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        return None


def _month(word: str) -> int | None:
    # a month name may be split by a line-end hyphen in PDF text ("novem-\nber")
    cleaned = re.sub(r"-\s*\n\s*", "", word).strip().rstrip(".").lower()
    return MONTHS.get(cleaned)


# Each pattern has named groups y (year), m (month number) or mn (month name), d (day).
_NOT_IN_WORD = r"(?<![\w/.:§-])"
_NOT_AFTER = r"(?![\w/:]|[.-]\d)"
_DAY = r"(?:(?P<d>\d{1,2})(?::[ae])?|(?P<dw>första|andra|tredje))"
_MONTH_NAME = r"(?P<mn>[A-Za-zåäöÅÄÖ]{3,9}(?:-[ \t]*\n[ \t]*[a-zåäö]{1,7})?\.?)"
_PATTERNS: list[re.Pattern[str]] = [
    # 2022-03-11, 2022.03.11, 2022/03/11
    re.compile(_NOT_IN_WORD + r"(?P<y>\d{4})(?P<sep>[-./])(?P<m>\d{1,2})(?P=sep)(?P<d>\d{1,2})" + _NOT_AFTER),
    # 22-04-08 (two-digit year first, Swedish order)
    re.compile(_NOT_IN_WORD + r"(?P<y>\d{2})-(?P<m>\d{2})-(?P<d>\d{2})" + _NOT_AFTER),
    # 11/3 2022, 11/3-2022, 11/3/2022
    re.compile(_NOT_IN_WORD + r"(?P<d>\d{1,2})/(?P<m>\d{1,2})(?:[ \t]+|[-/])(?P<y>\d{4})" + _NOT_AFTER),
    # (den) 11 mars 2022, 11 mars (no year), första augusti 2023; the year may wrap to the next line
    re.compile(
        r"(?<![\w-])(?:den[ \t]+)?" + _DAY + r"[ \t]+" + _MONTH_NAME + r"(?:\s{1,4}(?P<y>\d{4}))?(?![\w-])",
        re.IGNORECASE,
    ),
    # mars 2023, i november 2020 (the year may wrap to the next line)
    re.compile(
        r"(?<![\w-])" + _MONTH_NAME + r"(?:[ \t]+|[ \t]*\n[ \t]*)(?P<y>\d{4})(?![\w-])", re.IGNORECASE
    ),
    # "i oktober": a month without a year, a date only with default_year
    re.compile(r"(?<=\bi )(?P<mn>" + "|".join(list(MONTHS)[:12]) + r")(?![\w-])", re.IGNORECASE),
    # våren 2020
    re.compile(r"(?<![\w-])(?P<season>" + "|".join(SEASONS) + r")[ \t]+(?P<y>\d{4})(?![\w-])", re.IGNORECASE),
]


def _iso_from_match(match: re.Match[str], default_year: int | None) -> str | None:
    groups = match.groupdict()
    year = _year(groups["y"]) if groups.get("y") else default_year
    if groups.get("season"):
        return iso_date(year)
    if groups.get("mn"):
        month = _month(groups["mn"])
        if month is None:
            return None
    else:
        month = int(groups["m"]) if groups.get("m") else None
    day: int | None = None
    if groups.get("d"):
        day = int(groups["d"])
    elif groups.get("dw"):
        day = ORDINAL_WORDS[groups["dw"].lower()]
    return iso_date(year, month, day)


_WHOLE_ONLY: list[re.Pattern[str]] = [
    re.compile(r"(?P<y>\d{4})(?P<m>\d{2})(?P<d>\d{2})"),  # 20220408
    re.compile(r"(?P<y>\d{2})(?P<m>\d{2})(?P<d>\d{2})"),  # 220408
    re.compile(r"(?P<y>\d{4})-(?P<m>\d{1,2})"),  # 2022-03
    re.compile(r"(?P<y>\d{4})"),  # 2022
    re.compile(r"(?:i[ \t]+)?" + _MONTH_NAME, re.IGNORECASE),  # "i oktober": a month, needs default_year
]


def parse_swedish_date(text: str, default_year: int | None = None) -> str | None:
    """The ISO date written in ``text`` (the first one when there are several), or None.

    ``default_year`` completes a day and month written without a year ("den 8 april").
    """
    stripped = text.strip().strip(".,;:()?")
    for pattern in _WHOLE_ONLY:
        match = pattern.fullmatch(stripped)
        if not match:
            continue
        groups = match.groupdict()
        if groups.get("mn"):
            month = _month(groups["mn"])
            return iso_date(default_year, month) if month else None
        year = _year(groups["y"])
        month = int(groups["m"]) if groups.get("m") else None
        day = int(groups["d"]) if groups.get("d") else None
        return iso_date(year, month, day)
    mentions = find_dates(text, default_year=default_year)
    return mentions[0].iso if mentions else None


def find_dates(text: str, default_year: int | None = None) -> list[DateMention]:
    """All date expressions in ``text``, in order, without overlaps (the longest wins).

    Day-and-month mentions without a year are included only when ``default_year`` is given.
    """
    found: list[DateMention] = []
    impossible: list[tuple[int, int]] = []  # "31 april 2023" must not fall back to "april 2023"
    for pattern in _PATTERNS:
        for match in pattern.finditer(text):
            iso = _iso_from_match(match, default_year)
            if iso is not None:
                found.append(DateMention(iso, match.start(), match.end(), match.group(0)))
            elif (
                match.groupdict().get("d")
                and match.groupdict().get("y")
                and _iso_from_match(match, None) is None
                and (not match.groupdict().get("mn") or _month(match.group("mn")))
            ):
                impossible.append(match.span())
    found = [m for m in found if not any(a <= m.start and m.end <= b for a, b in impossible)]
    # keep the longest of overlapping mentions ("11 mars 2022" over "mars 2022")
    found.sort(key=lambda m: (m.start, -(m.end - m.start)))
    kept: list[DateMention] = []
    for mention in found:
        if kept and mention.start < kept[-1].end:
            if mention.end - mention.start > kept[-1].end - kept[-1].start:
                kept[-1] = mention
            continue
        kept.append(mention)
    return kept
