"""Family 6 of issue 10: arguments. A time limit is a finite number of seconds; --threads and
--jobs beyond the cores of the machine are capped, with a message."""

from __future__ import annotations

import json

import pytest

from builders import (
    TOY,
    english,  # noqa: F401 (autouse: the messages these tests read are English)
    run,
    write,
)
from solver_cli import cores


@pytest.mark.parametrize("command", ["solve", "compare", "sweep"])
@pytest.mark.parametrize("seconds", ["nan", "inf", "-inf", "0", "-1", "1e9", "veel"])
def test_a_time_limit_that_is_no_budget_is_refused(tmp_path, command, seconds):
    extra = {
        "solve": [],
        "compare": ["--scenario", write(tmp_path, "s.toml", 'name = "s"\n')],
        "sweep": ["--set", "weights.housing=1,2"],
    }[command]
    result = run(command, TOY, *extra, "--time-limit", seconds, "--out", tmp_path / "out")
    assert result.exit_code == 2, result.output
    assert "Invalid value for '--time-limit'" in result.stderr
    assert "Traceback" not in result.output
    assert not (tmp_path / "out").exists()


def test_threads_beyond_the_cores_are_capped_with_a_message(tmp_path):
    out = tmp_path / "out"
    result = run("solve", TOY, "--threads", 100_000, "--out", out, "--time-limit", 30)
    assert result.exit_code == 0, result.output
    assert f"--threads 100000 is more than the {cores()} cores of this machine" in result.stderr
    assert json.loads((out / "summary.json").read_text())["status"] == "optimal"


def test_jobs_beyond_the_cores_are_capped_with_a_message(tmp_path):
    jobs = cores() + 1
    result = run(
        "sweep", TOY, "--set", "weights.housing=1,2", "--jobs", jobs, "--threads", 1,
        "--out", tmp_path / "out", "--time-limit", 30,
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    assert f"--jobs {jobs} is more than the {cores()} cores" in result.stderr
