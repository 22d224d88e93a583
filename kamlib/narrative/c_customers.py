"""Headings, summary, decisions, section texts and tables of the C-customer deliverable.

Every function takes a :class:`~kamlib.analysis.c_customers.CCustomersResult`
and ``lang`` ("de" | "en") and returns content (sentences, headings or a
:class:`~kamlib.content.TableSpec`); nothing is displayed here.
Customer names are HTML-escaped; the wording lives in
:mod:`kamlib.messages.c_customers`. Headings state the section's message
computed from the numbers; every sentence names its base (year Y or the
portfolio window).
"""

from __future__ import annotations

import math
from typing import Any

import numpy as np
import pandas as pd

from kamlib.analysis.c_customer_rules import CHANNELS, DRIVERS
from kamlib.analysis.c_customers import CCustomersResult
from kamlib.content import TableSpec, esc
from kamlib.i18n import Formatter, t

#: at most this many decisions close the management summary (the brief: 3-5)
MAX_DECISIONS = 5
#: names quoted in one sentence
NAMES_IN_SENTENCE = 3
#: rows of the pricing table (every n-th grid value, plus the best)
PRICING_ROWS_EVERY = 2


def _tn(key: str, count: int, lang: str, **kwargs: Any) -> str:
    """Text for ``key`` in the plural form the language uses for ``count``."""
    return t(key, lang, count=count, **kwargs)


def _nan(value: Any) -> bool:
    return value is None or (isinstance(value, float) and math.isnan(value))


def _names(df: pd.DataFrame, lang: str, k: int = NAMES_IN_SENTENCE) -> str:
    names = [esc(n if n else i) for n, i in zip(df["name"], df["customer_id"], strict=True)][:k]
    rest = len(df) - len(names)
    if not names:
        return ""
    text = ", ".join(names[:-1]) + (f" {t('c_customers.and', lang)} " if len(names) > 1 else "")
    text += names[-1]
    if rest > 0:
        text = (
            ", ".join(names)
            + " "
            + _tn("c_customers.more", rest, lang, n=Formatter(lang).int(rest))
        )
    return text


def channel_label(channel: str, lang: str) -> str:
    """Display name of a channel key."""
    return t(f"c_customers.channel.{channel}", lang)


def top_n(result: CCustomersResult) -> int:
    return int(getattr(result.settings, "top_n", 15))


# --------------------------------------------------------------------- key facts


def earning_destroyers(result: CCustomersResult) -> pd.DataFrame:
    """Profit destroyers with revenue in Y (the ones a table may show by name)."""
    d = result.destroyers
    return d[d["revenue"] > 0]


def pricing_best(result: CCustomersResult) -> pd.Series:
    """The simulation row of the best minimum order value."""
    sim = result.simulation
    return sim.loc[sim["best"]].iloc[0]


def candidate_opportunity(result: CCustomersResult) -> float:
    """Sum of the growth candidates' opportunity (money per year)."""
    c = result.candidates
    return float(c["opportunity"].clip(lower=0).sum()) if len(c) else 0.0


def decisions(result: CCustomersResult) -> list[dict[str, Any]]:
    """The prioritised decisions (largest € impact first), each with key, impact,
    owner and timing keys; only decisions with a positive € impact."""
    out: list[dict[str, Any]] = []
    c = result.candidates
    if len(c):
        top = c.head(top_n(result))
        out.append(
            {"key": "candidates", "impact": float(top["opportunity"].clip(lower=0).sum()),
             "n": len(top), "owner": "owner_kam", "timing": "timing_quarter"}
        )  # fmt: skip
    if result.channel_saving > 0:
        moved = result.customers[
            result.customers["is_c_customer"]
            & result.customers["channel"].isin(["webshop_edi", "distributor", "inside_sales"])
        ]
        out.append(
            {"key": "channels", "impact": result.channel_saving, "n": len(moved),
             "owner": "owner_sales_director", "timing": "timing_half"}
        )  # fmt: skip
    best = pricing_best(result)
    if float(best["effect"]) > 0 and float(best["min_order_value"]) > 0:
        # on a flat curve recommend the knee: almost the same effect, fewer customers hit
        pick = pricing_knee(result)
        pick = best if pick is None else pick
        out.append(
            {"key": "pricing", "impact": float(pick["effect"]), "n": int(pick["customers_affected"]),
             "value": float(pick["min_order_value"]), "owner": "owner_pricing",
             "timing": "timing_pricelist"}
        )  # fmt: skip
    dest = earning_destroyers(result)
    # C destroyers are covered by the channel decision (distributor); this one is A/B
    c_dest = dest[dest["abc_class"] != "C"]
    if len(c_dest):
        out.append(
            {"key": "destroyers", "impact": float(-c_dest["customer_profit"].sum()),
             "n": len(c_dest), "owner": "owner_controlling", "timing": "timing_three_months"}
        )  # fmt: skip
    missing = missing_cost(result)
    if missing is not None:
        out.append(
            {"key": "record_drivers", "impact": missing[2], "n": missing[1],
             "drivers": tuple(result.missing_driver_costs), "owner": "owner_controlling",
             "timing": "timing_three_months"}
        )  # fmt: skip
    out.sort(key=lambda d: -d["impact"])
    return out[:MAX_DECISIONS]


