"""The `projektdb` command line: the same functions the app uses, for scripts and maintainers."""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from graph import export as graph_export
from graph import schema
from graph.db import DatabaseUnavailable, Graph
from graph.server import LocalNeo4j, ServerError
from graph.settings import load_settings

app = typer.Typer(help="Projektdatabas Nära vård: a knowledge graph of Nära vård work.", no_args_is_help=True)
db_app = typer.Typer(help="The database: start, stop, status, migrate, reset.", no_args_is_help=True)
app.add_typer(db_app, name="db")
console = Console()
err = Console(stderr=True)


def fail(message: str, code: int = 1) -> typer.Exit:
    err.print(f"[red]error:[/red] {message}")
    return typer.Exit(code)


def connect(read_only: bool = False) -> Graph:
    settings = load_settings()
    if settings.local and not LocalNeo4j(settings).state().running:
        raise fail("the local Neo4j is not running: start it with `projektdb db start`.")
    try:
        graph = Graph(settings, read_only=read_only)
        graph.verify()
    except DatabaseUnavailable as error:
        raise fail(str(error)) from error
    return graph


# --- db -------------------------------------------------------------------------------------------


@db_app.command("start")
def db_start() -> None:
    """Start the local Neo4j (fetched from Maven Central on first use) and apply the schema."""
    settings = load_settings()
    if not settings.local:
        console.print(f"NEO4J_URI is set: using {settings.uri}, nothing local is started.")
    else:
        server = LocalNeo4j(settings)
        began = time.monotonic()
        try:
            with console.status("Fetching Neo4j (first time only) and starting it ..."):
                state = server.start()
        except ServerError as error:
            raise fail(str(error)) from error
        console.print(
            f"Neo4j is running: pid {state.pid}, bolt://127.0.0.1:{state.port} "
            f"({time.monotonic() - began:.1f} s). Data: {settings.neo4j_home}"
        )
    with connect() as graph:
        applied = schema.migrate(graph)
        if applied:
            console.print(f"Schema: applied {', '.join(applied)}")


@db_app.command("stop")
def db_stop() -> None:
    """Shut the local Neo4j down cleanly."""
    settings = load_settings()
    if not settings.local:
        raise fail("NEO4J_URI is set: the external server is not ours to stop.")
    with console.status("Stopping Neo4j ..."):
        stopped = LocalNeo4j(settings).stop()
    console.print("Neo4j stopped." if stopped else "Neo4j was not running.")


@db_app.command("status")
def db_status(as_json: bool = typer.Option(False, "--json", help="Print JSON.")) -> None:
    """Server version, schema version and node/relationship counts."""
    with connect(read_only=True) as graph:
        counts = graph.read_one("admin/counts") or {}
        labels = {row["label"]: row["count"] for row in graph.read("admin/label_counts")}
        status = {
            "uri": graph.settings.uri,
            "database": graph.database,
            "local": graph.settings.local,
            "server_version": graph.server_version(),
            "schema_version": (graph.read_one("admin/schema_version") or {}).get("version"),
            "nodes": counts.get("nodes", 0),
            "relationships": counts.get("relationships", 0),
            "labels": labels,
        }
    if as_json:
        console.print_json(json.dumps(status, ensure_ascii=False))
        return
    console.print(f"Neo4j {status['server_version']} at {status['uri']} (database {status['database']})")
    console.print(f"schema version {status['schema_version']}")
    console.print(f"{status['nodes']} nodes, {status['relationships']} relationships")
    for label, count in labels.items():
        console.print(f"  {label}: {count}")


@db_app.command("migrate")
def db_migrate() -> None:
    """Apply the schema files in cypher/schema/ that are not applied yet."""
    with connect() as graph:
        applied = schema.migrate(graph)
    console.print(f"Applied: {', '.join(applied)}" if applied else "Schema is up to date.")


@db_app.command("reset")
def db_reset(yes: bool = typer.Option(False, "--yes", help="Do not ask.")) -> None:
    """Delete every node and relationship."""
    with connect() as graph:
        if not yes and not typer.confirm(f"Delete everything in {graph.settings.uri} ({graph.database})?"):
            raise typer.Exit(1)
        deleted = schema.reset(graph)
    console.print(f"Deleted {deleted} nodes.")


# --- ingest and export ----------------------------------------------------------------------------


@app.command()
def ingest(
    paths: list[Path] = typer.Argument(..., help="Files or folders (PDF, DOCX, TXT, MD)."),
    reset: bool = typer.Option(False, "--reset", help="Empty the database first."),
    force: bool = typer.Option(False, "--force", help="Re-extract files that are already in the graph."),
    as_json: bool = typer.Option(False, "--json", help="Print the reports as JSON."),
) -> None:
    """Read documents into the graph: one transaction per document; a re-ingest changes nothing."""
    from ingest.pipeline import IngestReport, expand, ingest_file

    files = expand(paths)
    missing = [str(p) for p in files if not p.exists()]
    if missing:
        raise fail(f"no such file: {', '.join(missing)}")
    reports: list[IngestReport] = []
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
            for path in files:
                progress.update(task, description=f"Ingesting {path.name}")
                reports.append(ingest_file(graph, path, force=force))
                progress.advance(task)
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
        table.add_row(r.file_name, r.status, r.kind or "", r.county or "", found, notes)
    console.print(table)


@app.command()
def export(
    output: Path = typer.Option(..., "-o", "--output", help="File to write."),
    format: str = typer.Option("json", "--format", help="json"),
) -> None:
    """Export every node and relationship with provenance (stable, sorted JSON)."""
    if format != "json":
        raise fail(f"unknown format {format!r}: use json")
    with connect(read_only=True) as graph:
        size = graph_export.write_json(graph, output)
    console.print(f"Wrote {output} ({size} bytes).")


def main() -> None:  # pragma: no cover - entry point
    app()


if __name__ == "__main__":  # pragma: no cover
    sys.exit(app())
