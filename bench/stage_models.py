"""Write the models of the deal stages to MPS files, for study outside uitruil (other solvers,
other settings): prints where they went and what each is, asserts nothing.

Usage: python bench/stage_models.py [--time-limit S] [--out DIR] INSTANCE[@PROVINCE][:SCOPE]

INSTANCE[@PROVINCE][:SCOPE] as for bench/bench_solve.py (one province on its own, under another
exchange scope, or `halves`: split into a southern and a northern region). The instance is solved
as `uitruil solve` does (strong method, default budget 120 s); each time a deal stage (`deals`,
`distance`) of a group of municipalities reaches HiGHS, its model is written as HiGHS has it then:
every earlier optimum and bound of docs/model.md, "How it is solved", in its rows, and the stage
as the objective (`distance` followed by `transfers`: W * km + units, docs/model.md 7.5). Into
DIR (default bench-models/, which is created and never emptied):

- `<province>-<stage>-<n>.mps`: the model in whole units (n counts the models of that stage in
  the province: one per group solved apart, then the province);
- `<province>-<stage>-<n>-real.mps`: the same with the transfers q as real numbers, the
  relaxation that groups of 20 to 39 municipalities solve first (docs/model.md 7.6);
- `<province>-<stage>-<n>.mst`: the package the stage starts from, one `name value` line per
  nonzero column (the MIP start format of most solvers); absent when there is no start.

Columns carry the names of the Pyomo variables (`deal[GM0307,GM0340]`, `q[regular,GM0307,GM0340]`,
...), so a solution can be read back by name. The files describe the models of this version of
uitruil on this instance; they are illustrative wherever the instance is (nl-2024's sites are
generated).
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from bench_solve import HALVES, one_province, scope_scenario  # noqa: E402

from model.io.reading import read_instance  # noqa: E402
from model.optimise import solve as stages  # noqa: E402
from model.whatif.scenario import read_with_scenarios  # noqa: E402


def write_models(instance: str, scope: str, out: Path, limit: float) -> None:
    """Solve `instance` and write each deal-stage model on its way to HiGHS, with a line each."""
    counts: dict[tuple[str, str], int] = {}
    solve_stage = stages.ProvinceRun._solve

    def writing(run, model, goal, start, time_limit):
        if goal.name in stages.DEAL_STAGES:
            key = (model.d.province, goal.name)
            counts[key] = counts.get(key, 0) + 1
            stem = out / f"{model.d.province}-{goal.name}-{counts[key]}"
            files = dump(model, goal, start, stem)
            highs = model.hm.highs
            print(
                f"{stem}: {len(model.d.municipalities)} municipalities, {highs.getNumCol()} "
                f"columns, {highs.getNumRow()} rows; " + ", ".join(path.name for path in files),
                flush=True,
            )
        return solve_stage(run, model, goal, start, time_limit)

    stages.ProvinceRun._solve = writing
    try:
        if scope:
            with tempfile.TemporaryDirectory() as folder:
                scenario = scope_scenario(scope, Path(folder) / "scope.toml")
                inst, _ = read_with_scenarios(Path(instance), [scenario])
        else:
            inst = read_instance(Path(instance))
        stages.solve(inst, time_limit=limit, jobs=1)
    finally:
        stages.ProvinceRun._solve = solve_stage


def dump(model, goal, start: np.ndarray | None, stem: Path) -> list[Path]:
    """The model with the stage as objective, in whole and in real units, and its start."""
    hm = model.hm
    hm.set_objective(goal.expression(model.model))
    names = [variable.name for variable in hm.vars]
    for column, name in enumerate(names):
        hm.highs.passColName(column, name)
    files = [stem.with_suffix(".mps"), stem.with_name(stem.name + "-real.mps")]
    hm.highs.writeModel(str(files[0]))
    with hm.continuous(hm.columns("q")):
        hm.highs.writeModel(str(files[1]))
    if start is not None:
        lines = [f"{names[c]} {start[c]:.12g}" for c in np.flatnonzero(np.abs(start) > 1e-9)]
        files.append(stem.with_suffix(".mst"))
        files[-1].write_text("\n".join(lines) + "\n", encoding="utf-8")
    return files


def main(entry: str, out: Path, limit: float) -> None:
    instance, _, scope = entry.partition(":")
    instance, _, province = instance.partition("@")
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="uitruil-models-") as work:
        if province:
            instance = one_province(instance, province, Path(work), scope == HALVES)
        scope = "region" if scope == HALVES else scope
        write_models(str(ROOT / instance), scope, out, limit)


if __name__ == "__main__":
    arguments = sys.argv[1:]
    budget, folder = 120.0, Path("bench-models")
    while arguments[:1] in (["--time-limit"], ["--out"]):
        if arguments[0] == "--time-limit":
            budget = float(arguments[1])
        else:
            folder = Path(arguments[1])
        arguments = arguments[2:]
    if len(arguments) != 1:
        raise SystemExit(__doc__)
    main(arguments[0], folder, budget)
