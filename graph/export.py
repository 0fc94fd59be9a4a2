"""JSON export: the whole graph in one stable, documented shape.

    {"nodes": [{"id", "labels", "properties"}], "relationships": [{"type", "start", "end", "properties"}]}

Nodes are referred to by their ``id`` property. Everything is sorted and serialised with sorted
keys, so the same graph always gives the same bytes. ``ingested_at`` says when a file was loaded,
not what the graph holds, so it is left out, as is ``computed_at`` of derived RELATED_TO pairs:
the same documents give the same export whenever and in whatever order they were ingested
(backups keep both).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from neo4j import ManagedTransaction
from neo4j.time import Date, DateTime

from graph.db import Graph, run

VOLATILE = frozenset({"ingested_at", "computed_at"})


def snapshot(graph: Graph) -> dict[str, list[dict[str, Any]]]:
    def work(tx: ManagedTransaction) -> dict[str, list[dict[str, Any]]]:
        nodes = [
            {"id": row["id"], "labels": sorted(row["labels"]), "properties": _content(row["properties"])}
            for row in run(tx, "backup/nodes")
            if _complete(row, "id", "labels", "properties")
        ]
        relationships = [
            {
                "type": row["type"],
                "start": row["start"],
                "end": row["end"],
                "properties": _content(row["properties"]),
            }
            for row in run(tx, "backup/relationships")
            if _complete(row, "type", "start", "end", "properties")
        ]
        return {"nodes": nodes, "relationships": relationships}

    data = graph.run_read(work)
    data["nodes"].sort(key=lambda n: (n["id"], n["labels"]))
    data["relationships"].sort(key=lambda r: (r["type"], r["start"], r["end"], _dump(r["properties"])))
    return data


def to_json(graph: Graph) -> bytes:
    return (_dump(snapshot(graph), indent=1) + "\n").encode("utf-8")


def write_json(graph: Graph, path: Path) -> int:
    data = to_json(graph)
    path.write_bytes(data)
    return len(data)


def _complete(row: dict[str, Any], *keys: str) -> bool:
    """False for an entity deleted by a concurrent commit after it was matched: reading committed
    data, its type, labels or ends then come back as null (seen under the load test's editors)."""
    return all(row[key] is not None for key in keys)


def _content(properties: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in _plain(properties).items() if k not in VOLATILE}


def _dump(value: Any, indent: int | None = None) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True, indent=indent)


def _plain(value: Any) -> Any:
    """Neo4j temporal values as ISO strings; lists and maps recursively."""
    if isinstance(value, Date | DateTime):
        return value.iso_format()
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    return value
