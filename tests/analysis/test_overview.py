"""Customer base overview: rules of kamlib.analysis.overview pinned on hand-computed cases.

The main fixture (as_of 2026-06-30, so the current window is Jul 2025 - Jun 2026
and the previous window Jul 2024 - Jun 2025):

    C1 Bau / Nord / key account   2024-01-10  +1000 (DB 300)
                                  2024-09-01   -200 (DB -60)   credit note
                                  2025-02-01  +1500 (DB 450)
                                  2026-01-15  +2000 (DB 500)
    C2 Bau / Süd                  2024-05-01   +500 (DB 100)
                                  2025-06-30   +600 (DB 150)
                                  2025-07-01   +700 (DB 140)
                                  2026-07-05   +999            after as_of: ignored
    C3 Chemie / (no region)       2024-06-15   +400 (no DB)
                                  2025-06-30   +300 (DB 90)    exactly 12 months before as_of
    C4 (no industry) / Nord       2026-06-30   +100 (DB 20)
    C5 Chemie / Süd               2025-08-01    -50 (DB -10)   a credit note only
"""

from __future__ import annotations

import math
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kamlib.analysis import overview as ov
from kamlib.config import ClientConfig, OverviewSettings, WinbackSettings
from kamlib.data.client import ClientData

AS_OF = "2026-06-30"

SALES = [
    ("2024-01-10", "C1", 1000.0, 300.0),
    ("2024-09-01", "C1", -200.0, -60.0),
    ("2025-02-01", "C1", 1500.0, 450.0),
    ("2026-01-15", "C1", 2000.0, 500.0),
    ("2024-05-01", "C2", 500.0, 100.0),
    ("2025-06-30", "C2", 600.0, 150.0),
    ("2025-07-01", "C2", 700.0, 140.0),
    ("2026-07-05", "C2", 999.0, 99.0),
    ("2024-06-15", "C3", 400.0, float("nan")),
    ("2025-06-30", "C3", 300.0, 90.0),
    ("2026-06-30", "C4", 100.0, 20.0),
    ("2025-08-01", "C5", -50.0, -10.0),
]
CUSTOMERS = pd.DataFrame(
    {
        "customer_id": ["C1", "C2", "C3", "C4", "C5"],
        "name": ["Alpha AG", "Beta GmbH", "Gamma KG", "Delta SE", "Epsilon OHG"],
        "industry": ["Bau", "Bau", "Chemie", "", "Chemie"],
        "region": ["Nord", "Süd", None, "Nord", "Süd"],
        "is_key_account": [True, False, False, False, False],
    }
)


def make_client(
    sales=SALES,
    customers=CUSTOMERS,
    as_of: str | None = AS_OF,
    lost_months: int = 12,
    **overview,
) -> ClientData:
    df = pd.DataFrame(sales, columns=["date", "customer_id", "net_revenue", "contribution_margin"])
    df["date"] = pd.to_datetime(df["date"])
    config = ClientConfig(
        name="Test GmbH",
        as_of=as_of,
        overview=OverviewSettings(**overview),
        winback=WinbackSettings(lost_after_months=lost_months),
    )
    return ClientData(Path("/nonexistent/test-client"), config, customers.copy(), df)


@pytest.fixture(scope="module")
def result() -> ov.OverviewResult:
    return ov.analyse(make_client())


# ---------------------------------------------------------------- yearly


def test_yearly_sums_net_credit_notes_and_ignore_lines_after_as_of(result):
    y = result.yearly.set_index("year")
    # 2024: 1000 - 200 + 500 + 400 = 1700
    assert y.loc[2024, "revenue"] == pytest.approx(1700)
    # 2025: 1500 + 600 + 700 + 300 - 50 = 3050
    assert y.loc[2025, "revenue"] == pytest.approx(3050)
    # 2026 up to as_of: 2000 + 100 = 2100 (the 999 on 2026-07-05 is after as_of)
    assert y.loc[2026, "revenue"] == pytest.approx(2100)


def test_margin_pct_uses_only_revenue_of_lines_with_a_margin(result):
    y = result.yearly.set_index("year")
    # 2024: margin 300 - 60 + 100 = 340 on revenue 1000 - 200 + 500 = 1300 (C3's 400 has no DB)
    assert y.loc[2024, "margin"] == pytest.approx(340)
    assert y.loc[2024, "margin_pct"] == pytest.approx(340 / 1300)
    # 2025: 450 + 150 + 140 + 90 - 10 = 820 on 3050
    assert y.loc[2025, "margin_pct"] == pytest.approx(820 / 3050)


