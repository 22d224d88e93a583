"""Minimum order value with a small-order surcharge (METHODOLOGY.md section 2).

For each minimum order value ``M`` of a grid (default 0, 50, ..., 1,000)
orders below ``M`` pay the surcharge ``S``. A share ``p`` (``loss_share``)
of the customers that placed at least one order below ``M`` in the
profitability year is assumed to leave. The expected profit effect is::

    effect(M) = (1 - p) * S * (orders below M of the affected customers)
              + p * (cost to serve of the affected customers)
              - p * (margin in Y of the affected customers)

i.e. the retained share pays the surcharge on its small orders, the lost
share no longer costs anything to serve and no longer earns its margin.
"Below" is strict (an order of exactly ``M`` is not below). The best ``M``
is the one with the largest effect (ties: the smallest ``M``); when no
value gains anything it is 0 (no minimum order value).

Orders are invoices with positive revenue in the profitability year (see
:mod:`kamlib.analysis.c_customers`); the caller chooses the customers in
scope (customers with unknown margin are left out by the caller and
counted).
"""

from __future__ import annotations

import numpy as np
import pandas as pd

#: columns of :func:`simulate`
SIMULATION_COLUMNS = (
    "min_order_value",
    "customers_affected",
    "orders_below",
    "surcharge_income",
    "saved_cost_to_serve",
    "lost_margin",
    "effect",
    "best",
)


def value_grid(step: float = 50.0, maximum: float = 1000.0) -> np.ndarray:
    """Minimum order values 0, step, 2 * step, ... up to ``maximum`` (inclusive)."""
    count = int(np.floor(maximum / step + 1e-9)) + 1
    return np.arange(count, dtype=float) * step


def simulate(
    order_customer: np.ndarray,
    order_value: np.ndarray,
    cost_to_serve: np.ndarray,
    margin: np.ndarray,
    grid: np.ndarray,
    surcharge: float,
    loss_share: float,
) -> pd.DataFrame:
    """Profit effect of each minimum order value of ``grid`` (money per year).

    ``order_customer`` / ``order_value``: one entry per order of a customer
    in scope (customer code ``0..n-1`` and the order's value);
    ``cost_to_serve`` and ``margin``: per customer code (``n`` entries, both
    known). Columns :data:`SIMULATION_COLUMNS`: min_order_value,
    customers_affected (with at least one order below), orders_below (all
    their orders below M), surcharge_income ((1 - p) * S * orders_below),
    saved_cost_to_serve (p * their cost to serve), lost_margin (p * their
    margin), effect (income + saved - lost), best (True on one row).
    """
    n = len(cost_to_serve)
    code = np.asarray(order_customer, dtype=np.int64)
    value = np.asarray(order_value, dtype=float)
    cost = np.asarray(cost_to_serve, dtype=float)
    mar = np.asarray(margin, dtype=float)
    p = float(loss_share)
    rows = []
    for m in np.asarray(grid, dtype=float):  # ~21 values, each one vectorised pass
        below = np.bincount(code[value < m], minlength=n)
        hit = below > 0
        income = (1 - p) * surcharge * float(below.sum())
        saved = p * float(cost[hit].sum())
        lost = p * float(mar[hit].sum())
        rows.append(
            (m, int(hit.sum()), int(below.sum()), income, saved, lost, income + saved - lost)
        )
    frame = pd.DataFrame(rows, columns=list(SIMULATION_COLUMNS[:-1]))
    frame["best"] = False
    if len(frame):
        effect = frame["effect"].to_numpy()
        best = (
            int(np.argmax(effect)) if effect.max() > 0 else int(np.argmin(frame["min_order_value"]))
        )
        frame.loc[best, "best"] = True
    return frame
