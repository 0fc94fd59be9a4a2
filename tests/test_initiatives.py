"""Named initiatives in prose: head nouns with names, lists, definitions, ongoing work and plan sections.

The sentences are written for these tests in the style of other regions and municipalities; the sample
documents are checked at the end.
"""

from __future__ import annotations

from pathlib import Path

from domain.document import Page, SourceDocument
from ingest.extractors.initiatives import extract_initiatives, find_initiatives

SAMPLES = Path(__file__).resolve().parent.parent / "sample_data"


def _doc(text: str) -> SourceDocument:
    return SourceDocument(
        id="t", file_name="t.txt", media_type="text/plain", pages=[Page(number=1, text=text)]
    )


def _names(text: str) -> list[str]:
    return [i.name for i in find_initiatives(_doc(text))]


def test_head_noun_and_capitalised_name() -> None:
    text = "Under 2023 startade projektet Hälsa på lika villkor i syfte att minska skillnaderna i hälsa."
    [initiative] = find_initiatives(_doc(text))
    assert initiative.name == "Hälsa på lika villkor"
    assert initiative.kind == "projekt"
    assert initiative.timeplan == "Under 2023"


def test_quoted_and_italic_names_need_a_head_noun() -> None:
    assert _names('Kommunen driver satsningen "Trygg hemgång" tillsammans med vårdcentralen.') == [
        "Trygg hemgång"
    ]
    assert _names("Regionen erbjuder en utbildning <i>Leda i förändring</i> för chefer.") == [
        "Leda i förändring"
    ]
    assert _names('Ordet "nära" används på många sätt.') == []
    assert _names("Vi följer *Vägledning för samverkan* i arbetet.") == []


def test_lower_case_after_head_noun_is_no_name() -> None:
    assert _names("Projektet har genomförts enligt plan. Satsningen kommer att utvärderas.") == []


def test_national_reports_are_not_projects() -> None:
    assert _names('Utredningen "God och nära vård (SOU 2020:19)" pekar ut riktningen.') == []


def test_list_after_a_plural_head_noun() -> None:
    text = (
        "Länet har flera gemensamma satsningar: Mobila teamet, Fast vårdkontakt i hemmet samt Digitala besök."
    )
    assert _names(text) == ["Mobila teamet", "Fast vårdkontakt i hemmet", "Digitala besök"]


def test_definition_sentence() -> None:
    assert _names("Hemmaplan är ett samarbete för barn i familjehem mellan kommun och region.") == [
        "Hemmaplan"
    ]


def test_ongoing_and_started_work() -> None:
    found = find_initiatives(
        _doc(
            "Det pågår ett arbete med att ta fram en gemensam rutin för läkemedelsgenomgångar.\n\n"
            "Arbetet med fast omsorgskontakt startade i Kumla våren 2022."
        )
    )
    assert [(i.name, i.status_word) for i in found] == [
        ("Gemensam rutin för läkemedelsgenomgångar", "pågående"),
        ("Fast omsorgskontakt i Kumla", "startad"),
    ]
    assert found[1].timeplan == "våren 2022"


def test_things_to_be_built_and_assignments() -> None:
    text = (
        "Därför ska en regional kunskapsbank upprättas. "
        "Förvaltningen fick i uppdrag att genomföra ett pilotprojekt med digital tillsyn i två kommuner."
    )
    assert _names(text) == ["Regional kunskapsbank", "Pilotprojekt med digital tillsyn"]


def test_activities_in_a_plan_section_with_period_lines() -> None:
    text = (
        "4. Aktiviteter\n\n"
        "Våren 2025\n\n"
        "Dialogmöte anordnas med brukarorganisationerna om vårdens tillgänglighet.\n\n"
        "**Kartlägga behovet av hembesök hos äldre.**\n\n"
        "Hösten 2025\n\n"
        "- Utbildning i motiverande samtal för hemtjänstens personal\n\n"
        "5. Uppföljning\n\n"
        "Rapport lämnas till nämnden.\n"
    )
    found = find_initiatives(_doc(text))
    assert [(i.name, i.timeplan) for i in found] == [
        ("Dialogmöte med brukarorganisationerna om vårdens tillgänglighet", "Våren 2025"),
        ("Kartlägga behovet av hembesök hos äldre", "Våren 2025"),
        ("Utbildning i motiverande samtal för hemtjänstens personal", "Hösten 2025"),
    ]
    assert all(i.kind == "aktivitet" for i in found)


def test_one_entity_per_initiative_with_all_its_evidence() -> None:
    text = (
        "Projektet Trygg i Vingåker startade 2022.\n\n"
        "Resultaten för projektet Trygg i Vingåkers tre delmål redovisas nedan.\n\n"
        "Projektet Trygg i Vingåker samordnas av FoU-enheten.\n"
    )
    result = extract_initiatives(_doc(text))
    [project] = result.of("Project")
    assert project.name == "Trygg i Vingåker"
    assert len(project.evidence) == 3
    assert project.properties["start"] == "2022"
    for evidence in project.evidence:
        assert text[evidence.start : evidence.end].strip() == evidence.quote


def test_responsible_actor_from_the_sentence() -> None:
    result = extract_initiatives(
        _doc("En gemensam modell för uppföljning ska tas fram av FoUrum under 2025.")
    )
    [project] = result.of("Project")
    assert project.name == "Gemensam modell för uppföljning"
    assert project.properties["timeplan_text"] == "under 2025"
    [relation] = [r for r in result.relations if r.type == "RESPONSIBLE_FOR"]
    assert relation.source.name == "FoUrum" and relation.target is project


def test_samples() -> None:
    names = {
        prefix: {
            i.name for i in find_initiatives(_doc(next(SAMPLES.glob(f"{prefix}_*.txt")).read_text("utf-8")))
        }
        for prefix in ("000", "002", "003", "004")
    }
    assert "Närmare hälsa" in names["000"]
    assert {"Leda omställning", "Uppföljningsmodell för Örebro län"} <= names["002"]
    assert {"Nära vård i Sörmland", "Tillsammans för barnens bästa", "Översyn av Samverkanswebben"} <= names[
        "003"
    ]
    assert "Nära vård i Sörmlands" not in names["003"]  # a genitive reading of the same name
    assert {
        "Länsgemensam utbildning i personcentrerat arbetssätt",
        "Workshop med politiker och chefer inom socialförvaltningen",
    } <= names["004"]


def test_name_ends_before_partners_and_list_items_about_running_the_work_are_no_activities() -> None:
    assert _names("Regionen deltar i programmet Nära vård i Norden tillsammans med SKR.") == [
        "Nära vård i Norden"
    ]
    text = "Aktiviteter\n\n- Kartläggning av hemsjukvårdens behov\n- Styrgruppen träffas varannan månad\n"
    assert _names(text) == ["Kartläggning av hemsjukvårdens behov"]
