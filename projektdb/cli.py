"""The `projektdb` command line: the same functions the app uses, for scripts and maintainers.

Each module in projektdb/commands/ registers its commands on the shared Typer app; ``--help``
lists them in panels by that module (``PANELS``), and so does the README's reference
(``projektdb.reference``).
"""

from __future__ import annotations

import sys

from projektdb.app import app, err
from projektdb.commands import (  # noqa: F401  (registers the commands)
    analysis,
    bench,
    data,
    db,
    edit,
    maintain,
    ops,
    quality,
    reads,
    values,
)
from service import failures

__all__ = ["PANELS", "app", "main"]

# the module a command is defined in -> the panel of `projektdb --help` it is listed under
PANELS: dict[str, str] = {
    data.__name__: "Documents in, data out",
    maintain.__name__: "Documents in, data out",
    values.__name__: "Documents in, data out",
    reads.__name__: "Reads (what the pages show)",
    analysis.__name__: "Analyses",
    edit.__name__: "Editing",
    quality.__name__: "Extraction quality",
    ops.__name__: "Operations",
    bench.__name__: "Operations",
    db.__name__: "Operations",
}
PANEL_ORDER = tuple(dict.fromkeys(PANELS.values()))

for _command in app.registered_commands:
    _command.rich_help_panel = PANELS[_command.callback.__module__]
app.registered_commands.sort(key=lambda command: PANEL_ORDER.index(command.rich_help_panel or ""))
for _group in app.registered_groups:
    _group.rich_help_panel = "Operations"


def main() -> None:
    """`projektdb`: the commands, with the database gone, its memory or the disk full said in
    Swedish (exit code 1) instead of a traceback."""
    try:
        app()
    except Exception as error:  # noqa: BLE001  (only the failures service.failures knows are caught)
        message = failures.describe(error)
        if message is None:
            raise
        err.print(f"[red]fel:[/red] {message}", markup=True, highlight=False)
        sys.exit(1)


if __name__ == "__main__":  # pragma: no cover
    main()
