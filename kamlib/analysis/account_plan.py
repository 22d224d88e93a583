"""Key-account plan (METHODOLOGY.md section 6): one plan per flagged key account.

Entry points:

- ``analyse(client, settings=None) -> AccountPlanCover``: every flagged key
  account (the cover deliverable and the ``account_plan`` export).
- ``compute(client, customer_id, settings=None, portfolio=None) -> AccountPlanResult``:
  the plan of one account (its deliverable). ``portfolio`` is the portfolio
  result to reuse (computed when not given), so dossier figures equal the
  portfolio deliverable's.
- ``export_table(cover)``: one row per goal of each flagged key account with a plan.

Rules (each pinned by ``tests/test_account_plan.py``):

- **SMART** (:func:`smart_check`, reasons in :func:`smart_reasons`):
  specific = the goal's text names one of ``product_terms`` (product groups,
  the account's articles, its name: case-insensitive, whole words) and has at
  least 4 words; measurable = ``metric`` set and ``target`` a number;
  achievable = a ``reason`` given, or a target between 0 and 1 (read as a
  share), or a larger target (read as money) at most window revenue + wallet
  gap (an unknown gap counts as 0); relevant = ``links`` names an opportunity
  or a weakness of the plan or a zone (case-insensitive); time-bound =
  as_of < due <= as_of + ``horizon_months`` calendar months.
- **Opportunities** (:func:`rank_opportunities`): expected value = value x
  probability; score = expected value x fit / effort; ranked by score
  descending, ties by value descending (then file order); covered when a
  goal's ``links`` names it. An uncovered top opportunity is a finding.
- **Whitespace** (:func:`whitespace`): per product group whether the account
  bought it in the portfolio window (net revenue > 0) and the share of peers
  buying it: peers are the other customers of the same industry with net
  revenue > 0 in the window; a peer buys a group with net revenue > 0 in it.
- **Buying center** (:func:`buying_center`): the account's contacts; roles
  of :data:`ROLES` without a contact; a contact is stale when its last
  contact lies before as_of - ``stale_contact_months`` months (or is unknown).
- **Budget** (:func:`budget_vs_actual`): ``budget`` is per year and product
  group; plan to date = budget x elapsed share of as_of's calendar year
  (days, as_of included); actual to date = net revenue from 1 January to as_of.
- **Actions**: overdue = status not ``done``/``dropped`` and due < as_of.
- **Reviews**: the reviews dated in the 12 months up to as_of are counted and
  compared with ``reviews_min``..``reviews_max``; deviation = actual - planned.

Money in the client currency, shares fractions 0-1. The plan arrives as the
plain dict of :func:`kamlib.data.plans.load_account_plans`; every key except
``customer_id`` and a goal's ``text`` may be missing.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd

from kamlib.config import AccountPlanSettings

#: buying-center roles in display order (contacts.csv ``role``)
ROLES = ("decider", "buyer", "user", "influencer", "gatekeeper")
#: SMART letters in order
LETTERS = ("specific", "measurable", "achievable", "relevant", "time_bound")
#: action statuses that close an action (never overdue)
CLOSED = ("done", "dropped")
#: what a data-only plan asks the planning workshop to complete (text keys
#: ``account_plan.todo.<key>``)
WORKSHOP_TODO = (
    "goals",
    "opportunities",
    "swot",
    "competitors",
    "decision_system",
    "actions",
    "reviews",
    "budget",
)
#: minimum words of a specific goal
MIN_WORDS = 4

EXPORT_COLUMNS = (
    "customer_id",
    "name",
    "goal",
    "metric",
    "target",
    "due",
    *LETTERS,
)


# --------------------------------------------------------------------------- helpers


def _text(value: Any) -> str:
    """A plan value as stripped text ("" for None/NaN)."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    return str(value).strip()


def _names(value: Any) -> list[str]:
    """A list of names (a single string counts as one name)."""
    if value is None:
        return []
    if isinstance(value, str):
        value = [value]
    return [_text(v) for v in value if _text(v)]


def _number(value: Any) -> float | None:
    """``value`` as a finite float when it is a number (not bool, not text)."""
    if isinstance(value, bool) or not isinstance(value, (int, float, np.number)):
        return None
    x = float(value)
    return x if math.isfinite(x) else None


def _date(value: Any) -> pd.Timestamp | None:
    """A plan date as a Timestamp (None when missing or not a date)."""
    if value is None or value == "":
        return None
    try:
        ts = pd.Timestamp(value)
    except (ValueError, TypeError):
        return None
    return None if pd.isna(ts) else ts.normalize()


def _fold(text: str) -> str:
    return " ".join(text.casefold().split())


def names_term(text: str, term: str) -> bool:
    """Does ``text`` name ``term`` (case-insensitive, as whole words)?"""
    term = _fold(term)
    if not term:
        return False
    return re.search(rf"(?<!\w){re.escape(term)}(?!\w)", _fold(text)) is not None


# --------------------------------------------------------------------------- SMART


