"""End to end: the demo client's overview module to HTML and PDF (real notebook, real data)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from pypdf import PdfReader

from kamlib.config import load_config
from kamlib.modules import ROOT

DEMO = ROOT / "client_data" / "demo-maschinenbau"
A4_POINTS = (595.28, 841.89)


@pytest.mark.e2e
@pytest.mark.xdist_group("demo_render")
def test_demo_overview_renders_to_offline_html_and_a4_pdf(demo_deliverables: Path):
    name = load_config(DEMO / "client.yaml").name
    lang = "de"  # the client's language
    out = demo_deliverables  # both demo clients, rendered once per session (conftest.py)
    folder = out / DEMO.name / lang

    html = (folder / "overview.html").read_text(encoding="utf-8")
    assert name in html.replace("&amp;", "&")
    assert not re.search(r"<script[^>]+src=[\"']?https?:", html, re.I)
    assert not re.search(r"<link[^>]+href=[\"']?https?:", html, re.I)
    assert "load_client(" not in html  # code cells hidden
    assert "data:image/svg+xml;base64," in html  # charts embedded as vector images
    assert "No description has been provided" not in html  # every chart has an alt text

    reader = PdfReader(folder / "overview.pdf")
    assert len(reader.pages) >= 2
    for page in reader.pages:
        box = page.mediabox
        size = sorted((float(box.width), float(box.height)))
        assert size == pytest.approx(sorted(A4_POINTS), abs=0.5)  # A4 (portrait or landscape)
    assert name in reader.pages[0].extract_text()
    assert len(reader.pages[1].extract_text()) > 200

    assert (folder / "overview.ipynb").is_file()
    index = (out / DEMO.name / "index.html").read_text(encoding="utf-8")
    assert f'href="{lang}/overview.pdf"' in index
