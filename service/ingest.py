"""Documents in, by name: the path `projektdb ingest`, the benchmark and the load test all take.

A batch reads the graph's existing nodes once (``KnownNodes``) and keeps them up to date after
each document's write, so entity resolution sees the documents before it in the same batch; the
derived data (related initiatives, search terms) is recomputed once at the end.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path

from graph.db import Graph
from ingest.pipeline import IngestReport, expand, ingest_paths

__all__ = ["IngestReport", "expand", "ingest_files"]


def ingest_files(
    graph: Graph,
    paths: Iterable[Path],
    *,
    force: bool = False,
    refresh: bool = True,
    on_start: Callable[[Path], None] | None = None,
    on_done: Callable[[IngestReport], None] | None = None,
    on_refresh: Callable[[], None] | None = None,
) -> list[IngestReport]:
    """Every file (folders expanded), one transaction each; unchanged files are skipped unless
    ``force``. ``refresh`` False leaves the derived data to the caller (the load test's
    background job, the benchmark's own step). The callbacks report progress."""
    return ingest_paths(
        graph, paths, force, on_done, refresh=refresh, on_start=on_start, on_refresh=on_refresh
    )
