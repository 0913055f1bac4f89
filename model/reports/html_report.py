"""report.html: one self-contained page for the projector in the bestuurlijk overleg.

CSS inline, pictures as base64 data URIs, no scripts and no external requests (the page's
Content-Security-Policy forbids them, so it works offline); every text is escaped with html.escape.
"""

from __future__ import annotations

import base64
import html
from collections.abc import Sequence
from functools import partial
from numbers import Number
from pathlib import Path

import numpy as np
import pandas as pd

from model.io.atomic import write_atomic
from model.lang import Percent, chance, number, percent, text
from model.reports.charts import CHART_LIMIT, task_chart_png
from model.reports.map_svg import NATIONAL_NAMED, map_svg
from model.reports.presentation import (
    ARROW,
    Package,
    balance_frame,
    changed_cells,
    comparison_frame,
    comparison_note,
    cost_frame,
    cost_note,
    deal_sentences,
    delta_words,
    imposed_frame,
    labelled,
    municipality_frame,
    new_site_frame,
    province_figures,
    run_frame,
    scenario_changes,
    setting_frame,
    stage_frame,
    status_frame,
    status_line,
)
from model.results.diagnosis_words import Words, explained, why_short_frame, why_short_note
from model.results.explanation import data_line, firmness_assumption, firmness_line, verdict
from model.results.result import Result

CSP = "default-src 'none'; img-src data:; style-src 'unsafe-inline'"

CSS = """
:root { --ink: #111; --navy: #1f3864; --green: #1a7f37; --red: #b71c1c; --line: #8a94a6; }
* { box-sizing: border-box; }
body { margin: 0; font-family: "Segoe UI", Arial, Helvetica, sans-serif; font-size: 22px;
       line-height: 1.4; color: var(--ink); background: #fff; }
header { background: var(--navy); color: #fff; padding: 24px 40px; }
header h1 { margin: 0 0 6px; font-size: 40px; }
header p { margin: 0; font-size: 20px; }
header .data { font-weight: 700; margin: 4px 0 8px; }
main { max-width: 1500px; margin: 0 auto; padding: 10px 40px 40px; }
h2 { font-size: 32px; color: var(--navy); border-bottom: 4px solid var(--navy);
     padding-bottom: 4px; margin: 40px 0 16px; }
h3 { font-size: 26px; margin: 24px 0 10px; }
h4 { font-size: 22px; margin: 18px 0 8px; }
.verdict { font-size: 30px; font-weight: 700; padding: 14px 22px; border-radius: 8px; color: #fff; }
.verdict.ok { background: var(--green); }
.verdict.short { background: var(--red); }
.tiles { display: grid; grid-template-columns: repeat(auto-fit, minmax(210px, 1fr)); gap: 16px;
         margin: 16px 0; }
.tile { border: 3px solid var(--navy); border-radius: 8px; padding: 12px 16px; }
.tile .label { font-size: 20px; font-weight: 600; }
.tile .value { font-size: 46px; font-weight: 800; font-variant-numeric: tabular-nums; }
.tile .note { font-size: 18px; }
.tile.bad { border-color: var(--red); color: var(--red); }
.tile.money .value { font-size: 34px; white-space: nowrap; line-height: 1.9; }
figure { margin: 0; }
figure img { width: 100%; max-width: 1100px; height: auto; border: 1px solid var(--line); }
figure.map svg { display: block; width: 100%; height: auto; max-height: 94vh; border: 1px solid var(--line); }
svg.map path.municipality:hover { stroke: #111; stroke-width: 2.5; }
figcaption { font-size: 18px; margin-top: 6px; }
table { border-collapse: collapse; margin: 8px 0 20px; font-size: 20px; }
th { background: var(--navy); color: #fff; text-align: left; padding: 8px 12px; }
td { padding: 6px 12px; border-bottom: 1px solid var(--line); vertical-align: top; }
tbody tr:nth-child(even) { background: #eef1f6; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
tr.unmet td { background: #fde0e0; color: var(--red); font-weight: 700; }
td.changed { font-weight: 800; background: #fff3c4; }
ol.deals li { margin-bottom: 10px; }
.note { font-style: italic; }
@media print { body { font-size: 12pt; } header { padding: 8pt; } main { padding: 0 8pt; } }
"""


