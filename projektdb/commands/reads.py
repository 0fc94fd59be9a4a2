"""The reads the app's pages show, one command per operation of ``service.reads.Reads``.

Each prints a table for people or, with ``--json``, the service's result unchanged for scripts.
``READ_COMMANDS`` says which command fronts which operation (a test keeps it complete).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import typer

from domain import titles
from projektdb.app import app, connect, console, fail, shown
from projektdb.output import JSON_OPTION, present, print_json, print_table
from service.reads import Reads

# the loader's bookkeeping, left out of a node's table (--json has everything); the id and the
# version stay: `projektdb edit` needs both
_BOOKKEEPING = titles.HIDDEN_PROPERTIES - {"id", "version"}

JSON = JSON_OPTION

# command -> the Reads operations it calls
READ_COMMANDS: dict[str, tuple[str, ...]] = {
    "overview": ("overview",),
    "labels": ("label_sizes",),
    "projects": ("projects_by_focus_area",),
    "focus-areas": ("focus_area_totals", "focus_area_project_counts", "focus_area_counties"),
    "facts": ("project_facts",),
    "node": ("node_detail", "node_relation_groups"),
    "relations": ("node_relations",),
    "nodes": ("nodes_by_label", "find_nodes"),
    "timeline": ("project_timeline",),
    "documents": ("documents",),
    "document": ("document", "document_contents", "document_page"),
    "decisions": ("decisions",),
    "coverage": ("coverage_counts", "coverage_gaps"),
    "goal-gaps": ("goal_gaps", "goal_gaps_per_area"),
    "clusters": ("overlap_clusters", "cluster_summaries"),
    "overlap-network": ("overlap_network",),
    "network": ("network_choices", "network_neighbourhood"),
    "indicators": ("indicator_overview",),
    "measure-values": ("measure_values",),
}


@contextmanager
def _reads() -> Iterator[Reads]:
    with connect(read_only=True) as graph:
        yield Reads(graph)


@app.command()
def overview(as_json: bool = JSON) -> None:
    """Projects per county, status and period; per focus area; and the kinds of responsible actor."""
    with _reads() as reads:
        found = reads.overview()
    if as_json:
        print_json(found)
        return
    print_table("projects", found["projects"], ["county", "status", "start", "end", "projects"])
    print_table("per focus area", found["focus"], ["focus_area", "county", "status", "projects"])
    print_table("responsible", found["responsible"], ["types", "county", "projects"])


@app.command()
def labels(as_json: bool = JSON) -> None:
    """How many nodes of each kind (label) the graph holds."""
    with _reads() as reads:
        sizes = reads.label_sizes()
    if as_json:
        print_json(sizes)
    else:
        print_table("labels", [{"label": k, "nodes": v} for k, v in sizes.items()], ["label", "nodes"])


@app.command()
def projects(
    county: str = typer.Option(None, "--county", help="Län, e.g. Sörmland."),
    focus_area: str = typer.Option(None, "--focus-area", help="Only this focus area (name)."),
    page: int = typer.Option(0, "--page", min=0, help="The page of each focus area's list (0 first)."),
    as_json: bool = JSON,
) -> None:
    """Projects per focus area, one page of each area's list."""
    with _reads() as reads:
        found = reads.projects_by_focus_area(county=county, focus_area=focus_area, page=page)
    if as_json:
        print_json(found)
        return
    for area, rows in found.items():
        print_table(area or "(no focus area)", rows, ["name", "status", "timeplan", "county", "responsible"])


@app.command("focus-areas")
def focus_areas(
    county: str = typer.Option(None, "--county", help="Län, e.g. Sörmland."),
    as_json: bool = JSON,
) -> None:
    """How many projects each focus area has (a project in two areas counts in both), and per county."""
    with _reads() as reads:
        totals = reads.focus_area_totals(county)
        counties = reads.focus_area_counties()
        if as_json:  # the totals and the rows they are summed from (per area, county, status, period)
            print_json(
                {
                    "totals": totals,
                    "rows": reads.focus_area_project_counts(),
                    "counties_with_focus_areas": counties,
                }
            )
            return
    rows = [{"focus_area": a.name or "(no focus area)", "projects": a.count} for a in totals.areas]
    print_table("projects per focus area", rows, ["focus_area", "projects"])
    county_rows = [{"county": c, "projects": n} for c, n in totals.counties.items()]
    print_table("projects per county", county_rows, ["county", "projects"])


@app.command()
def facts(as_json: bool = JSON) -> None:
    """One row per project: its status, period, county, focus areas and responsible actors."""
    with _reads() as reads:
        rows = reads.project_facts()
    if as_json:
        print_json(rows)
    else:
        columns = present(rows, ("name", "status", "start", "end", "county"))
        print_table("projects", rows, columns)


