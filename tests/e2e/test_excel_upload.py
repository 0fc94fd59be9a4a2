"""The Excel round trip as FoUiS does it: make the workbook in the app, download it, change a cell
of the Swedish sheet Projekt, upload it in the app as an administrator; the change is in the
database and the page lists it."""

from __future__ import annotations

from pathlib import Path

from openpyxl import load_workbook

from graph.db import Graph
from graph.maintain import edit
from graph.settings import Settings
from tests.e2e.support import ADMIN, ADMIN_PASSWORD, BROWSER_MARKS, settle, shoot, sign_in, visit

pytestmark = BROWSER_MARKS

NEW_FINANCING = "Statsbidrag 2025, ändrat i Excel"


def test_export_edit_a_cell_and_upload_it_in_the_app(
    app_url: str, page: object, neo4j_settings: Settings, tmp_path: Path
) -> None:
    visit(page, f"{app_url}/excel", "excel-utloggad", "Logga in i sidomenyn")
    sign_in(page, ADMIN, ADMIN_PASSWORD)
    page.get_by_role("button", name="Skapa arbetsbok").click()  # type: ignore[attr-defined]
    with page.expect_download() as download:  # type: ignore[attr-defined]
        page.get_by_role("button", name="Ladda ner projektdatabas.xlsx").click()  # type: ignore[attr-defined]
    workbook_path = tmp_path / "projektdatabas.xlsx"
    download.value.save_as(workbook_path)

    workbook = load_workbook(workbook_path)
    sheet = workbook["Projekt"]
    header = [cell.value for cell in sheet[1]]
    assert "Finansiering" in header and header[-1] == "Nyckel (ändra inte)"
    project_id = sheet.cell(row=2, column=len(header)).value
    sheet.cell(row=2, column=header.index("Finansiering") + 1, value=NEW_FINANCING)
    edited = tmp_path / "projektdatabas-redigerad.xlsx"
    workbook.save(edited)

    page.locator("input[type='file']").set_input_files(str(edited))  # type: ignore[attr-defined]
    settle(page)
    page.get_by_role("button", name="Importera").click()  # type: ignore[attr-defined]
    page.get_by_text("Importerade").wait_for()  # type: ignore[attr-defined]
    settle(page)
    body = page.inner_text("body")  # type: ignore[attr-defined]
    assert "Något gick fel" not in body
    assert "Importerade 1 ändrad cell" in body and "Finansiering" in body
    assert f"Finansiering: (tomt) → {NEW_FINANCING}." in body or f"→ {NEW_FINANCING}." in body
    assert str(project_id) not in body
    shoot(page, "excel-importerad")

    with Graph(neo4j_settings) as graph:
        node = edit.get_node(graph, str(project_id))
    assert node is not None and node["properties"]["financing"] == NEW_FINANCING
