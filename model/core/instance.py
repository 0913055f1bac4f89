"""The normalised `Instance`: effective settings, tasks per component, sites with their counted flag.

`model/io/reading.py` turns files into typed, validated tables; this module turns those tables into the
one object every later step uses (docs/model.md, "Components", "Sites" and "Deals"). No solver here.
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from pathlib import Path

import pandas as pd

from model.core.errors import Problem
from model.core.indicative import apportion, indicative_tasks
from model.core.settings import COMMITTED_STATUSES, COMPONENTS, Settings
from model.lang import Message

MUNICIPALITY_DEFAULTS: dict[str, object] = {
    "region": "",
    "ses_woa": 0.0,
    "housing_task": 0,
    "housing_extra_max": 0,
    "ukraine_task": 0,
    "ukraine_extra_max": 0,
    "willing_extra": 0.0,
}
"""Optional columns of municipalities.csv and their defaults (docs/instance-format.md)."""

EARTH_RADIUS_KM = 6371.0088
"""Mean radius of the earth (IUGG), for straight-line distances between centroids."""
GROUP_SEPARATOR = "\x1f"
"""Between province and region in an exchange group's label (`Instance.exchange_group`)."""
DEAL_RULES = ("require", "forbid")
REASONS: tuple[str, ...] = ("available_later", "ends_too_soon", "status_weight_zero")
"""Why a site does not count (sites.csv `reason`, docs/cli.md): it becomes available only after
the reference date; it stops before reference date + rules.min_duration_years; its status has
weight 0 in rules.status_weight."""

INT_COLUMNS = (
    "population",
    "reception_task",
    "amv_task",
    "housing_task",
    "housing_extra_max",
    "ukraine_task",
    "ukraine_extra_max",
)


@dataclass
class Instance:
    """One province-or-more of municipalities and sites, ready for the model.

    municipalities: index `code`; columns name, province, region ("" when none), population,
        ses_woa, reception_task, amv_task, housing_task, housing_extra_max, ukraine_task,
        ukraine_extra_max, willing_extra, max_site_size (float, NaN = no preference), lat, lon
        (decimal degrees of the centroid, NaN when unknown).
    sites: index `id`; columns municipality, name, kind, status, min_places, max_places,
        available_from, available_until (datetime.date or None), cost_per_place (NaN when blank),
        counted (bool), reason (why not counted, one of REASONS; "" when counted), committed (bool),
        status_weight (rho), realisation (the chance the site is realised: its own column,
        else `rules.realisation` of its status), lo, hi (bounds on places when open; for soft
        sites clipped to the kind's size rule, lo > hi means it can never open).
    deal_rules: columns a, b (codes, a < b), rule ("require" or "forbid"): deals the PRT has
        locked or taken off the table (docs/model.md, "Deals").
    """

    settings: Settings
    municipalities: pd.DataFrame
    sites: pd.DataFrame
    deal_rules: pd.DataFrame = field(default_factory=lambda: empty_deal_rules())
    source: Path | None = None
    tasks_computed: bool = False
    warnings: list[Problem] = field(default_factory=list)

    @property
    def tasks(self) -> pd.DataFrame:
        """T(m,k): index code, one column per component (model.md, "Components")."""
        m = self.municipalities
        return pd.DataFrame(
            {
                "regular": m["reception_task"] - m["amv_task"],
                "amv": m["amv_task"],
                "housing": m["housing_task"],
                "ukraine": m["ukraine_task"],
            },
            index=m.index,
        )[list(COMPONENTS)]

    @property
    def spare(self) -> pd.DataFrame:
        """X(m,k): declared spare capacity for housing and ukraine (sites carry the rest)."""
        m = self.municipalities
        return pd.DataFrame(
            {"housing": m["housing_extra_max"], "ukraine": m["ukraine_extra_max"]}, index=m.index
        )

    @property
    def value_task(self) -> pd.Series:
        """sum over k of w(k) * T(m,k)."""
        w = self.settings.weights
        t = self.tasks
        return sum(getattr(w, k) * t[k] for k in COMPONENTS)

    @property
    def provinces(self) -> list[str]:
        return sorted(self.municipalities["province"].unique())

    def own_places(self) -> pd.DataFrame:
        """Per municipality the most places its own counted sites can give, before any exchange.

        Index code; columns `firm` (committed sites at max_places), `soft` (planned and idea sites
        that can open, at hi = min(max_places, kind max)), and `amv_firm`, `amv_soft` (the same
        over `amv` sites, which are part of firm and soft). Status weights are not applied.
        """
        s = self.sites[self.sites["counted"] & (self.sites["lo"] <= self.sites["hi"])]
        firm, amv, hi = s["committed"], s["kind"] == "amv", s["hi"]
        parts = {
            "firm": hi.where(firm, 0),
            "soft": hi.where(~firm, 0),
            "amv_firm": hi.where(firm & amv, 0),
            "amv_soft": hi.where(~firm & amv, 0),
        }
        by_municipality = pd.DataFrame(parts).groupby(s["municipality"]).sum()
        return by_municipality.reindex(self.municipalities.index, fill_value=0).astype("int64")

    def exchange_group(self) -> pd.Series:
        """Who may exchange with whom: a label per municipality; equal labels may exchange.

        Same province, and under `exchange_scope = "region"` the same region; under "none" every
        municipality is a group of its own (docs/model.md, "Deals").
        """
        m = self.municipalities
        scope = self.settings.rules.exchange_scope
        if scope == "none":
            return pd.Series(m.index, index=m.index)
        if scope == "region":
            return m["province"] + GROUP_SEPARATOR + m["region"]
        return m["province"].copy()

    def distance_km(self, a: str, b: str) -> int | None:
        """Straight-line distance between the centroids of a and b in whole km; None if unknown."""
        m = self.municipalities
        return whole_km(m.at[a, "lat"], m.at[a, "lon"], m.at[b, "lat"], m.at[b, "lon"])

    def deal_rule(self, a: str, b: str) -> str | None:
        """ "require" or "forbid" when the PRT fixed the deal between a and b, else None."""
        key = tuple(sorted((a, b)))
        rows = self.deal_rules
        hit = rows[(rows["a"] == key[0]) & (rows["b"] == key[1])]
        return None if hit.empty else str(hit["rule"].iloc[0])

    def may_deal(self, a: str, b: str) -> bool:
        """Whether a deal between a and b is allowed: same exchange group, not forbidden, and
        not farther apart than `rules.max_distance_km` (docs/model.md, "Deals")."""
        group = self.exchange_group()
        if a == b or group[a] != group[b] or self.deal_rule(a, b) == "forbid":
            return False
        limit = self.settings.rules.max_distance_km
        if limit > 0:
            km = self.distance_km(a, b)
            return km is not None and km <= limit
        return True


