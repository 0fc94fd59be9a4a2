"""Recompute everything derived from the graph after an ingest: compound parts for search, the
RELATED_TO pairs (with the overlap marks ``coordination`` and ``across_counties``), the
communities of overlapping projects, the actors' partners and centrality, and which focus area
continues which (lineage). Safe to call any
number of times; the result depends only on the graph (inputs sorted by id, fixed seeds).

The loader could write ``search_terms`` itself with one line at the end of ingest/resolve.py
``_node_row``: ``properties["search_terms"] = compounds.text_search_terms(properties)`` (with the
seed vocabulary only); ``refresh`` also learns the corpus's own words.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from neo4j import ManagedTransaction

from graph.analytics import lineage, network, overlaps, related
from graph.analytics.compounds import Vocabulary, corpus_vocabulary, search_terms
from graph.db import Graph, Row, run

BATCH = 5000


@dataclass
class RefreshReport:
    search_terms_written: int
    related_pairs: int
    projects: int
    pairs_written: related.WriteCounts = related.WriteCounts(0, 0, 0)
    coordination_pairs: int = 0
    communities: int = 0
    actors_in_network: int = 0
    lineage_links: int = 0


def refresh(graph: Graph) -> RefreshReport:
    """One refresh at a time across processes: a second one waits for the lock, then computes
    from the graph the first one left (and, writing only what differs, writes nothing new).
    Clears the stale marker only once everything is written: an interrupted refresh leaves it."""
    with graph.holding("analytics/refresh_lock"):
        generation = derived_generation(graph)
        report = _refresh(graph)
        mark_fresh(graph, generation)
        return report


def refresh_if_stale(graph: Graph) -> RefreshReport | None:
    """Refresh when a document was written since the last completed refresh (also one written
    by a process that died before its refresh); None when the derived data is up to date."""
    return refresh(graph) if is_stale(graph) else None


def _derived_state(graph: Graph) -> Row:
    state = graph.read_one("analytics/derived_state")  # an OPTIONAL MATCH: always one row
    assert state is not None
    return state


def is_stale(graph: Graph) -> bool:
    return bool(_derived_state(graph)["stale"])


def derived_generation(graph: Graph) -> int:
    return int(_derived_state(graph)["generation"])


def mark_fresh(graph: Graph, generation: int) -> None:
    graph.write("analytics/mark_fresh", generation=generation)


def _refresh(graph: Graph) -> RefreshReport:
    vocabulary, terms_written = refresh_search_terms(graph)
    projects = related.load_projects(graph)
    rows = related.compute(projects, vocabulary)
    responsible = {row["project"]: row["actors"] for row in graph.read("analytics/responsible_ids")}
    coordination = overlaps.mark_coordination(projects, rows, responsible)
    overlaps.mark_across_counties(projects, rows)
    written = related.write(graph, rows)
    communities = refresh_communities(graph, projects, rows)
    actors = refresh_actor_metrics(graph)
    links = lineage.refresh_lineage(graph)
    return RefreshReport(
        search_terms_written=terms_written,
        related_pairs=len(rows),
        projects=len(projects),
        pairs_written=written,
        coordination_pairs=coordination,
        communities=communities,
        actors_in_network=actors,
        lineage_links=links,
    )


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


def refresh_communities(graph: Graph, projects: Sequence[related.ProjectRow], pairs: Sequence[dict]) -> int:
    """Louvain over the related pairs just computed (no read back), stored as (:Community)."""
    info = {
        p.id: {
            "county": p.county,
            "focus_areas": sorted(set(p.sets["focus_areas"].values())),
            "target_groups": sorted(set(p.sets["target_groups"].values())),
        }
        for p in projects
    }
    rows = network.compute_communities(pairs, info)

    def replace(tx: ManagedTransaction) -> None:  # one transaction: never none, never twice
        run(tx, "analytics/community_delete")
        for lo in range(0, len(rows), BATCH):
            run(tx, "analytics/community_write", rows=rows[lo : lo + BATCH])

    graph.run_write(replace)
    return len(rows)


def refresh_actor_metrics(graph: Graph) -> int:
    """Store ``partners`` and ``centrality`` on every actor (None when it has no active project)."""
    projects_of = network.memberships(graph, network.ACTIVE)
    metrics = network.actor_metrics(projects_of)
    empty = (None, None)
    rows = [
        {"id": actor, "partners": metrics.get(actor, empty)[0], "centrality": metrics.get(actor, empty)[1]}
        for actor in sorted(projects_of)
    ]
    for lo in range(0, len(rows), BATCH):
        graph.write("analytics/actor_metrics_write", rows=rows[lo : lo + BATCH])
    return len(metrics)
