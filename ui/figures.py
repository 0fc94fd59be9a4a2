"""Plotly figures for the pages: counts, the project timeline, heatmaps. Pure functions of rows."""

from __future__ import annotations

import re
import textwrap
from collections import Counter
from collections.abc import Sequence
from datetime import date
from typing import Any

import pandas as pd
import plotly.express as px
import plotly.graph_objects as go

from domain.readable import swedish_date
from graph.queries import huvudman
from service.reads import AreaCount, ClusterSummary, OverlapNetwork
from ui.layout import axes, positions

Row = dict[str, Any]
_DATE = re.compile(r"(\d{4})(?:-(\d{1,2}))?(?:-(\d{1,2}))?")
STATUS_COLOURS = {
    "pågående": "#2a9d8f",
    "planerad": "#e9c46a",
    "avslutad": "#8d99ae",
    "okänd": "#c9c9c9",
}
CHART_HEIGHT = 300
NO_FOCUS_AREA = "Utan fokusområde"
GANTT_MAX_PROJECTS = 300  # more projects than this are counted per year instead of drawn one by one


def parse_date(value: Any, end: bool = False) -> date | None:
    """'2024' → 2024-01-01 (or 2024-12-31 as an end), '2024-05' → the month's first (or last) day."""
    match = _DATE.search(str(value or ""))
    if not match:
        return None
    year = int(match.group(1))
    month = int(match.group(2)) if match.group(2) else (12 if end else 1)
    month = min(max(month, 1), 12)
    if match.group(3):
        day = int(match.group(3))
    elif end:
        day = (date(year + (month == 12), month % 12 + 1, 1) - date(year, month, 1)).days
    else:
        day = 1
    try:
        return date(year, month, day)
    except ValueError:
        return date(year, month, 1)


def project_frame(projects: list[Row]) -> pd.DataFrame:
    """One row per project with the columns the overview counts and charts."""
    rows = []
    for p in projects:
        rows.append(
            {
                "id": p["id"],
                "Projekt": p["name"],
                "Status": p.get("status") or "okänd",
                "Fokusområde": p["focus_areas"][0] if p.get("focus_areas") else NO_FOCUS_AREA,
                "Huvudman": huvudman([r.get("type") for r in p.get("responsible", [])]),
                "Ansvarig": ", ".join(r["name"] for r in p.get("responsible", [])),
                "Län": p.get("county") or "",
                "Start": parse_date(p.get("start")),
                "Slut": parse_date(p.get("end") or p.get("start"), end=True),
                "Tidsplan": p.get("timeplan") or "",
            }
        )
    return pd.DataFrame(rows)


def count_bar(frame: pd.DataFrame, column: str, title: str) -> go.Figure:
    """Horizontal bars: how many projects per value of a column, largest first."""
    return bars(Counter(frame[column]) if not frame.empty else Counter(), title)


def bars(counts: dict[str, int], title: str) -> go.Figure:
    """Horizontal bars of counts already made (e.g. in the database), largest first."""
    items = sorted(counts.items(), key=lambda kv: (kv[1], kv[0]))
    figure = go.Figure(
        go.Bar(
            x=[v for _, v in items],
            y=[k for k, _ in items],
            orientation="h",
            text=[v for _, v in items],
            textposition="auto",
            marker_color="#1f5f8b",
            hovertemplate="%{y}: %{x} projekt<extra></extra>",
        )
    )
    figure.update_layout(
        title=title,
        height=max(CHART_HEIGHT, 40 + 28 * len(items)),
        margin={"l": 10, "r": 10, "t": 40, "b": 10},
        xaxis_title="Antal projekt",
        yaxis={"automargin": True},
    )
    return figure


