"""Undo a recorded change by applying its ``before``; the undo is itself a change in the history.

Undo refuses (Swedish message) when the node changed after the change, rather than overwrite
someone's later work.
"""

from __future__ import annotations

from neo4j import ManagedTransaction

from graph.db import Graph, run
from graph.maintain import MaintainError, history
from graph.maintain.edit import restore, snapshot
from graph.maintain.merge import split_in

LATER_CHANGE = "Ändringen kan inte ångras: posten har ändrats efter den. Ångra de senare ändringarna först."


def undo(graph: Graph, change_id: str, user: str) -> str:
    """Undo one change; returns the id of the undo's own change."""
    return graph.run_write(lambda tx: _undo(tx, change_id, user))


def _undo(tx: ManagedTransaction, change_id: str, user: str) -> str:
    rows = run(tx, "maintain/change", id=change_id)
    if not rows:
        raise MaintainError("Ändringen finns inte.")
    change = history.Change.from_row(rows[0]["change"])
    if change.undone_by:
        raise MaintainError("Ändringen är redan ångrad.")
    if change.action == "merge":
        return split_in(tx, change_id, user)
    if change.action in ("update", "state", "review"):
        _undo_update(tx, change)
    elif change.action == "create":
        _current(tx, change.node_id)
        run(tx, "maintain/delete_node", id=change.node_id)
    elif change.action == "delete":
        restore(tx, change.before)
    elif change.action == "relate":
        rel = change.after
        run(tx, "maintain/unrelate", type=rel["type"], start=rel["start"], end=rel["end"])
    elif change.action == "unrelate":
        rel = change.before
        row = {"dir": "out", "type": rel["type"], "other": rel["end"], "properties": rel["properties"]}
        run(tx, "maintain/create_relationships", id=rel["start"], rows=[row])
    else:
        raise MaintainError("Den här sortens ändring kan inte ångras.")
    undo_id = history.record(
        tx,
        user=user,
        action="undo",
        node_id=change.node_id,
        label=change.label,
        summary=f"{history.ACTION_TITLES.get(change.action, change.action)}: {change.summary}",
        after={"change": change_id},
    )
    run(tx, "maintain/mark_undone", id=change_id, undo_id=undo_id, at=history.now())
    return undo_id


def _undo_update(tx: ManagedTransaction, change: history.Change) -> None:
    current = _current(tx, change.node_id)
    values = current["properties"]
    if any(values.get(k) != v for k, v in change.after["values"].items()):
        raise MaintainError(LATER_CHANGE)
    run(tx, "maintain/set_properties", id=change.node_id, changes=change.before["values"])


def _current(tx: ManagedTransaction, node_id: str) -> dict:
    try:
        return snapshot(tx, node_id)
    except MaintainError as error:
        raise MaintainError("Ändringen kan inte ångras: posten finns inte längre.") from error
