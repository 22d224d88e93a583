"""Charts of the strategic customer portfolio (METHODOLOGY.md section 1).

Every function takes a :class:`~kamlib.analysis.portfolio.PortfolioResult` and
the deliverable language and returns a matplotlib ``Figure`` sized for A4
portrait (6.7 in wide), with title, labelled axes and tick labels in the
language's number format. The charts stay readable with 20,000 customers:
dense point clouds get transparency, and labels are capped.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.colors import LinearSegmentedColormap
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import Patch, Rectangle
from matplotlib.ticker import MaxNLocator
from matplotlib.transforms import Bbox

from kamlib.analysis.portfolio import ABC, XYZ, ZONES, PortfolioResult
from kamlib.charts.placement import balanced_label
from kamlib.charts.style import (
    ACCENT,
    FULL_WIDTH,
    GREY,
    PALETTE,
    ZONE_COLORS,
    finish,
    money_axis,
    new_figure,
    number_axis,
    percent_axis,
    share_square,
)
from kamlib.i18n import Formatter, fmt_int, fmt_num, fmt_pct, t

#: bubble area (points^2) of the largest customer in the portfolio chart
MAX_BUBBLE_AREA = 900.0
#: smallest bubble drawn, so tiny customers stay visible as dots
MIN_BUBBLE_AREA = 4.0
#: at most this many customers get a name label in the bubble chart
MAX_LABELS = 15
#: zone-name colours where the zone fill colour is too pale for text
_ZONE_TEXT = {"withdraw": "#7F7F7F", "maintain": "#B7862A"}
#: names longer than this are shortened in chart labels
LABEL_CHARS = 26

__all__ = [
    "abc_xyz_heatmap",
    "bubble_chart",
    "ka_ranking_chart",
    "lorenz_chart",
    "sensitivity_chart",
    "short_name",
    "wallet_gap_chart",
    "zone_bar_chart",
]


def short_name(name: object, limit: int = LABEL_CHARS) -> str:
    """A customer name for a chart label: wrapped into balanced lines of at most ``limit``,
    never cut (:func:`kamlib.charts.placement.balanced_label`)."""
    text = "" if name is None or (isinstance(name, float) and np.isnan(name)) else str(name)
    return balanced_label(text, limit)


def _names(customers: pd.DataFrame) -> pd.Series:
    if "customer_name" in customers:
        return customers["customer_name"].fillna(customers["customer_id"])
    return customers["customer_id"]


def _zone_label(result: PortfolioResult, zone: str, lang: str) -> str:
    labels = getattr(result.settings.zone_labels, lang)
    return labels.get(zone, zone)


def _point_style(n: int) -> tuple[float, float]:
    """Transparency and edge width for ``n`` points: dense clouds get lighter."""
    if n <= 300:
        return 0.75, 0.6
    if n <= 3000:
        return 0.45, 0.2
    return 0.25, 0.0


def _label_candidates(customers: pd.DataFrame, max_labels: int) -> pd.DataFrame:
    """Customers to name in the bubble chart, at most ``max_labels``.

    Flagged key accounts first, then customers that qualify as key accounts
    without being flagged (the mismatch the report discusses), each by revenue.
    Without either, the largest customers of the protect zone (then of all
    zones) are named instead, so the chart is never anonymous.
    """
    ranked = customers[customers["revenue"] > 0].sort_values("revenue", ascending=False)
    flagged = _flag(ranked, "is_key_account")
    qualifies = _flag(ranked, "ka_recommended") & ~flagged
    chosen = pd.concat([ranked[flagged], ranked[qualifies]])
    if chosen.empty:
        chosen = ranked[ranked["zone"] == "protect"]
        if chosen.empty:
            chosen = ranked
    return chosen.head(max_labels)


def _flag(frame: pd.DataFrame, column: str) -> pd.Series:
    if column not in frame:
        return pd.Series(False, index=frame.index)
    return frame[column].fillna(False).astype(bool)


def bubble_chart(result: PortfolioResult, lang: str, max_labels: int = MAX_LABELS) -> Figure:
    """Portfolio matrix: strategic fit (x) × potential (y), bubble area ∝ revenue.

    The conventional orientation puts the upside on the vertical axis, so the
    protect zone (high potential, high fit) is the top-right quadrant. Zones
    are shaded and named from ``settings.zone_labels``; split lines sit at the
    configured ``zone_split``. Key accounts and customers qualifying as key
    accounts (at most ``max_labels``, key accounts first, largest first) carry
    name labels placed beside their bubbles (kamlib.charts.placement: no label hides a
    bubble, no leader crosses a label).
    """
    c = result.customers
    fig, ax = new_figure(FULL_WIDTH, 5.3)
    # the plot area runs from 0 to 100; bands above and below carry the zone
    # names, so customer labels and zone names never compete for the same spot
    ax.set_xlim(_LO, _HI)
    ax.set_ylim(_BAND_LO, _BAND_HI)
    ax.set_yticks(range(0, 101, 20))
    ax.grid(False)
    _draw_zones(ax, result, lang)
    # only placed customers: the "to be rated" and out-of-scope customers are
    # listed and counted beside the chart, never drawn at a half-known position
    placed = c[c["zone"].fillna("") != ""].dropna(
        subset=["attractiveness_score", "potential_score"]
    )
    top, sizes = _draw_bubbles(ax, placed)
    _bubble_legends(ax, result, lang, top)
    number_axis(ax, lang, "x")
    number_axis(ax, lang, "y")
    finish(
        fig,
        ax,
        t("portfolio.chart.bubble_title", lang),
        t("portfolio.chart.axis_attractiveness", lang),
        t("portfolio.chart.axis_potential", lang),
    )
    # labels are placed in display coordinates: the layout (title, legends) comes first
    fig.draw_without_rendering()
    fig.set_layout_engine("none")  # keep the measured layout: labels must not move afterwards
    split = result.settings.zone_split
    _draw_labels(
        ax, placed, max_labels, sizes, (float(split.attractiveness), float(split.potential))
    )
    return fig


#: plot area of the bubble chart (scores 0-100 plus a margin) and the zone-name bands
_LO, _HI = -3.0, 103.0
_BAND_LO, _BAND_HI = -13.0, 113.0


def _draw_zones(ax: Axes, result: PortfolioResult, lang: str) -> None:
    """Shaded zone quadrants with their names in the bands, and the dashed split lines."""
    split = result.settings.zone_split
    sx, sy = float(split.attractiveness), float(split.potential)
    lo, hi, band_lo, band_hi = _LO, _HI, _BAND_LO, _BAND_HI
    quadrants = {
        "protect": (sx, sy, hi - sx, band_hi - sy, (hi - 1, band_hi - 2, "right", "top")),
        "develop": (lo, sy, sx - lo, band_hi - sy, (lo + 1, band_hi - 2, "left", "top")),
        "maintain": (sx, band_lo, hi - sx, sy - band_lo, (hi - 1, band_lo + 2, "right", "bottom")),
        "withdraw": (lo, band_lo, sx - lo, sy - band_lo, (lo + 1, band_lo + 2, "left", "bottom")),
    }
    for zone, (x0, y0, w, h, (tx, ty, ha, va)) in quadrants.items():
        colour = ZONE_COLORS[zone]
        ax.add_patch(Rectangle((x0, y0), w, h, color=colour, alpha=0.10, lw=0, zorder=0))
        ax.text(
            tx, ty, _zone_label(result, zone, lang), ha=ha, va=va, fontsize=10,
            fontweight="bold", color=_ZONE_TEXT.get(zone, colour), zorder=5,
        )  # fmt: skip
    for y in (lo, hi):
        ax.axhline(y, color="white", lw=1.5, zorder=1)
    ax.axvline(sx, color=GREY, lw=1, ls="--", zorder=1)
    ax.axhline(sy, color=GREY, lw=1, ls="--", zorder=1)


def _draw_bubbles(ax: Axes, placed: pd.DataFrame) -> tuple[float, pd.Series]:
    """One bubble per placed customer (area by revenue).

    Returns the largest revenue and each customer's bubble area (points², by index).
    """
    plot = placed[["attractiveness_score", "potential_score", "revenue", "zone"]].copy()
    plot["provisional"] = _flag(placed, "provisional")
    # big bubbles first, so small customers stay visible on top of them
    plot = plot.sort_values("revenue", ascending=False)
    rev = plot["revenue"].clip(lower=0).to_numpy(dtype=float)
    top = rev.max() if len(rev) and rev.max() > 0 else 1.0
    sizes = np.maximum(rev / top * MAX_BUBBLE_AREA, MIN_BUBBLE_AREA)
    alpha, edge = _point_style(len(plot))
    colours = plot["zone"].map(ZONE_COLORS).fillna(GREY).to_numpy()
    prov = plot["provisional"].to_numpy(dtype=bool)
    ax.scatter(
        plot["attractiveness_score"][~prov], plot["potential_score"][~prov], s=sizes[~prov],
        c=colours[~prov], alpha=alpha, linewidths=edge, edgecolors="white", zorder=2,
    )  # fmt: skip
    if prov.any():  # provisional placements (data only): hollow, in the zone's colour
        ax.scatter(
            plot["attractiveness_score"][prov], plot["potential_score"][prov], s=sizes[prov],
            facecolors="none", edgecolors=colours[prov], linewidths=1.2, zorder=2,
        )  # fmt: skip
    return top, pd.Series(sizes, index=plot.index)


def _draw_labels(
    ax: Axes, placed: pd.DataFrame, max_labels: int, sizes: pd.Series, split: tuple[float, float]
) -> list:
    """Name labels of the key accounts and qualifying customers, placed without crossings.

    :func:`kamlib.charts.placement.place_labels` picks each label's spot from a
    candidate set around its bubble: inside the 0-100 plot area (never in the
    zone-name bands), covering no bubble's centre, overlapping no other label,
    its leader (drawn under the bubbles) crossing no other label or leader and
    no split line where it can be helped. Needs the final layout.
    """
    from kamlib.charts.placement import Segment, place_labels

    labelled = _label_candidates(placed, max_labels)
    if labelled.empty:
        return []
    lx = labelled["attractiveness_score"].to_numpy(dtype=float)
    ly = labelled["potential_score"].to_numpy(dtype=float)
    ax.scatter(lx, ly, s=10, color="#222222", marker="o", zorder=3, linewidths=0)
    radii = np.sqrt(sizes.reindex(labelled.index).to_numpy(dtype=float)) / 2
    points = np.column_stack(
        [
            placed["attractiveness_score"],
            placed["potential_score"],
            np.sqrt(sizes.reindex(placed.index).to_numpy(dtype=float)) / 2,
        ]
    ).astype(float)
    to_px = ax.transData.transform
    (x_lo, y_lo), (x_hi, y_hi) = to_px((_LO, _LO)), to_px((_HI, _HI))
    sx, sy = to_px(split)
    avoid = [Segment(sx, y_lo, sx, y_hi), Segment(x_lo, sy, x_hi, sy)]
    area = Bbox.from_extents(_LO, _LO, _HI, _HI)
    return place_labels(
        ax, [short_name(n) for n in _names(labelled)], np.column_stack([lx, ly]), radii,
        points, area=area, avoid=avoid,
    )  # fmt: skip


def _bubble_legends(ax: Axes, result: PortfolioResult, lang: str, top: float) -> None:
    """Legend under the plot: zones in the first row, reference bubble sizes in the second."""
    zone_handles = [
        Patch(facecolor=ZONE_COLORS[z], alpha=0.8, label=_zone_label(result, z, lang))
        for z in ZONES
    ]
    zone_legend = ax.legend(
        handles=zone_handles, loc="upper left", bbox_to_anchor=(0.0, -0.10), ncol=4,
        fontsize=8, handletextpad=0.4, columnspacing=1.2, borderaxespad=0,
    )  # fmt: skip
    ax.add_artist(zone_legend)
    size_handles = [Line2D([], [], ls="", label=t("portfolio.chart.bubble_legend", lang))] + [
        Line2D(
            [], [], ls="", marker="o", markersize=np.sqrt(max(frac * MAX_BUBBLE_AREA, 4)),
            markerfacecolor="white", markeredgecolor=GREY, label=Formatter(lang).money_short(top * frac),
        )
        for frac in (0.25, 0.05)
    ]  # fmt: skip
    ax.legend(
        handles=size_handles, loc="upper left", bbox_to_anchor=(0.0, -0.155), ncol=3,
        fontsize=8, handletextpad=0.9, handlelength=1.6, columnspacing=1.6, borderaxespad=0,
    )  # fmt: skip


def count_label(n: int, lang: str) -> str:
    """``1 Kunde`` / ``12 Kunden`` (``1 customer`` / ``12 customers``)."""
    if n == 1:
        return t("portfolio.chart.count_one", lang)
    return t("portfolio.chart.count", lang, n=fmt_int(n, lang))


def _text_colour(value: float, vmax: float) -> str:
    return "white" if vmax > 0 and value / vmax > 0.55 else "#1A1A1A"


def abc_xyz_heatmap(result: PortfolioResult, lang: str) -> Figure:
    """3×3 ABC-XYZ matrix shaded by revenue share, each cell with count and share.

    Customers classed "new" and those without revenue in the window have no
    field of their own; they are named in a note under the matrix.
    """
    m = result.matrix.copy()
    share = m.pivot(index="abc", columns="xyz", values="revenue_share").reindex(
        index=list(ABC), columns=list(XYZ)
    )
    count = m.pivot(index="abc", columns="xyz", values="customers").reindex(
        index=list(ABC), columns=list(XYZ)
    )
    share = share.fillna(0.0).astype(float)
    count = count.fillna(0).astype(int)

    fig, ax = new_figure(FULL_WIDTH, 4.3)
    cmap = LinearSegmentedColormap.from_list("kam_blues", ["#F2F6FA", "#6FA8CF", PALETTE[0]])
    vmax = max(float(share.to_numpy().max()), 0.01)
    edges = np.arange(-0.5, 3)  # vector cells (no raster image in the chart), rows top-down
    ax.pcolormesh(edges, edges, share.to_numpy(), cmap=cmap, vmin=0, vmax=vmax, zorder=0)
    ax.set_ylim(2.5, -0.5)
    ax.grid(False)
    for i, a in enumerate(ABC):
        for j, x in enumerate(XYZ):
            value = float(share.loc[a, x])
            colour = _text_colour(value, vmax)
            ax.text(j, i - 0.22, f"{a}{x}", ha="center", va="center", fontsize=11,
                    fontweight="bold", color=colour)  # fmt: skip
            ax.text(j, i + 0.05, count_label(int(count.loc[a, x]), lang),
                    ha="center", va="center", fontsize=9, color=colour)  # fmt: skip
            ax.text(j, i + 0.28, t("portfolio.chart.heat_share", lang, share=fmt_pct(value, lang)),
                    ha="center", va="center", fontsize=9, color=colour)  # fmt: skip
    ax.set_xticks(range(3), [t(f"portfolio.xyz.{x}.short", lang) for x in XYZ])
    ax.set_yticks(range(3), [t(f"portfolio.abc.{a}.short", lang) for a in ABC])
    ax.tick_params(length=0)
    for spine in ax.spines.values():
        spine.set_visible(False)
    ax.set_xticks(np.arange(-0.5, 3), minor=True)
    ax.set_yticks(np.arange(-0.5, 3), minor=True)
    ax.grid(which="minor", color="white", lw=3)
    ax.tick_params(which="minor", length=0)

    extra = result.matrix_extra
    parts = []
    for key in ("new", "no_revenue"):
        if key in extra.index and int(extra.loc[key, "customers"]) > 0:
            parts.append(
                t(
                    f"portfolio.chart.heat_{key}",
                    lang,
                    n=fmt_int(extra.loc[key, "customers"], lang),
                    share=fmt_pct(extra.loc[key, "revenue_share"], lang),
                )
            )
    if parts:
        note = f"{t('portfolio.chart.heat_outside', lang)} – " + " · ".join(parts)
        fig.text(0.01, 0.0, note, fontsize=8, color="#555555", ha="left", va="bottom")
        fig.get_layout_engine().set(rect=(0, 0.05, 1, 0.95))
    return finish(
        fig,
        ax,
        t("portfolio.chart.heat_title", lang),
        t("portfolio.chart.axis_xyz", lang),
        t("portfolio.chart.axis_abc", lang),
    )


def _lorenz_columns(lorenz: pd.DataFrame) -> tuple[np.ndarray, np.ndarray]:
    x = lorenz["customer_share"].to_numpy(dtype=float)
    ycol = next(
        c for c in ("revenue_share", "cumulative_share", "cumulative_revenue_share")
        if c in lorenz
    )  # fmt: skip
    return x, lorenz[ycol].to_numpy(dtype=float)


def customers_for_share(result: PortfolioResult, share: float) -> float:
    """Share of customers (0-1) needed to reach ``share`` (0-1) of revenue."""
    x, y = _lorenz_columns(result.lorenz)
    if len(x) == 0:
        return float("nan")
    idx = int(np.searchsorted(y, share - 1e-12))
    return float(x[min(idx, len(x) - 1)])


def lorenz_chart(result: PortfolioResult, lang: str) -> Figure:
    """Pareto / Lorenz curve: cumulative revenue share over the share of customers.

    Marks the A|B cut-off (default 80 %) with the share of customers needed to
    reach it, and the line of equal distribution for comparison.
    """
    x, y = _lorenz_columns(result.lorenz)
    fig, ax = new_figure(FULL_WIDTH, 3.8)
    ax.fill_between(x, y, x, color=PALETTE[1], alpha=0.10, lw=0)
    ax.plot(x, y, color=PALETTE[0], lw=2.2, label=t("portfolio.chart.lorenz_curve", lang))
    ax.plot(
        [0, 1], [0, 1], color=GREY, lw=1, ls="--", label=t("portfolio.chart.lorenz_equal", lang)
    )
    cut_a = float(result.settings.abc.cutoffs[0])
    xs = customers_for_share(result, cut_a)
    if not np.isnan(xs):
        ax.plot([0, xs, xs], [cut_a, cut_a, 0], color=ACCENT, lw=1.2, ls=":")
        ax.scatter([xs], [cut_a], color=ACCENT, s=30, zorder=3)
        ax.annotate(
            t("portfolio.chart.lorenz_note", lang, customers=fmt_pct(xs, lang),
              revenue=fmt_pct(cut_a, lang, 0)),
            xy=(xs, cut_a), xytext=(xs + 0.06, cut_a - 0.22), fontsize=9,
            arrowprops={"arrowstyle": "-", "color": ACCENT, "lw": 0.8},
        )  # fmt: skip
    share_square(ax, lang)
    return finish(
        fig,
        ax,
        t("portfolio.chart.lorenz_title", lang),
        t("portfolio.chart.axis_customer_share", lang),
        t("portfolio.chart.axis_revenue_cum", lang),
    )


def zone_bar_chart(result: PortfolioResult, lang: str) -> Figure:
    """Per zone: share of customers next to share of revenue (horizontal bars)."""
    z = result.zones.set_index("zone").reindex(list(ZONES)).fillna(0)
    n_total = max(float(z["customers"].sum()), 1.0)
    cust_share = z["customers"] / n_total
    rev_share = z["revenue_share"] if "revenue_share" in z else z["revenue"] / z["revenue"].sum()
    fig, ax = new_figure(FULL_WIDTH, 3.2)
    ypos = np.arange(len(ZONES))
    h = 0.38
    colours = [ZONE_COLORS[zn] for zn in ZONES]
    # the two bars have different bases; each legend entry names its own
    customers_label = t("portfolio.chart.zone_customers", lang, n=int(n_total))
    revenue_label = t("portfolio.chart.zone_revenue", lang)
    ax.barh(ypos - h / 2, cust_share, h, color=colours, alpha=0.45, label=customers_label)
    ax.barh(ypos + h / 2, rev_share, h, color=colours, label=revenue_label)
    for yp, cs, rs in zip(ypos, cust_share, rev_share, strict=True):
        ax.text(cs + 0.01, yp - h / 2, fmt_pct(cs, lang, 0), va="center", fontsize=8)
        ax.text(rs + 0.01, yp + h / 2, fmt_pct(rs, lang, 0), va="center", fontsize=8)
    ax.set_yticks(ypos, [_zone_label(result, zn, lang) for zn in ZONES])
    ax.invert_yaxis()
    ax.set_xlim(0, min(1.0, max(float(cust_share.max()), float(rev_share.max())) + 0.12))
    percent_axis(ax, lang, "x")
    ax.grid(axis="y", visible=False)
    legend = [
        Patch(facecolor=GREY, alpha=0.45, label=customers_label),
        Patch(facecolor=GREY, label=revenue_label),
    ]
    ax.legend(handles=legend, loc="lower right")
    return finish(fig, ax, t("portfolio.chart.zone_title", lang), t("common.share", lang), "")


def criterion_label(criterion: str, lang: str) -> str:
    """Display name of a potential, attractiveness or key-account criterion."""
    return t(f"portfolio.criterion.{criterion}", lang)


def sensitivity_chart(result: PortfolioResult, lang: str) -> Figure:
    """Share of customers changing zone when one weight moves down / up by the step."""
    s = result.sensitivity.copy()
    if s.empty:
        fig, ax = new_figure(FULL_WIDTH, 1.5)
        ax.axis("off")
        ax.text(0.5, 0.5, t("portfolio.chart.no_data", lang), ha="center", va="center")
        return finish(fig, ax, t("portfolio.chart.sens_title", lang), "", "")
    s["sign"] = s["direction"].map(_direction_sign)
    s["label"] = [
        f"{criterion_label(c, lang)} ({t('portfolio.axis.' + a, lang)})"
        for c, a in zip(s["criterion"], s["axis"], strict=True)
    ]
    order = s.groupby("label", sort=False)["changed_share"].max().sort_values(ascending=True).index
    down = s[s["sign"] < 0].set_index("label")["changed_share"].reindex(order).fillna(0)
    up = s[s["sign"] > 0].set_index("label")["changed_share"].reindex(order).fillna(0)
    fig, ax = new_figure(FULL_WIDTH, 0.9 + 0.32 * len(order))
    ypos = np.arange(len(order))
    h = 0.38
    step = fmt_pct(result.settings.sensitivity_step, lang, 0)
    ax.barh(ypos - h / 2, down, h, color=PALETTE[3],
            label=t("portfolio.chart.sens_down", lang, step=step))  # fmt: skip
    ax.barh(ypos + h / 2, up, h, color=PALETTE[2],
            label=t("portfolio.chart.sens_up", lang, step=step))  # fmt: skip
    ax.set_yticks(ypos, list(order))
    vmax = max(float(max(down.max(), up.max())), 0.01)
    ax.set_xlim(0, vmax * 1.2)
    percent_axis(ax, lang, "x", decimals=1 if vmax < 0.05 else 0)
    ax.grid(axis="y", visible=False)
    ax.legend(loc="lower right")
    return finish(
        fig, ax, t("portfolio.chart.sens_title", lang), t("portfolio.chart.sens_axis", lang), ""
    )


def _direction_sign(direction: object) -> int:
    """Map the sensitivity direction column (down/up, -/+, -1/1, minus/plus) to ±1."""
    text = str(direction).strip().lower()
    if text in {"down", "-", "minus", "-1", "decrease", "lower"} or text.startswith("-"):
        return -1
    try:
        return -1 if float(text) < 0 else 1
    except ValueError:
        return 1


def ka_ranking_chart(result: PortfolioResult, lang: str, top_n: int | None = None) -> Figure:
    """Top of the key-account ranking: score bars, flagged key accounts highlighted,
    with the cut line at ``settings.key_account.cut_score``."""
    n = top_n or result.settings.top_n
    ranking = result.ka_ranking.sort_values("ka_score", ascending=False).head(n)
    fig, ax = new_figure(FULL_WIDTH, 0.9 + 0.22 * max(len(ranking), 3))
    flagged = ranking["is_key_account"].fillna(False).astype(bool).to_numpy()
    colours = np.where(flagged, PALETTE[0], PALETTE[1])
    ypos = np.arange(len(ranking))
    ax.barh(ypos, ranking["ka_score"], color=colours, alpha=0.9)
    ax.set_yticks(ypos, [short_name(nm, 44) for nm in _names(ranking)], fontsize=8)
    ax.invert_yaxis()
    cut = float(result.settings.key_account.cut_score)
    ax.axvline(cut, color=ACCENT, lw=1.5, ls="--")
    ax.text(cut, -0.9, t("portfolio.chart.ka_cut", lang, cut=fmt_num(cut, lang)),
            color=ACCENT, fontsize=8, ha="center", va="bottom")  # fmt: skip
    ax.set_xlim(0, 100)
    ax.set_ylim(len(ranking) - 0.5, -1.4)
    number_axis(ax, lang, "x")
    ax.grid(axis="y", visible=False)
    ax.legend(
        handles=[
            Patch(facecolor=PALETTE[0], label=t("portfolio.chart.ka_flagged", lang)),
            Patch(facecolor=PALETTE[1], label=t("portfolio.chart.ka_not_flagged", lang)),
        ],
        loc="lower right",
        frameon=True,
        framealpha=0.9,
    )
    return finish(
        fig, ax, t("portfolio.chart.ka_title", lang, n=n), t("portfolio.chart.ka_axis", lang), ""
    )


def wallet_gap_chart(result: PortfolioResult, lang: str, top_n: int = 12) -> Figure:
    """Largest untapped potential: current revenue plus the wallet gap per customer."""
    c = result.customers
    have = c.dropna(subset=["wallet_gap"]) if "wallet_gap" in c else c.iloc[0:0]
    top = have[have["wallet_gap"] > 0].nlargest(top_n, "wallet_gap")
    fig, ax = new_figure(FULL_WIDTH, 0.9 + 0.25 * max(len(top), 3))
    if top.empty:
        ax.axis("off")
        ax.text(0.5, 0.5, t("portfolio.chart.no_wallet", lang), ha="center", va="center")
        return finish(fig, ax, t("portfolio.chart.wallet_title", lang, n=top_n), "", "")
    ypos = np.arange(len(top))
    ax.barh(ypos, top["revenue"].clip(lower=0), color=PALETTE[0],
            label=t("portfolio.chart.wallet_revenue", lang))  # fmt: skip
    ax.barh(ypos, top["wallet_gap"], left=top["revenue"].clip(lower=0), color=ACCENT,
            alpha=0.45, label=t("portfolio.chart.wallet_gap", lang))  # fmt: skip
    ax.set_yticks(ypos, [short_name(nm, 44) for nm in _names(top)], fontsize=8)
    ax.invert_yaxis()
    money_axis(ax, lang, "x")
    # compact money labels are long ("1,0 Mio. €"): at most five ticks keep them apart
    ax.xaxis.set_major_locator(MaxNLocator(nbins=5))
    ax.grid(axis="y", visible=False)
    ax.legend(
        handles=[
            Patch(facecolor=PALETTE[0], label=t("portfolio.chart.wallet_revenue", lang)),
            Patch(facecolor=ACCENT, alpha=0.45, label=t("portfolio.chart.wallet_gap", lang)),
        ],
        loc="lower right",
    )
    return finish(
        fig,
        ax,
        t("portfolio.chart.wallet_title", lang, n=len(top)),
        t("portfolio.chart.wallet_axis", lang),
        "",
    )
