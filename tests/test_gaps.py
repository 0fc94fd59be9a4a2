"""Gaps on the shared corpus (gold annotations through the real ingest path) and on small graphs."""

from __future__ import annotations

from graph.analytics import gaps
from graph.db import Graph
from ingest.model import Extraction
from tests.analytics_corpus import load_corpus
from tests.factories import document, evidence, load


def test_gaps_on_the_corpus(graph: Graph) -> None:
    load_corpus(graph)
    indicators = {r["name"] for r in gaps.indicator_gaps(graph) if r["kind"] == "indikator utan mått"}
    assert indicators == {"Rehabiliterande"}

    goals = gaps.goal_gaps(graph)
    texts = {g["text"] for g in goals}
    assert any(t.startswith("Mobila lösningar finns tillgängliga") for t in texts)  # a 003 målsättning
    # every Mål cell of the färdplan's activity tables has its activity
    assert not any(
        t.startswith("En länsövergripande samverkansmodell för tidiga insatser för unga vuxna") for t in texts
    )

    cells = gaps.coverage_gaps(graph, year=2025)
    personcentrering = {
        c["cell"] for c in cells if c["focus_area"] == "Personcentrering" and c["dimension"] == "kommun"
    }
    assert "Strängnäs kommun" in personcentrering and len(personcentrering) == 9  # Sörmland's nine kommuner
    assert all(c["county"] == "Sörmland" for c in cells)

    groups = {g["name"]: g for g in gaps.target_group_gaps(graph, max_projects=0)}
    assert "unga vuxna 18-29 år" not in groups
    assert all(g["projects"] == 0 for g in groups.values())


def test_coverage_counts_local_and_county_wide_work(graph: Graph) -> None:
    ex = Extraction()
    area = ex.entity("FocusArea", "Digitalisering", evidence("Digitalisering"), period="2024-2027")
    local = ex.entity("Project", "Digitala besök i Flen", evidence("Flen"), status="pågående")
    flen = ex.entity("Actor", "Flens kommun", evidence("Flens kommun"), type="kommun")
    ex.relate("IN_FOCUS_AREA", local, area, evidence("Flen"))
    ex.relate("LOCATED_IN", local, flen, evidence("Flen"))
    load(graph, document("a.txt", "a"), ex)
    cells = gaps.coverage_gaps(graph, year=2025)
    kommuner = {c["cell"] for c in cells if c["dimension"] == "kommun"}
    assert "Flens kommun" not in kommuner and "Eskilstuna kommun" in kommuner and len(kommuner) == 8
    assert {c["cell"] for c in cells if c["dimension"] == "huvudman"} == {"region"}

    ex = Extraction()
    area = ex.entity("FocusArea", "Digitalisering", evidence("Digitalisering"), period="2024-2027")
    wide = ex.entity("Project", "Länsgemensam e-tjänst", evidence("Län"), status="pågående")
    county = ex.entity("County", "Sörmland", evidence("Sörmland"))
    ex.relate("IN_FOCUS_AREA", wide, area, evidence("Län"))
    ex.relate("LOCATED_IN", wide, county, evidence("Län"))
    load(graph, document("b.txt", "b"), ex)
    assert gaps.coverage_gaps(graph, year=2025) == []


def test_time_and_readiness_gaps(graph: Graph) -> None:
    ex = Extraction()
    area = ex.entity("FocusArea", "Kompetensförsörjning", evidence("K"), period="2024-2027")
    late = ex.entity("Project", "Yrkesresan", evidence("Y"), status="pågående", start="2021", end="2023")
    ready = ex.entity(
        "Project",
        "Besökskort",
        evidence("B"),
        status="pågående",
        start="2024",
        end="2025",
        timeplan_text="Pilot i Eskilstuna under våren 2024",
        financing="Statsbidrag",
        follow_up="Enkät",
    )
    lrs = ex.entity("Actor", "Länsstyrgruppen", evidence("L"), type="styrgrupp")
    decision = ex.entity("Decision", "Beslut om besökskort", evidence("D"), diarienummer="NSV24-0001")
    ex.relate("IN_FOCUS_AREA", late, area, evidence("Y"))
    ex.relate("IN_FOCUS_AREA", ready, area, evidence("B"))
    ex.relate("RESPONSIBLE_FOR", lrs, ready, evidence("B"))
    ex.relate("DECIDED", lrs, decision, evidence("D"))
    ex.relate("CONCERNS", decision, ready, evidence("D"))
    load(graph, document("t.txt", "t"), ex)

    time = gaps.time_gaps(graph, year=2025)
    assert [r["name"] for r in time if r["kind"] == "tidplan passerad"] == ["Yrkesresan"]
    years = [r for r in time if r["kind"] == "år utan aktivitet"]
    assert years[0]["name"] == "Kompetensförsörjning" and years[0]["years"] == [2026, 2027]

    checklist = {r["name"]: r["checklist"] for r in gaps.readiness(graph)}
    assert checklist["Besökskort"] == dict.fromkeys(gaps.CRITERIA, True)
    assert checklist["Yrkesresan"] == dict.fromkeys(gaps.CRITERIA, False)
    assert [r["name"] for r in gaps.readiness_gaps(graph)] == ["Yrkesresan"]
