"""The stage driver: lexicographic stages per province, warm starts, time budget, status and gap.

Each province is solved on its own (provinces never interact). Stages run in `objective.order`;
stage k is minimised with every earlier stage kept at its optimum (docs/model.md, "Objective").
Every value reported is recomputed from the integer decision (sites and transfers), never taken
from HiGHS's own figure; when the two disagree the stage is solved again without the start, then
without presolve.

Two methods solve the same model: "plain" hands HiGHS the model of docs/model.md stage after
stage; "strong" (the default) also gives it the bounds that earlier stages prove (docs/model.md,
"How it is solved"). Both must give the same optimal stage values; tests compare them.
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable
from contextlib import contextmanager, nullcontext, suppress
from dataclasses import dataclass, replace
from functools import cached_property

import numpy as np
import pyomo.core as pyo

from model.core.errors import InputError, Problem
from model.core.instance import Instance
from model.core.outcome import ProvinceSolution, Solution, StageOutcome, Status
from model.core.processes import fresh_context
from model.core.settings import STAGES
from model.io.schema import DEALS_FILE
from model.lang import Message, current_language, text
from model.optimise.decompose import decompose
from model.optimise.formulation import (
    Bounds,
    ProvinceData,
    Shape,
    build_model,
    derived_expressions,
    group_stages,
    implied_deals,
    least_deals,
    places,
    province_data,
)
from model.optimise.highs import Clock, HighsModel, highs_version

DEAL_STAGES = frozenset({"deals", "distance"})
"""Stages only the pair model can express."""
PROVINCE_STAGES = frozenset({"shortfall", "fairness"})
"""Stages that are the province's own, not a sum over its groups (never solved by groups)."""
SHARE_STAGES = frozenset({"fairness", "shares"})
"""The rules of the fairness stage, whose values are fractions."""
STAGE_SHARE = 0.5
"""Share of the time left that a stage may use when later stages follow."""
FRACTIONAL_SHARE = 0.6
"""Share of a deal stage's time for its relaxation with units as real numbers."""
FRACTIONAL_FROM, FRACTIONAL_BELOW = 20, 40
"""Groups of this many municipalities (from, below) solve a deal stage with units as real
numbers first: measured faster there, slower on most smaller groups, and on the largest provinces
of nl-2024 its relaxation does not reach a useful bound within their share of the budget
(docs/model.md 7.6)."""
LIFTING = 1
"""HiGHS's lifting for probing (mip_lifting_for_probing) in the relaxation with units as real
numbers (whole_from_fractional); its own default (-1) leaves it off on these models. Measured
(docs/model.md 7.6): Overijssel of nl-2024 under province scope 12.5 -> 8.4 s, Limburg 15.9 ->
13.3 s, Utrecht 35.3 -> 36.4 s; on in every solve, the small groups took longer."""
NEAR_FROM = 40
"""Groups of this many municipalities or more first look for a good package of a deal stage
among the pairs near the LP relaxation (near_pairs). Measured: the largest provinces of nl-2024
are not proven within their share of the budget, and this finds far better packages in a few
seconds (Gelderland's deals 79 -> 51 in 3 s); on groups of 20-30 that the budget proves
(overijssel-2024 under province scope) it cost 1-2 s per deal stage."""
NEAR_SHARE = 0.8
"""Share of a deal stage's time for that search."""
RANGES_SHARE = 0.5
"""Share of a deal stage's time for the ranges of the net changes and the settled sites, done
once per province before its first deal stage; the rest is for the stage itself."""
RANGE_SECONDS = 10.0
"""Most time for one LP of a range (a net change; the least places of a group)."""
PRIMAL_SIMPLEX = 4
"""HiGHS's `simplex_strategy` for a series of LPs over the same rows with another objective each
(the ranges, the least places and the groups' ranges): the basis of the LP before stays primal
feasible, which is where primal simplex starts (HiGHS's default is dual simplex). The same
optima; the ranges of 7.3 on Limburg of nl-2024 took 1.2 s with dual and 0.45 s with primal
simplex, on Utrecht 0.66 and 0.36 s."""
SITES_SHARE = 0.5
"""Share of that time for the settled sites, the rest is for the ranges."""
SITES_SECONDS = 15.0
"""Budget of the proofs that soft sites are open or closed on the face (ProvinceRun._settled_sites).
Utrecht of nl-2024 on its own needs about 4 s: with 3 s the search was cut off, fewer sites were
held (which ones depended on the machine's speed) and its deal stages took twice as long."""
SITE_SECONDS = 0.5
"""Budget of one such proof."""
SPLIT_SECONDS = 2.0
"""Budget of the check that every earlier optimum splits one way over the groups."""
GROUP_BOUND_SHARE = 0.5
"""Share of a deal stage's time for its bounds group by group when the groups are not apart
(ProvinceRun._group_bounds); the rest is for the whole province."""
GROUP_RANGE_SECONDS = 2.0
"""Most time for one range of an earlier stage in one group (ProvinceRun._group_ranges)."""
WITHIN_DEALS_SHARE = 0.25
"""Share of a stage's time for the stage with the deals kept (ProvinceRun._within_deals)."""
STAGE_TOLERANCE = 1e-6
"""Relative slack on earlier stages' optima (docs/model.md, "Objective")."""
SHARE_TOLERANCE = 1e-9
"""Slack on the fairness rules, whose values are fractions and not whole numbers."""
CLAIM_TOLERANCE = 1e-6
"""How far a solution's own value may lie above HiGHS's figure for it (feasibility tolerances)."""
METHODS = ("strong", "plain")


def stage_bound(value: float, tolerance: float = STAGE_TOLERANCE) -> float:
    return value + tolerance * max(1.0, abs(value))


@dataclass
class Attempt:
    """One checked solve of a stage: HiGHS's status and bound, and the decision it gave."""

    status: str
    decision: dict[str, dict] | None
    worth: float
    bound: float | None


@dataclass(frozen=True)
class Goal:
    """What one solve minimises: stage `name`, or weight * name + tie, where stage `tie` breaks
    the ties of `name`.

    `weight` is above every value `tie` can take (both whole numbers), so the weighted sum is
    least exactly at the least `name` and, among those, the least `tie`: both stages in one solve.
    """

    name: str
    tie: str | None = None
    weight: float = 1.0

    def expression(self, model: pyo.ConcreteModel):
        if self.tie is None:
            return model.stage[self.name]
        return self.weight * model.stage[self.name] + model.stage[self.tie]

    def worth(self, values: dict[str, float]) -> float:
        if self.tie is None:
            return values[self.name]
        return self.weight * values[self.name] + values[self.tie]

    def name_bound(self, bound: float | None) -> float | None:
        """A lower bound on stage `name` from one on the goal: the goal is a whole number at
        most weight * name + weight - 1, as the tie is below the weight."""
        if bound is None or self.tie is None or not math.isfinite(bound):
            return bound
        return math.ceil((whole_bound(bound) - self.weight + 1) / self.weight - 1e-9)

    def proven(self, d: ProvinceData, values: dict[str, float], bound: float | None, status: str):
        """Are the goal's values shown optimal by `bound` (with the tie: both stages)?"""
        if self.tie is None:
            return proven(d, self.name, values[self.name], bound, status)
        return bound is not None and self.worth(values) <= whole_bound(bound) + 1e-6


class Forms:
    """Linear forms over a model's columns, one per derived variable (its column: `target`)."""

    def __init__(self, hm: HighsModel, pairs: list):
        self.target = np.array([hm.column[id(var)] for var, _ in pairs], dtype=np.int64)
        forms = [hm.linear(expr) for _, expr in pairs]
        self.row = np.repeat(np.arange(len(forms)), [len(idx) for idx, _, _ in forms])
        self.columns = np.concatenate([idx for idx, _, _ in forms] or [np.zeros(0, np.int32)])
        self.coef = np.concatenate([coef for _, coef, _ in forms] or [np.zeros(0)])
        self.constant = np.array([constant for _, _, constant in forms], dtype=float)

    def values(self, vector: np.ndarray) -> np.ndarray:
        terms = vector[self.columns] * self.coef
        sums = np.bincount(self.row, weights=terms, minlength=len(self.target))
        return sums + self.constant


