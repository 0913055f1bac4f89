"""Benchmark of the meeting reports on the shipped instances: prints the figures, asserts nothing.

Usage: python bench/bench_report.py [INSTANCE ...]
(default: overijssel-2024 and nl-2024)

Each instance is solved for the first two stages only (shortfall, unmet: seconds, and a package
with deals), then timed: the map alone (boundaries, borders, label placement), the whole
report.html, report.xlsx; with the size of the page and how many labels found no room.
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from model.io.reading import read_instance  # noqa: E402
from model.optimise.solve import solve  # noqa: E402
from model.reports.html_report import render  # noqa: E402
from model.reports.map_svg import map_svg  # noqa: E402
from model.reports.presentation import Package  # noqa: E402
from model.reports.workbook import write_workbook  # noqa: E402
from model.results.costs import with_site_details  # noqa: E402
from model.results.result import build_result  # noqa: E402

DEFAULT = ["instances/overijssel-2024", "instances/nl-2024"]


def timed(work):
    started = time.perf_counter()
    value = work()
    return value, time.perf_counter() - started


def bench(folder: str) -> None:
    instance = read_instance(ROOT / folder)
    solution = solve(instance, time_limit=30, order=("shortfall", "unmet"))
    result = with_site_details(build_result(instance, solution), instance)
    package = Package(result)
    figure, map_seconds = timed(lambda: map_svg(result, "nl"))
    page, page_seconds = timed(lambda: render(package, "nl"))
    with tempfile.TemporaryDirectory() as tmp:
        _, book_seconds = timed(lambda: write_workbook(package, Path(tmp) / "r.xlsx", "nl"))
    print(
        f"{folder}: {len(result.municipalities)} municipalities, {len(result.deals)} deals; "
        f"map {map_seconds:.2f} s ({len(figure.svg) / 1e3:.0f} kB, "
        f"{len(figure.unnamed)} labels without room), report.html {page_seconds:.2f} s "
        f"({len(page) / 1e3:.0f} kB), report.xlsx {book_seconds:.2f} s"
    )


if __name__ == "__main__":
    for name in sys.argv[1:] or DEFAULT:
        bench(name)
