"""PDF route (WeasyPrint), cover page and running header/footer rules."""

from __future__ import annotations

from pathlib import Path

import pytest
from pypdf import PdfReader

from kamlib.render.cover import cover_html, page_css, page_numbers
from kamlib.render.meta import DeliverableMeta
from kamlib.render.pdf import html_to_pdf, kit_fetcher

A4_POINTS = (595.28, 841.89)  # 210 x 297 mm at 72 pt per inch


def meta(lang: str = "de") -> DeliverableMeta:
    return DeliverableMeta(
        client="Tüftel & Söhne GmbH",
        client_slug="tiny",
        module="overview",
        module_title="Kundenstruktur",
        lang=lang,
        consultant_firm="Beispiel Beratung GmbH",
        as_of="2026-06-30",
        data_period=["2024-07-01", "2026-06-30"],
        created="2026-07-02",
    )


def test_page_numbers_follow_the_language():
    assert page_numbers("de") == [
        ("text", "Seite "), ("counter", "page"), ("text", " von "), ("counter", "pages")
    ]  # fmt: skip
    assert page_numbers("en")[::2] == [("text", "Page "), ("text", " of ")]
    # in the CSS the texts are hex-escaped strings around the two counters
    assert 'content: "Seite\\20 " counter(page) "\\20 von\\20 " counter(pages);' in page_css(
        meta("de")
    )


def test_cover_shows_client_module_dates_period_and_firm():
    html = cover_html(meta())
    assert "Tüftel &amp; Söhne GmbH" in html
    assert "Kundenstruktur" in html and "Beispiel Beratung GmbH" in html
    assert "30.06.2026" in html  # as-of, German date format
    assert "01.07.2024 – 30.06.2026" in html  # data period
    assert "02.07.2026" in html  # created


def test_running_header_quotes_are_escaped_for_css():
    m = meta("en")
    m.client = 'The "Best" Ltd'
    css = page_css(DeliverableMeta.from_dict({**m.to_dict(), "module_title": "Overview"}))
    assert 'content: "Overview\\20 \\b7 \\20 The\\20 \\22 Best\\22 \\20 Ltd";' in css


def test_pdf_is_a4_with_numbered_pages_and_text(tmp_path: Path):
    rows = "".join(f"<tr><td>Kunde {i}</td><td class='num'>{i},00 €</td></tr>" for i in range(120))
    html = (
        "<html><head><style>@page { size: A4; margin: 18mm; "
        '@bottom-right { content: "Seite " counter(page) " von " counter(pages) } }</style>'
        f"</head><body><h1>Umsätze</h1><table><thead><tr><th>Kunde</th><th>Umsatz</th></tr>"
        f"</thead><tbody>{rows}</tbody></table></body></html>"
    )
    pages = html_to_pdf(html, tmp_path / "t.pdf")
    reader = PdfReader(tmp_path / "t.pdf")
    assert pages == len(reader.pages) >= 2  # 120 rows do not fit one page
    box = reader.pages[0].mediabox
    assert (float(box.width), float(box.height)) == pytest.approx(A4_POINTS, abs=0.5)
    last = reader.pages[-1].extract_text()
    assert f"Seite {pages} von {pages}" in last
    assert "Kunde" in last  # table header repeated on the last page


def test_pdf_never_fetches_from_the_network():
    with pytest.raises(ValueError, match="refused"):
        kit_fetcher().fetch("https://example.com/logo.png")
