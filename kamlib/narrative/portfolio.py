"""Executive summary, section texts, KPI tiles and tables of the portfolio deliverable.

Every function takes a :class:`~kamlib.analysis.portfolio.PortfolioResult`
and ``lang`` ("de" | "en"). Texts are HTML-safe (customer names escaped) with
every figure formatted for the language; the wording lives in
the catalogues ``kamlib/messages/<lang>/portfolio.yaml``. Tables come as :class:`~kamlib.content.TableSpec` (a small
DataFrame plus column labels and formats for :func:`kamlib.report.table`), so
the notebook stays thin and the deliverable stays readable with 20,000
customers: tables show the top ``settings.top_n`` rows, the export has the rest.
"""

from __future__ import annotations

import math
from typing import Any

import numpy as np
import pandas as pd

from kamlib.analysis.portfolio import ABC, XYZ, ZONES, PortfolioResult
from kamlib.analysis.shares import Concentration, revenue_concentration
from kamlib.config import ATTRACTIVENESS_CRITERIA, KEY_ACCOUNT_CRITERIA, POTENTIAL_CRITERIA
from kamlib.content import ZONE_COLORS, TableSpec, esc
from kamlib.i18n import Formatter, t
from kamlib.labels import shorten

#: a single customer with at least this share of revenue is a concentration risk
#: (the same 10 % that makes a "breadwinner" in seed 002)
TOP_CUSTOMER_RISK = 0.10
#: at least this share of customers must keep their zone under every weight
#: change for the placement to be called robust
ROBUST_THRESHOLD = 0.80
#: names quoted in a summary sentence
NAMES_IN_SENTENCE = 3
#: at most this many findings in the executive summary (the brief: 3-5)
MAX_FINDINGS = 5
#: findings kept when the decisions follow them (the summary stays on one page)
MAX_FINDINGS_WITH_DECISIONS = 4
#: at most this many decisions close the management summary (3-5)
MAX_DECISIONS = 5
#: programs quoted as decisions in the management summary
PROGRAM_DECISIONS = 2
#: the share of revenue of the concentration figure ("N customers make 80 %");
#: fixed, so portfolio and overview state the same figure
CONCENTRATION_CUT = 0.80
#: owner role (text key ``portfolio.owner.<role>``) of each program action
ACTION_OWNERS = {
    "grow_share_of_wallet": "head_of_sales",
    "open_decision_access": "head_of_kam",
    "support_process_control": "head_of_service",
    "strengthen_relationship": "head_of_kam",
    "align_strategy": "head_of_kam",
    "improve_margin": "head_of_sales",
    "secure_payment_terms": "finance",
}
#: the four strategy-card topics, in display order
CARD_TOPICS = ("care", "sell", "pricing", "binding")
CUSTOMER_TYPES = ("breadwinner", "prospect", "image_maker", "expert")


# --------------------------------------------------------------------------- helpers


def _missing(value: Any) -> bool:
    return value is None or (isinstance(value, float) and math.isnan(value))


def zone_name(result: PortfolioResult, zone: str, lang: str) -> str:
    """Display name of a zone from ``settings.zone_labels`` (config), HTML-escaped."""
    if not zone:
        return t("portfolio.zone_unplaced", lang)
    return esc(getattr(result.settings.zone_labels, lang).get(zone, zone))


def criterion_label(criterion: str, lang: str) -> str:
    """Display name of a criterion id (potential, attractiveness, key account, types)."""
    return t(f"portfolio.criterion.{criterion}", lang)


def join_names(names: list[str], lang: str, total: int | None = None) -> str:
    """``A, B und C`` / ``A, B and C``; with ``total`` > len(names): ``… und 4 weitere``."""
    names = [esc(shorten(n)) for n in names]  # a 1 MB name must not fill pages
    rest = (total or len(names)) - len(names)
    if rest > 0:
        return ", ".join(names) + " " + t("portfolio.find.more", lang, n=Formatter(lang).int(rest))
    if not names:
        return t("portfolio.find.none_names", lang)
    if len(names) == 1:
        return names[0]
    return ", ".join(names[:-1]) + " " + t("portfolio.find.and", lang) + " " + names[-1]


def _names(df: pd.DataFrame) -> pd.Series:
    if "customer_name" in df:
        return df["customer_name"].where(df["customer_name"].notna(), df["customer_id"]).astype(str)
    return df["customer_id"].astype(str)


def _has_substance(df: pd.DataFrame) -> pd.Series:
    """True for customers with revenue in the window or a known demand (potential > 0)."""
    rev = df["revenue"].round(2) > 0
    pot = df["potential"].fillna(0) > 0 if "potential" in df else False
    return rev | pot


def _bool(series: pd.Series) -> pd.Series:
    return series.fillna(False).astype(bool)


def customers_for_share(result: PortfolioResult, share: float) -> float:
    """Share of customers (0-1, largest first) needed to reach ``share`` (0-1) of revenue."""
    lz = result.lorenz
    if lz.empty:
        return float("nan")
    ycol = "revenue_share" if "revenue_share" in lz else lz.columns[1]
    x = lz["customer_share"].to_numpy(dtype=float)
    y = lz[ycol].to_numpy(dtype=float)
    idx = int(np.searchsorted(y, share - 1e-12))
    return float(x[min(idx, len(x) - 1)])


def _zone_rows(result: PortfolioResult) -> pd.DataFrame:
    return result.zones.set_index("zone").reindex(list(ZONES))


def top_share(result: PortfolioResult, n: int) -> float:
    """Revenue share (0-1) of the ``n`` largest customers."""
    c = result.customers.sort_values("revenue", ascending=False)
    return float(c["revenue_share"].head(n).sum())


def weakest_criterion(
    result: PortfolioResult, zone: str, axis: str = "attractiveness"
) -> str | None:
    """Criterion of ``axis`` with the lowest mean value (0-100) among the zone's customers.

    Only criteria with a positive weight and at least one value count; None when
    the zone is empty or no criterion has values.
    """
    c = result.customers[result.customers["zone"] == zone]
    best: tuple[float, str] | None = None
    for crit, w in result.weights.get(axis, {}).items():
        col = f"crit_{crit}"
        if w <= 0 or col not in c or c[col].notna().sum() == 0:
            continue
        mean = float(c[col].mean())
        if best is None or mean < best[0]:
            best = (mean, crit)
    return best[1] if best else None


# --------------------------------------------------------------- executive summary


def concentration(result: PortfolioResult) -> Concentration:
    """The concentration figures on the one shared base (customers with revenue > 0).

    ``result.concentration`` when the analysis set it (the same function as the
    overview's), else computed from ``result.customers`` the same way.
    """
    if result.concentration is not None:
        return result.concentration
    c = result.customers
    return revenue_concentration(c["customer_id"], c["revenue"])


