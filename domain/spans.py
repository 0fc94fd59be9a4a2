"""A set of non-overlapping text spans with a fast overlap test (bisect, not a scan of all spans),
so extraction stays near-linear in the number of mentions on a page."""

from __future__ import annotations

from bisect import bisect_left, insort


class SpanSet:
    def __init__(self) -> None:
        self._spans: list[tuple[int, int]] = []  # sorted, non-overlapping

    def overlaps(self, start: int, end: int) -> bool:
        """Whether [start, end) shares a character with a span in the set."""
        index = bisect_left(self._spans, (start, start))
        # the span starting at or after ``start``, and the one before it, are the only candidates
        for neighbour in self._spans[max(0, index - 1) : index + 1]:
            if start < neighbour[1] and neighbour[0] < end:
                return True
        return False

    def add(self, start: int, end: int) -> None:
        insort(self._spans, (start, end))
