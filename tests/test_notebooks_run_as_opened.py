"""Every notebook runs as a consultant or trainee opens it: default parameters, own folder.

Module notebooks default to ``workshop = True`` and the demo client, so this also
builds the workshop panel in a real kernel; the tutorial must run for trainees.
"""

from __future__ import annotations

from pathlib import Path

import nbformat
import papermill as pm
import pytest

from kamlib.modules import NOTEBOOK_DIR

NOTEBOOKS = sorted(
    p for p in NOTEBOOK_DIR.glob("**/*.ipynb") if ".ipynb_checkpoints" not in p.parts
)


@pytest.mark.e2e
@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: str(p.relative_to(NOTEBOOK_DIR)))
def test_notebook_runs_with_its_default_parameters(path: Path, tmp_path, monkeypatch):
    monkeypatch.setenv("KAM_CACHE_DIR", str(tmp_path / "cache"))
    out = tmp_path / path.name
    pm.execute_notebook(
        str(path), str(out), kernel_name="python3", cwd=str(path.parent), progress_bar=False
    )
    nb = nbformat.read(out, as_version=4)
    errors = [
        o for c in nb.cells if c.cell_type == "code" for o in c.get("outputs", [])
        if o.get("output_type") == "error"
    ]  # fmt: skip
    assert not errors
    shown = [o for c in nb.cells if c.cell_type == "code" for o in c.get("outputs", [])]
    assert len(shown) > 5, "the notebook should show results"
