"""ABC and XYZ classification (METHODOLOGY.md section 1) as pure, vectorised functions.

Conventions used throughout (pinned by tests/analysis/test_abc_xyz.py):

- Months are integer *month indices* ``year * 12 + month - 1`` so that month
  arithmetic is plain integer arithmetic (see :func:`month_index`).
- **ABC**: customers sorted by value descending, ties by ``customer_id`` as a
  string ascending. Shares are of the sum of *positive* values. A customer is
  A while the value of all customers ranked before it is below the first
  cut-off (so the customer that crosses 80 % is still A), B while below the
  second cut-off, else C. Value <= 0 is always C. Values are rounded to whole
  cents before ranking (a sum of several lines ties with the same amount
  booked on one line). Comparisons of shares use a tolerance
  of :data:`EPS` so that a cumulative share that is 80 % up to float noise
  counts as having reached the line.
- **XYZ (cv)**: population CV (ddof=0) of monthly revenue over the window
  months from ``max(first purchase month, window start)`` to as_of's month,
  zero months included. X <= 0.5 < Y <= 1.0 < Z (cut-offs configurable).
- **XYZ (frequency)**: share of those same months with positive net revenue:
  >= 0.75 X, >= 0.40 Y, else Z.
- **History / "new"**: ``history_months = as_of month - first purchase month + 1``
  (calendar months counted inclusively: first purchase 2026-05-15 and as_of
  2026-06-30 give 2 months). A customer with ``history_months <=
  min_history_months`` (default 3: first purchase in the last three calendar
  months up to and including as_of's month -- April, May or June 2026 for
  as_of 2026-06-30) is ``"new"`` instead of X/Y/Z. The first
  purchase is the first month with an invoice line of positive net revenue
  on or before as_of.
- No revenue (<= 0) in the window: ``xyz_class == ""`` and ``cv`` NaN.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

#: tolerance for comparing cumulative shares and CVs with their cut-offs
EPS = 1e-9

#: XYZ label for customers with too little history
NEW = "new"


def month_index(dates: pd.Series | np.ndarray) -> np.ndarray:
    """Calendar month of each date as ``year * 12 + month - 1`` (int64).

    ``NaT`` is not allowed (the data layer drops lines without a date).
    """
    values = np.asarray(dates, dtype="datetime64[ns]").astype("datetime64[M]")
    # datetime64[M] counts months since 1970-01; shift to year*12+month-1
    return values.astype(np.int64) + 1970 * 12


def month_start(index: int) -> pd.Timestamp:
    """First day of the month with the given month index."""
    return pd.Timestamp(year=int(index) // 12, month=int(index) % 12 + 1, day=1)


def abc_classes(
    customer_ids: pd.Series | np.ndarray,
    values: pd.Series | np.ndarray,
    cutoffs: tuple[float, float] = (0.80, 0.95),
) -> pd.DataFrame:
    """Classify customers A/B/C by ``values`` (money; revenue or margin).

    Returns a frame aligned with the input order with columns
    ``value_share`` (fraction 0-1 of the positive total; 0 for values <= 0),
    ``cum_before_share`` (share of all customers ranked before, 0-1),
    ``cumulative_share`` (including the customer), ``abc_rank`` (1 = largest)
    and ``abc_class``. Missing values (NaN) count as 0.
    """
    ids = np.asarray(customer_ids, dtype=object).astype(str)
    # values are compared in whole cents: 300.00 summed from several lines ties with 300.00
    vals = np.round(np.nan_to_num(np.asarray(values, dtype=float), nan=0.0), 2)
    n = len(vals)
    # lexsort sorts by the last key first: value descending, then id ascending
    order = np.lexsort((ids, -vals))
    positive = np.clip(vals[order], 0.0, None)
    total = positive.sum()
    cum_after = np.cumsum(positive)
    cum_before = cum_after - positive
    if total > 0:
        share_sorted = positive / total
        before_sorted = cum_before / total
        after_sorted = cum_after / total
    else:
        share_sorted = np.zeros(n)
        before_sorted = np.ones(n)  # no positive value at all: everyone is C
        after_sorted = np.ones(n)
    cls_sorted = np.where(
        before_sorted < cutoffs[0] - EPS, "A", np.where(before_sorted < cutoffs[1] - EPS, "B", "C")
    )
    cls_sorted = np.where(vals[order] > 0, cls_sorted, "C")
    out = pd.DataFrame(index=range(n))
    inv = np.empty(n, dtype=np.int64)
    inv[order] = np.arange(n)
    out["value_share"] = share_sorted[inv]
    out["cum_before_share"] = np.minimum(before_sorted[inv], 1.0)
    out["cumulative_share"] = np.minimum(after_sorted[inv], 1.0)
    out["abc_rank"] = inv + 1
    out["abc_class"] = cls_sorted[inv].astype(object)
    return out


def window_stats(
    monthly: np.ndarray,
    start_col: np.ndarray,
) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """CV statistics of monthly revenue per customer (rows) over window columns.

    ``monthly`` is customers x window months (money); ``start_col`` is the
    first column each customer's statistics cover (``max(first purchase,
    window start)`` as a column number; values >= the column count mean "no
    months"). Zero months are included.

    Returns ``(cv, months, order_month_share, mean)``; ``cv`` is the
    population coefficient of variation (ddof=0), NaN when there are no
    months or the mean is <= 0.
    """
    n, m = monthly.shape
    cols = np.arange(m)
    mask = cols[None, :] >= np.asarray(start_col)[:, None]
    months = mask.sum(axis=1).astype(float)
    masked = np.where(mask, monthly, 0.0)
    with np.errstate(invalid="ignore", divide="ignore"):
        mean = masked.sum(axis=1) / months
        dev = np.where(mask, monthly - mean[:, None], 0.0)
        std = np.sqrt((dev * dev).sum(axis=1) / months)
        cv = np.where(mean > 0, std / mean, np.nan)
        ordered = np.where(mask & (monthly > 0), 1.0, 0.0).sum(axis=1)
        order_share = np.where(months > 0, ordered / months, np.nan)
    months = np.where(months > 0, months, np.nan)
    return cv, months, order_share, mean


def classify_cv(cv: np.ndarray, cutoffs: tuple[float, float] = (0.5, 1.0)) -> np.ndarray:
    """X if cv <= cutoffs[0], Y if <= cutoffs[1], else Z ("" for NaN)."""
    cv = np.asarray(cv, dtype=float)
    out = np.where(cv <= cutoffs[0] + EPS, "X", np.where(cv <= cutoffs[1] + EPS, "Y", "Z"))
    return np.where(np.isnan(cv), "", out).astype(object)


def classify_frequency(
    order_share: np.ndarray, cutoffs: tuple[float, float] = (0.75, 0.40)
) -> np.ndarray:
    """X if the order-month share >= cutoffs[0], Y if >= cutoffs[1], else Z."""
    s = np.asarray(order_share, dtype=float)
    out = np.where(s >= cutoffs[0] - EPS, "X", np.where(s >= cutoffs[1] - EPS, "Y", "Z"))
    return np.where(np.isnan(s), "", out).astype(object)


def xyz_classes(
    window_revenue: np.ndarray,
    first_purchase: np.ndarray,
    window_start: int,
    as_of_month: int,
    *,
    method: str = "cv",
    cutoffs: tuple[float, float] = (0.5, 1.0),
    frequency_cutoffs: tuple[float, float] = (0.75, 0.40),
    min_history_months: int = 3,
) -> pd.DataFrame:
    """XYZ class per customer (rows of ``window_revenue``).

    ``window_revenue``: customers x window months (money), the last column is
    as_of's month and column 0 is ``window_start`` (a month index).
    ``first_purchase``: month index of each customer's first purchase
    (NaN when it never bought). Returns columns ``xyz_class`` (X/Y/Z/new/""),
    ``cv`` (NaN for new and no-revenue customers), ``cv_months`` (months the
    statistics cover; NaN without revenue), ``order_month_share`` (0-1) and
    ``history_months``.
    """
    window_revenue = np.asarray(window_revenue, dtype=float)
    n, m = window_revenue.shape
    fp = np.asarray(first_purchase, dtype=float)
    start_col = np.where(np.isnan(fp), m, np.clip(fp - window_start, 0, None)).astype(np.int64)
    cv, months, order_share, _ = window_stats(window_revenue, start_col)
    total = window_revenue.sum(axis=1)
    has_revenue = total > 0
    history = np.where(np.isnan(fp), np.nan, as_of_month - fp + 1)
    is_new = has_revenue & (history <= min_history_months)
    if method == "frequency":
        cls = classify_frequency(order_share, frequency_cutoffs)
    else:
        cls = classify_cv(cv, cutoffs)
    cls = np.where(is_new, NEW, cls)
    cls = np.where(has_revenue, cls, "").astype(object)
    out = pd.DataFrame(index=range(n))
    out["xyz_class"] = cls
    out["cv"] = np.where(has_revenue & ~is_new, cv, np.nan)
    out["cv_months"] = np.where(has_revenue, months, np.nan)
    out["order_month_share"] = np.where(has_revenue, order_share, np.nan)
    out["history_months"] = history
    return out
