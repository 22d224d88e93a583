"""METHODOLOGY.md section 1a on hand-computed cases: scope, coverage, the wallet gap
as potential, the capacity check, programs that can be run, one concentration base
and the deprecated ``focus_programs`` key."""

from __future__ import annotations

import warnings
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from kamlib.analysis.portfolio import analyse, capacity_check, focus_programs, last_complete_year
from kamlib.analysis.shares import revenue_concentration
from kamlib.config import ClientConfig, ConfigError, ConfigWarning, PortfolioSettings, parse_config
from kamlib.data.client import ClientData

AS_OF = pd.Timestamp("2026-06-30")


def _scope_client(**portfolio) -> ClientData:
    """Six customers, window July 2025 - June 2026, every sale on 2026-03-15.

    revenue: A1 9000, B1 600, C2 200, C1 100, KA2 100, KA1 0 (total 10000)
    ABC (before-shares): A1 0 -> A; B1 90 % -> B; C2 96 %, C1 98 %, KA2 99 % -> C; KA1 C.
    potential: A1 12000 (gap 3000), C1 1000 (gap 900), C2 5000 (gap 4800), others none.
    margins 20 % of revenue (portfolio ratio 0.2 -> margin_quality 50), KA2 none.
    ratings: C1 future_demand 4 (75), decision_access 4 (75).
    key accounts: KA1, KA2. Account managers: A1 Anna, C1 Ben.
    activities: 2025 visits A1 10, C1 5 (15); 2024 visits A1 30 (other year, ignored).
    """
    ids = ["A1", "B1", "C1", "C2", "KA1", "KA2"]
    customers = pd.DataFrame(
        {
            "customer_id": ids,
            "name": ids,
            "is_key_account": [False, False, False, False, True, True],
            "potential": [12000.0, np.nan, 1000.0, 5000.0, np.nan, np.nan],
            "account_manager": ["Anna", "", "Ben", "", "", ""],
        }
    )
    revenue = {"A1": 9000.0, "B1": 600.0, "C1": 100.0, "C2": 200.0, "KA2": 100.0}
    sales = pd.DataFrame(
        {
            "customer_id": list(revenue),
            "date": pd.to_datetime(["2026-03-15"] * len(revenue)),
            "net_revenue": list(revenue.values()),
            "contribution_margin": [0.2 * v if k != "KA2" else np.nan for k, v in revenue.items()],
        }
    )
    ratings = pd.DataFrame(
        [("C1", "future_demand", 4, "2026-05-01"), ("C1", "decision_access", 4, "2026-05-01")],
        columns=["customer_id", "criterion", "rating", "rated_on"],
    )
    activities = pd.DataFrame(
        {"customer_id": ["A1", "C1", "A1"], "year": [2025, 2025, 2024], "visits": [10, 5, 30]}
    )
    settings = {
        "potential": {"future_demand": 0.5, "share_of_wallet": 0.5},
        "attractiveness": {"decision_access": 0.5, "margin_quality": 0.5},
        **portfolio,
    }
    cfg = ClientConfig(name="Scope", as_of=AS_OF.date(), portfolio=settings)
    return ClientData(Path("scope"), cfg, customers, sales, ratings=ratings, activities=activities)