def timeline(frame: pd.DataFrame) -> go.Figure | None:
    """Projects with known years as bars from start to end, coloured by status; None when none."""
    dated = frame.dropna(subset=["Start"]) if not frame.empty else frame
    if dated.empty:
        return None
    dated = dated.sort_values(["Start", "Projekt"]).copy()
    dated["Namn"] = [wrap(n) for n in dated["Projekt"]]
    dated["Tidsplan"] = [
        t or _period(s, e) for t, s, e in zip(dated["Tidsplan"], dated["Start"], dated["Slut"], strict=True)
    ]
    figure = px.timeline(
        dated,
        x_start="Start",
        x_end="Slut",
        y="Namn",
        color="Status",
        color_discrete_map=STATUS_COLOURS,
        hover_data={
            "Projekt": True,
            "Tidsplan": True,
            "Ansvarig": True,
            "Namn": False,
            "Start": False,
            "Slut": False,
        },
    )
    lines = sum(n.count("<br>") + 1 for n in dated["Namn"])
    figure.update_yaxes(autorange="reversed", title=None, automargin=True, tickfont={"size": 11})
    figure.update_layout(
        height=max(CHART_HEIGHT, 60 + 15 * lines + 10 * len(dated)),
        margin={"l": 10, "r": 10, "t": 30, "b": 10},
        legend_title_text="Status",
        xaxis={"title": None, "tickformat": "%Y", "dtick": "M12"},
    )
    return figure


def overview_counts(summary: Row, county: str | None = None) -> dict[str, Counter[str]]:
    """Projects per Fokusområde, Status and Huvudman (the values ``project_frame`` would give), in
    one county or all, from ``graph.queries.overview``'s grouped rows."""
    projects = _in_county(summary.get("projects", []), county)
    counts: dict[str, Counter[str]] = {"Fokusområde": Counter(), "Status": Counter(), "Huvudman": Counter()}
    for row in overview_timeline(summary, county):
        counts["Fokusområde"][row["focus_area"] or NO_FOCUS_AREA] += row["projects"]
    for row in projects:
        counts["Status"][row.get("status") or "okänd"] += row["projects"]
    for row in _in_county(summary.get("responsible", []), county):
        counts["Huvudman"][huvudman(row.get("types") or [])] += row["projects"]
    without = sum(r["projects"] for r in projects) - sum(counts["Huvudman"].values())
    if without > 0:
        counts["Huvudman"][huvudman([])] += without
    return counts


def overview_timeline(summary: Row, county: str | None = None) -> list[Row]:
    """Grouped rows {focus_area, status, start, end, projects} of one county or all, projects
    without a focus area under focus_area None (all projects minus those with one)."""
    rest: Counter[tuple[Any, ...]] = Counter()
    for row in _in_county(summary.get("projects", []), county):
        rest[(row.get("county"), row.get("status"), row.get("start"), row.get("end"))] += row["projects"]
    rows = []
    for row in _in_county(summary.get("focus", []), county):
        rest[(row.get("county"), row.get("status"), row.get("start"), row.get("end"))] -= row["projects"]
        rows.append({k: row.get(k) for k in ("focus_area", "status", "start", "end", "projects")})
    for (_, status, start, end), n in rest.items():
        if n > 0:
            rows.append({"focus_area": None, "status": status, "start": start, "end": end, "projects": n})
    return rows


def _in_county(rows: list[Row], county: str | None) -> list[Row]:
    return rows if county is None else [r for r in rows if r.get("county") == county]


MAX_YEARS = 30  # a time plan longer than this is drawn over its first 30 years


def running_per_year(timeline: list[Row]) -> tuple[pd.DataFrame, int]:
    """Projects running each year per fokusområde, from grouped rows {focus_area, start, end,
    projects}: a project counts in every year from its start to its end. Also how many projects
    have no year in their time plan."""
    counts: Counter[tuple[int, str]] = Counter()
    undated = 0
    for row in timeline:
        start = parse_date(row.get("start"))
        if start is None:
            undated += row["projects"]
            continue
        end = parse_date(row.get("end") or row.get("start"), end=True) or start
        last = min(max(end.year, start.year), start.year + MAX_YEARS - 1)
        for year in range(start.year, last + 1):
            counts[(year, row.get("focus_area") or NO_FOCUS_AREA)] += row["projects"]
    frame = pd.DataFrame(
        [{"År": year, "Fokusområde": area, "Projekt": n} for (year, area), n in sorted(counts.items())],
        columns=["År", "Fokusområde", "Projekt"],
    )
    return frame, undated


