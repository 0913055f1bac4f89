"""Why short, what would close it and how much rests on each component, in words.

summary.json's `explanation.short` and `explanation.dependence` (written by model/optimise/diagnosis.py)
turned into sentences and tables for report.md, report.xlsx and report.html, in the report's
language. Plain tables only: nothing here imports the solver. The codes are those of
docs/model.md, "Explaining a package".
"""

from __future__ import annotations

import pandas as pd

from model.core.settings import COMPONENTS
from model.lang import number, text
from model.results.result import Result

REASONS: tuple[str, ...] = (
    "own_sites_full",
    "own_room_used",
    "no_site",
    "no_amv_site",
    "site_not_counted",
    "site_cannot_open",
    "deal_balance",
    "partner_willing_used",
    "partner_room_used",
    "partner_sites_full",
    "task_handed_over",
    "shared_with",
    "region_border",
    "distance_limit",
    "forbidden_deal",
    "no_exchange",
)
"""Reason codes, in the order a municipality's reasons are listed: its own limits first, then
its deals and other municipalities' limits, then who it may not deal with."""
CHANGES: tuple[str, ...] = ("places", "new_site", "willing", "room")
"""Kinds of change that may close unmet places (the closing alternatives)."""

LISTED = 5
"""At most this many municipalities are named in one reason; the rest are counted."""


def explanation(result: Result) -> dict:
    """`explanation` of summary.json ({} when the result has not been explained)."""
    return result.summary.get("explanation") or {}


def explained(result: Result) -> bool:
    """Has `uitruil explain` (or solve --explain) written its part of the explanation?"""
    return "short" in explanation(result)


def site_names(result: Result) -> dict[str, str]:
    """Site ids to their names (the id where a site has no name)."""
    sites = result.sites
    given = sites["name"] if "name" in sites.columns else pd.Series("", index=sites.index)
    return {
        str(s): str(n) if isinstance(n, str) and n.strip() else str(s)
        for s, n in zip(sites["id"], given, strict=True)
    }


def deals_once(limits: list[dict], short: str) -> list[dict]:
    """The deals in balance named once per municipality that would take over more: its deal
    with the short municipality itself (about None), else its first deal further down."""
    out: dict[str, dict] = {}
    for limit in sorted(limits, key=lambda x: x["about"] != short):
        out.setdefault(
            limit["municipality"], limit | {"about": None} if limit["about"] == short else limit
        )
    return list(out.values())


def not_counted(reason: str) -> str:
    """The kind of a site's reason not to count (sites.csv `reason`, docs/cli.md)."""
    if reason.startswith("available from"):
        return "too_late"
    if reason.startswith("available until"):
        return "temporary"
    return "status_weight"


