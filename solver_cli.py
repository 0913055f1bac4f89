"""The `uitruil` command line (docs/cli.md): parse arguments, call model/, map errors to exit codes.

Exit status: 0 done; 1 `check` found a violation or no solution could be produced; 2 bad input or
bad arguments (one line per problem, no traceback).
"""

from __future__ import annotations

import math
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import replace
from functools import wraps
from pathlib import Path

import click

from model.core.errors import InputError, Problem
from model.core.instance import Instance
from model.core.processes import cores
from model.core.settings import STAGES
from model.io.atomic import WRITTEN, claimed
from model.io.reading import indicative_table, read_instance, read_raw
from model.io.schema import INSTANCE_FILES
from model.io.writing import csv_text, write_csv, write_instance
from model.lang import (
    LANGUAGES,
    Message,
    current_language,
    exact_number,
    percent,
    reset_language,
    set_language,
    text,
)
from model.optimise.diagnosis import attach_diagnosis, diagnose
from model.optimise.solve import METHODS
from model.optimise.solve import solve as run_solver
from model.reports.presentation import Package, load_package
from model.results.check import check as check_result
from model.results.costs import with_site_details
from model.results.diagnosis_words import why_short_lines
from model.results.explanation import with_explanation
from model.results.folder import read_result, write_result, write_summary
from model.results.markdown import package_lines
from model.results.result import Result, build_result
from model.whatif.compare import COMPARE_FILE, Options, Run, plan_runs, solve_runs, write_compare
from model.whatif.fallback import fallback
from model.whatif.scenario import (
    folder_name,
    parse_sets,
    read_scenarios,
    read_with_scenarios,
    sweep_scenarios,
)

EXIT_OK, EXIT_VIOLATION, EXIT_INPUT = 0, 1, 2
DEFAULT_TIME_LIMIT = 120.0
"""Seconds for a whole solve unless --time-limit says otherwise (README, "Time limit")."""
MAX_TIME_LIMIT = 7 * 24 * 3600
"""The largest --time-limit, in seconds: a week."""


def _input_errors_exit_2(command: Callable) -> Callable:
    """Turn an InputError into its problems on stderr and exit status 2."""

    @wraps(command)
    def wrapper(*args, **kwargs):
        try:
            return command(*args, **kwargs)
        except InputError as error:
            for problem in error.problems:
                click.echo(Message("cli.error", problem=problem), err=True)
            sys.exit(EXIT_INPUT)

    return wrapper


def _use_language(ctx: click.Context, _param, value: str) -> str:
    """--lang: every message of this command in `value`, from the first (so eager)."""
    token = set_language(value)
    ctx.call_on_close(lambda: reset_language(token))
    return value


def lang_option(help_text: str, expose: bool = True) -> Callable:
    """--lang nl|en: the language of the messages and of what `help_text` says.

    The default is model.lang's current language: Dutch, unless the program that runs the command
    chose another (as tests that read English messages do)."""
    return click.option(
        "--lang",
        type=click.Choice(LANGUAGES),
        default=current_language,
        show_default="nl",
        is_eager=True,
        expose_value=expose,
        callback=_use_language,
        help=help_text,
    )


INSTANCE_ARG = click.argument("instance", type=click.Path(path_type=Path))


def scenario_option(help_text: str, required: bool = False) -> Callable:
    """--scenario FILE, repeatable: scenario files (docs/scenarios.md) in the order given."""
    return click.option(
        "--scenario",
        "scenario_files",
        multiple=True,
        required=required,
        type=click.Path(path_type=Path),
        help=help_text,
    )


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="uitruil")
def main() -> None:
    """uitruil: exchange packages and site plans for the Spreidingswet opgave, solved with HiGHS."""


class Seconds(click.ParamType):
    """A time budget: a finite number of seconds > 0 and at most MAX_TIME_LIMIT (nan, inf refused)."""

    name = "seconds"

    def convert(self, value, param, ctx) -> float:
        try:
            seconds = float(value)
        except (TypeError, ValueError):
            self.fail(Message("cli.not_seconds", value=repr(value)), param, ctx)
        if not (math.isfinite(seconds) and 0 < seconds <= MAX_TIME_LIMIT):
            message = Message("cli.seconds_range", most=MAX_TIME_LIMIT, value=repr(value))
            self.fail(message, param, ctx)
        return seconds