def finding_concentration(result: PortfolioResult, lang: str) -> str | None:
    """How many customers make 80 % of revenue (shared base) and the largest one's share."""
    f = Formatter(lang)
    conc = concentration(result)
    c = result.customers
    if conc.customers == 0:
        return None
    top = c.sort_values(["revenue", "customer_id"], ascending=[False, True]).iloc[0]
    top_share_ = float(top["revenue"]) / conc.revenue
    key = "portfolio.find.conc_high" if top_share_ >= TOP_CUSTOMER_RISK else "portfolio.find.conc"
    return f.t(
        key,
        n=f.int(conc.customers_for_80),
        base=f.int(conc.customers),
        cutoff=f.pct(CONCENTRATION_CUT, 0),
        top_name=esc(shorten(top.get("customer_name", top["customer_id"]))),
        top_share=f.pct(top_share_),
    )


def _tn(key: str, count: int, lang: str, **kwargs: Any) -> str:
    """Text for ``key`` in the plural form that fits ``count``."""
    return t(key, lang, count=count, **kwargs)


def finding_upside(result: PortfolioResult, lang: str) -> str | None:
    f = Formatter(lang)
    dev = result.customers[result.customers["zone"] == "develop"]
    n = len(dev)
    if n == 0:
        return None
    revenue = f.money_short(dev["revenue"].clip(lower=0).sum())
    gap = dev["wallet_gap"] if "wallet_gap" in dev else pd.Series(dtype=float)
    if gap.notna().any() and gap.sum() > 0:
        text = _tn("portfolio.find.upside", n, lang, n=f.int(n), revenue=revenue,
                   gap=f.money_short(gap.sum()))  # fmt: skip
    else:
        text = _tn("portfolio.find.upside_no_gap", n, lang, n=f.int(n), revenue=revenue)
    crit = weakest_criterion(result, "develop")
    if crit:
        text += " " + f.t("portfolio.find.upside_criterion", criterion=criterion_label(crit, lang))
    return text


def finding_protect(result: PortfolioResult, lang: str) -> str | None:
    f = Formatter(lang)
    prot = result.customers[result.customers["zone"] == "protect"]
    if prot.empty:
        return None
    prot = prot.sort_values("revenue", ascending=False)
    names = join_names(list(_names(prot).head(NAMES_IN_SENTENCE)), lang)
    unflagged = int((~_bool(prot["is_key_account"])).sum()) if "is_key_account" in prot else 0
    if not unflagged:
        extra = ""
    elif len(prot) == 1:
        extra = f.t("portfolio.find.protect_unflagged_single")
    else:
        extra = _tn("portfolio.find.protect_unflagged", unflagged, lang, n=f.int(unflagged))
    return _tn(
        "portfolio.find.protect",
        len(prot),
        lang,
        n=f.int(len(prot)),
        rev_share=f.pct(prot["revenue_share"].sum()),
        names=names,
        unflagged=extra,
    )


def finding_withdraw(result: PortfolioResult, lang: str) -> str | None:
    f = Formatter(lang)
    c = result.customers
    wd = c[c["zone"] == "withdraw"]
    if wd.empty:
        return None
    cust_share = len(wd) / len(c)
    rev_share = float(wd["revenue_share"].sum())
    # "only x % of revenue" is true only when the zone earns less than its head count
    key = "portfolio.find.withdraw" if rev_share < cust_share else "portfolio.find.withdraw_heavy"
    return f.t(key, n=f.int(len(wd)), cust_share=f.pct(cust_share), rev_share=f.pct(rev_share))


def finding_key_accounts(result: PortfolioResult, lang: str) -> str | None:
    f = Formatter(lang)
    new = result.ka_not_flagged
    old = result.ka_flagged_not_qualified
    if new.empty and old.empty:
        qualified = (
            int(result.ka_ranking["qualifies"].sum()) if "qualifies" in result.ka_ranking else 0
        )
        return f.t("portfolio.find.ka_match", n=f.int(qualified)) if qualified else None
    cut = f.num(result.settings.key_account.cut_score)
    parts = []
    if len(new):
        top = list(_names(new.sort_values("ka_score", ascending=False)).head(NAMES_IN_SENTENCE))
        parts.append(_tn("portfolio.find.ka_new", len(new), lang, n=f.int(len(new)),
                         names=join_names(top, lang, total=len(new))))  # fmt: skip
    if len(old):
        weakest = list(_names(old.sort_values("ka_score")).head(1))
        parts.append(_tn("portfolio.find.ka_old", len(old), lang, n=f.int(len(old)), cut=cut,
                         names=join_names(weakest, lang)))  # fmt: skip
    text = "; ".join(parts)
    return f.t("portfolio.find.ka_mismatch", parts=text[:1].upper() + text[1:])


def finding_program(result: PortfolioResult, lang: str) -> str | None:
    f = Formatter(lang)
    p = result.focus_programs
    if p is None or p.empty:
        return None
    first = p.iloc[0]
    return f.t(
        "portfolio.find.program",
        program=action_name(first["action"], lang)
        if "action" in p
        else program_name(first["criterion"], lang),
        n=f.int(len(first["customer_ids"])),
        count=f.int(len(p)),
    )


def executive_summary(result: PortfolioResult, lang: str) -> list[str]:
    """The three to five findings a client acts on, most important first.

    Order: concentration risk, where the upside is, whom to protect, what to
    stop, key-account mismatches; the first focus program fills a free slot.
    Findings whose basis is empty (e.g. no customer in the develop zone) are
    left out.
    """
    makers = (
        finding_concentration,
        finding_upside,
        finding_protect,
        finding_withdraw,
        finding_key_accounts,
        finding_program,
    )
    found = [s for s in (m(result, lang) for m in makers) if s]
    return found[:MAX_FINDINGS]


# ------------------------------------------------------------------------ KPI tiles


def kpi_tiles(result: PortfolioResult, lang: str) -> list[tuple[str, str, str]]:
    """Six KPI tiles ``(label, value, note)`` for the top of the deliverable."""
    f = Formatter(lang)
    c = result.customers
    active = int((c["revenue"] > 0).sum())
    abc = result.abc_summary.set_index("abc_class")
    z = _zone_rows(result)
    high = c[c["zone"].isin(["protect", "develop"])]
    gap = (
        high["wallet_gap"].sum()
        if "wallet_gap" in high and high["wallet_gap"].notna().any()
        else float("nan")
    )
    ka = result.ka_ranking
    qualified = int(ka["qualifies"].sum()) if "qualifies" in ka else 0
    flagged = int(_bool(c["is_key_account"]).sum()) if "is_key_account" in c else 0
    return [
        (f.t("portfolio.kpi.customers"), f.int(active), f.t("portfolio.kpi.customers_note", total=f.int(len(c)))),
        (f.t("portfolio.kpi.revenue"), f.money(c["revenue"].clip(lower=0).sum()), f.period(result.window_start, result.window_end)),
        (f.t("portfolio.kpi.a_share"), f.pct(abc.loc["A", "revenue_share"]) if "A" in abc.index else "–",
         f.t("portfolio.kpi.a_note", n=f.int(abc.loc["A", "customers"])) if "A" in abc.index else ""),
        (f.t("portfolio.kpi.protect"), f.pct(z.loc["protect", "revenue_share"]) if "protect" in z.index else "–",
         f.t("portfolio.kpi.protect_note", n=f.int(z.loc["protect", "customers"])) if "protect" in z.index else ""),
        (f.t("portfolio.kpi.wallet_gap"), f.money_short(gap), f.t("portfolio.kpi.wallet_note")),
        (f.t("portfolio.kpi.ka"), f.int(qualified), f.t("portfolio.kpi.ka_note", n=f.int(flagged))),
    ]  # fmt: skip


