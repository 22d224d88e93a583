"""Charts of the customer base overview: title, labelled axes, language-aware ticks.

A synthetic client large enough for thousands separators on the axes: 40
customers buying every month from Jan 2024 to Jun 2026.
"""

from __future__ import annotations

import re

import matplotlib
import numpy as np
import pandas as pd
import pytest

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402

from kamlib.analysis import overview as ov  # noqa: E402
from kamlib.charts import overview as charts  # noqa: E402
from tests.analysis.test_overview import make_client  # noqa: E402

CHARTS = {
    "yearly": charts.yearly_chart,
    "monthly": charts.monthly_chart,
    "industry": lambda r, lang: charts.dimension_chart(r, "industry", lang),
    "region": lambda r, lang: charts.dimension_chart(r, "region", lang),
    "pareto": charts.pareto_chart,
    "flow": charts.customer_flow_chart,
}


@pytest.fixture(scope="module")
def result() -> ov.OverviewResult:
    rng = np.random.default_rng(7)
    months = pd.date_range("2024-01-01", "2026-06-01", freq="MS")
    ids = [f"K{i:03d}" for i in range(40)]
    size = np.linspace(60_000, 1_000, len(ids))  # monthly revenue per customer
    sales = [
        (str(m.date() + pd.Timedelta(days=9)), cid, float(s * rng.uniform(0.6, 1.4)), s * 0.3)
        for m in months
        for cid, s in zip(ids, size, strict=True)
        if rng.random() < 0.8
    ]
    customers = pd.DataFrame(
        {
            "customer_id": ids,
            "name": [f"Kunde {i}" for i in range(40)],
            "industry": [
                ["Maschinenbau", "Chemie", "Lebensmittel", "Bau"][i % 4] for i in range(40)
            ],
            "region": [["Nord", "Süd"][i % 2] for i in range(40)],
            "is_key_account": [i < 5 for i in range(40)],
        }
    )
    return ov.analyse(make_client(sales=sales, customers=customers))


def _labels(axis) -> list[str]:
    return [t.get_text() for t in axis.get_ticklabels() if t.get_text()]


@pytest.mark.parametrize("name", CHARTS)
@pytest.mark.parametrize("lang", ["de", "en"])
def test_chart_has_title_and_labelled_axes(result, name, lang):
    fig = CHARTS[name](result, lang)
    fig.canvas.draw()
    ax = fig.axes[0]
    assert ax.get_title(loc="left")
    assert ax.get_xlabel() and ax.get_ylabel()
    assert fig.get_size_inches()[0] == pytest.approx(6.7)  # A4 portrait text width
    plt.close(fig)


def test_german_money_ticks_use_decimal_comma(result):
    fig = charts.yearly_chart(result, "de")
    fig.canvas.draw()
    labels = _labels(fig.axes[0].yaxis)
    assert labels and all(re.fullmatch(r"\d+(,\d)? Mio\. €|\d{1,3} T€|0\xa0€", s) for s in labels)
    assert any("," in s for s in labels)
    plt.close(fig)


def test_english_money_ticks(result):
    fig = charts.yearly_chart(result, "en")
    fig.canvas.draw()
    labels = _labels(fig.axes[0].yaxis)
    assert labels and all(re.fullmatch(r"€\d+(\.\d)?m|€\d{1,3}k|€0", s) for s in labels)
    plt.close(fig)


def test_german_percent_ticks_on_pareto_chart(result):
    fig = charts.pareto_chart(result, "de")
    fig.canvas.draw()
    assert "100\xa0%" in _labels(fig.axes[0].yaxis)
    assert "20\xa0%" in _labels(fig.axes[0].xaxis)
    plt.close(fig)


def test_pareto_chart_marks_top_ten_and_twenty_percent(result):
    fig = charts.pareto_chart(result, "de")
    texts = [t.get_text() for t in fig.axes[0].texts]
    c = result.concentration
    assert any(t.startswith("Top 10\xa0%") for t in texts)
    assert any(t.startswith("Top 20\xa0%") for t in texts)
    assert c.top10_share < c.top20_share
    plt.close(fig)


def test_german_thousands_separator_on_count_axis():
    # customer counts in small fixtures stay below 1,000: check the axis formatter itself
    r = ov.analyse(make_client())
    fig = charts.customer_flow_chart(r, "de")
    formatter = fig.axes[0].yaxis.get_major_formatter()
    assert formatter(1234, 0) == "1.234"
    plt.close(fig)


def test_dimension_chart_lists_largest_category_on_top(result):
    fig = charts.dimension_chart(result, "industry", "de")
    labels = _labels(fig.axes[0].yaxis)
    assert labels[0] == ov.OTHER or labels[0] == result.by_industry["key"].iloc[0]
    plt.close(fig)


def test_empty_client_still_draws_titled_charts():
    r = ov.analyse(make_client(sales=[]))
    for draw in CHARTS.values():
        fig = draw(r, "en")
        assert fig.axes[0].get_title(loc="left")
        plt.close(fig)


def test_long_category_names_wrap_whole_on_the_axis():
    # 51 characters: two lines of at most 28, every word kept, no hyphen break, no ellipsis
    name = "Pharmatechnik Rhön GmbH und Verpackungs-Technik Süd"
    label = charts.axis_label(name)
    assert label.split("\n") == ["Pharmatechnik Rhön GmbH und", "Verpackungs-Technik Süd"]
    assert "…" not in label


def test_absurdly_long_category_name_is_cut_after_three_lines_with_a_spaced_ellipsis():
    label = charts.axis_label("Wort " * 200)
    lines = label.split("\n")
    assert len(lines) == 3 and lines[-1].endswith(" …")
