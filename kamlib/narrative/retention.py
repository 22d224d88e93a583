"""Summary, decisions, section texts and tables of the retention deliverable.

Every function takes a :class:`~kamlib.analysis.retention.RetentionResult`
and ``lang`` ("de" | "en") and returns content only (sentences as HTML-safe
strings, tables as :class:`~kamlib.content.TableSpec`); the
notebook displays them. Customer names are escaped; every figure is formatted
for the language; wording lives in :mod:`kamlib.messages.retention`.

Bases used in sentences (each sentence names its base):

- "important customers": A and B customers by window revenue (the risk
  matrix's customer value);
- "firmly bound": a stability score of at least ``settings.firm_score``;
- revenue at risk of an early warning: the customer's window revenue (what
  leaves with it).
"""

from __future__ import annotations

import math
from collections import Counter
from typing import Any

import numpy as np
import pandas as pd

from kamlib.analysis.retention import FACTORS, FLAGS, QUADRANTS, RetentionResult
from kamlib.content import TableSpec, esc
from kamlib.i18n import Formatter, t

#: names quoted in one sentence
NAMES_IN_SENTENCE = 3
#: early warnings addressed by the first decision
TOP_WARNINGS = 3
#: decisions in the summary (the brief: 3-5)
MAX_DECISIONS = 5
#: an early warning is shown in the list, summary and decisions when a customer
#: carries at least this many signals (single signals, e.g. one more complaint
#: than the year before, are common; they stay in the export)
MIN_SIGNALS = 2


# --------------------------------------------------------------------------- helpers


def _missing(value: Any) -> bool:
    return value is None or (isinstance(value, float) and math.isnan(value))


def _tn(key: str, count: int, lang: str, **kwargs: Any) -> str:
    """Text for ``key`` in the plural form the language uses for ``count``."""
    return t(key, lang, count=count, **kwargs)


def factor_label(factor: str, lang: str) -> str:
    """Display name of a stability factor."""
    return t(f"retention.factor.{factor}", lang)


def flag_label(flag: str, lang: str) -> str:
    """Display name of an early-warning flag."""
    return t(f"retention.flag.{flag}", lang)


def quadrant_label(quadrant: str, lang: str) -> str:
    """Display name of a risk quadrant ("–" when not placed)."""
    return t(f"retention.quadrant.{quadrant}", lang) if quadrant else "–"


def join_names(names: list[str], lang: str, total: int | None = None) -> str:
    """``A, B und C``; with ``total`` > len(names): ``A, B und 4 weitere``. Escaped."""
    names = [esc(n) for n in names]
    rest = (total or len(names)) - len(names)
    if rest > 0:
        return ", ".join(names) + " " + t("retention.find.more", lang, n=Formatter(lang).int(rest))
    if len(names) <= 1:
        return "".join(names)
    return ", ".join(names[:-1]) + " " + t("retention.find.and", lang) + " " + names[-1]


def cust_html(name: str) -> str:
    """A customer name for a table cell: escaped and never hyphenated or broken inside a word."""
    return f'<span style="hyphens:manual;overflow-wrap:normal">{esc(name)}</span>'


def _name(row: Any) -> str:
    name = row.get("name", "")
    return str(name) if isinstance(name, str) and name.strip() else str(row["customer_id"])


def important(result: RetentionResult) -> pd.DataFrame:
    """A and B customers by window revenue (the base of most sentences), revenue first."""
    c = result.customers
    return c[c["abc_class"].isin(["A", "B"]) & (c["revenue"] > 0)]


def bgnbd_ok(result: RetentionResult) -> bool:
    """The BG/NBD model was fitted and describes the data (its numbers may be shown)."""
    return result.bgnbd is not None and result.bgnbd_status == "ok"


def firmly_bound(result: RetentionResult) -> pd.Series:
    """Boolean mask: score at least ``settings.firm_score``."""
    s = result.customers["stability_score"]
    return s.notna() & (s >= result.settings.firm_score - 1e-9)


