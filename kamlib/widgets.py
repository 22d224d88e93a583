"""Workshop mode: ipywidgets panels to tune settings live in JupyterLab and save them.

The generic piece is :class:`SettingsPanel`: a declarative list of controls
bound to dotted paths of the client configuration (``client.yaml`` keys),
a ``compute(config) -> result`` callback (cheap: heavy aggregation is done
once before the panel is built), a ``render(result, saved_result, lang) ->
{section: content}`` callback, an output area redrawn per change, a timing
line and a "Save settings" button that writes the values into ``client.yaml``
through :func:`kamlib.settings_io.save_settings` (backup first, comments kept).

Controls (all paths from the top of ``client.yaml``):

- :class:`WeightGroup` — one slider per criterion of a weight set, each
  showing its normalised share (``portfolio.attractiveness``);
- :class:`Slider` — one number (``portfolio.zone_split.potential``);
- :class:`RangePair` — two ordered cut-offs on one slider, kept strictly
  ascending (``portfolio.abc.cutoffs``); ``descending=True`` for settings
  stored high-to-low (``portfolio.xyz.frequency_cutoffs``);
- :class:`ValueGroup` — independent numbers of a mapping (unit costs);
- :class:`Choice` — one of a few values (``portfolio.abc.basis``).

Sliders use ``continuous_update=False``: a value is sent when the slider is
released, so dragging never queues dozens of recomputations.
:meth:`SettingsPanel.hold` batches several programmatic changes into one.

Reuse for another module — e.g. C-customer unit costs (keys are whatever the
module's settings define in :mod:`kamlib.config`)::

    from kamlib.widgets import SettingsPanel, Slider, ValueGroup

    inputs = c_customers.prepare(client)            # heavy part, once
    panel = SettingsPanel(
        client.config,
        controls=[
            ValueGroup("c_customers.unit_costs", "c_customers.unit_costs_title",
                       min=0, max=500, step=5, label_key="c_customers.activity.{key}"),
            Slider("c_customers.min_margin", "c_customers.min_margin_label", 0, 0.5, 0.01,
                   readout_format=".0%"),
        ],
        compute=lambda cfg: c_customers.compute(inputs, cfg.c_customers),
        render=lambda res, saved, lang: {
            "table": cost_table_html(res, saved, lang),      # str (HTML)
            "chart": cost_to_serve_chart(res, lang),         # matplotlib Figure
        },
        client_dir=client.client_dir,
        lang=lang,
    )
    panel.show()

Weight sets other than the portfolio's must be named in ``weight_paths`` of
:func:`kamlib.settings_io.save_settings` only if they are *not* controlled by
a :class:`WeightGroup` — the panel passes its WeightGroup paths itself.

:func:`portfolio_panel` assembles the panel for the strategic portfolio. It
returns ``None`` and creates no widget at all when ``workshop`` is false (the
papermill render), so no widget state or empty widget box reaches a deliverable.
"""

from __future__ import annotations

import html
import io
import math
import time
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pandas as pd
from pydantic import ValidationError

from kamlib.config import ClientConfig, ConfigError, normalise_weights
from kamlib.i18n import ALL_MESSAGES, LANGUAGES, fmt_int, fmt_money, fmt_num, fmt_pct, t
from kamlib.settings_io import SaveReport, save_settings

if TYPE_CHECKING:  # ipywidgets is imported lazily: the render path never loads it
    import ipywidgets

#: width of the control column (px); charts take the rest of the screen
CONTROL_WIDTH = "445px"
#: dots per inch of redrawn charts: sharp on a projector, still fast to encode
FIGURE_DPI = 90
#: at most this many zone changes are listed (the rest are counted)
MAX_CHANGED_ROWS = 25


def _w():
    import ipywidgets

    return ipywidgets


def label(key: str, lang: str, fallback: str | None = None) -> str:
    """Text for message ``key``; a readable fallback when the key is unknown.

    Control labels may point at another module's messages (criterion names);
    a missing translation must not break a live workshop.
    """
    if key in ALL_MESSAGES and lang in ALL_MESSAGES[key]:
        return ALL_MESSAGES[key][lang]
    if fallback is not None:
        return fallback
    return key.rsplit(".", 1)[-1].replace("_", " ").capitalize()


