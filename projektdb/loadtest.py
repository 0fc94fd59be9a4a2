"""A bounded load test: concurrent readers and editors on the data layer, and the app's HTTP server.

Streamlit serves its pages over one websocket per browser tab and runs the page scripts on the
server, so the load that matters is what the scripts do: the reads the pages make. Each reader
is a thread that plays one user session, opening pages (search, overview, projects per focus
area, a project, gaps, overlaps, documents, export) in a random mix, each page the reads its
script makes, through one shared ``service.reads.Reads`` (its cache) and one ``Graph``, exactly
as the app shares them between sessions. Each editor uploads a generated document (the Dokument
page's path: the document stored, its derived data refreshed by a background job), then saves a
project form three times (Redigera's write), and starts over. Readers look at a page about a
second before the next click, editors fill in a form about five seconds (``--think``,
EDITOR_PAUSE_S). A poller fetches ``/_stcore/health`` and the page from the app to show its
server stays up.

Everything is loopback only and bounded in time. Lives in projektdb/ (next to projektdb/bench/)
because it is an operator's tool driving the app's functions, not a part of the data layer.
"""

from __future__ import annotations

import dataclasses
import functools
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

from graph import queries, schema
from graph.db import Graph
from graph.maintain import edit
from graph.server import LocalNeo4j, free_port
from graph.settings import PROJECT_ROOT, Settings, load_settings
from service.jobs import BackgroundRefresh
from service.reads import Reads

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
UPLOAD_EVERY = 4  # an editor uploads a document first and every 4th time; the others are form edits
EDITOR_PAUSE_S = 5.0  # an editor fills in the next form about this long (0.5–1.5x)
SLOW_MS = 2000.0  # the target: every operation's p95 at most this
THINK_S = 1.0  # a reader looks at a page about this long (0.5–1.5x) before opening the next
APP_START_TIMEOUT_S = 60.0
STOP_GRACE_S = 120.0


class LoadTestError(RuntimeError):
    """A load test that cannot run (not on loopback, no app); the message is for the user."""


@dataclass
class Recorder:
    """Latencies and errors per operation, from many threads."""

    latencies: dict[str, list[float]] = field(default_factory=lambda: defaultdict(list))
    errors: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    samples: list[str] = field(default_factory=list)
    slow: list[tuple[float, float, str]] = field(default_factory=list)  # (ms, seconds into the run, name)
    lock: threading.Lock = field(default_factory=threading.Lock)
    began: float = field(default_factory=time.perf_counter)

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
            if elapsed > SLOW_MS:
                self.slow.append((round(elapsed, 1), round(began - self.began, 1), name))

    def slowest(self, count: int = 15) -> list[dict[str, float | str]]:
        """The slowest operations over SLOW_MS, with when in the run they began."""
        return [
            {"ms": ms, "at_s": at, "operation": name}
            for ms, at, name in sorted(self.slow, reverse=True)[:count]
        ]

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
# Each operation is one page as a reader opens it: the reads that page's script makes, through the
# service's shared cache (service/reads.py), exactly as the app makes them.

Operation = Callable[[Reads, random.Random], Any]


def _search(reads: Reads, rng: random.Random) -> None:
    term = rng.choice(SEARCH_TERMS)
    reads.search_projects(term)
    reads.related_to_text(term)


def _overview(reads: Reads, rng: random.Random) -> None:
    reads.overview()
    reads.project_timeline()
    reads.document_titles()


def _by_focus_area(reads: Reads, rng: random.Random) -> None:
    reads.focus_area_project_counts()
    reads.projects_by_focus_area()


def _gaps(reads: Reads, rng: random.Random) -> None:
    reads.focus_area_counties()
    reads.coverage_counts(None)
    reads.coverage_gaps()
    reads.goal_gaps()
    reads.indicator_gaps()
    reads.readiness()


def _overlaps(reads: Reads, rng: random.Random) -> None:
    reads.overlap_pairs()
    reads.overlap_clusters()


def _documents(reads: Reads, rng: random.Random) -> None:
    reads.documents()


def _export(reads: Reads, rng: random.Random) -> None:
    reads.export_json()


def _project(project_ids: list[str]) -> Operation:
    def work(reads: Reads, rng: random.Random) -> None:
        project = rng.choice(project_ids)
        reads.node_detail(project)
        reads.node_relation_groups(project)
        reads.related_to_project(project)

    return work


def reader_operations(project_ids: list[str]) -> dict[str, tuple[Operation, float]]:
    """name → (page, weight): how often readers open each page, relative to the others."""
    operations: dict[str, tuple[Operation, float]] = {
        "sök": (_search, 4.0),
        "översikt": (_overview, 1.0),
        "projekt per fokusområde": (_by_focus_area, 2.0),
        "luckor och överlapp: luckor": (_gaps, 1.0),
        "luckor och överlapp: överlapp": (_overlaps, 0.5),
        "dokument": (_documents, 1.0),
        "export": (_export, 0.3),
    }
    if project_ids:
        operations["projekt"] = (_project(project_ids), 3.0)
    return operations


