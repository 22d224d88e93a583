"""Alt texts of the charts (kamlib.narrative.alt) and the review's alt check (issue 11 point 5).

The portfolio numbers come from tests/fake_portfolio.py ``small_result`` (eight
customers); the expected values are worked out in the comments.
"""

from __future__ import annotations

import base64

import pytest

from kamlib import review
from kamlib.i18n import Formatter
from kamlib.narrative import alt as alt_texts
from kamlib.narrative.alt import plain

try:  # tests/ may or may not be a package
    from tests.fake_portfolio import small_result
except ImportError:  # pragma: no cover - depends on pytest's import mode
    from fake_portfolio import small_result


def test_bubble_alt_counts_the_placed_customers_and_names_the_largest_wallet_gap():
    # all eight customers have a zone and both scores -> 8 placed; wallet gaps:
    # K1 100,000, K2 300,000, K3 10,000, K4 320,000 (develop), K5 5,000, K6 5,000 -> K4
    alt = alt_texts.portfolio("bubble", small_result(), Formatter("en"))
    assert alt.startswith("Bubble chart of 8 placed customers by attractiveness")
    assert "The largest wallet gap, €320k, is at Delta Technik GmbH (Develop)." in alt
    # the section's message follows: 8 placed; the fixture has no "to be rated" list
    assert alt.endswith("Message: 8 customers placed in the portfolio, 0 still to be rated.")


def test_wallet_alt_names_the_top_bar_in_german():
    # largest gap K4: 400,000 potential - 80,000 revenue = 320,000; bars: 6 customers with a gap
    alt = alt_texts.portfolio("wallet", small_result(), Formatter("de"))
    assert alt.startswith("Gestapelte Balken aus Umsatz und Versorgungslücke der 6 Kunden")
    assert "Die größte Lücke hat Delta Technik GmbH mit 320 T€ bei 80 T€ Umsatz." in alt
    assert "Aussage: " in alt


def test_every_portfolio_alt_is_more_than_a_title():
    result = small_result()
    for chart in ("abc_xyz", "lorenz", "bubble", "zones", "wallet", "ka", "sensitivity"):
        alt = alt_texts.portfolio(chart, result, Formatter("de"))
        assert len(alt) > 60 and "Aussage: " in alt, chart
        assert "<" not in alt and "&amp;" not in alt  # plain text: report.figure escapes it


def test_plain_drops_markup_and_decodes_entities():
    assert plain("<strong>Müller &amp; Söhne</strong> wächst. ") == "Müller & Söhne wächst"


def test_unknown_chart_is_an_error():
    with pytest.raises(KeyError):
        alt_texts.portfolio("pie", small_result(), "de")


# --- the review's check -------------------------------------------------------------------


def _img(alt: str | None, texts: tuple[str, ...] = ("Kundenportfolio",)) -> str:
    svg = "<svg>" + "".join(f"<text>{t}</text>" for t in texts) + "</svg>"
    payload = base64.b64encode(svg.encode()).decode()
    alt_attr = "" if alt is None else f' alt="{alt}"'
    return f'<img src="data:image/svg+xml;base64,{payload}"{alt_attr}>'


def test_check_alt_wants_a_description_beyond_the_title():
    logo = '<img class="kam-header-logo" src="data:image/png;base64,AAAA" alt="">'
    good = _img("Blasendiagramm von 78 Kunden. Aussage: 38 schützen.")
    assert review.check_alt(logo + good) == (True, "1 charts, each described")
    assert review.alt_problems(_img(None)) == ["chart 1: no description"]
    assert review.alt_problems(_img("Kundenportfolio")) == [
        "chart 1: only its title 'Kundenportfolio'"
    ]
    nb = _img("No description has been provided for this image")
    assert review.alt_problems(good + nb) == ["chart 2: nbconvert placeholder"]


def test_check_alt_reads_inline_svg_charts():
    labelled = '<svg aria-label="Säulen je Jahr, Umsatz wächst"><text>Umsatz</text></svg>'
    titled = "<svg><title>Kurve der Konzentration</title><text>Pareto</text></svg>"
    bare = "<svg><text>Pareto</text></svg>"
    hidden = '<svg aria-hidden="true"><path/></svg>'  # an icon, not a chart
    assert review.alt_problems(labelled + titled + hidden) == []
    assert review.alt_problems(bare) == ["chart 1: no description"]
