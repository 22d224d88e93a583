"""Alt texts of the deliverables' charts: what each chart shows and its main message.

A screen reader, a reader with images off and the PDF's accessibility layer
get one or two sentences per chart instead of its title: the kind of chart,
what it plots (computed from the data: how many customers, which years) and
the message the section states. Every function returns PLAIN text (no markup):
:func:`kamlib.report.figure` escapes it into the ``alt`` attribute. Texts live
in ``kamlib/messages/<lang>/alt.yaml``.

One function per deliverable, named after it, takes the chart's key, the
analysis result and the deliverable's :class:`~kamlib.i18n.Formatter`:
``alt.portfolio("bubble", result, f)`` -> ``"Bubble chart of 71 placed
customers … The largest wallet gap, €3.2m, is at Fenland Labels Ltd
(Protect). Message: …"``; ``dimension`` picks the overview's industry or
region chart. An unknown chart key raises ``KeyError``.
"""

from __future__ import annotations

import html
import re
from typing import Any

import pandas as pd

from kamlib.i18n import Formatter

_TAG = re.compile(r"<[^>]+>")
_SPACE = re.compile(r"[ \t\r\n]+")
#: a section number in front of a heading ("2. Kundenergebnis: …")
_NUMBER = re.compile(r"^\d+(?:\.\d+)*\.\s+")


def plain(markup: object) -> str:
    """``markup`` (narrative content, client data escaped) as plain text: tags removed,
    entities decoded, white space collapsed, no trailing full stop."""
    text = html.unescape(_TAG.sub("", "" if markup is None else str(markup)))
    # ordinary white space only: the non-breaking space in "320 T€" stays
    return _SPACE.sub(" ", text).strip().rstrip(" .")


def _join(f: Formatter, what: str, message: object) -> str:
    """``what`` (the chart) and ``message`` (its finding) as one alt text."""
    message = _NUMBER.sub("", plain(message))
    if not message:
        return f.t("alt.only", what=plain(what))
    return f.t("alt.join", what=plain(what), message=message)


# ------------------------------------------------------------------------------ overview


def overview(chart: str, result: Any, lang: str, dimension: str = "") -> str:
    """The alt text of chart ``chart`` of this deliverable (see the module docstring)."""
    f = Formatter(lang)
    from kamlib.labels_overview import window_period
    from kamlib.narrative import overview as ov

    if chart == "yearly":
        y = result.yearly
        key = "alt.overview.yearly_margin" if result.has_margin else "alt.overview.yearly"
        what = f.t(key, first=_first(y, "year"), last=_last(y, "year"))
        return _join(f, what, ov.heading_yearly(result, f))
    if chart == "monthly":
        months = len(ov.window_months_table(result))
        what = f.t("alt.overview.monthly", count=months, n=f.int(months))
        return _join(f, what, ov.heading_monthly(result, f))
    if chart == "dimension":
        table = result.by_industry if dimension == "industry" else result.by_region
        what = f.t(
            f"alt.overview.dimension_{dimension}",
            count=len(table),
            n=f.int(len(table)),
            period=window_period(result, f),
        )
        return _join(f, what, ov.heading_dimension(result, dimension, f))
    if chart == "pareto":
        c = result.concentration
        what = f.t(
            "alt.overview.pareto",
            count=c.customers,
            n=f.int(c.customers),
            top10=f.pct(c.top10_share),
            top20=f.pct(c.top20_share),
        )
        return _join(f, what, ov.heading_concentration(result, f))
    if chart == "flow":
        flow = result.customer_flow
        what = f.t("alt.overview.flow", first=_first(flow, "year"), last=_last(flow, "year"))
        return _join(f, what, ov.summary_flow(result, f))
    raise KeyError(chart)


# ------------------------------------------------------------------------------ portfolio


def portfolio(chart: str, result: Any, lang: str) -> str:
    """The alt text of chart ``chart`` of this deliverable (see the module docstring)."""
    f = Formatter(lang)
    from kamlib.narrative import portfolio as pf

    h = pf.headings(result, f)
    c = result.customers
    if chart == "abc_xyz":
        m = result.matrix.sort_values("revenue_share", ascending=False)
        top = m.iloc[0] if len(m) else None
        what = f.t(
            "alt.portfolio.abc_xyz",
            field=f"{top['abc']}{top['xyz']}" if top is not None else "–",
            share=f.pct(top["revenue_share"]) if top is not None else "–",
        )
        return _join(f, what, h["abc_xyz"])
    if chart == "lorenz":
        conc = pf.concentration(result)
        what = f.t(
            "alt.portfolio.lorenz",
            count=conc.customers,
            n=f.int(conc.customers),
            top20=f.pct(conc.top20_share),
        )
        return _join(f, what, h["concentration"])
    if chart == "bubble":
        placed = c[c["zone"].fillna("") != ""].dropna(
            subset=["attractiveness_score", "potential_score"]
        )
        what = f.t("alt.portfolio.bubble", count=len(placed), n=f.int(len(placed)))
        gap = placed[placed["wallet_gap"].fillna(0) > 0] if "wallet_gap" in placed else placed[:0]
        if len(gap):
            row = gap.loc[gap["wallet_gap"].idxmax()]
            what += " " + f.t(
                "alt.portfolio.bubble_gap",
                gap=f.money_short(row["wallet_gap"]),
                name=_name(row),
                zone=plain(pf.zone_name(result, row["zone"], f)),
            )
        return _join(f, what, h["matrix"])
    if chart == "zones":
        what = f.t("alt.portfolio.zones", count=len(result.zones), n=f.int(len(result.zones)))
        return _join(f, what, h["zones"])
    if chart == "wallet":
        have = c[c["wallet_gap"].fillna(0) > 0] if "wallet_gap" in c else c[:0]
        top = have.nlargest(12, "wallet_gap")
        what = f.t("alt.portfolio.wallet", count=len(top), n=f.int(len(top)))
        if len(top):
            row = top.iloc[0]
            what += " " + f.t(
                "alt.portfolio.wallet_top",
                name=_name(row),
                gap=f.money_short(row["wallet_gap"]),
                revenue=f.money_short(row["revenue"]),
            )
        return _join(f, what, h["wallet"])
    if chart == "ka":
        n = min(len(result.ka_ranking), int(result.settings.top_n))
        what = f.t(
            "alt.portfolio.ka",
            count=n,
            n=f.int(n),
            cut=f.num(float(result.settings.key_account.cut_score)),
        )
        return _join(f, what, h["ka"])
    if chart == "sensitivity":
        s = result.sensitivity
        what = f.t("alt.portfolio.sensitivity", step=f.pct(result.settings.sensitivity_step, 0))
        if len(s):
            # as the section's sentence: every criterion tied at the top share is named
            most = s.groupby("criterion", sort=False)["changed_share"].max()
            top = f.pct(most.max())
            tied = [c for c, v in most.sort_values(ascending=False).items() if f.pct(v) == top]
            what += " " + f.t(
                "alt.portfolio.sensitivity_top",
                count=len(tied),
                criterion=pf.join_names([pf.criterion_label(c, f) for c in tied], f),
                share=top,
            )
        return _join(f, what, h["sensitivity"])
    raise KeyError(chart)


