"""Win-back deliverable: sentences, headings, decisions and table specs.

Every function takes a :class:`~kamlib.analysis.winback.WinbackResult` and
returns content (strings with inline HTML, or a :class:`~kamlib.content.TableSpec`
for :func:`kamlib.report.table`); nothing is displayed here. Client texts (names,
account managers, recorded reasons) are escaped before they reach markup.

The figures a sentence quotes come from the same table the deliverable shows
next to it: the year table (``result.years``) for counts, lost revenue and
loss rates, the Pareto table (``result.reasons_by_revenue``) for reasons, the
priority list (``result.priority``) for the win-back candidates.
"""

from __future__ import annotations

import html
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

from kamlib.analysis.customer_status import ACTIVE, add_months
from kamlib.analysis.winback import APPROACHES, OTHER, UNKNOWN, WinbackResult
from kamlib.content import TableSpec
from kamlib.i18n import Formatter
from kamlib.labels_winback import reason_label

#: rows of the priority list shown in the deliverable (the export has all)
TOP_N = 15
#: customers in the win-back campaign of the first decision
CAMPAIGN_N = 10
#: the early-warning decision looks at customers this many months before they count as lost
WARNING_MONTHS = 3
#: reasons whose cause the supplier cannot fix (no "fix the cause" decision for them)
NOT_FIXABLE = ("relocation", "insolvency", OTHER, UNKNOWN)


def _f(result: WinbackResult, lang: str) -> Formatter:
    currency = getattr(result, "currency", "EUR")
    return Formatter(lang, currency)


def approach_label(approach: str, lang: str) -> str:
    """Short display text of an approach key (empty for none)."""
    return Formatter(lang).t(f"winback.approach.{approach}") if approach else ""


def whole_words(value: Any) -> str:
    """A table cell that wraps only between words: customer names, people and short
    phrases are never hyphenated or split inside a word (escaped)."""
    if value is None or (isinstance(value, float) and np.isnan(value)) or value == "":
        return "–"
    return f'<span style="hyphens:manual;overflow-wrap:normal">{html.escape(str(value))}</span>'


def year_label(row: Any, result: WinbackResult, lang: str) -> str:
    """``2025`` or ``2026 (bis 30.06.2026)`` for the year to date."""
    f = Formatter(lang)
    if not bool(row["is_ytd"]):
        return str(int(row["year"]))
    return f.t("overview.ytd_label", year=int(row["year"]), date=f.date(result.as_of))


# ---------------------------------------------------------------- facts


def first_year(result: WinbackResult) -> int:
    """The first report year (the lost counts start on 1 January of it)."""
    return int(result.years["year"].iloc[0])


def lost_total(result: WinbackResult) -> tuple[int, float]:
    """Customers lost in the report years and their lost revenue (year table sums)."""
    return int(result.years["lost"].sum()), float(result.years["lost_revenue"].sum())


def rate_row(result: WinbackResult) -> pd.Series | None:
    """The latest report year with a loss rate, preferring full years over the YTD year."""
    years = result.years[result.years["loss_rate"].notna()]
    full = years[~years["is_ytd"]]
    rows = full if not full.empty else years
    return None if rows.empty else rows.iloc[-1]


def candidates(result: WinbackResult) -> pd.DataFrame:
    """Priority list rows worth an approach: priority and lost revenue above 0."""
    p = result.priority
    return p[(p["priority_score"] > 0) & (p["lost_revenue"] > 0)].reset_index(drop=True)


def campaign(result: WinbackResult, n: int = CAMPAIGN_N) -> tuple[int, float, float]:
    """(customers, former revenue, expected revenue = sum of lost revenue x winnability)
    of the top ``n`` candidates."""
    top = candidates(result).head(n)
    revenue = float(top["lost_revenue"].sum())
    expected = float((top["lost_revenue"] * top["winnability"]).sum())
    return len(top), revenue, expected


