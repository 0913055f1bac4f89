"""`uitruil solve` and `uitruil check` end to end, through click's runner on real files."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pandas as pd

from builders import (
    RESULT_FILES,
    english,  # noqa: F401 (autouse: the messages these tests read are English)
    run,
    write_folder,
)

ROOT = Path(__file__).resolve().parents[2]
TOY = ROOT / "instances" / "toy"


def test_toy_solves_to_its_hand_derived_optimum(tmp_path):
    """instances/toy/README.md derives (0, 60, 0.375, 0, 0, 0, 3, 60, 230, 130) on paper, with
    Aadorp and Dijkhoven each 30 places short."""
    out = tmp_path / "toy"
    result = run("solve", TOY, "--out", out, "--lang", "nl")
    assert result.exit_code == 0, result.output
    assert RESULT_FILES <= {p.name for p in out.iterdir()}
    summary = json.loads((out / "summary.json").read_text())
    assert summary["status"] == "optimal"
    assert summary["objectives"] == {
        "shortfall": 0,
        "unmet": 60,
        "fairness": 0.375,
        "firm": 0,
        "preference": 0,
        "new_sites": 0,
        "deals": 3,
        "distance": 60,
        "transfers": 230,
        "new_places": 130,
    }
    assert summary["provinces"]["Voorbeeldland"]["short_rec"] == 0
    municipalities = pd.read_csv(out / "municipalities.csv").set_index("name")
    unmet = municipalities["unmet_rec"] + municipalities["unmet_amv"]
    assert unmet[unmet > 0].to_dict() == {"Aadorp": 30, "Dijkhoven": 30}
    deals = pd.read_csv(out / "deals.csv")["description"].tolist()
    assert deals == [
        "Beekstad neemt 60 reguliere opvangplekken over van Aadorp; "
        "Aadorp huisvest 60 statushouders voor Beekstad",
        "Cedam neemt 30 reguliere opvangplekken over van Aadorp; "
        "Aadorp huisvest 30 statushouders voor Cedam",
        "Cedam neemt 50 plekken op vrijwillige basis over van Dijkhoven; "
        "Dijkhoven doet in deze afspraak niets terug",
    ]
    assert "Voorbeeldland" in result.output  # the provincial test is printed
    sites = pd.read_csv(out / "sites.csv")
    a2 = sites[sites["id"] == "A2"].iloc[0]
    assert not a2["counted"] and a2["reason"] == "ends_too_soon"
    assert a2["available_until"] == "2026-12-31"
    assert run("check", TOY, out).exit_code == 0


def test_solve_says_where_its_time_went(tmp_path):
    """The closing time line splits the solving time into HiGHS and Pyomo (bench/bench_solve.py
    reads it); neither part exceeds the whole."""
    result = run("solve", TOY, "--out", tmp_path / "toy", "--lang", "en")
    assert result.exit_code == 0, result.output
    line = next(x for x in result.output.splitlines() if x.startswith("Solve time"))
    found = re.match(
        r"Solve time ([\d.]+) s, of which HiGHS ([\d.]+) s and Pyomo models ([\d.]+) s", line
    )
    assert found, line
    whole, highs, models = (float(x) for x in found.groups())
    assert highs + models <= whole + 0.1  # each rounded to 0.1 s


def test_provinces_side_by_side_write_the_same_files(tmp_path):
    """`--jobs 2` solves the two provinces of an instance in two processes: the same result
    files, byte for byte, as one process (each province's run does not depend on where it runs),
    and the time line says how many processes the seconds are summed over."""
    instance = write_folder(tmp_path / "two")
    folders = {jobs: tmp_path / f"jobs{jobs}" for jobs in (1, 2)}
    outputs = {}
    for jobs, folder in folders.items():
        result = run("solve", instance, "--out", folder, "--jobs", jobs, "--lang", "en")
        assert result.exit_code == 0, result.output
        outputs[jobs] = result.output
    assert json.loads((folders[2] / "summary.json").read_text())["status"] == "optimal"
    files = sorted(p.name for p in folders[1].iterdir())
    assert sorted(p.name for p in folders[2].iterdir()) == files
    for name in files:
        assert (folders[1] / name).read_bytes() == (folders[2] / name).read_bytes(), name
    assert "of which HiGHS" in outputs[1]
    assert "with 2 processes side by side" in outputs[2]


def test_same_input_same_files(tmp_path):
    """Two proven runs of one instance give byte-identical result folders, reports included (no
    times or dates in them). With the rows of the instance's files in another order the package
    is the same (the tables follow the instance's row order)."""
    shuffled = tmp_path / "toy"
    shutil.copytree(TOY, shuffled)
    for name in ("municipalities.csv", "sites.csv"):
        header, *rows = (shuffled / name).read_text().splitlines()
        (shuffled / name).write_text("\n".join([header, *reversed(rows)]) + "\n")
    folders = [tmp_path / "a", tmp_path / "b", tmp_path / "c"]
    for instance, folder in zip((TOY, TOY, shuffled), folders, strict=True):
        assert run("solve", instance, "--out", folder, "--report").exit_code == 0
    first, second, other = folders
    files = sorted(p.name for p in first.iterdir())
    assert {"report.xlsx", "report.html"} <= set(files)
    assert json.loads((first / "summary.json").read_text())["status"] == "optimal"
    assert sorted(p.name for p in second.iterdir()) == files
    for name in files:
        assert (first / name).read_bytes() == (second / name).read_bytes(), name
    assert (first / "summary.json").read_bytes() == (other / "summary.json").read_bytes()
    for name in ("municipalities.csv", "sites.csv", "transfers.csv", "deals.csv"):
        lines = [sorted((folder / name).read_text().splitlines()) for folder in (first, other)]
        assert lines[0] == lines[1], name


def tamper(folder: Path, file: str, row: int, column: str, value) -> None:
    frame = pd.read_csv(folder / file, dtype=str, keep_default_na=False)
    frame.loc[row, column] = value
    frame.to_csv(folder / file, index=False)


def test_check_rejects_tampered_results(tmp_path):
    out = tmp_path / "toy"
    assert run("solve", TOY, "--out", out).exit_code == 0
    cases = [
        ("sites.csv", 2, "places", "500"),  # B1 above its maximum of 400
        ("transfers.csv", 0, "amount", "1000"),  # more than the giver's task
        ("municipalities.csv", 0, "unmet_rec", "999"),  # a figure that does not add up
    ]
    for file, row, column, value in cases:
        broken = tmp_path / f"broken-{file}"
        shutil.copytree(out, broken)
        tamper(broken, file, row, column, value)
        result = run("check", TOY, broken)
        assert result.exit_code == 1, (file, result.output)
        assert "violation" in result.output


def test_check_rejects_a_stage_value_that_the_files_do_not_have(tmp_path):
    out = tmp_path / "toy"
    assert run("solve", TOY, "--out", out).exit_code == 0
    summary = json.loads((out / "summary.json").read_text())
    summary["objectives"]["deals"] = 2
    (out / "summary.json").write_text(json.dumps(summary))
    result = run("check", TOY, out)
    assert result.exit_code == 1 and "deals" in result.output


def test_solve_never_replaces_a_folder_that_is_not_a_result(tmp_path):
    keep = tmp_path / "mine"
    keep.mkdir()
    (keep / "notes.txt").write_text("do not lose me")
    result = run("solve", TOY, "--out", keep)
    assert result.exit_code == 2
    assert "Traceback" not in result.output
    assert (keep / "notes.txt").read_text() == "do not lose me"


def test_solve_replaces_only_the_files_it_writes(tmp_path):
    """The user's notes stay; uitruil's own files of the earlier run (a report) go."""
    out = tmp_path / "toy"
    assert run("solve", TOY, "--out", out, "--report").exit_code == 0
    (out / "notes.txt").write_text("from before")
    assert run("solve", TOY, "--out", out).exit_code == 0
    assert (out / "notes.txt").read_text() == "from before"
    assert not (out / "report.xlsx").exists()
    assert {p.name for p in out.iterdir()} == RESULT_FILES | {"notes.txt"}
    assert sorted(p.name for p in tmp_path.iterdir()) == ["toy"]  # no lock, no leftovers


def test_bad_arguments_exit_2(tmp_path):
    assert run("solve", TOY, "--objective", "shortfall,nonsense").exit_code == 2
    assert run("solve", TOY, "--time-limit", "-1").exit_code == 2
    assert run("solve", tmp_path / "missing").exit_code == 2
    assert run("check", TOY, tmp_path).exit_code == 2  # not a result folder


def test_custom_stage_order(tmp_path):
    out = tmp_path / "toy"
    assert run("solve", TOY, "--out", out, "--objective", "shortfall,unmet,deals").exit_code == 0
    summary = json.loads((out / "summary.json").read_text())
    assert summary["objective_order"] == ["shortfall", "unmet", "deals"]
    assert summary["objectives"] == {"shortfall": 0, "unmet": 60, "deals": 3}
    assert run("check", TOY, out).exit_code == 0


def test_time_limit_keeps_the_best_solution_and_says_so(tmp_path):
    """A budget far too small for Overijssel still writes a checked result, marked time_limit."""
    instance = ROOT / "instances" / "overijssel-2024"
    out = tmp_path / "ov"
    result = run("solve", instance, "--out", out, "--time-limit", "3")
    assert result.exit_code == 0, result.output
    summary = json.loads((out / "summary.json").read_text())
    assert summary["status"] == "time_limit"
    assert any(stage["status"] != "optimal" for stage in summary["stages"].values())
    assert run("check", instance, out).exit_code == 0


def test_check_re_verifies_a_scenario_run(tmp_path):
    """Cedam volunteers nothing in the scenario: the result checks only with the same scenario."""
    scenario = tmp_path / "no-relief.toml"
    scenario.write_text(
        'name = "Cedam volunteers nothing"\n[[municipality]]\ncode = "GM9003"\nwilling_extra = 0\n'
    )
    out = tmp_path / "toy-scenario"
    assert run("solve", TOY, "--out", out, "--scenario", scenario).exit_code == 0
    summary = json.loads((out / "summary.json").read_text())
    assert summary["scenarios"] == ["Cedam volunteers nothing"]
    assert summary["objectives"]["unmet"] > 60  # the relief of 50 places is gone
    assert run("check", TOY, out, "--scenario", scenario).exit_code == 0
    without = run("check", TOY, out)
    assert without.exit_code == 2 and "--scenario" in without.output


def test_sweep_runs_are_re_checked_with_their_scenario_file(tmp_path):
    out = tmp_path / "sweep"
    result = run("sweep", TOY, "--set", "weights.housing=0.5,2", "--out", out, "--time-limit", "30")
    assert result.exit_code == 0, result.output
    folders = [p for p in out.iterdir() if (p / "scenario.toml").is_file()]
    assert len(folders) == 2
    for folder in folders:
        checked = run("check", TOY, folder, "--scenario", folder / "scenario.toml")
        assert checked.exit_code == 0, checked.output
