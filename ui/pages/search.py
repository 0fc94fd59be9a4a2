"""Sök: full-text search with facets, result cards, and related initiatives with their reasons."""

import functools

import streamlit as st

from domain.readable import one_line, plain_text
from graph.analytics.search import FILTERED_CANDIDATES
from ui import data, related
from ui.components import md, md_escape, node_link
from ui.vocabulary import label_name


def _with_count(counts: dict[str, int], value: str) -> str:
    return f"{value} ({counts[value]})"


FACETS = {
    "focus_area": ("focus_areas", "Fokusområde"),
    "target_group": ("target_groups", "Målgrupp"),
    "place": ("places", "Kommun/region"),
    "huvudman": ("huvudman", "Huvudman"),
    "status": ("status", "Status"),
    "county": ("county", "Län"),
}

st.title("Sök")
st.caption(
    "Sök bland projekt, aktörer, mål, indikatorer och beslut. Stavfel och sammansatta ord går bra: "
    "\u201dkompetens\u201d hittar \u201dkompetensförsörjning\u201d."
)
text = st.text_input("Sökord", value=st.query_params.get("q", ""), placeholder="t.ex. unga vuxna")
if text.strip():
    st.query_params["q"] = text
if not text.strip():
    st.info("Skriv ett eller flera ord och tryck Enter.")
    st.stop()

everything = data.search_projects(text)
chosen: dict[str, str] = {}
with st.expander("Avgränsa", expanded=False):
    if not everything.get("complete", True):
        st.caption(
            f"Antalen gäller de {everything['considered']} bästa träffarna; en avgränsning väljer "
            f"bland de {FILTERED_CANDIDATES} bästa. Fler sökord ger en snävare sökning."
        )
    columns = st.columns(3)
    for number, (name, (facet, title)) in enumerate(FACETS.items()):
        options = everything["facets"].get(facet, {})
        if not options:
            continue
        value = columns[number % 3].selectbox(
            title,
            list(options),
            index=None,
            format_func=functools.partial(_with_count, options),
            placeholder="Alla",
            key=f"facet-{name}",
        )
        if value:
            chosen[name] = value

result = data.search_projects(text, tuple(sorted(chosen.items()))) if chosen else everything
hits = result["results"]
left, right = st.columns([3, 2], gap="large")
with left:
    st.subheader(f"Träffar ({len(hits)})")
    if not hits:
        st.info("Inga träffar. Pröva färre eller andra ord, eller ta bort en avgränsning.")
    for hit in hits:
        with st.container(border=True):
            meta = [label_name(hit["label"])]
            meta += [x for x in (hit.get("status"), hit.get("county")) if x]
            md(
                f"**{node_link(hit['label'], hit['id'], hit['name'])}**  \n"
                f"<small>{md_escape(' · '.join(meta))}</small>",
                unsafe_allow_html=True,
            )
            if hit.get("text"):
                md(md_escape(one_line(hit["text"])))
            tags = [f"Fokusområde: {plain_text(f)}" for f in hit.get("focus_areas") or []]
            tags += [f"Målgrupp: {plain_text(t)}" for t in hit.get("target_groups") or []]
            if tags:
                st.caption(" · ".join(tags))
with right:
    st.subheader("Relaterade initiativ")
    st.caption("Projekt som liknar det du sökte på, och varför.")
    similar = data.related_to_text(text)
    if similar:
        related.cards(similar)
    else:
        st.info("Inga liknande initiativ hittades.")
