"""Sign-in as an editor meets it: it survives links inside the app and a reload, and sign-out ends it."""

from __future__ import annotations

from tests.e2e.support import BROWSER_MARKS, settle, shoot, sign_in, visit

pytestmark = BROWSER_MARKS

SIGNED_IN = "Inloggad:"


def signed_in(page: object) -> bool:
    settle(page)
    return SIGNED_IN in page.locator("[data-testid='stSidebar']").inner_text()  # type: ignore[attr-defined]


def test_sign_in_survives_a_search_hit_a_source_link_and_a_reload(app_url: str, page: object) -> None:
    visit(page, f"{app_url}/sok", "inloggning-sok", "Skriv ett eller flera ord")
    sign_in(page)
    box = page.get_by_label("Sökord")  # type: ignore[attr-defined]
    box.fill("unga vuxna")
    box.press("Enter")
    page.get_by_text("Träffar (").wait_for()  # type: ignore[attr-defined]
    settle(page)
    page.get_by_role("link", name="Tillsammans för unga vuxna").first.click()  # type: ignore[attr-defined]
    page.get_by_text("Var uppgiften står").wait_for()  # type: ignore[attr-defined]
    assert signed_in(page), "a search hit signed the editor out"

    page.reload()  # type: ignore[attr-defined]
    page.get_by_text("Var uppgiften står").wait_for()  # type: ignore[attr-defined]
    assert signed_in(page), "a reload signed the editor out"

    page.goto(f"{app_url}/redigera")  # type: ignore[attr-defined]  # a typed address: a new session too
    page.get_by_text("Typ av post").first.wait_for()  # type: ignore[attr-defined]
    assert "Logga in i sidomenyn" not in page.inner_text("body")  # type: ignore[attr-defined]
    shoot(page, "inloggning-redigera")


def test_sign_out_ends_the_session_for_reloads_too(app_url: str, page: object) -> None:
    visit(page, f"{app_url}/redigera", "utloggad-redigera", "Logga in i sidomenyn")
    sign_in(page)
    page.get_by_text("Typ av post").first.wait_for()  # type: ignore[attr-defined]
    settle(page)
    page.get_by_role("button", name="Logga ut").click()  # type: ignore[attr-defined]
    page.get_by_text("Logga in i sidomenyn").wait_for()  # type: ignore[attr-defined]
    settle(page)
    page.reload()  # type: ignore[attr-defined]
    page.get_by_text("Logga in i sidomenyn").wait_for()  # type: ignore[attr-defined]
    assert not signed_in(page)
    cookies = page.context.cookies()  # type: ignore[attr-defined]
    assert not [c for c in cookies if c["name"] == "projektdb_session" and c["value"]]


def test_a_forged_cookie_signs_nobody_in(app_url: str, page: object) -> None:
    host = app_url.split("//", 1)[1].split(":", 1)[0]
    page.context.add_cookies(  # type: ignore[attr-defined]
        [
            {
                "name": "projektdb_session",
                "value": "cmVkYWt0b3J8OTk5OTk5OTk5OXxhYmM.AAAA",
                "domain": host,
                "path": "/",
            }
        ]
    )
    visit(page, f"{app_url}/redigera", "forfalskad-kaka", "Logga in i sidomenyn")
    assert not signed_in(page)
