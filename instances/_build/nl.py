"""Build instances/nl-2024, the scale instance: all 342 municipalities, Spreidingswet cycle 1.

Real: municipalities and population (CBS 85984NED, 1 Jan 2024), the twelve provincial opgaven of
cycle 1 and the published provincial AMV figures (provinces_cycle1.csv), the national housing task
13,000 (H2 2025). Derived by rule: each province's opgave over its municipalities by population
(no SES-WOA: unknown), AMV 8.48 % of the opgave where no provincial figure was published.
Generated (ILLUSTRATIVE, seeded): the Ukrainian task, every site, the declared spare capacities,
volunteered value and site-size preferences.

Run from the repository root: `python instances/_build/nl.py`. Deterministic: each province draws
from its own generator seeded with SEED and the province name, so rerunning gives identical files.
"""

from __future__ import annotations

import datetime as dt
import math
import random
from collections.abc import Sequence
from dataclasses import dataclass

from check import Loaded, load, markdown_table, summary
from common import (
    INSTANCES,
    KIND_SIZE,
    MUNICIPALITY_COLUMNS,
    REFERENCE_DATE,
    Municipality,
    Site,
    all_municipalities,
    apportion,
    by_population,
    meta_toml,
    national_keys,
    read_csv,
    site_cost,
    template,
    write_csv,
    write_sites,
)

SEED = 96000
OUT = INSTANCES / "nl-2024"
AMV_SHARE = (
    0.0848  # 8,139 of 96,000 nationally (docs/domain.md), for provinces without a published figure
)

# Shape of the generated capacity (all illustrative):
CAPACITY_RATIO = (0.96, 1.08)  # counted places (firm + soft, at their max) / opgave, per province
AMV_RATIO = (1.00, 1.15)  # the same for AMV sites / AMV opgave
HUB_SHARE = 0.12  # municipalities with a large existing azc and room to spare
HUB_MIN_RATIO = 1.1  # a hub's non-AMV capacity is at least this times its task
SHORT_SHARE = 0.40  # municipalities whose own sites cannot cover their task
EMPTY_SHARE = 0.15  # of the short ones: no site at all
TEMPORARY_SHARE = (
    0.12  # municipalities with an extra site that does not count (temporary / too late)
)
WISH_SHARE = 0.06  # municipalities with a soft site below COA's kind minimum (can never open)
PREFERENCE_SHARE = 0.20  # non-hub municipalities with a max_site_size
PREFERRED_SIZES = (50, 60, 75, 80, 100, 120, 150, 200, 250, 300)

FIRST_STATUS = {"existing": 0.30, "decided": 0.30, "planned": 0.25, "idea": 0.15}
LATER_STATUS = {"decided": 0.15, "planned": 0.45, "idea": 0.40}
D = dt.date


@dataclass
class Plan:
    """What is drawn for one municipality before its sites are cut."""

    m: Municipality
    task: int
    amv: int
    role: str  # "hub", "ok" or "short"
    capacity: float = 0.0  # places at its non-AMV counted sites


def provinces() -> list[tuple[str, int, int, str]]:
    """(province, opgave, amv, where amv comes from) in the order of provinces_cycle1.csv."""
    out = []
    for r in read_csv("provinces_cycle1.csv"):
        opgave = int(r["opgave"])
        if r["amv"]:
            out.append((r["province"], opgave, int(r["amv"]), r["amv_source"]))
        else:
            out.append((r["province"], opgave, round(AMV_SHARE * opgave), "8.48 % of the opgave"))
    return out


def pick(rng: random.Random, weights: dict[str, float]) -> str:
    return rng.choices(list(weights), list(weights.values()))[0]


def choose_roles(rng: random.Random, plans: list[Plan]) -> None:
    """Hubs drawn by task (large municipalities likelier host an azc), then the short ones."""
    n = len(plans)
    pool = list(plans)
    for _ in range(max(1, round(HUB_SHARE * n))):
        hub = rng.choices(pool, [p.task for p in pool])[0]
        hub.role = "hub"
        pool.remove(hub)
    for p in rng.sample(pool, round(SHORT_SHARE * n)):
        p.role = "short"


