import pytest

from domain.document import Page, SourceDocument
from ingest.extractors.plan_structure import (
    extract_plan_structure,
    find_focus_areas,
    find_goal_areas,
    find_goals,
    match_name,
)
from ingest.extractors.text_utils import dehyphenate, is_heading, is_toc_line
from tests.factories import sample


def doc(text: str, title: str = "") -> SourceDocument:
    return SourceDocument(
        id="d", file_name="x.txt", media_type="text/plain", pages=[Page(1, text)], title=title
    )


# --- text helpers ---


def test_dehyphenate_keeps_real_hyphens() -> None:
    assert dehyphenate("det kom-\nmer") == "det kommer"
    assert dehyphenate("läns-gemensamt") == "läns-gemensamt"
    assert dehyphenate("hälso-\noch sjukvård") == "hälso-\noch sjukvård"


def test_toc_lines_are_not_headings() -> None:
    assert is_toc_line("Inledning\t5")
    assert is_toc_line("Indikatorer.....\t18")
    assert not is_heading("Inledning\t5")
    assert is_heading("Digitalisering", previous="")
    assert not is_heading("Det här är en mening.", previous="")


# --- focus areas ---


def test_farplan_has_five_focus_areas_with_period() -> None:
    areas = find_focus_areas(sample("001"))
    assert areas.names == [
        "Delaktighet och personcentrering",
        "Hälsofrämjande, förebyggande och rehabiliterande",
        "Primärvården som nav",
        "Kompetensförsörjning",  # the caption says "Kompetensörjning"
        "Digitalisering",
    ]
    assert {area.period for area in areas.areas} == {"2024-2027"}


def test_projektrapport_focus_areas_and_period() -> None:
    areas = find_focus_areas(sample("003"))
    assert areas.names == ["Personcentrering", "Hälsofrämjande och förebyggande"]
    assert areas.period == "2023-2027"


@pytest.mark.parametrize("prefix", ["000", "002", "004"])
def test_documents_without_focus_areas(prefix: str) -> None:
    assert find_focus_areas(sample(prefix)).names == []


def test_match_name_tolerates_spelling_and_punctuation() -> None:
    names = ["Kompetensförsörjning", "Hälsofrämjande, förebyggande och rehabiliterande"]
    assert match_name("Kompetensörjning", names) == "Kompetensförsörjning"
    assert match_name("hälsofrämjande/förebyggande och rehabiliterande", names) == names[1]
    assert match_name("Digitalisering", names) is None


def test_focus_heading_in_other_layout() -> None:
    text = "Fokusområde 1: Psykisk hälsa\n\nText.\n\nFokusområde 2: Trygg hemgång\n"
    areas = find_focus_areas(doc(text, title="Handlingsplan 2025-2028"))
    assert areas.names == ["Psykisk hälsa", "Trygg hemgång"]
    assert areas.period == "2025-2028"


# --- goal areas ---


@pytest.mark.parametrize("prefix", ["000", "001", "003"])
def test_goal_areas(prefix: str) -> None:
    areas = {area.name: area.description for area in find_goal_areas(sample(prefix))}
    assert list(areas) == ["Tillsammans", "Nära", "God hälsa, vård och omsorg"]
    assert areas["Tillsammans"].startswith("genom delakti")


def test_single_dash_definition_is_not_a_goal_area() -> None:
    assert find_goal_areas(doc("Kontinuitet – genom goda relationer i\nden nära vården.\n")) == []


# --- goals ---


def test_numbered_goals_of_local_plan() -> None:
    goals = find_goals(sample("004"))
    assert [g.number for g in goals] == [1, 2, 3, 4, 5]
    assert (
        goals[1].text
        == "Den politiska ledningen i Askersunds kommun har ökad kunskap om omställningen till nära vård"
    )
    assert all(g.focus_area is None for g in goals)


