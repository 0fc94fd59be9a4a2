"""The Indikatorer page's queries and chart, against a real graph with imported values."""

from __future__ import annotations

from pathlib import Path

import pytest

from domain.states import GapKind
from graph.analytics.gaps import indicator_gaps
from graph.db import Graph
from graph.indicators import (
    NO_GOAL_AREA,
    counties_of,
    indicator_overview,
    measure_values,
)
from ingest.values.load import import_values
from tests.value_fixtures import CONTINUITY, SIP, VISITS, build_indicator_graph
from ui.charts_indicators import measure_figure

VALUES = f"""mått;period;område;värde;enhet;källa
{CONTINUITY};2021;Eskilstuna;0,41;index;Vårdanalys
{CONTINUITY};2022;Eskilstuna;0,43;index;Vårdanalys
{CONTINUITY};2022;Flen;0,38;index;Vårdanalys
{CONTINUITY};2022;Örebro;0,50;index;Vårdanalys
{CONTINUITY};2021;Region Sörmland;0,39;index;Vårdanalys
{CONTINUITY};2022;Region Sörmland;0,40;index;Vårdanalys
{CONTINUITY};2022;Riket;0,45;index;Vårdanalys
"""


@pytest.fixture
def ids(graph: Graph, tmp_path: Path) -> dict[str, str]:
    found = build_indicator_graph(graph)
    path = tmp_path / "värden.csv"
    path.write_text(VALUES, encoding="utf-8")
    assert import_values(graph, path).created == 7
    return found


def test_overview_groups_indicators_by_goal_area_with_measures_and_projects(graph: Graph, ids: dict) -> None:
    overview = indicator_overview(graph)
    assert [g["goal_area"] for g in overview] == ["Nära", "Tillsammans", NO_GOAL_AREA]
    near = overview[0]["indicators"]
    assert [i["name"] for i in near] == ["Kontinuitet"]
    continuity = near[0]
    assert continuity["definition"] == "Samma vårdkontakt"
    by_name = {m["name"]: m for m in continuity["measures"]}
    assert set(by_name) == {CONTINUITY, VISITS}
    assert (by_name[CONTINUITY]["values"], by_name[CONTINUITY]["areas"]) == (7, 5)
    assert (by_name[CONTINUITY]["first_period"], by_name[CONTINUITY]["last_period"]) == ("2021", "2022")
    assert by_name[VISITS]["values"] == 0
    assert [(p["name"], p["status"], p["responsible"]) for p in continuity["projects"]] == [
        ("Fast vårdkontakt i Eskilstuna", "pågående", ["Eskilstuna kommun"])
    ]
    together = overview[1]["indicators"][0]
    assert (together["name"], together["projects"], [m["name"] for m in together["measures"]]) == (
        "Samordning",
        [],
        [SIP],
    )
    assert [i["name"] for i in overview[2]["indicators"]] == ["Rehabiliterande"]


def test_overview_counts_all_projects_and_lists_the_first(graph: Graph, ids: dict) -> None:
    continuity = indicator_overview(graph)[0]["indicators"][0]
    assert (continuity["project_count"], len(continuity["projects"])) == (1, 1)
    limited = indicator_overview(graph, project_limit=0)[0]["indicators"][0]
    assert (limited["project_count"], limited["projects"]) == (1, [])


def test_gaps_name_indicators_without_measures(graph: Graph, ids: dict) -> None:
    gaps = [g for g in indicator_gaps(graph) if g["kind"] == GapKind.INDICATOR_WITHOUT_MEASURE]
    assert [g["name"] for g in gaps] == ["Rehabiliterande"]


def test_chart_puts_municipalities_beside_county_and_country(graph: Graph, ids: dict) -> None:
    values = measure_values(graph, ids[CONTINUITY])
    assert counties_of(values) == ["Sörmland", "Örebro län"]
    figure = measure_figure(values, title=CONTINUITY, county="Sörmland")
    traces = {t.name: t for t in figure.data}
    assert list(traces) == ["Eskilstuna kommun", "Flens kommun", "Region Sörmland", "Riket"]
    assert list(traces["Eskilstuna kommun"].x) == ["2021", "2022"]
    assert list(traces["Eskilstuna kommun"].y) == pytest.approx([0.41, 0.43])
    assert traces["Region Sörmland"].line.dash == "dash" and traces["Riket"].line.dash == "dot"
    assert traces["Flens kommun"].line.dash is None
    assert list(figure.layout.xaxis.categoryarray) == ["2021", "2022"]
    assert figure.layout.yaxis.title.text == "index"
    only_flen = measure_figure(values, county="Sörmland", municipalities=["Flens kommun"])
    assert [t.name for t in only_flen.data] == ["Flens kommun", "Region Sörmland", "Riket"]
    everywhere = measure_figure(values)
    assert "Örebro kommun" in [t.name for t in everywhere.data]


def test_chart_of_a_measure_without_values_says_so(graph: Graph, ids: dict) -> None:
    figure = measure_figure(measure_values(graph, ids[SIP]), title=SIP)
    assert list(figure.data) == []
    assert figure.layout.annotations[0].text == "Inga värden för måttet ännu"