def test_scope_places_a_b_key_accounts_and_rated_customers_only():
    r = analyse(_scope_client())
    c = r.customers.set_index("customer_id")
    # in scope: A1 (A), B1 (B), C1 (C but rated), KA1 and KA2 (flagged); C2 is out
    assert c["in_scope"].to_dict() == {
        "A1": True, "B1": True, "C2": False, "C1": True, "KA2": True, "KA1": True,
    }  # fmt: skip
    assert r.out_of_scope_customers == 1
    assert r.out_of_scope["customer_id"].tolist() == ["C2"]
    # potential = gap quintile among in-scope positive gaps A1 3000, C1 900 (n = 2):
    # A1 rank 0 -> 5 (100), C1 rank 1 -> 5 - floor(5 / 2) = 3 (50); B1 no potential -> 1 (0)
    assert c.loc["A1", "crit_share_of_wallet"] == 100.0
    assert c.loc["C1", "crit_share_of_wallet"] == 50.0
    assert c.loc["B1", "crit_share_of_wallet"] == 0.0
    # C2 (out of scope, gap 4800 above every in-scope gap) is rated 5 for information
    assert c.loc["C2", "wallet_gap_rating"] == 5.0
    # scores: A1 potential 100, attractiveness 50 (margin only) -> protect;
    # B1 0 / 50 -> maintain; C1 (75 + 50) / 2 = 62.5 and (75 + 50) / 2 = 62.5 -> protect
    assert c.loc["C1", "potential_score"] == pytest.approx(62.5)
    assert c.loc["C1", "attractiveness_score"] == pytest.approx(62.5)
    assert c["zone"].to_dict() == {
        "A1": "protect", "B1": "maintain", "C2": "", "C1": "protect", "KA2": "", "KA1": "",
    }  # fmt: skip
    assert c.loc["C2", "status"] == "out_of_scope"


def test_scope_all_places_everybody_with_enough_coverage():
    r = analyse(_scope_client(scope="all"))
    c = r.customers.set_index("customer_id")
    # positive gaps now A1 3000, C1 900, C2 4800 (n = 3), descending C2, A1, C1:
    # ranks 0, 1, 2 -> 5, 5 - floor(5 / 3) = 4, 5 - floor(10 / 3) = 2
    assert c.loc["C2", "crit_share_of_wallet"] == 100.0
    assert c.loc["A1", "crit_share_of_wallet"] == 75.0
    assert c.loc["C1", "crit_share_of_wallet"] == 25.0
    assert c.loc["C2", "zone"] == "protect"  # potential 100, margin 50
    assert r.out_of_scope_customers == 0 and r.out_of_scope.empty


def test_coverage_rule_sends_thin_customers_to_the_rating_list_by_revenue():
    r = analyse(_scope_client())
    c = r.customers.set_index("customer_id")
    # A1 and B1: share_of_wallet (.5 of potential) and margin_quality (.5 of
    # attractiveness) have values -> coverage exactly .5 on both axes -> placed,
    # provisional (data only). C1: all four criteria -> 1 / 1, placed on ratings.
    assert c.loc["A1", "coverage_potential"] == 0.5
    assert c.loc["A1", "coverage_attractiveness"] == 0.5
    assert bool(c.loc["A1", "provisional"]) and bool(c.loc["B1", "provisional"])
    assert not bool(c.loc["C1", "provisional"])
    assert r.provisional_customers == 2 and r.unrated_customers == 2
    # KA2 has no margin, KA1 no sales: attractiveness coverage 0 -> to be rated,
    # ranked by revenue (KA2 100 before KA1 0)
    assert c.loc["KA2", "coverage_attractiveness"] == 0.0
    assert r.to_rate["customer_id"].tolist() == ["KA2", "KA1"]
    assert r.unplaced_customers == 2
    assert c.loc["KA2", "status"] == "to_rate"
    # a stricter coverage (.6) leaves only C1 placed; A1 and B1 join the list by revenue
    r = analyse(_scope_client(min_coverage=0.6))
    assert r.to_rate["customer_id"].tolist() == ["A1", "B1", "KA2", "KA1"]
    assert (r.customers["zone"] != "").sum() == 1