def _at_most_cores(_ctx, param, value: int | None) -> int | None:
    """--threads and --jobs beyond the cores only thrash the machine: capped, with a message."""
    available = cores()
    if value is None or value <= available:
        return value
    click.echo(Message("cli.cores", option=param.name, value=value, cores=available), err=True)
    return available


def _stages(_ctx, _param, value: str | None) -> tuple[str, ...] | None:
    if value is None:
        return None
    names = tuple(v.strip() for v in value.split(",") if v.strip())
    unknown = [n for n in names if n not in STAGES]
    if unknown or not names or len(set(names)) != len(names):
        raise click.BadParameter(Message("cli.stages", stages=", ".join(STAGES), value=repr(value)))
    return names


DEFAULT_JOBS = 4
"""Most processes `solve` uses for the provinces unless told: each holds Python, Pyomo and HiGHS
(about 110 MB) besides its provinces' models, so more would cost memory for little time."""

THREADS = click.option(
    "--threads",
    type=click.IntRange(min=1),
    callback=_at_most_cores,
    help="Threads for HiGHS (default 1; at most the cores of the machine).",
)
"""--threads of solve and explain."""


def default_out(instance: Path, scenarios: Sequence[Path] = ()) -> Path:
    """results/<name of the instance folder or workbook>/ (cli.md), +<stem> per scenario file.

    When the working folder is the instance folder or inside it (`cd instance && uitruil solve .`),
    results/ goes beside the instance folder instead: a result is never written into an instance.
    """
    whole = instance.resolve()
    name = whole.stem if whole.suffix.lower() == ".xlsx" else whole.name
    here = Path.cwd().resolve()
    inside = whole.is_dir() and (here == whole or whole in here.parents)
    results = whole.parent / "results" if inside else Path("results")
    return results / "+".join([name, *(folder_name(Path(file).stem) for file in scenarios)])


def _instance_files(instance: Path) -> list[Path]:
    """The files read for an instance folder or workbook."""
    return [instance / name for name in INSTANCE_FILES] if instance.is_dir() else [instance]


def _not_an_input(out: Path | None, inputs: Sequence[Path]) -> None:
    """Refuse an --out that is one of the files the command reads: it would overwrite them."""
    if out is not None and any(out.resolve() == Path(given).resolve() for given in inputs):
        raise InputError(Problem(str(out), Message("cli.out_is_input")))


def final_stage_lines(summary: dict, lang: str) -> list[str]:
    """The stage values as summary.json has them, after the lines printed while solving.

    A later stage can improve an earlier stage that was cut off by the time limit (its solution
    is still feasible for the earlier stage's bound), so the values printed while solving are not
    always the final ones."""
    lines = [text(lang, "cli.final_stages")]
    for name, stage in summary["stages"].items():
        status = text(lang, f"status.{stage['status']}")
        if stage["status"] != "optimal":
            status = text(lang, "status.stage_gap", stage=status, gap=percent(lang, stage["gap"]))
        lines.append(
            text(
                lang,
                "cli.final_stage",
                stage=text(lang, f"stage.{name}"),
                value=exact_number(lang, stage["value"]),
                status=status,
            )
        )
    return lines


def print_package(result) -> None:
    """The provincial test and the deals, as solve prints them, and why anyone is short when
    the result is explained."""
    for line in package_lines(result) + why_short_lines(result):
        click.echo(line)


def explained(inst: Instance, result: Result, time_limit, threads, source: str) -> Result:
    """`result` with why short, what would close it and the dependence (model/optimise/diagnosis.py)."""
    diagnosis = diagnose(
        inst,
        result,
        time_limit=time_limit,
        threads=threads,
        progress=lambda line: click.echo(line, err=True),
        source=source,
    )
    click.echo(f"explained in {diagnosis.seconds:.1f} s", err=True)
    return attach_diagnosis(result, diagnosis)


