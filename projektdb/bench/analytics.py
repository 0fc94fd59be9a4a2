"""Finds the analytics functions (graph/analytics/) by name and builds their arguments.

The analytics are written separately; the benchmark measures whatever of them exists and records
"skipped: ..." for the rest, so it runs before they land and picks them up when they do.

Conventions looked for:
* ``graph.analytics.search``: ``search(graph, text, ...)``;
* ``graph.analytics.gaps`` (or ``gap``): every public function whose only required parameter is the
  graph is one gap query;
* ``graph.analytics.related``: ``related_to_project(graph, project_id, ...)`` (or ``related`` /
  ``related_projects``);
* ``graph.analytics.overlaps`` (or ``overlap``): every public function as for gaps;
* ``graph.analytics.network``: every public function as for gaps (actor load, communities);
* ``graph.analytics.refresh``: ``refresh(graph)`` (or ``refresh_similarity``), the full similarity refresh.
"""

from __future__ import annotations

import importlib
import inspect
from collections.abc import Callable
from dataclasses import dataclass
from types import ModuleType
from typing import Any

PACKAGE = "graph.analytics"
TEXT_PARAMS = ("text", "query", "q", "term", "terms", "search_text")
PROJECT_PARAMS = ("project_id", "project", "id", "node_id", "project_or_text")


@dataclass(frozen=True)
class Found:
    name: str
    function: Callable[..., Any] | None
    skipped: str = ""  # why there is nothing to measure


def module(*names: str) -> ModuleType | None:
    for name in names:
        try:
            return importlib.import_module(f"{PACKAGE}.{name}")
        except ModuleNotFoundError as error:
            if error.name not in (PACKAGE, f"{PACKAGE}.{name}"):
                raise  # the module exists but something it imports does not: report it
    return None


def named(modules: tuple[str, ...], functions: tuple[str, ...]) -> Found:
    found = module(*modules)
    label = f"{PACKAGE}.{modules[0]}"
    if found is None:
        return Found(label, None, f"skipped: {label} not available")
    for name in functions:
        function = getattr(found, name, None)
        if callable(function):
            return Found(f"{found.__name__}.{name}", function)
    return Found(label, None, f"skipped: no {' / '.join(functions)} in {found.__name__}")


def every_query(modules: tuple[str, ...]) -> list[Found]:
    """The module's public functions that need nothing but the graph (each gap or overlap query)."""
    found = module(*modules)
    if found is None:
        return [Found(f"{PACKAGE}.{modules[0]}", None, f"skipped: {PACKAGE}.{modules[0]} not available")]
    queries = []
    for name, function in inspect.getmembers(found, inspect.isfunction):
        if name.startswith("_") or function.__module__ != found.__name__:
            continue
        if _graph_first(function) and not _required(function)[1:]:
            queries.append(Found(name, function))
    return queries or [Found(found.__name__, None, f"skipped: no query functions in {found.__name__}")]


def call_with(function: Callable[..., Any], graph: Any, text: str = "", project_id: str = "") -> Any:
    """Call with the graph first and a search text or a project id for the parameter that wants one."""
    kwargs: dict[str, Any] = {}
    for name in _required(function)[1:]:
        if name in TEXT_PARAMS:
            kwargs[name] = text
        elif name in PROJECT_PARAMS:
            kwargs[name] = project_id
        else:
            raise TypeError(f"{function.__name__} needs {name!r}, which the benchmark cannot supply")
    return function(graph, **kwargs)


def _required(function: Callable[..., Any]) -> list[str]:
    parameters = inspect.signature(function).parameters.values()
    return [
        p.name
        for p in parameters
        if p.default is inspect.Parameter.empty and p.kind not in (p.VAR_POSITIONAL, p.VAR_KEYWORD)
    ]


def _graph_first(function: Callable[..., Any]) -> bool:
    required = _required(function)
    return bool(required) and required[0] in ("graph", "db", "g", "connection")
