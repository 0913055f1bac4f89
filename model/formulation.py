"""The exchange model of shared/spec/model.md as a Pyomo model, one province at a time.

Provinces never interact (model.md, "Objective"), so each province is its own model. One function per
constraint family, named as in the spec. Flows between municipalities come in two equivalent shapes:

- `pool`: per municipality and component an inflow and an outflow, balanced within each exchange
  group. Exact for every stage that looks only at obligations (shortfall, unmet, preference,
  new_sites, new_places) when `max_deals_per_municipality` is 0: any balanced pool splits into
  pairwise transfers from net givers to net takers, which never hand over more than their own task.
- `pairs`: q(k,i,j) per ordered pair and a binary deal per unordered pair, for `deals`, `transfers`
  and the deal limit.

Every bound below is implied by the constraints of the spec, so both shapes have the same optima.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import pyomo.environ as pyo

from model.instance import Instance
from model.settings import COMPONENTS, Settings

DECLARED = ("housing", "ukraine")
"""Components delivered by declaration, limited by spare capacity X(m,k)."""


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
    unmet_bound: float | None = None
    """Set once the `unmet` stage is bounded: total unmet places allowed from then on."""

    @property
    def weights(self) -> dict[str, float]:
        return self.settings.weights.model_dump()

    @property
    def transferable(self) -> list[str]:
        if self.settings.rules.exchange_scope == "none":
            return []
        return [k for k in COMPONENTS if k in self.settings.rules.transferable]

    def value_task(self, m: str) -> float:
        return sum(self.weights[k] * self.task[m, k] for k in COMPONENTS)

    def inflow_cap(self, m: str, k: str) -> int:
        """Most units of k that m can take over, implied by the constraints of the spec.

        value_balance: w(k)*in(m,k) <= willing_extra + tolerance + value handed over, and m hands
        over at most its value task; declared_capacity: in(m,k) <= X(m,k) + T(m,k).
        Once total unmet is bounded by U, places taken over must fit m's sites plus U:
        in(m,regular) + in(m,amv) <= P_max(m) + U and in(m,amv) <= A_max(m) + U.
        """
        slack = self.willing[m] + self.settings.rules.balance_tolerance + self.value_task(m)
        cap = math.floor(slack / self.weights[k] + 1e-9)
        if k in DECLARED:
            cap = min(cap, self.spare[m, k] + self.task[m, k])
        elif self.unmet_bound is not None:
            cap = min(
                cap, math.floor(self.max_places(m, amv_only=k == "amv") + self.unmet_bound + 1e-9)
            )
        return max(cap, 0)

    def max_places(self, m: str, amv_only: bool = False) -> float:
        """Most counted places m's sites can hold (for amv: its amv sites)."""
        return sum(
            self.rho[s] * self.hi[s]
            for s in self.sites
            if self.site_municipality[s] == m and (not amv_only or self.site_kind[s] == "amv")
        )

    def partners(self, m: str) -> list[str]:
        return [j for j in self.municipalities if j != m and self.group[j] == self.group[m]]


def province_data(instance: Instance, province: str) -> ProvinceData:
    """Extract one province from an instance; sites that do not count stay out (model.md, "Sites")."""
    mun = instance.municipalities[instance.municipalities["province"] == province].sort_index()
    codes = list(mun.index)
    group = instance.exchange_group()
    tasks = instance.tasks
    spare = instance.spare
    sites = instance.sites[instance.sites["municipality"].isin(codes) & instance.sites["counted"]]
    sites = sites.sort_index()
    openable = sites[sites["committed"] | (sites["lo"] <= sites["hi"])]
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
    )


# --- variables --------------------------------------------------------------------------------


