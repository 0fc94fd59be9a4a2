"""Stable node ids and the comparison keys they are made from.

The same name in another document, written with other hyphenation, spacing or case, gives the
same key and so the same id: that is how most entities resolve across documents without a lookup.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata

_SOFT_HYPHEN = "\u00ad"
_LINE_HYPHEN = re.compile(r"(\w)-\s*\n\s*(\w)")  # "kom-\nmer" → "kommer"
_NON_WORD = re.compile(r"[^\w]+")
_SLUG_JUNK = re.compile(r"[^a-z0-9]+")
MAX_SLUG = 60
# the id prefix of each label: "project-…", "actor-…"
ID_PREFIX: dict[str, str] = {
    "Project": "project",
    "Actor": "actor",
    "County": "county",
    "GoalArea": "goalarea",
    "FocusArea": "focusarea",
    "Goal": "goal",
    "Indicator": "indicator",
    "Measure": "measure",
    "Decision": "decision",
    "TargetGroup": "targetgroup",
}


def clean_text(text: str) -> str:
    """Text as a person reads it: line-break hyphens joined, whitespace folded."""
    text = text.replace(_SOFT_HYPHEN, "")
    text = _LINE_HYPHEN.sub(r"\1\2", text)
    return " ".join(text.split())


def name_key(name: str) -> str:
    """Comparison key: case-folded letters and digits only.

    "Läns gemensamt Regionalt Stöd", "Läns-gemensamt Regionalt Stöd" and "Länsgemensamt regionalt
    stöd" all give "länsgemensamtregionaltstöd".
    """
    return _NON_WORD.sub("", clean_text(name).casefold()).replace("_", "")


def make_id(prefix: str, *parts: str | None) -> str:
    """A readable, stable id: prefix, an ASCII slug of the parts, and a short hash of the exact key."""
    key = "|".join(name_key(p) for p in parts if p)
    ascii_text = unicodedata.normalize("NFKD", " ".join(p for p in parts if p)).encode("ascii", "ignore")
    slug = _SLUG_JUNK.sub("-", ascii_text.decode().lower()).strip("-")[:MAX_SLUG].rstrip("-")
    digest = hashlib.sha1(f"{prefix}|{key}".encode()).hexdigest()[:8]
    return f"{prefix}-{slug}-{digest}" if slug else f"{prefix}-{digest}"
