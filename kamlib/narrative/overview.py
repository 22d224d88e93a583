"""Executive summary, section texts and KPI tiles of the customer base overview.

Every function takes an :class:`~kamlib.analysis.overview.OverviewResult`
and ``lang`` ("de" | "en") and returns HTML-safe text.
"""

from __future__ import annotations

import html
import math
from dataclasses import dataclass

import pandas as pd

from kamlib.analysis.overview import (
    GROWTH_MIN_PREV_SHARE,
    OTHER,
    UNKNOWN,
    OverviewResult,
    window_months_table,
)
from kamlib.content import TableSpec
from kamlib.i18n import Formatter
from kamlib.labels import shorten
from kamlib.labels_overview import category_label, window_period, year_label

#: growth within +/- this fraction is called "practically unchanged" (rounding noise
#: of one percent is no trend a client would act on)
STABLE_BAND = 0.01
#: margin % within +/- this many points of the previous year's is said to have "held"
MARGIN_HELD_BAND = 0.01
#: a category's margin must lie this many points below the average to be a pricing case
MARGIN_GAP_MIN = 0.02
#: ... and carry at least this share of revenue
MARGIN_CASE_MIN_SHARE = 0.05
#: the largest customers are a concentration risk worth a decision from this top-10 % share
SECURE_TOP_MIN_SHARE = 0.30
#: at most this many decisions close the management summary
MAX_DECISIONS = 5


def _missing(value) -> bool:
    return value is None or (isinstance(value, float) and math.isnan(value))


def signed_pct(fraction: float, lang: str, decimals: int = 1) -> str:
    """A change as a signed percentage: ``+4,5 %`` / ``−2.0%`` (real minus sign)."""
    f = Formatter(lang)
    if _missing(fraction):
        return f.pct(fraction)
    text = f.pct(abs(fraction), decimals)
    return ("+" if fraction > 0 else "−" if fraction < 0 else "±") + text


def signed_int(value: float, lang: str) -> str:
    """A count change with sign: ``+12`` / ``−3``."""
    f = Formatter(lang)
    if _missing(value):
        return f.int(value)
    return ("+" if value > 0 else "−" if value < 0 else "±") + f.int(abs(value))


def previous_period(result: OverviewResult, lang: str) -> str:
    f = Formatter(lang)
    return f"{f.month(result.previous.start)} – {f.month(result.previous.end)}"


def _list(names: list[str], lang: str) -> str:
    """``A, B und C`` / ``A, B and C``."""
    if len(names) <= 1:
        return "".join(names)
    return ", ".join(names[:-1]) + f" {Formatter(lang).t('overview.and')} " + names[-1]


_PLURAL_KEYS = {"industry": "overview.dim_industries", "region": "overview.dim_regions"}


# ---------------------------------------------------------------- summary


def _trend(result: OverviewResult, lang: str) -> str:
    f = Formatter(lang)
    months = result.settings.window_months
    g = result.window_growth
    if _missing(g):
        return f.t("overview.trend_unknown")
    if abs(g) < STABLE_BAND:
        return f.t("overview.trend_flat", months=months)
    key = "overview.trend_up" if g > 0 else "overview.trend_down"
    return f.t(key, pct=f.pct(abs(g)), months=months)


def summary_revenue(result: OverviewResult, lang: str) -> str:
    """Revenue (and margin) of the current window and its trend."""
    f = Formatter(lang, result.currency)
    cur = result.current
    args = dict(
        months=result.settings.window_months,
        period=window_period(result, lang),
        client=html.escape(shorten(result.client_name)),
        customers=f.int(cur.customers),
        revenue=f.money_short(cur.revenue),
        trend=_trend(result, lang),
    )
    if result.has_margin and not _missing(cur.margin_pct):
        return f.t(
            "overview.sum_revenue_margin",
            margin=f.money_short(cur.margin),
            margin_pct=f.pct(cur.margin_pct),
            **args,
        )
    return f.t("overview.sum_revenue", **args)


def summary_concentration(result: OverviewResult, lang: str) -> str | None:
    f = Formatter(lang)
    c = result.concentration
    if c.customers == 0:
        return None
    return f.t(
        "overview.sum_concentration",
        k10=f.t("overview.kpi_customers_count", n=f.int(c.top10_customers)),
        s10=f.pct(c.top10_share),
        k20=f.t("overview.kpi_customers_count", n=f.int(c.top20_customers)),
        s20=f.pct(c.top20_share),
        meaning=f.t(f"overview.meaning_{c.level}"),
    )


