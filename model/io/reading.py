"""Read an instance from a folder or an .xlsx workbook, validate it, and write it back (`convert`).

The contract is docs/instance-format.md. Every cell goes through one converter, `_cell`, so
that every bad cell is reported with its file, row (as Excel numbers it: header = row 1) and column;
all problems of all files are collected and raised as one `InputError`.
"""

from __future__ import annotations

import codecs
import csv
import datetime as dt
import difflib
import io
import json
import math
import os
import re
import shutil
import tempfile
import tomllib
import typing
import zipfile
import zlib
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any
from warnings import catch_warnings, simplefilter
from xml.etree import ElementTree

import openpyxl
import pandas as pd
from openpyxl.styles import Font
from openpyxl.utils.exceptions import InvalidFileException
from pydantic import ValidationError

from model.core.errors import InputError, Problem, os_reason
from model.core.indicative import indicative_tasks
from model.core.instance import (
    DEAL_RULES,
    Instance,
    build_instance,
    centroids,
    reason_message,
    whole_km,
)
from model.core.settings import CONTROL, MAX_COUNT, SITE_KINDS, STATUSES, Settings
from model.io.folders import replace_folder
from model.lang import Listing, Message

SETTINGS_FILE, MUNICIPALITIES_FILE, SITES_FILE = "instance.toml", "municipalities.csv", "sites.csv"
DEALS_FILE = "deals.csv"
FILES = {
    "settings": SETTINGS_FILE,
    "municipalities": MUNICIPALITIES_FILE,
    "sites": SITES_FILE,
    "deals": DEALS_FILE,
}
"""The parts of an instance and their files in a folder; in a workbook the part is the sheet name."""
PARTS = tuple(FILES)
OPTIONAL_PARTS = ("deals",)
"""Parts an instance may leave out: no deals.csv (no sheet `deals`) means no locked deals."""
INSTANCE_FILES = frozenset(FILES.values())
"""The files `convert` writes into an instance folder: the only ones it replaces there."""

NUMBER = re.compile(r"[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?")
GROUPED = re.compile(r"[+-]?[1-9]\d{0,2}(\.\d{3})+(,\d*)?")
"""A number with `.` between groups of thousands, as a Dutch Excel writes it into a `;` file."""
DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
DUTCH_DATE = re.compile(r"(\d{1,2})-(\d{1,2})-(\d{4})")
"""1-7-2025 or 01-07-2025: day, month, year, as a Dutch Excel writes a date into a CSV file."""
SETTING_TYPES = {
    "date": "expect.date_iso",
    "int": "expect.whole",
    "float": "expect.number",
    "string": "expect.text",
    "model": "expect.table",
    "dict": "expect.table",
    "tuple": "expect.list",
    "list": "expect.list",
    "bool": "expect.true_false",
}
"""What a pydantic error type (by its first word) expects, in the words of the users (a key)."""
SETTING_BOUNDS = {
    "greater_than_equal": "expect.ge",
    "greater_than": "expect.gt",
    "less_than_equal": "expect.le",
    "less_than": "expect.lt",
    "finite_number": "expect.finite",
}
"""What a pydantic range error expects (a key; its ctx gives the bound)."""
RATIO_LIMIT = 3.0
"""Warn when a municipality's places per inhabitant are this many times off the median."""


@dataclass(frozen=True)
class Column:
    """What a column holds: kind "text", "int", "number" or "date", bounds or choices.

    `strict` makes both bounds exclusive (then both are given); `note` explains why a required
    column is required.
    """

    kind: str = "text"
    required: bool = False
    low: float | None = None
    high: float | None = None
    strict: bool = False
    choices: tuple[str, ...] = ()
    note: str = ""

    @property
    def expected(self) -> Message:
        if self.choices:
            return Message("expect.one_of", choices=", ".join(self.choices))
        names = {"text": "expect.text", "int": "expect.whole", "number": "expect.number"}
        what = Message(names.get(self.kind, "expect.date"))
        if self.strict:
            return Message("expect.between", what=what, low=self.low, high=self.high)
        if self.low is not None and self.high is not None:
            return Message("expect.range", what=what, low=self.low, high=self.high)
        if self.low is not None:
            return Message("expect.at_least", what=what, low=self.low)
        return what

    def admits(self, x: float) -> bool:
        below = self.low is not None and (x <= self.low if self.strict else x < self.low)
        above = self.high is not None and (x >= self.high if self.strict else x > self.high)
        return not (below or above)


COUNT = Column("int", low=0, high=MAX_COUNT)
"""A whole number from 0 to 10,000,000: tasks and places (beyond it a typo, not a model)."""
MUNICIPALITY_COLUMNS: dict[str, Column] = {
    "code": Column(required=True),
    "name": Column(required=True),
    "province": Column(required=True),
    "region": Column(),
    "population": replace(COUNT, required=True, low=1),
    "ses_woa": Column("number", low=-1, high=1, strict=True),
    "reception_task": COUNT,
    "amv_task": COUNT,
    "housing_task": COUNT,
    "housing_extra_max": COUNT,
    "ukraine_task": COUNT,
    "ukraine_extra_max": COUNT,
    "willing_extra": Column("number", low=0, high=MAX_COUNT),
    "max_site_size": replace(COUNT, low=1),
    "lat": Column("number", low=-90, high=90),
    "lon": Column("number", low=-180, high=180),
}
SITE_COLUMNS: dict[str, Column] = {
    "id": Column(required=True),
    "municipality": Column(required=True),
    "name": Column(),
    "kind": Column(required=True, choices=SITE_KINDS),
    "status": Column(required=True, choices=STATUSES),
    "min_places": replace(COUNT, required=True),
    "max_places": replace(COUNT, required=True),
    "available_from": Column("date"),
    "available_until": Column("date"),
    "cost_per_place": Column("number", low=0, high=MAX_COUNT),
    "realisation": Column("number", low=0, high=1),
}
DEAL_COLUMNS: dict[str, Column] = {
    "a": Column(required=True),
    "b": Column(required=True),
    "rule": Column(required=True, choices=DEAL_RULES),
}
DTYPES = {"int": "Int64", "number": "float64", "date": object}
INDICATIVE_COLUMNS = ("code", "name", "province", "population", "ses_woa")


@dataclass
class RawInstance:
    """An instance as written: settings as given (no defaults) and the validated, typed tables.

    The tables hold exactly the user's columns (unknown extra ones as text), blanks as missing
    values, index `row` = the row as Excel numbers it. `write_instance` writes this back losslessly.
    """

    settings_given: dict[str, Any]
    settings: Settings
    municipalities: pd.DataFrame
    sites: pd.DataFrame
    source: Path
    names: dict[str, str]
    warnings: list[Problem]
    deals: pd.DataFrame = field(default_factory=lambda: empty_table(DEAL_COLUMNS))
    """deals.csv as written (rule in lower case); no rows when the instance has none."""


