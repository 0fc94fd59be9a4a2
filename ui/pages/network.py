"""Nätverk: an interactive graph around a chosen project or actor, with expand and click-through.

Only what is drawn is read: the picker lists at most a few hundred matches (county and name
filters narrow it), and each expanded node brings at most ``PER_TYPE`` neighbours per kind of link.
"""

import streamlit as st
from st_link_analysis import Event, st_link_analysis

from domain.readable import plain_text
from graph.analytics.network import CHOICES_LIMIT, PER_TYPE
from ui import data, network
from ui.components import md, node_link
from ui.vocabulary import detail_file, label_name

st.title("Nätverk")
st.caption(
    "Dubbelklicka på en nod (eller markera den och tryck på expandera-knappen) för att visa dess kopplingar. "
    "Klicka på en nod för att öppna den."
)

kind = st.radio("Utgå från", ["Project", "Actor"], format_func=label_name, horizontal=True)
left, right = st.columns(2)
county = None
if kind == "Project":
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
    format_func=lambda i: names.get(i, i),
    placeholder="Välj …",
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

state = st.session_state.setdefault("network", {"centre": None, "expanded": []})
if state["centre"] != centre_id:
    state.update(centre=centre_id, expanded=[centre_id], clicked=None)

relations = data.network_neighbourhood(tuple(state["expanded"]))
centres = [
    {"id": centre_id, "label": (centre["labels"] or [None])[0], "name": centre["properties"].get("name")}
]
elements = network.elements(centres, relations)
if len(elements["nodes"]) >= network.MAX_NODES:
    st.caption(f"Visar de första {network.MAX_NODES} noderna.")
else:
    st.caption(f"Högst {PER_TYPE} kopplingar av varje slag per nod.")


def on_event() -> None:
    value = st.session_state.get("network-graph") or {}
    action = value.get("action")
    payload = value.get("data") or {}
    if action == "expand":
        for node_id in payload.get("node_ids", []):
            if node_id not in state["expanded"]:
                state["expanded"].append(node_id)
    elif action == "clicked":
        state["clicked"] = payload.get("target_id")


st_link_analysis(
    elements,
    layout="cose",
    node_styles=network.node_styles(),
    edge_styles=network.edge_styles(),
    height=480,
    key="network-graph",
    on_change=on_event,
    node_actions=["expand"],
    events=[Event("clicked", "tap", "node")],
)
md(network.legend(), unsafe_allow_html=True)

clicked = state.get("clicked")
known = {n["data"]["id"]: n["data"] for n in elements["nodes"]}
if clicked in known:
    node = known[clicked]
    st.page_link(
        detail_file(node["label"]),
        label=f"Öppna {node['typ'].lower()}: {node['fullname']}",
        icon=":material/arrow_forward:",
        query_params={"id": clicked},
    )

with st.expander(f"Kopplingar i bilden ({len(elements['edges'])})"):
    lines = [
        f"- {label_name(r['other_label'])}: {node_link(r['other_label'], r['other_id'], r['other_name'])}"
        for r in relations
        if r["other_id"] in known
    ]
    md("\n".join(dict.fromkeys(lines)))
if len(state["expanded"]) > 1 and st.button("Visa bara utgångspunkten"):
    state["expanded"] = [centre_id]
    st.rerun()
