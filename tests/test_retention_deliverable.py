"""Retention deliverable: settings section, narrative, charts and panel on small cases.

The example client is the one of tests/analysis/test_retention.py (as_of
2026-06-30): A 48,000 (class A, score 67.5, three flags), B 3,500 (class B,
no score, one flag), C 700 (class C, score 32.5, one flag), D without sales.
With four customers the BG/NBD is not fitted (too few customers).
"""

from __future__ import annotations

import matplotlib

matplotlib.use("Agg")

import pytest  # noqa: E402

from kamlib.analysis import retention  # noqa: E402
from kamlib.charts import retention as charts  # noqa: E402
from kamlib.config import ClientConfig, ConfigError, parse_config  # noqa: E402
from kamlib.i18n import Formatter  # noqa: E402
from kamlib.narrative import retention as text  # noqa: E402
from tests.analysis.test_retention import example_client  # noqa: E402


@pytest.fixture(scope="module")
def result():
    return retention.analyse(example_client())


# --------------------------------------------------------------------------- settings


def test_config_defaults_are_the_design_values():
    r = ClientConfig(name="x").retention
    assert r.factors == {
        "contractual": 0.2, "technical": 0.15, "relationship_breadth": 0.1,
        "relationship_quality": 0.15, "satisfaction": 0.1, "wallet_share": 0.1,
        "switching_costs": 0.1, "dependency": 0.05, "product_breadth": 0.05,
    }  # fmt: skip
    assert (r.window_months, r.min_coverage, r.score_split, r.weak_rating) == (12, 0.5, 50, 2)
    assert (r.disagreement.firm_score, r.disagreement.low_p_alive) == (75, 0.5)


@pytest.mark.parametrize(
    ("section", "path"),
    [
        ({"factors": {"loyalty": 1.0}}, "retention.factors"),
        ({"factors": {"contractual": -0.1, "technical": 1}}, "retention.factors"),
        ({"factors": {"contractual": 0}}, "retention.factors"),
        ({"weights": {"contractual": 1}}, "retention.weights"),
        ({"score_split": 120}, "retention.score_split"),
        ({"weak_rating": 5}, "retention.weak_rating"),
        ({"early_warning": {"trend_ratio": 1.5}}, "retention.early_warning.trend_ratio"),
        ({"disagreement": {"low_p_alive": 0}}, "retention.disagreement.low_p_alive"),
    ],
)
def test_nonsense_is_refused_naming_the_key(section, path):
    with pytest.raises(ConfigError) as err:
        parse_config({"name": "x", "retention": section})
    assert [key for key, _msg in err.value.problems] == [path]


def test_the_data_layer_accepts_the_rated_factors_but_not_wallet_share():
    from kamlib.config import RETENTION_FACTORS, known_rating_criteria
    from kamlib.modules import get_module

    rated = {f for f, source in RETENTION_FACTORS.items() if source != "data"}
    assert set(get_module("retention").criteria) == rated
    assert rated <= known_rating_criteria()
    assert "wallet_share" not in known_rating_criteria()


# --------------------------------------------------------------------------- narrative


def test_headings_state_the_numbers(result):
    # important = A and B with revenue; only A has a score (67.5 < 75)
    assert text.heading(result, "scores", "en") == (
        "1. Binding: 0 of 1 important customers are firmly bound"
    )
    # act now holds nobody: A is secure at 67.5, C is a C customer
    assert text.heading(result, "risk", "en").startswith("2. Risk matrix: 0%")
    # only A carries two or more signals (3): its 48,000 are at risk
    assert text.heading(result, "warnings", "en") == (
        "3. Early warnings: €48k of revenue at risk with one customer showing several signals"
    )
    assert text.heading(result, "model", "de").endswith("Modell passt nicht zu diesen Daten")


