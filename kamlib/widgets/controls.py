"""Controls of a settings panel, each bound to a dotted client.yaml path."""

from __future__ import annotations

import html
import math
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from kamlib.config import normalise_weights
from kamlib.i18n import fmt_pct, t

if TYPE_CHECKING:  # ipywidgets is imported lazily: the render path never loads it
    import ipywidgets


#: width of the control column (px); charts take the rest of the screen
CONTROL_WIDTH = "445px"


def _w():
    import ipywidgets

    return ipywidgets


def label(key: str, lang: str, fallback: str | None = None) -> str:
    """Text for message ``key``; a readable fallback when the key is unknown.

    Control labels may point at another module's messages (criterion names);
    a missing translation must not break a live workshop.
    """
    try:
        return t(key, lang)
    except KeyError:
        pass
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
