"""Backup and restore: the whole knowledge graph as a folder that any later version can read back.

A backup folder holds two files:

``graph.jsonl``
    one JSON object per line, sorted, with sorted keys: first every node
    ``{"kind": "node", "id", "labels", "properties"}``, then every relationship
    ``{"kind": "relationship", "type", "start", "end", "properties"}`` (``start``/``end`` are node
    ids), i.e. the export's shape. Temporal values keep their type as ``{"$date": "2024-05-01"}``,
    ``{"$datetime": ...}``, ``{"$localdatetime": ...}``, ``{"$time": ...}``, ``{"$localtime": ...}``
    or ``{"$duration": ...}``.
``manifest.json``
    format and format version, server and schema version, counts per label and type, and the
    sha256 and size of ``graph.jsonl``. Written last: a folder without it is not a backup.

Restore writes into an EMPTY database only (the schema may be there; it is applied first), in
batched UNWIND transactions, and checks the counts against the manifest at the end.
"""

from __future__ import annotations

import hashlib
import json
import os
import time
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import neo4j.time
from neo4j import ManagedTransaction

from graph import schema
from graph.db import Graph, run

FORMAT = "projektdb-backup"
FORMAT_VERSION = 1
DATA_FILE = "graph.jsonl"
MANIFEST_FILE = "manifest.json"
BATCH_SIZE = 1000
READ_ATTEMPTS = 5
_CHUNK = 1024 * 1024


class BackupError(RuntimeError):
    """A backup or restore that cannot be done; the message is for the user (Swedish, English)."""


@dataclass(frozen=True)
class BackupResult:
    folder: Path
    nodes: int
    relationships: int
    sha256: str
    bytes: int


# --- backup ---------------------------------------------------------------------------------------


def backup(graph: Graph, folder: Path) -> BackupResult:
    """Write the whole graph to ``folder`` (created; must not hold a backup already)."""
    folder = Path(folder)
    if (folder / MANIFEST_FILE).exists() or (folder / DATA_FILE).exists():
        raise BackupError(
            f"Mappen {folder} innehåller redan en säkerhetskopia; välj en ny mapp. "
            f"(The folder already holds a backup; choose a new folder.)"
        )
    folder.mkdir(parents=True, exist_ok=True)
    nodes, relationships = _consistent_read(graph)
    nodes.sort(key=lambda n: n["id"])
    relationships.sort(key=lambda r: (r["type"], r["start"], r["end"], _dumps(r["properties"])))

    partial = folder / f"{DATA_FILE}.partial"
    digest = hashlib.sha256()
    size = 0
    with open(partial, "wb") as handle:
        for record in _records(nodes, relationships):
            line = (_dumps(record) + "\n").encode("utf-8")
            digest.update(line)
            size += len(line)
            handle.write(line)
        handle.flush()
        os.fsync(handle.fileno())
    os.replace(partial, folder / DATA_FILE)

    schema_row = graph.read_one("admin/schema_version") or {}
    manifest = {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "created_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "server_version": graph.server_version(),
        "schema_version": schema_row.get("version"),
        "database": graph.database,
        "nodes": len(nodes),
        "relationships": len(relationships),
        "labels": dict(sorted(Counter(label for n in nodes for label in n["labels"]).items())),
        "relationship_types": dict(sorted(Counter(r["type"] for r in relationships).items())),
        "data_file": DATA_FILE,
        "sha256": digest.hexdigest(),
        "bytes": size,
    }
    _write_atomically(folder / MANIFEST_FILE, (json.dumps(manifest, indent=1) + "\n").encode("utf-8"))
    return BackupResult(folder, len(nodes), len(relationships), manifest["sha256"], size)


