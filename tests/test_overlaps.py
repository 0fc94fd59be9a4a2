"""Overlaps: coordination opportunities, similar text, actor load, across counties, communities."""

from __future__ import annotations

from graph.analytics import network, overlaps, refresh
from graph.db import Graph
from ingest.model import Extraction
from tests.analytics_corpus import load_corpus
from tests.factories import document, evidence, load


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
    (row,) = overlaps.goal_target_overlaps(graph)
    assert "samma mål: Fler har fast vårdkontakt" in row["reasons"]
    assert "samma målgrupp: äldre multisjuka" in row["reasons"]
    assert any(r.startswith("olika ansvariga") for r in row["reasons"])


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
        r.startswith("textlikhet") or ":" in r
        for row in overlaps.text_overlaps(graph)
        for r in row["reasons"]
    )
    groups = network.communities(graph)
    unga = [g for g in groups if any(p["name"] == "Tillsammans för unga vuxna" for p in g["projects"])]
    assert unga and any(p["name"].startswith("Lokala workshops kommunvis") for p in unga[0]["projects"])
