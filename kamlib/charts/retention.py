"""Charts of the retention deliverable (METHODOLOGY.md section 4).

Every function takes a :class:`~kamlib.analysis.retention.RetentionResult`
and the deliverable language and returns a matplotlib ``Figure`` (A4 portrait
width, house style) -- or ``None`` when there is nothing to draw, so the
notebook shows a sentence instead of an empty chart. Customer names are never
cut: long names are wrapped at word boundaries, and only a few are labelled.
"""

from __future__ import annotations

import textwrap

import numpy as np
import pandas as pd
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.ticker import NullFormatter

from kamlib.analysis.retention import FACTORS, QUADRANTS, RetentionResult
from kamlib.charts.style import (
    ACCENT,
    GREY,
    PALETTE,
    finish,
    money_axis,
    new_figure,
    percent_axis,
)
from kamlib.i18n import t

#: quadrant colours: act now red, secure green, monitor sand, maintain blue-grey
QUADRANT_COLORS = {
    "act_now": "#C73E1D",
    "secure": "#3B8B5A",
    "monitor": "#D9A441",
    "maintain": "#6C8EAD",
}
#: at most this many customers carry a name label
MAX_LABELS = 4
#: label lines are wrapped at this many characters (never cut)
WRAP = 22


def wrap_name(name: object, width: int = WRAP) -> str:
    """The full name, wrapped at word boundaries (no hyphenation, nothing cut)."""
    text = "" if name is None or (isinstance(name, float) and np.isnan(name)) else str(name)
    return "\n".join(textwrap.wrap(text, width, break_long_words=False, break_on_hyphens=False))


def _label(
    ax, points: pd.DataFrame, xcol: str, ycol: str, drawn: pd.DataFrame, size: float
) -> None:
    """Name labels beside ``points`` (kamlib.charts.placement: no label covers a point of
    ``drawn``, no leader crosses a label). Needs the final layout."""
    from kamlib.charts.placement import balanced_label, place_labels

    if points.empty:
        return
    radius = np.sqrt(size) / 2
    place_labels(
        ax,
        [balanced_label(str(n), WRAP) for n in points["name"]],
        points[[xcol, ycol]].to_numpy(dtype=float),
        np.full(len(points), radius),
        np.column_stack([drawn[[xcol, ycol]].to_numpy(dtype=float), np.full(len(drawn), radius)]),
        colour="#333333",
        leader_colour=GREY,
    )


def risk_matrix_chart(
    result: RetentionResult, lang: str, max_labels: int = MAX_LABELS
) -> Figure | None:
    """Score (x) against window revenue (y, log) per customer with a score and revenue.

    Colours are the risk quadrants; the vertical line is the score split. The
    ``max_labels`` largest ``act_now`` customers are named (the workshop panel
    passes 0: placing labels is the slow part of a redraw). ``None`` without
    such customers.
    """
    c = result.customers
    c = c[c["placed"] & (c["revenue"] > 0)]
    if c.empty:
        return None
    fig, ax = new_figure(height=4.2)
    n = len(c)
    alpha = 0.8 if n <= 300 else 0.4
    for q in QUADRANTS:
        part = c[c["risk_quadrant"] == q]
        if len(part):
            ax.scatter(part["stability_score"], part["revenue"], s=28 if n <= 300 else 8,
                       color=QUADRANT_COLORS[q], alpha=alpha, edgecolor="white", linewidth=0.4,
                       label=f"{t(f'retention.quadrant.{q}', lang)} ({len(part)})")  # fmt: skip
    ax.set_yscale("log")
    money_axis(ax, lang)
    ax.yaxis.set_minor_formatter(NullFormatter())  # decades only: readable and fast
    ax.axvline(result.settings.score_split, color=GREY, lw=1, ls="--")
    ax.set_xlim(-3, 103)
    ax.legend(loc="lower right", fontsize=8)
    finish(fig, ax, t("retention.chart.risk_title", lang), t("retention.chart.score", lang),
           t("retention.chart.revenue", lang))  # fmt: skip
    if max_labels > 0:
        # labels are placed in display coordinates: the layout comes first and then stays
        fig.draw_without_rendering()
        fig.set_layout_engine("none")
        top = c[c["risk_quadrant"] == "act_now"].head(max_labels)
        _label(ax, top, "stability_score", "revenue", c, 28 if n <= 300 else 8)
    return fig


