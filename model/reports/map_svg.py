"""The map of report.html: an inline SVG of the real municipal boundaries (model/reports/geo.py).

One province: a choropleth of coverage (counted places / obligation after exchange), the region
borders and the province outline, every deal as a line between the two municipalities whose width
is the units exchanged, and every municipality named (model/reports/labels.py places the names so that none
covers another). Several provinces (nl-2024): a national overview, each province coloured by its
provincial test, municipalities thin (hatched where places are unmet), the province borders thick,
the provinces named and the NATIONAL_NAMED municipalities with the most unmet places.

Municipalities whose code has no boundary (invented codes such as GM9001) are left off and listed
under the map. The credit line of the boundaries (CBS / PDOK, CC BY 4.0) is printed on the map.
"""

from __future__ import annotations

import html
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from model.lang import number, percent, text
from model.reports.geo import (
    Boundaries,
    Projection,
    borders,
    boundaries,
    centroids,
    fit,
    points_of,
    ring_points,
)
from model.reports.labels import Box, Label, Layout, Placement, place, text_width
from model.reports.presentation import municipality_frame, province_figures
from model.results.result import Result

MAP_WIDTH, MAX_HEIGHT, LEGEND_WIDTH, MARGIN = 1000.0, 1000.0, 340.0, 14.0
"""Map units (about a pixel on a wide screen): the map area, the legend column beside it."""
FONT = "DejaVu Sans, Verdana, Arial, sans-serif"
INK, NAVY, GREY = "#111111", "#1f3864", "#9aa3b2"
LINE_MIN, LINE_MAX = 1.2, 12.0
"""Width of a deal line: the largest deal is LINE_MAX wide (half that on the national overview,
where lines are many and short), widths proportional to units."""
NATIONAL_NAMED = 12
"""The national overview names the provinces and the municipalities with the most unmet places."""
COVERAGE_CLASSES = (
    (0.0, 0.5, "#b2182b"),
    (0.5, 0.9, "#ef8a62"),
    (0.9, 1.0, "#fddbc7"),
    (1.0, 1.1, "#d1e5f0"),
    (1.1, 1.5, "#67a9cf"),
    (1.5, float("inf"), "#2166ac"),
)
"""Coverage classes [low, high) and their colours: red where places are short, blue where covered."""
NO_TASK = "#e0e0e0"
TEST_COLOURS = {True: "#92c5de", False: "#f4a582"}
"""National overview: a province that meets its test, and one that does not."""
BORDER_STYLE = {
    "region": f'stroke="{NAVY}" stroke-width="2.2" stroke-dasharray="7 4"',
    "province": f'stroke="{INK}" stroke-width="2.6"',
    "outline": f'stroke="{INK}" stroke-width="3"',
}


@dataclass
class MapFigure:
    """The SVG and what could not be shown on it: municipalities without boundary, deals between
    them, labels that found no room (names)."""

    svg: str
    off_map: list[str] = field(default_factory=list)
    unnamed: list[str] = field(default_factory=list)


def esc(value: object) -> str:
    return html.escape(str(value))


def fmt(value: float) -> str:
    """A coordinate with one decimal, without a trailing .0."""
    return f"{value:.1f}".removesuffix(".0")


def path_data(shapes: Boundaries, code: str, project: Projection) -> str:
    """SVG path data of one municipality: every ring of every polygon."""
    rings = [
        ring_points(shapes.arcs, ring) for polygon in shapes.polygons[code] for ring in polygon
    ]
    return " ".join(points_d(project(points)) + "Z" for points in rings)


def points_d(points: np.ndarray) -> str:
    """M x y x y ... for projected points (the pairs after the first are drawn as lines)."""
    return "M" + " ".join(f"{fmt(x)} {fmt(y)}" for x, y in points) if len(points) > 1 else ""


def coverage_class(coverage: float) -> int | None:
    """The index of the coverage class, None without obligation (NaN)."""
    if pd.isna(coverage):
        return None
    return next(i for i, (low, high, _) in enumerate(COVERAGE_CLASSES) if low <= coverage < high)


