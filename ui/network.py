"""The network pictures: nodes and links from the relationships of the expanded nodes, laid out
and drawn with plotly (labelled nodes, colour and shape by kind and status, a Swedish legend).
Pure functions; the page keeps which nodes are expanded and which one was clicked."""

from __future__ import annotations

import random
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import igraph
import plotly.graph_objects as go

from domain.readable import plain_text
from ui.vocabulary import RELATION_NAMES, label_name

Row = dict[str, Any]
MAX_NODES = 150
LABEL_LENGTH = 26
LAYOUT_SEED = 7
STYLES: dict[str, tuple[str, str]] = {  # label → (colour, plotly marker symbol)
    "Project": ("#1f5f8b", "circle"),
    "Actor": ("#e76f51", "square"),
    "FocusArea": ("#2a9d8f", "diamond"),
    "Goal": ("#8ab17d", "star"),
    "GoalArea": ("#287271", "hexagon"),
    "Indicator": ("#f4a261", "triangle-up"),
    "Measure": ("#c9a227", "triangle-down"),
    "Decision": ("#6d597a", "pentagon"),
    "TargetGroup": ("#b56576", "hexagram"),
    "County": ("#555555", "octagon"),
    "Document": ("#8d99ae", "square-open"),
}
OTHER_STYLE = ("#8d99ae", "circle-open")
# a project's colour tells its status (the same colours as the overview's timeline)
STATUS_COLOURS = {
    "pågående": "#2a9d8f",
    "planerad": "#e9c46a",
    "avslutad": "#8d99ae",
    "okänd": "#c9c9c9",
}


@dataclass
class Node:
    id: str
    label: str
    name: str  # the full name, as plain text
    status: str | None = None
    centre: bool = False

    @property
    def kind(self) -> str:
        return label_name(self.label)

    @property
    def short(self) -> str:
        return short(self.name, LABEL_LENGTH)


@dataclass
class Link:
    source: str
    target: str
    name: str  # the relationship in Swedish, read from source to target


@dataclass
class Picture:
    nodes: list[Node] = field(default_factory=list)
    links: list[Link] = field(default_factory=list)

    def node(self, node_id: str | None) -> Node | None:
        return next((n for n in self.nodes if n.id == node_id), None)

    def links_of(self, node_id: str) -> list[tuple[str, Node]]:
        """(relationship as seen from the node, the other node) for every link of the node drawn."""
        found = []
        for link in self.links:
            if node_id not in (link.source, link.target):
                continue
            outgoing = link.source == node_id
            other = self.node(link.target if outgoing else link.source)
            if other is not None:
                found.append((relation_text(link.name, outgoing), other))
        return found


def short(text: str | None, length: int = 40) -> str:
    text = str(text or "")
    return text if len(text) <= length else text[: length - 1].rstrip() + "…"


def relation_text(rel_type: str, outgoing: bool) -> str:
    names = RELATION_NAMES.get(rel_type)
    if not names:
        return "kopplad till"
    return names[0] if outgoing else names[-1]


def picture(centres: list[Row], relations: list[Row], max_nodes: int = MAX_NODES) -> Picture:
    """Nodes (the centres first, then neighbours up to ``max_nodes``) and the links between them."""
    nodes: dict[str, Node] = {}
    for centre in centres:
        nodes[centre["id"]] = _node(centre["id"], centre["label"], centre["name"], centre.get("status"))
        nodes[centre["id"]].centre = True
    links: dict[tuple[str, str, str], Link] = {}
    for relation in relations:
        other = relation["other_id"]
        if other not in nodes:
            if len(nodes) >= max_nodes:
                continue
            nodes[other] = _node(
                other, relation["other_label"], relation["other_name"], relation.get("other_status")
            )
        source, target = (relation["node"], other) if relation["outgoing"] else (other, relation["node"])
        links[(source, relation["type"], target)] = Link(source, target, relation["type"])
    return Picture(list(nodes.values()), list(links.values()))


def _node(node_id: str, label: str | None, name: str | None, status: str | None) -> Node:
    return Node(node_id, label or "Entity", plain_text(name) or label_name(label), status)


