"""C-customer narrative and charts: sentences agree with the numbers, charts build with full labels.

Most checks run on the 5-customer client of ``tests/analysis/test_c_customers.py``
(numbers worked out by hand there): 5 customers, C = K2..K5 (4 = 80 %), year
2025, whale curve over K1, K3, K4, K5 (K2's margin unknown) with profits 2240,
830, 540, -320: total 3290, peak 3610 (110 %) after 3 of 4 customers (75 %),
one destroyer (K3, 320).
"""

from __future__ import annotations

import matplotlib
import numpy as np
import pytest

matplotlib.use("Agg")

import kamlib  # noqa: E402
from kamlib.analysis import c_customers as cc  # noqa: E402
from kamlib.charts import c_customers as charts  # noqa: E402
from kamlib.narrative import c_customers as text  # noqa: E402
from tests.analysis.test_c_customers import _client  # noqa: E402


@pytest.fixture(scope="module")
def small() -> cc.CCustomersResult:
    return cc.analyse(_client())


@pytest.fixture(scope="module")
def demo() -> cc.CCustomersResult:
    return cc.analyse(kamlib.load_client("client_data/demo-maschinenbau"))


def test_summary_states_count_and_shares(small) -> None:
    # window revenue 10000: C = 200 + 100 + 60 + 40 = 400 -> 4.0 %; 4 of 5 customers = 80 %
    who = text.executive_summary(small, "en")[0]
    assert "<strong>4 C customers</strong> are 80% of customers" in who
    assert "4.0% of revenue" in who
    de = text.executive_summary(small, "de")[0]
    assert "<strong>4 C-Kunden</strong> sind 80\xa0% der Kunden" in de


def test_whale_sentence_agrees_with_the_curve(small) -> None:
    s = text.whale_sentence(small, "en")
    # peak 2240 + 830 + 540 = 3610 of total 3290 = 109.7 % -> "110%"; 3 of 4 customers
    assert "the best 3 of 4 customers (75%) earn €3,610 together, 110% of the total" in s
    assert "€3,290" in s
    assert "One customer destroys €320." in s  # singular form
    assert text.heading_whale(small, "en") == (
        "2. Customer profit: 75% of customers earn 110% of the profit"
    )


def test_destroyers_sentence_names_only_customers_with_revenue(small) -> None:
    s = text.destroyers_sentence(small, "en")
    assert "Drei GmbH" in s
    assert list(text.destroyers_table(small, "en").df["customer_id"]) == ["K3"]


def test_decisions_ranked_by_impact_with_owner_and_timing(demo) -> None:
    table = text.decisions_table(demo, "de")
    df = table.df
    assert 3 <= len(df) <= 5
    assert list(df["impact"]) == sorted(df["impact"], reverse=True)
    assert (df["impact"] > 0).all()
    assert df["owner"].str.len().gt(0).all() and df["timing"].str.len().gt(0).all()
    # the channel decision's impact is the saving of the recommended mix
    assert demo.channel_saving in set(df["impact"])


def test_headings_carry_the_numbers(demo) -> None:
    from kamlib.i18n import Formatter

    f = Formatter("en")
    assert f.pct(demo.summary["customer_share"], 0) in text.heading_who(demo, "en")
    assert f.money_short(demo.channel_saving) in text.heading_channels(demo, "en")
    best = text.pricing_best(demo)
    assert f.money(best["min_order_value"]) in text.heading_pricing(demo, "en")
    n = len(demo.candidates)
    assert f"3. {n} C customers are key accounts of tomorrow" in text.heading_candidates(demo, "en")


def test_candidates_have_revenue_or_potential(demo) -> None:
    df = text.candidates_table(demo, "en").df
    assert len(df) >= 1
    assert ((df["window_revenue"] > 0) | (df["potential"] > 0)).all()


def test_pricing_sentence_and_knee(demo) -> None:
    from kamlib.i18n import Formatter

    f = Formatter("en")
    best = text.pricing_best(demo)
    s = text.pricing_sentence(demo, "en")
    assert f.money(best["effect"]) in s and "20% of the affected customers leave" in s
    knee = text.pricing_knee(demo)
    if knee is not None:
        assert knee["effect"] >= text.KNEE_SHARE * best["effect"]
        assert knee["min_order_value"] < best["min_order_value"]


def test_missing_note_only_without_drivers(small) -> None:
    # the 5-customer client records every driver (K1's row) -> nothing missing
    assert text.missing_note(small, "en") is None
    bare = cc.analyse(_client(activities=None))
    note = text.missing_note(bare, "en")
    assert note is not None and "no activities table" in note
    # visits (250) are the most expensive missing driver; customers with sales in Y: 5
    assert (
        "one visit a year per customer with sales (5 customers) would cost another €1,250" in note
    )
    assert "lower bound" in note


