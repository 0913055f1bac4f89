"""Result folders (docs/cli.md): summary.json, the CSV tables and report.md.

Written as a whole by model/folders.py (a reader never sees half a result, and only the files
uitruil writes are ever replaced); read back, by column name and checked for their structure, by
`read_result`.
"""

from __future__ import annotations

import csv
import io
import json
import math
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Annotated, Any, Literal

import pandas as pd
from pydantic import BaseModel, ConfigDict, Field, Strict, ValidationError

from model.diagnosis_words import CHANGES, REASONS, why_short_lines
from model.errors import InputError, Problem
from model.explanation import (
    compact_balance,
    data_line,
    data_notes,
    firmness_assumption,
    firmness_line,
    verdict,
)
from model.folders import WRITTEN, is_result_folder, replace_folder
from model.lang import chance, percent, text
from model.reading import csv_text, unescaped
from model.result import (
    DEAL_COLUMNS,
    MUNICIPALITY_COLUMNS,
    SITE_COLUMNS,
    TRANSFER_COLUMNS,
    Result,
)
from model.settings import COMPONENTS, CONTROL, SITE_KINDS, STAGES, STATUSES

RESULT_COLUMNS = {
    "municipalities": MUNICIPALITY_COLUMNS,
    "sites": SITE_COLUMNS,
    "transfers": TRANSFER_COLUMNS,
    "deals": DEAL_COLUMNS,
}
"""The tables of a result folder and their columns (model/result.py), in the order written."""
TEXT_COLUMNS = {
    "code",
    "name",
    "province",
    "region",
    "id",
    "municipality",
    "reason",
    "from",
    "to",
    "a",
    "b",
    "description",
    "volunteer",
}
BLANK_NUMBER_COLUMNS = {"km"}
"""Number columns where a blank cell means unknown (deals.csv: the length of a deal)."""
CHOICE_COLUMNS = {"kind": SITE_KINDS, "status": STATUSES, "component": COMPONENTS}
FLAG_COLUMNS = {"counted", "open"}
"""Columns of the result tables by what they hold; every other column holds numbers."""


def write_tables(result: Result, folder: Path) -> None:
    (folder / "summary.json").write_text(summary_text(result), encoding="utf-8")
    for name in RESULT_COLUMNS:
        frame = getattr(result, name)
        flags = frame.select_dtypes(bool).columns  # docs/cli.md: counted, open as true/false
        frame = frame.assign(**{c: frame[c].map({True: "true", False: "false"}) for c in flags})
        (folder / f"{name}.csv").write_text(csv_text(frame), encoding="utf-8")
    (folder / "report.md").write_text(markdown(result), encoding="utf-8")


def write_result(result: Result, target: Path, extra=None) -> None:
    """Write a result folder atomically; `extra(folder)` may add files (xlsx, html) before the move."""

    def fill(folder: Path) -> None:
        write_tables(result, folder)
        if extra:
            extra(folder)

    replace_folder(target, fill)


def write_summary(result: Result, target: Path, extra=None) -> None:
    """Rewrite an existing result folder's summary.json and report.md (and, with `extra(folder)`,
    other files); every other file uitruil wrote there is kept as it is, byte for byte."""

    def fill(folder: Path) -> None:
        for name in sorted(WRITTEN):
            if (target / name).is_file():
                shutil.copyfile(target / name, folder / name)
        (folder / "summary.json").write_text(summary_text(result), encoding="utf-8")
        (folder / "report.md").write_text(markdown(result), encoding="utf-8")
        if extra:
            extra(folder)

    replace_folder(target, fill)


def summary_text(result: Result) -> str:
    return json.dumps(result.summary, indent=2, ensure_ascii=False) + "\n"


def read_result(folder: Path) -> Result:
    """Read a result folder back (for check, compare, fallback and reports), checked for structure.

    summary.json must have the keys and types of docs/cli.md (extra keys are kept); every table must
    have its columns, found by name in any order, with text, true/false or numbers in them. Every
    problem of every file names the file and the field, row and column, in one InputError. Text
    cells lose the `'` that protects them from spreadsheets (reading.escaped).
    """
    if not is_result_folder(folder):
        raise InputError(Problem(str(folder), "is not a result folder (summary.json is missing)"))
    problems: list[Problem] = []
    summary = _summary(folder / "summary.json", problems)
    tables = {
        name: _result_table(folder / f"{name}.csv", columns, problems)
        for name, columns in RESULT_COLUMNS.items()
    }
    if not problems:
        _references(tables, folder, problems)
        _explained_codes(summary, set(tables["municipalities"]["code"]), folder, problems)
    if problems:
        raise InputError(problems)
    return Result(summary=summary, **tables)