def _decimals(step: float) -> int:
    return max(0, -math.floor(math.log10(step))) if step < 1 else 0


# --- controls ------------------------------------------------------------------


class Control:
    """Base class: owns one settings path and the widgets that edit it."""

    path: str

    def build(self, value: Any, lang: str, on_change: Callable[[], None]) -> ipywidgets.Widget:
        raise NotImplementedError

    def value(self) -> Any:
        """Current value in the form the settings model takes."""
        raise NotImplementedError

    def set_value(self, value: Any) -> None:
        raise NotImplementedError

    def relabel(self, lang: str) -> None:
        raise NotImplementedError

    def widget_for(self, path: str) -> ipywidgets.Widget:
        """The widget behind ``path`` (the control's path or ``path.<key>``)."""
        raise KeyError(path)

    def set(self, path: str, value: Any) -> None:
        """Set ``path`` (own path or a key below it) through the widgets."""
        if path == self.path:
            self.set_value(value)
        else:
            self.widget_for(path).value = value

    def is_weights(self) -> bool:
        return False


class _Group(Control):
    """Shared code of WeightGroup and ValueGroup: one slider per key of a mapping."""

    def __init__(
        self,
        path: str,
        title: str,
        keys: Sequence[str] | None,
        label_key: str,
        min: float,
        max: float,
        step: float,
        readout_format: str,
    ):
        self.path = path
        self.title = title
        self.keys = list(keys) if keys is not None else None
        self.label_key = label_key
        self.min, self.max, self.step = min, max, step
        self.readout_format = readout_format
        self.sliders: dict[str, ipywidgets.FloatSlider] = {}

    def build(self, value: Any, lang: str, on_change: Callable[[], None]) -> ipywidgets.Widget:
        w = _w()
        keys = self.keys if self.keys is not None else list(value)
        self._header = w.HTML()
        rows = [self._header]
        for key in keys:
            slider = w.FloatSlider(
                value=float(value.get(key, 0.0)),
                min=self.min,
                max=self.max,
                step=self.step,
                continuous_update=False,
                readout=self._readout(),
                readout_format=self.readout_format,
                style={"description_width": "175px"},
                layout=w.Layout(width="325px"),
            )
            slider.observe(lambda _ch: self._changed(on_change), names="value")
            self.sliders[key] = slider
            rows.append(self._row(key, slider))
        self.relabel(lang)
        return w.VBox(rows)

    def _readout(self) -> bool:
        return True

    def _row(self, key: str, slider: ipywidgets.Widget) -> ipywidgets.Widget:
        return slider

    def _changed(self, on_change: Callable[[], None]) -> None:
        on_change()

    def value(self) -> dict[str, float]:
        return {k: round(s.value, _decimals(self.step) + 2) for k, s in self.sliders.items()}

    def set_value(self, value: Mapping[str, float]) -> None:
        for k, slider in self.sliders.items():
            if k in value:
                slider.value = float(value[k])

    def relabel(self, lang: str) -> None:
        self.lang = lang
        self._header.value = f"<b>{html.escape(label(self.title, lang))}</b>"
        for key, slider in self.sliders.items():
            slider.description = label(self.label_key.format(key=key, criterion=key), lang)
            slider.tooltip = slider.description

    def widget_for(self, path: str) -> ipywidgets.Widget:
        prefix = self.path + "."
        if path.startswith(prefix) and path[len(prefix) :] in self.sliders:
            return self.sliders[path[len(prefix) :]]
        raise KeyError(path)


