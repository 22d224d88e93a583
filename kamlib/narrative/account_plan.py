"""Key-account plan deliverable: headings, sentences, decisions and table specs.

Every function takes an :class:`~kamlib.analysis.account_plan.AccountPlanResult`
(or the :class:`~kamlib.analysis.account_plan.AccountPlanCover`) and the
deliverable's :class:`~kamlib.i18n.Formatter` and returns content; nothing is
displayed here. Client texts (names, plan texts) are escaped before they reach
markup; headings are plain text (``report.section`` escapes them).

Every figure a sentence quotes is read from the table shown beside it: the
dossier facts (``result.dossier``, the portfolio's figures), the whitespace
grid, the opportunity ranking, the goal table, the budget and review tables.
"""

from __future__ import annotations

import math
from typing import Any

import numpy as np
import pandas as pd

from kamlib.analysis.account_plan import (
    LETTERS,
    AccountPlanCover,
    AccountPlanResult,
    Decision,
)
from kamlib.content import TableSpec, esc
from kamlib.i18n import Formatter

#: wallet-gap decisions etc. are rounded like the money they quote
DASH = "–"


def _missing(value: Any) -> bool:
    return value is None or (isinstance(value, float) and math.isnan(value)) or value is pd.NaT


def _zone(result: AccountPlanResult, f: Formatter) -> str:
    zone = result.dossier.get("zone") or ""
    labels = result.dossier.get("zone_labels")
    if not zone:
        return DASH
    if labels is not None:
        return getattr(labels, f.lang, {}).get(zone, zone)
    return zone


def role_label(role: str, f: Formatter) -> str:
    """Display name of a buying-center role (unknown roles as written)."""
    try:
        return f.t(f"account_plan.role.{role}")
    except KeyError:
        return role


def title(result: AccountPlanResult, f: Formatter) -> str:
    """The account's line under the header band (plain text)."""
    return f.t("account_plan.h.title", name=result.name, id=result.customer_id)


# --------------------------------------------------------------------------- summary


def summary(result: AccountPlanResult, f: Formatter) -> list[str]:
    """3-5 sentences for the summary box, each with its base."""
    d = result.dossier
    name = esc(result.name)
    out = []
    period = f.period(result.window_start, min(result.window_end, result.as_of))
    if _missing(d.get("share_of_wallet")):
        out.append(
            f.t("account_plan.s.revenue_no_potential", name=name, revenue=f.money(d["revenue"]),
                period=period)
        )  # fmt: skip
    else:
        out.append(
            f.t("account_plan.s.revenue", name=name, revenue=f.money(d["revenue"]), period=period,
                sow=f.pct(d["share_of_wallet"], 0), gap=f.money(max(d["wallet_gap"], 0.0)))
        )  # fmt: skip
    out.append(
        f.t("account_plan.s.position", abc=esc(d.get("abc_class") or DASH),
            xyz=esc(d.get("xyz_class") or DASH), zone=esc(_zone(result, f)),
            score=f.num(d.get("ka_score"), 0) if not _missing(d.get("ka_score")) else DASH)
    )  # fmt: skip
    if not result.has_plan:
        out.append(f.t("account_plan.s.no_plan"))
    elif result.goals.empty:
        out.append(f.t("account_plan.s.no_goals"))
    else:
        full = int((result.goals["passed"] == len(LETTERS)).sum())
        out.append(
            f.t("account_plan.s.goals", n=len(result.goals), full=f.int(full),
                passed=f.int(int(result.goals["passed"].sum())),
                total=f.int(len(result.goals) * len(LETTERS)))
        )  # fmt: skip
    top = result.top_opportunity
    if top is not None:
        key = "covered" if bool(top["covered"]) else "uncovered"
        out.append(
            f.t(f"account_plan.s.top_{key}", name=esc(top["name"]),
                ev=f.money(top["expected_value"]))
        )  # fmt: skip
    out.append(buying_center_text(result, f))
    return out[:5]


def decision_text(d: Decision, result: AccountPlanResult | None, f: Formatter) -> str:
    """The decision as a sentence (client texts escaped)."""
    p = dict(d.params)
    if d.key == "cover_top":
        p["opportunity"] = esc(p["opportunity"])
    if d.key == "whitespace":
        p["group"] = esc(p["group"])
        p["share"] = f.pct(p["share"], 0)
        p["peer_share_of_revenue"] = f.pct(p["peer_share_of_revenue"], 0)
    if d.key == "contacts":
        parts = []
        if p["roles"]:
            parts.append(f.t("account_plan.decision.contacts.roles", n=p["roles"]))
        if p["stale"]:
            parts.append(
                f.t("account_plan.decision.contacts.stale", n=p["stale"],
                    months=result.settings.stale_contact_months if result else 6)
            )  # fmt: skip
        return f.t("account_plan.decision.contacts", detail=", ".join(parts))
    if d.key in ("smart", "overdue", "budget"):
        p["n"] = p.get("n", p.get("groups"))
    return f.t(f"account_plan.decision.{d.key}", **p)


