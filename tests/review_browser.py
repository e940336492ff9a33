"""A real ``vnplan serve`` and a headless Chromium driving the review page (Selenium with
Debian's chromium and chromium-driver: nothing is downloaded). Shared by the browser tests.

Without chromium, chromedriver or selenium the browser tests are skipped, unless
VNPLAN_REQUIRE_BROWSER is set (as `.ci/run` does), where they fail instead."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
from contextlib import contextmanager
from pathlib import Path

import httpx
import pytest

from extract.service.accounts import add_user
from extract.store import Store

PASSWORD = "correct horse battery"
CHROMIUM = next((p for p in ("/usr/bin/chromium", shutil.which("chromium") or "") if p and Path(p).exists()), None)
DRIVER = next((p for p in ("/usr/bin/chromedriver", shutil.which("chromedriver") or "") if p and Path(p).exists()),
              None)


def browser_missing() -> str | None:
    try:
        import selenium  # noqa: F401
    except ImportError:
        return "selenium is not installed (pip install -e '.[browser]')"
    if CHROMIUM is None or DRIVER is None:
        return "chromium or chromedriver is missing (apt-get install chromium chromium-driver)"
    return None


def need_browser():
    missing = browser_missing()
    if missing:
        if os.environ.get("VNPLAN_REQUIRE_BROWSER"):
            pytest.fail(f"VNPLAN_REQUIRE_BROWSER is set but {missing}")
        pytest.skip(missing)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextmanager
def serve(tmp_path: Path):
    """``vnplan serve`` on a fresh SQLite store with a reviewer; its base URL."""
    db = tmp_path / "plans.db"
    with Store(str(db)) as store:
        add_user(store, "reviewer", PASSWORD, "reviewer")
    port = _free_port()
    exe = Path(sys.executable).with_name("vnplan")
    cmd = [str(exe)] if exe.exists() else [sys.executable, "-c", "from extract.cli.main import run; run()"]
    log = open(tmp_path / "serve.log", "wb")
    proc = subprocess.Popen(cmd + ["serve", "--db", str(db), "--port", str(port), "--jobs", "1",
                                   "--webhook-interval", "0", "--log-level", "warning"],
                            stdout=log, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                if httpx.get(f"{base}/health", timeout=2).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            if proc.poll() is not None or time.monotonic() > deadline:
                raise AssertionError("vnplan serve did not start: " + (tmp_path / "serve.log").read_text())
            time.sleep(0.2)
        yield base
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()
        log.close()


@contextmanager
def chromium(width: int = 1366, height: int = 768):
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    opts = webdriver.ChromeOptions()
    opts.binary_location = CHROMIUM
    for arg in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                f"--window-size={width},{height}", "--lang=vi", "--no-first-run",
                "--disable-background-networking", "--disable-component-update"):
        opts.add_argument(arg)
    driver = webdriver.Chrome(service=Service(executable_path=DRIVER), options=opts)
    try:
        # The page's own viewport at width × height (a window of that size has less, for its frame).
        driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                               {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": False})
        driver.set_script_timeout(60)
        yield driver
    finally:
        driver.quit()


def wait_for(driver, condition, timeout: float = 60.0, what: str = ""):
    from selenium.common.exceptions import NoSuchElementException, StaleElementReferenceException
    from selenium.webdriver.support.ui import WebDriverWait

    # A page that draws itself again between two looks leaves stale elements: look again.
    return WebDriverWait(driver, timeout, poll_frequency=0.1,
                         ignored_exceptions=(NoSuchElementException, StaleElementReferenceException)).until(condition, what)


def login(driver, base: str, name: str = "reviewer") -> None:
    from selenium.webdriver.common.by import By

    driver.get(f"{base}/review/")
    form = wait_for(driver, lambda d: d.find_element(By.ID, "login-form") if d.find_element(
        By.ID, "login-view").is_displayed() else None, what="the login form")
    form.find_element(By.NAME, "name").send_keys(name)
    form.find_element(By.NAME, "password").send_keys(PASSWORD)
    form.find_element(By.CSS_SELECTOR, "button[type=submit]").click()
    wait_for(driver, lambda d: d.find_element(By.ID, "list-view").is_displayed(), what="the document list")


def fetch_json(driver, url: str):
    """GET ``url`` from the page (its session cookie), parsed."""
    return driver.execute_async_script(
        "const done = arguments[arguments.length - 1];"
        "fetch(arguments[0], {credentials: 'same-origin'}).then(r => r.json()).then(done, e => done(String(e)));",
        url)
