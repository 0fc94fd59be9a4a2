"""`projektdb import`, `projektdb users ...` and `projektdb undo`: maintenance from the command line."""

from __future__ import annotations

import sys
from pathlib import Path

import typer
from rich.table import Table

from graph.maintain import MaintainError, users
from projektdb.app import app, connect, console, fail, shown
from projektdb.output import print_json
from service.maintain import Maintenance

users_app = typer.Typer(
    help="Users of the app: the local credentials file (data/users.toml).", no_args_is_help=True
)
app.add_typer(users_app, name="users")


@app.command("import")
def import_(
    path: Path = typer.Argument(
        ..., help="An .xlsx workbook in the documented layout (see docs/maintenance.md)."
    ),
    user: str = typer.Option("", "--user", help="Record the import in the history under this name."),
    as_json: bool = typer.Option(False, "--json", help="Print the report as JSON."),
) -> None:
    """Read an Excel workbook: the hidden sheets upserted by id, then every edited cell of the
    Swedish sheets changed (nothing is deleted but relations a cell no longer names)."""
    if not path.is_file():
        raise fail(f"no such file: {path}")
    with connect() as graph:
        try:
            report = Maintenance(graph).import_workbook(path, user=user or None)
        except MaintainError as error:
            raise fail(error.message) from error
    if as_json:
        print_json(report)
        return
    nodes = ", ".join(f"{k} {v}" for k, v in sorted(report.nodes.items()))
    relationships = sum(report.relationships.values())
    console.print(f"Imported {sum(report.nodes.values())} nodes ({nodes}) and {relationships} relationships.")
    if report.generated_ids:
        console.print(f"{report.generated_ids} rows without id got an id from name and county.")
    console.print(f"{len(report.changes)} changed cells, {len(report.created)} new posts.")
    for change in report.changes:
        console.print(change.message, markup=False)
    for refusal in report.refused:
        console.print(f"[yellow]Inte inläst:[/yellow] {refusal.message}", highlight=False)
    for warning in report.warnings:
        console.print(f"[yellow]Varning:[/yellow] {warning}")


def export_xlsx(output: Path) -> None:
    """Called by `projektdb export --format xlsx`."""
    with connect(read_only=True) as graph:
        counts = Maintenance(graph).export_workbook(output)
    console.print(f"Wrote {output} ({', '.join(f'{k} {v}' for k, v in counts.items())}).")


@app.command("undo")
def undo_(
    change: str = typer.Argument(..., help="The id of a change (see `projektdb history`)."),
    user: str = typer.Option(..., "--user", help="Who undoes it (recorded)."),
) -> None:
    """Undo one recorded change."""
    with connect() as graph:
        try:
            undo_id = Maintenance(graph).undo(change, user)
        except MaintainError as error:
            raise fail(error.message) from error
    console.print(f"Undone: {change} (recorded as {undo_id}).")


@app.command("history")
def history_(
    node: str = typer.Option("", "--node", help="Only changes of this node id."),
    limit: int = typer.Option(50, "--limit"),
    as_json: bool = typer.Option(False, "--json", help="Print JSON."),
) -> None:
    """Who changed what and when, newest first."""
    with connect(read_only=True) as graph:
        changes = Maintenance(graph).history(node_id=node or None, limit=limit)
    if as_json:
        print_json(changes)
        return
    table = Table("at", "user", "action", "node", "summary", "id")
    for c in changes:
        action = c.action + (" (undone)" if c.undone_by else "")
        table.add_row(c.at[:19], shown(c.user), action, shown(c.node_id), shown(c.summary), c.id)
    console.print(table)


@users_app.command("add")
def users_add(
    name: str = typer.Argument(..., help="User name (lower case)."),
    role: str = typer.Option("viewer", "--role", help="viewer, editor or admin."),
    password_stdin: bool = typer.Option(False, "--password-stdin", help="Read the password from stdin."),
) -> None:
    """Add a user (or change one's role and password); the password is stored hashed (Argon2id)."""
    if password_stdin:
        password = sys.stdin.readline().rstrip("\n")
    else:
        password = typer.prompt("Password", hide_input=True, confirmation_prompt=True)
    try:
        user = users.add(name, role, password)
    except MaintainError as error:
        raise fail(error.message) from error
    console.print(f"User {user.name} ({user.role}) saved in {users.users_file()}.")


@users_app.command("remove")
def users_remove(name: str = typer.Argument(...)) -> None:
    """Remove a user."""
    if not users.remove(name):
        raise fail(f"no such user: {name}")
    console.print(f"Removed {name}.")


@users_app.command("list")
def users_list() -> None:
    """The users and their roles (never the hashes)."""
    table = Table("user", "role")
    for name, entry in sorted(users.load().items()):
        table.add_row(name, entry.get("role", "?"))
    console.print(table)
