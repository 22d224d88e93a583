"""Executive summary, section texts, KPI tiles and tables of the portfolio deliverable.

Expected numbers come from the hand-built fixture in tests/fake_portfolio.py
(``small_result``: eight customers, 1,000,000 revenue); the arithmetic is in
the comments.
"""

import pandas as pd
import pytest

from kamlib.i18n import Formatter
from kamlib.narrative import portfolio as text

try:  # tests/ may or may not be a package
    from tests.fake_portfolio import random_result, small_result
except ImportError:  # pragma: no cover - depends on pytest's import mode
    from fake_portfolio import random_result, small_result

NBSP = "\xa0"


@pytest.fixture
def small():
    return small_result()


@pytest.fixture(scope="module")
def big():
    return random_result(20_000)


@pytest.mark.parametrize("lang", ["de", "en"])
def test_summary_has_three_to_five_findings(small, lang):
    findings = text.executive_summary(small, lang)
    assert 3 <= len(findings) <= 5


def test_summary_orders_concentration_upside_protect_stop_key_accounts(small):
    findings = text.executive_summary(small, "en")
    heads = [f.split("</strong>")[0] for f in findings]
    assert heads == [
        "<strong>Concentration risk:",
        "<strong>Where the upside is:",
        "<strong>Whom to protect:",
        "<strong>What to stop:",
        "<strong>Review key-account status:",
    ]


def test_concentration_names_a_customs_and_the_top_customer_share(small):
    finding = text.finding_concentration(small, "de")
    # A = K1 + K2: 2 of 8 customers = 25,0 %, (400,000 + 300,000) / 1,000,000 = 70,0 %
    assert f"2 A-Kunden (25,0{NBSP}% des Stamms) bringen 70,0{NBSP}% des Umsatzes" in finding
    # the top customer has 40 % >= 10 %: the risk variant names it
    assert finding.startswith("<strong>Klumpenrisiko:")
    assert f"Alpha Maschinen GmbH, allein 40,0{NBSP}%" in finding


def test_concentration_without_a_dominant_customer_is_not_called_a_risk(big):
    # the largest of 20,000 long-tailed customers stays below the 10 % line
    top = big.customers["revenue_share"].max()
    assert top < text.TOP_CUSTOMER_RISK
    assert text.finding_concentration(big, "en").startswith("<strong>Concentration:</strong>")


def test_upside_reports_develop_zone_revenue_wallet_gap_and_weakest_criterion(small):
    finding = text.finding_upside(small, "en")
    # develop = K2 (300,000) + K4 (80,000) = €380k; gaps 600,000-300,000 + 400,000-80,000 = €620k
    assert "2 customers in the develop zone buy €380k" in finding
    assert "€620k of their demand" in finding
    # K2 attractiveness 30, K4 45: every attractiveness criterion has the same mean, the
    # first in weight order (decision_access) is named
    assert "“Access to decision makers”" in finding


def test_upside_without_annual_demand_asks_for_it(small):
    small.customers["wallet_gap"] = float("nan")
    finding = text.finding_upside(small, "de")
    assert "fehlt der Jahresbedarf" in finding


def test_no_develop_customers_means_no_upside_finding(small):
    small.customers["zone"] = small.customers["zone"].replace("develop", "maintain")
    assert text.finding_upside(small, "en") is None
    assert len(text.executive_summary(small, "en")) >= 3


def test_protect_with_one_customer_uses_the_singular(small):
    finding = text.finding_protect(small, "de")
    # only K1 is in the protect zone, 40,0 %, already a key account
    assert "Einziger Kunde der Schutzzone ist Alpha Maschinen GmbH" in finding
    assert f"40,0{NBSP}%" in finding
    assert "nicht als Key Account" not in finding


def test_protect_counts_customers_not_yet_managed_as_key_accounts(big):
    finding = text.finding_protect(big, "en")
    prot = big.customers[big.customers["zone"] == "protect"]
    unflagged = int((~prot["is_key_account"]).sum())
    assert f"{unflagged:,} of them are not yet managed as key accounts" in finding


def test_withdraw_says_only_when_the_zone_earns_less_than_its_head_count(small):
    finding = text.finding_withdraw(small, "de")
    # K5, K6, K8: 3 of 8 = 37,5 % of customers with (40,000 + 20,000) / 1,000,000 = 6,0 %
    assert f"3 Kunden (37,5{NBSP}% des Stamms)" in finding and f"nur 6,0{NBSP}%" in finding


