"""What the meeting reports (report.xlsx, report.html) show, shaped once for both of them.

A `Package` is one result folder, or a compare folder: compare.csv (rows = measures, columns =
baseline and scenario names) beside one result subfolder per run. Tables come back with labels in
the report language (model/lang/nl.py and en.py); numbers stay numbers.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from model.core.errors import InputError, Problem
from model.core.settings import COMMITTED_STATUSES, COMPONENTS, STATUSES
from model.io.atomic import is_result_folder
from model.io.writing import unescaped
from model.lang import Message, Percent, has_text, number, percent, text
from model.results.changes import (
    DELTA_COLUMNS,
    DELTA_MEASURES,
    RunResult,
    changed_rows,
    imposed_split,
    municipalities_delta,
    run_title,
    unique_titles,
)
from model.results.costs import COST_COLUMNS, SITE_DETAILS, municipality_costs, province_costs
from model.results.explanation import balance_sheet, compact_balance, verdict
from model.results.folder import read_result
from model.results.markdown import plan_word, site_words
from model.results.result import Result, deal_figures, describe_deal, tidy

COMPARE_FILE = "compare.csv"
FALLBACK_FILE = "fallback.csv"
"""The minister's fallback of one run, in its result folder (written by compare and sweep)."""


@dataclass
class Package:
    """The result to present; for a compare folder also the runs and compare.csv."""

    result: Result
    runs: list[RunResult] = field(default_factory=list)
    comparison: pd.DataFrame | None = None


def read_comparison(path: Path) -> pd.DataFrame | None:
    """compare.csv with the measures as index, or None when there is none (or it is empty)."""
    if not path.is_file():
        return None
    try:
        frame = pd.read_csv(path, index_col=0, dtype=str, keep_default_na=False)
    except pd.errors.EmptyDataError:
        return None
    except (pd.errors.ParserError, UnicodeDecodeError, OSError) as error:
        message = Message("result.not_csv", error=str(error))
        raise InputError(Problem(str(path), message)) from None
    frame = frame.map(unescaped).rename(index=unescaped, columns=unescaped)
    return frame if len(frame.columns) else None


def read_fallback(folder: Path) -> pd.DataFrame | None:
    """A run's fallback.csv (code, name, province, reception_task, places, imposed), or None."""
    path = folder / FALLBACK_FILE
    if not path.is_file():
        return None
    return pd.read_csv(path, dtype={"code": str, "name": str}, keep_default_na=False)


def find_runs(folder: Path, names: list[str], lang: str = "nl") -> list[RunResult]:
    """The result folders of the runs named in compare.csv (one or two levels down), in its order,
    each titled with its scenario's own name.

    The baseline may also be the compare folder itself when that is a result folder.
    """
    found = {p.parent.name: p.parent for p in sorted(folder.glob("*/summary.json"))}
    for p in sorted(folder.glob("*/*/summary.json")):
        found.setdefault(p.parent.name, p.parent)
    if names and is_result_folder(folder):
        found.setdefault(names[0], folder)
    stems = [name for name in names if name in found]
    results = [read_result(found[stem]) for stem in stems]
    titles = unique_titles([run_title(r, lang) for r in results], stems)
    return [
        RunResult(stem, title, result, read_fallback(found[stem]))
        for stem, title, result in zip(stems, titles, results, strict=True)
    ]


def load_package(folder: Path, lang: str = "nl") -> Package:
    """A result folder, or a compare folder whose baseline (first run) is the result to present."""
    comparison = read_comparison(folder / COMPARE_FILE)
    names = [str(c) for c in comparison.columns] if comparison is not None else []
    runs = find_runs(folder, names, lang)
    if is_result_folder(folder):
        return Package(read_result(folder), runs, comparison)
    if runs:
        return Package(runs[0].result, runs, comparison)
    raise InputError(Problem(str(folder), Message("result.not_a_package")))


