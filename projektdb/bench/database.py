"""A fresh, empty database for each benchmark size: a dedicated local Neo4j on a free port."""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from graph import schema
from graph.db import Graph
from graph.server import LocalNeo4j, free_port
from graph.settings import Settings, load_settings


@contextmanager
def dedicated(heap: str, pagecache: str, keep: Path | None = None) -> Iterator[Settings]:
    """Start a Neo4j with its own temporary data folder; stop it and delete the folder afterwards."""
    folder = Path(tempfile.mkdtemp(prefix="projektdb-bench-"))
    env = {"PROJEKTDB_DATA_DIR": str(folder), "PROJEKTDB_BOLT_PORT": str(free_port())}
    server = LocalNeo4j(load_settings(env), heap=heap, pagecache=pagecache)
    server.start()
    try:
        settings = load_settings(env)  # with the password the first start generated
        with Graph(settings) as graph:
            schema.migrate(graph)
        yield settings
    finally:
        server.stop()
        if keep is None:
            shutil.rmtree(folder, ignore_errors=True)


@contextmanager
def configured() -> Iterator[Settings]:
    """The configured database (NEO4J_URI or the running local one), emptied first."""
    settings = load_settings()
    with Graph(settings) as graph:
        graph.verify()
        schema.migrate(graph)
        schema.reset(graph)
    yield settings
