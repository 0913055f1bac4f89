"""The pages in docs/ and README.md are the contract users get: they must stay true to the tree and
to the files uitruil writes.

- Nothing in the repository points at the folder the first contracts were copied from: the
  contracts live in docs/ now.
- Every path a page names under docs/, instances/, model/, tests/ or bench/ exists, every
  relative link of a page leads to a file, and README's architecture names every module.
- The columns docs/cli.md lists for each file are the code's column lists (model/results/result.py,
  model/results/costs.py, model/whatif/fallback.py) and the header lines uitruil writes; its summary.json keys are
  the keys `solve` writes and `read_result` knows.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

from model.core.instance import REASONS
from model.io.reading import indicative_table, read_raw
from model.results.costs import SITE_DETAILS
from model.results.folder import _Explanation, _Province, _Stage, _Summary
from model.results.result import DEAL_COLUMNS, MUNICIPALITY_COLUMNS, SITE_COLUMNS, TRANSFER_COLUMNS
from model.whatif.fallback import FALLBACK_COLUMNS
from report_fixtures import meeting_result, result_folder

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
PAGES = [ROOT / "README.md", *sorted(DOCS.glob("*.md"))]
CLI = DOCS / "cli.md"

NOT_THE_PROJECT = {
    ".git",
    ".venv",
    "venv",
    ".ci-venv",
    "__pycache__",
    ".pytest_cache",
    ".hypothesis",
    ".ruff_cache",
    "build",
    "dist",
    "results",
}
"""Folders that are not the project's own text: tools, caches, outputs (see .gitignore)."""

SHARED = "shared"
FORMER_HOME = re.compile(
    rf"\.\./{SHARED}|{SHARED}/(spec|data|context|notes|hooks|style)|{SHARED} spec", re.IGNORECASE
)
"""A reference to the folder the first contracts came from (built in parts so that this file
does not match itself)."""

PATH = re.compile(r"(?<![\w./-])((?:docs|instances|model|tests|bench)/[\w.\-/]*[\w/])")
"""A path inside the repository as the pages write it: `docs/cli.md`, `instances/toy/`, ..."""
LINK = re.compile(r"\]\(([^)#\s]+)(?:#[^)\s]*)?\)")
"""The target of a markdown link, without its anchor."""

RESULT_COLUMNS = {
    "municipalities": list(MUNICIPALITY_COLUMNS),
    "sites": [*SITE_COLUMNS, *SITE_DETAILS],
    "transfers": list(TRANSFER_COLUMNS),
    "deals": list(DEAL_COLUMNS),
}
"""The columns of the result tables, as `solve` writes them (sites: plus its details)."""


def project_files() -> list[Path]:
    files = []
    for folder, subfolders, names in os.walk(ROOT):
        subfolders[:] = [
            name
            for name in subfolders
            if name not in NOT_THE_PROJECT and not name.endswith(".egg-info")
        ]
        files += [Path(folder) / name for name in names]
    return files


def text_of(path: Path) -> str | None:
    try:
        return path.read_text(encoding="utf-8")
    except (UnicodeDecodeError, OSError):
        return None


def test_nothing_refers_to_the_folder_the_contracts_came_from():
    found = []
    for path in project_files():
        text = text_of(path)
        if text is None:
            continue
        for number, line in enumerate(text.splitlines(), start=1):
            if FORMER_HOME.search(line):
                found.append(f"{path.relative_to(ROOT)}:{number}: {line.strip()}")
    assert not found, "point at docs/ instead:\n" + "\n".join(found)


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.name)
def test_every_path_a_page_names_exists(page: Path):
    """Outputs (results/...) are not part of the tree and are left out."""
    missing = sorted(
        {
            path
            for path in PATH.findall(page.read_text(encoding="utf-8"))
            if "results" not in path.split("/")[:2] and not (ROOT / path).exists()
        }
    )
    assert not missing, f"{page.name} names paths that do not exist: {missing}"


