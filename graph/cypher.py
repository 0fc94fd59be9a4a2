"""Named Cypher statements: every statement the app runs is a file under cypher/.

``load("ingest/merge_entities")`` returns the text of ``cypher/ingest/merge_entities.cypher``.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

CYPHER_DIR = Path(__file__).resolve().parent.parent / "cypher"


class UnknownQuery(KeyError):
    pass


@cache
def load(name: str) -> str:
    path = (CYPHER_DIR / f"{name}.cypher").resolve()
    if CYPHER_DIR not in path.parents or not path.is_file():
        raise UnknownQuery(name)
    return path.read_text(encoding="utf-8").strip()


def statements(name: str) -> list[str]:
    """A file with several statements separated by ';' at line ends (schema files)."""
    parts = [part.strip() for part in load(name).split(";\n")]
    return [part.removesuffix(";").strip() for part in parts if part and not _only_comments(part)]


def names(group: str = "") -> list[str]:
    root = CYPHER_DIR / group
    return sorted(str(p.relative_to(CYPHER_DIR).with_suffix("")) for p in root.rglob("*.cypher"))


def _only_comments(text: str) -> bool:
    return all(not line.strip() or line.strip().startswith("//") for line in text.splitlines())
