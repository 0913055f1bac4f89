"""model/optimise/decompose.py on its own: pool flows matched into deals (docs/model.md, "How it is solved").

Each case is worked out by hand; the deals found must realise the pool's flows exactly, every
match must balance, and pairs that may not deal are never used.
"""

from __future__ import annotations

from builders import make_instance, municipality
from model.optimise.decompose import Matcher, decompose
from model.optimise.formulation import province_data


def data(*rows, **rules):
    return province_data(make_instance(list(rows), rules=rules), "P")


def test_a_swap_becomes_one_balanced_deal():
    """A hands over 30 regular for housing, B hands over 30 housing for regular: one deal, A's 30
    places to B and B's 30 status holders to A."""
    d = data(municipality("A", 30), municipality("B", 0))
    pool = {"swap": {("regular", "housing", "A"): 30, ("housing", "regular", "B"): 30}}
    assert decompose(d, pool) == {("regular", "A", "B"): 30, ("housing", "B", "A"): 30}


def test_the_largest_amounts_are_matched_first_and_pairs_are_reused():
    """Two givers (A 50, B 20) and two takers (C 40, D 30) of one swap type. Largest first: A-C 40,
    A-D 10, then B-D 20 (B's only remaining partner with room). Volunteered units of another
    component between A and C reuse the pair A-C: still three deals."""
    d = data(*(municipality(c) for c in "ABCD"))
    pool = {
        "swap": {
            ("regular", "ukraine", "A"): 50,
            ("regular", "ukraine", "B"): 20,
            ("ukraine", "regular", "C"): 40,
            ("ukraine", "regular", "D"): 30,
        },
        "vol_out": {("amv", "A"): 5},
        "vol_in": {("amv", "C"): 5},
    }
    q = decompose(d, pool)
    assert q == {
        ("regular", "A", "C"): 40,
        ("ukraine", "C", "A"): 40,
        ("regular", "A", "D"): 10,
        ("ukraine", "D", "A"): 10,
        ("regular", "B", "D"): 20,
        ("ukraine", "D", "B"): 20,
        ("amv", "A", "C"): 5,
    }
    assert len({tuple(sorted(key[1:])) for key in q}) == 3


def test_a_forbidden_pair_is_not_used():
    """A and C may not deal: A's 30 must go to B even though C has the larger share."""
    d = province_data(
        make_instance(
            [municipality("A"), municipality("B"), municipality("C")],
            deals=[("A", "C", "forbid")],
        ),
        "P",
    )
    pool = {
        "swap": {
            ("regular", "housing", "A"): 30,
            ("housing", "regular", "B"): 10,
            ("housing", "regular", "C"): 20,
        }
    }
    assert decompose(d, pool) is None  # C's 20 can only go to A: nothing fits


def test_net_flows_are_matched_under_municipality_balance():
    """Without swaps (balance per municipality) only net changes count: A's outflow and inflow of
    regular cancel first (A hands over 10 net), then A's 10 go to B."""
    d = data(municipality("A"), municipality("B"), balance="municipality")
    pool = {
        "outflow": {("regular", "A"): 15},
        "inflow": {("regular", "A"): 5, ("regular", "B"): 10},
    }
    assert decompose(d, pool) == {("regular", "A", "B"): 10}


def test_fractional_units_are_refused():
    """With a weight of 0.75 a swap of value 3 is 4 Ukrainian places for 3 regular places; a value
    of 1 would be 4/3 places: no whole transfer realises it."""
    d = province_data(
        make_instance([municipality("A"), municipality("B")], weights={"ukraine": 0.75}), "P"
    )
    whole = {"swap": {("regular", "ukraine", "A"): 3.0, ("ukraine", "regular", "B"): 3.0}}
    assert decompose(d, whole) == {("regular", "A", "B"): 3, ("ukraine", "B", "A"): 4}
    broken = {"swap": {("regular", "ukraine", "A"): 1.0, ("ukraine", "regular", "B"): 1.0}}
    assert decompose(d, broken) is None


def test_the_matcher_reports_what_cannot_be_matched():
    matcher = Matcher(data(municipality("A"), municipality("B")))
    moves = []
    assert matcher.match({"A": 5}, {"B": 5}, lambda i, j, n: moves.append((i, j, n)))
    assert moves == [("A", "B", 5)]
    assert not matcher.match({"A": 5}, {"A": 5}, lambda *_: None)  # nobody deals with itself