def weak_list(value: str, lang: str) -> str:
    """Labels of ``;``-joined weak factors (weakest first), or "–"."""
    return ", ".join(factor_label(f, lang) for f in value.split(";")) if value else "–"


def evidence(row: Any, lang: str) -> list[str]:
    """One line of numbers per raised flag of a customer row (its evidence)."""
    f = Formatter(lang)
    out = []
    for flag in row["flags"].split(";") if row["flags"] else []:
        if flag == "revenue_trend":
            out.append(f.t("retention.ev.revenue_trend", now=f.money(row["revenue_last_6m"]),
                           before=f.money(row["revenue_prior_6m"]),
                           ratio=f.pct(row["revenue_trend_ratio"], 0)))  # fmt: skip
        elif flag == "order_gap":
            out.append(f.t("retention.ev.order_gap", days=f.int(row["days_since_last_purchase"]),
                           median=f.int(row["median_gap_days"])))  # fmt: skip
        elif flag == "breadth_shrinking":
            out.append(f.t("retention.ev.breadth_shrinking",
                           now=f.int(row["product_groups_last_12m"]),
                           before=f.int(row["product_groups_prior_12m"])))  # fmt: skip
        elif flag == "complaints":
            before = row["complaints_year_before"]
            n = row["complaints_last_year"]
            out.append(_tn("retention.ev.complaints", int(n), lang, n=f.int(n),
                           before="–" if _missing(before) else f.int(before)))  # fmt: skip
    return out


def flagged(result: RetentionResult) -> pd.DataFrame:
    """Early warnings of customers with revenue in the window (ranked by revenue at risk)."""
    return result.early_warnings[result.early_warnings["revenue"] > 0]


def signal_count(ew: pd.DataFrame) -> pd.Series:
    """Number of early-warning signals per row."""
    return ew["flags"].str.count(";") + (ew["flags"] != "").astype(int)


def serious(result: RetentionResult) -> bool:
    """At least one customer with revenue carries :data:`MIN_SIGNALS` or more signals."""
    return bool((signal_count(flagged(result)) >= MIN_SIGNALS).any())


def warning_list(result: RetentionResult) -> pd.DataFrame:
    """The early warnings the deliverable names: customers with at least
    :data:`MIN_SIGNALS` signals, ranked by revenue at risk (all flagged customers
    when none has that many)."""
    ew = flagged(result)
    serious = ew[signal_count(ew) >= MIN_SIGNALS]
    return serious if len(serious) else ew


# --------------------------------------------------------------------- summary


def finding_binding(result: RetentionResult, lang: str) -> str | None:
    """How many important customers are firmly bound and how much sits in act_now."""
    f = Formatter(lang)
    imp = important(result)
    scored = imp[imp["placed"]]
    if scored.empty:
        return None
    firm = int((scored["stability_score"] >= result.settings.firm_score - 1e-9).sum())
    act = scored[scored["risk_quadrant"] == "act_now"]
    return _tn("retention.find.binding", len(scored), lang, n=f.int(len(scored)),
               firm=f.int(firm), firm_score=f.num(result.settings.firm_score),
               act=f.int(len(act)), split=f.num(result.settings.score_split),
               act_revenue=f.money_short(act["revenue"].sum()))  # fmt: skip


def finding_warnings(result: RetentionResult, lang: str) -> str | None:
    """Customers with early warnings; those with several signals, their revenue, the largest."""
    f = Formatter(lang)
    ew = flagged(result)
    if ew.empty:
        return f.t("retention.find.no_warnings")
    shown = warning_list(result)
    names = [_name(r) for _, r in shown.head(NAMES_IN_SENTENCE).iterrows()]
    key = "retention.find.warnings" if serious(result) else "retention.find.warnings_single"
    return _tn(key, len(shown), lang, total=f.int(len(ew)), n=f.int(len(shown)),
               min_signals=f.int(MIN_SIGNALS), revenue=f.money_short(shown["revenue"].sum()),
               names=join_names(names, lang))  # fmt: skip


