"""Förvalta: slå ihop dubbletter och dela upp en felaktig sammanslagning (redaktör).

A merge is asked for twice: the two posts are shown side by side first, and only "Ja, slå ihop"
merges. What was merged is said after the page is redrawn (the second picker then starts over,
as the post it showed is gone)."""

from __future__ import annotations

import streamlit as st

from domain import readable
from service.maintain import MaintainError
from ui import auth, data
from ui.components import md, md_escape, node_link
from ui.maintain_ui import label_picker, node_picker
from ui.vocabulary import label_name

ASKED, DONE = "merge:asked", "merge:done"

user = auth.require("editor")
service = auth.maintenance_for(user)
st.title("Slå ihop och dela upp")

if done := st.session_state.pop(DONE, None):
    st.success(done)

label = label_picker("merge_label")
keep = node_picker(service, label, "merge_keep", "Behåll")
drop = node_picker(service, label, "merge_drop", "Slå in i den (tas bort)")
st.caption("Alla relationer och källor flyttas till posten som behålls; namnet blir ett alias.")


def _side(column: st.delta_generator.DeltaGenerator, title: str, node_id: str) -> str:
    """One post as the editor compares it; returns its name."""
    node = data.node_detail(node_id)
    if node is None:
        column.warning("Posten finns inte längre.")
        return ""
    props = node["properties"]
    name = readable.node_name(props, label_name(label))
    relations = sum(group.get("total", 1) for group in data.node_relation_groups(node_id, per_group=1))
    with column:
        st.markdown(f"**{title}**")
        md(f"### {node_link(label, node_id, name)}")
        rows = readable.shown_properties(props, label)
        if rows:
            md("\n".join(f"- **{t}:** {md_escape(v)}" for t, v in rows))
        st.caption(f"{relations} kopplingar · {node.get('mention_count', 0)} ställen i dokumenten")
    return name


if keep and drop and keep != drop:
    if st.session_state.get(ASKED) != (keep, drop):
        if st.button("Slå ihop …", type="primary"):
            st.session_state[ASKED] = (keep, drop)
            st.rerun()
    else:
        st.subheader("Stämmer det här?")
        left, right = st.columns(2)
        kept_name = _side(left, "Behålls", keep)
        dropped_name = _side(right, "Slås in och tas bort", drop)
        yes, no = st.columns([1, 4])
        if yes.button("Ja, slå ihop", type="primary"):
            st.session_state.pop(ASKED, None)
            try:
                service.merge(keep, drop, user.name)
            except MaintainError as error:
                st.error(error.message)
            else:
                st.session_state[DONE] = (
                    f"{dropped_name} slogs in i {kept_name}. Dess relationer och källor finns nu på "
                    f"{kept_name}, och namnet är ett alias. Ångra med Dela upp nedan."
                )
                st.rerun()
        if no.button("Avbryt"):
            st.session_state.pop(ASKED, None)
            st.rerun()
elif keep and keep == drop:
    st.info("Välj två olika poster.")

st.subheader("Sammanslagningar")
merges = [c for c in service.history(limit=500) if c.action == "merge"]
if not merges:
    st.caption("Inga sammanslagningar än.")
for change in merges:
    cols = st.columns([6, 1])
    status = " (uppdelad)" if change.undone_by else ""
    cols[0].write(f"{readable.swedish_date(change.at)} · {change.user}: {change.summary}{status}")
    if not change.undone_by and cols[1].button("Dela upp", key=f"split:{change.id}"):
        try:
            service.split(change.id, user.name)
        except MaintainError as error:
            st.error(error.message)
        else:
            st.rerun()
