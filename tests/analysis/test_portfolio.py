"""Portfolio analysis end to end on small, hand-computed clients."""

from __future__ import annotations

import shutil
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

import kamlib
from kamlib.analysis.portfolio import analyse, compute, prepare
from kamlib.config import ClientConfig, PortfolioSettings
from kamlib.data.client import ClientData

EXAMPLE = Path(__file__).resolve().parent.parent / "fixtures" / "portfolio_example"


def _example_client() -> ClientData:
    customers = pd.read_csv(EXAMPLE / "portfolio_customers.csv", dtype={"customer_id": str})
    sales = pd.read_csv(
        EXAMPLE / "portfolio_sales.csv", dtype={"customer_id": str}, parse_dates=["date"]
    )
    sales["contribution_margin"] = np.nan
    config = ClientConfig(name="Beispiel", as_of=pd.Timestamp("2026-06-30").date())
    return ClientData(EXAMPLE, config, customers, sales)


def _check_against_expected(result) -> None:
    expected = pd.read_csv(EXAMPLE / "portfolio_expected.csv", dtype={"customer_id": str})
    expected = expected.fillna({"xyz": ""})
    got = result.customers.set_index("customer_id")
    assert list(got.index) == expected["customer_id"].tolist()  # revenue desc, then id
    for row in expected.itertuples():
        c = got.loc[row.customer_id]
        assert c["revenue"] == pytest.approx(row.revenue), row.customer_id
        assert c["cum_before_share"] == pytest.approx(row.cum_before_share), row.customer_id
        assert c["abc_class"] == row.abc, row.customer_id
        assert c["xyz_class"] == row.xyz, row.customer_id
        if np.isnan(row.cv):
            assert np.isnan(c["cv"]), row.customer_id
        else:
            assert round(c["cv"], 4) == pytest.approx(row.cv), row.customer_id
        if np.isnan(row.cv_months):
            assert np.isnan(c["cv_months"]), row.customer_id
        else:
            assert c["cv_months"] == row.cv_months, row.customer_id


def test_worked_example_matches_every_expected_value():
    result = analyse(_example_client())
    _check_against_expected(result)
    assert result.window_start == pd.Timestamp("2025-07-01")
    assert result.window_end == pd.Timestamp("2026-06-30")


def test_worked_example_through_load_client(tmp_path):
    shutil.copy(EXAMPLE / "portfolio_customers.csv", tmp_path / "customers.csv")
    shutil.copy(EXAMPLE / "portfolio_sales.csv", tmp_path / "sales.csv")
    (tmp_path / "client.yaml").write_text("name: Beispiel\nas_of: 2026-06-30\n", encoding="utf-8")
    _check_against_expected(analyse(kamlib.load_client(tmp_path)))


def test_worked_example_matrix_counts_and_revenue_shares():
    r = analyse(_example_client())
    m = r.matrix.set_index("field")
    assert list(m.index) == ["AX", "AY", "AZ", "BX", "BY", "BZ", "CX", "CY", "CZ"]
    # K01 AX, K02 AZ, K05 BX, K03 BY, K04 BZ, K07 CX; K06 new; K08, K09 no revenue
    assert m["customers"].tolist() == [1, 0, 1, 1, 1, 1, 1, 0, 0]
    # positive revenue total 1000: 500, 300, 25, 100, 25, 25 -> shares
    assert m["revenue_share"].tolist() == pytest.approx(
        [0.5, 0, 0.3, 0.025, 0.1, 0.025, 0.025, 0, 0]
    )
    assert m.loc["AX", "recommendation"] == "portfolio.rec.AX"
    extra = r.matrix_extra
    assert extra.loc["new", "customers"] == 1
    assert extra.loc["new", "revenue_share"] == pytest.approx(0.025)
    assert extra.loc["no_revenue", "customers"] == 2
    assert extra.loc["no_revenue", "revenue_share"] == 0.0
    # every master customer is in exactly one of the 9 + 2 groups
    assert m["customers"].sum() + extra["customers"].sum() == 9
    abc = r.abc_summary.set_index("abc_class")
    assert abc["customers"].tolist() == [2, 3, 4]
    assert abc["revenue_share"].tolist() == pytest.approx([0.8, 0.15, 0.05])
    # Lorenz curve starts at (0, 0) and ends at (1, 1)
    assert r.lorenz.iloc[0].tolist() == [0.0, 0.0]
    assert r.lorenz.iloc[-1].tolist() == pytest.approx([1.0, 1.0])


