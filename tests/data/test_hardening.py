"""Issue 9/10 rules of the data layer that need more than one fixture file.

- files resolving outside the client folder are refused and never read,
- problems are stored with keys and shown in the language where they appear,
- huge cells and overflowing numbers stay harmless,
- one rule finds a table's file (also for the render pre-check),
- dates and amounts are decided, never guessed (parse level),
- ``date_formats`` in client.yaml is validated with the key path.
"""

from __future__ import annotations

import ast
import warnings
from pathlib import Path

import pandas as pd
import pytest

from kamlib.config import ConfigError, parse_config
from kamlib.data import (
    ClientDataError,
    SeveralTableFiles,
    find_table_file,
    load_client,
    parse,
    problems_text,
)
from kamlib.data.problems import CUT_MARK, MAX_VALUE_CHARS
from kamlib.data.report import run_validate, write_problems
from kamlib.data.validate import collect
from tests.data.fixture_cases import build_case

SECRET = "TOP-SECRET-MARKER-7f3a"


def _secret_file(tmp_path: Path, name: str, content: str | None = None) -> Path:
    outside = tmp_path / "outside"
    outside.mkdir(exist_ok=True)
    path = outside / name
    path.write_text(
        content
        if content is not None
        else f"date,customer_id,net_revenue\n2025-01-15,10001,{SECRET}\n{SECRET},x,y\n"
    )
    return path


def _everything_shown(client_dir: Path, tmp_path: Path, capsys) -> str:
    """Problems (all columns, both languages), validate console and export file as one text."""
    got = collect(client_dir, lang="en")
    parts = [got.problems.to_string(), problems_text(got.problems, "de").to_string()]
    out_file = tmp_path / "problems.csv"
    run_validate(client_dir, out_file)
    parts.append(capsys.readouterr().out)
    parts.append(out_file.read_text(encoding="utf-8"))
    try:
        load_client(client_dir)
    except ClientDataError as exc:
        parts.append(str(exc))
    return "\n".join(parts)


# --------------------------------------------------------------------------- outside


def test_table_symlinked_to_a_file_outside_is_refused_and_never_read(tmp_path, capsys):
    client = build_case("04_mixed_date_formats", tmp_path / "client")
    (client / "sales.csv").unlink()
    (client / "sales.csv").symlink_to(_secret_file(tmp_path, "sales.csv"))
    shown = _everything_shown(client, tmp_path, capsys)
    assert SECRET not in shown
    problems = collect(client, lang="en").problems
    err = problems[(problems["file"] == "sales.csv") & (problems["severity"] == "error")]
    assert err["message"].str.contains("outside the client folder").any()
    assert err["hint"].str.contains("Copy the file itself").any()


def test_symlink_inside_the_client_folder_is_read(tmp_path):
    client = build_case("04_mixed_date_formats", tmp_path / "client")
    (client / "exports").mkdir()
    (client / "sales.csv").rename(client / "exports" / "sales_2025.csv")
    (client / "sales.csv").symlink_to(client / "exports" / "sales_2025.csv")
    assert len(load_client(client).sales) == 5


def test_client_yaml_and_account_plan_outside_are_refused(tmp_path, capsys):
    client = build_case("04_mixed_date_formats", tmp_path / "client")
    (client / "account_plans").mkdir()
    plan = _secret_file(tmp_path, "plan.yaml", f"customer_id: '10001'\nname: {SECRET}\n")
    (client / "account_plans" / "10001.yaml").symlink_to(plan)
    assert SECRET not in _everything_shown(client, tmp_path, capsys)
    problems = collect(client, lang="en").problems
    assert (problems["file"] == "account_plans/10001.yaml").any()
    (client / "client.yaml").unlink()
    (client / "client.yaml").symlink_to(
        _secret_file(tmp_path, "client.yaml", f"name: {SECRET}\nlanguage: en\n")
    )
    assert SECRET not in _everything_shown(client, tmp_path, capsys)
    problems = collect(client, lang="en").problems
    assert problems.loc[problems["file"] == "client.yaml", "message"].str.contains("outside").any()


# --------------------------------------------------------------------------- languages


@pytest.mark.parametrize(
    "case",
    [
        "15_duplicate_invoice_line",
        "17_credit_notes_sap_minus",
        "08_wrong_file_as_sales",
        "21_rating_off_scale",
    ],
)
def test_problems_collected_in_german_read_exactly_as_english_ones(tmp_path, case):
    client = build_case(case, tmp_path / "client")
    german = collect(client, lang="de").problems
    english = collect(client, lang="en").problems
    assert not german["message"].equals(english["message"])  # really collected in German
    shown = problems_text(german, "en")
    assert shown["message"].tolist() == english["message"].tolist()
    assert shown["hint"].tolist() == english["hint"].tolist()


