"""Every page, signed in as an administrator (so every form is drawn), with its expanders open and
a table hovered (so the table toolbar shows): no English word of Streamlit's or Plotly's own texts,
no internal id and no bookkeeping key anywhere a viewer looks (visible text, placeholders, tooltips)."""

from __future__ import annotations

import re

import pytest

from tests.e2e.support import ADMIN, ADMIN_PASSWORD, BROWSER_MARKS, settle, shoot, sign_in

pytestmark = BROWSER_MARKS

# url path → a text the page shows once its script ran
PAGES = {
    "": "Översikt",  # the default page is at the root
    "sok": "Sök",
    "natverk": "Nätverk",
    "projekt": "Projekt",
    "aktor": "Aktör",
    "detaljer": "Övriga uppgifter",
    "luckor": "Luckor",
    "fokusomraden": "fokusområde",
    "indikatorer": "Indikatorer",
    "beslut": "Beslut",
    "dokument": "Inlästa dokument",
    "granska": "Granska",
    "redigera": "Typ av post",
    "ny-satsning": "Ny satsning",
    "sla-ihop": "Slå ihop",
    "historik": "Historik",
    "excel": "Excel",
    "brevlada": "Brevlådan",
}

# English that Streamlit, its table and Plotly write themselves; kept as a list so a new widget's
# text is found: words with a capital, as these libraries write them
ENGLISH = re.compile(
    r"\b(?:Drag and drop|Browse files|Upload|per file|Choose an option|Choose options|Select|"
    r"Press Enter|Ctrl\+Enter|submit form|View \d+ more|View less|No results|No data|No options|"
    r"Download|Search|Fullscreen|Show/hide|Clear|Close|Loading|Running|Rerun|Deploy|Settings|"
    r"Print|Record|Zoom|Pan|Autoscale|Reset axes|Box Select|Lasso Select|Produced with|"
    r"Add row|Delete|Copy|Cancel|Submit|Next|Previous|Today|Error|Warning|None|True|False|null|"
    r"Page not found|does not seem to exist)\b"
)
# what an id or a bookkeeping key looks like in text
RAW = re.compile(
    r"\b(?:project|actor|focusarea|goal|goalarea|indicator|measure|decision|targetgroup|county)-[0-9a-f]{6,}\b"
    r"|\b[0-9a-f]{40,64}\b"
    r"|\b(?:updated_at|created_at|extractor_version|search_terms|doc_props|extracted_keys|merged_ids|"
    r"props_source|page_texts|RELATED_TO|IN_FOCUS_AREA|RESPONSIBLE_FOR|MENTIONED_IN)\b"
)


def _everything_a_viewer_reads(page: object) -> str:
    """Visible text, placeholders, tooltips and accessible names of what is on the page."""
    for summary in page.locator("[data-testid='stExpander'] summary").all()[:12]:  # type: ignore[attr-defined]
        if summary.is_visible():
            summary.click()
    settle(page)
    tables = [t for t in page.locator("[data-testid='stDataFrame']").all() if t.is_visible()]  # type: ignore[attr-defined]
    if tables:
        tables[0].hover()
        page.wait_for_timeout(400)  # type: ignore[attr-defined]
    attributes = page.evaluate(  # type: ignore[attr-defined]
        """() => [...document.querySelectorAll('[placeholder], [title], [aria-label], [data-title]')]
             .filter(e => e.offsetParent !== null)
             .flatMap(e => ['placeholder', 'title', 'aria-label', 'data-title']
               .filter(a => e.getAttribute(a))
               .map(a => `${e.tagName.toLowerCase()}[${a}]: ${e.getAttribute(a)}`))
             .join('\\n')"""
    )
    return page.inner_text("body") + "\n" + attributes  # type: ignore[attr-defined]


@pytest.mark.parametrize("path", list(PAGES))
def test_the_page_has_no_english_and_no_internal_ids(app_url: str, page: object, path: str) -> None:
    page.goto(f"{app_url}/{path}")  # type: ignore[attr-defined]
    page.get_by_label("Användarnamn").wait_for()  # type: ignore[attr-defined]
    settle(page)
    sign_in(page, ADMIN, ADMIN_PASSWORD)
    page.get_by_text(PAGES[path]).first.wait_for()  # type: ignore[attr-defined]
    settle(page)
    read = _everything_a_viewer_reads(page)
    shoot(page, f"sida-{path or 'oversikt'}")
    english = sorted({read[max(0, m.start() - 60) : m.end() + 20] for m in ENGLISH.finditer(read)})
    raw = sorted(set(RAW.findall(read)))
    assert english == [], f"English on /{path}: {english}"
    assert raw == [], f"ids or keys on /{path}: {raw}"
