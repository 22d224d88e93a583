"""C-customer management (METHODOLOGY.md section 2) on a 5-customer client worked out by hand.

as_of 2026-06-30: profitability year Y = 2025, window 2025-07-01..2026-06-30,
previous period 2024-07-01..2025-06-30. Default unit costs: visits 250,
calls 15, orders 40, deliveries 30, complaints 120, returns 80, quotes 60.

==  ==================================================  ===========================
id  sales lines (date invoice revenue margin)           by hand
==  ==================================================  ===========================
K1  2025-05-01 I11 5000 1500; 2025-07-15 I12 9000 2700;  window 9000-300+900 = 9600 (A);
    2025-08-01 I14 -300 -90 (credit note);               Y rev 5000+9000-300 = 13700,
    2026-02-01 I13 900 270                               margin 1500+2700-90 = 4110;
    activities 2025: visits 4, calls 10, orders 6,       cost 1000+150+240+240+120+120
    deliveries 8, complaints 1, returns 0, quotes 2      = 1870, profit 2240
K2  2024-09-01 I21 100 40; 2025-12-01 I22 150 50 and     window 200, previous 100: growth
    2025-12-01 I22 50 (no margin); potential 10000       +100 % and potential >= 9600 ->
                                                         candidate "both", field_sales;
                                                         Y margin unknown (a line without
                                                         margin) -> profit unknown; orders
                                                         derived 1 (one invoice), cost 40
K3  2025-11-01 I31 100 30; activities 2025: visits 1,    window 100 (C); orders cell empty
    calls 2, orders empty, deliveries 1                  -> derived 1; cost 250+30+40+30 =
                                                         350, profit 30-350 = -320 and Y
                                                         revenue 100 < 5000 -> distributor
K4  2025-02-01 I41 2000 1000; 2025-08-01 I42 60 20;      window 60; Y rev 2060, margin 1020,
    activities 2025: orders 12 (others 0)                cost 12*40 = 480, profit 540;
                                                         12 orders, 2060/12 = 171.67 < 250
                                                         -> webshop_edi
K5  2025-03-01 I51 3000 900; 2025-10-01 I52 40 10;       window 40; Y rev 3040, margin 910,
    potential 5000 (< 9600)                              derived orders 2, cost 80, profit
                                                         830 -> inside_sales
==  ==================================================  ===========================

ABC on window revenue (total 10000): K1 is A (nothing before it); K2 starts
at 96 % >= 95 % -> C, and so are K3..K5: 4 C customers.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kamlib.analysis import c_customers as cc
from kamlib.analysis.c_customers import (
    CHANNELS,
    EXPORT_COLUMNS,
    CCustomersSettings,
    ChannelRules,
    PricingSettings,
    analyse,
    assign_channels,
    compute,
    export_frame,
    prepare,
    profitability_year,
    whale_curve,
)
from kamlib.analysis.pricing_sim import simulate, value_grid
from kamlib.config import ClientConfig
from kamlib.data.client import ClientData

NAN = np.nan


def _sales() -> pd.DataFrame:
    rows = [
        ("2025-05-01", "K1", "I11", 5000.0, 1500.0),
        ("2025-07-15", "K1", "I12", 9000.0, 2700.0),
        ("2025-08-01", "K1", "I14", -300.0, -90.0),
        ("2026-02-01", "K1", "I13", 900.0, 270.0),
        ("2024-09-01", "K2", "I21", 100.0, 40.0),
        ("2025-12-01", "K2", "I22", 150.0, 50.0),
        ("2025-12-01", "K2", "I22", 50.0, NAN),
        ("2025-11-01", "K3", "I31", 100.0, 30.0),
        ("2025-02-01", "K4", "I41", 2000.0, 1000.0),
        ("2025-08-01", "K4", "I42", 60.0, 20.0),
        ("2025-03-01", "K5", "I51", 3000.0, 900.0),
        ("2025-10-01", "K5", "I52", 40.0, 10.0),
    ]
    df = pd.DataFrame(
        rows, columns=["date", "customer_id", "invoice_id", "net_revenue", "contribution_margin"]
    )
    df["date"] = pd.to_datetime(df["date"])
    return df


def _activities() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "customer_id": ["K1", "K3", "K4", "K1"],
            "year": [2025, 2025, 2025, 2024],  # the 2024 row is not year Y
            "visits": [4, 1, 0, 50],
            "calls": [10, 2, 0, 50],
            "orders": [6, NAN, 12, 50],
            "deliveries": [8, 1, 0, 50],
            "complaints": [1, 0, 0, 50],
            "returns": [0, 0, 0, 50],
            "quotes": [2, 0, 0, 50],
        }
    )


def _client(sales=None, activities="default", **config) -> ClientData:
    master = pd.DataFrame(
        {
            "customer_id": ["K1", "K2", "K3", "K4", "K5"],
            "name": ["Eins AG", "Zwei KG", "Drei GmbH", "Vier OHG", "Fünf e.K."],
            "potential": [NAN, 10000.0, NAN, NAN, 5000.0],
        }
    )
    acts = _activities() if isinstance(activities, str) else activities
    cfg = ClientConfig(name="Test", as_of=pd.Timestamp("2026-06-30").date(), **config)
    return ClientData(
        Path("test"), cfg, master, _sales() if sales is None else sales, activities=acts
    )


@pytest.fixture(scope="module")
def result() -> cc.CCustomersResult:
    return analyse(_client())


def _row(result, cid: str) -> pd.Series:
    return result.customers.set_index("customer_id").loc[cid]


def test_profitability_year_is_last_complete_calendar_year() -> None:
    assert profitability_year("2026-06-30") == 2025
    assert profitability_year("2025-12-31") == 2025
    assert profitability_year("2026-01-01") == 2025


def test_c_customers_are_the_portfolio_c_class(result) -> None:
    from kamlib.analysis import portfolio

    port = portfolio.analyse(_client()).customers.set_index("customer_id")["abc_class"]
    mine = result.customers.set_index("customer_id")["abc_class"]
    assert mine.to_dict() == port.to_dict()
    assert result.customers.set_index("customer_id")["is_c_customer"].to_dict() == {
        "K1": False,
        "K2": True,
        "K3": True,
        "K4": True,
        "K5": True,
    }
    s = result.summary
    assert (s["c_customers"], s["customers"]) == (4, 5)
    assert s["customer_share"] == pytest.approx(0.8)
    # window revenue 200+100+60+40 = 400 of 10000
    assert s["revenue"] == pytest.approx(400.0)
    assert s["revenue_share"] == pytest.approx(0.04)
    # window margin: K1 2700-90+270 = 2880, K2 50 (portfolio rule: a line carries one),
    # K3 30, K4 20, K5 10 -> C 110 of 2990
    assert s["margin_share"] == pytest.approx(110 / 2990)


def test_max_revenue_narrows_the_c_customers() -> None:
    res = compute(prepare(_client()), CCustomersSettings(max_revenue=100.0))
    c = res.customers.set_index("customer_id")["is_c_customer"]
    assert not c["K2"]  # window revenue 200 > 100
    assert c["K3"] and c["K4"] and c["K5"]
    assert res.customers.set_index("customer_id").loc["K2", "channel"] == ""


def test_cost_to_serve_from_activities_and_derived_orders(result) -> None:
    k1 = _row(result, "K1")
    assert (k1["orders"], k1["orders_derived"]) == (6, False)
    assert k1["cost_to_serve"] == pytest.approx(1870.0)  # see module docstring
    k3 = _row(result, "K3")  # orders cell empty -> 1 positive invoice in 2025
    assert (k3["orders"], k3["orders_derived"]) == (1, True)
    assert k3["cost_to_serve"] == pytest.approx(350.0)
    k2 = _row(result, "K2")  # no activities row: one invoice of two lines
    assert (k2["orders"], k2["visits"], k2["orders_derived"]) == (1, 0, True)
    assert k2["cost_to_serve"] == pytest.approx(40.0)
    assert _row(result, "K4")["cost_to_serve"] == pytest.approx(480.0)
    assert _row(result, "K5")["cost_to_serve"] == pytest.approx(80.0)  # 2 invoices x 40
    assert result.activities_available and result.missing_drivers == ()


def test_unit_costs_are_settings() -> None:
    res = compute(prepare(_client()), CCustomersSettings(unit_costs={"visits": 100}))
    # K1: 4 visits at 100 instead of 250 -> 1870 - 600 = 1270; other drivers keep defaults
    assert _row(res, "K1")["cost_to_serve"] == pytest.approx(1270.0)


def test_without_activities_orders_are_derived_and_drivers_listed() -> None:
    res = analyse(_client(activities=None))
    assert not res.activities_available
    assert res.missing_drivers == (
        "visits",
        "calls",
        "deliveries",
        "complaints",
        "returns",
        "quotes",
    )
    assert res.missing_driver_costs["visits"] == 250.0
    # K1: positive invoices in 2025 are I11 and I12 (I14 is a credit note) -> 2 x 40
    k1 = _row(res, "K1")
    assert (k1["orders"], k1["cost_to_serve"], k1["customer_profit"]) == (2, 80.0, 4030.0)
    assert _row(res, "K4")["orders"] == 2  # I41 and I42


def test_activities_without_orders_column_derive_orders() -> None:
    acts = _activities().drop(columns=["orders", "quotes"])
    res = analyse(_client(activities=acts))
    assert res.missing_drivers == ("quotes",)
    k1 = _row(res, "K1")
    # 1000 + 150 + 2 derived orders x 40 + 240 + 120 = 1590 (quotes missing)
    assert (k1["orders"], k1["cost_to_serve"]) == (2, 1590.0)


def test_derived_orders_by_invoice_and_by_date() -> None:
    # one customer in 2025: I1 100 and I2 50 on the same day, I3 -20 (credit), I4 30 and
    # -40 (net -10), a line without invoice id 70 on 2025-04-01, free goods I5 0 on
    # 2025-05-01 (not positive), and 500 in 2024
    sales = pd.DataFrame(
        {
            "date": pd.to_datetime(
                [
                    "2025-01-10",
                    "2025-01-10",
                    "2025-02-01",
                    "2025-03-01",
                    "2025-03-01",
                    "2025-04-01",
                    "2024-05-05",
                    "2025-05-01",
                ]
            ),
            "customer_id": ["K1"] * 8,
            "invoice_id": ["I1", "I2", "I3", "I4", "I4", None, "I0", "I5"],
            "net_revenue": [100.0, 50.0, -20.0, 30.0, -40.0, 70.0, 500.0, 0.0],
            "contribution_margin": [10.0, 5.0, -2.0, 3.0, -4.0, 7.0, 50.0, 0.0],
        }
    )
    res = analyse(_client(sales=sales, activities=None))
    # by invoice: I1, I2 and the id-less line (an invoice of 2025-04-01) -> 3
    assert _row(res, "K1")["orders"] == 3
    res = analyse(_client(sales=sales.drop(columns="invoice_id"), activities=None))
    # by date: 01-10 (150), 04-01 (70) positive; 02-01 (-20), 03-01 (-10), 05-01 (0)
    # not -> 2
    assert _row(res, "K1")["orders"] == 2


def test_profit_with_margins(result) -> None:
    expected = {"K1": 2240.0, "K3": -320.0, "K4": 540.0, "K5": 830.0}
    for cid, profit in expected.items():
        assert _row(result, cid)["customer_profit"] == pytest.approx(profit)
    k2 = _row(result, "K2")  # a 2025 line without margin: margin and profit unknown
    assert np.isnan(k2["contribution_margin"]) and np.isnan(k2["customer_profit"])
    assert _row(result, "K1")["revenue"] == pytest.approx(13700.0)
    assert _row(result, "K1")["contribution_margin"] == pytest.approx(4110.0)


def test_profit_without_margin_column_is_unknown() -> None:
    res = analyse(_client(sales=_sales().drop(columns="contribution_margin")))
    assert not res.margin_available
    assert res.customers["customer_profit"].isna().all()
    assert res.customers["cost_to_serve"].notna().all()
    assert res.whale_peak["customers"] == 0 and res.whale_peak["unknown_profit"] == 5
    assert res.simulation_unknown_margin == 4
    assert (res.simulation["effect"] == 0).all()


def test_customer_without_lines_in_year_has_zero_revenue_and_margin() -> None:
    sales = _sales()
    sales = sales[~(sales["customer_id"] == "K3")]  # K3: activities but no lines
    res = analyse(_client(sales=sales))
    k3 = _row(res, "K3")
    # no invoice -> 0 derived orders; cost 250 + 30 + 30 = 310; profit 0 - 310
    assert (k3["revenue"], k3["contribution_margin"]) == (0.0, 0.0)
    assert k3["customer_profit"] == pytest.approx(-310.0)


def test_whale_curve_peak_and_destroyers(result) -> None:
    # known profits 2240, 830, 540, -320 (K2 unknown): cumulative 0, 2240, 3070, 3610,
    # 3290 -> peak 3610 after 3 of 4 customers, 3610 / 3290 of total profit
    p = result.whale_peak
    assert p["customers"] == 4 and p["unknown_profit"] == 1
    assert p["total_profit"] == pytest.approx(3290.0)
    assert p["peak_profit"] == pytest.approx(3610.0)
    assert p["peak_customers"] == 3
    assert p["peak_customer_share"] == pytest.approx(0.75)
    assert p["peak_share"] == pytest.approx(3610 / 3290)
    assert result.whale["cumulative_profit"].tolist() == pytest.approx([0, 2240, 3070, 3610, 3290])
    assert result.destroyers["customer_id"].tolist() == ["K3"]
    assert result.destroyed_profit == pytest.approx(320.0)


def test_whale_curve_all_negative_peaks_at_zero() -> None:
    curve, facts = whale_curve(np.array(["b", "a"]), np.array([-5.0, -5.0]))
    assert facts["peak_customers"] == 0 and facts["peak_profit"] == 0.0
    assert np.isnan(facts["peak_share"])  # no positive total to divide by
    assert curve["cumulative_profit"].tolist() == [0.0, -5.0, -10.0]


def test_waterfall_per_abc_class(result) -> None:
    w = result.waterfall.set_index("abc_class")
    assert w.loc[
        "A", ["revenue", "contribution_margin", "cost_to_serve", "customer_profit"]
    ].tolist() == [
        13700.0,
        4110.0,
        1870.0,
        2240.0,
    ]
    # C with known profit: K3, K4, K5 -> revenue 100+2060+3040, margin 30+1020+910,
    # cost 350+480+80, profit -320+540+830; K2 counted beside (revenue 200)
    c = w.loc["C"]
    assert (c["customers"], c["unknown_customers"], c["unknown_revenue"]) == (3, 1, 200.0)
    assert c[["revenue", "contribution_margin", "cost_to_serve", "customer_profit"]].tolist() == [
        5200.0,
        1960.0,
        910.0,
        1050.0,
    ]
    assert w.loc["total", "customer_profit"] == pytest.approx(3290.0)
    assert w.loc["B", "customers"] == 0


def test_growth_candidates_with_evidence(result) -> None:
    cands = result.candidates
    assert cands["customer_id"].tolist() == ["K2"]  # K1 grows too but is A
    k2 = cands.iloc[0]
    assert k2["reason"] == "both"
    assert k2["growth"] == pytest.approx(1.0)  # 200 vs 100
    assert k2["wallet_gap"] == pytest.approx(9800.0)  # 10000 - 200
    assert k2["opportunity"] == pytest.approx(9800.0)
    assert k2["potential_ratio"] == pytest.approx(10000 / 9600)
    assert result.smallest_a_revenue == pytest.approx(9600.0)
    assert _row(result, "K5")["wallet_gap"] == pytest.approx(4960.0)  # 5000 - 40
    assert np.isnan(_row(result, "K3")["wallet_gap"])


def test_candidate_ranking_potential_first_then_growth() -> None:
    master_pot = {"K3": 9600.0, "K4": NAN}  # K3 qualifies by potential exactly at the bar
    client = _client()
    client.customers["potential"] = [NAN, NAN, master_pot["K3"], NAN, NAN]
    # K4: previous 2000 (2025-02), window 60 -> shrinks; add 3000 in the window to grow
    extra = pd.DataFrame(
        {
            "date": pd.to_datetime(["2026-03-01"]),
            "customer_id": ["K4"],
            "invoice_id": ["I43"],
            "net_revenue": [3000.0],
            "contribution_margin": [300.0],
        }
    )
    client.sales = pd.concat([client.sales, extra], ignore_index=True)
    res = analyse(client)
    # window: K1 9600, K4 3060, K2 200, K3 100, K5 40 (total 13000): K1 A (0 before),
    # K4 before 73.8 % -> A too, then 97.4 % -> C for K2, K3, K5.
    # smallest A (annualised) = 3060; K3 potential 9600 >= 3060 -> candidate (potential,
    # gap 9500); K2 grows 100 % -> growth-only (EUR growth 100); K5 no.
    cands = res.candidates
    assert cands["customer_id"].tolist() == ["K3", "K2"]
    assert cands["reason"].tolist() == ["potential", "growth"]
    assert cands["opportunity"].tolist() == pytest.approx([9500.0, 100.0])


def test_potential_needs_revenue_in_the_window() -> None:
    # K5 had revenue only in the previous period (3000 on 2025-03-01 moved before the
    # window, its 40 on 2025-10-01 removed): window revenue 0. Its potential 20000 is
    # above the smallest A (9600), but without window revenue it is a win-back case,
    # not a key account of tomorrow.
    client = _client()
    client.customers["potential"] = [NAN, NAN, NAN, NAN, 20000.0]
    client.sales = client.sales[client.sales["invoice_id"] != "I52"].reset_index(drop=True)
    res = analyse(client)
    k5 = _row(res, "K5")
    assert k5["window_revenue"] == 0.0
    assert not k5["growth_candidate"]
    assert "K5" not in res.candidates["customer_id"].tolist()


def test_channels_of_the_example(result) -> None:
    ch = result.customers.set_index("customer_id")["channel"].to_dict()
    assert ch == {
        "K1": "",
        "K2": "field_sales",
        "K3": "distributor",
        "K4": "webshop_edi",
        "K5": "inside_sales",
    }
    # channel cost: field 1500 + 40*1, distributor 0, webshop 5*12, inside 120 + 25*2;
    # saving = cost to serve - channel cost = -1500, 350, 420, -90 -> -820
    t = result.channels.set_index("channel")
    assert t.index.tolist() == list(CHANNELS)
    assert t["saving"].tolist() == pytest.approx([-1500.0, -90.0, 420.0, 350.0])
    assert result.channel_saving == pytest.approx(-820.0)


def test_channel_costs_and_rules_are_settings() -> None:
    s = CCustomersSettings(
        channel_costs={"webshop_edi": {"per_order": 1.0}},
        channel_rules=ChannelRules(webshop_min_orders=2, webshop_max_order_value=2000.0),
    )
    res = compute(prepare(_client()), s)
    rows = res.customers.set_index("customer_id")
    # K5: 2 orders >= 2 at 3040 / 2 = 1520 < 2000 -> webshop; channel cost 0 (default per
    # customer kept) + 1 x 2 = 2 -> saving 80 - 2 = 78; K4: 12 x 1 -> 480 - 12 = 468
    assert rows.loc["K5", "channel"] == "webshop_edi"
    assert rows.loc["K5", "channel_saving"] == pytest.approx(78.0)
    assert rows.loc["K4", "channel_saving"] == pytest.approx(468.0)


def test_channel_rules_in_order_and_at_their_thresholds() -> None:
    rules = ChannelRules()
    is_c = np.array([True, True, True, True, True, True, True, False])
    candidate = np.array([True, False, False, False, False, False, False, False])
    profit = np.array([-1.0, -1.0, -1.0, 0.0, 10.0, 10.0, NAN, -1.0])
    revenue = np.array([100.0, 4999.0, 5000.0, 100.0, 2988.0, 3000.0, 100.0, 100.0])
    orders = np.array([20.0, 20.0, 20.0, 20.0, 12.0, 12.0, 11.0, 20.0])
    got = assign_channels(is_c, candidate, profit, revenue, orders, rules)
    assert got.tolist() == [
        "field_sales",  # candidate beats every other rule
        "distributor",  # profit < 0 and revenue 4999 < 5000
        "inside_sales",  # revenue exactly 5000: not distributor; 5000 / 20 = 250 not < 250
        "webshop_edi",  # profit 0 is not < 0; 20 orders at 5
        "webshop_edi",  # 12 orders at 2988 / 12 = 249 < 250
        "inside_sales",  # 12 orders at exactly 250: not below
        "inside_sales",  # unknown profit is not < 0; 11 orders < 12
        "",  # not a C customer
    ]


def test_simulation_of_the_example(result) -> None:
    sim = result.simulation.set_index("min_order_value")
    assert sim.index.tolist() == list(np.arange(0, 1001, 50.0))
    # scope: C customers with known margin K3, K4, K5 (K2 unknown, counted)
    assert result.simulation_unknown_margin == 1
    # M=50: K5's 40 -> 0.8*25*1 + 0.2*80 - 0.2*910 = 20 + 16 - 182 = -146
    # M=100: K4's 60 and K5's 40 -> 40 + 0.2*560 - 0.2*1930 = 40 + 112 - 386 = -234
    # M=150: adds K3's 100 -> 60 + 0.2*910 - 0.2*1960 = 60 + 182 - 392 = -150
    assert sim.loc[0.0, "effect"] == 0.0
    assert sim.loc[50.0, "effect"] == pytest.approx(-146.0)
    assert sim.loc[100.0, "effect"] == pytest.approx(-234.0)
    assert sim.loc[150.0, "effect"] == pytest.approx(-150.0)
    assert sim.loc[1000.0, "effect"] == pytest.approx(-150.0)  # next order is 2000
    assert sim.loc[150.0, "customers_affected"] == 3 and sim.loc[150.0, "orders_below"] == 3
    # nothing gains: the best value is no minimum order value
    assert result.best_min_order_value == 0.0 and sim.loc[0.0, "best"]
    assert result.simulation["best"].sum() == 1


def test_simulation_best_value_and_loss_share() -> None:
    # customer 0: cost 300, margin 100, orders 30, 30, 30, 80; customer 1: cost 50,
    # margin 400, orders 120, 500. S = 25, p = 0.2:
    # M=50:  3 orders of c0 -> 0.8*25*3 + 0.2*300 - 0.2*100 = 60 + 60 - 20 = 100
    # M=100: 4 orders of c0 -> 80 + 60 - 20 = 120
    # M=150: c0 4 + c1 1 -> 0.8*25*5 + 0.2*350 - 0.2*500 = 100 + 70 - 100 = 70
    code = np.array([0, 0, 0, 0, 1, 1])
    value = np.array([30.0, 30, 30, 80, 120, 500])
    cost, margin = np.array([300.0, 50.0]), np.array([100.0, 400.0])
    sim = simulate(code, value, cost, margin, np.array([0, 50, 100, 150.0]), 25.0, 0.2)
    assert sim["effect"].tolist() == pytest.approx([0.0, 100.0, 120.0, 70.0])
    assert sim.loc[sim["best"], "min_order_value"].tolist() == [100.0]
    # p = 0: only surcharge income, 25 per small order
    sim0 = simulate(code, value, cost, margin, np.array([0, 50, 100, 150.0]), 25.0, 0.0)
    assert sim0["effect"].tolist() == pytest.approx([0.0, 75.0, 100.0, 125.0])


def test_pricing_settings_reach_the_simulation() -> None:
    s = CCustomersSettings(pricing=PricingSettings(surcharge=100.0, loss_share=0.0, step=100.0))
    res = compute(prepare(_client()), s)
    sim = res.simulation.set_index("min_order_value")
    assert len(sim) == 11
    # p = 0: 100 per order below M; M=100: K4's 60 and K5's 40; M=200: + K3's 100
    assert sim.loc[100.0, "effect"] == pytest.approx(200.0)
    assert sim.loc[200.0, "effect"] == pytest.approx(300.0)
    assert res.best_min_order_value == 200.0  # first of the equal best values
    everyone = compute(
        prepare(_client()),
        s.model_copy(update={"pricing": s.pricing.model_copy(update={"scope": "all"})}),
    )
    # scope all adds K1 (no order below 2000... its smallest order 5000) -> same effects
    assert everyone.simulation["effect"].tolist() == pytest.approx(
        res.simulation["effect"].tolist()
    )


def test_value_grid() -> None:
    assert value_grid().tolist() == list(np.arange(0, 1001, 50.0))
    assert value_grid(300.0, 1000.0).tolist() == [0.0, 300.0, 600.0, 900.0]


def test_trend_windows(result) -> None:
    t = result.trend
    assert len(t) == 3
    assert t["window_end"].tolist() == [
        pd.Timestamp("2024-06-30"),
        pd.Timestamp("2025-06-30"),
        pd.Timestamp("2026-06-30"),
    ]
    # previous window 2024-07..2025-06: K1 5000, K4 2000, K5 3000, K2 100 (total 10100):
    # K1 A (0), K5 A (49.5 %), K4 A (79.2 % < 80 %), K2 C (99.0 %) -> 1 C with revenue, 100
    prev = t.iloc[1]
    assert prev["c_customers_with_revenue"] == 1
    assert prev["revenue_share"] == pytest.approx(100 / 10100)
    assert t.iloc[2]["c_customers_with_revenue"] == 4


def test_export_frame(result) -> None:
    out = export_frame(result)
    assert tuple(out.columns) == EXPORT_COLUMNS
    # sorted by revenue in Y descending: 13700, 3040, 2060, 200, 100
    assert out["customer_id"].tolist() == ["K1", "K5", "K4", "K2", "K3"]
    assert (out["year"] == 2025).all()
    assert out["growth_candidate"].tolist() == [False, False, False, True, False]


def test_empty_sales_and_customers_without_sales() -> None:
    empty = _sales().iloc[0:0]
    res = analyse(_client(sales=empty, activities=None))
    assert len(res.customers) == 5 and res.customers["is_c_customer"].all()
    assert (res.customers["revenue"] == 0).all() and (res.customers["orders"] == 0).all()
    assert res.whale_peak["customers"] == 0 and res.candidates.empty
    assert res.best_min_order_value == 0.0
    # no lines, no activities: margin 0 is known, profit 0 -> not a distributor
    assert set(res.customers["channel"]) == {"inside_sales"}


def test_compute_leaves_inputs_unchanged() -> None:
    inputs = prepare(_client())
    before = inputs.activity_counts["orders"].copy()
    compute(inputs)
    np.testing.assert_array_equal(inputs.activity_counts["orders"], before)


# ---------------------------------------------------------------- properties


@settings(max_examples=40, deadline=None)
@given(st.lists(st.floats(-1e4, 1e4, allow_nan=False), min_size=1, max_size=30))
def test_whale_curve_invariants(profits) -> None:
    profit = np.array(profits)
    ids = np.array([f"c{i:03d}" for i in range(len(profit))])
    curve, facts = whale_curve(ids, profit)
    cum = curve["cumulative_profit"].to_numpy()
    assert cum[-1] == pytest.approx(profit.sum())
    assert facts["peak_profit"] >= max(0.0, cum.max()) - 1e-6
    # the peak is the sum of all positive profits (ranked first)
    assert facts["peak_profit"] == pytest.approx(profit[profit > 0].sum(), abs=1e-6)
    # after the peak the curve never rises
    assert np.all(np.diff(cum[facts["peak_customers"] :]) <= 1e-9)


@settings(max_examples=40, deadline=None)
@given(
    st.lists(st.floats(1, 2000), min_size=1, max_size=20),
    st.floats(0, 1),
    st.floats(0, 100),
)
def test_simulation_with_full_loss_is_cost_minus_margin(values, p, surcharge) -> None:
    value = np.array(values)
    code = np.arange(len(value)) % 3
    cost, margin = np.array([10.0, 20.0, 30.0]), np.array([5.0, 50.0, 0.0])
    grid = value_grid()
    sim = simulate(code, value, cost, margin, grid, surcharge, p)
    # the effect is linear in p between "nobody leaves" and "everyone affected leaves"
    keep = simulate(code, value, cost, margin, grid, surcharge, 0.0)["effect"].to_numpy()
    gone = simulate(code, value, cost, margin, grid, surcharge, 1.0)["effect"].to_numpy()
    np.testing.assert_allclose(sim["effect"], (1 - p) * keep + p * gone, atol=1e-6)
    assert sim["best"].sum() == 1
    assert sim.loc[sim["best"], "effect"].iloc[0] == pytest.approx(max(0.0, sim["effect"].max()))
    assert np.all(np.diff(sim["orders_below"]) >= 0)  # monotone in M


@settings(max_examples=25, deadline=None)
@given(st.lists(st.integers(0, 30), min_size=7, max_size=7), st.integers(0, 500))
def test_cost_to_serve_is_linear_in_counts(counts, unit) -> None:
    drivers = {d: np.array([float(c)]) for d, c in zip(cc.DRIVERS, counts, strict=True)}
    used, derived, cost = cc.cost_to_serve(drivers, np.array([3.0]), {d: unit for d in cc.DRIVERS})
    assert not derived[0]
    assert cost[0] == pytest.approx(unit * sum(counts))


def _random_client(seed: int, with_ids: bool, with_acts: bool) -> ClientData:
    rng = np.random.default_rng(seed)
    n, k = 25, 300
    ids = np.array([f"C{i:02d}" for i in range(n)], dtype=object)
    days = rng.integers(0, 3 * 365, k)
    sales = pd.DataFrame(
        {
            "date": pd.Timestamp("2023-07-01") + pd.to_timedelta(days, unit="D"),
            "customer_id": ids[rng.integers(0, n - 3, k)],  # the last 3 never buy
            "invoice_id": [f"R{j}" for j in rng.integers(0, 120, k)],
            "net_revenue": np.round(rng.normal(300, 400, k), 2),
            "contribution_margin": np.where(
                rng.random(k) < 0.05, np.nan, np.round(rng.normal(60, 80, k), 2)
            ),
        }
    )
    if not with_ids:
        sales = sales.drop(columns="invoice_id")
    acts = None
    if with_acts:
        m = 10
        acts = pd.DataFrame(
            {
                "customer_id": rng.choice(ids, m),
                "year": rng.choice([2024, 2025], m),
                **{d: rng.integers(0, 15, m).astype(float) for d in cc.DRIVERS},
            }
        )
        acts.loc[acts.index[:3], "orders"] = np.nan
    master = pd.DataFrame(
        {
            "customer_id": ids,
            "name": [f"Firma {i}" for i in range(n)],
            "potential": np.where(rng.random(n) < 0.5, rng.uniform(0, 20000, n), np.nan),
        }
    )
    cfg = ClientConfig(name="Zufall", as_of=pd.Timestamp("2026-06-30").date())
    return ClientData(Path("random"), cfg, master, sales, activities=acts)


@settings(max_examples=20, deadline=None)
@given(st.integers(0, 10_000), st.booleans(), st.booleans())
def test_invariants_on_random_clients(seed, with_ids, with_acts) -> None:
    client = _random_client(seed, with_ids, with_acts)
    res = analyse(client)
    df = res.customers
    # one row per master customer, sorted by revenue in Y descending then id
    assert sorted(df["customer_id"]) == sorted(client.customers["customer_id"])
    order = df.sort_values(["revenue", "customer_id"], ascending=[False, True], kind="mergesort")
    assert df["customer_id"].tolist() == order["customer_id"].tolist()
    # a channel for exactly the C customers
    assert set(df.loc[df["is_c_customer"], "channel"]) <= set(CHANNELS)
    assert (df.loc[~df["is_c_customer"], "channel"] == "").all()
    assert not df.loc[~df["is_c_customer"], "growth_candidate"].any()
    # revenue in Y = the lines of 2025; profit = margin - cost where the margin is known
    y = client.sales[client.sales["date"].dt.year == 2025]
    assert df["revenue"].sum() == pytest.approx(y["net_revenue"].sum())
    known = df["contribution_margin"].notna()
    np.testing.assert_allclose(
        df.loc[known, "customer_profit"],
        df.loc[known, "contribution_margin"] - df.loc[known, "cost_to_serve"],
    )
    assert df.loc[~known, "customer_profit"].isna().all()
    assert (df["cost_to_serve"] >= 0).all()
    # derived orders never exceed the lines of the year
    lines = y.groupby("customer_id").size().reindex(df["customer_id"], fill_value=0).to_numpy()
    derived = df["orders_derived"].to_numpy()
    assert (df["orders"].to_numpy()[derived] <= lines[derived]).all()
    # the waterfall total is the whale curve's total; the channel table adds up
    total = res.waterfall.set_index("abc_class").loc["total", "customer_profit"]
    assert total == pytest.approx(res.whale_peak["total_profit"], abs=1e-6)
    assert res.channels["customers"].sum() == df["is_c_customer"].sum()
    assert res.channel_saving == pytest.approx(res.channels["saving"].sum())
    assert tuple(export_frame(res).columns) == EXPORT_COLUMNS


def test_through_the_data_layer_with_german_headers(tmp_path) -> None:
    from kamlib.data.client import load_client

    (tmp_path / "client.yaml").write_text("name: Test\nas_of: 2026-06-30\n", encoding="utf-8")
    (tmp_path / "customers.csv").write_text(
        "Kundennummer;Kundenname\n001;Eins\n002;Zwei\n", encoding="utf-8"
    )
    (tmp_path / "sales.csv").write_text(
        "Rechnungsdatum;Kundennummer;Rechnungsnummer;Umsatz;DB\n"
        "01.03.2025;001;R1;100,00;30,00\n"
        "01.04.2025;001;R2;20,00;5,00\n"
        "02.03.2025;002;R3;50,00;\n",
        encoding="utf-8",
    )
    (tmp_path / "activities.csv").write_text(
        "Kundennummer;Jahr;Besuche;Aufträge\n001;2025;2;\n002;2025;1;4\n", encoding="utf-8"
    )
    res = analyse(load_client(tmp_path))
    # the file records visits and orders only: the other five drivers are missing
    assert res.missing_drivers == ("calls", "deliveries", "complaints", "returns", "quotes")
    rows = res.customers.set_index("customer_id")
    # 001: 2 visits + orders cell empty -> 2 invoices: 500 + 80 = 580; margin 35 -> -545
    assert (rows.loc["001", "orders"], rows.loc["001", "cost_to_serve"]) == (2, 580.0)
    assert rows.loc["001", "customer_profit"] == pytest.approx(-545.0)
    assert rows.loc["001", "channel"] == "distributor"
    # 002: 1 visit + 4 orders = 410; margin cell empty -> profit unknown; inside sales
    assert rows.loc["002", "cost_to_serve"] == 410.0
    assert np.isnan(rows.loc["002", "customer_profit"])
    assert rows.loc["002", "channel"] == "inside_sales"
