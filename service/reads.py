"""The reads the pages show, by name, each through one ``SharedCache`` per process.

The app (``ui/data.py``) and the load test call these, so the load test measures what a page
does. Every result is the graph layer's, unchanged; only when it is computed differs.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Hashable
from dataclasses import dataclass
from enum import StrEnum
from typing import Any, TypeVar

from graph import export, indicators, queries
from graph.analytics import gaps, network, overlaps, related, search
from graph.db import Graph
from service.cache import SharedCache

T = TypeVar("T")
Row = dict[str, Any]

CLUSTERS_SHOWN = 50
PROJECTS_PER_CLUSTER = 25
OVERLAP_PAIRS_DRAWN = 150  # per kind of overlap: the picture of pairs stays readable


# --- the pictures' aggregations: typed results the pages draw ----------------------------------


@dataclass(frozen=True)
class AreaCount:
    """How many (projects, goals ...) one focus area has; ``name`` None: those in no focus area."""

    name: str | None
    count: int


@dataclass(frozen=True)
class FocusAreaTotals:
    """Projects per focus area of one county or all (as the page lists them: a project in two
    areas counts in both), and the projects of every county."""

    areas: list[AreaCount]
    counties: dict[str, int]

    @property
    def projects(self) -> int:
        return sum(a.count for a in self.areas)


class OverlapKind(StrEnum):
    GOAL_TARGET = "goal_target"
    TEXT = "text"
    ACROSS_COUNTIES = "across_counties"


@dataclass(frozen=True)
class OverlapProject:
    id: str
    name: str
    pairs: int  # how many overlapping pairs the project is in


@dataclass(frozen=True)
class OverlapLink:
    a: str
    b: str
    kind: OverlapKind
    reasons: tuple[str, ...]


@dataclass(frozen=True)
class OverlapNetwork:
    """The overlapping pairs as a network: projects (most pairs first) and one link per pair and kind."""

    projects: list[OverlapProject]
    links: list[OverlapLink]


@dataclass(frozen=True)
class ClusterSummary:
    number: int
    size: int
    shown: int  # how many of its projects are listed
    counties: tuple[str, ...]
    reasons: tuple[str, ...]


def focus_area_totals(counts: list[Row], county: str | None = None) -> FocusAreaTotals:
    """From graph.queries.focus_area_project_counts's rows: the areas by name (those in no area last)."""
    counties: Counter[str] = Counter()
    areas: Counter[str | None] = Counter()
    for row in counts:
        if row["county"]:
            counties[row["county"]] += row["projects"]
        if county is None or row["county"] == county:
            areas[row["focus_area"]] += row["projects"]
    order = sorted(areas, key=lambda a: (a is None, a or ""))
    return FocusAreaTotals([AreaCount(a, areas[a]) for a in order], dict(sorted(counties.items())))


def goal_gaps_per_area(goals: list[Row]) -> list[AreaCount]:
    """Goals without activity per focus area (a goal under two areas counts in both), most first;
    goals under no focus area as ``name`` None, last."""
    counts: Counter[str | None] = Counter()
    for goal in goals:
        for area in goal.get("focus_areas") or [None]:
            counts[area] += 1
    order = sorted(counts, key=lambda a: (a is None, -counts[a], a or ""))
    return [AreaCount(a, counts[a]) for a in order]


def overlap_network(pairs: dict[str, list[Row]], per_kind: int = OVERLAP_PAIRS_DRAWN) -> OverlapNetwork:
    """The pairs of ``Reads.overlap_pairs`` (at most ``per_kind`` of each kind) as projects and links."""
    names: dict[str, str] = {}
    degree: Counter[str] = Counter()
    links = []
    for kind in OverlapKind:
        for pair in pairs.get(kind.value, [])[:per_kind]:
            names.setdefault(pair["a_id"], pair["a_name"] or "")
            names.setdefault(pair["b_id"], pair["b_name"] or "")
            degree[pair["a_id"]] += 1
            degree[pair["b_id"]] += 1
            links.append(OverlapLink(pair["a_id"], pair["b_id"], kind, tuple(pair.get("reasons") or ())))
    projects = [
        OverlapProject(i, names[i], degree[i]) for i in sorted(names, key=lambda i: (-degree[i], names[i], i))
    ]
    return OverlapNetwork(projects, links)


