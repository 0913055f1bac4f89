"""Family 5 of issue 10 (the reading side): result folders are read by column name and checked for
their structure; a damaged or edited file gives exit 2 naming the file and the field, for check,
report and fallback alike."""

from __future__ import annotations

import csv
import io
import json
import shutil
from pathlib import Path

import pytest

from builders import (
    TOY,
    english,  # noqa: F401 (autouse: the messages these tests read are English)
    run,
)
from model.results.folder import read_result

COMMANDS = {
    "check": lambda folder: ["check", TOY, folder],
    "report": lambda folder: ["report", folder],
    "fallback": lambda folder: ["fallback", TOY, folder],
}


@pytest.fixture(scope="module")
def solved(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("solved") / "toy"
    assert run("solve", TOY, "--out", out).exit_code == 0
    return out


@pytest.fixture
def result(solved, tmp_path) -> Path:
    """A fresh copy of the toy's result folder, to damage."""
    return Path(shutil.copytree(solved, tmp_path / "toy"))


def edit_json(folder: Path, change) -> None:
    path = folder / "summary.json"
    summary = json.loads(path.read_text())
    path.write_text(json.dumps(change(summary)))


def rows_of(folder: Path, name: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO((folder / name).read_text())))


def write_rows(folder: Path, name: str, rows: list[list[str]]) -> None:
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\n").writerows(rows)
    (folder / name).write_text(buffer.getvalue())


def refused_by_every_command(folder: Path, *parts: str) -> None:
    """check, report and fallback each exit 2 with an error line holding every part."""
    before = sorted(p.name for p in folder.iterdir())
    for name, args in COMMANDS.items():
        result = run(*args(folder))
        assert result.exit_code == 2, (name, result.output)
        assert result.exception is None or isinstance(result.exception, SystemExit), name
        lines = [line for line in result.stderr.splitlines() if line.startswith("error: ")]
        assert any(all(part in line for part in parts) for line in lines), (name, lines)
    assert sorted(p.name for p in folder.iterdir()) == before  # no report written


def unknown_reason(summary: dict) -> dict:
    """An explanation with a reason code no report can translate."""
    short = {"unmet": 30, "reasons": ["pech"], "limits": [], "closing": [], "proven": True}
    summary["explanation"] = {"short": {"GM9001": short}}
    return summary


def set_deals(summary: dict) -> dict:
    summary["objectives"]["deals"] = "drie"
    return summary


@pytest.mark.parametrize(
    ("change", "parts"),
    [
        (lambda s: [s], ("summary.json: the file: expected an object",)),
        (lambda s: s | {"provinces": list(s["provinces"])}, ("field 'provinces': expected an",)),
        (set_deals, ("field 'objectives.deals': expected a number, got \"drie\"",)),
        (lambda s: s | {"status": "klaar"}, ("field 'status': expected 'optimal' or",)),
        (lambda s: {k: v for k, v in s.items() if k != "solver"}, ("field 'solver' is missing",)),
        (lambda s: s | {"objectives": {"luck": 1}}, ("field 'objectives.luck'",)),
        (
            unknown_reason,
            ("field 'explanation.short.GM9001.reasons.0': expected 'own_sites_full'",),
        ),
        (
            lambda s: s | {"explanation": {"dependence": {"regular": "veel"}}},
            ("field 'explanation.dependence.regular': expected a number",),
        ),
    ],
)
def test_a_summary_of_the_wrong_shape(result, change, parts):
    edit_json(result, change)
    refused_by_every_command(result, *parts)


def test_a_summary_that_is_not_json(result):
    (result / "summary.json").write_text('{"format": 1,')
    refused_by_every_command(result, "summary.json: is not JSON")


def test_text_in_a_number_column(result):
    rows = rows_of(result, "municipalities.csv")
    rows[2][rows[0].index("places")] = "veel"
    write_rows(result, "municipalities.csv", rows)
    refused_by_every_command(
        result, "municipalities.csv, row 3, column 'places': expected a number, got 'veel'"
    )


def test_a_missing_column(result):
    rows = rows_of(result, "sites.csv")
    at = rows[0].index("places")
    write_rows(result, "sites.csv", [row[:at] + row[at + 1 :] for row in rows])
    refused_by_every_command(result, "sites.csv, column 'places': column is missing")


def test_a_flag_that_is_no_flag(result):
    rows = rows_of(result, "sites.csv")
    rows[1][rows[0].index("open")] = "ja"
    write_rows(result, "sites.csv", rows)
    refused_by_every_command(result, "sites.csv, row 2, column 'open': expected true or false")


def test_an_empty_transfers_file_without_header(result):
    (result / "transfers.csv").write_text("")
    refused_by_every_command(
        result, "transfers.csv: is empty: expected the header from,to,component,amount"
    )


def test_a_transfers_file_with_only_its_header_is_a_result_without_transfers(result):
    (result / "transfers.csv").write_text("from,to,component,amount\n")
    assert read_result(result).transfers.empty
    checked = run("check", TOY, result)
    assert checked.exit_code == 1, checked.output  # the deals and stages no longer add up
    assert "violation" in checked.output


def test_columns_are_read_by_name_in_any_order(result, solved):
    """The same table with its columns in another order is the same result."""
    for name in ("transfers.csv", "sites.csv", "municipalities.csv"):
        rows = rows_of(result, name)
        write_rows(result, name, [row[::-1] for row in rows])
    checked = run("check", TOY, result)
    assert checked.exit_code == 0, checked.output
    assert read_result(result).transfers.equals(read_result(solved).transfers)


def test_a_swapped_from_to_header_is_a_different_result(result):
    """Before, columns were read by position: swapping the header went unnoticed."""
    rows = rows_of(result, "transfers.csv")
    rows[0][:2] = rows[0][1::-1]
    write_rows(result, "transfers.csv", rows)
    assert run("check", TOY, result).exit_code == 1


def test_extra_columns_are_kept_and_text_is_unescaped(result):
    rows = rows_of(result, "municipalities.csv")
    rows[0].append("opmerking")
    rows[1].append("'=bespreken")
    rows[2:] = [row + [""] for row in rows[2:]]
    write_rows(result, "municipalities.csv", rows)
    read = read_result(result)
    assert read.municipalities.loc[0, "opmerking"] == "=bespreken"
    assert list(read.municipalities.columns)[-1] == "opmerking"
    assert run("check", TOY, result).exit_code == 0
