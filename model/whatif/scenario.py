"""Scenarios: named changes to an instance, applied in memory in a fixed order (docs/scenarios.md).

A scenario file (TOML) writes settings over instance.toml key by key, changes columns of
municipalities (by code), changes, adds or removes sites (by id) and locked deals (by the pair of
municipalities, in either order). Applying it gives a new
`RawInstance`, checked by model/io/reading.py exactly as if the changes had been written into the
instance's files and read back; every problem names the scenario file.
"""

from __future__ import annotations

import datetime as dt
import difflib
import itertools
import re
import tomllib
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd

from model.core.errors import InputError, Problem, os_reason
from model.core.instance import Instance
from model.core.settings import CONTROL
from model.io.reading import check_tables, instance_from_raw, read_raw
from model.io.schema import DEAL_INPUT, MUNICIPALITY_INPUT, SITE_INPUT, Column, RawInstance
from model.io.sources import is_list_setting, put_setting, toml_tree
from model.lang import Message

TOP_KEYS = ("name", "description", "settings", "municipality", "site", "deal")
ENTRY_HEADER = re.compile(r"^[ \t]*\[\[[ \t]*(municipality|site|deal)[ \t]*\]\]", re.MULTILINE)
SCALARS = (str, int, float, bool, dt.date)
"""What a cell may be set to (TOML tables, arrays and times are not cells)."""


@dataclass(frozen=True)
class Table:
    """A table a scenario may change: its part of the instance, key column and columns.

    A row is named by its key, or with a `partner` column by the pair of both (in either order).
    `noun` is what an added or removed row is; `removable` whether entries may remove rows.
    """

    part: str
    key: str
    columns: dict[str, Column]
    noun: str
    removable: bool = True
    partner: str = ""

    def name(self, key: Any, partner: Any = "") -> Any:
        """What names a row: its key, or the sorted pair of key and partner."""
        return tuple(sorted((str(key), str(partner)))) if self.partner else key


TABLES = {
    "municipality": Table("municipalities", "code", MUNICIPALITY_INPUT, "municipality", False),
    "site": Table("sites", "id", SITE_INPUT, "site"),
    "deal": Table("deals", "a", DEAL_INPUT, "lock", partner="b"),
}
"""[[municipality]] entries change rows of municipalities.csv, [[site]] entries of sites.csv,
[[deal]] entries of deals.csv."""


@dataclass(frozen=True)
class Entry:
    """One [[municipality]], [[site]] or [[deal]] of a scenario: the row it names (a deal's by
    `key` and `partner`, its a and b) and the cells it sets."""

    table: str
    key: str
    cells: dict[str, Any]
    line: int | None = None
    remove: bool = False
    partner: str = ""

    @property
    def label(self) -> str:
        pair = f", '{self.partner}'" if self.partner else ""
        return f"[[{self.table}]] '{self.key}'{pair}"

    @property
    def row_name(self) -> Any:
        return TABLES[self.table].name(self.key, self.partner)


@dataclass(frozen=True)
class Scenario:
    """A named list of changes; `file` is how problems name it, `stem` its result folder."""

    name: str
    file: str
    stem: str
    settings: dict[str, Any] = field(default_factory=dict)
    entries: tuple[Entry, ...] = ()
    description: str = ""


def read_scenario(path: Path) -> Scenario:
    """Parse a scenario file; problems of its form (not yet of its content) as one InputError."""
    path = Path(path)
    try:
        data = path.read_bytes()
    except OSError as error:
        message = Message("scenario.unreadable", error=os_reason(error))
        raise InputError(Problem(str(path), message)) from None
    tree = toml_tree(data, path.name)
    text = data.decode("utf-8-sig")
    lines: dict[str, list[int]] = {table: [] for table in TABLES}
    for match in ENTRY_HEADER.finditer(text):
        lines[match.group(1)].append(text.count("\n", 0, match.start()) + 1)
    return parse_scenario(tree, path.name, folder_name(path.stem), lines)


