"""The one place that talks to HiGHS: lexicographic stages, warm starts, time budget, status and gap.

Each province is solved on its own (provinces never interact). Stages run in `objective.order`;
stage k is minimised with every earlier stage bounded by f*(i) + 1e-6 * max(1, |f*(i)|) (model.md).
Stages that only look at obligations run on the small pool model; `deals` and `transfers` (and
every stage after them) on the pair model, started from the pool optimum split into pairs.

Every stage value we report is recomputed from the integer decision we load (sites and flows),
never taken from the solver's own figure; when the two disagree the stage is solved again without
the start, then without presolve.
"""

from __future__ import annotations

import math
import os
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field, replace

import highspy
import numpy as np
import pyomo.environ as pyo
from pyomo.repn import generate_standard_repn

from model.formulation import ProvinceData, build_model, change, load_decision, province_data
from model.instance import Instance
from model.settings import STAGES

PAIR_STAGES = frozenset({"deals", "transfers"})
INTEGRAL_STAGES = frozenset({"preference", "new_sites", "deals", "transfers", "new_places"})
NEIGHBOURS = 1
"""Partners per municipality and component in the quick rounds of the deals stage."""
ROUND_SECONDS = 30.0
"""Most time for one quick round on a neighbourhood before the full stage."""
STAGE_SHARE = 0.5
"""Share of the time left that a stage may use when later stages follow."""
GROUP_SHARE = 0.9
"""Share of a pair stage's time for solving it group by group (region scope)."""
GROUP_SEPARATOR = "\x1f"
"""Between province and region in an exchange group's label (Instance.exchange_group)."""
STAGE_TOLERANCE = 1e-6
"""Relative slack on earlier stages' optima (model.md, "Objective")."""


def stage_bound(value: float) -> float:
    return value + STAGE_TOLERANCE * max(1.0, abs(value))


@dataclass
class StageOutcome:
    """How one stage went in one province."""

    name: str
    value: float
    bound: float | None
    status: str  # "optimal" | "time_limit" | "not_solved"
    seconds: float

    @property
    def gap(self) -> float | None:
        if self.status == "optimal":
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
    build_seconds: float
    solver_seconds: float
    solver_version: str

    @property
    def status(self) -> str:
        statuses = {o.status for p in self.provinces.values() for o in p.stages}
        return "optimal" if statuses <= {"optimal"} else "time_limit"

    def gap(self) -> float:
        """Largest gap over the stages and provinces (0 when everything is proven optimal)."""
        gaps = [o.gap for p in self.provinces.values() for o in p.stages]
        return max((g if g is not None else math.inf for g in gaps), default=0.0)


def highs_version() -> str:
    return (
        f"{highspy.HIGHS_VERSION_MAJOR}.{highspy.HIGHS_VERSION_MINOR}.{highspy.HIGHS_VERSION_PATCH}"
    )


def quiet_highs() -> highspy.Highs:
    """A Highs object without its banner, which HiGHS writes to the process's stdout once.

    Our stdout carries the package (and CSV when piped), so the banner is sent to /dev/null.
    """
    sys.stdout.flush()
    saved = os.dup(1)
    try:
        with open(os.devnull, "w") as null:
            os.dup2(null.fileno(), 1)
            highs = highspy.Highs()
    finally:
        os.dup2(saved, 1)
        os.close(saved)
    highs.setOptionValue("output_flag", False)
    return highs