def years_chart(frame: pd.DataFrame) -> go.Figure | None:
    """Stacked bars: how many projects run each year, per fokusområde; None when no year is known."""
    if frame.empty:
        return None
    figure = go.Figure(
        [
            go.Bar(
                x=part["År"],
                y=part["Projekt"],
                name=str(area),
                hovertemplate=f"{area}<br>%{{x}}: %{{y}} projekt<extra></extra>",
            )
            for area, part in frame.groupby("Fokusområde", sort=True)
        ]
    )
    figure.update_layout(
        height=CHART_HEIGHT + 100,
        margin={"l": 10, "r": 10, "t": 30, "b": 10},
        xaxis={"dtick": 1, "title": None},
        yaxis_title="Antal projekt",
        legend={"title": {"text": "Fokusområde"}, "orientation": "h", "y": -0.15},
        barmode="stack",
        bargap=0.15,
    )
    return figure


def heatmap(rows: list[str], columns: list[str], values: list[list[int]], title: str) -> go.Figure:
    """A count matrix; empty cells (0) show as the palest colour so the gaps stand out."""
    figure = go.Figure(
        go.Heatmap(
            z=values,
            x=columns,
            y=rows,
            colorscale=[[0, "#fbe9e7"], [0.001, "#e3f2fd"], [1, "#1f5f8b"]],
            zmin=0,  # the light red is for 0 only, not for the smallest count shown
            text=values,
            texttemplate="%{text}",
            hovertemplate="%{y} × %{x}: %{z}<extra></extra>",
            showscale=False,
        )
    )
    figure.update_layout(
        title=title,
        height=max(CHART_HEIGHT, 80 + 32 * len(rows)),
        margin={"l": 10, "r": 10, "t": 40, "b": 10},
        xaxis={"side": "top", "automargin": True},
        yaxis={"automargin": True, "autorange": "reversed"},
    )
    return figure


def decision_timeline(decisions: list[Row]) -> go.Figure | None:
    """Decisions with a date as points on a time axis, one row per deciding body."""
    points = []
    for d in decisions:
        when = parse_date(d.get("date"))
        if when is None:
            continue
        points.append(
            {
                "Datum": when,
                "Organ": d.get("body")
                or ", ".join(x["name"] for x in d.get("deciders", []))
                or "Okänt organ",
                "Beslut": d["name"],
                "Beslutsdatum": swedish_date(when),
                "Diarienummer": d.get("diarienummer") or "",
            }
        )
    if not points:
        return None
    frame = pd.DataFrame(points)
    frame["Organ"] = [_short(o, 40) for o in frame["Organ"]]
    figure = px.scatter(
        frame,
        x="Datum",
        y="Organ",
        hover_data={"Beslut": True, "Beslutsdatum": True, "Diarienummer": True, "Datum": False},
        color_discrete_sequence=["#1f5f8b"],
    )
    figure.update_traces(marker={"size": 12, "symbol": "diamond"})
    figure.update_layout(
        height=max(CHART_HEIGHT, 60 + 30 * frame["Organ"].nunique()),
        margin={"l": 10, "r": 10, "t": 20, "b": 10},
        yaxis={"title": None, "automargin": True},
        xaxis={"title": None, "tickformat": "%Y"},
    )
    return figure


def wrap(text: str, width: int = 34, lines: int = 2) -> str:
    """A long name on at most ``lines`` lines of about ``width`` characters (the rest as "…"), for axis
    labels that would otherwise be cut or push the chart aside."""
    parts = textwrap.wrap(str(text), width) or [""]
    if len(parts) > lines:
        parts = parts[:lines]
        parts[-1] = _short(parts[-1] + " …", width)
    return "<br>".join(parts)


def _period(start: Any, end: Any) -> str:
    if not isinstance(start, date):
        return ""
    if not isinstance(end, date) or end.year == start.year:
        return str(start.year)
    return f"{start.year}–{end.year}"


def area_bars(
    areas: Sequence[AreaCount], title: str, unit: str = "projekt", none_name: str = NO_FOCUS_AREA
) -> go.Figure:
    """Horizontal bars per focus area, largest at the top; each bar carries its area's name (or
    ``none_name``) as customdata, so a click on it tells the page which area was chosen."""
    items = sorted(areas, key=lambda a: (a.count, a.name or ""))
    names = [a.name or none_name for a in items]
    figure = go.Figure(
        go.Bar(
            x=[a.count for a in items],
            y=[wrap(n, 40) for n in names],
            customdata=names,
            orientation="h",
            text=[a.count for a in items],
            textposition="auto",
            marker_color="#1f5f8b",
            hovertemplate=f"%{{customdata}}: %{{x}} {unit}<extra></extra>",
        )
    )
    figure.update_layout(
        title=title,
        height=max(CHART_HEIGHT - 80, 70 + 34 * len(items)),
        margin={"l": 10, "r": 10, "t": 40, "b": 10},
        xaxis={"title": f"Antal {unit}", "tickformat": "d"},
        yaxis={"automargin": True},
        clickmode="event+select",
    )
    return figure


