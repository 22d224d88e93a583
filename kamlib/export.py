"""``kam export``: a module's customer-level result as Excel or CSV.

Export contract (DESIGN.md): stable English column names, one row per master
customer (customers without revenue included), sorted by revenue descending
then customer_id, shares as fractions 0-1; CSV is UTF-8 with commas.

- :func:`export_frame` (pure) selects and orders the columns of a module's
  export spec (``Module.export`` in :mod:`kamlib.modules`: columns and their
  kinds, sort keys, label keys), e.g. the portfolio's fixed columns plus one
  ``crit_<criterion>`` column per criterion used.
- :func:`write_export` writes ``.csv`` or a formatted ``.xlsx``: headers,
  yes/no and category values (zones, customer types) in ``lang``, bold
  coloured header, number formats, autofilter, frozen header row, a second
  sheet with labels and descriptions of every column in ``lang`` and a third
  with the export's context (client, as_of, window). Every text cell is
  written as a string cell, so client data such as ``=HYPERLINK(...)`` or
  ``+49 …`` is never interpreted as a formula (formula-injection safe). The
  CSV keeps values unchanged (it is a machine interface).
- :func:`run_export` is what the CLI calls: load, analyse, write, friendly
  messages, exit code 0 / 1 (data or write error) / 2 (usage).
"""

from __future__ import annotations

import math
import sys
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from kamlib.as_of import as_of_outside_data, parse_as_of
from kamlib.atomic import atomic_write_with
from kamlib.i18n import LANGUAGES, console_lang, t
from kamlib.modules import ExportSpec, Module, exportable, get_module, resolve

#: text columns holding client data, never looked up as category codes
_FREE_TEXT = frozenset({"customer_id", "customer_name", "industry", "region", "account_manager"})

_NUMBER_FORMATS = {
    "money": "#,##0.00",
    "share": "0.0%",
    "score": "0.0",
    "ratio": "0.000",
    "int": "0",
    "date": "yyyy-mm-dd",
}


def export_frame(module: Module, result: Any) -> pd.DataFrame:
    """Customer-level export table of an analysis ``result`` of ``module`` (pure).

    One row per customer, sorted by the spec's sort keys (stable); columns are
    the spec's columns in order (an ``optional`` one only when the result has
    it), followed by the result's ``extra_prefix`` columns. ``bool`` columns
    are written as booleans, ``int`` columns as nullable integers, the id as
    text. Context for the Excel info sheet is kept in ``df.attrs["info"]``.
    """
    spec = _spec(module)
    src, info = resolve(spec.table)(result)
    cols = [c for c in spec.columns if c in src or c not in spec.optional]
    extra = [c for c in src.columns if spec.extra_prefix and c.startswith(spec.extra_prefix)]
    # sorted on the result's table: a sort key need not be an export column
    keys, ascending = zip(*spec.sort, strict=True)
    src = src.sort_values(list(keys), ascending=list(ascending), kind="mergesort")
    df = pd.DataFrame(index=src.index)
    for c in cols:
        df[c] = src.get(c, np.nan)
    for c in extra:
        df[c] = src[c]
    df = df.reset_index(drop=True)
    if "customer_id" in df:  # a module's export may have other rows (touchpoints, goals)
        df["customer_id"] = df["customer_id"].astype(str)
    for c in cols:
        if spec.columns[c] == "bool":
            df[c] = df[c].astype(bool)
        elif spec.columns[c] == "int":
            df[c] = df[c].astype("Int64")
    df.attrs["info"] = dict(info)
    df.attrs["module"] = module.key
    zone_labels = getattr(getattr(result, "settings", None), "zone_labels", None)
    if zone_labels is not None:  # the client's names of the zones, as in its deliverables
        df.attrs["value_labels"] = {
            "zone": {lang: dict(getattr(zone_labels, lang)) for lang in LANGUAGES}
        }
    return df


def _spec(module: Module) -> ExportSpec:
    if module.export is None:
        raise ValueError(f"module {module.key!r} has no export")
    return module.export


def _label(column: str, lang: str, spec: ExportSpec) -> tuple[str, str]:
    """(label, description) of a column in ``lang``."""
    if spec.extra_prefix and column.startswith(spec.extra_prefix):
        name = column.removeprefix(spec.extra_prefix)
        key = spec.extra_prefix.rstrip("_")
        label = t(spec.label_key.format(column=key), lang)
        return f"{label}: {name}", t(spec.desc_key.format(column=key), lang)
    return t(spec.label_key.format(column=column), lang), t(
        spec.desc_key.format(column=column), lang
    )


