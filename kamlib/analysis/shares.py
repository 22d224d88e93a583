"""Small helpers on shares shared by several analyses."""

from __future__ import annotations

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
