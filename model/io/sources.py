"""Files into grids of cells and settings: CSV in any common encoding and delimiter, workbook sheets, instance.toml; damaged or unreadable files become problems, not tracebacks."""

from __future__ import annotations

import codecs
import csv
import datetime as dt
import difflib
import io
import re
import tomllib
import typing
import zipfile
import zlib
from collections.abc import Iterable
from pathlib import Path
from typing import Any
from xml.etree import ElementTree

from pydantic import ValidationError

from model.core.errors import InputError, Problem, os_reason
from model.core.settings import Settings
from model.io.cells import (
    UNCOMPUTED,
    Uncomputed,
    cell_at,
    cell_text,
    is_blank,
    is_blank_row,
    parse_date,
)
from model.io.schema import (
    OPTIONAL_PARTS,
    PARTS,
    SETTING_BOUNDS,
    SETTING_TYPES,
    Grid,
)
from model.lang import Listing, Message

# ---- reading files into grids and settings ----------------------------------------------------


def not_a_file(path: Path) -> Message | None:
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
    why = not_a_file(path)
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


def csv_grid(
    path: Path, problems: list[Problem], warnings: list[Problem], optional: bool = False
) -> Grid | None:
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


DAMAGE = (
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
parts or values it cannot convert (a date cell beyond year 9999); with its own InvalidFileException
(workbook_errors)."""


def workbook_errors() -> tuple[type[Exception], ...]:
    """DAMAGE and openpyxl's InvalidFileException. openpyxl is imported only when a workbook is read
    (it takes a tenth of the start-up of a run on CSV files)."""
    from openpyxl.utils.exceptions import InvalidFileException

    return (InvalidFileException, *DAMAGE)


def load_workbook(path: Path, data_only: bool) -> Any:
    """openpyxl's workbook in read-only mode (imported here: see workbook_errors)."""
    import openpyxl

    return openpyxl.load_workbook(path, read_only=True, data_only=data_only)


def workbook_grids(
    path: Path, names: dict[str, str], problems: list[Problem]
) -> dict[str, Grid | None]:
    """One grid per part (names ignore case and blanks); an optional part may have no sheet.

    Read-only mode (fast and lean on big workbooks), with the values Excel last computed; a sheet
    with formulas is read a second time for those. Two sheets that could both be the one asked
    for are refused rather than one of them silently chosen.
    """
    workbooks: list[Any] = []
    try:
        workbooks.append(load_workbook(path, data_only=False))
        sheets: dict[str, list[str]] = {}
        for sheet in workbooks[0].worksheets:
            sheets.setdefault(sheet.title.strip().lower(), []).append(sheet.title)
        grids: dict[str, Grid | None] = {}
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
    except workbook_errors() as error:
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
            workbooks.append(load_workbook(path, data_only=True))
        values = workbooks[1][title]
        values.reset_dimensions()
        computed = [list(cells) for cells in values.iter_rows(values_only=True)]
    except workbook_errors() as error:
        message = Message("file.unreadable", error=_damage(error))
        raise InputError(Problem(file, message, len(rows) + 1)) from None
    for r, c in formulas:
        value = cell_at(computed[r], c) if r < len(computed) else None
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
) -> Grid | None:
    """Split numbered records into the header (first non-blank record) and the rows below it."""
    filled = [(row, cells) for row, cells in records if not is_blank_row(cells)]
    if not filled:
        problems.append(Problem(file, Message("read.empty")))
        return None
    return Grid(file, filled[0][1], filled[1:], decimal_comma, filled[0][0])


def toml_settings(path: Path, problems: list[Problem]) -> dict[str, Any] | None:
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


def sheet_settings(
    grid: Grid | None, problems: list[Problem]
) -> tuple[dict[str, Any] | None, dict[str, int]]:
    """Settings from a key,value sheet: the nested dict as TOML would give it, and key -> row.

    A blank value means "not given" (the default applies); list settings are comma separated,
    `[]` is the empty list.
    """
    if grid is None:
        return None, {}
    header = [cell_text(cell).lower() for cell in grid.header]
    if "key" not in header or "value" not in header:
        problems.append(Problem(grid.file, Message("read.settings_header"), row=1))
        return None, {}
    given: dict[str, Any] = {}
    rows: dict[str, int] = {}
    key_at, value_at = header.index("key"), header.index("value")
    for row, cells in grid.rows:
        key, value = cell_text(cell_at(cells, key_at)), cell_at(cells, value_at)
        if not key:
            problems.append(Problem(grid.file, Message("read.no_key"), row, "key"))
            continue
        if is_blank(value):
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
        text = cell_text(value)
        return [] if text == "[]" else [part.strip() for part in text.split(",") if part.strip()]
    if isinstance(value, dt.datetime) and value.time() == dt.time():
        return value.date()
    if isinstance(value, str) and _setting_type(key.split(".")) is dt.date:
        return parse_date(value.strip()) or value.strip()
    return value.strip() if isinstance(value, str) else value


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


def validated_settings(
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
