"""Every page's logic through Streamlit's AppTest, against the real test database with the sample."""

from __future__ import annotations

import tomllib
from collections.abc import Iterator

import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest

from domain.document import MAX_FILE_BYTES as PAGE_MAX_FILE_BYTES
from graph.maintain.users import User
from graph.settings import PROJECT_ROOT, Settings
from ingest.readers import MAX_FILE_BYTES
from tests import app_support
from tests.app_support import TIMEOUT_S, fresh_app, load_sample, text_of
from tests.conftest import FARDPLAN

pytestmark = pytest.mark.app

UNGA_VUXNA = "project-tillsammans-for-unga-vuxna"


@pytest.fixture(scope="module")
def sample(neo4j_settings: Settings) -> Settings:
    load_sample(neo4j_settings)
    return neo4j_settings


@pytest.fixture
def app(sample: Settings, monkeypatch: pytest.MonkeyPatch) -> Iterator[AppTest]:
    yield from fresh_app(sample, monkeypatch)


def open_page(at: AppTest, page: str, **params: str) -> AppTest:
    """As app_support.open_page, and no page here may show an error either."""
    app_support.open_page(at, page, **params)
    assert not at.error, [e.value for e in at.error]
    return at


def unga_vuxna_id(at: AppTest) -> str:
    from ui import data

    return next(p["id"] for p in data.project_facts() if p["id"].startswith(UNGA_VUXNA))


def first_actor_id() -> str:
    from ui import data

    return str(data.network_choices("Actor", None, "")[0]["id"])


def test_overview_counts_and_timeline(app: AppTest) -> None:
    at = open_page(app, "overview")
    metrics = {m.label: m.value for m in at.metric}
    from ui import data

    assert int(metrics["Projekt"]) == len(data.project_facts()) > 0 and metrics["Dokument"] == "5"
    assert int(metrics["Pågående"]) > 0
    assert "Tidslinje" in text_of(at)


def test_search_finds_unga_vuxna_with_related_initiatives(app: AppTest) -> None:
    at = open_page(app, "search", q="unga vuxna")
    text = text_of(at)
    assert "tillsammans för unga vuxna" in text.casefold()
    assert "Relaterade initiativ" in text and "båda handlar om" in text
    assert at.subheader[0].value.startswith("Träffar (")


def test_search_facet_narrows_results(app: AppTest) -> None:
    at = open_page(app, "search", q="unga vuxna")
    before = at.subheader[0].value
    facet = at.selectbox(key="facet-status")
    facet.set_value(facet.options[0].split(" (")[0]).run()
    assert not at.exception
    assert at.subheader[0].value.startswith("Träffar (") and at.subheader[0].value != "" and before


def test_project_page_shows_provenance_quote(app: AppTest) -> None:
    at = open_page(app, "overview")
    project_id = unga_vuxna_id(at)
    at = open_page(app, "project", id=project_id)
    text = text_of(at)
    assert "Tillsammans för unga vuxna" in text
    assert "Var uppgiften står" in text and "sidan 1" in text
    assert "Relaterade initiativ" in text


def test_actor_page_and_unknown_id(app: AppTest) -> None:
    at = open_page(app, "actor")
    assert at.selectbox[0].options  # a picker of every actor
    at = open_page(app, "actor", id="actor-finns-inte")
    assert at.warning and "ingen uppgift" in at.warning[0].value


def test_details_page_shows_a_goal(app: AppTest) -> None:
    at = open_page(app, "details")
    at.radio[0].set_value("Indicator").run()
    at.selectbox[0].select_index(0).run()
    assert not at.exception and "Indikator" in text_of(at)


def test_gap_page_lists_gaps_and_overlaps(app: AppTest) -> None:
    at = open_page(app, "gaps")
    # lazy tabs: a first visit runs only the coverage tab (heatmaps and the gap list)
    metrics = {m.label: int(m.value) for m in at.metric}
    assert "Luckor i täckningen" in metrics and "Målsättningar som inget projekt arbetar mot" not in metrics
    assert at.get("plotly_chart")
    texts = []
    for tab in (
        "Mål utan aktivitet",
        "Indikatorer utan mått",
        "Gemensamma satsningar",
        "Överlapp",
        "Kluster",
    ):
        at.session_state["luckor-flik"] = tab  # what a click on the tab does
        at.run()
        assert not at.exception, [e.value for e in at.exception]
        metrics |= {m.label: int(m.value) for m in at.metric}
        texts.append(text_of(at) + f"\ntables: {len(at.dataframe)}")
    assert metrics["Målsättningar som inget projekt arbetar mot"] > 0
    assert metrics["Indikatorer utan mått"] >= 1  # Rehabiliterande: "Ej klart"
    assert metrics["Par av projekt som överlappar"] > 0
    assert "Rehabiliterande" in texts[1] and "Rehabiliterande" not in texts[0]
    assert "tables: 1" in texts[2]  # the readiness checklist


