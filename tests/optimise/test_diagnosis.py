"""Explaining a package (docs/model.md, "Explaining a package"): why short, what would close it,
the dependence on each component. Every figure is worked out by hand in the test's docstring."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from functools import cache

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from builders import (  # english: autouse, the messages these tests read are English
    english,  # noqa: F401
    make_instance,
    municipality,
    site,
)
from model.core.errors import InputError
from model.core.instance import Instance
from model.optimise.diagnosis import Diagnosis, attach_diagnosis, diagnose, explanation_json
from model.optimise.solve import solve
from model.results.diagnosis_words import why_short_lines
from model.results.result import Result, build_result


def solved(instance: Instance) -> tuple[Result, Diagnosis]:
    result = build_result(instance, solve(instance))
    return result, diagnose(instance, result)


def reasons(diagnosis: Diagnosis, code: str) -> set[tuple]:
    """(reason, municipality, about, limit, per_unit) of every reason of a municipality."""
    return {
        (x.reason, x.municipality, x.about, x.limit, x.per_unit)
        for x in diagnosis.short[code].limits
    }


def options(diagnosis: Diagnosis, code: str) -> list[set[tuple]]:
    """The closing options of a municipality, in order, each a set of
    (change, municipality, about, amount, cost)."""
    out: dict[int, set] = {}
    for c in diagnosis.short[code].closing:
        out.setdefault(c.option, set()).add((c.change, c.municipality, c.about, c.amount, c.cost))
    return [out[n] for n in sorted(out)]


@cache
def volunteer_case() -> tuple[Result, Diagnosis]:
    """A (task 100, an existing site of at most 80 places, no declared room) and B (task 50, a
    site of at most 100, willing_extra 10, a housing task of 20).

    The package: B takes over 10 of A's places on a voluntary basis (all its willingness); A has
    nothing to give back (no room), so A stays 90 - 80 = 10 short. One unit more of each of these
    limits closes one of A's places: A's site (81 places), A's housing room (A houses one of B's
    status holders, B takes one more place), B's willingness, and the balance of the deal (B
    taking one more place without return). B's site is not full (60 of 100): worth nothing.

    Closing (costs 1 per place, unit of room or willingness; 50 a new site): 10 places more at
    A1 (10), B volunteers 10 more (10), room for 10 status holders at A (10), or a new municipal
    site of 10 places at A (50 + 10 = 60).

    Without regular places as a means of exchange, A keeps 100 - 80 = 20 unmet.
    """
    instance = make_instance(
        [
            municipality("GM0001", 100, name="A"),
            municipality("GM0002", 50, name="B", willing_extra=10, housing_task=20),
        ],
        [site("A1", "GM0001", hi=80), site("B1", "GM0002", hi=100)],
    )
    return solved(instance)


def test_reasons_are_the_limits_one_more_unit_of_which_closes_a_place():
    result, diagnosis = volunteer_case()
    assert list(diagnosis.short) == ["GM0001"]
    assert diagnosis.short["GM0001"].unmet == 10
    assert reasons(diagnosis, "GM0001") == {
        ("own_sites_full", "GM0001", "A1", 80, 1),
        ("own_room_used", "GM0001", "housing", 0, 1),
        ("deal_balance", "GM0002", "GM0001", None, 1),
        ("partner_willing_used", "GM0002", None, 10, 1),
    }


def test_own_limits_come_first():
    _, diagnosis = volunteer_case()
    codes = [x.reason for x in diagnosis.short["GM0001"].limits]
    assert codes == ["own_sites_full", "own_room_used", "deal_balance", "partner_willing_used"]


def test_each_kind_of_change_is_an_option_the_cheapest_first():
    _, diagnosis = volunteer_case()
    assert options(diagnosis, "GM0001") == [
        {("places", "GM0001", "A1", 10, 10)},
        {("willing", "GM0002", None, 10, 10)},
        {("room", "GM0001", "housing", 10, 10)},
        {("new_site", "GM0001", "municipal", 10, 60)},
    ]
    assert diagnosis.short["GM0001"].proven


def test_dependence_is_the_unmet_places_without_each_traded_component():
    _, diagnosis = volunteer_case()
    assert diagnosis.dependence == {"regular": 20}


def test_costs_of_the_instance_order_the_options():
    """With [explain] cost_willing = 0.5, B volunteering 10 (5) is cheaper than 10 places (10)."""
    instance = make_instance(
        [
            municipality("GM0001", 100, name="A"),
            municipality("GM0002", 50, name="B", willing_extra=10, housing_task=20),
        ],
        [site("A1", "GM0001", hi=80), site("B1", "GM0002", hi=100)],
        explain={"cost_willing": 0.5},
    )
    diagnosis = diagnose(instance, build_result(instance, solve(instance)))
    assert options(diagnosis, "GM0001")[0] == {("willing", "GM0002", None, 10, 5)}


@cache
def shared_case() -> tuple[Result, Diagnosis]:
    """A and B (each task 100, a site of at most 80) and C (no task, a site of at most 100,
    willing_extra 10): C volunteers its 10 places, and fairness splits them, 5 each, so A and B
    stay 15 short each.

    Why A is short, each worth one place per unit: its site is full; C's willingness is used up
    and C's deal with A is in balance; every place more for A is one less for B (shared_with B,
    now 15 unmet); and, down the chain, one place more at B's full site, or C taking one more of
    B's places without return (C's deal with B in balance), frees one of C's voluntary places for
    A. A's room is worth nothing: C has no declared task to hand over for it.

    What closes A (others no worse): 15 places more at A1 (15), C volunteering 15 more (15), or a
    new municipal site of 15 places at A (65). Room cannot: nothing to take over in return.
    """
    instance = make_instance(
        [
            municipality("GM0001", 100, name="A"),
            municipality("GM0002", 100, name="B"),
            municipality("GM0003", 0, name="C", willing_extra=10),
        ],
        [site("A1", "GM0001", hi=80), site("B1", "GM0002", hi=80), site("C1", "GM0003", hi=100)],
    )
    return solved(instance)


def test_a_gap_shared_with_another_short_municipality_is_a_reason():
    _, diagnosis = shared_case()
    assert {m: s.unmet for m, s in diagnosis.short.items()} == {"GM0001": 15, "GM0002": 15}
    assert reasons(diagnosis, "GM0001") == {
        ("own_sites_full", "GM0001", "A1", 80, 1),
        ("deal_balance", "GM0003", "GM0001", None, 1),
        ("deal_balance", "GM0003", "GM0002", None, 1),
        ("partner_willing_used", "GM0003", None, 10, 1),
        ("partner_sites_full", "GM0002", "B1", 80, 1),
        ("shared_with", "GM0002", None, 15, 1),
    }


def test_a_kind_of_change_that_cannot_close_the_gap_gives_no_option():
    _, diagnosis = shared_case()
    assert options(diagnosis, "GM0001") == [
        {("places", "GM0001", "A1", 15, 15)},
        {("willing", "GM0003", None, 15, 15)},
        {("new_site", "GM0001", "municipal", 15, 65)},
    ]


@cache
def border_case() -> tuple[Result, Diagnosis]:
    """exchange_scope = "region", max_distance_km = 10. A (region R1; task 50 of which 10 AMV)
    has two sites that do not help: A1 (small, planned, at most 40 places: below the small
    minimum of 50, it can never open) and A2 (available only until 2026: temporary, it does not
    count). B (R1, 1 km away, task 10, a site of 100) may not deal with A (deals.csv forbids it);
    D (R1, about 56 km away, task 10, a site of 40) is too far; C (R2, task 10, a site of 60) is
    across the region border.

    A has no partner and no site: it stays 50 + 10 = 60 short (all its places, and its AMV places
    again). Its reasons all come from the data: no site, no AMV site, A2 does not count, A1 can
    never open, and who has spare places it may not use: B 90 (forbidden), D 30 (distance), C 50
    (region border). No limit of the model binds.

    What closes it: only a new site at A. An AMV site covers the AMV places too, so one AMV site
    of 50 places (50 + 50 = 100) beats a municipal site of 40 and an AMV site of 16 (100 + 56).
    """
    instance = make_instance(
        [
            municipality("GM0001", 50, name="A", amv_task=10, lat=52.0, lon=6.0),
            municipality("GM0002", 10, name="B", lat=52.01, lon=6.0),
            municipality("GM0003", 10, name="C", region="R2", lat=52.0, lon=6.01),
            municipality("GM0004", 10, name="D", lat=52.5, lon=6.0),
        ],
        [
            site("A1", "GM0001", kind="small", status="planned", lo=20, hi=40),
            site("A2", "GM0001", kind="municipal", available_until=dt.date(2026, 12, 31)),
            site("B1", "GM0002", hi=100),
            site("C1", "GM0003", hi=60),
            site("D1", "GM0004", hi=40),
        ],
        deals=[("GM0001", "GM0002", "forbid")],
        rules={"exchange_scope": "region", "max_distance_km": 10},
    )
    return solved(instance)


def test_reasons_from_the_data_name_who_has_spare_places_out_of_reach():
    _, diagnosis = border_case()
    assert diagnosis.short["GM0001"].unmet == 60
    assert [x.reason for x in diagnosis.short["GM0001"].limits] == [
        "no_site",
        "no_amv_site",
        "site_not_counted",
        "site_cannot_open",
        "region_border",
        "distance_limit",
        "forbidden_deal",
    ]
    assert reasons(diagnosis, "GM0001") == {
        ("no_site", "GM0001", None, None, None),
        ("no_amv_site", "GM0001", None, None, None),
        ("site_not_counted", "GM0001", "A2", None, None),
        ("site_cannot_open", "GM0001", "A1", 40, None),
        ("region_border", "GM0003", "R2", 50, None),
        ("distance_limit", "GM0004", None, 30, None),
        ("forbidden_deal", "GM0002", None, 90, None),
    }


def test_a_new_amv_site_closes_reception_and_amv_places_at_once():
    _, diagnosis = border_case()
    assert options(diagnosis, "GM0001") == [{("new_site", "GM0001", "amv", 50, 100)}]
    assert diagnosis.dependence == {}


def test_no_exchange_is_a_reason_of_its_own():
    """Under exchange_scope = "none" A (task 10, no site) is 10 short, and nobody may help."""
    instance = make_instance(
        [municipality("GM0001", 10), municipality("GM0002", 0)],
        [site("B1", "GM0002", hi=50)],
        rules={"exchange_scope": "none"},
    )
    _, diagnosis = solved(instance)
    assert [x.reason for x in diagnosis.short["GM0001"].limits] == ["no_site", "no_exchange"]


def test_nobody_short_is_nothing_to_explain():
    """A (task 10, a site of 20): covered; nothing is traded."""
    instance = make_instance([municipality("GM0001", 10)], [site("A1", "GM0001", hi=20)])
    _, diagnosis = solved(instance)
    assert diagnosis.short == {} and diagnosis.dependence == {}


def test_the_explanation_joins_other_keys_of_summary_explanation():
    """summary.json's `explanation` may hold keys of other parts (model/results/explanation.py): they
    stay; `short` and `dependence` are this module's, codes and figures as JSON."""
    result, diagnosis = volunteer_case()
    result = replace(result, summary=result.summary | {"explanation": {"surplus": {"GM0002": 0}}})
    explained = attach_diagnosis(result, diagnosis)
    explanation = explained.summary["explanation"]
    assert explanation["surplus"] == {"GM0002": 0}
    assert explanation["dependence"] == {"regular": 20}
    short = explanation["short"]["GM0001"]
    assert short["unmet"] == 10 and short["reasons"][0] == "own_sites_full"
    assert short["closing"][0] == {
        "option": 1,
        "change": "places",
        "municipality": "GM0001",
        "about": "A1",
        "amount": 10,
        "cost": 10,
    }
    assert explanation_json(diagnosis)["short"] == explanation["short"]