# -------------------------------------------------------------------- section texts


def _basis(result: PortfolioResult, lang: str) -> str:
    return t(f"portfolio.basis.{result.settings.abc.basis}", lang)


def abc_intro(result: PortfolioResult, lang: str) -> str:
    f = Formatter(lang)
    return f.t("portfolio.intro.abc_xyz", basis=_basis(result, lang),
               window=f.period(result.window_start, result.window_end))  # fmt: skip


def abc_text(result: PortfolioResult, lang: str) -> str:
    """Classes A/B/C with customers and revenue share, biggest field, X and Z shares."""
    f = Formatter(lang)
    abc = result.abc_summary.set_index("abc_class").reindex(list(ABC)).fillna(0)
    m = result.matrix
    top = m.sort_values("revenue_share", ascending=False).iloc[0]
    by_xyz = m.groupby("xyz")["revenue_share"].sum()
    text = f.t(
        "portfolio.text.abc",
        n_a=f.int(abc.loc["A", "customers"]), a_share=f.pct(abc.loc["A", "revenue_share"]),
        n_b=f.int(abc.loc["B", "customers"]), b_share=f.pct(abc.loc["B", "revenue_share"]),
        n_c=f.int(abc.loc["C", "customers"]), c_share=f.pct(abc.loc["C", "revenue_share"]),
        top_field=f"{top['abc']}{top['xyz']}", top_field_share=f.pct(top["revenue_share"]),
        x_share=f.pct(by_xyz.get("X", 0.0)), z_share=f.pct(by_xyz.get("Z", 0.0)),
    )  # fmt: skip
    az = m[(m["abc"] == "A") & (m["xyz"] == "Z")]
    n_az = int(az["customers"].sum())
    if n_az:
        text += " " + f.t("portfolio.text.az_warning", n=f.int(n_az))
    return text


def lorenz_text(result: PortfolioResult, lang: str) -> str:
    """ "N customers (x % of the customers with revenue) make 80 %", top 10 and top 20 shares."""
    f = Formatter(lang)
    conc = concentration(result)
    return f.t(
        "portfolio.text.lorenz_base",
        n=f.int(conc.customers_for_80),
        cust_share=f.pct(conc.customers_for_80_share),
        base=f.int(conc.customers),
        cutoff=f.pct(CONCENTRATION_CUT, 0),
        top10=f.pct(top_share(result, 10)),
        top20=f.pct(top_share(result, 20)),
    )


def matrix_text(result: PortfolioResult, lang: str, max_labels: int = 15) -> str:
    f = Formatter(lang)
    split = result.settings.zone_split
    text = f.t(
        "portfolio.text.matrix",
        labels=f.int(max_labels),
        split_p=f.num(split.potential),
        split_a=f.num(split.attractiveness),
    )
    # customers "to be rated" are named by scope_text; only the rest (no
    # criterion at all on an axis) need this sentence
    to_rate = len(result.to_rate) if result.to_rate is not None else 0
    unplaced = (getattr(result, "unplaced_customers", 0) or 0) - to_rate
    if unplaced > 0:
        text += " " + f.t("portfolio.text.unplaced", n=f.int(unplaced))
    return text


def unrated_note(result: PortfolioResult, lang: str) -> str | None:
    """Warning text when customers were placed from data-derived criteria only."""
    if not result.unrated_customers:
        return None
    return t("portfolio.text.unrated", lang, n=Formatter(lang).int(result.unrated_customers))


def placement_gap(result: PortfolioResult, lang: str) -> str | None:
    """Why no customer could be placed in the portfolio, or None when some are.

    Names every axis whose weighted criteria are all missing, with those
    criteria, and what the client can provide so the zones can be computed.
    """
    if (result.customers["zone"] != "").any():
        return None
    missing = getattr(result, "missing_criteria", {}) or {}
    parts = [
        t(
            "portfolio.text.axis_missing",
            lang,
            axis=t(f"portfolio.axis.{axis}", lang),
            criteria=join_names([criterion_label(c, lang) for c in missing[axis]], lang),
        )
        for axis in ("potential", "attractiveness")
        if missing.get(axis)
        and set(missing[axis]) >= {c for c, w in getattr(result.settings, axis).items() if w > 0}
    ]
    return t("portfolio.text.not_placed", lang, axes="; ".join(parts) or "–")


def _known_potential(result: PortfolioResult) -> pd.DataFrame:
    """Customers with an annual demand (``potential``) above 0 in the master."""
    c = result.customers
    if "potential" not in c:
        return c.iloc[0:0]
    return c[c["potential"].notna() & (c["potential"] > 0)]


def has_wallet_data(result: PortfolioResult) -> bool:
    """True when share-of-wallet figures exist (some customer has a demand above 0)."""
    return not _known_potential(result).empty


def wallet_text(result: PortfolioResult, lang: str) -> str:
    f = Formatter(lang)
    known = _known_potential(result)
    if known.empty:
        return f.t("portfolio.text.wallet_missing")
    annual = 12.0 / max(getattr(result, "window_months", 12) or 12, 1)
    revenue = known["revenue"].clip(lower=0).sum() * annual
    potential = known["potential"].sum()
    gap = known["wallet_gap"].sum()
    high_gap = known.loc[known["zone"].isin(["protect", "develop"]), "wallet_gap"].sum()
    return f.t(
        "portfolio.text.wallet",
        n_known=f.int(len(known)),
        revenue=f.money(revenue),
        potential=f.money(potential),
        sow=f.pct(revenue / potential if potential > 0 else float("nan")),
        gap=f.money(gap),
        high_share=f.pct(high_gap / gap if gap > 0 else float("nan")),
    )


def ka_intro(result: PortfolioResult, lang: str) -> str:
    return t(
        "portfolio.intro.ka", lang, cut=Formatter(lang).num(result.settings.key_account.cut_score)
    )


def ka_text(result: PortfolioResult, lang: str) -> str:
    f = Formatter(lang)
    r = result.ka_ranking
    qual = _bool(r["qualifies"]) if "qualifies" in r else pd.Series(False, index=r.index)
    flag = _bool(r["is_key_account"])
    return f.t(
        "portfolio.text.ka",
        n_qual=f.int(qual.sum()),
        cut=f.num(result.settings.key_account.cut_score),
        n_flag=f.int(_bool(result.customers["is_key_account"]).sum()),
        n_both=f.int((qual & flag).sum()),
    )


def sensitivity_intro(result: PortfolioResult, lang: str) -> str:
    return t(
        "portfolio.intro.sensitivity",
        lang,
        step=Formatter(lang).pct(result.settings.sensitivity_step, 0),
    )


