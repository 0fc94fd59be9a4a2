"""Nätverk: a drawn graph around a chosen project or actor. A click on a node explains it (kind,
status, its links in the picture) with a link to its page and a button that draws its links too.

Only what is drawn is read: the picker lists at most a few hundred matches (county and name
filters narrow it), and each expanded node brings at most ``PER_TYPE`` neighbours per kind of link.
"""

import streamlit as st

from domain.readable import plain_text
from graph.analytics.network import CHOICES_LIMIT, PER_TYPE
from ui import data, network
from ui.components import chart, md, node_link
from ui.vocabulary import detail_file, label_name, relation_name

st.title("Nätverk")
st.caption(
    "Klicka på en nod i bilden för att se vad den är och vad den hänger ihop med, "
    "öppna dess sida eller visa dess kopplingar också."
)

kind = st.radio("Utgå från", ["Project", "Actor"], format_func=label_name, horizontal=True)
left, right = st.columns(2)
counties = sorted({c["name"] for c in data.nodes_by_label("County") if c["name"]})
county = left.selectbox("Län", counties, index=None, placeholder="Alla län")
text = right.text_input("Namnet innehåller", placeholder="t.ex. vårdkontakt")
choices = data.network_choices(kind, county, text)
ids = [c["id"] for c in choices]
names = {c["id"]: plain_text(c["name"]) for c in choices}
wanted = st.query_params.get("id")
if wanted and wanted not in ids:
    linked = data.node_detail(wanted)
    if linked is not None and kind in linked["labels"]:
        ids.insert(0, wanted)  # linked from a detail page: always offered, whatever the filters
        names[wanted] = plain_text(linked["properties"].get("name")) or label_name(kind)
if len(choices) >= CHOICES_LIMIT:
    st.caption(f"Visar de första {CHOICES_LIMIT} träffarna; välj län eller skriv en del av namnet.")
centre_id = st.selectbox(
    label_name(kind),
    ids,
    index=ids.index(wanted) if wanted in ids else None,
    format_func=lambda i: names.get(i, label_name(kind)),
    placeholder="Välj …",
    key=f"natverk-val-{kind}",  # a picker of its own per kind: a project id is no actor choice
)
if not centre_id and wanted:
    centre_id = wanted  # a node of another kind, linked from its detail page
if not centre_id:
    st.info("Välj ett projekt eller en aktör att utgå från.")
    st.stop()

centre = data.node_detail(centre_id)
if centre is None:
    st.warning("Det finns ingen uppgift med den adressen.")
    st.stop()

state = st.session_state.setdefault("network", {"centre": None, "expanded": [], "clicked": None, "drawn": 0})
if state["centre"] != centre_id:
    state.update(centre=centre_id, expanded=[centre_id], clicked=None)

relations = data.network_neighbourhood(tuple(state["expanded"]))
properties = centre["properties"]
centre_label = (centre["labels"] or ["Entity"])[0]
start = network.DrawnNode(
    centre_id,
    centre_label,
    plain_text(properties.get("name")) or label_name(centre_label),
    properties.get("status"),
)
pic = network.picture(start, relations)
expanded = set(state["expanded"])
# a new chart after every click, so that plotly's own selection never dims the other nodes
event = chart(
    network.figure(pic, expanded, state["clicked"]),
    key=f"natverk-{state['drawn']}",
    on_select="rerun",
    selection_mode="points",
)
points = event.get("selection", {}).get("points", []) if event else []
clicked = next((p.get("customdata") for p in points if pic.node(p.get("customdata")) is not None), None)
if clicked:
    state.update(clicked=clicked, drawn=state["drawn"] + 1)
    st.rerun()
st.caption(network.STATUS_KEY)
if len(pic.nodes) >= network.MAX_NODES:
    st.caption(f"Visar de första {network.MAX_NODES} noderna.")
else:
    st.caption(f"Högst {PER_TYPE} kopplingar av varje slag per nod.")

chosen = pic.node(state["clicked"])
if chosen is not None:
    with st.container(border=True):
        status = f" · status: {chosen.status}" if chosen.status else ""
        md(f"**{chosen.kind_name}: {chosen.name}**{status}")
        own = pic.links_of(chosen.id)
        if own:
            md(
                "\n".join(
                    f"- {relation_name(link.type, link.source == chosen.id)}: "
                    f"{node_link(other.label, other.id, other.name)}"
                    for link, other in own[:12]
                )
            )
            if len(own) > 12:
                st.caption(f"och {len(own) - 12} kopplingar till i bilden.")
        first, second = st.columns(2)
        first.page_link(
            detail_file(chosen.label),
            label=f"Öppna sidan för {chosen.name}",
            icon=":material/arrow_forward:",
            query_params={"id": chosen.id},
        )
        if chosen.id not in expanded and second.button("Visa dess kopplingar också"):
            state["expanded"].append(chosen.id)
            state["drawn"] += 1
            st.rerun()

with st.expander(f"Kopplingar i bilden ({len(pic.links)})"):
    lines = [
        f"- {label_name(node.label)}: {node_link(node.label, node.id, node.name)}"
        for node in pic.nodes
        if node.id != centre_id
    ]
    md("\n".join(lines) or "Inga kopplingar.")
if len(state["expanded"]) > 1 and st.button("Visa bara utgångspunkten"):
    state.update(expanded=[centre_id], clicked=None, drawn=state["drawn"] + 1)
    st.rerun()
