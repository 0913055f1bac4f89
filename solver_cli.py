"""The `uitruil` command line (shared/spec/cli.md): parse arguments, call model/, map errors to exit codes.

Exit status: 0 done; 1 `check` found a violation or no solution could be produced; 2 bad input or
bad arguments (one line per problem, no traceback).
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from functools import wraps
from pathlib import Path

import click

from model.check import check as check_result
from model.errors import InputError
from model.lang import LANGUAGES
from model.reading import read_instance
from model.report import check_target, package_lines, read_result, write_result
from model.result import build_result
from model.settings import STAGES
from model.solve import solve as run_solver

EXIT_OK, EXIT_VIOLATION, EXIT_INPUT = 0, 1, 2


def _input_errors_exit_2(command: Callable) -> Callable:
    """Turn an InputError into its problems on stderr and exit status 2."""

    @wraps(command)
    def wrapper(*args, **kwargs):
        try:
            return command(*args, **kwargs)
        except InputError as error:
            for problem in error.problems:
                click.echo(f"error: {problem}", err=True)
            sys.exit(EXIT_INPUT)

    return wrapper


INSTANCE_ARG = click.argument("instance", type=click.Path(path_type=Path))


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="uitruil")
def main() -> None:
    """uitruil: exchange packages and site plans for the Spreidingswet opgave, solved with HiGHS."""


def _stages(_ctx, _param, value: str | None) -> tuple[str, ...] | None:
    if value is None:
        return None
    names = tuple(v.strip() for v in value.split(",") if v.strip())
    unknown = [n for n in names if n not in STAGES]
    if unknown or not names or len(set(names)) != len(names):
        raise click.BadParameter(
            f"expected distinct stages from {', '.join(STAGES)}, got {value!r}"
        )
    return names


def default_out(instance: Path) -> Path:
    """results/<name of the instance folder or workbook>/ (cli.md)."""
    return Path("results") / (instance.stem if instance.suffix.lower() == ".xlsx" else instance.name)


def print_package(result) -> None:
    """The provincial test and the deals, as solve prints them."""
    for line in package_lines(result):
        click.echo(line)


@main.command()
@INSTANCE_ARG
@click.option("--out", "out", type=click.Path(path_type=Path), help="Result folder (default results/<instance>).")
@click.option("--time-limit", type=click.FloatRange(min=0, min_open=True), help="Budget in seconds for the whole run.")
@click.option("--threads", type=click.IntRange(min=1), help="Threads for HiGHS.")
@click.option("--objective", callback=_stages, help="Stage order, e.g. shortfall,unmet,deals.")
@click.option("--lang", type=click.Choice(LANGUAGES), default="nl", show_default=True, help="Language of descriptions and report.md.")
@_input_errors_exit_2
def solve(instance: Path, out: Path | None, time_limit, threads, objective, lang) -> None:
    """Solve INSTANCE stage by stage and write a result folder."""
    inst = read_instance(instance)
    target = out or default_out(instance)
    check_target(target)
    try:
        solution = run_solver(
            inst, time_limit=time_limit, threads=threads, order=objective,
            progress=lambda line: click.echo(line, err=True),
        )
    except RuntimeError as error:
        click.echo(f"error: no solution: {error}", err=True)
        sys.exit(EXIT_VIOLATION)
    result = build_result(inst, solution, lang=lang)
    write_result(result, target)
    print_package(result)
    click.echo(f"result written to {target}")


@main.command()
@INSTANCE_ARG
@click.argument("result_dir", type=click.Path(path_type=Path))
@_input_errors_exit_2
def check(instance: Path, result_dir: Path) -> None:
    """Re-verify the result folder RESULT_DIR against INSTANCE, independently of the solver."""
    violations = check_result(read_instance(instance), read_result(result_dir))
    for line in violations:
        click.echo(f"violation: {line}")
    if violations:
        click.echo(f"{len(violations)} violation(s)")
        sys.exit(EXIT_VIOLATION)
    click.echo("ok: every constraint holds and every figure adds up")


if __name__ == "__main__":
    main()
