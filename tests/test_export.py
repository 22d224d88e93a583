"""``kam export`` for the portfolio: contract of the file, formatting, injection safety."""

from __future__ import annotations

import shutil
from pathlib import Path

import numpy as np
import openpyxl
import pandas as pd
import pytest

from kamlib.analysis.portfolio import analyse
from kamlib.config import ClientConfig
from kamlib.data.client import ClientData
from kamlib.export import export_frame, run_export, write_export
from kamlib.modules import get_module

PORTFOLIO = get_module("portfolio")

EXAMPLE = Path(__file__).resolve().parent / "fixtures" / "portfolio_example"

REQUIRED = [
    "customer_id", "customer_name", "revenue", "contribution_margin", "revenue_share",
    "cumulative_share", "abc_class", "xyz_class", "cv", "potential_score",
    "attractiveness_score", "zone", "ka_score", "is_key_account", "ka_recommended",
    "customer_type", "share_of_wallet",
]  # fmt: skip

NASTY = ['=HYPERLINK("http://evil","x")', "+49 89 1234", "-5+3", "@SUM(A1:A2)"]


def _client(names: list[str] | None = None) -> ClientData:
    customers = pd.read_csv(EXAMPLE / "portfolio_customers.csv", dtype={"customer_id": str})
    if names:
        customers.loc[: len(names) - 1, "name"] = names
    sales = pd.read_csv(
        EXAMPLE / "portfolio_sales.csv", dtype={"customer_id": str}, parse_dates=["date"]
    )
    sales["contribution_margin"] = sales["net_revenue"] * 0.25
    cfg = ClientConfig(name="Beispiel", as_of=pd.Timestamp("2026-06-30").date())
    return ClientData(EXAMPLE, cfg, customers, sales)


def _frame(names=None) -> pd.DataFrame:
    return export_frame(PORTFOLIO, analyse(_client(names)))


def test_export_frame_has_required_columns_one_row_per_customer_sorted():
    df = _frame()
    assert all(c in df.columns for c in REQUIRED)
    # one row per master customer, including K08 (no sales) and K09 (credit note only);
    # revenue descending, ties K04..K07 (25 each) by id
    assert df["customer_id"].tolist() == [f"K0{i}" for i in range(1, 10)]
    assert df["revenue"].tolist() == [500, 300, 100, 25, 25, 25, 25, 0, -10]
    # shares are fractions 0-1
    assert df["revenue_share"].between(0, 1).all()
    assert df["revenue_share"].sum() == pytest.approx(1.0)
    assert df["cumulative_share"].between(0, 1).all()
    assert set(df["zone"]) <= {"protect", "develop", "maintain", "withdraw", ""}
    # fixed columns first, in the documented order
    fixed = [c for c in PORTFOLIO.export.columns if c != "account_manager"]
    assert df.columns[: len(fixed)].tolist() == fixed


def test_xlsx_neutralises_formula_injection(tmp_path):
    df = _frame(NASTY)
    path = write_export(df, tmp_path / "p.xlsx", "de")
    ws = openpyxl.load_workbook(path).worksheets[0]
    col = df.columns.get_loc("customer_name") + 1
    by_id = {ws.cell(r, 1).value: ws.cell(r, col) for r in range(2, ws.max_row + 1)}
    for i, name in enumerate(NASTY, start=1):
        cell = by_id[f"K0{i}"]
        assert cell.data_type == "s", name
        assert cell.value == name


def test_xlsx_formatting(tmp_path):
    df = _frame()
    path = write_export(df, tmp_path / "p.xlsx", "en")
    wb = openpyxl.load_workbook(path)
    ws = wb.worksheets[0]
    # headers in the chosen language; the stable English name is in the comment
    assert [c.value for c in ws[1]][:3] == ["Customer no.", "Customer", "Industry"]
    assert ws["E1"].value == "Revenue" and ws["E1"].comment.text.startswith("revenue\n")
    assert ws["A1"].font.b
    assert ws["A1"].fill.fgColor.rgb.endswith("1F3B57")
    assert ws.freeze_panes == "A2"
    assert ws.auto_filter.ref.startswith("A1:") and ws.auto_filter.ref.endswith(str(len(df) + 1))
    col = {df.columns[c.column - 1]: c.column for c in ws[1]}
    assert ws.cell(2, col["revenue"]).number_format == "#,##0.00"
    assert ws.cell(2, col["revenue_share"]).number_format == "0.0%"
    assert ws.cell(2, col["ka_score"]).number_format == "0.0"
    assert ws.cell(2, col["customer_id"]).data_type == "s"
    assert ws.cell(2, col["is_key_account"]).value in ("yes", "no")
    # customers without XYZ class / CV leave the cell empty, not "nan"
    assert ws.cell(9, col["cv"]).value is None
    # labels and descriptions on the second sheet, in the chosen language
    labels = {r[0].value: r[1].value for r in wb.worksheets[1].iter_rows(min_row=2)}
    assert labels["revenue"] == "Revenue"
    de = openpyxl.load_workbook(write_export(df, tmp_path / "d.xlsx", "de")).worksheets[1]
    assert {r[0].value: r[1].value for r in de.iter_rows(min_row=2)}["revenue"] == "Umsatz"