@app.command()
def node(
    node_id: str = typer.Argument(..., help="A node id (see `projektdb nodes`)."),
    per_group: int = typer.Option(50, "--per-group", min=1, help="Neighbours shown per relationship."),
    as_json: bool = JSON,
) -> None:
    """One node: its properties and its relationships, grouped by type and direction."""
    with _reads() as reads:
        detail = reads.node_detail(node_id)
        if detail is None:
            raise fail(f"no node with id {node_id}")
        groups = reads.node_relation_groups(node_id, per_group=per_group)
    if as_json:
        print_json({"node": detail, "relations": groups})
        return
    properties = detail["properties"]
    console.print(shown(f"{', '.join(detail['labels'])}: {properties.get('name') or node_id}"))
    rows = [{"property": k, "value": v} for k, v in sorted(properties.items()) if k not in _BOOKKEEPING]
    print_table("properties", rows, ["property", "value"])
    for group in groups:
        group["direction"] = "→" if group["outgoing"] else "←"
    print_table("relations", groups, ["type", "direction", "other_label", "other_name", "total"])


@app.command()
def relations(
    node_ids: list[str] = typer.Argument(..., help="Node ids."),
    as_json: bool = JSON,
) -> None:
    """The relationships of these nodes, with the nodes at their other end."""
    with _reads() as reads:
        rows = reads.node_relations(tuple(node_ids))
    if as_json:
        print_json(rows)
    else:
        columns = present(rows, ("node", "type", "other_label", "other_name"))
        print_table("relations", rows, columns)


@app.command()
def nodes(
    label: str = typer.Argument(..., help="Project, Actor, FocusArea, Goal, Indicator, Decision ..."),
    text: str = typer.Option("", "--text", help="Only nodes whose name contains these words."),
    limit: int = typer.Option(50, "--limit", min=1, help="At most this many (with --text)."),
    as_json: bool = JSON,
) -> None:
    """The nodes of one kind, by name; with --text, those whose name matches."""
    with _reads() as reads:
        if label not in reads.label_sizes():
            raise fail(f"no nodes labelled {label}")
        rows = reads.find_nodes(label, text, limit=limit) if text else reads.nodes_by_label(label)
    if as_json:
        print_json(rows)
    else:
        columns = present(rows, ("name", "type", "county", "id"))
        print_table(label, rows, columns)


@app.command()
def timeline(
    county: str = typer.Option(None, "--county", help="Län, e.g. Sörmland."),
    focus_area: str = typer.Option(None, "--focus-area", help="Fokusområde (name)."),
    status: str = typer.Option(None, "--status", help="planerad, pågående, avslutad, okänd."),
    limit: int = typer.Option(300, "--limit", min=1),
    as_json: bool = JSON,
) -> None:
    """Projects with their start and end, as the timeline draws them."""
    with _reads() as reads:
        rows = reads.project_timeline(county, focus_area, status, limit=limit)
    if as_json:
        print_json(rows)
    else:
        print_table("timeline", rows, ["name", "start", "end", "status", "timeplan", "focus_areas"])


@app.command()
def documents(as_json: bool = JSON) -> None:
    """The documents read into the graph: title, kind, county, date and what was found in each."""
    with _reads() as reads:
        rows = reads.documents()
    if as_json:
        print_json(rows)
        return
    for row in rows:
        row["found"] = [f"{c['label']} {c['count']}" for c in row.get("counts") or []]
    print_table("documents", rows, ["title", "kind", "county", "date", "pages", "found"])


@app.command()
def document(
    document_id: str = typer.Argument(..., help="A document id (see `projektdb documents --json`)."),
    page: int = typer.Option(None, "--page", min=1, help="Print this page's text instead."),
    as_json: bool = JSON,
) -> None:
    """One document: what was read from it, with page and quote; or one page's text."""
    with _reads() as reads:
        found = reads.document(document_id)
        if found is None:
            raise fail(f"no document with id {document_id}")
        if page is not None:
            text = reads.document_page(document_id, page)
            if text is None or page > text.page_count:
                raise fail(f"the document has no page {page} (it has {found.get('pages')})")
            if as_json:
                print_json(text)
            else:
                console.print(shown(text.text, keep_lines=True))
            return
        contents = reads.document_contents(document_id)
    if as_json:
        print_json({"document": found, "contents": contents})
        return
    console.print(shown(f"{found.get('title') or found.get('file_name')} ({found.get('kind') or ''})"))
    print_table("read from it", contents, ["label", "name", "page", "quote"])