def whole_km(lat1: float, lon1: float, lat2: float, lon2: float) -> int | None:
    """Great-circle distance in km, rounded half up to whole km; None when a point is unknown."""
    if any(pd.isna(v) for v in (lat1, lon1, lat2, lon2)):
        return None
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    km = 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(h)))
    return math.floor(km + 0.5)


@cache
def shipped_centroids() -> pd.DataFrame:
    """Centroids of the 342 municipalities of 2024 (model/data/municipality_centroids.csv)."""
    source = resources.files("model").joinpath("data/municipality_centroids.csv")
    with source.open(encoding="utf-8") as handle:
        return pd.read_csv(handle, dtype={"code": str}).set_index("code")


def centroids(municipalities: pd.DataFrame) -> pd.DataFrame:
    """lat, lon per municipality (index code): the row's own columns when filled, else the
    shipped centroid of its CBS code; NaN when neither is known (docs/model.md, "Deals")."""
    m = municipalities
    shipped = shipped_centroids().reindex(m.index.astype(str))
    shipped.index = m.index
    given = m.reindex(columns=["lat", "lon"]).astype(float)
    return given.fillna(shipped[["lat", "lon"]]).astype(float)


def empty_deal_rules() -> pd.DataFrame:
    return pd.DataFrame(
        {"a": pd.Series(dtype=str), "b": pd.Series(dtype=str), "rule": pd.Series(dtype=str)}
    )


def needed_until(reference_date: dt.date, years: int) -> dt.date:
    """The first day a site may stop and still count: reference date + min_duration_years."""
    try:
        return reference_date.replace(year=reference_date.year + years)
    except ValueError:  # 29 February
        return reference_date.replace(year=reference_date.year + years, day=28) + dt.timedelta(
            days=1
        )


def site_counts(
    available_from: dt.date | None,
    available_until: dt.date | None,
    status_weight: float,
    settings: Settings,
) -> str:
    """Why a site does not count, as one of REASONS, or "" when it counts (model.md, "Sites")."""
    ref = settings.reference_date
    if available_from is not None and available_from > ref:
        return "available_later"
    needed = needed_until(ref, settings.rules.min_duration_years)
    if available_until is not None and available_until < needed:
        return "ends_too_soon"
    if status_weight <= 0:
        return "status_weight_zero"
    return ""


def reason_message(
    reason: str,
    available_from: dt.date | None,
    available_until: dt.date | None,
    years: int | None,
    reference_date: dt.date | None,
    status: str,
) -> Message:
    """A reason code in words, with the dates that explain it: "beschikbaar tot 31-12-2026,
    minder dan 5 jaar na de peildatum 01-07-2025 (nodig: 01-07-2030 of later)".

    Without the dates (a result folder that predates them) the words say it without them.
    """
    if reason == "available_later" and available_from and reference_date:
        return Message("reason.available_later", date=available_from, reference=reference_date)
    if reason == "ends_too_soon" and available_until and reference_date and years is not None:
        needed = needed_until(reference_date, years)
        return Message(
            "reason.ends_too_soon",
            date=available_until,
            years=years,
            reference=reference_date,
            needed=needed,
        )
    if reason == "status_weight_zero":
        return Message("reason.status_weight_zero", status=Message(f"site_status.{status}"))
    return Message(f"reason.{reason}.short")


