"""Read results shared by every session of one process, kept until the data changes.

A result is stored with the write generation it was computed at (``Graph.write_generation``: a
counter every write transaction, in any process, counts up). The generation is asked of the
database on every call (one index lookup; ``check_every_s`` can space the asks out); when it has
moved on, a stored result is stale.

- **One computation per key at a time.** When many sessions ask for the same missing result, one
  computes it and the others wait for that one (no stampede on a cold or changed graph).
- **The previous result while the new one is computed.** After a change, the first caller
  computes the new result and whoever asks meanwhile gets the previous one at once, so readers
  do not queue behind every editor's save. A reader alone on the page always sees the current
  data; under load, a result is at most one computation behind the newest write.
- **Your own writes are never hidden.** A caller passes ``at_least`` (the generation its own last
  write produced, see ``written``): a result older than that is not returned; it waits for the new.

Results are kept pickled and unpickled per call, so no caller can change another's copy (the
semantics of ``st.cache_data``). At most ``max_entries`` are kept, the least recently used go.
"""

from __future__ import annotations

import logging
import pickle
import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Hashable
from concurrent.futures import Future
from dataclasses import dataclass
from typing import TypeVar, cast

T = TypeVar("T")
log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Entry:
    generation: int
    blob: bytes


@dataclass(frozen=True)
class Flight:
    """A computation under way: the generation it started at, and its pickled result to come."""

    generation: int
    result: Future[bytes]


@dataclass
class CacheStats:
    hits: int = 0
    stale_hits: int = 0
    misses: int = 0
    waits: int = 0


class SharedCache:
    def __init__(
        self,
        generation: Callable[[], int],
        check_every_s: float = 0.0,
        max_entries: int = 512,
    ) -> None:
        self._read_generation = generation
        self._check_every_s = check_every_s
        self._max_entries = max_entries
        self._lock = threading.Lock()
        self._entries: OrderedDict[Hashable, Entry] = OrderedDict()
        self._flights: dict[Hashable, Flight] = {}
        self._generation = -1
        self._checked_at = float("-inf")
        self.stats = CacheStats()

    def get(self, key: Hashable, compute: Callable[[], T], at_least: int = 0) -> T:
        """The result for ``key``: stored, or computed by ``compute`` (once, whoever else asks)."""
        current = self.generation(at_least)
        with self._lock:
            entry = self._entries.get(key)
            if entry is not None and entry.generation >= current:
                self._entries.move_to_end(key)
                self.stats.hits += 1
                return cast(T, pickle.loads(entry.blob))
            flight = self._flights.get(key)
            if flight is not None and entry is not None and entry.generation >= at_least:
                # someone is computing the new result: the previous one meanwhile
                self.stats.stale_hits += 1
                return cast(T, pickle.loads(entry.blob))
            if flight is None or flight.generation < at_least:
                # nothing under way, or only a computation that began before the caller's own write
                flight = Flight(current, Future())
                self._flights[key] = flight
                self.stats.misses += 1
                leader = True
            else:
                self.stats.waits += 1
                leader = False
        if leader:
            self._run(key, compute, flight)
        return cast(T, pickle.loads(flight.result.result()))

    def generation(self, at_least: int = 0) -> int:
        """The write generation, asked of the database when the last answer is older than
        ``check_every_s`` or lower than ``at_least`` (the caller knows of a newer write)."""
        now = time.monotonic()
        with self._lock:
            if self._generation >= at_least and now - self._checked_at < self._check_every_s:
                return self._generation
        value = self._read_generation()
        with self._lock:
            if value > self._generation:
                self._generation = value
            self._checked_at = now
            return self._generation

    def written(self) -> int:
        """After a write of one's own: the generation it produced (pass it as ``at_least``)."""
        with self._lock:
            self._checked_at = float("-inf")
        return self.generation()

    def clear(self) -> None:
        with self._lock:
            self._entries.clear()
            self._checked_at = float("-inf")

    # --- computing ------------------------------------------------------------------------------

    def _run(self, key: Hashable, compute: Callable[[], object], flight: Flight) -> None:
        try:
            blob = pickle.dumps(compute(), protocol=pickle.HIGHEST_PROTOCOL)
        except BaseException as error:  # the waiting callers get the error, the key is free again
            with self._lock:
                if self._flights.get(key) is flight:
                    del self._flights[key]
            flight.result.set_exception(error)
            if not isinstance(error, Exception):
                raise
            log.debug("shared cache: computing %r failed: %s", key, error)
            return
        with self._lock:
            if self._flights.get(key) is flight:
                del self._flights[key]
            stored = self._entries.get(key)
            if stored is None or stored.generation <= flight.generation:
                self._entries[key] = Entry(flight.generation, blob)
                self._entries.move_to_end(key)
                while len(self._entries) > self._max_entries:
                    self._entries.popitem(last=False)
        flight.result.set_result(blob)
