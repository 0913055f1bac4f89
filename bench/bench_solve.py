"""Benchmark of `uitruil solve` on the shipped instances: prints figures, asserts nothing.

Usage: python bench/bench_solve.py [--time-limit S] [--quick] [--like-held-out]
                                   [INSTANCE[@PROVINCE][:SCOPE] ...]

Default: overijssel-2024, overijssel-2024 under province scope (a 25-municipality province solved
as one, like the held-out provinces of the performance issue), overijssel-2024-plan and nl-2024,
each with the CLI's default budget (120 s).

Every run is the whole command `uitruil solve` in a fresh process on this machine (2 cores), so
the time includes starting Python, reading and writing. Per instance it prints, side by side:

- each stage's value, status and seconds for the project's method ("strong": pool relaxation
  first, deals matched to it, net-change bounds before the deal stages; docs/model.md, "How it
  is solved") and for the plain baseline ("plain": the pair model of docs/model.md, the same
  stages, warm-started HiGHS, no reformulation), and the ratio of their times;
- where the project's solving time went: HiGHS, and Pyomo models (building them, reading them
  into HiGHS, evaluating packages), with Pyomo's share of the whole run;
- the whole run and the peak memory of each (the largest resident memory of the process and its
  worker processes together);
- whether a second run of the strong method wrote byte-identical result files;
- whether both methods agree on every stage proven optimal by both.

INSTANCE@PROVINCE solves one province of INSTANCE on its own (a copy with only that province's
municipalities, sites and deals, written to a temporary folder). --like-held-out runs the
provinces of nl-2024 of 18 to 31 municipalities that way under province scope (Utrecht 26,
Limburg 31, Overijssel 25, Fryslân 18): provinces of the size of the held-out ones of the
performance issue, with the generated sites of nl-2024, so that the figures do not rest on
overijssel-2024 alone; and the same four split into two regions (INSTANCE@PROVINCE:halves: the
southern half of the municipalities by latitude, rounded up, and the rest) under region scope.

--quick skips the baseline (it is the slow half) and the second run.
"""

from __future__ import annotations

import csv
import filecmp
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from contextlib import suppress
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from model.core.settings import STAGES  # noqa: E402
from model.lang import text  # noqa: E402

DEFAULT = [
    "instances/overijssel-2024",
    "instances/overijssel-2024:province",
    "instances/overijssel-2024-plan",
    "instances/nl-2024",
]
LIKE_HELD_OUT = [
    "instances/nl-2024@Utrecht:province",
    "instances/nl-2024@Limburg:province",
    "instances/nl-2024@Overijssel:province",
    "instances/nl-2024@Fryslân:province",
    "instances/nl-2024@Utrecht:halves",
    "instances/nl-2024@Limburg:halves",
    "instances/nl-2024@Overijssel:halves",
    "instances/nl-2024@Fryslân:halves",
]
HALVES = "halves"
"""Scope of a one-province copy split into two regions by latitude (the southern half of its
municipalities, rounded up, and the rest) under region scope: like a held-out province with two
regional tables."""
STAGE_LINE = re.compile(r"^stage (.+): (\S+) \((.+), ([\d.]+) s; ")
"""A progress line of `solve --lang en`: stage label, value, status label, seconds."""
STAGE_NAMES = {text("en", f"stage.{name}"): name for name in STAGES}
STATUS_NAMES = {text("en", f"status.{s}"): s for s in ("optimal", "time_limit", "not_solved")}
TIME_LINE = re.compile(
    r"^Solve time ([\d.]+) s(?:, of which| with (\d+) processes side by side,) HiGHS ([\d.]+) s "
    r"and Pyomo models ([\d.]+) s"
)
"""The closing time line of `solve --lang en`: solving in all, the processes (when more than
one), HiGHS and Pyomo models (summed over the processes)."""


@dataclass
class Run:
    """One `uitruil solve` process: its stage lines, wall time, peak memory and result folder."""

    seconds: float
    peak_mb: float
    folder: Path
    stages: dict[str, tuple[str, str, float]] = field(default_factory=dict)
    exit_code: int = 0
    times: tuple[float, int, float, float] | None = None
    """Solving in all, processes, HiGHS, Pyomo models (seconds; the CLI's closing time line)."""


