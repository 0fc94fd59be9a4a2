"""Gaps on the shared corpus (gold annotations through the real ingest path) and on small graphs."""

from __future__ import annotations

from domain import places
from domain.model import Extraction
from domain.states import GapKind
from graph import queries
from graph.analytics import gaps, lineage, refresh
from graph.db import Graph
from graph.maintain import edit
from ingest.pipeline import ingest_paths
from tests.analytics_corpus import load_corpus
from tests.conftest import SAMPLE_DIR
from tests.factories import document, evidence, load
from ui import coverage

SORMLAND = sorted(name for name, county in places.municipalities().items() if county == "Sörmland")


def heatmap_zeros(graph: Graph, year: int) -> set[tuple[str, str, str]]:
    """The empty cells of the coverage heatmaps, as (focus area id, dimension, cell): per county (as
    the page asks) and for all focus areas at once."""
    zeros = set()
    for county in [*queries.focus_area_counties(graph), None]:
        for area in queries.coverage_counts(graph, county=county, year=year):
            matrix = coverage.by_municipality([area], area["county"])
            zeros |= {
                (area["id"], "kommun", m)
                for m, v in zip(matrix.columns, matrix.values[0], strict=True)
                if v == 0
            }
            matrix = coverage.by_huvudman([area])
            zeros |= {
                (area["id"], "huvudman", h.lower())
                for h, v in zip(matrix.columns, matrix.values[0], strict=True)
                if v == 0
            }
    return zeros


def gap_cells(cells: list[dict]) -> set[tuple[str, str, str]]:
    return {(c["focus_area_id"], c["dimension"], c["cell"]) for c in cells}


def test_gaps_on_the_corpus(graph: Graph) -> None:
    load_corpus(graph)
    indicators = {
        r["name"] for r in gaps.indicator_gaps(graph) if r["kind"] == GapKind.INDICATOR_WITHOUT_MEASURE
    }
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
    assert heatmap_zeros(graph, 2025) == gap_cells(cells)  # the heatmaps' empty cells are the gap list

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
    [counts] = queries.coverage_counts(graph, county="Sörmland", year=2025)
    assert counts["projects"] == 1 and (counts["county_wide"], counts["region"], counts["kommun"]) == (
        0,
        0,
        1,
    )
    assert counts["municipalities"] == [{"name": "Flens kommun", "projects": 1}]
    matrix = coverage.by_municipality([counts], "Sörmland")
    assert matrix.columns == SORMLAND and matrix.values == [[int(m == "Flens kommun") for m in SORMLAND]]
    assert heatmap_zeros(graph, 2025) == gap_cells(cells)

    ex = Extraction()
    area = ex.entity("FocusArea", "Digitalisering", evidence("Digitalisering"), period="2024-2027")
    wide = ex.entity("Project", "Länsgemensam e-tjänst", evidence("Län"), status="pågående")
    county = ex.entity("County", "Sörmland", evidence("Sörmland"))
    ex.relate("IN_FOCUS_AREA", wide, area, evidence("Län"))
    ex.relate("LOCATED_IN", wide, county, evidence("Län"))
    load(graph, document("b.txt", "b"), ex)
    assert gaps.coverage_gaps(graph, year=2025) == []
    [counts] = queries.coverage_counts(graph, year=2025)
    assert (counts["projects"], counts["county_wide"], counts["region"], counts["kommun"]) == (2, 1, 1, 2)
    assert coverage.by_municipality([counts], "Sörmland").values == [
        [2 if m == "Flens kommun" else 1 for m in SORMLAND]
    ]
    assert heatmap_zeros(graph, 2025) == set()