def summary_top(result: OverviewResult, lang: str) -> str | None:
    f = Formatter(lang)
    top = result.top_customers
    if top.empty:
        return None
    first = top.iloc[0]
    args = dict(name=html.escape(shorten(first["name"])), share=f.pct(first["share"]))
    if result.key_account_flag:
        return f.t(
            "overview.sum_top_ka",
            n=f.int(len(top)),
            ka=f.int(int(top["is_key_account"].sum())),
            **args,
        )
    return f.t("overview.sum_top", **args)


def _largest_named(table: pd.DataFrame) -> pd.Series | None:
    """The largest real category (not unknown / other), or None."""
    named = table[~table["key"].isin([UNKNOWN, OTHER])]
    return None if named.empty else named.iloc[0]


def growth_leaders(table: pd.DataFrame) -> tuple[pd.Series | None, pd.Series | None]:
    """The fastest-growing and the most-declining category of the growth ranking.

    Only rows with ``growth_ranked`` (named, known growth, at least
    ``GROWTH_MIN_PREV_SHARE`` of the previous period's revenue) take part, the
    same rows whose growth the table shows. The leader is None unless it grew,
    the laggard None unless it shrank; both None with fewer than two such rows.
    """
    ranked = table[table["growth_ranked"].astype(bool)]
    if len(ranked) < 2:
        return None, None
    up = ranked.loc[ranked["growth"].idxmax()]
    down = ranked.loc[ranked["growth"].idxmin()]
    return (up if up["growth"] > 0 else None), (down if down["growth"] < 0 else None)


def summary_dimensions(result: OverviewResult, lang: str) -> str | None:
    f = Formatter(lang)
    ind = _largest_named(result.by_industry)
    reg = _largest_named(result.by_region)
    if ind is None or reg is None:
        return None
    return f.t(
        "overview.sum_dimensions",
        industry=category_label(ind["key"], lang),
        industry_share=f.pct(ind["share"]),
        region=category_label(reg["key"], lang),
        region_share=f.pct(reg["share"]),
    )


def flow_reference_row(result: OverviewResult) -> pd.Series | None:
    """The customer-flow row the summary talks about: the last full calendar
    year with a known number of new customers (the YTD year is too short)."""
    flow = result.customer_flow
    rows = flow[~flow["is_ytd"] & flow["new"].notna()]
    return None if rows.empty else rows.iloc[-1]


def summary_flow(result: OverviewResult, lang: str) -> str | None:
    f = Formatter(lang)
    row = flow_reference_row(result)
    if row is None:
        return None
    net = row["net"]
    if net > 0:
        meaning = f.t("overview.flow_growing", net=f.int(net))
    elif net < 0:
        meaning = f.t("overview.flow_shrinking", net=f.int(-net))
    else:
        meaning = f.t("overview.flow_balanced")
    return f.t(
        "overview.sum_flow",
        year=int(row["year"]),
        new=f.int(row["new"]),
        lost=f.int(row["lost"]),
        provisional="" if row["lost_final"] else f.t("overview.sum_flow_provisional"),
        meaning=meaning,
    )


def executive_summary(result: OverviewResult, lang: str) -> list[str]:
    """Three to five sentences for the top of the deliverable.

    Revenue/margin and trend, concentration with what it means, the largest
    customer and key-account coverage, strongest industry and region, new vs.
    lost customers. Sentences whose data are missing are left out; a missing
    margin is itself worth a sentence.
    """
    sentences = [
        summary_revenue(result, lang),
        summary_concentration(result, lang),
        summary_top(result, lang),
        summary_dimensions(result, lang),
        summary_flow(result, lang),
    ]
    out = [s for s in sentences if s]
    if not result.has_margin:
        out.insert(1, Formatter(lang).t("overview.sum_no_margin"))
    return out[:5]


# ---------------------------------------------------------------- KPI tiles


