"""Result folders (docs/cli.md): summary.json, the CSV tables and report.md.

Written as a whole by model/io/atomic.py (a reader never sees half a result, and only the files
uitruil writes are ever replaced); read back, by column name and checked for their structure, by
`read_result`.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import math
import re
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Annotated, Any, Literal

import pandas as pd
from pydantic import BaseModel, ConfigDict, Field, Strict, ValidationError

from model.core.errors import InputError, Problem, os_reason
from model.core.instance import REASONS
from model.core.settings import (
    COMPONENTS,
    CONTROL,
    SITE_KINDS,
    STAGES,
    STATUSES,
)
from model.io.atomic import WRITTEN, is_result_folder, replace_folder
from model.io.writing import csv_text, unescaped
from model.lang import Listing, Message
from model.results.diagnosis_words import CHANGES
from model.results.diagnosis_words import REASONS as SHORT_REASONS
from model.results.markdown import markdown
from model.results.result import (
    DEAL_COLUMNS,
    MUNICIPALITY_COLUMNS,
    SITE_COLUMNS,
    TRANSFER_COLUMNS,
    Result,
)

RESULT_COLUMNS = {
    "municipalities": MUNICIPALITY_COLUMNS,
    "sites": SITE_COLUMNS,
    "transfers": TRANSFER_COLUMNS,
    "deals": DEAL_COLUMNS,
}
"""The tables of a result folder and their columns (model/results/result.py), in the order written."""
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
BLANK_CHOICE_COLUMNS = {"reason": REASONS}
"""Choice columns where a blank cell is allowed (sites.csv: a site that counts has no reason)."""
FLAG_COLUMNS = {"counted", "open"}
DATE_COLUMNS = {"available_from", "available_until"}
"""Columns of the result tables by what they hold; every other column of RESULT_COLUMNS holds
numbers. DATE_COLUMNS (YYYY-MM-DD or blank) are checked where a table has them."""


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
        raise InputError(Problem(str(folder), Message("result.not_a_result")))
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
                problems.append(Problem(file, Message("result.blank_key", column=key), row, key))
            elif value in seen:
                message = Message("read.duplicate", column=key, value=value, row=seen[value])
                problems.append(Problem(file, message, row, key))
            seen.setdefault(value, row)
    codes = set(tables["municipalities"]["code"])
    for name, columns in REFERENCES.items():
        for column in columns:
            for row, code in enumerate(tables[name][column], start=2):
                if code not in codes and not (column == "volunteer" and code == ""):
                    message = Message("result.unknown_code", code=code)
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
        problems.append(Problem(str(path), Message("result.file_missing")))
        return None
    try:
        return path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError:
        problems.append(Problem(str(path), Message("result.not_utf8")))
    except OSError as error:
        problems.append(Problem(str(path), Message("file.unreadable", error=os_reason(error))))
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
        problems.append(Problem(file, Message("result.not_csv", error=str(error))))
        return empty
    if not records:
        problems.append(Problem(file, Message("result.empty", header=",".join(columns))))
        return empty
    header = [cell.strip() for cell in records[0][1]]
    doubled = sorted({name for name in header if header.count(name) > 1})
    missing = [name for name in columns if name not in header]
    problems += [Problem(file, Message("read.column_twice"), column=name) for name in doubled]
    problems += [Problem(file, Message("result.column_missing"), column=name) for name in missing]
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
                message = Message("settings.control", text=repr(cell))
                problems.append(Problem(file, message, row, name))
        return pd.Series([unescaped(cell) for cell in cells], dtype=object)
    expected, convert = kind
    values = []
    for row, cell in zip(rows, cells, strict=True):
        try:
            values.append(convert(cell.strip()))
        except (KeyError, ValueError):
            key = "cell.bad" if cell.strip() else "cell.blank"
            message = Message(key, expected=expected, text=cell, note="")
            problems.append(Problem(file, message, row, name))
            values.append(None)
    if convert not in (_finite, _finite_or_blank):
        return pd.Series(values, dtype=object)
    numbers = pd.Series(values, dtype=float)
    whole = numbers.notna().all() and (numbers == numbers.round()).all()
    return numbers.astype("int64") if whole else numbers


def _kind(name: str) -> tuple[Message, Callable[[str], Any]] | None:
    """What a result column holds: (what is expected, the converter of a cell); None for text."""
    if name in FLAG_COLUMNS:
        convert = lambda cell: {"true": True, "false": False}[cell.lower()]  # noqa: E731
        return Message("expect.true_false"), convert
    if name in CHOICE_COLUMNS:
        choices = CHOICE_COLUMNS[name]
        expected = Message("expect.one_of", choices=", ".join(choices))
        return expected, lambda cell: choices[choices.index(cell)]
    if name in BLANK_CHOICE_COLUMNS:
        choices = BLANK_CHOICE_COLUMNS[name]
        expected = Message("expect.one_of_or_blank", choices=", ".join(choices))
        return expected, lambda cell: "" if cell == "" else choices[choices.index(cell)]
    if name in DATE_COLUMNS:
        return Message("expect.iso_date_or_blank"), _date_or_blank
    if name in BLANK_NUMBER_COLUMNS:
        return Message("expect.number_or_blank"), _finite_or_blank
    if name in _numeric_columns():
        return Message("expect.number"), _finite
    return None


def _numeric_columns() -> set[str]:
    """The result columns that hold numbers: all that hold no text, choice or flag."""
    named = TEXT_COLUMNS | set(CHOICE_COLUMNS) | set(BLANK_CHOICE_COLUMNS) | FLAG_COLUMNS
    return {c for columns in RESULT_COLUMNS.values() for c in columns if c not in named}


def _finite(cell: str) -> float:
    number = float(cell)
    if not math.isfinite(number):
        raise ValueError(cell)
    return number


def _finite_or_blank(cell: str) -> float:
    """A finite number, or NaN for a blank cell (unknown)."""
    return math.nan if cell == "" else _finite(cell)


def _date_or_blank(cell: str) -> dt.date | None:
    """A date written YYYY-MM-DD, or None for a blank cell."""
    if cell == "":
        return None
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", cell):
        raise ValueError(cell)
    return dt.date.fromisoformat(cell)


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
    reason: Literal[SHORT_REASONS]
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
    reasons: list[Literal[SHORT_REASONS]]
    limits: list[_Limit]
    closing: list[_Change]
    proven: Annotated[bool, Strict()]


class _Explanation(_Open):
    """summary.json `explanation` (docs/cli.md): the keys model/results/explanation.py writes (data,
    surplus, probability) and those model/optimise/diagnosis.py writes (short, dependence), checked when
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
    "too_short": "expect.json_entry",
    "dict_type": "expect.json_object",
    "model_type": "expect.json_object",
    "list_type": "expect.json_list",
    "float_type": "expect.number",
    "int_type": "expect.whole",
    "string_type": "expect.text",
    "finite_number": "expect.finite",
    "bool_type": "expect.true_false",
}
"""What a pydantic error type expects, in the words of JSON (a key)."""


