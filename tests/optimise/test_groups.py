"""Groups apart (docs/model.md, "Groups apart"): when the pairs that may deal split a province
into groups, the pair stages are solved group by group, but only when that is exact; and
distance with transfers as its tie-break in one solve."""

from __future__ import annotations

import time

import pytest

from builders import make_instance, municipality, site
from model.core.settings import STAGES
from model.optimise.formulation import province_data
from model.optimise.solve import Goal, ProvinceRun, groups_of, solve
from model.results.check import check
from model.results.result import build_result

ORDER = STAGES


def two_tables():
    """Two regional tables, each with one swap: A (N) and C (Z) have 100 places to find and no
    site; B (N) and D (Z) have a site with room and 100 status holders that A or C can house.

    By hand: each table needs its own deal (region scope), so deals = 2; nobody is short; the
    two swaps move 2 x 200 units; B1 and D1 hold 200 places each (min 0): new_places 400.
    """
    return make_instance(
        [
            municipality("A", 100, housing_extra_max=100, region="N"),
            municipality("B", 100, housing_task=100, region="N"),
            municipality("C", 100, housing_extra_max=100, region="Z"),
            municipality("D", 100, housing_task=100, region="Z"),
        ],
        [site("B1", "B", lo=0, hi=300), site("D1", "D", lo=0, hi=300)],
        rules={"exchange_scope": "region"},
    )


def run_all(instance) -> ProvinceRun:
    run = ProvinceRun(province_data(instance, "P"), ORDER, None, "strong")
    for name in ORDER:
        run.run_stage(name, 60.0)
    return run


def test_groups_are_the_parts_that_may_deal_with_each_other():
    d = province_data(two_tables(), "P")
    assert groups_of(d) == [["A", "B"], ["C", "D"]]
    alone = make_instance(
        [municipality("A", 10, region="N"), municipality("B", 10, region="Z")],
        rules={"exchange_scope": "region"},
    )
    assert groups_of(province_data(alone, "P")) == [["A", "B"]]  # nobody can deal: one group


def test_two_tables_are_solved_apart_with_the_hand_optimum():
    instance = two_tables()
    run = run_all(instance)
    assert run.groups_apart()
    assert run.least_places == [(200, 0), (200, 0)]
    assert [len(part.d.municipalities) for part in run.parts] == [2, 2]
    values = {o.name: o.value for o in run.outcomes}
    assert values == {
        "shortfall": 0,
        "unmet": 0,
        "fairness": 0,
        "firm": 0,
        "preference": 0,
        "new_sites": 0,
        "deals": 2,
        "distance": 0,
        "transfers": 400,
        "new_places": 400,
    }
    assert all(o.status == "optimal" for o in run.outcomes)
    solution = solve(instance)
    assert check(instance, build_result(instance, solution)) == []


def short_in_north(status: str):
    """A (N) has 100 places to find and a site for 50: 50 stay unmet, nobody can help. The
    province still needs 100 counted places; the other 50 may stand at B1 (N) or C1 (Z), sites
    of `status`."""
    return make_instance(
        [
            municipality("A", 100, region="N"),
            municipality("B", 0, region="N"),
            municipality("C", 0, region="Z"),
            municipality("E", 0, region="Z"),
        ],
        [
            site("A1", "A", hi=50),
            site("B1", "B", kind="municipal", status=status, hi=300),
            site("C1", "C", kind="municipal", status=status, hi=300),
        ],
        rules={"exchange_scope": "region"},
    )


def test_places_from_either_group_when_every_optimum_splits_one_way():
    """B1 and C1 exist (min 0). Least places: N 50 (A1), Z 0: not the province's 100. But every
    earlier optimum has one value per group (no soft places, no unmet outside A), so the groups
    are solved apart and committed places are added where the province counts too few.

    By hand: unmet 50, fairness 0.5, firm 0, no deals, new_places 100 (A1 50, 50 at B1 or C1).
    """
    run = run_all(short_in_north("existing"))
    assert run.least_places == [(50, 0), (0, 0)]
    assert not run.places_enough
    assert run.parts is not None
    assert {"deals", "distance", "transfers"} <= run.split
    values = {o.name: o.value for o in run.outcomes}
    assert (values["unmet"], values["fairness"], values["firm"]) == (50, 0.5, 0)
    assert (values["deals"], values["new_places"]) == (0, 100)
    assert all(o.status == "optimal" for o in run.outcomes)


def test_an_optimum_split_two_ways_keeps_the_province_whole():
    """B1 and C1 are planned: the 50 soft places the province needs may open in N or in Z, so
    firm (50) and new_sites (1) have two splits over the groups: solved whole.

    By hand: unmet 50, fairness 0.5, firm 50, new_sites 1, new_places 100.
    """
    run = run_all(short_in_north("planned"))
    assert not run.places_enough
    assert not run.groups_apart()
    assert run.parts is None
    values = {o.name: o.value for o in run.outcomes}
    assert (values["unmet"], values["firm"], values["new_sites"]) == (50, 50, 1)
    assert values["new_places"] == 100


