"""Overlaps: coordination opportunities, similar text, actor load, across counties, communities."""

from __future__ import annotations

import networkx as nx
import numpy as np
import pytest
from scipy import sparse

from domain.model import Extraction
from graph.analytics import network, overlaps, refresh
from graph.db import Graph
from tests.analytics_corpus import load_corpus
from tests.factories import document, evidence, load

# The actor network as networkx sees it: the reference the stored (igraph) centrality is checked
# against. Each actor with the active projects it is responsible for or takes part in.
ACTOR_PROJECTS = """
MATCH (a:Actor)-[r:RESPONSIBLE_FOR|PARTICIPATES_IN]->(p:Project)
WHERE coalesce(p.status, 'okänd') IN $statuses
WITH a, p, 'RESPONSIBLE_FOR' IN collect(type(r)) AS responsible
RETURN a.id AS actor, a.name AS actor_name, a.type AS actor_type,
       collect([p.id, p.name, responsible]) AS projects
ORDER BY actor
"""


def actor_network(graph: Graph) -> nx.Graph:
    """Bipartite actor–project graph (node attribute ``kind``: "actor" or "project"; edge attribute
    ``responsible``: the actor is responsible for the project, not only a partner)."""
    g = nx.Graph()
    with graph.session() as session:
        rows = session.run(ACTOR_PROJECTS, statuses=network.ACTIVE).data()
    for row in rows:
        g.add_node(row["actor"], kind="actor", name=row["actor_name"], type=row["actor_type"])
        for project, name, responsible in row["projects"]:
            g.add_node(project, kind="project", name=name)
            g.add_edge(row["actor"], project, responsible=responsible)
    return g


def test_same_goal_and_target_group_with_different_responsibles(graph: Graph) -> None:
    ex = Extraction()
    goal = ex.entity("Goal", "Fler har fast vårdkontakt", evidence("g"))
    group = ex.entity("TargetGroup", "äldre multisjuka", evidence("t"))
    a = ex.entity("Project", "Fast vårdkontakt i Flen", evidence("a"))
    b = ex.entity("Project", "Vårdkontakt för multisjuka", evidence("b"))
    for project, actor in ((a, "Flens kommun"), (b, "Region Sörmland")):
        ex.relate("ADDRESSES", project, goal, evidence("x"))
        ex.relate("TARGETS", project, group, evidence("x"))
        ex.relate("RESPONSIBLE_FOR", ex.entity("Actor", actor, evidence(actor)), project, evidence("x"))
    load(graph, document("o.txt", "o"), ex)
    assert overlaps.goal_target_overlaps(graph) == []  # refresh finds the candidates
    refresh.refresh(graph)
    (row,) = overlaps.goal_target_overlaps(graph)
    assert "samma mål: Fler har fast vårdkontakt" in row["reasons"]
    assert "samma målgrupp: äldre multisjuka" in row["reasons"]
    assert any(r.startswith("olika ansvariga") for r in row["reasons"])


def test_a_shared_responsible_actor_is_no_coordination_opportunity(graph: Graph) -> None:
    ex = Extraction()
    goal = ex.entity("Goal", "Fler har fast vårdkontakt", evidence("g"))
    group = ex.entity("TargetGroup", "äldre multisjuka", evidence("t"))
    region = ex.entity("Actor", "Region Sörmland", evidence("r"))
    for name in ("Fast vårdkontakt i Flen", "Vårdkontakt för multisjuka"):
        project = ex.entity("Project", name, evidence(name))
        ex.relate("ADDRESSES", project, goal, evidence("x"))
        ex.relate("TARGETS", project, group, evidence("x"))
        ex.relate("RESPONSIBLE_FOR", region, project, evidence("x"))
    load(graph, document("o.txt", "o"), ex)
    report = refresh.refresh(graph)
    assert report.related_pairs == 1 and report.coordination_pairs == 0
    assert overlaps.goal_target_overlaps(graph) == []


