"""Read an Excel workbook as the person who made it sees it, for every import of spreadsheets
(graph/maintain/excel.py, ingest/values/csv_xlsx.py).

- hidden sheets are not read, and a warning says so;
- a formula is read as the value Excel calculated and stored with it; a formula without one (a
  workbook saved by a program that does not calculate) is refused, never read as empty;
- every cell of a merged range holds the range's top-left value, as the reader sees it;
- rows keep their row number, so messages can point at them.
"""

from __future__ import annotations

import io
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, BinaryIO

from openpyxl import load_workbook

# What one import reads at most: larger files are refused with a reason, not read for minutes
# until memory runs out (a full Excel sheet has 1 048 576 rows).
MAX_WORKBOOK_BYTES = 30 * 1024 * 1024
MAX_SHEET_ROWS = 200_000
MAX_MERGED_CELLS = 1_000_000


class WorkbookError(ValueError):
    """A workbook that cannot be read faithfully; ``message`` is Swedish."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


@dataclass
class Sheet:
    title: str
    rows: list[tuple[int, list[Any]]]  # (row number, values), every row of the sheet


@dataclass
class Sheets:
    sheets: list[Sheet]  # the visible sheets, in workbook order
    warnings: list[str] = field(default_factory=list)
    hidden: list[Sheet] = field(default_factory=list)  # read only with read_hidden=True

    def hidden_sheet(self, title: str) -> Sheet | None:
        return next((s for s in self.hidden if s.title == title), None)

    def get(self, title: str) -> Sheet | None:
        return next((s for s in self.sheets if s.title == title), None)


def read_workbook(source: Path | BinaryIO | bytes, read_hidden: bool = False) -> Sheets:
    """Raises WorkbookError for a file that is no workbook or has an uncalculated formula.
    With ``read_hidden`` the hidden sheets are read too, into ``hidden`` and without a warning:
    the caller decides which of them it knows (the Excel import's own technical sheets)."""
    data = source if isinstance(source, bytes) else _bytes(source)
    if len(data) > MAX_WORKBOOK_BYTES:
        raise WorkbookError(
            f"Arbetsboken är {len(data) // (1024 * 1024)} MB; högst {MAX_WORKBOOK_BYTES // (1024 * 1024)} MB "
            "läses in. Dela upp den i flera filer."
        )
    try:
        formulas = load_workbook(io.BytesIO(data), data_only=False)
    except Exception as error:  # openpyxl raises many kinds for a file that is not a workbook
        raise WorkbookError(f"Filen kan inte läsas som en Excel-arbetsbok: {error}") from error
    cached = None  # the stored results, read only when a formula is found
    result = Sheets([])
    for sheet in formulas.worksheets:
        visible = sheet.sheet_state == "visible"
        if not visible and not read_hidden:
            result.warnings.append(hidden_warning(sheet.title))
            continue
        if sheet.max_row > MAX_SHEET_ROWS:
            raise WorkbookError(
                f"Bladet {sheet.title} har {_count(sheet.max_row)} rader; högst {_count(MAX_SHEET_ROWS)} "
                "läses in. Dela upp det i flera filer."
            )
        spans = sum(
            (rng.max_row - rng.min_row + 1) * (rng.max_col - rng.min_col + 1)
            for rng in sheet.merged_cells.ranges
        )
        if spans > MAX_MERGED_CELLS:
            raise WorkbookError(
                f"Bladet {sheet.title} har sammanfogade områden över {_count(spans)} celler; högst "
                f"{_count(MAX_MERGED_CELLS)} läses in."
            )
        merged = {
            (row, column): (rng.min_row, rng.min_col)
            for rng in sheet.merged_cells.ranges
            for row in range(rng.min_row, rng.max_row + 1)
            for column in range(rng.min_col, rng.max_col + 1)
            if (row, column) != (rng.min_row, rng.min_col)
        }
        values: dict[tuple[int, int], Any] = {}
        rows: list[tuple[int, list[Any]]] = []
        for number, cells in enumerate(sheet.iter_rows(min_row=1, min_col=1), start=1):
            row_values = []
            for column, cell in enumerate(cells, start=1):
                value = cell.value
                if cell.data_type == "f":
                    if cached is None:
                        cached = load_workbook(io.BytesIO(data), data_only=True)
                    value = cached[sheet.title].cell(number, column).value
                    if value is None:
                        raise WorkbookError(
                            f"Bladet {sheet.title}, cell {cell.coordinate}: formeln "
                            f"{_formula(cell.value)} har inget beräknat värde (arbetsboken sparades av "
                            "ett program som inte räknar). "
                            "Öppna och spara den i Excel, eller skriv in värdet i stället för formeln."
                        )
                values[(number, column)] = value
                row_values.append(value)
            rows.append((number, row_values))
        for (row, column), (top, left) in merged.items():
            if row <= len(rows) and column <= len(rows[row - 1][1]):
                rows[row - 1][1][column - 1] = values.get((top, left))
        (result.sheets if visible else result.hidden).append(Sheet(sheet.title, rows))
    return result


def hidden_warning(title: str) -> str:
    return f"Bladet {title} är dolt och lästes inte in."


def _formula(value: Any) -> str:
    text = getattr(value, "text", value)  # an array formula keeps its text in .text
    return str(text)


def _bytes(source: Path | BinaryIO) -> bytes:
    if isinstance(source, Path | str):
        return Path(source).read_bytes()
    if source.seekable():  # an upload read before (a preview) is read from its start
        source.seek(0)
    return source.read()


def _count(number: int) -> str:
    """A count as Swedish writes it: 1 048 576 (a non-breaking space between the thousands)."""
    return f"{number:,}".replace(",", "\u00a0")
