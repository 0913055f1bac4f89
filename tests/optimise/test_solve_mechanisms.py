"""One micro-instance per mechanism of the model (docs/model.md), each optimum worked out by hand
in the docstring.

Stage values are listed in the default order: (shortfall, unmet, fairness, firm, preference,
new_sites, deals, distance, transfers, new_places). Municipalities without coordinates have
deals of unknown length, which count 0 km.
"""

from __future__ import annotations

import datetime as dt
from types import SimpleNamespace

import pytest

from builders import (
    distance_instance,
    english,  # noqa: F401 (autouse: the messages these tests read are English)
    make_instance,
    municipality,
    site,
)
from model.core.errors import InputError
from model.core.settings import STAGES
from model.optimise.solve import side_by_side, solve
from model.results.check import check
from model.results.result import build_result


def stage_values(instance) -> tuple:
    solution = solve(instance)
    result = build_result(instance, solution)
    assert check(instance, result) == []
    assert solution.status == "optimal"
    return tuple(result.summary["objectives"][name] for name in STAGES)


def swap_instance(component: str, **rules):
    """A has 100 places to find and no site; B has room and 100 units of `component` that A can take."""
    task, spare = f"{component}_task", f"{component}_extra_max"
    return make_instance(
        [
            municipality("A", 100, **{spare: 100}),
            municipality("B", 100, **{task: 100}),
        ],
        [site("B1", "B", lo=0, hi=300)],
        rules=rules,
    )


@pytest.mark.parametrize("component", ["housing", "ukraine"])
def test_swap(component):
    """B takes over A's 100 places; A performs B's 100 units of `component` in return.

    Province needs 200 places, all at B1 (min 0): new_places 200. One deal, 200 units moved.
    """
    assert stage_values(swap_instance(component)) == (0, 0, 0, 0, 0, 0, 1, 0, 200, 200)


def test_no_exchange_leaves_a_short():
    """Under exchange_scope "none" A's 100 places stay unmet; B1 still holds 200 for the province."""
    assert stage_values(swap_instance("housing", exchange_scope="none")) == (
        (0, 100, 1.0, 0, 0, 0, 0, 0, 0, 200)
    )


def test_region_scope_blocks_the_deal():
    """Same swap, but A and B sit at different regional tables: no deal under region scope."""
    instance = make_instance(
        [
            municipality("A", 100, housing_extra_max=100, region="Noord"),
            municipality("B", 100, housing_task=100, region="Zuid"),
        ],
        [site("B1", "B", lo=0, hi=300)],
        rules={"exchange_scope": "region"},
    )
    assert stage_values(instance) == (0, 100, 1.0, 0, 0, 0, 0, 0, 0, 200)


def test_relief_through_willing_extra():
    """B volunteers 30 places above its task: it takes 30 of A's 100 without return; 70 stay unmet."""
    instance = make_instance(
        [municipality("A", 100), municipality("B", 100, willing_extra=30)],
        [site("B1", "B", lo=0, hi=300)],
    )
    assert stage_values(instance) == (0, 70, 0.7, 0, 0, 0, 1, 0, 30, 200)


def test_balance_tolerance_acts_like_willing_extra_for_all():
    """A tolerance of 10 lets B take 10 of A's places without return (and A 10 of B's: unused)."""
    instance = make_instance(
        [municipality("A", 100), municipality("B", 100)],
        [site("B1", "B", lo=0, hi=300)],
        rules={"balance_tolerance": 10},
    )
    assert stage_values(instance) == (0, 90, 0.9, 0, 0, 0, 1, 0, 10, 200)


@pytest.mark.parametrize(
    ("kind", "expected"),
    [
        (
            "small",
            (40, 40, 1.0, 0, 0, 0, 0, 0, 0, 0),
        ),  # COA minimum 50 > the site's 40: never opens
        ("municipal", (0, 0, 0, 40, 0, 1, 0, 0, 0, 40)),  # minimum 1: opens with 40 soft places
    ],
)
def test_coa_minimum_blocks_a_small_site(kind, expected):
    """A needs 40 places; its only site is an idea of 10 to 40 places."""
    instance = make_instance(
        [municipality("A", 40)], [site("A1", "A", kind=kind, status="idea", lo=10, hi=40)]
    )
    assert stage_values(instance) == expected


