"""Settings of an instance (`instance.toml`), with the defaults of docs/instance-format.md.

Every setting except `name` and `reference_date` has a default; unknown keys are an error so that a
typo never silently falls back to a default.
"""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

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
    reception: int | None = Field(default=None, ge=0)
    amv: int | None = Field(default=None, ge=0)


class Weights(_Strict):
    """Value of one unit of each component, in reception-place equivalents.

    A weight of 0 means the component does not count and cannot be traded (docs/model.md).
    """

    regular: float = Field(default=1.0, ge=0)
    amv: float = Field(default=1.0, ge=0)
    housing: float = Field(default=1.0, ge=0)
    ukraine: float = Field(default=1.0, ge=0)


class StatusWeight(_Strict):
    """Share of a site's places that counts, by status."""

    existing: float = Field(default=1.0, ge=0)
    decided: float = Field(default=1.0, ge=0)
    planned: float = Field(default=1.0, ge=0)
    idea: float = Field(default=1.0, ge=0)


class Rules(_Strict):
    exchange_scope: Literal["province", "region", "none"] = "province"
    transferable: tuple[Component, ...] = COMPONENTS
    min_duration_years: int = Field(default=5, ge=0)
    max_deals_per_municipality: int = Field(default=0, ge=0)
    balance: Literal["deal", "municipality"] = "deal"
    """Under "deal" every deal balances on its own; under "municipality" each municipality's total."""
    balance_tolerance: float = Field(default=0.0, ge=0)
    pass_through: bool = False
    """May a municipality both take over and hand over units of the same component?"""
    max_distance_km: float = Field(default=0.0, ge=0)
    """No deal between municipalities farther apart than this (centroids); 0 = no limit."""
    status_weight: StatusWeight = StatusWeight()


class SizeRule(_Strict):
    min: int = Field(ge=0)
    max: int = Field(ge=0)

    @model_validator(mode="after")
    def _min_le_max(self) -> SizeRule:
        if self.min > self.max:
            raise ValueError(f"min ({self.min}) must not exceed max ({self.max})")
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
            raise ValueError("order must name at least one stage")
        if len(set(self.order)) != len(self.order):
            raise ValueError("order names a stage twice")
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

    def as_dict(self) -> dict:
        """Plain JSON-ready dictionary (dates as ISO text, tuples as lists)."""
        return self.model_dump(mode="json")
