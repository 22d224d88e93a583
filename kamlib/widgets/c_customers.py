"""The workshop panel of the C-customer module: unit costs, channel thresholds,
minimum order value grid and loss assumption, with a live whale curve and
pricing simulation (see :func:`c_customers_panel`)."""

from __future__ import annotations

import html
from typing import Any

from kamlib.analysis.c_customer_rules import DRIVERS
from kamlib.i18n import fmt_int, fmt_money, fmt_pct, t
from kamlib.widgets.controls import Control, Heading, Slider, ValueGroup
from kamlib.widgets.panel import ChartCache, Rendered, SettingsPanel
from kamlib.widgets.portfolio import _html_table


def c_customers_controls() -> list[Control]:
    """Controls of the C-customer workshop (paths in ``client.yaml``)."""
    return [
        ValueGroup("c_customers.unit_costs", "c_customers.panel.unit_costs", keys=list(DRIVERS),
                   label_key="c_customers.driver.{key}", min=0, max=1000, step=5),
        Heading("c_customers.panel.channel_rules"),
        Slider("c_customers.channel_rules.distributor_max_revenue",
               "c_customers.panel.distributor_max_revenue", 0, 50000, 500),
        Slider("c_customers.channel_rules.webshop_min_orders",
               "c_customers.panel.webshop_min_orders", 1, 60, 1),
        Slider("c_customers.channel_rules.webshop_max_order_value",
               "c_customers.panel.webshop_max_order_value", 50, 2000, 10),
        Heading("c_customers.panel.pricing"),
        Slider("c_customers.pricing.surcharge", "c_customers.panel.surcharge", 0, 200, 5),
        Slider("c_customers.pricing.loss_share", "c_customers.panel.loss_share", 0, 1, 0.05,
               readout_format=".0%"),
        Slider("c_customers.pricing.max_order_value", "c_customers.panel.max_order_value",
               100, 5000, 50),
    ]  # fmt: skip


def facts_html(result: Any, saved: Any, lang: str) -> str:
    """Key figures now against the saved settings: whale peak, destroyers, saving, best M."""

    def row(key: str, fmt, attr) -> list[tuple[str, bool]]:
        a, b = attr(saved), attr(result)
        return [(html.escape(t(key, lang)), False), (fmt(a), True), (f"<b>{fmt(b)}</b>", True)]

    def best(r: Any) -> Any:
        return r.simulation.loc[r.simulation["best"]].iloc[0]

    rows = [
        row("c_customers.kpi.peak", lambda v: fmt_pct(v, lang, 0),
            lambda r: r.whale_peak["peak_share"]),
        row("c_customers.col.customers", lambda v: fmt_int(v, lang),
            lambda r: len(r.destroyers)),
        row("c_customers.kpi.destroyed", lambda v: fmt_money(v, lang), lambda r: r.destroyed_profit),
        row("c_customers.kpi.saving", lambda v: fmt_money(v, lang), lambda r: r.channel_saving),
        row("c_customers.col.min_order_value", lambda v: fmt_money(v, lang),
            lambda r: r.best_min_order_value),
        row("c_customers.col.effect", lambda v: fmt_money(v, lang), lambda r: best(r)["effect"]),
    ]  # fmt: skip
    rows[1][0] = (html.escape(t("c_customers.panel.destroyers", lang)), False)
    header = ["", t("c_customers.panel.saved_col", lang), t("c_customers.panel.now_col", lang)]
    return _html_table(t("c_customers.panel.facts", lang), header, rows)


def channels_html(result: Any, lang: str) -> str:
    """C customers and saving per recommended channel."""
    rows = [
        [
            (html.escape(t(f"c_customers.channel.{r.channel}", lang)), False),
            (fmt_int(r.customers, lang), True),
            (fmt_money(r.saving, lang), True),
        ]
        for r in result.channels.itertuples()
    ]
    header = [
        t("c_customers.col.channel", lang),
        t("c_customers.col.customers", lang),
        t("c_customers.col.saving", lang),
    ]
    return _html_table(t("c_customers.caption.channels", lang), header, rows)


def _fixed_layout(fig: Any) -> Any:
    """Fixed margins instead of the constrained layout: halves a live redraw."""
    fig.set_layout_engine("none")
    for ax in fig.axes:
        ax.set_position([0.11, 0.16, 0.86, 0.72])
    return fig


def c_customers_sections(
    result: Any, saved: Any, lang: str, caches: dict[str, ChartCache] | None = None
) -> dict[str, Rendered]:
    """What the panel shows after each change; charts redrawn only when their data change."""
    from kamlib.charts.c_customers import pricing_chart, whale_chart

    caches = caches or {"whale": ChartCache(), "pricing": ChartCache()}
    whale_key = (lang, result.year, tuple(result.whale["cumulative_profit"].round(2)))
    sim_key = (lang, float(result.settings.pricing.loss_share),
               tuple(result.simulation["effect"].round(2)))  # fmt: skip
    out: dict[str, Rendered] = {
        "facts": facts_html(result, saved, lang),
        "channels": channels_html(result, lang),
    }
    for name, key, draw in (
        ("whale", whale_key, lambda: _fixed_layout(whale_chart(result, lang))),
        ("pricing", sim_key, lambda: _fixed_layout(pricing_chart(result, lang))),
    ):
        try:
            out[name] = caches[name].png(key, draw)
        except Exception as exc:  # the tables stay useful while a chart cannot be drawn
            out[name] = f"<p>{html.escape(t('widgets.pf_no_chart', lang, error=exc))}</p>"
    return out


def c_customers_panel(
    client: Any, lang: str = "de", workshop: bool = True, show: bool = True
) -> SettingsPanel | None:
    """The C-customer workshop panel for a loaded client; ``None`` outside a workshop.

    The aggregation (:func:`kamlib.analysis.c_customers.prepare`) runs once;
    every change runs only ``compute`` and redraws the key figures, the
    channel table, the whale curve and the pricing curve. Saving writes into
    ``client.yaml`` only through the panel's save button.
    """
    if not workshop:
        return None
    from kamlib.analysis import c_customers as cc

    inputs = cc.prepare(client)
    caches = {"whale": ChartCache(), "pricing": ChartCache()}
    panel = SettingsPanel(
        client.config,
        c_customers_controls(),
        compute=lambda cfg: cc.compute(inputs, cfg.c_customers),
        render=lambda res, saved, lng: c_customers_sections(res, saved, lng, caches),
        client_dir=client.client_dir,
        lang=lang,
        title="c_customers.panel.title",
        rows=[["facts", "channels"], ["whale"], ["pricing"]],
    )
    panel.charts = caches  # type: ignore[attr-defined]  # for tests and benchmarks
    if show:
        panel.show()
    return panel
