"""The workshop panel of the strategic portfolio."""

from __future__ import annotations

import html
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

import pandas as pd

from kamlib.i18n import Formatter, fmt_int, fmt_pct, t

if TYPE_CHECKING:  # ipywidgets is imported lazily: the render path never loads it
    pass

from kamlib.widgets.controls import Control, Heading, RangePair, Slider, WeightGroup, label
from kamlib.widgets.panel import ChartCache, Rendered, SettingsPanel

#: at most this many zone changes are listed (the rest are counted)
MAX_CHANGED_ROWS = 25

# --- the portfolio panel ---------------------------------------------------------


def portfolio_controls(settings: Any) -> list[Control]:
    """Controls of the portfolio workshop for ``settings`` (PortfolioSettings)."""
    xyz = (
        RangePair(
            "portfolio.xyz.frequency_cutoffs",
            "widgets.pf_xyz_freq_cutoffs",
            0.05,
            1.0,
            0.05,
            readout_format=".0%",
            descending=True,
        )
        if settings.xyz.method == "frequency"
        else RangePair("portfolio.xyz.cutoffs", "widgets.pf_xyz_cutoffs", 0.0, 3.0, 0.05)
    )
    return [
        WeightGroup("portfolio.potential", "widgets.pf_potential"),
        WeightGroup("portfolio.attractiveness", "widgets.pf_attractiveness"),
        Heading("widgets.pf_splits"),
        Slider("portfolio.zone_split.potential", "widgets.pf_split_potential", 0, 100, 1),
        Slider("portfolio.zone_split.attractiveness", "widgets.pf_split_attractiveness", 0, 100, 1),
        Heading("widgets.pf_classes"),
        RangePair("portfolio.abc.cutoffs", "widgets.pf_abc_cutoffs", 0.5, 1.0, 0.01, ".0%"),
        xyz,
    ]


def _zone_name(settings: Any, zone: Any, lang: str) -> str:
    if not isinstance(zone, str) or not zone:
        return t("widgets.pf_unplaced", lang)
    return getattr(settings.zone_labels, lang).get(zone, zone)


_TABLE_CSS = (
    "border-collapse:collapse;font-size:13px;margin:4px 0 10px 0;"
    "font-family:'DejaVu Sans',sans-serif"
)
_TH = "style='text-align:left;padding:3px 8px;border-bottom:2px solid #1F4E79'"
_TD = "style='padding:3px 8px;border-bottom:1px solid #E6E6E6'"
_TDR = "style='padding:3px 8px;border-bottom:1px solid #E6E6E6;text-align:right'"


def _html_table(
    title: str, header: Sequence[str], rows: Sequence[Sequence[tuple[str, bool]]]
) -> str:
    """A small inline-styled table (JupyterLab has no kam-* CSS); cells are (text, right)."""
    head = "".join(f"<th {_TH}>{html.escape(h)}</th>" for h in header)
    body = "".join(
        "<tr>"
        + "".join(f"<td {_TDR if right else _TD}>{text}</td>" for text, right in row)
        + "</tr>"
        for row in rows
    )
    return (
        f'<div><b>{html.escape(title)}</b><table style="{_TABLE_CSS}">'
        f"<thead><tr>{head}</tr></thead><tbody>{body}</tbody></table></div>"
    )


def zone_counts_html(result: Any, saved: Any, lang: str) -> str:
    """Customers per zone, saved settings vs. now, and the revenue share now."""
    from kamlib.analysis.portfolio import ZONES

    now = result.customers["zone"].value_counts()
    before = saved.customers["zone"].value_counts()
    revenue = result.customers["revenue"].clip(lower=0)
    total = revenue.sum()
    share = revenue.groupby(result.customers["zone"]).sum() / total if total > 0 else None
    rows = []
    # customers without any criterion value have zone "" (not placed)
    shown = [*ZONES, ""] if before.get("", 0) or now.get("", 0) else list(ZONES)
    for z in shown:
        a, b = int(before.get(z, 0)), int(now.get(z, 0))
        delta = f"{b - a:+d}" if b != a else ""
        rows.append(
            [
                (html.escape(_zone_name(result.settings, z, lang)), False),
                (fmt_int(a, lang), True),
                (f"<b>{fmt_int(b, lang)}</b> {delta}", True),
                (fmt_pct(share.get(z, 0.0), lang, 0) if share is not None else "–", True),
            ]
        )
    header = [
        t("widgets.pf_zone", lang),
        t("widgets.pf_saved_col", lang),
        t("widgets.pf_now_col", lang),
        t("common.revenue", lang),
    ]
    return _html_table(t("widgets.pf_zone_counts", lang), header, rows)


def abc_xyz_html(result: Any, lang: str) -> str:
    """The 3×3 ABC-XYZ matrix: customers and revenue share per field, shaded by share."""
    from kamlib.analysis.portfolio import ABC, XYZ

    m = result.matrix.set_index(["abc", "xyz"])
    vmax = max(float(m["revenue_share"].max()), 1e-9)
    rows = []
    for a in ABC:
        cells = [(f"<b>{a}</b>", False)]
        for x in XYZ:
            n = int(m.at[(a, x), "customers"]) if (a, x) in m.index else 0
            s = float(m.at[(a, x), "revenue_share"]) if (a, x) in m.index else 0.0
            alpha = 0.08 + 0.6 * max(s, 0.0) / vmax
            cells.append(
                (
                    f"<div style='background:rgba(31,78,121,{alpha:.2f});padding:2px 6px'>"
                    f"<b>{fmt_int(n, lang)}</b><br><small>{fmt_pct(s, lang, 0)}</small></div>",
                    True,
                )
            )
        rows.append(cells)
    extra = getattr(result, "matrix_extra", None)
    note = ""
    if extra is not None and len(extra):
        keys = extra["field"] if "field" in extra.columns else extra.index.to_series()
        parts = [
            f"{html.escape(label(f'widgets.pf_extra_{k}', lang, str(k)))}: {fmt_int(n, lang)}"
            for k, n in zip(keys, extra["customers"], strict=True)
        ]
        note = "<small>" + " · ".join(parts) + "</small>"
    return _html_table(t("widgets.pf_matrix", lang), ["", *XYZ], rows) + note