def missing_cost(result: CCustomersResult) -> tuple[str, int, float] | None:
    """The most expensive missing driver, the customers with sales in Y and the cost one
    such event a year per customer would add (None when no driver is missing)."""
    if not result.missing_driver_costs:
        return None
    c = result.customers
    n = int((c["revenue"].ne(0) | c["orders"].gt(0)).sum())
    driver, unit = max(result.missing_driver_costs.items(), key=lambda kv: kv[1])
    return driver, n, float(unit) * n


def short_money(value: float, lang: str) -> str:
    """Compact money with a leading minus sign for negative amounts (``−€159k``)."""
    text = Formatter(lang).money_short(abs(value))
    return f"\u2212{text}" if value < 0 else text


# ------------------------------------------------------------------ summary


def executive_summary(result: CCustomersResult, lang: str) -> list[str]:
    """Three findings: who the C customers are, what the whale curve shows, the upside."""
    f = Formatter(lang)
    s = result.summary
    out = [
        _tn("c_customers.find.who", s["c_customers"], lang,
            n=f.int(s["c_customers"]), cust_share=f.pct(s["customer_share"], 0),
            rev_share=f.pct(s["revenue_share"]), margin_share=f.pct(s["margin_share"]),
            window=f.period(result.window_start, result.window_end))
    ]  # fmt: skip
    out.append(whale_sentence(result, lang))
    if len(result.candidates):
        out.append(
            _tn("c_customers.find.candidates", len(result.candidates), lang,
                n=f.int(len(result.candidates)), opportunity=f.money(candidate_opportunity(result)))
        )  # fmt: skip
    return [x for x in out if x]


def decisions_table(result: CCustomersResult, lang: str) -> TableSpec:
    """The decisions that close the summary: rank, decision, € impact per year, owner, timing."""
    f = Formatter(lang)
    rows = []
    for i, d in enumerate(decisions(result), start=1):
        extra = {"value": f.money(d["value"])} if "value" in d else {}
        if "drivers" in d:
            extra["drivers"] = ", ".join(t(f"c_customers.driver.{k}", lang) for k in d["drivers"])
        rows.append(
            {
                "rank": i,
                "decision": _tn(f"c_customers.decision.{d['key']}", d["n"], lang,
                                n=f.int(d["n"]), **extra),
                "impact": d["impact"],
                "owner": t(f"c_customers.{d['owner']}", lang),
                "timing": t(f"c_customers.{d['timing']}", lang),
            }
        )  # fmt: skip
    cols = {
        "rank": ("#", "int"),
        "decision": (t("c_customers.col.decision", lang), "html"),
        "impact": (t("c_customers.col.impact", lang), "money"),
        "owner": (t("c_customers.col.owner", lang), "text"),
        "timing": (t("c_customers.col.timing", lang), "text"),
    }
    return TableSpec(
        pd.DataFrame(rows, columns=list(cols)),
        cols,
        caption=t("c_customers.h.decisions", lang),
        empty_text=t("c_customers.text.no_decisions", lang),
    )


