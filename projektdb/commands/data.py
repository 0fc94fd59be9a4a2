"""`projektdb ingest` and `projektdb export`: documents in, the graph out."""

from __future__ import annotations

import json
from pathlib import Path

import typer
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from domain import titles
from graph import export as graph_export
from graph import schema
from projektdb.app import app, connect, console, err, fail, shown


@app.command()
def ingest(
    paths: list[Path] = typer.Argument(..., help="Files or folders (PDF, DOCX, TXT, MD)."),
    reset: bool = typer.Option(False, "--reset", help="Empty the database first."),
    force: bool = typer.Option(False, "--force", help="Re-extract files that are already in the graph."),
    as_json: bool = typer.Option(False, "--json", help="Print the reports as JSON."),
) -> None:
    """Read documents into the graph: one transaction per document; a re-ingest changes nothing."""
    from service.ingest import expand, ingest_files

    files = expand(paths)
    missing = [str(p) for p in files if not p.exists()]
    if missing:
        raise fail(f"no such file: {', '.join(missing)}")
    with connect() as graph:
        if reset:
            schema.reset(graph)
        with Progress(
            TextColumn("{task.description}"),
            BarColumn(),
            MofNCompleteColumn(),
            TimeElapsedColumn(),
            console=err,
            disable=as_json,
        ) as progress:
            task = progress.add_task("Ingesting", total=len(files))
            reports = ingest_files(
                graph,
                files,
                force=force,
                on_start=lambda path: progress.update(task, description=f"Ingesting {path.name}"),
                on_done=lambda report: progress.advance(task),
                on_refresh=lambda: progress.update(
                    task, description="Updating related initiatives and search terms"
                ),
            )
    if as_json:
        console.print_json(json.dumps([r.__dict__ for r in reports], ensure_ascii=False))
    else:
        _print_reports(reports)
    if not all(r.ok for r in reports):
        raise typer.Exit(1)


def _print_reports(reports: list) -> None:
    table = Table("file", "status", "kind", "county", "found", "notes")
    for r in reports:
        found = ", ".join(f"{k} {v}" for k, v in sorted(r.counts.items()))
        notes = r.error or "; ".join(r.warnings)
        status = titles.INGEST_STATUS_TITLES.get(r.status, str(r.status))
        table.add_row(
            shown(r.file_name), status, shown(r.kind or ""), shown(r.county or ""), found, shown(notes)
        )
    console.print(table)


@app.command()
def export(
    output: Path = typer.Option(..., "-o", "--output", metavar="FILE", help="File to write."),
    format: str = typer.Option(
        "json", "--format", metavar="json|xlsx", help="json or xlsx (the workbook in docs/maintenance.md)"
    ),
) -> None:
    """Export every node and relationship with provenance (stable, sorted JSON, or an Excel workbook)."""
    if format == "xlsx":
        from projektdb.commands.maintain import export_xlsx

        export_xlsx(output)
        return
    if format != "json":
        raise fail(f"unknown format {format!r}: use json or xlsx")
    with connect(read_only=True) as graph:
        size = graph_export.write_json(graph, output)
    console.print(f"Wrote {output} ({size} bytes).")