def decisions_table(result: AccountPlanResult, f: Formatter) -> TableSpec:
    """The decisions: what, € impact and its basis, owner, timing (most money first)."""
    rows = [
        {
            "decision": decision_text(d, result, f),
            "impact": d.impact,
            "basis": f.t(f"account_plan.basis.{d.key}"),
            "owner": f.t(f"account_plan.owner.{d.owner}"),
            "timing": f.t(f"account_plan.timing.{d.timing}"),
        }
        for d in result.decisions
    ]
    df = pd.DataFrame(rows, columns=["decision", "impact", "basis", "owner", "timing"])
    return TableSpec(
        df,
        {
            "decision": (f.t("account_plan.col.decision"), "html"),
            "impact": (f.t("account_plan.col.impact"), "money"),
            "basis": (f.t("account_plan.col.basis"), "text"),
            "owner": (f.t("account_plan.col.owner"), "text"),
            "timing": (f.t("account_plan.col.timing"), "text"),
        },
        empty_text=f.t("account_plan.text.no_decisions"),
    )


def kpi_tiles(result: AccountPlanResult, f: Formatter) -> list[tuple[str, str]]:
    """Key figures: revenue, share of wallet, margin ratio, goals SMART, overdue actions."""
    d = result.dossier
    tiles = [
        (f.t("account_plan.kpi.revenue"), f.money_short(d["revenue"])),
        (
            f.t("account_plan.kpi.sow"),
            DASH if _missing(d.get("share_of_wallet")) else f.pct(d["share_of_wallet"], 0),
        ),
        (
            f.t("account_plan.kpi.margin"),
            DASH if _missing(d.get("margin_ratio")) else f.pct(d["margin_ratio"], 0),
        ),
    ]
    if result.has_plan:
        full = int((result.goals["passed"] == len(LETTERS)).sum()) if len(result.goals) else 0
        tiles.append((f.t("account_plan.kpi.smart"), f"{f.int(full)} / {f.int(len(result.goals))}"))
        tiles.append((f.t("account_plan.kpi.overdue"), f.int(len(result.overdue))))
    return tiles


# --------------------------------------------------------------------------- dossier


def heading_dossier(result: AccountPlanResult, f: Formatter) -> str:
    d = result.dossier
    years = result.years
    prev = years[~years["is_ytd"]]
    if len(prev) >= 2 and prev["revenue"].iloc[-2] > 0:
        change = prev["revenue"].iloc[-1] / prev["revenue"].iloc[-2] - 1
        key = "up" if change > 0.02 else "down" if change < -0.02 else "flat"
        return f.t(
            f"account_plan.h.dossier.{key}", name=result.name, revenue=f.money_short(d["revenue"]),
            year=int(prev["year"].iloc[-1]), change=f.pct(abs(change), 0),
        )  # fmt: skip
    return f.t("account_plan.h.dossier", name=result.name, revenue=f.money_short(d["revenue"]))


def facts_table(result: AccountPlanResult, f: Formatter) -> TableSpec:
    """Master data and the portfolio's figures of the account (two columns)."""
    d = result.dossier

    def money(v: Any) -> str:
        return DASH if _missing(v) else f.money(v)

    def pct(v: Any) -> str:
        return DASH if _missing(v) else f.pct(v, 0)

    def score(v: Any) -> str:
        return DASH if _missing(v) else f.num(v, 0)

    since = d.get("customer_since")
    rows = [
        ("customer_id", result.customer_id),
        ("industry", d.get("industry") or DASH),
        ("region", ", ".join(x for x in (d.get("region"), d.get("country")) if x) or DASH),
        ("account_manager", d.get("account_manager") or DASH),
        ("customer_since", DASH if _missing(since) else f.date(since)),
        ("abc_xyz", f"{d.get('abc_class') or DASH} / {d.get('xyz_class') or DASH}"),
        ("zone", _zone(result, f)),
        ("revenue", money(d.get("revenue"))),
        ("margin", money(d.get("contribution_margin"))),
        ("margin_ratio", pct(d.get("margin_ratio"))),
        ("potential", money(d.get("potential"))),
        ("share_of_wallet", pct(d.get("share_of_wallet"))),
        ("wallet_gap", money(d.get("wallet_gap"))),
        ("scores", f"{score(d.get('potential_score'))} / {score(d.get('attractiveness_score'))}"),
        ("ka_score", score(d.get("ka_score"))),
    ]
    # master data left, the portfolio's figures right: half as many rows
    half = 7
    left, right = rows[:half], rows[half:]
    left = left + [("", "")] * (len(right) - len(left))
    label = lambda k: f.t(f"account_plan.fact.{k}") if k else ""  # noqa: E731
    df = pd.DataFrame(
        {
            "fact": [label(k) for k, _ in left],
            "value": [v for _, v in left],
            "fact2": [label(k) for k, _ in right],
            "value2": [v for _, v in right],
        }
    )
    return TableSpec(
        df,
        {
            "fact": (f.t("account_plan.col.fact"), "text"),
            "value": (f.t("account_plan.col.value"), "text"),
            "fact2": (f.t("account_plan.col.figure"), "text"),
            "value2": (f.t("account_plan.col.value"), "text"),
        },
    )


