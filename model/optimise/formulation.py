"""The exchange model of docs/model.md as a Pyomo model, one province at a time.

Provinces never interact, so each province is its own model. One function per constraint family,
named as in docs/model.md. Units move in transfers q(k,i,j): units of i's task in component k that
j performs for i, one variable per ordered pair of municipalities that may deal and component that
may change hands.

`Bounds` carries what earlier stages have proven (total unmet allowed, ranges of the net change of
each municipality and component, who must deal): the model only gets tighter with them, never
different, because every bound is implied by the constraints and the earlier stages' optima
(docs/model.md, "How it is solved").
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field, replace
from functools import cached_property

import pyomo.core as pyo

from model.core.instance import Instance
from model.core.settings import COMPONENTS, Settings

DECLARED = ("housing", "ukraine")
"""Components delivered by declaration, limited by spare capacity X(m,k)."""
RECEPTION = ("regular", "amv")
"""Components delivered by places at sites."""
EPS = 1e-9


@dataclass
class ProvinceData:
    """The numbers of one province that the model needs, as plain Python (no pandas)."""

    province: str
    settings: Settings
    municipalities: list[str]
    group: dict[str, str]
    task: dict[tuple[str, str], int]
    spare: dict[tuple[str, str], int]
    willing: dict[str, float]
    max_site_size: dict[str, int | None]
    sites: list[str]
    site_municipality: dict[str, str]
    site_kind: dict[str, str]
    committed: dict[str, bool]
    rho: dict[str, float]
    lo: dict[str, int]
    hi: dict[str, int]
    min_places: dict[str, int]
    pairs: list[tuple[str, str]]
    """Unordered pairs (a < b) that may deal: same exchange group, not forbidden, near enough."""
    km: dict[tuple[str, str], int]
    """Length of a deal between a pair in whole km (0 when a centroid is unknown)."""
    required: list[tuple[str, str]] = field(default_factory=list)

    @property
    def rules(self):
        return self.settings.rules

    @cached_property
    def weights(self) -> dict[str, float]:
        return self.settings.weights.model_dump()

    @cached_property
    def tradable(self) -> list[str]:
        """Components that may change hands: transferable, with a weight above 0, some scope."""
        if self.rules.exchange_scope == "none":
            return []
        w = self.weights
        return [k for k in COMPONENTS if k in self.rules.transferable and w[k] > 0]

    def value_task(self, m: str) -> float:
        return sum(self.weights[k] * self.task[m, k] for k in COMPONENTS)

    def reception_task(self, m: str) -> int:
        return self.task[m, "regular"] + self.task[m, "amv"]

    def share_base(self, m: str) -> int:
        """The task a municipality's unmet places are a share of (at least 1; stage fairness)."""
        return max(1, self.reception_task(m))

    def max_places(self, m: str, amv_only: bool = False) -> float:
        """Most counted places m's sites can hold (for amv: its amv sites)."""
        return sum(
            self.rho[s] * self.hi[s]
            for s in self._sites_of.get(m, [])
            if not amv_only or self.site_kind[s] == "amv"
        )

    def partners(self, m: str) -> list[str]:
        """The municipalities m may deal with, in the order of the pairs."""
        return self._partners.get(m, [])

    @cached_property
    def _partners(self) -> dict[str, list[str]]:
        found: dict[str, list[str]] = {}
        for a, b in self.pairs:
            found.setdefault(a, []).append(b)
            found.setdefault(b, []).append(a)
        return found

    @cached_property
    def _sites_of(self) -> dict[str, list[str]]:
        found: dict[str, list[str]] = {}
        for s in self.sites:
            found.setdefault(self.site_municipality[s], []).append(s)
        return found

    def restricted(self, members: list[str]) -> ProvinceData:
        """The same numbers for some of the municipalities: their sites, and the pairs and
        required deals among them."""
        keep = set(members)
        sites = [s for s in self.sites if self.site_municipality[s] in keep]
        pairs = [(a, b) for a, b in self.pairs if a in keep and b in keep]

        def mine(values: dict, of=lambda key: key) -> dict:
            return {key: v for key, v in values.items() if of(key) in keep}

        def at_site(values: dict) -> dict:
            return {s: values[s] for s in sites}

        return replace(
            self,
            municipalities=[m for m in self.municipalities if m in keep],
            group=mine(self.group),
            task=mine(self.task, lambda key: key[0]),
            spare=mine(self.spare, lambda key: key[0]),
            willing=mine(self.willing),
            max_site_size=mine(self.max_site_size),
            sites=sites,
            site_municipality=at_site(self.site_municipality),
            site_kind=at_site(self.site_kind),
            committed=at_site(self.committed),
            rho=at_site(self.rho),
            lo=at_site(self.lo),
            hi=at_site(self.hi),
            min_places=at_site(self.min_places),
            pairs=pairs,
            km={pair: self.km[pair] for pair in pairs},
            required=[pair for pair in self.required if pair[0] in keep and pair[1] in keep],
        )

    def integral(self) -> bool:
        """Are counted places, and so unmet places and shortfall, always whole numbers?"""
        return all(float(r).is_integer() for r in self.rho.values())


