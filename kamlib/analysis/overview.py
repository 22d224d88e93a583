"""Customer base overview ("Kundenstruktur"): the first deliverable.

Revenue and contribution margin by year and month, by industry and region,
the top customers, revenue concentration (Pareto curve) and new vs. lost
customers per year.

Rules (pinned by ``tests/analysis/test_overview.py``):

- **Reference date.** Invoice lines dated after ``as_of`` are ignored: they
  belong to a later analysis.
- **Credit notes are netted.** Revenue and margin are plain sums of the lines,
  credit notes (negative lines) included.
- **Margin %** = contribution margin / revenue *of the lines that carry a
  margin*, so missing margins never dilute the ratio.
  ``margin_coverage`` says which share of revenue that is.
- **Purchase** = a line with positive net revenue. A customer is *active* in a
  period when it made a purchase in it; a credit note alone is no purchase.
  (The new/lost flow uses the shared section-0 rule instead, where a
  zero-value line is a purchase too; see below.)
- **Years** are calendar years. The year of ``as_of`` is *year to date* unless
  ``as_of`` is 31 December; its growth compares 1 January – ``as_of`` with
  1 January – the same day of the previous year (like for like). Growth is
  empty when the comparison year is not fully covered by the data.
- **Current window** (top customers, industries, regions, concentration): the
  ``window_months`` calendar months ending with the month of ``as_of``
  (as_of 2026-06-30 -> July 2025 - June 2026), as in the portfolio module.
  Its comparison is the window of the same length just before it.
- **Concentration** is :func:`kamlib.analysis.shares.revenue_concentration`,
  the base the portfolio uses too: customers with positive revenue (in whole
  cents) in the window, ranked by revenue descending, ties by customer id (as
  strings) ascending. "Top 10 %" are the smallest whole number of customers
  that is at least 10 % of them (``ceil(0.10 * n)``); likewise 20 %.
- **Growth ranking** (industries, regions): only named categories whose
  previous-window revenue is at least ``GROWTH_MIN_PREV_SHARE`` (2 %) of the
  previous window's total take part (``growth_ranked``).
- **New and lost** (``customer_flow``) follow METHODOLOGY section 0 through
  :mod:`kamlib.analysis.customer_status`, the same rule and numbers as the
  win-back module, with N = ``winback.lost_after_months``: a purchase is a
  line with net revenue >= 0 (zero-value lines count, credit notes do not);
  only master customers count. **New** in year Y: first purchase falls in Y.
  Empty unless the data start at least N months before Y (always empty for
  the first data year): before that a returning customer would look new.
  **Lost** in year Y: the customer *became lost* in Y (last purchase + N
  calendar months) and is still lost at as_of (last purchase before
  as_of - N months; exactly N months is not yet lost). The year-to-date
  year's losses are provisional (``lost_final`` False).

Money is in the client's currency; shares, growth rates and margin % are
fractions 0-1 (growth may be negative or above 1).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from kamlib.analysis.customer_status import customer_status, is_purchase, lost_per_year
from kamlib.analysis.customer_status import lost_cutoff as status_lost_cutoff
from kamlib.analysis.shares import Concentration, revenue_concentration
from kamlib.config import OverviewSettings

#: growth is ranked ("grew fastest", "lost most") only for categories whose
#: previous-period revenue is at least this share of the previous period's total:
#: small bases give meaningless percentages (+85 % on a handful of orders)
GROWTH_MIN_PREV_SHARE = 0.02
#: category keys for customers without industry/region and for the collapsed tail
UNKNOWN = "__unknown__"
OTHER = "__other__"


@dataclass
class PeriodTotals:
    """Totals of one period. Money in currency, ``margin_pct`` a fraction 0-1."""

    start: pd.Timestamp
    end: pd.Timestamp
    revenue: float
    margin: float  # NaN when no line of the period carries a margin
    margin_pct: float  # margin / revenue of lines with a margin; NaN if none
    customers: int  # active customers (at least one purchase)


@dataclass
class OverviewResult:
    """Everything the overview deliverable shows.

    Tables (money in currency, shares/growth/margin_pct fractions 0-1):

    - ``yearly``: one row per calendar year (the last ``settings.years``):
      year, is_ytd, period_start, period_end, complete (data cover the whole
      period), revenue, margin, margin_pct, customers, prev_revenue (previous
      year, like-for-like period), growth.
    - ``monthly``: one row per month from the first data month to as_of's
      month: month (Timestamp, first day), revenue, margin, margin_pct,
      customers, prev_year_revenue (same month a year earlier; NaN before the data).
    - ``by_industry`` / ``by_region``: one row per category (current window),
      sorted by revenue, "other" last: key (value, ``UNKNOWN`` or ``OTHER``),
      customers, revenue, share (of net window revenue), margin, margin_pct,
      prev_revenue (previous window), growth, growth_ranked (the row takes
      part in the "grew fastest / lost most" ranking, see :func:`growth_ranked`).
    - ``top_customers``: the ``settings.top_n`` largest customers of the window:
      rank, customer_id, name, industry, region, is_key_account, revenue,
      margin, margin_pct, share, cumulative_share (incl. the customer; same base
      as the Pareto curve).
    - ``customer_flow``: one row per calendar year (the last ``settings.years``):
      year, is_ytd, active, new (NaN while the data do not reach back
      lost_after_months before the year), lost, lost_final, net (new - lost).
    """

    client_name: str
    currency: str
    as_of: pd.Timestamp
    settings: OverviewSettings
    data_start: pd.Timestamp  # first invoice date (up to as_of)
    current: PeriodTotals  # the current window
    previous: PeriodTotals  # the window of equal length before it
    window_growth: float  # current.revenue / previous.revenue - 1 (NaN if not comparable)
    previous_complete: bool  # the data cover the whole previous window
    has_margin: bool  # at least one line in the window carries a margin
    margin_coverage: float  # share of window revenue on lines with a margin
    yearly: pd.DataFrame
    monthly: pd.DataFrame
    by_industry: pd.DataFrame
    by_region: pd.DataFrame
    top_customers: pd.DataFrame
    concentration: Concentration
    customer_flow: pd.DataFrame
    master_customers: int  # customers in the master file
    key_account_flag: bool  # the master has an is_key_account column
    lost_cutoff: pd.Timestamp  # last purchase before this date = lost
    #: N of the lost rule (client.yaml ``winback.lost_after_months``)
    lost_after_months: int = 12

    @property
    def window_start(self) -> pd.Timestamp:
        return self.current.start

    @property
    def window_end(self) -> pd.Timestamp:
        return self.current.end


# ---------------------------------------------------------------- helpers


def window_bounds(as_of: pd.Timestamp, months: int) -> tuple[pd.Timestamp, pd.Timestamp]:
    """First and last day of the ``months`` calendar months ending with as_of's month."""
    end_period = pd.Timestamp(as_of).to_period("M")
    start = (end_period - (months - 1)).start_time
    return start.normalize(), end_period.end_time.normalize()


