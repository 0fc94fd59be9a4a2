"""Actor vocabulary (types, abbreviations, name normal form) and the actors extractor."""

from __future__ import annotations

from pathlib import Path

import pytest

from domain.document import Page, SourceDocument
from domain.model import Entity
from ingest.extractors.actors import extract_actors
from ingest.vocabulary.actors import abbreviation_fit, actor_type, find_abbreviations, normalise_actor_name

SAMPLES = Path(__file__).resolve().parent.parent / "sample_data"


def _doc(text: str, county: str | None = None) -> SourceDocument:
    return SourceDocument(
        id="t", file_name="t.txt", media_type="text/plain", pages=[Page(1, text)], county=county
    )


def _sample(file: str) -> SourceDocument:
    return _doc((SAMPLES / file).read_text(encoding="utf-8"))


# --- vocabulary --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "kind"),
    [
        ("Region Sörmland", "region"),
        ("Eskilstuna kommun", "kommun"),
        ("Nämnden för samverkan kring socialtjänst och vård", "nämnd"),
        ("NSV", "organisation"),  # an abbreviation alone says nothing
        ("Socialnämnden", "nämnd"),
        ("Kommunfullmäktige", "nämnd"),
        ("Länsstyrgruppen", "styrgrupp"),
        ("Beredningsgrupp Barn", "beredningsgrupp"),
        ("beredningsgrupp äldre", "beredningsgrupp"),
        ("Referensgrupp indikatorer", "arbetsgrupp"),
        ("Socialchefsnätverket", "nätverk"),
        ("Nätverket Nära vård i Sörmland", "nätverk"),
        ("Regionala samverkansrådet", "råd"),
        ("Lokalt vårdkompetensråd", "råd"),
        ("FoUiS", "enhet"),
        ("Forskning och utveckling i Sörmland", "enhet"),
        ("Länsgemensamt regionalt stöd", "enhet"),
        ("Socialstyrelsen", "myndighet"),
        ("IVO", "myndighet"),
        ("Länsstyrelsen i Örebro län", "myndighet"),
        ("MDU", "lärosäte"),
        ("Örebro universitet", "lärosäte"),
        ("Högskolan Dalarna", "lärosäte"),
        ("processledare", "roll"),
        ("Socialchef", "roll"),
        ("MAS", "roll"),
        ("SKR", "organisation"),
        ("Sveriges Kommuner och Regioner", "organisation"),
        ("NSPH", "civilsamhälle"),
        ("fokusområdet", "organisation"),  # ends in "rådet" but is no council
    ],
)
def test_actor_type(name: str, kind: str) -> None:
    assert actor_type(name) == kind


def test_find_abbreviations_forward_reverse_and_glossary() -> None:
    text = (
        "Ärendet bereds av Länsgemensamt regionalt stöd (LRS) och Nämnden för samverkan kring "
        "socialtjänst och vård (NSV). Deltagare i Sveriges kommuner och regioners (SKR) program.\n"
        "NSPH (Nationell samverkan för psykisk hälsa) deltog.\n"
        "FoUiS – Forskning och utveckling i Sörmland\n"
        "Vi samarbetar med Mälardalens universitet (MDU) och samverkansgruppen kommunchefer och "
        "regiondirektör (KC/RD)."
    )
    assert find_abbreviations(text) == {
        "LRS": "Länsgemensamt regionalt stöd",
        "NSV": "Nämnden för samverkan kring socialtjänst och vård",
        "SKR": "Sveriges kommuner och regioner",
        "NSPH": "Nationell samverkan för psykisk hälsa",
        "FoUiS": "Forskning och utveckling i Sörmland",
        "MDU": "Mälardalens universitet",
        "KC/RD": "kommunchefer och regiondirektör",
    }


def test_parentheses_that_are_no_abbreviations() -> None:
    text = (
        "Med utgångspunkt i Samsjuklighetsutredningen (SOU 2023:5) och underlaget (bilaga 8), "
        "ordföranden Jacob Sandgren (S) och en gemensam politiskt nämnd (VOHJS)."
    )
    assert find_abbreviations(text) == {}


def test_abbreviation_fit() -> None:
    assert abbreviation_fit("LRS", "Länsgemensamt regionalt stöd") == 1.0
    assert abbreviation_fit("NSV", "Nämnden för samverkan kring socialtjänst och vård") == 0.75
    assert abbreviation_fit("NVK", "närvårdskoordinatorer") == 1.0
    assert abbreviation_fit("SKR", "Effektiv vård") == 0.0
    assert abbreviation_fit("VOHJS", "gemensam politiskt nämnd") == 0.0


