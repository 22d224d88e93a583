"""Print quality of the deliverables (issue 11 item 4), checked by kamlib.review.

The e2e tests run every check on every demo deliverable (each module, the
account-plan cover and one key account's plan per client), rendered once per session (``demo_deliverables`` in conftest.py). The unit
tests pin each check on a small hand-made case, so a check that always
passes would be caught.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PIL import Image, ImageDraw

from kamlib import review

#: every deliverable of both demo clients: each module, the account-plan cover and one
#: key account's plan each (with a plan file in maschinenbau, without one in components)
DELIVERABLES = [
    (client, lang, module)
    for client, lang, account in (
        ("demo-maschinenbau", "de", "010007"),
        ("demo-components", "en", "C01379"),
    )
    for module in (
        "overview", "portfolio", "c_customers", "retention", "touchpoints", "winback",
        "account_plan", f"account_plan/{account}",
    )
]  # fmt: skip


@pytest.mark.e2e
@pytest.mark.xdist_group("demo_render")
@pytest.mark.parametrize(("client", "lang", "module"), DELIVERABLES)
def test_demo_deliverable_passes_every_print_check(
    demo_deliverables: Path, tmp_path: Path, client: str, lang: str, module: str
):
    pdf = demo_deliverables / client / lang / f"{module}.pdf"
    findings = review.check_deliverable(pdf, tmp_path, f"{client}/{lang}/{module}")
    assert {f.check for f in findings} == set(review.CHECKS)
    failed = [f"{f.check}: {f.detail}" for f in findings if not f.ok]
    assert not failed, "\n".join(failed)
    # page ends are measured on the layout rebuilt from the executed notebook beside the PDF
    assert pdf.with_suffix(".ipynb").exists()
    assert "not measured" not in next(f.detail for f in findings if f.check == "page-ends")


@pytest.mark.e2e
@pytest.mark.xdist_group("demo_render")
def test_demo_charts_have_real_alt_texts_and_the_body_font(demo_deliverables: Path):
    html = (demo_deliverables / "demo-maschinenbau" / "de" / "portfolio.html").read_text("utf-8")
    assert "No description has been provided" not in html
    svgs = review.chart_svgs(html)
    assert len(svgs) >= 5
    for svg in svgs:
        assert "<image" not in svg  # no raster part
        assert "font-family: 'Liberation Sans'" in svg  # text as text, in the body's font
    # the ABC-XYZ matrix is described (what it shows, then its message), not titled
    assert 'alt="Matrix aus drei ABC-Klassen' in html
    assert 'alt="ABC-XYZ-Matrix' not in html


ALL_MODULES = ("overview", "portfolio", "c_customers", "retention", "touchpoints", "winback")


@pytest.mark.e2e
@pytest.mark.xdist_group("demo_render")
@pytest.mark.parametrize(
    ("client", "lang"), [("demo-maschinenbau", "de"), ("demo-components", "en")]
)
@pytest.mark.parametrize("module", ALL_MODULES)
def test_every_chart_of_every_deliverable_has_a_real_alt_text(
    demo_deliverables: Path, client: str, lang: str, module: str
):
    html = (demo_deliverables / client / lang / f"{module}.html").read_text("utf-8")
    charts = review.chart_descriptions(html)
    assert charts, "no chart found"
    assert review.alt_problems(html) == []
    message = {"de": " Aussage: ", "en": " Message: "}[lang]
    assert all(message in alt for alt, _texts in charts)  # what it shows, then its message


@pytest.mark.e2e
@pytest.mark.xdist_group("demo_render")
def test_review_writes_one_contact_sheet_per_deliverable(demo_deliverables: Path, tmp_path: Path):
    pdf = demo_deliverables / "demo-components" / "en" / "overview.pdf"
    pages = len(review.pdf_text(pdf))
    sheet = review.contact_sheet(pdf, tmp_path / "sheet.png", tmp_path)
    with Image.open(sheet) as im:
        # pages side by side at SHEET_DPI: one A4 page is 8.27 in wide -> 331 px at 40 dpi
        columns = min(review.SHEET_COLUMNS, pages)
        assert im.width >= columns * 331


# --- the checks on hand-made cases --------------------------------------------------------


def test_find_ellipses_flags_text_cut_after_a_word_or_number():
    assert review.find_ellipses("Pharmatechnik Rhön Gm… und mehr") == ["Pharmatechnik Rhön Gm…"]
    assert review.find_ellipses("Stein Verpackungstechnik …")  # cut after a space, too
    assert review.find_ellipses("Werte 1...5")
    assert review.find_ellipses("Skala 1–5, von −2 bis +2") == []
    assert review.find_ellipses("Fehler: … und 3 weitere Zeilen") == []  # a leading mark


def test_layout_hyphens_finds_words_the_layout_broke():
    pages = ["Verpa\u2010\nckungstechnik\nIndustrie-\nund Handel"]
    source = "Verpackungstechnik Industrie- und Handel"
    # U+2010 is WeasyPrint's hyphenation mark; "Industrie-" is in the source text
    assert review.layout_hyphens(pages, source) == ["p.1: 'Verpa\u2010'"]


def _a4_page(ink_rows: int) -> Image.Image:
    # A4 at 24 dpi: 8.27 x 11.69 in -> 198 x 281 px; body from row 22 (22 mm top margin:
    # round(20.8) + 1) to row 261 (281 - round(18.9) - 1) -> 239 px of body
    im = Image.new("L", (198, 281), 255)
    draw = ImageDraw.Draw(im)
    draw.rectangle((30, 3, 160, 8), fill=0)  # running header in the margin: not counted
    if ink_rows:
        draw.rectangle((30, 22, 160, 22 + ink_rows - 1), fill=0)
    return im


def test_page_fill_measures_the_body_below_the_running_header(tmp_path: Path):
    half = tmp_path / "half.png"
    _a4_page(120).save(half)
    assert review.page_fill(half) == pytest.approx(120 / 239)
    empty = tmp_path / "empty.png"
    _a4_page(0).save(empty)
    assert review.page_fill(empty) == 0.0
    thin = tmp_path / "thin.png"
    _a4_page(40).save(thin)  # 40 / 239 = 16.7 % < 20 %
    ok, detail = review.check_page_fill([half, half, thin])  # page 1 (cover) is not measured
    assert not ok and detail == "page 3: 17%"


def test_check_vector_accepts_svg_charts_and_logos_but_not_raster_charts():
    svg = "PHN2Zz48L3N2Zz4="  # base64 of "<svg></svg>"
    logo = '<img class="kam-header-logo" src="data:image/png;base64,AAAA" alt="">'
    good = f'{logo}<figure class="kam-figure"><img src="data:image/svg+xml;base64,{svg}" alt="x">'
    assert review.check_vector(good)[0]
    png_chart = good + '<img src="data:image/png;base64,AAAA" alt="chart">'
    assert review.check_vector(png_chart) == (False, "1 raster image(s) in the page body")
    raster_inside = "PHN2Zz48aW1hZ2UvPjwvc3ZnPg=="  # "<svg><image/></svg>"
    inside = f'<img src="data:image/svg+xml;base64,{raster_inside}" alt="x">'
    assert review.check_vector(inside) == (False, "1 chart(s) with a raster image inside")


def test_check_ppi_measures_raster_images_at_their_printed_size(tmp_path: Path):
    import base64
    import io

    import weasyprint

    buffer = io.BytesIO()
    Image.new("RGB", (100, 50), "#1F4E79").save(buffer, format="PNG")
    uri = "data:image/png;base64," + base64.b64encode(buffer.getvalue()).decode()
    # 100 px printed 1 in wide -> 100 ppi (too coarse); 0.4 in wide -> 250 ppi
    for name, width in (("coarse", "1in"), ("fine", "0.4in")):
        html = f'<img src="{uri}" style="width:{width}">'
        weasyprint.HTML(string=html).write_pdf(tmp_path / f"{name}.pdf")
    ok, detail = review.check_ppi(tmp_path / "coarse.pdf")
    assert not ok and "100×50 px at 100 ppi" in detail
    assert review.check_ppi(tmp_path / "fine.pdf")[0]


def test_chart_svgs_leave_logos_out():
    svg = "PHN2Zz48L3N2Zz4="  # "<svg></svg>"
    logo = f'<img class="kam-header-logo" src="data:image/svg+xml;base64,{svg}" alt="">'
    chart = f'<img src="data:image/svg+xml;base64,{svg}" alt="Chart">'
    assert review.chart_svgs(logo + chart) == ["<svg></svg>"]
