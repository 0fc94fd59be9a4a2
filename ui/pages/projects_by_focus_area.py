"""Projekt per fokusområde: the projects of each focus area, for one county or all, a page at a time.

The counts come first (one small query); each focus area then shows one page of its projects, so a
national database with 50 000 projects sends a few hundred rows, not all of them.
"""

import math

import pandas as pd
import streamlit as st

from graph.queries import NO_FOCUS_AREA, PAGE_SIZE
from ui import data, figures
from ui.components import chart

ALL_COUNTIES = "Alla län"


def number(n: int) -> str:
    return f"{n:,}".replace(",", " ")


st.title("Projekt per fokusområde")
if not data.focus_area_project_counts():
    st.info("Databasen är tom. Läs in dokument under Dokument, eller kör `projektdb ingest`.")
    st.stop()

per_county = data.focus_area_totals().counties
choice = st.selectbox(
    "Län",
    [ALL_COUNTIES, *per_county],
    format_func=lambda c: c if c == ALL_COUNTIES else f"{c} ({number(per_county[c])})",
    key="fokus-lan",
    placeholder="Välj …",
)
county = None if choice == ALL_COUNTIES else choice
totals = data.focus_area_totals(county)
areas = {a.name or NO_FOCUS_AREA: a.count for a in totals.areas}
order = list(areas)
st.caption(
    f"{number(totals.projects)} projekt i {len(order)} fokusområden"
    + (f", {PAGE_SIZE} i taget per fokusområde" if any(n > PAGE_SIZE for n in areas.values()) else "")
    + ". Klicka på en stapel för att visa fokusområdets projekt."
)
fresh = st.session_state.setdefault("fokus-staplar-nya", 0)  # a new chart (no bar chosen) per "Visa alla"
event = chart(
    figures.area_bars(totals.areas, "Projekt per fokusområde"),
    key=f"fokus-staplar-{county}-{fresh}",
    on_select="rerun",
    selection_mode="points",
)
points = event.get("selection", {}).get("points", []) if event else []
chosen = next((p.get("customdata") for p in points if p.get("customdata") in areas), None)
if chosen:
    st.subheader(f"{chosen} ({number(areas[chosen])} projekt)")
    if st.button("Visa alla fokusområden"):
        st.session_state["fokus-staplar-nya"] = fresh + 1
        st.rerun()
    order = [chosen]

first_pages = (
    data.projects_by_focus_area(county) if not chosen else data.projects_by_focus_area(county, chosen)
)
for name in order:
    total = areas[name]
    with st.expander(f"{name} ({number(total)})", expanded=True):
        pages = math.ceil(total / PAGE_SIZE)
        page = 1
        if pages > 1:
            page = int(
                st.number_input(
                    f"Sida (av {pages})",
                    min_value=1,
                    max_value=pages,
                    value=1,
                    step=1,
                    key=f"sida-{county}-{name}",
                )
            )
            first = (page - 1) * PAGE_SIZE + 1
            st.caption(f"Projekt {number(first)}–{number(min(page * PAGE_SIZE, total))} av {number(total)}")
        rows = (
            first_pages.get(name, [])
            if page == 1
            else data.projects_by_focus_area(county, name, page - 1).get(name, [])
        )
        table = pd.DataFrame(
            {
                "Projekt": [r["name"] for r in rows],
                "Status": [r["status"] or "okänd" for r in rows],
                "Tidsplan": [r["timeplan"] or "" for r in rows],
                "Ansvarig": [", ".join(r["responsible"]) for r in rows],
                "Län": [r["county"] or "" for r in rows],
            }
        )
        st.dataframe(
            table,
            hide_index=True,
            width="stretch",
            column_config={
                "Projekt": st.column_config.TextColumn(width="large"),
                "Status": st.column_config.TextColumn(width="small"),
                "Tidsplan": st.column_config.TextColumn(width="small"),
                "Ansvarig": st.column_config.TextColumn(width="medium"),
                "Län": st.column_config.TextColumn(width="small"),
            },
        )