def prepare_lines(sales: pd.DataFrame, as_of: pd.Timestamp) -> pd.DataFrame:
    """Sales lines up to ``as_of`` with the helper columns every aggregate needs.

    Adds ``margin_revenue`` (revenue of lines with a known margin, else 0) and
    ``buyer`` (customer_id on purchase lines, NaN on credit notes / zero lines)
    so that groupby sums and ``nunique`` give margin % and active customers.
    """
    cutoff = pd.Timestamp(as_of).normalize() + pd.Timedelta(days=1)
    cols = ["date", "customer_id", "net_revenue", "contribution_margin"]
    lines = sales.loc[sales["date"] < cutoff, cols].copy()
    lines["net_revenue"] = lines["net_revenue"].astype(float)
    lines["contribution_margin"] = lines["contribution_margin"].astype(float)
    known = lines["contribution_margin"].notna()
    lines["margin_revenue"] = lines["net_revenue"].where(known, 0.0)
    lines["buyer"] = lines["customer_id"].where(lines["net_revenue"] > 0)
    return lines


def _aggregate(lines: pd.DataFrame, by) -> pd.DataFrame:
    """revenue, margin, margin_pct, customers per group of ``by``."""
    grouped = lines.groupby(by, sort=True)
    out = pd.DataFrame(
        {
            "revenue": grouped["net_revenue"].sum(),
            "margin": grouped["contribution_margin"].sum(min_count=1),
            "margin_revenue": grouped["margin_revenue"].sum(),
            "customers": grouped["buyer"].nunique(),
        }
    )
    out["margin_pct"] = _ratio(out["margin"], out["margin_revenue"])
    return out.drop(columns="margin_revenue")


