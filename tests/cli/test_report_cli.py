"""`uitruil report` and `uitruil solve --report` through click's runner (cli.md exit statuses)."""

from __future__ import annotations

import json
from pathlib import Path

from openpyxl import load_workbook

from builders import run
from model.lang import text
from report_fixtures import compare_folder, result_folder

TOY = Path(__file__).resolve().parents[2] / "instances" / "toy"


def test_report_writes_both_files_into_the_result_folder(tmp_path):
    folder = result_folder(tmp_path / "r")
    before = sorted(p.name for p in folder.iterdir())
    result = run("report", folder)
    assert result.exit_code == 0, result.output
    after = sorted(p.name for p in folder.iterdir())
    assert after == sorted([*before, "report.html", "report.xlsx"])
    assert "Samenvatting" in load_workbook(folder / "report.xlsx").sheetnames


def test_report_format_and_language(tmp_path):
    folder = result_folder(tmp_path / "r")
    result = run("report", folder, "--format", "html", "--lang", "en")
    assert result.exit_code == 0, result.output
    assert not (folder / "report.xlsx").exists()
    assert '<html lang="en">' in (folder / "report.html").read_text(encoding="utf-8")


def test_report_on_a_compare_folder(tmp_path):
    folder = compare_folder(tmp_path / "cmp")
    result = run("report", folder, "--format", "xlsx")
    assert result.exit_code == 0, result.output
    assert "Vergelijking" in load_workbook(folder / "report.xlsx").sheetnames


def test_report_on_a_folder_that_is_not_a_result_exits_2(tmp_path):
    (tmp_path / "notes.txt").write_text("no result here", encoding="utf-8")
    result = run("report", tmp_path)
    assert result.exit_code == 2, result.output
    assert "fout:" in result.stderr and "is geen resultaatmap" in result.stderr
    assert "Traceback" not in result.output
    assert sorted(p.name for p in tmp_path.iterdir()) == ["notes.txt"]


def test_report_on_a_missing_folder_exits_2(tmp_path):
    assert run("report", tmp_path / "nowhere").exit_code == 2


def test_solve_ends_with_the_final_stage_values_of_summary_json(tmp_path):
    """The lines printed while solving may show a stage before a later one improved it; the
    last lines on stderr are the values summary.json holds."""
    result = run("solve", TOY, "--out", tmp_path / "out", "--time-limit", 30)
    assert result.exit_code == 0, result.output
    summary = json.loads((tmp_path / "out" / "summary.json").read_text("utf-8"))
    stages = summary["stages"]
    tail = result.stderr.splitlines()[-len(stages) - 1 :]
    assert tail[0] == text("nl", "cli.final_stages")
    for line, (name, stage) in zip(tail[1:], stages.items(), strict=True):
        value = f"{stage['value']:g}".replace(".", ",")  # Dutch: a decimal comma
        assert line == f"  {text('nl', f'stage.{name}')}: {value} (optimaal)"


def test_solve_report_writes_the_reports_inside_the_atomic_write(tmp_path):
    out = tmp_path / "out"
    result = run("solve", TOY, "--out", out, "--report", "--time-limit", 30)
    assert result.exit_code == 0, result.output
    assert (out / "report.xlsx").is_file() and (out / "report.html").is_file()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out"]