def read_scenarios(paths: Sequence[Path]) -> list[Scenario]:
    """Parse every scenario file; the problems of all of them in one InputError."""
    scenarios, problems = [], []
    for path in paths:
        try:
            scenarios.append(read_scenario(path))
        except InputError as error:
            problems += error.problems
    if problems:
        raise InputError(problems)
    return scenarios


def parse_scenario(
    tree: dict[str, Any], file: str, stem: str, lines: dict[str, list[int]] | None = None
) -> Scenario:
    """A scenario from its TOML tree; `lines` are the lines of its [[...]] headers per table."""
    problems = [
        Problem(file, Message("scenario.unknown_key", key=key, keys=", ".join(TOP_KEYS)), None, key)
        for key in tree
        if key not in TOP_KEYS
    ]
    name, description = tree.get("name", stem), tree.get("description", "")
    if not isinstance(name, str) or not name.strip() or CONTROL.search(name):
        problems.append(Problem(file, Message("scenario.bad_name"), column="name"))
    if not isinstance(description, str) or CONTROL.search(description):
        problems.append(Problem(file, Message("scenario.bad_description"), column="description"))
    settings = tree.get("settings", {})
    if not isinstance(settings, dict):
        problems.append(Problem(file, Message("scenario.settings_table"), column="settings"))
    entries = [
        entry
        for table in TABLES
        for entry in _entries(tree.get(table, []), table, file, (lines or {}).get(table), problems)
    ]
    if problems:
        raise InputError(problems)
    return Scenario(name.strip(), file, stem, settings, tuple(entries), description.strip())


def _entries(
    items: Any, table: str, file: str, lines: list[int] | None, problems: list[Problem]
) -> list[Entry]:
    if not isinstance(items, list) or not all(isinstance(item, dict) for item in items):
        problems.append(Problem(file, Message("scenario.entries", table=table)))
        return []
    if lines is None or len(lines) != len(items):
        lines = [None] * len(items)
    found = [
        _entry(item, table, file, line, problems) for item, line in zip(items, lines, strict=True)
    ]
    return [entry for entry in found if entry is not None]


def _entry(
    item: dict[str, Any], table: str, file: str, line: int | None, problems: list[Problem]
) -> Entry | None:
    """One entry, its column names matched like a file's header (case-insensitive, stripped)."""
    spec = TABLES[table]
    named = [c for c in (spec.key, spec.partner) if c]
    missing = [c for c in named if not isinstance(item.get(c), str) or not item[c].strip()]
    for column in missing:
        key = "scenario.key_missing" if len(named) == 1 else "scenario.pair_missing"
        problems.append(Problem(file, Message(key, table=table, column=column), line, column))
    if missing:
        return None
    cells = {_column_name(c, spec): v for c, v in item.items() if c not in named}
    remove = cells.pop("remove", False) if spec.removable else False
    partner = item[spec.partner].strip() if spec.partner else ""
    entry = Entry(table, item[spec.key].strip(), cells, line, remove is True, partner)
    if not isinstance(remove, bool):
        message = Message("scenario.remove_flag", label=entry.label)
        problems.append(Problem(file, message, line, "remove"))
    if entry.remove and cells:
        message = Message(f"scenario.remove_only.{spec.noun}", label=entry.label)
        problems.append(Problem(file, message, line, "remove"))
    for column, value in cells.items():
        if not isinstance(value, SCALARS) or isinstance(value, dt.time):
            message = Message("scenario.not_a_value", label=entry.label, value=repr(value))
            problems.append(Problem(file, message, line, column))
    return entry


def _column_name(name: str, spec: Table) -> str:
    plain = name.strip().lower()
    return plain if plain in spec.columns or plain == "remove" else name


