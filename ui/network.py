"""The network view's picture: which nodes and links are drawn around the expanded nodes, and
the plotly figure that draws them, labelled, coloured by kind and styled by status. Pure
functions; the page keeps which nodes are expanded and which one was clicked."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import plotly.graph_objects as go

from domain.readable import plain_text
from ui.layout import axes, positions
from ui.vocabulary import LABEL_NAMES, RELATION_NAMES, label_name

Row = dict[str, Any]
MAX_NODES = 150
LABELLED_NODES = 60  # above this, only the expanded nodes and the most linked ones carry a name
COLOURS: dict[str, str] = {
    "Project": "#1f5f8b",
    "Actor": "#e76f51",
    "FocusArea": "#2a9d8f",
    "Goal": "#8ab17d",
    "GoalArea": "#287271",
    "Indicator": "#f4a261",
    "Measure": "#c9a227",
    "Decision": "#6d597a",
    "TargetGroup": "#b56576",
    "County": "#555555",
}
SYMBOLS: dict[str, str] = {
    "Project": "circle",
    "Actor": "diamond",
    "FocusArea": "square",
    "Goal": "triangle-up",
    "GoalArea": "square",
    "Indicator": "star",
    "Measure": "star",
    "Decision": "hexagon",
    "TargetGroup": "pentagon",
    "County": "cross",
}
# A status as the graph writes it → how it is drawn: planned ones as a ring, finished ones faded.
PLANNED = frozenset({"planerad", "planerat", "planned"})
FINISHED = frozenset({"avslutad", "avslutat", "finished", "uppföljd"})
STATUS_KEY = "Fylld: pågående eller utan status · ring: planerad · blek: avslutad"


@dataclass(frozen=True)
class DrawnNode:
    id: str
    label: str
    name: str
    status: str | None

    @property
    def kind_name(self) -> str:
        return label_name(self.label)


@dataclass(frozen=True)
class DrawnLink:
    source: str
    target: str
    type: str

    @property
    def name(self) -> str:
        return RELATION_NAMES.get(self.type, (self.type,))[0]


@dataclass(frozen=True)
class Picture:
    nodes: list[DrawnNode]
    links: list[DrawnLink]

    def node(self, node_id: str | None) -> DrawnNode | None:
        return next((n for n in self.nodes if n.id == node_id), None)

    def links_of(self, node_id: str) -> list[tuple[DrawnLink, DrawnNode]]:
        """Each link of the node within the picture, with the node at its other end."""
        found = []
        for link in self.links:
            other = link.target if link.source == node_id else link.source if link.target == node_id else None
            other_node = self.node(other)
            if other_node is not None:
                found.append((link, other_node))
        return found


def picture(centre: DrawnNode, relations: list[Row], max_nodes: int = MAX_NODES) -> Picture:
    """The centre first, then the neighbours of the expanded nodes up to ``max_nodes``, and the
    links between the drawn nodes (once each)."""
    nodes: dict[str, DrawnNode] = {centre.id: centre}
    links: dict[tuple[str, str, str], DrawnLink] = {}
    for relation in relations:
        other = relation["other_id"]
        if other not in nodes:
            if len(nodes) >= max_nodes:
                continue
            label = relation["other_label"] or "Entity"
            nodes[other] = DrawnNode(
                other,
                label,
                plain_text(relation["other_name"]) or label_name(label),
                relation.get("other_status"),
            )
        source, target = (relation["node"], other) if relation["outgoing"] else (other, relation["node"])
        links.setdefault((source, relation["type"], target), DrawnLink(source, target, relation["type"]))
    return Picture(list(nodes.values()), list(links.values()))


def short(text: str, length: int = 28) -> str:
    return text if len(text) <= length else text[: length - 1].rstrip() + "…"


def figure(pic: Picture, expanded: set[str], chosen: str | None = None) -> go.Figure:
    """Links as grey lines, nodes as one trace per kind (its legend entry) with the node's id as
    customdata, so a click tells the page which node it was."""
    place = positions([n.id for n in pic.nodes], [(link.source, link.target) for link in pic.links])
    degree: dict[str, int] = {}
    for link in pic.links:
        degree[link.source] = degree.get(link.source, 0) + 1
        degree[link.target] = degree.get(link.target, 0) + 1
    ranked = sorted(pic.nodes, key=lambda n: (n.id not in expanded, -degree.get(n.id, 0)))
    named = {n.id for n in ranked[:LABELLED_NODES]}
    line_x: list[float | None] = []
    line_y: list[float | None] = []
    for link in pic.links:
        line_x += [place[link.source][0], place[link.target][0], None]
        line_y += [place[link.source][1], place[link.target][1], None]
    traces: list[go.BaseTraceType] = [
        go.Scatter(
            x=line_x,
            y=line_y,
            mode="lines",
            line={"color": "#b8b8b8", "width": 1},
            hoverinfo="skip",
            showlegend=False,
        )
    ]
    for label in dict.fromkeys(n.label for n in pic.nodes):
        group = [n for n in pic.nodes if n.label == label]
        traces.append(_kind_trace(label, group, place, expanded, named, chosen))
    fig = go.Figure(traces)
    fig.update_layout(
        height=560,
        margin={"l": 10, "r": 10, "t": 10, "b": 10},
        **axes(place),
        legend={
            "orientation": "h",
            "y": -0.02,
            "yanchor": "top",
            "itemclick": False,
            "itemdoubleclick": False,
        },
        plot_bgcolor="#ffffff",
        hovermode="closest",
        clickmode="event+select",
    )
    return fig


def _kind_trace(
    label: str,
    group: list[DrawnNode],
    place: dict[str, tuple[float, float]],
    expanded: set[str],
    named: set[str],
    chosen: str | None,
) -> go.Scatter:
    colour = COLOURS.get(label, "#777777")
    symbol = SYMBOLS.get(label, "circle")
    status = [(n.status or "").strip().lower() for n in group]
    return go.Scatter(
        x=[place[n.id][0] for n in group],
        y=[place[n.id][1] for n in group],
        mode="markers+text",
        name=LABEL_NAMES.get(label, label_name(label)),
        customdata=[n.id for n in group],
        text=[short(n.name) if n.id in named else "" for n in group],
        textposition="bottom center",
        textfont={"size": 11, "color": "#222222"},
        hovertext=[_hover(n) for n in group],
        hovertemplate="%{hovertext}<extra></extra>",
        marker={
            "color": colour,
            "symbol": [f"{symbol}-open" if s in PLANNED else symbol for s in status],
            "size": [22 if n.id in expanded else 15 for n in group],
            "opacity": [0.4 if s in FINISHED else 1.0 for s in status],
            "line": {
                "color": ["#111111" if n.id == chosen else "#ffffff" for n in group],
                "width": [3 if n.id == chosen else 1 for n in group],
            },
        },
    )


def _hover(node: DrawnNode) -> str:
    status = f"<br>Status: {node.status}" if node.status else ""
    return f"{node.kind_name}: {node.name}{status}<br>Klicka för mer"
