"""Related initiatives: precomputed RELATED_TO {score, text_score, reasons} and look-ups.

The score of a pair is a weighted sum of cosines, one per kind of evidence:
text (TF-IDF over Swedish stems of name + goal + description), shared goals, target groups, focus
areas and actors (each IDF-weighted, so an actor responsible for everything says little). All
kinds are stacked into one sparse matrix whose row products are exactly that sum, so the k best
neighbours of every project come from blockwise products (neighbours.py), never an n × n loop.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

import numpy as np
from scipy import sparse
from sklearn.preprocessing import normalize

from graph.analytics import neighbours, similarity
from graph.analytics.compounds import Vocabulary
from graph.db import Graph

Row = dict[str, Any]
WEIGHTS: dict[str, float] = {
    "text": 0.45,
    "goals": 0.2,
    "target_groups": 0.15,
    "focus_areas": 0.1,
    "actors": 0.1,
}
KIND_WORDS: dict[str, str] = {
    "goals": "samma mål",
    "target_groups": "samma målgrupp",
    "focus_areas": "samma fokusområde",
    "actors": "samma aktör",
}
ACROSS_COUNTIES = "olika län:"
TOP_K = 10
TOP_K_OTHER_COUNTY = 3  # keep a few cross-county neighbours even when the county's own fill the top
MIN_SCORE = 0.06  # low: a project with no structured links competes on text alone (max 0.45)
TEXT_REASON_MIN = 0.1  # less text in common is no reason a reader would accept: such a pair is not kept
WRITE_BATCH = 5000
STORED_FIELDS = ("score", "text_score", "reasons", "coordination", "across_counties")


@dataclass
class ProjectRow:
    id: str
    name: str
    county: str | None
    text: str
    sets: dict[str, dict[str, str]]  # kind -> {id: name}


def load_projects(graph: Graph) -> list[ProjectRow]:
    rows = _without_listing_sentences(graph.read("analytics/related_input"))
    return [
        ProjectRow(
            id=row["id"],
            name=row["name"] or "",
            county=row["county"],
            text=f"{row['name'] or ''} {row['text']}",
            sets={kind: {x["id"]: x["name"] for x in row[kind] if x["id"]} for kind in KIND_WORDS},
        )
        for row in rows
    ]


def _without_listing_sentences(rows: list[Row]) -> list[Row]:
    """Text that several projects carry because one sentence names them all ("… Tillsammans för
    barnens bästa, Egenmonitorering, Samsjuklighet samt Översynen …") is where they are named, not
    what they are about: it would make them each other's best matches. Such text is left out of
    their similarity (it stays their provenance)."""
    by_text: dict[str, list[Row]] = defaultdict(list)
    for row in rows:
        if (row["text"] or "").strip():
            by_text[" ".join(row["text"].split()).casefold()].append(row)
    listing: set[int] = set()
    for text, group in by_text.items():
        named = sum(1 for row in group if (row["name"] or "").casefold() in text)
        if len(group) > 1 and named > 1:
            listing.update(id(row) for row in group)
    return [row | {"text": ""} if id(row) in listing else row for row in rows]


def project_text(project: ProjectRow, vocabulary: Vocabulary | None) -> str:
    """Name + goal + description (+ the goals' own text), with compound parts appended."""
    text = " ".join([project.text, *project.sets["goals"].values()])
    if vocabulary is None:
        return text
    parts = [p for w in similarity.words(text) for p in vocabulary.parts(w)]
    return f"{text} {' '.join(parts)}"


def _as_written(terms: Sequence[str], a: set[str], b: set[str]) -> list[str]:
    """Shared terms as a reader finds them: a term one text writes as a word stays as it is; a
    compound part neither writes alone ("monitorering") is shown as the first text's word that
    holds it ("egenmonitorering"); a term not in both texts is left out."""
    found: dict[str, None] = {}
    for term in terms:
        in_a = [w for w in a if term in w]
        if not in_a or not any(term in w for w in b):
            continue
        found.setdefault(term if term in a or term in b else min(in_a, key=len), None)
    return list(found)


def _written_words(project: ProjectRow) -> set[str]:
    return set(similarity.words(" ".join([project.text, *project.sets["goals"].values()])))


def _kind_matrix(projects: Sequence[ProjectRow], kind: str) -> sparse.csr_matrix:
    """Binary project × item matrix, IDF-weighted, rows L2-normalised."""
    columns: dict[str, int] = {}
    indptr, indices = [0], []
    for project in projects:
        for item in project.sets[kind]:
            indices.append(columns.setdefault(item, len(columns)))
        indptr.append(len(indices))
    n = len(projects)
    matrix = sparse.csr_matrix(
        (np.ones(len(indices), dtype=np.float32), indices, indptr), shape=(n, max(1, len(columns)))
    )
    df = np.bincount(indices, minlength=matrix.shape[1]).astype(np.float32)
    idf = np.log((1 + n) / (1 + df)) + 1.0
    return normalize(matrix @ sparse.diags(idf), norm="l2", copy=False).tocsr()


def compute(projects: Sequence[ProjectRow], vocabulary: Vocabulary | None = None) -> list[Row]:
    """RELATED_TO rows {a, b, score, text_score, reasons}: each project's best neighbours."""
    if len(projects) < 2:
        return []
    texts = [project_text(p, vocabulary) for p in projects]
    model = similarity.fit(texts)
    blocks = [model.matrix * np.sqrt(WEIGHTS["text"])]
    blocks += [_kind_matrix(projects, kind) * np.sqrt(WEIGHTS[kind]) for kind in KIND_WORDS]
    combined = sparse.hstack(blocks, format="csr", dtype=np.float32)
    counties = [p.county or "" for p in projects]
    found = neighbours.top_k(combined, TOP_K, MIN_SCORE, groups=counties, k_other=TOP_K_OTHER_COUNTY)
    if not len(found):
        return []
    # one row per pair, from the smaller id (a pair found from both sides scores the same)
    rank = np.argsort(np.argsort(np.array([p.id for p in projects], dtype=object), kind="stable"))
    swap = rank[found.i] > rank[found.j]
    left, right = np.where(swap, found.j, found.i), np.where(swap, found.i, found.j)
    _, first = np.unique(left * len(projects) + right, return_index=True)
    left, right, scores = left[first], right[first], found.score[first]
    shared = model.matrix[left].multiply(model.matrix[right]).tocsr()
    text_scores = np.asarray(shared.sum(axis=1)).ravel()
    surface = _surface_forms(texts)
    terms = model.terms()
    rows: list[Row] = []
    for n, (a, b, score) in enumerate(zip(left.tolist(), right.tolist(), scores.tolist(), strict=True)):
        start, end = shared.indptr[n], shared.indptr[n + 1]
        order = np.argsort(-shared.data[start:end])[:8]
        stems = [str(terms[shared.indices[start + o]]) for o in order]
        words = _as_written(
            [surface.get(s, s) for s in stems], _written_words(projects[a]), _written_words(projects[b])
        )
        why = reasons(projects[a], projects[b], float(text_scores[n]), words)
        if not any(not r.startswith(ACROSS_COUNTIES) for r in why):
            continue  # nothing in common a reader could check: not a related pair
        rows.append(
            {
                "a": projects[a].id,
                "b": projects[b].id,
                "score": round(float(score), 4),
                "text_score": round(float(text_scores[n]), 4),
                "reasons": why,
            }
        )
    rows.sort(key=lambda r: (r["a"], -r["score"], r["b"]))
    return rows


def reasons(a: ProjectRow, b: ProjectRow, text_score: float, words: Sequence[str]) -> list[str]:
    """Why two projects are related, in Swedish words a reader can check."""
    found: list[str] = []
    for kind, label in KIND_WORDS.items():
        common = sorted(a.sets[kind].keys() & b.sets[kind].keys())
        if common:
            names = sorted({a.sets[kind][c] for c in common})
            found.append(f"{label}: {', '.join(_short(n) for n in names)}")
    if text_score >= TEXT_REASON_MIN and words:
        found.append(shared_words_reason(words))
    if (a.county or "") != (b.county or "") and a.county and b.county:
        found.append(f"{ACROSS_COUNTIES} {a.county} och {b.county}")
    return found


def shared_words_reason(words: Sequence[str]) -> str:
    """The text similarity in words a planner checks: what both texts are about."""
    return "båda handlar om " + _and_list(list(words)[:3])


def _and_list(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " och " + items[-1]


def format_decimal(value: float) -> str:
    """0.62 → "0,62" (Swedish decimal comma)."""
    return f"{value:.2f}".replace(".", ",")


def _short(text: str, limit: int = 80) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _surface_forms(texts: Sequence[str]) -> dict[str, str]:
    """Stem → the word form written most often, so reasons show "vuxna", not "vuxn"."""
    counts: dict[str, Counter[str]] = defaultdict(Counter)
    for text in texts:
        for word in similarity.content_words(text):
            counts[similarity.stem(word)][word] += 1
    return {s: c.most_common(1)[0][0] for s, c in counts.items()}


@dataclass(frozen=True)
class WriteCounts:
    created: int
    updated: int
    deleted: int


def write(graph: Graph, rows: Sequence[Row]) -> WriteCounts:
    """Make the stored RELATED_TO pairs equal ``rows``, writing only what differs: a refresh after
    one new document changes a few hundred pairs, and rewriting all of them (431 000 at 50 000
    projects) took 48 s of deleting and 38 s of creating. Batched; RELATED_TO never carries sources."""
    stored = {(r["a"], r["b"]): r for r in stored_rows(graph)}
    created, updated = [], []
    for row in rows:
        old = stored.pop((row["a"], row["b"]), None)
        if old is None:
            created.append(row)
        elif any(old[field] != row.get(field) for field in STORED_FIELDS):
            updated.append(row)
    deleted = [{"a": a, "b": b} for a, b in stored]
    computed_at = datetime.now(UTC).isoformat(timespec="seconds")
    for name, batch_rows in [
        ("analytics/related_delete_pairs", deleted),
        ("analytics/related_update", updated),
        ("analytics/related_write", created),
    ]:
        for lo in range(0, len(batch_rows), WRITE_BATCH):
            graph.write(name, rows=batch_rows[lo : lo + WRITE_BATCH], computed_at=computed_at)
    return WriteCounts(len(created), len(updated), len(deleted))


def stored_rows(graph: Graph) -> list[Row]:
    """The RELATED_TO pairs as stored, in the shape ``compute`` returns (plus the overlap marks)."""
    return [
        {"a": row["a"], "b": pair[0], **dict(zip(STORED_FIELDS, pair[1:], strict=True))}
        for row in graph.read("analytics/related_stored")
        for pair in row["pairs"]
    ]


# --- look-ups --------------------------------------------------------------------------------


def related_to_project(graph: Graph, project_id: str, limit: int = 10) -> list[Row]:
    """The precomputed related initiatives of one project, best first."""
    return graph.read("analytics/related_for_project", id=project_id, limit=limit)


def related_to_text(graph: Graph, text: str, limit: int = 10) -> list[Row]:
    """Projects related to free text: full-text candidates (Swedish analyzer, compound parts),
    re-ranked by TF-IDF cosine with the text; reasons name the shared words."""
    from graph.analytics import search  # here: search imports nothing from related

    candidates = search.search(graph, text, labels=["Project"], limit=50, require_all=False)["results"]
    if not candidates:
        return []
    texts = [text] + [f"{c['name']} {c['text']}" for c in candidates]
    model = similarity.fit(texts)
    surface = _surface_forms(texts)
    terms = model.terms()
    top_lucene = max(c["score"] for c in candidates) or 1.0
    # each candidate's products with the text's weights, all rows at once (not 2 slices per row)
    query = model.matrix[0].toarray().ravel()
    shared = (model.matrix[1:] @ sparse.diags(query)).tocsr()
    shared.eliminate_zeros()
    shared.sort_indices()
    results = []
    for n, candidate in enumerate(candidates):
        data = shared.data[shared.indptr[n] : shared.indptr[n + 1]]
        columns = shared.indices[shared.indptr[n] : shared.indptr[n + 1]]
        cos = float(data.sum())
        best = columns[np.argsort(-data, kind="stable")[:4]]  # ties in the vocabulary's order
        words = [surface.get(str(terms[c]), str(terms[c])) for c in best]
        score = 0.5 * cos + 0.5 * candidate["score"] / top_lucene
        found = [shared_words_reason(words)] if cos >= TEXT_REASON_MIN and words else []
        found += [f"samma fokusområde: {f}" for f in candidate["focus_areas"] if _mentions(text, f)]
        found += [f"samma målgrupp: {t}" for t in candidate["target_groups"] if _mentions(text, t)]
        results.append(
            {
                "id": candidate["id"],
                "name": candidate["name"],
                "county": candidate["county"],
                "status": candidate["status"],
                "score": round(score, 4),
                "text_score": round(cos, 4),
                "reasons": found,
            }
        )
    results.sort(key=lambda r: (-r["score"], r["id"]))
    return results[:limit]


def _mentions(text: str, name: str) -> bool:
    """The text names a focus area or target group: all of the name's content stems occur in it."""
    wanted = set(similarity.stems(name))
    return bool(wanted) and wanted <= set(similarity.stems(text))


def related(graph: Graph, project_or_text: str, limit: int = 10) -> dict[str, Any]:
    """A project id gives its precomputed neighbours; anything else is free text."""
    project = graph.read_one("analytics/project_exists", id=project_or_text)
    if project is not None:
        return {"project": project, "results": related_to_project(graph, project_or_text, limit)}
    results = related_to_text(graph, project_or_text, limit)
    return {"project": None, "text": project_or_text, "results": results}