def _ratio(num: pd.Series, den: pd.Series) -> pd.Series:
    """num / den, NaN where den is not positive (no meaningful ratio)."""
    return (num / den.where(den > 0)).astype(float)


def _growth(current: pd.Series | float, previous: pd.Series | float):
    """Relative change current / previous - 1; NaN where previous is not positive."""
    if isinstance(previous, pd.Series):
        return (current / previous.where(previous > 0) - 1).astype(float)
    return float(current) / previous - 1 if previous > 0 else float("nan")


def period_totals(lines: pd.DataFrame, start: pd.Timestamp, end: pd.Timestamp) -> PeriodTotals:
    """Totals of the lines dated ``start`` … ``end`` (both inclusive days)."""
    sel = lines[(lines["date"] >= start) & (lines["date"] < end + pd.Timedelta(days=1))]
    margin = sel["contribution_margin"].sum(min_count=1)
    margin_revenue = sel["margin_revenue"].sum()
    return PeriodTotals(
        start=start,
        end=end,
        revenue=float(sel["net_revenue"].sum()),
        margin=float(margin),
        margin_pct=float(margin / margin_revenue) if margin_revenue > 0 else float("nan"),
        customers=int(sel["buyer"].nunique()),
    )


def _covered_from(lines: pd.DataFrame) -> pd.Timestamp:
    """First day of the first data month: periods from here on count as covered."""
    return pd.Timestamp(lines["date"].min()).to_period("M").start_time


# ---------------------------------------------------------------- tables


def yearly(lines: pd.DataFrame, as_of: pd.Timestamp) -> pd.DataFrame:
    """Revenue, margin, margin %, active customers and growth per calendar year.

    ``lines`` from :func:`prepare_lines`. The as_of year is year to date
    (``is_ytd``) unless as_of is 31 December; its ``prev_revenue`` is the
    previous year's revenue from 1 January to the same day (like for like).
    ``growth`` is NaN when the previous year is not fully covered by the data
    (``complete`` False) or its revenue is not positive.
    """
    as_of = pd.Timestamp(as_of).normalize()
    cols = [
        "year",
        "is_ytd",
        "period_start",
        "period_end",
        "complete",
        "revenue",
        "margin",
        "margin_pct",
        "customers",
        "prev_revenue",
        "growth",
    ]
    if lines.empty:
        return pd.DataFrame(columns=cols)
    years = lines["date"].dt.year
    table = _aggregate(lines, years.rename("year"))
    table = table.reindex(range(int(years.min()), as_of.year + 1), fill_value=0)
    table.index.name = "year"
    table = table.reset_index()
    table["is_ytd"] = (table["year"] == as_of.year) & ~(as_of.month == 12 and as_of.day == 31)
    table["period_start"] = pd.to_datetime(table["year"].astype(str) + "-01-01")
    table["period_end"] = pd.to_datetime(table["year"].astype(str) + "-12-31")
    table.loc[table["year"] == as_of.year, "period_end"] = as_of
    table["complete"] = table["period_start"] >= _covered_from(lines)

    # previous year's revenue, full year; for the YTD row the same days of last year
    prev = table.set_index("year")["revenue"].shift(1)
    table["prev_revenue"] = prev.to_numpy()
    prev_complete = table["complete"].shift(1, fill_value=False).astype(bool)
    ytd = table["is_ytd"]
    if ytd.any():
        same_day = as_of - pd.DateOffset(years=1)  # 29 Feb -> 28 Feb
        in_prev = (lines["date"].dt.year == as_of.year - 1) & (
            lines["date"] < same_day + pd.Timedelta(days=1)
        )
        table.loc[ytd, "prev_revenue"] = float(lines.loc[in_prev, "net_revenue"].sum())
    table["prev_revenue"] = table["prev_revenue"].where(prev_complete)
    table["growth"] = _growth(table["revenue"], table["prev_revenue"])
    table["customers"] = table["customers"].astype(int)
    return table[cols]


