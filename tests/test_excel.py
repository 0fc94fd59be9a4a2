"""The Excel round trip: export → empty database → import gives the same graph; FoUiS's own sheets."""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook
from typer.testing import CliRunner

from graph import export, schema
from graph.db import Graph
from graph.maintain import MaintainError, edit, excel, review
from graph.settings import Settings
from ingest.pipeline import ingest_paths
from projektdb.cli import app
from tests.conftest import SAMPLE_DIR


def test_export_reset_import_loses_nothing(graph: Graph, tmp_path: Path) -> None:
    ingest_paths(graph, [SAMPLE_DIR])
    # maintenance data too: an edit (with its Change), a hand-made node, a suggestion
    project = edit.nodes_by_label(graph, "Project")[0]["id"]
    edit.update_node(graph, project, {"financing": "=50 % region | 50 % kommun", "pilot": True}, 0, "anna")
    edit.create_node(graph, "Actor", {"name": "Vårdcentral Ängen", "aliases": ["VC | Ängen", "[x]"]}, "anna")
    review.submit(graph, "behov", "Tolkstöd", "", "bo")
    before = export.to_json(graph)
    workbook = tmp_path / "graf.xlsx"
    counts = excel.write_xlsx(graph, workbook)
    assert counts["Project"] == len([n for n in json.loads(before)["nodes"] if "Project" in n["labels"]])

    book = load_workbook(workbook)
    assert book.sheetnames[0] == "Läs mig" and book.sheetnames[1] == "Projekt"
    technical = {"Project", "Actor", "Document", "Relationer", "Kolumntyper"}
    assert technical <= {s.title for s in book.worksheets if s.sheet_state == "hidden"}
    assert counts["Projekt"] == counts["Project"]

    schema.reset(graph)
    assert json.loads(export.to_json(graph)) == {"nodes": [], "relationships": []}
    report = excel.import_xlsx(graph, workbook)
    assert sum(report.relationships.values()) == len(json.loads(before)["relationships"])
    assert export.to_json(graph) == before
    assert report.changes == [] and report.refused == [] and report.warnings == []
    again = excel.import_xlsx(graph, workbook)  # a second import changes nothing
    assert again.changes == [] and again.refused == []
    assert export.to_json(graph) == before


def test_foruis_own_sheet_without_ids_is_imported(graph: Graph, tmp_path: Path) -> None:
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Project"
    sheet.append(["id", "name", "county", "aliases", "status"])
    sheet.append([None, "Hälsosamtal för 40-åringar", "Sörmland", "Hälsosamtal | HS40", "pågående"])
    actors = workbook.create_sheet("Actor")
    actors.append(["id", "name"])
    actors.append(["actor-egen", "Vårdcentralen Linden"])
    relations = workbook.create_sheet("Relationer")
    relations.append(["typ", "start", "slut", "egenskaper"])
    path = tmp_path / "egen.xlsx"
    workbook.save(path)
    report = excel.import_xlsx(graph, path, user="anna")
    assert report.generated_ids == 1 and report.change
    projects = edit.nodes_by_label(graph, "Project")
    assert [p["name"] for p in projects] == ["Hälsosamtal för 40-åringar"]
    node = edit.get_node(graph, projects[0]["id"])["properties"]
    assert node["aliases"] == ["Hälsosamtal", "HS40"] and node["manual"] is True


@pytest.mark.parametrize(
    ("title", "header", "message"),
    [
        ("Project", ["namn"], "första kolumnen"),
        ("Project", ["id", "name) SET n.x = 1 //"], "inte tillåtet"),
        ("Project; DROP", ["id"], "inte en etikett"),
    ],
)
def test_bad_workbooks_are_refused_with_a_message(
    graph: Graph, tmp_path: Path, title: str, header: list[str], message: str
) -> None:
    workbook = Workbook()
    workbook.active.title = title
    workbook.active.append(header)
    workbook.active.append(["x"] * len(header))
    path = tmp_path / "fel.xlsx"
    workbook.save(path)
    with pytest.raises(MaintainError, match=message):
        excel.import_xlsx(graph, path)
    assert json.loads(export.to_json(graph))["nodes"] == []


def test_cli_export_and_import(graph: Graph, neo4j_settings: Settings, tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("PROJEKTDB_DATA_DIR", str(neo4j_settings.data_dir))
    monkeypatch.setenv("PROJEKTDB_BOLT_PORT", str(neo4j_settings.bolt_port))
    edit.create_node(graph, "TargetGroup", {"name": "unga vuxna 18–29 år"}, "anna")
    before = export.to_json(graph)
    path = tmp_path / "cli.xlsx"
    runner = CliRunner()
    result = runner.invoke(app, ["export", "--format", "xlsx", "-o", str(path)])
    assert result.exit_code == 0, result.output
    schema.reset(graph)
    result = runner.invoke(app, ["import", str(path)])
    assert result.exit_code == 0, result.output
    assert export.to_json(graph) == before


def _actors(graph: Graph, count: int, start: int = 0) -> None:
    rows = [
        {
            "id": f"actor:last-{i:06d}",
            "labels": ["Entity", "Actor"],
            "properties": {"id": f"actor:last-{i:06d}", "name": f"Aktör {i}", "type": "kommun"},
        }
        for i in range(start, start + count)
    ]
    for lo in range(0, len(rows), 1000):
        graph.write("backup/create_nodes", rows=rows[lo : lo + 1000])


def _export_seconds(graph: Graph, path: Path) -> float:
    best = float("inf")
    for _ in range(3):  # the fastest of three: less noise from the machine
        began = time.perf_counter()
        excel.write_xlsx(graph, path)
        best = min(best, time.perf_counter() - began)
    return best


def test_export_time_grows_linearly(graph: Graph, tmp_path: Path) -> None:
    """Four times the rows take less than six times as long (appending read sheet.max_row for every
    row, which counts every cell: quadratic)."""
    small = 3000
    _actors(graph, small)
    one = _export_seconds(graph, tmp_path / "one.xlsx")
    _actors(graph, 3 * small, start=small)
    four = _export_seconds(graph, tmp_path / "four.xlsx")
    rows = load_workbook(tmp_path / "four.xlsx", read_only=True)["Actor"].iter_rows(values_only=True)
    assert sum(1 for _ in rows) == 4 * small + 1
    print(f"export: 1x {one:.2f} s, 4x {four:.2f} s")
    assert four < 6 * one, f"1x {one:.2f} s, 4x {four:.2f} s"


def test_a_value_longer_than_a_cell_is_refused_not_cut(graph: Graph, tmp_path: Path) -> None:
    long = "lång beskrivning " * 2500  # 42 500 characters: more than an Excel cell holds
    edit.create_node(graph, "Project", {"name": "Långt projekt", "description": long}, "anna")
    with pytest.raises(
        MaintainError, match=r"32 767 tecken, men Beskrivning på Långt projekt \(bladet Projekt\)"
    ):
        excel.write_xlsx(graph, tmp_path / "lang.xlsx")
    assert not (tmp_path / "lang.xlsx").exists()
