"""A bounded load test: concurrent readers and editors on the data layer, and the app's HTTP server.

Streamlit serves its pages over one websocket per browser tab and runs the page scripts on the
server, so the load that matters is what the scripts do: the ``graph`` functions the pages call.
Each reader is a thread that plays one user session, calling those functions (search, projects,
project detail, gaps, overlaps, documents, export) in a random mix through one shared ``Graph``,
exactly as the app shares its cached connection; each editor re-ingests generated documents
(``ingest_file(force=True)``: one write transaction per document, the app's write path). A poller
fetches ``/_stcore/health`` and the page from the app to show its server stays up.

Everything is loopback only and bounded in time. Lives in projektdb/ (next to projektdb/bench/)
because it is an operator's tool driving the app's functions, not a part of the data layer.
"""

from __future__ import annotations

import functools
import importlib
import math
import os
import random
import subprocess
import sys
import tempfile
import threading
import time
from collections import defaultdict
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

from graph import schema
from graph.db import Graph
from graph.server import LocalNeo4j, free_port
from graph.settings import PROJECT_ROOT, Settings, load_settings

LOOPBACK = {"127.0.0.1", "localhost", "::1"}
SEARCH_TERMS = (
    "samordnad individuell plan",
    "fast vårdkontakt",
    "barn och unga",
    "psykisk ohälsa",
    "hälsofrämjande",
    "digitala vårdbesök",
    "kompetensförsörjning",
    "äldre",
    "mobila team",
    'SIP "nära vård"',
    "vård*",
    "rehab~",
    "(hälsa OR omsorg) AND NOT barn",
    "a:b/c\\d [1 TO 2]",
)
APP_START_TIMEOUT_S = 60.0
STOP_GRACE_S = 120.0


class LoadTestError(RuntimeError):
    """A load test that cannot run (not on loopback, no app); the message is for the user."""


Operation = Callable[[Graph, random.Random], Any]


@dataclass
class Recorder:
    """Latencies and errors per operation, from many threads."""

    latencies: dict[str, list[float]] = field(default_factory=lambda: defaultdict(list))
    errors: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    samples: list[str] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def timed(self, name: str, work: Callable[[], Any]) -> None:
        began = time.perf_counter()
        try:
            work()
        except Exception as error:  # noqa: BLE001  (every failure is counted, none stops the run)
            with self.lock:
                self.errors[name] += 1
                if len(self.samples) < 20:
                    self.samples.append(f"{name}: {type(error).__name__}: {str(error)[:300]}")
            return
        elapsed = (time.perf_counter() - began) * 1000
        with self.lock:
            self.latencies[name].append(elapsed)

    def summary(self) -> dict[str, dict[str, float | int]]:
        names = sorted(set(self.latencies) | set(self.errors))
        return {name: _stats(self.latencies.get(name, []), self.errors.get(name, 0)) for name in names}


def _stats(values: list[float], errors: int) -> dict[str, float | int]:
    ordered = sorted(values)
    return {
        "count": len(ordered),
        "errors": errors,
        "p50_ms": round(_percentile(ordered, 50), 1),
        "p95_ms": round(_percentile(ordered, 95), 1),
        "max_ms": round(ordered[-1], 1) if ordered else 0.0,
    }


def _percentile(ordered: list[float], percent: float) -> float:
    """Nearest-rank percentile of a sorted list (0 for an empty one)."""
    if not ordered:
        return 0.0
    rank = max(1, math.ceil(percent / 100 * len(ordered)))
    return ordered[rank - 1]


# --- what a reader does ---------------------------------------------------------------------------


def _function(module: str, name: str) -> Callable[..., Any] | None:
    """``graph.<module>.<name>`` when that part of the project exists (as ui/data.py does)."""
    try:
        found = importlib.import_module(f"graph.{module}")
    except ImportError:
        return None
    candidate = getattr(found, name, None)
    return candidate if callable(candidate) else None


