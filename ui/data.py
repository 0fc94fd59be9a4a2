"""The app's one way to the database: a cached connection and cached query results.

Pages call these functions, never the driver. ``clear()`` after every write.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any, Protocol

import streamlit as st

from graph import indicators, queries
from graph.analytics import gaps, network, overlaps, related, search
from graph.db import DatabaseUnavailable, Graph

CACHE_TTL_S = 300
Row = dict[str, Any]


@st.cache_resource(show_spinner=False)
def connection() -> Graph:
    """Every page reads through READ access sessions: the server refuses writes on them. Writes
    go through ``ui.auth.graph_for(user)``, which only editors get a write connection from."""
    graph = Graph(read_only=True)
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


# --- reads ---------------------------------------------------------------------------------------


@st.cache_data(ttl=CACHE_TTL_S, show_spinner=False)
def projects_by_focus_area(
    county: str | None = None, focus_area: str | None = None, page: int = 0
) -> dict[str, list[Row]]:
    """One page of projects per focus area (all areas, or ``focus_area``), of ``county`` or all."""
    return queries.projects_by_focus_area(graph_or_stop(), county=county, focus_area=focus_area, page=page)


@st.cache_data(ttl=CACHE_TTL_S, show_spinner=False)
def focus_area_project_counts() -> list[Row]:
    return queries.focus_area_project_counts(graph_or_stop())


@st.cache_data(ttl=CACHE_TTL_S, show_spinner=False)
def project_facts() -> list[Row]:
    return queries.project_facts(graph_or_stop())


@st.cache_data(ttl=CACHE_TTL_S, show_spinner=False)
def node_detail(node_id: str) -> Row | None:
    return queries.node_detail(graph_or_stop(), node_id)


@st.cache_data(ttl=CACHE_TTL_S, show_spinner=False)
def node_relations(node_ids: tuple[str, ...]) -> list[Row]:
    return queries.node_relations(graph_or_stop(), list(node_ids))


@st.cache_data(ttl=CACHE_TTL_S, show_spinner=False)
def node_relation_groups(node_id: str, per_group: int = 50) -> list[Row]:
    return queries.node_relation_groups(graph_or_stop(), node_id, per_group=per_group)


@st.cache_data(ttl=CACHE_TTL_S, show_spinner=False)
def nodes_by_label(label: str) -> list[Row]:
    return queries.nodes_by_label(graph_or_stop(), label)


@st.cache_data(ttl=CACHE_TTL_S, show_spinner=False)
def label_sizes() -> dict[str, int]:
    return queries.label_sizes(graph_or_stop())


@st.cache_data(ttl=CACHE_TTL_S, show_spinner=False)
def find_nodes(label: str, text: str, limit: int = 50) -> list[Row]:
    return queries.find_nodes(graph_or_stop(), label, text, limit=limit)


@st.cache_data(ttl=CACHE_TTL_S, show_spinner=False)
def overview() -> Row:
    return queries.overview(graph_or_stop())


@st.cache_data(ttl=CACHE_TTL_S, show_spinner=False)
def project_timeline(
    county: str | None = None, focus_area: str | None = None, status: str | None = None, limit: int = 300
) -> list[Row]:
    return queries.project_timeline(graph_or_stop(), county, focus_area, status, limit=limit)


@st.cache_data(ttl=CACHE_TTL_S, show_spinner=False)
def document_titles() -> dict[str, str]:
    return queries.document_titles(graph_or_stop())


@st.cache_data(ttl=CACHE_TTL_S, show_spinner=False)
def decisions() -> list[Row]:
    return queries.decisions(graph_or_stop())


@st.cache_data(ttl=CACHE_TTL_S, show_spinner=False)
def documents() -> list[Row]:
    return queries.documents(graph_or_stop())


@st.cache_data(ttl=CACHE_TTL_S, show_spinner=False)
def document(document_id: str) -> Row | None:
    return queries.document(graph_or_stop(), document_id)


@st.cache_data(ttl=CACHE_TTL_S, show_spinner=False)
def document_contents(document_id: str) -> list[Row]:
    return queries.document_contents(graph_or_stop(), document_id)


# --- analytics: search, related initiatives, gaps, overlaps, indicators -------------------------


@st.cache_data(ttl=CACHE_TTL_S, show_spinner=False)
def search_projects(text: str, filters: tuple[tuple[str, Any], ...] = (), limit: int = 50) -> dict[str, Any]:
    """Full-text search with facets; ``filters`` as sorted (name, value) pairs of search.Filters."""
    return search.search(graph_or_stop(), text, filters=search.Filters(**dict(filters)), limit=limit)


@st.cache_data(ttl=CACHE_TTL_S, show_spinner=False)
def related_to_project(project_id: str, limit: int = 10) -> list[Row]:
    return related.related_to_project(graph_or_stop(), project_id, limit=limit)


@st.cache_data(ttl=CACHE_TTL_S, show_spinner=False)
def related_to_text(text: str, limit: int = 10) -> list[Row]:
    return related.related_to_text(graph_or_stop(), text, limit=limit)


@st.cache_data(ttl=CACHE_TTL_S, show_spinner=False)
def coverage_counts(county: str | None) -> list[Row]:
    """Ongoing projects per focus area of ``county`` counted per heatmap cell (ui/coverage.py)."""
    return queries.coverage_counts(graph_or_stop(), county=county)


@st.cache_data(ttl=CACHE_TTL_S, show_spinner=False)
def focus_area_counties() -> list[str]:
    return queries.focus_area_counties(graph_or_stop())


@st.cache_data(ttl=CACHE_TTL_S, show_spinner=False)
def coverage_gaps() -> list[Row]:
    return gaps.coverage_gaps(graph_or_stop())


@st.cache_data(ttl=CACHE_TTL_S, show_spinner=False)
def goal_gaps() -> list[Row]:
    return gaps.goal_gaps(graph_or_stop())


@st.cache_data(ttl=CACHE_TTL_S, show_spinner=False)
def indicator_gaps() -> list[Row]:
    return gaps.indicator_gaps(graph_or_stop())


@st.cache_data(ttl=CACHE_TTL_S, show_spinner=False)
def readiness() -> list[Row]:
    return gaps.readiness(graph_or_stop())


@st.cache_data(ttl=CACHE_TTL_S, show_spinner=False)
def time_gaps() -> list[Row]:
    return gaps.time_gaps(graph_or_stop())


@st.cache_data(ttl=CACHE_TTL_S, show_spinner=False)
def target_group_gaps() -> list[Row]:
    return gaps.target_group_gaps(graph_or_stop())


@st.cache_data(ttl=CACHE_TTL_S, show_spinner=False)
def overlap_pairs() -> dict[str, list[Row]]:
    graph = graph_or_stop()
    return {
        "goal_target": overlaps.goal_target_overlaps(graph),
        "text": overlaps.text_overlaps(graph),
        "across_counties": overlaps.county_overlaps(graph),
        "actor_load": overlaps.actor_load(graph),
    }


CLUSTERS_SHOWN = 50
PROJECTS_PER_CLUSTER = 25


@st.cache_data(ttl=CACHE_TTL_S, show_spinner=False)
def overlap_clusters() -> list[Row]:
    """The largest communities, each with its most connected projects first (``size`` is the
    whole community; ``projects`` at most PROJECTS_PER_CLUSTER of them)."""
    return network.communities(graph_or_stop(), limit=CLUSTERS_SHOWN, per_community=PROJECTS_PER_CLUSTER)


@st.cache_data(ttl=CACHE_TTL_S, show_spinner=False)
def network_choices(label: str, county: str | None = None, text: str = "") -> list[Row]:
    return network.choices(graph_or_stop(), label, county, text)


@st.cache_data(ttl=CACHE_TTL_S, show_spinner=False)
def network_neighbourhood(node_ids: tuple[str, ...]) -> list[Row]:
    return network.neighbourhood(graph_or_stop(), list(node_ids))


@st.cache_data(ttl=CACHE_TTL_S, show_spinner=False)
def indicator_overview(project_limit: int | None = None) -> list[Row]:
    return indicators.indicator_overview(graph_or_stop(), project_limit=project_limit)


@st.cache_data(ttl=CACHE_TTL_S, show_spinner=False)
def measure_values(measure_id: str) -> list[Row]:
    return indicators.measure_values(graph_or_stop(), measure_id)


# --- ingest (writes) -----------------------------------------------------------------------------
# The UI does not import the ingest package (tests/test_architecture.py): the app's root,
# streamlit_app.py, hands it the pipeline with ``use_ingest``. A factory, so that the readers
# (pdfplumber, python-docx) load only when a page ingests.


class IngestPipeline(Protocol):
    """What the upload needs of ``ingest.pipeline``."""

    def preview(
        self, path: Path, data: bytes | None = ..., file_name: str | None = ..., graph: Graph | None = ...
    ) -> Any: ...

    def ingest_file(
        self, graph: Graph, path: Path, data: bytes | None = ..., file_name: str | None = ...
    ) -> Any: ...

    def after_ingest(self, graph: Graph, reports: list[Any]) -> None: ...


_pipeline: Callable[[], IngestPipeline] | None = None


def use_ingest(factory: Callable[[], IngestPipeline]) -> None:
    global _pipeline
    _pipeline = factory


def _ingest() -> IngestPipeline:
    if _pipeline is None:
        raise RuntimeError("No ingest pipeline: streamlit_app.py calls ui.data.use_ingest at start.")
    return _pipeline()


def preview_upload(data: bytes, file_name: str) -> Any:
    """What an ingest of the uploaded bytes would store (an ``ingest.resolve.ResolvedDocument``;
    nothing is written). Raises ReadError."""
    return _ingest().preview(Path(file_name), data=data, file_name=file_name, graph=graph_or_stop())


def ingest_upload(
    graph: Graph, data: bytes, file_name: str, on_step: Callable[[str], object] | None = None
) -> Any:
    """Ingest the uploaded bytes in one transaction, refresh what is derived, forget cached results;
    an ``ingest.pipeline.IngestReport``.

    ``graph`` is the signed-in editor's write connection (``ui.auth.graph_for``)."""
    pipeline = _ingest()
    step = on_step or (lambda _: None)
    step("Läser och sparar dokumentet …")
    report = pipeline.ingest_file(graph, Path(file_name), data=data, file_name=file_name)
    step("Uppdaterar sökord och relaterade initiativ …")
    pipeline.after_ingest(graph, [report])  # search terms and related initiatives follow the new facts
    clear()
    return report


def clear() -> None:
    """Forget cached results after a write."""
    st.cache_data.clear()