def finding_model(result: RetentionResult, lang: str) -> str | None:
    """The BG/NBD second opinion: disagreements, or why the model gives none."""
    f = Formatter(lang)
    if not bgnbd_ok(result):
        return f.t("retention.find.model_none", reason=model_reason(result, lang))
    d = result.disagreements
    if d.empty:
        return f.t("retention.find.model_agrees", firm_score=f.num(result.settings.firm_score),
                   p=f.num(result.settings.low_p_alive, 1))  # fmt: skip
    top = d.iloc[0]
    return _tn("retention.find.model_disagrees", len(d), lang, n=f.int(len(d)),
               name=esc(_name(top)), score=f.num(top["stability_score"]),
               p=f.num(top["p_alive"], 2), revenue=f.money_short(d["revenue"].sum()))  # fmt: skip


def last_complete_kpis(result: RetentionResult) -> pd.Series | None:
    """KPI row of the last complete year with a retention rate (None if there is none)."""
    k = result.kpis
    k = k[~k["year_to_date"].astype(bool) & k["retention_rate"].notna()]
    return k.iloc[-1] if len(k) else None


def finding_kpis(result: RetentionResult, lang: str) -> str | None:
    """Retention and revenue retention of the last complete year vs. the year before."""
    f = Formatter(lang)
    row = last_complete_kpis(result)
    if row is None:
        return None
    rev = row["revenue_retention"]
    if row["base_partial"] or _missing(rev):
        return f.t("retention.find.kpis_no_rev", year=str(int(row["year"])), kept=f.int(row["retained"]),
                   prev=f.int(row["customers_prev"]), rate=f.pct(row["retention_rate"], 0))  # fmt: skip
    return f.t("retention.find.kpis", year=str(int(row["year"])),
               kept=f.int(row["retained"]), prev=f.int(row["customers_prev"]),
               rate=f.pct(row["retention_rate"], 0), rev=f.pct(rev, 0))  # fmt: skip


def executive_summary(result: RetentionResult, lang: str) -> list[str]:
    """Findings, most important first: binding, early warnings, model, KPIs."""
    makers = (finding_binding, finding_warnings, finding_model, finding_kpis)
    return [s for s in (m(result, lang) for m in makers) if s]


def _weakest_common(df: pd.DataFrame) -> tuple[str, int] | None:
    counts = Counter(w.split(";")[0] for w in df["weak_factors"] if w)
    if not counts:
        return None
    factor, n = max(counts.items(), key=lambda kv: (kv[1], -FACTORS.index(kv[0])))
    return factor, n


def decisions(result: RetentionResult, lang: str) -> list[dict[str, str]]:
    """Three to five ranked decisions: ``decision``, ``impact`` (€), ``owner``, ``timing``.

    1. talk to the largest early-warning customers (their window revenue);
    2. a binding plan for important customers in ``act_now`` (their revenue);
    3. the most common weakest factor of important customers: its measure
       (revenue of those customers);
    4. re-rate customers where the model contradicts the workshop score;
    5. rate important customers without a score.
    Decisions without a base are left out; at least the first three are
    kept when they exist.
    """
    f = Formatter(lang)
    out: list[dict[str, str]] = []
    ew = warning_list(result)
    if len(ew):
        top = ew.head(TOP_WARNINGS)
        out.append({
            "decision": _tn("retention.dec.warnings", len(top), lang, n=f.int(len(top)),
                            names=join_names([_name(r) for _, r in top.iterrows()], lang)),
            "impact": f.money_short(top["revenue"].sum()),
            "owner": f.t("retention.owner.kam"),
            "timing": f.t("retention.timing.weeks", n="4"),
        })  # fmt: skip
    imp = important(result)
    act = imp[imp["risk_quadrant"] == "act_now"]
    if len(act):
        out.append({
            "decision": _tn("retention.dec.act_now", len(act), lang, n=f.int(len(act))),
            "impact": f.money_short(act["revenue"].sum()),
            "owner": f.t("retention.owner.director"),
            "timing": f.t("retention.timing.quarter"),
        })  # fmt: skip
    base = imp[imp["placed"]]
    common = _weakest_common(base)
    if common:
        factor, n = common
        who = base[base["weak_factors"].str.split(";").str[0] == factor]
        out.append({
            "decision": _tn("retention.dec.factor", n, lang, n=f.int(n),
                            factor=factor_label(factor, lang),
                            measure=t(f"retention.measure.{factor}", lang)),
            "impact": f.money_short(who["revenue"].sum()),
            "owner": f.t(f"retention.owner.factor.{factor}"),
            "timing": f.t("retention.timing.half_year"),
        })  # fmt: skip
    if bgnbd_ok(result) and len(result.disagreements):
        d = result.disagreements
        out.append({
            "decision": _tn("retention.dec.disagree", len(d), lang, n=f.int(len(d))),
            "impact": f.money_short(d["revenue"].sum()),
            "owner": f.t("retention.owner.workshop"),
            "timing": f.t("retention.timing.next_round"),
        })  # fmt: skip
    unscored = imp[~imp["placed"]]
    if len(unscored):
        out.append({
            "decision": _tn("retention.dec.rate", len(unscored), lang, n=f.int(len(unscored))),
            "impact": f.money_short(unscored["revenue"].sum()),
            "owner": f.t("retention.owner.workshop"),
            "timing": f.t("retention.timing.next_round"),
        })  # fmt: skip
    for i, d in enumerate(out[:MAX_DECISIONS], start=1):
        d["rank"] = str(i)
    return out[:MAX_DECISIONS]


