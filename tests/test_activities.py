import pytest

from domain.document import Page, SourceDocument, Table
from domain.model import Extraction
from ingest.extractors.activities import (
    extract_activities,
    find_activity_tables,
    header_columns,
    parse_responsible,
    project_name,
)
from ingest.extractors.text_utils import tables_from_text
from tests.factories import sample


@pytest.fixture(scope="module")
def farplan() -> Extraction:
    return extract_activities(sample("001"))


def project(result: Extraction, name: str):
    [found] = [p for p in result.of("Project") if p.name.startswith(name)]
    return found


def related(result: Extraction, entity, type_: str) -> list:
    return [r for r in result.relations if r.type == type_ and (r.source is entity or r.target is entity)]


# --- header and cells ---


@pytest.mark.parametrize(
    "header",
    [
        ["Mål", "Aktivitet", "Tidsplan", "Ansvarig"],
        ["Målsättning", "Åtgärd", "När", "Vem"],
        ["Insats", "Tidplan", "Ansvarig part"],
        ["Syfte", "Aktiviteter", "Tid", "Ansvar"],
    ],
)
def test_header_variants(header: list[str]) -> None:
    columns = header_columns(header)
    assert columns is not None and columns.roles["activity"] == header.index(
        next(h for h in header if h in {"Aktivitet", "Åtgärd", "Insats", "Aktiviteter"})
    )


def test_other_tables_are_not_activity_tables() -> None:
    assert header_columns(["Justerandes sign", "", "Utdragsbestyrkande"]) is None
    assert header_columns(["Behandlat av", "Mötesdatum", "Ärendnr"]) is None


def test_parse_responsible_roles_and_initiative() -> None:
    actors, initiative = parse_responsible(
        'Samordnas av Läns gemensamt Regionalt Stöd inom ramen för "Tillsammans för unga vuxna"'
    )
    assert [(a.name, a.role) for a in actors] == [("Läns gemensamt Regionalt Stöd", "samordnar")]
    assert initiative == "Tillsammans för unga vuxna"
    actors, _ = parse_responsible("Samordnas av Läns-gemensamt Regionalt Stöd (för kommunernas del)")
    assert [a.name for a in actors] == ["Läns-gemensamt Regionalt Stöd"]
    actors, _ = parse_responsible("NVK sammankallande")
    assert [(a.name, a.role) for a in actors] == [("NVK", "sammankallande")]
    actors, _ = parse_responsible("Lokalt vårdkompetensråd och Läns-gemensamt Regionalt Stöd")
    assert [a.name for a in actors] == ["Lokalt vårdkompetensråd", "Läns-gemensamt Regionalt Stöd"]
    actors, _ = parse_responsible("Nämnden för samverkan kring socialtjänst och vård")
    assert [a.name for a in actors] == ["Nämnden för samverkan kring socialtjänst och vård"]
    actors, _ = parse_responsible("Region Sörmland + kommunerna")
    assert [(a.name, a.type, a.collective) for a in actors] == [
        ("Region Sörmland", "region", False),
        ("Kommunerna", "kommun", True),
    ]
    [actor], _ = parse_responsible("Respektive huvudman")
    assert (actor.type, actor.collective) == ("huvudman", True)


def test_project_name() -> None:
    assert project_name("Utvecklingsarbetet <i>Tillsammans för unga vuxna</i> – en modell tas fram.") == (
        "Tillsammans för unga vuxna"
    )
    assert (
        project_name("Besökskort - ett hjälpmedel där brukaren fyller i det som är viktigt") == "Besökskort"
    )
    assert project_name("Öka användandet av samordnad individuell plan SIP") == (
        "Öka användandet av samordnad individuell plan SIP"
    )


# --- the Färdplan (sample 001) ---


def test_farplan_has_thirty_activity_rows(farplan: Extraction) -> None:
    per_area = {}
    for p in farplan.of("Project"):
        [rel] = related(farplan, p, "IN_FOCUS_AREA")
        per_area[rel.target.name] = per_area.get(rel.target.name, 0) + 1
    assert per_area == {
        "Delaktighet och personcentrering": 5,  # the fifth row continues after blank lines
        "Hälsofrämjande, förebyggande och rehabiliterande": 5,
        "Primärvården som nav": 7,
        "Kompetensförsörjning": 8,
        "Digitalisering": 5,
    }
    assert len(farplan.of("FocusArea")) == 5
    assert {f.properties["period"] for f in farplan.of("FocusArea")} == {"2024-2027"}
    assert farplan.warnings == []


def test_every_row_has_owner_time_plan_goal_and_evidence(farplan: Extraction) -> None:
    text = sample("001").pages[0].text
    for p in farplan.of("Project"):
        assert related(farplan, p, "RESPONSIBLE_FOR"), p.name
        assert p.properties["timeplan_text"], p.name
        assert p.properties["kind"] == "aktivitet"
        [goal] = [r.target for r in related(farplan, p, "ADDRESSES")]
        assert goal.label == "Goal" and goal.name == p.properties["goal_text"]
        [evidence] = p.evidence
        assert evidence.extractor == "activity_table"
        assert text[evidence.start : evidence.end] == evidence.quote
        assert "\t" in evidence.quote


