"""Search: Swedish full-text with compound parts, typos, phrases, facets, and hostile input."""

from __future__ import annotations

import pytest

from domain.model import Extraction
from graph.analytics import refresh
from graph.analytics.search import Filters, escape, facets, lucene_query, parse, search
from graph.db import Graph
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


@pytest.fixture
def placed(graph: Graph) -> Graph:
    """Two projects with every facet link: focus area, target group, place, responsible, partner."""
    ex = Extraction()
    area = ex.entity("FocusArea", "Primärvården som nav", evidence("P"), period="2024-2027")
    group = ex.entity("TargetGroup", "äldre", evidence("ä"))
    flen = ex.entity("Actor", "Flens kommun", evidence("F"), type="kommun")
    region = ex.entity("Actor", "Region Sörmland", evidence("R"), type="region")
    unit = ex.entity("Actor", "Vårdcentralen Flen", evidence("V"), type="vårdcentral")
    early = ex.entity(
        "Project", "Mobila team för äldre i Flen", evidence("m"), status="pågående", start="2021", end="2023"
    )
    late = ex.entity("Project", "Mobila team i hemmet", evidence("h"), status="planerad", start="2025")
    ex.relate("IN_FOCUS_AREA", early, area, evidence("m"))
    ex.relate("TARGETS", early, group, evidence("m"))
    ex.relate("LOCATED_IN", early, flen, evidence("m"))
    ex.relate("RESPONSIBLE_FOR", region, early, evidence("m"))
    ex.relate("PARTICIPATES_IN", unit, early, evidence("m"))
    ex.relate("RESPONSIBLE_FOR", region, late, evidence("h"))
    load(graph, document("m.txt", "m"), ex)
    refresh.refresh(graph)
    return graph


def test_a_hit_carries_its_facet_links(placed: Graph) -> None:
    hits = {r["name"]: r for r in search(placed, "mobila team", labels=["Project"])["results"]}
    early, late = hits["Mobila team för äldre i Flen"], hits["Mobila team i hemmet"]
    assert early["focus_areas"] == ["Primärvården som nav"] and early["target_groups"] == ["äldre"]
    assert early["places"] == ["Flens kommun", "Region Sörmland"]  # a vårdcentral is no place
    assert early["huvudman"] == ["kommun", "region"]
    assert (late["places"], late["huvudman"], late["focus_areas"]) == (["Region Sörmland"], ["region"], [])
    actor = next(r for r in search(placed, "Region Sörmland")["results"] if r["label"] == "Actor")
    assert actor["focus_areas"] == actor["places"] == actor["huvudman"] == []


def test_place_huvudman_and_year_filters(placed: Graph) -> None:
    def names(**wanted: object) -> list[str]:
        return sorted(_names(search(placed, "mobila team", Filters(**wanted))))  # type: ignore[arg-type]

    both = ["Mobila team för äldre i Flen", "Mobila team i hemmet"]
    assert names() == both
    assert names(place="Flens kommun") == names(huvudman="kommun") == ["Mobila team för äldre i Flen"]
    assert names(place="Region Sörmland") == names(huvudman="region") == both
    assert names(year_from=2024) == ["Mobila team i hemmet"]  # the other ended in 2023
    assert names(year_to=2022) == ["Mobila team för äldre i Flen"]
    assert names(year_from=2022, year_to=2025) == both
    assert names(status="planerad", county="Finns inte") == []
    found = search(placed, "mobila team", Filters(huvudman="kommun"))
    assert found["facets"]["huvudman"] == {"kommun": 1, "region": 1}  # facets of what the filters keep


def test_fuzzy_clauses_only_when_exact_words_find_too_little(
    projects: Graph, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert "~" in search(projects, "läkarkontkt")["lucene"]  # a typo finds nothing exactly
    assert "~" in search(projects, "kompetens")["lucene"]  # fewer than FEW_HITS: typos may add more
    exact = search(projects, "kompetens", limit=1)
    assert exact["results"] and "~" not in exact["lucene"]  # one hit fills a page of one
    monkeypatch.setattr("graph.analytics.search.FEW_HITS", 1)
    assert "~" not in search(projects, "kompetens")["lucene"]


def test_facets_count_over_the_best_hits(projects: Graph, monkeypatch: pytest.MonkeyPatch) -> None:
    everything = search(projects, "kompetens läkarkontakt", labels=["Project"])
    assert everything["considered"] == 2 and everything["complete"]
    monkeypatch.setattr("graph.analytics.search.CANDIDATES", 1)
    best = search(projects, "kompetens läkarkontakt", limit=1)
    assert best["considered"] == 1 and not best["complete"]
    assert len(best["results"]) == 1 and best["facets"] == facets(best["results"])
    # a filter looks among more hits than the facets counted: each status finds its project
    for status, name in (
        ("pågående", "Kompetensförsörjningsplan för länet"),
        ("planerad", "Öka andelen med fast läkarkontakt"),
    ):
        assert _names(search(projects, "kompetens läkarkontakt", Filters(status=status), limit=1)) == [name]
