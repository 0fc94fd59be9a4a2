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

from domain import readable, titles
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
    node_name: str = ""  # the post's name now ("" when it is gone or the change is of no one post)

    @classmethod
    def from_row(cls, row: dict[str, Any], node_name: str | None = None) -> Change:
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
            node_name=node_name or "",
        )

    @property
    def post(self) -> str:
        """The post as a reader names it: its name now, or the name the change recorded."""
        if self.node_name:
            return readable.one_line(self.node_name)
        if self.action in ("create", "delete", "merge"):
            return readable.one_line(self.summary)
        return ""


@dataclass(frozen=True)
class ValueChange:
    """One field of a post as a change left it, as a reader reads it."""

    title: str  # the field's Swedish title
    before: str  # "" when it was empty
    after: str


def value_changes(change: Change) -> list[ValueChange]:
    """Old → new per changed field of an update, a process step or a review; [] for other actions.
    Bookkeeping fields (version, who and when) are left out: the change itself tells who and when."""
    if change.action not in ("update", "state", "review"):
        return []
    before, after = _values(change.before), _values(change.after)
    out = []
    for key in sorted(set(before) | set(after)):
        if key in titles.HIDDEN_PROPERTIES and key != "name":
            continue
        old, new = readable.shown_value(key, before.get(key)), readable.shown_value(key, after.get(key))
        if old != new:
            title = titles.property_title(key, change.label or None)
            out.append(ValueChange("Annat fält" if title == key else title, old, new))
    return out


def _values(recorded: Any) -> dict[str, Any]:
    if not isinstance(recorded, dict):
        return {}
    values = recorded.get("values", recorded)
    return {k: v for k, v in values.items() if k != "version"} if isinstance(values, dict) else {}


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
    return [Change.from_row(row["change"], row["node_name"]) for row in rows]


def get(graph: Graph, change_id: str) -> Change | None:
    row = graph.read_one("maintain/change", id=change_id)
    return Change.from_row(row["change"]) if row else None
