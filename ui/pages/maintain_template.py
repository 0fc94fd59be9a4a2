"""Förvalta: ny gemensam satsning enligt mallen (redaktör)."""

from __future__ import annotations

import streamlit as st

from domain import forms
from domain.titles import DUPLICATE_REASON_TITLES
from service.maintain import MaintainError, Satsning, SimilarExists
from ui import auth
from ui.components import md, md_escape, node_link

user = auth.require("editor")
service = auth.maintenance_for(user)
st.title("Ny gemensam satsning")
st.caption("Mallen följer projektrapportens fem kriterier för en gemensam satsning.")
PENDING = "satsning_pending"  # a form held back because similar initiatives exist
DONE = "satsning_done"  # what the last create did, shown after the rerun that follows it


def create(form: Satsning, allow_similar: bool) -> None:
    """Create the satsning; a similar initiative holds the form back until "Skapa ändå"."""
    try:
        project = service.create_satsning(form, user.name, allow_similar=allow_similar)
    except SimilarExists as similar:
        st.session_state[PENDING] = (form, similar.similar)
    except MaintainError as error:
        st.session_state.pop(PENDING, None)
        st.error(error.message)
    else:
        st.session_state.pop(PENDING, None)
        st.session_state[DONE] = (project, form.name)
        st.rerun()


if done := st.session_state.pop(DONE, None):
    project, created_name = done
    md(
        f"Satsningen {node_link('Project', project, created_name)} är skapad. "
        "Du kan fortsätta redigera den under Redigera."
    )


def options(label: str) -> dict[str, str]:
    return {r["id"]: r["name"] + (f" ({r['county']})" if r["county"] else "") for r in service.nodes(label)}


actors, targets, focus_areas = options("Actor"), options("TargetGroup"), options("FocusArea")
indicators, decisions = options("Indicator"), options("Decision")

with st.form("satsning"):
    name = st.text_input("Namn *")
    goal = st.text_area("Mål")
    description = st.text_area("Beskrivning")
    owner = st.selectbox(
        "Ägare (ansvarig)", ["", *actors], format_func=lambda i: actors.get(i, "—"), placeholder="Välj …"
    )
    target = st.multiselect(
        "Målgrupp", list(targets), format_func=targets.__getitem__, placeholder="Välj en eller flera …"
    )
    focus = st.multiselect(
        "Fokusområde",
        list(focus_areas),
        format_func=focus_areas.__getitem__,
        placeholder="Välj en eller flera …",
    )
    cols = st.columns(3)
    timeplan = cols[0].text_input("Tidplan")
    start = cols[1].text_input("Start")
    end = cols[2].text_input("Slut")
    county = st.text_input("Län", value="Sörmland")
    st.markdown("**De fem kriterierna**")
    assignment = st.text_area("1. Tydligt uppdrag och beslut från Länsstyrgruppen")
    decision = st.selectbox(
        "Beslut", ["", *decisions], format_func=lambda i: decisions.get(i, "—"), placeholder="Välj …"
    )
    resources = st.text_area("2. Avsatta resurser, t.ex. namngiven ansvarig")
    financing = st.text_area("3. Definierad finansiering")
    follow_up = st.text_area("4. Plan för uppföljning")
    followed_by = st.multiselect(
        "Indikatorer",
        list(indicators),
        format_func=indicators.__getitem__,
        placeholder="Välj en eller flera …",
    )
    pilot = st.checkbox("5. Testas före breddinförande")
    pilot_plan = st.text_area("Hur testet görs")
    state = st.selectbox("Processteg", forms.PROCESS_STATES, placeholder="Välj …")
    if st.form_submit_button("Skapa", type="primary"):
        form = Satsning(
            name=name,
            goal_text=goal,
            description=description,
            owner=owner or None,
            target_groups=target,
            focus_areas=focus,
            timeplan_text=timeplan,
            start=start,
            end=end,
            county=county,
            assignment=assignment,
            decision=decision or None,
            resources=resources,
            financing=financing,
            follow_up=follow_up,
            indicators=followed_by,
            pilot=pilot,
            pilot_plan=pilot_plan,
            state=state,
        )
        create(form, allow_similar=False)

if pending := st.session_state.get(PENDING):
    held, similar = pending
    with st.container(border=True):
        st.warning(
            f"Det finns redan {'en satsning' if len(similar) == 1 else f'{len(similar)} satsningar'} "
            f"med liknande namn som ”{held.name.strip()}”. Satsningen är inte skapad. Kontrollera att "
            "den inte redan finns; välj Skapa ändå om din satsning är en annan."
        )
        for other in similar:
            county = f" ({md_escape(other.county)})" if other.county else ""
            why = DUPLICATE_REASON_TITLES[other.reason] + (f" ”{other.addition}”" if other.addition else "")
            md(f"- {node_link('Project', other.id, other.name)}{county}: {why}")
        actions = st.columns([1, 1, 4])
        if actions[0].button("Skapa ändå", type="primary"):
            create(held, allow_similar=True)
        if actions[1].button("Avbryt"):
            st.session_state.pop(PENDING, None)
            st.rerun()
