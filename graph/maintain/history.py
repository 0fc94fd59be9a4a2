"""The change history: one ``(:Change)`` per action, written in the same transaction as the action.

``before`` and ``after`` are JSON strings; what they hold depends on ``action``:

- ``update``, ``state``, ``review``: the changed keys' values (``{"key": value}``) and ``version``;
- ``create``: ``after`` is the new node's properties; ``delete``: ``before`` is the node's snapshot
  (labels, properties, relationships);
- ``relate`` / ``unrelate``: the relationship (``type``, ``start``, ``end``, ``properties``);
- ``merge``: ``before`` has both nodes' snapshots, ``after`` the plan of moved relationships;
- ``split`` and ``undo``: ``after`` names the change they take back.
"""

from __future__ import annotations

import json
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from neo4j import ManagedTransaction

from graph.db import Graph, run

ACTION_TITLES: dict[str, str] = {
    "create": "skapade",
    "update": "ändrade",
    "state": "bytte processteg",
    "review": "granskade",
    "delete": "tog bort",
    "relate": "lade till relation",
    "unrelate": "tog bort relation",
    "merge": "slog ihop",
    "split": "delade upp",
    "undo": "ångrade",
    "import": "importerade",
}


@dataclass(frozen=True)
class Change:
    id: str
    at: str
    user: str
    action: str
    node_id: str
    label: str
    summary: str
    before: Any
    after: Any
    undone_by: str | None = None

    @classmethod
    def from_row(cls, row: dict[str, Any]) -> Change:
        return cls(
            id=row["id"],
            at=row["at"],
            user=row["user"],
            action=row["action"],
            node_id=row["node_id"],
            label=row.get("label") or "",
            summary=row.get("summary") or "",
            before=json.loads(row["before"]) if row.get("before") else None,
            after=json.loads(row["after"]) if row.get("after") else None,
            undone_by=row.get("undone_by"),
        )


def now() -> str:
    return datetime.now(UTC).isoformat(timespec="microseconds")


def dumps(value: Any) -> str | None:
    if value is None:
        return None
    return json.dumps(value, ensure_ascii=False, sort_keys=True, default=_plain)


def _plain(value: Any) -> Any:
    iso = getattr(value, "iso_format", None)
    return iso() if iso else str(value)


def record(
    tx: ManagedTransaction,
    *,
    user: str,
    action: str,
    node_id: str,
    label: str = "",
    summary: str = "",
    before: Any = None,
    after: Any = None,
) -> str:
    change_id = f"change-{uuid.uuid4().hex}"
    run(
        tx,
        "maintain/record_change",
        id=change_id,
        at=now(),
        user=user,
        action=action,
        node_id=node_id,
        label=label,
        summary=summary,
        before=dumps(before),
        after=dumps(after),
    )
    return change_id


def history(
    graph: Graph, node_id: str | None = None, user: str | None = None, limit: int = 200
) -> list[Change]:
    rows = graph.read("maintain/history", node_id=node_id, user=user, limit=limit)
    return [Change.from_row(row["change"]) for row in rows]


def get(graph: Graph, change_id: str) -> Change | None:
    row = graph.read_one("maintain/change", id=change_id)
    return Change.from_row(row["change"]) if row else None
