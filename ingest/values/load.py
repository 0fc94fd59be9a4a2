"""Imports one value file: read, match, check, then write it in one transaction.

By default a file with any bad row imports nothing (the report names every bad row with its line);
with ``skip_invalid`` the good rows are imported and the bad ones reported. A value equal to the
current one changes nothing, so re-importing a file is a no-op; a value that differs becomes a new
version and the old one is kept, marked superseded with the date (never overwritten silently).
Equal means the same number and unit: the same figure from another source confirms, not changes.
"""

from __future__ import annotations

import hashlib
from dataclasses import asdict, dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from neo4j import ManagedTransaction

from graph.db import Graph, run
from ingest.values.measures import MeasureIndex
from ingest.values.read import read_value_file
from ingest.values.rows import RowProblem, ValueFileError
from ingest.values.validate import ValueRow, validate

BATCH_SIZE = 1000


@dataclass
class ValueChange:
    measure: str
    area: str
    period: str
    gender: str
    old: float
    new: float
    line: int


@dataclass
class ImportReport:
    file_name: str
    format: str = ""
    rows_read: int = 0
    matched: int = 0  # rows that passed every check
    created: int = 0  # values the graph did not have
    changed: int = 0  # values that got a new version
    unchanged: int = 0  # values the graph already had
    rejected: list[RowProblem] = field(default_factory=list)  # unmatched or bad, with reasons
    skipped: list[RowProblem] = field(default_factory=list)  # nothing to import (Kolada had no value)
    changes: list[ValueChange] = field(default_factory=list)
    imported: bool = False
    skip_invalid: bool = False
    error: str | None = None  # the whole file could not be read (Swedish)
    warnings: list[str] = field(default_factory=list)  # what was not read (hidden sheets), Swedish

    @property
    def unmatched(self) -> int:
        return len(self.rejected)

    @property
    def ok(self) -> bool:
        return self.imported and (self.skip_invalid or not self.rejected)

    def summary(self) -> str:
        """One Swedish sentence for the CLI and the app."""
        if self.error:
            return f"{self.file_name}: {self.error}"
        head = (
            f"{self.file_name}: {self.rows_read} rader lästa, {self.matched} matchade, {self.unmatched} fel"
        )
        if self.warnings:
            head = f"{head} ({' '.join(self.warnings)})"
        if not self.imported:
            return f"{head}. Inget importerades: rätta raderna eller importera med --skip-invalid."
        return (
            f"{head}. Importerat: {self.created} nya, {self.changed} ändrade (ny version), "
            f"{self.unchanged} oförändrade."
        )

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["unmatched"] = self.unmatched
        data["ok"] = self.ok
        return data


def import_values(
    graph: Graph, path: Path, skip_invalid: bool = False, recorded_at: str | None = None
) -> ImportReport:
    try:
        data = path.read_bytes()
    except OSError as error:
        return ImportReport(file_name=path.name, error=f"Filen kan inte läsas: {error.strerror}")
    return import_value_bytes(graph, data, path.name, skip_invalid, recorded_at)


def import_value_bytes(
    graph: Graph,
    data: bytes,
    file_name: str,
    skip_invalid: bool = False,
    recorded_at: str | None = None,
    today: date | None = None,
) -> ImportReport:
    """Import a file's bytes (an upload in the app, or a file from disk); one transaction."""
    report = ImportReport(file_name=file_name, skip_invalid=skip_invalid)
    try:
        read = read_value_file(data, file_name)
    except ValueFileError as error:
        report.error = error.message
        return report
    report.format = read.format
    report.skipped = read.skipped
    report.warnings = read.warnings
    report.rows_read = len(read.rows) + len(read.rejected) + len(read.skipped)
    at = recorded_at or datetime.now(UTC).isoformat(timespec="seconds")
    file_hash = hashlib.sha256(data).hexdigest()

    def work(tx: ManagedTransaction) -> None:
        # rerun from scratch when the driver retries the transaction
        measures = MeasureIndex(run(tx, "values/measures"))
        valid, rejected = validate(read.rows, measures, today)
        report.rejected = sorted([*read.rejected, *rejected], key=lambda p: (p.line, p.where))
        report.matched = len(valid)
        report.created = report.changed = report.unchanged = 0
        report.changes = []
        report.imported = False
        if report.rejected and not skip_invalid:
            return
        _write(tx, valid, report, file_name, file_hash, at)
        report.imported = True

    graph.run_write(work)
    return report


def _write(
    tx: ManagedTransaction,
    valid: list[ValueRow],
    report: ImportReport,
    file_name: str,
    file_hash: str,
    at: str,
) -> None:
    current: dict[str, dict[str, Any]] = {}
    for keys in _batches([row.key for row in valid]):
        for found in run(tx, "values/current", keys=keys):
            current[found["key"]] = found
    new_rows: list[dict[str, Any]] = []
    superseded: list[str] = []
    for row in valid:
        now = current.get(row.key)
        if now is not None and now["value"] == row.value and (now["unit"] or "") == row.unit:
            report.unchanged += 1
            continue
        version = 1 if now is None else now["version"] + 1
        if now is None:
            report.created += 1
        else:
            report.changed += 1
            superseded.append(now["id"])
            report.changes.append(
                ValueChange(
                    row.measure_name, row.area.name, row.period, row.gender, now["value"], row.value, row.line
                )
            )
        new_rows.append(_properties(row, version, file_name, file_hash, at))
    for ids in _batches(superseded):
        run(tx, "values/supersede", ids=ids, at=at)
    for rows in _batches(new_rows):
        run(tx, "values/create", rows=rows)


def _properties(row: ValueRow, version: int, file_name: str, file_hash: str, at: str) -> dict[str, Any]:
    return {
        "id": "value-" + hashlib.sha1(f"{row.key}|{version}".encode()).hexdigest()[:20],
        "key": row.key,
        "measure": row.measure_id,
        "area": row.area.name,
        "area_kind": row.area.kind,
        "area_code": row.area.code or None,
        "county": row.area.county,
        "period": row.period,
        "gender": row.gender,
        "value": row.value,
        "unit": row.unit or None,
        "source": row.source or None,
        "status": row.status or None,
        "kolada_kpi": row.kolada_kpi,
        "file": file_name,
        "file_sha256": file_hash,
        "line": row.line,
        "version": version,
        "recorded_at": at,
        "superseded": False,
    }


def _batches(items: list[Any], size: int = BATCH_SIZE) -> list[list[Any]]:
    return [items[i : i + size] for i in range(0, len(items), size)]
