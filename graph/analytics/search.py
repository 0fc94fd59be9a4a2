"""Search: Neo4j's full-text index (Swedish analyzer) with typo tolerance, phrases and facets.

User text never reaches Lucene as syntax. Quoted parts become phrases (every Lucene special
character escaped); the rest is cut into word tokens (letters and digits only), stop words
dropped, and each token becomes ``(token^4 OR stem*^2)``: the analysed word and a prefix of its
stem (a search for "kompetens" finds "kompetensförsörjningsplan"). Compound parts written to
``search_terms`` at refresh let a part find a compound in the middle or at the end ("försörjning"
finds "kompetensförsörjning").

A query word also finds its synonyms (graph/analytics/lexicon.py: "ungdomar" finds "unga"). When
the first round finds few hits, the widened round adds a compound's parts wherever they stand
("anhörigkonsulenter" finds "anhörig-konsulentnätverk") and forgives a typo in a compound's last
part on that part alone ("fall" AND "prevension~1").

Typos cost the most: a fuzzy term (``stem~N``) makes Lucene walk its term dictionary with an
edit-distance automaton. So the fuzzy clauses are asked for only when the exact and prefix query
finds fewer than ``FEW_HITS`` hits (a misspelt word usually finds none): a second round trip then,
and only then. When all words together still find nothing, any word may match (the same rounds
with OR).

Every hit the index returns costs a walk over its links (for the facets) and reading its text, so
it is asked for no more than a page: the best ``max(limit, CANDIDATES)`` hits, which the facets
count over. With a filter set it is asked for the best ``FILTERED_CANDIDATES`` and the filters
choose among those, so a filter finds more than the facet's count when the index holds more.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from graph.analytics.compounds import default_vocabulary
from graph.analytics.lexicon import synonyms
from graph.analytics.similarity import STOP_WORDS, stem, words
from graph.db import Graph

Row = dict[str, Any]
LUCENE_SPECIAL = re.compile(r'([+\-&|!(){}\[\]^"~*?:\\/])')
PHRASE = re.compile(r'"([^"]*)"')
CANDIDATES = 20  # at least this many best hits are asked for; the facets count over them
FILTERED_CANDIDATES = 200  # with a filter set, the filters choose among this many best hits
LABEL_HEADROOM = 2  # a label filter drops hits after the index: ask it for this many times more
FEW_HITS = 5  # fewer exact and prefix hits than this (or than ``limit``): add the typo-tolerant clauses
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


def lucene_query(parsed: ParsedQuery, require_all: bool = True, fuzzy: bool = True) -> str:
    """A Lucene query from parsed user text; "" when nothing searchable is left.

    ``fuzzy`` widens the query: a typo-tolerant ``stem~N`` per word of five letters or more, and a
    compound's parts."""
    clauses = [f'"{escape(" ".join(words(p)))}"' for p in parsed.phrases]
    vocabulary = default_vocabulary()
    for token in parsed.tokens:
        root = stem(token)
        parts = [f"{token}^4"]
        if len(root) >= 3 and not token.isdigit():
            parts.append(f"{root}*^2")
        parts += [f"{escape(word)}^3" for word in synonyms(token) if words(word) == [word]]
        # A compound finds its parts wherever they stand. Parts are common words ("vård"), so their
        # clause is costly on a large index: it joins only in the widened round, with the typos.
        if fuzzy and len(split := vocabulary.split(token)) > 1:
            parts.append("(" + " AND ".join(_word_or_prefix(part) for part in split) + ")")
        if fuzzy and len(token) >= 5 and not token.isdigit():
            parts.append(f"{root}~{1 if len(token) < 9 else 2}")
            if known := vocabulary.head_and_rest(token):  # a typo inside a compound: "fall|prevension"
                head, rest = known
                parts.append(f"({_word_or_prefix(head)} AND {stem(rest)}~1)")
        clauses.append("(" + " OR ".join(parts) + ")")
    if not clauses:
        return ""
    joiner = " AND " if require_all else " OR "
    return joiner.join(clauses)


def _word_or_prefix(word: str) -> str:
    """A compound part as a clause: the word, or its stem as a prefix ("konsulenter" → konsulent*)."""
    root = stem(word)
    return f"({word} OR {root}*)" if len(root) >= 4 and root != word else word


def search(
    graph: Graph,
    text: str,
    filters: Filters | None = None,
    labels: list[str] | None = None,
    limit: int = 20,
    require_all: bool | None = None,
) -> dict[str, Any]:
    """{"query", "lucene", "results": [...] best first, "facets": {facet: {value: count}},
    "considered": hits the facets count over, "complete": whether those were all the hits}.

    With ``require_all`` None, all words must match, and if nothing does, any word may.
    Typo-tolerant (fuzzy) clauses join only when the exact and prefix query finds fewer than
    ``min(FEW_HITS, limit)`` hits. Facets count over the hits the filters keep among the best
    ``max(limit, CANDIDATES)``, or with a filter set the best ``FILTERED_CANDIDATES`` (of the given
    ``labels``: among twice as many), so the UI can offer them as filters.
    """
    filters = filters or Filters()
    parsed = parse(text)
    filtered = any(value is not None for value in filters.params().values())
    candidates = max(limit, FILTERED_CANDIDATES if filtered else CANDIDATES)
    candidates *= LABEL_HEADROOM if labels else 1
    modes = [True, False] if require_all is None else [require_all]
    found: dict[str, list[Row]] = {}  # a one-word query is the same with AND and OR: asked once
    query, rows = "", []
    for mode in modes:
        for fuzzy in (False, True):
            query = lucene_query(parsed, require_all=mode, fuzzy=fuzzy)
            if query and query not in found:
                found[query] = _hits(graph, query, candidates, labels)
            rows = found.get(query, [])
            if len(rows) >= min(FEW_HITS, limit):
                break
        if rows or not query:
            break
    kept = [row for row in rows if _passes(row, filters)]
    for row in kept[:limit]:
        row["text"] = _snippet(row["text"] or "")
    return {
        "query": text,
        "lucene": query,
        "results": kept[:limit],
        "facets": facets(kept),
        "considered": len(rows),  # the best hits the facets and filters work on
        "complete": len(rows) < candidates,  # False: the index has more hits than were considered
    }


def _hits(graph: Graph, query: str, candidates: int, labels: list[str] | None) -> list[Row]:
    return graph.read("search/fulltext", query=query, candidates=candidates, labels=labels)


def _passes(row: Row, filters: Filters) -> bool:
    """Whether a hit passes the facet filters (None means any); a year range keeps what runs in it."""
    f = filters
    listed = {"focus_areas": f.focus_area, "target_groups": f.target_group, "places": f.place}
    listed["huvudman"] = f.huvudman
    if any(value is not None and value not in row[name] for name, value in listed.items()):
        return False
    equal = {"status": f.status, "county": f.county}
    if any(value is not None and row[name] != value for name, value in equal.items()):
        return False
    first, last = row["first_year"], row["last_year"]
    ends, starts = (last if last is not None else first), (first if first is not None else last)
    if f.year_from is not None and (ends is None or ends < f.year_from):
        return False
    return f.year_to is None or (starts is not None and starts <= f.year_to)


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
