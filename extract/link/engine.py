"""PlanDocuments -> Links."""

from __future__ import annotations

import numpy as np

from ..model import DocLink, LinkedDocument, Links, PlanDocument, TaskLink
from .agencies import lead_ids
from .deadlines import due_end, precise_end
from .documents import doc_infos
from .evidence import Evidence
from .features import Corpus
from .index import term_frequencies, tfidf
from .match import Side, match_pair
from .options import LinkOptions
from .relations import doc_edges, pair_plans
from .views import task_views


def link_documents(docs: list[PlanDocument], options: LinkOptions | None = None,
                   names: list[str] | None = None) -> Links:
    """Links between the documents given (order matters only for ties and keys).

    ``names`` gives each document's key (default: the stem of its source path).
    """
    options = options or LinkOptions()
    infos = doc_infos(docs, names)
    edges = doc_edges(infos)
    plans = pair_plans(infos, edges, options.related)

    # One vector space for every view of every task of every document: idf over the batch.
    texts, groups, weights = [], [], []
    sides, view_text, view_label = [], [], []
    corpus = Corpus(words=options.words)
    view = 0
    for info in infos:
        rows, owner, factor, kinds, shown, labels = [], [], [], [], [], []
        first = []
        for n, task in enumerate(info.doc.tasks):
            first.append(len(rows))
            for v in task_views(task, options.progress_weight, options.sentences):
                for text, weight in v.texts:
                    texts.append(corpus.add(text))
                    groups.append(view)
                    weights.append(weight)
                rows.append(view)
                owner.append(n)
                factor.append(1.0 if not v.is_part else
                              options.sentence_factor if v.kind == "sentence" else options.part_factor)
                kinds.append(v.kind)
                shown.append([corpus.add(t) for t, _ in v.texts])
                labels.append(v.label)
                view += 1
        tasks = info.doc.tasks
        sets: dict[frozenset[str], int] = {}
        group = [sets.setdefault(s, len(sets)) if s else -1 for s in (lead_ids(t) for t in tasks)]
        sides.append(Side(
            rows=np.asarray(rows, dtype=np.int64),
            task_of=np.asarray(owner, dtype=np.int64),
            factor=np.asarray(factor, dtype=np.float32),
            kind=kinds,
            lead_group=np.asarray(group, dtype=np.int64),
            lead_sets=list(sets),
            due=np.asarray([due_end(t) or -1 for t in tasks], dtype=np.int64),
            day=np.asarray([precise_end(t) or -1 for t in tasks], dtype=np.int64),
            first_view=np.asarray(first, dtype=np.int64),
        ))
        view_text.append(shown)
        view_label.append(labels)
    tf, keys = term_frequencies(corpus, weights, groups, texts)
    evidence = None

    links: list[tuple[tuple, TaskLink]] = []
    for plan in plans:
        src, dst = infos[plan.src], infos[plan.dst]
        # idf over the two documents' views only: a word every task of both documents uses
        # ("bầu cử" between two election plans) tells none of their tasks apart, and a
        # pair's links do not depend on the other documents of the batch.
        a, b = sides[plan.src].rows, sides[plan.dst].rows
        weighted = tfidf(tf[np.concatenate([a, b])])
        matches = match_pair(weighted[:len(a)], weighted[len(a):], sides[plan.src], sides[plan.dst],
                             plan.kind, options, plan.stated)
        if matches and evidence is None:
            evidence = Evidence(corpus, _syllable_idf(tf, keys, corpus))
        for m in matches:
            kind = plan.kind
            if kind == "related" and m.text_score >= options.same_score:
                kind = "same"
            st, dt = src.doc.tasks[m.src], dst.doc.tasks[m.dst]
            line = evidence.line(
                m.text_score, view_text[plan.src][m.src_view], view_text[plan.dst][m.dst_view],
                view_label[plan.src][m.src_view], view_label[plan.dst][m.dst_view],
                st, dt, m.agency, m.late, m.same_day, kind, plan.evidence)
            links.append((
                (plan.src, m.src, -m.score, plan.dst, m.dst),
                TaskLink(**{"from": st.id, "to": dt.id}, from_doc=src.key, to_doc=dst.key,
                         kind=kind, score=m.score, evidence=line),
            ))
    links.sort(key=lambda x: x[0])
    return Links(
        documents=[LinkedDocument(key=i.key, path=i.doc.source.path, number=i.doc.document.number)
                   for i in infos],
        doc_links=[DocLink(**{"from": infos[e.src].key, "to": infos[e.dst].key},
                           kind=e.kind, evidence=e.evidence) for e in edges],
        links=[link for _, link in links],
    )


def _syllable_idf(tf, keys, corpus) -> np.ndarray:
    """idf of each syllable over the batch's views (0 for stop syllables and breaks)."""
    n_syl = len(corpus.canon)
    idf = np.zeros(n_syl, dtype=np.float32)
    df = np.bincount(tf.indices, minlength=tf.shape[1])
    uni = np.flatnonzero(keys < n_syl)
    idf[keys[uni]] = np.log((1.0 + tf.shape[0]) / (1.0 + df[uni])) + 1.0
    return idf