def years_table(result: AccountPlanResult, f: Formatter) -> TableSpec:
    df = result.years.copy()
    df["label"] = [
        f.t("account_plan.text.ytd", year=int(y), date=f.date(result.as_of)) if ytd else str(int(y))
        for y, ytd in zip(df["year"], df["is_ytd"], strict=True)
    ]
    df["ratio"] = np.where(
        df["revenue"] > 0,
        df["contribution_margin"] / df["revenue"].where(df["revenue"] > 0),
        np.nan,
    )
    return TableSpec(
        df,
        {
            "label": (f.t("account_plan.col.year"), "text"),
            "revenue": (f.t("account_plan.col.revenue"), "money"),
            "contribution_margin": (f.t("account_plan.col.margin"), "money"),
            "ratio": (f.t("account_plan.col.margin_ratio"), "pct"),
        },
        caption=f.t("account_plan.cap.years"),
    )


def groups_table(result: AccountPlanResult, f: Formatter) -> TableSpec:
    df = result.groups
    return TableSpec(
        df,
        {
            "product_group": (f.t("account_plan.col.product_group"), "text"),
            "revenue": (f.t("account_plan.col.revenue"), "money"),
            "contribution_margin": (f.t("account_plan.col.margin"), "money"),
            "share": (f.t("account_plan.col.share"), "pct"),
        },
        caption=f.t("account_plan.cap.groups", period=f.period(result.window_start, min(result.window_end, result.as_of))),
        total_row={"product_group": f.t("account_plan.col.total"), "revenue": df["revenue"].sum(),
                   "contribution_margin": df["contribution_margin"].sum(min_count=1), "share": 1.0}
        if len(df) else None,
        empty_text=f.t(
            "account_plan.text.no_revenue"
            if not result.dossier.get("revenue")
            else "account_plan.text.ws_no_groups"
        ),
    )  # fmt: skip


def background_items(result: AccountPlanResult, f: Formatter) -> list[str]:
    """Background and decision system from the plan file (escaped), or what is missing."""
    plan = result.plan or {}
    out = []
    for key in ("background", "decision_system"):
        text = plan.get(key)
        if text:
            out.append(f"<strong>{esc(f.t(f'account_plan.label.{key}'))}:</strong> {esc(text)}")
    return out


# --------------------------------------------------------------------------- buying center


def buying_center_text(result: AccountPlanResult, f: Formatter) -> str:
    """One sentence: contacts, roles without one, contacts not met recently (escaped)."""
    if not result.has_contacts_table:
        return f.t("account_plan.s.bc_no_table")
    n = len(result.contacts)
    if n == 0:
        return f.t("account_plan.s.bc_none")
    parts = [f.t("account_plan.s.bc_contacts", n=n)]
    if result.missing_roles:
        roles = ", ".join(role_label(r, f) for r in result.missing_roles)
        parts.append(f.t("account_plan.s.bc_missing", n=len(result.missing_roles), roles=roles))
    else:
        parts.append(f.t("account_plan.s.bc_all_roles"))
    stale = result.stale_contacts
    if len(stale):
        names = ", ".join(esc(x) for x in stale["contact_name"])
        parts.append(
            f.t("account_plan.s.bc_stale", n=len(stale), names=names,
                months=result.settings.stale_contact_months)
        )  # fmt: skip
    return " ".join(parts)


def heading_buying_center(result: AccountPlanResult, f: Formatter) -> str:
    if not result.has_contacts_table or result.contacts.empty:
        return f.t("account_plan.h.bc_none")
    if result.missing_roles:
        return f.t(
            "account_plan.h.bc_missing", n=len(result.missing_roles),
            roles=", ".join(role_label(r, f) for r in result.missing_roles),
        )  # fmt: skip
    if len(result.stale_contacts):
        return f.t("account_plan.h.bc_stale", n=len(result.stale_contacts))
    return f.t("account_plan.h.bc_ok", n=len(result.contacts))


