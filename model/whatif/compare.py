"""What-if runs side by side (docs/scenarios.md): the baseline and scenarios (`compare`) or every
combination of setting values (`sweep`), each solved on its own, with the minister's fallback.

The instance is read once; each run is the baseline with its scenario applied in memory. Runs are
solved one after the other or in parallel processes. The compare folder (compare.csv, compare.md,
municipalities_delta.csv, and one result folder per run) is written as a whole.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pandas as pd

from model.core.errors import InputError
from model.core.processes import fresh_context
from model.io.atomic import replace_folder
from model.io.reading import instance_from_raw
from model.io.schema import RawInstance
from model.io.writing import csv_text, flatten_settings, toml_text
from model.lang import number, text
from model.optimise.solve import solve
from model.reports.presentation import FALLBACK_FILE, delta_words, imposed_frame, status_words
from model.results.changes import RunResult, changed_rows, municipalities_delta, unique_titles
from model.results.costs import COST_COLUMNS, province_costs, with_site_details
from model.results.explanation import with_explanation
from model.results.folder import write_result
from model.results.markdown import markdown_table
from model.results.result import Result, build_result, tidy
from model.whatif.fallback import fallback
from model.whatif.scenario import Scenario, apply_scenario

BASELINE = "baseline"
COMPARE_FILE, MARKDOWN_FILE, DELTA_FILE = "compare.csv", "compare.md", "municipalities_delta.csv"
SCENARIO_FILE = "scenario.toml"
"""A sweep point's settings as a scenario file, in its run folder."""
PROVINCE_MEASURES = (
    "reception_task",
    "amv_task",
    "places",
    "amv_places",
    "firm_places",
    "soft_places",
    "firm_share",
    "firm_of_task",
    "short_rec",
    "short_amv",
    "unmet",
    "test",
    "imposed",
    "imposed_extra",
    "imposed_municipalities",
    *COST_COLUMNS,
)
"""Rows of the comparison per province (labels `compare.<measure>` in model/lang/nl.py and en.py).

firm_share is firm places / counted places and firm_of_task firm places / reception task, both
in per cent with one decimal (blank when the divisor is 0); unmet is the province's unmet places
(regular + AMV, from municipalities.csv), whichever stages were solved."""


@dataclass(frozen=True)
class Run:
    """One column of a comparison: the instance as its scenario changes it (none: the baseline)."""

    stem: str
    raw: RawInstance
    scenario: Scenario | None = None


@dataclass(frozen=True)
class Options:
    """How every run is solved, and the language of descriptions and compare.md."""

    time_limit: float | None = None
    threads: int | None = None
    order: tuple[str, ...] | None = None
    lang: str = "nl"


@dataclass
class Outcome:
    """A solved run: its result, the minister's fallback on it, and its wall time in seconds."""

    result: Result
    fallback: pd.DataFrame
    seconds: float


def plan_runs(raw: RawInstance, scenarios: Sequence[Scenario]) -> list[Run]:
    """The baseline, then each scenario applied on its own to it; all problems at once."""
    runs, problems = [Run(BASELINE, raw)], []
    for scenario in scenarios:
        try:
            changed = apply_scenario(raw, scenario)
        except InputError as error:
            problems += error.problems
            continue
        runs.append(Run(_unique(scenario.stem, {run.stem for run in runs}), changed, scenario))
    if problems:
        raise InputError(problems)
    return runs


def _unique(stem: str, taken: set[str]) -> str:
    candidate, number = stem, 1
    while candidate in taken:
        number += 1
        candidate = f"{stem}-{number}"
    return candidate


def solve_run(run: Run, options: Options) -> Outcome:
    """Solve one run on its own: the instance from its checked tables, the result, the fallback."""
    started = time.perf_counter()
    instance = instance_from_raw(run.raw)
    try:
        solution = solve(instance, options.time_limit, options.threads, options.order)
    except RuntimeError as error:
        raise RuntimeError(f"{run.stem}: {error}") from error
    names = [run.scenario.name] if run.scenario else []
    result = build_result(instance, solution, lang=options.lang, scenarios=names)
    result = with_explanation(with_site_details(result, instance), instance)
    imposed = fallback(instance, result.municipalities)
    return Outcome(result, imposed, time.perf_counter() - started)


def solve_runs(
    runs: Sequence[Run], options: Options, jobs: int = 1, done: Callable[[Run], None] | None = None
) -> list[Outcome]:
    """Every run solved, `jobs` at a time in separate processes (1: here, one after the other).

    `done(run)` is called as each run finishes; the outcomes come back in the order of `runs`.
    """
    if jobs <= 1:
        outcomes = []
        for run in runs:
            outcomes.append(solve_run(run, options))
            if done:
                done(run)
        return outcomes
    with ProcessPoolExecutor(min(jobs, len(runs)), mp_context=fresh_context(__name__)) as pool:
        futures = {pool.submit(solve_run, run, options): run for run in runs}
        try:
            for future in as_completed(futures):
                future.result()
                if done:
                    done(futures[future])
        except BaseException:
            for future in futures:
                future.cancel()
            raise
        return [future.result() for future in futures]


