"""`check` (model/results/check.py) against the real solver: a clean result checks, and each tampered result
breaks exactly the rule it was tampered for (docs/model.md, version 2).

Every tamper edits the files of a result folder on disk and reads them back with `read_result`.
When it changes the decision (sites.csv, transfers.csv), `restate` writes the tables that follow
from the decision again (municipalities.csv, deals.csv, the provinces) and the stage values worked
out in the test's docstring, so that the result agrees with itself except for the rule.
"""

from __future__ import annotations

import csv
import io
import json
import shutil
from pathlib import Path

import pandas as pd
import pytest
from click.testing import CliRunner

from builders import (
    REFERENCE,
    english,  # noqa: F401 (autouse: the messages these tests read are English)
    municipality,
    site,
    write_folder,
)
from model.core.instance import Instance, build_instance
from model.core.settings import STAGES, Settings
from model.io.reading import read_instance
from model.io.writing import csv_text
from model.optimise.solve import solve
from model.results.check import check
from model.results.folder import read_result, write_result
from model.results.result import (
    build_result,
    deal_table,
    municipality_table,
    province_summary,
    tidy,
)
from solver_cli import main

# ---- instances -------------------------------------------------------------------------------


def instance(municipalities: list[dict], sites: list[dict], deal_rules=(), **settings) -> Instance:
    """An Instance from rows, with locked (`require`) or forbidden deals as (a, b, rule)."""
    config = {"name": "test", "reference_date": REFERENCE} | settings
    rules = pd.DataFrame(list(deal_rules), columns=["a", "b", "rule"])
    return build_instance(
        Settings(**config), pd.DataFrame(municipalities), pd.DataFrame(sites), deal_rules=rules
    )


def near(code: str, reception: int = 0, km_east: float = 0.0, **columns) -> dict:
    """A municipality in province P whose centroid lies `km_east` km east of 52N 6E."""
    return municipality(code, reception, lat=52.0, lon=6.0 + km_east / 68.6, **columns)


def trade(**settings) -> Instance:
    """Seven municipalities, every stage of docs/model.md at work.

    A (task 10, no site) gives its 10 places to B (site 10), which A pays back by housing 10 of
    B's status holders (A may house 10 more). D (site 5) takes C's 5 places on a voluntary basis
    (willing_extra 5). E opens its idea site with 30 places, 10 above its preferred size 20. In
    province Q, G has 6 places for a task of 8 and H, without task or site, cannot help: 2 unmet, a
    share of 1/4. Nothing else is possible: every place in P is used, and B takes nothing from C
    (C cannot pay).

    Stages: shortfall 2, unmet 2, fairness 0.25, firm 30, preference 10, new_sites 1, deals 2,
    distance 10 + 7 = 17 km, transfers 25, new_places 10 + 5 + 6 + 30 = 51.
    """
    return instance(
        [
            near("A", 10, 0, housing_extra_max=10),
            near("B", 0, 10, housing_task=10),
            near("C", 5, 30),
            near("D", 0, 37, willing_extra=5),
            near("E", 30, 60, max_site_size=20),
            near("G", 8, 90, province="Q"),
            near("H", 0, 120, province="Q"),
        ],
        [
            site("B1", "B", hi=10),
            site("D1", "D", hi=5),
            site("E1", "E", kind="municipal", status="idea", hi=30),
            site("G1", "G", hi=6),
        ],
        **settings,
    )


TRADE_STAGES = {
    "shortfall": 2,
    "unmet": 2,
    "fairness": 0.25,
    "firm": 30,
    "preference": 10,
    "new_sites": 1,
    "deals": 2,
    "distance": 17,
    "transfers": 25,
    "new_places": 51,
}


def volunteer(balance: str = "deal") -> Instance:
    """V has 20 places and volunteers at most 12 of them; S1 and S2 each have a task of 10.

    V takes 6 of each (the fairest split: 4 unmet each, a share of 0.4). Stages: shortfall 0,
    unmet 8, fairness 0.4, deals 2, transfers 12.
    """
    return instance(
        [near("S1", 10, 0), near("S2", 10, 5), near("V", 0, 10, willing_extra=12)],
        [site("V1", "V", hi=20)],
        rules={"balance": balance},
    )


