"""Pictures for report.html, drawn with matplotlib's Agg backend into PNG bytes (no pyplot, no display).

The map puts each municipality at its centroid (model/data/municipality_centroids.csv, CBS codes);
municipalities whose code is not in that file are left off the map.
"""

from __future__ import annotations

import io
import math
from functools import cache
from importlib import resources

import numpy as np
import pandas as pd
from matplotlib import rc_context
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.ticker import FuncFormatter
from matplotlib.transforms import Bbox

from model.lang import text
from model.presentation import number

FIRM, SOFT, MET, UNMET, INK = "#1f3864", "#8fb3e0", "#1a7f37", "#c62828", "#111111"
TICK = "#f28e00"
STYLE = {"font.size": 15, "axes.edgecolor": INK, "text.color": INK, "axes.labelcolor": INK}
CHART_LIMIT = 40
"""The task chart shows at most this many municipalities (those with the largest obligation)."""
LABEL_LIMIT = 60
"""Above this many municipalities on the map, only those with unmet places are named."""
MAX_AREA = 1800.0
"""Circle area (points squared) of the municipality with the most places."""


@cache
def centroids() -> pd.DataFrame:
    """lat, lon by municipality code (package data)."""
    source = resources.files("model").joinpath("data/municipality_centroids.csv")
    with source.open(encoding="utf-8") as f:
        return pd.read_csv(f, dtype={"code": str}).set_index("code")[["lat", "lon"]]


def figure(width: float, height: float) -> Figure:
    """A figure (inches) drawn by the Agg backend."""
    fig = Figure(figsize=(width, height), dpi=100)
    FigureCanvasAgg(fig)
    return fig


def png(fig: Figure) -> bytes:
    """The figure as PNG bytes, cropped to what is drawn."""
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", bbox_inches="tight", facecolor="white")
    return buffer.getvalue()


def literal(name: str) -> str:
    """A name as matplotlib should print it: a dollar sign is not the start of a formula."""
    return name.replace("$", r"\$")


def area(places: pd.Series | float, most: float) -> pd.Series | float:
    """Circle area in points squared, proportional to places."""
    return 30 + places * (MAX_AREA / max(most, 1.0))


def size_legend_values(most: float) -> list[int]:
    """Two or three round numbers of places below the largest, for the size legend."""
    steps = [v for v in (50, 100, 250, 500, 1000, 2500, 5000) if v <= most]
    return steps[-3:] or [max(1, round(most))]


PLACES = {
    "below": ((0, -1), "center", "top"),
    "above": ((0, 1), "center", "bottom"),
    "right": ((1, 0), "left", "center"),
    "left": ((-1, 0), "right", "center"),
}
"""Where a label may go around its circle: direction of the offset and the text alignment."""


def circle_boxes(ax, here: pd.DataFrame, sizes: pd.Series) -> list[Bbox]:
    """The circles' boxes in pixels, as obstacles for the labels."""
    centres = ax.transData.transform(here[["lon", "lat"]].to_numpy())
    radii = np.sqrt(sizes.to_numpy()) / 2 * ax.figure.dpi / 72
    return [
        Bbox.from_bounds(x - r, y - r, 2 * r, 2 * r)
        for (x, y), r in zip(centres, radii, strict=True)
    ]


def place_label(note, offset: float, obstacles: list[Bbox], renderer) -> Bbox:
    """Put `note` on the side of its circle where it covers the fewest labels and circles."""
    best = None
    for (dx, dy), ha, va in PLACES.values():
        note.set_position((dx * offset, dy * offset))
        note.set_horizontalalignment(ha)
        note.set_verticalalignment(va)
        box = note.get_window_extent(renderer)
        hits = sum(box.overlaps(other) for other in obstacles)
        if best is None or hits < best[0]:
            best = (hits, (dx * offset, dy * offset), ha, va, box)
        if hits == 0:
            break
    _, position, ha, va, box = best
    note.set_position(position)
    note.set_horizontalalignment(ha)
    note.set_verticalalignment(va)
    return box