def test_active_customers_count_purchases_not_credit_notes(result):
    y = result.yearly.set_index("year")
    assert y.loc[2024, "customers"] == 3  # C1, C2, C3
    assert y.loc[2025, "customers"] == 3  # C1, C2, C3 - C5 only has a credit note
    assert y.loc[2026, "customers"] == 2  # C1, C4


def test_full_year_growth_compares_with_previous_calendar_year(result):
    y = result.yearly.set_index("year")
    assert not y.loc[2025, "is_ytd"]
    assert y.loc[2025, "growth"] == pytest.approx(3050 / 1700 - 1)  # +79.4 %


def test_as_of_year_is_ytd_and_compared_like_for_like(result):
    y = result.yearly.set_index("year")
    assert y.loc[2026, "is_ytd"]
    assert y.loc[2026, "period_end"] == pd.Timestamp(AS_OF)
    # 1 Jan - 30 Jun 2025, the same day included: 1500 + 600 + 300 = 2400
    # (C2's 700 on 1 Jul and C5's credit note in August are outside)
    assert y.loc[2026, "prev_revenue"] == pytest.approx(2400)
    assert y.loc[2026, "growth"] == pytest.approx(2100 / 2400 - 1)  # -12.5 %


def test_as_of_on_31_december_makes_a_full_year_not_ytd():
    r = ov.analyse(make_client(as_of="2025-12-31"))
    y = r.yearly.set_index("year")
    assert not y["is_ytd"].any()
    assert y.loc[2025, "growth"] == pytest.approx(3050 / 1700 - 1)


def test_no_growth_against_a_year_the_data_cover_only_partly():
    # data start in May 2024: 2024 is incomplete, so 2025's growth is not comparable
    late = [row for row in SALES if row[0] >= "2024-05-01"]
    y = ov.analyse(make_client(sales=late)).yearly.set_index("year")
    assert not y.loc[2024, "complete"]
    assert math.isnan(y.loc[2025, "growth"])


def test_yearly_shows_the_last_n_years():
    r = ov.analyse(make_client(years=2))
    assert r.yearly["year"].tolist() == [2025, 2026]
    # growth of the first shown year still uses the hidden year before
    assert r.yearly["growth"].iloc[0] == pytest.approx(3050 / 1700 - 1)


# ---------------------------------------------------------------- monthly and window


def test_monthly_series_is_gapless_with_previous_year_month(result):
    m = result.monthly.set_index("month")
    assert len(m) == 30  # Jan 2024 - Jun 2026
    assert m.loc["2024-02-01", "revenue"] == 0  # empty month kept as 0
    assert m.loc["2026-06-01", "revenue"] == pytest.approx(100)
    # June 2025: C2 600 + C3 300
    assert m.loc["2026-06-01", "prev_year_revenue"] == pytest.approx(900)
    assert math.isnan(m.loc["2024-06-01", "prev_year_revenue"])  # before the data


def test_current_window_is_twelve_months_ending_with_as_of_month(result):
    assert result.window_start == pd.Timestamp("2025-07-01")
    assert result.window_end == pd.Timestamp("2026-06-30")
    # 700 (C2) - 50 (C5) + 2000 (C1) + 100 (C4) = 2750
    assert result.current.revenue == pytest.approx(2750)
    assert result.current.customers == 3
    # previous window Jul 2024 - Jun 2025: -200 + 1500 + 600 + 300 = 2200
    assert result.previous.revenue == pytest.approx(2200)
    assert result.window_growth == pytest.approx(2750 / 2200 - 1)  # +25 %


# ---------------------------------------------------------------- dimensions


def test_by_industry_shares_of_net_window_revenue(result):
    t = result.by_industry.set_index("key")
    assert list(t.index) == ["Bau", ov.UNKNOWN, "Chemie"]  # by revenue; blank industry = unknown
    # Bau 2000 + 700 = 2700 of 2750
    assert t.loc["Bau", "share"] == pytest.approx(2700 / 2750)
    assert t.loc["Bau", "customers"] == 2
    # previous window: C1 -200 + 1500 and C2 600 = 1900
    assert t.loc["Bau", "growth"] == pytest.approx(2700 / 1900 - 1)
    # Chemie: only C5's credit note now (-50) against C3's 300 before
    assert t.loc["Chemie", "revenue"] == pytest.approx(-50)
    assert t.loc["Chemie", "customers"] == 0
    assert t.loc["Chemie", "growth"] == pytest.approx(-50 / 300 - 1)
    assert t["share"].sum() == pytest.approx(1.0)


