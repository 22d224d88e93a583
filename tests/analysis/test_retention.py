"""Retention scoring (METHODOLOGY 4) on small, hand-computed clients."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from kamlib.analysis import bgnbd, retention
from kamlib.analysis.retention import RetentionSettings, analyse, compute, prepare
from kamlib.config import ClientConfig
from kamlib.data.client import ClientData

CDNOW = Path(__file__).parents[1] / "fixtures" / "cdnow" / "CDNOW_sample.txt"

# The worked example (as_of 2026-06-30, window July 2025 - June 2026).
# Product groups bought by anyone in the window: G1..G5 (5 groups).
SALES = [
    # A: big customer, buys less and narrower
    ("A", "2024-08-10", 30_000.0, "G1"),
    ("A", "2024-11-10", 30_000.0, "G2"),
    ("A", "2025-02-10", 30_000.0, "G3"),
    ("A", "2025-05-05", 5_000.0, "G4"),
    ("A", "2025-08-10", 20_000.0, "G1"),
    ("A", "2025-11-10", 20_000.0, "G2"),
    ("A", "2026-02-10", 10_000.0, "G1"),
    ("A", "2026-03-01", -2_000.0, "G1"),  # credit note: revenue, never a purchase
    # B: three purchase days (two lines on the last), then silence
    ("B", "2025-09-01", 1_000.0, "G3"),
    ("B", "2025-10-01", 1_000.0, "G3"),
    ("B", "2025-11-01", 1_000.0, "G3"),
    ("B", "2025-11-01", 500.0, "G3"),
    # C: new, small; a line on as_of counts, a line after as_of does not
    ("C", "2026-06-15", 500.0, "G4"),
    ("C", "2026-06-30", 200.0, "G5"),
    ("C", "2026-07-05", 9_999.0, "G1"),
]
RATINGS = [
    ("A", "contractual", 5, "2026-05-01"),
    ("A", "technical", 4, "2026-05-01"),
    ("A", "relationship_quality", 4, "2026-05-01"),
    ("A", "satisfaction", 2, "2026-05-01"),
    ("A", "switching_costs", 4, "2026-05-01"),
    ("A", "dependency", 3, "2026-05-01"),
    ("B", "contractual", 2, "2026-05-01"),
    ("B", "technical", 1, "2026-01-10"),  # older round: replaced
    ("B", "technical", 3, "2026-05-01"),  # latest round, two raters: mean 3.5
    ("B", "technical", 4, "2026-05-01"),
    ("B", "wallet_share", 5, "2026-05-01"),  # data-only factor: ignored
    ("C", "satisfaction", 1, "2026-05-01"),
    ("C", "relationship_quality", 2, "2026-05-01"),
]


def example_client() -> ClientData:
    customers = pd.DataFrame(
        {
            "customer_id": ["A", "B", "C", "D"],
            "name": ["Alpha AG", "Beta GmbH", "Gamma KG", "Delta SE"],
            "potential": [100_000.0, np.nan, 50_000.0, 20_000.0],
        }
    )
    sales = pd.DataFrame(SALES, columns=["customer_id", "date", "net_revenue", "product_group"])
    sales["date"] = pd.to_datetime(sales["date"])
    ratings = pd.DataFrame(RATINGS, columns=["customer_id", "criterion", "rating", "rated_on"])
    ratings["rated_on"] = pd.to_datetime(ratings["rated_on"])
    contacts = pd.DataFrame(
        {
            "customer_id": ["A"] * 3 + ["C"] * 7,
            "contact_name": [f"P{i}" for i in range(10)],
        }
    )
    activities = pd.DataFrame(
        {
            "customer_id": ["A", "A", "B", "B", "C", "C"],
            "year": [2024, 2025, 2024, 2025, 2024, 2025],
            "complaints": [5, 3, 1, 1, 1, 2],
        }
    )
    config = ClientConfig(name="Beispiel", as_of=pd.Timestamp("2026-06-30").date())
    return ClientData(
        Path("example"),
        config,
        customers,
        sales,
        ratings=ratings,
        contacts=contacts,
        activities=activities,
    )


@pytest.fixture(scope="module")
def result():
    return analyse(example_client())


def _row(result, cid: str) -> pd.Series:
    return result.customers.set_index("customer_id").loc[cid]


# ---------------------------------------------------------------------------
# one row per customer, sorted; window; ABC


def test_one_row_per_master_customer_sorted_by_revenue(result):
    # window revenue: A 20,000 + 20,000 + 10,000 - 2,000 = 48,000; B 3,500; C 700 (the
    # 9,999 line is after as_of); D none
    c = result.customers
    assert c["customer_id"].tolist() == ["A", "B", "C", "D"]
    assert c["revenue"].tolist() == [48_000.0, 3_500.0, 700.0, 0.0]
    assert c["name"].tolist() == ["Alpha AG", "Beta GmbH", "Gamma KG", "Delta SE"]
    assert result.window_start == pd.Timestamp("2025-07-01")
    assert result.window_end == pd.Timestamp("2026-06-30")
    # ABC: A starts at 0 % -> A; B starts at 48,000 / 52,200 = 92 % -> B; C at 98.7 % -> C
    assert c["abc_class"].tolist() == ["A", "B", "C", "C"]


# ---------------------------------------------------------------------------
# stability factors and score


def test_data_derived_factors(result):
    a, b, c, d = (_row(result, k) for k in "ABCD")
    # wallet share: 48,000 / 100,000 = 0.48 -> 1 + floor(2.4) = 3; C: 700 / 50,000 -> 1
    assert a["wallet_share"] == pytest.approx(0.48)
    assert a["rating_wallet_share"] == 3
    assert c["rating_wallet_share"] == 1
    assert np.isnan(b["rating_wallet_share"])  # no potential; its workshop row is refused
    assert b["source_wallet_share"] == ""
    assert result.refused_ratings == 1
    # D: potential but no revenue -> share 0 -> rating 1
    assert d["rating_wallet_share"] == 1
    # product breadth: A bought G1, G2 of G1..G5 = 0.4 -> exactly on the step -> 3;
    # B: G3 = 0.2 -> 2; C: G4, G5 -> 3; D: nothing -> 0 -> 1
    assert [r["rating_product_breadth"] for r in (a, b, c, d)] == [3, 2, 3, 1]
    # relationship breadth: A 3 contacts -> 3; C 7 -> capped at 5; B, D none -> no value
    assert a["rating_relationship_breadth"] == 3
    assert c["rating_relationship_breadth"] == 5
    assert np.isnan(b["rating_relationship_breadth"])
    assert a["source_relationship_breadth"] == "data"
    assert a["source_contractual"] == "rating"


def test_latest_rating_round_is_averaged(result):
    # B technical: the 2026-01-10 round (1) is replaced by 2026-05-01 (3 and 4 -> 3.5)
    assert _row(result, "B")["rating_technical"] == 3.5


def test_score_weighted_over_factors_with_a_value(result):
    # A has every factor: ratings 5,4,3,4,2,3,4,3,3 -> 100,75,50,75,25,50,75,50,50 with
    # weights .2,.15,.1,.15,.1,.1,.1,.05,.05:
    # 20 + 11.25 + 5 + 11.25 + 2.5 + 5 + 7.5 + 2.5 + 2.5 = 67.5
    a = _row(result, "A")
    assert a["factor_coverage"] == pytest.approx(1.0)
    assert a["stability_score"] == pytest.approx(67.5)
    assert a["weak_factors"] == "satisfaction"
    assert bool(a["rated"])


def test_score_needs_half_the_weight(result):
    # B: contractual .2 + technical .15 + product_breadth .05 = 0.40 < 0.5 -> not placed
    b = _row(result, "B")
    assert b["factor_coverage"] == pytest.approx(0.40)
    assert np.isnan(b["stability_score"])
    assert not b["placed"]
    assert b["risk_quadrant"] == ""
    # weak factors are named all the same: contractual (2, weight .2), product_breadth (2, .05)
    assert b["weak_factors"] == "contractual;product_breadth"
    # C: relationship_breadth .1 + relationship_quality .15 + satisfaction .1 + wallet .1
    # + product_breadth .05 = exactly 0.5 -> placed:
    # (.1*100 + .15*25 + .1*0 + .1*0 + .05*50) / .5 = 16.25 / .5 = 32.5
    c = _row(result, "C")
    assert c["factor_coverage"] == pytest.approx(0.5)
    assert c["stability_score"] == pytest.approx(32.5)
    # weakest first; satisfaction and wallet_share tie (1, weight .1): factor order
    assert c["weak_factors"] == "satisfaction;wallet_share;relationship_quality"
    assert result.unplaced_customers == 2  # B and D (D has only wallet + product breadth)


def test_weights_move_the_score():
    inputs = prepare(example_client())
    only_contract = RetentionSettings(factors={"contractual": 1.0, "satisfaction": 1.0})
    got = compute(inputs, only_contract)
    a = got.customers.set_index("customer_id").loc["A"]
    assert a["stability_score"] == pytest.approx((100 + 25) / 2)
    assert got.weights["contractual"] == pytest.approx(0.5)


# ---------------------------------------------------------------------------
# early-warning flags


def test_revenue_trend_flag(result):
    # A: Jan-Jun 2026 = 10,000 - 2,000 = 8,000; Jan-Jun 2025 = 30,000 + 5,000 = 35,000;
    # 8,000 <= 0.8 * 35,000 -> flag, ratio 8/35
    a = _row(result, "A")
    assert a["revenue_last_6m"] == 8_000.0
    assert a["revenue_prior_6m"] == 35_000.0
    assert a["revenue_trend_ratio"] == pytest.approx(8 / 35)
    assert a["flag_revenue_trend"]
    # B and C had nothing a year earlier: no comparison, no flag
    assert not _row(result, "B")["flag_revenue_trend"]
    assert np.isnan(_row(result, "C")["revenue_trend_ratio"])


def test_order_gap_flag(result):
    # B: purchase days 2025-09-01, 10-01, 11-01: gaps 30, 31 -> median 30.5;
    # 2025-11-01 -> 2026-06-30 = 241 days > 61 and > 60 -> flag
    b = _row(result, "B")
    assert b["purchase_days"] == 3
    assert b["median_gap_days"] == 30.5
    assert b["days_since_last_purchase"] == 241
    assert b["flag_order_gap"]
    # A: gaps 92, 92, 84, 97, 92, 92 -> median 92; last purchase 2026-02-10 (the credit
    # note of 2026-03-01 is no purchase) -> 140 days <= 184 -> no flag
    a = _row(result, "A")
    assert a["median_gap_days"] == 92
    assert a["days_since_last_purchase"] == 140
    assert not a["flag_order_gap"]
    # C: only 2 purchase days -> never flagged
    assert not _row(result, "C")["flag_order_gap"]


def test_breadth_shrinking_flag(result):
    # A: G1, G2 in the last 12 months; G1..G4 in the 12 before: 2 <= 4 - 2 -> flag
    a = _row(result, "A")
    assert (a["product_groups_last_12m"], a["product_groups_prior_12m"]) == (2, 4)
    assert a["flag_breadth_shrinking"]
    assert not _row(result, "B")["flag_breadth_shrinking"]  # 1 vs 0


def test_complaints_flag(result):
    # last complete year on 2026-06-30 is 2025
    assert result.complaints_year == 2025
    # A: 3 in 2025 (>= 3); C: 2 in 2025 > 1 in 2024; B: 1 and 1 -> no; D: no data
    assert _row(result, "A")["flag_complaints"]
    assert _row(result, "C")["flag_complaints"]
    assert not _row(result, "B")["flag_complaints"]
    d = _row(result, "D")
    assert not d["flag_complaints"]
    assert np.isnan(d["complaints_last_year"])


def test_flags_joined_in_fixed_order_and_listed(result):
    flags = result.customers.set_index("customer_id")["flags"].to_dict()
    assert flags == {
        "A": "revenue_trend;breadth_shrinking;complaints",
        "B": "order_gap",
        "C": "complaints",
        "D": "",
    }
    # early-warning list: flagged customers by window revenue
    assert result.early_warnings["customer_id"].tolist() == ["A", "B", "C"]
    assert result.early_warnings.loc[1, "days_since_last_purchase"] == 241
    # measures: one per weak factor, weakest first (C: satisfaction, wallet, quality)
    assert result.early_warnings.loc[0, "measures"] == "retention.measure.satisfaction"
    assert result.early_warnings.loc[2, "measures"] == (
        "retention.measure.satisfaction;retention.measure.wallet_share;"
        "retention.measure.relationship_quality"
    )


def test_complaint_year_is_the_last_complete_year():
    assert retention.complaint_year(pd.Timestamp("2026-06-30")) == 2025
    assert retention.complaint_year(pd.Timestamp("2026-12-31")) == 2026
    assert retention.complaint_year(pd.Timestamp("2026-01-01")) == 2025


# ---------------------------------------------------------------------------
# risk matrix


def test_risk_matrix(result):
    # A: score 67.5 >= 50, class A -> secure; C: 32.5 < 50, class C -> monitor
    quad = result.customers.set_index("customer_id")["risk_quadrant"].to_dict()
    assert quad == {"A": "secure", "B": "", "C": "monitor", "D": ""}
    m = result.risk_matrix.set_index("risk_quadrant")
    assert m.index.tolist() == list(retention.QUADRANTS)
    assert m.loc["secure", "customers"] == 1
    assert m.loc["secure", "revenue_share"] == pytest.approx(48_000 / 52_200)
    assert m.loc["act_now", "customers"] == 0


def test_risk_quadrant_rule():
    got = retention.risk_quadrants(
        np.array([49.9, 50.0, 10.0, 80.0, np.nan]), np.array(["A", "B", "C", "C", "A"]), 50.0
    )
    assert got.tolist() == ["act_now", "secure", "monitor", "maintain", ""]


# ---------------------------------------------------------------------------
# KPIs per year


def test_kpis_per_year(result):
    k = result.kpis.set_index("year")
    assert k.index.tolist() == [2024, 2025, 2026]
    # 2024: only A (2 purchase days) -> repeat rate 1; no previous year
    assert k.loc[2024, "customers"] == 1
    assert k.loc[2024, "repeat_rate"] == 1.0
    assert np.isnan(k.loc[2024, "retention_rate"])
    # 2025: A (4 days) and B (3 days); of the 2024 purchaser A, A bought again -> 1.0;
    # revenue retention: A's 2025 revenue 75,000 / its 2024 revenue 60,000 = 1.25
    assert k.loc[2025, "retention_rate"] == 1.0
    assert k.loc[2025, "churn_rate"] == 0.0
    assert k.loc[2025, "repeat_rate"] == 1.0
    assert k.loc[2025, "revenue_retention"] == pytest.approx(1.25)
    # 2026 (year to date): of A and B only A bought -> 0.5, churn 0.5; purchasers A (1 day,
    # the credit note is no purchase) and C (2 days) -> repeat 1/2; revenue of A and B in
    # 2026: 10,000 - 2,000 + 0 = 8,000 of their 2025 revenue 75,000 + 3,500 = 78,500
    assert k.loc[2026, "retention_rate"] == 0.5
    assert k.loc[2026, "churn_rate"] == 0.5
    assert k.loc[2026, "repeat_rate"] == 0.5
    assert k.loc[2026, "revenue_retention"] == pytest.approx(8_000 / 78_500)
    assert k["year_to_date"].tolist() == [False, False, True]


# ---------------------------------------------------------------------------
# BG/NBD columns


def test_bgnbd_summary_columns(result):
    # A: 7 purchase days, 2024-08-10 .. 2026-02-10 = 549 days, to as_of 689 days
    a = _row(result, "A")
    assert a["bgnbd_frequency"] == 6
    assert a["bgnbd_recency_weeks"] == pytest.approx(549 / 7)
    assert a["bgnbd_T_weeks"] == pytest.approx(689 / 7)
    # B: 2025-09-01 .. 11-01 = 61 days; to as_of 302 days; two lines on 11-01 = one day
    b = _row(result, "B")
    assert (b["bgnbd_frequency"], b["bgnbd_recency_weeks"]) == (2, pytest.approx(61 / 7))
    assert b["bgnbd_T_weeks"] == pytest.approx(302 / 7)
    # C: 2026-06-15 and the as_of day itself
    c = _row(result, "C")
    assert (c["bgnbd_frequency"], c["bgnbd_T_weeks"]) == (1, pytest.approx(15 / 7))
    # D never bought: all BG/NBD columns empty
    d = _row(result, "D")
    cols = ["bgnbd_frequency", "bgnbd_recency_weeks", "bgnbd_T_weeks", "p_alive"]
    assert d[cols + ["expected_purchases_52w"]].isna().all()
    # three buyers are too few for a fit: the model columns stay empty for everyone
    assert result.bgnbd is None
    assert result.bgnbd_status == "too_few_customers"
    assert result.customers["p_alive"].isna().all()


def cdnow_client(ratings: pd.DataFrame | None = None) -> ClientData:
    raw = pd.read_csv(
        CDNOW,
        sep=r"\s+",
        header=None,
        names=["master_id", "customer_id", "date", "cds", "net_revenue"],
        dtype={"customer_id": str, "date": str},
    )
    sales = pd.DataFrame(
        {
            "date": pd.to_datetime(raw["date"], format="%Y%m%d"),
            "customer_id": raw["customer_id"],
            "net_revenue": raw["net_revenue"],
        }
    )
    customers = pd.DataFrame({"customer_id": raw["customer_id"].unique()})
    customers["name"] = "CD buyer " + customers["customer_id"]
    config = ClientConfig(name="CDNOW", as_of=pd.Timestamp("1997-09-30").date())
    return ClientData(Path("cdnow"), config, customers, sales, ratings=ratings)


@pytest.fixture(scope="module")
def cdnow_result():
    # customer 0002 (by its sample id) is rated 5 on every factor that can be rated
    rated = [f for f in retention.FACTORS if f not in retention.DATA_ONLY_FACTORS]
    ratings = pd.DataFrame(
        {
            "customer_id": "0002",
            "criterion": rated,
            "rating": 5,
            "rated_on": pd.Timestamp("1997-09-01"),
        }
    )
    return analyse(cdnow_client(ratings))


def test_cdnow_fit_through_the_analysis(cdnow_result):
    # purchases up to as_of 1997-09-30 only (the file runs to June 1998), zero-value
    # lines included: the paper's estimates
    p = cdnow_result.bgnbd
    assert cdnow_result.bgnbd_status == "ok"
    assert (round(p.r, 3), round(p.alpha, 3), round(p.a, 3), round(p.b, 3)) == (
        0.243,
        4.414,
        0.793,
        2.426,
    )
    assert round(p.log_likelihood, 1) == -9582.4
    assert cdnow_result.customers["p_alive"].notna().sum() == 2357


def test_cdnow_predictions_per_customer(cdnow_result):
    c = cdnow_result.customers.set_index("customer_id")
    # 0001: 1997-01-01, 01-18, 08-02 -> x = 2, t_x = 213/7 = 30.43, T = 272/7 = 38.86
    # (the paper's worked example); P(alive) 0.7266 by hand (see test_bgnbd)
    one = c.loc["0001"]
    assert one["bgnbd_frequency"] == 2
    assert one["bgnbd_recency_weeks"] == pytest.approx(213 / 7)
    assert one["p_alive"] == pytest.approx(0.7266, abs=1e-4)
    # customers without a repeat purchase are alive for sure in the BG/NBD
    assert (c.loc[c["bgnbd_frequency"] == 0, "p_alive"] == 1.0).all()
    # 52 weeks: the same formula the bgnbd module pins by hand
    p = cdnow_result.bgnbd
    want = bgnbd.conditional_expected_purchases(
        52.0, p.r, p.alpha, p.a, p.b, [2.0], [213 / 7], [272 / 7]
    )[0]
    assert one["expected_purchases_52w"] == pytest.approx(want)


def test_disagreement_named_with_its_numbers(cdnow_result):
    c = cdnow_result.customers.set_index("customer_id")
    two = c.loc["0002"]
    # rated 5 on every factor but the data-only wallet_share (no potential here):
    # 0.9 of the weight -> score 100
    assert two["factor_coverage"] == pytest.approx(0.9)
    assert two["stability_score"] == pytest.approx(100.0)
    # but it bought on 1997-01-01 and 01-13 only: x = 1, t_x = 12/7, T = 272/7. By hand
    # with the paper's estimates: odds = a/(b+x-1) ((alpha+T)/(alpha+t_x))^(r+x)
    # = 0.793/2.426 * (43.271/6.128)^1.243 = 0.32688 * 7.0609^1.243 = 0.32688 * 11.354
    # = 3.7114 -> P(alive) = 1 / 4.7114 = 0.2123
    assert two["p_alive"] == pytest.approx(0.2123, abs=2e-4)
    assert two["disagreement"] == "bound_but_inactive"
    d = cdnow_result.disagreements
    assert d["customer_id"].tolist() == ["0002"]
    assert d.loc[0, "p_alive"] == pytest.approx(two["p_alive"])
    assert d.loc[0, "stability_score"] == pytest.approx(100.0)


# ---------------------------------------------------------------------------
# small rules and invariants


def test_share_rating_steps():
    got = retention.share_rating(np.array([0.0, 0.19, 0.2, 0.4, 0.6, 0.8, 0.99, 1.5, np.nan]))
    assert got[:-1].tolist() == [1, 1, 2, 3, 4, 5, 5, 5]
    assert np.isnan(got[-1])


def test_settings_reject_unknown_or_negative_weights():
    with pytest.raises(ValueError, match="unknown"):
        RetentionSettings(factors={"loyalty": 1.0})
    with pytest.raises(ValueError, match="negative"):
        RetentionSettings(factors={"contractual": -1.0})
    assert RetentionSettings().factors == retention.DEFAULT_FACTORS


rating = st.one_of(st.none(), st.integers(1, 5))


@given(st.lists(st.tuples(*[rating] * len(retention.FACTORS)), min_size=1, max_size=20))
def test_score_between_0_and_100(rows):
    ratings = pd.DataFrame(
        [[np.nan if v is None else float(v) for v in r] for r in rows], columns=retention.FACTORS
    )
    score, coverage = retention.stability_scores(ratings, retention.DEFAULT_FACTORS, 0.5)
    ok = ~np.isnan(score)
    assert ((score[ok] >= 0) & (score[ok] <= 100)).all()
    assert ((coverage >= 0) & (coverage <= 1 + 1e-12)).all()
    assert (ok == (coverage >= 0.5 - 1e-9)).all()


def test_client_without_purchases():
    # no sales at all, and a customer with only a credit note: no purchase, no model
    customers = pd.DataFrame({"customer_id": ["X", "Y"], "name": ["X AG", "Y AG"]})
    for lines in ([], [("Y", "2026-03-01", -500.0)]):
        sales = pd.DataFrame(lines, columns=["customer_id", "date", "net_revenue"])
        sales["date"] = pd.to_datetime(sales["date"])
        config = ClientConfig(name="Leer", as_of=pd.Timestamp("2026-06-30").date())
        got = analyse(ClientData(Path("empty"), config, customers, sales))
        c = got.customers.set_index("customer_id")
        assert c["bgnbd_frequency"].isna().all()
        assert c["flags"].eq("").all()
        assert got.bgnbd_status == "too_few_customers"
    assert c.loc["Y", "revenue"] == -500.0
    assert got.kpis["customers"].tolist() == [0]  # 2026: nobody bought


# ---------------------------------------------------------------------------
# module wiring: settings from client.yaml, KPI base years, a fit on a bound, export


def test_kpis_mark_the_comparison_with_an_incomplete_first_year(result):
    # the data start on 2024-08-10 (August): 2024 is incomplete, so 2025 compares
    # with a partial year (revenue retention 75,000 / 60,000 = 1.25 is biased);
    # 2026 compares with the complete 2025
    k = result.kpis.set_index("year")
    assert list(k["base_partial"]) == [False, True, False]
    assert k.loc[2025, "revenue_retention"] == pytest.approx(1.25)


def test_a_first_year_starting_in_january_is_complete():
    client = example_client()
    extra = pd.DataFrame(
        {"customer_id": ["D"], "date": [pd.Timestamp("2024-01-15")], "net_revenue": [10.0],
         "product_group": ["G1"]}
    )  # fmt: skip
    client.sales = pd.concat([client.sales, extra], ignore_index=True)
    assert not analyse(client).kpis["base_partial"].any()


def test_settings_come_from_client_yaml_and_the_portfolio_abc_cutoffs():
    config = ClientConfig.model_validate(
        {
            "name": "x",
            "portfolio": {"abc": {"cutoffs": [0.7, 0.9]}},
            "retention": {
                "factors": {"contractual": 2, "satisfaction": 1},
                "score_split": 60,
                "weak_rating": 1.5,
                "early_warning": {"gap_min_days": 90, "complaints_min": 5},
                "disagreement": {"firm_score": 80, "low_p_alive": 0.4},
            },
        }
    )
    s = RetentionSettings.from_config(config)
    assert dict(s.factors) == {"contractual": 2, "satisfaction": 1}
    assert (s.score_split, s.weak_rating, s.abc_cutoffs) == (60, 1.5, (0.7, 0.9))
    assert (s.gap_min_days, s.complaints_min, s.trend_ratio) == (90, 5, 0.8)
    assert (s.firm_score, s.low_p_alive) == (80, 0.4)
    # the defaults of the config section are the core's defaults
    default = RetentionSettings.from_config(ClientConfig(name="x"))
    assert default == RetentionSettings()


def test_analyse_reads_the_clients_settings():
    client = example_client()
    client.config = ClientConfig.model_validate(
        {"name": "x", "as_of": "2026-06-30", "retention": {"score_split": 70}}
    )
    # A scores 67.5 (see the score test): secure at split 50, act now at split 70
    assert _row(analyse(client), "A")["risk_quadrant"] == "act_now"


def test_a_fit_ending_on_a_bound_shows_no_predictions(monkeypatch):
    """The model does not describe the data: no P(alive), and the status says why."""
    at_bound = bgnbd.BgNbdParams(1.0, 2.0, 1e-5, 3.0, -10.0, 3, True, ("a",))
    monkeypatch.setattr(retention, "MIN_FIT_CUSTOMERS", 2)
    monkeypatch.setattr(retention.bgnbd, "fit", lambda x, t_x, T: at_bound)
    got = analyse(example_client())
    assert got.bgnbd_status == "at_bound" and got.bgnbd is at_bound
    assert got.customers["p_alive"].isna().all()
    assert got.customers["expected_purchases_52w"].isna().all()
    assert (got.customers["disagreement"] == "").all()
    # the summaries are still there (they do not depend on the fit)
    assert _row(got, "B")["bgnbd_frequency"] == 2


def test_export_rounds_money_to_cents_and_keeps_other_numbers():
    from dataclasses import replace

    from kamlib.export import export_frame
    from kamlib.modules import get_module

    base = analyse(example_client())
    df = base.customers.copy()
    df["revenue"] = [48_000.004, 3_500.126, 700.0, 0.0]
    df["stability_score"] = [67.123456, np.nan, 32.5, np.nan]
    out = export_frame(get_module("retention"), replace(base, customers=df))
    assert list(out.columns) == [
        "customer_id", "name", "revenue", "stability_score", "flags", "risk_quadrant",
        "bgnbd_frequency", "bgnbd_recency_weeks", "bgnbd_T_weeks", "p_alive",
        "expected_purchases_52w",
    ]  # fmt: skip
    assert list(out["customer_id"]) == ["A", "B", "C", "D"]  # revenue descending
    assert list(out["revenue"]) == [48_000.0, 3_500.13, 700.0, 0.0]
    assert out.loc[0, "stability_score"] == 67.123456  # scores unrounded
    assert out.loc[0, "flags"] == "revenue_trend;breadth_shrinking;complaints"
    # B: three purchase days 2025-09-01 .. 2025-11-01 -> x = 2, t_x = 61 / 7 weeks,
    # T = (2026-06-30 - 2025-09-01) = 302 days / 7
    b = out.set_index("customer_id").loc["B"]
    assert b["bgnbd_frequency"] == 2
    assert b["bgnbd_recency_weeks"] == pytest.approx(61 / 7)
    assert b["bgnbd_T_weeks"] == pytest.approx(302 / 7)
    assert pd.isna(out.set_index("customer_id").loc["D", "bgnbd_frequency"])  # never bought


def test_an_empty_product_group_column_means_no_product_groups():
    # the data layer adds the optional column, all empty, when the file has none
    client = example_client()
    client.sales["product_group"] = pd.Series(pd.NA, index=client.sales.index, dtype="string")
    got = analyse(client)
    a = _row(got, "A")
    assert np.isnan(a["product_group_share"]) and a["source_product_breadth"] == ""
    assert not got.customers["flag_breadth_shrinking"].any()


def test_a_and_b_both_on_a_large_bound_is_homogeneous_dropout_not_a_misfit():
    # Beta(a, b) with a, b -> infinity collapses to a point mass at p = a / (a + b):
    # every customer drops out with the same probability; the fit stands.
    from kamlib.analysis import bgnbd
    from kamlib.analysis.retention import _homogeneous_dropout

    def params(a, b, at_bound):
        return bgnbd.BgNbdParams(r=1.5, alpha=5.4, a=a, b=b, log_likelihood=-1.0,
                                 customers=10, converged=True, at_bound=at_bound)  # fmt: skip

    assert _homogeneous_dropout(params(738.1, 162754.8, ("b",)))
    assert not _homogeneous_dropout(params(1e-8, 162754.8, ("a", "b")))  # p -> 0: no dropout
    assert not _homogeneous_dropout(params(738.1, 162754.8, ("r",)))  # another parameter
