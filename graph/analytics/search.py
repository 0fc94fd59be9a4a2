"""Search: Neo4j's full-text index (Swedish analyzer) with typo tolerance, phrases and facets.

User text never reaches Lucene as syntax. Quoted parts become phrases (every Lucene special
character escaped); the rest is cut into word tokens (letters and digits only), stop words
dropped, and each token becomes ``(token^4 OR stem*^2 OR stem~N)``: the analysed word, a prefix of
its stem (a search for "kompetens" finds "kompetensförsörjningsplan"), and a fuzzy stem for typos.
Compound parts written to ``search_terms`` at refresh let a part find a compound in the middle or
at the end ("försörjning" finds "kompetensförsörjning").
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from graph.analytics.similarity import STOP_WORDS, stem, words
from graph.db import Graph

Row = dict[str, Any]
LUCENE_SPECIAL = re.compile(r'([+\-&|!(){}\[\]^"~*?:\\/])')
PHRASE = re.compile(r'"([^"]*)"')
CANDIDATES = 200  # hits the index returns before facets filter them
FACETS = ("focus_areas", "target_groups", "places", "huvudman", "status", "county")


@dataclass
class Filters:
    """Facet filters; None means any."""

    focus_area: str | None = None
    target_group: str | None = None
    place: str | None = None  # a kommun or region actor name
    huvudman: str | None = None  # "kommun" or "region"
    status: str | None = None
    county: str | None = None
    year_from: int | None = None
    year_to: int | None = None

    def params(self) -> dict[str, Any]:
        return dict(self.__dict__)


@dataclass
class ParsedQuery:
    tokens: list[str] = field(default_factory=list)
    phrases: list[str] = field(default_factory=list)


def escape(text: str) -> str:
    """Every Lucene special character backslash-escaped (&& and || included, char by char)."""
    return LUCENE_SPECIAL.sub(r"\\\1", text)


def parse(text: str) -> ParsedQuery:
    phrases = [p.strip() for p in PHRASE.findall(text or "") if words(p)]
    rest = PHRASE.sub(" ", text or "")
    tokens = [w for w in words(rest) if w not in STOP_WORDS]
    return ParsedQuery(tokens=list(dict.fromkeys(tokens)), phrases=phrases)


def lucene_query(parsed: ParsedQuery, require_all: bool = True) -> str:
    """A Lucene query from parsed user text; "" when nothing searchable is left."""
    clauses = [f'"{escape(" ".join(words(p)))}"' for p in parsed.phrases]
    for token in parsed.tokens:
        root = stem(token)
        parts = [f"{token}^4"]
        if len(root) >= 3 and not token.isdigit():
            parts.append(f"{root}*^2")
        if len(token) >= 5 and not token.isdigit():
            parts.append(f"{root}~{1 if len(token) < 9 else 2}")
        clauses.append("(" + " OR ".join(parts) + ")")
    if not clauses:
        return ""
    joiner = " AND " if require_all else " OR "
    return joiner.join(clauses)


def search(
    graph: Graph,
    text: str,
    filters: Filters | None = None,
    labels: list[str] | None = None,
    limit: int = 20,
    require_all: bool | None = None,
) -> dict[str, Any]:
    """{"query", "lucene", "results": [...] best first, "facets": {facet: {value: count}}}.

    With ``require_all`` None, all words must match, and if nothing does, any word may.
    Facets count over the hits found (before ``limit``), so the UI can offer them as filters.
    """
    filters = filters or Filters()
    parsed = parse(text)
    modes = [True, False] if require_all is None else [require_all]
    rows: list[Row] = []
    query = ""
    for mode in modes:
        query = lucene_query(parsed, require_all=mode)
        if not query:
            break
        rows = graph.read(
            "search/fulltext",
            query=query,
            candidates=CANDIDATES,
            labels=labels,
            limit=CANDIDATES,
            **filters.params(),
        )
        if rows:
            break
    for row in rows:
        row["text"] = _snippet(row["text"] or "")
    return {"query": text, "lucene": query, "results": rows[:limit], "facets": facets(rows)}


def facets(rows: list[Row]) -> dict[str, dict[str, int]]:
    counts: dict[str, Counter[str]] = {name: Counter() for name in FACETS}
    for row in rows:
        for name in FACETS:
            value = row.get(name)
            for item in value if isinstance(value, list) else [value]:
                if item:
                    counts[name][item] += 1
    return {name: dict(counter.most_common()) for name, counter in counts.items()}


def _snippet(text: str, limit: int = 240) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"
