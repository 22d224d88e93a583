"""German/English labels and number, currency, percent and date formatting.

All user-facing text lives in :mod:`kamlib.messages` (one module per topic,
each a ``MESSAGES = {key: {"de": ..., "en": ...}}`` mapping); :func:`t` looks
keys up across all of them. Number formatting uses Babel's CLDR locale data:

>>> fmt_money(1234567, "de")
'1.234.567\\xa0€'
>>> fmt_money(1234567, "en")
'€1,234,567'
>>> fmt_pct(0.125, "de"), fmt_pct(0.125, "en")
('12,5\\xa0%', '12.5%')
"""

from __future__ import annotations

import datetime as dt
import math
from functools import cache
from typing import Any

import pandas as pd
from babel import Locale
from babel.dates import format_date
from babel.numbers import format_currency, format_decimal, format_percent

from kamlib.messages import ALL_MESSAGES

LANGUAGES = ("de", "en")
#: en uses en_US CLDR data ("Sep", not en_GB "Sept"); dates keep the day-first pattern
_LOCALES = {"de": "de_DE", "en": "en_US"}
#: shown for missing values (NaN/None) in tables and text
MISSING = "–"


def _locale(lang: str) -> str:
    try:
        return _LOCALES[lang]
    except KeyError:
        raise ValueError(
            f"unsupported language {lang!r}; use one of {', '.join(LANGUAGES)}"
        ) from None


def _is_missing(value: Any) -> bool:
    return value is None or (isinstance(value, float) and math.isnan(value)) or value is pd.NA


@cache
def _currency_pattern(lang: str, decimals: int) -> str:
    pattern = Locale.parse(_locale(lang)).currency_formats["standard"].pattern
    pattern = pattern.split(";")[0]
    frac = "." + "0" * decimals if decimals else ""
    return pattern.replace(".00", frac)


def fmt_money(value: Any, lang: str, currency: str = "EUR", decimals: int = 0) -> str:
    """Format an amount of money: de ``1.234,56 €``, en ``€1,234.56``."""
    if _is_missing(value):
        return MISSING
    return format_currency(
        float(value),
        currency,
        format=_currency_pattern(lang, decimals),
        locale=_locale(lang),
        currency_digits=False,
    )


def fmt_money_short(value: Any, lang: str, currency: str = "EUR") -> str:
    """Compact money for chart labels: ``1,2 Mio. €`` / ``€1.2m``, ``350 T€`` / ``€350k``."""
    if _is_missing(value):
        return MISSING
    v = float(value)
    if abs(v) >= 1e6:
        num = fmt_num(v / 1e6, lang, 1)
        return f"{num} Mio. €" if lang == "de" else f"€{num}m"
    if abs(v) >= 1e3:
        num = fmt_num(v / 1e3, lang, 0)
        return f"{num} T€" if lang == "de" else f"€{num}k"
    return fmt_money(v, lang)


def fmt_num(value: Any, lang: str, decimals: int = 0) -> str:
    """Format a number with grouping: de ``1.234,5``, en ``1,234.5``."""
    if _is_missing(value):
        return MISSING
    fmt = "#,##0" + ("." + "0" * decimals if decimals else "")
    return format_decimal(float(value), format=fmt, locale=_locale(lang))


def fmt_int(value: Any, lang: str) -> str:
    """Format a count: de ``1.234``, en ``1,234``."""
    return fmt_num(value, lang, 0)


def fmt_pct(fraction: Any, lang: str, decimals: int = 1) -> str:
    """Format a share given as a fraction 0-1: de ``12,5 %``, en ``12.5%``."""
    if _is_missing(fraction):
        return MISSING
    pattern = Locale.parse(_locale(lang)).percent_formats[None].pattern.split(";")[0]
    frac = "." + "0" * decimals if decimals else ""
    pattern = pattern.replace("0%", "0" + frac + "%").replace("0\xa0%", "0" + frac + "\xa0%")
    return format_percent(float(fraction), format=pattern, locale=_locale(lang))


def fmt_date(value: Any, lang: str) -> str:
    """Format a date: de ``30.06.2026``, en ``30 Jun 2026``."""
    if _is_missing(value) or value is pd.NaT:
        return MISSING
    if isinstance(value, pd.Timestamp):
        value = value.date()
    elif isinstance(value, str):
        value = dt.date.fromisoformat(value)
    fmt = "dd.MM.yyyy" if lang == "de" else "d MMM yyyy"
    return format_date(value, format=fmt, locale=_locale(lang))


def fmt_month(value: Any, lang: str) -> str:
    """Format a month: de ``Jun. 2026``, en ``Jun 2026``."""
    if _is_missing(value):
        return MISSING
    if isinstance(value, pd.Period):
        value = value.to_timestamp().date()
    elif isinstance(value, pd.Timestamp):
        value = value.date()
    return format_date(value, format="MMM yyyy", locale=_locale(lang))


def fmt_period(start: Any, end: Any, lang: str) -> str:
    """Format a date range: ``01.07.2025 – 30.06.2026``."""
    return f"{fmt_date(start, lang)} – {fmt_date(end, lang)}"


def t(key: str, lang: str, **kwargs: Any) -> str:
    """Return the text for ``key`` in ``lang``, with ``{placeholders}`` filled.

    Raises ``KeyError`` for unknown keys so missing translations fail tests.
    When a count ``n=1`` is passed and ``<key>.one`` exists, that singular text
    is used (``"1 Zeile"`` instead of ``"1 Zeilen"``).
    """
    _locale(lang)
    # singular: a count n of exactly 1 (number or formatted text) picks "<key>.one" if defined
    if "n" in kwargs and str(kwargs["n"]).strip() in ("1", "1.0") and f"{key}.one" in ALL_MESSAGES:
        key = f"{key}.one"
    try:
        text = ALL_MESSAGES[key][lang]
    except KeyError:
        raise KeyError(f"no {lang!r} text for message key {key!r}") from None
    return text.format(**kwargs) if kwargs else text


class Formatter:
    """Formatting bound to one language and currency, for notebooks and charts.

    ``f = Formatter("de"); f.money(1234.5)`` -> ``'1.235 €'``.
    """

    def __init__(self, lang: str, currency: str = "EUR"):
        _locale(lang)
        self.lang = lang
        self.currency = currency

    def money(self, value: Any, decimals: int = 0) -> str:
        return fmt_money(value, self.lang, self.currency, decimals)

    def money_short(self, value: Any) -> str:
        return fmt_money_short(value, self.lang, self.currency)

    def num(self, value: Any, decimals: int = 0) -> str:
        return fmt_num(value, self.lang, decimals)

    def int(self, value: Any) -> str:
        return fmt_int(value, self.lang)

    def pct(self, fraction: Any, decimals: int = 1) -> str:
        return fmt_pct(fraction, self.lang, decimals)

    def date(self, value: Any) -> str:
        return fmt_date(value, self.lang)

    def month(self, value: Any) -> str:
        return fmt_month(value, self.lang)

    def period(self, start: Any, end: Any) -> str:
        return fmt_period(start, end, self.lang)

    def t(self, key: str, **kwargs: Any) -> str:
        return t(key, self.lang, **kwargs)
