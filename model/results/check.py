"""Re-verify a result against its instance (docs/model.md, version 2), independently of the solver.

The checker shares no code with model/optimise/formulation.py, model/optimise/solve.py, model/optimise/decompose.py or the
sentence builder of model/results/result.py: it takes the decision a result states (places per site in
sites.csv, the transfers in transfers.csv), recomputes from it and the instance every rule of
docs/model.md and every figure the other files state (municipalities.csv, deals.csv with its
sentences, the provinces, settings and stage values of summary.json), and returns one line per
violation: the file, the row, municipality or deal, the rule, what was expected and what was found.
Tables are read by column name (model/results/folder.py `read_result`), never by position.
"""

from __future__ import annotations

import json
import math
import re
from collections import defaultdict
from dataclasses import dataclass, field

import pandas as pd

from model.core.instance import Instance, reason_message
from model.core.settings import COMMITTED_STATUSES, COMPONENTS
from model.lang import Listing, Message
from model.results.markdown import as_date
from model.results.result import Result

TOLERANCE = 1e-6
"""Relative slack on figures (the files round to 6 decimals)."""
EPSILON = 1e-9
"""Below this a value is zero (an imbalance, a voluntary part)."""
PROVINCE_FIGURES = (
    "reception_task",
    "amv_task",
    "places",
    "amv_places",
    "firm_places",
    "short_rec",
    "short_amv",
)
DECLARED = {"housing": "housing_extra_max", "ukraine": "ukraine_extra_max"}
"""Components delivered by a declaration, with the column of their spare capacity X(m,k)."""
NUMBER = re.compile(r"\d+(?:[.,]\d+)?")
"""A number in a deal sentence: no thousands separators, a decimal comma (nl) or point (en)."""
DUTCH = re.compile(r"\b(neemt|huisvest|biedt|doet)\b")
ENGLISH = re.compile(r"\b(takes|houses|provides|gives)\b")
"""Words every deal sentence of one language has, to know which decimal separator it must use."""


def _close(a: float, b: float) -> bool:
    a, b = float(a), float(b)
    return abs(a - b) <= TOLERANCE * max(1.0, abs(a), abs(b))


