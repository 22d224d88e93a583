"""Charts of the key-account plan (house style of :mod:`kamlib.charts.style`).

Each function takes an :class:`~kamlib.analysis.account_plan.AccountPlanResult`
and the deliverable's :class:`~kamlib.i18n.Formatter` and returns a figure; the
notebook draws a chart only when its ``has_*`` function says there is data, so
no chart is ever empty. Names are drawn in full (wrapped between words, never cut).
"""

from __future__ import annotations

import matplotlib.pyplot as plt
import numpy as np
from matplotlib.colors import LinearSegmentedColormap, Normalize
from matplotlib.figure import Figure
from matplotlib.lines import Line2D

from kamlib.analysis.account_plan import ROLES, AccountPlanResult
from kamlib.charts.style import (
    ACCENT,
    FULL_WIDTH,
    GREY,
    PALETTE,
    finish,
    money_axis,
    percent_axis,
    use_house_style,
    wrap_label,
)
from kamlib.i18n import Formatter

#: attitude -2 (against us) .. +2 (supports us): red, grey, green
ATTITUDE_CMAP = LinearSegmentedColormap.from_list("attitude", ["#C73E1D", "#BFBFBF", "#3B8B5A"])
BOUGHT = PALETTE[0]
NOT_BOUGHT = ACCENT


def has_buying_center(result: AccountPlanResult) -> bool:
    return not result.contacts.empty


def has_whitespace(result: AccountPlanResult) -> bool:
    return not result.whitespace.empty and result.peers > 0


def has_opportunities(result: AccountPlanResult) -> bool:
    return bool(result.opportunities["expected_value"].notna().any())


def _role(role: str, f: Formatter) -> str:
    try:
        return f.t(f"account_plan.role.{role}")
    except KeyError:
        return role


def buying_center_chart(result: AccountPlanResult, f: Formatter) -> Figure:
    """Contacts by role (columns) and influence (rows); colour = attitude; a hollow
    marker = not met for longer than the stale limit. Every name in full."""
    c = result.contacts
    roles = list(ROLES) + sorted(set(c["role"]) - set(ROLES))
    use_house_style()
    cells: dict[tuple[int, int], int] = {}
    for r, i in zip(c["role"], c["influence"].fillna(0).astype(int), strict=True):
        cells[(roles.index(r), i)] = cells.get((roles.index(r), i), 0) + 1
    crowd = max(cells.values(), default=1)
    # one influence row holds its most crowded cell at about 11 pt per name
    row_h = max(0.5, 0.19 * crowd)
    fig, ax = plt.subplots(figsize=(FULL_WIDTH, 0.9 + 5 * row_h), layout="constrained")
    norm = Normalize(-2, 2)
    seen: dict[tuple[int, int], int] = {}
    for row in c.itertuples():
        xi = roles.index(row.role)
        infl = 0 if np.isnan(row.influence) else int(row.influence)
        k = seen.get((xi, infl), 0)
        seen[(xi, infl)] = k + 1
        n = cells[(xi, infl)]
        y = infl + (k - (n - 1) / 2) * (0.8 / max(crowd, 1))
        att = 0.0 if np.isnan(row.attitude) else float(row.attitude)
        color = ATTITUDE_CMAP(norm(att))
        ax.scatter(
            [xi - 0.38], [y], s=60, marker="o", zorder=3,
            facecolor="white" if row.stale else color, edgecolor=color, linewidth=1.8,
        )  # fmt: skip
        ax.text(xi - 0.3, y, wrap_label(row.contact_name, 16, 2), va="center", fontsize=7.5)
    for xi, role in enumerate(roles):
        if role in result.missing_roles:
            ax.text(
                xi, 3, f.t("account_plan.chart.no_contact"), ha="center", va="center",
                fontsize=8, color=GREY, style="italic",
            )  # fmt: skip
    ax.set_xticks(range(len(roles)), [wrap_label(_role(r, f), 12) for r in roles])
    ax.set_xlim(-0.5, len(roles) - 0.5)
    ax.set_ylim(0.4, 5.6)
    ax.set_yticks(range(1, 6))
    ax.grid(axis="x", visible=False)
    for xi in range(1, len(roles)):
        ax.axvline(xi - 0.5, color="#E6E6E6", linewidth=0.8)
    handles = [
        Line2D([], [], marker="o", linestyle="", markersize=7, color=ATTITUDE_CMAP(norm(a)),
               label=f.t(f"account_plan.attitude.{a}"))
        for a in (2, 1, 0, -1, -2)
    ]  # fmt: skip
    handles.append(
        Line2D([], [], marker="o", linestyle="", markersize=7, markerfacecolor="white",
               markeredgecolor=GREY, label=f.t("account_plan.chart.stale",
                                              months=result.settings.stale_contact_months))
    )  # fmt: skip
    fig.legend(handles=handles, loc="outside lower center", ncol=3, fontsize=8)
    return finish(
        fig, ax, f.t("account_plan.chart.bc_title"), f.t("account_plan.chart.role"),
        f.t("account_plan.chart.influence"),
    )  # fmt: skip