def test_margin_basis_ranks_by_contribution_margin():
    client = _example_client()
    # give K05 a large margin: on the margin basis it becomes the only A customer
    client.sales["contribution_margin"] = 0.0
    client.sales.loc[client.sales["customer_id"] == "K05", "contribution_margin"] = 10.0
    settings = PortfolioSettings(abc={"basis": "margin"})
    r = analyse(client, settings).customers.set_index("customer_id")
    assert r.loc["K05", "abc_class"] == "A"
    assert r.loc["K01", "abc_class"] == "C"  # margin 0 -> C
    assert r.loc["K05", "value"] == pytest.approx(120.0)  # 12 window lines (Jul-Jun) x 10


# --------------------------------------------------------------- small scored client


def _small_client(**config) -> ClientData:
    """Three customers with ratings, potential and margins (see test docstrings)."""
    customers = pd.DataFrame(
        {
            "customer_id": ["R1", "U1", "N1"],
            "name": ["Rated AG", "=Unrated GmbH", "New KG"],
            "is_key_account": [False, False, True],
            "potential": [4000.0, 1000.0, np.nan],
        }
    )
    sales = pd.DataFrame(
        [
            ("R1", "2024-07-15", 800.0, 120.0),  # previous period, data start
            ("R1", "2025-07-15", 800.0, 120.0),
            ("R1", "2026-06-15", 800.0, 120.0),
            ("R1", "2026-07-05", 1000.0, 100.0),  # after as_of: ignored
            ("U1", "2026-01-15", 400.0, 160.0),
            ("N1", "2026-06-10", 100.0, np.nan),
        ],
        columns=["customer_id", "date", "net_revenue", "contribution_margin"],
    )
    sales["date"] = pd.to_datetime(sales["date"])
    ratings = pd.DataFrame(
        [
            ("R1", "future_demand", 5, "2026-05-01", "A"),
            ("R1", "decision_access", 2, "2026-05-01", "A"),
            ("R1", "strategic_fit", 4, "2026-05-01", "A"),
            ("R1", "image", 4, "2026-05-01", "A"),
            ("R1", "expertise", 3, "2026-05-01", "A"),
            ("R1", "expertise", 4, "2026-05-01", "B"),  # same round, second rater
            ("R1", "expertise", 5, "2025-01-01", "A"),  # older round: ignored
        ],
        columns=["customer_id", "criterion", "rating", "rated_on", "rated_by"],
    )
    settings = {
        "potential": {"future_demand": 0.5, "share_of_wallet": 0.5},
        "attractiveness": {"decision_access": 0.5, "margin_quality": 0.5},
        "key_account": {"weights": {"revenue": 0.5, "strategic_fit": 0.5}, "cut_score": 60},
        "programs": {"max_programs": 2},
    }
    settings.update(config)
    cfg = ClientConfig(name="Klein", as_of=pd.Timestamp("2026-06-30").date(), portfolio=settings)
    return ClientData(Path("klein"), cfg, customers, sales, ratings=ratings)


