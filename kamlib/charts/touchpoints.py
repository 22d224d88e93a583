"""Charts of customer touchpoint management (METHODOLOGY.md section 3).

Each function takes a :class:`~kamlib.analysis.touchpoints.TouchpointResult`
and the deliverable language and returns a matplotlib ``Figure`` sized for A4
portrait. Everything is drawn as vector shapes (markers, rectangles, text),
never as a raster image. Touchpoint names are never cut: long names wrap.
"""

from __future__ import annotations

import math
import textwrap

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from matplotlib.cm import ScalarMappable
from matplotlib.colors import LinearSegmentedColormap, Normalize
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import Rectangle

from kamlib.analysis.touchpoints import CHANNELS, PHASES, TouchpointResult
from kamlib.charts.style import FULL_WIDTH, GREY, new_figure, use_house_style
from kamlib.i18n import fmt_date, fmt_num, t
from kamlib.labels_touchpoints import channel_label, phase_label, touchpoint_labels

#: at most this many touchpoints get a number (and a line in the key) in the matrix
MAX_LABELS = 30
#: at most this many touchpoints in the deviation chart (largest changes both ways)
MAX_DEVIATION_ROWS = 24
#: characters per line before a name in the matrix key wraps
WRAP = 44
#: font size of the matrix key (points) and the height of one of its lines (inches)
KEY_FONT = 6.5
KEY_LINE = KEY_FONT * 1.25 / 72
QUADRANT_COLORS = {
    "fix_first": "#C73E1D",
    "keep_up": "#3B8B5A",
    "possible_overkill": "#D9A441",
    "low_priority": GREY,
}
DIRECTION_COLORS = {"improved": "#3B8B5A", "unchanged": GREY, "worse": "#C73E1D"}
_GAP_CMAP = LinearSegmentedColormap.from_list("gap", ["#FBEDE9", "#E8907A", "#A8321A"])

__all__ = ["deviation_chart", "heatmap_chart", "matrix_chart", "plain", "wrap_name"]


def plain(text: object) -> str:
    """Client text for a chart: ``$`` escaped so matplotlib never reads it as maths."""
    value = "" if text is None or (isinstance(text, float) and math.isnan(text)) else str(text)
    return value.replace("$", r"\$")


def wrap_name(name: object, width: int = WRAP) -> str:
    """A touchpoint name wrapped at word boundaries (never cut, never hyphenated)."""
    return "\n".join(
        textwrap.wrap(plain(name), width, break_long_words=False, break_on_hyphens=False)
    ) or plain(name)


def _offsets(k: int) -> list[tuple[float, float]]:
    """Positions of ``k`` markers sharing one point: centre, then a ring around it."""
    if k == 1:
        return [(0.0, 0.0)]
    radius = 0.2 if k <= 3 else 0.3
    return [
        (radius * math.cos(2 * math.pi * i / k + math.pi / 2),
         radius * math.sin(2 * math.pi * i / k + math.pi / 2))
        for i in range(k)
    ]  # fmt: skip


def matrix_positions(tp: pd.DataFrame) -> pd.DataFrame:
    """x (Ist) and y (importance) per touchpoint, spread apart where several share a point."""
    out = tp[["ist", "importance"]].astype(float).copy()
    key = out["ist"].round(2).astype(str) + "|" + out["importance"].round(2).astype(str)
    out["x"], out["y"] = out["ist"], out["importance"]
    for _, idx in out.groupby(key, sort=False).groups.items():
        for i, (dx, dy) in zip(idx, _offsets(len(idx)), strict=True):
            out.loc[i, "x"] += dx
            out.loc[i, "y"] += dy
    return out


