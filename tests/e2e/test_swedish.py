"""Streamlit's own widget texts are English; the pages an editor uses show none of them."""

from __future__ import annotations

import re

from tests.e2e.support import BROWSER_MARKS, settle, shoot, sign_in, visit

pytestmark = BROWSER_MARKS

# texts Streamlit writes itself, seen on these pages before they were replaced or hidden
ENGLISH = re.compile(
    r"Drag and drop|Browse files|\bUpload\b|per file|Choose an option|Choose options|Press Enter|"
    r"Ctrl\+Enter|submit form|View \d+ more|View less|No results"
)


def english_in(page: object) -> list[str]:
    settle(page)
    return ENGLISH.findall(page.inner_text("body"))  # type: ignore[attr-defined]


def test_upload_form_edit_form_and_page_list_speak_swedish(app_url: str, page: object) -> None:
    visit(page, f"{app_url}/dokument", "svenska-dokument-utloggad", "Inlästa dokument")
    sign_in(page)
    page.locator("input[type='file']").first.wait_for(state="attached")  # type: ignore[attr-defined]
    found = english_in(page)
    shoot(page, "svenska-dokument")
    assert found == []
    sidebar = page.locator("[data-testid='stSidebar']").inner_text()  # type: ignore[attr-defined]
    assert "Brevlådan" in sidebar and "Excel" in sidebar  # every section shown, none folded away
    shoot(page, "svenska-dokument")
    visit(page, f"{app_url}/redigera", "svenska-redigera", "Typ av post")
    page.get_by_label("Namn", exact=True).click()  # type: ignore[attr-defined]  # instructions show on focus
    assert english_in(page) == []
