"""Reads any value file into raw rows: picks the format from the name and the header."""

from __future__ import annotations

from ingest.values import csv_xlsx, kolada
from ingest.values.rows import ReadResult, ValueFileError

SUFFIXES = (".csv", ".txt", ".tsv", ".xlsx", ".xlsm", ".json")


def read_value_file(data: bytes, file_name: str) -> ReadResult:
    lower = file_name.lower()
    if not lower.endswith(SUFFIXES):
        raise ValueFileError(f"Okänd filtyp: {file_name} (läs in CSV, XLSX eller Koladas JSON).")
    if lower.endswith(".json"):
        return kolada.read_json(data)
    warnings: list[str] = []
    grid = csv_xlsx.read_grid(data, file_name, warnings)
    if not grid:
        raise ValueFileError("Filen är tom.")
    if kolada.is_kolada_header(grid[0][1]):
        result = kolada.kolada_table_rows(grid)
    else:
        result = csv_xlsx.statistician_rows(grid)
        result.format = "xlsx" if lower.endswith((".xlsx", ".xlsm")) else "csv"
    result.warnings = warnings
    return result