def at_risk(result: WinbackResult, months: int = WARNING_MONTHS) -> pd.DataFrame:
    """Active customers that count as lost within ``months`` months without a purchase.

    Their last purchase lies before as_of - (N - ``months``) months; revenue is
    the 12 calendar months ending with as_of's month. Empty when N <= ``months``.
    """
    n = result.lost_after_months
    c = result.customers
    if n <= months:
        return c.iloc[0:0]
    cutoff = add_months(result.as_of, -(n - months))
    sel = (c["status"] == ACTIVE) & (c["last_purchase"] < cutoff) & (c["revenue"] > 0)
    return c[sel]


def unknown_losses(result: WinbackResult) -> tuple[int, float]:
    """Losses in the report years without a recorded reason: count and lost revenue.

    Without a lost_reasons file every loss is without a reason.
    """
    if not result.reasons_available:
        return lost_total(result)
    t = result.reasons_by_revenue
    row = t[t["reason"] == UNKNOWN]
    if row.empty:
        return 0, 0.0
    return int(row["customers"].iloc[0]), float(row["lost_revenue"].iloc[0])


def top_fixable_reason(result: WinbackResult) -> pd.Series | None:
    """The recorded reason with the most lost revenue whose cause the supplier can fix."""
    t = result.reasons_by_revenue
    t = t[~t["reason"].isin(NOT_FIXABLE) & (t["lost_revenue"] > 0)]
    return None if t.empty else t.iloc[0]


# ---------------------------------------------------------------- summary


@dataclass
class Decision:
    """One decision of the management summary."""

    text: str
    impact: float  # money per year, the ranking key
    impact_text: str
    owner: str
    timing: str


def decisions(result: WinbackResult, lang: str) -> list[Decision]:
    """Three to five decisions ranked by their money impact (largest first)."""
    f = _f(result, lang)
    out: list[Decision] = []
    n, revenue, expected = campaign(result)
    if n:
        out.append(
            Decision(
                f.t("winback.dec.campaign", n=n),
                expected,
                f.t(
                    "winback.dec.campaign.impact",
                    expected=f.money(expected),
                    revenue=f.money(revenue),
                ),
                f.t("winback.owner.account_managers"),
                f.t("winback.timing.quarter"),
            )
        )
    unknown_n, unknown_rev = unknown_losses(result)
    if unknown_n:
        key = "winback.dec.record" if result.reasons_available else "winback.dec.record_file"
        out.append(
            Decision(
                f.t(key, n=f.int(unknown_n)),
                unknown_rev,
                f.t("winback.dec.record.impact", revenue=f.money(unknown_rev)),
                f.t("winback.owner.sales_ops"),
                f.t("winback.timing.weeks"),
            )
        )
    cause = top_fixable_reason(result)
    if cause is not None:
        out.append(
            Decision(
                f.t("winback.dec.cause", reason=reason_label(cause["reason"], lang)),
                float(cause["lost_revenue"]),
                f.t(
                    "winback.dec.cause.impact",
                    revenue=f.money(cause["lost_revenue"]),
                    first=first_year(result),
                ),
                f.t(f"winback.owner.{cause['reason']}"),
                f.t("winback.timing.half"),
            )
        )
    risk = at_risk(result)
    if len(risk):
        rev = float(risk["revenue"].sum())
        out.append(
            Decision(
                f.t(
                    "winback.dec.warning",
                    n=f.int(len(risk)),
                    gap=result.lost_after_months - WARNING_MONTHS,
                ),
                rev,
                f.t("winback.dec.warning.impact", revenue=f.money(rev)),
                f.t("winback.owner.account_managers"),
                f.t("winback.timing.now"),
            )
        )
    out.sort(key=lambda d: -d.impact)
    return out[:5]


