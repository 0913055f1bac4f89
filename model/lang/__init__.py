"""Every word the tool shows a person, one table per language (Dutch first: the users read Dutch).

Look a label up with `text(lang, key, **values)`; a key missing in one language is a bug that the
tests catch (tests/test_lang.py).

Messages (errors, warnings, check's violations, the CLI's own lines) are `Message`s: a key and its
values, rendered in the language of the run when shown. The run's language is a context variable
that the CLI sets from --lang (`use_language`); outside the CLI it is Dutch. Their texts are in
MESSAGES, Dutch and English side by side.

In a label, `{x:n}` shows a number as the language writes it (10.000 or 10,000; 0,5 or 0.5), a
date value is shown as the language writes dates (31-12-2026 or 2026-12-31), and a number with a
format (`{seconds:.1f}`) gets the language's decimal sign.
"""

from __future__ import annotations

import contextvars
import datetime as dt
import math
import string
from collections.abc import Iterator
from contextlib import contextmanager

LANGUAGES = ("nl", "en")

LABELS: dict[str, dict[str, str]] = {
    "nl": {
        # one transfer q(k, giver, taker), read as what the taker does for the giver
        "transfer.regular": "{taker} neemt {n} reguliere opvangplekken over van {giver}",
        "transfer.amv": "{taker} neemt {n} amv-plekken over van {giver}",
        "transfer.housing": "{taker} huisvest {n} statushouders voor {giver}",
        "transfer.ukraine": "{taker} biedt {n} plekken voor Oekraïense ontheemden voor {giver}",
        "transfer.regular.one": "{taker} neemt {n} reguliere opvangplek over van {giver}",
        "transfer.amv.one": "{taker} neemt {n} amv-plek over van {giver}",
        "transfer.housing.one": "{taker} huisvest {n} statushouder voor {giver}",
        "transfer.ukraine.one": "{taker} biedt {n} plek voor Oekraïense ontheemden voor {giver}",
        "deal.nothing_back": "{name} doet in deze afspraak niets terug",
        # a deal as a contract: pieces of a clause, the clauses, the voluntary part
        "piece.regular": "{n} reguliere opvangplekken",
        "piece.regular.one": "{n} reguliere opvangplek",
        "piece.amv": "{n} amv-plekken",
        "piece.amv.one": "{n} amv-plek",
        "piece.housing": "huisvest {n} statushouders",
        "piece.housing.one": "huisvest {n} statushouder",
        "piece.ukraine": "biedt {n} plekken voor Oekraïense ontheemden",
        "piece.ukraine.one": "biedt {n} plek voor Oekraïense ontheemden",
        "clause.reception": "neemt {pieces} over van {giver}",
        "clause.declared": "{pieces} voor {giver}",
        "word.and": " en ",
        "voluntary.regular": "{n} plekken",
        "voluntary.regular.one": "{n} plek",
        "voluntary.amv": "{n} amv-plekken",
        "voluntary.amv.one": "{n} amv-plek",
        "voluntary.housing": "{n} statushouders",
        "voluntary.housing.one": "{n} statushouder",
        "voluntary.ukraine": "{n} plekken voor Oekraïense ontheemden",
        "voluntary.ukraine.one": "{n} plek voor Oekraïense ontheemden",
        "deal.voluntary_extra": "{taker} neemt daarnaast {parts} op vrijwillige basis",
        "deal.voluntary_only": "{taker} neemt {parts} op vrijwillige basis over van {giver}",
        "deal.voluntary_value": (
            "{taker} neemt hiervan de waarde van {value} opvangplekken op vrijwillige basis"
        ),
        "deal.tolerance": (
            "binnen de balanstolerantie neemt {taker} de waarde van {value} opvangplekken meer op"
        ),
        "deal.net": "per saldo neemt {taker} de waarde van {value} opvangplekken meer op",
        "component.regular": "regulier",
        "component.amv": "amv",
        "component.housing": "huisvesting statushouders",
        "component.ukraine": "Oekraïense ontheemden",
        "stage.shortfall": "tekort provincie",
        "stage.unmet": "niet gedekte plekken",
        "stage.fairness": "grootste niet gedekte deel van een opgave",
        "stage.firm": "plekken op zachte locaties",
        "stage.preference": "plekken boven voorkeursgrootte",
        "stage.new_sites": "nieuwe locaties",
        "stage.deals": "afspraken (uitruil)",
        "stage.distance": "afstand van de afspraken (km)",
        "stage.transfers": "overgedragen eenheden",
        "stage.new_places": "nieuwe plekken",
        "status.optimal": "optimaal",
        "status.time_limit": "tijdslimiet bereikt",
        "status.not_solved": "niet opgelost (geen tijd meer)",
        "report.title": "Uitruilpakket: {name}",
        "report.status": "Status: {status} (HiGHS {version}).",
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
        "report.not_proven": (
            "Niet elke doelstelling is binnen de tijdslimiet bewezen optimaal (zie 'gat'); het "
            "pakket klopt wel. Een ruimere --time-limit kan het verbeteren."
        ),
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
        # reports for the bestuurlijk overleg (report.xlsx, report.html)
        "number.thousands": ".",
        "number.decimal": ",",
        "word.yes": "ja",
        "word.no": "nee",
        "plan.firm": "hard",
        "plan.soft": "zacht",
        "kind.regular": "regulier azc",
        "kind.branch": "dependance",
        "kind.small": "kleinschalig",
        "kind.amv": "amv-opvang",
        "kind.municipal": "gemeentelijk",
        "site_status.existing": "bestaand",
        "site_status.decided": "besloten",
        "site_status.planned": "gepland",
        "site_status.idea": "idee",
        "col.task_of": "opgave {component}",
        "col.obligation_of": "na uitruil {component}",
        "col.province": "provincie",
        "col.region": "regio",
        "col.reception_task": "opgave",
        "col.reception_obligation": "na uitruil",
        "col.amv_places": "waarvan amv",
        "col.firm_places": "hard",
        "col.soft_places": "zacht",
        "col.unmet_rec": "niet gedekt opvang",
        "col.unmet_amv": "niet gedekt amv",
        "col.short_rec": "tekort opvang",
        "col.short_amv": "tekort amv",
        "col.verdict": "oordeel",
        "col.id": "locatie",
        "col.municipality": "gemeente",
        "col.plan": "hard of zacht",
        "col.counted": "telt mee",
        "col.open": "open",
        "col.over_preference": "boven voorkeursgrootte",
        "col.a": "gemeente A",
        "col.b": "gemeente B",
        "col.description": "afspraak",
        "col.from": "taak van",
        "col.to": "uitgevoerd door",
        "col.component": "onderdeel",
        "col.amount": "aantal",
        "col.sites": "open locaties",
        "col.stage": "doelstelling",
        "col.value": "waarde",
        "col.gap": "gat",
        "col.key": "instelling",
        "col.meaning": "betekenis",
        "col.measure": "maat",
        "setting.name": "naam van de instantie",
        "setting.reference_date": "peildatum: dan moeten de plekken beschikbaar zijn",
        "setting.forecast": "raming voor de indicatieve verdeling (als de opgave niet is gegeven)",
        "setting.weights": "waarde van één eenheid, in opvangplekken",
        "setting.rules.exchange_scope": (
            "wie met wie mag uitruilen ('province': binnen de provincie, 'region': binnen de "
            "regio, 'none': niemand)"
        ),
        "setting.rules.transferable": "onderdelen die van gemeente mogen wisselen",
        "setting.rules.min_duration_years": "minimale looptijd van een locatie (jaren)",
        "setting.rules.max_deals_per_municipality": "maximaal aantal afspraken per gemeente (0 = geen grens)",
        "setting.rules.balance_tolerance": "waarde die een gemeente boven haar taak mag opnemen",
        "setting.rules.status_weight": "deel van de plekken dat meetelt, naar status",
        "setting.site_kinds": "grootte van een nieuwe locatie (min, max), naar soort",
        "setting.objective.order": "volgorde van de doelstellingen",
        "run.instance": "instantie",
        "run.status": "status",
        "run.solver": "oplosser",
        "cli.solve_time": "Rekentijd {seconds:.1f} s (staat niet in de resultaatbestanden: twee bewezen optimale berekeningen geven dezelfde bestanden).",
        "run.gap": "gat (afstand tot optimaal)",
        "run.order": "volgorde van de doelstellingen",
        "run.scenarios": "toegepaste scenario's",
        "sheet.summary": "Samenvatting",
        "sheet.municipalities": "Gemeenten",
        "sheet.sites": "Locaties",
        "sheet.exchange": "Uitruil",
        "sheet.settings": "Instellingen",
        "sheet.comparison": "Vergelijking",
        "report.firm_soft": "Hard en zacht",
        "report.weights_rules": "Gewichten en regels",
        "report.transfers": "Overdrachten: wie voert welk deel van wiens taak uit",
        "report.run": "Berekening",
        "report.comparison": "Basis en scenario's naast elkaar",
        "report.changed_note": "Vet: anders dan in de basis.",
        "report.details_of": "De rest van deze pagina toont de basis ({name}).",
        "report.pictures": "Plekken per gemeente",
        "report.map": "Kaart",
        "report.settings_title": "Hoe dit pakket is berekend",
        "tile.task": "Opgave",
        "tile.amv": "waarvan {n} amv",
        "tile.places": "Geteld plekken",
        "tile.firm": "Hard",
        "tile.share": "{pct}% van de opgave",
        "tile.soft": "Zacht",
        "tile.soft_note": "gepland en idee",
        "tile.short": "Tekort provincie",
        "tile.short_note": "opvang en amv",
        "tile.unmet": "Niet gedekt bij gemeenten",
        "tile.unmet_note": "plekken na uitruil",
        "chart.firm": "hard (bestaand, besloten)",
        "chart.soft": "zacht (gepland, idee)",
        "chart.obligation": "opgave na uitruil",
        "chart.task": "opgave vóór uitruil",
        "chart.places_axis": "plekken (opvang, amv inbegrepen)",
        "chart.task_alt": "Staafdiagram van opgave en plekken per gemeente",
        "chart.task_caption": (
            "Balk: geteld plekken, hard en zacht. Streep: opgave na uitruil. Rondje: opgave vóór "
            "uitruil. Rode naam: plekken niet gedekt."
        ),
        "chart.cut": "Alleen de {n} gemeenten met de grootste opgave na uitruil.",
        # the map (model/reports/map_svg.py)
        "map.alt": "Kaart van de provincie: gemeenten gekleurd naar dekking, afspraken als lijnen",
        "map.caption_province": (
            "Kleur: dekking, de getelde plekken gedeeld door de opgave na uitruil. Lijn: een "
            "afspraak tussen twee gemeenten, hoe dikker hoe meer eenheden er worden uitgeruild. "
            "Vet met een getal tussen haakjes: zoveel plekken zijn niet gedekt. Wijs een gemeente "
            "of lijn aan voor de cijfers."
        ),
        "map.caption_national": (
            "Kleur: de provinciale toets per provincie; gearceerd: gemeenten met plekken die niet "
            "gedekt zijn, de {n} met de meeste met naam en aantal. Lijn: een afspraak tussen twee "
            "gemeenten, hoe dikker hoe meer eenheden."
        ),
        "map.credit": "Grenzen: CBS / PDOK, Gebiedsindelingen 2024 (vereenvoudigd)",
        "map.none": "Geen kaart: van geen enkele gemeentecode is een grens bekend (alleen CBS-codes van 2024 staan op de kaart).",
        "map.off_map": "Niet op de kaart (geen CBS-code van 2024): {names}.",
        "map.unnamed": "Op de kaart zonder naam (geen ruimte voor het label): {names}.",
        "map.title": "{name}: dekking {coverage} ({places} plekken, opgave na uitruil {obligation})",
        "map.deal_title": "{a} en {b}: {n} eenheden uitgeruild",
        "map.unmet_label": "{name} ({n})",
        "map.province_short": "{province} (tekort {n})",
        "map.legend_coverage": "Dekking (plekken / opgave)",
        "map.legend_test": "Provinciale toets",
        "map.legend_deals": "Afspraken ({n}), dikte: eenheden",
        "map.legend_borders": "Grenzen",
        "map.below": "minder dan {high}",
        "map.between": "{low} tot {high}",
        "map.above": "{low} of meer",
        "map.no_task": "geen opgave",
        "map.class_count": "{label} ({n})",
        "map.units": "{n} eenheden",
        "map.test_ok": "gehaald",
        "map.test_short": "niet gehaald",
        "map.unmet_hatch": "gemeente met tekort",
        "map.outline": "provinciegrens",
        "map.province_border": "provinciegrens",
        "map.region_border": "regiogrens",
        # money (model/results/costs.py)
        "report.costs": "Kosten van het pakket",
        "cost.complete": "Alle geopende plekken hebben kosten per plek (sites.csv, euro per plek per jaar).",
        "cost.missing": (
            "Let op: {n} geopende plekken hebben geen kosten per plek in sites.csv; ze tellen niet "
            "mee in de bedragen (niet als nul), de kolom 'plekken zonder kosten' zegt waar."
        ),
        "cost.not_in_result": (
            "Deze resultaatmap noemt geen kosten per plek (berekend met een oudere versie); "
            "los opnieuw op voor de kosten."
        ),
        "col.cost_firm": "kosten hard (€ per jaar)",
        "col.cost_soft": "kosten zacht (€ per jaar)",
        "col.cost": "kosten totaal (€ per jaar)",
        "col.places_without_cost": "plekken zonder kosten",
        "col.cost_per_place": "kosten per plek (€ per jaar)",
        "col.site_name": "naam locatie",
        "col.available_from": "beschikbaar vanaf",
        "col.available_until": "beschikbaar tot",
        "col.site_cost": "kosten (€ per jaar)",
        "col.coverage": "dekking",
        "col.scenario": "variant",
        "tile.cost": "Kosten per jaar",
        "tile.cost_note": "hard {firm}, zacht {soft}",
        "tile.cost_unknown": "{n} plekken zonder kosten per plek",
        "tile.millions": "€ {n} mln",
        # compare on the page and in the workbook
        "report.changes": "Wat verandert per gemeente",
        "report.imposed": "Zonder akkoord: wie krijgt de opgelegde plekken",
        "report.imposed_note": (
            "Extra plekken die de minister per gemeente oplegt als er geen akkoord is, per variant."
        ),
        "sheet.changes": "Verschillen",
        "sheet.imposed": "Zonder akkoord",
        "delta.task": "opgave",
        "delta.obligation": "na uitruil",
        "delta.places": "plekken",
        "delta.unmet": "niet gedekt",
        "delta.deals": "afspraken",
        "delta.cost": "kosten (€ per jaar)",
        "delta_baseline": "{measure} uitgangssituatie",
        "delta_change": "{measure} verschil",
        "word.total": "totaal",
        "status.stage_gap": "{stage} (gat {gap})",
        "status.cut_off": "{status} bij {stages}",
        "compare.baseline_title": "uitgangssituatie",
        "compare.nothing_imposed": "In geen enkele variant legt de minister plekken op.",
        "compare.cost_firm": "{province}: kosten harde plekken (€ per jaar)",
        "compare.cost_soft": "{province}: kosten zachte plekken (€ per jaar)",
        "compare.cost": "{province}: kosten totaal (€ per jaar)",
        "compare.places_without_cost": "{province}: geopende plekken zonder kosten",
        "cli.final_stages": (
            "Eindwaarden (zoals in summary.json; een latere fase kan een eerder afgebroken fase "
            "nog verbeteren):"
        ),
        "cli.final_stage": "  {stage}: {value} ({status})",
        # compare and sweep (model/whatif/compare.py)
        "compare.title": "Vergelijking: {name}",
        "compare.intro": (
            "Elke variant is op zichzelf opgelost: de uitgangssituatie, en elke variant als "
            "wijziging daarvan. Tijdslimiet per variant: {time_limit}."
        ),
        "compare.no_limit": "geen",
        "compare.runs": "Varianten",
        "compare.baseline": "uitgangssituatie: de instantie zoals ingelezen",
        "compare.table": "Uitkomsten naast elkaar",
        "compare.measure": "uitkomst",
        "compare.status": "status van de oplossing",
        "compare.deals": "aantal afspraken",
        "compare.km": "lengte van de afspraken samen (km)",
        "compare.reception_task": "{province}: opgave (plekken)",
        "compare.amv_task": "{province}: waarvan amv",
        "compare.places": "{province}: getelde plekken",
        "compare.amv_places": "{province}: getelde amv-plekken",
        "compare.firm_places": "{province}: harde plekken (bestaand, besloten)",
        "compare.soft_places": "{province}: zachte plekken (gepland, idee)",
        "compare.firm_share": "{province}: aandeel hard in de getelde plekken (%)",
        "compare.firm_of_task": "{province}: harde plekken als deel van de opgave (%)",
        "compare.short_rec": "{province}: tekort regulier",
        "compare.short_amv": "{province}: tekort amv",
        "compare.unmet": "{province}: niet gedekte plekken",
        "compare.test": "{province}: provinciale toets",
        "compare.test_ok": "gehaald",
        "compare.test_short": "niet gehaald",
        "compare.imposed": "{province}: zonder akkoord: opgelegde plekken",
        "compare.imposed_extra": "{province}: zonder akkoord: extra opgelegde plekken",
        "compare.imposed_municipalities": (
            "{province}: zonder akkoord: gemeenten met een opgelegde verhoging"
        ),
        "compare.fallback": "Zonder akkoord",
        "compare.fallback_note": (
            "Schiet het provinciale plan tekort, dan legt de minister de rest op (zoals in "
            "december 2024). Het tekort is de opgave min de getelde plekken, naar beneden "
            "afgerond op hele plekken; het wordt verdeeld over de gemeenten die onder hun eigen "
            "opgave blijven, naar inwoners x (1 + SES-WOA), met de methode van de grootste "
            "overschotten. De verdeling per gemeente staat in fallback.csv in de map van elke "
            "variant."
        ),
        "compare.municipalities": "Gemeenten die veranderen",
        "compare.municipalities_note": (
            "Opgave, na uitruil, plekken, niet gedekt, afspraken en kosten: wat verandert als "
            "uitgangssituatie → variant, de rest als het getal dat blijft; alle gemeenten staan in "
            "municipalities_delta.csv."
        ),
        "compare.no_changes": "Geen gemeente verandert.",
        "compare.municipality_changed": "{name} ({code}): {cells}",
        "compare.site_removed": "locatie {id} vervalt",
        "compare.site_added": "nieuwe locatie {id}: {cells}",
        "compare.site_changed": "locatie {id}: {cells}",
        "compare.deal_removed": "afspraak tussen {a} en {b} niet meer vastgelegd",
        "compare.deal_changed": "afspraak tussen {a} en {b} vastgelegd: {cells}",
        # explaining the package (model/results/explanation.py)
        "units.regular": "{n} opvangplekken",
        "units.regular.one": "{n} opvangplek",
        "units.amv": "{n} amv-plekken",
        "units.amv.one": "{n} amv-plek",
        "units.housing": "{n} statushouders",
        "units.housing.one": "{n} statushouder",
        "units.ukraine": "{n} plekken voor Oekraïense ontheemden",
        "units.ukraine.one": "{n} plek voor Oekraïense ontheemden",
        "balance.partner": "{name}: {units}",
        "report.balance": "Balans per gemeente",
        "report.balance_note": (
            "Wat elke gemeente overdraagt en overneemt, en van wie. Hier alleen de gemeenten met "
            "een afspraak of met niet gedekte plekken; het blad Balans van report.xlsx heeft elke "
            "gemeente, met de opgave per onderdeel."
        ),
        "sheet.balance": "Balans",
        "col.hands_over": "draagt over aan",
        "col.takes_over": "neemt over van",
        "col.voluntary": "vrijwillig (waarde)",
        "col.covered_chance": "kans gedekt",
        "col.pass_chance": "kans toets gehaald",
        "col.expected_shortfall": "verwacht tekort",
        "report.test_ok_surplus": (
            "De provincie haalt de opgave dankzij {n} plekken boven de eigen opgave bij {where}; "
            "zonder die plekken kwam zij {short} plekken tekort."
        ),
        "surplus.where": "{name} ({n})",
        "report.firmness": "Hoe vast is het pakket",
        "firm.province": (
            "{province}: kans dat de provincie de toets haalt {p}; verwacht tekort {x} plekken."
        ),
        "firm.not_computed": (
            "{province}: de kans is niet berekend: de statusgewichten hebben te veel decimalen "
            "voor een exacte berekening (rond ze af op twee decimalen)."
        ),
        "firm.assumption": (
            "Aanname: elke geopende locatie wordt gerealiseerd met de kans van haar status "
            "(bestaand {existing}, besloten {decided}, gepland {planned}, idee {idea}: "
            "ter illustratie, de PRT stelt ze vast in rules.realisation) of met haar eigen kans "
            "(kolom realisation van sites.csv), los van de andere locaties. De kansen zijn exact "
            "berekend, niet geschat met een steekproef."
        ),
        "tile.chance": "Kans toets gehaald",
        "tile.chance_note": "verwacht tekort {x} plekken",
        "data.line": "Gegevens: {kind}. Bron: {source}",
        "data.illustrative": "illustratief, niet het echte plan",
        "data.real": "echte cijfers",
        "data.unknown": "niet opgegeven of de cijfers echt of illustratief zijn",
        "data.no_source": "niet opgegeven",
        "data.note": "{column}: {note}",
        "setting.rules.realisation": "kans dat een locatie wordt gerealiseerd, naar status (ter illustratie)",
        "setting.meta": "herkomst van de cijfers: echt of illustratief, bron, toelichting per kolom",
        # why short, what would close it, and the dependence on each component
        # (model/results/diagnosis_words.py; the codes are those of docs/model.md, "Explaining a package")
        "report.why_short": "Waarom tekort",
        "sheet.why_short": "Waarom tekort",
        "why.line": "{name} ({n} niet gedekt). Waarom: {why}. Wat het dicht: {closing}.",
        "why.not_explained": (
            "Nog niet uitgelegd: 'uitruil explain INSTANTIE RESULTAATMAP' (of 'uitruil solve --explain') "
            "zegt per gemeente waarom ze tekortkomt en wat het tekort dicht."
        ),
        "why.nobody_short": "Geen gemeente komt plekken tekort.",
        "why.none": "geen grens gevonden die het model prijst",
        "why.more": "en {n} andere",
        "why.value": " (elke eenheid meer: {value} minder niet gedekt)",
        "why.values": " (elke eenheid meer: {low} tot {high} minder niet gedekt)",
        "why.value_all": " (elke eenheid meer van een van deze grenzen dekt {value} plek)",
        "why.also": "Verder: {items}",
        "why.together": (
            " (deze grenzen binden alleen samen: één eenheid meer van één ervan alleen dekt nog "
            "geen plek)"
        ),
        "why.own_sites_full": "eigen locaties vol: {items}",
        "why.own_room_used": "eigen opgegeven ruimte om over te nemen benut: {items}",
        "why.no_site": "geen eigen locatie die meetelt, dus plekken alleen via uitruil",
        "why.no_amv_site": "geen eigen amv-locatie, dus amv-plekken alleen via uitruil",
        "why.site_not_counted": "telt niet mee: {items}",
        "why.site_cannot_open": "kan niet open: {items}",
        "why.deal_balance": "afspraken in evenwicht met {items}",
        "why.partner_willing_used": "vrijwillige ruimte benut bij {items}",
        "why.partner_room_used": "opgegeven ruimte benut bij {items}",
        "why.partner_sites_full": "locaties vol bij {items}",
        "why.task_handed_over": "hele taak al overgedragen door {items}",
        "why.shared_with": "tekort gedeeld met {items}",
        "why.region_border": "plekken over buiten de eigen regio bij {items}",
        "why.distance_limit": "plekken over op meer dan {km} km bij {items}",
        "why.forbidden_deal": "afspraak uitgesloten met {items}",
        "why.no_exchange": "uitruil staat uit (instelling rules.exchange_scope)",
        "why_item.own_sites_full": "{site} ({limit} plekken)",
        "why_item.own_room_used": "{component} ({limit})",
        "why_item.no_site": "{name}",
        "why_item.no_amv_site": "{name}",
        "why_item.site_not_counted": "{site} ({why})",
        "why_item.site_cannot_open": (
            "{site} (hoogstens {limit} plekken, onder het minimum van {min} voor {kind})"
        ),
        "why_item.deal_balance": "{name}",
        "why_item.partner_willing_used": "{name} ({limit})",
        "why_item.partner_room_used": "{name}: {component} ({limit})",
        "why_item.partner_sites_full": "{name}: {site} ({limit} plekken)",
        "why_item.task_handed_over": "{name}: {component} ({limit})",
        "why_item.shared_with": "{name} (nu {limit} niet gedekt)",
        "why_item.region_border": "{name} ({limit})",
        "why_item.distance_limit": "{name} ({limit})",
        "why_item.forbidden_deal": "{name} ({limit} plekken over)",
        "why_item.no_exchange": "{name}",
        "why_item.deal_balance.chain": "{name} (met {other})",
        "not_counted.too_late": "pas na de peildatum beschikbaar",
        "not_counted.temporary": "tijdelijk: te kort beschikbaar",
        "not_counted.status_weight": "status telt niet mee",
        "reason.own_sites_full": "eigen locaties vol",
        "reason.own_room_used": "eigen ruimte benut",
        "reason.no_site": "geen eigen locatie",
        "reason.no_amv_site": "geen amv-locatie",
        "reason.site_not_counted": "locatie telt niet mee",
        "reason.site_cannot_open": "locatie kan niet open",
        "reason.deal_balance": "afspraak in evenwicht",
        "reason.partner_willing_used": "vrijwillige ruimte van een ander benut",
        "reason.partner_room_used": "ruimte van een ander benut",
        "reason.partner_sites_full": "locaties van een ander vol",
        "reason.task_handed_over": "hele taak al overgedragen",
        "reason.shared_with": "tekort gedeeld",
        "reason.region_border": "regiogrens",
        "reason.distance_limit": "afstandsgrens",
        "reason.forbidden_deal": "uitgesloten afspraak",
        "reason.no_exchange": "geen uitruil",
        "change.places": "{name}: {n} plekken meer op {site}",
        "change.new_site": "{name}: een nieuwe locatie ({kind}) met {n} plekken",
        "change.willing": "{name}: {n} plekken op vrijwillige basis",
        "change.room.housing": "{name}: ruimte voor {n} statushouders meer",
        "change.room.ukraine": "{name}: ruimte voor {n} Oekraïense ontheemden meer",
        "closing.or": "; of ",
        "closing.none": "geen verandering gevonden binnen de tijd",
        "closing.not_proven": "(niet bewezen de goedkoopste: tijdslimiet)",
        "dependence.title": "Hoeveel rust op elk ruilmiddel (niet gedekt als het niet geruild kan worden):",
        "dependence.regular": "zonder reguliere opvangplekken als ruilmiddel: {n} niet gedekt (nu {now})",
        "dependence.amv": "zonder amv-plekken als ruilmiddel: {n} niet gedekt (nu {now})",
        "dependence.housing": "zonder huisvesting van statushouders als ruilmiddel: {n} niet gedekt (nu {now})",
        "dependence.ukraine": "zonder Oekraïense plekken als ruilmiddel: {n} niet gedekt (nu {now})",
        "dependence.missing": (
            "zonder bewezen uitkomst, dus weggelaten: {components} (niet binnen de tijd, of "
            "zonder dit ruilmiddel kunnen de vastgelegde afspraken niet)"
        ),
        "col.why": "waarom",
        "col.closing": "wat het dicht",
        "col.about": "betreft",
        "col.whose": "grens van",
        "col.per_unit": "per eenheid meer minder niet gedekt",
        "col.up_to": "geldt voor minstens (eenheden)",
        "col.option": "mogelijkheid",
        "col.change": "verandering",
        "col.change_cost": "kosten (instelling [explain])",
        "setting.explain": "kosten per eenheid van elke verandering die een tekort dicht (uitruil explain)",
    },
    "en": {
        "transfer.regular": "{taker} takes over {n} regular places from {giver}",
        "transfer.amv": "{taker} takes over {n} AMV places from {giver}",
        "transfer.housing": "{taker} houses {n} status holders for {giver}",
        "transfer.ukraine": "{taker} provides {n} places for Ukrainian displaced persons for {giver}",
        "transfer.regular.one": "{taker} takes over {n} regular place from {giver}",
        "transfer.amv.one": "{taker} takes over {n} AMV place from {giver}",
        "transfer.housing.one": "{taker} houses {n} status holder for {giver}",
        "transfer.ukraine.one": "{taker} provides {n} place for Ukrainian displaced persons for {giver}",
        "deal.nothing_back": "{name} gives nothing back in this deal",
        "piece.regular": "{n} regular reception places",
        "piece.regular.one": "{n} regular reception place",
        "piece.amv": "{n} places for unaccompanied minors",
        "piece.amv.one": "{n} place for unaccompanied minors",
        "piece.housing": "houses {n} status holders",
        "piece.housing.one": "houses {n} status holder",
        "piece.ukraine": "provides {n} places for Ukrainian displaced persons",
        "piece.ukraine.one": "provides {n} place for Ukrainian displaced persons",
        "clause.reception": "takes over {pieces} from {giver}",
        "clause.declared": "{pieces} for {giver}",
        "word.and": " and ",
        "voluntary.regular": "{n} places",
        "voluntary.regular.one": "{n} place",
        "voluntary.amv": "{n} places for unaccompanied minors",
        "voluntary.amv.one": "{n} place for unaccompanied minors",
        "voluntary.housing": "{n} status holders",
        "voluntary.housing.one": "{n} status holder",
        "voluntary.ukraine": "{n} places for Ukrainian displaced persons",
        "voluntary.ukraine.one": "{n} place for Ukrainian displaced persons",
        "deal.voluntary_extra": "{taker} also takes {parts} on a voluntary basis",
        "deal.voluntary_only": "{taker} takes {parts} from {giver} on a voluntary basis",
        "deal.voluntary_value": (
            "of this, {taker} takes the value of {value} reception places on a voluntary basis"
        ),
        "deal.tolerance": (
            "within the balance tolerance {taker} takes on the value of {value} places more"
        ),
        "deal.net": "on balance {taker} takes on the value of {value} places more",
        "component.regular": "regular",
        "component.amv": "AMV",
        "component.housing": "housing of status holders",
        "component.ukraine": "Ukrainian displaced persons",
        "stage.shortfall": "provincial shortfall",
        "stage.unmet": "unmet places",
        "stage.fairness": "largest unmet share of a task",
        "stage.firm": "places at soft sites",
        "stage.preference": "places above preferred size",
        "stage.new_sites": "new sites",
        "stage.deals": "deals (exchange)",
        "stage.distance": "length of the deals (km)",
        "stage.transfers": "units transferred",
        "stage.new_places": "new places",
        "status.optimal": "optimal",
        "status.time_limit": "time limit reached",
        "status.not_solved": "not solved (no time left)",
        "report.title": "Exchange package: {name}",
        "report.status": "Status: {status} (HiGHS {version}).",
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
        "report.not_proven": (
            "Not every objective was proven optimal within the time limit (see 'gap'); the "
            "package itself is valid. A larger --time-limit may improve it."
        ),
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
        "number.thousands": ",",
        "number.decimal": ".",
        "word.yes": "yes",
        "word.no": "no",
        "plan.firm": "firm",
        "plan.soft": "soft",
        "kind.regular": "regular azc",
        "kind.branch": "branch",
        "kind.small": "small-scale",
        "kind.amv": "AMV housing",
        "kind.municipal": "municipal",
        "site_status.existing": "existing",
        "site_status.decided": "decided",
        "site_status.planned": "planned",
        "site_status.idea": "idea",
        "col.task_of": "task {component}",
        "col.obligation_of": "after exchange {component}",
        "col.province": "province",
        "col.region": "region",
        "col.reception_task": "task",
        "col.reception_obligation": "after exchange",
        "col.amv_places": "of which AMV",
        "col.firm_places": "firm",
        "col.soft_places": "soft",
        "col.unmet_rec": "unmet reception",
        "col.unmet_amv": "unmet AMV",
        "col.short_rec": "shortfall reception",
        "col.short_amv": "shortfall AMV",
        "col.verdict": "verdict",
        "col.id": "site",
        "col.municipality": "municipality",
        "col.plan": "firm or soft",
        "col.counted": "counts",
        "col.open": "open",
        "col.over_preference": "above preferred size",
        "col.a": "municipality A",
        "col.b": "municipality B",
        "col.description": "deal",
        "col.from": "task of",
        "col.to": "performed by",
        "col.component": "component",
        "col.amount": "amount",
        "col.sites": "open sites",
        "col.stage": "objective",
        "col.value": "value",
        "col.gap": "gap",
        "col.key": "setting",
        "col.meaning": "meaning",
        "col.measure": "measure",
        "setting.name": "name of the instance",
        "setting.reference_date": "reference date: places must be available by then",
        "setting.forecast": "forecast for the indicative distribution (when tasks are not given)",
        "setting.weights": "value of one unit, in reception places",
        "setting.rules.exchange_scope": (
            "who may exchange with whom ('province': within the province, 'region': within the "
            "region, 'none': nobody)"
        ),
        "setting.rules.transferable": "components that may change hands",
        "setting.rules.min_duration_years": "minimum duration of a site (years)",
        "setting.rules.max_deals_per_municipality": "at most this many deals per municipality (0 = no limit)",
        "setting.rules.balance_tolerance": "value a municipality may take on above its task",
        "setting.rules.status_weight": "share of a site's places that counts, by status",
        "setting.site_kinds": "size of a new site (min, max), by kind",
        "setting.objective.order": "order of the objectives",
        "run.instance": "instance",
        "run.status": "status",
        "run.solver": "solver",
        "cli.solve_time": "Solve time {seconds:.1f} s (not in the result files: two runs proven optimal give the same files).",
        "run.gap": "gap (distance to optimal)",
        "run.order": "order of the objectives",
        "run.scenarios": "scenarios applied",
        "sheet.summary": "Summary",
        "sheet.municipalities": "Municipalities",
        "sheet.sites": "Sites",
        "sheet.exchange": "Exchange",
        "sheet.settings": "Settings",
        "sheet.comparison": "Comparison",
        "report.firm_soft": "Firm and soft",
        "report.weights_rules": "Weights and rules",
        "report.transfers": "Transfers: who performs which part of whose task",
        "report.run": "Computation",
        "report.comparison": "Baseline and scenarios side by side",
        "report.changed_note": "Bold: different from the baseline.",
        "report.details_of": "The rest of this page shows the baseline ({name}).",
        "report.pictures": "Places per municipality",
        "report.map": "Map",
        "report.settings_title": "How this package was computed",
        "tile.task": "Task",
        "tile.amv": "of which {n} AMV",
        "tile.places": "Counted places",
        "tile.firm": "Firm",
        "tile.share": "{pct}% of the task",
        "tile.soft": "Soft",
        "tile.soft_note": "planned and idea",
        "tile.short": "Provincial shortfall",
        "tile.short_note": "reception and AMV",
        "tile.unmet": "Unmet at municipalities",
        "tile.unmet_note": "places after exchange",
        "chart.firm": "firm (existing, decided)",
        "chart.soft": "soft (planned, idea)",
        "chart.obligation": "task after exchange",
        "chart.task": "task before exchange",
        "chart.places_axis": "places (reception, AMV included)",
        "chart.task_alt": "Bar chart of task and places per municipality",
        "chart.task_caption": (
            "Bar: counted places, firm and soft. Tick: task after exchange. Circle: task before "
            "exchange. Red name: places unmet."
        ),
        "chart.cut": "Only the {n} municipalities with the largest task after exchange.",
        # the map (model/reports/map_svg.py)
        "map.alt": "Map of the province: municipalities coloured by coverage, deals as lines",
        "map.caption_province": (
            "Colour: coverage, the counted places divided by the task after exchange. Line: a "
            "deal between two municipalities, the thicker the more units are exchanged. Bold "
            "with a number in brackets: that many places are unmet. Point at a municipality or "
            "line for its figures."
        ),
        "map.caption_national": (
            "Colour: the provincial test per province; hatched: municipalities with unmet places, "
            "the {n} with the most named with their number. Line: a deal between two "
            "municipalities, the thicker the more units."
        ),
        "map.credit": "Boundaries: CBS / PDOK, Gebiedsindelingen 2024 (simplified)",
        "map.none": "No map: no municipality code has a known boundary (only 2024 CBS codes are on the map).",
        "map.off_map": "Not on the map (no 2024 CBS code): {names}.",
        "map.unnamed": "On the map without a name (no room for the label): {names}.",
        "map.title": "{name}: coverage {coverage} ({places} places, task after exchange {obligation})",
        "map.deal_title": "{a} and {b}: {n} units exchanged",
        "map.unmet_label": "{name} ({n})",
        "map.province_short": "{province} (short {n})",
        "map.legend_coverage": "Coverage (places / task)",
        "map.legend_test": "Provincial test",
        "map.legend_deals": "Deals ({n}), width: units",
        "map.legend_borders": "Borders",
        "map.below": "below {high}",
        "map.between": "{low} to {high}",
        "map.above": "{low} or more",
        "map.no_task": "no task",
        "map.class_count": "{label} ({n})",
        "map.units": "{n} units",
        "map.test_ok": "met",
        "map.test_short": "not met",
        "map.unmet_hatch": "municipality with unmet places",
        "map.outline": "provincial border",
        "map.province_border": "provincial border",
        "map.region_border": "regional border",
        "report.costs": "Cost of the package",
        "cost.complete": "Every opened place has a cost per place (sites.csv, euro per place per year).",
        "cost.missing": (
            "Note: {n} opened places have no cost per place in sites.csv; they are left out of the "
            "amounts (not counted as zero), the column 'places without cost' says where."
        ),
        "cost.not_in_result": (
            "This result folder holds no cost per place (computed by an older version); solve "
            "again for the costs."
        ),
        "col.cost_firm": "cost firm (€ per year)",
        "col.cost_soft": "cost soft (€ per year)",
        "col.cost": "cost total (€ per year)",
        "col.places_without_cost": "places without cost",
        "col.cost_per_place": "cost per place (€ per year)",
        "col.site_name": "site name",
        "col.available_from": "available from",
        "col.available_until": "available until",
        "col.site_cost": "cost (€ per year)",
        "col.coverage": "coverage",
        "col.scenario": "scenario",
        "tile.cost": "Cost per year",
        "tile.cost_note": "firm {firm}, soft {soft}",
        "tile.cost_unknown": "{n} places without a cost per place",
        "tile.millions": "€ {n} m",
        "report.changes": "What changes per municipality",
        "report.imposed": "Without agreement: who gets the imposed places",
        "report.imposed_note": (
            "Extra places the minister imposes per municipality when there is no agreement, per run."
        ),
        "sheet.changes": "Changes",
        "sheet.imposed": "Without agreement",
        "delta.task": "task",
        "delta.obligation": "after exchange",
        "delta.places": "places",
        "delta.unmet": "unmet",
        "delta.deals": "deals",
        "delta.cost": "cost (€ per year)",
        "delta_baseline": "{measure} baseline",
        "delta_change": "{measure} change",
        "word.total": "total",
        "status.stage_gap": "{stage} (gap {gap})",
        "status.cut_off": "{status} at {stages}",
        "compare.baseline_title": "baseline",
        "compare.nothing_imposed": "In no run does the minister impose places.",
        "compare.cost_firm": "{province}: cost of firm places (€ per year)",
        "compare.cost_soft": "{province}: cost of soft places (€ per year)",
        "compare.cost": "{province}: cost total (€ per year)",
        "compare.places_without_cost": "{province}: opened places without cost",
        "cli.final_stages": (
            "Final values (as in summary.json; a later stage may still improve an earlier one "
            "that was cut off):"
        ),
        "cli.final_stage": "  {stage}: {value} ({status})",
        # compare and sweep (model/whatif/compare.py)
        "compare.title": "Comparison: {name}",
        "compare.intro": (
            "Each run is solved on its own: the baseline, and each scenario as a change to it. "
            "Time limit per run: {time_limit}."
        ),
        "compare.no_limit": "none",
        "compare.runs": "Runs",
        "compare.baseline": "baseline: the instance as read",
        "compare.table": "Outcomes side by side",
        "compare.measure": "outcome",
        "compare.status": "status of the solution",
        "compare.deals": "number of deals",
        "compare.km": "length of the deals together (km)",
        "compare.reception_task": "{province}: task (places)",
        "compare.amv_task": "{province}: of which AMV",
        "compare.places": "{province}: counted places",
        "compare.amv_places": "{province}: counted AMV places",
        "compare.firm_places": "{province}: firm places (existing, decided)",
        "compare.soft_places": "{province}: soft places (planned, idea)",
        "compare.firm_share": "{province}: firm share of the counted places (%)",
        "compare.firm_of_task": "{province}: firm places as a share of the task (%)",
        "compare.short_rec": "{province}: shortfall regular",
        "compare.short_amv": "{province}: shortfall AMV",
        "compare.unmet": "{province}: unmet places",
        "compare.test": "{province}: provincial test",
        "compare.test_ok": "met",
        "compare.test_short": "not met",
        "compare.imposed": "{province}: without agreement: imposed places",
        "compare.imposed_extra": "{province}: without agreement: extra places imposed",
        "compare.imposed_municipalities": (
            "{province}: without agreement: municipalities with an imposed increase"
        ),
        "compare.fallback": "Without agreement",
        "compare.fallback_note": (
            "When the provincial plan falls short, the minister imposes the rest (as in December "
            "2024). The shortfall is the task minus the counted places, rounded down to whole "
            "places; it is apportioned over the municipalities below their own task, by "
            "population x (1 + SES-WOA), by the largest remainder. Each run's folder holds the "
            "apportionment per municipality in fallback.csv."
        ),
        "compare.municipalities": "Municipalities that change",
        "compare.municipalities_note": (
            "Task, after exchange, places, unmet, deals and cost: what changes as baseline → run, "
            "the rest as the number that stays; municipalities_delta.csv holds every municipality."
        ),
        "compare.no_changes": "No municipality changes.",
        "compare.municipality_changed": "{name} ({code}): {cells}",
        "compare.site_removed": "site {id} is removed",
        "compare.site_added": "new site {id}: {cells}",
        "compare.site_changed": "site {id}: {cells}",
        "compare.deal_removed": "deal between {a} and {b} no longer locked",
        "compare.deal_changed": "deal between {a} and {b} locked: {cells}",
        # explaining the package (model/results/explanation.py)
        "units.regular": "{n} reception places",
        "units.regular.one": "{n} reception place",
        "units.amv": "{n} AMV places",
        "units.amv.one": "{n} AMV place",
        "units.housing": "{n} status holders",
        "units.housing.one": "{n} status holder",
        "units.ukraine": "{n} places for Ukrainian displaced persons",
        "units.ukraine.one": "{n} place for Ukrainian displaced persons",
        "balance.partner": "{name}: {units}",
        "report.balance": "Balance sheet per municipality",
        "report.balance_note": (
            "What each municipality hands over and takes over, and with whom. Only the "
            "municipalities with a deal or with unmet places are listed here; the sheet Balance "
            "of report.xlsx has every municipality, with its task per component."
        ),
        "sheet.balance": "Balance",
        "col.hands_over": "hands over to",
        "col.takes_over": "takes over from",
        "col.voluntary": "voluntary (value)",
        "col.covered_chance": "chance covered",
        "col.pass_chance": "chance test passed",
        "col.expected_shortfall": "expected shortfall",
        "report.test_ok_surplus": (
            "The province meets its opgave thanks to {n} places above their own task at "
            "{where}; without those places it would be {short} places short."
        ),
        "surplus.where": "{name} ({n})",
        "report.firmness": "How firm is the package",
        "firm.province": (
            "{province}: chance that the province passes its test {p}; expected shortfall {x} "
            "places."
        ),
        "firm.not_computed": (
            "{province}: the chance is not computed: the status weights have too many decimals "
            "for an exact computation (round them to two decimals)."
        ),
        "firm.assumption": (
            "Assumption: every open site is realised with the chance of its status (existing "
            "{existing}, decided {decided}, planned {planned}, idea {idea}: illustrative, the PRT "
            "sets them in rules.realisation) or with its own chance (column realisation of "
            "sites.csv), independently of the other sites. The chances are computed exactly, "
            "not estimated by sampling."
        ),
        "tile.chance": "Chance test passed",
        "tile.chance_note": "expected shortfall {x} places",
        "data.line": "Data: {kind}. Source: {source}",
        "data.illustrative": "illustrative, not the real plan",
        "data.real": "real figures",
        "data.unknown": "not stated whether the figures are real or illustrative",
        "data.no_source": "not stated",
        "data.note": "{column}: {note}",
        "setting.rules.realisation": "chance that a site is realised, by status (illustrative)",
        "setting.meta": "where the figures come from: real or illustrative, source, notes per column",
        "report.why_short": "Why short",
        "sheet.why_short": "Why short",
        "why.line": "{name} ({n} unmet). Why: {why}. What would close it: {closing}.",
        "why.not_explained": (
            "Not explained yet: 'uitruil explain INSTANCE RESULT_DIR' (or 'uitruil solve --explain') says "
            "for each municipality why it is short and what would close the gap."
        ),
        "why.nobody_short": "No municipality is short of places.",
        "why.none": "no limit found that the model prices",
        "why.more": "and {n} more",
        "why.value": " (each unit more: {value} fewer unmet)",
        "why.values": " (each unit more: {low} to {high} fewer unmet)",
        "why.value_all": " (each unit more of any of these limits covers {value} place)",
        "why.also": "Also: {items}",
        "why.together": (
            " (these limits bind only together: one unit more of any one of them alone covers no "
            "place yet)"
        ),
        "why.own_sites_full": "own sites full: {items}",
        "why.own_room_used": "own declared room to take over used up: {items}",
        "why.no_site": "no site of its own that counts, so places only through exchange",
        "why.no_amv_site": "no AMV site of its own, so AMV places only through exchange",
        "why.site_not_counted": "does not count: {items}",
        "why.site_cannot_open": "cannot open: {items}",
        "why.deal_balance": "deals in balance with {items}",
        "why.partner_willing_used": "voluntary room used up at {items}",
        "why.partner_room_used": "declared room used up at {items}",
        "why.partner_sites_full": "sites full at {items}",
        "why.task_handed_over": "whole task already handed over by {items}",
        "why.shared_with": "gap shared with {items}",
        "why.region_border": "spare places outside its own region at {items}",
        "why.distance_limit": "spare places more than {km} km away at {items}",
        "why.forbidden_deal": "deal ruled out with {items}",
        "why.no_exchange": "exchange is off (setting rules.exchange_scope)",
        "why_item.own_sites_full": "{site} ({limit} places)",
        "why_item.own_room_used": "{component} ({limit})",
        "why_item.no_site": "{name}",
        "why_item.no_amv_site": "{name}",
        "why_item.site_not_counted": "{site} ({why})",
        "why_item.site_cannot_open": "{site} (at most {limit} places, below the minimum of {min} for {kind})",
        "why_item.deal_balance": "{name}",
        "why_item.partner_willing_used": "{name} ({limit})",
        "why_item.partner_room_used": "{name}: {component} ({limit})",
        "why_item.partner_sites_full": "{name}: {site} ({limit} places)",
        "why_item.task_handed_over": "{name}: {component} ({limit})",
        "why_item.shared_with": "{name} (now {limit} unmet)",
        "why_item.region_border": "{name} ({limit})",
        "why_item.distance_limit": "{name} ({limit})",
        "why_item.forbidden_deal": "{name} ({limit} spare places)",
        "why_item.no_exchange": "{name}",
        "why_item.deal_balance.chain": "{name} (with {other})",
        "not_counted.too_late": "available only after the reference date",
        "not_counted.temporary": "temporary: available too briefly",
        "not_counted.status_weight": "its status does not count",
        "reason.own_sites_full": "own sites full",
        "reason.own_room_used": "own room used up",
        "reason.no_site": "no site of its own",
        "reason.no_amv_site": "no AMV site",
        "reason.site_not_counted": "site does not count",
        "reason.site_cannot_open": "site cannot open",
        "reason.deal_balance": "deal in balance",
        "reason.partner_willing_used": "another's voluntary room used up",
        "reason.partner_room_used": "another's room used up",
        "reason.partner_sites_full": "another's sites full",
        "reason.task_handed_over": "whole task handed over",
        "reason.shared_with": "gap shared",
        "reason.region_border": "region border",
        "reason.distance_limit": "distance limit",
        "reason.forbidden_deal": "deal ruled out",
        "reason.no_exchange": "no exchange",
        "change.places": "{name}: {n} more places at {site}",
        "change.new_site": "{name}: a new site ({kind}) with {n} places",
        "change.willing": "{name}: {n} places on a voluntary basis",
        "change.room.housing": "{name}: room for {n} more status holders",
        "change.room.ukraine": "{name}: room for {n} more Ukrainian displaced persons",
        "closing.or": "; or ",
        "closing.none": "no change found within the time",
        "closing.not_proven": "(not proven the cheapest: time limit)",
        "dependence.title": "How much rests on each means of exchange (unmet if it could not be traded):",
        "dependence.regular": "without regular reception places as a means of exchange: {n} unmet (now {now})",
        "dependence.amv": "without AMV places as a means of exchange: {n} unmet (now {now})",
        "dependence.housing": "without housing of status holders as a means of exchange: {n} unmet (now {now})",
        "dependence.ukraine": "without Ukrainian places as a means of exchange: {n} unmet (now {now})",
        "dependence.missing": (
            "no proven outcome, so left out: {components} (not within the time, or the locked "
            "deals cannot be made without this means of exchange)"
        ),
        "col.why": "why",
        "col.closing": "what would close it",
        "col.about": "concerns",
        "col.whose": "limit of",
        "col.per_unit": "fewer unmet per unit more",
        "col.up_to": "holds for at least (units)",
        "col.option": "option",
        "col.change": "change",
        "col.change_cost": "cost (setting [explain])",
        "setting.explain": "cost per unit of each change that closes a gap (uitruil explain)",
    },
}


