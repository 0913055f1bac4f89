"""Family 7 of issue 10: output CSV files never hand a spreadsheet a formula (OWASP, "CSV
Injection"), and a `|` in a name does not break a report.md table."""

from __future__ import annotations

import csv
import io
import re
import shutil
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from builders import TOY, run
from model.io.writing import FORMULA_START, escaped, unescaped
from model.results.folder import read_result
from model.results.markdown import markdown_table

ATTACK = "=cmd|' /C calc'!A0"
"""A municipality name that a spreadsheet opening the CSV file would run."""


def number(cell: str) -> bool:
    try:
        float(cell)
    except ValueError:
        return False
    return True


def cells(path: Path) -> list[str]:
    return [cell for row in csv.reader(io.StringIO(path.read_text())) for cell in row]


@pytest.fixture(scope="module")
def hostile(tmp_path_factory) -> tuple[Path, Path]:
    """The toy with Aadorp renamed to ATTACK and Beekstad to "Beek | Stad", solved."""
    folder = tmp_path_factory.mktemp("hostile")
    instance = Path(shutil.copytree(TOY, folder / "toy"))
    path = instance / "municipalities.csv"
    text = path.read_text().replace(",Aadorp,", f',"{ATTACK}",').replace("Beekstad", "Beek | Stad")
    path.write_text(text)
    out = folder / "out"
    result = run("solve", instance, "--out", out)
    assert result.exit_code == 0, result.output
    return instance, out


def test_result_csvs_escape_formulas_and_read_back(hostile):
    instance, out = hostile
    for name in ("municipalities.csv", "deals.csv", "sites.csv", "transfers.csv"):
        found = [cell for cell in cells(out / name) if not number(cell)]
        assert not any(cell.startswith(FORMULA_START) for cell in found), name
    assert f"'{ATTACK}" in cells(out / "municipalities.csv")
    assert any(ATTACK in cell for cell in cells(out / "deals.csv"))  # inside a sentence
    assert ATTACK in set(read_result(out).municipalities["name"])
    assert run("check", instance, out).exit_code == 0


def test_negative_numbers_stay_numbers(hostile):
    _, out = hostile
    value_change = [
        row["value_change"]
        for row in csv.DictReader(io.StringIO((out / "municipalities.csv").read_text()))
    ]
    assert any(value.startswith("-") for value in value_change)


def test_fallback_and_indicative_csvs_escape_formulas(hostile, tmp_path):
    instance, out = hostile
    assert run("fallback", instance, out, "--out", tmp_path / "fallback.csv").exit_code == 0
    assert f"'{ATTACK}" in cells(tmp_path / "fallback.csv")
    (instance / "instance.toml").write_text(
        (instance / "instance.toml").read_text() + "\n[forecast]\nreception = 500\namv = 20\n"
    )
    printed = run("indicative", instance)
    assert printed.exit_code == 0, printed.output
    assert f"'{ATTACK}" in [cell for row in csv.reader(io.StringIO(printed.stdout)) for cell in row]


def test_a_bar_in_a_name_does_not_break_report_tables(hostile):
    _, out = hostile
    report = (out / "report.md").read_text()
    assert "Beek \\| Stad" in report
    tables = re.findall(r"(?:^\|.*\n)+", report, flags=re.MULTILINE)
    assert tables
    for table in tables:
        bars = {re.sub(r"\\\|", "", line).count("|") for line in table.splitlines()}
        assert len(bars) == 1, table  # every row has as many cells as the header
    frame = pd.DataFrame({"a": ["x|y", "two\nlines"], "b": [1, 2]})
    assert markdown_table(frame).splitlines()[2:] == ["| x\\|y | 1 |", "| two lines | 2 |"]


@given(st.text())
def test_escaping_is_undone_exactly(text):
    assert unescaped(escaped(text)) == text
    assert not escaped(text).startswith(FORMULA_START)