@app.command()
def decisions(as_json: bool = JSON) -> None:
    """Decisions: date, body, diarienummer, paragraph, what they concern."""
    with _reads() as reads:
        rows = reads.decisions()
    if as_json:
        print_json(rows)
    else:
        print_table("decisions", rows, ["date", "body", "diarienummer", "paragraph", "summary", "concerns"])


@app.command()
def coverage(
    county: str = typer.Option(None, "--county", help="Län, e.g. Sörmland."),
    as_json: bool = JSON,
) -> None:
    """Per focus area: projects county-wide, of the region and of each kommun; and the uncovered pairs."""
    with _reads() as reads:
        counts = reads.coverage_counts(county)
        uncovered = reads.coverage_gaps()
    if as_json:
        print_json({"counts": counts, "uncovered": uncovered})
        return
    print_table("coverage", counts, ["name", "county", "projects", "county_wide", "region", "kommun"])
    columns = (
        ["name", "description"] if not uncovered or "description" in uncovered[0] else list(uncovered[0])
    )
    print_table("uncovered", uncovered, columns)


@app.command("goal-gaps")
def goal_gaps(as_json: bool = JSON) -> None:
    """Goals no project addresses, and how many per focus area."""
    with _reads() as reads:
        goals = reads.goal_gaps()
        per_area = reads.goal_gaps_per_area()
    if as_json:
        print_json({"goals": goals, "per_focus_area": per_area})
        return
    rows = [{"focus_area": a.name or "(no focus area)", "goals": a.count} for a in per_area]
    print_table("goals without activity per focus area", rows, ["focus_area", "goals"])
    print_table("goals without activity", goals, ["text", "focus_areas"])


@app.command()
def clusters(as_json: bool = JSON) -> None:
    """Communities of related projects (largest first) with what holds them together."""
    with _reads() as reads:
        found = reads.overlap_clusters()
        summaries = reads.cluster_summaries()
    if as_json:
        print_json({"clusters": found, "summaries": summaries})
        return
    rows = [
        {"community": s.number, "size": s.size, "counties": s.counties, "reasons": s.reasons}
        for s in summaries
    ]
    print_table("clusters", rows, ["community", "size", "counties", "reasons"])


@app.command("overlap-network")
def overlap_network(as_json: bool = JSON) -> None:
    """The overlapping pairs as a network: projects by how many pairs they are in, and the links."""
    with _reads() as reads:
        found = reads.overlap_network()
    if as_json:
        print_json(found)
        return
    rows = [{"name": p.name, "pairs": p.pairs} for p in found.projects]
    print_table("projects in overlapping pairs", rows, ["name", "pairs"])


@app.command()
def network(
    node_ids: list[str] = typer.Argument(None, help="Node ids; none: list the nodes to choose from."),
    label: str = typer.Option("Project", "--label", help="Without ids: the kind to choose from."),
    county: str = typer.Option(None, "--county", help="Without ids: only this county's nodes."),
    text: str = typer.Option("", "--text", help="Without ids: only names with these words."),
    as_json: bool = JSON,
) -> None:
    """The network page: the neighbourhood of some nodes, or without ids the nodes to pick from."""
    with _reads() as reads:
        if node_ids:
            rows = reads.network_neighbourhood(tuple(node_ids))
            columns = ["node", "type", "other_label", "other_name"]
        else:
            rows = reads.network_choices(label, county, text)
            columns = ["name", "county", "id"]
    if as_json:
        print_json(rows)
    else:
        print_table("network", rows, present(rows, columns))


@app.command()
def indicators(
    project_limit: int = typer.Option(None, "--project-limit", min=0, help="Projects listed per indicator."),
    as_json: bool = JSON,
) -> None:
    """Indicators per goal area, with their measures and the projects that follow them."""
    with _reads() as reads:
        found = reads.indicator_overview(project_limit)
    if as_json:
        print_json(found)
        return
    rows = [
        {
            "goal_area": area["goal_area"],
            "indicator": indicator["name"],
            "measures": indicator["measures"],
            "projects": indicator["project_count"],
        }
        for area in found
        for indicator in area["indicators"]
    ]
    print_table("indicators", rows, ["goal_area", "indicator", "measures", "projects"])


@app.command("measure-values")
def measure_values(
    measure_id: str = typer.Argument(..., help="A measure id (see `projektdb indicators --json`)."),
    as_json: bool = JSON,
) -> None:
    """The values of one measure, per area and period (imported with `projektdb import-values`)."""
    with _reads() as reads:
        rows = reads.measure_values(measure_id)
    if as_json:
        print_json(rows)
    else:
        columns = present(rows, ("area", "period", "value", "unit", "source"))
        print_table("values", rows, columns)