@main.command()
@INSTANCE_ARG
@click.option(
    "--out",
    "out",
    type=click.Path(path_type=Path),
    help="Result folder (default results/<instance>).",
)
@click.option(
    "--time-limit",
    type=Seconds(),
    default=DEFAULT_TIME_LIMIT,
    show_default=True,
    help="Budget in seconds for the whole run; stages that hit it keep their best solution.",
)
@THREADS
@click.option(
    "--jobs",
    type=click.IntRange(min=1),
    callback=_at_most_cores,
    help="Provinces solved side by side, in this many processes (default: the cores, at most 4).",
)
@click.option("--objective", callback=_stages, help="Stage order, e.g. shortfall,unmet,deals.")
@lang_option("Language of the messages, descriptions and report.md.")
@click.option("--report", "with_report", is_flag=True, help="Also write report.xlsx and .html.")
@click.option(
    "--method",
    type=click.Choice(METHODS),
    default=METHODS[0],
    show_default=True,
    help="How to solve: 'strong' (pool first, proven bounds) or 'plain' (the pair model as it "
    "stands, for comparison in bench/); both give the same optimal stage values.",
)
@click.option(
    "--explain",
    "explain_too",
    is_flag=True,
    help="Also explain the package (as `uitruil explain`), with a budget of --time-limit more.",
)
@scenario_option("Scenario file (TOML) applied over INSTANCE; repeat to apply several, in order.")
@_input_errors_exit_2
def solve(
    instance: Path,
    out: Path | None,
    time_limit,
    threads,
    jobs,
    objective,
    lang,
    with_report,
    method,
    explain_too,
    scenario_files: tuple[Path, ...],
) -> None:
    """Solve INSTANCE stage by stage and write a result folder."""
    inst, scenarios = read_with_scenarios(instance, scenario_files)
    target = out or default_out(instance, scenario_files)
    with claimed(target):
        try:
            solution = run_solver(
                inst,
                time_limit=time_limit,
                threads=threads,
                order=objective,
                progress=lambda line: click.echo(line, err=True),
                method=method,
                jobs=jobs or min(cores(), DEFAULT_JOBS),
            )
        except RuntimeError as error:
            click.echo(Message("cli.no_solution", error=str(error)), err=True)
            sys.exit(EXIT_VIOLATION)
        result = build_result(inst, solution, lang=lang, scenarios=scenarios)
        result = with_explanation(with_site_details(result, inst), inst)
        seconds, highs, models = solution.seconds, solution.highs_seconds, solution.model_seconds
        key = "cli.solve_time" if solution.processes == 1 else "cli.solve_time_processes"
        figures = {"seconds": seconds, "highs": highs, "models": models}
        click.echo(text(lang, key, processes=solution.processes, **figures), err=True)
        for line in final_stage_lines(result.summary, lang):
            click.echo(line, err=True)
        if explain_too:
            result = explained(inst, result, time_limit, threads, str(target))
        write_result(result, target, extra=reports_into(result, lang) if with_report else None)
    print_package(result)
    click.echo(Message("cli.result_written", target=str(target)))


@main.command()
@INSTANCE_ARG
@click.argument("result_dir", type=click.Path(path_type=Path))
@scenario_option("Scenario file the result was solved with; repeat in the same order as for solve.")
@lang_option("Language of the violations and other messages.", expose=False)
@_input_errors_exit_2
def check(instance: Path, result_dir: Path, scenario_files: tuple[Path, ...]) -> None:
    """Re-verify the result folder RESULT_DIR against INSTANCE, independently of the solver."""
    inst, result = _instance_and_result(instance, result_dir, scenario_files)
    violations = check_result(inst, result)
    for line in violations:
        click.echo(Message("cli.violation", line=line))
    if violations:
        click.echo(Message("cli.violations", n=len(violations)))
        sys.exit(EXIT_VIOLATION)
    click.echo(Message("cli.check_ok"))


def _instance_and_result(
    instance: Path, result_dir: Path, scenario_files: tuple[Path, ...]
) -> tuple[Instance, Result]:
    """The instance with its scenarios, and the result folder solved with the same scenarios."""
    inst, scenarios = read_with_scenarios(instance, scenario_files)
    result = read_result(result_dir)
    if result.summary.get("scenarios", []) != scenarios:
        message = Message(
            "cli.check_scenarios",
            solved=str(result.summary.get("scenarios", [])),
            given=str(scenarios),
        )
        raise InputError(Problem(str(result_dir / "summary.json"), message))
    return inst, result