def contacts_table(result: AccountPlanResult, f: Formatter) -> TableSpec:
    df = result.contacts.copy()
    df["role_label"] = [role_label(r, f) for r in df["role"]]
    df["attitude_label"] = [
        DASH if _missing(a) else f.t(f"account_plan.attitude.{int(a)}") for a in df["attitude"]
    ]
    df["seen"] = [
        (DASH if _missing(x) else f.date(x)) + (f" ({f.t('account_plan.text.stale')})" if s else "")
        for x, s in zip(df["last_contact"], df["stale"], strict=True)
    ]
    return TableSpec(
        df,
        {
            "contact_name": (f.t("account_plan.col.contact"), "text"),
            "role_label": (f.t("account_plan.col.role"), "text"),
            "influence": (f.t("account_plan.col.influence"), "int"),
            "attitude_label": (f.t("account_plan.col.attitude"), "text"),
            "relationship": (f.t("account_plan.col.relationship"), "int"),
            "seen": (f.t("account_plan.col.last_contact"), "text"),
        },
        empty_text=f.t("account_plan.text.no_contacts"),
    )


def buying_center_alt(result: AccountPlanResult, f: Formatter) -> str:
    return f.t("account_plan.alt.bc", n=len(result.contacts)) + " " + buying_center_text(result, f)


# --------------------------------------------------------------------------- whitespace


def _open_groups(result: AccountPlanResult) -> pd.DataFrame:
    ws = result.whitespace
    return ws[~ws["bought"] & (ws["peer_share"] > 0)]


def heading_whitespace(result: AccountPlanResult, f: Formatter) -> str:
    ws = result.whitespace
    if ws.empty:
        return f.t("account_plan.h.ws_none")
    open_ = _open_groups(result)
    if len(open_):
        g = open_.iloc[0]
        return f.t(
            "account_plan.h.ws_gap", group=g["product_group"], share=f.pct(g["peer_share"], 0),
            n=result.peers,
        )  # fmt: skip
    return f.t("account_plan.h.ws_full", n=int(ws["bought"].sum()))


def whitespace_text(result: AccountPlanResult, f: Formatter) -> str:
    ws = result.whitespace
    if ws.empty:
        return f.t("account_plan.text.ws_no_groups")
    d = result.dossier
    bought = int(ws["bought"].sum())
    base = f.t(
        "account_plan.text.ws_base", bought=f.int(bought), n=len(ws),
        peers=result.peers, industry=esc(d.get("industry") or DASH),
    )  # fmt: skip
    open_ = _open_groups(result)
    if len(open_):
        g = open_.iloc[0]
        base += " " + f.t(
            "account_plan.text.ws_gap", group=esc(g["product_group"]),
            share=f.pct(g["peer_median_share"], 0),
            amount=f.money(g["peer_median_share"] * d["revenue"]),
        )  # fmt: skip
    return base


def whitespace_table(result: AccountPlanResult, f: Formatter) -> TableSpec:
    df = result.whitespace.copy()
    df["status"] = [
        f.t(f"account_plan.text.{'bought' if b else 'not_bought'}") for b in df["bought"]
    ]
    return TableSpec(
        df.head(result.settings.top_n),
        {
            "product_group": (f.t("account_plan.col.product_group"), "text"),
            "status": (f.t("account_plan.col.status"), "text"),
            "account_revenue": (f.t("account_plan.col.revenue"), "money"),
            "peer_share": (f.t("account_plan.col.peer_share"), "pct0"),
            "peer_median_share": (f.t("account_plan.col.peer_median_share"), "pct0"),
        },
        caption=f.t("account_plan.cap.ws", n=result.peers),
    )


def whitespace_alt(result: AccountPlanResult, f: Formatter) -> str:
    return f.t("account_plan.alt.ws") + " " + whitespace_text(result, f)


# --------------------------------------------------------------------------- opportunities


def heading_opportunities(result: AccountPlanResult, f: Formatter) -> str:
    top = result.top_opportunity
    if top is None:
        return f.t("account_plan.h.opp_none")
    key = "covered" if bool(top["covered"]) else "uncovered"
    return f.t(
        f"account_plan.h.opp_{key}", name=top["name"], ev=f.money_short(top["expected_value"])
    )


def opportunities_text(result: AccountPlanResult, f: Formatter) -> str:
    o = result.opportunities
    if o.empty:
        return f.t("account_plan.text.opp_missing")
    covered = int(o["covered"].sum())
    return f.t(
        "account_plan.text.opp", n=len(o), ev=f.money(o["expected_value"].sum()),
        covered=f.int(covered),
    )  # fmt: skip


