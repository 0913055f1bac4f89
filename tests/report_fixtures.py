"""A small solved package for the report tests (report.xlsx, report.html, `uitruil report`)."""

from __future__ import annotations

from dataclasses import replace
from functools import cache
from pathlib import Path

import pandas as pd

from builders import make_instance, municipality, site
from model.core.instance import Instance
from model.optimise.diagnosis import attach_diagnosis, diagnose
from model.optimise.solve import solve
from model.results.costs import with_site_details
from model.results.explanation import with_explanation
from model.results.folder import write_result
from model.results.result import Result, build_result
from model.whatif.fallback import fallback

FORMULA_NAME = "=SOM(A1) <b>&"
"""A municipality name that Excel would read as a formula and HTML as markup."""


@cache
def meeting_instance() -> Instance:
    """Zwolle (GM0193, task 1000, an existing site of exactly 1800 places, housing task 800),
    Enschede (GM0153, task 1200, no site, room to house 800 status holders) and FORMULA_NAME
    (GM9999, not on the map; task 60, a planned small site of up to 60 places, without a cost).
    Z1 costs 30,000 euro per place per year: the firm places cost 54,000,000 a year.

    Worked out by hand: at most 1800 + 60 = 1860 of 2260 places exist, so the provincial
    shortfall is 400. Zwolle takes over 800 regular places from Enschede and Enschede houses 800
    status holders for Zwolle in return (value balance); Enschede still lacks 1200 - 800 = 400
    places (unmet). The planned site opens with 60 places: firm 1800, soft 60.
    """
    return make_instance(
        [
            municipality("GM0193", 1000, name="Zwolle", housing_task=800),
            municipality("GM0153", 1200, name="Enschede", housing_extra_max=800),
            municipality("GM9999", 60, name=FORMULA_NAME),
        ],
        [
            site("Z1", "GM0193", lo=1800, hi=1800, name="azc Zwolle", cost_per_place=30000),
            site("S1", "GM9999", kind="small", status="planned", lo=0, hi=60, name="Paviljoen"),
        ],
        name="Testprovincie",
    )


@cache
def meeting_result(lang: str = "nl") -> Result:
    """The meeting instance solved (see meeting_instance for the optimum worked out by hand) and
    explained, as a PRT brings it to the meeting.

    Why Enschede is 400 short: it has no site (no_site); Zwolle's site is full and its whole
    housing task is already Enschede's, so no single limit more closes a place. What closes it,
    with the default [explain] costs: a new regular azc of 400 places at Enschede (50 + 400 = 450).
    More places at Zwolle, willingness or room alone cannot (Zwolle would need both places and
    something back). Without regular places or housing as a means of exchange, Enschede keeps its
    whole task of 1200 unmet.
    """
    instance = meeting_instance()
    result = with_site_details(build_result(instance, solve(instance), lang=lang), instance)
    return attach_diagnosis(with_explanation(result, instance), diagnose(instance, result))


def result_folder(path: Path, result: Result | None = None) -> Path:
    """Write `result` (default the meeting result) as a result folder at `path`."""
    write_result(result or meeting_result(), path)
    return path


def compare_folder(path: Path) -> Path:
    """A compare folder as the compare command writes it: compare.csv (rows = measures, columns =
    runs by folder) beside one result folder per run, each with its fallback.csv; here the meeting
    result twice, the second run titled "Ruimer" (its scenario's name).

    Without agreement the minister imposes the 400 places short on the one laggard, Enschede (no
    places for a task of 1200), in both runs."""
    base = meeting_result()
    runs = {
        "baseline": base,
        "ruimer": replace(base, summary=base.summary | {"scenarios": ["Ruimer"]}),
    }
    imposed = fallback(meeting_instance(), base.municipalities)
    for run, result in runs.items():
        result_folder(path / run, result)
        imposed.to_csv(path / run / "fallback.csv", index=False)
    pd.DataFrame({"measure": ["unmet", "deals"], "baseline": [400, 1], "ruimer": [350, 2]}).to_csv(
        path / "compare.csv", index=False
    )
    return path
