"""Every word the tool shows a person, one table per language (Dutch first: the users read Dutch).

Look a label up with `text(lang, key, **values)`; a key missing in one language is a bug that the
tests catch (tests/test_lang.py).
"""

from __future__ import annotations

import math

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
        "setting.rules.exchange_scope": "wie met wie mag uitruilen (province, region, none)",
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
        # the map (model/map_svg.py)
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
        # money (model/costs.py)
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
        # compare and sweep (model/compare.py)
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
        # explaining the package (model/explanation.py)
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
        # (model/diagnosis_words.py; the codes are those of docs/model.md, "Explaining a package")
        "report.why_short": "Waarom tekort",
        "sheet.why_short": "Waarom tekort",
        "why.line": "{name} ({n} niet gedekt). Waarom: {why}. Wat het dicht: {closing}.",
        "why.not_explained": (
            "Nog niet uitgelegd: 'uitruil explain INSTANTIE RESULTAATMAP' (of solve --explain) "
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
        "setting.rules.exchange_scope": "who may exchange with whom (province, region, none)",
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
        # the map (model/map_svg.py)
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
        # compare and sweep (model/compare.py)
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
        # explaining the package (model/explanation.py)
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
            "Not explained yet: 'uitruil explain INSTANCE RESULT_DIR' (or solve --explain) says "
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


def has_text(lang: str, key: str) -> bool:
    """Whether `lang` has a label `key` (for optional labels, such as the meaning of a setting)."""
    return key in LABELS[lang]


def text(lang: str, key: str, **values: object) -> str:
    """The label `key` in `lang`, with `values` filled in."""
    return LABELS[lang][key].format(**values)


def number(lang: str, value: float | None) -> str:
    """A number as the audience writes it: thousands grouped, at most two decimals; "–" if none."""
    if value is None or math.isnan(float(value)):
        return "–"
    rounded = round(float(value), 2)
    plain = f"{rounded:,.0f}" if rounded.is_integer() else f"{rounded:,.2f}".rstrip("0")
    sep, dec = text(lang, "number.thousands"), text(lang, "number.decimal")
    return plain.replace(",", "\0").replace(".", dec).replace("\0", sep)


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