@dataclass
class _Grid:
    """A table as found in a file: name shown to the user, header cells, (Excel row, cells) rows."""

    file: str
    header: list[Any]
    rows: list[tuple[int, list[Any]]]
    decimal_comma: bool
    header_row: int = 1


def read_instance(path: Path) -> Instance:
    """Read, validate and normalise the instance folder or workbook at `path`."""
    return instance_from_raw(read_raw(path))


def instance_from_raw(raw: RawInstance) -> Instance:
    """Normalise a checked `RawInstance` into an `Instance`, with the warnings of suspicious input."""
    instance = build_instance(
        raw.settings,
        _model_columns(raw.municipalities, MUNICIPALITY_COLUMNS),
        _model_columns(raw.sites, SITE_COLUMNS),
        source=raw.source,
        warnings=raw.warnings,
        deal_rules=raw.deals[list(DEAL_COLUMNS)],
    )
    instance.warnings += _suspicious(instance, raw)
    return instance


def read_raw(path: Path) -> RawInstance:
    """Read and check an instance folder or workbook as written; all problems in one InputError."""
    path = Path(path)
    problems: list[Problem] = []
    warnings: list[Problem] = []
    if path.is_dir():
        names = dict(FILES)
        given, setting_rows = _toml_settings(path / SETTINGS_FILE, problems), {}
        grids = {
            part: _csv_grid(path / names[part], problems, warnings, part in OPTIONAL_PARTS)
            for part in PARTS[1:]
        }
    elif path.is_file() and path.suffix.lower() == ".xlsx":
        names = {part: f"{path.name} [{part}]" for part in PARTS}
        with catch_warnings():
            simplefilter("ignore")  # openpyxl's asides: unsupported extensions, odd dates
            grids = _workbook_grids(path, names, problems)
        given, setting_rows = _sheet_settings(grids["settings"], problems)
    else:
        what = Message("read.not_an_instance")
        why = _not_a_file(path)
        plain = why is None or why.key == "file.not_regular"
        message = what if plain else Message("read.because", why=why, what=what)
        raise InputError(Problem(str(path), message))
    return _checked(given, setting_rows, grids, names, path, problems, warnings)


def check_tables(
    given: dict[str, Any], tables: dict[str, pd.DataFrame], base: RawInstance
) -> RawInstance:
    """Check settings and tables changed in memory (a scenario) exactly as `read_raw` checks files.

    `tables` holds municipalities, sites and deals. Every cell goes through the same converter as
    a file's cells; `base` gives the file names, the source and the warnings of reading. Problems
    name the files of `base`.
    """
    grids = {part: _frame_grid(base.names[part], tables[part]) for part in PARTS[1:]}
    return _checked(given, {}, grids, base.names, base.source, [], list(base.warnings))


def _frame_grid(file: str, frame: pd.DataFrame) -> _Grid:
    """A table back as the cells of a file: plain Python values, None for blanks."""
    rows = frame.itertuples(index=True, name=None)
    cells = [(int(row), [_python(v) for v in values]) for row, *values in rows]
    return _Grid(file, list(frame.columns), cells, False)


def _checked(
    given: dict[str, Any] | None,
    setting_rows: dict[str, int],
    grids: dict[str, _Grid | None],
    names: dict[str, str],
    source: Path,
    problems: list[Problem],
    warnings: list[Problem],
) -> RawInstance:
    """Settings and typed tables from what was read, checked across rows and files."""
    settings = None
    if given is not None:
        settings = _validated_settings(given, names["settings"], setting_rows, problems)
    m_grid, s_grid, d_grid = grids["municipalities"], grids["sites"], grids["deals"]
    municipalities = sites = None
    deals = empty_table(DEAL_COLUMNS)
    if m_grid is not None:
        municipalities = _table(m_grid, _municipality_columns(m_grid, given), problems)
    if municipalities is not None:
        _check_municipalities(municipalities, names, given, settings, problems)
    if s_grid is not None:
        sites = _table(s_grid, SITE_COLUMNS, problems)
    if sites is not None:
        _check_sites(sites, municipalities, names, problems)
    if d_grid is not None:
        deals = _table(d_grid, DEAL_COLUMNS, problems)
    if deals is not None:
        _check_deals(deals, municipalities, names, settings, problems)
    tables = {"municipalities": municipalities, "sites": sites, "deals": deals}
    _check_notes(settings, tables, names, setting_rows, problems)
    if problems:
        rank = {name: i for i, name in enumerate(names.values())}
        raise InputError(sorted(problems, key=lambda p: (rank.get(p.file, -1), p.row or 0)))
    return RawInstance(given or {}, settings, municipalities, sites, source, names, warnings, deals)


def indicative_table(raw: RawInstance) -> pd.DataFrame:
    """The indicative distribution (model.md) from [forecast], whatever tasks the file gives."""
    forecast = raw.settings.forecast
    missing = [key for key in ("reception", "amv") if getattr(forecast, key) is None]
    if missing:
        raise InputError(
            [
                Problem(raw.names["settings"], Message("read.forecast_for_indicative", key=key))
                for key in missing
            ]
        )
    m = raw.municipalities
    table = pd.DataFrame({c: m[c] if c in m else None for c in INDICATIVE_COLUMNS})
    table["ses_woa"] = table["ses_woa"].astype(float).fillna(0.0)
    table["reception_task"], table["amv_task"] = indicative_tasks(
        list(table["code"]),
        [int(p) for p in table["population"]],
        list(table["ses_woa"]),
        forecast.reception,
        forecast.amv,
    )
    return table.reset_index(drop=True)


def write_instance(raw: RawInstance, dest: Path, *, force: bool = False) -> None:
    """Write `raw` as a workbook (`dest` ends in .xlsx) or else as a folder.

    An existing `dest` is replaced only with `force`: a workbook as a whole (written beside it,
    then moved into place), an instance folder file by file (only INSTANCE_FILES: its README and
    scenarios stay, model/io/folders.py). Never a folder of other files, nor the source itself.
    """
    dest = Path(dest)
    if dest.exists() and not force:
        raise InputError(Problem(str(dest), Message("convert.exists")))
    if dest.exists() and not _replaceable(dest):
        raise InputError(Problem(str(dest), Message("convert.not_replaceable")))
    if dest.exists() and dest.resolve() == Path(raw.source).resolve():
        raise InputError(Problem(str(dest), Message("convert.is_source")))
    if dest.suffix.lower() != ".xlsx":
        replace_folder(
            dest, lambda folder: _write_folder(raw, folder), SETTINGS_FILE, INSTANCE_FILES
        )
        return
    try:
        dest.parent.mkdir(parents=True, exist_ok=True)
        work = Path(tempfile.mkdtemp(prefix=f".{dest.name}.", dir=dest.parent))
        try:
            _write_workbook(raw, work / dest.name)
            os.replace(work / dest.name, dest)
        finally:
            shutil.rmtree(work, ignore_errors=True)
    except OSError as error:
        message = Message("file.unwritable", error=os_reason(error))
        raise InputError(Problem(str(dest), message)) from None


