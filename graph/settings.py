"""Where the database is: the local embedded Neo4j by default, or NEO4J_URI when it is set."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_BOLT_PORT = 7687
# Neo4j preallocates its transaction log in files of 256 MB; with less free space than this a
# write could fill the disk, after which the server refuses everything until restarted.
DEFAULT_MIN_FREE_MB = 300


@dataclass(frozen=True)
class Settings:
    uri: str
    user: str
    password: str | None = field(repr=False)  # None: the local password file does not exist yet
    database: str
    local: bool  # True: projektdb runs its own Neo4j under data_dir
    data_dir: Path
    bolt_port: int
    min_free_mb: int = DEFAULT_MIN_FREE_MB  # the local server: writes refused below this

    @property
    def password_file(self) -> Path:
        return self.data_dir / "neo4j-password"

    @property
    def neo4j_home(self) -> Path:
        return self.data_dir / "neo4j"


def load_settings(env: dict[str, str] | None = None) -> Settings:
    """Read the environment. NEO4J_URI switches from the local server to an external one."""
    env = dict(os.environ if env is None else env)
    data_dir = Path(env.get("PROJEKTDB_DATA_DIR", PROJECT_ROOT / "data")).resolve()
    port = int(env.get("PROJEKTDB_BOLT_PORT", DEFAULT_BOLT_PORT))
    database = env.get("NEO4J_DATABASE", "neo4j")
    min_free_mb = int(env.get("PROJEKTDB_MIN_FREE_MB", DEFAULT_MIN_FREE_MB))
    if env.get("NEO4J_URI"):
        return Settings(
            uri=env["NEO4J_URI"],
            user=env.get("NEO4J_USER", "neo4j"),
            password=env.get("NEO4J_PASSWORD"),
            database=database,
            local=False,
            data_dir=data_dir,
            bolt_port=port,
        )
    password_file = data_dir / "neo4j-password"
    password = password_file.read_text().strip() if password_file.exists() else None
    return Settings(
        # neo4j:// (routing) so that the same code works unchanged against a cluster
        uri=f"neo4j://127.0.0.1:{port}",
        user="neo4j",
        password=password,
        database=database,
        local=True,
        data_dir=data_dir,
        bolt_port=port,
        min_free_mb=min_free_mb,
    )
