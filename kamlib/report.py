"""Display helpers for deliverable notebooks: summary, KPI tiles, tables, boxes.

Each helper displays HTML with ``kam-*`` CSS classes styled by the report
template (``templates/kam/``), so notebooks stay short and every deliverable
looks the same. All helpers also return the HTML string (for tests).
"""

from __future__ import annotations

import base64
import re
from collections.abc import Callable, Iterable, Sequence
from typing import TYPE_CHECKING, Any

import matplotlib.pyplot as plt
import pandas as pd
from IPython.display import HTML, Markdown, display
from markupsafe import escape

from kamlib.content import TableSpec, esc
from kamlib.deliverable import META_MIMETYPE, DeliverableMeta, build_meta, logo_data_uri
from kamlib.i18n import Formatter, fmt_date, fmt_period, t
from kamlib.labels import shorten
from kamlib.markup import render

if TYPE_CHECKING:  # imported lazily at run time: report.py must stay light in the kernel
    from kamlib.data import ClientData


class Markup(str):
    """HTML a helper has already displayed.

    Helpers return it so tests can inspect the markup; ``_ipython_display_``
    does nothing so that a helper call as the last line of a cell does not
    show the markup a second time as a quoted string.
    """

    def _ipython_display_(self) -> None:
        return None

    # ``markup += report.callout(...)`` must stay Markup, not decay to str
    def __add__(self, other: str) -> Markup:
        return Markup(str.__add__(self, other))

    def __radd__(self, other: str) -> Markup:
        return Markup(other + str(self))


def _show(markup: str) -> Markup:
    display(HTML(markup))
    return Markup(markup)


def deliverable_meta(
    client: ClientData, module_key: str, lang: str, subject: str = "", customer_id: str = ""
) -> dict[str, Any]:
    """The facts every deliverable carries (cover, index page), as JSON-ready values.

    Built by :func:`kamlib.deliverable.build_meta` (the renderer uses the same
    function) with the loaded data's dates. Dates are ISO strings
    (``YYYY-MM-DD``); logo paths are absolute or None.
    """
    start, end = client.data_period
    meta = build_meta(
        client.config,
        client.client_dir,
        module_key,
        lang,
        as_of=client.as_of.date().isoformat(),
        data_period=[start.date().isoformat(), end.date().isoformat()],
        subject=subject,
        customer_id=customer_id,
    )
    return {"version": 1, **meta.to_dict()}


def header(
    client: ClientData, module_key: str, lang: str, subject: str = "", customer_id: str = ""
) -> str:
    """The deliverable's header band: module title, client, as-of date, data period, firm.

    A per-account deliverable passes its key account as ``subject`` (the name) and
    ``customer_id``; the title then reads ``<module title>: <subject>``.

    Also emits the deliverable metadata (:data:`META_MIMETYPE`, see
    :func:`deliverable_meta`) in the same display, hidden behind the HTML, so the
    renderer can build the PDF cover and the client's index page from it.
    """
    meta = deliverable_meta(client, module_key, lang, subject, customer_id)
    facts = [
        (t("common.as_of", lang), fmt_date(meta["as_of"], lang)),
        (t("common.data_period", lang), fmt_period(*meta["data_period"], lang)),
        (t("common.prepared_by", lang), shorten(meta["consultant_firm"])),
    ]
    markup = str(
        render(
            "header.html.j2",
            logo=logo_data_uri(meta["consultant_logo"], meta["client_dir"]),
            client=shorten(meta["client"]),
            title=DeliverableMeta.from_dict(meta).display_title,
            facts=facts,
        )
    )
    display({"text/html": markup, META_MIMETYPE: meta}, raw=True)
    return Markup(markup)


_MD_SPECIAL = frozenset("\\`*_{}[]()<>#+-.!|&~^\"'=:;$%@,?/")


def section(title: str, level: int = 2) -> None:
    """A section heading (Markdown, so the page gets its anchor); ``title`` is plain text.

    Every ASCII punctuation character is backslash-escaped, so nothing in the
    title is read as Markdown or HTML.
    """
    text = "".join(f"\\{c}" if c in _MD_SPECIAL else c for c in str(title).replace("\n", " "))
    display(Markdown(f"{'#' * level} {text}"))


def paragraph(markup: str | None) -> str:
    """A paragraph of running text: markup built by kamlib.narrative (client data escaped).

    Shown as HTML, never as Markdown: a customer called ``[x](javascript:…)``
    stays text. An empty text shows nothing.
    """
    return _show(f"<p>{markup}</p>") if markup else Markup("")


def bullets(items: Iterable[str]) -> str:
    """A bulleted list of narrative markup items (client data already escaped)."""
    return _show("<ul>" + "".join(f"<li>{item}</li>" for item in items) + "</ul>")


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
    per_row = kpi_columns(len(parts))
    return _show(f'<div class="kam-kpis kam-kpis-{per_row}">{"".join(parts)}</div>')


