"""Issue 9, command-line side: options checked before any work, outputs never inside a
client folder, atomic output files, as_of checked up front, escaped console output."""

from __future__ import annotations

import datetime as dt
import errno
import os
from pathlib import Path

import pandas as pd
import pytest
from typer.testing import CliRunner

from kamlib.as_of import as_of_outside_data, parse_as_of, window_bounds
from kamlib.cli import app
from kamlib.data.report import run_validate
from kamlib.export import run_export
from tests.data.fixture_cases import build_case
from tests.render.conftest import write_tiny_client

runner = CliRunner()


@pytest.fixture(autouse=True)
def english_console(monkeypatch):
    monkeypatch.setenv("KAM_LANG", "en")


def snapshot(folder: Path) -> dict[str, bytes]:
    """Every file below ``folder`` with its bytes (to prove nothing changed)."""
    return {str(p.relative_to(folder)): p.read_bytes() for p in folder.rglob("*") if p.is_file()}


# ------------------------------------------------------------------ 1. usage errors, exit 2


@pytest.fixture
def client(tmp_path: Path) -> Path:
    return write_tiny_client(tmp_path / "acme", lang="en")


def _out_forms(client: Path, tmp_path: Path) -> list[Path]:
    """An --out inside the client folder: plainly, through '..', through a symlink."""
    link = tmp_path / "link-to-acme"
    link.symlink_to(client, target_is_directory=True)
    return [
        client / "problems.xlsx",
        tmp_path / "elsewhere" / ".." / "acme" / "problems.csv",
        link / "problems.csv",
    ]


def test_validate_out_inside_the_client_folder_is_a_usage_error(client, tmp_path):
    before = snapshot(client)
    for out in _out_forms(client, tmp_path):
        result = runner.invoke(app, ["validate", str(client), "--out", str(out)])
        assert result.exit_code == 2, out
        assert "inside the client folder" in result.output
    assert snapshot(client) == before


def test_export_out_inside_the_client_folder_is_a_usage_error(client, tmp_path):
    before = snapshot(client)
    for out in _out_forms(client, tmp_path):
        result = runner.invoke(app, ["export", str(client), "-o", str(out)])
        assert result.exit_code == 2, out
    assert snapshot(client) == before


def test_render_out_overlapping_a_client_folder_is_a_usage_error(client, tmp_path):
    before = snapshot(client)
    # inside the client; and the parent, where reports/<client>/ would be the client itself
    for out in (client / "reports", tmp_path, tmp_path / "x" / ".."):
        result = runner.invoke(app, ["render", str(client), "-o", str(out)])
        assert result.exit_code == 2, out
        assert "inside the client folder" in result.output
    assert snapshot(client) == before


@pytest.mark.parametrize(
    "args",
    [
        ["render", "{c}", "--jobs", "-3", "-o", "{o}"],
        ["render", "{c}", "--as-of", "2025-02-30", "-o", "{o}"],
        ["render", "{c}", "--as-of", "31.12.2025", "-o", "{o}"],
        ["render", "{c}", "--format", "docx", "-o", "{o}"],
        ["render", "{c}", "--lang", "fr", "-o", "{o}"],
        ["render", "{c}", "--module", "nonsense", "-o", "{o}"],
        ["export", "{c}", "--as-of", "2025-6-1", "-o", "{o}/x.xlsx"],
        ["export", "{c}", "--lang", "fr", "-o", "{o}/x.xlsx"],
        ["export", "{c}", "-o", "{o}/x.json"],
        ["validate", "{c}", "--out", "{o}/problems.json"],
        ["demo", "--jobs", "-3", "-o", "{o}", "--data-dir", "{o}/data"],
        ["demo", "--format", "docx", "-o", "{o}", "--data-dir", "{o}/data"],
    ],
)
def test_bad_options_exit_2_and_write_nothing(client, tmp_path, args):
    out = tmp_path / "out"
    before = snapshot(client)
    argv = [a.format(c=client, o=out) for a in args]
    result = runner.invoke(app, argv)
    assert result.exit_code == 2, result.output
    assert not out.exists()
    assert snapshot(client) == before


def test_demo_out_inside_a_demo_client_is_refused_before_writing_the_demo(tmp_path):
    data = tmp_path / "data"
    # -o data: reports/<client>/ would be data/<client>/, the demo client itself
    result = runner.invoke(app, ["demo", "--data-dir", str(data), "-o", str(data)])
    assert result.exit_code == 2
    assert not data.exists()


# ------------------------------------------------------------------ 2. unwritable output, exit 1


def _refuse_replace(monkeypatch, code: int) -> None:
    def replace(src, dst):  # noqa: ANN001
        raise OSError(code, os.strerror(code), str(dst))

    monkeypatch.setattr("kamlib.atomic.os.replace", replace)


