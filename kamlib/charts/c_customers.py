"""Charts of the C-customer deliverable (house style of :mod:`kamlib.charts.style`).

Each function takes a :class:`~kamlib.analysis.c_customers.CCustomersResult`
and ``lang`` and returns a matplotlib ``Figure``; none is drawn empty (the
notebook shows a note instead where the data are missing).
"""

from __future__ import annotations

from functools import lru_cache

import numpy as np
import pandas as pd
from matplotlib.figure import Figure
from matplotlib.ticker import FuncFormatter

from kamlib.analysis.c_customer_rules import CHANNELS
from kamlib.analysis.c_customers import CCustomersResult
from kamlib.charts.style import (
    ACCENT,
    FULL_WIDTH,
    GREY,
    PALETTE,
    finish,
    money_axis,
    new_figure,
    percent_axis,
    use_house_style,
)
from kamlib.i18n import fmt_money, fmt_money_short, fmt_pct, t

LOSS = "#C73E1D"


@lru_cache(maxsize=4096)
def _pct_text(value: float, lang: str) -> str:
    return fmt_pct(value, lang, 0)


@lru_cache(maxsize=4096)
def _money_text(value: float, lang: str, short: bool) -> str:
    return short_money(value, lang) if short else fmt_money(value, lang)


def _axis(ax, lang: str, axis: str, kind: str) -> None:
    """Tick labels in the deliverable's language, cached: Babel formatting of every tick
    on every redraw was the slowest part of a live workshop redraw."""

    def label(v: float, _pos: int) -> str:
        v = round(float(v), 6) + 0.0
        if kind == "pct":
            return _pct_text(v, lang)
        return _money_text(v, lang, kind == "short")

    (ax.yaxis if axis == "y" else ax.xaxis).set_major_formatter(FuncFormatter(label))


def short_money(value: float, lang: str) -> str:
    """Compact money with a leading minus sign for losses (``−€517k``, ``−517 T€``)."""
    text = fmt_money_short(abs(value), lang)
    return f"\u2212{text}" if value < 0 else text


def signed_money_axis(ax, lang: str, axis: str = "y") -> None:
    """Money axis whose negative ticks read ``−€500k`` (not ``€-500k``)."""
    _axis(ax, lang, axis, "short")


GAIN = "#3B8B5A"
CLASSES = ("A", "B", "C")


def class_shares(result: CCustomersResult) -> pd.DataFrame:
    """Share of customers (of the master), of positive window revenue and of window
    margin per ABC class (the bases of the summary)."""
    c = result.customers
    n = max(len(c), 1)
    rev = c["window_revenue"].clip(lower=0)
    mar = c["window_margin"].fillna(0.0)
    rows = []
    for cls in CLASSES:
        m = c["abc_class"] == cls
        rows.append(
            {
                "abc_class": cls,
                "customers": m.sum() / n,
                "revenue": rev[m].sum() / rev.sum() if rev.sum() > 0 else np.nan,
                "margin": mar[m].sum() / mar.sum() if mar.sum() > 0 else np.nan,
            }
        )
    return pd.DataFrame(rows)


def class_share_chart(result: CCustomersResult, lang: str) -> Figure:
    """Per ABC class: share of customers next to share of revenue and margin."""
    df = class_shares(result)
    fig, ax = new_figure(FULL_WIDTH, 2.9)
    y = np.arange(len(CLASSES))
    h = 0.26
    series = [
        ("customers", "c_customers.chart.share_customers", PALETTE[3]),
        ("revenue", "c_customers.chart.share_revenue", PALETTE[0]),
        ("margin", "c_customers.chart.share_margin", PALETTE[2]),
    ]
    for i, (col, key, colour) in enumerate(series):
        vals = df[col].fillna(0.0).to_numpy()
        pos = y + (i - 1) * h
        ax.barh(pos, vals, h, color=colour, label=t(key, lang))
        for p, v in zip(pos, vals, strict=True):
            ax.text(v + 0.01, p, fmt_pct(v, lang, 0), va="center", fontsize=8)
    ax.set_yticks(y, [t("c_customers.class", lang, cls=c) for c in CLASSES])
    ax.invert_yaxis()
    ax.set_xlim(0, 1.08)
    percent_axis(ax, lang, "x")
    ax.legend(loc="lower right")
    return finish(fig, ax, t("c_customers.chart.shares_title", lang),
                  t("c_customers.chart.share_axis", lang), "")  # fmt: skip


