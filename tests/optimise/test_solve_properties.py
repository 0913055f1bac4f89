"""Property tests on random small instances (docs/model.md): every solution passes the independent
checker, the fast method gives the plain pair model's optimal stage values, provinces solved apart
equal provinces solved together, and the rules relate as the model says they must."""

from __future__ import annotations

import dataclasses
import math
from unittest.mock import patch

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from builders import make_instance, municipality, site
from model.core.errors import InputError
from model.optimise.solve import solve
from model.results.check import check
from model.results.result import build_result

KINDS = ["regular", "branch", "small", "amv", "municipal"]
STATUSES = ["existing", "decided", "planned", "idea"]
CODES = [f"M{i}" for i in range(5)]


@st.composite
def instances(draw, **fixed):
    """2 to 5 municipalities in one or two provinces and regions, up to 7 sites, random rules."""
    n = draw(st.integers(2, 5))
    municipalities = []
    for i in range(n):
        reception = draw(st.integers(0, 300))
        municipalities.append(
            municipality(
                CODES[i],
                reception,
                province=draw(st.sampled_from(["P", "Q"])),
                region=draw(st.sampled_from(["N", "Z"])),
                amv_task=draw(st.integers(0, reception // 5)),
                housing_task=draw(st.integers(0, 80)),
                housing_extra_max=draw(st.sampled_from([0, 0, 40, 120])),
                ukraine_task=draw(st.integers(0, 60)),
                ukraine_extra_max=draw(st.sampled_from([0, 0, 50])),
                willing_extra=draw(st.sampled_from([0, 0, 0, 25, 60])),
                max_site_size=draw(st.sampled_from([None, None, 100, 200])),
                lat=52.0 + draw(st.integers(0, 40)) / 100,
                lon=6.0,
            )
        )
    sites = []
    for s in range(draw(st.integers(0, 7))):
        lo = draw(st.integers(0, 200))
        sites.append(
            site(
                f"S{s}",
                CODES[draw(st.integers(0, n - 1))],
                kind=draw(st.sampled_from(KINDS)),
                status=draw(st.sampled_from(STATUSES)),
                lo=lo,
                hi=lo + draw(st.integers(0, 400)),
            )
        )
    rules = {
        "exchange_scope": draw(st.sampled_from(["province", "province", "region"])),
        "max_deals_per_municipality": draw(st.sampled_from([0, 0, 0, 1, 2])),
        "status_weight": {"idea": draw(st.sampled_from([1.0, 0.5, 0.0]))},
        "balance": draw(st.sampled_from(["deal", "deal", "municipality"])),
        "pass_through": draw(st.sampled_from([False, False, True])),
        "max_distance_km": draw(st.sampled_from([0, 0, 0, 20])),
        "balance_tolerance": draw(st.sampled_from([0, 0, 0, 5])),
    } | fixed
    weights = {
        "housing": draw(st.sampled_from([1.0, 1.0, 0.5, 2.0, 0.0])),
        "ukraine": draw(st.sampled_from([1.0, 1.0, 0.75])),
    }
    deals = []
    if draw(st.booleans()) and n >= 2:
        a, b = draw(
            st.sampled_from([(CODES[i], CODES[j]) for i in range(n) for j in range(i + 1, n)])
        )
        deals.append((a, b, draw(st.sampled_from(["forbid", "require"]))))
    return make_instance(municipalities, sites, deals=deals, rules=rules, weights=weights)


@st.composite
def tables(draw):
    """One province with two regional tables of 2 or 3 municipalities, most with a site of their
    own: packages where nobody is short, so that the tables are often solved apart."""
    rows, sites = [], []
    for i in range(draw(st.integers(4, 6))):
        code = f"M{i}"
        reception = draw(st.integers(0, 200))
        rows.append(
            municipality(
                code,
                reception,
                region="N" if i % 2 else "Z",
                amv_task=draw(st.integers(0, reception // 5)),
                housing_task=draw(st.integers(0, 60)),
                housing_extra_max=draw(st.sampled_from([0, 40, 120])),
                ukraine_task=draw(st.integers(0, 60)),
                ukraine_extra_max=draw(st.sampled_from([0, 50])),
                willing_extra=draw(st.sampled_from([0, 0, 25])),
            )
        )
        if draw(st.integers(0, 3)):
            kind = draw(st.sampled_from(["regular", "amv", "small"]))
            status = draw(st.sampled_from(["existing", "existing", "planned"]))
            sites.append(
                site(f"S{i}", code, kind=kind, status=status, hi=draw(st.integers(0, 500)))
            )
    rules = {
        "exchange_scope": "region",
        "balance": draw(st.sampled_from(["deal", "deal", "municipality"])),
        "pass_through": draw(st.sampled_from([False, False, True])),
        "balance_tolerance": draw(st.sampled_from([0, 0, 5])),
    }
    return make_instance(rows, sites, rules=rules)


def solved(instance, **options):
    """The result, or a skipped example when locked deals cannot all be made (exit 2 for users)."""
    try:
        return build_result(instance, solve(instance, **options))
    except InputError:
        assume(False)


def with_rules(instance, **rules):
    settings = instance.settings
    changed = settings.model_copy(update={"rules": settings.rules.model_copy(update=rules)})
    return dataclasses.replace(instance, settings=changed)


FAST = settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@FAST
@given(instances())
def test_every_solution_passes_the_checker_and_is_proven(instance):
    result = solved(instance)
    assert check(instance, result) == []
    assert result.summary["status"] == "optimal"


def same_optima_as_plain(strong, instance) -> None:
    """`strong` (a result) has the plain pair model's optimal stage values, both proven, and
    both packages pass the checker."""
    plain = solved(instance, method="plain")
    assert check(instance, strong) == check(instance, plain) == []
    assert strong.summary["status"] == plain.summary["status"] == "optimal"
    assert strong.summary["objectives"] == pytest.approx(plain.summary["objectives"], abs=1e-6)


@FAST
@given(instances())
def test_the_fast_method_gives_the_plain_models_optima(instance):
    """Every reformulation is exact: pool first, deals matched afterwards, net-change ranges and
    cover rows give the same optimal stage values as the plain pair model (docs/model.md, "How it
    is solved"), and the plain model's package passes the checker too."""
    same_optima_as_plain(solved(instance), instance)


@FAST
@given(tables())
def test_groups_apart_give_the_plain_models_optima(instance):
    """Regional tables split a province into groups that are solved apart when that is exact
    (docs/model.md, "Groups apart"): same optima as the plain pair model of the whole province."""
    same_optima_as_plain(solved(instance), instance)


@FAST
@given(tables())
def test_deal_stages_bounded_group_by_group_give_the_plain_models_optima(instance):
    """With the groups never solved apart, the deal stages of two regional tables are bounded
    group by group and proven when the groups' packages reach the sum of their bounds
    (docs/model.md, "Bounds group by group"): same optima as the plain pair model."""
    with patch(
        "model.optimise.solve.ProvinceRun._on_parts",
        lambda run, goal, deadline, floor: (None, -math.inf),
    ):
        strong = solved(instance)
    same_optima_as_plain(strong, instance)


@FAST
@given(instances())
def test_units_as_real_numbers_first_give_the_plain_models_optima(instance):
    """The deal stages with transfers as real numbers first, then in whole units with the deals
    held (docs/model.md, "Units as real numbers first"), used here for groups of every size."""
    with patch("model.optimise.solve.FRACTIONAL_FROM", 0):
        strong = solved(instance)
    same_optima_as_plain(strong, instance)


@FAST
@given(instances())
def test_a_package_near_the_lp_first_gives_the_plain_models_optima(instance):
    """The deal stages of the largest groups start from a package found among the pairs near the
    LP relaxation (docs/model.md, "A package near the LP relaxation"), used here for groups of
    every size: the same optima, proven by the full solve after it."""
    with (
        patch("model.optimise.solve.NEAR_FROM", 0),
        patch("model.optimise.solve.FRACTIONAL_BELOW", 0),
    ):
        strong = solved(instance)
    same_optima_as_plain(strong, instance)


@FAST
@given(instances())
def test_provinces_apart_equal_provinces_together(instance):
    together = solved(instance).summary["objectives"]
    apart = {name: [] for name in together}
    for province in instance.provinces:
        keep = instance.municipalities["province"] == province
        codes = set(instance.municipalities.index[keep])
        rules = instance.deal_rules
        part = dataclasses.replace(
            instance,
            municipalities=instance.municipalities[keep],
            sites=instance.sites[instance.sites["municipality"].isin(codes)],
            deal_rules=rules[rules["a"].isin(codes) & rules["b"].isin(codes)],
        )
        for name, value in solved(part).summary["objectives"].items():
            apart[name].append(value)
    combined = {n: max(v) if n == "fairness" else sum(v) for n, v in apart.items()}
    assert combined == pytest.approx(together, abs=1e-6)


def package(instance, **options):
    """Each province's package and stage outcomes, or the error that stopped the solve."""
    try:
        solution = solve(instance, **options)
    except InputError:
        return InputError
    return {
        name: (p.places, p.opened, p.transfers, [(o.name, o.value, o.status) for o in p.stages])
        for name, p in solution.provinces.items()
    }


@FAST
@given(instances())
def test_provinces_side_by_side_give_the_same_package(instance):
    """Provinces solved in two processes (solve --jobs) give the package of one process: a
    province's run does not depend on where it runs, and a failure in a worker reaches the
    caller as the same error."""
    assert package(instance, jobs=2) == package(instance)


@FAST
@given(instances(balance="deal", balance_tolerance=0))
def test_a_package_of_balanced_deals_balances_every_municipality(instance):
    """Under "deal" balance (tolerance 0) each municipality's value change is the sum of its
    deals' imbalances, each within what it volunteers: the package also satisfies "municipality"."""
    result = solved(instance)
    m = result.municipalities.set_index("code")
    willing = instance.municipalities["willing_extra"]
    for code, change in m["value_change"].items():
        assert change <= willing[code] + 1e-6


@FAST
@given(instances(pass_through=False))
def test_allowing_pass_through_never_leaves_more_unmet(instance):
    without = solved(instance).summary["objectives"]
    relayed = solved(with_rules(instance, pass_through=True)).summary["objectives"]
    assert relayed["shortfall"] == pytest.approx(without["shortfall"])
    assert relayed["unmet"] <= without["unmet"] + 1e-6


@FAST
@given(instances())
def test_exchange_never_increases_unmet(instance):
    assume(instance.deal_rules.empty)
    with_exchange = solved(instance).summary["objectives"]
    without = solved(with_rules(instance, exchange_scope="none")).summary["objectives"]
    assert with_exchange["shortfall"] == pytest.approx(without["shortfall"])
    assert with_exchange["unmet"] <= without["unmet"] + 1e-6


def test_highs_presolve_answers_are_checked():
    """Found by test_provinces_apart_equal_provinces_together: on this instance HiGHS 1.16's
    presolve answered one stage's MIP "optimal" with NaN values, and a later one "infeasible"
    while it has solutions (model/optimise/highs.py solves such answers again without presolve).
    Every stage is proven, the package passes the checker, and the provinces solved apart give
    the same stage values."""
    people = [
        ("M0", 158, 12, 0, 47),
        ("M1", 194, 0, 31, 43),
        ("M2", 238, 19, 0, 16),
        ("M3", 65, 6, 26, 45),
    ]
    rows = [
        municipality(code, reception, province="Q", region="N", amv_task=amv, lat=52.0, lon=6.0)
        | {"housing_task": housing, "ukraine_task": ukraine}
        for code, reception, amv, housing, ukraine in people
    ]
    rows.append(municipality("M4", 0, province="P", region="N", lat=52.0, lon=6.0))
    sites = [
        site("S0", "M3", lo=199, hi=199),
        site("S1", "M0", lo=0, hi=400),
        site("S2", "M0", lo=0, hi=0),
        site("S3", "M0", lo=0, hi=0),
        site("S4", "M2", lo=81, hi=256),
        site("S5", "M1", lo=172, hi=286),
    ]
    rules = {
        "exchange_scope": "province",
        "max_deals_per_municipality": 1,
        "pass_through": True,
    }
    instance = make_instance(rows, sites, [("M1", "M3", "forbid")], rules=rules)
    together = solved(instance)
    assert check(instance, together) == []
    assert together.summary["status"] == "optimal"
    test_provinces_apart_equal_provinces_together.hypothesis.inner_test(instance)
