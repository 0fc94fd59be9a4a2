"""Slå ihop asks before it merges, with both posts side by side, and says what it did; Historik
names the post and shows each changed field as old → new, with dates as people write them."""

from __future__ import annotations

import re

from graph.db import Graph
from graph.maintain import edit
from graph.settings import Settings
from tests.e2e.support import BROWSER_MARKS, EDITOR, settle, shoot, sign_in, visit

pytestmark = BROWSER_MARKS

KEEP, DROP = "Trygg hemgång Eskilstuna", "Trygg hemgång i Eskilstuna kommun"


def _ids_named(settings: Settings, name: str) -> list[str]:
    with Graph(settings) as graph:
        return [r["id"] for r in edit.nodes_by_label(graph, "Project") if r["name"] == name]


def _choose(page: object, title: str, name: str) -> None:
    box = page.locator("[data-testid='stSelectbox']").filter(has_text=title)  # type: ignore[attr-defined]
    box.locator("input").click()
    page.keyboard.type(name)  # type: ignore[attr-defined]
    page.get_by_role("option", name=name).first.click()  # type: ignore[attr-defined]
    settle(page)


def test_merge_asks_first_and_says_what_it_did(app_url: str, page: object, neo4j_settings: Settings) -> None:
    with Graph(neo4j_settings) as graph:
        for name in (KEEP, DROP):
            edit.create_node(graph, "Project", {"name": name, "status": "pågående"}, EDITOR)
    visit(page, f"{app_url}/sla-ihop", "sla-ihop-utloggad", "Logga in i sidomenyn")
    sign_in(page)
    page.get_by_text("Sammanslagningar", exact=True).wait_for()  # type: ignore[attr-defined]
    settle(page)
    _choose(page, "Behåll", KEEP)
    _choose(page, "Slå in i den", DROP)
    page.get_by_role("button", name="Slå ihop …").click()  # type: ignore[attr-defined]
    page.get_by_text("Stämmer det här?").wait_for()  # type: ignore[attr-defined]
    settle(page)
    shoot(page, "sla-ihop-fraga")
    side_by_side = page.locator("[data-testid='stColumn']").all_inner_texts()  # type: ignore[attr-defined]
    assert any(KEEP in text and "Behålls" in text for text in side_by_side)
    assert any(DROP in text and "tas bort" in text for text in side_by_side)
    assert len(_ids_named(neo4j_settings, DROP)) == 1, "merged before the editor said yes"

    page.get_by_role("button", name="Ja, slå ihop").click()  # type: ignore[attr-defined]
    page.get_by_text(f"{DROP} slogs in i {KEEP}").wait_for()  # type: ignore[attr-defined]
    settle(page)
    shoot(page, "sla-ihop-klart")
    assert _ids_named(neo4j_settings, DROP) == [] and len(_ids_named(neo4j_settings, KEEP)) == 1


def test_history_names_the_post_and_shows_old_and_new(
    app_url: str, page: object, neo4j_settings: Settings
) -> None:
    name = "Hälsosamtal för 70-åringar"
    with Graph(neo4j_settings) as graph:
        node_id = edit.create_node(graph, "Project", {"name": name}, EDITOR)
        node = edit.get_node(graph, node_id)
        assert node is not None
        changes = {"timeplan_text": "Hösten 2026", "pilot": True}
        edit.update_node(graph, node_id, changes, node["version"], EDITOR)
    visit(page, f"{app_url}/historik", "historik-utloggad", "Logga in i sidomenyn")
    sign_in(page)
    page.get_by_text("Tidsplan (som skriven): (tomt) → Hösten 2026").wait_for()  # type: ignore[attr-defined]
    settle(page)
    shoot(page, "historik")
    main = page.locator("[data-testid='stMain']").inner_text()  # type: ignore[attr-defined]
    assert page.get_by_role("link", name=name).count() >= 1  # type: ignore[attr-defined]
    assert "→ ja" in main
    assert not re.search(r"\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}", main), "an ISO timestamp is shown"
    assert not re.search(r"\b(?:timeplan_text|pilot|aliases|name)\b", main), "a field key is shown"
