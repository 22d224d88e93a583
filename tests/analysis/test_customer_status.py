"""Section 0 of METHODOLOGY.md: purchase, purchase day, lost, became lost, status.

Every expected value below is worked out by hand from the calendar; the
comment next to it says how.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from dateutil.relativedelta import relativedelta
from hypothesis import given
from hypothesis import strategies as st

from kamlib.analysis.customer_status import (
    add_months,
    became_lost_on,
    customer_status,
    is_lost,
    is_purchase,
    lost_cutoff,
    lost_per_year,
    purchase_days,
)

T = pd.Timestamp


def _sales(rows: list[tuple[str, str, float]]) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "date": pd.to_datetime([r[0] for r in rows]),
            "customer_id": [r[1] for r in rows],
            "net_revenue": [float(r[2]) for r in rows],
        }
    )


def _status(rows, ids, as_of, months=12) -> pd.DataFrame:
    return customer_status(ids, _sales(rows), as_of, months).set_index("customer_id")


# ---------------------------------------------------------------- calendar months


@pytest.mark.parametrize(
    ("date", "months", "expected"),
    [
        ("2026-06-30", -12, "2025-06-30"),  # same day a year earlier
        ("2026-03-31", -1, "2026-02-28"),  # 31 Feb does not exist: clamp to 28 Feb
        ("2024-03-31", -1, "2024-02-29"),  # leap year: clamp to 29 Feb
        ("2024-02-29", -12, "2023-02-28"),  # no 29 Feb in 2023
        ("2024-02-29", 12, "2025-02-28"),
        ("2023-02-28", 12, "2024-02-28"),  # the day is kept, not moved to month end
        ("2026-01-31", 1, "2026-02-28"),
        ("2025-12-15", 1, "2026-01-15"),  # across the year
        ("2026-08-31", -6, "2026-02-28"),
    ],
)
def test_add_months_keeps_the_day_and_clamps_to_month_end(date, months, expected):
    assert add_months(T(date), months) == T(expected)
    assert add_months([date], months)[0] == T(expected)


def test_add_months_keeps_nat_and_drops_the_time_of_day():
    got = add_months([T("2026-01-31 17:45"), pd.NaT], 1)
    assert got[0] == T("2026-02-28")
    assert pd.isna(got[1])
    assert pd.isna(add_months(pd.NaT, 3))


@pytest.mark.parametrize(
    ("as_of", "months", "cutoff"),
    [
        ("2026-06-30", 12, "2025-06-30"),  # METHODOLOGY's example
        ("2026-03-31", 1, "2026-02-28"),
        ("2026-02-28", 12, "2025-02-28"),
        ("2024-02-29", 12, "2023-02-28"),
        ("2025-02-28", 12, "2024-02-28"),  # 2024 has a 29 Feb, but the day is kept
    ],
)
def test_lost_cutoff(as_of, months, cutoff):
    assert lost_cutoff(T(as_of), months) == T(cutoff)


# ---------------------------------------------------------------- purchase


def test_zero_value_line_is_a_purchase_credit_note_and_nan_are_not():
    assert is_purchase([0.0, 12.5, -3.0, np.nan]).tolist() == [True, True, False, False]


def test_zero_value_line_makes_a_customer_a_buyer_credit_note_does_not():
    rows = [
        ("2026-05-10", "ZERO", 0.0),  # free replacement: a purchase
        ("2026-05-10", "CREDIT", -40.0),  # credit note only: never bought
    ]
    got = _status(rows, ["ZERO", "CREDIT"], "2026-06-30")
    assert got.loc["ZERO", "status"] == "active"
    assert got.loc["ZERO", "last_purchase"] == T("2026-05-10")
    assert got.loc["CREDIT", "status"] == "never_bought"
    assert pd.isna(got.loc["CREDIT", "last_purchase"])


def test_credit_note_after_the_last_purchase_does_not_move_it():
    # purchase 2025-01-10, credit note 2026-06-01: last purchase stays 2025-01-10,
    # which is before the cut-off 2025-06-30 -> lost, became lost 2026-01-10
    rows = [("2025-01-10", "A", 500.0), ("2026-06-01", "A", -500.0)]
    got = _status(rows, ["A"], "2026-06-30")
    assert got.loc["A", "last_purchase"] == T("2025-01-10")
    assert got.loc["A", "status"] == "lost"
    assert got.loc["A", "lost_on"] == T("2026-01-10")


def test_lines_after_as_of_are_ignored():
    # the 2026-07-01 order lies after as_of 2026-06-30: the customer is still lost
    rows = [("2025-01-15", "A", 70.0), ("2026-07-01", "A", 999.0), ("2026-07-01", "B", 5.0)]
    got = _status(rows, ["A", "B"], "2026-06-30")
    assert got.loc["A", "status"] == "lost"
    assert got.loc["A", "last_purchase"] == T("2025-01-15")
    assert got.loc["B", "status"] == "never_bought"


def test_a_line_on_as_of_counts_whatever_its_time_of_day():
    rows = [("2026-06-30 18:30", "A", 10.0)]
    got = _status(rows, ["A"], "2026-06-30")
    assert got.loc["A", "last_purchase"] == T("2026-06-30")
    assert got.loc["A", "status"] == "active"


def test_purchase_days_are_distinct_days_with_a_purchase():
    rows = [
        ("2026-01-05", "A", 10.0),
        ("2026-01-05", "A", 20.0),  # same day: one purchase day
        ("2026-01-06", "A", -5.0),  # credit note only: no purchase day
        ("2026-01-07", "A", 0.0),  # zero value: a purchase day
        ("2026-07-01", "A", 1.0),  # after as_of
    ]
    got = _status(rows, ["A"], "2026-06-30")
    assert got.loc["A", "purchase_days"] == 2
    assert got.loc["A", "first_purchase"] == T("2026-01-05")
    days = purchase_days(_sales(rows), "2026-06-30")
    assert days["day"].tolist() == [T("2026-01-05"), T("2026-01-07")]
    assert days["customer_id"].tolist() == ["A", "A"]


# ---------------------------------------------------------------- lost boundary


def test_lost_boundary_exactly_n_months_is_not_yet_lost():
    # as_of 2026-06-30, N 12: cut-off 2025-06-30 -> lost when the last purchase is on
    # or before 2025-06-29; a purchase on 2025-06-30 is exactly 12 months old
    rows = [("2025-06-29", "OLD", 1.0), ("2025-06-30", "EXACT", 1.0), ("2025-07-01", "NEW", 1.0)]
    got = _status(rows, ["OLD", "EXACT", "NEW"], "2026-06-30")
    assert got["status"].to_dict() == {"OLD": "lost", "EXACT": "active", "NEW": "active"}
    assert got.loc["OLD", "lost_on"] == T("2026-06-29")  # 2025-06-29 + 12 months
    assert got[["lost_on"]].loc[["EXACT", "NEW"]].isna().all().all()


def test_month_end_clamping_as_of_31_march_one_month():
    # as_of 2026-03-31 - 1 month clamps to 2026-02-28: last purchase 2026-02-27 is
    # lost (became lost 2026-03-27); 2026-02-28 is exactly one month and stays active
    # although 2026-02-28 + 1 month = 2026-03-28 lies before as_of
    rows = [("2026-02-27", "A", 1.0), ("2026-02-28", "B", 1.0)]
    got = _status(rows, ["A", "B"], "2026-03-31", months=1)
    assert got.loc["A", "status"] == "lost"
    assert got.loc["A", "lost_on"] == T("2026-03-27")
    assert got.loc["B", "status"] == "active"
    assert pd.isna(got.loc["B", "lost_on"])


@pytest.mark.parametrize(
    ("as_of", "lost_last", "lost_on", "active_last"),
    [
        # as_of 2026-02-28 - 12 = 2025-02-28
        ("2026-02-28", "2025-02-27", "2026-02-27", "2025-02-28"),
        # leap as_of: 2024-02-29 - 12 = 2023-02-28 (clamped)
        ("2024-02-29", "2023-02-27", "2024-02-27", "2023-02-28"),
        # as_of 2025-02-28 - 12 = 2024-02-28, the leap day 2024-02-29 is after it
        ("2025-02-28", "2024-02-27", "2025-02-27", "2024-02-28"),
        # last purchase on a leap day: 2024-02-29 + 12 = 2025-02-28 (clamped)
        ("2025-03-01", "2024-02-29", "2025-02-28", "2024-03-01"),
    ],
)
def test_leap_year_boundaries(as_of, lost_last, lost_on, active_last):
    rows = [(lost_last, "L", 1.0), (active_last, "K", 1.0)]
    got = _status(rows, ["L", "K"], as_of)
    assert got.loc["L", "status"] == "lost"
    assert got.loc["L", "lost_on"] == T(lost_on)
    assert got.loc["K", "status"] == "active"


def test_is_lost_and_became_lost_on_for_plain_dates():
    last = [T("2025-06-29"), T("2025-06-30"), pd.NaT]
    assert is_lost(last, T("2026-06-30"), 12).tolist() == [True, False, False]
    became = became_lost_on(last, 12)
    assert became[0] == T("2026-06-29")
    assert became[1] == T("2026-06-30")
    assert pd.isna(became[2])


def test_lost_in_year_means_became_lost_in_year():
    # last purchase 2024-12-15 -> became lost 2025-12-15: a 2025 loss, not 2024;
    # 2024-06-10 -> 2025-06-10 (2025); 2023-11-02 -> 2024-11-02 (2024)
    rows = [("2024-12-15", "A", 1.0), ("2024-06-10", "B", 1.0), ("2023-11-02", "C", 1.0)]
    got = customer_status(["A", "B", "C"], _sales(rows), "2026-06-30")
    counts = lost_per_year(got["lost_on"], [2024, 2025, 2026])
    assert counts.to_dict() == {2024: 1, 2025: 2, 2026: 0}


def test_customers_keep_the_given_order_and_unknown_sales_are_ignored():
    rows = [("2026-01-01", "X", 1.0), ("2026-01-01", "B", 1.0)]
    got = customer_status(["B", "A"], _sales(rows), "2026-06-30")
    assert got["customer_id"].tolist() == ["B", "A"]
    assert got["status"].tolist() == ["active", "never_bought"]


# ---------------------------------------------------------------- against a plain reference


def _reference(lines, as_of, months):
    """Per-customer status written plainly with dateutil (which also clamps)."""
    out = {}
    for cid in {c for _, c, _ in lines}:
        days = [d for d, c, r in lines if c == cid and r >= 0 and d <= as_of]
        if not days:
            out[cid] = ("never_bought", None)
            continue
        last = max(days)
        if last < as_of - relativedelta(months=months):
            out[cid] = ("lost", last + relativedelta(months=months))
        else:
            out[cid] = ("active", None)
    return out


_day = st.dates(
    min_value=pd.Timestamp("2022-01-01").date(), max_value=pd.Timestamp("2026-12-31").date()
)


@given(
    lines=st.lists(
        st.tuples(_day, st.sampled_from(["A", "B", "C", "D"]), st.sampled_from([-5.0, 0.0, 7.5])),
        max_size=25,
    ),
    as_of=_day,
    months=st.integers(min_value=1, max_value=36),
)
def test_status_matches_a_plain_reference(lines, as_of, months):
    ref = _reference(lines, as_of, months)
    sales = pd.DataFrame(
        {
            "date": pd.to_datetime([d for d, _, _ in lines]),
            "customer_id": pd.Series([c for _, c, _ in lines], dtype=object),
            "net_revenue": pd.Series([r for _, _, r in lines], dtype=float),
        }
    )
    got = customer_status(sorted(ref), sales, as_of, months).set_index("customer_id")
    for cid, (status, lost_on) in ref.items():
        assert got.loc[cid, "status"] == status
        if lost_on is None:
            assert pd.isna(got.loc[cid, "lost_on"])
        else:
            assert got.loc[cid, "lost_on"] == T(lost_on)
            assert got.loc[cid, "lost_on"] < T(as_of)  # a lost customer became lost before as_of
