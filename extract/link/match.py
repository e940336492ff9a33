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

from .index import exact_cosine, top_candidates
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
    day: np.ndarray             # deadline set to the day (deadlines.precise_end), -1 when not
    first_view: np.ndarray      # per task: its first view (index into rows), -1 when it has none


@dataclass
class Match:
    src: int                    # task index in the from-document
    dst: int
    score: float
    text_score: float
    agency: int                 # +1 same lead (after successors), -1 different, 0 unknown
    late: bool                  # the from-task ends after the task it carries out
    same_day: bool              # both deadlines are set to the same day (or within deadline_days)
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


def _same_day_candidates(queries, targets, src: Side, dst: Side, options: LinkOptions, qv, tv, cos):
    """Add the pairs of tasks whose deadlines fall on the same day, whatever their wording:
    a plan that carries out "Tổ chức hiệp thương lần thứ nhất: chậm nhất ngày 10/12/2025"
    may say "Hiệp thương về cơ cấu, thành phần ..." with that same day. A day that more than
    ``day_limit`` tasks of either document share is skipped (it is a common deadline)."""
    limit = options.day_limit
    days: dict[int, list[int]] = {}
    for n, d in enumerate(dst.day.tolist()):
        if d >= 0 and dst.first_view[n] >= 0:
            days.setdefault(d, []).append(n)
    if not days:
        return qv, tv, cos
    src_count: dict[int, int] = {}
    for d in src.day.tolist():
        if d >= 0:
            src_count[d] = src_count.get(d, 0) + 1
    extra_q, extra_t = [], []
    for n, d in enumerate(src.day.tolist()):
        if d < 0 or src.first_view[n] < 0 or src_count[d] > limit:
            continue
        for off in range(-options.deadline_days, options.deadline_days + 1):
            hits = days.get(d + off, ())
            if 0 < len(hits) <= limit:
                extra_q.extend([src.first_view[n]] * len(hits))
                extra_t.extend(dst.first_view[h] for h in hits)
    if not extra_q:
        return qv, tv, cos
    eq = np.asarray(extra_q, dtype=np.int64)
    et = np.asarray(extra_t, dtype=np.int64)
    ec = exact_cosine(queries, targets, eq, et)
    return np.r_[qv, eq], np.r_[tv, et], np.r_[cos, ec]


def _best(keys: np.ndarray, score: np.ndarray, tie: np.ndarray) -> np.ndarray:
    """Index of the best (highest score, then lowest tie) entry of each distinct key."""
    order = np.lexsort((tie, -score, keys))
    k = keys[order]
    return order[np.r_[True, k[1:] != k[:-1]]]


def match_pair(queries, targets, src: Side, dst: Side, kind: str, options: LinkOptions,
               stated: bool = True) -> list[Match]:
    """Links from the tasks of ``src`` to those of ``dst``; ``queries`` and ``targets`` are
    the TF-IDF rows of their views (``Side.rows`` order)."""
    qv, tv, cos = top_candidates(queries, targets, options.candidates, options.query_features,
                                 options.posting_limit)
    if options.deadline_bonus > 0:
        qv, tv, cos = _same_day_candidates(queries, targets, src, dst, options, qv, tv, cos)
    if len(qv) == 0:
        return []
    q, t = src.task_of[qv], dst.task_of[tv]
    text = cos * src.factor[qv] * dst.factor[tv]
    score = text.astype(np.float64)
    agency = _agency(src, dst, q, t)
    # Bonus and penalty move the score a fraction of the way to 1 or to 0: it stays in
    # [0, 1] and keeps its order among equally supported pairs.
    score = score + options.agency_bonus * (1.0 - score) * (agency > 0)
    ds_, dt_ = src.day[q], dst.day[t]
    same_day = (ds_ >= 0) & (dt_ >= 0) & (np.abs(ds_ - dt_) <= options.deadline_days)
    score = score + options.deadline_bonus * (1.0 - score) * same_day
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
                  bool(late[n]), bool(same_day[n]), int(qv[n]), int(tv[n])) for n in final.tolist()]
