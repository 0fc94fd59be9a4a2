"""Derived data under concurrency and crashes: two ingests at once write communities and
RELATED_TO once; a refresh that never ran (crash after the document's write) runs next time."""

from __future__ import annotations

import threading

import pytest
from typer.testing import CliRunner

from domain.states import IngestStatus
from graph import export, schema
from graph.analytics import refresh
from graph.db import Graph
from graph.settings import Settings
from ingest.pipeline import ingest_file, ingest_paths
from projektdb.cli import app
from tests.conftest import SAMPLE_DIR


def derived_state(graph: Graph) -> dict:
    data = export.snapshot(graph)
    communities = [n["id"] for n in data["nodes"] if "Community" in n["labels"]]
    pairs = [(r["start"], r["end"]) for r in data["relationships"] if r["type"] == "RELATED_TO"]
    return {"communities": communities, "pairs": pairs}


def test_two_concurrent_ingests_write_derived_data_once(graph: Graph) -> None:
    errors: list[BaseException] = []
    start = threading.Barrier(2)

    def ingest() -> None:
        try:
            start.wait()
            ingest_paths(graph, [SAMPLE_DIR])
        except BaseException as error:  # noqa: BLE001 - reported by the assertion below
            errors.append(error)

    threads = [threading.Thread(target=ingest) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=600)
    assert not errors
    concurrent = derived_state(graph)
    assert concurrent["communities"], "the sample data gives at least one community"
    assert len(concurrent["communities"]) == len(set(concurrent["communities"]))
    unordered = [frozenset(pair) for pair in concurrent["pairs"]]
    assert len(unordered) == len(set(unordered)), "a RELATED_TO pair occurs twice"

    # the same counts as one ingest on its own
    schema.reset(graph)
    ingest_paths(graph, [SAMPLE_DIR])
    sequential = derived_state(graph)
    assert len(concurrent["communities"]) == len(sequential["communities"])
    assert sorted(concurrent["pairs"]) == sorted(sequential["pairs"])


def related_pairs(graph: Graph) -> int:
    return sum(1 for r in export.snapshot(graph)["relationships"] if r["type"] == "RELATED_TO")


def test_refresh_runs_after_a_crash_between_write_and_refresh(graph: Graph) -> None:
    # the documents are written, then the process dies before refresh (ingest_file never refreshes)
    for path in sorted(SAMPLE_DIR.iterdir()):
        assert ingest_file(graph, path).status is IngestStatus.LOADED
    assert related_pairs(graph) == 0
    assert refresh.is_stale(graph)

    reports = ingest_paths(graph, [SAMPLE_DIR])
    assert {r.status for r in reports} == {IngestStatus.UNCHANGED}
    assert related_pairs(graph) > 0, "the stale marker makes ingest_paths refresh"
    assert not refresh.is_stale(graph)


def test_refresh_if_stale_does_nothing_when_fresh(graph: Graph) -> None:
    ingest_paths(graph, [SAMPLE_DIR])
    assert not refresh.is_stale(graph)
    assert refresh.refresh_if_stale(graph) is None


def test_a_document_written_during_a_refresh_keeps_the_graph_stale(graph: Graph) -> None:
    samples = sorted(SAMPLE_DIR.iterdir())
    for path in samples[:-1]:
        ingest_file(graph, path)
    generation = refresh.derived_generation(graph)
    ingest_file(graph, samples[-1])  # written after the refresh read the graph
    refresh.mark_fresh(graph, generation)
    assert refresh.is_stale(graph)


def test_db_start_refreshes_a_stale_graph(
    graph: Graph, neo4j_settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    for path in sorted(SAMPLE_DIR.iterdir()):
        ingest_file(graph, path)
    monkeypatch.setenv("PROJEKTDB_DATA_DIR", str(neo4j_settings.data_dir))
    monkeypatch.setenv("PROJEKTDB_BOLT_PORT", str(neo4j_settings.bolt_port))
    result = CliRunner().invoke(app, ["db", "start"])
    assert result.exit_code == 0, result.output
    assert related_pairs(graph) > 0
    assert not refresh.is_stale(graph)
