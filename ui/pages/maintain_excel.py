"""Förvalta: Excel: hela grafen som arbetsbok (redaktör), import av en arbetsbok (administratör)."""

from __future__ import annotations

import io

import streamlit as st

from graph.maintain import MaintainError, excel
from ui import auth
from ui.data import clear

user = auth.require("editor")
graph = auth.graph_for(user)
st.title("Excel")
st.write("Arbetsbokens upplägg beskrivs på bladet *Läs mig* och i docs/maintenance.md.")

if st.button("Skapa arbetsbok"):
    buffer = io.BytesIO()  # in memory: the app writes no files
    excel.write_xlsx(graph, buffer)
    st.session_state["excel_bytes"] = buffer.getvalue()
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
    try:
        # the upload itself: a binary stream with the file's name, read as a file from disk is
        report = excel.import_xlsx(graph, upload, user=user.name)
    except MaintainError as error:
        st.error(error.message)
    else:
        clear()
        nodes, relationships = sum(report.nodes.values()), sum(report.relationships.values())
        st.success(f"Importerade {nodes} poster och {relationships} relationer.")
        for warning in report.warnings:
            st.warning(warning)
