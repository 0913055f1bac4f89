"""Reading and validating instances (docs/instance-format.md): rules, dialects, workbooks."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import openpyxl
import pandas as pd
import pytest

from builders import (
    MUNICIPALITIES,
    SETTINGS,
    SITES,
    assert_same_instance,
    english,  # noqa: F401 (autouse: the messages these tests read are English)
    write_folder,
)
from model.core.errors import InputError, Problem
from model.io.reading import read_instance, read_raw
from model.io.writing import write_instance


def problems_of(path: Path) -> list[Problem]:
    with pytest.raises(InputError) as caught:
        read_instance(path)
    return caught.value.problems


def test_good_instance_reads_with_defaults_filled_in(tmp_path):
    instance = read_instance(write_folder(tmp_path / "i"))
    m, s = instance.municipalities, instance.sites
    assert list(m.index) == ["GM0001", "GM0002", "GM0003"]
    assert m.loc["GM0002", "housing_task"] == 0
    assert m.loc["GM0003", "ses_woa"] == 0.0
    assert m.loc["GM0002", "willing_extra"] == 1.5
    assert s.loc["S2", "available_from"] == dt.date(2024, 1, 1)
    assert s.loc["S2", "cost_per_place"] == 1500.5
    assert not instance.tasks_computed
    assert instance.warnings == []


# (file, text to replace, replacement (None: delete the file), file, row, column, message part)
RULES = [
    ("sites.csv", None, None, "sites.csv", None, None, "required file is missing"),
    (
        "municipalities.csv",
        ",population,",
        ",inhabitants,",
        "municipalities.csv",
        None,
        "population",
        "required column is missing",
    ),
    (
        "municipalities.csv",
        "GM0002,Bb",
        "GM0001,Bb",
        "municipalities.csv",
        3,
        "code",
        "duplicate code 'GM0001' (also on row 2)",
    ),
    ("sites.csv", "S3,", "S1,", "sites.csv", 4, "id", "duplicate id 'S1' (also on row 2)"),
    (
        "sites.csv",
        "S3,GM0003",
        "S3,GM0009",
        "sites.csv",
        4,
        "municipality",
        "unknown municipality 'GM0009'",
    ),
    (
        "municipalities.csv",
        "R1,10000",
        "R1,abc",
        "municipalities.csv",
        2,
        "population",
        "expected a whole number from 1 to 10,000,000, got 'abc'",
    ),
    (
        "municipalities.csv",
        "R1,10000",
        "R1,0",
        "municipalities.csv",
        2,
        "population",
        "expected a whole number from 1 to 10,000,000, got '0'",
    ),
    (
        "municipalities.csv",
        "2,5,0",
        "2,-5,0",
        "municipalities.csv",
        2,
        "housing_task",
        "expected a whole number from 0 to 10,000,000, got '-5'",
    ),
    (
        "municipalities.csv",
        "2,5,0",
        "2,12.5,0",
        "municipalities.csv",
        2,
        "housing_task",
        "expected a whole number from 0 to 10,000,000, got '12.5'",
    ),
    (
        "municipalities.csv",
        "0.1,20",
        "1.0,20",
        "municipalities.csv",
        2,
        "ses_woa",
        "expected a number > -1 and < 1, got '1.0'",
    ),
    (
        "municipalities.csv",
        "5,0\n",
        "5,-1\n",
        "municipalities.csv",
        2,
        "willing_extra",
        "expected a number from 0 to 10,000,000, got '-1'",
    ),
    (
        "sites.csv",
        "existing,100,",
        "existing,400,",
        "sites.csv",
        2,
        "min_places",
        "min_places (400) must not exceed max_places (300)",
    ),
    (
        "municipalities.csv",
        "20,2,",
        "20,30,",
        "municipalities.csv",
        2,
        "amv_task",
        "amv_task (30) must not exceed reception_task (20)",
    ),
    (
        "sites.csv",
        "2024-01-01",
        "1-13-2024",
        "sites.csv",
        3,
        "available_from",
        "expected a date YYYY-MM-DD or DD-MM-YYYY, got '1-13-2024'",
    ),
    (
        "sites.csv",
        "2031-01-01",
        "2031-02-30",
        "sites.csv",
        4,
        "available_until",
        "expected a date YYYY-MM-DD or DD-MM-YYYY, got '2031-02-30'",
    ),
    (
        "sites.csv",
        "2024-01-01,",
        "2024-01-01,2023-12-31",
        "sites.csv",
        3,
        "available_until",
        "available_until (2023-12-31) must be after available_from (2024-01-01)",
    ),
    (
        "sites.csv",
        ",small,",
        ",hostel,",
        "sites.csv",
        3,
        "kind",
        "expected one of regular, branch, small, amv, municipal, got 'hostel'",
    ),
    (
        "sites.csv",
        ",idea,",
        ",maybe,",
        "sites.csv",
        3,
        "status",
        "expected one of existing, decided, planned, idea, got 'maybe'",
    ),
    (
        "sites.csv",
        "1500.5",
        "-3",
        "sites.csv",
        3,
        "cost_per_place",
        "expected a number from 0 to 10,000,000, got '-3'",
    ),
    ("sites.csv", "S1,GM0001", ",GM0001", "sites.csv", 2, "id", "got a blank cell"),
    (
        "instance.toml",
        "01\n",
        "01\n[weights]\nhousng = 1\n",
        "instance.toml",
        None,
        None,
        "setting 'weights.housng': unknown setting (did you mean 'weights.housing'?)",
    ),
    (
        "instance.toml",
        "01\n",
        "01\n[weights]\namv = 101\n",
        "instance.toml",
        None,
        None,
        "setting 'weights.amv': expected at most 100, got 101",
    ),
    (
        "instance.toml",
        "2025-07-01",
        '"1-7-2025"',
        "instance.toml",
        None,
        None,
        "setting 'reference_date': expected a date YYYY-MM-DD, got '1-7-2025'",
    ),
    (
        "instance.toml",
        'name = "Test"\n',
        "",
        "instance.toml",
        None,
        None,
        "setting 'name': required setting is missing",
    ),
    (
        "instance.toml",
        "01\n",
        "01\n[rules]\nexchange_scope = 'regio'\n",
        "instance.toml",
        None,
        None,
        "expected 'province', 'region' or 'none'",
    ),
    (
        "instance.toml",
        "01\n",
        "01\n[site_kinds]\nsmall = {min = 200, max = 100}\n",
        "instance.toml",
        None,
        None,
        "setting 'site_kinds.small': min (200) must not exceed max",
    ),
    ("instance.toml", '"Test"', '"Test', "instance.toml", None, None, "is not valid TOML"),
    (
        "municipalities.csv",
        "GM0002,Bb,P,R1,30000,-0.2,50,",
        "GM0002,Bb,P,R1,30000,-0.2,,",
        "municipalities.csv",
        3,
        "reception_task",
        "got a blank cell (the column is filled on other rows",
    ),
    (
        "municipalities.csv",
        "R1,30000,-0.2,50,4",
        "R1,30000,-0.2,50,",
        "municipalities.csv",
        3,
        "amv_task",
        "got a blank cell (the column is filled on other rows",
    ),
    (
        "municipalities.csv",
        "willing_extra\nGM0001,Aa,P,R1,10000,0.1,20,2,5,0\n",
        "willing_extra,max_site_size\nGM0001,Aa,P,R1,10000,0.1,20,2,5,0,0\n",
        "municipalities.csv",
        2,
        "max_site_size",
        "expected a whole number from 1 to 10,000,000, got '0'",
    ),
    (
        "municipalities.csv",
        "GM0001,Aa,P,R1,10000,0.1,20,2,5,0",
        "GM0001,Aa,P,R1,10000,0.1,20,2,5,0,x",
        "municipalities.csv",
        2,
        None,
        "has more cells than the header has columns",
    ),
]


@pytest.mark.parametrize(("file", "old", "new", "where", "row", "column", "message"), RULES)
def test_each_rule_is_reported_with_file_row_and_column(
    tmp_path, file, old, new, where, row, column, message
):
    folder = write_folder(tmp_path / "i")
    path = folder / file
    if new is None:
        path.unlink()
    else:
        text = path.read_text(encoding="utf-8")
        assert old in text
        path.write_text(text.replace(old, new, 1), encoding="utf-8")
    found = [p for p in problems_of(folder) if message in p.message]
    assert found, problems_of(folder)
    assert (found[0].file, found[0].row, found[0].column) == (where, row, column)
    assert str(found[0]).startswith(where + (f", row {row}" if row else ""))


def test_region_is_required_under_region_scope(tmp_path):
    settings = SETTINGS + '[rules]\nexchange_scope = "region"\n'
    folder = write_folder(tmp_path / "i", settings, MUNICIPALITIES.replace("Q,R2", "Q,"))
    [problem] = problems_of(folder)
    assert (problem.file, problem.row, problem.column) == ("municipalities.csv", 4, "region")
    assert 'rules.exchange_scope is "region"' in problem.message

    no_column = MUNICIPALITIES.replace(",region", "").replace(",R1", "").replace(",R2", "")
    [problem] = problems_of(write_folder(tmp_path / "j", settings, no_column))
    assert (problem.column, problem.row) == ("region", None)
    assert "required column is missing" in problem.message


def without_columns(text: str, *names: str) -> str:
    """`text` (a CSV) without the named columns."""
    rows = [line.split(",") for line in text.splitlines()]
    keep = [i for i, name in enumerate(rows[0]) if name not in names]
    return "".join(",".join(row[i] for i in keep) + "\n" for row in rows)


def test_forecast_is_required_when_tasks_are_absent(tmp_path):
    no_tasks = without_columns(MUNICIPALITIES, "reception_task", "amv_task")
    messages = [
        p.message for p in problems_of(write_folder(tmp_path / "i", municipalities=no_tasks))
    ]
    assert any("'forecast.reception' is missing" in m for m in messages)
    assert any("'forecast.amv' is missing" in m for m in messages)

    no_amv = without_columns(MUNICIPALITIES, "amv_task")
    [problem] = problems_of(write_folder(tmp_path / "j", municipalities=no_amv))
    assert problem.file == "instance.toml"
    assert "'forecast.amv' is missing: municipalities.csv gives no amv_task" in problem.message


def test_tasks_are_computed_from_forecast_when_absent(tmp_path):
    no_tasks = without_columns(MUNICIPALITIES, "reception_task", "amv_task")
    settings = SETTINGS + "[forecast]\nreception = 110\namv = 9\n"
    instance = read_instance(write_folder(tmp_path / "i", settings, no_tasks))
    assert instance.tasks_computed
    assert instance.municipalities["reception_task"].sum() == 110
    assert instance.municipalities["amv_task"].sum() == 9


def test_an_all_blank_task_column_counts_as_absent(tmp_path):
    blank = (
        MUNICIPALITIES.replace(",20,2,", ",,,").replace(",50,4,", ",,,").replace(",40,3,", ",,,")
    )
    settings = SETTINGS + "[forecast]\nreception = 110\namv = 9\n"
    instance = read_instance(write_folder(tmp_path / "i", settings, blank))
    assert instance.tasks_computed


def test_amv_forecast_above_reception_and_amv_without_reception(tmp_path):
    only_amv = without_columns(MUNICIPALITIES, "reception_task")
    settings = SETTINGS + "[forecast]\nreception = 10\namv = 20\n"
    problems = problems_of(write_folder(tmp_path / "i", settings, only_amv))
    messages = [p.message for p in problems]
    assert any("amv_task is given without reception_task" in m for m in messages)
    assert any(
        "'forecast.amv' (20) exceeds the reception places it is part of (10)" in m for m in messages
    )


def test_all_problems_of_all_files_are_listed_at_once(tmp_path):
    folder = write_folder(
        tmp_path / "i",
        SETTINGS + "[weights]\nhousing = -1\n",
        MUNICIPALITIES.replace("R1,10000", "R1,lots"),
        SITES.replace(",small,", ",hostel,").replace("existing,100,", "existing,x,"),
    )
    where = {(p.file, p.row, p.column) for p in problems_of(folder)}
    assert where >= {
        ("instance.toml", None, None),
        ("municipalities.csv", 2, "population"),
        ("sites.csv", 3, "kind"),
        ("sites.csv", 2, "min_places"),
    }


def test_sites_may_have_zero_rows(tmp_path):
    instance = read_instance(write_folder(tmp_path / "i", sites=SITES.splitlines()[0] + "\n"))
    assert instance.sites.empty and len(instance.municipalities) == 3


def test_missing_settings_file_is_one_problem(tmp_path):
    folder = write_folder(tmp_path / "i")
    (folder / "instance.toml").unlink()
    assert [str(p) for p in problems_of(folder)] == ["instance.toml: required file is missing"]


def test_missing_path_and_wrong_kind_of_path(tmp_path):
    [problem] = problems_of(tmp_path / "nowhere")
    assert "not found" in problem.message
    other = tmp_path / "plan.csv"
    other.write_text("x\n")
    [problem] = problems_of(other)
    assert "expected an instance folder or an .xlsx workbook" in problem.message


# ---- warnings ---------------------------------------------------------------------------------


def test_warnings_for_suspicious_but_legal_input(tmp_path):
    municipalities = MUNICIPALITIES.replace("R1,30000,-0.2,50,4", "R1,30000,-0.2,0,0")
    municipalities = municipalities.replace("R2,20000,,40,", "R2,20000,,400,")
    municipalities += "GM0004,Dd,Q,R2,10000,,20,2,,\n"
    sites = SITES.replace("S2,GM0002,,small,idea,60,120", "S2,GM0002,,small,idea,10,30")
    sites = sites.replace("2031-01-01", "2026-01-01")
    instance = read_instance(write_folder(tmp_path / "i", SETTINGS, municipalities, sites))
    found = {(w.row, w.column): w.message for w in instance.warnings}
    assert (
        "can never open: a new small-scale site needs 50 to 150 places" in found[(3, "max_places")]
    )
    assert "reception task of 0" in found[(3, "reception_task")]
    assert "places per 1000 inhabitants" in found[(4, "reception_task")]
    assert "does not count: available until 2026-01-01" in found[(4, None)]
    assert all(w.file in ("sites.csv", "municipalities.csv") for w in instance.warnings)


# ---- CSV dialects -----------------------------------------------------------------------------


def semicolons(text: str) -> str:
    """A Dutch Excel export: `;` delimiter and decimal comma."""
    return text.replace(",", ";").replace(".", ",")


DIALECTS = {
    "bom": lambda text: "\ufeff" + text,
    "crlf": lambda text: text.replace("\n", "\r\n"),
    "semicolon_decimal_comma": semicolons,
    "blanks_around_cells": lambda text: text.replace(",", " ,  "),
    "blank_trailing_lines": lambda text: text + "\n\n   \n",
    "trailing_empty_cells_lines": lambda text: semicolons(text) + ";;;;;\n;;;;;\n",
    "messy_headers": lambda text: text.replace("code,", " Code ,").replace(",name,", ", NAME,"),
}


@pytest.mark.parametrize("dialect", sorted(DIALECTS))
def test_csv_dialects_read_the_same(tmp_path, dialect):
    change = DIALECTS[dialect]
    baseline = read_instance(write_folder(tmp_path / "plain"))
    variant = read_instance(
        write_folder(tmp_path / dialect, SETTINGS, change(MUNICIPALITIES), change(SITES))
    )
    assert_same_instance(baseline, variant)
    assert variant.warnings == []


def test_decimal_comma_values(tmp_path):
    folder = write_folder(tmp_path / "i", SETTINGS, semicolons(MUNICIPALITIES), semicolons(SITES))
    raw = read_raw(folder)
    assert list(raw.municipalities["ses_woa"].fillna(9)) == [0.1, -0.2, 9]
    assert list(raw.municipalities["willing_extra"].fillna(9)) == [0.0, 1.5, 9]
    assert raw.sites["cost_per_place"].iloc[1] == 1500.5


@pytest.mark.parametrize(
    ("population", "willing_extra", "expected"),
    [
        ("10.000", "1.234,5", (10000, 1234.5)),
        ("10000", "0.125", (10000, 0.125)),
        ("1.234.567", "1,5", (1234567, 1.5)),
    ],
)
def test_thousands_separators_in_semicolon_files(tmp_path, population, willing_extra, expected):
    """In a `;` file `.` groups thousands (Dutch Excel) unless it cannot: "0.125" is a decimal."""
    municipalities = semicolons(MUNICIPALITIES).replace(";10000;", f";{population};")
    municipalities = municipalities.replace(";1,5\n", f";{willing_extra}\n")
    m = read_raw(write_folder(tmp_path / "i", municipalities=municipalities)).municipalities
    assert (m.loc[2, "population"], m.loc[3, "willing_extra"]) == expected


@pytest.mark.parametrize("name", ["Súdwest-Fryslân", "Enschedé"])
def test_windows_1252_is_read_with_a_warning(tmp_path, name):
    folder = write_folder(tmp_path / "i")
    text = MUNICIPALITIES.replace("Bb", name)
    (folder / "municipalities.csv").write_bytes(semicolons(text).encode("cp1252"))
    instance = read_instance(folder)
    assert instance.municipalities.loc["GM0002", "name"] == name
    [warning] = instance.warnings
    assert warning.file == "municipalities.csv"
    assert "Windows-1252" in warning.message


def test_extra_columns_are_kept_raw_but_not_in_the_instance(tmp_path):
    municipalities = MUNICIPALITIES.replace("willing_extra\n", "willing_extra, Notes \n")
    municipalities = municipalities.replace("5,0\n", "5,0,=1+1\n")
    folder = write_folder(tmp_path / "i", municipalities=municipalities)
    assert read_raw(folder).municipalities.loc[2, "Notes"] == "=1+1"
    assert "Notes" not in read_instance(folder).municipalities.columns


def test_rows_are_numbered_as_excel_numbers_them(tmp_path):
    sites = SITES.replace("\nS2,", "\n\nS2,").replace("S3,GM0003", "S3,GM0009")
    [problem] = problems_of(write_folder(tmp_path / "i", sites=sites))
    assert problem.row == 5


# ---- workbooks --------------------------------------------------------------------------------

RICH_SETTINGS = (
    SETTINGS
    + """
