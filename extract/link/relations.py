"""Document links, and the kind of task link each pair of documents calls for.

Rules, in order (the first that applies to a pair wins):
1. A says it carries out B ("Thực hiện Kế hoạch số ...")      -> A's tasks implement B's.
2. A says it replaces B                                      -> B's tasks continue in A.
3. report A cites plan B (not issued after A)                -> A's items are B's tasks ("same").
4. report A cites a plan P that is not loaded, and plan B
   replaces P or (cites P and is issued after A)             -> A's items continue in B.
5. plan A cites an earlier plan B                            -> A's tasks implement B's
                                                                (a stricter threshold: the
                                                                relation is only inferred).
6. otherwise                                                 -> "related" (stricter threshold).
"""

from __future__ import annotations

from dataclasses import dataclass

from .documents import DocInfo, cites_doc, external_key, kind_of, same_issuer, subject_of

_STRENGTH = {"implements": 3, "replaces": 2, "cites": 1}


@dataclass(frozen=True)
class DocEdge:
    src: int
    dst: int
    kind: str            # implements | replaces | cites
    evidence: str


@dataclass(frozen=True)
class PairPlan:
    src: int             # the "from" document of the task links
    dst: int
    kind: str            # implements | same | continues | related
    evidence: str
    stated: bool = True  # the relation is stated, not only inferred from a citation


def doc_edges(infos: list[DocInfo]) -> list[DocEdge]:
    edges = []
    for a, ia in enumerate(infos):
        for b, ib in enumerate(infos):
            if a == b:
                continue
            best = None
            for rel, c in ia.citations:
                if cites_doc(c, ib, subject_of(ia, c)) and (best is None or _STRENGTH[rel] > _STRENGTH[best[0]]):
                    best = (rel, c)
            if best:
                edges.append(DocEdge(a, b, best[0], _short(best[1].raw)))
    return edges


def _short(text: str, limit: int = 120) -> str:
    text = " ".join((text or "").split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _before(a: DocInfo, b: DocInfo) -> bool | None:
    if a.issued_on and b.issued_on:
        return a.issued_on <= b.issued_on
    return None


def _unloaded_plans(info: DocInfo, infos: list[DocInfo]) -> dict[str, tuple[str, str]]:
    """Cited plans that are not among the loaded documents: key -> (relation, raw)."""
    out: dict[str, tuple[str, str]] = {}
    for rel, c in info.citations:
        key = external_key(c)
        if key is None or any(cites_doc(c, other, subject_of(info, c)) for other in infos):
            continue
        if kind_of(c.kind, c.number, c.raw) not in (None, "KH", "CTR"):
            continue
        if key not in out or _STRENGTH[rel] > _STRENGTH[out[key][0]]:
            out[key] = (rel, c.raw)
    return out


def pair_plans(infos: list[DocInfo], edges: list[DocEdge], related: bool) -> list[PairPlan]:
    edge = {(e.src, e.dst): e for e in edges}
    unloaded = [_unloaded_plans(i, infos) for i in infos]
    plans = []
    for a in range(len(infos)):
        for b in range(a + 1, len(infos)):
            plan = _plan(a, b, infos, edge, unloaded) or _plan(b, a, infos, edge, unloaded)
            if plan is None and related:
                plan = _related(a, b, infos)
            if plan is not None:
                plans.append(plan)
    return plans


def _plan(a, b, infos, edge, unloaded):
    ia, ib = infos[a], infos[b]
    e = edge.get((a, b))
    if e and e.kind == "implements":
        return PairPlan(a, b, "implements", f"{ia.key} thực hiện {ib.key} ({e.evidence})")
    if e and e.kind == "replaces":
        return PairPlan(b, a, "continues", f"{ia.key} thay thế {ib.key} ({e.evidence})")
    if e and ia.is_report and not ib.is_report and _before(ib, ia) is not False:
        return PairPlan(a, b, "same", f"báo cáo {ia.key} về {ib.key} ({e.evidence})")
    if ia.is_report and not ib.is_report:
        for key, (_, raw) in unloaded[a].items():
            rel_b = unloaded[b].get(key)
            if rel_b is None:
                continue
            if rel_b[0] == "replaces" or _before(ia, ib):
                how = "thay thế" if rel_b[0] == "replaces" else "tiếp nối"
                return PairPlan(a, b, "continues",
                                f"báo cáo {ia.key} về {_short(raw, 60)}, văn bản mà {ib.key} {how}")
    if e and not ia.is_report and not ib.is_report and _before(ib, ia) is not False:
        # A body that builds a plan on its own earlier plan ("Căn cứ Kế hoạch số 16 ... của Ban
        # Thường trực ...") carries it out as surely as if it said so.
        own = same_issuer(ia.issuer, ib.issuer)
        how = "dẫn kế hoạch của chính mình ban hành trước" if own else "dẫn kế hoạch ban hành trước"
        return PairPlan(a, b, "implements", f"{ia.key} {how} {ib.key} ({e.evidence})", stated=own)
    return None


def _related(a, b, infos):
    ia, ib = infos[a], infos[b]
    # Later document -> earlier one; unknown dates keep input order.
    if _before(ia, ib) is True and ia.issued_on != ib.issued_on:
        a, b = b, a
    return PairPlan(a, b, "related", "hai văn bản không nêu quan hệ", stated=False)