def test_capacity_check_against_last_complete_year_in_activities():
    r = analyse(_scope_client())
    cap = r.capacity
    # zones: protect A1, C1 (2 x 12 = 24), maintain B1 (1 x 4) -> required 28
    # actual = visits 2025 (the last complete year before 2026-06-30): 10 + 5 = 15
    assert (cap.year, cap.required, cap.actual) == (2025, 28.0, 15.0)
    # 28 > 15 x 1.2 = 18 -> over; add 28 - 15 = 13 visits or trim protect (largest load):
    # ceil(13 / 12) = 2 customers out of its plan, or room 15 - 4 = 11 -> floor(11 / 2) = 5 a year
    assert cap.over and cap.available
    assert cap.ratio == pytest.approx(28 / 15)
    assert (cap.excess, cap.trim_zone, cap.trim_customers) == (13.0, "protect", 2)
    assert cap.fitting_frequency == 5.0
    zones = r.zones.set_index("zone")
    assert zones["required_visits"].tolist() == [24.0, 0.0, 4.0, 0.0]
    assert zones["visits_per_year"].tolist() == [12.0, 6.0, 4.0, 1.0]


def test_capacity_flag_needs_more_than_the_tolerance():
    visits = pd.Series({2024: 100.0, 2025: 150.0})
    # protect 10 x 12 + develop 5 x 6 + maintain 5 x 4 + withdraw 10 x 1 = 180
    # = 150 x 1.2 exactly -> not over (more than 20 % is needed)
    freq = {"protect": 12, "develop": 6, "maintain": 4, "withdraw": 1}
    sizes = {"protect": 10, "develop": 5, "maintain": 5, "withdraw": 10}
    cap = capacity_check(sizes, freq, visits, AS_OF)
    assert cap.required == 180.0 and not cap.over and cap.trim_zone == ""
    # one more withdraw customer: 181 > 180 -> over, excess 31, trim protect (load 120):
    # ceil(31 / 12) = 3 customers; room 150 - (181 - 120) = 89 -> floor(89 / 10) = 8
    cap = capacity_check({**sizes, "withdraw": 11}, freq, visits, AS_OF)
    assert cap.over and cap.excess == 31.0
    assert (cap.trim_zone, cap.trim_customers, cap.fitting_frequency) == ("protect", 3, 8.0)
    # no activities for the year: no comparison, no flag
    cap = capacity_check(sizes, freq, pd.Series(dtype=float), AS_OF)
    assert not cap.available and not cap.over and np.isnan(cap.actual)


def test_last_complete_calendar_year():
    # 31 December closes the year; any other day counts the year before
    assert last_complete_year(pd.Timestamp("2025-12-31")) == 2025
    assert last_complete_year(pd.Timestamp("2025-12-30")) == 2024
    assert last_complete_year(pd.Timestamp("2026-01-01")) == 2025


def _program_customers() -> pd.DataFrame:
    """Six customers; decision_access value -> shortfall (100 - v) / 25.

    p1 protect, pot 100, revenue 1000, gap 4000, da 0 (shortfall 4) -> opportunity 16000
    p2 protect, pot 100, revenue 500, no potential, da 25 (3) -> opportunity 0
    p3 develop, pot 50, revenue 0, no potential, da 0 (4) -> never a target
    p4 develop, pot 50, revenue 0, gap 3000, da 50 (2) -> opportunity 6000
    p5 maintain (not high potential), da 0 -> not considered
    p6 protect, pot 100, revenue 2000, gap 600, da 75 (1 < 2) -> not a target
    """
    return pd.DataFrame(
        {
            "customer_id": ["p1", "p2", "p3", "p4", "p5", "p6"],
            "customer_name": ["P1", "P2", "P3", "P4", "P5", "P6"],
            "account_manager": ["Anna", "Ben", "Cem", "Dora", "Eva", "Fred"],
            "zone": ["protect", "protect", "develop", "develop", "maintain", "protect"],
            "potential_score": [100.0, 100.0, 50.0, 50.0, 10.0, 100.0],
            "revenue": [1000.0, 500.0, 0.0, 0.0, 100.0, 2000.0],
            "potential": [5000.0, np.nan, np.nan, 3000.0, np.nan, 2600.0],
            "wallet_gap": [4000.0, np.nan, np.nan, 3000.0, np.nan, 600.0],
            "crit_decision_access": [0.0, 25.0, 0.0, 50.0, 0.0, 75.0],
        }
    )