def kpi_tiles(result: CCustomersResult, lang: str) -> list[tuple[str, str, str]]:
    """Five KPI tiles ``(label, value, note)``."""
    f = Formatter(lang)
    s = result.summary
    p = result.whale_peak
    return [
        (t("c_customers.kpi.c_customers", lang), f.int(s["c_customers"]),
         t("c_customers.kpi.c_note", lang, share=f.pct(s["customer_share"], 0))),
        (t("c_customers.kpi.c_revenue", lang), f.pct(s["revenue_share"]),
         f.period(result.window_start, result.window_end)),
        (t("c_customers.kpi.peak", lang), f.pct(p["peak_share"], 0),
         t("c_customers.kpi.peak_note", lang, year=result.year)),
        (t("c_customers.kpi.destroyed", lang), f.money_short(result.destroyed_profit),
         t("c_customers.kpi.destroyed_note", lang, n=f.int(len(result.destroyers)))),
        (t("c_customers.kpi.saving", lang), short_money(result.channel_saving, lang),
         t("c_customers.kpi.saving_note", lang)),
    ]  # fmt: skip


# ------------------------------------------------------------------ section 1


def heading_who(result: CCustomersResult, lang: str) -> str:
    f = Formatter(lang)
    s = result.summary
    return t("c_customers.h.who", lang, cust_share=f.pct(s["customer_share"], 0),
             rev_share=f.pct(s["revenue_share"], 0))  # fmt: skip


def trend_sentence(result: CCustomersResult, lang: str) -> str:
    """How the number of C customers with revenue and their revenue share moved."""
    f = Formatter(lang)
    tr = result.trend
    if len(tr) < 2:
        return ""
    first, last = tr.iloc[0], tr.iloc[-1]
    diff = int(last["c_customers_with_revenue"]) - int(first["c_customers_with_revenue"])
    key = "up" if diff > 0 else "down" if diff < 0 else "flat"
    return t(f"c_customers.text.trend_{key}", lang,
             start=f.period(first["window_start"], first["window_end"]),
             n_start=f.int(first["c_customers_with_revenue"]),
             n_end=f.int(last["c_customers_with_revenue"]), diff=f.int(abs(diff)),
             share_start=f.pct(first["revenue_share"]), share_end=f.pct(last["revenue_share"]))  # fmt: skip


def trend_table(result: CCustomersResult, lang: str) -> TableSpec:
    f = Formatter(lang)
    df = result.trend.copy()
    df["window"] = [
        f.period(a, b) for a, b in zip(df["window_start"], df["window_end"], strict=True)
    ]
    cols = {
        "window": (t("c_customers.col.window", lang), "text"),
        "customers_with_revenue": (t("c_customers.col.customers_with_revenue", lang), "int"),
        "c_customers_with_revenue": (t("c_customers.col.c_with_revenue", lang), "int"),
        "revenue": (t("c_customers.col.c_revenue", lang), "money"),
        "revenue_share": (t("c_customers.col.revenue_share", lang), "pct"),
    }
    return TableSpec(df, cols, caption=t("c_customers.caption.trend", lang))


# ------------------------------------------------------------------ section 2


def heading_whale(result: CCustomersResult, lang: str) -> str:
    f = Formatter(lang)
    p = result.whale_peak
    if p["total_profit"] <= 0:
        return t("c_customers.h.whale_loss", lang, year=result.year)
    return t("c_customers.h.whale", lang, peak=f.pct(p["peak_share"], 0),
             share=f.pct(p["peak_customer_share"], 0))  # fmt: skip


def whale_sentence(result: CCustomersResult, lang: str) -> str:
    """Peak of the whale curve and what the profit destroyers cost (year Y)."""
    f = Formatter(lang)
    p = result.whale_peak
    if p["customers"] == 0:
        return t("c_customers.text.whale_empty", lang, year=result.year)
    n_dest = len(result.destroyers)
    if p["total_profit"] <= 0:
        return t("c_customers.text.whale_negative", lang, year=result.year,
                 total=f.money(p["total_profit"]), peak=f.money(p["peak_profit"]),
                 n=f.int(p["peak_customers"]))  # fmt: skip
    return _tn("c_customers.text.whale", n_dest, lang, year=result.year,
               peak=f.pct(p["peak_share"], 0), peak_money=f.money(p["peak_profit"]),
               n_peak=f.int(p["peak_customers"]), share=f.pct(p["peak_customer_share"], 0),
               customers=f.int(p["customers"]), total=f.money(p["total_profit"]),
               n=f.int(n_dest), destroyed=f.money(result.destroyed_profit))  # fmt: skip


