"""file → reader → extractors → resolver → loader: the one ingest path the CLI and the UI share."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from domain.document import ReadError
from domain.states import IngestStatus
from graph.analytics.refresh import refresh_if_stale
from graph.db import Graph
from ingest.extractors import extract
from ingest.load import EXTRACTOR_VERSION, KnownNodes, document_state, known_nodes, write_document
from ingest.readers import read_document
from ingest.resolve import ResolvedDocument, resolve

SUPPORTED_SUFFIXES = (".txt", ".md", ".pdf", ".docx", ".html", ".htm")


@dataclass
class IngestReport:
    file_name: str
    status: IngestStatus  # shown in Swedish by domain.titles.INGEST_STATUS_TITLES
    document_id: str | None = None
    kind: str | None = None
    county: str | None = None
    counts: dict[str, int] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)
    error: str | None = None  # Swedish, for the user

    @property
    def ok(self) -> bool:
        return self.status != IngestStatus.FAILED


def preview(
    path: Path, data: bytes | None = None, file_name: str | None = None, graph: Graph | None = None
) -> ResolvedDocument:
    """Read and extract without writing: what an ingest would store. Raises ReadError."""
    document = read_document(path, data=data, file_name=file_name)
    known = known_nodes(graph) if graph is not None else []
    return resolve(extract(document), document, known)


def ingest_file(
    graph: Graph,
    path: Path,
    data: bytes | None = None,
    file_name: str | None = None,
    force: bool = False,
    known: KnownNodes | None = None,
) -> IngestReport:
    """``known``: the nodes a batch has already read (ingest_paths); None reads them afresh."""
    name = file_name or path.name
    try:
        document = read_document(path, data=data, file_name=file_name)
    except ReadError as error:
        return IngestReport(file_name=name, status=IngestStatus.FAILED, error=error.message)
    report = IngestReport(
        file_name=name,
        status=IngestStatus.LOADED,
        document_id=document.id,
        kind=document.kind,
        county=document.county,
    )
    if not force and document_state(graph, document.id) == EXTRACTOR_VERSION:
        report.status = IngestStatus.UNCHANGED
        return report
    known = known or KnownNodes(graph)
    resolved = resolve(extract(document), document, known.nodes())
    known.after(write_document(graph, resolved))
    report.counts = resolved.counts()
    report.warnings = resolved.warnings
    return report


def ingest_paths(
    graph: Graph,
    paths: Iterable[Path],
    force: bool = False,
    on_done: Callable[[IngestReport], None] | None = None,
    *,
    refresh: bool = True,
    on_start: Callable[[Path], None] | None = None,
    on_refresh: Callable[[], None] | None = None,
) -> list[IngestReport]:
    """Every file (folders expanded), one transaction each, resolved against the nodes of the
    graph and of the batch's earlier files; the derived data recomputed once at the end, unless
    ``refresh`` is False. The callbacks report progress: a file begun, done, the refresh begun."""
    reports = []
    known = KnownNodes(graph)  # read once, then kept up to date by each write
    for path in expand(paths):
        if on_start:
            on_start(path)
        report = ingest_file(graph, path, force=force, known=known)
        reports.append(report)
        if on_done:
            on_done(report)
    if refresh:
        if on_refresh:
            on_refresh()
        after_ingest(graph, reports)
    return reports


def after_ingest(graph: Graph, reports: list[IngestReport]) -> None:
    """Recompute what is derived from the whole graph (related initiatives, search terms) once
    after a batch, and only when something changed: a document written now, or one written
    before whose refresh never completed (the stale marker), even if every file is unchanged."""
    refresh_if_stale(graph)


def expand(paths: Iterable[Path]) -> list[Path]:
    """Files as given, and the supported files inside folders, in a stable order."""
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            found.extend(sorted(p for p in path.rglob("*") if p.suffix.lower() in SUPPORTED_SUFFIXES))
        else:
            found.append(path)
    return found
