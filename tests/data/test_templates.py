"""``kam new`` templates: Excel workbooks and client.yaml read back unchanged."""

from __future__ import annotations

import datetime as dt

import openpyxl
import pandas as pd
import pytest
from pydantic import BaseModel

from kamlib.config import ClientConfig, load_config
from kamlib.data import load_client
from kamlib.data.aliases import TABLE_ORDER, TABLES
from kamlib.data.templates import client_yaml_text, header_labels, write_client_skeleton
from kamlib.data.validate import collect


def _append_rows(path, rows):
    wb = openpyxl.load_workbook(path)
    ws = wb.active
    for i, row in enumerate(rows):
        for j, v in enumerate(row):
            ws.cell(row=4 + i, column=1 + j, value=v)
    wb.save(path)


@pytest.mark.parametrize("lang", ["de", "en"])
def test_skeleton_writes_one_workbook_per_input_named_as_the_loader_expects(tmp_path, lang):
    written = write_client_skeleton(tmp_path / "c", name="Neu GmbH", lang=lang)
    names = {p.name for p in written}
    assert {f"{t}.xlsx" for t in TABLE_ORDER} <= names
    assert "client.yaml" in names
    wb = openpyxl.load_workbook(tmp_path / "c" / "ratings.xlsx")
    ws = wb.active
    assert [c.value for c in ws[1]] == header_labels("ratings", lang)
    # the rating column carries a 1-5 whole-number validation
    rules = ws.data_validations.dataValidation
    assert any(r.type == "whole" and r.formula1 == "1" and r.formula2 == "5" for r in rules)


@pytest.mark.parametrize("lang", ["de", "en"])
def test_untouched_template_reports_only_missing_data_and_skipped_template_rows(tmp_path, lang):
    write_client_skeleton(tmp_path / "c", name="Neu GmbH", lang=lang)
    problems = collect(tmp_path / "c", lang="en").problems
    errors = problems[problems["severity"] == "error"]
    assert sorted(errors["file"]) == ["customers.xlsx", "sales.xlsx"]
    assert (errors["message"] == "The table has no data rows.").all()
    # explanation row 2 and example row 3 of each of the 7 workbooks are recognised
    skipped = problems[problems["message"].str.startswith("Template")]
    assert len(skipped) == 2 * len(TABLE_ORDER)
    assert set(skipped["row"]) == {2, 3}
    assert not (problems["severity"] == "warning").any()


@pytest.mark.parametrize("lang", ["de", "en"])
def test_filled_template_loads_back_unchanged(tmp_path, lang):
    client_dir = tmp_path / "c"
    write_client_skeleton(client_dir, name="Neu GmbH", lang=lang)
    yes = "ja" if lang == "de" else "yes"
    _append_rows(
        client_dir / "customers.xlsx",
        [
            [
                "00042",
                "Alpha GmbH",
                "Bau",
                "Nord",
                "DE",
                yes,
                "B. Berater",
                dt.datetime(2019, 5, 1),
                120000.0,
            ],
            ["00043", "Beta AG", None, None, None, None, None, None, None],
        ],
    )
    _append_rows(
        client_dir / "sales.xlsx",
        [
            [dt.datetime(2025, 1, 31), "00042", 1500.25, 300.5, "R-1", 1, "A-1", "Teile", 3],
            [dt.datetime(2025, 2, 28), "00043", -100.0, None, "R-2", 1, None, None, None],
        ],
    )
    _append_rows(
        client_dir / "ratings.xlsx",
        [["00042", "chemistry", 4, dt.datetime(2025, 3, 1), "B. Berater"]],
    )
    client = load_client(client_dir)
    assert client.customers[["customer_id", "name", "is_key_account"]].to_dict("records") == [
        {"customer_id": "00042", "name": "Alpha GmbH", "is_key_account": True},
        {"customer_id": "00043", "name": "Beta AG", "is_key_account": False},
    ]
    assert client.customers["potential"].iloc[0] == 120000.0
    assert pd.isna(client.customers["potential"].iloc[1])
    assert client.customers["customer_since"].iloc[0] == pd.Timestamp("2019-05-01")
    sales = client.sales
    assert sales["date"].tolist() == [pd.Timestamp("2025-01-31"), pd.Timestamp("2025-02-28")]
    assert sales["net_revenue"].tolist() == [1500.25, -100.0]
    assert sales["line_no"].tolist() == [1, 1]
    assert client.ratings[["customer_id", "criterion", "rating"]].to_dict("records") == [
        {"customer_id": "00042", "criterion": "chemistry", "rating": 4}
    ]
    assert not (client.problems["severity"] == "error").any()


def _key_paths(model: BaseModel, prefix: str = "") -> list[str]:
    out = []
    for name in type(model).model_fields:
        value = getattr(model, name)
        out.append(prefix + name)
        if isinstance(value, BaseModel):
            out.extend(_key_paths(value, prefix + name + "."))
    return out


@pytest.mark.parametrize("lang", ["de", "en"])
def test_client_yaml_template_has_every_key_and_parses_to_the_defaults(tmp_path, lang):
    path = tmp_path / "client.yaml"
    path.write_text(client_yaml_text("Neu GmbH", lang), encoding="utf-8")
    config = load_config(path)
    assert config == ClientConfig(name="Neu GmbH", language=lang)
    text = path.read_text(encoding="utf-8")
    indent_keys = [
        line.split(":")[0].strip()
        for line in text.splitlines()
        if not line.lstrip().startswith("#")
    ]
    for key in _key_paths(config):
        assert key.split(".")[-1] in indent_keys, key
    assert "# " in text  # commented


def test_every_template_header_is_an_accepted_alias():
    from kamlib.data.aliases import match_header

    for table in TABLES:
        for lang in ("de", "en"):
            labels = header_labels(table, lang)
            assert [match_header(table, h) for h in labels] == TABLES[table].column_names
