"""Every statement the app runs is a named, compiling .cypher file; Python holds no Cypher."""

import re
from pathlib import Path

import pytest

from graph import cypher
from graph.db import Graph
from graph.settings import PROJECT_ROOT

QUERIES = [name for name in cypher.names() if not name.startswith("schema/")]
CYPHER_IN_PYTHON = re.compile(
    r"""["'](?:\s*)(MATCH|MERGE|OPTIONAL MATCH|UNWIND|CREATE|CALL db\.|SHOW)\b[^"']*[(\[]""",
)
PYTHON_DIRS = ("graph", "ingest", "projektdb", "ui")


def test_there_are_named_queries() -> None:
    assert len(QUERIES) > 20


@pytest.mark.parametrize("name", QUERIES)
def test_named_query_compiles(graph: Graph, name: str) -> None:
    plan = graph.plan(name)
    assert plan["operatorType"]  # EXPLAIN compiled it: a syntax or semantic error raises instead


def test_unknown_query_is_refused() -> None:
    with pytest.raises(cypher.UnknownQuery):
        cypher.load("../pyproject")


def test_no_cypher_strings_in_python() -> None:
    offenders = []
    files = [PROJECT_ROOT / "streamlit_app.py"]
    for folder in PYTHON_DIRS:
        files.extend((PROJECT_ROOT / folder).rglob("*.py"))
    for path in files:
        for number, line in enumerate(Path(path).read_text(encoding="utf-8").splitlines(), 1):
            if CYPHER_IN_PYTHON.search(line):
                offenders.append(f"{path.relative_to(PROJECT_ROOT)}:{number}: {line.strip()}")
    assert offenders == []
