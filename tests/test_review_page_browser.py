"""The review page in a real browser (headless Chromium, Selenium): log in, upload a seed PDF,
wait for its job, open the review view, check that the first task's highlight lies over that
task's text on the page image, change its lead, approve, and see the export change. Also: text
from a document shows as text (no script runs), and the open time of a 75-page plan is measured
(printed, and written to $VNPLAN_TIMINGS when set; not asserted).

Screenshots of the list and the review view are written to $VNPLAN_SCREENSHOTS when it is set
(``VNPLAN_SCREENSHOTS=docs pytest tests/test_review_page_browser.py`` makes those of docs/)."""

from __future__ import annotations

import json
import os
import statistics
import time
from pathlib import Path

import httpx
import pypdfium2 as pdfium
import pytest

from extract.lang.fold import fold

from .conftest import SEEDS
from .review_browser import PASSWORD, chromium, fetch_json, login, need_browser, serve, wait_for

SEED_PDF = sorted(SEEDS.glob("*.pdf"))[0]


@pytest.fixture(autouse=True)
def _browser():
    need_browser()


def _shot(driver, name: str) -> None:
    folder = os.environ.get("VNPLAN_SCREENSHOTS")
    if folder:
        Path(folder).mkdir(parents=True, exist_ok=True)
        driver.save_screenshot(str(Path(folder) / name))


def _letters(text: str) -> str:
    return "".join(ch for ch in fold(text) if ch.isalnum())


def _by(kind: str):
    from selenium.webdriver.common.by import By

    return getattr(By, kind)


def _ready(driver, doc_id: int | None = None):
    def ready(d):
        value = d.find_element(_by("ID"), "review-view").get_attribute("data-ready")
        return value if value and (doc_id is None or value == str(doc_id)) else None
    return wait_for(driver, ready, what="the review view")


def _upload_and_open(driver, path: Path) -> None:
    """Upload a file from the list page, wait for its parse job, open its review view."""
    driver.find_element(_by("ID"), "upload-file").send_keys(str(path))
    driver.find_element(_by("ID"), "upload-button").click()
    wait_for(driver, lambda d: d.find_element(_by("ID"), "upload-open").is_displayed(), 120, "the job")
    driver.find_element(_by("ID"), "upload-open").click()
    _ready(driver)


def _highlight_in_points(driver, page_width: float, page_height: float) -> tuple[float, float, float, float]:
    """The selected highlight's box on the page image, in PDF points (top-left origin)."""
    rects = driver.execute_script(
        "const b = document.querySelector('#page-overlay .hl.sel').getBoundingClientRect();"
        "const i = document.getElementById('page-img').getBoundingClientRect();"
        "return [b.left - i.left, b.top - i.top, b.right - i.left, b.bottom - i.top, i.width, i.height];")
    x0, top, x1, bottom, w, h = rects
    return x0 / w * page_width, top / h * page_height, x1 / w * page_width, bottom / h * page_height