def _project_ids(graph: Graph) -> list[str]:
    return sorted(str(row["id"]) for row in queries.project_facts(graph) if row.get("id"))


# --- what an editor does ----------------------------------------------------------------------------


def _edit_one(graph: Graph, reads: Reads, rng: random.Random, project_ids: list[str], editor: str) -> None:
    """Redigera: open a project, change its description, save (retry once on a conflict with the
    other editor, as a person would after reloading)."""
    project = rng.choice(project_ids)
    for _ in range(2):
        node = edit.get_node(graph, project)
        if node is None:
            return
        text = f"Beskrivning sparad av {editor} ({rng.randrange(10**6)})."
        try:
            edit.update_node(graph, project, {"description": text}, node["version"], editor)
        except edit.Conflict:
            continue
        reads.written()
        reads.node_detail(project)  # the page shows the saved project again
        return


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
    think_s: float = THINK_S,
) -> dict[str, Any]:
    """Run for ``seconds``; returns the report (JSON-ready): counts, errors, p50/p95 per operation."""
    check_loopback(graph, app_url)
    project_ids = _project_ids(graph)
    operations = reader_operations(project_ids)
    reads = Reads(graph)  # one for the whole run: the app keeps one per process
    background = BackgroundRefresh(graph)  # and one background refresh of the derived data
    names = list(operations)
    weights = [operations[n][1] for n in names]
    recorder = Recorder()
    stop = threading.Event()
    writes = [0] * editors

    def reader(index: int) -> None:
        rng = random.Random(seed * 1000 + index)
        stop.wait(rng.uniform(0, think_s))  # readers do not open their first page in the same instant
        while not stop.is_set():
            name = rng.choices(names, weights)[0]
            recorder.timed(name, functools.partial(operations[name][0], reads, rng))
            if think_s:
                stop.wait(rng.uniform(0.5, 1.5) * think_s)  # reading the page before the next click

    def editor(index: int, documents: list[Path]) -> None:
        from service.ingest import ingest_files

        rng = random.Random(seed * 1000 + readers + index)
        stop.wait(rng.uniform(0, EDITOR_PAUSE_S))  # editors do not start in the same instant
        turn = 0
        while not stop.is_set():
            turn += 1
            if turn % UPLOAD_EVERY == 1 or not project_ids:
                path = documents[(turn // UPLOAD_EVERY) % len(documents)]

                def upload(path: Path = path) -> None:  # the Dokument page's upload (ui/data.py)
                    [report] = ingest_files(graph, [path], force=True, refresh=False)
                    if not report.ok:
                        raise RuntimeError(report.error)
                    background.request()
                    reads.written()

                recorder.timed("dokument: inläsning", upload)
            else:
                work = functools.partial(_edit_one, graph, reads, rng, project_ids, f"redaktör {index + 1}")
                recorder.timed("redigera: spara", work)
            writes[index] += 1
            stop.wait(rng.uniform(0.5, 1.5) * EDITOR_PAUSE_S)

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
        # Each page once before the clock starts, as a running app has them: the first query after a
        # server start compiles its plan and warms the JVM, which no user of a running app waits for.
        warm_up = time.perf_counter()
        warm_rng = random.Random(seed)
        for operation, _ in operations.values():
            operation(reads, warm_rng)
        for term in SEARCH_TERMS:
            reads.search_projects(term)
        if documents:  # and an upload once: the app has loaded its readers and compiled its writes
            from service.ingest import ingest_files

            ingest_files(graph, [documents[0][0]], force=True)
        warm_up_s = time.perf_counter() - warm_up
        began = time.monotonic()
        recorder.began = time.perf_counter()
        for thread in threads:
            thread.start()
        stop.wait(seconds)
        stop.set()
        for thread in threads:
            thread.join(timeout=max(0.0, began + seconds + STOP_GRACE_S - time.monotonic()))
        elapsed = time.monotonic() - began
        refreshed = background.wait(timeout=STOP_GRACE_S)  # the last upload's derived data too
    stuck = sum(thread.is_alive() for thread in threads) + (0 if refreshed else 1)
    refreshes = background.status
    operations_summary = recorder.summary()
    errors = sum(s["errors"] for s in operations_summary.values()) + stuck + refreshes.failed
    return {
        "seconds": seconds,
        "elapsed_s": round(elapsed, 1),
        "readers": readers,
        "editors": editors,
        "reader_think_s": think_s,
        "warm_up_s": round(warm_up_s, 1),
        "database": graph.settings.uri,
        "server_version": graph.server_version(),
        "app_url": app_url,
        "projects": len(project_ids),
        "editor_writes": sum(writes),
        "operations": operations_summary,
        "cache": dataclasses.asdict(reads.cache.stats),
        "background_refresh": {  # after uploads: similar projects and search terms (service/jobs.py)
            **_stats([1000 * x for x in refreshes.seconds], refreshes.failed),
            "last_error": refreshes.last_error,
        },
        "threads_still_running": stuck,
        "errors": errors,
        "error_samples": recorder.samples,
        "slowest": recorder.slowest(),
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
                    from service.ingest import ingest_files

                    ingest_files(graph, seed_paths or [PROJECT_ROOT / "sample_data"])
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
