"""What keeps the pages fast at national scale (issue 7), against the sample and pure functions:
the overview counted in the database, name search in the node pickers, detail pages in parts."""

from __future__ import annotations

import itertools
from collections import Counter
from collections.abc import Iterator

import pytest
from rapidfuzz import fuzz
from streamlit.testing.v1 import AppTest

from graph import queries
from graph.db import Graph
from graph.maintain import review
from graph.maintain.users import User
from graph.settings import Settings
from tests.app_support import fresh_app, load_sample, open_page, text_of
from ui import components, figures, maintain_ui

UNGA_VUXNA = "project-tillsammans-for-unga-vuxna"


@pytest.fixture(scope="module")
def sample(neo4j_settings: Settings) -> Settings:
    load_sample(neo4j_settings)
    return neo4j_settings


@pytest.fixture(scope="module")
def db(sample: Settings) -> Iterator[Graph]:
    with Graph(sample) as graph:
        yield graph


@pytest.fixture
def app(sample: Settings, monkeypatch: pytest.MonkeyPatch) -> Iterator[AppTest]:
    yield from fresh_app(sample, monkeypatch)


# --- the overview, counted in the database ------------------------------------------------------


def test_overview_counts_match_the_projects_one_by_one(db: Graph) -> None:
    projects = queries.project_facts(db)
    summary = queries.overview(db)
    for county in (None, "Sörmland"):
        chosen = [p for p in projects if county is None or p["county"] == county]
        assert chosen
        counts = figures.overview_counts(summary, county)
        focus = Counter(min(p["focus_areas"]) if p["focus_areas"] else "Utan fokusområde" for p in chosen)
        status = Counter(p["status"] or "okänd" for p in chosen)
        owner = Counter(queries.huvudman([r.get("type") for r in p["responsible"]]) for p in chosen)
        assert (counts["Fokusområde"], counts["Status"], counts["Huvudman"]) == (focus, status, owner)
        rows = figures.overview_timeline(summary, county)
        assert sum(r["projects"] for r in rows) == len(chosen)


def test_running_per_year_counts_a_project_in_every_year_of_its_plan() -> None:
    rows = [
        {"focus_area": "Digitalisering", "status": "pågående", "start": "2024", "end": "2026", "projects": 3},
        {"focus_area": None, "status": "planerad", "start": "2025-05", "end": None, "projects": 2},
        {"focus_area": "Digitalisering", "status": None, "start": None, "end": None, "projects": 4},
    ]
    frame, undated = figures.running_per_year(rows)
    counts = {(r["År"], r["Fokusområde"]): r["Projekt"] for r in frame.to_dict("records")}
    assert counts == {
        (2024, "Digitalisering"): 3,
        (2025, "Digitalisering"): 3,
        (2026, "Digitalisering"): 3,
        (2025, "Utan fokusområde"): 2,
    }
    assert undated == 4
    assert figures.years_chart(frame) is not None
    assert figures.years_chart(frame.iloc[0:0]) is None


def test_overview_filters_by_county_and_counts_per_year_when_many(
    app: AppTest, monkeypatch: pytest.MonkeyPatch
) -> None:
    from ui import data

    at = open_page(app, "overview")
    assert at.get("plotly_chart")  # few projects: each one on the timeline
    assert any(e.label.startswith("Projekten i tidslinjen (") for e in at.expander)
    county = at.selectbox(key="overview_county")
    county.set_value("Sörmland").run()
    in_county = [p for p in data.project_facts() if p["county"] == "Sörmland"]
    assert int({m.label: m.value for m in at.metric}["Projekt"]) == len(in_county) > 0

    monkeypatch.setattr(figures, "GANTT_MAX_PROJECTS", 0)  # as with 50 000 projects
    at.run()
    assert not at.exception
    assert any("räknade per år och fokusområde" in c.value for c in at.caption)
    assert not at.expander


# --- pickers: a name search for a large label ---------------------------------------------------


def test_find_nodes_matches_every_word_in_any_case(db: Graph) -> None:
    found = queries.find_nodes(db, "Project", "UNGA vux")
    assert any(r["id"].startswith(UNGA_VUXNA) for r in found)
    assert all("unga" in r["name"].casefold() and "vux" in r["name"].casefold() for r in found)
    assert queries.find_nodes(db, "Project", "unga ordsomintefinns") == []
    assert queries.find_nodes(db, "Project", "   ") == []
    assert len(queries.find_nodes(db, "Project", "e", limit=2)) == 2
    assert queries.find_nodes(db, "Actor", "unga vuxna") == []  # only the asked label
    assert queries.label_sizes(db)["Project"] == len(queries.project_facts(db))


