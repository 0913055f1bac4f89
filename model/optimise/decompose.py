"""Turn a pool decision into deals: pairwise transfers that realise the pool's flows exactly.

The pool relaxation (model/optimise/formulation.py, `pool_flows` and `swap_pool`) says how much each
municipality hands over and takes over, and, under rules.balance = "deal", which value it swaps
for which. Here those flows are matched into transfers between pairs, per swap type and per
component, so that every deal balances on its own (docs/model.md, "How it is solved"):

- a swap of k for k2 is matched between a municipality that hands over k for k2 and one that
  hands over k2 for k: each match is a balanced exchange;
- volunteered units go from those who hand them over to those who volunteer;
- under rules.balance = "municipality" the net changes are matched per component, from givers
  to takers.

Matches use pairs that already trade first (fewer deals), then the largest amounts. Only pairs
that may deal are used; when no match is left, None is returned and the stage driver solves the
pair model instead. No solver here: the pair model re-checks whatever this returns.
"""

from __future__ import annotations

from collections import defaultdict

from model.optimise.formulation import ProvinceData

Transfers = dict[tuple[str, str, str], int]
EPS = 1e-6


class Matcher:
    """Matches supplies with demands over allowed pairs, preferring pairs already in use."""

    def __init__(self, d: ProvinceData):
        self.allowed = set(d.pairs)
        self.used: set[tuple[str, str]] = set(d.required)
        self.q: dict[tuple[str, str, str], float] = defaultdict(float)

    def may(self, i: str, j: str) -> bool:
        return tuple(sorted((i, j))) in self.allowed

    def match(self, left: dict[str, float], right: dict[str, float], move) -> bool:
        """Pair up left and right amounts (equal totals); move(i, j, amount) records a match."""
        left = {m: v for m, v in left.items() if v > EPS}
        right = {m: v for m, v in right.items() if v > EPS}

        def take(i: str, j: str) -> None:
            amount = min(left[i], right[j])
            move(i, j, amount)
            self.used.add(tuple(sorted((i, j))))
            for side, m in ((left, i), (right, j)):
                side[m] -= amount
                if side[m] <= EPS:
                    del side[m]

        for i, j in sorted(self.used):
            for a, b in ((i, j), (j, i)):
                if a in left and b in right:
                    take(a, b)
        while left and right:
            i = max(left, key=lambda m: (left[m], m))
            partners = [j for j in right if self.may(i, j)]
            if not partners:
                return False
            take(i, max(partners, key=lambda m: (right[m], m)))
        return not left and not right


def decompose(d: ProvinceData, pool: dict[str, dict]) -> Transfers | None:
    """Whole-unit transfers q(k,i,j) realising the pool decision, or None when they do not fit."""
    matcher = Matcher(d)
    w = d.weights
    groups = sorted(set(d.group.values()))
    members = {g: [m for m in d.municipalities if d.group[m] == g] for g in groups}
    swaps = pool.get("swap")
    for g in groups:
        here = set(members[g])
        if swaps is not None:
            kinds = sorted({tuple(sorted((k, k2))) for k, k2, m in swaps if m in here})
            for k, k2 in kinds:
                one = {m: v for (a, b, m), v in swaps.items() if (a, b) == (k, k2) and m in here}
                two = {m: v for (a, b, m), v in swaps.items() if (a, b) == (k2, k) and m in here}

                def swap(i: str, j: str, value: float, k=k, k2=k2) -> None:
                    matcher.q[k, i, j] += value / w[k]
                    matcher.q[k2, j, i] += value / w[k2]

                if not matcher.match(one, two, swap):
                    return None
            flows = [("vol_out", "vol_in")]
        else:
            flows = [("outflow", "inflow")]
        for away, taken in flows:
            for k in d.tradable:
                left, right = _net(pool, away, taken, k, here, netted=swaps is None)

                def move(i: str, j: str, units: float, k=k) -> None:
                    matcher.q[k, i, j] += units

                if not matcher.match(left, right, move):
                    return None
    out: Transfers = {}
    for key, v in matcher.q.items():
        if abs(v - round(v)) > EPS:
            return None
        if round(v) > 0:
            out[key] = int(round(v))
    return out


def _net(
    pool: dict[str, dict], away: str, taken: str, k: str, here: set[str], netted: bool
) -> tuple[dict[str, float], dict[str, float]]:
    """Units of k handed over (left) and taken over (right) per municipality of a group.

    With `netted`, a municipality's outflow and inflow cancel first (plain pools may show both).
    """
    give = {m: v for (c, m), v in pool.get(away, {}).items() if c == k and m in here}
    take = {m: v for (c, m), v in pool.get(taken, {}).items() if c == k and m in here}
    if not netted:
        return give, take
    net = {m: take.get(m, 0) - give.get(m, 0) for m in set(give) | set(take)}
    return {m: -v for m, v in net.items() if v < 0}, {m: v for m, v in net.items() if v > 0}