def test_small_client_scores_zones_and_unrated_placement():
    r = analyse(_small_client())
    c = r.customers.set_index("customer_id")
    # sales after as_of are ignored: R1 = 800 + 800 in the window
    assert c.loc["R1", "revenue"] == 1600.0
    assert c.loc["R1", "contribution_margin"] == 240.0
    # share of wallet (a column): R1 1600 / 4000 = 0.4, U1 400 / 1000 = 0.4
    assert c.loc["R1", "share_of_wallet"] == pytest.approx(0.4)
    assert c.loc["R1", "wallet_gap"] == pytest.approx(2400.0)
    # the criterion is the EUR gap by quintile among in-scope customers (all three: R1, U1
    # A; N1 key account): gaps R1 2400, U1 600, N1 unknown -> 0 -> rating 1 (score 0).
    # Positive gaps n = 2: R1 rank 0 -> 5 - floor(0) = 5 (100); U1 rank 1 ->
    # 5 - floor(5 / 2) = 3 (50)
    assert c.loc["R1", "crit_share_of_wallet"] == pytest.approx(100.0)
    assert c.loc["U1", "crit_share_of_wallet"] == pytest.approx(50.0)
    assert c.loc["N1", "crit_share_of_wallet"] == pytest.approx(0.0)
    # portfolio margin ratio (R1 240 + U1 160) / (1600 + 400) = 0.2 (N1 has no margin)
    assert r.portfolio_margin_ratio == pytest.approx(0.2)
    # margin quality: U1 0.4 / 0.2 * 50 = 100; R1 0.15 / 0.2 * 50 = 37.5
    assert c.loc["U1", "crit_margin_quality"] == pytest.approx(100.0)
    assert c.loc["R1", "crit_margin_quality"] == pytest.approx(37.5)
    # R1 potential: .5 * 100 (rating 5) + .5 * 100 = 100; attractiveness .5 * 25 + .5 * 37.5 = 31.25
    assert c.loc["R1", "potential_score"] == pytest.approx(100.0)
    assert c.loc["R1", "attractiveness_score"] == pytest.approx(31.25)
    assert c.loc["R1", "zone"] == "develop"
    assert bool(c.loc["R1", "rated"]) and c.loc["R1", "placement"] == "ratings"
    # U1 has no ratings: data criteria carry .5 of each axis (coverage rule met) ->
    # placed from data alone, provisional (sow 50 -> potential on the split = high)
    assert c.loc["U1", "potential_score"] == pytest.approx(50.0)
    assert c.loc["U1", "attractiveness_score"] == pytest.approx(100.0)
    assert c.loc["U1", "zone"] == "protect"
    assert not c.loc["U1", "rated"] and c.loc["U1", "placement"] == "data"
    assert bool(c.loc["U1", "provisional"]) and not bool(c.loc["R1", "provisional"])
    # N1: no margin, no ratings -> attractiveness coverage 0 < .5: to be rated, kept, counted
    assert c.loc["N1", "zone"] == "" and c.loc["N1", "placement"] == ""
    assert c.loc["N1", "status"] == "to_rate"
    assert r.to_rate["customer_id"].tolist() == ["N1"]
    assert r.unrated_customers == 1
    assert r.unplaced_customers == 1
    assert len(r.customers) == 3
    # R1 growth: 1600 vs 800 in the 12 months before -> +100 %
    assert c.loc["R1", "growth"] == pytest.approx(1.0)
    assert np.isnan(c.loc["U1", "growth"])  # nothing before: no trend
    # XYZ: U1 first bought January 2026 -> 6 months [400, 0, 0, 0, 0, 0] -> Z; N1 new
    assert c.loc["U1", "cv_months"] == 6 and c.loc["U1", "xyz_class"] == "Z"
    assert c.loc["N1", "xyz_class"] == "new"
    zones = r.zones.set_index("zone")
    assert zones["customers"].tolist() == [1, 1, 0, 0]
    assert zones.loc["develop", "wallet_gap"] == pytest.approx(2400.0)