def destroyers_sentence(result: CCustomersResult, lang: str) -> str:
    """Who the largest destroyers are and how many of them are C customers."""
    f = Formatter(lang)
    d = earning_destroyers(result)
    if not len(result.destroyers):
        return t("c_customers.text.no_destroyers", lang, year=result.year)
    n_c = int((result.destroyers["abc_class"] == "C").sum())
    silent = result.destroyers[result.destroyers["revenue"] <= 0]
    text = _tn("c_customers.text.destroyers", len(result.destroyers), lang,
               n=f.int(len(result.destroyers)), n_c=f.int(n_c), year=result.year,
               names=_names(d, lang) if len(d) else "–")  # fmt: skip
    if len(silent):
        text += " " + _tn("c_customers.text.silent", len(silent), lang, n=f.int(len(silent)),
                          cost=f.money(-silent["customer_profit"].sum()))  # fmt: skip
    return text


def destroyers_table(result: CCustomersResult, lang: str) -> TableSpec:
    d = earning_destroyers(result).head(top_n(result)).copy()
    cols = {
        "name": (t("c_customers.col.customer", lang), "text"),
        "abc_class": (t("c_customers.col.abc", lang), "text"),
        "revenue": (t("c_customers.col.revenue_y", lang, year=result.year), "money"),
        "cost_to_serve": (t("c_customers.col.cost_to_serve", lang), "money"),
        "customer_profit": (t("c_customers.col.profit", lang), "money"),
    }
    return TableSpec(
        d, cols, caption=t("c_customers.caption.destroyers", lang, n=len(d)),
        empty_text=t("c_customers.text.no_destroyers", lang, year=result.year),
    )  # fmt: skip


def waterfall_sentence(result: CCustomersResult, lang: str) -> str:
    """What cost to serve eats of the margin per class (C compared with A)."""
    f = Formatter(lang)
    w = result.waterfall.set_index("abc_class")

    def eaten(cls: str) -> float:
        m = float(w.loc[cls, "contribution_margin"])
        return float(w.loc[cls, "cost_to_serve"]) / m if m > 0 else float("nan")

    return t("c_customers.text.waterfall", lang, year=result.year,
             c_share=f.pct(eaten("C"), 0), a_share=f.pct(eaten("A"), 0),
             c_profit=f.money(w.loc["C", "customer_profit"]),
             total=f.money(w.loc["total", "customer_profit"]))  # fmt: skip


def waterfall_table(result: CCustomersResult, lang: str) -> TableSpec:
    df = result.waterfall.copy()
    df["label"] = [
        t("c_customers.total", lang) if c == "total" else t("c_customers.class", lang, cls=c)
        for c in df["abc_class"]
    ]
    cols = {
        "label": ("", "text"),
        "customers": (t("c_customers.col.customers", lang), "int"),
        "revenue": (t("c_customers.col.revenue_y", lang, year=result.year), "money"),
        "contribution_margin": (t("c_customers.col.margin", lang), "money"),
        "cost_to_serve": (t("c_customers.col.cost_to_serve", lang), "money"),
        "customer_profit": (t("c_customers.col.profit", lang), "money"),
    }
    note = None
    unknown = int(result.waterfall["unknown_customers"].iloc[-1])
    if unknown:
        note = _tn("c_customers.text.unknown_profit", unknown, lang, n=Formatter(lang).int(unknown))
    return TableSpec(df, cols, caption=t("c_customers.caption.waterfall", lang, year=result.year),
                     note=note)  # fmt: skip


