"""Coverage matrices for the heatmaps: focus area × municipality and focus area × huvudman.

The rule for when a project covers a cell is graph.analytics.gaps's (one project at a time), so the
heatmap and the gap list always agree.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from graph.analytics.gaps import _coverage
from ingest.vocabulary import places

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


def counties(areas: list[Row]) -> list[str]:
    return sorted({a["county"] for a in areas if a.get("county")})


def by_municipality(areas: list[Row], county: str) -> Matrix:
    municipalities = sorted(name for name, c in places.municipalities().items() if c == county)
    chosen = [a for a in areas if a.get("county") == county]
    values = []
    for area in chosen:
        counts = dict.fromkeys(municipalities, 0)
        for project in area["projects"]:
            covered, county_wide, _, _ = _coverage([project])
            for name in municipalities:
                if county_wide or name in covered:
                    counts[name] += 1
        values.append([counts[m] for m in municipalities])
    return Matrix([_label(a) for a in chosen], municipalities, values)


def by_huvudman(areas: list[Row], county: str | None = None) -> Matrix:
    chosen = [a for a in areas if county is None or a.get("county") == county]
    values = []
    for area in chosen:
        region = kommun = 0
        for project in area["projects"]:
            _, county_wide, is_region, is_kommun = _coverage([project])
            region += int(is_region or county_wide)
            kommun += int(is_kommun or county_wide)
        values.append([region, kommun])
    return Matrix([_label(a) for a in chosen], ["Region", "Kommun"], values)
