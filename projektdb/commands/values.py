"""`projektdb import-values` and `projektdb map-kolada`: measure values in, Kolada KPIs mapped."""

from __future__ import annotations

import json
from pathlib import Path

import typer
from rich.table import Table

from projektdb.app import app, connect, console, fail, shown


@app.command("import-values")
def import_values(
    file: Path = typer.Argument(..., help="CSV, XLSX, or a Kolada JSON/CSV file."),
    skip_invalid: bool = typer.Option(
        False, "--skip-invalid", help="Import the valid rows and report the rest (default: all or nothing)."
    ),
    as_json: bool = typer.Option(False, "--json", help="Print the report as JSON."),
) -> None:
    """Import measure values; one transaction per file; a re-import changes nothing."""
    from ingest.values.load import import_values as run_import

    if not file.is_file():
        raise fail(f"no such file: {file}")
    with connect() as graph:
        report = run_import(graph, file, skip_invalid=skip_invalid)
    if as_json:
        console.print_json(json.dumps(report.to_dict(), ensure_ascii=False))
    else:
        console.print(report.summary())
        if report.rejected:
            table = Table(
                "rad",
                "var",
                "orsak",
                title="Rader som inte importerades" if not report.imported else "Avvisade rader",
            )
            for problem in report.rejected:
                table.add_row(str(problem.line), shown(problem.where), shown(problem.reason))
            console.print(table)
        if report.skipped:
            console.print(
                f"{len(report.skipped)} rader utan värde hoppades över (t.ex. {report.skipped[0].reason})."
            )
        for change in report.changes:
            what = f"{change.measure}, {change.area}, {change.period}"
            console.print(f"Ny version: {what}: {change.old:g} → {change.new:g}")
    if not report.ok:
        raise typer.Exit(1)


@app.command("map-kolada")
def map_kolada(
    measure: str = typer.Argument(..., help="The measure's id or name."),
    kpi: str = typer.Argument(..., help='Kolada KPI id, e.g. N00945; "-" removes the mapping.'),
) -> None:
    """Map a measure to a Kolada KPI id, so values in Kolada files land on it."""
    from ingest.values.mapping import MappingError, find_measure, map_measure_to_kolada

    with connect() as graph:
        try:
            found = find_measure(graph, measure)
            row = map_measure_to_kolada(graph, found["id"], None if kpi == "-" else kpi)
        except MappingError as error:
            raise fail(str(error)) from error
    if row["kolada_kpi"]:
        console.print(f"{row['name']} ({row['id']}) är kopplat till Kolada-KPI {row['kolada_kpi']}.")
    else:
        console.print(f"{row['name']} ({row['id']}) är inte längre kopplat till Kolada.")
