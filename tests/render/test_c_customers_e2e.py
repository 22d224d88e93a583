"""End to end: the C-customer deliverable for both demo clients (one render each, per session)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from pypdf import PdfReader

import kamlib
from kamlib.analysis import c_customers
from kamlib.i18n import Formatter
from kamlib.modules import ROOT
from kamlib.render import render

DEMOS = {
    "de": ROOT / "client_data" / "demo-maschinenbau",
    "en": ROOT / "client_data" / "demo-components",
}
A4_POINTS = (595.28, 841.89)
MODULE = "c_customers"


@pytest.fixture(scope="module")
def rendered(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Render both demo clients once; returns lang -> output folder of the deliverable."""
    out = tmp_path_factory.mktemp("cc-render")
    mp = pytest.MonkeyPatch()
    mp.setenv("KAM_CACHE_DIR", str(out / "kam-cache"))
    try:
        result = render(list(DEMOS.values()), modules=[MODULE], formats=("html", "pdf"),
                        out_dir=out)  # fmt: skip
    finally:
        mp.undo()
    assert result.ok, "\n".join(i.message + "\n" + i.details for i in result.items)
    return {lang: out / folder.name / lang for lang, folder in DEMOS.items()}


def _text(folder: Path) -> tuple[str, PdfReader]:
    html = (folder / f"{MODULE}.html").read_text(encoding="utf-8")
    return html, PdfReader(folder / f"{MODULE}.pdf")


@pytest.mark.e2e
@pytest.mark.parametrize("lang", ["de", "en"])
def test_offline_html_and_a4_pdf(rendered, lang: str) -> None:
    html, reader = _text(rendered[lang])
    assert not re.search(r"<script[^>]+src=[\"']?https?:", html, re.I)
    assert not re.search(r"<link[^>]+href=[\"']?https?:", html, re.I)
    assert "load_client(" not in html  # code cells hidden
    assert "data:image/svg+xml;base64," in html  # charts embedded as vector images
    assert 5 <= len(reader.pages) <= 12
    for page in reader.pages:
        box = page.mediabox
        size = sorted((float(box.width), float(box.height)))
        assert size == pytest.approx(sorted(A4_POINTS), abs=0.5)
    # no near-empty page after the cover: every page carries some text
    for page in reader.pages[1:]:
        assert len(page.extract_text()) > 300


@pytest.mark.e2e
@pytest.mark.parametrize("lang", ["de", "en"])
def test_key_figures_of_the_analysis_are_in_the_pdf(rendered, lang: str) -> None:
    _, reader = _text(rendered[lang])
    text = " ".join(p.extract_text() for p in reader.pages).replace("\xa0", " ")
    text = re.sub(r"\s+", " ", text)
    result = c_customers.analyse(kamlib.load_client(DEMOS[lang]))
    f = Formatter(lang)

    def norm(s: str) -> str:
        return s.replace("\xa0", " ")

    assert norm(f.int(result.summary["c_customers"])) in text
    assert norm(f.pct(result.whale_peak["peak_share"], 0)) in text
    assert norm(f.money(result.destroyed_profit)) in text
    assert norm(f.money(result.channel_saving)) in text
    assert norm(f.money(result.best_min_order_value)) in text
    top = result.candidates.iloc[0]["name"]
    assert top.split()[0] in text
    assert ("Anhang" if lang == "de" else "Appendix") in text