def smart_reasons(
    goal: Mapping[str, Any],
    *,
    plan: Mapping[str, Any],
    as_of: pd.Timestamp,
    window_revenue: float,
    wallet_gap: float,
    product_terms: Iterable[str],
    zones: Iterable[str],
    horizon_months: int = 18,
) -> dict[str, str | None]:
    """Per SMART letter ``None`` when it holds, else the key of why it fails.

    Keys (texts ``account_plan.smart.why.<key>``): ``no_term``, ``short``,
    ``no_metric``, ``no_target``, ``target_text``, ``no_basis``,
    ``too_high``, ``no_links``, ``unknown_links``, ``no_due``, ``bad_due``,
    ``past_due``, ``too_far``. Rules in the module docstring.
    """
    text = _text(goal.get("text"))
    out: dict[str, str | None] = {}

    # specific
    if not any(names_term(text, t) for t in product_terms):
        out["specific"] = "no_term"
    elif len(text.split()) < MIN_WORDS:
        out["specific"] = "short"
    else:
        out["specific"] = None

    # measurable
    raw_target = goal.get("target")
    target = _number(raw_target)
    if not _text(goal.get("metric")):
        out["measurable"] = "no_metric"
    elif raw_target is None or _text(raw_target) == "":
        out["measurable"] = "no_target"
    elif target is None:
        out["measurable"] = "target_text"
    else:
        out["measurable"] = None

    # achievable
    gap = _number(wallet_gap) or 0.0
    room = (_number(window_revenue) or 0.0) + max(gap, 0.0)
    if _text(goal.get("reason")):
        out["achievable"] = None
    elif target is None or target < 0:
        out["achievable"] = "no_basis"
    elif target <= 1 or target <= room:
        out["achievable"] = None
    else:
        out["achievable"] = "too_high"

    # relevant
    links = _names(goal.get("links"))
    swot = plan.get("swot") or {}
    known = [
        *(_text(o.get("name")) for o in plan.get("opportunities") or [] if isinstance(o, Mapping)),
        *_names(swot.get("weaknesses") if isinstance(swot, Mapping) else None),
        *_names(list(zones)),
    ]
    known_folded = {_fold(k) for k in known if k}
    if not links:
        out["relevant"] = "no_links"
    elif any(_fold(link) in known_folded for link in links):
        out["relevant"] = None
    else:
        out["relevant"] = "unknown_links"

    # time-bound
    raw_due = goal.get("due")
    due = _date(raw_due)
    as_of = pd.Timestamp(as_of).normalize()
    if raw_due is None or _text(raw_due) == "":
        out["time_bound"] = "no_due"
    elif due is None:
        out["time_bound"] = "bad_due"
    elif due <= as_of:
        out["time_bound"] = "past_due"
    elif due > as_of + pd.DateOffset(months=horizon_months):
        out["time_bound"] = "too_far"
    else:
        out["time_bound"] = None
    return out


def smart_check(
    goal: Mapping[str, Any],
    *,
    plan: Mapping[str, Any],
    as_of: pd.Timestamp,
    window_revenue: float,
    wallet_gap: float,
    product_terms: Iterable[str],
    zones: Iterable[str],
    horizon_months: int = 18,
) -> dict[str, bool]:
    """The SMART check of one goal: ``{letter: passed}`` for the five letters.

    ``product_terms`` are the words a specific goal names (product groups, the
    account's articles and name); ``zones`` the zone names a goal may link.
    """
    reasons = smart_reasons(
        goal,
        plan=plan,
        as_of=as_of,
        window_revenue=window_revenue,
        wallet_gap=wallet_gap,
        product_terms=list(product_terms),
        zones=list(zones),
        horizon_months=horizon_months,
    )
    return {letter: reasons[letter] is None for letter in LETTERS}


# --------------------------------------------------------------------------- opportunities

OPPORTUNITY_COLUMNS = (
    "rank",
    "name",
    "value",
    "probability",
    "fit",
    "effort",
    "expected_value",
    "score",
    "covered",
)


def rank_opportunities(opportunities: list[dict], goals: list[dict]) -> pd.DataFrame:
    """The opportunity portfolio ranked by expected value x fit / effort.

    Columns :data:`OPPORTUNITY_COLUMNS`; ``rank`` 1 = best. Missing numbers are
    NaN and rank last. ``covered``: a goal's ``links`` names the opportunity.
    """
    rows = [o for o in opportunities or [] if isinstance(o, Mapping)]
    df = pd.DataFrame(
        {
            "name": [_text(o.get("name")) for o in rows],
            "value": [_number(o.get("value")) for o in rows],
            "probability": [_number(o.get("probability")) for o in rows],
            "fit": [_number(o.get("fit")) for o in rows],
            "effort": [_number(o.get("effort")) for o in rows],
        },
        columns=["name", "value", "probability", "fit", "effort"],
    )
    for col in ("value", "probability", "fit", "effort"):
        df[col] = pd.to_numeric(df[col], errors="coerce").astype(float)
    df["expected_value"] = df["value"] * df["probability"]
    effort = df["effort"].where(df["effort"] > 0)
    df["score"] = df["expected_value"] * df["fit"] / effort
    linked = {
        _fold(n) for g in goals or [] if isinstance(g, Mapping) for n in _names(g.get("links"))
    }
    df["covered"] = df["name"].map(lambda n: _fold(n) in linked).astype(bool)
    df["_order"] = np.arange(len(df))
    df = df.sort_values(
        ["score", "value", "_order"], ascending=[False, False, True], na_position="last",
        kind="mergesort",
    )  # fmt: skip
    df = df.drop(columns="_order").reset_index(drop=True)
    df.insert(0, "rank", np.arange(1, len(df) + 1))
    return df[list(OPPORTUNITY_COLUMNS)]


# --------------------------------------------------------------------------- inputs