def class_label(lang: str, i: int) -> str:
    low, high, _ = COVERAGE_CLASSES[i]
    if i == 0:
        return text(lang, "map.below", high=percent(lang, high))
    if high == float("inf"):
        return text(lang, "map.above", low=percent(lang, low))
    return text(lang, "map.between", low=percent(lang, low), high=percent(lang, high))


def deal_sizes(result: Result) -> pd.DataFrame:
    """Each deal (a, b) with the units exchanged between the pair, both directions, all components."""
    t = result.transfers
    pair = [tuple(sorted(p)) for p in zip(t["from"], t["to"], strict=True)]
    units = t.assign(pair=pair).groupby("pair")["amount"].sum()
    d = result.deals[["a", "b"]].copy()
    d["units"] = [units.get(tuple(sorted((a, b))), 0) for a, b in zip(d["a"], d["b"], strict=True)]
    return d


def line_width(units: float, most: float, national: bool) -> float:
    widest = LINE_MAX / 2 if national else LINE_MAX
    return max(LINE_MIN, widest * units / most) if most > 0 else LINE_MIN


def width_legend_values(most: float) -> list[float]:
    """The largest deal and up to two round unit counts well below it, for the line legend."""
    steps = [v for v in (5, 10, 25, 50, 100, 250, 500, 1000, 2500, 5000) if v <= 0.6 * most]
    return [*steps[-2:], most]


@dataclass
class Canvas:
    """The map being drawn: projection, anchors (centroids projected) and the SVG parts."""

    project: Projection
    anchors: dict[str, tuple[float, float]]
    width: float
    height: float
    national: bool

    @property
    def frame(self) -> Box:
        return Box(0, 0, self.width, self.height)


def anchors_of(codes: list[str], project: Projection) -> dict[str, tuple[float, float]]:
    c = centroids().reindex(codes).dropna()
    xy = project(c[["lon", "lat"]].to_numpy())
    return {code: (float(x), float(y)) for code, (x, y) in zip(c.index, xy, strict=True)}


def context_paths(shapes: Boundaries, shown: set[str], canvas: Canvas) -> str:
    """Neighbouring municipalities outside the result, grey, for orientation."""
    frame = canvas.frame
    parts = []
    for code in shapes.polygons:
        if code in shown:
            continue
        xy = canvas.project(points_of([code], shapes))
        box = Box(*xy.min(axis=0), *xy.max(axis=0))
        if box.overlaps(frame):
            parts.append(f'<path class="context" d="{path_data(shapes, code, canvas.project)}"/>')
    return f'<g fill="#f1f1f1" stroke="#c8c8c8" stroke-width="0.8">{"".join(parts)}</g>'


def border_paths(m: pd.DataFrame, shapes: Boundaries, canvas: Canvas) -> str:
    """The region borders, province borders and outline, each drawn once from the shared arcs."""
    kinds = borders(m, shapes)
    parts = []
    for kind in ("region", "province", "outline"):
        d = " ".join(points_d(canvas.project(line)) for line in kinds[kind])
        if d:
            parts.append(f'<path class="border-{kind}" fill="none" {BORDER_STYLE[kind]} d="{d}"/>')
    return "".join(parts)


def municipality_title(lang: str, r) -> str:
    return text(
        lang,
        "map.title",
        name=r.name,
        coverage=percent(lang, r.coverage) if pd.notna(r.coverage) else "–",
        places=number(lang, r.places),
        obligation=number(lang, r.reception_obligation),
    )


