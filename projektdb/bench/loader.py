"""The batched loader against one MERGE per row, on the same rows in the same run.

Both load copies of the same resolved documents under their own id prefix, so each creates the
same new nodes and relationships in the same graph; the copies are deleted afterwards.

What is compared:

- batched: ``write_document``, one transaction per document with three UNWIND statements in it
  (the document; its nodes with their mentions and IN_PLAN; all its relationships), each with up
  to ``BATCH_SIZE`` rows;
- naive: one statement and one transaction per row: the document, then each node
  (``bench/naive_node``: MERGE and SET, without the batched loader's merge of every document's
  view), each mention (``bench/naive_mention``, the same CREATE as the batched one) and each
  relationship (``ingest/relate``, the batched loader's own statement with a one-row list: the
  same static-type MERGE, index seeks and sources bookkeeping, so the naive path pays only for
  its round trips and transactions, not for a slower plan). The naive path writes no IN_PLAN.
"""

from __future__ import annotations

import time
from dataclasses import asdict, replace
from typing import Any

from graph.db import Graph
from ingest.load import document_properties, write_document
from ingest.resolve import NodeRow, ResolvedDocument

BATCHED_PREFIX = "bench-batched:"
NAIVE_PREFIX = "bench-naive:"


def row_count(documents: list[ResolvedDocument]) -> int:
    return sum(len(d.nodes) + len(d.mentions) + len(d.relations) for d in documents)


def with_prefix(resolved: ResolvedDocument, prefix: str) -> ResolvedDocument:
    """A copy whose document and node ids all start with ``prefix``."""
    return ResolvedDocument(
        document=replace(resolved.document, id=prefix + resolved.document.id),
        nodes=[replace(n, id=prefix + n.id) for n in resolved.nodes],
        mentions=[replace(m, node=prefix + m.node) for m in resolved.mentions],
        relations=[replace(r, start=prefix + r.start, end=prefix + r.end) for r in resolved.relations],
        warnings=list(resolved.warnings),
    )


def load_batched(graph: Graph, documents: list[ResolvedDocument]) -> float:
    began = time.perf_counter()
    for resolved in documents:
        write_document(graph, with_prefix(resolved, BATCHED_PREFIX))
    return time.perf_counter() - began


def load_naive(graph: Graph, documents: list[ResolvedDocument]) -> float:
    """One statement and one transaction per row: what a loader without batching does."""
    began = time.perf_counter()
    for resolved in documents:
        copy = with_prefix(resolved, NAIVE_PREFIX)
        doc_id = copy.document.id
        graph.write("bench/naive_document", document=doc_id, properties=document_properties(copy))
        for node in copy.nodes:
            graph.write("bench/naive_node", row=_node(node), document=doc_id)
        for mention in copy.mentions:
            graph.write("bench/naive_mention", row=asdict(mention), document=doc_id)
        for relation in copy.relations:
            graph.write("ingest/relate", rows=[asdict(relation)], document=doc_id)
    return time.perf_counter() - began


def delete_copies(graph: Graph, batch: int = 10_000) -> None:
    for prefix in (BATCHED_PREFIX, NAIVE_PREFIX):
        while graph.write("bench/delete_prefixed", prefix=prefix, batch=batch)[0]["deleted"] >= batch:
            pass


def compare(graph: Graph, documents: list[ResolvedDocument]) -> dict[str, Any]:
    rows = row_count(documents)
    try:
        batched = load_batched(graph, documents)
        naive = load_naive(graph, documents)
    finally:
        delete_copies(graph)
    return {
        "documents": len(documents),
        "rows": rows,
        "batched_s": round(batched, 3),
        "naive_s": round(naive, 3),
        "batched_rows_per_s": round(rows / batched, 1),
        "naive_rows_per_s": round(rows / naive, 1),
        "batched_vs_naive_ratio": round(naive / batched, 2),
    }


def _node(node: NodeRow) -> dict[str, Any]:
    return {
        "id": node.id,
        "label": node.label,
        "properties": node.properties,
        "aliases": node.aliases,
        "confidence": node.confidence,
    }
