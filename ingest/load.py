"""Writes one resolved document to Neo4j in one transaction, with batched UNWIND + MERGE.

A re-ingest first takes back what the document wrote before, then writes it again: the same file
gives the same graph, and a file whose extraction changed leaves no stale facts behind.
"""

from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import asdict
from datetime import UTC, datetime
from typing import Any

from neo4j import ManagedTransaction

from graph.db import Graph, run
from ingest.model import REL_TYPES
from ingest.resolve import KnownNode, ResolvedDocument, scope_for

BATCH_SIZE = 1000
# Bumped when extraction changes, so unchanged files are re-read after an upgrade.
EXTRACTOR_VERSION = "1"


def document_state(graph: Graph, document_id: str) -> str | None:
    """The extractor version a document was ingested with, or None when it is not in the graph."""
    row = graph.read_one("ingest/document_state", document=document_id)
    return row["extractor_version"] if row and row["exists"] else None


def known_nodes(graph: Graph) -> list[KnownNode]:
    return [
        KnownNode(
            id=row["id"],
            label=row["label"],
            name=row["name"],
            aliases=tuple(row["aliases"]),
            scope=scope_for(row["label"], row["name"], {"type": row["type"]}, row["county"]),
        )
        for row in graph.read("ingest/known_nodes")
        if row["name"]
    ]


def write_document(graph: Graph, resolved: ResolvedDocument) -> None:
    """All of the document, or nothing: one managed write transaction."""
    graph.run_write(lambda tx: _write(tx, resolved))


def _write(tx: ManagedTransaction, resolved: ResolvedDocument) -> None:
    document = resolved.document
    doc_id = document.id
    source_prefix = json.dumps({"document": doc_id})[:-1]  # '{"document": "<id>"'
    retracted = run(tx, "ingest/retract_document", document=doc_id, source_prefix=source_prefix)
    previous_ids = retracted[0]["ids"] if retracted else []

    run(
        tx,
        "ingest/merge_document",
        document=doc_id,
        ingested_at=datetime.now(UTC).isoformat(timespec="seconds"),
        properties=document_properties(resolved),
    )
    for rows in _batches([_node_row(n) for n in resolved.nodes]):
        run(tx, "ingest/merge_nodes", rows=rows, document=doc_id)
    for rows in _batches([asdict(m) for m in resolved.mentions]):
        run(tx, "ingest/create_mentions", rows=rows, document=doc_id)

    by_type: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for relation in resolved.relations:
        by_type[relation.type].append(asdict(relation))
    for rel_type in REL_TYPES:
        if rel_type == "IN_PLAN":
            continue
        for rows in _batches(by_type.get(rel_type, [])):
            run(tx, f"ingest/relate/{rel_type}", rows=rows, document=doc_id)

    focus_areas = [n.id for n in resolved.nodes if n.label == "FocusArea"]
    if focus_areas and document.kind in ("färdplan", "målbild", "lokal plan", "projektrapport"):
        run(tx, "ingest/link_plan", ids=focus_areas, document=doc_id)
    current = {n.id for n in resolved.nodes}
    stale = [i for i in previous_ids if i not in current]
    if stale:
        run(tx, "ingest/delete_orphans", ids=stale)


def document_properties(resolved: ResolvedDocument) -> dict[str, Any]:
    document = resolved.document
    return {
        "title": document.title or document.file_name,
        "kind": document.kind,
        "date": document.date,
        "county": document.county,
        "file_name": document.file_name,
        "media_type": document.media_type,
        "pages": len(document.pages),
        "extractor_version": EXTRACTOR_VERSION,
        "warnings": resolved.warnings,
    }


def _node_row(node: Any) -> dict[str, Any]:
    return {
        "id": node.id,
        "label": node.label,
        "properties": node.properties,
        "aliases": node.aliases,
        "confidence": node.confidence,
    }


def _batches(rows: list[dict[str, Any]], size: int = BATCH_SIZE) -> list[list[dict[str, Any]]]:
    return [rows[i : i + size] for i in range(0, len(rows), size)]
