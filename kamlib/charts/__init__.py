"""House style and chart functions (seaborn/matplotlib).

Every chart in every deliverable goes through :func:`use_house_style` and the
helpers here: one palette, titles, labelled axes, thousands separators in the
deliverable's language. Chart functions take analysis results, never files,
and return the matplotlib ``Figure``.
"""

from kamlib.charts.style import (
    ACCENT,
    GREY,
    PALETTE,
    ZONE_COLORS,
    finish,
    money_axis,
    new_figure,
    percent_axis,
    use_house_style,
)

__all__ = [
    "ACCENT",
    "GREY",
    "PALETTE",
    "ZONE_COLORS",
    "finish",
    "money_axis",
    "new_figure",
    "percent_axis",
    "use_house_style",
]