def matrix_chart(result: TouchpointResult, lang: str) -> Figure:
    """Importance-performance matrix: numbered touchpoints, four named quadrants, a key."""
    use_house_style()
    tp = result.touchpoints.reset_index(drop=True)
    split = result.settings.split
    numbered = min(len(tp), MAX_LABELS)
    labels = touchpoint_labels(tp)[:numbered]
    names = [
        f"{i + 1:>2}  " + wrap_name(n, WRAP).replace("\n", "\n      ") for i, n in enumerate(labels)
    ]
    key_lines = sum(n.count("\n") + 1 for n in names)
    # the key's axes are the plot's height minus title and axis labels (about 0.9 in)
    height = max(3.4, 0.9 + KEY_LINE * max(key_lines, 12))
    fig = plt.figure(figsize=(FULL_WIDTH, height), layout="constrained")
    ax, key = fig.subplots(1, 2, gridspec_kw={"width_ratios": [1.35, 1]})
    lo, hi = 0.2, 5.8
    ax.set_xlim(lo, hi)
    ax.set_ylim(lo, hi)
    ax.add_patch(Rectangle((lo, split), split - lo, hi - split, color="#FBEDE9", zorder=0))
    ax.axvline(split, color=GREY, lw=1, ls="--", zorder=1)
    ax.axhline(split, color=GREY, lw=1, ls="--", zorder=1)
    corners = {
        "fix_first": (lo + 0.05, hi - 0.05, "left", "top"),
        "keep_up": (hi - 0.05, hi - 0.05, "right", "top"),
        "possible_overkill": (hi - 0.05, lo + 0.05, "right", "bottom"),
        "low_priority": (lo + 0.05, lo + 0.05, "left", "bottom"),
    }
    for q, (x, y, ha, va) in corners.items():
        ax.text(x, y, t(f"touchpoints.quadrant.{q}", lang), ha=ha, va=va, fontsize=8,
                fontweight="bold", color=QUADRANT_COLORS[q], zorder=2)  # fmt: skip
    pos = matrix_positions(tp)
    colors = tp["quadrant"].map(QUADRANT_COLORS).fillna(GREY)
    rest = pos.index >= numbered
    if rest.any():
        ax.scatter(pos.loc[rest, "x"], pos.loc[rest, "y"], s=25, color="#C9CED6", zorder=3)
    top = pos.index[:numbered]
    ax.scatter(pos.loc[top, "x"], pos.loc[top, "y"], s=125, color=colors[top],
               edgecolor="white", linewidth=0.6, zorder=4)  # fmt: skip
    for i in top:
        ax.text(pos.at[i, "x"], pos.at[i, "y"], str(i + 1), ha="center", va="center",
                fontsize=6.5, color="white", fontweight="bold", zorder=5)  # fmt: skip
    ax.set_xticks([1, 2, 3, 4, 5])
    ax.set_yticks([1, 2, 3, 4, 5])
    ax.grid(False)
    ax.set_title(t("touchpoints.chart.matrix", lang))
    ax.set_xlabel(t("touchpoints.chart.ist", lang))
    ax.set_ylabel(t("touchpoints.chart.importance", lang))
    key.axis("off")
    key.set_xlim(0, 1)
    # y in key lines, top down: a wrapped name takes as many lines as it has
    key.set_ylim(max(key_lines, 12), 0)
    line = 0
    for i, text in enumerate(names):
        key.text(0, line, text, ha="left", va="top", fontsize=KEY_FONT, linespacing=1.15,
                 color=QUADRANT_COLORS.get(tp.at[i, "quadrant"], "#333333"))  # fmt: skip
        line += text.count("\n") + 1
    return fig


def heatmap_chart(result: TouchpointResult, lang: str) -> Figure:
    """Phase x channel grid of vector cells: mean gap (colour) and touchpoint count."""
    hm = result.heatmap
    phases = list(PHASES) + sorted(set(hm["phase"]) - set(PHASES))
    # every known channel, so a channel without touchpoints shows as an empty column
    channels = list(CHANNELS) + sorted(set(hm["channel"]) - set(CHANNELS))
    fig, ax = new_figure(FULL_WIDTH, 0.7 + 0.36 * len(phases))
    vmax = max(2.0, float(hm["mean_gap"].max()) if len(hm) else 2.0)
    norm = Normalize(0, vmax)
    cells = hm.set_index(["phase", "channel"])
    for r, phase in enumerate(phases):
        for c, channel in enumerate(channels):
            y = len(phases) - 1 - r
            if (phase, channel) in cells.index:
                row = cells.loc[(phase, channel)]
                gap = float(row["mean_gap"])
                color = _GAP_CMAP(norm(max(gap, 0.0)))
                ax.add_patch(Rectangle((c, y), 1, 1, facecolor=color, edgecolor="white", lw=2))
                text = t("touchpoints.chart.cell", lang, gap=fmt_num(gap, lang, 1),
                         n=int(row["touchpoints"]))  # fmt: skip
                dark = norm(max(gap, 0.0)) > 0.6
                ax.text(c + 0.5, y + 0.5, text, ha="center", va="center", fontsize=8,
                        color="white" if dark else "#222222")  # fmt: skip
            else:
                ax.add_patch(Rectangle((c, y), 1, 1, facecolor="#F4F5F7", edgecolor="white", lw=2))
                ax.text(c + 0.5, y + 0.5, "–", ha="center", va="center", fontsize=9, color=GREY)
    ax.set_xlim(0, len(channels))
    ax.set_ylim(0, len(phases))
    ax.set_xticks([c + 0.5 for c in range(len(channels))])
    ax.set_xticklabels([plain(channel_label(c, lang)) for c in channels])
    ax.set_yticks([len(phases) - 1 - r + 0.5 for r in range(len(phases))])
    ax.set_yticklabels([plain(phase_label(p, lang)) for p in phases])
    ax.tick_params(length=0)
    ax.grid(False)
    for side in ("left", "bottom"):
        ax.spines[side].set_visible(False)
    ax.xaxis.set_ticks_position("top")
    ax.set_title(t("touchpoints.chart.heatmap", lang), pad=22)
    bar = fig.colorbar(ScalarMappable(norm=norm, cmap=_GAP_CMAP), ax=ax, shrink=0.8, pad=0.02)
    bar.solids.set_rasterized(False)  # matplotlib rasterises a colorbar of 50+ steps
    bar.set_label(t("touchpoints.chart.gap_scale", lang))
    bar.ax.yaxis.set_major_formatter(lambda v, _p: fmt_num(v, lang, 1))
    return fig


