"""Content that narrative returns and the notebook displays, shared by both sides.

Narrative modules build :class:`TableSpec` objects and HTML-escaped text;
:func:`kamlib.report.table` displays a spec; charts and narrative share the zone
colours. This module imports nothing from ``kamlib.narrative``,
``kamlib.charts`` or ``kamlib.report``.
"""

from __future__ import annotations

import html
from dataclasses import dataclass, field
from typing import Any

import pandas as pd

#: zone colours: protect green, develop blue, maintain sand, withdraw grey-red
ZONE_COLORS = {
    "protect": "#3B8B5A",
    "develop": "#2E86AB",
    "maintain": "#D9A441",
    "withdraw": "#B5B5B5",
}


def esc(text: Any) -> str:
    """HTML-escape client data before it goes into markup."""
    return html.escape("" if text is None else str(text))


@dataclass
class TableSpec:
    """A deliverable table: data, ``{column: (label, format)}``, optional caption and note.

    Displayed with :func:`kamlib.report.table`; an empty ``df`` shows ``caption``
    and ``empty_text`` as a callout instead of a table.
    """

    df: pd.DataFrame
    columns: dict[str, tuple[str, Any]]
    caption: str | None = None
    note: str | None = None
    total_row: dict[str, Any] | None = None
    compact: bool = True
    #: shown instead of an empty table
    empty_text: str | None = None
    extra: dict[str, Any] = field(default_factory=dict)
