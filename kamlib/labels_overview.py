"""Display labels of the overview module, shared by its narrative and its charts."""

from __future__ import annotations

import html

import pandas as pd

from kamlib.analysis.overview import OTHER, UNKNOWN, OverviewResult
from kamlib.i18n import Formatter
from kamlib.labels import shorten


def category_label(key: str, lang: str, escape: bool = True) -> str:
    """Display name of an industry/region key (``UNKNOWN``/``OTHER`` translated).

    HTML-escaped for running text; ``escape=False`` for tables, which escape
    their cells themselves. Very long keys are shortened (display only).
    """
    f = Formatter(lang)
    if key == UNKNOWN:
        return f.t("overview.unknown_category")
    if key == OTHER:
        return f.t("overview.other_category")
    label = shorten(key)
    return html.escape(label) if escape else label


def year_label(
    year: int, is_ytd: bool, period_end: pd.Timestamp, lang: str, short: bool = False
) -> str:
    """``2025`` or, for the as_of year, ``2026 (bis 30.06.2026)`` / ``2026 YTD`` (short)."""
    f = Formatter(lang)
    if not is_ytd:
        return str(year)
    if short:
        return f.t("overview.ytd_short", year=year)
    return f.t("overview.ytd_label", year=year, date=f.date(period_end))


def window_period(result: OverviewResult, lang: str) -> str:
    """The current window as ``Jul. 2025 – Jun. 2026``."""
    f = Formatter(lang)
    return f"{f.month(result.window_start)} – {f.month(result.window_end)}"
