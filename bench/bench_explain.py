"""Benchmark of `uitruil explain` against `uitruil solve`: prints the figures, asserts nothing.

Usage: python bench/bench_explain.py [--time-limit S] [INSTANCE ...]
(default: overijssel-2024 and overijssel-2024-plan, each with the CLI's default budget of 120 s
for the solve and as much again for the explanation)

Per instance, in one process: the solve's seconds, then the explanation's seconds in all and per
part (reasons, dependence, closing changes), the short municipalities, and whether every closing
option was proven the cheapest of its kind. Issue 12 asks that explaining costs at most one solve.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT = ["instances/overijssel-2024", "instances/overijssel-2024-plan"]


def bench(instance: str, time_limit: float) -> None:
    sys.path.insert(0, str(ROOT))
    from model.io.reading import read_instance
    from model.optimise.diagnosis import diagnose
    from model.optimise.solve import solve
    from model.results.result import build_result

    inst = read_instance(ROOT / instance)
    started = time.perf_counter()
    result = build_result(inst, solve(inst, time_limit=time_limit))
    solved = time.perf_counter() - started
    marks: list[tuple[str, float]] = []
    started = time.perf_counter()
    diagnosis = diagnose(
        inst,
        result,
        time_limit=time_limit,
        progress=lambda line: marks.append((line, time.perf_counter() - started)),
    )
    print(f"{instance}: solve {solved:.1f} s, explain {diagnosis.seconds:.1f} s", end="")
    print(f" ({diagnosis.seconds / solved:.0%} of the solve)")
    previous = 0.0
    for line, at in marks:
        print(f"  {at - previous:6.1f} s  {line}")
        previous = at
    proven = all(s.proven for s in diagnosis.short.values())
    unmet = sum(s.unmet for s in diagnosis.short.values())
    print(f"  short municipalities {len(diagnosis.short)} ({unmet:g} places), all proven {proven}")


def main(argv: list[str]) -> None:
    time_limit = 120.0
    if argv[:1] == ["--time-limit"]:
        time_limit, argv = float(argv[1]), argv[2:]
    for instance in argv or DEFAULT:
        bench(instance, time_limit)


if __name__ == "__main__":
    main(sys.argv[1:])
