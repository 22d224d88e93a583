"""A firm's house wording replaces kit texts from texts.yaml next to client.yaml or from
the firm-wide folder $KAM_TEXTS_DIR; unusable overrides warn and keep the kit text."""

from __future__ import annotations

import dataclasses
import os
from pathlib import Path
from types import SimpleNamespace

import pytest

from kamlib.i18n import Formatter, t
from kamlib.narrative import overview as overview_text
from kamlib.texts import ENV_VAR, TextsWarning, client_texts, parse_overrides
from tests.test_overview_charts import result as overview_result  # noqa: F401

HOUSE_SUMMARY = (
    "de:\n"
    "  overview.sum_revenue_margin: >-\n"
    "    Hausformulierung: {client} erzielte {revenue} Umsatz und {margin} DB ({margin_pct})\n"
    "    mit {customers} Kunden in {months} Monaten ({period}) – {trend}.\n"
)


@pytest.fixture(autouse=True)
def no_firm_texts(monkeypatch):
    monkeypatch.delenv(ENV_VAR, raising=False)


def client_with_texts(tmp_path: Path, text: str) -> SimpleNamespace:
    folder = tmp_path / "client"
    folder.mkdir()
    (folder / "texts.yaml").write_text(text, encoding="utf-8")
    config = SimpleNamespace(currency="EUR")
    return SimpleNamespace(client_dir=folder, config=config)


def test_client_override_appears_in_the_rendered_summary_sentence(tmp_path, overview_result):  # noqa: F811
    client = client_with_texts(tmp_path, HOUSE_SUMMARY)
    f = Formatter.for_client(client, "de")
    result = dataclasses.replace(overview_result, client_name="Test GmbH")
    first = overview_text.executive_summary(result, f)[0]
    assert first.startswith("Hausformulierung: Test GmbH erzielte ")
    # English has no override: the kit sentence stays
    en = overview_text.executive_summary(result, Formatter.for_client(client, "en"))[0]
    assert en.startswith("In the last 12 months")
    # the override belongs to this client's formatter only
    assert not overview_text.executive_summary(result, "de")[0].startswith("Hausformulierung")


def test_plural_override_picks_its_form_by_count(tmp_path):
    client = client_with_texts(
        tmp_path,
        "en:\n  data.q_credit:\n    one: A single credit note ({amount}).\n"
        "    other: '{n} credit notes ({amount}).'\n",
    )
    f = Formatter.for_client(client, "en")
    assert t("data.q_credit", f, n=1, amount="€5") == "A single credit note (€5)."
    assert t("data.q_credit", f, n=3, amount="€5") == "3 credit notes (€5)."


def test_unknown_key_warns_and_is_left_out():
    with pytest.warns(TextsWarning, match="unknown text key 'overview.no_such_key'"):
        got = parse_overrides("de:\n  overview.no_such_key: Text\n", "texts.yaml")
    assert got == {}


def test_placeholder_mismatch_warns_and_keeps_the_kit_text(tmp_path):
    # the kit text of data.q_credit uses {n} and {amount}; {betrag} is not passed by the kit
    client = client_with_texts(tmp_path, "de:\n  data.q_credit: '{n} Gutschriften ({betrag}).'\n")
    with pytest.warns(TextsWarning, match=r"placeholders must be \{amount\}, \{n\}"):
        f = Formatter.for_client(client, "de")
    assert t("data.q_credit", f, n=2, amount="5 €") == "2 Gutschriftzeilen verrechnet (5 €)."


def test_unknown_language_and_broken_yaml_warn():
    with pytest.warns(TextsWarning, match="unknown language 'fr'"):
        assert parse_overrides("fr:\n  common.revenue: Chiffre\n", "texts.yaml") == {}
    with pytest.warns(TextsWarning, match="not valid YAML"):
        assert parse_overrides("de: [unclosed\n", "texts.yaml") == {}


def test_texts_file_linking_outside_the_client_folder_is_refused(tmp_path):
    outside = tmp_path / "elsewhere.yaml"
    outside.write_text("de:\n  common.revenue: Erlös\n", encoding="utf-8")
    folder = tmp_path / "client"
    folder.mkdir()
    (folder / "texts.yaml").symlink_to(outside)
    with pytest.warns(TextsWarning, match="must be a file inside the client folder"):
        assert client_texts(folder) == {}


def test_firm_folder_applies_everywhere_and_the_client_file_wins(tmp_path, monkeypatch):
    firm = tmp_path / "firm"
    firm.mkdir()
    (firm / "house.yaml").write_text(
        "de:\n  common.revenue: Erlös\n  common.customer: Mandant des Kunden\n", encoding="utf-8"
    )
    monkeypatch.setenv(ENV_VAR, os.fspath(firm))
    assert t("common.revenue", "de") == "Erlös"
    client = client_with_texts(tmp_path, "de:\n  common.customer: Auftraggeber\n")
    f = Formatter.for_client(client, "de")
    assert t("common.customer", f) == "Auftraggeber"
    assert t("common.revenue", f) == "Erlös"
    monkeypatch.delenv(ENV_VAR)
    assert t("common.revenue", "de") == "Umsatz"


def test_a_broken_firm_file_warns_once_and_the_kit_text_is_used(tmp_path, monkeypatch):
    firm = tmp_path / "firm"
    firm.mkdir()
    (firm / "house.yaml").write_text("de:\n  common.revnue: Erlös\n", encoding="utf-8")
    monkeypatch.setenv(ENV_VAR, os.fspath(firm))
    with pytest.warns(TextsWarning, match="common.revnue"):
        assert t("common.revenue", "de") == "Umsatz"


def test_warnings_speak_the_console_language(monkeypatch):
    monkeypatch.setenv("KAM_LANG", "de")
    with pytest.warns(TextsWarning, match="unbekannter Textschlüssel 'common.x'"):
        parse_overrides("de:\n  common.x: Text\n", "texts.yaml")


def test_kam_validate_lists_the_override_problems_without_failing(tmp_path, capsys):
    from kamlib.data.report import run_validate
    from tests.data.fixture_cases import build_case

    d = build_case("18_unknown_customer", tmp_path / "c")
    (d / "texts.yaml").write_text(
        "en:\n  common.revenue: Sales\n  common.revnue: Sales\n", encoding="utf-8"
    )
    assert run_validate(d, None) == 0
    out = capsys.readouterr().out
    assert f"Own texts (texts.yaml, {ENV_VAR}):" in out
    assert "unknown text key 'common.revnue'" in out
    assert "common.revenue'" not in out  # the good line is not a problem
