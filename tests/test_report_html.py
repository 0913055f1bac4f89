"""report.html: self-contained, escaped, naming every municipality, and rendered in a real browser."""

from __future__ import annotations

import html
import os
import re
import tempfile
from pathlib import Path

import pytest
from report_fixtures import FORMULA_NAME, compare_folder, meeting_result

from model.html_report import render, write_html
from model.lang import text
from model.presentation import Package, load_package, number

CHROMIUM, CHROMEDRIVER = Path("/usr/bin/chromium"), Path("/usr/bin/chromedriver")
SCREENSHOT = Path("/tmp/report.png")
KEY_NUMBERS = ("2.260", "1.860", "1.800", "60", "400")
"""Task, counted places, firm, soft and shortfall (= unmet) of the meeting result, in Dutch."""


@pytest.fixture(scope="module")
def page() -> str:
    return render(Package(meeting_result()), "nl")


def test_numbers_are_written_as_the_audience_writes_them():
    assert number("nl", 6325) == "6.325"
    assert number("nl", 1234.5) == "1.234,5"
    assert number("en", 1234.56) == "1,234.56"
    assert number("nl", -12.0) == "-12"


def test_page_names_every_municipality_escaped(page):
    for name in meeting_result().municipalities["name"]:
        assert html.escape(name) in page
    assert "<b>&" not in page


def test_page_is_self_contained(page):
    assert "<script" not in page
    assert not re.search(r"https?://", page)
    sources = re.findall(r'(?:src|href)="([^"]*)"', page)
    assert sources and all(s.startswith("data:") for s in sources)
    assert page.count('src="data:image/png;base64,') == 2


def test_page_shows_test_deals_and_settings(page):
    assert html.escape(text("nl", "report.test_short")) in page
    assert "Zwolle neemt 800 reguliere opvangplekken over van Enschede" in page
    assert "rules.exchange_scope" in page and html.escape(text("nl", "chart.map_caption")) in page


def test_compare_folder_shows_runs_side_by_side(tmp_path):
    page = render(load_package(compare_folder(tmp_path / "cmp")), "en")
    assert html.escape(text("en", "report.comparison")) in page
    assert "<th class=num>baseline</th><th class=num>ruimer</th>" in page


def chrome():
    """Headless Chromium through chromedriver, logging the browser console."""
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    for argument in (
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        f"--user-data-dir={tempfile.mkdtemp(prefix='uitruil-chromium-')}",
        "--window-size=1600,1000",
    ):
        options.add_argument(argument)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    return webdriver.Chrome(service=Service(str(CHROMEDRIVER)), options=options)


def test_page_renders_in_chromium_without_console_errors(tmp_path):
    if not CHROMIUM.exists() and os.environ.get("CI") != "true":
        pytest.skip("/usr/bin/chromium is absent (apt-get install chromium chromium-driver)")
    path = write_html(Package(meeting_result()), tmp_path / "report.html", "nl")
    driver = chrome()
    try:
        driver.get(path.as_uri())
        body = driver.find_element("tag name", "body").text
        images = driver.execute_script(
            "return [...document.images].map(i => i.complete && i.naturalWidth > 0)"
        )
        driver.set_window_size(1600, driver.execute_script("return document.body.scrollHeight"))
        driver.save_screenshot(str(SCREENSHOT))
        errors = [e for e in driver.get_log("browser") if e["level"] == "SEVERE"]
    finally:
        driver.quit()
    assert errors == []
    assert images == [True, True]
    assert text("nl", "report.test_short") in body
    for key in KEY_NUMBERS:
        assert re.search(rf"(?<![\d.]){re.escape(key)}(?![\d,])", body), key
    for name in meeting_result().municipalities["name"]:
        assert name in body
    assert FORMULA_NAME in body