def decisions_table(result: RetentionResult, lang: str) -> TableSpec:
    """The ranked decisions as a table (the summary's last part)."""
    rows = decisions(result, lang)
    df = pd.DataFrame(rows, columns=["rank", "decision", "impact", "owner", "timing"])
    return TableSpec(
        df,
        {
            "rank": ("#", "text"),
            "decision": (t("retention.col.decision", lang), "html"),
            "impact": (t("retention.col.impact", lang), "html"),
            "owner": (t("retention.col.owner", lang), "text"),
            "timing": (t("retention.col.timing", lang), "text"),
        },
        caption=t("retention.h.decisions", lang),
        empty_text=t("retention.text.no_decisions", lang),
    )


def kpi_tiles(result: RetentionResult, lang: str) -> list[tuple[str, str, str]]:
    """Five tiles: important customers scored, firmly bound, at risk, warnings, retention."""
    f = Formatter(lang)
    imp = important(result)
    scored = imp[imp["placed"]]
    act = imp[imp["risk_quadrant"] == "act_now"]
    ew = warning_list(result)
    firm = int(firmly_bound(result)[imp.index].sum())
    row = last_complete_kpis(result)
    return [
        (f.t("retention.kpi.scored"), f"{f.int(len(scored))} / {f.int(len(imp))}",
         f.t("retention.kpi.scored_note")),
        (f.t("retention.kpi.firm"), f.int(firm),
         f.t("retention.kpi.firm_note", score=f.num(result.settings.firm_score))),
        (f.t("retention.kpi.act_now"), f.money_short(act["revenue"].sum()),
         _tn("retention.kpi.act_now_note", len(act), lang, n=f.int(len(act)))),
        (f.t("retention.kpi.warnings"), f.money_short(ew["revenue"].sum()),
         _tn("retention.kpi.warnings_note" if serious(result) else "retention.kpi.act_now_note",
             len(ew), lang, n=f.int(len(ew)))),
        (f.t("retention.kpi.retention"), "–" if row is None else f.pct(row["retention_rate"], 0),
         "" if row is None else f.t("retention.kpi.retention_note", year=str(int(row["year"])))),
    ]  # fmt: skip


# ------------------------------------------------------------- headings