def kpi_tiles(result: OverviewResult, lang: str) -> list[tuple[str, str, str]]:
    """``(label, value, note)`` tiles for :func:`kamlib.report.kpis`."""
    f = Formatter(lang, result.currency)
    cur = result.current
    months = result.settings.window_months
    label = f.t("overview.kpi_revenue") if months == 12 else f.t("overview.kpi_revenue_n", n=months)
    growth_note = (
        f.t("overview.kpi_vs_prev", growth=signed_pct(result.window_growth, lang))
        if not _missing(result.window_growth)
        else ""
    )
    tiles = [(label, f.money_short(cur.revenue), growth_note)]
    if result.has_margin:
        tiles.append(
            (
                f.t("overview.kpi_margin_pct"),
                f.pct(cur.margin_pct),
                f.t("overview.kpi_margin_abs", margin=f.money_short(cur.margin)),
            )
        )
    tiles.append(
        (
            f.t("overview.kpi_customers"),
            f.int(cur.customers),
            f.t("overview.kpi_of_master", n=f.int(result.master_customers)),
        )
    )
    c = result.concentration
    if c.customers:
        tiles.append(
            (
                f.t("overview.kpi_top20"),
                f.pct(c.top20_share),
                f.t("overview.kpi_customers_count", n=f.int(c.top20_customers)),
            )
        )
    row = flow_reference_row(result)
    if row is not None:
        note = f.t("overview.kpi_net", net=signed_int(row["net"], lang))
        if not row["lost_final"]:
            note += f" · {f.t('overview.kpi_provisional')}"
        tiles.append(
            (
                f.t("overview.kpi_flow", year=int(row["year"])),
                f"{f.int(row['new'])} / {f.int(row['lost'])}",
                note,
            )
        )
    return tiles


# ---------------------------------------------------------------- section texts


def yearly_text(result: OverviewResult, lang: str) -> str:
    """Last full year with growth and margin, the YTD comparison, customer trend."""
    f = Formatter(lang, result.currency)
    y = result.yearly
    if y.empty:
        return ""
    parts = []
    full = y[~y["is_ytd"]]
    if not full.empty:
        row = full.iloc[-1]
        growth = (
            f.t(
                "overview.txt_growth_clause",
                growth=signed_pct(row["growth"], lang),
                prev_year=int(row["year"]) - 1,
            )
            if not _missing(row["growth"])
            else ""
        )
        margin = (
            f.t("overview.txt_margin_clause", margin_pct=f.pct(row["margin_pct"]))
            if not _missing(row["margin_pct"])
            else ""
        )
        parts.append(
            f.t(
                "overview.txt_yearly",
                year=int(row["year"]),
                revenue=f.money_short(row["revenue"]),
                growth_clause=growth,
                margin_clause=margin,
            )
        )
    ytd = y[y["is_ytd"]]
    if not ytd.empty:
        row = ytd.iloc[-1]
        if _missing(row["growth"]):
            parts.append(
                f.t(
                    "overview.txt_ytd_nocompare",
                    date=f.date(row["period_end"]),
                    revenue=f.money_short(row["revenue"]),
                )
            )
        else:
            parts.append(
                f.t(
                    "overview.txt_ytd",
                    date=f.date(row["period_end"]),
                    revenue=f.money_short(row["revenue"]),
                    growth=signed_pct(row["growth"], lang),
                    prev_revenue=f.money_short(row["prev_revenue"]),
                )
            )
    # customer trend between full years only: a YTD count is not comparable
    counts = full if len(full) >= 2 else pd.DataFrame()
    if not counts.empty:
        first, last = counts.iloc[0], counts.iloc[-1]
        if first["customers"] == last["customers"]:
            parts.append(
                f.t(
                    "overview.txt_customers_same",
                    last=f.int(last["customers"]),
                    last_year=int(last["year"]),
                )
            )
        else:
            up = last["customers"] > first["customers"]
            parts.append(
                f.t(
                    "overview.txt_customers",
                    first=f.int(first["customers"]),
                    first_year=int(first["year"]),
                    last=f.int(last["customers"]),
                    last_year=int(last["year"]),
                    direction=f.t("overview.dir_up" if up else "overview.dir_down"),
                )
            )
    return "".join(parts).strip()


def monthly_text(result: OverviewResult, lang: str) -> str:
    f = Formatter(lang, result.currency)
    m = window_months_table(result)
    if m.empty:
        return ""
    best = m.loc[m["revenue"].idxmax()]
    worst = m.loc[m["revenue"].idxmin()]
    args = dict(
        best=f.month(best["month"]),
        best_revenue=f.money_short(best["revenue"]),
        worst=f.month(worst["month"]),
        worst_revenue=f.money_short(worst["revenue"]),
    )
    compared = m[m["prev_year_revenue"].notna()]
    if compared.empty:
        return f.t("overview.txt_monthly_noprev", **args)
    above = int((compared["revenue"] > compared["prev_year_revenue"]).sum())
    return f.t("overview.txt_monthly", above=f.int(above), months=f.int(len(compared)), **args)