def test_withdraw_with_heavy_revenue_warns_before_cutting(small):
    small.customers.loc[small.customers["customer_id"] == "K1", "zone"] = "withdraw"
    finding = text.finding_withdraw(small, "en")
    # K1 joins: 4 of 8 = 50.0 % of customers with 46.0 % of revenue... still below
    assert "bring only 46.0%" in finding
    small.customers.loc[small.customers["customer_id"] == "K2", "zone"] = "withdraw"
    # K2 too: 5 of 8 = 62.5 % with 76.0 % of revenue -> not "only"
    heavy = text.finding_withdraw(small, "en")
    assert "yet bring 76.0% of revenue" in heavy and "only" not in heavy


def test_key_account_mismatches_name_both_directions(small):
    finding = text.finding_key_accounts(small, "de")
    # K2 qualifies (72 >= 60) but is not flagged; K5 is flagged with 30 < 60
    assert "Beta Anlagenbau AG erfüllt die Key-Account-Kriterien" in finding
    assert (
        "ein heutiger Key Account (Epsilon Handel OHG) liegt unter der Schwelle von 60 Punkten"
        in finding
    )


def test_matching_key_accounts_are_confirmed(small):
    small.ka_not_flagged = small.ka_not_flagged.iloc[0:0]
    small.ka_flagged_not_qualified = small.ka_flagged_not_qualified.iloc[0:0]
    finding = text.finding_key_accounts(small, "en")
    # K1 (90), K2 (72), K3 (65) reach 60
    assert "3 customers qualify and all are already managed" in finding


def test_customer_names_are_html_escaped(small):
    small.customers.loc[0, "customer_name"] = "<b>Evil & Co</b>"
    finding = text.finding_concentration(small, "en")
    assert "&lt;b&gt;Evil &amp; Co&lt;/b&gt;" in finding and "<b>" not in finding


def test_kpi_tiles_show_wallet_gap_of_high_potential_zones(small):
    tiles = dict((label, (value, note)) for label, value, note in text.kpi_tiles(small, "de"))
    # protect + develop gaps: K1 100,000 + K2 300,000 + K4 320,000 = 720 T€
    assert tiles["Ungenutztes Potenzial"][0] == "720 T€"
    assert tiles["Kunden mit Umsatz"] == ("7", "von 8 im Stamm")
    assert tiles["Umsatz im Analysezeitraum"][0] == f"1.000.000{NBSP}€"
    assert tiles["Key-Account-Kandidaten"] == ("3", "3 heute als KA geführt")


def test_wallet_text_sums_known_demand(small):
    sentence = text.wallet_text(small, "en")
    # demand known for K1-K6: 500+600+160+400+45+25 = €1,730,000 vs revenue €990,000 -> 57.2 %
    assert "known for 6 customers" in sentence
    assert (
        "€990,000 from us against a demand of €1,730,000 – a share of wallet of 57.2%" in sentence
    )
    # gaps 100+300+10+320+5+5 = 740k; protect+develop hold 720k / 740k = 97.3 %
    assert "97.3% of the €740,000 gap" in sentence


def test_lorenz_text_reports_customers_behind_80_percent(small):
    sentence = text.lorenz_text(small, "de")
    # cumulative 40 / 70 / 85 %: 3 of 8 customers = 37,5 %; all 8 < 10 -> top ten = 100 %
    assert sentence.startswith(f"37,5{NBSP}% der Kunden erwirtschaften 80{NBSP}% des Umsatzes")
    assert f"zehn größten Kunden stehen für 100,0{NBSP}%" in sentence


def test_sensitivity_text_names_the_most_sensitive_weight(small):
    sentence = text.sensitivity_text(small, "en")
    # fixture: changed share 0.01 * position * 1.5 for "up"; margin_quality is 5th -> 7.5 %
    assert "85.0% of customers stay in their zone" in sentence
    assert "“Margin quality”: 7.5% of customers" in sentence
    assert "robust" in sentence


def test_top_customer_table_is_capped_with_a_pointer_to_the_export(big):
    spec = text.top_customers_table(big, "en")
    assert len(spec.df) == big.settings.top_n == 20
    assert len(spec.columns) <= 7
    assert spec.note.startswith("Showing the first 20 of")


def test_every_table_fits_seven_columns(small):
    specs = [
        text.matrix_table(small, "de"),
        text.top_customers_table(small, "de"),
        text.zone_table(small, "de"),
        text.wallet_table(small, "de"),
        text.ka_table(small, "de"),
        text.mismatch_table(small, "not_flagged", "de"),
        text.types_table(small, "de"),
        text.programs_table(small, "de"),
        text.weights_table(small, "de"),
    ]
    assert all(len(s.columns) <= 7 for s in specs)


