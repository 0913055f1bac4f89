"""Locked and forbidden deals (deals.csv, sheet `deals`, [[deal]] in scenarios) and the lat, lon
columns of municipalities.csv: docs/instance-format.md, docs/scenarios.md, docs/model.md "Deals"."""

from __future__ import annotations

import codecs
import csv
import io
import tempfile
from pathlib import Path

import openpyxl
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from builders import (
    SETTINGS,
    assert_same_instance,
    english,  # noqa: F401 (autouse: the messages these tests read are English)
    run,
    write,
    write_folder,
)
from model.core.errors import InputError, Problem
from model.io.reading import instance_from_raw, read_instance, read_raw
from model.io.writing import write_instance
from model.whatif.compare import changes
from model.whatif.scenario import apply_scenario, read_scenario

# Aa, Bb and Ee are 11 km apart on a north-south line (0.1 degree of latitude), Cc 56 km north of
# Aa; Dd is in another province, Ff has no centroid (GM9xxx is no CBS code, nothing shipped).
MUNICIPALITIES = """\
code,name,province,region,population,reception_task,amv_task,lat,lon
GM0001,Aa,P,R1,10000,20,2,52.0,6.0
GM0002,Bb,P,R1,10000,20,2,52.1,6.0
GM0003,Cc,P,R2,10000,20,2,52.5,6.0
GM0004,Dd,Q,R3,10000,20,2,52.0,5.0
GM0005,Ee,P,R2,10000,20,2,51.9,6.0
GM9006,Ff,P,R1,10000,20,2,,
"""
SITES = "id,municipality,kind,status,min_places,max_places\n"
DEALS = """\
a,b,rule,why
GM0002,GM0001,Require,agreed in 2024
GM0001,GM0003,forbid,
GM0005,GM0003,require,
"""
RULES = "[rules]\n"


def folder(tmp_path: Path, deals: str | None = DEALS, rules: str = "") -> Path:
    """The instance above in tmp_path/i, with `rules` lines under [rules]."""
    return write_folder(tmp_path / "i", SETTINGS + RULES + rules, MUNICIPALITIES, SITES, deals)


def problems_of(path: Path) -> list[Problem]:
    with pytest.raises(InputError) as caught:
        read_instance(path)
    return caught.value.problems


def test_deal_rules_are_pairs_with_a_before_b_and_the_rule_in_lower_case(tmp_path):
    instance = read_instance(folder(tmp_path))
    assert instance.deal_rules.to_dict("records") == [
        {"a": "GM0001", "b": "GM0002", "rule": "require"},
        {"a": "GM0001", "b": "GM0003", "rule": "forbid"},
        {"a": "GM0003", "b": "GM0005", "rule": "require"},
    ]
    assert instance.deal_rule("GM0002", "GM0001") == "require"
    assert not instance.may_deal("GM0003", "GM0001")
    assert instance.warnings == []


def test_no_deals_file_means_no_locked_deals(tmp_path):
    instance = read_instance(folder(tmp_path, deals=None))
    assert instance.deal_rules.empty
    assert list(instance.deal_rules.columns) == ["a", "b", "rule"]
    header_only = read_instance(folder(tmp_path, deals="a,b,rule\n"))
    assert header_only.deal_rules.empty