def _consistent_read(graph: Graph) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """Nodes and relationships that fit together.

    Neo4j reads are read-committed: an ingest that commits while the backup reads can delete a node
    between the check and the read of its properties, or add a relationship whose node was read
    before it existed. Such a read is thrown away and done again.
    """
    for attempt in range(READ_ATTEMPTS):
        nodes, relationships = graph.run_read(_read_all)
        vanished = [n for n in nodes if n["id"] is None and not n["labels"] and not n["properties"]]
        without_id = [n for n in nodes if n["id"] is None and n not in vanished]
        if without_id:
            raise BackupError(
                f"{len(without_id)} noder saknar egenskapen id och kan inte säkerhetskopieras. "
                f"({len(without_id)} nodes have no id property.)"
            )
        ids = Counter(node["id"] for node in nodes if node["id"] is not None)
        duplicated = sorted(i for i, n in ids.items() if n > 1)
        dangling = [r for r in relationships if r["start"] not in ids or r["end"] not in ids]
        if not vanished and not dangling and not duplicated:
            return nodes, relationships
        if duplicated and not vanished and not dangling and attempt == READ_ATTEMPTS - 1:
            shown = ", ".join(map(str, duplicated[:5]))
            raise BackupError(f"Flera noder har samma id ({shown}). (Several nodes share an id.)")
        time.sleep(0.5 * (attempt + 1))
    raise BackupError(
        "Databasen ändrades hela tiden medan säkerhetskopian lästes. Försök igen när ingen läser in "
        "dokument. (The database kept changing during the backup; try again when no one writes.)"
    )


def _read_all(tx: ManagedTransaction) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """Nodes and relationships in one read transaction."""
    nodes = [
        {"id": row["id"], "labels": sorted(row["labels"]), "properties": row["properties"]}
        for row in run(tx, "backup/nodes")
    ]
    relationships = list(run(tx, "backup/relationships"))
    return nodes, relationships


def _records(nodes: list[dict[str, Any]], relationships: list[dict[str, Any]]) -> Iterator[dict[str, Any]]:
    for node in nodes:
        yield {"kind": "node", **node, "properties": encode(node["properties"])}
    for rel in relationships:
        yield {
            "kind": "relationship",
            "type": rel["type"],
            "start": rel["start"],
            "end": rel["end"],
            "properties": encode(rel["properties"]),
        }


# --- restore --------------------------------------------------------------------------------------


def read_manifest(folder: Path) -> dict[str, Any]:
    """The manifest, after checking format, version and the data file's checksum."""
    folder = Path(folder)
    path = folder / MANIFEST_FILE
    try:
        manifest = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError as error:
        raise BackupError(
            f"{path} saknas: mappen är ingen (färdig) säkerhetskopia. "
            f"(No manifest.json: not a complete backup.)"
        ) from error
    except (json.JSONDecodeError, UnicodeDecodeError) as error:
        raise BackupError(f"{path} är skadad. (The manifest is corrupt: {error}.)") from error
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        raise BackupError(f"{path} är ingen projektdb-säkerhetskopia. (Not a projektdb backup.)")
    if type(manifest.get("format_version")) is not int or manifest["format_version"] != FORMAT_VERSION:
        raise BackupError(
            f"Säkerhetskopians format {manifest.get('format_version')} kan inte läsas av den här "
            f"versionen (som läser format {FORMAT_VERSION}). (Unsupported backup format version.)"
        )
    for key, (check, expected) in MANIFEST_TYPES.items():
        if not check(manifest.get(key)):
            raise BackupError(
                f"{path}: fältet {key} ska vara {expected}, inte {manifest.get(key)!r}: manifestet är "
                f"skadat. (Manifest field {key} has the wrong type.)"
            )
    data = folder / manifest["data_file"]
    if data.parent != folder:
        raise BackupError("Manifestet pekar utanför mappen. (The manifest points outside the folder.)")
    if not data.is_file() or data.stat().st_size != manifest["bytes"] or _sha256(data) != manifest["sha256"]:
        raise BackupError(
            f"{data.name} saknas eller stämmer inte med manifestets kontrollsumma: säkerhetskopian "
            f"är skadad. (The data file is missing or does not match its sha256.)"
        )
    return manifest


