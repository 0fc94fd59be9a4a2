"""Shared by the app tests: the sample data loaded once, the app's environment, and AppTest helpers."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest

from graph import schema
from graph.analytics import refresh
from graph.db import Graph
from graph.settings import PROJECT_ROOT, Settings
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


TIMEOUT_S = 120


def fresh_app(settings: Settings, monkeypatch: pytest.MonkeyPatch) -> Iterator[AppTest]:
    """The whole app (streamlit_app.py) pointed at ``settings``, with the app's caches emptied."""
    for key, value in app_env(settings).items():
        monkeypatch.setenv(key, value)
    st.cache_data.clear()
    st.cache_resource.clear()
    yield AppTest.from_file(str(PROJECT_ROOT / "streamlit_app.py"), default_timeout=TIMEOUT_S)
    st.cache_data.clear()
    st.cache_resource.clear()


def open_page(at: AppTest, page: str, **params: str) -> AppTest:
    """Run the app, switch to ``ui/pages/<page>.py`` with query parameters; no exception allowed."""
    at.run()
    at.switch_page(f"ui/pages/{page}.py")
    for key, value in params.items():
        at.query_params[key] = value
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def text_of(at: AppTest) -> str:
    """The page's readable text: markdown, captions, titles, headers and expander labels."""
    parts = [m.value for m in at.markdown] + [c.value for c in at.caption] + [t.value for t in at.title]
    parts += [h.value for h in at.header] + [h.value for h in at.subheader] + [e.label for e in at.expander]
    return "\n".join(str(p) for p in parts)
