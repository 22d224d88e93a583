"""The catalogue of bad or awkward client inputs (tests/fixtures/bad_inputs).

Each case is ``_base`` (a clean three-customer client) with one file changed;
the test pins the exact problem row the case must produce: severity, file,
row as the user sees it (header = 1), column as named in the file, value and
a piece of the English message.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from kamlib.data import ClientDataError, load_client
from kamlib.data.validate import collect
from tests.data.fixture_cases import FIXTURES, build_case

NA = None
# case, severity, file, row, column, value, message fragment
CASES = [
    ("01_german_cp1252_semicolon", "info", "sales.csv", NA, "", "", "read as Windows-1252"),
    ("03_excel_title_rows", "info", "sales.xlsx", 3, "", "", "2 row(s) above the header skipped"),
    ("05_bad_date", "error", "sales.csv", 3, "date", "31.13.2025", "Not a valid value (date)"),
    ("06_bad_number", "error", "sales.csv", 3, "net_revenue", "zehn", "Not a valid value (number)"),
    (
        "07_missing_revenue_column",
        "error",
        "sales.csv",
        NA,
        "",
        "",
        "Required column(s) missing: net_revenue",
    ),
    (
        "08_wrong_file_as_sales",
        "error",
        "sales.csv",
        NA,
        "",
        "",
        "Required column(s) missing: date, net_revenue",
    ),
    ("09_empty_sales_csv", "error", "sales.csv", NA, "", "", "The file is empty (0 bytes)"),
    ("10_binary_junk", "error", "sales.csv", NA, "", "", "not a table (binary data"),
    ("11_zero_byte_xlsx", "error", "customers.xlsx", NA, "", "", "The file is empty (0 bytes)"),
    ("12_damaged_xlsx", "error", "customers.xlsx", NA, "", "", "damaged or not valid Excel"),
    (
        "13_xlsx_named_csv",
        "warning",
        "sales.csv",
        NA,
        "",
        "",
        "Excel workbook named .csv; it was read as Excel",
    ),
    (
        "14_csv_and_xlsx",
        "error",
        "sales.csv",
        NA,
        "",
        "",
        "Several files for the same table: sales.csv, sales.xlsx",
    ),
    # second line duplicates R1/1 (1,000.00): removed, amount named
    (
        "15_duplicate_invoice_line",
        "warning",
        "sales.csv",
        3,
        "invoice_id",
        "R1 / 1",
        "1 duplicate invoice line (same invoice number and line) removed, €1,000",
    ),
    (
        "16_identical_rows_no_ids",
        "warning",
        "sales.csv",
        3,
        "",
        "",
        "1 row is identical to an earlier row (possible duplicate, kept)",
    ),
    # 120,50- is SAP's -120.50: 120.5 / 1000 gross = 12.05 % -> "12.0%" (half-even)
    (
        "17_credit_notes_sap_minus",
        "info",
        "sales.csv",
        3,
        "Umsatz",
        "",
        "1 credit-note line (negative) netted: -€120",
    ),
    (
        "18_unknown_customer",
        "warning",
        "sales.csv",
        3,
        "customer_id",
        "10077",
        "1 invoice line with an unknown customer id (10077) excluded, €1,234",
    ),
    (
        "19_leading_zeros_lost",
        "warning",
        "sales.csv",
        2,
        "customer_id",
        "01001",
        "unknown customer id (01001) excluded, €100",
    ),
    (
        "20_duplicate_customer_id",
        "error",
        "customers.csv",
        5,
        "customer_id",
        "10002",
        "Customer id occurs more than once",
    ),
    (
        "21_rating_off_scale",
        "warning",
        "ratings.csv",
        3,
        "rating",
        "7",
        "Value outside 1-5. Row ignored.",
    ),
    (
        "22_rating_unknown_criterion",
        "warning",
        "ratings.csv",
        3,
        "criterion",
        "karma",
        "Unknown criterion; row ignored",
    ),
    (
        "23_contact_bad_role",
        "warning",
        "contacts.csv",
        3,
        "Rolle",
        "Hausmeister",
        "allowed: decider, buyer, user, influencer, gatekeeper",
    ),
    (
        "24_contact_unknown_customer",
        "warning",
        "contacts.csv",
        3,
        "customer_id",
        "99999",
        "1 row with an unknown customer id (99999) excluded",
    ),
    ("25_totals_row", "info", "sales.csv", 3, "", "", "Totals row ignored"),
    (
        "26_ragged_row",
        "error",
        "sales.csv",
        3,
        "",
        "16.01.2025;10002;Rabatt; 5 %;20,00",
        "different number of values than the header (3)",
    ),
    (
        "27_missing_customer_id_cell",
        "error",
        "sales.csv",
        3,
        "customer_id",
        "",
        "Required value is missing",
    ),
    ("28_html_as_xls", "error", "customers.xls", NA, "", "", "HTML/XML page with a wrong ending"),
    (
        "29_config_negative_weight",
        "error",
        "client.yaml",
        NA,
        "portfolio.potential",
        "",
        "weights must not be negative",
    ),
    (
        "30_account_plan_bad_yaml",
        "error",
        "account_plans/10001.yaml",
        3,
        "",
        "",
        "(line 3, column 1)",
    ),
    # account plans: key path (list items counted from 1) in the column, line of the key
    (
        "31_account_plan_bad_value",
        "error",
        "account_plans/10001.yaml",
        3,
        "opportunities[1].fit",
        "9",
        "opportunities[1].fit: not a rating from 1 to 5; this plan is skipped",
    ),
    (
        "57_account_plan_python_tag",
        "error",
        "account_plans/10001.yaml",
        2,
        "",
        "",
        "could not determine a constructor for the tag",
    ),
    (
        "58_account_plan_target_in_words",
        "error",
        "account_plans/10001.yaml",
        5,
        "goals[1].target",
        "viel",
        "goals[1].target: not a number",
    ),
    (
        "59_account_plan_due_in_words",
        "error",
        "account_plans/10001.yaml",
        5,
        "goals[2].due",
        "bald",
        "goals[2].due: not a date",
    ),
    (
        "60_account_plan_unknown_key",
        "error",
        "account_plans/10001.yaml",
        4,
        "goals[1].deadline",
        "",
        "goals[1].deadline: unknown key",
    ),
    (
        "61_account_plan_unknown_status",
        "error",
        "account_plans/10001.yaml",
        5,
        "actions[1].status",
        "erledigt",
        "actions[1].status: not an allowed value",
    ),
    (
        "62_account_plan_goal_text_only",
        "warning",
        "account_plans/10001.yaml",
        3,
        "goals[1]",
        "",
        'Goal 1 ("Improve the relationship") fails the SMART letters M, A, R, T: '
        "add metric, target, reason, links, due.",
    ),
    (
        "32_unknown_column",
        "info",
        "customers.csv",
        1,
        "Lieblingsfarbe",
        "",
        "Column 'Lieblingsfarbe' is unknown and ignored",
    ),
    # 99.95 in a decimal-comma column could be 9995 or 99.95: reported, not guessed
    (
        "33_mixed_decimal_separators",
        "error",
        "sales.csv",
        4,
        "Umsatz",
        "99.95",
        "Not a valid value (number)",
    ),
    (
        "36_negative_count",
        "warning",
        "activities.csv",
        3,
        "visits",
        "-3",
        "Value below 0. Value left empty.",
    ),
    (
        "37_customer_without_name",
        "warning",
        "customers.csv",
        3,
        "name",
        "10002",
        "Customer name missing",
    ),
    ("38_client_yaml_missing", "error", "client.yaml", NA, "", "", "client.yaml not found"),
    ("39_header_only", "error", "sales.csv", NA, "", "", "The table has no data rows"),
    (
        "40_bad_bool",
        "warning",
        "customers.csv",
        3,
        "is_key_account",
        "vielleicht",
        "Not a valid value (yes/no value)",
    ),
    ("41_second_sheet", "info", "customers.xlsx", NA, "", "", "Read the worksheet 'Kunden'"),
    ("42_zip_not_workbook", "error", "customers.xlsx", NA, "", "", "damaged or not valid Excel"),
    # issue 9: dates never guessed - one error for the column, with examples
    (
        "44_ambiguous_slash_dates",
        "error",
        "sales.csv",
        2,
        "date",
        "01/02/2025, 03/04/2025",
        "No date in this column shows whether the day or the month comes first",
    ),
    (
        "45_contradicting_dates",
        "error",
        "sales.csv",
        2,
        "date",
        "31/12/2025, 12/30/2025",
        "The dates in this column contradict each other",
    ),
    (
        "47_date_formats_unknown_table",
        "error",
        "client.yaml",
        NA,
        "date_formats.salse",
        "",
        "unknown table 'salse'",
    ),
    # amounts: another currency is an error, so is a magnitude beyond 1e12
    (
        "48_foreign_currency",
        "error",
        "sales.csv",
        3,
        "net_revenue",
        "$ 250.00",
        "Amount in another currency ($); the client's currency is EUR.",
    ),
    (
        "50_huge_amount",
        "error",
        "sales.csv",
        3,
        "net_revenue",
        "5000000000000",
        "Value above 1,000,000,000,000 (amount or count) in one line",
    ),
    # broken files: one line each, with the row
    (
        "51_broken_client_yaml",
        "error",
        "client.yaml",
        3,
        "",
        "",
        "Not valid YAML (line 3, column 11)",
    ),
    ("52_nul_bytes", "error", "sales.csv", 3, "", "", "contains NUL bytes"),
    (
        "53_unbalanced_quote",
        "error",
        "sales.csv",
        3,
        "",
        "2025-01-16,10002,200,Parts",
        "A quote opened in this row is not closed and swallows the 2 rows after it.",
    ),
    (
        "54_excel_error_cells",
        "error",
        "sales.xlsx",
        3,
        "net_revenue",
        "#DIV/0!",
        "Excel error value #DIV/0!",
    ),
    ("54_excel_error_cells", "error", "sales.xlsx", 4, "net_revenue", "#N/A", "value #N/A"),
    (
        "55_duplicate_ratings",
        "warning",
        "ratings.csv",
        2,
        "criterion",
        "10001 / chemistry",
        "rated more than once for the same date",
    ),
    (
        "56_excel_error_text_in_csv",
        "warning",
        "customers.csv",
        3,
        "name",
        "#N/A",
        "Excel error value #N/A",
    ),
]


def _collect(case: str, tmp_path: Path):
    return collect(build_case(case, tmp_path / "client"), lang="en")


def test_catalogue_has_at_least_25_cases_with_fixture_files():
    cases = {c for c, *_ in CASES} | set(LOADS_CLEANLY)
    assert len(cases) >= 25
    on_disk = {p.name for p in FIXTURES.iterdir() if p.is_dir() and not p.name.startswith("_")}
    assert cases == on_disk


@pytest.mark.parametrize(
    ("case", "severity", "file", "row", "column", "value", "fragment"),
    CASES,
    ids=[c[0] for c in CASES],
)
def test_bad_input_produces_exact_problem_row(
    tmp_path, case, severity, file, row, column, value, fragment
):
    problems = _collect(case, tmp_path).problems
    hits = problems[
        (problems["severity"] == severity)
        & (problems["file"] == file)
        & (problems["column"] == column)
        & (problems["value"] == value)
        & problems["message"].str.contains(fragment, regex=False)
    ]
    rows = hits["row"].tolist()
    assert (pd.NA in rows or any(pd.isna(r) for r in rows)) if row is None else row in rows, (
        problems.to_string()
    )


@pytest.mark.parametrize(
    "case",
    [
        "05_bad_date",
        "09_empty_sales_csv",
        "10_binary_junk",
        "14_csv_and_xlsx",
        "20_duplicate_customer_id",
    ],
)
def test_errors_in_required_tables_stop_load_client(tmp_path, case):
    with pytest.raises(ClientDataError) as info:
        load_client(build_case(case, tmp_path / "client"))
    assert (info.value.problems["severity"] == "error").any()


def test_broken_config_raises_client_data_error_that_is_also_config_error(tmp_path):
    from kamlib.config import ConfigError

    with pytest.raises(ConfigError):
        load_client(build_case("29_config_negative_weight", tmp_path / "client"))


def test_leading_zero_mismatch_gets_the_excel_hint(tmp_path):
    problems = _collect("19_leading_zeros_lost", tmp_path).problems
    assert problems["hint"].str.contains("leading zeros").any()


@pytest.mark.parametrize("case", ["44_ambiguous_slash_dates", "45_contradicting_dates"])
def test_undecided_date_column_names_the_client_yaml_key_that_settles_it(tmp_path, case):
    problems = _collect(case, tmp_path).problems
    err = problems[problems["severity"] == "error"]
    assert len(err) == 1, err.to_string()  # one line for the column, not one per row
    assert 'date_formats: {sales: "%m/%d/%Y"}' in err.iloc[0]["hint"]
    assert '"%d/%m/%Y"' in err.iloc[0]["hint"]


@pytest.mark.parametrize(
    "case",
    ["44_ambiguous_slash_dates", "48_foreign_currency", "50_huge_amount", "52_nul_bytes"],
)
def test_refused_dates_and_amounts_stop_the_client(tmp_path, case):
    with pytest.raises(ClientDataError):
        load_client(build_case(case, tmp_path / "client"))


def test_broken_client_yaml_is_exactly_one_config_error(tmp_path):
    from kamlib.config import ConfigError

    problems = _collect("51_broken_client_yaml", tmp_path).problems
    assert (problems["file"] == "client.yaml").sum() == 1
    with pytest.raises(ConfigError):
        load_client(build_case("51_broken_client_yaml", tmp_path / "client2"))


def test_rows_swallowed_by_an_open_quote_are_not_used_silently(tmp_path):
    # rows 3-5 form one broken record: reported (error) and none of them is read as a line
    got = _collect("53_unbalanced_quote", tmp_path)
    assert got.tables["sales"]["net_revenue"].tolist() == [100.0]
    errors = got.problems[got.problems["severity"] == "error"]
    assert errors["row"].tolist() == [3]


def test_wrong_file_hint_names_the_table_it_looks_like(tmp_path):
    problems = _collect("08_wrong_file_as_sales", tmp_path).problems
    err = problems[problems["severity"] == "error"].iloc[0]
    assert "looks like the 'customers' table" in err["hint"]


# cases that must load (possibly with warnings) and what they must contain
LOADS_CLEANLY = {
    "01_german_cp1252_semicolon": ("sales", "net_revenue", [1234.56, 500.0]),
    "02_utf8_bom_odd_headers": ("customers", "is_key_account", [True, False, True]),
    "03_excel_title_rows": ("sales", "net_revenue", [100.0, 200.0]),
    # 46019 is the Excel serial of 2025-12-28; dotted and ISO dates are unambiguous and
    # the one slash date 29/12/2025 proves day first (29 > 12), so nothing is guessed
    "04_mixed_date_formats": (
        "sales",
        "date",
        list(
            pd.to_datetime(["2025-12-31", "2025-12-30", "2025-12-29", "2025-12-28", "2025-12-27"])
        ),
    ),
    "13_xlsx_named_csv": ("sales", "net_revenue", [100.0]),
    # 1.000,00 and 120,50- -> 1000 and -120.5
    "17_credit_notes_sap_minus": ("sales", "net_revenue", [1000.0, -120.5]),
    "21_rating_off_scale": ("ratings", "rating", [4]),
    "23_contact_bad_role": ("contacts", "role", ["decider"]),
    "25_totals_row": ("sales", "net_revenue", [100.0]),
    "34_sep_line": ("sales", "net_revenue", [100.5]),
    "35_utf16_tab": ("customers", "name", ["Alpha Öl", "Beta", "Gamma"]),
    "36_negative_count": ("activities", "visits", [4, pd.NA]),
    "37_customer_without_name": ("customers", "name", ["Alpha", "10002", "Gamma"]),
    "41_second_sheet": ("customers", "customer_id", ["10001", "10002", "10003"]),
    # 12/31/2025 proves month first, so 01/02/2025 is 2 January
    "43_us_dates_month_first": (
        "sales",
        "date",
        list(pd.to_datetime(["2025-12-31", "2025-01-02"])),
    ),
    # the same ambiguous column as case 44, settled by date_formats: {sales: "%m/%d/%Y"}
    "46_date_formats_settles": (
        "sales",
        "date",
        list(pd.to_datetime(["2025-01-02", "2025-03-04"])),
    ),
    # CHF 1'234.50 and Fr. 99.00 in a CHF client: own code/symbol and apostrophes stripped
    "49_own_currency_chf": ("sales", "net_revenue", [1234.5, 99.0]),
    # double ratings are reported but kept (the portfolio uses their mean)
    "55_duplicate_ratings": ("ratings", "rating", [4, 3, 2]),
    # #N/A as a customer name: warned, the id stands in for the name
    "56_excel_error_text_in_csv": ("customers", "name", ["Alpha Ltd", "10002", "Gamma AG"]),
    # account plan and other optional-table errors never stop the client
    "30_account_plan_bad_yaml": ("customers", "customer_id", ["10001", "10002", "10003"]),
}


@pytest.mark.parametrize("case", sorted(LOADS_CLEANLY))
def test_awkward_but_valid_input_loads_with_the_right_values(tmp_path, case):
    table, column, expected = LOADS_CLEANLY[case]
    client = load_client(build_case(case, tmp_path / "client"))
    got = getattr(client, table)[column].tolist()
    assert [None if pd.isna(v) else v for v in got] == [None if pd.isna(v) else v for v in expected]