def monthly(lines: pd.DataFrame, as_of: pd.Timestamp) -> pd.DataFrame:
    """One row per month from the first data month to as_of's month (empty months = 0).

    ``prev_year_revenue`` is the revenue of the same month one year earlier
    (NaN when that month lies before the data).
    """
    cols = ["month", "revenue", "margin", "margin_pct", "customers", "prev_year_revenue"]
    if lines.empty:
        return pd.DataFrame(columns=cols)
    months = lines["date"].dt.to_period("M").rename("month")
    table = _aggregate(lines, months)
    full = pd.period_range(months.min(), pd.Timestamp(as_of).to_period("M"), freq="M")
    table = table.reindex(full)
    table[["revenue", "customers"]] = table[["revenue", "customers"]].fillna(0)
    table["customers"] = table["customers"].astype(int)
    prev = table["revenue"].reindex(full - 12)
    table["prev_year_revenue"] = prev.to_numpy()
    table.index = full.to_timestamp()
    table.index.name = "month"
    return table.reset_index()[cols]


def customer_values(lines: pd.DataFrame, start: pd.Timestamp, end: pd.Timestamp) -> pd.DataFrame:
    """Revenue, margin, margin % and purchase flag per customer for ``start`` … ``end``."""
    sel = lines[(lines["date"] >= start) & (lines["date"] < end + pd.Timedelta(days=1))]
    out = _aggregate(sel, "customer_id")
    out.index = out.index.astype(str)
    return out.rename(columns={"customers": "active"})


def _category_column(customers: pd.DataFrame, column: str) -> pd.Series:
    """The customer master's ``column`` per customer_id; blanks become UNKNOWN."""
    ids = customers["customer_id"].astype(str)
    if column not in customers:
        return pd.Series(UNKNOWN, index=ids, name=column)
    values = customers[column].astype("string").str.strip()
    values = values.mask(values.isna() | (values == ""), UNKNOWN)
    return pd.Series(values.to_numpy(dtype=object), index=ids, name=column)


