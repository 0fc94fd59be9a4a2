"""Swedish date parsing: the shapes the documents use, impossible dates, and fuzzing."""

from __future__ import annotations

import re
from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ingest.extractors.dates import find_dates, parse_swedish_date

ISO_PREFIX = re.compile(r"\d{4}(?:-\d{2}(?:-\d{2})?)?")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2022-03-11", "2022-03-11"),
        ("22-04-08", "2022-04-08"),
        ("220408", "2022-04-08"),
        ("220408?", "2022-04-08"),
        ("11 mars 2022", "2022-03-11"),
        ("Mars 2023", "2023-03"),
        ("våren 2020", "2020"),
        ("hösten 2022", "2022"),
        ("2022.03.11", "2022-03-11"),
        ("11/3 2022", "2022-03-11"),
        ("2021-12-01", "2021-12-01"),
        ("22 novem-\nber 2022", "2022-11-22"),
        ("första augusti 2023", "2023-08-01"),
        ("2022", "2022"),
        ("98-01-02", "1998-01-02"),
    ],
)
def test_parses_swedish_shapes(text: str, expected: str) -> None:
    assert parse_swedish_date(text) == expected


def test_day_and_month_need_a_year() -> None:
    assert parse_swedish_date("den 8 april") is None
    assert parse_swedish_date("den 8 april", default_year=2022) == "2022-04-08"
    assert parse_swedish_date("i oktober") is None
    assert parse_swedish_date("i oktober", default_year=2021) == "2021-10"


@pytest.mark.parametrize(
    "text", ["2022-02-30", "2022-13-01", "31 april 2023", "22-13-40", "32/1 2022", "mars"]
)
def test_impossible_dates_are_none(text: str) -> None:
    assert parse_swedish_date(text) is None


def test_find_dates_in_a_decision_table_keeps_offsets() -> None:
    text = "Datum Beslut\n11 mars \n2022\n\nNSV beslutar att godkänna målbilden\nBeslut i NSV 22-02-11."
    found = find_dates(text)
    assert [m.iso for m in found] == ["2022-03-11", "2022-02-11"]
    for mention in found:
        assert text[mention.start : mention.end] == mention.surface


def test_find_dates_skips_diarienummer_paragraphs_and_years_alone() -> None:
    text = "Dnr NSV22-0008 och NSV23-0008-7, § 4/22, SOU 2020:19, åren 2023–2027"
    assert find_dates(text) == []


def test_find_dates_prefers_the_longest_reading() -> None:
    found = find_dates("NSV beslutade den 11 mars 2022 om att godkänna målbilden")
    assert [(m.iso, m.surface) for m in found] == [("2022-03-11", "den 11 mars 2022")]


def test_yearless_mentions_only_with_default_year() -> None:
    text = "Länsstyrgruppen beslutade den 8 april att ..."
    assert find_dates(text) == []
    assert [m.iso for m in find_dates(text, default_year=2022)] == ["2022-04-08"]


def _valid_iso(value: str) -> bool:
    if not ISO_PREFIX.fullmatch(value):
        return False
    parts = [int(p) for p in value.split("-")]
    if len(parts) == 3:
        date(*parts)  # raises if impossible
    return len(parts) < 2 or 1 <= parts[1] <= 12


@given(st.text(), st.one_of(st.none(), st.integers(min_value=-5000, max_value=5000)))
def test_parse_never_raises_and_gives_iso(text: str, year: int | None) -> None:
    result = parse_swedish_date(text, default_year=year)
    assert result is None or _valid_iso(result)


_DATE_ALPHABET = st.sampled_from(list("0123456789-./: \nmarsjunioktberdvåäöhstfö"))


@given(st.text(alphabet=_DATE_ALPHABET, max_size=40))
def test_find_dates_on_date_like_noise(text: str) -> None:
    for mention in find_dates(text, default_year=2022):
        assert _valid_iso(mention.iso)
        assert text[mention.start : mention.end] == mention.surface


@given(st.dates(min_value=date(1970, 1, 1), max_value=date(2069, 12, 31)))
def test_round_trip_of_real_dates(day: date) -> None:
    months = [
        "januari",
        "februari",
        "mars",
        "april",
        "maj",
        "juni",
        "juli",
        "augusti",
        "september",
        "oktober",
        "november",
        "december",
    ]
    assert parse_swedish_date(day.isoformat()) == day.isoformat()
    assert parse_swedish_date(day.strftime("%y-%m-%d")) == day.isoformat()
    assert parse_swedish_date(f"{day.day} {months[day.month - 1]} {day.year}") == day.isoformat()
    assert parse_swedish_date(f"{day.day}/{day.month} {day.year}") == day.isoformat()
