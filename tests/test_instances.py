"""The shipped instances hold what their READMEs promise; own places before exchange.

`instances/overijssel-2024-plan` is calibrated to the real Overijssel plan of 1 Nov 2024
(docs/domain.md): firm 3,864 places, 5,699 with soft plans, 130 AMV places, and Twente
1,400 places short with 4 of its 14 municipalities at their share before exchange. These tests pin
those figures on the generated files, so that a regenerated instance cannot drift from the plan.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pandas as pd
import pytest
from click.testing import CliRunner

from builders import (
    english,  # noqa: F401 (autouse: the messages these tests read are English)
    make_instance,
    municipality,
    site,
)
from model.io.reading import read_instance
from solver_cli import main

INSTANCES = Path(__file__).resolve().parents[1] / "instances"
PLAN = INSTANCES / "overijssel-2024-plan"


@pytest.fixture(scope="module")
def plan():
    return read_instance(PLAN)


def counted_at_max(sites: pd.DataFrame, committed: bool, kind: str | None = None) -> int:
    """Sum of hi over counted sites that can open, firm (committed) or soft, optionally one kind."""
    chosen = sites["counted"] & (sites["lo"] <= sites["hi"]) & (sites["committed"] == committed)
    if kind:
        chosen &= sites["kind"] == kind
    return int(sites.loc[chosen, "hi"].sum())


def test_plan_aggregates_equal_the_real_plan(plan):
    """Firm 3,864; with soft 5,699; AMV 130, all of them firm."""
    firm = counted_at_max(plan.sites, committed=True)
    soft = counted_at_max(plan.sites, committed=False)
    amv_firm = counted_at_max(plan.sites, committed=True, kind="amv")
    amv_soft = counted_at_max(plan.sites, committed=False, kind="amv")
    assert (firm, firm + soft) == (3864, 5699)
    assert (amv_firm, amv_soft) == (130, 0)


def test_plan_has_the_municipalities_and_tasks_of_overijssel_2024(plan):
    base = read_instance(INSTANCES / "overijssel-2024")
    pd.testing.assert_frame_equal(plan.municipalities, base.municipalities)
    assert len(plan.municipalities) == 25
    assert plan.municipalities["reception_task"].sum() == 6325
    assert plan.municipalities["amv_task"].sum() == 538
    assert plan.settings.rules.exchange_scope == "region"


def test_twente_before_exchange_is_1400_short_with_4_of_14_at_their_share(plan):
    """Own places (firm + soft at their maximum) against each municipality's reception_task."""
    m = plan.municipalities
    own = plan.own_places()
    places = (own["firm"] + own["soft"])[m["region"] == "Twente"]
    task = m.loc[places.index, "reception_task"]
    at_share = places >= task
    assert len(places) == 14
    assert sorted(m.loc[at_share[at_share].index, "name"]) == [
        "Almelo",
        "Borne",
        "Hengelo",
        "Tubbergen",
    ]
    assert int((task - places)[~at_share].sum()) == 1400


def test_validate_prints_the_calibrated_aggregates():
    result = CliRunner().invoke(main, ["validate", str(PLAN)])
    assert result.exit_code == 0, result.output
    assert (
        "  counted places: firm 3864, soft 1835, with soft 5699 (61 % and 90 % of reception 6325)"
        in result.stdout.splitlines()
    )
    assert (
        "  of which amv places: firm 130, soft 0, with soft 130 (24 % and 24 % of amv 538)"
        in result.stdout.splitlines()
    )


def test_own_places_counts_sites_at_their_maximum_before_exchange():
    """A: existing 100-300 and decided amv 16-40 (firm 340, amv 40); a planned small site 60-200
    clipped to the kind's 150 (soft 150); an idea too small to open and a site that closes within
    five years add nothing. B has no site."""
    instance = make_instance(
        [municipality("A", 500, amv_task=40), municipality("B", 100)],
        [
            site("S1", "A", lo=100, hi=300),
            site("S2", "A", kind="amv", status="decided", lo=16, hi=40),
            site("S3", "A", kind="small", status="planned", lo=60, hi=200),
            site("S4", "A", kind="small", status="idea", lo=20, hi=40),
            site("S5", "A", lo=100, hi=300, available_until=dt.date(2026, 1, 1)),
        ],
    )
    own = instance.own_places()
    assert own.loc["A"].to_dict() == {"firm": 340, "soft": 150, "amv_firm": 40, "amv_soft": 0}
    assert own.loc["B"].to_dict() == {"firm": 0, "soft": 0, "amv_firm": 0, "amv_soft": 0}
