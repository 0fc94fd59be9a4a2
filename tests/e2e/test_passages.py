"""A fact's source opens the document at that passage: from a project's quote, "visa i dokumentet"
leads to the document's text with the quote picked out and every other quoted passage marked, as
plain text (no markup)."""

from __future__ import annotations

from graph import queries
from graph.db import Graph
from graph.settings import Settings
from tests.e2e.support import BROWSER_MARKS, assert_no_errors, settle, shoot, visit

pytestmark = BROWSER_MARKS


def _a_quoted_project(neo4j_settings: Settings) -> tuple[str, str]:
    """A project (id, first quote) whose first mention has offsets in its page."""
    with Graph(neo4j_settings) as graph:
        for row in queries.project_facts(graph):
            node = queries.node_detail(graph, row["id"])
            mentions = node["mentions"] if node else []
            if mentions and (mentions[0].get("start") or -1) >= 0 and len(mentions[0]["quote"]) > 40:
                return row["id"], mentions[0]["quote"]
    raise AssertionError("no project in the sample graph has a placed quote")


def test_a_source_link_opens_the_document_with_the_quote_marked(
    app_url: str, page: object, neo4j_settings: Settings
) -> None:
    project_id, quote = _a_quoted_project(neo4j_settings)
    visit(page, f"{app_url}/projekt?id={project_id}", "citat-projekt", "Var uppgiften står")
    page.get_by_role("link", name="visa i dokumentet").first.click()  # type: ignore[attr-defined]
    page.get_by_text("Dokumentets text").wait_for()  # type: ignore[attr-defined]
    settle(page)
    assert_no_errors(page)
    assert "dokument?id=" in page.url  # type: ignore[attr-defined]
    focus = page.locator("mark.citatet")  # type: ignore[attr-defined]
    assert focus.count() >= 1, "the quote the link came from is not picked out"
    picked = " ".join(" ".join(focus.all_inner_texts()).split())
    first_words = " ".join(quote.split()[:5])
    assert first_words in picked, (first_words, picked)
    assert page.get_by_text("citatet du kom från är markerat").count() == 1  # type: ignore[attr-defined]
    others = page.locator(".dokumenttext mark:not(.citatet)")  # type: ignore[attr-defined]
    assert others.count() >= 3, "the other quoted passages of the page are not marked"
    title = others.first.get_attribute("title") or ""
    assert ":" in title, f"a mark does not say what was read there: {title!r}"
    text = page.locator(".dokumenttext").inner_text()  # type: ignore[attr-defined]
    assert "**" not in text and "\n## " not in text and "<" not in text
    box = focus.first.bounding_box()
    assert box is not None and 0 <= box["y"] <= 768, f"the quote is not scrolled into view: {box}"
    shoot(page, "citat-i-dokumentet")


def test_the_document_page_shows_its_text_and_its_facts_link_to_their_page(
    app_url: str, page: object, neo4j_settings: Settings
) -> None:
    with Graph(neo4j_settings) as graph:
        document = max(queries.documents(graph), key=lambda d: len(queries.document_contents(graph, d["id"])))
    visit(page, f"{app_url}/dokument?id={document['id']}", "dokument-text", "Dokumentets text")
    assert page.locator(".dokumenttext mark").count() >= 10  # type: ignore[attr-defined]
    assert page.locator("mark.citatet").count() == 0  # type: ignore[attr-defined]  # no link, no pick
