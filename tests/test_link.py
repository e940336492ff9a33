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