class Derivation:
    """What load_decision derives from a decision (formulation.derived_expressions), computed on
    a column vector: directions, volunteered value, unmet places, shortfall, over-preference and
    the largest share, then every stage value. The same definitions as load_decision, each read
    once per model, so that evaluating a package costs a few array operations."""

    def __init__(self, hm: HighsModel, d: ProvinceData):
        model = hm.model
        givers, volunteers, least = derived_expressions(model, d)
        self.givers, self.volunteers, self.least = (
            Forms(hm, pairs) for pairs in (givers, volunteers, least)
        )
        self.tolerance = d.rules.balance_tolerance
        self.unmet_rec = np.array([hm.column[id(model.unmet_rec[m])] for m in model.M], np.int64)
        self.unmet_amv = np.array([hm.column[id(model.unmet_amv[m])] for m in model.M], np.int64)
        self.base = np.array([d.share_base(m) for m in model.M], dtype=float)
        self.largest = hm.column[id(model.largest_share)]
        # each municipality's share is divided as in its expression (not a linear form)
        self.shares = "shares" in model.stage
        self.stages = {
            name: hm.linear(model.stage[name]) for name in model.stage if name != "shares"
        }

    def complete(self, vector: np.ndarray) -> dict[str, float]:
        """Fill in the derived columns of `vector` (the decision's columns set); stage values."""
        vector[self.givers.target] = self.givers.values(vector) > 0
        vector[self.volunteers.target] = np.maximum(
            0.0, self.volunteers.values(vector) - self.tolerance
        )
        vector[self.least.target] = np.maximum(0.0, self.least.values(vector))
        shares = (vector[self.unmet_rec] + vector[self.unmet_amv]) / self.base
        vector[self.largest] = float(shares.max()) if len(shares) else 0.0
        # added up from left to right, as Pyomo adds up an expression: the same values to the bit
        values = {
            name: float(sum((vector[idx] * coef).tolist(), constant))
            for name, (idx, coef, constant) in self.stages.items()
        }
        if self.shares:
            values["shares"] = float(sum(shares.tolist()))
        return values


class StageModel:
    """A built model of one province in HiGHS, with the bounds it was built with."""

    def __init__(
        self,
        d: ProvinceData,
        bounds: Bounds,
        shape: Shape,
        threads: int | None,
        clock: Clock | None = None,
    ):
        started = time.perf_counter()
        self.d, self.bounds, self.shape = d, bounds, shape
        self.clock = clock or Clock()
        self.hm = HighsModel(build_model(d, bounds, shape), threads, self.clock)
        self.evaluated: list[tuple[dict, np.ndarray, dict[str, float]]] = []
        self.least: dict[str, int] | None = None
        """Bounds on the deal stages that need no solve (ProvinceRun._least)."""
        self.clock.models += time.perf_counter() - started

    @cached_property
    def derivation(self) -> Derivation:
        """Read once per model, when a package is first evaluated."""
        return Derivation(self.hm, self.d)

    @property
    def model(self) -> pyo.ConcreteModel:
        return self.hm.model

    def bound(self, name: str, value: float, scale: float = 1.0) -> None:
        """Keep stage `name` at (or below) `value` from now on (its tolerance times `scale`)."""
        if name == "fairness":
            self.hm.bound(self.model.stage[name], stage_bound(value, SHARE_TOLERANCE))
            for m, allowed in unmet_per_municipality(self.d, value).items():
                self.hm.bound(self.model.unmet_rec[m] + self.model.unmet_amv[m], allowed)
        elif name == "shares":
            self.hm.bound(self.model.stage[name], stage_bound(value, scale * SHARE_TOLERANCE))
        else:
            self.hm.bound(self.model.stage[name], stage_bound(value, scale * STAGE_TOLERANCE))

    def evaluate(self, decision: dict[str, dict]) -> tuple[np.ndarray, dict[str, float]]:
        """Complete vector and every stage value of a decision (docs/model.md definitions).

        Decisions are never changed once made, so the last few are remembered by identity: the
        stage driver asks about the same decision several times per stage.
        """
        for known, vector, values in self.evaluated:
            if known is decision:
                return vector, values
        started = time.perf_counter()
        model = self.model
        parts = {p: decision.get(p, {}) for p in model.decision_parts if hasattr(model, p)}
        if hasattr(model, "deal"):
            parts["deal"] = implied_deals(decision)
        vector = self.hm.vector_of(parts)
        values = self.derivation.complete(vector)
        self.evaluated = [(decision, vector, values), *self.evaluated[:3]]
        self.clock.models += time.perf_counter() - started
        return vector, values

    def values_of(self, vector: np.ndarray) -> dict[str, float]:
        """Every stage value of a complete vector (one that `evaluate` gave)."""
        return self.derivation.complete(vector.copy())

    def solve(
        self,
        goal: Goal | str,
        start: np.ndarray | None,
        time_limit: float,
        held: bool = False,
    ) -> Attempt:
        """Minimise a stage (or a goal); the answer's own value is checked against HiGHS's figure.

        `held`: some columns are held at values that may leave no solution; then "infeasible"
        is an answer, not a bug.

        When they disagree, or HiGHS reports a numerical failure, the stage is solved again
        without the start, then without presolve, and a value the solution does not have is never
        reported.
        """
        goal = Goal(goal) if isinstance(goal, str) else goal
        name = goal.name
        whole = all(integral(self.d, stage) for stage in (name, goal.tie) if stage)
        abs_gap = 0.999 if whole else 1e-9
        deadline = time.perf_counter() + time_limit
        claimed = worth = math.nan
        trouble = ""
        for warm, presolve in ((start, True), (None, True), (None, False)):
            answer = self.hm.minimise(
                goal.expression(self.model), warm, deadline - time.perf_counter(), abs_gap, presolve
            )
            if answer.status == "infeasible":
                if held:
                    return Attempt("infeasible", None, math.inf, None)
                if self.d.required:
                    raise InputError(locked_deals_problem(self.d))
                raise RuntimeError(f"{self.d.province}: stage {name} is infeasible: a bug")
            if answer.status.startswith("error"):
                trouble = answer.status
                continue
            if answer.values is None:
                return Attempt(answer.status, None, math.inf, answer.bound)
            decision = self.hm.decision(answer.values)
            worth, claimed = goal.worth(self.evaluate(decision)[1]), answer.objective
            if worth <= stage_bound(claimed, CLAIM_TOLERANCE):
                return Attempt(answer.status, decision, worth, answer.bound)
        raise RuntimeError(
            f"{self.d.province}, stage {name}: HiGHS reports {claimed} but its solution is "
            f"worth {worth} ({trouble or 'no error'}), also without start and presolve"
        )


def near_pairs(model: StageModel, goal: Goal, start, time_limit: float) -> Attempt | None:
    """A package for a deal stage found among the pairs near the LP relaxation (a heuristic).

    The stage is solved with every deal held at 0 except those the LP relaxation or the package
    in hand (`start`, a complete vector that fits, or None) makes, with units as real numbers,
    then in whole units with its deals, directions and sites held. Its package fits the whole
    model, so it is a start for the full solve; its value bounds nothing, but the LP relaxation
    bounds the stage (the Attempt's bound). None when nothing was found in `time_limit`.
    """
    hm, expression = model.hm, goal.expression(model.model)
    deadline = time.perf_counter() + time_limit
    with hm.relaxed():
        lp = hm.minimise(expression, None, time_limit, 0.0)
    if lp.values is None or lp.status != "optimal":
        return None
    deals = hm.columns("deal")
    keep = lp.values[deals] > 1e-6
    if start is not None:
        keep |= start[deals] > 0.5
    off = deals[~keep]
    with hm.fixed(off, np.zeros(len(off))), hm.continuous(hm.columns("q")):
        left = 0.8 * (deadline - time.perf_counter())  # the rest for whole units
        found = hm.minimise(expression, start, left, 0.999) if left > 0 else None
    if found is None or found.values is None:
        return None
    whole = in_whole_units(model, goal, found.values, deadline)
    if whole.decision is None:
        return None
    return Attempt("feasible", whole.decision, whole.worth, lp.objective)


