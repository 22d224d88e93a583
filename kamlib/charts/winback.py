"""Charts of the win-back deliverable (house style of :mod:`kamlib.charts.style`).

Each function takes a :class:`~kamlib.analysis.winback.WinbackResult` and
returns a matplotlib figure; the notebook shows a chart only when its data are
there (:func:`has_years`, :func:`has_reasons`), so no chart is ever empty.
"""

from __future__ import annotations

import matplotlib.pyplot as plt
import numpy as np
from matplotlib.figure import Figure

from kamlib.analysis.winback import UNKNOWN, WinbackResult
from kamlib.charts.style import (
    FULL_WIDTH,
    GREY,
    PALETTE,
    finish,
    money_axis,
    number_axis,
    use_house_style,
)
from kamlib.i18n import Formatter
from kamlib.labels_winback import reason_label

LOST_COLOR = PALETTE[4]
REVENUE_COLOR = PALETTE[0]


def has_years(result: WinbackResult) -> bool:
    """True when at least one customer was lost in the report years."""
    return bool(result.years["lost"].sum() > 0)


def has_reasons(result: WinbackResult) -> bool:
    """True when the Pareto table has a reason with lost revenue."""
    t = result.reasons_by_revenue
    return result.reasons_available and bool(len(t)) and bool(t["lost_revenue"].sum() > 0)


def _year_labels(result: WinbackResult, lang: str) -> list[str]:
    f = Formatter(lang)
    return [
        f.t("overview.ytd_short", year=int(r.year)) if r.is_ytd else str(int(r.year))
        for r in result.years.itertuples()
    ]


def years_chart(result: WinbackResult, lang: str) -> Figure:
    """Lost customers per year (bars, labelled with count and loss rate) and their lost
    revenue (bars on the right-hand panel)."""
    f = Formatter(lang, result.currency)
    y = result.years
    use_house_style()
    fig, (ax, ax2) = plt.subplots(1, 2, figsize=(FULL_WIDTH, 3.0), layout="constrained")
    x = np.arange(len(y))
    labels = _year_labels(result, lang)
    lost = y["lost"].to_numpy(dtype=float)
    ax.bar(x, lost, 0.6, color=LOST_COLOR)
    for xi, n, rate in zip(x, lost, y["loss_rate"], strict=True):
        text = f.int(n)
        if not np.isnan(rate):
            text += "\n" + f.t("winback.chart.rate_label", rate=f.pct(rate))
        ax.text(xi, n, text, ha="center", va="bottom", fontsize=8)
    ax.set_xticks(x, labels)
    ax.set_ylim(0, max(lost.max(), 1) * 1.35)
    number_axis(ax, lang)
    ax.yaxis.get_major_locator().set_params(integer=True)
    ax.grid(axis="x", visible=False)
    finish(
        fig,
        ax,
        f.t("winback.chart.years_title"),
        f.t("winback.chart.axis_year"),
        f.t("winback.chart.axis_customers"),
    )
    rev = y["lost_revenue"].to_numpy(dtype=float)
    ax2.bar(x, rev, 0.6, color=REVENUE_COLOR)
    for xi, v in zip(x, rev, strict=True):
        ax2.text(xi, v, f.money_short(v), ha="center", va="bottom", fontsize=8)
    ax2.set_xticks(x, labels)
    ax2.set_ylim(0, max(rev.max(), 1) * 1.2)
    money_axis(ax2, lang)
    ax2.grid(axis="x", visible=False)
    finish(
        fig,
        ax2,
        f.t("winback.chart.axis_revenue"),
        f.t("winback.chart.axis_year"),
        "",
    )
    return fig


def _pareto_panel(ax, table, value_col: str, share_col: str, label, lang: str) -> None:
    """One horizontal Pareto panel: largest on top, "no reason recorded" in grey."""
    n = len(table)
    ypos = np.arange(n)[::-1]
    colors = [GREY if r == UNKNOWN else REVENUE_COLOR for r in table["reason"]]
    values = table[value_col].to_numpy(dtype=float)
    ax.barh(ypos, values, 0.65, color=colors)
    top = max(values.max(), 1.0)
    for yi, v, share in zip(ypos, values, table[share_col], strict=True):
        ax.text(v + top * 0.02, yi, label(v, share), va="center", fontsize=8)
    ax.set_yticks(ypos, [reason_label(r, lang) for r in table["reason"]])
    ax.set_xlim(0, top * 1.6)
    ax.grid(axis="y", visible=False)


def reasons_chart(result: WinbackResult, lang: str) -> Figure:
    """Pareto of the loss reasons: by number of customers (left) and by lost revenue
    (right), each sorted largest first, with the share of the total."""
    f = Formatter(lang, result.currency)
    n = len(result.reasons_by_revenue)
    use_house_style()
    fig, (left, right) = plt.subplots(
        1, 2, figsize=(FULL_WIDTH, 0.9 + 0.3 * max(n, 3)), layout="constrained"
    )
    _pareto_panel(
        left,
        result.reasons_by_count,
        "customers",
        "customer_share",
        lambda v, share: f"{f.int(v)} · {f.pct(share, 0)}",
        lang,
    )
    number_axis(left, lang, "x")
    left.xaxis.get_major_locator().set_params(integer=True)
    finish(
        fig,
        left,
        f.t("winback.chart.pareto_count_title"),
        f.t("winback.chart.axis_customers"),
        "",
    )
    _pareto_panel(
        right,
        result.reasons_by_revenue,
        "lost_revenue",
        "revenue_share",
        lambda v, share: f"{f.money_short(v)} · {f.pct(share, 0)}",
        lang,
    )
    money_axis(right, lang, "x")
    return finish(
        fig,
        right,
        f.t("winback.chart.pareto_title"),
        f.t("winback.chart.axis_revenue"),
        "",
    )