class HighsModel:
    """A Pyomo model handed to HiGHS once; stages change only the costs and add bound rows."""

    def __init__(self, model: pyo.ConcreteModel, threads: int | None):
        self.model = model
        self.vars = list(model.component_data_objects(pyo.Var, descend_into=True))
        self.column = {id(v): n for n, v in enumerate(self.vars)}
        self.integer = np.array([v.is_integer() for v in self.vars], dtype=bool)
        self.highs = quiet_highs()
        self.highs.setOptionValue("random_seed", 0)
        self.highs.setOptionValue("mip_rel_gap", 0.0)
        if threads:
            self.highs.setOptionValue("threads", int(threads))
        n = len(self.vars)
        lower = np.array([-highspy.kHighsInf if v.lb is None else v.lb for v in self.vars], float)
        upper = np.array([highspy.kHighsInf if v.ub is None else v.ub for v in self.vars], float)
        self.highs.addVars(n, lower, upper)
        ints = np.flatnonzero(self.integer).astype(np.int32)
        if len(ints):
            kinds = np.full(len(ints), highspy.HighsVarType.kInteger.value, dtype=np.uint8)
            self.highs.changeColsIntegrality(len(ints), ints, kinds)
        self._add_constraints()

    def linear(self, expr) -> tuple[np.ndarray, np.ndarray, float]:
        """Columns, coefficients and constant of a linear expression."""
        repn = generate_standard_repn(expr, compute_values=True, quadratic=False)
        if repn.nonlinear_expr is not None:
            raise ValueError("the model must be linear")
        idx = np.array([self.column[id(v)] for v in repn.linear_vars], dtype=np.int32)
        coef = np.array(repn.linear_coefs, dtype=float)
        return idx, coef, float(repn.constant)

    def _add_constraints(self) -> None:
        lower, upper, starts, index, value = [], [], [], [], []
        for con in self.model.component_data_objects(pyo.Constraint, active=True):
            idx, coef, const = self.linear(con.body)
            lo = -highspy.kHighsInf if con.lower is None else pyo.value(con.lower) - const
            up = highspy.kHighsInf if con.upper is None else pyo.value(con.upper) - const
            starts.append(len(index))
            index.extend(idx)
            value.extend(coef)
            lower.append(lo)
            upper.append(up)
        if lower:
            self.highs.addRows(
                len(lower),
                np.array(lower, float),
                np.array(upper, float),
                len(index),
                np.array(starts, np.int32),
                np.array(index, np.int32),
                np.array(value, float),
            )

    def bound(self, expr, rhs: float) -> None:
        """Add the row expr <= rhs (an earlier stage kept at its optimum)."""
        idx, coef, const = self.linear(expr)
        self.highs.addRow(-highspy.kHighsInf, rhs - const, len(idx), idx, coef)

    def minimise(
        self,
        expr,
        start: np.ndarray | None,
        time_limit: float,
        abs_gap: float,
        presolve: bool,
        fixed: tuple[np.ndarray, np.ndarray] | None = None,
    ) -> tuple[str, np.ndarray | None, float | None, float | None]:
        """Solve with expr as objective; returns status, column values, objective and dual bound.

        `fixed` = (columns, values) holds those columns at those values for this solve only (a
        neighbourhood of the start, or transfers fixed while the sites are repaired); the status
        is then "infeasible" when nothing fits.
        """
        if fixed is not None and len(fixed[0]):
            columns, values = fixed
            lower = np.array([self.vars[c].lb for c in columns], dtype=float)
            upper = np.array([self.vars[c].ub for c in columns], dtype=float)
            self.highs.changeColsBounds(len(columns), columns, values, values)
            try:
                return self.minimise(expr, start, time_limit, abs_gap, presolve)
            finally:
                self.highs.changeColsBounds(len(columns), columns, lower, upper)
        n = len(self.vars)
        idx, coef, const = self.linear(expr)
        cost = np.zeros(n)
        np.add.at(cost, idx, coef)
        self.highs.changeColsCost(n, np.arange(n, dtype=np.int32), cost)
        self.highs.changeObjectiveOffset(const)
        self.highs.setOptionValue("mip_abs_gap", abs_gap)
        self.highs.setOptionValue("time_limit", max(time_limit, 0.01))
        self.highs.setOptionValue("presolve", "on" if presolve else "off")
        if start is not None:
            self.highs.setSolution(n, np.arange(n, dtype=np.int32), start)
        self.highs.run()
        status = self.highs.getModelStatus()
        info = self.highs.getInfo()
        solution = self.highs.getSolution()
        values = np.array(solution.col_value) if solution.value_valid else None
        if status in (highspy.HighsModelStatus.kOptimal, highspy.HighsModelStatus.kModelEmpty):
            bound = info.mip_dual_bound if self.integer.any() else info.objective_function_value
            return "optimal", values, info.objective_function_value, bound
        if status == highspy.HighsModelStatus.kTimeLimit:
            bound = info.mip_dual_bound if math.isfinite(info.mip_dual_bound) else None
            return "time_limit", values, info.objective_function_value, bound
        if status == highspy.HighsModelStatus.kInfeasible:
            return "infeasible", None, None, None
        raise RuntimeError(f"HiGHS ended with {self.highs.modelStatusToString(status)}: a bug")

    def columns(self, component: str) -> np.ndarray:
        """Column numbers of every variable of an indexed component (e.g. "q", "deal")."""
        return np.array(
            [self.column[id(v)] for v in getattr(self.model, component).values()], dtype=np.int32
        )

    def vector(self) -> np.ndarray:
        """The model's current variable values as a column vector."""
        return np.array([0.0 if v.value is None else float(v.value) for v in self.vars])

    def decision(self, values: np.ndarray) -> dict[str, dict]:
        """Rounded sites and flows of a column vector."""
        out: dict[str, dict] = {}
        for part in ("x", "y", "inflow", "outflow", "q"):
            component = getattr(self.model, part, None)
            if isinstance(component, pyo.Var):
                out[part] = {
                    index: int(round(values[self.column[id(var)]]))
                    for index, var in component.items()
                }
        return out


