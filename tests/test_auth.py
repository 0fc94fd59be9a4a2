"""Roles and sign-in: the hashed credentials file, read-only sessions for viewers, protected pages."""

from __future__ import annotations

import stat
import subprocess
import sys
import time
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


def mailbox_in_the_app() -> AppTest:
    """The whole app (the sign-in is in its sidebar on every page) opened on the Brevlåda."""
    app = AppTest.from_file(str(PROJECT_ROOT / "streamlit_app.py"), default_timeout=30)
    app.switch_page("ui/pages/maintain_mailbox.py")
    return app.run()


@pytest.mark.app
def test_sign_in_form_with_the_local_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "users.toml"
    users.add("bo", "viewer", "annat-lösen-22", path)
    monkeypatch.setenv("PROJEKTDB_USERS_FILE", str(path))
    app = mailbox_in_the_app()
    app.sidebar.text_input(key="auth_name").input("bo")
    app.sidebar.text_input(key="auth_password").input("fel-lösen")
    app.sidebar.button[0].click().run()
    assert "Fel användarnamn" in app.sidebar.error[0].value
    app.sidebar.text_input(key="auth_password").input("annat-lösen-22")
    app.switch_page("ui/pages/maintain_mailbox.py")
    app.sidebar.button[0].click().run()
    assert app.session_state["user"] == User("bo", "viewer")
    assert app.title[0].value == "Brevlådan"


# --- a removed user keeps writing; sign-in throttling; the users file under concurrency ------------


def _signed_in(path: Path, name: str, role: str) -> User:
    users.add(name, role, "rätt-lösenord-1", path)
    user = users.authenticate(name, "rätt-lösenord-1", path, throttle=users.Throttle())
    assert user is not None and user.local
    return user