def _summary(path: Path, problems: list[Problem]) -> dict[str, Any]:
    """summary.json as a dict, checked against `_Summary`; {} when it cannot be read."""
    text = _file_text(path, problems)
    if text is None:
        return {}
    try:
        summary = json.loads(text)
    except (json.JSONDecodeError, RecursionError) as error:
        problems.append(Problem(str(path), Message("result.not_json", error=str(error))))
        return {}
    try:
        _Summary.model_validate(summary)
    except ValidationError as error:
        for detail in error.errors():
            problems.append(Problem(str(path), _json_problem(detail)))
        return {}
    for field, value in _texts(summary):
        if CONTROL.search(value):
            problems.append(Problem(str(path), Message("result.field_control", field=field)))
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


def _json_problem(detail: Any) -> Message:
    """A pydantic error about summary.json: the field, what is expected, what is there."""
    field = ".".join(str(part) for part in detail["loc"] if part != "[key]")
    where = Message("result.field", field=field) if field else Message("result.the_file")
    kind = detail["type"]
    if kind == "missing":
        return Message("result.field_missing", where=where)
    if kind == "model_attributes_type" or (kind in JSON_TYPES and not field):
        expected = Message("expect.json_object")
    elif kind == "literal_error":
        choices = re.findall(r"'[^']*'", detail.get("ctx", {}).get("expected", ""))
        expected = Listing(choices, "word.or")
    else:
        expected = Message(JSON_TYPES.get(kind, "expect.other"))
    shown = json.dumps(detail["input"], ensure_ascii=False, default=str)
    if len(shown) > 40:
        shown = shown[:37] + "..."
    return Message("result.field_expected", where=where, expected=expected, got=shown)