def deviation_rows(result: TouchpointResult, limit: int = MAX_DEVIATION_ROWS) -> pd.DataFrame:
    """Compared touchpoints by change (largest rise first); beyond ``limit`` the
    largest rises and drops, half each."""
    tp = result.touchpoints
    rows = tp[tp["change"].notna()].sort_values(
        ["change", "touchpoint", "segment"], ascending=[False, True, True], kind="mergesort"
    )
    if len(rows) > limit:
        rows = pd.concat([rows.head(limit // 2), rows.tail(limit - limit // 2)])
    return rows.reset_index(drop=True)


def deviation_chart(result: TouchpointResult, lang: str) -> Figure:
    """Dumbbells: Ist of the earlier rating to Ist now, the target as a tick."""
    rows = deviation_rows(result)
    labels = [wrap_name(n, 40) for n in touchpoint_labels(rows)]  # axis labels: 40 per line
    lines = sum(lb.count("\n") + 1 for lb in labels)
    fig, ax = new_figure(FULL_WIDTH, 0.9 + 0.14 * lines + 0.03 * len(rows))
    y = np.arange(len(rows))[::-1]
    for yi, r in zip(y, rows.itertuples(index=False), strict=True):
        color = DIRECTION_COLORS.get(r.direction, GREY)
        ax.plot([r.previous_ist, r.ist], [yi, yi], color=color, lw=2, zorder=2)
        ax.scatter([r.previous_ist], [yi], s=30, facecolor="white", edgecolor=color, zorder=3)
        ax.scatter([r.ist], [yi], s=36, color=color, zorder=4)
        ax.scatter([r.soll], [yi], marker="|", s=120, color="#333333", zorder=3)
    ax.set_yticks(y)
    ax.set_yticklabels(labels, fontsize=7.5)
    ax.set_xlim(0.6, 5.4)
    ax.set_ylim(-0.7, len(rows) - 0.3)
    ax.set_xticks([1, 2, 3, 4, 5])
    ax.grid(axis="y", visible=False)
    previous = [d for d in result.rounds if pd.notna(d)][-2:-1]
    before = fmt_date(previous[0], lang) if previous else ""
    handles = [
        Line2D([], [], marker="o", ls="", markerfacecolor="white", markeredgecolor=GREY,
               label=t("touchpoints.chart.before", lang, date=before)),
        Line2D([], [], marker="|", ls="", color="#333333", markersize=10,
               label=t("touchpoints.chart.target", lang)),
    ] + [
        Line2D([], [], color=DIRECTION_COLORS[d], lw=2, marker="o",
               label=t(f"touchpoints.direction.{d}", lang))
        for d in ("improved", "unchanged", "worse")
    ]  # fmt: skip
    fig.legend(handles=handles, loc="outside lower center", ncol=5, fontsize=8, handlelength=1.5)
    ax.set_title(t("touchpoints.chart.deviation", lang))
    ax.set_xlabel(t("touchpoints.chart.score", lang))
    return fig
