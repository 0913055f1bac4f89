"""Why a municipality stays short, what would close it, and how much rests on each component.

docs/model.md, "Explaining a package". Three computations on a solved package, province by
province (provinces never interact):

- **reasons** (`Reasons`): the pair model with the limits a PRT can change (places per site,
  declared room, willingness) held by explicit rows, the package's integer decisions fixed
  (sites open or closed, directions, deals) and places and transfers continuous. Per short
  municipality the LP minimises its unmet places while no other municipality's unmet places rise
  and the provincial shortfall stays; HiGHS's duals name the limits that bind, each of them is
  raised by one unit and the LP solved again for the value of that unit, and HiGHS's ranging says
  for how many units at least that value holds.
- **closing** (`Closing`): the same limits with a slack column each, priced per unit by
  `[explain]`, plus a new site per municipality and kind; per short municipality the cheapest
  changes that bring its unmet places to 0 while no other's rise, with each kind of change alone,
  then with every kind together. Solved on the pool relaxation and matched into deals
  (model/optimise/decompose.py); the deals are checked on the pair model, which also solves what the pool
  cannot match.
- **dependence** (`dependence`): the stages up to `unmet` solved again without each component
  that the package trades.
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable
from dataclasses import dataclass, replace

import numpy as np
import pyomo.core as pyo

from model.core.errors import InputError, Problem
from model.core.instance import Instance
from model.core.outcome import Status
from model.core.settings import COMPONENTS
from model.lang import Message
from model.optimise.decompose import decompose
from model.optimise.formulation import (
    DECLARED,
    Bounds,
    ProvinceData,
    Shape,
    build_model,
    change,
    load_decision,
    province_data,
)
from model.optimise.highs import INFINITY, HighsModel, Prices
from model.optimise.solve import solve
from model.results.diagnosis_words import CHANGES, REASONS
from model.results.result import Result, municipality_table, site_table, tidy, transfer_table

NEW_SITE_KINDS = ("municipal", "regular", "amv")
"""The kinds of the new sites each municipality may open in a closing change: a municipal site
(the smallest step), a regular azc (for large gaps), an amv site for AMV places (docs/model.md,
"What would close it")."""
TOLERANCE = 1e-6
SHARES = 4
"""A municipality's reasons, or one closing solve, may use this many equal shares of the time
left (most need far less, and what they leave goes to those after them)."""
REASONS_SHARE = 0.25
"""Share of the time limit for the reasons."""
DEPENDENCE_SHARE = 1 / 3
"""Share of the time left after the reasons for the dependence; the closing solves get the rest."""
TIE_BREAK = 1e-4
"""Share of the cheapest unit cost that each change adds, twice for a change of another
municipality or at an AMV site: among the cheapest alternatives the one with the fewest changes,
at the short municipality itself and at a reception site, is chosen."""


def new_site_id(kind: str, municipality: str) -> str:
    """The id of a virtual new site; a control character keeps it apart from every real id."""
    return f"\x01new {kind} {municipality}"


# --- the figures this module writes ---------------------------------------------------------


@dataclass(frozen=True)
class Limit:
    """A reason a municipality is short (a code of REASONS) and what the limit is worth.

    municipality: whose limit (or, for who it may not deal with, the other municipality); about:
    the site id, the component, the other side of a deal or the region; limit: the limit's value
    (max places, declared room, willing_extra, task, unmet places, spare places); per_unit: the
    unmet places one more unit of the limit closes (None for limits the model does not price);
    up_to: the units for which at least that value holds (HiGHS's ranging), None when unknown.
    """

    reason: str
    municipality: str | None
    about: str | None = None
    limit: float | None = None
    per_unit: float | None = None
    up_to: float | None = None


@dataclass(frozen=True)
class Change:
    """One change of closing option `option`: `amount` more of `change` (a code of CHANGES) at
    `municipality`: places at site `about`, a new site of kind `about`, room in component
    `about`, or willingness (about None); `cost` by [explain]."""

    option: int
    change: str
    municipality: str
    about: str | None
    amount: float
    cost: float


@dataclass
class Short:
    """One short municipality: its unmet places, reasons and closing alternatives."""

    unmet: float
    limits: list[Limit]
    closing: list[Change]
    proven: bool
    """Is every closing alternative proven the cheapest of its kind (not cut off by time)?"""


@dataclass
class Diagnosis:
    short: dict[str, Short]
    dependence: dict[str, float]
    seconds: float


# --- the package and the limits --------------------------------------------------------------


def package_decision(d: ProvinceData, result: Result, source: str) -> dict[str, dict]:
    """The decision of a result (places, opened soft sites, transfers) for `d`'s models."""
    sites = result.sites.set_index(result.sites["id"].astype(str))
    missing = [s for s in d.sites if s not in sites.index]
    if missing:
        message = Message("explain.site_missing", site=missing[0], why=not_this_instance())
        raise InputError(Problem(f"{source}/sites.csv", message))
    opened = sites["open"].astype(str) == "True"
    here = result.transfers[result.transfers["from"].isin(d.municipalities)]
    return {
        "x": {s: int(sites.at[s, "places"]) for s in d.sites},
        "y": {s: int(bool(opened[s])) for s in d.sites if not d.committed[s]},
        "q": {
            (str(k), str(i), str(j)): int(n)
            for i, j, k, n in here[["from", "to", "component", "amount"]].itertuples(index=False)
        },
    }


def not_this_instance() -> Message:
    return Message("explain.not_this_instance")


def headroom(d: ProvinceData, extra: float, new_sites: bool) -> ProvinceData:
    """`d` with every limit a change may raise raised: committed sites, declared room and
    willingness by `extra`, soft sites to their kind's maximum (COA's size rule); with
    `new_sites` also a virtual new site per municipality and kind of NEW_SITE_KINDS."""
    kinds = d.settings.site_kinds
    sites = list(d.sites)
    municipality, kind = dict(d.site_municipality), dict(d.site_kind)
    committed, rho = dict(d.committed), dict(d.rho)
    lo, min_places = dict(d.lo), dict(d.min_places)
    hi = {
        s: d.hi[s] + extra if d.committed[s] else max(d.hi[s], getattr(kinds, d.site_kind[s]).max)
        for s in d.sites
    }
    if new_sites:
        for m in d.municipalities:
            for k in NEW_SITE_KINDS:
                rule = getattr(kinds, k)
                if rule.max == 0:
                    continue
                s = new_site_id(k, m)
                sites.append(s)
                municipality[s], kind[s], committed[s], rho[s] = m, k, False, 1.0
                lo[s], hi[s], min_places[s] = max(rule.min, 1), rule.max, 0
    return replace(
        d,
        sites=sites,
        site_municipality=municipality,
        site_kind=kind,
        committed=committed,
        rho=rho,
        lo=lo,
        hi=hi,
        min_places=min_places,
        spare={key: v + extra for key, v in d.spare.items()},
        willing={m: v + extra for m, v in d.willing.items()},
    )


@dataclass(frozen=True)
class LimitRow:
    """A limit a change may raise, held at its value in the instance by an explicit row."""

    kind: str
    """The change that raises it: "places", "room" or "willing" (CHANGES)."""
    municipality: str
    about: str | None
    value: float
    headroom: float
    """How far the model (built from `headroom`) lets a change raise it."""


def volunteered(model: pyo.ConcreteModel, d: ProvinceData, m: str, pool: bool):
    """What m volunteers in the model's terms and its limit: (expression, limit) or None."""
    w, tol = d.weights, d.rules.balance_tolerance
    if d.rules.balance == "deal" and pool:
        terms = [w[k] * model.vol_in[k, m] for k in d.tradable if (k, m) in model.VI]
        limit = d.willing[m] + tol * len(d.partners(m))
    elif d.rules.balance == "deal":
        terms = [model.volunteer[i, m] for i in d.municipalities if (i, m) in model.V]
        limit = d.willing[m]
    else:
        terms = [w[k] * change(model, m, k) for k in d.tradable if (k, m) in model.flow_keys]
        limit = d.willing[m] + tol
    return (sum(terms), limit) if terms else None


def limit_rows(
    model: pyo.ConcreteModel, d: ProvinceData, dd: ProvinceData, pool: bool, slack: bool
) -> None:
    """Rows that hold the limits a PRT can change at their values in `d`, in a model of `dd`.

    limit[n]: x(s) <= max places of s; O(m,k) - T(m,k) <= X(m,k) for housing and ukraine; what
    m volunteers <= willing_extra(m). With `slack`, row n gets a column more[n] >= 0 (up to the
    headroom of `dd`): the change that closing prices.
    """
    rows: list[tuple[object, float, LimitRow]] = []
    for s in d.sites:
        m = d.site_municipality[s]
        rows.append((model.x[s], d.hi[s], LimitRow("places", m, s, d.hi[s], dd.hi[s] - d.hi[s])))
    for k, m in sorted(model.flow_keys):
        if k in DECLARED and (k, m) in model.takes:
            extra = dd.spare[m, k] - d.spare[m, k]
            rows.append(
                (change(model, m, k), d.spare[m, k], LimitRow("room", m, k, d.spare[m, k], extra))
            )
    for m in d.municipalities:
        found = volunteered(model, d, m, pool)
        if found is not None:
            extra = dd.willing[m] - d.willing[m]
            rows.append((found[0], found[1], LimitRow("willing", m, None, d.willing[m], extra)))
    model.L = pyo.Set(initialize=range(len(rows)), ordered=True)
    model.limit_of = [row for _, _, row in rows]
    model.limit_terms = [(expr, value) for expr, value, _ in rows]
    if slack:
        model.more = pyo.Var(
            model.L, domain=pyo.NonNegativeReals, bounds=lambda _, n: (0, rows[n][2].headroom)
        )
    model.limit = pyo.Constraint(
        model.L,
        rule=lambda mdl, n: rows[n][0] <= rows[n][1] + (mdl.more[n] if slack else 0),
    )


def unmet_of(model: pyo.ConcreteModel, m: str):
    return model.unmet_rec[m] + model.unmet_amv[m]


# --- why short --------------------------------------------------------------------------------


class Reasons:
    """The binding limits of each short municipality of one province (module docstring)."""

    def __init__(
        self,
        d: ProvinceData,
        decision: dict[str, dict],
        extra: float,
        threads: int | None,
        source: str,
    ):
        self.d = d
        self.dd = headroom(d, extra, new_sites=False)
        model = build_model(self.dd, Bounds(), Shape(deals=True))
        limit_rows(model, d, self.dd, pool=False, slack=False)
        self.model = model
        self.hm = HighsModel(model, threads)
        try:
            load_decision(model, self.dd, decision)
        except ValueError:
            raise InputError(Problem(source, not_this_instance())) from None
        vector = self.hm.vector()
        if self.hm.violation(vector) > TOLERANCE:
            raise InputError(
                Problem(source, Message("explain.breaks_rule", why=not_this_instance()))
            )
        self.unmet = {m: float(pyo.value(unmet_of(model, m))) for m in d.municipalities}
        self.fixed = np.concatenate([self.hm.columns(part) for part in ("y", "giver", "deal")])
        self.values = vector[self.fixed]
        shortfall = float(pyo.value(model.stage["shortfall"]))
        self.hm.bound(model.stage["shortfall"], shortfall)
        self.caps = {m: self.hm.bound(unmet_of(model, m), self.unmet[m]) for m in d.municipalities}
        self.members = self._members()

    def _dealt(self, i: str, j: str) -> bool:
        pair = tuple(sorted((i, j)))
        return hasattr(self.model, "deal") and pyo.value(self.model.deal[pair]) > 0.5

    def _row_key(self, con) -> tuple | None:
        """The limit a row of the model holds (None for rules no change relaxes)."""
        name, index = con.parent_component().name, con.index()
        if name == "limit":
            row = self.model.limit_of[index]
            return (row.kind, row.municipality, row.about)
        if name in ("deal_balance", "deal_capacity") and self._dealt(*index):
            return ("deal_balance", index[1], index[0])
        if name == "no_relaying":
            return ("task", index[1], index[0])
        if name == "hands_only" and pyo.value(self.model.giver[index]) > 0.5:
            return ("task", index[1], index[0])
        if name == "deal_link" and self._dealt(index[1], index[2]):
            k, i, _ = index
            if self.model.q_bound[index] == self.d.task[i, k]:
                return ("task", i, k)
        return None

    def _members(self) -> dict[tuple, tuple[list[int], list[int]]]:
        """Each limit's rows and columns: raising a limit raises all of them."""
        members: dict[tuple, tuple[list[int], list[int]]] = {}
        for row, con in enumerate(self.hm.constraints):
            key = self._row_key(con)
            if key is not None:
                members.setdefault(key, ([], []))[0].append(row)
        for m, row in self.caps.items():
            members[("shared", m, None)] = ([row], [])
        for (k, i, j), bound in self.model.q_bound.items():
            if bound == self.d.task[i, k] and self._dealt(i, j):
                column = self.hm.column[id(self.model.q[k, i, j])]
                members.setdefault(("task", i, k), ([], []))[1].append(column)
        return members

    def run(self, short: list[str], deadline: float, left: int) -> dict[str, list[Limit]]:
        """The priced limits of each municipality in `short`, as far as the time allows: each
        may use SHARES equal shares of the time left, shared by the `left` municipalities still
        to explain (these and those of the provinces after this one)."""
        out: dict[str, list[Limit]] = {}
        with self.hm.relaxed(), self.hm.fixed(self.fixed, self.values):
            for number, m in enumerate(short):
                now = time.perf_counter()
                if now >= deadline:
                    break
                until = min(deadline, now + SHARES * (deadline - now) / (left - number))
                self.hm.set_row_upper(self.caps[m], INFINITY)
                try:
                    out[m] = self._limits(m, until)
                finally:
                    self.hm.set_row_upper(self.caps[m], self.unmet[m])
        return out

    def _minimise(self, m: str, deadline: float, fresh: bool = False) -> float | None:
        left = deadline - time.perf_counter()
        answer = self.hm.minimise(unmet_of(self.model, m), None, left, 0.0, fresh=fresh)
        return answer.objective if answer.status == "optimal" else None

    def _limits(self, m: str, deadline: float) -> list[Limit]:
        """The LP of m; every limit with a dual, and m's own, priced one by one (`_value`).

        The limits worth something alone are the reasons; when none is, the limits with a dual
        are (each worth 0 alone: they bind only together, docs/model.md "Why short").
        """
        # from scratch: the last municipality's optimal basis is a poor start for another
        # objective (Gelderland in nl-2024: 1,000-2,800 simplex iterations against about 130)
        base = self._minimise(m, deadline, fresh=True)
        if base is None:
            return []
        prices = self.hm.prices()

        def dual(rows_of: list[int], columns_of: list[int]) -> bool:
            return bool(
                np.any(np.abs(prices.row_dual[rows_of]) > TOLERANCE)
                or np.any(np.abs(prices.col_dual[columns_of]) > TOLERANCE)
            )

        binding = {key for key, (rs, cs) in self.members.items() if dual(rs, cs)}
        own = {key for key in self.members if key[1] == m and key[0] in ("places", "room")}
        values: dict[tuple, tuple[float, int | None]] = {}
        for key in sorted(own, key=str) + sorted(binding - own, key=str):
            if time.perf_counter() >= deadline:
                break
            value = self._value(m, key, base, prices, deadline)
            if value is not None:
                values[key] = value
        worth = [key for key, (gain, _) in values.items() if gain > TOLERANCE]
        chosen = worth or [key for key in values if key in binding]
        limits = [self._limit(m, key, *values[key]) for key in chosen]
        return [limit for limit in limits if limit is not None]

    def _value(
        self, m: str, key: tuple, base: float, prices: Prices, deadline: float
    ) -> tuple[float, int | None] | None:
        """What one unit more of a limit is worth, and for how many units at least (or None).

        A limit of one row or bound whose dual HiGHS's ranging says holds for a whole unit is
        worth its dual: the basis stays optimal, so that is exact. Otherwise (several rows, a
        degenerate basis, no dual) the limit is raised by one unit and the LP solved again.
        None when the time is up.
        """
        rs, cs = self.members[key]
        rows = len(prices.row_dual)
        if len(rs) + len(cs) == 1:
            n = rs[0] if rs else rows + cs[0]
            price = abs(prices.row_dual[n] if rs else prices.col_dual[cs[0]])
            ranged = prices.row_up[n] if rs else prices.col_up[cs[0]]
            units = ranged - prices.upper[n]
            if price > TOLERANCE and math.isfinite(units) and units >= 1 - TOLERANCE:
                return price, math.floor(units + TOLERANCE) if ranged < INFINITY else None
        with self.hm.loosened(rs, cs, 1.0):
            after = self._minimise(m, deadline)
        return None if after is None else (max(0.0, base - after), None)

    def _limit(self, m: str, key: tuple, gain: float, up_to: float | None) -> Limit | None:
        kind, owner, about = key
        d = self.d
        own = owner == m
        if kind == "places":
            code, value = "own_sites_full" if own else "partner_sites_full", d.hi[about]
        elif kind == "room":
            code, value = "own_room_used" if own else "partner_room_used", d.spare[owner, about]
        elif kind == "willing":
            if own or (d.rules.balance == "deal" and d.willing[owner] <= 0):
                return None  # a deal's balance says the same of a partner without willingness
            code, value = "partner_willing_used", d.willing[owner]
        elif kind == "deal_balance":
            code, value = "deal_balance", None
        elif kind == "task":
            code, value = "task_handed_over", d.task[owner, about]
        else:
            code, value = "shared_with", self.unmet[owner]
        return Limit(code, owner, about, value, gain, up_to)


def spare_places(d: ProvinceData, obligation: dict[str, float]) -> dict[str, float]:
    """Places each municipality's sites can hold (all at their maximum) beyond its obligation."""
    return {m: d.max_places(m) - obligation[m] for m in d.municipalities}


def data_limits(
    instance: Instance,
    d: ProvinceData,
    m: str,
    places: dict[str, int],
    unmet_amv: float,
    spare: dict[str, float],
) -> list[Limit]:
    """Reasons read from the instance: no site, a planned or idea site full at its kind's
    maximum (COA's size rule allows no more, so no change prices it), sites that do not count or
    can never open, no AMV site, and the municipalities with spare places that m may not deal
    with, and why."""
    out = []
    own = [s for s in d.sites if d.site_municipality[s] == m]
    if not own:
        out.append(Limit("no_site", m))
    kinds = d.settings.site_kinds
    for s in own:
        at_most = getattr(kinds, d.site_kind[s]).max
        if not d.committed[s] and places[s] >= d.hi[s] >= at_most:
            out.append(Limit("own_sites_full", m, s, d.hi[s]))
    sites = instance.sites[instance.sites["municipality"] == m]
    for s, site in sites.iterrows():
        if not site["counted"]:
            out.append(Limit("site_not_counted", m, str(s)))
        elif not site["committed"] and site["lo"] > site["hi"]:
            out.append(Limit("site_cannot_open", m, str(s), float(site["hi"])))
    if unmet_amv > TOLERANCE and not any(
        d.site_kind[s] == "amv" for s in d.sites if d.site_municipality[s] == m
    ):
        out.append(Limit("no_amv_site", m))
    rules = instance.settings.rules
    if rules.exchange_scope == "none":
        return out + [Limit("no_exchange", None)]
    group = instance.exchange_group()
    region = instance.municipalities["region"]
    for j in d.municipalities:
        if j == m or spare[j] <= TOLERANCE:
            continue
        if group[j] != group[m]:
            out.append(Limit("region_border", j, str(region[j]), tidy(spare[j])))
        elif instance.deal_rule(m, j) == "forbid":
            out.append(Limit("forbidden_deal", j, None, tidy(spare[j])))
        elif not instance.may_deal(m, j):
            out.append(Limit("distance_limit", j, None, tidy(spare[j])))
    return out


def ordered(limits: list[Limit]) -> list[Limit]:
    """Own limits first (REASONS order), the largest value first, then by code."""
    return sorted(
        limits,
        key=lambda x: (
            REASONS.index(x.reason),
            -(x.per_unit or 0.0),
            -(x.limit or 0.0) if x.per_unit is None else 0.0,
            x.municipality or "",
            x.about or "",
        ),
    )


# --- what would close it ----------------------------------------------------------------------


class Relaxation:
    """One model of closing (pool or pair): limits with priced slacks, new sites, caps on unmet."""

    def __init__(
        self,
        d: ProvinceData,
        dd: ProvinceData,
        shape: Shape,
        unmet: dict[str, float],
        shortfall: float,
        threads: int | None,
    ):
        self.d, self.dd, self.shape = d, dd, shape
        model = build_model(dd, Bounds(), shape)
        limit_rows(model, d, dd, pool=shape.pool, slack=True)
        slacks = [n for n in model.L if model.limit_of[n].headroom > 0]
        model.N = pyo.Set(initialize=slacks, ordered=True)
        model.asked = pyo.Var(model.N, domain=pyo.Binary)
        model.asking = pyo.Constraint(
            model.N,
            rule=lambda mdl, n: mdl.more[n] <= mdl.limit_of[n].headroom * mdl.asked[n],
        )
        self.new_sites = [s for s in dd.sites if s not in d.site_municipality]
        self.model = model
        self.hm = HighsModel(model, threads)
        self.hm.bound(model.stage["shortfall"], shortfall)
        self.unmet = unmet
        self.caps = {m: self.hm.bound(unmet_of(model, m), unmet[m]) for m in d.municipalities}
        costs = d.settings.explain
        self.unit = {
            "places": costs.cost_places,
            "room": costs.cost_room,
            "willing": costs.cost_willing,
        }
        self.delta = TIE_BREAK * min(*self.unit.values(), costs.cost_new_site)
        self.cost = sum(self.unit[model.limit_of[n].kind] * model.more[n] for n in model.N) + sum(
            costs.cost_new_site * model.y[s] + costs.cost_places * model.x[s]
            for s in self.new_sites
        )
        column = self.hm.column
        self.kind_columns: dict[str, list[int]] = {kind: [] for kind in CHANGES}
        for n in model.N:
            kind = model.limit_of[n].kind
            self.kind_columns[kind] += [column[id(model.more[n])], column[id(model.asked[n])]]
        for s in self.new_sites:
            self.kind_columns["new_site"] += [column[id(model.x[s])], column[id(model.y[s])]]

    def objective(self, m: str):
        """The cost, and the tie-break: each change adds delta (twice for another municipality)."""
        model, delta = self.model, self.delta

        def weight(owner: str) -> float:
            return delta if owner == m else 2 * delta

        def amv(site: str | None) -> int:
            """Places at an AMV site count for every reception place, but those of a site for
            reception are the plainer change."""
            return 1 + (site in self.dd.site_kind and self.dd.site_kind[site] == "amv")

        asked = sum(
            weight(row.municipality)
            * amv(row.about if row.kind == "places" else None)
            * model.asked[n]
            for n in model.N
            for row in [model.limit_of[n]]
        )
        sites = sum(
            weight(self.dd.site_municipality[s]) * amv(s) * model.y[s] for s in self.new_sites
        )
        return self.cost + asked + sites

    def only(self, kind: str | None) -> np.ndarray:
        """The columns of every other kind of change (all fixed at 0 while `kind` is tried)."""
        if kind is None:
            return np.zeros(0, dtype=np.int32)
        return np.array(
            [c for other, cs in self.kind_columns.items() if other != kind for c in cs],
            dtype=np.int32,
        )

    def close(self, m: str, kind: str | None, start: np.ndarray | None, seconds: float):
        """Cheapest changes (of `kind` only, or of every kind) bringing m's unmet places to 0."""
        off = self.only(kind)
        self.hm.set_row_upper(self.caps[m], 0.0)
        try:
            with self.hm.fixed(off, np.zeros(len(off))):
                answer = self.hm.minimise(self.objective(m), start, seconds, 0.5 * self.delta)
        finally:
            self.hm.set_row_upper(self.caps[m], self.unmet[m])
        return answer

    def realise(self, m: str, kind: str | None, decision: dict[str, dict]) -> np.ndarray | None:
        """The pair model's vector of a decision, its slacks those the decision needs; None when
        it breaks a rule, leaves m short or needs a change of another kind."""
        model = self.model
        load_decision(model, self.dd, decision)
        for n in model.L:
            expr, value = model.limit_terms[n]
            needed = max(0.0, float(pyo.value(expr)) - value)
            model.more[n].set_value(needed, skip_validation=True)
            if n in model.N:
                model.asked[n].set_value(int(needed > TOLERANCE), skip_validation=True)
        vector = self.hm.vector()
        off = self.only(kind)
        self.hm.set_row_upper(self.caps[m], 0.0)
        try:
            broken = self.hm.violation(vector) > TOLERANCE
        finally:
            self.hm.set_row_upper(self.caps[m], self.unmet[m])
        if broken or np.any(np.abs(vector[off]) > TOLERANCE):
            return None
        return vector

    def changes(self, vector: np.ndarray) -> list[tuple[str, str, str | None, float, float]]:
        """(change, municipality, about, amount, cost) of a vector of this model."""
        model, column = self.model, self.hm.column
        out = []
        for n in model.N:
            amount = vector[column[id(model.more[n])]]
            if amount > TOLERANCE:
                row = model.limit_of[n]
                out.append(
                    (row.kind, row.municipality, row.about, amount, self.unit[row.kind] * amount)
                )
        costs = self.d.settings.explain
        for s in self.new_sites:
            if vector[column[id(model.y[s])]] > 0.5:
                places = vector[column[id(model.x[s])]]
                cost = costs.cost_new_site + costs.cost_places * places
                out.append(
                    ("new_site", self.dd.site_municipality[s], self.dd.site_kind[s], places, cost)
                )
        return out


class Closing:
    """The closing alternatives of the short municipalities of one province (module docstring)."""

    def __init__(
        self,
        d: ProvinceData,
        unmet: dict[str, float],
        shortfall: float,
        threads: int | None,
    ):
        extra = max(1.0, math.ceil(sum(unmet.values())))
        self.d = d
        self.dd = headroom(d, extra, new_sites=True)
        self.args = (unmet, shortfall, threads)
        self.pool = Relaxation(d, self.dd, Shape(pool=True), *self.args)
        self.pair: Relaxation | None = None
        self.realised: dict[tuple, list] = {}
        """The changes the pair model realised, by the pool's changes (for one municipality)."""

    def pairs(self) -> Relaxation:
        if self.pair is None:
            needs = self.d.rules.max_deals_per_municipality > 0 or bool(self.d.required)
            self.pair = Relaxation(self.d, self.dd, Shape(deals=needs), *self.args)
        return self.pair

    def alternatives(self, m: str, deadline: float, runs_left: int) -> tuple[list[Change], bool]:
        """Each kind of change alone, then every kind together (started from the cheapest of
        those), listed only when it is cheaper than each kind alone; the cheapest first, each set
        of changes once. Returns the changes numbered by option, and whether every solve was
        proven (the cheapest of its kind, or that its kind alone cannot close the gap)."""
        found: list[tuple[float, list]] = []
        proven = True
        best: Found | None = None
        self.realised = {}
        for number, kind in enumerate((*CHANGES, None)):
            left = deadline - time.perf_counter()
            seconds = min(left, SHARES * left / max(1, runs_left - number))
            if seconds <= 0:
                proven = False
                break
            start = None if kind is not None or best is None else best.vector
            option = self._cheapest(m, kind, start, seconds)
            proven = proven and option.proven
            if option.changes is None:
                continue
            if best is None or option.objective < best.objective:
                best = option
            cost = sum(c[4] for c in option.changes)
            cheaper = kind is not None or all(cost < other - TOLERANCE for other, _ in found)
            if cheaper and all(option.changes != other for _, other in found):
                found.append((cost, option.changes))
        found.sort(key=lambda item: (round(item[0], 6), CHANGES.index(item[1][0][0])))
        out = [
            Change(number, kind, owner, about, tidy(amount), tidy(cost))
            for number, (_, changes) in enumerate(found, start=1)
            for kind, owner, about, amount, cost in changes
        ]
        return out, proven

    def _cheapest(self, m: str, kind: str | None, start: np.ndarray | None, seconds: float):
        """On the pool, matched into deals and checked on the pair model; else on the pair model
        (started from the match, when there is one)."""
        started = time.perf_counter()
        pool = self.pool.close(m, kind, start, seconds)
        if pool.values is None:
            return Found(None, pool.status == "infeasible", math.inf, None)
        pool_changes = sorted_changes(self.pool.changes(pool.values))
        pool_cost = sum(c[4] for c in pool_changes)

        def found(changes: list | None, proven: bool) -> Found:
            return Found(changes, proven, pool.objective, pool.values)

        key = tuple((c[0], c[1], c[2], round(c[3], 6)) for c in pool_changes)
        if key in self.realised:  # the same changes as another kind's: already matched
            return found(self.realised[key], pool.status == "optimal")
        decision = self.pool.hm.decision(pool.values)
        q = decompose(self.dd, decision)
        pair = self.pairs()
        realised = None
        if q is not None:
            candidate = {"x": decision["x"], "y": decision.get("y", {}), "q": q}
            realised = pair.realise(m, kind, candidate)
        if realised is not None:
            changes = sorted_changes(pair.changes(realised))
            if sum(c[4] for c in changes) <= pool_cost + TOLERANCE:
                self.realised[key] = changes
                return found(changes, pool.status == "optimal")
        left = seconds - (time.perf_counter() - started)
        if left <= 0:
            return found(
                None if realised is None else sorted_changes(pair.changes(realised)), False
            )
        answer = pair.close(m, kind, realised, left)
        if answer.values is None:
            return found(None, answer.status == "infeasible")
        return found(sorted_changes(pair.changes(answer.values)), answer.status == "optimal")


@dataclass
class Found:
    """What one closing solve found: the changes (None: none), whether that is proven, and the
    pool's objective and vector (the start of the solve with every kind)."""

    changes: list | None
    proven: bool
    objective: float
    vector: np.ndarray | None


def sorted_changes(changes: list) -> list:
    return sorted(changes, key=lambda c: (CHANGES.index(c[0]), c[1], c[2] or ""))


# --- dependence -------------------------------------------------------------------------------


def stages_to_unmet(order: list[str]) -> tuple[str, ...]:
    """The stages of `order` up to and including `unmet` (all of them when it has none)."""
    return tuple(order[: order.index("unmet") + 1]) if "unmet" in order else tuple(order)


def without(instance: Instance, component: str) -> Instance:
    """`instance` with `component` left out of rules.transferable."""
    settings = instance.settings
    rules = settings.rules
    kept = tuple(k for k in rules.transferable if k != component)
    rules = rules.model_copy(update={"transferable": kept})
    return replace(instance, settings=settings.model_copy(update={"rules": rules}))


def dependence(
    instance: Instance,
    result: Result,
    deadline: float,
    threads: int | None,
) -> dict[str, float]:
    """Per component the package trades: the unmet places when it could not be traded, for the
    components whose re-solve is proven optimal before `deadline` (the others are left out, and
    so is a component without which the locked deals of deals.csv cannot be made)."""
    traded = [k for k in COMPONENTS if k in set(result.transfers["component"])]
    order = stages_to_unmet(list(result.summary["objective_order"]))
    out = {}
    for number, k in enumerate(traded):
        seconds = (deadline - time.perf_counter()) / (len(traded) - number)
        if seconds <= 0:
            break
        changed = without(instance, k)
        try:
            solution = solve(changed, time_limit=seconds, threads=threads, order=order)
        except InputError:
            continue  # the locked deals cannot be made without k: no package to compare
        if solution.status != Status.OPTIMAL:
            continue
        sites = site_table(changed, solution)
        table = municipality_table(changed, sites, transfer_table(solution))
        out[k] = tidy((table["unmet_rec"] + table["unmet_amv"]).sum())
    return out


# --- all of it -------------------------------------------------------------------------------


def same_municipalities(instance: Instance, result: Result, source: str) -> None:
    """The result must be one of this instance: the same municipalities with the same tasks."""
    given = result.municipalities.set_index(result.municipalities["code"].astype(str))
    m = instance.municipalities
    task = (given["regular_task"] + given["amv_task"]).reindex(m.index)
    if set(given.index) != set(m.index) or (task != m["reception_task"]).any():
        raise InputError(Problem(f"{source}/municipalities.csv", not_this_instance()))


def diagnose(
    instance: Instance,
    result: Result,
    time_limit: float | None = None,
    threads: int | None = None,
    progress: Callable[[str], None] | None = None,
    source: str = ".",
) -> Diagnosis:
    """Reasons, closing alternatives and dependence of a result of `instance` (module docstring).

    `time_limit` is a budget for all of it: the reasons may use a quarter (shared by the short
    municipalities), the dependence a third of what is left, the closing alternatives the rest.
    """
    started = time.perf_counter()
    deadline = math.inf if time_limit is None else started + time_limit

    def until(share: float) -> float:
        """The deadline of a part that may use `share` of the time left."""
        return time.perf_counter() + share * (deadline - time.perf_counter())

    say = progress or (lambda _: None)
    same_municipalities(instance, result, source)
    table = result.municipalities.set_index(result.municipalities["code"].astype(str))
    unmet_amv = table["unmet_amv"].astype(float)
    unmet = (table["unmet_rec"] + table["unmet_amv"]).astype(float)
    obligation = (table["regular_obligation"] + table["amv_obligation"]).astype(float)
    short_all = [m for m in table.index if unmet[m] > TOLERANCE]
    provinces = {}
    for province in instance.provinces:
        d = province_data(instance, province)
        short = [m for m in d.municipalities if m in short_all]
        if short:
            provinces[province] = (d, short)
    reasons: dict[str, list[Limit]] = {}
    closing_inputs = {}
    reasons_until = until(REASONS_SHARE)
    short_left = sum(len(short) for _, short in provinces.values())
    for province, (d, short) in provinces.items():
        decision = package_decision(d, result, source)
        extra = max(1.0, math.ceil(sum(unmet[m] for m in d.municipalities)))
        explained = Reasons(d, decision, extra, threads, source)
        priced = explained.run(short, reasons_until, short_left)
        short_left -= len(short)
        spare = spare_places(d, {m: obligation[m] for m in d.municipalities})
        for m in short:
            own = data_limits(instance, d, m, decision["x"], unmet_amv[m], spare)
            reasons[m] = ordered(priced.get(m, []) + own)
        shortfall = float(pyo.value(explained.model.stage["shortfall"]))
        closing_inputs[province] = (d, short, explained.unmet, shortfall)
        say(Message("explain.progress_reasons", province=province, n=len(short)))
    depends = dependence(instance, result, until(DEPENDENCE_SHARE), threads)
    figures = ", ".join(f"{Message(f'component.{k}')} {v:g}" for k, v in depends.items())
    say(Message("explain.progress_dependence", figures=figures))
    short_out: dict[str, Short] = {}
    runs_left = sum(len(short) for _, short, _, _ in closing_inputs.values()) * (1 + len(CHANGES))
    for province, (d, short, unmet_model, shortfall) in closing_inputs.items():
        closing = Closing(d, unmet_model, shortfall, threads)
        for m in short:
            changes, proven = closing.alternatives(m, deadline, runs_left)
            runs_left -= 1 + len(CHANGES)
            short_out[m] = Short(tidy(unmet[m]), reasons[m], changes, proven)
        say(Message("explain.progress_closing", province=province, n=len(short)))
    order = {m: n for n, m in enumerate(table.index)}
    short_out = dict(sorted(short_out.items(), key=lambda item: order[item[0]]))
    return Diagnosis(short_out, depends, time.perf_counter() - started)


def limit_json(limit: Limit) -> dict:
    return {
        "reason": limit.reason,
        "municipality": limit.municipality,
        "about": limit.about,
        "limit": None if limit.limit is None else tidy(limit.limit),
        "per_unit": None if limit.per_unit is None else tidy(limit.per_unit),
        "up_to": None if limit.up_to is None else tidy(limit.up_to),
    }


def explanation_json(diagnosis: Diagnosis) -> dict:
    """summary.json's `explanation.short` and `explanation.dependence` (docs/cli.md)."""
    short = {}
    for m, entry in diagnosis.short.items():
        short[m] = {
            "unmet": entry.unmet,
            "reasons": list(dict.fromkeys(limit.reason for limit in entry.limits)),
            "limits": [limit_json(limit) for limit in entry.limits],
            "closing": [
                {
                    "option": c.option,
                    "change": c.change,
                    "municipality": c.municipality,
                    "about": c.about,
                    "amount": c.amount,
                    "cost": c.cost,
                }
                for c in entry.closing
            ],
            "proven": entry.proven,
        }
    return {"short": short, "dependence": dict(diagnosis.dependence)}


def attach_diagnosis(result: Result, diagnosis: Diagnosis) -> Result:
    """The result with `explanation.short` and `explanation.dependence` in its summary; any
    other key of `explanation` stays."""
    explanation = dict(result.summary.get("explanation") or {}) | explanation_json(diagnosis)
    return replace(result, summary=result.summary | {"explanation": explanation})
