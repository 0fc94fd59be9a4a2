"""Read queries the app and the CLI share; each runs a named statement from cypher/queries/."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from domain.passages import Mark, locate
from graph.db import Graph

Row = dict[str, Any]


NO_FOCUS_AREA = "Utan fokusområde"
PAGE_SIZE = 100


def projects_by_focus_area(
    graph: Graph,
    county: str | None = None,
    focus_area: str | None = None,
    page: int = 0,
    page_size: int = PAGE_SIZE,
) -> dict[str, list[Row]]:
    """Focus area name → one page (``page`` from 0, ``page_size`` rows) of its projects by county and
    name; projects in no focus area under "Utan fokusområde". ``county`` keeps that county's
    projects; ``focus_area`` (a name, or NO_FOCUS_AREA) reads only that area; None: all."""
    wanted = "" if focus_area == NO_FOCUS_AREA else focus_area
    grouped: dict[str, list[Row]] = {}
    rows = graph.read(
        "queries/projects_by_focus_area",
        county=county,
        focus_area=wanted,
        skip=max(page, 0) * page_size,
        limit=page_size,
    )
    for row in rows:
        grouped.setdefault(row["focus_area"] or NO_FOCUS_AREA, []).append(row)
    return grouped


def focus_area_project_counts(graph: Graph) -> list[Row]:
    """Projects per focus area name and county (focus_area None: in no focus area), for headings,
    page counts and the county choice of the page that lists them."""
    return graph.read("queries/focus_area_project_counts")


# --- the app's pages -----------------------------------------------------------------------------

RELATION_LIMIT = 2000


def project_facts(graph: Graph) -> list[Row]:
    """Every project with focus areas, responsible actors, target groups, places and years."""
    return graph.read("queries/project_facts")


MENTION_LIMIT = 50


def node_detail(graph: Graph, node_id: str, mention_limit: int = MENTION_LIMIT) -> Row | None:
    """One node's labels, properties and first ``mention_limit`` mentions (document, page, quote)
    with ``mention_count`` (all of them), or None."""
    return graph.read_one("queries/node_detail", id=node_id, mention_limit=mention_limit)


def node_relations(graph: Graph, node_ids: list[str], limit: int = RELATION_LIMIT) -> list[Row]:
    """Relationships of the given nodes (provenance excluded) with the node at the other end."""
    return graph.read("queries/node_relations", ids=list(node_ids), limit=limit)


def node_relation_groups(graph: Graph, node_id: str, per_group: int = 50) -> list[Row]:
    """One node's relationships as ``node_relations`` gives them, but per type and direction only
    the first ``per_group`` by name, each row with ``total``: how many of its type and direction."""
    return graph.read("queries/node_relation_groups", id=node_id, per_group=per_group)


def nodes_by_label(graph: Graph, label: str) -> list[Row]:
    return graph.read("queries/nodes_by_label", label=label)


def label_sizes(graph: Graph) -> dict[str, int]:
    """How many nodes each label the pickers offer has (from the count store: no scan)."""
    return {row["label"]: row["nodes"] for row in graph.read("queries/label_sizes")}


def find_nodes(graph: Graph, label: str, text: str, limit: int = 50) -> list[Row]:
    """Nodes of ``label`` whose name holds every word of ``text`` (any case, any part of a word),
    by name, at most ``limit``; none for an empty text. The words are parameters, never Cypher."""
    words = [word for word in text.casefold().split() if word]
    if not words:
        return []
    return graph.read("queries/find_nodes", label=label, words=words, limit=limit)


def overview(graph: Graph) -> Row:
    """The overview's figures grouped in the database (a few thousand rows at 50 000 projects):
    ``projects`` (county, status, start, end, projects), ``focus`` (the same and focus_area) and
    ``responsible`` (county, types, projects); ``ui.figures.overview_counts`` adds them up."""
    return graph.read_one("queries/overview") or {"projects": [], "focus": [], "responsible": []}


def project_timeline(
    graph: Graph,
    county: str | None = None,
    focus_area: str | None = None,
    status: str | None = None,
    limit: int = 300,
) -> list[Row]:
    """Projects with what the per-project timeline shows, at most ``limit`` by name, filtered by
    county, focus area (the first by name; "" for none) and status ("" for none); None: any."""
    return graph.read(
        "queries/project_timeline", county=county, focus_area=focus_area, status=status, limit=limit
    )


def document_titles(graph: Graph) -> dict[str, str]:
    """Document id → title, for source links (no counting, unlike ``documents``)."""
    return {row["id"]: row["title"] for row in graph.read("queries/document_titles")}


def decisions(graph: Graph) -> list[Row]:
    return graph.read("queries/decisions")


def documents(graph: Graph) -> list[Row]:
    return graph.read("queries/documents")


def document(graph: Graph, document_id: str) -> Row | None:
    return graph.read_one("queries/document_by_id", id=document_id)


def document_contents(graph: Graph, document_id: str) -> list[Row]:
    return graph.read("queries/document_contents", id=document_id)


@dataclass(frozen=True)
class DocumentPage:
    """One page of a stored document with the passages quoted from it, located in its text."""

    number: int
    page_count: int  # 0: the document's text is not stored (read before texts were kept)
    text: str | None
    marks: list[Mark]
    unplaced: int  # quotes from this page that its text no longer holds


def document_page(graph: Graph, document_id: str, page: int) -> DocumentPage | None:
    """Page ``page`` (from 1) of the document, or None when there is no such document."""
    row = graph.read_one("queries/document_page", id=document_id, page=max(page, 1))
    if row is None:
        return None
    text = row["text"]
    marks, unplaced = [], 0
    for mention in row["mentions"] if text else []:
        span = locate(text, mention["quote"] or "", mention["start"] or -1, mention["end"] or -1)
        if span is None:
            unplaced += 1
            continue
        marks.append(
            Mark(span[0], span[1], mention["label"] or "", mention["name"] or "", mention["node_id"])
        )
    return DocumentPage(max(page, 1), row["page_count"], text, marks, unplaced)


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


def coverage_counts(graph: Graph, county: str | None = None, year: int | None = None) -> list[Row]:
    """The coverage heatmaps' input, counted in the database: per focus area (of ``county``; None:
    all) its ongoing projects, how many are county-wide, how many count for region / kommun as
    huvudman, and ``municipalities`` [{name, projects}] of its local projects (ui/coverage.py)."""
    return graph.read("analytics/coverage_counts", county=county, year=year or date.today().year)


def focus_area_counties(graph: Graph) -> list[str]:
    """The counties that have focus areas, by name (the coverage heatmaps' county choice)."""
    return [row["county"] for row in graph.read("queries/focus_area_counties")]
