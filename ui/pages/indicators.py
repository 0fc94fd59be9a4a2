"""Indikatorer: målområde → indikator → mått, with the gaps marked and values over time."""

import streamlit as st

from domain.readable import plain_text
from ui import data
from ui.charts_indicators import measure_figure
from ui.components import chart, md, md_escape, node_link

WARN = ":orange[:material/warning:]"
PROJECTS_SHOWN = 20  # per indicator; nationally one indicator is followed by 1 000+ projects

st.title("Indikatorer")
st.caption(f"Målområden, deras indikatorer och måtten som följer upp dem. {WARN} markerar luckor.")

groups = data.indicator_overview(project_limit=PROJECTS_SHOWN)
if not groups:
    st.info("Inga indikatorer har lästs in än.")
    st.stop()

indicators = [i for g in groups for i in g["indicators"]]
without = [i for i in indicators if not i["measures"]]
measures = {m["id"]: m for i in indicators for m in i["measures"]}
columns = st.columns(4)
columns[0].metric("Målområden", len(groups))
columns[1].metric("Indikatorer", len(indicators))
columns[2].metric("Mått", len(measures))
columns[3].metric("Indikatorer utan mått", len(without))

for group in groups:
    st.subheader(group["goal_area"])
    for indicator in group["indicators"]:
        gap = not indicator["measures"]
        title = (
            f"{WARN + ' ' if gap else ''}{plain_text(indicator['name'])} ({len(indicator['measures'])} mått)"
        )
        with st.expander(title, expanded=gap):
            md(f"Indikator: {node_link('Indicator', indicator['id'], indicator['name'])}")
            if indicator.get("definition"):
                st.caption(md_escape(plain_text(indicator["definition"])))
            if gap:
                status = indicator.get("measure_status")
                st.warning("Indikatorn saknar mått" + (f" ({status})." if status else "."))
            lines = []
            for measure in indicator["measures"]:
                notes = []
                if not measure.get("source"):
                    notes.append(f"{WARN} datakälla saknas")
                else:
                    notes.append(f"källa: {md_escape(measure['source'])}")
                notes.append(
                    f"{measure.get('values') or 0} värden" if measure.get("values") else "inga värden"
                )
                lines.append(
                    f"- {node_link('Measure', measure['id'], measure['name'])} "
                    f"<small>({', '.join(notes)})</small>"
                )
            if lines:
                md("\n".join(lines), unsafe_allow_html=True)
            projects = indicator.get("projects") or []
            if projects:
                count = max(indicator.get("project_count") or 0, len(projects))
                more = count > len(projects)
                st.caption(f"Följs upp av {count} projekt" + (", bland dem:" if more else ":"))
                lines = [f"- {node_link('Project', p['id'], p['name'])}" for p in projects]
                if more:
                    lines.append(f"- <small>… och {count - len(projects)} projekt till</small>")
                md("\n".join(lines))

with_values = {k: m for k, m in measures.items() if m.get("values")}
st.subheader("Utveckling över tid")
if not with_values:
    st.info("Inga mätvärden har lästs in än. Värden läses in av förvaltarna (t.ex. från Kolada).")
else:
    chosen = st.selectbox(
        "Mått", list(with_values), format_func=lambda k: with_values[k]["name"], placeholder="Välj …"
    )
    chart(measure_figure(data.measure_values(chosen), title=with_values[chosen]["name"]))