def sensitivity_text(result: PortfolioResult, lang: str) -> str:
    f = Formatter(lang)
    s = result.sensitivity
    if s is None or s.empty or _missing(result.robust_share):
        return f.t("portfolio.chart.no_data")
    # every criterion whose largest change shows as the top share (a tie names them all,
    # as the chart shows them side by side)
    most = s.groupby("criterion", sort=False)["changed_share"].max()
    top = f.pct(most.max())
    tied = [c for c, v in most.sort_values(ascending=False).items() if f.pct(v) == top]
    quote = "„{}“" if f.lang == "de" else "“{}”"
    text = f.t(
        "portfolio.text.sensitivity",
        count=len(tied),
        robust=f.pct(result.robust_share),
        criteria=join_names([quote.format(criterion_label(c, lang)) for c in tied], lang),
        changed=top,
    )
    verdict = "robust" if result.robust_share >= ROBUST_THRESHOLD else "fragile"
    return text + " " + f.t(f"portfolio.text.sensitivity_{verdict}")


def more_note(total: int, shown: int, lang: str) -> str | None:
    """The note "showing the first N of M; the full list is in the export", or None."""
    if total <= shown:
        return None
    f = Formatter(lang)
    return f.t("portfolio.text.more_in_export", shown=f.int(shown), total=f.int(total))


# -------------------------------------------------------------------------- tables


def _labels(df: pd.DataFrame, result: PortfolioResult, lang: str) -> pd.DataFrame:
    """Add display columns ``name``, ``zone_label`` and ``type_label`` (plain text)."""
    labels = getattr(result.settings.zone_labels, lang)
    df["name"] = _names(df)
    if "zone" in df:
        df["zone_label"] = [labels.get(z, z) if z else "–" for z in df["zone"]]
        if "provisional" in df:
            prov = _bool(df["provisional"]) & (df["zone"].fillna("") != "")
            df.loc[prov, "zone_label"] = [
                t("portfolio.zone_provisional", lang, zone=z) for z in df.loc[prov, "zone_label"]
            ]
    if "customer_type" in df:
        df["type_label"] = [type_names(v, lang) for v in df["customer_type"]]
    return df


def _class_label(row: pd.Series, lang: str) -> str:
    xyz = row.get("xyz_class", "")
    if xyz == "new":
        return f"{row['abc_class']} · {t('portfolio.xyz.new', lang)}"
    if not xyz:
        return f"{row['abc_class']} · –"
    return f"{row['abc_class']}{xyz}"


def matrix_table(result: PortfolioResult, lang: str) -> TableSpec:
    """Nine ABC-XYZ fields plus "new" and "no revenue": count, revenue share, handling."""
    rows = []
    for a in ABC:
        for x in XYZ:
            m = result.matrix[(result.matrix["abc"] == a) & (result.matrix["xyz"] == x)]
            rows.append(
                {
                    "field": f"{a}{x}",
                    "title": t(f"portfolio.rec.{a}{x}.title", lang),
                    "customers": int(m["customers"].sum()),
                    "revenue_share": float(m["revenue_share"].sum()),
                    "text": t(f"portfolio.rec.{a}{x}", lang),
                }
            )
    extra = result.matrix_extra
    for key in ("new", "no_revenue"):
        if key in extra.index and int(extra.loc[key, "customers"]) > 0:
            rows.append(
                {
                    "field": t("portfolio.xyz.new" if key == "new" else "portfolio.xyz.none", lang),
                    "title": t(f"portfolio.rec.{key}.title", lang),
                    "customers": int(extra.loc[key, "customers"]),
                    "revenue_share": float(extra.loc[key, "revenue_share"]),
                    "text": t(f"portfolio.rec.{key}", lang),
                }
            )
    df = pd.DataFrame(rows)
    df["handling"] = "<strong>" + df["title"].map(esc) + ":</strong> " + df["text"].map(esc)
    return TableSpec(
        df,
        {
            "field": (t("portfolio.col.field", lang), "text"),
            "customers": (t("portfolio.col.customers", lang), "int"),
            "revenue_share": (t("portfolio.col.revenue_share", lang), "pct"),
            "handling": (t("portfolio.col.recommendation", lang), "html"),
        },
    )


def top_customers_table(result: PortfolioResult, lang: str, n: int | None = None) -> TableSpec:
    """The ``n`` largest customers: revenue, share, cumulative share, class and zone."""
    n = n or result.settings.top_n
    c = result.customers.sort_values(["revenue", "customer_id"], ascending=[False, True])
    top = _labels(c.head(n).copy(), result, lang)
    top["class"] = top.apply(_class_label, axis=1, lang=lang)
    return TableSpec(
        top,
        {
            "name": (t("portfolio.col.customer", lang), "text"),
            "revenue": (t("portfolio.col.revenue", lang), "money"),
            "revenue_share": (t("portfolio.col.revenue_share", lang), "pct"),
            "cumulative_share": (t("portfolio.col.cum_share", lang), "pct"),
            "class": (t("portfolio.col.class", lang), "text"),
            "zone_label": (t("portfolio.col.zone", lang), "text"),
            "is_key_account": (t("portfolio.col.flagged", lang), "bool"),
        },
        note=more_note(int((c["revenue"] > 0).sum()), len(top), lang),
    )


def zone_table(result: PortfolioResult, lang: str) -> TableSpec:
    """One row per zone with customers, revenue, share, key accounts and mean scores."""
    z = result.zones.set_index("zone").reindex(list(ZONES)).reset_index()
    z["name"] = [zone_name(result, k, lang) for k in z["zone"]]
    totals = {
        "name": t("common.total", lang),
        "customers": float(z["customers"].sum()),
        "revenue": float(z["revenue"].sum()),
        "revenue_share": float(z["revenue_share"].sum()),
        "key_accounts": float(z["key_accounts"].sum()),
    }
    return TableSpec(
        z,
        {
            "name": (t("portfolio.col.zone", lang), "html"),
            "customers": (t("portfolio.col.customers", lang), "int"),
            "revenue": (t("portfolio.col.revenue", lang), "money"),
            "revenue_share": (t("portfolio.col.revenue_share", lang), "pct"),
            "key_accounts": (t("portfolio.col.key_accounts", lang), "int"),
            "potential_score": (t("portfolio.col.potential_score", lang), "num1"),
            "attractiveness_score": (t("portfolio.col.attractiveness_score", lang), "num1"),
        },
        total_row=totals,
    )


def wallet_table(result: PortfolioResult, lang: str, n: int | None = None) -> TableSpec:
    """Customers with the largest wallet gap (money), high-potential zones first."""
    n = n or result.settings.top_n
    c = result.customers
    have = c[c["wallet_gap"].notna() & (c["wallet_gap"] > 0)] if "wallet_gap" in c else c.iloc[0:0]
    top = _labels(
        have.sort_values(["wallet_gap", "customer_id"], ascending=[False, True]).head(n).copy(),
        result,
        lang,
    )
    return TableSpec(
        top,
        {
            "name": (t("portfolio.col.customer", lang), "text"),
            "zone_label": (t("portfolio.col.zone", lang), "text"),
            "revenue": (t("portfolio.col.revenue", lang), "money"),
            "potential": (t("portfolio.col.potential", lang), "money"),
            "share_of_wallet": (t("portfolio.col.sow", lang), "pct"),
            "wallet_gap": (t("portfolio.col.gap", lang), "money"),
        },
        note=more_note(len(have), len(top), lang),
    )


