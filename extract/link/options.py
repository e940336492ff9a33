"""Thresholds and weights of the linker; defaults chosen on the seeds (docs/link.md)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class LinkOptions:
    # A task link is kept when its final score reaches this (pairs of documents that
    # carry out, report on or continue one another).
    min_score: float = 0.25
    # Plans whose relation is only inferred (A cites an earlier plan B, without saying it
    # carries it out): weaker document evidence asks for closer wording.
    min_cited: float = 0.35
    # Documents with no stated or inferred relation: only near-restatements are linked.
    min_related: float = 0.55
    # Besides its best match, a task keeps further matches within this margin of the best
    # (a report item often covers two or three tasks of the plan).
    margin: float = 0.08
    # At most this many links from one task (the best ones).
    max_links: int = 3
    # Candidates fetched per task from the index before re-scoring.
    candidates: int = 10
    # Features per query row used for candidate search (the highest-weighted ones);
    # exact similarity is then computed on full vectors.
    query_features: int = 16
    # Target rows kept per feature for candidate search (its highest-weighted ones): a
    # feature shared by more tasks than this tells none of them apart. Bounds the work per
    # task, so linking stays near-linear in the number of tasks (docs/link.md).
    posting_limit: int = 64
    # Weight of a report item's narrative relative to its heading.
    progress_weight: float = 0.35
    # Similarity through a part of a task (one bullet, one clause, one restated line)
    # counts this much of a match of the whole.
    part_factor: float = 0.9
    # Each sentence of a report narrative is a part too (it may report on another task of
    # the plan); its match counts this much, and links only from this similarity up.
    sentences: bool = True
    sentence_factor: float = 0.9
    min_sentence: float = 0.45
    # Re-scoring, as fractions of the way to 1 (same lead after the 2025 successors) and
    # to 0 (a carrying-out task that ends after the task it carries out).
    agency_bonus: float = 0.05
    deadline_penalty: float = 0.1
    # Two deadlines set to the same day ("chậm nhất ngày 10/12/2025"; not a month's last
    # day), or within deadline_days of each other, move the score this fraction of the way
    # to 1; a day shared by more than day_limit tasks of a document is not telling.
    deadline_bonus: float = 0.35
    deadline_days: int = 0
    day_limit: int = 5
    # Unrelated documents whose tasks reach this are "same" rather than "related".
    same_score: float = 0.9
    # Link documents that have no relation at all ("related" links).
    related: bool = True
    # Add underthesea word tokens to the syllable features (slower; see docs/link.md).
    words: bool = False