REFERENCES = {
    "sites": ("municipality",),
    "transfers": ("from", "to"),
    "deals": ("a", "b", "volunteer"),
}
"""Columns that name a municipality of municipalities.csv (deals.csv's volunteer may be blank)."""


def _references(tables: dict[str, pd.DataFrame], folder: Path, problems: list[Problem]) -> None:
    """Codes and ids are unique and not blank, and every municipality named is in the result."""
    for name, key in (("municipalities", "code"), ("sites", "id")):
        file = str(folder / f"{name}.csv")
        seen: dict[str, int] = {}
        for row, value in enumerate(tables[name][key], start=2):
            if not value.strip():
                problems.append(Problem(file, f"a blank {key}", row, key))
            elif value in seen:
                message = f"duplicate {key} '{value}' (also on row {seen[value]})"
                problems.append(Problem(file, message, row, key))
            seen.setdefault(value, row)
    codes = set(tables["municipalities"]["code"])
    for name, columns in REFERENCES.items():
        for column in columns:
            for row, code in enumerate(tables[name][column], start=2):
                if code not in codes and not (column == "volunteer" and code == ""):
                    message = f"'{code}' is not a code in municipalities.csv"
                    problems.append(Problem(str(folder / f"{name}.csv"), message, row, column))


def _explained_codes(summary: dict, codes: set[str], folder: Path, problems: list[Problem]) -> None:
    """Every municipality that summary.json's `explanation` names is in municipalities.csv."""
    explained = summary.get("explanation", {})
    named = {
        "explanation.surplus": explained.get("surplus", {}),
        "explanation.probability.municipalities": explained.get("probability", {}).get(
            "municipalities", {}
        ),
    }
    for field, values in named.items():
        for code in values:
            if code not in codes:
                message = (
                    f"field '{field}' names '{code}', which is not a code in municipalities.csv"
                )
                problems.append(Problem(str(folder / "summary.json"), message))


def _file_text(path: Path, problems: list[Problem]) -> str | None:
    """The UTF-8 text of a file of a result folder, or None with the reason in `problems`."""
    if not path.is_file():
        problems.append(Problem(str(path), "is missing from the result folder"))
        return None
    try:
        return path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError:
        problems.append(Problem(str(path), "is not UTF-8 text"))
    except OSError as error:
        problems.append(Problem(str(path), f"cannot be read: {error.strerror or error}"))
    return None


def _result_table(path: Path, columns: list[str], problems: list[Problem]) -> pd.DataFrame:
    """A result table read by column name: its columns in the written order, then any others."""
    file = str(path)
    empty = pd.DataFrame(columns=columns)
    text = _file_text(path, problems)
    if text is None:
        return empty
    try:
        reader = csv.reader(io.StringIO(text, newline=None))
        records = [(n, row) for n, row in enumerate(reader, start=1) if any(row)]
    except csv.Error as error:
        problems.append(Problem(file, f"is not readable as CSV: {error}"))
        return empty
    if not records:
        problems.append(Problem(file, f"is empty: expected the header {','.join(columns)}"))
        return empty
    header = [cell.strip() for cell in records[0][1]]
    doubled = sorted({name for name in header if header.count(name) > 1})
    missing = [name for name in columns if name not in header]
    problems += [Problem(file, "column appears twice", column=name) for name in doubled]
    problems += [Problem(file, "column is missing", column=name) for name in missing]
    if doubled or missing:
        return empty
    numbers = [n for n, _ in records[1:]]
    order = columns + [name for name in header if name not in columns]
    data = {}
    for name in order:
        position = header.index(name)
        cells = [row[position] if position < len(row) else "" for _, row in records[1:]]
        data[name] = _result_column(cells, numbers, name, file, problems)
    return pd.DataFrame(data, columns=order)