@pytest.mark.parametrize(
    ("until", "expected"),
    [
        (dt.date(2027, 1, 1), (100, 100, 1.0, 0, 0, 0, 0, 0, 0, 0)),  # temporary: does not count
        (dt.date(2030, 7, 1), (0, 0, 0, 0, 0, 0, 0, 0, 0, 0)),  # exactly 5 years: counts
    ],
)
def test_non_durable_site_does_not_count(until, expected):
    """A's existing site of exactly 100 places counts only if available 5 years from 2025-07-01."""
    instance = make_instance(
        [municipality("A", 100)], [site("A1", "A", lo=100, hi=100, available_until=until)]
    )
    assert stage_values(instance) == expected


def test_site_available_after_reference_date_does_not_count():
    """A decided site that opens on 2025-07-02, one day late, does not count."""
    instance = make_instance(
        [municipality("A", 100)],
        [site("A1", "A", status="decided", lo=100, hi=100, available_from=dt.date(2025, 7, 2))],
    )
    assert stage_values(instance) == (100, 100, 1.0, 0, 0, 0, 0, 0, 0, 0)


def test_preference_against_a_large_site():
    """A needs 300 places and prefers sites of at most 100.

    Every site is soft, so `firm` is 300 whichever open. One regular site of 300 would put 200
    places above the preference; two small ones of 150 put 100 above; three small ones of 100 put
    none. Preference comes before new_sites: three sites.
    """
    instance = make_instance(
        [municipality("A", 300, max_site_size=100)],
        [site("R", "A", status="planned", lo=300, hi=600)]
        + [site(f"K{n}", "A", kind="small", status="idea", lo=50, hi=150) for n in (1, 2, 3)],
    )
    assert stage_values(instance) == (0, 0, 0, 300, 0, 3, 0, 0, 0, 300)


def test_preference_after_new_sites():
    """With new_sites before preference one regular site of 300 wins: 200 places above 100."""
    instance = make_instance(
        [municipality("A", 300, max_site_size=100)],
        [site("R", "A", status="planned", lo=300, hi=600)]
        + [site(f"K{n}", "A", kind="small", status="idea", lo=50, hi=150) for n in (1, 2, 3)],
        objective={"order": ["shortfall", "unmet", "new_sites", "preference"]},
    )
    result = build_result(instance, solve(instance))
    assert result.summary["objectives"] == {
        "shortfall": 0,
        "unmet": 0,
        "new_sites": 1,
        "preference": 200,
    }


@pytest.mark.parametrize(
    ("limit", "expected"),
    [(0, (0, 0, 0, 0, 0, 0, 2, 0, 100, 100)), (1, (0, 50, 0.5, 0, 0, 0, 1, 0, 50, 100))],
)
def test_max_deals_binding(limit, expected):
    """A has 100 places to hand over; B and C each volunteer 50. One deal each; a limit of 1 halves it."""
    instance = make_instance(
        [
            municipality("A", 100),
            municipality("B", willing_extra=50),
            municipality("C", willing_extra=50),
        ],
        [site("B1", "B", lo=0, hi=200), site("C1", "C", lo=0, hi=200)],
        rules={"max_deals_per_municipality": limit},
    )
    assert stage_values(instance) == expected


@pytest.mark.parametrize(
    ("weight", "expected"),
    [
        (1.0, (0, 0, 0, 100, 0, 1, 0, 0, 0, 100)),
        (0.5, (0, 0, 0, 200, 0, 1, 0, 0, 0, 200)),  # half of each planned place counts: 200 for 100
        (0.3, (10, 10, 0.1, 300, 0, 1, 0, 0, 0, 300)),  # 0.3 * 300 = 90 at most: 10 short
    ],
)
def test_status_weights(weight, expected):
    """A needs 100 places; its only site is a planned municipal one of 1 to 300 places."""
    instance = make_instance(
        [municipality("A", 100)],
        [site("A1", "A", kind="municipal", status="planned", lo=1, hi=300)],
        rules={"status_weight": {"planned": weight}},
    )
    assert stage_values(instance) == expected


def test_weights_price_housing_against_reception():
    """With housing worth 0.5, A must house 2 status holders for each place B takes over.

    A can house 100 extra: B takes 50 of A's places, A houses 100 of B's status holders (value 50).
    """
    instance = make_instance(
        [municipality("A", 100, housing_extra_max=100), municipality("B", 100, housing_task=100)],
        [site("B1", "B", lo=0, hi=300)],
        weights={"housing": 0.5},
    )
    assert stage_values(instance) == (0, 50, 0.5, 0, 0, 0, 1, 0, 150, 200)


