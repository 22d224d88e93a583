"""Vectorised conversion of text columns to typed columns.

Every function takes a string Series (missing = NaN) and returns
``(values, bad)`` where ``bad`` is a boolean mask of non-empty cells that could
not be converted (those become NaN/NaT/None). Nothing loops over rows in
Python except over *unique* values (dates, booleans), which keeps 1 million
invoice lines fast.
"""

from __future__ import annotations

import re
from contextlib import suppress
from dataclasses import dataclass, field
from functools import cache

import numpy as np
import pandas as pd

from kamlib.data.aliases import normalise_header

#: unambiguous date formats: ISO (year first), dotted (always day first), compact ISO
DATE_FORMATS = (
    "%Y-%m-%d",
    "%d.%m.%Y",
    "%Y-%m-%d %H:%M:%S",
    "%d.%m.%Y %H:%M:%S",
    "%d.%m.%Y %H:%M",
    "%d.%m.%y",
    "%Y/%m/%d",
    "%Y%m%d",
    "%Y-%m-%dT%H:%M:%S",
)
#: slash or dash dates with day and month in unknown order (``12/31/2025``, ``31-12-25``)
_DAY_MONTH = re.compile(
    r"^(\d{1,2})([/-])(\d{1,2})\2(\d{4}|\d{2})(?:[ T]\d{1,2}:\d{2}(?::\d{2})?)?$"
)
#: amounts above this (absolute, per line) are refused as implausible
MAX_MAGNITUDE = 1e12
#: currency signs recognised in amount cells
_CURRENCY_SIGNS = "€$£¥₣₹₽₺₩₪₫₱₦฿₴₸"
#: extra spellings of a currency beyond its ISO code and CLDR symbols
_EXTRA_TOKENS = {"EUR": ("Euro", "EURO"), "CHF": ("Fr.", "SFr.", "sFr.")}
#: Excel serial day numbers accepted as dates (1955-01-01 .. 2099-12-31)
EXCEL_SERIAL_RANGE = (20090, 73050)
_EXCEL_EPOCH = pd.Timestamp("1899-12-30")

_TRUE = {"1", "true", "wahr", "ja", "j", "yes", "y", "x", "ka", "keyaccount", "t"}
_FALSE = {"0", "false", "falsch", "nein", "n", "no", "f", "-"}

# unambiguous decimal evidence: separator followed by 1-2 or 4+ digits at the end
_DE_EVIDENCE = r"\d,(?:\d{1,2}|\d{4,})-?$"
_EN_EVIDENCE = r"\d\.(?:\d{1,2}|\d{4,})-?$"


def text(s: pd.Series) -> tuple[pd.Series, pd.Series]:
    """Trimmed text; never bad. A categorical column comes back as plain strings."""
    if isinstance(s.dtype, pd.CategoricalDtype):
        import pyarrow as pa
        import pyarrow.compute as pc

        codes = s.cat.codes.to_numpy()
        values = pc.take(_to_arrow(pd.Series(s.cat.categories)), pa.array(codes, mask=codes < 0))
        out = pd.Series(pd.arrays.ArrowStringArray(values), index=s.index, dtype="str")
        return out, pd.Series(False, index=s.index)
    return s.astype("str"), pd.Series(False, index=s.index)


def categorical_text(s: pd.Series) -> pd.Series:
    """The texts of ``s`` as a categorical whose categories are sorted like the texts.

    Sorting the categories keeps ``sort_values`` and group order as for plain strings;
    categories no cell uses are left out.
    """
    codes, uniq = _factorize(s)
    uniq = np.asarray(uniq, dtype=object)
    order = np.argsort(uniq.astype(str), kind="stable") if len(uniq) else np.empty(0, int)
    rank = np.empty(len(order), dtype=np.int64)
    rank[order] = np.arange(len(order))
    new = np.full(len(codes), -1, dtype=np.int64)
    has = codes >= 0
    new[has] = rank[codes[has]]
    cats = pd.Index(uniq[order], dtype="str")
    return pd.Series(pd.Categorical.from_codes(new, categories=cats), index=s.index)


