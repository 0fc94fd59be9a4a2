"""The reading pages as a viewer meets them after editors have worked: only Swedish, human fields.

Before the pages are opened, the graph is changed the way the app's own forms change it: a project
edited (pilot, follow-up plan, process state) and reviewed, a joint investment created from the
template, and a web page ingested whose text opens with a ``TITLE:`` line. Then the project,
actor, details, search, decision and document pages must show none of the graph's bookkeeping:
no ids, no property keys, no True/False, no ISO timestamps, no literal markup.
"""

from __future__ import annotations

import re
from urllib.parse import quote

import pytest

from graph import queries
from graph.db import Graph
from graph.maintain import edit, review, satsning
from graph.settings import Settings
from ingest.pipeline import ingest_paths
from tests.e2e.support import BROWSER_MARKS, EDITOR, assert_no_errors, settle, shoot

pytestmark = BROWSER_MARKS

EDITED_PROJECT = "Tillsammans för unga vuxna"
NEW_SATSNING = "Mobila närvårdsteam för äldre i Sörmland"
TITLED_PAGE = "Digitala vårdmöten i Sörmland"

# ids as domain.ids.make_id writes them ("project-<slug>-<8 hex>"), community ids, document ids (sha256)
ID_PATTERNS = [
    r"\b(?:project|actor|county|goalarea|focusarea|goal|indicator|measure|decision|targetgroup)"
    r"-[a-z0-9-]*[0-9a-f]{8}\b",
    r"\bcommunity:\d+",
    r"\b[0-9a-f]{32,}\b",
]
BOOKKEEPING = [
    r"\b(?:updated_at|updated_by|created_at|created_by|process_state|follow_up|pilot_plan|reviewed_at)\b",
    r"\b(?:version|manual|edited|confidence|extractor_version|search_terms|doc_props)\b",
    r"\bpilot:",
    r"\b(?:True|False|None)\b",
]
ISO_TIMESTAMP = [r"\d{4}-\d{2}-\d{2}T\d{2}:", r"[+-]\d{2}:\d{2}\b(?!\s*[–-])"]
MARKUP = [r"</?(?:i|b|em|strong|br|p|span)\b[^>]*>", r"\*", r"\b(?:TITLE|TITEL|SOURCE|KÄLLA)\s*:"]


@pytest.fixture(scope="module")
def edited(
    app_url: str, neo4j_settings: Settings, tmp_path_factory: pytest.TempPathFactory
) -> dict[str, str]:
    """The sample graph after an edit, a review, a template creation and an ingest (ids by role)."""
    folder = tmp_path_factory.mktemp("webpage")
    (folder / "digitala-vardmoten.md").write_text(
        f"TITLE: {TITLED_PAGE}\nSOURCE: https://www.regionsormland.se/digitala-vardmoten\n\n"
        "Region Sörmland och länets kommuner erbjuder digitala vårdmöten för äldre med hemtjänst. "
        "Arbetet ingår i omställningen till Nära vård och pågår 2024–2026.\n",
        encoding="utf-8",
    )
    # goals written with markdown marks, as saved documents often are: the page must not show them
    (folder / "mal-for-arbetet.txt").write_text(
        "Mål för arbetet\n\nMålen är:\n\n"
        "- **Kunskapsstyrning** - bästa tillgängliga kunskap ska finnas i hela länet\n"
        "- **Samverkan** - kommuner och region ska planera vården tillsammans\n",
        encoding="utf-8",
    )
    with Graph(neo4j_settings) as graph:
        ingest_paths(graph, [folder])
        project = _shortest(graph, "Project", EDITED_PROJECT.lower(), fold=True)
        node = edit.get_node(graph, project)
        assert node is not None
        edit.update_node(
            graph,
            project,
            {
                "pilot": True,
                "follow_up": "Uppföljning varje halvår i Länsstyrgruppen.",
                "process_state": "underlag",
            },
            node["version"],
            EDITOR,
        )
        review.accept(graph, project, node["version"] + 1, EDITOR)
        owner = _shortest(graph, "Actor", "Region Sörmland")
        focus = _first(graph, "FocusArea")
        target = _first(graph, "TargetGroup")
        created = satsning.create(
            graph,
            satsning.Satsning(
                name=NEW_SATSNING,
                goal_text="Färre akuta besök för äldre med stora behov.",
                owner=owner,
                target_groups=[target],
                focus_areas=[focus],
                start="2026-12-02",
                end="2027-06",
                county="Sörmland",
                follow_up="Uppföljning efter sex månader.",
                pilot=True,
                pilot_plan="Test i två kommuner före breddinförande.",
                state="underlag",
            ),
            EDITOR,
        )
        goal = _shortest(graph, "Goal", "**")
        decision = next(
            d["id"]
            for d in queries.decisions(graph)
            if re.fullmatch(r"\d{4}-\d{2}-\d{2}", d.get("date") or "")
        )
        documents = queries.documents(graph)
        document = next(d["id"] for d in documents if d["file_name"] == "digitala-vardmoten.md")
        plan = next(d["id"] for d in documents if (d["file_name"] or "").startswith("001_"))
    return {
        "project": project,
        "satsning": created,
        "owner": owner,
        "goal": goal,
        "decision": decision,
        "document": document,
        "plan": plan,
    }