def test_amounts_in_problem_texts_follow_the_display_language(tmp_path):
    # 1,000.00 duplicated line: English "€1,000", German "1.000 €"
    client = build_case("15_duplicate_invoice_line", tmp_path / "client")
    english = collect(client, lang="en").problems
    german = problems_text(english, "de")
    assert german["message"].str.contains("1.000\u00a0€", regex=False).any()


def test_load_error_details_in_the_display_language(tmp_path):
    client = build_case("05_bad_date", tmp_path / "client")  # client.yaml says language: en
    with pytest.raises(ClientDataError) as info:
        load_client(client)
    assert "Not a valid value (date)." in str(info.value)
    assert "sales.csv, row 3, column date: Kein gültiger Wert (Datum)." in info.value.details("de")


def test_problem_export_is_written_in_the_language_asked_for(tmp_path):
    client = build_case("05_bad_date", tmp_path / "client")
    problems = collect(client, lang="en").problems
    out = tmp_path / "p.csv"
    write_problems(problems, out, "de")
    table = pd.read_csv(out)
    assert "Kein gültiger Wert (Datum)." in table.iloc[:, 5].tolist()
    assert "message_key" not in table.columns


def _data_import_graph() -> dict[str, set[str]]:
    """kamlib.data module -> kamlib.data modules it imports at module level."""
    root = Path(__file__).parents[2] / "kamlib" / "data"
    graph = {}
    for f in root.glob("*.py"):
        deps = {
            n.module
            for n in ast.parse(f.read_text(encoding="utf-8")).body
            if isinstance(n, ast.ImportFrom) and (n.module or "").startswith("kamlib.data.")
        }
        if f.stem != "__init__":
            graph[f"kamlib.data.{f.stem}"] = deps
    return graph


def test_data_modules_have_no_import_circle():
    graph = _data_import_graph()
    # problems.py is the neutral base: it imports nothing else from kamlib.data
    assert graph["kamlib.data.problems"] == set()

    def reaches(start: str, target: str, seen: set[str]) -> bool:
        for dep in graph.get(start, ()):
            if dep == target or (dep not in seen and reaches(dep, target, seen | {dep})):
                return True
        return False

    circles = [m for m in graph if reaches(m, m, {m})]
    assert circles == []


# --------------------------------------------------------------------------- sizes


def test_a_1_mb_cell_is_cut_in_the_problem_row(tmp_path):
    client = build_case("04_mixed_date_formats", tmp_path / "client")
    big = "X" * 1_000_000
    (client / "sales.csv").write_text(
        f"date,customer_id,net_revenue\n{big},10001,10\n2025-01-15,10002,20\n"
    )
    problems = collect(client, lang="en").problems
    bad = problems[problems["row"] == 2]
    assert bad.iloc[0]["value"] == "X" * MAX_VALUE_CHARS + CUT_MARK
    assert problems.map(lambda v: len(str(v))).to_numpy().max() < 1000


def test_a_1_mb_header_and_id_stay_short_in_every_problem_text(tmp_path):
    client = build_case("04_mixed_date_formats", tmp_path / "client")
    big, header = "Y" * 1_000_000, "H" * 1_000_000
    (client / "sales.csv").write_text(
        f"date,customer_id,net_revenue,{header}\n2025-01-15,{big},10,1\n2025-01-16,10002,20,2\n"
    )
    got = collect(client, lang="en")
    longest = got.problems.map(lambda v: len(str(v))).to_numpy().max()
    assert longest < 1000
    unknown = got.problems[got.problems["message"].str.contains("unknown customer id")]
    assert unknown["row"].tolist() == [2]
    assert (got.problems["severity"] != "error").all(), got.problems.to_string()


def test_numeric_overflow_is_a_bad_value_without_runtime_warning(tmp_path):
    client = build_case("04_mixed_date_formats", tmp_path / "client")
    (client / "sales.csv").write_text(
        "date,customer_id,net_revenue\n2025-01-15,10001,1e400\n2025-01-16,10002," + "9" * 400 + "\n"
        "2025-01-17,10003,-1e308\n"
    )
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        problems = collect(client, lang="en").problems
    errors = problems[problems["severity"] == "error"]
    assert sorted(errors["row"].tolist()) == [2, 3, 4]


# --------------------------------------------------------------------------- files


def test_find_table_file_uses_the_loaders_rule(tmp_path):
    (tmp_path / "Sales.CSV").write_text("x")
    (tmp_path / "~$customers.xlsx").write_text("lock file")
    assert find_table_file(tmp_path, "sales") == tmp_path / "Sales.CSV"
    assert find_table_file(tmp_path, "customers") is None
    (tmp_path / "sales.xlsx").write_text("y")
    with pytest.raises(SeveralTableFiles):
        find_table_file(tmp_path, "sales")
    with pytest.raises(KeyError):
        find_table_file(tmp_path, "salse")


def test_capitalised_table_file_loads(tmp_path):
    client = build_case("04_mixed_date_formats", tmp_path / "client")
    (client / "sales.csv").rename(client / "Sales.csv")
    assert len(load_client(client).sales) == 5


