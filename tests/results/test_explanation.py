"""model/results/explanation.py: the balance sheet, surplus places, the exact chance that the test holds,
and [meta], each on an instance small enough to work out by hand (in the docstrings)."""

from __future__ import annotations

import itertools
import json
import math
from functools import cache
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from openpyxl import load_workbook

from builders import (  # english: autouse, the messages these tests read are English
    SETTINGS,
    SITES,
    TOY,
    english,  # noqa: F401
    make_instance,
    municipality,
    run,
    site,
    write_folder,
)
from model.core.errors import InputError
from model.io.reading import read_instance, read_raw
from model.lang import text
from model.optimise.solve import solve
from model.reports.html_report import render
from model.reports.presentation import Package
from model.reports.workbook import write_workbook
from model.results import explanation
from model.results.explanation import (
    balance_sheet,
    carried_by_surplus,
    chance_of_passing,
    distribution,
    realisation,
    surplus,
    verdict,
    with_explanation,
)
from model.results.folder import read_result, write_result
from model.results.markdown import markdown
from model.results.result import Result, build_result


def solved(instance, lang: str = "nl") -> Result:
    return with_explanation(build_result(instance, solve(instance), lang=lang), instance)


@cache
def toy() -> Result:
    """The toy solved: its README derives the package by hand (three deals, Beekstad 320 and
    Cedam 180 places, Aadorp and Dijkhoven 30 short)."""
    return solved(read_instance(TOY))


# ---- 1. balance sheet -------------------------------------------------------------------------


def test_the_balance_sheet_of_the_toy():
    """The toy's README: Aadorp hands 60 places to Beekstad and 30 to Cedam and houses their 90
    status holders; Cedam also takes 50 of Dijkhoven's places on a voluntary basis (value +50,
    Dijkhoven -50). Beekstad's B1 and B2 (existing) hold 320 places, Cedam's C1 (decided) 180; all
    firm. Aadorp and Dijkhoven have no counted site: 30 unmet each, never covered. Beekstad covers
    its 260 with existing sites (chance 1), Cedam its 180 exactly with C1 (decided: 0.95)."""
    sheet = balance_sheet(toy()).set_index("name")
    assert (
        sheet.loc["Aadorp", "hands_over"] == "Beekstad: 60 opvangplekken; Cedam: 30 opvangplekken"
    )
    assert (
        sheet.loc["Aadorp", "takes_over"] == "Beekstad: 60 statushouders; Cedam: 30 statushouders"
    )
    assert sheet.loc["Cedam", "takes_over"] == (
        "Dijkhoven: 50 opvangplekken; Aadorp: 30 opvangplekken"
    )
    assert sheet.loc["Dijkhoven", "takes_over"] == ""
    assert sheet["value_change"].to_dict() == {
        "Aadorp": 0,
        "Beekstad": 0,
        "Cedam": 50,
        "Dijkhoven": -50,
    }
    assert sheet["voluntary"].to_dict() == {"Aadorp": 0, "Beekstad": 0, "Cedam": 50, "Dijkhoven": 0}
    assert sheet["firm_places"].to_dict() == {
        "Aadorp": 0,
        "Beekstad": 320,
        "Cedam": 180,
        "Dijkhoven": 0,
    }
    assert sheet["soft_places"].sum() == 0
    assert sheet["unmet"].to_dict() == {"Aadorp": 30, "Beekstad": 0, "Cedam": 0, "Dijkhoven": 30}
    assert sheet.loc["Beekstad", ["regular_task", "amv_task", "housing_task"]].tolist() == [
        180,
        20,
        60,
    ]
    assert sheet["covered_chance"].to_dict() == {
        "Aadorp": 0,
        "Beekstad": 1,
        "Cedam": 0.95,
        "Dijkhoven": 0,
    }


