"""Redigera as an editor meets it: rename and save, change another field and save again; both saves
are in the database, the picker shows the new name, and each save says what it did."""

from __future__ import annotations

from graph.db import Graph
from graph.maintain import edit
from graph.settings import Settings
from tests.e2e.support import BROWSER_MARKS, settle, shoot, sign_in, visit

pytestmark = BROWSER_MARKS


def test_rename_save_then_change_and_save_again(app_url: str, page: object, neo4j_settings: Settings) -> None:
    visit(page, f"{app_url}/redigera", "redigera-utloggad", "Logga in i sidomenyn")
    sign_in(page)
    name_box = page.get_by_label("Namn", exact=True)  # type: ignore[attr-defined]
    name_box.wait_for()
    settle(page)
    old_name = name_box.input_value()
    new_name = f"{old_name} (omdöpt)"
    name_box.fill(new_name)
    page.get_by_role("button", name="Spara").click()  # type: ignore[attr-defined]
    page.get_by_text("Sparat: Namn ändrades.").wait_for()  # type: ignore[attr-defined]
    settle(page)
    picker = page.locator("[data-testid='stSelectbox']").nth(1)  # type: ignore[attr-defined]  # after "Typ av post"
    shown = picker.evaluate(
        "e => e.textContent + ' ' + [...e.querySelectorAll('input')].map(i => i.value).join(' ')"
    )
    assert new_name in shown, f"the picker does not show the saved name: {shown!r}"
    assert page.get_by_label("Namn", exact=True).input_value() == new_name  # type: ignore[attr-defined]

    plan = page.get_by_label("Tidsplan (som skriven)")  # type: ignore[attr-defined]
    plan.fill("Hösten 2025 till våren 2027")
    page.get_by_role("button", name="Spara").click()  # type: ignore[attr-defined]
    page.get_by_text("Sparat: Tidsplan (som skriven) ändrades.").wait_for()  # type: ignore[attr-defined]
    settle(page)
    assert page.get_by_label("Namn", exact=True).input_value() == new_name  # type: ignore[attr-defined]
    shoot(page, "redigera-sparat-tva-ganger")

    with Graph(neo4j_settings) as graph:
        renamed = [r["id"] for r in edit.nodes_by_label(graph, "Project") if r["name"] == new_name]
        nodes = [edit.get_node(graph, node_id) for node_id in renamed]
    saved = [(n["properties"]["timeplan_text"], n["version"]) for n in nodes if n is not None]
    assert saved == [("Hösten 2025 till våren 2027", 2)]

    page.get_by_role("button", name="Spara").click()  # type: ignore[attr-defined]
    page.get_by_text("Inga ändringar").wait_for()  # type: ignore[attr-defined]
