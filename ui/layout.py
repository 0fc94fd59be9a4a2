"""Where points of a drawn network go: a force-directed layout that is the same for the same
picture, and hidden axes with room for the labels at the edge."""

from __future__ import annotations

import random
from collections.abc import Sequence
from typing import Any

import igraph

LAYOUT_SEED = 7


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