def missing_note(result: CCustomersResult, lang: str) -> str | None:
    """Which cost-to-serve drivers are missing and what they would change (None: all there).

    Quantified with the most expensive missing driver: one such event a year per
    customer with sales in Y would add ``unit cost x customers`` to the cost to serve.
    """
    f = Formatter(lang)
    c = result.customers
    derived = int((c["orders_derived"] & c["orders"].gt(0)).sum())
    if not result.activities_available:
        head = t("c_customers.text.no_activities", lang, year=result.year)
    elif result.missing_drivers:
        head = t("c_customers.text.drivers_missing", lang, year=result.year)
    else:
        return None
    costs = ", ".join(
        t("c_customers.text.driver_cost", lang, driver=t(f"c_customers.driver.{d}", lang),
          cost=f.money(c_))
        for d, c_ in result.missing_driver_costs.items()
    )  # fmt: skip
    parts = [head, t("c_customers.text.missing_list", lang, costs=costs)]
    if derived:
        parts.append(_tn("c_customers.text.orders_derived", derived, lang, n=f.int(derived)))
    missing = missing_cost(result)
    if missing is not None:
        driver, n, amount = missing
        parts.append(t("c_customers.text.missing_example", lang,
                       driver=t(f"c_customers.driver_one.{driver}", lang), n=f.int(n),
                       amount=f.money(amount)))  # fmt: skip
    parts.append(t("c_customers.text.missing_effect", lang))
    return " ".join(parts)


# ------------------------------------------------------------------ section 3


def heading_candidates(result: CCustomersResult, lang: str) -> str:
    f = Formatter(lang)
    n = len(result.candidates)
    if not n:
        return t("c_customers.h.candidates_none", lang)
    return _tn("c_customers.h.candidates", n, lang, n=f.int(n),
               opportunity=f.money_short(candidate_opportunity(result)))  # fmt: skip


def candidates_sentence(result: CCustomersResult, lang: str) -> str:
    f = Formatter(lang)
    c = result.candidates
    growth = float(result.settings.growth_min)
    base = t("c_customers.text.candidates_rule", lang, growth=f.pct(growth, 0),
             smallest_a=f.money(result.smallest_a_revenue))  # fmt: skip
    if not len(c):
        return base + " " + t("c_customers.text.candidates_none", lang)
    by_pot = int(c["reason"].isin(["potential", "both"]).sum())
    by_growth = int(c["reason"].isin(["growth", "both"]).sum())
    return base + " " + t("c_customers.text.candidates", lang, n=f.int(len(c)),
                          by_pot=f.int(by_pot), by_growth=f.int(by_growth),
                          names=_names(c, lang))  # fmt: skip


def candidates_table(result: CCustomersResult, lang: str) -> TableSpec:
    c = result.candidates.head(top_n(result)).copy()
    c["reason_label"] = [t(f"c_customers.reason.{r}", lang) for r in c["reason"]]
    cols = {
        "rank": ("#", "int"),
        "name": (t("c_customers.col.customer", lang), "text"),
        "window_revenue": (t("c_customers.col.window_revenue", lang), "money"),
        # rounded first: a shrink of 0.2 % shows as 0 %, not "-0 %"
        "growth": (
            t("c_customers.col.growth", lang),
            lambda v: Formatter(lang).pct(round(float(v), 2) + 0.0, 0),
        ),
        "potential": (t("c_customers.col.potential", lang), "money"),
        "potential_ratio": (t("c_customers.col.potential_ratio", lang), "num1"),
        "reason_label": (t("c_customers.col.reason", lang), "text"),
        "opportunity": (t("c_customers.col.opportunity", lang), "money"),
    }
    return TableSpec(
        c, cols, caption=t("c_customers.caption.candidates", lang, n=len(c)),
        empty_text=t("c_customers.text.candidates_none", lang),
    )  # fmt: skip


# ------------------------------------------------------------------ section 4


def heading_channels(result: CCustomersResult, lang: str) -> str:
    f = Formatter(lang)
    if result.channel_saving > 0:
        return t("c_customers.h.channels", lang, saving=f.money_short(result.channel_saving))
    return t("c_customers.h.channels_no_saving", lang)


def channels_sentence(result: CCustomersResult, lang: str) -> str:
    f = Formatter(lang)
    ch = result.channels.set_index("channel")
    parts = [
        t("c_customers.text.channel_part", lang, n=f.int(ch.loc[k, "customers"]),
          channel=channel_label(k, lang))
        for k in CHANNELS if ch.loc[k, "customers"] > 0
    ]  # fmt: skip
    key = (
        "c_customers.text.channels"
        if result.channel_saving >= 0
        else "c_customers.text.channels_more"
    )
    return t(key, lang, year=result.year, parts="; ".join(parts),
             saving=f.money(abs(result.channel_saving)))  # fmt: skip


