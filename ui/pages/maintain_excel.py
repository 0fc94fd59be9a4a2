"""Förvalta: Excel: hela grafen som arbetsbok (redaktör), import av en arbetsbok (administratör)."""

from __future__ import annotations

import tempfile
from pathlib import Path

import streamlit as st

from graph.maintain import MaintainError, excel
from ui import auth
from ui.data import clear

user = auth.require("editor")
graph = auth.graph_for(user)
st.title("Excel")
st.write("Arbetsbokens upplägg beskrivs på bladet *Läs mig* och i docs/maintenance.md.")

if st.button("Skapa arbetsbok"):
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "projektdatabas.xlsx"
        excel.write_xlsx(graph, path)
        st.session_state["excel_bytes"] = path.read_bytes()
if "excel_bytes" in st.session_state:
    st.download_button(
        "Ladda ner projektdatabas.xlsx", st.session_state["excel_bytes"], "projektdatabas.xlsx"
    )

st.subheader("Importera")
if not user.can("admin"):
    st.info("Import kräver rollen administratör.")
    st.stop()
upload = st.file_uploader("Arbetsbok (.xlsx)", type=["xlsx"])
if upload is not None and st.button("Importera", type="primary"):
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / Path(upload.name).name
        path.write_bytes(upload.getvalue())
        try:
            report = excel.import_xlsx(graph, path, user=user.name)
        except MaintainError as error:
            st.error(error.message)
        else:
            clear()
            nodes, relationships = sum(report.nodes.values()), sum(report.relationships.values())
            st.success(f"Importerade {nodes} poster och {relationships} relationer.")
