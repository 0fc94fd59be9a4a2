"""Indicator follow-up for the Indikatorer page and the CLI: målområde → indicator → measure with
values per area and period and the projects that follow each indicator (the gaps are
graph.analytics.gaps.indicator_gaps).

Values are read from (Measure)-[:HAS_VALUE]->(MeasureValue); each value carries its area by name
and kind (kommun, region, län, riket) and its county, so a chart can put a municipality beside
its county and the country.
"""

from __future__ import annotations

from typing import Any

from graph.db import Graph

Row = dict[str, Any]
NO_GOAL_AREA = "Utan målområde"


ALL_PROJECTS = 1_000_000_000


def indicator_overview(graph: Graph, project_limit: int | None = None) -> list[Row]:
    """Goal areas in name order (indicators without one last, under "Utan målområde"), each
    ``{"goal_area", "goal_area_id", "indicators": [{"id", "name", "definition", "measure_status",
    "county", "measures": [{"id", "name", "source", "kolada_kpi", "values", "first_period",
    "last_period", "areas"}], "project_count", "projects": [{"id", "name", "status", "county",
    "responsible"}]}]}``; ``projects`` holds the first ``project_limit`` by name (all when None).
    """
    groups: dict[str | None, Row] = {}
    limit = ALL_PROJECTS if project_limit is None else project_limit
    for row in graph.read("indicators/overview", project_limit=limit):
        group = groups.setdefault(
            row["goal_area_id"],
            {
                "goal_area": row["goal_area"] or NO_GOAL_AREA,
                "goal_area_id": row["goal_area_id"],
                "indicators": [],
            },
        )
        group["indicators"].append({k: v for k, v in row.items() if not k.startswith("goal_area")})
    return sorted(groups.values(), key=lambda g: (g["goal_area_id"] is None, g["goal_area"]))


def measure_values(
    graph: Graph, measure_id: str, gender: str | None = "T", history: bool = False
) -> list[Row]:
    """A measure's current values (every version with ``history``), one row per area, period and
    gender: area, area_kind, area_code, county, period, value, unit, source, file, line, version,
    recorded_at, superseded. ``gender=None`` gives all genders."""
    return graph.read("indicators/measure_values", measure=measure_id, gender=gender, history=history)


def value_history(graph: Graph, measure_id: str, area: str, period: str, gender: str = "T") -> list[Row]:
    """Every version of one value, oldest first: what it was, when it changed, from which file."""
    rows = measure_values(graph, measure_id, gender=gender, history=True)
    return [r for r in rows if r["area"] == area and r["period"] == period]


def counties_of(values: list[Row]) -> list[str]:
    """The counties a measure has values in, for choosing what to chart."""
    return sorted({r["county"] for r in values if r["county"]})