class WeightGroup(_Group):
    """A weight set (``{criterion: weight}``): one slider per criterion.

    The slider is the criterion's relative weight (0-1); the label beside it
    shows the normalised share (the weights divided by their sum, what the
    analysis uses), so the room sees "Entscheider-Zugang 43 %" while moving
    one slider. Saved values are normalised to sum 1 (3 decimals).
    ``criteria=None`` takes the criteria configured in the current settings.
    """

    def __init__(
        self,
        path: str,
        title: str,
        criteria: Sequence[str] | None = None,
        label_key: str = "portfolio.criterion.{criterion}",
        step: float = 0.01,
    ):
        super().__init__(path, title, criteria, label_key, 0.0, 1.0, step, ".2f")
        self.shares: dict[str, ipywidgets.HTML] = {}

    def _readout(self) -> bool:
        return False  # the raw value means little; the normalised share is shown instead

    def _row(self, key: str, slider: ipywidgets.Widget) -> ipywidgets.Widget:
        w = _w()
        self.shares[key] = w.HTML(layout=w.Layout(width="60px"))
        return w.HBox([slider, self.shares[key]])

    def _changed(self, on_change: Callable[[], None]) -> None:
        self._update_shares()
        on_change()

    def _update_shares(self) -> None:
        values = {k: s.value for k, s in self.sliders.items()}
        try:
            shares = normalise_weights(values)
        except ValueError:
            shares = dict.fromkeys(values, float("nan"))
        for k, share in shares.items():
            self.shares[k].value = f"<b>{fmt_pct(share, getattr(self, 'lang', 'de'), 0)}</b>"

    def value(self) -> dict[str, float]:
        return {k: round(s.value, 4) for k, s in self.sliders.items()}

    def normalised(self) -> dict[str, float]:
        """Current weights scaled to sum 1 (raises ValueError when all are 0)."""
        return normalise_weights(self.value())

    def set_value(self, value: Mapping[str, float]) -> None:
        # Show a saved weight set normalised, so slider positions match the shares.
        for k, v in normalise_weights(dict(value)).items():
            self.sliders[k].value = v

    def relabel(self, lang: str) -> None:
        super().relabel(lang)
        self._update_shares()

    def is_weights(self) -> bool:
        return True


class ValueGroup(_Group):
    """Independent numbers of a mapping, e.g. unit costs per activity (money)."""

    def __init__(
        self,
        path: str,
        title: str,
        keys: Sequence[str] | None = None,
        label_key: str = "{key}",
        min: float = 0.0,
        max: float = 100.0,
        step: float = 1.0,
        readout_format: str = ".0f",
    ):
        super().__init__(path, title, keys, label_key, min, max, step, readout_format)


@dataclass
class _Single(Control):
    path: str
    label: str  # message key

    def relabel(self, lang: str) -> None:
        self.widget.description = label(self.label, lang)
        self.widget.tooltip = self.widget.description

    def widget_for(self, path: str) -> ipywidgets.Widget:
        if path == self.path:
            return self.widget
        raise KeyError(path)


class Slider(_Single):
    """One number: ``Slider("portfolio.zone_split.potential", "msg.key", 0, 100, 1)``."""

    def __init__(
        self,
        path: str,
        label: str,
        min: float,
        max: float,
        step: float,
        readout_format: str | None = None,
    ):
        super().__init__(path, label)
        self.min, self.max, self.step = min, max, step
        self.readout_format = readout_format or f".{_decimals(step)}f"

    def build(self, value: Any, lang: str, on_change: Callable[[], None]) -> ipywidgets.Widget:
        w = _w()
        self.widget = w.FloatSlider(
            value=float(value),
            # a configured value outside the usual range must not be clamped silently
            min=min(self.min, float(value)),
            max=max(self.max, float(value)),
            step=self.step,
            continuous_update=False,
            readout_format=self.readout_format,
            style={"description_width": "175px"},
            layout=w.Layout(width="385px"),
        )
        self.widget.observe(lambda _ch: on_change(), names="value")
        self.relabel(lang)
        return self.widget

    def value(self) -> float:
        return round(float(self.widget.value), _decimals(self.step) + 2)

    def set_value(self, value: Any) -> None:
        self.widget.value = float(value)


