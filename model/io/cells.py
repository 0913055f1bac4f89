"""One converter per cell (`cell`) and per table, so that every bad cell is reported with its file, row (as Excel numbers it: header = row 1) and column."""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass
from typing import Any

import pandas as pd

from model.core.errors import Problem
from model.core.settings import CONTROL
from model.io.schema import DATE, DTYPES, DUTCH_DATE, GROUPED, NUMBER, Column, Grid
from model.lang import Message

# ---- cells and tables -------------------------------------------------------------------------


def cell_text(value: Any) -> str:
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


def is_blank(value: Any) -> bool:
    return cell_text(value) == ""


def is_blank_row(cells: list[Any]) -> bool:
    return all(is_blank(cell) for cell in cells)


def cell_at(cells: list[Any], position: int) -> Any:
    return cells[position] if position < len(cells) else None


def _cell(value: Any, column: Column, decimal_comma: bool) -> Any:
    """One cell as its typed value, None when blank; ValueError says what is expected.

    With `decimal_comma` (a `;` file) "1.234,5" is 1234.5; a lone "." is a decimal point ("0.12").
    """
    if isinstance(value, Uncomputed):
        raise ValueError(Message(UNCOMPUTED, formula=str(value)))
    if is_blank(value):
        if column.required:
            raise ValueError(Message("cell.blank", expected=column.expected, note=column.note))
        return None
    text = cell_text(value)
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
        date = parse_date(text)
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


def read_table(
    grid: Grid, columns: dict[str, Column], problems: list[Problem]
) -> pd.DataFrame | None:
    """The typed frame of a grid: known columns through `_cell`, extra columns kept as text.

    Column names are matched case-insensitively and stripped; the index is the Excel row. None
    when the first row is not a header (no known column name in it).
    """
    names = [cell_text(cell) for cell in grid.header]
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
            if any(not is_blank(cell_at(cells, position)) for _, cells in grid.rows):
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
                values.append(_cell(cell_at(cells, position), column, grid.decimal_comma))
            except ValueError as error:
                problems.append(Problem(grid.file, error.args[0], row, name))
                values.append(None)
        data[name] = pd.Series(values, index=index, dtype=DTYPES.get(column.kind))
    for row, cells in grid.rows:
        if not is_blank_row(cells[len(names) :]):
            problems.append(Problem(grid.file, Message("read.too_many_cells"), row))
    return pd.DataFrame(data, index=index)


def model_columns(frame: pd.DataFrame, columns: dict[str, Column]) -> pd.DataFrame:
    """Only the columns the model knows; optional ones left blank on every row count as absent."""
    return frame[
        [c for c in frame if c in columns and (columns[c].required or frame[c].notna().any())]
    ]


UNCOMPUTED = "read.uncomputed"
"""The message of a formula without its computed value (it takes the formula)."""


@dataclass(frozen=True)
class Uncomputed:
    """A formula cell without the value Excel computes for it (a script wrote it, not Excel)."""

    formula: str

    def __str__(self) -> str:
        return str(self.formula)


def parse_date(text: str) -> dt.date | None:
    """A date written YYYY-MM-DD, DD-MM-YYYY or D-M-YYYY; None when it is none of them."""
    dutch = DUTCH_DATE.fullmatch(text)
    try:
        if dutch:
            day, month, year = map(int, dutch.groups())
            return dt.date(year, month, day)
        return dt.date.fromisoformat(text) if DATE.fullmatch(text) else None
    except ValueError:
        return None