def channels_table(result: CCustomersResult, lang: str) -> TableSpec:
    df = result.channels.copy()
    df["label"] = [channel_label(k, lang) for k in df["channel"]]
    df["rule"] = [_channel_rule(result, k, lang) for k in df["channel"]]
    cols = {
        "label": (t("c_customers.col.channel", lang), "text"),
        "rule": (t("c_customers.col.rule", lang), "text"),
        "customers": (t("c_customers.col.customers", lang), "int"),
        "revenue": (t("c_customers.col.revenue_y", lang, year=result.year), "money"),
        "cost_to_serve": (t("c_customers.col.cost_now", lang), "money"),
        "channel_cost": (t("c_customers.col.cost_channel", lang), "money"),
        "saving": (t("c_customers.col.saving", lang), "money"),
    }
    total = {
        "label": t("c_customers.total", lang),
        "customers": int(df["customers"].sum()),
        "revenue": float(df["revenue"].sum()),
        "cost_to_serve": float(df["cost_to_serve"].sum()),
        "channel_cost": float(df["channel_cost"].sum()),
        "saving": float(df["saving"].sum()),
    }
    return TableSpec(df, cols, caption=t("c_customers.caption.channels", lang), total_row=total)


def _channel_rule(result: CCustomersResult, channel: str, lang: str) -> str:
    f = Formatter(lang)
    r = result.settings.channel_rules
    return t(f"c_customers.rule.{channel}", lang,
             max_revenue=f.money(r.distributor_max_revenue), orders=f.int(r.webshop_min_orders),
             aov=f.money(r.webshop_max_order_value))  # fmt: skip


# ------------------------------------------------------------------ section 5


def heading_pricing(result: CCustomersResult, lang: str) -> str:
    f = Formatter(lang)
    best = pricing_best(result)
    if float(best["effect"]) <= 0 or float(best["min_order_value"]) <= 0:
        return t("c_customers.h.pricing_none", lang)
    return t("c_customers.h.pricing", lang, value=f.money(best["min_order_value"]),
             effect=f.money_short(best["effect"]))  # fmt: skip


def pricing_sentence(result: CCustomersResult, lang: str) -> str:
    """The best minimum order value with its parts, and the stated loss assumption."""
    f = Formatter(lang)
    p = result.settings.pricing
    best = pricing_best(result)
    assumption = t("c_customers.text.pricing_assumption", lang, surcharge=f.money(p.surcharge),
                   loss=f.pct(p.loss_share, 0))  # fmt: skip
    if float(best["effect"]) <= 0 or float(best["min_order_value"]) <= 0:
        return assumption + " " + t("c_customers.text.pricing_none", lang)
    text = assumption + " " + t(
        "c_customers.text.pricing", lang, year=result.year, value=f.money(best["min_order_value"]),
        n=f.int(best["customers_affected"]), orders=f.int(best["orders_below"]),
        income=f.money(best["surcharge_income"]), saved=f.money(best["saved_cost_to_serve"]),
        lost=f.money(best["lost_margin"]), effect=f.money(best["effect"]),
    )  # fmt: skip
    knee = pricing_knee(result)
    if knee is not None:
        text += " " + t("c_customers.text.pricing_knee", lang,
                        value=f.money(knee["min_order_value"]),
                        share=f.pct(knee["effect"] / best["effect"], 0),
                        effect=f.money(knee["effect"]), n=f.int(knee["customers_affected"]),
                        n_best=f.int(best["customers_affected"]))  # fmt: skip
    return text


#: the "knee" of a flat pricing curve: the smallest value reaching this share of the best
KNEE_SHARE = 0.95


def pricing_knee(result: CCustomersResult) -> pd.Series | None:
    """The smallest minimum order value whose effect reaches :data:`KNEE_SHARE` of the
    best one, when it lies below the best value (None otherwise)."""
    sim = result.simulation
    best = pricing_best(result)
    if float(best["effect"]) <= 0:
        return None
    near = sim[sim["effect"] >= KNEE_SHARE * float(best["effect"])]
    knee = near.iloc[0]
    return knee if float(knee["min_order_value"]) < float(best["min_order_value"]) else None


