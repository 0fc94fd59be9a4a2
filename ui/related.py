"""Related initiatives with their reasons: for one project, or for free text."""

from __future__ import annotations

from typing import Any

import streamlit as st

from domain.readable import plain_text
from ui import data
from ui.components import md, md_escape, node_link

Row = dict[str, Any]


def show_for_project(project_id: str) -> None:
    st.subheader("Relaterade initiativ")
    rows = data.related_to_project(project_id)
    if not rows:
        st.info("Inga liknande initiativ hittades (eller så har likheterna inte räknats fram än).")
        return
    cards(rows)


def cards(rows: list[Row]) -> None:
    """One bordered card per related initiative: link, county, status, score and reasons."""
    for row in rows:
        with st.container(border=True):
            meta = " · ".join(x for x in (row.get("county"), row.get("status")) if x)
            md(
                f"**{node_link('Project', row['id'], row['name'])}**  \n<small>{md_escape(meta)}</small>",
                unsafe_allow_html=True,
            )
            reasons = row.get("reasons") or []
            if reasons:
                md("\n".join(f"- {md_escape(plain_text(r))}" for r in reasons))
            st.caption(f"Likhet {row.get('score', 0):.2f}".replace(".", ","))