def in_whole_units(model: StageModel, goal: Goal, values: np.ndarray, deadline: float) -> Attempt:
    """The stage in whole units with the deals, directions and opened sites of `values` (an
    answer with units as real numbers) held: a small MIP, which may have no solution."""
    hm = model.hm
    held = np.concatenate([hm.columns(part) for part in ("deal", "giver", "y")])
    with hm.fixed(held, np.round(values[held])):
        return model.solve(goal, None, max(deadline - time.perf_counter(), 0.0), held=True)


def with_better(attempt: Attempt, found: Attempt) -> Attempt:
    """`attempt` with `found`'s package where that one is better, and the higher of the two
    bounds (each must bound the stage)."""
    if found.decision is not None and (attempt.decision is None or found.worth < attempt.worth):
        attempt = replace(attempt, decision=found.decision, worth=found.worth)
    bounds = [b for b in (attempt.bound, found.bound) if b is not None]
    return replace(attempt, bound=max(bounds) if bounds else None)


def whole_from_fractional(model: StageModel, goal: Goal, start, time_limit: float) -> Attempt:
    """A deal stage with units as real numbers first, then in whole units with its deals held.

    With real units the model is a relaxation, so its bound holds for whole units. Holding its
    deals, directions and opened sites, the model is solved again in whole units (a small MIP);
    when that reaches the relaxation's optimum it is the optimum (docs/model.md, "Units as real
    numbers first"). Otherwise the model is solved in whole units from that package, with the
    relaxation's bound, in the time left (the relaxation has FRACTIONAL_SHARE of the time).
    """
    hm = model.hm
    deadline = time.perf_counter() + time_limit
    with hm.continuous(hm.columns("q")), hm.option("mip_lifting_for_probing", LIFTING):
        relaxed = hm.minimise(
            goal.expression(model.model), start, FRACTIONAL_SHARE * time_limit, 0.999
        )
    if relaxed.values is None or relaxed.status not in ("optimal", "time_limit"):
        return model.solve(goal, start, deadline - time.perf_counter())
    whole = in_whole_units(model, goal, relaxed.values, deadline)
    settled = whole.decision is not None and whole.worth <= relaxed.objective + 0.5
    if settled and relaxed.status == "optimal":
        return Attempt(relaxed.status, whole.decision, whole.worth, relaxed.bound)
    if whole.decision is not None:
        start = model.evaluate(whole.decision)[0]
    attempt = model.solve(goal, start, max(deadline - time.perf_counter(), 0.0))
    return with_better(attempt, replace(whole, bound=relaxed.bound))  # whole's own bound is held


def own_part(d: ProvinceData, decision: dict[str, dict]) -> dict[str, dict]:
    """The part of a province's decision that concerns the municipalities of `d` (a group)."""
    sites = set(d.sites)
    members = set(d.municipalities)
    return {
        "x": {s: v for s, v in decision["x"].items() if s in sites},
        "y": {s: v for s, v in decision["y"].items() if s in sites},
        "q": {key: v for key, v in decision.get("q", {}).items() if key[1] in members},
    }


def groups_of(d: ProvinceData) -> list[list[str]]:
    """The municipalities in groups that can only deal among themselves (the connected parts of
    the pairs that may deal), in code order; those that can deal with nobody form one group."""
    root = {m: m for m in d.municipalities}

    def find(m: str) -> str:
        while root[m] != m:
            root[m] = root[root[m]]
            m = root[m]
        return m

    for a, b in d.pairs:
        first, second = sorted((find(a), find(b)))
        root[second] = first
    groups: dict[str, list[str]] = {}
    for m in d.municipalities:
        groups.setdefault(find(m), []).append(m)
    dealing = [g for g in groups.values() if len(g) > 1]
    alone = [m for g in groups.values() if len(g) == 1 for m in g]
    return dealing + ([alone] if alone else [])


def locked_deals_problem(d: ProvinceData, pairs: list | None = None) -> Problem:
    """Why a province has no package: its required deals cannot all be made."""
    listed = ", ".join(f"{a}-{b}" for a, b in (pairs or d.required))
    return Problem(DEALS_FILE, Message("solve.locks_impossible", province=d.province, pairs=listed))


def integral(d: ProvinceData, name: str) -> bool:
    """Are the stage's values whole numbers? (Not the fairness rules; shortfall and unmet only
    when counted places are whole.)"""
    if name in SHARE_STAGES:
        return False
    return name not in ("shortfall", "unmet") or d.integral()


def whole_bound(bound: float) -> int:
    """The least whole number a lower bound allows (HiGHS's bounds carry float noise)."""
    return math.ceil(bound - 1e-6)


def proven(d: ProvinceData, name: str, value: float, bound: float | None, status: str) -> bool:
    """Is `value` shown optimal by a lower `bound` (and HiGHS's `status`)?

    Whole-number stages: no whole number lies between the bound and the value. The fairness
    rules: HiGHS proved its optimum, or the bound is within the accuracy of its arithmetic.
    """
    if bound is None or math.isinf(bound):
        return name in SHARE_STAGES and status == "optimal"
    if integral(d, name):
        return value <= whole_bound(bound) + 1e-6
    if name in SHARE_STAGES:
        return status == "optimal" or value <= bound + CLAIM_TOLERANCE
    return value <= stage_bound(bound)


def unmet_per_municipality(d: ProvinceData, largest_share: float) -> dict[str, float]:
    """Unmet places each municipality may keep when no share exceeds `largest_share`.

    With whole places (status weights whole numbers) unmet places are whole, so the bound is
    rounded down: this keeps the fairness optimum exactly, whatever the float noise.
    """
    out = {}
    for m in d.municipalities:
        allowed = largest_share * d.share_base(m)
        if d.integral():
            allowed = math.floor(allowed + 1e-6)
        else:
            allowed = allowed + SHARE_TOLERANCE * max(1.0, allowed)
        out[m] = allowed
    return out


