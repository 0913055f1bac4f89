"""Settings of an instance (`instance.toml`), with the defaults and ranges of docs/instance-format.md.

Every setting except `name` and `reference_date` has a default; unknown keys are an error so that a
typo never silently falls back to a default. Every number has a range: beyond it a number is a typo
(or an attack), not a model, and would only make the solver misbehave later.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from typing import Annotated, Any, Literal

from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    field_validator,
    model_validator,
)

from model.lang import Message

COMPONENTS: tuple[str, ...] = ("regular", "amv", "housing", "ukraine")
"""Components of a municipality's task (model.md, "Components")."""

STATUSES: tuple[str, ...] = ("existing", "decided", "planned", "idea")
COMMITTED_STATUSES: tuple[str, ...] = ("existing", "decided")
SITE_KINDS: tuple[str, ...] = ("regular", "branch", "small", "amv", "municipal")
SOFT_STATUSES: tuple[str, ...] = ("planned", "idea")
STAGES: tuple[str, ...] = (
    "shortfall",
    "unmet",
    "fairness",
    "firm",
    "preference",
    "new_sites",
    "deals",
    "distance",
    "transfers",
    "new_places",
)
"""Objective stages of docs/model.md, in the default order."""

MAX_COUNT = 10_000_000
"""Largest task, number of places, population or amount (of places or euros) that is accepted."""
MAX_WEIGHT = 100.0
"""Largest weight of a component, in reception-place equivalents."""
MAX_YEARS = 100
"""Largest `rules.min_duration_years`."""
CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")
"""Control characters: no workbook can store them, so no text of an instance may hold them."""
FIRST_DATE, LAST_DATE = dt.date(1900, 1, 1), dt.date(2999, 12, 31)
"""Range of `reference_date` (with MAX_YEARS, every date computed from it stays a valid date)."""


def _number(value: Any) -> Any:
    """true/false is no number (pydantic would read true as 1), nor are inf and nan."""
    if isinstance(value, bool):
        expected = Message("expect.number")
        raise ValueError(Message("settings.expected", expected=expected, got=str(value).lower()))
    if isinstance(value, float) and not math.isfinite(value):
        expected = Message("expect.finite")
        raise ValueError(Message("settings.expected", expected=expected, got=str(value)))
    return value


Count = Annotated[int, BeforeValidator(_number), Field(ge=0, le=MAX_COUNT)]
"""A whole number from 0 to MAX_COUNT."""
Amount = Annotated[float, BeforeValidator(_number), Field(ge=0, le=MAX_COUNT)]
"""A number from 0 to MAX_COUNT."""
Weight = Annotated[float, BeforeValidator(_number), Field(ge=0, le=MAX_WEIGHT)]
"""A weight from 0 to MAX_WEIGHT."""
Share = Annotated[float, BeforeValidator(_number), Field(ge=0, le=1)]
"""A share from 0 to 1."""


def _flag(value: Any) -> Any:
    """true or false (a TOML boolean, or the text true/false from a workbook cell); not 1 or 0."""
    if isinstance(value, bool):
        return value
    if isinstance(value, str) and value.strip().lower() in ("true", "false"):
        return value.strip().lower() == "true"
    expected = Message("expect.true_false")
    raise ValueError(Message("settings.expected", expected=expected, got=repr(value)))


Flag = Annotated[bool, BeforeValidator(_flag)]
"""true or false."""


Component = Literal[COMPONENTS]
Stage = Literal[STAGES]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Forecast(_Strict):
    reception: Count | None = None
    amv: Count | None = None


class Weights(_Strict):
    """Value of one unit of each component, in reception-place equivalents (0 to MAX_WEIGHT).

    A weight of 0 means the component does not count and cannot be traded (docs/model.md).
    """

    regular: Weight = 1.0
    amv: Weight = 1.0
    housing: Weight = 1.0
    ukraine: Weight = 1.0


class StatusWeight(_Strict):
    """Share of a site's places that counts, by status (0 to 1)."""

    existing: Share = 1.0
    decided: Share = 1.0
    planned: Share = 1.0
    idea: Share = 1.0


class Realisation(_Strict):
    """Probability that a site of each status is realised (0 to 1), for the chance that the plan
    holds when soft sites fall through. The defaults are illustrative, not measured: a PRT sets
    its own, and sites.csv may give a site its own (`realisation`)."""

    existing: Share = 1.0
    decided: Share = 0.95
    planned: Share = 0.7
    idea: Share = 0.4


class Rules(_Strict):
    exchange_scope: Literal["province", "region", "none"] = "province"
    transferable: tuple[Component, ...] = COMPONENTS
    min_duration_years: Annotated[Count, Field(le=MAX_YEARS)] = 5
    max_deals_per_municipality: Count = 0
    balance: Literal["deal", "municipality"] = "deal"
    """Under "deal" every deal balances on its own; under "municipality" each municipality's total."""
    balance_tolerance: Amount = 0.0
    pass_through: Flag = False
    """May a municipality both take over and hand over units of the same component?"""
    max_distance_km: Amount = 0.0
    """No deal between municipalities farther apart than this (centroids); 0 = no limit."""
    status_weight: StatusWeight = StatusWeight()
    realisation: Realisation = Realisation()
    """How likely a site of each status is to be realised (model/results/explanation.py, "How firm")."""


