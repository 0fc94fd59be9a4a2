"""Projektdatabas Nära vård: the Streamlit app. Run with `make run` (or `make app`).

One list of pages per section (user group); add a page by adding an ``st.Page`` to its list.
"""

from pathlib import Path

import streamlit as st

from ui import auth, data
from ui.errors import run_safely


def _ingest_pipeline():  # imported on the first upload: the readers are heavy
    from ingest import pipeline

    return pipeline


data.use_ingest(_ingest_pipeline)

st.set_page_config(
    page_title="Projektdatabas Nära vård", page_icon=":material/local_hospital:", layout="wide"
)

OVERVIEW = [
    st.Page(
        "ui/pages/overview.py",
        title="Översikt",
        icon=":material/dashboard:",
        url_path="oversikt",
        default=True,
    ),
]
FIND = [
    st.Page("ui/pages/search.py", title="Sök", icon=":material/search:", url_path="sok"),
    st.Page("ui/pages/network.py", title="Nätverk", icon=":material/hub:", url_path="natverk"),
    st.Page("ui/pages/project.py", title="Projekt", icon=":material/folder:", url_path="projekt"),
    st.Page("ui/pages/actor.py", title="Aktör", icon=":material/account_balance:", url_path="aktor"),
    st.Page("ui/pages/details.py", title="Övriga uppgifter", icon=":material/bookmark:", url_path="detaljer"),
]
PLAN = [
    st.Page("ui/pages/gaps.py", title="Luckor och överlapp", icon=":material/grid_view:", url_path="luckor"),
    st.Page(
        "ui/pages/projects_by_focus_area.py",
        title="Projekt per fokusområde",
        icon=":material/view_list:",
        url_path="fokusomraden",
    ),
    st.Page(
        "ui/pages/indicators.py", title="Indikatorer", icon=":material/monitoring:", url_path="indikatorer"
    ),
    st.Page("ui/pages/decisions.py", title="Beslut", icon=":material/gavel:", url_path="beslut"),
]
MAINTAIN = [
    st.Page("ui/pages/documents.py", title="Dokument", icon=":material/description:", url_path="dokument"),
    st.Page("ui/pages/maintain_review.py", title="Granska", icon=":material/fact_check:", url_path="granska"),
    st.Page("ui/pages/maintain_edit.py", title="Redigera", icon=":material/edit:", url_path="redigera"),
    st.Page(
        "ui/pages/maintain_template.py",
        title="Ny satsning",
        icon=":material/add_circle:",
        url_path="ny-satsning",
    ),
    st.Page("ui/pages/maintain_merge.py", title="Slå ihop", icon=":material/merge:", url_path="sla-ihop"),
    st.Page("ui/pages/maintain_history.py", title="Historik", icon=":material/history:", url_path="historik"),
    st.Page("ui/pages/maintain_excel.py", title="Excel", icon=":material/table_view:", url_path="excel"),
    st.Page("ui/pages/maintain_mailbox.py", title="Brevlådan", icon=":material/mail:", url_path="brevlada"),
]

pages = {"Översikt": OVERVIEW, "Hitta": FIND, "Planera": PLAN, "Förvalta": MAINTAIN}
navigation = st.navigation(pages, expanded=True)  # every section shown, none behind "View more"
st.html(Path(__file__).parent / "ui" / "swedish.css")
auth.sidebar()  # the sign-in on every page, under the page list
run_safely(navigation)
