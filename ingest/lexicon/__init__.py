"""The Swedish wording the readers and extractors look for, loaded from the data files beside this
module (structure.toml). Code asks the lexicon; it holds no word lists of its own."""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from domain.states import ProjectStatus

_HERE = Path(__file__).parent


@dataclass(frozen=True)
class WordSet:
    """Words and phrases with an optional ``*`` wildcard at either end, matched on word bounds."""

    patterns: tuple[str, ...]

    @cache  # noqa: B019  (a WordSet is immutable and lives as long as the lexicon)
    def _regex(self) -> re.Pattern[str]:
        parts = []
        for pattern in self.patterns:
            words = []
            for word in pattern.split():
                body = re.escape(word.strip("*"))
                words.append(
                    ("\\w*" if word.startswith("*") else "") + body + ("\\w*" if word.endswith("*") else "")
                )
            parts.append(r"(?<!\w)" + r"\s+".join(words) + r"(?!\w)")
        return re.compile("|".join(parts) or r"(?!x)x", re.IGNORECASE)

    def search(self, text: str) -> re.Match[str] | None:
        return self._regex().search(text)

    def starts(self, text: str) -> bool:
        found = self._regex().match(text.strip())
        return found is not None

    def whole(self, text: str) -> bool:
        found = self._regex().fullmatch(text.strip().rstrip(":?.!").strip())
        return found is not None


@dataclass(frozen=True)
class Lexicon:
    furniture_exact: frozenset[str]
    furniture_contains: WordSet
    heading_max_words: int
    heading_max_chars: int
    kinds: dict[str, WordSet]  # "activity" | "focus_area" | "goal" | "indicator" | "decision" | "none"
    status: dict[ProjectStatus, WordSet]
    activity_heads: WordSet
    activity_verb_starts: WordSet
    activity_name_cues: tuple[str, ...]
    activity_generic_heads: WordSet  # the head nouns that are words of their own ("handlingsplanen")
    role_words: WordSet
    goal_cues: tuple[str, ...]
    goal_backward_cues: tuple[str, ...]
    goal_according_to: tuple[str, ...]
    goal_joiners: tuple[str, ...]
    phrase_stop_right: frozenset[str]
    phrase_stop_left: frozenset[str]
    phrase_prepositions: frozenset[str]
    phrase_max_tail: int
    indicator_quantities: frozenset[str]
    indicator_heads: WordSet
    indicator_trends: WordSet
    swedish_function_words: frozenset[str]
    actor_heads_after: tuple[str, ...]
    actor_heads_before: tuple[str, ...]
    actor_word_endings: tuple[str, ...]
    project_name_leads: WordSet
    quote_marks: str

    def is_furniture(self, line: str) -> bool:
        text = " ".join(line.split()).strip(" >»›|").casefold()
        if not text:
            return False
        return text.rstrip(".:!") in self.furniture_exact or (
            len(text) < 120 and self.furniture_contains.search(text) is not None
        )

    def kind_of_heading(self, heading: str) -> str | None:
        """The kind a section head announces, most specific first. The kind word must lead the
        head ("Arbetsgrupper", "Fokusområden 2024", "Våra fokusområden"), or the head be short: a
        long head that merely contains "insatser" announces nothing."""
        if self.kinds["none"].search(heading):
            return None
        words = heading.split()
        for kind in ("focus_area", "indicator", "decision", "goal", "activity"):
            found = self.kinds[kind].search(heading)
            if found and (len(words) <= 4 or len(heading[: found.start()].split()) <= 2):
                return kind
        return None

    def kind_of_lead_in(self, paragraph: str) -> str | None:
        """The kind a lead-in announces: its last sentence, ending in a colon ("Följande fem
        målområden ingår:"), names the kind."""
        last = re.split(r"(?<=[.!?])\s+", paragraph.strip())[-1]
        if len(last.split()) > 20 or self.kinds["none"].search(last):
            return None
        for kind in ("focus_area", "indicator", "decision", "goal", "activity"):
            if self.kinds[kind].search(last):
                return kind
        return None

    def status_of(self, heading: str) -> ProjectStatus | None:
        for status, words in self.status.items():
            if words.starts(heading):
                return status
        return None


@cache
def lexicon() -> Lexicon:
    data = tomllib.loads((_HERE / "structure.toml").read_text(encoding="utf-8"))
    return Lexicon(
        furniture_exact=frozenset(w.casefold() for w in data["furniture"]["exact"]),
        furniture_contains=WordSet(tuple(data["furniture"]["contains"])),
        heading_max_words=int(data["headings"]["max_words"]),
        heading_max_chars=int(data["headings"]["max_chars"]),
        kinds={kind: WordSet(tuple(words)) for kind, words in data["kinds"].items()},
        status={ProjectStatus(kind): WordSet(tuple(words)) for kind, words in data["status"].items()},
        activity_heads=WordSet(tuple(data["activity"]["head_nouns"])),
        activity_verb_starts=WordSet(tuple(data["activity"]["verb_starts"])),
        activity_name_cues=tuple(data["activity"]["name_cues"]),
        activity_generic_heads=WordSet(
            tuple(w for w in data["activity"]["head_nouns"] if not w.startswith("*"))
        ),
        role_words=WordSet(tuple(data["activity"]["role_words"])),
        goal_cues=tuple(data["goal"]["cues"]),
        goal_backward_cues=tuple(data["goal"]["backward_cues"]),
        goal_according_to=tuple(data["goal"]["according_to"]),
        goal_joiners=tuple(data["goal"]["joiners"]),
        phrase_stop_right=frozenset(data["phrase"]["stop_right"]),
        phrase_stop_left=frozenset(data["phrase"]["stop_left"]),
        phrase_prepositions=frozenset(data["phrase"]["prepositions"]),
        phrase_max_tail=int(data["phrase"]["max_tail_words"]),
        indicator_quantities=frozenset(data["indicator"]["quantity_words"]),
        indicator_heads=WordSet(tuple(data["indicator"]["head_nouns"])),
        indicator_trends=WordSet(tuple(data["indicator"]["trend_words"])),
        swedish_function_words=frozenset(data["language"]["swedish_function_words"]),
        actor_heads_after=tuple(data["actor"]["heads_after_name"]),
        actor_heads_before=tuple(data["actor"]["heads_before_name"]),
        actor_word_endings=tuple(data["actor"]["word_endings"]),
        project_name_leads=WordSet(tuple(data["resolution"]["project_name_leads"])),
        quote_marks=str(data["resolution"]["quote_marks"]),
    )
