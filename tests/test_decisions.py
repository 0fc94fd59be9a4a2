"""Decisions from protocol extracts, report prose and decision tables (real sample texts and small cases)."""

from __future__ import annotations

from pathlib import Path

import pytest

from domain.document import Page, SourceDocument
from domain.model import Entity, Extraction
from ingest.extractors.decisions import body_key, extract_decisions, find_diarienummer

SAMPLES = Path(__file__).resolve().parent.parent / "sample_data"


def _doc(text: str, date: str | None = None) -> SourceDocument:
    return SourceDocument(
        id="test", file_name="t.txt", media_type="text/plain", pages=[Page(number=1, text=text)], date=date
    )


def _sample(prefix: str) -> Extraction:
    path = next(SAMPLES.glob(f"{prefix}_*.txt"))
    return extract_decisions(_doc(path.read_text(encoding="utf-8")))


def _facts(result: Extraction) -> set[tuple[str | None, str | None, str | None]]:
    return {
        (d.properties.get("body"), d.properties.get("date"), d.properties.get("diarienummer"))
        for d in result.of("Decision")
    }


def _by_date(result: Extraction, iso: str) -> Entity:
    [decision] = [d for d in result.of("Decision") if d.properties.get("date") == iso]
    return decision


# What the protocol extracts in 000 hold: three § decisions and the government's decision in their background.
EXPECTED_000 = {
    ("Kommunstyrelsen", "2022", "KS/2022:276"),  # no meeting date: the year of its diarienummer
    ("Socialnämnden", "2022-05-25", "SN/2022:240"),
    ("Nämnden för samverkan kring socialtjänst och vård", "2022-03-11", "NSV22-0008"),
    ("regeringen", "2020-11-18", None),
}

# Decisions stated in the projektrapport (003), read by hand. Left out on purpose: passive decisions without a
# date or a named body ("Vid mötet beslutades ..."), process descriptions in the present tense
# ("Länsstyrgruppen beslutar om vilka satsningar ..."), diarienummer without a decision verb
# ("(NSV23-0008-3) är länets arena"), the "Utskick" row, "ställde sig bakom" without a date, and a passive
# that refers back to a decision told elsewhere ("i samband med att målbilden beslutades av NSV").
# A decision without a date of its own under a year heading ("2022", "2022–2023") takes that year.
EXPECTED_003 = {
    ("riksdagen", "2020-11", None),  # three mentions, one "Sveriges riksdag"
    ("Riksdagen", "2017-03", None),
    ("NSV", "2020", None),  # våren 2020
    (None, "2020-12", None),  # "i december 2020 beslutades att två projektledare ..."
    ("Länsstyrgruppen", "2021-11", "NSV21-0028-6"),
    ("Socialchefsnätverket", None, None),
    ("Divisionschefer", None, None),  # "Divi-\n\nsionschefer tog beslut"
    (
        "Länsstyrgruppen",
        "2022",
        None,
    ),  # antog förslaget om utbildning i tjänstedesign (twice; once under 2022–2023)
    ("Styrgruppen för projektet", "2021-10", None),
    ("Styrgruppen", "2022-02", None),
    ("NSV", "2022-03-11", "NSV22-0008"),
    ("Styrgruppen", "2022", None),  # beslutade att projektledarnas uppdrag ... (under "2022–2023")
    (
        "samtliga kommuner och regionen",
        "2022",
        None,
    ),  # "Därefter togs beslut i samtliga kommuner och regionen"
    ("Styrgruppen", "2022-03", None),  # "Vid styrgruppsmötet i mars enades man om ..."
    ("styrgruppen", "2022", None),  # "Detta godkändes av styrgruppen" (under "2022")
    (
        "Länsstyrgruppen",
        "2023",
        None,
    ),  # "Efter en dialog med Länsstyrgruppen beslutades om ..." (under "2023")
    ("styrgruppen", "2023-01", None),  # "presenterades för styrgruppen i januari och de ställde sig bakom"
    (
        "Länsstyrgruppen",
        "2023-02",
        None,
    ),  # "... för Länsstyrgruppen i februari ... vilket man ställde sig bakom"
    ("Styrgruppen", "2022-04", None),  # ställde sig i april bakom
    ("Länsstyrgruppen", "2022-04-08", None),
    ("Länsstyrgruppen", "2022-11-22", "NSV23-0008-6"),
    ("Länsstyrgruppen", "2023-03-31", "NSV23-0008-7"),
    ("Länsstyrgruppen", "2023-04-21", None),
    ("NSV", "2022-02-11", None),  # "Beslut i NSV 22-02-11" (the report's own date, kept as written)
}


