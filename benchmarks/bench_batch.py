"""Batch rendering at scale (issue 17): ratios measured in one run, whole processes each.

1. one deliverable (``kam render`` overview, HTML) vs the floor: papermill CLI on an
   imports-only notebook + ``jupyter nbconvert`` (goal <= 1.3x);
2. a client's full set (every module, HTML + PDF, ``--jobs 2``) vs the do-it-yourself
   pipeline: papermill CLI + jupyter nbconvert + weasyprint per module, two at a time
   (goal >= 2x faster);
3. both demo clients, every module, HTML + PDF: ``--jobs 2`` over ``--jobs 1`` (goal >= 1.8x);
4. a re-render with nothing changed (goal < 1 s per client);
5. Dask LocalCluster (``--scheduler local --jobs 2``) vs the process pool (``--jobs 2``);
6. peak memory of ``kam validate`` and ``kam export`` on a 5-million-line client, read from
   ``resource.getrusage(RUSAGE_CHILDREN)`` of a wrapper process (goal <= 3x the CSV size).

``python -m benchmarks batch`` runs only this file; KAM_BENCH_LINES overrides the 5M lines.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
DEMOS = [ROOT / "client_data" / "demo-maschinenbau", ROOT / "client_data" / "demo-components"]
MEMORY_LINES = int(os.environ.get("KAM_BENCH_LINES", "5000000"))

IMPORTS_ONLY = {
    "cells": [
        {
            "cell_type": "code",
            "execution_count": None,
            "id": "params",
            "metadata": {"tags": ["parameters"]},
            "outputs": [],
            "source": "client_dir = ''\nlang = 'de'\nas_of = None\nworkshop = False",
        },
        {
            "cell_type": "code",
            "execution_count": None,
            "id": "imports",
            "metadata": {},
            "outputs": [],
            "source": "import matplotlib.pyplot as plt\nimport pandas as pd\nimport kamlib",
        },
    ],
    "metadata": {
        "kernelspec": {"display_name": "Python 3", "language": "python", "name": "python3"}
    },
    "nbformat": 4,
    "nbformat_minor": 5,
}


def _run(cmd: list[str], env: dict | None = None) -> float:
    """Wall time of one process; raises when it fails (a benchmark of a failure is useless)."""
    t0 = time.perf_counter()
    proc = subprocess.run(cmd, capture_output=True, text=True, env=env)
    if proc.returncode != 0:
        raise RuntimeError(f"{' '.join(cmd[:3])} ... exit {proc.returncode}: {proc.stderr[-800:]}")
    return time.perf_counter() - t0


def _kam(*args: str | Path) -> list[str]:
    return [str(BIN / "kam"), "render", *map(str, args)]


def _diy_module(client: Path, module: str, out: Path) -> None:
    """What a user would script: papermill CLI, jupyter nbconvert, weasyprint, one module."""
    nb = ROOT / "notebooks" / f"{module}.ipynb"
    executed = out / f"{client.name}-{module}.ipynb"
    _run([str(BIN / "papermill"), str(nb), str(executed), "-p", "client_dir", str(client),
          "-p", "workshop", "False", "--cwd", str(nb.parent), "--no-progress-bar"])  # fmt: skip
    _run([str(BIN / "jupyter"), "nbconvert", "--to", "html", "--no-input", str(executed)])
    _run([str(BIN / "weasyprint"), str(executed.with_suffix(".html")),
          str(executed.with_suffix(".pdf"))])  # fmt: skip


def _ratio_line(label: str, value: float, goal: str) -> None:
    print(f"{label:<62s} {value:6.2f}x   goal {goal}", flush=True)


def _speed(tmp: Path) -> None:
    from kamlib.modules import MODULES

    demo = DEMOS[0]
    # warm the OS file cache and the parse cache once, so no run pays for them alone
    _run(_kam(demo, "-m", "overview", "-f", "html", "-o", tmp / "warm", "--force"))

    # 1. one deliverable vs the floor
    nb = tmp / "imports.ipynb"
    nb.write_text(json.dumps(IMPORTS_ONLY), encoding="utf-8")
    floor = _run([str(BIN / "papermill"), str(nb), str(tmp / "imports.out.ipynb"),
                  "--no-progress-bar"])  # fmt: skip
    floor += _run(
        [str(BIN / "jupyter"), "nbconvert", "--to", "html", str(tmp / "imports.out.ipynb")]
    )
    one = _run(_kam(demo, "-m", "overview", "-f", "html", "-o", tmp / "one", "--force", "-j", "1"))
    print(f"floor: papermill CLI imports-only notebook + nbconvert CLI   {floor:6.2f} s")
    print(f"one deliverable: kam render overview, HTML (whole process)  {one:6.2f} s")
    _ratio_line("one deliverable / floor", one / floor, "<= 1.3x")

    # 2. a client's full set vs the DIY pipeline (two modules at a time)
    diy_out = tmp / "diy"
    diy_out.mkdir()
    t0 = time.perf_counter()
    with ThreadPoolExecutor(2) as pool:
        list(pool.map(lambda m: _diy_module(demo, m, diy_out), MODULES))
    diy = time.perf_counter() - t0
    full = _run(_kam(demo, "-o", tmp / "full", "--force", "-j", "2"))
    print(f"DIY pipeline, {len(MODULES)} modules HTML+PDF, two at a time           {diy:6.2f} s")
    print(f"kam render, same set, --jobs 2                                {full:6.2f} s")
    _ratio_line("DIY pipeline / kam render (speed-up)", diy / full, ">= 2x")

    # 3. --jobs 2 over --jobs 1, both demo clients, every module, HTML + PDF
    j1 = _run(_kam(*DEMOS, "-o", tmp / "j1", "--force", "-j", "1"))
    j2 = _run(_kam(*DEMOS, "-o", tmp / "j2", "--force", "-j", "2"))
    n = len(DEMOS) * len(MODULES)
    print(f"{n} deliverables HTML+PDF: --jobs 1 {j1:6.2f} s, --jobs 2 {j2:6.2f} s")
    _ratio_line("--jobs 1 / --jobs 2 (speed-up)", j1 / j2, ">= 1.8x")

    # 4. nothing changed: a re-render of the --jobs 2 output
    again = _run(_kam(*DEMOS, "-o", tmp / "j2", "-j", "2"))
    per_client = again / len(DEMOS)
    print(f"re-render, nothing changed ({len(DEMOS)} clients, whole process) {again:6.2f} s")
    print(f"{'  per client':<62s} {per_client:6.2f} s   goal < 1 s "
          f"{'OK' if per_client < 1 else 'SLOW'}")  # fmt: skip

    # 5. Dask LocalCluster vs the process pool, same batch
    dask = _run(_kam(*DEMOS, "-o", tmp / "dask", "--force", "-j", "2", "--scheduler", "local"))
    print(f"Dask LocalCluster --jobs 2: {dask:6.2f} s vs process pool --jobs 2: {j2:6.2f} s")
    _ratio_line("Dask LocalCluster / process pool (time)", dask / j2, "close to 1x")


MEASURE = """
import resource, subprocess, sys
proc = subprocess.run(sys.argv[1:], capture_output=True, text=True)
peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss * 1024
print(peak, proc.returncode)
"""


def _peak(cmd: list[str], env: dict) -> tuple[int, int]:
    """Peak RSS (bytes) and exit code of ``cmd``, run by a fresh wrapper process."""
    out = subprocess.run(
        [sys.executable, "-c", MEASURE, *cmd], capture_output=True, text=True, env=env, check=True
    ).stdout.split()
    return int(out[0]), int(out[1])


def _memory(tmp: Path) -> None:
    from benchmarks.bench_loading import write_client

    t0 = time.perf_counter()
    client = write_client(tmp / "big-client", n_lines=MEMORY_LINES, n_customers=50_000)
    csv = (client / "sales.csv").stat().st_size
    print(f"generated {MEMORY_LINES:,} lines ({csv / 1e6:.0f} MB CSV) in "
          f"{time.perf_counter() - t0:.0f} s")  # fmt: skip
    env = {**os.environ, "KAM_CACHE_DIR": str(tmp / "mem-cache")}
    peaks = []
    for label, cmd in (
        ("kam validate (cold cache)", [str(BIN / "kam"), "validate", str(client)]),
        (
            "kam export portfolio (cold)",
            [str(BIN / "kam"), "export", str(client), "-m", "portfolio", "-o", str(tmp / "x.csv")],
        ),
    ):
        t0 = time.perf_counter()
        shutil.rmtree(tmp / "mem-cache", ignore_errors=True)  # cold: parse the CSV each time
        peak, code = _peak(cmd, env)
        took = time.perf_counter() - t0
        peaks.append(peak)
        print(f"{label:<28s} peak {peak / 1e6:7.0f} MB = {peak / csv:4.2f}x the CSV   "
              f"goal <= 3x   ({took:.0f} s, exit {code})", flush=True)  # fmt: skip
    lines = f"{MEMORY_LINES / 1e6:g}M"
    print(f"peak memory on {lines} lines: {max(peaks) / csv:.1f} x CSV   goal <= 3x   "
          f"{'OK' if max(peaks) <= 3 * csv else 'OVER'}", flush=True)  # fmt: skip


def main() -> None:
    with tempfile.TemporaryDirectory() as d:
        tmp = Path(d)
        os.environ.setdefault("KAM_CACHE_DIR", str(tmp / "cache"))
        _speed(tmp)
        _memory(tmp)


if __name__ == "__main__":
    main()