def esc(value: object) -> str:
    """Text for HTML, escaped."""
    return html.escape(str(value))


def is_number(value: object) -> bool:
    """Numbers, but not True and False."""
    return isinstance(value, Number) and not isinstance(value, bool)


def shown(value: object, lang: str) -> str:
    """A cell's text: percentages and numbers as `lang` writes them, blank for none."""
    if isinstance(value, Percent):
        return percent(lang, value)
    if is_number(value):
        return number(lang, value)
    return "" if pd.isna(value) else str(value)


def cell(value: object, lang: str, classes: list[str]) -> str:
    """One table cell: numbers formatted for `lang`, text escaped."""
    attribute = f' class="{" ".join(classes)}"' if classes else ""
    return f"<td{attribute}>{esc(shown(value, lang))}</td>"


def table_html(
    frame: pd.DataFrame,
    lang: str,
    marked: Sequence[bool] | None = None,
    marked_cells: np.ndarray | None = None,
) -> str:
    """A table; rows where `marked` is true are highlighted as unmet, cells in `marked_cells` bold.

    Columns of numbers are right-aligned.
    """
    numeric = [
        len(frame) > 0
        and frame[c].map(lambda v: is_number(v) or v is None or pd.isna(v)).all()
        and frame[c].map(is_number).any()
        for c in frame.columns
    ]
    head = "".join(
        f"<th{' class=num' if n else ''}>{esc(c)}</th>"
        for c, n in zip(frame.columns, numeric, strict=True)
    )
    marks = marked if marked is not None else [False] * len(frame)
    cells = marked_cells if marked_cells is not None else np.zeros(frame.shape, dtype=bool)
    rows = "".join(
        f"<tr{' class=unmet' if mark else ''}>"
        + "".join(
            cell(v, lang, [k for k, on in (("num", n), ("changed", c)) if on])
            for v, n, c in zip(row, numeric, changed, strict=True)
        )
        + "</tr>"
        for row, mark, changed in zip(frame.itertuples(index=False), marks, cells, strict=True)
    )
    return f"<table><thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table>"


def image_html(data: bytes | None, alt: str, caption: str, missing: str = "") -> str:
    """A PNG as a data URI in a figure with caption, or the sentence `missing`."""
    if data is None:
        return f'<p class="note">{esc(missing)}</p>'
    uri = "data:image/png;base64," + base64.b64encode(data).decode("ascii")
    return f'<figure><img src="{uri}" alt="{esc(alt)}"><figcaption>{esc(caption)}</figcaption></figure>'


def section(key: str, title: str, body: str) -> str:
    """A part of the page with its heading."""
    return f'<section id="{key}"><h2>{esc(title)}</h2>{body}</section>'


def tile(label: str, value: str, note: str = "", bad: bool = False, kind: str = "") -> str:
    """One big number with its label (and a small note); `kind` adds a class (money)."""
    klass = " ".join(["tile", *(["bad"] if bad else []), *([kind] if kind else [])])
    small = f'<div class="note">{esc(note)}</div>' if note else ""
    return (
        f'<div class="{klass}"><div class="label">{esc(label)}</div>'
        f'<div class="value">{esc(value)}</div>{small}</div>'
    )