# ------------------------------------------------------------------------------ the others


def c_customers(chart: str, result: Any, lang: str) -> str:
    """The alt text of chart ``chart`` of this deliverable (see the module docstring)."""
    f = Formatter(lang)
    from kamlib.narrative import c_customers as cc

    if chart == "shares":
        return _join(f, f.t("alt.c_customers.shares"), cc.heading_who(result, f))
    if chart == "whale":
        n = int(result.whale_peak["customers"])
        what = f.t("alt.c_customers.whale", count=n, n=f.int(n), year=result.year)
        return _join(f, what, cc.heading_whale(result, f))
    if chart == "waterfall":
        w = result.waterfall.set_index("abc_class")
        what = f.t("alt.c_customers.waterfall", year=result.year)
        message = f.t(
            "alt.c_customers.waterfall_c",
            profit=f.money_short(w.loc["C", "customer_profit"]) if "C" in w.index else "–",
            cost=f.money_short(w.loc["C", "cost_to_serve"]) if "C" in w.index else "–",
        )
        return _join(f, what, message)
    if chart == "channels":
        return _join(f, f.t("alt.c_customers.channels"), cc.heading_channels(result, f))
    if chart == "pricing":
        return _join(f, f.t("alt.c_customers.pricing"), cc.heading_pricing(result, f))
    raise KeyError(chart)


def retention(chart: str, result: Any, lang: str) -> str:
    """The alt text of chart ``chart`` of this deliverable (see the module docstring)."""
    f = Formatter(lang)
    from kamlib.narrative import retention as rt

    c = result.customers
    placed = int((c["placed"] & (c["revenue"] > 0)).sum()) if "placed" in c else 0
    sections = {"factors": "scores", "risk": "risk", "model": "model", "kpis": "kpis"}
    if chart not in sections:
        raise KeyError(chart)
    what = f.t(f"alt.retention.{chart}", count=placed, n=f.int(placed))
    return _join(f, what, rt.heading(result, sections[chart], f))


def touchpoints(chart: str, result: Any, lang: str) -> str:
    """The alt text of chart ``chart`` of this deliverable (see the module docstring)."""
    f = Formatter(lang)
    from kamlib.narrative import touchpoints as tp

    n = len(result.touchpoints)
    if chart == "matrix":
        what = f.t("alt.touchpoints.matrix", count=n, n=f.int(n))
        return _join(f, what, tp.matrix_heading(result, f))
    if chart == "heatmap":
        return _join(f, f.t("alt.touchpoints.heatmap"), tp.heatmap_heading(result, f))
    if chart == "deviation":
        compared = int(result.touchpoints["change"].notna().sum())
        what = f.t("alt.touchpoints.deviation", count=compared, n=f.int(compared))
        return _join(f, what, tp.deviation_heading(result, f))
    raise KeyError(chart)


def winback(chart: str, result: Any, lang: str) -> str:
    """The alt text of chart ``chart`` of this deliverable (see the module docstring)."""
    f = Formatter(lang)
    from kamlib.narrative import winback as wb

    if chart == "years":
        y = result.years
        what = f.t("alt.winback.years", first=_first(y, "year"), last=_last(y, "year"))
        return _join(f, what, wb.heading_years(result, f))
    if chart == "reasons":
        n = len(result.reasons_by_revenue)
        what = f.t("alt.winback.reasons", count=n, n=f.int(n))
        return _join(f, what, wb.heading_reasons(result, f))
    raise KeyError(chart)


# ------------------------------------------------------------------------------ helpers


def _first(df: pd.DataFrame, column: str) -> str:
    return str(int(df[column].iloc[0])) if len(df) else "–"


def _last(df: pd.DataFrame, column: str) -> str:
    return str(int(df[column].iloc[-1])) if len(df) else "–"


def _name(row: pd.Series) -> str:
    name = row.get("customer_name")
    if name is None or (isinstance(name, float) and pd.isna(name)) or not str(name).strip():
        name = row.get("customer_id", "")
    return " ".join(str(name).split())