def test_negative_channel_saving_is_worded_as_extra_cost(small) -> None:
    # channel costs above the current cost to serve -> the mix costs more
    settings = small.settings.model_copy(
        update={"channel_costs": {k: {"per_customer": 10000.0} for k in cc.CHANNELS}}
    )
    res = cc.compute(cc.prepare(_client()), settings)
    assert res.channel_saving < 0
    assert "costs €" in text.channels_sentence(res, "en") and "-€" not in text.channels_sentence(
        res, "en"
    )


def test_client_names_are_escaped() -> None:
    client = _client()
    client.customers.loc[client.customers["customer_id"] == "K3", "name"] = "<b>Drei</b> & Co"
    res = cc.analyse(client)
    s = text.destroyers_sentence(res, "en")
    assert "&lt;b&gt;Drei&lt;/b&gt; &amp; Co" in s and "<b>" not in s


def test_no_nan_in_any_text(demo, small) -> None:
    for res in (demo, small):
        for lang in ("de", "en"):
            texts = [
                *text.executive_summary(res, lang),
                text.trend_sentence(res, lang),
                text.whale_sentence(res, lang),
                text.waterfall_sentence(res, lang),
                text.candidates_sentence(res, lang),
                text.channels_sentence(res, lang),
                text.pricing_sentence(res, lang),
                *text.method_paragraphs(res, lang),
            ]
            for s in texts:
                assert "nan" not in s.lower().replace("financ", ""), s


# --------------------------------------------------------------------------- charts

CHARTS = ["class_share_chart", "whale_chart", "waterfall_chart", "channel_chart", "pricing_chart"]


@pytest.mark.parametrize("name", CHARTS)
@pytest.mark.parametrize("lang", ["de", "en"])
def test_charts_build_with_titles(demo, small, name: str, lang: str) -> None:
    import matplotlib.pyplot as plt

    for res in (demo, small):
        fig = getattr(charts, name)(res, lang)
        fig.canvas.draw()
        titles = [ax.get_title(loc="left") + ax.get_title() for ax in fig.axes] + [
            fig._suptitle.get_text() if fig._suptitle else ""
        ]
        assert any(titles)
        plt.close(fig)


def test_channel_chart_labels_are_full_names(demo) -> None:
    import matplotlib.pyplot as plt

    fig = charts.channel_chart(demo, "de")
    labels = [tl.get_text() for tl in fig.axes[0].get_yticklabels()]
    counts = demo.channels.set_index("channel")["customers"]
    assert labels == [
        f"Außendienst ({counts['field_sales']})",
        f"Innendienst ({counts['inside_sales']})",
        f"Webshop/EDI ({counts['webshop_edi']})",
        f"Händler ({counts['distributor']})",
    ]
    plt.close(fig)


def test_waterfall_labels_losses_with_a_minus_sign(small) -> None:
    import matplotlib.pyplot as plt

    fig = charts.waterfall_chart(small, "en")
    texts = [t.get_text() for ax in fig.axes for t in ax.texts]
    # C with a known profit (K2's margin is unknown): cost to serve K3 350 + K4 480 + K5 80
    # = 910 -> "−€910"
    assert "\u2212€910" in texts
    assert not any("€-" in s for s in texts)
    plt.close(fig)


def test_class_shares_match_the_summary(demo) -> None:
    shares = charts.class_shares(demo).set_index("abc_class")
    assert shares.loc["C", "customers"] == pytest.approx(demo.summary["customer_share"])
    assert shares.loc["C", "revenue"] == pytest.approx(demo.summary["revenue_share"])
    assert shares.loc["C", "margin"] == pytest.approx(demo.summary["margin_share"])
    assert np.isclose(shares["customers"].sum(), 1.0)


# --------------------------------------------------------------------------- texts


# both languages, same keys, placeholders and plural forms: tests/test_messages_complete.py


def test_without_activities_recording_the_drivers_is_a_decision() -> None:
    bare = cc.analyse(_client(activities=None))
    keys = [d["key"] for d in text.decisions(bare)]
    assert "record_drivers" in keys
    d = next(d for d in text.decisions(bare) if d["key"] == "record_drivers")
    # visits (250) x 5 customers with sales in Y
    assert d["impact"] == pytest.approx(1250.0) and d["n"] == 5
    row = text.decisions_table(bare, "en").df
    assert row["decision"].str.contains("visits, calls, deliveries").any()


def test_pricing_decision_takes_the_knee_of_a_flat_curve(demo) -> None:
    d = next(d for d in text.decisions(demo) if d["key"] == "pricing")
    knee = text.pricing_knee(demo)
    pick = text.pricing_best(demo) if knee is None else knee
    assert d["value"] == pick["min_order_value"] and d["impact"] == pick["effect"]
