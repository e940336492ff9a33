"""The linker on documents built here: relations, kinds, scoring, determinism."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from extract.errors import DataFileError
from extract.link import LinkOptions, link_documents
from extract.link.documents import kind_of, norm_number
from extract.link.features import canonical, features, load_rules
from extract.link.index import prune_rows, top_candidates, vectorise
from extract.link.views import bullets, clauses, restated
from extract.model import (
    AgencyRef, Citation, DocumentInfo, Links, PlanDocument, Relation, Source, Task, TimeSpec,
)


def doc(stem, tasks, kind="KH", number=None, issued=None, issuer=None, refs=(), rels=()):
    return PlanDocument(
        source=Source(path=f"in/{stem}.txt", sha256="0" * 64, format="text"),
        document=DocumentInfo(kind=kind, number=number, issued_on=issued,
                              issuer=AgencyRef(raw=issuer, name=issuer) if issuer else None),
        references=list(refs), relations=list(rels),
        tasks=[t if isinstance(t, Task) else Task(id=f"t{n}", text=t) for n, t in enumerate(tasks)],
    )


def cite(number, issued, kind="Kế hoạch", issuer=None):
    return Citation(raw=f"{kind} số {number} ngày {issued:%d/%m/%Y}", kind=kind, number=number,
                    issued_on=issued, issuer=issuer)


PARENT = [
    "Rà soát nhà, đất là tài sản công chưa sử dụng để cho doanh nghiệp nhỏ và vừa thuê.",
    "Xây dựng chuyên mục riêng tại cổng thông tin điện tử để tiếp thu kiến nghị của doanh nghiệp.",
    "Hoàn thành số hóa dữ liệu đất đai toàn thành phố.",
    "Ban hành Kế hoạch vận động người Việt Nam ưu tiên dùng hàng Việt Nam.",
]
CHILD = [
    "Hoàn thành số hóa dữ liệu đất đai đặc khu.",
    "Tham mưu ban hành Kế hoạch vận động người Việt Nam ưu tiên dùng hàng Việt Nam, hỗ trợ doanh nghiệp.",
    "Xây dựng chuyên mục riêng tại cổng thông tin điện tử đặc khu tiếp thu kiến nghị.",
    "Tổ chức lễ hội du lịch biển đảo hằng năm.",
]


def _pairs(links: Links, kind=None):
    return {(l.from_doc, l.from_, l.to_doc, l.to) for l in links.links if kind in (None, l.kind)}


def test_plan_implementing_another_links_each_adapted_task():
    parent = doc("party", PARENT, number="07-KH/TU", issued=date(2025, 7, 25))
    child = doc("zone", CHILD, issued=date(2025, 10, 1),
                rels=[Relation(kind="implements", citation=cite("07-KH/TU", date(2025, 7, 25)),
                               evidence="Thực hiện Kế hoạch số 07-KH/TU")])
    links = link_documents([parent, child])
    assert [(d.from_, d.to, d.kind) for d in links.doc_links] == [("zone", "party", "implements")]
    assert _pairs(links) == {("zone", "t0", "party", "t2"), ("zone", "t1", "party", "t3"),
                             ("zone", "t2", "party", "t1")}
    assert {l.kind for l in links.links} == {"implements"}
    assert all(0 <= l.score <= 1 and "giống" in l.evidence for l in links.links)


def test_citation_without_number_resolves_by_date_and_issuer():
    # The party plan's own number was not printed: the child's citation still finds it.
    parent = doc("party", PARENT, issued=date(2025, 7, 25), issuer="Ban Thường vụ Thành ủy")
    child = doc("zone", CHILD, issued=date(2025, 10, 1),
                refs=[cite("07-KH/TU", date(2025, 7, 25), "Kế hoạch hành động", "Ban Thường vụ Thành ủy")])
    links = link_documents([child, parent])
    assert [(d.from_, d.to, d.kind) for d in links.doc_links] == [("zone", "party", "cites")]
    # A plan citing an earlier plan carries it out.
    assert {l.kind for l in links.links} == {"implements"}
    assert ("zone", "t0", "party", "t2") in _pairs(links)


def test_numbers_restart_every_year():
    old = doc("old", PARENT, number="197/KH-UBND", issued=date(2023, 8, 22))
    new = doc("new", CHILD, issued=date(2025, 1, 1), refs=[cite("197/KH-UBND", date(2024, 8, 22))])
    assert link_documents([old, new], LinkOptions(related=False)).doc_links == []


def test_report_on_predecessor_continues_in_the_next_plan():
    report = doc("report", [
        Task(id="a", text="Xây dựng chuyên mục riêng tại cổng thông tin điện tử để tiếp thu kiến nghị",
             progress="Đã xây dựng chuyên mục, tiếp nhận 120 kiến nghị."),
        Task(id="b", text="Tổ chức hội chợ nông sản", progress="Đã tổ chức 2 hội chợ."),
    ], kind="BC", issued=date(2024, 10, 1), refs=[cite("197/KH-UBND", date(2024, 8, 22))])
    plan = doc("plan", PARENT, number="220/KH-UBND", issued=date(2025, 8, 28),
               rels=[Relation(kind="replaces", citation=cite("197/KH-UBND", date(2024, 8, 22)),
                              evidence="thay thế Kế hoạch số 197/KH-UBND")])
    links = link_documents([report, plan], LinkOptions(related=False))
    assert _pairs(links) == {("report", "a", "plan", "t1")}
    assert links.links[0].kind == "continues"
    assert "197/KH-UBND" in links.links[0].evidence


def test_replaced_plan_tasks_continue_in_the_new_plan():
    old = doc("old", PARENT, number="197/KH-UBND", issued=date(2024, 8, 22))
    new = doc("new", PARENT[:2], number="220/KH-UBND", issued=date(2025, 8, 28),
              rels=[Relation(kind="replaces", citation=cite("197/KH-UBND", date(2024, 8, 22)),
                             evidence="thay thế")])
    links = link_documents([new, old])
    assert [(d.from_, d.to, d.kind) for d in links.doc_links] == [("new", "old", "replaces")]
    assert _pairs(links, "continues") == {("old", "t0", "new", "t0"), ("old", "t1", "new", "t1")}


def test_unrelated_documents_link_only_near_restatements():
    a = doc("a", PARENT, issued=date(2025, 1, 1))
    b = doc("b", [PARENT[0], "Phát triển du lịch cộng đồng"], issued=date(2025, 2, 1))
    links = link_documents([a, b])
    assert _pairs(links) == {("b", "t0", "a", "t0")}
    assert links.links[0].kind == "same"
    assert link_documents([a, b], LinkOptions(related=False)).links == []


def test_agency_successor_and_deadline_rescore():
    parent = doc("party", [
        Task(id="p", text="Rà soát thủ tục đăng ký đầu tư", lead=[AgencyRef(raw="Sở Tài chính",
             name="Sở Tài chính", id="hp.so-tai-chinh")],
             due=TimeSpec(raw="Quý III/2025", kind="quarter", start=date(2025, 7, 1), end=date(2025, 9, 30))),
    ], number="1/KH-TU", issued=date(2025, 1, 1))
    same_lead = Task(id="c1", text="Rà soát thủ tục đăng ký đầu tư đặc khu", lead=[
        AgencyRef(raw="Sở Kế hoạch và Đầu tư", name="Sở Kế hoạch và Đầu tư", id="hp.so-khdt")])
    late = Task(id="c2", text="Rà soát thủ tục đăng ký đầu tư đặc khu",
                due=TimeSpec(raw="Quý IV/2025", kind="quarter", start=date(2025, 10, 1), end=date(2025, 12, 31)))
    plain = Task(id="c3", text="Rà soát thủ tục đăng ký đầu tư đặc khu")
    child = doc("zone", [same_lead, late, plain], issued=date(2025, 2, 1),
                rels=[Relation(kind="implements", citation=cite("1/KH-TU", date(2025, 1, 1)), evidence="x")])
    by_id = {l.from_: l for l in link_documents([parent, child]).links}
    assert by_id["c1"].score > by_id["c3"].score > by_id["c2"].score
    assert "cùng chủ trì: Sở Kế hoạch và Đầu tư, nay Sở Tài chính" in by_id["c1"].evidence
    assert "sau hạn Quý III/2025" in by_id["c2"].evidence


def test_report_item_covering_several_tasks_keeps_each():
    report = doc("r", [Task(id="x", text="Cung cấp thông tin đấu thầu; Tăng cường khả năng dự liệu được thay "
                                         "đổi quy định pháp luật của thành phố; Tăng cường khả năng dự liệu "
                                         "được việc thực thi quy định của Trung ương")],
                 kind="BC", issued=date(2024, 10, 1), refs=[cite("9/KH-UBND", date(2024, 1, 1))])
    plan = doc("p", ["Tăng cường khả năng dự liệu được thay đổi quy định pháp luật của thành phố.",
                     "Tăng cường khả năng dự liệu được việc thực thi quy định của Trung ương.",
                     "Giải quyết tranh chấp thương mại."],
               issued=date(2025, 8, 1), refs=[cite("9/KH-UBND", date(2024, 1, 1))])
    links = link_documents([report, plan], LinkOptions(related=False))
    assert _pairs(links) == {("r", "x", "p", "t0"), ("r", "x", "p", "t1")}
    assert {l.kind for l in links.links} == {"continues"}


def test_output_is_deterministic_and_order_independent_in_content():
    parent = doc("party", PARENT, number="07-KH/TU", issued=date(2025, 7, 25))
    child = doc("zone", CHILD, issued=date(2025, 10, 1), refs=[cite("07-KH/TU", date(2025, 7, 25))])
    one = link_documents([parent, child]).model_dump_json(by_alias=True)
    assert one == link_documents([parent, child]).model_dump_json(by_alias=True)
    other = link_documents([child, parent])
    assert _pairs(other) == _pairs(Links.model_validate_json(one))


def test_thresholds_are_options():
    parent = doc("party", PARENT, number="07-KH/TU", issued=date(2025, 7, 25))
    child = doc("zone", CHILD, issued=date(2025, 10, 1), refs=[cite("07-KH/TU", date(2025, 7, 25))])
    default = link_documents([parent, child]).links
    scores = sorted(l.score for l in default)
    assert len(scores) >= 2 and scores[0] < scores[-1]
    middle = (scores[0] + scores[-1]) / 2
    fewer = link_documents([parent, child], LinkOptions(min_score=middle, min_cited=middle)).links
    assert 0 < len(fewer) < len(default) and all(l.score >= middle for l in fewer)
    assert link_documents([parent, child], LinkOptions(min_score=1.0)).links == []


def test_json_aliases():
    parent = doc("party", PARENT, number="07-KH/TU", issued=date(2025, 7, 25))
    child = doc("zone", CHILD, issued=date(2025, 10, 1), refs=[cite("07-KH/TU", date(2025, 7, 25))])
    data = link_documents([parent, child]).model_dump(by_alias=True)
    assert set(data["links"][0]) >= {"from", "to", "kind", "score", "evidence"}
    assert set(data["doc_links"][0]) == {"from", "to", "kind", "evidence"}


# --- parts -------------------------------------------------------------------------------

@pytest.mark.parametrize("a, b", [("hoà", "hòa"), ("Thuý", "thúy"), ("HOÁ", "hóa"), ("quả", "quả")])
def test_tone_placement_is_canonical(a, b):
    assert canonical(a) == canonical(b)


def test_tone_distinguishes_syllables():
    assert canonical("tài") != canonical("tái")


def test_features_are_unigrams_and_bigrams_without_stop_syllables():
    feats = features("Rà soát các thủ tục. Cải cách")
    assert "các" not in feats and canonical("thủ") + " " + canonical("tục") in feats
    # No bigram across a sentence break.
    assert canonical("tục") + " " + canonical("cải") not in feats


@pytest.mark.parametrize("raw, expected", [
    ("173 /KH-UBND", "173/KH-UBND"), ("Số: 07-KH/TU", "07-KH/TU"), ("/KH-UBND", None), (None, None),
])
def test_norm_number(raw, expected):
    assert norm_number(raw) == expected


@pytest.mark.parametrize("kind, number, raw, expected", [
    ("Kế hoạch hành động", None, None, "KH"), (None, "07-KH/TU", None, "KH"),
    (None, "173/KH-UBND", None, "KH"), ("BC", None, None, "BC"), (None, None, "Báo cáo số 5", "BC"),
])
def test_kind_of(kind, number, raw, expected):
    assert kind_of(kind, number, raw) == expected


def test_views():
    assert bullets("- Một việc\n- Hai việc\ntiếp") == ["Một việc", "Hai việc tiếp"]
    assert bullets("- Một việc") == []
    assert restated("- Phối hợp thực hiện mô hình:\nĐã làm.\n- Đã làm thêm") == ["Phối hợp thực hiện mô hình"]
    assert clauses("Công khai thông tin tài liệu mật; Kết nối cổng thông tin thành phần") == [
        "Công khai thông tin tài liệu mật", "Kết nối cổng thông tin thành phần"]


def test_candidates_match_brute_force():
    import numpy as np

    texts = PARENT + CHILD + ["Tổ chức đối thoại doanh nghiệp", "Số hóa dữ liệu đất đai"]
    v = vectorise(texts)
    q, t, s = top_candidates(v.matrix[:4], v.matrix[4:], k=2, query_features=1000)
    dense = (v.matrix[:4] @ v.matrix[4:].T).toarray()
    for row in range(4):
        best = sorted(range(dense.shape[1]), key=lambda c: (-dense[row, c], c))[:2]
        got = list(t[q == row])
        assert set(got) <= set(np.flatnonzero(dense[row] > 0))
        assert got[0] == best[0]


def test_prune_rows_keeps_largest():
    import numpy as np
    import scipy.sparse as sp

    m = sp.csr_matrix(np.array([[0.1, 0.5, 0.3, 0.0], [0.0, 0.2, 0.0, 0.0]], dtype=np.float32))
    p = prune_rows(m, 2).toarray()
    assert p.tolist() == [[0.0, 0.5, 0.3, 0.0], [0.0, 0.2, 0.0, 0.0]] or np.allclose(p, [[0, .5, .3, 0], [0, .2, 0, 0]])


@pytest.mark.parametrize("content, message", [
    ("[1, 2]", "valid dictionary"), ("stop_syllables: [1]", "stop_syllables.0"),
    ("stop_syllables: ['  ']", "empty entry"),
    ("other: []", "other: Extra inputs"), ("stop_syllables: [", "not valid YAML"),
])
def test_rules_file_is_validated(tmp_path: Path, content, message):
    path = tmp_path / "linking.yaml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(DataFileError, match=message):
        load_rules(path)


# --- properties ----------------------------------------------------------------------------

_text = st.text(alphabet=st.sampled_from(list("aăâbcdđeêghiklmnoôơpqrstuưvxyàáảãạèéẻẽẹ -+;:.\n")),
                max_size=80)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(_text, max_size=5), st.lists(_text, max_size=5), st.booleans())
def test_never_crashes_and_returns_valid_links(a_texts, b_texts, related):
    a = doc("a", [t or "x" for t in a_texts], issued=date(2025, 1, 1), number="1/KH-UBND")
    b = doc("b", [t or "x" for t in b_texts], issued=date(2025, 2, 1),
            refs=[cite("1/KH-UBND", date(2025, 1, 1))])
    links = link_documents([a, b], LinkOptions(related=related, min_score=0.0))
    Links.model_validate(links.model_dump(by_alias=True))
    assert all(0.0 <= l.score <= 1.0 for l in links.links)


def test_report_on_the_plan_itself_restates_its_tasks():
    plan = doc("plan", PARENT, number="12/KH-UBND", issued=date(2025, 2, 1))
    report = doc("report", [Task(id="a", text="Hoàn thành số hóa dữ liệu đất đai toàn thành phố",
                                 progress="Đã số hóa 80% hồ sơ địa chính.")],
                 kind="BC", issued=date(2025, 12, 1), refs=[cite("12/KH-UBND", date(2025, 2, 1))])
    links = link_documents([plan, report], LinkOptions(related=False))
    assert [(l.from_doc, l.from_, l.to, l.kind) for l in links.links] == [("report", "a", "t2", "same")]


def test_report_does_not_report_on_a_later_plan():
    plan = doc("plan", PARENT, number="12/KH-UBND", issued=date(2026, 2, 1))
    report = doc("report", [Task(id="a", text="Hoàn thành số hóa dữ liệu đất đai toàn thành phố")],
                 kind="BC", issued=date(2025, 12, 1), refs=[cite("12/KH-UBND", date(2026, 2, 1))])
    links = link_documents([plan, report], LinkOptions(related=False))
    assert links.links == []


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=60))
def test_normalisers_never_crash(text):
    assert isinstance(canonical(text), str)
    assert all(isinstance(f, str) and f for f in features(text))
    n = norm_number(text)
    assert n is None or (n[0].isdigit() and " " not in n)
    assert kind_of(text, text, text) is None or kind_of(text, text, text).isupper()


@settings(max_examples=100, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("aàáảãạăằắâấêếôồơờưừuúyýiđ")), min_size=1, max_size=8))
def test_canonical_ignores_case_and_decomposition(word):
    import unicodedata

    assert canonical(word) == canonical(unicodedata.normalize("NFD", word)) == canonical(word.upper())


@pytest.mark.parametrize("content, message", [
    ("from_doc: a\nto_doc: b\nkind: implements\nlinks: [{from: x}]", "non-empty 'from' and 'to'"),
    ("from_doc: a\nto_doc: b\nkind: copies\nlinks: []", "unknown kind"),
    ("from_doc: a\nkind: implements\nlinks: []", "missing 'to_doc'"),
    ("from_doc: a\nto_doc: b\nkind: same\nlinks: [{from: x, to: y, weight: 2}]", "unknown keys"),
])
def test_expectation_files_are_validated(tmp_path: Path, content, message):
    from extract.link.evaluate import load_expected

    path = tmp_path / "e.yaml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(DataFileError, match=message):
        load_expected(path)


# --- sub-items, evidence in words, deadlines, document identity (issue: links an official can trust)

def _report(tasks, refs=()):
    return doc("r", tasks, kind="BC", issued=date(2024, 10, 1),
               refs=list(refs) or [cite("9/KH-UBND", date(2024, 1, 1))])


def _next_plan(texts):
    return doc("p", texts, issued=date(2025, 8, 1), refs=[cite("9/KH-UBND", date(2024, 1, 1))])


NEXT = ["Phối hợp thực hiện mô hình kết nối thủ tục giấy phép kinh doanh có điều kiện.",
        "Công khai tên và số điện thoại của lãnh đạo phụ trách lĩnh vực cấp phép.",
        "Công khai quy trình, mẫu biểu chi tiết các thủ tục hành chính cấp phép.",
        "Tổ chức lễ hội du lịch biển đảo hằng năm."]


def test_report_item_links_to_each_task_its_bullets_cover():
    item = Task(id="a", text="Các nhiệm vụ liên quan đến đăng ký kinh doanh có điều kiện\n"
                             "- Phối hợp thực hiện mô hình kết nối thủ tục giấy phép kinh doanh có điều kiện\n"
                             "- Công khai tên và số điện thoại của lãnh đạo phụ trách lĩnh vực cấp phép\n"
                             "- Công khai quy trình, mẫu biểu chi tiết các thủ tục hành chính cấp phép")
    links = link_documents([_report([item]), _next_plan(NEXT)], LinkOptions(related=False))
    assert _pairs(links) == {("r", "a", "p", "t0"), ("r", "a", "p", "t1"), ("r", "a", "p", "t2")}
    by_to = {l.to: l.evidence for l in links.links}
    assert "qua ý: «Công khai tên và số điện thoại" in by_to["t1"]
    assert "qua ý: «Công khai quy trình, mẫu biểu" in by_to["t2"]


def test_narrative_sentences_report_on_further_tasks():
    item = Task(id="a", text="Các nhiệm vụ liên quan đến cấp phép kinh doanh",
                progress="Các sở đã công khai quy trình, mẫu biểu chi tiết các thủ tục hành chính cấp phép "
                         "trên cổng thông tin. Đến nay 13 sở đã công khai tên và số điện thoại của lãnh đạo "
                         "phụ trách lĩnh vực cấp phép.")
    links = link_documents([_report([item]), _next_plan(NEXT)], LinkOptions(related=False))
    assert {("r", "a", "p", "t1"), ("r", "a", "p", "t2")} <= _pairs(links)
    assert ("r", "a", "p", "t3") not in _pairs(links)
    # Each link names the sentence that carries it.
    by_to = {l.to: l.evidence for l in links.links}
    assert "qua ý: «Đến nay 13 sở đã công khai tên" in by_to["t1"]
    # Off, the narrative only weighs on the item as a whole: no sentence is named.
    off = link_documents([_report([item]), _next_plan(NEXT)], LinkOptions(related=False, sentences=False))
    assert not any("qua ý" in l.evidence for l in off.links)


def test_evidence_is_made_of_whole_words():
    from extract.link.evidence import Evidence
    from extract.link.features import Corpus
    import numpy as np

    corpus = Corpus()
    a = corpus.add("Tiếp nhận, xử lý phản ánh, kiến nghị của người dân về bồi dưỡng cán bộ")
    b = corpus.add("Xử lý phản ánh kiến nghị doanh nghiệp; nuôi dưỡng cán bộ trẻ")
    ev = Evidence(corpus, np.ones(len(corpus.canon), dtype=np.float32))
    shared = ev.shared([a], [b])
    assert any("phản ánh" in s and "kiến nghị" in s for s in shared), shared
    # "dưỡng cán bộ" is shared, but "dưỡng" ends another word: only "cán bộ" is shown.
    assert "cán bộ" in shared and not any(s.startswith("dưỡng") for s in shared), shared
    assert not any(s == "ánh kiến" for s in shared)


def test_lexicon_words_come_from_the_vocabularies(tmp_path):
    from extract.link.lexicon import Lexicon, _capitalised_runs, lexicon, load_words
    from extract.link.features import canonical

    assert _capitalised_runs("Sở Tài nguyên và Môi trường") == [
        (canonical("tài"), canonical("nguyên")), (canonical("môi"), canonical("trường"))]
    lex = lexicon()
    assert (canonical("phản"), canonical("ánh")) in lex          # words.yaml
    assert (canonical("triển"), canonical("khai")) in lex        # prose work verbs
    seg = Lexicon({(canonical("giấy"), canonical("phép")),
                   (canonical("giấy"), canonical("phép"), canonical("kinh"), canonical("doanh"))})
    assert seg.segment([canonical(w) for w in "cấp giấy phép kinh doanh".split()]) == [(0, 1), (1, 5)]
    bad = tmp_path / "words.yaml"
    bad.write_text("version: 1\nwords: [thôn]\n", encoding="utf-8")
    with pytest.raises(DataFileError, match="not a word of 2"):
        load_words(bad)


def _due(day):
    return TimeSpec(raw=f"Chậm nhất ngày {day:%d/%m/%Y}", kind="date", start=day, end=day)


def test_same_day_deadlines_link_tasks_worded_differently():
    parent = doc("party", [
        Task(id="p1", text="Tổ chức hiệp thương lần thứ nhất theo luật bầu cử", due=_due(date(2025, 12, 10))),
        Task(id="p2", text="Tổng kết công tác bầu cử", due=_due(date(2026, 4, 15))),
    ], number="16/KH-MTTQ-BTT", issued=date(2025, 11, 18))
    child = doc("zone", [
        Task(id="c1", text="Hội nghị về cơ cấu, thành phần người được giới thiệu", due=_due(date(2025, 12, 10))),
    ], issued=date(2025, 11, 25), rels=[Relation(kind="implements",
                                                 citation=cite("16/KH-MTTQ-BTT", date(2025, 11, 18)),
                                                 evidence="Thực hiện")])
    links = link_documents([parent, child])
    assert _pairs(links) == {("zone", "c1", "party", "p1")}
    assert "cùng hạn" in links.links[0].evidence
    off = link_documents([parent, child], LinkOptions(deadline_bonus=0.0))
    assert off.links == []


def test_a_month_end_deadline_is_not_telling():
    from extract.link.deadlines import precise_end

    assert precise_end(Task(id="x", text="x", due=_due(date(2025, 12, 31)))) is None
    assert precise_end(Task(id="x", text="x", due=_due(date(2025, 12, 10)))) == date(2025, 12, 10).toordinal()


def test_same_number_on_another_day_is_another_document():
    commune = doc("commune", PARENT, number="16/KH-MTTQ-BTT", issued=date(2025, 11, 18))
    other = doc("other", CHILD, issued=date(2025, 12, 30), refs=[cite("16/KH-MTTQ-BTT", date(2025, 12, 23))])
    assert link_documents([commune, other], LinkOptions(related=False)).doc_links == []


def test_unnumbered_draft_is_found_by_the_title_the_citation_gives():
    plan = doc("plan", PARENT, issued=None, issuer="Ủy ban nhân dân tỉnh Lâm Đồng")
    plan = plan.model_copy(update={"document": plan.document.model_copy(
        update={"title": "Cải cách hành chính nhà nước năm 2026 tỉnh Lâm Đồng"})})
    c = cite("9669/KH-UBND", date(2025, 12, 24))

    def report(subject):
        item = Task(id="a", text="Đánh giá, cập nhật tiến độ thực hiện Kế hoạch",
                    progress=f"Ủy ban nhân dân tỉnh ban hành {c.raw} về {subject} với chủ đề mới.")
        return doc("report", [item], kind="BC", issued=date(2026, 3, 31), refs=[c])

    got = link_documents([report("cải cách hành chính nhà nước năm 2026 tỉnh Lâm Đồng"), plan])
    assert [(d.from_, d.to, d.kind) for d in got.doc_links] == [("report", "plan", "cites")]
    other = link_documents([report("chuyển đổi số tỉnh Lâm Đồng năm 2026"), plan])
    assert other.doc_links == []


def test_a_pair_does_not_depend_on_the_other_documents_of_the_batch():
    parent = doc("party", PARENT, number="07-KH/TU", issued=date(2025, 7, 25))
    child = doc("zone", CHILD, issued=date(2025, 10, 1), refs=[cite("07-KH/TU", date(2025, 7, 25))])
    stranger = doc("far", ["Tổ chức lễ hội du lịch biển đảo", "Số hóa dữ liệu đất đai toàn tỉnh"],
                   issued=date(2020, 1, 1))
    alone = [l for l in link_documents([parent, child], LinkOptions(related=False)).links]
    with_other = [l for l in link_documents([parent, child, stranger], LinkOptions(related=False)).links
                  if l.to_doc == "party"]
    assert [(l.from_, l.to, l.score) for l in alone] == [(l.from_, l.to, l.score) for l in with_other]


def test_truncated_postings_keep_the_same_rows_for_every_feature():
    import numpy as np
    import scipy.sparse as sp
    from extract.link.index import truncate_postings

    rng = np.random.default_rng(3)
    m = sp.csr_matrix((rng.random((40, 6)) + 0.01).astype(np.float32))   # every feature in every row
    t = truncate_postings(m, 5).tocsc()
    assert all(np.diff(t.indptr) == 5)
    kept = [set(t.indices[t.indptr[c]:t.indptr[c + 1]].tolist()) for c in range(6)]
    assert all(k == kept[0] for k in kept)          # one sample of rows: near-duplicates stay together
    assert truncate_postings(m, 5).nnz == t.nnz and (truncate_postings(m, 5) != t.tocsr()).nnz == 0
    short = sp.csr_matrix(np.eye(4, dtype=np.float32))
    assert (truncate_postings(short, 5) != short).nnz == 0   # lists within the limit are whole


@settings(max_examples=30, deadline=None)
@given(st.integers(min_value=1, max_value=6), st.integers(min_value=0, max_value=2**31))
def test_candidates_with_a_large_posting_limit_match_brute_force(k, seed):
    import numpy as np
    import scipy.sparse as sp

    rng = np.random.default_rng(seed)
    q = sp.random(7, 12, density=0.4, random_state=rng, format="csr", dtype=np.float32)
    t = sp.random(9, 12, density=0.4, random_state=rng, format="csr", dtype=np.float32)
    rows, cols, scores = top_candidates(q, t, k=k, query_features=100, posting_limit=100)
    dense = (q @ t.T).toarray()
    for r in range(7):
        positive = np.flatnonzero(dense[r] > 0)
        got = cols[rows == r]
        assert len(got) == min(k, len(positive))
        if len(got):
            assert np.isclose(dense[r, got].min(), np.sort(dense[r, positive])[::-1][len(got) - 1], atol=1e-5)