def split_pool(d: ProvinceData, decision: dict[str, dict]) -> dict[tuple[str, str, str], int]:
    """Pairwise transfers from a balanced pool, from net givers to net takers.

    Few deals make a better start for the `deals` stage: each component first reuses pairs that
    already trade, then matches the largest giver with the largest taker.
    """
    q: dict[tuple[str, str, str], int] = {}
    partners: set[tuple[str, str]] = set()
    inflow, outflow = decision.get("inflow", {}), decision.get("outflow", {})
    for k in d.transferable:
        left: dict[str, int] = {}
        for m in d.municipalities:
            net = inflow.get((k, m), 0) - outflow.get((k, m), 0)
            if net:
                left[m] = net

        def move(giver: str, taker: str, k: str = k, left: dict = left) -> None:
            amount = min(-left[giver], left[taker])
            q[k, giver, taker] = q.get((k, giver, taker), 0) + amount
            left[giver] += amount
            left[taker] -= amount
            partners.add(tuple(sorted((giver, taker))))

        for giver, taker in sorted(partners):
            for g, t in ((giver, taker), (taker, giver)):
                if left.get(g, 0) < 0 < left.get(t, 0) and d.group[g] == d.group[t]:
                    move(g, t)
        while True:
            givers = [m for m in d.municipalities if left.get(m, 0) < 0]
            if not givers:
                break
            giver = min(givers, key=lambda m: (left[m], m))
            takers = [
                m for m in d.municipalities if left.get(m, 0) > 0 and d.group[m] == d.group[giver]
            ]
            move(giver, max(takers, key=lambda m: (left[m], m)))
    return q


def polish_transfers(
    d: ProvinceData, q: dict[tuple[str, str, str], int]
) -> dict[tuple[str, str, str], int]:
    """Remove relays and two-way transfers that no stage needs: never worse, often cleaner.

    When m takes units of k from i and hands units of k to j, i can give them to j directly;
    when i and j trade k both ways, the two cancel. Obligations stay the same (so do shortfall,
    unmet, preference, new_sites and new_places), fewer units move, and the move is made only
    when it adds no deal on balance and keeps the deal limit. A stage cut off by the time limit
    often leaves such detours in HiGHS's best solution.
    """
    q = {key: v for key, v in q.items() if v > 0}
    limit = d.settings.rules.max_deals_per_municipality

    def pairs() -> dict[tuple[str, str], int]:
        count: dict[tuple[str, str], int] = {}
        for _, a, b in q:
            pair = tuple(sorted((a, b)))
            count[pair] = count.get(pair, 0) + 1
        return count

    def degree(m: str, deals: dict) -> int:
        return sum(1 for pair in deals if m in pair)

    def move(k: str, i: str, m: str, j: str) -> bool:
        """Reroute i -> m -> j as i -> j (j == i: cancel the round trip)."""
        amount = min(q[k, i, m], q[k, m, j])
        before = pairs()
        trial = dict(q)
        for key in ((k, i, m), (k, m, j)):
            trial[key] -= amount
            if trial[key] == 0:
                del trial[key]
        if i != j:
            trial[k, i, j] = trial.get((k, i, j), 0) + amount
        q_before = dict(q)
        q.clear()
        q.update(trial)
        after = pairs()
        fine = len(after) <= len(before) and (
            not limit or all(degree(x, after) <= limit for x in (i, j))
        )
        if not fine:
            q.clear()
            q.update(q_before)
        return fine

    changed = True
    while changed:
        changed = False
        for k, i, m in sorted(q):
            if (k, i, m) not in q:
                continue
            for _, _, j in sorted(key for key in q if key[0] == k and key[1] == m):
                if (k, i, m) in q and (k, m, j) in q and move(k, i, m, j):
                    changed = True
    return q