def detect_decimal(s: pd.Series, default: str) -> str:
    """``","`` or ``"."``: which decimal separator the column uses.

    Counts values that can only be read one way (``12,5`` / ``1.234,56`` vs
    ``12.5`` / ``1,234.56``) in a sample; ties fall back to ``default``
    (``","`` for semicolon files from German Excel).
    """
    sample = s.dropna()
    if len(sample) > 20000:
        sample = sample.iloc[:20000]
    if sample.empty:
        return default
    de = int(sample.str.contains(_DE_EVIDENCE, regex=True).sum())
    en = int(sample.str.contains(_EN_EVIDENCE, regex=True).sum())
    if de == en:
        return default
    return "," if de > en else "."


# a well-formed number in each convention (thousands groups optional)
_NUM_DE = r"^[+-]?(\d{1,3}(\.\d{3})+|\d+)(,\d+)?$"
_NUM_EN = r"^[+-]?(\d{1,3}(,\d{3})+|\d+)(\.\d+)?([eE][+-]?\d+)?$"


def _to_arrow(s: pd.Series):
    """The column as a pyarrow string array (zero-copy for pyarrow-backed strings)."""
    import pyarrow as pa
    import pyarrow.compute as pc

    if isinstance(s.array, pd.arrays.ArrowStringArray):
        return pa.array(s.array)
    if isinstance(s.dtype, pd.CategoricalDtype):
        codes = s.cat.codes.to_numpy()
        cats = _to_arrow(pd.Series(s.cat.categories))
        return pc.take(cats, pa.array(codes, mask=codes < 0))
    return pa.array(np.asarray(s, dtype=object), type=pa.string(), from_pandas=True)


def _well_formed_to_float(arr, decimal: str):
    """(float ndarray with NaN, well-formed mask) using pyarrow kernels only."""
    import pyarrow as pa
    import pyarrow.compute as pc

    ok = pc.match_substring_regex(arr, _NUM_DE if decimal == "," else _NUM_EN)
    if decimal == ",":
        clean = pc.replace_substring(pc.replace_substring(arr, ".", ""), ",", ".")
    else:
        clean = pc.replace_substring(arr, ",", "")
    clean = pc.if_else(ok, clean, pa.scalar(None, pa.string()))
    values = pc.cast(clean, pa.float64()).to_numpy(zero_copy_only=False)
    return values, pc.fill_null(ok, False).to_numpy(zero_copy_only=False)


@cache
def currency_tokens(currency: str) -> tuple[str, ...]:
    """How amounts in ``currency`` may be marked: ISO code and CLDR symbols (longest first)."""
    from babel.numbers import get_currency_symbol

    code = currency.upper()
    tokens = {code, *_EXTRA_TOKENS.get(code, ())}
    for loc in ("de_DE", "en_US", "de_CH", "en_GB"):
        with suppress(Exception):  # unknown code: the code itself stays
            tokens.add(get_currency_symbol(code, loc))
    return tuple(sorted(tokens, key=len, reverse=True))


@cache
def _own_currency_re(currency: str) -> str:
    own = "|".join(re.escape(t) for t in currency_tokens(currency))
    return rf"[\s\u00a0']|(?i:{own})"


@cache
def _iso_codes() -> frozenset[str]:
    from babel.numbers import list_currencies

    return frozenset(list_currencies())


def foreign_currency(s: pd.Series, currency: str) -> pd.Series:
    """Per cell the currency sign or code other than ``currency`` found in it, else NaN.

    ``$ 12.50`` or ``12,50 GBP`` in a EUR client's amount column are not the
    client's money; they must not be summed as if they were.
    """
    found = pd.Series(np.nan, index=s.index, dtype=object)
    present = s.notna()
    if not present.any():
        return found
    sub = s[present]
    cand = sub.str.contains(rf"[{_CURRENCY_SIGNS}]|[A-Za-z]{{3}}", regex=True)
    if not cand.any():
        return found
    own = "|".join(re.escape(t) for t in currency_tokens(currency))
    rest = sub[cand].str.replace(rf"(?i:{own})", " ", regex=True)
    sign = rest.str.extract(rf"([{_CURRENCY_SIGNS}])", expand=False)
    code = rest.str.extract(r"(?<![A-Za-z])([A-Za-z]{3})(?![A-Za-z])", expand=False).str.upper()
    code = code.where(code.isin(_iso_codes()))
    found.loc[rest.index] = sign.fillna(code)
    return found