class SizeRule(_Strict):
    min: Count
    max: Count

    @model_validator(mode="after")
    def _min_le_max(self) -> SizeRule:
        if self.min > self.max:
            raise ValueError(Message("settings.min_above_max", min=self.min, max=self.max))
        return self


class SiteKinds(_Strict):
    """COA size rules for opening a NEW site, in places."""

    regular: SizeRule = SizeRule(min=300, max=1500)
    branch: SizeRule = SizeRule(min=200, max=600)
    small: SizeRule = SizeRule(min=50, max=150)
    amv: SizeRule = SizeRule(min=16, max=100)
    municipal: SizeRule = SizeRule(min=1, max=300)


class Objective(_Strict):
    order: tuple[Stage, ...] = STAGES

    @model_validator(mode="after")
    def _unique(self) -> Objective:
        if not self.order:
            raise ValueError(Message("settings.order_empty"))
        if len(set(self.order)) != len(self.order):
            raise ValueError(Message("settings.order_twice"))
        return self


MAX_TEXT = 2000
"""Longest free text of `[meta]` (a source, a note): a paragraph, not a document."""
TABLES = ("municipalities", "sites", "deals")
"""The tables of an instance a note of `[meta.notes]` may be about."""


def _text(value: Any) -> Any:
    """Text without control characters (no workbook can store them)."""
    if isinstance(value, str) and CONTROL.search(value):
        raise ValueError(f"holds a control character: {value!r}")
    return value


def _paragraph(value: Any) -> Any:
    """Free text of at most MAX_TEXT characters, without control characters."""
    if isinstance(value, str) and len(value) > MAX_TEXT:
        raise ValueError(f"expected at most {MAX_TEXT:,} characters, got {len(value):,}")
    return _text(value)


Text = Annotated[str, BeforeValidator(_paragraph)]
"""Free text of at most MAX_TEXT characters, without control characters."""


class Meta(_Strict):
    """Which numbers of the instance are real and which are illustrative, shown on the first
    screen of every report. `illustrative` None means the instance does not say."""

    source: Text = ""
    illustrative: Flag | None = None
    notes: dict[str, Text] = {}
    """Per column: "sites.max_places" -> where its numbers come from."""

    @field_validator("notes")
    @classmethod
    def _about_a_column(cls, notes: dict[str, str]) -> dict[str, str]:
        for key in notes:
            table, _, column = key.partition(".")
            if table not in TABLES or not column.strip() or CONTROL.search(key):
                raise ValueError(
                    f"a note is about a column, written table.column with table one of "
                    f'{", ".join(TABLES)} (e.g. "sites.max_places"), got {key!r}'
                )
        return notes


Cost = Annotated[float, BeforeValidator(_number), Field(gt=0, le=MAX_COUNT)]
"""A cost per unit of a change: above 0 (a free change would make any amount of it cheapest)."""


class Explain(_Strict):
    """The cost per unit of each kind of change that `uitruil explain` may propose to close a
    municipality's unmet places (docs/model.md, "Explaining a package"). Only their ratios matter.
    """

    cost_willing: Cost = 1.0
    """Per unit of value a municipality volunteers beyond its willing_extra."""
    cost_places: Cost = 1.0
    """Per place beyond a site's max_places (and per place at a new site)."""
    cost_room: Cost = 1.0
    """Per unit of declared room beyond housing_extra_max or ukraine_extra_max."""
    cost_new_site: Cost = 50.0
    """Per new site a municipality opens (its places cost cost_places each on top)."""


class Settings(_Strict):
    """The effective settings of an instance, defaults filled in."""

    name: Annotated[str, BeforeValidator(_text), Field(min_length=1)]
    reference_date: dt.date
    forecast: Forecast = Forecast()
    weights: Weights = Weights()
    rules: Rules = Rules()
    site_kinds: SiteKinds = SiteKinds()
    objective: Objective = Objective()
    meta: Meta = Meta()
    explain: Explain = Explain()

    @field_validator("name")
    @classmethod
    def _printable(cls, name: str) -> str:
        if CONTROL.search(name):
            raise ValueError(Message("settings.control", text=repr(name)))
        return name

    @field_validator("reference_date")
    @classmethod
    def _date_in_range(cls, date: dt.date) -> dt.date:
        if not FIRST_DATE <= date <= LAST_DATE:
            expected = Message("expect.date_range", low=FIRST_DATE, high=LAST_DATE)
            raise ValueError(Message("settings.expected", expected=expected, got=date))
        return date

    def as_dict(self) -> dict:
        """Plain JSON-ready dictionary (dates as ISO text, tuples as lists)."""
        return self.model_dump(mode="json")