def test_normalise_actor_name() -> None:
    same = {
        normalise_actor_name(n)
        for n in (
            "Läns gemensamt Regionalt Stöd",
            "Läns-gemensamt Regionalt Stöd",
            "Länsgemensamt regionalt stöd.",
        )
    }
    assert len(same) == 1
    assert normalise_actor_name("Region Sörmlands") == normalise_actor_name("Region Sörmland")
    assert normalise_actor_name("Eskilstunas kommun") == normalise_actor_name("Eskilstuna kommun")
    assert normalise_actor_name("den gemensamma nämnden") == normalise_actor_name("Gemensamma nämnden")
    assert normalise_actor_name("Länsstyrgruppens") == normalise_actor_name("Länsstyrgruppen")
    assert normalise_actor_name("Beredningsgrupp Barn") != normalise_actor_name("Beredningsgrupp äldre")
    assert normalise_actor_name("Flens kommun") != normalise_actor_name("Gnesta kommun")


# --- the extractor: expected actors per sample document -------------------------------------------

SORMLAND = [
    "Eskilstuna kommun", "Flens kommun", "Gnesta kommun", "Katrineholms kommun", "Nyköpings kommun",
    "Oxelösunds kommun", "Strängnäs kommun", "Trosa kommun", "Vingåkers kommun",
]  # fmt: skip
EXPECTED: dict[str, list[str]] = {
    "000_afb530c70a69af00.txt": [
        "Strängnäs kommun", "Region Sörmland", "NSV", "SKR", "Kommunstyrelsen", "Kommunfullmäktige",
        "Socialnämnden", "Socialchefnätverket", "Länsstyrgruppen", "Regeringen", "Sörmlands närvårdsstruktur",
    ],
    "001_f592cce8843fa616.txt": [
        "Region Sörmland", *SORMLAND, "Länsstyrgruppen", "Nämnden för samverkan kring socialtjänst och vård",
        "VOHJS", "Läns-gemensamt Regionalt Stöd", "Samverkansstrukturen", "Beredningsgrupp Barn",
        "Beredningsgrupp äldre", "NVK", "FoU i Sörmland", "Lokalt vårdkompetensråd", "MDU", "SKR",
        "Socialstyrelsen", "Regeringen", "Nationella vårdkompetensrådet",
        "Regionala samverkans- och stödstrukturer",
        "Vård och omsorgscollege", "Skolchefsnätverket", "Anhörigkonsulentnätverket", "NPO",
    ],
    "002_6fb966d9dd1e7c89.txt": [
        "Regionala samverkansrådet", "Region Örebro län", "Nora kommun", "SKR", "Socialstyrelsen",
        "Karlstads universitet", "Regional utveckling", "KC/RD", "RSS", "SCB", "Regeringen",
        "Samverkansstrukturen", "Valfärd och folkhälsa",
    ],
    "003_1956bef3643964a7.txt": [
        "FoUiS", "Länsstyrgruppen", "Samverkansstrukturen", "Region Sörmland", "Närvårdskoordinatorer", "LRS",
        "NSV", "SKR", "Hälsoval", "Socialchefsnätverket", "Division primärvård",
        "Nätverket Nära vård i Sörmland",
        "MDU", "Sjukvårdsregion Mellansverige", "Nätverket God och nära vård",
        "Samverkansnämndens ledningsgrupp för Sjukvårdsregion Mellansverige",
        "Region Västmanland", "Region Uppsala", "Region Jönköpings län", "Region Västernorrland",
        "FoU i Östergötland", "Rådet för kunskapsstyrning", "NSPH",
        "Kompetenscentrum för våld i nära relationer",
        "Processledare nära vård", "Socialstyrelsen", "Eskilstuna kommun", "Katrineholms kommun",
        "Nyköpings kommun", "Referensgrupp indikatorer", "Arbetsgrupp FoUiS", "Riksdagen",
        "Styrgruppen",  # the project's steering group: named only by the generic word, so missed
        "Projektledare", "FoU-chef", "Verksamhetschef för Länsgemensamt regionalt stöd",
        "Lokala processledare",
        "Sjukhuskoordinatorer", "Paramedicin", "Anhörigcentrum", "Pensionärsrådet", "Funktionshinderrådet",
    ],
    "004_0478605a8248e46a.txt": [
        "Askersunds kommun", "Hallsbergs kommun", "SKR", "WHO", "Kommunstyrelsen", "Sydnärkes folkhälsoteam",
        "Vårdcentralen Askersund", "Processledare nära vård", "MAS", "MAR", "Regeringen",
        "Socialförvaltningen", "Socialnämnden", "Kommunledningsgruppen", "Region Örebro län",
        "Styrgrupp för nära vård i Askersund", "Arbetsgrupp för nära vård i Askersund",
    ],
}  # fmt: skip