def test_csv_is_utf8_with_commas(tmp_path):
    df = _frame(["Müller & Söhne, GmbH"])
    path = write_export(df, tmp_path / "p.csv", "de")
    raw = path.read_bytes()
    assert not raw.startswith(b"\xef\xbb\xbf")
    text = raw.decode("utf-8")
    assert text.splitlines()[0].startswith("customer_id,customer_name,industry,region,revenue,")
    assert '"Müller & Söhne, GmbH"' in text
    back = pd.read_csv(path, dtype={"customer_id": str})
    assert back["customer_id"].tolist()[0] == "K01"
    assert back.loc[0, "revenue_share"] == pytest.approx(0.5)
    assert np.isnan(back.loc[8, "cv"])


def _client_dir(tmp_path: Path) -> Path:
    d = tmp_path / "client"
    d.mkdir()
    shutil.copy(EXAMPLE / "portfolio_customers.csv", d / "customers.csv")
    shutil.copy(EXAMPLE / "portfolio_sales.csv", d / "sales.csv")
    (d / "client.yaml").write_text("name: Beispiel\nas_of: 2026-06-30\n", encoding="utf-8")
    return d


def test_run_export_usage_and_data_errors(tmp_path, capsys):
    assert run_export(tmp_path, "no_such_module", tmp_path / "x.csv") == 2
    assert "portfolio" in capsys.readouterr().err
    assert run_export(tmp_path, "portfolio", tmp_path / "x.txt") == 2
    assert run_export(tmp_path, "portfolio", tmp_path / "x.csv", as_of="2026-13-45") == 2
    # folder without client.yaml: data error, friendly message, no traceback
    assert run_export(tmp_path, "portfolio", tmp_path / "x.csv") == 1
    err = capsys.readouterr().err
    assert "client.yaml" in err and "Traceback" not in err


def test_run_export_writes_file(tmp_path, capsys):
    d = _client_dir(tmp_path)
    out = tmp_path / "out" / "portfolio.csv"
    assert run_export(d, "portfolio", out, lang="en") == 0
    assert "Wrote 9 customers" in capsys.readouterr().err
    assert pd.read_csv(out)["customer_id"].tolist()[0] == "K01"


def test_cell_label_translates_codes_and_yes_no():
    from kamlib.export import cell_label

    assert cell_label("is_key_account", True, "de") == "ja"
    assert cell_label("rated", np.bool_(False), "en") == "no"
    own = {"zone": {"de": {"protect": "Kernkunden"}}}
    assert cell_label("zone", "protect", "de", own) == "Kernkunden"  # the client's own name
    assert cell_label("zone", "", "de") == "nicht platziert"
    assert cell_label("customer_type", "breadwinner;expert", "de") == "Ernährer, Experte"
    assert cell_label("abc_class", "A", "de") == "A"  # no label: the code itself


def test_xlsx_cells_in_german_csv_keeps_codes(tmp_path):
    df = _frame()
    ws = openpyxl.load_workbook(write_export(df, tmp_path / "d.xlsx", "de")).worksheets[0]
    col = {name: j for j, name in enumerate(df.columns, start=1)}
    assert ws.cell(1, col["revenue"]).value == "Umsatz"
    zones = {ws.cell(r, col["zone"]).value for r in range(2, ws.max_row + 1)} - {None}
    assert zones and zones <= {"Schutzzone", "Entwicklungszone", "Pflegezone", "Rückzugszone",
                               "nicht platziert"}  # fmt: skip
    flags = {ws.cell(r, col["is_key_account"]).value for r in range(2, ws.max_row + 1)}
    assert flags <= {"ja", "nein"}
    csv = pd.read_csv(write_export(df, tmp_path / "d.csv", "de"))
    assert set(csv["zone"].dropna()) <= {"protect", "develop", "maintain", "withdraw"}
    assert csv["is_key_account"].dtype == bool
