"""Merging duplicates keeps every relationship and all provenance; split puts everything back."""

from __future__ import annotations

import json
from collections import Counter

import pytest
from rapidfuzz import fuzz

from domain.states import DuplicateReason
from graph import export
from graph.db import Graph
from graph.maintain import MaintainError, edit, history, merge, review, undo
from tests.maintain_helpers import small_graph


def _edges(graph: Graph, node_id: str) -> Counter:
    data = export.snapshot(graph)
    return Counter(
        (r["type"], r["start"] == node_id, r["end"] if r["start"] == node_id else r["start"])
        for r in data["relationships"]
        if node_id in (r["start"], r["end"])
    )


def test_duplicates_are_suggested_and_can_be_marked_distinct(graph: Graph) -> None:
    ids = small_graph(graph)
    pairs = review.duplicates(graph)
    assert {(p.a, p.b) for p in pairs} == {tuple(sorted((ids["mobile"], ids["twin"])))}
    assert pairs[0].label == "Project"
    review.mark_distinct(graph, ids["mobile"], ids["twin"])
    assert review.duplicates(graph) == []


def test_merge_keeps_relationships_and_provenance_and_split_restores_the_graph(graph: Graph) -> None:
    ids = small_graph(graph)
    keep, drop = ids["mobile"], ids["twin"]
    before = export.to_json(graph)
    mentions = len(edit.mentions_of(graph, keep)) + len(edit.mentions_of(graph, drop))
    drop_name = edit.get_node(graph, drop)["properties"]["name"]

    change = merge.merge(graph, keep, drop, "anna")
    assert edit.get_node(graph, drop) is None
    kept = edit.get_node(graph, keep)["properties"]
    assert drop_name in kept["aliases"] and kept["merged_ids"] == [drop]
    assert len(edit.mentions_of(graph, keep)) == mentions  # all provenance stays
    participates = [
        r
        for r in export.snapshot(graph)["relationships"]
        if r["type"] == "PARTICIPATES_IN" and r["end"] == keep
    ]
    assert sorted(r["start"] for r in participates) == sorted([ids["owner"], ids["group"]])
    from_owner = next(r for r in participates if r["start"] == ids["owner"])  # both documents said it
    sources = [json.loads(s)["quote"] for s in from_owner["properties"]["sources"]]
    assert sorted(sources) == [
        "Region Sörmland deltar i mobila team",
        "Region Sörmland deltar i mobila teamet",
    ]
    assert from_owner["properties"]["source_docs"] == sorted([ids["doc1"], ids["doc2"]])
    assert history.history(graph, node_id=keep)[0].action == "merge"

    merge.split(graph, change, "bo")
    after = json.loads(export.to_json(graph))
    expected = json.loads(before)
    # the graph is as before, apart from the history and keep's bumped version
    strip = lambda data: {  # noqa: E731
        "nodes": [
            {**n, "properties": {k: v for k, v in n["properties"].items() if k != "version"}}
            for n in data["nodes"]
            if "Change" not in n["labels"]
        ],
        "relationships": data["relationships"],
    }
    assert strip(after) == strip(expected)
    with pytest.raises(MaintainError, match="redan"):
        merge.split(graph, change, "bo")


def test_merge_moves_relationships_to_other_nodes(graph: Graph) -> None:
    ids = small_graph(graph)
    project_edges = _edges(graph, ids["project"])
    # the owner merged into the focus area is refused: different labels
    with pytest.raises(MaintainError, match="samma typ"):
        merge.merge(graph, ids["owner"], ids["focus"], "anna")
    other = edit.create_node(graph, "Actor", {"name": "Region Sörmland (dubblett)"}, "anna")
    edit.relate(graph, "MEMBER_OF", other, ids["group"], "anna")
    change = merge.merge(graph, ids["owner"], other, "anna")
    assert _edges(graph, ids["project"]) == project_edges
    assert _edges(graph, ids["owner"])[("MEMBER_OF", True, ids["group"])] == 1
    undo.undo(graph, change, "anna")  # undo of a merge is a split
    assert _edges(graph, other)[("MEMBER_OF", True, ids["group"])] == 1
    assert _edges(graph, ids["owner"])[("MEMBER_OF", True, ids["group"])] == 0


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Beslut Styrgruppen 2022-02", "Beslut Styrgruppen 2022-03"),  # two decisions: other dates
        ("Beslut Länsstyrgruppen 2022", "Beslut Styrgruppen 2022"),  # other bodies
        ("Skolchefsnätverket", "Socialchefnätverket"),  # other networks
        ("Arbetsgrupp för nära vård i Askersund", "Styrgrupp för nära vård i Askersund"),
        ("Öka antalet patienter med fast läkarkontakt", "Öka antalet patienter med fast vårdkontakt"),
    ],
)
def test_similar_names_of_two_things_are_not_suggested(a: str, b: str) -> None:
    assert review.duplicate_reason(a, b, fuzz.token_sort_ratio(a, b)) is None


def test_a_suggestion_says_why_the_names_may_be_one_post() -> None:
    def why(a: str, b: str) -> tuple[DuplicateReason, str] | None:
        return review.duplicate_reason(a, b, fuzz.token_sort_ratio(a, b))

    assert why("Socialnämnden (Härjedalens kommun)", "Socialnämnden i Härjedalens kommun") == (
        DuplicateReason.INFLECTION,
        "",
    )
    assert why("Handlingsplan för god och nära vård", "handlingsplanen för god och nära vård") == (
        DuplicateReason.INFLECTION,
        "",
    )
    assert why("Tillsammans för barnens bästa", "Tillsammans för barnens bästa i Sörmland") == (
        DuplicateReason.ADDITION,
        "i Sörmland",
    )
    assert why("Samordnad individuell plan", "Samordnad indivduell plan") == (DuplicateReason.SPELLING, "")
