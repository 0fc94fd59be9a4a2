"""Översikt: how much work there is per fokusområde, status and huvudman, and when it runs."""

import streamlit as st

from ui import data, figures

st.title("Översikt")
st.caption("Allt pågående och planerat Nära vård-arbete som har lästs in från regionens dokument.")

projects = data.project_facts()
documents = data.documents()
if not projects and not documents:
    st.info("Databasen är tom. Läs in dokument under **Förvalta → Dokument**, eller kör `projektdb ingest`.")
    st.stop()

frame = figures.project_frame(projects)
ongoing = int((frame["Status"] == "pågående").sum()) if not frame.empty else 0
columns = st.columns(4)
columns[0].metric("Projekt", len(projects))
columns[1].metric("Pågående", ongoing)
columns[2].metric("Fokusområden", frame["Fokusområde"].nunique() if not frame.empty else 0)
columns[3].metric("Dokument", len(documents))

if frame.empty:
    st.info("Inga projekt har lästs in än.")
    st.stop()

left, right = st.columns(2)
left.plotly_chart(figures.count_bar(frame, "Fokusområde", "Projekt per fokusområde"), width="stretch")
with right:
    st.plotly_chart(figures.count_bar(frame, "Status", "Projekt per status"), width="stretch")
    st.plotly_chart(figures.count_bar(frame, "Huvudman", "Projekt per huvudman"), width="stretch")

st.subheader("Tidslinje")
chart = figures.timeline(frame)
undated = int(frame["Start"].isna().sum())
if chart is None:
    st.info("Inget projekt har en tidsplan med årtal.")
else:
    st.plotly_chart(chart, width="stretch")
if undated:
    with st.expander(f"{undated} projekt utan årtal i tidsplanen"):
        rest = frame[frame["Start"].isna()]
        st.dataframe(
            rest[["Projekt", "Status", "Tidsplan", "Fokusområde"]],
            hide_index=True,
            width="stretch",
        )
