"""A `Result`: labelled tables of a solved instance (docs/cli.md), free of Pyomo objects.

Everything is derived from the instance and the decision (places per site, opened soft sites,
transfers); nothing downstream looks at solver variables.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from model.core.instance import Instance
from model.core.outcome import Solution
from model.core.settings import COMPONENTS
from model.lang import text

MUNICIPALITY_COLUMNS = (
    ["code", "name", "province", "region"]
    + [f"{k}_{c}" for k in COMPONENTS for c in ("task", "obligation")]
    + ["places", "amv_places", "firm_places", "unmet_rec", "unmet_amv", "value_change"]
)
SITE_COLUMNS = [
    "id",
    "municipality",
    "kind",
    "status",
    "counted",
    "reason",
    "open",
    "places",
    "over_preference",
]
TRANSFER_COLUMNS = ["from", "to", "component", "amount"]
MAX_STAGES = frozenset({"fairness"})
"""Stages whose value for several provinces is the largest, not the sum, of theirs."""
DEAL_COLUMNS = [
    "a",
    "b",
    "description",
    "km",
    "units",
    "value_ab",
    "value_ba",
    "volunteer",
    "voluntary",
]
"""deals.csv: value_ab is the value of what b performs for a; volunteer takes on the imbalance."""


def tidy(value: float) -> float | int:
    """Whole numbers as int, others rounded to 6 decimals (no float noise in the files)."""
    rounded = round(float(value), 6)
    return int(rounded) if rounded.is_integer() else rounded


@dataclass
class Result:
    """The package a PRT brings to the table: the tables of a result folder (docs/cli.md)."""

    summary: dict
    municipalities: pd.DataFrame
    sites: pd.DataFrame
    transfers: pd.DataFrame
    deals: pd.DataFrame
    lang: str = "nl"
    extra: dict = field(default_factory=dict)


def site_table(instance: Instance, solution: Solution) -> pd.DataFrame:
    places: dict[str, int] = {}
    opened: dict[str, bool] = {}
    for p in solution.provinces.values():
        places.update(p.places)
        opened.update(p.opened)
    s = instance.sites
    mss = instance.municipalities["max_site_size"]
    rows = []
    for sid, site in s.iterrows():
        x = places.get(sid, 0)
        is_open = opened.get(sid, False)
        limit = mss[site["municipality"]]
        over = (
            max(0, x - int(limit))
            if is_open and not site["committed"] and not np.isnan(limit)
            else 0
        )
        rows.append(
            {
                "id": sid,
                "municipality": site["municipality"],
                "kind": site["kind"],
                "status": site["status"],
                "counted": bool(site["counted"]),
                "reason": site["reason"],
                "open": is_open,
                "places": x,
                "over_preference": over,
            }
        )
    return pd.DataFrame(rows, columns=SITE_COLUMNS)


def transfer_table(solution: Solution) -> pd.DataFrame:
    rows = [
        {"from": i, "to": j, "component": k, "amount": amount}
        for p in solution.provinces.values()
        for (k, i, j), amount in p.transfers.items()
    ]
    frame = pd.DataFrame(rows, columns=TRANSFER_COLUMNS)
    order = {k: n for n, k in enumerate(COMPONENTS)}
    return frame.sort_values(
        ["from", "to", "component"], key=lambda c: c.map(order) if c.name == "component" else c
    ).reset_index(drop=True)


@dataclass(frozen=True)
class DealFigures:
    """The figures of one deal {a, b} (docs/model.md, "Deals").

    moved[giver, taker][k]: units of giver's task in k that taker performs; value[giver, taker]:
    their value. The side that takes on more value than it gets back is the `volunteer`; its
    `imbalance` is the difference, of which `voluntary` (under rules.balance = "deal") is what it
    volunteers beyond the balance tolerance, out of its willing_extra.
    """

    a: str
    b: str
    moved: dict[tuple[str, str], dict[str, int]]
    value: dict[tuple[str, str], float]
    volunteer: str | None
    imbalance: float
    voluntary: float
    km: int | None
    per_deal: bool = True
    """Does the deal balance on its own (rules.balance = "deal")?"""

    @property
    def units(self) -> int:
        return sum(sum(parts.values()) for parts in self.moved.values())


def deal_figures(
    a: str,
    b: str,
    transfers: pd.DataFrame,
    weights: dict[str, float],
    rules: dict,
    km: int | None = None,
) -> DealFigures:
    """The figures of the deal between a and b from the transfers between them."""
    moved: dict[tuple[str, str], dict[str, int]] = {(a, b): {}, (b, a): {}}
    between = transfers[
        ((transfers["from"] == a) & (transfers["to"] == b))
        | ((transfers["from"] == b) & (transfers["to"] == a))
    ]
    for row in between.itertuples(index=False):
        parts = moved[str(row[0]), str(row[1])]
        parts[row[2]] = parts.get(row[2], 0) + int(row[3])
    value = {pair: sum(weights[k] * n for k, n in parts.items()) for pair, parts in moved.items()}
    imbalance = value[a, b] - value[b, a]
    volunteer = b if imbalance > 1e-9 else a if imbalance < -1e-9 else None
    imbalance = abs(imbalance)
    per_deal = rules.get("balance", "deal") == "deal"
    voluntary = 0.0
    if per_deal:
        voluntary = max(0.0, imbalance - float(rules.get("balance_tolerance", 0.0)))
    return DealFigures(a, b, moved, value, volunteer, imbalance, voluntary, km, per_deal)


def voluntary_units(figures: DealFigures, weights: dict[str, float]) -> dict[str, int] | None:
    """The voluntary value as whole units of what the volunteer takes over, in component order.

    None when the voluntary value is no whole number of units of the components it takes over
    (the sentence then names the value instead).
    """
    if figures.volunteer is None or figures.voluntary <= 1e-9:
        return {}
    other = figures.a if figures.volunteer == figures.b else figures.b
    taken = figures.moved[other, figures.volunteer]
    left, units = figures.voluntary, {}
    for k in COMPONENTS:
        if left <= 1e-9 or k not in taken:
            continue
        n = min(taken[k], left / weights[k])
        if abs(n - round(n)) > 1e-9:
            return None
        units[k] = int(round(n))
        left -= units[k] * weights[k]
    return units if left <= 1e-9 else None


def _pieces(parts: dict[str, int], lang: str) -> list[tuple[str, str]]:
    """(group, phrase) per component with units, in component order."""
    return [
        (
            "reception" if k in ("regular", "amv") else k,
            text(lang, f"piece.{k}{'.one' if n == 1 else ''}", n=n),
        )
        for k in COMPONENTS
        if (n := parts.get(k, 0)) > 0
    ]


def _clause(parts: dict[str, int], giver: str, lang: str) -> str:
    """What one side does for the other, e.g. "neemt 92 reguliere opvangplekken over van X"."""
    pieces = _pieces(parts, lang)
    and_ = text(lang, "word.and")
    clauses = []
    reception = [p for group, p in pieces if group == "reception"]
    if reception:
        clauses.append(text(lang, "clause.reception", pieces=and_.join(reception), giver=giver))
    declared = [p for group, p in pieces if group != "reception"]
    if declared:
        clauses.append(text(lang, "clause.declared", pieces=and_.join(declared), giver=giver))
    return and_.join(clauses)


def describe_deal(
    figures: DealFigures, names: pd.Series, weights: dict[str, float], lang: str
) -> str:
    """One sentence that reads as a contract: what each side does for the other, the side that
    takes over most first, then the voluntary part named as such (docs/model.md, "Deals")."""
    a, b, volunteer = figures.a, figures.b, figures.volunteer
    units = voluntary_units(figures, weights)

    def speaks_first(pair: tuple[str, str]) -> tuple:
        taken = figures.moved[pair]
        return (-figures.value[pair], not (taken.get("regular") or taken.get("amv")), pair[1])

    said, extra = [], False
    for giver, taker in sorted(((a, b), (b, a)), key=speaks_first):
        parts = dict(figures.moved[giver, taker])
        if taker == volunteer and units:
            parts = {k: n - units.get(k, 0) for k, n in parts.items()}
        if any(parts.values()):
            said.append(f"{names[taker]} {_clause(parts, names[giver], lang)}")
            extra = extra or (taker == volunteer and bool(units))
        elif taker == volunteer and units:
            parts = _voluntary(units, lang)
            said.append(
                text(
                    lang, "deal.voluntary_only", taker=names[taker], giver=names[giver], parts=parts
                )
            )
        else:
            said.append(text(lang, "deal.nothing_back", name=names[taker]))
    if extra:
        said.append(
            text(
                lang, "deal.voluntary_extra", taker=names[volunteer], parts=_voluntary(units, lang)
            )
        )
    elif units is None:
        value = number(figures.voluntary, lang)
        said.append(text(lang, "deal.voluntary_value", taker=names[volunteer], value=value))
    tolerated = figures.imbalance - figures.voluntary
    if volunteer is not None and tolerated > 1e-9:
        key = "deal.tolerance" if figures.per_deal else "deal.net"
        said.append(text(lang, key, taker=names[volunteer], value=number(tolerated, lang)))
    return "; ".join(said)


def _voluntary(units: dict[str, int], lang: str) -> str:
    return text(lang, "word.and").join(
        text(lang, f"voluntary.{k}{'.one' if n == 1 else ''}", n=n) for k, n in units.items() if n
    )


def number(value: float, lang: str) -> str:
    """A figure in a sentence: whole numbers plain, others with two decimals in the language's style."""
    value = tidy(value)
    if isinstance(value, int):
        return str(value)
    return f"{value:.2f}".rstrip("0").rstrip(".").replace(".", text(lang, "number.decimal"))


