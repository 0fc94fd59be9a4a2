"""Editing from the command line, one command per operation of ``service.maintain.Maintenance``:
edit, create, delete, relate, unrelate, merge, split, review, accept, reject, duplicates,
distinct and the brevlåda. Every write names its user (recorded in the history, undone with
`projektdb undo`). ``EDIT_COMMANDS`` says which command fronts which operation.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import typer

from domain import forms
from graph.maintain import MaintainError
from projektdb.app import app, connect, console, fail, shown
from projektdb.output import JSON_OPTION, jsonable, print_json, print_table
from service.maintain import REVIEW_THRESHOLD, Maintenance, Satsning, SimilarExists

JSON = JSON_OPTION
USER = typer.Option(..., "--user", help="Who does it (recorded in the history).")

# command -> the Maintenance operations it calls (history, undo, import and export: commands/maintain.py)
EDIT_COMMANDS: dict[str, tuple[str, ...]] = {
    "edit": ("node", "update"),
    "create": ("create",),
    "delete": ("delete",),
    "relate": ("relate",),
    "unrelate": ("unrelate",),
    "merge": ("merge",),
    "split": ("split",),
    "review": ("review_queue",),
    "accept": ("accept",),
    "reject": ("reject",),
    "duplicates": ("duplicates",),
    "distinct": ("mark_distinct",),
    "suggest": ("suggest",),
    "relationships": ("relationships",),
    "sources": ("mentions",),
    "state": ("node", "state_history", "readiness", "set_state"),
    "satsning": ("create_satsning",),
    "suggestions": ("suggestions", "accept_suggestion", "reject_suggestion"),
}

_TRUE, _FALSE = {"true", "yes", "ja", "1"}, {"false", "no", "nej", "0", ""}


@contextmanager
def maintenance() -> Iterator[Maintenance]:
    """The service on a write connection; a refused write is said as the app says it, exit code 1."""
    with connect() as graph:
        try:
            yield Maintenance(graph)
        except MaintainError as error:
            raise fail(error.message) from error


def parse_assignments(label: str, assignments: list[str]) -> dict[str, Any]:
    """``key=value`` pairs as the edit form would send them: a list field's items separated by
    ``;``, a yes/no field as true/false (or ja/nej), an empty value removes the property."""
    kinds = {f.key: f.kind for f in forms.fields(label)}
    changes: dict[str, Any] = {}
    for assignment in assignments:
        key, sep, value = assignment.partition("=")
        key = key.strip()
        if not sep or not key:
            raise MaintainError(f"Skriv fält=värde, inte {assignment!r}.")
        if key not in kinds:
            raise MaintainError(f"Fältet {key!r} kan inte redigeras. Fält som kan: {', '.join(kinds)}.")
        changes[key] = typed_value(key, kinds[key], value)
    return changes


def typed_value(key: str, kind: str, value: str) -> Any:
    """One value as written on the command line, as a form of that kind would send it."""
    if kind == "list":
        return [item.strip() for item in value.split(";") if item.strip()]
    if kind == "bool":
        if value.strip().lower() not in _TRUE | _FALSE:
            raise MaintainError(f"{key}: skriv true eller false.")
        return value.strip().lower() in _TRUE
    return value


@app.command("edit")
def edit_(
    node_id: str = typer.Argument(..., help="The node's id (see `projektdb nodes`)."),
    assignments: list[str] = typer.Option(
        ..., "--set", metavar="FIELD=VALUE", help="Repeat for more fields; a list's items joined by ';'."
    ),
    version: int = typer.Option(None, "--version", help="Refuse if the node changed since this version."),
    user: str = USER,
    as_json: bool = JSON,
) -> None:
    """Change properties of a node, as the edit form does (the re-ingest keeps edited fields)."""
    with maintenance() as service:
        node = service.node(node_id)
        if node is None:
            raise MaintainError("Posten finns inte.")
        changes = parse_assignments(node.label, assignments)
        saved = service.update(node_id, changes, node.version if version is None else version, user)
    if as_json:
        print_json(saved)
    elif saved.change is None:
        console.print("Nothing changed.")
    else:
        console.print(f"Saved (version {saved.version}, change {saved.change}).")


@app.command()
def create(
    label: str = typer.Argument(..., help="Project, Actor, Goal, FocusArea, Indicator, Decision ..."),
    assignments: list[str] = typer.Option(
        ..., "--set", metavar="FIELD=VALUE", help="Repeat for more fields; a name is needed."
    ),
    user: str = USER,
    as_json: bool = JSON,
) -> None:
    """Add a node by hand (marked as made by hand; a re-ingest leaves it alone)."""
    with maintenance() as service:
        node_id = service.create(label, parse_assignments(label, assignments), user)
    if as_json:
        print_json({"id": node_id})
    else:
        console.print(shown(f"Created {node_id}."))


@app.command()
def delete(
    node_id: str = typer.Argument(...),
    user: str = USER,
    as_json: bool = JSON,
) -> None:
    """Delete a node and its relationships (`projektdb undo CHANGE` brings it back)."""
    with maintenance() as service:
        change = service.delete(node_id, user)
    _said(as_json, {"change": change}, f"Deleted {node_id} (change {change}).")


@app.command()
def relate(
    rel_type: str = typer.Argument(..., help="RESPONSIBLE_FOR, IN_FOCUS_AREA, ADDRESSES ..."),
    start: str = typer.Argument(..., help="The node the relationship starts at."),
    end: str = typer.Argument(..., help="The node it ends at."),
    role: str = typer.Option("", "--role", help="The role, where the relationship has one."),
    user: str = USER,
    as_json: bool = JSON,
) -> None:
    """Add a relationship between two nodes (allowed types per label: docs/ontology.md)."""
    with maintenance() as service:
        service.relate(rel_type, start, end, user, role=role)
    _said(as_json, {"type": rel_type, "start": start, "end": end}, f"{start} -[{rel_type}]-> {end}")


@app.command()
def unrelate(
    rel_type: str = typer.Argument(...),
    start: str = typer.Argument(...),
    end: str = typer.Argument(...),
    user: str = USER,
    as_json: bool = JSON,
) -> None:
    """Remove a relationship between two nodes."""
    with maintenance() as service:
        service.unrelate(rel_type, start, end, user)
    _said(
        as_json,
        {"removed": {"type": rel_type, "start": start, "end": end}},
        f"Removed {start} -[{rel_type}]-> {end}",
    )


@app.command()
def merge(
    keep: str = typer.Argument(..., help="The node that stays."),
    drop: str = typer.Argument(..., help="The duplicate merged into it."),
    user: str = USER,
    as_json: bool = JSON,
) -> None:
    """Merge a duplicate into another node: relationships, provenance and names move over."""
    with maintenance() as service:
        change = service.merge(keep, drop, user)
    _said(as_json, {"change": change}, f"Merged {drop} into {keep} (change {change}; `split` takes it back).")


@app.command()
def split(
    change: str = typer.Argument(..., help="The merge's change id (see `projektdb history`)."),
    user: str = USER,
    as_json: bool = JSON,
) -> None:
    """Take back a merge: the duplicate returns with its own relationships and properties."""
    with maintenance() as service:
        split_change = service.split(change, user)
    _said(as_json, {"change": split_change}, f"Split (change {split_change}).")


@app.command()
def review(
    threshold: float = typer.Option(REVIEW_THRESHOLD, "--threshold", help="Below this confidence."),
    limit: int = typer.Option(200, "--limit", min=1),
    as_json: bool = JSON,
) -> None:
    """The review queue: extractions of low confidence not yet accepted or rejected."""
    with maintenance() as service:
        items = service.review_queue(threshold=threshold, limit=limit)
    if as_json:
        print_json(items)
    else:
        print_table("review", [jsonable(i) for i in items], ["label", "name", "confidence", "id"])


@app.command()
def accept(
    node_id: str = typer.Argument(...),
    user: str = USER,
    as_json: bool = JSON,
) -> None:
    """The extraction is right: it leaves the review queue."""
    with maintenance() as service:
        service.accept(node_id, user)
    _said(as_json, {"accepted": node_id}, f"Accepted {node_id}.")


@app.command()
def reject(
    node_id: str = typer.Argument(...),
    user: str = USER,
    as_json: bool = JSON,
) -> None:
    """The extraction is wrong: the node is deleted (`projektdb undo CHANGE` brings it back)."""
    with maintenance() as service:
        change = service.reject(node_id, user)
    _said(as_json, {"change": change}, f"Rejected {node_id} (change {change}).")


@app.command()
def duplicates(as_json: bool = JSON) -> None:
    """Pairs of one kind and county with similar names that may be one post."""
    with maintenance() as service:
        pairs = service.duplicates()
    if as_json:
        print_json(pairs)
    else:
        print_table(
            "duplicates", [jsonable(p) for p in pairs], ["label", "a_name", "b_name", "score", "reason"]
        )


@app.command()
def distinct(
    a: str = typer.Argument(...),
    b: str = typer.Argument(...),
    as_json: bool = JSON,
) -> None:
    """A suggested duplicate pair that is two posts: never suggested again."""
    with maintenance() as service:
        service.mark_distinct(a, b)
    _said(as_json, {"distinct": [a, b]}, f"{a} and {b} are kept apart.")


@app.command()
def suggest(
    title: str = typer.Argument(..., help="A heading."),
    text: str = typer.Option("", "--text", help="What it is about."),
    kind: str = typer.Option("idé", "--kind", help="idé or behov."),
    user: str = USER,
    as_json: bool = JSON,
) -> None:
    """Put an idea or a need in the brevlåda."""
    with maintenance() as service:
        suggestion = service.suggest(kind, title, text, user)
    _said(as_json, {"id": suggestion}, f"Suggested ({suggestion}).")


@app.command()
def suggestions(
    accept_id: str = typer.Option(None, "--accept", help="Make this suggestion a project (idé/behov)."),
    reject_id: str = typer.Option(None, "--reject", help="Close this suggestion."),
    county: str = typer.Option("", "--county", help="With --accept: the new project's county."),
    user: str = typer.Option("", "--user", help="With --accept or --reject: who does it."),
    as_json: bool = JSON,
) -> None:
    """The brevlåda's open suggestions; --accept or --reject one."""
    if (accept_id or reject_id) and not user:
        raise fail("--accept and --reject need --user")
    with maintenance() as service:
        if accept_id:
            project = service.accept_suggestion(accept_id, user, county)
            _said(as_json, {"project": project}, f"Accepted: project {project}.")
            return
        if reject_id:
            service.reject_suggestion(reject_id, user)
            _said(as_json, {"rejected": reject_id}, f"Rejected {reject_id}.")
            return
        rows = service.suggestions()
    if as_json:
        print_json(rows)
    else:
        print_table("suggestions", rows, ["kind", "title", "submitted_by", "id"])