@pytest.mark.parametrize("code", [errno.ENOSPC, errno.EACCES])
@pytest.mark.parametrize("name", ["problems.xlsx", "problems.csv"])
def test_validate_full_or_read_only_output_folder(tmp_path, monkeypatch, capsys, code, name):
    d = build_case("18_unknown_customer", tmp_path / "c")
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    _refuse_replace(monkeypatch, code)
    assert run_validate(d, out_dir / name) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and os.strerror(code) in err
    assert list(out_dir.iterdir()) == []  # no temp file, no truncated file


def test_validate_out_below_a_regular_file(tmp_path, capsys):
    d = build_case("18_unknown_customer", tmp_path / "c")
    blocker = tmp_path / "blocker"
    blocker.write_text("a file, not a folder")
    assert run_validate(d, blocker / "problems.csv") == 1
    assert "Could not write" in capsys.readouterr().err


@pytest.mark.parametrize("code", [errno.ENOSPC, errno.EACCES])
def test_export_full_or_read_only_output_folder(client, tmp_path, monkeypatch, capsys, code):
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    (out_dir / "portfolio.xlsx").write_bytes(b"old export")
    _refuse_replace(monkeypatch, code)
    assert run_export(client, "portfolio", out_dir / "portfolio.xlsx") == 1
    assert os.strerror(code) in capsys.readouterr().err
    # the old file is untouched and nothing else appeared
    assert [p.name for p in out_dir.iterdir()] == ["portfolio.xlsx"]
    assert (out_dir / "portfolio.xlsx").read_bytes() == b"old export"


# ------------------------------------------------------------------ 3. as_of


def test_parse_as_of_is_strict():
    assert parse_as_of("2026-06-30") == dt.date(2026, 6, 30)
    for bad in ("2026-02-30", "2026-13-01", "30.06.2026", "2026-6-30", "06/30/2026", "soon"):
        with pytest.raises(ValueError):
            parse_as_of(bad)


def test_window_is_the_calendar_months_ending_with_as_of():
    # 12 months ending with June 2026: July 2025 .. 15 June 2026
    assert window_bounds(dt.date(2026, 6, 15), 12) == (dt.date(2025, 7, 1), dt.date(2026, 6, 15))


def test_as_of_outside_the_data():
    dates = pd.Series(pd.to_datetime(["2025-01-15", "2025-03-02", "2025-06-30"]))
    # window 2025-07-01..2026-06-30 holds 2025-06-30? no: June 2025 is before it -> outside
    out = as_of_outside_data(dates, dt.date(2026, 6, 30), 12)
    assert out is not None
    assert (out.first_sale, out.last_sale) == (dt.date(2025, 1, 15), dt.date(2025, 6, 30))
    # window 2025-06-01..2026-05-31 holds 2025-06-30 -> inside
    assert as_of_outside_data(dates, dt.date(2026, 5, 31), 12) is None
    # before the first sale: window 2024-01-01..2024-12-31 is empty
    assert as_of_outside_data(dates, dt.date(2024, 12, 31), 12) is not None
    # 15 Jan 2025 counts on the day itself, not the day before
    assert as_of_outside_data(dates, dt.date(2025, 1, 15), 12) is None
    assert as_of_outside_data(dates, dt.date(2025, 1, 14), 12) is not None
    # no as_of: the last sale, always inside
    assert as_of_outside_data(dates, None, 12) is None


def test_export_with_as_of_outside_the_data_writes_nothing(client, tmp_path, capsys):
    out = tmp_path / "out" / "p.xlsx"
    assert run_export(client, "portfolio", out, as_of="2030-01-31") == 1
    err = capsys.readouterr().err
    assert "2030-01-31" in err and "2025-01-15" in err and "2025-06-30" in err
    assert not out.exists()


def test_impossible_as_of_in_client_yaml_is_a_config_error_naming_the_key(tmp_path, capsys):
    d = build_case("18_unknown_customer", tmp_path / "c")
    (d / "client.yaml").write_text("name: Fixture Ltd\nlanguage: en\nas_of: 2025-02-30\n")
    assert run_validate(d, None) == 1
    out = capsys.readouterr().out
    assert "as_of" in out and "Traceback" not in out


# ------------------------------------------------------------------ 5. console markup


def test_cell_values_with_console_markup_print_literally(tmp_path, capsys):
    d = build_case("18_unknown_customer", tmp_path / "c")
    (d / "sales.csv").write_text(
        "date,customer_id,net_revenue\n2025-01-15,10001,100\n"
        "2025-01-16,[/red],1\n2025-01-17,[intern],2\n2025-01-18,:x:,3\n",
        encoding="utf-8",
    )
    assert run_validate(d, None) == 0  # unknown customers are warnings
    out = capsys.readouterr().out
    assert "[/red]" in out and "[intern]" in out and ":x:" in out
    assert "\u274c" not in out  # no emoji