def _result_column(
    cells: list[str], rows: list[int], name: str, file: str, problems: list[Problem]
) -> pd.Series:
    """One column of a result table, typed by what it holds; `rows` as Excel numbers them."""
    kind = _kind(name)
    if kind is None:
        for row, cell in zip(rows, cells, strict=True):
            if CONTROL.search(cell):
                problems.append(Problem(file, f"holds a control character: {cell!r}", row, name))
        return pd.Series([unescaped(cell) for cell in cells], dtype=object)
    expected, convert = kind
    values = []
    for row, cell in zip(rows, cells, strict=True):
        try:
            values.append(convert(cell.strip()))
        except (KeyError, ValueError):
            shown = f"'{cell}'" if cell.strip() else "a blank cell"
            problems.append(Problem(file, f"expected {expected}, got {shown}", row, name))
            values.append(None)
    if convert not in (_finite, _finite_or_blank):
        return pd.Series(values, dtype=object)
    numbers = pd.Series(values, dtype=float)
    whole = numbers.notna().all() and (numbers == numbers.round()).all()
    return numbers.astype("int64") if whole else numbers


def _kind(name: str) -> tuple[str, Callable[[str], Any]] | None:
    """What a result column holds: (what is expected, the converter of a cell); None for text."""
    if name in FLAG_COLUMNS:
        return "true or false", lambda cell: {"true": True, "false": False}[cell.lower()]
    if name in CHOICE_COLUMNS:
        choices = CHOICE_COLUMNS[name]
        return "one of " + ", ".join(choices), lambda cell: choices[choices.index(cell)]
    if name in BLANK_NUMBER_COLUMNS:
        return "a number or a blank cell", _finite_or_blank
    if name in _numeric_columns():
        return "a number", _finite
    return None


def _numeric_columns() -> set[str]:
    """The result columns that hold numbers: all that hold no text, choice or flag."""
    named = TEXT_COLUMNS | set(CHOICE_COLUMNS) | FLAG_COLUMNS
    return {c for columns in RESULT_COLUMNS.values() for c in columns if c not in named}


def _finite(cell: str) -> float:
    number = float(cell)
    if not math.isfinite(number):
        raise ValueError(cell)
    return number


def _finite_or_blank(cell: str) -> float:
    """A finite number, or NaN for a blank cell (unknown)."""
    return math.nan if cell == "" else _finite(cell)


Number = Annotated[float, Strict(), Field(allow_inf_nan=False)]
"""A JSON number (not a text, not true/false)."""
StageName = Literal[STAGES]
Status = Literal["optimal", "time_limit"]


class _Open(BaseModel):
    model_config = ConfigDict(extra="allow")


class _Province(_Open):
    reception_task: Number
    amv_task: Number
    places: Number
    amv_places: Number
    firm_places: Number
    short_rec: Number
    short_amv: Number


class _Stage(_Open):
    value: Number
    status: Status
    gap: Number | None


class _Solver(_Open):
    name: str
    version: str
    gap: Number | None


Chance = Annotated[float, Strict(), Field(ge=0, le=1)]
"""A probability: a JSON number from 0 to 1."""
Places = Annotated[float, Strict(), Field(ge=0, allow_inf_nan=False)]
"""A JSON number of places, 0 or more."""


class _Data(_Open):
    illustrative: Annotated[bool, Strict()] | None = None
    source: Annotated[str, Strict()] = ""
    notes: dict[str, Annotated[str, Strict()]] = {}


class _Odds(_Open):
    passes: Chance | None = Field(alias="pass")
    expected_shortfall: Places | None


class _Probability(_Open):
    province: Chance | None = None
    expected_shortfall: Places | None = None
    provinces: dict[str, _Odds] = {}
    municipalities: dict[str, Chance | None] = {}


class _Limit(_Open):
    reason: Literal[REASONS]
    municipality: str | None
    about: str | None
    limit: Number | None
    per_unit: Number | None
    up_to: Number | None


class _Change(_Open):
    option: Annotated[int, Strict()]
    change: Literal[CHANGES]
    municipality: str
    about: str | None
    amount: Number
    cost: Number


class _Short(_Open):
    unmet: Number
    reasons: list[Literal[REASONS]]
    limits: list[_Limit]
    closing: list[_Change]
    proven: Annotated[bool, Strict()]