def test_the_same_initiative_in_two_counties(graph: Graph) -> None:
    for county, name in (("Sörmland", "Egenmonitorering i hemmet"), ("Örebro län", "Egenmonitorering hemma")):
        ex = Extraction()
        ex.entity("Project", name, evidence(name), description="Egenmonitorering av blodtryck för multisjuka")
        ex.entity(
            "Project", f"Språkombud {county}", evidence("s"), description="Språkutveckling för personal"
        )
        load(graph, document(f"{county}.txt", county, county=county), ex)
    refresh.refresh(graph)
    rows = overlaps.county_overlaps(graph)
    assert {(r["a_name"], r["b_name"]) for r in rows if "Egenmonitorering" in r["a_name"]} and all(
        r["a_county"] != r["b_county"] for r in rows
    )
    reasons = next(r["reasons"] for r in rows if "Egenmonitorering" in r["a_name"])
    assert "olika län: Sörmland och Örebro län" in reasons or "olika län: Örebro län och Sörmland" in reasons


def test_overlaps_on_the_corpus(graph: Graph) -> None:
    load_corpus(graph)
    refresh.refresh(graph)
    load_rows = overlaps.actor_load(graph, min_projects=3)
    assert load_rows[0]["name"] == "Länsgemensamt regionalt stöd"
    assert load_rows[0]["responsible_for"] >= 10
    assert all(
        r.startswith("båda handlar om ") or ":" in r
        for row in overlaps.text_overlaps(graph)
        for r in row["reasons"]
    )
    groups = network.communities(graph)
    unga = [g for g in groups if any(p["name"] == "Tillsammans för unga vuxna" for p in g["projects"])]
    assert unga and any(p["name"].startswith("Lokala workshops kommunvis") for p in unga[0]["projects"])


def test_refresh_stores_communities_and_actor_metrics_the_same_each_time(graph: Graph) -> None:
    load_corpus(graph)
    first = refresh.refresh(graph)
    stored = network.communities(graph)
    load_rows = network.actor_load(graph)
    assert first.communities >= len(stored) > 0 and first.actors_in_network > 0
    assert load_rows and all(r["centrality"] is not None for r in load_rows)
    # what refresh stored is what Louvain gives on the spot (same edges, same seed)
    assert stored == network._communities_now(graph, network.COMMUNITY_MIN_SCORE, 3, network.COMMUNITY_SEED)
    # refresh twice: the same communities, centralities and coordination marks
    second = refresh.refresh(graph)
    assert (
        second.related_pairs,
        second.coordination_pairs,
        second.communities,
        second.actors_in_network,
    ) == (
        first.related_pairs,
        first.coordination_pairs,
        first.communities,
        first.actors_in_network,
    )
    assert network.communities(graph) == stored
    assert network.actor_load(graph) == load_rows
    # a limit keeps the shape: the largest first, ``size`` the whole community
    (top,) = network.communities(graph, limit=1, per_community=2)
    assert top["community"] == 1 and top["size"] == stored[0]["size"]
    assert top["projects"] == stored[0]["projects"][:2]


def test_stored_centrality_is_networkx_betweenness(graph: Graph) -> None:
    load_corpus(graph)
    refresh.refresh(graph)
    g = actor_network(graph)
    actors = [n for n, d in g.nodes(data=True) if d["kind"] == "actor"]
    projection = nx.bipartite.weighted_projected_graph(g, actors)
    expected = nx.betweenness_centrality(projection, normalized=True)
    rows = network.actor_load(graph, min_projects=1)
    assert rows
    for row in rows:
        assert row["centrality"] == round(expected[row["id"]], 4)
        assert row["partners"] == projection.degree(row["id"])


@pytest.mark.parametrize("seed", range(4))
def test_betweenness_matches_networkx(seed: int) -> None:
    g = nx.gnm_random_graph(50, 90, seed=seed)
    g.add_node(50)  # an isolated node counts in the normalisation
    nodes = sorted(g)
    ours = network.betweenness(sparse.csr_matrix(nx.to_scipy_sparse_array(g, nodelist=nodes)))
    expected = nx.betweenness_centrality(g, normalized=True)
    assert np.allclose(ours, [expected[n] for n in nodes])


