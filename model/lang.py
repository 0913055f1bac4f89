"""Every word the tool shows a person, one table per language (Dutch first: the users read Dutch).

Look a label up with `text(lang, key, **values)`; a key missing in one language is a bug that the
tests catch (tests/test_lang.py).
"""

from __future__ import annotations

LANGUAGES = ("nl", "en")

LABELS: dict[str, dict[str, str]] = {
    "nl": {
        # one transfer q(k, giver, taker), read as what the taker does for the giver
        "transfer.regular": "{taker} neemt {n} reguliere opvangplekken over van {giver}",
        "transfer.amv": "{taker} neemt {n} amv-plekken over van {giver}",
        "transfer.housing": "{taker} huisvest {n} statushouders voor {giver}",
        "transfer.ukraine": "{taker} biedt {n} plekken voor Oekraïense ontheemden voor {giver}",
        "deal.nothing_back": "{name} doet in deze afspraak niets terug",
        "component.regular": "regulier",
        "component.amv": "amv",
        "component.housing": "huisvesting statushouders",
        "component.ukraine": "Oekraïense ontheemden",
        "stage.shortfall": "tekort provincie",
        "stage.unmet": "niet gedekte plekken",
        "stage.preference": "plekken boven voorkeursgrootte",
        "stage.new_sites": "nieuwe locaties",
        "stage.deals": "afspraken (uitruil)",
        "stage.transfers": "overgedragen eenheden",
        "stage.new_places": "nieuwe plekken",
        "status.optimal": "optimaal",
        "status.time_limit": "tijdslimiet bereikt",
        "status.not_solved": "niet opgelost (geen tijd meer)",
        "report.title": "Uitruilpakket: {name}",
        "report.status": "Status: {status}. Rekentijd {seconds:.1f} s (HiGHS {version}).",
        "report.test": "Provinciale toets",
        "report.test_line": (
            "{province}: opgave {reception_task} plekken (waarvan {amv_task} amv); geteld "
            "{places} plekken (waarvan {amv_places} amv, {firm_places} hard). Tekort: "
            "{short_rec} regulier, {short_amv} amv."
        ),
        "report.test_ok": "De provincie haalt de opgave.",
        "report.test_short": "De provincie haalt de opgave niet.",
        "report.stages": "Doelstellingen (in volgorde van belang)",
        "report.stage": "doelstelling",
        "report.value": "waarde",
        "report.gap": "gat",
        "report.deals": "Afspraken",
        "report.no_deals": "Geen uitruil nodig of mogelijk.",
        "report.municipalities": "Gemeenten",
        "report.sites": "Te openen en uit te breiden locaties",
        "report.no_sites": "Geen nieuwe locaties.",
        "report.not_counted": "Locaties die niet meetellen",
        "report.settings": "Instellingen",
        "col.code": "code",
        "col.name": "gemeente",
        "col.task": "opgave",
        "col.obligation": "na uitruil",
        "col.places": "plekken",
        "col.firm": "hard",
        "col.soft": "zacht",
        "col.unmet": "niet gedekt",
        "col.value_change": "waardeverschuiving",
        "col.site": "locatie",
        "col.kind": "soort",
        "col.status": "status",
        "col.reason": "reden",
    },
    "en": {
        "transfer.regular": "{taker} takes over {n} regular places from {giver}",
        "transfer.amv": "{taker} takes over {n} AMV places from {giver}",
        "transfer.housing": "{taker} houses {n} status holders for {giver}",
        "transfer.ukraine": "{taker} provides {n} places for Ukrainian displaced persons for {giver}",
        "deal.nothing_back": "{name} gives nothing back in this deal",
        "component.regular": "regular",
        "component.amv": "AMV",
        "component.housing": "housing of status holders",
        "component.ukraine": "Ukrainian displaced persons",
        "stage.shortfall": "provincial shortfall",
        "stage.unmet": "unmet places",
        "stage.preference": "places above preferred size",
        "stage.new_sites": "new sites",
        "stage.deals": "deals (exchange)",
        "stage.transfers": "units transferred",
        "stage.new_places": "new places",
        "status.optimal": "optimal",
        "status.time_limit": "time limit reached",
        "status.not_solved": "not solved (no time left)",
        "report.title": "Exchange package: {name}",
        "report.status": "Status: {status}. Solve time {seconds:.1f} s (HiGHS {version}).",
        "report.test": "Provincial test",
        "report.test_line": (
            "{province}: opgave {reception_task} places ({amv_task} AMV); counted {places} "
            "places ({amv_places} AMV, {firm_places} firm). Shortfall: {short_rec} regular, "
            "{short_amv} AMV."
        ),
        "report.test_ok": "The province meets its opgave.",
        "report.test_short": "The province does not meet its opgave.",
        "report.stages": "Objectives (in order of priority)",
        "report.stage": "objective",
        "report.value": "value",
        "report.gap": "gap",
        "report.deals": "Deals",
        "report.no_deals": "No exchange needed or possible.",
        "report.municipalities": "Municipalities",
        "report.sites": "Sites to open or extend",
        "report.no_sites": "No new sites.",
        "report.not_counted": "Sites that do not count",
        "report.settings": "Settings",
        "col.code": "code",
        "col.name": "municipality",
        "col.task": "task",
        "col.obligation": "after exchange",
        "col.places": "places",
        "col.firm": "firm",
        "col.soft": "soft",
        "col.unmet": "unmet",
        "col.value_change": "value change",
        "col.site": "site",
        "col.kind": "kind",
        "col.status": "status",
        "col.reason": "reason",
    },
}


def text(lang: str, key: str, **values: object) -> str:
    """The label `key` in `lang`, with `values` filled in."""
    return LABELS[lang][key].format(**values)
