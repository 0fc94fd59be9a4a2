"""The synthetic corpus and `projektdb bench`: correctness only (speed lives in the benchmark's JSON)."""

from __future__ import annotations

import json
from dataclasses import asdict
from pathlib import Path

import pytest
from typer.testing import CliRunner

from graph.analytics.refresh import is_stale
from graph.db import Graph
from ingest.readers import read_document
from ingest.resolve import resolve
from ingest.synthetic import generator, writers
from projektdb.bench import loader
from projektdb.bench.measures import latency, percentile
from projektdb.bench.runner import SIZE_KEYS, TARGETS
from projektdb.cli import app

HEADER = ["Mål", "Aktivitet", "Tidsplan", "Ansvarig"]


def _resolved_rows(seed: int, plans: list[generator.PlanSpec]) -> list[dict]:
    rows = []
    for document, extraction in generator.documents(seed, plans):
        resolved = resolve(extraction, document)
        rows.append(
            {
                "document": document.id,
                "nodes": [asdict(n) for n in resolved.nodes],
                "mentions": [asdict(m) for m in resolved.mentions],
                "relations": [asdict(r) for r in resolved.relations],
            }
        )
    return rows


@pytest.mark.slow
def test_same_seed_gives_the_same_corpus() -> None:
    first = generator.national_plans(seed=3, projects=300, counties=2)
    second = generator.national_plans(seed=3, projects=300, counties=2)
    assert first == second
    assert _resolved_rows(3, first) == _resolved_rows(3, second)
    other = generator.national_plans(seed=4, projects=300, counties=2)
    assert [p.rows for p in other] != [p.rows for p in first]


def test_the_corpus_covers_the_country_with_exactly_n_projects() -> None:
    plans = generator.national_plans(seed=1, projects=2000)
    assert sum(1 for p in plans if p.kind == "färdplan") == 21
    assert sum(1 for p in plans if p.kind == "lokal plan") == 290
    assert sum(len(p.rows) for p in plans) == 2000
    names = [(p.county, row.name) for p in plans for row in p.rows]
    assert len(set(names)) == len(names)  # one project per row: names are unique within a county


def test_an_extraction_has_the_ontology_shape() -> None:
    plan = next(p for p in generator.national_plans(seed=5, projects=200, counties=1) if p.decisions)
    document, extraction = generator.to_document(5, plan)
    resolved = resolve(extraction, document)
    counts = resolved.counts()
    assert counts["Project"] == len(plan.rows)
    assert counts["FocusArea"] == 5 and counts["Decision"] == len(plan.decisions)
    types = {r.type for r in resolved.relations}
    assert {"IN_FOCUS_AREA", "ADDRESSES", "UNDER", "RESPONSIBLE_FOR", "TARGETS", "LOCATED_IN"} <= types
    assert {"DECIDED", "CONCERNS", "MEASURED_BY", "IN_GOAL_AREA", "IN_COUNTY", "MEMBER_OF"} <= types
    assert all(m.quote for m in resolved.mentions)


@pytest.mark.slow
@pytest.mark.parametrize("fmt", writers.FORMATS)
def test_written_plans_read_back_with_their_tables(tmp_path: Path, fmt: str) -> None:
    plan = next(p for p in generator.national_plans(seed=2, projects=400, counties=1) if len(p.rows) >= 3)
    path = writers.write_plan(plan, tmp_path, fmt)
    document = read_document(path)
    tables = [t for page in document.pages for t in page.tables]
    activity_tables = [t for t in tables if [" ".join(c.split()) for c in t.rows[0]] == HEADER]
    assert activity_tables, f"no activity table in the {fmt}"
    cells = " ".join(" ".join(cell.split()) for t in activity_tables for row in t.rows[1:] for cell in row)
    for row in plan.rows:
        assert row.name in cells
    assert plan.title.split()[0] in document.text


