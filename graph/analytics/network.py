"""Graph algorithms with networkx: communities of overlapping work, actor load and centrality."""

from __future__ import annotations

from collections import Counter
from typing import Any

import networkx as nx

from graph.db import Graph

Row = dict[str, Any]
ACTIVE = ["pågående", "planerad", "okänd"]


def actor_network(graph: Graph, statuses: list[str] | None = None) -> nx.Graph:
    """Bipartite actor–project graph (node attribute ``kind``: "actor" or "project")."""
    g = nx.Graph()
    for row in graph.read("analytics/actor_projects", statuses=statuses or ACTIVE):
        g.add_node(row["actor"], kind="actor", name=row["actor_name"], type=row["actor_type"])
        g.add_node(row["project"], kind="project", name=row["project_name"])
        g.add_edge(row["actor"], row["project"], responsible=row["responsible"])
    return g


def actor_load(graph: Graph, min_projects: int = 3, statuses: list[str] | None = None) -> list[Row]:
    """Actors responsible for many active projects at once, with their place in the network.

    ``centrality`` is the betweenness of the actor in the actor projection (actors linked by shared
    projects): a high value means the actor holds otherwise separate work together.
    """
    g = actor_network(graph, statuses)
    actors = [n for n, d in g.nodes(data=True) if d["kind"] == "actor"]
    if not actors:
        return []
    projection = nx.bipartite.weighted_projected_graph(g, actors)
    betweenness = nx.betweenness_centrality(projection, normalized=True)
    rows = []
    for actor in actors:
        responsible = sorted(
            g.nodes[p]["name"] for p in g.neighbors(actor) if g.edges[actor, p]["responsible"]
        )
        if len(responsible) < min_projects:
            continue
        partners = projection.degree(actor)
        rows.append(
            {
                "id": actor,
                "name": g.nodes[actor]["name"],
                "type": g.nodes[actor]["type"],
                "responsible_for": len(responsible),
                "participates_in": g.degree(actor) - len(responsible),
                "partners": partners,
                "centrality": round(betweenness.get(actor, 0.0), 4),
                "projects": responsible,
                "reasons": [
                    f"ansvarig för {len(responsible)} aktiva projekt samtidigt",
                    f"samverkar med {partners} andra aktörer i projekten",
                ],
            }
        )
    rows.sort(key=lambda r: (-r["responsible_for"], -r["centrality"], r["name"]))
    return rows


def communities(graph: Graph, min_score: float = 0.2, min_size: int = 3, seed: int = 1) -> list[Row]:
    """Groups of projects that overlap with each other (Louvain on the RELATED_TO graph)."""
    g = nx.Graph()
    for row in graph.read("analytics/related_edges", min_score=min_score):
        g.add_edge(row["a"], row["b"], weight=row["score"])
    if g.number_of_edges() == 0:
        return []
    found = nx.community.louvain_communities(g, weight="weight", seed=seed)
    groups = [c for c in found if len(c) >= min_size]
    if not groups:
        return []
    info = {r["id"]: r for r in graph.read("analytics/project_names", ids=sorted(set().union(*groups)))}
    rows = []
    for number, members in enumerate(sorted(groups, key=lambda c: (-len(c), min(c))), start=1):
        projects = [info[m] for m in sorted(members) if m in info]
        common = _common(projects, "focus_areas") + _common(projects, "target_groups")
        counties = sorted({p["county"] for p in projects if p["county"]})
        reasons = [f"{len(projects)} projekt med inbördes likhet"]
        reasons += [f"{name} ({count} av {len(projects)})" for name, count in common[:3]]
        if len(counties) > 1:
            reasons.append("flera län: " + ", ".join(counties))
        rows.append(
            {
                "community": number,
                "size": len(projects),
                "projects": [{"id": p["id"], "name": p["name"], "county": p["county"]} for p in projects],
                "counties": counties,
                "reasons": reasons,
            }
        )
    return rows


def _common(projects: list[Row], key: str) -> list[tuple[str, int]]:
    counts = Counter(name for p in projects for name in set(p[key]))
    return [(n, c) for n, c in counts.most_common() if c >= 2]