def decisions_table(result: WinbackResult, lang: str) -> TableSpec:
    """The decisions as a :class:`~kamlib.content.TableSpec`."""
    f = _f(result, lang)
    rows = [
        {
            "rank": i,
            "decision": whole_words(d.text),
            "impact": whole_words(d.impact_text),
            "owner": whole_words(d.owner),
            "timing": whole_words(d.timing),
        }
        for i, d in enumerate(decisions(result, lang), start=1)
    ]
    columns = {
        "rank": ("#", "int"),
        "decision": (f.t("winback.dec.col.decision"), "html"),
        "impact": (f.t("winback.dec.col.impact"), "html"),
        "owner": (f.t("winback.dec.col.owner"), "html"),
        "timing": (f.t("winback.dec.col.timing"), "html"),
    }
    return TableSpec(
        df=pd.DataFrame(rows),
        columns=columns,
        compact=True,
    )


def executive_summary(result: WinbackResult, lang: str) -> list[str]:
    """Three or four sentences: losses, loss rate, reasons, win-back potential."""
    f = _f(result, lang)
    lost, revenue = lost_total(result)
    ytd = result.years.loc[result.years["is_ytd"], "lost"]
    out = [
        f.t(
            "winback.sum.lost",
            first=first_year(result),
            lost=f.int(lost),
            ytd=f.int(ytd.sum()),
            as_of=f.date(result.as_of),
            revenue=f.money(revenue),
        )
    ]
    row = rate_row(result)
    if row is not None:
        out.append(
            f.t(
                "winback.sum.rate",
                year=year_label(row, result, lang),
                rate=f.pct(row["loss_rate"]),
                lost=f.int(row["lost"]),
                base=f.int(row["base"]),
                months=result.lost_after_months,
            )
        )
    if not result.reasons_available:
        out.append(f.t("winback.sum.reasons_missing"))
    elif lost:
        by_count = result.reasons_by_count
        known = by_count[by_count["reason"] != UNKNOWN]
        unknown_n, _ = unknown_losses(result)
        if not known.empty:
            out.append(
                f.t(
                    "winback.sum.reasons",
                    reason=reason_label(known["reason"].iloc[0], lang),
                    count=f.int(known["customers"].iloc[0]),
                    unknown=f.int(unknown_n),
                    share=f.pct(result.no_reason_share),
                )
            )
    n, revenue_top, expected = campaign(result)
    if n:
        out.append(
            f.t(
                "winback.sum.priority",
                n=n,
                revenue=f.money(revenue_top),
                expected=f.money(expected),
            )
        )
    return out


def kpi_tiles(result: WinbackResult, lang: str) -> list[tuple[str, str, str]]:
    """KPI tiles: lost customers, lost revenue, loss rate, losses without reason, won back."""
    f = _f(result, lang)
    first = first_year(result)
    lost, revenue = lost_total(result)
    tiles = [
        (f.t("winback.kpi.lost", first=first), f.int(lost), ""),
        (f.t("winback.kpi.lost_revenue"), f.money(revenue), f.t("winback.kpi.lost_revenue_note")),
    ]
    row = rate_row(result)
    if row is not None:
        tiles.append((f.t("winback.kpi.rate", year=int(row["year"])), f.pct(row["loss_rate"]), ""))
    share = result.no_reason_share if result.reasons_available else float("nan")
    tiles.append((f.t("winback.kpi.no_reason"), f.pct(share), ""))
    tiles.append(
        (
            f.t("winback.kpi.reactivated", first=first),
            f.int(result.reactivations["reactivated"].sum()),
            "",
        )
    )
    return tiles


# ---------------------------------------------------------------- headings


def heading_years(result: WinbackResult, lang: str) -> str:
    f = _f(result, lang)
    lost, revenue = lost_total(result)
    if not lost:
        return f.t("winback.h.years.none", first=first_year(result))
    return f.t("winback.h.years", n=f.int(lost), revenue=f.money(revenue), first=first_year(result))


