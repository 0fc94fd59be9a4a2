"""Projekt: everything linked to one project, related initiatives, and the source of every fact."""

import streamlit as st

from ui import related
from ui.components import pick_node
from ui.detail import render_node

st.title("Projekt")
node_id = pick_node("Project", placeholder="Välj ett projekt …")
if not node_id:
    st.info("Välj ett projekt (sök på en del av namnet), eller öppna ett från Sök, Nätverk eller Översikt.")
    st.stop()
node = render_node(node_id)
if node and "Project" in node["labels"]:
    related.show_for_project(node_id)