def test_projects_by_focus_area_page_by_county(app: AppTest) -> None:
    at = open_page(app, "projects_by_focus_area")
    everything = [e.label for e in at.expander]
    assert everything and "projekt i" in text_of(at)
    county = at.selectbox(key="fokus-lan")
    assert county.value == "Alla län" and len(county.options) > 1
    county.select_index(1).run()
    assert not at.exception, [e.value for e in at.exception]
    assert at.expander and [e.label for e in at.expander] != everything
    assert all(r for df in at.dataframe for r in df.value["Län"] if r == county.options[1].split(" (")[0])


def test_network_page_renders_around_a_project(app: AppTest) -> None:
    at = open_page(app, "overview")
    at = open_page(app, "network", id=unga_vuxna_id(at))
    assert "Kopplingar i bilden" in text_of(at)
    assert at.session_state["network"]["expanded"] == [unga_vuxna_id(at)]


def test_network_page_narrows_its_picker_and_starts_from_an_actor(app: AppTest) -> None:
    at = open_page(app, "network")
    every = list(at.selectbox[1].options)  # [0] is the county
    at.text_input[0].input("unga vuxna").run()
    some = list(at.selectbox[1].options)
    assert some and len(some) < len(every) and all("unga vuxna" in name.lower() for name in some)
    # the picker's options are ids shown by name: AppTest's select_index would store the name
    at.selectbox[1].set_value(unga_vuxna_id(at)).run()
    assert not at.exception and "Kopplingar i bilden" in text_of(at)
    at.radio[0].set_value("Actor").run()
    at.text_input[0].input("").run()
    assert at.selectbox[0].label == "Län"  # the county picker stays for actors
    assert at.selectbox[1].label == "Aktör" and at.selectbox[1].value is None
    at.selectbox[1].set_value(first_actor_id()).run()
    assert not at.exception and "Kopplingar i bilden" in text_of(at)


def test_indicator_page_marks_missing_measures(app: AppTest) -> None:
    at = open_page(app, "indicators")
    metrics = {m.label: int(m.value) for m in at.metric}
    assert metrics["Indikatorer"] >= 7 and metrics["Indikatorer utan mått"] >= 1
    assert any("Rehabiliterande" in e.label and "warning" in e.label for e in at.expander)


def test_decision_page_has_diarienummer_and_sources(app: AppTest) -> None:
    at = open_page(app, "decisions")
    text = text_of(at)
    assert "NSV22-0008" in text and "Källa:" in text and "sidan" in text


def test_documents_page_hides_the_upload_from_viewers(app: AppTest) -> None:
    at = open_page(app, "documents")
    assert not at.get("file_uploader")
    assert any("Logga in som redaktör" in i.value for i in at.info)
    assert at.subheader[-1].value == "Inlästa dokument (5)"  # the list is for everyone


def test_documents_page_preview_then_ingest(app: AppTest, sample: Settings) -> None:
    app.session_state["user"] = User("eva", "editor")
    at = open_page(app, "documents")
    assert at.subheader[-1].value == "Inlästa dokument (5)"
    # the same bytes as a new file name: already in the database, so the ingest says unchanged
    upload = at.get("file_uploader")[0]
    upload.upload("fardplan.txt", FARDPLAN.read_bytes(), mime_type="text/plain").run()
    assert not at.exception
    assert "Det här kommer att läsas in" in "\n".join(m.value for m in at.markdown)
    next(b for b in at.button if b.label == "Bekräfta och läs in").click().run()
    assert not at.exception
    assert any("oförändrad" in i.value for i in at.info)


def test_documents_page_shows_read_errors_in_swedish(app: AppTest) -> None:
    app.session_state["user"] = User("eva", "editor")
    at = open_page(app, "documents")
    upload = at.get("file_uploader")[0]
    upload.upload("trasig.pdf", b"%PDF-1.4\n\x00\x01garbage", mime_type="application/pdf").run()
    assert not at.exception
    assert at.error and "Traceback" not in at.error[0].value


def test_document_detail_lists_what_came_from_it(app: AppTest) -> None:
    from ui import data

    at = open_page(app, "overview")
    document = next(d for d in data.documents() if d["kind"] == "färdplan" and d["county"] == "Sörmland")
    at = open_page(app, "documents", id=document["id"])
    assert "uppgifter kom från dokumentet" in text_of(at)
    assert any(e.label.startswith("Projekt (") for e in at.expander)


def test_database_down_is_a_swedish_message(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NEO4J_URI", "neo4j://127.0.0.1:1")
    monkeypatch.setenv("NEO4J_PASSWORD", "fel")
    st.cache_data.clear()
    st.cache_resource.clear()
    at = AppTest.from_file(str(PROJECT_ROOT / "streamlit_app.py"), default_timeout=TIMEOUT_S).run()
    assert not at.exception
    assert at.error and "Databasen svarar inte" in at.error[0].value
    st.cache_resource.clear()


def test_upload_limit_matches_the_reader() -> None:
    config = tomllib.loads((PROJECT_ROOT / ".streamlit" / "config.toml").read_text(encoding="utf-8"))
    assert config["server"]["maxUploadSize"] * 1024 * 1024 == MAX_FILE_BYTES
    # the page shows domain's limit, the readers enforce their own: the two must agree
    assert PAGE_MAX_FILE_BYTES == MAX_FILE_BYTES
