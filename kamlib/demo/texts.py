"""Demo prose: names, touchpoints, loss notes, account-plan wording and client.yaml (de/en).

The texts are package data, one file per language (``kamlib/demo/prose/<lang>.yaml``),
so they ship in the wheel and can be edited without touching code. Changing a text
changes the generated demo files (``python -m kamlib.demo`` regenerates them).
"""

from __future__ import annotations

from functools import cache
from importlib import resources
from typing import Any

from ruamel.yaml import YAML


@cache
def demo_prose(language: str) -> dict[str, Any]:
    """The demo texts of ``language`` (``de`` or ``en``) as plain dicts and lists.

    Keys: ``names``, ``people``, ``touchpoints``, ``lost_notes``, ``account_plans``,
    ``client_yaml``. The result is cached and shared: treat it as read-only.
    """
    path = resources.files("kamlib.demo").joinpath("prose", f"{language}.yaml")
    return YAML(typ="safe").load(path.read_text(encoding="utf-8"))
