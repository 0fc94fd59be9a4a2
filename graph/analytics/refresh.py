"""Recompute everything derived from the graph after an ingest: compound parts for search and the
RELATED_TO pairs. Safe to call any number of times; the result depends only on the graph.

The loader could write ``search_terms`` itself with one line at the end of ingest/resolve.py
``_node_row``: ``properties["search_terms"] = compounds.text_search_terms(properties)`` (with the
seed vocabulary only); ``refresh`` also learns the corpus's own words.
"""

from __future__ import annotations

from dataclasses import dataclass

from graph.analytics import related
from graph.analytics.compounds import Vocabulary, corpus_vocabulary, search_terms
from graph.db import Graph

BATCH = 5000


@dataclass
class RefreshReport:
    search_terms_written: int
    related_pairs: int
    projects: int


def refresh(graph: Graph) -> RefreshReport:
    vocabulary, written = refresh_search_terms(graph)
    projects = related.load_projects(graph)
    rows = related.compute(projects, vocabulary)
    related.write(graph, rows)
    return RefreshReport(search_terms_written=written, related_pairs=len(rows), projects=len(projects))


def refresh_search_terms(graph: Graph) -> tuple[Vocabulary, int]:
    """Set ``search_terms`` (compound parts) on every indexed node whose parts changed."""
    nodes = graph.read("analytics/search_terms_input")
    vocabulary = corpus_vocabulary(" ".join(n["texts"]) for n in nodes)
    changed: dict[bool, list[dict[str, str]]] = {True: [], False: []}
    for node in nodes:
        terms = search_terms(" ".join(node["texts"]), vocabulary)
        if terms != (node["search_terms"] or ""):
            changed[node["document"]].append({"id": node["id"], "terms": terms})
    for is_document, rows in changed.items():
        name = "analytics/search_terms_write_documents" if is_document else "analytics/search_terms_write"
        for lo in range(0, len(rows), BATCH):
            graph.write(name, rows=rows[lo : lo + BATCH])
    return vocabulary, sum(len(rows) for rows in changed.values())
