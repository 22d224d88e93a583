"""ABC / XYZ rules of METHODOLOGY.md section 1, each on a small hand-computed case."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kamlib.analysis.abc_xyz import (
    abc_classes,
    classify_cv,
    classify_frequency,
    month_index,
    month_start,
    xyz_classes,
)

JUN_2026 = 2026 * 12 + 5  # month index of June 2026


def _abc(values, ids=None, cutoffs=(0.80, 0.95)) -> pd.DataFrame:
    ids = ids or [f"C{i}" for i in range(len(values))]
    out = abc_classes(np.array(ids, dtype=object), np.array(values, dtype=float), cutoffs)
    out.index = ids
    return out


def test_month_index_is_year_times_12_plus_month_minus_1():
    idx = month_index(pd.Series(pd.to_datetime(["2026-06-30", "2025-07-01", "1969-12-31"])))
    # 2026*12 + 6 - 1 = 24317; 2025*12 + 7 - 1 = 24306; 1969*12 + 12 - 1 = 23639
    assert idx.tolist() == [24317, 24306, 23639]
    assert month_start(24317) == pd.Timestamp("2026-06-01")


def test_customer_crossing_80_percent_is_class_a():
    # values 70, 20, 5, 5 (total 100): before-shares 0, .70, .90, .95
    out = _abc([70, 20, 5, 5], ["a", "b", "c", "d"])
    # b starts at 70 % (< 80 %) and crosses the line -> still A; c starts at 90 % -> B;
    # d starts exactly at 95 % -> C
    assert out["abc_class"].tolist() == ["A", "A", "B", "C"]
    assert out["cum_before_share"].tolist() == pytest.approx([0.0, 0.70, 0.90, 0.95])
    assert out["cumulative_share"].tolist() == pytest.approx([0.70, 0.90, 0.95, 1.0])


def test_customer_starting_exactly_at_80_percent_is_class_b():
    # 50 + 30 = 80 of 100 before the third customer -> exactly 80 % -> B (not below 80 %)
    out = _abc([50, 30, 20], ["x", "y", "z"])
    assert out["abc_class"].tolist() == ["A", "A", "B"]


def test_float_noise_at_the_cutoff_counts_as_reaching_it():
    # 0.1 + 0.7 is 0.7999999999999999 in floats; of a total of 1.0 that is the 80 % line
    out = _abc([0.1, 0.7, 0.2], ["p", "q", "r"])
    # order q (.7), r (.2), p (.1): before r = .7 -> A; before p = .9 -> B
    assert out.loc["p", "abc_class"] == "B"
    out = _abc([0.7, 0.1, 0.1, 0.1], ["a", "b", "c", "d"])
    # before c = 0.7 + 0.1 = 0.7999999999999999 -> counts as 80 % -> B
    assert out.loc["c", "abc_class"] == "B"


def test_ties_are_ordered_by_customer_id_as_string():
    # 60 then three ties of 10 + one of 10; ids "9" and "10": as strings "10" < "9"
    out = _abc([60, 10, 10, 10, 10], ["A1", "9", "10", "B2", "B10"])
    # order: A1 (0), "10" (.6), "9" (.7), "B10" (.8), "B2" (.9)
    assert out.sort_values("abc_rank").index.tolist() == ["A1", "10", "9", "B10", "B2"]
    assert out.loc["10", "abc_class"] == "A"  # .6 before
    assert out.loc["9", "abc_class"] == "A"  # .7 before
    assert out.loc["B10", "abc_class"] == "B"  # .8 before
    assert out.loc["B2", "abc_class"] == "B"  # .9 before


def test_values_are_compared_in_whole_cents():
    # customer "b" bought 0.10 + 0.20 (= 0.30000000000000004 in floats), "a" 0.30 on one
    # line: in whole cents both are 0.30 -> a tie, ordered by id: "a" first, then "b".
    # Total 0.60; before "b" = 0.30 / 0.60 = 50 % -> both A; third customer "c" 0.60:
    # order c (0 before), a (.5), b (.75) -> a, b A; same values with c 0.90:
    # before a = .9 / 1.5 = 60 %, before b = 1.2 / 1.5 = 80 % -> b is B
    out = _abc([0.1 + 0.2, 0.3, 0.9], ["b", "a", "c"])
    assert out.sort_values("abc_rank").index.tolist() == ["c", "a", "b"]
    assert out["abc_class"].tolist() == ["B", "A", "A"]
    # a value under half a cent is zero: class C, no share
    out = _abc([100.0, 0.004], ["x", "y"])
    assert out.loc["y", "abc_class"] == "C" and out.loc["y", "value_share"] == 0.0


def test_zero_and_negative_values_are_class_c_with_zero_share():
    out = _abc([100, 0, -20], ["a", "b", "c"])
    assert out["abc_class"].tolist() == ["A", "C", "C"]
    assert out["value_share"].tolist() == [1.0, 0.0, 0.0]
    # shares are of the positive total (100), the credit note does not reduce it
    assert out["cumulative_share"].tolist() == [1.0, 1.0, 1.0]


def test_all_values_zero_gives_everyone_class_c():
    out = _abc([0, 0, -1])
    assert out["abc_class"].tolist() == ["C", "C", "C"]
    assert out["value_share"].sum() == 0.0


def test_custom_cutoffs_are_used():
    # 40/30/20/10: before .0 .4 .7 .9 -> with cut-offs 50 %/80 %: A A B C
    out = _abc([40, 30, 20, 10], cutoffs=(0.5, 0.8))
    assert out["abc_class"].tolist() == ["A", "A", "B", "C"]


# ---------------------------------------------------------------------------- XYZ


def _xyz(rows, first, **kw) -> pd.DataFrame:
    """rows: monthly revenue of the window; the last column is as_of's month (June 2026)."""
    arr = np.array(rows, dtype=float)
    start = JUN_2026 - arr.shape[1] + 1
    return xyz_classes(arr, np.array(first, dtype=float), start, JUN_2026, **kw)


