"""The four kinds of overlap the network looks for (docs/ontology.md, "Overlaps"), each with its
reasons in Swedish words. All four read what refresh precomputed: the RELATED_TO pairs (see
related.py), the ``coordination`` mark on them (``mark_coordination``) and the actors' stored
partners and centrality (network.py)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

from graph.analytics import network
from graph.db import Graph

if TYPE_CHECKING:
    from graph.analytics.related import ProjectRow

Row = dict[str, Any]
DEFAULT_LIMIT = 500
TEXT_THRESHOLD = 0.25
ACROSS_COUNTIES_THRESHOLD = 0.2


def goal_target_overlaps(graph: Graph, limit: int = DEFAULT_LIMIT) -> list[Row]:
    """Same goal or focus area and same target group, no responsible actor in common: a
    coordination opportunity (docs/ontology.md, overlap 1).

    Which pairs: the definition alone does not scale and does not help. Nationally every
    målsättning has about a hundred projects and every target group thousands, so "shares a goal
    and a target group" holds for millions of pairs, most of them unrelated work that a planner
    could not act on. The candidates are therefore each project's related initiatives, the
    RELATED_TO pairs refresh computes (its ten most similar projects plus three in other counties,
    scored on text, goals, target groups, focus areas and actors), and of those the pairs that meet
    the definition; refresh marks them (``mark_coordination``), so this is an ordered read of at
    most ``limit`` marked pairs. A pair that meets the definition but is in neither project's
    related list is not shown: it is less alike than ten other projects are.

    Order: most shared goals, then most shared target groups (as before), then the related score,
    so the most alike pairs come first (ties: ids). Reasons name what the pair shares now.
    """
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


def mark_coordination(
    projects: Sequence[ProjectRow], pairs: Sequence[Row], responsible: Mapping[str, Sequence[str]]
) -> int:
    """Set ``coordination`` on each related pair ``{a, b, ...}`` that meets overlap 1: a shared
    target group, a shared goal or focus area, and no responsible actor in common (``responsible``:
    project id → actor ids). The value orders the pairs: shared goals × 1000 + shared target
    groups. Pairs that do not qualify get None. Returns how many qualify. Used by refresh."""
    by_id = {p.id: p for p in projects}
    marked = 0
    for pair in pairs:
        a, b = by_id[pair["a"]], by_id[pair["b"]]
        groups = len(a.sets["target_groups"].keys() & b.sets["target_groups"].keys())
        goals = len(a.sets["goals"].keys() & b.sets["goals"].keys())
        areas = len(a.sets["focus_areas"].keys() & b.sets["focus_areas"].keys())
        apart = not set(responsible.get(a.id, ())) & set(responsible.get(b.id, ()))
        if groups and (goals or areas) and apart:
            pair["coordination"] = min(goals, 999) * 1000 + min(groups, 999)
            marked += 1
        else:
            pair["coordination"] = None
    return marked


def mark_across_counties(projects: Sequence[ProjectRow], pairs: Sequence[Row]) -> int:
    """Set ``across_counties`` (True/False) on each related pair: its projects are in different
    counties (a missing county counts as one of its own). Indexed with the score, so
    ``county_overlaps`` reads the best such pairs first. Returns how many are. Used by refresh."""
    county = {p.id: p.county or "" for p in projects}
    for pair in pairs:
        pair["across_counties"] = county[pair["a"]] != county[pair["b"]]
    return sum(1 for pair in pairs if pair["across_counties"])


def text_overlaps(graph: Graph, threshold: float = TEXT_THRESHOLD, limit: int = DEFAULT_LIMIT) -> list[Row]:
    """Pairs whose name + goal + description are alike (TF-IDF cosine over Swedish stems)."""
    rows = graph.read(
        "analytics/overlap_text", min_text=threshold, min_score=0.0, across_counties=False, limit=limit
    )
    return [row | {"kind": "textlikhet"} for row in rows]


def county_overlaps(
    graph: Graph, threshold: float = ACROSS_COUNTIES_THRESHOLD, limit: int = DEFAULT_LIMIT
) -> list[Row]:
    """The same kind of initiative in different counties, so they can learn from each other: the
    related pairs refresh marked ``across_counties``, best score first."""
    rows = graph.read("analytics/overlap_counties", min_score=threshold, limit=limit)
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
