"""Security defaults, checked on the running system: loopback only, no default password, secrets
kept out of logs and git, uploads never stored where anything is served, a dependency audit in CI.
"""

from __future__ import annotations

import os
import re
import socket
import stat
import subprocess
import sys
import time
import tomllib
from pathlib import Path

import pytest

from graph.db import DatabaseUnavailable, Graph
from graph.server import LocalNeo4j
from graph.settings import PROJECT_ROOT, Settings, load_settings
from ingest.readers import MAX_FILE_BYTES


def listening_sockets(pid: int) -> list[tuple[str, int]]:
    """(address, port) of every TCP socket the process listens on, from /proc."""
    inodes = set()
    for fd in Path(f"/proc/{pid}/fd").iterdir():
        try:
            target = os.readlink(fd)
        except OSError:
            continue
        if target.startswith("socket:["):
            inodes.add(target[8:-1])
    found = []
    for table, width in (("/proc/net/tcp", 8), ("/proc/net/tcp6", 32)):
        if not Path(table).exists():
            continue
        for line in Path(table).read_text().splitlines()[1:]:
            fields = line.split()
            local, state, inode = fields[1], fields[3], fields[9]
            if state == "0A" and inode in inodes:  # 0A = LISTEN
                address, port = local.split(":")
                found.append((_address(address, width), int(port, 16)))
    return found


def _address(hex_address: str, width: int) -> str:
    raw = bytes.fromhex(hex_address)
    if width == 8:
        return socket.inet_ntop(socket.AF_INET, raw[::-1])
    words = b"".join(raw[i : i + 4][::-1] for i in range(0, 16, 4))
    return socket.inet_ntop(socket.AF_INET6, words)


LOOPBACK = {"127.0.0.1", "::1", "::ffff:127.0.0.1"}


@pytest.fixture
def server_pid(neo4j_settings: Settings) -> int:
    pid = LocalNeo4j(neo4j_settings).state().pid
    assert pid is not None
    return pid


@pytest.mark.skipif(not Path("/proc/net/tcp").exists(), reason="needs Linux /proc")
def test_neo4j_listens_on_loopback_only(server_pid: int, neo4j_settings: Settings) -> None:
    sockets = listening_sockets(server_pid)
    assert any(port == neo4j_settings.bolt_port and address in LOOPBACK for address, port in sockets)
    assert all(address in LOOPBACK for address, _ in sockets), sockets  # no HTTP connector, no 0.0.0.0


def test_bolt_refuses_a_non_loopback_address(neo4j_settings: Settings) -> None:
    address = _own_non_loopback_address()
    if address is None:
        pytest.skip("this machine has no non-loopback address")
    with pytest.raises(OSError), socket.create_connection((address, neo4j_settings.bolt_port), timeout=3):
        pass


def _own_non_loopback_address() -> str | None:
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
        try:
            probe.connect(("192.0.2.1", 9))  # no packet is sent: only picks the outgoing address
        except OSError:
            return None
        address = probe.getsockname()[0]
    return None if address.startswith("127.") or address == "0.0.0.0" else address


def test_password_is_generated_private_and_not_the_default(neo4j_settings: Settings) -> None:
    path = neo4j_settings.password_file
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    password = path.read_text().strip()
    assert len(password) >= 24 and password not in ("neo4j", "password", "")


@pytest.mark.parametrize("password", ["neo4j", "password", "", "' OR 1=1 //"])
def test_default_and_wrong_passwords_are_refused(neo4j_settings: Settings, password: str) -> None:
    settings = Settings(**{**neo4j_settings.__dict__, "password": password})
    with Graph(settings) as graph, pytest.raises(DatabaseUnavailable):
        graph.verify()
    # failed logins lock the user for a few seconds (brute-force protection); let the lock pass so
    # the tests after this one can sign in
    deadline = time.monotonic() + 30
    with Graph(neo4j_settings) as graph:
        while True:
            try:
                graph.verify()
                break
            except DatabaseUnavailable:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.5)


