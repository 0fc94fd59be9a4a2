"""Indicators, measures and goal areas from table-like text, reader tables and lists."""

from __future__ import annotations

from pathlib import Path

from domain.document import Page, SourceDocument, Table
from domain.model import Entity, Extraction
from ingest.extractors.indicators import extract_indicators

SAMPLES = Path(__file__).resolve().parent.parent / "sample_data"


def _doc(text: str, tables: list[Table] | None = None) -> SourceDocument:
    page = Page(number=1, text=text, tables=tables or [])
    return SourceDocument(id="test", file_name="t.txt", media_type="text/plain", pages=[page])


def _sample(prefix: str) -> tuple[str, Extraction]:
    text = next(SAMPLES.glob(f"{prefix}_*.txt")).read_text(encoding="utf-8")
    return text, extract_indicators(_doc(text))


def _indicator(result: Extraction, name: str) -> Entity:
    [found] = [i for i in result.of("Indicator") if i.name == name]
    return found


def _measures(result: Extraction, indicator: Entity) -> list[str]:
    return [r.target.name for r in result.relations if r.type == "MEASURED_BY" and r.source is indicator]


def _areas(result: Extraction) -> dict[str, str]:
    return {r.source.name: r.target.name for r in result.relations if r.type == "IN_GOAL_AREA"}


def test_seven_indicators_in_three_goal_areas_003() -> None:
    _, result = _sample("003")
    assert _areas(result) == {
        "Delaktighet": "Tillsammans",
        "Samordning": "Tillsammans",
        "Tillgänglighet": "Nära",
        "Kontinuitet": "Nära",
        "Hälsofrämjande": "God hälsa, vård och omsorg",
        "Förebyggande": "God hälsa, vård och omsorg",
        "Rehabiliterande": "God hälsa, vård och omsorg",
    }
    assert len(result.of("Indicator")) == 7
    assert sorted(a.name for a in result.of("GoalArea")) == [
        "God hälsa, vård och omsorg",
        "Nära",
        "Tillsammans",
    ]


def test_measures_per_indicator_003() -> None:
    _, result = _sample("003")
    counts = {i.name: len(_measures(result, i)) for i in result.of("Indicator")}
    assert counts == {
        "Delaktighet": 4,
        "Samordning": 5,
        "Tillgänglighet": 4,
        "Kontinuitet": 5,
        "Hälsofrämjande": 2,
        "Förebyggande": 8,
        "Rehabiliterande": 0,
    }
    assert len(result.of("Measure")) == 26  # 28 rows, two measures under both Samordning and Kontinuitet


def test_wrapped_measures_are_joined_003() -> None:
    _, result = _sample("003")
    assert _measures(result, _indicator(result, "Förebyggande")) == [
        "Övervikt och obesitas i befolkningen",
        "Fallskador bland äldre",
        "Vårdtillfälle/100 000 invånare",
        "Riskförebyggande åtgärder i särskilt boende",
        "Antal sjukhusvårdade personer per 100 000, avsiktlig självdestruktiv handling",
        "Alkohol, narkotika, dopning, tobak och spel (ANDTS)",
        "Ofrivillig ensamhet",
        "Våldsutsatthet",
    ]
    tillganglighet = _measures(result, _indicator(result, "Tillgänglighet"))
    assert tillganglighet[0] == "Medicinsk bedömning inom tre dagar, regionens primärvård"


def test_shared_measure_is_one_entity_under_two_indicators_003() -> None:
    _, result = _sample("003")
    [shared] = [m for m in result.of("Measure") if m.name == "Samordning av vård-och omsorgskontakter"]
    owners = sorted(r.source.name for r in result.relations if r.type == "MEASURED_BY" and r.target is shared)
    assert owners == ["Kontinuitet", "Samordning"]
    assert len(shared.evidence) == 2


def test_definitions_unwrap_hyphenation_003() -> None:
    _, result = _sample("003")
    samordning = _indicator(result, "Samordning").properties["definition"]
    assert samordning.startswith("arbetssättet är personcentrerat, individens resurser tas tillvara.")
    rehab = _indicator(result, "Rehabiliterande").properties["definition"]
    assert rehab.startswith("ett systematiskt arbetssätt")  # the repeated "Rehabiliterande –" is dropped
    assert "användning av enhetliga" in rehab