def chain() -> Instance:
    """X (task 5, no site) and Y (task 5, site 5); Z (site 5) volunteers 5, Y would too.

    Z takes X's 5 directly; Y's site holds its own task. One deal, 5 units, 20 km.
    """
    return instance(
        [
            near("X", 5, 0),
            near("Y", 5, 10, willing_extra=5),
            near("Z", 0, 20, willing_extra=5),
        ],
        [site("Y1", "Y", lo=5, hi=5), site("Z1", "Z", hi=5)],
    )


def partners(deal_rules=(), **rules) -> Instance:
    """N1 (task 5) and two who may take it voluntarily: N2 at 10 km, F at 60 km (5 places each)."""
    return instance(
        [
            near("N1", 5, 0),
            near("N2", 0, 10, willing_extra=5),
            near("F", 0, 60, willing_extra=5),
        ],
        [site("N2s", "N2", hi=5), site("Fs", "F", hi=5)],
        deal_rules=deal_rules,
        rules=rules,
    )


def declared(housing_extra_max: int) -> Instance:
    """H1 (task 12, no site) and H2 (site 10, 20 status holders to house, no task of its own).

    H2 takes 10 of H1's places and H1 houses 10 of H2's status holders; H1 keeps 2 unmet (a share
    of 1/6; H2 keeping them would be a share of 2). Stages: unmet 2, fairness 1/6, transfers 20.
    """
    return instance(
        [
            near("H1", 12, 0, housing_extra_max=housing_extra_max),
            near("H2", 0, 10, housing_task=20),
        ],
        [site("H2s", "H2", hi=10)],
    )


# ---- result folders --------------------------------------------------------------------------


def solved(inst: Instance, folder: Path, lang: str = "nl", order=None) -> Path:
    """Solve `inst` with the real solver, write its result folder and check it is clean."""
    result = build_result(inst, solve(inst, order=order), lang=lang)
    write_result(result, folder)
    assert check(inst, read_result(folder)) == []
    return folder


def checked(inst: Instance, folder: Path) -> list[str]:
    return check(inst, read_result(folder))


def summary(folder: Path) -> dict:
    return json.loads((folder / "summary.json").read_text(encoding="utf-8"))


def write_summary(folder: Path, data: dict) -> None:
    (folder / "summary.json").write_text(json.dumps(data, indent=2), encoding="utf-8")


def rows(folder: Path, name: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO((folder / name).read_text(encoding="utf-8"))))


def write_rows(folder: Path, name: str, table: list[list[str]]) -> None:
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows(table)
    (folder / name).write_text(out.getvalue(), encoding="utf-8")


def set_transfers(folder: Path, transfers: list[tuple[str, str, str, int]]) -> None:
    """transfers.csv with exactly these rows (from, to, component, amount)."""
    write_rows(
        folder,
        "transfers.csv",
        [["from", "to", "component", "amount"]] + [[i, j, k, str(n)] for i, j, k, n in transfers],
    )


def set_places(folder: Path, places: dict[str, int]) -> None:
    """sites.csv with these places at these (committed, so open) sites."""
    table = rows(folder, "sites.csv")
    header = table[0]
    for row in table[1:]:
        if row[0] in places:
            row[header.index("places")] = str(places[row[0]])
    write_rows(folder, "sites.csv", table)


def set_stage(folder: Path, name: str, value: float) -> None:
    data = summary(folder)
    data["objectives"][name] = value
    data["stages"][name]["value"] = value
    write_summary(folder, data)


def restate(inst: Instance, folder: Path, lang: str = "nl", **stages: float) -> None:
    """Write again what follows from the decision on disk (sites.csv, transfers.csv): the tables
    municipalities.csv and deals.csv, the provinces, and the given stage values."""
    result = read_result(folder)
    sites = result.sites.assign(
        counted=result.sites["counted"].astype(bool), open=result.sites["open"].astype(bool)
    )
    transfers = result.transfers
    municipalities = municipality_table(inst, sites, transfers)
    data = summary(folder)
    data["provinces"] = province_summary(inst, municipalities)
    for column in ("places", "amv_places", "firm_places", "unmet_rec", "unmet_amv", "value_change"):
        municipalities[column] = municipalities[column].map(tidy)
    for name, value in stages.items():
        data["objectives"][name] = value
        data["stages"][name]["value"] = value
    write_summary(folder, data)
    (folder / "municipalities.csv").write_text(csv_text(municipalities), encoding="utf-8")
    deals = deal_table(inst, transfers, lang)
    (folder / "deals.csv").write_text(csv_text(deals), encoding="utf-8")


