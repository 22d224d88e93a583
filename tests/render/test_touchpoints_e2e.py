"""End to end: the touchpoint deliverable of both demo clients (one render per client),
the skip of a client without a touchpoint file, and the tutorial in both languages."""

from __future__ import annotations

import re
from pathlib import Path

import nbformat
import papermill as pm
import pytest
from pypdf import PdfReader

import kamlib
from kamlib.analysis import touchpoints as T
from kamlib.modules import ROOT, get_module
from kamlib.render import render

DEMOS = {
    "de": ROOT / "client_data" / "demo-maschinenbau",
    "en": ROOT / "client_data" / "demo-components",
}
MODULE = get_module("touchpoints")


@pytest.fixture(scope="module")
def rendered(tmp_path_factory) -> tuple[Path, object]:
    out = tmp_path_factory.mktemp("touchpoints-e2e")
    result = render(
        list(DEMOS.values()), modules=[MODULE.key], formats=("html", "pdf"), out_dir=out
    )
    return out, result


@pytest.mark.e2e
@pytest.mark.parametrize("lang", ["de", "en"])
def test_deliverable_renders_with_its_key_figures(rendered, lang):
    out, result = rendered
    demo = DEMOS[lang]
    item = next(i for i in result.items if i.client == demo.name)
    assert item.status == "ok", item.message + "\n" + item.details
    folder = out / demo.name / lang
    html = (folder / f"{MODULE.key}.html").read_text(encoding="utf-8")
    assert not re.search(r"<(script|img)[^>]+src=[\"']?https?:", html, re.I)  # offline
    assert "<Figure size" not in html and "Traceback" not in html
    assert "load_client(" not in html  # code hidden

    res = T.analyse(kamlib.load_client(demo))
    top = res.touchpoints.iloc[0]
    text = " ".join(p.extract_text() for p in PdfReader(folder / f"{MODULE.key}.pdf").pages)
    flat = " ".join(text.split())
    pages = len(PdfReader(folder / f"{MODULE.key}.pdf").pages)
    assert 4 <= pages <= 8
    word = {"de": "Kontaktpunkte bewertet", "en": "touchpoints rated"}[lang]
    assert f"{len(res.touchpoints)} {word}" in flat
    assert str(top["touchpoint"]) in flat
    decision = {"de": "Entscheidung", "en": "Decision"}[lang]
    assert f"{decision} 3:" in flat  # at least three decisions
    to_be_set = {"de": "festzulegen", "en": "to be set"}[lang]
    assert to_be_set in flat  # the demo plan is only partly filled in
    d = res.deviation
    assert d["compared"] > 0 and d["improved"] > 0 and d["worse"] > 0


@pytest.mark.e2e
def test_client_without_touchpoint_file_is_skipped_in_one_line(tmp_path):
    from tests.render.conftest import write_tiny_client

    folder = write_tiny_client(tmp_path / "tiny")
    result = render([folder], modules=[MODULE.key], formats=("html",), out_dir=tmp_path / "out")
    (item,) = result.items
    assert item.status == "skipped" and result.ok
    assert "touchpoints" in item.message and "\n" not in item.message


@pytest.mark.e2e
@pytest.mark.parametrize("lang", ["de", "en"])
def test_tutorial_runs_in_both_languages(tmp_path, monkeypatch, lang):
    monkeypatch.setenv("KAM_CACHE_DIR", str(tmp_path / "cache"))
    out = tmp_path / "tutorial.ipynb"
    pm.execute_notebook(
        str(MODULE.tutorial), str(out), parameters={"lang": lang}, kernel_name="python3",
        cwd=str(MODULE.tutorial.parent), progress_bar=False,
    )  # fmt: skip
    nb = nbformat.read(out, as_version=4)
    outputs = [o for c in nb.cells if c.cell_type == "code" for o in c.get("outputs", [])]
    assert not [o for o in outputs if o.get("output_type") == "error"]
    heading = {"de": "Schritt 1: Die Inventur", "en": "Step 1: The inventory"}[lang]
    shown = " ".join(str(o.get("data", {}).get("text/markdown", "")) for o in outputs)
    assert heading in shown