def whitespace_chart(result: AccountPlanResult, f: Formatter) -> Figure:
    """Share of peers buying each product group; bars of groups the account does
    not buy in the accent colour."""
    ws = result.whitespace.head(result.settings.top_n).iloc[::-1]
    use_house_style()
    fig, ax = plt.subplots(figsize=(FULL_WIDTH, 0.9 + 0.38 * max(len(ws), 3)), layout="constrained")
    y = np.arange(len(ws))
    share = ws["peer_share"].fillna(0).to_numpy(dtype=float)
    colors = [BOUGHT if b else NOT_BOUGHT for b in ws["bought"]]
    ax.barh(y, share, 0.6, color=colors)
    for yi, v in zip(y, share, strict=True):
        ax.text(v + 0.01, yi, f.pct(v, 0), va="center", fontsize=8)
    ax.set_yticks(y, [wrap_label(g, 28) for g in ws["product_group"]])
    ax.set_xlim(0, 1.12)
    percent_axis(ax, f, "x")
    ax.grid(axis="y", visible=False)
    handles = [
        Line2D([], [], marker="s", linestyle="", markersize=8, color=BOUGHT,
               label=f.t("account_plan.text.bought")),
        Line2D([], [], marker="s", linestyle="", markersize=8, color=NOT_BOUGHT,
               label=f.t("account_plan.text.not_bought")),
    ]  # fmt: skip
    fig.legend(handles=handles, loc="outside lower center", ncol=2, fontsize=8)
    return finish(
        fig, ax, f.t("account_plan.chart.ws_title", n=result.peers),
        f.t("account_plan.chart.peer_share"), "",
    )  # fmt: skip


def opportunities_chart(result: AccountPlanResult, f: Formatter) -> Figure:
    """Expected value per opportunity in rank order; covered by a goal = primary
    colour, not covered = accent."""
    o = result.opportunities.dropna(subset=["expected_value"]).head(result.settings.top_n)
    o = o.iloc[::-1]
    use_house_style()
    fig, ax = plt.subplots(figsize=(FULL_WIDTH, 0.9 + 0.45 * max(len(o), 3)), layout="constrained")
    y = np.arange(len(o))
    ev = o["expected_value"].to_numpy(dtype=float)
    ax.barh(y, ev, 0.6, color=[BOUGHT if c else NOT_BOUGHT for c in o["covered"]])
    top = max(ev.max(), 1.0)
    for yi, v, rank in zip(y, ev, o["rank"], strict=True):
        ax.text(v + top * 0.01, yi, f"{f.money_short(v)} (#{int(rank)})", va="center", fontsize=8)
    ax.set_yticks(y, [wrap_label(n, 34) for n in o["name"]])
    ax.set_xlim(0, top * 1.3)
    money_axis(ax, f, "x")
    ax.grid(axis="y", visible=False)
    handles = [
        Line2D([], [], marker="s", linestyle="", markersize=8, color=BOUGHT,
               label=f.t("account_plan.chart.covered")),
        Line2D([], [], marker="s", linestyle="", markersize=8, color=NOT_BOUGHT,
               label=f.t("account_plan.chart.uncovered")),
    ]  # fmt: skip
    fig.legend(handles=handles, loc="outside lower center", ncol=2, fontsize=8)
    return finish(
        fig, ax, f.t("account_plan.chart.opp_title"), f.t("account_plan.chart.expected_value"), ""
    )
