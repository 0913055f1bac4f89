"""Shared pieces of the instance build scripts: source data, national keys, site costs, writing.

The build scripts regenerate the instance folders from the source CSVs in `instances/_build/data/`
(verbatim copies of the project's collected public data, see data/SOURCES.md). They are developer
tools: the installed program never runs them.
"""

from __future__ import annotations

import csv
import datetime as dt
import json
import random
import sys
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

BUILD = Path(__file__).resolve().parent
DATA = BUILD / "data"
ROOT = BUILD.parents[1]
INSTANCES = ROOT / "instances"
if str(ROOT) not in sys.path:  # run from a clone without `pip install -e .`
    sys.path.insert(0, str(ROOT))

from model.core.indicative import apportion  # noqa: E402

REFERENCE_DATE = dt.date(2025, 7, 1)

NATIONAL_HOUSING_TASK = 13_000
"""Status holders to house nationally in H2 2025 (docs/domain.md). Real."""

NATIONAL_UKRAINE_PLACES = 90_000
"""Places for Ukrainian displaced persons nationally. ILLUSTRATIVE: the order of magnitude of
municipal reception of Ukrainians in 2024, not an official task."""

MUNICIPALITY_COLUMNS = (
    "code",
    "name",
    "province",
    "region",
    "population",
    "reception_task",
    "amv_task",
    "housing_task",
    "housing_extra_max",
    "ukraine_task",
    "ukraine_extra_max",
    "willing_extra",
    "max_site_size",
)
"""municipalities.csv columns in contract order (instance-format.md); ses_woa left out: unknown."""

SITE_COLUMNS = (
    "id",
    "municipality",
    "name",
    "kind",
    "status",
    "min_places",
    "max_places",
    "available_from",
    "available_until",
    "cost_per_place",
)

KIND_SIZE = {
    "regular": (300, 1500),
    "branch": (200, 600),
    "small": (50, 150),
    "amv": (16, 100),
    "municipal": (1, 300),
}
"""Default COA size rules for a new site (instance-format.md, [site_kinds])."""

COST_PER_PLACE = {
    "regular": 32_000,
    "branch": 35_000,
    "small": 42_000,
    "amv": 78_000,
    "municipal": 38_000,
}
"""EUR per place per year by kind. ILLUSTRATIVE round figures for reports; varied per site."""


@dataclass(frozen=True)
class Municipality:
    code: str
    name: str
    province: str
    population: int


@dataclass
class Site:
    municipality: str
    name: str
    kind: str
    status: str
    min_places: int
    max_places: int
    available_from: dt.date | None = None
    available_until: dt.date | None = None
    cost_per_place: int | None = None

    def counts(self) -> bool:
        """Available on the reference date and for at least 5 more years (docs/model.md, "Sites")."""
        if self.available_from is not None and self.available_from > REFERENCE_DATE:
            return False
        until = REFERENCE_DATE.replace(year=REFERENCE_DATE.year + 5)
        return self.available_until is None or self.available_until >= until

    @property
    def committed(self) -> bool:
        return self.status in ("existing", "decided")

    def capacity(self) -> int:
        """Most places this site can count: 0 when it does not count or can never open."""
        if not self.counts():
            return 0
        if self.committed:
            return self.max_places
        lo_kind, hi_kind = KIND_SIZE[self.kind]
        lo, hi = max(self.min_places, lo_kind), min(self.max_places, hi_kind)
        return hi if lo <= hi else 0

    def why_not(self) -> str:
        """Why this site adds no places (for the README), or "" when it can count."""
        if self.available_from is not None and self.available_from > REFERENCE_DATE:
            return f"available from {self.available_from}, after the reference date"
        if not self.counts():
            return f"available until {self.available_until}, less than 5 years"
        if self.capacity() == 0:
            lowest = KIND_SIZE[self.kind][0]
            return f"max {self.max_places} below COA's minimum {lowest} for {self.kind}"
        return ""


def site_from_row(row: dict[str, str], municipality: str, cost: int) -> Site:
    """A Site from a sites.csv-shaped row (dates as YYYY-MM-DD or blank)."""

    def date(text: str) -> dt.date | None:
        return dt.date.fromisoformat(text) if text else None

    return Site(
        municipality,
        row["name"],
        row["kind"],
        row["status"],
        int(row["min_places"]),
        int(row["max_places"]),
        date(row["available_from"]),
        date(row["available_until"]),
        cost,
    )


def read_csv(name: str) -> list[dict[str, str]]:
    with open(DATA / name, encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def all_municipalities() -> list[Municipality]:
    """The 342 municipalities with CBS 85984NED population on 1 Jan 2024, sorted by code."""
    rows = [
        Municipality(r["code"], r["name"], r["province"], int(r["population"]))
        for r in read_csv("municipalities.csv")
    ]
    return sorted(rows, key=lambda m: m.code)


def by_population(total: int, municipalities: Sequence[Municipality]) -> dict[str, int]:
    """Largest-remainder split of `total` over `municipalities` by inhabitants."""
    shares = apportion(
        total, [m.population for m in municipalities], [m.code for m in municipalities]
    )
    return {m.code: s for m, s in zip(municipalities, shares, strict=True)}


def national_keys() -> tuple[dict[str, int], dict[str, int]]:
    """housing_task (13,000, real) and ukraine_task (90,000, illustrative) by population."""
    everyone = all_municipalities()
    return (
        by_population(NATIONAL_HOUSING_TASK, everyone),
        by_population(NATIONAL_UKRAINE_PLACES, everyone),
    )


def site_cost(kind: str, rng: random.Random) -> int:
    """Illustrative yearly cost per place: the kind's base figure +-10 %, rounded to 100."""
    return int(round(COST_PER_PLACE[kind] * rng.uniform(0.9, 1.1), -2))


def template(name: str) -> str:
    """A README template from `templates/`, to be filled with str.format."""
    return (BUILD / "templates" / name).read_text(encoding="utf-8")


def dutch(n: int) -> str:
    """A whole number as Dutch readers write it: 6.325."""
    return f"{n:,}".replace(",", ".")


def meta_toml(source: str, notes: dict[str, str] | None = None) -> str:
    """The `[meta]` table of an instance.toml (docs/instance-format.md): the shipped instances are
    all illustrative; `source` says what is real, `notes` say it per column ("sites.max_places")."""
    lines = [
        "",
        "[meta]",
        "illustrative = true",
        f"source = {json.dumps(source, ensure_ascii=False)}",
    ]
    if notes:
        lines += ["", "[meta.notes]"]
        lines += [
            f"{json.dumps(key)} = {json.dumps(note, ensure_ascii=False)}"
            for key, note in notes.items()
        ]
    return "\n".join(lines) + "\n"


def _cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def write_csv(path: Path, columns: Sequence[str], rows: Iterable[dict[str, object]]) -> None:
    """UTF-8 (no BOM), comma, LF line ends, header exactly `columns`, blanks for None."""
    with open(path, "w", encoding="utf-8", newline="") as f:
        writer = csv.writer(f, lineterminator="\n")
        writer.writerow(columns)
        for row in rows:
            writer.writerow([_cell(row.get(c)) for c in columns])


def write_sites(path: Path, prefix: str, sites: Sequence[Site], width: int) -> None:
    """sites.csv with ids `<prefix>-<n>` numbered in the given order."""
    write_csv(
        path,
        SITE_COLUMNS,
        ({"id": f"{prefix}-{i:0{width}d}", **vars(site)} for i, site in enumerate(sites, start=1)),
    )
