"""The read cache every session of the app shares (service/cache.py), against the real database:
results kept until a write (from any connection) changes the write generation, one computation per
key however many ask, the previous result to others while it runs, and one's own writes seen."""

from __future__ import annotations

import threading
import time

import pytest

from graph.db import Graph
from graph.settings import Settings
from ingest.pipeline import ingest_file
from service.cache import SharedCache
from service.reads import Reads
from tests.conftest import FARDPLAN


def _touch(graph: Graph) -> None:
    """Any committed write: a Meta bookkeeping node of its own."""
    graph.write("meta/bump_writes")


def test_every_write_transaction_counts_up_the_generation(graph: Graph, neo4j_settings: Settings) -> None:
    before = graph.write_generation()
    assert ingest_file(graph, FARDPLAN).ok
    after_ingest = graph.write_generation()
    assert after_ingest > before
    with Graph(neo4j_settings, read_only=True) as reader:  # another connection sees the same number
        assert reader.write_generation() == after_ingest
        with pytest.raises(Exception):  # noqa: B017  (a refused write counts nothing)
            reader.write("meta/bump_writes")
    assert graph.write_generation() == after_ingest


def test_a_result_is_kept_until_another_connection_writes(graph: Graph, neo4j_settings: Settings) -> None:
    cache = SharedCache(graph.write_generation)
    calls: list[int] = []

    def compute() -> list[int]:
        calls.append(1)
        return [len(calls)]

    assert cache.get("k", compute) == [1]
    assert cache.get("k", compute) == [1]
    assert len(calls) == 1
    with Graph(neo4j_settings) as other:  # e.g. the CLI beside the app
        _touch(other)
    assert cache.get("k", compute) == [2]
    assert len(calls) == 2


def test_callers_get_copies_not_the_stored_object(graph: Graph) -> None:
    cache = SharedCache(graph.write_generation)
    first = cache.get("rows", lambda: [{"name": "a"}])
    first[0]["name"] = "changed by a page"
    assert cache.get("rows", lambda: [{"name": "b"}]) == [{"name": "a"}]


def test_many_callers_of_a_missing_result_wait_for_one_computation(graph: Graph) -> None:
    cache = SharedCache(graph.write_generation)
    calls: list[int] = []
    results: list[str] = []

    def slow() -> str:
        calls.append(1)
        time.sleep(0.5)
        return "done"

    threads = [threading.Thread(target=lambda: results.append(cache.get("k", slow))) for _ in range(12)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert results == ["done"] * 12
    assert len(calls) == 1
    assert cache.stats.misses == 1 and cache.stats.waits == 11


def test_while_the_new_result_is_computed_others_get_the_previous_one(graph: Graph) -> None:
    cache = SharedCache(graph.write_generation)
    assert cache.get("k", lambda: "old") == "old"
    _touch(graph)
    started, release = threading.Event(), threading.Event()

    def new() -> str:
        started.set()
        release.wait(10)
        return "new"

    leader: list[str] = []
    thread = threading.Thread(target=lambda: leader.append(cache.get("k", new)))
    thread.start()
    assert started.wait(10)
    began = time.perf_counter()
    assert cache.get("k", lambda: "never") == "old"  # at once, not after the leader
    assert time.perf_counter() - began < 1.0
    release.set()
    thread.join()
    assert leader == ["new"]
    assert cache.get("k", lambda: "never") == "new"


def test_a_caller_that_wrote_never_gets_a_result_from_before_its_write(graph: Graph) -> None:
    cache = SharedCache(graph.write_generation)
    assert cache.get("k", lambda: "before") == "before"
    started, release = threading.Event(), threading.Event()
    _touch(graph)

    def slow_reader() -> str:  # began before the caller's own write below
        started.set()
        release.wait(10)
        return "from before the write"

    other = threading.Thread(target=lambda: cache.get("k", slow_reader))
    other.start()
    assert started.wait(10)
    _touch(graph)
    mine = cache.written()
    assert cache.get("k", lambda: "after", at_least=mine) == "after"
    release.set()
    other.join()
    assert cache.get("k", lambda: "never", at_least=mine) == "after"  # the older result did not replace it


def test_a_failed_computation_reaches_its_callers_and_frees_the_key(graph: Graph) -> None:
    cache = SharedCache(graph.write_generation)

    def broken() -> str:
        raise ValueError("no")

    with pytest.raises(ValueError):
        cache.get("k", broken)
    assert cache.get("k", lambda: "fine") == "fine"


def test_at_most_max_entries_are_kept(graph: Graph) -> None:
    cache = SharedCache(graph.write_generation, max_entries=3)
    for key in range(5):
        cache.get(key, lambda key=key: key)
    calls: list[int] = []
    assert cache.get(0, lambda: calls.append(1) or 0) == 0
    assert calls == [1]  # the oldest went
    assert cache.get(4, lambda: calls.append(1) or 4) == 4
    assert calls == [1]


def test_the_pages_reads_follow_an_ingest(graph: Graph) -> None:
    reads = Reads(graph)
    assert reads.documents() == []
    assert ingest_file(graph, FARDPLAN).ok
    documents = reads.documents()
    assert len(documents) == 1
    assert reads.project_facts()
    assert reads.cache.stats.hits == 0
    assert reads.documents() == documents
    assert reads.cache.stats.hits == 1


def test_a_reset_of_the_graph_is_a_change_too(graph: Graph) -> None:
    from graph import schema

    assert ingest_file(graph, FARDPLAN).ok
    reads = Reads(graph)
    assert len(reads.documents()) == 1
    before = graph.write_generation()
    schema.reset(graph)
    assert graph.write_generation() > before  # the generation never goes back
    assert reads.documents() == []