@dataclass
class AccountPlanInputs:
    """The once-per-client part: window sums per customer and product group."""

    as_of: pd.Timestamp
    window_start: pd.Timestamp
    window_end: pd.Timestamp
    #: customer_id x product_group net revenue in the portfolio window (0 where none)
    group_revenue: pd.DataFrame
    #: customer_id x product_group contribution margin in the window (NaN where none)
    group_margin: pd.DataFrame
    #: customer_id -> industry ("" when unknown)
    industry: pd.Series
    #: customer_id x year net revenue and margin (years as_of.year - 2 .. as_of.year)
    year_revenue: pd.DataFrame
    year_margin: pd.DataFrame
    #: customer_id x product_group net revenue 1 January .. as_of
    ytd_revenue: pd.DataFrame
    #: customer_id -> sorted article ids bought up to as_of
    articles: pd.Series
    has_groups: bool
    #: industry aligned with ``group_revenue``'s rows (built on first use)
    _aligned: pd.Series | None = None

    def peer_industry(self, customer_id: str) -> pd.Series:
        """Industry per row of ``group_revenue`` plus ``customer_id``'s own (for whitespace)."""
        if self._aligned is None:
            self._aligned = self.industry.reindex(self.group_revenue.index).fillna("")
        if customer_id in self._aligned.index:
            return self._aligned
        return self.industry


def prepare(client: Any, portfolio: Any, ids: Iterable[str] | None = None) -> AccountPlanInputs:
    """Fold the sales lines once (vectorised) for every account plan of ``client``.

    ``ids``: the accounts whose article lists are needed (default: the flagged
    key accounts); every other table covers all customers (peers included).
    """
    as_of = pd.Timestamp(client.as_of).normalize()
    sales = client.sales
    sales = sales[sales["date"] <= as_of]
    has_groups = "product_group" in sales.columns
    group = (
        sales["product_group"].astype("string").fillna("").str.strip()
        if has_groups
        else pd.Series("", index=sales.index, dtype="string")
    )
    frame = pd.DataFrame(
        {
            "customer_id": sales["customer_id"].astype(str),
            "group": group.replace("", pd.NA),
            "revenue": sales["net_revenue"].astype(float),
            "margin": sales["contribution_margin"].astype(float)
            if "contribution_margin" in sales.columns
            else np.nan,
            "date": sales["date"],
        }
    )
    start, end = portfolio.window_start, portfolio.window_end
    window = frame[(frame["date"] >= start) & (frame["date"] <= end)]
    grouped = window.dropna(subset=["group"]).groupby(["customer_id", "group"], observed=True)
    group_revenue = grouped["revenue"].sum().unstack(fill_value=0.0)
    group_margin = grouped["margin"].sum(min_count=1).unstack()

    years = [as_of.year - 2, as_of.year - 1, as_of.year]
    recent = frame[frame["date"].dt.year >= years[0]]
    by_year = recent.groupby(["customer_id", recent["date"].dt.year.rename("year")])
    year_revenue = by_year["revenue"].sum().unstack(fill_value=0.0).reindex(columns=years)
    year_margin = by_year["margin"].sum(min_count=1).unstack().reindex(columns=years)

    ytd = frame[frame["date"] >= pd.Timestamp(as_of.year, 1, 1)].dropna(subset=["group"])
    ytd_revenue = (
        ytd.groupby(["customer_id", "group"], observed=True)["revenue"]
        .sum()
        .unstack(fill_value=0.0)
    )
    if "article_id" in sales.columns:
        wanted = set(flagged_accounts(portfolio) if ids is None else ids)
        mask = frame["customer_id"].isin(wanted).to_numpy()
        art = pd.DataFrame(
            {"customer_id": frame["customer_id"][mask], "a": sales["article_id"][mask].astype(str)}
        ).drop_duplicates()
        articles = art.groupby("customer_id")["a"].agg(sorted)
    else:
        articles = pd.Series(dtype=object)
    master = client.customers
    industry = (
        master["industry"].astype("string").fillna("")
        if "industry" in master.columns
        else pd.Series("", index=master.index)
    )
    industry.index = master["customer_id"].astype(str)
    industry = industry[~industry.index.duplicated()]
    return AccountPlanInputs(
        as_of=as_of,
        window_start=start,
        window_end=end,
        group_revenue=group_revenue,
        group_margin=group_margin,
        industry=industry,
        year_revenue=year_revenue,
        year_margin=year_margin,
        ytd_revenue=ytd_revenue,
        articles=articles,
        has_groups=has_groups,
    )


# --------------------------------------------------------------------------- whitespace

WHITESPACE_COLUMNS = (
    "product_group",
    "bought",
    "account_revenue",
    "peers_buying",
    "peer_share",
    "peer_median_revenue",
    "peer_median_share",
)


