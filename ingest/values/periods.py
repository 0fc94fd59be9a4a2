"""Periods of measure values: a year, a month, a quarter, a tertial or a half year, never a guess.

Normalised forms ("2022", "2022-03", "2022-H1", "2022-Q1", "2022-T1") sort in time order as
strings within one granularity.
"""

from __future__ import annotations

import re
from datetime import date

FIRST_YEAR = 1900

_YEAR = re.compile(r"(\d{4})")
_MONTH = re.compile(r"(\d{4})-(\d{1,2})")
# "2022-Q1", "2022 Q1", "2022Q1", "Q1 2022", "2022 K1" (kvartal), "T1 2022" (tertial), "2022 H1" (halvår)
_PART_AFTER = re.compile(r"(\d{4})\s*[-/ ]?\s*([QKTH])\s*(\d)", re.IGNORECASE)
_PART_BEFORE = re.compile(r"([QKTH])\s*(\d)\s*[-/ ]?\s*(\d{4})", re.IGNORECASE)
_PART_MAX = {"Q": 4, "T": 3, "H": 2}
_PART_FIRST_MONTH = {"Q": 3, "T": 4, "H": 6}  # months per part


class PeriodError(ValueError):
    """``str(error)`` is the Swedish reason."""


def parse_period(cell: str | int | float | None, today: date | None = None) -> str:
    """The normalised period, or PeriodError with the reason in Swedish."""
    today = today or date.today()
    if cell is None or (isinstance(cell, str) and not cell.strip()):
        raise PeriodError("period saknas")
    if isinstance(cell, bool):
        raise PeriodError(f"okänd period: {cell!r}")
    if isinstance(cell, float):
        if not cell.is_integer():
            raise PeriodError(f"okänd period: {cell}")
        cell = int(cell)
    text = str(cell).strip()
    if match := _YEAR.fullmatch(text):
        return _checked(int(match.group(1)), 1, text, today, text)
    if match := _MONTH.fullmatch(text):
        year, month = int(match.group(1)), int(match.group(2))
        if not 1 <= month <= 12:
            raise PeriodError(f"omöjlig period: {text} (månad {month} finns inte)")
        return _checked(year, month, f"{year}-{month:02d}", today, text)
    found = _PART_AFTER.fullmatch(text)
    if found:
        year, kind, number = int(found.group(1)), found.group(2).upper(), int(found.group(3))
    elif found := _PART_BEFORE.fullmatch(text):
        kind, number, year = found.group(1).upper(), int(found.group(2)), int(found.group(3))
    else:
        raise PeriodError(
            f"okänd period: {text} (skriv år 2022, månad 2022-03, kvartal 2022-Q1, tertial 2022-T1 "
            "eller halvår 2022-H1)"
        )
    kind = "Q" if kind == "K" else kind
    if not 1 <= number <= _PART_MAX[kind]:
        raise PeriodError(f"omöjlig period: {text} ({_part_name(kind)} {number} finns inte)")
    months = _PART_FIRST_MONTH[kind]
    first_month = (number - 1) * months + 1
    return _checked(year, first_month, f"{year}-{kind}{number}", today, text)


def _checked(year: int, first_month: int, normal: str, today: date, text: str) -> str:
    """A period may be reported once it has begun (preliminära värden), never before."""
    if year < FIRST_YEAR:
        raise PeriodError(f"omöjlig period: {text} (före {FIRST_YEAR})")
    if (year, first_month) > (today.year, today.month):
        raise PeriodError(f"omöjlig period: {text} ligger i framtiden")
    return normal


def _part_name(kind: str) -> str:
    return {"Q": "kvartal", "T": "tertial", "H": "halvår"}[kind]