def test_coverage_rule_region_county_body_unplaced_and_not_ongoing(graph: Graph) -> None:
    ex = Extraction()
    areas = {
        key: ex.entity("FocusArea", name, evidence(name), period="2024-2027")
        for key, name in [
            ("region", "Digitalisering"),
            ("body", "Kompetensförsörjning"),
            ("unplaced", "Personcentrering"),
            ("local", "Primärvården som nav"),
            ("planned", "Hälsofrämjande arbete"),
        ]
    }
    flen = ex.entity("Actor", "Flens kommun", evidence("Flen"), type="kommun")
    eskilstuna = ex.entity("Actor", "Eskilstuna kommun", evidence("Eskilstuna"), type="kommun")
    region = ex.entity("Actor", "Region Sörmland", evidence("Region"), type="region")
    body = ex.entity("Actor", "Länsstyrgruppen", evidence("LSG"), type="styrgrupp", county="Sörmland")

    def project(key: str, name: str, **props: str) -> object:
        found = ex.entity("Project", name, evidence(name), **props)
        ex.relate("IN_FOCUS_AREA", found, areas[key], evidence(name))
        return found

    with_region = project("region", "Digitala besök i Flen", status="pågående")
    ex.relate("LOCATED_IN", with_region, flen, evidence("Flen"))
    ex.relate("PARTICIPATES_IN", region, with_region, evidence("Region"))
    ex.relate("RESPONSIBLE_FOR", body, project("body", "Kompetenslyftet", status="pågående"), evidence("LSG"))
    project("unplaced", "Respektive huvudman", status="pågående")
    local = project("local", "Hälsocentral i Eskilstuna", status="okänd", start="2024", end="2026")
    ex.relate("RESPONSIBLE_FOR", eskilstuna, local, evidence("Eskilstuna"))
    ex.relate(
        "LOCATED_IN", project("planned", "Planerad satsning", status="planerad"), flen, evidence("Flen")
    )
    load(graph, document("r.txt", "r"), ex)

    counts = {a["name"]: a for a in queries.coverage_counts(graph, county="Sörmland", year=2025)}
    for name in ("Digitalisering", "Kompetensförsörjning", "Personcentrering"):  # county-wide work
        area = counts[name]
        assert (area["projects"], area["county_wide"], area["region"], area["kommun"]) == (1, 1, 1, 1), name
    assert counts["Digitalisering"]["municipalities"] == []  # county-wide work is not counted per kommun
    local_area = counts["Primärvården som nav"]
    assert (local_area["county_wide"], local_area["region"], local_area["kommun"]) == (0, 0, 1)
    assert local_area["municipalities"] == [{"name": "Eskilstuna kommun", "projects": 1}]
    assert counts["Hälsofrämjande arbete"]["projects"] == 0  # planned work is not ongoing

    cells = gaps.coverage_gaps(graph, year=2025)
    by_area: dict[str, set[str]] = {}
    for cell in cells:
        by_area.setdefault(cell["focus_area"], set()).add(f"{cell['dimension']}:{cell['cell']}")
    assert set(by_area) == {"Primärvården som nav", "Hälsofrämjande arbete"}
    assert by_area["Primärvården som nav"] == {
        f"kommun:{m}" for m in SORMLAND if m != "Eskilstuna kommun"
    } | {"huvudman:region"}
    assert by_area["Hälsofrämjande arbete"] == {f"kommun:{m}" for m in SORMLAND} | {
        "huvudman:region",
        "huvudman:kommun",
    }
    assert heatmap_zeros(graph, 2025) == gap_cells(cells)
    # in 2027 the okänd project's time plan has ended: nothing is ongoing there
    later = {
        c["cell"] for c in gaps.coverage_gaps(graph, year=2027) if c["focus_area"] == "Primärvården som nav"
    }
    assert "Eskilstuna kommun" in later and "kommun" in later
    assert heatmap_zeros(graph, 2027) == gap_cells(gaps.coverage_gaps(graph, year=2027))


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
    assert [r["name"] for r in time if r["kind"] == GapKind.OVERDUE] == ["Yrkesresan"]
    years = [r for r in time if r["kind"] == GapKind.YEAR_WITHOUT_ACTIVITY]
    assert years[0]["name"] == "Kompetensförsörjning" and years[0]["years"] == [2026, 2027]

    checklist = {r["name"]: r["checklist"] for r in gaps.readiness(graph)}
    assert checklist["Besökskort"] == dict.fromkeys(gaps.CRITERIA, True)
    assert checklist["Yrkesresan"] == dict.fromkeys(gaps.CRITERIA, False)
    assert [r["name"] for r in gaps.readiness_gaps(graph)] == ["Yrkesresan"]


