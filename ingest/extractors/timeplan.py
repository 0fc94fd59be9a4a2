"""Time plans as written in activity tables ("Pågående", "2024 - 2026", "Påbörjas 2024") → start, end, status.

Choices:

* ``start``/``end`` are ISO strings at the precision written: "2024" for years and seasons
  ("våren 2024" straddles months), "2024-07" for months and quarters (Q3 → "2024-07" … "2024-09"),
  "2024-02-09" for dates.
* One point in time means start and end in it ("2024", "Pilot … under våren 2024"), unless a word
  says it is only the start ("Påbörjas", "Start", "Uppstart", "Från", "2023 - pågående") or only the
  end ("Klart", "Senast", "Till").
* Status: words decide first ("Pågående", "Löpande" → pågående; "Avslutad" → avslutad; "Planerad" →
  planerad). Otherwise the dates relative to ``today``: start after today → planerad; end before
  today → avslutad; started and not ended → pågående; anything else → okänd.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Literal

from ingest.extractors.dates import MONTHS

Status = Literal["planerad", "pågående", "avslutad", "okänd"]

_MONTH_NAMES = "|".join(sorted(MONTHS, key=len, reverse=True))
_POINT = re.compile(
    r"(?P<iso>\b(?P<iy>(?:19|20)\d{2})-(?P<im>\d{2})-(?P<id>\d{2})\b)"
    r"|(?P<quarter>\b(?:[Qq]|[Kk]vartal\s*)(?P<q>[1-4])[\s,]*(?P<qy>(?:19|20)\d{2})\b)"
    r"|(?P<quarter2>\b(?P<q2>[1-4])\s*(?::?[ae])?\s+kvartalet\s+(?P<qy2>(?:19|20)\d{2})\b)"
    rf"|(?P<month>\b(?P<mn>{_MONTH_NAMES})\.?\s+(?P<my>(?:19|20)\d{{2}})\b)"
    r"|(?P<year>\b(?P<y>(?:19|20)\d{2})(?:\s*[-–/]\s*(?P<y2>\d{2})(?![\d-]))?\b)",
    re.IGNORECASE,
)
_ONGOING = re.compile(
    r"\b(?:pågående|pågår|löpande|fortlöpande|kontinuerligt|kontinuerlig|årligen|årlig|"
    r"ständigt|tills vidare|stående|återkommande)\b",
    re.IGNORECASE,
)
_ENDED = re.compile(
    r"\b(?:avslutad|avslutat|avslutade|genomförd|genomfört|slutförd|slutfört)\b", re.IGNORECASE
)
_PLANNED = re.compile(
    r"\b(?:planerad|planerat|planeras|ej påbörjad|ej påbörjat|ej startad|ej startat|kommande)\b",
    re.IGNORECASE,
)
_START_WORD = re.compile(
    r"\b(?:påbörjas|påbörjades|påbörjad|start|startar|startade|uppstart|från|fr\s*\.?\s*o\s*\.?\s*m|"
    r"from|med början|börjar|inleds|införs)\b",
    re.IGNORECASE,
)
_END_WORD = re.compile(
    r"\b(?:klart|klar|klara|senast|till|t\s*\.?\s*o\s*\.?\s*m|tom|avslutas|slutförs|deadline|"
    r"färdigt|färdig|innan|före)\b",
    re.IGNORECASE,
)
# "2023 - pågående", "2023 –" : a range open at the end
_OPEN_END = re.compile(r"^\s*[-–—]\s*(?:$|pågående|tills vidare|framåt|och framåt|löpande)", re.IGNORECASE)


@dataclass(frozen=True)
class TimePlan:
    text: str  # as written
    start: str | None = None
    end: str | None = None
    status: Status = "okänd"


@dataclass(frozen=True)
class _Point:
    start: str  # ISO at the precision written
    end: str
    first: date  # the first and last day the point covers
    last: date
    offset: int  # where it ends in the text
    begin: int


def parse_timeplan(text: str | None, today: date | None = None) -> TimePlan:
    """Read a time-plan cell. Never raises; unknown text gives ``TimePlan(text, None, None, "okänd")``."""
    written = (text or "").strip()
    today = today or date.today()
    points = _points(written)
    start: _Point | None = None
    end: _Point | None = None
    if len(points) >= 2:
        start, end = points[0], points[-1]
        if end.first < start.first:
            start, end = end, start
    elif len(points) == 1:
        point = points[0]
        before, after = written[: point.begin], written[point.offset :]
        if _OPEN_END.match(after) or _START_WORD.search(before):
            start = point
        elif _END_WORD.search(before):
            end = point
        else:
            start = end = point
    return TimePlan(
        text=written,
        start=start.start if start else None,
        end=end.end if end else None,
        status=_status(written, start, end, today),
    )


def _status(text: str, start: _Point | None, end: _Point | None, today: date) -> Status:
    if _ONGOING.search(text):
        return "pågående"
    if _ENDED.search(text):
        return "avslutad"
    if _PLANNED.search(text):
        return "planerad"
    if start is not None and start.first > today:
        return "planerad"
    if end is not None and end.last < today:
        return "avslutad"
    if start is not None and start.first <= today:
        return "pågående"
    return "okänd"


def _points(text: str) -> list[_Point]:
    points: list[_Point] = []
    for match in _POINT.finditer(text):
        point = _point(match)
        if point is not None:
            points.extend(point)
    return points


def _point(match: re.Match[str]) -> list[_Point] | None:
    begin, offset = match.start(), match.end()
    if match.group("iso"):
        year, month, day = int(match.group("iy")), int(match.group("im")), int(match.group("id"))
        try:
            when = date(year, month, day)
        except ValueError:  # "2024-13-45": keep the year
            return [_Point(str(year), str(year), date(year, 1, 1), date(year, 12, 31), offset, begin)]
        iso = when.isoformat()
        return [_Point(iso, iso, when, when, offset, begin)]
    if match.group("quarter") or match.group("quarter2"):
        quarter = int(match.group("q") or match.group("q2"))
        year = int(match.group("qy") or match.group("qy2"))
        first_month, last_month = 3 * quarter - 2, 3 * quarter
        return [
            _Point(
                f"{year}-{first_month:02d}",
                f"{year}-{last_month:02d}",
                date(year, first_month, 1),
                _month_end(year, last_month),
                offset,
                begin,
            )
        ]
    if match.group("month"):
        year, month = int(match.group("my")), MONTHS[match.group("mn").lower()]
        iso = f"{year}-{month:02d}"
        return [_Point(iso, iso, date(year, month, 1), _month_end(year, month), offset, begin)]
    year = int(match.group("y"))
    first = _Point(str(year), str(year), date(year, 1, 1), date(year, 12, 31), offset, begin)
    short = match.group("y2")
    if short is None:
        return [first]
    # "2024-25": the second year written with two digits
    second_year = year // 100 * 100 + int(short)
    if second_year <= year:
        return [first]
    second = _Point(
        str(second_year), str(second_year), date(second_year, 1, 1), date(second_year, 12, 31), offset, begin
    )
    return [first, second]


def _month_end(year: int, month: int) -> date:
    if month == 12:
        return date(year, 12, 31)
    return date(year, month + 1, 1) - timedelta(days=1)