def status_words(summary: dict, lang: str) -> str:
    """The status of a run; when cut off, which stages were and their gaps (summary.json `stages`)."""
    status = text(lang, f"status.{summary['status']}")
    cut = [
        text(
            lang,
            "status.stage_gap",
            stage=text(lang, f"stage.{name}"),
            gap=percent(lang, s.get("gap")),
        )
        for name, s in summary.get("stages", {}).items()
        if s.get("status", "optimal") != "optimal"
    ]
    return text(lang, "status.cut_off", status=status, stages=", ".join(cut)) if cut else status


def status_line(result: Result, lang: str) -> str:
    """Status (with the stages cut off) and solver version in one sentence."""
    s = result.summary
    return text(
        lang,
        "report.status",
        status=status_words(s, lang),
        version=s["solver"]["version"],
    )


def flag(values: pd.Series) -> pd.Series:
    """True/False columns as booleans, whether they came from memory or from a CSV file."""
    return values.astype(str) == "True"


def column_label(lang: str, column: str) -> str:
    """The header of a table column: component columns name their component."""
    for k in COMPONENTS:
        for part in ("task", "obligation"):
            if column == f"{k}_{part}":
                return text(lang, f"col.{part}_of", component=text(lang, f"component.{k}"))
    return text(lang, f"col.{column}")


def labelled(frame: pd.DataFrame, columns: list[str], lang: str) -> pd.DataFrame:
    """`columns` of `frame`, with headers in `lang`."""
    return frame[columns].rename(columns={c: column_label(lang, c) for c in columns})


def names(result: Result) -> pd.Series:
    """Municipality names by code."""
    return result.municipalities.set_index("code")["name"]


def municipality_frame(result: Result) -> pd.DataFrame:
    """municipalities.csv with reception totals, soft places (places - firm_places), total unmet,
    coverage (places / obligation after exchange; NaN without obligation) and the cost columns."""
    m = result.municipalities.copy()
    m["reception_task"] = m["regular_task"] + m["amv_task"]
    m["reception_obligation"] = m["regular_obligation"] + m["amv_obligation"]
    m["soft_places"] = m["places"] - m["firm_places"]
    m["unmet"] = m["unmet_rec"] + m["unmet_amv"]
    m["coverage"] = m["places"] / m["reception_obligation"].where(m["reception_obligation"] > 0)
    costs = municipality_costs(result)
    for column in COST_COLUMNS:
        m[column] = m["code"].map(costs[column])
    return m


MUNICIPALITY_SHOWN = (
    ["code", "name", "province", "region"]
    + [f"{k}_{part}" for k in COMPONENTS for part in ("task", "obligation")]
    + ["places", "amv_places", "firm_places", "soft_places", "unmet_rec", "unmet_amv", "coverage"]
    + ["value_change", *COST_COLUMNS]
)
"""Columns of the per-municipality table in the workbook."""


def site_frame(result: Result, lang: str) -> pd.DataFrame:
    """sites.csv in words, with yes/no for counted and open."""
    s = site_words(detailed_sites(result), result, lang)
    yes_no = {True: text(lang, "word.yes"), False: text(lang, "word.no")}
    s["counted"] = flag(s["counted"]).map(yes_no)
    s["open"] = flag(s["open"]).map(yes_no)
    s["site_cost"] = (s["places"] * s["cost_per_place"]).where(s["places"] > 0, 0.0)
    columns = [
        "id",
        "site_name",
        "municipality",
        "kind",
        "status",
        "plan",
        "counted",
        "reason",
        "available_from",
        "available_until",
        "open",
    ]
    return labelled(s, columns + ["places", "over_preference", "cost_per_place", "site_cost"], lang)


def detailed_sites(result: Result) -> pd.DataFrame:
    """sites.csv with name and cost_per_place, blank when the result folder predates them."""
    return result.sites.reindex(columns=list(dict.fromkeys([*result.sites.columns, *SITE_DETAILS])))


def cost_frame(result: Result, lang: str) -> pd.DataFrame:
    """The cost of the package per province: firm, soft, total, places whose cost is unknown."""
    costs = province_costs(result).rename_axis("province").reset_index()
    return labelled(costs, ["province", *COST_COLUMNS], lang)


