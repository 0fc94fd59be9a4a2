"""The four kinds of overlap the network looks for (docs/ontology.md, "Overlaps"), each with its
reasons in Swedish words. Text similarity comes from the precomputed RELATED_TO (see related.py)."""

from __future__ import annotations

from typing import Any

from graph.analytics import network
from graph.db import Graph

Row = dict[str, Any]
DEFAULT_LIMIT = 500
TEXT_THRESHOLD = 0.25
ACROSS_COUNTIES_THRESHOLD = 0.2


def goal_target_overlaps(graph: Graph, limit: int = DEFAULT_LIMIT) -> list[Row]:
    """Same goal or focus area and same target group, no responsible actor in common."""
    rows = graph.read("analytics/overlap_goal_target", limit=limit)
    for row in rows:
        reasons = [f"samma mål: {g}" for g in row["goals"]]
        reasons += [f"samma fokusområde: {f}" for f in row["focus_areas"]]
        reasons += [f"samma målgrupp: {t}" for t in row["target_groups"]]
        a = ", ".join(row["responsible_a"]) or "okänd"
        b = ", ".join(row["responsible_b"]) or "okänd"
        reasons.append(f"olika ansvariga: {a} respektive {b}")
        row["reasons"] = reasons
        row["kind"] = "samordningsmöjlighet"
    return rows


def text_overlaps(graph: Graph, threshold: float = TEXT_THRESHOLD, limit: int = DEFAULT_LIMIT) -> list[Row]:
    """Pairs whose name + goal + description are alike (TF-IDF cosine over Swedish stems)."""
    rows = graph.read(
        "analytics/overlap_text", min_text=threshold, min_score=0.0, across_counties=False, limit=limit
    )
    return [row | {"kind": "textlikhet"} for row in rows]


def county_overlaps(
    graph: Graph, threshold: float = ACROSS_COUNTIES_THRESHOLD, limit: int = DEFAULT_LIMIT
) -> list[Row]:
    """The same kind of initiative in different counties, so they can learn from each other."""
    rows = graph.read(
        "analytics/overlap_text", min_text=0.0, min_score=threshold, across_counties=True, limit=limit
    )
    return [row | {"kind": "samma slags initiativ i olika län"} for row in rows]


def actor_load(graph: Graph, min_projects: int = 3) -> list[Row]:
    rows = network.actor_load(graph, min_projects=min_projects)
    return [row | {"kind": "aktörsbelastning"} for row in rows]


def all_overlaps(graph: Graph) -> dict[str, list[Row]]:
    """Every kind of overlap, keyed by kind (the JSON `projektdb overlaps --json` prints)."""
    return {
        "goal_target": goal_target_overlaps(graph),
        "text": text_overlaps(graph),
        "actor_load": actor_load(graph),
        "across_counties": county_overlaps(graph),
        "communities": network.communities(graph),
    }
