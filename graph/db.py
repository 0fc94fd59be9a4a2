"""The one place that opens the driver and runs named Cypher with parameters.

Reads and writes go through managed transactions (retried by the driver on transient errors);
``read_only=True`` opens every session in READ access mode, so the server itself refuses writes.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, TypeVar

import neo4j
from neo4j import GraphDatabase, ManagedTransaction, RoutingControl

from graph import cypher
from graph.settings import Settings, load_settings

T = TypeVar("T")
Row = dict[str, Any]


class DatabaseUnavailable(RuntimeError):
    """No database answers: not started, wrong address or password."""


class DiskFull(RuntimeError):
    """The local server's disk has less free space than ``Settings.min_free_mb``: nothing written."""

    def __init__(self, free_mb: int, needed_mb: int, folder: Path) -> None:
        super().__init__(f"Only {free_mb} MB free on the disk of {folder} (at least {needed_mb} MB needed).")
        self.free_mb, self.needed_mb = free_mb, needed_mb


class Graph:
    def __init__(self, settings: Settings | None = None, read_only: bool = False) -> None:
        self.settings = settings or load_settings()
        if self.settings.password is None:
            raise DatabaseUnavailable(
                "No password for the local Neo4j yet: run `projektdb db start` first "
                "(or set NEO4J_URI / NEO4J_USER / NEO4J_PASSWORD)."
            )
        self.read_only = read_only
        self.database = self.settings.database
        self.driver = GraphDatabase.driver(
            self.settings.uri,
            auth=(self.settings.user, self.settings.password),
            connection_acquisition_timeout=10.0,
            max_transaction_retry_time=15.0,
            # the server's hints ("label does not exist" on an empty graph) are not for users
            notifications_min_severity="OFF",
        )

    def close(self) -> None:
        self.driver.close()

    def __enter__(self) -> Graph:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()

    def verify(self) -> None:
        try:
            self.driver.verify_connectivity()
        except (neo4j.exceptions.ServiceUnavailable, OSError) as error:
            raise DatabaseUnavailable(f"Neo4j at {self.settings.uri} does not answer: {error}") from error
        except neo4j.exceptions.AuthError as error:
            raise DatabaseUnavailable(f"Neo4j at {self.settings.uri} refused the credentials.") from error
        except neo4j.exceptions.ClientError as error:
            if "AuthenticationRateLimit" not in (error.code or ""):
                raise
            raise DatabaseUnavailable(
                f"Neo4j at {self.settings.uri} refuses sign-ins for a few seconds after failed attempts."
            ) from error

    # --- named queries ------------------------------------------------------------------------

    def read(self, query: str, /, **params: Any) -> list[Row]:
        return self.run_read(lambda tx: run(tx, query, **params))

    def write(self, query: str, /, **params: Any) -> list[Row]:
        return self.run_write(lambda tx: run(tx, query, **params))

    def read_one(self, query: str, /, **params: Any) -> Row | None:
        rows = self.read(query, **params)
        return rows[0] if rows else None

    # --- transactions ---------------------------------------------------------------------------

    def run_read(self, work: Callable[[ManagedTransaction], T]) -> T:
        with self.session(read=True) as session:
            return session.execute_read(work)

    def run_write(self, work: Callable[[ManagedTransaction], T]) -> T:
        """One managed write transaction: all of ``work`` commits, or none of it. It ends by
        counting up the write generation (``cypher/meta/bump_writes.cypher``), last so that its
        lock is held only while the transaction commits."""

        def counted(tx: ManagedTransaction) -> T:
            result = work(tx)
            run(tx, "meta/bump_writes")
            return result

        self._check_disk()
        with self.session(read=False) as session:
            if self.read_only:
                # execute_write would ask for WRITE access whatever the session's default mode; a READ
                # transaction makes the server refuse every write ("Writing in read access mode ...").
                return session.execute_read(work)
            return session.execute_write(counted)

    def _check_disk(self) -> None:
        """Refuse a write before it starts when the local server's disk is nearly full: a write
        that fills it would stop the server for reads too (an external server watches its own)."""
        if not self.settings.local:
            return
        folder = self.settings.neo4j_home if self.settings.neo4j_home.exists() else self.settings.data_dir
        free_mb = shutil.disk_usage(folder).free // (1024 * 1024)
        if free_mb < self.settings.min_free_mb:
            raise DiskFull(free_mb, self.settings.min_free_mb, folder)

    def write_generation(self) -> int:
        """How many write transactions have committed (any process): a change means new data."""
        row = self.read_one("meta/writes")
        return int(row["generation"]) if row else 0

    @contextmanager
    def holding(self, query: str, /, **params: Any) -> Iterator[None]:
        """Run the named statement in a write transaction kept open while the block runs, then
        commit: the locks it took (a MERGE on a unique key) make another ``holding`` of the same
        statement, in any process, wait until this block is done. Rolled back on an error."""
        with self.session(read=False) as session:
            tx = session.begin_transaction()
            try:
                tx.run(cypher.load(query), params).consume()
                yield
                tx.commit()
            finally:
                if not tx.closed():
                    tx.rollback()

    @contextmanager
    def session(self, read: bool = True) -> Iterator[neo4j.Session]:
        mode = neo4j.READ_ACCESS if read or self.read_only else neo4j.WRITE_ACCESS
        with self.driver.session(database=self.database, default_access_mode=mode) as session:
            yield session

    def plan(self, query: str, /) -> dict[str, Any]:
        """The EXPLAIN plan of a named statement (no parameters needed): checks it compiles."""
        with self.session(read=True) as session:
            summary = session.run(f"EXPLAIN {cypher.load(query)}").consume()
        return dict(summary.plan or {})

    def server_version(self) -> str:
        rows = self.driver.execute_query(
            cypher.load("admin/components"), database_=self.database, routing_=RoutingControl.READ
        ).records
        return str(rows[0]["version"]) if rows else "unknown"


def run(tx: ManagedTransaction, query: str, /, **params: Any) -> list[Row]:
    """Run the named statement (a file under cypher/) inside an open transaction."""
    return [record.data() for record in tx.run(cypher.load(query), params)]