def province_data(instance: Instance, province: str) -> ProvinceData:
    """Extract one province from an instance; sites that do not count stay out (docs/model.md)."""
    mun = instance.municipalities[instance.municipalities["province"] == province].sort_index()
    codes = list(mun.index)
    group = instance.exchange_group()
    tasks = instance.tasks
    spare = instance.spare
    sites = instance.sites[instance.sites["municipality"].isin(codes) & instance.sites["counted"]]
    sites = sites.sort_index()
    openable = sites[sites["committed"] | (sites["lo"] <= sites["hi"])]
    rules = {(a, b): rule for a, b, rule in instance.deal_rules.itertuples(index=False)}
    limit = instance.settings.rules.max_distance_km
    pairs, km, required = [], {}, []
    if instance.settings.rules.exchange_scope != "none":
        for n, a in enumerate(codes):
            for b in codes[n + 1 :]:
                if group[a] != group[b] or rules.get((a, b)) == "forbid":
                    continue
                distance = instance.distance_km(a, b)
                if limit > 0 and (distance is None or distance > limit):
                    continue
                pairs.append((a, b))
                km[a, b] = distance or 0
                if rules.get((a, b)) == "require":
                    required.append((a, b))
    return ProvinceData(
        province=province,
        settings=instance.settings,
        municipalities=codes,
        group={m: str(group[m]) for m in codes},
        task={(m, k): int(tasks.at[m, k]) for m in codes for k in COMPONENTS},
        spare={(m, k): int(spare.at[m, k]) for m in codes for k in DECLARED},
        willing={m: float(mun.at[m, "willing_extra"]) for m in codes},
        max_site_size={
            m: None if math.isnan(v) else int(v) for m, v in mun["max_site_size"].items()
        },
        sites=list(openable.index),
        site_municipality=dict(openable["municipality"]),
        site_kind=dict(openable["kind"]),
        committed={s: bool(v) for s, v in openable["committed"].items()},
        rho={s: float(v) for s, v in openable["status_weight"].items()},
        lo={s: int(v) for s, v in openable["lo"].items()},
        hi={s: int(v) for s, v in openable["hi"].items()},
        min_places={s: int(v) for s, v in openable["min_places"].items()},
        pairs=pairs,
        km=km,
        required=required,
    )


@dataclass(frozen=True)
class Bounds:
    """What earlier stages have proven, as bounds that tighten the model without changing it.

    unmet: total unmet places allowed (stage `unmet`); unmet_of: unmet places allowed per
    municipality (stage `fairness`); net: range (lo, hi) of the net change O(m,k) - T(m,k);
    active: municipalities that must be in at least one deal; sites: soft sites open or closed
    in every package that keeps the earlier optima. Every bound must be implied by the
    constraints and the earlier stages' optima: then the model keeps exactly the same solutions
    that respect those optima.
    """

    unmet: float | None = None
    unmet_of: dict[str, float] = field(default_factory=dict)
    net: dict[tuple[str, str], tuple[float, float]] = field(default_factory=dict)
    active: frozenset[str] = frozenset()
    sites: dict[tuple[str, str], int] = field(default_factory=dict)

    def restricted(self, members: list[str]) -> Bounds:
        """The bounds of some of the municipalities (a group); no total of unmet places."""
        keep = set(members)
        return Bounds(
            unmet=None,
            unmet_of={m: v for m, v in self.unmet_of.items() if m in keep},
            net={key: v for key, v in self.net.items() if key[0] in keep},
            active=frozenset(m for m in self.active if m in keep),
            sites={key: v for key, v in self.sites.items() if key[0] in keep},
        )


@dataclass(frozen=True)
class Shape:
    """Which optional parts a model needs: deal binaries, and the stronger formulation."""

    deals: bool = False
    strong: bool = True
    pool: bool = False
    """A relaxation: net changes per municipality balanced per group, without pairs."""


class Caps:
    """Most units each municipality can hand over or take over, implied by the model's rules."""

    def __init__(self, d: ProvinceData, bounds: Bounds):
        self.d, self.bounds = d, bounds
        self._give: dict[tuple[str, str], int] = {}
        self._take: dict[tuple[str, str], int] = {}

    def unmet_allowed(self, m: str) -> float | None:
        values = [v for v in (self.bounds.unmet, self.bounds.unmet_of.get(m)) if v is not None]
        return min(values) if values else None

    def give(self, m: str, k: str) -> int:
        """Units of its task in k that m can hand over."""
        if (m, k) not in self._give:
            self._give[m, k] = self._gives(m, k)
        return self._give[m, k]

    def take(self, m: str, k: str) -> int:
        """Units of k that m can take over from others (see _takes)."""
        if (m, k) not in self._take:
            self._take[m, k] = self._takes(m, k)
        return self._take[m, k]

    def _gives(self, m: str, k: str) -> int:
        cap = self.d.task[m, k]
        net = self.bounds.net.get((m, k))
        if net is not None and not self.d.rules.pass_through:
            cap = min(cap, math.floor(max(0.0, -net[0]) + EPS))
        return max(cap, 0)

    def _takes(self, m: str, k: str) -> int:
        """Units of k that m can take over from others.

        Value: m takes over at most the value it hands over in other components (all of them
        when it may pass units on) plus what it volunteers and the tolerance of each deal.
        Declared components: at most its spare capacity X(m,k) (plus its own task when it may
        pass units on). Places: once unmet is bounded by U, at most its sites' places plus U
        minus what it keeps of its own task.
        """
        d, w = self.d, self.d.weights
        through = d.rules.pass_through
        partners = len(d.partners(m))
        deals = partners if d.rules.balance == "deal" else 1
        given = sum(w[j] * d.task[m, j] for j in d.tradable if through or j != k)
        slack = d.willing[m] + d.rules.balance_tolerance * deals + given
        cap = math.floor(slack / w[k] + EPS)
        if k in DECLARED:
            cap = min(cap, d.spare[m, k] + (d.task[m, k] if through else 0))
        else:
            allowed = self.unmet_allowed(m)
            if allowed is not None:
                own = 0 if through else d.task[m, k]
                places = d.max_places(m, amv_only=k == "amv")
                cap = min(cap, math.floor(places + allowed - own + EPS))
        net = self.bounds.net.get((m, k))
        if net is not None:
            cap = min(cap, math.floor(max(0.0, net[1]) + EPS + (d.task[m, k] if through else 0)))
        return max(cap, 0)


