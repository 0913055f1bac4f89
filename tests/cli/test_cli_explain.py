"""`uitruil explain` and `solve --explain` end to end, through click's runner on the toy instance.

instances/toy/README.md derives the package: Aadorp and Dijkhoven stay 30 places short each,
because nobody takes more of their task without something in return. What closes either one:
Beekstad (180 places to spare, no willing_extra) volunteering 30 (cost 30), or a new municipal site
of 30 places at the short municipality itself (50 + 30 = 80). More places at existing sites or
more declared room alone cannot: the only places to spare are Beekstad's, and no status holders
are left for anyone to take over in return.
"""

from __future__ import annotations

import json
from pathlib import Path

from builders import run, write, write_folder
from model.lang import text

ROOT = Path(__file__).resolve().parents[2]
TOY = ROOT / "instances" / "toy"
TABLES = ("municipalities.csv", "sites.csv", "transfers.csv", "deals.csv")


def solved(tmp_path: Path, *options: str) -> Path:
    out = tmp_path / "toy"
    result = run("solve", TOY, "--out", out, *options)
    assert result.exit_code == 0, result.output
    return out


def closing(summary: dict, code: str) -> list[tuple]:
    return [
        (c["option"], c["change"], c["municipality"], c["about"], c["amount"], c["cost"])
        for c in summary["explanation"]["short"][code]["closing"]
    ]


def test_explain_writes_why_short_into_the_result_and_keeps_its_tables(tmp_path):
    out = solved(tmp_path, "--report")
    tables = {name: (out / name).read_bytes() for name in TABLES}
    result = run("explain", TOY, out)
    assert result.exit_code == 0, result.output
    assert text("nl", "report.why_short") in result.output
    summary = json.loads((out / "summary.json").read_text(encoding="utf-8"))
    assert list(summary["explanation"]["short"]) == ["GM9001", "GM9004"]
    for code in ("GM9001", "GM9004"):
        assert summary["explanation"]["short"][code]["unmet"] == 30
        assert closing(summary, code) == [
            (1, "willing", "GM9002", None, 30, 30),
            (2, "new_site", code, "municipal", 30, 80),
        ]
    assert "no_site" in summary["explanation"]["short"]["GM9001"]["reasons"]
    assert summary["explanation"]["dependence"] == {"regular": 200, "housing": 150}
    assert {name: (out / name).read_bytes() for name in TABLES} == tables
    for report in ("report.md", "report.html"):
        assert text("nl", "report.why_short") in (out / report).read_text(encoding="utf-8")
    assert run("check", TOY, out).exit_code == 0


def test_solve_explain_writes_the_same_explanation_in_one_go(tmp_path):
    out = solved(tmp_path, "--explain", "--lang", "en")
    summary = json.loads((out / "summary.json").read_text(encoding="utf-8"))
    assert closing(summary, "GM9004")[0] == (1, "willing", "GM9002", None, 30, 30)
    assert text("en", "report.why_short") in (out / "report.md").read_text(encoding="utf-8")


def test_without_explain_the_report_says_how_to_get_it(tmp_path):
    out = solved(tmp_path)
    explanation = json.loads((out / "summary.json").read_text(encoding="utf-8"))["explanation"]
    assert "short" not in explanation and "dependence" not in explanation
    assert text("nl", "why.not_explained") in (out / "report.md").read_text(encoding="utf-8")


def test_explain_needs_the_scenarios_the_result_was_solved_with(tmp_path):
    out = solved(tmp_path)
    scenario = write(tmp_path, "s.toml", 'name = "S"\n[settings]\nweights = { housing = 0.5 }\n')
    result = run("explain", TOY, out, "--scenario", scenario, "--lang", "en")
    assert result.exit_code == 2
    assert "pass the same --scenario files" in result.output


def test_explain_refuses_a_result_of_another_instance(tmp_path):
    out = solved(tmp_path)
    other = write_folder(tmp_path / "other")
    result = run("explain", other, out, "--lang", "en")
    assert result.exit_code == 2
    assert "not a package of this instance" in result.output
