"""Helpers to build a client folder from ``tests/fixtures/bad_inputs/<case>``."""

from __future__ import annotations

import shutil
from pathlib import Path

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "bad_inputs"


def build_case(case: str, target: Path) -> Path:
    """Copy ``_base`` to ``target`` and lay the case files over it.

    A case file replaces every base file of the same table (``customers.xlsx``
    replaces ``customers.csv``); ``<name>.absent`` deletes ``<name>``.
    """
    shutil.copytree(FIXTURES / "_base", target)
    src = FIXTURES / case
    files = [p for p in sorted(src.rglob("*")) if p.is_file()]
    for path in files:
        rel = path.relative_to(src)
        if path.suffix == ".absent":
            (target / rel.with_suffix("")).unlink()
        elif rel.parent == Path("."):
            for old in target.glob(f"{rel.stem}.*"):
                if old.name != "client.yaml" or rel.name == "client.yaml":
                    old.unlink()
    for path in files:
        rel = path.relative_to(src)
        if path.suffix == ".absent":
            continue
        dest = target / rel
        dest.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(path, dest)
    return target
