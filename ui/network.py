"""The network view's data: graph elements for st-link-analysis from the relationships of the
expanded nodes, and its styles. Pure functions; the page keeps which nodes are expanded."""

from __future__ import annotations

from typing import Any

from st_link_analysis import EdgeStyle, NodeStyle

from domain.readable import plain_text
from ui.vocabulary import LABEL_NAMES, RELATION_NAMES, label_name

Row = dict[str, Any]
MAX_NODES = 150
STYLES: dict[str, tuple[str, str]] = {  # label → (colour, material icon)
    "Project": ("#1f5f8b", "folder"),
    "Actor": ("#e76f51", "account_balance"),
    "FocusArea": ("#2a9d8f", "flag"),
    "Goal": ("#8ab17d", "assured_workload"),
    "GoalArea": ("#287271", "flag"),
    "Indicator": ("#f4a261", "analytics"),
    "Measure": ("#e9c46a", "monitor"),
    "Decision": ("#6d597a", "description"),
    "TargetGroup": ("#b56576", "group"),
    "County": ("#555555", "place"),
}


def short(text: str | None, length: int = 40) -> str:
    text = str(text or "")
    return text if len(text) <= length else text[: length - 1].rstrip() + "…"


def elements(centres: list[Row], relations: list[Row], max_nodes: int = MAX_NODES) -> dict[str, list[Row]]:
    """Nodes (the centres first, then neighbours up to ``max_nodes``) and the edges between them."""
    nodes: dict[str, Row] = {}
    for centre in centres:
        nodes[centre["id"]] = _node(centre["id"], centre["label"], centre["name"])
    edges: dict[str, Row] = {}
    for relation in relations:
        other = relation["other_id"]
        if other not in nodes:
            if len(nodes) >= max_nodes:
                continue
            nodes[other] = _node(other, relation["other_label"], relation["other_name"])
        source, target = (relation["node"], other) if relation["outgoing"] else (other, relation["node"])
        key = f"{source}|{relation['type']}|{target}"
        edges[key] = {
            "data": {
                "id": key,
                "source": source,
                "target": target,
                "label": relation["type"],
                "name": RELATION_NAMES.get(relation["type"], (relation["type"],))[0],
            }
        }
    return {"nodes": list(nodes.values()), "edges": list(edges.values())}


def _node(node_id: str, label: str | None, name: str | None) -> Row:
    name = plain_text(name) or label_name(label)
    return {
        "data": {
            "id": node_id,
            "label": label or "Entity",
            "name": short(name),
            "typ": label_name(label),
            "fullname": name,
        }
    }


def node_styles() -> list[NodeStyle]:
    return [NodeStyle(label, colour, "name", icon) for label, (colour, icon) in STYLES.items()]


def edge_styles() -> list[EdgeStyle]:
    return [EdgeStyle(rel_type, caption="name", directed=True) for rel_type in RELATION_NAMES]


def legend() -> str:
    return " ".join(
        f"<span style='color:{colour}'>●</span> {LABEL_NAMES[label]}" for label, (colour, _) in STYLES.items()
    )