def _replaceable(dest: Path) -> bool:
    """A workbook, an instance folder or an empty folder: what --force may replace."""
    if dest.is_dir():
        return (dest / SETTINGS_FILE).is_file() or not any(dest.iterdir())
    return dest.suffix.lower() == ".xlsx"


FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
"""A text cell starting with one of these is run as a formula by a spreadsheet (OWASP, "CSV
Injection"); written into an output CSV file it gets a leading `'`."""


def escaped(value: Any) -> Any:
    """A text that a spreadsheet would run as a formula, with a leading `'`; other values as given.

    Texts that already start with `'` before such a character get one more, so that `unescaped`
    gives back exactly what was written.
    """
    if isinstance(value, str) and value.lstrip("'").startswith(FORMULA_START):
        return "'" + value
    return value


def unescaped(text: str) -> str:
    """The text `escaped` was given: one leading `'` off a text that needed it."""
    return text[1:] if text.startswith("'") and escaped(text[1:]) == text else text


def csv_text(frame: pd.DataFrame, escape_formulas: bool = True) -> str:
    """`frame` without its index as plain CSV: `,` delimiter, `.` decimals, blanks for missing.

    Text a spreadsheet would run as a formula is `escaped`, unless `escape_formulas` is False
    (an instance written back by `convert`, which must read back as it was).
    """
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(map(escaped, frame.columns) if escape_formulas else frame.columns)
    rows = frame.itertuples(index=False, name=None)
    if escape_formulas:
        writer.writerows([_plain(escaped(v)) for v in row] for row in rows)
    else:
        writer.writerows([_plain(v) for v in row] for row in rows)
    return buffer.getvalue()


def write_csv(frame: pd.DataFrame, path: Path, escape_formulas: bool = True) -> None:
    """Write `frame` as a UTF-8 CSV file via a temporary file, so it is never half-written."""
    path = Path(path)
    temporary = path.with_name(f".{path.name}.tmp")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        temporary.write_text(csv_text(frame, escape_formulas), encoding="utf-8")
        os.replace(temporary, path)
    except OSError as error:
        temporary.unlink(missing_ok=True)
        message = Message("file.unwritable", error=os_reason(error))
        raise InputError(Problem(str(path), message)) from None


# ---- reading files into grids and settings ----------------------------------------------------


def _not_a_file(path: Path) -> Message | None:
    """Why `path` cannot be read as a file, or None when it is a regular file."""
    if path.is_file():
        return None
    if path.is_symlink():
        return Message("file.dangling_link")
    if path.is_dir():
        return Message("file.is_folder")
    if path.exists():
        return Message("file.not_regular")
    return Message("file.not_found")


def _file_bytes(path: Path, problems: list[Problem], optional: bool = False) -> bytes | None:
    """The bytes of a file of an instance folder, or None with the reason in `problems`.

    An `optional` file that does not exist is no problem (None, and nothing in `problems`).
    """
    why = _not_a_file(path)
    missing = why is not None and why.key == "file.not_found"
    if missing and optional:
        return None
    if why is not None:
        problems.append(Problem(path.name, Message("file.required_missing") if missing else why))
        return None
    try:
        return path.read_bytes()
    except OSError as error:
        problems.append(Problem(path.name, Message("file.unreadable", error=os_reason(error))))
        return None


def _wide_encoding(data: bytes) -> str | None:
    """ "UTF-16" or "UTF-32" when `data` is text in a wide encoding (Excel's "Unicode text")."""
    if data.startswith((codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)):
        return "UTF-32"
    start = data[:4096]
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)) or 4 * start.count(0) > len(
        start
    ):
        return "UTF-16"  # without a byte order mark: every other byte of Latin text is 0
    return None


def _csv_grid(
    path: Path, problems: list[Problem], warnings: list[Problem], optional: bool = False
) -> _Grid | None:
    """Decode a CSV file (UTF-8, else Windows-1252), detect `,` or `;` from its header line.

    None when the file cannot be read (the reason in `problems`) or is `optional` and absent.
    """
    data = _file_bytes(path, problems, optional)
    if data is None:
        return None
    wide = _wide_encoding(data)
    if wide:
        problems.append(Problem(path.name, Message("read.wide_csv", encoding=wide)))
        return None
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        try:
            text = data.decode("cp1252")
        except UnicodeDecodeError:
            problems.append(Problem(path.name, Message("read.bad_encoding")))
            return None
        warnings.append(Problem(path.name, Message("read.windows_1252")))
    first = next((line for line in text.splitlines() if line.strip()), "")
    delimiter = ";" if first.count(";") > first.count(",") else ","
    records = _csv_records(text, delimiter, path.name, problems)
    if records is None:
        return None
    return _grid(path.name, enumerate(records, start=1), delimiter == ";", problems)


def _csv_records(
    text: str, delimiter: str, file: str, problems: list[Problem]
) -> list[list[str]] | None:
    """The records of a CSV text; a quote that is never closed is a problem, not a huge cell.

    Read strictly first; a stray quote inside a cell (`12" scherm`) is then read leniently, as
    Excel reads it.
    """
    reader = csv.reader(io.StringIO(text, newline=None), delimiter=delimiter, strict=True)
    records: list[list[str]] = []
    try:
        records.extend(reader)
    except csv.Error as error:
        if "unexpected end of data" in str(error):
            problems.append(Problem(file, Message("read.open_quote"), len(records) + 1))
            return None
        return list(csv.reader(io.StringIO(text, newline=None), delimiter=delimiter))
    return records


WORKBOOK_ERRORS = (
    InvalidFileException,
    zipfile.BadZipFile,
    zlib.error,
    ElementTree.ParseError,
    KeyError,
    ValueError,
    TypeError,
    IndexError,
    OverflowError,
    EOFError,
    OSError,
)
"""What openpyxl raises on a damaged workbook: a bad zip, bad deflate data, malformed XML, missing
parts or values it cannot convert (a date cell beyond year 9999)."""


UNCOMPUTED = "read.uncomputed"
"""The message of a formula without its computed value (it takes the formula)."""


@dataclass(frozen=True)
class Uncomputed:
    """A formula cell without the value Excel computes for it (a script wrote it, not Excel)."""

    formula: str

    def __str__(self) -> str:
        return str(self.formula)


