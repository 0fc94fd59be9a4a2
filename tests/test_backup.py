"""Backup and restore against the real database: byte-identical round trip, refusals, the CLI."""

from __future__ import annotations

import hashlib
import json
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from typer.testing import CliRunner

from graph import backup, export, schema
from graph.db import Graph
from graph.settings import Settings
from ingest.pipeline import ingest_paths
from projektdb.cli import app
from tests.conftest import SAMPLE_DIR


@pytest.fixture
def corpus(graph: Graph) -> Graph:
    reports = ingest_paths(graph, sorted(SAMPLE_DIR.iterdir()))
    assert all(r.ok for r in reports)
    return graph


def test_backup_empty_database_restore_is_byte_identical(corpus: Graph, tmp_path: Path) -> None:
    before = export.to_json(corpus)
    result = backup.backup(corpus, tmp_path / "kopia")
    manifest = json.loads((tmp_path / "kopia" / "manifest.json").read_text())
    assert manifest["format"] == "projektdb-backup" and manifest["format_version"] == 1
    assert manifest["schema_version"] == schema.schema_version()
    assert manifest["server_version"].startswith("5.26")
    assert manifest["nodes"] == result.nodes > 100 and manifest["relationships"] == result.relationships
    assert manifest["labels"]["Document"] == 5

    schema.reset(corpus)
    assert export.to_json(corpus) != before
    backup.restore(corpus, tmp_path / "kopia", batch_size=97)  # odd batches: many transactions
    assert export.to_json(corpus) == before

    # and the restored graph backs up to the same bytes again
    backup.backup(corpus, tmp_path / "igen")
    assert (tmp_path / "igen" / "graph.jsonl").read_bytes() == (
        tmp_path / "kopia" / "graph.jsonl"
    ).read_bytes()


def test_property_types_survive(graph: Graph, tmp_path: Path) -> None:
    properties = {
        "id": "typer-1",
        "name": "Typer",
        "day": date(2024, 2, 29),
        "at": datetime(2024, 5, 1, 12, 30, tzinfo=UTC),
        "local": datetime(2024, 5, 1, 12, 30),
        "score": 0.5,
        "whole": 3.0,
        "count": 7,
        "flag": False,
        "tags": ["a", "b"],
        "years": [2024, 2025],
    }
    graph.write(
        "backup/create_nodes",
        rows=[{"id": "typer-1", "labels": ["Entity", "Decision"], "properties": properties}],
    )
    before = graph.read("backup/nodes")
    backup.backup(graph, tmp_path / "b")
    schema.reset(graph)
    backup.restore(graph, tmp_path / "b")
    after = graph.read("backup/nodes")
    assert after == before
    restored = after[0]["properties"]
    assert type(restored["day"]).__name__ == "Date" and type(restored["whole"]) is float
    assert restored["at"].tzinfo is not None and restored["local"].tzinfo is None


def test_restore_refuses_a_database_that_is_not_empty(corpus: Graph, tmp_path: Path) -> None:
    backup.backup(corpus, tmp_path / "b")
    before = export.to_json(corpus)
    with pytest.raises(backup.BackupError, match="inte tom"):
        backup.restore(corpus, tmp_path / "b")
    assert export.to_json(corpus) == before


def test_backup_refuses_to_overwrite(corpus: Graph, tmp_path: Path) -> None:
    backup.backup(corpus, tmp_path / "b")
    with pytest.raises(backup.BackupError, match="redan"):
        backup.backup(corpus, tmp_path / "b")