@main.command()
@INSTANCE_ARG
@click.argument("result_dir", type=click.Path(path_type=Path))
@scenario_option("Scenario file the result was solved with; repeat in the same order as for solve.")
@click.option(
    "--time-limit",
    type=Seconds(),
    default=DEFAULT_TIME_LIMIT,
    show_default=True,
    help="Budget in seconds for the whole explanation.",
)
@THREADS
@lang_option("Language of report.md, of the reports written again and of the messages.")
@_input_errors_exit_2
def explain(instance: Path, result_dir: Path, scenario_files, time_limit, threads, lang) -> None:
    """Why each short municipality of RESULT_DIR is short, what would close it, and how much
    rests on each traded component; written into RESULT_DIR's summary.json and reports."""
    inst, result = _instance_and_result(instance, result_dir, scenario_files)
    with claimed(result_dir):
        result = explained(inst, replace(result, lang=lang), time_limit, threads, str(result_dir))
        formats = tuple(f for f, name in REPORT_FILES.items() if (result_dir / name).is_file())
        write_summary(
            result,
            result_dir,
            lambda folder: write_reports(Package(result), folder, formats, lang),
        )
    for line in why_short_lines(result):
        click.echo(line)
    click.echo(Message("cli.explanation_written", target=str(result_dir)))


def _share(places: int, task: int) -> str:
    """The share of the task as "61 %", or "-" when the task is 0."""
    return f"{round(100 * places / task)} %" if task else "-"


def _places_line(label: str, firm: int, soft: int, task: int, task_label: str) -> Message:
    """One line of counted places: firm, soft and with soft, with their shares of the task."""
    with_soft = firm + soft
    return Message(
        "validate.places",
        label=Message(label),
        firm=firm,
        soft=soft,
        with_soft=with_soft,
        firm_share=_share(firm, task),
        with_soft_share=_share(with_soft, task),
        task_label=Message(task_label),
        task=task,
    )


def _summary_lines(instance: Instance) -> list[str]:
    """Per province: municipalities, sites (counted or not), tasks per component, counted places,
    locked deals, and municipalities without a known centroid (when there are any).

    Counted places at the sites' maxima, before any exchange (`Instance.own_places`): firm =
    existing and decided sites at max_places; soft = planned and idea sites that can open, at
    min(max_places, kind max); with soft = both. The amv line is the part of them at amv sites.
    A locked deal belongs to the province of its two municipalities (one across provinces can
    only be forbidden, and has no effect: reading warns about it).
    """
    m, s, tasks = instance.municipalities, instance.sites, instance.tasks
    own = instance.own_places()
    origin = Message("validate.computed" if instance.tasks_computed else "validate.given")
    settings = instance.settings
    lines = [
        Message("validate.header", name=settings.name, date=settings.reference_date, origin=origin)
    ]
    site_province = s["municipality"].map(m["province"])
    for province in instance.provinces:
        here = m["province"] == province
        t, p = tasks[here].sum(), own[here].sum()
        counted = int((s["counted"] & (site_province == province)).sum())
        sites = int((site_province == province).sum())
        reception = int(t["regular"] + t["amv"])
        lines += [
            Message(
                "validate.province",
                province=province,
                n=int(here.sum()),
                sites=sites,
                counted=counted,
                not_counted=sites - counted,
            ),
            Message(
                "validate.tasks",
                **{k: int(t[k]) for k in ("regular", "amv", "housing", "ukraine")},
                reception=reception,
            ),
            _places_line(
                "validate.counted_places", p["firm"], p["soft"], reception, "validate.reception"
            ),
            _places_line(
                "validate.amv_places", p["amv_firm"], p["amv_soft"], t["amv"], "validate.amv"
            ),
            _locked_line(instance, province),
        ]
        unknown = int((here & (m["lat"].isna() | m["lon"].isna())).sum())
        if unknown:
            lines.append(Message("validate.no_centroid", unknown=unknown, n=int(here.sum())))
    lines.append(Message("validate.warnings", n=len(instance.warnings)))
    lines += [Message("cli.warning", problem=warning) for warning in instance.warnings]
    return lines


def _locked_line(instance: Instance, province: str) -> str:
    """The deals locked in deals.csv between municipalities of `province`, by rule."""
    rules, where = instance.deal_rules, instance.municipalities["province"]
    inside = (rules["a"].map(where) == province) & (rules["b"].map(where) == province)
    counts = rules.loc[inside, "rule"].value_counts()
    if counts.empty:
        return Message("validate.locked_none")
    return Message(
        "validate.locked",
        required=int(counts.get("require", 0)),
        forbidden=int(counts.get("forbid", 0)),
    )


