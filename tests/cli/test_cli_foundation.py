"""The foundation commands through click's runner: validate, indicative, convert (cli.md)."""

from __future__ import annotations

import pytest

from builders import (
    MUNICIPALITIES,
    SETTINGS,
    SITES,
    english,  # noqa: F401 (autouse: the messages these tests read are English)
    run,
    write_folder,
)

FORECAST = SETTINGS + "[forecast]\nreception = 1000\namv = 80\n"


def assert_input_error(result) -> None:
    """Exit status 2, one `error:` line per problem, no traceback."""
    assert result.exit_code == 2, result.output
    assert "error:" in result.stderr
    assert "Traceback" not in result.output


def test_validate_prints_a_summary_per_province(tmp_path):
    sites = SITES.replace("2031-01-01", "2026-01-01")
    result = run("validate", write_folder(tmp_path / "i", sites=sites))
    assert result.exit_code == 0, result.output
    assert "P: municipalities 2, sites 2 (2 counted, 0 not counted)" in result.stdout
    assert "tasks: regular 64, amv 6, housing 5, ukraine 0 (reception 70)" in result.stdout
    assert (
        "counted places: firm 300, soft 120, with soft 420 (429 % and 600 % of reception 70)"
        in result.stdout
    )
    assert (
        "of which amv places: firm 0, soft 0, with soft 0 (0 % and 0 % of amv 6)" in result.stdout
    )
    assert "Q: municipalities 1, sites 1 (0 counted, 1 not counted)" in result.stdout
    assert "warning: sites.csv, row 4: site 'S3' does not count" in result.stdout


def test_validate_bad_instance_exits_2_with_every_problem(tmp_path):
    folder = write_folder(
        tmp_path / "i",
        sites=SITES.replace(",small,", ",hostel,"),
        municipalities=MUNICIPALITIES.replace("R1,10000", "R1,x"),
    )
    result = run("validate", folder)
    assert_input_error(result)
    assert "error: sites.csv, row 3, column 'kind': expected one of" in result.stderr
    assert "error: municipalities.csv, row 2, column 'population'" in result.stderr


def test_validate_missing_path_exits_2(tmp_path):
    assert_input_error(run("validate", tmp_path / "nowhere"))


def test_indicative_prints_csv(tmp_path):
    result = run("indicative", write_folder(tmp_path / "i", FORECAST))
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[0] == "code,name,province,population,ses_woa,reception_task,amv_task"
    assert sum(int(line.split(",")[5]) for line in lines[1:]) == 1000


def test_indicative_out_writes_the_file(tmp_path):
    out = tmp_path / "out" / "indicative.csv"
    result = run("indicative", write_folder(tmp_path / "i", FORECAST), "--out", out)
    assert result.exit_code == 0, result.output
    assert out.read_text(encoding="utf-8").startswith("code,name,province,")
    assert [p.name for p in out.parent.iterdir()] == ["indicative.csv"]


def test_indicative_without_forecast_exits_2_and_writes_nothing(tmp_path):
    out = tmp_path / "indicative.csv"
    result = run("indicative", write_folder(tmp_path / "i"), "--out", out)
    assert_input_error(result)
    assert "forecast.reception" in result.stderr
    assert not out.exists()


def test_convert_round_trip(tmp_path):
    folder = write_folder(tmp_path / "i", FORECAST)
    assert run("convert", folder, tmp_path / "i.xlsx").exit_code == 0
    result = run("convert", tmp_path / "i.xlsx", tmp_path / "back")
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in (tmp_path / "back").iterdir()) == [
        "instance.toml",
        "municipalities.csv",
        "sites.csv",
    ]
    assert run("validate", tmp_path / "back").stdout == run("validate", folder).stdout


def test_convert_never_overwrites_without_force(tmp_path):
    folder = write_folder(tmp_path / "i")
    dest = tmp_path / "i.xlsx"
    dest.write_bytes(b"precious")
    assert_input_error(run("convert", folder, dest))
    assert dest.read_bytes() == b"precious"
    assert run("convert", folder, dest, "--force").exit_code == 0
    assert dest.read_bytes() != b"precious"


@pytest.mark.parametrize("dest", ["i.xlsx", "folder"])
def test_convert_bad_source_exits_2_and_writes_nothing(tmp_path, dest):
    folder = write_folder(tmp_path / "i", sites=SITES.replace("S3,", "S1,"))
    result = run("convert", folder, tmp_path / dest)
    assert_input_error(result)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["i"]


def test_convert_force_does_not_replace_an_unrelated_folder(tmp_path):
    folder = write_folder(tmp_path / "i")
    other = tmp_path / "other"
    other.mkdir()
    (other / "keep.txt").write_text("mine")
    assert_input_error(run("convert", folder, other, "--force"))
    assert (other / "keep.txt").read_text() == "mine"


def test_convert_force_replaces_only_the_instance_files_of_an_instance_folder(tmp_path):
    """Its README and scenarios are the user's: never deleted."""
    folder = write_folder(tmp_path / "i", FORECAST)
    old = write_folder(tmp_path / "old")
    (old / "README.md").write_text("old")
    (old / "scenarios").mkdir()
    assert run("convert", folder, old, "--force").exit_code == 0
    assert (old / "README.md").read_text() == "old"
    assert (old / "scenarios").is_dir()
    assert "[forecast]" in (old / "instance.toml").read_text()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["i", "old"]


@pytest.mark.parametrize("name", ["i", "i.xlsx"])
def test_convert_never_replaces_its_own_source(tmp_path, name):
    folder = write_folder(tmp_path / "i")
    if name.endswith(".xlsx"):
        assert run("convert", folder, tmp_path / name).exit_code == 0
    before = sorted(p.name for p in tmp_path.rglob("*"))
    result = run("convert", tmp_path / name, tmp_path / name, "--force")
    assert_input_error(result)
    assert "is the instance being converted" in result.stderr
    assert sorted(p.name for p in tmp_path.rglob("*")) == before
