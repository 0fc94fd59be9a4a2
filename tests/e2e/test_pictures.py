"""The pictures people look for: the network page's labelled nodes and its Swedish panel on a
click (with a link to the node's page and its links drawn on request), and the charts of
overlaps, clusters, goals without activity and projects per focus area (a click on a bar shows
that area's projects). No English and no ids in what is shown."""

from __future__ import annotations

import re

import pytest

from graph.db import Graph
from graph.maintain import edit
from graph.settings import Settings
from tests.e2e.support import BROWSER_MARKS, assert_no_errors, settle, shoot, visit
from tests.e2e.test_human_fields import ID_PATTERNS
from tests.e2e.test_swedish import ENGLISH

pytestmark = BROWSER_MARKS

CENTRE = "Tillsammans för unga vuxna"
# what the earlier network component and plotly's toolbar said in English
ENGLISH_HERE = re.compile(
    ENGLISH.pattern
    + r"|\bActor\b|\bfullname\b|No selected elements|\bZoom\b|Autoscale|Download plot|Reset axes|"
    r"\bProject\b|\bFocusArea\b|\bTargetGroup\b"
)
PLOT = ".js-plotly-plot"


@pytest.fixture(scope="module")
def centre_id(app_url: str, neo4j_settings: Settings) -> str:
    with Graph(neo4j_settings) as graph:
        rows = [r for r in edit.nodes_by_label(graph, "Project") if CENTRE.lower() in r["name"].lower()]
    return str(min(rows, key=lambda r: len(r["name"]))["id"])


def visible_problems(page: object) -> list[str]:
    text = page.inner_text("[data-testid='stMain']")  # type: ignore[attr-defined]
    found = ENGLISH_HERE.findall(text)
    for pattern in ID_PATTERNS:
        found += re.findall(pattern, text)
    return found


def svg_texts(page: object, selector: str) -> list[str]:
    """The texts of SVG elements (inner_text is for HTML)."""
    return page.locator(selector).evaluate_all("els => els.map(e => e.textContent || '')")  # type: ignore[attr-defined]


def click_centre_of(page: object, selector: str, index: int = 0) -> None:
    """Plotly takes clicks on its drag layer over the points: a click where the point is drawn,
    scrolled into the window first (a point below the fold is no place a mouse can click)."""
    point = page.locator(selector).nth(index)  # type: ignore[attr-defined]
    point.scroll_into_view_if_needed()
    box = point.bounding_box()
    assert box is not None
    page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)  # type: ignore[attr-defined]


def expander_titles(page: object) -> list[str]:
    """The expanders' titles without the arrow icon's name."""
    texts = page.locator("[data-testid='stExpander'] summary").all_inner_texts()  # type: ignore[attr-defined]
    return [t.replace("keyboard_arrow_down", "").replace("keyboard_arrow_right", "").strip() for t in texts]


def open_tab(page: object, name: str) -> None:
    page.get_by_role("tab", name=name).click()  # type: ignore[attr-defined]
    settle(page)


POINTS = f"{PLOT} .scatterlayer .trace .point"


def point_names(page: object) -> list[str]:
    """The kind and name plotly shows on hover, for every point drawn (in drawing order)."""
    return page.evaluate(  # type: ignore[attr-defined]
        """() => [...document.querySelectorAll('.js-plotly-plot .scatterlayer .trace')].flatMap(t =>
             [...t.querySelectorAll('.point')].map((_, i) => {
               const d = t.__data__ && t.__data__[0] && t.__data__[0].trace;
               return d && d.hovertext ? String(d.hovertext[i]).split('<br>')[0] : '';
             }))"""
    )