def cluster_summaries(clusters: list[Row]) -> list[ClusterSummary]:
    """One bar per community of ``Reads.overlap_clusters``, in its order (largest first)."""
    return [
        ClusterSummary(
            c["community"],
            c["size"],
            len(c["projects"]),
            tuple(c.get("counties") or ()),
            tuple(c.get("reasons") or ()),
        )
        for c in clusters
    ]


class Reads:
    """``floor`` gives the caller's own last write generation (0: none), so that a session sees
    its own writes at once; results of other sessions' writes follow within one computation."""

    def __init__(self, graph: Graph, cache: SharedCache | None = None, floor: Callable[[], int] = lambda: 0):
        self.graph = graph
        self.cache = cache or SharedCache(graph.write_generation)
        self._floor = floor

    def _get(self, key: Hashable, compute: Callable[[], T]) -> T:
        return self.cache.get(key, compute, at_least=self._floor())

    def written(self) -> int:
        """Call after a write of one's own: the generation to remember as the session's floor."""
        return self.cache.written()

    # --- pages of projects, nodes and documents ---------------------------------------------------

    def projects_by_focus_area(
        self, county: str | None = None, focus_area: str | None = None, page: int = 0
    ) -> dict[str, list[Row]]:
        return self._get(
            ("projects_by_focus_area", county, focus_area, page),
            lambda: queries.projects_by_focus_area(
                self.graph, county=county, focus_area=focus_area, page=page
            ),
        )

    def focus_area_project_counts(self) -> list[Row]:
        return self._get(
            ("focus_area_project_counts",), lambda: queries.focus_area_project_counts(self.graph)
        )

    def focus_area_totals(self, county: str | None = None) -> FocusAreaTotals:
        return self._get(
            ("focus_area_totals", county), lambda: focus_area_totals(self.focus_area_project_counts(), county)
        )

    def project_facts(self) -> list[Row]:
        return self._get(("project_facts",), lambda: queries.project_facts(self.graph))

    def node_detail(self, node_id: str) -> Row | None:
        return self._get(("node_detail", node_id), lambda: queries.node_detail(self.graph, node_id))

    def node_relations(self, node_ids: tuple[str, ...]) -> list[Row]:
        return self._get(
            ("node_relations", node_ids), lambda: queries.node_relations(self.graph, list(node_ids))
        )

    def node_relation_groups(self, node_id: str, per_group: int = 50) -> list[Row]:
        return self._get(
            ("node_relation_groups", node_id, per_group),
            lambda: queries.node_relation_groups(self.graph, node_id, per_group=per_group),
        )

    def nodes_by_label(self, label: str) -> list[Row]:
        return self._get(("nodes_by_label", label), lambda: queries.nodes_by_label(self.graph, label))

    def label_sizes(self) -> dict[str, int]:
        return self._get(("label_sizes",), lambda: queries.label_sizes(self.graph))

    def find_nodes(self, label: str, text: str, limit: int = 50) -> list[Row]:
        return self._get(
            ("find_nodes", label, text, limit),
            lambda: queries.find_nodes(self.graph, label, text, limit=limit),
        )

    def overview(self) -> Row:
        return self._get(("overview",), lambda: queries.overview(self.graph))

    def project_timeline(
        self,
        county: str | None = None,
        focus_area: str | None = None,
        status: str | None = None,
        limit: int = 300,
    ) -> list[Row]:
        return self._get(
            ("project_timeline", county, focus_area, status, limit),
            lambda: queries.project_timeline(self.graph, county, focus_area, status, limit=limit),
        )

    def document_titles(self) -> dict[str, str]:
        return self._get(("document_titles",), lambda: queries.document_titles(self.graph))

    def decisions(self) -> list[Row]:
        return self._get(("decisions",), lambda: queries.decisions(self.graph))

    def documents(self) -> list[Row]:
        return self._get(("documents",), lambda: queries.documents(self.graph))

    def document(self, document_id: str) -> Row | None:
        return self._get(("document", document_id), lambda: queries.document(self.graph, document_id))

    def document_page(self, document_id: str, page: int) -> queries.DocumentPage | None:
        return self._get(
            ("document_page", document_id, page), lambda: queries.document_page(self.graph, document_id, page)
        )

    def document_contents(self, document_id: str) -> list[Row]:
        return self._get(
            ("document_contents", document_id), lambda: queries.document_contents(self.graph, document_id)
        )

    # --- analytics: search, related initiatives, gaps, overlaps, indicators -----------------------

    def search_projects(
        self, text: str, filters: tuple[tuple[str, Any], ...] = (), limit: int = 50
    ) -> dict[str, Any]:
        """Full-text search with facets; ``filters`` as sorted (name, value) pairs of search.Filters."""
        return self._get(
            ("search_projects", text, filters, limit),
            lambda: search.search(self.graph, text, filters=search.Filters(**dict(filters)), limit=limit),
        )

    def related_to_project(self, project_id: str, limit: int = 10) -> list[Row]:
        return self._get(
            ("related_to_project", project_id, limit),
            lambda: related.related_to_project(self.graph, project_id, limit=limit),
        )

    def related_to_text(self, text: str, limit: int = 10) -> list[Row]:
        return self._get(
            ("related_to_text", text, limit), lambda: related.related_to_text(self.graph, text, limit=limit)
        )

    def coverage_counts(self, county: str | None) -> list[Row]:
        return self._get(
            ("coverage_counts", county), lambda: queries.coverage_counts(self.graph, county=county)
        )

    def focus_area_counties(self) -> list[str]:
        return self._get(("focus_area_counties",), lambda: queries.focus_area_counties(self.graph))

    def coverage_gaps(self) -> list[Row]:
        return self._get(("coverage_gaps",), lambda: gaps.coverage_gaps(self.graph))

    def goal_gaps(self) -> list[Row]:
        return self._get(("goal_gaps",), lambda: gaps.goal_gaps(self.graph))

    def goal_gaps_per_area(self) -> list[AreaCount]:
        return self._get(("goal_gaps_per_area",), lambda: goal_gaps_per_area(self.goal_gaps()))

    def indicator_gaps(self) -> list[Row]:
        return self._get(("indicator_gaps",), lambda: gaps.indicator_gaps(self.graph))

    def readiness(self) -> list[Row]:
        return self._get(("readiness",), lambda: gaps.readiness(self.graph))

    def time_gaps(self) -> list[Row]:
        return self._get(("time_gaps",), lambda: gaps.time_gaps(self.graph))

    def target_group_gaps(self) -> list[Row]:
        return self._get(("target_group_gaps",), lambda: gaps.target_group_gaps(self.graph))

    def overlap_pairs(self) -> dict[str, list[Row]]:
        return self._get(
            ("overlap_pairs",),
            lambda: {
                "goal_target": overlaps.goal_target_overlaps(self.graph),
                "text": overlaps.text_overlaps(self.graph),
                "across_counties": overlaps.county_overlaps(self.graph),
                "actor_load": overlaps.actor_load(self.graph),
            },
        )

    def overlap_network(self) -> OverlapNetwork:
        return self._get(("overlap_network",), lambda: overlap_network(self.overlap_pairs()))

    def cluster_summaries(self) -> list[ClusterSummary]:
        return self._get(("cluster_summaries",), lambda: cluster_summaries(self.overlap_clusters()))

    def overlap_clusters(self) -> list[Row]:
        """The largest communities, each with its most connected projects first (``size`` is the
        whole community; ``projects`` at most PROJECTS_PER_CLUSTER of them)."""
        return self._get(
            ("overlap_clusters",),
            lambda: network.communities(self.graph, limit=CLUSTERS_SHOWN, per_community=PROJECTS_PER_CLUSTER),
        )

    def network_choices(self, label: str, county: str | None = None, text: str = "") -> list[Row]:
        return self._get(
            ("network_choices", label, county, text), lambda: network.choices(self.graph, label, county, text)
        )

    def network_neighbourhood(self, node_ids: tuple[str, ...]) -> list[Row]:
        return self._get(
            ("network_neighbourhood", node_ids), lambda: network.neighbourhood(self.graph, list(node_ids))
        )

    def indicator_overview(self, project_limit: int | None = None) -> list[Row]:
        return self._get(
            ("indicator_overview", project_limit),
            lambda: indicators.indicator_overview(self.graph, project_limit=project_limit),
        )

    def measure_values(self, measure_id: str) -> list[Row]:
        return self._get(
            ("measure_values", measure_id), lambda: indicators.measure_values(self.graph, measure_id)
        )

    def export_json(self) -> bytes:
        """The whole graph as the JSON export (``graph/export.py``)."""
        return self._get(("export_json",), lambda: export.to_json(self.graph))