def cost_note(result: Result, lang: str) -> str:
    """How complete the costs are: the places of open sites without cost_per_place, if any."""
    missing = province_costs(result)["places_without_cost"].sum()
    if "cost_per_place" not in result.sites.columns:
        return text(lang, "cost.not_in_result")
    if missing:
        return text(lang, "cost.missing", n=number(lang, missing))
    return text(lang, "cost.complete")


def new_site_frame(result: Result, lang: str) -> pd.DataFrame:
    """Soft sites that open (planned, idea): where, what kind and how large."""
    s = result.sites
    new = site_words(s[flag(s["open"]) & ~s["status"].isin(COMMITTED_STATUSES)], result, lang)
    return labelled(
        new, ["municipality", "id", "kind", "status", "places", "over_preference"], lang
    )


def deal_sentences(result: Result, lang: str) -> pd.DataFrame:
    """Each deal: both municipalities and the deal in a sentence, both directions, in `lang`."""
    n = names(result)
    weights, rules = result.summary["weights"], result.summary["rules"]
    rows = [
        {
            "a": n.get(d.a, d.a),
            "b": n.get(d.b, d.b),
            "description": describe_deal(
                deal_figures(d.a, d.b, result.transfers, weights, rules), n, weights, lang
            ),
        }
        for d in result.deals.itertuples()
    ]
    return labelled(
        pd.DataFrame(rows, columns=["a", "b", "description"]), ["a", "b", "description"], lang
    )


def transfer_frame(result: Result, lang: str) -> pd.DataFrame:
    """transfers.csv in words: `to` performs `amount` units of `from`'s task."""
    t = result.transfers.copy()
    n = names(result)
    t["from"] = t["from"].map(n).fillna(t["from"])
    t["to"] = t["to"].map(n).fillna(t["to"])
    t["component"] = [text(lang, f"component.{k}") for k in t["component"]]
    return labelled(t, ["from", "to", "component", "amount"], lang)


def province_figures(result: Result) -> dict[str, dict]:
    """Per province: the summary's test, soft places, municipal unmet, whether the test is met,
    its chance of being met and expected shortfall (None when the result does not say), and the
    cost (COST_COLUMNS)."""
    m = municipality_frame(result)
    costs = province_costs(result)
    out = {}
    odds = result.summary.get("explanation", {}).get("probability", {}).get("provinces", {})
    for province, p in result.summary["provinces"].items():
        here = m[m["province"] == province]
        chances = odds.get(province, {})
        out[province] = (
            dict(p)
            | {
                "soft_places": p["places"] - p["firm_places"],
                "unmet": here["unmet"].sum(),
                "met": p["short_rec"] == 0 and p["short_amv"] == 0,
                "pass_chance": chances.get("pass"),
                "expected_shortfall": chances.get("expected_shortfall"),
            }
            | costs.loc[province].to_dict()
        )
    return out


PROVINCE_COLUMNS = [
    "province",
    "reception_task",
    "amv_task",
    "places",
    "amv_places",
    "firm_places",
    "soft_places",
    "short_rec",
    "short_amv",
    "unmet",
    "pass_chance",
    "expected_shortfall",
    "verdict",
]


def province_frame(result: Result, lang: str) -> pd.DataFrame:
    """The provincial test as a table, one row per province, with the verdict in words."""
    rows = [
        f | {"province": province, "verdict": verdict(result, province, lang)}
        for province, f in province_figures(result).items()
    ]
    frame = pd.DataFrame(rows)
    frame["pass_chance"] = percent_column(frame["pass_chance"])
    return labelled(frame, PROVINCE_COLUMNS, lang)


def balance_frame(result: Result, lang: str, compact: bool = False) -> pd.DataFrame:
    """The balance sheet per municipality (model/results/explanation.py) with headers in `lang`: every
    municipality with its task per component, or `compact`: only those in a deal or short."""
    sheet = compact_balance(result, lang) if compact else balance_sheet(result, lang)
    sheet["covered_chance"] = percent_column(sheet["covered_chance"])
    return labelled(sheet, list(sheet.columns), lang)