def whale_chart(result: CCustomersResult, lang: str) -> Figure:
    """The whale curve: cumulative profit (share of the total when it is positive,
    money otherwise) over the share of customers ranked by profit; peak marked."""
    w = result.whale
    p = result.whale_peak
    fig, ax = new_figure(FULL_WIDTH, 3.6)
    x = w["customer_share"].to_numpy(dtype=float)
    relative = p["total_profit"] > 0
    y = (w["cumulative_share"] if relative else w["cumulative_profit"]).to_numpy(dtype=float)
    ax.plot(x, y, color=PALETTE[0], lw=2.2)
    ax.fill_between(x, y, 0, color=PALETTE[1], alpha=0.10, lw=0)
    total_y = 1.0 if relative else p["total_profit"]
    ax.axhline(total_y, color=GREY, lw=1, ls="--")
    ax.text(0.01, total_y, t("c_customers.chart.whale_total", lang), va="bottom", fontsize=8,
            color=GREY)  # fmt: skip
    k = int(p["peak_customers"])
    px, py = x[k], y[k]
    ax.scatter([px], [py], color=ACCENT, s=36, zorder=3)
    peak = (
        fmt_pct(p["peak_share"], lang, 0) if relative else fmt_money_short(p["peak_profit"], lang)
    )
    ax.annotate(
        t("c_customers.chart.whale_peak", lang, peak=peak,
          customers=fmt_pct(p["peak_customer_share"], lang, 0)),
        xy=(px, py), xytext=(max(px - 0.30, 0.02), py * 0.78 if py > 0 else py - 0.1),
        fontsize=9, arrowprops={"arrowstyle": "-", "color": ACCENT, "lw": 0.8},
    )  # fmt: skip
    ax.set_xlim(0, 1)
    ax.set_ylim(min(0.0, float(np.nanmin(y)) * 1.1), float(np.nanmax(y)) * 1.12 + 1e-9)
    percent_axis(ax, lang, "x")
    if relative:
        percent_axis(ax, lang, "y")
    else:
        signed_money_axis(ax, lang)
    return finish(fig, ax, t("c_customers.chart.whale_title", lang, year=result.year),
                  t("c_customers.chart.whale_x", lang), t("c_customers.chart.whale_y", lang))  # fmt: skip


def waterfall_chart(result: CCustomersResult, lang: str) -> Figure:
    """Revenue -> margin -> cost to serve -> profit, one small waterfall per ABC class."""
    use_house_style()
    import matplotlib.pyplot as plt

    w = result.waterfall.set_index("abc_class")
    fig, axes = plt.subplots(1, 3, figsize=(FULL_WIDTH, 3.2), layout="constrained")
    steps = [
        t("c_customers.chart.step_revenue", lang),
        t("c_customers.chart.step_margin", lang),
        t("c_customers.chart.step_cost", lang),
        t("c_customers.chart.step_profit", lang),
    ]
    for ax, cls in zip(axes, CLASSES, strict=True):
        rev = float(w.loc[cls, "revenue"])
        mar = float(w.loc[cls, "contribution_margin"])
        cost = float(w.loc[cls, "cost_to_serve"])
        prof = float(w.loc[cls, "customer_profit"])
        # revenue and margin from 0; cost to serve floats from margin down to profit
        bottoms = [0.0, 0.0, mar - cost, min(prof, 0.0)]
        heights = [rev, mar, cost, abs(prof)]
        # label above revenue, margin and a positive profit; below the cost bar and a loss
        ys = [rev, mar, mar - cost, max(prof, 0.0) if prof >= 0 else prof]
        vas = ["bottom", "bottom", "top", "bottom" if prof >= 0 else "top"]
        labels = [rev, mar, -cost, prof]
        colours = [PALETTE[3], PALETTE[0], LOSS, GAIN if prof >= 0 else LOSS]
        xs = np.arange(4)
        ax.bar(xs, heights, bottom=bottoms, color=colours, width=0.7)
        ax.axhline(0, color="#999999", lw=0.8)
        for xpos in xs:
            ax.text(xpos, ys[xpos], short_money(labels[xpos], lang), ha="center",
                    va=vas[xpos], fontsize=6.5, color=LOSS if labels[xpos] < 0 else "#333333")  # fmt: skip
        ax.set_xticks(xs, steps, rotation=35, ha="right", fontsize=8)
        ax.set_title(t("c_customers.class", lang, cls=cls), fontsize=10)
        signed_money_axis(ax, lang)
        ax.tick_params(axis="y", labelsize=7)
        low = min(0.0, prof, mar - cost)
        span = max(rev, mar) - low
        ax.set_ylim(low - 0.12 * span, max(rev, mar) + 0.12 * span + 1e-9)
    fig.suptitle(t("c_customers.chart.waterfall_title", lang, year=result.year), x=0.01,
                 ha="left", fontsize=12, fontweight="bold")  # fmt: skip
    return fig