def whitespace(
    group_revenue: pd.DataFrame, industry: pd.Series, customer_id: str
) -> tuple[pd.DataFrame, int]:
    """Product groups bought / not bought by the account vs the share of peers buying each.

    ``group_revenue``: customer x product group net revenue in the window;
    ``industry``: customer_id -> industry. Peers: other customers of the same
    (non-empty) industry with net revenue > 0 in the window. Returns the table
    (columns :data:`WHITESPACE_COLUMNS`, not-bought groups first, each part by
    peer share descending then group) and the number of peers.
    ``peer_median_revenue``: median window revenue in the group among the peers
    buying it; ``peer_median_share``: median share of the group in those peers'
    window revenue (both NaN when no peer buys it).
    """
    groups = list(group_revenue.columns)
    values = group_revenue.to_numpy(dtype=float)
    index = group_revenue.index
    pos = index.get_indexer([customer_id])[0]
    own = values[pos] if pos >= 0 else np.zeros(len(groups))
    ind = industry.get(customer_id, "")
    ind = "" if pd.isna(ind) else str(ind)
    aligned = industry if industry.index.equals(index) else industry.reindex(index)
    mask = (aligned.to_numpy(dtype=object) == ind) & (values.sum(axis=1) > 0) if ind else None
    if mask is None:
        mask = np.zeros(len(index), dtype=bool)
    if pos >= 0:
        mask[pos] = False
    peers = values[mask]
    buying = peers > 0
    n = len(peers)
    count = buying.sum(axis=0).astype(int)
    with np.errstate(invalid="ignore", divide="ignore"):
        bought_values = np.where(buying, peers, np.nan)
        shares = np.where(buying, peers / peers.sum(axis=1, keepdims=True), np.nan)
        if n:
            median = np.nanmedian(np.where(count > 0, bought_values, 0.0), axis=0)
            median_share = np.nanmedian(np.where(count > 0, shares, 0.0), axis=0)
        else:
            median = median_share = np.full(len(groups), np.nan)
    median = np.where(count > 0, median, np.nan)
    median_share = np.where(count > 0, median_share, np.nan)
    df = pd.DataFrame(
        {
            "product_group": groups,
            "bought": own > 0,
            "account_revenue": own,
            "peers_buying": count,
            "peer_share": count / n if n else np.full(len(groups), np.nan),
            "peer_median_revenue": median,
            "peer_median_share": median_share,
        }
    )
    df = df.sort_values(
        ["bought", "peer_share", "product_group"], ascending=[True, False, True],
        na_position="last", kind="mergesort",
    ).reset_index(drop=True)  # fmt: skip
    return df[list(WHITESPACE_COLUMNS)], n


# --------------------------------------------------------------------------- buying center

CONTACT_COLUMNS = (
    "contact_name",
    "role",
    "influence",
    "attitude",
    "relationship",
    "last_contact",
    "stale",
)


def buying_center(
    contacts: pd.DataFrame | None, customer_id: str, as_of: pd.Timestamp, stale_months: int = 6
) -> tuple[pd.DataFrame, list[str]]:
    """The account's contacts and the roles without one.

    Contacts sorted by role order of :data:`ROLES`, influence descending, name;
    ``stale`` when ``last_contact`` is unknown or before as_of - ``stale_months``
    calendar months (exactly that many months is not stale yet).
    """
    if contacts is None:
        return pd.DataFrame(columns=list(CONTACT_COLUMNS)), list(ROLES)
    df = contacts[contacts["customer_id"].astype(str) == customer_id].copy()
    for col in ("influence", "attitude", "relationship"):
        df[col] = pd.to_numeric(df[col], errors="coerce") if col in df else np.nan
    last = pd.to_datetime(df["last_contact"], errors="coerce") if "last_contact" in df else None
    df["last_contact"] = last if last is not None else pd.NaT
    cutoff = pd.Timestamp(as_of).normalize() - pd.DateOffset(months=stale_months)
    df["stale"] = (df["last_contact"].isna() | (df["last_contact"] < cutoff)).astype(bool)
    df["role"] = df["role"].astype(str).str.strip().str.lower()
    order = {r: i for i, r in enumerate(ROLES)}
    df["_o"] = df["role"].map(order).fillna(len(ROLES))
    df = df.sort_values(["_o", "influence", "contact_name"], ascending=[True, False, True])
    df = df.reset_index(drop=True)[list(CONTACT_COLUMNS)]
    missing = [r for r in ROLES if r not in set(df["role"])]
    return df, missing


# --------------------------------------------------------------------------- plan tables

ACTION_COLUMNS = (
    "what",
    "responsible",
    "accountable",
    "consulted",
    "informed",
    "due",
    "status",
    "overdue",
)


def actions_table(actions: list[dict] | None, as_of: pd.Timestamp) -> pd.DataFrame:
    """Actions with RACI, sorted by due date; overdue = not done/dropped and due < as_of."""
    rows = [a for a in actions or [] if isinstance(a, Mapping)]
    df = pd.DataFrame(
        {
            "what": [_text(a.get("what")) for a in rows],
            "responsible": [_text(a.get("responsible")) for a in rows],
            "accountable": [_text(a.get("accountable")) for a in rows],
            "consulted": [_text(a.get("consulted")) for a in rows],
            "informed": [_text(a.get("informed")) for a in rows],
            "due": pd.to_datetime([_date(a.get("due")) for a in rows]),
            "status": [_text(a.get("status")) or "open" for a in rows],
        },
        columns=list(ACTION_COLUMNS[:-1]),
    )
    df["due"] = pd.to_datetime(df["due"])
    as_of = pd.Timestamp(as_of).normalize()
    df["overdue"] = (~df["status"].isin(CLOSED) & (df["due"] < as_of)).astype(bool)
    return df.sort_values("due", kind="mergesort", na_position="last").reset_index(drop=True)


REVIEW_COLUMNS = ("date", "planned", "actual", "deviation", "note", "done")