def draw_capacity(rng: random.Random, p: Plan) -> float:
    if p.role == "hub":
        return max(p.task * rng.uniform(1.5, 2.5), rng.uniform(350, 700))
    if p.role == "ok":
        return p.task * rng.uniform(0.95, 1.35)
    return 0.0 if rng.random() < EMPTY_SHARE else p.task * rng.uniform(0.25, 0.8)


def kind_for(size: int, rng: random.Random) -> str:
    """A site kind whose COA size rule admits `size` places."""
    if size >= 300:
        return "regular" if size > 600 or rng.random() < 0.6 else "branch"
    if size >= 200:
        return rng.choice(("branch", "municipal"))
    if size >= 50 and size <= 150:
        return rng.choice(("small", "municipal"))
    return "municipal"


def split(total: int, rng: random.Random) -> list[int]:
    """Cut `total` places into 1 to 4 (more for big totals) site sizes, none above 1,500."""
    if total <= 0:
        return []
    if total < 40:
        return [total]
    k = rng.choice((1, 2, 2, 3) if total < 150 else (2, 3, 3, 4, 4))
    k = max(k, math.ceil(total / 1200))
    while True:
        weights = [rng.uniform(0.5, 1.5) for _ in range(k)]
        sizes = apportion(total, weights, [str(i) for i in range(k)])
        if max(sizes) <= KIND_SIZE["regular"][1]:
            return sizes
        k += 1


def make_site(
    rng: random.Random, m: Municipality, name: str, kind: str, status: str, size: int
) -> Site:
    """A counted site of `size` places at most; min near occupancy (committed) or kind minimum."""
    if status in ("existing", "decided"):
        low = round(size * rng.uniform(0.6, 0.9))
    else:
        low = min(size, max(KIND_SIZE[kind][0], round(size * rng.uniform(0.4, 0.8))))
    start = None
    if status == "decided":
        start = D(2025, rng.randint(1, 7), 1)
    return Site(m.code, name, kind, status, low, size, start, None, site_cost(kind, rng))


SITE_NAMES = {
    "regular": "azc {name}",
    "branch": "Dependance {name}",
    "small": "Kleinschalig {name}",
    "amv": "AMV {name}",
    "municipal": "Gemeentelijke opvang {name}",
}


def site_name(kind: str, status: str, m: Municipality, number: int) -> str:
    base = SITE_NAMES[kind].format(name=m.name)
    if number > 1:
        base += f" {number}"
    return base + (" (idee)" if status == "idea" else "")


def cut_sites(rng: random.Random, p: Plan, capacity: int) -> list[Site]:
    """The counted non-AMV sites of one municipality, with max_places adding up to `capacity`."""
    sites: list[Site] = []
    counter: dict[str, int] = {}

    def add(kind: str, status: str, size: int) -> None:
        counter[kind] = counter.get(kind, 0) + 1
        sites.append(
            make_site(rng, p.m, site_name(kind, status, p.m, counter[kind]), kind, status, size)
        )

    rest = capacity
    if p.role == "hub":
        azc = min(rest, 1500)
        add("regular", "existing", azc)
        rest -= azc
    for i, size in enumerate(split(rest, rng)):
        status = pick(rng, FIRST_STATUS if i == 0 and p.role != "hub" else LATER_STATUS)
        add(kind_for(size, rng), status, size)
    return sites


def amv_sites(rng: random.Random, plans: list[Plan], target: int) -> list[Site]:
    """AMV sites (16 to 100 places) at hubs and well-provided municipalities, `target` in all."""
    hosts = [p for p in plans if p.role != "short"]
    count: dict[str, int] = {}
    sites = []
    rest = target
    while rest > 0:
        free = [p for p in hosts if count.get(p.m.code, 0) < 2] or hosts
        host = rng.choices(free, [p.task for p in free])[0]
        n = count[host.m.code] = count.get(host.m.code, 0) + 1
        size = max(16, min(rest, rng.randint(16, 100)))
        if host.role == "hub" and n == 1:
            status = pick(rng, {"existing": 0.5, "decided": 0.5})
        else:
            status = pick(rng, {"decided": 0.2, "planned": 0.45, "idea": 0.35})
        sites.append(
            make_site(rng, host.m, site_name("amv", status, host.m, n), "amv", status, size)
        )
        rest -= size
    return sites


