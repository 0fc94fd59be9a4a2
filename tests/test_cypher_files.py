"""Every statement the app runs is a named, compiling .cypher file; Python holds no Cypher."""

import ast
import re
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from graph import cypher
from graph.db import Graph
from graph.settings import PROJECT_ROOT

QUERIES = [name for name in cypher.names() if not name.startswith("schema/")]
CYPHER_IN_PYTHON = re.compile(
    r"""["'](?:\s*)(MATCH|MERGE|OPTIONAL MATCH|UNWIND|CREATE|CALL db\.|SHOW)\b[^"']*[(\[]""",
)
PYTHON_DIRS = ("graph", "ingest", "service", "projektdb", "ui")


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


# --- every file is used by the application, every name it loads is a file ----------------------

APP_FILES = [PROJECT_ROOT / "streamlit_app.py"] + [
    path for folder in ("domain", *PYTHON_DIRS) for path in sorted((PROJECT_ROOT / folder).rglob("*.py"))
]
GROUPS = frozenset(p.name for p in cypher.CYPHER_DIR.iterdir() if p.is_dir())
NAME = re.compile(r"[a-z]+/[a-z0-9_]+")


def _is_name(value: object) -> bool:
    return isinstance(value, str) and bool(NAME.fullmatch(value)) and value.split("/")[0] in GROUPS


def _names_in_use() -> tuple[dict[str, list[str]], set[str]]:
    """Statement names in the application's source → where; and the names of functions and methods
    that hold one but that nothing in the application calls (only tests, or nobody)."""
    trees = {path: ast.parse(path.read_text(encoding="utf-8")) for path in APP_FILES}
    referenced = Counter()
    for tree in trees.values():
        for node in ast.walk(tree):
            if isinstance(node, ast.Name):
                referenced[node.id] += 1
            elif isinstance(node, ast.Attribute):
                referenced[node.attr] += 1
    used: dict[str, list[str]] = {}
    uncalled: set[str] = set()
    for path, tree in trees.items():
        where = str(path.relative_to(PROJECT_ROOT))
        for owner, node in _literals(tree):
            if owner is not None and not owner.decorator_list and referenced[owner.name] == 0:
                uncalled.add(f"{where}:{owner.name} ({node.value})")
                continue
            used.setdefault(node.value, []).append(where)
    return used, uncalled


Function = ast.FunctionDef | ast.AsyncFunctionDef


def _literals(tree: ast.Module) -> Iterator[tuple[Function | None, ast.Constant]]:
    """(the outermost function or method around it, or None at module level; the string)."""

    def walk(node: ast.AST, owner: Function | None) -> Iterator[Any]:
        for child in ast.iter_child_nodes(node):
            inner = owner
            if owner is None and isinstance(child, ast.FunctionDef | ast.AsyncFunctionDef):
                inner = child
            if isinstance(child, ast.Constant) and _is_name(child.value):
                yield inner, child
            yield from walk(child, inner)

    yield from walk(tree, None)


def test_every_cypher_file_is_run_by_the_application() -> None:
    used, _ = _names_in_use()
    # schema files are applied in order by graph.schema.migrate (cypher.names("schema"))
    unused = [name for name in cypher.names() if name not in used and not name.startswith("schema/")]
    assert unused == [], "files only tests (or nothing) run: delete them or move the statement to the test"


def test_every_statement_the_application_loads_has_a_file() -> None:
    used, _ = _names_in_use()
    missing = {name: where for name, where in used.items() if name not in cypher.names()}
    assert missing == {}


def test_no_function_that_runs_a_statement_is_left_uncalled() -> None:
    _, uncalled = _names_in_use()
    assert uncalled == set(), "called by tests only (or by nothing): move to the tests or delete"


def test_the_usage_check_sees_names_in_functions_and_methods() -> None:
    tree = ast.parse(
        "def used():\n    return run('queries/overview')\n"
        "def dead():\n    return run('queries/decisions')\n"
        "class A:\n    def m(self):\n        def work(tx):\n"
        "            return 'maintain/node'\n        return work\n"
        "X = 'admin/counts'\nY = 'not a/name'\n"
    )
    found = {(owner.name if owner else None, node.value) for owner, node in _literals(tree)}
    assert found == {
        ("used", "queries/overview"),
        ("dead", "queries/decisions"),
        ("m", "maintain/node"),
        (None, "admin/counts"),
    }
