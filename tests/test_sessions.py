"""Signed sign-in sessions (graph/maintain/sessions.py): what a cookie token is accepted for."""

from __future__ import annotations

import stat
from pathlib import Path

import pytest

from graph.maintain import sessions, users

PASSWORD = "ett-lösenord-för-testet"


@pytest.fixture
def users_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("PROJEKTDB_DATA_DIR", str(tmp_path))
    monkeypatch.delenv("PROJEKTDB_SESSION_SECRET", raising=False)
    path = tmp_path / "users.toml"
    users.add("anna", "editor", PASSWORD, path=path)
    return path


def test_a_token_stands_for_its_user_until_the_users_entry_is_rewritten(users_file: Path) -> None:
    token = sessions.issue(users.User("anna", "editor"), path=users_file)
    assert token is not None and PASSWORD not in token
    assert sessions.verify(token, path=users_file) == users.User("anna", "editor")
    users.add("anna", "admin", PASSWORD, path=users_file)  # same password, new role
    assert sessions.verify(token, path=users_file) is None  # a new hash: the old token is revoked


def test_removed_user_and_changed_password_end_the_session(users_file: Path) -> None:
    token = sessions.issue(users.User("anna", "editor"), path=users_file)
    assert token is not None
    users.add("anna", "editor", "ett-annat-lösenord", path=users_file)
    assert sessions.verify(token, path=users_file) is None
    token = sessions.issue(users.User("anna", "editor"), path=users_file)
    assert token is not None and sessions.verify(token, path=users_file) is not None
    users.remove("anna", path=users_file)
    assert sessions.verify(token, path=users_file) is None


def test_forged_altered_and_expired_tokens_are_refused(users_file: Path) -> None:
    token = sessions.issue(users.User("anna", "editor"), path=users_file, now=1_000_000.0)
    assert token is not None
    assert sessions.verify(token, path=users_file, now=1_000_000.0 + sessions.LIFETIME_S - 1)
    assert sessions.verify(token, path=users_file, now=1_000_000.0 + sessions.LIFETIME_S + 1) is None
    payload, signature = token.split(".")
    other = sessions._b64(sessions._unb64(payload).replace(b"anna", b"bert"))
    for bad in ("", "x", "a.b", f"{other}.{signature}", f"{payload}.{signature[:-2]}AA", token + "x"):
        assert sessions.verify(bad, path=users_file, now=1_000_000.0) is None


def test_unknown_user_gets_no_token(users_file: Path) -> None:
    assert sessions.issue(users.User("bert", "editor"), path=users_file) is None


def test_the_secret_is_made_once_and_only_its_owner_reads_it(users_file: Path) -> None:
    token = sessions.issue(users.User("anna", "editor"), path=users_file)
    secret = sessions.secret_file()
    assert stat.S_IMODE(secret.stat().st_mode) == 0o600
    assert len(secret.read_bytes()) == 32
    assert token is not None and sessions.verify(token, path=users_file) is not None
    secret.write_bytes(b"\0" * 32)  # another server's secret: its tokens are not ours
    assert sessions.verify(token, path=users_file) is None


def test_a_configured_secret_is_shared_by_every_server(
    users_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PROJEKTDB_SESSION_SECRET", "delad-hemlighet")
    token = sessions.issue(users.User("anna", "editor"), path=users_file)
    assert not sessions.secret_file().exists()
    assert token is not None and sessions.verify(token, path=users_file) is not None