def extra_site(rng: random.Random, m: Municipality, task: int) -> Site:
    """A site that does not count: temporary (ends within 5 years) or available too late."""
    size = max(20, round(task * rng.uniform(0.3, 1.2)))
    kind = kind_for(min(size, 1500), rng)
    size = min(size, KIND_SIZE[kind][1])
    if rng.random() < 0.6:
        site = make_site(rng, m, f"Noodopvang {m.name} (tijdelijk)", kind, "existing", size)
        site.available_until = D(rng.randint(2026, 2029), rng.choice((3, 6, 9, 12)), 28)
    else:
        status = rng.choice(("planned", "idea"))
        site = make_site(rng, m, f"Nieuwbouw {m.name} (vanaf 2026)", kind, status, size)
        site.available_from = D(rng.choice((2026, 2027)), rng.randint(1, 12), 1)
    return site


def wish_site(rng: random.Random, m: Municipality) -> Site:
    """A soft site smaller than COA's minimum for its kind: the municipality's wish, never opens."""
    kind = rng.choice(("small", "small", "amv", "regular"))
    top = {"small": (20, 45), "amv": (6, 14), "regular": (120, 280)}[kind]
    size = rng.randint(*top)
    low = round(size * rng.uniform(0.5, 0.8))
    name = f"{SITE_NAMES[kind].format(name=m.name)} (wens)"
    return Site(m.code, name, kind, "idea", low, size, None, None, site_cost(kind, rng))


def policy(rng: random.Random, p: Plan, own: int, housing: int, ukraine: int) -> dict[str, object]:
    """Declared spare capacity, volunteered value and preferred size (all illustrative)."""
    h_extra = u_extra = willing = 0
    max_size = None
    gap = p.task - own
    if gap > 0 and rng.random() < 0.75:
        u_extra = round(gap * rng.uniform(0.4, 1.0))
        if rng.random() < 0.5:
            h_extra = max(1, round(housing * rng.uniform(0.5, 1.5)))
    elif gap <= 0 and rng.random() < 0.08:
        u_extra = max(1, round(ukraine * rng.uniform(0.1, 0.4)))
    if rng.random() < (0.25 if p.role == "hub" else 0.04):
        willing = max(1, round(p.task * rng.uniform(0.03, 0.1)))
    if p.role != "hub" and rng.random() < PREFERENCE_SHARE:
        max_size = rng.choice(PREFERRED_SIZES)
    return {
        "housing_extra_max": h_extra,
        "ukraine_extra_max": u_extra,
        "willing_extra": willing,
        "max_site_size": max_size,
    }


def build_province(
    province: str,
    opgave: int,
    amv_total: int,
    ms: Sequence[Municipality],
    housing: dict[str, int],
    ukraine: dict[str, int],
) -> tuple[list[dict[str, object]], list[Site]]:
    rng = random.Random(f"{SEED}-{province}")
    tasks = by_population(opgave, ms)
    codes = [m.code for m in ms]
    amv = dict(zip(codes, apportion(amv_total, [tasks[c] for c in codes], codes), strict=True))
    plans = [Plan(m, tasks[m.code], amv[m.code], "ok") for m in ms]
    choose_roles(rng, plans)
    for p in plans:
        p.capacity = draw_capacity(rng, p)

    amv_part = amv_sites(rng, plans, round(amv_total * rng.uniform(*AMV_RATIO)))
    target = round(opgave * rng.uniform(*CAPACITY_RATIO)) - sum(s.max_places for s in amv_part)
    hubs = [p for p in plans if p.role == "hub"]
    left = target - sum(p.capacity for p in plans if p.role != "hub")
    scale = left / sum(p.capacity for p in hubs)
    for p in hubs:  # the hubs take up the slack, but keep room to spare
        p.capacity = max(p.capacity * scale, p.task * HUB_MIN_RATIO)

    rows, sites = [], []
    for p in plans:
        capacity = round(p.capacity)
        own = cut_sites(rng, p, capacity) + [s for s in amv_part if s.municipality == p.m.code]
        if rng.random() < TEMPORARY_SHARE:
            own.append(extra_site(rng, p.m, p.task))
        if p.role != "hub" and rng.random() < WISH_SHARE:
            own.append(wish_site(rng, p.m))
        sites += own
        rows.append(
            {
                "code": p.m.code,
                "name": p.m.name,
                "province": province,
                "region": province,
                "population": p.m.population,
                "reception_task": p.task,
                "amv_task": p.amv,
                "housing_task": housing[p.m.code],
                "ukraine_task": ukraine[p.m.code],
                **policy(
                    rng, p, sum(s.capacity() for s in own), housing[p.m.code], ukraine[p.m.code]
                ),
            }
        )
    return rows, sites


