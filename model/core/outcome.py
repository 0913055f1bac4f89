"""What a solve produced, free of solver objects: the decision per province and how each stage went.

`model/results/result.py` and everything after it read these; they never import Pyomo or HiGHS.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from enum import StrEnum


class Status(StrEnum):
    """How a stage ended: proven optimal, cut off by the time budget, or never started."""

    OPTIMAL = "optimal"
    TIME_LIMIT = "time_limit"
    NOT_SOLVED = "not_solved"


@dataclass
class StageOutcome:
    """How one stage went in one province: the value of the final decision and its proof."""

    name: str
    value: float
    bound: float | None
    status: Status
    seconds: float

    @property
    def gap(self) -> float | None:
        """Relative distance to the best bound (0 when proven optimal, None when unknown)."""
        if self.status == Status.OPTIMAL:
            return 0.0
        if self.bound is None:
            return None
        return max(0.0, self.value - self.bound) / max(1.0, abs(self.value))


@dataclass
class ProvinceSolution:
    """The decision for one province: places per site, opened soft sites, transfers."""

    province: str
    places: dict[str, int]
    opened: dict[str, bool]
    transfers: dict[tuple[str, str, str], int]
    stages: list[StageOutcome] = field(default_factory=list)


@dataclass
class Solution:
    provinces: dict[str, ProvinceSolution]
    order: tuple[str, ...]
    seconds: float
    model_seconds: float
    """Pyomo: building the models, reading them into HiGHS, evaluating decisions."""
    highs_seconds: float
    """HiGHS solving."""
    solver_version: str
    processes: int = 1
    """Processes that solved the provinces side by side (the seconds above are summed over them)."""

    @property
    def status(self) -> Status:
        proven = all(o.status == Status.OPTIMAL for p in self.provinces.values() for o in p.stages)
        return Status.OPTIMAL if proven else Status.TIME_LIMIT

    def gap(self) -> float:
        """Largest gap over the stages and provinces (0 when everything is proven optimal)."""
        gaps = [o.gap for p in self.provinces.values() for o in p.stages]
        return max((g if g is not None else math.inf for g in gaps), default=0.0)

    def outcomes(self, name: str) -> list[StageOutcome]:
        """Every province's outcome of stage `name`."""
        return [o for p in self.provinces.values() for o in p.stages if o.name == name]