def _workbook_grids(
    path: Path, names: dict[str, str], problems: list[Problem]
) -> dict[str, _Grid | None]:
    """One grid per part (names ignore case and blanks); an optional part may have no sheet.

    Read-only mode (fast and lean on big workbooks), with the values Excel last computed; a sheet
    with formulas is read a second time for those. Two sheets that could both be the one asked
    for are refused rather than one of them silently chosen.
    """
    workbooks: list[Any] = []
    try:
        workbooks.append(openpyxl.load_workbook(path, read_only=True, data_only=False))
        sheets: dict[str, list[str]] = {}
        for sheet in workbooks[0].worksheets:
            sheets.setdefault(sheet.title.strip().lower(), []).append(sheet.title)
        grids: dict[str, _Grid | None] = {}
        for part in PARTS:
            titles = sheets.get(part, [])
            grids[part] = None
            if not titles:
                if part not in OPTIONAL_PARTS:
                    problems.append(Problem(path.name, Message("read.sheet_missing", part=part)))
            elif len(titles) > 1:
                listed = Listing([f"'{title}'" for title in titles], "word.and")
                message = Message("read.sheets_alike", sheets=listed, part=part)
                problems.append(Problem(path.name, message))
            else:
                rows = _sheet_rows(path, titles[0], names[part], workbooks)
                grids[part] = _grid(names[part], enumerate(rows, start=1), False, problems)
        return grids
    except WORKBOOK_ERRORS as error:
        message = Message("read.bad_workbook", damage=_damage(error))
        raise InputError(Problem(path.name, message)) from None
    finally:
        for workbook in workbooks:
            workbook.close()


def _sheet_rows(path: Path, title: str, file: str, workbooks: list[Any]) -> list[list[Any]]:
    """A sheet's cell values from row 1 on; a formula holds its computed value, or `Uncomputed`.

    `workbooks` holds the workbook with formulas and, once a sheet needs it, the one with values.
    Damage found while reading a row is an InputError naming that row.
    """
    sheet = workbooks[0][title]
    sheet.reset_dimensions()  # read every row, whatever size the file claims
    rows: list[list[Any]] = []
    formulas = []
    try:
        for r, cells in enumerate(sheet.iter_rows()):
            rows.append([cell.value for cell in cells])
            formulas += [(r, c) for c, cell in enumerate(cells) if cell.data_type == "f"]
        if not formulas:
            return rows
        if len(workbooks) == 1:
            workbooks.append(openpyxl.load_workbook(path, read_only=True, data_only=True))
        values = workbooks[1][title]
        values.reset_dimensions()
        computed = [list(cells) for cells in values.iter_rows(values_only=True)]
    except WORKBOOK_ERRORS as error:
        message = Message("file.unreadable", error=_damage(error))
        raise InputError(Problem(file, message, len(rows) + 1)) from None
    for r, c in formulas:
        value = _at(computed[r], c) if r < len(computed) else None
        rows[r][c] = Uncomputed(rows[r][c]) if value is None else value
    return rows


def _damage(error: Exception) -> str:
    """What openpyxl's error says about the file, in the words of the users where we can."""
    if isinstance(error, OSError) and error.strerror:
        return os_reason(error)
    bad_number = re.fullmatch(r"invalid literal for int\(\) with base 10: (.*)", str(error))
    if bad_number:
        return Message("read.bad_number_cell", value=bad_number[1])
    return str(error) or type(error).__name__


def _grid(
    file: str,
    records: Iterable[tuple[int, list[Any]]],
    decimal_comma: bool,
    problems: list[Problem],
) -> _Grid | None:
    """Split numbered records into the header (first non-blank record) and the rows below it."""
    filled = [(row, cells) for row, cells in records if not _blank_row(cells)]
    if not filled:
        problems.append(Problem(file, Message("read.empty")))
        return None
    return _Grid(file, filled[0][1], filled[1:], decimal_comma, filled[0][0])


def _toml_settings(path: Path, problems: list[Problem]) -> dict[str, Any] | None:
    data = _file_bytes(path, problems)
    if data is None:
        return None
    try:
        return toml_tree(data, path.name)
    except InputError as error:
        problems += error.problems
        return None


DECIMAL_COMMA = re.compile(r"=\s*[{\[]?\s*([+-]?\d+,\d+)\s*(?:[#}\]]|$)")
"""`ukraine = 0,5`: a Dutch decimal comma where TOML needs a decimal point."""


def toml_tree(data: bytes, file: str) -> dict[str, Any]:
    """The TOML file `data` (UTF-8) as a dict; what is not valid TOML is an InputError.

    A decimal comma (`0,5`), the usual cause for Dutch users, gets its own hint per line.
    """
    wide = _wide_encoding(data)
    if wide:
        raise InputError(Problem(file, Message("read.wide_toml", encoding=wide)))
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        raise InputError(Problem(file, Message("read.toml_not_utf8", line=line))) from None
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        commas = [
            Problem(
                file,
                Message(
                    "read.toml_decimal_comma",
                    line=n,
                    point=found[1].replace(",", "."),
                    comma=found[1],
                ),
            )
            for n, line in enumerate(text.splitlines(), start=1)
            if (found := DECIMAL_COMMA.search(line.split("#")[0].rstrip()))
        ]
        message = Message("read.bad_toml", error=str(error))
        raise InputError(commas or Problem(file, message)) from None


def _sheet_settings(
    grid: _Grid | None, problems: list[Problem]
) -> tuple[dict[str, Any] | None, dict[str, int]]:
    """Settings from a key,value sheet: the nested dict as TOML would give it, and key -> row.

    A blank value means "not given" (the default applies); list settings are comma separated,
    `[]` is the empty list.
    """
    if grid is None:
        return None, {}
    header = [_text(cell).lower() for cell in grid.header]
    if "key" not in header or "value" not in header:
        problems.append(Problem(grid.file, Message("read.settings_header"), row=1))
        return None, {}
    given: dict[str, Any] = {}
    rows: dict[str, int] = {}
    key_at, value_at = header.index("key"), header.index("value")
    for row, cells in grid.rows:
        key, value = _text(_at(cells, key_at)), _at(cells, value_at)
        if not key:
            problems.append(Problem(grid.file, Message("read.no_key"), row, "key"))
            continue
        if _blank(value):
            continue
        if key in rows:
            message = Message("read.key_twice", key=key, row=rows[key])
            problems.append(Problem(grid.file, message, row, "key"))
            continue
        rows[key] = row
        if isinstance(value, Uncomputed):
            message = Message(UNCOMPUTED, formula=str(value))
            problems.append(Problem(grid.file, message, row, "value"))
            continue
        try:
            put_setting(given, key, _setting_value(key, value))
        except ValueError as error:
            problems.append(Problem(grid.file, error.args[0], row, "key"))
    return given, rows


def _setting_value(key: str, value: Any) -> Any:
    """A settings-sheet cell as TOML would give it: lists split at commas, dates as dates.

    A date setting may also be text, YYYY-MM-DD or DD-MM-YYYY.
    """
    if is_list_setting(key):
        text = _text(value)
        return [] if text == "[]" else [part.strip() for part in text.split(",") if part.strip()]
    if isinstance(value, dt.datetime) and value.time() == dt.time():
        return value.date()
    if isinstance(value, str) and _setting_type(key.split(".")) is dt.date:
        return _date(value.strip()) or value.strip()
    return value.strip() if isinstance(value, str) else value