def test_unga_vuxna_workshops_row(farplan: Extraction) -> None:
    p = project(farplan, "Lokala workshops kommunvis")
    assert (p.properties["timeplan_text"], p.properties["start"], p.properties["end"]) == (
        "2024-2026",
        "2024",
        "2026",
    )
    assert p.properties["initiative"] == "Tillsammans för unga vuxna"
    [owner] = related(farplan, p, "RESPONSIBLE_FOR")
    assert owner.source.name == "Läns gemensamt Regionalt Stöd"
    assert owner.properties["role"] == "samordnar"
    assert [r.target.name for r in related(farplan, p, "TARGETS")] == ["unga vuxna 18–29 år"]
    assert p.properties["goal_text"].startswith("Stärkt samverkan mellan primärvård")


def test_besokskort_row(farplan: Extraction) -> None:
    p = project(farplan, "Besökskort")
    assert p.properties["timeplan_text"] == "Pilot i Eskilstuna under våren 2024"
    assert (p.properties["start"], p.properties["end"]) == ("2024", "2024")
    assert p.properties["description"].startswith("Besökskort - ett hjälpmedel")
    [focus] = related(farplan, p, "IN_FOCUS_AREA")
    assert focus.target.name == "Delaktighet och personcentrering"


def test_italic_initiative_names_the_project(farplan: Extraction) -> None:
    p = project(farplan, "Tillsammans för barnens bästa i Sörmland")
    assert [r.target.name for r in related(farplan, p, "TARGETS")] == ["barn och unga"]


def test_convener_and_collectives(farplan: Extraction) -> None:
    roles = {(r.source.name, r.properties["role"]) for r in farplan.relations if r.type == "RESPONSIBLE_FOR"}
    assert ("NVK", "sammankallande") in roles
    assert ("Respektive huvudman", "ansvarig") in roles
    assert ("Kommunerna", "ansvarig") in roles
    assert ("Lokalt vårdkompetensråd", "ansvarig") in roles


def test_goals_stand_under_their_focus_area(farplan: Extraction) -> None:
    under = {(r.source.name, r.target.name) for r in farplan.relations if r.type == "UNDER"}
    assert ("Utveckla goda lärandemiljöer i vården", "Kompetensförsörjning") in under
    assert len(under) == 30


@pytest.mark.parametrize("prefix", ["000", "002", "003", "004"])
def test_no_activity_tables_elsewhere(prefix: str) -> None:
    assert extract_activities(sample(prefix)).of("Project") == []


# --- layouts the corpus does not show ---


def _page(text: str, tables: list[Table] | None = None, number: int = 1) -> Page:
    return Page(number, text, tables if tables is not None else tables_from_text(text, number))


def test_table_continued_on_next_page_and_broken_cell() -> None:
    first = (
        "Aktiviteter – Psykisk hälsa\n\n"
        "Åtgärd\tNär\tVem\n"
        "Utbilda skolpersonal i\tHT 2025\tElevhälsan\n"
        "psykisk första hjälp\n"
    )
    second = "Starta samtalsgrupper för unga vuxna\tPåbörjas 2026\tRegion Exempel och Exempels kommun\n"
    document = SourceDocument(
        id="d", file_name="x.pdf", media_type="application/pdf", pages=[_page(first), _page(second, number=2)]
    )
    [table] = find_activity_tables(document)
    assert len(table.rows) == 2
    result = extract_activities(document)
    names = [p.name for p in result.of("Project")]
    assert names == ["Utbilda skolpersonal i psykisk första hjälp", "Starta samtalsgrupper för unga vuxna"]
    [area] = result.of("FocusArea")
    assert area.name == "Psykisk hälsa"
    second_project = result.of("Project")[1]
    assert second_project.evidence[0].page == 2
    owners = [
        r.source.name for r in result.relations if r.type == "RESPONSIBLE_FOR" and r.target is second_project
    ]
    assert owners == ["Region Exempel", "Exempels kommun"]


def test_reader_tables_without_offsets() -> None:
    table = Table(page=1, rows=[["Aktivitet", "Tidsplan", "Ansvarig"], ["Inför digitala besök", "2025", ""]])
    document = SourceDocument(
        id="d", file_name="x.docx", media_type="docx", pages=[Page(1, "Digitalisering\n", [table])]
    )
    result = extract_activities(document)
    [p] = result.of("Project")
    assert p.evidence[0].start == -1 and p.evidence[0].quote == "Inför digitala besök\t2025\t"
    assert any("saknar ansvarig" in w for w in result.warnings)
