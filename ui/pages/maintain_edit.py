"""Förvalta: redigera en post, dess relationer och processteg (redaktör)."""

from __future__ import annotations

import streamlit as st

from domain import forms, readable, titles
from service.maintain import Conflict, MaintainError
from ui import auth
from ui.components import md_escape, quote_block
from ui.history_view import show_change
from ui.maintain_ui import field_inputs, label_picker, node_picker


def saved_notice(label: str, before: dict[str, object], after: dict[str, object], change: str | None) -> str:
    """What a save did, in words: the fields it changed, or that nothing was different."""
    if not change:
        return "Inga ändringar: det du skickade var redan sparat."
    changed = [f.title for f in forms.fields(label) if before.get(f.key) != after.get(f.key)]
    return "Sparat: " + (", ".join(changed) if changed else "posten") + " ändrades."


def relation_origin(rel: dict[str, object]) -> str:
    if rel["manual"]:
        return "tillagd för hand"
    sources = int(str(rel["sources"] or 0))
    if sources == 0:
        return "beräknad"
    return titles.counted(sources, "källa", "källor")


user = auth.require("editor")
service = auth.maintenance_for(user)
st.title("Redigera")
NOTICE = "edit_notice"  # what the last save did, shown after the rerun that follows it
CONFLICT = "edit_conflict"  # the message of a save refused by a conflict, shown on the reloaded form

label = label_picker("edit_label")
node_id = node_picker(service, label, "edit_node")
if node_id is None:
    st.stop()
node = service.node(node_id)
if node is None:
    st.warning("Posten finns inte längre.")
    st.stop()

# Optimistic locking: the version this editor opened; kept until a save or a reload.
opened_key = f"opened_version:{node_id}"
if opened_key not in st.session_state:
    st.session_state[opened_key] = node.version
opened = st.session_state[opened_key]
if node.version != opened:
    st.warning("Posten har ändrats av någon annan sedan du öppnade den.")
    if st.button("Ladda om senaste versionen"):
        st.session_state[opened_key] = node.version
        st.rerun()

props = node.properties
if notice := st.session_state.pop(NOTICE, None):
    st.success(notice)
if refused := st.session_state.pop(CONFLICT, None):
    st.error(refused)
    with st.container(border=True):
        st.markdown("**Det här är sparat nu:**")
        for title, value in readable.shown_properties(props, label):
            st.markdown(f"- {md_escape(title)}: {md_escape(value)}")
st.caption(f"Version {node.version}" + (" · skapad för hand" if props.get("manual") else ""))
with st.form(f"edit_form:{node_id}:{opened}"):
    values = field_inputs(label, props, f"edit:{node_id}:{opened}")
    if st.form_submit_button("Spara", type="primary"):
        try:
            result = service.update(node_id, values, opened, user.name)
        except Conflict as conflict:
            # the form reloads on the version saved in between, with the message above it
            latest = service.node(node_id)
            st.session_state[opened_key] = latest.version if latest else opened
            st.session_state[CONFLICT] = conflict.message
            st.rerun()
        except MaintainError as error:
            st.error(error.message)
        else:
            st.session_state[opened_key] = result.version
            st.session_state[NOTICE] = saved_notice(label, props, result.properties, result.change)
            st.rerun()

if label == "Project":
    st.subheader("Processteg")
    current_state = props.get("process_state") or "—"
    st.write(f"Nu: **{current_state}**")
    new_state = st.selectbox(
        "Flytta till", forms.PROCESS_STATES, key=f"state:{node_id}", placeholder="Välj …"
    )
    if st.button("Byt processteg"):
        try:
            state = service.set_state(node_id, new_state, opened, user.name)
        except MaintainError as error:
            st.error(error.message)
        else:
            st.session_state[opened_key] = state.version
            st.rerun()
    steps = service.state_history(node_id)
    if steps:
        st.dataframe(
            [{"när": s["at"][:16], "vem": s["user"], "från": s["from"], "till": s["to"]} for s in steps],
            hide_index=True,
        )
    st.subheader("Beredskap för gemensam satsning")
    for criterion, ok in service.readiness(node_id, props).items():
        st.markdown((":material/check_circle: " if ok else ":material/radio_button_unchecked: ") + criterion)

st.subheader("Relationer")
for i, rel in enumerate(service.relationships(node_id)):
    title = titles.relationship_title(rel["type"])
    arrow = f"{title} → {rel['other_name']}" if rel["outgoing"] else f"{rel['other_name']} {title} → denna"
    cols = st.columns([6, 1])
    cols[0].write(arrow + f"  _({relation_origin(rel)})_")
    if cols[1].button("Ta bort", key=f"unrel:{i}"):
        start, end = (node_id, rel["other"]) if rel["outgoing"] else (rel["other"], node_id)
        service.unrelate(rel["type"], start, end, user.name)
        st.rerun()

with st.expander("Lägg till relation"):
    options = [t for t, (starts, _) in forms.RELATIONSHIPS.items() if label in starts]
    if options:
        rel_type = st.selectbox(
            "Relation", options, format_func=forms.RELATIONSHIP_TITLES.__getitem__, placeholder="Välj …"
        )
        ends = forms.RELATIONSHIPS[rel_type][1] or tuple(forms.FIELDS)
        end_label = st.selectbox(
            "Till typ", ends, format_func=forms.LABEL_TITLES.__getitem__, placeholder="Välj …"
        )
        other = node_picker(service, end_label, "rel_other", "Till")
        if other and st.button("Lägg till"):
            try:
                service.relate(rel_type, node_id, other, user.name)
            except MaintainError as error:
                st.error(error.message)
            else:
                st.rerun()

with st.expander("Källor"):
    for m in service.mentions(node_id):
        quote_block(
            m["quote"] or "", m["page"], m["document_id"], m["document"], m["start"] or -1, m["end"] or -1
        )

with st.expander("Historik"):
    for change in service.history(node_id=node_id, limit=50):
        show_change(change, with_post=False)
