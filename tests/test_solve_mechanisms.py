"""One micro-instance per mechanism of the model, each optimum worked out by hand in the docstring.

Stage values are listed in the default order:
(shortfall, unmet, preference, new_sites, deals, transfers, new_places).
"""

from __future__ import annotations

import datetime as dt

import pytest

from builders import make_instance, municipality, site
from model.check import check
from model.result import build_result
from model.settings import STAGES
from model.solve import solve


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
    assert stage_values(swap_instance(component)) == (0, 0, 0, 0, 1, 200, 200)


def test_no_exchange_leaves_a_short():
    """Under exchange_scope "none" A's 100 places stay unmet; B1 still holds 200 for the province."""
    assert stage_values(swap_instance("housing", exchange_scope="none")) == (
        0,
        100,
        0,
        0,
        0,
        0,
        200,
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
    assert stage_values(instance) == (0, 100, 0, 0, 0, 0, 200)


def test_relief_through_willing_extra():
    """B volunteers 30 places above its task: it takes 30 of A's 100 without return; 70 stay unmet."""
    instance = make_instance(
        [municipality("A", 100), municipality("B", 100, willing_extra=30)],
        [site("B1", "B", lo=0, hi=300)],
    )
    assert stage_values(instance) == (0, 70, 0, 0, 1, 30, 200)


def test_balance_tolerance_acts_like_willing_extra_for_all():
    """A tolerance of 10 lets B take 10 of A's places without return (and A 10 of B's: unused)."""
    instance = make_instance(
        [municipality("A", 100), municipality("B", 100)],
        [site("B1", "B", lo=0, hi=300)],
        rules={"balance_tolerance": 10},
    )
    assert stage_values(instance) == (0, 90, 0, 0, 1, 10, 200)


@pytest.mark.parametrize(
    ("kind", "expected"),
    [
        ("small", (40, 40, 0, 0, 0, 0, 0)),  # small: COA minimum 50 > the site's 40: never opens
        ("municipal", (0, 0, 0, 1, 0, 0, 40)),  # municipal: minimum 1, opens with 40 places
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
        (dt.date(2027, 1, 1), (100, 100, 0, 0, 0, 0, 0)),  # temporary: does not count
        (dt.date(2030, 7, 1), (0, 0, 0, 0, 0, 0, 0)),  # exactly 5 years: counts
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
    assert stage_values(instance) == (100, 100, 0, 0, 0, 0, 0)


def test_preference_against_a_large_site():
    """A needs 300 places and prefers sites of at most 100.

    One regular site of 300 would put 200 places above the preference; two small ones of 150 put
    100 above; three small ones of 100 put none. Preference comes before new_sites: three sites.
    """
    instance = make_instance(
        [municipality("A", 300, max_site_size=100)],
        [site("R", "A", status="planned", lo=300, hi=600)]
        + [site(f"K{n}", "A", kind="small", status="idea", lo=50, hi=150) for n in (1, 2, 3)],
    )
    assert stage_values(instance) == (0, 0, 0, 3, 0, 0, 300)


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
    ("limit", "expected"), [(0, (0, 0, 0, 0, 2, 100, 100)), (1, (0, 50, 0, 0, 1, 50, 100))]
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
        (1.0, (0, 0, 0, 1, 0, 0, 100)),
        (0.5, (0, 0, 0, 1, 0, 0, 200)),  # half of each planned place counts: 200 for 100
        (0.3, (10, 10, 0, 1, 0, 0, 300)),  # 0.3 * 300 = 90 at most: 10 short
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
    assert stage_values(instance) == (0, 50, 0, 0, 1, 150, 200)


def test_amv_places_need_amv_sites():
    """A's 20 AMV places count only at amv sites: the regular site covers 100 but not the AMV part."""
    instance = make_instance(
        [municipality("A", 100, amv_task=20)],
        [site("A1", "A", lo=0, hi=300), site("A2", "A", kind="amv", status="idea", lo=0, hi=16)],
    )
    # A2 opens with 16 (kind minimum 16, its maximum 16): AMV short by 4 in the province and at A.
    assert stage_values(instance) == (4, 4, 0, 1, 0, 0, 100)