# --- variables --------------------------------------------------------------------------------


def site_variables(model: pyo.ConcreteModel, d: ProvinceData, bounds: Bounds) -> None:
    """x(s) places per counted site; y(s) opens a soft site (held where bounds.sites settles it);
    over(s) places above the preference."""
    model.S = pyo.Set(initialize=d.sites, ordered=True)
    model.S_soft = pyo.Set(initialize=[s for s in d.sites if not d.committed[s]], ordered=True)
    model.S_pref = pyo.Set(
        initialize=[s for s in model.S_soft if d.max_site_size[d.site_municipality[s]] is not None],
        ordered=True,
    )

    def x_bounds(_, s):
        return (d.lo[s], d.hi[s]) if d.committed[s] else (0, d.hi[s])

    model.x = pyo.Var(model.S, domain=pyo.NonNegativeIntegers, bounds=x_bounds)
    held = {s: open_ for (_, s), open_ in bounds.sites.items()}
    model.y = pyo.Var(
        model.S_soft,
        domain=pyo.Binary,
        bounds=lambda _, s: (held[s], held[s]) if s in held else (0, 1),
    )
    model.over = pyo.Var(model.S_pref, domain=pyo.NonNegativeReals)


def transfers(model: pyo.ConcreteModel, d: ProvinceData, caps: Caps) -> None:
    """q(k,i,j) for each ordered pair that may deal and component k that may change hands.

    A variable exists only when i can hand over units of k and j can take some; its bound is the
    smaller of the two, the tightest bound the rules imply.
    """
    bound: dict[tuple[str, str, str], int] = {}
    for a, b in d.pairs:
        for i, j in ((a, b), (b, a)):
            for k in d.tradable:
                ub = min(caps.give(i, k), caps.take(j, k))
                if ub > 0:
                    bound[k, i, j] = ub
    keys = sorted(bound)
    model.Q = pyo.Set(initialize=keys, dimen=3, ordered=True)
    model.q = pyo.Var(
        model.Q, domain=pyo.NonNegativeIntegers, bounds=lambda _, k, i, j: (0, bound[k, i, j])
    )
    model.q_bound = bound
    out_terms: dict[tuple[str, str], list] = {}
    in_terms: dict[tuple[str, str], list] = {}
    for k, i, j in keys:
        out_terms.setdefault((k, i), []).append(model.q[k, i, j])
        in_terms.setdefault((k, j), []).append(model.q[k, i, j])
    flows = sorted(set(out_terms) | set(in_terms))
    model.F = pyo.Set(initialize=flows, dimen=2, ordered=True)
    model.outflow = pyo.Expression(model.F, rule=lambda _, k, m: sum(out_terms.get((k, m), [])))
    model.inflow = pyo.Expression(model.F, rule=lambda _, k, m: sum(in_terms.get((k, m), [])))
    model.flow_keys = set(flows)
    model.gives = {key for key in out_terms}
    model.takes = {key for key in in_terms}
    model.decision_parts = ("x", "y", "q")


def pool_flows(model: pyo.ConcreteModel, d: ProvinceData, caps: Caps) -> None:
    """inflow/outflow per municipality and component, balanced within each exchange group.

    A relaxation of `transfers`: every package of deals gives such flows, not the other way.
    """
    members: dict[str, list[str]] = {}
    for m in d.municipalities:
        if d.partners(m):
            members.setdefault(d.group[m], []).append(m)
    keys = [(k, m) for k in d.tradable for g in members.values() for m in g]
    keys = [(k, m) for k, m in keys if caps.give(m, k) > 0 or caps.take(m, k) > 0]
    model.F = pyo.Set(initialize=sorted(keys), dimen=2, ordered=True)
    model.outflow = pyo.Var(
        model.F, domain=pyo.NonNegativeIntegers, bounds=lambda _, k, m: (0, caps.give(m, k))
    )
    model.inflow = pyo.Var(
        model.F, domain=pyo.NonNegativeIntegers, bounds=lambda _, k, m: (0, caps.take(m, k))
    )
    balanced = sorted({(k, d.group[m]) for k, m in keys})
    model.pool_balance = pyo.Constraint(
        balanced,
        rule=lambda mdl, k, g: (
            sum(mdl.inflow[k, m] - mdl.outflow[k, m] for m in members[g] if (k, m) in mdl.F) == 0
        ),
    )
    model.flow_keys = set(keys)
    model.gives = {key for key in keys if caps.give(key[1], key[0]) > 0}
    model.takes = {key for key in keys if caps.take(key[1], key[0]) > 0}
    model.Q = pyo.Set(initialize=[], dimen=3)
    model.q = pyo.Var(model.Q, domain=pyo.NonNegativeIntegers)
    model.q_bound = {}
    model.decision_parts = ("x", "y", "outflow", "inflow", "swap", "vol_out", "vol_in")