def test_percentiles_and_latency() -> None:
    assert percentile([1.0, 2.0, 3.0, 4.0, 5.0], 50) == 3.0
    assert percentile([1.0, 2.0], 95) == pytest.approx(1.95)
    calls: list[int] = []
    measured = latency(calls.append, runs=4, warmup=2)
    assert calls == [0, 1, 2, 3, 4, 5]
    assert measured["runs"] == 4 and measured["p50_ms"] <= measured["p95_ms"] <= measured["max_ms"]


def test_loader_comparison_loads_the_same_rows_and_removes_its_copies(graph: Graph) -> None:
    plans = [p for p in generator.national_plans(seed=6, projects=40, counties=1) if p.rows][:2]
    documents = [resolve(ex, doc) for doc, ex in generator.documents(6, plans)]
    before = graph.read_one("admin/counts")
    result = loader.compare(graph, documents)
    assert result["rows"] == loader.row_count(documents) > 0
    assert result["batched_s"] > 0 and result["naive_s"] > 0 and result["batched_vs_naive_ratio"] > 0
    assert graph.read_one("admin/counts") == before  # the counts leave out the derived-data marker
    assert is_stale(graph)  # which says that the derived data is behind the writes


def _failed_entries(value: object, path: str = "") -> list[str]:
    """Every place in a benchmark report with an ``error``/``errors`` or a ``skipped``."""
    found: list[str] = []
    if isinstance(value, dict):
        for key, item in value.items():
            if key in ("error", "errors", "skipped") and item:
                found.append(f"{path}.{key}: {str(item)[:200]}")
            found += _failed_entries(item, f"{path}.{key}")
    elif isinstance(value, list):
        for i, item in enumerate(value):
            found += _failed_entries(item, f"{path}[{i}]")
    return found


def test_failed_entries_are_found_at_any_depth() -> None:
    report = {
        "sizes": [
            {"queries": {"search": {"error": "boom"}, "gaps": {"p50_ms": 1}}, "pages": {"skipped": "x"}}
        ]
    }
    assert _failed_entries(report) == [".sizes[0].queries.search.error: boom", ".sizes[0].pages.skipped: x"]
    assert _failed_entries({"file_ingest": {"txt": {"errors": []}}, "ok": True}) == []


@pytest.mark.db  # the benchmark starts its own Neo4j
@pytest.mark.slow
def test_bench_quick_writes_every_key(tmp_path: Path) -> None:
    out = tmp_path / "bench.json"
    result = CliRunner().invoke(app, ["bench", "--quick", "--json", str(out)])
    assert result.exit_code == 0, result.output
    report = json.loads(out.read_text(encoding="utf-8"))
    # a measurement that failed or found nothing to measure is a failure, not a gap in the JSON
    assert not _failed_entries(report), _failed_entries(report)
    assert {"meta", "sizes", "growth"} <= report.keys()
    assert report["meta"]["quick"] is True
    (size,) = report["sizes"]
    assert set(SIZE_KEYS) <= size.keys()
    assert size["projects"] == sum(v for k, v in size["graph"]["labels"].items() if k == "Project")
    assert {"documents_per_s", "nodes_relationships_per_s", "resolve_s", "load_s"} <= size["ingest"].keys()
    assert size["loader"]["batched_vs_naive_ratio"] > 0
    # the second refresh finds nothing to write: the pairs are a function of the graph
    refresh = size["refresh"]
    assert refresh["report"]["related_pairs"] == refresh["again_report"]["related_pairs"] > 0
    assert refresh["report"]["pairs_written"]["created"] == refresh["report"]["related_pairs"]
    assert refresh["again_report"]["pairs_written"] == {"created": 0, "updated": 0, "deleted": 0}
    assert set(size["targets"]) == set(TARGETS)
    assert {"fulltext_index", "search", "related", "gaps", "overlaps"} <= size["queries"].keys()
    for measure in (size["queries"]["fulltext_index"], size["queries"]["projects_by_focus_area"]):
        assert measure["p50_ms"] <= measure["p95_ms"]
    assert {"txt", "docx", "pdf"} == size["file_ingest"].keys()
    assert all(not f["errors"] for f in size["file_ingest"].values())
    assert size["memory"]["python_peak_rss_mb"] > 0
    assert size["memory"]["neo4j_heap_max_mb"] > 0
