"""Files in Kolada's export formats (Kolada: RKA's open database of municipal key figures).

JSON, as the API (v2 and v3) answers ``/data/kpi/{kpi}/municipality/{id}/year/{years}``::

    {"count": 1, "values": [{"kpi": "N00945", "municipality": "0484", "period": 2022,
                             "values": [{"gender": "T", "status": "", "value": 12.3, "count": 1}]}]}

CSV, the same data one value a row (as Kolada's flat downloads and clients such as rKolada give
it): columns kpi, municipality_id (or municipality as a code), period (or year), gender, value,
and optionally status and count. Areas are Kolada's ids: kommunkod, "00" + länskod for a region,
"0000" for riket. A value Kolada does not have (null) is skipped with its status, not rejected.
"""

from __future__ import annotations

import json
import re
from typing import Any

from ingest.values.cells import text
from ingest.values.csv_xlsx import Grid
from ingest.values.rows import (
    MAX_VALUE_ROWS,
    Cell,
    RawRow,
    ReadResult,
    RowProblem,
    ValueFileError,
    too_many_rows,
)

SOURCE = "Kolada"
_ENTRY_KEY = re.compile(r'"kpi"\s*:')
_GENDER_KEY = re.compile(r'"gender"\s*:')


def is_kolada_header(header: list[Cell]) -> bool:
    names = {text(cell).casefold() for cell in header}
    return {"kpi", "value"} <= names and bool({"municipality_id", "municipality"} & names)


def read_json(data: bytes) -> ReadResult:
    try:
        raw = data.decode("utf-8-sig")
        document = json.loads(raw)
    except json.JSONDecodeError as error:
        raise ValueFileError(f"Filen är inte giltig JSON: {error}") from error
    except UnicodeDecodeError as error:
        raise ValueFileError("Filen är inte giltig JSON: den är inte text i UTF-8.") from error
    except RecursionError as error:
        raise ValueFileError("Filen är inte i Koladas format: den är nästlad i för många nivåer.") from error
    except ValueError as error:  # a number of more than 4 300 digits (Python's limit)
        raise ValueFileError(
            "Filen är inte i Koladas format: den har ett tal med orimligt många siffror."
        ) from error
    entries = document.get("values") if isinstance(document, dict) else None
    if not isinstance(entries, list):
        raise ValueFileError('Filen är inte i Koladas format: listan "values" saknas.')
    values = sum(
        len(e["values"]) for e in entries if isinstance(e, dict) and isinstance(e.get("values"), list)
    )
    if values > MAX_VALUE_ROWS:
        raise ValueFileError(too_many_rows(values))
    result = ReadResult(format="kolada-json")
    starts = _entry_starts(raw, len(entries))
    for number, entry in enumerate(entries, start=1):
        start, end = starts[number - 1] if starts else (0, len(raw))
        line = raw.count("\n", 0, start) + 1
        _read_entry(entry, number, line, raw[start:end], raw.count("\n", 0, start), result)
    return result


def _entry_starts(raw: str, count: int) -> list[tuple[int, int]]:
    """Where each entry's text begins and ends, so rows get real line numbers (when it is unambiguous)."""
    positions = [m.start() for m in _ENTRY_KEY.finditer(raw)]
    if len(positions) != count:
        return []
    return list(zip(positions, [*positions[1:], len(raw)], strict=True))


def _read_entry(
    entry: Any, number: int, line: int, entry_text: str, lines_before: int, result: ReadResult
) -> None:
    where = f"rad {line}, post {number}"
    if not isinstance(entry, dict) or not isinstance(entry.get("values"), list):
        result.rejected.append(RowProblem(line, where, "posten saknar värden (values)"))
        return
    if "municipality" not in entry:
        reason = "organisationsenheter (ou) stöds inte" if "ou" in entry else "posten saknar municipality"
        result.rejected.append(RowProblem(line, where, reason))
        return
    genders = [m.start() for m in _GENDER_KEY.finditer(entry_text)]
    for index, item in enumerate(entry["values"]):
        item_line = line
        if len(genders) == len(entry["values"]):
            item_line = lines_before + entry_text.count("\n", 0, genders[index]) + 1
        if not isinstance(item, dict):
            result.rejected.append(RowProblem(item_line, where, "värdet är inte ett objekt"))
            continue
        gender = text(item.get("gender")) or "T"
        _add(
            result,
            line=item_line,
            where=f"rad {item_line}, post {number} (kön {gender})",
            kpi=entry.get("kpi"),
            area=entry.get("municipality"),
            period=entry.get("period"),
            gender=gender,
            value=item.get("value"),
            status=text(item.get("status")),
        )


def kolada_table_rows(grid: Grid) -> ReadResult:
    result = ReadResult(format="kolada-csv")
    _, header = grid[0]
    columns = {text(cell).casefold(): index for index, cell in enumerate(header)}
    area_column = "municipality_id" if "municipality_id" in columns else "municipality"
    period_column = "period" if "period" in columns else "year"
    if period_column not in columns:
        raise ValueFileError("Kolumnen period (eller year) saknas i Kolada-filen.")
    for line, cells in grid[1:]:

        def cell(name: str, cells: list[Cell] = cells) -> Cell:
            index = columns.get(name)
            return cells[index] if index is not None and index < len(cells) else None

        gender = text(cell("gender")) or "T"
        _add(
            result,
            line=line,
            where=f"rad {line}",
            kpi=cell("kpi"),
            area=cell(area_column),
            period=cell(period_column),
            gender=gender,
            value=cell("value"),
            status=text(cell("status")),
        )
    return result


def _add(
    result: ReadResult,
    *,
    line: int,
    where: str,
    kpi: Any,
    area: Any,
    period: Any,
    gender: str,
    value: Any,
    status: str,
) -> None:
    if value is None or (isinstance(value, str) and not value.strip()):
        why = f"värde saknas i Kolada{f' (status {status})' if status else ''}"
        result.skipped.append(RowProblem(line, where, why))
        return
    result.rows.append(
        RawRow(
            line=line,
            where=where,
            measure=text(kpi).upper(),
            area=text(area) if isinstance(area, str) else area,
            period=period,
            value=value,
            source=SOURCE,
            gender=gender,
            status=status,
            kolada=True,
        )
    )