def deal_lines(
    deals: pd.DataFrame, names: pd.Series, canvas: Canvas, lang: str
) -> tuple[str, list]:
    """Every deal between two municipalities on the map as a line; returns the SVG and segments."""
    most = float(deals["units"].max()) if len(deals) else 0.0
    parts, segments = [], []
    for d in deals.sort_values("units", ascending=False).itertuples():
        if d.a not in canvas.anchors or d.b not in canvas.anchors:
            continue
        (x0, y0), (x1, y1) = canvas.anchors[d.a], canvas.anchors[d.b]
        title = text(lang, "map.deal_title", a=names[d.a], b=names[d.b], n=number(lang, d.units))
        parts.append(
            f'<line class="deal" data-a="{esc(d.a)}" data-b="{esc(d.b)}" data-units="{d.units}" '
            f'x1="{fmt(x0)}" y1="{fmt(y0)}" x2="{fmt(x1)}" y2="{fmt(y1)}" '
            f'stroke-width="{line_width(d.units, most, canvas.national):.2f}">'
            f"<title>{esc(title)}</title></line>"
        )
        segments.append(((x0, y0), (x1, y1)))
    opacity = 0.55 if canvas.national else 0.8
    group = (
        f'<g stroke="{NAVY}" stroke-opacity="{opacity}" stroke-linecap="round">{"".join(parts)}</g>'
    )
    return group, segments


@dataclass(frozen=True)
class LabelText:
    key: str
    text: str
    anchor: tuple[float, float]
    size: float
    bold: bool
    colour: str = INK

    def label(self) -> Label:
        return Label(
            self.key, self.anchor, text_width(self.text, self.size, self.bold), 1.25 * self.size
        )


def label_svg(spec: LabelText, placement: Placement) -> str:
    """The text (pinned to its measured width, so the browser draws it inside its box) and, when it
    sits away from its anchor, a leader line and a dot."""
    box, (ax, ay) = placement.box, spec.anchor
    parts = []
    if placement.leader:
        nx, ny = box.nearest(spec.anchor)
        parts.append(
            f'<line class="leader" x1="{fmt(ax)}" y1="{fmt(ay)}" x2="{fmt(nx)}" y2="{fmt(ny)}" '
            f'stroke="{INK}" stroke-width="1"/><circle cx="{fmt(ax)}" cy="{fmt(ay)}" r="2.5" fill="{INK}"/>'
        )
    weight = ' font-weight="bold"' if spec.bold else ""
    parts.append(
        f'<text class="label" data-key="{esc(spec.key)}" x="{box.x0:.1f}" y="{box.y0 + 0.99 * spec.size:.1f}" '
        f'font-size="{spec.size:g}"{weight} fill="{spec.colour}" textLength="{box.x1 - box.x0:.1f}" '
        f'lengthAdjust="spacingAndGlyphs">{esc(spec.text)}</text>'
    )
    return "".join(parts)


def labels_svg(specs: list[LabelText], canvas: Canvas, segments: list) -> tuple[str, list[str]]:
    """Place the labels (most important first) and draw them; returns the SVG and the dropped keys."""
    layout = Layout(
        canvas.frame,
        points=list(canvas.anchors.values()),
        segments=segments,
    )
    placed, dropped = place([s.label() for s in specs], layout)
    by_key = {s.key: s for s in specs}
    body = "".join(label_svg(by_key[p.key], p) for p in placed)
    return (
        f'<g font-family="{FONT}" paint-order="stroke" stroke="#ffffff" stroke-width="3" '
        f'stroke-linejoin="round">{body}</g>',
        dropped,
    )


class Legend:
    """The legend column to the right of the map, built top-down."""

    def __init__(self, lang: str, x: float):
        self.lang = lang
        self.x = x + 16
        self.y = MARGIN + 6
        self.parts: list[str] = []

    def heading(self, key: str, **values: object) -> None:
        self.y += 8
        self.parts.append(
            f'<text x="{fmt(self.x)}" y="{fmt(self.y + 14)}" font-size="15" font-weight="bold">'
            f"{esc(text(self.lang, key, **values))}</text>"
        )
        self.y += 24

    def row(self, symbol: str, label: str) -> None:
        """A symbol drawn in a 30 x 18 cell at (0, 0), then its label."""
        self.parts.append(
            f'<g transform="translate({fmt(self.x)} {fmt(self.y)})">{symbol}</g>'
            f'<text x="{fmt(self.x + 40)}" y="{fmt(self.y + 14)}" font-size="14">{esc(label)}</text>'
        )
        self.y += 24

    def swatch(self, fill: str, label: str) -> None:
        self.row(f'<rect width="30" height="18" fill="{fill}" stroke="{GREY}"/>', label)

    def line(self, style: str, label: str) -> None:
        self.row(f'<line x1="0" y1="9" x2="30" y2="9" {style}/>', label)

    def svg(self) -> str:
        return f'<g class="legend" font-family="{FONT}" fill="{INK}">{"".join(self.parts)}</g>'


