"""Family 4 of issue 10: where results go. A target is checked before solving, only the files
uitruil writes are ever replaced, a swap cut short is undone, two runs never write one folder at
once, and folders get the user's umask."""

from __future__ import annotations

import fcntl
import json
import os
import shutil
import tempfile
from pathlib import Path

import pytest

from builders import (
    RESULT_FILES,
    TOY,
    english,  # noqa: F401 (autouse: the messages these tests read are English)
    run,
    unprivileged,
    write,
)
from model.core.errors import InputError
from model.io.atomic import check_target, claimed, replace_folder


def only_error(result) -> str:
    """The one error line of a refused command: exit 2, no traceback, no solver output."""
    assert result.exit_code == 2, result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)
    [line] = result.stderr.splitlines()
    return line


def files(folder: Path) -> dict[str, bytes]:
    """Every file below `folder` (relative path -> bytes)."""
    return {
        str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()
    }


@pytest.mark.parametrize(
    ("out", "message"),
    [
        ("file/out", "is a file, not a folder"),
        ("link", "is a symbolic link to nothing"),
        ("file", "exists and is not a folder"),
        ("/proc/uitruil-out", "cannot be written (/proc"),
    ],
)
def test_an_unwritable_out_is_refused_before_solving(tmp_path, out, message):
    (tmp_path / "file").write_text("mine")
    (tmp_path / "link").symlink_to(tmp_path / "nowhere")
    line = only_error(run("solve", TOY, "--out", tmp_path / out))
    assert message in line
    assert sorted(p.name for p in tmp_path.iterdir()) == ["file", "link"]


def test_a_read_only_folder_is_refused_before_solving():
    with tempfile.TemporaryDirectory() as folder:
        results = Path(folder) / "results"
        results.mkdir(mode=0o555)
        Path(folder).chmod(0o755)
        with unprivileged():
            line = only_error(run("solve", TOY, "--out", results / "toy"))
        assert "cannot be written" in line and "Permission denied" in line
        assert not any(results.iterdir())


def test_solve_dot_inside_the_instance_writes_beside_it(tmp_path, monkeypatch):
    """`cd instance && uitruil solve .` used to write into results/ itself, and the next run
    deleted every other result in it."""
    instance = tmp_path / "toy"
    shutil.copytree(TOY, instance)
    other = write(tmp_path / "results" / "other", "summary.json", "{}")
    before = files(instance)
    monkeypatch.chdir(instance)
    for _ in range(2):
        result = run("solve", ".", "--time-limit", "30")
        assert result.exit_code == 0, result.output
    assert files(instance) == before
    assert RESULT_FILES <= {p.name for p in (tmp_path / "results" / "toy").iterdir()}
    assert other.read_text() == "{}"
    assert sorted(p.name for p in (tmp_path / "results").iterdir()) == ["other", "toy"]


def test_resolving_into_an_earlier_result_keeps_what_the_user_put_there(tmp_path):
    """Even the instance that was just solved, kept inside the result folder."""
    out = tmp_path / "out"
    assert run("solve", TOY, "--out", out).exit_code == 0
    shutil.copytree(TOY, out / "toy")
    (out / "notities.txt").write_text("bespreken op 12 mei")
    result = run("solve", out / "toy", "--out", out, "--time-limit", "30")
    assert result.exit_code == 0, result.output
    assert files(out / "toy") == files(TOY)
    assert (out / "notities.txt").read_text() == "bespreken op 12 mei"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out"]


def test_a_compare_keeps_the_users_files_in_its_run_folders(tmp_path):
    scenario = write(
        tmp_path, "cedam.toml", '[[municipality]]\ncode = "GM9003"\nwilling_extra = 0\n'
    )
    other = write(tmp_path, "other.toml", "[settings]\nweights = { housing = 2 }\n")
    out = tmp_path / "cmp"
    args = ["compare", TOY, "--time-limit", "30", "--out", out]
    assert run(*args, "--scenario", scenario, "--scenario", other).exit_code == 0
    (out / "cedam" / "notes.txt").write_text("mine")
    (out / "other" / "notes.txt").write_text("mine too")
    assert run(*args, "--scenario", scenario).exit_code == 0
    assert (out / "cedam" / "notes.txt").read_text() == "mine"
    assert sorted(p.name for p in (out / "other").iterdir()) == ["notes.txt"]  # its run is gone
    assert "compare.csv" in {p.name for p in out.iterdir()}


def test_a_users_folder_where_the_new_result_needs_one_is_not_replaced(tmp_path):
    scenario = write(
        tmp_path, "cedam.toml", '[[municipality]]\ncode = "GM9003"\nwilling_extra = 0\n'
    )
    out = tmp_path / "cmp"
    args = ["compare", TOY, "--time-limit", "30", "--out", out, "--scenario", scenario]
    assert run(*args).exit_code == 0
    shutil.rmtree(out / "cedam")
    (out / "cedam").mkdir()
    (out / "cedam" / "mine.txt").write_text("mine")
    before = files(out)
    result = run(*args)
    assert result.exit_code == 2 and "Traceback" not in result.output
    assert "cmp: holds cedam, which uitruil did not write" in result.stderr
    assert files(out) == before