def test_category_without_window_sales_still_listed(result):
    t = result.by_region.set_index("key")
    # C3 (no region) bought only in the previous window: 0 now, 300 before
    assert t.loc[ov.UNKNOWN, "revenue"] == 0
    assert t.loc[ov.UNKNOWN, "prev_revenue"] == pytest.approx(300)
    # Nord: C1 2000 + C4 100; Süd: C2 700 - C5 50
    assert t.loc["Nord", "revenue"] == pytest.approx(2100)
    assert t.loc["Süd", "revenue"] == pytest.approx(650)


def test_small_categories_collapse_into_other_listed_last():
    values = pd.DataFrame(
        {"revenue": [50.0, 30.0, 15.0, 5.0], "margin": [np.nan] * 4, "active": [1, 1, 1, 1]},
        index=pd.Index(["a", "b", "c", "d"], name="customer_id"),
    )
    customers = pd.DataFrame(
        {"customer_id": ["a", "b", "c", "d"], "industry": ["W", "X", "Y", "Z"]}
    )
    t = ov.by_dimension(values, values.iloc[:0], customers, "industry", max_categories=3)
    assert t["key"].tolist() == ["W", "X", ov.OTHER]
    assert t["revenue"].tolist() == [50, 30, 20]  # other = 15 + 5
    assert t["customers"].tolist() == [1, 1, 2]


@settings(max_examples=30, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.integers(0, 9),  # customer
            st.integers(0, 364),  # day in the window
            st.floats(-500, 5000, allow_nan=False).map(lambda v: round(v, 2)),
        ),
        min_size=1,
        max_size=40,
    ),
    st.integers(3, 6),
)
def test_dimension_shares_sum_to_one_and_revenue_to_window_total(lines_, max_categories):
    start = pd.Timestamp("2025-07-01")
    sales = [
        ((start + pd.Timedelta(days=d)).strftime("%Y-%m-%d"), f"K{c}", v, v * 0.3)
        for c, d, v in lines_
    ]
    customers = pd.DataFrame(
        {
            "customer_id": [f"K{i}" for i in range(10)],
            "name": [f"Kunde {i}" for i in range(10)],
            "industry": ["A", "B", "C", "D", "E", "F", "G", "", None, "A"],
            "region": ["N", "S"] * 5,
        }
    )
    df = pd.DataFrame(sales, columns=["date", "customer_id", "net_revenue", "contribution_margin"])
    lines = ov.prepare_lines(df.assign(date=pd.to_datetime(df["date"])), pd.Timestamp(AS_OF))
    current = ov.customer_values(lines, start, pd.Timestamp(AS_OF))
    previous = current.iloc[:0]
    total = sum(v for _, _, v in lines_)
    for column in ("industry", "region"):
        table = ov.by_dimension(current, previous, customers, column, max_categories)
        assert table["revenue"].sum() == pytest.approx(total, abs=1e-6)
        assert len(table) <= max_categories
        if abs(total) > 1e-6:
            assert table["share"].sum() == pytest.approx(1.0)


# ---------------------------------------------------------------- top customers, concentration


def test_top_customers_share_of_positive_revenue_with_key_account_flag(result):
    top = result.top_customers
    assert top["customer_id"].tolist() == ["C1", "C2", "C4"]  # C5 (credit only) not ranked
    # base = positive window revenue 2000 + 700 + 100 = 2800
    assert top["share"].tolist() == pytest.approx([2000 / 2800, 700 / 2800, 100 / 2800])
    assert top["cumulative_share"].tolist() == pytest.approx([2000 / 2800, 2700 / 2800, 1.0])
    assert top["is_key_account"].tolist() == [True, False, False]
    assert top["name"].iloc[0] == "Alpha AG"


def _values(revenues: list[float]) -> pd.DataFrame:
    ids = [f"K{i:02d}" for i in range(len(revenues))]
    return pd.DataFrame({"revenue": revenues}, index=pd.Index(ids, name="customer_id"))


