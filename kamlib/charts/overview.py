"""Charts of the customer base overview ("Kundenstruktur").

Every function takes an :class:`~kamlib.analysis.overview.OverviewResult` and
the deliverable language and returns a matplotlib ``Figure`` sized for A4
portrait (6.7 in wide) in the house style: title, labelled axes, tick labels
in the language's number format. Revenue is always the deep blue, margin the
lighter blue, the previous year the accent orange; new customers green, lost
customers red - in every chart of the deliverable.
"""

from __future__ import annotations

import textwrap

import numpy as np
import pandas as pd
from matplotlib.figure import Figure
from matplotlib.patches import Patch
from matplotlib.ticker import MaxNLocator

from kamlib.analysis.overview import OTHER, UNKNOWN, OverviewResult, window_months_table
from kamlib.charts.style import (
    ACCENT,
    FULL_WIDTH,
    GREY,
    PALETTE,
    finish,
    money_axis,
    new_figure,
    number_axis,
    share_square,
)
from kamlib.i18n import Formatter
from kamlib.labels_overview import category_label, window_period, year_label

REVENUE_COLOR = PALETTE[0]
MARGIN_COLOR = PALETTE[1]
PREV_COLOR = ACCENT
NEW_COLOR = PALETTE[5]
LOST_COLOR = PALETTE[4]
#: head room above the tallest bar for its value label and the legend row
#: (fraction of the axis range)
HEADROOM = 0.3
#: minimum vertical distance (fraction of the axis) between the two Pareto labels
LABEL_GAP = 0.08
#: industry/region names longer than this wrap onto further lines on the bar chart's axis
AXIS_LABEL_CHARS = 28
#: ... up to this many lines (only a hostile, absurdly long name is cut after them)
AXIS_LABEL_LINES = 3

__all__ = [
    "customer_flow_chart",
    "dimension_chart",
    "monthly_chart",
    "pareto_chart",
    "yearly_chart",
]


def _empty(fig: Figure, ax, lang: str) -> None:
    ax.text(
        0.5,
        0.5,
        Formatter(lang).t("overview.no_data"),
        ha="center",
        va="center",
        transform=ax.transAxes,
        color=GREY,
    )


def value_limits(values: pd.Series) -> tuple[float, float]:
    """Y-axis limits that hold every bar (credit notes make bars negative) plus headroom.

    Positive data: ``(0, max * 1.3)``; all-negative data: ``(min * 1.3, 0)``; all
    zero or empty: ``(0, 1)``. Labels written at a bar's end stay inside the axes,
    so a tight bounding box never grows with values outside the limits.
    """
    v = pd.to_numeric(values, errors="coerce").dropna()
    top = max(float(v.max()), 0.0) if len(v) else 0.0
    bottom = min(float(v.min()), 0.0) if len(v) else 0.0
    span = top - bottom
    if span <= 0 or not np.isfinite(span):
        return 0.0, 1.0
    return (
        bottom - HEADROOM * span if bottom < 0 else 0.0,
        top + HEADROOM * span if top > 0 else 0.0,
    )


def _end(value: float) -> str:
    """Vertical alignment of a label at a bar's end: above a positive, below a negative bar."""
    return "top" if value < 0 else "bottom"


def yearly_chart(result: OverviewResult, lang: str) -> Figure:
    """Revenue and contribution margin per calendar year (bars), margin % written
    above the margin bar. The year to date is drawn lighter and labelled as such."""
    f = Formatter(lang, result.currency)
    y = result.yearly
    fig, ax = new_figure(FULL_WIDTH, 3.4)
    title = f.t("overview.chart_yearly_title")
    if y.empty:
        _empty(fig, ax, lang)
        return finish(fig, ax, title, f.t("overview.axis_year"), f.t("overview.axis_amount"))
    x = np.arange(len(y))
    width = 0.38 if result.has_margin else 0.6
    alpha = np.where(y["is_ytd"], 0.55, 1.0)
    rev_x = x - width / 2 if result.has_margin else x
    for xi, rev, a in zip(rev_x, y["revenue"], alpha, strict=True):
        ax.bar(xi, rev, width, color=REVENUE_COLOR, alpha=a)
        ax.text(xi, rev, f.money_short(rev), ha="center", va=_end(rev), fontsize=8)
    handles = [Patch(color=REVENUE_COLOR, label=f.t("overview.legend_revenue"))]
    if result.has_margin:
        margins = y["margin"].fillna(0)
        for xi, m, pct, a in zip(x + width / 2, margins, y["margin_pct"], alpha, strict=True):
            ax.bar(xi, m, width, color=MARGIN_COLOR, alpha=a)
            if pd.notna(pct):
                label = f.t("overview.annot_margin_pct", pct=f.pct(pct))
                ax.text(xi, m, label, ha="center", va=_end(m), fontsize=8, color="#333333")
        handles.append(Patch(color=MARGIN_COLOR, label=f.t("overview.legend_margin")))
    labels = [
        year_label(int(r.year), bool(r.is_ytd), r.period_end, lang) for r in y.itertuples()
    ]  # one row per year: a handful of labels, not sales lines
    ax.set_xticks(x, labels)
    amounts = pd.concat([y["revenue"], y["margin"]]) if result.has_margin else y["revenue"]
    ax.set_ylim(*value_limits(amounts))
    money_axis(ax, f)
    ax.grid(axis="x", visible=False)
    ax.legend(handles=handles, loc="upper left", ncol=2)
    return finish(fig, ax, title, f.t("overview.axis_year"), f.t("overview.axis_amount"))


