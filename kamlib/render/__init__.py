"""Rendering: client folder + module notebook -> executed .ipynb, HTML, PDF, index.

Public API (one module per job, like papermill's layout):

- :func:`render` (batch.py) — plan, run in parallel (processes or Dask), summarise
- :func:`render_task` (task.py) — one client/module/language, what every worker runs
- execute.py papermill · html.py nbconvert + templates/kam · pdf.py WeasyPrint ·
  cover.py cover page and running header/footer · index.py reports/<client>/index.html ·
  errors.py one-line error messages
"""

from kamlib.render.batch import BatchResult, render
from kamlib.render.task import RenderItem, RenderSpec, render_task

__all__ = ["BatchResult", "RenderItem", "RenderSpec", "render", "render_task"]