def deal_table(instance: Instance, transfers: pd.DataFrame, lang: str) -> pd.DataFrame:
    """One row per deal: its sentence and its figures (deals.csv)."""
    names = instance.municipalities["name"]
    weights = instance.settings.weights.model_dump()
    rules = instance.settings.rules.model_dump()
    pairs = sorted(
        {
            tuple(sorted((str(f), str(t))))
            for f, t in zip(transfers["from"], transfers["to"], strict=True)
        }
    )
    rows = []
    for a, b in pairs:
        figures = deal_figures(a, b, transfers, weights, rules, instance.distance_km(a, b))
        rows.append(
            {
                "a": a,
                "b": b,
                "description": describe_deal(figures, names, weights, lang),
                "km": figures.km,
                "units": figures.units,
                "value_ab": tidy(figures.value[a, b]),
                "value_ba": tidy(figures.value[b, a]),
                "volunteer": figures.volunteer or "",
                "voluntary": tidy(figures.voluntary),
            }
        )
    return pd.DataFrame(rows, columns=DEAL_COLUMNS)


def municipality_table(
    instance: Instance, sites: pd.DataFrame, transfers: pd.DataFrame
) -> pd.DataFrame:
    m = instance.municipalities
    tasks = instance.tasks
    weights = instance.settings.weights.model_dump()
    s = sites.set_index("id").join(instance.sites[["status_weight", "committed"]])
    s["counted_places"] = s["places"] * s["status_weight"] * s["counted"]
    by_m = s.groupby("municipality")
    places = by_m["counted_places"].sum().reindex(m.index, fill_value=0.0)
    amv_places = s[s["kind"] == "amv"].groupby("municipality")["counted_places"].sum()
    amv_places = amv_places.reindex(m.index, fill_value=0.0)
    firm = s[s["committed"]].groupby("municipality")["counted_places"].sum()
    firm = firm.reindex(m.index, fill_value=0.0)
    table = pd.DataFrame(index=m.index)
    table["name"] = m["name"]
    table["province"] = m["province"]
    table["region"] = m["region"]
    value_change = pd.Series(0.0, index=m.index)
    for k in COMPONENTS:
        moved = transfers[transfers["component"] == k]
        taken = moved.groupby("to")["amount"].sum().reindex(m.index, fill_value=0)
        handed = moved.groupby("from")["amount"].sum().reindex(m.index, fill_value=0)
        table[f"{k}_task"] = tasks[k]
        table[f"{k}_obligation"] = tasks[k] + taken - handed
        value_change += weights[k] * (taken - handed)
    need = table["regular_obligation"] + table["amv_obligation"]
    table["places"] = places
    table["amv_places"] = amv_places
    table["firm_places"] = firm
    table["unmet_rec"] = (need - places).clip(lower=0)
    table["unmet_amv"] = (table["amv_obligation"] - amv_places).clip(lower=0)
    table["value_change"] = value_change
    return table.reset_index()[MUNICIPALITY_COLUMNS]


