"""Benchmark of `uitruil solve` on the shipped instances: prints the figures, asserts nothing.

Usage: python bench/bench_solve.py [--time-limit S] [INSTANCE ...]
(default: overijssel-2024, overijssel-2024-plan and nl-2024, each with the CLI's default budget
of 120 s)

Per instance, in a fresh process each (so that peak memory is the run's own): wall time of the
whole command, time building models and handing them to HiGHS against time inside HiGHS, each
stage's value, status and seconds, and peak memory (max RSS). For the Overijssel instances it also
prints the value of exchange: unmet places with the package against the same instance with
exchange_scope = "none".
"""

from __future__ import annotations

import json
import resource
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT = ["instances/overijssel-2024", "instances/overijssel-2024-plan", "instances/nl-2024"]


def child(instance: str, scope: str | None, time_limit: float) -> None:
    """Runs in the subprocess: solve and print one JSON line of figures."""
    sys.path.insert(0, str(ROOT))
    from model.reading import read_instance
    from model.solve import solve

    started = time.perf_counter()
    inst = read_instance(Path(instance))
    if scope:
        rules = inst.settings.rules.model_copy(update={"exchange_scope": scope})
        inst.settings = inst.settings.model_copy(update={"rules": rules})
    read_seconds = time.perf_counter() - started
    solution = solve(inst, time_limit=time_limit)
    stages = {}
    for name in solution.order:
        outcomes = [o for p in solution.provinces.values() for o in p.stages if o.name == name]
        stages[name] = {
            "value": round(sum(o.value for o in outcomes), 6),
            "seconds": round(sum(o.seconds for o in outcomes), 3),
            "status": sorted({o.status for o in outcomes}),
        }
    print(
        json.dumps(
            {
                "read_seconds": round(read_seconds, 3),
                "seconds": round(time.perf_counter() - started, 3),
                "build_seconds": round(solution.build_seconds, 3),
                "solver_seconds": round(solution.solver_seconds, 3),
                "status": solution.status,
                "gaps": {
                    name: [
                        o.gap
                        for p in solution.provinces.values()
                        for o in p.stages
                        if o.name == name
                    ]
                    for name in solution.order
                },
                "stages": stages,
                "peak_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
            }
        )
    )


def measure(instance: str, time_limit: float, scope: str | None = None) -> dict:
    out = subprocess.run(
        [sys.executable, __file__, "--child", instance, scope or "", str(time_limit)],
        capture_output=True,
        text=True,
        check=True,
        cwd=ROOT,
    )
    return json.loads(out.stdout.strip().splitlines()[-1])


def main(instances: list[str], time_limit: float) -> None:
    for instance in instances:
        wall = time.perf_counter()
        figures = measure(instance, time_limit)
        wall = time.perf_counter() - wall
        print(f"== {instance}")
        print(
            f"  whole run (fresh process, incl. imports): {wall:.1f} s; status {figures['status']}"
        )
        print(
            f"  reading {figures['read_seconds']} s, solve {figures['seconds'] - figures['read_seconds']:.2f} s"
        )
        share = figures["build_seconds"] / max(figures["solver_seconds"], 1e-9)
        print(
            f"  building and hand-off {figures['build_seconds']} s, inside HiGHS "
            f"{figures['solver_seconds']} s ({100 * share:.1f} % of solver time)"
        )
        for name, s in figures["stages"].items():
            gaps = [g for g in figures["gaps"][name] if g]
            worst = f"  largest gap {max(gaps):.1%}" if gaps else ""
            status = ",".join(s["status"])
            print(f"  stage {name:<11} {s['value']:>10g}  {s['seconds']:>8.2f} s  {status}{worst}")
        print(f"  peak memory {figures['peak_mb']} MB")
        if "overijssel" in instance:
            alone = measure(instance, time_limit, "none")
            print(
                f"  value of exchange: unmet {figures['stages']['unmet']['value']:g} with the package, "
                f'{alone["stages"]["unmet"]["value"]:g} with exchange_scope = "none"'
            )


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] == "--child":
        child(sys.argv[2], sys.argv[3] or None, float(sys.argv[4]))
    else:
        args = sys.argv[1:]
        limit = 120.0
        if args[:1] == ["--time-limit"]:
            limit, args = float(args[1]), args[2:]
        main(args or DEFAULT, limit)
