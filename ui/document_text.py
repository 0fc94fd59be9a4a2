"""A document's text, page by page, with every quoted passage marked and the one a "Källa" link
points at picked out and scrolled to: a reader checks a fact against its source in place."""

from __future__ import annotations

import html
import re
from collections.abc import Callable
from urllib.parse import urlencode

import streamlit as st

from domain import titles
from domain.passages import Mark, Piece, locate, pieces
from domain.readable import plain_text
from ui import data
from ui.vocabulary import detail_url, label_name

# the address of a passage: ./dokument?id=…&sida=3&fran=120&till=180 (or &citat=… when only the
# quote is known, as for a relationship's sources)
PAGE_PARAM, FROM_PARAM, TO_PARAM, QUOTE_PARAM = "sida", "fran", "till", "citat"
QUOTE_IN_ADDRESS = 160  # characters of a quote carried in a link: enough to find it on its page
FOCUS_ID = "citatet"
FOCUS = "focus"  # the label of the mark for the passage a link points at
# markup a page's text may carry (Markdown, HTML left in a text file), left out when shown:
# (pattern, replacement) in priority order; a list bullet becomes a bullet sign, not nothing
_MARKUP: list[tuple[re.Pattern[str], Callable[[re.Match[str]], str]]] = [
    (re.compile(r"<[^<>\n]{1,200}>"), lambda m: ""),
    (re.compile(r"&(?:#\d{1,6}|#x[0-9a-fA-F]{1,5}|[A-Za-z]{2,8});"), lambda m: html.unescape(m.group())),
    (re.compile(r"^([ \t]*)[*+][ \t]", re.MULTILINE), lambda m: m.group(1) + "• "),
    (re.compile(r"^#{1,6}[ \t]+", re.MULTILINE), lambda m: ""),
    # a saved page's own labels in front of its title and address ("TITLE: …", "SOURCE: …")
    (
        re.compile(r"^[ \t]*(?:TITLE|TITEL|RUBRIK|SOURCE|KÄLLA)[ \t]*:[ \t]*", re.MULTILINE),
        lambda m: "",
    ),
    (re.compile(r"\*{1,3}|(?<!\w)_{1,2}(?=\w)|(?<=\w)_{1,2}(?!\w)"), lambda m: ""),
]

STYLE = """
<style>
.dokumenttext { white-space: pre-wrap; line-height: 1.6; font-size: 0.95rem;
  border-left: 3px solid #d0d7de; padding: 0.2rem 0 0.2rem 1rem; overflow-wrap: anywhere; }
.dokumenttext mark { background: #fff3b0; padding: 0 1px; border-radius: 2px; }
.dokumenttext mark.citatet { background: #ffc24d; outline: 2px solid #b45309; }
</style>
"""
# Streamlit has no call to scroll to an element; the marked passage is found by its id once drawn
SCROLL = """
<script>
(function () {
  let tries = 0;
  const timer = setInterval(function () {
    const target = window.parent.document.getElementById("%s") || document.getElementById("%s");
    if (target) { target.scrollIntoView({block: "center"}); clearInterval(timer); }
    if (++tries > 40) clearInterval(timer);
  }, 150);
})();
</script>
"""


def passage_url(document_id: str, page: int | None, quote: str, start: int = -1, end: int = -1) -> str:
    """The link from a quote to its place in the document's text."""
    url = detail_url("Document", document_id)
    if not page:
        return url
    params: dict[str, str | int] = {PAGE_PARAM: page}
    if 0 <= start < end:
        params |= {FROM_PARAM: start, TO_PARAM: end}
    elif quote:
        params[QUOTE_PARAM] = " ".join(quote.split())[:QUOTE_IN_ADDRESS]
    return f"{url}&{urlencode(params)}"


