"""One change of the history as an editor reads it: when (in Swedish time), who, what was done to
which post (linked), and old → new for every field it changed."""

from __future__ import annotations

import streamlit as st

from domain.readable import swedish_date
from service.maintain import ACTION_TITLES, Change, value_changes
from ui.components import md, md_escape, node_link
from ui.vocabulary import label_name

EMPTY = "(tomt)"


def show_change(change: Change, *, with_post: bool = True) -> None:
    action = ACTION_TITLES.get(change.action, change.action)
    undone = " (ångrad)" if change.undone_by else ""
    head = f"{md_escape(swedish_date(change.at))} · {md_escape(change.user)} · {action}{undone}"
    if with_post and change.post:
        post = (
            node_link(change.label or None, change.node_id, change.post)
            if change.node_name
            else md_escape(change.post)
        )
        kind = f" ({label_name(change.label).lower()})" if change.label else ""
        head += f" {post}{kind}"
    lines = value_changes(change)
    if lines:
        body = "\n".join(
            f"- {md_escape(line.title)}: {md_escape(line.before or EMPTY)} → {md_escape(line.after or EMPTY)}"
            for line in lines
        )
        md(f"{head}\n{body}")
    elif change.action in ("relate", "unrelate", "import", "split", "undo") or not with_post:
        md(f"{head}: {md_escape(change.summary)}")
    else:
        md(head)
    st.write("")