def test_amv_places_need_amv_sites():
    """A's 20 AMV places count only at amv sites: the regular site covers 100 but not the AMV part."""
    instance = make_instance(
        [municipality("A", 100, amv_task=20)],
        [site("A1", "A", lo=0, hi=300), site("A2", "A", kind="amv", status="idea", lo=0, hi=16)],
    )
    # A2 opens with 16 (kind minimum 16, its maximum 16): AMV short by 4 in the province and at A
    # (a share of 4/100); A1 holds the other 84 places.
    assert stage_values(instance) == (4, 4, 0.04, 16, 0, 1, 0, 0, 0, 100)


# ---- the rules of version 2 (docs/model.md, "Rules of a deal") ----------------------------------


def chain_instance(balance: str):
    """A currency chain: A has 100 places to find and room for 100 status holders; B has room for
    200 places and 100 Ukrainian places to hand over; C has 100 status holders to hand over and room
    for 100 Ukrainians. Each one-sided hop needs the next one to balance."""
    return make_instance(
        [
            municipality("A", 100, housing_extra_max=100),
            municipality("B", 100, ukraine_task=100),
            municipality("C", 0, housing_task=100, ukraine_extra_max=100),
        ],
        [site("B1", "B", lo=0, hi=200)],
        rules={"balance": balance},
    )


def test_balance_per_municipality_allows_a_chain():
    """Under "municipality" balance: B takes A's 100 places and hands C 100 Ukrainians; C hands A
    100 status holders. Each municipality balances (A -100 +100, B +100 -100, C +100 -100) over
    three one-sided deals: unmet 0, 300 units moved, B1 holds the province's 200 places."""
    assert stage_values(chain_instance("municipality")) == (0, 0, 0, 0, 0, 0, 3, 0, 300, 200)


def test_balance_per_deal_blocks_the_chain():
    """Under "deal" balance every deal must balance on its own. B can give back only Ukrainian
    places, which A cannot take; C has nothing A's places could go to. No deal balances, so A keeps
    its 100 places unmet (share 100/100 = 1.0)."""
    assert stage_values(chain_instance("deal")) == (0, 100, 1.0, 0, 0, 0, 0, 0, 0, 200)


def relay_instance(pass_through: bool):
    """A has 100 places to find and room for 100 status holders. M covers its own 100 places at its
    site, has 100 status holders to hand over and room for 100 Ukrainians. B has room for 200
    places and 100 Ukrainians to hand over. A municipality hands over at most its own task."""
    return make_instance(
        [
            municipality("A", 100, housing_extra_max=100),
            municipality("M", 100, housing_task=100, ukraine_extra_max=100),
            municipality("B", 100, ukraine_task=100),
        ],
        [site("M1", "M", lo=100, hi=100), site("B1", "B", lo=0, hi=200)],
        rules={"pass_through": pass_through},
    )


def test_pass_through_lets_a_municipality_relay():
    """With pass-through M takes A's 100 places for 100 status holders (a balanced deal) and hands
    100 places on to B for 100 Ukrainian places (balanced): unmet 0, 2 deals, 400 units; B1 holds
    200 places (M1's 100 are at its minimum)."""
    assert stage_values(relay_instance(True)) == (0, 0, 0, 0, 0, 0, 2, 0, 400, 200)


def test_without_pass_through_nobody_relays():
    """Without pass-through M cannot both take and hand over places, and B can only give back
    Ukrainian places, which A cannot take: 100 places stay unmet. Fairness shares them out: M
    takes x of A's places for x status holders, leaving shares (100-x)/100 at A and x/100 at M,
    both 0.5 at x = 50. The sum of shares is 1 for every x, so nothing else moves them: one deal of
    50 places for 50 status holders (100 units)."""
    assert stage_values(relay_instance(False)) == (0, 100, 0.5, 0, 0, 0, 1, 0, 100, 200)
    assert unmet_places(relay_instance(False)) == {"A": 50, "M": 50, "B": 0}


