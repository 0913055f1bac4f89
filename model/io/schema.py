"""What the files of an instance hold: the files, their columns and the type and range of each cell (docs/instance-format.md), and the raw tables as read."""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import pandas as pd

from model.core.errors import Problem
from model.core.instance import (
    DEAL_RULES,
)
from model.core.settings import MAX_COUNT, SITE_KINDS, STATUSES, Settings
from model.lang import Message

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
MUNICIPALITY_INPUT: dict[str, Column] = {
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
SITE_INPUT: dict[str, Column] = {
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
DEAL_INPUT: dict[str, Column] = {
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
    deals: pd.DataFrame = field(default_factory=lambda: empty_table(DEAL_INPUT))
    """deals.csv as written (rule in lower case); no rows when the instance has none."""


@dataclass
class Grid:
    """A table as found in a file: name shown to the user, header cells, (Excel row, cells) rows."""

    file: str
    header: list[Any]
    rows: list[tuple[int, list[Any]]]
    decimal_comma: bool
    header_row: int = 1


def empty_table(columns: dict[str, Column]) -> pd.DataFrame:
    """A table of `columns` without rows, as `read_table` reads a file that has only its header."""
    index = pd.Index([], name="row", dtype="int64")
    data = {
        name: pd.Series([], index=index, dtype=DTYPES.get(c.kind)) for name, c in columns.items()
    }
    return pd.DataFrame(data, index=index)