@dataclass
class Attempt:
    """One checked solve of a stage: HiGHS's status and bound, and the decision it gave."""

    status: str
    decision: dict[str, dict] | None
    worth: float
    bound: float | None


class Part:
    """A HiGHS model with its data: a whole province, or one exchange group of it."""

    def __init__(self, d: ProvinceData, pairs: bool, threads: int | None):
        self.d = d
        self.hm = HighsModel(build_model(d, pairs=pairs), threads)

    def bound(self, name: str, value: float) -> None:
        self.hm.bound(self.hm.model.stage[name], value)

    def own(self, decision: dict[str, dict]) -> dict[str, dict]:
        """The part of a decision that concerns this part's municipalities and sites."""
        members = set(self.d.municipalities)
        return {
            key: {
                index: v
                for index, v in values.items()
                if (
                    self.d.site_municipality.get(index) in members
                    if key in ("x", "y")
                    else index[1] in members
                )
            }
            for key, values in decision.items()
        }

    def evaluate(self, decision: dict[str, dict]) -> tuple[np.ndarray, dict[str, float]]:
        """Complete vector and every stage value of a decision (model.md definitions)."""
        model = self.hm.model
        load_decision(model, self.d, self.own(decision))
        values = {name: float(pyo.value(model.stage[name])) for name in model.stage}
        return self.hm.vector(), values

    def solve(
        self,
        name: str,
        start: np.ndarray | None,
        time_limit: float,
        fixed: tuple[np.ndarray, np.ndarray] | None = None,
    ) -> Attempt:
        """Minimise a stage; the answer's own value is checked against HiGHS's figure.

        When they disagree the stage is solved again without the start, then without presolve,
        and a value the solution does not have is never reported.
        """
        integral = name in INTEGRAL_STAGES or all(
            float(r).is_integer() for r in self.d.rho.values()
        )
        deadline = time.perf_counter() + time_limit
        for warm, presolve in ((start, True), (None, True), (None, False)):
            status, values, claimed, bound = self.hm.minimise(
                self.hm.model.stage[name],
                warm,
                deadline - time.perf_counter(),
                abs_gap=0.999 if integral else 1e-6,
                presolve=presolve,
                fixed=fixed,
            )
            if status == "infeasible" and fixed is None:
                raise RuntimeError(f"{self.d.province}: stage {name} is infeasible: a bug")
            if values is None:
                return Attempt(status, None, math.inf, bound)
            decision = self.hm.decision(values)
            worth = self.evaluate(decision)[1][name]
            if worth <= stage_bound(claimed):
                return Attempt(status, decision, worth, bound)
        raise RuntimeError(
            f"{self.d.province}, stage {name}: HiGHS reports {claimed} but its solution is "
            f"worth {worth}, also without start and presolve"
        )


