"""The app's one way to the database: a cached connection and cached query results.

Pages call these functions, never the driver. ``clear()`` after every write.
"""

from __future__ import annotations

from typing import Any

import streamlit as st

from graph import queries
from graph.db import DatabaseUnavailable, Graph

CACHE_TTL_S = 300


@st.cache_resource(show_spinner=False)
def connection() -> Graph:
    graph = Graph()
    graph.verify()
    return graph


def graph_or_stop() -> Graph:
    """The connection, or a Swedish message and a stopped page when the database does not answer."""
    try:
        return connection()
    except DatabaseUnavailable:
        connection.clear()
        st.error(
            "Databasen svarar inte. Starta den med `projektdb db start` (eller `make run`) "
            "och ladda om sidan."
        )
        st.stop()
        raise  # unreachable: st.stop() ends the script


@st.cache_data(ttl=CACHE_TTL_S, show_spinner=False)
def projects_by_focus_area() -> dict[str, list[dict[str, Any]]]:
    return queries.projects_by_focus_area(graph_or_stop())


def clear() -> None:
    """Forget cached results after a write."""
    st.cache_data.clear()
