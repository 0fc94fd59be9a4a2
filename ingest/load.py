"""Writes one resolved document to Neo4j in one transaction, with batched UNWIND + MERGE.

A re-ingest first takes back what the document wrote before, then writes it again: the same file
gives the same graph, and a file whose extraction changed leaves no stale facts behind.
"""

from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from typing import Any, TypeVar

from neo4j import ManagedTransaction

from graph.db import Graph, run
from ingest.resolve import KnownNode, ResolvedDocument, scope_for

T = TypeVar("T")
BATCH_SIZE = 1000
# Bumped when extraction changes, so unchanged files are re-read after an upgrade.
EXTRACTOR_VERSION = "2"  # 2: the page texts are stored, so a reader can check a quote in place
# The labels cypher/ingest/known_nodes.cypher reads: what resolution matches across documents.
KNOWN_LABELS = frozenset({"Actor", "FocusArea", "GoalArea", "Indicator", "TargetGroup"})
# Documents whose focus areas are IN_PLAN of them.
PLAN_KINDS = frozenset({"färdplan", "målbild", "lokal plan", "projektrapport"})


def document_state(graph: Graph, document_id: str) -> str | None:
    """The extractor version a document was ingested with, or None when it is not in the graph."""
    row = graph.read_one("ingest/document_state", document=document_id)
    return row["extractor_version"] if row and row["exists"] else None


def known_nodes(graph: Graph) -> list[KnownNode]:
    return [node for row in graph.read("ingest/known_nodes") if (node := _known_node(row))]


def _known_node(row: dict[str, Any]) -> KnownNode | None:
    if not row["name"]:
        return None
    return KnownNode(
        id=row["id"],
        label=row["label"],
        name=row["name"],
        aliases=tuple(row["aliases"]),
        scope=scope_for(row["label"], row["name"], {"type": row["type"]}, row["county"]),
    )


@dataclass
class Written:
    """What writing one document changed that resolving the next one depends on."""

    known: list[KnownNode]  # its nodes of KNOWN_LABELS, as the graph holds them after the write
    others_changed: bool  # it also changed nodes it does not name now (renamed, updated, deleted)


class KnownNodes:
    """``known_nodes(graph)`` across a batch ingest: read once, then kept up to date from what each
    ``write_document`` returns instead of re-read before every document. A write that changed
    other nodes (renames, or a re-ingest that left nodes behind) makes the next call read again.
    """

    def __init__(self, graph: Graph) -> None:
        self.graph = graph
        self._nodes: dict[str, KnownNode] | None = None

    def nodes(self) -> list[KnownNode]:
        if self._nodes is None:
            self._nodes = {node.id: node for node in known_nodes(self.graph)}
        return list(self._nodes.values())

    def after(self, written: Written) -> None:
        if self._nodes is None:
            return
        if written.others_changed:
            self._nodes = None
            return
        for node in written.known:
            self._nodes[node.id] = node


def write_document(graph: Graph, resolved: ResolvedDocument) -> Written:
    """All of the document, or nothing: one managed write transaction."""
    return graph.run_write(lambda tx: _write(tx, resolved))


def _write(tx: ManagedTransaction, resolved: ResolvedDocument) -> Written:
    """Three statements for a document new to the graph: the document, its nodes (with their
    mentions and IN_PLAN), its relationships. Renames and a re-ingest add theirs; no statement
    runs without rows."""
    document = resolved.document
    doc_id = document.id
    if resolved.renames:
        renames = [{"old": old, "new": new} for old, new in resolved.renames]
        run(tx, "ingest/rename_nodes", renames=renames)
    current = [n.id for n in resolved.nodes]
    [begun] = run(
        tx,
        "ingest/merge_document",
        document=doc_id,
        ingested_at=datetime.now(UTC).isoformat(timespec="seconds"),
        properties=document_properties(resolved),
        ids=current,
    )
    sources = {row["id"]: row for row in begun["nodes"]}
    stale: list[str] = []
    if begun["existed"]:
        source_prefix = json.dumps({"document": doc_id})[:-1]  # '{"document": "<id>"'
        [retracted] = run(tx, "ingest/retract_document", document=doc_id, source_prefix=source_prefix)
        stale = sorted(set(retracted["ids"]) - set(current))
        for ids in _batches(stale):
            sources.update((row["id"], row) for row in run(tx, "ingest/node_sources", ids=ids))

    mentions: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for mention in resolved.mentions:
        mentions[mention.node].append(asdict(mention))
    unknown = sorted(mentions.keys() - set(current))
    if unknown:  # the resolver never makes these; the loader would drop them silently
        raise ValueError(f"mentions of nodes the document does not name: {unknown}")
    plan = document.kind in PLAN_KINDS
    node_rows = [
        {
            **_node_row(n),
            **merged_properties(sources.get(n.id), doc_id, n.properties),
            "mentions": mentions[n.id],
            "in_plan": plan and n.label == "FocusArea",
        }
        for n in resolved.nodes
    ]
    known: list[KnownNode] = []
    for rows in _batches(node_rows):
        for row in run(tx, "ingest/merge_nodes", rows=rows, document=doc_id):
            node = _known_node(row) if row["label"] in KNOWN_LABELS else None
            if node is not None:
                known.append(node)
    left = [{"id": i, **merged_properties(sources[i], doc_id, None)} for i in stale if i in sources]
    for rows in _batches(left):
        run(tx, "ingest/update_node_properties", rows=rows)
    for rows in _batches([asdict(r) for r in resolved.relations]):
        run(tx, "ingest/relate", rows=rows, document=doc_id)
    if stale:
        run(tx, "ingest/delete_orphans", ids=stale)
    return Written(known=known, others_changed=bool(resolved.renames or stale))


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
        # the text the quotes' offsets point into, page by page: the document page shows it
        "page_texts": [page.text for page in document.pages],
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
