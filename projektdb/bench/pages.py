"""Render each page of the Streamlit app with AppTest against the benchmark's database.

Each page runs twice: cold (the app's caches emptied, as for the first visitor after a write) and
warm (cached query results). A page that raises is reported with its error, not timed as a pass.
"""

from __future__ import annotations

import os
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from graph.settings import PROJECT_ROOT, Settings

PAGES_DIR = PROJECT_ROOT / "ui" / "pages"
TIMEOUT_S = 120.0


def page_files() -> list[Path]:
    return sorted(p for p in PAGES_DIR.glob("*.py") if not p.name.startswith("_"))


def render_pages(settings: Settings) -> dict[str, Any]:
    files = page_files()
    if not files:
        return {"skipped": "no pages in ui/pages"}
    try:
        import streamlit as st
        from streamlit.testing.v1 import AppTest
    except ImportError as error:  # pragma: no cover - streamlit is a dependency
        return {"skipped": f"streamlit AppTest not available: {error}"}
    results: dict[str, Any] = {}
    with _environment(settings):
        # One untimed render first: the first AppTest in a process also pays for importing
        # streamlit, pandas and plotly, which is not the page's cost.
        _render(AppTest, files[0])
        for path in files:
            st.cache_data.clear()
            st.cache_resource.clear()
            cold = _render(AppTest, path)
            warm = _render(AppTest, path) if cold["ok"] else cold
            results[path.stem] = {"cold_s": cold["seconds"], "warm_s": warm["seconds"], **_errors(cold)}
        st.cache_resource.clear()  # drop the pages' connection to this database
    return results


def _render(app_test: Any, path: Path) -> dict[str, Any]:
    began = time.perf_counter()
    try:
        app = app_test.from_file(str(path), default_timeout=TIMEOUT_S)
        app.run()
    except Exception as error:  # a page that does not run at all
        return {"seconds": round(time.perf_counter() - began, 3), "ok": False, "error": repr(error)}
    seconds = round(time.perf_counter() - began, 3)
    errors = [str(e.value) for e in app.exception]
    return {"seconds": seconds, "ok": not errors, "error": "; ".join(errors)}


def _errors(result: dict[str, Any]) -> dict[str, Any]:
    return {"ok": result["ok"], **({"error": result["error"][:500]} if result.get("error") else {})}


@contextmanager
def _environment(settings: Settings) -> Iterator[None]:
    """Point the app's ``Graph()`` (which reads the environment) at the benchmark's database."""
    if settings.local:
        wanted = {
            "PROJEKTDB_DATA_DIR": str(settings.data_dir),
            "PROJEKTDB_BOLT_PORT": str(settings.bolt_port),
        }
        removed: tuple[str, ...] = ("NEO4J_URI",)
    else:
        wanted, removed = {}, ()
    saved = {key: os.environ.get(key) for key in (*wanted, *removed)}
    os.environ.update(wanted)
    for key in removed:
        os.environ.pop(key, None)
    try:
        yield
    finally:
        for key, value in saved.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value