def _month_ticks(months: pd.Series, lang: str) -> list[str]:
    """``Jul.\\n2025`` for the first month and every January, else just ``Aug.``."""
    f = Formatter(lang)
    out = []
    for i, m in enumerate(months):
        name, _, year = f.month(m).rpartition(" ")
        out.append(f"{name}\n{year}" if i == 0 or m.month == 1 else name)
    return out


def monthly_chart(result: OverviewResult, lang: str) -> Figure:
    """Monthly revenue of the current window (bars) against the same month of the
    previous year (line)."""
    f = Formatter(lang, result.currency)
    m = window_months_table(result)
    fig, ax = new_figure(FULL_WIDTH, 3.4)
    title = f.t("overview.chart_monthly_title")
    if m.empty:
        _empty(fig, ax, lang)
        return finish(fig, ax, title, f.t("overview.axis_month"), f.t("overview.axis_revenue"))
    x = np.arange(len(m))
    months = result.settings.window_months
    current_label = (
        f.t("overview.legend_current")
        if months == 12
        else f.t("overview.legend_current_n", n=months)
    )
    ax.bar(x, m["revenue"], 0.65, color=REVENUE_COLOR, label=current_label)
    if m["prev_year_revenue"].notna().any():
        ax.plot(
            x,
            m["prev_year_revenue"],
            color=PREV_COLOR,
            lw=2,
            marker="o",
            ms=4,
            label=f.t("overview.legend_prev_year"),
        )
    ax.set_xticks(x, _month_ticks(m["month"], lang))
    handles, labels = ax.get_legend_handles_labels()
    order = sorted(range(len(labels)), key=lambda i: labels[i] != current_label)  # bars first
    top = float(np.nanmax([m["revenue"].max(), m["prev_year_revenue"].max(), 0]))
    ax.set_ylim(min(0.0, float(m["revenue"].min())), top * (1 + HEADROOM) if top > 0 else 1)
    money_axis(ax, f)
    ax.grid(axis="x", visible=False)
    ax.legend([handles[i] for i in order], [labels[i] for i in order], loc="upper left", ncol=2)
    return finish(fig, ax, title, f.t("overview.axis_month"), f.t("overview.axis_revenue"))


def axis_label(name: str) -> str:
    """A category name for the bar chart's axis: wrapped at word boundaries, never cut.

    Names up to ``AXIS_LABEL_CHARS`` x ``AXIS_LABEL_LINES`` characters come out
    whole; only a longer one (hostile data) ends with a spaced `` …``.
    """
    lines = textwrap.wrap(
        name, AXIS_LABEL_CHARS, break_on_hyphens=False, max_lines=AXIS_LABEL_LINES, placeholder=" …"
    )
    return "\n".join(lines) if lines else name


def dimension_chart(result: OverviewResult, dimension: str, lang: str) -> Figure:
    """Window revenue per industry or region (``dimension``), horizontal bars,
    largest on top, "other"/"not specified" in grey; labels give amount and share."""
    f = Formatter(lang, result.currency)
    table = result.by_industry if dimension == "industry" else result.by_region
    n = len(table)
    fig, ax = new_figure(FULL_WIDTH, max(2.4, 0.9 + 0.34 * n))
    title = f.t(f"overview.chart_dim_title_{dimension}", period=window_period(result, lang))
    xlabel, ylabel = f.t("overview.axis_revenue"), f.t(f"common.{dimension}")
    if table.empty:
        _empty(fig, ax, lang)
        return finish(fig, ax, title, xlabel, ylabel)
    ypos = np.arange(n)
    colors = [GREY if k in (UNKNOWN, OTHER) else REVENUE_COLOR for k in table["key"]]
    ax.barh(ypos, table["revenue"], 0.65, color=colors)
    right = float(max(table["revenue"].max(), 0))
    for yp, rev, share in zip(ypos, table["revenue"], table["share"], strict=True):
        ax.text(
            max(rev, 0) + right * 0.01,
            yp,
            f"{f.money_short(rev)} · {f.pct(share)}",
            va="center",
            fontsize=8,
        )
    labels = [axis_label(category_label(k, lang, escape=False)) for k in table["key"]]
    ax.set_yticks(ypos, labels)
    ax.invert_yaxis()
    # room for the value labels right of the longest bar
    ax.set_xlim(min(0.0, float(table["revenue"].min())), right * 1.32 if right > 0 else 1)
    money_axis(ax, f, "x")
    # compact money labels are wide ("10,0 Mio. €"): few ticks keep them apart
    ax.xaxis.set_major_locator(MaxNLocator(nbins=4))
    ax.grid(axis="y", visible=False)
    return finish(fig, ax, title, xlabel, ylabel)


