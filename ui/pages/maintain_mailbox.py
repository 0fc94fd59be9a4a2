"""Brevlådan: alla inloggade kan lämna en idé eller ett behov; det hamnar i granskningskön."""

from __future__ import annotations

import streamlit as st

from service.maintain import MaintainError
from ui import auth

user = auth.require("viewer")
st.title("Brevlådan")
st.write("Har du en idé eller ser du ett behov? Beskriv det här, så tar FoUiS hand om det.")
with st.form("mailbox", clear_on_submit=True):
    kind = st.radio("Det gäller", ["idé", "behov"], horizontal=True)
    title = st.text_input("Rubrik")
    text = st.text_area("Beskrivning")
    if st.form_submit_button("Skicka", type="primary"):
        try:
            auth.submit_suggestion(user, kind, title, text)
        except MaintainError as error:
            st.error(error.message)
        else:
            st.success("Tack! Ditt förslag ligger nu i granskningskön.")