def _date(text: str) -> dt.date | None:
    """A date written YYYY-MM-DD, DD-MM-YYYY or D-M-YYYY; None when it is none of them."""
    dutch = DUTCH_DATE.fullmatch(text)
    try:
        if dutch:
            day, month, year = map(int, dutch.groups())
            return dt.date(year, month, day)
        return dt.date.fromisoformat(text) if DATE.fullmatch(text) else None
    except ValueError:
        return None


def is_list_setting(key: str) -> bool:
    """Whether the dotted `key` names a list in Settings (e.g. rules.transferable)."""
    return typing.get_origin(_setting_type(key.split("."))) is tuple


def _setting_type(path: list[str]) -> Any:
    """The type of the setting at `path` (a pydantic model for a table), None when unknown."""
    node: Any = Settings
    for part in path:
        fields = getattr(node, "model_fields", {})
        if part not in fields:
            return None
        node = fields[part].annotation
    return node


def setting_path(key: str) -> list[str]:
    """The parts of a dotted settings key; below a setting that is a table of free keys
    (`meta.notes`) the rest is one key: "meta.notes.sites.max_places" is meta, notes and
    "sites.max_places"."""
    parts = key.split(".")
    node: Any = Settings
    for n, part in enumerate(parts):
        fields = getattr(node, "model_fields", {})
        if part not in fields:
            break
        node = fields[part].annotation
        if typing.get_origin(node) is dict:
            return [*parts[: n + 1], ".".join(parts[n + 1 :])]
    return parts


def put_setting(tree: dict[str, Any], key: str, value: Any) -> None:
    """Set `tree[a][b][c] = value` for key "a.b.c" (split by `setting_path`)."""
    *path, last = setting_path(key)
    if not all(setting_path(key)):
        raise ValueError(Message("read.malformed_key", key=key))
    for part in path:
        tree = tree.setdefault(part, {})
        if not isinstance(tree, dict):
            raise ValueError(Message("read.key_conflict", key=key, part=part))
    if last in tree:
        raise ValueError(Message("read.key_conflict_below", key=key))
    tree[last] = value


def _validated_settings(
    given: dict[str, Any], file: str, rows: dict[str, int], problems: list[Problem]
) -> Settings | None:
    """Settings from the given dict, or None with one Problem per pydantic error."""
    try:
        return Settings.model_validate(given)
    except ValidationError as error:
        for detail in error.errors():
            key = ".".join(str(part) for part in detail["loc"] if not isinstance(part, int))
            row = rows.get(key) or next(
                (r for k, r in rows.items() if k.startswith(key + ".")), None
            )
            message = Message("settings.problem", key=key, message=_setting_message(detail))
            problems.append(Problem(file, message, row, "value" if row else None))
        return None


def _setting_message(detail: Any) -> Message:
    """A pydantic error in the words of docs/instance-format.md."""
    kind = detail["type"]
    if kind == "extra_forbidden":
        *table, name = (str(part) for part in detail["loc"])
        known = getattr(_setting_type(table), "model_fields", {})
        close = difflib.get_close_matches(name, known, n=1)
        if close:
            return Message("settings.unknown_like", like=".".join([*table, close[0]]))
        return Message("settings.unknown")
    if kind == "missing":
        return Message("settings.missing")
    if kind == "value_error":
        error = detail.get("ctx", {}).get("error")
        return error.args[0] if isinstance(error, ValueError) else detail["msg"]
    if kind in SETTING_BOUNDS:
        bound = {k: _shown(v) for k, v in detail.get("ctx", {}).items()}
        expected = Message(SETTING_BOUNDS[kind], **bound)
    elif kind == "literal_error":
        choices = re.findall(r"'[^']*'", detail.get("ctx", {}).get("expected", ""))
        expected = Listing(choices, "word.or")
    elif kind.split("_")[0] in SETTING_TYPES:
        expected = Message(SETTING_TYPES[kind.split("_")[0]])
    else:
        expected = Message("expect.other")
    return Message("settings.expected", expected=expected, got=_shown(detail["input"]))


def _shown(value: Any) -> Any:
    """A value in a message: numbers and dates as they are (a message shows them as its language
    writes them, `{value:n}`), other values as Python writes them ('text', True)."""
    if isinstance(value, int | float | dt.date) and not isinstance(value, bool):
        return value
    return repr(value)


# ---- cells and tables -------------------------------------------------------------------------


def _text(value: Any) -> str:
    """A cell as stripped text; whole floats without `.0`, midnight datetimes as dates."""
    if value is None:
        return ""
    if isinstance(value, dt.datetime) and value.time() == dt.time():
        value = value.date()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def _blank(value: Any) -> bool:
    return _text(value) == ""


def _blank_row(cells: list[Any]) -> bool:
    return all(_blank(cell) for cell in cells)


def _at(cells: list[Any], position: int) -> Any:
    return cells[position] if position < len(cells) else None


def _cell(value: Any, column: Column, decimal_comma: bool) -> Any:
    """One cell as its typed value, None when blank; ValueError says what is expected.

    With `decimal_comma` (a `;` file) "1.234,5" is 1234.5; a lone "." is a decimal point ("0.12").
    """
    if isinstance(value, Uncomputed):
        raise ValueError(Message(UNCOMPUTED, formula=str(value)))
    if _blank(value):
        if column.required:
            raise ValueError(Message("cell.blank", expected=column.expected, note=column.note))
        return None
    text = _text(value)
    if CONTROL.search(text):
        raise ValueError(Message("cell.control", text=repr(text)))
    bad = ValueError(Message("cell.bad", expected=column.expected, text=text))
    if column.kind == "text":
        if column.choices and text.lower() not in column.choices:
            raise bad
        return text.lower() if column.choices else text
    if column.kind == "date":
        if isinstance(value, dt.date):
            return value.date() if isinstance(value, dt.datetime) else value
        date = _date(text)
        if date is None:
            raise bad
        return date
    number: Any = value
    if isinstance(value, str):
        plain = text
        if decimal_comma:
            plain = (text.replace(".", "") if GROUPED.fullmatch(text) else text).replace(",", ".")
        number = float(plain) if NUMBER.fullmatch(plain) else None
    whole = isinstance(number, int) or (isinstance(number, float) and number.is_integer())
    if (
        not isinstance(number, int | float)
        or isinstance(number, bool)
        or not math.isfinite(number)
        or (column.kind == "int" and not whole)
        or not column.admits(number)
    ):
        if decimal_comma and isinstance(value, str) and GROUPED.fullmatch(text) and "," not in text:
            raise ValueError(Message("cell.bad_grouped", expected=column.expected, text=text))
        raise bad
    return int(number) if column.kind == "int" else float(number)


