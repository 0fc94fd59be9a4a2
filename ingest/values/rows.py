"""What value-file readers give: raw rows as written, with their place in the file, and problems."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

Cell = str | int | float | None
FileFormat = Literal["csv", "xlsx", "kolada-json", "kolada-csv"]


@dataclass(frozen=True)
class RawRow:
    """One value as the file wrote it; nothing is interpreted yet."""

    line: int  # line in the file (the header is line 1); for JSON the line of the entry
    where: str  # how the user finds it, in Swedish: "rad 5", "rad 3, post 2 (kön T)"
    measure: Cell  # a measure's name, id, or a mapped Kolada KPI id
    area: Cell  # a municipality, region, county or "Riket", by name or four-digit code
    period: Cell
    value: Cell
    unit: Cell = None
    source: Cell = None
    gender: Cell = None  # T (totalt), K, M; empty means T
    status: str = ""  # Kolada's status of the value, kept as written
    kolada: bool = False  # measure is a Kolada KPI id that must be mapped


@dataclass(frozen=True)
class RowProblem:
    line: int
    where: str
    reason: str  # Swedish, shown to the user as it is


@dataclass
class ReadResult:
    format: FileFormat
    rows: list[RawRow] = field(default_factory=list)
    skipped: list[RowProblem] = field(default_factory=list)  # read, but nothing to import (no value)
    rejected: list[RowProblem] = field(default_factory=list)  # malformed entries found while reading
    warnings: list[str] = field(default_factory=list)  # Swedish: what was not read (hidden sheets)


# One import reads at most this many values: more is refused with a reason, not read for minutes
# into one transaction until the database's memory runs out. A KPI for every municipality, 20
# years and three genders is about 17 400.
MAX_VALUE_ROWS = 100_000


def too_many_rows(count: int) -> str:
    return (
        f"Filen har {count:,} värden; högst {MAX_VALUE_ROWS:,} läses in i en import. "
        "Dela upp den i flera filer (till exempel per mått eller per år)."
    ).replace(",", "\u00a0")


class ValueFileError(Exception):
    """A file that cannot be read as a value file at all. ``message`` is Swedish."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message