def restore(graph: Graph, folder: Path, batch_size: int = BATCH_SIZE) -> dict[str, Any]:
    """Read a backup into an empty database; returns the manifest. The whole backup is checked
    first (manifest types, checksum, every record, counts, every relationship's ends): a bad
    backup is refused before anything, the schema included, is written."""
    folder = Path(folder)
    manifest = read_manifest(folder)
    backup_schema = manifest["schema_version"] or 0
    if backup_schema > schema.schema_version():
        raise BackupError(
            f"Säkerhetskopian har schemaversion {backup_schema}, men den här versionen av projektdb "
            f"känner bara till {schema.schema_version()}: uppdatera projektdb först. "
            f"(The backup is from a newer schema.)"
        )
    existing = _counts(graph)
    if existing["nodes"] or existing["relationships"]:
        raise BackupError(
            f"Databasen är inte tom ({existing['nodes']} noder). Återställning görs bara till en tom "
            f"databas: töm den först med `projektdb db reset`. "
            f"(Restore only writes into an empty database; run `projektdb db reset` first.)"
        )
    validate(folder, manifest)
    schema.migrate(graph)

    elements: dict[str, str] = {}
    nodes: list[dict[str, Any]] = []
    relationships: list[dict[str, Any]] = []
    for record in _read_records(folder / manifest["data_file"]):
        if record["kind"] == "node":
            nodes.append(
                {"id": record["id"], "labels": record["labels"], "properties": decode(record["properties"])}
            )
            if len(nodes) >= batch_size:
                _create_nodes(graph, nodes, elements)
                nodes = []
        else:
            if nodes:
                _create_nodes(graph, nodes, elements)
                nodes = []
            relationships.append(_relationship_row(record, elements))
            if len(relationships) >= batch_size:
                graph.write("backup/create_relationships", rows=relationships)
                relationships = []
    if nodes:
        _create_nodes(graph, nodes, elements)
    if relationships:
        graph.write("backup/create_relationships", rows=relationships)

    restored = _counts(graph)
    expected = {"nodes": manifest["nodes"], "relationships": manifest["relationships"]}
    if restored != expected:
        raise BackupError(
            f"Återställningen gav {restored} men säkerhetskopian har {expected}. "
            f"(The restored counts differ from the manifest.)"
        )
    return manifest


def validate(folder: Path, manifest: dict[str, Any]) -> None:
    """Read the whole data file once without writing: every record well formed, node ids
    unique, all nodes before the relationships, every relationship's ends among the nodes, and
    the counts per label and type equal to the manifest's. Raises BackupError (Swedish first)."""
    path = folder / manifest["data_file"]
    ids: set[str] = set()
    labels: Counter[str] = Counter()
    types: Counter[str] = Counter()
    relationships = 0
    for number, record in enumerate(_read_records(path), 1):
        where = f"{path.name} rad {number}"
        if not isinstance(record.get("properties"), dict):
            raise BackupError(f"{where}: egenskaperna saknas. (Properties missing.)")
        try:
            decode(record["properties"])
        except (TypeError, ValueError, KeyError, AttributeError) as error:
            raise BackupError(
                f"{where}: ett värde kan inte läsas. (A value cannot be read: {error}.)"
            ) from error
        if record["kind"] == "node":
            node_id, node_labels = record.get("id"), record.get("labels")
            if not isinstance(node_id, str) or not node_id:
                raise BackupError(f"{where}: noden saknar id. (A node without id.)")
            if not _strings(node_labels) or not node_labels:
                raise BackupError(f"{where}: noden {node_id!r} saknar etiketter. (A node without labels.)")
            if relationships:
                raise BackupError(
                    f"{where}: noden {node_id!r} kommer efter relationerna. (A node after the relationships.)"
                )
            if node_id in ids:
                raise BackupError(f"{where}: noden {node_id!r} finns två gånger. (A node id occurs twice.)")
            ids.add(node_id)
            labels.update(node_labels)
        else:
            kind, start, end = record.get("type"), record.get("start"), record.get("end")
            if not isinstance(kind, str) or not kind:
                raise BackupError(f"{where}: relationen saknar typ. (A relationship without type.)")
            for node_id in (start, end):
                if node_id not in ids:
                    raise BackupError(
                        f"{where}: en relation pekar på noden {node_id!r} som inte finns i "
                        f"säkerhetskopian. (A relationship refers to a missing node.)"
                    )
            relationships += 1
            types[kind] += 1
    found = {
        "nodes": len(ids),
        "relationships": relationships,
        "labels": dict(sorted(labels.items())),
        "relationship_types": dict(sorted(types.items())),
    }
    for key, value in found.items():
        stated = manifest[key]
        if isinstance(stated, dict):
            stated = dict(sorted(stated.items()))
        if stated != value:
            raise BackupError(
                f"Säkerhetskopians {key} stämmer inte med manifestet: filen har {value}, manifestet "
                f"säger {stated}. Inget har skrivits. (The data file does not match the manifest.)"
            )


def _strings(value: Any) -> bool:
    return isinstance(value, list) and all(isinstance(item, str) for item in value)