def test_a_scenario_named_dot_dot_toml_stays_inside_the_compare_folder(tmp_path):
    scenario = write(tmp_path, "...toml", '[[municipality]]\ncode = "GM9003"\nwilling_extra = 0\n')
    out = tmp_path / "cmp"
    result = run("compare", TOY, "--scenario", scenario, "--out", out, "--time-limit", "30")
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in tmp_path.iterdir()) == ["...toml", "cmp"]
    assert {p.name for p in out.iterdir() if p.is_dir()} == {"baseline", "scenario"}


def earlier_result(folder: Path) -> dict[str, bytes]:
    folder.mkdir()
    (folder / "summary.json").write_text(json.dumps({"run": "earlier"}))
    (folder / "sites.csv").write_text("earlier\n")
    (folder / "notes.txt").write_text("mine")
    return files(folder)


def new_result(folder: Path) -> None:
    (folder / "summary.json").write_text(json.dumps({"run": "new"}))
    (folder / "sites.csv").write_text("new\n")


def test_ctrl_c_during_the_swap_leaves_the_earlier_result(tmp_path, monkeypatch):
    """Ctrl-C between two renames used to leave no result folder (only a hidden .old one)."""
    target = tmp_path / "out"
    before = earlier_result(target)
    renames = []
    real = Path.rename

    def interrupted(self, destination):
        renames.append(destination)
        if len(renames) == 3:  # the first new file is being moved in
            raise KeyboardInterrupt
        return real(self, destination)

    monkeypatch.setattr(Path, "rename", interrupted)
    with pytest.raises(KeyboardInterrupt):
        replace_folder(target, new_result)
    monkeypatch.undo()
    assert files(target) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out"]


def test_a_swap_cut_short_by_a_crash_is_put_back_by_the_next_run(tmp_path):
    target = tmp_path / "out"
    before = earlier_result(target)
    aside = tmp_path / ".out.old"  # as a killed run leaves it: its files half swapped
    aside.mkdir()
    (target / "summary.json").rename(aside / "summary.json")
    (target / "summary.json").write_text("half-written new")

    def fails(folder: Path) -> None:
        raise InputError("no result this time")

    with pytest.raises(InputError):
        replace_folder(target, fails)
    assert files(target) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out"]


def test_a_target_locked_by_another_run_is_refused(tmp_path):
    out = tmp_path / "out"
    with open(tmp_path / ".out.lock", "a") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
        line = only_error(run("solve", TOY, "--out", out))
    assert "another uitruil run is writing it" in line
    assert not out.exists()
    assert run("solve", TOY, "--out", out, "--time-limit", "30").exit_code == 0
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out"]


def test_folders_get_the_users_umask(tmp_path):
    mask = os.umask(0o002)
    try:
        replace_folder(tmp_path / "out", new_result)
    finally:
        os.umask(mask)
    assert (tmp_path / "out").stat().st_mode & 0o777 == 0o775
    assert (tmp_path / "out" / "sites.csv").stat().st_mode & 0o777 == 0o664


def test_claimed_targets_nest_and_check_first(tmp_path):
    (tmp_path / "mine").mkdir()
    (tmp_path / "mine" / "plan.docx").write_text("mine")
    with pytest.raises(InputError, match="holds no earlier result"):
        check_target(tmp_path / "mine")
    with claimed(tmp_path / "out"):
        replace_folder(tmp_path / "out", new_result)  # the same run: no second lock
        assert (tmp_path / ".out.lock").exists()
    assert not (tmp_path / ".out.lock").exists()


@pytest.mark.parametrize("name", ["municipalities.csv", "instance.toml"])
def test_an_output_file_is_never_an_input_file(tmp_path, name):
    """`indicative --out instance/municipalities.csv` would replace the tasks by the forecast's."""
    instance = Path(shutil.copytree(TOY, tmp_path / "toy"))
    with (instance / "instance.toml").open("a") as settings:
        settings.write("\n[forecast]\nreception = 500\namv = 20\n")
    before = files(instance)
    assert "is a file this command reads" in only_error(
        run("indicative", instance, "--out", instance / name)
    )
    assert run("solve", instance, "--out", tmp_path / "out").exit_code == 0
    result_before = files(tmp_path / "out")
    fallback = run("fallback", instance, tmp_path / "out", "--out", tmp_path / "out" / "sites.csv")
    assert "is a file this command reads" in only_error(fallback)
    assert files(instance) == before and files(tmp_path / "out") == result_before
