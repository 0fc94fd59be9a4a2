"""Networks of overlapping work: communities of related projects, and the actor network with each
actor's load, partners and centrality.

What is expensive runs once per ``refresh`` (graph/analytics/refresh.py) and is stored, so the
functions the app and the CLI call are plain reads:

* communities: Louvain (``louvain``: igraph's, modularity, fixed seed) on the RELATED_TO pairs with score
  >= 0.2, stored as
  ``(:Community {number, size, members, counties, reasons, min_score})`` (no ``id``: exports and
  detail pages leave it out); ``members`` are project ids, the most connected first;
* actors: ``a.partners`` (other actors sharing an active project) and ``a.centrality`` (exact
  betweenness in the actor projection, igraph's, see ``betweenness``).

Both depend only on the graph (inputs sorted by id, fixed seed), so refreshing twice stores the
same values. They are as fresh as RELATED_TO: an edit shows in them after the next refresh.
"""

from __future__ import annotations

import random
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

import igraph
import numpy as np
from scipy import sparse

from graph.db import Graph

Row = dict[str, Any]
ACTIVE = ["pågående", "planerad", "okänd"]
COMMUNITY_MIN_SCORE = 0.2
COMMUNITY_SEED = 1
STORED_MIN_SIZE = 2  # refresh stores every community of two or more; readers filter by size
ALL = 2**31 - 1  # "no limit" for a Cypher LIMIT / slice


# --- the actor network ---------------------------------------------------------------------------


def actor_load(graph: Graph, min_projects: int = 3, statuses: list[str] | None = None) -> list[Row]:
    """Actors responsible for many active projects at once, with their place in the network.

    ``partners`` is the number of other actors the actor shares an active project with;
    ``centrality`` its betweenness in that actor projection (actors linked by shared projects): a
    high value means the actor holds otherwise separate work together. Counting runs in Cypher;
    partners and centrality are the values refresh stored for the active statuses (other
    ``statuses``, or actors refresh has not seen yet, are computed on the spot).
    """
    wanted = statuses or ACTIVE
    rows = graph.read("analytics/actor_load", statuses=wanted, min_projects=min_projects)
    if sorted(wanted) != sorted(ACTIVE) or any(row["centrality"] is None for row in rows):
        metrics = actor_metrics(memberships(graph, wanted))
        for row in rows:
            row["partners"], row["centrality"] = metrics.get(row["id"], (0, 0.0))
    for row in rows:
        row["projects"] = sorted(row["projects"])
        row["reasons"] = [
            f"ansvarig för {row['responsible_for']} aktiva projekt samtidigt",
            f"samverkar med {row['partners']} andra aktörer i projekten",
        ]
    rows.sort(key=lambda r: (-r["responsible_for"], -r["centrality"], r["name"] or "", r["id"]))
    return rows


def memberships(graph: Graph, statuses: list[str]) -> dict[str, list[str]]:
    """Actor id → ids of its projects with one of ``statuses`` (responsible or partner); every
    actor, sorted."""
    rows = graph.read("analytics/actor_project_ids", statuses=statuses)
    return {row["actor"]: sorted(row["projects"]) for row in rows}


def actor_metrics(projects_of: Mapping[str, Sequence[str]]) -> dict[str, tuple[int, float]]:
    """Actor id → (partners, centrality) in the actor projection of the actor–project network.

    Only actors with at least one project are in the network (as in networkx's projection);
    centrality is ``networkx.betweenness_centrality(projection, normalized=True)``, rounded to
    four decimals.
    """
    actors = sorted(a for a, projects in projects_of.items() if projects)
    if not actors:
        return {}
    columns: dict[str, int] = {}
    indptr, indices = [0], []
    for actor in actors:
        for project in sorted(set(projects_of[actor])):
            indices.append(columns.setdefault(project, len(columns)))
        indptr.append(len(indices))
    incidence = sparse.csr_matrix(
        (np.ones(len(indices)), indices, indptr), shape=(len(actors), max(1, len(columns)))
    )
    projection = (incidence @ incidence.T).tocsr()
    projection.setdiag(0)
    projection.eliminate_zeros()
    partners = np.diff(projection.indptr)
    centrality = betweenness(projection)
    return {actor: (int(partners[i]), round(float(centrality[i]), 4)) for i, actor in enumerate(actors)}