def province_tiles(f: dict, lang: str) -> str:
    """The big numbers of one province's test, and the cost of its places."""
    n = partial(number, lang)
    short = f["short_rec"] + f["short_amv"]
    share = round(100 * f["firm_places"] / f["reception_task"]) if f["reception_task"] else 0
    specs = [
        ("tile.task", f["reception_task"], text(lang, "tile.amv", n=n(f["amv_task"])), False),
        ("tile.places", f["places"], text(lang, "tile.amv", n=n(f["amv_places"])), False),
        ("tile.firm", f["firm_places"], text(lang, "tile.share", pct=n(share)), False),
        ("tile.soft", f["soft_places"], text(lang, "tile.soft_note"), False),
        ("tile.short", short, text(lang, "tile.short_note"), short > 0),
        ("tile.unmet", f["unmet"], text(lang, "tile.unmet_note"), f["unmet"] > 0),
    ]
    tiles = "".join(tile(text(lang, key), n(value), note, bad) for key, value, note, bad in specs)
    return f'<div class="tiles">{tiles}{chance_tile(f, lang)}{cost_tile(f, lang)}</div>'


def chance_tile(f: dict, lang: str) -> str:
    """The chance that the province passes its test if soft sites may fall through (red when it
    is below one half); nothing for a result that does not say."""
    if f["pass_chance"] is None or pd.isna(f["pass_chance"]):
        return ""
    note = text(lang, "tile.chance_note", x=number(lang, f["expected_shortfall"]))
    return tile(
        text(lang, "tile.chance"), chance(lang, f["pass_chance"]), note, f["pass_chance"] < 0.5
    )


def millions(lang: str, euro: float | None) -> str:
    """An amount in euro as millions with one decimal ("€ 253,4 mln"); "–" when unknown."""
    if euro is None or pd.isna(euro):
        return "–"
    return text(lang, "tile.millions", n=number(lang, round(euro / 1e6, 1)))


def cost_tile(f: dict, lang: str) -> str:
    """The cost per year of the province's places, firm and soft, and how many have no cost."""
    if f["places_without_cost"]:
        note = text(lang, "tile.cost_unknown", n=number(lang, f["places_without_cost"]))
    else:
        note = text(
            lang,
            "tile.cost_note",
            firm=millions(lang, f["cost_firm"]),
            soft=millions(lang, f["cost_soft"]),
        )
    return tile(text(lang, "tile.cost"), millions(lang, f["cost"]), note, kind="money")


def test_html(result: Result, lang: str) -> str:
    """The provincial test at a glance: a verdict and the key numbers per province."""
    parts = []
    for province, f in province_figures(result).items():
        said = verdict(result, province, lang)
        parts += [
            f"<h3>{esc(province)}</h3>",
            f'<div class="verdict {"ok" if f["met"] else "short"}">{esc(said)}</div>',
            province_tiles(f, lang),
        ]
    return "".join(parts)


def comparison_html(package: Package, lang: str) -> str:
    """Baseline and scenarios side by side (compare.csv, columns titled with the scenarios' names;
    what differs from the baseline in bold), who gets the imposed places without agreement, and
    per scenario the municipalities whose figures change."""
    frame = comparison_frame(package, lang)
    if frame is None:
        return ""
    parts = [
        table_html(frame, lang, marked_cells=changed_cells(frame).to_numpy()),
        f'<p class="note">{esc(comparison_note(package, lang))}</p>',
        f"<h3>{esc(text(lang, 'report.imposed'))}</h3>",
    ]
    imposed = imposed_frame(package.runs, lang)
    if len(imposed):
        parts += [f"<p>{esc(text(lang, 'report.imposed_note'))}</p>", table_html(imposed, lang)]
    else:
        parts.append(f"<p>{esc(text(lang, 'compare.nothing_imposed'))}</p>")
    parts.append(f"<h3>{esc(text(lang, 'report.changes'))}</h3>")
    changes = scenario_changes(package)
    for run in package.runs[1:]:
        rows = changes[changes["run"] == run.stem]
        parts.append(f"<h4>{esc(run.title)}</h4>")
        words = delta_words(rows, lang)
        changed = words.map(lambda v: ARROW in str(v)).to_numpy()
        parts.append(
            table_html(words, lang, marked_cells=changed)
            if len(rows)
            else f"<p>{esc(text(lang, 'compare.no_changes'))}</p>"
        )
    return section("comparison", text(lang, "report.comparison"), "".join(parts))


