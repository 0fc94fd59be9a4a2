"""The ingest path end to end against the real database: counts, provenance, idempotence."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest
from typer.testing import CliRunner

from domain.states import IngestStatus
from graph import export, schema
from graph.db import Graph
from graph.settings import Settings
from ingest.pipeline import ingest_file, ingest_paths
from projektdb.cli import app
from tests.conftest import FARDPLAN, SAMPLE_DIR


def label_counts(graph: Graph) -> Counter[str]:
    return Counter(label for node in export.snapshot(graph)["nodes"] for label in node["labels"])


def test_fardplan_activity_tables_become_projects_with_provenance(graph: Graph) -> None:
    report = ingest_file(graph, FARDPLAN)
    assert report.status == IngestStatus.LOADED and report.kind == "färdplan" and report.county == "Sörmland"
    counts = label_counts(graph)
    assert counts["Document"] == 1
    assert counts["FocusArea"] == 5
    assert counts["Goal"] >= 30

    data = export.snapshot(graph)
    nodes = {n["id"]: n for n in data["nodes"]}
    mentions = [r for r in data["relationships"] if r["type"] == "MENTIONED_IN"]
    from_tables = {m["start"] for m in mentions if m["properties"]["extractor"] == "activity_table"}
    projects = [n for n in nodes.values() if "Project" in n["labels"] and n["id"] in from_tables]
    assert len(projects) == 30  # five activity tables: 5 + 5 + 7 + 8 + 5 rows
    for project in projects:
        quotes = [m["properties"]["quote"] for m in mentions if m["start"] == project["id"]]
        assert quotes, project["properties"]["name"]
        assert all(m["properties"]["page"] == 1 for m in mentions if m["start"] == project["id"])

    sip = next(p for p in projects if "samordnad individuell plan" in p["properties"]["name"].casefold())
    assert sip["properties"]["timeplan_text"] == "Pågående"
    assert sip["properties"]["status"] == "pågående"
    in_focus = {
        (r["start"], nodes[r["end"]]["properties"]["name"])
        for r in data["relationships"]
        if r["type"] == "IN_FOCUS_AREA"
    }
    assert (sip["id"], "Delaktighet och personcentrering") in in_focus
    responsible = [
        r for r in data["relationships"] if r["type"] == "RESPONSIBLE_FOR" and r["end"] == sip["id"]
    ]
    assert [nodes[r["start"]]["properties"]["name"] for r in responsible] == ["Respektive huvudman"]
    source = json.loads(responsible[0]["properties"]["sources"][0])
    assert source["document"] == report.document_id and "SIP" in source["quote"]


def test_reingest_changes_nothing(graph: Graph) -> None:
    ingest_file(graph, FARDPLAN)
    first = export.to_json(graph)
    again = ingest_file(graph, FARDPLAN)
    assert again.status == IngestStatus.UNCHANGED
    assert export.to_json(graph) == first
    forced = ingest_file(graph, FARDPLAN, force=True)
    assert forced.status == IngestStatus.LOADED
    assert export.to_json(graph) == first


def test_corpus_in_any_order_gives_the_same_graph(graph: Graph) -> None:
    files = sorted(SAMPLE_DIR.glob("*.txt"))
    ingest_paths(graph, files)
    forward = export.to_json(graph)
    schema.reset(graph)
    for path in reversed(files):  # one at a time: the related refresh runs after each
        ingest_paths(graph, [path])
    assert export.to_json(graph) == forward


def test_unreadable_file_writes_nothing(graph: Graph, tmp_path: Path) -> None:
    junk = tmp_path / "trasig.pdf"
    junk.write_bytes(b"%PDF-1.4\n\x00\x01garbage")
    report = ingest_file(graph, junk)
    assert report.status == IngestStatus.FAILED and report.error
    assert label_counts(graph) == Counter()


def test_cli_shows_the_status_in_swedish_and_its_json_keeps_the_value(
    graph: Graph, neo4j_settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PROJEKTDB_DATA_DIR", str(neo4j_settings.data_dir))
    monkeypatch.setenv("PROJEKTDB_BOLT_PORT", str(neo4j_settings.bolt_port))
    runner = CliRunner()
    first = runner.invoke(app, ["ingest", str(FARDPLAN)])
    assert first.exit_code == 0, first.output
    assert "inläst" in first.output
    again = runner.invoke(app, ["ingest", "--json", str(FARDPLAN)])
    assert again.exit_code == 0, again.output
    assert [r["status"] for r in json.loads(again.output)] == [IngestStatus.UNCHANGED.value]