def by_dimension(
    current: pd.DataFrame,
    previous: pd.DataFrame,
    customers: pd.DataFrame,
    column: str,
    max_categories: int = 8,
) -> pd.DataFrame:
    """Window revenue, share, margin % and growth per value of a master column.

    ``current``/``previous``: :func:`customer_values` of the current and the
    previous window. ``column``: ``"industry"`` or ``"region"`` (any master
    column works). Customers without a value (or unknown to the master) fall
    under ``UNKNOWN``. With more than ``max_categories`` values the smallest
    are summed up as ``OTHER`` (listed last). ``share`` is of the net window
    revenue, so the shares sum to 1 whenever that total is not zero.
    """
    cat = _category_column(customers, column)

    def per_category(values: pd.DataFrame) -> pd.DataFrame:
        keys = cat.reindex(values.index).fillna(UNKNOWN).rename("key")
        tmp = values.assign(margin_revenue=values["revenue"].where(values["margin"].notna(), 0.0))
        g = tmp.groupby(keys.to_numpy())
        return pd.DataFrame(
            {
                "customers": g["active"].sum(),
                "revenue": g["revenue"].sum(),
                "margin": g["margin"].sum(min_count=1),
                "margin_revenue": g["margin_revenue"].sum(),
            }
        )

    cur = per_category(current)
    prev = per_category(previous)
    # outer join: a category that sold nothing in the window still shows, with its decline
    table = cur.join(prev[["revenue"]].rename(columns={"revenue": "prev_revenue"}), how="outer")
    table[["customers", "revenue", "margin_revenue"]] = table[
        ["customers", "revenue", "margin_revenue"]
    ].fillna(0)
    table.index.name = "key"
    table = table.reset_index()
    table = table.sort_values(["revenue", "key"], ascending=[False, True], kind="mergesort")
    if len(table) > max_categories:
        head = table.iloc[: max_categories - 1]
        tail = table.iloc[max_categories - 1 :]
        sums = tail[["customers", "revenue", "margin", "margin_revenue", "prev_revenue"]].sum(
            min_count=1
        )
        other = pd.DataFrame([{"key": OTHER, **sums.to_dict()}])
        table = pd.concat([head, other], ignore_index=True)
    total = table["revenue"].sum()
    table["share"] = table["revenue"] / total if total != 0 else np.nan
    table["margin_pct"] = _ratio(
        table["margin"].astype(float), table["margin_revenue"].astype(float)
    )
    table["growth"] = _growth(table["revenue"].astype(float), table["prev_revenue"].astype(float))
    table["customers"] = table["customers"].astype(int)
    cols = [
        "key",
        "customers",
        "revenue",
        "share",
        "margin",
        "margin_pct",
        "prev_revenue",
        "growth",
    ]
    for col in cols[2:]:
        table[col] = table[col].astype(float)
    return table[cols].reset_index(drop=True)


def ranked_positive(values: pd.DataFrame) -> pd.DataFrame:
    """Customers with positive revenue, largest first, ties by customer id ascending.

    The base of :func:`kamlib.analysis.shares.revenue_concentration`: revenue
    compared in whole cents, so a customer left with 0.001 after a credit note
    is not in it.
    """
    pos = values[values["revenue"].round(2) > 0].rename_axis(None)
    pos["customer_id"] = pos.index.astype(str)
    return pos.sort_values(
        ["revenue", "customer_id"], ascending=[False, True], kind="mergesort"
    ).reset_index(drop=True)


def concentration(values: pd.DataFrame, bands: tuple[float, float] = (0.60, 0.80)) -> Concentration:
    """Pareto curve and concentration figures of the customers' window revenue.

    ``values``: :func:`customer_values` (index customer_id, column revenue).
    Delegates to :func:`kamlib.analysis.shares.revenue_concentration`, the one
    base the portfolio uses too (customers with positive revenue in the
    window), so both deliverables print the same figures.
    """
    return revenue_concentration(values.index.astype(str), values["revenue"], bands)


def growth_ranked(table: pd.DataFrame, min_prev_share: float = GROWTH_MIN_PREV_SHARE) -> pd.Series:
    """Which rows of a :func:`by_dimension` table take part in the growth ranking.

    True for a named category (not unknown / other) with a known growth whose
    previous-period revenue is at least ``min_prev_share`` of the previous
    period's total. The deliverable shows growth only for these rows and its
    "grew fastest" sentence names the maximum among them.
    """
    total_prev = table["prev_revenue"].sum(min_count=1)
    if pd.isna(total_prev) or total_prev <= 0:
        return pd.Series(False, index=table.index)
    named = ~table["key"].isin([UNKNOWN, OTHER])
    big = table["prev_revenue"] >= min_prev_share * total_prev - 1e-9
    return (named & table["growth"].notna() & big).astype(bool)