def site_variables(model: pyo.ConcreteModel, d: ProvinceData) -> None:
    """x(s) places per counted site; y(s) opens a soft site; over(s) places above the preference."""
    model.S = pyo.Set(initialize=d.sites, ordered=True)
    model.S_soft = pyo.Set(initialize=[s for s in d.sites if not d.committed[s]], ordered=True)
    model.S_pref = pyo.Set(
        initialize=[s for s in model.S_soft if d.max_site_size[d.site_municipality[s]] is not None],
        ordered=True,
    )

    def x_bounds(_, s):
        return (d.lo[s], d.hi[s]) if d.committed[s] else (0, d.hi[s])

    model.x = pyo.Var(model.S, domain=pyo.NonNegativeIntegers, bounds=x_bounds)
    model.y = pyo.Var(model.S_soft, domain=pyo.Binary)
    model.over = pyo.Var(model.S_pref, domain=pyo.NonNegativeReals)


def pool_flows(model: pyo.ConcreteModel, d: ProvinceData) -> None:
    """inflow/outflow per municipality and transferable component, balanced per exchange group."""
    groups: dict[str, list[str]] = {}
    for m in d.municipalities:
        groups.setdefault(d.group[m], []).append(m)
    movers = [m for members in groups.values() if len(members) > 1 for m in members]
    keys = [(k, m) for k in d.transferable for m in movers]
    model.F = pyo.Set(initialize=keys, dimen=2, ordered=True)
    model.outflow = pyo.Var(
        model.F, domain=pyo.NonNegativeIntegers, bounds=lambda _, k, m: (0, d.task[m, k])
    )
    model.inflow = pyo.Var(
        model.F, domain=pyo.NonNegativeIntegers, bounds=lambda _, k, m: (0, d.inflow_cap(m, k))
    )
    balanced = [(k, g) for k in d.transferable for g, members in groups.items() if len(members) > 1]
    model.pool_balance = pyo.Constraint(
        balanced,
        rule=lambda mdl, k, g: sum(mdl.inflow[k, m] - mdl.outflow[k, m] for m in groups[g]) == 0,
    )
    model.flow_keys = set(keys)


def pair_flows(model: pyo.ConcreteModel, d: ProvinceData) -> None:
    """q(k,i,j): units of i's task k that j performs; deal(i,j) = 1 when any q flows between them.

    A pair gets a variable only when i has a task in k and j could take some of it; each q is
    bounded by min(T(i,k), inflow cap of j), the tightest bound implied by the spec.
    """
    q_keys, bound = [], {}
    for k in d.transferable:
        for i in d.municipalities:
            if d.task[i, k] == 0:
                continue
            for j in d.partners(i):
                ub = min(d.task[i, k], d.inflow_cap(j, k))
                if ub > 0:
                    q_keys.append((k, i, j))
                    bound[k, i, j] = ub
    model.Q = pyo.Set(initialize=q_keys, dimen=3, ordered=True)
    model.q = pyo.Var(
        model.Q, domain=pyo.NonNegativeIntegers, bounds=lambda _, k, i, j: (0, bound[k, i, j])
    )
    pairs = sorted({tuple(sorted((i, j))) for _, i, j in q_keys})
    model.P = pyo.Set(initialize=pairs, dimen=2, ordered=True)
    model.deal = pyo.Var(model.P, domain=pyo.Binary)

    def deal_link(mdl, k, i, j):
        """A transfer needs a deal between the two (model.md, "Exchanges")."""
        return mdl.q[k, i, j] <= bound[k, i, j] * mdl.deal[tuple(sorted((i, j)))]

    model.deal_link = pyo.Constraint(model.Q, rule=deal_link)

    out_terms: dict[tuple[str, str], list] = {}
    in_terms: dict[tuple[str, str], list] = {}
    for k, i, j in q_keys:
        out_terms.setdefault((k, i), []).append(model.q[k, i, j])
        in_terms.setdefault((k, j), []).append(model.q[k, i, j])
    keys = sorted(set(out_terms) | set(in_terms))
    model.F = pyo.Set(initialize=keys, dimen=2, ordered=True)
    model.outflow = pyo.Expression(model.F, rule=lambda _, k, m: sum(out_terms.get((k, m), [])))
    model.inflow = pyo.Expression(model.F, rule=lambda _, k, m: sum(in_terms.get((k, m), [])))
    model.flow_keys = set(keys)

    def no_relaying(mdl, k, m):
        """m hands over at most its own task (model.md, "Exchanges")."""
        if (k, m) not in out_terms or len(out_terms[k, m]) == 1:
            return pyo.Constraint.Skip  # a single q is already bounded by T(m,k)
        return mdl.outflow[k, m] <= d.task[m, k]

    model.no_relaying = pyo.Constraint(model.F, rule=no_relaying)

    incident: dict[str, list] = {}
    for i, j in pairs:
        incident.setdefault(i, []).append(model.deal[i, j])
        incident.setdefault(j, []).append(model.deal[i, j])
    limit = d.settings.rules.max_deals_per_municipality

    def max_deals(_, m):
        """Each municipality is in at most D deals when D > 0."""
        if limit == 0 or len(incident.get(m, [])) <= limit:
            return pyo.Constraint.Skip
        return sum(incident[m]) <= limit

    model.max_deals = pyo.Constraint(d.municipalities, rule=max_deals)


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