def model_chart(result: RetentionResult, lang: str) -> Figure | None:
    """Workshop score (x) against BG/NBD P(alive) (y); the disagreement corner shaded.

    ``None`` when the model gives no numbers or no customer has both values.
    """
    if result.bgnbd is None or result.bgnbd_status != "ok":
        return None
    c = result.customers
    c = c[c["placed"] & c["p_alive"].notna() & (c["revenue"] > 0)]
    if c.empty:
        return None
    s = result.settings
    fig, ax = new_figure(height=3.8)
    ax.axvspan(s.firm_score, 103, ymin=0, ymax=s.low_p_alive / 1.05, color=ACCENT, alpha=0.12, lw=0)
    ax.text(101, s.low_p_alive - 0.03, t("retention.chart.disagree_zone", lang), ha="right",
            va="top", fontsize=8, color="#8A5200")  # fmt: skip
    colors = [QUADRANT_COLORS.get(q, GREY) for q in c["risk_quadrant"]]
    ax.scatter(c["stability_score"], c["p_alive"], s=26, c=colors, alpha=0.8,
               edgecolor="white", linewidth=0.4)  # fmt: skip
    ax.set_xlim(-3, 103)
    ax.set_ylim(0, 1.05)
    percent_axis(ax, lang)
    # the customers in the shaded corner are named in the table below the chart
    handles = [
        Line2D([], [], marker="o", ls="", color=QUADRANT_COLORS[q],
               label=t(f"retention.quadrant.{q}", lang))
        for q in QUADRANTS if (c["risk_quadrant"] == q).any()
    ]  # fmt: skip
    ax.legend(handles=handles, loc="center left", fontsize=8)
    return finish(fig, ax, t("retention.chart.model_title", lang), t("retention.chart.score", lang),
                  t("retention.chart.p_alive", lang))  # fmt: skip


def kpi_chart(result: RetentionResult, lang: str) -> Figure | None:
    """Customer retention and revenue retention per year (lines; the current year open).

    ``None`` when no year has a previous year to compare with.
    """
    k = result.kpis[result.kpis["retention_rate"].notna()].copy()
    if k.empty:
        return None
    # revenue retention only where the comparison is fair (not year to date, base complete)
    biased = k["base_partial"].astype(bool) | k["year_to_date"].astype(bool)
    k["revenue_retention"] = k["revenue_retention"].where(~biased, np.nan)
    fig, ax = new_figure(height=3.0)
    years = k["year"].astype(int).to_numpy()
    ytd = k["year_to_date"].astype(bool).to_numpy()
    for col, color, key in (
        ("retention_rate", PALETTE[0], "retention.col.retention"),
        ("revenue_retention", PALETTE[2], "retention.col.revenue_retention"),
    ):
        y = k[col].to_numpy(dtype=float)
        if np.isnan(y).all():
            continue
        ax.plot(years, y, color=color, marker="o", label=t(key, lang))
        if ytd.any():
            ax.plot(years[ytd], y[ytd], ls="", marker="o", mfc="white", mec=color)
    ax.set_xticks(years)
    ax.set_xticklabels(
        [f"{y}\n({t('retention.text.ytd', lang)})" if f else str(y) for y, f in zip(years, ytd, strict=True)]
    )  # fmt: skip
    top = float(np.nanmax(k[["retention_rate", "revenue_retention"]].to_numpy(dtype=float)))
    ax.set_ylim(0, max(1.05, top * 1.1))
    percent_axis(ax, lang)
    ax.legend(loc="lower left")
    return finish(fig, ax, t("retention.chart.kpi_title", lang), t("retention.chart.year", lang),
                  t("retention.chart.rate", lang))  # fmt: skip


def factor_chart(result: RetentionResult, lang: str) -> Figure | None:
    """Mean rating (1-5) per factor over the A and B customers with a value, weakest first.

    The dashed line marks ``weak_rating``. ``None`` when no factor has a value.
    """
    c = result.customers
    c = c[c["abc_class"].isin(["A", "B"]) & (c["revenue"] > 0)]
    means = {
        f: float(c[f"rating_{f}"].mean())
        for f in FACTORS
        if result.weights.get(f, 0) > 0 and c[f"rating_{f}"].notna().any()
    }
    if not means:
        return None
    order = sorted(means, key=lambda f: means[f], reverse=True)
    fig, ax = new_figure(height=0.32 * len(order) + 1.2)
    vals = [means[f] for f in order]
    colors = [QUADRANT_COLORS["act_now"] if v <= result.settings.weak_rating + 1e-9 else PALETTE[0]
              for v in vals]  # fmt: skip
    labels = [t(f"retention.factor.{f}", lang) for f in order]
    ax.barh(labels, [v - 1 for v in vals], left=1, color=colors, height=0.6)
    for i, v in enumerate(vals):
        ax.text(v + 0.05, i, f"{v:.1f}".replace(".", "," if lang == "de" else "."), va="center",
                fontsize=8)  # fmt: skip
    ax.axvline(result.settings.weak_rating, color=GREY, ls="--", lw=1)
    ax.set_xlim(1, 5.4)
    ax.grid(axis="y", visible=False)
    return finish(fig, ax, t("retention.chart.factor_title", lang), t("retention.chart.rating", lang),
                  "")  # fmt: skip