class RangePair(_Single):
    """Two cut-offs on one range slider, kept strictly ordered.

    The settings value is ``(low, high)``, or ``(high, low)`` with
    ``descending=True`` (e.g. XYZ frequency limits: X ≥ 75 %, Y ≥ 40 %). When
    both handles meet, the moved one is pushed one step apart, because equal
    cut-offs would leave a class empty by construction and the config rejects them.
    """

    def __init__(
        self,
        path: str,
        label: str,
        min: float,
        max: float,
        step: float,
        readout_format: str | None = None,
        descending: bool = False,
    ):
        super().__init__(path, label)
        self.min, self.max, self.step = min, max, step
        self.readout_format = readout_format or f".{_decimals(step)}f"
        self.descending = descending
        self._last: tuple[float, float] = (min, max)

    def build(self, value: Any, lang: str, on_change: Callable[[], None]) -> ipywidgets.Widget:
        w = _w()
        lo, hi = sorted(float(v) for v in value)
        self.min, self.max = min(self.min, lo), max(self.max, hi)  # never clamp a saved value
        self.widget = w.FloatRangeSlider(
            value=(lo, hi),
            min=self.min,
            max=self.max,
            step=self.step,
            continuous_update=False,
            readout_format=self.readout_format,
            style={"description_width": "175px"},
            layout=w.Layout(width="385px"),
        )
        self._last = (lo, hi)

        def changed(change: dict) -> None:
            lo, hi = change["new"]
            if hi - lo < self.step / 2:
                # push the handle that moved one step away from the other
                moved_low = abs(lo - self._last[0]) > abs(hi - self._last[1])
                if moved_low:
                    lo = max(self.min, hi - self.step)
                    hi = lo + self.step
                else:
                    hi = min(self.max, lo + self.step)
                    lo = hi - self.step
                self.widget.value = (round(lo, 10), round(hi, 10))  # re-enters changed()
                return
            self._last = (lo, hi)
            on_change()

        self.widget.observe(changed, names="value")
        self.relabel(lang)
        return self.widget

    def value(self) -> tuple[float, float]:
        nd = _decimals(self.step) + 2
        lo, hi = (round(float(v), nd) for v in self.widget.value)
        return (hi, lo) if self.descending else (lo, hi)

    def set_value(self, value: Any) -> None:
        lo, hi = sorted(float(v) for v in value)
        self.widget.value = (lo, hi)


class Choice(_Single):
    """One of a few values as toggle buttons: ``options`` maps value -> message key."""

    def __init__(self, path: str, label: str, options: Mapping[str, str]):
        super().__init__(path, label)
        self.options = dict(options)

    def build(self, value: Any, lang: str, on_change: Callable[[], None]) -> ipywidgets.Widget:
        w = _w()
        self.widget = w.ToggleButtons(
            options=[(label(k, lang), v) for v, k in self.options.items()],
            value=value,
            style={"description_width": "175px", "button_width": "auto"},
        )
        self.widget.observe(lambda _ch: on_change(), names="value")
        self.relabel(lang)
        return self.widget

    def relabel(self, lang: str) -> None:
        current = self.widget.value
        self.widget.options = [(label(k, lang), v) for v, k in self.options.items()]
        self.widget.value = current
        super().relabel(lang)

    def value(self) -> Any:
        return self.widget.value

    def set_value(self, value: Any) -> None:
        self.widget.value = value


@dataclass
class Heading(Control):
    """A bold heading between controls (no setting)."""

    title: str
    path: str = ""

    def build(self, value: Any, lang: str, on_change: Callable[[], None]) -> ipywidgets.Widget:
        self.widget = _w().HTML()
        self.relabel(lang)
        return self.widget

    def relabel(self, lang: str) -> None:
        self.widget.value = f"<b>{html.escape(label(self.title, lang))}</b>"


# --- the panel -----------------------------------------------------------------

#: what ``render`` may return per section: HTML text, a Figure, a table or a widget
Rendered = Any


@dataclass
class Timing:
    """Seconds spent on the last change: settings check + compute, and redraw."""

    compute: float
    draw: float

    @property
    def total(self) -> float:
        return self.compute + self.draw