HATCH = (
    '<pattern id="hatch-{key}" width="7" height="7" patternUnits="userSpaceOnUse" '
    'patternTransform="rotate(45)"><rect width="7" height="7" fill="{fill}"/>'
    '<line x1="0" y1="0" x2="0" y2="7" stroke="#7f0000" stroke-width="2.2"/></pattern>'
)


def province_fills(m: pd.DataFrame, result: Result) -> tuple[pd.Series, str]:
    """National overview: each municipality in its province's test colour, hatched if unmet > 0."""
    met = {p: f["met"] for p, f in province_figures(result).items()}
    defs = "".join(HATCH.format(key=str(ok).lower(), fill=TEST_COLOURS[ok]) for ok in (True, False))
    fills = [
        f"url(#hatch-{str(met[p]).lower()})" if unmet > 0 else TEST_COLOURS[met[p]]
        for p, unmet in zip(m["province"], m["unmet"], strict=True)
    ]
    return pd.Series(fills, index=m.index), f"<defs>{defs}</defs>"


def coverage_fills(m: pd.DataFrame) -> pd.Series:
    classes = m["coverage"].map(coverage_class)
    return classes.map(
        lambda i: NO_TASK if i is None or pd.isna(i) else COVERAGE_CLASSES[int(i)][2]
    )


def province_labels(m: pd.DataFrame, result: Result, canvas: Canvas, lang: str) -> list[LabelText]:
    """National overview: each province named at the mean of its municipalities' anchors,
    with its shortfall when it does not meet its test."""
    figures = province_figures(result)
    out = []
    for province, rows in m.groupby("province", sort=True):
        points = [canvas.anchors[c] for c in rows["code"] if c in canvas.anchors]
        if not points:
            continue
        f = figures[province]
        short = f["short_rec"] + f["short_amv"]
        words = (
            text(lang, "map.province_short", province=province, n=number(lang, short))
            if short
            else province
        )
        anchor = (float(np.mean([p[0] for p in points])), float(np.mean([p[1] for p in points])))
        out.append(LabelText(f"province:{province}", words, anchor, 17, True))
    return out


def municipality_labels(
    m: pd.DataFrame, canvas: Canvas, lang: str, only_unmet: bool
) -> list[LabelText]:
    """A label per municipality on the map (or only those with unmet places): the name, and the
    places unmet in brackets (bold). Most unmet first, then the largest obligation."""
    rows = m[m["code"].isin(list(canvas.anchors))]
    if only_unmet:
        rows = rows[rows["unmet"] > 0].nlargest(NATIONAL_NAMED, "unmet")
    rows = rows.sort_values(["unmet", "reception_obligation"], ascending=False)
    size = 12 if only_unmet else 15
    return [
        LabelText(
            r.code,
            text(lang, "map.unmet_label", name=r.name, n=number(lang, r.unmet))
            if r.unmet > 0
            else r.name,
            canvas.anchors[r.code],
            size,
            r.unmet > 0,
            "#7f0000" if r.unmet > 0 else INK,
        )
        for r in rows.itertuples()
    ]


