from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ingest.extractors.timeplan import parse_timeplan

TODAY = date(2025, 6, 1)


@pytest.mark.parametrize(
    ("text", "start", "end", "status"),
    [
        ("Pågående", None, None, "pågående"),
        ("2024 - 2026", "2024", "2026", "pågående"),
        ("2024-2026", "2024", "2026", "pågående"),
        ("2021-2028.", "2021", "2028", "pågående"),
        ("2021-2024", "2021", "2024", "avslutad"),
        ("Påbörjas 2024", "2024", None, "pågående"),
        ("Start 2023", "2023", None, "pågående"),
        ("Uppstart 2026", "2026", None, "planerad"),
        ("2023 - pågående", "2023", None, "pågående"),
        ("Pilot i Eskilstuna under våren 2024", "2024", "2024", "avslutad"),
        ("2025", "2025", "2025", "pågående"),
        ("Hösten 2023", "2023", "2023", "avslutad"),
        ("Q3 2025", "2025-07", "2025-09", "planerad"),
        ("Klart 2024", None, "2024", "avslutad"),
        ("Klart 2027", None, "2027", "okänd"),
        ("Avslutad", None, None, "avslutad"),
        ("Löpande", None, None, "pågående"),
        ("Planerad", None, None, "planerad"),
        ("2024-02-09 – 2027-12-31", "2024-02-09", "2027-12-31", "pågående"),
        ("Hösten 2021 – våren 2023", "2021", "2023", "avslutad"),
        ("2024-25", "2024", "2025", "pågående"),
        ("", None, None, "okänd"),
        ("se bilaga", None, None, "okänd"),
    ],
)
def test_parse_timeplan(text: str, start: str | None, end: str | None, status: str) -> None:
    plan = parse_timeplan(text, today=TODAY)
    assert (plan.start, plan.end, plan.status) == (start, end, status)
    assert plan.text == text


def test_said_ongoing_beats_an_ended_range() -> None:
    assert parse_timeplan("2019 - 2020, pågående", today=TODAY).status == "pågående"


def test_reversed_range_is_ordered() -> None:
    plan = parse_timeplan("2026-2024", today=TODAY)
    assert (plan.start, plan.end) == ("2024", "2026")


def test_invalid_date_does_not_raise() -> None:
    plan = parse_timeplan("2024-13-45", today=TODAY)
    assert plan.start == "2024"


def _first_day(iso: str) -> date:
    parts = [int(p) for p in iso.split("-")] + [1, 1]
    return date(parts[0], parts[1], parts[2])


def _last_day(iso: str) -> date:
    parts = [int(p) for p in iso.split("-")]
    if len(parts) == 1:
        return date(parts[0], 12, 31)
    if len(parts) == 2:
        return date(parts[0] + parts[1] // 12, parts[1] % 12 + 1, 1).replace(day=1)
    return date(*parts)


_WORDS = st.sampled_from(
    [
        "Påbörjas",
        "Start",
        "Klart",
        "till",
        "-",
        "–",
        "Q2",
        "våren",
        "hösten",
        "pågående",
        "mars",
        "2023",
        "2024",
        "2025-03-01",
        "2026-13-01",
        "1999",
        "Q5",
        "kvartalet",
        "3:e",
        " ",
        "\t",
        "/",
        "25",
    ]
)


@given(st.one_of(st.text(max_size=60), st.lists(_WORDS, max_size=8).map(" ".join)))
def test_fuzz_never_raises_and_start_not_after_end(text: str) -> None:
    plan = parse_timeplan(text, today=TODAY)
    assert plan.status in {"planerad", "pågående", "avslutad", "okänd"}
    if plan.start and plan.end:
        assert _first_day(plan.start) <= _last_day(plan.end)
