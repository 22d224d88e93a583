"""docs/data.md lists every header spelling the reader accepts (docs stay in step with code)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from kamlib.data.aliases import TABLES, all_aliases

DOC = (Path(__file__).resolve().parents[2] / "docs" / "data.md").read_text(encoding="utf-8")


def _section(table: str) -> str:
    match = re.search(rf"^#### {table}\b.*?(?=^#### |^### |\Z)", DOC, re.M | re.S)
    assert match, f"docs/data.md has no section '#### {table}'"
    return match.group(0)


@pytest.mark.parametrize("table", list(TABLES))
def test_every_alias_of_a_table_is_documented(table):
    section = _section(table)
    missing = {}
    for column, names in all_aliases(table).items():
        row = next((ln for ln in section.splitlines() if ln.startswith(f"| `{column}` |")), "")
        absent = [n for n in names[1:] if n not in row]
        if not row or absent:
            missing[column] = absent or "row missing"
    assert not missing, f"update docs/data.md, section {table}: {missing}"
