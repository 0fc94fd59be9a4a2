"""Timing and memory: latency percentiles over repeated calls, peak RSS, the Neo4j heap."""

from __future__ import annotations

import resource
import statistics
import sys
import time
from collections.abc import Callable
from typing import Any

from graph.db import Graph

Measure = dict[str, Any]


def percentile(samples: list[float], q: float) -> float:
    """The q-th percentile (0..100) by linear interpolation between the closest ranks."""
    ordered = sorted(samples)
    if not ordered:
        return float("nan")
    rank = (len(ordered) - 1) * q / 100
    low = int(rank)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (rank - low)


MIN_RUNS = 5


def latency(call: Callable[[int], Any], runs: int, warmup: int, budget_s: float | None = None) -> Measure:
    """p50/p95/max in milliseconds of ``call(i)`` over ``runs`` timed calls after ``warmup`` untimed ones.

    ``i`` is the run's number, so a measure can rotate through inputs (search terms, projects).
    With ``budget_s``, a slow measure stops after that many seconds of timed calls (at least
    ``MIN_RUNS``); ``runs`` in the result is how many were timed.
    """
    for i in range(warmup):
        call(i)
    samples: list[float] = []
    for i in range(runs):
        began = time.perf_counter()
        call(warmup + i)
        samples.append((time.perf_counter() - began) * 1000)
        if budget_s is not None and len(samples) >= MIN_RUNS and sum(samples) / 1000 > budget_s:
            break
    return {
        "runs": len(samples),
        "p50_ms": round(percentile(samples, 50), 2),
        "p95_ms": round(percentile(samples, 95), 2),
        "max_ms": round(max(samples), 2),
        "mean_ms": round(statistics.fmean(samples), 2),
    }


def timed(call: Callable[[], Any]) -> tuple[float, Any]:
    began = time.perf_counter()
    result = call()
    return time.perf_counter() - began, result


def python_peak_rss_mb() -> float:
    """The peak resident set of this process so far (getrusage; kB on Linux, bytes on macOS)."""
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    divisor = 1024 * 1024 if sys.platform == "darwin" else 1024
    return round(peak / divisor, 1)


def neo4j_heap_mb(graph: Graph) -> dict[str, float]:
    """Heap used, committed and max of the Neo4j JVM (JMX), in MB."""
    row = graph.read_one("bench/heap") or {}
    return {key: round((row.get(key) or 0) / 1024 / 1024, 1) for key in ("used", "committed", "max")}


class HeapSampler:
    """The largest Neo4j heap use seen at the points a benchmark samples it."""

    def __init__(self, graph: Graph) -> None:
        self.graph = graph
        self.peak_used_mb = 0.0
        self.max_mb = 0.0

    def sample(self) -> None:
        try:
            heap = neo4j_heap_mb(self.graph)
        except Exception:  # a server without JMX procedures: the figure stays 0
            return
        self.peak_used_mb = max(self.peak_used_mb, heap["used"])
        self.max_mb = heap["max"]
