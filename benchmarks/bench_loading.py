"""Loading benchmark: 1,000,000 invoice lines and 20,000 customers.

Generates a German-style client folder (semicolon CSV, decimal comma,
dates as 31.12.2025, cp1252) in a temp dir, then measures in-process
``load_client`` cold (empty cache) and cached, and ``kam validate`` as a whole
process. Targets (2 cores): cold < 5 s, cached < 1 s.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np
import pandas as pd

ROOT = Path(__file__).resolve().parents[1]
N_LINES = 1_000_000
N_CUSTOMERS = 20_000


def write_client(
    folder: Path, n_lines: int = N_LINES, n_customers: int = N_CUSTOMERS, seed: int = 7
) -> Path:
    """Write a synthetic client folder of the given size (German export style)."""
    rng = np.random.default_rng(seed)
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "client.yaml").write_text("name: Benchmark GmbH\nlanguage: de\n", encoding="utf-8")
    ids = np.char.add("0", np.arange(10000, 10000 + n_customers).astype(str))
    customers = pd.DataFrame(
        {
            "Kundennummer": ids,
            "Kundenname": np.char.add("Kunde ", ids),
            "Branche": rng.choice(["Maschinenbau", "Handel", "Bau", "Chemie"], n_customers),
            "Region": rng.choice(["Nord", "Süd", "West", "Ost"], n_customers),
            "Potenzial": np.round(rng.lognormal(11, 1, n_customers), 2),
        }
    )
    customers.to_csv(folder / "customers.csv", sep=";", decimal=",", index=False, encoding="cp1252")
    # heavy-tailed customer choice, like real portfolios
    weights = rng.pareto(1.2, n_customers) + 0.01
    cust = rng.choice(ids, n_lines, p=weights / weights.sum())
    days = pd.Timestamp("2023-01-01") + pd.to_timedelta(rng.integers(0, 3 * 365, n_lines), unit="D")
    revenue = np.round(rng.lognormal(6, 1.2, n_lines), 2)
    revenue[rng.random(n_lines) < 0.02] *= -1  # credit notes
    sales = pd.DataFrame(
        {
            "Rechnungsdatum": days.strftime("%d.%m.%Y"),
            "Kundennummer": cust,
            "Rechnungsnummer": np.char.add("R", (np.arange(n_lines) // 4).astype(str)),
            "Position": np.arange(n_lines) % 4 + 1,
            "Artikelnummer": np.char.add("A-", rng.integers(1000, 9999, n_lines).astype(str)),
            "Warengruppe": rng.choice(["Ersatzteile", "Maschinen", "Service"], n_lines),
            "Menge": rng.integers(1, 50, n_lines),
            "Nettoumsatz": revenue,
            "Deckungsbeitrag": np.round(revenue * rng.uniform(0.1, 0.45, n_lines), 2),
        }
    )
    sales.to_csv(folder / "sales.csv", sep=";", decimal=",", index=False, encoding="cp1252")
    return folder


def _timed(fn) -> tuple[float, object]:
    t0 = time.perf_counter()
    out = fn()
    return time.perf_counter() - t0, out


def main() -> None:
    from kamlib.data import load_client

    with tempfile.TemporaryDirectory() as tmp:
        tmp_path = Path(tmp)
        os.environ["KAM_CACHE_DIR"] = str(tmp_path / "cache")
        t0 = time.perf_counter()
        client_dir = write_client(tmp_path / "bench-client")
        size = (client_dir / "sales.csv").stat().st_size / 1e6
        print(
            f"generated {N_LINES:,} lines / {N_CUSTOMERS:,} customers ({size:.0f} MB) in {time.perf_counter() - t0:.1f} s"
        )
        cold, client = _timed(lambda: load_client(client_dir))
        cached, client2 = _timed(lambda: load_client(client_dir))
        assert len(client.sales) == len(client2.sales)
        print(
            f"load_client cold   (in-process): {cold:6.2f} s   target < 5 s   {'OK' if cold < 5 else 'SLOW'}"
        )
        print(
            f"load_client cached (in-process): {cached:6.2f} s   target < 1 s   {'OK' if cached < 1 else 'SLOW'}"
        )
        print(f"  lines used {len(client.sales):,}, problems {len(client.problems)}")
        kam = ROOT / ".venv" / "bin" / "kam"
        if not kam.exists():
            subprocess.run(
                [
                    str(ROOT / ".venv" / "bin" / "pip"),
                    "install",
                    "-q",
                    "-e",
                    str(ROOT),
                    "--no-deps",
                ],
                check=True,
            )
        env = dict(os.environ)
        for label, cache_dir in (("cold", tmp_path / "cache2"), ("cached", tmp_path / "cache2")):
            env["KAM_CACHE_DIR"] = str(cache_dir)
            t0 = time.perf_counter()
            proc = subprocess.run(
                [str(kam), "validate", str(client_dir)], env=env, capture_output=True, text=True
            )
            dt_ = time.perf_counter() - t0
            print(f"kam validate {label:6s} (process):  {dt_:6.2f} s   exit code {proc.returncode}")
        sys.stdout.flush()


if __name__ == "__main__":
    main()
