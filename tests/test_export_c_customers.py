"""``kam export --module c_customers``: DESIGN.md's columns, order, rounding and types."""

from __future__ import annotations

import numpy as np
import openpyxl
import pandas as pd
import pytest

from kamlib.analysis.c_customers import EXPORT_COLUMNS, analyse
from kamlib.export import export_frame, run_export, write_export
from kamlib.modules import get_module
from tests.analysis.test_c_customers import _client

MODULE = get_module("c_customers")

#: DESIGN.md "Export columns per module", c_customers, in this order
DESIGN_COLUMNS = [
    "customer_id", "name", "abc_class", "is_c_customer", "year", "revenue",
    "contribution_margin", "visits", "calls", "orders", "deliveries", "complaints",
    "returns", "quotes", "cost_to_serve", "customer_profit", "growth_candidate",
    "channel", "wallet_gap",
]  # fmt: skip


@pytest.fixture(scope="module")
def frame() -> pd.DataFrame:
    client = _client()
    # K5's line of 2025-03-01 gets sub-cent digits: 3000.004 -> 3000.00 after rounding,
    # margin 900.006 -> 900.01; its revenue in Y 3040.004 -> 3040.0
    s = client.sales
    s.loc[s["invoice_id"] == "I51", ["net_revenue", "contribution_margin"]] = [3000.004, 900.006]
    return export_frame(MODULE, analyse(client))


def test_columns_are_design_columns_in_order(frame) -> None:
    assert list(frame.columns) == DESIGN_COLUMNS
    assert list(EXPORT_COLUMNS) == DESIGN_COLUMNS
    assert list(MODULE.export.columns) == DESIGN_COLUMNS


def test_one_row_per_master_customer_sorted_by_revenue(frame) -> None:
    # revenue in Y: K1 13700, K5 3040, K4 2060, K2 200, K3 100
    assert frame["customer_id"].tolist() == ["K1", "K5", "K4", "K2", "K3"]


def test_money_rounded_to_cents_counts_unrounded(frame) -> None:
    k5 = frame.set_index("customer_id").loc["K5"]
    assert k5["revenue"] == 3040.0  # 3000.004 + 40
    assert k5["contribution_margin"] == 910.01  # 900.006 + 10 = 910.006
    assert k5["customer_profit"] == 830.01  # 910.006 - 80
    assert k5["orders"] == 2  # derived: two positive invoices
    k2 = frame.set_index("customer_id").loc["K2"]
    assert np.isnan(k2["contribution_margin"])  # unknown stays unknown (empty cell)
    assert np.isnan(k2["customer_profit"])


def test_types_year_bool_channel(frame) -> None:
    assert frame["year"].tolist() == [2025] * 5
    assert frame["is_c_customer"].tolist() == [False, True, True, True, True]
    assert frame["growth_candidate"].tolist() == [False, False, False, True, False]
    assert frame["channel"].tolist() == [
        "",
        "inside_sales",
        "webshop_edi",
        "field_sales",
        "distributor",
    ]


def test_csv_and_xlsx(frame, tmp_path) -> None:
    csv = write_export(frame, tmp_path / "c.csv")
    text = csv.read_text(encoding="utf-8")
    head, first, *_ = text.splitlines()
    assert head == ",".join(DESIGN_COLUMNS)
    # K1: A customer, no channel, wallet gap unknown -> empty cells
    assert first.startswith(
        "K1,Eins AG,A,False,2025,13700.0,4110.0,4,10,6,8,1,0,2,1870.0,2240.0,False,,"
    )
    k2 = next(line for line in text.splitlines() if line.startswith("K2,"))
    # unknown margin and profit are empty, not 0; orders derived (1), cost 40
    assert k2 == "K2,Zwei KG,C,True,2025,200.0,,0,0,1,0,0,0,0,40.0,,True,field_sales,9800.0"
    xlsx = write_export(frame, tmp_path / "c.xlsx", lang="de")
    wb = openpyxl.load_workbook(xlsx)
    ws = wb.worksheets[0]
    labels = {r[0].value: r[1].value for r in wb.worksheets[1].iter_rows(min_row=2)}
    # headers and yes/no in the deliverable's language; the English names on sheet 2
    assert [c.value for c in ws[1]] == [labels[c] for c in DESIGN_COLUMNS]
    col = {name: i + 1 for i, name in enumerate(DESIGN_COLUMNS)}
    assert ws.cell(2, col["cost_to_serve"]).number_format == "#,##0.00"
    assert ws.cell(2, col["is_c_customer"]).value == "nein"  # K1 is an A customer
    assert labels["cost_to_serve"] == "Betreuungskosten"
    assert labels["channel"] == "Vertriebsweg"


def test_kam_export_on_the_demo_client(tmp_path, capsys) -> None:
    out = tmp_path / "cc.csv"
    code = run_export("client_data/demo-components", "c_customers", out, "en", None)
    assert code == 0
    df = pd.read_csv(out, dtype={"customer_id": str})
    assert list(df.columns) == DESIGN_COLUMNS
    assert df["customer_id"].is_unique
    money = ["revenue", "contribution_margin", "cost_to_serve", "customer_profit", "wallet_gap"]
    for col in money:
        values = df[col].dropna().to_numpy()
        assert np.allclose(values, np.round(values, 2))
