"""The C-customer trainee tutorial runs in English on the English demo client (its default,
German on the German demo, is run by ``test_notebooks_run_as_opened``); every exercise's
assert cell passes."""

from __future__ import annotations

import nbformat
import papermill as pm
import pytest

from kamlib.modules import get_module


@pytest.mark.e2e
def test_tutorial_runs_in_english(tmp_path, monkeypatch) -> None:
    monkeypatch.setenv("KAM_CACHE_DIR", str(tmp_path / "cache"))
    path = get_module("c_customers").tutorial
    out = tmp_path / path.name
    pm.execute_notebook(
        str(path), str(out), kernel_name="python3", cwd=str(path.parent), progress_bar=False,
        parameters={"lang": "en", "client_dir": "../../client_data/demo-components"},
    )  # fmt: skip
    nb = nbformat.read(out, as_version=4)
    outputs = [o for c in nb.cells if c.cell_type == "code" for o in c.get("outputs", [])]
    assert not [o for o in outputs if o.get("output_type") == "error"]
    shown = "".join(str(o.get("data", {}).get("text/markdown", "")) for o in outputs)
    assert "Step 7: Simulating a minimum order value" in shown
    assert "Show answer" in shown
    assert sum("assert " in "".join(c.source) for c in nb.cells) >= 7  # the exercises
