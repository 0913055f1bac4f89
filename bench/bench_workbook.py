"""Benchmark of `uitruil validate` on a big workbook: prints seconds and peak memory, asserts nothing.

Usage: python bench/bench_workbook.py [--rows N] [--keep PATH]
(default: 100,000 site rows over 500 municipalities)

Builds the workbook once (with the same writer as `uitruil convert`), then runs
`uitruil validate` on it in a fresh process, so that the peak memory (max RSS) is the run's own.
"""

from __future__ import annotations

import argparse
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
KINDS = ("regular", "branch", "small", "amv", "municipal")
STATUSES = ("existing", "decided", "planned", "idea")


def build(path: Path, rows: int, municipalities: int = 500) -> None:
    """A valid instance with `rows` sites, written as a workbook."""
    sys.path.insert(0, str(ROOT))
    import pandas as pd

    from model.core.settings import Settings
    from model.io.schema import RawInstance
    from model.io.writing import write_instance

    codes = [f"GM{n:04d}" for n in range(1, municipalities + 1)]
    m = pd.DataFrame(
        {
            "code": codes,
            "name": [f"Gemeente {c}" for c in codes],
            "province": [f"P{n % 12}" for n in range(municipalities)],
            "population": [10_000 + 37 * n for n in range(municipalities)],
            "reception_task": [100 + n % 50 for n in range(municipalities)],
            "amv_task": [n % 10 for n in range(municipalities)],
        }
    )
    s = pd.DataFrame(
        {
            "id": [f"S{n}" for n in range(rows)],
            "municipality": [codes[n % municipalities] for n in range(rows)],
            "name": [f"Locatie {n}" for n in range(rows)],
            "kind": [KINDS[n % 5] for n in range(rows)],
            "status": [STATUSES[n % 4] for n in range(rows)],
            "min_places": [10 + n % 90 for n in range(rows)],
            "max_places": [200 + n % 500 for n in range(rows)],
        }
    )
    given = {"name": "bench", "reference_date": "2025-07-01"}
    settings = Settings.model_validate(given)
    write_instance(RawInstance(given, settings, m, s, path, {}, []), path)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--keep", type=Path, help="Write the workbook here (and reuse it).")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        path = args.keep or Path(folder) / "big.xlsx"
        if not path.exists():
            started = time.perf_counter()
            build(path, args.rows)
            print(
                f"built {path.name}: {args.rows:,} site rows in {time.perf_counter() - started:.1f} s"
            )
        started = time.perf_counter()
        done = subprocess.run(
            [sys.executable, "-c", "from solver_cli import main; main()", "validate", str(path)],
            cwd=ROOT,
            capture_output=True,
            text=True,
        )
        seconds = time.perf_counter() - started
        peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
        print(f"validate: exit {done.returncode}, {seconds:.1f} s, peak {peak:.0f} MB")
        if done.returncode:
            print(done.stderr[-2000:])


if __name__ == "__main__":
    main()
