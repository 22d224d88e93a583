"""Workshop panel latency: seconds per control change on the demo client.

Prints, per kind of change, the median and worst time for
- compute only: ``kamlib.analysis.portfolio.compute`` on the prepared inputs;
- compute + redraw: one ``panel.set(...)`` as a slider release triggers it
  (settings check, compute, zone table, ABC-XYZ matrix, bubble chart as PNG,
  zone-change list), measured around the call (wall clock and process CPU
  time; on a shared machine the CPU time is the steadier figure).
Target: under 0.5 s per change.
"""

from __future__ import annotations

import os
import statistics
import time
from pathlib import Path

CLIENT = Path(__file__).resolve().parent.parent / "client_data" / "demo-maschinenbau"
REPEATS = 5

#: (label, path, two values to alternate between)
CHANGES = [
    ("zone split potential 50 <-> 60", "portfolio.zone_split.potential", (60.0, 50.0)),
    ("zone split fit 50 <-> 40", "portfolio.zone_split.attractiveness", (40.0, 50.0)),
    ("weight decision_access", "portfolio.attractiveness.decision_access", (0.6, 0.3)),
    ("weight future_demand", "portfolio.potential.future_demand", (0.7, 0.4)),
    ("ABC cut-offs", "portfolio.abc.cutoffs", ((0.7, 0.9), (0.8, 0.95))),
    ("XYZ cut-offs", "portfolio.xyz.cutoffs", ((0.4, 0.8), (0.5, 1.0))),
]


def _fmt(xs: list[float]) -> str:
    return f"median {statistics.median(xs):.3f} s, max {max(xs):.3f} s"


def main() -> None:
    import matplotlib

    matplotlib.use("Agg")
    import kamlib
    from kamlib.analysis import portfolio as pf
    from kamlib.widgets import portfolio_panel

    if not (CLIENT / "client.yaml").exists():
        print(f"demo client missing: {CLIENT} (run `kam demo` first)")
        return
    t0 = time.perf_counter()
    client = kamlib.load_client(CLIENT)
    t1 = time.perf_counter()
    inputs = pf.prepare(client)
    t2 = time.perf_counter()
    panel = portfolio_panel(client, lang="de", workshop=True, show=False)
    t3 = time.perf_counter()
    assert panel is not None
    n = len(panel.result.customers)
    print(f"client: {CLIENT.name}, {n} customers, {len(client.sales):,} sales lines")
    print(
        f"load_client {t1 - t0:.2f} s, prepare {t2 - t1:.2f} s, build panel {t3 - t2:.2f} s (once)"
    )

    settings = client.config.portfolio
    compute_only = []
    for _ in range(REPEATS * 2):
        s = time.perf_counter()
        pf.compute(inputs, settings)
        compute_only.append(time.perf_counter() - s)
    print(f"compute only:              {_fmt(compute_only)}")

    all_totals: list[float] = []
    all_cpu: list[float] = []
    for name, path, values in CHANGES:
        totals, computes, draws, cpus = [], [], [], []
        for i in range(REPEATS * 2):
            s, c = time.perf_counter(), time.process_time()
            panel.set(path, values[i % 2])
            totals.append(time.perf_counter() - s)
            cpus.append(time.process_time() - c)
            computes.append(panel.timing.compute)
            draws.append(panel.timing.draw)
        all_totals += totals
        all_cpu += cpus
        print(
            f"{name:<32} compute+redraw {_fmt(totals)} "
            f"(compute {statistics.median(computes):.3f} s, redraw {statistics.median(draws):.3f} s, "
            f"CPU {statistics.median(cpus):.3f} s)"
        )
    langs = []
    for i in range(REPEATS * 2):
        s = time.perf_counter()
        panel.set_language(("en", "de")[i % 2])
        langs.append(time.perf_counter() - s)
    print(f"{'language toggle (redraw only)':<32} {_fmt(langs)}")
    share = sum(x < 0.5 for x in all_totals) / len(all_totals)
    print(
        f"all slider changes: {_fmt(all_totals)}; {share:.0%} under the 0.5 s target "
        f"({len(all_totals)} changes); CPU time per change {_fmt(all_cpu)}"
    )
    print(f"load average now: {', '.join(f'{x:.1f}' for x in os.getloadavg())} (2 cores)")


if __name__ == "__main__":
    main()
