"""The kit's one chart style: palette, fonts, axis formatters."""

from __future__ import annotations

import textwrap

import matplotlib as mpl
import matplotlib.pyplot as plt
import seaborn as sns
from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.text import Text
from matplotlib.ticker import FixedFormatter, FuncFormatter

from kamlib.content import ZONE_COLORS  # noqa: F401  (re-exported)
from kamlib.i18n import Formatter, fmt_num, fmt_pct
from kamlib.labels import CHART_CHARS, shorten

#: deep blue primary, then a calm qualitative palette (colour-blind safe order)
PALETTE = ["#1F4E79", "#2E86AB", "#F18F01", "#6C8EAD", "#C73E1D", "#3B8B5A", "#9B5DE5", "#8D99AE"]
ACCENT = "#F18F01"
GREY = "#8D99AE"
#: A4 portrait text width is about 6.7 in at the report's margins
FULL_WIDTH = 6.7
#: the document's font (templates/kam/static/kam.css), then the one matplotlib ships;
#: both come with ``make setup`` (fonts-liberation, fonts-dejavu-core)
FONTS = ["Liberation Sans", "DejaVu Sans"]
#: how charts are written as SVG: text stays text (the page's font draws it),
#: element ids are stable (same chart, same bytes)
SVG_RC = {"svg.fonttype": "none", "svg.hashsalt": "kam-chart", "svg.image_inline": True}


def use_house_style() -> None:
    """Apply the kit's seaborn/matplotlib style (idempotent)."""
    sns.set_theme(style="whitegrid", palette=PALETTE, font="sans-serif")
    mpl.rcParams.update(
        {
            "font.family": "sans-serif",
            "font.sans-serif": FONTS,
            **SVG_RC,
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


def wrap_label(text: object, width: int, max_lines: int = 3) -> str:
    """``text`` broken into lines of at most ``width`` characters between words.

    Names are never cut or hyphenated: ``wrap_label("Pharmatechnik Rhön GmbH", 14)``
    -> ``"Pharmatechnik\\nRhön GmbH"``. A word longer than ``width`` keeps its own
    line. Only text that needs more than ``max_lines`` lines (a pathological
    client string) is shortened, at a word boundary where one is near.
    """
    s = "" if text is None else " ".join(str(text).split())
    if len(s) <= width:
        return s
    lines = textwrap.wrap(s, width, break_long_words=False, break_on_hyphens=False)
    if len(lines) <= max_lines:
        return "\n".join(lines)
    return "\n".join([*lines[: max_lines - 1], shorten(" ".join(lines[max_lines - 1 :]), width)])


def crossed_labels(fig: Figure) -> list[tuple[Text, Line2D]]:
    """Every text of ``fig``'s axes that a drawn line runs through, with that line.

    Lines are the axes' ``Line2D`` artists (curves, reference and guide lines,
    ``axhline``/``axvline``); grid lines are not counted. The figure is laid
    out first, so positions are those of the saved chart.
    """
    fig.draw_without_rendering()
    renderer = fig.canvas.get_renderer()
    found = []
    for ax in fig.axes:
        lines = [
            ln for ln in ax.lines if ln.get_visible() and ln.get_linestyle() not in ("None", "")
        ]
        for text in ax.texts:
            if not text.get_visible() or not text.get_text().strip():
                continue
            box = text.get_window_extent(renderer)
            for line in lines:
                path = line.get_transform().transform_path(line.get_path())
                if path.intersects_bbox(box, filled=False):
                    found.append((text, line))
                    break
    return found


def label_hidden_line(text: Text, line: Line2D) -> bool:
    """True when ``text`` sits on an opaque box drawn above ``line`` (the line does not show)."""
    patch = text.get_bbox_patch()
    return (
        patch is not None
        and patch.get_facecolor()[3] >= 0.85
        and text.get_zorder() > line.get_zorder()
    )


def clear_labels(fig: Figure) -> Figure:
    """Put every label a line runs through on a white box above that line (idempotent).

    A diagonal, split or guide line drawn through a label makes it hard to
    read; the box hides the line behind the text only. Labels no line touches
    (heat-map cells, bar values) stay as they are.
    """
    for text, line in crossed_labels(fig):
        if label_hidden_line(text, line):
            continue
        text.set_bbox(
            {"boxstyle": "round,pad=0.15", "facecolor": "white", "edgecolor": "none", "alpha": 0.92}
        )
        text.set_zorder(max(text.get_zorder(), line.get_zorder() + 1))
    return fig


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