class ProvinceRun:
    """The lexicographic stages of one province, switching from pool to pairs when needed.

    Under region scope a pair stage is first solved group by group, which is exact when every
    earlier stage's optimum is the sum of the groups' own optima (see `_by_group`).
    """

    def __init__(self, d: ProvinceData, threads: int | None):
        self.d = d
        self.threads = threads
        self.shape = "none"
        self.part: Part | None = None
        self.decision: dict[str, dict] = {  # no exchange, no new site: always feasible
            "x": {s: d.lo[s] if d.committed[s] else 0 for s in d.sites},
            "y": {},
        }
        self.optima: list[tuple[str, float]] = []
        self.outcomes: list[StageOutcome] = []
        self.groups: list[Part] | None = None
        self.group_optima: dict[str, list[float]] = {}  # per group, of pair stages proven by group
        self.chained: set[str] = set()  # stages bounded group by group (see _by_group)
        self.build_seconds = 0.0
        self.solver_seconds = 0.0

    def _use(self, pairs: bool) -> None:
        shape = "pairs" if pairs else "pool"
        if shape == self.shape:
            return
        started = time.perf_counter()
        if self.shape == "pool":
            self.decision = {
                "x": self.decision["x"],
                "y": self.decision["y"],
                "q": split_pool(self.d, self.decision),
            }
        unmet = dict(self.optima).get("unmet")
        self.d.unmet_bound = None if unmet is None else stage_bound(unmet)
        self.part = Part(self.d, pairs, self.threads)
        for name, value in self.optima:
            self.part.bound(name, stage_bound(value))
        self.shape = shape
        self.build_seconds += time.perf_counter() - started

    def evaluate(self, decision: dict[str, dict]) -> tuple[np.ndarray, dict[str, float]]:
        return self.part.evaluate(decision)

    def feasible(self, decision: dict[str, dict]) -> bool:
        """Does a decision keep every earlier stage within its bound?"""
        values = self.evaluate(decision)[1]
        return all(values[name] <= stage_bound(value) for name, value in self.optima)

    def run_stage(self, name: str, pairs: bool, time_left: float) -> None:
        """Minimise one stage with the earlier ones bounded; keep the best decision known."""
        self._use(pairs)
        before = self.evaluate(self.decision)[1][name]
        if time_left <= 0:
            self._keep(name, before, None, "not_solved", 0.0)
            return
        started = time.perf_counter()
        deadline = started + time_left
        lower = None
        if name in PAIR_STAGES:
            grouped = self._by_group(name, time_left * GROUP_SHARE)
            if grouped is not None:
                lower = grouped.bound
                if grouped.decision is not None and grouped.worth <= before:
                    self.decision, before = grouped.decision, grouped.worth
        status, bound = "optimal", lower
        if lower is None or before > stage_bound(lower):
            start = self._improve_in_neighbourhood(name, (deadline - time.perf_counter()) / 3)
            attempt = self.part.solve(name, start, deadline - time.perf_counter())
            if (
                attempt.decision is not None
                and attempt.worth <= self.evaluate(self.decision)[1][name]
            ):
                self.decision = attempt.decision
            status = attempt.status
            if attempt.bound is not None:
                bound = attempt.bound if lower is None else max(lower, attempt.bound)
        if "q" in self.decision:
            self.decision["q"] = polish_transfers(self.d, self.decision["q"])
        value = self.evaluate(self.decision)[1][name]
        if bound is not None and value <= stage_bound(bound):
            status = "optimal"
        seconds = time.perf_counter() - started
        self.solver_seconds += seconds
        self._keep(name, value, bound, status, seconds)

    def _group_parts(self) -> list[Part]:
        """One pair model per exchange group of two or more (flows never cross groups)."""
        members: dict[str, list[str]] = {}
        for m in self.d.municipalities:
            members.setdefault(self.d.group[m], []).append(m)
        parts = []
        for group, codes in sorted(members.items()):
            if len(codes) > 1:
                keep = set(codes)
                sites = [s for s in self.d.sites if self.d.site_municipality[s] in keep]
                d = replace(
                    self.d,
                    province=f"{self.d.province} / {group.split(GROUP_SEPARATOR)[-1]}",
                    municipalities=codes,
                    sites=sites,
                )
                parts.append(Part(d, pairs=True, threads=self.threads))
        return parts

    def _by_group(self, name: str, time_limit: float) -> Attempt | None:
        """Solve a pair stage group by group; its bound is valid for the province, or None.

        Each earlier stage (but `shortfall`, which couples the groups through the provincial
        test) is first minimised per group without that coupling: a relaxation, so every group's
        value is at least its own minimum. When the minima add up to the province's optimum,
        every group must sit at its minimum in every answer, and the province's stage is the
        sum of the groups' stages, of which the sum of their bounds is a valid bound. The groups'
        decisions are joined; if the provincial test then fails, the sites are repaired with the
        transfers held fixed. None when the province has one group or the minima do not add up.
        """
        deadline = time.perf_counter() + time_limit
        if self.groups is None:
            started = time.perf_counter()
            self.groups = (
                self._group_parts() if self.d.settings.rules.exchange_scope == "region" else []
            )
            self.build_seconds += time.perf_counter() - started
        if len(self.groups) < 2:
            return None
        for stage, value in self.optima:
            if stage == "shortfall" or stage in self.chained:
                continue
            lows = self.group_optima.get(stage)
            if lows is None and stage in PAIR_STAGES:
                self.groups = []  # solved by group but not proven: the chain cannot go on exactly
                return None
            if lows is None:
                attempts = [
                    g.solve(stage, None, (deadline - time.perf_counter()) / len(self.groups))
                    for g in self.groups
                ]
                if any(a.status != "optimal" or a.bound is None for a in attempts):
                    self.groups = []
                    return None
                lows = [a.bound for a in attempts]
            if sum(lows) < value - STAGE_TOLERANCE * max(1.0, abs(value)):
                self.groups = []
                return None
            slack = stage_bound(value) - sum(lows)
            for group, low in zip(self.groups, lows, strict=True):
                group.bound(stage, low + slack)
            self.chained.add(stage)
        attempts = []
        for index, group in enumerate(self.groups):
            share = (deadline - time.perf_counter()) / (len(self.groups) - index)
            start, _ = group.evaluate(self.decision)
            attempts.append(group.solve(name, start, share))
        if any(a.decision is None for a in attempts):
            return None
        if all(a.status == "optimal" for a in attempts):
            self.group_optima[name] = [a.bound for a in attempts]
        bounds = [a.bound for a in attempts]
        bound = None if any(b is None for b in bounds) else sum(bounds)
        joined: dict[str, dict] = {
            "x": dict(self.decision["x"]),
            "y": dict(self.decision["y"]),
            "q": {},
        }
        for a in attempts:
            for key in joined:
                joined[key].update(a.decision.get(key, {}))
        if not self.feasible(joined):
            joined = self._repair_sites(name, joined, deadline)
        worth = math.inf if joined is None else self.evaluate(joined)[1][name]
        return Attempt(
            "optimal" if bound is not None and worth <= stage_bound(bound) else "time_limit",
            joined,
            worth,
            bound,
        )

    def _repair_sites(
        self, name: str, decision: dict[str, dict], deadline: float
    ) -> dict[str, dict] | None:
        """With the transfers (and deals) of `decision` held fixed, find sites that pass every bound."""
        hm = self.part.hm
        start, _ = self.evaluate(decision)
        columns = np.concatenate([hm.columns("q"), hm.columns("deal")])
        attempt = self.part.solve(
            name, None, max(deadline - time.perf_counter(), 1.0), fixed=(columns, start[columns])
        )
        if attempt.decision is None or not self.feasible(attempt.decision):
            return None
        return attempt.decision

    def _neighbourhood(self, name: str, start: np.ndarray) -> set[tuple[str, str]] | None:
        """Deals a first, quick solve of a pair stage may use, or None when there is no such step.

        For `deals`: the pairs of the start plus, per component, each giver's largest takers and
        each taker's largest givers (net changes of the start). Afterwards: only the deals already
        made. Either way the start stays feasible, so the quick solve is a better start for the
        full stage and never a worse one.
        """
        hm = self.part.hm
        if not hasattr(hm.model, "deal"):
            return None
        used = {pair for pair, v in hm.model.deal.items() if start[hm.column[id(v)]] > 0.5}
        if "deals" in dict(self.optima):
            return used
        if name != "deals":
            return None
        self.evaluate(self.decision)
        candidates = set(used)
        for k in self.d.transferable:
            net = {m: pyo.value(change(hm.model, m, k)) for m in self.d.municipalities}
            givers = [m for m in net if net[m] < -0.5]
            takers = [m for m in net if net[m] > 0.5]
            for side, other in ((givers, takers), (takers, givers)):
                for m in side:
                    near = [o for o in other if self.d.group[o] == self.d.group[m]]
                    near.sort(key=lambda o: (-abs(net[o]), o))
                    candidates.update(tuple(sorted((m, o))) for o in near[:NEIGHBOURS])
        return candidates & set(hm.model.deal)

    def _improve_in_neighbourhood(self, name: str, time_limit: float) -> np.ndarray:
        """Solve the stage on a few deals first (see `_neighbourhood`), again while it improves.

        Without it HiGHS spends the stage on the whole pair model: it finds few good deal
        patterns and keeps stray transfers of a few units in the package. Each round starts from
        the last one's answer, so the start only gets better. Returns the start for the full stage.
        """
        hm = self.part.hm
        deadline = time.perf_counter() + time_limit
        start, values = self.evaluate(self.decision)
        best = values[name]
        while (left := deadline - time.perf_counter()) > 0.05:
            allowed = self._neighbourhood(name, start)
            if allowed is None:
                break
            closed = np.array(
                [hm.column[id(v)] for pair, v in hm.model.deal.items() if pair not in allowed],
                dtype=np.int32,
            )
            attempt = self.part.solve(
                name, start, min(left, ROUND_SECONDS), fixed=(closed, np.zeros(len(closed)))
            )
            if attempt.decision is None or attempt.worth > best:
                break
            improved = attempt.worth < best - 0.5
            self.decision, best = attempt.decision, attempt.worth
            start, _ = self.evaluate(self.decision)
            if not improved or (attempt.status == "optimal" and "deals" in dict(self.optima)):
                break  # no gain, or no new deal allowed: the neighbourhood will not change
        return start

    def _keep(
        self, name: str, value: float, bound: float | None, status: str, seconds: float
    ) -> None:
        self.outcomes.append(StageOutcome(name, value, bound, status, seconds))
        self.optima.append((name, value))
        self.part.bound(name, stage_bound(value))

    def result(self) -> ProvinceSolution:
        """The final decision; each stage's value is that of this decision.

        Later stages may improve an earlier stage that hit the time limit (never worsen it: it
        is bounded), so the values are recomputed here rather than kept from each stage's end.
        """
        final = self.evaluate(self.decision)[1]
        for outcome in self.outcomes:
            outcome.value = final[outcome.name]
        if self.shape == "pool":
            q = split_pool(self.d, self.decision)
        else:
            q = self.decision.get("q", {})
        places = {s: int(self.decision["x"].get(s, 0)) for s in self.d.sites}
        opened = {
            s: bool(self.d.committed[s] or self.decision["y"].get(s, 0) >= 1) for s in self.d.sites
        }
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
) -> Solution:
    """Solve every province stage by stage; the time limit is a budget for the whole run."""
    started = time.perf_counter()
    deadline = math.inf if time_limit is None else started + time_limit
    order = tuple(order or instance.settings.objective.order)
    unknown = [s for s in order if s not in STAGES]
    if unknown:
        raise ValueError(f"unknown stage(s): {', '.join(unknown)}")
    runs = [ProvinceRun(province_data(instance, p), threads) for p in instance.provinces]
    needs_pairs = instance.settings.rules.max_deals_per_municipality > 0
    for number, name in enumerate(order):
        needs_pairs = needs_pairs or name in PAIR_STAGES
        # earlier stages weigh more (lexicographic order): a stage may use half of what is left,
        # the last one all of it; provinces share a stage's time, passing on what they leave
        share = 1.0 if number == len(order) - 1 else STAGE_SHARE
        stage_deadline = time.perf_counter() + share * (deadline - time.perf_counter())
        for index, run in enumerate(runs):
            left = (stage_deadline - time.perf_counter()) / (len(runs) - index)
            run.run_stage(name, needs_pairs, left)
        if progress:
            total = sum(run.outcomes[-1].value for run in runs)
            statuses = {run.outcomes[-1].status for run in runs}
            status = "optimal" if statuses == {"optimal"} else "/".join(sorted(statuses))
            progress(f"stage {name}: {total:g} ({status}, {time.perf_counter() - started:.1f} s)")
    return Solution(
        provinces={run.d.province: run.result() for run in runs},
        order=order,
        seconds=time.perf_counter() - started,
        build_seconds=sum(run.build_seconds for run in runs),
        solver_seconds=sum(run.solver_seconds for run in runs),
        solver_version=highs_version(),
    )