def pareto_chart(result: OverviewResult, lang: str) -> Figure:
    """Pareto (concentration) curve: cumulative revenue share over the share of
    customers, largest first, with the top 10 % and top 20 % marked."""
    f = Formatter(lang)
    c = result.concentration
    fig, ax = new_figure(FULL_WIDTH, 3.8)
    x, y = c.lorenz["customer_share"], c.lorenz["revenue_share"]
    ax.fill_between(x, y, x, color=MARGIN_COLOR, alpha=0.10, lw=0)
    ax.plot(x, y, color=REVENUE_COLOR, lw=2.2, label=f.t("overview.legend_pareto"))
    ax.plot([0, 1], [0, 1], color=GREY, lw=1, ls="--", label=f.t("overview.legend_equal"))
    if c.customers:
        marks = [(c.top10_customers, c.top10_share, 0.10), (c.top20_customers, c.top20_share, 0.20)]
        # labels just right of and below each point, inside the empty area under the
        # curve; the top-10 % label moves further down when the two points are close
        gap = max(0.0, LABEL_GAP - (c.top20_share - c.top10_share))
        for i, (k, share, frac) in enumerate(marks):
            xs = k / c.customers
            ax.plot([xs, xs, 0], [0, share, share], color=ACCENT, lw=1, ls=":")
            ax.scatter([xs], [share], color=ACCENT, s=30, zorder=3)
            ax.text(
                xs + 0.015,
                share - 0.035 - (gap if i == 0 else 0.0),
                f.t("overview.annot_top", pct_customers=f.pct(frac, 0), pct_revenue=f.pct(share)),
                fontsize=9,
                va="top",
                color="#333333",
            )
    share_square(ax, lang)
    return finish(
        fig,
        ax,
        f.t("overview.chart_pareto_title"),
        f.t("overview.axis_customer_share"),
        f.t("overview.axis_revenue_share"),
    )


def customer_flow_chart(result: OverviewResult, lang: str) -> Figure:
    """New and lost customers per calendar year, side by side. Loss counts that
    are still provisional are hatched; the first data year has no new-customer bar."""
    f = Formatter(lang)
    flow = result.customer_flow
    fig, ax = new_figure(FULL_WIDTH, 3.2)
    title = f.t("overview.chart_flow_title")
    xlabel, ylabel = f.t("overview.axis_year"), f.t("overview.axis_customers")
    if flow.empty:
        _empty(fig, ax, lang)
        return finish(fig, ax, title, xlabel, ylabel)
    x = np.arange(len(flow))
    w = 0.36
    new = flow["new"].to_numpy(dtype=float)
    lost = flow["lost"].to_numpy(dtype=float)
    ax.bar(x - w / 2, np.nan_to_num(new), w, color=NEW_COLOR)
    hatches = ["" if final else "///" for final in flow["lost_final"]]
    for xi, val, hatch in zip(x + w / 2, lost, hatches, strict=True):
        ax.bar(xi, val, w, color=LOST_COLOR, hatch=hatch, edgecolor="white", lw=0)
    for xi, val in zip(x - w / 2, new, strict=True):
        if not np.isnan(val):
            ax.text(xi, val, f.int(val), ha="center", va="bottom", fontsize=8)
    for xi, val in zip(x + w / 2, lost, strict=True):
        ax.text(xi, val, f.int(val), ha="center", va="bottom", fontsize=8)
    labels = [
        year_label(int(r.year), bool(r.is_ytd), result.as_of, lang, short=True)
        for r in flow.itertuples()
    ]  # one label per year
    ax.set_xticks(x, labels)
    top = float(np.nanmax(np.concatenate([new, lost, [0.0]])))
    ax.set_ylim(0, top * (1 + HEADROOM) if top > 0 else 1)
    number_axis(ax, lang)
    ax.yaxis.get_major_locator().set_params(integer=True)
    ax.grid(axis="x", visible=False)
    handles = [
        Patch(color=NEW_COLOR, label=f.t("overview.legend_new")),
        Patch(color=LOST_COLOR, label=f.t("overview.legend_lost")),
    ]
    if not flow["lost_final"].all():
        handles.append(
            Patch(
                facecolor=LOST_COLOR,
                hatch="///",
                edgecolor="white",
                label=f"{f.t('overview.legend_lost')} ({f.t('overview.provisional_mark')})",
            )
        )
    ax.legend(handles=handles, loc="upper left", ncol=3)
    return finish(fig, ax, title, xlabel, ylabel)
