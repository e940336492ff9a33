"""Task links between two documents: candidates, re-scoring, selection.

Selection, for each task of the "from" document:
- as a whole: its best target when the score reaches the threshold, plus further targets
  within ``margin`` of the best, at most ``max_links``;
- through its parts: each bullet, clause, restated line or narrative sentence keeps its own
  best target when that reaches the threshold (``min_sentence`` at least for a narrative
  sentence). A report item whose bullets cover five tasks of the next plan links to each.
The link keeps the view pair that carries it, so the evidence can name the bullet.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from .index import Vectors, top_candidates
from .options import LinkOptions
from .views import SENTENCE, WHOLE


@dataclass
class Side:
    rows: np.ndarray            # view rows of the shared matrix
    task_of: np.ndarray         # task index of each view row
    factor: np.ndarray          # weight of each view's similarity (parts count a little less)
    kind: list[str]             # kind of each view (views.WHOLE, BULLET, ...)
    lead_group: np.ndarray      # per task: number of its set of lead ids (after successors), -1 none
    lead_sets: list[frozenset[str]]  # lead_group -> the set
    due: np.ndarray             # due end as day ordinal per task, -1 when unknown


@dataclass
class Match:
    src: int                    # task index in the from-document
    dst: int
    score: float
    text_score: float
    agency: int                 # +1 same lead (after successors), -1 different, 0 unknown
    late: bool                  # the from-task ends after the task it carries out
    src_view: int               # view rows (indexes into Side.rows) that carry the link
    dst_view: int


def _agency(src: Side, dst: Side, q: np.ndarray, t: np.ndarray) -> np.ndarray:
    """+1 / -1 / 0 per candidate pair, computed once per distinct pair of lead sets."""
    ga, gb = src.lead_group[q], dst.lead_group[t]
    out = np.zeros(len(q), dtype=np.int8)
    known = (ga >= 0) & (gb >= 0)
    if not known.any():
        return out
    width = len(dst.lead_sets) + 1
    pair = ga[known].astype(np.int64) * width + gb[known]
    uniq, inv = np.unique(pair, return_inverse=True)
    verdict = np.array([1 if src.lead_sets[p // width] & dst.lead_sets[p % width] else -1
                        for p in uniq.tolist()], dtype=np.int8)
    out[known] = verdict[inv.ravel()]
    return out


def _best(keys: np.ndarray, score: np.ndarray, tie: np.ndarray) -> np.ndarray:
    """Index of the best (highest score, then lowest tie) entry of each distinct key."""
    order = np.lexsort((tie, -score, keys))
    k = keys[order]
    return order[np.r_[True, k[1:] != k[:-1]]]


def match_pair(vectors: Vectors, src: Side, dst: Side, kind: str, options: LinkOptions,
               stated: bool = True) -> list[Match]:
    m = vectors.matrix
    qv, tv, cos = top_candidates(m[src.rows], m[dst.rows], options.candidates, options.query_features,
                                 options.posting_limit)
    if len(qv) == 0:
        return []
    q, t = src.task_of[qv], dst.task_of[tv]
    text = cos * src.factor[qv] * dst.factor[tv]
    score = text.astype(np.float64)
    agency = _agency(src, dst, q, t)
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

    n_dst = int(dst.task_of.max()) + 1 if len(dst.task_of) else 1
    # Whole-task selection: each task pair is as good as its best view pair.
    pair_key = q.astype(np.int64) * n_dst + t
    best_pair = _best(pair_key, score, qv.astype(np.int64) * len(dst.rows) + tv)
    bq, bt, bs = q[best_pair], t[best_pair], score[best_pair]
    order = np.lexsort((bt, -bs, bq))
    best_pair, bq, bs = best_pair[order], bq[order], bs[order]
    starts = np.flatnonzero(np.r_[True, bq[1:] != bq[:-1]])
    lengths = np.diff(np.r_[starts, len(bq)])
    top = np.repeat(bs[starts], lengths)
    rank = np.arange(len(bq)) - np.repeat(starts, lengths)
    keep = (bs >= floor) & (bs >= top - options.margin) & (rank < options.max_links)
    chosen = set(best_pair[keep].tolist())

    # Part selection: each part of a from-task keeps its own best target.
    is_part = np.array([k != WHOLE for k in src.kind], dtype=bool)[qv]
    if is_part.any():
        idx = np.flatnonzero(is_part)
        best_of_part = idx[_best(qv[idx].astype(np.int64), score[idx], t[idx].astype(np.int64))]
        sentence = np.array([k == SENTENCE for k in src.kind], dtype=bool)[qv[best_of_part]]
        part_floor = np.where(sentence, max(floor, options.min_sentence), floor)
        for n in best_of_part[score[best_of_part] >= part_floor].tolist():
            chosen.add(n)

    # One link per task pair: the best of the entries chosen for it.
    chosen_idx = np.array(sorted(chosen), dtype=np.int64)
    if len(chosen_idx) == 0:
        return []
    final = chosen_idx[_best(pair_key[chosen_idx], score[chosen_idx],
                             qv[chosen_idx].astype(np.int64) * len(dst.rows) + tv[chosen_idx])]
    final = final[np.lexsort((t[final], -score[final], q[final]))]
    return [Match(int(q[n]), int(t[n]), float(score[n]), round(float(text[n]), 4), int(agency[n]),
                  bool(late[n]), int(qv[n]), int(tv[n])) for n in final.tolist()]
