"""The workshop panel of the retention module: factor weights, thresholds, rating preview.

The heavy part (:func:`kamlib.analysis.retention.prepare`, including the
BG/NBD fit) runs once; every change runs only ``compute`` and redraws the
risk-matrix counts (saved settings vs. now), the largest important customers
with score, weak factors and P(alive), and the risk-matrix chart.

Weights and thresholds are ``client.yaml`` keys and are saved with the
panel's save button. Ratings live in the client's ratings table, which the
panel never writes: the rating preview changes one customer's factor ratings
in memory only, so a workshop can see what a better contract or a second
contact would do to the score and quadrant before the round is recorded.
"""

from __future__ import annotations

import html
from dataclasses import replace
from typing import Any

import numpy as np
import pandas as pd

from kamlib.i18n import fmt_int, fmt_num, t
from kamlib.widgets.controls import Heading, Slider, WeightGroup
from kamlib.widgets.panel import ChartCache, SettingsPanel

#: rows in the "most important customers" table of the panel
TOP_ROWS = 12

_TH = "style='text-align:left;padding:3px 8px;border-bottom:2px solid #1F4E79'"
_TD = "style='padding:3px 8px;border-bottom:1px solid #E6E6E6'"
_TDR = "style='padding:3px 8px;border-bottom:1px solid #E6E6E6;text-align:right'"


def _table(title: str, header: list[str], rows: list[list[tuple[str, bool]]]) -> str:
    head = "".join(f"<th {_TH}>{html.escape(h)}</th>" for h in header)
    body = "".join(
        "<tr>" + "".join(f"<td {_TDR if r else _TD}>{x}</td>" for x, r in row) + "</tr>"
        for row in rows
    )
    return (
        f"<div><b>{html.escape(title)}</b><table style='border-collapse:collapse;font-size:13px'>"
        f"<thead><tr>{head}</tr></thead><tbody>{body}</tbody></table></div>"
    )


def retention_controls() -> list[Any]:
    """Controls bound to the ``retention`` section of client.yaml."""
    return [
        WeightGroup(
            "retention.factors", "retention.panel.factors", label_key="retention.factor.{criterion}"
        ),  # fmt: skip
        Heading("retention.panel.thresholds"),
        Slider("retention.score_split", "retention.panel.split", 0, 100, 1),
        Slider("retention.weak_rating", "retention.panel.weak", 1, 4.5, 0.5),
        Slider("retention.disagreement.firm_score", "retention.panel.firm", 50, 100, 1),
    ]


def quadrant_counts_html(result: Any, saved: Any, lang: str) -> str:
    """Customers and revenue per risk quadrant: saved settings vs. now."""
    from kamlib.analysis.retention import QUADRANTS

    now = result.risk_matrix.set_index("risk_quadrant")
    before = saved.risk_matrix.set_index("risk_quadrant")
    rows = []
    for q in QUADRANTS:
        a, b = int(before.loc[q, "customers"]), int(now.loc[q, "customers"])
        delta = f" {b - a:+d}" if a != b else ""
        rows.append([
            (html.escape(t(f"retention.quadrant.{q}", lang)), False),
            (fmt_int(a, lang), True),
            (f"<b>{fmt_int(b, lang)}</b>{delta}", True),
        ])  # fmt: skip
    header = [t("retention.col.quadrant", lang), t("retention.panel.saved", lang),
              t("retention.panel.now", lang)]  # fmt: skip
    return _table(t("retention.panel.counts", lang), header, rows)


def top_customers_html(result: Any, lang: str, n: int = TOP_ROWS) -> str:
    """The largest A/B customers: score, quadrant, weak factors, P(alive)."""
    from kamlib.narrative.retention import important, quadrant_label, weak_list

    imp = important(result).head(n)
    rows = []
    for r in imp.itertuples():
        p = "–" if np.isnan(r.p_alive) else fmt_num(r.p_alive, lang, 2)
        score = "–" if np.isnan(r.stability_score) else fmt_num(r.stability_score, lang)
        rows.append([
            (html.escape(str(r.name) or str(r.customer_id)), False),
            (score, True),
            (html.escape(quadrant_label(r.risk_quadrant, lang)), False),
            (html.escape(weak_list(r.weak_factors, lang)), False),
            (p, True),
        ])  # fmt: skip
    header = [t("retention.col.customer", lang), t("retention.col.score", lang),
              t("retention.col.quadrant", lang), t("retention.col.weak", lang),
              t("retention.col.p_alive", lang)]  # fmt: skip
    return _table(t("retention.panel.top", lang), header, rows)