def test_upload_review_highlight_correct_approve_export(tmp_path):
    from selenium.webdriver.common.keys import Keys

    with serve(tmp_path) as base, chromium() as driver:
        login(driver, base)
        driver.find_element(_by("ID"), "upload-file").send_keys(str(SEED_PDF))
        driver.find_element(_by("ID"), "upload-button").click()
        # the progress bar moves while the job runs, then the link to the review appears
        assert driver.find_element(_by("ID"), "upload-progress").is_displayed()
        link = wait_for(driver, lambda d: d.find_element(_by("ID"), "upload-open")
                        if d.find_element(_by("ID"), "upload-open").is_displayed() else None, 180, "the parse job")
        assert driver.find_element(_by("ID"), "upload-progress").get_attribute("value") == "100"
        wait_for(driver, lambda d: d.find_elements(_by("CSS_SELECTOR"), "#docs tbody tr"), what="the list")
        row = driver.find_element(_by("CSS_SELECTOR"), "#docs tbody tr")
        cells = [c.text for c in row.find_elements(_by("TAG_NAME"), "td")]
        assert cells[1] == "KH" and cells[6] == "Chờ duyệt" and int(cells[4]) > 0
        _shot(driver, "review-list.png")

        link.click()
        doc_id = int(_ready(driver))
        doc = fetch_json(driver, f"/documents/{doc_id}")
        first = next(r for r in doc["tasks"] if not r["removed"])
        source = first["task"]["source"]
        assert source is not None

        # The highlight drawn over the image covers the first task's own words on that page.
        label = driver.find_element(_by("ID"), "page-label").text
        assert label.startswith(f"Trang {source['page']} /")
        pdf = pdfium.PdfDocument(str(SEED_PDF))
        page = pdf[source["page"] - 1]
        width, height = page.get_size()
        x0, top, x1, bottom = _highlight_in_points(driver, width, height)
        box = source["boxes"][0]
        assert abs(x0 - box["x0"]) < 2 and abs(top - box["top"]) < 2 and abs(bottom - box["bottom"]) < 2
        textpage = page.get_textpage()
        under = textpage.get_text_bounded(left=x0, bottom=height - bottom, right=x1, top=height - top)
        textpage.close()
        pdf.close()
        assert _letters(first["task"]["text"])[:60] in _letters(under)
        selected = driver.find_element(_by("CSS_SELECTOR"), "#tasks tr.task.sel")
        assert selected.get_attribute("data-pk") == str(first["id"])
        _shot(driver, "review-view.png")

        # Clicking another task's region selects its row.
        other = driver.find_elements(_by("CSS_SELECTOR"), "#page-overlay .hl:not(.sel)")
        if other:
            pk = other[0].get_attribute("data-pk")
            other[0].click()
            wait_for(driver, lambda d: d.find_element(_by("CSS_SELECTOR"), "#tasks tr.task.sel")
                     .get_attribute("data-pk") == pk, what="the row of the clicked region")
            driver.find_element(_by("CSS_SELECTOR"), f'#tasks tr.task[data-pk="{first["id"]}"]').click()

        def exported(data):  # the export lists tasks by deadline: find the first task by its id
            return next(t for t in data["tasks"] if t["id"] == first["task"]["id"])

        before = fetch_json(driver, f"/export?document={doc_id}&format=json")
        assert [a["name"] for a in exported(before)["lead"]] == [a["name"] for a in first["task"]["lead"]]
        assert not any(a["name"] == "Sở Tư pháp" for a in exported(before)["lead"])

        # Change the lead: Enter opens the editor, the registry picker finds the body.
        driver.find_element(_by("TAG_NAME"), "body").send_keys(Keys.ENTER)
        wait_for(driver, lambda d: d.find_element(_by("CSS_SELECTOR"), "tr.editor"), what="the editor")
        # Remove the lead's chips one at a time: each removal draws the chips again, so the
        # buttons found before it are stale.
        for _ in range(20):
            buttons = driver.find_elements(_by("CSS_SELECTOR"), "tr.editor .chips .chip button")
            if not buttons:
                break
            count = len(buttons)
            buttons[0].click()
            wait_for(driver, lambda d: len(d.find_elements(_by("CSS_SELECTOR"), "tr.editor .chips .chip button")) < count,
                     what="the chip's removal")
        pickers = driver.find_element(_by("CSS_SELECTOR"), "tr.editor").find_elements(_by("CSS_SELECTOR"), ".chips")
        search = pickers[0].find_element(_by("CSS_SELECTOR"), ".picker input")
        search.send_keys("so tu phap")
        wait_for(driver, lambda d: any("Sở Tư pháp" in li.text for li in
                                       d.find_elements(_by("CSS_SELECTOR"), "tr.editor .suggest li")),
                 what="the registry suggestion")
        search.send_keys(Keys.ENTER)

        def lead_chips(d):
            chips = d.find_element(_by("CSS_SELECTOR"), "tr.editor").find_elements(_by("CSS_SELECTOR"), ".chips")[0]
            return [c.text.rstrip("×").strip() for c in chips.find_elements(_by("CSS_SELECTOR"), ".chip")]

        assert wait_for(driver, lambda d: lead_chips(d) == ["Sở Tư pháp"], what="the chosen lead")
        search = driver.find_element(_by("CSS_SELECTOR"), "tr.editor .chips .picker input")
        search.send_keys(Keys.CONTROL, Keys.ENTER)
        wait_for(driver, lambda d: not d.find_elements(_by("CSS_SELECTOR"), "tr.editor"), what="the save")
        lead_cell = driver.find_element(_by("CSS_SELECTOR"), f'#tasks tr.task[data-pk="{first["id"]}"] td:nth-child(3)')
        assert lead_cell.text == "Sở Tư pháp"
        assert not driver.find_element(_by("ID"), "undo").get_attribute("disabled")

        # Approve.
        driver.find_element(_by("ID"), "approve").click()
        driver.find_element(_by("ID"), "dialog-ok").click()
        wait_for(driver, lambda d: d.find_element(_by("ID"), "doc-state").text == "Đã duyệt", what="approval")

        after = fetch_json(driver, f"/export?document={doc_id}&format=json")
        assert [a["name"] for a in exported(after)["lead"]] == ["Sở Tư pháp"]
        assert exported(after)["text"] == exported(before)["text"]
        assert sorted(t["id"] for t in after["tasks"]) == sorted(t["id"] for t in before["tasks"])
        changes = fetch_json(driver, "/changes?since=0&limit=1000")
        assert any(c["task_id"] == first["id"] and c["task"]["lead"][0]["name"] == "Sở Tư pháp"
                   for c in changes["items"])
        revisions = fetch_json(driver, f"/tasks/{first['id']}/revisions")["items"]
        assert [r["action"] for r in revisions] == ["edit"] and revisions[0]["user"] == "reviewer"


