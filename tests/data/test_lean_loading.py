"""The lean loading path (issue 17): categorical text columns give the same results."""

from __future__ import annotations

import numpy as np
import pandas as pd

from kamlib.data import parse
from kamlib.data.validate import _duplicate_lines


def _cat(*values):
    return pd.Series(pd.Categorical(list(values)))


def test_numbers_parse_alike_from_categorical_and_plain_text():
    values = ("1.234,56", "12,5", None, "12,5", "120,50-", "abc")
    plain, bad_plain, dec_plain = parse.number(pd.Series(values, dtype="str"), ",")
    cat, bad_cat, dec_cat = parse.number(_cat(*values), ",")
    # by hand: 1234.56, 12.5, missing (not bad), 12.5, -120.5 (SAP minus), abc is bad
    assert dec_plain == dec_cat == ","
    np.testing.assert_array_equal(plain.to_numpy(), [1234.56, 12.5, np.nan, 12.5, -120.5, np.nan])
    np.testing.assert_array_equal(cat.to_numpy(), plain.to_numpy())
    assert bad_cat.tolist() == bad_plain.tolist() == [False, False, False, False, False, True]


def test_unused_categories_do_not_decide_the_day_month_order():
    # "13/01/2025" proves day-first, but no cell uses it any more (a removed row)
    s = pd.Series(pd.Categorical(["01/02/2025", "03/04/2025"], categories=["01/02/2025",
                                  "03/04/2025", "13/01/2025"]))  # fmt: skip
    got = parse.date_column(s)
    # left alone, 01/02 and 03/04 cannot be told apart: undecided, as for plain text
    assert got.day_month.order == "ambiguous"
    assert got.undecided.tolist() == [True, True]


def test_categorical_text_sorts_its_categories_like_the_texts():
    got = parse.categorical_text(_cat("b", "a", None, "b"))
    assert list(got.cat.categories) == ["a", "b"]
    assert got.cat.codes.tolist() == [1, 0, -1, 1]
    assert got.astype(object).where(got.notna(), None).tolist() == ["b", "a", None, "b"]


def test_text_of_a_categorical_is_plain_strings():
    values, bad = parse.text(_cat("x", None, "y"))
    assert values.dtype == "str" and values.isna().tolist() == [False, True, False]
    assert values.iloc[[0, 2]].tolist() == ["x", "y"] and not bad.any()


def test_duplicate_lines_keep_the_first_and_ignore_incomplete_keys():
    invoice = pd.Series(["A", "A", "B", "A", None, "B", "A"], dtype="str")
    line = pd.Series([1, 1, 1, 2, 1, None, 1], dtype="Int64")
    # by hand: (A,1) at 0, 1 and 6 -> 1 and 6 repeat it; (B,1), (A,2) once; 4 and 5 lack a part
    got = _duplicate_lines(invoice, line)
    assert got.tolist() == [False, True, False, False, False, False, True]