def _table(grid: _Grid, columns: dict[str, Column], problems: list[Problem]) -> pd.DataFrame | None:
    """The typed frame of a grid: known columns through `_cell`, extra columns kept as text.

    Column names are matched case-insensitively and stripped; the index is the Excel row. None
    when the first row is not a header (no known column name in it).
    """
    names = [_text(cell) for cell in grid.header]
    if not any(name.lower() in columns for name in names):
        required = ", ".join(name for name, column in columns.items() if column.required)
        message = Message("read.no_header", required=required)
        problems.append(Problem(grid.file, message, grid.header_row))
        return None
    kept: dict[str, int] = {}
    for position, name in enumerate(names):
        known = name.lower() if name.lower() in columns else name
        if CONTROL.search(name):
            message = Message("read.column_control", position=position + 1, name=repr(name))
            problems.append(Problem(grid.file, message))
        elif not name:
            if any(not _blank(_at(cells, position)) for _, cells in grid.rows):
                message = Message("read.column_unnamed", position=position + 1)
                problems.append(Problem(grid.file, message))
        elif known.lower() in (k.lower() for k in kept):
            problems.append(Problem(grid.file, Message("read.column_twice"), column=name))
        else:
            kept[known] = position
    for name, column in columns.items():
        if column.required and name not in kept:
            message = Message("read.column_missing", note=column.note)
            problems.append(Problem(grid.file, message, column=name))
    index = pd.Index([row for row, _ in grid.rows], name="row", dtype="int64")
    data = {}
    for name, position in kept.items():
        column = columns.get(name, Column())
        values = []
        for row, cells in grid.rows:
            try:
                values.append(_cell(_at(cells, position), column, grid.decimal_comma))
            except ValueError as error:
                problems.append(Problem(grid.file, error.args[0], row, name))
                values.append(None)
        data[name] = pd.Series(values, index=index, dtype=DTYPES.get(column.kind))
    for row, cells in grid.rows:
        if not _blank_row(cells[len(names) :]):
            problems.append(Problem(grid.file, Message("read.too_many_cells"), row))
    return pd.DataFrame(data, index=index)


def empty_table(columns: dict[str, Column]) -> pd.DataFrame:
    """A table of `columns` without rows, as `_table` reads a file that has only its header."""
    index = pd.Index([], name="row", dtype="int64")
    data = {
        name: pd.Series([], index=index, dtype=DTYPES.get(c.kind)) for name, c in columns.items()
    }
    return pd.DataFrame(data, index=index)


def _model_columns(frame: pd.DataFrame, columns: dict[str, Column]) -> pd.DataFrame:
    """Only the columns the model knows; optional ones left blank on every row count as absent."""
    return frame[
        [c for c in frame if c in columns and (columns[c].required or frame[c].notna().any())]
    ]


# ---- checks across rows and files ------------------------------------------------------------


def _municipality_columns(grid: _Grid, given: dict[str, Any] | None) -> dict[str, Column]:
    """Columns of municipalities.csv: region required under region scope, tasks all-or-none."""
    columns = dict(MUNICIPALITY_COLUMNS)
    if _lookup(given, "rules.exchange_scope") == "region":
        note = Message("note.region_scope")
        columns["region"] = replace(columns["region"], required=True, note=note)
    header = [_text(cell).lower() for cell in grid.header]
    for name in ("reception_task", "amv_task"):
        if name in header and any(not _blank(_at(c, header.index(name))) for _, c in grid.rows):
            note = Message("note.tasks_all_or_none")
            columns[name] = replace(columns[name], required=True, note=note)
    return columns


def _check_municipalities(
    m: pd.DataFrame,
    names: dict[str, str],
    given: dict[str, Any] | None,
    settings: Settings | None,
    problems: list[Problem],
) -> None:
    """Unique codes, amv_task <= reception_task, lat and lon together, and a [forecast] for the
    tasks not given.

    `given` is None when the settings could not be read at all; then [forecast] is not checked.
    """
    file, settings_file = names["municipalities"], names["settings"]
    if m.empty:
        problems.append(Problem(file, Message("read.no_municipalities")))
    _unique(m, "code", file, problems)
    _ordered(m, file, "amv_task", "reception_task", problems)
    _paired(m, file, ("lat", "lon"), problems)
    reception, amv = (c in m and m[c].notna().any() for c in ("reception_task", "amv_task"))
    if amv and not reception:
        problems.append(Problem(file, Message("read.amv_without_reception"), column="amv_task"))
    for key, given_in_file in (("reception", reception), ("amv", amv)):
        if given is not None and not given_in_file and _lookup(given, f"forecast.{key}") is None:
            problems.append(
                Problem(settings_file, Message("read.forecast_missing", key=key, file=file))
            )
    forecast = settings.forecast if settings else None
    if forecast is None or forecast.amv is None:
        return
    pool = int(m["reception_task"].sum()) if reception and not amv else forecast.reception
    if pool is not None and forecast.amv > pool:
        problems.append(
            Problem(
                settings_file, Message("read.forecast_amv_too_large", amv=forecast.amv, pool=pool)
            )
        )


def _check_sites(
    s: pd.DataFrame,
    municipalities: pd.DataFrame | None,
    names: dict[str, str],
    problems: list[Problem],
) -> None:
    """Unique ids, known municipalities, min_places <= max_places, available_from < until."""
    file = names["sites"]
    _unique(s, "id", file, problems)
    _ordered(s, file, "min_places", "max_places", problems)
    _ordered(s, file, "available_from", "available_until", problems, strict=True)
    if municipalities is None or "code" not in municipalities or "municipality" not in s:
        return
    codes = set(municipalities["code"].dropna())
    for row, code in s["municipality"].items():
        if pd.notna(code) and code not in codes:
            problems.append(
                Problem(
                    file,
                    Message("read.unknown_municipality", code=code, file=names["municipalities"]),
                    row,
                    "municipality",
                )
            )


def _paired(
    frame: pd.DataFrame, file: str, columns: tuple[str, str], problems: list[Problem]
) -> None:
    """Complain on rows where one of two columns that go together is filled and the other blank.

    A cell already refused (a bad number) is not blamed a second time.
    """
    refused = {(p.row, p.column) for p in problems if p.file == file}
    first, second = (frame.get(c, pd.Series(None, frame.index)) for c in columns)
    for row, x, y in zip(frame.index, first, second, strict=True):
        blank = [c for c, v in zip(columns, (x, y), strict=True) if pd.isna(v)]
        if len(blank) == 1 and not any((row, c) in refused for c in columns):
            message = Message(
                "read.go_together", columns=Listing(columns, "word.and"), blank=blank[0]
            )
            problems.append(Problem(file, message, row, blank[0]))