def opportunities_table(result: AccountPlanResult, f: Formatter) -> TableSpec:
    df = result.opportunities.copy()
    df["covered_label"] = [f.t(f"account_plan.text.{'yes' if c else 'no'}") for c in df["covered"]]
    return TableSpec(
        df.head(result.settings.top_n),
        {
            "rank": (f.t("account_plan.col.rank"), "int"),
            "name": (f.t("account_plan.col.opportunity"), "text"),
            "value": (f.t("account_plan.col.value_money"), "money"),
            "probability": (f.t("account_plan.col.probability"), "pct0"),
            "fit": (f.t("account_plan.col.fit"), "int"),
            "effort": (f.t("account_plan.col.effort"), "int"),
            "expected_value": (f.t("account_plan.col.expected_value"), "money"),
            "score": (f.t("account_plan.col.score"), "int"),
            "covered_label": (f.t("account_plan.col.covered"), "text"),
        },
        note=f.t("account_plan.text.opp_method"),
        empty_text=f.t("account_plan.text.opp_missing"),
    )


def opportunities_alt(result: AccountPlanResult, f: Formatter) -> str:
    return f.t("account_plan.alt.opp") + " " + opportunities_text(result, f)


# --------------------------------------------------------------------------- SWOT, competitors


def swot_cards(result: AccountPlanResult, f: Formatter) -> list[tuple[str, str]]:
    """Four cards (strengths, weaknesses, opportunities, threats); an empty part says so."""
    swot = (result.plan or {}).get("swot") or {}
    cards = []
    for part in ("strengths", "weaknesses", "opportunities", "threats"):
        items = [x for x in swot.get(part) or [] if str(x).strip()]
        body = (
            "<ul>" + "".join(f"<li>{esc(x)}</li>" for x in items) + "</ul>"
            if items
            else f"<p>{esc(f.t('account_plan.text.swot_empty'))}</p>"
        )
        cards.append((esc(f.t(f"account_plan.swot.{part}")), body))
    return cards


def has_swot(result: AccountPlanResult) -> bool:
    swot = (result.plan or {}).get("swot") or {}
    return any(swot.get(k) for k in ("strengths", "weaknesses", "opportunities", "threats"))


def competitors_table(result: AccountPlanResult, f: Formatter) -> TableSpec:
    comps = [c for c in (result.plan or {}).get("competitors") or [] if isinstance(c, dict)]

    def scale(v: Any) -> Any:
        return v if isinstance(v, (int, float)) and not isinstance(v, bool) else np.nan

    df = pd.DataFrame(
        {
            "name": [str(c.get("name") or DASH) for c in comps],
            "strength": [scale(c.get("strength")) for c in comps],
            "threat": [scale(c.get("threat")) for c in comps],
            "note": [str(c.get("note") or "") for c in comps],
        },
        columns=["name", "strength", "threat", "note"],
    )
    df = df.sort_values("threat", ascending=False, na_position="last", kind="mergesort")

    def rating(v: Any) -> str:
        return DASH if _missing(v) else f"{f.int(v)} / 5"

    return TableSpec(
        df,
        {
            "name": (f.t("account_plan.col.competitor"), "text"),
            "strength": (f.t("account_plan.col.strength"), rating),
            "threat": (f.t("account_plan.col.threat"), rating),
            "note": (f.t("account_plan.col.note"), "text"),
        },
        caption=f.t("account_plan.cap.competitors"),
        empty_text=f.t("account_plan.text.no_competitors"),
    )


# --------------------------------------------------------------------------- budget


def heading_budget(result: AccountPlanResult, f: Formatter) -> str:
    b = result.budget
    if b.empty or b["budget"].isna().all():
        return f.t("account_plan.h.budget_none")
    planned = b.dropna(subset=["budget"])
    dev = planned["deviation"].sum()
    key = "ahead" if dev >= 0 else "behind"
    return f.t(f"account_plan.h.budget_{key}", amount=f.money_short(abs(dev)))


def budget_text(result: AccountPlanResult, f: Formatter) -> str:
    b = result.budget
    share = f.pct(_elapsed(result), 0)
    if b.empty or b["budget"].isna().all():
        return f.t("account_plan.text.budget_missing")
    planned = b.dropna(subset=["budget"])
    return f.t(
        "account_plan.text.budget", share=share, date=f.date(result.as_of),
        plan=f.money(planned["plan_to_date"].sum()), actual=f.money(planned["actual_to_date"].sum()),
        behind=f.int(int((planned["deviation"] < 0).sum())), n=len(planned),
    )  # fmt: skip


def _elapsed(result: AccountPlanResult) -> float:
    from kamlib.analysis.account_plan import year_elapsed

    return year_elapsed(result.as_of)


