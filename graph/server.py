"""The local Neo4j: fetched from Maven Central with Maven, run embedded by a tiny Java launcher.

Why embedded rather than the server tarball: Maven Central carries the ``org.neo4j:neo4j`` artifacts
(kernel, Cypher, Bolt, full-text) but no server distribution, and the embedded
DatabaseManagementService with the Bolt connector is the same database engine a server runs.
The launcher (neo4j-launcher/) sets the password before it opens Bolt, binds 127.0.0.1 only and
shuts down cleanly on SIGTERM.
"""

from __future__ import annotations

import os
import secrets
import shutil
import signal
import socket
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path

from graph.settings import PROJECT_ROOT, Settings

LAUNCHER_DIR = PROJECT_ROOT / "neo4j-launcher"
LAUNCHER_CLASS = "se.fouis.projektdb.Launcher"
START_TIMEOUT_S = 180.0
STOP_TIMEOUT_S = 60.0
_NETWORK_ERRORS = ("Could not transfer", "Unknown host", "Could not resolve", "timed out")


class ServerError(RuntimeError):
    """A problem starting or stopping the local Neo4j, with what to do about it."""


@dataclass(frozen=True)
class ServerState:
    running: bool
    pid: int | None
    port: int


class LocalNeo4j:
    def __init__(self, settings: Settings, heap: str | None = None, pagecache: str | None = None) -> None:
        self.settings = settings
        self.home = settings.neo4j_home
        self.pid_file = self.home / "launcher.pid"
        self.log_file = self.home / "launcher.log"
        self.heap = heap or os.environ.get("PROJEKTDB_NEO4J_HEAP", "2g")
        self.pagecache = pagecache or os.environ.get("PROJEKTDB_NEO4J_PAGECACHE", "512m")

    # --- building -------------------------------------------------------------------------

    @staticmethod
    def classpath() -> str:
        target = LAUNCHER_DIR / "target"
        return f"{target / 'classes'}{os.pathsep}{target / 'lib' / '*'}"

    @staticmethod
    def is_built() -> bool:
        target = LAUNCHER_DIR / "target"
        classes = target / "classes" / "se" / "fouis" / "projektdb" / "Launcher.class"
        return classes.is_file() and any((target / "lib").glob("neo4j-kernel-*.jar"))

    @classmethod
    def build(cls) -> None:
        """Fetch Neo4j from Maven Central and compile the launcher (once; Maven caches in ~/.m2)."""
        if cls.is_built():
            return
        _require("java", "Java (JDK 17 or 21) is needed to run the local Neo4j: install a JDK.")
        mvn = _require("mvn", "Maven is needed to fetch Neo4j from Maven Central: install Maven.")
        result = subprocess.run(
            [mvn, "-q", "-B", "package"], cwd=LAUNCHER_DIR, capture_output=True, text=True, check=False
        )
        if result.returncode != 0:
            output = (result.stdout + result.stderr)[-3000:]
            if any(
                s in output for s in ("Could not transfer", "Unknown host", "Could not resolve", "timed out")
            ):
                raise ServerError(f"Maven Central is unreachable, so Neo4j cannot be fetched:\n{output}")
            raise ServerError(f"Building the Neo4j launcher failed:\n{output}")

    # --- lifecycle --------------------------------------------------------------------------

    def state(self) -> ServerState:
        pid = self._pid()
        return ServerState(running=pid is not None, pid=pid, port=self.settings.bolt_port)

    def start(self) -> ServerState:
        """Start in the background and wait until Bolt answers. A running server is left alone."""
        current = self.state()
        if current.running:
            return current
        self.build()
        java = _require("java", "Java (JDK 17 or 21) is needed to run the local Neo4j: install a JDK.")
        port = self.settings.bolt_port
        if _port_taken(port):
            raise ServerError(
                f"Port {port} on 127.0.0.1 is already in use by another program. "
                "Stop it, or choose another port with PROJEKTDB_BOLT_PORT."
            )
        self.home.mkdir(parents=True, exist_ok=True)
        self._ensure_password()
        with open(self.log_file, "ab") as log:
            process = subprocess.Popen(
                [
                    java,
                    f"-Xmx{self.heap}",
                    "-XX:+UseG1GC",
                    "-cp",
                    self.classpath(),
                    LAUNCHER_CLASS,
                    str(self.home),
                    str(port),
                    str(self.settings.password_file),
                    self.pagecache,
                ],
                stdout=log,
                stderr=subprocess.STDOUT,
                stdin=subprocess.DEVNULL,
                start_new_session=True,  # survives the CLI that started it
            )
        self.pid_file.write_text(str(process.pid))
        deadline = time.monotonic() + START_TIMEOUT_S
        while time.monotonic() < deadline:
            if process.poll() is not None:
                self.pid_file.unlink(missing_ok=True)
                raise ServerError(self._explain_exit())
            if _bolt_answers(port):
                return ServerState(running=True, pid=process.pid, port=port)
            time.sleep(0.25)
        process.terminate()
        raise ServerError(f"Neo4j did not open Bolt within {START_TIMEOUT_S:.0f} s; see {self.log_file}")

    def stop(self) -> bool:
        """Shut down cleanly (SIGTERM, the launcher's shutdown hook closes the store)."""
        pid = self._pid()
        if pid is None:
            return False
        os.kill(pid, signal.SIGTERM)
        deadline = time.monotonic() + STOP_TIMEOUT_S
        while time.monotonic() < deadline and _alive(pid):
            time.sleep(0.2)
        if _alive(pid):
            os.kill(pid, signal.SIGKILL)
        self.pid_file.unlink(missing_ok=True)
        return True

    def kill(self) -> None:
        """SIGKILL, for crash tests: no clean shutdown."""
        pid = self._pid()
        if pid is not None:
            os.kill(pid, signal.SIGKILL)
            while _alive(pid):
                time.sleep(0.05)
            self.pid_file.unlink(missing_ok=True)

    # --- helpers ----------------------------------------------------------------------------

    def _pid(self) -> int | None:
        try:
            pid = int(self.pid_file.read_text().strip())
        except (FileNotFoundError, ValueError):
            return None
        return pid if _alive(pid) and _is_launcher(pid) else None

    def _ensure_password(self) -> None:
        path = self.settings.password_file
        if path.exists():
            return
        path.parent.mkdir(parents=True, exist_ok=True)
        # generated once, never the default; readable by the owner only
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "w") as handle:
            handle.write(secrets.token_urlsafe(24) + "\n")

    def _explain_exit(self) -> str:
        tail = self.log_file.read_text(errors="replace")[-4000:] if self.log_file.exists() else ""
        if "FileLockException" in tail or "Lock file has been locked" in tail:
            return (
                f"The data folder {self.home} is locked by another process (another Neo4j using it?). "
                "Stop that process first."
            )
        if "Address already in use" in tail or "BindException" in tail:
            return f"Port {self.settings.bolt_port} is already in use; set PROJEKTDB_BOLT_PORT."
        if "UnsupportedClassVersionError" in tail:
            return "This Java is too old for Neo4j 5.26: install JDK 17 or 21."
        return f"Neo4j stopped while starting; the end of {self.log_file}:\n{tail[-1500:]}"


def _require(program: str, message: str) -> str:
    found = shutil.which(program)
    if not found:
        raise ServerError(message)
    return found


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    # a zombie child of this process counts as dead
    try:
        with open(f"/proc/{pid}/stat") as stat:
            return stat.read().split(")")[-1].split()[0] != "Z"
    except OSError:
        return True


def _is_launcher(pid: int) -> bool:
    try:
        return LAUNCHER_CLASS.encode() in Path(f"/proc/{pid}/cmdline").read_bytes()
    except OSError:
        return True  # no /proc: trust the pid file


def _port_taken(port: int) -> bool:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind(("127.0.0.1", port))
        except OSError:
            return True
    return False


def _bolt_answers(port: int) -> bool:
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=0.5):
            return True
    except OSError:
        return False


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])