def _check_deals(
    d: pd.DataFrame,
    municipalities: pd.DataFrame | None,
    names: dict[str, str],
    settings: Settings | None,
    problems: list[Problem],
) -> None:
    """Rows of deals.csv: two different known municipalities, each pair once (in either order),
    and `require` only for deals the rules allow, at most max_deals_per_municipality per
    municipality (docs/model.md, "Deals").

    `municipalities` or `settings` is None when unreadable; what depends on it is not checked.
    """
    if any(column not in d for column in DEAL_COLUMNS):
        return
    file, places = names["deals"], _places(municipalities)
    first: dict[tuple[str, str], int] = {}
    required: dict[str, list[int]] = {}
    for row, a, b, rule in d[list(DEAL_COLUMNS)].itertuples(name=None):
        if pd.isna(a) or pd.isna(b):
            continue
        found = _pair_problems(row, a, b, places, first, names)
        if not found and rule == "require" and places is not None and settings is not None:
            why = _not_allowed(a, b, places, settings, names["municipalities"])
            if why:
                message = Message("read.required_not_allowed", a=a, b=b, why=why)
                found = [Problem(file, message, row, "rule")]
            else:
                required.setdefault(a, []).append(row)
                required.setdefault(b, []).append(row)
        problems += found
    limit = settings.rules.max_deals_per_municipality if settings else 0
    for code, rows in required.items():
        if 0 < limit < len(rows):
            message = Message(
                "read.too_many_required",
                code=code,
                n=len(rows),
                rows=", ".join(map(str, rows)),
                limit=limit,
            )
            problems.append(Problem(file, message, rows[limit], "rule"))


def _check_notes(
    settings: Settings | None,
    tables: dict[str, pd.DataFrame | None],
    names: dict[str, str],
    setting_rows: dict[str, int],
    problems: list[Problem],
) -> None:
    """Every note of `[meta.notes]` is about a column that its table has (a typo would leave the
    note unseen beside the wrong column). Tables that could not be read are not checked."""
    for key in settings.meta.notes if settings else ():
        part, _, column = key.partition(".")
        table = tables[part]
        if table is None or column.lower() in (c.lower() for c in table.columns):
            continue
        close = difflib.get_close_matches(column, list(table.columns), n=1)
        hint = f": did you mean '{part}.{close[0]}'?" if close else ""
        message = f"setting 'meta.notes.{key}': {names[part]} has no column '{column}'{hint}"
        row = setting_rows.get(f"meta.notes.{key}")
        problems.append(Problem(names["settings"], message, row, "value" if row else None))


def _pair_problems(
    row: int,
    a: str,
    b: str,
    places: dict[str, _Place] | None,
    first: dict[tuple[str, str], int],
    names: dict[str, str],
) -> list[Problem]:
    """A row's a and b: known codes (when `places` is known), different, a pair not seen before
    (`first`: pair -> row, updated)."""
    file = names["deals"]
    unknown = [c for c, code in (("a", a), ("b", b)) if places is not None and code not in places]
    if unknown:
        return [
            Problem(
                file,
                Message(
                    "read.unknown_municipality",
                    code=a if c == "a" else b,
                    file=names["municipalities"],
                ),
                row,
                c,
            )
            for c in unknown
        ]
    if a == b:
        return [Problem(file, Message("read.deal_with_itself", code=a), row, "b")]
    pair = (min(a, b), max(a, b))
    if pair in first:
        message = Message("read.pair_twice", a=pair[0], b=pair[1], row=first[pair])
        return [Problem(file, message, row, "a")]
    first[pair] = row
    return []


@dataclass(frozen=True)
class _Place:
    """Where a municipality is, as far as deals are concerned."""

    province: Any
    region: Any
    lat: float
    lon: float


def _places(municipalities: pd.DataFrame | None) -> dict[str, _Place] | None:
    """Province, region and centroid (given, else shipped) by code; None when unreadable."""
    if municipalities is None or "code" not in municipalities or "province" not in municipalities:
        return None
    m = municipalities.dropna(subset=["code"]).drop_duplicates("code").set_index("code")
    where = centroids(m)
    regions = m.get("region", pd.Series(None, m.index))
    return {
        code: _Place(
            m.at[code, "province"], regions[code], where.at[code, "lat"], where.at[code, "lon"]
        )
        for code in m.index
    }


def _not_allowed(a: str, b: str, places: dict[str, _Place], settings: Settings, m_file: str) -> str:
    """Why the rules never let a and b deal, with the fix; "" when they may.

    Mirrors `Instance.may_deal` (forbidden pairs aside), in words.
    """
    rules, pa, pb = settings.rules, places[a], places[b]
    if rules.exchange_scope == "none":
        return Message("deal.scope_none")
    if pa.province != pb.province:
        return Message("deal.other_province", a=a, b=b, pa=pa.province, pb=pb.province)
    if rules.exchange_scope == "region" and pa.region != pb.region:
        return Message("deal.other_region", a=a, b=b, ra=pa.region, rb=pb.region)
    limit = rules.max_distance_km
    if limit <= 0:
        return ""
    km = whole_km(pa.lat, pa.lon, pb.lat, pb.lon)
    if km is None:
        unknown = Listing(
            [c for c in (a, b) if pd.isna(places[c].lat) or pd.isna(places[c].lon)], "word.and"
        )
        return Message("deal.distance_unknown", unknown=unknown, limit=limit, file=m_file)
    if km > limit:
        return Message("deal.too_far", km=km, limit=limit)
    return ""


def _unique(frame: pd.DataFrame, column: str, file: str, problems: list[Problem]) -> None:
    first: dict[Any, int] = {}
    for row, value in frame[column].dropna().items() if column in frame else ():
        if value in first:
            message = Message("read.duplicate", column=column, value=value, row=first[value])
            problems.append(Problem(file, message, row, column))
        first.setdefault(value, row)


def _ordered(
    frame: pd.DataFrame,
    file: str,
    low: str,
    high: str,
    problems: list[Problem],
    strict: bool = False,
) -> None:
    """Complain on rows where `low` exceeds `high` (or equals it, when strict)."""
    if low not in frame or high not in frame:
        return
    for row, a, b in zip(frame.index, frame[low], frame[high], strict=True):
        if pd.isna(a) or pd.isna(b):
            continue
        values = {"low": low, "high": high, "a": _python(a), "b": _python(b)}
        if strict and a >= b:
            problems.append(Problem(file, Message("read.not_after", **values), row, high))
        elif a > b:
            problems.append(Problem(file, Message("read.exceeds", **values), row, low))


def _lookup(tree: dict[str, Any] | None, key: str) -> Any:
    """The value at dotted `key` in a nested dict, or None."""
    for part in key.split("."):
        if not isinstance(tree, dict) or part not in tree:
            return None
        tree = tree[part]
    return tree