def betweenness(adjacency: sparse.spmatrix) -> np.ndarray:
    """Normalised betweenness centrality of an unweighted, undirected graph (symmetric adjacency,
    any positive weights ignored): igraph's exact Brandes in C, scaled like
    ``networkx.betweenness_centrality(G, normalized=True)`` (tested), i.e. divided by the
    ``(n - 1)(n - 2) / 2`` pairs of other nodes."""
    n = adjacency.shape[0]
    if n <= 2:
        return np.zeros(n)
    g, _ = _igraph(adjacency)
    return np.asarray(g.betweenness(directed=False, weights=None)) * 2.0 / ((n - 1) * (n - 2))


def _igraph(adjacency: sparse.spmatrix) -> tuple[igraph.Graph, list[float]]:
    """An undirected igraph graph on nodes 0..n-1 from a symmetric adjacency (upper triangle,
    self-loops dropped), and its edge weights."""
    upper = sparse.triu(sparse.coo_matrix(adjacency, dtype=np.float64), k=1).tocsr()
    upper.eliminate_zeros()
    upper = upper.tocoo()
    edges = np.column_stack([upper.row, upper.col]).tolist()
    return igraph.Graph(n=adjacency.shape[0], edges=edges, directed=False), upper.data.tolist()


# --- the network view (ui/pages/network.py): only what it draws ----------------------------------

CHOICES_LIMIT = 200
PER_TYPE = 30


def choices(
    graph: Graph, label: str, county: str | None = None, text: str = "", limit: int = CHOICES_LIMIT
) -> list[Row]:
    """Projects or actors (in ``county``) whose name contains ``text``, by name, at most ``limit``."""
    if label == "Project":
        return graph.read("analytics/network_projects", county=county, text=text.strip(), limit=limit)
    if label == "Actor":
        return graph.read("analytics/network_actors", county=county, text=text.strip(), limit=limit)
    raise ValueError(f"no network view from {label!r}")


def neighbourhood(graph: Graph, node_ids: Sequence[str], per_type: int = PER_TYPE) -> list[Row]:
    """The relationships of the given nodes the network view draws: per node and relationship
    type at most ``per_type`` neighbours (strongest related initiatives first, then by name), in
    the row shape of ``graph.queries.node_relations`` without the relationship properties."""
    return graph.read("analytics/network_neighbourhood", ids=list(node_ids), per_type=per_type)


# --- communities of overlapping projects ---------------------------------------------------------


def communities(
    graph: Graph,
    min_score: float = COMMUNITY_MIN_SCORE,
    min_size: int = 3,
    seed: int = COMMUNITY_SEED,
    *,
    limit: int | None = None,
    per_community: int | None = None,
) -> list[Row]:
    """Groups of projects that overlap with each other (``louvain`` on the RELATED_TO graph), largest
    first; ``projects`` lists the most connected members first, at most ``per_community`` of them
    (``size`` is always the whole community), for at most ``limit`` communities.

    Reads what refresh stored. Another ``min_score`` or ``seed``, or a graph refreshed by an older
    version, runs Louvain here instead (reading every related pair; the Louvain itself takes a few
    seconds at 50 000).
    """
    stored = (min_score, seed) == (COMMUNITY_MIN_SCORE, COMMUNITY_SEED)
    missing = graph.read_one("analytics/communities_missing", min_score=min_score) if stored else None
    if not stored or missing is None or missing["missing"]:
        return _communities_now(graph, min_score, min_size, seed)[: limit or ALL]
    found = graph.read(
        "analytics/communities", min_size=min_size, limit=limit or ALL, per_community=per_community or ALL
    )
    return [
        {
            "community": row["community"],
            "size": row["size"],
            "projects": [
                {"id": i, "name": name, "county": county} for _, i, name, county in sorted(row["projects"])
            ],
            "counties": row["counties"],
            "reasons": row["reasons"],
        }
        for row in found
    ]