def test_cv_is_population_cv_over_window_months_including_zero_months():
    # months 0, 10, 20, 30: mean 15; squared deviations 225, 25, 25, 225 -> var 500/4 = 125
    # std = sqrt(125) = 11.1803...; cv = 11.1803 / 15 = 0.745356 -> Y
    out = _xyz([[0, 10, 20, 30]], [JUN_2026 - 20])
    assert out.loc[0, "cv"] == pytest.approx(0.745356, abs=1e-6)
    assert out.loc[0, "cv_months"] == 4
    assert out.loc[0, "xyz_class"] == "Y"


def test_cv_boundaries_x_at_half_y_at_one():
    # two-month window, first purchase long before:
    # [1, 3]: mean 2, std sqrt((1 + 1) / 2) = 1 -> cv 0.5 -> X (X <= 0.5)
    # [0, 2]: mean 1, std 1 -> cv 1.0 -> Y (Y <= 1.0)
    # [0, 5]: mean 2.5, std 2.5 -> cv 1.0 -> Y
    out = _xyz([[1, 3], [0, 2], [0, 5]], [JUN_2026 - 10] * 3)
    assert out["cv"].tolist() == pytest.approx([0.5, 1.0, 1.0])
    assert out["xyz_class"].tolist() == ["X", "Y", "Y"]
    # three months [0, 0, 3]: mean 1, var (1 + 1 + 4) / 3 = 2 -> cv sqrt(2) = 1.414 -> Z
    out = _xyz([[0, 0, 3]], [JUN_2026 - 10])
    assert out.loc[0, "cv"] == pytest.approx(1.414214, abs=1e-6)
    assert out.loc[0, "xyz_class"] == "Z"
    assert classify_cv(np.array([0.5, 0.5000001, 1.0, 1.0000001, np.nan])).tolist() == [
        "X",
        "Y",
        "Y",
        "Z",
        "",
    ]


def test_cv_starts_at_first_purchase_month_inside_the_window():
    # first purchase in the 3rd of 6 window months: CV over [5, 5, 5, 5] = 0 -> X,
    # over all six months [0, 0, 5, 5, 5, 5] it would be 0.707
    out = _xyz([[0, 0, 5, 5, 5, 5]], [JUN_2026 - 3])
    assert out.loc[0, "cv_months"] == 4
    assert out.loc[0, "cv"] == 0.0
    assert out.loc[0, "xyz_class"] == "X"