class _Explanation(_Open):
    """summary.json `explanation` (docs/cli.md): the keys model/explanation.py writes (data,
    surplus, probability) and those model/diagnosis.py writes (short, dependence), checked when
    present."""

    data: _Data | None = None
    surplus: dict[str, Places] = {}
    probability: _Probability | None = None
    short: dict[str, _Short] = {}
    dependence: dict[Literal[COMPONENTS], Number] = {}


class _Summary(_Open):
    """What a summary.json must hold (docs/cli.md, "summary.json" and "Reading a result back")."""

    format: Annotated[int, Strict()]
    instance: Annotated[str, Strict()]
    status: Status
    objective_order: Annotated[list[StageName], Field(min_length=1)]
    objective_source: Literal["settings", "--objective"] = "settings"
    objectives: Annotated[dict[StageName, Number], Field(min_length=1)]
    provinces: Annotated[dict[str, _Province], Field(min_length=1)]
    solver: _Solver
    weights: dict[str, Number]
    rules: dict[str, Any]
    stages: dict[StageName, _Stage] = {}
    settings: dict[str, Any] = {}
    scenarios: list[Annotated[str, Strict()]] = []
    explanation: _Explanation = _Explanation()


JSON_TYPES = {
    "too_short": "at least one entry",
    "dict_type": "an object {...}",
    "model_type": "an object {...}",
    "list_type": "a list [...]",
    "float_type": "a number",
    "int_type": "a whole number",
    "string_type": "a text",
    "finite_number": "a finite number",
    "bool_type": "true or false",
}
"""What a pydantic error type expects, in the words of JSON."""


def _summary(path: Path, problems: list[Problem]) -> dict[str, Any]:
    """summary.json as a dict, checked against `_Summary`; {} when it cannot be read."""
    text = _file_text(path, problems)
    if text is None:
        return {}
    try:
        summary = json.loads(text)
    except (json.JSONDecodeError, RecursionError) as error:
        problems.append(Problem(str(path), f"is not JSON: {error}"))
        return {}
    try:
        _Summary.model_validate(summary)
    except ValidationError as error:
        for detail in error.errors():
            problems.append(Problem(str(path), _json_problem(detail)))
        return {}
    for field, value in _texts(summary):
        if CONTROL.search(value):
            problems.append(Problem(str(path), f"field '{field}' holds a control character"))
    return summary


def _texts(tree: Any, path: str = "") -> list[tuple[str, str]]:
    """Every text in a JSON tree (keys too), with the dotted path to it."""
    if isinstance(tree, str):
        return [(path, tree)]
    if isinstance(tree, dict):
        pairs = [(f"{path}.{k}".lstrip("."), k) for k in tree]
        return pairs + [t for k, v in tree.items() for t in _texts(v, f"{path}.{k}".lstrip("."))]
    if isinstance(tree, list):
        return [t for i, v in enumerate(tree) for t in _texts(v, f"{path}.{i}".lstrip("."))]
    return []


def _json_problem(detail: Any) -> str:
    """A pydantic error about summary.json: the field, what is expected, what is there."""
    field = ".".join(str(part) for part in detail["loc"] if part != "[key]")
    where = f"field '{field}'" if field else "the file"
    kind = detail["type"]
    if kind == "missing":
        return f"{where} is missing"
    if kind == "model_attributes_type" or (kind in JSON_TYPES and not field):
        expected = "an object {...}"
    elif kind == "literal_error":
        expected = detail["msg"].removeprefix("Input should be ")
    else:
        expected = JSON_TYPES.get(kind, detail["msg"])
    shown = json.dumps(detail["input"], ensure_ascii=False, default=str)
    if len(shown) > 40:
        shown = shown[:37] + "..."
    return f"{where}: expected {expected}, got {shown}"


def markdown_table(frame: pd.DataFrame) -> str:
    """`frame` as a markdown table; a `|` or a line break in a cell does not break the table."""
    header = "| " + " | ".join(map(_markdown_cell, frame.columns)) + " |"
    rule = "|" + "---|" * len(frame.columns)
    rows = [
        "| " + " | ".join(map(_markdown_cell, row)) + " |"
        for row in frame.itertuples(index=False, name=None)
    ]
    return "\n".join([header, rule, *rows])