def changed_zones(result: Any, saved: Any) -> pd.DataFrame:
    """Customers whose zone differs from the saved settings, largest revenue first.

    Columns: customer_id, customer_name, zone_before, zone_now, revenue (money).
    """
    now = result.customers.set_index("customer_id")
    before = saved.customers.set_index("customer_id")["zone"].reindex(now.index)
    mask = before.fillna("").astype(str) != now["zone"].fillna("").astype(str)
    out = pd.DataFrame(
        {
            "customer_name": now.get("customer_name", pd.Series(now.index, index=now.index))[mask],
            "zone_before": before[mask],
            "zone_now": now["zone"][mask],
            "revenue": now["revenue"][mask],
        }
    ).reset_index()
    return out.sort_values(["revenue", "customer_id"], ascending=[False, True], ignore_index=True)


def changed_zones_html(result: Any, saved: Any, lang: str, limit: int = MAX_CHANGED_ROWS) -> str:
    """The zone changes as a table: customer, from → to, revenue."""
    changed = changed_zones(result, saved)
    if changed.empty:
        return f"<p><i>{html.escape(t('widgets.pf_changed_none', lang))}</i></p>"
    s = result.settings
    rows = [
        [
            (html.escape(str(r.customer_name)), False),
            (
                html.escape(
                    f"{_zone_name(s, r.zone_before, lang)} → {_zone_name(s, r.zone_now, lang)}"
                ),
                False,
            ),
            (Formatter(lang).money(r.revenue), True),
        ]
        for r in changed.head(limit).itertuples()  # at most `limit` display rows
    ]
    more = (
        f"<small>{html.escape(t('widgets.pf_changed_more', lang, n=len(changed) - limit))}</small>"
        if len(changed) > limit
        else ""
    )
    header = [t("common.customer", lang), t("widgets.pf_from_to", lang), t("common.revenue", lang)]
    return (
        _html_table(t("widgets.pf_changed", lang, n=fmt_int(len(changed), lang)), header, rows)
        + more
    )


#: columns the bubble chart draws; it is redrawn only when one of them changes
BUBBLE_COLUMNS = [
    "customer_id",
    "customer_name",
    "potential_score",
    "attractiveness_score",
    "zone",
    "revenue",
    "is_key_account",
]


def bubble_key(result: Any, lang: str) -> tuple:
    """Everything the bubble chart depends on, as a cheap hashable key.

    ABC/XYZ cut-offs do not move a bubble, so changing them skips the chart
    (the slowest part of a redraw) and only the tables are rebuilt.
    """
    cols = [c for c in BUBBLE_COLUMNS if c in result.customers.columns]
    digest = pd.util.hash_pandas_object(result.customers[cols], index=False)
    split = result.settings.zone_split
    return (
        lang,
        float(split.potential),
        float(split.attractiveness),
        result.settings.zone_labels.model_dump_json(),
        len(digest),
        int(digest.sum()),
    )


def portfolio_sections(
    result: Any, saved: Any, lang: str, charts: ChartCache | None = None
) -> dict[str, Rendered]:
    """What the portfolio panel shows after each change (see :func:`portfolio_panel`).

    With a :class:`ChartCache` the bubble chart is only redrawn when the
    scores, zones, revenues, split or language changed.
    """

    def bubble() -> Any:
        from kamlib.charts.portfolio import bubble_chart

        return bubble_chart(result, lang)

    try:
        chart: Rendered = charts.png(bubble_key(result, lang), bubble) if charts else bubble()
    except Exception as exc:  # the tables stay useful while a chart cannot be drawn
        chart = f"<p>{html.escape(t('widgets.pf_no_chart', lang, error=exc))}</p>"
    return {
        "zones": zone_counts_html(result, saved, lang),
        "matrix": abc_xyz_html(result, lang),
        "bubble": chart,
        "changed": changed_zones_html(result, saved, lang),
    }


def portfolio_panel(
    client: Any, lang: str = "de", workshop: bool = True, show: bool = True
) -> SettingsPanel | None:
    """The portfolio workshop panel for a loaded client; ``None`` when not in a workshop.

    With ``workshop=False`` (papermill renders) nothing is imported, created
    or displayed, so a deliverable carries no widget output or widget state.
    Otherwise the heavy aggregation (:func:`kamlib.analysis.portfolio.prepare`)
    runs once; every control change runs only ``compute`` and redraws zone
    counts, the ABC-XYZ matrix, the bubble chart and the zone changes against
    the saved settings. "Save settings" writes into ``client.yaml``.
    """
    if not workshop:
        return None
    from kamlib.analysis import portfolio as pf

    inputs = pf.prepare(client)
    charts = ChartCache()
    panel = SettingsPanel(
        client.config,
        portfolio_controls(client.config.portfolio),
        compute=lambda cfg: pf.compute(inputs, cfg.portfolio),
        render=lambda res, saved, lng: portfolio_sections(res, saved, lng, charts),
        client_dir=client.client_dir,
        lang=lang,
        title="widgets.pf_title",
        rows=[["zones", "matrix"], ["bubble"], ["changed"]],
    )
    panel.charts = charts  # type: ignore[attr-defined]  # for tests and benchmarks
    if show:
        panel.show()
    return panel
