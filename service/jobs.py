"""Derived data (search terms, related initiatives, communities) brought up to date off the
request: an upload stores its document and returns; this job refreshes in the background.

One job per process, one refresh at a time (``graph.analytics.refresh`` also locks across
processes). Requests while it runs coalesce into one more refresh. Nothing is lost if the process
dies: the document's own transaction marked the derived data stale, and the next refresh anywhere
(the next ingest, ``projektdb db start``, ``projektdb refresh``) picks it up; until then readers see
the previous pairs, intact.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field

from graph.analytics.refresh import refresh_if_stale
from graph.db import Graph

log = logging.getLogger(__name__)


@dataclass
class RefreshStatus:
    running: bool = False
    pending: bool = False
    completed: int = 0
    failed: int = 0
    seconds: list[float] = field(default_factory=list)  # how long each completed refresh took
    last_error: str | None = None


class BackgroundRefresh:
    def __init__(self, graph: Graph, refresh: Callable[[Graph], object] = refresh_if_stale) -> None:
        self._graph = graph
        self._refresh = refresh
        self._lock = threading.Lock()
        self._idle = threading.Condition(self._lock)
        self._thread: threading.Thread | None = None
        self.status = RefreshStatus()

    def request(self) -> None:
        """Refresh soon: now if idle, else once more after the running refresh."""
        with self._lock:
            self.status.pending = True
            if self._thread is None or not self._thread.is_alive():
                self._thread = threading.Thread(target=self._loop, name="derived-refresh", daemon=True)
                self._thread.start()

    def busy(self) -> bool:
        with self._lock:
            return self.status.running or self.status.pending

    def wait(self, timeout: float | None = None) -> bool:
        """Until no refresh runs or waits (True), or ``timeout`` seconds (False)."""
        with self._idle:
            return self._idle.wait_for(lambda: not (self.status.running or self.status.pending), timeout)

    def _loop(self) -> None:
        while True:
            with self._lock:
                if not self.status.pending:
                    self.status.running = False
                    self._idle.notify_all()
                    return
                self.status.pending = False
                self.status.running = True
            began = time.perf_counter()
            try:
                self._refresh(self._graph)
            except Exception as error:  # noqa: BLE001  (the stale marker stays: the next request retries)
                log.warning("background refresh failed: %s", error, exc_info=True)
                with self._lock:
                    self.status.failed += 1
                    self.status.last_error = f"{type(error).__name__}: {error}"
            else:
                with self._lock:
                    self.status.completed += 1
                    self.status.seconds.append(time.perf_counter() - began)