def label_circles(ax, here: pd.DataFrame, sizes: pd.Series, lang: str) -> None:
    """Name each circle on a free side (below, above, right, left), the largest circles first.

    Where places are unmet the name is bold red, with the number unmet in brackets. Above
    LABEL_LIMIT municipalities only those are named.
    """
    ax.figure.canvas.draw()
    renderer = ax.figure.canvas.get_renderer()
    obstacles = circle_boxes(ax, here, sizes)
    named = here if len(here) <= LABEL_LIMIT else here[here["unmet"] > 0]
    for r in named.sort_values("places", ascending=False).itertuples():
        unmet = r.unmet > 0
        label = (
            text(lang, "chart.unmet_label", name=literal(r.name), n=number(lang, r.unmet))
            if unmet
            else literal(r.name)
        )
        note = ax.annotate(
            label,
            (r.lon, r.lat),
            xytext=(0, 0),
            textcoords="offset points",
            fontsize=13,
            color=UNMET if unmet else INK,
            fontweight="bold" if unmet else "normal",
        )
        obstacles.append(place_label(note, math.sqrt(sizes[r.Index]) / 2 + 1, obstacles, renderer))


def map_legend(ax, most: float, lang: str) -> None:
    """Colour (covered or not) and circle size, in one row below the map."""
    handles = [
        ax.scatter([], [], s=250, c=MET, edgecolors=INK, label=text(lang, "chart.met")),
        ax.scatter([], [], s=250, c=UNMET, edgecolors=INK, label=text(lang, "chart.unmet")),
    ] + [
        ax.scatter(
            [],
            [],
            s=area(v, most),
            c="white",
            edgecolors=INK,
            label=text(lang, "chart.places", n=number(lang, v)),
        )
        for v in size_legend_values(most)
    ]
    ax.legend(
        handles=handles,
        loc="upper center",
        bbox_to_anchor=(0.5, 0.0),
        ncol=3,
        frameon=False,
        columnspacing=1.5,
        handletextpad=0.4,
        borderpad=1.0,
    )


def map_png(m: pd.DataFrame, lang: str) -> bytes | None:
    """Circles at the centroids, area by places, red where places are unmet; None if none is known."""
    here = m.join(centroids(), on="code", how="inner")
    if here.empty:
        return None
    most = float(here["places"].max())
    sizes = area(here["places"], most)
    with rc_context(STYLE):
        fig = figure(10, 8)
        ax = fig.add_subplot()
        colors = np.where(here["unmet"] > 0, UNMET, MET)
        ax.scatter(here["lon"], here["lat"], s=sizes, c=colors, alpha=0.75, edgecolors=INK)
        ax.set_aspect(1 / math.cos(math.radians(here["lat"].mean())))
        ax.margins(0.1)
        ax.set_axis_off()
        map_legend(ax, most, lang)
        label_circles(ax, here, sizes, lang)
        return png(fig)


def task_chart_png(m: pd.DataFrame, lang: str) -> tuple[bytes, bool]:
    """Places (firm and soft) against the obligation after exchange and the original task.

    Returns the PNG and whether the chart was cut to the CHART_LIMIT largest obligations.
    """
    cut = len(m) > CHART_LIMIT
    shown = m.nlargest(CHART_LIMIT, "reception_obligation") if cut else m
    shown = shown.sort_values(["reception_obligation", "name"], ascending=[True, False])
    y = np.arange(len(shown))
    with rc_context(STYLE):
        fig = figure(10, max(4.0, 1.6 + 0.42 * len(shown)))
        ax = fig.add_subplot()
        ax.barh(y, shown["firm_places"], color=FIRM, label=text(lang, "chart.firm"))
        ax.barh(
            y,
            shown["soft_places"],
            left=shown["firm_places"],
            color=SOFT,
            label=text(lang, "chart.soft"),
        )
        ax.scatter(
            shown["reception_obligation"],
            y,
            marker="|",
            s=500,
            linewidths=4,
            color=TICK,
            label=text(lang, "chart.obligation"),
            zorder=3,
        )
        ax.scatter(
            shown["reception_task"],
            y,
            marker="o",
            s=50,
            facecolors="white",
            edgecolors=INK,
            linewidths=1.5,
            label=text(lang, "chart.task"),
            zorder=3,
        )
        ax.set_yticks(y, [literal(name) for name in shown["name"]])
        ax.set_ylim(-0.7, len(shown) - 0.3)
        for tick, unmet in zip(ax.get_yticklabels(), shown["unmet"], strict=True):
            if unmet > 0:
                tick.set_color(UNMET)
                tick.set_fontweight("bold")
        ax.set_xlabel(text(lang, "chart.places_axis"))
        ax.xaxis.set_major_formatter(FuncFormatter(lambda value, _: number(lang, value)))
        ax.grid(axis="x", color="#cccccc")
        ax.set_axisbelow(True)
        ax.spines[["top", "right"]].set_visible(False)
        ax.legend(loc="lower center", bbox_to_anchor=(0.5, 1.0), ncol=2, frameon=False)
        return png(fig), cut