def top_customers(values: pd.DataFrame, customers: pd.DataFrame, n: int = 20) -> pd.DataFrame:
    """The ``n`` largest customers of the window with share and cumulative share.

    Shares are of the positive window revenue (the Pareto curve's base).
    Name, industry and region come from the master; ``is_key_account`` is
    False when the master has no such column.
    """
    ranked = ranked_positive(values)
    total = ranked["revenue"].sum()
    ranked["share"] = ranked["revenue"] / total if total > 0 else np.nan
    ranked["cumulative_share"] = ranked["share"].cumsum()
    ranked["rank"] = np.arange(1, len(ranked) + 1)
    master = customers.assign(customer_id=customers["customer_id"].astype(str))
    master = master.drop_duplicates("customer_id").set_index("customer_id")
    top = ranked.head(n)
    info = master.reindex(top["customer_id"])
    top = top.assign(
        name=info["name"].to_numpy() if "name" in info else top["customer_id"],
        industry=_category_column(customers, "industry").reindex(top["customer_id"]).to_numpy(),
        region=_category_column(customers, "region").reindex(top["customer_id"]).to_numpy(),
        is_key_account=(
            info["is_key_account"].fillna(False).astype(bool).to_numpy()
            if "is_key_account" in info
            else False
        ),
    )
    top["name"] = top["name"].fillna(top["customer_id"])
    cols = [
        "rank",
        "customer_id",
        "name",
        "industry",
        "region",
        "is_key_account",
        "revenue",
        "margin",
        "margin_pct",
        "share",
        "cumulative_share",
    ]
    return top[cols].reset_index(drop=True)


def customer_flow(
    lines: pd.DataFrame,
    as_of: pd.Timestamp,
    lost_after_months: int,
    customer_ids=None,
) -> pd.DataFrame:
    """Active, new and lost customers per calendar year (see module docstring).

    Purchase, lost and became-lost follow METHODOLOGY section 0
    (:mod:`kamlib.analysis.customer_status`, the same rule as the win-back
    module): a zero-value line is a purchase, a credit note is not; "lost in
    Y" = became lost in Y (last purchase + ``lost_after_months``) and still
    lost at as_of. ``customer_ids`` (the master) limits the count to known
    customers, as in the win-back module; None = every customer in ``lines``.
    ``lost_final`` is False for the year-to-date year: more customers may still
    become lost in it.
    """
    as_of = pd.Timestamp(as_of).normalize()
    cols = ["year", "is_ytd", "active", "new", "lost", "lost_final", "net"]
    if customer_ids is None:
        customer_ids = lines["customer_id"].astype(str).unique()
    bought = is_purchase(lines["net_revenue"].to_numpy())
    known = lines["customer_id"].astype(str).isin(pd.Index(customer_ids).astype(str)).to_numpy()
    purchases = lines[bought & known]
    if purchases.empty:
        return pd.DataFrame(columns=cols)
    status = customer_status(customer_ids, lines, as_of, lost_after_months)
    first_data_year = int(lines["date"].dt.year.min())
    years = pd.RangeIndex(first_data_year, as_of.year + 1, name="year")
    table = pd.DataFrame(index=years)
    table["active"] = purchases.groupby(purchases["date"].dt.year)["customer_id"].nunique()
    table["new"] = status["first_purchase"].dt.year.value_counts().astype(float)
    table["lost"] = lost_per_year(status["lost_on"], years)
    table = table.fillna(0)
    # A first purchase only marks a new customer when the data reach back far enough
    # to rule out a returning one: lost_after_months before the year starts. Otherwise
    # (always in the first data year) everyone who bought before the data start looks new.
    known_from = _covered_from(lines) + pd.DateOffset(months=lost_after_months)
    year_start = pd.to_datetime(years.astype(str) + "-01-01")
    table.loc[year_start < known_from, "new"] = np.nan
    table = table.reset_index()
    table["is_ytd"] = (table["year"] == as_of.year) & ~(as_of.month == 12 and as_of.day == 31)
    table["lost_final"] = ~table["is_ytd"]
    table["net"] = table["new"] - table["lost"]
    table[["active", "lost"]] = table[["active", "lost"]].astype(int)
    return table[cols]