def reviews_table(reviews: list[dict] | None, as_of: pd.Timestamp) -> pd.DataFrame:
    """Review calendar sorted by date: planned vs actual; ``done`` = dated on or before as_of."""
    rows = [r for r in reviews or [] if isinstance(r, Mapping)]

    def pick(r: Mapping, *keys: str) -> Any:
        for k in keys:
            if r.get(k) is not None:
                return r.get(k)
        return None

    df = pd.DataFrame(
        {
            "date": pd.to_datetime([_date(r.get("date")) for r in rows]),
            "planned": [_number(pick(r, "planned", "planned_revenue")) for r in rows],
            "actual": [_number(pick(r, "actual", "actual_revenue")) for r in rows],
            "note": [_text(r.get("note")) for r in rows],
        },
        columns=["date", "planned", "actual", "note"],
    )
    df["date"] = pd.to_datetime(df["date"])
    df["planned"] = pd.to_numeric(df["planned"]).astype(float)
    df["actual"] = pd.to_numeric(df["actual"]).astype(float)
    df["deviation"] = df["actual"] - df["planned"]
    df["done"] = (df["date"] <= pd.Timestamp(as_of).normalize()).astype(bool)
    df = df.sort_values("date", kind="mergesort", na_position="last").reset_index(drop=True)
    return df[list(REVIEW_COLUMNS)]


def reviews_last_year(reviews: pd.DataFrame, as_of: pd.Timestamp) -> int:
    """Reviews dated in (as_of - 12 months, as_of]."""
    as_of = pd.Timestamp(as_of).normalize()
    start = as_of - pd.DateOffset(months=12)
    return int(((reviews["date"] > start) & (reviews["date"] <= as_of)).sum())


BUDGET_COLUMNS = ("product_group", "budget", "plan_to_date", "actual_to_date", "deviation")


def year_elapsed(as_of: pd.Timestamp) -> float:
    """Share of as_of's calendar year elapsed, as_of included (30 June 2026 -> 181/365)."""
    as_of = pd.Timestamp(as_of)
    days = 366 if as_of.is_leap_year else 365
    return as_of.day_of_year / days


def budget_vs_actual(
    budget: Mapping[str, Any] | None, actual_ytd: pd.Series, as_of: pd.Timestamp
) -> pd.DataFrame:
    """Budget per product group vs actual net revenue 1 January .. as_of.

    plan_to_date = budget x :func:`year_elapsed`; deviation = actual - plan to
    date. Groups with actual revenue but no budget are listed with an unknown
    (NaN) budget; sorted by budget descending, then actual descending.
    """
    plan = {str(k): _number(v) for k, v in (budget or {}).items()}
    groups = list(dict.fromkeys([*plan, *actual_ytd[actual_ytd != 0].index.astype(str)]))
    df = pd.DataFrame({"product_group": groups})
    df["budget"] = pd.to_numeric(pd.Series([plan.get(g) for g in groups], dtype=object)).astype(
        float
    )
    df["plan_to_date"] = df["budget"] * year_elapsed(as_of)
    df["actual_to_date"] = actual_ytd.reindex(groups, fill_value=0.0).to_numpy(dtype=float)
    df["deviation"] = df["actual_to_date"] - df["plan_to_date"]
    df = df.sort_values(["budget", "actual_to_date"], ascending=False, na_position="last")
    return df.reset_index(drop=True)[list(BUDGET_COLUMNS)]


# --------------------------------------------------------------------------- result


@dataclass
class Decision:
    """One decision of the summary: ``key`` (text ``account_plan.decision.<key>``),
    € impact (NaN when none can be computed), owner role and timing keys, text params."""

    key: str
    impact: float
    owner: str
    timing: str
    params: dict[str, Any] = field(default_factory=dict)


@dataclass
class AccountPlanResult:
    """The plan of one key account. Tables are DataFrames; shares fractions 0-1."""

    customer_id: str
    name: str
    as_of: pd.Timestamp
    settings: AccountPlanSettings
    #: master and portfolio facts: industry, region, account_manager,
    #: customer_since, revenue, contribution_margin, margin_ratio, abc_class,
    #: xyz_class, zone, potential_score, attractiveness_score, ka_score,
    #: potential, share_of_wallet, wallet_gap, revenue_share, ka_rank
    dossier: dict[str, Any]
    #: year, revenue, contribution_margin, is_ytd
    years: pd.DataFrame
    #: product_group, revenue, contribution_margin, share (window)
    groups: pd.DataFrame
    whitespace: pd.DataFrame
    peers: int
    contacts: pd.DataFrame
    missing_roles: list[str]
    has_contacts_table: bool
    #: the plan dict (None: no plan file)
    plan: dict | None
    #: one row per goal: goal (text), metric, target, due, the five letters,
    #: passed (count), why_<letter> (reason key or "")
    goals: pd.DataFrame
    opportunities: pd.DataFrame
    actions: pd.DataFrame
    reviews: pd.DataFrame
    reviews_last_year: int
    budget: pd.DataFrame
    window_start: pd.Timestamp
    window_end: pd.Timestamp
    currency: str = "EUR"
    decisions: list[Decision] = field(default_factory=list)

    @property
    def has_plan(self) -> bool:
        return self.plan is not None

    @property
    def stale_contacts(self) -> pd.DataFrame:
        return self.contacts[self.contacts["stale"]]

    @property
    def overdue(self) -> pd.DataFrame:
        return self.actions[self.actions["overdue"]]

    @property
    def top_opportunity(self) -> pd.Series | None:
        """The best-ranked opportunity with a score (None when there is none)."""
        scored = self.opportunities.dropna(subset=["score"])
        return None if scored.empty else scored.iloc[0]

    @property
    def top_covered(self) -> bool | None:
        top = self.top_opportunity
        return None if top is None else bool(top["covered"])

    @property
    def todo(self) -> list[str]:
        """Plan parts still missing (keys of :data:`WORKSHOP_TODO`)."""
        plan = self.plan or {}
        out = []
        for key in WORKSHOP_TODO:
            value = plan.get(key)
            if not value or (key == "swot" and not any(value.values())):
                out.append(key)
        return out


