"""The touchpoint workshop: a rating grid that saves a NEW round, only on "save round".

One row per current touchpoint with three drop-downs (importance, Ist, Soll,
1-5), preset with its latest rating. Every change recomputes the analysis
(:func:`kamlib.analysis.touchpoints.compute` on the prepared inputs; no file
is read again) and redraws a status line and the measure plan: the grid is
the next round, compared with the latest saved one. Nothing is written until
the "save round" button: :func:`kamlib.touchpoint_rounds.save_round` then
appends the grid as a new round dated by the date field (backup first,
earlier rounds untouched). A refused save (same date, bad file) shows one
translated line and leaves the file as it was.
"""

from __future__ import annotations

import datetime as dt
import html
import time
from typing import Any

import pandas as pd

from kamlib.analysis import touchpoints as tp_analysis
from kamlib.i18n import fmt_num, t

#: the rating columns of the grid, in order
RATING_FIELDS = ("importance", "ist", "soll")
#: measure-plan rows shown in the panel
PLAN_ROWS = 5


class RatingGrid:
    """Rating grid + live recompute + "save round" (see the module docstring).

    ``client``: a loaded ``ClientData`` with a touchpoints table. Widgets:
    ``dropdowns[(i, field)]`` per row ``i`` of ``rows``, ``date``, ``save_button``,
    ``output`` (status and plan, HTML) and ``message`` (last save outcome).
    """

    def __init__(self, client: Any, lang: str = "de", round_date: dt.date | None = None):
        import ipywidgets as w

        self.client = client
        self.lang = lang
        self.inputs = tp_analysis.prepare(client)
        self.settings = tp_analysis.settings_from_config(client.config)
        self.revenue = tp_analysis.revenue_basis(client)
        self.rows = self.inputs.current.reset_index(drop=True)
        self.last_seconds = 0.0
        self.result: tp_analysis.TouchpointResult | None = None
        options = [(str(v), v) for v in range(1, 6)]
        self.dropdowns: dict[tuple[int, str], Any] = {}
        grid_rows = []
        head = [w.HTML(f"<b>{html.escape(t('touchpoints.col.touchpoint', lang))}</b>",
                       layout=w.Layout(width="320px"))]  # fmt: skip
        head += [
            w.HTML(f"<b>{html.escape(t(f'touchpoints.export.col.{f}', lang))}</b>",
                   layout=w.Layout(width="110px"))
            for f in RATING_FIELDS
        ]  # fmt: skip
        grid_rows.append(w.HBox(head))
        for i, row in self.rows.iterrows():
            name = str(row["touchpoint"]) + (f" ({row['segment']})" if row["segment"] else "")
            cells = [w.HTML(html.escape(name), layout=w.Layout(width="320px"))]
            for f in RATING_FIELDS:
                value = int(min(max(round(float(row[f])), 1), 5))
                dd = w.Dropdown(options=options, value=value, layout=w.Layout(width="110px"))
                dd.observe(self._changed, names="value")
                self.dropdowns[(int(i), f)] = dd
                cells.append(dd)
            grid_rows.append(w.HBox(cells))
        self.date = w.DatePicker(
            description=t("touchpoints.save.date", lang), value=round_date or dt.date.today()
        )
        self.save_button = w.Button(description=t("touchpoints.save.button", lang),
                                    button_style="primary", icon="save")  # fmt: skip
        self.save_button.on_click(lambda _b: self.save())
        self.message = w.HTML()
        self.output = w.HTML()
        self.widget = w.VBox(
            [
                w.HTML(f"<h3>{html.escape(t('touchpoints.panel.title', lang))}</h3>"
                       f"<p>{html.escape(t('touchpoints.panel.hint', lang))}</p>"),
                w.VBox(grid_rows),
                self.output,
                w.HBox([self.date, self.save_button]),
                self.message,
            ]
        )  # fmt: skip
        self.recompute()

    # ------------------------------------------------------------------ data

    def ratings(self) -> pd.DataFrame:
        """The grid as a new round: the touchpoints' texts with the grid's scores."""
        out = self.rows.copy()
        for (i, f), dd in self.dropdowns.items():
            out.loc[i, f] = float(dd.value)
        return out

    def recompute(self) -> tp_analysis.TouchpointResult:
        """Analysis of the grid compared with the latest saved round; redraws the output."""
        start = time.perf_counter()
        current = self.ratings()
        # the grid is the next round: its "previous" rating is the latest saved one
        current["previous_ist"] = self.rows["ist"]
        current["previous_round"] = self.rows["round"]
        inputs = tp_analysis.TouchpointInputs(
            current, self.inputs.rounds, self.inputs.unknown_phases,
            self.inputs.unknown_channels, self.inputs.merged_rows,
        )  # fmt: skip
        result = tp_analysis.compute(inputs, self.settings)
        result.revenue = self.revenue
        self.result = result
        self.output.value = self._status_html(result)
        self.last_seconds = time.perf_counter() - start
        return result

    def _changed(self, _change: Any) -> None:
        self.recompute()

    def _status_html(self, result: tp_analysis.TouchpointResult) -> str:
        lang = self.lang
        tp = result.touchpoints
        fix = int((tp["quadrant"] == "fix_first").sum())
        top = tp.iloc[0] if len(tp) else None
        line = t(
            "touchpoints.panel.live", lang, fix=fix, gap=fmt_num(tp["gap"].mean(), lang, 1),
            top=html.escape(str(top["touchpoint"])) if top is not None else "–",
            prio=fmt_num(top["priority"], lang, 0) if top is not None else "–",
        )  # fmt: skip
        rows = "".join(
            f"<tr><td>{k + 1}</td><td>{html.escape(str(r.touchpoint))}</td>"
            f"<td style='text-align:right'>{fmt_num(r.priority, lang, 0)}</td>"
            f"<td>{html.escape(t(f'touchpoints.quadrant.{r.quadrant}', lang))}</td></tr>"
            for k, r in enumerate(result.measure_plan.head(PLAN_ROWS).itertuples(index=False))
        )
        return f"<p><b>{line}</b></p><table>{rows}</table>"

    # ------------------------------------------------------------------ save

    def save(self) -> Any:
        """Append the grid as a new round (explicit action only); returns the report or None."""
        from kamlib.touchpoint_rounds import RoundSaveError, save_round

        lang = self.lang
        try:
            report = save_round(self.client.client_dir, self.ratings(), self.date.value)
        except RoundSaveError as exc:
            self.message.value = _error(f"touchpoints.save.error.{exc.key}", lang, exc.detail)
            return None
        except OSError as exc:
            self.message.value = _error("touchpoints.save.error.os", lang, str(exc))
            return None
        self.message.value = html.escape(
            t("touchpoints.save.done", lang, date=report.round_date.isoformat(), n=report.rows,
              path=report.path.name, backup=str(report.backup))
        )  # fmt: skip
        return report

    def show(self) -> None:
        from IPython.display import display

        display(self.widget)


def _error(key: str, lang: str, detail: str) -> str:
    return f"<span style='color:#C73E1D'>{html.escape(t(key, lang, detail=detail))}</span>"


def touchpoints_panel(
    client: Any, lang: str = "de", workshop: bool = True, show: bool = True
) -> RatingGrid | None:
    """The touchpoint workshop for a loaded client; ``None`` outside a workshop.

    With ``workshop=False`` (papermill renders) no widget is created. Without
    a usable touchpoints table the panel says so in one line and returns None.
    """
    if not workshop:
        return None
    if client.touchpoints is None:
        from IPython.display import HTML, display

        display(HTML(f"<p>{html.escape(t('touchpoints.panel.unavailable', lang))}</p>"))
        return None
    grid = RatingGrid(client, lang)
    if show:
        grid.show()
    return grid