def number(
    s: pd.Series, default_decimal: str = ".", currency: str = "EUR"
) -> tuple[pd.Series, pd.Series, str]:
    """Parse numbers like ``1.234,56``, ``1,234.56``, ``-12,5``, ``12,5-`` (SAP), ``(12.50)``, ``1 234 €``.

    The decimal separator is detected per column (:func:`detect_decimal`); a
    value written in the other convention (``12.50`` in a decimal-comma
    column) is reported as bad instead of being misread as 1250. Only the
    client's own currency sign or code (``currency``) is stripped; another
    currency makes the value bad (see :func:`foreign_currency` for the reason).
    Overflowing values (``1e400``) are bad, without a RuntimeWarning.
    Returns (float Series, bad mask, decimal separator used).
    """
    decimal = detect_decimal(s, default_decimal)
    # each distinct text is parsed once (a categorical column has them at hand)
    codes, uniq = _factorize(s)
    values_u, bad_u = _numbers_of(pd.Series(uniq, dtype="str"), decimal, currency)
    has = codes >= 0
    values = np.full(len(s), np.nan, dtype="float64")
    values[has] = values_u[codes[has]]
    bad = np.zeros(len(s), dtype=bool)
    bad[has] = bad_u[codes[has]]
    return pd.Series(values, index=s.index, dtype="float64"), pd.Series(bad, index=s.index), decimal


def _numbers_of(s: pd.Series, decimal: str, currency: str) -> tuple[np.ndarray, np.ndarray]:
    """(floats, bad mask) of a column of texts (no missing values) with a known separator."""
    values, ok = _well_formed_to_float(_to_arrow(s), decimal)
    values = values.astype("float64", copy=True)
    failed = ~ok
    if failed.any():
        sub = s[failed]
        # currency signs, blanks, thousands apostrophes; trailing minus (SAP) and (negative)
        sub = sub.str.replace(_own_currency_re(currency), "", regex=True)
        neg = sub.str.endswith("-") | (sub.str.startswith("(") & sub.str.endswith(")"))
        sub = sub.str.strip("()").str.rstrip("-")
        sub = sub.where(~neg, "-" + sub)
        v2, ok2 = _well_formed_to_float(_to_arrow(sub), decimal)
        values[failed] = np.where(ok2, v2, np.nan)
    values[~np.isfinite(values)] = np.nan
    return values, np.isnan(values)


def integer(s: pd.Series, default_decimal: str = ".") -> tuple[pd.Series, pd.Series]:
    """Whole numbers (``3``, ``3,0``); fractions are bad. Returns nullable Int64."""
    values, bad, _ = number(s, default_decimal)
    huge = values.abs() > MAX_MAGNITUDE
    frac = values.notna() & (values != values.round())
    values = values.where(~frac & ~huge)
    return values.round().astype("Int64"), (bad | frac | huge).astype(bool)


def _factorize(s: pd.Series) -> tuple[np.ndarray, np.ndarray]:
    """(codes with -1 for missing, distinct values) of a text column.

    A categorical column gives its codes directly (categories no cell uses are
    dropped, so whole-column decisions see only the values present); any other
    column goes through pyarrow's dictionary encoding.
    """
    import pyarrow.compute as pc

    if isinstance(s.dtype, pd.CategoricalDtype):
        codes = s.cat.codes.to_numpy()
        uniq = np.asarray(s.cat.categories, dtype=object)
        used = np.bincount(codes[codes >= 0], minlength=len(uniq)) > 0
        if not used.all():
            remap = np.cumsum(used) - 1
            codes = np.where(codes >= 0, remap[np.maximum(codes, 0)], -1)
            uniq = uniq[used]
        return codes, uniq
    enc = pc.dictionary_encode(_to_arrow(s))
    codes = pc.fill_null(enc.indices, -1).to_numpy(zero_copy_only=False)
    return codes, np.asarray(enc.dictionary.to_pylist(), dtype=object)


