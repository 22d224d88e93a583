"""The overview, portfolio and account-plan trainee tutorials run in English on the English demo client
(their default, German on the German demo, is run by ``test_notebooks_run_as_opened``)."""

from __future__ import annotations

from pathlib import Path

import nbformat
import papermill as pm
import pytest

TUTORIALS = Path(__file__).resolve().parents[1] / "notebooks" / "tutorial"


@pytest.mark.e2e
@pytest.mark.parametrize(
    ("name", "heading"),
    [
        ("overview", "Step 4: concentration – how dependent is the client on a few customers?"),
        ("portfolio", "Step 1: ABC analysis – who carries the revenue?"),
        ("account_plan", "Step 2: SMART, letter by letter"),
    ],
)
def test_tutorial_runs_in_english(tmp_path, monkeypatch, name, heading) -> None:
    monkeypatch.setenv("KAM_CACHE_DIR", str(tmp_path / "cache"))
    path = TUTORIALS / f"{name}_tutorial.ipynb"
    out = tmp_path / path.name
    pm.execute_notebook(
        str(path), str(out), kernel_name="python3", cwd=str(path.parent), progress_bar=False,
        parameters={"lang": "en", "client_dir": "../../client_data/demo-components"},
    )  # fmt: skip
    nb = nbformat.read(out, as_version=4)
    outputs = [o for c in nb.cells if c.cell_type == "code" for o in c.get("outputs", [])]
    assert not [o for o in outputs if o.get("output_type") == "error"]
    shown = "".join(str(o.get("data", {}).get("text/markdown", "")) for o in outputs)
    assert heading in shown
    assert "Schritt" not in shown