def reader_operations(project_ids: list[str]) -> tuple[dict[str, tuple[Operation, float]], list[str]]:
    """name → (operation, weight) for the page functions that exist, and the names missing."""
    wanted: dict[str, tuple[str, str, float, Callable[[Callable[..., Any]], Operation]]] = {
        "sök": ("analytics.search", "search", 4.0, lambda f: lambda g, r: f(g, r.choice(SEARCH_TERMS))),
        "projekt per fokusområde": ("queries", "projects_by_focus_area", 2.0, lambda f: lambda g, r: f(g)),
        "projektlista": ("queries", "project_facts", 1.0, lambda f: lambda g, r: f(g)),
        "projektdetalj": ("queries", "node_detail", 3.0, lambda f: _detail(f, project_ids)),
        "luckor": ("analytics.gaps", "all_gaps", 1.0, lambda f: lambda g, r: f(g)),
        "överlapp": ("analytics.overlaps", "all_overlaps", 0.5, lambda f: lambda g, r: f(g)),
        "liknande initiativ": (
            "analytics.related",
            "related_to_project",
            1.0,
            lambda f: _related(f, project_ids),
        ),
        "dokument": ("queries", "documents", 1.0, lambda f: lambda g, r: f(g)),
        "export": ("export", "to_json", 0.3, lambda f: lambda g, r: f(g)),
    }
    found: dict[str, tuple[Operation, float]] = {}
    missing: list[str] = []
    for name, (module, function, weight, make) in wanted.items():
        target = _function(module, function)
        if target is None or (name in ("projektdetalj", "liknande initiativ") and not project_ids):
            missing.append(f"{name} (graph.{module}.{function})")
            continue
        found[name] = (make(target), weight)
    return found, missing


def _detail(node_detail: Callable[..., Any], project_ids: list[str]) -> Operation:
    relations = _function("queries", "node_relations")

    def work(graph: Graph, rng: random.Random) -> None:
        project = rng.choice(project_ids)
        node_detail(graph, project)
        if relations is not None:
            relations(graph, [project])

    return work


def _related(related: Callable[..., Any], project_ids: list[str]) -> Operation:
    return lambda graph, rng: related(graph, rng.choice(project_ids))


def _project_ids(graph: Graph) -> list[str]:
    facts = _function("queries", "project_facts")
    if facts is None:
        return []
    return sorted(str(row["id"]) for row in facts(graph) if row.get("id"))


# --- the run --------------------------------------------------------------------------------------


def editor_documents(folder: Path, editors: int, per_editor: int = 3) -> list[list[Path]]:
    """Generated local plans (text), ``per_editor`` for each editor, none shared between editors."""
    from ingest.synthetic.generator import national_plans
    from ingest.synthetic.writers import write_plan

    plans = [p for p in national_plans(seed=2024, projects=120, counties=1) if p.kind == "lokal plan"]
    paths = [write_plan(plan, folder, "txt") for plan in plans[: editors * per_editor]]
    return [paths[i::editors] for i in range(editors)]


def check_loopback(graph: Graph, app_url: str | None) -> None:
    host = urlparse(graph.settings.uri).hostname
    if host not in LOOPBACK:
        raise LoadTestError(f"Lasttestet körs bara mot en databas på localhost, inte {host}.")
    if app_url and urlparse(app_url).hostname not in LOOPBACK:
        raise LoadTestError(f"Lasttestet körs bara mot en app på localhost, inte {app_url}.")


