"""Strategic customer portfolio (METHODOLOGY.md section 1).

Entry points:

- ``analyse(client, settings=None) -> PortfolioResult`` = ``compute(prepare(client), settings)``.
- ``prepare(client) -> PortfolioInputs``: the heavy, once-per-client part
  (monthly revenue/margin matrix customer x month, first purchase, master
  data, ratings pivot). Pure: reads only the ``ClientData`` object.
- ``compute(inputs, settings) -> PortfolioResult``: the cheap part the
  workshop panel re-runs on every slider move (window, ABC, XYZ, criteria,
  scores, zones, key-account score, customer types, sensitivity, focus).

Rules (each pinned by a test in tests/analysis/):

- Sales lines dated after ``as_of`` are ignored. The window is the
  ``window_months`` calendar months ending with as_of's month.
- ABC / XYZ: see :mod:`kamlib.analysis.abc_xyz` (cut-offs, ties, "new").
- Criteria 0-100, weighted scores, zones, sensitivity: see
  :mod:`kamlib.analysis.scoring`. Ratings: when a customer was rated on a
  criterion in several rounds, the latest ``rated_on`` counts; several
  ratings of that latest round (several raters) are averaged. A rating for
  a data criterion (e.g. share_of_wallet) overrides the derived value.
- ``rated``: the customer has at least one workshop rating on a potential or
  attractiveness criterion.
- Scope (section 1a, ``settings.scope``): ``ab_ka_rated`` places A and B
  customers, flagged key accounts and every customer with at least one
  rating (any criterion); ``all`` places everybody. Out-of-scope customers
  get ``status == "out_of_scope"`` and are listed in ``out_of_scope``.
- Coverage: an in-scope customer is placed only when the criteria with a
  value carry >= ``min_coverage`` of each axis's normalised weight; the
  others get ``status == "to_rate"`` and are listed in ``to_rate`` (revenue
  descending). Placed customers without ratings are ``provisional``
  (``placement == "data"``). Unplaced customers keep ``zone == ""`` and stay
  in every table -- never dropped.
- Wallet gap as potential: the ``share_of_wallet`` criterion is the gap in
  money rated 1-5 by quintile among in-scope customers
  (:func:`kamlib.analysis.scoring.gap_quintile_rating`).
- Capacity: :func:`capacity_check` (zone sizes x ``visits_per_year`` vs.
  the visits of the last complete calendar year in ``activities``).
- Customer types (seed 002), a customer may carry several, joined with ";"
  in the fixed order breadwinner;prospect;image_maker;expert:
  breadwinner = window margin >= ``breadwinner_profit_share`` x total
  positive margin (revenue instead when the window has no margin data at
  all; ``breadwinner_basis`` says which); prospect = share of wallet <
  ``prospect_max_share_of_wallet`` and potential score >= split and ABC
  class not A and a large budget: annual demand x
  ``prospect_fair_share_of_wallet`` >= the smallest annualised revenue of
  an A customer (with a fair share it would be an A customer); image_maker / expert = rating of the configured criterion
  >= the configured minimum (1-5).
- Focus programs (seed 003, section 1a): among protect + develop customers, shortfall
  of a customer on a criterion = ``(100 - value) / 25`` (= 5 - rating for
  rated criteria, the same 0-4 scale for data criteria; for the
  share-of-wallet campaign the need is ``value / 25`` = wallet-gap rating - 1,
  because it targets an untapped wallet), weighted by
  ``potential_score / 100`` and summed. The criteria of
  :data:`~kamlib.analysis.recommendations.PROGRAM_KEYS` with the largest
  positive total become programs, at most ``programs.max_programs`` (<= 4),
  one per quarter starting with the quarter after as_of's quarter. Targets
  (see :func:`focus_programs`): shortfall >= 2, never a customer without
  revenue and without known potential, ranked by EUR opportunity (wallet gap
  x shortfall), at most ``programs.max_targets``, each with owner and EUR
  target. Program key = criterion id; ``action`` / ``kpi`` keys from
  :mod:`kamlib.analysis.recommendations`.
- Concentration and the Lorenz curve: :func:`kamlib.analysis.shares.revenue_concentration`
  on the customers with positive revenue (the base the overview uses).

Stable keys (texts in kamlib/messages/<lang>/portfolio.yaml): ABC-XYZ fields
"AX".."CZ" plus "new"/"no_revenue"; zones protect/develop/maintain/withdraw;
programs = criterion ids (share_of_wallet, growth, decision_access,
processes, chemistry, strategy, margin_quality, payment_behaviour);
customer types breadwinner/prospect/image_maker/expert. See
:mod:`kamlib.analysis.recommendations`.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from kamlib.analysis import scoring
from kamlib.analysis.abc_xyz import EPS, NEW, abc_classes, month_index, month_start, xyz_classes
from kamlib.analysis.recommendations import (
    CUSTOMER_TYPES,
    MATRIX_FIELDS,
    OPPORTUNITY_PROGRAMS,
    PROGRAM_ACTIONS,
    PROGRAM_KEYS,
    PROGRAM_KPIS,
)
from kamlib.analysis.shares import Concentration, revenue_concentration
from kamlib.config import (
    PortfolioSettings,
)

#: stable zone keys in display order
ZONES = scoring.ZONES
#: ABC-XYZ fields in display order
ABC = ("A", "B", "C")
XYZ = ("X", "Y", "Z")

#: criteria computed from sales / master data (all others come from ratings)
DATA_CRITERIA = ("share_of_wallet", "growth", "margin_quality", "revenue", "margin")


@dataclass
class PortfolioResult:
    """Result of the portfolio analysis. Shares are fractions 0-1, scores 0-100.

    ``customers`` — one row per master customer, sorted by revenue descending
    then customer_id; columns (at least): customer_id, customer_name, industry,
    region, is_key_account (bool), revenue, contribution_margin, value (the ABC
    basis), revenue_share, cumulative_share (incl. the customer),
    cum_before_share, abc_class (A/B/C), xyz_class (X/Y/Z/new/""), cv,
    cv_months, order_month_share, potential_score, attractiveness_score,
    zone (protect/develop/maintain/withdraw), rated (bool: has workshop
    ratings), ka_score, ka_recommended (bool), customer_type (";"-joined keys
    of breadwinner/prospect/image_maker/expert, "" if none), potential (annual
    demand, money), share_of_wallet, wallet_gap (money), growth (relative
    revenue trend), margin_ratio, and one ``crit_<criterion>`` column (0-100)
    per potential/attractiveness/key-account criterion used.

    Additional columns: account_manager (if in the master), value_share
    (share of the ABC basis), abc_rank (1 = largest value), history_months,
    first_purchase (first day of the first purchase month, NaT if none),
    previous_revenue (the equally long period before the window), placement
    ("ratings" / "data" / ""), ka_rank, matrix_field ("AX".."CZ", "new",
    "no_revenue"), one bool column per customer type (``type_breadwinner``
    ...), and ``rating_<criterion>`` (raw 1-5) for the customer-type criteria.
    """

    as_of: pd.Timestamp
    window_start: pd.Timestamp  # first day of the window
    window_end: pd.Timestamp  # last day of as_of's month
    settings: PortfolioSettings
    customers: pd.DataFrame
    #: per ABC class: customers, customer_share, revenue, revenue_share, value, value_share
    abc_summary: pd.DataFrame
    #: long table, 9 rows (abc, xyz): customers, revenue, revenue_share, recommendation key
    matrix: pd.DataFrame
    #: rows "new" and "no_revenue": customers, revenue, revenue_share
    matrix_extra: pd.DataFrame
    #: Lorenz/Pareto curve: customer_share, cumulative revenue_share (starts at 0,0)
    lorenz: pd.DataFrame
    #: per zone: customers, revenue, revenue_share, key_accounts, mean scores
    zones: pd.DataFrame
    #: customers with ka_score, ranked, with rank and qualifies columns
    ka_ranking: pd.DataFrame
    ka_not_flagged: pd.DataFrame  # qualifies but not flagged as key account
    ka_flagged_not_qualified: pd.DataFrame  # flagged but below the cut line
    #: per (axis, criterion, direction): weight, new_weight, changed_share
    sensitivity: pd.DataFrame
    #: share of customers whose zone is stable under every single change
    robust_share: float
    #: one row per program: quarter, criterion, program key, shortfall, customer_ids (list)
    focus_programs: pd.DataFrame
    #: normalised weights actually used, per axis
    weights: dict[str, dict[str, float]]
    #: number of customers placed from data-derived criteria only (no ratings)
    unrated_customers: int
    #: customers without any criterion on an axis: zone "" (shown, not dropped)
    unplaced_customers: int = 0
    #: "margin" or "revenue": what the breadwinner rule was based on
    breadwinner_basis: str = "margin"
    #: number of months in the window (settings.window_months)
    window_months: int = 12
    #: portfolio contribution margin ratio (margin / revenue, fraction; NaN without margins)
    portfolio_margin_ratio: float = float("nan")
    #: False when the data do not cover the period before the window (growth missing)
    growth_available: bool = True
    #: criteria used per axis whose values exist for nobody (e.g. no ratings file)
    missing_criteria: dict[str, list[str]] = field(default_factory=dict)
    #: customers outside the scope rule (``settings.scope``), not placed
    out_of_scope_customers: int = 0
    #: those customers: customer_id, customer_name, abc_class, revenue (revenue descending)
    out_of_scope: pd.DataFrame = field(default_factory=pd.DataFrame)
    #: in-scope customers below the coverage rule, ranked by revenue descending:
    #: customer_id, customer_name, account_manager, revenue, abc_class,
    #: is_key_account, coverage_potential, coverage_attractiveness
    to_rate: pd.DataFrame = field(default_factory=pd.DataFrame)
    #: placed from data-derived criteria alone (same number as ``unrated_customers``)
    provisional_customers: int = 0
    #: capacity check of the zones' visit plan against last year's visits
    capacity: CapacityCheck | None = None
    #: one row per (program, target): program (criterion id), action, quarter, rank,
    #: customer_id, customer_name, owner, revenue, wallet_gap, shortfall,
    #: opportunity (wallet gap x shortfall), target_eur
    program_targets: pd.DataFrame = field(default_factory=pd.DataFrame)
    #: concentration on the one shared base (customers with positive revenue)
    concentration: Concentration | None = None


@dataclass
class CapacityCheck:
    """Required visits of the zones' visit plan against the visits actually made.

    ``zones``: one row per zone with customers, visits_per_year, required.
    ``year``: the last complete calendar year before as_of (as_of's own year
    when as_of is 31 December); ``actual``: visits of all customers in
    ``activities`` that year (NaN without activities for that year, then
    ``available`` is False and ``over`` False). ``over``: required > actual x
    (1 + tolerance). When over: ``excess`` = required - actual visits (the
    capacity to add), ``trim_zone`` = the zone with the largest visit load,
    ``trim_customers`` = customers to take out of that zone's visit plan to
    fit, ``fitting_frequency`` = the largest whole number of visits a year for
    the trim zone's customers that fits (0 if none).
    """

    year: int
    required: float
    actual: float
    available: bool
    over: bool
    ratio: float  # required / actual (NaN without actual visits)
    tolerance: float
    zones: pd.DataFrame
    excess: float = 0.0
    trim_zone: str = ""
    trim_customers: int = 0
    fitting_frequency: float = float("nan")


@dataclass
class PortfolioInputs:
    """Aggregated client data the portfolio computation needs (built by :func:`prepare`).

    Matrices are customers (master order) x months; column ``j`` is month
    index ``first_month + j``; the last column is as_of's month. Money in the
    client currency.
    """

    as_of: pd.Timestamp
    as_of_month: int
    #: month index of column 0 (earliest sales month of master customers)
    first_month: int
    #: master data: customer_id, customer_name, industry, region, is_key_account,
    #: potential, account_manager (if present) — master order
    master: pd.DataFrame
    revenue: np.ndarray  # monthly net revenue
    margin: np.ndarray  # monthly contribution margin (missing margins count 0)
    lines: np.ndarray  # invoice lines per month
    margin_lines: np.ndarray  # invoice lines with a margin per month
    #: month index of the first purchase (positive line) on or before as_of, NaN if none
    first_purchase: np.ndarray
    #: customers (master order, index customer_id) x criterion: mean rating 1-5 of the latest round
    ratings: pd.DataFrame
    #: visits per calendar year (index year) of master customers in ``activities``
    visits: pd.Series = field(default_factory=lambda: pd.Series(dtype=float))


# ---------------------------------------------------------------------------
# prepare


def _bool_column(values: pd.Series) -> pd.Series:
    """Key-account flags from bools or common spellings (ja/yes/x/1)."""
    if values.dtype == bool:
        return values
    text = values.astype("string").str.strip().str.lower()
    return (
        text.isin(["true", "1", "1.0", "yes", "ja", "y", "j", "x", "wahr"])
        .fillna(False)
        .astype(bool)
    )


def _ratings_pivot(ratings: pd.DataFrame | None, ids: pd.Index) -> pd.DataFrame:
    """Customer x criterion mean rating (1-5) of the latest rating round."""
    if ratings is None or ratings.empty:
        return pd.DataFrame(index=ids)
    r = ratings[["customer_id", "criterion", "rating"]].copy()
    r["customer_id"] = r["customer_id"].astype(str)
    r["criterion"] = r["criterion"].astype(str)
    r["rating"] = pd.to_numeric(r["rating"], errors="coerce")
    if "rated_on" in ratings:
        # latest round per customer and criterion; undated rows count as oldest
        day = pd.to_datetime(ratings["rated_on"], errors="coerce")
        r["_day"] = day.fillna(pd.Timestamp("1900-01-01")).to_numpy()
        latest = r.groupby(["customer_id", "criterion"])["_day"].transform("max")
        r = r[r["_day"] == latest]
    r = r.dropna(subset=["rating"])
    pivot = r.pivot_table(index="customer_id", columns="criterion", values="rating", aggfunc="mean")
    pivot.columns = [str(c) for c in pivot.columns]
    return pivot.reindex(ids)


def ratings_pivot(ratings: pd.DataFrame | None, ids: pd.Index) -> pd.DataFrame:
    """Customer x criterion mean rating (1-5) of the latest rating round, rows in ``ids`` order.

    Public for other modules that read ``ratings`` with the same round rule.
    """
    return _ratings_pivot(ratings, ids)


def prepare(client) -> PortfolioInputs:
    """Aggregate a loaded client (``ClientData``) once for :func:`compute`."""
    as_of = pd.Timestamp(client.as_of).normalize()
    as_of_month = int(month_index(np.array([as_of.to_datetime64()]))[0])
    cust = client.customers
    ids = pd.Index(cust["customer_id"].astype(str), name="customer_id")
    master = pd.DataFrame({"customer_id": ids.to_numpy(dtype=object)})
    names = (
        cust["name"]
        if "name" in cust
        else cust.get("customer_name", pd.Series("", index=cust.index))
    )
    master["customer_name"] = names.astype(object).where(names.notna(), "").to_numpy()
    for col in ("industry", "region", "account_manager"):
        if col in cust:
            master[col] = cust[col].astype(object).where(cust[col].notna(), "").to_numpy()
        elif col != "account_manager":
            master[col] = ""
    ka = cust["is_key_account"] if "is_key_account" in cust else pd.Series(False, index=cust.index)
    master["is_key_account"] = _bool_column(ka).to_numpy()
    pot = cust["potential"] if "potential" in cust else pd.Series(np.nan, index=cust.index)
    master["potential"] = pd.to_numeric(pot, errors="coerce").to_numpy(dtype=float)

    sales = client.sales
    dates = sales["date"].to_numpy(dtype="datetime64[ns]")
    keep = dates <= as_of.to_datetime64() + np.timedelta64(1, "D") - np.timedelta64(1, "ns")
    code = ids.get_indexer(sales["customer_id"].astype(str))
    keep &= code >= 0  # unknown customers are reported by the data layer
    code = code[keep]
    months = month_index(dates[keep])
    rev = sales["net_revenue"].to_numpy(dtype=float)[keep]
    mar = (
        sales["contribution_margin"].to_numpy(dtype=float)[keep]
        if "contribution_margin" in sales
        else np.full(len(rev), np.nan)
    )
    n = len(ids)
    first_month = int(months.min()) if len(months) else as_of_month
    first_month = min(first_month, as_of_month)
    m = as_of_month - first_month + 1
    flat = code * m + (months - first_month)
    size = n * m

    def _bin(weights: np.ndarray | None) -> np.ndarray:
        return np.bincount(flat, weights=weights, minlength=size).reshape(n, m).astype(float)

    has_margin = ~np.isnan(mar)
    revenue = _bin(np.nan_to_num(rev))
    margin = _bin(np.where(has_margin, mar, 0.0))
    lines = _bin(None)
    margin_lines = _bin(has_margin.astype(float))
    # first purchase = first month (<= as_of) with an invoice line of positive revenue
    has_order = _bin((rev > 0).astype(float)) > 0
    first = np.where(has_order.any(axis=1), has_order.argmax(axis=1) + first_month, np.nan)
    return PortfolioInputs(
        as_of=as_of,
        as_of_month=as_of_month,
        first_month=first_month,
        master=master,
        revenue=revenue,
        margin=margin,
        lines=lines,
        margin_lines=margin_lines,
        first_purchase=first,
        ratings=_ratings_pivot(client.ratings, ids),
        visits=_visits_by_year(getattr(client, "activities", None), ids),
    )


def _visits_by_year(activities: pd.DataFrame | None, ids: pd.Index) -> pd.Series:
    """Sum of ``visits`` per calendar year over the master customers (empty if none)."""
    if activities is None or activities.empty or "visits" not in activities:
        return pd.Series(dtype=float)
    a = activities[activities["customer_id"].astype(str).isin(ids)]
    visits = pd.to_numeric(a["visits"], errors="coerce")
    year = pd.to_numeric(a["year"], errors="coerce")
    ok = visits.notna() & year.notna()
    return visits[ok].groupby(year[ok].astype(int)).sum().astype(float)


# ---------------------------------------------------------------------------
# compute


def _window(mat: np.ndarray, first_month: int, start: int, end: int) -> np.ndarray:
    """Columns for month indices start..end (inclusive), zero-padded outside the data."""
    n, m = mat.shape
    width = end - start + 1
    out = np.zeros((n, width))
    lo = max(start, first_month)
    hi = min(end, first_month + m - 1)
    if hi >= lo:
        out[:, lo - start : hi - start + 1] = mat[:, lo - first_month : hi - first_month + 1]
    return out


#: public name of :func:`_window` (the C-customer analysis uses the same window rule)
window_columns = _window


def _criteria_frame(
    inputs: PortfolioInputs,
    needed: list[str],
    data_values: dict[str, np.ndarray],
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """0-100 values per criterion (data-derived, overridden by ratings) and the rating part."""
    n = len(inputs.master)
    rated = pd.DataFrame(index=range(n))
    values = pd.DataFrame(index=range(n))
    for crit in needed:
        r = (
            scoring.rating_to_score(inputs.ratings[crit].to_numpy(dtype=float))
            if crit in inputs.ratings
            else np.full(n, np.nan)
        )
        rated[crit] = r
        d = data_values.get(crit)
        values[crit] = np.where(np.isnan(r), d, r) if d is not None else r
    return values, rated


def _focus_quarters(as_of: pd.Timestamp, count: int) -> list[tuple[str, pd.Timestamp]]:
    """The ``count`` quarters following as_of's quarter as ("2026-Q3", start date)."""
    q = pd.Period(as_of, freq="Q")
    out = []
    for i in range(1, count + 1):
        p = q + i
        out.append((f"{p.year}-Q{p.quarter}", p.start_time.normalize()))
    return out