def _shown(value: float | None) -> object:
    """A figure in a message (`{x:n}`): whole numbers as int, others rounded to 6 decimals;
    "blank" (in words) when there is none."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return Message("check.blank")
    value = round(float(value), 6)
    return int(value) if value.is_integer() else value


def _flag(value) -> bool:
    return str(value).strip().lower() in ("true", "1")


def _whole(value) -> bool:
    try:
        number = float(value)
    except (TypeError, ValueError):
        return False
    return math.isfinite(number) and number >= 0 and number.is_integer()


def _differences(found, expected, path: str) -> list[tuple[str, object, object]]:
    """Every leaf where two JSON trees differ: (dotted path, found, expected)."""
    if isinstance(found, dict) and isinstance(expected, dict):
        return [
            difference
            for key in sorted(set(found) | set(expected))
            for difference in _differences(
                found.get(key, "missing"), expected.get(key, "missing"), f"{path}.{key}"
            )
        ]
    if found != expected:
        return [(path, found, expected)]
    return []


@dataclass
class Deal:
    """A deal {a, b} as the transfers make it (docs/model.md, "The figures of a deal").

    moved[giver, taker][k]: units of giver's task in k that taker performs for giver.
    """

    a: str
    b: str
    moved: dict[tuple[str, str], dict[str, int]] = field(default_factory=dict)

    def value(self, giver: str, taker: str, weights: dict[str, float]) -> float:
        """V(giver -> taker): the value of what taker performs for giver."""
        return sum(weights[k] * n for k, n in self.moved.get((giver, taker), {}).items())

    @property
    def units(self) -> int:
        return sum(sum(parts.values()) for parts in self.moved.values())


class Checker:
    """Collects violations while recomputing the package from sites.csv and transfers.csv."""

    def __init__(self, instance: Instance, result: Result):
        self.instance = instance
        self.result = result
        self.settings = instance.settings
        self.rules = instance.settings.rules
        self.weights = instance.settings.weights.model_dump()
        self.mun = instance.municipalities
        self.tasks = instance.tasks
        self.violations: list[str] = []
        self.places: dict[str, int] = {}
        """Places per counted site, from sites.csv."""
        self.opened: dict[str, bool] = {}
        self.q: dict[tuple[str, str, str], int] = {}
        """q(k, giver, taker), from transfers.csv."""
        self.deals: dict[tuple[str, str], Deal] = {}

    def fail(self, key: str, **values: object) -> None:
        """A violation: the message `key` of model/lang/nl.py and en.py, in the language of the run."""
        self.violations.append(Message(key, **values))

    def label(self, m: str) -> str:
        return f"{m} ({self.mun.at[m, 'name']})" if m in self.mun.index else m

    def deal_label(self, a: str, b: str) -> Message:
        return Message("check.deal", a=self.label(a), b=self.label(b))

    def component(self, k: str) -> object:
        """A component in words (a code that is none as it is)."""
        return Message(f"component.{k}") if k in COMPONENTS else k

    def task(self, m: str, k: str) -> int:
        return int(self.tasks.at[m, k])

    def reception_task(self, m: str) -> int:
        return self.task(m, "regular") + self.task(m, "amv")

    # --- summary.json: the settings it was solved with -------------------------------------------

    def settings_used(self) -> None:
        """weights, rules and settings in summary.json are the instance's effective settings."""
        summary = self.result.summary
        if summary.get("instance") != self.settings.name:
            self.fail(
                "check.instance",
                expected=repr(self.settings.name),
                found=repr(summary.get("instance")),
            )
        expected = {
            "weights": self.settings.weights.model_dump(mode="json"),
            "rules": self.rules.model_dump(mode="json"),
            "settings": self.settings.as_dict(),
        }
        for key, value in expected.items():
            found = json.loads(json.dumps(summary.get(key, "missing")))
            for path, was, should in _differences(found, value, key):
                self.fail(
                    "check.setting", path=path, expected=json.dumps(should), found=json.dumps(was)
                )

    # --- sites.csv ---------------------------------------------------------------------------------

    def sites(self) -> None:
        """Places are whole, within the bounds of counted open sites, 0 elsewhere (model.md §2)."""
        table = self.result.sites
        rows = {sid: n for n, sid in enumerate(table["id"], start=2)}
        instance_sites = self.instance.sites
        for sid in instance_sites.index:
            if sid not in rows:
                self.fail("check.site_missing", id=sid)
        for sid, n in rows.items():
            if sid not in instance_sites.index:
                self.fail("check.site_unknown", row=n, id=sid)
        for n, row in enumerate(table.to_dict("records"), start=2):
            if row["id"] in instance_sites.index:
                self.site(row["id"], row, Message("check.at_site", row=n, id=row["id"]))

    def site(self, sid: str, row: dict, where: Message) -> None:
        site = self.instance.sites.loc[sid]
        for column in ("municipality", "kind", "status", "reason"):
            if str(row[column]) != str(site[column]):
                self.fail(
                    "check.site_field",
                    where=where,
                    column=column,
                    expected=repr(str(site[column])),
                    found=repr(str(row[column])),
                )
        for column in ("available_from", "available_until"):
            given = as_date(row.get(column)) if column in row else site[column]
            if given != site[column]:
                expected = site[column] or Message("check.blank")
                found = given or Message("check.blank")
                self.fail(
                    "check.site_field", where=where, column=column, expected=expected, found=found
                )
        x, is_open, counted = row["places"], _flag(row["open"]), bool(site["counted"])
        if _flag(row["counted"]) != counted:
            self.fail(
                "check.counted",
                where=where,
                expected=str(counted).lower(),
                found=row["counted"],
                why=self.reason(site) if site["reason"] else Message("check.it_counts"),
            )
        if not _whole(x):
            self.fail("check.places_whole", where=where, found=x)
            return
        x = int(float(x))
        if not counted:
            if x or is_open:
                self.fail("check.not_counted_open", where=where, found=x, open=str(is_open).lower())
            return
        committed = site["status"] in COMMITTED_STATUSES
        lo, hi = int(site["lo"]), int(site["hi"])
        if committed and not is_open:
            self.fail("check.committed_closed", where=where)
        if is_open and not lo <= x <= hi:
            self.fail("check.places_range", where=where, lo=lo, hi=hi, found=x)
        if not is_open and x:
            self.fail("check.closed_places", where=where, found=x)
        self.places[sid] = x
        self.opened[sid] = is_open or committed
        limit = self.mun.at[site["municipality"], "max_site_size"]
        over = max(0, x - int(limit)) if not committed and not math.isnan(limit) else 0
        if not _close(row["over_preference"], over):
            found = _shown(row["over_preference"])
            self.fail("check.over_preference", where=where, expected=over, found=found)

    def reason(self, site: pd.Series) -> Message:
        """Why a site of the instance does not count, in words."""
        return reason_message(
            site["reason"],
            site["available_from"],
            site["available_until"],
            self.rules.min_duration_years,
            self.settings.reference_date,
            site["status"],
        )

    def site_places(self, m: str, which: str = "all") -> float:
        """Counted places rho(s)·x(s) of m: all, at amv sites, or at committed sites."""
        s = self.instance.sites
        return sum(
            float(s.at[sid, "status_weight"]) * x
            for sid, x in self.places.items()
            if s.at[sid, "municipality"] == m
            and (which != "amv" or s.at[sid, "kind"] == "amv")
            and (which != "firm" or s.at[sid, "status"] in COMMITTED_STATUSES)
        )

    # --- transfers.csv -----------------------------------------------------------------------------

    def transfers(self) -> None:
        """Each transfer: known municipalities, whole units > 0, a tradable component, allowed scope."""
        scope = self.rules.exchange_scope
        table = self.result.transfers
        for n, (i, j, k, amount) in enumerate(
            zip(table["from"], table["to"], table["component"], table["amount"], strict=True),
            start=2,
        ):
            i, j, k = str(i), str(j), str(k)
            where = Message("check.at_transfer", row=n, giver=i, taker=j, k=self.component(k))
            unknown = [m for m in (i, j) if m not in self.mun.index]
            if unknown:
                self.fail("check.transfer_unknown", where=where, code=unknown[0])
                continue
            if not _whole(amount) or float(amount) == 0:
                self.fail("check.amount", where=where, found=amount)
                continue
            said = {"where": where, "k": k, "component": self.component(k)}
            if k not in COMPONENTS or k not in self.rules.transferable:
                self.fail("check.not_transferable", **said)
            elif self.weights[k] <= 0:
                self.fail("check.weight_zero", **said)
            if i == j:
                self.fail("check.to_itself", where=where)
            pi, pj = self.mun.at[i, "province"], self.mun.at[j, "province"]
            if scope == "none":
                self.fail("check.scope_none", where=where)
            elif pi != pj:
                self.fail("check.scope_province", where=where, a=i, b=j, pa=pi, pb=pj)
            elif scope == "region" and self.mun.at[i, "region"] != self.mun.at[j, "region"]:
                ra, rb = repr(self.mun.at[i, "region"]), repr(self.mun.at[j, "region"])
                self.fail("check.scope_region", where=where, a=i, b=j, ra=ra, rb=rb)
            if (k, i, j) in self.q:
                self.fail("check.transfer_twice", where=where)
            self.q[k, i, j] = self.q.get((k, i, j), 0) + int(float(amount))
        for (k, i, j), units in self.q.items():
            pair = (min(i, j), max(i, j))
            deal = self.deals.setdefault(pair, Deal(*pair))
            parts = deal.moved.setdefault((i, j), {})
            parts[k] = parts.get(k, 0) + units

    def obligations(self) -> dict[tuple[str, str], int]:
        """O(m,k), with no relaying, no pass-through and declared capacity checked (model.md §3)."""
        given, taken = defaultdict(int), defaultdict(int)
        givers, takers = defaultdict(list), defaultdict(list)
        for (k, i, j), units in self.q.items():
            given[i, k] += units
            taken[j, k] += units
            givers[j, k].append(i)
            takers[i, k].append(j)
        obligation = {}
        for m in self.mun.index:
            for k in COMPONENTS:
                t = self.task(m, k)
                said = {"label": self.label(m), "k": k, "component": self.component(k)}
                if given[m, k] > t:
                    self.fail("check.no_relaying", n=given[m, k], task=t, **said)
                if given[m, k] and taken[m, k] and not self.rules.pass_through:
                    self.fail(
                        "check.no_pass_through",
                        taken=taken[m, k],
                        givers=", ".join(sorted(givers[m, k])),
                        given=given[m, k],
                        takers=", ".join(sorted(takers[m, k])),
                        **said,
                    )
                obligation[m, k] = t + taken[m, k] - given[m, k]
            for k, column in DECLARED.items():
                limit = self.task(m, k) + int(self.mun.at[m, column])
                if obligation[m, k] > limit:
                    self.fail(
                        "check.declared_capacity",
                        label=self.label(m),
                        k=k,
                        component=self.component(k),
                        limit=limit,
                        column=column,
                        found=obligation[m, k],
                    )
        return obligation

    # --- deals: who may deal with whom, and balance -------------------------------------------------

    def deal_rules(self) -> None:
        """Distance limit, locked and forbidden deals, deals per municipality (model.md §3)."""
        limit = self.rules.max_distance_km
        for a, b in sorted(self.deals):
            if limit > 0:
                km = self.instance.distance_km(a, b)
                deal = self.deal_label(a, b)
                if km is None:
                    self.fail("check.distance_unknown", deal=deal, limit=_shown(limit))
                elif km > limit:
                    self.fail("check.too_far", deal=deal, limit=_shown(limit), km=km)
        for a, b, rule in zip(
            *(self.instance.deal_rules[c] for c in ("a", "b", "rule")), strict=True
        ):
            made = (a, b) in self.deals
            if rule == "require" and not made:
                self.fail("check.require_missing", deal=self.deal_label(a, b))
            if rule == "forbid" and made:
                units = self.deals[a, b].units
                self.fail("check.forbid_made", deal=self.deal_label(a, b), units=units)
        most = self.rules.max_deals_per_municipality
        if most:
            count = defaultdict(int)
            for a, b in self.deals:
                count[a] += 1
                count[b] += 1
            for m, n in sorted(count.items()):
                if n > most:
                    self.fail("check.max_deals", label=self.label(m), most=most, found=n)

    def figures(self, deal: Deal) -> dict:
        """The figures of a deal (model.md, "The figures of a deal"), computed here on their own."""
        a, b = deal.a, deal.b
        value_ab, value_ba = deal.value(a, b, self.weights), deal.value(b, a, self.weights)
        difference = value_ab - value_ba
        volunteer = b if difference > EPSILON else a if difference < -EPSILON else None
        imbalance = abs(difference) if volunteer else 0.0
        voluntary = 0.0
        if self.rules.balance == "deal":
            voluntary = max(0.0, imbalance - self.rules.balance_tolerance)
        return {
            "km": self.instance.distance_km(a, b),
            "units": deal.units,
            "value_ab": value_ab,
            "value_ba": value_ba,
            "volunteer": volunteer,
            "imbalance": imbalance,
            "voluntary": voluntary,
        }

    def balance(self, obligation: dict[tuple[str, str], int]) -> None:
        """rules.balance: per deal (volunteered parts within willing_extra) or per municipality."""
        willing = self.mun["willing_extra"].astype(float)
        if self.rules.balance == "municipality":
            tolerance = self.rules.balance_tolerance
            for m in self.mun.index:
                delta = self.value_change(m, obligation)
                allowed = willing[m] + tolerance
                if delta > allowed + TOLERANCE * max(1.0, abs(delta)):
                    self.fail(
                        "check.value_balance",
                        label=self.label(m),
                        delta=_shown(delta),
                        allowed=_shown(allowed),
                    )
            return
        volunteered: dict[str, list[tuple[tuple[str, str], float]]] = defaultdict(list)
        for pair, deal in sorted(self.deals.items()):
            figures = self.figures(deal)
            m, part = figures["volunteer"], figures["voluntary"]
            if m is None or part <= EPSILON:
                continue
            volunteered[m].append((pair, part))
            if part > willing[m] + TOLERANCE * max(1.0, part):
                self.fail(
                    "check.deal_balance",
                    deal=self.deal_label(*pair),
                    label=self.label(m),
                    imbalance=_shown(figures["imbalance"]),
                    tolerance=_shown(self.rules.balance_tolerance),
                    part=_shown(part),
                    willing=_shown(willing[m]),
                )
        for m, parts in sorted(volunteered.items()):
            total = sum(part for _, part in parts)
            each_fits = all(part <= willing[m] + TOLERANCE * max(1.0, part) for _, part in parts)
            if each_fits and total > willing[m] + TOLERANCE * max(1.0, total):
                deals = Listing(
                    [
                        Message("check.part_with", part=_shown(part), other=b if a == m else a)
                        for (a, b), part in parts
                    ],
                    None,
                )
                self.fail(
                    "check.willing_extra",
                    label=self.label(m),
                    total=_shown(total),
                    deals=deals,
                    willing=_shown(willing[m]),
                )

    def value_change(self, m: str, obligation: dict[tuple[str, str], int]) -> float:
        """Delta(m) = sum over k of w(k)·(O(m,k) - T(m,k))."""
        return sum(self.weights[k] * (obligation[m, k] - self.task(m, k)) for k in COMPONENTS)

    # --- municipalities.csv -------------------------------------------------------------------------

    def municipalities(self, obligation: dict[tuple[str, str], int]) -> dict[str, float]:
        """Every figure of municipalities.csv, one row per municipality of the instance."""
        table = self.result.municipalities
        rows = {code: n for n, code in enumerate(table["code"], start=2)}
        for m in self.mun.index:
            if m not in rows:
                self.fail("check.municipality_missing", label=self.label(m))
        for m, n in rows.items():
            if m not in self.mun.index:
                self.fail("check.municipality_unknown", row=n, code=m)
        indexed = table.set_index("code")
        unmet = {}
        for m in self.mun.index:
            places, amv_places = self.site_places(m), self.site_places(m, "amv")
            unmet_rec = max(0.0, obligation[m, "regular"] + obligation[m, "amv"] - places)
            unmet_amv = max(0.0, obligation[m, "amv"] - amv_places)
            unmet[m] = unmet_rec + unmet_amv
            if m not in rows:
                continue
            expected: dict[str, object] = {
                column: self.mun.at[m, column] for column in ("name", "province", "region")
            }
            expected |= {f"{k}_task": self.task(m, k) for k in COMPONENTS}
            expected |= {f"{k}_obligation": obligation[m, k] for k in COMPONENTS}
            expected |= {
                "places": places,
                "amv_places": amv_places,
                "firm_places": self.site_places(m, "firm"),
                "unmet_rec": unmet_rec,
                "unmet_amv": unmet_amv,
                "value_change": self.value_change(m, obligation),
            }
            where = Message("check.at_municipality", row=rows[m], label=self.label(m))
            for column, value in expected.items():
                found = indexed.at[m, column]
                same = found == value if isinstance(value, str) else _close(found, value)
                if not same:
                    shown = value if isinstance(value, str) else _shown(value)
                    self.fail(
                        "check.field", where=where, column=column, expected=shown, found=found
                    )
        return unmet

    # --- deals.csv ----------------------------------------------------------------------------------

    def deal_table(self) -> None:
        """deals.csv lists exactly the deals of transfers.csv, with their figures and sentences."""
        table = self.result.deals
        listed: dict[tuple[str, str], int] = {}
        for n, row in enumerate(table.to_dict("records"), start=2):
            a, b = str(row["a"]), str(row["b"])
            if not a < b:
                self.fail("check.deal_order", row=n, a=a, b=b)
            pair = (min(a, b), max(a, b))
            if pair in listed:
                self.fail("check.deal_twice", row=n, a=a, b=b, first=listed[pair])
                continue
            listed[pair] = n
            if pair not in self.deals:
                self.fail("check.deal_without_transfers", row=n, a=a, b=b)
                continue
            if a < b:
                where = Message("check.at_deal", row=n, deal=self.deal_label(a, b))
                self.deal_row(self.deals[pair], row, where)
        for pair in sorted(set(self.deals) - set(listed)):
            self.fail("check.deal_missing", deal=self.deal_label(*pair))

    def deal_row(self, deal: Deal, row: dict, where: Message) -> None:
        figures = self.figures(deal)
        km = figures["km"]
        found_km = row["km"]
        if km is None:
            if not pd.isna(found_km):
                self.fail("check.km_blank", where=where, found=_shown(found_km))
        elif pd.isna(found_km) or not _close(found_km, km):
            self.fail("check.field", where=where, column="km", expected=km, found=_shown(found_km))
        for column in ("units", "value_ab", "value_ba", "voluntary"):
            if not _close(row[column], figures[column]):
                expected, found = _shown(figures[column]), _shown(row[column])
                self.fail("check.field", where=where, column=column, expected=expected, found=found)
        volunteer, found = figures["volunteer"] or "", str(row["volunteer"])
        if found != volunteer:
            blank = Message("check.blank")
            self.fail(
                "check.field",
                where=where,
                column="volunteer",
                expected=volunteer or blank,
                found=found or blank,
            )
        self.sentence(deal, figures, str(row["description"]), where)

    def sentence_numbers(self, deal: Deal, figures: dict) -> list[float]:
        """The numbers a deal's sentence must state (model.md, "The figures of a deal").

        What each side performs per component, the volunteer's part without the units split off as
        voluntary; then the voluntary units, or the voluntary value when it is no whole number of
        units; then the part of the imbalance within the tolerance (under "municipality" balance:
        the whole imbalance, the net).
        """
        volunteer, voluntary = figures["volunteer"], figures["voluntary"]
        split = self.voluntary_units(deal, volunteer, voluntary)
        numbers: list[float] = []
        for giver, taker in ((deal.a, deal.b), (deal.b, deal.a)):
            parts = dict(deal.moved.get((giver, taker), {}))
            if taker == volunteer and split:
                parts = {k: n - split.get(k, 0) for k, n in parts.items()}
            numbers += [n for n in parts.values() if n > 0]
        if split:
            numbers += [n for n in split.values() if n > 0]
        elif split is None:
            numbers.append(voluntary)
        tolerated = figures["imbalance"] - voluntary
        if volunteer is not None and tolerated > EPSILON:
            numbers.append(tolerated)
        return sorted(round(float(n), 2) for n in numbers)

    def voluntary_units(
        self, deal: Deal, volunteer: str | None, voluntary: float
    ) -> dict[str, int] | None:
        """The voluntary value split off as whole units of what the volunteer takes over.

        Components in the order regular, amv, housing, ukraine: of each, as many units as the
        value left covers (at most what the volunteer takes over of it). None when a component's
        share is no whole number of units or value is left over: the sentence names the value.
        {} when there is nothing voluntary.
        """
        if volunteer is None or voluntary <= EPSILON:
            return {}
        giver = deal.a if volunteer == deal.b else deal.b
        taken = deal.moved.get((giver, volunteer), {})
        left, split = voluntary, {}
        for k in COMPONENTS:
            if left <= EPSILON or not taken.get(k) or self.weights[k] <= 0:
                continue
            n = min(float(taken[k]), left / self.weights[k])
            if abs(n - round(n)) > EPSILON:
                return None
            split[k] = round(n)
            left -= split[k] * self.weights[k]
        return split if left <= EPSILON else None

    def sentence(self, deal: Deal, figures: dict, description: str, where: str) -> None:
        """Both names appear and the numbers are exactly the deal's figures."""
        rest = description
        names = sorted(
            {str(self.mun.at[m, "name"]) for m in (deal.a, deal.b)}, key=len, reverse=True
        )
        for name in names:
            if name not in rest:
                self.fail("check.sentence_name", where=where, name=name, found=repr(description))
            rest = rest.replace(name, " ")
        found = NUMBER.findall(rest)
        decimal = "," if DUTCH.search(rest) else "." if ENGLISH.search(rest) else None
        wrong = [n for n in found if decimal and re.search(r"[.,]", n) and decimal not in n]
        if wrong:
            self.fail(
                "check.sentence_decimals", where=where, sign=repr(decimal), found=", ".join(wrong)
            )
        numbers = sorted(round(float(n.replace(",", ".")), 2) for n in found)
        expected = self.sentence_numbers(deal, figures)
        if numbers != expected:
            none = Message("check.none")
            self.fail(
                "check.sentence_numbers",
                where=where,
                expected=Listing(map(_shown, expected), None) if expected else none,
                found=Listing(map(_shown, numbers), None) if numbers else none,
                sentence=repr(description),
            )

    # --- summary.json: provinces, stages, status ----------------------------------------------------

    def provinces(self) -> float:
        """Each province of the instance, and only those, with its figures; returns the shortfall."""
        claimed = self.result.summary.get("provinces", {})
        shortfall = 0.0
        for p in sorted(set(claimed) - set(self.mun["province"])):
            self.fail("check.province_unknown", province=p)
        for p, rows in self.mun.groupby("province", sort=True):
            reception = sum(self.reception_task(m) for m in rows.index)
            amv = sum(self.task(m, "amv") for m in rows.index)
            places = sum(self.site_places(m) for m in rows.index)
            amv_places = sum(self.site_places(m, "amv") for m in rows.index)
            figures = {
                "reception_task": reception,
                "amv_task": amv,
                "places": places,
                "amv_places": amv_places,
                "firm_places": sum(self.site_places(m, "firm") for m in rows.index),
                "short_rec": max(0.0, reception - places),
                "short_amv": max(0.0, amv - amv_places),
            }
            shortfall += figures["short_rec"] + figures["short_amv"]
            if p not in claimed:
                self.fail("check.province_missing", province=p)
                continue
            for key in PROVINCE_FIGURES:
                found = claimed[p].get(key)
                if found is None or not _close(found, figures[key]):
                    self.fail(
                        "check.summary_field",
                        path=f"provinces.{p}.{key}",
                        expected=_shown(figures[key]),
                        found=_shown(found),
                    )
        return shortfall

    def stage_values(self, shortfall: float, unmet: dict[str, float]) -> dict[str, float]:
        """Every stage of docs/model.md §5, recomputed from the decision."""
        s = self.instance.sites
        soft = [sid for sid in self.places if s.at[sid, "status"] not in COMMITTED_STATUSES]
        committed = [sid for sid in self.places if sid not in soft]
        over = 0
        for sid in soft:
            limit = self.mun.at[s.at[sid, "municipality"], "max_site_size"]
            if not math.isnan(limit):
                over += max(0, self.places[sid] - int(limit))
        soft_places = sum(self.places[sid] for sid in soft)
        return {
            "shortfall": shortfall,
            "unmet": sum(unmet.values()),
            "fairness": max(
                (unmet[m] / max(1, self.reception_task(m)) for m in self.mun.index), default=0.0
            ),
            "firm": soft_places,
            "preference": over,
            "new_sites": sum(1 for sid in soft if self.opened[sid]),
            "deals": len(self.deals),
            "distance": sum(self.instance.distance_km(a, b) or 0 for a, b in self.deals),
            "transfers": sum(self.q.values()),
            "new_places": soft_places
            + sum(self.places[sid] - int(s.at[sid, "min_places"]) for sid in committed),
        }

    def stages(self, values: dict[str, float]) -> None:
        """objective_order, objectives, stages and status agree with the settings and each other."""
        summary = self.result.summary
        order = list(summary.get("objective_order", []))
        settings_order = list(self.settings.objective.order)
        source = summary.get("objective_source", "settings")
        if len(set(order)) != len(order):
            self.fail("check.order_twice", order=str(order))
        if source == "settings" and order != settings_order:
            self.fail("check.order_differs", expected=str(settings_order), found=str(order))
        objectives = summary.get("objectives", {})
        stages = summary.get("stages", {})
        for key, entries in (("objectives", objectives), ("stages", stages)):
            for name in order:
                if name not in entries:
                    self.fail("check.stage_missing", path=f"{key}.{name}")
            for name in entries:
                if name not in order:
                    self.fail("check.stage_unknown", path=f"{key}.{name}", order=str(order))
        for name, value in objectives.items():
            if name in values and not _close(value, values[name]):
                self.fail(
                    "check.objective_value",
                    name=name,
                    expected=_shown(values[name]),
                    found=_shown(value),
                )
        for name, stage in stages.items():
            if name in objectives and not _close(stage["value"], objectives[name]):
                self.fail(
                    "check.stage_value",
                    name=name,
                    expected=_shown(objectives[name]),
                    found=_shown(stage["value"]),
                )
            if stage["status"] == "optimal" and stage["gap"] != 0:
                self.fail("check.stage_gap", name=name, found=stage["gap"])
        proven = all(stage["status"] == "optimal" for stage in stages.values())
        status = "optimal" if proven else "time_limit"
        if summary.get("status") != status:
            self.fail("check.status", expected=status, found=summary.get("status"))
        gaps = [stage["gap"] for stage in stages.values()]
        gap = None if None in gaps else max(gaps, default=0)
        found_gap = summary.get("solver", {}).get("gap")
        if (gap is None) != (found_gap is None) or (gap is not None and not _close(gap, found_gap)):
            self.fail("check.solver_gap", expected=_shown(gap), found=_shown(found_gap))


def check(instance: Instance, result: Result) -> list[str]:
    """Every violation of docs/model.md's rules, and every figure of the result that does not add up."""
    checker = Checker(instance, result)
    checker.settings_used()
    checker.sites()
    checker.transfers()
    obligation = checker.obligations()
    checker.deal_rules()
    checker.balance(obligation)
    unmet = checker.municipalities(obligation)
    checker.deal_table()
    shortfall = checker.provinces()
    checker.stages(checker.stage_values(shortfall, unmet))
    return checker.violations
