"""Render benchmark: the floor of the pipeline and one full module, in-process.

Prints: papermill on an empty notebook + nbconvert HTML (what every render
costs at least: kernel start, parameter injection, template), then the
overview module for the German demo client: execute, HTML, PDF (+ pages).
"""

from __future__ import annotations

import statistics
import tempfile
import time
from pathlib import Path

from kamlib.modules import ROOT

EMPTY = ROOT / "tests" / "notebooks" / "empty.ipynb"
DEMO = ROOT / "client_data" / "demo-maschinenbau"


def _floor(tmp: Path, runs: int = 3) -> None:
    from kamlib.render.execute import execute_notebook
    from kamlib.render.html import exporter, to_html

    t0 = time.perf_counter()
    exporter()
    print(f"nbconvert exporter set-up (once per process): {time.perf_counter() - t0:6.2f} s")
    params = {"client_dir": str(DEMO), "lang": "de", "as_of": None, "workshop": False}
    execs, htmls = [], []
    for i in range(runs):
        t0 = time.perf_counter()
        nb = execute_notebook(EMPTY, tmp / f"empty{i}.ipynb", params)
        t1 = time.perf_counter()
        to_html(nb, {"mode": "html", "lang": "de", "author": "", "footer": ""}, "empty")
        t2 = time.perf_counter()
        execs.append(t1 - t0)
        htmls.append(t2 - t1)
    print(
        f"floor, papermill empty notebook (in-process, median of {runs}): "
        f"{statistics.median(execs):6.2f} s"
    )
    print(
        f"floor, nbconvert HTML of it (median of {runs}):               {statistics.median(htmls):6.3f} s"
    )


def _module(tmp: Path) -> None:
    from kamlib.render import RenderSpec, render_task

    if not (DEMO / "client.yaml").is_file():
        print(f"skipped module render: {DEMO} not found (run `kam demo` first)")
        return
    spec = RenderSpec(str(DEMO), "overview", "de", str(tmp / "reports"))
    for label in ("first run (cold imports in this process)", "second run (warm process)"):
        item = render_task(spec)
        if item.status != "ok":
            print(f"overview render {item.status}: {item.message}")
            return
        tm = item.timings
        size = Path(item.outputs["html"]).stat().st_size / 1024
        pdf_size = Path(item.outputs["pdf"]).stat().st_size / 1024
        print(f"overview, demo-maschinenbau, {label}:")
        print(f"  execute (papermill, kernel + notebook) {tm['execute']:6.2f} s")
        print(f"  HTML (nbconvert, kam template)         {tm['html']:6.2f} s   {size:7.0f} kB")
        print(
            f"  PDF (WeasyPrint, cover + print CSS)    {tm['pdf']:6.2f} s   {pdf_size:7.0f} kB, "
            f"{item.pages} A4 pages"
        )
        print(f"  total                                  {item.seconds:6.2f} s")


def main() -> None:
    with tempfile.TemporaryDirectory() as d:
        _floor(Path(d))
        _module(Path(d))


if __name__ == "__main__":
    main()