def swap_pool(model: pyo.ConcreteModel, d: ProvinceData) -> None:
    """Pool flows made of balanced swaps: the relaxation of bilateral deals without pass-through.

    swap(k,k2,m): value m hands over in k in return for the same value in k2. Within an exchange
    group, the value handed over in k for k2 equals the value handed over in k2 for k; the rest
    of what moves is volunteered (vol_out, vol_in, within each taker's willing_extra).
    """
    w = d.weights
    tol = d.rules.balance_tolerance
    gives, takes = model.gives, model.takes
    keys = [
        (k, k2, m)
        for k in d.tradable
        for k2 in d.tradable
        for _, m in [(None, m) for m in d.municipalities]
        if k != k2 and (k, m) in gives and (k2, m) in takes
    ]
    model.W = pyo.Set(initialize=keys, dimen=3, ordered=True)
    whole = all(w[k] == 1 for k in d.tradable)  # then swapped value is a whole number of units
    model.swap = pyo.Var(model.W, domain=pyo.NonNegativeIntegers if whole else pyo.NonNegativeReals)
    budget = {m: d.willing[m] + tol * len(d.partners(m)) for m in d.municipalities}
    model.VO = pyo.Set(initialize=sorted(gives), dimen=2, ordered=True)
    model.VI = pyo.Set(
        initialize=sorted(key for key in takes if budget[key[1]] > 0), dimen=2, ordered=True
    )
    units = pyo.NonNegativeIntegers if whole else pyo.NonNegativeReals
    model.vol_out = pyo.Var(model.VO, domain=units)
    model.vol_in = pyo.Var(model.VI, domain=units)
    by_out: dict[tuple[str, str], list] = {}
    by_in: dict[tuple[str, str], list] = {}
    for k, k2, m in keys:
        by_out.setdefault((k, m), []).append(model.swap[k, k2, m])
        by_in.setdefault((k2, m), []).append(model.swap[k, k2, m])

    def out_value(mdl, k, m):
        """What m hands over in k is swapped or volunteered away."""
        volunteered = mdl.vol_out[k, m] if (k, m) in mdl.VO else 0
        return w[k] * mdl.outflow[k, m] == sum(by_out.get((k, m), [])) + w[k] * volunteered

    def in_value(mdl, k, m):
        """What m takes over in k comes from swaps or is volunteered."""
        volunteered = mdl.vol_in[k, m] if (k, m) in mdl.VI else 0
        return w[k] * mdl.inflow[k, m] == sum(by_in.get((k, m), [])) + w[k] * volunteered

    model.swap_out = pyo.Constraint(sorted(gives), rule=out_value)
    model.swap_in = pyo.Constraint(sorted(takes), rule=in_value)
    groups = sorted({d.group[m] for _, _, m in keys})
    types = sorted({tuple(sorted((k, k2))) for k, k2, _ in keys})

    def swap_balance(mdl, g, k, k2):
        """Within a group, what is handed over in k for k2 equals what is handed over in k2 for k."""
        one = [
            mdl.swap[k, k2, m] for m in d.municipalities if (k, k2, m) in mdl.W and d.group[m] == g
        ]
        two = [
            mdl.swap[k2, k, m] for m in d.municipalities if (k2, k, m) in mdl.W and d.group[m] == g
        ]
        if not one and not two:
            return pyo.Constraint.Skip
        return sum(one) == sum(two)

    model.swap_balance = pyo.Constraint(
        [(g, k, k2) for g in groups for k, k2 in types], rule=swap_balance
    )

    def volunteered(mdl, g, k):
        """Within a group, units volunteered away in k are units volunteered for in k."""
        away = [mdl.vol_out[k, m] for m in d.municipalities if (k, m) in mdl.VO and d.group[m] == g]
        taken = [mdl.vol_in[k, m] for m in d.municipalities if (k, m) in mdl.VI and d.group[m] == g]
        if not away and not taken:
            return pyo.Constraint.Skip
        return sum(away) == sum(taken)

    model.volunteered = pyo.Constraint(
        [(g, k) for g in sorted(set(d.group.values())) for k in d.tradable], rule=volunteered
    )
    takers: dict[str, list] = {}
    for k, m in model.VI:
        takers.setdefault(m, []).append(w[k] * model.vol_in[k, m])
    model.volunteer_budget = pyo.Constraint(
        sorted(takers), rule=lambda mdl, m: sum(takers[m]) <= budget[m]
    )


def deal_pairs(model: pyo.ConcreteModel) -> list[tuple[str, str]]:
    """Unordered pairs with at least one transfer variable between them."""
    return sorted({tuple(sorted((i, j))) for _, i, j in model.Q})


def deals(model: pyo.ConcreteModel, d: ProvinceData, bounds: Bounds) -> None:
    """deal(a,b) = 1 when any unit moves between a and b (docs/model.md, "Deals").

    Also: the deal limit per municipality, required deals, and municipalities proven to need a
    deal (bounds.active) in at least one.
    """
    pairs = deal_pairs(model)
    model.P = pyo.Set(initialize=pairs, dimen=2, ordered=True)
    model.deal = pyo.Var(model.P, domain=pyo.Binary)
    bound = model.q_bound

    def deal_link(mdl, k, i, j):
        """A transfer needs a deal between the two."""
        return mdl.q[k, i, j] <= bound[k, i, j] * mdl.deal[tuple(sorted((i, j)))]

    model.deal_link = pyo.Constraint(model.Q, rule=deal_link)
    moved: dict[tuple[str, str], list] = {}
    for k, i, j in model.Q:
        moved.setdefault(tuple(sorted((i, j))), []).append(model.q[k, i, j])

    def deal_moves(mdl, a, b):
        """A deal moves at least one unit (a deal without transfers is no deal)."""
        return sum(moved[a, b]) >= mdl.deal[a, b]

    model.deal_moves = pyo.Constraint(model.P, rule=deal_moves)
    incident: dict[str, list] = {}
    for a, b in pairs:
        incident.setdefault(a, []).append(model.deal[a, b])
        incident.setdefault(b, []).append(model.deal[a, b])
    limit = d.rules.max_deals_per_municipality

    def max_deals(_, m):
        """Each municipality is in at most D deals when D > 0."""
        if limit == 0 or len(incident.get(m, [])) <= limit:
            return pyo.Constraint.Skip
        return sum(incident[m]) <= limit

    model.max_deals = pyo.Constraint(d.municipalities, rule=max_deals)
    missing = [p for p in d.required if p not in model.P]

    def required(mdl, a, b):
        """A deal the PRT locked must be made."""
        return mdl.deal[a, b] == 1

    model.required = pyo.Constraint([p for p in d.required if p in model.P], rule=required)
    model.impossible_required = missing

    def must_deal(_, m):
        """A municipality proven to need an exchange is in at least one deal."""
        if m not in incident:
            return pyo.Constraint.Skip
        return sum(incident[m]) >= 1

    model.must_deal = pyo.Constraint(sorted(bounds.active), rule=must_deal)
    deal_cover(model, d, bounds)
    deal_capacity(model, d)


