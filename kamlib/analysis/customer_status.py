"""Purchase, lost and became-lost: the definitions every module shares.

METHODOLOGY.md section 0, one vectorised implementation for the overview,
the retention and the win-back module. Rules (pinned by
``tests/analysis/test_customer_status.py``):

- **Purchase**: a sales line dated on or before ``as_of`` with net revenue
  >= 0. A zero-value line (free goods, a replacement) is a purchase; a
  credit note (negative) never is. Lines after ``as_of`` are ignored.
- **Purchase day**: a calendar day with at least one purchase.
- **Calendar months** keep the day of the month and clamp to the month's
  last day: 2024-02-29 - 12 months = 2023-02-28, 2026-03-31 - 1 month =
  2026-02-28 (:func:`add_months`).
- **Lost**: the customer made a purchase and its last purchase day lies
  *before* ``as_of - N months`` (:func:`lost_cutoff`). as_of 2026-06-30,
  N 12: cut-off 2025-06-30, so a last purchase on or before 2025-06-29 is
  lost; exactly N months (2025-06-30) is not yet lost.
- **Became lost** on ``last purchase + N months`` (same arithmetic), which
  is before as_of for every lost customer. Only lost customers have a
  ``lost_on`` date: with month-end clamping a customer that is not lost may
  have ``last purchase + N months`` before as_of (as_of 2026-03-31, N 1,
  last purchase 2026-02-28), and it stays active.
- **Lost in year Y** means became lost in Y (:func:`lost_per_year`).
- **Status** per master customer: ``active``, ``lost`` or ``never_bought``
  (no purchase up to as_of; credit notes alone do not count).

Dates inside the fast paths are whole days since 1970-01-01 (``int64``);
``NAT_DAY`` marks "no date".
"""

from __future__ import annotations

from collections.abc import Iterable

import numpy as np
import pandas as pd

ACTIVE = "active"
LOST = "lost"
NEVER_BOUGHT = "never_bought"
#: status keys in display order
STATUSES = (ACTIVE, LOST, NEVER_BOUGHT)
#: METHODOLOGY default of ``winback.lost_after_months``
DEFAULT_LOST_AFTER_MONTHS = 12
#: "no date" in day-number arrays
NAT_DAY = np.iinfo(np.int64).min


# ---------------------------------------------------------------- day numbers


def to_days(dates) -> np.ndarray:
    """Whole days since 1970-01-01 (``int64``); NaT becomes :data:`NAT_DAY`.

    Times of day are dropped (a line at 2026-06-30 18:00 is on 2026-06-30).
    """
    days = pd.DatetimeIndex(np.atleast_1d(dates)).to_numpy().astype("datetime64[D]")
    out = days.astype(np.int64)
    out[np.isnat(days)] = NAT_DAY
    return out


def from_days(days: np.ndarray) -> pd.DatetimeIndex:
    """Inverse of :func:`to_days` (:data:`NAT_DAY` becomes NaT)."""
    days = np.asarray(days, dtype=np.int64)
    out = days.astype("datetime64[D]").astype("datetime64[ns]")
    out[days == NAT_DAY] = np.datetime64("NaT")
    return pd.DatetimeIndex(out)


def add_months_days(days: np.ndarray, months: int) -> np.ndarray:
    """:func:`add_months` on day numbers (``NAT_DAY`` stays ``NAT_DAY``)."""
    days = np.asarray(days, dtype=np.int64)
    valid = days != NAT_DAY
    d = np.where(valid, days, 0).astype("datetime64[D]")
    month = d.astype("datetime64[M]")
    day_of_month = (d - month.astype("datetime64[D]")).astype(np.int64)  # 0-based
    target = month + np.timedelta64(int(months), "M")
    target_start = target.astype("datetime64[D]")
    month_len = ((target + np.timedelta64(1, "M")).astype("datetime64[D]") - target_start).astype(
        np.int64
    )
    shifted = target_start.astype(np.int64) + np.minimum(day_of_month, month_len - 1)
    return np.where(valid, shifted, NAT_DAY)