def heading(result: RetentionResult, section: str, lang: str) -> str:
    """Section heading stating its message in numbers (``scores``, ``risk``,
    ``warnings``, ``model``, ``kpis``)."""
    f = Formatter(lang)
    s = result.settings
    if section == "scores":
        scored = important(result)
        scored = scored[scored["placed"]]
        if scored.empty:
            return f.t("retention.h.scores_none")
        firm = int((scored["stability_score"] >= s.firm_score - 1e-9).sum())
        return f.t("retention.h.scores", firm=f.int(firm), n=f.int(len(scored)))
    if section == "risk":
        m = result.risk_matrix.set_index("risk_quadrant")
        return f.t("retention.h.risk", share=f.pct(m.loc["act_now", "revenue_share"], 0))
    if section == "warnings":
        ew = warning_list(result)
        if ew.empty:
            return f.t("retention.h.warnings_none")
        key = "retention.h.warnings" if serious(result) else "retention.h.warnings_single"
        return _tn(key, len(ew), lang, n=f.int(len(ew)),
                   revenue=f.money_short(ew["revenue"].sum()))  # fmt: skip
    if section == "model":
        if not bgnbd_ok(result):
            return f.t("retention.h.model_none")
        n = len(result.disagreements)
        if n == 0:
            return f.t("retention.h.model_agrees")
        return _tn("retention.h.model", n, lang, n=f.int(n))
    if section == "kpis":
        row = last_complete_kpis(result)
        if row is None:
            return f.t("retention.h.kpis_none")
        return f.t(
            "retention.h.kpis", rate=f.pct(row["retention_rate"], 0), year=str(int(row["year"]))
        )
    raise ValueError(f"unknown section {section!r}")


# ------------------------------------------------------------- section texts


def placed_any(result: RetentionResult) -> bool:
    """At least one customer has a score (else the chart's place says why, once)."""
    return bool(result.customers["placed"].any())


def has_kpis(result: RetentionResult) -> bool:
    """At least one year can be compared with the year before."""
    return bool(result.kpis["retention_rate"].notna().any()) if len(result.kpis) else False


def score_text(result: RetentionResult, lang: str) -> str:
    """Score distribution of the important customers with a score ("" without one)."""
    f = Formatter(lang)
    scored = important(result)
    scored = scored[scored["placed"]]
    if scored.empty:
        return ""
    s = result.settings
    firm = int((scored["stability_score"] >= s.firm_score - 1e-9).sum())
    low = int((scored["stability_score"] < s.score_split - 1e-9).sum())
    common = _weakest_common(scored)
    text = f.t("retention.text.scores", n=f.int(len(scored)),
               median=f.num(scored["stability_score"].median()), firm=f.int(firm),
               firm_score=f.num(s.firm_score), low=f.int(low), split=f.num(s.score_split))  # fmt: skip
    if common:
        text += " " + _tn("retention.text.common_weak", common[1], lang, n=f.int(common[1]),
                          factor=factor_label(common[0], lang))  # fmt: skip
    return text


def score_table(result: RetentionResult, lang: str) -> TableSpec:
    """Important customers by revenue (top_n): score, weak factors, P(alive), E[purchase days]."""
    f = Formatter(lang)
    imp = important(result).head(result.settings.top_n).copy()
    imp["cust"] = [cust_html(_name(r)) for _, r in imp.iterrows()]
    imp["weak"] = [weak_list(w, lang) for w in imp["weak_factors"]]
    if bgnbd_ok(result):
        mark = imp["disagreement"] != ""
        imp["cust"] = np.where(mark, imp["cust"] + " ⚠", imp["cust"])
    cols: dict[str, tuple[str, Any]] = {
        "cust": (t("retention.col.customer", lang), "html"),
        "revenue": (t("retention.col.revenue", lang), "money"),
        "abc_class": (t("retention.col.abc", lang), "text"),
        "stability_score": (t("retention.col.score", lang), "int"),
        "weak": (t("retention.col.weak", lang), "text"),
    }
    if bgnbd_ok(result):
        cols["p_alive"] = (t("retention.col.p_alive", lang), "num2")
        cols["expected_purchases_52w"] = (t("retention.col.expected", lang), "num1")
    total = len(important(result))
    note = None
    if total > len(imp):
        note = f.t("retention.text.more_in_export", shown=f.int(len(imp)), total=f.int(total))
    if bgnbd_ok(result) and (imp["disagreement"] != "").any():
        mark_note = f.t("retention.text.mark_note", firm_score=f.num(result.settings.firm_score),
                        p=f.num(result.settings.low_p_alive, 1))  # fmt: skip
        note = mark_note if note is None else note + " " + mark_note
    return TableSpec(imp, cols, note=note, empty_text=t("retention.text.no_scores", lang))


