"""One-line error messages and the batch summary (no kernel needed)."""

from __future__ import annotations

import io

import pytest

from kamlib.render.batch import BatchResult
from kamlib.render.errors import DataError, NotebookFailed, first_line, notebook_error
from kamlib.render.task import RenderItem


@pytest.fixture(autouse=True)
def english_console(monkeypatch):
    monkeypatch.setenv("KAM_LANG", "en")


def test_cell_error_is_one_line_naming_client_module_cell_and_exception():
    err = notebook_error(
        client="acme",
        module="overview",
        cell=4,
        ename="ZeroDivisionError",
        evalue="division by zero",
        executed="reports/acme/de/overview.failed.ipynb",
        client_dir="/data/acme",
    )
    assert isinstance(err, NotebookFailed)
    assert str(err) == "client acme, module overview, cell 4: ZeroDivisionError: division by zero"
    assert err.details == "details: reports/acme/de/overview.failed.ipynb"


def test_german_console_message(monkeypatch):
    monkeypatch.setenv("KAM_LANG", "de")
    err = notebook_error(
        client="acme", module="overview", cell=2, ename="KeyError", evalue="'x'",
        executed=None, client_dir="/d",
    )  # fmt: skip
    assert str(err) == "Kunde acme, Modul overview, Zelle 2: KeyError: 'x'"


def test_client_data_error_in_notebook_becomes_friendly_data_error():
    evalue = (
        "/data/acme: 2 data error(s)\n"
        "  - sales.csv, row 5, column date: not a date (use YYYY-MM-DD)\n"
        "  - sales.csv, row 9, column net_revenue: not a number"
    )
    err = notebook_error(
        client="acme", module="overview", cell=2, ename="ClientDataError", evalue=evalue,
        executed="x.ipynb", client_dir="/data/acme",
    )  # fmt: skip
    assert isinstance(err, DataError) and err.status == "data_error"
    assert str(err) == "client acme, module overview: the client data has errors — 2 data error(s)"
    assert "sales.csv, row 5, column date: not a date" in err.details
    assert "kam validate /data/acme" in err.details


def test_first_line_strips_colour_codes_and_shortens():
    assert first_line("\x1b[31mboom\x1b[0m\nmore") == "boom"
    assert first_line("x" * 300, limit=10) == "x" * 9 + "…"


def items() -> list[RenderItem]:
    return [
        RenderItem("acme", "overview", "de", "ok", {"html": "/r/a.html", "pdf": "/r/a.pdf"}, 3.2,
                   pages=7),
        RenderItem("acme", "portfolio", "de", "skipped", seconds=0.0,
                   message="client acme, module portfolio skipped: needs ratings"),
        RenderItem("beta", "overview", "en", "failed", seconds=2.0,
                   message="client beta, module overview, cell 4: ZeroDivisionError: x",
                   details="details: /r/beta/en/overview.failed.ipynb"),
    ]  # fmt: skip


def test_batch_with_a_failed_item_is_not_ok_but_skipped_is():
    assert not BatchResult(items()).ok
    assert BatchResult(items()[:2]).ok


def test_summary_table_lists_each_item_its_error_and_totals():
    out = io.StringIO()
    BatchResult(items(), seconds=5.25, workers=2).print_summary(file=out)
    text = out.getvalue()
    lines = text.splitlines()
    assert lines[0].split() == ["Client", "Module", "Lang", "Status", "Sec.", "Result"]
    assert "a.html, a.pdf (7 p.)" in lines[2]
    assert "    client beta, module overview, cell 4: ZeroDivisionError: x" in lines
    assert lines[-1] == (
        "3 deliverable(s): 1 ok, 1 skipped, 0 data error, 1 failed — 5.2 s with 2 worker(s)"
    )


def test_summary_of_an_interrupted_batch_ends_with_one_line_saying_so():
    done = RenderItem("acme", "overview", "de", "ok", outputs={"html": "x/overview.html"})
    result = BatchResult(items=[done], interrupted=True, planned=4)
    lines = result.summary_lines("en")
    assert lines[-1] == (
        "Interrupted (Ctrl-C): running kernels stopped, nothing half-written; "
        "1 of 4 deliverable(s) had finished."
    )
    assert sum("Interrupted" in line for line in lines) == 1


def test_an_index_page_that_could_not_be_written_is_a_note_and_not_ok():
    done = RenderItem("acme", "overview", "de", "ok")
    result = BatchResult(items=[done], notes=["Could not write the index page x (disk full)"])
    assert not result.ok
    assert result.summary_lines("en")[-1] == "Could not write the index page x (disk full)"


def test_deliverable_made_without_a_broken_optional_input_is_not_ok():
    item = RenderItem("acme", "overview", "de", "ok", data_errors=2)
    assert not item.ok and not BatchResult(items=[item]).ok