def build_instance(
    settings: Settings,
    municipalities: pd.DataFrame,
    sites: pd.DataFrame,
    source: Path | None = None,
    warnings: list[Problem] | None = None,
    deal_rules: pd.DataFrame | None = None,
) -> Instance:
    """Normalise validated tables into an `Instance`.

    `municipalities` needs code, name, province, population and may have every optional column of
    instance-format.md; missing optional columns get their defaults. When `reception_task` is
    absent the tasks are computed from `[forecast]` (model.md, "Indicative distribution").
    `sites` needs id, municipality, kind, status, min_places, max_places and may have name,
    available_from, available_until, cost_per_place, realisation. `deal_rules` has a, b, rule (deals.csv).
    Types must already be right (reading.py).
    """
    m = municipalities.copy()
    if "code" in m.columns:
        m = m.set_index("code")
    m.index = m.index.astype(str)
    m.index.name = "code"
    for column, default in MUNICIPALITY_DEFAULTS.items():
        if column not in m.columns:
            m[column] = default
        else:
            m[column] = m[column].fillna(default)
    m["region"] = m["region"].astype(str)
    if "max_site_size" not in m.columns:
        m["max_site_size"] = float("nan")
    m["max_site_size"] = m["max_site_size"].astype(float)
    m["willing_extra"] = m["willing_extra"].astype(float)
    m["ses_woa"] = m["ses_woa"].astype(float)
    m[["lat", "lon"]] = centroids(m)

    tasks_computed = "reception_task" not in m.columns
    if tasks_computed:
        reception, amv = indicative_tasks(
            list(m.index),
            [int(p) for p in m["population"]],
            list(m["ses_woa"]),
            int(settings.forecast.reception or 0),
            int(settings.forecast.amv or 0),
        )
        m["reception_task"] = reception
        m["amv_task"] = amv
    elif "amv_task" not in m.columns:
        m["amv_task"] = apportion(
            int(settings.forecast.amv or 0), [int(r) for r in m["reception_task"]], list(m.index)
        )
    for column in INT_COLUMNS:
        m[column] = m[column].astype("int64")

    s = sites.copy()
    if "id" in s.columns:
        s = s.set_index("id")
    s.index = s.index.astype(str)
    s.index.name = "id"
    for column in ("name",):
        if column not in s.columns:
            s[column] = ""
        s[column] = s[column].fillna("").astype(str)
    for column in ("available_from", "available_until"):
        if column not in s.columns:
            s[column] = None
        s[column] = [None if pd.isna(v) else v for v in s[column]]
    if "cost_per_place" not in s.columns:
        s["cost_per_place"] = float("nan")
    s["cost_per_place"] = s["cost_per_place"].astype(float)
    s["municipality"] = s["municipality"].astype(str)
    s["min_places"] = s["min_places"].astype("int64")
    s["max_places"] = s["max_places"].astype("int64")

    rho = settings.rules.status_weight
    kinds = settings.site_kinds
    s["status_weight"] = [float(getattr(rho, st)) for st in s["status"]]
    by_status = [float(getattr(settings.rules.realisation, st)) for st in s["status"]]
    given = s["realisation"] if "realisation" in s.columns else pd.Series(float("nan"), s.index)
    s["realisation"] = given.astype(float).fillna(pd.Series(by_status, s.index))
    s["committed"] = s["status"].isin(COMMITTED_STATUSES)
    s["reason"] = [
        site_counts(f, u, w, settings)
        for f, u, w in zip(
            s["available_from"], s["available_until"], s["status_weight"], strict=True
        )
    ]
    s["counted"] = s["reason"] == ""
    s["lo"] = [
        int(mn) if c else max(int(mn), getattr(kinds, k).min)
        for mn, k, c in zip(s["min_places"], s["kind"], s["committed"], strict=True)
    ]
    s["hi"] = [
        int(mx) if c else min(int(mx), getattr(kinds, k).max)
        for mx, k, c in zip(s["max_places"], s["kind"], s["committed"], strict=True)
    ]
    s["lo"] = s["lo"].astype("int64")
    s["hi"] = s["hi"].astype("int64")
    rules = empty_deal_rules()
    if deal_rules is not None and len(deal_rules):
        pairs = [
            tuple(sorted((str(a), str(b))))
            for a, b in zip(deal_rules["a"], deal_rules["b"], strict=True)
        ]
        rules = pd.DataFrame(
            {
                "a": [p[0] for p in pairs],
                "b": [p[1] for p in pairs],
                "rule": [str(r).lower() for r in deal_rules["rule"]],
            }
        ).sort_values(["a", "b"], ignore_index=True)
    return Instance(
        settings=settings,
        municipalities=m,
        sites=s,
        deal_rules=rules,
        source=source,
        tasks_computed=tasks_computed,
        warnings=list(warnings or []),
    )
