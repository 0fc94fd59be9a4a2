"""The review queue: low-confidence extractions, suggested duplicates, and the brevlåda."""

from __future__ import annotations

import uuid
from collections import defaultdict
from dataclasses import dataclass

import numpy
from rapidfuzz import fuzz, process

from domain.ids import name_key
from domain.model import REVIEW_THRESHOLD
from domain.states import DuplicateReason
from graph.db import Graph, run
from graph.maintain import MaintainError, history
from graph.maintain.edit import Row, delete_in, update_in
from graph.maintain.names import DUPLICATE_THRESHOLD, duplicate_reason
from graph.maintain.satsning import Satsning, create_in_tx

SUGGESTION_KINDS = ("idé", "behov")


def low_confidence(graph: Graph, threshold: float = REVIEW_THRESHOLD, limit: int = 200) -> list[Row]:
    return graph.read("maintain/low_confidence", threshold=threshold, limit=limit)


def accept(graph: Graph, node_id: str, expected_version: int, user: str) -> None:
    """The extraction is right: it leaves the queue (``reviewed``), recorded as a ``review`` change."""

    def work(tx) -> None:
        rows = run(tx, "maintain/node", id=node_id)
        if not rows:
            raise MaintainError("Posten finns inte längre.")
        changes = {"reviewed": True, "reviewed_by": user, "reviewed_at": history.now()}
        update_in(tx, node_id, changes, expected_version, user, action="review", protect=False)

    graph.run_write(work)


def reject(graph: Graph, node_id: str, user: str) -> str:
    """The extraction is wrong: the node goes (undo brings it back with all its relationships)."""
    return graph.run_write(lambda tx: delete_in(tx, node_id, user, action="delete"))


# --- duplicates ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class DuplicatePair:
    label: str
    a: str
    a_name: str
    b: str
    b_name: str
    score: float
    reason: DuplicateReason
    addition: str = ""  # with ADDITION: the words one name has beyond the other ("i Sörmland")


def duplicates(graph: Graph, threshold: float = DUPLICATE_THRESHOLD) -> list[DuplicatePair]:
    """Pairs of the same label (and county) with similar names that may be one post
    (``duplicate_reason``), not marked as different."""
    groups: dict[tuple[str, str | None], list[Row]] = defaultdict(list)
    for row in graph.read("maintain/dedup_names"):
        groups[(row["label"], row["county"])].append(row)
    pairs = []
    for (label, _), rows in groups.items():
        for a, b, score in _similar_pairs([name_key(r["name"]) for r in rows], threshold):
            first, second = sorted((rows[a], rows[b]), key=lambda r: r["id"])
            if second["id"] in first["distinct_from"] or first["id"] in second["distinct_from"]:
                continue
            why = duplicate_reason(first["name"], second["name"], score)
            if why is None:
                continue
            reason, addition = why
            pair = DuplicatePair(
                label, first["id"], first["name"], second["id"], second["name"], score, reason, addition
            )
            pairs.append(pair)
    return sorted(pairs, key=lambda p: (-p.score, p.label, p.a_name))


SIMILARITY_BLOCK = 500  # names compared at once: a block × all names of uint8 scores in memory


def _similar_pairs(keys: list[str], threshold: float) -> list[tuple[int, int, float]]:
    """Index pairs (i < j) whose ``fuzz.token_sort_ratio`` is at least ``threshold``. The tokens are
    sorted once per name and the pairs scored by rapidfuzz's ``cdist`` in C++ (token_sort_ratio is
    ratio of the sorted tokens): a county's 8 000 project names are 32 million pairs."""
    ordered = [" ".join(sorted(key.split())) for key in keys]
    found = []
    for start in range(0, len(ordered), SIMILARITY_BLOCK):
        block = ordered[start : start + SIMILARITY_BLOCK]
        scores = process.cdist(
            block, ordered[start:], scorer=fuzz.ratio, score_cutoff=threshold, dtype=numpy.uint8, workers=-1
        )
        for i, j in zip(*numpy.nonzero(scores), strict=True):
            a, b = start + int(i), start + int(j)
            if a < b:
                score = fuzz.ratio(ordered[a], ordered[b])  # exact, not rounded to uint8
                if score >= threshold:
                    found.append((a, b, score))
    return found


def mark_distinct(graph: Graph, a: str, b: str) -> None:
    """A suggested duplicate pair that is not one: never suggested again."""
    graph.write("maintain/mark_distinct", a=a, b=b)


# --- the brevlåda -------------------------------------------------------------------------------


def submit(graph: Graph, kind: str, title: str, text: str, user: str) -> str:
    if kind not in SUGGESTION_KINDS:
        raise MaintainError("Välj idé eller behov.")
    if not title.strip():
        raise MaintainError("Skriv en rubrik.")
    suggestion_id = f"suggestion-{uuid.uuid4().hex[:12]}"
    graph.write(
        "maintain/submit_suggestion",
        id=suggestion_id,
        kind=kind,
        title=title.strip(),
        text=text.strip(),
        user=user,
        at=history.now(),
    )
    return suggestion_id


def open_suggestions(graph: Graph) -> list[Row]:
    return [row["suggestion"] for row in graph.read("maintain/open_suggestions")]


def accept_suggestion(graph: Graph, suggestion_id: str, user: str, county: str = "") -> str:
    """The suggestion becomes a project in state idé/behov; returns the project id."""
    rows = [s for s in open_suggestions(graph) if s["id"] == suggestion_id]
    if not rows:
        raise MaintainError("Förslaget är redan hanterat.")
    suggestion = rows[0]
    satsning = Satsning(name=suggestion["title"], description=suggestion.get("text", ""), county=county)

    def work(tx) -> str:
        project = create_in_tx(tx, satsning, user)
        closed = run(
            tx,
            "maintain/close_suggestion",
            id=suggestion_id,
            status="accepterad",
            user=user,
            at=history.now(),
            project=project,
        )
        if not closed:  # someone handled it in the meantime: nothing is written
            raise MaintainError("Förslaget är redan hanterat.")
        return project

    return graph.run_write(work)


def reject_suggestion(graph: Graph, suggestion_id: str, user: str) -> None:
    rows = graph.write(
        "maintain/close_suggestion",
        id=suggestion_id,
        status="avvisad",
        user=user,
        at=history.now(),
        project=None,
    )
    if not rows:
        raise MaintainError("Förslaget är redan hanterat.")
