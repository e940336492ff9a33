"""The store: idempotent ingest, versions linked by "replaces", queries by agency and deadline."""

from __future__ import annotations

import json
from datetime import date

import pytest
from typer.testing import CliRunner

from extract.cli.main import app
from extract.pipeline import parse_file
from extract.store import Store, TaskQuery, find_tasks
from extract.store.keys import fold, number_key
from tests.store_backends import store_target  # noqa: F401 - the fixture (SQLite and PostgreSQL)
from tests.test_batch_support import seed_texts
from tests.test_export import made_up_document


def _q(store, sql):
    """Rows of one SQL statement as tuples."""
    return [tuple(r.values()) for r in store.sql(sql)]


def _variant(doc, sha: str, **document):
    """Another rendition of ``doc``: another file (sha256), header fields changed."""
    return doc.model_copy(update={
        "source": doc.source.model_copy(update={"sha256": sha * 64, "path": f"{sha}.docx"}),
        "document": doc.document.model_copy(update=document),
    })


def _counts(store):
    return tuple(_q(store, f"SELECT count(*) FROM {t}")[0][0]
                 for t in ("documents", "tasks", "agencies", "task_agencies", "links"))


@pytest.fixture
def store(store_target):
    with Store(store_target) as s:
        yield s


def test_keys():
    assert fold("Sở Tài chính") == fold("so tai chinh") == fold("SỞ TÀI  CHÍNH") == "so tai chinh"
    assert fold("Đặc khu Bạch Long Vĩ") == "dac khu bach long vi"
    assert number_key("Số: 220/KH-UBND") == number_key("220 / KH - UBND") == "220/kh-ubnd"


def test_reingest_is_idempotent(store):
    doc = parse_file(seed_texts()[0])
    first = store.ingest(doc)
    assert first.status == "added" and first.tasks == len(doc.tasks)
    counts = _counts(store)
    again = store.ingest(doc)
    assert again.status == "unchanged" and again.document == first.document
    assert _counts(store) == counts
    assert store.document(first.document) == doc


@pytest.mark.parametrize("order", ["old-first", "new-first"])
def test_new_version_keeps_both_linked_by_replaces(store, order):
    old = made_up_document(3)
    new = _variant(old, "c", issued_on=date(2026, 3, 1))
    new = new.model_copy(update={"tasks": new.tasks[:2]})
    first, second = (old, new) if order == "old-first" else (new, old)
    store.ingest(first)
    res = store.ingest(second)
    assert res.status == "added"
    assert _q(store, "SELECT count(*) FROM documents")[0][0] == 2
    links = _q(store,
        "SELECT f.sha256, t.sha256, l.evidence FROM links l JOIN documents f ON f.id = l.from_document "
        "JOIN documents t ON t.id = l.to_document WHERE l.kind = 'replaces'")
    assert [(a, b) for a, b, _ in links] == [(new.source.sha256, old.source.sha256)]
    assert "same number" in links[0][2]

    latest = find_tasks(store, TaskQuery())
    assert {m.document.source.sha256 for m in latest} == {new.source.sha256}
    assert len(latest) == len(new.tasks)
    assert len(find_tasks(store, TaskQuery(all_versions=True))) == len(new.tasks) + len(old.tasks)


def test_three_versions_chain_in_date_order(store):
    base = made_up_document(1)
    v = [_variant(base, s, issued_on=date(2026, m, 1)) for s, m in (("1", 5), ("2", 2), ("3", 9))]
    for doc in v:
        store.ingest(doc)
    pairs = _q(store,
        "SELECT f.issued_on, t.issued_on FROM links l JOIN documents f ON f.id = l.from_document "
        "JOIN documents t ON t.id = l.to_document WHERE l.kind = 'replaces' ORDER BY f.issued_on")
    assert [tuple(p) for p in pairs] == [("2026-05-01", "2026-02-01"), ("2026-09-01", "2026-05-01")]


def test_same_title_and_issuer_without_number_is_a_version(store):
    a = _variant(made_up_document(1), "a", number=None)
    b = _variant(made_up_document(1), "b", number=None, issued_on=date(2026, 6, 1))
    store.ingest(a)
    assert store.ingest(b).replaces