MESSAGES: dict[str, tuple[str, str]] = {
    # where a problem is (model/core/errors.py)
    "where.row": (", rij {row}", ", row {row}"),
    "where.column": (", kolom '{column}'", ", column '{column}'"),
    "where.problem": ("{where}: {message}", "{where}: {message}"),
    "word.or": (" of ", " or "),
    # why a file could not be read or written
    "os.denied": ("geen toestemming", "Permission denied"),
    "os.full": ("de schijf is vol", "No space left on device"),
    "os.read_only": ("het bestandssysteem is alleen-lezen", "Read-only file system"),
    "os.not_dir": ("een deel van het pad is geen map", "Not a directory"),
    "os.name_too_long": ("de naam is te lang", "File name too long"),
    "file.dangling_link": (
        "is een symbolische koppeling die nergens heen leidt (of naar zichzelf)",
        "is a symbolic link that leads nowhere (or to itself)",
    ),
    "file.is_folder": ("is een map, geen bestand", "is a folder, not a file"),
    "file.not_regular": ("is geen gewoon bestand", "is not a regular file"),
    "file.not_found": ("niet gevonden", "not found"),
    "file.required_missing": ("verplicht bestand ontbreekt", "required file is missing"),
    "file.unreadable": ("kan niet worden gelezen: {error}", "cannot be read: {error}"),
    "file.unwritable": ("kan niet worden geschreven: {error}", "cannot be written: {error}"),
    # reading an instance (model/io/reading.py)
    "read.not_an_instance": (
        "verwacht een instantiemap of een .xlsx-werkmap",
        "expected an instance folder or an .xlsx workbook",
    ),
    "read.because": ("{why} ({what})", "{why} ({what})"),
    "read.forecast_for_indicative": (
        "instelling 'forecast.{key}' ontbreekt: de indicatieve verdeling wordt berekend uit "
        "[forecast]",
        "setting 'forecast.{key}' is missing: the indicative distribution is computed from "
        "[forecast]",
    ),
    "convert.exists": (
        "bestaat al: kies een andere naam, of --force",
        "already exists: choose another name, or --force",
    ),
    "convert.not_replaceable": (
        "is geen werkmap en geen instantiemap: niet vervangen, ook niet met --force",
        "is neither a workbook nor an instance folder: not replaced, even with --force",
    ),
    "convert.is_source": (
        "is de instantie die wordt omgezet: kies een andere naam",
        "is the instance being converted: choose another name",
    ),
    "read.wide_csv": (
        "is opgeslagen als {encoding} (Excel: 'Unicode-tekst'): sla het op als 'CSV UTF-8'",
        "is saved as {encoding} (Excel: 'Unicode text'): save it as 'CSV UTF-8' instead",
    ),
    "read.bad_encoding": (
        "is geen UTF-8 en geen Windows-1252: sla het op als 'CSV UTF-8'",
        "is neither UTF-8 nor Windows-1252: save as CSV UTF-8",
    ),
    "read.windows_1252": (
        "is geen UTF-8, gelezen als Windows-1252: controleer namen met accenten (sla het op als "
        "'CSV UTF-8' om zeker te zijn)",
        "is not UTF-8, read as Windows-1252: check accented names (save as 'CSV UTF-8' to be sure)",
    ),
    "read.open_quote": (
        'een aanhalingsteken (") opent een cel die nergens wordt gesloten: alles daarna zou één '
        "cel zijn; sluit het aanhalingsteken of haal het weg",
        'a quote (") opens a cell that is never closed: everything after it would be one cell; '
        "close the quote or remove it",
    ),
    "read.uncomputed": (
        "de formule {formula} heeft geen berekende waarde (een programma schreef haar, Excel "
        "rekende haar nooit uit): open en bewaar de werkmap in Excel, of typ de waarde in",
        "the formula {formula} has no computed value (a program wrote it, Excel never "
        "calculated it): open and save the workbook in Excel, or type the value",
    ),
    "read.sheet_missing": ("blad '{part}' ontbreekt", "sheet '{part}' is missing"),
    "read.sheets_alike": (
        "de bladen {sheets} worden allebei gelezen als blad '{part}': hernoem of verwijder er één",
        "sheets {sheets} both read as sheet '{part}': rename or remove one",
    ),
    "read.bad_workbook": (
        "kan niet als werkmap worden gelezen: {damage}",
        "cannot be read as a workbook: {damage}",
    ),
    "read.bad_number_cell": (
        "een getalcel bevat {value}, wat geen getal is",
        "a number cell holds {value}, which is no number",
    ),
    "read.empty": (
        "is leeg: verwacht een kopregel met de kolomnamen",
        "is empty: expected a header row with the column names",
    ),
    "read.wide_toml": (
        "is opgeslagen als {encoding}: sla het op als UTF-8 (TOML is UTF-8)",
        "is saved as {encoding}: save it as UTF-8 (TOML is UTF-8)",
    ),
    "read.toml_not_utf8": (
        "regel {line}: geen UTF-8 (misschien Latin-1 of Windows-1252): sla het op als UTF-8",
        "line {line}: not UTF-8 (perhaps Latin-1 or Windows-1252): save it as UTF-8",
    ),
    "read.toml_decimal_comma": (
        "regel {line}: TOML schrijft decimalen met een punt: schrijf {point}, niet {comma}",
        "line {line}: TOML needs a decimal point: write {point}, not {comma}",
    ),
    "read.bad_toml": (
        "is geen geldige TOML (melding van de TOML-lezer: {error})",
        "is not valid TOML: {error}",
    ),
    "read.settings_header": (
        "verwacht de kolommen 'key' en 'value'",
        "expected the columns key and value",
    ),
    "read.no_key": ("deze rij heeft geen 'key'", "this row has no key"),
    "read.key_twice": (
        "instelling '{key}' staat ook op rij {row}",
        "key '{key}' also on row {row}",
    ),
    "read.malformed_key": ("onjuiste instelling '{key}'", "malformed key '{key}'"),
    "read.key_conflict": (
        "instelling '{key}' botst met instelling '{part}'",
        "key '{key}' conflicts with key '{part}'",
    ),
    "read.key_conflict_below": (
        "instelling '{key}' botst met de instellingen eronder",
        "key '{key}' conflicts with keys below it",
    ),
    "read.no_header": (
        "de eerste rij bevat geen bekende kolomnaam: verwacht een kopregel ({required}, ...)",
        "the first row holds no known column name: expected a header row ({required}, ...)",
    ),
    "read.column_control": (
        "kolom {position}: de naam bevat een stuurteken: {name}",
        "column {position}: its name holds a control character: {name}",
    ),
    "read.column_unnamed": (
        "kolom {position} heeft waarden maar geen naam",
        "column {position} has values but no name",
    ),
    "read.column_twice": ("kolom staat er twee keer", "column appears twice"),
    "read.column_missing": ("verplichte kolom ontbreekt{note}", "required column is missing{note}"),
    "read.too_many_cells": (
        "heeft meer cellen dan de kopregel kolommen heeft",
        "has more cells than the header has columns",
    ),
    "note.region_scope": (
        ' (rules.exchange_scope is "region")',
        ' (rules.exchange_scope is "region")',
    ),
    "note.tasks_all_or_none": (
        " (de kolom is op andere rijen ingevuld: vul hem op elke rij in, of laat hem overal leeg "
        "om de opgaven uit [forecast] te berekenen)",
        " (the column is filled on other rows: fill it on every row, or leave it blank "
        "everywhere to compute the tasks from [forecast])",
    ),
    "read.no_municipalities": ("bevat geen gemeenten", "has no municipalities"),
    "read.amv_without_reception": (
        "amv_task is gegeven zonder reception_task: geef beide, of geen van beide om ze uit "
        "[forecast] te berekenen",
        "amv_task is given without reception_task: give both, or neither to compute both from "
        "[forecast]",
    ),
    "read.forecast_missing": (
        "instelling 'forecast.{key}' ontbreekt: {file} geeft geen {key}_task, dus die wordt "
        "berekend uit [forecast]",
        "setting 'forecast.{key}' is missing: {file} gives no {key}_task, so it is computed "
        "from [forecast]",
    ),
    "read.forecast_amv_too_large": (
        "instelling 'forecast.amv' ({amv}) is groter dan het aantal opvangplekken waarvan het "
        "deel is ({pool})",
        "setting 'forecast.amv' ({amv}) exceeds the reception places it is part of ({pool})",
    ),
    "read.unknown_municipality": (
        "onbekende gemeente '{code}': geen code in {file}",
        "unknown municipality '{code}': not a code in {file}",
    ),
    "read.go_together": (
        "{columns} horen bij elkaar: {blank} is leeg; geef beide (decimale graden), of geen van "
        "beide om het meegeleverde middelpunt van de CBS-code te gebruiken",
        "{columns} go together: {blank} is blank; give both (decimal degrees), or neither to "
        "use the shipped centroid of the CBS code",
    ),
    "read.required_not_allowed": (
        "{a} en {b} moeten een afspraak maken (regel 'require'), maar {why}",
        "{a} and {b} must deal (rule require), but {why}",
    ),
    "read.too_many_required": (
        "{code} moet in {n} afspraken zitten (regel 'require', rijen {rows}), meer dan "
        "rules.max_deals_per_municipality ({limit}): haal rijen weg of verhoog de grens",
        "{code} must be in {n} deals (rule require, rows {rows}), more than "
        "rules.max_deals_per_municipality ({limit}): remove rows or raise the limit",
    ),
    "read.deal_with_itself": (
        "een afspraak is tussen twee gemeenten, maar 'a' en 'b' zijn allebei '{code}': verbeter "
        "er één",
        "a deal is between two municipalities, but a and b are both '{code}': correct one of them",
    ),
    "read.pair_twice": (
        "het paar {a}, {b} staat ook op rij {row} (een paar staat er één keer in, in welke "
        "volgorde dan ook): haal een van de rijen weg",
        "the pair {a}, {b} is also on row {row} (a pair is written once, in either order): "
        "remove one of the rows",
    ),
    "deal.scope_none": (
        "rules.exchange_scope is 'none', dus niemand ruilt uit: haal deze vastlegging weg, of "
        "zet de reikwijdte op 'province' of 'region'",
        'rules.exchange_scope is "none", so nobody exchanges: remove this lock, or set the scope '
        "to province or region",
    ),
    "deal.other_province": (
        "afspraken blijven binnen een provincie en {a} ligt in {pa}, {b} in {pb}: haal deze "
        "vastlegging weg",
        "deals stay within a province and {a} is in {pa}, {b} in {pb}: remove this lock",
    ),
    "deal.other_region": (
        "onder rules.exchange_scope = 'region' blijven afspraken binnen een regio en {a} ligt "
        "in {ra}, {b} in {rb}: haal deze vastlegging weg, of zet de reikwijdte op 'province'",
        'under rules.exchange_scope = "region" deals stay within a region and {a} is in {ra}, '
        "{b} in {rb}: remove this lock, or set the scope to province",
    ),
    "deal.distance_unknown": (
        "hun afstand is onbekend ({unknown}: geen bekend middelpunt) en "
        "rules.max_distance_km is {limit:n}: geef 'lat' en 'lon' in {file}, of haal deze "
        "vastlegging weg",
        "their distance is unknown ({unknown}: no known centroid) and rules.max_distance_km is "
        "{limit:n}: give lat and lon in {file}, or remove this lock",
    ),
    "deal.too_far": (
        "ze liggen {km} km uit elkaar, verder dan rules.max_distance_km ({limit:n}): haal deze "
        "vastlegging weg, of verhoog de grens",
        "they are {km} km apart, farther than rules.max_distance_km ({limit:n}): remove this "
        "lock, or raise the limit",
    ),
    "read.duplicate": (
        "dubbele {column} '{value}' (ook op rij {row})",
        "duplicate {column} '{value}' (also on row {row})",
    ),
    "read.not_after": (
        "{high} ({b:n}) moet na {low} ({a:n}) liggen",
        "{high} ({b:n}) must be after {low} ({a:n})",
    ),
    "read.exceeds": (
        "{low} ({a:n}) mag niet groter zijn dan {high} ({b:n})",
        "{low} ({a:n}) must not exceed {high} ({b:n})",
    ),
    # what a cell or setting must hold
    "expect.text": ("tekst", "text"),
    "expect.whole": ("een geheel getal", "a whole number"),
    "expect.number": ("een getal", "a number"),
    "expect.date": ("een datum JJJJ-MM-DD of DD-MM-JJJJ", "a date YYYY-MM-DD or DD-MM-YYYY"),
    "expect.date_iso": ("een datum JJJJ-MM-DD", "a date YYYY-MM-DD"),
    "expect.date_range": (
        "een datum van {low} tot en met {high}",
        "a date from {low} to {high}",
    ),
    "expect.table": ("een tabel", "a table"),
    "expect.list": ("een lijst", "a list"),
    "expect.true_false": ("true of false", "true or false"),
    "expect.other": ("een ander soort waarde", "another kind of value"),
    "expect.one_of": ("een van {choices}", "one of {choices}"),
    "expect.one_of_or_blank": (
        "een van {choices} of een lege cel",
        "one of {choices} or a blank cell",
    ),
    "expect.iso_date_or_blank": (
        "een datum JJJJ-MM-DD of een lege cel",
        "a date YYYY-MM-DD or a blank cell",
    ),
    "expect.number_or_blank": ("een getal of een lege cel", "a number or a blank cell"),
    "expect.between": ("{what} > {low:n} en < {high:n}", "{what} > {low:n} and < {high:n}"),
    "expect.range": ("{what} van {low:n} tot en met {high:n}", "{what} from {low:n} to {high:n}"),
    "expect.at_least": ("{what} >= {low:n}", "{what} >= {low:n}"),
    "expect.ge": ("minstens {ge:n}", "at least {ge:n}"),
    "expect.gt": ("meer dan {gt:n}", "more than {gt:n}"),
    "expect.le": ("hoogstens {le:n}", "at most {le:n}"),
    "expect.lt": ("minder dan {lt:n}", "less than {lt:n}"),
    "expect.finite": ("een eindig getal", "a finite number"),
    "expect.json_entry": ("minstens één element", "at least one entry"),
    "expect.json_object": ("een object {{...}}", "an object {{...}}"),
    "expect.json_list": ("een lijst [...]", "a list [...]"),
    "cell.blank": (
        "verwacht {expected}, maar de cel is leeg{note}",
        "expected {expected}, got a blank cell{note}",
    ),
    "cell.bad": (
        "verwacht {expected}, maar er staat '{text}'",
        "expected {expected}, got '{text}'",
    ),
    "cell.bad_grouped": (
        "verwacht {expected}, maar er staat '{text}' (in een bestand met ';' groepeert een '.' "
        "duizendtallen: schrijf de decimalen na een komma)",
        "expected {expected}, got '{text}' (in a file with ';' a '.' groups thousands: write "
        "the decimals after a comma)",
    ),
    "cell.control": (
        "bevat een stuurteken, dat geen werkmap kan opslaan: {text}",
        "holds a control character, which no workbook can store: {text}",
    ),
    # settings (instance.toml, the settings sheet, a scenario's [settings])
    "settings.problem": ("instelling '{key}': {message}", "setting '{key}': {message}"),
    "settings.unknown_like": (
        "onbekende instelling (bedoelt u '{like}'?)",
        "unknown setting (did you mean '{like}'?)",
    ),
    "settings.unknown": (
        "onbekende instelling (zie docs/instance-format.md)",
        "unknown setting (see docs/instance-format.md)",
    ),
    "settings.missing": ("verplichte instelling ontbreekt", "required setting is missing"),
    "settings.expected": (
        "verwacht {expected}, maar er staat {got:n}",
        "expected {expected}, got {got:n}",
    ),
    "settings.min_above_max": (
        "min ({min}) mag niet groter zijn dan max ({max})",
        "min ({min}) must not exceed max ({max})",
    ),
    "settings.order_empty": (
        "order moet minstens één doelstelling noemen",
        "order must name at least one stage",
    ),
    "settings.order_twice": ("order noemt een doelstelling twee keer", "order names a stage twice"),
    "settings.control": ("bevat een stuurteken: {text}", "holds a control character: {text}"),
    # warnings about legal but suspicious input
    "warn.not_counted": (
        "locatie '{id}' telt niet mee: {reason}",
        "site '{id}' does not count: {reason}",
    ),
    "warn.never_opens": (
        "locatie '{id}' kan nooit open: een nieuwe locatie ({kind}) heeft {min} tot {max} "
        "plekken nodig, deze staat {lo} tot {hi} toe",
        "site '{id}' can never open: a new {kind} site needs {min} to {max} places, this one "
        "allows {lo} to {hi}",
    ),
    "warn.no_task": ("{code} heeft een opvangopgave van 0", "{code} has a reception task of 0"),
    "warn.odd_ratio": (
        "{code} heeft {ratio:.2f} plekken per 1000 inwoners, meer dan {limit:g} keer af van de "
        "mediaan {median:.2f}: controleer 'population' en 'reception_task'",
        "{code} has {ratio:.2f} places per 1000 inhabitants, over {limit:g} times off the "
        "median {median:.2f}: check population and reception_task",
    ),
    "warn.forbid_across": (
        "verbiedt een afspraak tussen {a} ({pa}) en {b} ({pb}), die nooit kan plaatsvinden: "
        "afspraken blijven binnen een provincie; de rij heeft geen effect",
        "forbids a deal between {a} ({pa}) and {b} ({pb}), which can never happen: deals stay "
        "within a province; the row has no effect",
    ),
    "warn.no_centroid": (
        "geen bekend middelpunt voor {n} van {total} gemeenten ({listed}): onder "
        "rules.max_distance_km = {limit:n} kunnen ze geen afspraak maken; geef 'lat' en 'lon' "
        "(decimale graden) voor ze",
        "no known centroid for {n} of {total} municipalities ({listed}): under "
        "rules.max_distance_km = {limit:n} they cannot deal; give lat and lon (decimal degrees) "
        "for them",
    ),
    # why a site does not count (sites.csv `reason`, model/core/instance.py REASONS)
    "reason.available_later": (
        "beschikbaar vanaf {date}, na de peildatum {reference}",
        "available from {date}, after the reference date {reference}",
    ),
    "reason.ends_too_soon": (
        "beschikbaar tot {date}, minder dan {years} jaar na de peildatum {reference} (nodig: "
        "tot {needed} of later)",
        "available until {date}, less than {years} years after the reference date {reference} "
        "(needs {needed} or later)",
    ),
    "reason.status_weight_zero": (
        "de status {status} telt voor 0 (rules.status_weight)",
        "its status ({status}) has weight 0 (rules.status_weight)",
    ),
    "reason.available_later.short": (
        "pas beschikbaar na de peildatum",
        "available only after the reference date",
    ),
    "reason.ends_too_soon.short": (
        "niet lang genoeg beschikbaar na de peildatum (rules.min_duration_years)",
        "not available long enough after the reference date (rules.min_duration_years)",
    ),
    "reason.status_weight_zero.short": (
        "de status telt voor 0 (rules.status_weight)",
        "its status has weight 0 (rules.status_weight)",
    ),
    # scenarios and sweeps (model/whatif/scenario.py)
    "scenario.unreadable": (
        "scenariobestand kan niet worden gelezen: {error}",
        "scenario file cannot be read: {error}",
    ),
    "scenario.unknown_key": (
        "onbekende sleutel '{key}' (verwacht {keys})",
        "unknown key '{key}' (expected {keys})",
    ),
    "scenario.bad_name": (
        "'name': verwacht een niet-lege tekst zonder stuurtekens",
        "'name': expected a non-empty text without control characters",
    ),
    "scenario.bad_description": (
        "'description': verwacht een tekst zonder stuurtekens",
        "'description': expected a text without control characters",
    ),
    "scenario.settings_table": (
        "'settings' moet een tabel zijn: [settings]",
        "'settings' must be a table: [settings]",
    ),
    "scenario.entries": (
        "'{table}' moet als [[{table}]]-tabellen worden geschreven",
        "'{table}' must be written as [[{table}]] tables",
    ),
    "scenario.key_missing": (
        "[[{table}]]: '{column}' ontbreekt of is geen tekst: die kolom noemt de rij",
        "[[{table}]]: '{column}' is missing or not a text: it names the {table}",
    ),
    "scenario.pair_missing": (
        "[[{table}]]: '{column}' ontbreekt of is geen tekst: een rij wordt genoemd door 'a' en 'b'",
        "[[{table}]]: '{column}' is missing or not a text: a {table} is named by a and b",
    ),
    "scenario.remove_flag": ("{label}: verwacht true of false", "{label}: expected true or false"),
    "scenario.remove_only.site": (
        "{label}: remove = true haalt de locatie weg; geef geen andere kolommen",
        "{label}: remove = true drops the site; give no other columns",
    ),
    "scenario.remove_only.lock": (
        "{label}: remove = true haalt de vastlegging weg; geef geen andere kolommen",
        "{label}: remove = true drops the lock; give no other columns",
    ),
    "scenario.not_a_value": (
        "{label}: verwacht één waarde (tekst, getal of datum), maar er staat {value}",
        "{label}: expected one value (text, number or date), got {value}",
    ),
    "scenario.unknown_column": (
        "{label}: onbekende kolom '{column}'{hint}",
        "{label}: unknown column '{column}'{hint}",
    ),
    "scenario.did_you_mean": (" (bedoelt u '{name}'?)", " (did you mean '{name}'?)"),
    "scenario.unknown_code": (
        "{label}: onbekende code, geen code in {file}{hint}",
        "{label}: unknown code, not a code in {file}{hint}",
    ),
    "scenario.nothing_to_remove.site": (
        "{label}: onbekende id, geen id in {file}, dus niets weg te halen{hint}",
        "{label}: unknown id, not an id in {file}, so nothing to remove{hint}",
    ),
    "scenario.nothing_to_remove.lock": (
        "{label}: geen paar in {file}, dus niets weg te halen{hint}",
        "{label}: not a pair in {file}, so nothing to remove{hint}",
    ),
    "scenario.incomplete.site": (
        "{label}: geen id in {file}; een nieuwe locatie heeft elke verplichte kolom nodig, "
        "ontbreekt: {missing}{hint}",
        "{label}: not an id in {file}; a new site needs every required column, missing: "
        "{missing}{hint}",
    ),
    "scenario.incomplete.lock": (
        "{label}: geen paar in {file}; een nieuwe vastlegging heeft elke verplichte kolom nodig, "
        "ontbreekt: {missing}{hint}",
        "{label}: not a pair in {file}; a new lock needs every required column, missing: "
        "{missing}{hint}",
    ),
    "scenario.entry_problem": ("{label}: {message}", "{label}: {message}"),
    "scenario.with_changes": ("met zijn wijzigingen: {problem}", "with its changes, {problem}"),
    "sweep.bad_set": (
        "'{option}': verwacht SLEUTEL=WAARDE,WAARDE,... bijvoorbeeld weights.housing=0.5,1",
        "'{option}': expected KEY=VALUE,VALUE,... e.g. weights.housing=0.5,1",
    ),
    "sweep.set_twice": (
        "'{key}' staat er twee keer: geef al zijn waarden in één keer",
        "'{key}' is set twice: give all its values at once",
    ),
    # result folders: where they go (model/io/atomic.py) and reading them back (model/results/folder.py)
    "target.dangling_link": (
        "is een symbolische koppeling naar niets; kies een andere map",
        "is a symbolic link to nothing; choose another folder",
    ),
    "target.not_a_folder": (
        "bestaat en is geen map; kies een andere map",
        "exists and is not a folder; choose another folder",
    ),
    "target.not_a_result": (
        "is niet leeg en bevat geen eerder resultaat (geen {marker}); kies een andere map",
        "is not empty and holds no earlier result (no {marker}); choose another folder",
    ),
    "target.under_a_file": (
        "kan niet worden gemaakt: {existing} is een bestand, geen map; kies een andere map",
        "cannot be created: {existing} is a file, not a folder; choose another folder",
    ),
    "target.unwritable": (
        "kan niet worden geschreven ({folder}: {error}); kies een andere map",
        "cannot be written ({folder}: {error}); choose another folder",
    ),
    "target.locked": (
        "een andere uitruil-berekening schrijft erin (slot {lock}); wacht tot die klaar is",
        "another uitruil run is writing it (lock {lock}); wait until it is done",
    ),
    "target.clash": (
        "bevat {entry}, dat uitruil niet schreef en het nieuwe resultaat nodig heeft: zet het "
        "ergens anders neer en probeer het opnieuw",
        "holds {entry}, which uitruil did not write and the new result needs: move it away and "
        "run again",
    ),
    "result.not_csv": ("is niet als CSV te lezen: {error}", "is not readable as CSV: {error}"),
    "result.not_a_package": (
        "is geen resultaatmap (geen summary.json) en geen vergelijkingsmap (compare.csv naast "
        "resultaatmappen); geef de map die solve of compare schreef",
        "is not a result folder (no summary.json) nor a compare folder (compare.csv beside "
        "result subfolders); give the folder that solve or compare wrote",
    ),
    "result.not_a_result": (
        "is geen resultaatmap (summary.json ontbreekt)",
        "is not a result folder (summary.json is missing)",
    ),
    "result.blank_key": ("een lege {column}", "a blank {column}"),
    "result.unknown_code": (
        "'{code}' is geen code in municipalities.csv",
        "'{code}' is not a code in municipalities.csv",
    ),
    "result.file_missing": ("ontbreekt in de resultaatmap", "is missing from the result folder"),
    "result.not_utf8": ("is geen UTF-8-tekst", "is not UTF-8 text"),
    "result.empty": (
        "is leeg: verwacht de kopregel {header}",
        "is empty: expected the header {header}",
    ),
    "result.column_missing": ("kolom ontbreekt", "column is missing"),
    "result.not_json": ("is geen JSON: {error}", "is not JSON: {error}"),
    "result.field_control": (
        "veld '{field}' bevat een stuurteken",
        "field '{field}' holds a control character",
    ),
    "result.field": ("veld '{field}'", "field '{field}'"),
    "result.the_file": ("het bestand", "the file"),
    "result.field_missing": ("{where} ontbreekt", "{where} is missing"),
    "result.field_expected": (
        "{where}: verwacht {expected}, maar er staat {got}",
        "{where}: expected {expected}, got {got}",
    ),
    "fallback.other_instance": (
        "is een resultaat voor andere gemeenten of andere opgaven dan deze instantie: geef de "
        "instantie (en de --scenario-bestanden) waarvoor het is opgelost",
        "is a result for other municipalities or other tasks than this instance: give the "
        "instance (and --scenario files) it was solved for",
    ),
    # solving (model/optimise/solve.py)
    "solve.locks_impossible": (
        "{province}: de verplichte afspraken {pairs} kunnen niet allemaal worden gemaakt (met de "
        "andere regels is er geen uitruil tussen hen die in balans is); laat een vastlegging "
        "vallen of verander de regels",
        "{province}: the required deals {pairs} cannot all be made (with the other rules, no "
        "exchange between them balances); drop a lock or change the rules",
    ),
    "solve.locks_not_allowed": (
        "de verplichte afspraken {pairs} zijn volgens de regels niet toegestaan (reikwijdte, "
        "afstand)",
        "the required deals {pairs} are not allowed by the rules (scope, distance)",
    ),
    "solve.progress": (
        "doelstelling {stage}: {value:g} ({status}, {seconds:.2f} s; {total:.1f} s in totaal)",
        "stage {stage}: {value:g} ({status}, {seconds:.2f} s; {total:.1f} s in all)",
    ),
    # the command line's own lines (solver_cli.py)
    "cli.error": ("fout: {problem}", "error: {problem}"),
    "cli.warning": ("waarschuwing: {problem}", "warning: {problem}"),
    "cli.not_seconds": ("{value} is geen aantal seconden", "{value} is not a number of seconds"),
    "cli.seconds_range": (
        "verwacht seconden > 0 en hoogstens {most:n} (een week), maar er staat {value}",
        "expected seconds > 0 and at most {most:n} (a week), got {value}",
    ),
    "cli.cores": (
        "--{option} {value} is meer dan de {cores} kernen van deze computer: {cores} gebruikt",
        "--{option} {value} is more than the {cores} cores of this machine: using {cores}",
    ),
    "cli.stages": (
        "verwacht verschillende doelstellingen uit {stages}, maar er staat {value}",
        "expected distinct stages from {stages}, got {value}",
    ),
    "cli.out_is_input": (
        "is een bestand dat deze opdracht leest: schrijf de uitvoer ergens anders heen",
        "is a file this command reads: write the output elsewhere",
    ),
    "cli.no_solution": ("fout: geen oplossing: {error}", "error: no solution: {error}"),
    "cli.result_written": ("resultaat geschreven naar {target}", "result written to {target}"),
    "explain.not_this_instance": (
        "dit is geen pakket van deze instantie; geef de instantie (en --scenario-bestanden) "
        "waarmee het is opgelost",
        "it is not a package of this instance; give the instance (and --scenario files) it "
        "was solved with",
    ),
    "explain.site_missing": (
        "locatie '{site}' van de instantie ontbreekt: {why}",
        "has no site '{site}' of the instance: {why}",
    ),
    "explain.breaks_rule": (
        "overtreedt een regel van het model: {why}",
        "breaks a rule of the model: {why}",
    ),
    "explain.progress_reasons": (
        "verklaring {province}: redenen van {n} gemeenten met een tekort",
        "explain {province}: reasons of {n} short municipalities",
    ),
    "explain.progress_dependence": (
        "verklaring: afhankelijkheid {figures}",
        "explain: dependence {figures}",
    ),
    "explain.progress_closing": (
        "verklaring {province}: wat het tekort van {n} gemeenten zou dichten",
        "explain {province}: closing changes of {n} short municipalities",
    ),
    "cli.explanation_written": (
        "verklaring geschreven naar {target}",
        "explanation written to {target}",
    ),
    "cli.check_scenarios": (
        "is opgelost met de scenario's {solved}, niet met {given}: geef dezelfde "
        "--scenario-bestanden in dezelfde volgorde",
        "was solved with scenarios {solved}, not {given}: pass the same --scenario files in the "
        "same order",
    ),
    "cli.violation": ("overtreding: {line}", "violation: {line}"),
    "cli.violations": ("{n} overtreding(en)", "{n} violation(s)"),
    "cli.check_ok": (
        "in orde: elke regel geldt en elk getal klopt",
        "ok: every constraint holds and every figure adds up",
    ),
    "cli.indicative_written": (
        "indicatieve verdeling geschreven naar {out}",
        "indicative distribution written to {out}",
    ),
    "cli.converted": ("{src} omgezet naar {dest}", "{src} converted to {dest}"),
    "cli.report_written": ("rapport geschreven naar {path}", "report written to {path}"),
    "cli.solving_runs": ("{n} berekeningen worden opgelost", "solving {n} runs"),
    "cli.runs_time": (
        "{n} berekeningen in {elapsed:.1f} s; de berekeningen zelf duurden {in_runs:.1f} s",
        "{n} runs in {elapsed:.1f} s; the runs themselves took {in_runs:.1f} s",
    ),
    "cli.comparison_written": (
        "vergelijking geschreven naar {target}",
        "comparison written to {target}",
    ),
    "cli.fallback_scenarios": (
        "is opgelost met de scenario's {solved}: geef ze met --scenario",
        "was solved with the scenarios {solved}: give them with --scenario",
    ),
    "cli.fallback_written": (
        "verdeling zonder akkoord geschreven naar {out}",
        "fallback written to {out}",
    ),
    # validate's summary
    "validate.header": (
        "{name}: peildatum {date}, opgaven {origin}",
        "{name}: reference date {date}, tasks {origin}",
    ),
    "validate.computed": ("berekend uit [forecast]", "computed from [forecast]"),
    "validate.given": ("zoals gegeven", "as given"),
    "validate.province": (
        "{province}: gemeenten {n}, locaties {sites} ({counted} tellen mee, {not_counted} niet)",
        "{province}: municipalities {n}, sites {sites} ({counted} counted, {not_counted} not "
        "counted)",
    ),
    "validate.tasks": (
        "  opgaven: regulier {regular}, amv {amv}, huisvesting statushouders {housing}, "
        "Oekraïense ontheemden {ukraine} (opvang {reception})",
        "  tasks: regular {regular}, amv {amv}, housing {housing}, ukraine {ukraine} "
        "(reception {reception})",
    ),
    "validate.places": (
        "  {label}: hard {firm}, zacht {soft}, met zacht {with_soft} ({firm_share} en "
        "{with_soft_share} van {task_label} {task})",
        "  {label}: firm {firm}, soft {soft}, with soft {with_soft} ({firm_share} and "
        "{with_soft_share} of {task_label} {task})",
    ),
    "validate.counted_places": ("getelde plekken", "counted places"),
    "validate.amv_places": ("waarvan amv-plekken", "of which amv places"),
    "validate.reception": ("opvang", "reception"),
    "validate.amv": ("amv", "amv"),
    "validate.locked_none": ("  vastgelegde afspraken: geen", "  locked deals: none"),
    "validate.locked": (
        "  vastgelegde afspraken: {required} verplicht, {forbidden} verboden",
        "  locked deals: {required} required, {forbidden} forbidden",
    ),
    "validate.no_centroid": (
        "  geen bekend middelpunt: {unknown} van {n} gemeenten (hun afspraken hebben geen "
        "afstand; geef 'lat' en 'lon')",
        "  no known centroid: {unknown} of {n} municipalities (their deals have no distance; "
        "give lat and lon)",
    ),
    "validate.warnings": ("{n} waarschuwing(en)", "{n} warning(s)"),
    # check's violations (model/results/check.py)
    "check.blank": ("leeg", "blank"),
    "check.none": ("geen", "none"),
    "check.it_counts": ("de locatie telt mee", "it counts"),
    "check.deal": ("afspraak {a} - {b}", "deal {a} - {b}"),
    "check.instance": (
        "summary.json: 'instance': verwacht {expected}, gevonden {found}",
        "summary.json: instance: expected {expected}, found {found}",
    ),
    "check.setting": (
        "summary.json: '{path}': verwacht de geldende instelling van de instantie {expected}, "
        "gevonden {found}",
        "summary.json: {path}: expected the instance's effective setting {expected}, found {found}",
    ),
    "check.site_missing": (
        "sites.csv: locatie {id} van de instantie ontbreekt",
        "sites.csv: site {id} of the instance is missing",
    ),
    "check.site_unknown": (
        "sites.csv rij {row}: locatie {id} staat niet in de instantie",
        "sites.csv row {row}: site {id} is not in the instance",
    ),
    "check.at_site": ("sites.csv rij {row}, locatie {id}", "sites.csv row {row}, site {id}"),
    "check.site_field": (
        "{where}: '{column}': verwacht {expected} (de instantie), gevonden {found}",
        "{where}: {column}: expected {expected} (the instance), found {found}",
    ),
    "check.counted": (
        "{where}: 'counted': verwacht {expected}, gevonden {found} ({why})",
        "{where}: counted: expected {expected}, found {found} ({why})",
    ),
    "check.places_whole": (
        "{where}: 'places': verwacht een geheel getal >= 0, gevonden {found}",
        "{where}: places: expected a whole number >= 0, found {found}",
    ),
    "check.not_counted_open": (
        "{where}: een locatie die niet meetelt blijft dicht: verwacht 0 plekken, gevonden "
        "{found} (open={open})",
        "{where}: a site that does not count stays closed: expected 0 places, found {found} "
        "(open={open})",
    ),
    "check.committed_closed": (
        "{where}: 'open': een vaste locatie (bestaand of besloten) is open: verwacht true, "
        "gevonden false",
        "{where}: open: a committed site is open: expected true, found false",
    ),
    "check.places_range": (
        "{where}: 'places': verwacht {lo} tot en met {hi}, gevonden {found}",
        "{where}: places: expected {lo} to {hi}, found {found}",
    ),
    "check.closed_places": (
        "{where}: 'places': een gesloten locatie heeft 0 plekken, gevonden {found}",
        "{where}: places: a closed site has 0 places, found {found}",
    ),
    "check.over_preference": (
        "{where}: 'over_preference': verwacht {expected} (plekken boven max_site_size van de "
        "gemeente), gevonden {found:n}",
        "{where}: over_preference: expected {expected} (places above the host's max_site_size), "
        "found {found:n}",
    ),
    "check.at_transfer": (
        "transfers.csv rij {row} ({giver} -> {taker}, {k})",
        "transfers.csv row {row} ({giver} -> {taker}, {k})",
    ),
    "check.transfer_unknown": (
        "{where}: gemeente {code} staat niet in de instantie",
        "{where}: municipality {code} is not in the instance",
    ),
    "check.amount": (
        "{where}: 'amount': verwacht een geheel getal > 0, gevonden {found}",
        "{where}: amount: expected a whole number > 0, found {found}",
    ),
    "check.not_transferable": (
        "{where}: rules.transferable: {component} mag niet van gemeente wisselen",
        "{where}: rules.transferable: {component} may not change hands",
    ),
    "check.weight_zero": (
        "{where}: weights.{k} is 0: {component} telt niet mee en kan niet worden uitgeruild",
        "{where}: weights.{k} is 0: {component} does not count and cannot be traded",
    ),
    "check.to_itself": (
        "{where}: een gemeente draagt over aan zichzelf",
        "{where}: a municipality transfers to itself",
    ),
    "check.scope_none": (
        "{where}: rules.exchange_scope is 'none': niemand ruilt uit",
        "{where}: rules.exchange_scope is 'none': nobody exchanges",
    ),
    "check.scope_province": (
        "{where}: reikwijdte van de uitruil: {a} ligt in {pa}, {b} in {pb}",
        "{where}: exchange scope: {a} is in {pa}, {b} in {pb}",
    ),
    "check.scope_region": (
        "{where}: reikwijdte 'region': {a} ligt in {ra}, {b} in {rb}",
        "{where}: exchange scope 'region': {a} is in {ra}, {b} in {rb}",
    ),
    "check.transfer_twice": (
        "{where}: een tweede rij voor dezelfde overdracht",
        "{where}: a second row for the same transfer",
    ),
    "check.no_relaying": (
        "transfers.csv, {label}: no_relaying: draagt {n} eenheden {component} over, verwacht "
        "hoogstens de eigen opgave {task}",
        "transfers.csv, {label}: no_relaying: hands over {n} units of {component}, expected at "
        "most its own task {task}",
    ),
    "check.no_pass_through": (
        "transfers.csv, {label}: no_pass_through: neemt {taken} eenheden {component} over (van "
        "{givers}) en draagt {given} over (aan {takers}); verwacht dat een van beide 0 is",
        "transfers.csv, {label}: no_pass_through: takes over {taken} units of {component} (from "
        "{givers}) and hands over {given} (to {takers}); expected one of the two to be 0",
    ),
    "check.declared_capacity": (
        "transfers.csv, {label}: declared_capacity: na uitruil {component} verwacht hoogstens "
        "{limit} (opgave + {column}), gevonden {found}",
        "transfers.csv, {label}: declared_capacity: obligation for {component} expected at most "
        "{limit} (task + {column}), found {found}",
    ),
    "check.distance_unknown": (
        "transfers.csv, {deal}: max_distance_km: verwacht een bekende afstand van hoogstens "
        "{limit:n} km, maar een van beide heeft geen middelpunt",
        "transfers.csv, {deal}: max_distance_km: expected a known distance of at most {limit:n} "
        "km, found no centroid for one of them",
    ),
    "check.too_far": (
        "transfers.csv, {deal}: max_distance_km: verwacht hoogstens {limit:n} km, gevonden {km} km",
        "transfers.csv, {deal}: max_distance_km: expected at most {limit:n} km, found {km} km",
    ),
    "check.require_missing": (
        "transfers.csv, {deal}: require: de afspraak is vastgelegd, verwacht overdrachten tussen "
        "hen, gevonden geen",
        "transfers.csv, {deal}: require: the deal is locked, expected transfers between them, "
        "found none",
    ),
    "check.forbid_made": (
        "transfers.csv, {deal}: forbid: de afspraak is van tafel, verwacht geen overdrachten "
        "tussen hen, gevonden {units} eenheden",
        "transfers.csv, {deal}: forbid: the deal is off the table, expected no transfers "
        "between them, found {units} units",
    ),
    "check.max_deals": (
        "transfers.csv, {label}: max_deals_per_municipality: verwacht hoogstens {most} "
        "afspraken, gevonden {found}",
        "transfers.csv, {label}: max_deals_per_municipality: expected at most {most} deals, "
        "found {found}",
    ),
    "check.value_balance": (
        "transfers.csv, {label}: value_balance: neemt een waarde van {delta:n} op, verwacht "
        "hoogstens willing_extra + balance_tolerance = {allowed:n}",
        "transfers.csv, {label}: value_balance: takes on a value of {delta:n}, expected at most "
        "willing_extra + balance_tolerance = {allowed:n}",
    ),
    "check.deal_balance": (
        "transfers.csv, {deal}: deal_balance: {label} levert {imbalance:n} meer waarde dan het "
        "terugkrijgt; boven de balanstolerantie {tolerance:n} is dat {part:n} vrijwillig, "
        "verwacht hoogstens zijn willing_extra {willing:n}",
        "transfers.csv, {deal}: deal_balance: {label} performs {imbalance:n} more value than it "
        "gets back; beyond the balance tolerance {tolerance:n} that is {part:n} volunteered, "
        "expected at most its willing_extra {willing:n}",
    ),
    "check.part_with": ("{part:n} met {other}", "{part:n} with {other}"),
    "check.willing_extra": (
        "transfers.csv, {label}: willing_extra: doet vrijwillig {total:n} over zijn afspraken "
        "({deals}), verwacht hoogstens zijn willing_extra {willing:n}",
        "transfers.csv, {label}: willing_extra: volunteers {total:n} over its deals ({deals}), "
        "expected at most its willing_extra {willing:n}",
    ),
    "check.municipality_missing": (
        "municipalities.csv: gemeente {label} van de instantie ontbreekt",
        "municipalities.csv: municipality {label} of the instance is missing",
    ),
    "check.municipality_unknown": (
        "municipalities.csv rij {row}: gemeente {code} staat niet in de instantie",
        "municipalities.csv row {row}: municipality {code} is not in the instance",
    ),
    "check.at_municipality": (
        "municipalities.csv rij {row}, {label}",
        "municipalities.csv row {row}, {label}",
    ),
    "check.field": (
        "{where}: '{column}': verwacht {expected:n}, gevonden {found:n}",
        "{where}: {column}: expected {expected:n}, found {found:n}",
    ),
    "check.km_blank": (
        "{where}: 'km': verwacht leeg (afstand onbekend), gevonden {found:n}",
        "{where}: km: expected blank (distance unknown), found {found:n}",
    ),
    "check.deal_order": (
        "deals.csv rij {row}: 'a', 'b': verwacht de kleinste code in 'a', gevonden '{a}' in "
        "'a' en '{b}' in 'b'",
        "deals.csv row {row}: a, b: expected the smaller code in a, found a={a}, b={b}",
    ),
    "check.deal_twice": (
        "deals.csv rij {row}: afspraak {a} - {b} staat er twee keer (ook rij {first})",
        "deals.csv row {row}: deal {a} - {b} is listed twice (also row {first})",
    ),
    "check.deal_without_transfers": (
        "deals.csv rij {row}: afspraak {a} - {b}: transfers.csv heeft geen overdrachten tussen hen",
        "deals.csv row {row}: deal {a} - {b}: transfers.csv has no transfers between them",
    ),
    "check.at_deal": ("deals.csv rij {row}, {deal}", "deals.csv row {row}, {deal}"),
    "check.deal_missing": (
        "deals.csv: {deal} uit transfers.csv ontbreekt",
        "deals.csv: {deal} of transfers.csv is missing",
    ),
    "check.sentence_name": (
        "{where}: 'description': verwacht de naam {name}, gevonden {found}",
        "{where}: description: expected the name {name}, found {found}",
    ),
    "check.sentence_decimals": (
        "{where}: 'description': verwacht decimalen met {sign}, gevonden {found}",
        "{where}: description: expected decimals with {sign}, found {found}",
    ),
    "check.sentence_numbers": (
        "{where}: 'description': verwacht de getallen {expected}, gevonden {found} in {sentence}",
        "{where}: description: expected the numbers {expected}, found {found} in {sentence}",
    ),
    "check.province_unknown": (
        "summary.json: provinces.{province}: geen provincie van de instantie",
        "summary.json: provinces.{province}: not a province of the instance",
    ),
    "check.province_missing": (
        "summary.json: provinces.{province}: de provincie van de instantie ontbreekt",
        "summary.json: provinces.{province}: the instance's province is missing",
    ),
    "check.summary_field": (
        "summary.json: {path}: verwacht {expected:n}, gevonden {found:n}",
        "summary.json: {path}: expected {expected:n}, found {found:n}",
    ),
    "check.order_twice": (
        "summary.json: objective_order: noemt een doelstelling twee keer: {order}",
        "summary.json: objective_order: names a stage twice: {order}",
    ),
    "check.order_differs": (
        "summary.json: objective_order: verwacht objective.order van de instantie {expected}, "
        "gevonden {found} (objective_source is 'settings')",
        "summary.json: objective_order: expected the instance's objective.order {expected}, "
        "found {found} (objective_source is 'settings')",
    ),
    "check.stage_missing": (
        "summary.json: {path}: een doelstelling van objective_order ontbreekt",
        "summary.json: {path}: a stage of objective_order is missing",
    ),
    "check.stage_unknown": (
        "summary.json: {path}: geen doelstelling van objective_order {order}",
        "summary.json: {path}: not a stage of objective_order {order}",
    ),
    "check.objective_value": (
        "summary.json: objectives.{name}: verwacht {expected:n} (herberekend uit de bestanden), "
        "gevonden {found:n}",
        "summary.json: objectives.{name}: expected {expected:n} (recomputed from the files), "
        "found {found:n}",
    ),
    "check.stage_value": (
        "summary.json: stages.{name}.value: verwacht {expected:n} (objectives.{name}), gevonden "
        "{found:n}",
        "summary.json: stages.{name}.value: expected {expected:n} (objectives.{name}), found "
        "{found:n}",
    ),
    "check.stage_gap": (
        "summary.json: stages.{name}.gap: verwacht 0 voor een doelstelling die bewezen optimaal "
        "is, gevonden {found:n}",
        "summary.json: stages.{name}.gap: expected 0 for a stage proven optimal, found {found:n}",
    ),
    "check.status": (
        "summary.json: status: verwacht '{expected}' ('optimal' alleen als elke doelstelling "
        "dat is), gevonden '{found}'",
        "summary.json: status: expected {expected} (optimal only when every stage is), found "
        "{found}",
    ),
    "check.solver_gap": (
        "summary.json: solver.gap: verwacht {expected:n} (het grootste gat van een "
        "doelstelling), gevonden {found:n}",
        "summary.json: solver.gap: expected {expected:n} (the largest stage gap), found {found:n}",
    ),
}
"""Messages (errors, warnings, violations, the CLI's lines): key -> (Dutch, English)."""

