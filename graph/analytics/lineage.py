"""Focus-area lineage: plans succeed each other, and a later plan's area that carries on an earlier
one is linked to it, ``(later)-[:CONTINUES]->(earlier)``.

The 2022 decision's "Personcentrering" (2023–2027) goes on in the färdplan 2024–2027 as
"Delaktighet och personcentrering"; without the link the old area looks like a gap although it is
being worked on under its new name. Two areas of one county are linked when the later period starts
after the earlier one and the later name keeps the earlier name's words (stems, stop words left
out: "Hälsofrämjande och förebyggande" → "Hälsofrämjande, förebyggande och rehabiliterande"), or
they share goals. Each earlier area gets at most one successor, the closest. A person can confirm a
link (``confirmed``); confirmed links stay whatever the computation says.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from graph.analytics.similarity import STOP_WORDS, stem, words
from graph.db import Graph, Row

_YEAR = re.compile(r"(?:19|20)\d\d")
MIN_SCORE = 0.5


@dataclass(frozen=True)
class Area:
    id: str
    name: str
    county: str | None
    start: int | None
    goals: frozenset[str]

    @property
    def stems(self) -> frozenset[str]:
        return frozenset(stem(w) for w in words(self.name) if w not in STOP_WORDS and not w.isdigit())


@dataclass(frozen=True)
class Link:
    later: str
    earlier: str
    shared_words: list[str]
    shared_goals: int
    score: float


def compute(areas: list[Area]) -> list[Link]:
    """The successor of every area that has one: the later area with the best score."""
    by_county: dict[str | None, list[Area]] = {}
    for area in areas:
        by_county.setdefault(area.county, []).append(area)
    links = []
    for earlier in areas:
        best: Link | None = None
        for later in by_county[earlier.county]:  # a county's areas only: n² per county, not nationally
            link = _link(earlier, later)
            if link is not None and (best is None or link.score > best.score):
                best = link
        if best is not None:
            links.append(best)
    return links


def _link(earlier: Area, later: Area) -> Link | None:
    if earlier.id == later.id or earlier.county != later.county:
        return None
    if earlier.start is None or later.start is None or later.start <= earlier.start:
        return None
    kept = earlier.stems & later.stems
    shared_goals = len(earlier.goals & later.goals)
    words_score = len(kept) / len(earlier.stems) if earlier.stems else 0.0
    score = max(words_score, 1.0 if shared_goals >= 2 else 0.5 * shared_goals)
    if score < MIN_SCORE:
        return None
    shared = sorted({w for w in words(later.name) if stem(w) in kept})
    return Link(later.id, earlier.id, shared, shared_goals, round(score, 3))


def _area(row: Row) -> Area:
    years = [int(y) for y in _YEAR.findall(str(row["period"] or ""))]
    goals = frozenset(g for g in row["goals"] if g)
    return Area(row["id"], row["name"] or "", row["county"], min(years) if years else None, goals)


def refresh_lineage(graph: Graph) -> int:
    """Compute and store the CONTINUES links; returns how many there are."""
    links = compute([_area(row) for row in graph.read("analytics/lineage_input")])
    rows = [link.__dict__ for link in links]
    graph.write("analytics/lineage_write", rows=rows)
    return len(rows)
