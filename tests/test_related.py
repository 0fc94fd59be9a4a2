"""Related initiatives: precomputed RELATED_TO with reasons, free text, and a labelled ranking."""

from __future__ import annotations

import json

import pytest

from domain.model import Extraction
from graph.analytics import refresh, related
from graph.db import Graph
from graph.settings import PROJECT_ROOT
from tests.analytics_corpus import load_corpus
from tests.factories import document, evidence, load

PAIRS = json.loads((PROJECT_ROOT / "tests" / "data" / "related_pairs.json").read_text(encoding="utf-8"))


def _ids_by_name(graph: Graph) -> dict[str, str]:
    return {row["name"]: row["id"] for row in graph.read("analytics/related_input")}


def _find(names: dict[str, str], prefix: str) -> list[str]:
    return [i for n, i in names.items() if n.casefold().startswith(prefix.casefold())]


@pytest.fixture
def corpus(graph: Graph) -> Graph:
    load_corpus(graph)
    refresh.refresh(graph)
    return graph


def test_unga_vuxna_work_is_related(corpus: Graph) -> None:
    names = _ids_by_name(corpus)
    activity = names["Tillsammans för unga vuxna"]
    found = related.related_to_project(corpus, activity, limit=5)
    workshops = next(r for r in found if r["name"].startswith("Lokala workshops kommunvis"))
    assert "samma målgrupp: unga vuxna 18-29 år" in workshops["reasons"]
    about = next(r for r in workshops["reasons"] if r.startswith("båda handlar om "))
    assert "unga" in about and "vuxna" in about  # words both texts write, not a number
    assert not any(any(ch.isdigit() for ch in r) and "textlikhet" in r for r in workshops["reasons"])
    # stored once per pair, found from both ends
    back = related.related_to_project(corpus, workshops["id"], limit=5)
    assert activity in [r["id"] for r in back]


def test_precision_at_5_on_labelled_pairs(corpus: Graph) -> None:
    names = _ids_by_name(corpus)
    scores = []
    for query in PAIRS["queries"]:
        (project,) = _find(names, query["project"])
        relevant = {i for prefix in query["relevant"] for i in _find(names, prefix)} - {project}
        top = [r["id"] for r in related.related_to_project(corpus, project, limit=5)]
        scores.append(len(set(top) & relevant) / min(5, len(relevant)))
    precision = sum(scores) / len(scores)
    print(f"precision@5 (capped by relevant count) = {precision:.2f} over {len(scores)} queries: {scores}")
    assert precision >= 0.5


def test_refresh_rewrites_related_and_keeps_it_computed(corpus: Graph) -> None:
    first = corpus.read(
        "analytics/overlap_text", min_text=0.0, min_score=0.0, across_counties=False, limit=10_000
    )
    report = refresh.refresh(corpus)
    second = corpus.read(
        "analytics/overlap_text", min_text=0.0, min_score=0.0, across_counties=False, limit=10_000
    )
    assert report.related_pairs == len(second) == len(first) > 0
    assert [(r["a_id"], r["b_id"], r["score"]) for r in first] == [
        (r["a_id"], r["b_id"], r["score"]) for r in second
    ]
    assert report.search_terms_written == 0  # nothing changed, nothing rewritten
    assert report.pairs_written == related.WriteCounts(created=0, updated=0, deleted=0)
    for row in second:
        assert row["reasons"] and all(isinstance(reason, str) for reason in row["reasons"])


def test_refresh_writes_only_the_pairs_that_differ(corpus: Graph) -> None:
    stored = sorted(related.stored_rows(corpus), key=lambda r: (r["a"], r["b"]))
    ids = sorted(_ids_by_name(corpus).values())
    pairs = {(r["a"], r["b"]) for r in stored}
    bogus = next((a, b) for a in ids for b in ids if a < b and (a, b) not in pairs)
    changed = stored[1] | {"score": 0.0001}
    tampered = [changed, *stored[2:], {**stored[0], "a": bogus[0], "b": bogus[1]}]
    # from the refreshed state: one pair gone, one changed, one new
    assert related.write(corpus, tampered) == related.WriteCounts(created=1, updated=1, deleted=1)
    report = refresh.refresh(corpus)
    assert report.pairs_written == related.WriteCounts(created=1, updated=1, deleted=1)
    assert sorted(related.stored_rows(corpus), key=lambda r: (r["a"], r["b"])) == stored


def test_free_text_finds_related_projects(corpus: Graph) -> None:
    found = related.related(corpus, "samverkan kring unga vuxna med psykosocial problematik")
    assert found["project"] is None
    top = [r["name"] for r in found["results"][:3]]
    assert "Tillsammans för unga vuxna" in top
    assert any("vuxna" in reason for reason in found["results"][0]["reasons"])


def test_unrelated_projects_are_not_linked(graph: Graph) -> None:
    ex = Extraction()
    a = ex.entity(
        "Project", "Fallprevention för äldre", evidence("a"), description="Minska fallskador hos äldre"
    )
    b = ex.entity(
        "Project", "Fallprevention i hemtjänst", evidence("b"), description="Fallskador bland äldre"
    )
    c = ex.entity(
        "Project", "Språkutvecklande arbetsplatser", evidence("c"), description="Svenska för personal"
    )
    load(graph, document("a.txt", "a"), ex)
    refresh.refresh(graph)
    ids = _ids_by_name(graph)
    near = related.related_to_project(graph, ids[a.name])
    assert [r["id"] for r in near] == [ids[b.name]]
    assert related.related_to_project(graph, ids[c.name]) == []