def run_results(runs: Sequence[Run], outcomes: Sequence[Outcome], lang: str) -> list[RunResult]:
    """The runs as the reports see them: folder name, title (the scenario's name), result, fallback."""
    titles = [
        run.scenario.name if run.scenario else text(lang, "compare.baseline_title") for run in runs
    ]
    titles = unique_titles(titles, [run.stem for run in runs])
    return [
        RunResult(run.stem, title, outcome.result, outcome.fallback)
        for run, title, outcome in zip(runs, titles, outcomes, strict=True)
    ]


def compare_table(runs: Sequence[Run], outcomes: Sequence[Outcome], lang: str) -> pd.DataFrame:
    """Rows = measures (labels in `lang`), columns = runs by folder name; blank where n/a.

    compare.md and the reports title the columns with the scenarios' own names."""
    columns = {run.stem: dict(measures(o, lang)) for run, o in zip(runs, outcomes, strict=True)}
    labels = list(dict.fromkeys(label for column in columns.values() for label in column))
    table = pd.DataFrame(columns, index=labels, dtype=object)
    table.index.name = text(lang, "compare.measure")
    return table


def measures(outcome: Outcome, lang: str) -> list[tuple[str, Any]]:
    """(label, value) of one run: stage values, status, deals and their km, and per province
    the places (firm share), the unmet places, the test and the fallback."""
    result = outcome.result
    summary = result.summary
    rows = [(text(lang, f"stage.{name}"), v) for name, v in summary["objectives"].items()]
    rows.append((text(lang, "compare.status"), status_words(summary, lang)))
    rows.append((text(lang, "compare.deals"), len(result.deals)))
    rows.append((text(lang, "compare.km"), deals_km(result.deals)))
    imposed = outcome.fallback
    costs = province_costs(result)
    m = result.municipalities
    unmet = (m["unmet_rec"] + m["unmet_amv"]).groupby(m["province"]).sum()
    for province, p in summary["provinces"].items():
        here = imposed[imposed["province"] == province]
        met = p["short_rec"] == 0 and p["short_amv"] == 0
        figures = (
            p
            | {
                "soft_places": tidy(p["places"] - p["firm_places"]),
                "firm_share": per_cent(p["firm_places"], p["places"]),
                "firm_of_task": per_cent(p["firm_places"], p["reception_task"]),
                "unmet": tidy(unmet.get(province, 0)),
                "test": text(lang, "compare.test_ok" if met else "compare.test_short"),
                "imposed": int(here["imposed"].sum()),
                "imposed_extra": int((here["imposed"] - here["places"]).sum()),
                "imposed_municipalities": int((here["imposed"] > here["places"]).sum()),
            }
            | {c: _plain(costs.at[province, c]) for c in COST_COLUMNS}
        )
        rows += [
            (text(lang, f"compare.{key}", province=province), figures[key])
            for key in PROVINCE_MEASURES
        ]
    return rows


def deals_km(deals: pd.DataFrame) -> int:
    """The length of the deals together in whole km: the sum of deals.csv's `km` (a deal of
    unknown length counts 0, as in the stage `distance`)."""
    return int(pd.to_numeric(deals["km"], errors="coerce").fillna(0).sum())


def per_cent(part: float, whole: float) -> float | int | None:
    """part / whole in per cent, one decimal; None when whole is 0."""
    return tidy(round(100 * part / whole, 1)) if whole else None


def _plain(value: float | None) -> float | int | None:
    """A cost for compare.csv: tidy, blank when unknown."""
    return None if value is None or pd.isna(value) else tidy(value)


def write_compare(
    target: Path, runs: Sequence[Run], outcomes: Sequence[Outcome], options: Options
) -> pd.DataFrame:
    """Write the compare folder as a whole; returns the comparison table with the runs titled
    by their scenarios' names (compare.csv keeps the folder names, which `report` looks up)."""
    table = compare_table(runs, outcomes, options.lang)
    results = run_results(runs, outcomes, options.lang)
    delta = municipalities_delta(results)

    def fill(folder: Path) -> None:
        for run, outcome in zip(runs, outcomes, strict=True):
            write_result(outcome.result, folder / run.stem, extra=_run_files(run, outcome))
        (folder / COMPARE_FILE).write_text(csv_text(table.reset_index()), encoding="utf-8")
        (folder / DELTA_FILE).write_text(csv_text(delta), encoding="utf-8")
        markdown = compare_markdown(runs, outcomes, table, results, options)
        (folder / MARKDOWN_FILE).write_text(markdown, encoding="utf-8")

    replace_folder(target, fill, marker=COMPARE_FILE)
    return titled(table, results)