@pytest.fixture(scope="module")
def trade_result(tmp_path_factory) -> Path:
    """The solved `trade` instance; tests copy it before they tamper."""
    folder = solved(trade(), tmp_path_factory.mktemp("trade") / "result")
    assert summary(folder)["objectives"] == TRADE_STAGES
    return folder


@pytest.fixture
def copy(trade_result, tmp_path) -> Path:
    return Path(shutil.copytree(trade_result, tmp_path / "tampered"))


# ---- a clean result --------------------------------------------------------------------------


def test_the_solved_trade_instance_is_as_worked_out(trade_result):
    """The package of `trade`'s docstring: its transfers and its deals' sentences."""
    transfers = read_result(trade_result).transfers
    assert sorted(map(tuple, transfers.astype(str).values.tolist())) == [
        ("A", "B", "regular", "10"),
        ("B", "A", "housing", "10"),
        ("C", "D", "regular", "5"),
    ]
    deals = read_result(trade_result).deals
    assert list(deals["description"]) == [
        "Gemeente B neemt 10 reguliere opvangplekken over van Gemeente A; "
        "Gemeente A huisvest 10 statushouders voor Gemeente B",
        "Gemeente D neemt 5 plekken op vrijwillige basis over van Gemeente C; "
        "Gemeente C doet in deze afspraak niets terug",
    ]


def test_columns_in_another_order_check(copy):
    """Tables are read by column name: the same transfers with their columns reversed still check."""
    write_rows(copy, "transfers.csv", [row[::-1] for row in rows(copy, "transfers.csv")])
    assert checked(trade(), copy) == []


def test_a_custom_stage_order_checks_when_the_result_says_so(tmp_path):
    """solve --objective: objective_source says so, and only the stages asked for are there."""
    folder = solved(trade(), tmp_path / "r", order=("unmet", "deals", "fairness"))
    assert summary(folder)["objective_source"] == "--objective"
    assert summary(folder)["objectives"] == {"unmet": 2, "deals": 2, "fairness": 0.25}


# ---- summary.json ----------------------------------------------------------------------------


@pytest.mark.parametrize("stage", STAGES)
def test_every_stage_value_is_recomputed(copy, stage):
    """A stage value (in objectives and stages alike) that the files do not have."""
    wrong = TRADE_STAGES[stage] + 1
    set_stage(copy, stage, wrong)
    assert checked(trade(), copy) == [
        f"summary.json: objectives.{stage}: expected {TRADE_STAGES[stage]:g} (recomputed from "
        f"the files), found {wrong:g}"
    ]


def test_a_stage_value_edited_only_in_stages(copy):
    data = summary(copy)
    data["stages"]["fairness"]["value"] = 0.5
    write_summary(copy, data)
    assert checked(trade(), copy) == [
        "summary.json: stages.fairness.value: expected 0.25 (objectives.fairness), found 0.5"
    ]


def test_a_removed_stage(copy):
    data = summary(copy)
    del data["objectives"]["deals"]
    write_summary(copy, data)
    assert checked(trade(), copy) == [
        "summary.json: objectives.deals: a stage of objective_order is missing"
    ]


def test_a_stage_removed_everywhere(copy):
    """Taken out of objective_order, objectives and stages: the order is no longer the settings'."""
    data = summary(copy)
    data["objective_order"].remove("distance")
    del data["objectives"]["distance"]
    del data["stages"]["distance"]
    write_summary(copy, data)
    order = [s for s in STAGES if s != "distance"]
    assert checked(trade(), copy) == [
        f"summary.json: objective_order: expected the instance's objective.order {list(STAGES)}, "
        f"found {order} (objective_source is 'settings')"
    ]


