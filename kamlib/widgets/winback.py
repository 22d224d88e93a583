"""The workshop panel of the win-back module: N months and the winnability per reason.

Built on the generic :class:`~kamlib.widgets.panel.SettingsPanel`: the sales
lines are folded once (:func:`kamlib.analysis.winback.prepare`); every change
re-runs only :func:`~kamlib.analysis.winback.compute` and redraws the counts
(saved vs. now) and the top of the priority list. Saving goes through the
panel's save button only.
"""

from __future__ import annotations

import html
from typing import Any

from kamlib.config import DEFAULT_WINNABILITY
from kamlib.i18n import fmt_int, fmt_money, fmt_num, fmt_pct, t
from kamlib.widgets.controls import Control, Slider, ValueGroup
from kamlib.widgets.panel import Rendered, SettingsPanel
from kamlib.widgets.portfolio import _html_table

#: rows of the priority list shown in the panel
PANEL_TOP_N = 15


class MonthSlider(Slider):
    """A whole number of months (saved as an integer, not ``12.0``)."""

    def value(self) -> int:  # type: ignore[override]
        return int(round(float(self.widget.value)))


def winback_controls() -> list[Control]:
    """Slider for ``winback.lost_after_months`` and one per reason's winnability."""
    return [
        MonthSlider("winback.lost_after_months", "winback.panel.months", 1, 36, 1),
        ValueGroup(
            "winback.winnability",
            "winback.panel.winnability",
            keys=list(DEFAULT_WINNABILITY),
            label_key="winback.reason.{key}",
            min=0.0,
            max=1.0,
            step=0.05,
            readout_format=".0%",
        ),
    ]


def counts_html(result: Any, saved: Any, lang: str) -> str:
    """Customers per status and lost per report year: saved settings vs. now."""
    rows = []
    for status in ("active", "lost", "never_bought"):
        a, b = saved.status_counts[status], result.status_counts[status]
        delta = f" {b - a:+d}" if a != b else ""
        rows.append(
            [
                (html.escape(t(f"winback.status.{status}", lang)), False),
                (fmt_int(a, lang), True),
                (f"<b>{fmt_int(b, lang)}</b>{delta}", True),
            ]
        )
    for (_, now), (_, before) in zip(result.years.iterrows(), saved.years.iterrows(), strict=True):
        a, b = int(before["lost"]), int(now["lost"])
        delta = f" {b - a:+d}" if a != b else ""
        rate = fmt_pct(now["loss_rate"], lang)
        rows.append(
            [
                (f"{html.escape(t('winback.col.lost', lang))} {int(now['year'])}", False),
                (fmt_int(a, lang), True),
                (f"<b>{fmt_int(b, lang)}</b>{delta} ({rate})", True),
            ]
        )
    header = ["", t("widgets.pf_saved_col", lang), t("widgets.pf_now_col", lang)]
    return _html_table(t("winback.panel.counts_title", lang), header, rows)


def priority_html(result: Any, lang: str, n: int = PANEL_TOP_N) -> str:
    """The top ``n`` of the win-back priority list."""
    top = result.priority.head(n)
    rows = [
        [
            (str(int(r["rank"])), True),
            (html.escape(str(r["name"])), False),
            (fmt_money(r["lost_revenue"], lang, result.currency), True),
            (html.escape(t(f"winback.reason.{r['reason']}", lang)), False),
            (fmt_num(r["priority_score"], lang, 2), True),
        ]
        for _, r in top.iterrows()
    ]
    header = [
        t("winback.col.rank", lang),
        t("winback.col.name", lang),
        t("winback.col.former_revenue", lang),
        t("winback.col.reason", lang),
        t("winback.col.priority", lang),
    ]
    title = t("winback.panel.list_title", lang, n=fmt_int(len(result.priority), lang))
    return _html_table(title, header, rows)


def winback_sections(result: Any, saved: Any, lang: str) -> dict[str, Rendered]:
    """What the panel shows after each change."""
    return {"counts": counts_html(result, saved, lang), "priority": priority_html(result, lang)}


def winback_panel(
    client: Any, lang: str = "de", workshop: bool = True, show: bool = True
) -> SettingsPanel | None:
    """The win-back workshop panel for a loaded client; ``None`` when not in a workshop."""
    if not workshop:
        return None
    from kamlib.analysis import winback as wb

    inputs = wb.prepare(client)
    panel = SettingsPanel(
        client.config,
        winback_controls(),
        compute=lambda cfg: wb.compute(inputs, cfg.winback),
        render=winback_sections,
        client_dir=client.client_dir,
        lang=lang,
        title="winback.panel.title",
        rows=[["counts"], ["priority"]],
    )
    if show:
        panel.show()
    return panel
