"""End to end in headless Chromium against the running app and the real database.

The app runs as `streamlit run` on a free port on 127.0.0.1, pointed at the test Neo4j with the
sample documents loaded. Full-page screenshots of every page go to test-artifacts/screenshots/.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from graph.maintain import users
from graph.server import free_port
from graph.settings import PROJECT_ROOT, Settings
from tests.app_support import app_env, load_sample
from tests.conftest import SAMPLE_DIR

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
SCREENSHOTS = PROJECT_ROOT / "test-artifacts" / "screenshots"
LAPTOP = {"width": 1366, "height": 768}
START_TIMEOUT_S = 90
PAGE_TIMEOUT_MS = 90_000

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not CHROMIUM.exists(), reason="/usr/bin/chromium is missing (.ci/run installs it)"),
]


EDITOR, EDITOR_PASSWORD = "redaktor", "e2e-lösenord-som-bara-testet-känner"


@pytest.fixture(scope="module")
def app_url(neo4j_settings: Settings, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    load_sample(neo4j_settings)
    port = free_port()
    log = tmp_path_factory.mktemp("streamlit") / "streamlit.log"
    users_file = tmp_path_factory.mktemp("users") / "users.toml"
    users.add(EDITOR, "editor", EDITOR_PASSWORD, path=users_file)
    env = os.environ.copy() | app_env(neo4j_settings) | {"PROJEKTDB_USERS_FILE": str(users_file)}
    command = [
        sys.executable, "-m", "streamlit", "run", "streamlit_app.py",
        "--server.address", "127.0.0.1", "--server.port", str(port),
        "--server.headless", "true", "--browser.gatherUsageStats", "false",
    ]  # fmt: skip
    with log.open("wb") as out:
        process = subprocess.Popen(command, cwd=PROJECT_ROOT, env=env, stdout=out, stderr=subprocess.STDOUT)
    try:
        _wait_healthy(f"http://127.0.0.1:{port}/_stcore/health", process, log)
        yield f"http://127.0.0.1:{port}"
    finally:
        process.terminate()
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def _wait_healthy(url: str, process: subprocess.Popen[bytes], log: Path) -> None:
    deadline = time.monotonic() + START_TIMEOUT_S
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"streamlit exited: {log.read_text(errors='replace')[-2000:]}")
        try:
            with urllib.request.urlopen(url, timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            pass
        time.sleep(0.5)
    raise RuntimeError(f"streamlit did not answer on {url}")


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            yield chromium
        finally:
            chromium.close()


@pytest.fixture
def page(browser: object) -> Iterator[object]:
    context = browser.new_context(viewport=LAPTOP, locale="sv-SE")  # type: ignore[attr-defined]
    tab = context.new_page()
    tab.set_default_timeout(PAGE_TIMEOUT_MS)
    try:
        yield tab
    finally:
        context.close()


def settle(page: object, timeout_s: float = 60) -> None:
    """Wait until the script has finished: no running indicator, skeleton or spinner for a second."""
    deadline = time.monotonic() + timeout_s
    quiet = 0
    page.wait_for_selector("[data-testid='stApp']")  # type: ignore[attr-defined]
    page.wait_for_timeout(500)  # type: ignore[attr-defined]
    busy = "[data-testid='stStatusWidget'], [data-testid='stSkeleton'], [data-testid='stSpinner']"
    while time.monotonic() < deadline and quiet < 4:
        quiet = quiet + 1 if page.locator(busy).count() == 0 else 0  # type: ignore[attr-defined]
        page.wait_for_timeout(250)  # type: ignore[attr-defined]


def shoot(page: object, name: str) -> None:
    """A full-page screenshot: Streamlit scrolls inside its main area, so grow the window to fit."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    height = page.evaluate(  # type: ignore[attr-defined]
        "() => Math.max(document.querySelector('[data-testid=\"stMain\"]')?.scrollHeight || 0,"
        " document.body.scrollHeight)"
    )
    page.set_viewport_size(
        {"width": LAPTOP["width"], "height": min(max(LAPTOP["height"], height + 40), 12000)}
    )  # type: ignore[attr-defined]
    page.wait_for_timeout(700)  # type: ignore[attr-defined]
    page.screenshot(path=str(SCREENSHOTS / f"{name}.png"), full_page=True)  # type: ignore[attr-defined]
    page.set_viewport_size(LAPTOP)  # type: ignore[attr-defined]


def visit(page: object, url: str, name: str, expected: str) -> None:
    """Open the page, wait for a text it shows once its script has run, check and photograph it."""
    page.goto(url)  # type: ignore[attr-defined]
    page.get_by_text(expected).first.wait_for()  # type: ignore[attr-defined]
    settle(page)
    assert_no_errors(page)
    shoot(page, name)


def assert_no_errors(page: object) -> None:
    assert page.locator("[data-testid='stException']").count() == 0  # type: ignore[attr-defined]
    assert "Traceback" not in page.inner_text("body")  # type: ignore[attr-defined]


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
    page.get_by_label("Användarnamn").fill(EDITOR)  # type: ignore[attr-defined]
    page.get_by_label("Lösenord").fill(EDITOR_PASSWORD)  # type: ignore[attr-defined]
    page.get_by_role("button", name="Logga in").click()  # type: ignore[attr-defined]
    page.get_by_text("Inloggad:").wait_for()  # type: ignore[attr-defined]
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
