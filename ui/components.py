"""Small building blocks the pages share: links, provenance quotes, node pickers."""

from __future__ import annotations

import html
import json
from typing import Any

import streamlit as st

from domain.readable import document_title, one_line, plain_text
from ui import data
from ui.document_text import passage_url
from ui.vocabulary import detail_url, label_name

Row = dict[str, Any]


def md_escape(text: str) -> str:
    """Text safe inside markdown (no accidental links, emphasis or HTML)."""
    out = str(text or "")
    for char in "\\`*_{}[]<>()#+|!$~":
        out = out.replace(char, "\\" + char)
    return out


def node_link(label: str | None, node_id: str, name: str | None) -> str:
    """A link to the node's detail page that opens in the same tab (show it with ``md``); the name
    as plain text, and the kind of node when it has none (an id is nothing a reader can use)."""
    return link(detail_url(label, node_id), plain_text(name) or label_name(label))


def link(url: str, text: str) -> str:
    return f'<a href="{html.escape(url)}" target="_self">{md_escape(html.escape(text))}</a>'


CHART_CONFIG = {"displayModeBar": False, "locale": "sv", "scrollZoom": False}


def chart(figure: Any, **kwargs: Any) -> Any:
    """A plotly figure across the page without plotly's (English) toolbar; ``kwargs`` go to
    st.plotly_chart (e.g. ``key`` and ``on_select`` for click events, whose value it returns)."""
    kwargs.setdefault("width", "stretch")
    return st.plotly_chart(figure, config=CHART_CONFIG, **kwargs)


def md(body: str, **_: object) -> None:
    """Markdown that may hold ``node_link`` anchors (only text we escaped ourselves is HTML)."""
    st.markdown(body, unsafe_allow_html=True)


def document_titles() -> dict[str, str]:
    return data.document_titles()


def parse_sources(sources: list[str] | None) -> list[Row]:
    """The ``sources`` of an extracted relationship: JSON strings {document, page, quote}."""
    parsed = []
    for source in sources or []:
        try:
            value = json.loads(source)
        except (TypeError, ValueError):
            continue
        if isinstance(value, dict):
            parsed.append(value)
    return parsed


def quote_block(
    quote: str, page: int | None, document_id: str | None, title: str | None, start: int = -1, end: int = -1
) -> None:
    """A source quote, as plain text, with its page and links to the document it came from and
    to the quote's place in the document's text."""
    where = f"sidan {page}" if page else "okänd sida"
    shown_title = document_title(title) or "dokumentet"
    document = link(detail_url("Document", document_id), shown_title) if document_id else "okänt dokument"
    text = md_escape(one_line(quote))
    in_place = ""
    if document_id and page:
        in_place = " · " + link(passage_url(document_id, page, quote, start, end), "visa i dokumentet")
    st.markdown(f"> {text}\n\n<small>Källa: {document}, {where}{in_place}</small>", unsafe_allow_html=True)


PICKER_LIST_MAX = 2000  # a label with more nodes than this is searched by name instead of listed
PICKER_MATCHES = 50


def pick_node(label: str, query_key: str = "id", placeholder: str = "Välj …") -> str | None:
    """The node id from the address (?id=...) or, when missing, a picker: every node of a small
    label in one list; for a large one (projects at national scale) a name search and its matches."""
    wanted = st.query_params.get(query_key)
    if data.label_sizes().get(label, 0) > PICKER_LIST_MAX:
        nodes = _search_nodes(label, wanted)
    else:
        nodes = data.nodes_by_label(label)
    ids = [n["id"] for n in nodes]
    names = {n["id"]: _picker_name(n) for n in nodes}
    index = ids.index(wanted) if wanted in ids else None
    chosen = st.selectbox(
        label_name(label),
        ids,
        index=index,
        format_func=lambda i: names.get(i, i),
        placeholder=placeholder,
    )
    if chosen and chosen != wanted:
        st.query_params[query_key] = chosen
    if wanted and wanted not in ids and not chosen:
        return wanted  # an id of another kind: the page shows what it is
    return chosen


def _search_nodes(label: str, wanted: str | None) -> list[Row]:
    """A name search for a large label: its first matches, and the node in the address first."""
    text = st.text_input(
        f"Sök {label_name(label).lower()} på namn",
        key=f"pick_search:{label}",
        placeholder="Skriv en del av namnet, t.ex. ett ord eller en ort …",
    ).strip()
    nodes = data.find_nodes(label, text, limit=PICKER_MATCHES) if text else []
    if text and not nodes:
        st.caption("Inget namn innehåller alla orden. Pröva färre ord eller en kortare del av ett ord.")
    elif len(nodes) >= PICKER_MATCHES:
        st.caption(
            f"De {PICKER_MATCHES} första träffarna i bokstavsordning. Skriv fler ord för att hitta rätt."
        )
    elif nodes:
        st.caption(f"{len(nodes)} träffar.")
    if wanted and wanted not in {n["id"] for n in nodes}:
        node = data.node_detail(wanted)  # cached, and the page shows the node anyway
        if node is not None and label in node["labels"]:
            props = node["properties"]
            shown = {"id": wanted, "name": props.get("name") or label_name(label)}
            nodes = [shown | {"type": props.get("type"), "county": props.get("county")}, *nodes]
    return nodes


def _picker_name(node: Row) -> str:
    extra = [x for x in (node.get("type"), node.get("county")) if x]
    name = plain_text(node["name"])
    return f"{name} ({', '.join(extra)})" if extra else name