def site_size(model: pyo.ConcreteModel, d: ProvinceData) -> None:
    """A soft site is closed or open with lo <= x <= hi; committed sites are open (model.md, "Sites")."""
    model.site_min = pyo.Constraint(
        model.S_soft, rule=lambda mdl, s: mdl.x[s] >= d.lo[s] * mdl.y[s]
    )
    model.site_max = pyo.Constraint(
        model.S_soft, rule=lambda mdl, s: mdl.x[s] <= d.hi[s] * mdl.y[s]
    )


def declared_capacity(model: pyo.ConcreteModel, d: ProvinceData) -> None:
    """O(m,k) <= T(m,k) + X(m,k) for housing and ukraine (constraint 1)."""
    keys = [(k, m) for k, m in model.flow_keys if k in DECLARED]

    def rule(mdl, k, m):
        if d.inflow_cap(m, k) <= d.spare[m, k]:
            return pyo.Constraint.Skip  # the inflow bound already implies it
        return mdl.inflow[k, m] - mdl.outflow[k, m] <= d.spare[m, k]

    model.declared_capacity = pyo.Constraint(sorted(keys), rule=rule)


def places(model: pyo.ConcreteModel, d: ProvinceData, m: str, amv_only: bool = False):
    """P(m) (or A(m) for amv sites): status-weighted counted places at m's sites."""
    return sum(
        d.rho[s] * model.x[s]
        for s in model.S
        if d.site_municipality[s] == m and (not amv_only or d.site_kind[s] == "amv")
    )


def coverage(model: pyo.ConcreteModel, d: ProvinceData) -> None:
    """P(m) + unmet_rec >= O(regular) + O(amv); A(m) + unmet_amv >= O(amv) (constraint 2)."""
    model.M = pyo.Set(initialize=d.municipalities, ordered=True)
    model.unmet_rec = pyo.Var(model.M, domain=pyo.NonNegativeReals)
    model.unmet_amv = pyo.Var(model.M, domain=pyo.NonNegativeReals)
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


def value_balance(model: pyo.ConcreteModel, d: ProvinceData) -> None:
    """Delta(m) = sum_k w(k)(O - T) <= willing_extra + balance_tolerance (constraint 3)."""
    w = d.weights
    tol = d.settings.rules.balance_tolerance

    def rule(mdl, m):
        delta = sum(w[k] * change(mdl, m, k) for k in d.transferable)
        if isinstance(delta, int | float):
            return pyo.Constraint.Skip
        return delta <= d.willing[m] + tol

    model.value_balance = pyo.Constraint(model.M, rule=rule)


