"""Roles and sign-in: the hashed credentials file, read-only sessions for viewers, protected pages."""

from __future__ import annotations

from pathlib import Path

import neo4j
import pytest
from streamlit.testing.v1 import AppTest

from graph.db import Graph
from graph.maintain import MaintainError, edit, review, users
from graph.maintain.users import User
from graph.settings import PROJECT_ROOT, Settings
from tests.maintain_helpers import small_graph

EDITOR_PAGES = [
    "maintain_review",
    "maintain_edit",
    "maintain_template",
    "maintain_merge",
    "maintain_history",
    "maintain_excel",
]


def test_users_file_holds_hashes_and_authenticates(tmp_path: Path) -> None:
    path = tmp_path / "users.toml"
    users.add("anna", "editor", "hemligt-lösen-1", path)
    users.add("bo", "viewer", "annat-lösen-22", path)
    text = path.read_text()
    assert "hemligt-lösen-1" not in text and "$argon2id$" in text
    assert path.stat().st_mode & 0o077 == 0
    assert users.authenticate("anna", "hemligt-lösen-1", path) == User("anna", "editor")
    assert users.authenticate("anna", "fel", path) is None
    assert users.authenticate("okänd", "hemligt-lösen-1", path) is None
    users.add("anna", "admin", "nytt-lösen-333", path)  # a new role and password replace the old
    assert users.authenticate("anna", "hemligt-lösen-1", path) is None
    assert users.authenticate("anna", "nytt-lösen-333", path).role == "admin"
    with pytest.raises(MaintainError):
        users.add("Anna Svensson", "editor", "hemligt-lösen-1", path)
    with pytest.raises(MaintainError):
        users.add("cecilia", "superuser", "hemligt-lösen-1", path)
    assert User("x", "admin").can("editor") and not User("x", "viewer").can("editor")


def test_viewer_connection_cannot_write(graph: Graph, neo4j_settings: Settings) -> None:
    ids = small_graph(graph)
    with Graph(neo4j_settings, read_only=True) as viewer:
        assert edit.get_node(viewer, ids["project"])["version"] == 0  # reading works
        with pytest.raises(neo4j.exceptions.ClientError, match="(?i)read"):
            edit.update_node(viewer, ids["project"], {"financing": "x"}, 0, "mallory")
        with pytest.raises(neo4j.exceptions.ClientError):
            review.submit(viewer, "idé", "Smugglad", "", "mallory")
    assert "financing" not in edit.get_node(graph, ids["project"])["properties"]
    assert review.open_suggestions(graph) == []


def test_ui_gives_viewers_a_read_only_connection(
    graph: Graph, neo4j_settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    from ui import auth

    monkeypatch.setenv("PROJEKTDB_DATA_DIR", str(neo4j_settings.data_dir))
    monkeypatch.setenv("PROJEKTDB_BOLT_PORT", str(neo4j_settings.bolt_port))
    auth._read_connection.clear()
    auth._write_connection.clear()
    ids = small_graph(graph)
    assert auth.graph_for(User("bo", "viewer")).read_only
    assert auth.graph_for(None).read_only
    assert not auth.graph_for(User("anna", "editor")).read_only
    with pytest.raises(neo4j.exceptions.ClientError):
        edit.update_node(auth.graph_for(User("bo", "viewer")), ids["project"], {"financing": "x"}, 0, "bo")
    # the brevlåda is the one write a viewer can cause
    auth.submit_suggestion(User("bo", "viewer"), "behov", "Mer stöd till anhöriga", "")
    assert [s["submitted_by"] for s in review.open_suggestions(graph)] == ["bo"]
    auth._read_connection.clear()
    auth._write_connection.clear()


@pytest.mark.app
@pytest.mark.parametrize("page", EDITOR_PAGES)
def test_editor_pages_refuse_viewers_and_anonymous_users_on_the_server(page: str) -> None:
    path = str(PROJECT_ROOT / "ui" / "pages" / f"{page}.py")
    anonymous = AppTest.from_file(path, default_timeout=30).run()
    assert [i.value for i in anonymous.info][0].startswith("Logga in")
    assert not anonymous.exception
    viewer = AppTest.from_file(path, default_timeout=30)
    viewer.session_state["user"] = User("bo", "viewer")
    viewer.run()
    assert viewer.error and "behörighet" in viewer.error[0].value
    assert not viewer.title  # the page itself never rendered


@pytest.mark.app
def test_sign_in_form_with_the_local_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "users.toml"
    users.add("bo", "viewer", "annat-lösen-22", path)
    monkeypatch.setenv("PROJEKTDB_USERS_FILE", str(path))
    page = str(PROJECT_ROOT / "ui" / "pages" / "maintain_mailbox.py")
    app = AppTest.from_file(page, default_timeout=30).run()
    app.sidebar.text_input(key="auth_name").input("bo")
    app.sidebar.text_input(key="auth_password").input("fel-lösen")
    app.sidebar.button[0].click().run()
    assert "Fel användarnamn" in app.sidebar.error[0].value
    app.sidebar.text_input(key="auth_password").input("annat-lösen-22")
    app.sidebar.button[0].click().run()
    assert app.session_state["user"] == User("bo", "viewer")
    assert app.title[0].value == "Brevlådan"
