"""Excel import reads what the workbook shows: hidden sheets skipped (and said so), formulas as
their calculated value or refused, merged cells filled from their top-left cell, no nameless nodes.
Also the statisticians' value sheets (ingest/values/csv_xlsx.py). Workbooks made with openpyxl."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest
from openpyxl import Workbook

from graph.db import Graph
from graph.maintain import MaintainError, edit, excel
from ingest.values import csv_xlsx
from ingest.values.rows import ValueFileError


def _projects(*rows: list[object], header: tuple[str, ...] = ("id", "name", "county")) -> Workbook:
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Project"
    sheet.append(list(header))
    for row in rows:
        sheet.append(list(row))
    return workbook


def _save(workbook: Workbook, path: Path) -> Path:
    workbook.save(path)
    return path


def _with_cached_value(path: Path, formula: str, value: str) -> Path:
    """Excel stores a formula's last result next to it; openpyxl writes none: put one in."""
    data = io.BytesIO()
    with zipfile.ZipFile(path) as source, zipfile.ZipFile(data, "w") as target:
        for item in source.infolist():
            content = source.read(item.filename)
            if item.filename == "xl/worksheets/sheet1.xml":
                content = content.replace(
                    f"<f>{formula}</f><v></v>".encode(), f"<f>{formula}</f><v>{value}</v>".encode()
                )
            target.writestr(item, content)
    path.write_bytes(data.getvalue())
    return path


def _names(graph: Graph, label: str = "Project") -> list[str]:
    return sorted(str(p["name"]) for p in edit.nodes_by_label(graph, label))


def test_a_hidden_sheet_is_skipped_and_said_so(graph: Graph, tmp_path: Path) -> None:
    workbook = _projects(["project:a", "Synligt projekt", "Sörmland"])
    hidden = workbook.create_sheet("Actor")
    hidden.append(["id", "name"])
    hidden.append(["actor:dold", "Dold aktör"])
    hidden.sheet_state = "hidden"
    report = excel.import_xlsx(graph, _save(workbook, tmp_path / "dold.xlsx"))
    assert _names(graph) == ["Synligt projekt"]
    assert edit.nodes_by_label(graph, "Actor") == []
    assert any("Actor" in w and "dolt" in w for w in report.warnings)


def test_a_formula_without_a_calculated_value_is_refused(graph: Graph, tmp_path: Path) -> None:
    workbook = _projects(["project:a", "Projekt A", '=B2&" län"'])
    with pytest.raises(MaintainError, match="formel"):
        excel.import_xlsx(graph, _save(workbook, tmp_path / "formel.xlsx"))
    assert edit.nodes_by_label(graph, "Project") == []


def test_a_formula_is_read_as_its_calculated_value(graph: Graph, tmp_path: Path) -> None:
    workbook = _projects(["project:a", "Projekt A", 1], header=("id", "name", "budget"))
    workbook.active["C2"] = "=2+3"
    path = _with_cached_value(_save(workbook, tmp_path / "beraknad.xlsx"), "2+3", "5")
    excel.import_xlsx(graph, path)
    [project] = edit.nodes_by_label(graph, "Project")
    assert edit.get_node(graph, project["id"])["properties"]["budget"] == 5


def test_merged_cells_are_filled_from_their_top_left_value(graph: Graph, tmp_path: Path) -> None:
    workbook = _projects(["project:a", "Projekt A", "Sörmland"], ["project:b", "Projekt B", None])
    workbook.active.merge_cells("C2:C3")
    excel.import_xlsx(graph, _save(workbook, tmp_path / "sammanslagen.xlsx"))
    counties = {
        p["name"]: edit.get_node(graph, p["id"])["properties"].get("county")
        for p in edit.nodes_by_label(graph, "Project")
    }
    assert counties == {"Projekt A": "Sörmland", "Projekt B": "Sörmland"}


def test_rows_without_a_name_give_a_warning_and_no_nameless_project(graph: Graph, tmp_path: Path) -> None:
    workbook = _projects(
        ["project:a", "Projekt A", "Sörmland"],
        [None, None, "Sörmland"],  # neither id nor name
        ["project:ny", None, "Sörmland"],  # a new id without a name
    )
    report = excel.import_xlsx(graph, _save(workbook, tmp_path / "namnlos.xlsx"))
    assert _names(graph) == ["Projekt A"]
    assert any("rad 3" in w and "namn" in w for w in report.warnings)
    assert any("rad 4" in w and "namn" in w for w in report.warnings)


def test_a_row_without_a_name_still_updates_an_existing_node(graph: Graph, tmp_path: Path) -> None:
    excel.import_xlsx(graph, _save(_projects(["project:a", "Projekt A", "Sörmland"]), tmp_path / "a.xlsx"))
    report = excel.import_xlsx(graph, _save(_projects(["project:a", None, "Uppsala"]), tmp_path / "b.xlsx"))
    [project] = edit.nodes_by_label(graph, "Project")
    assert edit.get_node(graph, project["id"])["properties"]["county"] == "Uppsala"
    assert report.warnings == []


# --- value sheets ----------------------------------------------------------------------------------


def _values_workbook() -> Workbook:
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Värden"
    sheet.append(["mått", "period", "område", "värde"])
    sheet.append(["Andel", 2023, "Eskilstuna", 10])
    sheet.append([None, 2024, "Eskilstuna", 12])
    return workbook


def _bytes(workbook: Workbook) -> bytes:
    data = io.BytesIO()
    workbook.save(data)
    return data.getvalue()


def test_value_sheet_merged_cells_are_filled() -> None:
    workbook = _values_workbook()
    workbook.active.merge_cells("A2:A3")
    grid = csv_xlsx.read_grid(_bytes(workbook), "v.xlsx")
    assert [cells[0] for _, cells in grid[1:]] == ["Andel", "Andel"]


def test_value_sheet_hidden_first_sheet_is_skipped_and_said_so() -> None:
    workbook = _values_workbook()
    workbook.active.sheet_state = "hidden"
    visible = workbook.create_sheet("Synligt")
    visible.append(["mått", "period", "område", "värde"])
    visible.append(["Antal", 2023, "Eskilstuna", 3])
    warnings: list[str] = []
    grid = csv_xlsx.read_grid(_bytes(workbook), "v.xlsx", warnings)
    assert grid[1][1][0] == "Antal"
    assert any("Värden" in w and "dolt" in w for w in warnings)


def test_value_sheet_formula_without_a_value_is_refused() -> None:
    workbook = _values_workbook()
    workbook.active["D2"] = "=5*2"
    with pytest.raises(ValueFileError, match="formel"):
        csv_xlsx.read_grid(_bytes(workbook), "v.xlsx")
