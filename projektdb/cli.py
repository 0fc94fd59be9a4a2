"""The `projektdb` command line: the same functions the app uses, for scripts and maintainers.

Each module in projektdb/commands/ registers its commands on the shared Typer app.
"""

from __future__ import annotations

from projektdb.app import app
from projektdb.commands import analysis, bench, data, db, maintain, ops, quality, values  # noqa: F401  (registers the commands)

__all__ = ["app"]

if __name__ == "__main__":  # pragma: no cover
    app()