def test_key_account_score_cut_line_and_mismatch_lists():
    r = analyse(_small_client())
    c = r.customers.set_index("customer_id")
    # revenue criterion 100 * (1 - share ranked before), total 2100:
    #   R1 100; U1 100 * (1 - 1600/2100) = 23.81; N1 100 * (1 - 2000/2100) = 4.76
    # R1: .5 * 100 + .5 * 75 (strategic_fit 4) = 87.5; U1 / N1 have only the revenue criterion
    assert c.loc["R1", "crit_revenue"] == pytest.approx(100.0)
    assert c.loc["R1", "ka_score"] == pytest.approx(87.5)
    assert c.loc["U1", "ka_score"] == pytest.approx(100 * 500 / 2100)
    assert c.loc["N1", "ka_score"] == pytest.approx(100 * 100 / 2100)
    assert r.ka_ranking["customer_id"].tolist() == ["R1", "U1", "N1"]
    assert r.ka_ranking["rank"].tolist() == [1, 2, 3]
    assert r.ka_ranking["qualifies"].tolist() == [True, False, False]
    # R1 qualifies (>= 60) but is not flagged; N1 is flagged but below the cut line
    assert r.ka_not_flagged["customer_id"].tolist() == ["R1"]
    assert r.ka_flagged_not_qualified["customer_id"].tolist() == ["N1"]
    assert c["ka_recommended"].tolist() == [True, False, False]


def test_key_account_cut_score_exactly_on_the_line_qualifies():
    # cut 87.5 = R1's score -> still recommended
    r = analyse(
        _small_client(
            key_account={"weights": {"revenue": 0.5, "strategic_fit": 0.5}, "cut_score": 87.5}
        )
    )
    assert r.ka_ranking["qualifies"].tolist() == [True, False, False]


def test_customer_types_and_latest_rating_round():
    r = analyse(_small_client())
    c = r.customers.set_index("customer_id")
    # breadwinner: margin >= 10 % of 400 = 40 -> R1 (240) and U1 (160); N1 has no margin
    # image maker: R1 image 4 >= 4; expert: latest round mean (3 + 4) / 2 = 3.5 < 4
    assert c.loc["R1", "rating_expertise"] == pytest.approx(3.5)
    assert c.loc["R1", "customer_type"] == "breadwinner;image_maker"
    assert c.loc["U1", "customer_type"] == "breadwinner"
    assert c.loc["N1", "customer_type"] == ""
    assert r.breadwinner_basis == "margin"


def test_rating_columns_of_customer_types_in_a_fixed_order():
    # image-maker criterion first, then the expert criterion, whatever the process's
    # string hashing (a set used to decide the order)
    cols = [c for c in analyse(_small_client()).customers.columns if c.startswith("rating_")]
    assert cols == ["rating_image", "rating_expertise"]


def test_prospect_needs_a_budget_that_would_make_it_an_a_customer():
    # cut-offs 50 %/95 %: R1 (76.2 % of revenue) A, U1 starts at 76.2 % -> B.
    # U1: sow 0.4 < 0.5, potential score 60 >= 50, class B -- but its demand is
    # small: 1000 x 0.30 = 300 < 1600 (R1, the smallest A customer) -> no prospect
    r = analyse(
        _small_client(
            abc={"cutoffs": [0.5, 0.95]},
            customer_types={"prospect_max_share_of_wallet": 0.5},
        )
    )
    c = r.customers.set_index("customer_id")
    assert c.loc["U1", "abc_class"] == "B"
    assert c.loc["U1", "customer_type"] == "breadwinner"
    assert "prospect" not in c.loc["R1", "customer_type"]  # A customers never are


