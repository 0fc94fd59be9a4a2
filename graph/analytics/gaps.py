"""The six kinds of gap planners look for (docs/ontology.md, "Gaps"), as plain JSON-ready dicts.

Each function runs named statements from cypher/analytics/ and adds a Swedish ``description``.

Coverage rule (focus area × municipality and × huvudman), for ongoing projects only:
- a project counts for a municipality when it is LOCATED_IN that kommun or a kommun actor is
  responsible for it or takes part in it;
- it counts for every municipality of its county (länsgemensam) when it is LOCATED_IN the County,
  when a region or a county-wide body (an actor scoped to the county: nämnd, styrgrupp, LRS ...)
  is responsible or takes part, or when it names no place and no actor at all: a row of a county's
  plan with "Respektive huvudman" is work every huvudman in the county does;
- huvudman "region" is covered by a region actor or by länsgemensam work, "kommun" by a kommun
  actor or by länsgemensam work.
The rule is applied in the database, twice: cypher/analytics/coverage_counts.cypher counts the cells
for the heatmaps (graph.queries.coverage_counts, ui/coverage.py) and coverage_gap_areas.cypher finds
the empty ones for ``coverage_gaps``; tests check that the two agree.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from domain import places
from domain.states import GapKind
from graph.db import Graph

Row = dict[str, Any]
DEFAULT_LIMIT = 1000
CRITERIA: dict[str, str] = {
    "decision": "tydligt uppdrag och beslut (Länsstyrgruppen)",
    "resources": "avsatta resurser, t.ex. namngiven ansvarig",
    "financing": "definierad finansiering",
    "follow_up": "plan för uppföljning",
    "pilot": "test före breddinförande",
}


def _year(year: int | None) -> int:
    return year or date.today().year


def goal_gaps(graph: Graph, county: str | None = None, limit: int = DEFAULT_LIMIT) -> list[Row]:
    """Goals (målsättningar, mål) that no project addresses."""
    rows = graph.read("analytics/goal_gaps", county=county, limit=limit)
    for row in rows:
        where = f" inom {', '.join(row['focus_areas'])}" if row["focus_areas"] else ""
        row["description"] = f"Ingen aktivitet arbetar mot målet{where}."
    return rows


def coverage_gaps(graph: Graph, year: int | None = None) -> list[Row]:
    """Cells of focus area × municipality, and focus area × huvudman, with nothing ongoing.

    Only focus areas without ongoing county-wide work can have a gap; the database finds those (and
    stops at the first county-wide project of every other area), with the municipalities their local
    projects cover."""
    municipalities_by_county: dict[str, list[str]] = {}
    for name, county in places.municipalities().items():
        municipalities_by_county.setdefault(county, []).append(name)
    cells: list[Row] = []
    for area in graph.read("analytics/coverage_gap_areas", year=_year(year)):
        county = area["county"]
        covered = set(area["municipalities"])
        base = {
            "focus_area_id": area["id"],
            "focus_area": area["name"],
            "period": area["period"],
            "county": county,
            "ongoing_projects": area["projects"],
        }
        for municipality in sorted(municipalities_by_county.get(county, [])):
            if municipality not in covered:
                cells.append(
                    base
                    | {
                        "dimension": "kommun",
                        "cell": municipality,
                        "description": f"Inget pågående arbete inom {area['name']} i {municipality}.",
                    }
                )
        # no county-wide work: so no region takes part (that would make the work county-wide), and
        # every ongoing project has a kommun
        for huvudman in ["region"] if area["projects"] else ["region", "kommun"]:
            cells.append(
                base
                | {
                    "dimension": "huvudman",
                    "cell": huvudman,
                    "description": f"Inget pågående arbete inom {area['name']} med {huvudman} som huvudman.",
                }
            )
    return cells


def indicator_gaps(graph: Graph, limit: int = DEFAULT_LIMIT) -> list[Row]:
    """Indicators without a measure, and measures without a data source."""
    rows: list[Row] = []
    for row in graph.read("analytics/indicators_without_measures"):
        rows.append(
            row | {"kind": GapKind.INDICATOR_WITHOUT_MEASURE, "description": f"{row['name']} saknar mått."}
        )
    for row in graph.read("analytics/measures_without_source", limit=limit):
        rows.append(
            row
            | {
                "kind": GapKind.MEASURE_WITHOUT_SOURCE,
                "description": f"Måttet {row['name']} saknar datakälla.",
            }
        )
    return rows


def readiness(
    graph: Graph, focus_area: str | None = None, joint_only: bool = False, limit: int = DEFAULT_LIMIT
) -> list[Row]:
    """Per project a checklist of the five criteria for a gemensam satsning; fewest met first."""
    rows = graph.read("analytics/readiness", focus_area=focus_area, joint_only=joint_only, limit=limit)
    result = []
    for row in rows:
        checklist = {key: bool(row.pop(key)) for key in CRITERIA}
        missing = [CRITERIA[key] for key, ok in checklist.items() if not ok]
        result.append(
            row
            | {
                "checklist": checklist,
                "missing": missing,
                "description": (
                    ("Saknar: " + "; ".join(missing) + ".") if missing else "Alla fem kriterier uppfyllda."
                ),
            }
        )
    result.sort(key=lambda r: (-len(r["missing"]), r["county"] or "", r["name"] or ""))
    return result


def readiness_gaps(graph: Graph, **kwargs: Any) -> list[Row]:
    return [row for row in readiness(graph, **kwargs) if row["missing"]]


def time_gaps(graph: Graph, year: int | None = None, limit: int = DEFAULT_LIMIT) -> list[Row]:
    """Projects past their end but still 'pågående', and focus-area years with nothing planned."""
    current = _year(year)
    rows: list[Row] = []
    for row in graph.read("analytics/overdue_projects", year=current, limit=limit):
        rows.append(
            row
            | {
                "kind": GapKind.OVERDUE,
                "description": f"Tidplanen slutade {row['end']} men projektet står som pågående.",
            }
        )
    for row in graph.read("analytics/focus_area_year_gaps"):
        years = ", ".join(str(y) for y in row["years"])
        rows.append(
            row
            | {
                "kind": GapKind.YEAR_WITHOUT_ACTIVITY,
                "description": f"Inget planerat eller pågående arbete inom {row['name']} år {years}.",
            }
        )
    return rows


def target_group_gaps(graph: Graph, max_projects: int = 1, limit: int = DEFAULT_LIMIT) -> list[Row]:
    """Target groups with at most ``max_projects`` projects; those a målbild names first."""
    rows = graph.read("analytics/target_group_gaps", max_projects=max_projects, limit=limit)
    for row in rows:
        count = row["projects"]
        row["description"] = (
            "Inga projekt riktar sig till målgruppen."
            if count == 0
            else f"Bara {count} projekt riktar sig till målgruppen."
        )
    return rows


def all_gaps(graph: Graph, year: int | None = None) -> dict[str, list[Row]]:
    """Every kind of gap, keyed by kind (the JSON `projektdb gaps --json` prints)."""
    return {
        "goal": goal_gaps(graph),
        "coverage": coverage_gaps(graph, year=year),
        "indicator": indicator_gaps(graph),
        "readiness": readiness_gaps(graph),
        "time": time_gaps(graph, year=year),
        "target_group": target_group_gaps(graph),
    }
