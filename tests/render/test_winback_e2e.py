"""End to end: the win-back deliverable of both demo clients (one render per client),
and the trainee tutorial in both languages."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from pypdf import PdfReader

import kamlib
from kamlib.analysis import winback
from kamlib.i18n import Formatter
from kamlib.modules import NOTEBOOK_DIR, ROOT
from kamlib.render import render

CLIENTS = {"demo-maschinenbau": "de", "demo-components": "en"}
A4_POINTS = (595.28, 841.89)


@pytest.fixture(scope="module")
def rendered(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("winback-e2e")
    dirs = [ROOT / "client_data" / c for c in CLIENTS]
    result = render(dirs, modules=["winback"], formats=("html", "pdf"), out_dir=out)
    assert result.ok, "\n".join(i.message + "\n" + i.details for i in result.items)
    return out


@pytest.mark.e2e
@pytest.mark.parametrize(("client", "lang"), CLIENTS.items())
def test_winback_renders_offline_with_its_key_figures(rendered: Path, client: str, lang: str):
    folder = rendered / client / lang
    html = (folder / "winback.html").read_text(encoding="utf-8")
    assert not re.search(r"<script[^>]+src=[\"']?https?:", html, re.I)
    assert not re.search(r"<link[^>]+href=[\"']?https?:", html, re.I)
    assert "load_client(" not in html  # code cells hidden
    assert "data:image/svg+xml;base64," in html  # charts embedded as vector images

    result = winback.analyse(kamlib.load_client(ROOT / "client_data" / client))
    f = Formatter(lang, result.currency)
    lost = int(result.years["lost"].sum())
    revenue = f.money(result.years["lost_revenue"].sum())
    reader = PdfReader(folder / "winback.pdf")
    assert 5 <= len(reader.pages) <= 9
    for page in reader.pages:
        box = page.mediabox
        size = sorted((float(box.width), float(box.height)))
        assert size == pytest.approx(sorted(A4_POINTS), abs=0.5)
    text = " ".join(p.extract_text() for p in reader.pages).replace("\xa0", " ")
    text = re.sub(r"\s+", " ", text)
    assert revenue.replace("\xa0", " ") in text  # heading, summary and KPI
    assert f.int(lost) in text
    top = result.priority.iloc[0]["name"]
    assert top in text  # full name on the priority list, not cut
    assert ("Entscheidungen" if lang == "de" else "Decisions") in text
    assert "…" not in text


@pytest.mark.e2e
@pytest.mark.parametrize(("client", "lang"), CLIENTS.items())
def test_tutorial_runs_in_both_languages(tmp_path: Path, client: str, lang: str, monkeypatch):
    import nbformat
    import papermill as pm

    monkeypatch.setenv("KAM_CACHE_DIR", str(tmp_path / "cache"))
    path = NOTEBOOK_DIR / "tutorial" / "winback_tutorial.ipynb"
    out = tmp_path / path.name
    pm.execute_notebook(
        str(path),
        str(out),
        parameters={"client_dir": str(ROOT / "client_data" / client), "lang": lang},
        kernel_name="python3",
        cwd=str(path.parent),
        progress_bar=False,
    )
    nb = nbformat.read(out, as_version=4)
    errors = [
        o for c in nb.cells if c.cell_type == "code" for o in c.get("outputs", [])
        if o.get("output_type") == "error"
    ]  # fmt: skip
    assert not errors
    shown = "".join(
        o.get("data", {}).get("text/markdown", "") for c in nb.cells for o in c.get("outputs", [])
    )
    assert ("Schritt 6" if lang == "de" else "Step 6") in shown
    assert "<details>" in shown  # hidden answers
