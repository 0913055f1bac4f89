"""Family 3 of issue 10: workbooks that used to read silently wrong are refused or read right; and
inputs as a Dutch Excel writes them (issue 13): dates DD-MM-YYYY, a decimal comma in TOML."""

from __future__ import annotations

import datetime as dt
import re
import zipfile
from pathlib import Path

import openpyxl
import pytest

from builders import (
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


def errors(result) -> list[str]:
    assert result.exit_code == 2, result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)
    return [line for line in result.stderr.splitlines() if line.startswith("error: ")]


def toy_workbook(tmp_path: Path) -> Path:
    path = tmp_path / "toy.xlsx"
    write_instance(read_raw(TOY), path)
    return path


def edited(path: Path, edit) -> Path:
    """The workbook after `edit(workbook)`, saved in place."""
    workbook = openpyxl.load_workbook(path)
    edit(workbook)
    workbook.save(path)
    return path


def with_cached_values(path: Path, values: dict[str, str]) -> Path:
    """Give formula cells the value Excel would have stored with them (openpyxl writes none).

    `values` maps a cell reference of the municipalities sheet (e.g. "F2") to its value.
    """
    out = path.with_name("cached.xlsx")
    with zipfile.ZipFile(path) as source, zipfile.ZipFile(out, "w") as target:
        for item in source.infolist():
            data = source.read(item).decode("utf-8")
            if item.filename == "xl/worksheets/sheet1.xml":
                for ref, value in values.items():
                    data, n = re.subn(
                        rf'(<c r="{ref}"[^>]*>)(<f>[^<]*</f>)<v\s*/?>(</v>)?',
                        rf"\1\2<v>{value}</v>",
                        data,
                    )
                    assert n == 1, ref
            target.writestr(item, data.encode("utf-8"))
    return out


def test_two_sheets_that_differ_only_in_case_or_blanks_are_refused(tmp_path):
    """Before: the last one won, with zero sites and no warning."""

    def twin(workbook):
        twin = workbook.create_sheet("Sites ")
        twin.append(["id", "municipality", "kind", "status", "min_places", "max_places"])

    path = edited(toy_workbook(tmp_path), twin)
    assert errors(run("validate", path)) == [
        "error: toy.xlsx: sheets 'sites' and 'Sites ' both read as sheet 'sites': "
        "rename or remove one"
    ]


def test_a_formula_without_a_computed_value_is_refused(tmp_path):
    """Before: read as blank, so a housing task of =100+50 silently became the default."""

    def formulas(workbook):
        workbook["municipalities"]["H2"] = "=100+50"  # housing_task of Aadorp
        workbook["settings"].append(["weights.housing", "=1/2"])

    lines = errors(run("validate", edited(toy_workbook(tmp_path), formulas)))
    assert lines[0] == (  # row 7: below the header and the toy's five settings
        "error: toy.xlsx [settings], row 7, column 'value': the formula =1/2 has no computed "
        "value (a program wrote it, Excel never calculated it): open and save the workbook in "
        "Excel, or type the value"
    )
    assert lines[1].startswith(
        "error: toy.xlsx [municipalities], row 2, column 'housing_task': the formula =100+50 "
        "has no computed value"
    )
    assert len(lines) == 2


def test_a_formula_with_its_computed_value_reads_as_that_value(tmp_path):
    def formulas(workbook):
        workbook["municipalities"]["H2"] = "=100+50"

    path = with_cached_values(edited(toy_workbook(tmp_path), formulas), {"H2": "150"})
    assert read_instance(path).municipalities.loc["GM9001", "housing_task"] == 150


def test_every_row_is_read_whatever_size_the_workbook_claims(tmp_path):
    """Read-only mode trusts a sheet's <dimension>; some programs write a wrong one."""
    path = toy_workbook(tmp_path)
    out = tmp_path / "small-dimension.xlsx"
    with zipfile.ZipFile(path) as source, zipfile.ZipFile(out, "w") as target:
        for item in source.infolist():
            data = source.read(item)
            target.writestr(item, re.sub(rb'<dimension ref="[^"]*"', b'<dimension ref="A1"', data))
    assert len(read_instance(out).sites) == len(read_instance(TOY).sites) == 5


