"""Property tests on random small instances: every solution passes the independent checker,
provinces solved apart equal provinces solved together, and exchange never makes unmet worse."""

from __future__ import annotations

import dataclasses

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from builders import make_instance, municipality, site
from model.check import check
from model.result import build_result
from model.solve import ProvinceRun, solve

KINDS = ["regular", "branch", "small", "amv", "municipal"]
STATUSES = ["existing", "decided", "planned", "idea"]


@st.composite
def instances(draw, scope=None):
    n = draw(st.integers(2, 5))
    municipalities = []
    for i in range(n):
        reception = draw(st.integers(0, 300))
        municipalities.append(
            municipality(
                f"M{i}",
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
            )
        )
    sites = []
    for s in range(draw(st.integers(0, 7))):
        lo = draw(st.integers(0, 200))
        sites.append(
            site(
                f"S{s}",
                f"M{draw(st.integers(0, n - 1))}",
                kind=draw(st.sampled_from(KINDS)),
                status=draw(st.sampled_from(STATUSES)),
                lo=lo,
                hi=lo + draw(st.integers(0, 400)),
            )
        )
    rules = {
        "exchange_scope": scope or draw(st.sampled_from(["province", "region"])),
        "max_deals_per_municipality": draw(st.sampled_from([0, 0, 1, 2])),
        "status_weight": {"idea": draw(st.sampled_from([1.0, 0.5, 0.0]))},
    }
    weights = {
        "housing": draw(st.sampled_from([1.0, 0.5, 2.0])),
        "ukraine": draw(st.sampled_from([1.0, 0.75])),
    }
    return make_instance(municipalities, sites, rules=rules, weights=weights)


FAST = settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@FAST
@given(instances())
def test_every_solution_passes_the_checker(instance):
    result = build_result(instance, solve(instance))
    assert check(instance, result) == []
    assert result.summary["status"] == "optimal"


@FAST
@given(instances())
def test_provinces_apart_equal_provinces_together(instance):
    together = build_result(instance, solve(instance)).summary["objectives"]
    apart = dict.fromkeys(together, 0)
    for province in instance.provinces:
        keep = instance.municipalities["province"] == province
        codes = set(instance.municipalities.index[keep])
        part = dataclasses.replace(
            instance,
            municipalities=instance.municipalities[keep],
            sites=instance.sites[instance.sites["municipality"].isin(codes)],
        )
        for name, value in build_result(part, solve(part)).summary["objectives"].items():
            apart[name] += value
    assert apart == pytest.approx(together, abs=1e-5)


@FAST
@given(instances())
def test_exchange_never_increases_unmet(instance):
    alone = dataclasses.replace(
        instance,
        settings=instance.settings.model_copy(
            update={"rules": instance.settings.rules.model_copy(update={"exchange_scope": "none"})}
        ),
    )
    with_exchange = build_result(instance, solve(instance)).summary["objectives"]
    without = build_result(alone, solve(alone)).summary["objectives"]
    assert with_exchange["shortfall"] == without["shortfall"]
    assert with_exchange["unmet"] <= without["unmet"] + 1e-6


@FAST
@given(instances(scope="region"))
def test_solving_by_region_gives_the_provincial_optima(instance):
    """Under region scope pair stages are first solved region by region (ProvinceRun._by_group);
    the optimal stage values must be those of the whole province solved as one model."""
    by_region = build_result(instance, solve(instance)).summary["objectives"]
    original = ProvinceRun._by_group
    ProvinceRun._by_group = lambda self, name, time_limit: None
    try:
        whole = build_result(instance, solve(instance)).summary["objectives"]
    finally:
        ProvinceRun._by_group = original
    assert by_region == pytest.approx(whole, abs=1e-5)
