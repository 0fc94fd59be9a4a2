"""neighbours.top_k against a brute-force reference: the same cells, ties and all."""

from __future__ import annotations

import numpy as np
import pytest
from scipy import sparse

from graph.analytics import neighbours


def _reference(
    dense: np.ndarray, k: int, min_score: float, groups: list[str] | None, k_other: int
) -> set[tuple[int, int, float]]:
    """Every row against every row, in plain Python; ties to the row first in (group, input) order."""
    n = len(dense)
    group = groups or [""] * n
    position = {j: (group[j], j) for j in range(n)}
    found = set()
    for i in range(n):
        scored = [(float(dense[i] @ dense[j]), j) for j in range(n) if j != i]
        ranked = sorted((s, j) for s, j in scored if s >= min_score)
        ranked.sort(key=lambda sj: (-sj[0], position[sj[1]]))
        chosen = ranked[:k]
        if groups and k_other:
            chosen += [sj for sj in ranked if group[sj[1]] != group[i]][:k_other]
        found |= {(i, j, s) for s, j in chosen}
    return found


@pytest.mark.parametrize("dense_share", [0.0, 0.3, 1.1])  # all dense, mixed, all sparse
@pytest.mark.parametrize("with_groups", [False, True])
def test_top_k_matches_brute_force_with_ties(
    monkeypatch: pytest.MonkeyPatch, dense_share: float, with_groups: bool
) -> None:
    rng = np.random.default_rng(7)
    n, columns = 300, 40
    # small integers: every sum is exact, and many scores tie
    dense = rng.integers(0, 3, (n, columns)) * (rng.random((n, columns)) < 0.15)
    dense[:, 0] = rng.random(n) < 0.8  # a column nearly every row uses
    dense = dense.astype(np.float32)
    groups = [f"län {g}" for g in rng.integers(0, 5, n)] if with_groups else None
    monkeypatch.setattr(neighbours, "DENSE_SHARE", dense_share)
    monkeypatch.setattr(neighbours, "CHUNK", 16)  # several chunks per row and a partial last one
    monkeypatch.setattr(neighbours, "BLOCK_CELLS", 50 * n)  # several blocks, group runs across them
    found = neighbours.top_k(sparse.csr_matrix(dense), 4, 1.0, groups=groups, k_other=2)
    got = set(zip(found.i.tolist(), found.j.tolist(), found.score.tolist(), strict=True))
    assert len(got) == len(found)  # each pair once per row
    assert got == _reference(dense, 4, 1.0, groups, 2)


def test_top_k_of_tiny_and_empty_inputs() -> None:
    assert len(neighbours.top_k(sparse.csr_matrix((1, 3), dtype=np.float32), 5, 0.1)) == 0
    two = neighbours.top_k(sparse.csr_matrix(np.array([[1.0, 0.0], [1.0, 1.0]], dtype=np.float32)), 5, 0.1)
    assert sorted(zip(two.i.tolist(), two.j.tolist(), strict=True)) == [(0, 1), (1, 0)]
    apart = neighbours.top_k(sparse.csr_matrix(np.eye(3, dtype=np.float32)), 5, 0.1)
    assert len(apart) == 0  # nothing shared, nothing above min_score
