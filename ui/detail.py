"""Everything linked to one node, and for every extracted fact its source quote and page."""

from __future__ import annotations

from collections import defaultdict
from typing import Any

import streamlit as st

from domain import readable
from ui import data
from ui.components import document_titles, link, md, md_escape, node_link, parse_sources, quote_block
from ui.vocabulary import detail_url, label_name, relation_name

Row = dict[str, Any]
RELATIONS_SHOWN = 50  # per kind of relationship; a focus area or a region has thousands


def render_node(node_id: str) -> Row | None:
    """Show one node; returns its detail row, or None (with a Swedish message) when it is unknown."""
    node = data.node_detail(node_id)
    if node is None:
        st.warning("Det finns ingen uppgift med den adressen. Den kan ha tagits bort vid en ny inläsning.")
        return None
    label = node["labels"][0] if node["labels"] else None
    props = node["properties"]
    st.header(readable.node_name(props, label_name(label)))
    st.caption(label_name(label))
    st.page_link(
        "ui/pages/network.py", label="Visa i nätverket", icon=":material/hub:", query_params={"id": node_id}
    )

    _properties(props, label)
    relations = data.node_relation_groups(node_id, per_group=RELATIONS_SHOWN)
    _relations(relations)
    _mentions(node["mentions"])
    shown, total = len(node["mentions"]), node.get("mention_count", 0)
    if total > shown:
        st.caption(f"Visar de första {shown} av {total} ställen i dokumenten.")
    return node


def _properties(props: Row, label: str | None) -> None:
    """What a reader sees of the node (domain.readable decides): Swedish titles, values in words."""
    rows = readable.shown_properties(props, label)
    if not rows:
        return
    md("\n".join(f"- **{name}:** {md_escape(' '.join(value.split()))}" for name, value in rows))


def _relations(relations: list[Row]) -> None:
    st.subheader("Kopplingar")
    if not relations:
        st.info("Inga kopplingar till andra uppgifter.")
        return
    grouped: dict[str, list[Row]] = defaultdict(list)
    for relation in relations:
        grouped[relation_name(relation["type"], relation["outgoing"])].append(relation)
    titles = document_titles()
    for name, rows in grouped.items():
        total = sum({(r["type"], r["outgoing"]): r.get("total", 1) for r in rows}.values())
        md(f"**{name.capitalize()}** ({max(total, len(rows))})")
        for relation in rows:
            _relation(relation, titles)
        if total > len(rows):
            st.caption(f"Visar de första {len(rows)} av {total} i bokstavsordning.")


def _relation(relation: Row, titles: dict[str, str]) -> None:
    props = relation["properties"] or {}
    link = node_link(relation["other_label"], relation["other_id"], relation["other_name"])
    extra = []
    if props.get("role"):
        extra.append(f"roll: {readable.plain_text(props['role'])}")
    if props.get("reasons"):
        reasons = props["reasons"]
        extra.append("; ".join(map(readable.plain_text, reasons if isinstance(reasons, list) else [reasons])))
    suffix = f" ({md_escape(', '.join(extra))})" if extra else ""
    sources = parse_sources(props.get("sources"))
    md(f"- {label_name(relation['other_label'])}: {link}{suffix}")
    if sources:
        with st.expander(f"Källa ({len(sources)})", expanded=False):
            for source in sources:
                document = source.get("document")
                quote_block(source.get("quote", ""), source.get("page"), document, titles.get(document or ""))


def _mentions(mentions: list[Row]) -> None:
    st.subheader("Var uppgiften står")
    if not mentions:
        st.info("Uppgiften har inga källhänvisningar (den kan vara inlagd för hand).")
        return
    for mention in mentions:
        written = mention.get("as_written")
        reason = mention.get("reason")
        notes = []
        if written:
            notes.append(f"skrivet som \u201d{md_escape(readable.plain_text(written))}\u201d")
        if reason:
            notes.append(f"kopplad hit: {md_escape(readable.plain_text(reason))}")
        if notes:
            st.caption(" · ".join(notes))
        quote_block(
            mention["quote"] or "",
            mention["page"],
            mention["document"],
            mention["title"],
            _offset(mention.get("start")),
            _offset(mention.get("end")),
        )


def _offset(value: object) -> int:
    return value if isinstance(value, int) else -1


def document_link(document_id: str, title: str | None) -> str:
    return link(detail_url("Document", document_id), readable.document_title(title) or "dokumentet")
