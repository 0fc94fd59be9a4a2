"""Övriga uppgifter: one fokusområde, målsättning, indikator, mått, beslut or målgrupp, with sources."""

import streamlit as st

from ui.components import pick_node
from ui.detail import render_node
from ui.vocabulary import label_name

KINDS = ["FocusArea", "Goal", "GoalArea", "Indicator", "Measure", "Decision", "TargetGroup", "County"]

st.title("Övriga uppgifter")
wanted = st.query_params.get("id")
if wanted:
    if st.button("Välj en annan uppgift"):
        del st.query_params["id"]
        st.rerun()
    render_node(wanted)
    st.stop()
kind = st.radio("Typ av uppgift", KINDS, format_func=label_name, horizontal=True)
node_id = pick_node(kind)
if node_id:
    render_node(node_id)
