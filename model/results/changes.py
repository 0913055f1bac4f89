"""What a scenario changes against the baseline, from the runs' result files only.

Used twice: by `compare` and `sweep` when they write municipalities_delta.csv and compare.md, and by
the reports (report.xlsx, report.html) of a compare folder, so both always say the same.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import pandas as pd

from model.lang import text
from model.results.costs import municipality_costs
from model.results.result import Result, tidy

DELTA_MEASURES = ("task", "obligation", "places", "unmet", "deals", "cost")
"""Per municipality: reception task, obligation after exchange, counted places, unmet places (all
regular + AMV), the number of deals it is in, and the cost of its places (EUR per year)."""


@dataclass(frozen=True)
class RunResult:
    """One run of a comparison: its folder name, its title (the scenario's own name), its result,
    and the minister's fallback on it (fallback.csv; None when absent)."""

    stem: str
    title: str
    result: Result
    fallback: pd.DataFrame | None = None


def run_title(result: Result, lang: str) -> str:
    """The names of the scenarios a run applied (summary.json), or the word for the baseline."""
    return " + ".join(result.summary.get("scenarios", [])) or text(lang, "compare.baseline_title")


def unique_titles(titles: Sequence[str], stems: Sequence[str]) -> list[str]:
    """Titles, with the folder name added where two runs carry the same title."""
    return [
        f"{title} ({stem})" if titles.count(title) > 1 else title
        for title, stem in zip(titles, stems, strict=True)
    ]


def municipality_figures(result: Result) -> pd.DataFrame:
    """The DELTA_MEASURES of one result, index code, with name and province."""
    m = result.municipalities.set_index("code")
    deals = pd.concat([result.deals["a"], result.deals["b"]]).value_counts()
    return pd.DataFrame(
        {
            "name": m["name"],
            "province": m["province"],
            "task": m["regular_task"] + m["amv_task"],
            "obligation": m["regular_obligation"] + m["amv_obligation"],
            "places": m["places"],
            "unmet": m["unmet_rec"] + m["unmet_amv"],
            "deals": deals.reindex(m.index, fill_value=0).astype(int),
            "cost": municipality_costs(result)["cost"].reindex(m.index).astype(float),
        }
    )


DELTA_COLUMNS = ["run", "title", "code", "name", "province"] + [
    f"{m}{suffix}" for m in DELTA_MEASURES for suffix in ("_baseline", "", "_change")
]


def municipalities_delta(runs: Sequence[RunResult]) -> pd.DataFrame:
    """Per scenario run (all but the first, the baseline) and municipality: each measure in the
    baseline, in the run, and the change (blank where a cost is unknown)."""
    base = municipality_figures(runs[0].result)
    frames = []
    for run in runs[1:]:
        now = municipality_figures(run.result)
        frame = now[["name", "province"]].assign(run=run.stem, title=run.title)
        for m in DELTA_MEASURES:
            before = base[m].reindex(now.index)
            frame[f"{m}_baseline"], frame[m] = before, now[m]
            frame[f"{m}_change"] = (now[m] - before).map(tidy)
        frames.append(frame.reset_index())
    return pd.concat(frames)[DELTA_COLUMNS] if frames else pd.DataFrame(columns=DELTA_COLUMNS)


def changed_rows(delta: pd.DataFrame) -> pd.DataFrame:
    """The rows of a delta table where any measure changes (a cost becoming known counts too)."""
    changes = delta[[f"{m}_change" for m in DELTA_MEASURES]]
    costs_known = delta["cost_baseline"].notna() != delta["cost"].notna()
    return delta[(changes.fillna(0) != 0).any(axis=1) | costs_known]


def imposed_split(runs: Sequence[RunResult]) -> pd.DataFrame:
    """Without agreement: the places the minister imposes on top of each municipality's own places,
    one column per run (by title), for the municipalities that get any in some run.

    Columns code, name, province, then the runs; a run without fallback.csv is left out.
    """
    shown = [run for run in runs if run.fallback is not None]
    columns = ["code", "name", "province", *(run.title for run in shown)]
    if not shown:
        return pd.DataFrame(columns=columns)
    first = shown[0].fallback.set_index("code")
    table = first[["name", "province"]].copy()
    for run in shown:
        f = run.fallback.set_index("code")
        table[run.title] = (f["imposed"] - f["places"]).reindex(table.index).fillna(0).astype(int)
    extra = table[[run.title for run in shown]]
    return table[(extra > 0).any(axis=1)].reset_index()[columns]