def _names(entity: Entity) -> set[str]:
    return {normalise_actor_name(n) for n in (entity.name, *entity.aliases)}


def score(file: str) -> tuple[float, float, list[str], list[str]]:
    """Precision, recall, missed expected names, unexpected actors for one sample document."""
    actors = extract_actors(_sample(file)).of("Actor")
    expected = {normalise_actor_name(n): n for n in EXPECTED[file]}
    matched = {key for key in expected if any(key in _names(a) for a in actors)}
    extra = [a.name for a in actors if not _names(a) & set(expected)]
    precision = (len(actors) - len(extra)) / len(actors)
    recall = len(matched) / len(expected)
    return precision, recall, [expected[k] for k in expected if k not in matched], extra


@pytest.mark.parametrize("file", sorted(EXPECTED))
def test_recall_and_precision_on_sample_documents(file: str) -> None:
    precision, recall, missed, extra = score(file)
    assert recall >= 0.9, missed
    assert precision >= 0.9, extra


def test_one_entity_per_actor_with_aliases_and_evidence() -> None:
    doc = _sample("003_1956bef3643964a7.txt")
    result = extract_actors(doc)
    actors = result.of("Actor")
    names = [a.name for a in actors]
    assert len(names) == len(set(names))
    lrs = next(a for a in actors if a.name == "Länsgemensamt regionalt stöd")
    assert "LRS" in lrs.aliases and lrs.properties == {"type": "enhet", "county": "Sörmland"}
    nsv = next(a for a in actors if "NSV" in a.aliases)
    assert nsv.name == "Nämnden för samverkan kring socialtjänst och vård"
    network = next(a for a in actors if a.name == "Nätverket Nära vård i Sörmland")
    assert "Nätverk för Nära vård i Sörmland" in network.aliases
    text = doc.pages[0].text
    for actor in actors:
        assert 1 <= len(actor.evidence) <= 3
        for evidence in actor.evidence:
            assert evidence.extractor == "actors"
            assert text[evidence.start : evidence.end] == evidence.quote


def test_relations_in_county_and_member_of() -> None:
    result = extract_actors(_sample("004_0478605a8248e46a.txt"))
    relations = {(r.type, r.source.name, r.target.name) for r in result.relations}
    assert ("IN_COUNTY", "Askersunds kommun", "Örebro län") in relations
    assert ("IN_COUNTY", "Hallsbergs kommun", "Örebro län") in relations
    assert ("MEMBER_OF", "Kommunstyrelsen (Askersunds kommun)", "Askersunds kommun") in relations
    assert {c.name for c in result.of("County")} == {"Örebro län"}
    network = extract_actors(
        _doc("Nätverket God och nära vård inom Sjukvårdsregion Mellansverige samverkar.")
    )
    assert {(r.type, r.source.name, r.target.name) for r in network.relations} == {
        ("MEMBER_OF", "Nätverket God och nära vård", "Sjukvårdsregion Mellansverige")
    }


def test_renamed_body_becomes_an_alias() -> None:
    text = (
        "År 2011 tillsattes en gemensam politisk nämnd (VOHJS). Nämnden bytte 2015 namn till "
        "Nämnden för samverkan kring socialtjänst och vård (NSV)."
    )
    [actor] = extract_actors(_doc(text)).of("Actor")
    assert actor.name == "Nämnden för samverkan kring socialtjänst och vård"
    assert {"NSV", "VOHJS"} <= set(actor.aliases)


def test_generic_words_are_not_actors() -> None:
    text = (
        "En arbetsgrupp bildades. Styrgruppen beslutade i mars. Vi bygger nätverk för kommunikatörer och "
        "ett kommunikatörsnätverk ska bildas. Arbetsgruppen har bearbetat materialet. Målgruppen är unga. "
        "Fokusområdet och programområdet. Mobila team och SKR:s nätverk. Styrgrupp: Anna Svensson, Bo Ek. "
        "Styrgrupp bildades och arbetade."
    )
    assert [a.name for a in extract_actors(_doc(text)).of("Actor")] == ["Sveriges Kommuner och Regioner"]