class ProvinceRun:
    """The lexicographic stages of one province.

    "strong": every stage that looks only at obligations and sites is first solved on the pool
    relaxation and its answer matched into deals (model/optimise/decompose.py); when the deals realise
    the pool's optimum, that is the stage's optimum. Otherwise, and for `deals` and `distance`,
    the pair model is solved, with the pool's bound as a floor. "plain": the pair model only.
    """

    def __init__(self, d: ProvinceData, order: tuple[str, ...], threads: int | None, method: str):
        self.d = d
        self.order = order
        self.threads = threads
        self.method = method
        self.settled: set[str] = set()
        """Stages already proven optimal as the tie-break of the stage before them."""
        deal_rules = d.rules.max_deals_per_municipality > 0 or bool(d.required)
        needs_deals = any(name in DEAL_STAGES for name in order) or deal_rules
        self.shape = Shape(deals=needs_deals, strong=method == "strong")
        self.deals_due = method != "strong" or deal_rules
        """Does the pair model need its deal binaries yet? Without deal rules they restrict nothing
        but the deal stages (a deal may always be made where units move), so the pair model of the
        stages before them is built without them: the same optima, a smaller model."""
        self.bounds = Bounds()
        self.bounded = False
        """Have the bounds before the deal stages been computed (once per province)?"""
        self.decision: dict[str, dict] = {  # no exchange, no new site: feasible without locks
            "x": {s: d.lo[s] if d.committed[s] else 0 for s in d.sites},
            "y": {},
            "q": {},
        }
        self.pool_decision: dict[str, dict] | None = None
        self.optima: list[tuple[str, float]] = []
        self.outcomes: list[StageOutcome] = []
        self.clock = Clock()
        self.pair: StageModel | None = None
        self.stale = False
        """Was the pair model built before the latest bounds (rebuild before solving it)?"""
        self.pool: StageModel | None = None
        self.groups = groups_of(d) if method == "strong" else []
        self.parts: list[StageModel] | None = None
        """The pair model per group (ProvinceRun._on_parts), with the optima kept so far."""
        self.parts_kept = 0
        self.least_places: list[tuple[float, float]] | None = None
        self.places_enough = False
        self.split: set[str] = set()
        """Earlier stages whose optimum has one value per group on the face."""
        self.split_failed = False
        self.group_ranges: list[dict[str, tuple[float, float]]] | None = None
        """Range of each earlier stage's value per group on the face (ProvinceRun._group_ranges)."""
        self.group_least: dict[str, list[float]] = {}
        """Per deal stage: each group's least value on the face (ProvinceRun._group_bounds)."""
        self.group_reached: set[str] = set()
        """Deal stages whose optimum the groups' bounds reached (ProvinceRun._group_bounds)."""
        self.unproven = False
        """Did an earlier stage (or the second rule of fairness) end unproven?"""
        if method == "strong":
            self.pool = self._build(Bounds(), Shape(pool=True))

    def _build(self, bounds: Bounds, shape: Shape) -> StageModel:
        """A model with every earlier optimum kept in it."""
        built = StageModel(self.d, bounds, shape, self.threads, self.clock)
        for name, value in self.optima:
            if name in built.model.stage:
                built.bound(name, value)
        return built

    def pairs(self) -> StageModel:
        if self.pair is None:
            shape = self.shape if self.deals_due else replace(self.shape, deals=False)
            self.pair = self._build(self.bounds, shape)
            impossible = getattr(self.pair.model, "impossible_required", [])
            if impossible:
                raise InputError(locked_deals_problem(self.d, impossible))
        return self.pair

    def evaluate(self, decision: dict[str, dict]) -> tuple[np.ndarray, dict[str, float]]:
        return self.pairs().evaluate(decision)

    def run_stage(self, name: str, time_left: float) -> None:
        """Minimise one stage with the earlier ones kept; keep the best decision known."""
        started = time.perf_counter()
        deadline = started + max(time_left, 0.0)
        for part in ("fairness", "shares") if name == "fairness" else (name,):
            value, bound, status = self._minimise(part, deadline)
            self.unproven = self.unproven or status != Status.OPTIMAL
            if part == name:
                self.outcomes.append(StageOutcome(name, value, bound, status, 0.0))
            self.optima.append((part, value))
            for built in (self.pair, self.pool):
                if built is not None and part in built.model.stage:
                    built.bound(part, value)
        if self.method == "strong" and name in ("unmet", "fairness"):
            self._tighten(name)
        self.outcomes[-1].seconds = time.perf_counter() - started

    def _minimise(self, name: str, deadline: float) -> tuple[float, float | None, Status]:
        """The stage's value, bound and status, with self.decision its best decision."""
        if name in self.settled:
            value = self.evaluate(self.decision)[1][name]
            return value, value, Status.OPTIMAL
        if name in DEAL_STAGES and not self.deals_due:
            self.deals_due = True
            self.pair, self.stale = None, False  # rebuilt with the deal binaries
        if name in DEAL_STAGES and self.pool is not None and not self.bounded:
            self.bounded = True
            now = time.perf_counter()
            self._bound_net_changes(now + RANGES_SHARE * max(deadline - now, 0.0))
        floor = None
        if self.pool is not None and name not in DEAL_STAGES:
            found = self._on_pool(name, deadline)
            if found is not None and found[2] == Status.OPTIMAL:
                return found
            floor = None if found is None else found[1]
        return self._on_pairs(name, deadline, floor)

    def _on_pool(self, name: str, deadline: float) -> tuple[float, float | None, Status] | None:
        """Solve the stage on the pool and match it into deals; None when nothing came of it."""
        left = deadline - time.perf_counter()
        if left <= 0:
            return None
        start = None if self.pool_decision is None else self.pool.evaluate(self.pool_decision)[0]
        attempt = self.pool.solve(name, start, left)
        if attempt.decision is None:
            return None
        self.pool_decision = attempt.decision
        q = decompose(self.d, attempt.decision)
        before = self.evaluate(self.decision)[1][name]
        if q is not None:
            candidate = {"x": attempt.decision["x"], "y": attempt.decision.get("y", {}), "q": q}
            vector, values = self.evaluate(candidate)
            tolerance = SHARE_TOLERANCE if name in SHARE_STAGES else STAGE_TOLERANCE
            if self._fits(vector) and values[name] <= stage_bound(attempt.worth, tolerance):
                self._adopt(candidate, Goal(name))
                value = self.evaluate(self.decision)[1][name]
                done = proven(self.d, name, value, attempt.bound, attempt.status)
                return value, attempt.bound, Status.OPTIMAL if done else Status.TIME_LIMIT
        return before, attempt.bound, Status.TIME_LIMIT

    def _adopt(self, candidate: dict[str, dict], goal: Goal) -> None:
        """Make `candidate` (a package that fits) the best known when it is no worse on `goal`,
        or when the best known does not fit the pair model."""
        worth = goal.worth(self.evaluate(candidate)[1])
        if worth <= goal.worth(self.evaluate(self.decision)[1]) or not self._feasible(
            self.decision
        ):
            self.decision = candidate

    def _feasible(self, decision: dict[str, dict]) -> bool:
        return self._fits(self.evaluate(decision)[0])

    def _fits(self, vector: np.ndarray) -> bool:
        """Does a complete vector of the pair model satisfy every row?"""
        return self.pairs().hm.violation(vector) <= 1e-6

    def _on_pairs(
        self, name: str, deadline: float, floor: float | None
    ) -> tuple[float, float | None, Status]:
        """Solve the stage on the pair model; `floor` is a proven lower bound (from the pool)."""
        if deadline <= time.perf_counter():
            return self._not_solved(name, floor)  # the pair model in hand evaluates, stale or not
        if self.stale:
            self.pair, self.stale = None, False
        pair = self.pairs()
        if floor is not None:
            pair.hm.floor(pair.model.stage[name], floor)
        if floor is not None and self._deals_done():
            found = self._within_deals(name, deadline, floor)
            if found is not None:
                return found
        goal = self._goal(name)
        if name not in PROVINCE_STAGES and self.groups_apart(deadline):
            found, bound = self._on_parts(goal, deadline, floor)
            if found is not None:
                return found
            if math.isfinite(bound) and (floor is None or bound > floor):
                floor = bound
                pair.hm.floor(pair.model.stage[name], floor)
        if name in DEAL_STAGES and self._groups_bounded():
            found, bound = self._group_bounds(goal, deadline)
            if found is not None:
                return found
            if bound is not None and (floor is None or bound > floor):
                floor = bound
        start, values = self.evaluate(self.decision)
        feasible = self._fits(start)
        left = deadline - time.perf_counter()
        if left <= 0:
            return self._not_solved(name, floor)
        attempt = self._solve(pair, goal, start if feasible else None, left)
        if attempt.decision is not None:
            self._adopt(attempt.decision, goal)
        values = self.evaluate(self.decision)[1]
        if goal.tie and goal.proven(self.d, values, attempt.bound, attempt.status):
            self.settled.add(goal.tie)
            return values[name], values[name], Status.OPTIMAL
        bounds = [goal.name_bound(attempt.bound), floor, self._least(name)]
        bounds = [b for b in bounds if b is not None]
        bound = max(bounds) if bounds else None
        done = proven(self.d, name, values[name], bound, attempt.status)
        return values[name], bound, Status.OPTIMAL if done else Status.TIME_LIMIT

    def _not_solved(self, name: str, floor: float | None) -> tuple[float, float | None, Status]:
        """No time left: the package in hand, with the best bound known without a solve."""
        known = [b for b in (floor, self._least(name)) if b is not None]
        value = self.evaluate(self.decision)[1][name]
        return value, max(known) if known else None, Status.NOT_SOLVED

    def _least(self, name: str) -> float | None:
        """A bound on a deal stage that needs no solve (formulation.least_deals), for when HiGHS
        has none yet; None for the other stages."""
        if name not in DEAL_STAGES or self.method != "strong":
            return None
        pair = self.pairs()
        if pair.least is None:
            pair.least = least_deals(pair.model, self.d, pair.bounds)
        return pair.least[name]

    def _solve(self, model: StageModel, goal: Goal, start, time_limit: float) -> Attempt:
        """A deal stage of a large group (strong method): with units as real numbers first
        (FRACTIONAL_FROM to FRACTIONAL_BELOW municipalities), or from a package near the LP
        relaxation (from NEAR_FROM); everything else as it is."""
        size = len(model.d.municipalities)
        if self.method != "strong" or goal.name not in DEAL_STAGES:
            return model.solve(goal, start, time_limit)
        if FRACTIONAL_FROM <= size < FRACTIONAL_BELOW:
            return whole_from_fractional(model, goal, start, time_limit)
        if size < NEAR_FROM:
            return model.solve(goal, start, time_limit)
        deadline = time.perf_counter() + time_limit
        near = near_pairs(model, goal, start, NEAR_SHARE * time_limit)
        if near is not None and (start is None or near.worth < goal.worth(model.values_of(start))):
            start = model.evaluate(near.decision)[0]
        attempt = model.solve(goal, start, max(deadline - time.perf_counter(), 0.0))
        return attempt if near is None else with_better(attempt, near)

    def _goal(self, name: str) -> Goal:
        """`distance` with `transfers` as its tie-break when that stage follows it (strong
        method): one solve for both, and the tie often helps HiGHS prove the distance
        (docs/model.md, "Distance and transfers in one solve"). Otherwise the stage itself."""
        following = dict(zip(self.order, self.order[1:], strict=False)).get(name)
        if self.method != "strong" or (name, following) != ("distance", "transfers"):
            return Goal(name)
        units = sum(self.d.task[m, k] for m in self.d.municipalities for k in self.d.tradable)
        return Goal(name, tie=following, weight=float(units + 1))

    def groups_apart(self, deadline: float = math.inf) -> bool:
        """May this stage be solved group by group (docs/model.md, "Groups apart")?

        Only when the province has two or more groups and every earlier stage is proven
        optimal. Then yes when the least counted places of the groups on the face of the
        earlier optima add up to the province's tasks (the province's rows of places, the only
        rows that join the groups, then hold as soon as each group has its least places), or
        when every earlier optimum is split over the groups in one way only. The checks stop at
        `deadline` (and then say no).
        """
        if len(self.groups) < 2 or self.unproven:
            return False
        if self.least_places is None:
            found = self._least_places(deadline)
            if found is None:
                return False  # no time to know: asked again at the next stage
            self.least_places, self.places_enough = found
        if not self.least_places:
            return False
        return self.places_enough or self._split_one_way(deadline)

    def _least_places(self, deadline: float) -> tuple[list[tuple[float, float]], bool] | None:
        """Least counted places and amv places of each group on the face of the earlier optima
        (the pool's LP relaxation), and whether they add up to the province's tasks; None when
        `deadline` comes first."""
        hm, model, d = self.pool.hm, self.pool.model, self.d
        least = []
        with self._pool_lp({}):
            for g in self.groups:
                found = []
                for amv_only in (False, True):
                    left = min(RANGE_SECONDS, deadline - time.perf_counter())
                    if left <= 0:
                        return None
                    answer = hm.minimise(
                        sum(places(model, d, m, amv_only) for m in g), None, left, 0.0
                    )
                    if answer.status == "time_limit" and time.perf_counter() >= deadline:
                        return None
                    if answer.status != "optimal":
                        return [], False
                    found.append(answer.objective)
                if d.restricted(g).integral():  # whole places: the least is a whole number
                    found = [whole_bound(v) for v in found]
                least.append((found[0], found[1]))
        enough = sum(p for p, _ in least) >= model.reception_total - 1e-6
        enough = enough and sum(a for _, a in least) >= model.amv_total - 1e-6
        return least, enough

    def _split_one_way(self, deadline: float) -> bool:
        """Does each earlier optimum have one value per group on the face? Yes when the groups'
        least values add up to the optimum (each group is then at its least). The least values
        come from the pool (its LP, then the pool itself, from its last package, within
        SPLIT_SECONDS in all, and not past `deadline`); a deal stage is split one way when it was
        solved group by group and proven. A check that fails is not repeated."""
        if self.split_failed:
            return False
        deadline = min(deadline, time.perf_counter() + SPLIT_SECONDS)
        for name, value in self.optima:
            if name in PROVINCE_STAGES or name in self.split:
                continue
            if name in DEAL_STAGES or not self._adds_up(name, value, deadline):
                self.split_failed = True
                return False
            self.split.add(name)
        return True

    def _adds_up(self, name: str, value: float, deadline: float) -> bool:
        hm, model = self.pool.hm, self.pool.model
        parts = [group_stages(model, self.d, g)[name] for g in self.groups]
        needed = value - STAGE_TOLERANCE * max(1.0, abs(value))
        whole = integral(self.d, name)
        start = None if self.pool_decision is None else self.pool.evaluate(self.pool_decision)[0]
        for relax in (True, False):
            total = 0.0
            with hm.relaxed() if relax else nullcontext():
                for expr in parts:
                    left = deadline - time.perf_counter()
                    if left <= 0:
                        return False
                    gap = 0.999 if whole and not relax else 1e-9
                    answer = hm.minimise(expr, None if relax else start, left, gap)
                    if answer.bound is None or math.isinf(answer.bound):
                        return False
                    total += whole_bound(answer.bound) if gap > 0.5 else answer.bound
            if total >= needed:
                return True
        return False

    def _with_places(self, decision: dict[str, dict]) -> dict[str, dict]:
        """`decision` with places added at committed sites (in code order, up to their maximum)
        until the province counts its tasks. Places at a committed site count in no stage
        before `new_places` and can only lower unmet places, so the earlier optima stay."""
        d, model = self.d, self.pairs().model
        x = dict(decision["x"])
        for amv_only, needed in ((True, model.amv_total), (False, model.reception_total)):
            counted = [s for s in d.sites if not amv_only or d.site_kind[s] == "amv"]
            have = sum(d.rho[s] * x[s] for s in counted)
            for s in counted:
                if have >= needed - 1e-9:
                    break
                if d.committed[s] and d.rho[s] > 0:
                    add = min(d.hi[s] - x[s], math.ceil((needed - have) / d.rho[s] - 1e-9))
                    if add > 0:
                        x[s] += add
                        have += d.rho[s] * add
        return {**decision, "x": x}

    def _parts(self) -> list[StageModel]:
        """The pair model of each group, with its least places and every optimum so far kept at
        the group's own value: the incumbent's value in the group (fairness: the province's
        largest share, which bounds each municipality). Every package that keeps the earlier
        optima has each group at these values (docs/model.md, "Groups apart").
        """
        if self.parts is None:
            self.parts = [self._part(index) for index in range(len(self.groups))]
            self.parts_kept = 0
        scale = 1.0 / len(self.parts)  # the groups' tolerances add up to at most the province's
        for name, value in self.optima[self.parts_kept :]:
            for part in self.parts:
                if name not in part.model.stage or name == "shortfall":
                    continue  # shortfall: the least places of each group keep it at 0
                own = value if name == "fairness" else part.evaluate(self._own(part))[1][name]
                part.bound(name, own, scale)
        self.parts_kept = len(self.optima)
        return self.parts

    def _part(self, index: int) -> StageModel:
        """The pair model of group `index` with its least places and amv places (groups_apart)."""
        g = self.groups[index]
        part = StageModel(
            self.d.restricted(g), self.bounds.restricted(g), self.shape, self.threads, self.clock
        )
        least, least_amv = self.least_places[index]
        part.hm.floor(part.model.counted_places, least)
        part.hm.floor(part.model.counted_amv_places, least_amv)
        return part

    def _own(self, part: StageModel) -> dict[str, dict]:
        return own_part(part.d, self.decision)

    def _on_parts(
        self, goal: Goal, deadline: float, floor: float | None
    ) -> tuple[tuple[float, float | None, Status] | None, float]:
        """The stage solved group by group; the sum of the groups' optima is the province's.

        Each group's model is a relaxation of its part of the province (its least places
        instead of the province's rows of places), so the sum of the groups' bounds is a bound
        for the province (returned second). When the groups' packages together (with places
        added at committed sites where the province counts too few) do not fit the province's
        model, the first is None and the whole pair model is solved.
        """
        name = goal.name
        parts = self._parts()
        merged: dict[str, dict] = {"x": {}, "y": {}, "q": {}}
        bound, done, tie_done = 0.0, True, True
        for index, part in enumerate(parts):
            left = (deadline - time.perf_counter()) / (len(parts) - index)
            own = self._own(part)
            start, values = part.evaluate(own)
            best = own
            attempt = self._solve(part, goal, start, max(left, 0.0))
            if attempt.decision is not None and attempt.worth <= goal.worth(values):
                best = attempt.decision
                values = part.evaluate(best)[1]
            for key in merged:
                merged[key].update(best.get(key, {}))
            own_bound = goal.name_bound(attempt.bound)
            low = -math.inf if own_bound is None else own_bound
            if integral(part.d, name) and math.isfinite(low):
                low = whole_bound(low)
            bound += low
            tied = goal.tie is not None and goal.proven(part.d, values, attempt.bound, "")
            tie_done = tie_done and tied
            done = done and (tied or proven(part.d, name, values[name], own_bound, attempt.status))
        if not self._feasible(merged):
            merged = self._with_places(merged)
        if not self._feasible(merged):
            return None, bound
        self._adopt(merged, goal)
        values = self.evaluate(self.decision)[1]
        if goal.tie and tie_done and self.decision is merged:
            self.settled.add(goal.tie)
            self.split.add(goal.tie)
        if floor is not None:
            bound = max(bound, floor)
        if not math.isfinite(bound):
            return (values[name], None, Status.TIME_LIMIT), bound
        done = done or proven(self.d, name, values[name], bound, "feasible")
        if done:
            self.split.add(name)  # each group at its least: the sum of the least is the optimum
        return (values[name], bound, Status.OPTIMAL if done else Status.TIME_LIMIT), bound

    def _groups_bounded(self) -> bool:
        """May a deal stage be bounded group by group? Two or more groups in which pairs may
        deal (with one, its bound is as hard to prove as the province's), every earlier stage
        proven, and the groups' least places known (ProvinceRun.groups_apart)."""
        dealing = {a for a, _ in self.d.pairs}
        return (
            self.method == "strong"
            and sum(1 for g in self.groups if dealing.intersection(g)) > 1
            and not self.unproven
            and bool(self.least_places)
        )

    def _group_ranges(self, deadline: float) -> list[dict[str, tuple[float, float]]] | None:
        """Least and largest value of each earlier stage (not shortfall, fairness or a deal
        stage) in each group on the face of the earlier optima: the pool with those optima kept
        and the settled sites held, a relaxation with the same stage values, so every package
        on the face has each group within these ranges. Computed once per province on the pool's
        LP relaxation (a relaxation too; the MIP gave the same deals on Limburg of nl-2024 split
        in two, at several times the cost), GROUP_RANGE_SECONDS each; None when `deadline` comes
        first."""
        if self.group_ranges is not None:
            return self.group_ranges
        hm, model, d = self.pool.hm, self.pool.model, self.d
        ranges: list[dict[str, tuple[float, float]]] = []
        with self._pool_lp(self.bounds.sites):
            for g in self.groups:
                found: dict[str, tuple[float, float]] = {}
                parts = group_stages(model, d, g)
                for name, _ in self.optima:
                    if name in PROVINCE_STAGES or name in DEAL_STAGES:
                        continue
                    ends = []
                    for sense in (1, -1):
                        left = min(GROUP_RANGE_SECONDS, deadline - time.perf_counter())
                        if left <= 0:
                            return None
                        answer = hm.minimise(parts[name], None, left, 0.0, sense=sense)
                        if answer.status != "optimal":
                            return None
                        ends.append(sense * answer.objective)
                    if integral(d, name):  # whole numbers: the range of whole values within
                        ends = [math.ceil(ends[0] - 1e-6), math.floor(ends[1] + 1e-6)]
                    found[name] = (ends[0], ends[1])
                ranges.append(found)
        self.group_ranges = ranges
        return ranges

    def _group_bounds(
        self, goal: Goal, deadline: float
    ) -> tuple[tuple[float, float | None, Status] | None, float | None]:
        """A deal stage bounded group by group when the groups are not apart (docs/model.md,
        "Bounds group by group").

        Each group's model keeps its least places, the province's largest share per
        municipality and every earlier stage within its range in the group on the face
        (_group_ranges; an earlier deal stage between the group's least value and the optimum
        less the other groups' least values). Every package on the face is, restricted to a
        group, a package of that group's model, so the sum of the groups' optima bounds the
        stage (returned second; also added to the pair model as one row per group). The
        province's model is then solved with the deals of the groups' packages held: when that
        package reaches the sum, it is the optimum (first). The checks stop at `deadline`.

        Not tried after an earlier deal stage whose optimum the groups' bound did not reach:
        there the province's rows joined the groups, and the next bound falls short too (Utrecht
        of nl-2024 split in two: 24 deals against the optimum 25, then 274 km against 351).
        """
        name = goal.name
        if any(
            earlier in DEAL_STAGES and earlier not in self.group_reached
            for earlier, _ in self.optima
        ):
            return None, None  # the province's rows joined the groups in an earlier deal stage
        deadline = time.perf_counter() + GROUP_BOUND_SHARE * (deadline - time.perf_counter())
        ranges = self._group_ranges(deadline)
        if ranges is None:
            return None, None
        pair = self.pairs()
        least: list[float] = []
        merged: dict[str, dict] = {"x": {}, "y": {}, "q": {}}
        for index in range(len(self.groups)):
            part = self._part(index)
            for earlier, value in self.optima:
                if earlier == "shortfall":
                    continue  # the least places keep it
                if earlier == "fairness":
                    part.bound(earlier, value)
                    continue
                if earlier in DEAL_STAGES:  # bounded by groups too (group_reached)
                    lows = self.group_least[earlier]
                    low, high = lows[index], value - (sum(lows) - lows[index])
                else:
                    low, high = ranges[index][earlier]
                part.hm.bound(part.model.stage[earlier], stage_bound(high))
                part.hm.floor(part.model.stage[earlier], low - STAGE_TOLERANCE * max(1, abs(low)))
            left = (deadline - time.perf_counter()) / (len(self.groups) - index)
            if left <= 0:
                return None, None
            start = part.evaluate(self._own(part))[0]  # the package in hand: on the face
            attempt = self._solve(part, Goal(name), start, left)
            if attempt.bound is None or not math.isfinite(attempt.bound):
                return None, None
            least.append(whole_bound(attempt.bound) if integral(part.d, name) else attempt.bound)
            if attempt.decision is not None:
                for key in merged:
                    merged[key].update(attempt.decision.get(key, {}))
        self.group_least[name] = least
        for g, low in zip(self.groups, least, strict=True):
            pair.hm.floor(group_stages(pair.model, self.d, g)[name], low - 1e-6)
        bound = sum(least)
        left = deadline - time.perf_counter()
        if left <= 0:
            return None, bound
        vector = pair.evaluate(merged)[0]
        columns = pair.hm.columns("deal")
        with pair.hm.fixed(columns, np.round(vector[columns])):
            attempt = pair.solve(goal, None, left, held=True)
        if attempt.decision is None:
            return None, bound
        values = pair.evaluate(attempt.decision)[1]
        if not proven(self.d, name, values[name], bound, "feasible"):
            if goal.worth(values) < goal.worth(self.evaluate(self.decision)[1]):
                self._adopt(attempt.decision, goal)  # a better start for the whole province
            return None, bound
        self._adopt(attempt.decision, goal)
        self.group_reached.add(name)
        value = self.evaluate(self.decision)[1][name]
        return (value, bound, Status.OPTIMAL), bound

    def _deals_done(self) -> bool:
        return any(name in DEAL_STAGES for name, _ in self.optima)

    def _within_deals(
        self, name: str, deadline: float, floor: float
    ) -> tuple[float, float | None, Status] | None:
        """After the deal stages: the stage solved with the deals of the best decision kept (who
        deals with whom, who gives what), a small MIP. Its package satisfies every row, so when it
        reaches the pool's `floor` it is the stage's optimum; otherwise None, and the whole pair
        model is solved from the better start.
        """
        pair = self.pairs()
        start, values = self.evaluate(self.decision)
        if not self._fits(start):
            return None
        columns = np.concatenate([pair.hm.columns(part) for part in ("deal", "giver")])
        left = deadline - time.perf_counter()
        if left <= 0 or not len(columns):
            return None
        with pair.hm.fixed(columns, np.round(start[columns])):
            attempt = pair.solve(name, start, WITHIN_DEALS_SHARE * left)
        if attempt.decision is None or attempt.worth > values[name]:
            return None
        self.decision = attempt.decision
        value = self.evaluate(self.decision)[1][name]
        if proven(self.d, name, value, floor, "feasible"):
            return value, floor, Status.OPTIMAL
        return None

    def _bound_net_changes(self, deadline: float) -> None:
        """Range of every net change on the pool with all earlier optima kept and the settled
        sites held (LP: valid bounds), as many as `deadline` allows (the others stay free).

        A municipality whose range excludes 0 in some component must deal; a component whose
        range is one-sided fixes who hands over and who takes over. The pair model is rebuilt
        with these bounds and the settled sites, which every package that keeps the earlier
        optima satisfies.
        """
        hm, model = self.pool.hm, self.pool.model
        sites = self._settled_sites(deadline)
        net: dict[tuple[str, str], tuple[float, float]] = {}
        with self._pool_lp(sites):
            for k, m in model.F:
                if deadline - time.perf_counter() <= 0:
                    break
                change = model.inflow[k, m] - model.outflow[k, m]
                left = min(RANGE_SECONDS, deadline - time.perf_counter())
                low = hm.minimise(change, None, left, 0.0, sense=1)
                left = min(RANGE_SECONDS, deadline - time.perf_counter())
                high = hm.minimise(change, None, left, 0.0, sense=-1)
                if low.status != "optimal" or high.status != "optimal":
                    continue
                net[m, k] = (math.ceil(low.objective - 1e-6), math.floor(-high.objective + 1e-6))
        if not net and not sites:
            return  # nothing proved (no time): the pair model in hand stays
        active = frozenset(m for (m, _), (lo, hi) in net.items() if lo > 0 or hi < 0)
        self.bounds = replace(self.bounds, net=net, active=active, sites=sites)
        self.pair, self.stale, self.parts = None, False, None

    @contextmanager
    def _pool_lp(self, sites: dict[tuple[str, str], int]):
        """The pool's LP relaxation with the settled `sites` held (none: `{}`), for the series of
        LPs inside, each with another objective (primal simplex: PRIMAL_SIMPLEX)."""
        hm, model = self.pool.hm, self.pool.model
        held = np.array([hm.column[id(model.y[s])] for _, s in sites], dtype=np.int32)
        values = np.array(list(sites.values()), dtype=float)
        with (
            hm.fixed(held, values),
            hm.relaxed(),
            hm.option("simplex_strategy", PRIMAL_SIMPLEX),
        ):
            yield

    def _settled_sites(self, deadline: float) -> dict[tuple[str, str], int]:
        """Soft sites open (1) or closed (0) in every package that keeps the earlier optima.

        On the pool with every earlier optimum kept, HiGHS looks for a point that changes y(s)
        of a candidate site (at first every soft site) from the pool's best point: it maximises
        the number changed and stops at its first point that changes one. When its bound shows
        that number is 0, no pool point on the face changes any of them, and neither does any
        package (the pool is a relaxation with the same sites and stage values): all are settled.
        The sites a point found on the way changes are free, and the search is repeated for the
        others. The sites settled do not depend on which points are found: they are exactly those
        that no point of the face changes. When a search is cut off (each has half the time
        left), the rest are proven one by one: y(s) minimised (or maximised) from the pool's
        point, SITE_SECONDS each; a site whose other value turns up, or whose proof does not
        finish, stays free. In all at most SITES_SECONDS, and SITES_SHARE of the time to
        `deadline` (the rest is for the ranges).
        """
        if self.pool_decision is None:
            return {}
        hm, model, d = self.pool.hm, self.pool.model, self.d
        point = self.pool.evaluate(self.pool_decision)[0]
        started = time.perf_counter()
        deadline = min(started + SITES_SHARE * (deadline - started), started + SITES_SECONDS)
        column = {s: hm.column[id(model.y[s])] for s in model.S_soft}
        now = {s: round(point[column[s]]) for s in model.S_soft}
        candidates = list(model.S_soft)
        while candidates:
            left = deadline - time.perf_counter()
            if left <= 0:
                break
            changed = sum(1 - model.y[s] if now[s] else model.y[s] for s in candidates)
            # stop at the first point that changes one; without one, HiGHS proves there is none
            answer = hm.minimise(changed, point, left / 2, 0.5, sense=-1, target=-0.5)
            if answer.bound is not None and -answer.bound < 1 - 1e-6:  # none: all settled
                return {(d.site_municipality[s], s): now[s] for s in candidates}
            moved = set()
            if answer.values is not None:
                moved = {s for s in candidates if round(answer.values[column[s]]) != now[s]}
            if not moved:
                break  # cut off: one by one
            candidates = [s for s in candidates if s not in moved]
        return self._settled_one_by_one(candidates, point, deadline)

    def _settled_one_by_one(
        self, candidates: list[str], point: np.ndarray, deadline: float
    ) -> dict[tuple[str, str], int]:
        """The proofs of _settled_sites one site at a time, from the pool's `point`."""
        hm, model, d = self.pool.hm, self.pool.model, self.d
        column = {s: hm.column[id(model.y[s])] for s in candidates}
        now = {s: round(point[column[s]]) for s in candidates}
        found: list[np.ndarray] = []
        settled: dict[tuple[str, str], int] = {}
        for s in candidates:
            if any(round(other[column[s]]) != now[s] for other in found):
                continue
            left = deadline - time.perf_counter()
            if left <= 0:
                break
            sense = 1 if now[s] else -1  # show that y(s) >= 1, or that -y(s) >= 0
            answer = hm.minimise(model.y[s], point, min(SITE_SECONDS, left), 0.5, sense=sense)
            if answer.values is not None and round(answer.values[column[s]]) != now[s]:
                found.append(answer.values)
            elif answer.bound is not None and answer.bound > (0.5 if now[s] else -0.5):
                settled[d.site_municipality[s], s] = now[s]
        return settled

    def _tighten(self, name: str) -> None:
        """After `unmet` and `fairness`, keep what they proved (exact) for the next pair model.

        The pair model in hand stays valid for checking packages (the bounds only restate what
        its rows imply); it is rebuilt with them before it is next solved.
        """
        optima = dict(self.optima)
        if name == "unmet":
            self.bounds = replace(self.bounds, unmet=stage_bound(optima["unmet"]))
        elif name == "fairness":
            allowed = unmet_per_municipality(self.d, optima["fairness"])
            self.bounds = replace(self.bounds, unmet_of=allowed)
        self.stale = self.pair is not None
        self.parts = None

    def result(self) -> ProvinceSolution:
        """The final decision; each stage's value is that of this decision.

        Later stages may improve an earlier stage that hit the time limit (never worsen it: it
        is bounded), so the values are recomputed here rather than kept from each stage's end.
        """
        final = self.evaluate(self.decision)[1]
        for outcome in self.outcomes:
            outcome.value = final[outcome.name]
        places = {s: int(self.decision["x"].get(s, 0)) for s in self.d.sites}
        opened = {
            s: bool(self.d.committed[s] or self.decision["y"].get(s, 0) >= 1) for s in self.d.sites
        }
        q = self.decision.get("q", {})
        return ProvinceSolution(
            province=self.d.province,
            places=places,
            opened=opened,
            transfers={key: v for key, v in sorted(q.items()) if v > 0},
            stages=self.outcomes,
        )


