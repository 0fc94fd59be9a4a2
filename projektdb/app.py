"""The CLI's shared pieces: the Typer app, consoles, and the connection every command uses."""

from __future__ import annotations

import unicodedata

import typer
from rich.console import Console
from rich.text import Text

from graph.db import DatabaseUnavailable, Graph
from graph.server import LocalNeo4j
from graph.settings import load_settings

app = typer.Typer(help="Projektdatabas Nära vård: a knowledge graph of Nära vård work.", no_args_is_help=True)
db_app = typer.Typer(help="The database: start, stop, status, migrate, reset.", no_args_is_help=True)
app.add_typer(db_app, name="db")
console = Console()
err = Console(stderr=True)


# bidirectional overrides and isolates reorder what a terminal shows ("Trojan Source")
_BIDI_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f")


def shown(text: object, keep_lines: bool = False) -> Text:
    """Text from outside (file names, document text) for the terminal: control characters (escape
    sequences among them) and bidi overrides removed, and never read as Rich markup.
    ``keep_lines`` keeps line breaks and tabs (a page's text)."""
    kept = "\n\t" if keep_lines else ""
    cleaned = "".join(
        "?" if (unicodedata.category(char) == "Cc" and char not in kept) or char in _BIDI_CONTROLS else char
        for char in str(text if text is not None else "")
    )
    return Text(cleaned)


def fail(message: str, code: int = 1) -> typer.Exit:
    err.print(f"[red]error:[/red] {message}")
    return typer.Exit(code)


def connect(read_only: bool = False) -> Graph:
    settings = load_settings()
    if settings.local and not LocalNeo4j(settings).state().running:
        raise fail("the local Neo4j is not running: start it with `projektdb db start`.")
    try:
        graph = Graph(settings, read_only=read_only)
        graph.verify()
    except DatabaseUnavailable as error:
        raise fail(str(error)) from error
    return graph
