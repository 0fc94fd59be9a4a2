"""Beslut: decisions over time with the deciding body, diarienummer and the source document."""

import streamlit as st

from domain.readable import one_line, swedish_date
from ui import data, figures
from ui.components import chart as draw
from ui.components import md, md_escape, node_link
from ui.detail import document_link

st.title("Beslut")
st.caption("Beslut om Nära vård-arbetet, med beslutande organ, diarienummer och källdokument.")

decisions = data.decisions()
if not decisions:
    st.info("Inga beslut har lästs in än.")
    st.stop()

bodies = sorted({d.get("body") or "Okänt organ" for d in decisions})
chosen = st.multiselect("Beslutande organ", bodies, placeholder="Alla organ")
shown = [d for d in decisions if not chosen or (d.get("body") or "Okänt organ") in chosen]

chart = figures.decision_timeline(shown)
if chart is not None:
    draw(chart)
undated = sum(1 for d in shown if figures.parse_date(d.get("date")) is None)
st.caption(f"{len(shown)} beslut, varav {undated} utan datum (de visas i listan men inte på tidslinjen).")

for decision in shown:
    with st.container(border=True):
        head = [swedish_date(decision.get("date")) or "datum saknas", decision.get("body") or "okänt organ"]
        if decision.get("paragraph"):
            head.append(decision["paragraph"])
        md(
            f"**{node_link('Decision', decision['id'], decision['name'])}**  \n"
            f"<small>{md_escape(' · '.join(head))}</small>",
            unsafe_allow_html=True,
        )
        if decision.get("diarienummer"):
            md(f"Diarienummer: {md_escape(decision['diarienummer'])}")
        if decision.get("summary"):
            md(md_escape(one_line(decision["summary"])))
        links = []
        for source in decision.get("sources") or []:
            links.append(f"{document_link(source['document'], source['title'])}, sidan {source['page']}")
        if links:
            md("Källa: " + "; ".join(dict.fromkeys(links)))
        concerns = decision.get("concerns") or []
        if concerns:
            md("Gäller: " + ", ".join(node_link(c["label"], c["id"], c["name"]) for c in concerns))
