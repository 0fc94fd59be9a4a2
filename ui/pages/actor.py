"""Aktör: everything linked to one organisation, body, network or role, with sources."""

import streamlit as st

from ui.components import pick_node
from ui.detail import render_node

st.title("Aktör")
node_id = pick_node("Actor", placeholder="Välj en aktör …")
if not node_id:
    st.info("Välj en aktör i listan, eller öppna en från Sök eller Nätverk.")
    st.stop()
render_node(node_id)
