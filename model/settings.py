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


Component = Literal["regular", "amv", "housing", "ukraine"]
Stage = Literal[
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
]


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


class Settings(_Strict):
    """The effective settings of an instance, defaults filled in."""

    name: str = Field(min_length=1)
    reference_date: dt.date
    forecast: Forecast = Forecast()
    weights: Weights = Weights()
    rules: Rules = Rules()
    site_kinds: SiteKinds = SiteKinds()
    objective: Objective = Objective()

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