def test_a_result_of_another_instance_is_refused():
    result, _ = volunteer_case()
    other = make_instance([municipality("GM0001", 99), municipality("GM0002", 50)])
    with pytest.raises(InputError, match="not a package of this instance"):
        diagnose(other, result)


def test_report_md_says_it_in_one_sentence_per_short_municipality():
    """The volunteer case in words (model/results/diagnosis_words.py): the priced reasons with their
    common value once, the options joined by "of", and the dependence line."""
    result, diagnosis = volunteer_case()
    lines = why_short_lines(attach_diagnosis(result, diagnosis))
    assert lines[1] == "## Waarom tekort"
    assert lines[3] == (
        "- A (10 niet gedekt). Waarom: eigen locaties vol: A1 (80 plekken); eigen opgegeven "
        "ruimte om over te nemen benut: huisvesting statushouders (0); afspraken in evenwicht met "
        "B; vrijwillige ruimte benut bij B (10) (elke eenheid meer van een van deze grenzen dekt "
        "1 plek). Wat het dicht: A: 10 plekken meer op A1; of B: 10 plekken op vrijwillige basis; "
        "of A: ruimte voor 10 statushouders meer; of A: een nieuwe locatie (gemeentelijk) met 10 "
        "plekken."
    )
    assert lines[-1] == "- zonder reguliere opvangplekken als ruilmiddel: 20 niet gedekt (nu 10)"


