"""Build small graphs for tests through the real ingest path: Extraction → resolve → load.

Use when a test needs exact, hand-written facts rather than what the extractors read from a file.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from domain.document import DocumentKind, Page, SourceDocument
from domain.model import Evidence, Extraction
from graph.db import Graph
from ingest.extractors.text_utils import tables_from_text
from ingest.load import known_nodes, write_document
from ingest.resolve import ResolvedDocument, resolve

SAMPLE_DIR = Path(__file__).resolve().parents[1] / "sample_data"


def document(
    name: str = "test.txt",
    text: str = "",
    county: str | None = "Sörmland",
    kind: DocumentKind = "färdplan",
    date: str | None = "2024-02-09",
) -> SourceDocument:
    return SourceDocument(
        id=hashlib.sha256(f"{name}|{text}".encode()).hexdigest(),
        file_name=name,
        media_type="text/plain",
        pages=[Page(number=1, text=text)],
        title=name,
        kind=kind,
        county=county,
        date=date,
    )


def evidence(quote: str, page: int = 1, extractor: str = "test") -> Evidence:
    return Evidence(page=page, quote=quote, extractor=extractor)


def load(graph: Graph, doc: SourceDocument, extraction: Extraction) -> ResolvedDocument:
    resolved = resolve(extraction, doc, known_nodes(graph))
    write_document(graph, resolved)
    return resolved


def sample(prefix: str) -> SourceDocument:
    """A sample document as one page, with tables found in its tab-separated lines (no reader)."""
    [path] = SAMPLE_DIR.glob(f"{prefix}_*.txt")
    text = path.read_text(encoding="utf-8")
    return SourceDocument(
        id=prefix,
        file_name=path.name,
        media_type="text/plain",
        pages=[Page(1, text, tables_from_text(text, 1))],
    )
