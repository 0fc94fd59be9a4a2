"""Writes one resolved document to Neo4j in one transaction, with batched UNWIND + MERGE.

A re-ingest first takes back what the document wrote before, then writes it again: the same file
gives the same graph, and a file whose extraction changed leaves no stale facts behind.
"""

from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import asdict
from datetime import UTC, datetime
from typing import Any, TypeVar

from neo4j import ManagedTransaction

from graph.db import Graph, run
from ingest.model import REL_TYPES
from ingest.resolve import KnownNode, ResolvedDocument, scope_for

T = TypeVar("T")
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
    if resolved.renames:
        renames = [{"old": old, "new": new} for old, new in resolved.renames]
        run(tx, "ingest/rename_nodes", renames=renames)
    retracted = run(tx, "ingest/retract_document", document=doc_id, source_prefix=source_prefix)
    previous_ids = retracted[0]["ids"] if retracted else []

    run(
        tx,
        "ingest/merge_document",
        document=doc_id,
        ingested_at=datetime.now(UTC).isoformat(timespec="seconds"),
        properties=document_properties(resolved),
    )
    current = {n.id for n in resolved.nodes}
    stale = [i for i in previous_ids if i not in current]
    sources = {
        row["id"]: row
        for ids in _batches(sorted(current | set(stale)))
        for row in run(tx, "ingest/node_sources", ids=ids)
    }
    node_rows = [
        {**_node_row(n), **merged_properties(sources.get(n.id), doc_id, n.properties)} for n in resolved.nodes
    ]
    for rows in _batches(node_rows):
        run(tx, "ingest/merge_nodes", rows=rows, document=doc_id)
    left = [{"id": i, **merged_properties(sources[i], doc_id, None)} for i in stale if i in sources]
    for rows in _batches(left):
        run(tx, "ingest/update_node_properties", rows=rows)
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


def merged_properties(
    existing: dict[str, Any] | None, document: str, properties: dict[str, Any] | None
) -> dict[str, Any]:
    """A node's properties from every document's view of it: for each key the value from the
    document with the smallest id, whatever order they came in. ``properties`` None: this
    document no longer names the node. Keys edited by hand are left alone; keys that no document
    states any more are removed (a null in Neo4j's ``SET n += map`` removes the key).
    """
    views: dict[str, dict[str, Any]] = {}
    for entry in (existing or {}).get("doc_props", []):
        doc, _, text = entry.partition("\t")
        views[doc] = json.loads(text)
    views.pop(document, None)
    if properties is not None:
        views[document] = properties
    merged: dict[str, Any] = {}
    for doc in sorted(views):
        for key, value in views[doc].items():
            merged.setdefault(key, value)
    edited = set((existing or {}).get("edited", []))
    for key in edited:
        merged.pop(key, None)
    gone = set((existing or {}).get("extracted_keys", [])) - set(merged) - edited
    return {
        "properties": {**merged, **dict.fromkeys(sorted(gone))},
        "doc_props": [f"{doc}\t{_dump(views[doc])}" for doc in sorted(views)],
        "extracted_keys": sorted(merged),
    }


def _dump(value: dict[str, Any]) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True)


def _node_row(node: Any) -> dict[str, Any]:
    return {"id": node.id, "label": node.label, "aliases": node.aliases, "confidence": node.confidence}


def _batches(rows: list[T], size: int = BATCH_SIZE) -> list[list[T]]:
    return [rows[i : i + size] for i in range(0, len(rows), size)]
