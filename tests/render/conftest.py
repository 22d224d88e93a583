"""Fixtures for render tests: a tiny client folder and the fixture notebooks."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from PIL import Image

NOTEBOOKS = Path(__file__).resolve().parent.parent / "notebooks"


def process_alive(pid: int) -> bool:
    """True while process ``pid`` runs (a zombie waiting for its parent counts as ended)."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    stat = Path(f"/proc/{pid}/stat")
    return not (stat.exists() and stat.read_text().split(") ")[1].startswith("Z"))


def write_tiny_client(folder: Path, name: str = "Tüftel & Söhne GmbH", lang: str = "de") -> Path:
    """A client with three customers and four invoice lines (canonical CSV columns)."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "client.yaml").write_text(
        f"name: {name}\nlanguage: {lang}\n"
        'consultant: {firm: "Beispiel Beratung GmbH", logo: firm-logo.png}\n',
        encoding="utf-8",
    )
    (folder / "customers.csv").write_text(
        "customer_id,name,industry,region\n"
        "007,Alpha AG,Maschinenbau,Nord\n010,Beta GmbH,Handel,Süd\n011,Gamma KG,Handel,West\n",
        encoding="utf-8",
    )
    (folder / "sales.csv").write_text(
        "date,customer_id,net_revenue,contribution_margin,invoice_id,line_no\n"
        "2025-01-15,007,1200.5,300,R1,1\n2025-03-02,010,800,200,R2,1\n"
        "2025-06-30,011,-50,-10,R3,1\n2025-06-01,007,5000,1500,R4,1\n",
        encoding="utf-8",
    )
    # a small logo so the cover and header have something to embed
    Image.new("RGB", (120, 40), "#1F4E79").save(folder / "firm-logo.png")
    return folder


@pytest.fixture
def tiny_client(tmp_path: Path) -> Path:
    return write_tiny_client(tmp_path / "tiny-client")


@pytest.fixture
def notebook_set(tmp_path: Path) -> Path:
    """A notebooks folder where 'overview' works and 'portfolio' fails on purpose."""
    folder = tmp_path / "nbs"
    folder.mkdir()
    shutil.copy(NOTEBOOKS / "deliverable.ipynb", folder / "overview.ipynb")
    shutil.copy(NOTEBOOKS / "broken.ipynb", folder / "portfolio.ipynb")
    return folder


@pytest.fixture(autouse=True)
def private_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Keep the data layer's parse cache inside the test's temp dir (kernels inherit it)."""
    monkeypatch.setenv("KAM_CACHE_DIR", str(tmp_path / "kam-cache"))


@pytest.fixture(scope="session")
def demo_deliverables(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Both demo clients' deliverables (every module) as HTML and PDF, rendered ONCE per session.

    ``<out>/<client>/<lang>/<module>.{html,pdf}`` as ``kam render`` writes them
    (kamlib.review.render_demos). Tests that use it carry
    ``pytest.mark.xdist_group("demo_render")`` so that with ``-n 2`` they run in
    one worker and the render happens once. Read only: copy before changing.
    """
    from kamlib.review import render_demos

    out = tmp_path_factory.mktemp("demo-deliverables")
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("KAM_CACHE_DIR", str(tmp_path_factory.mktemp("demo-cache")))
        result = render_demos(out)
    failed = [f"{i.client}/{i.module}: {i.message}\n{i.details}" for i in result.items if not i.ok]
    assert result.ok and not failed, "\n".join(failed)
    return out