def ka_table(result: PortfolioResult, lang: str, n: int | None = None) -> TableSpec:
    """Top of the key-account ranking with score, revenue, class, zone and status."""
    n = n or result.settings.top_n
    r = result.ka_ranking.sort_values("rank" if "rank" in result.ka_ranking else "ka_score",
                                      ascending="rank" in result.ka_ranking)  # fmt: skip
    top = _labels(r.head(n).copy(), result, lang)
    return TableSpec(
        top,
        {
            "rank": (t("portfolio.col.rank", lang), "int"),
            "name": (t("portfolio.col.customer", lang), "text"),
            "ka_score": (t("portfolio.col.ka_score", lang), "num1"),
            "revenue": (t("portfolio.col.revenue", lang), "money"),
            "zone_label": (t("portfolio.col.zone", lang), "text"),
            "type_label": (t("portfolio.col.type", lang), "text"),
            "is_key_account": (t("portfolio.col.flagged", lang), "bool"),
        },
    )


def mismatch_table(
    result: PortfolioResult, which: str, lang: str, n: int | None = None
) -> TableSpec:
    """``which`` = "not_flagged" (qualify, not managed as KA) or "flagged_not" (KA below cut)."""
    n = n or result.settings.top_n
    df = result.ka_not_flagged if which == "not_flagged" else result.ka_flagged_not_qualified
    ascending = which != "not_flagged"  # strongest candidates / weakest key accounts first
    top = _labels(df.sort_values("ka_score", ascending=ascending).head(n).copy(), result, lang)
    caption = t(
        "portfolio.text.ka_not_flagged"
        if which == "not_flagged"
        else "portfolio.text.ka_flagged_not",
        lang,
    )
    return TableSpec(
        top,
        {
            "name": (t("portfolio.col.customer", lang), "text"),
            "ka_score": (t("portfolio.col.ka_score", lang), "num1"),
            "revenue": (t("portfolio.col.revenue", lang), "money"),
            "zone_label": (t("portfolio.col.zone", lang), "text"),
            "type_label": (t("portfolio.col.type", lang), "text"),
        },
        caption=caption,
        note=more_note(len(df), len(top), lang),
        empty_text=t("portfolio.text.ka_none", lang),
    )


def type_names(value: Any, lang: str) -> str:
    """``breadwinner;expert`` -> ``Ernährer, Experte``."""
    if _missing(value) or not value:
        return ""
    return ", ".join(t(f"portfolio.type.{k}", lang) for k in str(value).split(";") if k)


def types_table(result: PortfolioResult, lang: str) -> TableSpec:
    """Per customer type: description, number of customers, largest examples."""
    f = Formatter(lang)
    c = result.customers
    share = f.pct(result.settings.customer_types.breadwinner_profit_share, 0)
    rows = []
    for key in CUSTOMER_TYPES:
        col = f"type_{key}"
        if col in c:
            mask = _bool(c[col])
        else:
            mask = c["customer_type"].fillna("").str.split(";").apply(lambda ks, k=key: k in ks)
        members = c[mask].sort_values("revenue", ascending=False)
        # examples are customers with revenue or a known demand (never an empty record)
        examples = members[_has_substance(members)]
        rows.append(
            {
                "type": f"<strong>{t(f'portfolio.type.{key}', lang)}</strong>",
                "description": esc(t(f"portfolio.type.{key}.desc", lang, share=share)),
                "customers": len(members),
                "examples": join_names(list(_names(examples).head(3)), lang, total=len(members)),
            }
        )
    return TableSpec(
        pd.DataFrame(rows),
        {
            "type": (t("portfolio.col.type", lang), "html"),
            "description": (t("portfolio.col.description", lang), "html"),
            "customers": (t("portfolio.col.customers", lang), "int"),
            "examples": (t("portfolio.col.examples", lang), "html"),
        },
    )


def program_name(criterion: str, lang: str) -> str:
    return t(f"portfolio.program.{criterion}", lang)


def quarter_label(value: Any, lang: str) -> str:
    """``2026-Q3`` -> ``Q3 2026`` (no-break space); integers 1-4 -> ``Q1``."""
    text = str(value)
    if "-Q" in text:
        year, q = text.split("-Q", 1)
        # no-break space: "Q3 2026" must not wrap in a narrow table column
        return f"{t('portfolio.quarter', lang, q=q)}\xa0{year}"
    return t("portfolio.quarter", lang, q=text)


def programs_table(result: PortfolioResult, lang: str) -> TableSpec:
    """One row per focus program: quarter, action, KPI, named targets and their € target."""
    p = result.focus_programs
    rows = []
    for _, row in p.iterrows():
        action = row["action"] if "action" in p else None
        rows.append(
            {
                "quarter": quarter_label(row["quarter"], lang),
                "program": "<strong>"
                + esc(action_name(action, lang) if action else program_name(row["criterion"], lang))
                + "</strong>",
                "kpi": t(f"portfolio.program_kpi.{row['kpi']}", lang) if "kpi" in p else "",
                "targets": int(row["customers"]) if "customers" in p else len(row["customer_ids"]),
                "target_eur": float(row["target_eur"]) if "target_eur" in p else float("nan"),
            }
        )
    return TableSpec(
        pd.DataFrame(rows, columns=["quarter", "program", "kpi", "targets", "target_eur"]),
        empty_text=t("portfolio.text.programs_none", lang),
        columns={
            "quarter": (t("portfolio.col.quarter", lang), "text"),
            "program": (t("portfolio.col.program", lang), "html"),
            "kpi": (t("portfolio.col.kpi", lang), "text"),
            "targets": (t("portfolio.col.targets", lang), "int"),
            "target_eur": (t("portfolio.col.target_eur", lang), "money"),
        },
    )


def program_cards(result: PortfolioResult, lang: str) -> list[tuple[str, str]]:
    """``(title, body_html)`` per focus program for :func:`kamlib.report.cards`."""
    out = []
    for _, row in result.focus_programs.iterrows():
        name = (
            action_name(row["action"], lang)
            if "action" in row
            else program_name(row["criterion"], lang)
        )
        title = f"{quarter_label(row['quarter'], lang)} · {esc(name)}"
        desc = t(f"portfolio.program.{row['criterion']}.desc", lang)
        out.append((title, f"<p>{esc(desc)}</p>"))
    return out


_SOURCES = {**POTENTIAL_CRITERIA, **ATTRACTIVENESS_CRITERIA, **KEY_ACCOUNT_CRITERIA}


