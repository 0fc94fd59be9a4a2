"""Crash safety: SIGKILL the database in the middle of an ingest, restart, nothing half-written.

Runs its own local Neo4j (tmp data folder, free port): the session server belongs to the other tests.
"""

from __future__ import annotations

import json
import threading
import time
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest

from domain.states import IngestStatus
from graph import export, schema
from graph.db import Graph
from graph.server import LocalNeo4j, free_port
from graph.settings import Settings, load_settings
from ingest.pipeline import IngestReport, ingest_file, ingest_paths
from tests.conftest import SAMPLE_DIR

KILL_AFTER_MS = 300  # the write transaction has been open this long when the server is killed
WAIT_FOR_WRITE_S = 240.0


@pytest.fixture
def own_server(tmp_path: Path) -> Iterator[tuple[LocalNeo4j, Settings]]:
    env = {"PROJEKTDB_DATA_DIR": str(tmp_path / "data"), "PROJEKTDB_BOLT_PORT": str(free_port())}
    server = LocalNeo4j(load_settings(env), heap="1g", pagecache="128m")
    server.start()
    try:
        yield server, load_settings(env)
    finally:
        server.stop()


def big_plan(folder: Path) -> Path:
    """A generated färdplan with a few hundred activity rows: its write takes seconds."""
    from ingest.synthetic.generator import national_plans
    from ingest.synthetic.writers import write_plan

    plans = national_plans(seed=11, projects=2400, counties=1)  # big: its write outlasts KILL_AFTER_MS
    return write_plan(max(plans, key=lambda p: len(p.rows)), folder, "txt")


def without_ingest_times(data: bytes) -> dict:
    graph = json.loads(data)
    for node in graph["nodes"]:
        node["properties"].pop("ingested_at", None)
    return graph


def mentions_per_document(data: bytes) -> Counter[str]:
    graph = json.loads(data)
    return Counter(r["end"] for r in graph["relationships"] if r["type"] == "MENTIONED_IN")


@pytest.mark.db  # its own server, started and killed by the test
@pytest.mark.slow
def test_sigkill_mid_ingest_leaves_only_whole_documents(
    own_server: tuple[LocalNeo4j, Settings], tmp_path: Path
) -> None:
    server, settings = own_server
    samples = sorted(SAMPLE_DIR.iterdir())
    big = big_plan(tmp_path / "gen")
    graph = Graph(settings)  # one Graph for the whole test, like the app's cached connection
    try:
        schema.migrate(graph)
        # the reference: a clean ingest of everything
        ingest_paths(graph, [*samples, big])
        reference = export.to_json(graph)
        big_id = ingest_file(graph, big).document_id
        assert mentions_per_document(reference)[big_id] > 500

        schema.reset(graph)
        assert all(r.ok for r in ingest_paths(graph, samples))
        before_crash = export.to_json(graph)

        outcome: list[IngestReport | BaseException] = []

        def ingest_big() -> None:
            try:
                outcome.append(ingest_file(graph, big))
            except BaseException as error:  # noqa: BLE001  (the crash is the point)
                outcome.append(error)

        worker = threading.Thread(target=ingest_big, daemon=True)
        worker.start()
        assert wait_for_open_write(graph, worker), "the ingest's write transaction never showed up"
        server.kill()
        worker.join(timeout=120)  # the driver gives up retrying; only then restart
        assert not worker.is_alive()
        assert outcome and isinstance(outcome[0], BaseException), f"ingest was not interrupted: {outcome}"

        server.start()
        # the same Graph object (driver) works again after the restart: the app recovers by itself
        after = export.to_json(graph)
        assert after == before_crash  # byte-identical: the killed transaction left nothing at all
        assert big_id not in mentions_per_document(after)

        rerun = ingest_paths(graph, [*samples, big])
        assert [r.status for r in rerun] == [IngestStatus.UNCHANGED] * len(samples) + [IngestStatus.LOADED]
        final = export.to_json(graph)
        assert without_ingest_times(final) == without_ingest_times(reference)
        assert mentions_per_document(final) == mentions_per_document(reference)
    finally:
        graph.close()


# Transactions open on the server other than this one (the test waits for an ingest's write).
OPEN_TRANSACTIONS = """
SHOW TRANSACTIONS YIELD transactionId, currentQuery, status, elapsedTime
WHERE NOT currentQuery CONTAINS 'SHOW TRANSACTIONS'
RETURN transactionId AS id, currentQuery AS query, status, elapsedTime.milliseconds AS elapsed_ms
"""


def wait_for_open_write(graph: Graph, worker: threading.Thread) -> bool:
    """True once a transaction other than ours has been running for KILL_AFTER_MS (the ingest's write)."""
    deadline = time.monotonic() + WAIT_FOR_WRITE_S
    while time.monotonic() < deadline and worker.is_alive():
        with graph.session() as session:
            open_transactions = session.run(OPEN_TRANSACTIONS).data()
        if any((row["elapsed_ms"] or 0) >= KILL_AFTER_MS for row in open_transactions):
            return True
        time.sleep(0.05)
    return False


@pytest.mark.db  # its own server, started and killed by the test
@pytest.mark.slow
def test_graph_reconnects_after_a_clean_restart(own_server: tuple[LocalNeo4j, Settings]) -> None:
    server, settings = own_server
    with Graph(settings) as graph:
        schema.migrate(graph)
        ingest_file(graph, sorted(SAMPLE_DIR.iterdir())[0])
        before = export.to_json(graph)
        server.stop()
        server.start()
        assert export.to_json(graph) == before
        graph.verify()


# --- load: readers and editors at once (a short run; `projektdb loadtest --full` runs 5 minutes) ------


def test_short_load_run_has_no_errors(graph: Graph, neo4j_settings: Settings) -> None:
    from projektdb.loadtest import local_app, run_load

    assert all(r.ok for r in ingest_paths(graph, sorted(SAMPLE_DIR.iterdir())))
    with local_app(neo4j_settings) as url:
        report = run_load(graph, seconds=20, readers=25, editors=2, app_url=url)
    assert report["error_samples"] == [] and report["errors"] == 0
    assert report["threads_still_running"] == 0
    operations = report["operations"]
    assert operations["app /_stcore/health"]["count"] > 0 and operations["app sidan"]["count"] > 0
    assert operations["dokument: inläsning"]["count"] >= 2  # both editors uploaded at least once
    assert operations["redigera: spara"]["count"] >= 2  # and saved a form
    assert sum(o["count"] for o in operations.values()) > 50
    # every editor document written is whole: in the graph with its mentions
    data = export.to_json(graph)
    documents = [n["id"] for n in json.loads(data)["nodes"] if "Document" in n["labels"]]
    assert 5 + 2 <= len(documents) <= 5 + 2 * 3
    assert all(mentions_per_document(data)[d] > 0 for d in documents)


def test_load_test_refuses_anything_but_loopback(graph: Graph) -> None:
    from projektdb.loadtest import LoadTestError, run_load

    with pytest.raises(LoadTestError, match="localhost"):
        run_load(graph, seconds=1, app_url="http://192.0.2.10:8501")
