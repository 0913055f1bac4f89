"""A `Result`: labelled tables of a solved instance (shared/spec/cli.md), free of Pyomo objects.

Everything is derived from the instance and the decision (places per site, opened soft sites,
transfers); nothing downstream looks at solver variables.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from model.instance import Instance
from model.lang import text
from model.settings import COMPONENTS
from model.solve import Solution

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
DEAL_COLUMNS = ["a", "b", "description"]


def tidy(value: float) -> float | int:
    """Whole numbers as int, others rounded to 6 decimals (no float noise in the files)."""
    rounded = round(float(value), 6)
    return int(rounded) if rounded.is_integer() else rounded


@dataclass
class Result:
    """The package a PRT brings to the table (model.md, "Reading a result")."""

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


def describe_deal(a: str, b: str, transfers: pd.DataFrame, names: pd.Series, lang: str) -> str:
    """One line a person can read out: what each side does for the other, the giving side first."""
    done, nothing = [], []
    for giver, taker in ((a, b), (b, a)):
        rows = transfers[(transfers["from"] == giver) & (transfers["to"] == taker)]
        parts = [
            text(
                lang,
                f"transfer.{r.component}{'.one' if r.amount == 1 else ''}",
                taker=names[taker],
                giver=names[giver],
                n=r.amount,
            )
            for r in rows.itertuples()
        ]
        if parts:
            done.append("; ".join(parts))
        else:
            nothing.append(text(lang, "deal.nothing_back", name=names[taker]))
    return "; ".join(done + nothing)


def deal_table(instance: Instance, transfers: pd.DataFrame, lang: str) -> pd.DataFrame:
    names = instance.municipalities["name"]
    pairs = sorted({tuple(sorted((r["from"], r["to"]))) for _, r in transfers.iterrows()})
    rows = [
        {"a": a, "b": b, "description": describe_deal(a, b, transfers, names, lang)}
        for a, b in pairs
    ]
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
        }
    return out


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
        outcomes = [o for p in solution.provinces.values() for o in p.stages if o.name == name]
        gaps = [o.gap for o in outcomes]
        stages[name] = {
            "value": tidy(sum(o.value for o in outcomes)),
            "status": "optimal" if all(o.status == "optimal" for o in outcomes) else "time_limit",
            "gap": None if any(g is None for g in gaps) else tidy(max(gaps, default=0.0)),
            "seconds": round(sum(o.seconds for o in outcomes), 3),
        }
    gap = solution.gap()
    summary = {
        "format": 1,
        "instance": instance.settings.name,
        "status": solution.status,
        "objective_order": list(solution.order),
        "objectives": {name: stages[name]["value"] for name in solution.order},
        "provinces": province_summary(instance, municipalities),
        "solver": {
            "name": "highs",
            "version": solution.solver_version,
            "seconds": round(solution.seconds, 3),
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
