"""The Swedish lexicon behind compound splitting and query expansion.

General words come from simplemma's Swedish data (about 960 000 word forms with their lemmas, a
kept package); the field's own words, short compound parts and synonym groups are data in
domain/data/search_words.toml. Proper names in the lexicon ("Anna", "Erna") are not words here:
"kommun|erna" must not split.
"""

from __future__ import annotations

from functools import lru_cache

import simplemma

from domain.search_words import search_words

LANGUAGE = "sv"


@lru_cache(maxsize=500_000)
def is_word(form: str) -> bool:
    """Whether ``form`` (case-folded) is a Swedish word form of the common vocabulary."""
    if form in search_words().field_words:
        return True
    if not simplemma.is_known(form, lang=LANGUAGE):
        return False
    return lemma(form)[:1].islower()


@lru_cache(maxsize=200_000)
def lemma(form: str) -> str:
    """The lexicon's base form ("ungdomar" → "ungdom"); the form itself when unknown."""
    return str(simplemma.lemmatize(form, lang=LANGUAGE))


def synonyms(form: str) -> list[str]:
    """Words of the same synonym group as ``form`` or its lemma ("ungdomar" → "ung", "unga" …)."""
    return search_words().synonyms(form, lemma(form))