class Words:
    """The sentences of one result in one language."""

    def __init__(self, result: Result, lang: str):
        self.result, self.lang = result, lang
        self.names = result.municipalities.set_index("code")["name"].to_dict()
        self.sites = site_names(result)
        self.kinds = result.sites.set_index("id")["kind"].to_dict()
        self.settings = result.summary.get("settings", {})

    def name(self, code: str | None) -> str:
        return self.names.get(code, code or "")

    def number(self, value: float | None) -> str:
        return number(self.lang, value)

    def item(self, limit: dict) -> str:
        """One limit as a short phrase: what it is and how far it goes."""
        code, lang = limit["reason"], self.lang
        about, value = limit["about"], limit["limit"]
        values = {
            "name": self.name(limit["municipality"]),
            "limit": self.number(value),
            "site": self.sites.get(about, about),
            "component": text(lang, f"component.{about}") if about in COMPONENTS else about,
            "other": self.name(about),
        }
        if code == "site_cannot_open":
            kind = str(self.kinds.get(about, ""))
            rule = self.settings.get("site_kinds", {}).get(kind, {})
            values |= {"kind": text(lang, f"kind.{kind}"), "min": self.number(rule.get("min"))}
        if code == "site_not_counted":
            reason = str(self.result.sites.set_index("id")["reason"].get(about, ""))
            values["why"] = text(lang, f"not_counted.{not_counted(reason)}")
        key = f"why_item.{code}"
        if code == "deal_balance" and about is not None:
            key += ".chain"  # a deal further down the chain: both sides named
        return text(lang, key, **values)

    def reason(self, code: str, limits: list[dict], short: str, priced: bool) -> str:
        """All limits of one code of a short municipality in one clause; with `priced`, their
        value per unit (when the sentence does not say it once for all of them)."""
        lang = self.lang
        if code == "deal_balance":
            limits = deals_once(limits, short)
        items = [self.item(x) for x in limits[:LISTED]]
        if len(limits) > LISTED:
            items.append(text(lang, "why.more", n=len(limits) - LISTED))
        clause = text(lang, f"why.{code}", items=", ".join(items), **self.rule_values())
        prices = {x["per_unit"] for x in limits if x["per_unit"] is not None}
        if not priced or not prices:
            return clause
        if len(prices) == 1:
            return clause + text(lang, "why.value", value=self.number(prices.pop()))
        low, high = min(prices), max(prices)
        return clause + text(lang, "why.values", low=self.number(low), high=self.number(high))

    def rule_values(self) -> dict[str, str]:
        rules = self.settings.get("rules") or self.result.summary.get("rules", {})
        return {"km": self.number(rules.get("max_distance_km"))}

    def why(self, code: str, entry: dict) -> str:
        """Every reason of a short municipality: first the limits the model prices (own limits
        first; their value once when all have the same), then the others ("Verder: ...")."""
        priced: dict[str, list[dict]] = {}
        others: dict[str, list[dict]] = {}
        for limit in entry["limits"]:
            group = others if limit["per_unit"] is None else priced
            group.setdefault(limit["reason"], []).append(limit)
        prices = {x["per_unit"] for limits in priced.values() for x in limits}
        once = len(prices) == 1
        parts = []
        if priced:
            clauses = [self.reason(r, limits, code, not once) for r, limits in priced.items()]
            value = min(prices)
            said = "; ".join(clauses)
            if once and value > 0:
                said += text(self.lang, "why.value_all", value=self.number(value))
            elif once:
                said += text(self.lang, "why.together")
            parts.append(said)
        if others:
            clauses = "; ".join(self.reason(r, limits, code, False) for r, limits in others.items())
            parts.append(text(self.lang, "why.also", items=clauses) if priced else clauses)
        return ". ".join(parts) if parts else text(self.lang, "why.none")

    def change(self, change: dict) -> str:
        """One change of a closing alternative ("Losser: 20 plekken meer op AMV Overdinkel")."""
        about = change["about"]
        kind = change["change"]
        values = {
            "name": self.name(change["municipality"]),
            "n": self.number(change["amount"]),
            "site": self.sites.get(about, about),
            "kind": text(self.lang, f"kind.{about}") if kind == "new_site" else "",
        }
        key = f"change.{kind}.{about}" if kind == "room" else f"change.{kind}"
        return text(self.lang, key, **values)

    def closing(self, entry: dict) -> str:
        """The closing alternatives joined with "of" ("or"), each its changes joined with "en"."""
        options: dict[int, list[str]] = {}
        for change in entry["closing"]:
            options.setdefault(change["option"], []).append(self.change(change))
        if not options:
            return text(self.lang, "closing.none")
        sentence = text(self.lang, "closing.or").join(
            text(self.lang, "word.and").join(parts) for parts in options.values()
        )
        if not entry.get("proven", True):
            sentence += " " + text(self.lang, "closing.not_proven")
        return sentence

    def dependence(self) -> list[str]:
        """Per traded component: the unmet places without it as a means of exchange; a line for
        the traded components the explanation has no figure for (not proven within its time)."""
        if not explained(self.result):
            return []
        now = sum(self.result.municipalities[c].sum() for c in ("unmet_rec", "unmet_amv"))
        figures = explanation(self.result).get("dependence", {})
        lines = [
            text(self.lang, f"dependence.{k}", n=self.number(n), now=self.number(now))
            for k, n in figures.items()
        ]
        traded = set(self.result.transfers["component"])
        missing = [
            text(self.lang, f"component.{k}") for k in COMPONENTS if k in traded - set(figures)
        ]
        if missing:
            lines.append(text(self.lang, "dependence.missing", components=", ".join(missing)))
        return lines