def dimension_text(result: OverviewResult, dimension: str, lang: str) -> str:
    """Paragraph for ``dimension`` ``"industry"`` or ``"region"``."""
    f = Formatter(lang)
    table = result.by_industry if dimension == "industry" else result.by_region
    named = table[~table["key"].isin([UNKNOWN, OTHER])]
    if named.empty:
        return ""
    parts = []
    if len(named) >= 3:
        top3 = named.head(3)
        parts.append(
            f.t(
                "overview.txt_dim_top3",
                dims=f.t(_PLURAL_KEYS[dimension]),
                names=_list([category_label(k, lang) for k in top3["key"]], lang),
                share=f.pct(top3["share"].sum()),
            )
        )
    else:
        row = named.iloc[0]
        parts.append(
            f.t(
                "overview.txt_dim_top1",
                name=category_label(row["key"], lang),
                dim=f.t(f"overview.dim_{dimension}"),
                share=f.pct(row["share"]),
            )
        )
    up, down = growth_leaders(table)
    base = dict(dims=f.t(_PLURAL_KEYS[dimension]), min_share=f.pct(GROWTH_MIN_PREV_SHARE, 0))
    if up is not None:
        base.update(up=category_label(up["key"], lang), up_growth=signed_pct(up["growth"], lang))
    if down is not None:
        base.update(
            down=category_label(down["key"], lang), down_growth=signed_pct(down["growth"], lang)
        )
    if up is not None and down is not None:
        parts.append(f.t("overview.txt_dim_movers_base", **base))
    elif up is not None:
        parts.append(f.t("overview.txt_dim_all_up", **base))
    elif down is not None:
        parts.append(f.t("overview.txt_dim_all_down", **base))
    margins = named[named["margin_pct"].notna()]
    if len(margins) >= 2:
        low = margins.loc[margins["margin_pct"].idxmin()]
        high = margins.loc[margins["margin_pct"].idxmax()]
        parts.append(
            f.t(
                "overview.txt_dim_margin",
                low=f.pct(low["margin_pct"]),
                low_name=category_label(low["key"], lang),
                high=f.pct(high["margin_pct"]),
                high_name=category_label(high["key"], lang),
            )
        )
    unknown = table.loc[table["key"] == UNKNOWN, "share"]
    if not unknown.empty and unknown.iloc[0] > 0:
        parts.append(f.t("overview.txt_dim_unknown", share=f.pct(unknown.iloc[0])))
    return "".join(parts)


def top_text(result: OverviewResult, lang: str) -> str:
    f = Formatter(lang)
    top = result.top_customers
    if top.empty:
        return ""
    parts = [
        f.t(
            "overview.txt_top",
            n=f.int(len(top)),
            share=f.pct(top["cumulative_share"].iloc[-1]),
            months=result.settings.window_months,
        )
    ]
    if result.key_account_flag:
        ka = int(top["is_key_account"].sum())
        if ka == len(top):
            parts.append(f.t("overview.txt_top_ka_all"))
        elif ka == 0:
            parts.append(f.t("overview.txt_top_ka_none"))
        else:
            parts.append(f.t("overview.txt_top_ka", ka=f.int(ka), not_ka=f.int(len(top) - ka)))
    margins = top["margin_pct"].dropna()
    if len(margins) >= 2:
        parts.append(
            f.t("overview.txt_top_margin", low=f.pct(margins.min()), high=f.pct(margins.max()))
        )
    return "".join(parts)


def concentration_text(result: OverviewResult, lang: str) -> str:
    f = Formatter(lang)
    c = result.concentration
    if c.customers == 0:
        return ""
    return f.t(
        "overview.txt_concentration",
        k80=f.int(c.customers_for_80),
        n=f.int(c.customers),
        k80_share=f.pct(c.customers_for_80_share),
        equivalent=f.num(1 / c.hhi, 1) if c.hhi > 0 else f.num(float("nan")),
        hhi=f.num(c.hhi, 3),
    )


def flow_text(result: OverviewResult, lang: str) -> str:
    f = Formatter(lang)
    flow = result.customer_flow
    if flow.empty:
        return ""
    # wins and losses summed over the same years only: those whose new customers are known
    known = flow[flow["new"].notna()]
    if known.empty:
        parts = []
    else:
        years = [year_label(int(y), bool(ytd), result.as_of, lang, short=True)
                 for y, ytd in zip(known["year"], known["is_ytd"], strict=True)]  # fmt: skip
        new, lost = known["new"].sum(), known["lost"].sum()
        parts = [
            f.t(
                "overview.txt_flow_base",
                count=int(new),
                years=_list(years, lang),
                new=f.int(new),
                lost=f.int(lost),
                net=signed_int(new - lost, lang),
            )
        ]
    provisional = flow.loc[~flow["lost_final"], "year"].astype(int).astype(str).tolist()
    if provisional:
        parts.append(
            f.t(
                "overview.txt_flow_provisional_ytd",
                months=result.lost_after_months,
                years=_list(provisional, lang),
            )
        )
    parts.append(f.t("overview.txt_flow_hint"))
    return "".join(parts)