def test_the_balance_sheet_in_english_and_one_unit():
    """One unit is singular; the partner texts follow the language asked for."""
    instance = make_instance(
        [
            municipality("A", 1, housing_task=0, housing_extra_max=1),
            municipality("B", 0, housing_task=1),
        ],
        [site("SB", "B", lo=1, hi=1)],
    )
    sheet = balance_sheet(solved(instance), "en").set_index("code")
    assert sheet.loc["A", "hands_over"] == "Gemeente B: 1 reception place"
    assert sheet.loc["A", "takes_over"] == "Gemeente B: 1 status holder"


# ---- 4. surplus places ------------------------------------------------------------------------


def three() -> Result:
    """A (task 100, a site of exactly 150), B (task 100, exactly 100), C (task 50, no site, nothing
    to give back, so no deal): the province counts 250 places for its task of 250 and passes,
    but C leaves 50 unmet. A's 50 places above its own task carry the test: without them the
    province would count 200, 50 short."""
    return solved(
        make_instance(
            [municipality("A", 100), municipality("B", 100), municipality("C", 50)],
            [site("SA", "A", lo=150, hi=150), site("SB", "B", lo=100, hi=100)],
        )
    )


def test_surplus_places_carry_the_provincial_test():
    result = three()
    assert surplus(result) == {"A": 50}
    assert carried_by_surplus(result, "P") == {
        "surplus": {"A": 50},
        "total": 50,
        "short_without": 50,
    }
    assert verdict(result, "P", "nl") == (
        "De provincie haalt de opgave dankzij 50 plekken boven de eigen opgave bij Gemeente A "
        "(50); zonder die plekken kwam zij 50 plekken tekort."
    )
    assert result.summary["explanation"]["surplus"] == {"A": 50}


def test_surplus_that_the_test_does_not_need_is_not_in_the_verdict():
    """A (task 100, 150 places) and B (task 100, 120 places): 270 places for a task of 200, and
    every municipality covers its own: 70 places above obligations, but 270 - 70 = 200 is the
    task, so the province passes without them. A province that fails gets the plain verdict."""
    passing = solved(
        make_instance(
            [municipality("A", 100), municipality("B", 100)],
            [site("SA", "A", lo=150, hi=150), site("SB", "B", lo=120, hi=120)],
        )
    )
    assert surplus(passing) == {"A": 50, "B": 20}
    assert carried_by_surplus(passing, "P") is None
    assert verdict(passing, "P", "nl") == text("nl", "report.test_ok")
    failing = solved(make_instance([municipality("A", 100)], [site("SA", "A", lo=50, hi=50)]))
    assert carried_by_surplus(failing, "P") is None
    assert verdict(failing, "P", "en") == text("en", "report.test_short")


# ---- 6. how firm: the dynamic programme -------------------------------------------------------


def test_the_distribution_of_two_sites_capped():
    """10 and 20 units with chances 0.5 and 0.7, capped at 25: 0 with 0.5 x 0.3, 10 with
    0.5 x 0.3, 20 with 0.5 x 0.7, and 30 (capped to 25) with 0.5 x 0.7."""
    odds = distribution([10, 20], [0.5, 0.7], 25)
    assert {t: round(p, 12) for t, p in enumerate(odds) if p} == {
        0: 0.15,
        10: 0.15,
        20: 0.35,
        25: 0.35,
    }


def test_two_sites_both_needed():
    """Sites of 60 and 50 places, chances 0.5 and 0.7, need 100: only both together reach it,
    P(pass) = 0.5 x 0.7 = 0.35. Expected shortfall: none realised 0.5 x 0.3 x 100 = 15, only
    the 60 0.5 x 0.3 x 40 = 6, only the 50 0.5 x 0.7 x 50 = 17.5, both 0: 38.5."""
    passes, expected = chance_of_passing([60, 50], [0.5, 0.7], [False, False], 100, 0)
    assert passes == pytest.approx(0.35, abs=1e-12)
    assert expected == pytest.approx(38.5, abs=1e-9)