def test_a_flag_is_no_number_in_a_table_or_a_setting(tmp_path):
    def flags(workbook):
        workbook["sites"]["F2"] = True  # min_places
        workbook["settings"].append(["rules.max_deals_per_municipality", True])

    lines = errors(run("validate", edited(toy_workbook(tmp_path), flags)))
    assert any("[settings], row 7, column 'value'" in line and "got true" in line for line in lines)
    assert any("[sites], row 2, column 'min_places'" in line for line in lines)


def test_dutch_dates_in_csv_and_workbook_cells(tmp_path):
    """1-1-2024 and 01-01-2031 cannot be mistaken for ISO dates: day, month, year."""
    sites = SITES.replace("2024-01-01", "1-1-2024").replace("2031-01-01", "01-01-2031")
    folder = write_folder(tmp_path / "i", sites=sites)
    s = read_instance(folder).sites
    assert s.loc["S2", "available_from"] == dt.date(2024, 1, 1)
    assert s.loc["S3", "available_until"] == dt.date(2031, 1, 1)

    def dutch(workbook):
        workbook["sites"]["I3"] = "31-12-2030"  # available_until of A2
        workbook["settings"]["B3"] = "1-7-2025"  # reference_date, typed as text

    path = edited(toy_workbook(tmp_path), dutch)
    instance = read_instance(path)
    assert instance.sites.loc["A2", "available_until"] == dt.date(2030, 12, 31)
    assert instance.settings.reference_date == dt.date(2025, 7, 1)


@pytest.mark.parametrize("date", ["31-2-2024", "2024-1-1", "1/7/2025", "13-13-2025"])
def test_dates_that_are_no_date(tmp_path, date):
    sites = SITES.replace("2024-01-01", date)
    [line] = errors(run("validate", write_folder(tmp_path / "i", sites=sites)))
    assert line == (
        "error: sites.csv, row 3, column 'available_from': expected a date YYYY-MM-DD or "
        f"DD-MM-YYYY, got '{date}'"
    )


def test_a_decimal_comma_in_toml_gets_a_one_line_hint(tmp_path):
    settings = (
        SETTINGS + "[weights]\nukraine = 0,5\nhousing = 1.5\n\n[rules]\nbalance_tolerance = 2,25\n"
    )
    assert errors(run("validate", write_folder(tmp_path / "i", settings))) == [
        "error: instance.toml: line 4: TOML needs a decimal point: write 0.5, not 0,5",
        "error: instance.toml: line 8: TOML needs a decimal point: write 2.25, not 2,25",
    ]
    scenario = write(tmp_path, "half.toml", "[settings]\nweights = { housing = 0,5 }\n")
    assert errors(run("solve", TOY, "--scenario", scenario, "--out", tmp_path / "out")) == [
        "error: half.toml: line 2: TOML needs a decimal point: write 0.5, not 0,5"
    ]


def test_other_toml_errors_keep_their_own_message(tmp_path):
    settings = SETTINGS + "[weights]\nukraine = \n"
    [line] = errors(run("validate", write_folder(tmp_path / "i", settings)))
    assert line.startswith("error: instance.toml: is not valid TOML: ")


def test_text_that_no_workbook_can_hold_is_refused(tmp_path):
    """A control character in a cell, a column name or the instance name used to crash convert
    and report.xlsx (found by the fuzz test)."""
    municipalities = (TOY / "municipalities.csv").read_text()
    municipalities = municipalities.replace("region,", "\x01region,").replace(
        "Aadorp", "Aa\x02dorp"
    )
    folder = write_folder(
        tmp_path / "i",
        SETTINGS.replace('"Test"', '"Te\\u0003st"'),
        municipalities,
        (TOY / "sites.csv").read_text(),
    )
    lines = errors(run("convert", folder, tmp_path / "i.xlsx"))
    assert "setting 'name': holds a control character: 'Te\\x03st'" in lines[0]
    assert "column 4: its name holds a control character" in lines[1]
    assert "row 2, column 'name': holds a control character" in lines[2]
    assert not (tmp_path / "i.xlsx").exists()


def test_a_date_cell_beyond_year_9999_is_refused_quietly(tmp_path):
    def far(workbook):
        cell = workbook["sites"]["I2"]  # available_until of A1
        cell.value, cell.number_format = 1e10, "yyyy-mm-dd"

    result = run("validate", edited(toy_workbook(tmp_path), far))
    assert errors(result) == [
        "error: toy.xlsx [sites], row 2, column 'available_until': expected a date YYYY-MM-DD or "
        "DD-MM-YYYY, got '#VALUE!'"
    ]
    assert "Warning" not in result.stderr