def positions(node_ids: Sequence[str], edges: Sequence[tuple[str, str]]) -> dict[str, tuple[float, float]]:
    """A force-directed layout (igraph's Fruchterman–Reingold), the same for the same picture."""
    index = {node: i for i, node in enumerate(node_ids)}
    if len(index) == 1:
        return {node_ids[0]: (0.0, 0.0)}
    graph = igraph.Graph(
        n=len(index), edges=[(index[a], index[b]) for a, b in edges if a in index and b in index]
    )
    state = random.getstate()
    random.seed(LAYOUT_SEED)
    try:
        layout = graph.layout_fruchterman_reingold(niter=500)
    finally:
        random.setstate(state)
    return {node: (float(layout[i][0]), float(layout[i][1])) for node, i in index.items()}


def axes(place: dict[str, tuple[float, float]], pad: float = 0.22) -> dict[str, Any]:
    """Hidden axes with room around the points, so that labels at the edge are not cut."""
    xs = [x for x, _ in place.values()] or [0.0]
    ys = [y for _, y in place.values()] or [0.0]
    width, height = max(max(xs) - min(xs), 1.0), max(max(ys) - min(ys), 1.0)
    return {
        "xaxis": {"visible": False, "range": [min(xs) - pad * width, max(xs) + pad * width]},
        "yaxis": {"visible": False, "range": [min(ys) - 0.08 * height, max(ys) + 0.12 * height]},
    }


def style_of(node: Node) -> tuple[str, str, str]:
    """(legend entry, colour, symbol): projects by status, every other node by its kind."""
    colour, symbol = STYLES.get(node.label, OTHER_STYLE)
    if node.label == "Project":
        status = node.status if node.status in STATUS_COLOURS else "okänd"
        return f"{node.kind}, {status}", STATUS_COLOURS[status], symbol
    return node.kind, colour, symbol


def figure(
    nodes: Sequence[Node],
    links: Sequence[tuple[str, str]],
    height: int = 560,
    hover: dict[str, str] | None = None,
    chosen: str | None = None,
) -> go.Figure:
    """Labelled nodes (short names, the full name on hover) and grey links; one legend entry per
    kind (and project status). Each marker carries its node id as customdata, for click events."""
    place = positions([n.id for n in nodes], links)
    xs: list[float | None] = []
    ys: list[float | None] = []
    for a, b in links:
        if a in place and b in place:
            xs += [place[a][0], place[b][0], None]
            ys += [place[a][1], place[b][1], None]
    traces: list[go.BaseTraceType] = [
        go.Scatter(
            x=xs,
            y=ys,
            mode="lines",
            line={"color": "#c8ccd2", "width": 1},
            hoverinfo="skip",
            showlegend=False,
        )
    ]
    groups: dict[str, list[Node]] = {}
    style: dict[str, tuple[str, str]] = {}
    for node in nodes:
        entry, colour, symbol = style_of(node)
        groups.setdefault(entry, []).append(node)
        style[entry] = (colour, symbol)
    for entry, members in groups.items():
        colour, symbol = style[entry]
        traces.append(
            go.Scatter(
                x=[place[n.id][0] for n in members],
                y=[place[n.id][1] for n in members],
                mode="markers+text",
                name=entry,
                text=[f"<b>{n.short}</b>" if n.centre or n.id == chosen else n.short for n in members],
                textposition="top center",
                textfont={"size": 11, "color": "#333333"},
                hovertext=[(hover or {}).get(n.id) or f"{n.name}<br>{n.kind}" for n in members],
                hovertemplate="%{hovertext}<extra></extra>",
                customdata=[n.id for n in members],
                marker={
                    "color": colour,
                    "symbol": symbol,
                    "size": [24 if n.centre else 18 if n.id == chosen else 14 for n in members],
                    "line": {
                        "color": ["#222222" if n.id == chosen else "#ffffff" for n in members],
                        "width": 2,
                    },
                },
            )
        )
    fig = go.Figure(traces)
    fig.update_layout(
        height=height,
        margin={"l": 10, "r": 10, "t": 10, "b": 10},
        **axes(place),
        legend={"title": {"text": "Förklaring"}, "orientation": "h", "y": -0.02, "yanchor": "top"},
        plot_bgcolor="#ffffff",
        hovermode="closest",
        clickmode="event+select",
    )
    return fig
