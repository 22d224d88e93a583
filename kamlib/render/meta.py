"""Deliverable metadata: what the cover and the client index show.

``kamlib.report.header`` emits it inside the notebook (mimetype
:data:`kamlib.report.META_MIMETYPE`); the renderer reads it from the executed
notebook and stores it in that notebook's ``metadata.kam`` so the index can be
rebuilt later from the files alone.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

import nbformat

from kamlib.report import META_MIMETYPE


@dataclass
class DeliverableMeta:
    """Facts about one deliverable. Dates are ISO strings ``YYYY-MM-DD`` or None."""

    client: str
    client_slug: str
    module: str
    module_title: str
    lang: str
    consultant_firm: str
    as_of: str | None = None
    data_period: list[str] | None = None
    consultant_logo: str | None = None
    client_logo: str | None = None
    client_dir: str | None = None
    created: str = field(default_factory=lambda: dt.date.today().isoformat())
    #: render outcome, filled by the renderer ("ok" or "failed")
    status: str = "ok"
    message: str = ""

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> DeliverableMeta:
        known = {f for f in cls.__dataclass_fields__}
        return cls(**{k: v for k, v in data.items() if k in known})


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