def test_the_network_names_its_nodes_and_explains_a_click_in_swedish(
    app_url: str, page: object, centre_id: str
) -> None:
    visit(page, f"{app_url}/natverk?id={centre_id}", "natverk-bild", "Kopplingar i bilden")
    page.locator(POINTS).first.wait_for()  # type: ignore[attr-defined]
    settle(page)
    labels = [t for t in svg_texts(page, f"{PLOT} .scatterlayer .textpoint text") if t]
    assert len(labels) >= 3 and any(CENTRE.lower() in label.lower() for label in labels), labels
    legend = svg_texts(page, f"{PLOT} .legendtext")
    assert legend and "Projekt" in legend and not ENGLISH_HERE.findall(" ".join(legend)), legend
    assert visible_problems(page) == []

    names = point_names(page)
    target = next(i for i, name in enumerate(names) if name and CENTRE.lower() not in name.lower())
    before = page.locator(POINTS).count()  # type: ignore[attr-defined]
    click_centre_of(page, POINTS, target)
    # nodes may overlap: the panel explains the node the click landed on, which must be one drawn
    opened = page.get_by_role("link", name=re.compile("^Öppna sidan för "))  # type: ignore[attr-defined]
    opened.first.wait_for()
    settle(page)
    name = opened.first.inner_text().split("Öppna sidan för ", 1)[1].strip()  # after the icon's name
    drawn = {n.split(": ", 1)[1]: n.split(": ", 1)[0] for n in names if n and ": " in n}
    assert name in drawn, (name, sorted(drawn))
    kind = drawn[name]
    shoot(page, "natverk-klickad")
    assert f"{kind}: {name}" in page.inner_text("[data-testid='stMain']")  # type: ignore[attr-defined]
    assert visible_problems(page) == []

    expand = page.get_by_role("button", name="Visa dess kopplingar också")  # type: ignore[attr-defined]
    if expand.count():
        expand.click()
        settle(page)
        page.locator(POINTS).first.wait_for()  # type: ignore[attr-defined]
        assert page.locator(POINTS).count() >= before  # type: ignore[attr-defined]
        assert page.get_by_role("button", name="Visa bara utgångspunkten").count() == 1  # type: ignore[attr-defined]
    page.get_by_role("link", name=f"Öppna sidan för {name}").click()  # type: ignore[attr-defined]
    page.locator("h2", has_text=name[:30]).first.wait_for()  # type: ignore[attr-defined]  # the page names it in a header
    settle(page)
    assert_no_errors(page)
    assert "id=" in page.url


def test_the_county_picker_stays_when_starting_from_an_actor(app_url: str, page: object) -> None:
    visit(page, f"{app_url}/natverk", "natverk-start", "Utgå från")
    page.locator("[data-testid='stRadio']").get_by_text("Aktör", exact=True).click()  # type: ignore[attr-defined]
    settle(page)
    boxes = page.locator("[data-testid='stSelectbox']").all_inner_texts()  # type: ignore[attr-defined]
    assert any(text.startswith("Län") for text in boxes), boxes
    assert any(text.startswith("Aktör") for text in boxes), boxes
    assert visible_problems(page) == []


def test_gap_tabs_draw_goals_overlaps_and_clusters(app_url: str, page: object) -> None:
    visit(page, f"{app_url}/luckor", "luckor-tackning", "Luckor i täckningen")
    for tab, shot, expected in (
        ("Mål utan aktivitet", "luckor-mal", "Mål utan aktivitet per fokusområde"),
        ("Överlapp", "luckor-overlapp", "Projekt som överlappar varandra"),
        ("Kluster", "luckor-kluster", "Projekt per kluster"),
    ):
        open_tab(page, tab)
        page.locator(f"{PLOT} .gtitle", has_text=expected).first.wait_for()  # type: ignore[attr-defined]
        assert_no_errors(page)
        assert page.locator(PLOT).count() >= 1  # type: ignore[attr-defined]
        assert page.locator(".modebar").count() == 0  # type: ignore[attr-defined]  # plotly's English toolbar
        shoot(page, shot)
        assert visible_problems(page) == [], tab
    open_tab(page, "Mål utan aktivitet")
    assert page.locator("[data-testid='stExpander']").count() >= 1  # type: ignore[attr-defined]


def test_a_bar_click_shows_that_focus_areas_projects(app_url: str, page: object) -> None:
    visit(page, f"{app_url}/fokusomraden", "fokus-staplar", "Klicka på en stapel")
    assert page.locator(f"{PLOT} .barlayer .point").count() >= 2  # type: ignore[attr-defined]
    every = expander_titles(page)
    assert len(every) >= 2
    click_centre_of(page, f"{PLOT} .barlayer .point path", 0)
    page.get_by_role("button", name="Visa alla fokusområden").wait_for()  # type: ignore[attr-defined]
    settle(page)
    assert_no_errors(page)
    shoot(page, "fokus-vald-stapel")
    shown = expander_titles(page)
    assert len(shown) == 1 and shown[0] in every
    heading = page.locator("[data-testid='stMain'] h3").first.inner_text()  # type: ignore[attr-defined]
    assert heading.split(" (")[0] == shown[0].split(" (")[0]
    assert visible_problems(page) == []
    page.get_by_role("button", name="Visa alla fokusområden").click()  # type: ignore[attr-defined]
    settle(page)
    again = expander_titles(page)
    assert len(again) == len(every)