def cell_label(column: str, value: object, lang: str, labels: dict[str, Any] | None = None) -> str:
    """The Excel text of a category code or yes/no value in ``lang``; unknown codes unchanged.

    ``labels`` are ``df.attrs["value_labels"]`` (``{column: {lang: {code: label}}}``, e.g. the
    client's zone names); then the catalogue's ``export.val.<column>.<code>``. Codes joined
    with ``;`` (customer types) are labelled one by one and joined with ``, ``.
    ``cell_label("is_key_account", True, "de")`` -> ``"ja"``.
    """
    if isinstance(value, bool | np.bool_):
        return t("export.val.yes" if value else "export.val.no", lang)
    text = str(value)
    own = ((labels or {}).get(column) or {}).get(str(lang)) or {}
    parts = []
    for code in text.split(";") if ";" in text else [text]:
        code = code.strip()
        if code in own:
            parts.append(own[code])
            continue
        try:
            parts.append(t(f"export.val.{column}.{code or 'unplaced'}", lang))
        except KeyError:
            parts.append(code)
    return ", ".join(parts) if ";" in text else parts[0]


def _is_missing(value: object) -> bool:
    return (
        value is None
        or value is pd.NA
        or value is pd.NaT
        or (isinstance(value, float) and math.isnan(value))
    )


def write_export(df: pd.DataFrame, path: Path | str, lang: str = "en") -> Path:
    """Write ``df`` to ``path`` (.csv: UTF-8, commas; .xlsx: formatted, injection-safe).

    ``df`` comes from :func:`export_frame`; the Excel labels and number
    formats follow the export spec of the module named in ``df.attrs["module"]``.

    Returns the path written. Raises ``ValueError`` for another suffix and
    ``OSError`` when the file cannot be written.
    """
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in (".csv", ".xlsx"):
        raise ValueError(t("export.msg.bad_suffix", lang, path=path))
    path.parent.mkdir(parents=True, exist_ok=True)
    if suffix == ".csv":
        atomic_write_with(
            path,
            lambda tmp: df.to_csv(tmp, index=False, encoding="utf-8", sep=",", lineterminator="\n"),
        )
    else:  # all or nothing: a full disk never leaves half a workbook
        module = get_module(df.attrs["module"])
        atomic_write_with(path, lambda tmp: _write_xlsx(df, tmp, lang, module))
    return path


def as_os_error(exc: Exception) -> OSError:
    """xlsxwriter wraps the disk's ``OSError`` (full, no permission) in its own exception."""
    cause = exc.args[0] if exc.args else None
    return cause if isinstance(cause, OSError) else OSError(str(exc))


def _write_xlsx(df: pd.DataFrame, path: Path, lang: str, module: Module) -> None:
    spec = _spec(module)
    import xlsxwriter

    # strings are never turned into formulas/URLs/numbers: client data stays text
    wb = xlsxwriter.Workbook(
        str(path),
        {"strings_to_formulas": False, "strings_to_urls": False, "strings_to_numbers": False},
    )
    try:
        header = wb.add_format(
            {"bold": True, "font_color": "#FFFFFF", "bg_color": "#1F3B57", "text_wrap": True,
             "valign": "top", "border": 1}
        )  # fmt: skip
        formats = {k: wb.add_format({"num_format": v}) for k, v in _NUMBER_FORMATS.items()}
        ws = wb.add_worksheet(spec.sheet_name(module, lang))
        columns = list(df.columns)
        value_labels = df.attrs.get("value_labels", {})
        for j, col in enumerate(columns):
            # a person reads the workbook: headers and category cells in ``lang``; the
            # stable column name (the CSV's) stays in the header's comment and sheet 2
            label, desc = _label(col, lang, spec)
            ws.write_string(0, j, label, header)
            ws.write_comment(0, j, f"{col}\n{desc}", {"x_scale": 2, "y_scale": 1.5})
            kind = spec.kind(col)
            fmt = formats.get(kind)
            values = df[col].tolist()
            if kind in ("bool", "text") and col not in _FREE_TEXT:
                values = [
                    v if _is_missing(v) else cell_label(col, v, lang, value_labels) for v in values
                ]
            width = max([len(label)] + [len(str(v)) for v in values[:200] if not _is_missing(v)])
            ws.set_column(j, j, min(max(width + 2, 10), 45), fmt)
            for i, v in enumerate(values, start=1):
                if _is_missing(v):
                    continue
                if kind in ("bool", "text"):
                    ws.write_string(i, j, str(v))
                elif kind == "date":
                    ws.write_datetime(i, j, pd.Timestamp(v).to_pydatetime(), fmt)
                else:
                    ws.write_number(i, j, float(v), fmt)
        ws.freeze_panes(1, 0)
        ws.autofilter(0, 0, len(df), max(len(columns) - 1, 0))
        ws.set_row(0, 30)

        cs = wb.add_worksheet(t("export.sheet.columns", lang))
        for j, key in enumerate(
            ("export.head.column", "export.head.label", "export.head.description")
        ):
            cs.write_string(0, j, t(key, lang), header)
        for i, col in enumerate(columns, start=1):
            label, desc = _label(col, lang, spec)
            cs.write_string(i, 0, col)
            cs.write_string(i, 1, label)
            cs.write_string(i, 2, desc)
        cs.set_column(0, 0, 24)
        cs.set_column(1, 1, 30)
        cs.set_column(2, 2, 100)
        cs.freeze_panes(1, 0)

        info = dict(df.attrs.get("info", {}))
        info["rows"] = str(len(df))
        isheet = wb.add_worksheet("Info")
        isheet.write_string(0, 0, t("export.head.info", lang), header)
        isheet.write_string(0, 1, t("export.head.value", lang), header)
        for i, key in enumerate(("client", "as_of", "window", "basis", "rows"), start=1):
            isheet.write_string(i, 0, t(f"export.info.{key}", lang))
            isheet.write_string(i, 1, str(info.get(key, "")))
        isheet.set_column(0, 0, 22)
        isheet.set_column(1, 1, 50)
    finally:
        from xlsxwriter.exceptions import FileCreateError

        try:
            wb.close()
        except FileCreateError as exc:
            raise as_os_error(exc) from None