def test_a_removed_or_downgraded_user_can_no_longer_write(
    graph: Graph, neo4j_settings: Settings, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from ui import auth

    path = tmp_path / "users.toml"
    monkeypatch.setenv("PROJEKTDB_USERS_FILE", str(path))
    monkeypatch.setenv("PROJEKTDB_DATA_DIR", str(neo4j_settings.data_dir))
    monkeypatch.setenv("PROJEKTDB_BOLT_PORT", str(neo4j_settings.bolt_port))
    auth._read_connection.clear()
    auth._write_connection.clear()
    ids = small_graph(graph)
    anna, bo = _signed_in(path, "anna", "editor"), _signed_in(path, "bo", "editor")
    anna_graph, bo_graph = auth.graph_for(anna), auth.graph_for(bo)
    edit.update_node(anna_graph, ids["project"], {"financing": "före"}, 0, anna.name)  # still allowed

    users.remove("anna", path)
    with pytest.raises(MaintainError, match="finns inte längre"):
        edit.update_node(anna_graph, ids["project"], {"financing": "efter borttagning"}, 1, anna.name)
    users.add("bo", "viewer", "rätt-lösenord-1", path)  # downgraded by an admin
    with pytest.raises(MaintainError, match="rollen läsare"):
        edit.update_node(bo_graph, ids["project"], {"financing": "efter nedgradering"}, 1, bo.name)
    with pytest.raises(MaintainError, match="finns inte längre"):
        auth.submit_suggestion(anna, "behov", "Smugglad", "")
    assert edit.get_node(graph, ids["project"])["properties"]["financing"] == "före"
    assert review.open_suggestions(graph) == []
    auth._read_connection.clear()
    auth._write_connection.clear()


def test_the_app_signs_out_a_removed_user(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "users.toml"
    users.add("bo", "viewer", "annat-lösen-22", path)
    monkeypatch.setenv("PROJEKTDB_USERS_FILE", str(path))
    app = mailbox_in_the_app()
    app.sidebar.text_input(key="auth_name").input("bo")
    app.sidebar.text_input(key="auth_password").input("annat-lösen-22")
    app.switch_page("ui/pages/maintain_mailbox.py")
    app.sidebar.button[0].click().run()
    assert app.title[0].value == "Brevlådan"
    users.remove("bo", path)
    app.switch_page("ui/pages/maintain_mailbox.py")
    app.run()
    assert "user" not in app.session_state
    assert not app.title and "finns inte längre" in app.sidebar.warning[0].value


def test_sign_in_is_locked_after_five_failures_and_logged(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    path = tmp_path / "users.toml"
    users.add("anna", "editor", "rätt-lösenord-1", path)
    now = [1000.0]
    throttle = users.Throttle(limit=5, window=600, lockout=300, clock=lambda: now[0])
    with caplog.at_level("WARNING", logger="projektdb.auth"):
        for _ in range(5):
            assert users.authenticate("anna", "fel", path, throttle=throttle) is None
            now[0] += 10
        with pytest.raises(users.SignInLocked, match="För många misslyckade"):
            users.authenticate("anna", "rätt-lösenord-1", path, throttle=throttle)  # the right one too
    assert sum("sign-in failed for anna" in r.getMessage() for r in caplog.records) == 5
    assert any("locked" in r.getMessage() for r in caplog.records)
    assert users.authenticate("bo", "fel", path, throttle=throttle) is None  # per user: bo is not locked
    now[0] += 301
    assert users.authenticate("anna", "rätt-lösenord-1", path, throttle=throttle) == User("anna", "editor")
    # failures spread wider than the window never lock
    for _ in range(8):
        assert users.authenticate("anna", "fel", path, throttle=throttle) is None
        now[0] += 200
    assert users.authenticate("anna", "rätt-lösenord-1", path, throttle=throttle) is not None


def test_one_client_trying_many_names_is_slowed_then_locked(tmp_path: Path) -> None:
    path = tmp_path / "users.toml"
    users.add("anna", "editor", "rätt-lösenord-1", path)
    now = [1000.0]
    per_name = users.Throttle(limit=5, window=600, lockout=300, clock=lambda: now[0])
    per_client = users.Throttle(limit=20, window=600, lockout=300, clock=lambda: now[0])
    waits: list[float] = []

    def attempt(name: str, password: str, client: str = "10.0.0.7") -> User | None:
        return users.authenticate(
            name,
            password,
            path,
            throttle=per_name,
            client=client,
            client_throttle=per_client,
            sleep=waits.append,
        )

    for index in range(20):  # a few guesses on many names: no name reaches its own limit
        assert attempt(f"namn{index // 2}", "gissning") is None
        now[0] += 1
    assert waits[:3] == [0.5, 1.0, 2.0]  # the client's delay doubles from its second failure
    assert max(waits) == users.MAX_DELAY_S
    with pytest.raises(users.SignInLocked, match="från din dator"):
        attempt("anna", "rätt-lösenord-1")  # locked for this client, even with the right password
    assert attempt("anna", "rätt-lösenord-1", client="10.0.0.8") == User("anna", "editor")  # others not
    now[0] += 301
    assert attempt("anna", "rätt-lösenord-1") == User("anna", "editor")


ADD_MANY = """
import sys, time
from pathlib import Path
from graph.maintain import users
path, prefix, count, start_at = Path(sys.argv[1]), sys.argv[2], int(sys.argv[3]), float(sys.argv[4])
while time.time() < start_at:
    time.sleep(0.001)
for i in range(count):
    users.add(f"{prefix}{i}", "viewer", "lösenord-123", path)
"""


def test_parallel_users_add_all_survive(tmp_path: Path) -> None:
    """Three `users add` processes at once (each read-modify-write of the file): every user stays."""
    path = tmp_path / "users.toml"
    start_at = time.time() + 2.0
    workers = [
        subprocess.Popen(
            [sys.executable, "-c", ADD_MANY, str(path), prefix, "6", str(start_at)],
            cwd=PROJECT_ROOT,
            stderr=subprocess.PIPE,
            text=True,
        )
        for prefix in ("a", "b", "c")
    ]
    for worker in workers:
        _, stderr = worker.communicate(timeout=120)
        assert worker.returncode == 0, stderr
    assert sorted(users.load(path)) == sorted(f"{p}{i}" for p in "abc" for i in range(6))
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")] == []
