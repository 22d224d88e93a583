"""End to end: the retention deliverable for both demo clients (one render each).

Each client is rendered once per session (module-scoped fixture); the checks
read the HTML and PDF: offline, A4, page count, and the key figures of the
analysis (the slipping customers' contradiction, P(alive)) present.
"""

from __future__ import annotations

import re

import pytest
from pypdf import PdfReader

import kamlib
from kamlib.analysis import retention
from kamlib.modules import ROOT
from kamlib.render import render

CLIENTS = ("demo-maschinenbau", "demo-components")
A4_POINTS = (595.28, 841.89)


@pytest.fixture(scope="module", params=CLIENTS)
def rendered(request, tmp_path_factory):
    folder = ROOT / "client_data" / request.param
    out = tmp_path_factory.mktemp("retention")
    result = render([folder], modules=["retention"], formats=("html", "pdf"), out_dir=out)
    (item,) = result.items
    assert result.ok, item.message + "\n" + item.details
    analysed = retention.analyse(kamlib.load_client(folder))
    return out / folder.name / item.lang, item.lang, analysed


@pytest.mark.e2e
def test_retention_renders_offline_html_and_an_a4_pdf(rendered):
    folder, _lang, _res = rendered
    html = (folder / "retention.html").read_text(encoding="utf-8")
    assert not re.search(r"<script[^>]+src=[\"']?https?:", html, re.I)
    assert "load_client(" not in html and "data:image/svg+xml;base64," in html
    reader = PdfReader(folder / "retention.pdf")
    assert 6 <= len(reader.pages) <= 12
    for page in reader.pages:
        box = page.mediabox
        assert sorted((float(box.width), float(box.height))) == pytest.approx(
            sorted(A4_POINTS), abs=0.5
        )


@pytest.mark.e2e
def test_retention_pdf_names_the_contradictions_and_the_model(rendered):
    folder, lang, res = rendered
    text = " ".join(p.extract_text() for p in PdfReader(folder / "retention.pdf").pages)
    text = re.sub(r"\s+", " ", text)
    # the demo's slipping customers: rated firmly bound, P(alive) low
    assert res.bgnbd_status == "ok" and len(res.disagreements) >= 2
    first = res.disagreements.iloc[0]
    assert first["name"] in text
    decisions = "Entscheidungen" if lang == "de" else "Decisions"
    assert decisions in text
    assert ("BG/NBD" in text) and ("P(aktiv)" in text or "P(active)" in text)


@pytest.mark.e2e
@pytest.mark.parametrize(
    ("client", "lang"), [("demo-maschinenbau", "de"), ("demo-components", "en")]
)
def test_the_tutorial_runs_in_both_languages(client, lang, tmp_path, monkeypatch):
    import nbformat
    import papermill as pm

    from kamlib.modules import get_module

    monkeypatch.setenv("KAM_CACHE_DIR", str(tmp_path / "cache"))
    path = get_module("retention").tutorial
    out = tmp_path / path.name
    pm.execute_notebook(
        str(path), str(out), kernel_name="python3", cwd=str(path.parent), progress_bar=False,
        parameters={"client_dir": str(ROOT / "client_data" / client), "lang": lang},
    )  # fmt: skip
    nb = nbformat.read(out, as_version=4)
    shown = "".join(
        str(o.get("data", {}).get("text/markdown", "")) + str(o.get("text", ""))
        for c in nb.cells if c.cell_type == "code" for o in c.get("outputs", [])
    )  # fmt: skip
    assert ("Schritt 7" in shown) if lang == "de" else ("Step 7" in shown)
    assert not [
        o for c in nb.cells if c.cell_type == "code" for o in c.get("outputs", [])
        if o.get("output_type") == "error"
    ]  # fmt: skip
