"""Shared test helpers: small instances built in code (for tests whose optimum is worked out in
their docstrings), instance files and scenario files. Test modules import from here, never from
each other."""

from __future__ import annotations

import codecs
import contextlib
import datetime as dt
import os
from pathlib import Path

import pandas as pd
import pytest

from model.core.instance import Instance, build_instance
from model.core.settings import Settings
from model.lang import use_language

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
    municipalities: list[dict],
    sites: list[dict] | None = None,
    deals: list[tuple[str, str, str]] | None = None,
    **settings,
) -> Instance:
    """An Instance from rows; `deals` are (a, b, rule) locks (deals.csv); `settings` are
    instance.toml sections, e.g. rules={...}."""
    config = {"name": "test", "reference_date": REFERENCE} | settings
    site_frame = pd.DataFrame(
        sites or [],
        columns=None
        if sites
        else ["id", "municipality", "kind", "status", "min_places", "max_places"],
    )
    locks = pd.DataFrame(deals or [], columns=["a", "b", "rule"])
    return build_instance(
        Settings(**config), pd.DataFrame(municipalities), site_frame, deal_rules=locks
    )


# ---- instance and scenario files -------------------------------------------------------------

SETTINGS = 'name = "Test"\nreference_date = 2025-07-01\n'
MUNICIPALITIES = """\
code,name,province,region,population,ses_woa,reception_task,amv_task,housing_task,willing_extra
GM0001,Aa,P,R1,10000,0.1,20,2,5,0
GM0002,Bb,P,R1,30000,-0.2,50,4,,1.5
GM0003,Cc,Q,R2,20000,,40,3,3,
"""
SITES = """\
id,municipality,name,kind,status,min_places,max_places,available_from,available_until,cost_per_place
S1,GM0001,Azc,regular,existing,100,300,,,
S2,GM0002,,small,idea,60,120,2024-01-01,,1500.5
S3,GM0003,,amv,planned,16,40,,2031-01-01,
"""


def write_folder(
    folder: Path,
    settings: str = SETTINGS,
    municipalities: str = MUNICIPALITIES,
    sites: str = SITES,
    deals: str | None = None,
) -> Path:
    """An instance folder with the given file contents (UTF-8); deals.csv only when given."""
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in (
        ("instance.toml", settings),
        ("municipalities.csv", municipalities),
        ("sites.csv", sites),
        ("deals.csv", deals),
    ):
        if text is not None:
            (folder / name).write_text(text, encoding="utf-8")
    return folder


def assert_same_instance(a, b) -> None:
    assert a.settings == b.settings
    pd.testing.assert_frame_equal(a.municipalities, b.municipalities)
    pd.testing.assert_frame_equal(a.sites, b.sites)
    pd.testing.assert_frame_equal(a.deal_rules, b.deal_rules)


ROOT = Path(__file__).resolve().parent.parent
"""The repository."""
TOY = ROOT / "instances" / "toy"
OVERIJSSEL = ROOT / "instances" / "overijssel-2024"

HALF_AND_CLOSED = """\
name = "Housing counts half; the sporthal in Aadorp closes"

[settings]
weights = { housing = 0.5 }
rules = { exchange_scope = "none" }

[[municipality]]
code = "GM9001"
housing_extra_max = 0

[[site]]
id = "A2"
remove = true

[[site]]
id = "D1"
municipality = "GM9004"
kind = "municipal"
status = "decided"
min_places = 10
max_places = 60
"""


def write(folder: Path, name: str, text: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


# ---- running as a user that file modes apply to ----------------------------------------------


@contextlib.contextmanager
def unprivileged():
    """Run the body as a user that file modes apply to (root reads every file).

    Codecs are looked up first: a lookup that fails for want of permission is cached as unknown.
    """
    if os.geteuid() != 0:
        yield
        return
    for encoding in ("utf-8-sig", "cp1252", "utf-16", "utf-32"):
        codecs.lookup(encoding)
    os.setegid(65534)
    os.seteuid(65534)
    try:
        yield
    finally:
        os.seteuid(0)
        os.setegid(0)


# ---- the language of messages -----------------------------------------------------------------


@pytest.fixture(autouse=True)
def english():
    """Messages in English, also from the CLI when no --lang is given (its default is the current
    language): imported by the test modules that read messages in English. Dutch, the default,
    is covered by test_lang.py and test_language_purity.py."""
    with use_language("en"):
        yield


# ---- the command line -------------------------------------------------------------------------

RESULT_FILES = {
    "summary.json",
    "municipalities.csv",
    "sites.csv",
    "transfers.csv",
    "deals.csv",
    "report.md",
}
"""What every result folder holds (docs/cli.md), reports aside."""


def run(*args: object):
    """`uitruil ARGS` through click's runner (stdout and stderr apart); arguments may be paths."""
    from click.testing import CliRunner

    from solver_cli import main

    return CliRunner().invoke(main, [str(a) for a in args])


def errors(result) -> list[str]:
    """The error lines of a refused command (exit 2, no traceback), in English."""
    assert result.exit_code == 2, result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)
    return [line for line in result.stderr.splitlines() if line.startswith("error: ")]


def distance_instance(deals=None, **rules):
    """A needs 100 places and can house 100 status holders. B (10 km north of A) and C (50 km north)
    each have a site for 200 places and 100 status holders to hand over."""
    return make_instance(
        [
            municipality("A", 100, housing_extra_max=100, lat=52.0, lon=6.0),
            municipality("B", 0, housing_task=100, lat=52.09, lon=6.0),
            municipality("C", 0, housing_task=100, lat=52.45, lon=6.0),
        ],
        [site("B1", "B", lo=0, hi=200), site("C1", "C", lo=0, hi=200)],
        deals=deals,
        rules=rules,
    )
