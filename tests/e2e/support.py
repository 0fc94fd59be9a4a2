"""What every browser test shares: the app on a free port against the test Neo4j with the sample
documents loaded, headless Chromium, and helpers to wait for a page, photograph it and sign in.

The fixtures (app_url, browser, page) are in conftest.py; the test modules import these helpers
and set ``pytestmark = BROWSER_MARKS``.
"""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from graph.settings import PROJECT_ROOT

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

BROWSER_MARKS = [
    pytest.mark.browser,
    pytest.mark.skipif(not CHROMIUM.exists(), reason="/usr/bin/chromium is missing (.ci/run installs it)"),
]

EDITOR, EDITOR_PASSWORD = "redaktor", "e2e-lösenord-som-bara-testet-känner"
ADMIN, ADMIN_PASSWORD = "admin", "e2e-administratörens-lösenord"


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


def sign_in(page: object, name: str = EDITOR, password: str = EDITOR_PASSWORD) -> None:
    """Sign in with the sidebar form and wait until the sidebar says who is signed in."""
    page.get_by_label("Användarnamn").fill(name)  # type: ignore[attr-defined]
    page.get_by_label("Lösenord").fill(password)  # type: ignore[attr-defined]
    page.get_by_role("button", name="Logga in").click()  # type: ignore[attr-defined]
    page.get_by_text("Inloggad:").wait_for()  # type: ignore[attr-defined]
