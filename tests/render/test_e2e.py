"""End to end: the demo client's overview module to HTML and PDF (real notebook, real data)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from pypdf import PdfReader

from kamlib.config import load_config
from kamlib.modules import ROOT
from kamlib.render import render

DEMO = ROOT / "client_data" / "demo-maschinenbau"
A4_POINTS = (595.28, 841.89)


@pytest.mark.e2e
def test_demo_overview_renders_to_offline_html_and_a4_pdf(tmp_path: Path):
    name = load_config(DEMO / "client.yaml").name
    result = render([DEMO], modules=["overview"], formats=("html", "pdf"), out_dir=tmp_path)
    (item,) = result.items
    assert result.ok, item.message + "\n" + item.details
    folder = tmp_path / DEMO.name / item.lang

    html = (folder / "overview.html").read_text(encoding="utf-8")
    assert name in html.replace("&amp;", "&")
    assert not re.search(r"<script[^>]+src=[\"']?https?:", html, re.I)
    assert not re.search(r"<link[^>]+href=[\"']?https?:", html, re.I)
    assert "load_client(" not in html  # code cells hidden
    assert "data:image/png;base64," in html  # charts embedded

    reader = PdfReader(folder / "overview.pdf")
    assert len(reader.pages) >= 2
    for page in reader.pages:
        box = page.mediabox
        size = sorted((float(box.width), float(box.height)))
        assert size == pytest.approx(sorted(A4_POINTS), abs=0.5)  # A4 (portrait or landscape)
    assert name in reader.pages[0].extract_text()
    assert len(reader.pages[1].extract_text()) > 200

    assert (folder / "overview.ipynb").is_file()
    index = (tmp_path / DEMO.name / "index.html").read_text(encoding="utf-8")
    assert f'href="{item.lang}/overview.pdf"' in index
