"""Rendering: client folder + module notebook -> executed .ipynb, HTML, PDF, index.

Public API (one module per job, like papermill's layout):

- :func:`render` (batch.py) — plan, run in parallel (processes or Dask), summarise
- :func:`render_task` (task.py) — one client/module/language, what every worker runs
- execute.py papermill · html.py nbconvert + templates/kam · pdf.py WeasyPrint ·
  cover.py cover page and running header/footer · index.py reports/<client>/index.html ·
  errors.py one-line error messages
"""

from __future__ import annotations

import importlib
from typing import Any

__all__ = ["BatchResult", "RenderItem", "RenderSpec", "render", "render_task"]

#: public names and the submodule holding each; imported on first use, so that
#: ``kamlib.render.errors`` (used by the CLI's option checks) stays cheap to import
_LAZY = {
    "BatchResult": "batch",
    "render": "batch",
    "RenderItem": "task",
    "RenderSpec": "task",
    "render_task": "task",
}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        return getattr(importlib.import_module(f"{__name__}.{_LAZY[name]}"), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