def cluster_bars(clusters: Sequence[ClusterSummary]) -> go.Figure:
    """One bar per group of similar projects: how many projects, and on hover what they share."""
    items = list(reversed(clusters))
    figure = go.Figure(
        go.Bar(
            x=[c.size for c in items],
            y=[f"Kluster {c.number}" for c in items],
            orientation="h",
            text=[c.size for c in items],
            textposition="auto",
            marker_color="#2a9d8f",
            hovertext=[
                "<br>".join([f"Kluster {c.number}: {c.size} projekt", *(wrap(r, 60) for r in c.reasons[:4])])
                + (f"<br>Län: {', '.join(c.counties)}" if c.counties else "")
                for c in items
            ],
            hovertemplate="%{hovertext}<extra></extra>",
        )
    )
    figure.update_layout(
        title="Projekt per kluster",
        height=max(CHART_HEIGHT - 100, 70 + 30 * len(items)),
        margin={"l": 10, "r": 10, "t": 40, "b": 10},
        xaxis={"title": "Antal projekt", "tickformat": "d"},
        yaxis={"automargin": True},
        dragmode=False,
    )
    return figure


def _short(text: str, length: int = 60) -> str:
    text = str(text)
    return text if len(text) <= length else text[: length - 1].rstrip() + "…"


OVERLAP_COLOURS = ("#e76f51", "#1f5f8b", "#2a9d8f")
OVERLAP_LABELS = 30  # the projects with most pairs are named in the picture, the rest on hover


def overlap_network(net: OverlapNetwork, kind_names: dict[str, str]) -> go.Figure:
    """Projects as points (the more overlapping pairs, the larger), a line per pair coloured by the
    kind of overlap (``kind_names``: kind → its Swedish name, for the legend)."""
    place = positions([p.id for p in net.projects], [(link.a, link.b) for link in net.links])
    traces: list[go.BaseTraceType] = []
    for colour, (kind, name) in zip(OVERLAP_COLOURS, kind_names.items(), strict=False):
        xs: list[float | None] = []
        ys: list[float | None] = []
        for link in net.links:
            if link.kind == kind:
                xs += [place[link.a][0], place[link.b][0], None]
                ys += [place[link.a][1], place[link.b][1], None]
        if xs:
            traces.append(
                go.Scatter(
                    x=xs,
                    y=ys,
                    mode="lines",
                    name=name,
                    line={"color": colour, "width": 1.5},
                    hoverinfo="skip",
                )
            )
    named = {p.id for p in net.projects[:OVERLAP_LABELS]}
    traces.append(
        go.Scatter(
            x=[place[p.id][0] for p in net.projects],
            y=[place[p.id][1] for p in net.projects],
            mode="markers+text",
            name="Projekt",
            text=[_short(p.name, 26) if p.id in named else "" for p in net.projects],
            textposition="top center",
            textfont={"size": 10, "color": "#333333"},
            hovertext=[f"{p.name}<br>i {p.pairs} par som överlappar" for p in net.projects],
            hovertemplate="%{hovertext}<extra></extra>",
            marker={
                "color": "#264653",
                "size": [min(8 + 3 * p.pairs, 26) for p in net.projects],
                "line": {"color": "#ffffff", "width": 1},
            },
        )
    )
    figure = go.Figure(traces)
    figure.update_layout(
        title="Projekt som överlappar varandra",
        height=620,
        margin={"l": 10, "r": 10, "t": 40, "b": 10},
        **axes(place),
        legend={"title": {"text": "Slag av överlapp"}, "orientation": "h", "y": -0.02, "yanchor": "top"},
        plot_bgcolor="#ffffff",
        dragmode=False,
        hovermode="closest",
    )
    return figure