def test_prospect_large_budget_boundary():
    # a1 1000 (A); b1, b2 100 each (B: 1000 / 1200 = 83 % before them).
    # fair share 0.25: b1 demand 4000 x 0.25 = 1000 >= 1000 (on the line) -> prospect;
    # b2 demand 3999 x 0.25 = 999.75 < 1000 -> not. Both: sow 100 / 4000 = 0.025 < 0.3,
    # potential score >= 50 (see below).
    customers = pd.DataFrame(
        {
            "customer_id": ["a1", "b1", "b2"],
            "name": ["A", "B1", "B2"],
            "potential": [1000.0, 4000.0, 3999.0],
        }
    )
    sales = pd.DataFrame(
        {
            "customer_id": ["a1", "b1", "b2"],
            "date": pd.to_datetime(["2026-03-15"] * 3),
            "net_revenue": [1000.0, 100.0, 100.0],
            "contribution_margin": [100.0, 10.0, 10.0],
        }
    )
    cfg = ClientConfig(
        name="Budget",
        as_of=pd.Timestamp("2026-06-30").date(),
        portfolio={
            "potential": {"share_of_wallet": 1},
            "customer_types": {"prospect_fair_share_of_wallet": 0.25},
        },
    )
    r = analyse(ClientData(Path("b"), cfg, customers, sales))
    c = r.customers.set_index("customer_id")
    # potential = the wallet-gap quintile: in scope a1 (A, gap 0), b1, b2 (B);
    # positive gaps b1 3900, b2 3899 -> b1 rating 5 (100), b2 5 - floor(5 / 2) = 3 (50)
    assert c.loc["b1", "potential_score"] == pytest.approx(100.0)
    assert c.loc["b2", "potential_score"] == pytest.approx(50.0)
    assert bool(c.loc["b1", "type_prospect"])
    assert not bool(c.loc["b2", "type_prospect"])
    assert not bool(c.loc["a1", "type_prospect"])


def test_breadwinner_threshold_boundary_and_revenue_fallback():
    customers = pd.DataFrame({"customer_id": ["a", "b", "c"], "name": ["A", "B", "C"]})
    sales = pd.DataFrame(
        {
            "customer_id": ["a", "b", "c"],
            "date": pd.to_datetime(["2026-06-01"] * 3),
            "net_revenue": [1000.0, 1000.0, 1000.0],
            # total margin 1000: a has exactly 10 % -> breadwinner, b 9.9 % -> not
            "contribution_margin": [100.0, 99.0, 801.0],
        }
    )
    cfg = ClientConfig(name="x", as_of=pd.Timestamp("2026-06-30").date())
    c = analyse(ClientData(Path("x"), cfg, customers, sales)).customers.set_index("customer_id")
    assert c["type_breadwinner"].to_dict() == {"a": True, "b": False, "c": True}
    # without any margin data the rule falls back to revenue: 1/3 each >= 10 %
    sales["contribution_margin"] = np.nan
    r = analyse(ClientData(Path("x"), cfg, customers, sales))
    assert r.breadwinner_basis == "revenue"
    assert r.customers["type_breadwinner"].all()


def test_focus_programs_pick_largest_shortfalls_with_targets():
    r = analyse(_small_client())
    # protect + develop: U1 (potential 50), R1 (potential 100); weight = potential / 100
    #   share_of_wallet (opportunity: need = value / 25): R1 100 / 25 = 4, U1 50 / 25 = 2
    #       -> 4 * 1.0 + 2 * 0.5 = 5, both targets (>= 2)
    #   decision_access: R1 (100 - 25) / 25 = 3 -> 3 * 1.0 = 3 (U1 not rated)
    #   margin_quality:  R1 (100 - 37.5) / 25 = 2.5 -> 2.5, U1 0
    # -> 2 programs (max_programs 2): share_of_wallet in Q3 2026, decision_access in Q4 2026
    fp = r.focus_programs
    assert fp["criterion"].tolist() == ["share_of_wallet", "decision_access"]
    assert fp["quarter"].tolist() == ["2026-Q3", "2026-Q4"]
    assert fp["shortfall"].tolist() == pytest.approx([5.0, 3.0])
    # targets by EUR opportunity = wallet gap x shortfall: R1 2400 x 4 = 9600 before
    # U1 600 x 2 = 1200; decision_access: R1 2400 x 3 = 7200
    assert fp["customer_ids"].tolist() == [["R1", "U1"], ["R1"]]
    assert fp["opportunity"].tolist() == pytest.approx([10800.0, 7200.0])
    # EUR target a third of the gap: R1 800, U1 200
    assert fp["target_eur"].tolist() == pytest.approx([1000.0, 800.0])
    assert fp["action"].tolist() == ["grow_share_of_wallet", "open_decision_access"]
    assert fp["kpi"].tolist() == ["revenue_gain", "decision_maker_meetings"]
    assert fp["program"].tolist() == [
        "portfolio.program.share_of_wallet",
        "portfolio.program.decision_access",
    ]


