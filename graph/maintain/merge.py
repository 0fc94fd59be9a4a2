"""Merging duplicates and splitting a wrong merge, keeping every relationship and all provenance.

A merge moves every relationship of the duplicate (``drop``) to the node that stays (``keep``):
a relationship ``keep`` already has to the same node gets the union of ``sources`` and
``source_docs``; any other is copied with its properties (every ``MENTIONED_IN`` is copied, so all
provenance stays). The duplicate's name and aliases become aliases of ``keep``, its id goes into
``keep.merged_ids``, and properties ``keep`` lacks are filled from it. The ``merge`` change keeps
both snapshots and the plan, so ``split`` puts everything back.
"""

from __future__ import annotations

from typing import Any

from neo4j import ManagedTransaction

from graph.db import Graph, run
from graph.maintain import MaintainError, history
from graph.maintain.edit import Row, display_name, restore, snapshot

UNION_KEYS = ("sources", "source_docs")
BOOKKEEPING = frozenset({"id", "version", "edited", "confidence", "props_source", "manual", "distinct_from"})


def merge(graph: Graph, keep: str, drop: str, user: str) -> str:
    """Merge ``drop`` into ``keep``; returns the id of the recorded change."""
    if keep == drop:
        raise MaintainError("Välj två olika poster.")
    return graph.run_write(lambda tx: _merge(tx, keep, drop, user))


def _merge(tx: ManagedTransaction, keep_id: str, drop_id: str, user: str) -> str:
    keep, drop = snapshot(tx, keep_id), snapshot(tx, drop_id)
    keep_label = _label(keep)
    if keep_label != _label(drop):
        raise MaintainError("Bara poster av samma typ kan slås ihop.")
    existing = {
        (r["dir"], r["type"], r["other"]): r["properties"]
        for r in keep["relationships"]
        if r["type"] != "MENTIONED_IN"
    }
    creates: list[Row] = []
    updates: list[Row] = []
    for rel in drop["relationships"]:
        if rel["other"] in (keep_id, drop_id):
            continue  # between the two: would become a loop; split restores it from the snapshot
        key = (rel["dir"], rel["type"], rel["other"])
        if key in existing:
            before = existing[key]
            after = _union(before, rel["properties"])
            existing[key] = after
            updates.append(
                {"dir": key[0], "type": key[1], "other": key[2], "properties": after, "before": before}
            )
        else:
            creates.append(rel)
            if rel["type"] != "MENTIONED_IN":
                existing[key] = rel["properties"]
    run(tx, "maintain/create_relationships", id=keep_id, rows=creates)
    run(tx, "maintain/update_relationships", id=keep_id, rows=updates)
    run(tx, "maintain/delete_node", id=drop_id)
    changes = _keep_changes(keep["properties"], drop["properties"])
    run(tx, "maintain/set_properties", id=keep_id, changes=changes)
    return history.record(
        tx,
        user=user,
        action="merge",
        node_id=keep_id,
        label=keep_label,
        summary=f"{display_name(drop['properties'])} → {display_name(keep['properties'])}",
        before={"keep": {k: keep["properties"].get(k) for k in changes}, "drop": drop},
        after={"keep": changes, "created": creates, "updated": updates},
    )


def split(graph: Graph, change_id: str, user: str) -> str:
    """Take back a merge: the duplicate returns with its own relationships and properties."""
    return graph.run_write(lambda tx: split_in(tx, change_id, user))


def split_in(tx: ManagedTransaction, change_id: str, user: str) -> str:
    rows = run(tx, "maintain/change", id=change_id)
    if not rows:
        raise MaintainError("Ändringen finns inte.")
    change = history.Change.from_row(rows[0]["change"])
    if change.action != "merge":
        raise MaintainError("Bara en sammanslagning kan delas upp.")
    if change.undone_by:
        raise MaintainError("Sammanslagningen är redan uppdelad.")
    keep_id = change.node_id
    run(tx, "maintain/delete_relationships", id=keep_id, rows=change.after["created"])
    run(
        tx,
        "maintain/update_relationships",
        id=keep_id,
        rows=[{**u, "properties": u["before"]} for u in change.after["updated"]],
    )
    run(tx, "maintain/set_properties", id=keep_id, changes=change.before["keep"])
    drop = change.before["drop"]
    restore(tx, drop)
    split_id = history.record(
        tx,
        user=user,
        action="split",
        node_id=keep_id,
        label=change.label,
        summary=change.summary.replace("→", "↛"),
        after={"change": change_id, "restored": drop["properties"]["id"]},
    )
    run(tx, "maintain/mark_undone", id=change_id, undo_id=split_id, at=history.now())
    return split_id


def _label(snap: Row) -> str:
    return next(label for label in snap["labels"] if label != "Entity")


def _union(a: dict[str, Any], b: dict[str, Any]) -> dict[str, Any]:
    merged = {**b, **a}
    for key in UNION_KEYS:
        if key in a or key in b:
            merged[key] = sorted(set(a.get(key, [])) | set(b.get(key, [])))
    return merged


def _keep_changes(keep: dict[str, Any], drop: dict[str, Any]) -> dict[str, Any]:
    """The properties of ``keep`` that the merge sets: aliases, merged_ids and gaps filled from drop."""
    names = [drop.get("name"), *drop.get("aliases", [])] if drop.get("name") != keep.get("name") else []
    aliases = sorted({*keep.get("aliases", []), *(drop.get("aliases", [])), *(n for n in names if n)})
    aliases = [a for a in aliases if a != keep.get("name")]
    changes: dict[str, Any] = {
        "aliases": aliases,
        "merged_ids": sorted({*keep.get("merged_ids", []), drop["id"], *drop.get("merged_ids", [])}),
    }
    for key, value in drop.items():
        if key not in keep and key not in BOOKKEEPING and key not in changes:
            changes[key] = value
    if "confidence" in drop:
        changes["confidence"] = max(keep.get("confidence", 0.0), drop["confidence"])
    return changes
