"""Two ingests at once: the derived data (communities, RELATED_TO) ends up as after one run."""

from __future__ import annotations

import threading

from graph import export, schema
from graph.db import Graph
from ingest.pipeline import ingest_paths
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
