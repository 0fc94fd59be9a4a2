"""Test fixtures: one real Neo4j for the whole session, a clean graph for every test.

The server is the project's own local Neo4j (the same launcher `projektdb db start` uses) on a free
port with a temporary data folder. Nothing is mocked.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from graph import schema
from graph.db import Graph
from graph.server import LocalNeo4j, free_port
from graph.settings import PROJECT_ROOT, Settings, load_settings

SAMPLE_DIR = PROJECT_ROOT / "sample_data"
FARDPLAN = SAMPLE_DIR / "001_f592cce8843fa616.txt"


DB_FIXTURES = frozenset({"neo4j_settings", "graph"})


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Mark every test that starts or uses the test Neo4j (directly or through another fixture) as
    ``db``, and every test that uses an ``app`` fixture (an AppTest) as ``app``: ``make test-fast``
    deselects them."""
    for item in items:
        used = set(getattr(item, "fixturenames", ()))
        if DB_FIXTURES & used:
            item.add_marker(pytest.mark.db)
        if "app" in used:
            item.add_marker(pytest.mark.app)


@pytest.fixture(scope="session", autouse=True)
def _no_external_database() -> None:
    """Tests use only the server they start: an external NEO4J_URI in the environment (a
    developer's or CI's) must never receive test writes, also not from CLI subprocesses."""
    for name in ("NEO4J_URI", "NEO4J_USER", "NEO4J_PASSWORD", "NEO4J_DATABASE"):
        os.environ.pop(name, None)


@pytest.fixture(scope="session")
def neo4j_settings(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Settings]:
    data_dir = tmp_path_factory.mktemp("neo4j-data")
    env = {"PROJEKTDB_DATA_DIR": str(data_dir), "PROJEKTDB_BOLT_PORT": str(free_port())}
    settings = load_settings(env)
    server = LocalNeo4j(settings, heap="1g", pagecache="128m")
    server.start()
    settings = load_settings(env)  # now with the generated password
    with Graph(settings) as graph:
        schema.migrate(graph)
    yield settings
    server.stop()


@pytest.fixture
def graph(neo4j_settings: Settings) -> Iterator[Graph]:
    """A connection to an empty graph (schema applied)."""
    with Graph(neo4j_settings) as connection:
        schema.reset(connection)
        yield connection


@pytest.fixture
def sample_dir() -> Path:
    return SAMPLE_DIR
