"""The one module that talks to HiGHS: a Pyomo model handed over once, then re-solved per stage.

Stages change only the objective and add bound rows, so HiGHS keeps the model between them. A
solve returns HiGHS's status, the column values, its objective and its dual bound; everything
else (what a value means, whether to trust it) is the stage driver's job (model/optimise/solve.py).
"""

from __future__ import annotations

import math
import os
import sys
import time
from collections.abc import Sequence
from contextlib import contextmanager, nullcontext
from dataclasses import dataclass

import highspy
import numpy as np
import pyomo.core as pyo
from pyomo.core.base.expression import ExpressionData, ScalarExpression
from pyomo.core.base.var import VarData
from pyomo.core.expr.numeric_expr import (
    LinearExpression,
    MonomialTermExpression,
    NegationExpression,
    SumExpression,
)
from pyomo.repn import generate_standard_repn

INFINITY = highspy.kHighsInf


def highs_version() -> str:
    return (
        f"{highspy.HIGHS_VERSION_MAJOR}.{highspy.HIGHS_VERSION_MINOR}.{highspy.HIGHS_VERSION_PATCH}"
    )


THREADS = 1
"""HiGHS's threads unless told otherwise. HiGHS's own choice depends on the machine's cores, and
its search (so the optimal package it finds among equal ones) on the threads: one thread gives
the same package on any machine, and was not slower on the deal stages (docs/model.md 7.8)."""


_SCHEDULER: list[int] = []
"""The threads of HiGHS's task scheduler in this process (one for the whole process)."""


def use_threads(threads: int) -> None:
    """HiGHS keeps one task scheduler per process and refuses to run with another number of
    threads than it was started with: restart it when a run asks for another number."""
    if _SCHEDULER and _SCHEDULER[0] != threads:
        highspy.Highs.resetGlobalScheduler(True)
    _SCHEDULER[:] = [threads]


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


SUMS = (LinearExpression, SumExpression)
NUMBERS = (int, float)


@dataclass
class Clock:
    """Where a run's time goes: HiGHS solving, and Pyomo (building the models, reading them into
    HiGHS, evaluating decisions). Not in the result files: times differ from run to run."""

    highs: float = 0.0
    models: float = 0.0


@dataclass
class Prices:
    """Duals of an LP and the ranging of its upper bounds (HighsModel.prices)."""

    row_dual: np.ndarray
    col_dual: np.ndarray
    row_up: np.ndarray
    col_up: np.ndarray
    upper: np.ndarray
    """The upper bounds of the rows, then of the columns, as solved."""


@dataclass
class Answer:
    """What HiGHS said about one solve."""

    status: str  # "optimal" | "time_limit" | "target" | "infeasible" | "error: ..." (HiGHS's words)
    values: np.ndarray | None
    objective: float | None
    bound: float | None