# --------------------------------------------------------------------------- parse


def s(*values):
    return pd.Series(list(values), dtype="str")


@pytest.mark.parametrize(
    ("values", "order", "first"),
    [
        # 13/01/2025: first part 13 > 12 proves day first -> 02/03 is 2 March
        (("13/01/2025", "02/03/2025"), "day_first", "2025-03-02"),
        # 01-13-2025: second part 13 > 12 proves month first -> 02-03 is 3 February
        (("01-13-2025", "02-03-2025"), "month_first", "2025-02-03"),
        # day = month in every value: either order gives the same date
        (("01/01/25", "05/05/25"), "same", "2025-05-05"),
    ],
)
def test_day_month_order_is_decided_from_the_whole_column(values, order, first):
    got = parse.date_column(s(*values))
    assert got.day_month.order == order
    assert got.values.iloc[1] == pd.Timestamp(first)
    assert not got.bad.any() and not got.undecided.any()


def test_dotted_dates_are_day_first_and_serials_and_iso_unambiguous():
    # 01.02.25 = 1 February 2025; 45658 = Excel serial of 2025-01-01
    got = parse.date_column(s("01.02.25", "2025-03-04", "45658", "20250506"))
    assert got.values.tolist() == list(
        pd.to_datetime(["2025-02-01", "2025-03-04", "2025-01-01", "2025-05-06"])
    )


def test_undecided_column_leaves_only_its_slash_values_empty():
    got = parse.date_column(s("01/02/2025", "03/04/2025", "2025-12-31"))
    assert got.day_month.order == "ambiguous"
    assert got.undecided.tolist() == [True, True, False]
    assert got.values.iloc[2] == pd.Timestamp("2025-12-31")
    assert got.day_month.formats() == ("%m/%d/%Y", "%d/%m/%Y")


def test_configured_format_settles_the_order():
    got = parse.date_column(s("01/02/2025", "03/04/2025"), "%d/%m/%Y")
    assert got.values.tolist() == list(pd.to_datetime(["2025-02-01", "2025-04-03"]))


def test_foreign_currency_is_found_and_the_own_one_ignored():
    found = parse.foreign_currency(
        s("$ 12.50", "12,50 GBP", "1.000 €", "EUR 5", "ABC", None), "EUR"
    )
    assert [None if pd.isna(v) else v for v in found] == ["$", "GBP", None, None, None, None]
    assert parse.foreign_currency(s("CHF 12.50", "Fr. 5", "€ 3"), "CHF").iloc[2] == "€"


def test_own_currency_is_stripped_other_signs_make_the_value_bad():
    values, bad, _ = parse.number(s("CHF 1'234.50", "$ 5"), ".", "CHF")
    assert values.iloc[0] == 1234.5 and bad.tolist() == [False, True]


def test_integer_beyond_the_magnitude_limit_is_bad():
    values, bad = parse.integer(s("3", "2000000000000"), ".")
    assert bad.tolist() == [False, True] and pd.isna(values.iloc[1])
    assert parse.MAX_MAGNITUDE == 1e12


# --------------------------------------------------------------------------- config


def test_date_formats_key_is_validated_with_its_path():
    cfg = parse_config({"name": "x", "date_formats": {"sales": "%m/%d/%Y"}})
    assert cfg.date_formats == {"sales": "%m/%d/%Y"}
    with pytest.raises(ConfigError) as info:
        parse_config({"name": "x", "date_formats": {"salse": "%m/%d/%Y", "ratings": "%m/%Y"}})
    keys = [k for k, _ in info.value.problems]
    assert keys == ["date_formats.salse", "date_formats.ratings"]


def test_broken_yaml_names_line_and_column(tmp_path):
    from kamlib.config import load_config

    path = tmp_path / "client.yaml"
    path.write_text("name: X\nportfolio:\n  window_months: 12\n bad: [1,\n")
    with pytest.raises(ConfigError) as info:
        load_config(path)
    assert len(info.value.problems) == 1
    assert "line 4, column 2" in info.value.problems[0][1]


def test_nul_byte_lines_are_counted_by_file_line(tmp_path):
    client = build_case("04_mixed_date_formats", tmp_path / "client")
    (client / "customers.csv").write_bytes(
        b"customer_id,name\n10001,Alpha\x00\n10002,Beta\n10003,Gam\x00ma\x00\n"
    )
    problems = collect(client, lang="en").problems
    nul = problems[problems["message"].str.contains("NUL")]
    assert nul["row"].tolist() == [2, 4]


def test_workbook_without_error_cells_is_read_once(tmp_path, monkeypatch):
    from kamlib.data import readers

    def second_read(*args, **kwargs):
        raise AssertionError("openpyxl used although no cell holds an error value")

    monkeypatch.setattr(readers, "_with_error_values", second_read)
    client = build_case("03_excel_title_rows", tmp_path / "client")
    assert load_client(client).sales["net_revenue"].tolist() == [100.0, 200.0]
