"""Portfolio analysis at scale: 1,000,000 invoice lines, 20,000 customers.

Builds a synthetic ``ClientData`` in memory (no file I/O, so only the analysis
is timed), with workshop ratings for about 2,000 customers, then times
``prepare`` (aggregation) and ``compute`` (classification, scores, zones,
sensitivity, focus) in-process. Target (issue): prepare + compute < 2 s.
"""

from __future__ import annotations

import time
from pathlib import Path

import numpy as np
import pandas as pd

from kamlib.config import (
    ATTRACTIVENESS_CRITERIA,
    CUSTOMER_TYPE_CRITERIA,
    KEY_ACCOUNT_CRITERIA,
    POTENTIAL_CRITERIA,
    ClientConfig,
)
from kamlib.data.client import ClientData

TARGET_SECONDS = 2.0


def synthetic_client(
    lines: int = 1_000_000, customers: int = 20_000, rated: int = 2_000, seed: int = 1
) -> ClientData:
    """A large, realistic-looking client: long-tailed customer sizes, 3 years of invoices."""
    rng = np.random.default_rng(seed)
    ids = np.array([f"{i:06d}" for i in range(customers)], dtype=object)
    size = rng.pareto(1.1, customers) + 0.05
    cust_of_line = rng.choice(customers, size=lines, p=size / size.sum())
    start = np.datetime64("2023-07-01")
    days = rng.integers(0, 3 * 365, lines)
    dates = (start + days.astype("timedelta64[D]")).astype("datetime64[ns]")
    revenue = np.round(rng.lognormal(6.0, 1.0, lines), 2)
    revenue[rng.random(lines) < 0.02] *= -1  # credit notes
    margin = np.round(revenue * rng.uniform(0.1, 0.45, lines), 2)
    margin[rng.random(lines) < 0.01] = np.nan
    sales = pd.DataFrame(
        {
            "date": dates,
            "customer_id": ids[cust_of_line],
            "net_revenue": revenue,
            "contribution_margin": margin,
        }
    )
    master = pd.DataFrame(
        {
            "customer_id": ids,
            "name": [f"Kunde {i} GmbH" for i in range(customers)],
            "industry": rng.choice(["Maschinenbau", "Handel", "Chemie"], customers),
            "region": rng.choice(["Nord", "Süd", "West", "Ost"], customers),
            "is_key_account": rng.random(customers) < 0.01,
            "potential": np.where(
                rng.random(customers) < 0.7, size * rng.uniform(2, 6, customers) * 40_000, np.nan
            ),
        }
    )
    crits = [
        c
        for table in (
            POTENTIAL_CRITERIA,
            ATTRACTIVENESS_CRITERIA,
            KEY_ACCOUNT_CRITERIA,
            CUSTOMER_TYPE_CRITERIA,
        )
        for c, src in table.items()
        if src == "rating"
    ]
    rated_ids = rng.choice(ids, size=rated, replace=False)
    ratings = pd.DataFrame(
        {
            "customer_id": np.repeat(rated_ids, len(crits)),
            "criterion": np.tile(crits, rated),
            "rating": rng.integers(1, 6, rated * len(crits)).astype(float),
            "rated_on": pd.Timestamp("2026-05-20"),
        }
    )
    config = ClientConfig(name="Benchmark GmbH", as_of=pd.Timestamp("2026-06-30").date())
    return ClientData(Path("benchmark"), config, master, sales, ratings=ratings)


def main() -> None:
    from kamlib.analysis.portfolio import compute, prepare

    client = synthetic_client()
    print(
        f"synthetic client: {len(client.sales):,} lines, {len(client.customers):,} customers, "
        f"{client.ratings['customer_id'].nunique():,} rated"
    )
    best = {"prepare": np.inf, "compute": np.inf, "total": np.inf}
    for _ in range(3):
        t0 = time.perf_counter()
        inputs = prepare(client)
        t1 = time.perf_counter()
        result = compute(inputs, client.config.portfolio)
        t2 = time.perf_counter()
        best["prepare"] = min(best["prepare"], t1 - t0)
        best["compute"] = min(best["compute"], t2 - t1)
        best["total"] = min(best["total"], t2 - t0)
    print(f"prepare  {best['prepare']:.3f} s")
    print(f"compute  {best['compute']:.3f} s")
    status = "OK" if best["total"] < TARGET_SECONDS else "SLOW"
    print(f"total    {best['total']:.3f} s  (target < {TARGET_SECONDS:.0f} s: {status}; best of 3)")
    zones = result.zones.set_index("zone")["customers"].to_dict()
    print(
        f"zones {zones}, unrated placed {result.unrated_customers:,}, unplaced {result.unplaced_customers:,}"
    )


if __name__ == "__main__":
    main()
