"""Read queries the app and the CLI share; each runs a named statement from cypher/queries/."""

from __future__ import annotations

from datetime import date
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


# --- the app's pages -----------------------------------------------------------------------------

RELATION_LIMIT = 2000


def project_facts(graph: Graph) -> list[Row]:
    """Every project with focus areas, responsible actors, target groups, places and years."""
    return graph.read("queries/project_facts")


def node_detail(graph: Graph, node_id: str) -> Row | None:
    """One node's labels, properties and mentions (document, page, quote), or None."""
    return graph.read_one("queries/node_detail", id=node_id)


def node_relations(graph: Graph, node_ids: list[str], limit: int = RELATION_LIMIT) -> list[Row]:
    """Relationships of the given nodes (provenance excluded) with the node at the other end."""
    return graph.read("queries/node_relations", ids=list(node_ids), limit=limit)


def nodes_by_label(graph: Graph, label: str) -> list[Row]:
    return graph.read("queries/nodes_by_label", label=label)


def decisions(graph: Graph) -> list[Row]:
    return graph.read("queries/decisions")


def documents(graph: Graph) -> list[Row]:
    return graph.read("queries/documents")


def document(graph: Graph, document_id: str) -> Row | None:
    return graph.read_one("queries/document_by_id", id=document_id)


def document_contents(graph: Graph, document_id: str) -> list[Row]:
    return graph.read("queries/document_contents", id=document_id)


def huvudman(actor_types: list[str | None]) -> str:
    """Who owns a piece of work, from the types of its responsible actors (Swedish, for charts)."""
    types = {t for t in actor_types if t}
    if "huvudman" in types or {"region", "kommun"} <= types:
        return "Region och kommun"
    if "region" in types:
        return "Region"
    if "kommun" in types:
        return "Kommun"
    if types:
        return "Gemensam funktion"
    return "Okänd"


def coverage_projects(graph: Graph, year: int | None = None) -> list[Row]:
    """Focus areas with their ongoing projects and where each runs (the coverage heatmap's input)."""
    return graph.read("analytics/coverage_projects", year=year or date.today().year)
