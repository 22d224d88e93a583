"""Executive summary and section texts of the customer base overview (de/en).

Uses the hand-computed fixture of tests/analysis/test_overview.py (as_of
2026-06-30): window revenue 2750 (+25 % on 2200), margin 650 on 2750 = 23.6 %,
3 active customers; largest customer Alpha AG with 2000 of 2800 positive
revenue = 71.4 %; in 2025 0 new and 1 lost customer (provisional).
"""

from __future__ import annotations

import re

import pytest

from kamlib.analysis import overview as ov
from kamlib.narrative import overview as text
from tests.analysis.test_overview import CUSTOMERS, SALES, make_client


@pytest.fixture(scope="module")
def result() -> ov.OverviewResult:
    return ov.analyse(make_client())


@pytest.mark.parametrize("lang", ["de", "en"])
def test_summary_has_three_to_five_sentences(result, lang):
    sentences = text.executive_summary(result, lang)
    assert 3 <= len(sentences) <= 5
    assert all(s.strip() and s.rstrip()[-1] in ".!" for s in sentences)


def test_german_summary_uses_german_number_formats(result):
    first = text.executive_summary(result, "de")[0]
    assert "3 T€" in first  # 2750 in compact form: 2.75 thousand -> "3 T€"
    assert "23,6\xa0%" in first  # margin 650 / 2750
    assert "25,0\xa0% mehr" in first  # 2750 / 2200 - 1
    assert "Test GmbH" in first


def test_english_summary_uses_english_number_formats(result):
    first = text.executive_summary(result, "en")[0]
    assert "23.6%" in first and "25.0% more" in first
    joined = " ".join(text.executive_summary(result, "en"))
    assert "71.4%" in joined  # Alpha AG: 2000 / 2800
    assert "Alpha AG" in joined


def test_summary_names_key_account_coverage_of_top_customers(result):
    joined = " ".join(text.executive_summary(result, "de"))
    assert "von den 3 größten Kunden sind 1 als Key Account" in joined


@pytest.fixture(scope="module")
def result_c3_lost():
    # C3's last purchase on 2024-11-20: it became lost on 2025-11-20, a loss of 2025
    # (METHODOLOGY section 0: "lost in Y" = became lost in Y)
    sales = [("2024-11-20", *r[1:]) if r[:2] == ("2025-06-30", "C3") else r for r in SALES]
    return ov.analyse(make_client(sales=sales))


def test_losses_count_in_the_year_the_customer_became_lost(result_c3_lost):
    flow = text.summary_flow(result_c3_lost, "en")
    # 2025 (the last full year): 0 new, 1 lost (C3); a full year is not provisional
    assert "won 0 new customers and lost 1 –" in flow
    assert "shrinks by 1" in flow


def test_only_the_year_to_date_is_provisional(result_c3_lost):
    table = text.flow_table(result_c3_lost, "en")["df"]
    assert table["lost_text"].tolist() == ["0", "1", "0 (provisional)"]


def test_summary_without_margin_says_so():
    no_margin = [(d, c, r, float("nan")) for d, c, r, _ in SALES]
    r = ov.analyse(make_client(sales=no_margin))
    de = text.executive_summary(r, "de")
    assert any("keine Deckungsbeiträge" in s for s in de)
    assert "Deckungsbeitrag (" not in de[0]
    assert len(de) <= 5


def test_customer_names_are_html_escaped():
    customers = CUSTOMERS.assign(name=["Müller & <Söhne>", "B", "C", "D", "E"])
    r = ov.analyse(make_client(customers=customers))
    joined = " ".join(text.executive_summary(r, "de"))
    assert "Müller &amp; &lt;Söhne&gt;" in joined


@pytest.mark.parametrize("lang", ["de", "en"])
def test_section_texts_are_filled(result, lang):
    for paragraph in (
        text.yearly_text(result, lang),
        text.monthly_text(result, lang),
        text.dimension_text(result, "industry", lang),
        text.dimension_text(result, "region", lang),
        text.top_text(result, lang),
        text.concentration_text(result, lang),
        text.flow_text(result, lang),
    ):
        assert paragraph and "{" not in paragraph  # every placeholder filled


def test_yearly_text_states_like_for_like_ytd_comparison(result):
    de = text.yearly_text(result, "de")
    # 2026 up to 30.06.: 2100 against 2400 -> -12.5 %
    assert "bis zum 30.06.2026" in de and "−12,5\xa0%" in de
    en = text.yearly_text(result, "en")
    assert "−12.5%" in en and "same period of last year" in en


def test_signed_percent_uses_real_minus_and_plus():
    assert text.signed_pct(0.045, "de") == "+4,5\xa0%"
    assert text.signed_pct(-0.02, "en") == "−2.0%"


def test_kpi_tiles_in_german(result, result_c3_lost):
    tiles = dict((label, (value, note)) for label, value, note in text.kpi_tiles(result, "de"))
    assert tiles["DB-Quote"][0] == "23,6\xa0%"
    assert tiles["Aktive Kunden"] == ("3", "von 5 im Kundenstamm")
    # C3 stopped exactly 12 months before as_of: not yet lost (more than 12 months needed)
    assert tiles["Neu / verloren 2025"][0] == "0 / 0"
    lost = {label: value for label, value, _ in text.kpi_tiles(result_c3_lost, "de")}
    assert lost["Neu / verloren 2025"] == "0 / 1"


def test_tables_fit_a4_portrait(result):
    for spec in (
        text.yearly_table(result, "de"),
        text.dimension_table(result, "industry", "de"),
        text.top_table(result, "de"),
        text.flow_table(result, "de"),
    ):
        assert len(spec["columns"]) <= 7


def test_no_english_percent_spacing_in_english_texts(result):
    joined = " ".join(
        text.executive_summary(result, "en") + [text.concentration_text(result, "en")]
    )
    assert not re.search(r"\d[\s\xa0]%", joined)