def solve(instance: str, scope: str | None, method: str, limit: float, folder: Path) -> Run:
    """Run the CLI in a fresh process and read what it printed."""
    args = [sys.executable, "-m", "solver_cli", "solve", instance, "--out", str(folder)]
    args += ["--time-limit", str(limit), "--method", method, "--lang", "en"]
    if scope:
        args += [
            "--scenario",
            str(scope_scenario(scope, folder.parent / f"{folder.name}-scope.toml")),
        ]
    started = time.perf_counter()
    # stderr into a file, stdout nowhere: a pipe left unread while waiting would fill up (the
    # package of nl-2024 is more than a pipe holds) and stop the child
    log = folder.parent / f"{folder.name}-stderr.txt"
    with open(log, "w", encoding="utf-8") as err:
        process = subprocess.Popen(args, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=err)
        watch = TreeMemory(process.pid)
        watch.start()
        _, status, usage = os.wait4(process.pid, 0)
        watch.done.set()
        watch.join()
    seconds = time.perf_counter() - started
    stderr = log.read_text(encoding="utf-8")
    peak = max(usage.ru_maxrss * 1024, watch.peak) / 2**20
    run = Run(seconds, peak, folder, exit_code=os.waitstatus_to_exitcode(status))
    for line in stderr.splitlines():
        match = STAGE_LINE.match(line)
        if match:
            label, value, state, took = match.groups()
            name = STAGE_NAMES.get(label, label)
            run.stages[name] = (value, STATUS_NAMES.get(state, state), float(took))
        timing = TIME_LINE.match(line)
        if timing:
            solving, processes, highs, models = timing.groups()
            run.times = (float(solving), int(processes or 1), float(highs), float(models))
    if run.exit_code != 0:
        print(stderr, file=sys.stderr)
    return run


def scope_scenario(scope: str, path: Path) -> Path:
    """A scenario file at `path` that sets rules.exchange_scope to `scope`."""
    path.write_text(f'name = "scope {scope}"\n[settings.rules]\nexchange_scope = "{scope}"\n')
    return path


class TreeMemory(threading.Thread):
    """The largest sum of resident memory of a process and all its descendants (the worker
    processes of `solve --jobs`), sampled every 50 ms from /proc (0 where there is none)."""

    def __init__(self, pid: int):
        super().__init__(daemon=True)
        self.pid, self.peak, self.done = pid, 0, threading.Event()

    def run(self) -> None:
        while not self.done.wait(0.05):
            self.peak = max(self.peak, self.resident())

    def resident(self) -> int:
        parents: dict[int, int] = {}
        for entry in Path("/proc").glob("[0-9]*"):
            with suppress(OSError, ValueError, IndexError):
                parents[int(entry.name)] = int(
                    (entry / "stat").read_text().rsplit(")", 1)[1].split()[1]
                )
        tree, grown = {self.pid}, True
        while grown:
            more = {pid for pid, parent in parents.items() if parent in tree} - tree
            tree |= more
            grown = bool(more)
        total = 0
        for pid in tree:
            with suppress(OSError, ValueError, AttributeError):  # gone, or a zombie
                status = Path(f"/proc/{pid}/status").read_text()
                total += int(re.search(r"^VmRSS:\s+(\d+) kB", status, re.M).group(1)) * 1024
        return total