@pytest.mark.parametrize(
    ("key", "path", "value", "expected"),
    [
        ("weights", ["weights", "housing"], 2, "1.0"),
        ("rules", ["rules", "balance_tolerance"], 5, "0.0"),
        ("rules", ["rules", "pass_through"], True, "false"),
        ("settings", ["settings", "objective", "order"], ["unmet"], json.dumps(list(STAGES))),
    ],
)
def test_edited_settings(copy, key, path, value, expected):
    data = summary(copy)
    node = data
    for part in path[:-1]:
        node = node[part]
    node[path[-1]] = value
    write_summary(copy, data)
    assert checked(trade(), copy) == [
        f"summary.json: {'.'.join(path)}: expected the instance's effective setting "
        f"{expected}, found {json.dumps(value)}"
    ]


def test_status_optimal_only_when_every_stage_is(copy):
    data = summary(copy)
    data["status"] = "time_limit"
    write_summary(copy, data)
    assert checked(trade(), copy) == [
        "summary.json: status: expected optimal (optimal only when every stage is), "
        "found time_limit"
    ]


def test_a_stage_not_proven_but_status_optimal(copy):
    data = summary(copy)
    data["stages"]["deals"] |= {"status": "time_limit", "gap": 0.5}
    data["solver"]["gap"] = 0.5
    write_summary(copy, data)
    assert checked(trade(), copy) == [
        "summary.json: status: expected time_limit (optimal only when every stage is), "
        "found optimal"
    ]


def test_an_extra_province(copy):
    data = summary(copy)
    data["provinces"]["R"] = data["provinces"]["Q"]
    write_summary(copy, data)
    assert checked(trade(), copy) == ["summary.json: provinces.R: not a province of the instance"]


def test_a_missing_province(copy):
    data = summary(copy)
    del data["provinces"]["Q"]
    write_summary(copy, data)
    assert checked(trade(), copy) == [
        "summary.json: provinces.Q: the instance's province is missing"
    ]


# ---- municipalities.csv, deals.csv, transfers.csv header ---------------------------------------


def test_an_extra_municipality_row(copy):
    table = rows(copy, "municipalities.csv")
    table.append(["Z"] + table[-1][1:])
    write_rows(copy, "municipalities.csv", table)
    assert checked(trade(), copy) == [
        f"municipalities.csv row {len(table)}: municipality Z is not in the instance"
    ]


def test_a_missing_municipality_row(copy):
    """H has no site and no transfer, so the result stays readable without its row."""
    table = [row for row in rows(copy, "municipalities.csv") if row[0] != "H"]
    write_rows(copy, "municipalities.csv", table)
    assert checked(trade(), copy) == [
        "municipalities.csv: municipality H (Gemeente H) of the instance is missing"
    ]


@pytest.mark.parametrize(
    ("written", "problem"),
    [
        ("1000", "expected the numbers 10, 10, found 10, 1000"),
        ("100", "expected the numbers 10, 10, found 10, 100"),
        ("10,5", "expected the numbers 10, 10, found 10, 10.5"),
        ("1", "expected the numbers 10, 10, found 1, 10"),
        ("10.000", "expected decimals with ',', found 10.000"),
    ],
)
def test_a_number_in_a_deal_sentence(copy, written, problem):
    """The sentence says something else than the 10 places the deal moves (no thousands
    separators are written, so 10.000 is a decimal point in a Dutch sentence)."""
    table = rows(copy, "deals.csv")
    table[1][2] = table[1][2].replace("10 reguliere", f"{written} reguliere")
    write_rows(copy, "deals.csv", table)
    sentence = f" in {table[1][2]!r}" if "numbers" in problem else ""
    assert checked(trade(), copy) == [
        f"deals.csv row 2, deal A (Gemeente A) - B (Gemeente B): description: {problem}{sentence}"
    ]


def test_a_deal_sentence_without_a_name(copy):
    table = rows(copy, "deals.csv")
    table[2][2] = table[2][2].replace("Gemeente C", "Gemeente Q")
    write_rows(copy, "deals.csv", table)
    assert checked(trade(), copy) == [
        f"deals.csv row 3, deal C (Gemeente C) - D (Gemeente D): description: expected the name "
        f"Gemeente C, found {table[2][2]!r}"
    ]