def map_html(result: Result, lang: str) -> str:
    """The map as inline SVG with its caption and credit, and what it could not show."""
    figure = map_svg(result, lang)
    if figure is None:
        return f'<p class="note">{esc(text(lang, "map.none"))}</p>'
    national = len(result.summary["provinces"]) > 1
    caption = (
        text(lang, "map.caption_national", n=NATIONAL_NAMED)
        if national
        else text(lang, "map.caption_province")
    )
    notes = [
        text(lang, key, names=", ".join(names))
        for key, names in (("map.off_map", figure.off_map), ("map.unnamed", figure.unnamed))
        if names
    ]
    extra = "".join(f'<p class="note">{esc(note)}</p>' for note in notes)
    return (
        f'<figure class="map">{figure.svg}<figcaption>{esc(caption)} '
        f"{esc(text(lang, 'map.credit'))}</figcaption></figure>{extra}"
    )


def pictures_html(m: pd.DataFrame, lang: str) -> str:
    """The chart of task against places per municipality."""
    chart, cut = task_chart_png(m, lang)
    caption = text(lang, "chart.task_caption")
    if cut:
        caption += " " + text(lang, "chart.cut", n=CHART_LIMIT)
    return image_html(chart, text(lang, "chart.task_alt"), caption)


def costs_html(result: Result, lang: str) -> str:
    """The cost of the package per province and per municipality, firm and soft apart."""
    m = municipality_frame(result)
    columns = ["name", "places", "firm_places", "soft_places", "cost_firm", "cost_soft", "cost"]
    if m["places_without_cost"].sum() > 0:
        columns.append("places_without_cost")
    return "".join(
        [
            f'<p class="note">{esc(cost_note(result, lang))}</p>',
            table_html(cost_frame(result, lang), lang),
            f"<h3>{esc(text(lang, 'report.municipalities'))}</h3>",
            table_html(labelled(m, columns, lang), lang),
        ]
    )


def deals_html(result: Result, lang: str) -> str:
    """Each deal in sentences, both directions."""
    deals = deal_sentences(result, lang)
    if deals.empty:
        return f"<p>{esc(text(lang, 'report.no_deals'))}</p>"
    sentences = deals.iloc[:, -1]  # columns: a, b, the deal in sentences
    items = "".join(f"<li>{esc(sentence)}</li>" for sentence in sentences)
    return f'<ol class="deals">{items}</ol>'


def why_short_html(result: Result, lang: str) -> str:
    """Why each short municipality is short and what would close it; how much rests on each
    component; or a note that says why there is nothing to list ("" when nothing at all)."""
    note = why_short_note(result, lang)
    if note is None and not explained(result):
        return ""
    parts = [f'<p class="note">{esc(note)}</p>'] if note else []
    frame = why_short_frame(result, lang)
    if len(frame):
        parts.append(table_html(frame, lang))
    dependence = Words(result, lang).dependence()
    if dependence:
        items = "".join(f"<li>{esc(line)}</li>" for line in dependence)
        parts.append(f"<h3>{esc(text(lang, 'dependence.title'))}</h3><ul>{items}</ul>")
    return section("why", text(lang, "report.why_short"), "".join(parts))


PLAN_COLUMNS = [
    "name",
    "region",
    "reception_task",
    "reception_obligation",
    "firm_places",
    "soft_places",
    "unmet",
    "value_change",
]