def test_program_targets_ranked_by_eur_opportunity_with_owner_and_target():
    programs, targets = focus_programs(_program_customers(), ["decision_access"], 4, AS_OF, 2)
    row = programs.iloc[0]
    # total shortfall weighted by potential score / 100:
    # p1 4 x 1 + p2 3 x 1 + p3 4 x .5 + p4 2 x .5 + p6 1 x 1 = 11
    assert row["shortfall"] == pytest.approx(11.0)
    assert (row["action"], row["kpi"], row["quarter"]) == (
        "open_decision_access",
        "decision_maker_meetings",
        "2026-Q3",
    )
    # eligible with shortfall >= 2: p1, p2, p4 (p3 has neither revenue nor potential);
    # opportunity p1 16000, p4 6000, p2 0 -> the two named targets p1, p4
    assert row["candidates"] == 3 and row["customers"] == 2
    assert row["customer_ids"] == ["p1", "p4"]
    assert targets["owner"].tolist() == ["Anna", "Dora"]
    assert targets["opportunity"].tolist() == [16000.0, 6000.0]
    # EUR target = a third of the wallet gap: 4000 / 3 = 1333.33, 3000 / 3 = 1000
    assert targets["target_eur"].tolist() == [1333.33, 1000.0]
    assert targets["rank"].tolist() == [1, 2]
    # without the cut p2 follows with opportunity 0 and an unknown EUR target
    _, targets = focus_programs(_program_customers(), ["decision_access"], 4, AS_OF, 15)
    assert targets["customer_id"].tolist() == ["p1", "p4", "p2"]
    assert np.isnan(targets["target_eur"].iloc[2])
    assert "p3" not in targets["customer_id"].tolist()


def test_max_programs_and_max_targets_come_from_config():
    r = analyse(_scope_client(programs={"max_programs": 1, "max_targets": 1}))
    assert len(r.focus_programs) == 1
    assert r.focus_programs["customers"].tolist() == [1]
    assert len(r.program_targets) == 1
    assert r.program_targets["owner"].iloc[0] in {"Anna", "Ben"}


# ------------------------------------------------------------------------- config


def test_portfolio_defaults_of_section_1a():
    s = PortfolioSettings()
    assert s.scope == "ab_ka_rated" and s.min_coverage == 0.5
    assert s.visits_per_year.model_dump() == {
        "protect": 12,
        "develop": 6,
        "maintain": 4,
        "withdraw": 1,
    }
    assert (s.programs.max_programs, s.programs.max_targets) == (4, 15)
    assert s.programs.target_share_of_gap == pytest.approx(1 / 3)
    assert s.capacity_tolerance == 0.2


def test_focus_programs_is_a_deprecated_alias_of_programs_max_programs():
    with pytest.warns(ConfigWarning, match="portfolio.programs.max_programs"):
        cfg = parse_config({"name": "x", "portfolio": {"focus_programs": 3}})
    assert cfg.portfolio.programs.max_programs == 3
    # the same value in both places is accepted (with the warning)
    with pytest.warns(ConfigWarning):
        cfg = parse_config(
            {"name": "x", "portfolio": {"focus_programs": 2, "programs": {"max_programs": 2}}}
        )
    assert cfg.portfolio.programs.max_programs == 2
    # no warning for the new key alone
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        parse_config({"name": "x", "portfolio": {"programs": {"max_programs": 2}}})


def test_focus_programs_and_max_programs_disagreeing_is_a_config_error():
    with pytest.raises(ConfigError) as err:
        parse_config(
            {"name": "x", "portfolio": {"focus_programs": 2, "programs": {"max_programs": 3}}}
        )
    text = str(err.value)
    assert "portfolio.focus_programs" in text and "portfolio.programs.max_programs" in text


def test_scope_value_is_checked():
    with pytest.raises(ConfigError) as err:
        parse_config({"name": "x", "portfolio": {"scope": "everyone"}})
    assert "portfolio.scope" in str(err.value)


