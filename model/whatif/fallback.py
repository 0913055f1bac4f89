"""The minister's fallback: what is imposed when a provincial plan falls short (docs/scenarios.md).

As practised in December 2024: per province the shortfall S = max(0, sum of reception_task - sum of
places) is apportioned over the laggards (municipalities with fewer places than their own
reception_task) in proportion to population x (1 + ses_woa), by the largest remainder. Places are
rounded down to whole places first (status weights < 1 make them fractional).
"""

from __future__ import annotations

import math

import pandas as pd

from model.core.errors import InputError, Problem
from model.core.indicative import apportion, weight
from model.core.instance import Instance
from model.lang import Message

FALLBACK_COLUMNS = ["code", "name", "province", "reception_task", "places", "imposed"]
PLACES_TOLERANCE = 1e-6
"""Places within this of a whole number count as that number (no float noise in the rounding)."""


def whole_places(places: float) -> int:
    """Counted places rounded down to whole places."""
    return math.floor(places + PLACES_TOLERANCE)


def fallback(instance: Instance, municipalities: pd.DataFrame, source: str = "") -> pd.DataFrame:
    """Imposed places per municipality for the result table `municipalities` (code, places).

    `source` names the result in the error raised when it belongs to other municipalities.
    """
    m = instance.municipalities
    places = _places(municipalities, m, source)
    table = pd.DataFrame(
        {
            "code": m.index,
            "name": m["name"].to_numpy(),
            "province": m["province"].to_numpy(),
            "reception_task": m["reception_task"].to_numpy(),
            "places": places.to_numpy(),
        }
    )
    table["imposed"] = table["places"]
    for _, rows in table.groupby("province", sort=True):
        shortfall = max(0, int(rows["reception_task"].sum() - rows["places"].sum()))
        laggards = rows[rows["places"] < rows["reception_task"]]
        if shortfall:
            weights = [weight(m.at[c, "population"], m.at[c, "ses_woa"]) for c in laggards["code"]]
            shares = apportion(shortfall, weights, list(laggards["code"]))
            table.loc[laggards.index, "imposed"] += shares
    return table[FALLBACK_COLUMNS]


def _places(result: pd.DataFrame, m: pd.DataFrame, source: str) -> pd.Series:
    """Whole places per municipality of `m`, from a result table of the same municipalities."""
    given = result.set_index(result["code"].astype(str))
    task = given["regular_task"] + given["amv_task"]
    if set(given.index) != set(m.index) or (task.reindex(m.index) != m["reception_task"]).any():
        raise InputError(
            Problem(source or "municipalities.csv", Message("fallback.other_instance"))
        )
    return given["places"].reindex(m.index).map(whole_places).astype("int64")