def heading_reasons(result: WinbackResult, lang: str) -> str:
    f = _f(result, lang)
    t = result.reasons_by_revenue
    if not result.reasons_available or t.empty:
        return f.t("winback.h.reasons_missing")
    top = t.iloc[0]
    if top["reason"] == UNKNOWN:
        return f.t(
            "winback.h.reasons_unknown",
            share=f.pct(top["revenue_share"]),
            revenue=f.money(top["lost_revenue"]),
        )
    return f.t(
        "winback.h.reasons",
        reason=reason_label(top["reason"], lang),
        revenue=f.money(top["lost_revenue"]),
        share=f.pct(top["revenue_share"]),
    )


def heading_priority(result: WinbackResult, lang: str) -> str:
    f = _f(result, lang)
    n, revenue, _ = campaign(result)
    if not n:
        return f.t("winback.h.priority.none")
    return f.t("winback.h.priority", n=n, revenue=f.money(revenue))


def heading_reactivations(result: WinbackResult, lang: str) -> str:
    f = _f(result, lang)
    r = result.reactivations
    n = int(r["reactivated"].sum())
    if not n:
        return f.t("winback.h.reactivations.none")
    return f.t("winback.h.reactivations", n=n, revenue=f.money(r["revenue_since"].sum()))


# ---------------------------------------------------------------- years


def years_text(result: WinbackResult, lang: str) -> str:
    f = _f(result, lang)
    y = result.years
    rated = y[y["loss_rate"].notna()]
    worst = ""
    if not rated.empty:
        w = rated.loc[rated["loss_rate"].idxmax()]
        worst = f.t(
            "winback.txt.years_worst",
            year=year_label(w, result, lang),
            rate=f.pct(w["loss_rate"]),
            lost=f.int(w["lost"]),
            base=f.int(w["base"]),
        )
    text = f.t("winback.txt.years", months=result.lost_after_months, worst=worst)
    missing = [str(int(v)) for v in y.loc[y["loss_rate"].isna(), "year"]]
    if missing:
        text += " " + f.t("winback.txt.years_incomplete", years=", ".join(missing))
    return text


def years_table(result: WinbackResult, lang: str) -> TableSpec:
    f = _f(result, lang)
    y = result.years.merge(result.reactivations[["year", "reactivated"]], on="year", how="left")
    df = y.assign(label=[year_label(r, result, lang) for _, r in y.iterrows()])
    columns = {
        "label": (f.t("winback.col.year"), "text"),
        "lost": (f.t("winback.col.lost"), "int"),
        "lost_revenue": (f.t("winback.col.lost_revenue"), "money"),
        "base": (f.t("winback.col.base"), "int"),
        "loss_rate": (f.t("winback.col.loss_rate"), "pct"),
        "reactivated": (f.t("winback.col.reactivated"), "int"),
    }
    total = {
        "label": f.t("winback.col.total"),
        "lost": int(y["lost"].sum()),
        "lost_revenue": float(y["lost_revenue"].sum()),
        "reactivated": int(y["reactivated"].sum()),
    }
    return TableSpec(
        df=df,
        columns=columns,
        caption=f.t("winback.caption.years"),
        total_row=total,
        compact=True,
    )


# ---------------------------------------------------------------- reasons


def reasons_text(result: WinbackResult, lang: str) -> str:
    f = _f(result, lang)
    if not result.reasons_available:
        return f.t("winback.txt.reasons_missing", unknown=f.pct(result.winnability[UNKNOWN], 0))
    by_count, by_rev = result.reasons_by_count, result.reasons_by_revenue
    if by_count.empty:
        return ""
    unknown_n, _ = unknown_losses(result)
    # the leading recorded reasons; "no reason recorded" is stated on its own
    count_known = by_count[by_count["reason"] != UNKNOWN]
    rev_known = by_rev[by_rev["reason"] != UNKNOWN]
    if count_known.empty:
        return f.t("winback.txt.reasons_none_recorded", n=f.int(unknown_n))
    return f.t(
        "winback.txt.reasons",
        n=f.int(by_count["customers"].sum()),
        first=first_year(result),
        top_count=reason_label(count_known["reason"].iloc[0], lang),
        count_share=f.pct(count_known["customer_share"].iloc[0]),
        top_revenue=reason_label(rev_known["reason"].iloc[0], lang),
        revenue_share=f.pct(rev_known["revenue_share"].iloc[0]),
        unknown=f.int(unknown_n),
        unknown_share=f.pct(result.no_reason_share),
    )