def test_unrelated_plans_are_not_versions(store):
    base = made_up_document(1)
    store.ingest(base)
    # Numbers restart each year: the same number a year later is another plan.
    assert not store.ingest(_variant(base, "d", issued_on=date(2027, 1, 10), title="Khác")).replaces
    assert not store.ingest(_variant(base, "e", number="16/KH-STC", title="Một kế hoạch khác")).replaces
    assert _q(store, "SELECT count(*) FROM links")[0][0] == 0


def test_stated_relations_link_in_either_order(store):
    from extract.model import Citation, Relation

    target = _variant(made_up_document(1), "f", number="99/KH-UBND", title="Kế hoạch của thành phố")
    rel = Relation(kind="implements", evidence="Thực hiện Kế hoạch số 99/KH-UBND",
                   citation=Citation(raw="Kế hoạch số 99/KH-UBND", kind="KH", number="99/KH-UBND"))
    child = _variant(made_up_document(1), "9", number="5/KH-SXD", title="Kế hoạch của Sở")
    child = child.model_copy(update={"relations": [rel]})
    assert store.ingest(child).links == 0
    assert store.ingest(target).links == 1
    row = _q(store, "SELECT kind, origin FROM links")[0]
    assert tuple(row) == ("implements", "relation")


def test_agency_filter_by_id_then_by_name(store):
    store.ingest(made_up_document(3))
    n_all = len(find_tasks(store, TaskQuery()))
    lead_tasks = [m for m in find_tasks(store, TaskQuery()) if m.task.lead]
    # Lead has an id: the id, the name with or without accents, any case, all find it.
    for query in ("hp.so-tai-chinh", "Sở Tài chính", "so tai chinh", "SỞ TÀI CHÍNH"):
        assert len(find_tasks(store, TaskQuery(agency=query))) == len(lead_tasks), query
    # Support without an id: found by name only, and only in the role asked for.
    assert len(find_tasks(store, TaskQuery(agency="so tu phap", role="support"))) == len(lead_tasks)
    assert find_tasks(store, TaskQuery(agency="so tu phap", role="lead")) == []
    assert find_tasks(store, TaskQuery(agency="Sở Xây dựng")) == []
    # Whole words only: "tai" is not "tai chinh"'s prefix match of another word.
    assert find_tasks(store, TaskQuery(agency="so ta")) == []
    with_groups = find_tasks(store, TaskQuery(agency="Sở Xây dựng", groups=True))
    assert len(with_groups) == len(lead_tasks)      # they all have a group in support
    assert n_all == len(lead_tasks) + 1


def test_deadline_and_kind_filters(store):
    store.ingest(made_up_document(3))
    due = lambda **kw: sorted(m.task.id for m in find_tasks(store, TaskQuery(**kw)))  # noqa: E731
    assert due(due_before=date(2026, 3, 31)) == ["ii/1"]
    assert due(due_before=date(2026, 6, 30)) == ["ii/1", "ii/2"]
    assert due(due_after=date(2026, 4, 1)) == ["ii/2", "ii/3"]
    assert due(kind="KH") == ["ii/1", "ii/2", "ii/3", "ii/x"]
    assert due(kind="BC") == []
    assert due(due_kind="quarter") == ["ii/1", "ii/2", "ii/3"]
    assert due(number="15/kh-stc", limit=2) == ["ii/1", "ii/2"]
    ordered = [m.task.id for m in find_tasks(store, TaskQuery())]
    assert ordered == ["ii/1", "ii/2", "ii/3", "ii/x"]   # soonest first, no deadline last


