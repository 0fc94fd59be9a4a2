"""The editable sheets of the workbook: Swedish names, drop-down lists, filters, frozen header, no
ids in sight; export → import changes nothing, one edited cell changes exactly that, by name."""

from __future__ import annotations

import io
import json

import pytest
from openpyxl import load_workbook

from graph import export
from graph.db import Graph
from graph.maintain import edit, excel


@pytest.fixture
def small(graph: Graph) -> dict[str, str]:
    ids = {
        "project": edit.create_node(
            graph, "Project", {"name": "Mobila team", "county": "Sörmland", "status": "pågående"}, "anna"
        ),
        "focus": edit.create_node(graph, "FocusArea", {"name": "Psykisk hälsa"}, "anna"),
        "other_focus": edit.create_node(graph, "FocusArea", {"name": "Barn och unga"}, "anna"),
        "actor": edit.create_node(graph, "Actor", {"name": "Region Sörmland", "type": "region"}, "anna"),
        "kommun": edit.create_node(graph, "Actor", {"name": "Eskilstuna kommun", "type": "kommun"}, "anna"),
        "group": edit.create_node(graph, "TargetGroup", {"name": "äldre"}, "anna"),
    }
    edit.relate(graph, "IN_FOCUS_AREA", ids["project"], ids["focus"], "anna")
    edit.relate(graph, "RESPONSIBLE_FOR", ids["actor"], ids["project"], "anna")
    edit.relate(graph, "LOCATED_IN", ids["project"], ids["kommun"], "anna")
    edit.relate(graph, "TARGETS", ids["project"], ids["group"], "anna")
    return ids


def _export(graph: Graph) -> io.BytesIO:
    buffer = io.BytesIO()
    excel.write_xlsx(graph, buffer)
    buffer.seek(0)
    return buffer


def _upload(book: object) -> io.BytesIO:
    """The workbook as the Streamlit page passes an upload: a stream without a file name."""
    buffer = io.BytesIO()
    book.save(buffer)  # type: ignore[attr-defined]
    return io.BytesIO(buffer.getvalue())


def test_the_sheets_are_swedish_with_lists_filters_frozen_header_and_no_ids(
    graph: Graph, small: dict[str, str]
) -> None:
    book = load_workbook(_export(graph))
    visible = [s.title for s in book.worksheets if s.sheet_state == "visible"]
    assert visible == [
        "Läs mig", "Projekt", "Aktör", "Län", "Målområde", "Fokusområde", "Målsättning", "Indikator",
        "Mått", "Beslut", "Målgrupp",
    ]  # fmt: skip
    sheet = book["Projekt"]
    header = [c.value for c in sheet[1]]
    assert header[:6] == ["Namn", "Fokusområden", "Ansvarig", "Deltagare", "Kommuner och län", "Målgrupper"]
    assert {"Status", "Processteg", "Län", "Finansiering"} <= set(header)
    assert header[-1] == "Nyckel (ändra inte)"
    row = dict(zip(header, [c.value for c in sheet[2]], strict=True))
    assert row["Namn"] == "Mobila team" and row["Fokusområden"] == "Psykisk hälsa"
    assert row["Ansvarig"] == "Region Sörmland" and row["Kommuner och län"] == "Eskilstuna kommun"
    assert row["Målgrupper"] == "äldre" and row["Status"] == "pågående"
    key = sheet.cell(1, len(header)).column_letter
    assert sheet.column_dimensions[key].hidden
    ids = set(small.values())
    for number, title in enumerate(header, start=1):  # no id in any visible column, of any sheet
        if title != "Nyckel (ändra inte)":
            assert not ids & {sheet.cell(r, number).value for r in range(2, sheet.max_row + 1)}
            assert sheet.column_dimensions[sheet.cell(1, number).column_letter].width >= 10
    assert sheet.freeze_panes == "A2" and sheet.auto_filter.ref == f"A1:{key}2"
    lists = {str(v.sqref).split(":")[0][:-1]: v.formula1 for v in sheet.data_validations.dataValidation}
    status = sheet.cell(1, header.index("Status") + 1).column_letter
    assert lists[status] == '"planerad,pågående,avslutad,okänd"'
    actors = book["Aktör"]
    actor_header = [c.value for c in actors[1]]
    assert actor_header == ["Namn", "Typ", "Län", "Andra namn och förkortningar", "Nyckel (ändra inte)"]
    actor_lists = [v.formula1 for v in actors.data_validations.dataValidation]
    assert any("kommun" in f and "region" in f for f in actor_lists)


