"""tools/messages_to_catalogue.py moves old-style MESSAGES dicts into YAML catalogues."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

from kamlib.messages import parse_catalogue
from kamlib.modules import ROOT

_spec = importlib.util.spec_from_file_location("m2c", ROOT / "tools" / "messages_to_catalogue.py")
m2c = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(m2c)

SOURCE = '''"""Texts of a new module."""


def _m(de, en):
    return {"de": de, "en": en}


MESSAGES = {
    # ---- headings
    "winback.title": _m("Rückgewinnung", "Win-back"),
    "winback.lost": {"de": "{n} verlorene Kunden", "en": "{n} lost customers"},
    "winback.lost.one": {"de": "1 verlorener Kunde", "en": "1 lost customer"},
}
MESSAGES["winback.note"] = _m("Ab {date}: Gründe erfassen", "From {date}: record reasons")
'''


def read(path: Path) -> dict:
    return parse_catalogue(path.read_text(encoding="utf-8"), str(path))


def write_source(tmp_path: Path, text: str = SOURCE, name: str = "winback.py") -> Path:
    src = tmp_path / "src" / name
    src.parent.mkdir(exist_ok=True)
    src.write_text(text, encoding="utf-8")
    return src


def test_converts_texts_plurals_and_computed_entries_per_language(tmp_path):
    root = tmp_path / "messages"
    written = m2c.convert([write_source(tmp_path)], root=root)
    assert written == [root / "de" / "winback.yaml", root / "en" / "winback.yaml"]
    de = read(root / "de" / "winback.yaml")
    assert de == {
        "winback.title": "Rückgewinnung",
        "winback.lost": {"one": "1 verlorener Kunde", "other": "{n} verlorene Kunden"},
        "winback.note": "Ab {date}: Gründe erfassen",
    }
    assert read(root / "en" / "winback.yaml")["winback.lost"]["one"] == "1 lost customer"
    text = (root / "de" / "winback.yaml").read_text(encoding="utf-8")
    assert text.startswith("# Texts of a new module.")
    assert "# headings\nwinback.title:" in text  # the comment above the key travels along


def test_merges_into_an_existing_catalogue_and_keeps_its_lines(tmp_path):
    root = tmp_path / "messages"
    (root / "de").mkdir(parents=True)
    (root / "de" / "data.yaml").write_text("# mine\ndata.old: Alt\n", encoding="utf-8")
    src = write_source(tmp_path, 'MESSAGES = {"data.new": {"de": "Neu", "en": "New"}}\n', "h9.py")
    m2c.convert([src], into="data", root=root)
    text = (root / "de" / "data.yaml").read_text(encoding="utf-8")
    assert text.startswith("# mine\ndata.old: Alt\n")
    assert read(root / "de" / "data.yaml") == {"data.old": "Alt", "data.new": "Neu"}
    assert read(root / "en" / "data.yaml") == {"data.new": "New"}


def test_refuses_a_key_that_exists_already_and_writes_nothing(tmp_path, capsys):
    root = tmp_path / "messages"
    (root / "de").mkdir(parents=True)
    (root / "de" / "common.yaml").write_text("winback.title: Schon da\n", encoding="utf-8")
    src = write_source(tmp_path)
    with pytest.raises(SystemExit, match="winback.title.*already in"):
        m2c.convert([src], root=root)
    assert not (root / "de" / "winback.yaml").exists()
    assert not (root / "en").exists()


def test_refuses_the_same_key_in_two_sources(tmp_path):
    one = write_source(tmp_path, 'MESSAGES = {"x.a": {"de": "A", "en": "A"}}\n', "one.py")
    two = write_source(tmp_path, 'MESSAGES = {"x.a": {"de": "B", "en": "B"}}\n', "two.py")
    with pytest.raises(SystemExit, match="'x.a' also in"):
        m2c.convert([one, two], root=tmp_path / "messages")


def test_refuses_a_singular_form_without_its_plural(tmp_path):
    src = write_source(tmp_path, 'MESSAGES = {"x.a.one": {"de": "1 A", "en": "1 A"}}\n')
    with pytest.raises(SystemExit, match="without its plural key"):
        m2c.convert([src], root=tmp_path / "messages")


def test_the_kit_holds_no_python_message_dicts_any_more():
    assert sorted(p.name for p in (ROOT / "kamlib" / "messages").glob("*.py")) == ["__init__.py"]
