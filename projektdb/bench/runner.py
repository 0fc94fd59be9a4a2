"""Runs the benchmark: for each size, a fresh database, the synthetic national corpus through the real
ingest path, then every measure; the result is one JSON document (see docs/performance.md).
"""

from __future__ import annotations

import os
import platform
import random
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager
from dataclasses import asdict, dataclass, field, is_dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from graph import queries
from graph.db import Graph
from graph.settings import Settings
from ingest import load as loader_module
from ingest.load import KnownNodes, write_document
from ingest.resolve import ResolvedDocument, resolve
from ingest.synthetic import generator, writers
from projektdb.bench import analytics, database, loader, pages
from projektdb.bench.measures import HeapSampler, latency, python_peak_rss_mb, timed

DEFAULT_SIZES = (1_000, 10_000, 50_000)
QUICK_SIZE = 60
DEFAULT_SEED = 20240209
SEARCH_TERMS = (
    "fast vårdkontakt",
    "mobila team",
    "äldre",
    "digitala vårdmöten",
    "samordnad individuell plan",
    "hälsosamtal",
    "Eskilstuna",
    "kompetensutveckling",
    "egenmonitorering",
    "trygg hemgång",
    "barn och unga",
    "psykisk ohälsa",
    "välfärdsteknik",
    "rehabilitering i hemmet",
    "demensteam",
    "Region Sörmland",
)
# name → (comparison, limit, where the value is in a size's result); checked at every size,
# the targets are for the largest (50 000 projects).
TARGETS: dict[str, tuple[str, float]] = {
    "batched_vs_naive_ratio": (">=", 20),
    "search_p95_ms": ("<=", 50),
    "gap_p95_ms": ("<=", 300),
    "related_p95_ms": ("<=", 100),
    "refresh_s": ("<=", 120),
    "page_render_s": ("<=", 2),
}
SIZE_KEYS = (
    "projects",
    "documents",
    "generate_s",
    "ingest",
    "graph",
    "queries",
    "refresh",
    "pages",
    "file_ingest",
    "loader",
    "memory",
    "targets",
)
Log = Callable[[str], None]


@dataclass
class BenchOptions:
    sizes: list[int] = field(default_factory=lambda: list(DEFAULT_SIZES))
    quick: bool = False
    seed: int = DEFAULT_SEED
    runs: int = 50
    warmup: int = 5
    budget_s: float = 30.0  # timed seconds per latency measure at most (slow queries get fewer runs)
    counties: int | None = None  # limit the corpus to the first n counties (quick runs)
    loader_rows: int = 3000  # rows the batched/naive comparison loads
    file_documents: dict[str, int] = field(default_factory=lambda: {"txt": 6, "docx": 3, "pdf": 3})
    heap: str = "2g"
    pagecache: str = "1g"
    use_configured: bool = False
    render_pages: bool = True

    @classmethod
    def quick_run(cls, **overrides: Any) -> BenchOptions:
        """Small and fast, for CI: checks that every measure runs, not how fast."""
        values: dict[str, Any] = {
            "sizes": [QUICK_SIZE],
            "quick": True,
            "runs": 3,
            "warmup": 1,
            "counties": 1,
            "loader_rows": 200,
            "file_documents": {"txt": 1, "docx": 1, "pdf": 1},
            "heap": "1g",
            "pagecache": "128m",
        }
        values.update(overrides)
        return cls(**values)


def run_benchmark(
    options: BenchOptions,
    log: Log = lambda _: None,
    on_size: Callable[[dict[str, Any]], None] | None = None,
) -> dict[str, Any]:
    """Every size in turn; ``on_size`` gets the report so far after each size (partial results)."""
    started = datetime.now(UTC).isoformat(timespec="seconds")
    results: list[dict[str, Any]] = []
    report: dict[str, Any] = {}
    for size in options.sizes:
        log(f"size {size}: starting a fresh database")
        with _database(options) as settings:
            results.append(run_size(settings, size, options, log))
        report = {"meta": _meta(options, started), "sizes": results, "growth": growth(results)}
        if on_size is not None:
            on_size(report)
    return report