def test_network_view_reads_only_what_it_draws(graph: Graph) -> None:
    load_corpus(graph)
    refresh.refresh(graph)
    (project,) = [
        p
        for p in network.choices(graph, "Project", text="unga vuxna")
        if p["name"] == "Tillsammans för unga vuxna"
    ]
    rows = network.neighbourhood(graph, [project["id"]], per_type=2)
    per_type: dict[str, int] = {}
    for row in rows:
        assert row["node"] == project["id"] and row["type"] != "MENTIONED_IN"
        per_type[row["type"]] = per_type.get(row["type"], 0) + 1
    assert per_type and max(per_type.values()) <= 2
    related = [r["other_id"] for r in rows if r["type"] == "RELATED_TO"]
    scores = {
        r["id"]: r["score"] for r in graph.read("analytics/related_for_project", id=project["id"], limit=50)
    }
    second_best = sorted(scores.values(), reverse=True)[1]
    assert len(related) == 2 and all(scores[i] >= second_best for i in related)  # the strongest first
    assert network.choices(graph, "Project", county="Finns inte") == []
    assert len(network.choices(graph, "Actor", limit=3)) == 3


@pytest.mark.parametrize(
    "g",
    [nx.karate_club_graph(), nx.les_miserables_graph(), nx.planted_partition_graph(8, 30, 0.3, 0.01, seed=3)],
    ids=["karate", "les_miserables", "planted"],
)
def test_louvain_is_as_good_as_networkx_and_repeatable(g: nx.Graph) -> None:
    nodes = sorted(g)
    weight = "weight" if nx.is_weighted(g) else None
    adjacency = sparse.csr_matrix(nx.to_scipy_sparse_array(g, nodelist=nodes, weight=weight))
    labels = network.louvain(adjacency, seed=1)
    ours = [{nodes[i] for i in np.flatnonzero(labels == c)} for c in range(labels.max() + 1)]
    theirs = nx.community.louvain_communities(g, weight=weight, seed=1)
    mine, best = (nx.community.modularity(g, c, weight=weight) for c in (ours, theirs))
    assert mine >= best - 0.02
    assert (network.louvain(adjacency, seed=1) == labels).all()


def test_compute_communities_does_not_depend_on_edge_order() -> None:
    g = nx.les_miserables_graph()
    top = max(w for _, _, w in g.edges(data="weight"))
    edges = [{"a": a, "b": b, "score": w / top} for a, b, w in g.edges(data="weight")]
    info = {n: {"county": "Sörmland", "focus_areas": [], "target_groups": []} for n in g}
    rows = network.compute_communities(edges, info, min_score=0.0)
    assert rows and sum(r["size"] for r in rows) <= len(g)
    for seed in range(3):
        shuffled = edges[:]
        np.random.default_rng(seed).shuffle(shuffled)
        flipped = [{"a": e["b"], "b": e["a"], "score": e["score"]} for e in shuffled]
        assert network.compute_communities(flipped, info, min_score=0.0) == rows


def test_community_reasons_do_not_depend_on_the_order_names_come_in() -> None:
    """Ties between shared names are ordered by name, not by how a set happened to iterate: the
    refresh (names sorted) and a read from the database (names in storage order) must agree."""
    edges = [
        {"a": "p1", "b": "p2", "score": 0.9},
        {"a": "p2", "b": "p3", "score": 0.9},
        {"a": "p1", "b": "p3", "score": 0.9},
    ]
    names = ["Psykisk hälsa", "Äldre", "Barn och unga", "Digitalisering", "Rehabilitering"]
    reasons = set()
    for turn in range(12):
        order = names[turn % 5 :] + names[: turn % 5]
        info = {
            p: {"county": "Sörmland", "focus_areas": order[::-1] if turn % 2 else order, "target_groups": []}
            for p in ("p1", "p2", "p3")
        }
        (row,) = network.compute_communities(edges, info, min_size=3)
        reasons.add(tuple(row["reasons"]))
    assert len(reasons) == 1
    assert reasons.pop()[1:] == (
        "Barn och unga (3 av 3)",
        "Digitalisering (3 av 3)",
        "Psykisk hälsa (3 av 3)",
    )
