"""report.html: self-contained, escaped, naming every municipality, and rendered in a real browser."""

from __future__ import annotations

import html
import re
from dataclasses import replace

import pytest

from browser import browser_and_driver, chrome
from model.lang import number, text
from model.reports.html_report import render, write_html
from model.reports.presentation import Package, load_package, status_words
from report_fixtures import FORMULA_NAME, compare_folder, meeting_result

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
    assert page.count('src="data:image/png;base64,') == 1, "the task chart"
    assert page.count('<svg class="map"') == 1, "the map, inline"


def test_page_shows_test_deals_and_settings(page):
    assert html.escape(text("nl", "report.test_short")) in page
    assert "Zwolle neemt 800 reguliere opvangplekken over van Enschede" in page
    assert (
        "rules.exchange_scope" in page and html.escape(text("nl", "map.caption_province")) in page
    )


def test_map_draws_the_known_municipalities_and_names_the_others(page):
    """Zwolle and Enschede have CBS codes; GM9999 is invented, so it is listed under the map."""
    drawn = re.findall(r'class="municipality" data-code="(GM\d+)"', page)
    assert sorted(drawn) == ["GM0153", "GM0193"]
    assert page.count('class="deal"') == 1
    assert text("nl", "map.credit") in page
    assert html.escape(text("nl", "map.off_map", names=FORMULA_NAME)) in page


def test_page_states_the_cost_and_what_has_none(page):
    """Z1: 1800 places at 30,000 euro; S1's 60 places have no cost and are not counted as 0."""
    assert "54.000.000" in page
    assert html.escape(text("nl", "cost.missing", n="60")) in page


def test_a_result_folder_from_before_costs_still_gets_its_page():
    """sites.csv without name and cost_per_place: the page says so instead of showing 0 euro."""
    old = replace(
        meeting_result(), sites=meeting_result().sites.drop(columns=["name", "cost_per_place"])
    )
    page = render(Package(old), "nl")
    assert html.escape(text("nl", "cost.not_in_result")) in page and "54.000.000" not in page


def test_a_cut_off_run_says_which_stage_and_its_gap():
    summary = {
        "status": "time_limit",
        "stages": {
            "unmet": {"status": "optimal", "gap": 0},
            "deals": {"status": "time_limit", "gap": 0.316},
            "transfers": {"status": "time_limit", "gap": None},
        },
    }
    assert status_words(summary, "nl") == (
        "tijdslimiet bereikt bij afspraken (uitruil) (gat 31,6 %), overgedragen eenheden (gat ?)"
    )
    assert status_words(summary | {"status": "optimal", "stages": {}}, "en") == "optimal"


def test_gaps_are_percentages_on_the_page(page):
    """The meeting result is optimal: every stage's gap is 0 %, never 0 or 0,0."""
    stages = page.split(html.escape(text("nl", "report.stages")))[1].split("</table>")[0]
    gaps = re.findall(r'<td class="num">([^<]*)</td></tr>', stages)
    assert gaps and set(gaps) == {"0 %"}


def test_compare_folder_shows_runs_side_by_side(tmp_path):
    page = render(load_package(compare_folder(tmp_path / "cmp"), "en"), "en")
    assert html.escape(text("en", "report.comparison")) in page
    assert "<th class=num>baseline</th><th class=num>Ruimer</th>" in page, "titled by name"
    imposed = page.split(html.escape(text("en", "report.imposed")))[1]
    assert (
        '<tr><td>Enschede</td><td>P</td><td class="num">400</td><td class="num">400</td></tr>'
        in imposed
    )
    assert text("en", "compare.no_changes") in page.split(text("en", "report.changes"))[1]


def test_page_renders_in_chromium_without_console_errors(tmp_path):
    browser = chrome(*browser_and_driver())
    path = write_html(Package(meeting_result()), tmp_path / "report.html", "nl")
    try:
        browser.get(path.as_uri())
        body = browser.find_element("tag name", "body").text
        images = browser.execute_script(
            "return [...document.images].map(i => i.complete && i.naturalWidth > 0)"
        )
        browser.set_window_size(1600, browser.execute_script("return document.body.scrollHeight"))
        browser.save_screenshot(str(tmp_path / "report.png"))
        errors = [e for e in browser.get_log("browser") if e["level"] == "SEVERE"]
    finally:
        browser.quit()
    assert errors == []
    assert images == [True]
    assert text("nl", "report.test_short") in body
    for key in KEY_NUMBERS:
        assert re.search(rf"(?<![\d.]){re.escape(key)}(?![\d,])", body), key
    for name in meeting_result().municipalities["name"]:
        assert name in body
    assert FORMULA_NAME in body


def test_without_a_browser_the_test_skips_but_fails_under_ci(monkeypatch, tmp_path):
    monkeypatch.setenv("PATH", str(tmp_path))
    monkeypatch.delenv("CI", raising=False)
    with pytest.raises(pytest.skip.Exception, match="chromium and chromedriver not found"):
        browser_and_driver()
    monkeypatch.setenv("CI", "true")
    with pytest.raises(pytest.fail.Exception, match="CI=true"):
        browser_and_driver()
