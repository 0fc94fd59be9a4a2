"""Networks of overlapping work: communities of related projects, and the actor network with each
actor's load, partners and centrality.

What is expensive runs once per ``refresh`` (graph/analytics/refresh.py) and is stored, so the
functions the app and the CLI call are plain reads:

* communities: Louvain (``louvain``: modularity, fixed seed) on the RELATED_TO pairs with score
  >= 0.2, stored as
  ``(:Community {number, size, members, counties, reasons, min_score})`` (no ``id``: exports and
  detail pages leave it out); ``members`` are project ids, the most connected first;
* actors: ``a.partners`` (other actors sharing an active project) and ``a.centrality`` (exact
  betweenness in the actor projection, computed with sparse matrix products, see ``betweenness``).

Both depend only on the graph (inputs sorted by id, fixed seed), so refreshing twice stores the
same values. They are as fresh as RELATED_TO: an edit shows in them after the next refresh.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Any

import numpy as np
from scipy import sparse

from graph.db import Graph

if TYPE_CHECKING:
    import networkx as nx

Row = dict[str, Any]
ACTIVE = ["pågående", "planerad", "okänd"]
COMMUNITY_MIN_SCORE = 0.2
COMMUNITY_SEED = 1
STORED_MIN_SIZE = 2  # refresh stores every community of two or more; readers filter by size
ALL = 2**31 - 1  # "no limit" for a Cypher LIMIT / slice


# --- the actor network ---------------------------------------------------------------------------


def actor_network(graph: Graph, statuses: list[str] | None = None) -> nx.Graph:
    """Bipartite actor–project graph (node attribute ``kind``: "actor" or "project"; edge attribute
    ``responsible``: the actor is responsible for the project, not only a partner)."""
    import networkx as nx  # only here: the app and refresh never need it

    g = nx.Graph()
    for row in graph.read("analytics/actor_projects", statuses=statuses or ACTIVE):
        g.add_node(row["actor"], kind="actor", name=row["actor_name"], type=row["actor_type"])
        for project, name, responsible in row["projects"]:
            g.add_node(project, kind="project", name=name)
            g.add_edge(row["actor"], project, responsible=responsible)
    return g


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


def betweenness(adjacency: sparse.spmatrix, block: int = 256) -> np.ndarray:
    """Normalised betweenness centrality of an unweighted, undirected graph (symmetric adjacency,
    any positive weights ignored): Brandes' algorithm, run for ``block`` sources at a time level by
    level, each level one sparse × dense product, so it is exact and fast for a few thousand nodes.
    Equals ``networkx.betweenness_centrality(G, normalized=True)`` (tested)."""
    n = adjacency.shape[0]
    if n <= 2:
        return np.zeros(n)
    a = sparse.csr_matrix(adjacency, dtype=np.float64, copy=True)
    a.data[:] = 1.0
    a.setdiag(0)
    a.eliminate_zeros()
    total = np.zeros(n)
    for lo in range(0, n, block):
        sources = np.arange(lo, min(n, lo + block))
        rows = np.arange(len(sources))
        sigma = np.zeros((len(sources), n))  # shortest paths from each source
        sigma[rows, sources] = 1.0
        level = np.full((len(sources), n), -1, dtype=np.int32)
        level[rows, sources] = 0
        frontier = sigma.copy()
        depth = 0
        while True:
            paths = np.asarray(a @ frontier.T).T
            new = (paths > 0) & (level < 0)
            if not new.any():
                break
            depth += 1
            level[new] = depth
            frontier = np.where(new, paths, 0.0)
            sigma += frontier
        delta = np.zeros_like(sigma)
        with np.errstate(divide="ignore", invalid="ignore"):
            for d in range(depth, 1, -1):  # dependencies flow from level d to level d - 1
                coefficient = np.where(level == d, (1.0 + delta) / sigma, 0.0)
                spread = np.asarray(a @ coefficient.T).T
                delta += np.where(level == d - 1, sigma * spread, 0.0)
        total += delta.sum(axis=0)
    return total / ((n - 1) * (n - 2))


# --- the network view (ui/pages/network.py): only what it draws ----------------------------------

CHOICES_LIMIT = 200
PER_TYPE = 30


def choices(
    graph: Graph, label: str, county: str | None = None, text: str = "", limit: int = CHOICES_LIMIT
) -> list[Row]:
    """Projects (in ``county``) or actors whose name contains ``text``, by name, at most ``limit``."""
    if label == "Project":
        return graph.read("analytics/network_projects", county=county, text=text.strip(), limit=limit)
    if label == "Actor":
        return graph.read("analytics/network_actors", text=text.strip(), limit=limit)
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
    version, runs Louvain here instead (reading every related pair: about a minute at 50 000).
    """
    stored = (min_score, seed) == (COMMUNITY_MIN_SCORE, COMMUNITY_SEED)
    if not stored or graph.read_one("analytics/communities_missing", min_score=min_score)["missing"]:
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
    """A community label per node of a weighted undirected graph (symmetric adjacency): Louvain
    (Blondel et al. 2008, modularity with ``resolution``) with the local moving done for all nodes
    at once in sparse matrix products, so 50 000 projects take seconds where networkx's
    node-by-node loop takes a minute.

    Each round every node finds the neighbouring community with the best modularity gain; of the
    nodes that gain by moving, a random half (``seed``) moves, so that neighbours do not swap back
    and forth. A level ends when at most one in a thousand nodes (and at least one) still wants to
    move; its communities become the nodes of the next level, until nothing merges. Labels are
    0..k-1; the same graph and seed give the same labels.
    """
    weights = sparse.csr_matrix(adjacency, dtype=np.float64)
    labels = np.arange(weights.shape[0])
    total = weights.sum()
    if total == 0:
        return labels
    rng = np.random.default_rng(seed)
    while True:
        found = _local_moving(weights, total, resolution, rng)
        _, found = np.unique(found, return_inverse=True)
        count = int(found.max()) + 1
        if count == weights.shape[0]:
            return labels
        labels = found[labels]
        members = sparse.csr_matrix(
            (np.ones(len(found)), (np.arange(len(found)), found)), shape=(len(found), count)
        )
        weights = (members.T @ weights @ members).tocsr()  # a community's inside weight on its diagonal


