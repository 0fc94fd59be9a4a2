"""The k best neighbours of every row of a sparse matrix by dot product: exact, in blocks of rows.

At national scale a few columns are shared by thousands of rows (five focus areas, eight target
groups, the commonest stems), which makes a sparse product nearly dense: scipy spent most of a
50 000-row refresh building sparse results with billions of entries. So the columns most rows
share go into a small dense matrix multiplied with BLAS, the rest stay sparse and are added in,
and each block's scores are a dense array from which the best are picked by chunk maxima.
Memory stays at one block (``BLOCK_CELLS`` floats), never n × n.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from scipy import sparse

BLOCK_CELLS = 25_000_000  # scores held at once: rows per block × n float32 cells (100 MB)
MAX_DENSE_COLUMNS = 512  # BLAS time grows with these; sparse time with their users squared
DENSE_SHARE = 0.01  # a column used by at least this share of rows goes dense
CHUNK = 64  # cells per chunk when looking for a row's best (see _best)


@dataclass(frozen=True)
class Neighbours:
    """Parallel arrays: row ``i[n]`` has neighbour ``j[n]`` with ``score[n]``."""

    i: np.ndarray
    j: np.ndarray
    score: np.ndarray

    def __len__(self) -> int:
        return len(self.i)


def top_k(
    matrix: sparse.spmatrix,
    k: int,
    min_score: float,
    groups: Sequence[str] | None = None,
    k_other: int = 0,
) -> Neighbours:
    """For each row, its ``k`` best other rows with score >= ``min_score``, plus (with ``groups``)
    its ``k_other`` best rows from another group (e.g. another county), each pair once per row.
    Ties go to the row first in (group, input) order, so the result depends only on the input."""
    matrix = sparse.csr_matrix(matrix, dtype=np.float32)
    n = matrix.shape[0]
    if n < 2 or k < 1:
        return Neighbours(*_empty())
    group_ids = np.unique(np.asarray(groups, dtype=object), return_inverse=True)[1] if groups else np.zeros(n)
    order = np.argsort(group_ids, kind="stable")  # each group's rows (and columns) one slice
    matrix, group_ids = matrix[order], group_ids[order]
    starts = np.searchsorted(group_ids, group_ids, side="left")
    ends = np.searchsorted(group_ids, group_ids, side="right")
    dense, light = _split(matrix)
    light_t = light.T.tocsr()
    block = max(1, min(n, BLOCK_CELLS // n))
    found = []
    for lo in range(0, n, block):
        hi = min(n, lo + block)
        scores = dense[lo:hi] @ dense.T
        extra = (light[lo:hi] @ light_t).tocoo()
        scores[extra.row, extra.col] += extra.data
        scores[np.arange(hi - lo), np.arange(lo, hi)] = -np.inf  # not its own neighbour
        for first, last in _runs(starts[lo:hi]):
            own = (starts[lo + first], ends[lo + first]) if groups and k_other else None
            found.append(_pick(scores[first:last], lo + first, own, k, k_other, min_score))
    i, j, score = (np.concatenate(parts) for parts in zip(*found, strict=True)) if found else _empty()
    return Neighbours(order[i], order[j], score)


def _split(matrix: sparse.csr_matrix) -> tuple[np.ndarray, sparse.csr_matrix]:
    """The columns many rows use, as a dense array; the others, still sparse."""
    n = matrix.shape[0]
    users = np.bincount(matrix.indices, minlength=matrix.shape[1])
    busiest = np.argsort(-users, kind="stable")[:MAX_DENSE_COLUMNS]
    busy = busiest[users[busiest] >= max(2, DENSE_SHARE * n)]
    quiet = np.setdiff1d(np.arange(matrix.shape[1]), busy)
    return matrix[:, busy].toarray(), matrix[:, quiet].tocsr()


def _runs(starts: np.ndarray) -> list[tuple[int, int]]:
    """(first, last) of each run of rows in the same group within a block."""
    edges = np.flatnonzero(np.diff(starts)) + 1
    bounds = [0, *edges.tolist(), len(starts)]
    return list(zip(bounds[:-1], bounds[1:], strict=True))


def _pick(
    scores: np.ndarray, row0: int, own: tuple[int, int] | None, k: int, k_other: int, min_score: float
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """For rows of one group: the k best, and the k_other best outside the group's own columns
    ``own`` = [start, end) when given."""
    if own is None:
        return _best(scores, row0, 0, k, min_score)
    start, end = own
    inside = _best(scores[:, start:end], row0, start, k, min_score)
    scores[:, start:end] = -np.inf
    outside = _best(scores, row0, 0, k, min_score)
    merged_rows, merged_cols, merged_values = (np.concatenate(p) for p in zip(inside, outside, strict=True))
    overall = _keep_best(merged_rows, merged_cols, merged_values, k)
    rows, cols, values = (np.concatenate(p) for p in zip(overall, _keep_best(*outside, k_other), strict=True))
    _, first = np.unique(rows * (cols.max(initial=0) + 1) + cols, return_index=True)  # once per pair
    return rows[first], cols[first], values[first]


def _best(
    scores: np.ndarray, row0: int, col0: int, k: int, min_score: float
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(row, column, score) of each row's k best cells with score >= min_score; indices offset by
    ``row0`` / ``col0``.

    Partitioning whole rows cost more than the products. Instead: the maximum of each chunk of
    ``CHUNK`` cells, and the k-th largest of those maxima. k cells reach that bound, so each of a
    row's k best lies in a chunk whose maximum reaches it; only those chunks are looked at.
    """
    height, width = scores.shape
    if width == 0:
        return _empty()
    whole = width // CHUNK * CHUNK
    maxima = scores[:, :whole].reshape(height, -1, CHUNK).max(axis=2)
    if whole < width:
        maxima = np.hstack([maxima, scores[:, whole:].max(axis=1, keepdims=True)])
    chunks = maxima.shape[1]
    bound = np.full(height, min_score, dtype=np.float32)
    if chunks > k:
        bound = np.maximum(bound, np.partition(maxima, chunks - k, axis=1)[:, chunks - k])
    rows, chunk = np.nonzero(maxima >= bound[:, None])
    cols = (chunk[:, None] * CHUNK + np.arange(CHUNK)).ravel()
    rows = np.repeat(rows, CHUNK)
    inside = cols < width
    rows, cols = rows[inside], cols[inside]
    values = scores[rows, cols]
    keep = values >= bound[rows]
    return _keep_best(rows[keep] + row0, cols[keep] + col0, values[keep], k)


def _keep_best(
    rows: np.ndarray, cols: np.ndarray, values: np.ndarray, k: int
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """At most k cells per row, best first; ties (there can be many) to the lower column."""
    order = np.lexsort((cols, -values, rows))
    rows, cols, values = rows[order], cols[order], values[order]
    rank = np.arange(len(rows)) - np.searchsorted(rows, rows, side="left")
    keep = rank < k
    return rows[keep], cols[keep], values[keep]


def _empty() -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    return np.empty(0, np.int64), np.empty(0, np.int64), np.empty(0, np.float32)