def provincial_shortfall(model: pyo.ConcreteModel, d: ProvinceData) -> None:
    """The legal test: the province's counted places against the sum of its tasks (constraint 4)."""
    reception = sum(d.task[m, "regular"] + d.task[m, "amv"] for m in d.municipalities)
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
    """over(s) >= x(s) - max_site_size of the host, for soft sites (constraint 5)."""
    model.preference = pyo.Constraint(
        model.S_pref,
        rule=lambda mdl, s: mdl.over[s] >= mdl.x[s] - d.max_site_size[d.site_municipality[s]],
    )


# --- stages -----------------------------------------------------------------------------------


def stage_values(model: pyo.ConcreteModel, d: ProvinceData, pairs: bool) -> None:
    """One expression per stage of model.md ("Objective: lexicographic stages")."""
    committed = [s for s in model.S if d.committed[s]]
    values = {
        "shortfall": model.short_rec + model.short_amv,
        "unmet": sum(model.unmet_rec[m] + model.unmet_amv[m] for m in model.M),
        "preference": sum(model.over[s] for s in model.S_pref),
        "new_sites": sum(model.y[s] for s in model.S_soft),
        "new_places": sum(model.x[s] for s in model.S_soft)
        + sum(model.x[s] - d.min_places[s] for s in committed),
    }
    if pairs:
        values["deals"] = sum(model.deal[p] for p in model.P)
        values["transfers"] = sum(model.q[key] for key in model.Q)
    model.stage = pyo.Expression(list(values), rule=lambda _, name: values[name])


def build_model(d: ProvinceData, pairs: bool) -> pyo.ConcreteModel:
    """The model of one province; `pairs` chooses the flow shape (see the module docstring)."""
    model = pyo.ConcreteModel(name=f"uitruil {d.province}")
    site_variables(model, d)
    if pairs:
        pair_flows(model, d)
    else:
        pool_flows(model, d)
    site_size(model, d)
    declared_capacity(model, d)
    coverage(model, d)
    value_balance(model, d)
    provincial_shortfall(model, d)
    preference(model, d)
    stage_values(model, d, pairs)
    return model


# --- decisions --------------------------------------------------------------------------------

INTEGER_PARTS = ("x", "y", "inflow", "outflow", "q")


def load_decision(model: pyo.ConcreteModel, d: ProvinceData, decision: dict[str, dict]) -> None:
    """Put sites and flows into the model and complete the rest at its least feasible value.

    `decision` maps "x", "y" and either "q" (pairs) or "inflow"/"outflow" (pool) to values by
    index. Deals, unmet, shortfall and over-preference are derived, so that stage values are those
    of the decision and never of a slack left in a solver's answer.
    """
    for part in INTEGER_PARTS:
        component = getattr(model, part, None)
        if isinstance(component, pyo.Var):
            values = decision.get(part, {})
            unknown = [key for key, v in values.items() if v and key not in component]
            if unknown:
                raise ValueError(f"{part}{unknown[0]} is not a variable of this model")
            for index, var in component.items():
                var.set_value(values.get(index, 0), skip_validation=True)
    if hasattr(model, "deal"):
        active = {tuple(sorted((i, j))) for (_, i, j), v in decision.get("q", {}).items() if v > 0}
        for pair, var in model.deal.items():
            var.set_value(1 if pair in active else 0, skip_validation=True)

    def least(var, excess) -> None:
        var.set_value(max(0.0, pyo.value(excess)), skip_validation=True)

    for m in model.M:
        least(
            model.unmet_rec[m],
            obligation(model, d, m, "regular")
            + obligation(model, d, m, "amv")
            - places(model, d, m),
        )
        least(
            model.unmet_amv[m], obligation(model, d, m, "amv") - places(model, d, m, amv_only=True)
        )
    least(model.short_rec, model.reception_total - model.counted_places)
    least(model.short_amv, model.amv_total - model.counted_amv_places)
    for s in model.S_pref:
        least(model.over[s], model.x[s] - d.max_site_size[d.site_municipality[s]])