[forecast]
reception = 110
amv = 9

[weights]
housing = 0.5

[rules]
transferable = ["regular", "housing"]
balance_tolerance = 2.5

[rules.status_weight]
idea = 0.5

[site_kinds]
small = { min = 40, max = 150 }
"""
)


def rich_folder(folder: Path) -> Path:
    """An instance using many settings, an extra column and text that looks like a formula."""
    municipalities = MUNICIPALITIES.replace("willing_extra\n", "willing_extra,Notes\n")
    municipalities = municipalities.replace("5,0\n", "5,0,=SUM(A1)\n").replace(
        ",1.5\n", ",1.5,+31\n"
    )
    return write_folder(folder, RICH_SETTINGS, municipalities)


def test_folder_to_workbook_to_folder_is_lossless(tmp_path):
    folder = rich_folder(tmp_path / "i")
    write_instance(read_raw(folder), tmp_path / "i.xlsx")
    write_instance(read_raw(tmp_path / "i.xlsx"), tmp_path / "back")
    first, second = read_raw(folder), read_raw(tmp_path / "back")
    assert first.settings_given == second.settings_given
    pd.testing.assert_frame_equal(first.municipalities, second.municipalities)
    pd.testing.assert_frame_equal(first.sites, second.sites)
    assert_same_instance(read_instance(folder), read_instance(tmp_path / "i.xlsx"))


def test_workbook_layout_and_text_that_looks_like_a_formula(tmp_path):
    write_instance(read_raw(rich_folder(tmp_path / "i")), tmp_path / "i.xlsx")
    workbook = openpyxl.load_workbook(tmp_path / "i.xlsx")
    assert workbook.sheetnames == ["municipalities", "sites", "settings"]
    sheet = workbook["municipalities"]
    assert sheet.freeze_panes == "A2" and sheet["A1"].font.b
    notes = [cell for cell in sheet[2] if cell.value == "=SUM(A1)"]
    assert notes and notes[0].data_type == "s"
    settings = {
        row[0]: row[1] for row in workbook["settings"].iter_rows(min_row=2, values_only=True)
    }
    assert settings["rules.transferable"] == "regular, housing"
    assert settings["site_kinds.small.min"] == 40


def workbook_with(tmp_path: Path, sheet: str, row: int, column: int, value) -> Path:
    """The rich instance as a workbook with one cell changed."""
    path = tmp_path / "w.xlsx"
    write_instance(read_raw(rich_folder(tmp_path / "i")), path)
    workbook = openpyxl.load_workbook(path)
    workbook[sheet].cell(row, column, value)
    workbook.save(path)
    return path


def test_workbook_problems_name_the_sheet_row_and_column(tmp_path):
    [problem] = problems_of(workbook_with(tmp_path, "sites", 3, 6, "many"))
    assert (problem.file, problem.row, problem.column) == ("w.xlsx [sites]", 3, "min_places")


def test_workbook_settings_problems_name_the_row(tmp_path):
    path = workbook_with(tmp_path, "settings", 6, 1, "weights.housng")
    [problem] = problems_of(path)
    assert (problem.file, problem.row, problem.column) == ("w.xlsx [settings]", 6, "value")
    assert "setting 'weights.housng': unknown setting" in problem.message


def test_workbook_missing_sheet(tmp_path):
    path = workbook_with(tmp_path, "sites", 1, 1, "id")
    workbook = openpyxl.load_workbook(path)
    workbook.remove(workbook["sites"])
    workbook.save(path)
    [problem] = problems_of(path)
    assert (problem.file, problem.message) == ("w.xlsx", "sheet 'sites' is missing")


# ---- the instances of the repository ----------------------------------------------------------

INSTANCES = sorted(Path(__file__).parents[2].glob("instances/*/instance.toml"))


@pytest.mark.parametrize("toml", INSTANCES or [None], ids=lambda p: p.parent.name if p else "none")
def test_repository_instances_are_valid_and_survive_a_workbook(toml, tmp_path):
    if toml is None:
        pytest.skip("no instances/*/instance.toml yet")
    instance = read_instance(toml.parent)
    assert len(instance.municipalities) > 0
    write_instance(read_raw(toml.parent), tmp_path / "copy.xlsx")
    assert_same_instance(instance, read_instance(tmp_path / "copy.xlsx"))