# ------------------------------------------------------------------ concentration


def test_concentration_on_customers_with_positive_revenue():
    ids = ["a", "b", "d", "c", "e", "f", "g", "h"]
    revenue = [50.0, 30.0, 10.0, 10.0, 0.0, -5.0, np.nan, 0.004]
    k = revenue_concentration(ids, revenue)
    # base: a, b, c, d (e 0, f negative, g unknown, h under half a cent are left out);
    # ties c, d (10 each) by id; total 100, cumulative .5 .8 .9 1.0
    assert k.customers == 4 and k.revenue == 100.0
    assert k.ranked_ids == ["a", "b", "c", "d"]
    # top 10 % and top 20 % of 4 = ceil(.4) = ceil(.8) = 1 customer -> 50 %
    assert (k.top10_customers, k.top10_share, k.top20_customers, k.top20_share) == (
        1,
        0.5,
        1,
        0.5,
    )
    # 80 % reached by a + b -> 2 customers = 50 % of the base
    assert (k.customers_for_80, k.customers_for_80_share) == (2, 0.5)
    # hhi .25 + .09 + .01 + .01 = .36; top 20 % share .5 < .6 -> broad
    assert k.hhi == pytest.approx(0.36) and k.level == "broad"
    assert k.lorenz["revenue_share"].tolist() == pytest.approx([0, 0.5, 0.8, 0.9, 1.0])
    assert revenue_concentration([], []).customers == 0


def test_portfolio_concentration_and_lorenz_use_the_positive_revenue_base(tmp_path):
    r = analyse(_scope_client())
    # five customers with revenue > 0 (KA1 has none): 9000, 600, 200, 100, 100 of 10000
    k = r.concentration
    assert k.customers == 5
    # 80 % is reached by A1 alone (90 %) -> 1 customer = 20 % of the base
    assert (k.customers_for_80, k.customers_for_80_share) == (1, 0.2)
    assert r.lorenz["customer_share"].tolist() == pytest.approx([0, 0.2, 0.4, 0.6, 0.8, 1.0])
    assert r.lorenz["revenue_share"].tolist() == pytest.approx([0, 0.9, 0.96, 0.98, 0.99, 1.0])


def test_frequency_variant_counts_the_months_from_the_first_purchase():
    from tests.analysis.test_portfolio import _example_client

    # worked example, xyz.method frequency: share of months with positive revenue over
    # the months from max(first purchase, window start) to June 2026 (>= .75 X, >= .4 Y):
    # K01, K03, K05 12 / 12 -> X; K02 3 / 12 = .25 -> Z; K04 1 / 12 -> Z;
    # K07 first bought February 2026: 5 / 5 -> X (over twelve months 5 / 12 = .42 would be Y);
    # K06 first bought May 2026 -> new; K08 (no sales), K09 (credit note only) -> no class
    r = analyse(_example_client(), PortfolioSettings(xyz={"method": "frequency"}))
    got = r.customers.set_index("customer_id")["xyz_class"].to_dict()
    assert got == {
        "K01": "X", "K02": "Z", "K03": "X", "K04": "Z", "K05": "X",
        "K06": "new", "K07": "X", "K08": "", "K09": "",
    }  # fmt: skip


@pytest.mark.parametrize("client_name", ["demo-maschinenbau", "demo-components"])
def test_overview_and_portfolio_report_the_same_concentration(client_name):
    import kamlib
    from kamlib.analysis import overview

    root = Path(__file__).resolve().parents[2] / "client_data" / client_name
    client = kamlib.load_client(root)
    p = analyse(client).concentration
    o = overview.analyse(client).concentration
    assert (p.customers, p.customers_for_80, p.top10_customers, p.top20_customers) == (
        o.customers,
        o.customers_for_80,
        o.top10_customers,
        o.top20_customers,
    )
    assert p.revenue == pytest.approx(o.revenue)
    assert p.top20_share == pytest.approx(o.top20_share)