def add_months(dates, months: int):
    """``dates`` shifted by ``months`` calendar months (negative = back).

    Keeps the day of the month and clamps it to the target month's last day
    (2024-02-29 + 12 months = 2025-02-28; 2026-03-31 - 1 month =
    2026-02-28). Accepts one date (returns a ``Timestamp``) or an array-like
    (returns a ``DatetimeIndex``); NaT stays NaT; times of day are dropped.
    """
    if np.ndim(dates) == 0:
        if pd.isna(dates):
            return pd.NaT
        return from_days(add_months_days(to_days([pd.Timestamp(dates)]), months))[0]
    return from_days(add_months_days(to_days(dates), months))


def lost_cutoff(as_of, months: int = DEFAULT_LOST_AFTER_MONTHS) -> pd.Timestamp:
    """A customer whose last purchase day is *before* this day is lost at ``as_of``.

    ``as_of - months`` calendar months: as_of 2026-06-30, 12 months ->
    2025-06-30 (a last purchase on that day is exactly 12 months old and not
    yet lost).
    """
    return add_months(pd.Timestamp(as_of).normalize(), -months)


# ---------------------------------------------------------------- per customer


def is_purchase(net_revenue) -> np.ndarray:
    """True for lines that are purchases: net revenue >= 0 (NaN is not)."""
    values = np.asarray(net_revenue, dtype=float)
    with np.errstate(invalid="ignore"):
        return values >= 0


def status_from_days(
    last_purchase: np.ndarray, as_of_day: int, months: int
) -> tuple[np.ndarray, np.ndarray]:
    """Status keys and became-lost day numbers from last-purchase day numbers.

    ``last_purchase`` uses :data:`NAT_DAY` for customers without a purchase.
    Returns ``(status, lost_on)``: ``status`` an object array of
    :data:`STATUSES`, ``lost_on`` day numbers, :data:`NAT_DAY` unless lost.
    """
    last = np.asarray(last_purchase, dtype=np.int64)
    bought = last != NAT_DAY
    cutoff = int(add_months_days(np.array([as_of_day]), -months)[0])
    lost = bought & (last < cutoff)
    status = np.where(lost, LOST, np.where(bought, ACTIVE, NEVER_BOUGHT)).astype(object)
    lost_on = np.where(lost, add_months_days(last, months), NAT_DAY)
    return status, lost_on


def is_lost(last_purchase, as_of, months: int = DEFAULT_LOST_AFTER_MONTHS) -> np.ndarray:
    """Lost flags for last-purchase dates (NaT = never bought = not lost)."""
    status, _ = status_from_days(
        to_days(last_purchase), int(to_days([pd.Timestamp(as_of)])[0]), months
    )
    return status == LOST


def became_lost_on(last_purchase, months: int = DEFAULT_LOST_AFTER_MONTHS) -> pd.DatetimeIndex:
    """``last purchase + months`` calendar months (for every date; NaT stays NaT).

    The date a customer with this last purchase became (or will become) lost.
    Use :func:`customer_status` for the ``lost_on`` of lost customers only.
    """
    return add_months(last_purchase, months)


def purchase_days(sales: pd.DataFrame, as_of, customer_ids=None) -> pd.DataFrame:
    """Distinct purchase days per customer up to ``as_of``.

    ``sales`` needs ``date``, ``customer_id`` and ``net_revenue``. With
    ``customer_ids`` only those customers are kept. Columns ``customer_id``
    (str) and ``day`` (Timestamp), sorted by customer_id then day.
    """
    as_of_day = int(to_days([pd.Timestamp(as_of)])[0])
    days = to_days(sales["date"].to_numpy())
    keep = (days != NAT_DAY) & (days <= as_of_day) & is_purchase(sales["net_revenue"].to_numpy())
    ids = sales["customer_id"].astype(str).to_numpy()[keep]
    frame = pd.DataFrame({"customer_id": ids, "day": days[keep]})
    if customer_ids is not None:
        frame = frame[frame["customer_id"].isin(pd.Index(customer_ids).astype(str))]
    frame = frame.drop_duplicates().sort_values(["customer_id", "day"], kind="mergesort")
    return pd.DataFrame(
        {"customer_id": frame["customer_id"].to_numpy(), "day": from_days(frame["day"].to_numpy())}
    )


