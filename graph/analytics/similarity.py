"""Swedish-aware text similarity: tokens, stop words, Snowball stems, TF-IDF.

The stemmer is the same Snowball Swedish stemmer Lucene's 'swedish' analyzer uses, so a stem here
is the term the full-text index holds. Compound parts (``compounds.search_terms``) are added to a
text before vectorising, so "kompetensförsörjningsplan" and "kompetens" share a term.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

import numpy as np
import snowballstemmer
from scipy import sparse
from sklearn.feature_extraction.text import TfidfVectorizer

WORD = re.compile(r"[0-9a-zåäöéüA-ZÅÄÖÉÜ]+", re.UNICODE)


def word_set(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Lucene's Swedish stop words (SwedishAnalyzer.getDefaultStopSet) plus plan-document filler that
# says nothing about what a project is ("arbete", "utveckla", "ska" ...).
LUCENE_STOP_WORDS: frozenset[str] = word_set(
    """och det att i en jag hon som han på den med var sig för så till är men ett om hade de av icke
    mig du henne då sin nu har inte hans honom skulle hennes där min man ej vid kunde något från ut
    när efter upp vi dem vara vad över än dig kan sina här ha mot alla under någon eller allt mycket
    sedan ju denna själv detta åt utan varit hur ingen mitt ni bli blev oss din dessa några deras
    blir mina samma vilken er sådan vår blivit dess inom mellan sådant varför varje vilka ditt vem
    vilket sitta sådana vart dina vars vårt våra ert era vilkas"""
)
DOMAIN_STOP_WORDS: frozenset[str] = word_set(
    """ska skall samt ta tas tar göra görs gör arbete arbeta arbetet arbetar utveckla utvecklas
    utveckling genom bland annat även både kommer finns behov behöver syfte mål målet respektive
    ny nya nytt fler flera öka ökad ökat stärka stärkt stärkta bättre"""
)
STOP_WORDS: frozenset[str] = LUCENE_STOP_WORDS | DOMAIN_STOP_WORDS

_STEMMER = snowballstemmer.stemmer("swedish")


@cache
def stem(word: str) -> str:
    return _STEMMER.stemWord(word.casefold())


def words(text: str) -> list[str]:
    """Lower-cased words of a text (letters and digits; punctuation and hyphens split)."""
    return [w.casefold() for w in WORD.findall(text or "")]


def content_words(text: str) -> list[str]:
    """Words that carry meaning: no stop words, no one-letter words, no bare numbers."""
    return [w for w in words(text) if w not in STOP_WORDS and len(w) > 1 and not w.isdigit()]


def stems(text: str) -> list[str]:
    return [stem(w) for w in content_words(text)]


@dataclass
class TextModel:
    """A fitted TF-IDF model: row i of ``matrix`` is document i, L2-normalised."""

    vectorizer: TfidfVectorizer
    matrix: sparse.csr_matrix

    def vector(self, text: str) -> sparse.csr_matrix:
        return self.vectorizer.transform([text])

    def terms(self) -> np.ndarray:
        return self.vectorizer.get_feature_names_out()


def fit(texts: Sequence[str]) -> TextModel:
    """TF-IDF over stems; sublinear tf so a word repeated in a long description does not dominate."""
    vectorizer = TfidfVectorizer(analyzer=stems, sublinear_tf=True, min_df=1, norm="l2", dtype=np.float32)
    if not any(stems(t) for t in texts):
        # scikit-learn refuses an empty vocabulary; an empty model has no similar pairs
        vectorizer.fit(["tom"])
        return TextModel(vectorizer, sparse.csr_matrix((len(texts), 1), dtype=np.float32))
    return TextModel(vectorizer, vectorizer.fit_transform(texts).tocsr())