# (rules added to [rules], deals.csv, row, column, part of the message)
BAD = {
    "unknown code in a": (
        "",
        "a,b,rule\nGM0009,GM0001,forbid\n",
        2,
        "a",
        "unknown municipality 'GM0009': not a code in municipalities.csv",
    ),
    "unknown code in b": (
        "",
        "a,b,rule\nGM0001,GM0002,forbid\nGM0001,gm0003,forbid\n",
        3,
        "b",
        "unknown municipality 'gm0003'",
    ),
    "a equals b": (
        "",
        "a,b,rule\nGM0001,GM0001,forbid\n",
        2,
        "b",
        "a and b are both 'GM0001': correct one of them",
    ),
    "a pair twice, in the other order": (
        "",
        "a,b,rule\nGM0001,GM0002,forbid\nGM0003,GM0001,forbid\nGM0002,GM0001,require\n",
        4,
        "a",
        "the pair GM0001, GM0002 is also on row 2 (a pair is written once, in either order)",
    ),
    "unknown rule": (
        "",
        "a,b,rule\nGM0001,GM0002,verplicht\n",
        2,
        "rule",
        "expected one of require, forbid, got 'verplicht'",
    ),
    "blank b": ("", "a,b,rule\nGM0001,,forbid\n", 2, "b", "expected text, got a blank cell"),
    "no rule column": ("", "a,b\nGM0001,GM0002\n", None, "rule", "required column is missing"),
    "no header": ("", "GM0001,GM0002,forbid\n", 1, None, "the first row holds no known column"),
    "require across provinces": (
        "",
        "a,b,rule\nGM0001,GM0004,require\n",
        2,
        "rule",
        "GM0001 and GM0004 must deal (rule require), but deals stay within a province and "
        "GM0001 is in P, GM0004 in Q: remove this lock",
    ),
    "require across regions under region scope": (
        'exchange_scope = "region"\n',
        "a,b,rule\nGM0001,GM0003,require\n",
        2,
        "rule",
        'under rules.exchange_scope = "region" deals stay within a region and GM0001 is in R1, '
        "GM0003 in R2: remove this lock, or set the scope to province",
    ),
    "require under scope none": (
        'exchange_scope = "none"\n',
        "a,b,rule\nGM0001,GM0002,require\n",
        2,
        "rule",
        'rules.exchange_scope is "none", so nobody exchanges: remove this lock',
    ),
    "require beyond the distance limit": (
        "max_distance_km = 30\n",
        "a,b,rule\nGM0001,GM0002,require\nGM0003,GM0001,require\n",
        3,
        "rule",
        "they are 56 km apart, farther than rules.max_distance_km (30): remove this lock, or "
        "raise the limit",
    ),
    "require at an unknown distance under a limit": (
        "max_distance_km = 30\n",
        "a,b,rule\nGM0001,GM9006,require\n",
        2,
        "rule",
        "their distance is unknown (GM9006: no known centroid) and rules.max_distance_km is 30: "
        "give lat and lon in municipalities.csv, or remove this lock",
    ),
    "more required deals than a municipality may have": (
        "max_deals_per_municipality = 1\n",
        "a,b,rule\nGM0001,GM0002,require\nGM0001,GM0003,forbid\nGM0005,GM0001,require\n",
        4,
        "rule",
        "GM0001 must be in 2 deals (rule require, rows 2, 4), more than "
        "rules.max_deals_per_municipality (1): remove rows or raise the limit",
    ),
}


@pytest.mark.parametrize("case", sorted(BAD))
def test_each_deal_rule_is_reported_with_file_row_and_column(tmp_path, case):
    rules, deals, row, column, message = BAD[case]
    [problem] = problems_of(folder(tmp_path, deals, rules))
    assert (problem.file, problem.row, problem.column) == ("deals.csv", row, column)
    assert message in problem.message


def test_every_problem_of_deals_csv_is_listed_with_those_of_the_other_files(tmp_path):
    deals = "a,b,rule\nGM0001,GM0001,forbid\nGM0001,GM0004,require\nGM0001,GM0002,maybe\n"
    path = folder(tmp_path, deals)
    (path / "municipalities.csv").write_text(MUNICIPALITIES.replace("52.1,6.0", "91,6.0"))
    where = [(p.file, p.row, p.column) for p in problems_of(path)]
    assert where == [
        ("municipalities.csv", 3, "lat"),
        ("deals.csv", 2, "b"),
        ("deals.csv", 3, "rule"),
        ("deals.csv", 4, "rule"),
    ]


def test_allowed_requires_pass_at_the_limit(tmp_path):
    """Aa-Bb and Ee-Aa are 11 km apart: within 11 km, same region is not needed by province."""
    deals = "a,b,rule\nGM0001,GM0002,require\nGM0005,GM0001,require\n"
    instance = read_instance(folder(tmp_path, deals, "max_distance_km = 11\n"))
    assert instance.distance_km("GM0001", "GM0002") == 11
    assert len(instance.deal_rules) == 2


