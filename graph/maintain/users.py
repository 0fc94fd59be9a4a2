"""The local credentials file (data/users.toml, git-ignored): user names, roles, hashed passwords.

Passwords are hashed with Argon2id (argon2-cffi, the algorithm OWASP recommends first); the file
never holds a password in clear. Layout::

    [users.anna]
    role = "editor"
    password_hash = "$argon2id$v=19$..."
"""

from __future__ import annotations

import fcntl
import logging
import os
import re
import threading
import time
import tomllib
import uuid
from collections import deque
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from graph.maintain import MaintainError
from graph.settings import PROJECT_ROOT

ROLES: tuple[str, ...] = ("viewer", "editor", "admin")
ROLE_TITLES = {"viewer": "läsare", "editor": "redaktör", "admin": "administratör"}
_NAME = re.compile(r"^[a-z0-9][a-z0-9._@-]{0,63}$")
_hasher = PasswordHasher()
log = logging.getLogger("projektdb.auth")
# Sign-in throttling: after FAILURE_LIMIT failures for one user name within FAILURE_WINDOW_S, that
# name is locked for LOCKOUT_S (also with the right password), and every failure is logged. The
# same per client (the browser's address) with CLIENT_FAILURE_LIMIT, so that one client cannot try
# a few passwords on many names. Each attempt after a failure waits longer (DELAY_BASE_S doubled
# per further failure of the name or the client, at most MAX_DELAY_S).
FAILURE_LIMIT = 5
CLIENT_FAILURE_LIMIT = 20
FAILURE_WINDOW_S = 15 * 60.0
LOCKOUT_S = 15 * 60.0
DELAY_BASE_S = 0.5
MAX_DELAY_S = 8.0


@dataclass(frozen=True)
class User:
    name: str
    role: str
    # signed in with the users file: re-checked against it before every write (ui/auth.py)
    local: bool = field(default=False, compare=False)

    def can(self, role: str) -> bool:
        """True when this user has ``role`` or a higher one."""
        return ROLES.index(self.role) >= ROLES.index(role)


def users_file() -> Path:
    data_dir = Path(os.environ.get("PROJEKTDB_DATA_DIR", PROJECT_ROOT / "data"))
    return Path(os.environ.get("PROJEKTDB_USERS_FILE", data_dir / "users.toml"))


def load(path: Path | None = None) -> dict[str, dict[str, str]]:
    path = path or users_file()
    if not path.exists():
        return {}
    with path.open("rb") as handle:
        data = tomllib.load(handle)
    return {name: dict(entry) for name, entry in data.get("users", {}).items()}


def add(name: str, role: str, password: str, path: Path | None = None) -> User:
    """Add a user or replace one's role and password. Read, change and write happen under an
    exclusive lock on the file, so two ``users add`` at once both survive."""
    path = path or users_file()
    if not _NAME.match(name):
        raise MaintainError("Användarnamnet får bara innehålla små bokstäver a–z, siffror och . _ - @.")
    if role not in ROLES:
        raise MaintainError(f"Okänd roll {role!r}: välj {', '.join(ROLES)}.")
    if len(password) < 8:
        raise MaintainError("Lösenordet ska ha minst 8 tecken.")
    password_hash = _hasher.hash(password)
    with _locked(path):
        users = load(path)
        users[name] = {"role": role, "password_hash": password_hash}
        _save(users, path)
    return User(name, role)


def remove(name: str, path: Path | None = None) -> bool:
    path = path or users_file()
    with _locked(path):
        users = load(path)
        if users.pop(name, None) is None:
            return False
        _save(users, path)
    return True


def current(user: User, path: Path | None = None) -> User | None:
    """The user as the file holds it now: None when removed, the new role when changed."""
    entry = load(path).get(user.name)
    if entry is None or entry.get("role") not in ROLES:
        return None
    return User(user.name, entry["role"], local=user.local)


def require_current(user: User, role: str, path: Path | None = None) -> User:
    """Before a write: the user must still be in the file with at least ``role`` (an admin may have
    removed or downgraded them since they signed in). Raises MaintainError in Swedish."""
    now = current(user, path)
    if now is None:
        log.warning("write refused: user %s is no longer in the users file", user.name)
        raise MaintainError(f"Kontot {user.name} finns inte längre: ändringen sparades inte. Logga in igen.")
    if not now.can(role):
        log.warning("write refused: user %s now has role %s, %s needed", user.name, now.role, role)
        raise MaintainError(
            f"Kontot {user.name} har nu rollen {ROLE_TITLES[now.role]}: ändringen kräver rollen "
            f"{ROLE_TITLES[role]} och sparades inte."
        )
    return now


class SignInLocked(MaintainError):
    """Too many failed sign-ins for one user name; ``message`` is Swedish."""