def method_items(result: OverviewResult, lang: str) -> list[str]:
    """The definitions behind the figures, one sentence per item."""
    f = Formatter(lang)
    text = f.t(
        "overview.method_items",
        coverage=f.pct(result.margin_coverage),
        months=result.settings.window_months,
        period=window_period(result, lang),
        lost_months=result.lost_after_months,
        lost_cutoff=f.date(result.lost_cutoff),
    )
    # the last item (new and lost) follows the shared section-0 rule
    flow_rule = f.t(
        "overview.method_flow_rule",
        lost_months=result.lost_after_months,
        lost_cutoff=f.date(result.lost_cutoff),
    )
    return [*text.split("|")[:-1], flow_rule]


# ---------------------------------------------------------------- tables
# Each returns a :class:`~kamlib.content.TableSpec` (display columns with their
# formats) for :func:`kamlib.report.table`, so the notebook stays one line per table.


def yearly_table(result: OverviewResult, lang: str) -> TableSpec:
    """Year | revenue | growth | margin | margin % | active customers."""
    f = Formatter(lang, result.currency)
    y = result.yearly
    df = y.assign(
        label=[year_label(int(r.year), bool(r.is_ytd), r.period_end, lang) for r in y.itertuples()]
    )  # one row per year
    columns: dict = {
        "label": (f.t("common.year"), "text"),
        "revenue": (f.t("common.revenue"), "money"),
        "growth": (f.t("overview.col_growth"), lambda v: signed_pct(v, lang)),
    }
    if result.has_margin:
        columns["margin"] = (f.t("common.margin"), "money")
        columns["margin_pct"] = (f.t("common.margin_pct"), "pct")
    columns["customers"] = (f.t("overview.col_active"), "int")
    ytd = y[y["is_ytd"]]
    if ytd.empty:
        caption = f.t("overview.caption_yearly_full")
    else:
        end = ytd["period_end"].iloc[0] - pd.DateOffset(years=1)
        start = pd.Timestamp(year=end.year, month=1, day=1)
        caption = f.t("overview.caption_yearly", prev_period=f.period(start, end))
    return TableSpec(
        df=df,
        columns=columns,
        caption=caption,
        compact=False,
    )


def dimension_table(result: OverviewResult, dimension: str, lang: str) -> TableSpec:
    """Category | active customers | revenue | share | margin % | growth, with a total row."""
    f = Formatter(lang, result.currency)
    table = result.by_industry if dimension == "industry" else result.by_region
    df = table.assign(label=[_whole(category_label(k, lang)) for k in table["key"]])
    columns: dict = {
        "label": (f.t(f"common.{dimension}"), "html"),  # escaped, never hyphenated
        "customers": (f.t("overview.col_active"), "int"),
        "revenue": (f.t("common.revenue"), "money"),
        "share": (f.t("common.share"), "pct"),
    }
    if result.has_margin:
        columns["margin_pct"] = (f.t("common.margin_pct"), "pct")
    columns["growth_shown"] = (f.t("overview.col_growth_window"), lambda v: signed_pct(v, lang))
    # growth only where it takes part in the ranking the text talks about (same base)
    df["growth_shown"] = df["growth"].where(df["growth_ranked"].astype(bool))
    cur = result.current  # the categories add up to the window totals
    total = {
        "label": html.escape(f.t("common.total")),
        "customers": cur.customers,
        "revenue": cur.revenue,
        "share": 1.0 if cur.revenue else float("nan"),
        "margin_pct": cur.margin_pct,
        "growth_shown": result.window_growth,
    }
    caption = f.t(
        "overview.caption_window_base",
        period=window_period(result, lang),
        prev_period=previous_period(result, lang),
        dims=f.t(_PLURAL_KEYS[dimension]),
        min_share=f.pct(GROWTH_MIN_PREV_SHARE, 0),
    )
    return TableSpec(
        df=df,
        columns=columns,
        caption=caption,
        total_row=total,
        compact=False,
    )


