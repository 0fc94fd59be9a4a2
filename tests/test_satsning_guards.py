"""The satsning template refuses a repeated submit and holds a new one back while similar
initiatives exist, in the graph layer (whatever page or client calls it)."""

from __future__ import annotations

import pytest

from graph.db import Graph
from graph.maintain import edit, satsning
from tests.maintain_helpers import small_graph


def _projects_named(graph: Graph, name: str) -> list[str]:
    return [r["id"] for r in edit.nodes_by_label(graph, "Project") if r["name"] == name]


def test_the_same_form_twice_makes_one_post(graph: Graph) -> None:
    ids = small_graph(graph)
    form = satsning.Satsning(
        name="Gemensam läkemedelsgenomgång", goal_text="Färre fallolyckor", owner=ids["owner"],
        focus_areas=[ids["focus"]], pilot=True,
    )  # fmt: skip
    first = satsning.create(graph, form, "anna")
    with pytest.raises(satsning.TwinSubmit) as refused:
        satsning.create(graph, form, "anna")
    assert refused.value.project == first
    assert "Ingen ny post skapades" in refused.value.message
    with pytest.raises(satsning.TwinSubmit):  # "Skapa ändå" does not make a twin either
        satsning.create(graph, form, "anna", allow_similar=True)
    assert _projects_named(graph, form.name) == [first]


def test_a_similar_name_is_held_back_until_created_on_purpose(graph: Graph) -> None:
    ids = small_graph(graph)
    form = satsning.Satsning(name="Mobila teamen i hemsjukvården", goal_text="Vård hemma")
    with pytest.raises(satsning.SimilarExists) as held:
        satsning.create(graph, form, "anna")
    assert {p.id for p in held.value.similar} == {ids["mobile"], ids["twin"]}
    assert "liknande namn" in held.value.message
    assert _projects_named(graph, form.name) == []
    project = satsning.create(graph, form, "anna", allow_similar=True)
    assert _projects_named(graph, form.name) == [project]


def test_the_same_name_with_other_values_is_similar_not_a_twin(graph: Graph) -> None:
    small_graph(graph)
    satsning.create(graph, satsning.Satsning(name="Trygg hemgång", goal_text="A"), "anna")
    other = satsning.Satsning(name="Trygg hemgång", goal_text="B")
    with pytest.raises(satsning.SimilarExists):
        satsning.create(graph, other, "anna")
    satsning.create(graph, other, "anna", allow_similar=True)
    assert len(_projects_named(graph, "Trygg hemgång")) == 2
    assert satsning.similar_projects(graph, "Något helt annat") == []
