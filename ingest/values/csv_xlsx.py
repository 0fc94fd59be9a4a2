"""Statisticians' value sheets: CSV (any of ; , tab; UTF-8 or Windows-1252) and XLSX (first sheet).

The header row names the columns, in Swedish or English, in any order and case:
mått/measure, period/år, område/area/kommun, värde/value, and optionally enhet/unit, källa/source,
kön/gender. Every row keeps its line number in the file (the header is line 1).
"""

from __future__ import annotations

import csv
import io
from datetime import date, datetime

from domain.ids import name_key
from graph.workbook import WorkbookError, read_workbook
from ingest.values.rows import MAX_VALUE_ROWS, Cell, RawRow, ReadResult, ValueFileError, too_many_rows

Grid = list[tuple[int, list[Cell]]]  # (line number, cells), header first

COLUMNS: dict[str, tuple[str, ...]] = {
    "measure": ("mått", "matt", "measure", "måttnamn", "mått id", "measure id", "indikatormått"),
    "period": ("period", "år", "ar", "year", "tidsperiod"),
    "area": ("område", "omrade", "area", "kommun", "region", "geografi", "kommun region"),
    "value": ("värde", "varde", "value"),
    "unit": ("enhet", "unit"),
    "source": ("källa", "kalla", "source", "datakälla"),
    "gender": ("kön", "kon", "gender"),
}
REQUIRED = ("measure", "period", "area", "value")
FIELD_NAMES = {"measure": "mått", "period": "period", "area": "område", "value": "värde"}


def read_grid(data: bytes, file_name: str, warnings: list[str] | None = None) -> Grid:
    """The non-empty rows of a CSV or XLSX file with their line numbers. ``warnings`` gets what
    was not read (hidden sheets of a workbook), in Swedish."""
    if file_name.lower().endswith((".xlsx", ".xlsm")) or data[:2] == b"PK":
        return _xlsx_grid(data, warnings if warnings is not None else [])
    return _csv_grid(data)


def _csv_grid(data: bytes) -> Grid:
    text = _decode(data)
    first_line = text.split("\n", 1)[0]
    delimiter = max((";", ",", "\t"), key=first_line.count)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    grid: Grid = []
    line = 1
    for row in reader:
        if any(cell.strip() for cell in row):
            grid.append((line, list(row)))
            if len(grid) > MAX_VALUE_ROWS + 1:  # the header and the values: stop reading here
                raise ValueFileError(too_many_rows(_rows_in(text)))
        line = reader.line_num + 1
    return grid


def _rows_in(text: str) -> int:
    return text.count("\n") + (0 if text.endswith("\n") else 1) - 1


def _decode(data: bytes) -> str:
    # UTF-8 first; else Windows-1252, what Excel on a Swedish Windows saves CSV as
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise ValueFileError("Filen är varken text (CSV) eller ett Excel-ark (XLSX).")


def _xlsx_grid(data: bytes, warnings: list[str]) -> Grid:
    """The first visible sheet, read as shown (graph/workbook.py): formulas as their calculated
    values (refused without one), merged cells filled from their top-left cell."""
    try:
        workbook = read_workbook(data)
    except WorkbookError as error:
        raise ValueFileError(f"Excel-filen kan inte läsas: {error.message}") from error
    warnings.extend(workbook.warnings)
    if not workbook.sheets:
        raise ValueFileError("Excel-filen har inget synligt blad.")
    grid: Grid = []
    for number, row in workbook.sheets[0].rows:
        cells = [_xlsx_cell(cell) for cell in row]
        if any(cell not in (None, "") for cell in cells):
            grid.append((number, cells))
    if len(grid) > MAX_VALUE_ROWS + 1:
        raise ValueFileError(too_many_rows(len(grid) - 1))
    return grid


def _xlsx_cell(cell: object) -> Cell:
    if cell is None or isinstance(cell, str | int | float):
        return cell
    if isinstance(cell, datetime | date):
        return cell.isoformat()  # a date is no period: the period parser rejects it with a reason
    return str(cell)


def header_fields(header: list[Cell]) -> dict[str, int]:
    """Column index of each known field, by the header's names."""
    aliases = {name_key(alias): field for field, names in COLUMNS.items() for alias in names}
    found: dict[str, int] = {}
    for index, cell in enumerate(header):
        field = aliases.get(name_key(str(cell or "")))
        if field and field not in found:
            found[field] = index
    return found


def statistician_rows(grid: Grid) -> ReadResult:
    result = ReadResult(format="csv")
    if not grid:
        raise ValueFileError("Filen är tom.")
    _, header = grid[0]
    fields = header_fields(header)
    missing = [FIELD_NAMES[f] for f in REQUIRED if f not in fields]
    if missing:
        raise ValueFileError(
            f"Kolumner saknas i rubrikraden: {', '.join(missing)} "
            "(behövs: mått, period, område, värde; valfritt: enhet, källa, kön)."
        )
    for line, cells in grid[1:]:

        def cell(field: str, cells: list[Cell] = cells) -> Cell:
            index = fields.get(field)
            return cells[index] if index is not None and index < len(cells) else None

        result.rows.append(
            RawRow(
                line=line,
                where=f"rad {line}",
                measure=cell("measure"),
                area=cell("area"),
                period=cell("period"),
                value=cell("value"),
                unit=cell("unit"),
                source=cell("source"),
                gender=cell("gender"),
            )
        )
    return result