def _cell(book: object, sheet: str, title: str, row: int = 2) -> object:
    ws = book[sheet]  # type: ignore[index]
    header = [c.value for c in ws[1]]
    return ws.cell(row, header.index(title) + 1)


def test_an_unchanged_upload_changes_nothing(graph: Graph, small: dict[str, str]) -> None:
    before = export.to_json(graph)
    report = excel.import_xlsx(graph, _export(graph))
    assert report.changes == [] and report.refused == []
    assert export.to_json(graph) == before


def test_one_edited_cell_changes_exactly_that(graph: Graph, small: dict[str, str]) -> None:
    before = json.loads(export.to_json(graph))
    book = load_workbook(_export(graph))
    _cell(book, "Projekt", "Status").value = "avslutad"
    report = excel.import_xlsx(graph, _upload(book), user="anna")
    assert [c.message for c in report.changes] == ["Bladet Projekt, rad 2, Status: pågående → avslutad."]
    after = json.loads(export.to_json(graph))
    project = next(n for n in after["nodes"] if n["id"] == small["project"])
    old = next(n for n in before["nodes"] if n["id"] == small["project"])
    assert project["properties"]["status"] == "avslutad"
    differ = {k for k in project["properties"] if project["properties"][k] != old["properties"].get(k)}
    assert differ - {"edited"} == {"status", "version", "updated_at", "updated_by"}
    assert "status" in project["properties"]["edited"]  # a re-ingest keeps the edit
    assert after["relationships"] == [r for r in after["relationships"] if r in before["relationships"]]
    assert len(after["relationships"]) == len(before["relationships"])


def test_related_posts_change_by_name_and_unknown_names_are_refused(
    graph: Graph, small: dict[str, str]
) -> None:
    book = load_workbook(_export(graph))
    _cell(book, "Projekt", "Fokusområden").value = "Barn och unga; Finns inte"
    _cell(book, "Projekt", "Status").value = "kanske"
    report = excel.import_xlsx(graph, _upload(book), user="anna")
    focus = [r for r in edit.relationships_of(graph, small["project"]) if r["type"] == "IN_FOCUS_AREA"]
    assert [r["other"] for r in focus] == [small["other_focus"]]
    assert [c.message for c in report.changes] == [
        "Bladet Projekt, rad 2, Fokusområden: Psykisk hälsa → Barn och unga."
    ]
    messages = [r.message for r in report.refused]
    assert any("Fokusområden" in m and "'Finns inte'" in m for m in messages), messages
    assert any("Status" in m and "kanske" in m for m in messages), messages
    assert edit.get_node(graph, small["project"])["properties"]["status"] == "pågående"
    assert [n["name"] for n in edit.nodes_by_label(graph, "FocusArea") if n["name"] == "Finns inte"] == []


def test_a_new_row_makes_a_new_post_and_a_wrong_key_is_refused(graph: Graph, small: dict[str, str]) -> None:
    book = load_workbook(_export(graph))
    sheet = book["Projekt"]
    header = [c.value for c in sheet[1]]
    sheet.append([{"Namn": "Hälsosamtal", "Målgrupper": "äldre"}.get(h) for h in header])
    sheet.append([{"Namn": "Fel", "Nyckel (ändra inte)": "project:saknas"}.get(h) for h in header])
    report = excel.import_xlsx(graph, _upload(book), user="anna")
    assert report.created == ["Hälsosamtal"]
    assert [r.message for r in report.refused] == [
        "Bladet Projekt, rad 4: posten finns inte i databasen; raden lästes inte in."
    ]
    new = next(p for p in edit.nodes_by_label(graph, "Project") if p["name"] == "Hälsosamtal")
    targets = [r for r in edit.relationships_of(graph, new["id"]) if r["type"] == "TARGETS"]
    assert [r["other"] for r in targets] == [small["group"]]