for _key, _pair in MESSAGES.items():
    for _lang, _label in zip(LANGUAGES, _pair, strict=True):
        if _key in LABELS[_lang]:
            raise KeyError(f"{_key} is both a label and a message")
        LABELS[_lang][_key] = _label

_LANGUAGE: contextvars.ContextVar[str] = contextvars.ContextVar("uitruil_language", default="nl")
"""The language messages are shown in: the CLI's --lang; Dutch when nobody chose."""


def current_language() -> str:
    """The language of this run (the CLI's --lang), in which messages are shown."""
    return _LANGUAGE.get()


def set_language(lang: str) -> contextvars.Token:
    """Show messages in `lang` from now on; `reset_language(token)` undoes it."""
    if lang not in LANGUAGES:
        raise ValueError(f"unknown language {lang!r}")
    return _LANGUAGE.set(lang)


def reset_language(token: contextvars.Token) -> None:
    _LANGUAGE.reset(token)


@contextmanager
def use_language(lang: str) -> Iterator[None]:
    """Show messages in `lang` within the block."""
    token = set_language(lang)
    try:
        yield
    finally:
        reset_language(token)


def has_text(lang: str, key: str) -> bool:
    """Whether `lang` has a label `key` (for optional labels, such as the meaning of a setting)."""
    return key in LABELS[lang]