def relief_instance(**rules):
    """A (task 100) and B (task 300) have no sites; C volunteers 100 places at its site. D (task 10,
    no site) sits at another regional table, so nobody can relieve it."""
    return make_instance(
        [
            municipality("A", 100),
            municipality("B", 300),
            municipality("C", 0, willing_extra=100),
            municipality("D", 10, region="Z"),
        ],
        [site("C1", "C", lo=0, hi=100)],
        rules={"exchange_scope": "region"} | rules,
    )


def test_fairness_spreads_the_unmet_places():
    """Without D: C relieves A by x and B by 100 - x. The largest share max((100-x)/100,
    (200+x)/300) is smallest when both are equal: 300 - 3x = 200 + x, x = 25, both 0.75.
    Shortfall 300 + 10 = 310 (only C1's 100 places against 410); unmet 300 + 10 (D) = 310; the
    largest share is D's 10/10 = 1.0, so this test drops D (it is the next test's)."""
    instance = make_instance(
        [municipality("A", 100), municipality("B", 300), municipality("C", 0, willing_extra=100)],
        [site("C1", "C", lo=0, hi=100)],
    )
    assert stage_values(instance) == (300, 300, 0.75, 0, 0, 0, 2, 0, 100, 100)
    unmet = unmet_places(instance)
    assert unmet == {"A": 75, "B": 225, "C": 0}


def test_sum_of_shares_decides_below_the_largest_share():
    """D's share 10/10 = 1.0 is the largest whatever happens, so the first fairness rule leaves
    A and B free. The second rule, the sum of shares (100-x)/100 + (200+x)/300, falls as x grows:
    C gives all its 100 places to A (share 0) and B keeps 300 (share 1.0, not above D's)."""
    instance = relief_instance()
    assert stage_values(instance) == (310, 310, 1.0, 0, 0, 0, 1, 0, 100, 100)
    assert unmet_places(instance) == {"A": 0, "B": 300, "C": 0, "D": 10}


def firm_instance(order=None):
    """A needs 200 places and has only an idea for a municipal site (1 to 300); B has an existing
    site with room for 100 and volunteers 100 places."""
    settings = {"objective": {"order": order}} if order else {}
    return make_instance(
        [municipality("A", 200), municipality("B", 0, willing_extra=100)],
        [
            site("A1", "A", kind="municipal", status="idea", lo=1, hi=300),
            site("B1", "B", lo=0, hi=100),
        ],
        **settings,
    )


def test_firm_capacity_is_used_first():
    """A1 must open either way (new_sites 1). `firm` puts 100 of A's places at B's existing site
    (B volunteers them): soft places 100 instead of 200, at the price of one deal."""
    assert stage_values(firm_instance()) == (0, 0, 0, 100, 0, 1, 1, 0, 100, 200)


def test_stages_are_solved_in_the_order_given():
    """With `deals` before `firm`, no deal is made and A1 holds all 200 places; the order of
    objective.order decides, and summary.json lists the stages in that order."""
    order = ["shortfall", "unmet", "deals", "firm", "new_places"]
    instance = firm_instance(order)
    result = build_result(instance, solve(instance))
    assert check(instance, result) == []
    assert list(result.summary["objectives"]) == order
    assert result.summary["objectives"] == {
        "shortfall": 0,
        "unmet": 0,
        "deals": 0,
        "firm": 200,
        "new_places": 200,
    }


def transfer_or_places(order):
    """A needs 100 places and has an existing site of 0 to 100; B's existing site must hold exactly
    100 places (min = max = 100) and B volunteers 100."""
    return make_instance(
        [municipality("A", 100), municipality("B", 0, willing_extra=100)],
        [site("A1", "A", lo=0, hi=100), site("B1", "B", lo=100, hi=100)],
        objective={"order": order},
    )


@pytest.mark.parametrize(
    ("order", "expected"),
    [
        # transfers first: A keeps its task and fills A1 (100 places above its minimum 0)
        (["shortfall", "unmet", "transfers", "new_places"], {"transfers": 0, "new_places": 100}),
        # new_places first: B's 100 places (there anyway) take A's task, A1 stays empty
        (["shortfall", "unmet", "new_places", "transfers"], {"new_places": 0, "transfers": 100}),
    ],
)
def test_a_later_stage_never_undoes_an_earlier_one(order, expected):
    """Two stages that pull in opposite directions: whichever comes first wins."""
    instance = transfer_or_places(order)
    result = build_result(instance, solve(instance))
    assert check(instance, result) == []
    assert result.summary["objectives"] == {"shortfall": 0, "unmet": 0} | expected