def test_cli_ingest_and_tasks(tmp_path, store_target):
    runner = CliRunner()
    db = store_target
    doc_json = tmp_path / "plan.json"
    doc_json.write_text(made_up_document(3).model_dump_json(by_alias=True), encoding="utf-8")
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    res = runner.invoke(app, ["ingest", str(doc_json), str(seed_texts()[0]), "--db", str(db)])
    assert res.exit_code == 0, res.output
    res = runner.invoke(app, ["ingest", str(doc_json), str(empty), "--db", str(db)])
    assert res.exit_code == 1 and "unchanged" in res.output
    res = runner.invoke(app, ["tasks", "--db", str(db), "--agency", "so tai chinh",
                              "--due-before", "30/06/2026", "--number", "15/KH-STC", "-f", "json"])
    assert res.exit_code == 0, res.output
    rows = json.loads(res.stdout)
    assert [r["id"] for r in rows] == ["ii/1", "ii/2"]
    assert rows[0]["document"]["number"] == "15/KH-STC"
    for period, ids in (("Quý II/2026", ["ii/2"]), ("6 tháng đầu năm 2026", ["ii/1", "ii/2"]),
                        ("năm 2026", ["ii/1", "ii/2", "ii/3"])):
        res = runner.invoke(app, ["tasks", "--db", str(db), "--number", "15/KH-STC", "--due-in", period, "-f", "json"])
        assert [r["id"] for r in json.loads(res.stdout)] == ids, period
    res = runner.invoke(app, ["tasks", "--db", str(db), "--due-before", "quý I/2026", "--number", "15/KH-STC",
                              "-f", "jsonl"])
    assert [json.loads(line)["id"] for line in res.stdout.splitlines()] == ["ii/1"]
    assert runner.invoke(app, ["tasks", "--db", str(db), "--due-in", "không rõ"]).exit_code == 2
    for fmt in ("table", "jsonl", "csv"):
        res = runner.invoke(app, ["tasks", "--db", str(db), "-f", fmt, "--limit", "3"])
        assert res.exit_code == 0, res.output
    res = runner.invoke(app, ["documents", "--db", str(db)])
    assert res.exit_code == 0 and "15/KH-STC" in res.output
    res = runner.invoke(app, ["tasks", "--db", str(tmp_path / "none.db")])
    assert res.exit_code == 1


def _two_plans():
    city = _variant(made_up_document(2), "a", number="220/KH-UBND", title="Kế hoạch của thành phố")
    dept = _variant(made_up_document(2), "b", number="7/KH-STC", title="Kế hoạch của Sở")
    return city, dept


def _links_for(city, dept):
    from extract.model.links import Links

    return Links.model_validate({
        "documents": [{"key": "c", "path": city.source.path, "number": city.document.number},
                      {"key": "d", "path": "elsewhere/renamed.pdf", "number": dept.document.number}],
        "doc_links": [{"from": "d", "to": "c", "kind": "implements", "evidence": "Thực hiện KH 220"}],
        "links": [{"from": "ii/1", "to": "ii/2", "kind": "implements", "score": 0.8, "evidence": "e",
                   "from_doc": "d", "to_doc": "c"},
                  {"from": "ii/9", "to": "ii/2", "kind": "same", "score": 0.5, "evidence": "e",
                   "from_doc": "d", "to_doc": "c"}],
    })


def test_links_from_the_linker_are_kept(store):
    from extract.store.links import ingest_links

    city, dept = _two_plans()
    store.ingest(city)
    store.ingest(dept)
    res = ingest_links(store, _links_for(city, dept))
    assert (res.added, res.unresolved) == (2, 1)       # "d" found by number; task ii/9 does not exist
    assert ingest_links(store, _links_for(city, dept)).added == 0
    row = _q(store,
        "SELECT f.number, ft.task_id, t.number, tt.task_id, l.kind, l.score FROM links l "
        "JOIN documents f ON f.id = l.from_document JOIN documents t ON t.id = l.to_document "
        "JOIN tasks ft ON ft.id = l.from_task JOIN tasks tt ON tt.id = l.to_task")[0]
    assert tuple(row) == ("7/KH-STC", "ii/1", "220/KH-UBND", "ii/2", "implements", 0.8)


def test_cli_ingests_links_files(tmp_path):
    city, dept = _two_plans()
    files = []
    for doc in (city, dept):
        files.append(tmp_path / f"{doc.source.sha256[:4]}.json")
        files[-1].write_text(doc.model_dump_json(by_alias=True), encoding="utf-8")
    links = tmp_path / "links.json"
    links.write_text(_links_for(city, dept).model_dump_json(by_alias=True), encoding="utf-8")
    res = CliRunner().invoke(app, ["ingest", str(links), *map(str, files), "--db", str(tmp_path / "p.db")])
    assert res.exit_code == 0, res.output
    assert "2 added" in res.stdout