def test_a_deal_figure(copy):
    table = rows(copy, "deals.csv")
    header = table[0]
    table[2][header.index("voluntary")] = "4"
    write_rows(copy, "deals.csv", table)
    assert checked(trade(), copy) == [
        "deals.csv row 3, deal C (Gemeente C) - D (Gemeente D): voluntary: expected 5, found 4"
    ]


def test_a_missing_deal_row(copy):
    write_rows(copy, "deals.csv", rows(copy, "deals.csv")[:2])
    assert checked(trade(), copy) == [
        "deals.csv: deal C (Gemeente C) - D (Gemeente D) of transfers.csv is missing"
    ]


def test_a_swapped_from_to_header(copy):
    """The header says to,from over the same data: every transfer turns round. B then hands over
    10 places it does not have (no relaying), and every figure that follows is off."""
    table = rows(copy, "transfers.csv")
    table[0][:2] = ["to", "from"]
    write_rows(copy, "transfers.csv", table)
    violations = checked(trade(), copy)
    assert (
        "transfers.csv, B (Gemeente B): no_relaying: hands over 10 units of regular, expected "
        "at most its own task 0" in violations
    )
    assert any(
        v.startswith("municipalities.csv row 2, A (Gemeente A): regular_obligation")
        for v in violations
    )


# ---- the rules of a deal: tampered decisions ----------------------------------------------------


def test_per_deal_balance(copy):
    """A houses 8 instead of 10 of B's status holders: B performs 2 more than it gets back and has
    no willing_extra. Only transfers change: 23 units."""
    set_transfers(
        copy, [("A", "B", "regular", 10), ("B", "A", "housing", 8), ("C", "D", "regular", 5)]
    )
    restate(trade(), copy, transfers=23)
    assert checked(trade(), copy) == [
        "transfers.csv, deal A (Gemeente A) - B (Gemeente B): deal_balance: B (Gemeente B) "
        "performs 2 more value than it gets back; beyond the balance tolerance 0 that is 2 "
        "volunteered, expected at most its willing_extra 0"
    ]


def test_volunteering_beyond_willing_extra(tmp_path):
    """V takes 8 of S1's places instead of 6: each deal fits V's willing_extra of 12, together 14
    do not. S1 then keeps 2 unmet: unmet 6, transfers 14 (fairness stays 0.4, S2's share)."""
    inst = volunteer()
    folder = solved(inst, tmp_path / "r")
    assert summary(folder)["objectives"]["unmet"] == 8
    set_transfers(folder, [("S1", "V", "regular", 8), ("S2", "V", "regular", 6)])
    restate(inst, folder, unmet=6, transfers=14)
    assert checked(inst, folder) == [
        "transfers.csv, V (Gemeente V): willing_extra: volunteers 14 over its deals (8 with S1, "
        "6 with S2), expected at most its willing_extra 12"
    ]


def test_value_balance_per_municipality(tmp_path):
    """The same tamper under rules.balance = "municipality": V's total of 14 > 12 + 0."""
    inst = volunteer("municipality")
    folder = solved(inst, tmp_path / "r")
    set_transfers(folder, [("S1", "V", "regular", 8), ("S2", "V", "regular", 6)])
    restate(inst, folder, unmet=6, transfers=14)
    assert checked(inst, folder) == [
        "transfers.csv, V (Gemeente V): value_balance: takes on a value of 14, expected at most "
        "willing_extra + balance_tolerance = 12"
    ]


def test_pass_through(tmp_path):
    """X's 5 go to Y, and Y's own 5 to Z: Y takes over and hands over regular places. Both deals
    are voluntary within willing_extra; deals 2, distance 10 + 10 = 20 km, transfers 10, and the
    places of Y1 now hold X's task."""
    inst = chain()
    folder = solved(inst, tmp_path / "r")
    assert summary(folder)["objectives"]["deals"] == 1
    set_transfers(folder, [("X", "Y", "regular", 5), ("Y", "Z", "regular", 5)])
    restate(inst, folder, deals=2, distance=20, transfers=10)
    assert checked(inst, folder) == [
        "transfers.csv, Y (Gemeente Y): no_pass_through: takes over 5 units of regular (from X) "
        "and hands over 5 (to Z); expected one of the two to be 0"
    ]


