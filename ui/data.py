"""The app's one way to the database: a cached connection and the cached reads of the service.

Pages call these functions, never the driver. The results are cached in ``service/reads.py``, for
every session of the app, until the data changes (a write from this app, the CLI or another
replica); ``clear()`` after every write of one's own, so that this session sees it at once.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any, Protocol

import streamlit as st

from graph.db import DatabaseUnavailable, Graph
from graph.queries import DocumentPage
from service.jobs import BackgroundRefresh
from service.reads import AreaCount, ClusterSummary, FocusAreaTotals, OverlapNetwork, Reads

SEEN_WRITE = "data:seen-write"  # the generation of this session's own last write
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


@st.cache_resource(show_spinner=False)
def _reads(_graph: Graph, connection_id: int) -> Reads:
    return Reads(_graph, floor=_own_last_write)


def reads() -> Reads:
    """The service's reads on the app's connection: one cache for every session (a new one when
    the connection is opened again, after the database was down)."""
    graph = graph_or_stop()
    return _reads(graph, id(graph))


def _own_last_write() -> int:
    try:
        return int(st.session_state.get(SEEN_WRITE, 0))
    except Exception:  # noqa: BLE001  (outside a script run, e.g. the benchmark's pages: no floor)
        return 0


# --- reads: service/reads.py, cached there for every session ----------------------------------


def projects_by_focus_area(
    county: str | None = None, focus_area: str | None = None, page: int = 0
) -> dict[str, list[Row]]:
    """One page of projects per focus area (all areas, or ``focus_area``), of ``county`` or all."""
    return reads().projects_by_focus_area(county=county, focus_area=focus_area, page=page)


def focus_area_project_counts() -> list[Row]:
    return reads().focus_area_project_counts()


def focus_area_totals(county: str | None = None) -> FocusAreaTotals:
    return reads().focus_area_totals(county)


def project_facts() -> list[Row]:
    return reads().project_facts()


def node_detail(node_id: str) -> Row | None:
    return reads().node_detail(node_id)


def node_relations(node_ids: tuple[str, ...]) -> list[Row]:
    return reads().node_relations(node_ids)


def node_relation_groups(node_id: str, per_group: int = 50) -> list[Row]:
    return reads().node_relation_groups(node_id, per_group=per_group)


def nodes_by_label(label: str) -> list[Row]:
    return reads().nodes_by_label(label)


def label_sizes() -> dict[str, int]:
    return reads().label_sizes()


def find_nodes(label: str, text: str, limit: int = 50) -> list[Row]:
    return reads().find_nodes(label, text, limit=limit)


def overview() -> Row:
    return reads().overview()


def project_timeline(
    county: str | None = None, focus_area: str | None = None, status: str | None = None, limit: int = 300
) -> list[Row]:
    return reads().project_timeline(county=county, focus_area=focus_area, status=status, limit=limit)


def document_titles() -> dict[str, str]:
    return reads().document_titles()


def decisions() -> list[Row]:
    return reads().decisions()


def documents() -> list[Row]:
    return reads().documents()


def document(document_id: str) -> Row | None:
    return reads().document(document_id)


def document_page(document_id: str, page: int) -> DocumentPage | None:
    return reads().document_page(document_id, page)


def document_contents(document_id: str) -> list[Row]:
    return reads().document_contents(document_id)


def search_projects(text: str, filters: tuple[tuple[str, Any], ...] = (), limit: int = 50) -> dict[str, Any]:
    """Full-text search with facets; ``filters`` as sorted (name, value) pairs of search.Filters."""
    return reads().search_projects(text, filters=filters, limit=limit)


def related_to_project(project_id: str, limit: int = 10) -> list[Row]:
    return reads().related_to_project(project_id, limit=limit)


def related_to_text(text: str, limit: int = 10) -> list[Row]:
    return reads().related_to_text(text, limit=limit)


def coverage_counts(county: str | None) -> list[Row]:
    """Ongoing projects per focus area of ``county`` counted per heatmap cell (ui/coverage.py)."""
    return reads().coverage_counts(county)


def focus_area_counties() -> list[str]:
    return reads().focus_area_counties()


def coverage_gaps() -> list[Row]:
    return reads().coverage_gaps()


def goal_gaps() -> list[Row]:
    return reads().goal_gaps()


def goal_gaps_per_area() -> list[AreaCount]:
    return reads().goal_gaps_per_area()


def indicator_gaps() -> list[Row]:
    return reads().indicator_gaps()


def readiness() -> list[Row]:
    return reads().readiness()


def time_gaps() -> list[Row]:
    return reads().time_gaps()


def target_group_gaps() -> list[Row]:
    return reads().target_group_gaps()


def overlap_pairs() -> dict[str, list[Row]]:
    return reads().overlap_pairs()


def overlap_network() -> OverlapNetwork:
    return reads().overlap_network()


def cluster_summaries() -> list[ClusterSummary]:
    return reads().cluster_summaries()


def overlap_clusters() -> list[Row]:
    """The largest communities, each with its most connected projects first (``size`` is the
    whole community; ``projects`` at most PROJECTS_PER_CLUSTER of them)."""
    return reads().overlap_clusters()


def network_choices(label: str, county: str | None = None, text: str = "") -> list[Row]:
    return reads().network_choices(label, county=county, text=text)


def network_neighbourhood(node_ids: tuple[str, ...]) -> list[Row]:
    return reads().network_neighbourhood(node_ids)


def indicator_overview(project_limit: int | None = None) -> list[Row]:
    return reads().indicator_overview(project_limit=project_limit)


def measure_values(measure_id: str) -> list[Row]:
    return reads().measure_values(measure_id)


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
    """Ingest the uploaded bytes in one transaction and ask the background job to refresh what is
    derived; an ``ingest.pipeline.IngestReport``.

    ``graph`` is the signed-in editor's write connection (``ui.auth.graph_for``)."""
    pipeline = _ingest()
    step = on_step or (lambda _: None)
    step("Läser och sparar dokumentet …")
    report = pipeline.ingest_file(graph, Path(file_name), data=data, file_name=file_name)
    # search terms and related initiatives follow the new facts, in the background (service/jobs.py)
    refresh_job().request()
    clear()
    return report


@st.cache_resource(show_spinner=False)
def refresh_job() -> BackgroundRefresh:
    """The app's one background refresh of derived data, on a write connection of its own (an
    upload's refresh is the app's work, not the uploading editor's)."""
    graph = Graph()
    graph.verify()
    return BackgroundRefresh(graph)


def refreshing() -> bool:
    """True while the derived data (similar projects, search terms) is being brought up to date."""
    return refresh_job().busy()


def clear() -> None:
    """After a write of this session's own: its next reads wait for results that include it
    (other sessions get them as soon as they are computed)."""
    st.session_state[SEEN_WRITE] = reads().written()