def test_where_things_live_names_every_package_and_module():
    """A package or module added to model/ is placed in README's "Where things live" map."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    packages = sorted(
        f"model/{path.parent.relative_to(ROOT / 'model').as_posix()}/"
        for path in (ROOT / "model").glob("*/__init__.py")
    )
    assert packages and [p for p in packages if p not in readme] == []
    modules = sorted(
        path.name for path in (ROOT / "model").glob("*/*.py") if path.stem != "__init__"
    )
    assert [m for m in modules if m not in readme] == []


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.name)
def test_every_relative_link_leads_to_a_file(page: Path):
    links = LINK.findall(page.read_text(encoding="utf-8"))
    local = [link for link in links if not re.match(r"[a-z]+:", link)]
    missing = [link for link in local if not (page.parent / link).exists()]
    assert not missing, f"{page.name} links to files that do not exist: {missing}"


def cli_text() -> str:
    return CLI.read_text(encoding="utf-8")


def header_line(name: str) -> list[str]:
    """The header line that docs/cli.md gives under `<!-- columns: name -->`."""
    found = re.search(rf"<!-- columns: {name} -->\s*```\n([^\n]*)\n```", cli_text())
    assert found, f"docs/cli.md has no header line for {name}"
    return found.group(1).split(",")


def section(heading: str) -> str:
    """The text of docs/cli.md under `### heading`, up to the next heading."""
    found = re.search(rf"^### {re.escape(heading)}\n(.*?)(?=^#)", cli_text() + "\n#", re.M | re.S)
    assert found, f"docs/cli.md has no section {heading}"
    return found.group(1)


def table_names(text: str) -> list[str]:
    """The first cell of every row of the markdown tables in `text`, when it is one `name`."""
    return re.findall(r"^\| `([\w.]+)` \|", text, re.M)


def keys_table(name: str) -> list[str]:
    """The keys of the table that docs/cli.md gives under `<!-- keys: name -->`."""
    text = cli_text()
    start = text.index(f"<!-- keys: {name} -->")
    block = re.match(r"<!--[^>]*-->\n((?:\|[^\n]*\n)+)", text[start:])
    assert block, f"docs/cli.md has no table after <!-- keys: {name} -->"
    return table_names(block.group(1))


@pytest.mark.parametrize("name", list(RESULT_COLUMNS))
def test_the_columns_of_each_result_table_are_those_of_docs_cli(name: str):
    """The header line and the column table of docs/cli.md, in the code's order."""
    assert header_line(name) == RESULT_COLUMNS[name]
    assert table_names(section(f"{name}.csv")) == RESULT_COLUMNS[name]


def test_a_written_result_folder_has_the_columns_and_keys_of_docs_cli(tmp_path: Path):
    """What `solve` writes (a small solved package), read as a user would open it."""
    folder = result_folder(tmp_path / "result")
    for name, columns in RESULT_COLUMNS.items():
        first = (folder / f"{name}.csv").read_text(encoding="utf-8").splitlines()[0]
        assert first.split(",") == header_line(name) == columns
    summary = meeting_result().summary
    assert keys_table("summary") == list(summary)
    for figures in summary["provinces"].values():
        assert keys_table("province") == list(figures)
    assert set(summary["explanation"]) <= set(keys_table("explanation"))
    assert "sum_of_shares" in section("summary.json")


def test_the_reason_codes_of_docs_cli_are_those_of_the_code():
    """sites.csv's `reason` codes, in the order the code tries them."""
    assert keys_table("reasons") == list(REASONS)


def test_the_summary_keys_of_docs_cli_are_those_read_back():
    """`read_result` knows every key docs/cli.md lists, and requires none that it does not."""
    assert set(keys_table("summary")) == set(_Summary.model_fields)
    assert set(_Province.model_fields) <= set(keys_table("province"))
    assert set(_Explanation.model_fields) <= set(keys_table("explanation"))
    assert set(_Stage.model_fields) <= set(re.findall(r"`(\w+)`", section("summary.json")))


def test_the_columns_of_fallback_and_indicative_are_those_of_docs_cli():
    assert header_line("fallback") == list(FALLBACK_COLUMNS)
    table = indicative_table(read_raw(ROOT / "instances" / "overijssel-2024"))
    assert header_line("indicative") == list(table.columns)