def solve(
    instance: Instance,
    time_limit: float | None = None,
    threads: int | None = None,
    order: tuple[str, ...] | None = None,
    progress: Callable[[str], None] | None = None,
    method: str = "strong",
    jobs: int = 1,
) -> Solution:
    """Solve every province stage by stage; the time limit is a budget for the whole run.

    With `jobs` > 1 the provinces are shared out over that many processes (this one and workers)
    that solve each stage side by side; each province's run is the same as in one process, only
    with more of the stage's time.
    """
    started = time.perf_counter()
    deadline = math.inf if time_limit is None else started + time_limit
    order = tuple(order or instance.settings.objective.order)
    unknown = [s for s in order if s not in STAGES]
    if unknown:
        raise ValueError(f"unknown stage(s): {', '.join(unknown)}")
    if method not in METHODS:
        raise ValueError(f"unknown method {method!r}")
    locks = instance.deal_rules
    impossible = [
        (a, b)
        for a, b, rule in locks.itertuples(index=False)
        if rule == "require" and not instance.may_deal(a, b)
    ]
    if impossible:
        listed = ", ".join(f"{a}-{b}" for a, b in impossible)
        raise InputError(Problem(DEALS_FILE, Message("solve.locks_not_allowed", pairs=listed)))
    batches = side_by_side(
        [province_data(instance, p) for p in instance.provinces], min(jobs, len(instance.provinces))
    )
    here, *elsewhere = batches
    workers = [Worker(batch, order, threads, method) for batch in elsewhere]
    try:
        runs = Batch(here, order, threads, method)
        for number, name in enumerate(order):
            stage_started = time.perf_counter()
            # earlier stages weigh more (lexicographic order): a stage may use half of what is
            # left, the last one all of it; the provinces of a process share a stage's time,
            # passing on what they leave
            share = 1.0 if number == len(order) - 1 else STAGE_SHARE
            seconds = share * (deadline - time.perf_counter())
            for worker in workers:
                worker.send((name, seconds))
            outcomes = runs.run_stage(name, seconds)
            for worker in workers:
                outcomes |= worker.receive()
            if progress:
                progress(_progress_line(name, list(outcomes.values()), stage_started, started))
        solved = runs.results()
        for worker in workers:
            worker.send(None)
            solved.update(worker.receive())
    except BaseException:
        for worker in workers:  # whatever they are solving is no longer asked for
            worker.kill()
        raise
    finally:
        for worker in workers:
            worker.close()
    provinces = {p: solved[p][0] for p in instance.provinces}
    clocks = [clock for _, clock in solved.values()]
    return Solution(
        provinces=provinces,
        order=order,
        seconds=time.perf_counter() - started,
        model_seconds=sum(clock.models for clock in clocks),
        highs_seconds=sum(clock.highs for clock in clocks),
        solver_version=highs_version(),
        processes=len(batches),
    )