def deal_cover(model: pyo.ConcreteModel, d: ProvinceData, bounds: Bounds) -> None:
    """A municipality that must move at least L units of k needs as many deals as it takes
    partners to reach L with the most each partner can move: sum of its deals >= that number."""
    need = deal_needs(model, bounds)
    incident: dict[str, list] = {}
    for a, b in model.P:
        incident.setdefault(a, []).append(model.deal[a, b])
        incident.setdefault(b, []).append(model.deal[a, b])
    model.deal_cover = pyo.Constraint(
        sorted(m for m, n in need.items() if n > 1 and m in incident),
        rule=lambda _, m: sum(incident[m]) >= need[m],
    )


def deal_needs(model: pyo.ConcreteModel, bounds: Bounds) -> dict[str, int]:
    """Least number of deals of each municipality whose range of net change (bounds.net) leaves
    out 0: as many partners as it takes, each moving the most it can (q_bound), to move the
    least it must move in some component."""
    into: dict[tuple[str, str], list[int]] = {}
    out_of: dict[tuple[str, str], list[int]] = {}
    for (k, i, j), ub in model.q_bound.items():
        out_of.setdefault((k, i), []).append(ub)
        into.setdefault((k, j), []).append(ub)
    need: dict[str, int] = {}
    for (m, k), (lo, hi) in bounds.net.items():
        if lo > 0:
            caps = list(into.get((k, m), []))
            volume = lo
        elif hi < 0:
            caps = list(out_of.get((k, m), []))
            volume = -hi
        else:
            continue
        caps.sort(reverse=True)
        total, count = 0, 0
        for cap in caps:
            if total >= volume - EPS:
                break
            total, count = total + cap, count + 1
        need[m] = max(need.get(m, 0), count)
    return need


def least_deals(model: pyo.ConcreteModel, d: ProvinceData, bounds: Bounds) -> dict[str, int]:
    """Lower bounds on `deals` and `distance` from each municipality's least number of deals
    (deal_needs): every deal has two sides, so deals >= half the sum of the least numbers, and
    the length of the deals >= half the sum, over the municipalities, of the lengths to their
    nearest possible partners, as many as each needs."""
    need = deal_needs(model, bounds)
    lengths: dict[str, list[int]] = {}
    for a, b in deal_pairs(model):
        lengths.setdefault(a, []).append(d.km[a, b])
        lengths.setdefault(b, []).append(d.km[a, b])
    ends = sum(need.values())
    nearest = sum(sum(sorted(lengths.get(m, []))[:n]) for m, n in need.items())
    return {"deals": math.ceil(ends / 2), "distance": math.ceil(nearest / 2)}


def deal_capacity(model: pyo.ConcreteModel, d: ProvinceData) -> None:
    """The value one side performs in a deal is at most what the other side can give back
    (plus what it may volunteer and the tolerance), and only when the deal is made."""
    w = d.weights
    tol = d.rules.balance_tolerance if d.rules.balance == "deal" else 0.0
    if d.rules.balance != "deal":
        return
    bound = model.q_bound
    sent: dict[tuple[str, str], float] = {}
    for (k, i, j), ub in bound.items():
        sent[i, j] = sent.get((i, j), 0.0) + w[k] * ub
    keys = []
    for a, b in model.P:
        for i, j in ((a, b), (b, a)):
            if sent.get((i, j), 0.0) > 0:
                keys.append((i, j))

    def rule(mdl, i, j):
        back = sent.get((j, i), 0.0) + d.willing[j] + tol
        cap = min(sent[i, j], back)
        if cap >= sent[i, j] - EPS:
            return pyo.Constraint.Skip
        return value_moved(mdl, d, i, j) <= cap * mdl.deal[tuple(sorted((i, j)))]

    model.deal_capacity = pyo.Constraint(keys, rule=rule)


# --- constraints on obligations ---------------------------------------------------------------


def obligation(model: pyo.ConcreteModel, d: ProvinceData, m: str, k: str):
    """O(m,k) = T(m,k) + taken over - handed over."""
    if (k, m) in model.flow_keys:
        return d.task[m, k] + model.inflow[k, m] - model.outflow[k, m]
    return d.task[m, k]


def change(model: pyo.ConcreteModel, m: str, k: str):
    """O(m,k) - T(m,k), zero when m cannot exchange k."""
    if (k, m) in model.flow_keys:
        return model.inflow[k, m] - model.outflow[k, m]
    return 0