def balance_html(result: Result, lang: str) -> str:
    """The compact balance sheet: who hands over what to whom, per municipality in a deal or
    short (unmet highlighted)."""
    frame = balance_frame(result, lang, compact=True)
    if frame.empty:
        return f"<p>{esc(text(lang, 'report.no_deals'))}</p>"
    unmet = frame[text(lang, "col.unmet")] > 0
    return f"<p>{esc(text(lang, 'report.balance_note'))}</p>" + table_html(frame, lang, list(unmet))


def firmness_html(result: Result, lang: str) -> str:
    """How firm the package is: the chance per province, and what it assumes."""
    s = result.summary
    lines = [line for province in s["provinces"] if (line := firmness_line(s, province, lang))]
    if not lines:
        return ""
    said = "".join(f"<p>{esc(line)}</p>" for line in lines)
    return said + f'<p class="note">{esc(firmness_assumption(s, lang))}</p>'


def plans_html(result: Result, lang: str) -> str:
    """Firm versus soft plans: how firm, by status, per municipality (unmet highlighted), new
    sites."""
    m = municipality_frame(result)
    new_sites = new_site_frame(result, lang)
    return "".join(
        [
            firmness_html(result, lang),
            table_html(status_frame(result, lang), lang),
            f"<h3>{esc(text(lang, 'report.municipalities'))}</h3>",
            table_html(labelled(m, PLAN_COLUMNS, lang), lang, list(m["unmet"] > 0)),
            f"<h3>{esc(text(lang, 'report.sites'))}</h3>",
            table_html(new_sites, lang)
            if len(new_sites)
            else f"<p>{esc(text(lang, 'report.no_sites'))}</p>",
        ]
    )


def settings_html(result: Result, lang: str) -> str:
    """The stages, the settings and the computation that produced the result."""
    parts = [
        ("report.stages", stage_frame(result, lang)),
        ("report.settings", setting_frame(result, lang)),
        ("report.run", run_frame(result, lang)),
    ]
    return "".join(
        f"<h3>{esc(text(lang, key))}</h3>{table_html(frame, lang)}" for key, frame in parts
    )


def data_html(summary: dict, lang: str) -> str:
    """Real or illustrative, and the source, first on the page (the notes per column are with the
    settings, at the end)."""
    return f'<p class="data">{esc(data_line(summary, lang))}</p>'


def render(package: Package, lang: str) -> str:
    """The whole page for a package, in `lang`."""
    result = package.result
    title = text(lang, "report.title", name=result.summary["instance"])
    sections = [
        section("test", text(lang, "report.test"), test_html(result, lang)),
        comparison_html(package, lang),
        section("map", text(lang, "report.map"), map_html(result, lang)),
        section(
            "pictures",
            text(lang, "report.pictures"),
            pictures_html(municipality_frame(result), lang),
        ),
        section("deals", text(lang, "report.deals"), deals_html(result, lang)),
        section("balance", text(lang, "report.balance"), balance_html(result, lang)),
        why_short_html(result, lang),
        section("plans", text(lang, "report.firm_soft"), plans_html(result, lang)),
        section("costs", text(lang, "report.costs"), costs_html(result, lang)),
        section("settings", text(lang, "report.settings_title"), settings_html(result, lang)),
    ]
    return (
        f'<!DOCTYPE html>\n<html lang="{esc(lang)}"><head><meta charset="utf-8">'
        f'<meta http-equiv="Content-Security-Policy" content="{CSP}">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        '<link rel="icon" href="data:,">'
        f"<title>{esc(title)}</title><style>{CSS}</style></head><body>"
        f"<header><h1>{esc(title)}</h1>{data_html(result.summary, lang)}"
        f"<p>{esc(status_line(result, lang))}</p></header>"
        f"<main>{''.join(sections)}</main></body></html>\n"
    )


def write_html(package: Package, path: Path, lang: str) -> Path:
    """Write report.html atomically (a temporary file, then one rename)."""
    page = render(package, lang)
    return write_atomic(path, lambda tmp: tmp.write_text(page, encoding="utf-8"))