def build() -> None:
    everyone = all_municipalities()
    housing, ukraine = national_keys()
    rows, sites = [], []
    for province, opgave, amv, _ in provinces():
        members = [m for m in everyone if m.province == province]
        r, s = build_province(province, opgave, amv, members, housing, ukraine)
        rows += r
        sites += s
    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / "instance.toml").write_text(INSTANCE_TOML, encoding="utf-8")
    write_csv(OUT / "municipalities.csv", MUNICIPALITY_COLUMNS, rows)
    write_sites(OUT / "sites.csv", "NL", sites, width=4)
    (OUT / "README.md").write_text(readme(load(OUT)), encoding="utf-8")


INSTANCE_TOML = f"""\
# Generated by instances/_build/nl.py; provenance in README.md.
name = "Nederland, cycle 1 (2024)"
reference_date = {REFERENCE_DATE.isoformat()}  # realisation deadline of cycle 1

[rules]
exchange_scope = "province"  # the binding unit of the Spreidingswet
""" + meta_toml(
    "Schaalinstantie voor metingen, niet het plan van een provincie of gemeente. Echt: de "
    "gemeenten, hun inwoners en de twaalf provinciale opgaven; de opgave van elke gemeente is "
    "daaruit verdeeld naar inwoners. Locaties, de opgave voor Oekraïense ontheemden en de "
    "bereidheid tot uitruil zijn gegenereerd (illustratief). Herkomst: README.md van de instantie.",
    {
        "municipalities.reception_task": "de provinciale opgave verdeeld naar inwoners",
        "sites.max_places": "gegenereerd",
    },
)


def published_comparison(ms: list[dict]) -> list[dict[str, object]]:
    """The 15 municipal figures found in news coverage next to the population split used here."""
    here = {m["code"]: m["reception_task"] for m in ms}
    return [
        {
            "municipality": r["name"],
            "province": r["province"],
            "published": int(r["indicative_places"]),
            "here (population only)": here[r["code"]],
        }
        for r in read_csv("spreidingswet_indicative_partial.csv")
    ]


def readme(data: Loaded) -> str:
    """README.md: what is real (with source), what is derived by rule, what is generated."""
    ms = data.municipalities
    totals = summary(ms, list(data.sites.values()), "province")
    total = totals[-1]
    amv_rows = [
        {"province": p, "opgave": o, "amv": a, "amv from": source}
        for p, o, a, source in provinces()
    ]
    return template("nl-README.md").format(
        n_sites=len(data.sites),
        amv=markdown_table(amv_rows),
        amv_total=sum(a for _, _, a, _ in provinces()),
        comparison=markdown_table(published_comparison(ms)),
        housing=sum(m["housing_task"] for m in ms),
        ukraine=sum(m["ukraine_task"] for m in ms),
        totals=markdown_table(totals),
        below=", ".join(
            f"{t['province']} ({t['opgave'] - t['firm'] - t['soft']:,} places short)"
            for t in totals[:-1]
            if t["firm"] + t["soft"] < t["opgave"]
        )
        or "none",
        n_short=total["short"],
        pct_short=round(100 * total["short"] / len(ms)),
        n_extra=total["with_extra"],
        pct_extra=round(100 * total["with_extra"] / len(ms)),
        firm=total["firm"],
        soft=total["soft"],
        seed=SEED,
        capacity_ratio=f"{CAPACITY_RATIO[0]:.0%} to {CAPACITY_RATIO[1]:.0%}",
        amv_ratio=f"{AMV_RATIO[0]:.0%} to {AMV_RATIO[1]:.0%}",
        hub=f"{HUB_SHARE:.0%}",
        hub_min=HUB_MIN_RATIO,
        short=f"{SHORT_SHARE:.0%}",
        empty=f"{EMPTY_SHARE:.0%}",
        temporary=f"{TEMPORARY_SHARE:.0%}",
        wish=f"{WISH_SHARE:.0%}",
        preference=f"{PREFERENCE_SHARE:.0%}",
    )


if __name__ == "__main__":
    build()