def show_text(document_id: str, page_count: int) -> None:
    """The text section of a document's page."""
    st.subheader("Dokumentets text")
    wanted = _int_param(PAGE_PARAM)
    if page_count > 1:
        page = st.number_input(
            f"Sida (1–{page_count})",
            min_value=1,
            max_value=page_count,
            value=min(max(wanted or 1, 1), page_count),
        )
    else:
        page = 1
    shown = data.document_page(document_id, int(page))
    if shown is None or not shown.text:
        if shown is not None and shown.page_count == 0:
            st.info(
                "Dokumentets text sparades inte när det lästes in. Läs in filen igen för att kunna se "
                "citaten i sitt sammanhang."
            )
        else:
            st.info("Sidan har ingen text (den kan vara en bild).")
        return
    focus = _focus(shown.text) if wanted == shown.number else None
    marks = list(shown.marks)
    if focus is not None:
        marks.append(Mark(focus[0], focus[1], label=FOCUS))
    marked = titles.counted(
        len({(m.start, m.end) for m in shown.marks}), "citerat ställe", "citerade ställen"
    )
    note = f"Sidan {shown.number} av {max(shown.page_count, 1)} · {marked} markerade i gult"
    if focus is not None:
        note += " · citatet du kom från är markerat i orange"
    elif wanted == shown.number and (_int_param(FROM_PARAM) is not None or st.query_params.get(QUOTE_PARAM)):
        note += " · citatet du kom från finns inte längre ordagrant på sidan"
    st.caption(note)
    st.html(STYLE + f'<div class="dokumenttext">{render(shown.text, pieces(shown.text, marks))}</div>')
    if focus is not None:
        st.html(SCROLL % (FOCUS_ID, FOCUS_ID), unsafe_allow_javascript=True)


def render(text: str, parts: list[Piece]) -> str:
    """The pieces of ``text`` as HTML: markup left out, the rest escaped, marked passages in
    <mark> with what was read there (as a tooltip)."""
    edits = _markup_edits(text)
    out = []
    for part in parts:
        shown = html.escape(_edited(text, part.start, part.end, edits))
        if not part.marks:
            out.append(shown)
            continue
        read = [m for m in part.marks if m.label != FOCUS]
        names = "; ".join(
            dict.fromkeys(f"{label_name(m.label)}: {plain_text(m.name)}" for m in read if m.name)
        )
        attributes = f' class="{FOCUS_ID}" id="{FOCUS_ID}"' if len(read) < len(part.marks) else ""
        if names:
            attributes += f' title="{html.escape(names, quote=True)}"'
        out.append(f"<mark{attributes}>{shown}</mark>")
    return "".join(out)


def _markup_edits(text: str) -> dict[int, tuple[int, str]]:
    """What markup to leave out of the page text, as start -> (end, replacement), found on the
    whole page (so a passage's edge cutting "**namn**" in two leaves no stray marks)."""
    edits: dict[int, tuple[int, str]] = {}
    taken = bytearray(len(text))
    for pattern, replace in _MARKUP:
        for found in pattern.finditer(text):
            left, right = found.span()
            if right > left and not any(taken[left:right]):
                edits[left] = (right, replace(found))
                taken[left:right] = b"\x01" * (right - left)
    return edits


def _edited(text: str, start: int, end: int, edits: dict[int, tuple[int, str]]) -> str:
    out, at = [], start
    while at < end:
        edit = edits.get(at)
        if edit is None:
            following = min((k for k in range(at + 1, end) if k in edits), default=end)
            out.append(text[at:following])
            at = following
            continue
        out.append(edit[1])
        at = edit[0]
    return "".join(out)


def _focus(text: str) -> tuple[int, int] | None:
    start, end = _int_param(FROM_PARAM), _int_param(TO_PARAM)
    quote = st.query_params.get(QUOTE_PARAM, "")
    if start is not None and end is not None:
        return locate(text, quote, start, end)
    return locate(text, quote) if quote else None


def _int_param(name: str) -> int | None:
    try:
        return int(st.query_params.get(name, ""))
    except ValueError:
        return None
