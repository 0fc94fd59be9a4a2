from ingest.extractors.target_groups import extract_target_groups, find_target_groups
from ingest.model import Page, SourceDocument


def names(text: str) -> list[str]:
    return [m.name for m in find_target_groups(text)]


def test_unga_vuxna_with_age_range_is_canonical() -> None:
    text = "runt målgruppen unga vuxna 18-29 år"
    [mention] = find_target_groups(text)
    assert mention.name == "unga vuxna 18–29 år"
    assert text[mention.start : mention.end] == "unga vuxna 18-29 år"


def test_specific_group_wins_over_contained_general_one() -> None:
    assert names("Utveckla stödet till närstående/anhöriga med särskilt fokus på barn som närstående") == [
        "närstående/anhöriga",
        "barn som närstående",
    ]


def test_compound_words_are_not_groups() -> None:
    assert names("Länssamverkan anhörig-konsulentnätverk") == []
    assert names("äldreomsorg och funktionshinderutförare") == []
    assert names("Samsjuklighetsutredningen") == []


def test_variants() -> None:
    assert names("för personer med fysiska och psykiska funktionshinder") == [
        "personer med funktionsnedsättning"
    ]
    assert names("egenmonitorering för äldre multisjuka") == ["multisjuka äldre"]
    assert names("fallprevention för äldre personer") == ["äldre"]
    assert names("arbetet kring samsjuklighet") == ["personer med samsjuklighet"]
    assert names("barn och ungas hälsa") == ["barn och unga"]


def test_adjective_aldre_is_not_a_group() -> None:
    assert names("ett äldre dokument") == []
    assert names("Beredningsgrupp äldre") == []


def test_malgrupp_phrase_names_other_groups() -> None:
    assert names("målgrupp är alla chefer inom äldreomsorg och LSS, socialchefer") == [
        "chefer inom äldreomsorg och LSS"
    ]


def test_inhabitants_are_not_a_target_group() -> None:
    assert names("Målgruppen är invånare i länet") == []
    assert names("tillsammans med målgruppen och de aktörer som möter målgruppen.") == []


def test_extractor_only_takes_groups_named_as_target() -> None:
    text = (
        "Insatsen riktar sig till nyanlända och unga vuxna 18–29 år. "
        "Barn och unga i länet har sämre hälsa än i riket."
    )
    doc = SourceDocument(
        id="d", file_name="x.txt", media_type="text/plain", pages=[Page(number=2, text=text)]
    )
    result = extract_target_groups(doc)
    assert sorted(e.name for e in result.of("TargetGroup")) == ["nyanlända", "unga vuxna 18–29 år"]
    evidence = result.of("TargetGroup")[0].evidence[0]
    assert evidence.page == 2 and evidence.quote.startswith("Insatsen riktar sig till")
    assert text[evidence.start : evidence.end].startswith("Insatsen")
