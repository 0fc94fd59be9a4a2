"""When two names may be one post: the comparison the duplicate suggestions (Granska) and the
satsning template's warning of similar initiatives share."""

from __future__ import annotations

import re

from domain import places
from domain.states import DuplicateReason
from graph.analytics.similarity import STOP_WORDS, stem, words

DUPLICATE_THRESHOLD = 85.0
SPELLING_THRESHOLD = 95.0  # names that differ in their words are suggested only when this close
_DIGITS = re.compile(r"\d+")


def duplicate_reason(a: str, b: str, score: float) -> tuple[DuplicateReason, str] | None:
    """Why two similar names may be one post, or None when they are two things.

    Similar spelling alone says little: "Beslut Styrgruppen 2022-02" and "… 2022-03" are two
    decisions, "Skolchefsnätverket" and "Socialchefnätverket" two networks. So names that differ
    in a number or a date never pair; names pair when they have the same words in other forms,
    when one only adds places or function words to the other, or when they are nearly the same
    spelling (a typo)."""
    if _DIGITS.findall(a) != _DIGITS.findall(b):
        return None
    stems_a, stems_b = _stems(a), _stems(b)
    if stems_a == stems_b:
        return DuplicateReason.INFLECTION, ""
    shorter, longer = sorted((a, b), key=lambda name: len(_stems(name)))
    if _stems(shorter) < _stems(longer):
        extra = _extra_words(shorter, longer)
        placed = " ".join(p.text for p in places.find_places(longer)).casefold()
        if extra and all(w in STOP_WORDS or w in placed for w in words(extra)):
            return DuplicateReason.ADDITION, extra
    if score >= SPELLING_THRESHOLD:
        return DuplicateReason.SPELLING, ""
    return None


def _stems(name: str) -> frozenset[str]:
    return frozenset(stem(w) for w in words(name) if w not in STOP_WORDS)


def _extra_words(shorter: str, longer: str) -> str:
    """The words of ``longer`` whose stems ``shorter`` lacks, as written."""
    have = {stem(w) for w in words(shorter)}
    return " ".join(w for w in re.findall(r"[\w-]+", longer) if stem(w.casefold()) not in have)