def test_project_picker_finds_a_project_by_part_of_its_name(
    app: AppTest, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(components, "PICKER_LIST_MAX", 0)  # every label counts as large
    at = open_page(app, "project")
    assert not at.selectbox[0].options  # nothing listed before a search
    at.text_input(key="pick_search:Project").input("unga vux").run()
    options = at.selectbox[0].options
    assert options and all("unga" in o.casefold() and "vux" in o.casefold() for o in options)
    index = next(i for i, o in enumerate(options) if "tillsammans för unga vuxna" in o.casefold())
    at.selectbox[0].select_index(index).run()
    assert not at.exception
    assert at.selectbox[0].value.startswith(UNGA_VUXNA)
    assert "Var uppgiften står" in "\n".join(s.value for s in at.subheader)


def test_deep_link_works_with_the_name_search(app: AppTest, monkeypatch: pytest.MonkeyPatch) -> None:
    from ui import data

    monkeypatch.setattr(components, "PICKER_LIST_MAX", 0)
    at = open_page(app, "overview")
    project = next(p for p in data.project_facts() if p["id"].startswith(UNGA_VUXNA))
    at = open_page(app, "project", id=project["id"])
    assert at.selectbox[0].value == project["id"]  # the linked project is the picker's choice
    assert project["name"] in text_of(at)
    at = open_page(app, "actor", id="actor-finns-inte")
    assert at.warning and "ingen uppgift" in at.warning[0].value


def test_editor_picker_searches_a_large_label(
    app: AppTest, sample: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(components, "PICKER_LIST_MAX", 0)
    app.session_state["user"] = User("eva", "editor")
    at = open_page(app, "maintain_edit")
    assert any("Skriv en del av namnet" in c.value for c in at.caption)
    at.text_input(key="edit_node:search").input("unga vuxna").run()
    assert not at.exception
    assert at.selectbox(key="edit_node").value.startswith(UNGA_VUXNA)
    assert any(b.label == "Spara" for b in at.button)


def test_review_looks_for_duplicates_when_asked_in_a_large_graph(
    app: AppTest, monkeypatch: pytest.MonkeyPatch
) -> None:
    app.session_state["user"] = User("eva", "editor")
    at = open_page(app, "maintain_review")
    small = next(c.value for c in at.caption if "par med liknande namn" in c.value)
    monkeypatch.setattr(maintain_ui, "DUPLICATES_AUTO_MAX", 0)
    del at.session_state["duplicate_pairs"]
    at.run()
    assert not any("par med liknande namn" in c.value for c in at.caption)
    next(b for b in at.button if b.label == "Leta efter dubbletter").click().run()
    assert not at.exception
    assert next(c.value for c in at.caption if "par med liknande namn" in c.value) == small


# --- detail pages in parts ----------------------------------------------------------------------


def test_relations_and_mentions_come_in_parts_with_their_totals(db: Graph) -> None:
    focus = next(n for n in queries.nodes_by_label(db, "FocusArea"))
    every = queries.node_relations(db, [focus["id"]])
    kinds = Counter((r["type"], r["outgoing"]) for r in every)
    first = queries.node_relation_groups(db, focus["id"], per_group=1)
    assert Counter((r["type"], r["outgoing"]) for r in first) == Counter(dict.fromkeys(kinds, 1))
    assert {(r["type"], r["outgoing"]): r["total"] for r in first} == dict(kinds)
    many = queries.node_relation_groups(db, focus["id"], per_group=10_000)
    assert sorted(r["other_id"] for r in many) == sorted(r["other_id"] for r in every)

    details = [queries.node_detail(db, a["id"]) for a in queries.nodes_by_label(db, "Actor")]
    detail = max(details, key=lambda d: len(d["mentions"]))
    assert detail["mention_count"] == len(detail["mentions"]) >= 2
    one = queries.node_detail(db, detail["id"], mention_limit=1)
    assert len(one["mentions"]) == 1 and one["mention_count"] == detail["mention_count"]
    assert one["mentions"][0] == detail["mentions"][0]
    assert queries.node_detail(db, "finns-inte") is None


def test_document_titles_are_the_documents(db: Graph) -> None:
    titles = queries.document_titles(db)
    assert titles == {d["id"]: d["title"] for d in queries.documents(db)}


# --- duplicate suggestions: the same pairs, compared in C++ ---------------------------------------


def test_similar_pairs_are_the_pairs_token_sort_ratio_finds(monkeypatch: pytest.MonkeyPatch) -> None:
    names = [
        "mobila team för äldre i flen",
        "team mobila för äldre i flen",
        "mobila teamet för äldre i flen",
        "digitala vårdmöten för unga",
        "fast vårdkontakt",
        "digitala vårdmöte för unga",
        "",
    ]
    expected = [
        (i, j, fuzz.token_sort_ratio(a, b))
        for (i, a), (j, b) in itertools.combinations(enumerate(names), 2)
        if fuzz.token_sort_ratio(a, b) >= 85
    ]
    assert len(expected) >= 3
    assert review._similar_pairs(names, 85.0) == expected
    monkeypatch.setattr(review, "SIMILARITY_BLOCK", 2)  # pairs across blocks are found too
    assert sorted(review._similar_pairs(names, 85.0)) == expected