@main.command()
@INSTANCE_ARG
@lang_option("Language of the summary and the warnings.", expose=False)
@_input_errors_exit_2
def validate(instance: Path) -> None:
    """Read and check INSTANCE; print a summary per province and the warnings."""
    for line in _summary_lines(read_instance(instance)):
        click.echo(line)


@main.command()
@INSTANCE_ARG
@click.option("--out", type=click.Path(path_type=Path, dir_okay=False), help="Write the CSV here.")
@lang_option("Language of the messages.", expose=False)
@_input_errors_exit_2
def indicative(instance: Path, out: Path | None) -> None:
    """Print (or write to --out) the indicative distribution of INSTANCE from its [forecast]."""
    table = indicative_table(read_raw(instance))
    _not_an_input(out, _instance_files(instance))
    if out is None:
        click.echo(csv_text(table), nl=False)
    else:
        write_csv(table, out)
        click.echo(Message("cli.indicative_written", out=str(out)))


@main.command()
@click.argument("src", type=click.Path(path_type=Path))
@click.argument("dest", type=click.Path(path_type=Path))
@click.option("--force", is_flag=True, help="Replace DEST if it exists.")
@lang_option("Language of the messages.", expose=False)
@_input_errors_exit_2
def convert(src: Path, dest: Path, force: bool) -> None:
    """Convert an instance folder to a workbook (DEST ends in .xlsx), or a workbook to a folder."""
    write_instance(read_raw(src), dest, force=force)
    click.echo(Message("cli.converted", src=str(src), dest=str(dest)))


REPORT_FILES = {"xlsx": "report.xlsx", "html": "report.html"}
REPORT_FORMATS = {"xlsx": ("xlsx",), "html": ("html",), "both": ("xlsx", "html")}


def write_reports(
    package: Package, folder: Path, formats: tuple[str, ...], lang: str
) -> list[Path]:
    """Write the chosen reports into `folder`, each file atomically."""
    return [report_writer(f)(package, folder / REPORT_FILES[f], lang) for f in formats]


def report_writer(report_format: str) -> Callable[[Package, Path, str], Path]:
    """The writer of one report, imported only when a report is asked for: matplotlib and the
    workbook code take about 0.6 s to load, which `solve` without --report does not need."""
    if report_format == "xlsx":
        from model.reports.workbook import write_workbook

        return write_workbook
    from model.reports.html_report import write_html

    return write_html


def reports_into(result: Result, lang: str) -> Callable[[Path], None]:
    """For `solve --report`: both reports, written inside the result folder's atomic write."""
    return lambda folder: write_reports(Package(result), folder, REPORT_FORMATS["both"], lang)


@main.command()
@click.argument("result_dir", type=click.Path(path_type=Path))
@click.option(
    "--format",
    "report_format",
    type=click.Choice(list(REPORT_FORMATS)),
    default="both",
    show_default=True,
    help="report.xlsx, report.html or both.",
)
@lang_option("Language of the reports and the messages.")
@_input_errors_exit_2
def report(result_dir: Path, report_format: str, lang: str) -> None:
    """Write report.xlsx and report.html for the bestuurlijk overleg into RESULT_DIR.

    RESULT_DIR is a result folder of solve, or a compare folder (baseline and scenarios side by side).
    """
    package = load_package(result_dir, lang)
    for path in write_reports(package, result_dir, REPORT_FORMATS[report_format], lang):
        click.echo(Message("cli.report_written", path=str(path)))


# ---- what-if runs: compare, sweep, fallback (docs/scenarios.md) -------------------------------


def _what_if_options(command: Callable) -> Callable:
    """The options compare and sweep share: where to write, how to solve each run."""
    options = [
        click.option(
            "--out",
            type=click.Path(path_type=Path),
            help="Compare folder (default results/<instance>-compare, or -sweep).",
        ),
        click.option(
            "--jobs",
            type=click.IntRange(min=1),
            default=1,
            show_default=True,
            callback=_at_most_cores,
            help="Runs solved at the same time, each in its own process (at most the cores).",
        ),
        click.option(
            "--time-limit",
            type=Seconds(),
            default=DEFAULT_TIME_LIMIT,
            show_default=True,
            help="Budget in seconds for each run.",
        ),
        click.option(
            "--threads",
            type=click.IntRange(min=1),
            callback=_at_most_cores,
            help="Threads for HiGHS, per run (at most the cores of the machine).",
        ),
        click.option("--objective", callback=_stages, help="Stage order, e.g. shortfall,unmet."),
        lang_option("Language of the messages, descriptions and compare.md."),
    ]
    for option in reversed(options):
        command = option(command)
    return command


