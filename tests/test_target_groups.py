from domain.document import Page, SourceDocument
from ingest.extractors.target_groups import extract_target_groups, find_group_phrases, find_target_groups


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


# --- group phrases ---


def phrases(text: str, anywhere: bool = False) -> list[tuple[str, str]]:
    return [(p.name, p.written) for p in find_group_phrases(text, anywhere)]


def test_personer_med_and_som_are_groups_anywhere() -> None:
    assert phrases("Modellen ska göra det lättare för personer med långvarig smärta att få stöd.") == [
        ("personer med långvarig smärta", "personer med långvarig smärta")
    ]
    assert phrases("Hälsokontrollen erbjuds personer som är 65 år eller äldre.") == [
        ("personer som är 65 år eller äldre", "personer som är 65 år eller äldre")
    ]


def test_groups_need_a_word_that_says_the_work_is_for_them() -> None:
    assert phrases("Insatser riktade mot socialt utsatta barn och deras familjer.") == [
        ("socialt utsatta barn", "socialt utsatta barn")
    ]
    assert phrases("Uppsökande verksamhet för sköra äldre i glesbygd.") == [
        ("multisjuka äldre", "sköra äldre")
    ]
    assert phrases("Barn som växer upp i Gävleborg har god hälsa.") == []
    assert phrases("Stöd till barn som lever med våld i hemmet.") == [
        ("barn som lever med våld i hemmet", "barn som lever med våld i hemmet")
    ]


def test_generic_heads_need_a_modifier() -> None:
    assert phrases("Vården ska vara tillgänglig för invånare och patienter i hela länet.") == []
    assert phrases("Förebyggande arbete för särskilt utsatta individer.") == [
        ("särskilt utsatta individer", "särskilt utsatta individer")
    ]


def test_vocabulary_group_leads_the_phrase_and_keeps_its_canonical_name() -> None:
    [(name, written)] = phrases("Fallprevention för äldre personer som bor ensamma i eget boende.")
    assert name == "äldre" and written == "äldre personer som bor ensamma i eget boende"


def test_extractor_adds_phrases_aliases_and_listed_targets() -> None:
    text = (
        "Uppsökande hälsosamtal för personer fyllda 75 år genomförs i Hallstahammar. "
        "Stödet riktas till anhöriga som vårdar en närstående. "
        "Utbildningens målgrupp är enhetschefer inom hemtjänsten, biståndshandläggare, samt MAS. "
        "Beslutet bedöms inte få några konsekvenser för barn och unga."
    )
    doc = SourceDocument(
        id="d", file_name="x.txt", media_type="text/plain", pages=[Page(number=1, text=text)]
    )
    groups = {e.name: e for e in extract_target_groups(doc).of("TargetGroup")}
    assert set(groups) == {
        "personer fyllda 75 år",
        "närstående/anhöriga",
        "enhetschefer inom hemtjänsten",
        "biståndshandläggare",
        "MAS",
    }
    assert "anhöriga som vårdar en närstående" in groups["närstående/anhöriga"].aliases