def budget_table(result: AccountPlanResult, f: Formatter) -> TableSpec:
    b = result.budget
    total = None
    if len(b):
        total = {
            "product_group": f.t("account_plan.col.total"),
            "budget": b["budget"].sum(min_count=1),
            "plan_to_date": b["plan_to_date"].sum(min_count=1),
            "actual_to_date": b["actual_to_date"].sum(),
            "deviation": b["deviation"].sum(min_count=1),
        }
    return TableSpec(
        b,
        {
            "product_group": (f.t("account_plan.col.product_group"), "text"),
            "budget": (f.t("account_plan.col.budget"), "money"),
            "plan_to_date": (f.t("account_plan.col.plan_to_date"), "money"),
            "actual_to_date": (f.t("account_plan.col.actual_to_date"), "money"),
            "deviation": (f.t("account_plan.col.deviation"), "money"),
        },
        total_row=total,
        empty_text=f.t("account_plan.text.budget_missing"),
    )


# --------------------------------------------------------------------------- SMART goals


def heading_goals(result: AccountPlanResult, f: Formatter) -> str:
    g = result.goals
    if g.empty:
        return f.t("account_plan.h.goals_none")
    full = int((g["passed"] == len(LETTERS)).sum())
    return f.t("account_plan.h.goals", full=f.int(full), n=len(g))


def _why(row: pd.Series, f: Formatter, months: int) -> str:
    """Why the failed letters of a goal fail, one line each (escaped markup)."""
    lines = []
    for x in LETTERS:
        key = row[f"why_{x}"]
        if key:
            letter = f.t(f"account_plan.letter.{x}")
            reason = f.t(f"account_plan.smart.why.{key}", months=months)
            lines.append(f"{esc(letter)}: {esc(reason)}")
    return "<br>".join(lines) or esc(f.t("account_plan.text.smart_ok"))


def goals_table(result: AccountPlanResult, f: Formatter) -> TableSpec:
    """One row per goal: the text, each letter ✓/✗, and why the failed letters fail."""
    g = result.goals.copy()
    for x in LETTERS:
        g[f"mark_{x}"] = ["✓" if ok else "✗" for ok in g[x]]
    months = result.settings.horizon_months
    g["why"] = [_why(row, f, months) for _, row in g.iterrows()]
    g["goal_html"] = [esc(t) for t in g["goal"]]
    cols: dict[str, tuple[str, Any]] = {"goal_html": (f.t("account_plan.col.goal"), "html")}
    for x in LETTERS:
        cols[f"mark_{x}"] = (f.t(f"account_plan.letter_short.{x}"), "text")
    cols["why"] = (f.t("account_plan.col.why"), "html")
    return TableSpec(g, cols, empty_text=f.t("account_plan.text.no_goals"))


def goal_targets_table(result: AccountPlanResult, f: Formatter) -> TableSpec:
    """The goals' KPIs: metric, target and due date as written in the plan."""
    g = result.goals.copy()

    def target(v: Any) -> str:
        if isinstance(v, bool) or v is None:
            return DASH
        if isinstance(v, (int, float)):
            return f.pct(v, 0) if 0 <= v <= 1 else f.num(v, 0)
        return str(v)

    g["target_text"] = [target(v) for v in g["target"]]
    g["due_text"] = [DASH if _missing(x) else f.date(x) for x in g["due"]]
    g["metric"] = g["metric"].replace("", DASH)
    return TableSpec(
        g,
        {
            "goal": (f.t("account_plan.col.goal"), "text"),
            "metric": (f.t("account_plan.col.metric"), "text"),
            "target_text": (f.t("account_plan.col.target"), "text"),
            "due_text": (f.t("account_plan.col.due"), "text"),
        },
        caption=f.t("account_plan.cap.kpis"),
        empty_text=f.t("account_plan.text.no_goals"),
    )


# --------------------------------------------------------------------------- actions, reviews


def heading_actions(result: AccountPlanResult, f: Formatter) -> str:
    a = result.actions
    if a.empty:
        return f.t("account_plan.h.actions_none")
    n = len(result.overdue)
    if n:
        return f.t("account_plan.h.actions_overdue", n=n, total=len(a))
    return f.t("account_plan.h.actions_ok", n=len(a))


def actions_table(result: AccountPlanResult, f: Formatter) -> TableSpec:
    a = result.actions.copy()
    a["due_text"] = [
        (DASH if _missing(d) else f.date(d))
        + (f" – {f.t('account_plan.text.overdue')}" if o else "")
        for d, o in zip(a["due"], a["overdue"], strict=True)
    ]
    a["status_label"] = [
        f.t(f"account_plan.status.{s}") if s in ("open", "in_progress", "done", "dropped") else s
        for s in a["status"]
    ]
    for c in ("accountable", "consulted", "informed"):
        a[c] = a[c].replace("", DASH)
    return TableSpec(
        a,
        {
            "what": (f.t("account_plan.col.what"), "text"),
            "responsible": (f.t("account_plan.col.r"), "text"),
            "accountable": (f.t("account_plan.col.a"), "text"),
            "consulted": (f.t("account_plan.col.c"), "text"),
            "informed": (f.t("account_plan.col.i"), "text"),
            "due_text": (f.t("account_plan.col.due"), "text"),
            "status_label": (f.t("account_plan.col.status"), "text"),
        },
        note=f.t("account_plan.text.raci"),
        empty_text=f.t("account_plan.text.no_actions"),
    )