def titled(table: pd.DataFrame, results: Sequence[RunResult]) -> pd.DataFrame:
    """The comparison table with each run's title over its column instead of its folder name."""
    return table.rename(columns={r.stem: r.title for r in results})


def _run_files(run: Run, outcome: Outcome) -> Callable[[Path], None]:
    """fallback.csv, and for a sweep point (settings only, no file) its scenario.toml.

    With that file a sweep run is re-checked like any scenario run:
    `uitruil check INSTANCE DIR/<run> --scenario DIR/<run>/scenario.toml`.
    """

    def write(folder: Path) -> None:
        (folder / FALLBACK_FILE).write_text(csv_text(outcome.fallback), encoding="utf-8")
        scenario = run.scenario
        if scenario is not None and not scenario.entries:
            tree = {"name": scenario.name, "settings": scenario.settings}
            (folder / SCENARIO_FILE).write_text(toml_text(tree) + "\n", encoding="utf-8")

    return write


def compare_markdown(
    runs: Sequence[Run],
    outcomes: Sequence[Outcome],
    table: pd.DataFrame,
    results: Sequence[RunResult],
    options: Options,
) -> str:
    """compare.md: the runs and what each changes, the table, the fallback, the municipalities."""
    lang = options.lang
    limit = f"{options.time_limit:g} s" if options.time_limit else text(lang, "compare.no_limit")
    name = outcomes[0].result.summary["instance"]
    lines = [f"# {text(lang, 'compare.title', name=name)}", ""]
    lines += [text(lang, "compare.intro", time_limit=limit), "", f"## {text(lang, 'compare.runs')}"]
    for run, outcome in zip(runs, outcomes, strict=True):
        lines += ["", *_run_lines(run, outcome, runs[0].raw, lang)]
    lines += ["", f"## {text(lang, 'compare.table')}", ""]
    lines += [markdown_table(_written(titled(table, results).reset_index(), lang)), ""]
    lines += [f"## {text(lang, 'compare.fallback')}", "", text(lang, "compare.fallback_note"), ""]
    imposed = imposed_frame(results, lang)
    lines += [
        markdown_table(_written(imposed, lang))
        if len(imposed)
        else text(lang, "compare.nothing_imposed")
    ]
    lines += ["", f"## {text(lang, 'compare.municipalities')}", ""]
    lines += [text(lang, "compare.municipalities_note"), ""]
    changed = changed_rows(municipalities_delta(results))
    for run in results[1:]:
        rows = changed[changed["run"] == run.stem]
        shown = (
            markdown_table(delta_words(rows, lang))
            if len(rows)
            else text(lang, "compare.no_changes")
        )
        lines += [f"### {run.title}", "", shown, ""]
    return "\n".join(lines)


def _written(frame: pd.DataFrame, lang: str) -> pd.DataFrame:
    """A table for compare.md: numbers as the audience writes them, blanks empty."""

    def cell(value: object) -> object:
        if isinstance(value, int | float) and not isinstance(value, bool):
            return "" if pd.isna(value) else number(lang, value)
        return "" if value is None else value

    return frame.map(cell)


def _run_lines(run: Run, outcome: Outcome, base: RawInstance, lang: str) -> list[str]:
    """A run's name, status and time, its description and its changes as a list."""
    s = run.scenario
    name = s.name if s else text(lang, "compare.baseline")
    status = status_words(outcome.result.summary, lang)
    lines = [f"- `{run.stem}`: {name} ({status}, {outcome.seconds:.1f} s)"]
    if s and s.description:
        lines.append(f"  {s.description}")
    return lines + [f"  - {change}" for change in (changes(s, base, lang) if s else [])]


def changes(scenario: Scenario, base: RawInstance, lang: str) -> list[str]:
    """What a scenario changes in the `base` instance, one line per setting and entry."""
    lines = [
        f"{key} = {str(value).lower() if isinstance(value, bool) else value}"
        for key, value in flatten_settings(scenario.settings)
    ]
    names = dict(zip(base.municipalities["code"], base.municipalities["name"], strict=True))
    sites = set(base.sites["id"])
    for entry in scenario.entries:
        cells = ", ".join(f"{column} = {value}" for column, value in entry.cells.items())
        if entry.table == "municipality":
            name = names[entry.key]
            line = text(
                lang, "compare.municipality_changed", code=entry.key, name=name, cells=cells
            )
        elif entry.table == "deal":
            kind = "removed" if entry.remove else "changed"
            pair = {"a": names[entry.key], "b": names[entry.partner]}
            line = text(lang, f"compare.deal_{kind}", **pair, cells=cells)
        else:
            kind = "removed" if entry.remove else "changed" if entry.key in sites else "added"
            line = text(lang, f"compare.site_{kind}", id=entry.key, cells=cells)
        lines.append(line)
    return lines
