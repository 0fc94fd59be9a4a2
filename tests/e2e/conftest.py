"""The browser tests' fixtures: the app as `streamlit run` on a free port on 127.0.0.1 against the
test Neo4j (sample documents loaded, one editor in a users file of its own), and headless Chromium."""

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
from tests.e2e.support import (
    ADMIN,
    ADMIN_PASSWORD,
    CHROMIUM,
    CHROMIUM_ARGS,
    EDITOR,
    EDITOR_PASSWORD,
    LAPTOP,
    PAGE_TIMEOUT_MS,
    START_TIMEOUT_S,
)


@pytest.fixture(scope="module")
def app_url(neo4j_settings: Settings, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    load_sample(neo4j_settings)
    port = free_port()
    log = tmp_path_factory.mktemp("streamlit") / "streamlit.log"
    users_file = tmp_path_factory.mktemp("users") / "users.toml"
    users.add(EDITOR, "editor", EDITOR_PASSWORD, path=users_file)
    users.add(ADMIN, "admin", ADMIN_PASSWORD, path=users_file)
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