def compute_communities(
    edges: Iterable[Row],
    info: Mapping[str, Row],
    min_score: float = COMMUNITY_MIN_SCORE,
    seed: int = COMMUNITY_SEED,
    min_size: int = STORED_MIN_SIZE,
) -> list[Row]:
    """Louvain communities of the pairs ``{a, b, score}`` with score >= ``min_score``.

    ``info`` maps a project id to ``{county, focus_areas, target_groups}`` (names), for the
    reasons. Rows ``{number, size, members, counties, reasons, min_score}``, numbered by size
    (then smallest id); ``members`` ordered by their summed score to other members, then id.
    The same edges in the same order give the same communities (fixed seed).
    """
    kept = sorted((e["a"], e["b"], e["score"]) for e in edges if e["score"] >= min_score)
    if not kept:
        return []
    ids = sorted({a for a, _, _ in kept} | {b for _, b, _ in kept})
    index = {node: i for i, node in enumerate(ids)}
    left = np.fromiter((index[a] for a, _, _ in kept), dtype=np.int64, count=len(kept))
    right = np.fromiter((index[b] for _, b, _ in kept), dtype=np.int64, count=len(kept))
    weight = np.fromiter((w for _, _, w in kept), dtype=np.float64, count=len(kept))
    adjacency = sparse.csr_matrix(
        (np.r_[weight, weight], (np.r_[left, right], np.r_[right, left])), shape=(len(ids), len(ids))
    )
    labels = louvain(adjacency, seed=seed)
    found: dict[int, list[str]] = defaultdict(list)
    for node, label in zip(ids, labels.tolist(), strict=True):
        found[label].append(node)
    groups = sorted((c for c in found.values() if len(c) >= min_size), key=lambda c: (-len(c), min(c)))
    # each member's summed score to the other members of its community: the most connected first
    same = labels[left] == labels[right]
    strength = np.bincount(left[same], weight[same], len(ids)) + np.bincount(
        right[same], weight[same], len(ids)
    )
    strength_of = dict(zip(ids, np.round(strength, 6).tolist(), strict=True))
    rows = []
    for number, members in enumerate(groups, start=1):
        ordered = sorted(members, key=lambda m: (-strength_of[m], m))
        projects = [info.get(m) or {} for m in ordered]
        common = _common(projects, "focus_areas") + _common(projects, "target_groups")
        counties = sorted({p["county"] for p in projects if p.get("county")})
        reasons = [f"{len(members)} projekt med inbördes likhet"]
        reasons += [f"{name} ({count} av {len(members)})" for name, count in common[:3]]
        if len(counties) > 1:
            reasons.append("flera län: " + ", ".join(counties))
        rows.append(
            {
                "number": number,
                "size": len(members),
                "members": ordered,
                "counties": counties,
                "reasons": reasons,
                "min_score": min_score,
            }
        )
    return rows


def louvain(adjacency: sparse.spmatrix, seed: int = COMMUNITY_SEED, resolution: float = 1.0) -> np.ndarray:
    """A community label per node of a weighted undirected graph (symmetric adjacency): igraph's
    Louvain in C (``community_multilevel``, Blondel et al. 2008, modularity with ``resolution``),
    the level with the best modularity. igraph visits the nodes in random order; its random number
    generator is seeded with ``seed`` for the call, so the same graph and seed give the same labels.
    """
    g, weights = _igraph(adjacency)
    igraph.set_random_number_generator(random.Random(seed))
    try:
        found = g.community_multilevel(weights=weights, resolution=resolution)
    finally:
        igraph.set_random_number_generator(random)  # igraph's default: the random module
    return np.asarray(found.membership, dtype=np.int64)


def _communities_now(graph: Graph, min_score: float, min_size: int, seed: int) -> list[Row]:
    edges = graph.read("analytics/related_edges", min_score=min_score)
    ids = sorted({e["a"] for e in edges} | {e["b"] for e in edges})
    info = {r["id"]: r for r in graph.read("analytics/project_names", ids=ids)}
    found = compute_communities(edges, info, min_score=min_score, seed=seed, min_size=min_size)
    return [
        {
            "community": row["number"],
            "size": row["size"],
            "projects": [
                {"id": m, "name": info[m]["name"], "county": info[m]["county"]}
                for m in row["members"]
                if m in info
            ],
            "counties": row["counties"],
            "reasons": row["reasons"],
        }
        for row in found
    ]


def _common(projects: list[Row], key: str) -> list[tuple[str, int]]:
    """Names shared by at least two of the projects, the most shared first, then by name: a tie must
    not be ordered by how a set happened to iterate (string hashes differ from process to process)."""
    counts = Counter(name for p in projects for name in set(p.get(key) or ()))
    return sorted(((n, c) for n, c in counts.items() if c >= 2), key=lambda item: (-item[1], item[0]))