class Throttle:
    """Failed sign-ins per user name (in this process): ``limit`` failures within ``window``
    seconds lock the name for ``lockout`` seconds."""

    def __init__(
        self,
        limit: int = FAILURE_LIMIT,
        window: float = FAILURE_WINDOW_S,
        lockout: float = LOCKOUT_S,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.limit, self.window, self.lockout, self.clock = limit, window, lockout, clock
        self._failures: dict[str, deque[float]] = {}
        self._locked_until: dict[str, float] = {}
        self._lock = threading.Lock()

    def check(self, name: str, whose: str | None = None) -> None:
        """Raise SignInLocked while ``name`` is locked; ``whose`` says in the message what is
        locked (default: the account of that name)."""
        with self._lock:
            remaining = self._locked_until.get(name, 0.0) - self.clock()
        if remaining > 0:
            minutes = max(1, round(remaining / 60))
            log.warning("sign-in refused: %s is locked for %.0f s more", name, remaining)
            raise SignInLocked(
                f"För många misslyckade inloggningar {whose or f'för {name}: kontot är spärrat'}. "
                f"Försök igen om {minutes} {'minut' if minutes == 1 else 'minuter'}."
            )

    def delay(self, name: str) -> float:
        """Seconds the next attempt for ``name`` waits: none after one failure, then doubling."""
        now = self.clock()
        with self._lock:
            recent = [t for t in self._failures.get(name, ()) if t > now - self.window]
        return 0.0 if len(recent) < 2 else min(MAX_DELAY_S, DELAY_BASE_S * 2 ** (len(recent) - 2))

    def failed(self, name: str) -> None:
        now = self.clock()
        with self._lock:
            failures = self._failures.setdefault(name, deque())
            failures.append(now)
            while failures and failures[0] <= now - self.window:
                failures.popleft()
            count = len(failures)
            if count >= self.limit:
                self._locked_until[name] = now + self.lockout
                failures.clear()
            self._prune(now)
        log.warning("sign-in failed for %s (%d within %.0f s)", name, count, self.window)
        if count >= self.limit:
            log.warning("sign-in locked for %s for %.0f s after %d failures", name, self.lockout, count)

    def succeeded(self, name: str) -> None:
        with self._lock:
            self._failures.pop(name, None)

    def _prune(self, now: float) -> None:
        """Forget names whose failures and lockout are over (unknown names must not pile up)."""
        for key in [k for k, v in self._failures.items() if not v or v[-1] <= now - self.window]:
            del self._failures[key]
        for key in [k for k, until in self._locked_until.items() if until <= now]:
            del self._locked_until[key]


THROTTLE = Throttle()
CLIENT_THROTTLE = Throttle(limit=CLIENT_FAILURE_LIMIT)


def authenticate(
    name: str,
    password: str,
    path: Path | None = None,
    throttle: Throttle | None = None,
    client: str | None = None,
    client_throttle: Throttle | None = None,
    sleep: Callable[[float], None] = time.sleep,
) -> User | None:
    """The user when the password is right, else None (the same answer for an unknown name).
    Raises SignInLocked after too many failures for the name (``throttle``, default THROTTLE) or
    from ``client`` (the browser's address; ``client_throttle``, default CLIENT_THROTTLE); waits
    longer before each attempt after repeated failures of either."""
    throttle = throttle or THROTTLE
    client_throttle = client_throttle or CLIENT_THROTTLE
    key = name.strip().lower()
    throttle.check(key)
    if client:
        client_throttle.check(client, whose="från din dator: inloggningen är spärrad")
    wait = max(throttle.delay(key), client_throttle.delay(client) if client else 0.0)
    if wait:
        sleep(wait)

    def failed() -> None:
        throttle.failed(key)
        if client:
            client_throttle.failed(client)

    entry = load(path).get(key)
    if entry is None:
        _hasher.hash(password)  # same work either way: no timing hint that the name is unknown
        failed()
        return None
    try:
        _hasher.verify(entry["password_hash"], password)
    except (VerificationError, InvalidHashError):
        failed()
        return None
    if entry.get("role") not in ROLES:
        failed()
        return None
    throttle.succeeded(key)
    return User(key, entry["role"], local=True)


@contextmanager
def _locked(path: Path) -> Iterator[None]:
    """An exclusive flock on ``<file>.lock`` beside the users file, across processes."""
    path.parent.mkdir(parents=True, exist_ok=True)
    descriptor = os.open(path.with_name(path.name + ".lock"), os.O_RDWR | os.O_CREAT, 0o600)
    try:
        fcntl.flock(descriptor, fcntl.LOCK_EX)
        yield
    finally:
        os.close(descriptor)  # closing releases the lock


def _save(users: dict[str, dict[str, str]], path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    lines = []
    for name in sorted(users):
        entry = users[name]
        lines += [
            f'[users."{name}"]',
            f'role = "{entry["role"]}"',
            f'password_hash = "{entry["password_hash"]}"',
            "",
        ]
    # a temporary file that is 0600 from its creation (never readable by others, whatever the umask),
    # synced, then renamed over the old file: a reader sees the old file or the new one, never half
    tmp = path.with_name(f".{path.name}.{uuid.uuid4().hex}.tmp")
    descriptor = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    try:
        os.fchmod(descriptor, 0o600)
        with os.fdopen(descriptor, "w", encoding="utf-8") as handle:
            handle.write("\n".join(lines))
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    directory = os.open(path.parent, os.O_RDONLY)
    try:
        os.fsync(directory)
    finally:
        os.close(directory)
