"""The cost of the package (model/results/costs.py): places x cost per place, firm and soft apart, and a
blank cost never read as zero."""

from __future__ import annotations

import math

import pandas as pd

from model.results.costs import municipality_costs, province_costs
from model.results.result import Result
from report_fixtures import meeting_result

SITES = pd.DataFrame(
    [
        # id, municipality, status, open, places, cost_per_place
        ["A1", "GM1", "existing", True, 100, 30000.0],
        ["A2", "GM1", "planned", True, 50, 40000.0],
        ["A3", "GM1", "idea", False, 0, 99999.0],
        ["B1", "GM2", "decided", True, 20, float("nan")],
        ["B2", "GM2", "idea", True, 10, 50000.0],
    ],
    columns=["id", "municipality", "status", "open", "places", "cost_per_place"],
)
MUNICIPALITIES = pd.DataFrame(
    {"code": ["GM1", "GM2", "GM3"], "province": ["P", "P", "Q"], "name": ["a", "b", "c"]}
)


def result(sites: pd.DataFrame = SITES) -> Result:
    empty = pd.DataFrame()
    return Result({}, MUNICIPALITIES, sites, empty, empty)


def test_cost_per_municipality_firm_and_soft_apart():
    """GM1: firm 100 x 30,000; soft 50 x 40,000 (the closed idea costs nothing). GM2: the decided
    site has no cost, so its 20 places are counted apart and its firm cost is blank, not 0; the
    soft site costs 10 x 50,000. GM3 opens nothing: 0."""
    costs = municipality_costs(result())
    assert costs.loc["GM1"].tolist() == [3_000_000, 2_000_000, 5_000_000, 0]
    firm, soft, total, unknown = costs.loc["GM2"]
    assert math.isnan(firm) and (soft, total, unknown) == (500_000, 500_000, 20)
    assert costs.loc["GM3"].tolist() == [0, 0, 0, 0]


def test_cost_per_province_adds_up_the_known_costs():
    costs = province_costs(result())
    assert costs.loc["P"].tolist() == [3_000_000, 2_500_000, 5_500_000, 20]
    assert costs.loc["Q"].tolist() == [0, 0, 0, 0]


def test_a_result_folder_without_costs_has_every_place_without_cost():
    costs = province_costs(result(SITES.drop(columns="cost_per_place")))
    firm, soft, total, unknown = costs.loc["P"]
    assert all(math.isnan(v) for v in (firm, soft, total)) and unknown == 180


def test_the_result_carries_site_names_and_costs_into_sites_csv():
    sites = meeting_result().sites.set_index("id")
    assert sites.at["Z1", "name"] == "azc Zwolle" and sites.at["Z1", "cost_per_place"] == 30000
    assert sites.at["S1", "name"] == "Paviljoen" and pd.isna(sites.at["S1", "cost_per_place"])
