"""PlanDocuments -> Links."""

from __future__ import annotations

import numpy as np

from ..model import DocLink, LinkedDocument, Links, PlanDocument, TaskLink
from .agencies import lead_ids
from .deadlines import due_end
from .documents import doc_infos
from .evidence import Evidence
from .features import Corpus
from .index import vectorise_corpus
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
        for n, task in enumerate(info.doc.tasks):
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
        ))
        view_text.append(shown)
        view_label.append(labels)
    vectors = vectorise_corpus(corpus, weights, groups, texts)
    evidence = None

    links: list[tuple[tuple, TaskLink]] = []
    for plan in plans:
        src, dst = infos[plan.src], infos[plan.dst]
        matches = match_pair(vectors, sides[plan.src], sides[plan.dst], plan.kind, options, plan.stated)
        if matches and evidence is None:
            evidence = Evidence(corpus, _syllable_idf(vectors, corpus))
        for m in matches:
            kind = plan.kind
            if kind == "related" and m.text_score >= options.same_score:
                kind = "same"
            st, dt = src.doc.tasks[m.src], dst.doc.tasks[m.dst]
            line = evidence.line(
                m.text_score, view_text[plan.src][m.src_view], view_text[plan.dst][m.dst_view],
                view_label[plan.src][m.src_view], view_label[plan.dst][m.dst_view],
                st, dt, m.agency, m.late, kind, plan.evidence)
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


def _syllable_idf(vectors, corpus) -> np.ndarray:
    """idf of each syllable over the batch's views (0 for stop syllables and breaks)."""
    n_syl = len(corpus.canon)
    idf = np.zeros(n_syl, dtype=np.float32)
    m = vectors.matrix
    df = np.bincount(m.indices, minlength=m.shape[1])
    uni = np.flatnonzero(vectors.keys < n_syl)
    idf[vectors.keys[uni]] = np.log((1.0 + m.shape[0]) / (1.0 + df[uni])) + 1.0
    return idf
