"""Small helpers on shares shared by several analyses."""

from __future__ import annotations

import math
from dataclasses import dataclass, field

import numpy as np
import pandas as pd


def lorenz_curve(cumulative_shares: np.ndarray) -> pd.DataFrame:
    """Pareto/Lorenz curve from the cumulative value shares of ranked customers.

    ``cumulative_shares``: for customers ranked by value (largest first), the
    share 0-1 of the total held by the customer and all ranked before it.
    Returns ``customer_share`` (i / n) and ``revenue_share``, starting at (0, 0).
    """
    n = len(cumulative_shares)
    return pd.DataFrame(
        {
            "customer_share": np.concatenate([[0.0], np.arange(1, n + 1) / n]) if n else [0.0],
            "revenue_share": np.concatenate([[0.0], np.asarray(cumulative_shares, dtype=float)]),
        }
    )


#: share of revenue for "customers that make up 80 % of revenue" (Pareto rule)
PARETO_REVENUE_SHARE = 0.80
#: the top customer fractions reported (top 10 %, top 20 %)
TOP_FRACTIONS = (0.10, 0.20)
_EPS = 1e-9


@dataclass
class Concentration:
    """Revenue concentration of the customers with positive revenue in a window.

    The one base of every concentration figure (METHODOLOGY.md 1a, "one set of
    numbers"): customers with revenue > 0 in the window (compared in whole
    cents), ranked by revenue descending, ties by customer id ascending.
    ``lorenz`` has ``customer_share`` and ``revenue_share`` (0-1, from 0/0);
    ``hhi`` is the Herfindahl-Hirschman index of the revenue shares; ``level``
    is ``broad`` / ``moderate`` / ``strong`` (top-20 % share against ``bands``).
    """

    customers: int  # customers with positive revenue in the window (the base)
    revenue: float  # sum of their revenue
    lorenz: pd.DataFrame
    top10_customers: int
    top10_share: float
    top20_customers: int
    top20_share: float
    customers_for_80: int  # fewest customers that together make >= 80 % of revenue
    customers_for_80_share: float  # the same as a fraction of ``customers``
    hhi: float
    level: str
    #: ids of the base customers in rank order
    ranked_ids: list[str] = field(default_factory=list)


def revenue_concentration(
    customer_ids: pd.Series | np.ndarray,
    revenue: pd.Series | np.ndarray,
    bands: tuple[float, float] = (0.60, 0.80),
) -> Concentration:
    """Concentration figures on ONE base: the customers with positive revenue.

    ``customer_ids`` and ``revenue`` (window revenue per customer, any order,
    NaN = none) are aligned arrays. Customers with revenue <= 0 (after
    rounding to cents) are left out of the base. Top 10 % / 20 % = the first
    ``ceil(n * fraction)`` customers (at least one); ``customers_for_80`` =
    the fewest customers whose cumulative revenue reaches 80 %. Both the
    overview and the portfolio call this, so their figures agree.
    """
    ids = np.asarray(customer_ids, dtype=object).astype(str)
    rev = np.round(np.nan_to_num(np.asarray(revenue, dtype=float), nan=0.0), 2)
    keep = rev > 0
    ids, rev = ids[keep], rev[keep]
    order = np.lexsort((ids, -rev))
    ids, rev = ids[order], rev[order]
    n = len(rev)
    if n == 0:
        return Concentration(
            0, 0.0, lorenz_curve(np.empty(0)), 0, float("nan"), 0, float("nan"), 0,
            float("nan"), float("nan"), "broad", [],
        )  # fmt: skip
    total = float(rev.sum())
    cum = np.cumsum(rev) / total

    def top(fraction: float) -> tuple[int, float]:
        k = max(1, math.ceil(n * fraction - _EPS))  # n * 0.1 may be 3.0000000000000004
        return k, float(cum[k - 1])

    k10, s10 = top(TOP_FRACTIONS[0])
    k20, s20 = top(TOP_FRACTIONS[1])
    k80 = int(np.argmax(cum >= PARETO_REVENUE_SHARE - _EPS)) + 1
    shares = rev / total
    level = "broad" if s20 < bands[0] else ("strong" if s20 >= bands[1] else "moderate")
    return Concentration(
        customers=n,
        revenue=total,
        lorenz=lorenz_curve(cum),
        top10_customers=k10,
        top10_share=s10,
        top20_customers=k20,
        top20_share=s20,
        customers_for_80=k80,
        customers_for_80_share=k80 / n,
        hhi=float((shares**2).sum()),
        level=level,
        ranked_ids=ids.tolist(),
    )