def test_top_ten_percent_of_thirty_customers_is_three():
    # 30 customers with revenue 30, 29, ..., 1: total 465. 30 * 0.1 is
    # 3.0000000000000004 in floating point - still three customers, not four.
    c = ov.concentration(_values([float(v) for v in range(30, 0, -1)]))
    assert c.top10_customers == 3
    assert c.top10_share == pytest.approx((30 + 29 + 28) / 465)  # 87 / 465 = 18.7 %
    assert c.top20_customers == 6
    assert c.top20_share == pytest.approx(sum(range(25, 31)) / 465)  # 165 / 465 = 35.5 %
    # 80 % of 465 = 372; top 16 sum to 480 - 120 = 360, top 17 to 510 - 136 = 374
    assert c.customers_for_80 == 17


def test_top_ten_percent_rounds_up_to_whole_customers():
    # 25 customers: 10 % = 2.5 -> 3 customers; 20 % = 5 customers
    c = ov.concentration(_values([100.0] + [10.0] * 24))
    assert (c.top10_customers, c.top20_customers) == (3, 5)
    assert c.top10_share == pytest.approx(120 / 340)


def test_concentration_ignores_customers_without_positive_revenue(result):
    c = result.concentration
    assert c.customers == 3 and c.revenue == pytest.approx(2800)
    # 3 customers: 10 % and 20 % both round up to one customer, C1 with 2000 / 2800
    assert c.top10_customers == c.top20_customers == 1
    assert c.top10_share == pytest.approx(2000 / 2800)
    assert c.customers_for_80 == 2  # 71.4 % after one, 96.4 % after two
    # HHI = (2000/2800)^2 + (700/2800)^2 + (100/2800)^2
    assert c.hhi == pytest.approx((5 / 7) ** 2 + 0.25**2 + (1 / 28) ** 2)
    assert c.level == "moderate"  # top 20 % (one customer) hold 71.4 %: between 60 and 80 %
    assert c.lorenz.iloc[0].tolist() == [0.0, 0.0]
    assert c.lorenz.iloc[-1].tolist() == pytest.approx([1.0, 1.0])


def test_concentration_levels_follow_the_bands():
    # 10 customers; top 20 % = top two
    broad = ov.concentration(_values([10.0] * 10))  # 20 %
    moderate = ov.concentration(_values([35.0, 35.0] + [3.75] * 8))  # 70 / 100
    strong = ov.concentration(_values([40.0, 40.0] + [2.5] * 8))  # exactly 80 / 100
    assert (broad.level, moderate.level, strong.level) == ("broad", "moderate", "strong")


@settings(max_examples=60, deadline=None)
@given(st.lists(st.floats(-100, 1e6, allow_nan=False), min_size=1, max_size=60))
def test_pareto_curve_rises_concavely_to_one(revenues):
    c = ov.concentration(_values(revenues))
    if c.customers == 0:
        return
    y = c.lorenz["revenue_share"].to_numpy()
    assert np.all(np.diff(y) >= -1e-12)  # never falls
    assert np.all(np.diff(y, 2) <= 1e-9)  # largest first: increments shrink
    assert y[-1] == pytest.approx(1.0)
    assert c.top10_share <= c.top20_share + 1e-12
    assert 1 / c.customers - 1e-12 <= c.hhi <= 1 + 1e-12


# ---------------------------------------------------------------- new and lost


def test_new_and_lost_customers_per_year(result):
    flow = result.customer_flow.set_index("year")
    # 2024 is the first data year: everyone looks new, so "new" stays empty
    assert math.isnan(flow.loc[2024, "new"])
    assert flow.loc[2025, "new"] == 0
    assert flow.loc[2026, "new"] == 1  # C4
    assert flow["active"].tolist() == [3, 3, 2]


def test_new_customers_need_a_lookback_of_lost_after_months():
    # data start in May 2024: a first purchase in 2025 could be a customer returning
    # from before May 2024, so 2025's "new" is unknown (needs data from Jan 2024 on);
    # with a 6-month look-back, data from May 2024 suffice for 2025 (from Jul 2024 on)
    late = [row for row in SALES if row[0] >= "2024-05-01"]
    flow12 = ov.analyse(make_client(sales=late)).customer_flow.set_index("year")
    assert math.isnan(flow12.loc[2025, "new"]) and math.isnan(flow12.loc[2025, "net"])
    assert flow12.loc[2026, "new"] == 1  # C4; data reach back to Jan 2025
    flow6 = ov.analyse(make_client(sales=late, lost_months=6)).customer_flow
    # C3's first purchase in the trimmed data is 2025-06-30 -> new in 2025
    assert flow6.set_index("year").loc[2025, "new"] == 1