def customer_status(
    customer_ids: Iterable,
    sales: pd.DataFrame,
    as_of,
    months: int = DEFAULT_LOST_AFTER_MONTHS,
) -> pd.DataFrame:
    """Purchase history and status of each customer in ``customer_ids``.

    ``sales`` needs ``date``, ``customer_id`` and ``net_revenue``; lines of
    other customers and lines after ``as_of`` are ignored. One row per id, in
    the given order: customer_id, first_purchase, last_purchase (NaT without
    a purchase), purchase_days (count of distinct purchase days), status
    (active | lost | never_bought), lost_on (last purchase + ``months``
    calendar months; NaT unless lost).
    """
    ids = pd.Index(pd.Index(list(customer_ids)).astype(str), name="customer_id")
    as_of_day = int(to_days([pd.Timestamp(as_of)])[0])
    days = to_days(sales["date"].to_numpy())
    code = ids.get_indexer(sales["customer_id"].astype(str))
    keep = (
        (code >= 0)
        & (days != NAT_DAY)
        & (days <= as_of_day)
        & is_purchase(sales["net_revenue"].to_numpy())
    )
    first, last, count = first_last_count(code[keep], days[keep], len(ids))
    status, lost_on = status_from_days(last, as_of_day, months)
    return pd.DataFrame(
        {
            "customer_id": ids.to_numpy(dtype=object),
            "first_purchase": from_days(first),
            "last_purchase": from_days(last),
            "purchase_days": count,
            "status": status,
            "lost_on": from_days(lost_on),
        }
    )


def first_last_count(
    code: np.ndarray, days: np.ndarray, n: int
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """First day, last day and number of distinct days per customer code 0..n-1.

    ``code``/``days`` are parallel arrays (e.g. the purchase lines); customers
    without an entry get :data:`NAT_DAY` and a count of 0.
    """
    code = np.asarray(code, dtype=np.int64)
    days = np.asarray(days, dtype=np.int64)
    first = np.full(n, NAT_DAY, dtype=np.int64)
    last = np.full(n, NAT_DAY, dtype=np.int64)
    if len(code) == 0:
        return first, last, np.zeros(n, dtype=np.int64)
    ordered = bool(
        np.all((code[1:] > code[:-1]) | ((code[1:] == code[:-1]) & (days[1:] >= days[:-1])))
    )
    if ordered:  # e.g. the (customer, day) pairs of the win-back inputs
        c, d = code, days
    else:
        order = np.lexsort((days, code))
        c, d = code[order], days[order]
    new_pair = np.r_[True, (c[1:] != c[:-1]) | (d[1:] != d[:-1])]
    count = np.bincount(c[new_pair], minlength=n).astype(np.int64)
    starts = np.r_[True, c[1:] != c[:-1]]
    ends = np.r_[c[1:] != c[:-1], True]
    first[c[starts]] = d[starts]
    last[c[ends]] = d[ends]
    return first, last, count


def lost_per_year(lost_on, years: Iterable[int]) -> pd.Series:
    """Number of customers that became lost in each calendar year of ``years``.

    ``lost_on`` is the column of :func:`customer_status` (NaT = not lost).
    """
    years = list(years)
    lost = pd.DatetimeIndex(lost_on)
    counts = pd.Series(lost[lost.notna()].year).value_counts()
    return counts.reindex(years, fill_value=0).astype(int).rename_axis("year").rename("lost")