def test_the_password_is_not_in_logs_or_status(neo4j_settings: Settings) -> None:
    password = neo4j_settings.password_file.read_text().strip()
    for path in neo4j_settings.data_dir.rglob("*"):
        readable = path.is_file() and path.suffix in ("", ".log", ".txt") and path.stat().st_size < 50 << 20
        if readable and path != neo4j_settings.password_file:
            assert password.encode() not in path.read_bytes(), path
    env = {
        **os.environ,
        "PROJEKTDB_DATA_DIR": str(neo4j_settings.data_dir),
        "PROJEKTDB_BOLT_PORT": str(neo4j_settings.bolt_port),
    }
    env.pop("NEO4J_URI", None)
    status = subprocess.run(
        [str(Path(sys.executable).with_name("projektdb")), "db", "status", "--json"],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    assert status.returncode == 0, status.stderr
    assert password not in status.stdout + status.stderr


def test_settings_repr_hides_the_password(neo4j_settings: Settings) -> None:
    assert neo4j_settings.password and neo4j_settings.password not in repr(neo4j_settings)


def test_no_secrets_or_data_in_git() -> None:
    if not (PROJECT_ROOT / ".git").exists():
        pytest.skip("not a git checkout")
    for path in ("data/neo4j-password", "data/neo4j/logs/debug.log"):
        ignored = subprocess.run(["git", "check-ignore", "-q", path], cwd=PROJECT_ROOT, check=False)
        assert ignored.returncode == 0, path  # data/ (store, logs, password) is git-ignored
    tracked = subprocess.run(
        ["git", "ls-files"], cwd=PROJECT_ROOT, capture_output=True, text=True, check=True
    ).stdout.splitlines()
    assert not [f for f in tracked if f.startswith("data/") or re.search(r"password|secret|\.env$", f)]


def test_local_settings_point_at_loopback() -> None:
    settings = load_settings({"PROJEKTDB_DATA_DIR": "/nonexistent"})
    assert settings.uri.startswith("neo4j://127.0.0.1:")
    assert settings.password is None  # no password file: no default is invented


def test_streamlit_binds_loopback_and_limits_uploads() -> None:
    config = tomllib.loads((PROJECT_ROOT / ".streamlit" / "config.toml").read_text(encoding="utf-8"))
    server = config["server"]
    assert server.get("address") == "127.0.0.1"
    assert server["maxUploadSize"] * 1024 * 1024 == MAX_FILE_BYTES
    assert not server.get("enableStaticServing", False)  # nothing of ours is served as files
    assert server.get("enableCORS") is not False and server.get("enableXsrfProtection") is not False
    makefile = (PROJECT_ROOT / "Makefile").read_text(encoding="utf-8")
    runs = [line for line in makefile.splitlines() if "streamlit run" in line]
    assert runs and all("--server.address 127.0.0.1" in line for line in runs)


def test_uploads_are_never_written_to_disk() -> None:
    """The app keeps an upload in memory and stores only extracted facts in Neo4j."""
    writes = re.compile(
        r"\.write_bytes\(|\.write_text\(|open\([^)]*['\"][wax]b?['\"]|NamedTemporaryFile|mkstemp"
    )
    offenders = [
        f"{path.relative_to(PROJECT_ROOT)}:{number}"
        for path in [PROJECT_ROOT / "streamlit_app.py", *(PROJECT_ROOT / "ui").rglob("*.py")]
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if writes.search(line)
    ]
    assert offenders == []
    assert not (PROJECT_ROOT / "static").exists()


def test_dependency_audit_runs_in_ci() -> None:
    pyproject = tomllib.loads((PROJECT_ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    assert any(dep.startswith("pip-audit") for dep in pyproject["project"]["optional-dependencies"]["test"])
    ci = (PROJECT_ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "make audit" in ci or "pip-audit" in ci
    assert ci.strip().splitlines()[-1].strip() == "make test"
    makefile = (PROJECT_ROOT / "Makefile").read_text(encoding="utf-8")
    assert re.search(r"^audit:.*\n(\t.*\n)*\t.*pip-audit .*--vulnerability-service pypi", makefile, re.M)
