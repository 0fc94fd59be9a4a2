"""The local credentials file (data/users.toml, git-ignored): user names, roles, hashed passwords.

Passwords are hashed with Argon2id (argon2-cffi, the algorithm OWASP recommends first); the file
never holds a password in clear. Layout::

    [users.anna]
    role = "editor"
    password_hash = "$argon2id$v=19$..."
"""

from __future__ import annotations

import os
import re
import tomllib
from dataclasses import dataclass
from pathlib import Path

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from graph.maintain import MaintainError
from graph.settings import PROJECT_ROOT

ROLES: tuple[str, ...] = ("viewer", "editor", "admin")
ROLE_TITLES = {"viewer": "läsare", "editor": "redaktör", "admin": "administratör"}
_NAME = re.compile(r"^[a-z0-9][a-z0-9._@-]{0,63}$")
_hasher = PasswordHasher()


@dataclass(frozen=True)
class User:
    name: str
    role: str

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
    """Add a user or replace one's role and password."""
    path = path or users_file()
    if not _NAME.match(name):
        raise MaintainError("Användarnamnet får bara innehålla små bokstäver a–z, siffror och . _ - @.")
    if role not in ROLES:
        raise MaintainError(f"Okänd roll {role!r}: välj {', '.join(ROLES)}.")
    if len(password) < 8:
        raise MaintainError("Lösenordet ska ha minst 8 tecken.")
    users = load(path)
    users[name] = {"role": role, "password_hash": _hasher.hash(password)}
    _save(users, path)
    return User(name, role)


def remove(name: str, path: Path | None = None) -> bool:
    path = path or users_file()
    users = load(path)
    if users.pop(name, None) is None:
        return False
    _save(users, path)
    return True


def authenticate(name: str, password: str, path: Path | None = None) -> User | None:
    """The user when the password is right, else None (the same answer for an unknown name)."""
    entry = load(path).get(name.strip().lower())
    if entry is None:
        _hasher.hash(password)  # same work either way: no timing hint that the name is unknown
        return None
    try:
        _hasher.verify(entry["password_hash"], password)
    except (VerificationError, InvalidHashError):
        return None
    if entry.get("role") not in ROLES:
        return None
    return User(name.strip().lower(), entry["role"])


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
    tmp = path.with_suffix(".tmp")
    tmp.write_text("\n".join(lines), encoding="utf-8")
    tmp.chmod(0o600)
    tmp.replace(path)
