"""The layers of model/ (README, "Where things live") hold: each package imports only the packages
below it, only model/optimise imports pyomo or highspy, and reading, checking or reporting a result
never loads the solver."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
LAYERS = ("lang", "core", "io", "results", "optimise", "reports", "whatif")
"""Lowest first: a package may import itself and the packages before it, nothing after it."""
SOLVER_LIBRARIES = ("pyomo", "highspy")


def imports(path: Path) -> set[str]:
    """Every module `path` imports, at the top or inside a function."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            found.add(node.module)
            if node.module == "model":
                found |= {f"model.{alias.name}" for alias in node.names}
    return found


def package_of(module: str) -> str | None:
    parts = module.split(".")
    return parts[1] if parts[0] == "model" and len(parts) > 1 else None


def sources() -> list[Path]:
    return sorted((ROOT / "model").rglob("*.py"))


def test_every_module_is_in_a_layer():
    loose = [p.relative_to(ROOT).as_posix() for p in (ROOT / "model").glob("*.py")]
    assert loose == ["model/__init__.py"]
    packages = {p.parent.name for p in (ROOT / "model").glob("*/__init__.py")}
    assert packages == set(LAYERS)


@pytest.mark.parametrize("path", sources(), ids=lambda p: p.relative_to(ROOT).as_posix())
def test_nothing_imports_upward(path: Path):
    here = path.relative_to(ROOT / "model").parts
    if len(here) == 1:
        return
    level = LAYERS.index(here[0])
    upward = sorted(
        module
        for module in imports(path)
        if package_of(module) in LAYERS and LAYERS.index(package_of(module)) > level
    )
    assert upward == []


@pytest.mark.parametrize("path", sources(), ids=lambda p: p.relative_to(ROOT).as_posix())
def test_only_optimise_imports_the_solver(path: Path):
    if path.relative_to(ROOT / "model").parts[0] == "optimise":
        return
    solver = sorted(m for m in imports(path) if m.split(".")[0] in SOLVER_LIBRARIES)
    assert solver == []


def test_reports_and_results_never_import_optimise():
    for package in ("results", "reports"):
        for path in (ROOT / "model" / package).rglob("*.py"):
            assert [m for m in imports(path) if package_of(m) == "optimise"] == [], path


def loaded(*imports: str) -> set[str]:
    """The modules loaded in a fresh interpreter after `import` of each of `imports`."""
    code = f"import sys\nimport {', '.join(imports)}\nprint('\\n'.join(sys.modules))\n"
    run = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True
    )
    return set(run.stdout.split())


def test_reading_checking_and_reporting_do_not_load_the_solver():
    """Measured in a fresh interpreter: the modules `check`, `report` and `compare`'s page need
    load neither Pyomo nor HiGHS (about a second of start-up)."""
    modules = loaded(
        "model.io.reading",
        "model.results.check",
        "model.results.folder",
        "model.reports.html_report",
        "model.reports.workbook",
        "model.results.markdown",
    )
    assert sorted(m for m in modules if m.split(".")[0] in SOLVER_LIBRARIES) == []


def test_starting_the_command_line_loads_no_more_than_it_needs():
    """Measured in a fresh interpreter: loading the command line (as every `uitruil` run does)
    loads Pyomo's modelling core but not `pyomo.environ` with all its plugins, nor openpyxl, which
    only a workbook to read or write needs (together about 0.45 s of every run on 2 cores)."""
    modules = loaded("solver_cli")
    assert "pyomo.core" in modules
    assert sorted(m for m in modules if m == "pyomo.environ" or m.split(".")[0] == "openpyxl") == []
