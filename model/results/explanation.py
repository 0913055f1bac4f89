"""Explain a package without the solver (issue 12): what each municipality gives and gets, the
places above obligations that carry the provincial test, how firm the package is, and whether the
numbers are real.

Pure functions on an `Instance` and a `Result`; what needs the solver (why a municipality stays
short, what would close it, the dependence on each component) is added beside them. The reports
read the outcome from summary.json (`explanation`) and from the result tables, so that
`uitruil report` needs no instance.

How firm (`realisation`): each open site s is realised with probability p(s) (sites.csv
`realisation`, else `rules.realisation` of its status), independently of the others, and then
counts ρ(s)·x(s) places, else none. The distribution of the counted places of a set of sites is
computed exactly by a dynamic programme: each site's two outcomes are convolved into the
distribution so far. Counted places can be fractional (a status weight of 0.7), so the places are
counted in units of 1/D, D the least common denominator of the status weights as written (0.7 is
7/10, 0.95 is 19/20), and in steps of the greatest common divisor g of the sites' units: every
total is then a whole number of steps, an index into an array. Only totals below what is needed
matter, so every total is capped at the need (a municipality's reception obligation, a province's
reception task): need·D/g + 1 states at most, each site one pass over them. A test has two
conditions (all places and AMV places), so the AMV sites and the other sites are two independent
distributions, joined exactly: P(pass) = Σ_a P(A = a)·[a ≥ amv need]·P(N ≥ need − a). Exact means
no sampling and no rounding of places; the probabilities are floating-point sums and products.
"""

from __future__ import annotations

import math
from dataclasses import replace
from fractions import Fraction

import numpy as np
import pandas as pd

from model.core.instance import Instance
from model.core.settings import COMPONENTS, Meta, Realisation
from model.lang import chance, number, percent, text
from model.results.result import Result, tidy

COMPACT_COLUMNS = [
    "name",
    "hands_over",
    "takes_over",
    "value_change",
    "voluntary",
    "firm_places",
    "soft_places",
    "unmet",
    "covered_chance",
]
"""The balance sheet as the page and report.md show it (`compact_balance`)."""
BALANCE_COLUMNS = [
    "code",
    "name",
    "province",
    *(f"{k}_task" for k in COMPONENTS),
    *COMPACT_COLUMNS[1:],
]
"""The balance sheet of a municipality (`balance_sheet`), one row each: the compact columns
with code, province and the task per component."""
EPSILON = 1e-9
"""Below this a place or a value is nothing (float noise of status-weighted places)."""
MAX_STATES = 5_000_000
"""Most totals one distribution may hold (40 MB); beyond it (status weights with many decimals on
a large province) the chance is not computed rather than approximated."""


# ---- 1. balance sheet -------------------------------------------------------------------------


def balance_sheet(result: Result, lang: str | None = None) -> pd.DataFrame:
    """Per municipality, in the order of municipalities.csv: its task per component, what it
    hands over and to whom, what it takes over and from whom (partner: units per component, the
    largest partner first), the net value change, the value it volunteers over its deals
    (deals.csv `voluntary` where it is the `volunteer`), places firm and soft, unmet places, and
    the chance that it is covered (summary.json, `explanation.probability`; NaN when unknown).
    In the toy, Aadorp hands over "Beekstad: 60 opvangplekken; Cedam: 30 opvangplekken".
    """
    lang = lang or result.lang
    m = result.municipalities
    names = m.set_index("code")["name"]
    t = result.transfers
    deals = result.deals
    voluntary = deals.groupby(deals["volunteer"].astype(str))["voluntary"].sum()
    odds = result.summary.get("explanation", {}).get("probability", {}).get("municipalities", {})
    sheet = m[["code", "name", "province", *(f"{k}_task" for k in COMPONENTS)]].copy()
    handed = _partner_texts(t, "from", "to", names, lang)
    taken = _partner_texts(t, "to", "from", names, lang)
    sheet["hands_over"] = [handed.get(code, "") for code in m["code"]]
    sheet["takes_over"] = [taken.get(code, "") for code in m["code"]]
    sheet["value_change"] = m["value_change"]
    sheet["voluntary"] = m["code"].map(voluntary).fillna(0.0).map(tidy)
    sheet["firm_places"] = m["firm_places"]
    sheet["soft_places"] = (m["places"] - m["firm_places"]).map(tidy)
    sheet["unmet"] = (m["unmet_rec"] + m["unmet_amv"]).map(tidy)
    sheet["covered_chance"] = [_chance(odds.get(code)) for code in m["code"]]
    return sheet[BALANCE_COLUMNS].reset_index(drop=True)