def test_a_forbidden_deal_across_provinces_is_a_warning(tmp_path):
    deals = "a,b,rule\nGM0001,GM0002,forbid\nGM0004,GM0001,FORBID\n"
    instance = read_instance(folder(tmp_path, deals))
    [warning] = instance.warnings
    assert (warning.file, warning.row, warning.column) == ("deals.csv", 3, "rule")
    assert "forbids a deal between GM0004 (Q) and GM0001 (P), which can never happen" in str(
        warning
    )
    assert instance.deal_rule("GM0001", "GM0004") == "forbid"


def test_missing_centroids_are_warned_about_once_under_a_distance_limit(tmp_path):
    text = MUNICIPALITIES + "GM9007,Gg,P,R1,10000,20,2,,\n"
    plain = write_folder(tmp_path / "plain", SETTINGS, text, SITES)
    assert read_instance(plain).warnings == []
    limited = write_folder(
        tmp_path / "limited", SETTINGS + "[rules]\nmax_distance_km = 25\n", text, SITES
    )
    [warning] = read_instance(limited).warnings
    assert str(warning) == (
        "municipalities.csv: no known centroid for 2 of 7 municipalities (GM9006, GM9007): under "
        "rules.max_distance_km = 25 they cannot deal; give lat and lon (decimal degrees) for them"
    )


def test_validate_shows_the_locked_deals_and_the_missing_centroids_per_province(tmp_path):
    deals = DEALS + "GM0004,GM0001,forbid,\n"
    result = run("validate", folder(tmp_path, deals))
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    p, q = (next(i for i, x in enumerate(lines) if x.startswith(f"{name}:")) for name in "PQ")
    assert "  locked deals: 2 required, 1 forbidden" in lines[p:q]
    assert any(x.startswith("  no known centroid: 1 of 5 municipalities") for x in lines[p:q])
    assert "  locked deals: none" in lines[q:]
    assert not any("no known centroid" in x for x in lines[q:])
    assert "1 warning(s)" in lines


# ---- lat and lon ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("old", "new", "column", "message"),
    [
        ("52.1,6.0", "90.5,6.0", "lat", "expected a number from -90 to 90, got '90.5'"),
        ("52.1,6.0", "52.1,-181", "lon", "expected a number from -180 to 180, got '-181'"),
        ("52.1,6.0", "52.1,oost", "lon", "expected a number from -180 to 180, got 'oost'"),
        ("52.1,6.0", "52.1,", "lon", "lat and lon go together: lon is blank"),
        ("52.1,6.0", ",6.0", "lat", "lat and lon go together: lat is blank"),
    ],
)
def test_lat_and_lon_are_checked(tmp_path, old, new, column, message):
    text = MUNICIPALITIES.replace(old, new)
    [problem] = problems_of(write_folder(tmp_path / "i", SETTINGS, text, SITES))
    assert (problem.file, problem.row, problem.column) == ("municipalities.csv", 3, column)
    assert message in problem.message


def test_a_dot_in_a_semicolon_file_gets_a_hint(tmp_path):
    """In a `;` file `.` groups thousands, so 6.893 reads as 6893: out of range, with a hint."""
    text = MUNICIPALITIES.replace(",", ";").replace("52.1;6.0", "52,1;6.893").replace(".", ",")
    text = text.replace("6,893", "6.893")
    [problem] = problems_of(write_folder(tmp_path / "i", SETTINGS, text, SITES))
    assert (problem.row, problem.column) == (3, "lon")
    assert "got '6.893' (in a file with ';' a '.' groups thousands" in problem.message


def test_given_centroids_win_and_the_shipped_ones_fill_in(tmp_path):
    text = (
        "code,name,province,population,reception_task,amv_task,lat,lon\n"
        "GM0153,Enschede,Overijssel,158000,100,0,,\n"
        "GM0164,Hengelo,Overijssel,81000,50,0,52.0,6.5\n"
        "GM9001,Aadorp,Overijssel,22000,10,0,,\n"
    )
    m = read_instance(write_folder(tmp_path / "i", SETTINGS, text, SITES)).municipalities
    assert (m.at["GM0153", "lat"], m.at["GM0153", "lon"]) == (52.22079, 6.87780)
    assert (m.at["GM0164", "lat"], m.at["GM0164", "lon"]) == (52.0, 6.5)
    assert m.loc["GM9001", ["lat", "lon"]].isna().all()