def _progress_line(
    name: str, outcomes: list[StageOutcome], stage_started: float, started: float
) -> Message:
    """The line of one stage over every province: its value, how it ended and its time."""
    values = [outcome.value for outcome in outcomes]
    total = max(values) if name == "fairness" else sum(values)
    lang = current_language()
    statuses = {outcome.status for outcome in outcomes}
    status = "/".join(text(lang, f"status.{s}") for s in sorted(statuses))
    now = time.perf_counter()
    return Message(
        "solve.progress",
        stage=Message(f"stage.{name}"),
        value=total,
        status=status,
        seconds=now - stage_started,
        total=now - started,
    )


def side_by_side(data: list[ProvinceData], processes: int) -> list[list[ProvinceData]]:
    """The provinces in `processes` batches of about equal work, each in the instance's order.

    The largest province first goes to the batch with the fewest municipalities so far (ties to
    the first batch): the same batches for the same instance, and the first batch (solved in this
    process) never empty.
    """
    batches: list[list[ProvinceData]] = [[] for _ in range(max(1, processes))]
    sizes = [0] * len(batches)
    position = {d.province: number for number, d in enumerate(data)}
    for d in sorted(data, key=lambda d: (-len(d.municipalities), position[d.province])):
        smallest = sizes.index(min(sizes))
        batches[smallest].append(d)
        sizes[smallest] += len(d.municipalities)
    return [sorted(batch, key=lambda d: position[d.province]) for batch in batches if batch]