def test_protocol_extracts_000() -> None:
    result = _sample("000")
    assert _facts(result) == EXPECTED_000
    names = {d.name for d in result.of("Decision")}
    assert {"KS § 176", "SN § 77", "NSV § 4/22"} <= names


def test_protocol_paragraph_and_references_merge_000() -> None:
    result = _sample("000")
    [nsv] = [d for d in result.of("Decision") if d.name == "NSV § 4/22"]
    assert nsv.properties["paragraph"] == "§ 4/22"
    assert nsv.properties["date"] == "2022-03-11"  # the meeting date, not the extract's 2022-03-23
    assert "Läns-gemensam målbild för Nära vård i Sörmland antas" in nsv.properties["summary"]
    assert len(nsv.evidence) == 3  # the § itself and two "Protokollsutdrag ... NSV § 4/22" references
    [sn] = [d for d in result.of("Decision") if d.name == "SN § 77"]
    assert len(sn.evidence) == 2
    assert all(e.extractor == "decisions" and e.page == 1 for e in nsv.evidence + sn.evidence)


def test_report_decisions_003() -> None:
    result = _sample("003")
    assert _facts(result) == EXPECTED_003


def test_same_decision_mentioned_thrice_is_one_entity_003() -> None:
    result = _sample("003")
    decision = _by_date(result, "2022-04-08")
    quotes = [e.quote for e in decision.evidence]
    assert len(quotes) == 3
    assert any("beslutade den 8 april" in q for q in quotes)
    assert any("22-04-08" in q for q in quotes)
    assert "personcentrering och hälsofrämjande och förebyggande" in decision.properties["summary"]
    assert decision.name == "Beslut Länsstyrgruppen 2022-04-08"


def test_evidence_quotes_the_page_as_written_003() -> None:
    path = next(SAMPLES.glob("003_*.txt"))
    text = path.read_text(encoding="utf-8")
    result = extract_decisions(_doc(text))
    for decision in result.of("Decision"):
        for evidence in decision.evidence:
            assert evidence.quote == text[evidence.start : evidence.end].strip()


def test_diarienummer_written_with_a_space_is_tidied_003() -> None:
    decision = _by_date(_sample("003"), "2022-11-22")
    assert decision.properties["diarienummer"] == "NSV23-0008-6"  # written "NSV23- 0008-6"
    assert (
        decision.properties["summary"] == "förtydliganden kring arbetet inom samverkansstrukturen i Sörmland"
    )


def test_decided_relations_and_actor_spellings_003() -> None:
    result = _sample("003")
    [actor] = [a for a in result.of("Actor") if a.name == "Länsstyrgruppen"]
    assert "Länsstyrgrupp" in actor.aliases
    decided = [r for r in result.relations if r.type == "DECIDED" and r.source is actor]
    assert len(decided) == 8
    assert all(r.evidence for r in decided)
    bodyless = [d for d in result.of("Decision") if "body" not in d.properties]
    assert not any(r.target in bodyless for r in result.relations)


def test_decisions_in_plans() -> None:
    # 001 only tells the government's background decision, undated; "har antagits av (NSV)" is a passive
    # perfect without a date and stays out
    assert _facts(_sample("001")) == {("Regeringen", None, None)}
    result = _sample("004")
    assert _facts(result) == {("Regeringen", "2017", None), ("Kommunstyrelsen i Askersund", None, None)}
    [ks] = [d for d in result.of("Decision") if d.properties.get("paragraph")]
    assert ks.name == "Kommunstyrelsen i Askersund § 23"