def map_svg(result: Result, lang: str) -> MapFigure | None:
    """The map of a result, or None when no municipality has a known boundary."""
    shapes = boundaries()
    m = municipality_frame(result)
    here = m[m["code"].isin(list(shapes.polygons))].reset_index(drop=True)
    if here.empty:
        return None
    national = here["province"].nunique() > 1
    codes = list(here["code"])
    project = fit(points_of(codes, shapes), MAP_WIDTH, MAX_HEIGHT, MARGIN)
    width, height = project(points_of(codes, shapes)).max(axis=0) + MARGIN
    canvas = Canvas(project, anchors_of(codes, project), float(width), float(height), national)
    names = m.set_index("code")["name"]
    defs = ""
    if national:
        fills, defs = province_fills(here, result)
    else:
        fills = coverage_fills(here)
    polygons = "".join(
        f'<path class="municipality" data-code="{esc(r.code)}" fill="{fill}" '
        f'd="{path_data(shapes, r.code, project)}"><title>{esc(municipality_title(lang, r))}</title></path>'
        for r, fill in zip(here.itertuples(), fills, strict=True)
    )
    deals = deal_sizes(result)
    lines, segments = deal_lines(deals, names, canvas, lang)
    specs = (
        province_labels(here, result, canvas, lang) + municipality_labels(here, canvas, lang, True)
        if national
        else municipality_labels(here, canvas, lang, False)
    )
    labels, dropped = labels_svg(specs, canvas, segments)
    legend = legend_svg(here, deals, lang, national, canvas.width)
    total_height = max(height, legend.y + MARGIN) + 34
    total_width = canvas.width + LEGEND_WIDTH
    credit = (
        f'<text class="credit" x="{fmt(MARGIN)}" y="{fmt(total_height - 10)}" font-family="{FONT}" '
        f'font-size="13" fill="#444">{esc(text(lang, "map.credit"))}</text>'
    )
    svg = (
        f'<svg class="map" viewBox="0 0 {fmt(total_width)} {fmt(total_height)}" '
        f'role="img" aria-label="{esc(text(lang, "map.alt"))}">{defs}'
        f'<rect width="{fmt(total_width)}" height="{fmt(total_height)}" fill="#ffffff"/>'
        f'<svg width="{fmt(canvas.width)}" height="{fmt(height)}" overflow="hidden">'
        f"{'' if national else context_paths(shapes, set(codes), canvas)}"
        f'<g stroke="#ffffff" stroke-width="{0.6 if national else 1.2}">{polygons}</g>'
        f"{border_paths(here, shapes, canvas)}{lines}{labels}</svg>"
        f"{legend.svg()}{credit}</svg>"
    )
    spec_text = {s.key: s.text for s in specs}
    return MapFigure(
        svg,
        off_map=list(m.loc[~m["code"].isin(codes), "name"]),
        unnamed=[spec_text[k] for k in dropped],
    )


def legend_svg(m: pd.DataFrame, deals: pd.DataFrame, lang: str, national: bool, x: float) -> Legend:
    """Colours (coverage classes, or the provincial test), deal widths, borders; left edge at x."""
    legend = Legend(lang, x)
    if national:
        legend.heading("map.legend_test")
        legend.swatch(TEST_COLOURS[True], text(lang, "map.test_ok"))
        legend.swatch(TEST_COLOURS[False], text(lang, "map.test_short"))
        legend.swatch("url(#hatch-true)", text(lang, "map.unmet_hatch"))
    else:
        legend.heading("map.legend_coverage")
        classes = m["coverage"].map(coverage_class)
        for i, (_, _, colour) in enumerate(COVERAGE_CLASSES):
            n = int((classes == i).sum())
            legend.swatch(colour, text(lang, "map.class_count", label=class_label(lang, i), n=n))
        if classes.isna().any():
            legend.swatch(
                NO_TASK,
                text(
                    lang,
                    "map.class_count",
                    label=text(lang, "map.no_task"),
                    n=int(classes.isna().sum()),
                ),
            )
    if len(deals):
        most = float(deals["units"].max())
        legend.heading("map.legend_deals", n=len(deals))
        for v in width_legend_values(most):
            style = f'stroke="{NAVY}" stroke-width="{line_width(v, most, national):.2f}"'
            legend.line(style, text(lang, "map.units", n=number(lang, v)))
    legend.heading("map.legend_borders")
    if national:
        legend.line(BORDER_STYLE["province"], text(lang, "map.province_border"))
    else:
        legend.line(BORDER_STYLE["outline"], text(lang, "map.outline"))
        if m["region"].astype(str).str.len().gt(0).any():
            legend.line(BORDER_STYLE["region"], text(lang, "map.region_border"))
    return legend
