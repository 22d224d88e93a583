"""Retention scoring (METHODOLOGY.md section 4): how firmly is each customer bound?

Entry points (the analysis contract of :mod:`kamlib.analysis.portfolio`):

- ``analyse(client, settings=None) -> RetentionResult`` = ``compute(prepare(client), settings)``.
- ``prepare(client) -> RetentionInputs``: the once-per-client part. Aggregates
  the sales lines to customer-days, monthly revenue and product groups per
  month, counts contacts and complaints, pivots the workshop ratings and fits
  the BG/NBD model (:mod:`kamlib.analysis.bgnbd`), which depends on no setting.
- ``compute(inputs, settings) -> RetentionResult``: the cheap part the
  workshop panel re-runs when weights or thresholds move.

Rules (each pinned by a test in tests/analysis/test_retention.py):

- **Purchase** (section 0): a sales line with net revenue >= 0 on or before
  as_of; a zero-value line is a purchase, a credit note never. A purchase
  day is a day with at least one purchase. Lines after as_of are ignored.
  Revenue figures are net (credit notes included).
- **Window**: the ``window_months`` calendar months ending with as_of's month.
- **Stability factors** (:data:`FACTORS`): workshop rating 1-5 per customer
  (criterion = factor id; the latest round counts, several raters of it are
  averaged, as in the portfolio). Where not rated: ``relationship_breadth`` =
  number of contacts, capped at 5 (no contacts = no value);
  ``product_breadth`` = product groups the customer bought in the window /
  groups bought by anyone in the window, rated ``min(5, 1 + floor(share /
  0.2))``. ``wallet_share`` is data only: window revenue (annualised to 12
  months) / potential, rated the same way; workshop rows for it are ignored
  and counted in ``refused_ratings`` (the data layer refuses them).
- **Score** 0-100: rating 1 -> 0, 5 -> 100, weights normalised over the
  factors with a value; placed only when those factors hold >= ``min_coverage``
  of the total weight, else empty. **Weak factors**: factors with a rating <=
  ``weak_rating``, weakest first (ties: larger weight first, then factor order).
- **Early-warning flags** (:data:`FLAGS`), evidence in numbers:
  revenue_trend: revenue of the 6 calendar months ending with as_of's month
  <= 80 % of the same 6 months a year earlier (which must be > 0);
  order_gap: days since the last purchase day > 2 x the median gap between
  consecutive purchase days and > 60 days (>= 3 purchase days needed);
  breadth_shrinking: product groups bought in the 12 calendar months ending
  with as_of's month at least 2 fewer than in the 12 months before;
  complaints: >= 3 complaints in the last complete calendar year (the year
  before as_of's, or as_of's own year when as_of is 31 December), or more than
  in the year before it (only when that year has a value).
- **Risk matrix**: ABC class by window revenue (:func:`abc_xyz.abc_classes`)
  x score: act_now (score < split, A/B), secure (>= split, A/B), monitor
  (< split, C), maintain (>= split, C); empty when not placed.
- **KPIs per calendar year** Y (from the second year of data to as_of's
  year, the last one year-to-date): retention = customers with a purchase in
  Y-1 and Y / customers with a purchase in Y-1; churn = 1 - retention; repeat
  rate = customers with >= 2 purchase days in Y / customers with a purchase in
  Y; revenue retention = Y revenue of the Y-1 purchasers / their Y-1 revenue.
- **BG/NBD** on all purchases up to as_of, weeks = days / 7: bgnbd_frequency
  = distinct purchase days - 1, bgnbd_recency_weeks = (last - first purchase
  day) / 7, bgnbd_T_weeks = (as_of - first purchase day) / 7; p_alive and
  expected_purchases_52w (eq. 10, ``horizon_weeks``). Empty for customers
  without a purchase, and for everybody when the model could not be fitted
  or its fit ended on a bound of the parameter search (``bgnbd_status`` says
  why: then the model does not describe the data and shows no numbers).
- **Disagreement** (:data:`DISAGREEMENTS`): ``bound_but_inactive`` when the
  score is >= ``firm_score`` but P(alive) < ``low_p_alive``.

Stable keys only; texts (factor names, measures, flags) belong in
kamlib/messages. Measure per weak factor: :data:`MEASURE_KEYS`.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from kamlib.analysis import bgnbd, scoring
from kamlib.analysis.abc_xyz import EPS, abc_classes, month_index, month_start
from kamlib.analysis.portfolio import ratings_pivot
from kamlib.config import PortfolioSettings, RetentionConfig

#: stability factor ids in display order
FACTORS = (
    "contractual",
    "technical",
    "relationship_breadth",
    "relationship_quality",
    "satisfaction",
    "wallet_share",
    "switching_costs",
    "dependency",
    "product_breadth",
)
#: factors derived from data (where not rated)
DATA_FACTORS = ("wallet_share", "relationship_breadth", "product_breadth")
#: factors that only come from data (a workshop rating is refused)
DATA_ONLY_FACTORS = ("wallet_share",)
#: the config model is the home of every default; the settings below read theirs from it
_CFG = RetentionConfig()
#: default weights (DESIGN.md ``retention.factors``)
DEFAULT_FACTORS: dict[str, float] = dict(_CFG.factors)
#: early-warning flag ids in their fixed order (the ``flags`` column joins them with ";")
FLAGS = ("revenue_trend", "order_gap", "breadth_shrinking", "complaints")
#: risk quadrants in display order
QUADRANTS = ("act_now", "secure", "monitor", "maintain")
#: disagreement keys between the workshop score and the BG/NBD model
DISAGREEMENTS = ("bound_but_inactive",)
#: suggested measure per weak factor (message keys)
MEASURE_KEYS = {f: f"retention.measure.{f}" for f in FACTORS}
#: the BG/NBD is fitted only on at least this many customers with a purchase
MIN_FIT_CUSTOMERS = 20
#: share of wallet / product breadth per rating step (rating = 1 + floor(share / step))
SHARE_STEP = 0.2


@dataclass(frozen=True)
class RetentionSettings:
    """Settings of the retention analysis; field names follow DESIGN.md's ``retention:`` keys.

    ``factors`` is the DESIGN.md key; the other fields are the thresholds of
    METHODOLOGY.md section 4 with its defaults.
    """

    #: weight per stability factor (normalised to 1 when used)
    factors: Mapping[str, float] = field(default_factory=lambda: dict(DEFAULT_FACTORS))
    #: window: this many calendar months ending with as_of's month
    window_months: int = _CFG.window_months
    #: a score needs factors holding at least this share of the weight
    min_coverage: float = _CFG.min_coverage
    #: score split of the risk matrix (>= split = firmly bound)
    score_split: float = _CFG.score_split
    #: ABC cut-offs by window revenue for the risk matrix's customer value
    abc_cutoffs: tuple[float, float] = tuple(PortfolioSettings().abc.cutoffs)
    #: a factor rated at most this is named weak
    weak_rating: float = _CFG.weak_rating
    #: revenue trend: months compared and the ratio that raises the flag
    trend_months: int = 6
    trend_ratio: float = _CFG.early_warning.trend_ratio
    #: order gap: multiple of the median gap, minimum days, minimum purchase days
    gap_factor: float = _CFG.early_warning.gap_factor
    gap_min_days: int = _CFG.early_warning.gap_min_days
    gap_min_purchase_days: int = 3
    #: breadth shrinking: months per period and the drop in product groups
    breadth_months: int = 12
    breadth_drop: int = _CFG.early_warning.breadth_drop
    #: complaints in the last complete year that raise the flag
    complaints_min: int = _CFG.early_warning.complaints_min
    #: BG/NBD prediction horizon in weeks (expected_purchases_52w)
    horizon_weeks: float = 52.0
    #: disagreement: score at least this ...
    firm_score: float = _CFG.disagreement.firm_score
    #: ... and P(alive) below this
    low_p_alive: float = _CFG.disagreement.low_p_alive
    #: rows shown in deliverable tables (the export has every customer)
    top_n: int = _CFG.top_n

    @classmethod
    def from_config(cls, config) -> RetentionSettings:
        """Settings from a validated ``ClientConfig``: its ``retention`` section
        and, for the risk matrix's A/B/C, the portfolio's ABC cut-offs (one
        meaning of "A customer" in every deliverable)."""
        r = config.retention
        ew = r.early_warning
        return cls(
            factors=dict(r.factors),
            window_months=r.window_months,
            min_coverage=r.min_coverage,
            score_split=r.score_split,
            abc_cutoffs=tuple(config.portfolio.abc.cutoffs),
            weak_rating=r.weak_rating,
            trend_ratio=ew.trend_ratio,
            gap_factor=ew.gap_factor,
            gap_min_days=ew.gap_min_days,
            breadth_drop=ew.breadth_drop,
            complaints_min=ew.complaints_min,
            firm_score=r.disagreement.firm_score,
            low_p_alive=r.disagreement.low_p_alive,
            top_n=r.top_n,
        )

    def __post_init__(self) -> None:
        unknown = sorted(set(self.factors) - set(FACTORS))
        if unknown:
            raise ValueError(f"retention.factors: unknown factor(s) {', '.join(unknown)}")
        if any(w < 0 for w in self.factors.values()):
            raise ValueError("retention.factors: weights must not be negative")


@dataclass
class RetentionInputs:
    """Aggregated client data for :func:`compute` (built by :func:`prepare`).

    Customer codes are row numbers of ``master``. Days are integer days
    since 1970-01-01, months the month indices of :func:`abc_xyz.month_index`.
    """

    as_of: pd.Timestamp
    as_of_day: int
    as_of_month: int
    #: customer_id, name, potential (NaN if unknown) -- master order
    master: pd.DataFrame
    #: one row per customer-day with a line on or before as_of: code, day,
    #: month, year, revenue (net), purchase (bool: a line with net revenue >= 0)
    days: pd.DataFrame
    #: unique (code, month, group) of purchase lines with a product group; None
    #: when the sales have no product groups
    groups: pd.DataFrame | None
    #: number of contacts per customer (0 where none; None without contacts table)
    contacts: np.ndarray | None
    #: complaints per customer (rows, master order) and year (columns); None without activities
    complaints: pd.DataFrame | None
    #: factor ratings (1-5, latest round mean), customers x factors
    ratings: pd.DataFrame
    #: rating rows for data-only factors that were ignored
    refused_ratings: int
    #: BG/NBD summary per customer (frequency, recency_weeks, T_weeks, ...)
    summary: pd.DataFrame
    #: fitted BG/NBD parameters, None when not fitted
    fit: bgnbd.BgNbdParams | None
    #: "ok" | "at_bound" (fitted, but a parameter ended on a bound of the
    #: search: no predictions) | "too_few_customers" | "no_repeat_purchases" | "failed"
    bgnbd_status: str


@dataclass
class RetentionResult:
    """Result of the retention analysis. Scores 0-100, shares 0-1, money net.

    ``customers`` -- one row per master customer, sorted by revenue descending
    then customer_id. Columns:

    - customer_id, name, revenue (window), abc_class (A/B/C by window revenue),
      potential, wallet_share (fraction, NaN without potential),
      product_group_share (fraction, NaN without product groups), contacts;
    - ``rating_<factor>`` (1-5, NaN = no value) and ``source_<factor>``
      ("rating" | "data" | "") for every factor of :data:`FACTORS`; rated
      (bool: at least one workshop rating on a factor);
    - factor_coverage (0-1: share of the weight with a value), stability_score
      (0-100, NaN when not placed), placed (bool), weak_factors (";"-joined
      factor ids, weakest first, "" if none);
    - flags (";"-joined :data:`FLAGS`, "" if none), one bool column
      ``flag_<id>`` per flag and the evidence: revenue_last_6m,
      revenue_prior_6m (same months a year earlier), revenue_trend_ratio,
      purchase_days, days_since_last_purchase, median_gap_days,
      product_groups_last_12m, product_groups_prior_12m,
      complaints_last_year, complaints_year_before (NaN = unknown);
    - risk_quadrant (:data:`QUADRANTS` or "");
    - bgnbd_frequency, bgnbd_recency_weeks, bgnbd_T_weeks, p_alive,
      expected_purchases_52w (NaN for customers without a purchase up to as_of
      or without a fit), disagreement (key of :data:`DISAGREEMENTS` or "").
    """

    as_of: pd.Timestamp
    window_start: pd.Timestamp
    window_end: pd.Timestamp
    settings: RetentionSettings
    customers: pd.DataFrame
    #: customers with at least one flag, ranked by revenue at risk = window
    #: revenue (what leaves with the customer), then id: customer_id, name,
    #: revenue, flags, evidence columns, stability_score,
    #: weak_factors, risk_quadrant, p_alive, expected_purchases_52w, measures
    #: (";"-joined :data:`MEASURE_KEYS` of the weak factors, weakest first)
    early_warnings: pd.DataFrame
    #: one row per quadrant: risk_quadrant, customers, revenue, revenue_share
    risk_matrix: pd.DataFrame
    #: one row per calendar year: year, year_to_date, customers_prev, customers,
    #: retained, retention_rate, churn_rate, repeat_customers, repeat_rate,
    #: revenue_base (Y-1 revenue of the Y-1 purchasers), revenue_retained
    #: (their Y revenue), revenue_retention, base_partial (Y-1 is the first
    #: year of the data and starts after January: a biased comparison)
    kpis: pd.DataFrame
    #: customers where score and BG/NBD disagree: customer_id, name, revenue,
    #: disagreement, stability_score, p_alive, expected_purchases_52w
    disagreements: pd.DataFrame
    #: normalised factor weights
    weights: dict[str, float]
    #: fitted BG/NBD parameters (None when not fitted) and why not
    bgnbd: bgnbd.BgNbdParams | None
    bgnbd_status: str
    #: calendar year of the complaints flag ("last complete year")
    complaints_year: int
    #: customers without a score (coverage below min_coverage)
    unplaced_customers: int = 0
    #: workshop rating rows for data-only factors that were ignored
    refused_ratings: int = 0


# ---------------------------------------------------------------------------
# prepare


def _day_numbers(dates: np.ndarray) -> np.ndarray:
    return np.asarray(dates, dtype="datetime64[ns]").astype("datetime64[D]").astype(np.int64)


def _codes(values: pd.Series, ids: pd.Index) -> np.ndarray:
    """Row number in ``ids`` of every value (-1 if unknown); strings compared once per value."""
    local, uniques = pd.factorize(values)
    lookup = ids.get_indexer(pd.Index(uniques).astype(str))
    return np.where(local >= 0, lookup[np.maximum(local, 0)], -1)


def _unique_inverse(key: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Sorted unique int keys and the index of each key's unique value (sort-based)."""
    order = np.argsort(key)
    sorted_key = key[order]
    first = np.r_[True, sorted_key[1:] != sorted_key[:-1]] if len(key) else np.zeros(0, bool)
    group = np.cumsum(first) - 1
    inverse = np.empty(len(key), dtype=np.int64)
    inverse[order] = group
    return sorted_key[first], inverse