def test_readiness_picks_the_page_by_county_and_name_then_checks_it(graph: Graph) -> None:
    ex = Extraction()
    area = ex.entity("FocusArea", "Digitalisering", evidence("D"), period="2024-2027")
    for name, kind in [
        ("Bygga om", "projekt"),
        ("Anhörigstöd", "gemensam satsning"),
        ("Chattjänst", "projekt"),
    ]:
        project = ex.entity("Project", name, evidence(name), status="pågående", kind=kind)
        ex.relate("IN_FOCUS_AREA", project, area, evidence(name))
    load(graph, document("s.txt", "s"), ex)
    ex = Extraction()
    ex.entity("Project", "Östra piloten", evidence("Ö"), status="pågående")
    load(graph, document("u.txt", "u", county="Uppsala län"), ex)
    # made by hand: no county, so it sorts last
    edit.create_node(graph, "Project", {"name": "Utan län", "kind": "gemensam satsning"}, user="test")

    names = lambda **kwargs: sorted(r["name"] for r in gaps.readiness(graph, **kwargs))  # noqa: E731
    assert names() == ["Anhörigstöd", "Bygga om", "Chattjänst", "Utan län", "Östra piloten"]
    assert names(limit=2) == ["Anhörigstöd", "Bygga om"]  # Sörmland first, by name
    assert names(limit=4) == ["Anhörigstöd", "Bygga om", "Chattjänst", "Östra piloten"]
    assert names(joint_only=True) == ["Anhörigstöd", "Utan län"]
    assert names(joint_only=True, limit=1) == ["Anhörigstöd"]
    [area_id] = [r["id"] for r in queries.nodes_by_label(graph, "FocusArea")]
    assert names(focus_area=area_id) == ["Anhörigstöd", "Bygga om", "Chattjänst"]
    assert names(focus_area=area_id, joint_only=True) == ["Anhörigstöd"]
    assert names(focus_area="focusarea-finns-inte") == []
    pilot = {r["name"]: r["checklist"]["pilot"] for r in gaps.readiness(graph)}
    assert pilot["Östra piloten"] and not pilot["Bygga om"]


def test_year_gaps_and_target_groups_named_in_a_malbild(graph: Graph) -> None:
    ex = Extraction()
    busy = ex.entity("FocusArea", "Digitalisering", evidence("D"), period="2024-2026")
    ex.entity("FocusArea", "Tom", evidence("T"), period="2025-2026")
    for name, props in [
        ("Tidigt", {"status": "pågående", "start": "2024", "end": "2024"}),
        ("Sent", {"status": "planerad", "start": "2026"}),
        ("Klart utan år", {"status": "avslutad"}),
    ]:
        ex.relate("IN_FOCUS_AREA", ex.entity("Project", name, evidence(name), **props), busy, evidence(name))
    load(graph, document("y.txt", "y"), ex)
    years = {
        r["name"]: r for r in gaps.time_gaps(graph, year=2025) if r["kind"] == GapKind.YEAR_WITHOUT_ACTIVITY
    }
    assert years["Digitalisering"]["years"] == [2025] and years["Digitalisering"]["projects"] == 2
    assert years["Tom"]["years"] == [2025, 2026] and years["Tom"]["projects"] == 0

    ex = Extraction()
    ex.entity("TargetGroup", "äldre", evidence("äldre"))
    load(graph, document("m.txt", "m", kind="målbild"), ex)
    ex = Extraction()
    ex.entity("TargetGroup", "unga vuxna", evidence("unga"))
    load(graph, document("p.txt", "p"), ex)
    rows = gaps.target_group_gaps(graph)
    assert [(r["name"], r["in_malbild"], r["projects"]) for r in rows] == [
        ("äldre", True, 0),
        ("unga vuxna", False, 0),
    ]


def test_a_focus_area_carried_on_under_a_new_name_is_no_gap(graph: Graph) -> None:
    """The 2022 decision's areas (2023–2027) go on in the färdplan 2024–2027 under new names: they
    are linked to their successors, and only the areas in force can have coverage gaps."""
    ingest_paths(graph, [SAMPLE_DIR])
    refresh.refresh(graph)
    with graph.session() as session:  # a look at the links, not a statement of the app
        result = session.run("MATCH (a:FocusArea)-[:CONTINUES]->(b:FocusArea) RETURN a.name, b.name")
        links = {(later, earlier) for later, earlier in result}
    assert ("Delaktighet och personcentrering", "Personcentrering") in links
    assert ("Hälsofrämjande, förebyggande och rehabiliterande", "Hälsofrämjande och förebyggande") in links
    reported = {cell["focus_area"] for cell in gaps.coverage_gaps(graph, year=2025)}
    assert not reported & {"Personcentrering", "Hälsofrämjande och förebyggande"}
    counted = {row["name"] for row in queries.coverage_counts(graph, year=2025)}
    assert "Delaktighet och personcentrering" in counted and "Personcentrering" not in counted


def test_lineage_links_only_later_areas_of_the_same_county_that_keep_the_words() -> None:
    def area(id_: str, name: str, start: int | None, county: str = "Sörmland") -> lineage.Area:
        return lineage.Area(id_, name, county, start, frozenset())

    earlier = area("a", "Personcentrering", 2023)
    links = lineage.compute(
        [
            earlier,
            area("b", "Delaktighet och personcentrering", 2024),
            area("c", "Personcentrering", 2024, county="Västernorrland"),  # another county
            area("d", "Digitalisering", 2024),  # other words
            area("e", "Delaktighet och personcentrering", None),  # no period: no order
        ]
    )
    assert [(link.later, link.earlier, link.shared_words) for link in links] == [
        ("b", "a", ["personcentrering"])
    ]
