"""Scenario files (docs/scenarios.md): parsing, applying in memory, errors, and `solve --scenario`."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pandas as pd
import pytest

from builders import (
    HALF_AND_CLOSED,
    OVERIJSSEL,
    TOY,
    assert_same_instance,
    english,  # noqa: F401 (autouse: the messages these tests read are English)
    run,
    write,
)
from model.core.errors import InputError
from model.io.reading import instance_from_raw, read_instance, read_raw
from model.io.writing import write_instance
from model.whatif.scenario import (
    apply_scenario,
    apply_scenarios,
    parse_scenario,
    parse_sets,
    read_scenario,
    setting_scenario,
    sweep_scenarios,
)


def scenario(tree: dict) -> object:
    return parse_scenario(tree, "s.toml", "s")


def test_an_override_changes_exactly_what_it_names(tmp_path):
    base = read_raw(TOY)
    changed = apply_scenario(base, read_scenario(write(tmp_path, "s.toml", HALF_AND_CLOSED)))

    assert changed.settings.weights.housing == 0.5
    assert changed.settings.rules.exchange_scope == "none"
    assert changed.settings.weights.model_dump() == {
        **base.settings.weights.model_dump(),
        "housing": 0.5,
    }
    assert changed.settings.name == base.settings.name

    m_before, m_after = base.municipalities, changed.municipalities
    differs = m_before.ne(m_after) & ~(m_before.isna() & m_after.isna())
    assert list(differs.stack()[differs.stack()].index) == [(2, "housing_extra_max")]
    assert m_after.at[2, "housing_extra_max"] == 0

    s_before, s_after = base.sites.set_index("id"), changed.sites.set_index("id")
    assert set(s_before.index) - set(s_after.index) == {"A2"}
    assert set(s_after.index) - set(s_before.index) == {"D1"}
    kept = s_before.index.drop("A2")
    pd.testing.assert_frame_equal(s_after.loc[kept], s_before.loc[kept])
    d1 = s_after.loc["D1"]
    assert (d1["municipality"], d1["kind"], d1["status"]) == ("GM9004", "municipal", "decided")
    assert (d1["min_places"], d1["max_places"]) == (10, 60)
    assert pd.isna(d1["name"]) and pd.isna(d1["available_from"])


def test_the_base_instance_is_left_as_it_was(tmp_path):
    base = read_raw(TOY)
    before = base.municipalities.copy(), base.sites.copy(), dict(base.settings_given)
    apply_scenario(base, read_scenario(write(tmp_path, "s.toml", HALF_AND_CLOSED)))
    pd.testing.assert_frame_equal(base.municipalities, before[0])
    pd.testing.assert_frame_equal(base.sites, before[1])
    assert base.settings_given == before[2]


def test_settings_merge_key_by_key_into_nested_tables():
    """Overijssel says exchange_scope = "region"; a scenario on status weights keeps it."""
    base = read_raw(OVERIJSSEL)
    tree = {"settings": {"rules": {"status_weight": {"idea": 0}}}}
    rules = apply_scenario(base, scenario(tree)).settings.rules
    assert rules.exchange_scope == "region"
    assert rules.status_weight.model_dump() == {
        "existing": 1.0,
        "decided": 1.0,
        "planned": 1.0,
        "idea": 0.0,
    }


def test_an_empty_text_clears_an_optional_cell():
    base = read_raw(TOY)
    tree = {"municipality": [{"code": "GM9003", "willing_extra": ""}]}
    changed = apply_scenario(base, scenario(tree))
    assert pd.isna(changed.municipalities.set_index("code").at["GM9003", "willing_extra"])
    assert instance_from_raw(changed).municipalities.at["GM9003", "willing_extra"] == 0.0


def test_scenarios_apply_in_the_given_order():
    base = read_raw(TOY)
    first = scenario({"municipality": [{"code": "GM9001", "housing_extra_max": 5}]})
    second = scenario({"municipality": [{"code": "GM9001", "housing_extra_max": 7}]})
    cell = ("GM9001", "housing_extra_max")
    for order, expected in (([first, second], 7), ([second, first], 5)):
        changed = apply_scenarios(base, order).municipalities.set_index("code")
        assert changed.at[cell] == expected


@pytest.mark.parametrize(
    "instance,text",
    [
        (TOY, HALF_AND_CLOSED),
        (
            OVERIJSSEL,
            (OVERIJSSEL / "scenarios" / "soft-plans-do-not-count.toml").read_text("utf-8")
            + '\n[[municipality]]\ncode = "GM0141"\nmax_site_size = 150\nses_woa = 0.125\n',
        ),
    ],
)
def test_a_scenario_equals_its_changes_written_into_the_files(tmp_path, instance, text):
    """Applied in memory or written with write_instance and read back: the same Instance."""
    changed = apply_scenario(read_raw(instance), read_scenario(write(tmp_path, "s.toml", text)))
    write_instance(changed, tmp_path / "written")
    assert_same_instance(instance_from_raw(changed), read_instance(tmp_path / "written"))


def test_the_example_scenarios_of_overijssel_change_what_they_say():
    base = read_raw(OVERIJSSEL)
    folder = OVERIJSSEL / "scenarios"
    almelo = apply_scenario(base, read_scenario(folder / "almelo-azc-closes.toml"))
    assert set(base.sites["id"]) - set(almelo.sites["id"]) == {"OV-35"}
    assert base.sites.set_index("id").at["OV-35", "name"] == "azc Almelo"
    half = apply_scenario(base, read_scenario(folder / "housing-counts-half.toml"))
    assert half.settings.weights.housing == 0.5
    soft = apply_scenario(base, read_scenario(folder / "soft-plans-do-not-count.toml"))
    weights = soft.settings.rules.status_weight
    assert (weights.planned, weights.idea, weights.decided) == (0, 0, 1)
    rules = {
        "balance-per-municipality": ("balance", "municipality"),
        "pass-through-allowed": ("pass_through", True),
        "neighbours-only": ("max_distance_km", 25),
        "no-exchange": ("exchange_scope", "none"),
    }
    for stem, (key, value) in rules.items():
        changed = apply_scenario(base, read_scenario(folder / f"{stem}.toml"))
        assert getattr(changed.settings.rules, key) == value != getattr(base.settings.rules, key)
        others = {k: v for k, v in changed.settings.rules.model_dump().items() if k != key}
        assert others == {k: v for k, v in base.settings.rules.model_dump().items() if k != key}


BAD = {
    "unknown code": (
        '[[municipality]]\ncode = "GM9999"\nhousing_extra_max = 1\n',
        "s.toml, row 1, column 'code': [[municipality]] 'GM9999': unknown code",
    ),
    "unknown id": (
        '[[site]]\nid = "Z9"\nremove = true\n',
        "s.toml, row 1, column 'id': [[site]] 'Z9': unknown id",
    ),
    "unknown setting": (
        "[settings]\nweights = { housin = 0.5 }\n",
        "s.toml: setting 'weights.housin': unknown setting (did you mean 'weights.housing'?)",
    ),
    "new site missing a required column": (
        '[[site]]\nid = "N1"\nmunicipality = "GM9001"\nkind = "small"\nmin_places = 50\n',
        "a new site needs every required column, missing: status, max_places",
    ),
    "bad value type": (
        'name = "x"\n\n[[site]]\nid = "B1"\nmax_places = "many"\n',
        "s.toml, row 3, column 'max_places': [[site]] 'B1': expected a whole number from 0 to 10,000,000, got 'many'",
    ),
    "bad setting value": (
        "[settings]\nweights = { housing = 101 }\n",
        "s.toml: setting 'weights.housing': expected at most 100, got 101",
    ),
    "unknown column": (
        '[[municipality]]\ncode = "GM9001"\npopulaton = 1\n',
        "unknown column 'populaton' (did you mean 'population'?)",
    ),
    "site in an unknown municipality": (
        '[[site]]\nid = "B1"\nmunicipality = "GM0000"\n',
        "[[site]] 'B1': unknown municipality 'GM0000'",
    ),
    "min above max": (
        '[[site]]\nid = "B1"\nmin_places = 500\n',
        "[[site]] 'B1': min_places (500) must not exceed max_places (400)",
    ),
    "region scope without regions": (
        '[settings]\nrules = { exchange_scope = "region" }\n\n'
        '[[municipality]]\ncode = "GM9002"\nregion = ""\n',
        "s.toml, row 4, column 'region': [[municipality]] 'GM9002': expected text, got a blank",
    ),
    "remove with other columns": (
        '[[site]]\nid = "B1"\nremove = true\nmax_places = 10\n',
        "remove = true drops the site; give no other columns",
    ),
    "unknown top-level key": ("colour = 1\n", "s.toml, column 'colour': unknown key 'colour'"),
    "not TOML": ("[[site]\n", "s.toml: is not valid TOML"),
}


@pytest.mark.parametrize("case", sorted(BAD))
def test_a_bad_scenario_exits_2_naming_the_scenario_file(tmp_path, case):
    text, expected = BAD[case]
    path = write(tmp_path, "s.toml", text)
    result = run("solve", TOY, "--scenario", path, "--out", tmp_path / "out")
    assert result.exit_code == 2, result.output
    assert "Traceback" not in result.output
    assert expected in result.stderr
    assert all(line.startswith("error: s.toml") for line in result.stderr.splitlines())
    assert not (tmp_path / "out").exists()


def test_all_problems_of_a_scenario_are_listed_at_once(tmp_path):
    text = BAD["unknown code"][0] + BAD["bad value type"][0].replace('name = "x"\n', "")
    result = run("solve", TOY, "--scenario", write(tmp_path, "s.toml", text))
    assert result.exit_code == 2
    assert "unknown code" in result.stderr and "got 'many'" in result.stderr


def test_a_missing_scenario_file_exits_2(tmp_path):
    result = run("solve", TOY, "--scenario", tmp_path / "nowhere.toml")
    assert result.exit_code == 2
    assert "nowhere.toml: scenario file cannot be read" in result.stderr


def test_solve_with_scenarios_lists_their_names_and_writes_beside_the_baseline(
    tmp_path, monkeypatch
):
    monkeypatch.chdir(tmp_path)
    first = write(tmp_path, "half.toml", HALF_AND_CLOSED)
    second = write(tmp_path, "cedam.toml", '[[municipality]]\ncode = "GM9003"\nwilling_extra = 0\n')
    result = run("solve", TOY, "--scenario", first, "--scenario", second)
    assert result.exit_code == 0, result.output
    summary = json.loads(Path("results/toy+half+cedam/summary.json").read_text("utf-8"))
    assert summary["scenarios"] == ["Housing counts half; the sporthal in Aadorp closes", "cedam"]
    assert summary["weights"]["housing"] == 0.5
    sites = pd.read_csv("results/toy+half+cedam/sites.csv")
    assert "A2" not in set(sites["id"]) and "D1" in set(sites["id"])


# ---- sweeps -----------------------------------------------------------------------------------


def test_set_values_take_the_type_of_the_setting():
    raw = read_raw(TOY)
    cases = {
        ("weights.housing", "0.5"): 0.5,
        ("rules.exchange_scope", "none"): "none",
        ("reference_date", "2026-01-01"): dt.date(2026, 1, 1),
        ("rules.transferable", "regular+housing"): ("regular", "housing"),
        ("rules.max_deals_per_municipality", "2"): 2,
    }
    for (key, value), expected in cases.items():
        node = apply_scenario(raw, setting_scenario([(key, value)])).settings
        for part in key.split("."):
            node = getattr(node, part)
        assert node == expected and type(node) is type(expected), key
    assert setting_scenario([("weights.housing", "0.5")]).settings == {"weights": {"housing": 0.5}}


def test_a_sweep_is_every_combination_named_by_its_values():
    sets = parse_sets(["weights.housing=0.5,1", "rules.exchange_scope=province,none"])
    names = [s.name for s in sweep_scenarios(read_raw(TOY), sets)]
    assert names == [
        "weights.housing=0.5, rules.exchange_scope=province",
        "weights.housing=0.5, rules.exchange_scope=none",
        "weights.housing=1, rules.exchange_scope=province",
        "weights.housing=1, rules.exchange_scope=none",
    ]
    stems = [s.stem for s in sweep_scenarios(read_raw(TOY), sets)]
    assert stems[0] == "housing=0.5_exchange_scope=province"


@pytest.mark.parametrize(
    "option,expected",
    [
        ("weights.housing", "--set: 'weights.housing': expected KEY=VALUE,VALUE"),
        ("weights.housing=0.5,", "expected KEY=VALUE,VALUE"),
        ("weights.housin=0.5", "--set weights.housin=0.5: setting 'weights.housin': unknown"),
        ("weights.housing=abc", "--set weights.housing=abc: setting 'weights.housing': expected"),
        (
            "weights.housing=-1",
            "--set weights.housing=-1: setting 'weights.housing': expected at least 0",
        ),
        ("rules.exchange_scope=regio", "expected 'province', 'region' or 'none', got 'regio'"),
        ("weights..housing=1", "malformed key"),
    ],
)
def test_a_bad_set_exits_2(tmp_path, option, expected):
    result = run("sweep", TOY, "--set", option, "--out", tmp_path / "out")
    assert result.exit_code == 2, result.output
    assert "Traceback" not in result.output
    assert expected in result.stderr
    assert not (tmp_path / "out").exists()


def test_a_key_set_twice_is_refused():
    with pytest.raises(InputError, match="set twice"):
        parse_sets(["weights.housing=1", "weights.housing=2"])