@app.command()
def relationships(node_id: str = typer.Argument(...), as_json: bool = JSON) -> None:
    """A node's relationships as the edit page lists them: made by hand, computed, or with sources."""
    with maintenance() as service:
        rows = service.relationships(node_id)
    if as_json:
        print_json(rows)
        return
    for row in rows:
        row["direction"] = "→" if row["outgoing"] else "←"
    print_table(
        "relationships", rows, ["type", "direction", "other_label", "other_name", "manual", "sources"]
    )


@app.command()
def sources(
    node_id: str = typer.Argument(...),
    limit: int = typer.Option(50, "--limit", min=1),
    as_json: bool = JSON,
) -> None:
    """Where the documents mention a node: document, page and quote."""
    with maintenance() as service:
        rows = service.mentions(node_id, limit=limit)
    if as_json:
        print_json(rows)
    else:
        print_table("sources", rows, ["document", "page", "quote"])


@app.command()
def state(
    project: str = typer.Argument(..., help="A project id."),
    to: str = typer.Option(
        None, "--to", help=f"Move it to this process state: {', '.join(forms.PROCESS_STATES)}."
    ),
    user: str = typer.Option("", "--user", help="With --to: who moves it."),
    as_json: bool = JSON,
) -> None:
    """A project's process state, its steps so far and its readiness for joint work; --to moves it."""
    if to and not user:
        raise fail("--to needs --user")
    with maintenance() as service:
        node = service.node(project)
        if node is None or node.label != "Project":
            raise MaintainError("Det finns inget projekt med det id:t.")
        if to:
            service.set_state(project, to, node.version, user)
            node = service.node(project) or node
        steps = service.state_history(project)
        ready = service.readiness(project, node.properties)
    found = {"state": node.properties.get("process_state"), "steps": steps, "readiness": ready}
    if as_json:
        print_json(found)
        return
    console.print(shown(f"{node.properties.get('name')}: {found['state'] or '(no process state)'}"))
    print_table("steps", steps, ["at", "user", "from", "to"])
    print_table(
        "readiness",
        [{"criterion": k, "met": "yes" if v else "no"} for k, v in ready.items()],
        ["criterion", "met"],
    )


