"""bench/stage_models.py writes the deal stages' models as HiGHS receives them: read back by HiGHS,
they have the stages' optima of the toy (derived by hand in instances/toy/README.md)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import highspy

from model.optimise.highs import THREADS, use_threads

ROOT = Path(__file__).resolve().parents[2]
DEALS, KM, UNITS = 3, 60, 230
"""The toy's optima of `deals`, `distance` and `transfers` (tests/cli/test_cli_solve.py)."""


def read(path: Path) -> highspy.Highs:
    """The model in `path`, in HiGHS on uitruil's threads (HiGHS keeps one task scheduler per
    process: model/optimise/highs.py, use_threads)."""
    highs = highspy.Highs()
    highs.setOptionValue("output_flag", False)
    highs.setOptionValue("threads", THREADS)
    use_threads(THREADS)
    assert highs.readModel(str(path)) == highspy.HighsStatus.kOk
    return highs


def optimum(path: Path) -> float:
    highs = read(path)
    highs.setOptionValue("mip_rel_gap", 0.0)
    highs.run()
    assert highs.getModelStatus() == highspy.HighsModelStatus.kOptimal
    return highs.getInfo().objective_function_value


def columns(path: Path) -> set[str]:
    highs = read(path)
    return {highs.getColName(c)[1] for c in range(highs.getNumCol())}


def test_the_toy_deal_stage_models_have_the_toy_optima(tmp_path):
    out = tmp_path / "models"
    script = ROOT / "bench" / "stage_models.py"
    command = [sys.executable, str(script), "--out", str(out), "instances/toy"]
    subprocess.run(command, cwd=ROOT, check=True, capture_output=True)
    deals, distance = out / "Voorbeeldland-deals-1.mps", out / "Voorbeeldland-distance-1.mps"
    assert round(optimum(deals)) == DEALS
    # distance followed by transfers: one objective W * km + units, W above any number of units
    weighted = round(optimum(distance))
    assert (weighted - UNITS) % KM == 0 and (weighted - UNITS) // KM > UNITS
    for stage in (deals, distance):
        real = stage.with_name(stage.stem + "-real.mps")
        assert optimum(real) <= optimum(stage) + 1e-6  # transfers as real numbers: a relaxation
        start = stage.with_suffix(".mst").read_text(encoding="utf-8").split("\n")
        named = {line.split()[0] for line in start if line}
        assert named and named <= columns(stage)
        assert any(name.startswith("deal[") for name in named)