def _suspicious(instance: Instance, raw: RawInstance) -> list[Problem]:
    """Legal but suspicious input: sites that never open or do not count, odd tasks."""
    m_file, s_file = raw.names["municipalities"], raw.names["sites"]
    m_row = dict(zip(raw.municipalities["code"], raw.municipalities.index, strict=True))
    s_row = dict(zip(raw.sites["id"], raw.sites.index, strict=True))
    warnings = []
    for s in instance.sites.reset_index().itertuples(index=False):
        if not s.counted:
            reason = reason_message(
                s.reason,
                s.available_from,
                s.available_until,
                instance.settings.rules.min_duration_years,
                instance.settings.reference_date,
                s.status,
            )
            message = Message("warn.not_counted", id=s.id, reason=reason)
            warnings.append(Problem(s_file, message, s_row[s.id]))
        if not s.committed and s.lo > s.hi:
            rule = getattr(instance.settings.site_kinds, s.kind)
            message = Message(
                "warn.never_opens",
                id=s.id,
                kind=Message(f"kind.{s.kind}"),
                min=rule.min,
                max=rule.max,
                lo=int(s.min_places),
                hi=int(s.max_places),
            )
            warnings.append(Problem(s_file, message, s_row[s.id], "max_places"))
    warnings += _deal_warnings(instance, raw)
    m = instance.municipalities
    for code in m.index[m["reception_task"] == 0]:
        message = Message("warn.no_task", code=code)
        warnings.append(Problem(m_file, message, m_row[code], "reception_task"))
    if not instance.tasks_computed:
        ratio = (m["reception_task"] / m["population"])[m["reception_task"] > 0]
        typical = ratio.median()
        for code, r in ratio[
            (ratio > RATIO_LIMIT * typical) | (ratio < typical / RATIO_LIMIT)
        ].items():
            message = Message(
                "warn.odd_ratio",
                code=code,
                ratio=1000 * r,
                limit=RATIO_LIMIT,
                median=1000 * typical,
            )
            warnings.append(Problem(m_file, message, m_row[code], "reception_task"))
    return warnings


def _deal_warnings(instance: Instance, raw: RawInstance) -> list[Problem]:
    """A forbidden deal across provinces (it can never happen anyway), and, under a distance
    limit, municipalities without a known centroid (they cannot deal): once, not per row."""
    province = instance.municipalities["province"]
    warnings = [
        Problem(
            raw.names["deals"],
            Message("warn.forbid_across", a=a, b=b, pa=province[a], pb=province[b]),
            row,
            "rule",
        )
        for row, a, b, rule in raw.deals[list(DEAL_COLUMNS)].itertuples(name=None)
        if rule == "forbid" and province[a] != province[b]
    ]
    limit = instance.settings.rules.max_distance_km
    m = instance.municipalities
    unknown = list(m.index[m["lat"].isna() | m["lon"].isna()])
    if limit > 0 and unknown:
        listed = ", ".join(unknown[:5]) + (", ..." if len(unknown) > 5 else "")
        warnings.append(
            Problem(
                raw.names["municipalities"],
                Message(
                    "warn.no_centroid", n=len(unknown), total=len(m), listed=listed, limit=limit
                ),
            )
        )
    return warnings


# ---- writing ----------------------------------------------------------------------------------


def _plain(value: Any) -> str:
    """A typed value as plain text: blank when missing, ISO dates, `.` decimals."""
    if isinstance(value, dt.date):
        return value.isoformat()
    return "" if pd.isna(value) else str(value)


def _python(value: Any) -> Any:
    """A table value as a plain Python value: None when blank, numpy scalars unwrapped."""
    if _plain(value) == "":
        return None
    return value.item() if hasattr(value, "item") else value


def _tables(raw: RawInstance) -> dict[str, pd.DataFrame]:
    """The tables to write, by part: deals only when there are any."""
    tables = {part: getattr(raw, part) for part in PARTS[1:]}
    return {part: t for part, t in tables.items() if part not in OPTIONAL_PARTS or len(t)}


def _write_folder(raw: RawInstance, folder: Path) -> None:
    (folder / SETTINGS_FILE).write_text(_toml(raw.settings_given) + "\n", encoding="utf-8")
    for part, table in _tables(raw).items():
        write_csv(table, folder / FILES[part], escape_formulas=False)


def toml_text(tree: dict[str, Any]) -> str:
    """A settings tree (or a scenario's) as TOML text."""
    return _toml(tree)


def _toml(tree: dict[str, Any], path: tuple[str, ...] = ()) -> str:
    """`tree` as TOML: its plain values under a [table] header, then its nested tables."""
    values = [
        f"{_toml_key(k)} = {_toml_value(v)}" for k, v in tree.items() if not isinstance(v, dict)
    ]
    header = [f"\n[{'.'.join(map(_toml_key, path))}]"] if path and values else []
    tables = [_toml(v, (*path, k)) for k, v in tree.items() if isinstance(v, dict)]
    return "\n".join(header + values + [t for t in tables if t])


def _toml_key(key: str) -> str:
    return key if re.fullmatch(r"[A-Za-z0-9_-]+", key) else json.dumps(key, ensure_ascii=False)


def _toml_value(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, int | float):
        return repr(value)
    if isinstance(value, list | tuple):
        return "[" + ", ".join(_toml_value(v) for v in value) + "]"
    return json.dumps(str(value), ensure_ascii=False).replace("\x7f", "\\u007f")


def _write_workbook(raw: RawInstance, path: Path) -> None:
    """Sheets municipalities, sites, deals when there are any (typed cells) and settings (key,
    value with dotted keys)."""
    workbook = openpyxl.Workbook()
    workbook.remove(workbook.active)
    for part, frame in _tables(raw).items():
        rows = frame.itertuples(index=False, name=None)
        _write_sheet(workbook.create_sheet(part), [list(frame.columns), *rows])
    settings = [(key, _sheet_value(value)) for key, value in flatten_settings(raw.settings_given)]
    _write_sheet(workbook.create_sheet("settings"), [["key", "value"], *settings])
    workbook.save(path)


def _write_sheet(sheet: Any, rows: list[Iterable[Any]]) -> None:
    """Header row bold and frozen; text stays text even when it starts with = + - @."""
    for r, values in enumerate(rows, start=1):
        for c, value in enumerate(values, start=1):
            value = _python(value)
            cell = sheet.cell(r, c, value)
            if isinstance(value, str):
                cell.data_type = "s"
                cell.quotePrefix = value[:1] in ("=", "+", "-", "@")
            if r == 1:
                cell.font = Font(bold=True)
    sheet.freeze_panes = "A2"


def flatten_settings(tree: dict[str, Any], prefix: str = "") -> list[tuple[str, Any]]:
    """Nested settings as (dotted key, value) pairs, as the settings sheet lists them."""
    items = []
    for key, value in tree.items():
        if isinstance(value, dict):
            items += flatten_settings(value, f"{prefix}{key}.")
        else:
            items.append((f"{prefix}{key}", value))
    return items


def _sheet_value(value: Any) -> Any:
    if isinstance(value, list | tuple):
        return ", ".join(map(str, value)) if value else "[]"
    return value
