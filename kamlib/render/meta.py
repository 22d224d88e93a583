"""Reading deliverable metadata back from notebooks (renderer side).

``kamlib.report.header`` emits it inside the notebook (mimetype
:data:`kamlib.deliverable.META_MIMETYPE`); the renderer reads it from the
executed notebook and stores it in that notebook's ``metadata.kam`` so the
index can be rebuilt later from the files alone. The metadata itself
(:class:`~kamlib.deliverable.DeliverableMeta`) lives in the neutral
:mod:`kamlib.deliverable`, shared with the notebook side.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kamlib.deliverable import META_MIMETYPE, DeliverableMeta

if TYPE_CHECKING:
    import nbformat

__all__ = ["DeliverableMeta", "find_header_meta", "read_notebook_meta"]


def find_header_meta(nb: nbformat.NotebookNode) -> dict[str, Any] | None:
    """The metadata dict emitted by ``report.header`` in an executed notebook, if any."""
    for cell in nb.cells:
        for out in cell.get("outputs", []):
            data = out.get("data") or {}
            if META_MIMETYPE in data:
                return dict(data[META_MIMETYPE])
    return None


def read_notebook_meta(path: Path) -> DeliverableMeta | None:
    """``metadata.kam`` of a saved executed notebook, or None if absent/unreadable."""
    # plain json, not nbformat.read: no schema validation of megabytes of outputs
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8")).get("metadata", {}).get("kam")
    except (OSError, ValueError, AttributeError):
        return None
    return DeliverableMeta.from_dict(dict(data)) if data else None
