"""Small instances built in code, for tests whose optimum is worked out in their docstrings."""

from __future__ import annotations

import datetime as dt

import pandas as pd

from model.instance import Instance, build_instance
from model.settings import Settings

REFERENCE = dt.date(2025, 7, 1)


def municipality(code: str, reception: int = 0, **columns) -> dict:
    """A row of municipalities.csv with defaults: province P, region R, population 10,000."""
    row = {
        "code": code,
        "name": f"Gemeente {code}",
        "province": "P",
        "region": "R",
        "population": 10_000,
        "reception_task": reception,
        "amv_task": 0,
    }
    row.update(columns)
    return row


def site(
    sid: str,
    municipality: str,
    kind: str = "regular",
    status: str = "existing",
    lo: int = 0,
    hi: int = 1000,
    **columns,
) -> dict:
    row = {
        "id": sid,
        "municipality": municipality,
        "kind": kind,
        "status": status,
        "min_places": lo,
        "max_places": hi,
    }
    row.update(columns)
    return row


def make_instance(
    municipalities: list[dict], sites: list[dict] | None = None, **settings
) -> Instance:
    """An Instance from rows; `settings` are instance.toml sections, e.g. rules={...}."""
    config = {"name": "test", "reference_date": REFERENCE} | settings
    site_frame = pd.DataFrame(
        sites or [],
        columns=None
        if sites
        else ["id", "municipality", "kind", "status", "min_places", "max_places"],
    )
    return build_instance(Settings(**config), pd.DataFrame(municipalities), site_frame)
