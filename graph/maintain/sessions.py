"""Signed sign-in sessions: a sign-in with the users file survives a reload and a link inside the app.

Streamlit starts a new session for every page load, so the app keeps the sign-in in a cookie that
holds a token, never a password: ``<payload>.<signature>``, base64url, where the payload is the user
name, the expiry time and a fingerprint of the user's password hash, and the signature is an
HMAC-SHA256 under a secret only the server knows. A token is accepted while it has not expired and the
user is still in the users file with the same password; so removing a user or changing a password
ends every session of that user, and the role is always read from the file.

The secret is ``PROJEKTDB_SESSION_SECRET`` when set (several app servers behind one address must share
it), else ``data/session-secret``, made on first use, readable by its owner only.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import os
import secrets
import time
from pathlib import Path

from graph.maintain import users
from graph.settings import PROJECT_ROOT

COOKIE = "projektdb_session"
LIFETIME_S = 10 * 60 * 60  # a working day: a sign-in in the morning lasts until the evening
_SECRET_BYTES = 32


def secret_file() -> Path:
    return Path(os.environ.get("PROJEKTDB_DATA_DIR", PROJECT_ROOT / "data")) / "session-secret"


def _secret() -> bytes:
    if configured := os.environ.get("PROJEKTDB_SESSION_SECRET"):
        return configured.encode("utf-8")
    path = secret_file()
    try:
        return path.read_bytes()
    except FileNotFoundError:
        pass
    path.parent.mkdir(parents=True, exist_ok=True)
    try:  # O_EXCL: when two servers start at once, one writes and both read the same secret
        descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        return path.read_bytes()
    with os.fdopen(descriptor, "wb") as handle:
        handle.write(secrets.token_bytes(_SECRET_BYTES))
    return path.read_bytes()


def _fingerprint(password_hash: str) -> str:
    return hashlib.sha256(password_hash.encode("utf-8")).hexdigest()[:16]


def _sign(payload: bytes) -> bytes:
    return hmac.new(_secret(), payload, hashlib.sha256).digest()


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).decode("ascii").rstrip("=")


def _unb64(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def issue(user: users.User, path: Path | None = None, now: float | None = None) -> str | None:
    """A token for a user of the users file; None when the user is not (or no longer) in it."""
    entry = users.load(path).get(user.name)
    if entry is None:
        return None
    expires = int((time.time() if now is None else now) + LIFETIME_S)
    payload = f"{user.name}|{expires}|{_fingerprint(entry['password_hash'])}".encode()
    return f"{_b64(payload)}.{_b64(_sign(payload))}"


def verify(token: str, path: Path | None = None, now: float | None = None) -> users.User | None:
    """The signed-in user a token stands for, with the role the users file gives now; None for a
    forged, altered or expired token, or one of a removed user or from before a password change."""
    try:
        encoded, signature = token.split(".", 1)
        payload = _unb64(encoded)
        expected = _sign(payload)
        if not hmac.compare_digest(expected, _unb64(signature)):
            return None
        name, expires, fingerprint = payload.decode("utf-8").split("|")
        if int(expires) < (time.time() if now is None else now):
            return None
    except ValueError:  # not two parts, not base64, not three fields, not a number
        return None
    entry = users.load(path).get(name)
    if entry is None or entry.get("role") not in users.ROLES:
        return None
    if not hmac.compare_digest(fingerprint, _fingerprint(entry["password_hash"])):
        return None
    return users.User(name, entry["role"], local=True)