def _count(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and value >= 0


def _counter(value: Any) -> bool:
    return isinstance(value, dict) and all(isinstance(k, str) and _count(v) for k, v in value.items())


# the manifest's fields and the check each value must pass (schema_version may be null: very old)
MANIFEST_TYPES: dict[str, tuple[Callable[[Any], bool], str]] = {
    "schema_version": (lambda v: v is None or _count(v), "ett heltal"),
    "nodes": (_count, "ett heltal"),
    "relationships": (_count, "ett heltal"),
    "labels": (_counter, "antal per etikett"),
    "relationship_types": (_counter, "antal per relationstyp"),
    "data_file": (lambda v: isinstance(v, str) and bool(v), "ett filnamn"),
    "sha256": (lambda v: isinstance(v, str) and len(v) == 64, "en sha256-summa"),
    "bytes": (_count, "ett heltal"),
}


def _create_nodes(graph: Graph, rows: list[dict[str, Any]], elements: dict[str, str]) -> None:
    for row in graph.write("backup/create_nodes", rows=rows):
        elements[row["id"]] = row["element"]


def _relationship_row(record: dict[str, Any], elements: dict[str, str]) -> dict[str, Any]:
    try:
        start, end = elements[record["start"]], elements[record["end"]]
    except KeyError as error:
        raise BackupError(
            f"En relation pekar på noden {error.args[0]!r} som inte finns i säkerhetskopian. "
            f"(A relationship refers to a missing node.)"
        ) from error
    return {"type": record["type"], "start": start, "end": end, "properties": decode(record["properties"])}


def _read_records(path: Path) -> Iterator[dict[str, Any]]:
    with open(path, encoding="utf-8") as handle:
        for number, line in enumerate(handle, 1):
            try:
                record = json.loads(line)
            except json.JSONDecodeError as error:
                message = f"{path.name} rad {number} är skadad. (Line {number} is corrupt.)"
                raise BackupError(message) from error
            if record.get("kind") not in ("node", "relationship"):
                raise BackupError(f"{path.name} rad {number}: okänd post. (Unknown record kind.)")
            yield record


def _counts(graph: Graph) -> dict[str, int]:
    row = graph.read_one("backup/counts") or {}
    return {"nodes": int(row.get("nodes", 0)), "relationships": int(row.get("relationships", 0))}


# --- typed values ---------------------------------------------------------------------------------


def encode(properties: dict[str, Any]) -> dict[str, Any]:
    """A property map as JSON; temporal values tagged with their type so restore keeps it."""
    return {key: _encode_value(value) for key, value in properties.items()}


def decode(properties: dict[str, Any]) -> dict[str, Any]:
    return {key: _decode_value(value) for key, value in properties.items()}


def _encode_value(value: Any) -> Any:
    if isinstance(value, list):
        return [_encode_value(v) for v in value]
    if isinstance(value, neo4j.time.DateTime):
        return {"$datetime" if value.tzinfo is not None else "$localdatetime": value.iso_format()}
    if isinstance(value, neo4j.time.Date):
        return {"$date": value.iso_format()}
    if isinstance(value, neo4j.time.Time):
        return {"$time" if value.tzinfo is not None else "$localtime": value.iso_format()}
    if isinstance(value, neo4j.time.Duration):
        return {"$duration": value.iso_format()}
    if value is None or isinstance(value, str | int | float | bool):
        return value
    raise BackupError(
        f"Egenskapstypen {type(value).__name__} stöds inte av säkerhetskopian. (Unsupported property type.)"
    )


def _decode_value(value: Any) -> Any:
    if isinstance(value, list):
        return [_decode_value(v) for v in value]
    if isinstance(value, dict) and len(value) == 1:
        ((tag, text),) = value.items()
        parse = _PARSERS.get(tag)
        if parse is not None:
            return parse(text)
    if isinstance(value, dict):
        raise BackupError(f"Okänt värde i säkerhetskopian: {value!r}. (Unknown tagged value.)")
    return value


_PARSERS: dict[str, Callable[[str], Any]] = {
    "$date": neo4j.time.Date.from_iso_format,
    "$datetime": neo4j.time.DateTime.from_iso_format,
    "$localdatetime": neo4j.time.DateTime.from_iso_format,
    "$time": neo4j.time.Time.from_iso_format,
    "$localtime": neo4j.time.Time.from_iso_format,
    "$duration": neo4j.time.Duration.from_iso_format,
}


# --- files ----------------------------------------------------------------------------------------


def _dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        while chunk := handle.read(_CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


def _write_atomically(path: Path, data: bytes) -> None:
    partial = path.with_name(path.name + ".partial")
    with open(partial, "wb") as handle:
        handle.write(data)
        handle.flush()
        os.fsync(handle.fileno())
    os.replace(partial, path)
