"""Number, currency, percent and date formatting per language."""

import datetime as dt

import pandas as pd
import pytest

from kamlib.i18n import (
    Formatter,
    fmt_date,
    fmt_int,
    fmt_money,
    fmt_money_short,
    fmt_num,
    fmt_pct,
    t,
)

NBSP = "\xa0"


def test_money_german_uses_dot_groups_and_trailing_euro():
    assert fmt_money(1234567, "de") == f"1.234.567{NBSP}€"
    assert fmt_money(1234.56, "de", decimals=2) == f"1.234,56{NBSP}€"


def test_money_english_uses_comma_groups_and_leading_euro():
    assert fmt_money(1234567, "en") == "€1,234,567"
    assert fmt_money(1234.56, "en", decimals=2) == "€1,234.56"


def test_negative_money_keeps_sign():
    assert fmt_money(-1234, "de") == f"-1.234{NBSP}€"
    assert fmt_money(-1234, "en") == "-€1,234"


def test_money_rounds_half_even_free_of_float_noise():
    # 0.5 steps: babel rounds half-even; 2.5 -> 2, 3.5 -> 4
    assert fmt_money(2.5, "en") == "€2"
    assert fmt_money(3.5, "en") == "€4"


def test_percent_takes_fractions():
    assert fmt_pct(0.125, "de") == f"12,5{NBSP}%"
    assert fmt_pct(0.125, "en") == "12.5%"
    assert fmt_pct(1, "en", 0) == "100%"


def test_numbers_and_counts():
    assert fmt_num(1234.5, "de", 1) == "1.234,5"
    assert fmt_num(1234.5, "en", 1) == "1,234.5"
    assert fmt_int(20000, "de") == "20.000"


def test_short_money_for_chart_axes():
    assert fmt_money_short(1_250_000, "de") == "1,2 Mio. €"
    assert fmt_money_short(1_250_000, "en") == "€1.2m"
    assert fmt_money_short(350_000, "de") == "350 T€"
    assert fmt_money_short(350_000, "en") == "€350k"


def test_dates():
    assert fmt_date(dt.date(2026, 6, 30), "de") == "30.06.2026"
    assert fmt_date(pd.Timestamp("2026-06-30"), "en") == "30 Jun 2026"


@pytest.mark.parametrize("missing", [None, float("nan"), pd.NA])
def test_missing_values_show_a_dash(missing):
    assert fmt_money(missing, "de") == "–"
    assert fmt_pct(missing, "en") == "–"


def test_unsupported_language_is_a_clear_error():
    with pytest.raises(ValueError, match="unsupported language 'fr'"):
        fmt_money(1, "fr")


def test_unknown_message_key_fails_loudly():
    with pytest.raises(KeyError, match="no 'de' text"):
        t("does.not.exist", "de")


def test_formatter_binds_language():
    f = Formatter("en")
    assert f.money(1500) == "€1,500"
    assert f.pct(0.5, 0) == "50%"
    assert f.t("common.revenue") == "Revenue"
    assert f.date("2026-01-02") == "2 Jan 2026"


def test_count_of_one_picks_the_singular_text():
    # "<key>.one" exists for the data-quality lines; n may come formatted as text
    assert t("data.q_credit", "de", n="1", amount="5 €") == "1 Gutschriftzeile verrechnet (5 €)."
    assert t("data.q_credit", "de", n="2", amount="5 €") == "2 Gutschriftzeilen verrechnet (5 €)."
    assert t("data.q_without_sales", "en", n=1) == "1 customer without revenue in the data period."
    # a key without a singular variant keeps its text
    assert t("common.revenue", "en", n=1) == "Revenue"


def test_english_month_abbreviations_are_three_letters():
    assert fmt_date(dt.date(2026, 9, 30), "en") == "30 Sep 2026"


def test_catalogue_words_that_yaml_1_1_reads_as_values_stay_text():
    # "yes"/"no" unquoted in en/common.yaml: a plain YAML loader would return True/False
    assert t("common.yes", "en") == "yes"
    assert t("common.no", "en") == "no"


def test_plural_form_follows_babel_rules():
    from kamlib.i18n import plural_form

    assert [plural_form(n, "de") for n in (0, 1, 2, 1.5)] == ["other", "one", "other", "other"]
    assert plural_form(None, "en") == "other"
    # count= wins over a formatted n
    assert (
        t("data.q_credit", "en", count=1, n="x", amount="€5") == "1 credit-note line netted (€5)."
    )
    assert (
        t("data.q_credit", "en", count=2, n="1", amount="€5") == "1 credit-note lines netted (€5)."
    )


def test_money_short_switches_unit_by_the_rounded_value():
    from kamlib.i18n import fmt_money_short

    # 999,600 / 1,000 rounds to 1,000 thousands: shown as millions, not "1.000 T€"
    assert fmt_money_short(999_600, "de") == "1,0 Mio. €"
    assert fmt_money_short(-999_600, "en") == "-€1.0m"
    assert fmt_money_short(999_400, "de") == "999 T€"
