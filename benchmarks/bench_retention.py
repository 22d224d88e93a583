"""Retention analysis at scale and the BG/NBD fit on 25,000 customers.

1. BG/NBD fit: 25,000 customers simulated from the model with the paper's
   CDNOW parameters (r 0.243, alpha 4.414, a 0.793, b 2.426), observed for 26-78
   weeks; purchase times on whole days (as real data are) and, as the worst case,
   continuous (no two customers share a history). Target (issue): < 3 s.
2. The whole analysis (``prepare`` incl. the fit + ``compute``) on the synthetic
   1,000,000-line / 20,000-customer client of :mod:`benchmarks.bench_portfolio`,
   with product groups, factor ratings for 2,000 customers, contacts and
   complaints added. Target (issue): < 5 s.
"""

from __future__ import annotations

import time

import numpy as np
import pandas as pd

from benchmarks.bench_portfolio import synthetic_client
from kamlib.analysis import bgnbd

FIT_TARGET = 3.0
ANALYSIS_TARGET = 5.0
PAPER = (0.243, 4.414, 0.793, 2.426)


def simulate(n: int, params=PAPER, seed: int = 7, whole_days: bool = True):
    """BG/NBD summaries (x, t_x, T in weeks) of ``n`` simulated customers."""
    r, alpha, a, b = params
    rng = np.random.default_rng(seed)
    lam = rng.gamma(r, 1.0 / alpha, n)
    p = rng.beta(a, b, n)
    T = rng.uniform(26.0, 78.0, n)
    if whole_days:
        T = np.round(T * 7) / 7
    x = np.zeros(n)
    t_x = np.zeros(n)
    now = np.zeros(n)
    alive = np.ones(n, dtype=bool)
    while alive.any():  # one step per purchase number, vectorised over customers
        now = now + rng.exponential(1.0, n) / np.maximum(lam, 1e-12)
        if whole_days:
            now = np.ceil(now * 7) / 7  # next purchase on a later day
        buys = alive & (now <= T)
        x[buys] += 1
        t_x[buys] = now[buys]
        alive = buys & (rng.random(n) >= p)  # drops out after a purchase with prob. p
    return x, t_x, T


def _add_retention_inputs(client, rated: int = 2_000, seed: int = 3):
    """Product groups, factor ratings, contacts and complaints for the synthetic client."""
    from kamlib.analysis.retention import DATA_ONLY_FACTORS, FACTORS

    rng = np.random.default_rng(seed)
    sales = client.sales.copy()
    sales["product_group"] = rng.choice([f"PG{i:02d}" for i in range(30)], len(sales))
    ids = client.customers["customer_id"].to_numpy()
    factors = [f for f in FACTORS if f not in DATA_ONLY_FACTORS]
    who = rng.choice(ids, rated, replace=False)
    ratings = pd.DataFrame(
        {
            "customer_id": np.repeat(who, len(factors)),
            "criterion": np.tile(factors, rated),
            "rating": rng.integers(1, 6, rated * len(factors)).astype(float),
            "rated_on": pd.Timestamp("2026-05-20"),
        }
    )
    with_contacts = rng.choice(ids, 5_000, replace=False)
    contacts = pd.DataFrame({"customer_id": np.repeat(with_contacts, 3), "contact_name": "Kontakt"})
    years = np.array([2024, 2025])
    activities = pd.DataFrame(
        {
            "customer_id": np.repeat(ids, 2),
            "year": np.tile(years, len(ids)),
            "complaints": rng.poisson(0.5, 2 * len(ids)),
        }
    )
    client.sales = sales
    client.ratings = pd.concat([client.ratings, ratings], ignore_index=True)
    client.contacts = contacts
    client.activities = activities
    return client


def _best(fn, runs: int = 3) -> tuple[float, object]:
    best, out = np.inf, None
    for _ in range(runs):
        t0 = time.perf_counter()
        out = fn()
        best = min(best, time.perf_counter() - t0)
    return best, out


def main() -> None:
    from kamlib.analysis.retention import compute, prepare

    for whole_days in (True, False):
        x, t_x, T = simulate(25_000, whole_days=whole_days)
        seconds, p = _best(lambda x=x, t_x=t_x, T=T: bgnbd.fit(x, t_x, T))
        kind = "whole days" if whole_days else "continuous times"
        status = "OK" if seconds < FIT_TARGET else "SLOW"
        print(
            f"BG/NBD fit, 25,000 customers ({kind}): {seconds:.3f} s "
            f"(target < {FIT_TARGET:.0f} s: {status}; best of 3)\n"
            f"  true r={PAPER[0]} alpha={PAPER[1]} a={PAPER[2]} b={PAPER[3]}; "
            f"fitted r={p.r:.3f} alpha={p.alpha:.3f} a={p.a:.3f} b={p.b:.3f}, "
            f"LL {p.log_likelihood:.1f}"
        )

    client = _add_retention_inputs(synthetic_client())
    print(f"synthetic client: {len(client.sales):,} lines, {len(client.customers):,} customers")
    t_prep, inputs = _best(lambda: prepare(client))
    t_comp, result = _best(lambda: compute(inputs))
    total = t_prep + t_comp
    print(f"prepare (incl. BG/NBD fit)  {t_prep:.3f} s")
    print(f"compute                     {t_comp:.3f} s")
    status = "OK" if total < ANALYSIS_TARGET else "SLOW"
    print(f"total {total:.3f} s  (target < {ANALYSIS_TARGET:.0f} s: {status}; best of 3 each)")
    p = result.bgnbd
    if p is not None:
        print(
            f"fit: r={p.r:.3f} alpha={p.alpha:.3f} a={p.a:.3f} b={p.b:.3f} on "
            f"{p.customers:,} customers"
            + (f" (at a bound: {', '.join(p.at_bound)})" if p.at_bound else "")
        )
    c = result.customers
    quads = c["risk_quadrant"].value_counts().to_dict()
    print(
        f"placed {int(c['placed'].sum()):,}, flagged {len(result.early_warnings):,}, "
        f"quadrants {quads}, disagreements {len(result.disagreements):,}"
    )
    panel_latency()


#: the workshop panel must redraw within this after a change (module checklist)
PANEL_TARGET = 0.5


def panel_latency() -> None:
    """Workshop panel on the German demo client: one setting and one rating preview."""
    import kamlib
    from kamlib.modules import ROOT
    from kamlib.widgets.retention import retention_panel

    client = kamlib.load_client(ROOT / "client_data" / "demo-maschinenbau")
    panel = retention_panel(client, "de", workshop=True, show=False)
    first = panel.result.customers.iloc[0]["customer_id"]
    timings = []
    for split in (60, 40, 50):
        panel.set("retention.score_split", split)
        timings.append(panel.timing.total)
    panel.preview.set(first, "contractual", 5)
    timings.append(panel.timing.total)
    worst = max(timings)
    status = "OK" if worst < PANEL_TARGET else "SLOW"
    print(
        f"workshop panel (demo client): worst redraw {worst:.3f} s over {len(timings)} "
        f"changes (target < {PANEL_TARGET} s: {status})"
    )


if __name__ == "__main__":
    main()
