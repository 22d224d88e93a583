"""One rule decides the console language of every kam command (kamlib.i18n.console_lang)."""

from __future__ import annotations

import pytest

from kamlib.data.report import run_validate
from kamlib.export import run_export
from kamlib.i18n import console_lang
from kamlib.render.errors import ui_lang
from tests.data.fixture_cases import build_case

LOCALE_VARS = ("KAM_LANG", "LC_ALL", "LC_MESSAGES", "LANG")


@pytest.mark.parametrize(
    ("env", "expected"),
    [
        ({"KAM_LANG": "de", "LANG": "en_US.UTF-8"}, "de"),  # KAM_LANG first
        ({"KAM_LANG": "en", "LANG": "de_DE.UTF-8"}, "en"),
        ({"LANG": "de_AT.UTF-8"}, "de"),  # else the locale
        ({"LC_ALL": "en_GB.UTF-8", "LANG": "de_DE.UTF-8"}, "en"),  # LC_ALL before LANG
        ({"LANG": "C.UTF-8"}, "en"),
        ({"KAM_LANG": "fr"}, "en"),  # an unsupported language falls back to English
        ({}, "en"),
    ],
)
def test_console_language_rule(monkeypatch, env, expected):
    for var in LOCALE_VARS:
        monkeypatch.delenv(var, raising=False)
    for var, value in env.items():
        monkeypatch.setenv(var, value)
    assert console_lang() == expected
    assert ui_lang() == expected  # the renderer uses the same rule


def test_validate_speaks_the_console_language_not_the_clients(tmp_path, capsys, monkeypatch):
    d = build_case("18_unknown_customer", tmp_path / "c")
    monkeypatch.setenv("KAM_LANG", "de")
    assert run_validate(d, None) == 0
    assert "0 Fehler, 1 Warnungen" in capsys.readouterr().out
    monkeypatch.setenv("KAM_LANG", "en")
    assert run_validate(d, None) == 0
    assert "0 errors, 1 warnings" in capsys.readouterr().out


def test_export_messages_speak_the_console_language(tmp_path, capsys, monkeypatch):
    # --lang sets the Excel labels only; the message follows the console rule
    monkeypatch.setenv("KAM_LANG", "de")
    assert run_export(tmp_path, "portfolio", tmp_path / "x.txt", lang="en") == 2
    assert "Die Ausgabedatei muss auf .xlsx oder .csv enden" in capsys.readouterr().err
    monkeypatch.setenv("KAM_LANG", "en")
    assert run_export(tmp_path, "portfolio", tmp_path / "x.txt", lang="de") == 2
    assert "The output file must end in .xlsx or .csv" in capsys.readouterr().err
