"""The `kam` command line: help text and usage errors (exit code 2)."""

from typer.testing import CliRunner

from kamlib.cli import app

runner = CliRunner()


def test_help_lists_every_command():
    result = runner.invoke(app, ["--help"])
    assert result.exit_code == 0
    for command in ("render", "demo", "new", "plan", "validate", "export"):
        assert command in result.output


def test_unknown_module_is_a_usage_error(tmp_path):
    result = runner.invoke(app, ["render", str(tmp_path), "--module", "nonsense"])
    assert result.exit_code == 2
    assert "unknown module nonsense" in result.output


def test_bad_format_and_language_are_usage_errors(tmp_path):
    assert runner.invoke(app, ["render", str(tmp_path), "--format", "docx"]).exit_code == 2
    assert runner.invoke(app, ["render", str(tmp_path), "--lang", "fr"]).exit_code == 2


def test_missing_client_folder_is_a_usage_error(tmp_path):
    result = runner.invoke(app, ["render", str(tmp_path / "nope")])
    assert result.exit_code == 2
    assert "not a folder" in result.output


def test_export_needs_xlsx_or_csv(tmp_path):
    result = runner.invoke(app, ["export", str(tmp_path), "-m", "portfolio", "--out", "x.json"])
    assert result.exit_code == 2
    assert ".xlsx or .csv" in result.output


def test_export_requires_a_module(tmp_path):
    result = runner.invoke(app, ["export", str(tmp_path)])
    assert result.exit_code == 2
    assert "--module" in result.output


def test_new_refuses_a_non_empty_folder(tmp_path):
    (tmp_path / "something.txt").write_text("x")
    result = runner.invoke(app, ["new", str(tmp_path)])
    assert result.exit_code == 2
    assert "not empty" in result.output


def test_export_of_a_module_without_export_is_a_usage_error(tmp_path):
    result = runner.invoke(app, ["export", str(tmp_path), "--module", "overview"])
    assert result.exit_code == 2
    assert "portfolio" in result.output