@app.command()
def satsning(
    name: str = typer.Argument(..., help="The new joint investment's name."),
    assignments: list[str] = typer.Option(
        [],
        "--set",
        metavar="FIELD=VALUE",
        help="Template fields (goal_text, county, resources ...); ids for links.",
    ),
    allow_similar: bool = typer.Option(
        False, "--allow-similar", help="Create it although similar projects exist."
    ),
    user: str = USER,
    as_json: bool = JSON,
) -> None:
    """A joint investment from the template: a project with its links, in its first process state."""
    names = {f.name: f for f in dataclasses.fields(Satsning)}
    values: dict[str, Any] = {}
    for assignment in assignments:
        key, _, value = assignment.partition("=")
        if key not in names or key == "name":
            raise fail(f"unknown template field {key!r}: use {', '.join(n for n in names if n != 'name')}")
        declared = str(names[key].type)  # the dataclass's annotation: "list[str]", "bool", "str"
        kind = "list" if declared.startswith("list") else "bool" if declared == "bool" else "text"
        values[key] = typed_value(key, kind, value)
    with maintenance() as service:
        try:
            project = service.create_satsning(
                Satsning(name=name, **values), user, allow_similar=allow_similar
            )
        except SimilarExists as similar:
            raise fail(similar.message + " (--allow-similar creates it anyway)") from similar
    _said(as_json, {"project": project}, f"Created {project}.")


def _said(as_json: bool, data: dict[str, Any], sentence: str) -> None:
    if as_json:
        print_json(data)
    else:
        console.print(shown(sentence))
