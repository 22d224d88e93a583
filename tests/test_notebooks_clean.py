"""Notebooks are committed without outputs and follow the parameters contract."""

from __future__ import annotations

import ast
import json
from pathlib import Path

import pytest

from kamlib.modules import MODULES, NOTEBOOK_DIR

FIXTURES = Path(__file__).resolve().parent / "notebooks"
NOTEBOOKS = sorted(NOTEBOOK_DIR.glob("**/*.ipynb")) + sorted(FIXTURES.glob("*.ipynb"))
NOTEBOOKS = [p for p in NOTEBOOKS if ".ipynb_checkpoints" not in p.parts]
#: deliverable notebooks are rendered with all four; tutorials only pick a client and language
PARAMETERS = {"client_dir", "lang", "as_of", "workshop"}
TUTORIAL_PARAMETERS = {"client_dir", "lang"}


def _load(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


def _source(cell: dict) -> str:
    src = cell.get("source", "")
    return "".join(src) if isinstance(src, list) else src


def test_every_registered_module_has_a_notebook():
    missing = [k for k, m in MODULES.items() if not m.notebook.is_file()]
    assert not missing, f"notebooks missing for modules: {missing}"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_notebook_is_stored_without_outputs(path: Path):
    dirty = [
        i + 1
        for i, c in enumerate(_load(path)["cells"])
        if c["cell_type"] == "code" and (c.get("outputs") or c.get("execution_count") is not None)
    ]
    assert not dirty, (
        f"{path.name}: cells {dirty} have outputs or execution counts; clear them "
        "(JupyterLab: Edit > Clear Outputs of All Cells; or "
        "jupyter nbconvert --clear-output --inplace) before committing"
    )


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_notebook_has_parameters_cell_and_python3_kernel(path: Path):
    nb = _load(path)
    assert nb["metadata"].get("kernelspec", {}).get("name") == "python3", path.name
    cells = [c for c in nb["cells"] if "parameters" in c.get("metadata", {}).get("tags", [])]
    assert len(cells) == 1, f"{path.name}: needs exactly one cell tagged 'parameters'"
    assigned = {
        t.id
        for node in ast.parse(_source(cells[0])).body
        if isinstance(node, ast.Assign)
        for t in node.targets
        if isinstance(t, ast.Name)
    }
    required = TUTORIAL_PARAMETERS if "tutorial" in path.parts else PARAMETERS
    assert assigned >= required, f"{path.name}: parameters cell lacks {required - assigned}"