def _database(options: BenchOptions) -> AbstractContextManager[Settings]:
    if options.use_configured:
        return database.configured()
    return database.dedicated(options.heap, options.pagecache)


def run_size(settings: Settings, size: int, options: BenchOptions, log: Log) -> dict[str, Any]:
    result: dict[str, Any] = {"projects": size}
    with Graph(settings) as graph:
        heap = HeapSampler(graph)
        seconds, plans = timed(lambda: generator.national_plans(options.seed, size, options.counties))
        result["documents"] = len(plans)
        result["generate_s"] = round(seconds, 3)
        log(f"size {size}: ingesting {len(plans)} documents")
        ingest, sample = _ingest(graph, plans, options, heap)
        result["ingest"] = ingest
        result["graph"] = _graph_counts(graph)
        result["ingest"]["nodes_relationships_per_s"] = round(
            (result["graph"]["nodes"] + result["graph"]["relationships"]) / ingest["seconds"], 1
        )
        log(f"size {size}: similarity refresh")
        result["refresh"] = _refresh(graph)
        heap.sample()
        log(f"size {size}: query latencies")
        result["queries"] = _queries(graph, options)
        heap.sample()
        if options.render_pages:
            log(f"size {size}: rendering pages")
            result["pages"] = pages.render_pages(settings)
        else:
            result["pages"] = {"skipped": "--no-pages"}
        log(f"size {size}: reading files (txt, docx, pdf)")
        result["file_ingest"] = _file_ingest(graph, plans, options)
        log(f"size {size}: batched vs naive loader")
        result["loader"] = loader.compare(graph, sample)
        heap.sample()
        result["memory"] = {
            "python_peak_rss_mb": python_peak_rss_mb(),
            "neo4j_heap_peak_used_mb": heap.peak_used_mb,
            "neo4j_heap_max_mb": heap.max_mb,
        }
    result["targets"] = targets(result)
    return result


# --- ingest ---------------------------------------------------------------------------------------


def _ingest(
    graph: Graph, plans: list[generator.PlanSpec], options: BenchOptions, heap: HeapSampler
) -> tuple[dict[str, Any], list[ResolvedDocument]]:
    """Every plan through known nodes → resolve → load, one transaction each, as `projektdb ingest` does."""
    extract_s = resolve_s = load_s = 0.0
    sample: list[ResolvedDocument] = []
    sample_rows = 0
    known = KnownNodes(graph)  # as ingest_paths: read once, then kept up to date by each write
    for number, plan in enumerate(plans):
        began = time.perf_counter()
        document, extraction = generator.to_document(options.seed, plan)
        extracted = time.perf_counter()
        resolved = resolve(extraction, document, known.nodes())
        resolved_at = time.perf_counter()
        known.after(write_document(graph, resolved))
        loaded = time.perf_counter()
        extract_s += extracted - began
        resolve_s += resolved_at - extracted
        load_s += loaded - resolved_at
        # the loader comparison uses local plans (a few hundred rows each) up to the wanted rows
        if plan.kind == "lokal plan" and plan.rows and sample_rows < options.loader_rows:
            sample.append(resolved)
            sample_rows += loader.row_count([resolved])
        if number % 50 == 0:
            heap.sample()
    total = extract_s + resolve_s + load_s
    return {
        "documents": len(plans),
        "seconds": round(total, 3),
        "documents_per_s": round(len(plans) / total, 2),
        "extract_s": round(extract_s, 3),
        "resolve_s": round(resolve_s, 3),
        "load_s": round(load_s, 3),
        "batch_size": loader_module.BATCH_SIZE,
    }, sample


def _graph_counts(graph: Graph) -> dict[str, Any]:
    counts = graph.read_one("admin/counts") or {}
    labels = {row["label"]: row["count"] for row in graph.read("admin/label_counts")}
    return {
        "nodes": counts.get("nodes", 0),
        "relationships": counts.get("relationships", 0),
        "labels": labels,
    }