def _local_moving(
    weights: sparse.csr_matrix, total: float, resolution: float, rng: np.random.Generator
) -> np.ndarray:
    n = weights.shape[0]
    nodes = np.arange(n)
    strength = np.asarray(weights.sum(axis=1)).ravel()
    others = weights.copy()
    others.setdiag(0)
    others.eliminate_zeros()
    community = nodes.copy()
    community_strength = strength.copy()
    for _ in range(1000):
        member = sparse.csr_matrix((np.ones(n), (nodes, community)), shape=(n, n))
        links = (others @ member).tocsr()  # links[i, c]: weight from node i to community c
        links.sort_indices()
        counts = np.diff(links.indptr)
        rows = np.repeat(nodes, counts)
        cols = links.indices
        gain = links.data - resolution * strength[rows] * community_strength[cols] / total
        own = cols == community[rows]
        to_own = np.zeros(n)
        to_own[rows[own]] = links.data[own]
        own_rest = community_strength[community] - strength
        stay = to_own - resolution * strength * own_rest / total
        gain[own] = -np.inf
        linked = np.flatnonzero(counts)
        if len(linked) == 0:
            break
        best = np.maximum.reduceat(gain, links.indptr[linked])
        at_best = np.flatnonzero(gain == np.repeat(best, counts[linked]))
        first = at_best[np.r_[True, rows[at_best][1:] != rows[at_best][:-1]]]  # ties: smallest label
        wants = gain[first] > stay[rows[first]] + 1e-12
        movers, targets = rows[first][wants], cols[first][wants]
        if len(movers) == 0:
            break
        chosen = rng.random(len(movers)) < 0.5
        chosen[rng.integers(len(movers))] = True
        community = community.copy()
        community[movers[chosen]] = targets[chosen]
        community_strength = np.bincount(community, weights=strength, minlength=n)
        if len(movers) <= n // 1000:
            break
    return community


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
    counts = Counter(name for p in projects for name in set(p.get(key) or ()))
    return [(n, c) for n, c in counts.most_common() if c >= 2]
