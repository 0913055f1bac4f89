"""Benchmark of the exact chances of `model/results/explanation.py` (how firm the package is): prints the
figures, asserts nothing.

Usage: python bench/bench_explanation.py INSTANCE [RESULT_DIR]
(default: nl-2024, solved for the first two stages only)

Times `realisation` (every province's test and every municipality's cover, exact) on the package
of RESULT_DIR, or on a package solved for the stages shortfall and unmet; then again with
fractional status weights (planned 0.7, idea 0.35: places counted in units of 1/20), which
multiplies the states of the dynamic programme. Prints the largest number of totals any
distribution held, so that the cap (explanation.MAX_STATES) can be judged.
"""

from __future__ import annotations

import sys
import time
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from model.io.reading import read_instance  # noqa: E402
from model.optimise.solve import solve  # noqa: E402
from model.results import explanation  # noqa: E402
from model.results.folder import read_result  # noqa: E402
from model.results.result import build_result  # noqa: E402

DEFAULT = "instances/nl-2024"
FRACTIONAL = {"planned": 0.7, "idea": 0.35}


def largest_distribution() -> tuple[list[int], object]:
    """Wrap explanation.distribution to record the size of every distribution it returns."""
    sizes: list[int] = []
    plain = explanation.distribution

    def counted(units, chances, cap):
        found = plain(units, chances, cap)
        sizes.append(0 if found is None else len(found))
        return found

    explanation.distribution = counted
    return sizes, plain


def timed(instance, result, label: str) -> None:
    sizes, plain = largest_distribution()
    started = time.perf_counter()
    odds = explanation.realisation(instance, result)
    seconds = time.perf_counter() - started
    explanation.distribution = plain
    provinces = odds["provinces"]
    passes = [p["pass"] for p in provinces.values()]
    print(
        f"  {label}: {seconds:.2f} s for {len(provinces)} provinces and "
        f"{len(odds['municipalities'])} municipalities; largest distribution {max(sizes):,} "
        f"totals; chance of passing per province from {min(passes):.3f} to {max(passes):.3f}"
    )


def main(folder: str, result_dir: str | None) -> None:
    instance = read_instance(ROOT / folder)
    if result_dir:
        result = read_result(Path(result_dir))
    else:
        solution = solve(instance, time_limit=60, order=("shortfall", "unmet"))
        result = build_result(instance, solution)
    opened = result.sites["open"].astype(str) == "True"
    print(f"{folder}: {int(opened.sum())} open sites")
    timed(instance, result, "status weights as given")
    weights = instance.sites["status"].map(FRACTIONAL).fillna(instance.sites["status_weight"])
    fractional = replace(instance, sites=instance.sites.assign(status_weight=weights))
    timed(fractional, result, f"status weights {FRACTIONAL}")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else DEFAULT, sys.argv[2] if len(sys.argv) > 2 else None)
