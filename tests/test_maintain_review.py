"""The review queue, the brevlåda, and the joint-investment template with its process states."""

from __future__ import annotations

import pytest

from domain import forms
from graph.db import Graph
from graph.maintain import Conflict, MaintainError, edit, history, review, satsning, undo
from tests.maintain_helpers import small_graph


def test_low_confidence_extractions_wait_for_review(graph: Graph) -> None:
    ids = small_graph(graph)
    queue = review.low_confidence(graph)
    assert [row["id"] for row in queue] == [ids["target"]]
    assert queue[0]["quotes"] and "äldre" in queue[0]["quotes"][0]
    review.accept(graph, ids["target"], queue[0]["version"], "anna")
    assert review.low_confidence(graph) == []
    assert history.history(graph, node_id=ids["target"])[0].action == "review"


def test_rejecting_an_extraction_deletes_it_and_undo_brings_it_back(graph: Graph) -> None:
    ids = small_graph(graph)
    change = review.reject(graph, ids["target"], "anna")
    assert edit.get_node(graph, ids["target"]) is None and review.low_confidence(graph) == []
    undo.undo(graph, change, "anna")
    assert [row["id"] for row in review.low_confidence(graph)] == [ids["target"]]


def test_brevlada_suggestion_lands_in_the_queue_and_becomes_a_project(graph: Graph) -> None:
    first = review.submit(graph, "idé", "Digitala hembesök", "Prova videobesök i hemtjänsten", "viewer1")
    second = review.submit(graph, "behov", "Stöd för anhöriga", "", "viewer2")
    assert [s["id"] for s in review.open_suggestions(graph)] == [first, second]
    with pytest.raises(MaintainError):
        review.submit(graph, "klagomål", "x", "", "viewer1")
    project = review.accept_suggestion(graph, first, "anna", county="Sörmland")
    review.reject_suggestion(graph, second, "anna")
    assert review.open_suggestions(graph) == []
    node = edit.get_node(graph, project)["properties"]
    assert node["name"] == "Digitala hembesök" and node["process_state"] == "idé/behov"
    assert node["manual"] is True and node["status"] == "planerad"
    with pytest.raises(MaintainError, match="redan hanterat"):
        review.accept_suggestion(graph, first, "anna")


def test_template_creates_a_linked_satsning_and_states_are_recorded(graph: Graph) -> None:
    ids = small_graph(graph)
    form = satsning.Satsning(
        name="Gemensam satsning: mobila team",
        goal_text="Färre akuta besök",
        owner=ids["owner"],
        target_groups=[ids["target"]],
        focus_areas=[ids["focus"]],
        timeplan_text="2025–2026",
        county="Sörmland",
        resources="Processledare 50 %",
        financing="Delat 50/50",
    )
    project = satsning.create(graph, form, "anna")
    node = edit.get_node(graph, project)
    rels = edit.relationships_of(graph, project)
    assert {(r["type"], r["other"]) for r in rels} == {
        ("RESPONSIBLE_FOR", ids["owner"]),
        ("TARGETS", ids["target"]),
        ("IN_FOCUS_AREA", ids["focus"]),
    }
    ready = satsning.readiness(node["properties"], rels)
    assert ready == {
        "Tydligt uppdrag och beslut från Länsstyrgruppen": False,
        "Avsatta resurser, t.ex. namngiven ansvarig": True,
        "Definierad finansiering": True,
        "Plan för uppföljning": False,
        "Test före breddinförande": False,
    }
    version = node["version"]
    for state in forms.PROCESS_STATES[1:]:
        version = satsning.set_state(graph, project, state, version, "bo")["version"]
    with pytest.raises(Conflict):
        satsning.set_state(graph, project, "underlag", 1, "bo")
    with pytest.raises(MaintainError):
        satsning.set_state(graph, project, "okänt steg", version, "bo")
    steps = satsning.state_history(graph, project)
    assert [(s["from"], s["to"]) for s in steps] == list(
        zip(forms.PROCESS_STATES, forms.PROCESS_STATES[1:], strict=False)
    )
    assert all(s["user"] == "bo" for s in steps)
    assert edit.get_node(graph, project)["properties"]["status"] == "avslutad"