def test_summary_sentences_agree_with_the_result(result):
    found = text.executive_summary(result, "en")
    assert found[0].startswith("One A or B customer is rated; 0 of them firmly bound")
    # three flagged customers with revenue, one of them with several signals
    assert found[1].startswith("3 customers show at least one early-warning signal")
    assert "serious for one with 2 or more signals: Alpha AG with €48k" in found[1]
    assert "Too few customers with purchases" in found[2]
    # 2025: the one 2024 customer bought again; revenue retention left out (2024 incomplete)
    assert found[3] == "In 2025, 1 of 1 customers of the year before bought again (100%)."


def test_decisions_are_ranked_with_impact_owner_and_timing(result):
    dec = text.decisions(result, "en")
    # 1 visit the serious warning (A), 2 weakest factor of the scored important
    # customers (A: satisfaction), 3 rate B (no score); nobody in act now
    assert [d["rank"] for d in dec] == ["1", "2", "3"]
    assert "Alpha AG" in dec[0]["decision"] and dec[0]["impact"] == "€48k"
    assert dec[1]["decision"].startswith("Satisfaction is the weakest factor of one")
    assert dec[2]["impact"] == "€4k"  # 3,500 in the short money format
    assert all(d["owner"] and d["timing"] for d in dec)


def test_warning_list_names_evidence_and_measure(result):
    spec = text.warnings_table(result, "en")
    assert list(spec.df["customer_id"]) == ["A"]
    ev = spec.df.iloc[0]["ev"]
    # A: Jan-Jun 2026 10,000 - 2,000 = 8,000 vs Jan-Jun 2025 30,000 + 5,000 = 35,000 (23%)
    assert "Revenue over 6 months €8,000 against €35,000 a year earlier (23%)" in ev
    assert "3 complaints last year (year before: 5)" in ev
    assert "fix the three biggest irritants" in spec.df.iloc[0]["measure"]
    assert spec.note is None  # every serious warning is shown


def test_risk_sentence_matches_its_table(result):
    sentence = text.risk_text(result, "en")
    table = text.risk_table(result, "en").df.set_index("risk_quadrant")
    assert table.loc["secure", "customers"] == 1 and table.loc["monitor", "customers"] == 1
    # A's 48,000 of 52,200 total revenue = 91.95 %
    assert "1 in “secure” (92.0%)" in sentence and "2 customers have no score" in sentence


def test_kpi_table_hides_biased_revenue_retention(result):
    spec = text.kpi_table(result, "en")
    assert list(spec.df["year_label"]) == ["2025", "2026 (year to date)"]
    assert spec.df["revenue_retention"].isna().all()
    assert spec.note and "biased" in spec.note
    assert text.kpi_text(result, "en").startswith(
        "2025: retention 100% (churn 0%), repeat rate 100%, revenue retention –."
    )


def test_names_are_escaped_and_never_hyphenated():
    html = text.cust_html("<b>Müller & Söhne</b>")
    assert "&lt;b&gt;Müller &amp; Söhne&lt;/b&gt;" in html and "hyphens:manual" in html


def test_missing_inputs_say_what_they_would_add():
    client = example_client()
    client.contacts = None
    lines = text.missing_inputs(client, "en")
    assert lines == [
        "No contacts (contacts): relationship breadth is missing where it is not rated."
    ]


def test_model_reason_names_the_parameter_on_the_bound(monkeypatch):
    from kamlib.analysis import bgnbd

    p = bgnbd.BgNbdParams(1.0, 2.0, 1e-5, 3.0, -10.0, 3, True, ("a",))
    monkeypatch.setattr(retention, "MIN_FIT_CUSTOMERS", 2)
    monkeypatch.setattr(retention.bgnbd, "fit", lambda x, t_x, T: p)
    res = retention.analyse(example_client())
    assert "a (dropout)" in text.model_reason(res, "en")
    assert text.heading(res, "model", "en").endswith("the model does not fit these data")
    assert charts.model_chart(res, "en") is None
    assert "P(active)" not in text.score_table(res, "en").columns.__repr__()