def weights_table(result: PortfolioResult, lang: str) -> TableSpec:
    """Criteria and normalised weights actually used, per axis, with their data source."""
    rows = []
    for axis in ("potential", "attractiveness", "key_account"):
        for crit, w in result.weights.get(axis, {}).items():
            rows.append(
                {
                    "axis": t(f"portfolio.axis.{axis}", lang),
                    "criterion": criterion_label(crit, lang),
                    "weight": w,
                    "source": t(f"portfolio.source.{_SOURCES.get(crit, 'rating')}", lang),
                }
            )
    return TableSpec(
        pd.DataFrame(rows, columns=["axis", "criterion", "weight", "source"]),
        {
            "axis": (t("portfolio.col.axis", lang), "text"),
            "criterion": (t("portfolio.col.criterion", lang), "text"),
            "weight": (t("portfolio.col.weight", lang), "pct"),
            "source": (t("portfolio.col.source", lang), "text"),
        },
    )


# ------------------------------------------------------------------ cards and method


def zone_cards(result: PortfolioResult, lang: str) -> tuple[list[tuple[str, str]], list[str]]:
    """Strategy card per zone ``(title, body_html)`` and the zone colours, in zone order."""
    f = Formatter(lang)
    z = _zone_rows(result)
    items = []
    for zone in ZONES:
        figures = f.t(
            "portfolio.card.figures",
            n=f.int(z.loc[zone, "customers"] if not _missing(z.loc[zone, "customers"]) else 0),
            revenue=f.money_short(z.loc[zone, "revenue"]),
            share=f.pct(z.loc[zone, "revenue_share"]),
        )
        planned = getattr(result.settings.visits_per_year, zone)
        visits = f.t("portfolio.card.visits", count=planned, visits=f.num(planned))
        parts = [
            f'<p class="kam-card-figures"><em>{figures}<br>{visits}</em></p>',
            f"<p>{esc(t(f'portfolio.zone.{zone}', lang))}</p>",
        ]
        for topic in CARD_TOPICS:
            label = t(f"portfolio.card.{topic}", lang)
            parts.append(
                f"<p><strong>{label}:</strong> {esc(t(f'portfolio.zone.{zone}.{topic}', lang))}</p>"
            )
        items.append((zone_name(result, zone, lang), "".join(parts)))
    return items, [ZONE_COLORS[zone] for zone in ZONES]


def settings_text(result: PortfolioResult, lang: str) -> str:
    """One sentence with every threshold used (appendix)."""
    f = Formatter(lang)
    s = result.settings
    if s.xyz.method == "cv":
        xyz_cut = " / ".join(f.num(v, 2) for v in s.xyz.cutoffs)
    else:
        xyz_cut = " / ".join(f.pct(v, 0) for v in s.xyz.frequency_cutoffs)
    return f.t(
        "portfolio.text.settings",
        abc_cut=" / ".join(f.pct(v, 0) for v in s.abc.cutoffs),
        basis=_basis(result, lang),
        xyz_cut=xyz_cut,
        xyz_method=f.t(f"portfolio.xyz_method.{s.xyz.method}"),
        min_hist=f.int(s.xyz.min_history_months),
        split_p=f.num(s.zone_split.potential),
        split_a=f.num(s.zone_split.attractiveness),
        cut=f.num(s.key_account.cut_score),
        step=f.pct(s.sensitivity_step, 0),
    )


def method_paragraphs(result: PortfolioResult, lang: str) -> list[str]:
    """Appendix: how ABC, XYZ, scores, zones, key-account score and programs were computed."""
    f = Formatter(lang)
    s = result.settings
    cut_a, cut_b = s.abc.cutoffs
    if s.xyz.method == "cv":
        cut_x, cut_y = (f.num(v, 2) for v in s.xyz.cutoffs)
    else:
        cut_x, cut_y = (f.pct(v, 0) for v in s.xyz.frequency_cutoffs)
    return [
        f.t("portfolio.method.abc", basis=_basis(result, lang),
            window=f.period(result.window_start, result.window_end),
            months=f.int(s.window_months), cut_a=f.pct(cut_a, 0), cut_b=f.pct(cut_b, 0)),
        f.t("portfolio.method.xyz", cut_x=cut_x, cut_y=cut_y, min_hist=f.int(s.xyz.min_history_months)),
        f.t("portfolio.method.scores"),
        f.t("portfolio.method.zones", split_p=f.num(s.zone_split.potential),
            split_a=f.num(s.zone_split.attractiveness),
            **{z: zone_name(result, z, lang) for z in ZONES}),
        f.t("portfolio.method.ka", cut=f.num(s.key_account.cut_score),
            share=f.pct(s.customer_types.breadwinner_profit_share, 0)),
        f.t("portfolio.method.scope"),
        f.t("portfolio.method.sensitivity", step=f.pct(s.sensitivity_step, 0)),
        f.t("portfolio.method.sources"),
    ]  # fmt: skip


# ------------------------------------------------ headings that state their message


def _placed(result: PortfolioResult) -> pd.DataFrame:
    return result.customers[result.customers["zone"].fillna("") != ""]


def _zone_size(result: PortfolioResult, zone: str) -> int:
    return int((result.customers["zone"] == zone).sum())


def _program_totals(result: PortfolioResult) -> tuple[int, float]:
    """Named target accounts over all programs and their € target, each customer once
    (a customer targeted by two programs has one wallet gap, not two)."""
    t_ = result.program_targets
    if t_ is None or t_.empty:
        return 0, float("nan")
    distinct = t_.drop_duplicates("customer_id")
    return len(distinct), float(distinct["target_eur"].sum(min_count=1))


