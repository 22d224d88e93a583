"""Executed notebook -> offline HTML with the kam template (no kernel needed)."""

from __future__ import annotations

import re

import nbformat
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook, new_output

from kamlib.render.html import mark_wide_tables, to_html
from kamlib.report import META_MIMETYPE

# a 1x1 PNG as matplotlib would emit it (base64 in the notebook JSON)
PNG_B64 = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg=="


def executed_notebook() -> nbformat.NotebookNode:
    params = new_code_cell('client_dir = "x"\nlang = "de"')
    params.metadata["tags"] = ["parameters"]
    code = new_code_cell("secret_code_line = load_client(client_dir)")
    code.outputs = [
        new_output("stream", name="stderr", text="UserWarning: noisy warning\n"),
        new_output(
            "display_data",
            data={
                "text/html": '<div class="kam-header"><h1>Kundenstruktur</h1>Tüftel GmbH</div>',
                META_MIMETYPE: {"client": "Tüftel GmbH"},
            },
        ),
        new_output("display_data", data={"image/png": PNG_B64, "text/plain": "<Figure>"}),
        new_output(
            "execute_result",
            data={"text/plain": "'<div>repr of a string</div>'"},
            execution_count=2,
        ),
    ]
    return new_notebook(cells=[params, new_markdown_cell("## Überblick\n\nText €."), code])


def render(mode: str = "html") -> str:
    kam = {"mode": mode, "lang": "de", "author": "Beratung", "footer": "Beratung · Vertraulich"}
    if mode == "pdf":
        kam |= {"cover": '<section class="kam-cover">COVER</section>', "page_css": "@page {}"}
    return to_html(executed_notebook(), kam, "Kundenstruktur – Tüftel GmbH")


def test_html_hides_code_prompts_and_warnings():
    html = render()
    assert "secret_code_line" not in html
    assert "noisy warning" not in html
    assert "In&nbsp;[" not in html and "Out[" not in html
    assert 'client_dir = "x"' not in html  # parameters cell removed


def test_html_keeps_outputs_markdown_and_embedded_image():
    html = render()
    assert "Tüftel GmbH" in html and "Überblick" in html and "Text €." in html
    assert f"data:image/png;base64,{PNG_B64}" in html
    assert '<html lang="de"' in html
    assert "<title>Kundenstruktur – Tüftel GmbH</title>" in html


def test_html_loads_nothing_from_the_network():
    html = render()
    assert not re.search(r"<script[^>]+src=", html)
    assert not re.search(r"<link[^>]+href=", html)
    assert "cdn" not in html.lower()
    assert "require.js" not in html and "mathjax" not in html.lower()


def test_html_uses_kit_css_instead_of_the_large_lab_css():
    html = render()
    assert ".kam-kpis" in html  # our stylesheet is inlined
    assert "--jp-layout-color0" not in html  # JupyterLab theme variables are not
    # 1 kB of content + our ~9 kB stylesheet; the lab template alone is ~270 kB
    assert len(html.encode()) < 40_000


def test_quoted_html_string_echo_is_not_shown():
    assert "repr of a string" not in render()


def test_pdf_variant_has_cover_print_css_and_page_rules():
    html = render("pdf")
    assert html.index("COVER") < html.index("Überblick")
    assert "size: A4 portrait" in html
    assert "kam-footer" not in html.split("</style>")[-1]  # the screen footer is left out


def test_table_with_nine_columns_is_marked_wide_and_fourteen_extra_wide():
    def table(n: int, cls: str = "") -> str:
        head = "".join(f"<th>c{i}</th>" for i in range(n))
        attr = f' class="{cls}"' if cls else ""
        return f"<table{attr}><thead><tr>{head}</tr></thead><tbody></tbody></table>"

    assert mark_wide_tables(table(8, "kam-table")) == table(8, "kam-table")
    assert 'class="kam-table kam-wide"' in mark_wide_tables(table(9, "kam-table"))
    assert 'class="kam-wide kam-xwide"' in mark_wide_tables(table(14))


def test_kpi_tiles_fill_even_rows():
    from kamlib.report import kpi_columns

    # up to five tiles share one row; six make 3 + 3, eight 4 + 4, seven 4 + 3
    assert [kpi_columns(n) for n in (1, 2, 5, 6, 7, 8, 9)] == [1, 2, 5, 3, 4, 4, 3]