def status_frame(result: Result, lang: str) -> pd.DataFrame:
    """Firm versus soft: open counted sites and their counted places, by status."""
    s = result.sites[flag(result.sites["open"]) & flag(result.sites["counted"])]
    weights = result.summary.get("rules", {}).get("status_weight", {})
    rows = []
    for status in STATUSES:
        here = s[s["status"] == status]
        rows.append(
            {
                "status": text(lang, f"site_status.{status}"),
                "plan": plan_word(lang, status),
                "sites": len(here),
                "places": here["places"].sum() * weights.get(status, 1.0),
            }
        )
    return labelled(pd.DataFrame(rows), ["status", "plan", "sites", "places"], lang)


def as_percent(gap: float | None) -> Percent | None:
    """A gap from summary.json as a Percent cell (None when no bound is known)."""
    return None if gap is None or pd.isna(gap) else Percent(gap)


def percent_column(values: pd.Series) -> pd.Series:
    """Fractions as Percent cells, kept as objects (pandas would make them plain floats again)."""
    return pd.Series([as_percent(v) for v in values], index=values.index, dtype=object)


def stage_frame(result: Result, lang: str) -> pd.DataFrame:
    """The objective stages in order: value, status and gap."""
    s = result.summary
    stages = s.get("stages", {})
    rows = [
        {
            "stage": text(lang, f"stage.{name}"),
            "value": value,
            "status": text(lang, f"status.{stages.get(name, {}).get('status', s['status'])}"),
            "gap": stages.get(name, {}).get("gap"),
        }
        for name, value in s["objectives"].items()
    ]
    frame = pd.DataFrame(rows, columns=["stage", "value", "status", "gap"])
    frame["gap"] = percent_column(frame["gap"])
    return labelled(frame, ["stage", "value", "status", "gap"], lang)


def flatten(values: dict, prefix: str = "") -> dict[str, object]:
    """Nested settings as dotted keys (the keys of the workbook form of an instance)."""
    out: dict[str, object] = {}
    for key, value in values.items():
        dotted = f"{prefix}{key}"
        if isinstance(value, dict):
            out |= flatten(value, f"{dotted}.")
        else:
            out[dotted] = ", ".join(map(str, value)) if isinstance(value, list) else value
    return out


def meaning(lang: str, key: str) -> str:
    """What a setting means, looked up for the key or its nearest parent; blank when unknown."""
    parts = key.split(".")
    for n in range(len(parts), 0, -1):
        label = "setting." + ".".join(parts[:n])
        if has_text(lang, label):
            return text(lang, label)
    return ""


def setting_frame(
    result: Result, lang: str, sections: tuple[str, ...] | None = None
) -> pd.DataFrame:
    """The settings that produced the result (instance.toml keys), optionally only some sections."""
    s = result.summary
    settings = s.get("settings") or {"weights": s["weights"], "rules": s["rules"]}
    if sections:
        settings = {k: v for k, v in settings.items() if k in sections}
    rows, previous = [], None
    for key, value in flatten(settings).items():
        said = meaning(lang, key)
        rows.append({"key": key, "value": value, "meaning": "" if said == previous else said})
        previous = said
    return labelled(
        pd.DataFrame(rows, columns=["key", "value", "meaning"]), ["key", "value", "meaning"], lang
    )


def run_frame(result: Result, lang: str) -> pd.DataFrame:
    """How the result was computed: solver, time, status, stage order, scenarios applied."""
    s = result.summary
    solver = s.get("solver", {})
    rows = {
        "run.instance": s["instance"],
        "run.status": status_words(s, lang),
        "run.solver": f"{solver.get('name', '')} {solver.get('version', '')}".strip(),
        "run.gap": as_percent(solver.get("gap")),
        "run.order": ", ".join(text(lang, f"stage.{n}") for n in s["objective_order"]),
        "run.scenarios": ", ".join(s.get("scenarios", [])) or "–",
    }
    frame = pd.DataFrame({"key": [text(lang, k) for k in rows], "value": list(rows.values())})
    return labelled(frame, ["key", "value"], lang)


