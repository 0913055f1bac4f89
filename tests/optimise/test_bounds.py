"""What the earlier stages prove before the deal stages (docs/model.md, "Bounds before the deal
stages"): each bound holds for every package that keeps the earlier optima."""

from __future__ import annotations

import math
import time

from builders import distance_instance, make_instance, municipality, site
from model.core.settings import STAGES
from model.optimise.formulation import province_data
from model.optimise.solve import Goal, ProvinceRun, near_pairs, solve
from model.results.check import check
from model.results.result import build_result


def three_ideas():
    """A has 100 places to find and three idea sites: A1 and A3 hold 100 places each, A2 only 60.

    By hand: unmet 0 needs 100 places at A's idea sites; one site is enough, so new_sites = 1,
    with A1 or A3 open. A2 alone is too small and with another site makes two: it is closed in
    every package that keeps the optima, while A1 and A3 may each be open or closed.
    """
    return make_instance(
        [municipality("A", 100), municipality("B", 0)],
        [
            site("A1", "A", kind="small", status="idea", hi=100),
            site("A2", "A", kind="small", status="idea", hi=60),
            site("A3", "A", kind="small", status="idea", hi=100),
        ],
    )


def test_a_site_closed_in_every_optimal_package_is_settled_and_the_others_stay_free():
    run = ProvinceRun(province_data(three_ideas(), "P"), STAGES, None, "strong")
    for name in STAGES[: STAGES.index("deals")]:
        run.run_stage(name, 60.0)
    assert [outcome.value for outcome in run.outcomes][1:6] == [0, 0, 100, 0, 1]
    assert run._settled_sites(math.inf) == {("A", "A2"): 0}
    assert run._settled_sites(time.perf_counter()) == {}  # no time left: nothing is settled


def test_settled_sites_keep_the_optimum():
    instance = three_ideas()
    solution = solve(instance)
    result = build_result(instance, solution)
    assert check(instance, result) == []
    assert result.summary["objectives"]["new_sites"] == 1
    assert solution.status == "optimal"


def test_the_ranges_keep_to_their_deadline():
    """The budget bounds every run: without time no range is proved and the pair model in hand
    stays; with time every net change gets its range."""
    run = ProvinceRun(province_data(three_ideas(), "P"), STAGES, None, "strong")
    for name in STAGES[: STAGES.index("deals")]:
        run.run_stage(name, 60.0)
    pair = run.pairs()
    run._bound_net_changes(time.perf_counter())
    assert run.bounds.net == {}
    assert run.pairs() is pair
    run._bound_net_changes(math.inf)
    assert len(run.bounds.net) == len(run.pool.model.F) > 0
    assert run.pairs() is not pair  # rebuilt with the ranges


def test_least_deals_and_length_need_no_solve():
    """A must hand over its 100 places and take 100 status holders (B or C may be its partner,
    so neither of them must deal): A needs one deal. Deals >= ceil(1 / 2) = 1, the optimum; the
    length >= half of A's nearest possible partner, B at 10 km: 5 (the optimum is 10)."""
    instance = distance_instance()
    run = ProvinceRun(province_data(instance, "P"), STAGES, None, "strong")
    for name in STAGES[: STAGES.index("deals")]:
        run.run_stage(name, 60.0)
    run._bound_net_changes(math.inf)
    assert run.bounds.active == {"A"}
    assert run._least("deals") == 1
    assert run._least("distance") == 5
    assert run._least("transfers") is None


def test_a_stage_without_time_keeps_its_floor_or_least_bound():
    """No time left: the stage keeps the package in hand, with the pool's floor as its bound (a
    stage before the deals) or the bound that needs no solve (a deal stage)."""
    run = ProvinceRun(province_data(distance_instance(), "P"), STAGES, None, "strong")
    run.run_stage("shortfall", 60.0)
    value, bound, status = run._on_pairs("unmet", time.perf_counter(), 3.0)
    assert (value, bound, status) == (100, 3.0, "not_solved")
    for name in STAGES[1 : STAGES.index("deals")]:
        run.run_stage(name, 60.0)
    run._bound_net_changes(math.inf)
    run.bounded = True
    value, bound, status = run._minimise("deals", time.perf_counter())
    assert (bound, status) == (1, "not_solved")


def test_a_package_near_the_lp_fits_and_its_bound_is_the_lp():
    """On distance_instance the LP relaxation of `deals` makes one deal, A with B or C (it
    needs one: A must move units); the package found among those pairs has the one deal, fits
    the whole pair model, and its bound (the LP's) is at most the optimum, 1."""
    run = ProvinceRun(province_data(distance_instance(), "P"), STAGES, None, "strong")
    for name in STAGES[: STAGES.index("deals")]:
        run.run_stage(name, 60.0)
    run.deals_due, run.pair = True, None
    run._bound_net_changes(math.inf)
    pair = run.pairs()
    near = near_pairs(pair, Goal("deals"), None, 30.0)
    assert near is not None and near.worth == 1
    assert run._fits(pair.evaluate(near.decision)[0])
    assert 0 < near.bound <= 1 + 1e-9


def test_sites_proven_one_by_one_settle_the_same():
    """The proofs one site at a time (after a search for all of them is cut off) settle A2
    closed and leave A1 and A3 free, as the search for all of them does."""
    run = ProvinceRun(province_data(three_ideas(), "P"), STAGES, None, "strong")
    for name in STAGES[: STAGES.index("deals")]:
        run.run_stage(name, 60.0)
    point = run.pool.evaluate(run.pool_decision)[0]
    sites = list(run.pool.model.S_soft)
    assert run._settled_one_by_one(sites, point, math.inf) == {("A", "A2"): 0}
    assert run._settled_one_by_one(sites, point, time.perf_counter()) == {}
