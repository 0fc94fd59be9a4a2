"""The kinds of actor, as the graph stores them in ``Actor.type`` (Swedish, lower case).

One list: the actor vocabulary and the extractors emit these, the edit form offers them
(domain.forms), and tests/test_titles.py checks that nothing else is emitted. A type
the form did not offer was shown as empty and removed on the next save of the actor.
"""

from __future__ import annotations

ACTOR_TYPES: tuple[str, ...] = (
    "region",
    "kommun",
    "nämnd",
    "styrgrupp",
    "nätverk",
    "beredningsgrupp",
    "arbetsgrupp",
    "råd",
    "enhet",
    "myndighet",
    "lärosäte",
    "civilsamhälle",
    "huvudman",  # a collective: "Respektive huvudman", "samtliga huvudmän"
    "roll",
    "person",
    "organisation",
)
# The types that are a huvudman themselves (a region or a municipality).
HUVUDMAN_TYPES: tuple[str, ...] = ("region", "kommun")
# What a name is when nothing more specific fits.
DEFAULT_ACTOR_TYPE = "organisation"
