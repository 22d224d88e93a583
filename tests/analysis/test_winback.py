"""Win-back (METHODOLOGY.md section 5) on a small client worked out by hand.

The client, as_of 2026-06-30, N = 12 (cut-off 2025-06-30):

==  =====================================================  ====================
id  sales lines (date amount)                              by hand
==  =====================================================  ====================
A   2023-03-10 100, 2024-05-01 300, 2025-03-01 200,        lost, lost_on 2026-03-01,
    credit note 2025-04-15 -50                             lost revenue 300+200 = 500
                                                           (credit note after the last
                                                           purchase left out); came back
                                                           2024-05-01 after 13+ months
B   2023-06-30 400, credit 2024-06-01 -100, 2024-06-30     lost, lost_on 2025-06-30,
    1000                                                   lost revenue -100+1000 = 900
                                                           (2023-06-30 = last - 12 months,
                                                           excluded); gap exactly 12 months
                                                           is no reactivation
C   2025-06-30 50                                          exactly 12 months: active
D   2024-01-10 0 (free replacement)                        lost, lost_on 2025-01-10,
                                                           lost revenue 0
E   credit note 2025-12-01 -20                             never_bought, revenue -20
F   (no sales)                                             never_bought
G   2023-01-05 100, 2024-03-01 250, 2024-05-01 50,         active; gaps 2023-01-05 ->
    2025-09-01 80, 2026-02-01 20                           2024-03-01 and 2024-05-01 ->
                                                           2025-09-01: reactivated
                                                           2025-09-01, 80+20 = 100 since
H   2024-08-10 40, 2025-08-10 60                           active; gap exactly 12 months
I   2025-01-15 70, 2026-07-02 999 (after as_of)            lost, lost_on 2026-01-15, 70
J   2023-05-20 600                                         lost, lost_on 2024-05-20, 600
K   2022-03-01 10                                          lost, lost_on 2023-03-01,
                                                           1217 days ago = 39.98 months:
                                                           outside the 36-month list
==  =====================================================  ====================

Revenue (2025-07-01 .. 2026-06-30): G 100, H 60, E -20, all others 0.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from kamlib.analysis.winback import (
    EXPORT_COLUMNS,
    WinbackSettings,
    analyse,
    compute,
    export_frame,
    prepare,
    reason_ids,
    value_scores,
)
from kamlib.config import ClientConfig
from kamlib.data.client import ClientData

T = pd.Timestamp
M = 30.4375  # days per month (METHODOLOGY: months = days / 30.4375)

LINES = [
    ("2023-03-10", "A", 100.0),
    ("2024-05-01", "A", 300.0),
    ("2025-03-01", "A", 200.0),
    ("2025-04-15", "A", -50.0),
    ("2023-06-30", "B", 400.0),
    ("2024-06-01", "B", -100.0),
    ("2024-06-30", "B", 1000.0),
    ("2025-06-30", "C", 50.0),
    ("2024-01-10", "D", 0.0),
    ("2025-12-01", "E", -20.0),
    ("2023-01-05", "G", 100.0),
    ("2024-03-01", "G", 250.0),
    ("2024-05-01", "G", 50.0),
    ("2025-09-01", "G", 80.0),
    ("2026-02-01", "G", 20.0),
    ("2024-08-10", "H", 40.0),
    ("2025-08-10", "H", 60.0),
    ("2025-01-15", "I", 70.0),
    ("2026-07-02", "I", 999.0),
    ("2023-05-20", "J", 600.0),
    ("2022-03-01", "K", 10.0),
]

REASONS = pd.DataFrame(
    {
        "customer_id": ["A", "B", "B", "I", "J", "C", "ZZ", "K"],
        "reason": [
            "Preis",
            "Qualität",
            "Service",
            "Wettbewerber",
            "",
            "price",
            "price",
            "Insolvenz",
        ],
        "lost_on": pd.to_datetime(
            [
                "2026-03-15",
                "2025-07-01",  # B: the later record (quality) counts
                "2025-01-01",
                "2026-01-20",
                None,
                "2026-01-01",
                "2026-01-01",
                "2023-04-01",
            ]
        ),
        "note": ["8 % cheaper elsewhere", "", "", "", "", "", "", ""],
    }
)


def _client(lost_reasons=REASONS, as_of="2026-06-30", lines=LINES, ids=None) -> ClientData:
    ids = ids or sorted({c for _, c, _ in lines} | {"F"})
    customers = pd.DataFrame(
        {
            "customer_id": ids,
            "name": [f"Firma {c}" for c in ids],
            "account_manager": ["Meier" if c < "F" else "Schulz" for c in ids],
        }
    )
    sales = pd.DataFrame(
        {
            "date": pd.to_datetime([d for d, _, _ in lines]),
            "customer_id": [c for _, c, _ in lines],
            "net_revenue": [r for _, _, r in lines],
            "contribution_margin": np.nan,
        }
    )
    config = ClientConfig(name="Winback", as_of=T(as_of).date())
    return ClientData(Path("winback"), config, customers, sales, lost_reasons=lost_reasons)


@pytest.fixture(scope="module")
def result():
    return analyse(_client())


def _row(result, cid):
    return result.customers.set_index("customer_id").loc[cid]


# ---------------------------------------------------------------- status per customer


def test_status_last_purchase_and_lost_on(result):
    c = result.customers.set_index("customer_id")
    assert c["status"].to_dict() == {
        "G": "active",
        "H": "active",
        "A": "lost",
        "B": "lost",
        "C": "active",  # exactly 12 months
        "D": "lost",  # a zero-value line is a purchase
        "F": "never_bought",
        "I": "lost",  # the order after as_of does not count
        "J": "lost",
        "K": "lost",
        "E": "never_bought",  # a credit note is no purchase
    }
    assert c.loc["A", "lost_on"] == T("2026-03-01")
    assert c.loc["B", "lost_on"] == T("2025-06-30")
    assert c.loc["D", "lost_on"] == T("2025-01-10")
    assert c.loc["I", "last_purchase"] == T("2025-01-15")
    assert pd.isna(c.loc["C", "lost_on"])
    assert result.status_counts == {"active": 3, "lost": 6, "never_bought": 2}
    assert result.lost_cutoff == T("2025-06-30")


def test_lost_revenue_is_the_12_months_up_to_the_last_purchase(result):
    c = result.customers.set_index("customer_id")
    assert c.loc["A", "lost_revenue"] == pytest.approx(500.0)  # credit note after excluded
    assert c.loc["B", "lost_revenue"] == pytest.approx(900.0)  # window start excluded
    assert c.loc["D", "lost_revenue"] == 0.0
    assert c.loc["I", "lost_revenue"] == pytest.approx(70.0)
    assert np.isnan(c.loc["C", "lost_revenue"])  # not lost: empty
    assert np.isnan(c.loc["F", "lost_revenue"])


# ---------------------------------------------------------------- years and loss rate


def test_years_lost_counts_revenue_and_loss_rate_denominator(result):
    y = result.years.set_index("year")
    assert list(y.index) == [2024, 2025, 2026]
    assert y["is_ytd"].tolist() == [False, False, True]
    assert y.loc[2026, "period_end"] == T("2026-06-30")
    # lost in Y = became lost in Y: 2024 J; 2025 B, D; 2026 A, I (K became lost in 2023)
    assert y["lost"].tolist() == [1, 2, 2]
    assert y["lost_revenue"].tolist() == pytest.approx([600.0, 900.0, 570.0])
    # base = customers with a purchase day in the 12 months before 1 January:
    # 2023: A, B, G, J; 2024: A, B, D (zero-value line), G, H;
    # 2025: A, C, G, H, I (E's credit note is no purchase)
    assert y["base_start"].tolist() == [T("2023-01-01"), T("2024-01-01"), T("2025-01-01")]
    assert y["base"].tolist() == [4, 5, 5]
    assert y["loss_rate"].tolist() == pytest.approx([1 / 4, 2 / 5, 2 / 5])
    assert y["complete"].all()  # data from 2022-03 on


def test_loss_rate_base_is_the_n_months_before_new_year_and_needs_the_data():
    # N = 6: base of 2026 = purchase days 2025-07-01 .. 2025-12-31
    lines = [
        ("2025-06-30", "P", 10.0),  # became lost 2025-12-30: a 2025 loss, not in the 2026 base
        ("2025-07-01", "Q", 10.0),  # in the base, became lost 2026-01-01
        ("2025-12-31", "R", 10.0),  # in the base, still active
        ("2026-06-01", "R", 10.0),
        ("2026-01-01", "S", 10.0),  # on 1 January: not in the base
    ]
    res = compute(prepare(_client(None, lines=lines)), WinbackSettings(lost_after_months=6))
    y = res.years.set_index("year")
    assert y.loc[2026, "base_start"] == T("2025-07-01")
    assert y.loc[2026, "base"] == 2
    assert y.loc[2026, "lost"] == 1
    assert y.loc[2026, "loss_rate"] == pytest.approx(0.5)
    assert bool(y.loc[2026, "complete"])
    # 2025: the base period 2024-07 .. 2024-12 lies before the data (from 2025-06): no rate
    assert y.loc[2025, "lost"] == 1
    assert not y.loc[2025, "complete"]
    assert np.isnan(y.loc[2025, "loss_rate"])


def test_as_of_31_december_is_a_full_year():
    res = analyse(_client(None, as_of="2025-12-31"))
    assert res.years["year"].tolist() == [2023, 2024, 2025]
    assert not res.years["is_ytd"].any()


# ---------------------------------------------------------------- reasons


def test_reason_ids_accept_german_aliases_case_and_punctuation():
    got = reason_ids(
        pd.Series(
            [
                "  PREIS ",
                "Qualität",
                "qualitaet",
                "Lieferung",
                "Insolvenz",
                "",
                None,
                "k.A.",
                "Wettbewerber",
            ]
        )
    )
    assert got.tolist() == [
        "price",
        "quality",
        "quality",
        "delivery",
        "insolvency",
        "unknown",
        "unknown",
        "unknown",
        "other",
    ]


def test_reasons_per_customer_latest_record_and_unknown_where_none(result):
    c = result.customers.set_index("customer_id")
    assert c.loc["A", "reason"] == "price"
    assert c.loc["A", "note"] == "8 % cheaper elsewhere"
    assert c.loc["A", "recorded_lost_on"] == T("2026-03-15")  # shown, not used
    assert c.loc["A", "lost_on"] == T("2026-03-01")
    assert c.loc["B", "reason"] == "quality"  # 2025-07-01 beats 2025-01-01
    assert c.loc["D", "reason"] == "unknown"  # no record
    assert c.loc["I", "reason"] == "other"
    assert c.loc["J", "reason"] == "unknown"  # blank record
    assert c.loc["C", "reason"] == ""  # recorded, but not lost
    assert result.reasons_not_lost == 1
    assert result.reasons_unknown_customers == 1  # ZZ
    assert result.unrecognised_reasons.to_dict("records") == [
        {"customer_id": "I", "reason_text": "Wettbewerber"}
    ]


def test_reason_pareto_by_count_and_by_lost_revenue(result):
    # losses 2024-2026: J unknown 600, B quality 900, D unknown 0, A price 500, I other 70
    by_count = result.reasons_by_count
    assert by_count["reason"].tolist() == ["unknown", "quality", "price", "other"]
    assert by_count["customers"].tolist() == [2, 1, 1, 1]
    assert by_count["cumulative_customer_share"].tolist() == pytest.approx([0.4, 0.6, 0.8, 1.0])
    assert by_count["approach"].tolist() == [
        "ask_reason",
        "quality_proof",
        "price_offer",
        "read_note",
    ]
    by_rev = result.reasons_by_revenue
    assert by_rev["reason"].tolist() == ["quality", "unknown", "price", "other"]
    assert by_rev["lost_revenue"].tolist() == pytest.approx([900, 600, 500, 70])
    assert by_rev["revenue_share"].tolist() == pytest.approx(
        [900 / 2070, 600 / 2070, 500 / 2070, 70 / 2070]
    )
    assert by_count["customers"].sum() == result.years["lost"].sum()
    assert result.no_reason_customers == 2
    assert result.no_reason_share == pytest.approx(0.4)
    assert result.reasons_available


def test_without_lost_reasons_everything_but_the_reasons():
    res = analyse(_client(None))
    assert not res.reasons_available
    assert res.reasons_by_count.empty and res.reasons_by_revenue.empty
    assert np.isnan(res.no_reason_share)
    assert res.years["lost"].tolist() == [1, 2, 2]
    c = res.customers.set_index("customer_id")
    assert c.loc["A", "reason"] == "unknown"
    assert c.loc["A", "winnability"] == 0.5
    # A: value 3 x winnability 0.5 x recency (121 days since 2026-03-01)
    assert c.loc["A", "priority_score"] == pytest.approx(3 * 0.5 * (1 - 121 / M / 36))


# ---------------------------------------------------------------- priority


def test_value_scores_are_quintiles_with_ties_sharing_the_higher_class():
    assert value_scores(np.arange(10.0)).tolist() == [1, 1, 2, 2, 3, 3, 4, 4, 5, 5]
    assert value_scores([100.0, 100.0, 50.0]).tolist() == [5, 5, 2]  # ceil(5 x 1 / 3) = 2
    assert value_scores([100.004, 100.0]).tolist() == [5, 5]  # equal in whole cents
    assert value_scores([7.0]).tolist() == [5]


def test_priority_ranking_value_times_winnability_times_recency(result):
    # within 36 months: D 0 (score 1), I 70 (2), A 500 (3), J 600 (4), B 900 (5)
    # days since lost: A 121, B 365, D 536, I 166, J 771
    expected = {
        "B": 5 * 0.5 * (1 - 365 / M / 36),  # quality 0.5
        "A": 3 * 0.6 * (1 - 121 / M / 36),  # price 0.6
        "I": 2 * 0.5 * (1 - 166 / M / 36),  # other -> unknown's 0.5
        "J": 4 * 0.5 * (1 - 771 / M / 36),  # blank -> unknown 0.5
        "D": 1 * 0.5 * (1 - 536 / M / 36),
    }
    p = result.priority
    assert p["customer_id"].tolist() == ["B", "A", "I", "J", "D"]
    assert p["rank"].tolist() == [1, 2, 3, 4, 5]
    assert p["priority_score"].tolist() == pytest.approx(list(expected.values()))
    assert p["value_score"].tolist() == [5, 3, 2, 4, 1]
    assert p.loc[0, "account_manager"] == "Meier"
    assert p.loc[1, "approach"] == "price_offer"
    k = _row(result, "K")  # lost 1217 days ago > 36 months: recency 0, not listed
    assert k["priority_score"] == 0.0
    assert np.isnan(k["value_score"])
    assert k["months_since_lost"] == pytest.approx(1217 / M)
    assert np.isnan(_row(result, "C")["priority_score"])


def test_winnability_setting_reorders_the_list():
    inputs = prepare(_client())
    res = compute(inputs, WinbackSettings(winnability={"price": 0.9}))
    # A: 3 x 0.9 x (1 - 121 / M / 36) = 2.40 > B 1.67
    assert res.priority["customer_id"].tolist()[:2] == ["A", "B"]
    assert res.winnability["quality"] == 0.5  # reasons not named keep the default
    assert res.winnability["other"] == res.winnability["unknown"]


def test_priority_ties_by_lost_revenue_then_id():
    # three customers lost the same day with the same reason: equal revenue -> same score
    lines = [("2025-01-10", "Y", 100.0), ("2025-01-10", "X", 100.0), ("2025-01-10", "W", 40.0)]
    res = analyse(_client(None, lines=lines))
    assert res.priority["customer_id"].tolist() == ["X", "Y", "W"]


# ---------------------------------------------------------------- reactivation


def test_reactivation_after_more_than_n_months(result):
    c = result.customers.set_index("customer_id")
    assert c.loc["G", "reactivated_on"] == T("2025-09-01")  # the latest gap counts
    assert c.loc["G", "revenue_since_reactivation"] == pytest.approx(100.0)
    assert c.loc["A", "reactivated_on"] == T("2024-05-01")  # 2023-03-10 -> 2024-05-01
    assert c.loc["A", "revenue_since_reactivation"] == pytest.approx(450.0)  # 300+200-50
    assert pd.isna(c.loc["B", "reactivated_on"])  # gap exactly 12 months
    assert pd.isna(c.loc["H", "reactivated_on"])
    r = result.reactivations.set_index("year")
    assert r["reactivated"].tolist() == [1, 1, 0]
    assert r["revenue_since"].tolist() == pytest.approx([450.0, 100.0, 0.0])
    assert r["is_ytd"].tolist() == [False, False, True]


def test_shorter_n_finds_more_reactivations():
    res = compute(prepare(_client()), WinbackSettings(lost_after_months=6))
    c = res.customers.set_index("customer_id")
    # N 6: H's 12-month gap now counts; G's latest gap is still 2024-05-01 -> 2025-09-01
    assert c.loc["H", "reactivated_on"] == T("2025-08-10")
    assert c.loc["B", "reactivated_on"] == T("2024-06-30")
    assert c.loc["G", "reactivated_on"] == T("2025-09-01")


# ---------------------------------------------------------------- export


def test_export_frame_columns_order_and_empty_cells(result):
    df = export_frame(result)
    assert tuple(df.columns) == EXPORT_COLUMNS
    # revenue 2025-07 .. 2026-06: G 100, H 60, zeros by id, E -20
    assert df["customer_id"].tolist() == ["G", "H", "A", "B", "C", "D", "F", "I", "J", "K", "E"]
    rows = df.set_index("customer_id")
    a = rows.loc["A"]
    assert (a["name"], a["status"], a["reason"]) == ("Firma A", "lost", "price")
    assert a["last_purchase"] == T("2025-03-01")
    assert a["lost_on"] == T("2026-03-01")
    assert a["lost_revenue"] == pytest.approx(500.0)
    assert a["reactivated_on"] == T("2024-05-01")
    f = rows.loc["F"]
    assert f["status"] == "never_bought"
    assert pd.isna(f["last_purchase"]) and pd.isna(f["lost_on"])
    assert np.isnan(f["lost_revenue"]) and np.isnan(f["priority_score"])
    assert f["reason"] == ""
    g = rows.loc["G"]
    assert g["status"] == "active" and g["reason"] == "" and pd.isna(g["lost_on"])
    assert len(df) == 11  # one row per master customer


# ---------------------------------------------------------------- edge cases


def test_client_without_sales_and_minimal_reason_file():
    lines: list[tuple[str, str, float]] = []
    reasons = pd.DataFrame({"customer_id": ["1"], "reason": ["Preis"]})  # only the required columns
    res = analyse(_client(reasons, lines=lines, ids=["1", "2"]))
    assert res.status_counts == {"active": 0, "lost": 0, "never_bought": 2}
    assert res.years["lost"].tolist() == [0, 0, 0]
    assert res.years["loss_rate"].isna().all() and not res.years["complete"].any()
    assert res.priority.empty and res.reasons_by_count.empty
    assert np.isnan(res.no_reason_share)  # no losses: no share
    assert res.reasons_not_lost == 1
    assert pd.isna(res.data_start)
    assert export_frame(res)["customer_id"].tolist() == ["1", "2"]


def test_compute_leaves_the_inputs_unchanged_for_the_next_panel_move():
    inputs = prepare(_client())
    first = compute(inputs)
    compute(inputs, WinbackSettings(lost_after_months=6, winnability={"price": 0.1}))
    again = compute(inputs)
    pd.testing.assert_frame_equal(first.customers, again.customers)
    pd.testing.assert_frame_equal(first.priority, again.priority)