def _complaints(activities: pd.DataFrame | None, ids: pd.Index) -> pd.DataFrame | None:
    if activities is None or "complaints" not in activities or "year" not in activities:
        return None
    act = pd.DataFrame(
        {
            "customer_id": activities["customer_id"].astype(str),
            "year": pd.to_numeric(activities["year"], errors="coerce"),
            "complaints": pd.to_numeric(activities["complaints"], errors="coerce"),
        }
    ).dropna(subset=["year", "complaints"])
    act["year"] = act["year"].astype(int)
    table = act.pivot_table(index="customer_id", columns="year", values="complaints", aggfunc="sum")
    return table.reindex(ids)


def _contacts(contacts: pd.DataFrame | None, ids: pd.Index) -> np.ndarray | None:
    if contacts is None:
        return None
    counts = contacts["customer_id"].astype(str).value_counts()
    return counts.reindex(ids).fillna(0).to_numpy(dtype=float)


#: a and b both at least this large: the dropout Beta is (almost) a point mass
HOMOGENEOUS_AB = 100.0


def _fit(summary: pd.DataFrame) -> tuple[bgnbd.BgNbdParams | None, str]:
    has = summary["frequency"].notna().to_numpy()
    if has.sum() < MIN_FIT_CUSTOMERS:
        return None, "too_few_customers"
    s = summary[has]
    if not (s["frequency"] > 0).any():
        return None, "no_repeat_purchases"
    try:
        params = bgnbd.fit(s["frequency"], s["recency_weeks"], s["T_weeks"])
    except ValueError:
        return None, "failed"
    # a parameter on the search bound is a limiting case (e.g. no dropout seen at
    # all): the model does not describe the data, its predictions are not shown.
    # One limit is harmless: a and b both large is the Beta distribution collapsing
    # to one dropout probability p = a / (a + b) shared by all customers (no
    # heterogeneity in dropout); the likelihood and predictions converge to that
    # model, so the fit stands.
    return params, ("ok" if not params.at_bound or _homogeneous_dropout(params) else "at_bound")