def channel_chart(result: CCustomersResult, lang: str) -> Figure:
    """Cost to serve of the C customers per recommended channel: today vs in that channel."""
    ch = result.channels.set_index("channel").reindex(list(CHANNELS)).fillna(0.0)
    fig, ax = new_figure(FULL_WIDTH, 2.9)
    y = np.arange(len(CHANNELS))
    h = 0.38
    now = ch["cost_to_serve"].to_numpy(dtype=float)
    new = ch["channel_cost"].to_numpy(dtype=float)
    ax.barh(y - h / 2, now, h, color=GREY, label=t("c_customers.chart.cost_now", lang))
    ax.barh(y + h / 2, new, h, color=PALETTE[0], label=t("c_customers.chart.cost_channel", lang))
    labels = [
        f"{t(f'c_customers.channel.{k}', lang)} ({int(ch.loc[k, 'customers'])})" for k in CHANNELS
    ]
    ax.set_yticks(y, labels)
    ax.invert_yaxis()
    xmax = max(float(now.max()), float(new.max()), 1.0)
    for pos, v in list(zip(y - h / 2, now, strict=True)) + list(zip(y + h / 2, new, strict=True)):
        ax.text(v + xmax * 0.01, pos, fmt_money(v, lang), va="center", fontsize=7)
    ax.set_xlim(0, xmax * 1.22)
    money_axis(ax, lang, "x")
    ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.28), ncol=2)
    return finish(fig, ax, t("c_customers.chart.channels_title", lang),
                  t("c_customers.chart.money_axis", lang), "")  # fmt: skip


def pricing_chart(result: CCustomersResult, lang: str) -> Figure:
    """Profit effect over the minimum order value, best value marked."""
    sim = result.simulation
    fig, ax = new_figure(FULL_WIDTH, 3.2)
    x = sim["min_order_value"].to_numpy(dtype=float)
    y = sim["effect"].to_numpy(dtype=float)
    loss = fmt_pct(result.settings.pricing.loss_share, lang, 0)
    ax.plot(x, y, color=PALETTE[0], lw=2.2, marker="o", ms=3,
            label=t("c_customers.chart.pricing_curve", lang, loss=loss))  # fmt: skip
    ax.axhline(0, color="#999999", lw=0.8)
    best = sim.loc[sim["best"]].iloc[0]
    bx, by = float(best["min_order_value"]), float(best["effect"])
    ax.scatter([bx], [by], color=ACCENT, s=60, zorder=3, marker="*")
    width = float(x.max() - x.min()) or 1.0
    right = bx > x.min() + 0.6 * width  # label on the side with room
    ax.annotate(
        t("c_customers.chart.pricing_best", lang, value=fmt_money(bx, lang))
        + f"\n{fmt_money(by, lang)}",
        xy=(bx, by), xytext=(bx - 0.08 * width if right else bx + 0.06 * width, by * 0.72),
        ha="right" if right else "left", fontsize=9, va="center",
        arrowprops={"arrowstyle": "-", "color": ACCENT, "lw": 0.8},
    )  # fmt: skip
    _axis(ax, lang, "x", "money")
    signed_money_axis(ax, lang, "y")
    ax.legend(loc="lower right")
    return finish(fig, ax, t("c_customers.chart.pricing_title", lang),
                  t("c_customers.chart.pricing_x", lang), t("c_customers.chart.pricing_y", lang))  # fmt: skip