def test_projektrapport_goals_under_focus_areas() -> None:
    goals = find_goals(sample("003"))
    project_goals = [g for g in goals if g.kind == "projektmål"]
    assert [g.number for g in project_goals] == [1, 2, 3, 4]
    assert len(project_goals[0].mentions) == 2  # summary and body
    assert project_goals[0].text.endswith("alla nio kommuner i Sörmland")
    under = [(g.focus_area, g.text) for g in goals if g.kind == "målsättning"]
    assert len(under) == 9
    assert sum(1 for focus, _ in under if focus == "Personcentrering") == 5
    assert (
        "Hälsofrämjande och förebyggande",
        "En länsövergripande samverkansmodell för tidiga insatser för barn och unga "
        "finns implementerad i hela länet",
    ) in under
    assert (
        under[0][1]
        == "Det finns överenskommelser för hur samordning kring den enskilde individens behov ska ske"
    )


def test_lists_under_other_headings_are_not_goals() -> None:
    text = "Ställningstaganden:\n\n- Vi jobbar i team utifrån individens behov.\n- Vi hjälps åt med allt.\n"
    assert find_goals(doc(text)) == []
    text = (
        "Mål\n\n- Ökad tillgänglighet i hela länet\n- Fler har en fast vårdkontakt\n\n"
        "Bakgrund\n\n- inte ett mål här\n"
    )
    assert [g.text for g in find_goals(doc(text))] == [
        "Ökad tillgänglighet i hela länet",
        "Fler har en fast vårdkontakt",
    ]


def test_extractor_relates_goals_to_focus_areas() -> None:
    result = extract_plan_structure(sample("003"))
    under = [r for r in result.relations if r.type == "UNDER"]
    assert len(under) == 9
    assert all(r.source.label == "Goal" and r.target.label == "FocusArea" for r in under)
    assert {e.name for e in result.of("GoalArea")} == {"Tillsammans", "Nära", "God hälsa, vård och omsorg"}
    assert all(e.evidence and e.evidence[0].extractor == "plan_structure" for e in result.entities)


# --- målbild perspectives ---


def test_malbild_perspectives_become_goal_areas_with_statements() -> None:
    text = (
        "# Vår målbild för god och nära vård\n\n"
        "Målbilden beskrivs ur två perspektiv.\n\n"
        "## Patientens perspektiv\n\n"
        "Jag vet vart jag ska vända mig när jag behöver vård.\n\n"
        "Min vård planeras tillsammans med mig.\n\n"
        "## Personalens perspektiv\n\n"
        "- Vi har tid för det som är viktigt för patienten.\n"
        "- Vi delar kunskap över verksamhetsgränser.\n\n"
        "## Ekonomi\n\n"
        "Kostnaderna för omställningen bedöms i ett senare skede och redovisas för nämnden under nästa år.\n"
    )
    result = extract_plan_structure(doc(text))
    areas = {a.name for a in result.of("GoalArea")}
    assert areas == {"Patientens perspektiv", "Personalens perspektiv"}
    goals = {g.name: g for g in result.of("Goal")}
    assert set(goals) == {
        "Jag vet vart jag ska vända mig när jag behöver vård",
        "Min vård planeras tillsammans med mig",
        "Vi har tid för det som är viktigt för patienten",
        "Vi delar kunskap över verksamhetsgränser",
    }
    assert all(g.properties["kind"] == "målbildsformulering" for g in goals.values())
    in_area = {(r.source.name, r.target.name) for r in result.relations if r.type == "IN_GOAL_AREA"}
    assert ("Min vård planeras tillsammans med mig", "Patientens perspektiv") in in_area


def test_statements_outside_a_malbild_or_as_prose_are_not_goals() -> None:
    prose = "## Bakgrund\n\nVi har arbetat med frågan länge.\n\nVi fortsätter under nästa år.\n"
    assert extract_plan_structure(doc(prose)).of("Goal") == []
    long_paragraphs = (
        "# Målbild\n\n## Tillsammans\n\n"
        + "Vi arbetar tillsammans över gränserna och individen är delaktig i alla beslut om sin vård. " * 5
        + "\n\nVi löser utmaningarna tillsammans.\n"
    )
    assert extract_plan_structure(doc(long_paragraphs)).of("Goal") == []


def test_malbild_002_perspectives() -> None:
    result = extract_plan_structure(sample("002"))
    assert {a.name for a in result.of("GoalArea")} == {
        "Invånarens upplevelse",
        "Så samarbetar vi",
        "Medarbetarnas upplevelse",
    }
    assert len([g for g in result.of("Goal") if g.properties.get("kind") == "målbildsformulering"]) == 16
