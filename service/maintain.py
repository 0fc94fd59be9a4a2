"""The writes the product offers, by name: edit, create, delete, relate, merge and split, review,
the brevlåda, undo and the Excel round trip.

Each operation is one transaction of ``graph.maintain`` (which records who did what); after a
write that succeeded, ``written`` is called, so that the caller's cached reads (``service.reads``)
follow at once. The CLI calls these, and so does the app for the operations it has moved here.
Failures are ``graph.maintain.MaintainError`` with a Swedish ``message``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, BinaryIO, TypeVar

from domain.model import REVIEW_THRESHOLD
from graph.db import Graph
from graph.maintain import Conflict, MaintainError, edit, excel, history, merge, review, satsning, undo
from graph.maintain.history import ACTION_TITLES, Change, value_changes
from graph.maintain.names import DUPLICATE_THRESHOLD
from graph.maintain.review import DuplicatePair
from graph.maintain.satsning import Satsning, SimilarExists

# What callers of the service catch and read: its refusals and result types, defined below it.
__all__ = [
    "ACTION_TITLES",
    "REVIEW_THRESHOLD",
    "Change",
    "Conflict",
    "DuplicatePair",
    "MaintainError",
    "Maintenance",
    "NodeRecord",
    "ReviewItem",
    "Satsning",
    "Saved",
    "SimilarExists",
    "value_changes",
]

T = TypeVar("T")


@dataclass(frozen=True)
class NodeRecord:
    """A node as an editor opens it: ``version`` is what a save must name (optimistic locking)."""

    id: str
    label: str
    properties: dict[str, Any]
    version: int


@dataclass(frozen=True)
class Saved:
    """The outcome of a save: the node's version now, and the recorded change (None: nothing changed)."""

    version: int
    change: str | None
    properties: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class ReviewItem:
    """An extraction in the review queue: low confidence and not yet looked at."""

    id: str
    label: str
    name: str
    confidence: float
    version: int
    quotes: tuple[str, ...]


