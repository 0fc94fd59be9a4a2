"""The search vocabulary that is data: short compound parts, the field's words and synonym groups
(domain/data/search_words.toml). The general Swedish lexicon comes from graph/analytics/lexicon.py."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

DATA_FILE = Path(__file__).parent / "data" / "search_words.toml"


@dataclass(frozen=True)
class SearchWords:
    short_parts: frozenset[str]
    field_words: frozenset[str]
    synonym_groups: tuple[frozenset[str], ...]

    def synonyms(self, *forms: str) -> list[str]:
        """The other words of the groups any of ``forms`` belongs to, sorted."""
        wanted = {form.casefold() for form in forms}
        found = {word for group in self.synonym_groups if group & wanted for word in group}
        return sorted(found - wanted)


@lru_cache(maxsize=1)
def search_words() -> SearchWords:
    data = tomllib.loads(DATA_FILE.read_text(encoding="utf-8"))
    return SearchWords(
        short_parts=frozenset(w.casefold() for w in data["short_parts"]),
        field_words=frozenset(w.casefold() for w in data["field_words"]),
        synonym_groups=tuple(frozenset(w.casefold() for w in group) for group in data["synonyms"]),
    )