class HighsModel:
    """A linear Pyomo model in HiGHS: columns in the order of the model's variables."""

    def __init__(
        self, model: pyo.ConcreteModel, threads: int | None = None, clock: Clock | None = None
    ):
        self.model = model
        self.clock = clock or Clock()
        self.vars = list(model.component_data_objects(pyo.Var, descend_into=True))
        self.column = {id(v): n for n, v in enumerate(self.vars)}
        self.integer = np.array([v.is_integer() for v in self.vars], dtype=bool)
        self._where: dict[str, dict] = {}
        """Column of each index of a variable component, by name (_where_of)."""
        self.is_relaxed = False
        self.loose = 0
        """Integer columns made continuous for the solves inside `continuous` blocks."""
        self.highs = quiet_highs()
        self.highs.setOptionValue("random_seed", 0)
        self.highs.setOptionValue("mip_rel_gap", 0.0)
        self.threads = int(threads or THREADS)
        self.highs.setOptionValue("threads", self.threads)
        n = len(self.vars)
        self.lower = np.array([-INFINITY if v.lb is None else v.lb for v in self.vars], float)
        self.upper = np.array([INFINITY if v.ub is None else v.ub for v in self.vars], float)
        self.highs.addVars(n, self.lower, self.upper)
        ints = np.flatnonzero(self.integer).astype(np.int32)
        if len(ints):
            kinds = np.full(len(ints), highspy.HighsVarType.kInteger.value, dtype=np.uint8)
            self.highs.changeColsIntegrality(len(ints), ints, kinds)
        self._add_constraints()

    def linear(self, expr) -> tuple[np.ndarray, np.ndarray, float]:
        """Columns, coefficients and constant of a linear expression."""
        flat = self._flat(expr)
        if flat is not None:
            terms, constant = flat
            idx = np.fromiter(terms.keys(), dtype=np.int32, count=len(terms))
            coef = np.fromiter(terms.values(), dtype=float, count=len(terms))
            return idx, coef, constant
        repn = generate_standard_repn(expr, compute_values=True, quadratic=False)
        if repn.nonlinear_expr is not None:
            raise ValueError("the model must be linear")
        idx = np.array([self.column[id(v)] for v in repn.linear_vars], dtype=np.int32)
        coef = np.array(repn.linear_coefs, dtype=float)
        return idx, coef, float(repn.constant)

    def _flat(self, expr) -> tuple[dict[int, float], float] | None:
        """Sums (also nested, negated or named) of variables, constant multiples of variables and
        numbers, the rows the model is made of, read directly, with repeated variables added up;
        None for anything else, which Pyomo's general reader then takes. The same numbers either
        way (tests/optimise/test_highs.py), in about half the time."""
        terms: dict[int, float] = {}
        constant = self._collect(expr, 1.0, terms)
        return None if constant is None else (terms, constant)

    def _collect(self, expr, sign: float, terms: dict[int, float]) -> float | None:
        """Add sign * expr into `terms`; its constant, or None when expr is not such a sum."""
        kind = type(expr)
        if kind in NUMBERS:
            return sign * expr
        if kind is VarData:
            coef, var = 1, expr
        elif kind is MonomialTermExpression:
            coef, var = expr.args
            if type(coef) not in NUMBERS:
                return None
        elif kind is NegationExpression:
            return self._collect(expr.args[0], -sign, terms)
        elif kind is ExpressionData or kind is ScalarExpression:
            return self._collect(expr.expr, sign, terms)
        elif isinstance(expr, SUMS):
            constant = 0.0
            for arg in expr.args:
                found = self._collect(arg, sign, terms)
                if found is None:
                    return None
                constant += found
            return constant
        else:
            return None
        if var.fixed:
            return None
        column = self.column[id(var)]
        terms[column] = terms.get(column, 0.0) + sign * coef
        return 0.0

    def _add_constraints(self) -> None:
        lower, upper, starts, index, value = [], [], [], [], []
        # the model's constraints in the order of HiGHS's rows (rows added later follow them)
        self.constraints = list(self.model.component_data_objects(pyo.Constraint, active=True))
        for con in self.constraints:
            low, body, high = con.to_bounded_expression(evaluate_bounds=True)
            idx, coef, const = self.linear(body)
            lo = -INFINITY if low is None else low - const
            up = INFINITY if high is None else high - const
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

    def bound(self, expr, rhs: float) -> int:
        """Add the row expr <= rhs (an earlier stage kept at its optimum); returns its number."""
        idx, coef, const = self.linear(expr)
        self.highs.addRow(-INFINITY, rhs - const, len(idx), idx, coef)
        return self.highs.getNumRow() - 1

    def floor(self, expr, lhs: float) -> None:
        """Add the row expr >= lhs (a proven lower bound, which helps HiGHS stop early)."""
        idx, coef, const = self.linear(expr)
        self.highs.addRow(lhs - const, INFINITY, len(idx), idx, coef)

    @contextmanager
    def fixed(self, columns: np.ndarray, values: np.ndarray):
        """Hold `columns` at `values` for the solves inside the block."""
        if not len(columns):
            yield
            return
        self.highs.changeColsBounds(len(columns), columns, values, values)
        try:
            yield
        finally:
            self.highs.changeColsBounds(
                len(columns), columns, self.lower[columns], self.upper[columns]
            )

    @contextmanager
    def relaxed(self):
        """Solve the LP relaxation inside the block (integrality dropped, then restored)."""
        ints = np.flatnonzero(self.integer).astype(np.int32)
        if not len(ints):
            yield
            return
        cont = np.full(len(ints), highspy.HighsVarType.kContinuous.value, dtype=np.uint8)
        self.highs.changeColsIntegrality(len(ints), ints, cont)
        self.is_relaxed = True
        try:
            yield
        finally:
            self.is_relaxed = False
            kinds = np.full(len(ints), highspy.HighsVarType.kInteger.value, dtype=np.uint8)
            self.highs.changeColsIntegrality(len(ints), ints, kinds)

    @contextmanager
    def continuous(self, columns: np.ndarray):
        """Let integer `columns` take any value within their bounds inside the block."""
        columns = columns[self.integer[columns]].astype(np.int32)
        if not len(columns):
            yield
            return
        kinds = np.full(len(columns), highspy.HighsVarType.kContinuous.value, dtype=np.uint8)
        self.highs.changeColsIntegrality(len(columns), columns, kinds)
        self.loose += len(columns)
        try:
            yield
        finally:
            self.loose -= len(columns)
            kinds = np.full(len(columns), highspy.HighsVarType.kInteger.value, dtype=np.uint8)
            self.highs.changeColsIntegrality(len(columns), columns, kinds)

    @contextmanager
    def option(self, name: str, value):
        """HiGHS option `name` at `value` for the solves inside the block (then restored)."""
        before = self.highs.getOptionValue(name)[1]
        self.highs.setOptionValue(name, value)
        try:
            yield
        finally:
            self.highs.setOptionValue(name, before)

    @contextmanager
    def loosened(self, rows: Sequence[int], columns: Sequence[int], amount: float):
        """Raise the upper bounds of `rows` and `columns` by `amount` inside the block."""
        rows = np.asarray(rows, dtype=np.int32)
        columns = np.asarray(columns, dtype=np.int32)
        lp = self.highs.getLp()
        row_lower, row_upper = (np.asarray(a)[rows] for a in (lp.row_lower_, lp.row_upper_))
        col_lower, col_upper = (np.asarray(a)[columns] for a in (lp.col_lower_, lp.col_upper_))
        if len(rows):
            self.highs.changeRowsBounds(len(rows), rows, row_lower, row_upper + amount)
        if len(columns):
            self.highs.changeColsBounds(len(columns), columns, col_lower, col_upper + amount)
        try:
            yield
        finally:
            if len(rows):
                self.highs.changeRowsBounds(len(rows), rows, row_lower, row_upper)
            if len(columns):
                self.highs.changeColsBounds(len(columns), columns, col_lower, col_upper)

    @contextmanager
    def without(self, constraints: Sequence[pyo.Constraint]):
        """Drop the rows of `constraints` (no bounds) inside the block."""
        number = {id(con): n for n, con in enumerate(self.constraints)}
        rows = np.array([number[id(con)] for con in constraints], dtype=np.int32)
        lp = self.highs.getLp()
        row_lower, row_upper = (np.asarray(a)[rows] for a in (lp.row_lower_, lp.row_upper_))
        free = np.full(len(rows), INFINITY)
        self.highs.changeRowsBounds(len(rows), rows, -free, free)
        try:
            yield
        finally:
            self.highs.changeRowsBounds(len(rows), rows, row_lower, row_upper)

    def set_row_upper(self, row: int, upper: float) -> None:
        """Change the upper bound of one row (INFINITY: no bound)."""
        lower = self.highs.getLp().row_lower_[row]
        self.highs.changeRowBounds(row, lower, upper)

    def prices(self) -> Prices:
        """Duals of the last LP solve, and how far each upper bound may rise at its price.

        A dual is the change of the objective per unit that the bound rises (HiGHS's sign: a
        binding upper bound of a minimisation has a dual <= 0). `row_up` and `col_up` are the
        values of the upper bounds up to which the prices hold on the optimal basis (HiGHS's
        ranging): at least that far, perhaps further on another basis. NaN where HiGHS gives
        no ranging.
        """
        solution = self.highs.getSolution()
        lp = self.highs.getLp()
        row_dual, col_dual = np.zeros(lp.num_row_), np.zeros(lp.num_col_)
        if solution.dual_valid:
            row_dual, col_dual = np.array(solution.row_dual), np.array(solution.col_dual)
        row_up, col_up = np.full(lp.num_row_, np.nan), np.full(lp.num_col_, np.nan)
        status, ranging = self.highs.getRanging()
        if status == highspy.HighsStatus.kOk and ranging.valid:
            row_up = np.array(ranging.row_bound_up.value_, dtype=float)
            col_up = np.array(ranging.col_bound_up.value_, dtype=float)
        upper = np.concatenate([np.asarray(lp.row_upper_), np.asarray(lp.col_upper_)])
        return Prices(row_dual, col_dual, row_up, col_up, upper)

    def set_objective(self, expr, sense: int = 1) -> float:
        """Make `sense * expr` the objective; returns the constant part (times sense)."""
        n = len(self.vars)
        idx, coef, const = self.linear(expr)
        cost = np.zeros(n)
        np.add.at(cost, idx, sense * coef)
        self.highs.changeColsCost(n, np.arange(n, dtype=np.int32), cost)
        self.highs.changeObjectiveOffset(sense * const)
        return sense * const

    def minimise(
        self,
        expr,
        start: np.ndarray | None,
        time_limit: float,
        abs_gap: float,
        presolve: bool = True,
        sense: int = 1,
        fresh: bool = False,
        target: float | None = None,
    ) -> Answer:
        """Solve with `sense * expr` as objective (minimised).

        An LP starts from the basis of the LP before it, unless `fresh`: a basis that is optimal
        for a near neighbour is a good start, one for another objective often a poor one.

        `target`: a MIP stops at its first solution worth at most `target` (status "target",
        with that solution and HiGHS's bound so far); when there is none it ends as usual, with
        the proof.

        HiGHS 1.16's presolve can be wrong on small MIPs (two random instances of the property
        tests: "optimal" with NaN values, and "infeasible" for a model with a solution): such an
        answer is checked by solving again without presolve, and NaN values are never returned.
        """
        self.set_objective(expr, sense)
        self.highs.setOptionValue("mip_abs_gap", abs_gap)
        deadline = time.perf_counter() + max(time_limit, 0.01)
        aimed = nullcontext() if target is None else self.option("objective_target", target)
        with aimed:
            for with_presolve in (True, False) if presolve else (False,):
                answer = self._run(start, deadline, with_presolve, fresh)
                finite = answer.values is None or (
                    bool(np.isfinite(answer.values).all()) and math.isfinite(answer.objective)
                )
                if finite and answer.status != "infeasible":
                    return answer
        return answer if finite else Answer("error: no finite solution", None, None, None)

    def _run(
        self, start: np.ndarray | None, deadline: float, presolve: bool, fresh: bool
    ) -> Answer:
        n = len(self.vars)
        limit = max(deadline - time.perf_counter(), 0.01)
        if self.is_relaxed or self.loose == int(self.integer.sum()):
            # HiGHS 1.x holds an LP's time limit against the run time of all solves of this
            # object so far (a MIP's against its own): without this, an LP after some seconds of
            # earlier solves would stop at once with "time limit" and no answer
            limit += self.highs.getRunTime()
        self.highs.setOptionValue("time_limit", limit)
        self.highs.setOptionValue("presolve", "on" if presolve else "off")
        if fresh or not self.is_relaxed:
            self.highs.clearSolver()  # each MIP from scratch; LPs in a row keep their basis
        if start is not None:
            self.highs.setSolution(n, np.arange(n, dtype=np.int32), start)
        started = time.perf_counter()
        use_threads(self.threads)
        self.highs.run()
        self.clock.highs += time.perf_counter() - started
        status = self.highs.getModelStatus()
        info = self.highs.getInfo()
        solution = self.highs.getSolution()
        values = np.array(solution.col_value) if solution.value_valid else None
        mip = self.integer.any() and not self.is_relaxed
        if status in (highspy.HighsModelStatus.kOptimal, highspy.HighsModelStatus.kModelEmpty):
            bound = info.mip_dual_bound if mip else info.objective_function_value
            if bound is None or not math.isfinite(bound):
                bound = info.objective_function_value
            return Answer("optimal", values, info.objective_function_value, bound)
        if status in (
            highspy.HighsModelStatus.kTimeLimit,
            highspy.HighsModelStatus.kObjectiveTarget,
        ):
            bound = info.mip_dual_bound if math.isfinite(info.mip_dual_bound) else None
            stopped = "time_limit" if status == highspy.HighsModelStatus.kTimeLimit else "target"
            return Answer(stopped, values, info.objective_function_value, bound)
        if status == highspy.HighsModelStatus.kInfeasible:
            return Answer("infeasible", None, None, None)
        return Answer(f"error: {self.highs.modelStatusToString(status)}", None, None, None)

    def columns(self, component: str) -> np.ndarray:
        """Column numbers of every variable of an indexed component (e.g. "q", "deal")."""
        where = self._where_of(component)
        return np.fromiter(where.values(), dtype=np.int32, count=len(where))

    def _where_of(self, component: str) -> dict:
        """Column of each index of a variable component (none when the model has no such
        component), read once per component."""
        if component not in self._where:
            part = getattr(self.model, component, None)
            items = () if part is None else part.items()
            self._where[component] = {key: self.column[id(var)] for key, var in items}
        return self._where[component]

    def vector_of(self, parts: dict[str, dict]) -> np.ndarray:
        """A column vector with the values of `parts` (a variable component's name -> values by
        index; absent indices 0) and 0 in every other column."""
        vector = np.zeros(len(self.vars))
        for part, values in parts.items():
            where = self._where_of(part)
            for key, value in values.items():
                if value:
                    if key not in where:
                        raise ValueError(f"{part}{key} is not a variable of this model")
                    vector[where[key]] = value
        return vector

    def vector(self) -> np.ndarray:
        """The model's current variable values as a column vector."""
        return np.array([0.0 if v.value is None else float(v.value) for v in self.vars])

    def decision(self, values: np.ndarray) -> dict[str, dict]:
        """The decision of a column vector: its parts (`model.decision_parts`), whole where integer."""
        out: dict[str, dict] = {}
        for part in self.model.decision_parts:
            component = getattr(self.model, part, None)
            if component is None:
                continue
            out[part] = {}
            for index, var in component.items():
                value = values[self.column[id(var)]]
                out[part][index] = int(round(value)) if var.is_integer() else float(value)
        return out

    def violation(self, values: np.ndarray) -> float:
        """Largest violation of a row or column bound by a column vector (0 when feasible)."""
        lp = self.highs.getLp()
        matrix = lp.a_matrix_
        starts, index, value = (
            np.asarray(a) for a in (matrix.start_, matrix.index_, matrix.value_)
        )
        if matrix.format_ == highspy.MatrixFormat.kColwise:
            columns, rows = np.repeat(np.arange(lp.num_col_), np.diff(starts)), index
        else:
            rows, columns = np.repeat(np.arange(lp.num_row_), np.diff(starts)), index
        activity = np.bincount(rows, weights=value * values[columns], minlength=lp.num_row_)
        worst = max(
            float(np.max(np.asarray(lp.row_lower_) - activity, initial=0.0)),
            float(np.max(activity - np.asarray(lp.row_upper_), initial=0.0)),
            float(np.max(np.asarray(lp.col_lower_) - values, initial=0.0)),
            float(np.max(values - np.asarray(lp.col_upper_), initial=0.0)),
        )
        return worst
