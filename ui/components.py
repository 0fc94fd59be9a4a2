"""Small building blocks the pages share: links, provenance quotes, node pickers."""

from __future__ import annotations

import html
import json
from typing import Any

import streamlit as st

from ui import data
from ui.vocabulary import detail_url, label_name

Row = dict[str, Any]


def md_escape(text: str) -> str:
    """Text safe inside markdown (no accidental links, emphasis or HTML)."""
    out = str(text or "")
    for char in "\\`*_{}[]<>()#+|!$~":
        out = out.replace(char, "\\" + char)
    return out


def node_link(label: str | None, node_id: str, name: str | None) -> str:
    """A link to the node's detail page that opens in the same tab (show it with ``md``)."""
    return link(detail_url(label, node_id), name or node_id)


def link(url: str, text: str) -> str:
    return f'<a href="{html.escape(url)}" target="_self">{md_escape(html.escape(text))}</a>'


def md(body: str, **_: object) -> None:
    """Markdown that may hold ``node_link`` anchors (only text we escaped ourselves is HTML)."""
    st.markdown(body, unsafe_allow_html=True)


def document_titles() -> dict[str, str]:
    return {d["id"]: d["title"] or d["file_name"] or d["id"][:12] for d in data.documents()}


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


def quote_block(quote: str, page: int | None, document_id: str | None, title: str | None) -> None:
    """A source quote with its page and a link to the document it came from."""
    where = f"sidan {page}" if page else "okänd sida"
    document = (
        link(detail_url("Document", document_id), title or "dokumentet") if document_id else "okänt dokument"
    )
    st.markdown(f"> {md_escape(quote)}\n\n<small>Källa: {document}, {where}</small>", unsafe_allow_html=True)


def pick_node(label: str, query_key: str = "id", placeholder: str = "Välj …") -> str | None:
    """The node id from the address (?id=...) or, when missing, a picker of all nodes of the label."""
    nodes = data.nodes_by_label(label)
    ids = [n["id"] for n in nodes]
    names = {n["id"]: _picker_name(n) for n in nodes}
    wanted = st.query_params.get(query_key)
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


def _picker_name(node: Row) -> str:
    extra = [x for x in (node.get("type"), node.get("county")) if x]
    return f"{node['name']} ({', '.join(extra)})" if extra else str(node["name"])