def product_terms(inputs: AccountPlanInputs, customer_id: str, name: str) -> list[str]:
    """Words a specific goal may name: product groups, the account's articles, its name."""
    terms = [str(g) for g in inputs.group_revenue.columns]
    arts = inputs.articles.get(customer_id)
    if isinstance(arts, list):
        terms += arts
    if name:
        terms.append(name)
        first = name.split()[0] if name.split() else ""
        if len(first) >= 4:
            terms.append(first)
    return terms


def zone_names(zone: str, zone_labels: Any = None) -> list[str]:
    """Names by which a goal may link the account's zone: its key and its labels
    (``portfolio.zone_labels`` of client.yaml, every language)."""
    if not zone:
        return []
    names = [zone]
    if zone_labels is not None:
        for labels in zone_labels.model_dump().values():
            if labels.get(zone):
                names.append(labels[zone])
    return names


def _goals_table(
    plan: dict | None, dossier: dict, inputs: AccountPlanInputs, customer_id: str,
    settings: AccountPlanSettings,
) -> pd.DataFrame:  # fmt: skip
    cols = ["goal", "metric", "target", "due", *LETTERS, "passed", *(f"why_{x}" for x in LETTERS)]
    goals = [g for g in (plan or {}).get("goals") or [] if isinstance(g, Mapping)]
    terms = product_terms(inputs, customer_id, dossier.get("name", ""))
    zones = zone_names(dossier.get("zone", ""), dossier.get("zone_labels"))
    rows = []
    for g in goals:
        why = smart_reasons(
            g, plan=plan or {}, as_of=inputs.as_of,
            window_revenue=dossier.get("revenue", 0.0), wallet_gap=dossier.get("wallet_gap"),
            product_terms=terms, zones=zones, horizon_months=settings.horizon_months,
        )  # fmt: skip
        row = {
            "goal": _text(g.get("text")),
            "metric": _text(g.get("metric")),
            "target": g.get("target"),
            "due": _date(g.get("due")),
            **{x: why[x] is None for x in LETTERS},
            "passed": sum(why[x] is None for x in LETTERS),
            **{f"why_{x}": why[x] or "" for x in LETTERS},
        }
        rows.append(row)
    df = pd.DataFrame(rows, columns=cols)
    df["due"] = pd.to_datetime(df["due"])
    return df


def _dossier(client: Any, portfolio: Any, customer_id: str) -> dict[str, Any]:
    pc = portfolio.customers
    row = pc[pc["customer_id"].astype(str) == customer_id]
    if row.empty:
        raise KeyError(f"customer {customer_id!r} is not in the customer master")
    r = row.iloc[0]
    master = client.customers
    m = master[master["customer_id"].astype(str) == customer_id].iloc[0]

    def get(series: pd.Series, key: str) -> Any:
        v = series.get(key)
        return None if v is None or (not isinstance(v, str) and pd.isna(v)) else v

    return {
        "name": str(get(r, "customer_name") or get(m, "name") or customer_id),
        "industry": get(m, "industry") or "",
        "region": get(m, "region") or "",
        "country": get(m, "country") or "",
        "account_manager": get(m, "account_manager") or "",
        "customer_since": get(m, "customer_since"),
        **{
            k: get(r, k)
            for k in (
                "revenue",
                "contribution_margin",
                "margin_ratio",
                "revenue_share",
                "abc_class",
                "xyz_class",
                "zone",
                "potential_score",
                "attractiveness_score",
                "ka_score",
                "ka_rank",
                "potential",
                "share_of_wallet",
                "wallet_gap",
                "growth",
            )
        },  # fmt: skip
        "zone": get(r, "zone") or "",
        "zone_labels": portfolio.settings.zone_labels,
        "revenue": float(get(r, "revenue") or 0.0),
    }