# ---- dialects, damaged files, workbooks -------------------------------------------------------


def semicolons(text: str) -> str:
    return text.replace(",", ";")


@pytest.mark.parametrize(
    "change",
    [
        lambda text: "\ufeff" + text.replace("\n", "\r\n"),
        lambda text: semicolons(text).replace("Require", " require ") + ";;;\n\n",
        lambda text: text.replace("a,b,rule", " A , B,RULE "),
    ],
    ids=["bom-crlf", "semicolons-blanks", "messy-header"],
)
def test_deals_csv_is_read_in_every_dialect(tmp_path, change):
    baseline = read_instance(folder(tmp_path / "plain"))
    variant = read_instance(folder(tmp_path / "variant", change(DEALS)))
    pd.testing.assert_frame_equal(baseline.deal_rules, variant.deal_rules)


def test_a_windows_1252_deals_csv_is_read_with_a_warning(tmp_path):
    path = folder(tmp_path)
    (path / "deals.csv").write_bytes(
        DEALS.replace("agreed in 2024", "sinds één jaar").encode("cp1252")
    )
    [warning] = read_instance(path).warnings
    assert warning.file == "deals.csv" and "Windows-1252" in warning.message
    assert read_raw(path).deals.at[2, "why"] == "sinds één jaar"


@pytest.mark.parametrize(
    ("damage", "message"),
    [
        (lambda p: p.write_bytes(codecs.BOM_UTF16_LE + DEALS.encode("utf-16-le")), "UTF-16"),
        (lambda p: (p.unlink(), p.mkdir()), "is a folder, not a file"),
        (lambda p: p.write_text(""), "is empty: expected a header row"),
        (lambda p: p.write_text('a,b,rule\n"GM0001,GM0002,forbid\n'), "never closed"),
        (lambda p: p.write_text("a,b,rule\nGM0001,GM0002,forbid,x\n"), "more cells than"),
    ],
    ids=["utf16", "folder", "empty", "open-quote", "extra-cell"],
)
def test_a_damaged_deals_csv_is_refused_by_name(tmp_path, damage, message):
    path = folder(tmp_path)
    damage(path / "deals.csv")
    [problem] = problems_of(path)
    assert problem.file == "deals.csv" and message in problem.message


CELLS = st.one_of(
    st.sampled_from(["GM0001", "GM0002", "gm0003", "GM0004", "GM9006", "require", "FORBID", ""]),
    st.text(max_size=12),
)


@settings(max_examples=40, derandomize=True, deadline=None, database=None)
@given(rows=st.lists(st.lists(CELLS, min_size=0, max_size=4), max_size=5), limit=st.booleans())
def test_any_deals_csv_is_read_or_refused_cleanly(rows, limit):
    """Whatever deals.csv holds, validate reads it (exit 0) or lists its problems (exit 2)."""
    with tempfile.TemporaryDirectory() as tmp:
        buffer = io.StringIO()
        csv.writer(buffer).writerows([["a", "b", "rule"], *rows])
        rules = "max_distance_km = 20\nmax_deals_per_municipality = 1\n" if limit else ""
        result = run("validate", folder(Path(tmp), buffer.getvalue(), rules))
        assert result.exit_code in (0, 2), result.output
        assert result.exception is None or isinstance(result.exception, SystemExit)


def workbook(tmp_path: Path, deals: str | None = DEALS) -> Path:
    path = tmp_path / "w.xlsx"
    write_instance(read_raw(folder(tmp_path, deals)), path)
    return path


def test_the_workbook_has_a_deals_sheet_only_when_there_are_deals(tmp_path):
    with_deals = workbook(tmp_path / "with")
    sheets = openpyxl.load_workbook(with_deals).sheetnames
    assert sheets == ["municipalities", "sites", "deals", "settings"]
    assert openpyxl.load_workbook(workbook(tmp_path / "without", None)).sheetnames == [
        "municipalities",
        "sites",
        "settings",
    ]
    assert_same_instance(read_instance(tmp_path / "with" / "i"), read_instance(with_deals))