def headings(result: PortfolioResult, lang: str) -> dict[str, str]:
    """Section headings that state each section's message, computed from the numbers.

    Keys: abc_xyz, concentration, matrix, zones, capacity, wallet, ka, types,
    sensitivity, programs, to_rate, appendix. The wording is a catalogue text
    with placeholders (``portfolio.head.<key>``), so a firm can override it.
    Headings are plain text (client names never appear in them).
    """
    f = Formatter(lang)
    c = result.customers
    abc = result.abc_summary.set_index("abc_class").reindex(list(ABC)).fillna(0)
    conc = concentration(result)
    n_a = int(abc.loc["A", "customers"])
    placed = _placed(result)
    n_rate = len(result.to_rate) if result.to_rate is not None else 0
    high = c["zone"].isin(["protect", "develop"])
    out = {
        "abc_xyz": f.t("portfolio.head.abc_xyz", count=n_a, n=f.int(n_a),
                       a_share=f.pct(abc.loc["A", "revenue_share"])),
        "concentration": f.t("portfolio.head.concentration", count=conc.customers_for_80,
                             n=f.int(conc.customers_for_80), cutoff=f.pct(CONCENTRATION_CUT, 0),
                             top10=f.pct(top_share(result, 10))),
        "matrix": f.t("portfolio.head.matrix", count=len(placed), n=f.int(len(placed)),
                      n_rate=f.int(n_rate)),
        "zones": f.t("portfolio.head.zones", n_protect=f.int(_zone_size(result, "protect")),
                     n_develop=f.int(_zone_size(result, "develop")),
                     share=f.pct(c.loc[high, "revenue_share"].sum())),
        "to_rate": f.t("portfolio.head.to_rate", count=n_rate, n=f.int(n_rate)),
        "appendix": f.t("portfolio.head.appendix"),
    }  # fmt: skip
    cap = result.capacity
    if cap is not None:
        key = (
            "capacity_none" if not cap.available else "capacity_over" if cap.over else "capacity_ok"
        )
        out["capacity"] = f.t(f"portfolio.head.{key}", required=f.int(cap.required),
                              actual=f.int(cap.actual) if cap.available else "–",
                              year=str(cap.year))  # fmt: skip
    known = _known_potential(result)
    if not known.empty:
        out["wallet"] = f.t("portfolio.head.wallet", gap=f.money_short(known["wallet_gap"].sum()))
    else:
        out["wallet"] = f.t("portfolio.h.wallet")
    r = result.ka_ranking
    n_qual = int(_bool(r["qualifies"]).sum()) if "qualifies" in r else 0
    n_flag = int(_bool(c["is_key_account"]).sum()) if "is_key_account" in c else 0
    out["ka"] = f.t("portfolio.head.ka", count=n_qual, n=f.int(n_qual), n_flag=f.int(n_flag))
    n_types = int((c["customer_type"].fillna("") != "").sum()) if "customer_type" in c else 0
    out["types"] = f.t("portfolio.head.types", count=n_types, n=f.int(n_types))
    if _missing(result.robust_share):
        out["sensitivity"] = f.t("portfolio.h.sensitivity")
    else:
        out["sensitivity"] = f.t("portfolio.head.sensitivity", robust=f.pct(result.robust_share))
    p = result.focus_programs
    if p is None or p.empty:
        out["programs"] = f.t("portfolio.head.programs_none")
    else:
        n_targets, target = _program_totals(result)
        out["programs"] = f.t("portfolio.head.programs", count=len(p), n=f.int(len(p)),
                              n_targets=f.int(n_targets), target=f.money_short(target))  # fmt: skip
    return out


# ------------------------------------------------------------- scope and coverage


def scope_text(result: PortfolioResult, lang: str) -> str:
    """Who is placed, how many C customers are out of scope, how many are still to be rated."""
    f = Formatter(lang)
    placed = len(_placed(result))
    parts = [
        f.t("portfolio.text.scope", n_placed=f.int(placed),
            coverage=f.pct(result.settings.min_coverage, 0))
    ]  # fmt: skip
    if result.out_of_scope_customers:
        n = int(result.out_of_scope_customers)
        parts.append(f.t("portfolio.text.out_of_scope", count=n, n=f.int(n)))
    n_rate = len(result.to_rate) if result.to_rate is not None else 0
    if n_rate:
        parts.append(f.t("portfolio.text.to_rate_ref", count=n_rate, n=f.int(n_rate)))
    if result.provisional_customers:
        n = int(result.provisional_customers)
        parts.append(f.t("portfolio.text.provisional", count=n, n=f.int(n)))
    return " ".join(parts)


def to_rate_text(result: PortfolioResult, lang: str) -> str | None:
    """The sentence under the "to be rated" heading: base and revenue of the list."""
    tr = result.to_rate
    if tr is None or tr.empty:
        return None
    f = Formatter(lang)
    return f.t("portfolio.text.to_rate", revenue=f.money_short(tr["revenue"].clip(lower=0).sum()))


def to_rate_table(result: PortfolioResult, lang: str, n: int | None = None) -> TableSpec:
    """The customers to be rated in the next workshop, largest revenue first (top ``n``)."""
    n = n or result.settings.top_n
    tr = result.to_rate if result.to_rate is not None else pd.DataFrame()
    top = tr.sort_values(["revenue", "customer_id"], ascending=[False, True]).head(n).copy()
    top["name"] = _names(top) if len(top) else pd.Series(dtype=object)
    columns = {
        "name": (t("portfolio.col.customer", lang), "text"),
        "account_manager": (t("portfolio.col.owner", lang), "text"),
        "revenue": (t("portfolio.col.revenue", lang), "money"),
        "abc_class": (t("portfolio.col.abc", lang), "text"),
        "is_key_account": (t("portfolio.col.flagged", lang), "bool"),
    }
    columns = {k: v for k, v in columns.items() if k in top or k == "name"}
    return TableSpec(top, columns, note=more_note(len(tr), len(top), lang),
                     empty_text=t("portfolio.text.ka_none", lang))  # fmt: skip


# ------------------------------------------------------------------- capacity


def _visits_rule(result: PortfolioResult, lang: str) -> str:
    f = Formatter(lang)
    v = result.settings.visits_per_year
    return f.t(
        "portfolio.text.visits_rule",
        **{z: zone_name(result, z, lang) for z in ZONES},
        **{f"v_{z}": f.num(getattr(v, z)) for z in ZONES},
    )


def capacity_text(result: PortfolioResult, lang: str) -> str | None:
    """Required visits of the zones' plan against last year's visits; when over by more
    than the tolerance, one sentence what to cut or add (with numbers)."""
    cap = result.capacity
    if cap is None:
        return None
    f = Formatter(lang)
    common = {"visits": _visits_rule(result, lang), "required": f.int(cap.required),
              "year": str(cap.year), "tol": f.pct(cap.tolerance, 0)}  # fmt: skip
    if not cap.available:
        return f.t("portfolio.text.capacity_none", **common)
    common["actual"] = f.int(cap.actual)
    if not cap.over:
        return f.t("portfolio.text.capacity_ok", **common)
    text = f.t("portfolio.text.capacity_over", over=f.pct(cap.ratio - 1, 0), **common)
    return text + " " + capacity_fix(result, lang)


def capacity_fix(result: PortfolioResult, lang: str) -> str:
    """The one sentence what to change when the visit plan exceeds the field capacity."""
    cap = result.capacity
    f = Formatter(lang)
    zones = cap.zones.set_index("zone")
    zone = cap.trim_zone
    common = {"actual": f.int(cap.actual), "zone": zone_name(result, zone, lang),
              "excess": f.int(cap.excess)}  # fmt: skip
    if cap.fitting_frequency and cap.fitting_frequency > 0:
        return f.t("portfolio.text.capacity_fix", planned=f.num(zones.loc[zone, "visits_per_year"]),
                   freq=f.num(cap.fitting_frequency), **common)  # fmt: skip
    return f.t("portfolio.text.capacity_fix_trim", trim=f.int(cap.trim_customers),
               size=f.int(zones.loc[zone, "customers"]), **common)  # fmt: skip


