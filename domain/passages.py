"""Quoted passages in a page's text: where a quote stands (by its stored offsets, or found again
by its words) and the page cut into plain and marked pieces, so a reader can check a fact in place."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

# a quote found again by its first words only (the longer first): enough to be unique on a page,
# short enough to survive a quote that was cut or cleaned at its end
LOCATE_WORDS = (12, 6)


@dataclass(frozen=True)
class Mark:
    """One passage to mark on a page: [start, end) in the page text and what was read there."""

    start: int
    end: int
    label: str = ""
    name: str = ""
    node_id: str = ""


@dataclass(frozen=True)
class Piece:
    """A run of page text and the marks that cover all of it (none: plain text)."""

    text: str
    start: int
    marks: tuple[Mark, ...] = field(default_factory=tuple)

    @property
    def end(self) -> int:
        return self.start + len(self.text)


def locate(text: str, quote: str, start: int = -1, end: int = -1) -> tuple[int, int] | None:
    """Where ``quote`` stands in ``text``: the stored offsets when they fit, else the quote's
    words found again with any white space between them (a quote is stored with its spaces
    folded), else its first words; None when the page does not hold it."""
    if 0 <= start < end <= len(text):
        return start, end
    words = quote.split()
    if not words:
        return None
    for wanted in (words, *(words[:n] for n in LOCATE_WORDS if n < len(words))):
        found = re.search(r"\s+".join(map(re.escape, wanted)), text)
        if found:
            return found.start(), found.end()
    return None


def pieces(text: str, marks: list[Mark]) -> list[Piece]:
    """``text`` cut at every mark's edges, in order; each piece with the marks that cover it.
    Marks outside the text are clipped; empty ones are dropped."""
    inside = [
        Mark(max(0, m.start), min(len(text), m.end), m.label, m.name, m.node_id)
        for m in marks
        if min(len(text), m.end) > max(0, m.start)
    ]
    cuts = sorted({0, len(text), *(m.start for m in inside), *(m.end for m in inside)})
    by_start = sorted(inside, key=lambda m: m.start)
    active: list[Mark] = []
    following = 0
    out: list[Piece] = []
    for left, right in zip(cuts, cuts[1:], strict=False):
        # a sweep: marks join at their start and leave at their end (no scan of all marks per cut)
        while following < len(by_start) and by_start[following].start <= left:
            active.append(by_start[following])
            following += 1
        active = [m for m in active if m.end > left]
        out.append(Piece(text[left:right], left, tuple(active)))
    return out