PLAN_WITH_MARKUP = """ỦY BAN NHÂN DÂN
TỈNH BẮC NINH
Số: 12/KH-UBND
Bắc Ninh, ngày 3 tháng 2 năm 2027

KẾ HOẠCH
Kiểm tra an toàn thông tin năm 2027

I. NHIỆM VỤ
1. Sở Khoa học và Công nghệ chủ trì rà soát hệ thống <script>window.pwned = 1</script> <img src=x onerror="window.pwned = 2">, hoàn thành trước ngày 30/6/2027.
2. Sở Nội vụ tổ chức tập huấn javascript:window.pwned=3 cho cán bộ các xã, thực hiện trong Quý III/2027.
"""


def test_document_text_is_shown_as_text_and_nothing_runs(tmp_path):
    with serve(tmp_path) as base, chromium() as driver:
        login(driver, base)
        path = tmp_path / "ke-hoach-<b>x<i>.txt"
        path.write_text(PLAN_WITH_MARKUP, encoding="utf-8")
        _upload_and_open(driver, path)
        texts = [td.get_attribute("textContent") for td in
                 driver.find_elements(_by("CSS_SELECTOR"), "#tasks tr.task td:nth-child(2)")]
        assert any("<script>window.pwned = 1</script>" in t for t in texts), texts
        assert any("javascript:window.pwned=3" in t for t in texts), texts
        assert driver.execute_script("return window.pwned") is None
        assert not driver.find_elements(_by("CSS_SELECTOR"), "#tasks script, #tasks img")
        assert driver.find_element(_by("ID"), "page-label").text == "Không có ảnh trang"
        # the page itself forbids inline script whatever happens
        csp = httpx.get(f"{base}/review/").headers["content-security-policy"]
        assert "script-src 'self'" in csp and "unsafe-inline" not in csp


def _long_plan(path: Path, pages: int) -> Path:
    """A plan of ``pages`` pages: the seed PDFs' pages one after the other, again and again."""
    out = pdfium.PdfDocument.new()
    sources = [pdfium.PdfDocument(str(p)) for p in sorted(SEEDS.glob("*.pdf"))]
    while len(out) < pages:
        for src in sources:
            take = min(len(src), pages - len(out))
            if take <= 0:
                break
            out.import_pages(src, list(range(take)))
    out.save(str(path))
    for src in sources:
        src.close()
    return path


def test_open_time_of_a_75_page_plan(tmp_path):
    """Measured, not asserted: the browser's own timings of opening the review view (document
    fetched, table drawn, first page image shown with its highlight)."""
    plan = _long_plan(tmp_path / "plan-75.pdf", 75)
    with serve(tmp_path) as base:
        with httpx.Client(base_url=base, timeout=60) as client:
            csrf = client.post("/auth/login", json={"name": "reviewer", "password": PASSWORD}).json()["csrf_token"]
            job = client.post("/documents", headers={"X-CSRF-Token": csrf},
                              files={"file": ("plan-75.pdf", plan.read_bytes(), "application/pdf")}).json()["job"]
            deadline = time.monotonic() + 600
            while (state := client.get(f"/jobs/{job['id']}").json())["state"] not in ("done", "failed"):
                assert time.monotonic() < deadline, state
                time.sleep(0.5)
            assert state["state"] == "done", state
            doc_id = state["document"]
            doc = client.get(f"/documents/{doc_id}").json()
        with chromium() as driver:
            login(driver, base)
            runs = []
            for _ in range(5):
                driver.get(f"{base}/review/#/")
                wait_for(driver, lambda d: d.find_elements(_by("CSS_SELECTOR"), "#docs tbody tr"), what="the list")
                start = time.perf_counter()
                # (the list may draw its rows again between finding the row and clicking it, as it
                # did on a loaded machine: the click is retried on a row gone stale)
                wait_for(driver, lambda d: d.find_element(
                    _by("CSS_SELECTOR"), f'#docs tbody tr[data-doc="{doc_id}"]').click() or True, what="the row")
                _ready(driver, doc_id)
                wall = (time.perf_counter() - start) * 1000
                runs.append({**driver.execute_script("return window.vnplanTimings"), "wall": wall})
            shown = len(driver.find_elements(_by("CSS_SELECTOR"), "#tasks tr.task"))
    assert shown == len(doc["tasks"])
    result = {"pages": doc["pages"], "tasks": len(doc["tasks"]),
              **{k: round(statistics.median(r[k] for r in runs), 1) for k in runs[0]},
              "runs": runs}
    print("review view of a 75-page plan (ms, median of 5):", json.dumps({k: v for k, v in result.items()
                                                                          if k != "runs"}))
    if os.environ.get("VNPLAN_TIMINGS"):
        Path(os.environ["VNPLAN_TIMINGS"]).write_text(json.dumps(result, indent=2), encoding="utf-8")


