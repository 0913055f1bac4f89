"""Write an instance back (`convert`) as a folder or a workbook, and CSV files as uitruil writes them (formulas escaped, never half-written)."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import pandas as pd

from model.core.errors import InputError, Problem, os_reason
from model.io.atomic import replace_folder, write_atomic
from model.io.schema import FILES, INSTANCE_FILES, OPTIONAL_PARTS, PARTS, SETTINGS_FILE, RawInstance
from model.lang import Message


def write_instance(raw: RawInstance, dest: Path, *, force: bool = False) -> None:
    """Write `raw` as a workbook (`dest` ends in .xlsx) or else as a folder.

    An existing `dest` is replaced only with `force`: a workbook as a whole (written beside it,
    then moved into place), an instance folder file by file (only INSTANCE_FILES: its README and
    scenarios stay, model/io/atomic.py). Never a folder of other files, nor the source itself.
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
        write_atomic(dest, lambda tmp: _write_workbook(raw, tmp))
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
    text = csv_text(frame, escape_formulas)
    try:
        write_atomic(Path(path), lambda tmp: tmp.write_text(text, encoding="utf-8"))
    except OSError as error:
        message = Message("file.unwritable", error=os_reason(error))
        raise InputError(Problem(str(path), message)) from None


# ---- writing ----------------------------------------------------------------------------------


def _plain(value: Any) -> str:
    """A typed value as plain text: blank when missing, ISO dates, `.` decimals."""
    if isinstance(value, dt.date):
        return value.isoformat()
    return "" if pd.isna(value) else str(value)


def python_value(value: Any) -> Any:
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
    value with dotted keys). openpyxl is imported here, not at start-up (model/io/sources.py,
    workbook_errors)."""
    import openpyxl

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
    from openpyxl.styles import Font

    for r, values in enumerate(rows, start=1):
        for c, value in enumerate(values, start=1):
            value = python_value(value)
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