def kpi_columns(n: int) -> int:
    """Tiles per row for ``n`` KPI tiles: one row up to 5, else even rows (6 -> 3 + 3)."""
    if n <= 5:
        return max(n, 1)
    return 3 if n % 3 == 0 else 4


def callout(text: str, kind: str = "info", title: str | None = None) -> str:
    """A highlighted paragraph; ``kind`` is info, warning or success."""
    head = f"<strong>{title}</strong> " if title else ""
    return _show(f'<div class="kam-callout kam-{kind}">{head}{text}</div>')


ColumnFormat = str | Callable[[Any], str]


def table(spec: TableSpec, fmt: Formatter) -> Markup:
    """Display a :class:`~kamlib.content.TableSpec` in the deliverable's language.

    The one table contract: narrative modules return specs, notebooks call
    ``report.table(text.x_table(result, lang), f)``. An empty table shows
    ``caption`` and ``empty_text`` as a callout instead; a ``note`` follows the
    table as a callout.
    """
    if spec.df.empty:
        text = spec.empty_text or fmt.t("portfolio.text.ka_none")
        return Markup(callout(text, "info", title=spec.caption))
    markup = _table(
        spec.df, fmt, spec.columns, caption=spec.caption,
        total_row=spec.total_row, compact=spec.compact,
    )  # fmt: skip
    if spec.note:
        markup += callout(spec.note, "info")
    # Markup: a call as the last line of a cell does not echo the string
    return Markup(markup)


def _table(
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
    Every cell is HTML-escaped (a callable returns plain text) except in
    ``"html"`` columns, which hold markup built by kamlib.narrative.
    Numeric columns are right-aligned. ``total_row`` adds a bold last row.
    """
    if columns is None:
        columns = {c: (str(c), "text") for c in df.columns}
    converters: dict[str, Callable[[Any], str]] = {
        "text": lambda v: "–" if isinstance(v, float) and pd.isna(v) else shorten(v),
        "int": fmt.int,
        "money": fmt.money,
        "money2": lambda v: fmt.money(v, 2),
        "pct": fmt.pct,
        "pct0": lambda v: fmt.pct(v, 0),
        "num1": lambda v: fmt.num(v, 1),
        "num2": lambda v: fmt.num(v, 2),
        "date": fmt.date,
        "bool": lambda v: "✓" if bool(v) else "",
        # trusted markup built by kamlib.narrative (client data already escaped), left-aligned
        "html": lambda v: "" if v is None else str(v),
    }
    head = "".join(
        f'<th class="{"" if f in ("text", "html") else "num"}">{esc(label)}</th>'
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
            if f != "html":  # every cell is text unless the column says it holds markup
                text = escape(text)
            cls = "" if f in ("text", "html") else ' class="num"'
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


def figure_title(fig: plt.Figure) -> str:
    """The title of ``fig``: its suptitle, else the first axes title (any location)."""
    sup = getattr(fig, "_suptitle", None)
    if sup is not None and sup.get_text().strip():
        return sup.get_text().strip()
    for ax in fig.axes:
        for loc in ("left", "center", "right"):
            title = ax.get_title(loc=loc).strip()
            if title:
                return title
    return ""


def figure_svg(fig: plt.Figure) -> str:
    """``fig`` as an SVG document (vector shapes, text as text in the house font).

    No XML declaration, DOCTYPE or metadata block (the document is embedded in
    a page) and stable element ids (``svg.hashsalt``), so the same chart gives
    the same bytes.
    """
    import io

    from kamlib.charts.style import SVG_RC

    buffer = io.StringIO()
    with plt.rc_context(SVG_RC):
        fig.savefig(buffer, format="svg", metadata={"Date": None, "Creator": None})
    svg = buffer.getvalue()
    svg = svg[svg.index("<svg") :]
    return _SVG_METADATA.sub("", svg, count=1)


_SVG_METADATA = re.compile(r"\s*<metadata>.*?</metadata>", re.S)


def figure(fig: plt.Figure, alt: str | None = None) -> str:
    """Show a matplotlib figure as a vector image and close it.

    The chart is embedded as an SVG ``<img>`` (sharp at any zoom and in print;
    its text is real text in the document's font). ``alt`` describes the chart
    for screen readers and when images are off; it defaults to the chart's
    title. Over-long texts are shortened first (:func:`kamlib.charts.style.fit_texts`);
    closing the figure keeps memory flat in long notebooks.
    """
    from kamlib.charts.style import clear_labels, fit_texts

    clear_labels(fit_texts(fig))
    description = alt if alt else figure_title(fig)
    payload = base64.b64encode(figure_svg(fig).encode("utf-8")).decode("ascii")
    plt.close(fig)
    return _show(
        f'<figure class="kam-figure"><img src="data:image/svg+xml;base64,{payload}" '
        f'alt="{esc(description)}"></figure>'
    )