def _markdown_cell(value: object) -> str:
    return " ".join(str(value).replace("|", "\\|").splitlines())


def package_lines(result: Result) -> list[str]:
    """The provincial test, the stage values and the deals, as markdown lines."""
    lang = result.lang
    s = result.summary
    lines = ["", f"## {text(lang, 'report.test')}", ""]
    for province, p in s["provinces"].items():
        lines.append("- " + text(lang, "report.test_line", province=province, **p))
        lines.append("  " + verdict(result, province, lang))
        firmness = firmness_line(s, province, lang)
        lines += ["  " + firmness] if firmness else []
    lines += ["", f"## {text(lang, 'report.stages')}", ""]
    stage_rows = pd.DataFrame(
        [
            {
                text(lang, "report.stage"): text(lang, f"stage.{name}"),
                text(lang, "report.value"): value,
                text(lang, "col.status"): text(lang, f"status.{s['stages'][name]['status']}"),
                text(lang, "report.gap"): percent(lang, s["stages"][name]["gap"]),
            }
            for name, value in s["objectives"].items()
        ]
    )
    lines.append(markdown_table(stage_rows))
    if s["status"] != "optimal":
        lines += ["", text(lang, "report.not_proven")]
    lines += ["", f"## {text(lang, 'report.deals')}", ""]
    if result.deals.empty:
        lines.append(text(lang, "report.no_deals"))
    lines += [f"- {d}" for d in result.deals["description"]]
    return lines


def markdown(result: Result) -> str:
    """report.md: the package in prose and tables, for a person."""
    lang = result.lang
    s = result.summary
    lines = [f"# {text(lang, 'report.title', name=s['instance'])}", "", data_line(s, lang), ""]
    lines += [f"- {note}" for note in data_notes(s, lang)]
    lines += [""] if data_notes(s, lang) else []
    lines.append(
        text(
            lang,
            "report.status",
            status=text(lang, f"status.{s['status']}"),
            version=s["solver"]["version"],
        )
    )
    lines += package_lines(result)
    lines += why_short_lines(result)
    lines += ["", f"## {text(lang, 'report.municipalities')}", ""]
    m = result.municipalities
    lines.append(
        markdown_table(
            pd.DataFrame(
                {
                    text(lang, "col.name"): m["name"],
                    text(lang, "col.task"): m["regular_task"] + m["amv_task"],
                    text(lang, "col.obligation"): m["regular_obligation"] + m["amv_obligation"],
                    text(lang, "col.places"): m["places"],
                    text(lang, "col.firm"): m["firm_places"],
                    text(lang, "col.unmet"): m["unmet_rec"] + m["unmet_amv"],
                    text(lang, "col.value_change"): m["value_change"],
                }
            )
        )
    )
    lines += ["", f"## {text(lang, 'report.balance')}", "", text(lang, "report.balance_note"), ""]
    balance = compact_balance(result, lang)
    balance["covered_chance"] = [chance(lang, p) for p in balance["covered_chance"]]
    lines.append(markdown_table(balance.rename(columns=lambda c: text(lang, f"col.{c}"))))
    firmness = [firmness_line(s, province, lang) for province in s["provinces"]]
    if any(firmness):
        lines += ["", f"## {text(lang, 'report.firmness')}", ""]
        lines += [f"- {line}" for line in firmness if line]
        lines += ["", firmness_assumption(s, lang)]
    sites = result.sites
    new = sites[(sites["open"].astype(str) == "True") & (sites["status"].isin(["planned", "idea"]))]
    lines += ["", f"## {text(lang, 'report.sites')}", ""]
    lines.append(
        markdown_table(new[["id", "municipality", "kind", "status", "places", "over_preference"]])
        if len(new)
        else text(lang, "report.no_sites")
    )
    excluded = sites[sites["counted"].astype(str) != "True"]
    if len(excluded):
        lines += ["", f"## {text(lang, 'report.not_counted')}", ""]
        lines.append(markdown_table(excluded[["id", "municipality", "status", "reason"]]))
    lines += ["", f"## {text(lang, 'report.settings')}", "", "```json"]
    lines += [
        json.dumps({"weights": s["weights"], "rules": s["rules"]}, indent=2, ensure_ascii=False),
        "```",
        "",
    ]
    return "\n".join(lines)