def test_another_county_written_differently() -> None:
    text = (
        "Beslutet fattades av Regionala samverkansrådet i Västerbotten tillsammans med Umeå kommun, "
        "Skellefteås kommunledning och Region Västerbotten. Arbetsgrupp Äldre och Socialchefsnätverket "
        "i Västerbotten bereder frågan med stöd av Umeå universitet och "
        "Inspektionen för vård och omsorg (IVO)."
    )
    actors = {a.name: a for a in extract_actors(_doc(text)).of("Actor")}
    assert set(actors) == {
        "Regionala samverkansrådet", "Umeå kommun", "Skellefteå kommun", "Region Västerbotten",
        "Arbetsgrupp Äldre",
        "Socialchefsnätverket", "Umeå universitet", "Inspektionen för vård och omsorg",
    }  # fmt: skip
    assert actors["Umeå kommun"].properties["county"] == "Västerbottens län"
    assert actors["Socialchefsnätverket"].properties["county"] == "Västerbottens län"
    assert "IVO" in actors["Inspektionen för vård och omsorg"].aliases


def test_administrations_councils_centres_and_boards_written_bare() -> None:
    text = (
        "Planen togs fram av omsorgsförvaltningen och Kultur- och fritidsförvaltningen i Vännäs kommun. "
        "Förvaltningarna samråder med äldrerådet och regionens hälsocentrum. Planen går till "
        "kommunstyrelse och socialnämnd. Vännäs kommun ansvarar. En socialnämnd kan också yttra sig."
    )
    names = {a.name for a in extract_actors(_doc(text)).of("Actor")}
    assert {
        "Omsorgsförvaltningen", "Kultur- och fritidsförvaltningen", "Äldrerådet", "Hälsocentrum",
        "Kommunstyrelsen (Vännäs kommun)", "Socialnämnden (Vännäs kommun)",
    } <= names  # fmt: skip
    assert not any(n.startswith("Förvaltning") for n in names)


def test_a_bodys_own_group_and_a_unit_a_chief_heads() -> None:
    text = (
        "Frågan rapporteras till Regionstyrelsens arbetsgrupp för Primärvård och Psykiatri. "
        "Med i gruppen var chef för Habilitering, en enhetschef för hemtjänsten och "
        "verksamhetschef för Regionalt stöd, vård och omsorg."
    )
    names = {a.name for a in extract_actors(_doc(text)).of("Actor")}
    assert names == {"Regionstyrelsens arbetsgrupp för Primärvård och Psykiatri", "Habilitering"}


def test_roles_in_the_organisation_of_the_work() -> None:
    text = (
        "Utvecklingsarbetet leds av FoU Västerbotten (FoUVB) med en processledare för nära vård. "
        "Projektledaren rapporterar till FoUVB-chefen och verksamhetschefen vid FoUVB. De kommunala "
        "processledarna och vårdkoordinatorerna träffas varje månad; processledaren sammankallar."
    )
    actors = {a.name: a for a in extract_actors(_doc(text)).of("Actor")}
    assert {
        "Processledare nära vård", "Projektledare", "FoUVB-chef", "Kommunala processledare",
        "Vårdkoordinatorer",
    } <= set(actors)  # fmt: skip
    assert any(n.startswith("Verksamhetschef för ") for n in actors)
    assert "processledaren" in actors["Processledare nära vård"].aliases  # the bare role joins it
    assert all(a.properties["type"] == "roll" for n, a in actors.items() if "ledare" in n or "chef" in n)


def test_a_municipal_plans_unnamed_groups_and_the_region() -> None:
    plan = (
        "Lokal plan för Vännäs kommun. I Vännäs leds arbetet av en styrgrupp med socialchef och "
        "skolchef, och en arbetsgrupp tar fram aktiviteter tillsammans med regionen. Styrgruppen "
        "följer upp arbetet i Vännäs."
    )
    names = {a.name for a in extract_actors(_doc(plan)).of("Actor")}
    assert {
        "Styrgrupp för nära vård i Vännäs", "Arbetsgrupp för nära vård i Vännäs", "Region Västerbotten",
    } <= names  # fmt: skip
    # a document about several municipalities, or none, has no group of its own: left out
    several = "Umeå kommun, Vännäs kommun och Nordmalings kommun har en styrgrupp. Styrgruppen möts."
    assert not any("grupp" in a.name.casefold() for a in extract_actors(_doc(several)).of("Actor"))
    # "regionen" without a county to read it by is nobody
    assert extract_actors(_doc("Arbetet sker tillsammans med regionen.")).of("Actor") == []
