"""Pure rules of the C-customer analysis (METHODOLOGY.md section 2) on arrays.

Used by :mod:`kamlib.analysis.c_customers` (which documents the rules):
the monthly aggregation of the sales lines, the positive invoices of a year
(derived orders), cost to serve, the channel rules and the whale curve.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

import numpy as np
import pandas as pd

from kamlib.analysis.abc_xyz import month_index
from kamlib.analysis.customer_status import to_days
from kamlib.config import C_DRIVERS, CCustomersSettings, ChannelRules

__all__ = ["ChannelRules"]

#: cost-to-serve drivers (activities columns, keys of ``unit_costs``)
DRIVERS = C_DRIVERS
#: METHODOLOGY/DESIGN default unit costs (money per event); their home is the config model
DEFAULT_UNIT_COSTS: dict[str, float] = dict(CCustomersSettings().unit_costs)
FIELD_SALES = "field_sales"
INSIDE_SALES = "inside_sales"
WEBSHOP_EDI = "webshop_edi"
DISTRIBUTOR = "distributor"
#: channel keys in display order
CHANNELS = (FIELD_SALES, INSIDE_SALES, WEBSHOP_EDI, DISTRIBUTOR)
#: default cost per customer and year of serving it through a channel (money)
DEFAULT_CHANNEL_COSTS = {
    FIELD_SALES: {"per_customer": 1500.0, "per_order": 40.0},
    INSIDE_SALES: {"per_customer": 120.0, "per_order": 25.0},
    WEBSHOP_EDI: {"per_customer": 0.0, "per_order": 5.0},
    DISTRIBUTOR: {"per_customer": 0.0, "per_order": 0.0},
}


def positive_invoices(
    sales: pd.DataFrame, code: np.ndarray, keep: np.ndarray
) -> tuple[np.ndarray, np.ndarray, bool]:
    """Invoices with a positive total among the lines ``keep`` (the year's lines).

    ``code`` is each line's customer position. An invoice is one
    ``invoice_id`` of one customer (a line without an id counts as an invoice
    of its date); without an ``invoice_id`` column, one invoice date of one
    customer. Returns ``(customer code, invoice total)`` per positive invoice,
    sorted by customer code, and whether invoice ids were used.
    """
    c = code[keep].astype(np.int64)
    rev = np.nan_to_num(sales["net_revenue"].to_numpy(dtype=float)[keep])
    days = to_days(sales["date"].to_numpy()[keep])
    day_key = days - (days.min() if len(days) else 0)
    has_ids = "invoice_id" in sales
    if has_ids:
        inv = pd.factorize(sales["invoice_id"], use_na_sentinel=True)[0][keep]
        inv = np.where(inv >= 0, inv, inv.max(initial=-1) + 1 + day_key)
    else:
        inv = day_key
    width = int(inv.max(initial=0)) + 1
    uniq, inverse = np.unique(c * width + inv, return_inverse=True)
    total = np.bincount(inverse, weights=rev, minlength=len(uniq))
    positive = total > 0
    return (uniq[positive] // width).astype(np.int64), total[positive], has_ids


@dataclass
class Monthly:
    """Customer x month sums of the sales lines up to as_of (the portfolio's aggregation).

    Column ``j`` is month index ``first_month + j``; the last column is
    as_of's month. ``margin`` counts missing margins as 0; ``margin_lines``
    counts the lines that carry one. ``master``: customer_id, customer_name,
    potential (NaN unknown), master order.
    """

    as_of: pd.Timestamp
    as_of_month: int
    first_month: int
    master: pd.DataFrame
    revenue: np.ndarray
    margin: np.ndarray
    lines: np.ndarray
    margin_lines: np.ndarray


def customer_codes(sales_ids: pd.Series, ids: pd.Index) -> np.ndarray:
    """Master position of each sales line's customer (-1 for unknown customers).

    Factorises the column first and looks up only the distinct ids, which is
    several times faster than a direct lookup of a million Arrow strings.
    """
    codes, uniques = pd.factorize(sales_ids)
    where = ids.get_indexer(pd.Index(np.asarray(uniques, dtype=object)).astype(str))
    return np.where(codes >= 0, where[np.maximum(codes, 0)], -1)


def monthly(client) -> Monthly:
    """Aggregate the sales lines on or before as_of into :class:`Monthly` matrices.

    The same sums as :func:`kamlib.analysis.portfolio.prepare` (so ABC classes
    are the portfolio's), computed with a faster customer lookup.
    """
    as_of = pd.Timestamp(client.as_of).normalize()
    as_of_month = as_of.year * 12 + as_of.month - 1
    cust = client.customers
    ids = pd.Index(cust["customer_id"].astype(str).to_numpy(dtype=object), name="customer_id")
    names = cust["name"] if "name" in cust else pd.Series("", index=cust.index)
    pot = cust["potential"] if "potential" in cust else pd.Series(np.nan, index=cust.index)
    master = pd.DataFrame(
        {
            "customer_id": ids.to_numpy(dtype=object),
            "customer_name": names.astype(object).where(names.notna(), "").to_numpy(),
            "potential": pd.to_numeric(pot, errors="coerce").to_numpy(dtype=float),
        }
    )
    sales = client.sales
    dates = sales["date"].to_numpy(dtype="datetime64[ns]")
    keep = dates < (as_of + pd.Timedelta(days=1)).to_datetime64()
    code = customer_codes(sales["customer_id"], ids)
    keep &= code >= 0
    code = code[keep]
    months = month_index(dates[keep])
    rev = np.nan_to_num(sales["net_revenue"].to_numpy(dtype=float)[keep])
    mar = (
        sales["contribution_margin"].to_numpy(dtype=float)[keep]
        if "contribution_margin" in sales
        else np.full(len(rev), np.nan)
    )
    n = len(ids)
    first_month = min(int(months.min()) if len(months) else as_of_month, as_of_month)
    m = as_of_month - first_month + 1
    flat = code * m + (months - first_month)

    def _bin(weights: np.ndarray | None) -> np.ndarray:
        return np.bincount(flat, weights=weights, minlength=n * m).reshape(n, m).astype(float)

    has_margin = ~np.isnan(mar)
    return Monthly(
        as_of=as_of,
        as_of_month=as_of_month,
        first_month=first_month,
        master=master,
        revenue=_bin(rev),
        margin=_bin(np.where(has_margin, mar, 0.0)),
        lines=_bin(None),
        margin_lines=_bin(has_margin.astype(float)),
    )


def cost_to_serve(
    counts: Mapping[str, np.ndarray], derived_orders: np.ndarray, unit_costs: Mapping[str, float]
) -> tuple[dict[str, np.ndarray], np.ndarray, np.ndarray]:
    """Driver counts used (orders filled from ``derived_orders`` where NaN), derived flags, cost."""
    costs = {**DEFAULT_UNIT_COSTS, **dict(unit_costs)}
    used = {d: np.asarray(counts[d], dtype=float) for d in DRIVERS}
    derived = np.isnan(used["orders"])
    used["orders"] = np.where(derived, derived_orders, used["orders"])
    cost = sum(used[d] * float(costs[d]) for d in DRIVERS)
    return used, derived, np.asarray(cost, dtype=float)


def assign_channels(
    is_c: np.ndarray,
    candidate: np.ndarray,
    profit: np.ndarray,
    revenue_y: np.ndarray,
    orders: np.ndarray,
    rules: ChannelRules,
) -> np.ndarray:
    """Channel key per customer by the first matching rule ("" for non-C customers)."""
    with np.errstate(invalid="ignore", divide="ignore"):
        aov = np.where(orders > 0, revenue_y / np.where(orders > 0, orders, 1), np.nan)
        distributor = (profit < 0) & (revenue_y < rules.distributor_max_revenue)
        webshop = (orders >= rules.webshop_min_orders) & (aov < rules.webshop_max_order_value)
    channel = np.select(
        [candidate, distributor, webshop], [FIELD_SALES, DISTRIBUTOR, WEBSHOP_EDI], INSIDE_SALES
    ).astype(object)
    return np.where(is_c, channel, "").astype(object)


def whale_curve(ids: np.ndarray, profit: np.ndarray) -> tuple[pd.DataFrame, dict[str, float]]:
    """Cumulative profit of customers ranked by profit (descending, ties by id).

    ``profit`` must be known (no NaN). Returns the curve (starting at
    position 0) and the peak facts (see :class:`CCustomersResult`).
    """
    ids = np.asarray(ids, dtype=object).astype(str)
    order = np.lexsort((ids, -profit))
    cum = np.r_[0.0, np.cumsum(profit[order])]
    k = len(profit)
    total = float(cum[-1])
    pos = np.arange(k + 1)
    curve = pd.DataFrame(
        {
            "position": pos,
            "customer_share": pos / k if k else np.zeros(1),
            "cumulative_profit": cum,
            "cumulative_share": cum / total if total > 0 else np.nan,
        }
    )
    peak = int(np.argmax(cum))
    facts = {
        "customers": k,
        "total_profit": total,
        "peak_profit": float(cum[peak]),
        "peak_share": float(cum[peak]) / total if total > 0 else float("nan"),
        "peak_customers": peak,
        "peak_customer_share": peak / k if k else float("nan"),
    }
    return curve, facts
