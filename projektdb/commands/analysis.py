"""`projektdb gaps`, `overlaps`, `related`, `search`, `refresh`: the analyses the app shows."""

from __future__ import annotations

import dataclasses

import typer

from projektdb.app import app, connect, console
from projektdb.output import print_json, print_table


@app.command()
def gaps(
    as_json: bool = typer.Option(False, "--json", help="Print JSON."),
    year: int = typer.Option(None, "--year", help="The year that counts as now (default: this year)."),
) -> None:
    """Gaps: goals without activity, uncovered focus area × kommun, indicators without measures,
    readiness of joint work, time gaps, target groups with few projects."""
    from graph.analytics.gaps import all_gaps

    with connect(read_only=True) as graph:
        found = all_gaps(graph, year=year)
    if as_json:
        print_json(found)
        return
    for kind, rows in found.items():
        print_table(kind, rows, ["name" if rows and "name" in rows[0] else "text", "description"])


@app.command()
def overlaps(as_json: bool = typer.Option(False, "--json", help="Print JSON.")) -> None:
    """Overlaps: same goal and target group, similar text, actor load, across counties, communities."""
    from graph.analytics.overlaps import all_overlaps

    with connect(read_only=True) as graph:
        found = all_overlaps(graph)
    if as_json:
        print_json(found)
        return
    for kind, rows in found.items():
        columns = ["a_name", "b_name", "reasons"] if rows and "a_name" in rows[0] else ["name", "reasons"]
        if kind == "communities":
            columns = ["community", "size", "reasons"]
        print_table(kind, rows, columns)


@app.command()
def related(
    project_or_text: str = typer.Argument(..., help="A project id, or free text."),
    limit: int = typer.Option(10, "--limit"),
    as_json: bool = typer.Option(False, "--json", help="Print JSON."),
) -> None:
    """Related initiatives of a project (precomputed) or of free text, best first, with reasons."""
    from graph.analytics.related import related as find_related

    with connect(read_only=True) as graph:
        found = find_related(graph, project_or_text, limit=limit)
    if as_json:
        print_json(found)
    else:
        print_table("related", found["results"], ["name", "score", "reasons"])


@app.command()
def search(
    text: str = typer.Argument(..., help='Words; "quoted words" are a phrase.'),
    focus_area: str = typer.Option(None, "--focus-area", help="Fokusområde (name)."),
    target_group: str = typer.Option(None, "--target-group", help="Målgrupp (name)."),
    place: str = typer.Option(None, "--place", help="Kommun or region (actor name)."),
    huvudman: str = typer.Option(None, "--huvudman", help="kommun or region."),
    status: str = typer.Option(None, "--status", help="planerad, pågående, avslutad, okänd."),
    county: str = typer.Option(None, "--county", help="Län, e.g. Sörmland."),
    year_from: int = typer.Option(None, "--from", help="Running in or after this year."),
    year_to: int = typer.Option(None, "--to", help="Running in or before this year."),
    label: list[str] = typer.Option(None, "--label", help="Only these labels (Project, Goal ...)."),
    limit: int = typer.Option(20, "--limit"),
    as_json: bool = typer.Option(False, "--json", help="Print JSON."),
) -> None:
    """Full-text search (Swedish, typo-tolerant, compound parts), best first, with facets."""
    from graph.analytics.search import Filters
    from graph.analytics.search import search as run_search

    filters = Filters(focus_area, target_group, place, huvudman, status, county, year_from, year_to)
    with connect(read_only=True) as graph:
        found = run_search(graph, text, filters=filters, labels=label or None, limit=limit)
    if as_json:
        print_json(found)
    else:
        print_table("search", found["results"], ["label", "name", "score", "status", "county"])


@app.command()
def refresh(as_json: bool = typer.Option(False, "--json", help="Print JSON.")) -> None:
    """Recompute RELATED_TO and the compound parts for search (run after ingest)."""
    from graph.analytics.refresh import refresh as run_refresh

    with connect() as graph:
        report = run_refresh(graph)
    if as_json:
        print_json(dataclasses.asdict(report))
    else:
        written = report.pairs_written
        console.print(
            f"{report.projects} projects, {report.related_pairs} related pairs "
            f"({written.created} new, {written.updated} changed, {written.deleted} removed), "
            f"{report.search_terms_written} nodes with new search terms, "
            f"{report.lineage_links} focus areas continuing an earlier one."
        )
