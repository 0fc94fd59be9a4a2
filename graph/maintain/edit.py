"""Editing nodes and relationships by hand, with optimistic locking and a recorded history.

Edited property names are kept in ``n.edited`` so that a re-ingest does not overwrite them (see
docs/maintenance.md); nodes made by hand carry ``manual: true`` and relationships ``manual: true``.
"""

from __future__ import annotations

import uuid
from typing import Any

from neo4j import ManagedTransaction

from domain import forms
from domain.ids import ID_PREFIX, make_id
from graph.db import Graph, run
from graph.maintain import Conflict, MaintainError, conflict_message, history

Row = dict[str, Any]


def get_node(graph: Graph, node_id: str) -> Row | None:
    """``{"id", "label", "properties", "version"}`` or None."""
    return graph.read_one("maintain/node", id=node_id)


def nodes_by_label(graph: Graph, label: str) -> list[Row]:
    forms.fields(label)  # validates the label
    return graph.read("queries/nodes_by_label", label=label)


def relationships_of(graph: Graph, node_id: str) -> list[Row]:
    return graph.read("maintain/relationships_of", id=node_id)


def mentions_of(graph: Graph, node_id: str, limit: int = 50) -> list[Row]:
    return graph.read("maintain/mentions_of", id=node_id, limit=limit)


def display_name(properties: dict[str, Any]) -> str:
    for key in ("name", "text", "summary", "title"):
        if properties.get(key):
            return str(properties[key])
    return str(properties.get("id", ""))


# --- nodes ---------------------------------------------------------------------------------------


def update_node(
    graph: Graph,
    node_id: str,
    changes: dict[str, Any],
    expected_version: int,
    user: str,
    action: str = "update",
) -> Row:
    """Save a form. Raises ``Conflict`` when the node changed since ``expected_version`` was read."""
    return graph.run_write(lambda tx: update_in(tx, node_id, changes, expected_version, user, action))


def update_in(
    tx: ManagedTransaction,
    node_id: str,
    changes: dict[str, Any],
    expected_version: int,
    user: str,
    action: str = "update",
    protect: bool = True,
) -> Row:
    node = _node(tx, node_id)
    system = () if protect else forms.REVIEW_FIELDS
    cleaned = forms.clean_changes(node["label"], changes, system)
    current = node["properties"]
    changed = {k: v for k, v in cleaned.items() if not _same(current.get(k), v)}
    if node["version"] != expected_version:
        saved_by = current.get("updated_by")
        raise Conflict(conflict_message(saved_by), node["version"], saved_by)
    if not changed:
        return {"properties": current, "version": node["version"], "change": None}
    rows = run(
        tx,
        "maintain/update_node",
        id=node_id,
        expected_version=expected_version,
        changes=changed,
        edited=sorted(changed) if protect else [],
        at=history.now(),
        user=user,
    )
    if not rows:  # changed between the read above and the write
        raise Conflict(conflict_message(None))
    after = rows[0]["after"]
    change_id = history.record(
        tx,
        user=user,
        action=action,
        node_id=node_id,
        label=node["label"],
        summary=", ".join(sorted(changed)),
        before={"values": {k: current.get(k) for k in changed}, "version": expected_version},
        after={"values": changed, "version": after["version"]},
    )
    return {"properties": after, "version": after["version"], "change": change_id}


def _same(stored: Any, sent: Any) -> bool:
    """A form cannot leave a field unset: an absent property and an empty box, an unticked box or an
    empty list are the same value, so saving a form changes only what the editor changed."""
    return stored == sent or (_blank(stored) and _blank(sent))


def _blank(value: Any) -> bool:
    return value is None or value is False or value == "" or value == []


def create_node(graph: Graph, label: str, properties: dict[str, Any], user: str) -> str:
    """A new node made by hand; returns its id."""
    return graph.run_write(lambda tx: create_in(tx, label, properties, user))


