"""Luckor och överlapp: where nothing is going on, what is missing, and where work overlaps."""

import pandas as pd
import streamlit as st

from domain import places
from domain.states import GapKind
from graph.analytics.gaps import CRITERIA
from ui import coverage, data, figures
from ui.components import chart, md, md_escape, node_link

WARN = ":orange[:material/warning:]"

st.title("Luckor och överlapp")
st.caption("För planering per fokusområde: tomma rutor, mål utan aktivitet, saknade mått och dubbelarbete.")

# Lazy tabs: only the open tab's content runs (a switch reruns the page), so a first visit reads the
# coverage counts and nothing else.
coverage_tab, goals_tab, indicators_tab, readiness_tab, overlap_tab, cluster_tab = st.tabs(
    [
        "Täckning",
        "Mål utan aktivitet",
        "Indikatorer utan mått",
        "Gemensamma satsningar",
        "Överlapp",
        "Kluster",
    ],
    key="luckor-flik",
    on_change="rerun",
)

if coverage_tab.open:
    with coverage_tab:
        counties = data.focus_area_counties()
        county = (
            st.selectbox("Län", counties, index=0, placeholder="Välj …")
            if len(counties) > 1
            else (counties[0] if counties else None)
        )
        areas = data.coverage_counts(county)
        if not areas:
            st.info("Inga fokusområden har lästs in än.")
        else:
            st.caption(
                "Antal pågående projekt per fokusområde. Länsgemensamt arbete räknas för alla kommuner i "
                "länet. Ljusröda rutor (0) är luckor."
            )
            if county:
                matrix = coverage.by_municipality(areas, county)
                if matrix.rows:
                    columns = [places.bare_name(c) for c in matrix.columns]
                    chart(
                        figures.heatmap(
                            matrix.rows, columns, matrix.values, f"Fokusområde × kommun ({county})"
                        )
                    )
            matrix = coverage.by_huvudman(areas, county)
            chart(figures.heatmap(matrix.rows, matrix.columns, matrix.values, "Fokusområde × huvudman"))
            cells = data.coverage_gaps()
            st.metric("Luckor i täckningen", len(cells))
            if cells:
                st.dataframe(
                    pd.DataFrame(
                        {
                            "Fokusområde": [c["focus_area"] for c in cells],
                            "Period": [c["period"] or "" for c in cells],
                            "Saknas för": [c["cell"] for c in cells],
                            "Beskrivning": [c["description"] for c in cells],
                        }
                    ),
                    hide_index=True,
                    width="stretch",
                    column_config={
                        "Fokusområde": st.column_config.TextColumn(width="medium"),
                        "Period": st.column_config.TextColumn(width="small"),
                        "Saknas för": st.column_config.TextColumn(width="small"),
                        "Beskrivning": st.column_config.TextColumn(width="large"),
                    },
                )

if goals_tab.open:
    with goals_tab:
        goals = data.goal_gaps()
        st.metric("Målsättningar som inget projekt arbetar mot", len(goals))
        per_area = data.goal_gaps_per_area()
        if per_area:
            chart(figures.area_bars(per_area, "Mål utan aktivitet per fokusområde", unit="mål"))
        grouped: dict[str, list[dict]] = {}
        for goal in goals:
            for area in goal.get("focus_areas") or [figures.NO_FOCUS_AREA]:
                grouped.setdefault(area, []).append(goal)
        for area_count in per_area:
            area = area_count.name or figures.NO_FOCUS_AREA
            with st.expander(f"{area} ({area_count.count})"):
                md(
                    "\n".join(
                        f"- {node_link('Goal', goal['id'], goal['text'])}"
                        + (f" <small>· {md_escape(goal['county'])}</small>" if goal.get("county") else "")
                        for goal in grouped.get(area, [])
                    )
                )

if indicators_tab.open:
    with indicators_tab:
        missing = data.indicator_gaps()
        without = [r for r in missing if r["kind"] == GapKind.INDICATOR_WITHOUT_MEASURE]
        no_source = [r for r in missing if r["kind"] == GapKind.MEASURE_WITHOUT_SOURCE]
        left, right = st.columns(2)
        left.metric("Indikatorer utan mått", len(without))
        right.metric("Mått utan datakälla", len(no_source))
        for row in without:
            md(f"- {WARN} {node_link('Indicator', row['id'], row['name'])}: {md_escape(row['description'])}")
        if no_source:
            with st.expander(f"{len(no_source)} mått saknar datakälla"):
                md("\n".join(f"- {node_link('Measure', r['id'], r['name'])}" for r in no_source))

if readiness_tab.open:
    with readiness_tab:
        st.caption(
            "Projektrapportens fem kriterier för en gemensam satsning. ”Ja” = uppfyllt, "
            "”Saknas” = inget stöd för kriteriet i dokumenten."
        )
        rows = data.readiness()
        if not rows:
            st.info("Inga projekt att bedöma.")
        else:
            table = pd.DataFrame(
                [
                    {"Projekt": r["name"], "Län": r.get("county") or "", "Status": r.get("status") or ""}
                    | {
                        label.split(" (")[0].capitalize(): "Ja" if r["checklist"][key] else "Saknas"
                        for key, label in CRITERIA.items()
                    }
                    | {"Saknas": len(r["missing"])}
                    for r in rows
                ]
            )
            st.dataframe(
                table,
                hide_index=True,
                width="stretch",
                height=420,
                column_config={"Projekt": st.column_config.TextColumn(width="large", pinned=True)},
            )

if overlap_tab.open:
    with overlap_tab:
        pairs = data.overlap_pairs()
        kinds = {
            "goal_target": "Samma mål/fokusområde och målgrupp, olika ansvariga",
            "text": "Liknande beskrivning",
            "across_counties": "Samma slags initiativ i olika län",
        }
        total = sum(len(pairs.get(k, [])) for k in kinds)
        st.metric("Par av projekt som överlappar", total)
        picture = data.overlap_network()
        if picture.links:
            chart(figures.overlap_network(picture, kinds))
            shown = len(picture.links)
            if shown < total:
                st.caption(f"Bilden visar {shown} av {total} par.")
        for key, title in kinds.items():
            found = pairs.get(key, [])
            with st.expander(f"{title} ({len(found)})", expanded=bool(found) and key == "text"):
                if not found:
                    st.caption("Inga par.")
                for pair in found:
                    md(
                        f"**{node_link('Project', pair['a_id'], pair['a_name'])}** ↔ "
                        f"**{node_link('Project', pair['b_id'], pair['b_name'])}**"
                    )
                    md("\n".join(f"- {md_escape(r)}" for r in pair.get("reasons") or []))
        load = pairs.get("actor_load", [])
        with st.expander(f"Aktörer med många projekt samtidigt ({len(load)})"):
            for actor in load:
                md(
                    f"- {node_link('Actor', actor['id'], actor['name'])}: "
                    + md_escape("; ".join(actor["reasons"]))
                )

if cluster_tab.open:
    with cluster_tab:
        clusters = data.overlap_clusters()
        st.caption("Grupper av projekt som liknar varandra: kandidater för samordning.")
        if not clusters:
            st.info("Inga kluster hittades.")
        else:
            chart(figures.cluster_bars(data.cluster_summaries()))
        for cluster in clusters:
            with st.container(border=True):
                md(f"**Kluster {cluster['community']}** · {md_escape('; '.join(cluster['reasons']))}")
                md("\n".join(f"- {node_link('Project', p['id'], p['name'])}" for p in cluster["projects"]))
