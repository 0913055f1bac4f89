"""report.md: the package in prose and tables for a person, in the language of the result, and the markdown tables the other .md files share."""

from __future__ import annotations

import datetime as dt
import json
import re
from typing import Any

import pandas as pd

from model.core.instance import reason_message
from model.core.settings import (
    COMMITTED_STATUSES,
    SOFT_STATUSES,
)
from model.lang import chance, number, percent, text
from model.results.diagnosis_words import why_short_lines
from model.results.explanation import (
    compact_balance,
    data_line,
    data_notes,
    firmness_assumption,
    firmness_line,
    verdict,
)
from model.results.result import (
    Result,
)


def markdown_table(frame: pd.DataFrame) -> str:
    """`frame` as a markdown table; a `|` or a line break in a cell does not break the table."""
    header = "| " + " | ".join(map(_markdown_cell, frame.columns)) + " |"
    rule = "|" + "---|" * len(frame.columns)
    rows = [
        "| " + " | ".join(map(_markdown_cell, row)) + " |"
        for row in frame.itertuples(index=False, name=None)
    ]
    return "\n".join([header, rule, *rows])


def _markdown_cell(value: object) -> str:
    return " ".join(str(value).replace("|", "\\|").splitlines())


def _labelled_table(frame: pd.DataFrame, lang: str) -> str:
    """`frame` as a markdown table with headers in `lang` and numbers as `lang` writes them."""
    shown = frame.rename(columns={c: text(lang, f"col.{c}") for c in frame})
    for column in shown:
        if pd.api.types.is_numeric_dtype(shown[column]) and shown[column].dtype != bool:
            shown[column] = shown[column].map(lambda v: number(lang, v))
    return markdown_table(shown)


def as_date(value: Any) -> dt.date | None:
    """A date of a sites table: a date, ISO text (a CSV file read as text) or blank (None)."""
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", value.strip()):
        return dt.date.fromisoformat(value.strip())
    return None


def reason_words(site: Any, summary: dict, lang: str) -> str:
    """Why a site (a row of sites.csv) does not count, in words with its dates; "" when it does.

    The dates come from the row (available_from, available_until) and from summary.json (the
    reference date and rules.min_duration_years); without them the words are shorter."""
    reason = site.get("reason", "")
    if not isinstance(reason, str) or not reason:
        return ""
    reference = as_date(summary.get("settings", {}).get("reference_date"))
    years = summary.get("rules", {}).get("min_duration_years")
    message = reason_message(
        reason,
        as_date(site.get("available_from")),
        as_date(site.get("available_until")),
        years,
        reference,
        str(site.get("status", "")),
    )
    return message.render(lang)


def plan_word(lang: str, status: str) -> str:
    """Firm (committed: existing, decided) or soft (planned, idea)."""
    return text(lang, "plan.firm" if status in COMMITTED_STATUSES else "plan.soft")


def site_words(sites: pd.DataFrame, result: Result, lang: str) -> pd.DataFrame:
    """Sites with municipality names, kind, status, plan (firm or soft) and the reason a site
    does not count in `lang`; `site_name` is the site's name ("" when it has none)."""
    s = sites.copy()
    s["reason"] = [reason_words(row, result.summary, lang) for row in s.to_dict("records")]
    names = result.municipalities.set_index("code")["name"]
    s["municipality"] = s["municipality"].map(names).fillna(s["municipality"])
    s["site_name"] = s["name"].astype(object).where(s["name"].notna(), "") if "name" in s else ""
    s["plan"] = [plan_word(lang, status) for status in s["status"]]
    s["kind"] = [text(lang, f"kind.{k}") for k in s["kind"]]
    s["status"] = [text(lang, f"site_status.{v}") for v in s["status"]]
    return s