def _solve_and_compare(instance: Path, kind: str, runs: list[Run], out, jobs, options) -> None:
    """Solve every run with a progress bar, write the compare folder, print the table."""
    target = out or default_out(instance).with_name(f"{default_out(instance).name}-{kind}")
    started = time.perf_counter()
    with claimed(target, COMPARE_FILE):
        with click.progressbar(
            length=len(runs),
            label=str(Message("cli.solving_runs", n=len(runs))),
            item_show_func=lambda run: run.stem if run else None,
            file=sys.stderr,
        ) as bar:
            try:
                outcomes = solve_runs(runs, options, jobs, done=lambda run: bar.update(1, run))
            except RuntimeError as error:
                click.echo(Message("cli.no_solution", error=str(error)), err=True)
                sys.exit(EXIT_VIOLATION)
        table = write_compare(target, runs, outcomes, options)
    click.echo(table.fillna("").to_string())
    in_runs = sum(outcome.seconds for outcome in outcomes)
    elapsed = time.perf_counter() - started
    click.echo(Message("cli.runs_time", n=len(runs), elapsed=elapsed, in_runs=in_runs))
    click.echo(Message("cli.comparison_written", target=str(target)))


@main.command()
@INSTANCE_ARG
@scenario_option("Scenario file (TOML), solved on its own on top of INSTANCE; repeat it.", True)
@_what_if_options
@_input_errors_exit_2
def compare(
    instance: Path, scenario_files, out, jobs, time_limit, threads, objective, lang
) -> None:
    """Solve INSTANCE and each --scenario on its own; write and print them side by side."""
    runs = plan_runs(read_raw(instance), read_scenarios(scenario_files))
    options = Options(time_limit, threads, objective, lang)
    _solve_and_compare(instance, "compare", runs, out, jobs, options)


@main.command()
@INSTANCE_ARG
@click.option(
    "--set",
    "sets",
    multiple=True,
    required=True,
    metavar="KEY=V1,V2,...",
    help="A dotted settings key and its values, e.g. weights.housing=0.5,1; repeat it. "
    "Every combination is solved.",
)
@_what_if_options
@_input_errors_exit_2
def sweep(instance: Path, sets, out, jobs, time_limit, threads, objective, lang) -> None:
    """Solve INSTANCE and every combination of the --set values; write and print them."""
    raw = read_raw(instance)
    runs = plan_runs(raw, sweep_scenarios(raw, parse_sets(sets)))
    options = Options(time_limit, threads, objective, lang)
    _solve_and_compare(instance, "sweep", runs, out, jobs, options)


@main.command("fallback")
@INSTANCE_ARG
@click.argument("result_dir", type=click.Path(path_type=Path))
@click.option("--out", type=click.Path(path_type=Path, dir_okay=False), help="Write the CSV here.")
@scenario_option("The scenario files RESULT_DIR was solved with, in the same order.")
@lang_option("Language of the messages.", expose=False)
@_input_errors_exit_2
def fallback_command(instance: Path, result_dir: Path, out: Path | None, scenario_files) -> None:
    """What the minister imposes when the plan in RESULT_DIR falls short (CSV per municipality)."""
    inst, scenarios = read_with_scenarios(instance, scenario_files)
    result = read_result(result_dir)
    solved_with = result.summary.get("scenarios", [])
    if solved_with != scenarios:
        message = Message("cli.fallback_scenarios", solved=str(solved_with))
        raise InputError(Problem(str(result_dir), message))
    table = fallback(inst, result.municipalities, str(result_dir / "municipalities.csv"))
    result_files = [result_dir / name for name in WRITTEN]
    _not_an_input(out, [*_instance_files(instance), *result_files, *scenario_files])
    if out is None:
        click.echo(csv_text(table), nl=False)
    else:
        write_csv(table, out)
        click.echo(Message("cli.fallback_written", out=str(out)))


if __name__ == "__main__":
    main()
