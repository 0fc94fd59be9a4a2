"""Översikt: how much work there is per fokusområde, status and huvudman, and when it runs.

Everything is counted in the database (one grouped query, also at 50 000 projects). The timeline
counts projects per year and fokusområde; it draws each project only when the chosen ones are few
(``figures.GANTT_MAX_PROJECTS``).
"""

import streamlit as st

from ui import data, figures
from ui.components import chart as draw
from ui.vocabulary import detail_url


def show_chart(chart: object | None, undated: int, undated_note: str) -> None:
    """The timeline chart (or why there is none) and how many projects it leaves out."""
    if chart is None:
        st.info("Inget projekt har en tidsplan med årtal.")
    else:
        draw(chart)
    if undated:
        st.caption(f"{undated} projekt saknar årtal i tidsplanen och {undated_note}.")


st.title("Översikt")
st.caption("Allt pågående och planerat Nära vård-arbete som har lästs in från regionens dokument.")

summary = data.overview()
documents = len(data.document_titles())
if not summary["projects"] and not documents:
    st.info("Databasen är tom. Läs in dokument under **Förvalta → Dokument**, eller kör `projektdb ingest`.")
    st.stop()

# "all" as a choice of its own: a None among the options makes Streamlit draw an English
# "Clear value" button on the box
ALL = "\u2217"
counties = sorted({r["county"] for r in summary["projects"] if r.get("county")})
county = None
if len(counties) > 1:
    county = st.selectbox(
        "Län",
        [ALL, *counties],
        format_func=lambda c: "Alla län" if c == ALL else c,
        key="overview_county",
        placeholder="Välj …",
    )
    county = None if county == ALL else county
counts = figures.overview_counts(summary, county)
total = sum(counts["Status"].values())
columns = st.columns(4)
columns[0].metric("Projekt", total)
columns[1].metric("Pågående", counts["Status"]["pågående"])
columns[2].metric("Fokusområden", len(counts["Fokusområde"]))
columns[3].metric("Dokument", documents)

if not total:
    st.info("Inga projekt har lästs in än.")
    st.stop()

left, right = st.columns(2)
with left:
    draw(figures.bars(counts["Fokusområde"], "Projekt per fokusområde"))
with right:
    draw(figures.bars(counts["Status"], "Projekt per status"))
    draw(figures.bars(counts["Huvudman"], "Projekt per huvudman"))

st.subheader("Tidslinje")
rows = figures.overview_timeline(summary, county)
areas = sorted({r["focus_area"] or "" for r in rows})
statuses = sorted({r["status"] or "" for r in rows})
left, right = st.columns(2)
area = left.selectbox(
    "Fokusområde",
    [ALL, *areas],
    format_func=lambda a: "Alla fokusområden" if a == ALL else a or figures.NO_FOCUS_AREA,
    key="overview_focus_area",
    placeholder="Välj …",
)
status = right.selectbox(
    "Status",
    [ALL, *statuses],
    format_func=lambda s: "Alla" if s == ALL else s or "utan status",
    key="overview_status",
    placeholder="Välj …",
)
area = None if area == ALL else area
status = None if status == ALL else status
chosen = [
    r
    for r in rows
    if (area is None or (r["focus_area"] or "") == area) and (status is None or (r["status"] or "") == status)
]
shown = sum(r["projects"] for r in chosen)

if shown > figures.GANTT_MAX_PROJECTS:
    per_year, undated = figures.running_per_year(chosen)
    st.caption(
        f"{shown} projekt, räknade per år och fokusområde: ett projekt räknas varje år från start till "
        f"slut i sin tidsplan. Välj län, fokusområde eller status så att högst "
        f"{figures.GANTT_MAX_PROJECTS} projekt återstår för att se varje projekt för sig."
    )
    show_chart(figures.years_chart(per_year), undated, "räknas inte i diagrammet")
    st.stop()

frame = figures.project_frame(data.project_timeline(county, area, status, limit=figures.GANTT_MAX_PROJECTS))
show_chart(
    figures.timeline(frame) if not frame.empty else None,
    int(frame["Start"].isna().sum()) if not frame.empty else 0,
    "syns bara i listan",
)
if not frame.empty:
    with st.expander(f"Projekten i tidslinjen ({len(frame)})"):
        table = frame[["id", "Projekt", "Status", "Tidsplan", "Fokusområde", "Ansvarig"]].copy()
        table["id"] = [detail_url("Project", i) for i in table["id"]]
        st.dataframe(
            table,
            hide_index=True,
            width="stretch",
            column_config={"id": st.column_config.LinkColumn("Öppna", display_text="Visa", width="small")},
        )