def test_ej_klart_gives_no_measure_and_a_status_003() -> None:
    _, result = _sample("003")
    rehab = _indicator(result, "Rehabiliterande")
    assert rehab.properties["measure_status"] == "ej klart"
    assert _measures(result, rehab) == []
    assert all("measure_status" not in i.properties for i in result.of("Indicator") if i is not rehab)
    assert result.warnings == ["Indikatorn Rehabiliterande saknar mått (ej klart)."]


def test_evidence_points_at_the_rows_003() -> None:
    text, result = _sample("003")
    for entity in result.of("Indicator") + result.of("Measure") + result.of("GoalArea"):
        assert entity.evidence
        for evidence in entity.evidence:
            assert evidence.extractor == "indicators"
            assert evidence.quote == text[evidence.start : evidence.end].strip()
    [ofrivillig] = [m for m in result.of("Measure") if m.name == "Ofrivillig ensamhet"]
    assert ofrivillig.evidence[0].quote == "Ofrivillig ensamhet"


def test_no_indicators_where_none_are_named() -> None:
    # 000 says indicators "kommer att tas fram"; 002 lists nyckelord, not indicators; 001 and 004 have none
    for prefix in ("000", "001", "002", "004"):
        _, result = _sample(prefix)
        assert result.entities == [], prefix


def test_inline_list_of_indicators() -> None:
    text = "Uppföljning\nIndikatorer: Delaktighet, Samordning och Tillgänglighet.\n"
    result = extract_indicators(_doc(text))
    assert [i.name for i in result.of("Indicator")] == ["Delaktighet", "Samordning", "Tillgänglighet"]
    assert all("measure_status" not in i.properties for i in result.of("Indicator"))
    assert result.of("Measure") == []


def test_bullet_list_under_heading() -> None:
    text = (
        "Indikatorer\n"
        "- Kontinuitet – fast läkarkontakt för personer med kronisk sjukdom\n"
        "- Tillgänglighet\n\n"
        "Arbetet följs upp årligen i styrgruppen och redovisas för nämnden under hösten varje år framöver.\n"
    )
    result = extract_indicators(_doc(text))
    assert [i.name for i in result.of("Indicator")] == ["Kontinuitet", "Tillgänglighet"]
    kontinuitet = _indicator(result, "Kontinuitet")
    assert kontinuitet.properties["definition"] == "fast läkarkontakt för personer med kronisk sjukdom"


def test_labelled_indicator_with_measure_line() -> None:
    text = (
        "Målområde: Nära\nIndikator: Tillgänglighet\n"
        "Mått: Väntetid till vårdcentral; Andel digitala besök\n\n"
        "Indikator: Rehabilitering\nMått: Ej klart\n"
    )
    result = extract_indicators(_doc(text))
    assert _measures(result, _indicator(result, "Tillgänglighet")) == [
        "Väntetid till vårdcentral",
        "Andel digitala besök",
    ]
    assert _indicator(result, "Rehabilitering").properties["measure_status"] == "ej klart"
    assert _areas(result) == {"Tillgänglighet": "Nära", "Rehabilitering": "Nära"}


def test_reader_table_with_indicator_and_measure_columns() -> None:
    table = Table(
        page=1,
        rows=[
            ["Målområde", "Indikator", "Mått"],
            [
                "Tillsammans",
                "Samordning – samordning sker på alla nivåer",
                "Antal SIP\nOplanerade återin-\nskrivningar",
            ],
            ["God hälsa", "Rehabiliterande", "Ej klart"],
        ],
    )
    result = extract_indicators(_doc("", [table]))
    samordning = _indicator(result, "Samordning")
    assert samordning.properties["definition"] == "samordning sker på alla nivåer"
    assert _measures(result, samordning) == ["Antal SIP", "Oplanerade återinskrivningar"]
    assert _indicator(result, "Rehabiliterande").properties["measure_status"] == "ej klart"
    assert _areas(result) == {"Samordning": "Tillsammans", "Rehabiliterande": "God hälsa"}


def test_prose_about_missing_measures_creates_nothing() -> None:
    text = (
        "Det saknas förslag för indikatorn rehabilitering samt mått avseende våldsutsatthet. I dagsläget har "
        "inget lämpligt mått kunnat hittats.\n"
    )
    assert extract_indicators(_doc(text)).entities == []