def focus_programs(
    customers: pd.DataFrame,
    criteria: list[str],
    count: int,
    as_of: pd.Timestamp,
    max_targets: int = 15,
    target_share: float = 1 / 3,
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Focus programs that can be run, and their named targets (sections 1 and 1a).

    ``customers`` needs customer_id, zone, potential_score, revenue,
    potential, wallet_gap and ``crit_<criterion>`` for each of ``criteria``
    (account_manager and customer_name when present). Programs: see the
    module docstring (largest potential-weighted shortfall among protect +
    develop, at most ``count``, one per quarter). Targets of a program: the
    protect/develop customers with a shortfall >= 2 on its criterion, except
    customers without revenue in the window and without a known potential;
    ranked by EUR opportunity = wallet gap (0 when unknown) x shortfall, then
    revenue descending, then id; at most ``max_targets``. Each target carries
    its account manager as ``owner`` and ``target_eur`` = ``target_share`` x
    wallet gap (rounded to cents; NaN when the gap is unknown).

    Returns ``(programs, targets)``. ``programs`` columns: quarter,
    quarter_start, criterion, program (message key), action, kpi, shortfall,
    customers (= number of named targets), candidates (eligible customers
    before the cut), customer_ids (targets, ranked), opportunity and
    target_eur (sums over the targets). ``targets``: see
    :attr:`PortfolioResult.program_targets`.
    """
    cols = [
        "quarter",
        "quarter_start",
        "criterion",
        "program",
        "action",
        "kpi",
        "shortfall",
        "customers",
        "candidates",
        "customer_ids",
        "opportunity",
        "target_eur",
    ]
    target_cols = [
        "program",
        "action",
        "quarter",
        "rank",
        "customer_id",
        "customer_name",
        "owner",
        "revenue",
        "wallet_gap",
        "shortfall",
        "opportunity",
        "target_eur",
    ]
    high = customers[customers["zone"].isin(["protect", "develop"])]
    weight = high["potential_score"].to_numpy(dtype=float) / 100.0
    revenue = np.round(high["revenue"].to_numpy(dtype=float), 2)
    potential = high["potential"].to_numpy(dtype=float)
    eligible = (revenue > 0) | (potential > 0)
    gap = high["wallet_gap"].to_numpy(dtype=float)
    totals = {}
    short = {}
    for crit in criteria:
        col = f"crit_{crit}"
        if col not in high:
            continue
        value = high[col].to_numpy(dtype=float)
        # weakness programs fix a low value; opportunity programs (an untapped
        # wallet) target a high one
        s = value / 25.0 if crit in OPPORTUNITY_PROGRAMS else (100.0 - value) / 25.0
        short[crit] = s
        totals[crit] = float(np.nansum(s * weight))
    ranked = sorted((c for c in totals if totals[c] > EPS), key=lambda c: (-totals[c], c))
    owners = (
        high["account_manager"].astype(object).where(high["account_manager"].notna(), "")
        if "account_manager" in high
        else pd.Series("", index=high.index, dtype=object)
    )
    names = high["customer_name"] if "customer_name" in high else high["customer_id"]
    rows, target_frames = [], []
    for crit in ranked:
        if len(rows) >= count:
            break
        mask = (short[crit] >= 2.0 - EPS) & eligible
        if not mask.any():
            continue
        t = pd.DataFrame(
            {
                "customer_id": high["customer_id"].to_numpy()[mask].astype(str),
                "customer_name": names.to_numpy()[mask],
                "owner": owners.to_numpy()[mask],
                "revenue": high["revenue"].to_numpy(dtype=float)[mask],
                "wallet_gap": gap[mask],
                "shortfall": short[crit][mask],
            }
        )
        t["opportunity"] = np.round(np.nan_to_num(t["wallet_gap"], nan=0.0) * t["shortfall"], 2)
        t = t.sort_values(
            ["opportunity", "revenue", "customer_id"],
            ascending=[False, False, True],
            kind="mergesort",
        )
        candidates = len(t)
        t = t.head(max_targets).reset_index(drop=True)
        t["target_eur"] = np.round(t["wallet_gap"] * target_share, 2)
        t.insert(0, "rank", np.arange(1, len(t) + 1))
        t.insert(0, "action", PROGRAM_ACTIONS.get(crit, crit))
        t.insert(0, "program", crit)
        target_frames.append(t)
        rows.append(
            {
                "criterion": crit,
                "program": f"portfolio.program.{crit}",
                "action": PROGRAM_ACTIONS.get(crit, crit),
                "kpi": PROGRAM_KPIS.get(crit, crit),
                "shortfall": totals[crit],
                "customers": len(t),
                "candidates": candidates,
                "customer_ids": t["customer_id"].tolist(),
                "opportunity": float(t["opportunity"].sum()),
                "target_eur": float(t["target_eur"].sum(min_count=1)),
            }
        )
    quarters = _focus_quarters(as_of, len(rows))
    for row, frame, (quarter, start) in zip(rows, target_frames, quarters, strict=True):
        row["quarter"] = quarter
        row["quarter_start"] = start
        frame.insert(2, "quarter", quarter)
    targets = (
        pd.concat(target_frames, ignore_index=True)[target_cols]
        if target_frames
        else pd.DataFrame(columns=target_cols)
    )
    return pd.DataFrame(rows, columns=cols), targets


def last_complete_year(as_of: pd.Timestamp) -> int:
    """The last complete calendar year on ``as_of`` (as_of's year on 31 December)."""
    as_of = pd.Timestamp(as_of)
    return as_of.year if (as_of.month, as_of.day) == (12, 31) else as_of.year - 1


def capacity_check(
    zone_sizes: dict[str, int],
    visits_per_year: dict[str, float],
    visits: pd.Series,
    as_of: pd.Timestamp,
    tolerance: float = 0.20,
) -> CapacityCheck:
    """Required visits (sum of zone size x visits per year) against last year's visits.

    See :class:`CapacityCheck`. ``visits``: visits per calendar year (index year).
    """
    year = last_complete_year(as_of)
    zones = pd.DataFrame(
        {
            "zone": list(ZONES),
            "customers": [int(zone_sizes.get(z, 0)) for z in ZONES],
            "visits_per_year": [float(visits_per_year[z]) for z in ZONES],
        }
    )
    zones["required"] = zones["customers"] * zones["visits_per_year"]
    required = float(zones["required"].sum())
    available = year in visits.index
    actual = float(visits.loc[year]) if available else float("nan")
    ratio = required / actual if available and actual > 0 else float("nan")
    over = bool(available and required > actual * (1.0 + tolerance) + EPS)
    check = CapacityCheck(
        year=year,
        required=required,
        actual=actual,
        available=bool(available),
        over=over,
        ratio=ratio,
        tolerance=tolerance,
        zones=zones,
    )
    if over:
        excess = required - actual
        load = zones.set_index("zone")["required"]
        trim = str(load.idxmax())  # first zone in display order on a tie
        size = int(zones.set_index("zone").loc[trim, "customers"])
        freq = float(zones.set_index("zone").loc[trim, "visits_per_year"])
        check.excess = excess
        check.trim_zone = trim
        check.trim_customers = min(size, int(np.ceil(excess / freq - EPS)))
        room = actual - (required - load[trim])
        check.fitting_frequency = float(max(0, np.floor(room / size + EPS))) if size else 0.0
    return check


@dataclass
class _WindowSums:
    """Per-customer sums of one window (master order) and the period before it."""

    start: int  # month index of the window's first month
    end: int  # month index of as_of's month
    monthly: np.ndarray  # customer x month revenue inside the window
    revenue: np.ndarray
    margin: np.ndarray  # NaN when the customer has lines but none carries a margin
    previous: np.ndarray  # revenue of the equally long period before the window
    growth_available: bool  # the data cover the whole previous period

    @property
    def total_revenue(self) -> float:
        """Sum of positive customer revenues (the base of every revenue share)."""
        return np.clip(self.revenue, 0, None).sum()


def _window_sums(inputs: PortfolioInputs, window_months: int) -> _WindowSums:
    """Revenue, margin and previous-period revenue of the window ending at as_of's month."""
    wm = window_months
    end = inputs.as_of_month
    start = end - wm + 1
    rev_w = _window(inputs.revenue, inputs.first_month, start, end)
    mar_w = _window(inputs.margin, inputs.first_month, start, end).sum(axis=1)
    lines_w = _window(inputs.lines, inputs.first_month, start, end).sum(axis=1)
    mlines_w = _window(inputs.margin_lines, inputs.first_month, start, end).sum(axis=1)
    revenue = rev_w.sum(axis=1)
    # a margin is "missing" when the customer has lines in the window but none carries a margin
    margin = np.where((lines_w > 0) & (mlines_w == 0), np.nan, mar_w)
    prev = _window(inputs.revenue, inputs.first_month, start - wm, start - 1).sum(axis=1)
    return _WindowSums(
        start=start,
        end=end,
        monthly=rev_w,
        revenue=revenue,
        margin=margin,
        previous=prev,
        # growth needs the whole previous period inside the data
        growth_available=inputs.first_month <= start - wm,
    )


def _classified(
    inputs: PortfolioInputs, settings: PortfolioSettings, w: _WindowSums
) -> pd.DataFrame:
    """Master data plus window figures, ABC, XYZ and ABC-XYZ field (master order)."""
    master = inputs.master
    revenue, margin = w.revenue, w.margin
    df = master.copy()
    df["revenue"] = revenue
    df["contribution_margin"] = margin
    with np.errstate(invalid="ignore", divide="ignore"):
        df["margin_ratio"] = np.where((revenue > 0) & ~np.isnan(margin), margin / revenue, np.nan)
    pos_rev = np.clip(revenue, 0, None)
    total_rev = w.total_revenue
    df["revenue_share"] = pos_rev / total_rev if total_rev > 0 else 0.0
    value = revenue if settings.abc.basis == "revenue" else np.nan_to_num(margin, nan=0.0)
    df["value"] = value
    abc = abc_classes(master["customer_id"].to_numpy(), value, tuple(settings.abc.cutoffs))
    for col in abc.columns:
        df[col] = abc[col].to_numpy()

    xyz = xyz_classes(
        w.monthly,
        inputs.first_purchase,
        w.start,
        w.end,
        method=settings.xyz.method,
        cutoffs=tuple(settings.xyz.cutoffs),
        frequency_cutoffs=tuple(settings.xyz.frequency_cutoffs),
        min_history_months=settings.xyz.min_history_months,
    )
    for col in xyz.columns:
        df[col] = xyz[col].to_numpy()
    df["first_purchase"] = _month_starts(inputs.first_purchase)
    df["matrix_field"] = np.where(
        df["xyz_class"] == "",
        "no_revenue",
        np.where(df["xyz_class"] == NEW, "new", df["abc_class"] + df["xyz_class"]),
    )
    return df


def _data_criteria(
    df: pd.DataFrame, w: _WindowSums, window_months: int, in_scope: np.ndarray
) -> dict[str, np.ndarray]:
    """Add share_of_wallet, wallet_gap, wallet_gap_rating, previous_revenue and growth
    to ``df``; return the data-derived criteria (0-100) by criterion id.

    The ``share_of_wallet`` criterion is the wallet gap in money rated 1-5 by
    quintile among the in-scope customers (:func:`scoring.gap_quintile_rating`);
    the share of wallet itself stays a column."""
    revenue, margin = w.revenue, w.margin
    annualise = 12.0 / window_months
    potential = df["potential"].to_numpy(dtype=float)
    sow = scoring.share_of_wallet(revenue, potential, annualise=annualise)
    df["share_of_wallet"] = sow
    with np.errstate(invalid="ignore"):
        df["wallet_gap"] = np.where(
            potential > 0,
            np.clip(potential - np.clip(revenue, 0, None) * 12.0 / window_months, 0, None),
            np.nan,
        )
    growth = scoring.growth_rate(revenue, w.previous, comparable=w.growth_available)
    df["previous_revenue"] = w.previous
    df["growth"] = growth
    gap_rating = scoring.gap_quintile_rating(
        df["wallet_gap"].to_numpy(dtype=float), df["customer_id"].to_numpy(), in_scope
    )
    df["wallet_gap_rating"] = gap_rating
    return {
        "share_of_wallet": scoring.rating_to_score(gap_rating),
        "growth": scoring.growth_criterion(growth),
        "margin_quality": scoring.margin_quality_criterion(
            df["margin_ratio"].to_numpy(), _portfolio_margin_ratio(w)
        ),
        "revenue": scoring.pareto_criterion(revenue),
        "margin": scoring.pareto_criterion(margin),
    }


def _portfolio_margin_ratio(w: _WindowSums) -> float:
    """Margin / revenue over the customers with revenue and a margin (NaN if none)."""
    both = (w.revenue > 0) & ~np.isnan(w.margin)
    if both.any() and w.revenue[both].sum() > 0:
        return float(w.margin[both].sum() / w.revenue[both].sum())
    return float("nan")


def in_scope(df: pd.DataFrame, has_rating: np.ndarray, scope: str) -> np.ndarray:
    """Customers the matrix places (section 1a): A and B customers, flagged key
    accounts and every customer with at least one workshop rating
    (``ab_ka_rated``), or everybody (``all``)."""
    if scope == "all":
        return np.ones(len(df), dtype=bool)
    return (
        df["abc_class"].isin(["A", "B"]).to_numpy()
        | df["is_key_account"].to_numpy(dtype=bool)
        | np.asarray(has_rating, dtype=bool)
    )


def axis_coverage(crit: pd.DataFrame, weights: dict[str, float]) -> np.ndarray:
    """Share (0-1) of the axis's normalised weight carried by criteria with a value."""
    norm = scoring.normalise(weights)
    cov = np.zeros(len(crit))
    for c, wt in norm.items():
        if wt > 0 and c in crit:
            cov += wt * crit[c].notna().to_numpy()
    return cov


def _place(
    df: pd.DataFrame,
    crit: pd.DataFrame,
    rated_part: pd.DataFrame,
    w_pot: dict[str, float],
    w_att: dict[str, float],
    settings: PortfolioSettings,
    scope: np.ndarray,
) -> tuple[np.ndarray, np.ndarray]:
    """Add scores, coverage, zone, rated, placement, status and provisional columns;
    return (placed, rated) masks.

    Scores are computed for every customer; the zone only for the placed ones:
    in scope and, on each axis, criteria with a value carry at least
    ``min_coverage`` of the weight. ``status``: placed / to_rate (in scope,
    coverage too low) / out_of_scope. ``provisional``: placed from
    data-derived criteria alone."""
    pot_score = scoring.weighted_score(crit, scoring.normalise(w_pot))
    att_score = scoring.weighted_score(crit, scoring.normalise(w_att))
    df["potential_score"] = pot_score
    df["attractiveness_score"] = att_score
    cov_p = axis_coverage(crit, w_pot)
    cov_a = axis_coverage(crit, w_att)
    df["coverage_potential"] = cov_p
    df["coverage_attractiveness"] = cov_a
    minimum = settings.min_coverage - EPS
    covered = (cov_p >= minimum) & (cov_a >= minimum) & ~np.isnan(pot_score) & ~np.isnan(att_score)
    placed = scope & covered
    split = settings.zone_split
    zone = scoring.assign_zones(pot_score, att_score, split.potential, split.attractiveness)
    df["zone"] = np.where(placed, zone, "").astype(object)
    axis_crits = [
        c for c in dict.fromkeys([*w_pot, *w_att]) if (w_pot.get(c, 0) + w_att.get(c, 0)) > 0
    ]
    rated = (
        rated_part[axis_crits].notna().any(axis=1).to_numpy()
        if axis_crits
        else np.zeros(len(df), bool)
    )
    df["rated"] = rated
    df["in_scope"] = scope
    df["placement"] = np.where(placed, np.where(rated, "ratings", "data"), "")
    df["status"] = np.where(placed, "placed", np.where(scope, "to_rate", "out_of_scope"))
    df["provisional"] = placed & ~rated
    return placed, rated


def _customer_types(
    df: pd.DataFrame, inputs: PortfolioInputs, settings: PortfolioSettings, w: _WindowSums
) -> str:
    """Add the customer-type columns (see the module docstring); return the breadwinner basis."""
    n = len(df)
    ct = settings.customer_types
    revenue, margin = w.revenue, w.margin
    potential = df["potential"].to_numpy(dtype=float)
    sow = df["share_of_wallet"].to_numpy()
    pot_score = df["potential_score"].to_numpy()
    # smallest annualised revenue of an A customer: the "large budget" bar for prospects
    a_revenue = revenue[(df["abc_class"].to_numpy() == "A")] * (12.0 / settings.window_months)
    a_threshold = float(a_revenue.min()) if a_revenue.size else np.inf
    pos_margin = np.clip(np.nan_to_num(margin, nan=0.0), 0, None).sum()
    if np.isnan(margin).all() or pos_margin <= 0:
        basis, bw_val, bw_total = "revenue", revenue, w.total_revenue
    else:
        basis, bw_val, bw_total = "margin", margin, pos_margin
    with np.errstate(invalid="ignore"):
        types = {
            "breadwinner": (bw_total > 0)
            & (
                np.nan_to_num(bw_val, nan=-np.inf)
                >= ct.breadwinner_profit_share * bw_total * (1 - EPS)
            ),
            "prospect": (np.nan_to_num(sow, nan=np.inf) < ct.prospect_max_share_of_wallet)
            & (np.nan_to_num(pot_score, nan=-np.inf) >= settings.zone_split.potential - EPS)
            & (df["abc_class"].to_numpy() != "A")
            & (
                np.nan_to_num(potential * ct.prospect_fair_share_of_wallet, nan=-np.inf)
                >= a_threshold * (1 - EPS)
            ),
            "image_maker": _rating(inputs, ct.image_maker_criterion)
            >= ct.image_maker_min_rating - EPS,
            "expert": _rating(inputs, ct.expert_criterion) >= ct.expert_min_rating - EPS,
        }
    labels = np.full(n, "", dtype=object)
    for key in CUSTOMER_TYPES:
        df[f"type_{key}"] = types[key]
        labels = np.where(types[key], np.where(labels == "", key, labels + ";" + key), labels)
    df["customer_type"] = labels
    # a fixed column order (iterating a set would follow the process's string hashing)
    for c in dict.fromkeys((ct.image_maker_criterion, ct.expert_criterion)):
        df[f"rating_{c}"] = _rating(inputs, c)
    return basis


def _sorted_and_ranked(df: pd.DataFrame) -> pd.DataFrame:
    """Rows by revenue descending then id, with ``ka_rank``; ``_pos`` keeps the master position."""
    n = len(df)
    df = df.assign(_pos=np.arange(n))  # to map per-customer arrays after sorting
    df = df.sort_values(["revenue", "customer_id"], ascending=[False, True], kind="mergesort")
    df = df.reset_index(drop=True)
    ka_order = df.sort_values(
        ["ka_score", "customer_id"], ascending=[False, True], na_position="last", kind="mergesort"
    )
    ka_rank = pd.Series(np.arange(1, n + 1, dtype=float), index=ka_order.index)
    df["ka_rank"] = ka_rank.where(df["ka_score"].notna())
    df["is_key_account"] = df["is_key_account"].astype(bool)
    df["ka_recommended"] = df["ka_recommended"].astype(bool)
    df["rated"] = df["rated"].astype(bool)
    return df


def _ka_ranking(df: pd.DataFrame, cut_score: float) -> pd.DataFrame:
    """Customers with a key-account score in rank order, with ``rank`` and ``qualifies``."""
    ranking_cols = [
        "ka_rank",
        "customer_id",
        "customer_name",
        "ka_score",
        "is_key_account",
        "revenue",
        "abc_class",
        "zone",
        "customer_type",
    ]
    ranking = df.loc[df["ka_score"].notna()].sort_values("ka_rank")[ranking_cols].copy()
    ranking = ranking.rename(columns={"ka_rank": "rank"})
    ranking["rank"] = ranking["rank"].astype(int)
    ranking["qualifies"] = (ranking["ka_score"] >= cut_score - EPS).to_numpy()
    return ranking.reset_index(drop=True)


def compute(inputs: PortfolioInputs, settings: PortfolioSettings | None = None) -> PortfolioResult:
    """Portfolio result from prepared inputs; cheap enough for live widgets."""
    settings = settings or PortfolioSettings()
    wm = settings.window_months
    w = _window_sums(inputs, wm)
    total_rev = w.total_revenue
    df = _classified(inputs, settings, w)
    has_rating = (
        inputs.ratings.notna().any(axis=1).to_numpy()
        if inputs.ratings.shape[1]
        else (np.zeros(len(df), dtype=bool))
    )
    scope = in_scope(df, has_rating, settings.scope)
    data_values = _data_criteria(df, w, wm, scope)

    w_pot = {k: v for k, v in settings.potential.items()}
    w_att = {k: v for k, v in settings.attractiveness.items()}
    w_ka = dict(settings.key_account.weights)
    needed = list(dict.fromkeys([*w_pot, *w_att, *w_ka]))
    crit, rated_part = _criteria_frame(inputs, needed, data_values)
    for c in needed:
        df[f"crit_{c}"] = crit[c].to_numpy()
    placed, rated = _place(df, crit, rated_part, w_pot, w_att, settings, scope)

    ka_score = scoring.weighted_score(crit, scoring.normalise(w_ka))
    df["ka_score"] = ka_score
    df["ka_recommended"] = ka_score >= settings.key_account.cut_score - EPS
    basis = _customer_types(df, inputs, settings, w)
    df = _sorted_and_ranked(df)

    split = settings.zone_split
    sens, stable = scoring.weight_sensitivity(
        {"potential": (crit, w_pot), "attractiveness": (crit, w_att)},
        {"potential": split.potential, "attractiveness": split.attractiveness},
        settings.sensitivity_step,
        placed=placed,
    )
    df["zone_robust"] = stable[df["_pos"].to_numpy()]
    df = df.drop(columns="_pos")
    ranking = _ka_ranking(df, settings.key_account.cut_score)
    programs, targets = focus_programs(
        df,
        [c for c in PROGRAM_KEYS if c in w_pot or c in w_att],
        settings.programs.max_programs,
        inputs.as_of,
        max_targets=settings.programs.max_targets,
        target_share=settings.programs.target_share_of_gap,
    )
    zones = _zone_table(df, total_rev)
    capacity = capacity_check(
        dict(zip(zones["zone"], zones["customers"], strict=True)),
        settings.visits_per_year.model_dump(),
        inputs.visits,
        inputs.as_of,
        settings.capacity_tolerance,
    )
    zones["visits_per_year"] = capacity.zones["visits_per_year"].to_numpy()
    zones["required_visits"] = capacity.zones["required"].to_numpy()
    conc = revenue_concentration(df["customer_id"], df["revenue"])
    status = df["status"].to_numpy()
    list_cols = [
        c
        for c in (
            "customer_id",
            "customer_name",
            "account_manager",
            "revenue",
            "abc_class",
            "is_key_account",
            "coverage_potential",
            "coverage_attractiveness",
        )
        if c in df
    ]
    return PortfolioResult(
        as_of=inputs.as_of,
        window_start=month_start(w.start),
        window_end=month_start(w.end) + pd.offsets.MonthEnd(0),
        settings=settings,
        customers=df,
        abc_summary=_abc_summary(df, total_rev),
        matrix=_matrix(df, total_rev),
        matrix_extra=_matrix_extra(df, total_rev),
        lorenz=conc.lorenz,
        zones=zones,
        ka_ranking=ranking,
        ka_not_flagged=ranking[ranking["qualifies"] & ~ranking["is_key_account"]].reset_index(
            drop=True
        ),
        ka_flagged_not_qualified=ranking[
            ~ranking["qualifies"] & ranking["is_key_account"]
        ].reset_index(drop=True),
        sensitivity=sens,
        robust_share=float(stable.sum() / placed.sum()) if placed.any() else float("nan"),
        focus_programs=programs,
        weights={
            "potential": scoring.normalise(w_pot),
            "attractiveness": scoring.normalise(w_att),
            "key_account": scoring.normalise(w_ka),
        },
        unrated_customers=int((placed & ~rated).sum()),
        unplaced_customers=int((status == "to_rate").sum()),
        breadwinner_basis=basis,
        window_months=wm,
        portfolio_margin_ratio=_portfolio_margin_ratio(w),
        growth_available=bool(w.growth_available),
        missing_criteria={
            ax: [c for c in wts if wts[c] > 0 and crit[c].isna().all()]
            for ax, wts in (("potential", w_pot), ("attractiveness", w_att), ("key_account", w_ka))
        },
        out_of_scope_customers=int((status == "out_of_scope").sum()),
        out_of_scope=df.loc[status == "out_of_scope", list_cols[:5]].reset_index(drop=True),
        to_rate=df.loc[status == "to_rate", list_cols].reset_index(drop=True),
        provisional_customers=int((placed & ~rated).sum()),
        capacity=capacity,
        program_targets=targets,
        concentration=conc,
    )


def _month_starts(fp: np.ndarray) -> pd.DatetimeIndex:
    """Vectorised month index -> first day of month (NaT for NaN)."""
    ok = ~np.isnan(fp)
    out = np.full(len(fp), np.datetime64("NaT"), dtype="datetime64[M]")
    out[ok] = (fp[ok].astype(np.int64) - 1970 * 12).astype("datetime64[M]")
    return pd.DatetimeIndex(out.astype("datetime64[ns]"))


def _rating(inputs: PortfolioInputs, criterion: str) -> np.ndarray:
    n = len(inputs.master)
    if criterion in inputs.ratings:
        return inputs.ratings[criterion].to_numpy(dtype=float)
    return np.full(n, np.nan)


def _share(x: float, total: float) -> float:
    return float(x / total) if total > 0 else 0.0


def _abc_summary(df: pd.DataFrame, total_rev: float) -> pd.DataFrame:
    n = len(df)
    pos_val = df["value"].clip(lower=0)
    total_val = pos_val.sum()
    rows = []
    for cls in ABC:
        m = df["abc_class"] == cls
        rev = float(df.loc[m, "revenue"].clip(lower=0).sum())
        val = float(pos_val[m].sum())
        rows.append(
            {
                "abc_class": cls,
                "customers": int(m.sum()),
                "customer_share": _share(m.sum(), n),
                "revenue": rev,
                "revenue_share": _share(rev, total_rev),
                "value": val,
                "value_share": _share(val, total_val),
            }
        )
    return pd.DataFrame(rows)


def _matrix(df: pd.DataFrame, total_rev: float) -> pd.DataFrame:
    """Nine rows (abc, xyz) with counts and positive-revenue shares."""
    grp = df.assign(_rev=df["revenue"].clip(lower=0)).groupby("matrix_field")
    counts = grp.size()
    revs = grp["_rev"].sum()
    rows = []
    for key in MATRIX_FIELDS:
        rev = float(revs.get(key, 0.0))
        rows.append(
            {
                "abc": key[0],
                "xyz": key[1],
                "field": key,
                "customers": int(counts.get(key, 0)),
                "customer_share": _share(counts.get(key, 0), len(df)),
                "revenue": rev,
                "revenue_share": _share(rev, total_rev),
                "recommendation": f"portfolio.rec.{key}",
            }
        )
    return pd.DataFrame(rows)


def _matrix_extra(df: pd.DataFrame, total_rev: float) -> pd.DataFrame:
    rows = []
    for key in ("new", "no_revenue"):
        m = df["matrix_field"] == key
        rev = float(df.loc[m, "revenue"].sum())
        rows.append(
            {
                "field": key,
                "customers": int(m.sum()),
                "customer_share": _share(m.sum(), len(df)),
                "revenue": rev,
                "revenue_share": _share(max(rev, 0.0) if key == "new" else 0.0, total_rev),
                "recommendation": f"portfolio.rec.{key}",
            }
        )
    return pd.DataFrame(rows, index=pd.Index(["new", "no_revenue"], name="group"))


def _zone_table(df: pd.DataFrame, total_rev: float) -> pd.DataFrame:
    rows = []
    for z in ZONES:
        m = df["zone"] == z
        part = df[m]
        rev = float(part["revenue"].clip(lower=0).sum())
        rows.append(
            {
                "zone": z,
                "customers": int(m.sum()),
                "customer_share": _share(m.sum(), len(df)),
                "revenue": rev,
                "revenue_share": _share(rev, total_rev),
                "key_accounts": int(part["is_key_account"].sum()),
                "ka_recommended": int(part["ka_recommended"].sum()),
                "rated": int(part["rated"].sum()),
                "potential_score": float(part["potential_score"].mean())
                if len(part)
                else float("nan"),
                "attractiveness_score": float(part["attractiveness_score"].mean())
                if len(part)
                else float("nan"),
                "wallet_gap": float(part["wallet_gap"].sum()),
            }
        )
    return pd.DataFrame(rows)


def analyse(client, settings: PortfolioSettings | None = None) -> PortfolioResult:
    """Run the portfolio analysis for a loaded client (``ClientData``).

    ``settings`` default to ``client.config.portfolio``; as_of is ``client.as_of``.
    """
    return compute(prepare(client), settings or client.config.portfolio)


def export_table(result: PortfolioResult) -> tuple[pd.DataFrame, dict[str, str]]:
    """What ``kam export`` writes (see the registry's export spec): the
    customer-level table and the context of the Excel info sheet."""
    info = {
        "as_of": result.as_of.date().isoformat(),
        "window": f"{result.window_start.date().isoformat()} – {result.window_end.date().isoformat()}",
        "basis": result.settings.abc.basis,
    }
    return result.customers, info