def text(lang: str, key: str, /, **values: object) -> str:
    """The label `key` in `lang`, with `values` filled in (messages among them in `lang` too)."""
    return _Formatter(lang).format(LABELS[lang][key], **values)


def date_text(lang: str, value: dt.date) -> str:
    """A date as the language writes it: 31-12-2026 (nl), 2026-12-31 (en)."""
    return value.strftime("%d-%m-%Y") if lang == "nl" else value.isoformat()


def _swap_decimal(lang: str, plain: str) -> str:
    """A number written with `,` groups and a `.` decimal sign, in the signs of `lang`."""
    sep, dec = LABELS[lang]["number.thousands"], LABELS[lang]["number.decimal"]
    return plain.replace(",", "\0").replace(".", dec).replace("\0", sep)


def shown_number(lang: str, value: object) -> str:
    """A number in a message, exact: whole numbers from 10,000 on grouped by thousands (1234,
    12,345), others as they are, with the language's decimal sign; not a number: as it is."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        return str(value)
    if isinstance(value, int) or (value.is_integer() and abs(value) < 1e15):
        whole = int(value)
        return _swap_decimal(lang, f"{whole:,}" if abs(whole) >= 10_000 else str(whole))
    return _swap_decimal(lang, repr(value)) if math.isfinite(value) else str(value)


class _Formatter(string.Formatter):
    """str.format with the values shown in `lang`: messages rendered, dates and numbers as the
    language writes them (module docstring)."""

    def __init__(self, lang: str):
        self.lang = lang

    def format_field(self, value: object, format_spec: str) -> str:
        render = getattr(value, "render", None)
        if callable(render):
            value = render(self.lang)
        if format_spec == "n":
            return shown_number(self.lang, value)
        if isinstance(value, dt.date) and not format_spec:
            return date_text(self.lang, value)
        formatted = format(value, format_spec)
        numeric = isinstance(value, int | float) and not isinstance(value, bool)
        return _swap_decimal(self.lang, formatted) if numeric and format_spec else formatted


class Message(str):
    """A text for a person kept as its key and values, to be shown in any language.

    It is a str too (the text in the language current when it was made), so code that treats a
    message as text keeps working; `render(lang)` and `str(problem)` show it in another language.
    """

    key: str
    values: dict[str, object]

    def __new__(cls, key: str, /, **values: object) -> Message:
        made = super().__new__(cls, text(current_language(), key, **values))
        made.key, made.values = key, values
        return made

    def render(self, lang: str) -> str:
        return text(lang, self.key, **self.values)

    def __str__(self) -> str:
        return self.render(current_language())

    def __format__(self, format_spec: str) -> str:
        return format(str(self), format_spec)

    def __reduce__(self):
        return _message, (self.key, self.values)


def _message(key: str, values: dict[str, object]) -> Message:
    return Message(key, **values)


class Listing:
    """Items in a message joined as the language joins them: "a, b and c", "a, b of c"; with no
    conjunction "a, b, c". Numbers among them are written as the language writes them."""

    def __init__(self, items: object, conjunction: str | None = "word.and"):
        self.items, self.conjunction = list(items), conjunction

    def render(self, lang: str) -> str:
        parts = [
            shown_number(lang, item) if isinstance(item, int | float) else rendered(item, lang)
            for item in self.items
        ]
        if len(parts) < 2 or self.conjunction is None:
            return ", ".join(parts)
        return ", ".join(parts[:-1]) + text(lang, self.conjunction) + parts[-1]

    def __str__(self) -> str:
        return self.render(current_language())


def rendered(value: object, lang: str | None = None) -> str:
    """A message (or plain text) in `lang`, default the language of the run."""
    render = getattr(value, "render", None)
    return render(lang or current_language()) if callable(render) else str(value)


def number(lang: str, value: float | None) -> str:
    """A number as the audience writes it: thousands grouped, at most two decimals; "–" if none."""
    if value is None or math.isnan(float(value)):
        return "–"
    rounded = round(float(value), 2)
    plain = f"{rounded:,.0f}" if rounded.is_integer() else f"{rounded:,.2f}".rstrip("0")
    return _swap_decimal(lang, plain)


def exact_number(lang: str, value: float) -> str:
    """A number to the precision summary.json has it (up to 10 significant digits), as the
    audience writes it: the final stage values agree with the file to the last digit."""
    return _swap_decimal(lang, format(float(value), ",.10g"))


class Percent(float):
    """A fraction shown as a percentage (a stage's gap): 0.3 is "30 %" in every report."""


def percent(lang: str, fraction: float | None) -> str:
    """A fraction as a percentage with one decimal at most: "30 %", "7,5 %" ("?" when unknown)."""
    if fraction is None or math.isnan(float(fraction)):
        return "?"
    return f"{number(lang, round(100 * float(fraction), 1))} %"


def chance(lang: str, probability: float | None) -> str:
    """A probability as a percentage; near 0 or 1 as "< 0,1 %" or "> 99,9 %", so that a small
    chance never reads as none, nor a large one as certain ("–" when unknown)."""
    if probability is None or math.isnan(float(probability)):
        return "–"
    if 0 < probability < 0.001:
        return f"< {percent(lang, 0.001)}"
    if 0.999 < probability < 1:
        return f"> {percent(lang, 0.999)}"
    return percent(lang, probability)
