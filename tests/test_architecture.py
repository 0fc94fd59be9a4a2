"""The layers of the project, checked on the source: which package may import which.

domain ← graph ← ingest ← service ← projektdb, and ui on top of service and graph (never ingest
or projektdb). Every
import counts, also those inside functions and under ``if TYPE_CHECKING``. The app's root,
``streamlit_app.py``, is where ui and ingest meet (it hands ``ui.data`` the ingest pipeline).
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = ("domain", "graph", "ingest", "service", "projektdb", "ui")

# package -> the project packages it must not import
FORBIDDEN: dict[str, frozenset[str]] = {
    "domain": frozenset(PACKAGES) - {"domain"},
    "graph": frozenset({"ingest", "service", "ui", "projektdb"}),
    "ingest": frozenset({"service", "ui", "projektdb"}),
    "service": frozenset({"ui", "projektdb"}),
    "ui": frozenset({"ingest", "projektdb"}),
}

# The graph modules the UI still imports: the connection, the sign-in (users and sessions), and a
# few constants and types of the reads. Every read and every write goes through the service
# (service.reads, service.maintain). A page that needs another one is a decision to make on
# purpose (add it here), not an accident.
UI_ALLOWED_GRAPH: frozenset[str] = frozenset(
    {
        "graph.analytics.gaps",
        "graph.analytics.network",
        "graph.analytics.search",
        "graph.db",
        "graph.maintain",
        "graph.maintain.sessions",
        "graph.maintain.users",
        "graph.queries",
    }
)


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _imports(source: str, module: str, is_package: bool = False) -> set[str]:
    """Every module the source imports, absolute (relative imports resolved), and for
    ``from package import name`` also ``package.name`` (it may be a submodule)."""
    tree = ast.parse(source)
    package = module if is_package else module.rpartition(".")[0]
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base_parts = package.split(".")[: len(package.split(".")) - (node.level - 1)]
                base = ".".join([*base_parts, *([node.module] if node.module else [])])
            else:
                base = node.module or ""
            found.add(base)
            found.update(f"{base}.{alias.name}" for alias in node.names if alias.name != "*")
    return found


def _sources(package: str) -> list[Path]:
    return sorted((ROOT / package).rglob("*.py"))


def _project_imports(path: Path) -> set[str]:
    found = _imports(path.read_text(encoding="utf-8"), _module_name(path), path.name == "__init__.py")
    return {name for name in found if name.split(".")[0] in PACKAGES}


def _empty_package(path: Path) -> bool:
    """An ``__init__.py`` with nothing but a docstring: ``from graph import db`` uses ``graph.db`` only."""
    body = ast.parse(path.read_text(encoding="utf-8")).body
    return path.name == "__init__.py" and all(
        isinstance(node, ast.Expr) and isinstance(node.value, ast.Constant) for node in body
    )


def test_every_package_has_sources() -> None:
    for package in PACKAGES:
        assert _sources(package), package


@pytest.mark.parametrize("package", sorted(FORBIDDEN))
def test_package_imports_only_lower_layers(package: str) -> None:
    wrong = [
        f"{path.relative_to(ROOT)}: {name}"
        for path in _sources(package)
        for name in sorted(_project_imports(path))
        if name.split(".")[0] in FORBIDDEN[package]
    ]
    assert not wrong, "imports across the layers:\n" + "\n".join(wrong)


def test_ui_uses_only_the_listed_graph_modules() -> None:
    graph_modules = {_module_name(p) for p in _sources("graph") if not _empty_package(p)}
    used: dict[str, list[str]] = {}
    for path in _sources("ui"):
        for name in _project_imports(path):
            if name.split(".")[0] == "graph" and name in graph_modules:
                used.setdefault(name, []).append(str(path.relative_to(ROOT)))
    unlisted = {name: files for name, files in used.items() if name not in UI_ALLOWED_GRAPH}
    assert not unlisted, f"ui imports graph modules not in UI_ALLOWED_GRAPH: {unlisted}"
    unused = UI_ALLOWED_GRAPH - set(used)
    assert not unused, f"no longer used by ui, drop from UI_ALLOWED_GRAPH: {unused}"


def test_the_import_walker_sees_function_level_and_relative_imports() -> None:
    """The check itself: imports inside functions, under TYPE_CHECKING and relative ones are found."""
    source = (
        "from typing import TYPE_CHECKING\n"
        "if TYPE_CHECKING:\n    from ingest.pipeline import IngestReport\n"
        "def f():\n    import projektdb.cli\n    from graph import db\n"
        "from . import components\nfrom ..ingest import load\n"
    )
    found = _imports(source, "ui.pages.probe")
    assert {"ingest.pipeline", "projektdb.cli", "graph.db", "ui.pages.components", "ui.ingest.load"} <= found
    assert _imports("from .. import data", "ui.pages.probe") >= {"ui", "ui.data"}