def test_workbook_deal_problems_name_the_sheet_row_and_column(tmp_path):
    path = workbook(tmp_path)
    book = openpyxl.load_workbook(path)
    book["deals"].cell(3, 2, "GM0004")
    book["deals"].cell(3, 3, "require")
    book.save(path)
    [problem] = problems_of(path)
    assert (problem.file, problem.row, problem.column) == ("w.xlsx [deals]", 3, "rule")
    assert "deals stay within a province" in problem.message


def test_two_sheets_that_both_read_as_deals_are_refused(tmp_path):
    path = workbook(tmp_path)
    book = openpyxl.load_workbook(path)
    book.create_sheet("Deals ")
    book.save(path)
    [problem] = problems_of(path)
    assert "sheets 'deals' and 'Deals ' both read as sheet 'deals'" in problem.message


def test_folder_to_workbook_to_folder_keeps_deals_csv(tmp_path):
    source = folder(tmp_path)
    write_instance(read_raw(source), tmp_path / "i.xlsx")
    write_instance(read_raw(tmp_path / "i.xlsx"), tmp_path / "back")
    first, second = read_raw(source), read_raw(tmp_path / "back")
    pd.testing.assert_frame_equal(first.deals, second.deals)
    assert (tmp_path / "back" / "deals.csv").read_text(encoding="utf-8") == (
        DEALS.replace("Require", "require")
    )
    assert_same_instance(read_instance(source), read_instance(tmp_path / "back"))


def test_convert_over_a_folder_with_deals_from_one_without_removes_deals_csv(tmp_path):
    target = folder(tmp_path / "old")
    bare = folder(tmp_path / "new", None)
    write_instance(read_raw(bare), target, force=True)
    assert not (target / "deals.csv").exists()
    assert read_instance(target).deal_rules.empty


# ---- scenarios --------------------------------------------------------------------------------

LOCKS = """\
name = "Other locks"

[[deal]]
a = "GM0001"
b = "GM0002"
rule = "forbid"

[[deal]]
a = "GM0003"
b = "GM0001"
remove = true

[[deal]]
a = "GM0005"
b = "GM0002"
rule = "Require"
"""


def test_a_scenario_changes_removes_and_adds_locks(tmp_path):
    base = read_raw(folder(tmp_path))
    changed = apply_scenario(base, read_scenario(write(tmp_path, "s.toml", LOCKS)))
    assert instance_rules(changed) == [
        ("GM0001", "GM0002", "forbid"),
        ("GM0002", "GM0005", "require"),
        ("GM0003", "GM0005", "require"),
    ]
    assert changed.deals.at[2, "why"] == "agreed in 2024", "a changed lock keeps its other cells"
    assert len(base.deals) == 3, "the base instance is left as it was"


def instance_rules(raw) -> list[tuple[str, str, str]]:
    return [tuple(row) for row in instance_from_raw(raw).deal_rules.itertuples(index=False)]


def test_a_scenario_with_locks_equals_its_changes_written_into_the_files(tmp_path):
    changed = apply_scenario(
        read_raw(folder(tmp_path)), read_scenario(write(tmp_path, "s.toml", LOCKS))
    )
    write_instance(changed, tmp_path / "written")
    assert_same_instance(instance_from_raw(changed), read_instance(tmp_path / "written"))


def test_a_scenario_may_lock_deals_in_an_instance_without_deals_csv(tmp_path):
    text = '[[deal]]\na = "GM0002"\nb = "GM0001"\nrule = "require"\n'
    base = read_raw(folder(tmp_path, None))
    changed = apply_scenario(base, read_scenario(write(tmp_path, "s.toml", text)))
    assert instance_rules(changed) == [("GM0001", "GM0002", "require")]


def test_removing_every_lock_leaves_no_deals_csv(tmp_path):
    text = "".join(
        f'[[deal]]\na = "{a}"\nb = "{b}"\nremove = true\n\n'
        for a, b in (("GM0001", "GM0002"), ("GM0001", "GM0003"), ("GM0003", "GM0005"))
    )
    changed = apply_scenario(
        read_raw(folder(tmp_path)), read_scenario(write(tmp_path, "s.toml", text))
    )
    write_instance(changed, tmp_path / "written")
    assert not (tmp_path / "written" / "deals.csv").exists()