class RatingPreview:
    """A customer picker and one 1-5 slider per rated factor; changes stay in memory.

    ``overrides`` maps ``(customer_id, factor) -> rating``; :meth:`apply`
    returns inputs whose rating pivot carries them.
    """

    def __init__(self, inputs: Any, customers: list[tuple[str, str]], lang: str):
        self.inputs = inputs
        self.overrides: dict[tuple[str, str], float] = {}
        self.customers = customers
        self.lang = lang
        self.on_change = lambda: None
        self.widget: Any = None

    def apply(self, inputs: Any) -> Any:
        """``inputs`` with the previewed ratings (the original is never changed)."""
        if not self.overrides:
            return inputs
        from kamlib.analysis.retention import FACTORS

        ratings = inputs.ratings.astype(float)  # a copy; nullable ratings become NaN
        for f in FACTORS:
            if f not in ratings:
                ratings[f] = np.nan
        pos = {cid: i for i, cid in enumerate(inputs.master["customer_id"])}
        for (cid, f), v in self.overrides.items():
            if cid in pos:
                ratings.iloc[pos[cid], ratings.columns.get_loc(f)] = v
        return replace(inputs, ratings=ratings)

    def set(self, customer_id: str, factor: str, rating: float) -> None:
        """Preview ``rating`` (1-5) of ``factor`` for a customer and recompute."""
        self.overrides[(str(customer_id), factor)] = float(rating)
        self.on_change()

    def build(self) -> Any:
        """The ipywidgets box (built lazily: the render path never imports ipywidgets)."""
        import ipywidgets as w

        from kamlib.config import RETENTION_FACTORS

        rated = [f for f, src in RETENTION_FACTORS.items() if src != "data"]
        pick = w.Dropdown(options=[(name, cid) for cid, name in self.customers],
                          description=t("retention.panel.customer", self.lang))  # fmt: skip
        sliders = {
            f: w.FloatSlider(min=1, max=5, step=0.5, value=3, continuous_update=False,
                             description=t(f"retention.factor.{f}", self.lang),
                             style={"description_width": "180px"})
            for f in rated
        }  # fmt: skip
        busy = {"on": False}

        def load(_change: Any = None) -> None:
            busy["on"] = True
            cid = pick.value
            i = list(self.inputs.master["customer_id"]).index(cid)
            for f, s in sliders.items():
                v = self.overrides.get((cid, f))
                if v is None and f in self.inputs.ratings:
                    v = self.inputs.ratings.iloc[i][f]
                s.value = 3.0 if v is None or pd.isna(v) else float(v)
            busy["on"] = False

        def moved(change: Any, factor: str) -> None:
            if not busy["on"] and pick.value is not None:
                self.set(pick.value, factor, change["new"])

        for f, s in sliders.items():
            s.observe(lambda ch, f=f: moved(ch, f), names="value")
        pick.observe(load, names="value")
        if self.customers:
            load()
        title = w.HTML(f"<b>{html.escape(t('retention.panel.ratings', self.lang))}</b>")
        self.widget = w.VBox([title, pick, *sliders.values()])
        return self.widget


def quick_chart(result: Any, lang: str) -> Any:
    """The risk-matrix chart for the live panel: no name labels, a fixed layout
    (label placement and the layout engine are the slow part of a redraw)."""
    from kamlib.charts.retention import risk_matrix_chart

    fig = risk_matrix_chart(result, lang, max_labels=0)
    if fig is not None:
        fig.set_layout_engine(None)
        fig.subplots_adjust(left=0.15, right=0.98, bottom=0.13, top=0.9)
    return fig


def retention_panel(
    client: Any, lang: str = "de", workshop: bool = True, show: bool = True
) -> SettingsPanel | None:
    """The retention workshop panel for a loaded client; ``None`` when not in a workshop.

    With ``workshop=False`` (papermill renders) nothing is built or displayed.
    """
    if not workshop:
        return None
    from kamlib.analysis import retention as rt
    from kamlib.narrative.retention import important

    inputs = rt.prepare(client)
    first = rt.compute(inputs, rt.RetentionSettings.from_config(client.config))
    top = important(first).head(40)
    preview = RatingPreview(
        inputs, [(str(c), str(n) or str(c)) for c, n in zip(top["customer_id"], top["name"], strict=True)],
        lang,
    )  # fmt: skip
    charts = ChartCache()

    def compute(cfg: Any) -> Any:
        return rt.compute(preview.apply(inputs), rt.RetentionSettings.from_config(cfg))

    def render(res: Any, saved: Any, lng: str) -> dict[str, Any]:
        key = (lng, res.settings.score_split,
               tuple(res.customers["stability_score"].fillna(-1).round(3)))  # fmt: skip
        out: dict[str, Any] = {
            "counts": quadrant_counts_html(res, saved, lng),
            "top": top_customers_html(res, lng),
        }
        drawable = (res.customers["placed"] & (res.customers["revenue"] > 0)).any()
        fig = None if not drawable else charts.png(key, lambda: quick_chart(res, lng))
        if fig is not None:
            out["chart"] = fig
        if preview.widget is not None:
            out["preview"] = preview.widget
        return out

    panel = SettingsPanel(
        client.config,
        retention_controls(),
        compute=compute,
        render=render,
        client_dir=client.client_dir,
        lang=lang,
        title="retention.panel.title",
        rows=[["counts", "preview"], ["top"], ["chart"]],
    )
    preview.on_change = panel.update
    try:
        preview.build()
        panel.update()
    except ImportError:  # pragma: no cover - ipywidgets is a dependency of the panel
        pass
    panel.preview = preview  # type: ignore[attr-defined]  # for tests
    if show:
        panel.show()
    return panel
