"""Client strings reach HTML, CSS, PDF and charts as text, never as markup or code."""

from __future__ import annotations

import json
import logging
import re
from pathlib import Path

import pandas as pd
import pytest
from pypdf import PdfReader

from kamlib import report
from kamlib.charts.style import new_figure
from kamlib.content import TableSpec
from kamlib.i18n import Formatter
from kamlib.labels import shorten
from kamlib.markup import css_string
from kamlib.modules import TEMPLATE_DIR
from kamlib.render.cover import cover_html, page_css
from kamlib.render.index import IndexEntry, batch_index_html, index_html, relative_href
from kamlib.render.meta import DeliverableMeta
from kamlib.render.pdf import allowed_url, html_to_pdf
from tests.render.hostile_client import PAYLOADS
from tests.render.html_safety import check_html, visible_text

NAME = "Evil " + " ".join(PAYLOADS)
FIRM = "Firm " + " ".join(reversed(PAYLOADS))


def hostile_meta(lang: str = "en") -> DeliverableMeta:
    return DeliverableMeta(
        client=NAME,
        client_slug="evil",
        module="overview",
        module_title="Overview",
        lang=lang,
        consultant_firm=FIRM,
        as_of="2026-06-30",
        data_period=["2025-07-01", "2026-06-30"],
        created="2026-07-02",
    )


def css_unescape(css: str) -> str:
    """Decode a CSS string literal built of letters, digits and ``\\hex `` escapes."""
    assert css[0] == css[-1] == '"'
    return re.sub(r"\\([0-9a-f]{1,6}) ", lambda m: chr(int(m.group(1), 16)), css[1:-1])


@pytest.mark.parametrize("text", [*PAYLOADS, NAME, "Tüftel & Söhne\nGmbH", "", "\\", "a\\22 b"])
def test_css_strings_contain_only_letters_digits_and_hex_escapes(text: str):
    css = str(css_string(text))
    assert re.fullmatch(r'"(?:[A-Za-z0-9]|\\[0-9a-f]{1,6} )*"', css)
    assert css_unescape(css) == text  # nothing lost, nothing added


@pytest.mark.parametrize("payload", PAYLOADS)
def test_cover_is_text_only_and_shows_every_payload_verbatim(payload: str):
    meta = hostile_meta()
    meta.client, meta.consultant_firm = payload, "Firm " + payload
    markup = cover_html(meta)
    assert check_html(markup) == []
    assert payload in visible_text(markup) and f"Firm {payload}" in visible_text(markup)


def test_cover_shortens_a_very_long_name_for_the_layout():
    markup = cover_html(hostile_meta())
    assert check_html(markup) == [] and shorten(NAME) in visible_text(markup)
    assert NAME not in visible_text(markup)


def test_page_css_cannot_be_closed_by_a_client_string():
    css = str(page_css(hostile_meta()))
    assert "<" not in css and "url(" not in css and "@import" not in css
    # two @page rules with four margin boxes each (2 + 8 blocks), as in the template
    assert css.count("{") == css.count("}") == 10


@pytest.mark.parametrize(
    ("client", "firm"), [(PAYLOADS[0] + PAYLOADS[2], PAYLOADS[9]), (PAYLOADS[1], PAYLOADS[10])]
)
def test_running_header_and_footer_print_the_payloads_as_text(
    tmp_path: Path, caplog, client: str, firm: str
):
    meta = hostile_meta()
    meta.client, meta.consultant_firm = client, firm
    html = (
        f"<html><head><style>@page {{ size: A4; margin: 20mm }}{page_css(meta)}</style></head>"
        "<body><p>Body</p></body></html>"
    )
    with caplog.at_level(logging.WARNING, logger="kamlib.render"):
        html_to_pdf(html, tmp_path / "p.pdf")
    reader = PdfReader(tmp_path / "p.pdf")
    text = " ".join(reader.pages[0].extract_text().split())
    assert f"Overview · {client}" in text  # the header shows the name as typed
    assert " ".join(firm.split()) in text  # the footer shows the firm as typed
    assert reader.attachments == {}
    assert caplog.records == []  # nothing was even requested


def test_footer_author_and_cover_are_escaped_in_the_html_template(tiny_client: Path):
    """The nbconvert template escapes plain strings and keeps the kit's Markup."""
    import nbformat

    from kamlib.render.html import to_html

    nb = nbformat.v4.new_notebook()
    nb.cells.append(nbformat.v4.new_markdown_cell("Hello"))
    for mode in ("html", "pdf"):
        kam = {"mode": mode, "lang": "en", "author": FIRM, "footer": FIRM}
        if mode == "pdf":
            kam |= {"cover": cover_html(hostile_meta()), "page_css": page_css(hostile_meta())}
        page = to_html(nb, kam, NAME)
        assert check_html(page) == [], mode
        # the footer (html) shows the firm in full, the cover (pdf) shortened for its layout
        assert (FIRM if mode == "html" else shorten(FIRM)) in visible_text(page)
        if mode == "pdf":  # the kit's own markup (Markup objects) passes unescaped
            assert '<section class="kam-cover">' in page and "@top-left { content: " in page


