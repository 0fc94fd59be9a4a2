"""Nätverk: a picture of what surrounds a chosen project or actor; click a node to read about it.

Only what is drawn is read: the picker lists at most a few hundred matches (county and name
filters narrow it), and each expanded node brings at most ``PER_TYPE`` neighbours per kind of link.
"""

import streamlit as st

from domain.readable import node_name, plain_text, shown_properties
from graph.analytics.network import CHOICES_LIMIT, PER_TYPE
from ui import data, network
from ui.components import chart, md, md_escape, node_link
from ui.vocabulary import detail_file, label_name

FACTS_SHOWN = 6
FACT_LENGTH = 160

st.title("Nätverk")
st.caption(
    "Bilden visar vad som hänger ihop med utgångspunkten. Klicka på en nod för att läsa om den, "
    "öppna dess sida eller visa dess kopplingar i bilden."
)

kind = st.radio("Utgå från", ["Project", "Actor"], format_func=label_name, horizontal=True)
left, right = st.columns(2)
counties = sorted({c["name"] for c in data.nodes_by_label("County") if c["name"]})
county = left.selectbox("Län", counties, index=None, placeholder="Alla län", key="natverk-lan")
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
centre_props = centre["properties"]
centres = [
    {
        "id": centre_id,
        "label": (centre["labels"] or [None])[0],
        "name": node_name(centre_props),
        "status": centre_props.get("status"),
    }
]
picture = network.picture(centres, relations)
if len(picture.nodes) >= network.MAX_NODES:
    st.caption(f"Visar de första {network.MAX_NODES} noderna.")
else:
    st.caption(f"Högst {PER_TYPE} kopplingar av varje slag per nod.")

event = chart(
    network.figure(
        picture.nodes, [(link.source, link.target) for link in picture.links], chosen=state.get("clicked")
    ),
    key="natverk-bild",
    on_select="rerun",
    selection_mode="points",
)
points = (event or {}).get("selection", {}).get("points", []) if event else []
clicked_now = next((p.get("customdata") for p in points if isinstance(p.get("customdata"), str)), None)
if clicked_now and clicked_now != state.get("clicked"):
    state["clicked"] = clicked_now
    st.rerun()  # draw the picture again with the chosen node marked

node = picture.node(state.get("clicked"))
if node is not None:
    with st.container(border=True, key="natverk-vald"):
        st.subheader(node.name)
        detail = data.node_detail(node.id)
        status = f" · {node.status}" if node.status else ""
        st.caption(f"{node.kind}{status}")
        facts = shown_properties(detail["properties"], node.label) if detail else []
        facts = [(k, v) for k, v in facts if v != node.name][:FACTS_SHOWN]
        if facts:
            md(
                "\n".join(
                    f"- **{k}:** {md_escape(network.short(' '.join(v.split()), FACT_LENGTH))}"
                    for k, v in facts
                )
            )
        around = picture.links_of(node.id)
        if around:
            md(f"**Kopplingar i bilden ({len(around)}):**")
            md(
                "\n".join(
                    f"- {md_escape(relation)}: {node_link(other.label, other.id, other.name)}"
                    for relation, other in around[:12]
                )
                + (f"\n- … och {len(around) - 12} till" if len(around) > 12 else "")
            )
        first, second = st.columns(2)
        first.page_link(
            detail_file(node.label),
            label=f"Öppna sidan om {node.kind.lower()}",
            icon=":material/arrow_forward:",
            query_params={"id": node.id},
        )
        if node.id not in state["expanded"] and second.button("Visa dess kopplingar i bilden"):
            state["expanded"].append(node.id)
            st.rerun()

with st.expander(f"Kopplingar i bilden ({len(picture.links)})"):
    lines = [
        f"- {label_name(r['other_label'])}: {node_link(r['other_label'], r['other_id'], r['other_name'])}"
        for r in relations
        if picture.node(r["other_id"]) is not None
    ]
    md("\n".join(dict.fromkeys(lines)))
if len(state["expanded"]) > 1 and st.button("Visa bara utgångspunkten"):
    state["expanded"] = [centre_id]
    st.rerun()
