"""Read queries the app and the CLI share; each runs a named statement from cypher/queries/."""

from __future__ import annotations

from typing import Any

from graph.db import Graph

Row = dict[str, Any]


def projects_by_focus_area(graph: Graph) -> dict[str, list[Row]]:
    """Focus area name → its projects (sorted); projects without one under "Utan fokusområde"."""
    grouped: dict[str, list[Row]] = {}
    for row in graph.read("queries/projects_by_focus_area"):
        key = row["focus_area"] or "Utan fokusområde"
        grouped.setdefault(key, []).append(row)
    return grouped
