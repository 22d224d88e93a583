"""Display helpers for deliverable notebooks: summary, KPI tiles, tables, boxes.

Each helper displays HTML with ``kam-*`` CSS classes styled by the report
template (``templates/kam/``), so notebooks stay short and every deliverable
looks the same. All helpers also return the HTML string (for tests).
"""

from __future__ import annotations

import html
from collections.abc import Callable, Iterable, Sequence
from typing import Any

import matplotlib.pyplot as plt
import pandas as pd
from IPython.display import HTML, display

from kamlib.i18n import Formatter, t


def _show(markup: str) -> str:
    display(HTML(markup))
    return markup


def esc(text: Any) -> str:
    """HTML-escape client data before it goes into markup."""
    return html.escape("" if text is None else str(text))


def summary(sentences: Iterable[str], lang: str) -> str:
    """The executive summary box at the top of a deliverable (3-5 sentences)."""
    items = "".join(f"<li>{s}</li>" for s in sentences)
    return _show(
        f'<div class="kam-summary"><h2>{t("common.executive_summary", lang)}</h2>'
        f"<ul>{items}</ul></div>"
    )


def kpis(tiles: Sequence[tuple[str, str]] | Sequence[tuple[str, str, str]]) -> str:
    """A row of KPI tiles: ``(label, value)`` or ``(label, value, note)``."""
    parts = []
    for tile in tiles:
        label, value, *rest = tile
        note = f'<div class="kam-kpi-note">{rest[0]}</div>' if rest and rest[0] else ""
        parts.append(
            f'<div class="kam-kpi"><div class="kam-kpi-value">{value}</div>'
            f'<div class="kam-kpi-label">{label}</div>{note}</div>'
        )
    return _show(f'<div class="kam-kpis">{"".join(parts)}</div>')


def callout(text: str, kind: str = "info", title: str | None = None) -> str:
    """A highlighted paragraph; ``kind`` is info, warning or success."""
    head = f"<strong>{title}</strong> " if title else ""
    return _show(f'<div class="kam-callout kam-{kind}">{head}{text}</div>')


ColumnFormat = str | Callable[[Any], str]


def table(
    df: pd.DataFrame,
    fmt: Formatter,
    columns: dict[str, tuple[str, ColumnFormat]] | None = None,
    caption: str | None = None,
    total_row: dict[str, Any] | None = None,
    compact: bool = False,
) -> str:
    """Render ``df`` as a styled HTML table in the deliverable's language.

    ``columns`` maps a column to ``(header label, format)`` where format is one
    of ``"text" "int" "money" "money2" "pct" "num1" "date"`` or a callable.
    Numeric columns are right-aligned. ``total_row`` adds a bold last row.
    """
    if columns is None:
        columns = {c: (str(c), "text") for c in df.columns}
    converters: dict[str, Callable[[Any], str]] = {
        "text": lambda v: esc(v) if not (isinstance(v, float) and pd.isna(v)) else "–",
        "int": fmt.int,
        "money": fmt.money,
        "money2": lambda v: fmt.money(v, 2),
        "pct": fmt.pct,
        "pct0": lambda v: fmt.pct(v, 0),
        "num1": lambda v: fmt.num(v, 1),
        "num2": lambda v: fmt.num(v, 2),
        "date": fmt.date,
        "bool": lambda v: "✓" if bool(v) else "",
    }
    head = "".join(
        f'<th class="{"" if f == "text" else "num"}">{esc(label)}</th>'
        for label, f in columns.values()
    )
    rows = []
    records = df.to_dict("records")
    if total_row:
        records.append({**{c: "" for c in columns}, **total_row, "__total__": True})
    for rec in records:
        cells = []
        for col, (_label, f) in columns.items():
            conv = f if callable(f) else converters[f]
            value = rec.get(col, "")
            text = "" if value == "" and rec.get("__total__") else conv(value)
            cls = "" if f == "text" else ' class="num"'
            cells.append(f"<td{cls}>{text}</td>")
        cls = ' class="kam-total"' if rec.get("__total__") else ""
        rows.append(f"<tr{cls}>{''.join(cells)}</tr>")
    cap = f"<caption>{esc(caption)}</caption>" if caption else ""
    klass = "kam-table kam-compact" if compact else "kam-table"
    return _show(
        f'<table class="{klass}">{cap}<thead><tr>{head}</tr></thead>'
        f"<tbody>{''.join(rows)}</tbody></table>"
    )


def quality_box(lines: Iterable[str], lang: str) -> str:
    """The data-quality box shown in every deliverable."""
    items = "".join(f"<li>{line}</li>" for line in lines)
    return _show(
        f'<div class="kam-quality"><h3>{t("common.data_quality", lang)}</h3><ul>{items}</ul></div>'
    )


def cards(items: Sequence[tuple[str, str]], color: Sequence[str] | None = None) -> str:
    """A grid of cards ``(title, body_html)``, e.g. strategy cards per zone."""
    parts = []
    for i, (title, body) in enumerate(items):
        style = f' style="border-top-color:{color[i]}"' if color else ""
        parts.append(f'<div class="kam-card"{style}><h4>{title}</h4>{body}</div>')
    return _show(f'<div class="kam-cards">{"".join(parts)}</div>')


def figure(fig: plt.Figure) -> None:
    """Show a matplotlib figure and close it (keeps memory flat in long notebooks)."""
    display(fig)
    plt.close(fig)
