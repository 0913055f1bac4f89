"""Family 1 of issue 10: every number and date has a documented range (docs/instance-format.md,
"Ranges"); beyond it the input is refused with exit status 2, before anything can crash later."""

from __future__ import annotations

import pytest

from builders import (
    MUNICIPALITIES,
    SETTINGS,
    SITES,
    TOY,
    english,  # noqa: F401 (autouse: the messages these tests read are English)
    run,
    write,
    write_folder,
)
from model.io.reading import read_instance, read_raw
from model.io.writing import write_instance

HUGE = str(2**63)
"""Too large for a 64-bit integer: used to crash pandas' integer conversion."""


def refused(result, *parts: str) -> None:
    """Exit status 2, no traceback, and an error line holding every part."""
    assert result.exit_code == 2, result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert "Traceback" not in result.output
    lines = [line for line in result.stderr.splitlines() if line.startswith("error: ")]
    assert any(all(part in line for part in parts) for line in lines), result.stderr


@pytest.mark.parametrize(
    ("column", "value", "expected"),
    [
        ("population", HUGE, "from 1 to 10,000,000"),
        ("population", "10000001", "from 1 to 10,000,000"),
        ("reception_task", HUGE, "from 0 to 10,000,000"),
        ("housing_task", "1e300", "from 0 to 10,000,000"),
        ("willing_extra", "inf", "from 0 to 10,000,000"),
        ("willing_extra", "nan", "from 0 to 10,000,000"),
    ],
)
def test_municipality_numbers_out_of_range(tmp_path, column, value, expected):
    header, first, *rest = MUNICIPALITIES.splitlines()
    cells = first.split(",")
    cells[header.split(",").index(column)] = value
    text = "\n".join([header, ",".join(cells), *rest]) + "\n"
    result = run("validate", write_folder(tmp_path / "i", municipalities=text))
    refused(result, "municipalities.csv, row 2", f"column '{column}'", expected, value)


@pytest.mark.parametrize("column", ["min_places", "max_places", "cost_per_place"])
def test_site_numbers_out_of_range(tmp_path, column):
    header, first, *rest = SITES.splitlines()
    cells = first.split(",")
    cells[header.split(",").index(column)] = HUGE
    text = "\n".join([header, ",".join(cells), *rest]) + "\n"
    refused(run("validate", write_folder(tmp_path / "i", sites=text)), "sites.csv, row 2", column)


@pytest.mark.parametrize(
    ("toml", "key", "expected"),
    [
        (f"[forecast]\nreception = {HUGE}\namv = 1\n", "forecast.reception", "at most 10,000,000"),
        ("[weights]\nhousing = inf\n", "weights.housing", "a finite number, got inf"),
        ("[weights]\nhousing = nan\n", "weights.housing", "a finite number"),
        ("[weights]\nhousing = 1e300\n", "weights.housing", "at most 100"),
        ("[weights]\nhousing = -0.5\n", "weights.housing", "at least 0"),
        ("[rules]\nbalance_tolerance = inf\n", "rules.balance_tolerance", "finite"),
        ("[rules.status_weight]\nidea = 1e308\n", "rules.status_weight.idea", "at most 1"),
        ("[rules]\nmin_duration_years = 10000\n", "rules.min_duration_years", "at most 100"),
        ("[rules]\nmin_duration_years = true\n", "rules.min_duration_years", "got true"),
        ("[rules]\nmax_deals_per_municipality = true\n", "rules.max_deals", "got true"),
        ("[site_kinds]\nsmall = { min = 0, max = 1e99 }\n", "site_kinds.small.max", "whole"),
        (f"[site_kinds]\nsmall = {{ min = 0, max = {HUGE} }}\n", "site_kinds.small.max", "most"),
    ],
)
def test_settings_out_of_range(tmp_path, toml, key, expected):
    result = run("validate", write_folder(tmp_path / "i", SETTINGS + toml))
    refused(result, "instance.toml", f"setting '{key}", expected)


@pytest.mark.parametrize("date", ["9999-12-31", "1899-12-31", "3000-01-01"])
def test_reference_date_out_of_range(tmp_path, date):
    """A reference date plus min_duration_years used to pass year 9999 and crash."""
    settings = SETTINGS.replace("2025-07-01", date)
    refused(
        run("validate", write_folder(tmp_path / "i", settings)), "'reference_date'", "2999-12-31"
    )


def test_the_largest_values_in_range_are_accepted(tmp_path):
    """A weight of 0 (the component does not count), the last reference date with the longest
    duration, and a site available until 9999-12-31 (a common way to write "open-ended")."""
    settings = SETTINGS.replace("2025-07-01", "2999-12-31")
    settings += "[weights]\nhousing = 0\nukraine = 100\n[rules]\nmin_duration_years = 100\n"
    sites = SITES.replace("2031-01-01", "9999-12-31").replace("100,300", "100,10000000")
    instance = read_instance(write_folder(tmp_path / "i", settings, sites=sites))
    assert instance.settings.weights.housing == 0
    assert instance.sites.loc["S3", "reason"] == ""  # counts: available long enough


def test_scenario_numbers_out_of_range(tmp_path):
    scenario = write(
        tmp_path,
        "huge.toml",
        f'[settings]\nweights = {{ housing = 1e300 }}\n\n[[municipality]]\ncode = "GM9001"\n'
        f"population = {HUGE}\n",
    )
    result = run("solve", TOY, "--scenario", scenario)
    refused(result, "huge.toml", "population", "10,000,000")
    refused(result, "huge.toml", "weights.housing", "at most 100")
    assert not (tmp_path / "results").exists()


def test_workbook_numbers_and_flags_out_of_range(tmp_path):
    """A workbook stores numbers as floats: 1e20 is whole, but far out of range; TRUE is no number."""
    import openpyxl

    path = tmp_path / "toy.xlsx"
    write_instance(read_raw(TOY), path)
    workbook = openpyxl.load_workbook(path)
    workbook["municipalities"]["F2"] = 1e20  # reception_task
    workbook["municipalities"]["G2"] = True  # amv_task
    workbook["settings"].append(["rules.min_duration_years", True])
    workbook.save(path)
    result = run("validate", path)
    refused(result, "toy.xlsx [municipalities], row 2, column 'reception_task'", "10,000,000")
    refused(result, "toy.xlsx [municipalities], row 2, column 'amv_task'", "got 'True'")
    refused(result, "toy.xlsx [settings]", "min_duration_years", "got true")