def _get_path(data: Any, path: str) -> Any:
    for part in path.split("."):
        data = data[part] if isinstance(data, Mapping) else getattr(data, part)
    return data


def _set_path(data: dict, path: str, value: Any) -> None:
    *parents, last = path.split(".")
    for part in parents:
        data = data.setdefault(part, {})
    data[last] = value


def _figure_png(fig: Any) -> bytes:
    """PNG bytes of a matplotlib figure, then close it.

    One Agg draw plus a fast PNG encode: ``savefig`` draws twice with a
    layout engine (and again for a tight bbox), which doubled the redraw
    time of the portfolio bubble chart (0.22 s -> 0.13 s measured).
    """
    import matplotlib.pyplot as plt
    import numpy as np
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from PIL import Image

    fig.set_dpi(FIGURE_DPI)
    canvas = FigureCanvasAgg(fig)
    canvas.draw()
    buf = io.BytesIO()
    # compress_level 1: 10x faster than the default, files barely larger
    Image.fromarray(np.asarray(canvas.buffer_rgba())).save(buf, format="png", compress_level=1)
    plt.close(fig)  # a live workshop makes hundreds of figures; free them
    return buf.getvalue()


class ChartCache:
    """Redraw a chart only when what it shows changed.

    ``cache.png(key, make_figure)`` returns PNG bytes; ``make_figure()`` is
    called (and the figure drawn) only when ``key`` differs from the last
    call. ``render`` callbacks return the bytes as a section's content.
    """

    def __init__(self) -> None:
        self._key: Any = None
        self._png: bytes | None = None
        self.draws = 0  # how many times a figure was actually drawn

    def png(self, key: Any, make_figure: Callable[[], Any]) -> bytes:
        if self._png is None or key != self._key:
            self._png = _figure_png(make_figure())
            self._key = key
            self.draws += 1
        return self._png


