"""Touchpoint analysis and "save round" timings.

1. ``prepare`` + ``compute`` on a workshop-sized inventory (60 touchpoints x
   3 segments x 4 rounds = 720 rows) and on a large one (5,000 x 3 x 4 =
   60,000 rows). Target: ``compute`` (what a slider move re-runs) of the
   workshop size in < 0.2 s.
2. ``save_round`` appending 180 ratings to a CSV and to an xlsx holding the
   workshop-sized file (backup + atomic write included). Target: < 2 s each.
3. ``revenue_basis`` (the revenue behind the decisions) on the synthetic client
   with 1,000,000 invoice lines and 20,000 customers. Target: < 2 s.
4. The workshop rating grid on the German demo client: seconds per drop-down
   change (recompute + status and plan redraw). Target: < 0.5 s.
"""

from __future__ import annotations

import tempfile
import time
from pathlib import Path

import numpy as np
import pandas as pd

from kamlib.analysis import touchpoints as T
from kamlib.touchpoint_rounds import save_round

COMPUTE_TARGET = 0.2
SAVE_TARGET = 2.0
ROUNDS = pd.to_datetime(["2024-10-01", "2025-04-01", "2025-10-01", "2026-04-01"])


def synthetic(n_touchpoints: int, seed: int = 5) -> pd.DataFrame:
    """``n_touchpoints`` x 3 segments x 4 rounds of random ratings 1-5."""
    rng = np.random.default_rng(seed)
    names = np.array([f"Touchpoint {i:05d}" for i in range(n_touchpoints)])
    base = pd.DataFrame(
        {
            "touchpoint": np.repeat(names, 3),
            "segment": np.tile(["A customers", "B customers", "new customers"], n_touchpoints),
        }
    )
    n = len(base)
    base["phase"] = rng.choice([*T.PHASES, "Nutzung", "Kauf"], n)
    base["channel"] = rng.choice([*T.CHANNELS, "Telefon"], n)
    base["owner"] = rng.choice(["Marketing", "Sales", "Service", "Logistics"], n)
    base["importance"] = rng.integers(1, 6, n)
    base["soll"] = rng.integers(3, 6, n)
    frames = [base.assign(ist=rng.integers(1, 6, n), round=r) for r in ROUNDS]
    return pd.concat(frames, ignore_index=True)


def _best(fn, repeat: int = 3) -> tuple[float, object]:
    best, out = float("inf"), None
    for _ in range(repeat):
        t0 = time.perf_counter()
        out = fn()
        best = min(best, time.perf_counter() - t0)
    return best, out


def main() -> None:
    for n in (60, 5_000):
        table = synthetic(n)
        t_prep, inputs = _best(lambda table=table: T.prepare_frame(table))
        t_comp, _ = _best(lambda inputs=inputs: T.compute(inputs))
        status = "ok" if t_comp < COMPUTE_TARGET else "SLOW"
        print(
            f"{len(table):>7,} rows: prepare {t_prep:.3f} s, compute {t_comp:.3f} s"
            + (f"  (compute target < {COMPUTE_TARGET} s: {status})" if n == 60 else "")
        )
    table = synthetic(60)
    ratings = table[table["round"] == ROUNDS[-1]].drop(columns="round")
    for ext in ("csv", "xlsx"):
        with tempfile.TemporaryDirectory() as tmp:
            client = Path(tmp) / "client"
            client.mkdir()
            path = client / f"touchpoints.{ext}"
            table.to_csv(path, index=False) if ext == "csv" else table.to_excel(path, index=False)
            t0 = time.perf_counter()
            save_round(client, ratings, "2026-10-01", backup_dir=Path(tmp) / "backups")
            took = time.perf_counter() - t0
        status = "ok" if took < SAVE_TARGET else "SLOW"
        print(
            f"save_round {ext:<4} {len(ratings)} ratings onto {len(table)} rows: {took:.3f} s"
            f"  (target < {SAVE_TARGET:.0f} s: {status})"
        )
    from benchmarks.bench_portfolio import synthetic_client

    big = synthetic_client()
    took, _ = _best(lambda: T.revenue_basis(big))
    status = "ok" if took < 2.0 else "SLOW"
    print(f"revenue_basis on {len(big.sales):,} lines: {took:.3f} s  (target < 2 s: {status})")
    grid_latency()


def grid_latency() -> None:
    """Seconds per rating change in the workshop grid (demo client, no display)."""
    import kamlib
    from kamlib.widgets.touchpoints import RatingGrid

    demo = Path(__file__).resolve().parent.parent / "client_data" / "demo-maschinenbau"
    grid = RatingGrid(kamlib.load_client(demo), "de")
    times = []
    for k in range(10):
        dd = grid.dropdowns[(k % len(grid.rows), "ist")]
        dd.value = 5 if dd.value != 5 else 1
        times.append(grid.last_seconds)
    worst = max(times)
    status = "ok" if worst < 0.5 else "SLOW"
    print(
        f"rating grid change: median {sorted(times)[len(times) // 2]:.3f} s, max {worst:.3f} s"
        f"  (target < 0.5 s: {status})"
    )


if __name__ == "__main__":
    main()
