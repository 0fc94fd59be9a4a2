"""Search: Swedish full-text with compound parts, typos, phrases, facets, and hostile input."""

from __future__ import annotations

import pytest

from graph.analytics import refresh
from graph.analytics.search import Filters, escape, lucene_query, parse, search
from graph.db import Graph
from ingest.model import Extraction
from tests.factories import document, evidence, load


@pytest.fixture
def projects(graph: Graph) -> Graph:
    ex = Extraction()
    area = ex.entity("FocusArea", "Kompetensförsörjning", evidence("K"), period="2024-2027")
    plan = ex.entity("Project", "Kompetensförsörjningsplan för länet", evidence("p"), status="pågående")
    doctor = ex.entity("Project", "Öka andelen med fast läkarkontakt", evidence("l"), status="planerad")
    group = ex.entity("TargetGroup", "unga vuxna 18-29 år", evidence("u"))
    ex.relate("IN_FOCUS_AREA", plan, area, evidence("p"))
    ex.relate("TARGETS", doctor, group, evidence("l"))
    load(graph, document("s.txt", "s"), ex)
    refresh.refresh(graph)
    return graph


def _names(found: dict) -> list[str]:
    return [r["name"] for r in found["results"]]


def test_a_part_finds_the_compound(projects: Graph) -> None:
    assert "Kompetensförsörjningsplan för länet" in _names(search(projects, "kompetens"))
    assert "Kompetensförsörjningsplan för länet" in _names(search(projects, "försörjning"))
    assert _names(search(projects, "läkarkontakt"))[0] == "Öka andelen med fast läkarkontakt"
    assert "Öka andelen med fast läkarkontakt" in _names(search(projects, "kontakt"))


def test_typos_and_phrases(projects: Graph) -> None:
    assert "Öka andelen med fast läkarkontakt" in _names(search(projects, "läkarkontkt"))
    assert _names(search(projects, '"fast läkarkontakt"')) == ["Öka andelen med fast läkarkontakt"]
    assert _names(search(projects, '"läkarkontakt fast"')) == []


@pytest.mark.parametrize(
    "text", ["a+b && (c] ~ * ? \\ / :", '"', "AND OR NOT", "***", "och", "", '"unclosed']
)
def test_special_characters_never_fail(projects: Graph, text: str) -> None:
    found = search(projects, text)
    assert isinstance(found["results"], list)


def test_facets_filter_and_count(projects: Graph) -> None:
    found = search(projects, "kompetens läkarkontakt", labels=["Project"])
    assert found["facets"]["status"] == {"pågående": 1, "planerad": 1}
    filtered = search(projects, "kompetens läkarkontakt", Filters(status="planerad"), labels=["Project"])
    assert _names(filtered) == ["Öka andelen med fast läkarkontakt"]
    by_group = search(projects, "läkarkontakt kompetens", Filters(target_group="unga vuxna 18-29 år"))
    assert _names(by_group) == ["Öka andelen med fast läkarkontakt"]


def test_query_building_escapes_everything() -> None:
    assert escape('a+b:"c"') == 'a\\+b\\:\\"c\\"'
    query = lucene_query(parse('kompetens "fast läkarkontakt" (x)'))
    assert query.startswith('"fast läkarkontakt" AND (kompetens^4')
    assert "(x^4)" in query