def no_pass_through(model: pyo.ConcreteModel, d: ProvinceData, caps: Caps) -> None:
    """Unless rules.pass_through, m either hands over or takes over units of k, never both.

    giver(k,m) = 1: m may hand over k; 0: m may take over k. Only where both are possible.
    """
    both = (
        []
        if d.rules.pass_through
        else sorted(key for key in model.flow_keys if key in model.gives and key in model.takes)
    )
    model.B = pyo.Set(initialize=both, dimen=2, ordered=True)
    model.giver = pyo.Var(model.B, domain=pyo.Binary)
    model.hands_only = pyo.Constraint(
        model.B, rule=lambda mdl, k, m: mdl.outflow[k, m] <= caps.give(m, k) * mdl.giver[k, m]
    )
    model.takes_only = pyo.Constraint(
        model.B,
        rule=lambda mdl, k, m: mdl.inflow[k, m] <= caps.take(m, k) * (1 - mdl.giver[k, m]),
    )


def no_relaying(model: pyo.ConcreteModel, d: ProvinceData, caps: Caps) -> None:
    """m hands over at most its own task: sum over j of q(k,m,j) <= T(m,k).

    Where m may also take over k, `no_pass_through` already bounds what it hands over.
    """
    count: dict[tuple[str, str], int] = {}
    for k, i, _ in model.Q:
        count[k, i] = count.get((k, i), 0) + 1
    keys = sorted(key for key, n in count.items() if n > 1 and key not in model.B)
    model.no_relaying = pyo.Constraint(
        keys, rule=lambda mdl, k, m: mdl.outflow[k, m] <= caps.give(m, k)
    )


def net_ranges(model: pyo.ConcreteModel, d: ProvinceData, bounds: Bounds) -> None:
    """lo <= O(m,k) - T(m,k) <= hi where earlier stages have proven a range (bounds.net)."""
    keys = [key for key in sorted(model.flow_keys) if (key[1], key[0]) in bounds.net]

    def rule(mdl, k, m):
        lo, hi = bounds.net[m, k]
        return pyo.inequality(lo - EPS, mdl.inflow[k, m] - mdl.outflow[k, m], hi + EPS)

    model.net_range = pyo.Constraint(keys, rule=rule)


def site_size(model: pyo.ConcreteModel, d: ProvinceData) -> None:
    """A soft site is closed or open with lo <= x <= hi; committed sites are open."""
    model.site_min = pyo.Constraint(
        model.S_soft, rule=lambda mdl, s: mdl.x[s] >= d.lo[s] * mdl.y[s]
    )
    model.site_max = pyo.Constraint(
        model.S_soft, rule=lambda mdl, s: mdl.x[s] <= d.hi[s] * mdl.y[s]
    )


def declared_capacity(model: pyo.ConcreteModel, d: ProvinceData, caps: Caps) -> None:
    """O(m,k) <= T(m,k) + X(m,k) for housing and ukraine."""
    keys = [(k, m) for k, m in model.flow_keys if k in DECLARED and (k, m) in model.takes]
    feeds: dict[tuple[str, str], int] = {}
    for k, _, j in model.Q:
        feeds[k, j] = feeds.get((k, j), 0) + 1

    def rule(mdl, k, m):
        if feeds.get((k, m), 1) <= 1 and caps.take(m, k) <= d.spare[m, k]:
            return pyo.Constraint.Skip  # one inflow, whose bound already implies it
        return mdl.inflow[k, m] - mdl.outflow[k, m] <= d.spare[m, k]

    model.declared_capacity = pyo.Constraint(sorted(keys), rule=rule)


def places(model: pyo.ConcreteModel, d: ProvinceData, m: str, amv_only: bool = False):
    """P(m) (or A(m) for amv sites): status-weighted counted places at m's sites."""
    return sum(
        d.rho[s] * model.x[s]
        for s in model.S
        if d.site_municipality[s] == m and (not amv_only or d.site_kind[s] == "amv")
    )


def coverage(model: pyo.ConcreteModel, d: ProvinceData, caps: Caps) -> None:
    """P(m) + unmet_rec >= O(regular) + O(amv); A(m) + unmet_amv >= O(amv)."""
    model.M = pyo.Set(initialize=d.municipalities, ordered=True)

    def unmet_bounds(_, m):
        allowed = caps.unmet_allowed(m)
        return (0, None if allowed is None else allowed + EPS)

    model.unmet_rec = pyo.Var(model.M, domain=pyo.NonNegativeReals, bounds=unmet_bounds)
    model.unmet_amv = pyo.Var(model.M, domain=pyo.NonNegativeReals, bounds=unmet_bounds)
    model.coverage_rec = pyo.Constraint(
        model.M,
        rule=lambda mdl, m: (
            places(mdl, d, m) + mdl.unmet_rec[m]
            >= obligation(mdl, d, m, "regular") + obligation(mdl, d, m, "amv")
        ),
    )
    model.coverage_amv = pyo.Constraint(
        model.M,
        rule=lambda mdl, m: (
            places(mdl, d, m, amv_only=True) + mdl.unmet_amv[m] >= obligation(mdl, d, m, "amv")
        ),
    )
    if caps.bounds.unmet_of:
        model.unmet_of = pyo.Constraint(
            sorted(caps.bounds.unmet_of),
            rule=lambda mdl, m: (
                mdl.unmet_rec[m] + mdl.unmet_amv[m] <= caps.bounds.unmet_of[m] + EPS
            ),
        )


def value_moved(model: pyo.ConcreteModel, d: ProvinceData, giver: str, taker: str):
    """Value of what `taker` performs of `giver`'s task: sum over k of w(k) q(k,giver,taker)."""
    w = d.weights
    return sum(
        w[k] * model.q[k, giver, taker] for k in d.tradable if (k, giver, taker) in model.q_bound
    )