def two_tables_sharing_places():
    """Two tables with one swap each (A gives B its 100 places for B's 100 status holders, C and
    D alike), E (N) 50 places and nobody to deal with (nothing to give back). Committed sites
    hold 400 places; the province needs 450, so 50 soft places open at B2 (N) or D2 (Z).

    By hand: unmet 50 (E), fairness 1, firm 50 and new_sites 1 in either group (so the groups
    are not apart), deals 2 (one per table), distance 0 (no km known), transfers 400,
    new_places 450.
    """
    return make_instance(
        [
            municipality("A", 100, housing_extra_max=100, region="N"),
            municipality("B", 100, housing_task=100, region="N"),
            municipality("E", 50, region="N"),
            municipality("C", 100, housing_extra_max=100, region="Z"),
            municipality("D", 100, housing_task=100, region="Z"),
        ],
        [
            site("B1", "B", hi=200),
            site("D1", "D", hi=200),
            site("B2", "B", kind="municipal", status="planned", hi=300),
            site("D2", "D", kind="municipal", status="planned", hi=300),
        ],
        rules={"exchange_scope": "region"},
    )


def test_deal_stages_bounded_group_by_group_when_the_groups_are_not_apart():
    """The soft places may open in either group, so the groups are not apart; each group's
    least number of deals on the face is 1, the groups' packages together reach 2 in the
    province's model, which proves it (docs/model.md, "Bounds group by group")."""
    instance = two_tables_sharing_places()
    run = run_all(instance)
    assert not run.places_enough
    assert run.parts is None
    assert run.group_least["deals"] == [1, 1]
    assert run.group_reached == {"deals", "distance"}
    values = {o.name: o.value for o in run.outcomes}
    assert (values["unmet"], values["fairness"], values["firm"], values["new_sites"]) == (
        50,
        1,
        50,
        1,
    )
    assert (values["deals"], values["distance"], values["transfers"]) == (2, 0, 400)
    assert values["new_places"] == 450
    assert all(o.status == "optimal" for o in run.outcomes)
    assert check(instance, build_result(instance, solve(instance))) == []


def test_an_earlier_stage_cut_off_keeps_the_province_whole():
    """Groups apart is exact only on the face of proven optima; a stage that was not proven
    (here: pretended) switches it off."""
    run = ProvinceRun(province_data(two_tables(), "P"), ORDER, None, "strong")
    run.run_stage("shortfall", 60.0)
    run.unproven = True
    assert not run.groups_apart()


def test_distance_and_transfers_in_one_solve():
    """`transfers` follows `distance`: one solve of distance * (units + 1) + transfers settles
    both (docs/model.md, "Distance and transfers in one solve").

    By hand (two tables): no km known, so distance 0; each swap moves 200 units: transfers 400.
    """
    run = run_all(two_tables())
    assert "transfers" in run.settled
    outcome = {o.name: o for o in run.outcomes}
    assert (outcome["distance"].value, outcome["transfers"].value) == (0, 400)
    assert outcome["transfers"].status == outcome["distance"].status == "optimal"


@pytest.mark.parametrize(
    "bound, expected",
    [(0.0, 0), (5 * 101 + 100, 5), (5 * 101 + 0.0, 5), (5 * 101 - 1e-9, 5), (4 * 101 + 99.5, 4)],
)
def test_a_bound_on_the_weighted_sum_bounds_the_first_stage(bound, expected):
    """weight 101: the tie is at most 100, so a bound B on 101 * distance + transfers (a whole
    number) means distance >= ceil((ceil(B) - 100) / 101)."""
    goal = Goal("distance", tie="transfers", weight=101.0)
    assert goal.name_bound(bound) == expected
    assert goal.worth({"distance": 5, "transfers": 100}) == 605


def test_the_provinces_own_stages_are_never_summed_over_groups():
    """Found by the property test: a locked deal sends `shortfall` to the pair model, where the
    groups' shortfalls must not be added up (shortfall and fairness are the province's own).

    By hand: the province counts 301 reception places of task (amv 4 of them) and has one site,
    S4 (planned, 300 to 301 places, no amv): open at 301, only the 4 amv places are short. Nobody
    has anything to give back, so every task stays unmet (301 + 4 amv = 305); the locked deal
    M2-M4 swaps 1 amv place for 1 regular place (2 units). Firm and new places: 301.
    """
    instance = make_instance(
        [
            municipality("M0", 0, region="N"),
            municipality("M1", 38, region="Z"),
            municipality("M2", 210, amv_task=4, region="N"),
            municipality("M3", 0, region="N"),
            municipality("M4", 53, region="N"),
        ],
        [site("S4", "M0", status="planned", lo=166, hi=301)],
        deals=[("M2", "M4", "require")],
        rules={"exchange_scope": "region"},
    )
    values = {o.name: o.value for o in run_all(instance).outcomes}
    assert (values["shortfall"], values["unmet"], values["firm"]) == (4, 305, 301)
    assert (values["deals"], values["transfers"], values["new_places"]) == (1, 2, 301)


def test_without_time_the_groups_are_not_split_and_asked_again_later():
    """The check keeps to the stage's deadline: with none left it says no and remembers nothing,
    so that a later stage with time finds the groups apart (the hand optimum above)."""
    run = ProvinceRun(province_data(two_tables(), "P"), ORDER, None, "strong")
    for name in ORDER:
        run.run_stage(name, 60.0)
    run.least_places = None
    assert not run.groups_apart(time.perf_counter())
    assert run.least_places is None
    assert run.groups_apart()
    assert run.least_places == [(200, 0), (200, 0)]
