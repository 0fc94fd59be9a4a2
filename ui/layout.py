"""Where points of a drawn network go: a force-directed layout that is the same for the same
picture, and hidden axes with room for the labels at the edge."""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Any

import igraph


def positions(node_ids: Sequence[str], edges: Sequence[tuple[str, str]]) -> dict[str, tuple[float, float]]:
    """A force-directed layout (igraph's Kamada–Kawai), the same for the same picture.

    It starts from the nodes on a circle and uses no random numbers: a picture that moved on every
    rerun would be a new chart to Streamlit, which then forgets a click on it."""
    index = {node: i for i, node in enumerate(node_ids)}
    if len(index) == 1:
        return {node_ids[0]: (0.0, 0.0)}
    graph = igraph.Graph(
        n=len(index), edges=[(index[a], index[b]) for a, b in edges if a in index and b in index]
    )
    start = [
        [math.cos(2 * math.pi * i / len(index)), math.sin(2 * math.pi * i / len(index))]
        for i in range(len(index))
    ]
    layout = graph.layout_kamada_kawai(seed=start)
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
