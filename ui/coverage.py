"""Coverage matrices for the heatmaps: focus area × municipality and focus area × huvudman.

The counts come from the database (graph.queries.coverage_counts: one row per focus area, counted
with graph.analytics.gaps's rule), so the heatmap and the gap list agree and only a few rows per
focus area cross the wire, however many projects there are.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from domain import places

Row = dict[str, Any]


@dataclass
class Matrix:
    rows: list[str]
    columns: list[str]
    values: list[list[int]]

    @property
    def empty_cells(self) -> int:
        return sum(v == 0 for row in self.values for v in row)


def _label(area: Row) -> str:
    return f"{area['name']} ({area['period']})" if area.get("period") else str(area["name"])


def by_municipality(areas: list[Row], county: str) -> Matrix:
    """Ongoing projects per focus area of ``county`` and municipality of the county: its local
    projects there plus the county-wide ones, which count for every municipality."""
    municipalities = sorted(name for name, c in places.municipalities().items() if c == county)
    chosen = [a for a in areas if a.get("county") == county]
    values = []
    for area in chosen:
        local = {m["name"]: m["projects"] for m in area["municipalities"]}
        values.append([area["county_wide"] + local.get(name, 0) for name in municipalities])
    return Matrix([_label(a) for a in chosen], municipalities, values)


def by_huvudman(areas: list[Row], county: str | None = None) -> Matrix:
    """Ongoing projects per focus area with region and with kommun as huvudman."""
    chosen = [a for a in areas if county is None or a.get("county") == county]
    return Matrix(
        [_label(a) for a in chosen], ["Region", "Kommun"], [[a["region"], a["kommun"]] for a in chosen]
    )