def deal_balance(model: pyo.ConcreteModel, d: ProvinceData) -> None:
    """rules.balance = "deal": each deal balances on its own.

    For a deal {i,j}: the value j takes over from i minus the value i takes over from j is at
    most what j volunteers in that deal (volunteer(i,j)) plus rules.balance_tolerance, and the
    same the other way; what j volunteers over all its deals is at most willing_extra(j).
    """
    tol = d.rules.balance_tolerance
    ordered = [
        (i, j)
        for a, b in d.pairs
        for i, j in ((a, b), (b, a))
        if any((k, i, j) in model.q_bound for k in d.tradable)
    ]
    model.V = pyo.Set(
        initialize=[(i, j) for i, j in ordered if d.willing[j] > 0], dimen=2, ordered=True
    )
    model.volunteer = pyo.Var(
        model.V, domain=pyo.NonNegativeReals, bounds=lambda _, i, j: (0, d.willing[j])
    )

    def balance(mdl, i, j):
        net = value_moved(mdl, d, i, j) - value_moved(mdl, d, j, i)
        if (i, j) in mdl.V:
            return net <= mdl.volunteer[i, j] + tol
        return net <= tol

    model.deal_balance = pyo.Constraint(ordered, rule=balance)
    givers: dict[str, list] = {}
    for i, j in model.V:
        givers.setdefault(j, []).append(model.volunteer[i, j])
    model.willing_extra = pyo.Constraint(
        sorted(j for j, terms in givers.items() if len(terms) > 1),
        rule=lambda mdl, j: sum(givers[j]) <= d.willing[j],
    )


def value_balance(model: pyo.ConcreteModel, d: ProvinceData) -> None:
    """rules.balance = "municipality": sum_k w(k)(O - T) <= willing_extra + balance_tolerance."""
    w = d.weights
    tol = d.rules.balance_tolerance

    def rule(mdl, m):
        delta = sum(w[k] * change(mdl, m, k) for k in d.tradable)
        if isinstance(delta, int | float):
            return pyo.Constraint.Skip
        deals = len(d.partners(m)) if d.rules.balance == "deal" else 1
        return delta <= d.willing[m] + tol * deals

    model.value_balance = pyo.Constraint(model.M, rule=rule)


def provincial_shortfall(model: pyo.ConcreteModel, d: ProvinceData) -> None:
    """The legal test: the province's counted places against the sum of its tasks."""
    reception = sum(d.reception_task(m) for m in d.municipalities)
    amv = sum(d.task[m, "amv"] for m in d.municipalities)
    model.reception_total, model.amv_total = reception, amv
    model.counted_places = pyo.Expression(expr=sum(d.rho[s] * model.x[s] for s in model.S))
    model.counted_amv_places = pyo.Expression(
        expr=sum(d.rho[s] * model.x[s] for s in model.S if d.site_kind[s] == "amv")
    )
    model.short_rec = pyo.Var(domain=pyo.NonNegativeReals)
    model.short_amv = pyo.Var(domain=pyo.NonNegativeReals)
    model.shortfall_rec = pyo.Constraint(expr=model.counted_places + model.short_rec >= reception)
    model.shortfall_amv = pyo.Constraint(expr=model.counted_amv_places + model.short_amv >= amv)


def preference(model: pyo.ConcreteModel, d: ProvinceData) -> None:
    """over(s) >= x(s) - max_site_size of the host, for soft sites."""
    model.preference = pyo.Constraint(
        model.S_pref,
        rule=lambda mdl, s: mdl.over[s] >= mdl.x[s] - d.max_site_size[d.site_municipality[s]],
    )


def fairness(model: pyo.ConcreteModel, d: ProvinceData) -> None:
    """largest_share >= (unmet_rec(m) + unmet_amv(m)) / max(1, reception task of m)."""
    model.largest_share = pyo.Var(domain=pyo.NonNegativeReals)
    model.share_bound = pyo.Constraint(
        model.M,
        rule=lambda mdl, m: (
            (mdl.unmet_rec[m] + mdl.unmet_amv[m]) / d.share_base(m) <= mdl.largest_share
        ),
    )


# --- stages -----------------------------------------------------------------------------------


def stage_values(model: pyo.ConcreteModel, d: ProvinceData) -> None:
    """One expression per stage of docs/model.md ("Objective: lexicographic stages").

    `shares` is the second rule of the fairness stage: the sum over municipalities of their
    unmet places as a share of their task.
    """
    values = {
        "shortfall": model.short_rec + model.short_amv,
        "fairness": model.largest_share,
    } | group_stages(model, d, d.municipalities)
    order = ["shortfall", "unmet", "fairness", "shares", "firm", "preference", "new_sites"]
    order += ["transfers", "new_places", "deals", "distance"]
    model.stage = pyo.Expression(
        [name for name in order if name in values], rule=lambda _, name: values[name]
    )