def top_table(result: OverviewResult, lang: str) -> TableSpec:
    """Rank | customer | revenue | margin % | share | cumulative | key account."""
    f = Formatter(lang, result.currency)
    columns: dict = {
        "rank": (f.t("overview.col_rank"), "int"),
        "name_html": (f.t("common.customer"), "html"),  # escaped, never hyphenated
        "revenue": (f.t("common.revenue"), "money"),
    }
    if result.has_margin:
        columns["margin_pct"] = (f.t("common.margin_pct"), "pct")
    columns["share"] = (f.t("common.share"), "pct")
    columns["cumulative_share"] = (f.t("overview.col_cum_share"), "pct")
    if result.key_account_flag:
        columns["is_key_account"] = (f.t("common.key_account"), "bool")
    caption = f.t("overview.caption_top", period=window_period(result, lang))
    return TableSpec(
        df=result.top_customers.assign(
            name_html=[_whole(html.escape(shorten(n))) for n in result.top_customers["name"]]
        ),
        columns=columns,
        caption=caption,
        compact=True,
    )


def flow_table(result: OverviewResult, lang: str) -> TableSpec:
    """Year | active | new | lost (provisional marked) | net."""
    f = Formatter(lang)
    flow = result.customer_flow
    mark = f.t("overview.provisional_mark")
    df = flow.assign(
        label=[
            year_label(int(r.year), bool(r.is_ytd), result.as_of, lang) for r in flow.itertuples()
        ],
        lost_text=[
            f.int(r.lost) if r.lost_final else f"{f.int(r.lost)} ({mark})"
            for r in flow.itertuples()
        ],
    )  # one row per year
    columns: dict = {
        "label": (f.t("common.year"), "text"),
        "active": (f.t("overview.col_active"), "int"),
        "new": (f.t("overview.col_new"), "int"),
        "lost_text": (f.t("overview.col_lost"), str),  # pre-formatted text, right-aligned
        "net": (f.t("overview.col_net"), lambda v: signed_int(v, lang)),
    }
    caption = f.t("overview.caption_flow_rule", months=result.lost_after_months)
    return TableSpec(
        df=df,
        columns=columns,
        caption=caption,
        compact=False,
    )


# ---------------------------------------------------------------- headings
# Every section heading states the section's message, computed from the same
# figures as the text and the table below it. Headings are plain text
# (report.section escapes them), so client strings are not HTML-escaped here.


def _last_full_year(result: OverviewResult) -> pd.Series | None:
    full = result.yearly[~result.yearly["is_ytd"]]
    return None if full.empty else full.iloc[-1]


def heading_yearly(result: OverviewResult, lang: str) -> str:
    """``Revenue 2025 grew +6.0 % to €31.7m; margin held at 34.0 %`` (last full year)."""
    f = Formatter(lang, result.currency)
    row = _last_full_year(result)
    if row is None:
        return f.t("overview.h_yearly")
    args = dict(year=int(row["year"]), revenue=f.money_short(row["revenue"]))
    g = row["growth"]
    if _missing(g):
        head = f.t("overview.hd_yearly_plain", **args)
    elif abs(g) < STABLE_BAND:
        head = f.t("overview.hd_yearly_flat", **args)
    else:
        key = "overview.hd_yearly_up" if g > 0 else "overview.hd_yearly_down"
        head = f.t(key, growth=f.pct(abs(g)), **args)
    m = row["margin_pct"]
    if not result.has_margin or _missing(m):
        return head
    years = result.yearly.set_index("year")
    prev = years["margin_pct"].get(int(row["year"]) - 1, float("nan"))
    if _missing(prev):
        return head + f.t("overview.hd_margin", pct=f.pct(m))
    if abs(m - prev) < MARGIN_HELD_BAND:
        return head + f.t("overview.hd_margin_held", pct=f.pct(m))
    key = "overview.hd_margin_up" if m > prev else "overview.hd_margin_down"
    return head + f.t(key, pct=f.pct(m), prev=f.pct(prev))


def heading_monthly(result: OverviewResult, lang: str) -> str:
    """``Above the previous year in 8 of 12 months`` (or the strongest month)."""
    f = Formatter(lang, result.currency)
    m = window_months_table(result)
    if m.empty:
        return f.t("overview.h_monthly")
    compared = m[m["prev_year_revenue"].notna()]
    if compared.empty:
        best = m.loc[m["revenue"].idxmax()]
        return f.t(
            "overview.hd_monthly_best",
            best=f.month(best["month"]),
            revenue=f.money_short(best["revenue"]),
        )
    above = int((compared["revenue"] > compared["prev_year_revenue"]).sum())
    return f.t("overview.hd_monthly", above=f.int(above), months=f.int(len(compared)))