def capacity_table(result: PortfolioResult, lang: str) -> TableSpec | None:
    """Visits per zone: customers, planned visits per customer, visits needed; total row
    and, when known, the visits made in the comparison year."""
    cap = result.capacity
    if cap is None:
        return None
    z = cap.zones.copy()
    z["name"] = [zone_name(result, k, lang) for k in z["zone"]]
    f = Formatter(lang)
    total = {"name": t("common.total", lang), "customers": float(z["customers"].sum()),
             "required": float(cap.required)}  # fmt: skip
    if cap.available:
        z = pd.concat(
            [z, pd.DataFrame([{"name": f.t("portfolio.capacity.actual", year=str(cap.year)),
                               "required": float(cap.actual)}])],
            ignore_index=True,
        )  # fmt: skip
        # the total goes above the comparison row: build it as a normal row
        z = pd.concat([z.iloc[:-1], pd.DataFrame([total]), z.iloc[-1:]], ignore_index=True)
        z["name"] = [
            f"<strong>{n}</strong>" if i >= len(z) - 2 else n for i, n in enumerate(z["name"])
        ]
        total = None
    whole = (cap.zones["visits_per_year"] % 1 == 0).all()
    visits_format = "int" if whole else "num1"
    whole = (cap.zones["visits_per_year"] % 1 == 0).all()
    visits_format = "int" if whole else "num1"
    return TableSpec(
        z,
        {
            "name": (t("portfolio.col.zone", lang), "html"),
            "customers": (t("portfolio.col.customers", lang), "int"),
            "visits_per_year": (t("portfolio.col.visits_per_year", lang), visits_format),
            "required": (t("portfolio.col.required_visits", lang), "int"),
        },
        total_row=total,
    )


# ------------------------------------------------------------------- programs


def action_name(action: str, lang: str) -> str:
    """Display name of a program action key (``open_decision_access`` -> "Open access …")."""
    return t(f"portfolio.action.{action}", lang)


def program_targets_table(result: PortfolioResult, criterion: str, lang: str) -> TableSpec:
    """The named targets of one program: rank, customer, owner, revenue, wallet gap, € target."""
    tg = result.program_targets
    rows = tg[tg["program"] == criterion].sort_values("rank").copy()
    rows["name"] = _names(rows) if len(rows) else pd.Series(dtype=object)
    return TableSpec(
        rows,
        {
            "rank": (t("portfolio.col.rank", lang), "int"),
            "name": (t("portfolio.col.customer", lang), "text"),
            "owner": (t("portfolio.col.owner", lang), "text"),
            "revenue": (t("portfolio.col.revenue", lang), "money"),
            "wallet_gap": (t("portfolio.col.gap", lang), "money"),
            "target_eur": (t("portfolio.col.target_eur", lang), "money"),
        },
        empty_text=t("portfolio.text.ka_none", lang),
    )


def program_sections(result: PortfolioResult, lang: str) -> list[tuple[str, str, TableSpec]]:
    """Per program: heading ("Q3 2026 · Open access to decision makers"), body markup
    (description, KPI, targets and € target) and the targets table."""
    f = Formatter(lang)
    share = f.pct(result.settings.programs.target_share_of_gap, 0)
    out = []
    for _, row in result.focus_programs.iterrows():
        heading = f.t("portfolio.head.program", quarter=quarter_label(row["quarter"], lang),
                      action=action_name(row["action"], lang))  # fmt: skip
        body = f.t(
            "portfolio.text.program_body",
            desc=esc(t(f"portfolio.program.{row['criterion']}.desc", lang)),
            kpi=esc(t(f"portfolio.program_kpi.{row['kpi']}", lang)),
            n=f.int(row["customers"]),
            candidates=f.int(row["candidates"]),
            target=f.money_short(row["target_eur"]),
            share=share,
        )
        out.append((heading, body, program_targets_table(result, row["criterion"], lang)))
    return out


def programs_intro(result: PortfolioResult, lang: str) -> str:
    f = Formatter(lang)
    return f.t("portfolio.text.programs_intro", max=f.int(result.settings.programs.max_targets))


# ------------------------------------------------------------------- decisions


def _next_quarter(result: PortfolioResult, lang: str) -> str:
    q = (pd.Timestamp(result.as_of).to_period("Q") + 1).strftime("%Y-Q%q")
    return quarter_label(q, lang)


def decisions(result: PortfolioResult, lang: str) -> list[str]:
    """3-5 prioritised decisions, each with € impact, owner role and timing.

    Order: fit the visit plan to the field capacity (when over), rate the
    "to be rated" customers, the first :data:`PROGRAM_DECISIONS` focus
    programs (in their quarters), decide the key-account status of the
    mismatches. A decision whose basis is empty is left out.
    """
    f = Formatter(lang)
    owner = {
        k: f.t(f"portfolio.owner.{k}")
        for k in set(ACTION_OWNERS.values()) | {"head_of_sales", "management"}
    }
    before = f.t("portfolio.dec.before", quarter=_next_quarter(result, lang))
    out = []
    cap = result.capacity
    if cap is not None and cap.over:
        zone = cap.trim_zone
        zones = cap.zones.set_index("zone")
        rev = float(
            result.customers.loc[result.customers["zone"] == zone, "revenue"].clip(lower=0).sum()
        )
        common = {"when": before, "zone": zone_name(result, zone, lang), "excess": f.int(cap.excess),
                  "revenue": f.money_short(rev), "owner": owner["head_of_sales"]}  # fmt: skip
        if cap.fitting_frequency and cap.fitting_frequency > 0:
            out.append(f.t("portfolio.dec.capacity", planned=f.num(zones.loc[zone, "visits_per_year"]),
                           freq=f.num(cap.fitting_frequency), **common))  # fmt: skip
        else:
            out.append(f.t("portfolio.dec.capacity_trim", trim=f.int(cap.trim_customers), **common))
    tr = result.to_rate
    if tr is not None and len(tr):
        out.append(f.t("portfolio.dec.workshop", when=before, n=f.int(len(tr)),
                       revenue=f.money_short(tr["revenue"].clip(lower=0).sum()),
                       owner=owner["head_of_sales"]))  # fmt: skip
    p = result.focus_programs
    if p is not None and len(p):
        for _, row in p.head(PROGRAM_DECISIONS).iterrows():
            tg = result.program_targets
            tg = tg[tg["program"] == row["criterion"]]
            out.append(f.t("portfolio.dec.program", when=quarter_label(row["quarter"], lang),
                           action=action_name(row["action"], lang), n=f.int(len(tg)),
                           gap=f.money_short(tg["wallet_gap"].sum()),
                           target=f.money_short(row["target_eur"]),
                           owner=owner[ACTION_OWNERS.get(row["action"], "head_of_sales")]))  # fmt: skip
    mism = pd.concat([result.ka_not_flagged, result.ka_flagged_not_qualified])
    if len(mism):
        out.append(f.t("portfolio.dec.ka", when=before, n=f.int(len(mism)),
                       revenue=f.money_short(mism["revenue"].clip(lower=0).sum()),
                       owner=owner["management"]))  # fmt: skip
    return out[:MAX_DECISIONS]


def summary_items(result: PortfolioResult, lang: str, coverage: str | None = None) -> list[str]:
    """The management summary: findings, one line on data coverage, then the decisions
    (an ordered list in the last item)."""
    f = Formatter(lang)
    items = executive_summary(result, lang)[:MAX_FINDINGS_WITH_DECISIONS]
    if coverage:
        items.append(f.t("portfolio.sum.coverage", line=coverage))
    dec = decisions(result, lang)
    if dec:
        items.append(
            f"<strong>{f.t('portfolio.sum.decisions')}</strong><ol>"
            + "".join(f"<li>{d}</li>" for d in dec)
            + "</ol>"
        )
    return items
