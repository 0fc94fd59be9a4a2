"""Swedish places: the vocabulary's completeness, canonical names and mentions in running text."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from domain import places

SAMPLES = Path(__file__).resolve().parent.parent / "sample_data"


def test_all_municipalities_regions_and_counties() -> None:
    assert len(places.municipalities()) == 290
    assert len(places.regions()) == 21
    assert len(places.counties()) == 21


def test_counties_hold_their_municipalities() -> None:
    by_county: dict[str, set[str]] = {}
    for name, county in places.municipalities().items():
        by_county.setdefault(county, set()).add(name)
    assert by_county["Sörmland"] == {
        "Eskilstuna kommun", "Flens kommun", "Gnesta kommun", "Katrineholms kommun", "Nyköpings kommun",
        "Oxelösunds kommun", "Strängnäs kommun", "Trosa kommun", "Vingåkers kommun",
    }  # fmt: skip
    assert len(by_county["Örebro län"]) == 12
    assert {
        "Askersunds kommun",
        "Hallsbergs kommun",
        "Lekebergs kommun",
        "Ljusnarsbergs kommun",
    } <= by_county["Örebro län"]
    assert len(by_county["Västra Götalands län"]) == 49
    assert len(by_county["Skåne län"]) == 33
    assert by_county["Gotlands län"] == {"Region Gotland"}


@pytest.mark.parametrize(
    ("written", "name", "kind", "county"),
    [
        ("Eskilstuna", "Eskilstuna kommun", "kommun", "Sörmland"),
        ("Eskilstuna kommun", "Eskilstuna kommun", "kommun", "Sörmland"),
        ("Eskilstunas kommun", "Eskilstuna kommun", "kommun", "Sörmland"),
        ("Flen", "Flens kommun", "kommun", "Sörmland"),
        ("Strängnäs", "Strängnäs kommun", "kommun", "Sörmland"),
        ("Vingåker", "Vingåkers kommun", "kommun", "Sörmland"),
        ("Askersund", "Askersunds kommun", "kommun", "Örebro län"),
        ("Malmö kommun", "Malmö stad", "kommun", "Skåne län"),
        ("Göteborgs stad", "Göteborgs stad", "kommun", "Västra Götalands län"),
        ("Stockholms kommun", "Stockholms stad", "kommun", "Stockholms län"),
        ("Upplands-Bro", "Upplands-Bro kommun", "kommun", "Stockholms län"),
        ("Region Sörmland", "Region Sörmland", "region", "Sörmland"),
        ("Region Sörmlands", "Region Sörmland", "region", "Sörmland"),
        ("Regionen Sörmland", "Region Sörmland", "region", "Sörmland"),
        ("Landstinget Sörmland", "Region Sörmland", "region", "Sörmland"),
        ("Region Örebro", "Region Örebro län", "region", "Örebro län"),
        ("Region Jönköping", "Region Jönköpings län", "region", "Jönköpings län"),
        ("Stockholms läns landsting", "Region Stockholm", "region", "Stockholms län"),
        ("Västra Götalandsregionen", "Västra Götalandsregionen", "region", "Västra Götalands län"),
        ("Södermanlands län", "Sörmland", "län", "Sörmland"),
        ("Sörmlands län", "Sörmland", "län", "Sörmland"),
        ("Örebro län", "Örebro län", "län", "Örebro län"),
        ("Örebro", "Örebro kommun", "kommun", "Örebro län"),
    ],
)
def test_canonical_actor(written: str, name: str, kind: str, county: str) -> None:
    canon = places.canonical_actor(written)
    assert canon is not None
    assert (canon.name, canon.type, canon.county) == (name, kind, county)


def test_unknown_names_are_not_places() -> None:
    for name in ("Länsstyrgruppen", "X kommun", "Region", "kommun", "Sverige", ""):
        assert places.canonical_actor(name) is None


def test_no_two_municipalities_share_a_written_form() -> None:
    # every bare name, genitive and "X kommun" form reads back as its own municipality only
    seen = set()
    for name in places.municipalities():
        canon = places.canonical_actor(name)
        assert canon is not None and canon.name == name
        seen.add(canon.name)
    assert len(seen) == 290


def test_county_of() -> None:
    assert places.county_of("Trosa") == "Sörmland"
    assert places.county_of("Region Västmanland") == "Västmanlands län"
    assert places.county_of("Nätverket Nära vård i Sörmland") == "Sörmland"
    assert places.county_of("Länsstyrgruppen") is None


def _found(text: str) -> list[tuple[str, str]]:
    return [(m.name, m.text) for m in places.find_places(text)]


def test_find_places_in_running_text() -> None:
    text = (
        "Pilot i Eskilstuna under våren. Eskilstunas satsning och Flens kommuns beslut. "
        "Region Sörmlands arbete och region Sörmland. Askersund och Hallsbergs kommun/vårdcentral."
    )
    assert _found(text) == [
        ("Eskilstuna kommun", "Eskilstuna"),
        ("Eskilstuna kommun", "Eskilstunas"),
        ("Flens kommun", "Flens kommuns"),
        ("Region Sörmland", "Region Sörmlands"),
        ("Region Sörmland", "region Sörmland"),
        ("Askersunds kommun", "Askersund"),
        ("Hallsbergs kommun", "Hallsbergs kommun"),
    ]


def test_longer_forms_win() -> None:
    assert _found("X kommun / Region Örebro län antar målbilden för Örebro län.") == [
        ("Region Örebro län", "Region Örebro län"),
        ("Örebro län", "Örebro län"),
    ]


def test_ambiguous_names_need_context() -> None:
    text = "Mark Johansson och Anna Lund talade. Vara kan vi alla. Ale är ett namn."
    assert _found(text) == []
    assert _found("Projektet pågår i Mark och Vara.") == [("Marks kommun", "Mark"), ("Vara kommun", "Vara")]
    assert _found("Eskilstuna, Lund och Sala deltog.") == [
        ("Eskilstuna kommun", "Eskilstuna"),
        ("Lunds kommun", "Lund"),
        ("Sala kommun", "Sala"),
    ]
    assert _found("Noras kommun och Nora kommun") == [
        ("Nora kommun", "Noras kommun"),
        ("Nora kommun", "Nora kommun"),
    ]


def test_names_inside_words_are_not_places() -> None:
    assert _found("Lundagård, Markaryds-bor, sörmländsk mat och Eskilstunamodellen") == []


def test_line_end_hyphenation_is_read_whole() -> None:
    text = "dialogmöten i Eskilstuna, Ka-\ntrineholm och Nyköping, i Sörm-\nland"
    mentions = places.find_places(text)
    assert [m.name for m in mentions] == [
        "Eskilstuna kommun",
        "Katrineholms kommun",
        "Nyköpings kommun",
        "Sörmland",
    ]
    for mention in mentions:
        assert text[mention.start : mention.end] == mention.text


def test_precision_on_the_sample_documents() -> None:
    expected = {
        "000_afb530c70a69af00.txt": {"Strängnäs kommun", "Region Sörmland", "Sörmland"},
        "001_f592cce8843fa616.txt": {
            "Region Sörmland",
            "Sörmland",
            *(n for n, c in places.municipalities().items() if c == "Sörmland"),
        },
        "004_0478605a8248e46a.txt": {"Askersunds kommun", "Hallsbergs kommun", "Örebro län"},
    }
    for file, names in expected.items():
        found = {m.name for m in places.find_places((SAMPLES / file).read_text(encoding="utf-8"))}
        assert found == names, file
    report = {
        m.name for m in places.find_places((SAMPLES / "003_1956bef3643964a7.txt").read_text(encoding="utf-8"))
    }
    assert {
        "Katrineholms kommun",
        "Region Jönköpings län",
        "Region Västmanland",
        "Östergötlands län",
    } <= report


_NAMES = st.sampled_from(["Eskilstuna", "Region Skåne", "Mark", "Flens kommun", "Örebro län", "Lund", "Vara"])
_FILLER = st.sampled_from([" ", " och ", ", ", " i ", "-\n", ". ", " Anna ", "\n"])


@given(st.lists(st.tuples(_FILLER, _NAMES), max_size=8))
def test_offsets_always_point_at_the_surface_text(parts: list[tuple[str, str]]) -> None:
    text = "".join(filler + name for filler, name in parts)
    for mention in places.find_places(text):
        assert text[mention.start : mention.end] == mention.text
        assert places.canonical_actor(mention.name) is not None