def _say(message: str) -> None:
    print(message, file=sys.stderr)


def run_export(
    client_dir: Path | str,
    module: str,
    out: Path | str,
    lang: str | None = None,
    as_of: str | None = None,
) -> int:
    """Load ``client_dir``, analyse ``module`` and write its export to ``out``.

    Returns the CLI exit code: 0 done, 1 data error or file not writable,
    2 usage error (unknown module, bad date, language or suffix). Messages go
    to stderr in the console language (:func:`kamlib.i18n.console_lang`).
    """
    from kamlib.config import ConfigError
    from kamlib.data import load_client
    from kamlib.data.client import ClientDataError

    msg_lang = console_lang()
    out = Path(out)
    if module not in exportable():
        available = ", ".join(exportable())
        _say(t("export.msg.unknown_module", msg_lang, module=module, available=available))
        return 2
    if lang is not None and lang not in LANGUAGES:
        _say(t("export.msg.bad_lang", "en", value=lang))
        return 2
    if out.suffix.lower() not in (".xlsx", ".csv"):
        _say(t("export.msg.bad_suffix", msg_lang, path=out))
        return 2
    if as_of is not None:
        try:
            as_of = parse_as_of(as_of).isoformat()
        except ValueError:
            _say(t("export.msg.bad_as_of", msg_lang, value=as_of))
            return 2
    try:
        client = load_client(client_dir, as_of=as_of)
    except ClientDataError as exc:
        # first line is "<dir>: N data error(s)"; the rest lists file, row, column, hint
        details = str(exc).split("\n", 1)[-1]
        _say(t("export.msg.data_error", msg_lang, path=client_dir, details=details))
        return 1
    except ConfigError as exc:
        details = "\n".join(f"  - {key}: {msg}" for key, msg in exc.problems)
        _say(t("export.msg.data_error", msg_lang, path=exc.path, details=details))
        return 1
    except (OSError, ValueError) as exc:
        # unreadable files surfacing from the reader libraries
        _say(t("export.msg.data_error", msg_lang, path=client_dir, details=f"  - {exc}"))
        return 1
    lang = lang or client.config.language
    outside = as_of_outside_data(
        client.sales["date"], client.config.as_of, client.config.portfolio.window_months
    )
    if outside is not None:
        from kamlib.render.precheck import as_of_message

        _say(as_of_message(Path(client_dir).name, outside, lang))
        return 1
    entry = get_module(module)
    # a module's own table (e.g. touchpoints) absent or unusable: exit 1, nothing written
    missing = [n for n in entry.requires if getattr(client, n, None) is None]
    if missing:
        _say(t("render.missing_required", lang, client=Path(client_dir).name, module=module,
               tables=", ".join(missing), client_dir=client_dir))  # fmt: skip
        return 1
    df = export_frame(entry, entry.analyse(client))
    df.attrs["info"]["client"] = client.name
    try:
        write_export(df, out, lang)
    except OSError as exc:  # nothing was left behind: write_export is all or nothing
        _say(t("export.msg.write_error", msg_lang, path=out, reason=exc.strerror or exc))
        return 1
    _say(t(_spec(entry).written_key, msg_lang, rows=len(df), path=out))
    return 0
