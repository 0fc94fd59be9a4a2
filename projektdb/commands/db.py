"""`projektdb db ...`: the database's lifecycle and schema."""

from __future__ import annotations

import json
import time

import typer

from graph import schema
from graph.analytics import refresh
from graph.server import LocalNeo4j, ServerError
from graph.settings import load_settings
from projektdb.app import connect, console, db_app, fail


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
        if refresh.is_stale(graph):
            with console.status("Härledda data är inaktuella (en avbruten inläsning?): räknar om ..."):
                refresh.refresh(graph)
            console.print("Härledda data (relaterade projekt, grupper, sökord) är omräknade.")


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