def compute(
    client: Any,
    customer_id: str,
    settings: AccountPlanSettings | None = None,
    portfolio: Any = None,
    inputs: AccountPlanInputs | None = None,
) -> AccountPlanResult:
    """The plan of ``customer_id``: dossier, buying center, whitespace, plan checks.

    ``portfolio``: the client's portfolio result (computed when None);
    ``inputs``: :func:`prepare`'s folded sales (computed when None) — pass both
    when computing many accounts. Raises ``KeyError`` for an unknown customer.
    """
    from kamlib.analysis import portfolio as portfolio_mod

    settings = settings or client.config.account_plan
    customer_id = str(customer_id)
    if portfolio is None:
        portfolio = portfolio_mod.analyse(client)
    if inputs is None:
        inputs = prepare(client, portfolio, [customer_id])
    as_of = inputs.as_of
    dossier = _dossier(client, portfolio, customer_id)
    plan = client.account_plans.get(customer_id)

    years = pd.DataFrame({"year": inputs.year_revenue.columns.astype(int)})
    if customer_id in inputs.year_revenue.index:
        years["revenue"] = inputs.year_revenue.loc[customer_id].fillna(0.0).to_numpy(dtype=float)
        years["contribution_margin"] = inputs.year_margin.loc[customer_id].to_numpy(dtype=float)
    else:
        years["revenue"] = 0.0
        years["contribution_margin"] = np.nan
    years["is_ytd"] = (years["year"] == as_of.year) & ~(as_of.month == 12 and as_of.day == 31)

    if customer_id in inputs.group_revenue.index:
        rev = inputs.group_revenue.loc[customer_id]
        mar = inputs.group_margin.reindex(index=[customer_id], columns=rev.index).iloc[0]
        groups = pd.DataFrame(
            {
                "product_group": rev.index.astype(str),
                "revenue": rev.to_numpy(dtype=float),
                "contribution_margin": mar.to_numpy(dtype=float),
            }
        )
        groups = groups[groups["revenue"] != 0]
    else:
        groups = pd.DataFrame(columns=["product_group", "revenue", "contribution_margin"])
    total = groups["revenue"].sum()
    groups["share"] = groups["revenue"] / total if total > 0 else np.nan
    groups = groups.sort_values(["revenue", "product_group"], ascending=[False, True])
    groups = groups.reset_index(drop=True)

    ws, peers = whitespace(inputs.group_revenue, inputs.peer_industry(customer_id), customer_id)
    contacts, missing = buying_center(
        client.contacts, customer_id, as_of, settings.stale_contact_months
    )
    goals = _goals_table(plan, dossier, inputs, customer_id, settings)
    opps = rank_opportunities((plan or {}).get("opportunities") or [], (plan or {}).get("goals"))
    actions = actions_table((plan or {}).get("actions"), as_of)
    reviews = reviews_table((plan or {}).get("reviews"), as_of)
    ytd = (
        inputs.ytd_revenue.loc[customer_id]
        if customer_id in inputs.ytd_revenue.index
        else pd.Series(dtype=float)
    )
    budget = budget_vs_actual((plan or {}).get("budget"), ytd, as_of) if plan else None
    result = AccountPlanResult(
        customer_id=customer_id,
        name=dossier["name"],
        as_of=as_of,
        settings=settings,
        dossier=dossier,
        years=years,
        groups=groups,
        whitespace=ws,
        peers=peers,
        contacts=contacts,
        missing_roles=missing,
        has_contacts_table=client.contacts is not None,
        plan=plan,
        goals=goals,
        opportunities=opps,
        actions=actions,
        reviews=reviews,
        reviews_last_year=reviews_last_year(reviews, as_of),
        budget=budget if budget is not None else pd.DataFrame(columns=list(BUDGET_COLUMNS)),
        window_start=inputs.window_start,
        window_end=inputs.window_end,
        currency=client.config.currency,
    )
    result.decisions = decisions(result)
    return result


# --------------------------------------------------------------------------- decisions


def decisions(result: AccountPlanResult, limit: int = 5) -> list[Decision]:
    """The 3-5 decisions of the summary, most money first (unknown impact last).

    Candidates: no plan -> hold the planning workshop (impact: wallet gap);
    top opportunity not covered by a goal (its expected value); the
    not-bought group most peers buy (its median share in those peers' revenue
    x the account's window revenue);
    revenue to date below the budget (the shortfall); goals failing SMART
    letters, missing roles or stale contacts, overdue actions and too few
    reviews (no money figure: impact NaN).
    """
    d = result.dossier
    out: list[Decision] = []
    gap = _number(d.get("wallet_gap"))
    if not result.has_plan:
        out.append(Decision("workshop", gap if gap else np.nan, "kam", "next_month"))
    top = result.top_opportunity
    if top is not None and not bool(top["covered"]):
        out.append(
            Decision("cover_top", float(top["expected_value"]), "kam", "next_review",
                     {"opportunity": top["name"]})
        )  # fmt: skip
    open_groups = result.whitespace[
        ~result.whitespace["bought"] & (result.whitespace["peer_share"] > 0)
    ]
    if len(open_groups):
        g = open_groups.iloc[0]
        out.append(
            Decision("whitespace", float(g["peer_median_share"]) * float(d.get("revenue") or 0.0),
                     "kam", "this_year",
                     {"group": g["product_group"], "share": float(g["peer_share"]),
                      "peer_share_of_revenue": float(g["peer_median_share"])})
        )  # fmt: skip
    short = result.budget[result.budget["deviation"] < 0]
    if len(short):
        out.append(
            Decision("budget", float(-short["deviation"].sum()), "sales_lead", "next_review",
                     {"groups": len(short)})
        )  # fmt: skip
    if result.has_plan and len(result.goals) and (result.goals["passed"] < len(LETTERS)).any():
        n = int((result.goals["passed"] < len(LETTERS)).sum())
        out.append(Decision("smart", np.nan, "kam", "next_month", {"n": n}))
    people = len(result.missing_roles) if result.has_contacts_table else 0
    stale = len(result.stale_contacts)
    if people or stale:
        # no money figure: a gap in the buying center puts the account at risk,
        # but how much of its revenue is not measurable from the data
        out.append(
            Decision("contacts", np.nan, "kam", "next_quarter", {"roles": people, "stale": stale})
        )
    if len(result.overdue):
        out.append(Decision("overdue", np.nan, "sales_lead", "now", {"n": len(result.overdue)}))
    # no plan yet counts as no review held: the calendar is part of the plan
    if result.reviews_last_year < result.settings.reviews_min:
        out.append(
            Decision("reviews", np.nan, "sales_lead", "this_year",
                     {"n": result.reviews_last_year, "min": result.settings.reviews_min})
        )  # fmt: skip
    order = sorted(
        range(len(out)),
        key=lambda i: (
            math.isnan(out[i].impact),
            -(out[i].impact if not math.isnan(out[i].impact) else 0),
            i,
        ),
    )
    return [out[i] for i in order][:limit]