def test_distance_limit(tmp_path):
    """Under max_distance_km = 30 N2 (10 km) takes N1's 5; moved to F (60 km) with the places of
    N2's site: distance 60."""
    inst = partners(max_distance_km=30)
    folder = solved(inst, tmp_path / "r")
    assert summary(folder)["objectives"]["distance"] == 10
    set_transfers(folder, [("N1", "F", "regular", 5)])
    set_places(folder, {"N2s": 0, "Fs": 5})
    restate(inst, folder, distance=60)
    assert checked(inst, folder) == [
        "transfers.csv, deal F (Gemeente F) - N1 (Gemeente N1): max_distance_km: expected at "
        "most 30 km, found 60 km"
    ]


def test_required_deal_missing(tmp_path):
    """N1 - F is locked, so F takes N1's 5 though N2 is nearer; moved to N2 with the places of
    F's site: distance 10."""
    inst = partners(deal_rules=[("N1", "F", "require")])
    folder = solved(inst, tmp_path / "r")
    assert summary(folder)["objectives"]["distance"] == 60
    set_transfers(folder, [("N1", "N2", "regular", 5)])
    set_places(folder, {"N2s": 5, "Fs": 0})
    restate(inst, folder, distance=10)
    assert checked(inst, folder) == [
        "transfers.csv, deal F (Gemeente F) - N1 (Gemeente N1): require: the deal is locked, "
        "expected transfers between them, found none"
    ]


def test_forbidden_deal_present(tmp_path):
    """N1 - N2 is off the table, so F takes N1's 5; moved to N2 with the places of F's site:
    distance 10."""
    inst = partners(deal_rules=[("N1", "N2", "forbid")])
    folder = solved(inst, tmp_path / "r")
    assert summary(folder)["objectives"]["distance"] == 60
    set_transfers(folder, [("N1", "N2", "regular", 5)])
    set_places(folder, {"N2s": 5, "Fs": 0})
    restate(inst, folder, distance=10)
    assert checked(inst, folder) == [
        "transfers.csv, deal N1 (Gemeente N1) - N2 (Gemeente N2): forbid: the deal is off the "
        "table, expected no transfers between them, found 5 units"
    ]


def test_max_deals_per_municipality(tmp_path):
    """At most one deal each; N1's 5 split over N2 (3 places) and F (2): deals 2, distance 70."""
    inst = partners(max_deals_per_municipality=1)
    folder = solved(inst, tmp_path / "r")
    set_transfers(folder, [("N1", "F", "regular", 2), ("N1", "N2", "regular", 3)])
    set_places(folder, {"N2s": 3, "Fs": 2})
    restate(inst, folder, deals=2, distance=70)
    assert checked(inst, folder) == [
        "transfers.csv, N1 (Gemeente N1): max_deals_per_municipality: expected at most 1 deals, "
        "found 2"
    ]


def test_declared_capacity(tmp_path):
    """H1 houses 11 of H2's status holders (it declared room for 10) for 11 of its places; H2 now
    keeps 1 unmet (a share of 1) and H1 1: unmet 2, fairness 1, transfers 22."""
    inst = declared(housing_extra_max=10)
    folder = solved(inst, tmp_path / "r")
    assert summary(folder)["objectives"]["fairness"] == pytest.approx(1 / 6, abs=1e-6)
    set_transfers(folder, [("H1", "H2", "regular", 11), ("H2", "H1", "housing", 11)])
    restate(inst, folder, fairness=1, transfers=22)
    assert checked(inst, folder) == [
        "transfers.csv, H1 (Gemeente H1): declared_capacity: obligation for housing of status "
        "holders expected at most 10 (task + housing_extra_max), found 11"
    ]


def test_no_relaying(tmp_path):
    """H1 hands over 13 places of its task of 12 (and houses 13 status holders back): H2 then has
    3 unmet, a share of 3: unmet 3, fairness 3, transfers 26."""
    inst = declared(housing_extra_max=20)
    folder = solved(inst, tmp_path / "r")
    set_transfers(folder, [("H1", "H2", "regular", 13), ("H2", "H1", "housing", 13)])
    restate(inst, folder, unmet=3, fairness=3, transfers=26)
    assert checked(inst, folder) == [
        "transfers.csv, H1 (Gemeente H1): no_relaying: hands over 13 units of regular, expected "
        "at most its own task 12"
    ]


