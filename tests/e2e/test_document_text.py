"""Text from documents is shown as text: Markdown images and HTML tags in a document never make
the viewer's browser fetch anything.

A färdplan whose table cells and prose carry ``![bild](http://127.0.0.1:PORT/…)`` and
``<img src=…>`` pointing at a small HTTP server of the test's own is ingested; then the pages a
viewer opens on it (Sök, the project, the document, Luckor och överlapp) are visited in Chromium.
The server must receive no request, and no page may hold an image with that address.
"""

from __future__ import annotations

import http.server
import threading
from collections.abc import Iterator
from urllib.parse import quote

import pytest

from graph import export
from graph.db import Graph
from graph.server import free_port
from graph.settings import Settings
from ingest.pipeline import ingest_paths
from tests.conftest import FARDPLAN
from tests.e2e.support import BROWSER_MARKS, assert_no_errors, settle, shoot

pytestmark = BROWSER_MARKS


class _Recorder(http.server.BaseHTTPRequestHandler):
    requests: list[str] = []

    def do_GET(self) -> None:  # noqa: N802  (the stdlib's name)
        type(self).requests.append(self.path)
        self.send_response(204)
        self.end_headers()

    def log_message(self, *_: object) -> None:
        pass


@pytest.fixture(scope="module")
def trap() -> Iterator[str]:
    """An HTTP server on loopback that records every request it gets."""
    server = http.server.ThreadingHTTPServer(("127.0.0.1", free_port()), _Recorder)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


@pytest.fixture(scope="module")
def hostile(
    app_url: str, neo4j_settings: Settings, trap: str, tmp_path_factory: pytest.TempPathFactory
) -> dict:
    """The sample färdplan with markup in its table cells and one paragraph; ids of what it gave."""
    lines = FARDPLAN.read_text(encoding="utf-8").splitlines()
    rows = [i for i, line in enumerate(lines) if line.count("\t") >= 3 and not line.startswith("Mål\t")]
    for number, index in enumerate(rows[:4]):
        cells = lines[index].split("\t")
        cells[1] += f" ![bild]({trap}/namn-{number}.png)"
        cells[-1] += f' <img src="{trap}/cell-{number}.png"> **fet** [länk](javascript:alert(1))'
        lines[index] = "\t".join(cells)
    lines.append(f"\nLäs mer om arbetet: ![karta]({trap}/stycke.png) och <img src={trap}/stycke-html.png>.")
    folder = tmp_path_factory.mktemp("fientlig")
    (folder / "fardplan-med-bilder.txt").write_text("\n".join(lines), encoding="utf-8")
    with Graph(neo4j_settings) as graph:
        assert all(report.ok for report in ingest_paths(graph, [folder]))
        nodes = export.snapshot(graph)["nodes"]
    projects = [
        n for n in nodes if "Project" in n["labels"] and "![bild]" in (n["properties"].get("name") or "")
    ]
    documents = [
        n for n in nodes if "Document" in n["labels"] and "bilder" in (n["properties"].get("file_name") or "")
    ]
    assert projects and len(documents) == 1, "the hostile names must be stored as they were written"
    _Recorder.requests.clear()
    return {"projects": [p["id"] for p in projects], "document": documents[0]["id"]}


def _images_pointing_at(page: object, trap: str) -> int:
    return page.evaluate(  # type: ignore[attr-defined]
        "(trap) => [...document.querySelectorAll('img, source, image')]"
        ".filter(e => (e.getAttribute('src') || e.getAttribute('href') || '').startsWith(trap)).length",
        trap,
    )


def test_markup_in_documents_is_never_fetched_or_rendered(
    page: object, app_url: str, trap: str, hostile: dict
) -> None:
    visits = [
        (f"{app_url}/sok?q={quote('bild')}", "tecken-sok"),
        *[
            (f"{app_url}/projekt?id={quote(pid, safe='')}", f"tecken-projekt-{n}")
            for n, pid in enumerate(hostile["projects"][:2])
        ],
        (f"{app_url}/dokument?id={quote(hostile['document'], safe='')}", "tecken-dokument"),
        (f"{app_url}/luckor", "tecken-luckor"),
    ]
    for url, name in visits:
        page.goto(url)  # type: ignore[attr-defined]
        settle(page)
        page.wait_for_timeout(500)  # type: ignore[attr-defined]  (time for any image to be asked for)
        assert_no_errors(page)
        assert _images_pointing_at(page, trap) == 0, name
        assert "javascript:alert" not in page.evaluate(  # type: ignore[attr-defined]
            "() => [...document.querySelectorAll('a')].map(a => a.getAttribute('href') || '').join(' ')"
        ), name
        shoot(page, name)
    assert _Recorder.requests == [], "the browser fetched addresses from the document's text"
    # the words stay readable (as text, not as markup)
    page.goto(f"{app_url}/projekt?id={quote(hostile['projects'][0], safe='')}")  # type: ignore[attr-defined]
    settle(page)
    assert "bild" in page.inner_text("[data-testid='stMain']")  # type: ignore[attr-defined]
