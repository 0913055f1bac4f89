"""Pictures for report.html, drawn with matplotlib's Agg backend into PNG bytes (no pyplot, no display).

The map is not here: it is an inline SVG of the real boundaries (model/reports/map_svg.py).
"""

from __future__ import annotations

import io

import numpy as np
import pandas as pd
from matplotlib import rc_context
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.ticker import FuncFormatter

from model.lang import text
from model.reports.presentation import number

FIRM, SOFT, MET, UNMET, INK = "#1f3864", "#8fb3e0", "#1a7f37", "#c62828", "#111111"
TICK = "#f28e00"
STYLE = {"font.size": 15, "axes.edgecolor": INK, "text.color": INK, "axes.labelcolor": INK}
CHART_LIMIT = 40
"""The task chart shows at most this many municipalities (those with the largest obligation)."""


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
