"""How commands print results: JSON for scripts (``--json``), a Rich table for people."""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Mapping, Sequence
from enum import Enum
from typing import Any

import typer
from rich.table import Table
from rich.text import Text

from projektdb.app import console, shown

JSON_OPTION = typer.Option(False, "--json", help="Print JSON.")


def present(rows: Sequence[Mapping[str, Any]], columns: Sequence[str]) -> list[str]:
    """The columns the rows have (all of them when there are no rows): a table shows no empty column
    for a key a query does not return."""
    return [c for c in columns if not rows or c in rows[0]]


def jsonable(value: Any) -> Any:
    """The service's results (rows, dataclasses, enums, tuples, dates) as plain JSON values."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: jsonable(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, Mapping):
        return {str(k): jsonable(v) for k, v in value.items()}
    if isinstance(value, (list, tuple, set, frozenset)):
        return [jsonable(v) for v in value]
    if isinstance(value, bytes):
        return value.decode("utf-8")
    return value


def print_json(data: Any) -> None:
    console.print_json(json.dumps(jsonable(data), ensure_ascii=False, default=str))


def print_table(title: str, rows: Sequence[Mapping[str, Any]], columns: Sequence[str]) -> None:
    table = Table(*columns, title=f"{title} ({len(rows)})")
    for row in rows:
        table.add_row(*(cell(row.get(c)) for c in columns))
    console.print(table)


def cell(value: Any) -> Text:
    """One value in a table cell: lists joined, related nodes by name, nothing for None."""
    if isinstance(value, (list, tuple)):
        return shown("; ".join(_named(v) for v in value))
    return shown(_named(value))


def _named(value: Any) -> str:
    if isinstance(value, Mapping):
        return str(value.get("name") or value.get("title") or value.get("id") or "")
    return "" if value is None else str(value)