def heading_dimension(result: OverviewResult, dimension: str, lang: str) -> str:
    """``Automotive, Food and Pharma carry 62.0 % of revenue`` (the three largest)."""
    f = Formatter(lang)
    table = result.by_industry if dimension == "industry" else result.by_region
    named = table[~table["key"].isin([UNKNOWN, OTHER]) & (table["revenue"] > 0)]
    if named.empty:
        return f.t(f"overview.h_{dimension}")
    top = named.head(3)
    names = _list([category_label(k, lang, escape=False) for k in top["key"]], lang)
    return f.t("overview.hd_dim", count=len(top), names=names, share=f.pct(top["share"].sum()))


def heading_top(result: OverviewResult, lang: str) -> str:
    """``The 20 largest customers carry 55.0 % of revenue`` (cumulative share of the table)."""
    f = Formatter(lang)
    top = result.top_customers
    if top.empty:
        return f.t("overview.h_top", n=0)
    return f.t(
        "overview.hd_top",
        count=len(top),
        n=f.int(len(top)),
        share=f.pct(top["cumulative_share"].iloc[-1]),
    )


def heading_concentration(result: OverviewResult, lang: str) -> str:
    """``57 of 350 customers (16.3 %) make 80 % of revenue`` (base: positive revenue)."""
    f = Formatter(lang)
    c = result.concentration
    if c.customers == 0:
        return f.t("overview.h_concentration")
    return f.t(
        "overview.hd_concentration",
        k80=f.int(c.customers_for_80),
        n=f.int(c.customers),
        k80_share=f.pct(c.customers_for_80_share),
    )


def heading_flow(result: OverviewResult, lang: str) -> str:
    """``2025: 23 customers won, 22 lost – net +1`` (the last full year, as in the summary)."""
    f = Formatter(lang)
    row = flow_reference_row(result)
    if row is None:
        return f.t("overview.h_flow")
    return f.t(
        "overview.hd_flow",
        year=int(row["year"]),
        new=f.int(row["new"]),
        lost=f.int(row["lost"]),
        net=signed_int(row["net"], lang),
    )


# ---------------------------------------------------------------- summary: coverage, decisions


def summary_coverage(result: OverviewResult, lang: str) -> str:
    """One line on what the figures rest on; the data check itself is in the appendix."""
    f = Formatter(lang)
    key = "overview.sum_coverage_margin" if result.has_margin else "overview.sum_coverage"
    return f.t(
        key,
        start=f.date(result.data_start),
        as_of=f.date(result.as_of),
        master=f.int(result.master_customers),
        coverage=f.pct(result.margin_coverage),
    )


def quarter_after(as_of: pd.Timestamp, quarters: int, lang: str) -> str:
    """The calendar quarter ``quarters`` after as_of's quarter: ``Q3 2026``."""
    period = pd.Timestamp(as_of).to_period("Q") + quarters
    return Formatter(lang).t("overview.quarter", q=period.quarter, year=period.year)


@dataclass
class Decision:
    """One decision that closes the management summary.

    ``impact`` is in the client's currency (what is at stake or to be gained),
    ``impact_key`` names what the amount means; ``text`` is markup (client
    data escaped); ``owner`` and ``timing`` plain text.
    """

    kind: str
    text: str
    impact: float
    impact_key: str
    owner: str
    timing: str


def _decision_secure_top(result: OverviewResult, lang: str) -> Decision | None:
    f = Formatter(lang, result.currency)
    c = result.concentration
    if c.customers == 0 or _missing(c.top10_share) or c.top10_share < SECURE_TOP_MIN_SHARE:
        return None
    return Decision(
        "secure_top",
        f.t(
            "overview.dec_secure_top",
            count=c.top10_customers,
            n=f.int(c.top10_customers),
            share=f.pct(c.top10_share),
        ),
        c.top10_share * c.revenue,
        "overview.impact_at_stake",
        f.t("overview.owner_kam"),
        quarter_after(result.as_of, 1, lang),
    )


def _decision_key_accounts(result: OverviewResult, lang: str) -> Decision | None:
    f = Formatter(lang, result.currency)
    top = result.top_customers
    if not result.key_account_flag or top.empty:
        return None
    gap = top[~top["is_key_account"].astype(bool)]
    if gap.empty:
        return None
    names = [_whole(html.escape(shorten(n))) for n in gap["name"].head(3)]
    return Decision(
        "key_accounts",
        f.t(
            "overview.dec_key_accounts",
            count=len(gap),
            n=f.int(len(gap)),
            top=f.int(len(top)),
            names=_list(names, lang),
        ),
        float(gap["revenue"].sum()),
        "overview.impact_unmanaged",
        f.t("overview.owner_sales"),
        quarter_after(result.as_of, 1, lang),
    )


