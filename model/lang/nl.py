"""Dutch: every word uitruil shows a person, by key (model/lang/__init__.py looks them up)."""

LABELS: dict[str, str] = {
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
    "cli.solve_time": "Rekentijd {seconds:.1f} s, waarvan HiGHS {highs:.1f} s en Pyomo-modellen {models:.1f} s (staat niet in de resultaatbestanden: twee bewezen optimale berekeningen geven dezelfde bestanden).",
    "cli.solve_time_processes": "Rekentijd {seconds:.1f} s met {processes} processen naast elkaar, HiGHS {highs:.1f} s en Pyomo-modellen {models:.1f} s opgeteld over die processen (staat niet in de resultaatbestanden: twee bewezen optimale berekeningen geven dezelfde bestanden).",
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
}
"""Labels: headers, sheet names, words of the reports."""


MESSAGES: dict[str, str] = {
    # where a problem is (model/core/errors.py)
    "where.row": ", rij {row}",
    "where.column": ", kolom '{column}'",
    "where.problem": "{where}: {message}",
    "word.or": " of ",
    # why a file could not be read or written
    "os.denied": "geen toestemming",
    "os.full": "de schijf is vol",
    "os.read_only": "het bestandssysteem is alleen-lezen",
    "os.not_dir": "een deel van het pad is geen map",
    "os.name_too_long": "de naam is te lang",
    "file.dangling_link": "is een symbolische koppeling die nergens heen leidt (of naar zichzelf)",
    "file.is_folder": "is een map, geen bestand",
    "file.not_regular": "is geen gewoon bestand",
    "file.not_found": "niet gevonden",
    "file.required_missing": "verplicht bestand ontbreekt",
    "file.unreadable": "kan niet worden gelezen: {error}",
    "file.unwritable": "kan niet worden geschreven: {error}",
    # reading an instance (model/io/reading.py)
    "read.not_an_instance": "verwacht een instantiemap of een .xlsx-werkmap",
    "read.because": "{why} ({what})",
    "read.forecast_for_indicative": "instelling 'forecast.{key}' ontbreekt: de indicatieve verdeling wordt berekend uit "
    "[forecast]",
    "convert.exists": "bestaat al: kies een andere naam, of --force",
    "convert.not_replaceable": "is geen werkmap en geen instantiemap: niet vervangen, ook niet met --force",
    "convert.is_source": "is de instantie die wordt omgezet: kies een andere naam",
    "read.wide_csv": "is opgeslagen als {encoding} (Excel: 'Unicode-tekst'): sla het op als 'CSV UTF-8'",
    "read.bad_encoding": "is geen UTF-8 en geen Windows-1252: sla het op als 'CSV UTF-8'",
    "read.windows_1252": "is geen UTF-8, gelezen als Windows-1252: controleer namen met accenten (sla het op als "
    "'CSV UTF-8' om zeker te zijn)",
    "read.open_quote": 'een aanhalingsteken (") opent een cel die nergens wordt gesloten: alles daarna zou één '
    "cel zijn; sluit het aanhalingsteken of haal het weg",
    "read.uncomputed": "de formule {formula} heeft geen berekende waarde (een programma schreef haar, Excel "
    "rekende haar nooit uit): open en bewaar de werkmap in Excel, of typ de waarde in",
    "read.sheet_missing": "blad '{part}' ontbreekt",
    "read.sheets_alike": "de bladen {sheets} worden allebei gelezen als blad '{part}': hernoem of verwijder er één",
    "read.bad_workbook": "kan niet als werkmap worden gelezen: {damage}",
    "read.bad_number_cell": "een getalcel bevat {value}, wat geen getal is",
    "read.empty": "is leeg: verwacht een kopregel met de kolomnamen",
    "read.wide_toml": "is opgeslagen als {encoding}: sla het op als UTF-8 (TOML is UTF-8)",
    "read.toml_not_utf8": "regel {line}: geen UTF-8 (misschien Latin-1 of Windows-1252): sla het op als UTF-8",
    "read.toml_decimal_comma": "regel {line}: TOML schrijft decimalen met een punt: schrijf {point}, niet {comma}",
    "read.bad_toml": "is geen geldige TOML (melding van de TOML-lezer: {error})",
    "read.settings_header": "verwacht de kolommen 'key' en 'value'",
    "read.no_key": "deze rij heeft geen 'key'",
    "read.key_twice": "instelling '{key}' staat ook op rij {row}",
    "read.malformed_key": "onjuiste instelling '{key}'",
    "read.key_conflict": "instelling '{key}' botst met instelling '{part}'",
    "read.key_conflict_below": "instelling '{key}' botst met de instellingen eronder",
    "read.no_header": "de eerste rij bevat geen bekende kolomnaam: verwacht een kopregel ({required}, ...)",
    "read.column_control": "kolom {position}: de naam bevat een stuurteken: {name}",
    "read.column_unnamed": "kolom {position} heeft waarden maar geen naam",
    "read.column_twice": "kolom staat er twee keer",
    "read.column_missing": "verplichte kolom ontbreekt{note}",
    "read.too_many_cells": "heeft meer cellen dan de kopregel kolommen heeft",
    "note.region_scope": ' (rules.exchange_scope is "region")',
    "note.tasks_all_or_none": " (de kolom is op andere rijen ingevuld: vul hem op elke rij in, of laat hem overal leeg "
    "om de opgaven uit [forecast] te berekenen)",
    "read.no_municipalities": "bevat geen gemeenten",
    "read.amv_without_reception": "amv_task is gegeven zonder reception_task: geef beide, of geen van beide om ze uit "
    "[forecast] te berekenen",
    "read.forecast_missing": "instelling 'forecast.{key}' ontbreekt: {file} geeft geen {key}_task, dus die wordt "
    "berekend uit [forecast]",
    "read.forecast_amv_too_large": "instelling 'forecast.amv' ({amv}) is groter dan het aantal opvangplekken waarvan het "
    "deel is ({pool})",
    "read.unknown_municipality": "onbekende gemeente '{code}': geen code in {file}",
    "read.go_together": "{columns} horen bij elkaar: {blank} is leeg; geef beide (decimale graden), of geen van "
    "beide om het meegeleverde middelpunt van de CBS-code te gebruiken",
    "read.required_not_allowed": "{a} en {b} moeten een afspraak maken (regel 'require'), maar {why}",
    "read.too_many_required": "{code} moet in {n} afspraken zitten (regel 'require', rijen {rows}), meer dan "
    "rules.max_deals_per_municipality ({limit}): haal rijen weg of verhoog de grens",
    "read.deal_with_itself": "een afspraak is tussen twee gemeenten, maar 'a' en 'b' zijn allebei '{code}': verbeter "
    "er één",
    "read.pair_twice": "het paar {a}, {b} staat ook op rij {row} (een paar staat er één keer in, in welke "
    "volgorde dan ook): haal een van de rijen weg",
    "deal.scope_none": "rules.exchange_scope is 'none', dus niemand ruilt uit: haal deze vastlegging weg, of "
    "zet de reikwijdte op 'province' of 'region'",
    "deal.other_province": "afspraken blijven binnen een provincie en {a} ligt in {pa}, {b} in {pb}: haal deze "
    "vastlegging weg",
    "deal.other_region": "onder rules.exchange_scope = 'region' blijven afspraken binnen een regio en {a} ligt "
    "in {ra}, {b} in {rb}: haal deze vastlegging weg, of zet de reikwijdte op 'province'",
    "deal.distance_unknown": "hun afstand is onbekend ({unknown}: geen bekend middelpunt) en "
    "rules.max_distance_km is {limit:n}: geef 'lat' en 'lon' in {file}, of haal deze "
    "vastlegging weg",
    "deal.too_far": "ze liggen {km} km uit elkaar, verder dan rules.max_distance_km ({limit:n}): haal deze "
    "vastlegging weg, of verhoog de grens",
    "read.duplicate": "dubbele {column} '{value}' (ook op rij {row})",
    "read.not_after": "{high} ({b:n}) moet na {low} ({a:n}) liggen",
    "read.exceeds": "{low} ({a:n}) mag niet groter zijn dan {high} ({b:n})",
    # what a cell or setting must hold
    "expect.text": "tekst",
    "expect.whole": "een geheel getal",
    "expect.number": "een getal",
    "expect.date": "een datum JJJJ-MM-DD of DD-MM-JJJJ",
    "expect.date_iso": "een datum JJJJ-MM-DD",
    "expect.date_range": "een datum van {low} tot en met {high}",
    "expect.table": "een tabel",
    "expect.list": "een lijst",
    "expect.true_false": "true of false",
    "expect.other": "een ander soort waarde",
    "expect.one_of": "een van {choices}",
    "expect.one_of_or_blank": "een van {choices} of een lege cel",
    "expect.iso_date_or_blank": "een datum JJJJ-MM-DD of een lege cel",
    "expect.number_or_blank": "een getal of een lege cel",
    "expect.between": "{what} > {low:n} en < {high:n}",
    "expect.range": "{what} van {low:n} tot en met {high:n}",
    "expect.at_least": "{what} >= {low:n}",
    "expect.ge": "minstens {ge:n}",
    "expect.gt": "meer dan {gt:n}",
    "expect.le": "hoogstens {le:n}",
    "expect.lt": "minder dan {lt:n}",
    "expect.finite": "een eindig getal",
    "expect.json_entry": "minstens één element",
    "expect.json_object": "een object {{...}}",
    "expect.json_list": "een lijst [...]",
    "cell.blank": "verwacht {expected}, maar de cel is leeg{note}",
    "cell.bad": "verwacht {expected}, maar er staat '{text}'",
    "cell.bad_grouped": "verwacht {expected}, maar er staat '{text}' (in een bestand met ';' groepeert een '.' "
    "duizendtallen: schrijf de decimalen na een komma)",
    "cell.control": "bevat een stuurteken, dat geen werkmap kan opslaan: {text}",
    # settings (instance.toml, the settings sheet, a scenario's [settings])
    "settings.problem": "instelling '{key}': {message}",
    "settings.unknown_like": "onbekende instelling (bedoelt u '{like}'?)",
    "settings.unknown": "onbekende instelling (zie docs/instance-format.md)",
    "settings.missing": "verplichte instelling ontbreekt",
    "settings.expected": "verwacht {expected}, maar er staat {got:n}",
    "settings.min_above_max": "min ({min}) mag niet groter zijn dan max ({max})",
    "settings.order_empty": "order moet minstens één doelstelling noemen",
    "settings.order_twice": "order noemt een doelstelling twee keer",
    "settings.control": "bevat een stuurteken: {text}",
    # warnings about legal but suspicious input
    "warn.not_counted": "locatie '{id}' telt niet mee: {reason}",
    "warn.never_opens": "locatie '{id}' kan nooit open: een nieuwe locatie ({kind}) heeft {min} tot {max} "
    "plekken nodig, deze staat {lo} tot {hi} toe",
    "warn.no_task": "{code} heeft een opvangopgave van 0",
    "warn.odd_ratio": "{code} heeft {ratio:.2f} plekken per 1000 inwoners, meer dan {limit:g} keer af van de "
    "mediaan {median:.2f}: controleer 'population' en 'reception_task'",
    "warn.forbid_across": "verbiedt een afspraak tussen {a} ({pa}) en {b} ({pb}), die nooit kan plaatsvinden: "
    "afspraken blijven binnen een provincie; de rij heeft geen effect",
    "warn.no_centroid": "geen bekend middelpunt voor {n} van {total} gemeenten ({listed}): onder "
    "rules.max_distance_km = {limit:n} kunnen ze geen afspraak maken; geef 'lat' en 'lon' "
    "(decimale graden) voor ze",
    # why a site does not count (sites.csv `reason`, model/core/instance.py REASONS)
    "reason.available_later": "beschikbaar vanaf {date}, na de peildatum {reference}",
    "reason.ends_too_soon": "beschikbaar tot {date}, minder dan {years} jaar na de peildatum {reference} (nodig: "
    "tot {needed} of later)",
    "reason.status_weight_zero": "de status {status} telt voor 0 (rules.status_weight)",
    "reason.available_later.short": "pas beschikbaar na de peildatum",
    "reason.ends_too_soon.short": "niet lang genoeg beschikbaar na de peildatum (rules.min_duration_years)",
    "reason.status_weight_zero.short": "de status telt voor 0 (rules.status_weight)",
    # scenarios and sweeps (model/whatif/scenario.py)
    "scenario.unreadable": "scenariobestand kan niet worden gelezen: {error}",
    "scenario.unknown_key": "onbekende sleutel '{key}' (verwacht {keys})",
    "scenario.bad_name": "'name': verwacht een niet-lege tekst zonder stuurtekens",
    "scenario.bad_description": "'description': verwacht een tekst zonder stuurtekens",
    "scenario.settings_table": "'settings' moet een tabel zijn: [settings]",
    "scenario.entries": "'{table}' moet als [[{table}]]-tabellen worden geschreven",
    "scenario.key_missing": "[[{table}]]: '{column}' ontbreekt of is geen tekst: die kolom noemt de rij",
    "scenario.pair_missing": "[[{table}]]: '{column}' ontbreekt of is geen tekst: een rij wordt genoemd door 'a' en 'b'",
    "scenario.remove_flag": "{label}: verwacht true of false",
    "scenario.remove_only.site": "{label}: remove = true haalt de locatie weg; geef geen andere kolommen",
    "scenario.remove_only.lock": "{label}: remove = true haalt de vastlegging weg; geef geen andere kolommen",
    "scenario.not_a_value": "{label}: verwacht één waarde (tekst, getal of datum), maar er staat {value}",
    "scenario.unknown_column": "{label}: onbekende kolom '{column}'{hint}",
    "scenario.did_you_mean": " (bedoelt u '{name}'?)",
    "scenario.unknown_code": "{label}: onbekende code, geen code in {file}{hint}",
    "scenario.nothing_to_remove.site": "{label}: onbekende id, geen id in {file}, dus niets weg te halen{hint}",
    "scenario.nothing_to_remove.lock": "{label}: geen paar in {file}, dus niets weg te halen{hint}",
    "scenario.incomplete.site": "{label}: geen id in {file}; een nieuwe locatie heeft elke verplichte kolom nodig, "
    "ontbreekt: {missing}{hint}",
    "scenario.incomplete.lock": "{label}: geen paar in {file}; een nieuwe vastlegging heeft elke verplichte kolom nodig, "
    "ontbreekt: {missing}{hint}",
    "scenario.entry_problem": "{label}: {message}",
    "scenario.with_changes": "met zijn wijzigingen: {problem}",
    "sweep.bad_set": "'{option}': verwacht SLEUTEL=WAARDE,WAARDE,... bijvoorbeeld weights.housing=0.5,1",
    "sweep.set_twice": "'{key}' staat er twee keer: geef al zijn waarden in één keer",
    # result folders: where they go (model/io/atomic.py) and reading them back (model/results/folder.py)
    "target.dangling_link": "is een symbolische koppeling naar niets; kies een andere map",
    "target.not_a_folder": "bestaat en is geen map; kies een andere map",
    "target.not_a_result": "is niet leeg en bevat geen eerder resultaat (geen {marker}); kies een andere map",
    "target.under_a_file": "kan niet worden gemaakt: {existing} is een bestand, geen map; kies een andere map",
    "target.unwritable": "kan niet worden geschreven ({folder}: {error}); kies een andere map",
    "target.locked": "een andere uitruil-berekening schrijft erin (slot {lock}); wacht tot die klaar is",
    "target.clash": "bevat {entry}, dat uitruil niet schreef en het nieuwe resultaat nodig heeft: zet het "
    "ergens anders neer en probeer het opnieuw",
    "result.not_csv": "is niet als CSV te lezen: {error}",
    "result.not_a_package": "is geen resultaatmap (geen summary.json) en geen vergelijkingsmap (compare.csv naast "
    "resultaatmappen); geef de map die solve of compare schreef",
    "result.not_a_result": "is geen resultaatmap (summary.json ontbreekt)",
    "result.blank_key": "een lege {column}",
    "result.unknown_code": "'{code}' is geen code in municipalities.csv",
    "result.file_missing": "ontbreekt in de resultaatmap",
    "result.not_utf8": "is geen UTF-8-tekst",
    "result.empty": "is leeg: verwacht de kopregel {header}",
    "result.column_missing": "kolom ontbreekt",
    "result.not_json": "is geen JSON: {error}",
    "result.field_control": "veld '{field}' bevat een stuurteken",
    "result.field": "veld '{field}'",
    "result.the_file": "het bestand",
    "result.field_missing": "{where} ontbreekt",
    "result.field_expected": "{where}: verwacht {expected}, maar er staat {got}",
    "fallback.other_instance": "is een resultaat voor andere gemeenten of andere opgaven dan deze instantie: geef de "
    "instantie (en de --scenario-bestanden) waarvoor het is opgelost",
    # solving (model/optimise/solve.py)
    "solve.locks_impossible": "{province}: de verplichte afspraken {pairs} kunnen niet allemaal worden gemaakt (met de "
    "andere regels is er geen uitruil tussen hen die in balans is); laat een vastlegging "
    "vallen of verander de regels",
    "solve.locks_not_allowed": "de verplichte afspraken {pairs} zijn volgens de regels niet toegestaan (reikwijdte, "
    "afstand)",
    "solve.progress": "doelstelling {stage}: {value:g} ({status}, {seconds:.2f} s; {total:.1f} s in totaal)",
    # the command line's own lines (solver_cli.py)
    "cli.error": "fout: {problem}",
    "cli.warning": "waarschuwing: {problem}",
    "cli.not_seconds": "{value} is geen aantal seconden",
    "cli.seconds_range": "verwacht seconden > 0 en hoogstens {most:n} (een week), maar er staat {value}",
    "cli.cores": "--{option} {value} is meer dan de {cores} kernen van deze computer: {cores} gebruikt",
    "cli.stages": "verwacht verschillende doelstellingen uit {stages}, maar er staat {value}",
    "cli.out_is_input": "is een bestand dat deze opdracht leest: schrijf de uitvoer ergens anders heen",
    "cli.no_solution": "fout: geen oplossing: {error}",
    "cli.result_written": "resultaat geschreven naar {target}",
    "explain.not_this_instance": "dit is geen pakket van deze instantie; geef de instantie (en --scenario-bestanden) "
    "waarmee het is opgelost",
    "explain.site_missing": "locatie '{site}' van de instantie ontbreekt: {why}",
    "explain.breaks_rule": "overtreedt een regel van het model: {why}",
    "explain.progress_reasons": "verklaring {province}: redenen van {n} gemeenten met een tekort",
    "explain.progress_dependence": "verklaring: afhankelijkheid {figures}",
    "explain.progress_closing": "verklaring {province}: wat het tekort van {n} gemeenten zou dichten",
    "cli.explanation_written": "verklaring geschreven naar {target}",
    "cli.check_scenarios": "is opgelost met de scenario's {solved}, niet met {given}: geef dezelfde "
    "--scenario-bestanden in dezelfde volgorde",
    "cli.violation": "overtreding: {line}",
    "cli.violations": "{n} overtreding(en)",
    "cli.check_ok": "in orde: elke regel geldt en elk getal klopt",
    "cli.indicative_written": "indicatieve verdeling geschreven naar {out}",
    "cli.converted": "{src} omgezet naar {dest}",
    "cli.report_written": "rapport geschreven naar {path}",
    "cli.solving_runs": "{n} berekeningen worden opgelost",
    "cli.runs_time": "{n} berekeningen in {elapsed:.1f} s; de berekeningen zelf duurden {in_runs:.1f} s",
    "cli.comparison_written": "vergelijking geschreven naar {target}",
    "cli.fallback_scenarios": "is opgelost met de scenario's {solved}: geef ze met --scenario",
    "cli.fallback_written": "verdeling zonder akkoord geschreven naar {out}",
    # validate's summary
    "validate.header": "{name}: peildatum {date}, opgaven {origin}",
    "validate.computed": "berekend uit [forecast]",
    "validate.given": "zoals gegeven",
    "validate.province": "{province}: gemeenten {n}, locaties {sites} ({counted} tellen mee, {not_counted} niet)",
    "validate.tasks": "  opgaven: regulier {regular}, amv {amv}, huisvesting statushouders {housing}, "
    "Oekraïense ontheemden {ukraine} (opvang {reception})",
    "validate.places": "  {label}: hard {firm}, zacht {soft}, met zacht {with_soft} ({firm_share} en "
    "{with_soft_share} van {task_label} {task})",
    "validate.counted_places": "getelde plekken",
    "validate.amv_places": "waarvan amv-plekken",
    "validate.reception": "opvang",
    "validate.amv": "amv",
    "validate.locked_none": "  vastgelegde afspraken: geen",
    "validate.locked": "  vastgelegde afspraken: {required} verplicht, {forbidden} verboden",
    "validate.no_centroid": "  geen bekend middelpunt: {unknown} van {n} gemeenten (hun afspraken hebben geen "
    "afstand; geef 'lat' en 'lon')",
    "validate.warnings": "{n} waarschuwing(en)",
    # check's violations (model/results/check.py)
    "check.blank": "leeg",
    "check.none": "geen",
    "check.it_counts": "de locatie telt mee",
    "check.deal": "afspraak {a} - {b}",
    "check.instance": "summary.json: 'instance': verwacht {expected}, gevonden {found}",
    "check.setting": "summary.json: '{path}': verwacht de geldende instelling van de instantie {expected}, "
    "gevonden {found}",
    "check.site_missing": "sites.csv: locatie {id} van de instantie ontbreekt",
    "check.site_unknown": "sites.csv rij {row}: locatie {id} staat niet in de instantie",
    "check.at_site": "sites.csv rij {row}, locatie {id}",
    "check.site_field": "{where}: '{column}': verwacht {expected} (de instantie), gevonden {found}",
    "check.counted": "{where}: 'counted': verwacht {expected}, gevonden {found} ({why})",
    "check.places_whole": "{where}: 'places': verwacht een geheel getal >= 0, gevonden {found}",
    "check.not_counted_open": "{where}: een locatie die niet meetelt blijft dicht: verwacht 0 plekken, gevonden "
    "{found} (open={open})",
    "check.committed_closed": "{where}: 'open': een vaste locatie (bestaand of besloten) is open: verwacht true, "
    "gevonden false",
    "check.places_range": "{where}: 'places': verwacht {lo} tot en met {hi}, gevonden {found}",
    "check.closed_places": "{where}: 'places': een gesloten locatie heeft 0 plekken, gevonden {found}",
    "check.over_preference": "{where}: 'over_preference': verwacht {expected} (plekken boven max_site_size van de "
    "gemeente), gevonden {found:n}",
    "check.at_transfer": "transfers.csv rij {row} ({giver} -> {taker}, {k})",
    "check.transfer_unknown": "{where}: gemeente {code} staat niet in de instantie",
    "check.amount": "{where}: 'amount': verwacht een geheel getal > 0, gevonden {found}",
    "check.not_transferable": "{where}: rules.transferable: {component} mag niet van gemeente wisselen",
    "check.weight_zero": "{where}: weights.{k} is 0: {component} telt niet mee en kan niet worden uitgeruild",
    "check.to_itself": "{where}: een gemeente draagt over aan zichzelf",
    "check.scope_none": "{where}: rules.exchange_scope is 'none': niemand ruilt uit",
    "check.scope_province": "{where}: reikwijdte van de uitruil: {a} ligt in {pa}, {b} in {pb}",
    "check.scope_region": "{where}: reikwijdte 'region': {a} ligt in {ra}, {b} in {rb}",
    "check.transfer_twice": "{where}: een tweede rij voor dezelfde overdracht",
    "check.no_relaying": "transfers.csv, {label}: no_relaying: draagt {n} eenheden {component} over, verwacht "
    "hoogstens de eigen opgave {task}",
    "check.no_pass_through": "transfers.csv, {label}: no_pass_through: neemt {taken} eenheden {component} over (van "
    "{givers}) en draagt {given} over (aan {takers}); verwacht dat een van beide 0 is",
    "check.declared_capacity": "transfers.csv, {label}: declared_capacity: na uitruil {component} verwacht hoogstens "
    "{limit} (opgave + {column}), gevonden {found}",
    "check.distance_unknown": "transfers.csv, {deal}: max_distance_km: verwacht een bekende afstand van hoogstens "
    "{limit:n} km, maar een van beide heeft geen middelpunt",
    "check.too_far": "transfers.csv, {deal}: max_distance_km: verwacht hoogstens {limit:n} km, gevonden {km} km",
    "check.require_missing": "transfers.csv, {deal}: require: de afspraak is vastgelegd, verwacht overdrachten tussen "
    "hen, gevonden geen",
    "check.forbid_made": "transfers.csv, {deal}: forbid: de afspraak is van tafel, verwacht geen overdrachten "
    "tussen hen, gevonden {units} eenheden",
    "check.max_deals": "transfers.csv, {label}: max_deals_per_municipality: verwacht hoogstens {most} "
    "afspraken, gevonden {found}",
    "check.value_balance": "transfers.csv, {label}: value_balance: neemt een waarde van {delta:n} op, verwacht "
    "hoogstens willing_extra + balance_tolerance = {allowed:n}",
    "check.deal_balance": "transfers.csv, {deal}: deal_balance: {label} levert {imbalance:n} meer waarde dan het "
    "terugkrijgt; boven de balanstolerantie {tolerance:n} is dat {part:n} vrijwillig, "
    "verwacht hoogstens zijn willing_extra {willing:n}",
    "check.part_with": "{part:n} met {other}",
    "check.willing_extra": "transfers.csv, {label}: willing_extra: doet vrijwillig {total:n} over zijn afspraken "
    "({deals}), verwacht hoogstens zijn willing_extra {willing:n}",
    "check.municipality_missing": "municipalities.csv: gemeente {label} van de instantie ontbreekt",
    "check.municipality_unknown": "municipalities.csv rij {row}: gemeente {code} staat niet in de instantie",
    "check.at_municipality": "municipalities.csv rij {row}, {label}",
    "check.field": "{where}: '{column}': verwacht {expected:n}, gevonden {found:n}",
    "check.km_blank": "{where}: 'km': verwacht leeg (afstand onbekend), gevonden {found:n}",
    "check.deal_order": "deals.csv rij {row}: 'a', 'b': verwacht de kleinste code in 'a', gevonden '{a}' in "
    "'a' en '{b}' in 'b'",
    "check.deal_twice": "deals.csv rij {row}: afspraak {a} - {b} staat er twee keer (ook rij {first})",
    "check.deal_without_transfers": "deals.csv rij {row}: afspraak {a} - {b}: transfers.csv heeft geen overdrachten tussen hen",
    "check.at_deal": "deals.csv rij {row}, {deal}",
    "check.deal_missing": "deals.csv: {deal} uit transfers.csv ontbreekt",
    "check.sentence_name": "{where}: 'description': verwacht de naam {name}, gevonden {found}",
    "check.sentence_decimals": "{where}: 'description': verwacht decimalen met {sign}, gevonden {found}",
    "check.sentence_numbers": "{where}: 'description': verwacht de getallen {expected}, gevonden {found} in {sentence}",
    "check.province_unknown": "summary.json: provinces.{province}: geen provincie van de instantie",
    "check.province_missing": "summary.json: provinces.{province}: de provincie van de instantie ontbreekt",
    "check.summary_field": "summary.json: {path}: verwacht {expected:n}, gevonden {found:n}",
    "check.order_twice": "summary.json: objective_order: noemt een doelstelling twee keer: {order}",
    "check.order_differs": "summary.json: objective_order: verwacht objective.order van de instantie {expected}, "
    "gevonden {found} (objective_source is 'settings')",
    "check.stage_missing": "summary.json: {path}: een doelstelling van objective_order ontbreekt",
    "check.stage_unknown": "summary.json: {path}: geen doelstelling van objective_order {order}",
    "check.objective_value": "summary.json: objectives.{name}: verwacht {expected:n} (herberekend uit de bestanden), "
    "gevonden {found:n}",
    "check.stage_value": "summary.json: stages.{name}.value: verwacht {expected:n} (objectives.{name}), gevonden "
    "{found:n}",
    "check.stage_gap": "summary.json: stages.{name}.gap: verwacht 0 voor een doelstelling die bewezen optimaal "
    "is, gevonden {found:n}",
    "check.status": "summary.json: status: verwacht '{expected}' ('optimal' alleen als elke doelstelling "
    "dat is), gevonden '{found}'",
    "check.solver_gap": "summary.json: solver.gap: verwacht {expected:n} (het grootste gat van een "
    "doelstelling), gevonden {found:n}",
}
"""Messages: errors, warnings, violations and the lines the CLI prints."""
