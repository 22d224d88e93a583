"""C-customer management (METHODOLOGY.md section 2): cost to serve, customer profit.

Entry points (the contract of :mod:`kamlib.analysis.portfolio`):

- ``analyse(client, settings=None) -> CCustomersResult`` = ``compute(prepare(client), settings)``.
- ``prepare(client) -> CCustomersInputs``: the once-per-client part (the
  portfolio's monthly matrices, the profitability year's invoices and
  activity counts).
- ``compute(inputs, settings) -> CCustomersResult``: the cheap part a
  workshop panel re-runs (unit costs, thresholds, pricing simulation).

Rules (each pinned by ``tests/analysis/test_c_customers.py``):

- **C customers**: ABC class C of the portfolio window with the portfolio's
  rules and settings (window_months, ABC basis and cut-offs, taken from the
  client's ``portfolio:`` section in :func:`prepare`), optionally narrowed to
  window revenue <= ``max_revenue``.
- **Profitability year** Y = the last complete calendar year before as_of
  (as_of 2026-06-30 -> 2025, as_of 2025-12-31 -> 2025). Revenue and margin
  are the sums of all the customer's lines in Y (credit notes included);
  without lines in Y both are 0. The margin is unknown (NaN) when a line of
  the customer in Y has no margin or the sales table has no margin column.
- **Cost to serve** = sum of driver count x unit cost over :data:`DRIVERS`.
  Counts are the ``activities`` rows of year Y (several rows of one customer
  are added up). Orders are *derived* from the invoices when the table is
  missing, has no ``orders`` column, the customer has no row in Y or its
  orders cells are all empty: the number of distinct ``invoice_id`` in Y
  whose lines sum to a positive revenue (a line without an invoice id
  counts as an invoice of its date); without an ``invoice_id`` column the
  number of distinct invoice dates with positive revenue. Without an
  activities row the other drivers count 0. A driver without any value in
  the activities rows of Y (or without a column) is reported as missing.
- **Customer profit** = margin - cost to serve, unknown when the margin is.
- **Whale curve**: customers with a line or a counted activity in Y and a
  known profit, sorted by profit descending (ties by customer_id);
  cumulative profit, as a share of the total profit when that is positive.
  The peak is the largest cumulative profit (the curve starts at 0 with no
  customer, so a peak at position 0 means the first customer already loses
  money). Destroyers: customers with profit < 0; destroyed = minus their sum.
- **Growth candidates** (C customers only): window revenue >= (1 +
  ``growth_min``) x the revenue of the equally long period before it
  (which must be > 0; 12 months before a 12-month window), or potential >=
  the smallest annualised window revenue of an A customer with revenue in the
  window > 0 (a customer without window revenue is a win-back case). Ranked: the
  candidates that qualify by potential by wallet gap descending, then the
  growth-only candidates by EUR growth descending, ties by customer_id.
  Opportunity (money) = wallet gap for the first group, EUR growth for the
  second. Wallet gap = potential - annualised window revenue (>= 0), as in
  the portfolio.
- **Channel** per C customer, first rule that matches: ``field_sales`` if a
  growth candidate; ``distributor`` if profit < 0 and revenue in Y <
  ``channel_rules.distributor_max_revenue``; ``webshop_edi`` if orders in Y
  >= ``webshop_min_orders`` and revenue in Y / orders < ``webshop_max_order_value``;
  ``inside_sales`` otherwise. Empty for customers that are not C. Channel
  cost of a customer = ``per_customer`` + ``per_order`` x orders in Y
  (``channel_costs``); saving = current cost to serve - channel cost (the
  discount a distributor takes is not part of the cost to serve and not
  modelled).
- **Pricing simulation**: see :mod:`kamlib.analysis.pricing_sim`; customers
  in scope are the C customers (``pricing.scope = "all"``: every customer)
  with a known margin; the others are counted, not guessed.
- **Trend**: ABC recomputed on each of the last ``trend_periods`` windows
  (window, the window one year earlier, ...) with the same rules.

Stable keys: drivers :data:`DRIVERS`, channels :data:`CHANNELS`.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from kamlib.analysis import portfolio
from kamlib.analysis.abc_xyz import EPS, abc_classes, month_start
from kamlib.analysis.c_customer_rules import (
    CHANNELS,
    DEFAULT_CHANNEL_COSTS,
    DEFAULT_UNIT_COSTS,
    DRIVERS,
    ChannelRules,
    Monthly,
    assign_channels,
    cost_to_serve,
    customer_codes,
    monthly,
    positive_invoices,
    whale_curve,
)
from kamlib.analysis.pricing_sim import simulate, value_grid
from kamlib.config import CCustomersSettings, PricingSettings

__all__ = ["CCustomersSettings", "ChannelRules", "PricingSettings"]

#: columns of :func:`export_frame` (DESIGN.md, stable)
EXPORT_COLUMNS = (
    "customer_id",
    "name",
    "abc_class",
    "is_c_customer",
    "year",
    "revenue",
    "contribution_margin",
    *DRIVERS,
    "cost_to_serve",
    "customer_profit",
    "growth_candidate",
    "channel",
    "wallet_gap",
)
#: export columns holding money (rounded to cents in the export)
MONEY_EXPORT_COLUMNS = (
    "revenue",
    "contribution_margin",
    "cost_to_serve",
    "customer_profit",
    "wallet_gap",
)


@dataclass
class CCustomersInputs:
    """Client data the computation needs (built by :func:`prepare`).

    Per-customer arrays are in master order (``portfolio.master``).
    """

    portfolio: Monthly
    window_months: int
    abc_basis: str
    abc_cutoffs: tuple[float, float]
    year: int  # profitability year Y
    revenue_y: np.ndarray
    margin_y: np.ndarray  # NaN = unknown
    lines_y: np.ndarray  # sales lines in Y
    #: driver counts from activities in Y (0 without a row); orders NaN = derive
    activity_counts: dict[str, np.ndarray]
    derived_orders: np.ndarray  # positive invoices in Y
    #: one entry per positive invoice in Y: customer code and value, by code
    order_customer: np.ndarray
    order_value: np.ndarray
    activities_available: bool
    #: drivers other than orders without a single value in Y's activities rows
    #: (all of them when the table is missing; orders are then derived)
    missing_drivers: tuple[str, ...]
    margin_available: bool
    invoice_ids_available: bool
    #: (window start, end month index) -> window revenue, margin, ABC class;
    #: filled by :func:`prepare` for the default trend windows
    windows: dict[tuple[int, int], tuple[np.ndarray, np.ndarray, np.ndarray]] = field(
        default_factory=dict
    )


@dataclass
class CCustomersResult:
    """Result of the C-customer analysis. Money in the client currency per year
    (Y or the window), counts per year, shares and growth as fractions 0-1.

    ``customers``: one row per master customer, sorted by revenue in Y
    descending then customer_id: customer_id, name, abc_class, is_c_customer,
    year, revenue / contribution_margin (Y; margin NaN = unknown), the seven
    driver counts, orders_derived (bool), cost_to_serve, customer_profit
    (NaN = unknown), window_revenue, window_margin, previous_revenue,
    growth (fraction, NaN without a previous period), potential, wallet_gap
    (NaN without potential), growth_candidate (bool), candidate_reason
    ("growth" / "potential" / "both" / ""), opportunity, channel (key or ""),
    channel_cost, channel_saving (NaN for non-C).
    """

    as_of: pd.Timestamp
    year: int
    window_start: pd.Timestamp
    window_end: pd.Timestamp
    settings: CCustomersSettings
    customers: pd.DataFrame
    #: facts of the window: customers, c_customers, customer_share, revenue and
    #: revenue_share (positive revenue, as the portfolio), margin, margin_share
    #: (NaN shares without a positive total)
    summary: dict[str, float]
    #: one row per window, oldest first: window_start, window_end,
    #: customers_with_revenue, c_customers_with_revenue, revenue (of the C
    #: customers), revenue_share
    trend: pd.DataFrame
    #: whale curve: position (customers), customer_share, cumulative_profit,
    #: cumulative_share (of total profit; NaN when total <= 0); starts at 0
    whale: pd.DataFrame
    #: peak facts: total_profit, peak_profit, peak_share, peak_customers,
    #: peak_customer_share, customers (on the curve), unknown_profit (count left out)
    whale_peak: dict[str, float]
    #: customers with profit < 0, most destroying first
    destroyers: pd.DataFrame
    destroyed_profit: float  # positive amount the destroyers lose
    #: per ABC class and "total": customers, revenue, contribution_margin,
    #: cost_to_serve, customer_profit (known-profit customers), unknown_customers, unknown_revenue
    waterfall: pd.DataFrame
    #: growth candidates ranked: rank, customer_id, name, window_revenue,
    #: previous_revenue, growth, potential, potential_ratio (potential /
    #: smallest A revenue), wallet_gap, growth_eur, reason, opportunity
    candidates: pd.DataFrame
    smallest_a_revenue: float  # annualised; NaN without A customers
    #: per channel: customers, revenue, cost_to_serve, channel_cost, saving
    channels: pd.DataFrame
    channel_saving: float
    #: pricing simulation, see :func:`kamlib.analysis.pricing_sim.simulate`
    simulation: pd.DataFrame
    best_min_order_value: float
    simulation_unknown_margin: int  # customers in scope left out (unknown margin)
    activities_available: bool
    missing_drivers: tuple[str, ...]
    #: unit cost of each missing driver: what one uncounted event leaves out
    missing_driver_costs: dict[str, float]
    margin_available: bool


# ---------------------------------------------------------------------------
# prepare


def profitability_year(as_of) -> int:
    """Last complete calendar year before as_of (2026-06-30 -> 2025; 2025-12-31 -> 2025)."""
    as_of = pd.Timestamp(as_of).normalize()
    return as_of.year if (as_of.month, as_of.day) == (12, 31) else as_of.year - 1


def prepare(client) -> CCustomersInputs:
    """Aggregate a loaded client (``ClientData``) once for :func:`compute`."""
    pin = monthly(client)
    settings = client.config.portfolio
    n = len(pin.master)
    year = profitability_year(pin.as_of)
    y0, y1 = year * 12, year * 12 + 11
    revenue_y = portfolio.window_columns(pin.revenue, pin.first_month, y0, y1).sum(axis=1)
    lines_y = portfolio.window_columns(pin.lines, pin.first_month, y0, y1).sum(axis=1)
    mlines_y = portfolio.window_columns(pin.margin_lines, pin.first_month, y0, y1).sum(axis=1)
    margin_sum = portfolio.window_columns(pin.margin, pin.first_month, y0, y1).sum(axis=1)
    margin_available = "contribution_margin" in client.sales
    known = margin_available & (mlines_y == lines_y)
    margin_y = np.where(known, margin_sum, np.nan)

    ids = pd.Index(pin.master["customer_id"])
    dates = client.sales["date"].to_numpy(dtype="datetime64[ns]")
    first, after = np.datetime64(f"{year}-01-01", "ns"), np.datetime64(f"{year + 1}-01-01", "ns")
    sales_y = client.sales[(dates >= first) & (dates < after)]
    code = customer_codes(sales_y["customer_id"], ids)
    order_customer, order_value, has_ids = positive_invoices(sales_y, code, code >= 0)
    derived = np.bincount(order_customer, minlength=n).astype(float)

    acts = client.activities
    counts: dict[str, np.ndarray] = {}
    missing = tuple(d for d in DRIVERS if d != "orders")
    if acts is not None:
        a_year = pd.to_numeric(acts["year"], errors="coerce").to_numpy(dtype=float, na_value=np.nan)
        a_code = ids.get_indexer(acts["customer_id"].astype(str))
        keep = (a_code >= 0) & (a_year == year)
        a_code = a_code[keep]
        recorded = []
        for d in DRIVERS:
            if d not in acts:
                continue
            vals = pd.to_numeric(acts[d], errors="coerce").to_numpy(dtype=float, na_value=np.nan)
            vals = vals[keep]
            if (~np.isnan(vals)).any():
                recorded.append(d)
            counts[d] = np.bincount(a_code, weights=np.nan_to_num(vals), minlength=n)
            if d == "orders":  # customers without any filled orders cell: derive
                filled = np.bincount(a_code, weights=~np.isnan(vals), minlength=n)
                counts[d] = np.where(filled > 0, counts[d], np.nan)
        missing = tuple(d for d in DRIVERS if d not in recorded and d != "orders")
    for d in DRIVERS:
        counts.setdefault(d, np.full(n, np.nan) if d == "orders" else np.zeros(n))

    inputs = CCustomersInputs(
        portfolio=pin,
        window_months=settings.window_months,
        abc_basis=settings.abc.basis,
        abc_cutoffs=tuple(settings.abc.cutoffs),
        year=year,
        revenue_y=revenue_y,
        margin_y=margin_y,
        lines_y=lines_y,
        activity_counts=counts,
        derived_orders=derived,
        order_customer=order_customer,
        order_value=order_value,
        activities_available=acts is not None,
        missing_drivers=missing,
        margin_available=margin_available,
        invoice_ids_available=has_ids,
    )
    # ABC of the default trend windows does not depend on c_customers settings:
    # classify once here so that a panel's compute() skips it
    end = pin.as_of_month
    start = end - settings.window_months + 1
    for k in range(CCustomersSettings().trend_periods):
        key = (start - 12 * k, end - 12 * k)
        inputs.windows[key] = window_abc(inputs, *key)
    return inputs


# ---------------------------------------------------------------------------
# compute


def window_abc(inputs: CCustomersInputs, start: int, end: int) -> tuple[np.ndarray, ...]:
    """Revenue, margin (portfolio rule) and ABC class of a window start..end (month indices)."""
    if (start, end) in inputs.windows:
        return inputs.windows[(start, end)]
    pin = inputs.portfolio
    rev = portfolio.window_columns(pin.revenue, pin.first_month, start, end).sum(axis=1)
    mar = portfolio.window_columns(pin.margin, pin.first_month, start, end).sum(axis=1)
    lines = portfolio.window_columns(pin.lines, pin.first_month, start, end).sum(axis=1)
    mlines = portfolio.window_columns(pin.margin_lines, pin.first_month, start, end).sum(axis=1)
    mar = np.where((lines > 0) & (mlines == 0), np.nan, mar)  # as the portfolio does
    value = rev if inputs.abc_basis == "revenue" else np.nan_to_num(mar, nan=0.0)
    cls = abc_classes(pin.master["customer_id"].to_numpy(), value, inputs.abc_cutoffs)
    return rev, mar, cls["abc_class"].to_numpy()


def _share(part: float, total: float) -> float:
    return float(part / total) if total > 0 else float("nan")


def compute(
    inputs: CCustomersInputs, settings: CCustomersSettings | None = None
) -> CCustomersResult:
    """C-customer result from prepared inputs; cheap enough for live widgets."""
    settings = settings or CCustomersSettings()
    pin = inputs.portfolio
    master = pin.master
    n = len(master)
    wm = inputs.window_months
    end = pin.as_of_month
    start = end - wm + 1
    ids = master["customer_id"].to_numpy(dtype=object)

    # --- who the C customers are -------------------------------------------------
    rev_w, mar_w, abc = window_abc(inputs, start, end)
    prev = portfolio.window_columns(pin.revenue, pin.first_month, start - wm, start - 1).sum(axis=1)
    is_c = abc == "C"
    if settings.max_revenue is not None:
        is_c &= rev_w <= settings.max_revenue + EPS

    # --- cost to serve and profit (year Y) ---------------------------------------
    used, derived, cost = cost_to_serve(
        inputs.activity_counts, inputs.derived_orders, settings.unit_costs
    )
    profit = inputs.margin_y - cost  # NaN stays NaN

    # --- growth candidates -------------------------------------------------------
    potential = master["potential"].to_numpy(dtype=float)
    annual = np.clip(rev_w, 0, None) * 12.0 / wm
    wallet_gap = np.where(potential > 0, np.clip(potential - annual, 0, None), np.nan)
    a_rev = rev_w[abc == "A"] * 12.0 / wm
    smallest_a = float(a_rev.min()) if a_rev.size else float("nan")
    with np.errstate(invalid="ignore", divide="ignore"):
        growth = np.where(prev > 0, rev_w / np.where(prev > 0, prev, 1) - 1, np.nan)
        by_growth = is_c & (growth >= settings.growth_min - EPS)
    # a customer without revenue in the window is a win-back case, not a key account
    # of tomorrow: the potential rule needs revenue in the window
    by_potential = (
        is_c
        & (rev_w > 0)
        & (a_rev.size > 0)
        & (np.nan_to_num(potential, nan=-np.inf) >= smallest_a)
    )
    candidate = by_growth | by_potential
    reason = np.select(
        [by_growth & by_potential, by_potential, by_growth], ["both", "potential", "growth"], ""
    ).astype(object)
    growth_eur = rev_w - prev
    opportunity = np.where(
        by_potential, np.nan_to_num(wallet_gap), np.where(by_growth, growth_eur, np.nan)
    )

    # --- channels ----------------------------------------------------------------
    channel = assign_channels(
        is_c, candidate, profit, inputs.revenue_y, used["orders"], settings.channel_rules
    )
    given = settings.channel_costs or {}
    fixed = np.zeros(n)
    per_order = np.zeros(n)
    for key in CHANNELS:  # a setting may name only some channels or one of the two costs
        costs_of = {**DEFAULT_CHANNEL_COSTS[key], **dict(given.get(key, {}))}
        m = channel == key
        fixed[m] = float(costs_of["per_customer"])
        per_order[m] = float(costs_of["per_order"])
    channel_cost = np.where(is_c, fixed + per_order * used["orders"], np.nan)
    channel_saving = cost - channel_cost

    names = master["customer_name"].to_numpy(dtype=object)
    df = pd.DataFrame(
        {
            "customer_id": ids,
            "name": names,
            "abc_class": abc,
            "is_c_customer": is_c,
            "year": inputs.year,
            "revenue": inputs.revenue_y,
            "contribution_margin": inputs.margin_y,
            **{d: used[d] for d in DRIVERS},
            "orders_derived": derived,
            "cost_to_serve": cost,
            "customer_profit": profit,
            "window_revenue": rev_w,
            "window_margin": mar_w,
            "previous_revenue": prev,
            "growth": growth,
            "potential": potential,
            "wallet_gap": wallet_gap,
            "growth_candidate": candidate,
            "candidate_reason": reason,
            "growth_eur": growth_eur,
            "opportunity": opportunity,
            "channel": channel,
            "channel_cost": channel_cost,
            "channel_saving": channel_saving,
        }
    )
    df = df.sort_values(["revenue", "customer_id"], ascending=[False, True], kind="mergesort")
    df = df.reset_index(drop=True)

    # --- whale curve ---------------------------------------------------------------
    drivers_any = np.any([used[d] > 0 for d in DRIVERS], axis=0)
    on_curve = (inputs.lines_y > 0) | drivers_any
    known = on_curve & ~np.isnan(profit)
    whale, peak = whale_curve(ids[known], profit[known])
    peak["unknown_profit"] = int((on_curve & np.isnan(profit)).sum())
    destroyers = df.loc[
        df["customer_profit"] < 0,
        ["customer_id", "name", "abc_class", "revenue", "cost_to_serve", "customer_profit"],
    ].sort_values(["customer_profit", "customer_id"], kind="mergesort")

    # --- pricing simulation --------------------------------------------------------
    p = settings.pricing
    scope = np.ones(n, bool) if p.scope == "all" else is_c
    sim_ok = scope & ~np.isnan(inputs.margin_y)
    in_sim = sim_ok[inputs.order_customer]
    simulation = simulate(
        inputs.order_customer[in_sim],
        inputs.order_value[in_sim],
        np.where(sim_ok, cost, 0.0),
        np.where(sim_ok, inputs.margin_y, 0.0),
        value_grid(p.step, p.max_order_value),
        p.surcharge,
        p.loss_share,
    )
    best = simulation.loc[simulation["best"], "min_order_value"]

    costs = {**DEFAULT_UNIT_COSTS, **dict(settings.unit_costs)}
    return CCustomersResult(
        as_of=pin.as_of,
        year=inputs.year,
        window_start=month_start(start),
        window_end=month_start(end) + pd.offsets.MonthEnd(0),
        settings=settings,
        customers=df,
        summary=_summary(is_c, rev_w, mar_w),
        trend=_trend(inputs, settings, start, end),
        whale=whale,
        whale_peak=peak,
        destroyers=destroyers.reset_index(drop=True),
        destroyed_profit=float(-destroyers["customer_profit"].sum()),
        waterfall=_waterfall(df),
        candidates=_candidates(df, smallest_a),
        smallest_a_revenue=smallest_a,
        channels=_channel_table(df),
        channel_saving=float(np.nansum(channel_saving[is_c])),
        simulation=simulation,
        best_min_order_value=float(best.iloc[0]) if len(best) else 0.0,
        simulation_unknown_margin=int((scope & np.isnan(inputs.margin_y)).sum()),
        activities_available=inputs.activities_available,
        missing_drivers=inputs.missing_drivers,
        missing_driver_costs={d: float(costs[d]) for d in inputs.missing_drivers},
        margin_available=inputs.margin_available,
    )


def _summary(is_c: np.ndarray, rev_w: np.ndarray, mar_w: np.ndarray) -> dict[str, float]:
    """Count and shares of the C customers in the window (positive revenue as the portfolio)."""
    pos = np.clip(rev_w, 0, None)
    mar = np.nan_to_num(mar_w)
    return {
        "customers": int(len(is_c)),
        "c_customers": int(is_c.sum()),
        "customer_share": _share(float(is_c.sum()), float(len(is_c))),
        "revenue": float(pos[is_c].sum()),
        "revenue_share": _share(float(pos[is_c].sum()), float(pos.sum())),
        "margin": float(mar[is_c].sum()),
        "margin_share": _share(float(mar[is_c].sum()), float(mar.sum())),
    }


def _trend(
    inputs: CCustomersInputs, settings: CCustomersSettings, start: int, end: int
) -> pd.DataFrame:
    """C customers of the current and earlier windows (one year apart), oldest first."""
    rows = []
    for k in range(settings.trend_periods - 1, -1, -1):
        s, e = start - 12 * k, end - 12 * k
        rev, _, abc = window_abc(inputs, s, e)
        c = abc == "C"
        if settings.max_revenue is not None:
            c &= rev <= settings.max_revenue + EPS
        pos = np.clip(rev, 0, None)
        rows.append(
            {
                "window_start": month_start(s),
                "window_end": month_start(e) + pd.offsets.MonthEnd(0),
                "customers_with_revenue": int((rev > 0).sum()),
                "c_customers_with_revenue": int((c & (rev > 0)).sum()),
                "revenue": float(pos[c].sum()),
                "revenue_share": _share(float(pos[c].sum()), float(pos.sum())),
            }
        )
    return pd.DataFrame(rows)


def _waterfall(df: pd.DataFrame) -> pd.DataFrame:
    """Revenue -> margin -> cost to serve -> profit per ABC class and in total (year Y)."""
    known = df["customer_profit"].notna()
    rows = []
    for cls in ("A", "B", "C", "total"):
        m = np.ones(len(df), bool) if cls == "total" else (df["abc_class"] == cls).to_numpy()
        k = df[m & known]
        u = df[m & ~known]
        rows.append(
            {
                "abc_class": cls,
                "customers": len(k),
                "revenue": float(k["revenue"].sum()),
                "contribution_margin": float(k["contribution_margin"].sum()),
                "cost_to_serve": float(k["cost_to_serve"].sum()),
                "customer_profit": float(k["customer_profit"].sum()),
                "unknown_customers": len(u),
                "unknown_revenue": float(u["revenue"].sum()),
            }
        )
    return pd.DataFrame(rows)


def _candidates(df: pd.DataFrame, smallest_a: float) -> pd.DataFrame:
    """Growth candidates ranked by opportunity (potential group first, then growth-only)."""
    c = df[df["growth_candidate"]].copy()
    c["_group"] = np.where(c["candidate_reason"] == "growth", 1, 0)
    c["potential_ratio"] = c["potential"] / smallest_a if smallest_a > 0 else np.nan
    c = c.sort_values(
        ["_group", "opportunity", "customer_id"], ascending=[True, False, True], kind="mergesort"
    )
    c.insert(0, "rank", np.arange(1, len(c) + 1))
    cols = [
        "rank",
        "customer_id",
        "name",
        "window_revenue",
        "previous_revenue",
        "growth",
        "potential",
        "potential_ratio",
        "wallet_gap",
        "growth_eur",
        "candidate_reason",
        "opportunity",
    ]
    return c[cols].rename(columns={"candidate_reason": "reason"}).reset_index(drop=True)


def _channel_table(df: pd.DataFrame) -> pd.DataFrame:
    """Per channel: C customers, revenue in Y, current and channel cost to serve, saving."""
    c = df[df["is_c_customer"]]
    grp = c.groupby("channel")
    agg = pd.DataFrame(
        {
            "customers": grp.size(),
            "revenue": grp["revenue"].sum(),
            "cost_to_serve": grp["cost_to_serve"].sum(),
            "channel_cost": grp["channel_cost"].sum(),
            "saving": grp["channel_saving"].sum(),
        }
    ).reindex(list(CHANNELS))
    agg = agg.fillna(0.0)
    agg["customers"] = agg["customers"].astype(int)
    return agg.rename_axis("channel").reset_index()


def export_frame(result: CCustomersResult) -> pd.DataFrame:
    """The ``c_customers`` export: :data:`EXPORT_COLUMNS`, one row per master customer."""
    return result.customers[list(EXPORT_COLUMNS)].copy()


def export_table(result: CCustomersResult) -> tuple[pd.DataFrame, dict[str, str]]:
    """What ``kam export`` writes: :func:`export_frame` rounded by DESIGN.md's rules
    (money to cents; counts, the year and flags unchanged; unknown stays empty)
    and the context of the Excel info sheet."""
    df = export_frame(result)
    for col in MONEY_EXPORT_COLUMNS:
        df[col] = df[col].astype(float).round(2)
    info = {
        "as_of": result.as_of.date().isoformat(),
        "window": f"{result.window_start.date().isoformat()} – {result.window_end.date().isoformat()}",
        "year": str(result.year),
    }
    return df, info


def analyse(client, settings: CCustomersSettings | None = None) -> CCustomersResult:
    """Run the C-customer analysis for a loaded client (``ClientData``).

    ``settings`` default to the client's ``c_customers:`` section of client.yaml.
    """
    return compute(prepare(client), settings or client.config.c_customers)