def test_customer_lost_only_after_more_than_twelve_months_without_purchase(result):
    flow = result.customer_flow.set_index("year")
    # METHODOLOGY 0: lost = last purchase before as_of - 12 months (2025-06-30).
    # C3's last purchase 2025-06-30 is exactly 12 months before -> not yet lost;
    # C2's last purchase 2025-07-01 is even more recent; C5 never bought
    assert flow["lost"].tolist() == [0, 0, 0]
    assert result.lost_cutoff == pd.Timestamp("2025-06-30")
    assert flow.loc[2025, "net"] == 0
    # one day earlier (C3 last bought 2025-06-29) it is lost; it became lost on
    # 2025-06-29 + 12 months = 2026-06-29, so it counts in 2026, not in 2025
    earlier = [("2025-06-29", *r[1:]) if r[:2] == ("2025-06-30", "C3") else r for r in SALES]
    flow2 = ov.analyse(make_client(sales=earlier)).customer_flow.set_index("year")
    assert flow2["lost"].tolist() == [0, 0, 1]


def test_a_zero_value_line_is_a_purchase_and_a_credit_note_is_not():
    # C3 gets a zero-value replacement on 2025-08-01: its last purchase moves from
    # 2025-06-30 to 2025-08-01. C1's credit note on 2025-07-15 changes nothing.
    base = [r for r in SALES if r[1] != "C3"] + [
        ("2024-06-15", "C3", 400.0, float("nan")),
        ("2025-06-29", "C3", 300.0, 90.0),  # alone: lost (before the cut-off 2025-06-30)
    ]
    lost_without = ov.analyse(make_client(sales=base)).customer_flow["lost"].sum()
    with_zero = base + [("2025-08-01", "C3", 0.0, 0.0)]
    lost_with_zero = ov.analyse(make_client(sales=with_zero)).customer_flow["lost"].sum()
    with_credit = base + [("2025-08-01", "C3", -50.0, -10.0)]
    lost_with_credit = ov.analyse(make_client(sales=with_credit)).customer_flow["lost"].sum()
    assert (lost_without, lost_with_zero, lost_with_credit) == (1, 0, 1)


def test_losses_of_the_year_to_date_are_provisional(result):
    flow = result.customer_flow.set_index("year")
    # only the as_of year (2026, up to 30 June) can still gain losses
    assert flow["lost_final"].tolist() == [True, True, False]


def test_lost_after_months_setting_moves_the_cutoff():
    flow = ov.analyse(make_client(lost_months=6)).customer_flow.set_index("year")
    # N = 6, cut-off 2025-12-30: C3 (last 2025-06-30) became lost on 2025-12-30 (in 2025),
    # C2 (last 2025-07-01) on 2026-01-01 (in 2026)
    assert flow.loc[2025, "lost"] == 1
    assert flow.loc[2026, "lost"] == 1


def test_overview_and_winback_count_the_same_losses():
    from kamlib.analysis import winback

    sales = [*SALES, ("2023-03-01", "C5", 10.0, 1.0), ("2024-01-05", "C6", 80.0, 8.0)]
    customers = pd.concat(
        [CUSTOMERS, pd.DataFrame({"customer_id": ["C6"], "name": ["Zeta AG"]})], ignore_index=True
    )
    client = make_client(sales=sales, customers=customers, lost_months=6)
    flow = ov.analyse(client).customer_flow.set_index("year")
    years = winback.analyse(client).years.set_index("year")
    # C5 became lost 2023-09-01 (before the years shown), C6 on 2024-07-05, C3 on
    # 2025-12-30, C2 on 2026-01-01
    assert years["lost"].to_dict() == {2024: 1, 2025: 1, 2026: 1}
    assert flow["lost"].tail(3).to_dict() == years["lost"].to_dict()


def test_client_without_sales_gives_empty_tables():
    r = ov.analyse(make_client(sales=[]))
    assert r.current.revenue == 0
    assert r.yearly.empty and r.customer_flow.empty and r.top_customers.empty
    assert r.concentration.customers == 0