def run_load(
    graph: Graph,
    seconds: float,
    readers: int = 25,
    editors: int = 2,
    app_url: str | None = None,
    seed: int = 1,
) -> dict[str, Any]:
    """Run for ``seconds``; returns the report (JSON-ready): counts, errors, p50/p95 per operation."""
    check_loopback(graph, app_url)
    project_ids = _project_ids(graph)
    operations, missing = reader_operations(project_ids)
    if not operations:
        raise LoadTestError("Inga av appens läsfunktioner finns att belasta.")
    names = list(operations)
    weights = [operations[n][1] for n in names]
    recorder = Recorder()
    stop = threading.Event()
    writes = [0] * editors

    def reader(index: int) -> None:
        rng = random.Random(seed * 1000 + index)
        while not stop.is_set():
            name = rng.choices(names, weights)[0]
            recorder.timed(name, functools.partial(operations[name][0], graph, rng))

    def editor(index: int, documents: list[Path]) -> None:
        from ingest.pipeline import ingest_file

        turn = 0
        while not stop.is_set():
            path = documents[turn % len(documents)]
            turn += 1

            def write(path: Path = path) -> None:
                report = ingest_file(graph, path, force=True)
                if not report.ok:
                    raise RuntimeError(report.error)

            recorder.timed("redigering (inläsning)", write)
            writes[index] += 1
            stop.wait(0.5)  # an editor pauses between saves

    def poller() -> None:
        import requests

        assert app_url is not None
        base = app_url.rstrip("/")
        with requests.Session() as http:
            while not stop.is_set():
                for name, path in (("app /_stcore/health", "/_stcore/health"), ("app sidan", "/")):
                    recorder.timed(name, functools.partial(_get, http, base + path))
                stop.wait(0.5)

    with tempfile.TemporaryDirectory(prefix="projektdb-load-") as tmp:
        documents = editor_documents(Path(tmp), editors) if editors else []
        threads = [threading.Thread(target=reader, args=(i,), daemon=True) for i in range(readers)]
        threads += [
            threading.Thread(target=editor, args=(i, docs), daemon=True) for i, docs in enumerate(documents)
        ]
        if app_url:
            threads.append(threading.Thread(target=poller, daemon=True))
        began = time.monotonic()
        for thread in threads:
            thread.start()
        stop.wait(seconds)
        stop.set()
        for thread in threads:
            thread.join(timeout=max(0.0, began + seconds + STOP_GRACE_S - time.monotonic()))
        elapsed = time.monotonic() - began
    stuck = sum(thread.is_alive() for thread in threads)
    operations_summary = recorder.summary()
    errors = sum(s["errors"] for s in operations_summary.values()) + stuck
    return {
        "seconds": seconds,
        "elapsed_s": round(elapsed, 1),
        "readers": readers,
        "editors": editors,
        "database": graph.settings.uri,
        "server_version": graph.server_version(),
        "app_url": app_url,
        "projects": len(project_ids),
        "editor_writes": sum(writes),
        "operations": operations_summary,
        "not_available": missing,
        "threads_still_running": stuck,
        "errors": errors,
        "error_samples": recorder.samples,
    }


def _get(http: Any, url: str) -> None:
    response = http.get(url, timeout=10)
    response.raise_for_status()


# --- a scratch database and app, so a load test never touches real data --------------------------


@contextmanager
def scratch_database(seed_paths: list[Path] | None = None, backup: Path | None = None) -> Iterator[Settings]:
    """A fresh local Neo4j on a free loopback port in a temporary folder, loaded, then removed."""
    with tempfile.TemporaryDirectory(prefix="projektdb-load-db-") as tmp:
        env = {"PROJEKTDB_DATA_DIR": tmp, "PROJEKTDB_BOLT_PORT": str(free_port())}
        server = LocalNeo4j(load_settings(env), heap="1g", pagecache="256m")
        server.start()
        try:
            settings = load_settings(env)
            with Graph(settings) as graph:
                schema.migrate(graph)
                if backup is not None:
                    from graph.backup import restore

                    restore(graph, backup)
                else:
                    from ingest.pipeline import ingest_paths

                    ingest_paths(graph, seed_paths or [PROJECT_ROOT / "sample_data"])
            yield settings
        finally:
            server.stop()


@contextmanager
def local_app(settings: Settings) -> Iterator[str]:
    """The Streamlit app on a free loopback port, talking to ``settings``' database."""
    import requests

    port = free_port()
    env = {
        **os.environ,
        "PROJEKTDB_DATA_DIR": str(settings.data_dir),
        "PROJEKTDB_BOLT_PORT": str(settings.bolt_port),
    }
    env.pop("NEO4J_URI", None)
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "streamlit",
            "run",
            str(PROJECT_ROOT / "streamlit_app.py"),
            "--server.address",
            "127.0.0.1",
            "--server.port",
            str(port),
            "--server.headless",
            "true",
            "--browser.gatherUsageStats",
            "false",
        ],
        cwd=PROJECT_ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        stdin=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + APP_START_TIMEOUT_S
        while True:
            if process.poll() is not None:
                raise LoadTestError("Appen (Streamlit) avslutades direkt vid start.")
            try:
                if requests.get(f"{url}/_stcore/health", timeout=2).ok:
                    break
            except requests.RequestException:
                pass
            if time.monotonic() > deadline:
                raise LoadTestError("Appen (Streamlit) svarade inte inom en minut.")
            time.sleep(0.3)
        yield url
    finally:
        process.terminate()
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