def table(rows: list[dict], columns: list[str], lang: str) -> pd.DataFrame:
    """Rows as a table with the headers of `columns` in `lang` (col.* labels)."""
    frame = pd.DataFrame(rows, columns=columns)
    return frame.rename(columns={c: text(lang, f"col.{c}") for c in columns})


def why_short_frame(result: Result, lang: str) -> pd.DataFrame:
    """One row per short municipality: its unmet places, why, and what would close it."""
    words = Words(result, lang)
    rows = [
        {
            "name": words.name(code),
            "unmet": entry["unmet"],
            "why": words.why(code, entry),
            "closing": words.closing(entry),
        }
        for code, entry in explanation(result).get("short", {}).items()
    ]
    return table(rows, ["name", "unmet", "why", "closing"], lang)


def limit_frame(result: Result, lang: str) -> pd.DataFrame:
    """Every priced limit of every short municipality, one row each (for the workbook)."""
    words = Words(result, lang)
    rows = [
        {
            "name": words.name(code),
            "reason": text(lang, f"reason.{limit['reason']}"),
            "whose": words.name(limit["municipality"]),
            "about": words.item(limit),
            "per_unit": limit["per_unit"],
            "up_to": limit["up_to"],
        }
        for code, entry in explanation(result).get("short", {}).items()
        for limit in entry["limits"]
    ]
    return table(rows, ["name", "reason", "whose", "about", "per_unit", "up_to"], lang)


def closing_frame(result: Result, lang: str) -> pd.DataFrame:
    """Every change of every closing alternative, one row each (for the workbook)."""
    words = Words(result, lang)
    rows = [
        {
            "name": words.name(code),
            "option": change["option"],
            "change": words.change(change),
            "amount": change["amount"],
            "change_cost": change["cost"],
        }
        for code, entry in explanation(result).get("short", {}).items()
        for change in entry["closing"]
    ]
    return table(rows, ["name", "option", "change", "amount", "change_cost"], lang)


def why_short_note(result: Result, lang: str) -> str | None:
    """What to say when there is nothing to list: no unmet places, or not explained yet."""
    m = result.municipalities
    unmet = (m["unmet_rec"] + m["unmet_amv"]).sum()
    if not explained(result):
        return text(lang, "why.not_explained") if unmet > 0 else None
    return text(lang, "why.nobody_short") if not explanation(result)["short"] else None


def why_short_lines(result: Result) -> list[str]:
    """report.md's section "Waarom tekort": per short municipality why and what would close
    it, then how much rests on each component; nothing when there is nothing to say."""
    lang = result.lang
    note = why_short_note(result, lang)
    if note is None and not explained(result):
        return []
    words = Words(result, lang)
    lines = ["", f"## {text(lang, 'report.why_short')}", ""]
    if note:
        lines.append(note)
    for code, entry in explanation(result).get("short", {}).items():
        lines.append(
            "- "
            + text(
                lang,
                "why.line",
                name=words.name(code),
                n=words.number(entry["unmet"]),
                why=words.why(code, entry),
                closing=words.closing(entry),
            )
        )
    dependence = words.dependence()
    if dependence:
        lines += ["", text(lang, "dependence.title"), ""] + [f"- {line}" for line in dependence]
    return lines
