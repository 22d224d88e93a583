"""``kam validate`` and ``kam new`` as a user runs them."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

from kamlib.data.report import run_validate
from tests.data.fixture_cases import build_case


def test_validate_exits_0_with_warnings_only(tmp_path, capsys):
    d = build_case("18_unknown_customer", tmp_path / "c")
    assert run_validate(d, None) == 0
    out = capsys.readouterr().out
    assert "10077" in out and "0 errors, 1 warnings" in out


def test_validate_exits_1_on_errors_and_writes_the_problem_workbook(tmp_path, capsys):
    d = build_case("05_bad_date", tmp_path / "c")
    out_file = tmp_path / "problems.xlsx"
    assert run_validate(d, out_file) == 1
    table = pd.read_excel(out_file, engine="calamine")
    assert list(table.columns) == [
        "Severity",
        "File",
        "Row",
        "Column",
        "Value",
        "Problem",
        "What to do",
    ]
    first = table.iloc[0]
    assert (first["Severity"], first["File"], first["Row"], first["Value"]) == (
        "error",
        "sales.csv",
        3,
        "31.13.2025",
    )


@pytest.mark.parametrize(
    "case",
    [
        "09_empty_sales_csv",
        "10_binary_junk",
        "11_zero_byte_xlsx",
        "08_wrong_file_as_sales",
        "12_damaged_xlsx",
    ],
)
def test_broken_client_folder_gives_a_message_not_a_traceback(tmp_path, case):
    d = build_case(case, tmp_path / "c")
    proc = subprocess.run(
        [sys.executable, "-m", "kamlib.cli", "validate", str(d)],
        capture_output=True,
        text=True,
        cwd=Path(__file__).resolve().parents[2],
    )
    assert proc.returncode == 1
    assert "Traceback" not in proc.stdout + proc.stderr
    assert "error" in proc.stdout


def test_kam_new_then_validate_reports_the_missing_data(tmp_path):
    root = Path(__file__).resolve().parents[2]
    target = tmp_path / "neu"
    new = subprocess.run(
        [sys.executable, "-m", "kamlib.cli", "new", str(target), "--lang", "en"],
        capture_output=True,
        text=True,
        cwd=root,
    )
    assert new.returncode == 0, new.stderr
    assert (target / "sales.xlsx").is_file()
    val = subprocess.run(
        [sys.executable, "-m", "kamlib.cli", "validate", str(target)],
        capture_output=True,
        text=True,
        cwd=root,
    )
    assert val.returncode == 1
    assert "The table has no data rows." in val.stdout