def test_the_amv_condition_is_joint():
    """A regular site of 200 and an AMV site of 20 places, chance 0.5 each; task 110, of which
    AMV 10. The regular site alone reaches 110, but the AMV test needs the AMV site: P(pass) =
    0.25, not 0.5. Shortfall: neither (0.25) 110 + 10, regular only (0.25) 0 + 10, AMV only
    (0.25) 90 + 0, both 0: E = 30 + 2.5 + 22.5 = 55."""
    passes, expected = chance_of_passing([200, 20], [0.5, 0.5], [False, True], 110, 10)
    assert passes == pytest.approx(0.25, abs=1e-12)
    assert expected == pytest.approx(55, abs=1e-9)


def test_fractional_status_weights_are_counted_exactly_and_a_site_may_set_its_own_chance():
    """Ten existing sites of 1 place each, status weight 0.1: each counts 0.1 place, and the
    municipality's task of 1 needs all ten. In floating point 0.1 added ten times is
    0.9999999999999999 < 1, so a sum of floats would never pass; in tenths it passes exactly
    when all ten are realised. Each site sets its own chance 0.9 (sites.csv realisation), so
    P(pass) = 0.9^10 = 0.3486784401; the expected shortfall is 1 - E[places] = 1 - 10 x 0.1 x 0.9
    = 0.1 place (the places never exceed the need)."""
    instance = make_instance(
        [municipality("A", 1)],
        [site(f"S{n}", "A", lo=1, hi=1, realisation=0.9) for n in range(10)],
        rules={"status_weight": {"existing": 0.1}},
    )
    odds = realisation(instance, solved(instance))
    assert odds["province"] == pytest.approx(0.9**10, abs=1e-6)
    assert odds["expected_shortfall"] == pytest.approx(0.1, abs=1e-6)
    assert odds["municipalities"]["A"] == odds["province"]


def test_the_chance_by_status_from_the_settings():
    """One decided site of 100 places for a task of 100 (chance 0.95 by default), then with
    rules.realisation.decided = 0.6: the chance follows the setting, and a site's own column
    overrides both (0.3)."""
    rows, task = [municipality("A", 100)], dict(lo=100, hi=100, status="decided")
    default = make_instance(rows, [site("S", "A", **task)])
    assert realisation(default, solved(default))["province"] == 0.95
    rules = {"realisation": {"decided": 0.6}}
    set_ = make_instance(rows, [site("S", "A", **task)], rules=rules)
    assert realisation(set_, solved(set_))["province"] == 0.6
    own = make_instance(rows, [site("S", "A", realisation=0.3, **task)], rules=rules)
    assert realisation(own, solved(own))["province"] == 0.3


def test_several_provinces_each_get_their_chance_and_no_shorthand():
    """P: an existing site of exactly its task of 10 (chance 1); Q: the same, but the site's own
    chance is 0.5, so Q passes with 0.5 and lacks 10 places otherwise (expected 5). Two
    provinces: no single-province shorthand."""
    instance = make_instance(
        [municipality("A", 10), municipality("B", 10, province="Q")],
        [site("SA", "A", lo=10, hi=10), site("SB", "B", lo=10, hi=10, realisation=0.5)],
    )
    odds = realisation(instance, solved(instance))
    assert odds == {
        "provinces": {
            "P": {"pass": 1, "expected_shortfall": 0},
            "Q": {"pass": 0.5, "expected_shortfall": 5},
        },
        "municipalities": {"A": 1, "B": 0.5},
    }


def test_a_chance_too_fine_to_compute_exactly_is_not_computed(monkeypatch):
    """Sites of 37 and 63 places for a task of 100 need the totals 0 to 100 (their greatest
    common step is 1 place): with room for 10 totals the chance is None, and the report says so."""
    monkeypatch.setattr(explanation, "MAX_STATES", 10)
    sites = [site("S", "A", lo=37, hi=37), site("T", "A", lo=63, hi=63)]
    result = solved(make_instance([municipality("A", 100)], sites))
    odds = result.summary["explanation"]["probability"]
    assert odds["province"] is None and odds["municipalities"]["A"] is None
    assert explanation.firmness_line(result.summary, "P", "nl") == text(
        "nl", "firm.not_computed", province="P"
    )


