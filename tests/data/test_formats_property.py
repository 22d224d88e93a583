"""Property: the same valid table loads identically from every supported file form.

A generated customers + sales table is written as the canonical CSV (comma,
decimal point, ISO dates, UTF-8), as a German Excel CSV (semicolon, decimal
comma with thousands dots, 31.12.2025 dates, cp1252, German headers) and as
xlsx (typed cells); all three must load to equal DataFrames.
"""

from __future__ import annotations

import datetime as dt
import tempfile
from pathlib import Path

import pandas as pd
import xlsxwriter
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kamlib.data.validate import collect

NAME_CHARS = 'abcdefghijklmnopqrstuvwxyzäöüßÄÖÜ ABCXYZ-&.,;"'
GERMAN = {
    "customer_id": "Kundennummer",
    "name": "Firma",
    "date": "Belegdatum",
    "net_revenue": "Nettoumsatz",
    "contribution_margin": "DB",
    "invoice_id": "Rechnungs-Nr.",
    "line_no": "Pos.",
}


@st.composite
def client_tables(draw):
    n_cust = draw(st.integers(1, 6))
    ids = draw(
        st.lists(
            st.from_regex(r"0{0,2}[1-9][0-9]{2,5}", fullmatch=True),
            min_size=n_cust,
            max_size=n_cust,
            unique=True,
        )
    )
    names = draw(
        st.lists(
            st.text(NAME_CHARS, min_size=1, max_size=12).map(str.strip).filter(bool),
            min_size=n_cust,
            max_size=n_cust,
        )
    )
    customers = pd.DataFrame({"customer_id": ids, "name": names})
    n = draw(st.integers(1, 12))
    cents = st.integers(-5_000_000, 50_000_000)
    sales = pd.DataFrame(
        {
            "date": draw(
                st.lists(
                    st.dates(dt.date(2000, 1, 1), dt.date(2030, 12, 31)), min_size=n, max_size=n
                )
            ),
            "customer_id": draw(st.lists(st.sampled_from(ids), min_size=n, max_size=n)),
            "net_revenue": [c / 100 for c in draw(st.lists(cents, min_size=n, max_size=n))],
            "contribution_margin": [
                None if c is None else c / 100
                for c in draw(st.lists(st.none() | cents, min_size=n, max_size=n))
            ],
            "invoice_id": [f"R{i:04d}" for i in range(n)],
            "line_no": [1] * n,
        }
    )
    return customers, sales


def _write(folder: Path, customers: pd.DataFrame, sales: pd.DataFrame, form: str) -> Path:
    folder.mkdir(parents=True)
    (folder / "client.yaml").write_text("name: Prop\nlanguage: en\n", encoding="utf-8")
    if form == "canonical":
        customers.to_csv(folder / "customers.csv", index=False)
        sales.assign(date=[d.isoformat() for d in sales["date"]]).to_csv(
            folder / "sales.csv", index=False
        )
    elif form == "german":

        def de_num(v):
            if v is None or pd.isna(v):
                return ""
            return f"{v:,.2f}".replace(",", "X").replace(".", ",").replace("X", ".")

        customers.rename(columns=GERMAN).to_csv(
            folder / "customers.csv", sep=";", index=False, encoding="cp1252"
        )
        out = sales.assign(
            date=[d.strftime("%d.%m.%Y") for d in sales["date"]],
            net_revenue=[de_num(v) for v in sales["net_revenue"]],
            contribution_margin=[de_num(v) for v in sales["contribution_margin"]],
        ).rename(columns=GERMAN)
        out.to_csv(folder / "sales.csv", sep=";", index=False, encoding="cp1252")
    else:
        for name, frame in (("customers", customers), ("sales", sales)):
            wb = xlsxwriter.Workbook(str(folder / f"{name}.xlsx"))
            ws = wb.add_worksheet()
            date_fmt = wb.add_format({"num_format": "dd.mm.yyyy"})
            for j, col in enumerate(frame.columns):
                ws.write_string(0, j, col)
                for i, v in enumerate(frame[col], start=1):
                    if v is None or (isinstance(v, float) and pd.isna(v)):
                        continue
                    if isinstance(v, dt.date):
                        ws.write_datetime(i, j, dt.datetime.combine(v, dt.time()), date_fmt)
                    elif isinstance(v, str):
                        ws.write_string(i, j, v)
                    else:
                        ws.write_number(i, j, v)
            wb.close()
    return folder


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(client_tables())
def test_csv_german_csv_and_xlsx_load_to_the_same_frames(tables):
    customers, sales = tables
    with tempfile.TemporaryDirectory() as tmp:
        loaded = {}
        for form in ("canonical", "german", "xlsx"):
            got = collect(_write(Path(tmp) / form, customers, sales, form), lang="en")
            assert not (got.problems["severity"] == "error").any(), got.problems.to_string()
            loaded[form] = got.tables
        for form in ("german", "xlsx"):
            for name in ("customers", "sales"):
                pd.testing.assert_frame_equal(loaded[form][name], loaded["canonical"][name])
        # and the canonical load is the generated data itself
        assert (
            loaded["canonical"]["customers"]["customer_id"].tolist()
            == customers["customer_id"].tolist()
        )
        assert loaded["canonical"]["sales"]["net_revenue"].tolist() == sales["net_revenue"].tolist()