def apply_scenario(raw: RawInstance, scenario: Scenario) -> RawInstance:
    """`raw` with the changes of `scenario`, checked as if written into its files and read back."""
    problems: list[Problem] = []
    touched: dict[tuple[str, int], Entry] = {}
    tables = {
        spec.part: _changed(raw, spec, scenario, touched, problems) for spec in TABLES.values()
    }
    given = merged(raw.settings_given, scenario.settings)
    try:
        checked = check_tables(given, tables, raw)
    except InputError as error:
        problems += [_located(p, scenario.file, touched, raw.names) for p in error.problems]
    if problems:
        raise InputError(problems)
    return checked


def apply_scenarios(raw: RawInstance, scenarios: Sequence[Scenario]) -> RawInstance:
    """The scenarios applied one after the other, in the given order."""
    for scenario in scenarios:
        raw = apply_scenario(raw, scenario)
    return raw


def read_with_scenarios(path: Path, files: Sequence[Path]) -> tuple[Instance, list[str]]:
    """The instance at `path` with the scenario files applied in order, and their names."""
    scenarios = read_scenarios(files)
    raw = apply_scenarios(read_raw(path), scenarios)
    return instance_from_raw(raw), [s.name for s in scenarios]


def merged(base: dict[str, Any], changes: dict[str, Any]) -> dict[str, Any]:
    """`base` with `changes` written over it key by key: tables merged, other values replaced."""
    out = dict(base)
    for key, value in changes.items():
        both = isinstance(value, dict) and isinstance(out.get(key), dict)
        out[key] = merged(out[key], value) if both else value
    return out


def _changed(
    raw: RawInstance,
    spec: Table,
    scenario: Scenario,
    touched: dict[tuple[str, int], Entry],
    problems: list[Problem],
) -> pd.DataFrame:
    """The table of `spec` with the scenario's entries applied; `touched` maps row -> entry."""
    out = getattr(raw, spec.part).astype(object)
    names = [spec.name(*row) for row in out[[c for c in (spec.key, spec.partner) if c]].values]
    rows = dict(zip(names, out.index, strict=True))
    for entry in (e for e in scenario.entries if TABLES[e.table] is spec):
        known = [*spec.columns, *out.columns]
        for column in (c for c in entry.cells if c not in known):
            message = Message(
                "scenario.unknown_column",
                label=entry.label,
                column=column,
                hint=_hint(column, spec.columns),
            )
            problems.append(Problem(scenario.file, message, entry.line, column))
        row = rows.get(entry.row_name)
        if row is None:
            missing = _unknown_key(entry, spec, rows, raw.names[spec.part])
            if missing:
                problems.append(Problem(scenario.file, missing, entry.line, spec.key))
                continue
            row = rows[entry.row_name] = max(out.index, default=1) + 1
            out.loc[row] = pd.Series(None, index=out.columns, dtype=object)  # even when empty
            out.at[row, spec.key] = entry.key
            if spec.partner:
                out.at[row, spec.partner] = entry.partner
        if entry.remove:
            out = out.drop(index=row)
            del rows[entry.row_name]
            touched.pop((spec.part, row), None)
            continue
        for column, value in entry.cells.items():
            if column not in out.columns:
                out[column] = None
            out.at[row, column] = value
        touched[spec.part, row] = entry
    return out


def _unknown_key(entry: Entry, spec: Table, rows: dict[Any, int], file: str) -> str:
    """Why an entry naming no row is wrong, or "" when it adds a complete new site or lock."""
    hint = "" if spec.partner else _hint(entry.key, rows)
    said = {"label": entry.label, "file": file, "hint": hint}
    if not spec.removable:
        return Message("scenario.unknown_code", **said)
    if entry.remove:
        return Message(f"scenario.nothing_to_remove.{spec.noun}", **said)
    named = (spec.key, spec.partner)
    needed = [c for c, column in spec.columns.items() if column.required and c not in named]
    missing = [c for c in needed if c not in entry.cells]
    if missing:
        return Message(f"scenario.incomplete.{spec.noun}", missing=", ".join(missing), **said)
    return ""