def brute_force(units, chances, amv, need, amv_need):
    """Every subset of realised sites, its probability and whether it passes."""
    passes = expected = 0.0
    for realised in itertools.product([False, True], repeat=len(units)):
        p = math.prod(c if r else 1 - c for c, r in zip(chances, realised, strict=True))
        total = sum(u for u, r in zip(units, realised, strict=True) if r)
        amv_total = sum(u for u, r, a in zip(units, realised, amv, strict=True) if r and a)
        passes += p * (total >= need and amv_total >= amv_need)
        expected += p * (max(0, need - total) + max(0, amv_need - amv_total))
    return passes, expected


@settings(max_examples=60, deadline=None)
@given(
    sites=st.lists(
        st.tuples(st.integers(0, 40), st.sampled_from([0.0, 0.3, 0.5, 1.0]), st.booleans()),
        max_size=7,
    ),
    need=st.integers(0, 120),
    amv_share=st.floats(0, 1),
)
def test_the_dynamic_programme_equals_every_subset_counted(sites, need, amv_share):
    units = [u for u, _, _ in sites]
    chances = [c for _, c, _ in sites]
    amv = [a for _, _, a in sites]
    amv_need = math.floor(amv_share * need)
    found = chance_of_passing(units, chances, amv, need, amv_need)
    assert found == pytest.approx(brute_force(units, chances, amv, need, amv_need), abs=1e-9)


# ---- 7. real or illustrative ------------------------------------------------------------------

META = """
[meta]
illustrative = true
source = "Opgaven: Staatscourant; locaties verzonnen"

[meta.notes]
"sites.max_places" = "schatting van de gemeente"
"""


def test_meta_round_trips_through_a_workbook_and_back(tmp_path):
    """folder -> workbook -> folder: the same settings, the note key with its dot intact."""
    folder = write_folder(tmp_path / "i", SETTINGS + META)
    assert run("convert", folder, tmp_path / "i.xlsx").exit_code == 0
    sheet = load_workbook(tmp_path / "i.xlsx")["settings"]
    assert ["meta.notes.sites.max_places", "schatting van de gemeente"] in [
        [c.value for c in row] for row in sheet.iter_rows()
    ]
    assert run("convert", tmp_path / "i.xlsx", tmp_path / "back").exit_code == 0
    meta = read_raw(tmp_path / "back").settings.meta
    assert meta == read_raw(folder).settings.meta
    assert meta.notes == {"sites.max_places": "schatting van de gemeente"}
    assert meta.illustrative is True


@pytest.mark.parametrize(
    ("toml", "expected"),
    [
        ('[meta]\nillustrative = "ja"\n', "setting 'meta.illustrative': expected true or false"),
        ("[meta]\nillustratief = true\n", "did you mean 'meta.illustrative'?"),
        ('[meta]\nsource = "' + "x" * 2001 + '"\n', "at most 2,000 characters, got 2,001"),
        ('[meta.notes]\n"gemeenten.naam" = "x"\n', "table one of municipalities, sites, deals"),
        (
            '[meta.notes]\n"sites.max_place" = "x"\n',
            "sites.csv has no column 'max_place': did you mean 'sites.max_places'?",
        ),
        (
            "[rules.realisation]\nidea = 1.5\n",
            "setting 'rules.realisation.idea': expected at most 1",
        ),
        ("[rules.realisation]\nplanned = true\n", "rules.realisation.planned': expected a number"),
        ("[rules.realisation]\nplanned = nan\n", "rules.realisation.planned': expected a finite"),
        ("[rules.realisation]\nplaned = 0.5\n", "did you mean 'rules.realisation.planned'?"),
    ],
)
def test_meta_and_realisation_are_checked(tmp_path, toml, expected):
    result = run("validate", write_folder(tmp_path / "i", SETTINGS + toml))
    assert result.exit_code == 2
    assert expected in result.output