def heading_reviews(result: AccountPlanResult, f: Formatter) -> str:
    s = result.settings
    n = result.reviews_last_year
    if result.reviews.empty:
        return f.t("account_plan.h.reviews_none")
    key = "few" if n < s.reviews_min else "many" if n > s.reviews_max else "ok"
    return f.t(f"account_plan.h.reviews_{key}", n=n, lo=s.reviews_min, hi=s.reviews_max)


def reviews_text(result: AccountPlanResult, f: Formatter) -> str:
    r = result.reviews.dropna(subset=["planned", "actual"])
    if r.empty:
        return ""
    return f.t(
        "account_plan.text.reviews", n=len(r), planned=f.money(r["planned"].sum()),
        actual=f.money(r["actual"].sum()), below=f.int(int((r["deviation"] < 0).sum())),
    )  # fmt: skip


def reviews_table(result: AccountPlanResult, f: Formatter) -> TableSpec:
    r = result.reviews.copy()
    r["state"] = [f.t(f"account_plan.text.{'held' if d else 'planned'}") for d in r["done"]]
    return TableSpec(
        r,
        {
            "date": (f.t("account_plan.col.date"), "date"),
            "state": (f.t("account_plan.col.status"), "text"),
            "planned": (f.t("account_plan.col.planned"), "money"),
            "actual": (f.t("account_plan.col.actual"), "money"),
            "deviation": (f.t("account_plan.col.deviation"), "money"),
            "note": (f.t("account_plan.col.note"), "text"),
        },
        empty_text=f.t("account_plan.text.no_reviews"),
    )


# --------------------------------------------------------------------------- no plan


def workshop_items(result: AccountPlanResult, f: Formatter) -> list[str]:
    """What the planning workshop has to fill in (plan parts missing), escaped."""
    return [esc(f.t(f"account_plan.todo.{k}")) for k in result.todo]


# --------------------------------------------------------------------------- appendix


def method_items(result: AccountPlanResult | AccountPlanCover, f: Formatter) -> list[str]:
    """How each part is computed (for the appendix); works on an account or the cover."""
    s = result.settings
    return [
        f.t("account_plan.method.dossier", period=f.period(result.window_start, min(result.window_end, result.as_of))),
        f.t("account_plan.method.smart", months=s.horizon_months),
        f.t("account_plan.method.opportunities"),
        f.t("account_plan.method.whitespace"),
        f.t("account_plan.method.buying_center", months=s.stale_contact_months),
        f.t("account_plan.method.budget"),
        f.t("account_plan.method.reviews", lo=s.reviews_min, hi=s.reviews_max),
    ]  # fmt: skip


def data_notes(result: AccountPlanResult, f: Formatter) -> list[str]:
    """Missing optional inputs and what they would add."""
    out = []
    if not result.has_contacts_table:
        out.append(f.t("account_plan.note.no_contacts_table"))
    if not result.has_plan:
        out.append(f.t("account_plan.note.no_plan", id=esc(result.customer_id)))
    return out


# --------------------------------------------------------------------------- cover


def cover_summary(cover: AccountPlanCover, f: Formatter) -> list[str]:
    a = cover.accounts
    n = len(a)
    if n == 0:
        return [f.t("account_plan.cover.s.none")]
    with_plan = int(a["has_plan"].sum())
    out = [
        f.t("account_plan.cover.s.accounts", n=n, revenue=f.money(a["revenue"].sum()),
            with_plan=f.int(with_plan))
    ]  # fmt: skip
    planned = a[a["has_plan"]]
    if len(planned):
        goals = int(planned["goals"].sum())
        full = sum(
            int((cover.results[c].goals["passed"] == len(LETTERS)).sum())
            for c in planned["customer_id"]
        )
        out.append(f.t("account_plan.cover.s.goals", n=goals, full=f.int(full)))
        unc = planned[planned["top_covered"].eq(False)]
        out.append(
            f.t("account_plan.cover.s.top", n=len(unc), total=len(planned))
            if len(unc) else f.t("account_plan.cover.s.top_all")
        )  # fmt: skip
        overdue = int(planned["overdue_actions"].sum())
        out.append(f.t("account_plan.cover.s.overdue", n=overdue))
    return out[:5]