def _partner_texts(
    transfers: pd.DataFrame, side: str, other: str, names: pd.Series, lang: str
) -> dict[str, str]:
    """Per municipality on `side` of the transfers ("from": what it hands over), its partners
    on the `other` side with their units per component, in words (`_partners`)."""
    moved: dict[str, dict[str, dict[str, int]]] = {}
    columns = [side, other, "component", "amount"]
    for code, partner, k, n in transfers[columns].itertuples(index=False, name=None):
        parts = moved.setdefault(code, {}).setdefault(partner, {})
        parts[k] = parts.get(k, 0) + int(n)
    return {code: _partners(partners, names, lang) for code, partners in moved.items()}


def _partners(partners: dict[str, dict[str, int]], names: pd.Series, lang: str) -> str:
    """Partner -> units per component as "Hengelo: 48 opvangplekken, 10 amv-plekken; Borne: 20
    statushouders", the partner with the most units first (then by name)."""
    order = sorted(
        partners, key=lambda code: (-sum(partners[code].values()), names.get(code, code))
    )
    said = []
    for code in order:
        pieces = [
            text(lang, f"units.{k}{'.one' if n == 1 else ''}", n=number(lang, n))
            for k in COMPONENTS
            if (n := partners[code].get(k, 0))
        ]
        said.append(
            text(lang, "balance.partner", name=names.get(code, code), units=", ".join(pieces))
        )
    return "; ".join(said)


def _chance(value: object) -> float:
    return float("nan") if value is None else float(value)


def compact_balance(result: Result, lang: str) -> pd.DataFrame:
    """The balance sheet for the page and report.md: the municipalities in a deal or with unmet
    places, without the task per component (COMPACT_COLUMNS)."""
    sheet = balance_sheet(result, lang)
    dealing = (sheet["hands_over"] != "") | (sheet["takes_over"] != "") | (sheet["unmet"] > 0)
    return sheet.loc[dealing, COMPACT_COLUMNS].reset_index(drop=True)


# ---- 4. surplus places ------------------------------------------------------------------------


def surplus(result: Result) -> dict[str, float]:
    """Per municipality with places above its obligation: max(0, counted places − reception
    obligation after exchange), the places that count for the provincial test without any
    municipality needing them for itself. Largest first, then by code."""
    m = result.municipalities
    above = m["places"] - (m["regular_obligation"] + m["amv_obligation"])
    rows = sorted(
        ((code, x) for code, x in zip(m["code"], above, strict=True) if x > EPSILON),
        key=lambda row: (-row[1], row[0]),
    )
    return {code: tidy(x) for code, x in rows}


def carried_by_surplus(result: Result, province: str) -> dict | None:
    """When the province passes its test only thanks to surplus places: those places by code, their
    total, and the places the province would lack without them; else None.

    The rule: the province passes (no shortfall, reception or AMV) and its counted places minus
    the surplus places are below its reception task. Places minus surplus is what the
    municipalities count up to their own obligations, so this happens exactly when some
    municipality of the province leaves reception places unmet: the test is then met with places
    that stand above another municipality's obligation, without a deal behind them.
    """
    p = result.summary["provinces"][province]
    m = result.municipalities
    here = set(m.loc[m["province"] == province, "code"])
    above = {code: x for code, x in surplus(result).items() if code in here}
    total = sum(above.values())
    lacking = p["reception_task"] - (p["places"] - total)
    passes = p["short_rec"] == 0 and p["short_amv"] == 0
    if not passes or lacking <= EPSILON:
        return None
    return {"surplus": above, "total": tidy(total), "short_without": tidy(lacking)}


def verdict(result: Result, province: str, lang: str) -> str:
    """The provincial verdict in a sentence; when surplus places carry the test, it names them:
    "De provincie haalt de opgave dankzij 77 plekken boven de eigen opgave bij Hengelo (48), ..."."""
    p = result.summary["provinces"][province]
    if p["short_rec"] != 0 or p["short_amv"] != 0:
        return text(lang, "report.test_short")
    carried = carried_by_surplus(result, province)
    if carried is None:
        return text(lang, "report.test_ok")
    names = result.municipalities.set_index("code")["name"]
    where = ", ".join(
        text(lang, "surplus.where", name=names[code], n=number(lang, x))
        for code, x in carried["surplus"].items()
    )
    return text(
        lang,
        "report.test_ok_surplus",
        n=number(lang, carried["total"]),
        where=where,
        short=number(lang, carried["short_without"]),
    )


# ---- 6. how firm ------------------------------------------------------------------------------


