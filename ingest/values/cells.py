"""Numbers, genders and texts in value-file cells: read strictly, with Swedish reasons when not."""

from __future__ import annotations

import math
import re

from ingest.values.rows import Cell

_NUMBER = re.compile(r"-?\d+(?:\.\d+)?")
_SPACES = re.compile(r"[\s\u00a0\u202f\u2009]")
GENDERS = {"t": "T", "totalt": "T", "total": "T", "alla": "T", "k": "K", "kvinnor": "K", "m": "M", "män": "M"}


class CellError(ValueError):
    """``str(error)`` is the Swedish reason."""


def text(cell: Cell) -> str:
    if cell is None:
        return ""
    if isinstance(cell, float) and cell.is_integer():
        return str(int(cell))
    return " ".join(str(cell).split())


def parse_value(cell: Cell, unit: str) -> tuple[float, str]:
    """The value as a float and the unit; "12,5" and "1 234" are numbers, "12,5 %" is 12.5 with unit %."""
    if isinstance(cell, bool):
        raise CellError(f"värdet är inte ett tal: {cell!r}")
    if isinstance(cell, int | float):
        number = float(cell)
    else:
        written = text(cell)
        if not written:
            raise CellError("värde saknas")
        cleaned = _SPACES.sub("", written).replace("\u2212", "-")
        if cleaned.endswith("%"):
            if unit not in ("", "%"):
                raise CellError(f"värdet {written} är i procent men enheten är {unit}")
            cleaned, unit = cleaned[:-1], "%"
        if "," in cleaned and "." in cleaned:
            raise CellError(f"värdet är inte entydigt: {written} (både komma och punkt)")
        cleaned = cleaned.replace(",", ".")
        if not _NUMBER.fullmatch(cleaned):
            raise CellError(f"värdet är inte ett tal: {written}")
        number = float(cleaned)
    if not math.isfinite(number):
        raise CellError(f"värdet är inte ett ändligt tal: {cell}")
    return number, unit


def parse_gender(cell: Cell) -> str:
    written = text(cell)
    if not written:
        return "T"
    gender = GENDERS.get(written.casefold())
    if gender is None:
        raise CellError(f"okänt kön: {written} (skriv T, K eller M)")
    return gender