def _decision_decline(result: OverviewResult, dimension: str, lang: str) -> Decision | None:
    """The ranked category of ``dimension`` that lost the most revenue in money."""
    f = Formatter(lang, result.currency)
    table = result.by_industry if dimension == "industry" else result.by_region
    ranked = table[table["growth_ranked"].astype(bool)]
    loss = (ranked["prev_revenue"] - ranked["revenue"]).astype(float)
    loss = loss[loss > 0]
    if loss.empty:
        return None
    row = ranked.loc[loss.idxmax()]
    return Decision(
        f"decline_{dimension}",
        f.t(
            f"overview.dec_decline_{dimension}",
            name=category_label(row["key"], lang),
            growth=signed_pct(row["growth"], lang),
        ),
        float(loss.max()),
        "overview.impact_lost",
        f.t(f"overview.owner_{dimension}"),
        quarter_after(result.as_of, 1, lang),
    )


def _decision_margin(result: OverviewResult, lang: str) -> Decision | None:
    """The industry whose margin gap to the average costs the most money."""
    f = Formatter(lang, result.currency)
    avg = result.current.margin_pct
    if not result.has_margin or _missing(avg):
        return None
    t = result.by_industry
    named = t[~t["key"].isin([UNKNOWN, OTHER]) & t["margin_pct"].notna()]
    cases = named[
        (named["share"] >= MARGIN_CASE_MIN_SHARE) & (named["margin_pct"] <= avg - MARGIN_GAP_MIN)
    ]
    if cases.empty:
        return None
    gain = cases["revenue"] * (avg - cases["margin_pct"])
    row = cases.loc[gain.idxmax()]
    return Decision(
        "margin",
        f.t(
            "overview.dec_margin",
            name=category_label(row["key"], lang),
            pct=f.pct(row["margin_pct"]),
            avg=f.pct(avg),
        ),
        float(gain.max()),
        "overview.impact_margin",
        f.t("overview.owner_pricing"),
        quarter_after(result.as_of, 2, lang),
    )


def decisions(result: OverviewResult, lang: str) -> list[Decision]:
    """Up to ``MAX_DECISIONS`` decisions, largest € impact first.

    Each follows from a figure of the deliverable: the top-10 % customers'
    revenue (concentration), the revenue of large customers without
    key-account status, the industry and the region that lost the most revenue
    (within the growth ranking's base) and the industry whose margin gap to
    the average costs the most.
    """
    found = [
        _decision_secure_top(result, lang),
        _decision_key_accounts(result, lang),
        _decision_decline(result, "industry", lang),
        _decision_decline(result, "region", lang),
        _decision_margin(result, lang),
    ]
    ranked = sorted((d for d in found if d is not None), key=lambda d: -d.impact)
    return ranked[:MAX_DECISIONS]


#: inline style that keeps names and roles whole in print (tables hyphenate by default)
_NO_HYPHENS = 'style="hyphens:none"'


def _whole(markup: str) -> str:
    """``markup`` in a span that the PDF never hyphenates (names, roles)."""
    return f"<span {_NO_HYPHENS}>{markup}</span>"


def decisions_table(result: OverviewResult, lang: str) -> TableSpec:
    """Priority | decision | impact | owner and timing (for :func:`kamlib.report.table`).

    The impact cell holds the amount and, below it, what the amount means.
    """
    f = Formatter(lang, result.currency)
    rows = decisions(result, lang)
    df = pd.DataFrame(
        {
            "priority": range(1, len(rows) + 1),
            "text": [d.text for d in rows],
            "impact": [
                f"<strong>{html.escape(f.money_short(d.impact))}</strong><br>"
                f"<small>{_whole(html.escape(f.t(d.impact_key)))}</small>"
                for d in rows
            ],
            "owner": [
                f"{_whole(html.escape(d.owner))}<br><small>{html.escape(d.timing)}</small>"
                for d in rows
            ],
        }
    )
    columns: dict = {
        "priority": (f.t("overview.col_priority"), "int"),
        "text": (f.t("overview.col_decision"), "html"),
        "impact": (f.t("overview.col_impact"), "html"),
        "owner": (f.t("overview.col_owner_timing"), "html"),
    }
    return TableSpec(
        df=df,
        columns=columns,
        caption=f.t("overview.caption_decisions", period=window_period(result, lang)),
        compact=False,
    )