def reasons_table(result: WinbackResult, lang: str) -> TableSpec:
    f = _f(result, lang)
    t = result.reasons_by_revenue
    df = t.assign(label=[reason_label(r, lang) for r in t["reason"]])
    columns = {
        "label": (f.t("winback.col.reason"), "text"),
        "customers": (f.t("winback.col.customers"), "int"),
        "customer_share": (f.t("winback.col.customer_share"), "pct"),
        "lost_revenue": (f.t("winback.col.lost_revenue"), "money"),
        "revenue_share": (f.t("winback.col.revenue_share"), "pct"),
        "cumulative_revenue_share": (f.t("winback.col.cum_revenue_share"), "pct"),
        "winnability": (f.t("winback.col.winnability"), "pct0"),
    }
    total = {
        "label": f.t("winback.col.total"),
        "customers": int(t["customers"].sum()),
        "lost_revenue": float(t["lost_revenue"].sum()),
    }
    return TableSpec(
        df=df,
        columns=columns,
        caption=f.t("winback.caption.reasons"),
        total_row=total,
        compact=True,
    )


# ---------------------------------------------------------------- priority list


def priority_text(result: WinbackResult, lang: str) -> str:
    f = _f(result, lang)
    shown = min(TOP_N, len(candidates(result)))
    command = '<code style="white-space:nowrap">kam export --module winback</code>'
    return f.t("winback.txt.priority", n=f.int(len(result.priority)), shown=shown, command=command)


def priority_table(result: WinbackResult, lang: str, n: int = TOP_N) -> TableSpec:
    f = _f(result, lang)
    top = candidates(result).head(n)
    df = top.assign(
        name=[whole_words(v) for v in top["name"]],
        reason_label=[whole_words(reason_label(r, lang)) for r in top["reason"]],
        approach_label=[whole_words(approach_label(a, lang)) for a in top["approach"]],
        manager=[whole_words(v) for v in top["account_manager"]],
    )
    columns = {
        "rank": (f.t("winback.col.rank"), "int"),
        "name": (f.t("winback.col.name"), "html"),
        "manager": (f.t("winback.col.account_manager"), "html"),
        "lost_on": (f.t("winback.col.lost_on"), "date"),
        "lost_revenue": (f.t("winback.col.former_revenue"), "money"),
        "reason_label": (f.t("winback.col.reason"), "html"),
        "priority_score": (f.t("winback.col.priority"), "num2"),
        "approach_label": (f.t("winback.col.approach"), "html"),
    }
    return TableSpec(
        df=df,
        columns=columns,
        compact=True,
    )


def playbook_cards(result: WinbackResult, lang: str) -> list[tuple[str, str]]:
    """One card per reason on the shown priority list: approach, playbook, chance, count."""
    f = _f(result, lang)
    top = candidates(result).head(TOP_N)
    counts = top["reason"].value_counts()
    cards = []
    for reason, count in counts.items():
        approach = APPROACHES[reason]
        body = (
            f"<p><strong>{html.escape(approach_label(approach, lang))}</strong></p>"
            f"<p>{html.escape(f.t(f'winback.playbook.{approach}'))}</p>"
            f"<p>{f.t('winback.txt.card_facts', n=f.int(count), chance=f.pct(result.winnability[reason], 0))}</p>"
        )
        cards.append((html.escape(reason_label(reason, lang)), body))
    return cards


# ---------------------------------------------------------------- reactivations