def pricing_table(result: CCustomersResult, lang: str) -> TableSpec:
    sim = result.simulation
    keep = (np.arange(len(sim)) % PRICING_ROWS_EVERY == 0) | sim["best"].to_numpy()
    df = sim[keep].copy()
    df["mark"] = ["★" if b else "" for b in df["best"]]
    cols = {
        "min_order_value": (t("c_customers.col.min_order_value", lang), "money"),
        "customers_affected": (t("c_customers.col.affected", lang), "int"),
        "orders_below": (t("c_customers.col.orders_below", lang), "int"),
        "surcharge_income": (t("c_customers.col.income", lang), "money"),
        "saved_cost_to_serve": (t("c_customers.col.saved", lang), "money"),
        "lost_margin": (t("c_customers.col.lost_margin", lang), "money"),
        "effect": (t("c_customers.col.effect", lang), "money"),
        "mark": (t("c_customers.col.best", lang), "text"),
    }
    note = None
    if result.simulation_unknown_margin:
        n = result.simulation_unknown_margin
        note = _tn("c_customers.text.sim_unknown", n, lang, n=Formatter(lang).int(n))
    return TableSpec(df, cols, caption=t("c_customers.caption.pricing", lang), note=note)


# ------------------------------------------------------------------ appendix


def method_paragraphs(result: CCustomersResult, lang: str) -> list[str]:
    """Appendix: how each figure was computed, with the settings used."""
    f = Formatter(lang)
    s = result.settings
    from kamlib.analysis.c_customer_rules import DEFAULT_UNIT_COSTS

    costs = {**DEFAULT_UNIT_COSTS, **dict(s.unit_costs)}
    unit = ", ".join(
        t("c_customers.text.driver_cost", lang, driver=t(f"c_customers.driver.{d}", lang),
          cost=f.money(costs[d]))
        for d in DRIVERS
    )  # fmt: skip
    r = s.channel_rules
    narrowed = (
        t("c_customers.method.max_revenue", lang, value=f.money(s.max_revenue))
        if s.max_revenue is not None
        else ""
    )
    return [
        t("c_customers.method.decisions", lang),
        t("c_customers.method.c", lang, window=f.period(result.window_start, result.window_end),
          narrowed=narrowed),
        t("c_customers.method.year", lang, year=result.year),
        t("c_customers.method.cost", lang, unit=unit),
        t("c_customers.method.whale", lang),
        t("c_customers.method.candidates", lang, growth=f.pct(s.growth_min, 0)),
        t("c_customers.method.channels", lang, max_revenue=f.money(r.distributor_max_revenue),
          orders=f.int(r.webshop_min_orders), aov=f.money(r.webshop_max_order_value)),
        t("c_customers.method.channel_costs", lang, costs="; ".join(
            t("c_customers.method.channel_cost_item", lang, channel=channel_label(k, lang),
              per_customer=f.money(c["per_customer"]), per_order=f.money(c["per_order"]))
            for k, c in channel_costs(result).items())),
        t("c_customers.method.pricing", lang, surcharge=f.money(s.pricing.surcharge),
          loss=f.pct(s.pricing.loss_share, 0), step=f.money(s.pricing.step),
          max=f.money(s.pricing.max_order_value)),
    ]  # fmt: skip


def channel_costs(result: CCustomersResult) -> dict[str, dict[str, float]]:
    """Cost per channel used (settings merged with the kit's defaults)."""
    from kamlib.analysis.c_customer_rules import DEFAULT_CHANNEL_COSTS

    given = result.settings.channel_costs or {}
    return {k: {**DEFAULT_CHANNEL_COSTS[k], **dict(given.get(k, {}))} for k in CHANNELS}


def channel_cost_table(result: CCustomersResult, lang: str) -> TableSpec:
    """The channel cost assumptions (per customer and year, per order)."""
    rows = [
        {"label": channel_label(k, lang), "per_customer": c["per_customer"],
         "per_order": c["per_order"]}
        for k, c in channel_costs(result).items()
    ]  # fmt: skip
    cols = {
        "label": (t("c_customers.col.channel", lang), "text"),
        "per_customer": (t("c_customers.col.per_customer", lang), "money"),
        "per_order": (t("c_customers.col.per_order", lang), "money"),
    }
    return TableSpec(pd.DataFrame(rows), cols, caption=t("c_customers.caption.channel_costs", lang),
                     note=t("c_customers.text.channel_costs_assumption", lang))  # fmt: skip
