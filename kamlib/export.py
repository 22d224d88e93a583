"""``kam export``: a module's customer-level result as Excel or CSV.

Export contract (DESIGN.md): stable English column names, one row per master
customer (customers without revenue included), sorted by revenue descending
then customer_id, shares as fractions 0-1; CSV is UTF-8 with commas.

- :func:`portfolio_export_frame` (pure) selects and orders the columns of
  :data:`PORTFOLIO_COLUMNS` (plus one ``crit_<criterion>`` column per
  criterion used, after them).
- :func:`write_export` writes ``.csv`` or a formatted ``.xlsx``: bold
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

import numpy as np
import pandas as pd

from kamlib.i18n import LANGUAGES, console_lang, t

#: stable export columns in order, with their kind (drives the Excel number format)
PORTFOLIO_COLUMNS: dict[str, str] = {
    "customer_id": "text",
    "customer_name": "text",
    "industry": "text",
    "region": "text",
    "account_manager": "text",
    "revenue": "money",
    "contribution_margin": "money",
    "margin_ratio": "share",
    "revenue_share": "share",
    "cumulative_share": "share",
    "abc_class": "text",
    "xyz_class": "text",
    "cv": "ratio",
    "cv_months": "int",
    "order_month_share": "share",
    "potential": "money",
    "share_of_wallet": "share",
    "wallet_gap": "money",
    "growth": "share",
    "potential_score": "score",
    "attractiveness_score": "score",
    "zone": "text",
    "rated": "bool",
    "placement": "text",
    "ka_score": "score",
    "ka_rank": "int",
    "is_key_account": "bool",
    "ka_recommended": "bool",
    "customer_type": "text",
}

#: modules with an export
EXPORTS = ("portfolio",)

_NUMBER_FORMATS = {
    "money": "#,##0.00",
    "share": "0.0%",
    "score": "0.0",
    "ratio": "0.000",
    "int": "0",
}


def column_kind(column: str) -> str:
    """Kind of an export column: text, money, share, score, ratio, int or bool."""
    if column.startswith("crit_"):
        return "score"
    return PORTFOLIO_COLUMNS.get(column, "text")


def portfolio_export_frame(result) -> pd.DataFrame:
    """Customer-level export table of a ``PortfolioResult`` (pure).

    One row per master customer, sorted by revenue descending then
    customer_id; columns :data:`PORTFOLIO_COLUMNS` (``account_manager`` only
    when the master has it) followed by the ``crit_<criterion>`` columns.
    Context for the Excel info sheet is kept in ``df.attrs["info"]``.
    """
    src = result.customers
    cols = [c for c in PORTFOLIO_COLUMNS if c in src or c != "account_manager"]
    crit_cols = [c for c in src.columns if c.startswith("crit_")]
    df = pd.DataFrame(index=src.index)
    for c in cols:
        df[c] = src.get(c, np.nan)
    for c in crit_cols:
        df[c] = src[c]
    df = df.sort_values(["revenue", "customer_id"], ascending=[False, True], kind="mergesort")
    df = df.reset_index(drop=True)
    df["customer_id"] = df["customer_id"].astype(str)
    for c in ("rated", "is_key_account", "ka_recommended"):
        df[c] = df[c].astype(bool)
    df["ka_rank"] = df["ka_rank"].astype("Int64")
    df["cv_months"] = df["cv_months"].astype("Int64")
    df.attrs["info"] = {
        "as_of": result.as_of.date().isoformat(),
        "window": f"{result.window_start.date().isoformat()} – {result.window_end.date().isoformat()}",
        "basis": result.settings.abc.basis,
    }
    return df


def _label(column: str, lang: str) -> tuple[str, str]:
    """(label, description) of a column in ``lang``."""
    if column.startswith("crit_"):
        crit = column.removeprefix("crit_")
        return f"{t('export.col.crit', lang)}: {crit}", t("export.desc.crit", lang)
    return t(f"export.col.{column}", lang), t(f"export.desc.{column}", lang)


def _is_missing(value: object) -> bool:
    return (
        value is None
        or value is pd.NA
        or value is pd.NaT
        or (isinstance(value, float) and math.isnan(value))
    )


def write_export(df: pd.DataFrame, path: Path | str, lang: str = "en") -> Path:
    """Write ``df`` to ``path`` (.csv: UTF-8, commas; .xlsx: formatted, injection-safe).

    Returns the path written. Raises ``ValueError`` for another suffix and
    ``OSError`` when the file cannot be written.
    """
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix == ".csv":
        path.parent.mkdir(parents=True, exist_ok=True)
        df.to_csv(path, index=False, encoding="utf-8", sep=",", lineterminator="\n")
        return path
    if suffix != ".xlsx":
        raise ValueError(t("export.msg.bad_suffix", lang, path=path))
    path.parent.mkdir(parents=True, exist_ok=True)
    _write_xlsx(df, path, lang)
    return path


def _write_xlsx(df: pd.DataFrame, path: Path, lang: str) -> None:
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
        ws = wb.add_worksheet(t("export.sheet.data", lang))
        columns = list(df.columns)
        for j, col in enumerate(columns):
            ws.write_string(0, j, col, header)
            label, desc = _label(col, lang)
            ws.write_comment(0, j, f"{label}\n{desc}", {"x_scale": 2, "y_scale": 1.5})
            kind = column_kind(col)
            fmt = formats.get(kind)
            values = df[col].tolist()
            width = max([len(col)] + [len(str(v)) for v in values[:200] if not _is_missing(v)])
            ws.set_column(j, j, min(max(width + 2, 10), 45), fmt)
            for i, v in enumerate(values, start=1):
                if _is_missing(v):
                    continue
                if kind == "bool":
                    ws.write_boolean(i, j, bool(v))
                elif kind == "text":
                    ws.write_string(i, j, str(v))
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
            label, desc = _label(col, lang)
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
        wb.close()


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
    if module not in EXPORTS:
        _say(t("export.msg.unknown_module", msg_lang, module=module, available=", ".join(EXPORTS)))
        return 2
    if lang is not None and lang not in LANGUAGES:
        _say(t("export.msg.bad_lang", "en", value=lang))
        return 2
    if out.suffix.lower() not in (".xlsx", ".csv"):
        _say(t("export.msg.bad_suffix", msg_lang, path=out))
        return 2
    if as_of is not None:
        try:
            as_of = pd.Timestamp(as_of).date().isoformat()
        except (ValueError, TypeError):
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
    from kamlib.analysis.portfolio import analyse

    result = analyse(client)
    df = portfolio_export_frame(result)
    df.attrs["info"]["client"] = client.name
    try:
        write_export(df, out, lang)
    except OSError as exc:
        _say(t("export.msg.write_error", msg_lang, path=out, reason=exc.strerror or exc))
        return 1
    _say(t("export.msg.written", msg_lang, rows=len(df), path=out))
    return 0