def _parse_unique_dates(uniq: np.ndarray, fmt: str | None = None) -> np.ndarray:
    """Dates of the unambiguous forms (and ``fmt`` first, when given); NaT elsewhere."""
    res = pd.Series(pd.NaT, index=range(len(uniq)), dtype="datetime64[ns]")
    values = pd.Series(uniq, dtype="str")
    todo = np.ones(len(uniq), dtype=bool)
    for form in ((fmt,) if fmt else ()) + DATE_FORMATS:
        if not todo.any():
            break
        parsed = pd.to_datetime(values[todo], format=form, errors="coerce")
        ok = parsed.notna().to_numpy()
        idx = np.flatnonzero(todo)[ok]
        res.iloc[idx] = parsed[ok].astype("datetime64[ns]").to_numpy()
        todo[idx] = False
    if todo.any():
        nums = pd.to_numeric(values[todo].str.replace(",", ".", regex=False), errors="coerce")
        ok = nums.between(*EXCEL_SERIAL_RANGE).to_numpy()
        idx = np.flatnonzero(todo)[ok]
        res.iloc[idx] = (_EXCEL_EPOCH + pd.to_timedelta(nums[ok].to_numpy(), unit="D")).to_numpy()
    return res.to_numpy()


@dataclass
class DayMonth:
    """How the slash/dash dates of one column (``12/31/2025``) were decided."""

    #: "day_first", "month_first", "same" (day = month everywhere), "contradicts", "ambiguous"
    order: str = "same"
    #: up to three values that show the problem
    examples: list[str] = field(default_factory=list)
    separator: str = "/"
    four_digit_year: bool = True

    @property
    def undecided(self) -> bool:
        return self.order in ("contradicts", "ambiguous")

    def formats(self) -> tuple[str, str]:
        """(month-first, day-first) format strings a ``date_formats`` entry could use."""
        sep, year = self.separator, "%Y" if self.four_digit_year else "%y"
        return f"%m{sep}%d{sep}{year}", f"%d{sep}%m{sep}{year}"


def _day_month(uniq: np.ndarray) -> tuple[np.ndarray, np.ndarray, DayMonth]:
    """Decide the order of the slash/dash dates among ``uniq`` from all of them.

    A first part above 12 proves day-first, a second part above 12 proves
    month-first. Both proofs in one column contradict each other; no proof
    while day and month differ leaves the column ambiguous. Returns (mask of
    the day-month values, their dates (NaT when undecided), the decision).
    """
    parts = pd.Series(uniq, dtype="str").str.extract(_DAY_MONTH.pattern)
    mask = parts[0].notna().to_numpy()
    dates = np.full(len(uniq), np.datetime64("NaT"), dtype="datetime64[ns]")
    if not mask.any():
        return mask, dates, DayMonth()
    p = parts[mask]
    a, b = p[0].astype(int).to_numpy(), p[2].astype(int).to_numpy()
    year = p[3].astype(int).to_numpy()
    short = p[3].str.len().to_numpy() == 2
    year = np.where(short, np.where(year < 69, 2000 + year, 1900 + year), year)
    text = np.asarray(uniq, dtype=object)[mask]
    day_proof = (a > 12) & (b <= 12)
    month_proof = (b > 12) & (a <= 12)
    info = DayMonth(separator=str(p[1].iloc[0]), four_digit_year=not bool(short.all()))
    if day_proof.any() and month_proof.any():
        info.order = "contradicts"
        info.examples = [str(text[day_proof][0]), str(text[month_proof][0])]
        return mask, dates, info
    if day_proof.any():
        info.order, day, month = "day_first", a, b
    elif month_proof.any():
        info.order, day, month = "month_first", b, a
    elif (a == b).all():
        info.order, day, month = "same", a, b
    else:
        info.order = "ambiguous"
        info.examples = [str(v) for v in text[a != b][:3]]
        return mask, dates, info
    parsed = pd.to_datetime(
        pd.DataFrame({"year": year, "month": month, "day": day}), errors="coerce"
    )
    dates[mask] = parsed.to_numpy(dtype="datetime64[ns]")
    return mask, dates, info


