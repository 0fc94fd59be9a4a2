"""Projekt per fokusområde: every project in the database, grouped by its focus area."""

import pandas as pd
import streamlit as st

from ui import data

st.title("Projekt per fokusområde")
grouped = data.projects_by_focus_area()
if not grouped:
    st.info("Databasen är tom. Läs in dokument under Dokument, eller kör `projektdb ingest`.")
    st.stop()

st.caption(f"{sum(len(rows) for rows in grouped.values())} projekt i {len(grouped)} fokusområden")
for focus_area, rows in grouped.items():
    with st.expander(f"{focus_area} ({len(rows)})", expanded=True):
        table = pd.DataFrame(
            {
                "Projekt": [r["name"] for r in rows],
                "Status": [r["status"] or "okänd" for r in rows],
                "Tidsplan": [r["timeplan"] or "" for r in rows],
                "Ansvarig": [", ".join(r["responsible"]) for r in rows],
                "Län": [r["county"] or "" for r in rows],
            }
        )
        st.dataframe(table, hide_index=True, width="stretch")
