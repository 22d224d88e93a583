"""German/English labels and number, currency, percent and date formatting.

All user-facing text lives in the YAML catalogues of :mod:`kamlib.messages`
(one file per topic and language); :func:`t` looks keys up, applies a firm's
or client's house wording (:mod:`kamlib.texts`) and picks plural forms with
Babel's CLDR plural rules. Number formatting uses Babel's CLDR locale data:

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
import os
import re
from functools import cache
from typing import Any

import pandas as pd
from babel import Locale
from babel.dates import format_date
from babel.numbers import format_currency, format_decimal, format_percent, get_currency_symbol

from kamlib.languages import LANGUAGES
from kamlib.messages import Entry, kit_entry
from kamlib.texts import firm_texts

#: en uses en_US CLDR data ("Sep", not en_GB "Sept"); dates keep the day-first pattern
_LOCALES = {"de": "de_DE", "en": "en_US"}
#: shown for missing values (NaN/None) in tables and text
MISSING = "–"
_LETTER_SYMBOL_BEFORE_DIGIT = re.compile(r"([A-Za-z])(\d)")


def _locale(lang: str) -> str:
    try:
        return _LOCALES[lang]
    except KeyError:
        raise ValueError(
            f"unsupported language {lang!r}; use one of {', '.join(LANGUAGES)}"
        ) from None


def console_lang() -> str:
    """Language of console messages, the one rule for every ``kam`` command.

    ``KAM_LANG`` (``de``/``en``) if set, else the system locale (``LC_ALL``,
    ``LC_MESSAGES``, ``LANG``: ``de_DE.UTF-8`` -> German), else English. The
    console speaks to the consultant; a deliverable's language is separate
    (``--lang``, else client.yaml's ``language``).
    """
    for var in ("KAM_LANG", "LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(var, "").strip()
        if value:
            return "de" if value.lower().startswith("de") else "en"
    return "en"


def _is_missing(value: Any) -> bool:
    return value is None or (isinstance(value, float) and math.isnan(value)) or value is pd.NA


@cache
def _currency_pattern(lang: str, decimals: int) -> str:
    pattern = Locale.parse(_locale(lang)).currency_formats["standard"].pattern
    pattern = pattern.split(";")[0]
    frac = "." + "0" * decimals if decimals else ""
    return pattern.replace(".00", frac)


def fmt_money(value: Any, lang: str, currency: str = "EUR", decimals: int = 0) -> str:
    """Format an amount of money: de ``1.234,56 €``, en ``€1,234.56``, ``CHF 1,234.56``."""
    if _is_missing(value):
        return MISSING
    text = format_currency(
        float(value),
        currency,
        format=_currency_pattern(lang, decimals),
        locale=_locale(lang),
        currency_digits=False,
    )
    # CLDR currency spacing: a symbol ending in a letter does not touch the digits
    return _LETTER_SYMBOL_BEFORE_DIGIT.sub("\\1\xa0\\2", text)


@cache
def currency_symbol(currency: str, lang: str) -> str:
    """CLDR symbol of ``currency`` in ``lang``: ``€``, ``$``, ``CHF``."""
    return get_currency_symbol(currency, locale=_locale(lang))


def fmt_money_short(value: Any, lang: str, currency: str = "EUR") -> str:
    """Compact money for chart labels and summaries, in ``currency``.

    de ``1,2 Mio. €``, ``350 T€`` (``350 Tsd. CHF`` for other currencies);
    en ``€1.2m``, ``€350k`` (``CHF 1.2m``: a letter symbol gets a space).
    """
    if _is_missing(value):
        return MISSING
    v = float(value)
    sym = currency_symbol(currency, lang)
    # by the rounded value: 999,600 is "1,0 Mio. €", never "1.000 T€"
    if abs(v) >= 999_500:
        num, de_unit, en_unit = fmt_num(v / 1e6, lang, 1), f"Mio. {sym}", "m"
    elif abs(v) >= 1e3:
        thousand = "T€" if sym == "€" else f"Tsd. {sym}"
        num, de_unit, en_unit = fmt_num(v / 1e3, lang, 0), thousand, "k"
    else:
        return fmt_money(v, lang, currency)
    if lang == "de":
        return f"{num} {de_unit}"
    sign, num = ("-", num[1:]) if num.startswith("-") else ("", num)
    gap = "\xa0" if sym[-1:].isalpha() else ""
    return f"{sign}{sym}{gap}{num}{en_unit}"


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


def _count(kwargs: dict[str, Any]) -> float | None:
    """The count a plural text depends on: ``count``, else ``n`` (a number or digits)."""
    n = kwargs.get("count", kwargs.get("n"))
    if isinstance(n, (int, float)) and not isinstance(n, bool):
        return n
    if isinstance(n, str) and n.strip().isdigit():
        return int(n.strip())
    return None


def entry(key: str, lang: str) -> Entry:
    """The text (or plural forms) for ``key``: client, then firm overrides, then the kit."""
    for layer in (getattr(lang, "texts", None), firm_texts()):
        if layer and key in layer.get(str(lang), {}):
            return layer[str(lang)][key]
    found = kit_entry(key, str(lang))
    if found is None:
        raise KeyError(f"no {lang!r} text for message key {key!r}")
    return found


def plural_form(count: float | None, lang: str) -> str:
    """CLDR plural category of ``count`` in ``lang`` (``one``/``other`` for de and en)."""
    if count is None:
        return "other"
    return _plural_rule(str(lang))(abs(count))


@cache
def _plural_rule(lang: str) -> Any:
    return Locale.parse(_locale(lang)).plural_form


def t(key: str, lang: str, **kwargs: Any) -> str:
    """Return the text for ``key`` in ``lang``, with ``{placeholders}`` filled.

    Raises ``KeyError`` for unknown keys so missing translations fail tests.
    A text with plural forms picks one with Babel's plural rules for the
    number in ``count=`` (``"1 Zeile"``, ``"2 Zeilen"``), else in ``n=``
    (a number, or digits as text: ``n=f.int(k)``); without either it uses
    ``other``. Like every keyword, ``count`` also fills ``{count}``.
    """
    _locale(lang)
    found = entry(key, lang)
    if isinstance(found, dict):
        form = plural_form(_count(kwargs), lang)
        found = found.get(form, found["other"])
    return found.format(**kwargs) if kwargs else found


class Formatter(str):
    """Formatting bound to one language, currency and set of house texts.

    ``f = Formatter("de", "CHF"); f.money(1234.5)`` -> ``'1.235 CHF'``.

    The notebook builds one with :meth:`for_client` and passes it to narrative,
    charts and report wherever a language is expected: a ``Formatter`` *is*
    the language code (a ``str``), so ``t(key, f)`` works, and
    ``Formatter(f)`` inside a function keeps the client's currency and texts.
    A plain ``"de"`` means euros and the kit's (and firm's) texts.
    """

    currency: str
    texts: dict[str, dict[str, Entry]]

    def __new__(
        cls,
        lang: str,
        currency: str | None = None,
        texts: dict[str, dict[str, Entry]] | None = None,
    ) -> Formatter:
        _locale(lang)
        self = super().__new__(cls, lang)
        base = lang if isinstance(lang, Formatter) else None
        self.currency = currency or (base.currency if base else "EUR")
        self.texts = texts if texts is not None else (base.texts if base else {})
        return self

    @classmethod
    def for_client(cls, client: Any, lang: str) -> Formatter:
        """The formatter of a deliverable: ``lang``, the client's currency and house texts."""
        from kamlib.texts import client_texts

        return cls(lang, client.config.currency, client_texts(client.client_dir))

    def in_language(self, lang: str) -> Formatter:
        """The same currency and house texts in another language (workshop toggle)."""
        return Formatter(str(lang), self.currency, self.texts)

    def __repr__(self) -> str:
        return f"Formatter({self.lang!r}, {self.currency!r})"

    @property
    def lang(self) -> str:
        """The language code as a plain ``str``."""
        return str.__str__(self)

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
        return t(key, self, **kwargs)
