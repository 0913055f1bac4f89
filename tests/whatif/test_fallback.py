"""The minister's fallback (docs/scenarios.md, "Without agreement"): hand-worked, and end to end."""

from __future__ import annotations

import io

import pandas as pd
import pytest

from builders import (
    TOY,
    english,  # noqa: F401 (autouse: the messages these tests read are English)
    make_instance,
    municipality,
    run,
    write,
)
from model.core.errors import InputError
from model.whatif.fallback import FALLBACK_COLUMNS, fallback

B1_CLOSES = 'name = "azc Beekstad sluit"\n\n[[site]]\nid = "B1"\nremove = true\n'


def result_table(places: dict[str, float], instance) -> pd.DataFrame:
    """The columns of a result's municipalities.csv that the fallback reads."""
    m = instance.municipalities
    return pd.DataFrame(
        {
            "code": list(places),
            "regular_task": [m.at[c, "reception_task"] - m.at[c, "amv_task"] for c in places],
            "amv_task": [m.at[c, "amv_task"] for c in places],
            "places": list(places.values()),
        }
    )


def test_fallback_worked_by_hand():
    """Province P, each task 100, total 400. Places rounded down: A 120.5 -> 120, B 40, C 70,
    D 99.9 -> 99; sum 329, so S = 400 - 329 = 71. Laggards (below their own task): B, C, D, with
    weights population x (1 + ses_woa): B 10000 x 1 = 10000, C 20000 x 0.5 = 10000,
    D 10000 x 1.2 = 12000; sum 32000. Quotas 71 x w / 32000: B 22.1875, C 22.1875, D 26.625;
    floors 22 + 22 + 26 = 70, the 1 left goes to the largest remainder, D. Imposed: A 120 (not a
    laggard), B 40 + 22 = 62, C 70 + 22 = 92, D 99 + 27 = 126 (above its own task: the share
    is not capped); the sum is 400, the task.
    Province Q: E has 60 places for a task of 50: no shortfall, nothing imposed.
    """
    instance = make_instance(
        [
            municipality("A", 100),
            municipality("B", 100),
            municipality("C", 100, population=20_000, ses_woa=-0.5),
            municipality("D", 100, ses_woa=0.2),
            municipality("E", 50, province="Q"),
        ]
    )
    places = {"A": 120.5, "B": 40, "C": 70, "D": 99.9, "E": 60}
    table = fallback(instance, result_table(places, instance))
    assert list(table.columns) == FALLBACK_COLUMNS
    got = table.set_index("code")
    assert dict(got["places"]) == {"A": 120, "B": 40, "C": 70, "D": 99, "E": 60}
    assert dict(got["imposed"]) == {"A": 120, "B": 62, "C": 92, "D": 126, "E": 60}
    assert got.loc[["A", "B", "C", "D"], "imposed"].sum() == 400


def test_fallback_refuses_a_result_of_other_tasks():
    instance = make_instance([municipality("A", 100), municipality("B", 50)])
    other = make_instance([municipality("A", 100), municipality("B", 60)])
    with pytest.raises(InputError, match="other municipalities or other tasks"):
        fallback(instance, result_table({"A": 100, "B": 50}, other))


def test_fallback_command_on_a_plan_that_falls_short(tmp_path):
    """Without azc Beekstad (B1) the toy counts at most B2 40 + C1 180 = 220 places for a task
    of 500 (A1 can never open: a small site needs 50 places, it allows 40; A2 does not count: it
    closes in 2026). The minister imposes the 280 short; the imposed places add up to 500."""
    scenario = write(tmp_path, "b1.toml", B1_CLOSES)
    out = tmp_path / "res"
    assert run("solve", TOY, "--scenario", scenario, "--out", out).exit_code == 0
    result = run("fallback", TOY, out, "--scenario", scenario)
    assert result.exit_code == 0, result.output
    table = pd.read_csv(io.StringIO(result.stdout))
    assert list(table.columns) == FALLBACK_COLUMNS
    assert table["places"].sum() == 220
    assert table["imposed"].sum() == 500
    assert (table["imposed"] >= table["places"]).all()
    written = tmp_path / "fallback.csv"
    assert run("fallback", TOY, out, "--scenario", scenario, "--out", written).exit_code == 0
    pd.testing.assert_frame_equal(pd.read_csv(written), table)


def test_fallback_command_needs_the_scenarios_of_the_result(tmp_path):
    scenario = write(tmp_path, "b1.toml", B1_CLOSES)
    out = tmp_path / "res"
    assert run("solve", TOY, "--scenario", scenario, "--out", out).exit_code == 0
    result = run("fallback", TOY, out)
    assert result.exit_code == 2
    assert "was solved with the scenarios ['azc Beekstad sluit']" in result.stderr
    assert "Traceback" not in result.output


def test_fallback_command_on_a_missing_result_exits_2(tmp_path):
    result = run("fallback", TOY, tmp_path / "nothing")
    assert result.exit_code == 2
    assert "is not a result folder" in result.stderr