def test_distance_prefers_the_nearer_partner():
    """One deal either way (A's 100 places for 100 status holders); `distance` picks B, 10 km away
    (0.09 degrees of latitude on a sphere of 6,371 km is 10.0 km), not C at 50 km."""
    instance = distance_instance()
    assert instance.distance_km("A", "B") == 10
    assert instance.distance_km("A", "C") == 50
    assert stage_values(instance) == (0, 0, 0, 0, 0, 0, 1, 10, 200, 100)
    assert partners(instance) == {("A", "B")}


def test_max_distance_forbids_far_deals():
    """With a limit of 5 km neither partner is near enough: A's 100 places stay unmet."""
    assert stage_values(distance_instance(max_distance_km=5)) == (
        0,
        100,
        1.0,
        0,
        0,
        0,
        0,
        0,
        0,
        100,
    )


def test_a_forbidden_deal_is_not_made():
    """The PRT takes A-B off the table: the deal goes to C, 50 km away."""
    instance = distance_instance(deals=[("A", "B", "forbid")])
    assert stage_values(instance) == (0, 0, 0, 0, 0, 0, 1, 50, 200, 100)
    assert partners(instance) == {("A", "C")}


def test_a_required_deal_is_kept():
    """The PRT keeps the deal A-C already agreed: it is made, although B is nearer."""
    instance = distance_instance(deals=[("A", "C", "require")])
    assert stage_values(instance)[6:8] == (1, 50)
    assert partners(instance) == {("A", "C")}


def test_a_required_deal_that_cannot_balance_is_refused():
    """B can give A nothing A can take (B has no status holders): the lock is impossible."""
    instance = make_instance(
        [municipality("A", 100, housing_extra_max=100), municipality("B", 0)],
        [site("B1", "B", lo=0, hi=200)],
        deals=[("A", "B", "require")],
    )
    with pytest.raises(InputError, match="A-B cannot all be made"):
        solve(instance)


def test_a_refusal_in_a_worker_process_reaches_the_caller():
    """The same impossible lock in a province solved by a worker process (solve --jobs 2: the
    larger province Q stays here, P goes to the worker): the same error, not a dead worker."""
    others = [municipality(code, 10, province="Q") for code in ("C", "D", "E")]
    instance = make_instance(
        [municipality("A", 100, housing_extra_max=100), municipality("B", 0), *others],
        [site("B1", "B", lo=0, hi=200)],
        deals=[("A", "B", "require")],
    )
    with pytest.raises(InputError, match="A-B cannot all be made"):
        solve(instance, jobs=2)


def test_weight_zero_means_the_component_cannot_be_traded():
    """With weights.housing = 0 status holders do not count and cannot change hands: the swap of
    test_swap is impossible and A's 100 places stay unmet."""
    instance = make_instance(
        [municipality("A", 100, housing_extra_max=100), municipality("B", 100, housing_task=100)],
        [site("B1", "B", lo=0, hi=300)],
        weights={"housing": 0},
    )
    assert stage_values(instance) == (0, 100, 1.0, 0, 0, 0, 0, 0, 0, 200)


def unmet_places(instance) -> dict[str, float]:
    m = build_result(instance, solve(instance)).municipalities.set_index("code")
    return (m["unmet_rec"] + m["unmet_amv"]).to_dict()


def partners(instance) -> set[tuple[str, str]]:
    deals = build_result(instance, solve(instance)).deals
    return set(zip(deals["a"], deals["b"], strict=True))


def test_provinces_shared_out_by_size():
    """The largest province first goes to the batch with the fewest municipalities so far:
    sizes 5, 3, 3, 2, 1 in two batches give 5+2 and 3+3+1 (by hand); each batch keeps the
    instance's order, and one batch is everything."""
    sizes = {"A": 1, "B": 3, "C": 5, "D": 3, "E": 2}
    data = [SimpleNamespace(province=p, municipalities=list(range(n))) for p, n in sizes.items()]
    names = [[d.province for d in batch] for batch in side_by_side(data, 2)]
    assert names == [["C", "E"], ["A", "B", "D"]]
    assert [[d.province for d in batch] for batch in side_by_side(data, 1)] == [list(sizes)]
    assert len(side_by_side(data[:1], 2)) == 1