SCENARIO_PROBLEMS = {
    "unknown code": (
        '[[deal]]\na = "GM0001"\nb = "GM0009"\nrule = "forbid"\n',
        "s.toml, row 1, column 'b': [[deal]] 'GM0001', 'GM0009': unknown municipality 'GM0009'",
    ),
    "remove an unknown lock": (
        'name = "x"\n\n[[deal]]\na = "GM0001"\nb = "GM0005"\nremove = true\n',
        "s.toml, row 3, column 'a': [[deal]] 'GM0001', 'GM0005': not a pair in deals.csv, so "
        "nothing to remove",
    ),
    "a new lock without a rule": (
        '[[deal]]\na = "GM0001"\nb = "GM0005"\n',
        "s.toml, row 1, column 'a': [[deal]] 'GM0001', 'GM0005': not a pair in deals.csv; a new "
        "lock needs every required column, missing: rule",
    ),
    "b missing": (
        '[[deal]]\na = "GM0001"\nrule = "forbid"\n',
        "s.toml, row 1, column 'b': [[deal]]: 'b' is missing or not a text: a deal is named by "
        "a and b",
    ),
    "remove with a rule": (
        '[[deal]]\na = "GM0001"\nb = "GM0002"\nremove = true\nrule = "forbid"\n',
        "s.toml, row 1, column 'remove': [[deal]] 'GM0001', 'GM0002': remove = true drops the "
        "lock; give no other columns",
    ),
    "unknown rule": (
        '[[deal]]\na = "GM0001"\nb = "GM0002"\nrule = "maybe"\n',
        "s.toml, row 1, column 'rule': [[deal]] 'GM0001', 'GM0002': expected one of require, "
        "forbid, got 'maybe'",
    ),
    "unknown column": (
        '[[deal]]\na = "GM0001"\nb = "GM0002"\nrul = "forbid"\n',
        "s.toml, row 1, column 'rul': [[deal]] 'GM0001', 'GM0002': unknown column 'rul'",
    ),
    "the same municipality twice": (
        '[[deal]]\na = "GM0001"\nb = "GM0001"\nrule = "forbid"\n',
        "s.toml, row 1, column 'b': [[deal]] 'GM0001', 'GM0001': a deal is between two "
        "municipalities",
    ),
    "require across provinces": (
        '[[deal]]\na = "GM0004"\nb = "GM0002"\nrule = "require"\n',
        "s.toml, row 1, column 'rule': [[deal]] 'GM0004', 'GM0002': GM0004 and GM0002 must deal "
        "(rule require), but deals stay within a province",
    ),
    "a setting that makes a lock of the file impossible": (
        "[settings]\nrules = { max_distance_km = 10 }\n",
        "s.toml: with its changes, deals.csv, row 2, column 'rule': GM0002 and GM0001 must deal "
        "(rule require), but they are 11 km apart, farther than rules.max_distance_km (10)",
    ),
}


@pytest.mark.parametrize("case", sorted(SCENARIO_PROBLEMS))
def test_scenario_locks_are_checked_like_the_file_and_named_by_their_line(tmp_path, case):
    text, expected = SCENARIO_PROBLEMS[case]
    with pytest.raises(InputError) as caught:
        apply_scenario(read_raw(folder(tmp_path)), read_scenario(write(tmp_path, "s.toml", text)))
    assert expected in [str(p)[: len(expected)] for p in caught.value.problems], [
        str(p) for p in caught.value.problems
    ]


def test_compare_lists_the_lock_changes_of_a_scenario(tmp_path):
    base = read_raw(folder(tmp_path))
    scenario = read_scenario(write(tmp_path, "s.toml", LOCKS))
    assert changes(scenario, base, "nl") == [
        "afspraak tussen Aa en Bb vastgelegd: rule = forbid",
        "afspraak tussen Cc en Aa niet meer vastgelegd",
        "afspraak tussen Ee en Bb vastgelegd: rule = Require",
    ]
    assert changes(scenario, base, "en")[1] == "deal between Cc and Aa no longer locked"