def _file_ingest(graph: Graph, plans: list[generator.PlanSpec], options: BenchOptions) -> dict[str, Any]:
    """The readers + extractors path on the smallest plans that have rows, written as files."""
    from service.ingest import ingest_files

    small = sorted((p for p in plans if p.rows), key=lambda p: (len(p.rows), p.file_stem))
    found: dict[str, Any] = {}
    with tempfile.TemporaryDirectory(prefix="projektdb-bench-files-") as folder:
        for fmt, count in options.file_documents.items():
            chosen = small[:count]
            paths = [writers.write_plan(plan, Path(folder), fmt) for plan in chosen]
            began = time.perf_counter()
            reports = ingest_files(graph, paths, force=True, refresh=False)  # as `projektdb ingest`
            seconds = time.perf_counter() - began
            found[fmt] = {
                "documents": len(paths),
                "activity_rows": sum(len(p.rows) for p in chosen),
                "bytes": sum(p.stat().st_size for p in paths),
                "seconds": round(seconds, 3),
                "documents_per_s": round(len(paths) / seconds, 2) if seconds else None,
                "errors": [r.error for r in reports if not r.ok],
            }
    return found


# --- queries --------------------------------------------------------------------------------------


def _refresh(graph: Graph) -> dict[str, Any]:
    found = analytics.named(("refresh", "similarity"), ("refresh", "refresh_similarity"))
    if found.function is None:
        return {"skipped": found.skipped}
    function = found.function
    try:
        seconds, report = timed(lambda: function(graph))
        # again with nothing changed: what a refresh after a small upload costs at this size
        again_seconds, again = timed(lambda: function(graph))
    except Exception as error:
        return {"function": found.name, "error": repr(error)[:500]}
    return {
        "function": found.name,
        "seconds": round(seconds, 3),
        "again_seconds": round(again_seconds, 3),
        "report": _plain(report),
        "again_report": _plain(again),
    }


def _plain(report: Any) -> Any:
    """A refresh report as JSON-able data (dataclasses become dicts)."""
    return asdict(report) if is_dataclass(report) and not isinstance(report, type) else repr(report)


def _queries(graph: Graph, options: BenchOptions) -> dict[str, Any]:
    rng = random.Random(f"{options.seed}:projects")
    ids = [row["id"] for row in graph.read("bench/project_ids")]
    projects = rng.sample(ids, min(len(ids), options.runs + options.warmup)) or [""]

    def term(i: int) -> str:
        return SEARCH_TERMS[i % len(SEARCH_TERMS)]

    def project(i: int) -> str:
        return projects[i % len(projects)]

    def measure(call: Callable[[int], Any]) -> dict[str, Any]:
        try:
            return latency(call, options.runs, options.warmup, options.budget_s)
        except Exception as error:
            return {"error": repr(error)[:500]}

    found: dict[str, Any] = {
        "fulltext_index": measure(lambda i: graph.read("bench/fulltext_search", query=term(i), limit=20)),
        "projects_by_focus_area": measure(lambda i: queries.projects_by_focus_area(graph)),
    }
    search = analytics.named(("search",), ("search",))
    found["search"] = _measure_found(search, graph, measure, term, project)
    related = analytics.named(("related",), ("related_to_project", "related", "related_projects"))
    found["related"] = _measure_found(related, graph, measure, term, project)
    groups = (("gaps", ("gaps", "gap")), ("overlaps", ("overlaps", "overlap")), ("network", ("network",)))
    for group, modules in groups:
        found[group] = {
            item.name: _measure_found(item, graph, measure, term, project)
            for item in analytics.every_query(modules)
        }
    return found


def _measure_found(
    found: analytics.Found,
    graph: Graph,
    measure: Callable[[Callable[[int], Any]], dict[str, Any]],
    term: Callable[[int], str],
    project: Callable[[int], str],
) -> dict[str, Any]:
    if found.function is None:
        return {"skipped": found.skipped}
    function = found.function
    return {
        "function": found.name,
        **measure(lambda i: analytics.call_with(function, graph, text=term(i), project_id=project(i))),
    }


