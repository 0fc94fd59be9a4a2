"""Swedish compound splitting for search: "kompetensförsörjningsplan" → "kompetens försörjning plan".

Swedish writes compounds as one word, and Lucene's Swedish analyzer indexes the whole word, so a
search for a part would not find it. ``search_terms`` lists the parts of a text's compounds; the
loader (or ``refresh``) stores them in the indexed ``search_terms`` property.

Parts are known words: the Swedish lexicon (graph/analytics/lexicon.py: simplemma's word forms,
the field's words and the short parts in domain/data/search_words.toml), plus every word the
corpus uses at least twice. A split must consist entirely of known parts (an optional linking "s"
between parts, a dropped final vowel as in "läkar-" for "läkare"); the split with the fewest parts
wins, so an ordinary word that is not a compound stays whole.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from functools import lru_cache

from domain.search_words import search_words
from graph.analytics.lexicon import is_word
from graph.analytics.similarity import STOP_WORDS, words

MIN_WORD = 7  # shorter words are rarely compounds worth splitting
MIN_PART = 4  # shorter parts only from the data's short_parts
MIN_CORPUS_PART = 5  # corpus words must be longer and seen twice: PDF text has broken-off fragments
MIN_CORPUS_COUNT = 2
MAX_PARTS = 4

LINKS = ("", "s")  # fogemorfem between parts ("kompetens-för-sörjning-s-plan")
DROPPED_VOWELS = ("e", "a")  # "läkar-kontakt" (läkare), "skol-hälsa" (skola)
# A part never starts with a derivational suffix: "utred|ningar" is one word broken by layout.
SUFFIXES = ("ning", "lig", "het", "else", "skap", "tion", "ande", "ende", "are", "isk", "ering")


class Vocabulary:
    """Known words: the lexicon's and the corpus's."""

    def __init__(self, known: Iterable[str] = ()) -> None:
        self.short = search_words().short_parts
        self.words: set[str] = set(self.short)
        self.add(known)

    def add(
        self, known: Iterable[str], min_length: int = MIN_CORPUS_PART, min_count: int = MIN_CORPUS_COUNT
    ) -> None:
        counts = Counter(w.casefold() for w in known)
        for word, count in counts.items():
            if count < min_count or word in STOP_WORDS or not word.isalpha():
                continue
            if len(word) >= min_length:
                self.words.add(word)
        self._split.cache_clear()

    def word_for(self, part: str) -> str | None:
        """The known word a part stands for ("läkar" → "läkare"), or None."""
        if (len(part) < MIN_PART and part not in self.short) or part.startswith(SUFFIXES):
            return None
        if part in self.words or is_word(part):
            return part
        for vowel in DROPPED_VOWELS:
            if part + vowel in self.words or is_word(part + vowel):
                return part + vowel
        return None

    def head_and_rest(self, word: str) -> tuple[str, str] | None:
        """The longest known first part and the rest (five letters or more) of a word that has no
        split into known parts, e.g. a compound with a typo in its last part ("fall", "prevension")."""
        word = word.casefold()
        if len(word) < MIN_WORD or not word.isalpha() or self.split(word):
            return None
        for cut in range(len(word) - 5, MIN_PART - 1, -1):
            head, rest = self.word_for(word[:cut]), word[cut:]
            if head is not None and not rest.startswith(SUFFIXES):
                return head, rest
        return None

    def split(self, word: str) -> list[str]:
        """Known parts of a compound, or [] when the word is not a compound of known parts."""
        word = word.casefold()
        if len(word) < MIN_WORD or not word.isalpha():
            return []
        # a copy: the cached list must not be changed by callers (parts() pops from it)
        return list(self._split(word, MAX_PARTS, whole=False) or [])

    def parts(self, word: str) -> list[str]:
        """All parts at every level: "kompetensförsörjningsplan" → kompetensförsörjning, plan,
        kompetens, försörjning (a known compound inside a compound is split too)."""
        found: dict[str, None] = {}
        todo = self.split(word)
        while todo:
            part = todo.pop(0)
            if part not in found:
                found[part] = None
                todo.extend(self.split(part))
        return list(found)

    @lru_cache(maxsize=200_000)  # noqa: B019  (one vocabulary per refresh; cleared on add)
    def _split(self, word: str, budget: int, whole: bool = True) -> list[str] | None:
        """Fewest known parts covering ``word`` (at least two unless ``whole``); ties go to the
        longest first part."""
        if whole:
            known = self.word_for(word)
            if known is not None:
                return [known]
        if budget <= 1:
            return None
        best: list[str] | None = None
        for cut in range(len(word) - MIN_PART + 1, 2, -1):
            head = self.word_for(word[:cut])
            if head is None:
                continue
            for link in LINKS:
                rest = word[cut:]
                if link:
                    if not rest.startswith(link):
                        continue
                    rest = rest[len(link) :]
                if len(rest) < 3:
                    continue
                tail = self._split(rest, budget - 1)
                if tail is not None and (best is None or len(tail) + 1 < len(best)):
                    best = [head, *tail]
        return best


def corpus_vocabulary(texts: Iterable[str]) -> Vocabulary:
    """A vocabulary of the lexicon and every word the texts use on its own."""
    return Vocabulary(w for text in texts for w in words(text))


def search_terms(text: str, vocabulary: Vocabulary | None = None) -> str:
    """The parts of the compounds in ``text``, space-separated, each once, in order of appearance."""
    vocabulary = vocabulary or default_vocabulary()
    seen: dict[str, None] = {}
    for word in words(text):
        for part in vocabulary.parts(word):
            seen.setdefault(part, None)
    return " ".join(seen)


@lru_cache(maxsize=1)
def default_vocabulary() -> Vocabulary:
    return Vocabulary()


def text_search_terms(properties: dict[str, object]) -> str:
    """``search_terms`` for a node's properties (its text fields), with the lexicon alone."""
    fields = ("name", "title", "description", "goal_text", "summary", "definition", "initiative")
    return search_terms(" ".join(str(properties[f]) for f in fields if properties.get(f)))