def test_new_customer_boundary_counts_calendar_months_inclusively():
    # METHODOLOGY 1: "new" = first purchase in the last min_history_months (3) calendar
    # months up to and including as_of's month (June 2026) -> April, May or June 2026
    rows = [[0, 0, 0, 0, 5, 5], [0, 0, 0, 5, 5, 5], [0, 0, 0, 0, 0, 5], [0, 0, 5, 5, 5, 5]]
    # first purchase May 2026 -> May, June = 2 months <= 3 -> new
    # first purchase April 2026 -> April, May, June = 3 months <= 3 -> new
    # first purchase June 2026 -> 1 month -> new
    # first purchase March 2026 -> 4 months > 3 -> classified (cv of [5, 5, 5, 5] = 0 -> X)
    first = [JUN_2026 - 1, JUN_2026 - 2, JUN_2026, JUN_2026 - 3]
    out = _xyz(rows, first)
    assert out["xyz_class"].tolist() == ["new", "new", "new", "X"]
    assert out["history_months"].tolist() == [2, 3, 1, 4]
    assert np.isnan(out.loc[1, "cv"]) and out.loc[3, "cv"] == 0.0
    # with min_history_months=2 the April customer is classified (3 months > 2)
    out = _xyz(rows, first, min_history_months=2)
    assert out["xyz_class"].tolist() == ["new", "X", "new", "X"]


def test_no_revenue_in_window_has_no_xyz_class():
    # zero revenue, only a credit note, and never bought
    out = _xyz([[0, 0, 0], [0, -10, 0], [0, 0, 0]], [JUN_2026 - 30, JUN_2026 - 30, np.nan])
    assert out["xyz_class"].tolist() == ["", "", ""]
    assert out["cv"].isna().all()
    assert out["cv_months"].isna().all()


def test_frequency_variant_boundaries():
    # 4 months considered, 3 with an order: 0.75 -> X
    # 5 months considered, 2 with an order: 0.40 -> Y
    # 6 months considered, 2 with an order: 0.333 -> Z
    rows = [[0, 0, 1, 1, 0, 1], [0, 1, 0, 0, 0, 1], [1, 0, 0, 0, 0, 1]]
    first = [JUN_2026 - 3, JUN_2026 - 4, JUN_2026 - 40]
    out = _xyz(rows, first, method="frequency")
    assert out["order_month_share"].tolist() == pytest.approx([0.75, 0.40, 2 / 6])
    assert out["xyz_class"].tolist() == ["X", "Y", "Z"]
    assert classify_frequency(np.array([0.7499, 0.3999])).tolist() == ["Y", "Z"]


def test_credit_note_month_is_not_an_order_month():
    # months: 10, -2, 10 -> the middle month has negative net revenue: 2 of 3 order months
    out = _xyz([[10, -2, 10]], [JUN_2026 - 5], method="frequency")
    assert out.loc[0, "order_month_share"] == pytest.approx(2 / 3)


# ---------------------------------------------------------------------- properties


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.floats(min_value=-1e6, max_value=1e7, allow_nan=False, allow_infinity=False),
        min_size=1,
        max_size=40,
    )
)
def test_abc_properties(values):
    out = _abc(values)
    # values are compared in whole cents: below half a cent is zero
    vals = np.round(np.array(values), 2)
    pos = vals > 0
    # shares sum to 1 over positive values (0 when there are none)
    assert out["value_share"].sum() == pytest.approx(1.0 if pos.any() else 0.0)
    assert (out.loc[~pos, "value_share"] == 0).all()
    # exactly one class each
    assert out["abc_class"].isin(["A", "B", "C"]).all()
    assert (out.loc[~pos, "abc_class"] == "C").all()
    # classes are monotone in value: a larger value never gets a worse class
    rank = out["abc_class"].map({"A": 0, "B": 1, "C": 2}).to_numpy()
    order = np.argsort(-vals, kind="stable")
    sorted_vals = vals[order]
    sorted_rank = rank[order]
    for i in range(len(vals) - 1):
        if sorted_vals[i] > sorted_vals[i + 1]:
            assert sorted_rank[i] <= sorted_rank[i + 1]
    # ranks are a permutation 1..n
    assert sorted(out["abc_rank"]) == list(range(1, len(vals) + 1))


@settings(max_examples=40, deadline=None)
@given(
    st.lists(
        st.lists(st.floats(min_value=0, max_value=1e5, allow_nan=False), min_size=6, max_size=6),
        min_size=1,
        max_size=10,
    ),
    st.integers(min_value=0, max_value=8),
)
def test_xyz_properties(rows, back):
    out = _xyz(rows, [JUN_2026 - back] * len(rows))
    assert out["xyz_class"].isin(["X", "Y", "Z", "new", ""]).all()
    has = np.array(rows).sum(axis=1) > 0
    assert (out.loc[~has, "xyz_class"] == "").all()
    assert (out["cv"].dropna() >= 0).all()
