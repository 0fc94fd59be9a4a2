"""Förvalta: ny gemensam satsning enligt mallen (redaktör)."""

from __future__ import annotations

import streamlit as st

from graph.maintain import MaintainError, edit, fields, satsning
from ui import auth
from ui.data import clear

user = auth.require("editor")
graph = auth.graph_for(user)
st.title("Ny gemensam satsning")
st.caption("Mallen följer projektrapportens fem kriterier för en gemensam satsning.")


def options(label: str) -> dict[str, str]:
    return {
        r["id"]: r["name"] + (f" ({r['county']})" if r["county"] else "")
        for r in edit.nodes_by_label(graph, label)
    }


actors, targets, focus_areas = options("Actor"), options("TargetGroup"), options("FocusArea")
indicators, decisions = options("Indicator"), options("Decision")

with st.form("satsning"):
    name = st.text_input("Namn *")
    goal = st.text_area("Mål")
    description = st.text_area("Beskrivning")
    owner = st.selectbox("Ägare (ansvarig)", ["", *actors], format_func=lambda i: actors.get(i, "—"))
    target = st.multiselect("Målgrupp", list(targets), format_func=targets.__getitem__)
    focus = st.multiselect("Fokusområde", list(focus_areas), format_func=focus_areas.__getitem__)
    cols = st.columns(3)
    timeplan = cols[0].text_input("Tidplan")
    start = cols[1].text_input("Start")
    end = cols[2].text_input("Slut")
    county = st.text_input("Län", value="Sörmland")
    st.markdown("**De fem kriterierna**")
    assignment = st.text_area("1. Tydligt uppdrag och beslut från Länsstyrgruppen")
    decision = st.selectbox("Beslut", ["", *decisions], format_func=lambda i: decisions.get(i, "—"))
    resources = st.text_area("2. Avsatta resurser, t.ex. namngiven ansvarig")
    financing = st.text_area("3. Definierad finansiering")
    follow_up = st.text_area("4. Plan för uppföljning")
    followed_by = st.multiselect("Indikatorer", list(indicators), format_func=indicators.__getitem__)
    pilot = st.checkbox("5. Testas före breddinförande")
    pilot_plan = st.text_area("Hur testet görs")
    state = st.selectbox("Processteg", fields.PROCESS_STATES)
    if st.form_submit_button("Skapa", type="primary"):
        form = satsning.Satsning(
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
        try:
            project = satsning.create(graph, form, user.name)
        except MaintainError as error:
            st.error(error.message)
        else:
            clear()
            st.success(f"Satsningen är skapad (id `{project}`). Redigera den under Redigera.")
