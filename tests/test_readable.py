"""domain.readable: what a reader sees of a node's properties, and document text as plain text."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from domain import readable, titles


@pytest.mark.parametrize(
    ("stored", "shown"),
    [
        ("2026-12-02", "2 december 2026"),
        ("2026-01-09", "9 januari 2026"),
        ("2026-06", "juni 2026"),
        ("2026", "2026"),
        ("våren 2024", "våren 2024"),  # text as written stays
        ("2026-13", "2026-13"),  # no such month: shown as stored, never an exception
        ("2026-02-30", "2026-02-30"),
        ("", ""),
        (None, ""),
        (date(2024, 5, 2), "2 maj 2024"),
    ],
)
def test_dates_as_people_write_them(stored: object, shown: str) -> None:
    assert readable.swedish_date(stored) == shown


def test_timestamps_in_swedish_time_with_kl() -> None:
    # the app stores UTC (graph.maintain.history.now); December is UTC+1, July UTC+2
    assert readable.swedish_date("2026-12-02T13:05:41.822850+00:00") == "2 december 2026 kl. 14.05"
    assert readable.swedish_date("2026-07-01T12:05:00Z") == "1 juli 2026 kl. 14.05"
    assert readable.swedish_date("2026-12-31T23:30:00+00:00") == "1 januari 2027 kl. 00.30"
    assert readable.swedish_date(datetime(2026, 12, 2, 13, 5, tzinfo=UTC)) == "2 december 2026 kl. 14.05"


@pytest.mark.parametrize(
    ("value", "shown"),
    [
        (True, "ja"),
        (False, "nej"),
        (["Mobila team", "Mobilt team"], "Mobila team, Mobilt team"),
        ([True, False], "ja, nej"),
        (3, "3"),
        (0.2345678, "0,2346"),
        ("idé/behov", "idé/behov"),
        (None, ""),
    ],
)
def test_values_in_words(value: object, shown: str) -> None:
    assert readable.shown_value("anything", value) == shown


def test_date_properties_are_dates_and_other_text_is_plain() -> None:
    assert readable.shown_value("start", "2026-12-02") == "2 december 2026"
    assert readable.shown_value("reviewed_at", "2026-12-02T13:05:00+00:00") == "2 december 2026 kl. 14.05"
    # an ISO date inside running text is the document's own wording
    assert readable.shown_value("name", "Beslut Regeringen 2020-11-18") == "Beslut Regeringen 2020-11-18"
    assert readable.shown_value("description", "Arbetet *Tillsammans*") == "Arbetet Tillsammans"


def test_bookkeeping_is_never_shown_and_every_shown_key_has_a_swedish_title() -> None:
    stored = {
        "id": "project-mobila-team-1a2b3c4d",
        "name": "Mobila team",  # the page's heading, not a row
        "version": 3,
        "manual": True,
        "edited": ["pilot"],
        "confidence": 1.0,
        "created_at": "2026-12-02T13:05:00+00:00",
        "created_by": "redaktor",
        "updated_at": "2026-12-02T13:06:00+00:00",
        "updated_by": "redaktor",
        "search_terms": "mobil team",
        "extractor_version": "7",
        "doc_props": "{}",
        "an_unknown_key": "x",  # no title: not for readers
        "pilot": True,
        "process_state": "underlag",
        "follow_up": "Varje halvår.",
        "start": "2026-12-02",
        "aliases": ["Mobilt team"],
        "description": "",
        "end": None,
    }
    rows = readable.shown_properties(stored, "Project")
    assert rows == [
        ("Processteg", "underlag"),
        ("Start", "2 december 2026"),
        ("Andra namn", "Mobilt team"),
        ("Uppföljningsplan", "Varje halvår."),
        ("Testas före breddinförande", "ja"),
    ]
    for key in ("id", "version", "manual", "edited", "created_at", "updated_at", "updated_by"):
        assert not readable.is_shown(key), key
        assert key in titles.HIDDEN_PROPERTIES
    assert readable.shown_properties({"name": "Rubrik"}, "Decision") == []


@pytest.mark.parametrize(
    ("written", "plain"),
    [
        (
            "Utvecklingsarbetet <i>Tillsammans för unga vuxna</i> – en modell",
            "Utvecklingsarbetet Tillsammans för unga vuxna – en modell",
        ),
        (
            "Magnus Johansson, *Regiondirektör* Region Sörmland",
            "Magnus Johansson, Regiondirektör Region Sörmland",
        ),
        ("- **God hälsa,** vård och omsorg", "God hälsa, vård och omsorg"),
        (
            "**Nämnden för samverkan - Länsgemensam målbild****Beslut**",
            "Nämnden för samverkan - Länsgemensam målbild Beslut",
        ),
        ("***båda***, __fet__ och _kursiv_", "båda, fet och kursiv"),
        ("# Rubrik", "Rubrik"),
        ("Läs [mer](https://example.se) om `koden`", "Läs mer om koden"),
        ("a &amp; b<br>c", "a & b\nc"),
        ("snake_case och 3 * 4 = 12 och x < y", "snake_case och 3 * 4 = 12 och x < y"),  # no markup: kept
        ("*Socialchef Flens", "Socialchef Flens"),  # a mark without its pair
        ("  många   mellanslag  ", "många mellanslag"),
    ],
)
def test_markup_is_stripped_and_the_words_kept(written: str, plain: str) -> None:
    assert readable.plain_text(written) == plain


@pytest.mark.parametrize(
    ("stored", "shown"),
    [
        ("TITLE: Digitala vårdmöten i Sörmland", "Digitala vårdmöten i Sörmland"),
        ("TITEL: **Färdplan** Nära vård", "Färdplan Nära vård"),
        ("# Title: Plan", "Plan"),
        ("Projektrapport: Nära vård i Sörmland", "Projektrapport: Nära vård i Sörmland"),
    ],
)
def test_document_titles_without_labels(stored: str, shown: str) -> None:
    assert readable.document_title(stored) == shown


def test_a_node_is_called_by_its_name_as_plain_text() -> None:
    assert (
        readable.node_name({"name": "**Kunskapsstyrning** - bästa kunskap"})
        == "Kunskapsstyrning - bästa kunskap"
    )
    assert readable.node_name({"text": "Målet"}) == "Målet"
    assert readable.node_name({}, "Projekt") == "Projekt"
