"""Sign-in and roles for the app: viewer (read only), editor, admin.

Default: the local credentials file (data/users.toml, hashed passwords; `projektdb users add`), with a
sign-in form in the sidebar. An organisation can switch to OIDC: when `.streamlit/secrets.toml` has an
``[auth]`` section, the sidebar offers ``st.login()`` instead, and roles come from
``[projektdb.roles]`` (e-mail = role; everyone else gets ``[projektdb] default_role``, else viewer).

Protection is on the server: every maintenance page calls ``require(role)`` before it renders, and
the database connection follows the role: viewers get a connection whose sessions are READ access,
so the server refuses a write even if a crafted request reached write code. The one exception is the
brevlåda: ``submit_suggestion`` writes a suggestion for any signed-in user, and nothing else.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from typing import Any, TypeVar

import streamlit as st
from neo4j import ManagedTransaction

from graph.db import DatabaseUnavailable, Graph
from graph.maintain import sessions, users
from graph.maintain.users import ROLE_TITLES, User
from service.maintain import Maintenance
from ui import data

SESSION_KEY = "user"
NOTICE_KEY = "auth_notice"
COOKIE_KEY = "auth_cookie"  # the cookie to write in the browser on this run: a token, or "" to clear it
SIGNED_OUT_KEY = "auth_signed_out"  # this browser session signed out: its old cookie no longer counts
T = TypeVar("T")


def oidc_configured() -> bool:
    try:
        return "auth" in st.secrets
    except Exception:  # no secrets file at all: Streamlit raises its own not-found error
        return False


def current_user() -> User | None:
    if oidc_configured():
        if not getattr(st.user, "is_logged_in", False):
            return None
        email = str(st.user.get("email") or st.user.get("sub") or "").lower()
        return User(email, _oidc_role(email))
    user = st.session_state.get(SESSION_KEY)
    if not isinstance(user, User):
        return _from_cookie()
    if user.local:  # an admin may have removed or downgraded the user since the sign-in
        now = users.current(user)
        if now is None:
            _forget(f"Kontot {user.name} finns inte längre: du har loggats ut.")
            return None
        if now.role != user.role:
            st.session_state[SESSION_KEY] = now
            return now
    return user


def _from_cookie() -> User | None:
    """A new page load (a link, a reload) starts a new Streamlit session: the signed cookie says
    who signed in (graph/maintain/sessions.py checks signature, expiry, user and password)."""
    if st.session_state.get(SIGNED_OUT_KEY):
        return None
    token = st.context.cookies.get(sessions.COOKIE)
    if not token:
        return None
    user = sessions.verify(token)
    if user is None:
        st.session_state[COOKIE_KEY] = ""  # expired or revoked: clear it rather than try again
        return None
    st.session_state[SESSION_KEY] = user
    return user


def _forget(notice: str | None = None) -> None:
    st.session_state.pop(SESSION_KEY, None)
    st.session_state[SIGNED_OUT_KEY] = True
    st.session_state[COOKIE_KEY] = ""
    if notice:
        st.session_state[NOTICE_KEY] = notice


def _write_cookie() -> None:
    """Set or clear the session cookie in the browser. Streamlit has no call for it, so a small
    script does it; its only variable part is the token, which is base64url and a dot."""
    token = st.session_state.pop(COOKIE_KEY, None)
    if token is None:
        return
    lifetime = sessions.LIFETIME_S if token else 0
    # a container of its own, under a new key each time: the browser then mounts a new element and
    # runs its script (an element kept in place from an earlier run would not run it again)
    with st.container(key=f"auth_cookie_{uuid.uuid4().hex}", height=1, border=False):
        _cookie_script(token, lifetime)


def _cookie_script(token: str, lifetime: int) -> None:
    st.html(
        "<script>(() => {"  # a scope of its own: a later script may declare the same names
        "const secure = window.location.protocol === 'https:' ? '; Secure' : '';"
        f"document.cookie = '{sessions.COOKIE}={token}; path=/; max-age={lifetime}; "
        "SameSite=Strict' + secure;"
        "})();</script>",
        unsafe_allow_javascript=True,
    )


def _oidc_role(email: str) -> str:
    settings: Any = st.secrets.get("projektdb", {})
    roles = {str(k).lower(): str(v) for k, v in settings.get("roles", {}).items()}
    role = roles.get(email, str(settings.get("default_role", "viewer")))
    return role if role in users.ROLES else "viewer"


def sidebar() -> User | None:
    """The sign-in (or who is signed in, and sign-out) in the sidebar of every page; returns the
    user. streamlit_app.py calls it once per run, before the page."""
    user = current_user()
    with st.sidebar:
        _write_cookie()
        if user is not None:
            st.caption(f"Inloggad: **{user.name}** ({ROLE_TITLES[user.role]})")
            if st.button("Logga ut", key="auth_logout"):
                if oidc_configured():
                    st.logout()
                _forget()
                st.rerun()
            return user
        if oidc_configured():
            if st.button("Logga in", key="auth_login"):
                st.login()
            return None
        if notice := st.session_state.pop(NOTICE_KEY, None):
            st.warning(notice)
        with st.form("auth_login_form"):
            st.markdown("**Logga in**")
            name = st.text_input("Användarnamn", key="auth_name")
            password = st.text_input("Lösenord", type="password", key="auth_password")
            if st.form_submit_button("Logga in"):
                try:
                    found = users.authenticate(name, password, client=st.context.ip_address)
                except users.SignInLocked as locked:
                    st.error(locked.message)
                    return None
                if found is None:
                    st.error("Fel användarnamn eller lösenord.")
                else:
                    st.session_state[SESSION_KEY] = found
                    st.session_state.pop(SIGNED_OUT_KEY, None)
                    st.session_state[COOKIE_KEY] = sessions.issue(found) or ""
                    st.rerun()
    return None


def require(role: str) -> User:
    """Stop the page unless a user with at least ``role`` is signed in (checked on the server)."""
    user = current_user()
    if user is None:
        st.info("Logga in i sidomenyn för att använda den här sidan.")
        st.stop()
    if not user.can(role):
        st.error(f"Du saknar behörighet för den här sidan (kräver rollen {ROLE_TITLES[role]}).")
        st.stop()
    return user


@st.cache_resource(show_spinner=False)
def _write_connection() -> Graph:
    graph = Graph()
    graph.verify()
    return graph


@st.cache_resource(show_spinner=False)
def _read_connection() -> Graph:
    graph = Graph(read_only=True)
    graph.verify()
    return graph


class CheckedGraph:
    """The write connection for one signed-in user: every write first checks that the user is
    still in the users file with the role (users.require_current, MaintainError in Swedish)."""

    def __init__(self, graph: Graph, user: User, role: str = "editor") -> None:
        self._graph, self._user, self._role = graph, user, role

    def __getattr__(self, name: str) -> Any:
        return getattr(self._graph, name)

    def run_write(self, work: Callable[[ManagedTransaction], T]) -> T:
        users.require_current(self._user, self._role)
        return self._graph.run_write(work)

    def write(self, query: str, /, **params: Any) -> list[dict[str, Any]]:
        users.require_current(self._user, self._role)
        return self._graph.write(query, **params)


def graph_for(user: User | None) -> Graph:
    """The connection for this user's role: READ access sessions for viewers (and nobody); a user
    signed in with the users file is re-checked against it on every write."""
    try:
        if user is not None and user.can("editor"):
            if user.local:
                return CheckedGraph(_write_connection(), user)  # type: ignore[return-value]
            return _write_connection()
        return _read_connection()
    except DatabaseUnavailable:
        _write_connection.clear()
        _read_connection.clear()
        st.error("Databasen svarar inte. Starta den med `projektdb db start` och ladda om sidan.")
        st.stop()
        raise


def maintenance_for(user: User) -> Maintenance:
    """The service's writes on this user's connection (``graph_for``); after each one, this
    session's next reads wait for results that include it (``ui.data.clear``)."""
    return Maintenance(graph_for(user), written=data.clear)


def submit_suggestion(user: User, kind: str, title: str, text: str) -> str:
    """The brevlåda: the only write a viewer can cause, and only this one."""
    if user.local:
        users.require_current(user, "viewer")
    try:
        return Maintenance(_write_connection(), written=data.clear).suggest(kind, title, text, user.name)
    except DatabaseUnavailable:
        st.error("Databasen svarar inte just nu. Försök igen senare.")
        st.stop()
        raise
