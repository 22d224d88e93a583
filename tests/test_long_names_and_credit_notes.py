"""Robust output: credit-note-only clients and very long names (issue 9, crash list).

A client whose revenue is all credit notes drew bar labels far below a 0..1
axis, which made the tight bounding box of the figure thousands of axes tall
(the overview hung); a 1 MB customer name or industry made matplotlib lay out
hundreds of thousands of glyphs. Both now give normal-sized charts quickly.
"""

from __future__ import annotations

import io

import matplotlib
import pandas as pd
import pytest

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
from PIL import Image  # noqa: E402

from kamlib import report  # noqa: E402
from kamlib.analysis import overview as ov  # noqa: E402
from kamlib.charts import overview as charts  # noqa: E402
from kamlib.i18n import Formatter  # noqa: E402
from kamlib.labels import shorten  # noqa: E402
from kamlib.narrative import overview as text  # noqa: E402
from tests.analysis.test_overview import make_client  # noqa: E402

HUGE = "Mega " + "Kunde " * 175_000  # about 1 MB
CHARTS = {
    "yearly": charts.yearly_chart,
    "monthly": charts.monthly_chart,
    "industry": lambda r, lang: charts.dimension_chart(r, "industry", lang),
    "region": lambda r, lang: charts.dimension_chart(r, "region", lang),
    "pareto": charts.pareto_chart,
    "flow": charts.customer_flow_chart,
}


def _client(sales: list[tuple], name: str = "Alpha AG", industry: str = "Bau"):
    customers = pd.DataFrame(
        {
            "customer_id": ["C1", "C2", "C3"],
            "name": [name, "Beta GmbH", "Gamma KG"],
            "industry": [industry, "Handel", "Handel"],
            "region": ["Nord", "Süd", name],
        }
    )
    return make_client(sales=sales, customers=customers, as_of="2025-06-30")


CREDITS_ONLY = [
    ("2024-03-01", "C1", -1200.0, -300.0),
    ("2024-11-20", "C2", -800.0, -200.0),
    ("2025-02-10", "C3", -50.0, -10.0),
    ("2025-06-01", "C1", -5000.0, -1500.0),
]
NORMAL = [(d, c, -r, -m) for d, c, r, m in CREDITS_ONLY]


def _png_size(fig) -> tuple[int, int]:
    buf = io.BytesIO()
    fig.savefig(buf, format="png")  # savefig.bbox = tight, as in the notebook
    plt.close(fig)
    return Image.open(buf).size


@pytest.mark.parametrize(
    ("values", "limits"),
    [
        ([100.0, 50.0], (0.0, 130.0)),  # 100 + 30 % of the span 100
        ([-100.0, -20.0], (-130.0, 0.0)),  # credit notes only: room below zero
        ([100.0, -50.0], (-95.0, 145.0)),  # span 150, 45 either side
        ([0.0, 0.0], (0.0, 1.0)),
        ([], (0.0, 1.0)),
    ],
)
def test_value_limits_hold_every_bar_and_headroom(values, limits):
    assert charts.value_limits(pd.Series(values, dtype=float)) == pytest.approx(limits)


@pytest.mark.parametrize("name", CHARTS)
def test_credit_note_only_client_gives_normal_sized_charts(name):
    result = ov.analyse(_client(CREDITS_ONLY))
    assert (result.yearly["revenue"] < 0).all()
    width, height = _png_size(CHARTS[name](result, "de"))
    # 6.7 in at 150 dpi is about 1000 px; a runaway bounding box is many times that
    assert width < 1400 and height < 1400


@pytest.mark.parametrize("name", CHARTS)
def test_one_megabyte_names_are_shortened_in_charts(name):
    result = ov.analyse(_client(NORMAL, name=HUGE, industry=HUGE))
    fig = CHARTS[name](result, "en")
    longest = max(len(line) for t in fig.findobj(lambda a: hasattr(a, "get_parse_math"))
                  for line in t.get_text().split("\n"))  # fmt: skip
    assert longest <= 90
    width, height = _png_size(fig)
    assert width < 1400 and height < 1400


def test_one_megabyte_names_are_shortened_in_text_and_tables(monkeypatch):
    monkeypatch.setattr(report, "display", lambda *a, **k: None)
    result = ov.analyse(_client(NORMAL, name=HUGE, industry=HUGE))
    sentences = " ".join(text.executive_summary(result, "en"))
    assert len(sentences) < 3000 and "Mega Kunde" in sentences
    assert len(text.dimension_text(result, "industry", "en")) < 3000
    markup = report.table(text.top_table(result, "en"), Formatter("en"))
    assert len(markup) < 5000 and "Mega Kunde Kunde" in markup


def test_shorten_cuts_at_a_word_boundary_near_the_limit():
    assert shorten("Alpha Beta", 20) == "Alpha Beta"  # within the limit: unchanged
    assert shorten("Alpha Beta Gamma Delta", 16) == "Alpha Beta …"  # space at 10 >= 16*2//3
    assert shorten("Alphabetagammadelta", 8) == "Alphab…"  # no space: hard cut, 7 chars
    assert shorten(None) == ""
    assert len(shorten(HUGE)) <= 120


def test_portfolio_names_in_running_text_are_shortened():
    from kamlib.narrative.portfolio import join_names

    joined = join_names([HUGE, "Beta & Co"], "en")
    assert len(joined) < 200 and joined.endswith("Beta &amp; Co")
