"""load_client: clean tables, figures, cache and the never-write-into-the-client rule."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pandas as pd
import pytest

from kamlib.data import load_client
from kamlib.data.quality import quality_lines
from kamlib.data.validate import collect
from tests.data.fixture_cases import build_case

ROOT = Path(__file__).resolve().parents[2]


def _snapshot(folder: Path) -> dict[str, str]:
    return {
        str(p.relative_to(folder)): hashlib.sha1(p.read_bytes()).hexdigest()
        for p in folder.rglob("*")
        if p.is_file()
    }


def test_customer_ids_stay_strings_with_leading_zeros(tmp_path):
    d = build_case("15_duplicate_invoice_line", tmp_path / "c")
    (d / "customers.csv").write_text(
        "customer_id,name\n007,Bond\n10001,Alpha\n10002,Beta\n", encoding="utf-8"
    )
    client = load_client(d)
    assert client.customers["customer_id"].tolist() == ["007", "10001", "10002"]
    assert str(client.sales["customer_id"].dtype) == "str"


def test_sales_cleaning_figures(tmp_path):
    d = build_case("15_duplicate_invoice_line", tmp_path / "c")
    client = load_client(d)
    s = client.stats
    # 3 lines read, R1/1 twice -> 1 removed (1,000), 2 used; customer 10003 buys nothing
    assert (s["lines_read"], s["duplicates_removed"], s["duplicates_revenue"], s["lines_used"]) == (
        3,
        1,
        1000.0,
        2,
    )
    assert s["customers_without_sales"] == 1
    assert (s["date_min"], s["date_max"]) == ("2025-01-15", "2025-01-20")
    assert client.sales["net_revenue"].sum() == 1040.0  # 1000 + 40


def test_unknown_customer_lines_are_excluded_and_counted(tmp_path):
    client = load_client(build_case("18_unknown_customer", tmp_path / "c"))
    assert client.sales["customer_id"].tolist() == ["10001"]
    assert (client.stats["unknown_customer_lines"], client.stats["unknown_customer_revenue"]) == (
        1,
        1234.0,
    )


def test_optional_table_with_errors_is_none_but_client_loads(tmp_path):
    d = build_case("01_german_cp1252_semicolon", tmp_path / "c")
    (d / "ratings.csv").write_text(
        "customer_id,rating\n10001,4\n", encoding="utf-8"
    )  # criterion column missing
    client = load_client(d)
    assert client.ratings is None
    assert (
        (client.problems["file"] == "ratings.csv") & (client.problems["severity"] == "error")
    ).any()


def test_input_files_are_never_modified_and_nothing_is_written_into_the_client_folder(tmp_path):
    d = build_case("03_excel_title_rows", tmp_path / "c")
    before = _snapshot(d)
    load_client(d)
    load_client(d)
    assert _snapshot(d) == before


def test_cached_load_equals_fresh_load(tmp_path, _isolated_cache):
    d = build_case("01_german_cp1252_semicolon", tmp_path / "c")
    fresh = collect(d)
    assert any((_isolated_cache / "tables").iterdir())
    cached = collect(d)
    for name in ("customers", "sales"):
        pd.testing.assert_frame_equal(fresh.tables[name], cached.tables[name])
    pd.testing.assert_frame_equal(fresh.problems, cached.problems)
    assert fresh.stats == cached.stats


def test_changed_file_is_parsed_again(tmp_path):
    d = build_case("18_unknown_customer", tmp_path / "c")
    assert len(load_client(d).sales) == 1
    (d / "sales.csv").write_text(
        "date,customer_id,net_revenue\n2025-01-15,10001,100\n2025-01-16,10002,5\n", encoding="utf-8"
    )
    assert len(load_client(d).sales) == 2


def test_quality_lines_name_the_cleaning_with_amounts(tmp_path):
    client = load_client(build_case("18_unknown_customer", tmp_path / "c"))
    lines = quality_lines(client, "en")
    assert 3 <= len(lines) <= 6
    assert lines[0] == "Read 3 customers and 1 invoice lines (15 Jan 2025 – 15 Jan 2025)."
    assert "1 invoice line with an unknown customer id excluded (€1,234)." in lines
    de = quality_lines(client, "de")
    assert "1 Rechnungszeile mit unbekannter Kundennummer ausgeschlossen (1.234\xa0€)." in de


def test_quality_lines_of_a_clean_client_say_so(tmp_path):
    d = build_case("02_utf8_bom_odd_headers", tmp_path / "c")
    lines = quality_lines(load_client(d), "en")
    assert lines[-1] == "No data problems found."


@pytest.mark.parametrize("demo", ["demo-maschinenbau", "demo-components"])
def test_demo_clients_load_without_errors(demo):
    folder = ROOT / "client_data" / demo
    assert folder.is_dir(), "demo client missing"
    client = load_client(folder)
    assert not (client.problems["severity"] == "error").any(), client.problems.to_string()
    for name in ("activities", "ratings", "contacts", "touchpoints", "lost_reasons"):
        assert getattr(client, name) is not None, name


def test_cache_entry_of_another_layout_is_a_miss_not_a_crash(tmp_path, _isolated_cache):
    # an entry written by an older kit version whose metadata lacks "stats"/"headers"
    d = build_case("01_german_cp1252_semicolon", tmp_path / "c")
    fresh = collect(d)
    metas = list((_isolated_cache / "tables").glob("*.json"))
    assert metas
    for meta in metas:
        meta.write_text('{"old": true}', encoding="utf-8")
    again = collect(d)
    pd.testing.assert_frame_equal(fresh.tables["sales"], again.tables["sales"])
    assert fresh.stats == again.stats


def test_a_customer_named_total_with_its_own_id_is_kept(tmp_path):
    # found by the property test: a customer "Total," was dropped as a totals row.
    # A totals row lacks its id or carries the label in a key column; a name is free text.
    (tmp_path / "client.yaml").write_text("name: T\nlanguage: en\n", encoding="utf-8")
    (tmp_path / "customers.csv").write_text(
        'customer_id,name\n100,Alpha\n0100,"Total,"\n,Summe\n', encoding="utf-8"
    )
    (tmp_path / "sales.csv").write_text(
        "date,customer_id,net_revenue\n2026-01-05,0100,10.00\n", encoding="utf-8"
    )
    got = collect(tmp_path, lang="en")
    assert got.tables["customers"]["customer_id"].tolist() == ["100", "0100"]
    totals = got.problems[got.problems["message"].str.contains("total", case=False)]
    assert totals["row"].tolist() == [4]  # the label row without an id, not the customer
