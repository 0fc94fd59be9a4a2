"""Entity resolution: what is one thing becomes one node, and different things never merge."""

from __future__ import annotations

from domain.model import Extraction
from ingest.resolve import KnownNode, resolve
from tests.factories import document, evidence


def _actors(*names: str, aliases: dict[str, list[str]] | None = None) -> Extraction:
    extraction = Extraction()
    for name in names:
        extraction.entity("Actor", name, evidence(name), aliases=(aliases or {}).get(name, []))
    return extraction


def _ids(extraction: Extraction) -> dict[str, str]:
    return {e.name: e.id or "" for e in extraction.entities}


def test_spelling_variants_and_official_names_resolve_to_one_node() -> None:
    extraction = _actors(
        "Läns gemensamt Regionalt Stöd", "Läns-gemensamt Regionalt Stöd", "Länsgemensamt regionalt stöd",
        "Eskilstuna", "Eskilstuna kommun",
    )  # fmt: skip
    resolved = resolve(extraction, document())
    ids = _ids(extraction)
    assert len({ids[n] for n in list(ids)[:3]}) == 1
    assert ids["Eskilstuna"] == ids["Eskilstuna kommun"]
    eskilstuna = next(n for n in resolved.nodes if n.id == ids["Eskilstuna"])
    assert eskilstuna.properties["name"] == "Eskilstuna kommun"
    reasons = {m.as_written: m.reason for m in resolved.mentions}
    assert reasons["Eskilstuna"] == "officiellt namn"


def test_an_abbreviation_gives_way_to_the_full_name_that_defines_it() -> None:
    full = "Nämnden för samverkan kring socialtjänst och vård"
    extraction = _actors("NSV", full, aliases={full: ["NSV"]})
    resolved = resolve(extraction, document())
    assert len({e.id for e in extraction.entities}) == 1
    assert [n.properties["name"] for n in resolved.nodes] == [full]


def test_different_municipalities_and_groups_never_merge() -> None:
    extraction = _actors(
        "Flens kommun", "Gnesta kommun", "Beredningsgrupp barn", "Beredningsgrupp äldre",
        "Region Sörmland", "Region Örebro län",
    )  # fmt: skip
    resolve(extraction, document())
    ids = _ids(extraction)
    assert ids["Flens kommun"] != ids["Gnesta kommun"]
    assert ids["Beredningsgrupp barn"] != ids["Beredningsgrupp äldre"]
    assert ids["Region Sörmland"] != ids["Region Örebro län"]


def test_county_bodies_are_scoped_to_their_county() -> None:
    sormland, orebro = _actors("Länsstyrgruppen"), _actors("Länsstyrgruppen")
    resolve(sormland, document("a.txt", county="Sörmland"))
    resolve(orebro, document("b.txt", county="Örebro län"))
    assert sormland.entities[0].id != orebro.entities[0].id


def test_a_node_in_the_database_takes_the_smaller_id_whichever_document_came_first() -> None:
    full = "Nämnden för samverkan kring socialtjänst och vård"
    first = _actors(full, aliases={full: ["NSV"]})
    resolve(first, document("a.txt"))
    known = KnownNode(first.entities[0].id or "", "Actor", full, ("NSV",), "Sörmland")
    later = _actors("NSV")
    resolved = resolve(later, document("b.txt"), [known])
    own = resolve(_actors("NSV"), document("b.txt")).nodes[0].id
    assert later.entities[0].id == min(known.id, own)
    assert resolved.renames == ([(known.id, own)] if own < known.id else [])


def test_a_common_word_as_alias_never_joins_two_regions() -> None:
    """Both counties' documents say "regionen" for their own region."""
    sormland = _actors("Region Sörmland", aliases={"Region Sörmland": ["regionen"]})
    resolve(sormland, document("a.txt", county="Sörmland"))
    known = KnownNode(sormland.entities[0].id or "", "Actor", "Region Sörmland", ("regionen",), None)
    orebro = _actors("Region Örebro län", aliases={"Region Örebro län": ["regionen"]})
    resolve(orebro, document("b.txt", county="Örebro län"), [known])
    assert orebro.entities[0].id != known.id
    both = _actors("Region Sörmland", "regionen", "Region Örebro län")
    resolve(both, document("c.txt"))
    ids = _ids(both)
    assert ids["Region Sörmland"] != ids["Region Örebro län"]


def _project_ids(*names: str, county: str = "Sörmland") -> list[str]:
    """The id each name gets when it stands alone in a document of ``county``."""
    ids = []
    for i, name in enumerate(names):
        extraction = Extraction()
        extraction.entity("Project", name, evidence(name))
        resolve(extraction, document(f"d{i}.txt", f"d{i}", county=county))
        ids.append(extraction.entities[0].id or "")
    return ids


def test_a_project_under_name_variants_is_one_node_in_every_document() -> None:
    ids = _project_ids(
        "Tillsammans för barnens bästa i Sörmland",
        "Tillsammans för barnens bästa",
        "projektet Tillsammans för barnens bästa",
        "”Tillsammans för barnens bästa”",
        "Tillsammans för barnens bästa i Region Sörmland",
    )
    assert len(set(ids)) == 1
    extraction = Extraction()
    extraction.entity("Project", "Tillsammans för barnens bästa i Sörmland", evidence("t"))
    node = resolve(extraction, document(county="Sörmland")).nodes[0]
    assert node.aliases == ["Tillsammans för barnens bästa"]


def test_local_projects_of_different_municipalities_and_one_word_cores_stay_apart() -> None:
    local = _project_ids("Omställningen till nära vård i Askersund", "Omställningen till nära vård i Flen")
    assert len(set(local)) == 2
    assert len(set(_project_ids("Projektet", "Satsningen i Sörmland", "Teamet i Sörmland"))) == 3
