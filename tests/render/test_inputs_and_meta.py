"""Render pre-check by the data layer's file rules; metadata built once per plan."""

from __future__ import annotations

from pathlib import Path

import pytest

from kamlib.data import find_table_file
from kamlib.deliverable import build_meta
from kamlib.render import RenderSpec, render_task
from kamlib.render import task as task_module
from kamlib.render.batch import plan_client
from kamlib.render.errors import DataError
from kamlib.render.task import check_inputs

from .conftest import write_tiny_client


@pytest.fixture(autouse=True)
def english_console(monkeypatch):
    monkeypatch.setenv("KAM_LANG", "en")


def test_file_names_in_any_case_pass_the_pre_check_as_they_load(tmp_path: Path):
    client = write_tiny_client(tmp_path / "c")
    (client / "sales.csv").rename(client / "Sales.csv")
    (client / "customers.csv").rename(client / "CUSTOMERS.CSV")
    assert find_table_file(client, "sales") == client / "Sales.csv"
    assert find_table_file(client, "customers") == client / "CUSTOMERS.CSV"
    check_inputs(client, "overview", "c")  # no DataError: kam validate loads these too


def test_lock_and_hidden_files_do_not_count_as_a_table(tmp_path: Path):
    client = write_tiny_client(tmp_path / "c")
    (client / "sales.csv").rename(client / "~$sales.csv")
    (client / ".sales.csv").write_text("x", encoding="utf-8")
    assert find_table_file(client, "sales") is None
    with pytest.raises(DataError, match="needs sales"):
        check_inputs(client, "overview", "c")


def test_the_plan_reads_client_yaml_once_and_tasks_do_not_read_it_again(
    tmp_path: Path, monkeypatch
):
    client = write_tiny_client(tmp_path / "c")
    plan = plan_client(client, ["overview", "portfolio"], ("html",), tmp_path, None, None, None)
    assert [s.meta["module_title"] for s in plan.specs] == [
        "Kundenstruktur",
        "Strategisches Kundenportfolio",
    ]
    assert plan.specs[0].meta["consultant_logo"] == str(client.resolve() / "firm-logo.png")

    def no_second_read(path):
        raise AssertionError(f"client.yaml read again: {path}")

    monkeypatch.setattr(task_module, "load_config", no_second_read)
    spec = plan.specs[0]
    missing = RenderSpec(**{**spec.__dict__, "notebook_path": str(tmp_path / "none.ipynb")})
    item = render_task(missing)
    # got past the metadata without reading client.yaml, up to the notebook check
    assert item.status == "failed" and "notebook" in item.message.lower(), item.message
    assert item.client_name == "Tüftel & Söhne GmbH"


def test_metadata_builder_is_shared_by_kernel_and_renderer(tiny_client: Path):
    from kamlib import load_client, report

    client = load_client(tiny_client)
    in_kernel = report.deliverable_meta(client, "overview", "en")
    before_run = build_meta(client.config, tiny_client, "overview", "en").to_dict()
    same = ("client", "client_slug", "module_title", "consultant_firm", "consultant_logo")
    assert {k: in_kernel[k] for k in same} == {k: before_run[k] for k in same}
    assert before_run["as_of"] is None and in_kernel["as_of"] == "2025-06-30"