def package_lines(result: Result) -> list[str]:
    """The provincial test, the stage values and the deals, as markdown lines."""
    lang = result.lang
    s = result.summary
    lines = ["", f"## {text(lang, 'report.test')}", ""]
    for province, p in s["provinces"].items():
        lines.append("- " + text(lang, "report.test_line", province=province, **p))
        lines.append("  " + verdict(result, province, lang))
        firmness = firmness_line(s, province, lang)
        lines += ["  " + firmness] if firmness else []
    lines += ["", f"## {text(lang, 'report.stages')}", ""]
    stage_rows = pd.DataFrame(
        [
            {
                text(lang, "report.stage"): text(lang, f"stage.{name}"),
                text(lang, "report.value"): number(lang, value),
                text(lang, "col.status"): text(lang, f"status.{s['stages'][name]['status']}"),
                text(lang, "report.gap"): percent(lang, s["stages"][name]["gap"]),
            }
            for name, value in s["objectives"].items()
        ]
    )
    lines.append(markdown_table(stage_rows))
    if s["status"] != "optimal":
        lines += ["", text(lang, "report.not_proven")]
    lines += ["", f"## {text(lang, 'report.deals')}", ""]
    if result.deals.empty:
        lines.append(text(lang, "report.no_deals"))
    lines += [f"- {d}" for d in result.deals["description"]]
    return lines


def markdown(result: Result) -> str:
    """report.md: the package in prose and tables, for a person."""
    lang = result.lang
    s = result.summary
    lines = [f"# {text(lang, 'report.title', name=s['instance'])}", "", data_line(s, lang), ""]
    lines += [f"- {note}" for note in data_notes(s, lang)]
    lines += [""] if data_notes(s, lang) else []
    lines.append(
        text(
            lang,
            "report.status",
            status=text(lang, f"status.{s['status']}"),
            version=s["solver"]["version"],
        )
    )
    lines += package_lines(result)
    lines += why_short_lines(result)
    lines += ["", f"## {text(lang, 'report.municipalities')}", ""]
    m = result.municipalities
    figures = {
        "name": m["name"],
        "task": m["regular_task"] + m["amv_task"],
        "obligation": m["regular_obligation"] + m["amv_obligation"],
        "places": m["places"],
        "firm": m["firm_places"],
        "unmet": m["unmet_rec"] + m["unmet_amv"],
        "value_change": m["value_change"],
    }
    lines.append(_labelled_table(pd.DataFrame(figures), lang))
    lines += ["", f"## {text(lang, 'report.balance')}", "", text(lang, "report.balance_note"), ""]
    balance = compact_balance(result, lang)
    balance["covered_chance"] = [chance(lang, p) for p in balance["covered_chance"]]
    lines.append(markdown_table(balance.rename(columns=lambda c: text(lang, f"col.{c}"))))
    firmness = [firmness_line(s, province, lang) for province in s["provinces"]]
    if any(firmness):
        lines += ["", f"## {text(lang, 'report.firmness')}", ""]
        lines += [f"- {line}" for line in firmness if line]
        lines += ["", firmness_assumption(s, lang)]
    sites = result.sites
    opened = sites["open"].astype(str) == "True"
    new = site_words(sites[opened & sites["status"].isin(SOFT_STATUSES)], result, lang)
    lines += ["", f"## {text(lang, 'report.sites')}", ""]
    columns = ["id", "site_name", "municipality", "kind", "status", "places", "over_preference"]
    lines.append(_labelled_table(new[columns], lang) if len(new) else text(lang, "report.no_sites"))
    excluded = site_words(sites[sites["counted"].astype(str) != "True"], result, lang)
    if len(excluded):
        lines += ["", f"## {text(lang, 'report.not_counted')}", ""]
        columns = ["id", "site_name", "municipality", "status", "reason"]
        lines.append(_labelled_table(excluded[columns], lang))
    lines += ["", f"## {text(lang, 'report.settings')}", "", "```json"]
    lines += [
        json.dumps({"weights": s["weights"], "rules": s["rules"]}, indent=2, ensure_ascii=False),
        "```",
        "",
    ]
    return "\n".join(lines)
