"""model/optimise/highs.py on its own: a Pyomo model handed to HiGHS, solved, bounded, fixed and
relaxed; and a package read back from HiGHS's columns as Pyomo reads it."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pyomo.environ as pyo
import pytest
from pyomo.repn import generate_standard_repn

from model.io.reading import read_instance
from model.optimise.formulation import Shape, build_model, load_decision, province_data
from model.optimise.highs import HighsModel
from model.optimise.solve import ProvinceRun, StageModel

ROOT = Path(__file__).resolve().parents[2]


def knapsack() -> pyo.ConcreteModel:
    """max 5a + 4b + 3c with 2a + 3b + c <= 5, a, b, c in {0, 1}. a + b weighs 5 and is worth 9;
    a + c is worth 8, b + c 7, all three weigh 6: the optimum is a = b = 1 (9)."""
    m = pyo.ConcreteModel()
    m.I = pyo.Set(initialize=["a", "b", "c"], ordered=True)
    m.x = pyo.Var(m.I, domain=pyo.Binary)
    value, weight = {"a": 5, "b": 4, "c": 3}, {"a": 2, "b": 3, "c": 1}
    m.cap = pyo.Constraint(expr=sum(weight[i] * m.x[i] for i in m.I) <= 5)
    m.value = pyo.Expression(expr=sum(value[i] * m.x[i] for i in m.I))
    m.decision_parts = ("x",)
    return m


def test_minimise_returns_the_optimum_and_its_bound():
    hm = HighsModel(knapsack())
    answer = hm.minimise(hm.model.value, None, 10, 0.0, sense=-1)
    assert answer.status == "optimal"
    assert -answer.objective == pytest.approx(9)
    assert hm.decision(answer.values) == {"x": {"a": 1, "b": 1, "c": 0}}


def test_runs_with_other_threads_in_one_process():
    """HiGHS keeps one task scheduler per process and refuses a run with another number of
    threads than it started with (the answer was NaN, "Not Set"): 2, then the default (1), then
    2 again in one process each give the optimum."""
    for threads in (2, None, 2):
        hm = HighsModel(knapsack(), threads)
        answer = hm.minimise(hm.model.value, None, 10, 0.0, sense=-1)
        assert answer.status == "optimal" and -answer.objective == pytest.approx(9), threads


def test_a_target_stops_at_the_first_solution_worth_it_and_holds_for_one_solve():
    """A knapsack of 40 items (presolve off, so that HiGHS searches): with a target of value 1
    it stops at its first solution worth at least 1 (status "target", not proven: its bound is
    above the value); a target beyond the optimum leaves the proof; the next solve without a
    target is proven again."""
    m = pyo.ConcreteModel()
    items = range(40)
    weight = {i: (7 * i * i + 3 * i) % 31 + 10 for i in items}
    value = {i: (5 * i * i + 11 * i) % 29 + 10 for i in items}
    m.x = pyo.Var(items, domain=pyo.Binary)
    m.cap = pyo.Constraint(expr=sum(weight[i] * m.x[i] for i in items) <= 200)
    m.value = pyo.Expression(expr=sum(value[i] * m.x[i] for i in items))
    hm = HighsModel(m)
    start = np.zeros(len(items))
    first = hm.minimise(m.value, start, 10, 0.0, presolve=False, sense=-1, target=-1)
    assert first.status == "target"
    assert first.objective <= -1 and first.bound < first.objective - 0.5
    beyond = hm.minimise(m.value, start, 10, 0.0, presolve=False, sense=-1, target=-10_000)
    assert beyond.status == "optimal" and beyond.bound == pytest.approx(beyond.objective)
    again = hm.minimise(m.value, start, 10, 0.0, presolve=False, sense=-1)
    assert again.status == "optimal" and again.objective == pytest.approx(beyond.objective)


def test_an_option_holds_inside_its_block_only():
    """HiGHS's lifting for probing (off by HiGHS's own default, -1) is on inside the block, and
    the knapsack's optimum is the same with it; after the block the option is back."""
    hm = HighsModel(knapsack())
    assert hm.highs.getOptionValue("mip_lifting_for_probing")[1] == -1
    with hm.option("mip_lifting_for_probing", 1):
        assert hm.highs.getOptionValue("mip_lifting_for_probing")[1] == 1
        assert -hm.minimise(hm.model.value, None, 10, 0.0, sense=-1).objective == pytest.approx(9)
    assert hm.highs.getOptionValue("mip_lifting_for_probing")[1] == -1


def test_a_bound_row_keeps_an_earlier_optimum():
    """With value >= 9 kept and the weight minimised the answer stays a + b (weight 5)."""
    hm = HighsModel(knapsack())
    hm.floor(hm.model.value, 9)
    weight = 2 * hm.model.x["a"] + 3 * hm.model.x["b"] + hm.model.x["c"]
    answer = hm.minimise(weight, None, 10, 0.0)
    assert answer.objective == pytest.approx(5)
    hm.bound(hm.model.value, 8.5)
    assert hm.minimise(weight, None, 10, 0.0).status == "infeasible"