def test_a_dependence_not_proven_in_time_is_said_to_be_left_out():
    """The volunteer case trades regular places; without a figure for them (the re-solve was not
    proven within its time) the report says so instead of guessing."""
    result, diagnosis = volunteer_case()
    explained = attach_diagnosis(result, diagnosis)
    explained.summary["explanation"]["dependence"] = {}
    assert why_short_lines(explained)[-1] == (
        "- zonder bewezen uitkomst, dus weggelaten: regulier (niet binnen de tijd, of zonder dit "
        "ruilmiddel kunnen de vastgelegde afspraken niet)"
    )


# ---- property: every short municipality gets a reason, and every closing option closes -------


@st.composite
def small_packages(draw) -> tuple[list[dict], list[dict], dict]:
    """Rows of 2 to 4 municipalities of one province, up to 5 sites, and random rules."""
    n = draw(st.integers(2, 4))
    codes = [f"GM000{i}" for i in range(n)]
    rows = [
        municipality(
            code,
            draw(st.integers(0, 200)),
            region=draw(st.sampled_from(["N", "Z"])),
            housing_task=draw(st.integers(0, 60)),
            housing_extra_max=draw(st.sampled_from([0, 0, 40])),
            ukraine_task=draw(st.integers(0, 40)),
            ukraine_extra_max=draw(st.sampled_from([0, 30])),
            willing_extra=draw(st.sampled_from([0, 0, 20])),
        )
        for code in codes
    ]
    sites = []
    for number in range(draw(st.integers(0, 5))):
        lo = draw(st.integers(0, 100))
        sites.append(
            site(
                f"S{number}",
                draw(st.sampled_from(codes)),
                kind=draw(st.sampled_from(["regular", "small", "amv", "municipal"])),
                status=draw(st.sampled_from(["existing", "decided", "planned", "idea"])),
                lo=lo,
                hi=lo + draw(st.integers(0, 200)),
            )
        )
    rules = {
        "exchange_scope": draw(st.sampled_from(["province", "region"])),
        "balance": draw(st.sampled_from(["deal", "deal", "municipality"])),
        "balance_tolerance": draw(st.sampled_from([0, 0, 3])),
    }
    return rows, sites, rules


