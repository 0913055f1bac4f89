"""What the earlier stages prove before the deal stages (docs/model.md, "Bounds before the deal
stages"): each bound holds for every package that keeps the earlier optima."""

from __future__ import annotations

import math
import time

from builders import make_instance, municipality, site
from model.core.settings import STAGES
from model.optimise.formulation import province_data
from model.optimise.solve import ProvinceRun, solve
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