def distribution(units: list[int], chances: list[float], cap: int) -> np.ndarray | None:
    """odds[t]: the exact chance that min(cap, Σ units(s) over the sites s realised) is t, each
    site realised with its chance, independently; None when that takes more than MAX_STATES
    totals.

    Two sites of 10 and 20 units with chances 0.5 and 0.7, capped at 25: 0 with 0.5·0.3 = 0.15,
    10 with 0.5·0.3 = 0.15, 20 with 0.5·0.7 = 0.35, and 30, capped to 25, with 0.5·0.7 = 0.35.
    """
    if cap + 1 > MAX_STATES:
        return None
    odds = np.zeros(cap + 1)
    odds[0] = 1.0
    for u, p in zip(units, chances, strict=True):
        if u == 0 or p == 0:
            continue
        realised = np.zeros(cap + 1)
        realised[u:cap] = odds[: max(0, cap - u)]
        realised[cap] = odds[max(0, cap - u) :].sum()  # at or above the cap
        odds = odds * (1 - p) + realised * p
    return odds


def joint_odds(
    amv: np.ndarray, other: np.ndarray, need: float, amv_need: float
) -> tuple[float, float]:
    """The chance that A + N ≥ need and A ≥ amv_need, for independent A (AMV places) and N (the
    other places) with the distributions `amv` and `other` (capped at `need` or above), and the
    expected shortfall E[max(0, need − A − N)] + E[max(0, amv_need − A)]."""
    a, n = np.arange(len(amv)), np.arange(len(other))
    left = need - a  # the other places needed beside a AMV places
    below = np.searchsorted(n, left, side="left")  # how many totals of N lie below `left`
    at_least = np.append(np.cumsum(other[::-1])[::-1], 0.0)  # P(N >= n); 0 past the end
    passes = float(np.sum(amv * (a >= amv_need) * at_least[below]))
    mass = np.concatenate([[0.0], np.cumsum(other)])
    moment = np.concatenate([[0.0], np.cumsum(other * n)])
    short = left * mass[below] - moment[below]  # E[max(0, left − N)]
    expected = float(np.sum(amv * short) + np.sum(amv * np.maximum(0.0, amv_need - a)))
    return passes, expected


def denominator(weights: list[float]) -> int:
    """The least common denominator of the status weights as written (0.7 is 7/10, 0.95 is
    19/20): in units of 1 / it, every site's counted places are a whole number."""
    return math.lcm(1, *(Fraction(str(w)).denominator for w in weights))


