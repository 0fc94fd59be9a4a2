"""Shared pieces of the maintenance pages: node pickers and the form widgets for a label's forms."""

from __future__ import annotations

from typing import Any

import streamlit as st

from domain import forms
from service.maintain import Maintenance
from ui import components, data

DUPLICATES_AUTO_MAX = 5000  # nodes: up to this many, Granska looks for duplicates on every visit


def label_picker(key: str, default: str = "Project") -> str:
    labels = list(forms.FIELDS)
    return st.selectbox(
        "Typ av post",
        labels,
        index=labels.index(default),
        format_func=lambda label: forms.LABEL_TITLES[label],
        key=key,
        placeholder="Välj …",
    )


def node_picker(service: Maintenance, label: str, key: str, title: str = "Post") -> str | None:
    """Every node of a small label in one list; a large one (projects at national scale) is
    searched by name first (more than ``components.PICKER_LIST_MAX``)."""
    if data.label_sizes().get(label, 0) > components.PICKER_LIST_MAX:
        text = st.text_input(
            f"{title}: sök på namn", key=f"{key}:search", placeholder="Skriv en del av namnet …"
        ).strip()
        if not text:
            st.caption("Skriv en del av namnet för att välja bland posterna.")
            return None
        rows = data.find_nodes(label, text, limit=components.PICKER_MATCHES)
        if not rows:
            st.caption("Inget namn innehåller alla orden.")
            return None
    else:
        rows = service.nodes(label)
    if not rows:
        st.info("Det finns inga poster av den typen ännu.")
        return None
    names = {r["id"]: f"{r['name']}" + (f" ({r['county']})" if r["county"] else "") for r in rows}
    # The choice is kept by id beside the widget: a rename changes the shown names, which makes
    # Streamlit treat the select box as a new one, and it would fall back to the first post.
    chosen_key = f"{key}:chosen"
    ids = list(names)
    if st.session_state.get(chosen_key) in ids:
        st.session_state[key] = st.session_state[chosen_key]

    def remember() -> None:
        st.session_state[chosen_key] = st.session_state[key]

    picked: str = st.selectbox(
        title, ids, format_func=names.__getitem__, key=key, on_change=remember, placeholder="Välj …"
    )
    st.session_state[chosen_key] = picked
    return picked


def field_inputs(label: str, values: dict[str, Any], key: str) -> dict[str, Any]:
    """One widget per allowed field; returns {key: value} as the widgets hold them (at first
    ``forms.form_values``)."""
    shown = forms.form_values(label, values)
    out: dict[str, Any] = {}
    for field in forms.fields(label):
        current = shown[field.key]
        widget_key = f"{key}:{field.key}"
        if field.kind == "textarea":
            out[field.key] = st.text_area(field.title, value=current, key=widget_key)
        elif field.kind == "bool":
            out[field.key] = st.checkbox(field.title, value=current, key=widget_key)
        elif field.kind == "list":
            out[field.key] = st.text_area(f"{field.title} (en per rad)", value=current, key=widget_key)
        elif field.kind == "choice":
            options = forms.choice_options(field, current)
            out[field.key] = st.selectbox(
                field.title,
                options,
                index=options.index(current),
                format_func=lambda option: option or "(inte angivet)",
                key=widget_key,
                placeholder="Välj …",
            )
        else:
            out[field.key] = st.text_input(field.title, value=current, key=widget_key)
    return out