def risk_text(result: RetentionResult, lang: str) -> str:
    """Customers and revenue share per quadrant (the table beside it)."""
    f = Formatter(lang)
    m = result.risk_matrix.set_index("risk_quadrant")
    placed = int(m["customers"].sum())
    if placed == 0:
        return ""  # the chart's place already says why
    return f.t("retention.text.risk", placed=f.int(placed),
               act=f.int(m.loc["act_now", "customers"]), act_share=f.pct(m.loc["act_now", "revenue_share"]),
               secure=f.int(m.loc["secure", "customers"]),
               secure_share=f.pct(m.loc["secure", "revenue_share"]),
               unplaced=f.int(result.unplaced_customers))  # fmt: skip


def risk_table(result: RetentionResult, lang: str) -> TableSpec:
    """One row per quadrant: customers, revenue, share of total revenue, what to do."""
    m = result.risk_matrix.copy()
    m["label"] = [quadrant_label(q, lang) for q in m["risk_quadrant"]]
    m["todo"] = [t(f"retention.quadrant.{q}.todo", lang) for q in m["risk_quadrant"]]
    return TableSpec(
        m,
        {
            "label": (t("retention.col.quadrant", lang), "text"),
            "customers": (t("retention.col.customers", lang), "int"),
            "revenue": (t("retention.col.revenue", lang), "money"),
            "revenue_share": (t("retention.col.revenue_share", lang), "pct"),
            "todo": (t("retention.col.todo", lang), "text"),
        },
    )


def warnings_text(result: RetentionResult, lang: str) -> str:
    """How many customers carry which flag, revenue at risk (the list's base)."""
    f = Formatter(lang)
    ew = flagged(result)
    if ew.empty:
        return f.t("retention.find.no_warnings")
    c = result.customers
    parts = [
        f"{flag_label(flag, lang)} {f.int(int(c[f'flag_{flag}'][c['revenue'] > 0].sum()))}"
        for flag in FLAGS
    ]
    text = _tn("retention.text.warnings", len(ew), lang, n=f.int(len(ew)),
               revenue=f.money(ew["revenue"].sum()), per_flag=", ".join(parts))  # fmt: skip
    shown = warning_list(result)
    if len(shown) < len(ew):
        text += " " + _tn("retention.text.warnings_shown", len(shown), lang, n=f.int(len(shown)),
                          min_signals=f.int(MIN_SIGNALS), revenue=f.money(shown["revenue"].sum()))  # fmt: skip
    return text


def warnings_table(result: RetentionResult, lang: str) -> TableSpec:
    """Early-warning list (top_n, ranked by revenue at risk): evidence and measure."""
    f = Formatter(lang)
    ew = warning_list(result)
    total = len(ew)
    ew = ew.head(result.settings.top_n).copy()
    ew["cust"] = [cust_html(_name(r)) for _, r in ew.iterrows()]
    ew["ev"] = ["<br>".join(esc(x) for x in evidence(r, lang)) for _, r in ew.iterrows()]
    ew["measure"] = [
        esc(t(f"retention.measure.{w.split(';')[0]}", lang)) if w else esc(t("retention.measure.none", lang))
        for w in ew["weak_factors"]
    ]  # fmt: skip
    ew["weak"] = [weak_list(w, lang) for w in ew["weak_factors"]]
    note = None
    if total > len(ew):
        note = f.t("retention.text.more_in_export", shown=f.int(len(ew)), total=f.int(total))
    return TableSpec(
        ew,
        {
            "cust": (t("retention.col.customer", lang), "html"),
            "revenue": (t("retention.col.at_risk", lang), "money"),
            "ev": (t("retention.col.evidence", lang), "html"),
            "weak": (t("retention.col.weak", lang), "text"),
            "measure": (t("retention.col.measure", lang), "html"),
        },
        note=note,
        empty_text=t("retention.find.no_warnings", lang),
    )


