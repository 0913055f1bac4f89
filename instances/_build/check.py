"""Self-check of generated instance folders, and the key totals for their README.

`python instances/_build/check.py instances/overijssel-2024 instances/nl-2024`

Checks the contract (header order, integers, amv_task <= reception_task, unique ids, known
municipalities, min <= max, dates) and the sums against the published opgave; prints per province
(and region) the tasks, the firm capacity (counted existing and decided sites, at their max) and the
soft capacity (counted planned and idea sites that can open, at min(max_places, kind max)), and how
many municipalities cannot cover their own task with their own counted sites. Exit status 1 when a
check fails.
"""

from __future__ import annotations

import csv
import sys
import tomllib
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from common import MUNICIPALITY_COLUMNS, SITE_COLUMNS, Site, read_csv, site_from_row

from model.core.instance import INT_COLUMNS


@dataclass
class Loaded:
    settings: dict
    municipalities: list[dict]
    sites: dict[str, Site]  # by id, in file order
    problems: list[str]


def load(folder: Path) -> Loaded:
    """Settings, municipality rows (ints converted), sites, and the contract problems found."""
    problems: list[str] = []
    settings = tomllib.loads((folder / "instance.toml").read_text(encoding="utf-8"))
    with open(folder / "municipalities.csv", encoding="utf-8", newline="") as f:
        reader = csv.DictReader(f)
        if tuple(reader.fieldnames or ()) != MUNICIPALITY_COLUMNS:
            problems.append(f"municipalities.csv header {reader.fieldnames}")
        ms = list(reader)
    for m in ms:
        for c in INT_COLUMNS:
            m[c] = int(m[c])
        m["willing_extra"] = float(m["willing_extra"])
        if m["max_site_size"] and int(m["max_site_size"]) <= 0:
            problems.append(f"{m['code']}: max_site_size {m['max_site_size']}")
        if not 0 <= m["amv_task"] <= m["reception_task"]:
            problems.append(f"{m['code']}: amv_task {m['amv_task']} > reception_task")
        if min(m[c] for c in INT_COLUMNS) < 0 or m["population"] <= 0:
            problems.append(f"{m['code']}: negative count or population <= 0")
    codes = [m["code"] for m in ms]
    if len(set(codes)) != len(codes):
        problems.append("duplicate municipality codes")
    if settings["rules"]["exchange_scope"] == "region" and any(not m["region"] for m in ms):
        problems.append("region missing under region scope")
    with open(folder / "sites.csv", encoding="utf-8", newline="") as f:
        reader = csv.DictReader(f)
        if tuple(reader.fieldnames or ()) != SITE_COLUMNS:
            problems.append(f"sites.csv header {reader.fieldnames}")
        rows = list(reader)
    ids = [r["id"] for r in rows]
    if len(set(ids)) != len(ids):
        problems.append("duplicate site ids")
    sites = {}
    for r in rows:
        s = site_from_row(r, r["municipality"], int(r["cost_per_place"]))
        if s.municipality not in codes:
            problems.append(f"{r['id']}: unknown municipality {s.municipality}")
        if not 0 <= s.min_places <= s.max_places:
            problems.append(f"{r['id']}: min {s.min_places} max {s.max_places}")
        if s.available_from and s.available_until and s.available_until <= s.available_from:
            problems.append(f"{r['id']}: available_until not after available_from")
        if s.kind not in ("regular", "branch", "small", "amv", "municipal"):
            problems.append(f"{r['id']}: kind {s.kind}")
        if s.status not in ("existing", "decided", "planned", "idea"):
            problems.append(f"{r['id']}: status {s.status}")
        sites[r["id"]] = s
    return Loaded(settings, ms, sites, problems)


def capacity(ms: list[dict], sites: list[Site]) -> dict[str, dict[str, int]]:
    """Per municipality: firm and soft capacity, and the same for AMV sites."""
    cap: dict[str, dict[str, int]] = {m["code"]: defaultdict(int) for m in ms}
    for s in sites:
        c = s.capacity()
        part = "firm" if s.committed else "soft"
        cap[s.municipality][part] += c
        if s.kind == "amv":
            cap[s.municipality]["amv_" + part] += c
        if not s.counts():
            cap[s.municipality]["not_counted"] += 1
        elif c == 0:
            cap[s.municipality]["never_opens"] += 1
    return cap