def _hint(name: str, known: Any) -> str:
    close = difflib.get_close_matches(name, list(known), n=1)
    return Message("scenario.did_you_mean", name=close[0]) if close else ""


def _located(
    problem: Problem, file: str, touched: dict[tuple[str, int], Entry], names: dict[str, str]
) -> Problem:
    """A problem of the changed instance, told in terms of the scenario file that caused it."""
    part = {name: part for part, name in names.items()}.get(problem.file)
    entry = touched.get((part, problem.row))
    if entry is not None:
        message = Message("scenario.entry_problem", label=entry.label, message=problem.message)
        return Problem(file, message, entry.line, problem.column)
    if part == "settings":
        return Problem(file, problem.message, column=problem.column)
    return Problem(file, Message("scenario.with_changes", problem=problem))


# ---- sweeps: scenarios from --set KEY=VALUE,VALUE,... -----------------------------------------


def parse_sets(options: Sequence[str]) -> list[tuple[str, list[str]]]:
    """`KEY=V1,V2,...` options as (dotted settings key, value texts); bad ones as InputError."""
    sets: list[tuple[str, list[str]]] = []
    problems = []
    for option in options:
        key, sep, values = (part.strip() for part in option.partition("="))
        texts = [v.strip() for v in values.split(",")]
        if not sep or not key or not all(texts):
            problems.append(Problem("--set", Message("sweep.bad_set", option=option)))
        elif key in dict(sets):
            problems.append(Problem("--set", Message("sweep.set_twice", key=key)))
        else:
            sets.append((key, texts))
    if problems:
        raise InputError(problems)
    return sets


def setting_scenario(
    assignments: Sequence[tuple[str, str]], labels: Sequence[str] | None = None
) -> Scenario:
    """A scenario setting dotted keys to values written as text (a list's items joined by +).

    Its folder name is `label=value` joined by `_`, with `labels` for the keys (default the keys).
    """
    settings: dict[str, Any] = {}
    name = ", ".join(f"{key}={text}" for key, text in assignments)
    try:
        for key, text in assignments:
            put_setting(settings, key, _setting_value(key, text))
    except ValueError as error:
        raise InputError(Problem(f"--set {name}", error.args[0])) from None
    pairs = zip(labels or [key for key, _ in assignments], assignments, strict=True)
    stem = folder_name("_".join(f"{k}={t}" for k, (_, t) in pairs))
    return Scenario(name, f"--set {name}", stem, settings)


def folder_name(text: str) -> str:
    """`text` as the name of a run folder: safe characters only, never hidden, `.` or `..`."""
    return re.sub(r"[^A-Za-z0-9._=+-]", "-", text).lstrip(".") or "scenario"


def sweep_scenarios(raw: RawInstance, sets: list[tuple[str, list[str]]]) -> list[Scenario]:
    """One scenario per combination of the values; each value is first checked on its own."""
    problems = []
    for key, texts in sets:
        for text in texts:
            try:
                apply_scenario(raw, setting_scenario([(key, text)]))
            except InputError as error:
                problems += error.problems
    if problems:
        raise InputError(problems)
    keys = [key for key, _ in sets]
    last = [key.rsplit(".", 1)[-1] for key in keys]
    labels = [part if last.count(part) == 1 else key for key, part in zip(keys, last, strict=True)]
    combos = itertools.product(*(texts for _, texts in sets))
    return [setting_scenario(list(zip(keys, combo, strict=True)), labels) for combo in combos]


def _setting_value(key: str, text: str) -> Any:
    """A value as TOML reads it (0.5, 2026-01-01, true), else as text; lists split at +."""
    if is_list_setting(key):
        return [] if text == "[]" else [item.strip() for item in text.split("+") if item.strip()]
    try:
        return tomllib.loads(f"value = {text}")["value"]
    except tomllib.TOMLDecodeError:
        return text