def one_province(instance: str, province: str, folder: Path, halves: bool = False) -> str:
    """A copy of `instance` with only the rows of `province` (municipalities, their sites and
    deals); returns its path. `halves`: its municipalities split into two regions by latitude
    (the shipped centroids), "zuid" the southern half rounded up, "noord" the rest."""
    name = f"{Path(instance).name}-{province}" + ("-halves" if halves else "")
    source, target = ROOT / instance, folder / name
    target.mkdir(parents=True)
    shutil.copy(source / "instance.toml", target / "instance.toml")
    header, rows = read_rows(source / "municipalities.csv")
    rows = [row for row in rows if row["province"] == province]
    if not rows:
        raise SystemExit(f"{instance}: no municipality in province {province}")
    if halves:
        latitude = {
            row["code"]: float(row["lat"])
            for row in read_rows(ROOT / "model/data/municipality_centroids.csv")[1]
        }
        south = sorted(rows, key=lambda row: (latitude[row["code"]], row["code"]))
        south = {row["code"] for row in south[: (len(rows) + 1) // 2]}
        for row in rows:
            row["region"] = "zuid" if row["code"] in south else "noord"
    write_rows(target / "municipalities.csv", header, rows)
    codes = {row["code"] for row in rows}
    for name, sides in (("sites.csv", ("municipality",)), ("deals.csv", ("a", "b"))):
        if (source / name).exists():
            header, rows = read_rows(source / name)
            mine = [row for row in rows if all(row[side] in codes for side in sides)]
            write_rows(target / name, header, mine)
    return str(target)


def read_rows(path: Path) -> tuple[list[str], list[dict[str, str]]]:
    with open(path, encoding="utf-8", newline="") as file:
        reader = csv.DictReader(file)
        return list(reader.fieldnames or []), list(reader)


def write_rows(path: Path, header: list[str], rows: list[dict[str, str]]) -> None:
    with open(path, "w", encoding="utf-8", newline="") as file:
        writer = csv.DictWriter(file, fieldnames=header)
        writer.writeheader()
        writer.writerows(rows)


def final(folder: Path) -> dict:
    """The stages of summary.json (values of the final decision, status and gap)."""
    summary = json.loads((folder / "summary.json").read_text(encoding="utf-8"))
    return summary["stages"]


def identical(a: Path, b: Path) -> bool:
    names = sorted(p.name for p in a.iterdir())
    if names != sorted(p.name for p in b.iterdir()):
        return False
    return all(filecmp.cmp(a / n, b / n, shallow=False) for n in names)


def gap(stage: dict) -> str:
    if stage["status"] == "optimal":
        return "proven"
    return "gap ?" if stage["gap"] is None else f"gap {100 * stage['gap']:.1f} %"


def report(label: str, strong: Run, plain: Run | None, again: Run | None) -> None:
    print(f"== {label}")
    mine = final(strong.folder)
    base = final(plain.folder) if plain else {}
    header = f"  {'stage':<11} {'value':>10} {'status':>14} {'s':>7}"
    if plain:
        header += f" | {'plain value':>11} {'status':>14} {'s':>7} | {'ratio':>6}"
    print(header)
    for name, stage in mine.items():
        took = strong.stages.get(name, ("", "", float("nan")))[2]
        line = f"  {name:<11} {stage['value']:>10g} {gap(stage):>14} {took:>7.2f}"
        if plain and name in base:
            other = plain.stages.get(name, ("", "", float("nan")))[2]
            # a stage settled by the one before it (docs/model.md 7.5) takes no time of its own
            ratio = f"{other / took:>5.1f}x" if took >= 0.005 else "  n/a"
            line += f" | {base[name]['value']:>11g} {gap(base[name]):>14} {other:>7.2f} | {ratio}"
        print(line)
    if strong.times:
        solving, processes, highs, models = strong.times
        # with worker processes the seconds are summed over them, and so is the time they had
        side = f" summed over {processes} processes" if processes > 1 else ""
        print(
            f"  solving {solving:.1f} s: HiGHS {highs:.1f} s, Pyomo models {models:.1f} s{side} "
            f"({100 * models / (processes * strong.seconds):.1f} % of the whole run"
            f"{' times the processes' if side else ''})"
        )
    print(f"  whole run: {strong.seconds:.1f} s, peak memory {strong.peak_mb:.0f} MB", end="")
    if plain:
        ratio = plain.seconds / strong.seconds
        print(f"; plain: {plain.seconds:.1f} s, {plain.peak_mb:.0f} MB (ratio {ratio:.1f}x)")
        both = [
            n for n in mine if n in base and mine[n]["status"] == base[n]["status"] == "optimal"
        ]
        agree = all(abs(mine[n]["value"] - base[n]["value"]) <= 1e-6 for n in both)
        print(f"  stages proven by both: {len(both)}; same values: {'yes' if agree else 'NO'}")
    else:
        print()
    proven = all(stage["status"] == "optimal" for stage in mine.values())
    print(f"  every stage proven optimal: {'yes' if proven else 'no'}")
    if again is not None:
        print(
            f"  second run byte-identical: {'yes' if identical(strong.folder, again.folder) else 'NO'}"
        )


def main(instances: list[str], limit: float, quick: bool) -> None:
    work = Path(tempfile.mkdtemp(prefix="uitruil-bench-"))
    try:
        for entry in instances:
            instance, _, scope = entry.partition(":")
            instance, _, province = instance.partition("@")
            label = f"{instance}" + (f", {province} alone" if province else "")
            halves = scope == HALVES
            if halves:
                label += " (split into a southern and a northern region, exchange_scope = region)"
                scope = "region"
            else:
                label += f" (exchange_scope = {scope})" if scope else ""
            stem = Path(instance).name + (f"-{province}" if province else "")
            stem += f"-{scope}" if scope else ""
            if province:
                instance = one_province(instance, province, work, halves)
            strong = solve(instance, scope or None, "strong", limit, work / f"{stem}-strong")
            plain = again = None
            if not quick:
                plain = solve(instance, scope or None, "plain", limit, work / f"{stem}-plain")
                again = solve(instance, scope or None, "strong", limit, work / f"{stem}-again")
            report(label, strong, plain, again)
            sys.stdout.flush()
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    arguments = sys.argv[1:]
    budget, fast, chosen = 120.0, False, []
    if "--quick" in arguments:
        arguments.remove("--quick")
        fast = True
    if "--like-held-out" in arguments:
        arguments.remove("--like-held-out")
        chosen = LIKE_HELD_OUT
    if arguments[:1] == ["--time-limit"]:
        budget, arguments = float(arguments[1]), arguments[2:]
    main(chosen + arguments or DEFAULT, budget, fast)