class SettingsPanel:
    """Controls bound to client.yaml paths, live recompute, redraw and Save.

    Parameters
    ----------
    config:
        The loaded configuration (``client.config``); its values are the
        "saved" baseline that changes are compared against.
    controls:
        :class:`Control` objects (WeightGroup, Slider, RangePair, ...).
    compute:
        ``compute(config) -> result`` — must be cheap (do heavy aggregation
        before building the panel). Called after every change.
    render:
        ``render(result, saved_result, lang) -> {section: content}``; content
        is an HTML string, a matplotlib Figure (shown as PNG, then closed),
        PNG bytes (e.g. from a :class:`ChartCache`), a DataFrame or a widget.
        Sections keep their place between redraws.
    client_dir:
        Folder whose ``client.yaml`` the Save button updates (None: no Save).
    rows:
        Optional layout of sections: ``[["zones", "matrix"], ["chart"]]``;
        sections in one row sit side by side. Default: one per row.

    Programmatic use (tests, notebooks)::

        panel.set("portfolio.zone_split.potential", 60)   # recomputes
        with panel.hold():                                 # one recompute for both
            panel.set("portfolio.attractiveness.decision_access", 0.6)
            panel.set("portfolio.attractiveness.chemistry", 0.1)
        panel.result, panel.timing, panel.sections["chart"]
        report = panel.save()                               # SaveReport or None
    """

    def __init__(
        self,
        config: ClientConfig,
        controls: Sequence[Control],
        compute: Callable[[ClientConfig], Any],
        render: Callable[[Any, Any, str], Mapping[str, Rendered]],
        *,
        client_dir: Path | str | None = None,
        lang: str = "de",
        title: str | None = None,
        rows: Sequence[Sequence[str]] | None = None,
        save: Callable[..., SaveReport] = save_settings,
    ):
        if lang not in LANGUAGES:
            raise ValueError(f"unsupported language {lang!r}; use one of {', '.join(LANGUAGES)}")
        w = _w()
        self.lang = lang
        self.controls = list(controls)
        self.client_dir = Path(client_dir) if client_dir is not None else None
        self._compute, self._render, self._save = compute, render, save
        self._title = title
        self._rows = [list(r) for r in rows] if rows else None
        self._holding = 0
        self._pending = False
        self._displayed = False
        self.saved_config = config
        self.config = config
        self.timing = Timing(0.0, 0.0)
        self.last_report: SaveReport | None = None
        self.sections: dict[str, ipywidgets.Widget] = {}
        self.message = ""

        data = config.model_dump(mode="python")
        control_boxes = [
            c.build(_get_path(data, c.path) if c.path else None, lang, self._on_control)
            for c in self.controls
        ]
        self._title_html = w.HTML()
        self._lang_toggle = w.ToggleButtons(
            options=list(LANGUAGES), value=lang, style={"button_width": "48px"}
        )
        self._lang_toggle.observe(lambda ch: self.set_language(ch["new"]), names="value")
        self._save_button = w.Button(
            icon="save",
            button_style="primary",
            disabled=client_dir is None,
            layout=w.Layout(width="auto"),  # the caption must not be cut
        )
        self._save_button.on_click(lambda _b: self.save())
        self._reset_button = w.Button(icon="undo", layout=w.Layout(width="auto"))
        self._reset_button.on_click(lambda _b: self.reset())
        self._status = w.HTML()
        self._timing_html = w.HTML()
        self._message_html = w.HTML()
        self._output = w.VBox(layout=w.Layout(flex="1 1 auto", min_width="400px"))
        controls_box = w.VBox(
            [
                *control_boxes,
                w.HBox([self._save_button, self._reset_button]),
                self._lang_toggle,
                self._status,
                self._timing_html,
                self._message_html,
            ],
            layout=w.Layout(width=CONTROL_WIDTH, flex="0 0 auto"),
        )
        self.widget = w.VBox(
            [
                self._title_html,
                w.HBox([controls_box, self._output], layout=w.Layout(flex_flow="row wrap")),
            ]
        )
        self._relabel()
        # The saved baseline is computed once; later changes are compared to it.
        t0 = time.perf_counter()
        self.saved_result = self._compute(config)
        self.result = self.saved_result
        self._redraw(compute_seconds=time.perf_counter() - t0)

    # --- public API -----------------------------------------------------------

    def show(self) -> SettingsPanel:
        """Display the panel in the notebook (once) and return it."""
        from IPython.display import display

        display(self.widget)
        self._displayed = True
        return self

    def _ipython_display_(self) -> None:
        # ``portfolio_panel(...)`` as a cell's last line displays it once, not twice.
        if not self._displayed:
            self.show()

    def control(self, path: str) -> Control:
        """The control owning ``path`` (its own path or a key below it)."""
        for c in self.controls:
            if c.path and (path == c.path or path.startswith(c.path + ".")):
                return c
        raise KeyError(f"no control for {path!r}; controls: {[c.path for c in self.controls]}")

    def widget_for(self, path: str) -> ipywidgets.Widget:
        """The ipywidget behind ``path`` (e.g. to set ``.value`` in a test)."""
        return self.control(path).widget_for(path)

    def set(self, path: str, value: Any) -> None:
        """Change a setting through its widget, exactly as a user would."""
        self.control(path).set(path, value)

    def get(self, path: str) -> Any:
        """Current value of ``path`` in the (last valid) working configuration."""
        return _get_path(self.config.model_dump(mode="python"), path)

    @contextmanager
    def hold(self) -> Iterator[SettingsPanel]:
        """Batch several changes into one recompute at the end of the block."""
        self._holding += 1
        try:
            yield self
        finally:
            self._holding -= 1
            if not self._holding and self._pending:
                self._pending = False
                self.update()

    def values(self) -> dict[str, Any]:
        """``{path: value}`` of every control, as they would be saved."""
        return {c.path: c.value() for c in self.controls if c.path}

    def unsaved(self) -> list[str]:
        """Paths whose working value differs from the saved baseline."""
        now = self.config.model_dump(mode="python")
        saved = self.saved_config.model_dump(mode="python")
        out = []
        for c in self.controls:
            if not c.path:
                continue
            a, b = _get_path(now, c.path), _get_path(saved, c.path)
            if c.is_weights():
                a, b = normalise_weights(a), normalise_weights(b)
                if set(a) != set(b) or any(abs(a[k] - b[k]) > 5e-4 for k in a):
                    out.append(c.path)
            elif a != b:
                out.append(c.path)
        return out

    def update(self) -> bool:
        """Recompute from the controls' values and redraw; False if they are invalid."""
        t0 = time.perf_counter()
        data = self.config.model_dump(mode="python")
        for c in self.controls:
            if not c.path:
                continue
            value = c.value()
            if isinstance(value, dict) and not c.is_weights():
                # a ValueGroup may cover only some keys of its mapping: merge
                for k, v in value.items():
                    _set_path(data, f"{c.path}.{k}", v)
            else:
                _set_path(data, c.path, value)
        try:
            config = ClientConfig.model_validate(data)
        except ValidationError as exc:
            err = exc.errors()[0]
            problem = (
                ".".join(str(p) for p in err["loc"])
                + ": "
                + err["msg"].removeprefix("Value error, ")
            )
            self._show_message(t("widgets.invalid", self.lang, problem=problem), "warning")
            return False
        try:
            result = self._compute(config)
        except Exception as exc:  # a live workshop shows the problem instead of a traceback
            self._show_message(t("widgets.compute_failed", self.lang, error=exc), "warning")
            return False
        self.config, self.result = config, result
        self._show_message("")
        self._redraw(compute_seconds=time.perf_counter() - t0)
        return True

    def set_language(self, lang: str) -> None:
        """Switch labels and outputs to ``lang`` (display only; not saved)."""
        if lang not in LANGUAGES:
            raise ValueError(f"unsupported language {lang!r}")
        self.lang = lang
        if self._lang_toggle.value != lang:
            self._lang_toggle.value = lang  # observer calls back here once more
            return
        self._relabel()
        self._redraw(compute_seconds=0.0)

    def reset(self) -> None:
        """Put every control back to the saved values."""
        saved = self.saved_config.model_dump(mode="python")
        with self.hold():
            for c in self.controls:
                if c.path:
                    c.set_value(_get_path(saved, c.path))
            self._pending = True

    def save(self) -> SaveReport | None:
        """Write the controls' values into client.yaml; None when refused.

        The message area says what changed (old → new) and where the backup
        went; invalid values are refused with the reason, the file untouched.
        """
        if self.client_dir is None:
            self._show_message(t("widgets.save_no_folder", self.lang), "warning")
            return None
        if not self.update():
            return None
        weight_paths = [c.path for c in self.controls if c.is_weights()]
        try:
            report = self._save(self.client_dir, self.values(), weight_paths=weight_paths)
        except ConfigError as exc:
            lines = [f"{k}: {m}" for k, m in exc.problems]
            self._show_message(
                t("widgets.save_refused", self.lang) + "\n" + "\n".join(lines), "error"
            )
            return None
        except OSError as exc:
            self._show_message(t("widgets.save_failed", self.lang, error=exc), "error")
            return None
        self.last_report = report
        if report.changed:
            # Show exactly what is in the file now (weights normalised, 3 decimals).
            written = report.config.model_dump(mode="python")
            with self.hold():
                for c in self.controls:
                    if c.path:
                        c.set_value(_get_path(written, c.path))
                self._pending = True
        self.saved_config = self.config
        self.saved_result = self.result
        self._redraw(compute_seconds=0.0)
        text = report.message(self.lang)
        if report.changed:
            text += "\n" + t("widgets.next_render", self.lang)
        self._show_message(text, "success" if report.changed else "info")
        return report

    @property
    def status_text(self) -> str:
        """Plain text of the status, timing and message lines (for tests and logs)."""
        import re

        parts = [self._status.value, self._timing_html.value, self._message_html.value]
        return html.unescape(re.sub(r"<[^>]+>", " ", "\n".join(parts)))

    # --- internals ------------------------------------------------------------

    def _on_control(self) -> None:
        if self._holding:
            self._pending = True
            return
        self.update()

    def _relabel(self) -> None:
        lang = self.lang
        self._holding += 1  # relabelling option lists must not trigger recomputes
        try:
            self._relabel_widgets(lang)
        finally:
            self._holding -= 1
            self._pending = False

    def _relabel_widgets(self, lang: str) -> None:
        self._title_html.value = (
            f"<h3 style='margin:0 0 6px 0'>{html.escape(label(self._title, lang))}</h3>"
            if self._title
            else ""
        )
        self._save_button.description = t("widgets.save", lang)
        self._save_button.tooltip = t("widgets.save_tooltip", lang)
        self._reset_button.description = t("widgets.reset", lang)
        self._reset_button.tooltip = t("widgets.reset_tooltip", lang)
        self._lang_toggle.description = t("widgets.language", lang)
        for c in self.controls:
            c.relabel(lang)

    def _redraw(self, compute_seconds: float) -> None:
        t0 = time.perf_counter()
        content = self._render(self.result, self.saved_result, self.lang)
        for name, item in content.items():
            self._put(name, item)
        for name, box in self.sections.items():
            box.layout.display = None if name in content else "none"
        self._arrange()
        self.timing = Timing(compute_seconds, time.perf_counter() - t0)
        n = len(self.unsaved())
        self._status.value = (
            t("widgets.unsaved", self.lang, n=n) if n else t("widgets.all_saved", self.lang)
        )
        self._timing_html.value = (
            "<small>"
            + t(
                "widgets.timing",
                self.lang,
                total=fmt_num(self.timing.total, self.lang, 2),
                compute=fmt_num(self.timing.compute, self.lang, 2),
                draw=fmt_num(self.timing.draw, self.lang, 2),
            )
            + "</small>"
        )

    def _put(self, name: str, item: Rendered) -> None:
        w = _w()
        if isinstance(item, w.Widget):
            self.sections[name] = item
            return
        if hasattr(item, "savefig") or isinstance(item, bytes):  # Figure or PNG bytes
            png = item if isinstance(item, bytes) else _figure_png(item)
            box = self.sections.get(name)
            if not isinstance(box, w.Image):
                box = w.Image(format="png", layout=w.Layout(max_width="100%", height="auto"))
                self.sections[name] = box
            box.value = png
            return
        if isinstance(item, pd.DataFrame):
            item = item.to_html(index=False, border=0, classes="kam-table")
        box = self.sections.get(name)
        if not isinstance(box, w.HTML):
            box = w.HTML()
            self.sections[name] = box
        box.value = str(item)

    def _arrange(self) -> None:
        w = _w()
        rows = self._rows or [[n] for n in self.sections]
        placed = {n for r in rows for n in r}
        rows = rows + [[n] for n in self.sections if n not in placed]
        children = []
        for row in rows:
            boxes = [self.sections[n] for n in row if n in self.sections]
            if not boxes:
                continue
            children.append(
                boxes[0]
                if len(boxes) == 1
                else w.HBox(boxes, layout=w.Layout(flex_flow="row wrap", grid_gap="16px"))
            )
        if [id(c) for c in self._output.children] != [id(c) for c in children]:
            self._output.children = children

    def _show_message(self, text: str, kind: str = "info") -> None:
        self.message = text
        colours = {
            "info": "#1F4E79",
            "success": "#3B8B5A",
            "warning": "#B26B00",
            "error": "#C73E1D",
        }
        self._message_html.value = (
            f"<div style='white-space:pre-wrap;color:{colours[kind]};font-size:90%'>"
            f"{html.escape(text)}</div>"
            if text
            else ""
        )


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
            (fmt_money(r.revenue, lang), True),
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


__all__ = [
    "ChartCache",
    "Choice",
    "Control",
    "Heading",
    "RangePair",
    "SettingsPanel",
    "Slider",
    "Timing",
    "ValueGroup",
    "WeightGroup",
    "changed_zones",
    "portfolio_controls",
    "portfolio_panel",
    "portfolio_sections",
]