def reactivation_text(result: WinbackResult, lang: str) -> str:
    return _f(result, lang).t("winback.txt.reactivations", months=result.lost_after_months)


def reactivation_table(result: WinbackResult, lang: str) -> TableSpec:
    f = _f(result, lang)
    r = result.reactivations
    df = r.assign(label=[year_label(row, result, lang) for _, row in r.iterrows()])
    columns = {
        "label": (f.t("winback.col.year"), "text"),
        "reactivated": (f.t("winback.col.reactivated"), "int"),
        "revenue_since": (f.t("winback.col.revenue_since"), "money"),
    }
    return TableSpec(
        df=df,
        columns=columns,
        compact=True,
    )


def reactivated_customers_table(result: WinbackResult, lang: str, n: int = 10) -> TableSpec:
    """The customers won back in the report years, largest revenue since first."""
    f = _f(result, lang)
    c = result.customers
    years = result.years["year"]
    back = c[c["reactivated_on"].dt.year.isin(years) & (c["revenue_since_reactivation"] > 0)]
    back = back.sort_values(
        ["revenue_since_reactivation", "customer_id"], ascending=[False, True], kind="mergesort"
    ).head(n)
    df = back.assign(
        name=[whole_words(v) for v in back["name"]],
        manager=[whole_words(v) for v in back["account_manager"]],
    )
    columns = {
        "name": (f.t("winback.col.name"), "html"),
        "manager": (f.t("winback.col.account_manager"), "html"),
        "reactivated_on": (f.t("winback.col.reactivated_on"), "date"),
        "revenue_since_reactivation": (f.t("winback.col.revenue_since"), "money"),
    }
    return TableSpec(
        df=df.reset_index(drop=True),
        columns=columns,
        compact=True,
    )


# ---------------------------------------------------------------- appendix


def method_items(result: WinbackResult, lang: str) -> list[str]:
    f = _f(result, lang)
    months = result.lost_after_months
    return [
        f.t("winback.method.purchase"),
        f.t("winback.method.lost", cutoff=f.date(result.lost_cutoff), months=months),
        f.t("winback.method.rate", months=months),
        f.t("winback.method.revenue"),
        f.t("winback.method.reasons"),
    ]


def data_notes(result: WinbackResult, lang: str) -> list[str]:
    """Notes on the lost_reasons file: unrecognised texts, records not used."""
    f = _f(result, lang)
    notes = []
    unrec = result.unrecognised_reasons
    if len(unrec):
        texts = ", ".join(
            f"„{html.escape(str(t))}“" if lang == "de" else f"“{html.escape(str(t))}”"
            for t in unrec["reason_text"].drop_duplicates().head(8)
        )
        notes.append(f.t("winback.note.unrecognised", n=f.int(len(unrec)), texts=texts))
    if result.reasons_not_lost:
        notes.append(
            f.t(
                "winback.note.not_lost",
                n=f.int(result.reasons_not_lost),
                months=result.lost_after_months,
            )
        )
    if result.reasons_unknown_customers:
        notes.append(
            f.t("winback.note.unknown_customers", n=f.int(result.reasons_unknown_customers))
        )
    return notes


def settings_table(result: WinbackResult, lang: str) -> TableSpec:
    f = _f(result, lang)
    keys = [k for k in result.winnability if k != OTHER]
    df = pd.DataFrame(
        {
            "label": [reason_label(k, lang) for k in keys],
            "key": keys,
            "winnability": [result.winnability[k] for k in keys],
            "approach": [approach_label(APPROACHES[k], lang) for k in keys],
        }
    )
    columns = {
        "label": (f.t("winback.col.reason"), "text"),
        "key": ("winback.winnability", "text"),
        "winnability": (f.t("winback.col.winnability"), "pct0"),
        "approach": (f.t("winback.col.approach"), "text"),
    }
    return TableSpec(
        df=df,
        columns=columns,
        caption=f.t("winback.settings.months", months=result.lost_after_months),
        compact=True,
    )
