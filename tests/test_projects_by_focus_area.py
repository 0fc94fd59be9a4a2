"""Projekt per fokusområde: counts per focus area and county, and pages of projects in a stable order."""

from __future__ import annotations

from domain.model import Extraction
from graph import queries
from graph.db import Graph
from graph.maintain import edit
from tests.factories import document, evidence, load


def _plan(graph: Graph, county: str, projects: dict[str, list[str]]) -> None:
    """A county plan: focus area name → its project names (with a responsible kommun each)."""
    ex = Extraction()
    kommun = ex.entity("Actor", f"Kommun i {county}", evidence("K"), type="kommun")
    for area_name, names in projects.items():
        area = ex.entity("FocusArea", area_name, evidence(area_name), period="2024-2027")
        for name in names:
            project = ex.entity("Project", name, evidence(name), status="pågående")
            ex.relate("IN_FOCUS_AREA", project, area, evidence(name))
            ex.relate("RESPONSIBLE_FOR", kommun, project, evidence(name))
    load(graph, document(f"{county}.txt", county, county=county), ex)


def test_counts_and_pages_cover_every_project_once(graph: Graph) -> None:
    digital = [f"Digitalt stöd {i:02d}" for i in range(7)]
    _plan(graph, "Sörmland", {"Digitalisering": digital, "Kompetensförsörjning": ["Yrkesresan"]})
    _plan(graph, "Uppsala län", {"Digitalisering": ["Appen", "Besöksstöd"]})
    edit.create_node(
        graph, "Project", {"name": "Idé från brevlådan"}, user="test"
    )  # no focus area, no county

    counts = {(r["focus_area"], r["county"]): r["projects"] for r in queries.focus_area_project_counts(graph)}
    assert counts == {
        ("Digitalisering", "Sörmland"): 7,
        ("Digitalisering", "Uppsala län"): 2,
        ("Kompetensförsörjning", "Sörmland"): 1,
        (None, None): 1,
    }

    first = queries.projects_by_focus_area(graph)  # every area's first page, every county
    assert list(first) == ["Digitalisering", "Kompetensförsörjning", queries.NO_FOCUS_AREA]
    assert [r["name"] for r in first[queries.NO_FOCUS_AREA]] == ["Idé från brevlådan"]
    assert first["Kompetensförsörjning"][0]["responsible"] == ["Kommun i Sörmland"]

    # pages of three, in county and name order, together every project of the area exactly once
    seen = []
    for page in range(4):
        rows = queries.projects_by_focus_area(graph, focus_area="Digitalisering", page=page, page_size=3)
        assert set(rows) <= {"Digitalisering"}
        seen += [(r["county"], r["name"]) for r in rows.get("Digitalisering", [])]
    assert seen == sorted(seen) and len(seen) == len(set(seen)) == 9
    assert seen[:7] == [("Sörmland", name) for name in digital]

    uppsala = queries.projects_by_focus_area(graph, county="Uppsala län")
    assert {name: [r["name"] for r in rows] for name, rows in uppsala.items()} == {
        "Digitalisering": ["Appen", "Besöksstöd"]
    }
    alone = queries.projects_by_focus_area(graph, focus_area=queries.NO_FOCUS_AREA)
    assert list(alone) == [queries.NO_FOCUS_AREA]
    assert queries.projects_by_focus_area(graph, county="Sörmland", focus_area=queries.NO_FOCUS_AREA) == {}
