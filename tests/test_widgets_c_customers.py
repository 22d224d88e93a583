"""C-customer workshop panel, headless: build, move controls, recompute live, save.

Tiny client (as_of 2026-06-30, Y = 2025), two customers with one invoice a month
July 2024 - June 2026 (Y has 12 invoices each; no growth, so no growth candidate):

- A1: 3,000 a month, margin 900 -> window 36,000 (class A)
- C1: 100 a month, margin 40 -> window 1,200 (36,000 before it: 96.8 % >= 95 % -> C)

Activities 2025: C1 visits 2 (orders and the rest empty -> derived 12 invoices).
Default unit costs: C1 cost to serve = 2 x 250 + 12 x 40 = 980; margin in Y = 12 x 40 = 480
-> profit -500 (revenue in Y 1,200 < 5,000 -> distributor). A1: 12 orders x 40 = 480,
margin 10,800 -> profit 10,320. Whale curve: 10,320 then 9,820 -> peak 105 %.
"""

from __future__ import annotations

from pathlib import Path

import pytest

import kamlib
from kamlib.config import load_config
from kamlib.widgets.c_customers import c_customers_panel

CLIENT_YAML = """\
# tiny C-customer client
name: "Klein & Fein GmbH"
as_of: 2026-06-30
c_customers:
  pricing:
    surcharge: 25       # per small order
"""
MONTHS = [f"{y}-{m:02d}-15" for y in (2024, 2025, 2026) for m in range(1, 13)]
MONTHS = MONTHS[6:30]  # 2024-07 .. 2026-06


def write_client(folder: Path) -> Path:
    folder.mkdir(parents=True)
    (folder / "client.yaml").write_text(CLIENT_YAML, encoding="utf-8")
    (folder / "customers.csv").write_text(
        "customer_id,name\nA1,Groß AG\nC1,Klein KG\n", encoding="utf-8"
    )
    lines = ["date,invoice_id,line_no,customer_id,net_revenue,contribution_margin"]
    for i, day in enumerate(MONTHS):
        lines.append(f"{day},RA{i:02d},1,A1,3000.00,900.00")
        lines.append(f"{day},RC{i:02d},1,C1,100.00,40.00")
    (folder / "sales.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (folder / "activities.csv").write_text(
        "customer_id,year,visits,calls,orders\nC1,2025,2,,\n", encoding="utf-8"
    )
    return folder


@pytest.fixture
def tiny_dir(tmp_path: Path, monkeypatch) -> Path:
    monkeypatch.setenv("KAM_NO_CACHE", "1")
    return write_client(tmp_path / "clients" / "klein")


@pytest.fixture
def panel(tiny_dir: Path):
    p = c_customers_panel(kamlib.load_client(tiny_dir), lang="de", workshop=True, show=False)
    assert p is not None
    return p


def test_starts_with_the_saved_numbers(panel) -> None:
    c = panel.result.customers.set_index("customer_id")
    assert c.loc["C1", "cost_to_serve"] == pytest.approx(980.0)
    assert c.loc["C1", "customer_profit"] == pytest.approx(-500.0)
    assert c.loc["C1", "channel"] == "distributor"
    assert panel.result.whale_peak["peak_share"] == pytest.approx(10320 / 9820)
    assert "105" in panel.sections["facts"].value


def test_visit_cost_moves_profit_and_whale_curve(panel) -> None:
    # visits 500: C1 cost 2 x 500 + 480 = 1,480, profit -1,000; total 10,320 - 1,000 = 9,320
    panel.set("c_customers.unit_costs.visits", 500)
    c = panel.result.customers.set_index("customer_id")
    assert c.loc["C1", "customer_profit"] == pytest.approx(-1000.0)
    assert panel.result.whale_peak["peak_share"] == pytest.approx(10320 / 9320)
    assert panel.unsaved() == ["c_customers.unit_costs"]


def test_distributor_threshold_moves_the_channel(panel) -> None:
    # revenue in Y 1,200 is no longer below 1,000 -> not distributor; 12 orders, average
    # 100 < 250 -> webshop/EDI
    panel.set("c_customers.channel_rules.distributor_max_revenue", 1000)
    c = panel.result.customers.set_index("customer_id")
    assert c.loc["C1", "channel"] == "webshop_edi"


def test_loss_share_changes_the_simulation(panel) -> None:
    # C1's orders are 100 each. M = 150, p = 0: 12 orders x 25 = 300 surcharge.
    panel.set("c_customers.pricing.loss_share", 0.0)
    sim = panel.result.simulation.set_index("min_order_value")
    assert sim.loc[150.0, "effect"] == pytest.approx(300.0)
    # p = 0.5: 0.5 x 25 x 12 + 0.5 x 980 - 0.5 x 480 = 150 + 490 - 240 = 400
    panel.set("c_customers.pricing.loss_share", 0.5)
    sim = panel.result.simulation.set_index("min_order_value")
    assert sim.loc[150.0, "effect"] == pytest.approx(400.0)


def test_changes_do_not_read_files(panel, monkeypatch) -> None:
    import pandas as pd

    from kamlib.analysis import c_customers as cc

    def no_io(*_a, **_k):
        raise AssertionError("a control change must not read client files")

    monkeypatch.setattr(cc, "prepare", no_io)
    monkeypatch.setattr(pd, "read_csv", no_io)
    panel.set("c_customers.pricing.surcharge", 40)
    assert panel.result.settings.pricing.surcharge == 40


def test_save_writes_only_on_the_save_action(panel, tiny_dir: Path) -> None:
    panel.set("c_customers.pricing.loss_share", 0.3)
    assert load_config(tiny_dir / "client.yaml").c_customers.pricing.loss_share == 0.2
    report = panel.save()
    assert report is not None and report.changed
    text = (tiny_dir / "client.yaml").read_text(encoding="utf-8")
    assert "# per small order" in text  # comments kept
    assert load_config(tiny_dir / "client.yaml").c_customers.pricing.loss_share == 0.3
    assert tiny_dir not in report.backup.parents


def test_workshop_false_builds_nothing(tiny_dir: Path) -> None:
    assert c_customers_panel(kamlib.load_client(tiny_dir), "de", workshop=False) is None
