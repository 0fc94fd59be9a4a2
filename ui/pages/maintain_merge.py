"""Förvalta: slå ihop dubbletter och dela upp en felaktig sammanslagning (redaktör)."""

from __future__ import annotations

import streamlit as st

from graph.maintain import MaintainError, history, merge
from ui import auth
from ui.data import clear
from ui.maintain_ui import label_picker, node_picker

user = auth.require("editor")
graph = auth.graph_for(user)
st.title("Slå ihop och dela upp")

label = label_picker("merge_label")
keep = node_picker(graph, label, "merge_keep", "Behåll")
drop = node_picker(graph, label, "merge_drop", "Slå in i den (tas bort)")
st.caption("Alla relationer och källor flyttas till posten som behålls; namnet blir ett alias.")
if keep and drop and st.button("Slå ihop", type="primary"):
    try:
        merge.merge(graph, keep, drop, user.name)
    except MaintainError as error:
        st.error(error.message)
    else:
        clear()
        st.success("Sammanslaget.")
        st.rerun()

st.subheader("Sammanslagningar")
merges = [c for c in history.history(graph, limit=500) if c.action == "merge"]
for change in merges:
    cols = st.columns([6, 1])
    status = " (uppdelad)" if change.undone_by else ""
    cols[0].write(f"{change.at[:16]} · {change.user}: {change.summary}{status}")
    if not change.undone_by and cols[1].button("Dela upp", key=f"split:{change.id}"):
        try:
            merge.split(graph, change.id, user.name)
        except MaintainError as error:
            st.error(error.message)
        else:
            clear()
            st.rerun()
