"""`projektdb backup`, `projektdb restore` and `projektdb loadtest`: operating the database."""

from __future__ import annotations

import json
from contextlib import ExitStack
from pathlib import Path

import typer

from projektdb.app import app, connect, console, fail


@app.command()
def backup(folder: Path = typer.Argument(..., help="A new folder for the backup.")) -> None:
    """Dump the whole graph to FOLDER (manifest.json + graph.jsonl); see docs/reliability.md."""
    from graph.backup import BackupError
    from graph.backup import backup as run_backup

    with connect(read_only=True) as graph:
        try:
            result = run_backup(graph, folder)
        except BackupError as error:
            raise fail(str(error)) from error
    console.print(
        f"Säkerhetskopia i {result.folder}: {result.nodes} noder, {result.relationships} relationer, "
        f"{result.bytes} byte (sha256 {result.sha256[:12]}…)."
    )


@app.command()
def restore(folder: Path = typer.Argument(..., help="A folder written by `projektdb backup`.")) -> None:
    """Restore a backup into an EMPTY database (run `projektdb db reset` first)."""
    from graph.backup import BackupError
    from graph.backup import restore as run_restore

    with connect() as graph:
        try:
            manifest = run_restore(graph, folder)
        except BackupError as error:
            raise fail(str(error)) from error
    console.print(
        f"Återställt från {folder}: {manifest['nodes']} noder, {manifest['relationships']} relationer "
        f"(säkerhetskopia från {manifest.get('created_at', '?')})."
    )


@app.command()
def loadtest(
    duration: float = typer.Option(20.0, "--duration", help="Seconds to run."),
    full: bool = typer.Option(False, "--full", help="The full run: 300 seconds (5 minutes)."),
    readers: int = typer.Option(25, "--readers", help="Concurrent reader sessions."),
    editors: int = typer.Option(2, "--editors", help="Concurrent editors writing."),
    current: bool = typer.Option(
        False,
        "--current",
        help="Load the configured database instead of a scratch copy (editors ADD generated documents).",
    ),
    from_backup: Path | None = typer.Option(
        None, "--from-backup", help="Fill the scratch database from this backup instead of sample_data/."
    ),
    app_url: str | None = typer.Option(
        None, "--app-url", help="With --current: a running app on loopback, e.g. http://127.0.0.1:8501."
    ),
    no_app: bool = typer.Option(False, "--no-app", help="Do not start and poll the app."),
    think: float = typer.Option(
        1.0, "--think", help="Seconds a reader looks at a page before the next (0.5–1.5x; 0: none)."
    ),
    output: Path | None = typer.Option(None, "-o", "--output", help="Also write the JSON report here."),
) -> None:
    """Readers and editors against the database and the app, on loopback, for a bounded time.

    By default a scratch Neo4j and a scratch app are started on free loopback ports and filled
    from sample_data/ (or --from-backup), so real data is never touched. Exit code 1 on any error.
    """
    from graph.db import Graph
    from projektdb.loadtest import LoadTestError, local_app, run_load, scratch_database

    seconds = 300.0 if full else duration
    try:
        with ExitStack() as stack:
            if current:
                graph = stack.enter_context(connect())
                url = None if no_app else app_url
            else:
                with console.status("Startar en tillfällig databas och app ..."):
                    settings = stack.enter_context(scratch_database(backup=from_backup))
                    graph = stack.enter_context(Graph(settings))
                    url = None if no_app else stack.enter_context(local_app(settings))
            report = run_load(graph, seconds, readers, editors, app_url=url, think_s=think)
    except LoadTestError as error:
        raise fail(str(error)) from error
    text = json.dumps(report, ensure_ascii=False, indent=1)
    if output:
        output.write_text(text + "\n", encoding="utf-8")
    console.print_json(text)
    if report["errors"]:
        raise typer.Exit(1)
