"""End to end in headless Chromium against the running app and the real database.

The app runs as `streamlit run` on a free port on 127.0.0.1, pointed at the test Neo4j with the
sample documents loaded (tests/e2e/conftest.py). Full-page screenshots of every page go to
test-artifacts/screenshots/.
"""

from __future__ import annotations

from pathlib import Path

from tests.conftest import SAMPLE_DIR
from tests.e2e.support import BROWSER_MARKS, assert_no_errors, settle, shoot, sign_in, visit

pytestmark = BROWSER_MARKS


def test_every_page_renders_without_errors(app_url: str, page: object) -> None:
    for path, name, expected in [
        ("", "oversikt", "Tidslinje"),
        ("luckor", "luckor", "Luckor i täckningen"),
        ("indikatorer", "indikatorer", "Rehabiliterande"),
        ("beslut", "beslut", "NSV22-0008"),
        ("fokusomraden", "projekt-per-fokusomrade", "Delaktighet och personcentrering ("),
        ("aktor", "aktor-val", "Välj en aktör i listan"),
    ]:
        visit(page, f"{app_url}/{path}", name, expected)


def test_search_open_project_and_see_its_source(app_url: str, page: object) -> None:
    visit(page, f"{app_url}/sok", "sok-tom", "Skriv ett eller flera ord")
    box = page.get_by_label("Sökord")  # type: ignore[attr-defined]
    box.fill("unga vuxna")
    box.press("Enter")
    page.get_by_text("Träffar (").wait_for()  # type: ignore[attr-defined]
    settle(page)
    assert "Relaterade initiativ" in page.inner_text("body")  # type: ignore[attr-defined]
    shoot(page, "sok")

    page.get_by_role("link", name="Tillsammans för unga vuxna").first.click()  # type: ignore[attr-defined]
    page.get_by_text("Var uppgiften står").wait_for()  # type: ignore[attr-defined]
    settle(page)
    body = page.inner_text("body")  # type: ignore[attr-defined]
    assert "Källa:" in body and "sidan 1" in body
    quote = page.locator("blockquote:visible").last  # type: ignore[attr-defined]
    assert "unga vuxna" in quote.inner_text().casefold()
    assert_no_errors(page)
    shoot(page, "projekt")

    page.get_by_role("link", name="Visa i nätverket").click()  # type: ignore[attr-defined]
    page.get_by_text("Kopplingar i bilden").wait_for()  # type: ignore[attr-defined]
    settle(page)
    page.wait_for_timeout(2000)  # type: ignore[attr-defined]  # the graph lays itself out
    assert_no_errors(page)
    shoot(page, "natverk")


def test_gap_page(app_url: str, page: object) -> None:
    visit(page, f"{app_url}/luckor", "luckor-tackning", "Luckor i täckningen")
    page.get_by_role("tab", name="Mål utan aktivitet").click()  # type: ignore[attr-defined]
    page.get_by_text("Målsättningar som inget projekt arbetar mot").wait_for()  # type: ignore[attr-defined]
    page.get_by_role("tab", name="Överlapp").click()  # type: ignore[attr-defined]
    page.get_by_text("Par av projekt som överlappar").wait_for()  # type: ignore[attr-defined]
    settle(page)
    shoot(page, "luckor-overlapp")


def test_upload_a_document_and_see_it_counted(app_url: str, page: object, tmp_path: Path) -> None:
    visit(page, f"{app_url}/dokument", "dokument-fore", "Inlästa dokument (5)")
    page.get_by_text("Logga in som redaktör").wait_for()  # type: ignore[attr-defined]
    sign_in(page)
    # a revised local plan: new bytes, so a new document
    original = (SAMPLE_DIR / "004_0478605a8248e46a.txt").read_text(encoding="utf-8")
    upload = tmp_path / "askersund-reviderad.txt"
    upload.write_text(original + "\n\nReviderad 2024-05-02.\n", encoding="utf-8")
    page.locator("input[type='file']").set_input_files(str(upload))  # type: ignore[attr-defined]
    page.get_by_text("Det här kommer att läsas in").wait_for()  # type: ignore[attr-defined]
    settle(page)
    shoot(page, "dokument-forhandsvisning")
    page.get_by_role("button", name="Bekräfta och läs in").click()  # type: ignore[attr-defined]
    page.get_by_text("är inläst").wait_for()  # type: ignore[attr-defined]
    page.get_by_text("Inlästa dokument (6)").wait_for()  # type: ignore[attr-defined]
    settle(page)
    assert_no_errors(page)
    shoot(page, "dokument")