def _shortest(graph: Graph, label: str, part: str, fold: bool = False) -> str:
    """The node of ``label`` with the shortest name that contains ``part`` (the app's picker list)."""
    rows = [
        r for r in edit.nodes_by_label(graph, label) if part in (r["name"].lower() if fold else r["name"])
    ]
    assert rows, (label, part)
    return str(min(rows, key=lambda r: len(r["name"]))["id"])


def _first(graph: Graph, label: str) -> str:
    """The first node of ``label`` in the picker's (name) order."""
    return str(edit.nodes_by_label(graph, label)[0]["id"])


def _open_everything(page: object) -> None:
    """Open every collapsed expander, so that the sources inside them are read too."""
    page.evaluate(  # type: ignore[attr-defined]
        "() => document.querySelectorAll(\"[data-testid='stExpander'] details:not([open]) > summary\")"
        ".forEach(summary => summary.click())"
    )
    settle(page, timeout_s=20)


def _read(page: object, name: str) -> str:
    settle(page)
    _open_everything(page)
    assert_no_errors(page)
    shoot(page, name)
    return str(page.inner_text("[data-testid='stMain']"))  # type: ignore[attr-defined]


def _check(text: str, where: str) -> None:
    found = []
    for pattern in ID_PATTERNS + BOOKKEEPING + ISO_TIMESTAMP + MARKUP:
        for match in re.finditer(pattern, text):
            start = max(match.start() - 40, 0)
            found.append(f"{pattern!r}: …{text[start : match.end() + 40]}…".replace("\n", " "))
    assert not found, f"{where}:\n" + "\n".join(found[:20])


def _open(page: object, url: str, expected: str) -> None:
    page.goto(url)  # type: ignore[attr-defined]
    page.get_by_text(expected).first.wait_for()  # type: ignore[attr-defined]


def _open_hit(page: object, name: str, shot: str, where: str) -> str:
    """On a search page: open the project's hit, check its page and return the page's text."""
    page.get_by_role("link", name=name).first.click()  # type: ignore[attr-defined]
    page.get_by_text("Var uppgiften står").wait_for()  # type: ignore[attr-defined]
    text = _read(page, shot)
    _check(text, where)
    return text


def test_the_edited_project_via_search_shows_only_human_fields(
    app_url: str, page: object, edited: dict[str, str]
) -> None:
    _open(page, f"{app_url}/sok?q={quote('unga vuxna')}", "Träffar (")
    _check(_read(page, "falt-sok"), "Sök")
    text = _open_hit(page, EDITED_PROJECT, "falt-projekt-redigerat", "Projekt (redigerat)")
    assert "Testas före breddinförande: ja" in text
    assert "Processteg: underlag" in text
    assert "Granskad: ja" in text


def test_the_template_project_shows_dates_as_people_write_them(
    app_url: str, page: object, edited: dict[str, str]
) -> None:
    _open(page, f"{app_url}/sok?q={quote('mobila närvårdsteam')}", "Träffar (")
    text = _open_hit(page, NEW_SATSNING, "falt-projekt-mall", "Projekt (från mallen)")
    assert "Start: 2 december 2026" in text
    assert "Slut: juni 2027" in text
    assert "Uppföljningsplan: Uppföljning efter sex månader." in text


def test_actor_details_and_decisions_show_only_human_fields(
    app_url: str, page: object, edited: dict[str, str]
) -> None:
    _open(page, f"{app_url}/aktor?id={quote(edited['owner'])}", "Var uppgiften står")
    _check(_read(page, "falt-aktor"), "Aktör")
    for role in ("goal", "decision"):
        _open(page, f"{app_url}/detaljer?id={quote(edited[role])}", "Var uppgiften står")
        _check(_read(page, f"falt-detaljer-{role}"), f"Övriga uppgifter ({role})")
    _open(page, f"{app_url}/beslut", "Beslutande organ")
    _check(_read(page, "falt-beslut"), "Beslut")


def test_documents_show_their_titles_and_when_they_were_read(
    app_url: str, page: object, edited: dict[str, str]
) -> None:
    _open(page, f"{app_url}/dokument?id={quote(edited['document'])}", "uppgifter kom från dokumentet")
    text = _read(page, "falt-dokument-webbsida")
    _check(text, "Dokument (webbsida)")
    assert TITLED_PAGE in text
    assert re.search(r"inläst \d{1,2} \w+ \d{4} kl\. \d{2}\.\d{2}", text), text[:400]
    _open(page, f"{app_url}/dokument?id={quote(edited['plan'])}", "uppgifter kom från dokumentet")
    _check(_read(page, "falt-dokument-fardplan"), "Dokument (färdplan)")
