"""The fuzz test of issue 10: hostile input never makes a command print a traceback.

Hypothesis mutates the toy instance (its CSV files, instance.toml, and the same instance as a
workbook), scenario files and a solved result folder: a cell set to a hostile value, a line
dropped or doubled, a column dropped, the header shuffled, the file cut short, bytes garbled, another
encoding. Then the real commands run on it through click's runner (validate, indicative, convert,
solve with a small time limit, check, report, fallback), and every run must end with exit status
0, 1 or 2, no traceback, and the user's files unchanged.

The examples are the same on every run (`derandomize`), so the suite stays reproducible; set
UITRUIL_FUZZ_EXAMPLES=500 to explore new ones for longer.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import json
import os
import shutil
import tempfile
import typing
from pathlib import Path

import openpyxl
import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st
from pydantic import BaseModel

from builders import (
    HALF_AND_CLOSED,
    TOY,
    english,  # noqa: F401 (autouse: the messages these tests read are English)
    run,
)
from model.core.settings import Settings
from model.io.reading import read_raw
from model.io.writing import write_instance

EXPLORE = int(os.environ.get("UITRUIL_FUZZ_EXAMPLES", "0"))


def fuzz(examples: int):
    """Hypothesis settings for a fuzz test: `examples` examples, the same ones each run."""
    return settings(
        max_examples=EXPLORE or examples,
        derandomize=not EXPLORE,
        deadline=None,
        database=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    )


HOSTILE = [
    "",
    " ",
    "nan",
    "NaN",
    "inf",
    "-inf",
    "1e300",
    "-1",
    "0",
    "-0",
    "0.5",
    "0,5",
    "1.234,5",
    "10.000",
    str(2**63),
    str(-(2**63) - 1),
    "99999999999999999999999",
    "10000001",
    "true",
    "FALSE",
    "=1+1",
    "+31",
    "@SUM(A1)",
    "-2+3",
    "\t",
    "a\nb",
    '"',
    "'",
    "|",
    ";",
    ",",
    "\u00e9",
    "\x00",
    "\ufeff",
    "9999-12-31",
    "31-12-9999",
    "0000-00-00",
    "29-02-2023",
    "1-7-2025",
    "regular",
    "idea",
    "GM9001",
    "A1",
    "x" * 300,
]
"""Cell values that have broken or fooled a reader somewhere."""
cell = st.one_of(
    st.sampled_from(HOSTILE),
    st.integers(-(2**70), 2**70).map(str),
    st.integers(0, 10_000_000).map(str),  # in range, but large for the solver
    st.floats().map(repr),
    st.text(max_size=8),
)
TOML_VALUES = [
    "0",
    "-1",
    "1",
    "0.5",
    "100",
    "101",
    "1e300",
    "inf",
    "nan",
    "-inf",
    "true",
    '"x"',
    '""',
    "0,5",
    str(2**63),
    "10000001",
    "[]",
    '["regular", "regular"]',
    '["nonsense"]',
    "{}",
    "{ min = 5, max = 1 }",
    "2025-07-01",
    "9999-12-31",
    "1899-12-31",
    "2025-07-01T12:00:00",
    '"1-7-2025"',
    '"region"',
    '"none"',
]
toml_value = st.one_of(
    st.sampled_from(TOML_VALUES), st.integers(-(2**70), 2**70).map(str), st.floats().map(repr)
)


def setting_keys(model: type[BaseModel] = Settings, prefix: str = "") -> list[str]:
    """Every dotted settings key, as instance.toml and the settings sheet name them."""
    keys = []
    for name, field in model.model_fields.items():
        types = [field.annotation, *typing.get_args(field.annotation)]
        nested = next((t for t in types if isinstance(t, type) and issubclass(t, BaseModel)), None)
        keys += setting_keys(nested, f"{prefix}{name}.") if nested else [f"{prefix}{name}"]
    return keys


KEYS = setting_keys()


def assert_clean(result, *what: object) -> None:
    """Exit status 0, 1 or 2 and no traceback (--hypothesis-show-statistics counts them)."""
    event(f"{' '.join(map(str, what))}: exit {result.exit_code}")
    assert result.exit_code in (0, 1, 2), (what, result.output)
    assert result.exception is None or isinstance(result.exception, SystemExit), (
        what,
        result.exception,
    )
    assert "Traceback" not in result.output, what


def fingerprint(folder: Path) -> dict[str, str]:
    return {
        str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


# ---- mutations ---------------------------------------------------------------------------------


@st.composite
def text_mutation(draw, text: str, value=cell) -> bytes:
    """`text` (a CSV or TOML file) with one hostile change, as the bytes of a file."""
    lines = text.splitlines()
    op = draw(
        st.sampled_from(
            ["cell", "cell", "cell", "line", "line", "drop", "double", "column", "header"]
            + ["cut", "bytes", "encoding", "semicolons", "empty"]
        )
    )
    n = draw(st.integers(0, max(0, len(lines) - 1)))
    if op == "cell":
        cells = lines[n].split(",")
        cells[draw(st.integers(0, len(cells) - 1))] = draw(value)
        lines[n] = ",".join(cells)
    elif op == "line":
        lines.insert(n, draw(value))
    elif op == "drop":
        del lines[n]
    elif op == "double":
        lines.insert(n, lines[n])
    elif op == "column":
        at = draw(st.integers(0, 15))
        lines = [",".join(c for i, c in enumerate(line.split(",")) if i != at) for line in lines]
    elif op == "header":
        header = lines[0].split(",")
        lines[0] = ",".join(draw(st.permutations(header)))
    data = ("\n".join(lines) + "\n").encode("utf-8")
    if op == "cut":
        data = data[: draw(st.integers(0, len(data)))]
    elif op == "bytes":
        at = draw(st.integers(0, len(data)))
        data = data[:at] + draw(st.binary(min_size=1, max_size=8)) + data[at:]
    elif op == "encoding":
        data = text.encode(draw(st.sampled_from(["utf-16", "utf-32", "latin-1", "utf-8-sig"])))
    elif op == "semicolons":
        data = text.replace(",", ";").replace(".", ",").encode("utf-8")
    elif op == "empty":
        data = b""
    return data


@st.composite
def toml_mutation(draw, text: str) -> bytes:
    """`text` (instance.toml or a scenario) with a setting set to a hostile value, or mangled."""
    if draw(st.booleans()):
        return draw(text_mutation(text, toml_value))
    *table, key = draw(st.sampled_from(KEYS)).split(".")
    line = f"{key} = {draw(toml_value)}"
    header = f"[{'.'.join(table)}]\n" if table else ""
    if text.lstrip().startswith("name =") and "[settings]" in text:  # a scenario
        header = f"[settings{''.join('.' + t for t in table)}]\n"
    if not header:
        return (f"{line}\n{text}").encode()
    return f"{text}\n{header}{line}\n".encode()


@st.composite
def workbook_mutation(draw, data: bytes) -> bytes:
    """The toy workbook with a cell set to a hostile value, a sheet renamed or doubled, or bytes
    garbled."""
    op = draw(st.sampled_from(["cell", "cell", "cell", "rename", "twin", "remove", "bytes"]))
    if op == "bytes":
        at = draw(st.integers(0, len(data)))
        return data[:at] + draw(st.binary(min_size=1, max_size=16)) + data[at + 16 :]
    workbook = openpyxl.load_workbook(io.BytesIO(data))
    sheet = workbook[draw(st.sampled_from(workbook.sheetnames))]
    if op == "cell":
        value = draw(
            st.one_of(
                cell,
                st.integers(-(2**70), 2**70),
                st.floats(),
                st.booleans(),
                st.sampled_from(
                    [None, dt.datetime(9999, 12, 31), dt.datetime(1900, 1, 1), dt.date(2031, 1, 1)]
                ),
                st.sampled_from(["=1/0", "=A1", "=SUM(F2:F5)", "=100+50"]),
            )
        )
        row, column = draw(st.integers(1, 8)), draw(st.integers(1, 14))
        if isinstance(value, str):
            value = "".join(c for c in value if c >= " " or c in "\t\n")  # what a cell can hold
        sheet.cell(row, column, value)
    elif op == "rename":
        sheet.title = draw(
            st.sampled_from(["Sites", " sites", "Municipalities ", "x", "settings2"])
        )
    elif op == "twin":
        twin = workbook.copy_worksheet(sheet)
        twin.title = f" {sheet.title.upper()} "
    elif op == "remove":
        workbook.remove(sheet)
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


# ---- the fuzz tests ----------------------------------------------------------------------------

INSTANCE_FILES = ("instance.toml", "municipalities.csv", "sites.csv")


@fuzz(30)
@given(data=st.data())
def test_hostile_instance_folders(data):
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(shutil.copytree(TOY, Path(tmp) / "toy"))
        for name in data.draw(st.lists(st.sampled_from(INSTANCE_FILES), min_size=1, max_size=3)):
            text = (TOY / name).read_text(encoding="utf-8")
            mutate = toml_mutation if name.endswith(".toml") else text_mutation
            (folder / name).write_bytes(data.draw(mutate(text), label=name))
        before = fingerprint(folder)
        validated = run("validate", folder)
        assert_clean(validated, "validate")
        assert_clean(run("indicative", folder), "indicative")
        assert_clean(run("convert", folder, Path(tmp) / "toy.xlsx"), "convert")
        if validated.exit_code == 0:
            solved = run("solve", folder, "--out", Path(tmp) / "out", "--time-limit", "5")
            assert_clean(solved, "solve")
            if solved.exit_code == 0:
                assert_clean(run("check", folder, Path(tmp) / "out"), "check")
        assert fingerprint(folder) == before


@pytest.fixture(scope="module")
def toy_workbook(tmp_path_factory) -> bytes:
    path = tmp_path_factory.mktemp("workbook") / "toy.xlsx"
    write_instance(read_raw(TOY), path)
    return path.read_bytes()


@fuzz(20)
@given(data=st.data())
def test_hostile_workbooks(toy_workbook, data):
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "toy.xlsx"
        path.write_bytes(data.draw(workbook_mutation(toy_workbook)))
        before = path.read_bytes()
        assert_clean(run("validate", path), "validate")
        assert_clean(run("convert", path, Path(tmp) / "back"), "convert")
        assert path.read_bytes() == before


@fuzz(15)
@given(data=st.data())
def test_hostile_scenarios(data):
    with tempfile.TemporaryDirectory() as tmp:
        scenario = Path(tmp) / "s.toml"
        scenario.write_bytes(data.draw(toml_mutation(HALF_AND_CLOSED)))
        before = scenario.read_bytes()
        args = ["--scenario", scenario, "--out", Path(tmp) / "out", "--time-limit", "5"]
        assert_clean(run("solve", TOY, *args), "solve --scenario")
        assert scenario.read_bytes() == before


@pytest.fixture(scope="module")
def toy_result(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("result") / "toy"
    assert run("solve", TOY, "--out", out).exit_code == 0
    return out


RESULT_FILES = ("summary.json", "municipalities.csv", "sites.csv", "transfers.csv", "deals.csv")
JSON_VALUES = [None, True, -1, 0, 1e308, "x", "NaN", [], {}, [1, 2], {"a": 1}, "time_limit"]


@st.composite
def json_mutation(draw, text: str) -> bytes:
    """summary.json with a value at some path replaced or removed, or the file mangled."""
    if draw(st.integers(0, 3)) == 0:
        return draw(text_mutation(text))
    tree = json.loads(text)
    node = tree
    while True:
        key = draw(st.sampled_from(sorted(node)))
        if isinstance(node[key], dict) and node[key] and draw(st.booleans()):
            node = node[key]
            continue
        break
    if draw(st.booleans()):
        del node[key]
    else:
        node[key] = draw(st.sampled_from(JSON_VALUES))
    return json.dumps(tree).encode("utf-8")


@fuzz(25)
@given(data=st.data())
def test_hostile_result_folders(toy_result, data):
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(shutil.copytree(toy_result, Path(tmp) / "toy"))
        name = data.draw(st.sampled_from(RESULT_FILES))
        text = (toy_result / name).read_text(encoding="utf-8")
        if data.draw(st.integers(0, 9)) == 0:
            (folder / name).unlink()
        else:
            mutate = json_mutation if name.endswith(".json") else text_mutation
            (folder / name).write_bytes(data.draw(mutate(text), label=name))
        before = fingerprint(folder)
        assert_clean(run("check", TOY, folder), "check")
        assert_clean(run("fallback", TOY, folder), "fallback")
        report = run("report", folder, "--format", data.draw(st.sampled_from(["xlsx", "html"])))
        assert_clean(report, "report")
        after = fingerprint(folder)
        assert {name: after.get(name) for name in before} == before  # report.* may be added


def test_weight_zero_is_solved(tmp_path):
    """Weight 0: the component does not count and cannot be traded (docs/model.md)."""
    scenario = tmp_path / "s.toml"
    scenario.write_text("[settings]\nweights = { housing = 0 }\n")
    result = run("solve", TOY, "--scenario", scenario, "--out", tmp_path / "out")
    assert result.exit_code == 0, result.output
