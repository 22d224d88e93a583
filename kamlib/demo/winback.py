"""Demo data for the win-back module: a few lost customers who came back.

A consultant expects some of the customers lost two or three years ago to have
returned — the success the win-back module tracks ("reactivated"). The main
generator has customers who leave for good; this adds, with its own random
stream, a handful of returns to the generated sales: customers (the larger
half of those whose last purchase lies 17-26 months before as_of) start buying
again 13-18 months after it, with invoices shaped like their largest one,
smaller at first. Applied after every other input was derived from the sales,
so only ``sales`` changes.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from kamlib.analysis.customer_status import add_months

#: stream id of this file's random generator (issue 14)
_STREAM = 14
#: returning customers per demo client
RETURNS = 4


def _weekday(day: pd.Timestamp) -> pd.Timestamp:
    """``day`` or the Monday after it when it falls on a weekend (invoices are weekday)."""
    return day + pd.Timedelta(days=max(0, 7 - day.day_of_week) if day.day_of_week >= 5 else 0)


def add_reactivations(sales: pd.DataFrame, spec, n: int = RETURNS) -> pd.DataFrame:
    """``sales`` plus invoices of ``n`` formerly lost customers who came back.

    Pure and seeded (``[spec.seed, 14]``). New invoices continue the client's
    numbering scheme with numbers from 90001 on; rows stay sorted by date,
    invoice and line like the generated file.
    """
    rng = np.random.default_rng([spec.seed, _STREAM])
    as_of = pd.Timestamp(spec.as_of)
    bought = sales[sales["net_revenue"] > 0]
    last = bought.groupby("customer_id")["date"].max().sort_index()
    pool = last[(last < add_months(as_of, -17)) & (last >= add_months(as_of, -26))]
    # the larger half of them: a return worth tracking
    size = bought.groupby("customer_id")["net_revenue"].sum().reindex(pool.index)
    pool = pool[size >= size.median()]
    if pool.empty:
        return sales
    chosen = np.sort(rng.choice(pool.index.to_numpy(), size=min(n, len(pool)), replace=False))
    prefix = str(sales["invoice_id"].iloc[0]).split("20", 1)[0]
    rows = []
    number = 90001
    for cid in chosen:
        lines = bought[bought["customer_id"] == cid]
        largest = lines.groupby("invoice_id")["net_revenue"].sum().idxmax()
        template = lines[lines["invoice_id"] == largest]
        back = add_months(last[cid], int(rng.integers(13, 19))) + pd.Timedelta(
            days=int(rng.integers(0, 20))
        )
        day = _weekday(back)
        scale = 0.5
        while day <= as_of - pd.Timedelta(days=10):
            invoice = template.copy()
            factor = scale * rng.uniform(0.8, 1.2)
            qty = np.maximum(1, np.round(invoice["quantity"].to_numpy() * factor)).astype(int)
            ratio = qty / invoice["quantity"].to_numpy()
            invoice["quantity"] = qty
            invoice["net_revenue"] = (invoice["net_revenue"] * ratio).round(2)
            invoice["contribution_margin"] = (invoice["contribution_margin"] * ratio).round(2)
            invoice["date"] = day
            invoice["invoice_id"] = f"{prefix}{day.year}-{number:05d}"
            rows.append(invoice)
            number += 1
            scale = min(scale + 0.2, 1.0)
            day = _weekday(day + pd.Timedelta(days=int(rng.integers(35, 80))))
    if not rows:
        return sales
    out = pd.concat([sales, *rows], ignore_index=True)
    out["date"] = out["date"].astype(sales["date"].dtype)
    return out.sort_values(["date", "invoice_id", "line_no"], kind="mergesort").reset_index(
        drop=True
    )
