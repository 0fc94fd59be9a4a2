"""Förvalta: Excel: hela grafen som arbetsbok (redaktör), import av en arbetsbok (administratör)."""

from __future__ import annotations

import io

import streamlit as st

from domain.titles import counted
from service.maintain import MaintainError
from ui import auth

SHOWN = 200  # changed cells listed on the page

user = auth.require("editor")
service = auth.maintenance_for(user)
st.title("Excel")
st.write(
    "Arbetsboken har ett blad per typ av post (Projekt, Aktör, Fokusområde ...) med en rad per post. "
    "Ändra celler i Excel och importera boken här: varje ändrad cell ändrar databasen. "
    "Mer står på bladet *Läs mig*."
)

if st.button("Skapa arbetsbok"):
    buffer = io.BytesIO()  # in memory: the app writes no files
    service.export_workbook(buffer)
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
        # the upload's bytes as a stream in memory, read exactly as a file from disk is
        report = service.import_workbook(io.BytesIO(upload.getvalue()), user=user.name, name=upload.name)
    except MaintainError as error:
        st.error(error.message)
    else:
        st.success(
            f"Importerade {counted(len(report.changes), 'ändrad cell', 'ändrade celler')}"
            + (f" och {counted(len(report.created), 'ny post', 'nya poster')}" if report.created else "")
            + "."
        )
        if report.changes:
            with st.expander("Ändrade celler", expanded=True):
                for change in report.changes[:SHOWN]:
                    st.text(change.message)
                if len(report.changes) > SHOWN:
                    st.text(f"... och {len(report.changes) - SHOWN} till.")
        if report.refused:
            st.subheader("Lästes inte in")
            for refusal in report.refused:
                st.warning(refusal.message)
        for warning in report.warnings:
            st.warning(warning)