def summary(ms: list[dict], sites: list[Site], key: str) -> list[dict[str, object]]:
    """Totals per `key` ("province" or "region"), plus a line for all together."""
    cap = capacity(ms, sites)
    groups: dict[str, list[dict]] = defaultdict(list)
    for m in ms:
        groups[m[key]].append(m)
    if len(groups) > 1:
        groups["total"] = ms
    lines = []
    for name, members in groups.items():
        c = [cap[m["code"]] for m in members]
        short = [
            m
            for m, x in zip(members, c, strict=True)
            if x["firm"] + x["soft"] < m["reception_task"]
        ]
        short_amv = [
            m
            for m, x in zip(members, c, strict=True)
            if x["amv_firm"] + x["amv_soft"] < m["amv_task"]
        ]
        opgave = sum(m["reception_task"] for m in members)
        firm, soft = sum(x["firm"] for x in c), sum(x["soft"] for x in c)
        lines.append(
            {
                key: name,
                "municipalities": len(members),
                "opgave": opgave,
                "amv": sum(m["amv_task"] for m in members),
                "firm": firm,
                "soft": soft,
                "total_pct": round(100 * (firm + soft) / opgave),
                "amv_firm": sum(x["amv_firm"] for x in c),
                "amv_soft": sum(x["amv_soft"] for x in c),
                "short": len(short),
                "short_places": sum(
                    m["reception_task"] - cap[m["code"]]["firm"] - cap[m["code"]]["soft"]
                    for m in short
                ),
                "short_amv": len(short_amv),
                "with_extra": sum(
                    1 for m in members if m["housing_extra_max"] or m["ukraine_extra_max"]
                ),
                "not_counted": sum(x["not_counted"] for x in c),
                "never_opens": sum(x["never_opens"] for x in c),
            }
        )
    return lines


def text_table(lines: list[dict[str, object]]) -> str:
    columns = list(lines[0])
    widths = [max(len(c), *(len(str(line[c])) for line in lines)) for c in columns]
    out = ["  ".join(c.rjust(w) for c, w in zip(columns, widths, strict=True))]
    for line in lines:
        out.append("  ".join(str(line[c]).rjust(w) for c, w in zip(columns, widths, strict=True)))
    return "\n".join(out)


def markdown_table(lines: list[dict[str, object]]) -> str:
    columns = list(lines[0])
    out = ["| " + " | ".join(columns) + " |", "|" + "---|" * len(columns)]
    out += ["| " + " | ".join(str(line[c]) for c in columns) + " |" for line in lines]
    return "\n".join(out)


def short_municipalities(data: Loaded) -> list[dict[str, object]]:
    """Municipalities whose own counted sites cannot cover their task, with what they declare."""
    cap = capacity(data.municipalities, list(data.sites.values()))
    lines = []
    for m in data.municipalities:
        c = cap[m["code"]]
        own = c["firm"] + c["soft"]
        if own < m["reception_task"]:
            lines.append(
                {
                    "municipality": m["name"],
                    "region": m["region"],
                    "task": m["reception_task"],
                    "own firm": c["firm"],
                    "own soft": c["soft"],
                    "gap": m["reception_task"] - own,
                    "housing_extra_max": m["housing_extra_max"],
                    "ukraine_extra_max": m["ukraine_extra_max"],
                }
            )
    return lines


def idle_sites(data: Loaded) -> list[dict[str, object]]:
    """Sites that add no places: not counted (dates) or never able to open (below kind minimum)."""
    names = {m["code"]: m["name"] for m in data.municipalities}
    return [
        {
            "id": i,
            "municipality": names[s.municipality],
            "site": s.name,
            "kind": s.kind,
            "status": s.status,
            "max": s.max_places,
            "why no places": s.why_not(),
        }
        for i, s in data.sites.items()
        if s.why_not()
    ]


def published_opgave() -> dict[str, tuple[int, str]]:
    return {r["province"]: (int(r["opgave"]), r["amv"]) for r in read_csv("provinces_cycle1.csv")}


def check(folder: Path) -> list[str]:
    data = load(folder)
    problems = data.problems
    published = published_opgave()
    sites = list(data.sites.values())
    by_province = summary(data.municipalities, sites, "province")
    for line in by_province:
        if line["province"] in published:
            opgave, amv = published[line["province"]]
            if line["opgave"] != opgave:
                problems.append(f"{line['province']}: reception {line['opgave']} != {opgave}")
            if amv and line["amv"] != int(amv):
                problems.append(f"{line['province']}: amv {line['amv']} != {amv}")
    counts = f"{len(data.municipalities)} municipalities, {len(sites)} sites"
    print(f"== {folder}: {data.settings['name']}, {counts}")
    print(text_table(by_province))
    if data.settings["rules"]["exchange_scope"] == "region":
        print(text_table(summary(data.municipalities, sites, "region")))
    return problems


def main(folders: list[str]) -> int:
    problems = [f"{folder}: {p}" for folder in folders for p in check(Path(folder))]
    for p in problems:
        print("PROBLEM", p)
    print("ok" if not problems else f"{len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