def test_pdf_fetcher_serves_only_data_uris_and_the_kit_templates():
    css = (TEMPLATE_DIR / "kam" / "static" / "kam.css").resolve()
    assert allowed_url("data:image/png;base64,iVBORw0KGgo=")
    assert allowed_url(css.as_uri())
    for url in (
        "file:///etc/hostname",
        (TEMPLATE_DIR / "kam" / ".." / ".." / "README.md").as_uri(),
        "file://otherhost" + str(css),
        "https://example.com/logo.png",
        "http://localhost/x",
        "ftp://example.com/x",
    ):
        assert not allowed_url(url), url


def test_pdf_refuses_and_reports_files_outside_the_kit(tmp_path: Path, caplog):
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP SECRET", encoding="utf-8")
    html = (
        f'<html><head><link rel="attachment" href="{secret.as_uri()}">'
        f'<link rel="stylesheet" href="{secret.as_uri()}"></head><body>'
        f'<img src="{secret.as_uri()}"><a rel="attachment" href="secret.txt">x</a>'
        f"<p>Body</p></body></html>"
    )
    with caplog.at_level(logging.WARNING, logger="kamlib.render"):
        html_to_pdf(html, tmp_path / "p.pdf", base_url=str(tmp_path) + "/")
    reader = PdfReader(tmp_path / "p.pdf")
    assert reader.attachments == {}
    assert "TOP SECRET" not in reader.pages[0].extract_text()
    refused = " ".join(r.getMessage() for r in caplog.records)
    assert secret.as_uri() in refused and "refused" in refused


def test_index_pages_escape_names_and_encode_links(tmp_path: Path):
    folder = tmp_path / 'javascript:alert(1)"><b>'
    (folder / "en").mkdir(parents=True)
    meta = hostile_meta()
    entry = IndexEntry(meta, folder / "en" / "overview.html", folder / "en" / "overview.pdf")
    pages = [index_html([entry], NAME, "en", FIRM), batch_index_html([(folder, [entry])], "en")]
    for page in pages:
        problems = [p for p in check_html(page) if not re.search(r"href='[\w%.-]+/[\w.]+'", p)]
        assert problems == []
        assert NAME in visible_text(page)
    assert 'href="javascript%3Aalert%281%29%22%3E%3Cb%3E/index.html"' in pages[1]
    assert relative_href("..", "x.html") == "%2E%2E/x.html"


def test_report_table_escapes_every_cell_except_html_columns():
    df = pd.DataFrame({"name": [PAYLOADS[0]], "n": [3], "custom": ["<b>x</b>"], "m": ["<i>ok</i>"]})
    spec = TableSpec(
        df,
        {
            "name": ("<Name>", "text"),
            "n": ("N", "int"),
            "custom": ("C", lambda v: v.upper()),
            "m": ("M", "html"),
        },
        caption="<caption>",
    )
    markup = report.table(spec, Formatter("en"))
    assert "<script>" not in markup and "&lt;script&gt;" in markup
    assert "&lt;B&gt;X&lt;/B&gt;" in markup  # a callable's text is escaped too
    assert "<i>ok</i>" in markup  # trusted narrative markup
    assert "&lt;Name&gt;" in markup and "&lt;caption&gt;" in markup


def test_report_section_and_paragraph_never_read_client_text_as_markdown(monkeypatch):
    shown = []
    monkeypatch.setattr(report, "display", lambda obj, **_: shown.append(obj))
    report.section("1. [x](javascript:alert(1)) <b>*bold*</b> & more")
    md = shown[-1].data
    assert md.startswith("## ") and "](" not in md and "<b>" not in md.replace("\\<b\\>", "")
    report.paragraph("[x](javascript:alert(1))")
    assert shown[-1].data == "<p>[x](javascript:alert(1))</p>"  # HTML, not Markdown


def test_report_header_escapes_client_and_firm(tiny_client: Path, monkeypatch):
    import kamlib

    (tiny_client / "client.yaml").write_text(
        f"name: {json.dumps(NAME)}\nlanguage: en\n"
        f"consultant: {{firm: {json.dumps(FIRM)}, logo: firm-logo.png}}\n",
        encoding="utf-8",
    )
    monkeypatch.setattr(report, "display", lambda *a, **k: None)
    markup = report.header(kamlib.load_client(tiny_client), "overview", "en")
    assert check_html(markup) == []
    assert shorten(NAME) in visible_text(markup) and shorten(FIRM) in visible_text(markup)


@pytest.mark.parametrize("label", [r"$\frac{1}{0}$", r"$\notacommand$", "$5 and $6", "a_b^c"])
def test_chart_text_is_never_read_as_tex(label: str):
    fig, ax = new_figure()
    ax.barh([label, "other"], [1, 2])
    ax.set_title(label)
    ax.legend([label])
    fig.canvas.draw()  # invalid TeX would raise here
    texts = [t for t in fig.findobj(lambda a: hasattr(a, "get_parse_math")) if t.get_text()]
    assert label in {t.get_text() for t in ax.get_yticklabels()}
    assert all(not t.get_parse_math() for t in texts)
