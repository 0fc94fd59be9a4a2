"""The Indikatorer page's chart: one measure over time, a line per municipality, with the county
(region or län) and the whole country beside them where they have values.

Pure plotly, no database: give it the rows of ``graph.indicators.measure_values``.
"""

from __future__ import annotations

from typing import Any

import plotly.graph_objects as go

Row = dict[str, Any]
LEVEL_ORDER = {"kommun": 0, "region": 1, "län": 1, "riket": 2}
NATIONAL_COLOUR = "#222222"
COUNTY_COLOUR = "#b5121b"


def measure_figure(
    values: list[Row],
    title: str = "",
    county: str | None = None,
    municipalities: list[str] | None = None,
    gender: str = "T",
) -> go.Figure:
    """Lines over the periods: municipalities (of ``county`` when given, or only ``municipalities``),
    the county level dashed and the country dotted. An empty chart says so in Swedish."""
    rows = [r for r in values if r.get("gender", "T") == gender and not r.get("superseded")]
    if county is not None:
        rows = [r for r in rows if r["area_kind"] == "riket" or r["county"] == county]
    if municipalities is not None:
        rows = [r for r in rows if r["area_kind"] != "kommun" or r["area"] in municipalities]
    figure = go.Figure()
    periods = sorted({r["period"] for r in rows})
    units = sorted({r["unit"] for r in rows if r.get("unit")})
    for area, kind in sorted(
        {(r["area"], r["area_kind"]) for r in rows}, key=lambda a: (LEVEL_ORDER[a[1]], a[0])
    ):
        series = sorted(
            (r for r in rows if r["area"] == area and r["area_kind"] == kind), key=lambda r: r["period"]
        )
        figure.add_trace(
            go.Scatter(
                x=[r["period"] for r in series],
                y=[r["value"] for r in series],
                name=area,
                mode="lines+markers",
                line=_line(kind),
                customdata=[[r.get("source") or r.get("file") or "", r.get("version", 1)] for r in series],
                hovertemplate=f"{area}<br>%{{x}}: %{{y}}<br>källa: %{{customdata[0]}}<extra></extra>",
            )
        )
    figure.update_layout(
        title=title,
        xaxis={"title": "Period", "type": "category", "categoryorder": "array", "categoryarray": periods},
        yaxis={"title": ", ".join(units) or "Värde"},
        legend={"title": "Område"},
        hovermode="closest",
    )
    if not rows:
        figure.add_annotation(
            text="Inga värden för måttet ännu", showarrow=False, x=0.5, y=0.5, xref="paper", yref="paper"
        )
    return figure


def _line(kind: str) -> dict[str, Any]:
    if kind == "riket":
        return {"dash": "dot", "width": 3, "color": NATIONAL_COLOUR}
    if kind in ("region", "län"):
        return {"dash": "dash", "width": 3, "color": COUNTY_COLOUR}
    return {"width": 2}