def province_summary(instance: Instance, table: pd.DataFrame) -> dict[str, dict]:
    out = {}
    for province, rows in table.groupby("province", sort=True):
        reception = int((rows["regular_task"] + rows["amv_task"]).sum())
        amv = int(rows["amv_task"].sum())
        places, amv_places = rows["places"].sum(), rows["amv_places"].sum()
        out[province] = {
            "reception_task": reception,
            "amv_task": amv,
            "places": tidy(places),
            "amv_places": tidy(amv_places),
            "firm_places": tidy(rows["firm_places"].sum()),
            "short_rec": tidy(max(0.0, reception - places)),
            "short_amv": tidy(max(0.0, amv - amv_places)),
            "largest_share": tidy(shares(rows).max()),
        }
    return out


def shares(table: pd.DataFrame) -> pd.Series:
    """Each municipality's unmet places as a share of its reception task (at least 1)."""
    unmet = table["unmet_rec"] + table["unmet_amv"]
    return unmet / (table["regular_task"] + table["amv_task"]).clip(lower=1)


def build_result(
    instance: Instance, solution: Solution, lang: str = "nl", scenarios: list[str] | None = None
) -> Result:
    """Tables and summary of a solved instance."""
    sites = site_table(instance, solution)
    transfers = transfer_table(solution)
    municipalities = municipality_table(instance, sites, transfers)
    deals = deal_table(instance, transfers, lang)
    stages = {}
    for name in solution.order:
        outcomes = solution.outcomes(name)
        gaps = [o.gap for o in outcomes]
        values = [o.value for o in outcomes]
        stages[name] = {
            "value": tidy(max(values, default=0.0) if name in MAX_STAGES else sum(values)),
            "status": "optimal" if all(o.status == "optimal" for o in outcomes) else "time_limit",
            "gap": None if any(g is None for g in gaps) else tidy(max(gaps, default=0.0)),
        }
    if "fairness" in stages:
        stages["fairness"]["sum_of_shares"] = tidy(shares(municipalities).sum())
    gap = solution.gap()
    summary = {
        "format": 1,
        "instance": instance.settings.name,
        "status": solution.status,
        "objective_order": list(solution.order),
        "objective_source": "settings"
        if tuple(solution.order) == tuple(instance.settings.objective.order)
        else "--objective",
        "objectives": {name: stages[name]["value"] for name in solution.order},
        "provinces": province_summary(instance, municipalities),
        "solver": {
            "name": "highs",
            "version": solution.solver_version,
            "gap": tidy(gap) if np.isfinite(gap) else None,
        },
        "weights": instance.settings.weights.model_dump(),
        "rules": instance.settings.rules.model_dump(mode="json"),
        "stages": stages,
        "settings": instance.settings.as_dict(),
        "scenarios": list(scenarios or []),
    }
    for column in ("places", "amv_places", "firm_places", "unmet_rec", "unmet_amv", "value_change"):
        municipalities[column] = municipalities[column].map(tidy)
    return Result(summary, municipalities, sites, transfers, deals, lang)
