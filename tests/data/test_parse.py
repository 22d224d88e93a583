"""Value conversion: numbers, dates, booleans, categories (kamlib.data.parse)."""

from __future__ import annotations

import numpy as np
import pandas as pd

from kamlib.data import parse


def s(*values):
    return pd.Series(list(values), dtype="str")


def test_german_numbers_with_thousands_dots_and_decimal_comma():
    values, bad, dec = parse.number(s("1.234,56", "12,5", "-3", None), ",")
    assert dec == ","
    assert values.tolist()[:3] == [1234.56, 12.5, -3.0]
    assert np.isnan(values.iloc[3]) and not bad.any()


def test_english_numbers_detected_even_in_a_semicolon_file():
    # "12.50" and "1,234.56" can only be read the English way
    values, bad, dec = parse.number(s("12.50", "1,234.56"), ",")
    assert dec == "." and values.tolist() == [12.5, 1234.56] and not bad.any()


def test_sap_trailing_minus_brackets_and_currency_signs_are_negative_or_stripped():
    values, bad, _ = parse.number(s("120,50-", "(80,00)", "1.000 €", "EUR 5"), ",")
    assert values.tolist() == [-120.5, -80.0, 1000.0, 5.0] and not bad.any()


def test_ambiguous_value_in_the_other_convention_is_bad_not_guessed():
    # column uses decimal commas; "99.95" could mean 9995 -> reported
    values, bad, _ = parse.number(s("1,50", "2,75", "99.95"), ",")
    assert bad.tolist() == [False, False, True] and np.isnan(values.iloc[2])


def test_integer_rejects_fractions():
    values, bad = parse.integer(s("3", "2,5", "4,0"), ",")
    assert bad.tolist() == [False, True, False]
    assert values.iloc[0] == 3 and values.iloc[2] == 4


def test_dates_in_all_accepted_forms():
    # 45658 = Excel serial of 2025-01-01 (days since 1899-12-30)
    values, bad = parse.date(
        s(
            "31.12.2025",
            "2025-12-31",
            "31/12/2025",
            "20251231",
            "45658",
            "31.12.25",
            "2025-12-31 13:45:00",
        )
    )
    assert not bad.any()
    assert (
        values.tolist()
        == [pd.Timestamp("2025-12-31")] * 4
        + [pd.Timestamp("2025-01-01")]
        + [pd.Timestamp("2025-12-31")] * 2
    )


def test_impossible_dates_are_bad():
    _, bad = parse.date(s("31.02.2025", "gestern", None))
    assert bad.tolist() == [True, True, False]


def test_booleans_in_german_and_english():
    values, bad = parse.boolean(s("ja", "Nein", "x", "yes", "0", None, "vielleicht"))
    assert values.tolist() == [True, False, True, True, False, False, False]
    assert bad.tolist() == [False] * 6 + [True]


def test_category_maps_german_role_names():
    values, bad = parse.category(
        s("Entscheider", "Einkäufer", "USER", "Hausmeister"),
        ("decider", "buyer", "user"),
        {"entscheider": "decider", "einkaeufer": "buyer"},
    )
    assert values.tolist()[:3] == ["decider", "buyer", "user"] and bad.tolist() == [
        False,
        False,
        False,
        True,
    ]