class Batch:
    """Some provinces solved one after the other, stage by stage."""

    def __init__(
        self, data: list[ProvinceData], order: tuple[str, ...], threads: int | None, method: str
    ):
        self.runs = [ProvinceRun(d, order, threads, method) for d in data]

    def run_stage(self, name: str, seconds: float) -> dict[str, StageOutcome]:
        """Stage `name` in every province within `seconds`; each province's outcome."""
        stage_deadline = time.perf_counter() + seconds
        for index, run in enumerate(self.runs):
            run.run_stage(name, (stage_deadline - time.perf_counter()) / (len(self.runs) - index))
        return {run.d.province: run.outcomes[-1] for run in self.runs}

    def results(self) -> dict[str, tuple[ProvinceSolution, Clock]]:
        return {run.d.province: (run.result(), run.clock) for run in self.runs}


def _serve(connection, data: list[ProvinceData], order, threads, method) -> None:
    """A worker process: a Batch of provinces, a stage per message, the results after None."""
    try:
        batch = Batch(data, order, threads, method)
        while (message := connection.recv()) is not None:
            connection.send(batch.run_stage(*message))
        connection.send(batch.results())
    except EOFError:  # the process that asked has stopped asking (it failed itself)
        pass
    except BaseException as error:  # every other failure goes back to the process that asked
        with suppress(Exception):
            connection.send(error)
    finally:
        connection.close()


class Worker:
    """A Batch in a process of its own (a fresh one: see model/core/processes.py)."""

    def __init__(
        self, data: list[ProvinceData], order: tuple[str, ...], threads: int | None, method: str
    ):
        context = fresh_context(__name__)
        self.connection, theirs = context.Pipe()
        self.process = context.Process(
            target=_serve, args=(theirs, data, order, threads, method), daemon=True
        )
        self.process.start()
        theirs.close()

    def send(self, message) -> None:
        self.connection.send(message)

    def receive(self):
        """The worker's answer; its exception raised here when it failed."""
        try:
            answer = self.connection.recv()
        except EOFError:
            raise RuntimeError(f"worker process ended ({self.process.exitcode})") from None
        if isinstance(answer, BaseException):
            raise answer
        return answer

    def kill(self) -> None:
        """Stops the process at once, whatever it is doing (close still follows)."""
        self.process.kill()

    def close(self) -> None:
        self.connection.close()
        self.process.join()