# --------------------------------------------------------------------------- charts


def test_charts_build_with_titles_and_full_names(result):
    for make in (charts.risk_matrix_chart, charts.kpi_chart, charts.factor_chart):
        fig = make(result, "de")
        assert fig is not None and fig.axes[0].get_title(loc="left")
    assert charts.model_chart(result, "de") is None  # no fit: a sentence instead


def test_chart_labels_wrap_but_never_cut():
    name = "Brandt Karosserietechnik GmbH & Co. KG Niederlassung Süd"
    wrapped = charts.wrap_name(name)
    assert "\n" in wrapped and wrapped.replace("\n", " ") == name and "…" not in wrapped


def test_risk_chart_labels_the_act_now_customers_in_full(result):
    res = retention.compute(
        retention.prepare(example_client()), retention.RetentionSettings(score_split=70)
    )
    fig = charts.risk_matrix_chart(res, "en")
    labels = [t.get_text().replace("\n", " ") for t in fig.axes[0].texts]
    assert "Alpha AG" in labels  # A (67.5) is act now at split 70


# --------------------------------------------------------------------------- panel


def test_panel_recomputes_on_a_setting_and_on_a_rating_preview(tmp_path):
    from kamlib.widgets.retention import retention_panel

    client = example_client()
    client.client_dir = tmp_path
    panel = retention_panel(client, "en", workshop=True, show=False)
    score = lambda: panel.result.customers.set_index("customer_id").loc["A"]  # noqa: E731
    assert score()["stability_score"] == pytest.approx(67.5)
    panel.set("retention.score_split", 70)
    assert score()["risk_quadrant"] == "act_now"
    assert "act_now" not in panel.saved_result.customers["risk_quadrant"].tolist()
    # satisfaction 2 -> 5 adds 0.1 x (100 - 25) = 7.5 points (weights sum to 1 for A)
    panel.preview.set("A", "satisfaction", 5)
    assert score()["stability_score"] == pytest.approx(75.0)
    assert {"counts", "top"} <= set(panel.sections)
    assert not (tmp_path / "client.yaml").exists()  # nothing saved without the button


def test_no_panel_outside_a_workshop():
    from kamlib.widgets.retention import retention_panel

    assert retention_panel(example_client(), "de", workshop=False) is None


def test_formatter_for_money_short_is_used_in_tiles(result):
    tiles = text.kpi_tiles(result, "en")
    assert tiles[0][1] == "1 / 2"  # A scored of A and B
    assert tiles[3][1] == Formatter("en").money_short(48_000)


def test_panel_on_the_demo_client_reads_loaded_ratings():
    """Loaded ratings are nullable numbers: the preview must read and override them."""
    import kamlib
    from kamlib.modules import ROOT
    from kamlib.widgets.retention import retention_panel

    client = kamlib.load_client(ROOT / "client_data" / "demo-maschinenbau")
    panel = retention_panel(client, "de", workshop=True, show=False)
    c = panel.result.customers.set_index("customer_id")
    cid = c.index[c["placed"] & (c["rating_contractual"] < 5)][0]
    before = c.loc[cid, "stability_score"]
    panel.preview.set(cid, "contractual", 5)
    assert panel.result.customers.set_index("customer_id").loc[cid, "stability_score"] > before
    assert "chart" in panel.sections


def test_without_ratings_the_sections_say_it_once():
    client = example_client()
    client.ratings = None
    client.contacts = None
    res = retention.analyse(client)
    # A has only data factors (wallet share 0.1, product breadth 0.05): 15 % < 50 %
    assert not text.placed_any(res)
    assert text.score_text(res, "en") == "" and text.risk_text(res, "en") == ""
    assert text.heading(res, "scores", "en") == "1. Binding: no important customer rated yet"
    assert charts.risk_matrix_chart(res, "en") is None
    assert text.has_kpis(res)  # the KPIs need sales only
