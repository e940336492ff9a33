"""Task links between two documents: candidates, re-scoring, selection."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from .index import Vectors, top_candidates
from .options import LinkOptions


@dataclass
class Side:
    rows: np.ndarray            # view rows of the shared matrix
    task_of: np.ndarray         # task index of each view row
    factor: np.ndarray          # weight of each view's similarity (parts count a little less)
    leads: list[frozenset[str]]
    lead_names: list[dict[str, str]]
    due: np.ndarray             # due end as day ordinal per task, -1 when unknown


@dataclass
class Match:
    src: int                    # task index in the from-document
    dst: int
    score: float
    text_score: float
    agency: int                 # +1 same lead (after successors), -1 different, 0 unknown
    late: bool                  # the from-task ends after the task it carries out
    shared: list[str]


def _best_per_pair(q, t, cos, qv, tv):
    """Collapse view pairs to task pairs, keeping the most similar view pair."""
    order = np.lexsort((tv, qv, -cos, t, q))
    q, t, cos, qv, tv = q[order], t[order], cos[order], qv[order], tv[order]
    first = np.r_[True, (q[1:] != q[:-1]) | (t[1:] != t[:-1])]
    return q[first], t[first], cos[first], qv[first], tv[first]


def match_pair(vectors: Vectors, src: Side, dst: Side, kind: str, options: LinkOptions,
               stated: bool = True) -> list[Match]:
    m = vectors.matrix
    qv, tv, cos = top_candidates(m[src.rows], m[dst.rows], options.candidates, options.query_features)
    if len(qv) == 0:
        return []
    q, t = src.task_of[qv], dst.task_of[tv]
    cos = cos * src.factor[qv] * dst.factor[tv]
    q, t, cos, qv, tv = _best_per_pair(q, t, cos, qv, tv)
    score = cos.astype(np.float64)
    agency = np.zeros(len(q), dtype=np.int8)
    for n in range(len(q)):
        a, b = src.leads[q[n]], dst.leads[t[n]]
        if a and b:
            agency[n] = 1 if a & b else -1
    # Bonus and penalty move the score a fraction of the way to 1 or to 0: it stays in
    # [0, 1] and keeps its order among equally supported pairs.
    score = score + options.agency_bonus * (1.0 - score) * (agency > 0)
    late = np.zeros(len(q), dtype=bool)
    if kind == "implements":
        ds, dd = src.due[q], dst.due[t]
        late = (ds >= 0) & (dd >= 0) & (ds > dd)
        score = score * (1.0 - options.deadline_penalty * late)
    score = np.round(np.clip(score, 0.0, 1.0), 4)
    if kind == "related":
        floor = options.min_related
    else:
        floor = options.min_score if stated else max(options.min_score, options.min_cited)
    order = np.lexsort((t, -score, q))
    q, t, score, cos, agency, late, qv, tv = (
        a[order] for a in (q, t, score, cos, agency, late, qv, tv))
    starts = np.flatnonzero(np.r_[True, q[1:] != q[:-1]])
    best = np.repeat(score[starts], np.diff(np.r_[starts, len(q)]))
    rank = np.arange(len(q)) - np.repeat(starts, np.diff(np.r_[starts, len(q)]))
    keep = (score >= floor) & (score >= best - options.margin) & (rank < options.max_links)
    out = []
    for n in np.flatnonzero(keep):
        shared = vectors.shared(int(src.rows[qv[n]]), vectors, int(dst.rows[tv[n]]))
        out.append(Match(int(q[n]), int(t[n]), float(score[n]), round(float(cos[n]), 4),
                         int(agency[n]), bool(late[n]), shared))
    return out