def model_reason(result: RetentionResult, lang: str) -> str:
    """Why the BG/NBD gives no numbers (status other than ok)."""
    f = Formatter(lang)
    status = result.bgnbd_status
    if status == "at_bound" and result.bgnbd is not None:
        names = ", ".join(t(f"retention.param.{p}", lang) for p in result.bgnbd.at_bound)
        return f.t("retention.model.at_bound", params=names)
    return f.t(f"retention.model.{status}")


def model_text(result: RetentionResult, lang: str) -> str:
    """The fitted model in plain words, or why it is not shown."""
    f = Formatter(lang)
    p = result.bgnbd
    if not bgnbd_ok(result) or p is None:
        return f.t("retention.text.model_none", reason=model_reason(result, lang))
    c = result.customers
    has = c["p_alive"].notna()
    low = int((c.loc[has, "p_alive"] < result.settings.low_p_alive).sum())
    return f.t("retention.text.model", n=f.int(p.customers), rate=f.num(52 * p.r / p.alpha, 1),
               drop=f.pct(p.a / (p.a + p.b), 0), low=f.int(low),
               p=f.num(result.settings.low_p_alive, 1))  # fmt: skip


def disagreement_table(result: RetentionResult, lang: str) -> TableSpec:
    """Customers rated firmly bound whose purchases say otherwise."""
    f = Formatter(lang)
    d = result.disagreements.head(result.settings.top_n).copy()
    d["cust"] = [cust_html(_name(r)) for _, r in d.iterrows()]
    d["says"] = [
        f.t("retention.text.disagree_row", score=f.num(r["stability_score"]),
            p=f.num(r["p_alive"], 2))
        for _, r in d.iterrows()
    ]  # fmt: skip
    return TableSpec(
        d,
        {
            "cust": (t("retention.col.customer", lang), "html"),
            "revenue": (t("retention.col.revenue", lang), "money"),
            "says": (t("retention.col.disagreement", lang), "text"),
            "expected_purchases_52w": (t("retention.col.expected", lang), "num1"),
        },
        empty_text=f.t("retention.find.model_agrees", firm_score=f.num(result.settings.firm_score),
                       p=f.num(result.settings.low_p_alive, 1)),
    )  # fmt: skip


def kpi_text(result: RetentionResult, lang: str) -> str:
    """The last complete year against the one before (retention and revenue retention)."""
    f = Formatter(lang)
    k = result.kpis[result.kpis["retention_rate"].notna() & ~result.kpis["year_to_date"]]
    if k.empty:
        return ""  # the chart's place already says why
    last = k.iloc[-1]
    rev = last["revenue_retention"]
    text = f.t("retention.text.kpis", year=str(int(last["year"])), rate=f.pct(last["retention_rate"], 0),
               churn=f.pct(last["churn_rate"], 0), repeat=f.pct(last["repeat_rate"], 0),
               rev="–" if _missing(rev) or last["base_partial"] else f.pct(rev, 0))  # fmt: skip
    if len(k) >= 2:
        prev = k.iloc[-2]
        diff = (last["retention_rate"] - prev["retention_rate"]) * 100
        key = (
            "retention.text.kpis_up"
            if diff > 0.5
            else ("retention.text.kpis_down" if diff < -0.5 else "retention.text.kpis_flat")
        )
        text += " " + f.t(key, year=str(int(prev["year"])), rate=f.pct(prev["retention_rate"], 0))
    return text