def test_decisions_in_002() -> None:
    assert _facts(_sample("002")) == {
        ("KC/RD", "2021-01", None),
        ("Regionala samverkansrådet", None, None),
        (
            "Regeringen",
            "2017-03",
            None,
        ),  # "I mars 2017 utfärdade Regeringen ytterligare ett utredningsdirektiv"
    }


def test_protocol_with_sammantradesdatum_and_other_dnr_shapes() -> None:
    text = (
        "Protokoll\nSammanträdesdatum 2023-09-14\n\nKS § 23\nDnr KS 2023/123\n\n"
        "Samverkansavtal för nära vård\n\nBeslut\n\n"
        "Kommunstyrelsen beslutar att godkänna samverkansavtalet.\n\n"
        "Ärendebeskrivning\nSocialnämnden beslutade den 3 maj att ställa sig bakom avtalet (Dnr 2023/45).\n"
    )
    result = extract_decisions(_doc(text))
    facts = {
        (d.name, d.properties.get("date"), d.properties.get("diarienummer")) for d in result.of("Decision")
    }
    assert facts == {
        ("KS § 23", "2023-09-14", "KS 2023/123"),  # the protocol's date in its header
        ("Beslut Socialnämnden 2023-05-03", "2023-05-03", "2023/45"),
    }
    [ks] = [d for d in result.of("Decision") if d.name == "KS § 23"]
    assert ks.properties["summary"] == "Kommunstyrelsen beslutar att godkänna samverkansavtalet."
    assert ks.properties["body"] == "Kommunstyrelsen"


def test_meeting_date_label_after_the_paragraph() -> None:
    text = (
        "SN § 12\nSammanträdesdatum: 2021-02-03\nDiarienummer: SN/2021:17\n\n"
        "Beslut\nSocialnämnden antar planen.\n"
    )
    [decision] = extract_decisions(_doc(text)).of("Decision")
    assert (decision.name, decision.properties["date"], decision.properties["diarienummer"]) == (
        "SN § 12",
        "2021-02-03",
        "SN/2021:17",
    )


def test_references_and_process_descriptions_are_not_decisions() -> None:
    text = (
        "Sörmlands samverkansstruktur (NSV23-0008-3) är länets arena för nära vård.\n\n"
        "Länsstyrgruppen beslutar om vilka satsningar som ska ske i samverkan.\n\n"
        "Vid mötet beslutades att inte genomföra workshops.\n\n"
        "Styrgruppen ställde sig bakom förslaget.\n"
    )
    assert extract_decisions(_doc(text)).of("Decision") == []


def test_year_comes_from_the_nearest_year_heading_else_the_document() -> None:
    text = "2022\nArbetet\nDen 22 november tog Länsstyrgruppen beslut om förtydliganden kring arbetet.\n"
    assert _by_date(extract_decisions(_doc(text)), "2022-11-22")
    lone = "Länsstyrgruppen beslutade den 8 april att fokusområdena ska vara personcentrering."
    assert _facts(extract_decisions(_doc(lone, date="2023-06"))) == {("Länsstyrgruppen", "2023-04-08", None)}
    assert _facts(extract_decisions(_doc(lone))) == {("Länsstyrgruppen", None, None)}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("diarienr: NSV22-0008", ["NSV22-0008"]),
        ("D.nr. KS/2022:276 - 106", ["KS/2022:276"]),
        ("(NSV 22-0026) och NSV23- 0008-6", ["NSV 22-0026", "NSV23-0008-6"]),
        ("Dnr 2021/45", ["2021/45"]),
        ("SOU 2020:19 och Beslut i NSV 22-02-11", []),
    ],
)
def test_find_diarienummer(text: str, expected: list[str]) -> None:
    assert [d for d, _, _ in find_diarienummer(text)] == expected


