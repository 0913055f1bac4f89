"""The map of report.html in a real browser, on the shipped provinces: every municipality a polygon,
every deal a line whose width follows its size, names that do not overlap, the credit line.

Each instance is solved here for the first two stages only (shortfall, unmet), which takes seconds
and still gives a package with deals; the map reads nothing but the result files.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import pandas as pd
import pytest
from click.testing import CliRunner

from browser import browser_and_driver, chrome
from model.lang import text
from model.reports.html_report import write_html
from model.reports.presentation import load_package
from solver_cli import main

INSTANCES = Path(__file__).resolve().parents[2] / "instances"
SCREENSHOTS = os.environ.get("UITRUIL_SCREENSHOTS")
"""Where to keep the screenshots to look at them (default: the test's temporary folder)."""

READ_MAP = """
const svg = document.querySelector('svg.map');
const box = e => { const b = e.getBBox(); return [b.x, b.y, b.width, b.height]; };
return {
  polygons: [...svg.querySelectorAll('path.municipality')].map(p => p.dataset.code),
  deals: [...svg.querySelectorAll('line.deal')].map(
      l => [l.dataset.a, l.dataset.b, Number(l.dataset.units), Number(l.getAttribute('stroke-width'))]),
  labels: [...svg.querySelectorAll('text.label')].map(t => [t.textContent, ...box(t)]),
  texts: [...svg.querySelectorAll('text')].map(t => t.textContent),
};
"""


def overlap(a: list, b: list) -> bool:
    """Whether two label boxes [text, x, y, width, height] overlap (touching is fine)."""
    (_, ax, ay, aw, ah), (_, bx, by, bw, bh) = a, b
    return ax < bx + bw and bx < ax + aw and ay < by + bh and by < ay + ah


def solved_page(instance: str, folder: Path) -> Path:
    args = ["solve", INSTANCES / instance, "--out", folder, "--objective", "shortfall,unmet"]
    result = CliRunner().invoke(main, [str(a) for a in [*args, "--time-limit", 20]])
    assert result.exit_code == 0, result.output
    return write_html(load_package(folder), folder / "report.html", "nl")


def units_between(folder: Path) -> dict[tuple[str, str], int]:
    """Units exchanged per pair of municipalities, both directions and all components."""
    t = pd.read_csv(folder / "transfers.csv", dtype={"from": str, "to": str})
    pairs = [tuple(sorted(p)) for p in zip(t["from"], t["to"], strict=True)]
    return t.assign(pair=pairs).groupby("pair")["amount"].sum().to_dict()


@pytest.mark.parametrize("instance", ["overijssel-2024", "nl-2024"])
def test_the_map_in_chromium(instance, tmp_path):
    driver = chrome(*browser_and_driver())
    folder = tmp_path / instance
    page = solved_page(instance, folder)
    try:
        driver.get(page.as_uri())
        drawn = driver.execute_script(READ_MAP)
        figure = driver.find_element("css selector", "figure.map")
        driver.execute_script("arguments[0].scrollIntoView()", figure)
        shots = Path(SCREENSHOTS) if SCREENSHOTS else tmp_path
        figure.screenshot(str(shots / f"uitruil-map-{instance}.png"))
        errors = [e for e in driver.get_log("browser") if e["level"] == "SEVERE"]
    finally:
        driver.quit()
    assert errors == []

    municipalities = pd.read_csv(folder / "municipalities.csv", dtype={"code": str})
    assert sorted(drawn["polygons"]) == sorted(municipalities["code"])

    deals = pd.read_csv(folder / "deals.csv", dtype={"a": str, "b": str})
    assert len(deals) > 0
    assert sorted((a, b) for a, b, _, _ in drawn["deals"]) == sorted(
        zip(deals["a"], deals["b"], strict=True)
    )
    units = units_between(folder)
    assert all(n == units[tuple(sorted((a, b)))] for a, b, n, _ in drawn["deals"])
    by_size = sorted(drawn["deals"], key=lambda d: d[2])
    assert all(x[3] <= y[3] for x, y in zip(by_size, by_size[1:], strict=False)), (
        "wider for more units"
    )

    labels = drawn["labels"]
    assert [
        (a[0], b[0]) for i, a in enumerate(labels) for b in labels[i + 1 :] if overlap(a, b)
    ] == []
    names = set(municipalities["name"]) | set(municipalities["province"])
    assert all(re.sub(r" \(.*\)$", "", label[0]) in names for label in labels), "names, not codes"
    if instance == "overijssel-2024":
        assert len(labels) == len(municipalities), "every municipality of the province is named"
    else:
        provinces = {label[0].split(" (")[0] for label in labels} & set(municipalities["province"])
        assert len(provinces) == 12
    assert text("nl", "map.credit") in drawn["texts"]