def test_fixed_columns_hold_only_inside_the_block():
    hm = HighsModel(knapsack())
    column = np.array([hm.column[id(hm.model.x["a"])]], dtype=np.int32)
    with hm.fixed(column, np.array([0.0])):
        assert -hm.minimise(hm.model.value, None, 10, 0.0, sense=-1).objective == pytest.approx(7)
    assert -hm.minimise(hm.model.value, None, 10, 0.0, sense=-1).objective == pytest.approx(9)


def test_the_relaxation_gives_the_lp_bound():
    """LP: a and c fully (weight 3), then 2/3 of b: 5 + 3 + 8/3."""
    hm = HighsModel(knapsack())
    with hm.relaxed():
        lp = hm.minimise(hm.model.value, None, 10, 0.0, sense=-1)
    assert -lp.objective == pytest.approx(8 + 8 / 3)
    assert -hm.minimise(hm.model.value, None, 10, 0.0, sense=-1).objective == pytest.approx(9)


def test_a_time_limit_counts_from_the_start_of_its_own_solve():
    """HiGHS 1.x holds an LP's time limit against the total run time of all solves of the same
    Highs object: without care an LP with 0.02 s would stop at once ("time_limit", objective 0)
    once the model has run 0.05 s in all. A MIP's limit counts from its own start."""
    hm = HighsModel(knapsack())
    weight = 2 * hm.model.x["a"] + 3 * hm.model.x["b"] + hm.model.x["c"]
    with hm.relaxed():
        while hm.highs.getRunTime() < 0.05:
            hm.minimise(weight, None, 10, 0.0, sense=-1)
        lp = hm.minimise(hm.model.value, None, 0.02, 0.0, sense=-1)
    assert lp.status == "optimal"
    assert -lp.objective == pytest.approx(8 + 8 / 3)
    mip = hm.minimise(hm.model.value, None, 0.02, 0.0, sense=-1)
    assert mip.status == "optimal"
    assert -mip.objective == pytest.approx(9)
    everything = np.arange(len(hm.vars), dtype=np.int32)
    with hm.continuous(everything):
        assert hm.minimise(hm.model.value, None, 0.02, 0.0, sense=-1).status == "optimal"


def test_violation_measures_rows_and_bounds():
    hm = HighsModel(knapsack())
    columns = [hm.column[id(hm.model.x[i])] for i in "abc"]
    fine, heavy = np.zeros(3), np.zeros(3)
    fine[columns] = [1, 1, 0]
    heavy[columns] = [1, 1, 1]
    assert hm.violation(fine) == 0
    assert hm.violation(heavy) == pytest.approx(1)  # weight 6 against 5


def pyomo_reading(hm: HighsModel, expr) -> tuple[list[int], list[float], float]:
    repn = generate_standard_repn(expr, compute_values=True, quadratic=False)
    return [hm.column[id(v)] for v in repn.linear_vars], list(repn.linear_coefs), repn.constant


@pytest.mark.parametrize("shape", [Shape(pool=True), Shape(deals=True), Shape(strong=False)])
def test_rows_read_directly_equal_pyomos_reading(shape):
    """HighsModel reads most rows without Pyomo's general reader: same columns in the same order,
    same coefficients and constant, for every row and stage of a real province, and for the
    shapes it does not read itself (a product with a named expression, a parameter)."""
    instance = read_instance(ROOT / "instances" / "overijssel-2024")
    hm = HighsModel(build_model(province_data(instance, "Overijssel"), shape=shape))
    model = hm.model
    model.p = pyo.Param(initialize=2.5, mutable=True)
    exprs = [con.body for con in hm.constraints] + [model.stage[n] for n in model.stage]
    exprs += [0.5 * model.stage["unmet"] - 3, model.p * model.x[model.x.index_set().first()]]
    read_directly = 0
    for expr in exprs:
        idx, coef, constant = hm.linear(expr)
        assert (idx.tolist(), coef.tolist(), constant) == pyomo_reading(hm, expr)
        read_directly += hm._flat(expr) is not None
    assert read_directly >= 0.75 * len(exprs)


@pytest.mark.parametrize("instance_name", ["overijssel-2024-plan", "toy"])
def test_a_package_evaluated_on_its_vector_equals_load_decision(instance_name):
    """StageModel.evaluate computes the derived values and stage values on a column vector
    (Derivation); load_decision does the same in Pyomo. Every package of a real run, on the pool
    and the pair model, gets the same vector and the same stage values from both, to the bit."""
    instance = read_instance(ROOT / "instances" / instance_name)
    order = tuple(instance.settings.objective.order)
    checked = 0
    for province in instance.provinces:
        run = ProvinceRun(province_data(instance, province), order, None, "strong")
        packages = []
        for name in order:
            run.run_stage(name, 30)
            packages.append((run.pair, run.decision))
            packages.append((run.pool, run.pool_decision))
        for built, decision in packages:
            if built is None or decision is None:
                continue
            fresh = StageModel(built.d, built.bounds, built.shape, None)
            vector, values = fresh.evaluate(decision)
            load_decision(fresh.model, fresh.d, decision)
            assert vector.tolist() == fresh.hm.vector().tolist()
            model = fresh.model
            assert values == {name: pyo.value(model.stage[name]) for name in model.stage}
            checked += 1
    assert checked >= 10
