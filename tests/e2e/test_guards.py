"""The guards against unsafe actions as an editor meets them: Ny satsning clicked twice makes one
post and warns of a similar initiative; two editors saving the same post, the later one is told."""

from __future__ import annotations

from graph.db import Graph
from graph.maintain import edit
from graph.settings import Settings
from tests.e2e.support import BROWSER_MARKS, LAPTOP, PAGE_TIMEOUT_MS, settle, shoot, sign_in, visit

pytestmark = BROWSER_MARKS


def _projects_named(settings: Settings, name: str) -> list[str]:
    with Graph(settings) as graph:
        return [r["id"] for r in edit.nodes_by_label(graph, "Project") if r["name"] == name]


def test_ny_satsning_twice_makes_one_post_and_a_similar_name_is_warned_of(
    app_url: str, page: object, neo4j_settings: Settings
) -> None:
    visit(page, f"{app_url}/ny-satsning", "ny-satsning-utloggad", "Logga in i sidomenyn")
    sign_in(page)
    name = "Gemensam läkemedelsgenomgång för äldre"
    page.get_by_label("Namn *").fill(name)  # type: ignore[attr-defined]
    page.get_by_label("Mål", exact=True).fill("Färre fallolyckor")  # type: ignore[attr-defined]
    page.get_by_role("button", name="Skapa", exact=True).click()  # type: ignore[attr-defined]
    page.get_by_text("är skapad").wait_for()  # type: ignore[attr-defined]
    settle(page)
    page.get_by_role("button", name="Skapa", exact=True).click()  # type: ignore[attr-defined]
    page.get_by_text("Ingen ny post skapades").wait_for()  # type: ignore[attr-defined]
    settle(page)
    shoot(page, "ny-satsning-dubbelklick")
    assert len(_projects_named(neo4j_settings, name)) == 1

    similar = f"{name} i Sörmland"
    page.get_by_label("Namn *").fill(similar)  # type: ignore[attr-defined]
    page.get_by_role("button", name="Skapa", exact=True).click()  # type: ignore[attr-defined]
    page.get_by_text("med liknande namn").wait_for()  # type: ignore[attr-defined]
    settle(page)
    link = page.get_by_role("link", name=name, exact=True)  # type: ignore[attr-defined]
    assert link.count() == 1 and "?id=" in (link.get_attribute("href") or "")
    shoot(page, "ny-satsning-liknande")
    assert _projects_named(neo4j_settings, similar) == []
    page.get_by_role("button", name="Skapa ändå").click()  # type: ignore[attr-defined]
    page.get_by_text("är skapad").wait_for()  # type: ignore[attr-defined]
    settle(page)
    assert len(_projects_named(neo4j_settings, similar)) == 1


def test_two_editors_save_the_same_post_the_later_gets_the_conflict_message(
    app_url: str, page: object, browser: object, neo4j_settings: Settings
) -> None:
    other_context = browser.new_context(viewport=LAPTOP, locale="sv-SE")  # type: ignore[attr-defined]
    other = other_context.new_page()
    other.set_default_timeout(PAGE_TIMEOUT_MS)
    try:
        for tab in (page, other):
            visit(tab, f"{app_url}/redigera", "redigera-utloggad", "Logga in i sidomenyn")
            sign_in(tab)
            tab.get_by_label("Namn", exact=True).wait_for()  # type: ignore[attr-defined]
            settle(tab)
        old_name = page.get_by_label("Namn", exact=True).input_value()  # type: ignore[attr-defined]
        first_name = f"{old_name} (först sparad)"
        page.get_by_label("Namn", exact=True).fill(first_name)  # type: ignore[attr-defined]
        page.get_by_role("button", name="Spara").click()  # type: ignore[attr-defined]
        page.get_by_text("Sparat: Namn ändrades.").wait_for()  # type: ignore[attr-defined]

        other.get_by_label("Tidsplan (som skriven)").fill("Våren 2027")
        other.get_by_role("button", name="Spara").click()
        other.get_by_text("medan du redigerade").wait_for()
        settle(other)
        body = other.inner_text("body")
        assert "Dina ändringar sparades inte" in body
        assert other.get_by_label("Namn", exact=True).input_value() == first_name
        shoot(other, "redigera-konflikt")
        with Graph(neo4j_settings) as graph:
            saved = [edit.get_node(graph, i) for i in _projects_named(neo4j_settings, first_name)]
        assert [n["properties"].get("timeplan_text") for n in saved if n] != ["Våren 2027"]
    finally:
        other_context.close()