PLAN_FOUR = """ỦY BAN NHÂN DÂN
TỈNH NGHỆ AN
Số: 45/KH-UBND
Nghệ An, ngày 10 tháng 3 năm 2027

KẾ HOẠCH
Cải cách hành chính năm 2027

I. NHIỆM VỤ
1. Sở Nội vụ chủ trì rà soát, sắp xếp tổ chức bộ máy các cơ quan chuyên môn, hoàn thành trong Quý II/2027.
2. Sở Tài chính chủ trì bố trí kinh phí thực hiện kế hoạch, hoàn thành trước ngày 30/4/2027.
3. Sở Tư pháp chủ trì kiểm soát thủ tục hành chính và công khai kết quả; tổ chức tập huấn nghiệp vụ cho công chức cấp xã, thực hiện thường xuyên.
4. Văn phòng UBND tỉnh chủ trì theo dõi, tổng hợp kết quả, báo cáo trước ngày 15/12/2027.
"""


def test_editing_in_place_keyboard_undo_split_merge_add_history(tmp_path):
    from selenium.webdriver.common.keys import Keys

    def css(sel):
        return driver.find_elements(_by("CSS_SELECTOR"), sel)

    # read in one script: the table is drawn again after each change (no stale elements)
    def selected_text():
        return driver.execute_script("const c = document.querySelector('#tasks tr.task.sel td:nth-child(2)');"
                                     "return c ? c.textContent : null;")

    def live_texts():
        return driver.execute_script("return [...document.querySelectorAll('#tasks tr.task:not(.removed)')]"
                                     ".map(r => r.cells[1].textContent);")

    def click_task(test):
        pk = driver.execute_script("const r = [...document.querySelectorAll('#tasks tr.task:not(.removed)')]"
                                   ".find(r => r.cells[1].textContent === arguments[0]"
                                   " || (arguments[1] && r.cells[1].textContent.startsWith(arguments[0])));"
                                   "return r ? r.dataset.pk : null;", *test)
        assert pk, test
        driver.find_element(_by("CSS_SELECTOR"), f'#tasks tr.task[data-pk="{pk}"]').click()
        wait_for(driver, lambda d: d.execute_script(
            "const r = document.querySelector('#tasks tr.task.sel'); return r && r.dataset.pk;") == pk)

    def key(*keys):
        driver.find_element(_by("TAG_NAME"), "body").send_keys(*keys)

    with serve(tmp_path) as base, chromium() as driver:
        login(driver, base)
        path = tmp_path / "nghe-an.txt"
        path.write_text(PLAN_FOUR, encoding="utf-8")
        _upload_and_open(driver, path)
        texts = live_texts()
        assert len(texts) == 4 and texts[0].startswith("Sở Nội vụ chủ trì rà soát")
        assert css("#tasks tr.section")[0].text.startswith("I")

        # keyboard: next / previous task
        assert selected_text() == texts[0]
        key("j")
        assert selected_text() == texts[1]
        key(Keys.ARROW_DOWN)
        assert selected_text() == texts[2]
        key("k")
        assert selected_text() == texts[1]

        # edit: a deadline typed as a phrase is shown parsed; a body not in the registry is kept, flagged
        key(Keys.ENTER)
        editor = wait_for(driver, lambda d: d.find_element(_by("CSS_SELECTOR"), "tr.editor"))
        due = editor.find_element(_by("CSS_SELECTOR"), "input[aria-label='Thời hạn']")
        due.send_keys(Keys.CONTROL, "a")
        due.send_keys("trước ngày 15 tháng 8 năm 2027")
        wait_for(driver, lambda d: "15/08/2027" in d.find_element(_by("CSS_SELECTOR"), "tr.editor .parsed").text,
                 what="the parsed deadline")
        support = editor.find_elements(_by("CSS_SELECTOR"), ".chips")[1].find_element(_by("CSS_SELECTOR"), "input")
        support.send_keys("Tổ công tác đặc biệt số 9")
        support.send_keys(Keys.ENTER)
        assert css("tr.editor .chip.unknown")
        support.send_keys(Keys.CONTROL, Keys.ENTER)
        wait_for(driver, lambda d: not css("tr.editor"), what="the save")
        row = css("#tasks tr.task.sel")[0]
        assert "15/08/2027" in row.find_elements(_by("TAG_NAME"), "td")[4].text
        flagged = row.find_elements(_by("CSS_SELECTOR"), "td:nth-child(4) .unknown")
        assert flagged and "Tổ công tác đặc biệt số 9" in flagged[0].text
        assert "Ngoài danh mục: Tổ công tác đặc biệt số 9" in row.find_elements(_by("TAG_NAME"), "td")[6].text

        # next warning: the task with the unknown body is the only one with a warning
        key("j")
        key("n")
        assert selected_text() == texts[1]

        # not a task, then undo (Ctrl+Z) puts it back
        driver.find_element(_by("CSS_SELECTOR"), "#task-tools button[data-act=remove]").click()
        wait_for(driver, lambda d: len(live_texts()) == 3, what="the task taken out")
        key(Keys.CONTROL, "z")
        wait_for(driver, lambda d: len(live_texts()) == 4, what="the undo")

        # split the third task in two
        click_task((texts[2], False))
        driver.find_element(_by("CSS_SELECTOR"), "#task-tools button[data-act=split]").click()
        area = driver.find_element(_by("CSS_SELECTOR"), "#dialog textarea")
        area.clear()
        area.send_keys("Sở Tư pháp chủ trì kiểm soát thủ tục hành chính và công khai kết quả", Keys.ENTER,
                       "Tổ chức tập huấn nghiệp vụ cho công chức cấp xã")
        driver.find_element(_by("ID"), "dialog-ok").click()
        wait_for(driver, lambda d: len(live_texts()) == 5, what="the split")
        assert live_texts()[2:4] == ["Sở Tư pháp chủ trì kiểm soát thủ tục hành chính và công khai kết quả",
                                     "Tổ chức tập huấn nghiệp vụ cho công chức cấp xã"]

        # merge them back into one
        click_task(("Sở Tư pháp chủ trì kiểm soát", True))
        driver.find_element(_by("CSS_SELECTOR"), "#task-tools button[data-act=merge]").click()
        driver.find_element(_by("ID"), "dialog-ok").click()
        wait_for(driver, lambda d: len(live_texts()) == 4, what="the merge")
        assert live_texts()[2].endswith("Tổ chức tập huấn nghiệp vụ cho công chức cấp xã")

        # add a missed task after it
        driver.find_element(_by("CSS_SELECTOR"), "#task-tools button[data-act=add]").click()
        driver.find_element(_by("CSS_SELECTOR"), "#dialog textarea").send_keys("Sở Y tế chủ trì kiểm tra an toàn thực phẩm")
        driver.find_element(_by("ID"), "dialog-ok").click()
        wait_for(driver, lambda d: len(live_texts()) == 5, what="the added task")
        assert live_texts()[3] == "Sở Y tế chủ trì kiểm tra an toàn thực phẩm"
        wait_for(driver, lambda d: css("tr.editor"), what="the editor of the new task")
        key(Keys.ESCAPE)

        # the history of the edited task
        click_task((texts[1], False))
        driver.find_element(_by("CSS_SELECTOR"), "#task-tools button[data-act=history]").click()
        body = wait_for(driver, lambda d: d.find_element(_by("ID"), "dialog-body")
                        if d.find_element(_by("ID"), "dialog").is_displayed() else None)
        revs = body.find_elements(_by("CSS_SELECTOR"), ".rev")
        assert len(revs) == 3  # the edit, taken out, put back
        assert "reviewer" in revs[0].text and "Thời hạn" in revs[0].text and "15 tháng 8 năm 2027" in revs[0].text
        driver.find_element(_by("ID"), "dialog-cancel").click()
