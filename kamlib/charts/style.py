"""The kit's one chart style: palette, fonts, axis formatters."""

from __future__ import annotations

import matplotlib as mpl
import matplotlib.pyplot as plt
import seaborn as sns
from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.text import Text
from matplotlib.ticker import FixedFormatter, FuncFormatter

from kamlib.i18n import Formatter, fmt_num, fmt_pct
from kamlib.labels import CHART_CHARS, shorten

#: deep blue primary, then a calm qualitative palette (colour-blind safe order)
PALETTE = ["#1F4E79", "#2E86AB", "#F18F01", "#6C8EAD", "#C73E1D", "#3B8B5A", "#9B5DE5", "#8D99AE"]
ACCENT = "#F18F01"
GREY = "#8D99AE"
#: zone colours: protect green, develop blue, maintain sand, withdraw grey-red
ZONE_COLORS = {
    "protect": "#3B8B5A",
    "develop": "#2E86AB",
    "maintain": "#D9A441",
    "withdraw": "#B5B5B5",
}
#: A4 portrait text width is about 6.7 in at the report's margins
FULL_WIDTH = 6.7


def use_house_style() -> None:
    """Apply the kit's seaborn/matplotlib style (idempotent)."""
    sns.set_theme(style="whitegrid", palette=PALETTE, font="DejaVu Sans")
    mpl.rcParams.update(
        {
            "figure.dpi": 110,
            "savefig.dpi": 150,
            "savefig.bbox": "tight",
            "figure.figsize": (FULL_WIDTH, 3.6),
            "axes.titlesize": 12,
            "axes.titleweight": "bold",
            "axes.titlelocation": "left",
            "axes.titlepad": 10,
            "axes.labelsize": 10,
            "axes.edgecolor": "#CCCCCC",
            "axes.spines.top": False,
            "axes.spines.right": False,
            "grid.color": "#E6E6E6",
            "xtick.labelsize": 9,
            "ytick.labelsize": 9,
            "legend.fontsize": 9,
            "legend.frameon": False,
            "font.size": 10,
            # client strings ($ in a customer name or industry) are never read as TeX:
            # covers titles, labels, legends and tick labels created later
            "text.parse_math": False,
            "text.usetex": False,
        }
    )


def new_figure(width: float = FULL_WIDTH, height: float = 3.6) -> tuple[Figure, Axes]:
    """A figure in house style with one axes."""
    use_house_style()
    fig, ax = plt.subplots(figsize=(width, height), layout="constrained")
    return fig, ax


def money_axis(ax: Axes, lang: str, axis: str = "y") -> None:
    """Format an axis as compact money (``1,2 Mio. €`` / ``€1.2m``).

    Pass the deliverable's :class:`~kamlib.i18n.Formatter` as ``lang`` for the
    client's currency; a plain language code means euros.
    """
    f = Formatter(lang)
    fmt = FuncFormatter(lambda v, _pos: f.money_short(v))
    (ax.yaxis if axis == "y" else ax.xaxis).set_major_formatter(fmt)


def percent_axis(ax: Axes, lang: str, axis: str = "y", decimals: int = 0) -> None:
    """Format an axis holding fractions 0-1 as percent in the deliverable's language."""
    fmt = FuncFormatter(lambda v, _pos: fmt_pct(v, lang, decimals))
    (ax.yaxis if axis == "y" else ax.xaxis).set_major_formatter(fmt)


def number_axis(ax: Axes, lang: str, axis: str = "y", decimals: int = 0) -> None:
    """Format an axis with the language's thousands separator."""
    fmt = FuncFormatter(lambda v, _pos: fmt_num(v, lang, decimals))
    (ax.yaxis if axis == "y" else ax.xaxis).set_major_formatter(fmt)


def share_square(ax: Axes, lang: str) -> None:
    """Axes for a cumulative-share curve (Lorenz/Pareto): both axes 0-100 %, legend bottom right."""
    ax.set_xlim(0, 1)
    ax.set_ylim(0, 1.02)
    percent_axis(ax, lang, "x")
    percent_axis(ax, lang, "y")
    ax.legend(loc="lower right")


def fit_texts(fig: Figure, limit: int = CHART_CHARS) -> Figure:
    """Shorten every text line of ``fig`` longer than ``limit`` characters (idempotent).

    Covers titles, labels, annotations, legend entries and fixed tick labels, so
    a very long customer name or industry can neither slow the layout down nor
    push the plot off the page.
    """
    for artist in fig.findobj(Text):
        text = artist.get_text()
        if len(text) > limit:
            artist.set_text(shorten(text, limit))
    for ax in fig.axes:
        for axis in (ax.xaxis, ax.yaxis):
            fmt = axis.get_major_formatter()
            if isinstance(fmt, FixedFormatter) and any(len(str(s)) > limit for s in fmt.seq):
                fmt.seq = [shorten(s, limit) for s in fmt.seq]
    return fig


def finish(fig: Figure, ax: Axes, title: str, xlabel: str, ylabel: str) -> Figure:
    """Set title and axis labels (required on every chart) and return the figure."""
    ax.set_title(title)
    ax.set_xlabel(xlabel)
    ax.set_ylabel(ylabel)
    return fit_texts(fig)