# --- targets and growth ---------------------------------------------------------------------------


def target_values(result: dict[str, Any]) -> dict[str, float | None]:
    q = result.get("queries", {})
    search = q.get("search", {}).get("p95_ms", q.get("fulltext_index", {}).get("p95_ms"))
    # each gap query on its own; all_gaps (all six in one call, as `projektdb gaps` runs them) is
    # measured and reported, but it is a sum of queries, not a query
    gaps = [
        m["p95_ms"] for name, m in q.get("gaps", {}).items() if "p95_ms" in m and not name.startswith("all_")
    ]
    rendered = result.get("pages", {}).values()
    page_times = [p["cold_s"] for p in rendered if isinstance(p, dict) and "cold_s" in p]
    return {
        "batched_vs_naive_ratio": result.get("loader", {}).get("batched_vs_naive_ratio"),
        "search_p95_ms": search,
        "gap_p95_ms": max(gaps) if gaps else None,
        "related_p95_ms": q.get("related", {}).get("p95_ms"),
        "refresh_s": result.get("refresh", {}).get("seconds"),
        "page_render_s": max(page_times) if page_times else None,
    }


def targets(result: dict[str, Any]) -> dict[str, Any]:
    values = target_values(result)
    checked: dict[str, Any] = {}
    for name, (op, limit) in TARGETS.items():
        value = values[name]
        met = None if value is None else (value >= limit if op == ">=" else value <= limit)
        checked[name] = {"target": f"{op} {limit:g}", "value": value, "met": met}
    return checked


def growth(results: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    """Each headline figure by size, and its growth relative to the smallest size."""
    table: dict[str, dict[str, Any]] = {}
    for result in results:
        size = str(result["projects"])
        for name, value in _headline(result):
            table.setdefault(name, {})[size] = value
    for values in table.values():
        first = next((v for v in values.values() if isinstance(v, int | float) and v), None)
        if first and len(values) > 1:
            values["x_vs_smallest"] = {
                size: round(v / first, 2) for size, v in values.items() if isinstance(v, int | float)
            }
    return table


def _headline(result: dict[str, Any]) -> Iterator[tuple[str, Any]]:
    yield "ingest.documents_per_s", result["ingest"]["documents_per_s"]
    yield "ingest.nodes_relationships_per_s", result["ingest"]["nodes_relationships_per_s"]
    yield "loader.batched_vs_naive_ratio", result["loader"]["batched_vs_naive_ratio"]
    for name, measure in _flat_queries(result["queries"]):
        if "p95_ms" in measure:
            yield f"queries.{name}.p95_ms", measure["p95_ms"]
    if "seconds" in result["refresh"]:
        yield "refresh.seconds", result["refresh"]["seconds"]
    for name, page in result["pages"].items():
        if isinstance(page, dict) and "cold_s" in page:
            yield f"pages.{name}.cold_s", page["cold_s"]
    yield "memory.python_peak_rss_mb", result["memory"]["python_peak_rss_mb"]
    yield "memory.neo4j_heap_peak_used_mb", result["memory"]["neo4j_heap_peak_used_mb"]


def _flat_queries(found: dict[str, Any]) -> Iterator[tuple[str, dict[str, Any]]]:
    for name, value in found.items():
        if name in ("gaps", "overlaps", "network"):
            for inner, measure in value.items():
                yield f"{name}.{inner}", measure
        else:
            yield name, value


def _meta(options: BenchOptions, started: str) -> dict[str, Any]:
    return {
        "started_at": started,
        "finished_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "quick": options.quick,
        "seed": options.seed,
        "sizes": options.sizes,
        "runs": options.runs,
        "warmup": options.warmup,
        "counties": options.counties,
        "database": "configured" if options.use_configured else "dedicated local Neo4j per size",
        "neo4j_heap": options.heap,
        "neo4j_pagecache": options.pagecache,
        "cpus": os.cpu_count(),
        "python": platform.python_version(),
        "platform": platform.platform(),
    }
