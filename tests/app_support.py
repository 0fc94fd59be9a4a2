"""Shared by the app tests: the sample data loaded once, and the app's environment for a server."""

from __future__ import annotations

from graph import schema
from graph.analytics import refresh
from graph.db import Graph
from graph.settings import Settings
from ingest.pipeline import ingest_paths
from tests.conftest import SAMPLE_DIR


def load_sample(settings: Settings) -> None:
    """An empty graph with the five sample documents and what is derived from them."""
    with Graph(settings) as graph:
        schema.reset(graph)
        ingest_paths(graph, [SAMPLE_DIR])
        refresh.refresh(graph)


def app_env(settings: Settings) -> dict[str, str]:
    """Environment variables that point the app at the test server."""
    return {
        "NEO4J_URI": settings.uri,
        "NEO4J_USER": settings.user,
        "NEO4J_PASSWORD": settings.password or "",
        "NEO4J_DATABASE": settings.database,
    }
