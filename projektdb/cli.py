"""The `projektdb` command line: the same functions the app uses, for scripts and maintainers.

Each module in projektdb/commands/ registers its commands on the shared Typer app.
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

__all__ = ["app", "main"]


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