def _homogeneous_dropout(params: bgnbd.BgNbdParams) -> bool:
    """True when only a and/or b sit on their bound and both are large."""
    return set(params.at_bound) <= {"a", "b"} and min(params.a, params.b) >= HOMOGENEOUS_AB


def prepare(client) -> RetentionInputs:
    """Aggregate a loaded client (``ClientData``) once for :func:`compute`."""
    as_of = pd.Timestamp(client.as_of).normalize()
    as_of_day = int(_day_numbers(np.array([as_of.to_datetime64()]))[0])
    as_of_month = int(month_index(np.array([as_of.to_datetime64()]))[0])
    cust = client.customers
    ids = pd.Index(cust["customer_id"].astype(str), name="customer_id")
    names = (
        cust["name"]
        if "name" in cust
        else cust.get("customer_name", pd.Series("", index=cust.index))
    )
    pot = cust["potential"] if "potential" in cust else pd.Series(np.nan, index=cust.index)
    master = pd.DataFrame(
        {
            "customer_id": ids.to_numpy(dtype=object),
            "name": names.astype(object).where(names.notna(), "").to_numpy(),
            "potential": pd.to_numeric(pot, errors="coerce").to_numpy(dtype=float),
        }
    )
    n = len(ids)

    sales = client.sales
    day = _day_numbers(sales["date"].to_numpy())
    code = _codes(sales["customer_id"], ids)
    keep = (day <= as_of_day) & (code >= 0)
    day, code = day[keep], code[keep].astype(np.int64)
    rev = sales["net_revenue"].to_numpy(dtype=float)[keep]
    purchase = rev >= 0  # NaN revenue is no purchase
    rev = np.nan_to_num(rev)

    # customer-days
    first_day = int(day.min()) if len(day) else as_of_day
    span = as_of_day - first_day + 1
    key = code * span + (day - first_day)
    uniq, inverse = _unique_inverse(key)
    d_day = uniq % span + first_day
    d_date = d_day.astype("datetime64[D]")
    days = pd.DataFrame(
        {
            "code": uniq // span,
            "day": d_day,
            "month": month_index(d_date),
            "year": d_date.astype("datetime64[Y]").astype(np.int64) + 1970,
            "revenue": np.bincount(inverse, weights=rev, minlength=len(uniq)),
            "purchase": np.bincount(inverse, weights=purchase, minlength=len(uniq)) > 0,
        }
    )

    groups = None
    # the data layer adds an empty product_group column when the file has none
    if "product_group" in sales and sales["product_group"].notna().any():
        gcode_all, labels = pd.factorize(sales["product_group"])
        # blank labels are no group: map them to -1 like missing values
        blank = pd.Series(labels, dtype="string").str.strip().fillna("").eq("").to_numpy()
        # group labels that differ only by surrounding blanks are one group
        stripped = pd.Series(labels, dtype="string").str.strip().to_numpy(dtype=object)
        merged, _ = pd.factorize(stripped)
        lookup = np.where(blank, -1, merged)
        gcode = np.where(gcode_all >= 0, lookup[np.maximum(gcode_all, 0)], -1)[keep]
        ok = purchase & (gcode >= 0)
        gcode = gcode[ok]
        months = month_index(day[ok].astype("datetime64[D]"))
        ng = int(gcode.max()) + 1 if len(gcode) else 1
        mspan = int(months.max() - months.min()) + 1 if len(months) else 1
        m0 = int(months.min()) if len(months) else 0
        gkey = np.sort((code[ok] * mspan + (months - m0)) * ng + gcode)
        gkey = gkey[np.r_[True, gkey[1:] != gkey[:-1]]] if len(gkey) else gkey
        groups = pd.DataFrame(
            {"code": gkey // ng // mspan, "month": gkey // ng % mspan + m0, "group": gkey % ng}
        )

    ratings = client.ratings
    refused = 0
    if ratings is not None and not ratings.empty:
        data_only = ratings["criterion"].astype(str).isin(DATA_ONLY_FACTORS)
        refused = int(data_only.sum())
        ratings = ratings[~data_only & ratings["criterion"].astype(str).isin(FACTORS)]
    pivot = ratings_pivot(ratings, ids)

    purch = days[days["purchase"]]
    summary = bgnbd.summary_from_days(
        purch["code"].to_numpy(), purch["day"].to_numpy(), as_of_day, n
    )
    fit, status = _fit(summary)
    return RetentionInputs(
        as_of=as_of,
        as_of_day=as_of_day,
        as_of_month=as_of_month,
        master=master,
        days=days,
        groups=groups,
        contacts=_contacts(client.contacts, ids),
        complaints=_complaints(client.activities, ids),
        ratings=pivot,
        refused_ratings=refused,
        summary=summary,
        fit=fit,
        bgnbd_status=status,
    )


# ---------------------------------------------------------------------------
# compute: pieces


def share_rating(share: np.ndarray) -> np.ndarray:
    """Rating 1-5 from a share: ``min(5, 1 + floor(share / 0.2))``; NaN stays NaN.

    A share exactly on a step (0.2, 0.4, ...) counts as reaching it.
    """
    s = np.asarray(share, dtype=float)
    with np.errstate(invalid="ignore"):
        return np.minimum(5.0, 1.0 + np.floor(np.clip(s, 0.0, None) / SHARE_STEP + EPS))


def _month_sum(
    days: pd.DataFrame, n: int, start: int, end: int, column: str = "revenue"
) -> np.ndarray:
    """Sum of ``column`` per customer over months start..end (inclusive)."""
    sel = (days["month"] >= start) & (days["month"] <= end)
    return np.bincount(days.loc[sel, "code"], weights=days.loc[sel, column], minlength=n)


def _groups_in(groups: pd.DataFrame, n: int, start: int, end: int) -> tuple[np.ndarray, int]:
    """Distinct product groups per customer and overall in months start..end."""
    sel = groups[(groups["month"] >= start) & (groups["month"] <= end)]
    pairs = sel.drop_duplicates(["code", "group"])
    return np.bincount(pairs["code"], minlength=n).astype(float), int(sel["group"].nunique())


def factor_ratings(
    inputs: RetentionInputs, revenue: np.ndarray, settings: RetentionSettings
) -> tuple[pd.DataFrame, pd.DataFrame, dict[str, np.ndarray]]:
    """Ratings 1-5 per factor (workshop where rated, else data) and their source.

    Returns ``(ratings, source, facts)``; ``facts`` holds wallet_share,
    product_group_share and contacts per customer (NaN = unknown).
    """
    n = len(inputs.master)
    end = inputs.as_of_month
    start = end - settings.window_months + 1
    wallet = scoring.share_of_wallet(
        revenue, inputs.master["potential"].to_numpy(dtype=float), 12.0 / settings.window_months
    )
    if inputs.groups is not None:
        bought, total = _groups_in(inputs.groups, n, start, end)
        product_share = bought / total if total > 0 else np.full(n, np.nan)
    else:
        product_share = np.full(n, np.nan)
    contacts = inputs.contacts if inputs.contacts is not None else np.full(n, np.nan)
    data = {
        "wallet_share": share_rating(wallet),
        "product_breadth": share_rating(product_share),
        "relationship_breadth": np.where(contacts > 0, np.minimum(contacts, 5.0), np.nan),
    }
    ratings = pd.DataFrame(index=range(n))
    source = pd.DataFrame(index=range(n))
    for f in FACTORS:
        rated = (
            inputs.ratings[f].to_numpy(dtype=float)
            if f in inputs.ratings and f not in DATA_ONLY_FACTORS
            else np.full(n, np.nan)
        )
        d = data.get(f, np.full(n, np.nan))
        ratings[f] = np.where(np.isnan(rated), d, rated)
        source[f] = np.where(~np.isnan(rated), "rating", np.where(np.isnan(d), "", "data"))
    facts = {"wallet_share": wallet, "product_group_share": product_share, "contacts": contacts}
    return ratings, source, facts


def stability_scores(
    ratings: pd.DataFrame, weights: Mapping[str, float], min_coverage: float
) -> tuple[np.ndarray, np.ndarray]:
    """Score 0-100 (NaN when not placed) and weight coverage 0-1 per customer."""
    norm = scoring.normalise(dict(weights))
    values = scoring.rating_to_score(ratings)
    score = scoring.weighted_score(values, norm)
    avail = ~ratings.reindex(columns=list(norm)).isna().to_numpy()
    w = np.array(list(norm.values()), dtype=float)
    coverage = (avail * w[None, :]).sum(axis=1) if len(w) else np.zeros(len(ratings))
    placed = coverage >= min_coverage - EPS
    return np.where(placed & ~np.isnan(score), score, np.nan), coverage


def weak_factors(
    ratings: pd.DataFrame, weights: Mapping[str, float], weak_rating: float
) -> np.ndarray:
    """Factors rated <= ``weak_rating``, ";"-joined: weakest first, then larger weight, then order."""
    keys = [f for f in FACTORS if weights.get(f, 0) > 0]
    if not keys:
        return np.full(len(ratings), "", dtype=object)
    vals = ratings[keys].to_numpy(dtype=float)
    weak = vals <= weak_rating + EPS
    # rank factors per row: rating asc, weight desc, factor order
    w = np.array([weights[f] for f in keys])
    tie = np.empty(len(keys), dtype=np.int64)
    tie[np.lexsort((np.arange(len(keys)), -w))] = np.arange(len(keys))  # weight rank
    rating_key = np.where(weak, vals, np.inf)
    order = np.lexsort((np.broadcast_to(tie, vals.shape), rating_key), axis=-1)
    names = np.array(keys, dtype=object)[order]  # per row: factors weakest first
    n_weak = weak.sum(axis=1)
    out = np.full(len(ratings), "", dtype=object)
    for k in range(len(keys)):  # one pass per factor position, vectorised over customers
        name = names[:, k]
        out = np.where(n_weak > k, name if k == 0 else out + ";" + name, out)
    return out.astype(object)


def order_gaps(days: pd.DataFrame, n: int, as_of_day: int) -> pd.DataFrame:
    """Per customer: purchase_days, days_since_last_purchase, median_gap_days (NaN if < 2 days)."""
    p = days.loc[days["purchase"], ["code", "day"]]  # sorted by code, then day
    code = p["code"].to_numpy()
    day = p["day"].to_numpy()
    count = np.bincount(code, minlength=n).astype(float)
    last = np.full(n, np.nan)
    if len(code):
        ends = np.r_[code[1:] != code[:-1], True]
        last[code[ends]] = day[ends]
    same = np.zeros(len(code), dtype=bool)
    same[1:] = code[1:] == code[:-1]
    gaps = pd.Series(np.diff(day, prepend=0)[same]).groupby(code[same]).median()
    median = gaps.reindex(range(n)).to_numpy(dtype=float)
    return pd.DataFrame(
        {
            "purchase_days": count,
            "days_since_last_purchase": as_of_day - last,
            "median_gap_days": median,
        }
    )


def complaint_year(as_of: pd.Timestamp) -> int:
    """The last complete calendar year on as_of (as_of's own year on 31 December)."""
    as_of = pd.Timestamp(as_of)
    return as_of.year if (as_of.month, as_of.day) == (12, 31) else as_of.year - 1


def yearly_kpis(days: pd.DataFrame, n: int, as_of: pd.Timestamp) -> pd.DataFrame:
    """Retention KPIs per calendar year (see the module docstring)."""
    cols = [
        "year",
        "year_to_date",
        "customers_prev",
        "customers",
        "retained",
        "retention_rate",
        "churn_rate",
        "repeat_customers",
        "repeat_rate",
        "revenue_base",
        "revenue_retained",
        "revenue_retention",
        "base_partial",
    ]
    if days.empty:
        return pd.DataFrame(columns=cols)
    y0 = int(days["year"].min())
    # the data start after January of their first year: that year is incomplete,
    # so the next year's comparison with it (above all revenue retention) is biased
    first_month = int(days.loc[days["year"] == y0, "month"].min()) % 12
    y0_partial = first_month != 0
    years = np.arange(y0, as_of.year + 1)
    ny = len(years)
    flat = days["code"].to_numpy() * ny + (days["year"].to_numpy() - y0)
    pdays = np.bincount(flat, weights=days["purchase"].to_numpy(float), minlength=n * ny)
    rev = np.bincount(flat, weights=days["revenue"].to_numpy(), minlength=n * ny)
    pdays = pdays.reshape(n, ny)
    rev = rev.reshape(n, ny)
    rows = []
    for k, year in enumerate(years):
        cur = pdays[:, k] > 0
        n_cur = int(cur.sum())
        repeat = int((pdays[:, k] >= 2).sum())
        row = {
            "year": int(year),
            "year_to_date": bool(year == as_of.year and (as_of.month, as_of.day) != (12, 31)),
            "customers": n_cur,
            "repeat_customers": repeat,
            "repeat_rate": repeat / n_cur if n_cur else np.nan,
            "base_partial": bool(k == 1 and y0_partial),
        }
        if k == 0:
            row.update(customers_prev=np.nan, retained=np.nan, retention_rate=np.nan)
            row.update(churn_rate=np.nan, revenue_base=np.nan, revenue_retained=np.nan)
            row.update(revenue_retention=np.nan)
        else:
            prev = pdays[:, k - 1] > 0
            n_prev = int(prev.sum())
            kept = int((prev & cur).sum())
            base = float(rev[prev, k - 1].sum())
            again = float(rev[prev, k].sum())
            ret = kept / n_prev if n_prev else np.nan
            row.update(customers_prev=n_prev, retained=kept, retention_rate=ret)
            row.update(churn_rate=1.0 - ret, revenue_base=base, revenue_retained=again)
            row.update(revenue_retention=again / base if base > 0 else np.nan)
        rows.append(row)
    return pd.DataFrame(rows, columns=cols)


def risk_quadrants(score: np.ndarray, abc: np.ndarray, split: float) -> np.ndarray:
    """act_now / secure / monitor / maintain from score and ABC class; "" without a score."""
    s = np.asarray(score, dtype=float)
    high = s >= split - EPS
    ab = np.isin(np.asarray(abc, dtype=object), ["A", "B"])
    quad = np.where(ab, np.where(high, "secure", "act_now"), np.where(high, "maintain", "monitor"))
    return np.where(np.isnan(s), "", quad).astype(object)


def _join_flags(flags: dict[str, np.ndarray], n: int) -> np.ndarray:
    out = np.full(n, "", dtype=object)
    for f in FLAGS:
        hit = flags[f]
        out = np.where(hit, np.where(out == "", f, out + ";" + f), out)
    return out.astype(object)


# ---------------------------------------------------------------------------
# compute


def compute(inputs: RetentionInputs, settings: RetentionSettings | None = None) -> RetentionResult:
    """Retention result from prepared inputs; cheap enough for live widgets."""
    settings = settings or RetentionSettings()
    master = inputs.master
    n = len(master)
    days = inputs.days
    end = inputs.as_of_month
    start = end - settings.window_months + 1
    revenue = _month_sum(days, n, start, end)
    weights = scoring.normalise({f: settings.factors.get(f, 0.0) for f in FACTORS})

    df = master.copy()
    df["revenue"] = revenue
    df["abc_class"] = abc_classes(master["customer_id"], revenue, settings.abc_cutoffs)[
        "abc_class"
    ].to_numpy()

    ratings, source, facts = factor_ratings(inputs, revenue, settings)
    df["wallet_share"] = facts["wallet_share"]
    df["product_group_share"] = facts["product_group_share"]
    df["contacts"] = facts["contacts"]
    for f in FACTORS:
        df[f"rating_{f}"] = ratings[f].to_numpy()
        df[f"source_{f}"] = source[f].to_numpy()
    df["rated"] = (source == "rating").any(axis=1).to_numpy()
    score, coverage = stability_scores(ratings, weights, settings.min_coverage)
    df["factor_coverage"] = coverage
    df["stability_score"] = score
    df["placed"] = ~np.isnan(score)
    df["weak_factors"] = weak_factors(ratings, weights, settings.weak_rating)

    # early warnings
    tm = settings.trend_months
    recent = _month_sum(days, n, end - tm + 1, end)
    prior = _month_sum(days, n, end - tm + 1 - 12, end - 12)
    with np.errstate(invalid="ignore", divide="ignore"):
        trend_ratio = np.where(prior > 0, recent / prior, np.nan)
    flags = {"revenue_trend": (prior > 0) & (recent <= settings.trend_ratio * prior + EPS)}
    df["revenue_last_6m"] = recent
    df["revenue_prior_6m"] = prior
    df["revenue_trend_ratio"] = trend_ratio

    gaps = order_gaps(days, n, inputs.as_of_day)
    since = gaps["days_since_last_purchase"].to_numpy()
    median = gaps["median_gap_days"].to_numpy()
    with np.errstate(invalid="ignore"):
        flags["order_gap"] = (
            (gaps["purchase_days"].to_numpy() >= settings.gap_min_purchase_days)
            & (since > settings.gap_factor * median)
            & (since > settings.gap_min_days)
        )
    for col in gaps:
        df[col] = gaps[col].to_numpy()

    bm = settings.breadth_months
    if inputs.groups is not None:
        g_now, _ = _groups_in(inputs.groups, n, end - bm + 1, end)
        g_before, _ = _groups_in(inputs.groups, n, end - 2 * bm + 1, end - bm)
        flags["breadth_shrinking"] = g_now <= g_before - settings.breadth_drop
    else:
        g_now = g_before = np.full(n, np.nan)
        flags["breadth_shrinking"] = np.zeros(n, dtype=bool)
    df["product_groups_last_12m"] = g_now
    df["product_groups_prior_12m"] = g_before

    cyear = complaint_year(inputs.as_of)
    comp = inputs.complaints
    c_last = (
        comp[cyear].to_numpy(dtype=float)
        if comp is not None and cyear in comp
        else np.full(n, np.nan)
    )
    c_before = (
        comp[cyear - 1].to_numpy(dtype=float)
        if comp is not None and cyear - 1 in comp
        else np.full(n, np.nan)
    )
    with np.errstate(invalid="ignore"):
        flags["complaints"] = (c_last >= settings.complaints_min) | (c_last > c_before)
    df["complaints_last_year"] = c_last
    df["complaints_year_before"] = c_before

    df["flags"] = _join_flags(flags, n)
    for f in FLAGS:
        df[f"flag_{f}"] = flags[f]
    df["risk_quadrant"] = risk_quadrants(score, df["abc_class"].to_numpy(), settings.score_split)

    # BG/NBD second opinion
    s = inputs.summary
    x, t_x, T = (s[c].to_numpy(dtype=float) for c in ("frequency", "recency_weeks", "T_weeks"))
    df["bgnbd_frequency"] = x
    df["bgnbd_recency_weeks"] = t_x
    df["bgnbd_T_weeks"] = T
    p = inputs.fit
    if p is not None and inputs.bgnbd_status == "ok":
        df["p_alive"] = bgnbd.p_alive(p.r, p.alpha, p.a, p.b, x, t_x, T)
        df["expected_purchases_52w"] = bgnbd.conditional_expected_purchases(
            settings.horizon_weeks, p.r, p.alpha, p.a, p.b, x, t_x, T
        )
    else:
        df["p_alive"] = np.nan
        df["expected_purchases_52w"] = np.nan
    with np.errstate(invalid="ignore"):
        inactive = (score >= settings.firm_score - EPS) & (
            df["p_alive"].to_numpy() < settings.low_p_alive
        )
    df["disagreement"] = np.where(inactive, "bound_but_inactive", "").astype(object)

    df = df.sort_values(["revenue", "customer_id"], ascending=[False, True], kind="stable")
    df = df.reset_index(drop=True)
    evidence = [
        "revenue_last_6m",
        "revenue_prior_6m",
        "revenue_trend_ratio",
        "purchase_days",
        "days_since_last_purchase",
        "median_gap_days",
        "product_groups_last_12m",
        "product_groups_prior_12m",
        "complaints_last_year",
        "complaints_year_before",
    ]
    early = df.loc[
        df["flags"] != "",
        ["customer_id", "name", "revenue", "flags", *evidence, "stability_score", "weak_factors"]
        + ["risk_quadrant", "p_alive", "expected_purchases_52w"],
    ].reset_index(drop=True)
    early["measures"] = [
        ";".join(MEASURE_KEYS[f] for f in w.split(";")) if w else "" for w in early["weak_factors"]
    ]
    disagree = df.loc[
        df["disagreement"] != "",
        ["customer_id", "name", "revenue", "disagreement", "stability_score", "p_alive"]
        + ["expected_purchases_52w"],
    ].reset_index(drop=True)
    return RetentionResult(
        as_of=inputs.as_of,
        window_start=month_start(start),
        window_end=month_start(end + 1) - pd.Timedelta(days=1),
        settings=settings,
        customers=df,
        early_warnings=early,
        risk_matrix=_risk_matrix(df),
        kpis=yearly_kpis(days, n, inputs.as_of),
        disagreements=disagree,
        weights=weights,
        bgnbd=inputs.fit,
        bgnbd_status=inputs.bgnbd_status,
        complaints_year=cyear,
        unplaced_customers=int((~df["placed"]).sum()),
        refused_ratings=inputs.refused_ratings,
    )


def _risk_matrix(df: pd.DataFrame) -> pd.DataFrame:
    total = float(df["revenue"].clip(lower=0).sum())
    grouped = df.groupby("risk_quadrant")["revenue"].agg(["size", "sum"])
    rows = []
    for q in QUADRANTS:
        count, rev = (
            (int(grouped.loc[q, "size"]), float(grouped.loc[q, "sum"]))
            if q in grouped.index
            else (0, 0.0)
        )
        rows.append(
            {
                "risk_quadrant": q,
                "customers": count,
                "revenue": rev,
                "revenue_share": rev / total if total > 0 else 0.0,
            }
        )
    return pd.DataFrame(rows)


def analyse(client, settings: RetentionSettings | None = None) -> RetentionResult:
    """Run the retention analysis on a loaded client.

    ``settings`` default to the client's ``client.yaml`` (``retention``
    section, see :meth:`RetentionSettings.from_config`).
    """
    config = getattr(client, "config", None)
    if settings is None and config is not None:
        settings = RetentionSettings.from_config(config)
    return compute(prepare(client), settings)


def export_table(result: RetentionResult) -> tuple[pd.DataFrame, dict[str, str]]:
    """What ``kam export`` writes (the registry's export spec): one row per
    master customer and the context of the Excel info sheet.

    Money is rounded to cents (DESIGN.md CSV rules); scores, weeks, P(alive)
    and expected purchases stay unrounded.
    """
    df = result.customers.copy()
    df["revenue"] = df["revenue"].round(2)
    info = {
        "as_of": result.as_of.date().isoformat(),
        "window": f"{result.window_start.date().isoformat()} – "
        f"{result.window_end.date().isoformat()}",
        "bgnbd": result.bgnbd_status,
    }
    return df, info