class Maintenance:
    """``written`` is called after each write that succeeded (for the app: remember the session's
    own write generation; for the CLI: nothing)."""

    def __init__(self, graph: Graph, written: Callable[[], object] = lambda: None) -> None:
        self.graph = graph
        self._written = written

    def _wrote(self, result: T) -> T:
        self._written()
        return result

    # --- nodes and relationships -----------------------------------------------------------------

    def node(self, node_id: str) -> NodeRecord | None:
        row = edit.get_node(self.graph, node_id)
        if row is None:
            return None
        return NodeRecord(row["id"], row["label"], dict(row["properties"]), int(row["version"] or 0))

    def nodes(self, label: str) -> list[dict[str, Any]]:
        """Every node of a label, by name (``id``, ``name``, ``county``): what a picker lists."""
        return edit.nodes_by_label(self.graph, label)

    def relationships(self, node_id: str) -> list[dict[str, Any]]:
        """The node's relationships as the edit page lists them (type, direction, other end, origin)."""
        return edit.relationships_of(self.graph, node_id)

    def mentions(self, node_id: str, limit: int = 50) -> list[dict[str, Any]]:
        """Where the documents mention the node: document, page, quote and its place in the text."""
        return edit.mentions_of(self.graph, node_id, limit=limit)

    def update(self, node_id: str, changes: dict[str, Any], expected_version: int, user: str) -> Saved:
        """Save changed properties; ``Conflict`` when someone saved after ``expected_version``."""
        row = edit.update_node(self.graph, node_id, changes, expected_version, user)
        return self._wrote(Saved(int(row["version"]), row["change"], dict(row["properties"])))

    def create(self, label: str, properties: dict[str, Any], user: str) -> str:
        """A new node made by hand; returns its id."""
        return self._wrote(edit.create_node(self.graph, label, properties, user))

    def delete(self, node_id: str, user: str) -> str:
        """Delete a node and its relationships; returns the change id (undo restores it)."""
        return self._wrote(edit.delete_node(self.graph, node_id, user))

    def relate(self, rel_type: str, start: str, end: str, user: str, role: str = "") -> None:
        edit.relate(self.graph, rel_type, start, end, user, {"role": role} if role else None)
        self._written()

    def unrelate(self, rel_type: str, start: str, end: str, user: str) -> None:
        edit.unrelate(self.graph, rel_type, start, end, user)
        self._written()

    # --- merge and split -------------------------------------------------------------------------

    def merge(self, keep: str, drop: str, user: str) -> str:
        """Merge ``drop`` into ``keep``; returns the change id (``split`` takes it back)."""
        return self._wrote(merge.merge(self.graph, keep, drop, user))

    def split(self, change_id: str, user: str) -> str:
        return self._wrote(merge.split(self.graph, change_id, user))

    # --- review ----------------------------------------------------------------------------------

    def review_queue(self, threshold: float = REVIEW_THRESHOLD, limit: int = 200) -> list[ReviewItem]:
        return [
            ReviewItem(
                r["id"], r["label"], r["name"], float(r["confidence"]), int(r["version"]), tuple(r["quotes"])
            )
            for r in review.low_confidence(self.graph, threshold=threshold, limit=limit)
        ]

    def accept(self, node_id: str, user: str, expected_version: int | None = None) -> None:
        """The extraction is right: it leaves the queue. Without ``expected_version``, the version
        read now (a script that accepts what it just listed)."""
        if expected_version is None:
            found = self.node(node_id)
            if found is None:
                raise MaintainError("Posten finns inte längre.")
            expected_version = found.version
        review.accept(self.graph, node_id, expected_version, user)
        self._written()

    def reject(self, node_id: str, user: str) -> str:
        """The extraction is wrong: the node goes; returns the change id (undo brings it back)."""
        return self._wrote(review.reject(self.graph, node_id, user))

    def duplicates(self, threshold: float = DUPLICATE_THRESHOLD) -> list[DuplicatePair]:
        return review.duplicates(self.graph, threshold=threshold)

    def mark_distinct(self, a: str, b: str) -> None:
        review.mark_distinct(self.graph, a, b)
        self._written()

    # --- joint investments (satsningar) and their process states --------------------------------

    def create_satsning(self, form: Satsning, user: str, allow_similar: bool = False) -> str:
        """The template's project with its links; ``SimilarExists`` unless ``allow_similar``."""
        return self._wrote(satsning.create(self.graph, form, user, allow_similar=allow_similar))

    def set_state(self, project: str, state: str, expected_version: int, user: str) -> Saved:
        """Move a project to a process state (and the matching status)."""
        row = satsning.set_state(self.graph, project, state, expected_version, user)
        return self._wrote(Saved(int(row["version"]), row["change"], dict(row["properties"])))

    def state_history(self, project: str) -> list[dict[str, Any]]:
        return satsning.state_history(self.graph, project)

    def readiness(self, project: str, properties: dict[str, Any]) -> dict[str, bool]:
        """The five criteria of a joint investment, each met or not, for the project as it is."""
        return satsning.readiness(properties, self.relationships(project))

    # --- the brevlåda ----------------------------------------------------------------------------

    def suggest(self, kind: str, title: str, text: str, user: str) -> str:
        return self._wrote(review.submit(self.graph, kind, title, text, user))

    def suggestions(self) -> list[dict[str, Any]]:
        return review.open_suggestions(self.graph)

    def accept_suggestion(self, suggestion_id: str, user: str, county: str = "") -> str:
        """The suggestion becomes a project in state idé/behov; returns the project id."""
        return self._wrote(review.accept_suggestion(self.graph, suggestion_id, user, county))

    def reject_suggestion(self, suggestion_id: str, user: str) -> None:
        review.reject_suggestion(self.graph, suggestion_id, user)
        self._written()

    # --- history, undo and the Excel round trip --------------------------------------------------

    def history(self, node_id: str | None = None, user: str | None = None, limit: int = 50) -> list[Change]:
        return history.history(self.graph, node_id=node_id, user=user, limit=limit)

    def undo(self, change_id: str, user: str) -> str:
        return self._wrote(undo.undo(self.graph, change_id, user))

    def export_workbook(self, target: Path | BinaryIO) -> dict[str, int]:
        return excel.write_xlsx(self.graph, target)

    def import_workbook(
        self, source: Path | BinaryIO, user: str | None = None, name: str | None = None
    ) -> excel.ImportReport:
        """``name`` names an upload held in memory in the history."""
        return self._wrote(excel.import_xlsx(self.graph, source, user=user, name=name))