def test_share_of_wallet_campaign_skips_a_customer_whose_wallet_we_own():
    # R1's potential = its revenue (1600): gap 0 -> rating 1 -> need 0 < 2: no target,
    # so the share-of-wallet campaign is not proposed for a customer we already own
    client = _small_client()
    client.customers.loc[client.customers["customer_id"] == "R1", "potential"] = 1600.0
    r = analyse(client)
    c = r.customers.set_index("customer_id")
    assert c.loc["R1", "crit_share_of_wallet"] == 0.0
    fp = r.focus_programs.set_index("criterion")
    assert "R1" not in fp.loc["share_of_wallet", "customer_ids"]


def test_customer_without_any_data_is_not_dropped():
    client = _small_client()
    client.customers = pd.concat(
        [client.customers, pd.DataFrame({"customer_id": ["Z9"], "name": ["Ohne Umsatz"]})],
        ignore_index=True,
    )
    r = analyse(client)
    c = r.customers.set_index("customer_id")
    assert "Z9" in c.index
    assert c.loc["Z9", "abc_class"] == "C" and c.loc["Z9", "xyz_class"] == ""
    assert r.customers["customer_id"].tolist()[-1] == "Z9"  # revenue 0 sorts last
    # Z9 (C, no key account, no rating) is out of scope, counted and listed;
    # N1 stays the one customer to be rated
    assert c.loc["Z9", "status"] == "out_of_scope" and c.loc["Z9", "zone"] == ""
    assert r.out_of_scope_customers == 1
    assert r.out_of_scope["customer_id"].tolist() == ["Z9"]
    assert r.unplaced_customers == 1


def test_sensitivity_table_covers_every_weight_both_ways():
    r = analyse(_small_client())
    s = r.sensitivity
    # 2 potential + 2 attractiveness weights, each -20 % and +20 %
    assert len(s) == 8
    assert set(s["direction"]) == {"-", "+"}
    assert s["changed_share"].between(0, 1).all()
    assert 0.0 <= r.robust_share <= 1.0
    assert r.weights["potential"] == {"future_demand": 0.5, "share_of_wallet": 0.5}


def test_compute_on_a_400_customer_client_scores_everyone_within_range():
    rng = np.random.default_rng(3)
    n = 400
    ids = [f"{i:04d}" for i in range(n)]
    customers = pd.DataFrame(
        {"customer_id": ids, "name": ids, "potential": rng.uniform(1e4, 1e6, n)}
    )
    lines = 40_000
    sales = pd.DataFrame(
        {
            "customer_id": rng.choice(ids, lines),
            "date": pd.Timestamp("2023-07-01") + pd.to_timedelta(rng.integers(0, 1095, lines), "D"),
            "net_revenue": rng.lognormal(7, 1, lines),
            "contribution_margin": rng.lognormal(5, 1, lines),
        }
    )
    ratings = pd.DataFrame(
        {"customer_id": np.repeat(ids[:100], 3), "criterion": ["future_demand", "chemistry", "processes"] * 100,
         "rating": rng.integers(1, 6, 300)}
    )  # fmt: skip
    cfg = ClientConfig(name="x", as_of=pd.Timestamp("2026-06-30").date())
    inputs = prepare(ClientData(Path("x"), cfg, customers, sales, ratings=ratings))
    # speed is a benchmark (make bench), not a test: here only the result at this size
    r = compute(inputs, cfg.portfolio)
    assert len(r.customers) == n
    assert r.customers["potential_score"].dropna().between(0, 100).all()
