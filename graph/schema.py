"""Schema as code: the files in cypher/schema/, applied in order, each once.

Every statement uses IF NOT EXISTS, and each applied file is recorded as a (:Migration) node, so
``migrate`` applies only what is missing and running it twice changes nothing.
"""

from __future__ import annotations

from graph import cypher
from graph.db import Graph


def migrations() -> list[str]:
    return cypher.names("schema")


def schema_version() -> int:
    return len(migrations())


def applied(graph: Graph) -> list[str]:
    return [row["name"] for row in graph.read("admin/applied_migrations")]


def migrate(graph: Graph) -> list[str]:
    """Apply the migrations not yet recorded; return their names."""
    done = set(applied(graph))
    missing = [name for name in migrations() if name not in done]
    for name in missing:
        # schema statements cannot share a transaction with data writes: one auto-commit each
        with graph.session(read=False) as session:
            for statement in cypher.statements(name):
                session.run(statement).consume()
        graph.write("admin/record_migration", name=name, version=schema_version())
    if missing:
        graph.write("admin/await_indexes", seconds=300)
    return missing


def reset(graph: Graph, batch: int = 10_000) -> int:
    """Delete every node and relationship of the graph; the schema stays."""
    deleted = 0
    while True:
        count = graph.write("admin/delete_batch", batch=batch)[0]["deleted"]
        deleted += count
        if count < batch:
            break
    return deleted