# --------------------------------------------------------------------------- cover

COVER_COLUMNS = (
    "customer_id",
    "name",
    "revenue",
    "zone",
    "has_plan",
    "goals",
    "smart_passed",
    "smart_total",
    "top_covered",
    "overdue_actions",
    "missing_roles",
    "stale_contacts",
    "todo",
)


@dataclass
class AccountPlanCover:
    """Every flagged key account of a client: the cover and the export."""

    as_of: pd.Timestamp
    settings: AccountPlanSettings
    #: one row per flagged key account, revenue descending then customer_id;
    #: columns :data:`COVER_COLUMNS` (top_covered None when no opportunity)
    accounts: pd.DataFrame
    results: dict[str, AccountPlanResult]
    #: plan files of customers that are not flagged key accounts
    unflagged_plans: list[str]
    window_start: pd.Timestamp
    window_end: pd.Timestamp
    currency: str = "EUR"


def flagged_accounts(portfolio: Any) -> list[str]:
    """Customer ids flagged as key accounts, revenue descending then customer_id."""
    pc = portfolio.customers
    flagged = pc[pc["is_key_account"].fillna(False).astype(bool)]
    flagged = flagged.sort_values(["revenue", "customer_id"], ascending=[False, True])
    return flagged["customer_id"].astype(str).tolist()


def analyse(client: Any, settings: AccountPlanSettings | None = None) -> AccountPlanCover:
    """Every flagged key account's plan (one portfolio run and one sales fold for all)."""
    from kamlib.analysis import portfolio as portfolio_mod

    settings = settings or client.config.account_plan
    portfolio = portfolio_mod.analyse(client)
    inputs = prepare(client, portfolio)
    ids = flagged_accounts(portfolio)
    results = {cid: compute(client, cid, settings, portfolio, inputs) for cid in ids}
    rows = []
    for cid, r in results.items():
        rows.append(
            {
                "customer_id": cid,
                "name": r.name,
                "revenue": r.dossier["revenue"],
                "zone": r.dossier["zone"],
                "has_plan": r.has_plan,
                "goals": len(r.goals),
                "smart_passed": int(r.goals["passed"].sum()) if len(r.goals) else 0,
                "smart_total": len(r.goals) * len(LETTERS),
                "top_covered": r.top_covered,
                "overdue_actions": len(r.overdue),
                "missing_roles": len(r.missing_roles) if r.has_contacts_table else None,
                "stale_contacts": len(r.stale_contacts),
                "todo": len(r.todo),
            }
        )
    accounts = pd.DataFrame(rows, columns=list(COVER_COLUMNS))
    unflagged = sorted(set(client.account_plans) - set(ids))
    return AccountPlanCover(
        as_of=inputs.as_of,
        settings=settings,
        accounts=accounts,
        results=results,
        unflagged_plans=unflagged,
        window_start=inputs.window_start,
        window_end=inputs.window_end,
        currency=client.config.currency,
    )


def export_frame(cover: AccountPlanCover) -> pd.DataFrame:
    """One row per goal of each flagged key account with a plan file (DESIGN.md columns).

    Sorted by customer_id, then the goals' order in the file; ``target`` as
    written when it is a number (else empty), ``due`` a date (NaT when none).
    """
    parts = []
    for cid in sorted(cover.results):
        r = cover.results[cid]
        if not r.has_plan or r.goals.empty:
            continue
        g = r.goals
        parts.append(
            pd.DataFrame(
                {
                    "customer_id": cid,
                    "name": r.name,
                    "goal": g["goal"].to_numpy(),
                    "metric": g["metric"].replace("", None).to_numpy(),
                    "target": [_number(v) for v in g["target"]],
                    "due": g["due"].to_numpy(),
                    **{x: g[x].astype(bool).to_numpy() for x in LETTERS},
                }
            )
        )
    if not parts:
        df = pd.DataFrame(columns=list(EXPORT_COLUMNS))
    else:
        df = pd.concat(parts, ignore_index=True)
    df["target"] = pd.to_numeric(df["target"]).astype(float)
    df["due"] = pd.to_datetime(df["due"])
    return df[list(EXPORT_COLUMNS)]


def export_table(cover: AccountPlanCover) -> tuple[pd.DataFrame, dict[str, str]]:
    """The ``account_plan`` export for ``kam export``: dates as ``YYYY-MM-DD`` text.

    Targets are written unrounded (a share target 0.55 and a money target
    250000 share one column). Returns the table and the Excel info sheet's context.
    """
    df = export_frame(cover)
    dates = pd.DatetimeIndex(df["due"])
    df["due"] = np.where(dates.isna(), None, dates.strftime("%Y-%m-%d"))
    info = {
        "as_of": cover.as_of.date().isoformat(),
        "window": f"{cover.window_start.date().isoformat()} – {cover.window_end.date().isoformat()}",
    }
    return df, info