def test_a_site_chance_out_of_range_is_refused(tmp_path):
    sites = SITES.replace("cost_per_place\n", "cost_per_place,realisation\n", 1)
    sites = sites.replace(
        "S1,GM0001,Azc,regular,existing,100,300,,,", "S1,GM0001,Azc,regular,existing,100,300,,,,1.5"
    )
    with pytest.raises(InputError, match="column 'realisation': expected a number from 0 to 1"):
        read_instance(write_folder(tmp_path / "i", sites=sites))


def reports(result: Result, tmp_path: Path, lang: str) -> tuple[str, str, str]:
    """report.md, the text of report.html before its first section, and A2 of Samenvatting."""
    page = render(Package(result), lang)
    write_workbook(Package(result), tmp_path / "r.xlsx", lang)
    summary_sheet = load_workbook(tmp_path / "r.xlsx").worksheets[0]
    return markdown(result), page[: page.index("<section")], summary_sheet["A2"].value


def test_every_report_says_first_whether_the_numbers_are_real(tmp_path):
    instance = make_instance(
        [municipality("A", 10)],
        [site("S", "A", lo=10, hi=10)],
        meta={"illustrative": True, "source": "verzonnen"},
    )
    result = solved(instance)
    line = "Gegevens: illustratief, niet het echte plan. Bron: verzonnen"
    md, head, cell = reports(result, tmp_path, "nl")
    assert md.splitlines()[2] == line  # under the title
    assert line in head and cell == line
    assert result.summary["explanation"]["data"] == {
        "illustrative": True,
        "source": "verzonnen",
        "notes": {},
    }
    unsaid = solved(make_instance([municipality("A", 10)], [site("S", "A", lo=10, hi=10)]), "en")
    md, head, cell = reports(unsaid, tmp_path, "en")
    line = "Data: not stated whether the figures are real or illustrative. Source: not stated"
    assert md.splitlines()[2] == line and line in head and cell == line


def test_a_result_folder_keeps_the_explanation_and_reports_need_no_instance(tmp_path):
    """Written and read back, the balance sheet is the same, and the chance comes from
    summary.json: `uitruil report` has only the result folder."""
    write_result(toy(), tmp_path / "toy")
    back = read_result(tmp_path / "toy")
    assert back.summary["explanation"] == json.loads(json.dumps(toy().summary["explanation"]))
    pd.testing.assert_frame_equal(balance_sheet(back), balance_sheet(toy()), check_dtype=False)
    md = (tmp_path / "toy" / "report.md").read_text(encoding="utf-8")
    assert text("nl", "firm.province", province="Voorbeeldland", p="95 %", x="9") in md


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        ({"surplus": {"GM9999": 5}}, "'explanation.surplus' names 'GM9999'"),
        (
            {"probability": {"provinces": {}, "municipalities": {"GM9001": 1.5}}},
            "field 'explanation.probability.municipalities.GM9001'",
        ),
        ({"data": {"illustrative": "ja"}}, "field 'explanation.data.illustrative'"),
    ],
)
def test_a_damaged_explanation_is_named_when_read_back(tmp_path, change, expected):
    folder = tmp_path / "toy"
    write_result(toy(), folder)
    summary = json.loads((folder / "summary.json").read_text(encoding="utf-8"))
    summary["explanation"] |= change
    (folder / "summary.json").write_text(json.dumps(summary), encoding="utf-8")
    with pytest.raises(InputError) as error:
        read_result(folder)
    assert expected in str(error.value)


def test_a_result_written_before_the_explanation_still_gets_its_reports(tmp_path):
    """An older result folder has no `explanation`: the reports say the data are not stated and
    leave the chances out, rather than failing."""
    folder = tmp_path / "old"
    write_result(toy(), folder)
    summary = json.loads((folder / "summary.json").read_text(encoding="utf-8"))
    del summary["explanation"]
    (folder / "summary.json").write_text(json.dumps(summary), encoding="utf-8")
    result = run("report", folder, "--lang", "nl")
    assert result.exit_code == 0, result.output
    page = (folder / "report.html").read_text(encoding="utf-8")
    assert text("nl", "data.unknown") in page
    assert text("nl", "tile.chance") not in page
    assert balance_sheet(read_result(folder))["covered_chance"].isna().all()