def parsed(value: str) -> object:
    """A cell of compare.csv: a number where it is one, else the text (blank: None)."""
    if value == "":
        return None
    try:
        return tidy(float(value))
    except ValueError:
        return value


def comparison_frame(package: Package, lang: str) -> pd.DataFrame | None:
    """compare.csv as the compare command wrote it (measures, then one column per run), or None."""
    if package.comparison is None:
        return None
    frame = package.comparison.map(parsed)
    frame.index.name = frame.index.name or text(lang, "col.measure")
    return frame.rename(columns={run.stem: run.title for run in package.runs}).reset_index()


def changed_cells(frame: pd.DataFrame) -> pd.DataFrame:
    """True where a scenario's cell differs from the baseline's (columns: measure, baseline, ...)."""
    base = frame.iloc[:, 1]
    same = frame.apply(lambda column: (column == base) | (column.isna() & base.isna()))
    same.iloc[:, :2] = True
    return ~same


def comparison_note(package: Package, lang: str) -> str:
    """What bold means in a comparison, and which run the rest of the report shows."""
    notes = [text(lang, "report.changed_note")]
    if package.runs:
        notes.append(text(lang, "report.details_of", name=package.runs[0].title))
    return " ".join(notes)


def scenario_changes(package: Package) -> pd.DataFrame:
    """The municipalities whose figures change in a scenario run, one row per run and municipality."""
    if len(package.runs) < 2:
        return pd.DataFrame(columns=DELTA_COLUMNS)
    return changed_rows(municipalities_delta(package.runs))


def delta_frame(package: Package, lang: str) -> pd.DataFrame:
    """scenario_changes with numbers as numbers: per measure the baseline, the run, the change."""
    columns = ["title", "name", "province"] + [
        f"{m}{suffix}" for m in DELTA_MEASURES for suffix in ("_baseline", "", "_change")
    ]
    frame = scenario_changes(package)[columns]
    return frame.rename(columns={c: delta_label(lang, c) for c in columns})


def delta_label(lang: str, column: str) -> str:
    """The header of a delta column: "plekken", "plekken basis", "plekken verschil"."""
    for suffix in ("_baseline", "_change"):
        if column.endswith(suffix) and column.removesuffix(suffix) in DELTA_MEASURES:
            measure = text(lang, f"delta.{column.removesuffix(suffix)}")
            return text(lang, f"delta{suffix}", measure=measure)
    if column in DELTA_MEASURES:
        return text(lang, f"delta.{column}")
    return text(lang, "col.scenario") if column == "title" else text(lang, f"col.{column}")


ARROW = " → "


def arrow(lang: str, before: object, after: object) -> str:
    """`before → after` as the audience writes numbers; just the number when it stays the same."""
    same = before == after or (pd.isna(before) and pd.isna(after))
    return number(lang, after) if same else f"{number(lang, before)}{ARROW}{number(lang, after)}"


def delta_words(rows: pd.DataFrame, lang: str) -> pd.DataFrame:
    """One run's changed municipalities for a person: each measure that changes as
    `baseline → run`, the others as their number."""
    shown = pd.DataFrame({text(lang, "col.name"): rows["name"].to_numpy()})
    for m in DELTA_MEASURES:
        shown[text(lang, f"delta.{m}")] = [
            arrow(lang, a, b) for a, b in zip(rows[f"{m}_baseline"], rows[m], strict=True)
        ]
    return shown


def imposed_frame(runs: Sequence[RunResult], lang: str) -> pd.DataFrame:
    """Without agreement: extra places imposed per municipality (rows) and run (columns, by title),
    with a total row; empty when no run imposes anything."""
    split = imposed_split(runs)
    if split.empty:
        return split
    titles = list(split.columns[3:])
    total = {"name": text(lang, "word.total"), "province": ""} | {t: split[t].sum() for t in titles}
    table = pd.concat([split, pd.DataFrame([total])], ignore_index=True)
    return table[["name", "province", *titles]].rename(
        columns={"name": text(lang, "col.name"), "province": text(lang, "col.province")}
    )