def kpi_table(result: RetentionResult, lang: str) -> TableSpec:
    """Retention KPIs per calendar year (the current year marked year-to-date)."""
    k = result.kpis[result.kpis["customers_prev"].notna()].copy()
    biased = k["base_partial"].astype(bool) | k["year_to_date"].astype(bool)
    k["revenue_retention"] = k["revenue_retention"].where(~biased, np.nan)
    k["year_label"] = [
        f"{int(y)} ({t('retention.text.ytd', lang)})" if ytd else str(int(y))
        for y, ytd in zip(k["year"], k["year_to_date"], strict=True)
    ]
    return TableSpec(
        k,
        {
            "year_label": (t("retention.col.year", lang), "text"),
            "customers_prev": (t("retention.col.customers_prev", lang), "int"),
            "retained": (t("retention.col.retained", lang), "int"),
            "retention_rate": (t("retention.col.retention", lang), "pct"),
            "churn_rate": (t("retention.col.churn", lang), "pct"),
            "repeat_rate": (t("retention.col.repeat", lang), "pct"),
            "revenue_retention": (t("retention.col.revenue_retention", lang), "pct"),
        },
        note=t("retention.text.kpis_partial", lang) if biased.any() else None,
        empty_text=t("retention.text.kpis_none", lang),
    )


# -------------------------------------------------------------------- appendix


def missing_inputs(client: Any, lang: str) -> list[str]:
    """What each missing optional input of a loaded client would add (empty when complete)."""
    present = {
        "ratings": client.ratings is not None and len(client.ratings) > 0,
        "contacts": client.contacts is not None and len(client.contacts) > 0,
        "activities": client.activities is not None and "complaints" in client.activities,
        "product_group": "product_group" in client.sales
        and client.sales["product_group"].notna().any(),
    }
    return [t(f"retention.missing.{k}", lang) for k, ok in present.items() if not ok]


def weights_table(result: RetentionResult, lang: str) -> TableSpec:
    """Factor, weight (normalised), source, customers with a value."""
    c = result.customers
    rows = []
    for fac in FACTORS:
        src = c[f"source_{fac}"]
        rows.append({
            "factor": factor_label(fac, lang),
            "weight": result.weights.get(fac, 0.0),
            "rated": int((src == "rating").sum()),
            "data": int((src == "data").sum()),
        })  # fmt: skip
    return TableSpec(
        pd.DataFrame(rows),
        {
            "factor": (t("retention.col.factor", lang), "text"),
            "weight": (t("retention.col.weight", lang), "pct0"),
            "rated": (t("retention.col.rated", lang), "int"),
            "data": (t("retention.col.from_data", lang), "int"),
        },
    )


def method_paragraphs(result: RetentionResult, lang: str) -> list[str]:
    """Appendix: score, flags, risk matrix, KPIs, BG/NBD with the fitted parameters."""
    f = Formatter(lang)
    s = result.settings
    p = result.bgnbd
    out = [
        f.t("retention.method.score", window=f.period(result.window_start, result.window_end),
            cover=f.pct(s.min_coverage, 0), weak=f.num(s.weak_rating)),
        f.t("retention.method.flags", ratio=f.pct(s.trend_ratio, 0), factor=f.num(s.gap_factor, 1),
            days=f.int(s.gap_min_days), drop=f.int(s.breadth_drop), complaints=f.int(s.complaints_min),
            year=str(result.complaints_year)),
        f.t("retention.method.matrix", split=f.num(s.score_split)),
        f.t("retention.method.kpis"),
        f.t("retention.method.bgnbd", as_of=f.date(result.as_of)),
    ]  # fmt: skip
    if p is not None:
        out.append(f.t("retention.method.params", r=f.num(p.r, 3), alpha=f.num(p.alpha, 3),
                       a=f.num(p.a, 3), b=f.num(p.b, 3), ll=f.num(p.log_likelihood, 1),
                       n=f.int(p.customers)))  # fmt: skip
    if not bgnbd_ok(result):
        out.append(f.t("retention.text.model_none", reason=model_reason(result, lang)))
    if result.refused_ratings:
        out.append(f.t("retention.method.refused", n=f.int(result.refused_ratings)))
    return out


def quadrant_order() -> tuple[str, ...]:
    """Quadrant keys in display order (for charts and tables)."""
    return QUADRANTS