def test_a_component_of_weight_0_is_not_traded(tmp_path):
    """Ukrainian places count for nothing here; U2 takes U1's 5 places on a voluntary basis. U2
    also taking U1's 3 Ukrainian places (it has room for them) adds no value: transfers 8."""
    inst = instance(
        [near("U1", 5, 0, ukraine_task=3), near("U2", 0, 10, willing_extra=5, ukraine_extra_max=3)],
        [site("U2s", "U2", hi=5)],
        weights={"ukraine": 0},
    )
    folder = solved(inst, tmp_path / "r")
    set_transfers(folder, [("U1", "U2", "regular", 5), ("U1", "U2", "ukraine", 3)])
    restate(inst, folder, transfers=8)
    assert checked(inst, folder) == [
        "transfers.csv row 3 (U1 -> U2, Ukrainian displaced persons): weights.ukraine is 0: "
        "Ukrainian displaced persons does not count and cannot be traded"
    ]


def test_places_above_a_site_maximum(copy):
    """E1 with 31 places (1 to 30): its over_preference, firm, preference and new_places follow."""
    table = rows(copy, "sites.csv")
    header = table[0]
    e1 = next(row for row in table if row[0] == "E1")
    e1[header.index("places")] = "31"
    e1[header.index("over_preference")] = "11"
    write_rows(copy, "sites.csv", table)
    restate(trade(), copy, firm=31, preference=11, new_places=52)
    assert checked(trade(), copy) == [
        "sites.csv row 4, site E1: places: expected 1 to 30, found 31"
    ]


# ---- deal sentences with decimals, in both languages --------------------------------------------


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_sentences_with_decimals_check(tmp_path, lang):
    """Housing counts half: A houses 5 of B's status holders (2.5) for 3 of its places: B
    volunteers 0.5, no whole unit, so the sentence names the value: "0,5" in Dutch, "0.5" in
    English. A decimal with the other language's separator is a violation."""
    inst = instance(
        [near("A", 3, 0, housing_extra_max=5), near("B", 0, 10, housing_task=5, willing_extra=1)],
        [site("B1", "B", hi=3)],
        weights={"housing": 0.5},
    )
    folder = solved(inst, tmp_path / "r", lang=lang)
    set_transfers(folder, [("A", "B", "regular", 3), ("B", "A", "housing", 5)])
    restate(inst, folder, lang, transfers=8)
    sentence = read_result(folder).deals["description"][0]
    decimal, other = ("0,5", "0.5") if lang == "nl" else ("0.5", "0,5")
    assert decimal in sentence
    assert check(inst, read_result(folder)) == []
    table = rows(folder, "deals.csv")
    table[1][2] = sentence.replace(decimal, other)
    write_rows(folder, "deals.csv", table)
    assert checked(inst, folder) == [
        f"deals.csv row 2, deal A (Gemeente A) - B (Gemeente B): description: expected decimals "
        f"with {decimal[1]!r}, found {other}"
    ]


# ---- the command -----------------------------------------------------------------------------


def test_the_check_command_exits_1_on_a_tampered_folder_and_0_on_a_clean_one(tmp_path):
    instance_folder = write_folder(
        tmp_path / "instance",
        municipalities="code,name,province,population,reception_task,amv_task,willing_extra\n"
        "GM0001,Aa,P,1000,5,0,0\nGM0002,Bb,P,1000,0,0,5\n",
        sites="id,municipality,kind,status,min_places,max_places\nS1,GM0002,regular,existing,0,5\n",
    )
    inst = read_instance(instance_folder)
    folder = solved(inst, tmp_path / "result")
    run = CliRunner().invoke
    clean = run(main, ["check", str(instance_folder), str(folder)])
    assert clean.exit_code == 0, clean.output
    assert "ok" in clean.output
    set_stage(folder, "transfers", 4)
    tampered = run(main, ["check", str(instance_folder), str(folder)])
    assert tampered.exit_code == 1, tampered.output
    assert "violation: summary.json: objectives.transfers: expected 5" in tampered.output
