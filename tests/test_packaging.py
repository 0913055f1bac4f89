"""The wheel holds every sub-package of model/ and its data, and the installed tool runs from it
alone: a wheel built from an explicit package list would silently leave sub-packages out.

The wheel is built by pip (as `pip install .` builds it) and installed into a fresh virtual
environment that borrows only the third-party libraries of the running one, so that neither the
checkout nor its editable install can stand in for a missing file."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import sysconfig
import venv
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
TOY = ROOT / "instances" / "toy"


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    # from a copy of what the wheel is built from: building writes build/ beside the sources
    source = tmp_path_factory.mktemp("source")
    for name in ("pyproject.toml", "README.md", "solver_cli.py"):
        shutil.copy2(ROOT / name, source / name)
    shutil.copytree(ROOT / "model", source / "model", ignore=shutil.ignore_patterns("__pycache__"))
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(out), str(source)],
        check=True,
        capture_output=True,
    )
    (built,) = out.glob("uitruil-*.whl")
    return built


def test_the_wheel_holds_every_module_and_the_data(wheel: Path):
    names = set(zipfile.ZipFile(wheel).namelist())
    wanted = {p.relative_to(ROOT).as_posix() for p in (ROOT / "model").rglob("*.py")}
    wanted |= {p.relative_to(ROOT).as_posix() for p in (ROOT / "model" / "data").iterdir()}
    wanted.add("solver_cli.py")
    assert sorted(wanted - names) == []
    assert not any(name.startswith(("tests/", "instances/", "bench/")) for name in names)


def test_the_installed_wheel_solves_outside_the_checkout(wheel: Path, tmp_path: Path):
    env = tmp_path / "venv"
    venv.EnvBuilder(with_pip=False).create(env)
    python = env / "bin" / "python"
    site = Path(
        subprocess.run(
            [str(python), "-c", "import sysconfig; print(sysconfig.get_path('purelib'))"],
            check=True,
            capture_output=True,
            text=True,
        ).stdout.strip()
    )
    # the libraries, not the checkout: a path entry's own .pth files (the editable install) are
    # not run, so `model` can only come from the wheel
    (site / "libraries.pth").write_text(sysconfig.get_path("purelib") + "\n")
    subprocess.run(
        [sys.executable, "-m", "pip", "install", "-q", "--no-deps", "--target", str(site), wheel],
        check=True,
        capture_output=True,
    )
    where = subprocess.run(
        [str(python), "-c", "import model, solver_cli; print(model.__file__)"],
        cwd=tmp_path,
        check=True,
        capture_output=True,
        text=True,
    ).stdout.strip()
    assert Path(where).is_relative_to(site)
    out = tmp_path / "result"
    solved = subprocess.run(
        [str(python), "-m", "solver_cli", "solve", str(TOY), "--out", str(out), "--report"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
    )
    assert solved.returncode == 0, solved.stderr
    assert json.loads((out / "summary.json").read_text(encoding="utf-8"))["status"] == "optimal"
    assert (out / "report.html").is_file() and (out / "report.xlsx").is_file()
