"""The module registry: every entry is complete, and no module is named outside its own files."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

from kamlib.config import ClientConfig
from kamlib.data.aliases import TABLES
from kamlib.messages import ALL_MESSAGES
from kamlib.modules import (
    BASE_TABLES,
    MODULES,
    ExportSpec,
    Module,
    exportable,
    resolve,
    weight_paths,
)

KAMLIB = Path(__file__).resolve().parent.parent / "kamlib"
KINDS = {"text", "money", "share", "score", "ratio", "int", "bool"}

# --------------------------------------------------------------------------- entries


@pytest.mark.parametrize("module", MODULES.values(), ids=list(MODULES))
def test_entry_points_resolve_and_files_exist(module: Module):
    assert module.notebook.is_file() and module.tutorial.is_file()
    assert set(module.title) == {"de", "en"} and all(module.title.values())
    assert module.analysis is not None and callable(resolve(module.analysis))
    if module.panel:
        assert callable(resolve(module.panel))
    assert set(BASE_TABLES) <= set(module.requires)
    assert set(module.requires) | set(module.optional) <= set(TABLES)


@pytest.mark.parametrize("module", MODULES.values(), ids=list(MODULES))
def test_settings_section_and_weight_sets_exist_in_the_configuration(module: Module):
    defaults = ClientConfig(name="x").model_dump()
    if module.settings is None:
        assert not module.weights
        return
    assert module.settings in ClientConfig.model_fields
    for path in module.weight_paths:
        value = defaults
        for part in path.split("."):
            value = value[part]
        assert isinstance(value, dict) and value, path


def test_weight_paths_of_the_workshop_save_come_from_the_registry():
    from kamlib.settings_io import WEIGHT_PATHS

    assert WEIGHT_PATHS == weight_paths() == {
        "portfolio.potential", "portfolio.attractiveness", "portfolio.key_account.weights"
    }  # fmt: skip


@pytest.mark.parametrize("key", exportable())
def test_export_spec_kinds_and_texts_are_complete(key: str):
    spec = MODULES[key].export
    assert spec is not None and callable(resolve(spec.table))
    assert set(spec.columns.values()) <= KINDS and spec.extra_kind in KINDS
    assert all(col in spec.columns for col, _ascending in spec.sort)
    assert spec.optional <= set(spec.columns)
    keys = [spec.sheet_key] if spec.sheet_key else []
    keys += [spec.label_key.format(column=c) for c in spec.columns]
    keys += [spec.desc_key.format(column=c) for c in spec.columns]
    if spec.extra_prefix:
        base = spec.extra_prefix.rstrip("_")
        keys += [spec.label_key.format(column=base), spec.desc_key.format(column=base)]
    missing = [k for k in keys if set(ALL_MESSAGES.get(k, {})) != {"de", "en"}]
    assert not missing


def test_exportable_modules_are_the_ones_with_an_export_spec():
    # the overview has no customer-level export
    assert "overview" not in exportable() and {"portfolio", "c_customers"} <= set(exportable())


def test_excel_sheet_is_named_by_its_text_key_or_else_the_module_title():
    spec = MODULES["portfolio"].export
    assert spec.sheet_name(MODULES["portfolio"], "de") == "Portfolio"
    untitled = ExportSpec(table="x:y", columns={"customer_id": "text"})
    long = Module("long", {"de": "Ein sehr langer Modultitel mit vielen Wörtern", "en": "x"})
    assert untitled.sheet_name(long, "de") == "Ein sehr langer Modultitel mit "  # 31 chars


def test_kam_new_names_each_module_section_after_the_module():
    from kamlib.data.templates import client_yaml_text

    text = client_yaml_text("X", "en")
    for m in MODULES.values():
        assert f"{m.settings}:  # module “{m.title['en']}”" in text


def test_docs_list_every_module():
    page = (KAMLIB.parent / "docs" / "modules.md").read_text(encoding="utf-8")
    for key, m in MODULES.items():
        assert f"| `{key}` | {m.title['en']} |" in page


def test_importing_the_registry_and_the_renderer_stays_light():
    """The CLI checks arguments against the registry before anything heavy is loaded,
    and the renderer never imports the in-kernel display module (kamlib.report)."""
    code = (
        "import sys, kamlib.modules, kamlib.cli\n"
        "assert 'pandas' not in sys.modules, 'registry pulls in pandas'\n"
        "import kamlib.render\n"
        "bad = [m for m in ('kamlib.report', 'matplotlib', 'IPython') if m in sys.modules]\n"
        "assert not bad, bad\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr


# ------------------------------------------------------------ no module names elsewhere
#
# Rule: a string literal equal to a module key may appear only in that module's
# own files — kamlib/{analysis,charts,narrative,messages,widgets}/<key>.py — and in
# the registry (kamlib/modules.py). Everything else asks the registry. Exempt,
# because the same word there means something else:
#
# - text keys: keys of the text tables in kamlib/messages/ (e.g. the client.yaml
#   comments keyed by config path, where a section is named like its module);
# - table names: a module named like a table (touchpoints) may appear as that
#   table's name in the data layer and the demo generator (kamlib/data/, kamlib/demo/);
# - config section names: sections are pydantic fields, i.e. identifiers and no
#   literals; kamlib/config.py may still spell one out (validators, messages).
#
# Dotted keys and paths ("portfolio.title", "portfolio.potential") never equal a
# key, so they need no exemption.

OWN_DIRS = ("analysis", "charts", "narrative", "messages", "widgets")


def _own_files(key: str) -> set[str]:
    return {f"{d}/{key}.py" for d in OWN_DIRS} | {"modules.py"}


def module_literals(source: str, rel: str, keys: set[str], tables: set[str]) -> list[str]:
    """``"<file>:<line>: <literal>"`` for every forbidden module-name literal in ``source``.

    ``rel`` is the file's path relative to kamlib/ (``cli.py``, ``render/task.py``).
    """
    tree = ast.parse(source)
    dict_keys = {
        id(k) for node in ast.walk(tree) if isinstance(node, ast.Dict) for k in node.keys if k
    }
    found = []
    for node in ast.walk(tree):
        if not (isinstance(node, ast.Constant) and isinstance(node.value, str)):
            continue
        key = node.value
        if key not in keys or rel in _own_files(key):
            continue
        if rel.startswith("messages/") and id(node) in dict_keys:
            continue  # a text key
        if key in tables and rel.startswith(("data/", "demo/")):
            continue  # a table name
        if rel == "config.py":
            continue  # a config section name
        found.append(f"{rel}:{node.lineno}: {key!r}")
    return found


def test_the_scan_flags_wiring_and_exempts_own_files_text_keys_and_tables():
    keys, tables = {"portfolio", "touchpoints"}, {"touchpoints", "sales"}
    wiring = 'EXPORTS = ("portfolio",)\nx = "portfolio.potential"\n'
    assert module_literals(wiring, "cli.py", keys, tables) == ["cli.py:1: 'portfolio'"]
    assert module_literals(wiring, "analysis/portfolio.py", keys, tables) == []
    texts = 'MESSAGES = {"portfolio": 1}\nlabel = "portfolio"\n'
    assert module_literals(texts, "messages/data.py", keys, tables) == [
        "messages/data.py:2: 'portfolio'"
    ]
    table = 'TABLES = ["touchpoints", "sales"]\n'
    assert module_literals(table, "data/aliases.py", keys, tables) == []
    assert module_literals(table, "render/task.py", keys, tables) == [
        "render/task.py:1: 'touchpoints'"
    ]


def test_no_module_name_literal_outside_the_module_and_the_registry():
    keys, tables = set(MODULES), set(TABLES)
    found = []
    for path in sorted(KAMLIB.rglob("*.py")):
        rel = path.relative_to(KAMLIB).as_posix()
        found += module_literals(path.read_text(encoding="utf-8"), rel, keys, tables)
    assert not found, "ask kamlib.modules instead:\n" + "\n".join(found)