def cover_decisions_table(cover: AccountPlanCover, f: Formatter) -> TableSpec:
    """Decisions across accounts: plan workshops, goals to fix, top opportunities to cover."""
    a = cover.accounts
    rows = []
    no_plan = a[~a["has_plan"]]
    if len(no_plan):
        gaps = [cover.results[c].dossier.get("wallet_gap") for c in no_plan["customer_id"]]
        gap = float(np.nansum([g for g in gaps if g is not None and g > 0]))
        rows.append(
            (f.t("account_plan.cover.decision.workshops", n=len(no_plan)), gap,
             f.t("account_plan.basis.workshop"), "kam", "next_quarter")
        )  # fmt: skip
    unc = a[a["has_plan"] & a["top_covered"].eq(False)]
    if len(unc):
        ev = sum(
            float(cover.results[c].top_opportunity["expected_value"]) for c in unc["customer_id"]
        )
        rows.append(
            (f.t("account_plan.cover.decision.cover_top", n=len(unc)), ev,
             f.t("account_plan.basis.cover_top"), "kam", "next_review")
        )  # fmt: skip
    weak = a[a["has_plan"] & (a["smart_passed"] < a["smart_total"])]
    if len(weak):
        rows.append(
            (f.t("account_plan.cover.decision.smart", n=len(weak)), np.nan, DASH, "kam",
             "next_month")
        )  # fmt: skip
    od = a[a["overdue_actions"] > 0]
    if len(od):
        rows.append(
            (f.t("account_plan.cover.decision.overdue", n=int(od["overdue_actions"].sum())),
             np.nan, DASH, "sales_lead", "now")
        )  # fmt: skip
    df = pd.DataFrame(rows, columns=["decision", "impact", "basis", "owner", "timing"])
    df["owner"] = [f.t(f"account_plan.owner.{o}") for o in df["owner"]]
    df["timing"] = [f.t(f"account_plan.timing.{t}") for t in df["timing"]]
    df = df.sort_values("impact", ascending=False, na_position="last", kind="mergesort")
    return TableSpec(
        df.head(5),
        {
            "decision": (f.t("account_plan.col.decision"), "text"),
            "impact": (f.t("account_plan.col.impact"), "money"),
            "basis": (f.t("account_plan.col.basis"), "text"),
            "owner": (f.t("account_plan.col.owner"), "text"),
            "timing": (f.t("account_plan.col.timing"), "text"),
        },
        empty_text=f.t("account_plan.text.no_decisions"),
    )


def heading_cover_table(cover: AccountPlanCover, f: Formatter) -> str:
    a = cover.accounts
    missing = int((~a["has_plan"]).sum())
    if missing:
        return f.t("account_plan.cover.h.missing", n=missing, total=len(a))
    return f.t("account_plan.cover.h.all", n=len(a))


def cover_table(cover: AccountPlanCover, f: Formatter) -> TableSpec:
    a = cover.accounts.copy()
    labels = None
    if cover.results:
        labels = next(iter(cover.results.values())).dossier.get("zone_labels")
    zl = getattr(labels, f.lang, {}) if labels is not None else {}
    a["zone_label"] = [zl.get(z, z) or DASH for z in a["zone"]]
    a["plan"] = [f.t(f"account_plan.text.{'yes' if p else 'no'}") for p in a["has_plan"]]
    a["smart"] = [
        f"{f.int(p)} / {f.int(t)}" if h else DASH
        for p, t, h in zip(a["smart_passed"], a["smart_total"], a["has_plan"], strict=True)
    ]
    a["top"] = [
        DASH if c is None or (isinstance(c, float) and math.isnan(c))
        else f.t(f"account_plan.text.{'yes' if c else 'no'}")
        for c in a["top_covered"]
    ]  # fmt: skip
    a["overdue"] = [
        f.int(o) if h else DASH for o, h in zip(a["overdue_actions"], a["has_plan"], strict=True)
    ]
    a["goals_text"] = [
        f.int(g) if h else DASH for g, h in zip(a["goals"], a["has_plan"], strict=True)
    ]
    return TableSpec(
        a,
        {
            "name": (f.t("account_plan.col.customer"), "text"),
            "revenue": (f.t("account_plan.col.revenue"), "money"),
            "zone_label": (f.t("account_plan.col.zone"), "text"),
            "plan": (f.t("account_plan.col.has_plan"), "text"),
            "goals_text": (f.t("account_plan.col.goals"), "text"),
            "smart": (f.t("account_plan.col.smart_letters"), "text"),
            "top": (f.t("account_plan.col.top_covered"), "text"),
            "overdue": (f.t("account_plan.col.overdue"), "text"),
        },
        empty_text=f.t("account_plan.cover.s.none"),
    )


def cover_notes(cover: AccountPlanCover, f: Formatter) -> list[str]:
    if cover.unflagged_plans:
        return [
            f.t("account_plan.note.unflagged", ids=", ".join(esc(x) for x in cover.unflagged_plans))
        ]
    return []
