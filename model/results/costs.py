"""The cost of the package: places x cost_per_place (sites.csv, EUR per place per year).

Firm (existing, decided) and soft (planned, idea) apart, per municipality and per province. A blank
cost_per_place is unknown, never zero: the places of open sites without a cost are counted on their
own (`places_without_cost`), and a total of which every place lacks a cost is blank, not 0.
Places here are the places a site opens with (sites.csv `places`), not the status-weighted counted
places: a soft site that counts for half still costs its full places.
"""

from __future__ import annotations

from dataclasses import replace

import pandas as pd

from model.core.instance import Instance
from model.core.settings import COMMITTED_STATUSES
from model.results.result import Result, tidy

SITE_DETAILS = ("name", "cost_per_place", "available_from", "available_until")
"""Columns of the instance's sites.csv that the result's sites.csv repeats, for people (the dates
say why a site does not count, with its reason)."""
COST_COLUMNS = ["cost_firm", "cost_soft", "cost", "places_without_cost"]
"""Per municipality or province: EUR per year of firm and soft places, their sum, and the places
of open sites whose cost is unknown."""


def with_site_details(result: Result, instance: Instance) -> Result:
    """`result` with each site's name and cost per place (blank when unknown) in its sites table."""
    details = instance.sites.reindex(columns=list(SITE_DETAILS))
    details["cost_per_place"] = details["cost_per_place"].map(
        lambda v: v if pd.isna(v) else tidy(v)
    )
    sites = result.sites.drop(columns=[c for c in SITE_DETAILS if c in result.sites.columns])
    return replace(result, sites=sites.join(details, on="id"))


def site_costs(sites: pd.DataFrame) -> pd.DataFrame:
    """Open sites with places: municipality, firm (bool), places, cost (NaN when unknown)."""
    s = sites[(sites["open"].astype(str) == "True") & (sites["places"] > 0)]
    price = (
        s["cost_per_place"] if "cost_per_place" in s.columns else pd.Series(float("nan"), s.index)
    )
    return pd.DataFrame(
        {
            "municipality": s["municipality"],
            "firm": s["status"].isin(COMMITTED_STATUSES),
            "places": s["places"].astype(float),
            "cost": s["places"] * pd.to_numeric(price, errors="coerce"),
        }
    )


def cost_table(s: pd.DataFrame, key: str, keys: pd.Index) -> pd.DataFrame:
    """COST_COLUMNS for the open sites `s` (rows of site_costs) grouped by column `key`, one row
    per entry of `keys` (0 where nothing is open)."""
    known = s["cost"].notna()

    def total(rows: pd.Series) -> pd.Series:
        """Known costs summed; blank where places are open but none has a cost."""
        priced = s[rows & known].groupby(key)["cost"].agg(["sum", "size"]).reindex(keys)
        opened = s[rows].groupby(key).size().reindex(keys, fill_value=0)
        return priced["sum"].fillna(0.0).where((priced["size"] > 0) | (opened == 0))

    everything = pd.Series(True, index=s.index)
    table = pd.DataFrame(
        {
            "cost_firm": total(s["firm"]),
            "cost_soft": total(~s["firm"]),
            "cost": total(everything),
            "places_without_cost": s[~known]
            .groupby(key)["places"]
            .sum()
            .reindex(keys, fill_value=0.0),
        },
        index=keys,
    )
    return table[COST_COLUMNS]


def municipality_costs(result: Result) -> pd.DataFrame:
    """COST_COLUMNS per municipality (index code, every municipality of the result)."""
    codes = pd.Index(result.municipalities["code"], name="municipality")
    return cost_table(site_costs(result.sites), "municipality", codes)


def province_costs(result: Result) -> pd.DataFrame:
    """COST_COLUMNS per province (index province)."""
    province = result.municipalities.set_index("code")["province"]
    s = site_costs(result.sites)
    s = s.assign(province=s["municipality"].map(province))
    return cost_table(s, "province", pd.Index(sorted(province.unique()), name="province"))