def group_stages(model: pyo.ConcreteModel, d: ProvinceData, members: list[str]) -> dict:
    """The part of each stage that sums over `members` (all stages but shortfall and fairness,
    which are the province's own)."""
    keep = set(members)
    mine = [m for m in model.M if m in keep]
    committed = [s for s in model.S if d.committed[s] and d.site_municipality[s] in keep]
    soft = [s for s in model.S_soft if d.site_municipality[s] in keep]
    preferring = [s for s in model.S_pref if d.site_municipality[s] in keep]
    soft_places = sum(model.x[s] for s in soft)
    values = {
        "unmet": sum(model.unmet_rec[m] + model.unmet_amv[m] for m in mine),
        "shares": sum((model.unmet_rec[m] + model.unmet_amv[m]) / d.share_base(m) for m in mine),
        "firm": soft_places,
        "preference": sum(model.over[s] for s in preferring),
        "new_sites": sum(model.y[s] for s in soft),
        "transfers": sum(model.q[key] for key in model.Q if key[1] in keep)
        if len(model.Q)
        else sum(model.outflow[key] for key in model.F if key in model.gives and key[1] in keep),
        "new_places": soft_places + sum(model.x[s] - d.min_places[s] for s in committed),
    }
    if hasattr(model, "deal"):
        pairs = [p for p in model.P if p[0] in keep]
        values["deals"] = sum(model.deal[p] for p in pairs)
        values["distance"] = sum(d.km[p] * model.deal[p] for p in pairs)
    return values


def build_model(d: ProvinceData, bounds: Bounds | None = None, shape: Shape = Shape()):
    """The model of one province (docs/model.md), tightened by what earlier stages proved."""
    bounds = bounds or Bounds()
    caps = Caps(d, bounds)
    model = pyo.ConcreteModel(name=f"uitruil {d.province}")
    site_variables(model, d, bounds)
    swaps = d.rules.balance == "deal"
    if shape.pool:
        pool_flows(model, d, caps)
        no_pass_through(model, d, caps)
        if swaps:
            swap_pool(model, d)
    else:
        transfers(model, d, caps)
        if shape.deals:
            deals(model, d, bounds)
        no_pass_through(model, d, caps)
        no_relaying(model, d, caps)
    if shape.strong:
        net_ranges(model, d, bounds)
    site_size(model, d)
    declared_capacity(model, d, caps)
    coverage(model, d, caps)
    if not shape.pool and d.rules.balance == "deal":
        deal_balance(model, d)
    elif not (shape.pool and swaps):
        value_balance(model, d)
    provincial_shortfall(model, d)
    preference(model, d)
    fairness(model, d)
    stage_values(model, d)
    return model


# --- decisions --------------------------------------------------------------------------------


def derived_expressions(model: pyo.ConcreteModel, d: ProvinceData) -> tuple[list, list, list]:
    """What `load_decision` derives, as (variable, expression) pairs in the order it sets them:
    directions from the outflows, volunteered value from each deal's values, then unmet places,
    shortfall and over-preference at the least the decision allows."""
    givers = [(var, model.outflow[k, m]) for (k, m), var in model.giver.items()]
    volunteers = []
    if hasattr(model, "volunteer"):
        for (i, j), var in model.volunteer.items():
            volunteers.append((var, value_moved(model, d, i, j) - value_moved(model, d, j, i)))
    least = []
    for m in model.M:
        regular = obligation(model, d, m, "regular")
        amv = obligation(model, d, m, "amv")
        least.append((model.unmet_rec[m], regular + amv - places(model, d, m)))
        least.append((model.unmet_amv[m], amv - places(model, d, m, amv_only=True)))
    least.append((model.short_rec, model.reception_total - model.counted_places))
    least.append((model.short_amv, model.amv_total - model.counted_amv_places))
    for s in model.S_pref:
        least.append((model.over[s], model.x[s] - d.max_site_size[d.site_municipality[s]]))
    return givers, volunteers, least


def set_decision(model: pyo.ConcreteModel, decision: dict[str, dict]) -> None:
    """Put the parts of a decision into the model (`model.decision_parts`; absent values are 0),
    and a deal wherever units move. The rest is derived (load_decision)."""
    for part in model.decision_parts:
        component = getattr(model, part, None)
        if component is None:
            continue
        values = decision.get(part, {})
        unknown = [key for key, v in values.items() if v and key not in component]
        if unknown:
            raise ValueError(f"{part}{unknown[0]} is not a variable of this model")
        for index, var in component.items():
            var.set_value(values.get(index, 0), skip_validation=True)
    if hasattr(model, "deal"):
        for var in model.deal.values():
            var.set_value(0, skip_validation=True)
        for pair in implied_deals(decision):
            model.deal[pair].set_value(1, skip_validation=True)


def implied_deals(decision: dict[str, dict]) -> dict[tuple[str, str], int]:
    """A deal (value 1) between every two municipalities that move units; no others."""
    return {tuple(sorted((i, j))): 1 for (_, i, j), v in decision.get("q", {}).items() if v > 0}


def load_decision(model: pyo.ConcreteModel, d: ProvinceData, decision: dict[str, dict]) -> None:
    """Put a decision into the model and complete the rest at its least feasible value.

    `decision` maps each of `model.decision_parts` (sites "x", "y" and the transfers "q", or the
    pool's flows) to values by index. Deals, direction, volunteered value, unmet, shortfall,
    shares and over-preference are derived, so that stage values are those of the decision and
    never of a slack left in a solver's answer.
    """
    set_decision(model, decision)
    derived = getattr(model, "derived", None)
    if derived is None:  # built once per model: building expressions costs more than using them
        derived = model.derived = derived_expressions(model, d)
    givers, volunteers, least = derived
    for var, outflow in givers:
        var.set_value(1 if pyo.value(outflow) > 0 else 0, skip_validation=True)
    tol = d.rules.balance_tolerance
    for var, net in volunteers:
        var.set_value(max(0.0, pyo.value(net) - tol), skip_validation=True)
    for var, excess in least:
        var.set_value(max(0.0, pyo.value(excess)), skip_validation=True)
    model.largest_share.set_value(
        max(
            (pyo.value(model.unmet_rec[m] + model.unmet_amv[m]) / d.share_base(m) for m in model.M),
            default=0.0,
        ),
        skip_validation=True,
    )