def chance_of_passing(
    units: list[int], chances: list[float], amv: list[bool], need: int, amv_need: int
) -> tuple[float | None, float | None]:
    """(chance of passing, expected shortfall) of a test on sites with `units` counted places
    each (whole units), their `chances` and whether they are `amv` sites: all units ≥ need and
    AMV units ≥ amv_need. Totals are counted in steps of the greatest common divisor of the
    units, and capped at the need. (None, None) when it would take more than MAX_STATES totals.
    """
    step = math.gcd(*units) or 1
    cap = -(-need // step)
    parts = [
        distribution(
            [u // step for u, here in zip(units, amv, strict=True) if here == side],
            [p for p, here in zip(chances, amv, strict=True) if here == side],
            cap,
        )
        for side in (True, False)
    ]
    if parts[0] is None or parts[1] is None:
        return None, None
    passes, expected = joint_odds(parts[0], parts[1], need / step, amv_need / step)
    return min(1.0, max(0.0, passes)), max(0.0, expected) * step


def open_sites(instance: Instance, result: Result) -> pd.DataFrame:
    """The sites the package opens that count: municipality, places, status weight, chance of
    being realised (`Instance.sites` realisation), amv (bool)."""
    s = result.sites
    opened = (s["open"].astype(str) == "True") & (s["counted"].astype(str) == "True")
    s = s[opened & (s["places"] > 0)].set_index("id")
    s = s.join(instance.sites[["status_weight", "realisation"]], how="inner")
    return pd.DataFrame(
        {
            "municipality": s["municipality"],
            "places": s["places"].astype("int64"),
            "status_weight": s["status_weight"],
            "chance": s["realisation"],
            "amv": s["kind"] == "amv",
        }
    )


def realisation(instance: Instance, result: Result) -> dict:
    """How firm the package is, if every open site is realised with its chance, independently:
    the exact chance that each province passes its test (counted places ≥ reception task and
    AMV places ≥ AMV task) with the expected shortfall (reception and AMV places), and the chance
    that each municipality is covered (counted places ≥ reception obligation after exchange and
    AMV places ≥ AMV obligation). Chances are None where they cannot be computed exactly.

    Shape (docs/cli.md, `explanation.probability`): {"provinces": {name: {"pass": p,
    "expected_shortfall": x}}, "municipalities": {code: p}} (by code), and with one province also its
    "province": p and "expected_shortfall": x.
    """
    sites = open_sites(instance, result)
    scale = denominator(list(sites["status_weight"]))
    units = pd.Series(
        [
            int(x * Fraction(str(w)) * scale)
            for x, w in zip(sites["places"], sites["status_weight"], strict=True)
        ],
        index=sites.index,
        dtype=object,
    )

    def odds(rows: pd.Series, need: float, amv_need: float) -> tuple[float | None, float | None]:
        """The chance of passing a test of `need` places (`amv_need` AMV) on the sites `rows`."""
        here = sites[rows]
        passes, expected = chance_of_passing(
            list(units[rows]),
            list(here["chance"]),
            list(here["amv"]),
            round(need) * scale,
            round(amv_need) * scale,
        )
        if passes is None or expected is None:
            return None, None
        return tidy_chance(passes), tidy(expected / scale)

    m = result.municipalities.set_index("code")
    municipalities = {
        code: odds(
            sites["municipality"] == code,
            row["regular_obligation"] + row["amv_obligation"],
            row["amv_obligation"],
        )[0]
        for code, row in m.sort_index().iterrows()
    }
    provinces = {}
    for province, p in result.summary["provinces"].items():
        rows = sites["municipality"].map(m["province"]) == province
        passes, expected = odds(rows, p["reception_task"], p["amv_task"])
        provinces[province] = {"pass": passes, "expected_shortfall": expected}
    found: dict = {"provinces": provinces, "municipalities": municipalities}
    if len(provinces) == 1:
        (only,) = provinces.values()
        found = {"province": only["pass"], "expected_shortfall": only["expected_shortfall"]} | found
    return found


def tidy_chance(p: float) -> float | int:
    """A chance without float noise: rounded to 15 decimals, except a chance that this would
    make 0 (1e-30, a product of small chances, is real: the programme only adds and multiplies
    non-negative numbers, so it makes no noise near 0); 0 and 1 as whole numbers."""
    kept = p if 0 < p < 1e-15 else round(p, 15)
    return int(kept) if kept in (0, 1) else kept


def firmness_line(summary: dict, province: str, lang: str) -> str | None:
    """The province's chance of passing its test and its expected shortfall, in a sentence; None
    for a result without `explanation.probability` (written before it existed)."""
    odds = summary.get("explanation", {}).get("probability", {}).get("provinces", {})
    if province not in odds:
        return None
    o = odds[province]
    if o["pass"] is None:
        return text(lang, "firm.not_computed", province=province)
    return text(
        lang,
        "firm.province",
        province=province,
        p=chance(lang, o["pass"]),
        x=number(lang, o["expected_shortfall"]),
    )


def firmness_assumption(summary: dict, lang: str) -> str:
    """What the chances assume: independent sites, the chance per status as used."""
    used = summary.get("rules", {}).get("realisation") or Realisation().model_dump()
    return text(lang, "firm.assumption", **{k: percent(lang, v) for k, v in used.items()})


# ---- 7. real or illustrative ------------------------------------------------------------------


def data(meta: Meta) -> dict:
    """What the instance says of its numbers (`[meta]`): illustrative (None: not said), the
    source, and the notes per column."""
    return {"illustrative": meta.illustrative, "source": meta.source, "notes": dict(meta.notes)}


def data_line(summary: dict, lang: str) -> str:
    """The first line of every report: are the numbers real or illustrative, and where from."""
    given = summary.get("explanation", {}).get("data", {})
    illustrative = given.get("illustrative")
    kind = {True: "illustrative", False: "real", None: "unknown"}[illustrative]
    line = text(lang, f"data.{kind}")
    source = given.get("source") or text(lang, "data.no_source")
    return text(lang, "data.line", kind=line, source=source)


def data_notes(summary: dict, lang: str) -> list[str]:
    """The notes per column (`[meta.notes]`) as "sites.max_places: ..."."""
    notes = summary.get("explanation", {}).get("data", {}).get("notes", {})
    return [text(lang, "data.note", column=column, note=note) for column, note in notes.items()]


# ---- summary.json -----------------------------------------------------------------------------


def explanation(instance: Instance, result: Result) -> dict:
    """The parts of summary.json's `explanation` that need no solver: data, surplus, probability."""
    return {
        "data": data(instance.settings.meta),
        "surplus": surplus(result),
        "probability": realisation(instance, result),
    }


def with_explanation(result: Result, instance: Instance) -> Result:
    """`result` with `explanation` in its summary (parts already there, from diagnosis, stay)."""
    merged = result.summary.get("explanation", {}) | explanation(instance, result)
    return replace(result, summary=result.summary | {"explanation": merged})