def test_damaged_backups_are_refused_and_write_nothing(corpus: Graph, tmp_path: Path) -> None:
    folder = tmp_path / "b"
    backup.backup(corpus, folder)
    schema.reset(corpus)
    data = folder / "graph.jsonl"
    original = data.read_bytes()

    data.write_bytes(original.replace(b'"Project"', b'"Projekt"', 1))  # one changed byte run
    with pytest.raises(backup.BackupError, match="kontrollsumma"):
        backup.restore(corpus, folder)
    data.write_bytes(original[: len(original) // 2])  # truncated
    with pytest.raises(backup.BackupError, match="kontrollsumma"):
        backup.restore(corpus, folder)
    data.write_bytes(original)

    manifest = json.loads((folder / "manifest.json").read_text())
    (folder / "manifest.json").write_text(json.dumps({**manifest, "format_version": 99}))
    with pytest.raises(backup.BackupError, match="format"):
        backup.restore(corpus, folder)
    (folder / "manifest.json").write_text(json.dumps({**manifest, "data_file": "../graph.jsonl"}))
    with pytest.raises(backup.BackupError, match="utanför"):
        backup.restore(corpus, folder)
    (folder / "manifest.json").write_text("{not json")
    with pytest.raises(backup.BackupError, match="skadad"):
        backup.restore(corpus, folder)
    (folder / "manifest.json").unlink()
    with pytest.raises(backup.BackupError, match="saknas"):
        backup.restore(corpus, folder)
    assert corpus.read_one("backup/counts") == {"nodes": 0, "relationships": 0}


def test_cli_backup_and_restore(
    corpus: Graph, neo4j_settings: Settings, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PROJEKTDB_DATA_DIR", str(neo4j_settings.data_dir))
    monkeypatch.setenv("PROJEKTDB_BOLT_PORT", str(neo4j_settings.bolt_port))
    monkeypatch.delenv("NEO4J_URI", raising=False)
    runner = CliRunner()
    before = export.to_json(corpus)

    done = runner.invoke(app, ["backup", str(tmp_path / "cli")])
    assert done.exit_code == 0, done.output
    assert "Säkerhetskopia" in done.output

    refused = runner.invoke(app, ["restore", str(tmp_path / "cli")])
    assert refused.exit_code == 1 and "inte tom" in " ".join(refused.output.split())

    assert runner.invoke(app, ["db", "reset", "--yes"]).exit_code == 0
    restored = runner.invoke(app, ["restore", str(tmp_path / "cli")])
    assert restored.exit_code == 0, restored.output
    assert export.to_json(corpus) == before


# --- restore validates the whole backup before it writes anything ------------------------------------


@pytest.fixture
def emptied_backup(corpus: Graph, tmp_path: Path) -> Path:
    """A good backup of the corpus, and the database emptied for its restore."""
    folder = tmp_path / "b"
    backup.backup(corpus, folder)
    schema.reset(corpus)
    return folder


def _edit_manifest(folder: Path, **changes: object) -> None:
    path = folder / "manifest.json"
    path.write_text(json.dumps({**json.loads(path.read_text()), **changes}))


def _rewrite_data(folder: Path, lines: list[bytes]) -> None:
    """Replace graph.jsonl and recompute the manifest's checksum and size: only validation can tell."""
    data = b"".join(lines)
    (folder / "graph.jsonl").write_bytes(data)
    _edit_manifest(folder, sha256=hashlib.sha256(data).hexdigest(), bytes=len(data))


def _untouched(graph: Graph) -> bool:
    return graph.read_one("backup/counts") == {"nodes": 0, "relationships": 0}


def test_restore_refuses_a_count_off_by_one_and_writes_nothing(graph: Graph, emptied_backup: Path) -> None:
    manifest = json.loads((emptied_backup / "manifest.json").read_text())
    _edit_manifest(emptied_backup, nodes=manifest["nodes"] + 1)
    with pytest.raises(backup.BackupError, match="stämmer inte"):
        backup.restore(graph, emptied_backup)
    assert _untouched(graph)


def test_restore_refuses_a_relationship_to_a_removed_node(graph: Graph, emptied_backup: Path) -> None:
    lines = (emptied_backup / "graph.jsonl").read_bytes().splitlines(keepends=True)
    records = [json.loads(line) for line in lines]
    ends = {r["start"] for r in records if r["kind"] == "relationship"}
    victim = next(i for i, r in enumerate(records) if r["kind"] == "node" and r["id"] in ends)
    removed = records[victim]
    _rewrite_data(emptied_backup, lines[:victim] + lines[victim + 1 :])
    # the counts made to agree too: only the dangling relationship is left to find
    manifest = json.loads((emptied_backup / "manifest.json").read_text())
    labels = {**manifest["labels"]}
    for label in removed["labels"]:
        labels[label] -= 1
    _edit_manifest(emptied_backup, nodes=manifest["nodes"] - 1, labels={k: v for k, v in labels.items() if v})
    with pytest.raises(backup.BackupError, match="pekar på noden"):
        backup.restore(graph, emptied_backup)
    assert _untouched(graph)


def test_restore_refuses_a_string_schema_version(graph: Graph, emptied_backup: Path) -> None:
    _edit_manifest(emptied_backup, schema_version=str(schema.schema_version()))
    with pytest.raises(backup.BackupError, match="schema_version"):
        backup.restore(graph, emptied_backup)
    assert _untouched(graph)


def test_restore_refuses_a_duplicate_node_id(graph: Graph, emptied_backup: Path) -> None:
    lines = (emptied_backup / "graph.jsonl").read_bytes().splitlines(keepends=True)
    manifest = json.loads((emptied_backup / "manifest.json").read_text())
    _rewrite_data(emptied_backup, [lines[0], *lines])
    labels = {**manifest["labels"]}
    for label in json.loads(lines[0])["labels"]:
        labels[label] += 1
    _edit_manifest(emptied_backup, nodes=manifest["nodes"] + 1, labels=labels)
    with pytest.raises(backup.BackupError, match="två gånger"):
        backup.restore(graph, emptied_backup)
    assert _untouched(graph)