def lost_cutoff(as_of: pd.Timestamp, lost_after_months: int) -> pd.Timestamp:
    """Customers whose last purchase is before this day count as lost.

    ``as_of - lost_after_months`` calendar months, clamped to the month's end
    (METHODOLOGY section 0): a last purchase exactly on this day is not yet lost.
    """
    return status_lost_cutoff(as_of, lost_after_months)


# ---------------------------------------------------------------- entry point


def analyse(client, settings: OverviewSettings | None = None) -> OverviewResult:
    """Run the overview for a loaded client (:class:`~kamlib.data.ClientData`).

    ``settings`` defaults to ``client.config.overview``.
    """
    settings = settings or client.config.overview
    # one rule for the overview and the win-back module (overview.lost_after_months
    # is a deprecated alias that the configuration maps onto winback.lost_after_months)
    lost_after = client.config.winback.lost_after_months
    as_of = pd.Timestamp(client.as_of).normalize()
    lines = prepare_lines(client.sales, as_of)
    start, end = window_bounds(as_of, settings.window_months)
    prev_end = start - pd.Timedelta(days=1)
    prev_start, _ = window_bounds(prev_end, settings.window_months)

    current = period_totals(lines, start, end)
    previous = period_totals(lines, prev_start, prev_end)
    data_start = pd.Timestamp(lines["date"].min()) if not lines.empty else as_of
    previous_complete = (not lines.empty) and prev_start >= _covered_from(lines)

    cur_values = customer_values(lines, start, end)
    prev_values = customer_values(lines, prev_start, prev_end)
    in_window = lines[(lines["date"] >= start) & (lines["date"] <= end)]
    margin_known = in_window["contribution_margin"].notna()
    window_revenue = in_window["net_revenue"].sum()
    coverage = (
        float(in_window.loc[margin_known, "net_revenue"].sum() / window_revenue)
        if window_revenue != 0
        else float("nan")
    )
    dims = {
        col: by_dimension(cur_values, prev_values, client.customers, col, settings.max_categories)
        for col in ("industry", "region")
    }
    if not previous_complete:  # the data start inside the previous window: no fair comparison
        for table in dims.values():
            table[["prev_revenue", "growth"]] = np.nan
    for table in dims.values():
        table["growth_ranked"] = growth_ranked(table)
    return OverviewResult(
        client_name=client.name,
        currency=client.config.currency,
        as_of=as_of,
        settings=settings,
        data_start=data_start,
        current=current,
        previous=previous,
        window_growth=_growth(current.revenue, previous.revenue)
        if previous_complete
        else float("nan"),
        previous_complete=bool(previous_complete),
        has_margin=bool(margin_known.any()),
        margin_coverage=coverage,
        yearly=yearly(lines, as_of).tail(settings.years).reset_index(drop=True),
        monthly=monthly(lines, as_of),
        by_industry=dims["industry"],
        by_region=dims["region"],
        top_customers=top_customers(cur_values, client.customers, settings.top_n),
        concentration=concentration(cur_values, settings.concentration_bands),
        customer_flow=customer_flow(
            lines, as_of, lost_after, client.customers["customer_id"].astype(str).unique()
        )
        .tail(settings.years)
        .reset_index(drop=True),
        master_customers=int(client.customers["customer_id"].nunique()),
        key_account_flag="is_key_account" in client.customers,
        lost_cutoff=lost_cutoff(as_of, lost_after),
        lost_after_months=lost_after,
    )


def window_months_table(result: OverviewResult) -> pd.DataFrame:
    """The monthly rows of the current window (for chart and text)."""
    m = result.monthly
    return m[(m["month"] >= result.window_start) & (m["month"] <= result.window_end)]