def test_body_key_meets_spellings() -> None:
    assert body_key("Länsstyrgrupp") == body_key("Länsstyrgruppen")
    assert body_key("Sveriges riksdag") == body_key("riksdagen")
    assert body_key("Kommunstyrelsen") == body_key("kommunstyrelse")
    assert body_key("Nämnden för samverkan", {"nämnden för samverkan": "NSV"}) == body_key("NSV")
    assert body_key("Styrgruppen") != body_key("Länsstyrgruppen")


# --- patterns in other wordings -----------------------------------------------------------------------


def test_government_acts_and_perfect_tense_with_a_paragraph() -> None:
    text = (
        "Bakgrund\n\nRegeringen utsåg en nationell samordnare 2019 för arbetet med primärvårdsreformen.\n\n"
        "Socialnämnden i Kumla har fastställt handlingsplanen för nära vård, § 45.\n"
    )
    result = extract_decisions(_doc(text))
    facts = {
        (d.properties.get("body"), d.properties.get("date"), d.properties.get("paragraph"))
        for d in result.of("Decision")
    }
    assert facts == {("Regeringen", "2019", None), ("Socialnämnden i Kumla", None, "§ 45")}


def test_year_heading_dates_passive_and_agreed_decisions() -> None:
    text = (
        "2024\n\nVid nätverksmötet i maj enades man om att ta fram en gemensam rutin för SIP.\n\n"
        "Rutinen godkändes av ledningsgruppen och spreds till verksamheterna.\n\n"
        "Underlaget presenterades för förbundsdirektionen i oktober och de ställde sig bakom det.\n"
    )
    facts = _facts(extract_decisions(_doc(text)))
    assert facts == {
        ("Nätverket", "2024-05", None),
        ("ledningsgruppen", "2024", None),
        ("förbundsdirektionen", "2024-10", None),
    }


def test_plan_period_is_not_a_year_heading_and_references_back_are_not_decisions() -> None:
    text = (
        "2025-2028\n\nArbetet startade när planen antogs av kommunfullmäktige.\n\n"
        "Rutinen godkändes av ledningsgruppen.\n"
    )
    assert extract_decisions(_doc(text)).of("Decision") == []


def test_paragraf_and_arendenummer_forms_and_a_proposal_is_no_decision() -> None:
    text = (
        "Hälso- och sjukvårdsnämnden\nProtokoll\nSammanträdesdatum: 2018-05-24\n\n"
        "§ 67 Samverkan kring nära vård\nDiarienummer HSN 2018/141\n\n"
        "Hälso- och sjukvårdsnämnden beslutar att anta handlingsplanen för nära vård 2018–2020.\n\n"
        "§ 68 Ny vårdcentral\nDiarienummer HSN 2018/150\n\n"
        "Förslag till beslut: Nämnden föreslås besluta att utreda en ny vårdcentral.\n\n"
        "Paragraf 69, ärendenummer KS 2018/0539\n"
        "Nämnden beslutar att godkänna avsiktsförklaringen om nära vård.\n"
    )
    decisions = {d.name: d.properties for d in extract_decisions(_doc(text)).of("Decision")}
    assert set(decisions) == {"HSN § 67", "KS § 69"}  # § 68 is only proposed
    assert decisions["HSN § 67"]["diarienummer"] == "HSN 2018/141"
    assert "other_diarienummer" not in decisions["HSN § 67"]  # each § keeps its own number
    assert decisions["HSN § 67"]["summary"] == "anta handlingsplanen för nära vård 2018–2020"
    assert decisions["KS § 69"]["diarienummer"] == "KS 2018/0539"
    assert decisions["KS § 69"]["date"] == "2018-05-24"


def test_one_body_spelled_two_ways_is_one_actor_and_one_name() -> None:
    text = (
        "Nära vård\n\nRegeringen beslutade den 3 mars 2021 att ge uppdraget till SKR. "
        "Senare beslutade regeringen den 5 maj 2022 att förlänga uppdraget.\n"
    )
    result = extract_decisions(_doc(text))
    assert [a.name for a in result.of("Actor")] == ["Regeringen"]
    assert {d.name for d in result.of("Decision")} == {
        "Beslut Regeringen 2021-03-03",
        "Beslut Regeringen 2022-05-05",
    }
