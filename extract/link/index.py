"""TF-IDF vectors over syllable n-grams and top-k candidate search with sparse products.

Candidate search never loops over pairs in Python: each query row keeps only its
highest-weighted features (rare, telling n-grams), the pruned queries are multiplied by
the transposed target matrix in row blocks, and the k best columns of each row are taken
with ``argpartition``. Exact cosine on the full vectors is then computed for the
candidates only.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import scipy.sparse as sp


@dataclass
class Vectors:
    matrix: sp.csr_matrix          # one L2-normalised row per text
    vocabulary: list[str]          # feature of each column

    def shared(self, i: int, other: "Vectors", j: int, limit: int = 3) -> list[str]:
        """The features that contribute most to the similarity of row i and row j."""
        a, b = self.matrix, other.matrix
        ai, ad = a.indices[a.indptr[i]:a.indptr[i + 1]], a.data[a.indptr[i]:a.indptr[i + 1]]
        bi, bd = b.indices[b.indptr[j]:b.indptr[j + 1]], b.data[b.indptr[j]:b.indptr[j + 1]]
        common, ia, ib = np.intersect1d(ai, bi, assume_unique=True, return_indices=True)
        if len(common) == 0:
            return []
        prod = ad[ia] * bd[ib]
        order = np.lexsort((common, -prod))[: 2 * limit]
        top = [self.vocabulary[c] for c in common[order]]
        # Two-syllable features read better; a syllable already inside one adds nothing.
        bigrams = [f for f in top if " " in f]
        inside = {p for f in bigrams for p in f.split(" ")}
        return (bigrams + [f for f in top if " " not in f and f not in inside])[:limit]


class Encoder:
    """Feature strings -> column ids, numbered in order of first use."""

    def __init__(self):
        self.vocab: dict[str, int] = {}

    def encode(self, feats: list[str]) -> np.ndarray:
        vocab = self.vocab
        add = vocab.setdefault
        # len(vocab) is read before setdefault inserts: a new feature gets the next id.
        return np.fromiter((add(f, len(vocab)) for f in feats), dtype=np.int32, count=len(feats))

    def words(self) -> list[str]:
        out = [""] * len(self.vocab)
        for f, c in self.vocab.items():
            out[c] = f
        return out


def vectorise(feature_lists: list[list[str]], weights: list[float] | None = None,
              groups: list[int] | None = None) -> Vectors:
    """TF-IDF of feature lists (see ``vectorise_ids``)."""
    enc = Encoder()
    return vectorise_ids([enc.encode(f) for f in feature_lists], enc.words(), weights, groups)


def vectorise_ids(id_lists: list[np.ndarray], words: list[str], weights: list[float] | None = None,
                  groups: list[int] | None = None) -> Vectors:
    """TF-IDF (sublinear tf, smoothed idf, L2 rows) of encoded feature lists.

    With ``groups``, several lists form one row: list n is added to row ``groups[n]``
    scaled by ``weights[n]`` (a report item's heading and its narrative).
    """
    n_lists = len(id_lists)
    lengths = np.fromiter((len(a) for a in id_lists), dtype=np.int64, count=n_lists)
    cols = np.concatenate(id_lists).astype(np.int64) if n_lists else np.zeros(0, dtype=np.int64)
    rows = np.repeat(np.arange(n_lists, dtype=np.int64), lengths)
    tf = sp.csr_matrix(
        (np.ones(len(cols), dtype=np.float32), (rows, cols)),
        shape=(n_lists, max(len(words), 1)),
    )
    tf.sum_duplicates()
    tf.data = 1.0 + np.log(tf.data)
    if groups is not None:
        w = np.ones(n_lists, dtype=np.float32) if weights is None else np.asarray(weights, np.float32)
        n_rows = (max(groups) + 1) if groups else 0
        combine = sp.csr_matrix((w, (np.asarray(groups), np.arange(n_lists))), shape=(n_rows, n_lists))
        tf = (combine @ tf).tocsr()
    n_rows = tf.shape[0]
    df = np.bincount(tf.indices, minlength=tf.shape[1]).astype(np.float32)
    idf = np.log((1.0 + n_rows) / (1.0 + df)) + 1.0
    tf = tf @ sp.diags(idf.astype(np.float32))
    tf = _l2(tf.tocsr())
    return Vectors(tf, words)


def _l2(m: sp.csr_matrix) -> sp.csr_matrix:
    norms = np.sqrt(np.asarray(m.multiply(m).sum(axis=1)).ravel())
    norms[norms == 0] = 1.0
    return (sp.diags((1.0 / norms).astype(np.float32)) @ m).tocsr()


def prune_rows(m: sp.csr_matrix, keep: int) -> sp.csr_matrix:
    """Keep the ``keep`` largest entries of each row (ties: lower column first)."""
    m = m.tocsr()
    lengths = np.diff(m.indptr)
    if keep <= 0 or lengths.max(initial=0) <= keep:
        return m
    mask = np.ones(m.nnz, dtype=bool)
    for r in np.nonzero(lengths > keep)[0]:
        lo, hi = m.indptr[r], m.indptr[r + 1]
        order = np.lexsort((m.indices[lo:hi], -m.data[lo:hi]))
        mask[lo + order[keep:]] = False
    row_of = np.repeat(np.arange(m.shape[0]), lengths)
    kept = np.bincount(row_of[mask], minlength=m.shape[0])
    indptr = np.concatenate([[0], np.cumsum(kept)]).astype(np.int64)
    return sp.csr_matrix((m.data[mask], m.indices[mask], indptr), shape=m.shape)


def top_candidates(queries: sp.csr_matrix, targets: sp.csr_matrix, k: int,
                   query_features: int, block: int = 1024) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(query row, target row, exact cosine) for the k best targets of each query.

    Rows come out sorted by query, then by decreasing score, then by target row.
    """
    if queries.shape[0] == 0 or targets.shape[0] == 0:
        empty = np.zeros(0, dtype=np.int64)
        return empty, empty, np.zeros(0, dtype=np.float32)
    pruned = prune_rows(queries, query_features)
    t_t = targets.T.tocsc()
    k = min(k, targets.shape[0])
    qs, ts = [], []
    for start in range(0, queries.shape[0], block):
        approx = (pruned[start:start + block] @ t_t).tocsr()
        for r in range(approx.shape[0]):
            lo, hi = approx.indptr[r], approx.indptr[r + 1]
            if lo == hi:
                continue
            vals = approx.data[lo:hi]
            cols = approx.indices[lo:hi]
            if hi - lo > k:
                part = np.argpartition(-vals, k - 1)[:k]
                cols = cols[part]
            qs.append(np.full(len(cols), start + r, dtype=np.int64))
            ts.append(cols.astype(np.int64))
    if not qs:
        empty = np.zeros(0, dtype=np.int64)
        return empty, empty, np.zeros(0, dtype=np.float32)
    q = np.concatenate(qs)
    t = np.concatenate(ts)
    scores = exact_cosine(queries, targets, q, t)
    order = np.lexsort((t, -scores, q))
    return q[order], t[order], scores[order]


def exact_cosine(a: sp.csr_matrix, b: sp.csr_matrix, rows_a: np.ndarray, rows_b: np.ndarray,
                 block: int = 50_000) -> np.ndarray:
    out = np.empty(len(rows_a), dtype=np.float32)
    for start in range(0, len(rows_a), block):
        ra = rows_a[start:start + block]
        rb = rows_b[start:start + block]
        out[start:start + block] = np.asarray(a[ra].multiply(b[rb]).sum(axis=1)).ravel()
    return np.clip(out, 0.0, 1.0)
