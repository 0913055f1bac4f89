"""Re-verify a result folder against its instance, sharing no code with the formulation or solver.

Recomputes every constraint of shared/spec/model.md and every stage value from the files a solve
wrote (sites.csv, transfers.csv) and the instance alone, and compares them with what the other
files (municipalities.csv, summary.json, deals.csv) claim. Returns one line per violation.
"""

from __future__ import annotations

import math
from collections import defaultdict

from model.instance import Instance
from model.result import Result
from model.settings import COMMITTED_STATUSES, COMPONENTS

TOLERANCE = 1e-6


def _close(a: float, b: float) -> bool:
    return abs(float(a) - float(b)) <= TOLERANCE * max(1.0, abs(float(a)), abs(float(b)))


def _truth(value) -> bool:
    return str(value).strip().lower() in ("true", "1")


def _whole(value) -> bool:
    try:
        return float(value) == int(float(value)) and float(value) >= 0
    except (TypeError, ValueError):
        return False


class Checker:
    """Collects violations while recomputing the package from sites and transfers."""

    def __init__(self, instance: Instance, result: Result):
        self.instance = instance
        self.result = result
        self.settings = instance.settings
        self.violations: list[str] = []
        self.mun = instance.municipalities
        self.place = {}  # site id -> places
        self.opened = {}
        self.q: dict[tuple[str, str, str], int] = {}

    def fail(self, message: str) -> None:
        self.violations.append(message)

    def task(self, m: str, k: str) -> int:
        row = self.mun.loc[m]
        return {
            "regular": int(row["reception_task"]) - int(row["amv_task"]),
            "amv": int(row["amv_task"]),
            "housing": int(row["housing_task"]),
            "ukraine": int(row["ukraine_task"]),
        }[k]

    # --- sites ---------------------------------------------------------------------------------

    def sites(self) -> None:
        table = self.result.sites.set_index("id")
        expected = set(self.instance.sites.index)
        for missing in sorted(expected - set(table.index)):
            self.fail(f"sites.csv: site {missing} of the instance is missing")
        for extra in sorted(set(table.index) - expected):
            self.fail(f"sites.csv: site {extra} is not in the instance")
        kinds = self.settings.site_kinds
        rho = self.settings.rules.status_weight
        for sid, site in self.instance.sites.iterrows():
            if sid not in table.index:
                continue
            row = table.loc[sid]
            x, is_open = row["places"], _truth(row["open"])
            if not _whole(x):
                self.fail(f"sites.csv: site {sid} has places {x}, not a whole number >= 0")
                continue
            x = int(float(x))
            counted = bool(site["counted"]) and getattr(rho, site["status"]) > 0
            if _truth(row["counted"]) != counted:
                self.fail(f"sites.csv: site {sid} counted={row['counted']}, expected {counted}")
            if not counted:
                if x or is_open:
                    self.fail(f"sites.csv: site {sid} does not count but is open with {x} places")
                continue
            if site["status"] in COMMITTED_STATUSES:
                lo, hi = int(site["min_places"]), int(site["max_places"])
                if not is_open:
                    self.fail(f"sites.csv: committed site {sid} must be open")
            else:
                rule = getattr(kinds, site["kind"])
                lo, hi = (
                    max(int(site["min_places"]), rule.min),
                    min(int(site["max_places"]), rule.max),
                )
            if is_open and not lo <= x <= hi:
                self.fail(f"sites.csv: site {sid} has {x} places, allowed {lo} to {hi}")
            if not is_open and x:
                self.fail(f"sites.csv: site {sid} is closed but has {x} places")
            self.place[sid] = x
            self.opened[sid] = is_open
            limit = self.mun.at[site["municipality"], "max_site_size"]
            soft = site["status"] not in COMMITTED_STATUSES
            over = max(0, x - int(limit)) if soft and is_open and not math.isnan(limit) else 0
            if not _close(row["over_preference"], over):
                self.fail(
                    f"sites.csv: site {sid} over_preference {row['over_preference']}, expected {over}"
                )

    def counted_places(self, m: str, amv_only: bool = False) -> float:
        rho = self.settings.rules.status_weight
        s = self.instance.sites
        return sum(
            getattr(rho, s.at[sid, "status"]) * x
            for sid, x in self.place.items()
            if s.at[sid, "municipality"] == m and (not amv_only or s.at[sid, "kind"] == "amv")
        )

    # --- transfers -----------------------------------------------------------------------------

    def transfers(self) -> None:
        rules = self.settings.rules
        for n, row in enumerate(self.result.transfers.itertuples(index=False), start=2):
            i, j, k, amount = str(row[0]), str(row[1]), str(row[2]), row[3]
            where = f"transfers.csv row {n}"
            if i not in self.mun.index or j not in self.mun.index:
                self.fail(f"{where}: unknown municipality {i if i not in self.mun.index else j}")
                continue
            if not _whole(amount) or float(amount) == 0:
                self.fail(f"{where}: amount {amount} is not a whole number > 0")
                continue
            if k not in rules.transferable or k not in COMPONENTS:
                self.fail(f"{where}: component {k} may not change hands")
            if i == j:
                self.fail(f"{where}: {i} transfers to itself")
            if rules.exchange_scope == "none":
                self.fail(f"{where}: exchange_scope is 'none'")
            if self.mun.at[i, "province"] != self.mun.at[j, "province"]:
                self.fail(f"{where}: {i} and {j} are in different provinces")
            if (
                rules.exchange_scope == "region"
                and self.mun.at[i, "region"] != self.mun.at[j, "region"]
            ):
                self.fail(f"{where}: {i} and {j} are in different regions")
            if (k, i, j) in self.q:
                self.fail(f"{where}: a second row for {i} -> {j} ({k})")
            self.q[k, i, j] = self.q.get((k, i, j), 0) + int(float(amount))

    def obligations(self) -> dict[tuple[str, str], int]:
        """O(m,k) after exchange, with the no-relaying and declared-capacity rules checked."""
        out, inn = defaultdict(int), defaultdict(int)
        for (k, i, j), v in self.q.items():
            out[i, k] += v
            inn[j, k] += v
        obligation = {}
        for m in self.mun.index:
            for k in COMPONENTS:
                t = self.task(m, k)
                if out[m, k] > t:
                    self.fail(f"{m} hands over {out[m, k]} units of {k}, more than its task {t}")
                obligation[m, k] = t + inn[m, k] - out[m, k]
            for k, spare in (("housing", "housing_extra_max"), ("ukraine", "ukraine_extra_max")):
                limit = self.task(m, k) + int(self.mun.at[m, spare])
                if obligation[m, k] > limit:
                    self.fail(
                        f"declared_capacity: {m} has {k} obligation {obligation[m, k]} > {limit}"
                    )
        return obligation

    # --- municipalities, provinces, stages -----------------------------------------------------

    def municipalities(self, obligation: dict) -> dict[str, float]:
        weights = self.settings.weights.model_dump()
        tol = self.settings.rules.balance_tolerance
        table = self.result.municipalities.set_index("code")
        unmet = {}
        for m in self.mun.index:
            delta = sum(weights[k] * (obligation[m, k] - self.task(m, k)) for k in COMPONENTS)
            willing = float(self.mun.at[m, "willing_extra"])
            if delta > willing + tol + TOLERANCE * max(1.0, abs(delta)):
                self.fail(
                    f"value_balance: {m} takes on {delta:g} > willing_extra {willing:g} + {tol:g}"
                )
            places, amv_places = self.counted_places(m), self.counted_places(m, amv_only=True)
            firm = sum(
                self.place[s]
                * getattr(self.settings.rules.status_weight, self.instance.sites.at[s, "status"])
                for s in self.place
                if self.instance.sites.at[s, "municipality"] == m
                and self.instance.sites.at[s, "status"] in COMMITTED_STATUSES
            )
            unmet_rec = max(0.0, obligation[m, "regular"] + obligation[m, "amv"] - places)
            unmet_amv = max(0.0, obligation[m, "amv"] - amv_places)
            unmet[m] = unmet_rec + unmet_amv
            expected = {f"{k}_task": self.task(m, k) for k in COMPONENTS}
            expected |= {f"{k}_obligation": obligation[m, k] for k in COMPONENTS}
            expected |= {
                "places": places,
                "amv_places": amv_places,
                "firm_places": firm,
                "unmet_rec": unmet_rec,
                "unmet_amv": unmet_amv,
                "value_change": delta,
            }
            if m not in table.index:
                self.fail(f"municipalities.csv: {m} is missing")
                continue
            for column, value in expected.items():
                if not _close(table.at[m, column], value):
                    self.fail(
                        f"municipalities.csv: {m} {column} = {table.at[m, column]}, expected {value:g}"
                    )
        return unmet

    def deals(self) -> set[tuple[str, str]]:
        pairs = {tuple(sorted((i, j))) for (_, i, j) in self.q}
        listed = {
            tuple(sorted((str(a), str(b))))
            for a, b in zip(self.result.deals["a"], self.result.deals["b"], strict=True)
        }
        if listed != pairs:
            self.fail(f"deals.csv lists {sorted(listed)}, the transfers make {sorted(pairs)}")
        limit = self.settings.rules.max_deals_per_municipality
        if limit:
            count = defaultdict(int)
            for a, b in pairs:
                count[a] += 1
                count[b] += 1
            for m, n in sorted(count.items()):
                if n > limit:
                    self.fail(f"max_deals_per_municipality: {m} is in {n} deals > {limit}")
        return pairs

    def summary(self, unmet: dict[str, float], pairs: set) -> None:
        s = self.instance.sites
        provinces = {}
        shortfall = 0.0
        for p, rows in self.mun.groupby("province"):
            reception, amv = int(rows["reception_task"].sum()), int(rows["amv_task"].sum())
            places = sum(self.counted_places(m) for m in rows.index)
            amv_places = sum(self.counted_places(m, amv_only=True) for m in rows.index)
            provinces[p] = {
                "reception_task": reception,
                "amv_task": amv,
                "places": places,
                "amv_places": amv_places,
                "short_rec": max(0.0, reception - places),
                "short_amv": max(0.0, amv - amv_places),
            }
            shortfall += provinces[p]["short_rec"] + provinces[p]["short_amv"]
        claimed = self.result.summary.get("provinces", {})
        for p, values in provinces.items():
            for key, value in values.items():
                if p not in claimed or not _close(claimed[p].get(key, math.nan), value):
                    self.fail(
                        f"summary.json: {p} {key} = {claimed.get(p, {}).get(key)}, expected {value:g}"
                    )
        soft = [sid for sid in self.place if s.at[sid, "status"] not in COMMITTED_STATUSES]
        stages = {
            "shortfall": shortfall,
            "unmet": sum(unmet.values()),
            "preference": float(self.result.sites["over_preference"].sum()),
            "new_sites": sum(1 for sid in soft if self.opened[sid]),
            "fairness": max(
                (unmet[m] / max(1, self.task(m, "regular") + self.task(m, "amv")) for m in unmet),
                default=0.0,
            ),
            "firm": sum(self.place[sid] for sid in soft),
            "deals": len(pairs),
            "distance": sum(self.instance.distance_km(a, b) or 0 for a, b in pairs),
            "transfers": sum(self.q.values()),
            "new_places": sum(self.place[sid] for sid in soft)
            + sum(
                self.place[sid] - int(s.at[sid, "min_places"])
                for sid in self.place
                if sid not in soft
            ),
        }
        for name, value in self.result.summary.get("objectives", {}).items():
            if name not in stages:
                self.fail(f"summary.json: unknown stage {name}")
            elif not _close(value, stages[name]):
                self.fail(f"summary.json: stage {name} = {value}, recomputed {stages[name]:g}")


def check(instance: Instance, result: Result) -> list[str]:
    """Every violation of the model's rules, and every figure that does not add up."""
    checker = Checker(instance, result)
    checker.sites()
    checker.transfers()
    obligation = checker.obligations()
    unmet = checker.municipalities(obligation)
    pairs = checker.deals()
    checker.summary(unmet, pairs)
    return checker.violations