@dataclass
class DateColumn:
    """Result of :func:`date_column`."""

    values: pd.Series
    #: non-empty cells that are no date at all
    bad: pd.Series
    #: slash/dash cells left empty because the column's day/month order is undecided
    undecided: pd.Series
    day_month: DayMonth


def date_column(s: pd.Series, fmt: str | None = None) -> DateColumn:
    """Dates of one column, never guessed.

    ISO (``2025-12-31``, ``20251231``), dotted (``31.12.2025``, ``01.02.25``,
    always day first) and Excel serials are unambiguous. Slash and dash
    day-month forms are decided for the whole column from all its values
    (:func:`_day_month`); an undecided column leaves them empty and says why.
    ``fmt`` (``date_formats`` in client.yaml) is tried first and settles the
    order. Parsed once per unique value; times of day are dropped.
    """
    codes, uniq = _factorize(s)
    uniq = np.asarray(uniq, dtype=object)
    info = DayMonth()
    if len(uniq):
        parsed = _parse_unique_dates(uniq, fmt)
        if not fmt:
            mask, dm_dates, info = _day_month(uniq)
            parsed = np.where(mask, dm_dates, parsed)
            undecided_u = mask & info.undecided
        else:
            undecided_u = np.zeros(len(uniq), dtype=bool)
        parsed = pd.DatetimeIndex(parsed).normalize().to_numpy()
    else:
        parsed = np.empty(0, "datetime64[ns]")
        undecided_u = np.zeros(0, dtype=bool)
    out = np.full(len(s), np.datetime64("NaT"), dtype="datetime64[ns]")
    undecided = np.zeros(len(s), dtype=bool)
    has = codes >= 0
    out[has] = parsed[codes[has]]
    undecided[has] = undecided_u[codes[has]]
    result = pd.Series(out, index=s.index, dtype="datetime64[ns]")
    undecided_s = pd.Series(undecided, index=s.index)
    bad = s.notna() & result.isna() & ~undecided_s
    return DateColumn(result, bad.astype(bool), undecided_s, info)


def date(s: pd.Series, fmt: str | None = None) -> tuple[pd.Series, pd.Series]:
    """Dates as in :func:`date_column`; undecided day-month cells count as bad."""
    got = date_column(s, fmt)
    return got.values, (got.bad | got.undecided).astype(bool)


def boolean(s: pd.Series) -> tuple[pd.Series, pd.Series]:
    """ja/nein, yes/no, x, 1/0, true/false, wahr/falsch; empty = False."""
    codes, uniq = _factorize(s)
    keys = [normalise_header(u) for u in uniq]
    mapped = np.array(
        [True if k in _TRUE else False if k in _FALSE else None for k in keys], dtype=object
    )
    bad_u = np.array([k not in _TRUE and k not in _FALSE for k in keys], dtype=bool)
    values = np.zeros(len(s), dtype=bool)
    bad = np.zeros(len(s), dtype=bool)
    has = codes >= 0
    values[has] = (
        np.array([bool(m) for m in mapped], dtype=bool)[codes[has]] if len(uniq) else False
    )
    bad[has] = bad_u[codes[has]]
    return pd.Series(values, index=s.index, dtype=bool), pd.Series(bad, index=s.index)


def category(
    s: pd.Series, allowed: tuple[str, ...], aliases: dict[str, str]
) -> tuple[pd.Series, pd.Series]:
    """Map spellings (German/English, any case) to the allowed canonical values."""
    lookup = {normalise_header(a): a for a in allowed} | aliases
    codes, uniq = _factorize(s)
    mapped = np.array([lookup.get(normalise_header(u)) for u in uniq], dtype=object)
    out = np.full(len(s), None, dtype=object)
    has = codes >= 0
    if len(uniq):
        out[has] = mapped[codes[has]]
    result = pd.Series(out, index=s.index, dtype="str")
    bad = s.notna() & result.isna()
    return result, bad.astype(bool)