def changed_rows(rows: list[dict], sites: list[dict], changes: list) -> tuple[list, list]:
    """The instance rows with the changes of one closing option made (docs/model.md, "What
    would close it"): more max_places, willing_extra or declared room, or a new decided site."""
    rows = [dict(r) for r in rows]
    sites = [dict(s) for s in sites]
    by_code = {r["code"]: r for r in rows}
    by_id = {s["id"]: s for s in sites}
    for c in changes:
        if c.change == "places":
            by_id[c.about]["max_places"] += c.amount
        elif c.change == "willing":
            by_code[c.municipality]["willing_extra"] += c.amount
        elif c.change == "room":
            by_code[c.municipality][f"{c.about}_extra_max"] += c.amount
        else:
            new = site(f"new-{c.about}-{c.municipality}", c.municipality, kind=c.about)
            sites.append(new | {"status": "decided", "min_places": 0, "max_places": c.amount})
    return rows, sites


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(small_packages())
def test_every_short_municipality_has_a_reason_and_each_option_closes_its_gap(package):
    """Whatever the instance: every short municipality gets at least one reason; and solving
    again with the changes of any of its closing options leaves at least its unmet places fewer
    unmet places in all (the option brings it to 0 with nobody else worse off)."""
    rows, sites, rules = package
    instance = make_instance(rows, sites, rules=rules)
    result, diagnosis = solved(instance)
    before = (result.municipalities["unmet_rec"] + result.municipalities["unmet_amv"]).sum()
    for code, short in diagnosis.short.items():
        assert short.limits, code
        for number in {c.option for c in short.closing}:
            changes = [c for c in short.closing if c.option == number]
            more_rows, more_sites = changed_rows(rows, sites, changes)
            again = make_instance(more_rows, more_sites, rules=rules)
            unmet = solve(again, order=("shortfall", "unmet")).outcomes("unmet")
            assert sum(o.value for o in unmet) <= before - short.unmet + 1e-6, (code, changes)