def test_matrix_table_lists_nine_fields_plus_new_and_no_revenue(small):
    spec = text.matrix_table(small, "en")
    assert list(spec.df["field"]) == [
        "AX", "AY", "AZ", "BX", "BY", "BZ", "CX", "CY", "CZ", "new", "no revenue",
    ]  # fmt: skip
    assert spec.df.loc[0, "handling"].startswith("<strong>Secure the core:</strong>")


def test_empty_mismatch_list_shows_a_sentence_not_an_empty_table(small):
    small.ka_flagged_not_qualified = small.ka_flagged_not_qualified.iloc[0:0]
    html = text.mismatch_table(small, "flagged_not", "en").show(Formatter("en"))
    assert "No customers in this group." in html and "<table" not in html


def test_zone_cards_carry_all_four_topics_in_zone_order(small):
    items, colours = text.zone_cards(small, "de")
    assert [title for title, _ in items] == [
        "Schutzzone",
        "Entwicklungszone",
        "Pflegezone",
        "Rückzugszone",
    ]
    for _, body in items:
        for topic in (
            "Betreuung und Besuche",
            "Cross- und Upselling",
            "Preise und Konditionen",
            "Bindungsinstrumente",
        ):
            assert topic in body
    assert len(colours) == 4


def test_programs_table_formats_quarters_and_targets(small):
    spec = text.programs_table(small, "en")
    # fixture: quarters 1-3; program 1 targets the first 4 high-potential customers (K1, K2, K4)
    assert list(spec.df["quarter"]) == ["Q1", "Q2", "Q3"]
    assert spec.df.loc[0, "targets"] == 3
    assert "Share-of-wallet campaign" in spec.df.loc[0, "program"]


@pytest.mark.parametrize(
    ("value", "lang", "expected"),
    [("2026-Q3", "de", f"Q3{NBSP}2026"), ("2027-Q1", "en", f"Q1{NBSP}2027"), (2, "en", "Q2")],
)
def test_quarter_label(value, lang, expected):
    assert text.quarter_label(value, lang) == expected


def test_join_names_uses_language_and_counts_the_rest():
    assert text.join_names(["A", "B", "C"], "de") == "A, B und C"
    assert text.join_names(["A", "B"], "en") == "A and B"
    assert text.join_names(["A", "B", "C"], "en", total=10) == "A, B, C and 7 more"


def test_type_names_translate_joined_keys():
    assert text.type_names("breadwinner;image_maker", "de") == "Ernährer, Imageträger"
    assert text.type_names("", "en") == ""


def test_method_appendix_states_the_configured_cut_offs(small):
    paragraphs = text.method_paragraphs(small, "de")
    assert f"unter 80{NBSP}% der Summe" in paragraphs[0] and f"B unter 95{NBSP}%" in paragraphs[0]
    assert "X bis 0,50, Y bis 1,00" in paragraphs[1]
    assert "Schutzzone" in paragraphs[3]


def test_weights_table_shows_normalised_weights(small):
    df = text.weights_table(small, "en").df
    assert df.groupby("axis")["weight"].sum().round(9).tolist() == [1.0, 1.0]
    assert (df.loc[df["criterion"] == "Margin quality", "source"] == "data").all()


def test_summary_for_20000_customers_stays_short(big):
    findings = text.executive_summary(big, "de")
    assert len(findings) <= 5
    # names are capped at three plus "und N weitere"
    assert all(f.count("Kunde ") <= 8 for f in findings)
    assert isinstance(pd.DataFrame(text.kpi_tiles(big, "de")), pd.DataFrame)


def test_placement_gap_is_silent_when_customers_are_placed():
    assert text.placement_gap(small_result(), "de") is None


def test_placement_gap_names_the_axis_without_any_criterion():
    # nobody placed; the default potential weights (future_demand, share_of_wallet, growth)
    # are all missing, attractiveness lacks only one of its criteria -> only potential named
    result = small_result()
    result.customers["zone"] = ""
    result.missing_criteria = {
        "potential": ["future_demand", "share_of_wallet", "growth"],
        "attractiveness": ["chemistry"],
    }
    de = text.placement_gap(result, "de")
    assert "für die Achse Potenzial liegt keines der Kriterien vor" in de
    assert "Attraktivität liegt" not in de
    en = text.placement_gap(result, "en")
    assert "no criterion of the Potential axis is available" in en


def test_wallet_data_needs_a_demand_above_zero():
    result = small_result()
    assert text.has_wallet_data(result)
    result.customers["potential"] = 0.0  # filled in, but no demand: nothing to compare with
    assert not text.has_wallet_data(result)
    assert text.wallet_text(result, "en") == text.t("portfolio.text.wallet_missing", "en")