def create_in(tx: ManagedTransaction, label: str, properties: dict[str, Any], user: str) -> str:
    cleaned = {k: v for k, v in forms.clean_changes(label, properties).items() if v is not None}
    name = display_name(cleaned)
    if not name:
        raise MaintainError("Ange ett namn.")
    node_id = make_id(ID_PREFIX[label], name[:60], uuid.uuid4().hex[:8])
    at = history.now()
    stored = {
        **cleaned,
        "manual": True,
        "confidence": 1.0,
        "version": 1,
        "created_at": at,
        "created_by": user,
        "edited": sorted(cleaned),
    }
    after = run(tx, "maintain/create_node", id=node_id, label=label, properties=stored)[0]["after"]
    history.record(tx, user=user, action="create", node_id=node_id, label=label, summary=name, after=after)
    return node_id


def delete_node(graph: Graph, node_id: str, user: str, action: str = "delete") -> str:
    """Delete a node and its relationships; the history keeps a snapshot so that undo restores it."""
    return graph.run_write(lambda tx: delete_in(tx, node_id, user, action))


def delete_in(tx: ManagedTransaction, node_id: str, user: str, action: str = "delete") -> str:
    node = _node(tx, node_id)
    snap = snapshot(tx, node_id)
    run(tx, "maintain/delete_node", id=node_id)
    return history.record(
        tx,
        user=user,
        action=action,
        node_id=node_id,
        label=node["label"],
        summary=display_name(node["properties"]),
        before=snap,
    )


def snapshot(tx: ManagedTransaction, node_id: str) -> Row:
    rows = run(tx, "maintain/node_snapshot", id=node_id)
    if not rows:
        raise MaintainError("Posten finns inte längre.")
    return rows[0]


def restore(tx: ManagedTransaction, snap: Row) -> None:
    """Re-create a node from its snapshot, with every relationship whose other end still exists."""
    node_id = snap["properties"]["id"]
    if run(tx, "maintain/node", id=node_id):
        raise MaintainError("Det finns redan en post med samma id.")
    run(
        tx,
        "maintain/restore_node",
        id=node_id,
        properties=snap["properties"],
        labels=[label for label in snap["labels"] if label != "Entity"],
    )
    run(tx, "maintain/create_relationships", id=node_id, rows=snap["relationships"])


def _node(tx: ManagedTransaction, node_id: str) -> Row:
    rows = run(tx, "maintain/node", id=node_id)
    if not rows:
        raise MaintainError("Posten finns inte (den kan ha tagits bort eller slagits ihop med en annan).")
    return rows[0]


# --- relationships -------------------------------------------------------------------------------


def relate(
    graph: Graph, rel_type: str, start: str, end: str, user: str, properties: dict[str, Any] | None = None
) -> None:
    graph.run_write(lambda tx: relate_in(tx, rel_type, start, end, user, properties or {}))


def relate_in(
    tx: ManagedTransaction, rel_type: str, start: str, end: str, user: str, properties: dict[str, Any]
) -> None:
    a, b = _node(tx, start), _node(tx, end)
    forms.check_relationship(rel_type, a["label"], b["label"])
    clean = {k: str(v) for k, v in properties.items() if k == "role" and v}
    run(
        tx,
        "maintain/relate",
        type=rel_type,
        start=start,
        end=end,
        properties=clean,
        user=user,
        at=history.now(),
    )
    history.record(
        tx,
        user=user,
        action="relate",
        node_id=start,
        label=a["label"],
        summary=f"{forms.RELATIONSHIP_TITLES[rel_type]} {display_name(b['properties'])}",
        after={"type": rel_type, "start": start, "end": end, "properties": clean},
    )


def unrelate(graph: Graph, rel_type: str, start: str, end: str, user: str) -> None:
    def work(tx: ManagedTransaction) -> None:
        if rel_type not in forms.RELATIONSHIPS:
            raise MaintainError(f"Okänd relation: {rel_type}.")
        a, b = _node(tx, start), _node(tx, end)
        rows = run(tx, "maintain/unrelate", type=rel_type, start=start, end=end)
        if not rows:
            raise MaintainError("Relationen finns inte.")
        history.record(
            tx,
            user=user,
            action="unrelate",
            node_id=start,
            label=a["label"],
            summary=f"{forms.RELATIONSHIP_TITLES[rel_type]} {display_name(b['properties'])}",
            before={"type": rel_type, "start": start, "end": end, "properties": rows[0]["before"]},
        )

    graph.run_write(work)
