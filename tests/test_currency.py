"""One Formatter carries language and currency into narrative and charts: a CHF client
sees CHF in sentences, KPI tiles, chart axes and tables, never €."""

from __future__ import annotations

import dataclasses

import matplotlib
import pytest

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402

from kamlib.charts import overview as overview_charts  # noqa: E402
from kamlib.charts import portfolio as portfolio_charts  # noqa: E402
from kamlib.i18n import Formatter, fmt_money, fmt_money_short, t  # noqa: E402
from kamlib.narrative import overview as overview_text  # noqa: E402
from kamlib.narrative import portfolio as portfolio_text  # noqa: E402
from tests.fake_portfolio import small_result  # noqa: E402
from tests.test_overview_charts import result as overview_result  # noqa: E402, F401

NBSP = "\xa0"


def test_short_money_in_swiss_francs():
    # 1,250,000 / 1e6 = 1.25 -> one decimal, half-even -> 1.2; 350,000 / 1e3 = 350
    assert fmt_money_short(1_250_000, "de", "CHF") == "1,2 Mio. CHF"
    assert fmt_money_short(350_000, "de", "CHF") == "350 Tsd. CHF"
    assert fmt_money_short(1_250_000, "en", "CHF") == f"CHF{NBSP}1.2m"
    assert fmt_money_short(350_000, "en", "CHF") == f"CHF{NBSP}350k"
    assert fmt_money_short(500, "de", "CHF") == f"500{NBSP}CHF"


def test_full_money_in_swiss_francs_keeps_a_space_after_the_letter_symbol():
    assert fmt_money(3600, "en", "CHF") == f"CHF{NBSP}3,600"
    assert fmt_money(-3600, "en", "CHF") == f"-CHF{NBSP}3,600"
    assert fmt_money(3600, "de", "CHF") == f"3.600{NBSP}CHF"
    assert fmt_money(3600, "en", "USD") == "$3,600"


def test_short_money_in_dollars_and_negative_amounts():
    assert fmt_money_short(1_250_000, "en", "USD") == "$1.2m"
    # the sign goes before the symbol, as in fmt_money ("-€1,234")
    assert fmt_money_short(-350_000, "en") == "-€350k"
    assert fmt_money_short(-350_000, "de") == "-350 T€"


def test_formatter_is_the_language_code_and_keeps_its_currency():
    f = Formatter("de", "CHF")
    assert f == "de" and f.lang == "de" and type(f.lang) is str
    assert t("common.revenue", f) == "Umsatz"
    # a function that wraps the language again keeps the client's currency
    assert Formatter(f).money(1234) == f"1.234{NBSP}CHF"
    assert Formatter("de").money(1234) == f"1.234{NBSP}€"


def test_portfolio_narrative_and_tables_follow_the_formatter_currency():
    result = small_result()
    f = Formatter("de", "CHF")
    texts = [*portfolio_text.executive_summary(result, f), portfolio_text.wallet_text(result, f)]
    tiles = portfolio_text.kpi_tiles(result, f)
    joined = " ".join(texts) + " " + repr(tiles)
    assert "€" not in joined
    assert "CHF" in joined


def test_portfolio_chart_axes_and_legend_follow_the_formatter_currency():
    result = small_result()
    fig = portfolio_charts.wallet_gap_chart(result, Formatter("en", "CHF"))
    try:
        fmt = fig.axes[0].xaxis.get_major_formatter()
        assert fmt(1_500_000, 0) == f"CHF{NBSP}1.5m"
    finally:
        plt.close(fig)
    fig = portfolio_charts.bubble_chart(result, Formatter("de", "CHF"))
    try:
        legend = [x.get_text() for ax in fig.axes for lg in [ax.get_legend()] if lg
                  for x in lg.get_texts()]  # fmt: skip
        assert any("CHF" in s for s in legend)
        assert not any("€" in s for s in legend)
    finally:
        plt.close(fig)


def test_overview_sentences_and_axes_in_the_client_currency(overview_result):  # noqa: F811
    result = dataclasses.replace(overview_result, currency="CHF")
    f = Formatter("de", "CHF")
    summary = " ".join(overview_text.executive_summary(result, f))
    assert "CHF" in summary and "€" not in summary
    fig = overview_charts.yearly_chart(result, f)
    try:
        fig.canvas.draw()
        labels = [x.get_text() for x in fig.axes[0].get_yticklabels() if x.get_text()]
        assert labels and not any("€" in s for s in labels)
        assert any("CHF" in s for s in labels)
    finally:
        plt.close(fig)


@pytest.mark.parametrize("lang", ["de", "en"])
def test_kpi_tiles_of_the_overview_in_the_client_currency(overview_result, lang):  # noqa: F811
    result = dataclasses.replace(overview_result, currency="CHF")
    tiles = repr(overview_text.kpi_tiles(result, Formatter(lang, "CHF")))
    assert "CHF" in tiles and "€" not in tiles
