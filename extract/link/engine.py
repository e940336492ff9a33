"""PlanDocuments -> Links."""

from __future__ import annotations

import numpy as np

from ..model import DocLink, LinkedDocument, Links, PlanDocument, TaskLink
from .agencies import lead_ids, lead_names
from .deadlines import due_end
from .documents import doc_infos
from .features import display, features
from .index import Encoder, vectorise_ids
from .match import Side, match_pair
from .options import LinkOptions
from .relations import doc_edges, pair_plans
from .views import task_views


def link_documents(docs: list[PlanDocument], options: LinkOptions | None = None) -> Links:
    """Links between the documents given (order matters only for ties and keys)."""
    options = options or LinkOptions()
    infos = doc_infos(docs)
    edges = doc_edges(infos)
    plans = pair_plans(infos, edges, options.related)

    # One vector space for every view of every task of every document: idf over the batch.
    feature_lists, groups, weights = [], [], []
    sides = []
    cache: dict[str, np.ndarray] = {}
    encoder = Encoder()
    view = 0
    for info in infos:
        rows, owner, factor = [], [], []
        for n, task in enumerate(info.doc.tasks):
            for is_part, parts in task_views(task, options.progress_weight):
                for text, weight in parts:
                    feats = cache.get(text)
                    if feats is None:
                        feats = cache[text] = encoder.encode(features(text, options.words))
                    feature_lists.append(feats)
                    groups.append(view)
                    weights.append(weight)
                rows.append(view)
                owner.append(n)
                factor.append(options.part_factor if is_part else 1.0)
                view += 1
        tasks = info.doc.tasks
        sides.append(Side(
            rows=np.asarray(rows, dtype=np.int64),
            task_of=np.asarray(owner, dtype=np.int64),
            factor=np.asarray(factor, dtype=np.float32),
            leads=[lead_ids(t) for t in tasks],
            lead_names=[lead_names(t) for t in tasks],
            due=np.asarray([due_end(t) or -1 for t in tasks], dtype=np.int64),
        ))
    vectors = vectorise_ids(feature_lists, encoder.words(), weights, groups)
    del feature_lists, cache  # the features live on in the matrix; free them before matching

    links: list[tuple[tuple, TaskLink]] = []
    for plan in plans:
        src, dst = infos[plan.src], infos[plan.dst]
        for m in match_pair(vectors, sides[plan.src], sides[plan.dst], plan.kind, options,
                            plan.stated):
            kind = plan.kind
            if kind == "related" and m.text_score >= options.same_score:
                kind = "same"
            st, dt = src.doc.tasks[m.src], dst.doc.tasks[m.dst]
            links.append((
                (plan.src, m.src, -m.score, plan.dst, m.dst),
                TaskLink(**{"from": st.id, "to": dt.id}, from_doc=src.key, to_doc=dst.key,
                         kind=kind, score=m.score,
                         evidence=_evidence(m, plan.evidence, sides[plan.src].lead_names[m.src])),
            ))
    links.sort(key=lambda x: x[0])
    return Links(
        documents=[LinkedDocument(key=i.key, path=i.doc.source.path, number=i.doc.document.number)
                   for i in infos],
        doc_links=[DocLink(**{"from": infos[e.src].key, "to": infos[e.dst].key},
                           kind=e.kind, evidence=e.evidence) for e in edges],
        links=[link for _, link in links],
    )


def _evidence(m, doc_evidence: str, names: dict[str, str]) -> str:
    parts = [f"wording {m.text_score:.2f}"
             + (": " + ", ".join(f"“{display(s)}”" for s in m.shared) if m.shared else "")]
    if m.agency > 0:
        parts.append("same lead" + (f" ({sorted(names.values())[0]})" if names else ""))
    elif m.agency < 0:
        parts.append("different leads")
    if m.late:
        parts.append("ends after the task it carries out")
    parts.append(doc_evidence)
    return "; ".join(parts)
