"""TF-IDF vectors over syllable n-grams and a near-linear top-k candidate search.

Candidate search never loops over pairs in Python and its work grows linearly with the
number of tasks: each query row keeps only its ``query_features`` highest-weighted
features (rare, telling n-grams), each feature's list of target rows keeps at most
``posting_limit`` rows, the same sample of rows for every feature (``truncate_postings``:
a feature shared by thousands of tasks cannot tell them apart), the pruned queries are
multiplied by the pruned target matrix in row blocks, and the k best columns of each row
are taken with one ``argpartition`` on the block. Exact cosine on the full vectors is then
computed for the candidates only. Work per query row is bounded by
``query_features * posting_limit``, whatever the size of the documents.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import scipy.sparse as sp


@dataclass
class Vectors:
    matrix: sp.csr_matrix          # one L2-normalised row per view
    keys: np.ndarray               # feature key of each column (see features.Corpus.keys)
    corpus: object | None = None   # features.Corpus, to display a feature

    @property
    def vocabulary(self) -> list[str]:
        return [self.display(int(k)) for k in self.keys]

    def display(self, column: int) -> str:
        if self.corpus is None:
            return str(self.keys[column])
        return self.corpus.display(int(self.keys[column]))

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
        top = [self.display(int(c)) for c in common[order]]
        bigrams = [f for f in top if " " in f]
        inside = {p for f in bigrams for p in f.split(" ")}
        return (bigrams + [f for f in top if " " not in f and f not in inside])[:limit]


def term_frequencies(corpus, weights: list[float] | None = None, groups: list[int] | None = None,
                     texts: list[int] | None = None) -> tuple[sp.csr_matrix, np.ndarray]:
    """(sublinear tf matrix, feature key of each column) of the texts of a ``features.Corpus``.

    With ``groups``, several texts form one row: entry n adds text ``texts[n]`` to row
    ``groups[n]`` scaled by ``weights[n]`` (a report item's heading and its narrative).
    """
    rows, keys = corpus.keys()
    n_texts = len(corpus)
    uniq, cols = _factorise(keys)
    tf = sp.csr_matrix((np.ones(len(cols), dtype=np.float32), (rows, cols)),
                       shape=(n_texts, max(len(uniq), 1)))
    tf.sum_duplicates()
    tf.data = 1.0 + np.log(tf.data)
    if groups is not None:
        n_entries = len(groups)
        w = np.ones(n_entries, dtype=np.float32) if weights is None else np.asarray(weights, np.float32)
        src = np.arange(n_entries) if texts is None else np.asarray(texts, dtype=np.int64)
        n_rows = (max(groups) + 1) if n_entries else 0
        combine = sp.csr_matrix((w, (np.asarray(groups, dtype=np.int64), src)), shape=(n_rows, n_texts))
        tf = (combine @ tf).tocsr()
    tf.sort_indices()
    return tf, uniq


def tfidf(tf: sp.csr_matrix) -> sp.csr_matrix:
    """TF-IDF with idf (smoothed) over the rows given, rows L2-normalised."""
    n_rows = tf.shape[0]
    df = np.bincount(tf.indices, minlength=tf.shape[1]).astype(np.float32)
    idf = (np.log((1.0 + n_rows) / (1.0 + df)) + 1.0).astype(np.float32)
    out = tf.copy()
    out.data = out.data * idf[out.indices]
    return _l2(out)


def vectorise_corpus(corpus, weights: list[float] | None = None,
                     groups: list[int] | None = None, texts: list[int] | None = None) -> Vectors:
    """TF-IDF (sublinear tf, smoothed idf over all rows, L2 rows); see ``term_frequencies``."""
    tf, keys = term_frequencies(corpus, weights, groups, texts)
    return Vectors(tfidf(tf), keys, corpus)


def _factorise(keys: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """(sorted distinct keys, index of each key among them): ``np.unique(return_inverse)``
    with one unstable sort, about twice as fast."""
    if len(keys) == 0:
        return keys, np.zeros(0, dtype=np.int64)
    order = np.argsort(keys)
    ordered = keys[order]
    new = np.r_[True, ordered[1:] != ordered[:-1]]
    inverse = np.empty(len(keys), dtype=np.int64)
    inverse[order] = np.cumsum(new) - 1
    return ordered[new], inverse


def vectorise(texts: list[str], weights: list[float] | None = None,
              groups: list[int] | None = None, words: bool = False) -> Vectors:
    """TF-IDF of texts (one row each, or grouped; see ``vectorise_corpus``)."""
    from .features import Corpus

    corpus = Corpus(words=words)
    numbers = [corpus.add(t) for t in texts]
    return vectorise_corpus(corpus, weights, groups, numbers)


def _l2(m: sp.csr_matrix) -> sp.csr_matrix:
    lengths = np.diff(m.indptr)
    sq = np.add.reduceat(m.data * m.data, m.indptr[:-1][lengths > 0]) if m.nnz else np.zeros(0)
    norms = np.ones(m.shape[0], dtype=np.float32)
    norms[lengths > 0] = np.sqrt(sq)
    norms[norms == 0] = 1.0
    m.data = (m.data / np.repeat(norms, lengths)).astype(np.float32)
    return m


def _rank_within(groups: np.ndarray, values: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Order of entries by (group, -value) and each entry's rank within its group.

    Values lie in [0, 1] (L2-normalised rows), so one float64 key sorts both at once; the
    stable sort keeps equal values in their stored order (lower index first).
    """
    key = groups.astype(np.float64) * 4.0 + (1.0 - values.astype(np.float64))
    order = np.argsort(key, kind="stable")
    g = groups[order]
    starts = np.flatnonzero(np.r_[True, g[1:] != g[:-1]])
    rank = np.arange(len(g)) - np.repeat(starts, np.diff(np.r_[starts, len(g)]))
    return order, rank


def prune_rows(m: sp.csr_matrix, keep: int) -> sp.csr_matrix:
    """Keep the ``keep`` largest entries of each row (ties: lower column first)."""
    m = m.tocsr()
    lengths = np.diff(m.indptr)
    if keep <= 0 or lengths.max(initial=0) <= keep:
        return m
    row_of = np.repeat(np.arange(m.shape[0]), lengths)
    order, rank = _rank_within(row_of, m.data)
    kept = order[rank < keep]
    kept.sort()  # back to row-major order: rows and their columns stay sorted
    counts = np.bincount(row_of[kept], minlength=m.shape[0])
    indptr = np.concatenate([[0], np.cumsum(counts)]).astype(np.int64)
    return sp.csr_matrix((m.data[kept], m.indices[kept], indptr), shape=m.shape)


def truncate_postings(m: sp.csr_matrix, limit: int) -> sp.csr_matrix:
    """Keep, for each column with more than ``limit`` entries, the ``limit`` rows that come
    first in one fixed pseudo-random order of the rows.

    The order is the same for every column (a bottom-k sketch): rows that share many of a
    query's features survive in many of its truncated lists together, so near-duplicates of
    the query still accumulate the highest approximate scores, while a feature held by
    thousands of rows costs at most ``limit`` of them. Keeping each column's largest
    weights instead favours short rows that happen to contain the feature.
    """
    if limit <= 0:
        return m
    csc = m.tocsc()
    lengths = np.diff(csc.indptr)
    if lengths.max(initial=0) <= limit:
        return m
    col_of = np.repeat(np.arange(csc.shape[1]), lengths)
    # A fixed permutation of the rows (multiplicative hashing): deterministic across runs.
    rank_of_row = (np.arange(csc.shape[0], dtype=np.uint64) * np.uint64(2654435761)) % np.uint64(2**32)
    priority = rank_of_row[csc.indices].astype(np.float64) / 2.0**32
    order, rank = _rank_within(col_of, 1.0 - priority)
    kept = order[rank < limit]
    kept.sort()
    counts = np.bincount(col_of[kept], minlength=csc.shape[1])
    indptr = np.concatenate([[0], np.cumsum(counts)]).astype(np.int64)
    return sp.csc_matrix((csc.data[kept], csc.indices[kept], indptr), shape=csc.shape).tocsr()


def _top_k_rows(p: sp.csr_matrix, k: int) -> tuple[np.ndarray, np.ndarray]:
    """(row, column) of the k largest entries of each row of a CSR block."""
    lengths = np.diff(p.indptr)
    rows = np.repeat(np.arange(p.shape[0]), lengths)
    if lengths.max(initial=0) <= k:
        return rows, p.indices.astype(np.int64)
    # One dense (rows x longest row) array, padded with -1: argpartition along rows.
    width = int(lengths.max())
    pos = np.arange(p.nnz) - np.repeat(p.indptr[:-1], lengths)
    vals = np.full((p.shape[0], width), -1.0, dtype=np.float32)
    vals[rows, pos] = p.data
    cols = np.zeros((p.shape[0], width), dtype=np.int64)
    cols[rows, pos] = p.indices
    part = np.argpartition(-vals, k - 1, axis=1)[:, :k]
    r = np.repeat(np.arange(p.shape[0]), k)
    c = part.ravel()
    keep = vals[r, c] > 0
    return r[keep], cols[r, c][keep]


def top_candidates(queries: sp.csr_matrix, targets: sp.csr_matrix, k: int, query_features: int,
                   posting_limit: int = 0, cells: int = 4_000_000
                   ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(query row, target row, exact cosine) for the k best targets of each query.

    Rows come out sorted by query, then by decreasing score, then by target row.
    ``posting_limit`` 0 keeps every target row of a feature (exact top-k of the pruned
    queries); ``cells`` bounds the dense block used to pick each row's k best.
    """
    empty = np.zeros(0, dtype=np.int64)
    if queries.shape[0] == 0 or targets.shape[0] == 0:
        return empty, empty, np.zeros(0, dtype=np.float32)
    pruned = prune_rows(queries, query_features)
    t_t = truncate_postings(targets, posting_limit).T.tocsc()
    k = min(k, targets.shape[0])
    # Rows per block: the product of a row has at most query_features * posting rows.
    widest = query_features * (posting_limit or targets.shape[0])
    block = max(64, min(8192, cells // max(1, min(widest, targets.shape[0]))))
    qs, ts = [], []
    for start in range(0, queries.shape[0], block):
        approx = (pruned[start:start + block] @ t_t).tocsr()
        r, c = _top_k_rows(approx, k)
        qs.append(r + start)
        ts.append(c)
    q = np.concatenate(qs) if qs else empty
    t = np.concatenate(ts) if ts else empty
    if len(q) == 0:
        return empty, empty, np.zeros(0, dtype=np.float32)
    scores = exact_cosine(queries, targets, q, t)
    order = np.lexsort((t, -scores, q))
    return q[order], t[order], scores[order]


def exact_cosine(a: sp.csr_matrix, b: sp.csr_matrix, rows_a: np.ndarray, rows_b: np.ndarray,
                 block: int = 200_000) -> np.ndarray:
    out = np.empty(len(rows_a), dtype=np.float32)
    for start in range(0, len(rows_a), block):
        ra = rows_a[start:start + block]
        rb = rows_b[start:start + block]
        out[start:start + block] = np.asarray(a[ra].multiply(b[rb]).sum(axis=1)).ravel()
    return np.clip(out, 0.0, 1.0)
