"""Vectorised conversion of text columns to typed columns.

Every function takes a string Series (missing = NaN) and returns
``(values, bad)`` where ``bad`` is a boolean mask of non-empty cells that could
not be converted (those become NaN/NaT/None). Nothing loops over rows in
Python except over *unique* values (dates, booleans), which keeps 1 million
invoice lines fast.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from kamlib.data.aliases import normalise_header

#: date formats tried in order (European day-first before US month-first)
DATE_FORMATS = (
    "%Y-%m-%d",
    "%d.%m.%Y",
    "%Y-%m-%d %H:%M:%S",
    "%d.%m.%Y %H:%M:%S",
    "%d.%m.%Y %H:%M",
    "%d.%m.%y",
    "%d/%m/%Y",
    "%m/%d/%Y",
    "%Y/%m/%d",
    "%d-%m-%Y",
    "%Y%m%d",
    "%Y-%m-%dT%H:%M:%S",
)
#: Excel serial day numbers accepted as dates (1955-01-01 .. 2099-12-31)
EXCEL_SERIAL_RANGE = (20090, 73050)
_EXCEL_EPOCH = pd.Timestamp("1899-12-30")

_TRUE = {"1", "true", "wahr", "ja", "j", "yes", "y", "x", "ka", "keyaccount", "t"}
_FALSE = {"0", "false", "falsch", "nein", "n", "no", "f", "-"}

# unambiguous decimal evidence: separator followed by 1-2 or 4+ digits at the end
_DE_EVIDENCE = r"\d,(?:\d{1,2}|\d{4,})-?$"
_EN_EVIDENCE = r"\d\.(?:\d{1,2}|\d{4,})-?$"


def text(s: pd.Series) -> tuple[pd.Series, pd.Series]:
    """Trimmed text; never bad."""
    return s.astype("str"), pd.Series(False, index=s.index)


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

    if isinstance(s.array, pd.arrays.ArrowStringArray):
        return pa.array(s.array)
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


def number(s: pd.Series, default_decimal: str = ".") -> tuple[pd.Series, pd.Series, str]:
    """Parse numbers like ``1.234,56``, ``1,234.56``, ``-12,5``, ``12,5-`` (SAP), ``(12.50)``, ``1 234 €``.

    The decimal separator is detected per column (:func:`detect_decimal`); a
    value written in the other convention (``12.50`` in a decimal-comma
    column) is reported as bad instead of being misread as 1250.
    Returns (float Series, bad mask, decimal separator used).
    """
    present = s.notna().to_numpy()
    decimal = detect_decimal(s, default_decimal)
    values, ok = _well_formed_to_float(_to_arrow(s), decimal)
    values = values.astype("float64", copy=True)
    failed = present & ~ok
    if failed.any():
        sub = s[failed]
        # currency signs, blanks, thousands apostrophes; trailing minus (SAP) and (negative)
        sub = sub.str.replace(r"[\s\u00a0'€$£]|EUR|eur", "", regex=True)
        neg = sub.str.endswith("-") | (sub.str.startswith("(") & sub.str.endswith(")"))
        sub = sub.str.strip("()").str.rstrip("-")
        sub = sub.where(~neg, "-" + sub)
        v2, ok2 = _well_formed_to_float(_to_arrow(sub), decimal)
        values[failed] = np.where(ok2, v2, np.nan)
    values[~np.isfinite(values)] = np.nan
    out = pd.Series(values, index=s.index, dtype="float64")
    bad = pd.Series(present & np.isnan(values), index=s.index)
    return out, bad, decimal


def integer(s: pd.Series, default_decimal: str = ".") -> tuple[pd.Series, pd.Series]:
    """Whole numbers (``3``, ``3,0``); fractions are bad. Returns nullable Int64."""
    values, bad, _ = number(s, default_decimal)
    frac = values.notna() & (values != values.round())
    values = values.where(~frac)
    return values.round().astype("Int64"), (bad | frac).astype(bool)


def _parse_unique_dates(uniq: np.ndarray) -> np.ndarray:
    res = pd.Series(pd.NaT, index=range(len(uniq)), dtype="datetime64[ns]")
    values = pd.Series(uniq, dtype="str")
    todo = np.ones(len(uniq), dtype=bool)
    for fmt in DATE_FORMATS:
        if not todo.any():
            break
        parsed = pd.to_datetime(values[todo], format=fmt, errors="coerce")
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


def _factorize(s: pd.Series) -> tuple[np.ndarray, np.ndarray]:
    """(codes with -1 for missing, unique values) via pyarrow's dictionary encoding."""
    import pyarrow.compute as pc

    enc = pc.dictionary_encode(_to_arrow(s))
    codes = pc.fill_null(enc.indices, -1).to_numpy(zero_copy_only=False).astype(np.int64)
    return codes, np.asarray(enc.dictionary.to_pylist(), dtype=object)


def date(s: pd.Series) -> tuple[pd.Series, pd.Series]:
    """Dates in ``31.12.2025``, ``2025-12-31``, ``31/12/2025``, ``20251231`` or Excel serial form.

    Parsed once per unique value (exports repeat a few hundred dates a
    million times). Times of day are dropped.
    """
    codes, uniq = _factorize(s)
    parsed = (
        _parse_unique_dates(np.asarray(uniq, dtype=object))
        if len(uniq)
        else np.empty(0, "datetime64[ns]")
    )
    parsed = pd.DatetimeIndex(parsed).normalize().to_numpy()
    out = np.full(len(s), np.datetime64("NaT"), dtype="datetime64[ns]")
    has = codes >= 0
    out[has] = parsed[codes[has]]
    result = pd.Series(out, index=s.index, dtype="datetime64[ns]")
    bad = s.notna() & result.isna()
    return result, bad.astype(bool)


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
