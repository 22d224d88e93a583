"""Charts for print: SVG in the document's font, alt texts, labels clear of lines, names wrapped."""

from __future__ import annotations

import base64
import re

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402

from kamlib import report  # noqa: E402
from kamlib.charts import style  # noqa: E402
from kamlib.modules import TEMPLATE_DIR  # noqa: E402


def _svg(markup: str) -> str:
    payload = re.search(r'src="data:image/svg\+xml;base64,([^"]+)"', markup).group(1)
    return base64.b64decode(payload).decode("utf-8")


def test_figure_is_an_svg_image_with_text_as_text_and_an_alt_text():
    fig, ax = style.new_figure()
    ax.plot([0, 1], [0, 1])
    style.finish(fig, ax, "Umsatz je Jahr", "Jahr", "Umsatz")
    markup = report.figure(fig)
    assert 'alt="Umsatz je Jahr"' in markup  # default: the chart's title
    svg = _svg(markup)
    assert svg.startswith("<svg") and "<!DOCTYPE" not in svg and "<metadata>" not in svg
    assert "<image" not in svg  # nothing rasterised
    assert ">Umsatz je Jahr</text>" in svg  # text stays text (svg.fonttype none)
    assert "font-family: 'Liberation Sans', 'DejaVu Sans', sans-serif" in svg
    assert (
        fig.number not in plt.get_fignums()
    )  # report.figure closed it (other tests may leave theirs)


def test_figure_alt_text_is_given_or_escaped():
    fig, ax = style.new_figure()
    style.finish(fig, ax, 'Kunde "<b>"', "x", "y")
    assert 'alt="Kunde &quot;&lt;b&gt;&quot;"' in report.figure(fig)
    fig, ax = style.new_figure()
    markup = report.figure(fig, alt="Zehn Kunden tragen 55 % des Umsatzes")
    assert 'alt="Zehn Kunden tragen 55 % des Umsatzes"' in markup


def test_same_chart_gives_the_same_svg():
    def make() -> str:
        fig, ax = style.new_figure()
        ax.bar(["A", "B"], [1, 2])
        style.finish(fig, ax, "T", "x", "y")
        return report.figure(fig)

    assert make() == make()


def test_chart_font_is_the_documents_body_font():
    css = (TEMPLATE_DIR / "kam" / "static" / "kam.css").read_text(encoding="utf-8")
    body_font = re.search(r'font-family:\s*"([^"]+)"', css).group(1)
    assert body_font == style.FONTS[0] == "Liberation Sans"


def test_label_crossed_by_a_line_gets_a_box_above_it():
    fig, ax = style.new_figure()
    diagonal = ax.plot([0, 1], [0, 1], ls="--")[0]
    crossed = ax.text(0.4, 0.45, "mitten auf der Linie", fontsize=9)
    clear = ax.text(0.05, 0.9, "frei", fontsize=9)
    ax.set_xlim(0, 1)
    ax.set_ylim(0, 1)
    assert [t for t, _line in style.crossed_labels(fig)] == [crossed]
    assert not style.label_hidden_line(crossed, diagonal)
    style.clear_labels(fig)
    assert style.label_hidden_line(crossed, diagonal)
    assert clear.get_bbox_patch() is None  # untouched: no line runs through it
    plt.close(fig)


def test_wrap_label_breaks_between_words_only():
    assert style.wrap_label("Stein Verpackungstechnik GmbH & Co. KG", 26) == (
        "Stein Verpackungstechnik\nGmbH & Co. KG"
    )
    assert style.wrap_label("Kurz", 26) == "Kurz"
    # a word longer than the width keeps its own line, never hyphenated
    assert style.wrap_label("Verpackungsmaschinenbaugesellschaft mbH", 12) == (
        "Verpackungsmaschinenbaugesellschaft\nmbH"
    )
