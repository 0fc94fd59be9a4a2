"""Projektdatabas Nära vård: the Streamlit app. Run with `make run` (or `make app`)."""

import streamlit as st

st.set_page_config(page_title="Projektdatabas Nära vård", page_icon="🏥", layout="wide")

pages = {
    "Planera": [
        st.Page(
            "ui/pages/projects_by_focus_area.py",
            title="Projekt per fokusområde",
            icon="🗂️",
            url_path="fokusomraden",
            default=True,
        ),
    ],
}
st.navigation(pages).run()
