"""The validation pipeline: client folder -> typed tables + problem list.

:func:`collect` never raises for bad data; it returns whatever could be loaded
and every problem found. :func:`kamlib.data.load_client` decides what stops a
module. Row-level rules (documented for users in the README):

=================  ================================  ===============================
table              bad/missing value in a required   bad value in an optional column
                   column
=================  ================================  ===============================
customers, sales   error (the client cannot load)    warning, value left empty
optional tables    warning, row ignored              warning, value left empty
=================  ================================  ===============================

Out-of-range values (ratings 1-5, negative counts) and Excel error cells
(``#DIV/0!``) follow the same rule. A missing required column, an unreadable
file, a file resolving outside the client folder, both ``x.csv`` and
``x.xlsx`` present, a date column whose day/month order is undecided, an
amount in another currency or beyond 1e12 is an error: for customers/sales
the client cannot load, for an optional table the table is ``None`` and the
module that needs it is skipped.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import functools
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from kamlib.config import ClientConfig, ConfigError, known_rating_criteria, load_config
from kamlib.data import cache, parse
from kamlib.data.aliases import TABLE_ORDER, TABLES, normalise_header
from kamlib.data.problems import Problems, shorten, sort_problems
from kamlib.data.readers import EXCEL_ERRORS, TOTAL_LABELS, RawTable, UnreadableFile, read_raw
from kamlib.data.schemas import CATEGORY_COLUMNS, UNIQUE, dtype_of, schema_failures
from kamlib.data.tables import EXTENSIONS, outside_client, table_files

#: ids named in a summary problem row
MAX_IDS_NAMED = 5
#: internal column carrying the user-visible row number
ROW = "_row"
#: required columns whose empty cells are filled in (with a warning) instead of failing
SOFT_REQUIRED = {("customers", "name")}


@dataclass
class Collected:
    """Everything read from a client folder (tables typed, problems as rows)."""

    client_dir: Path
    config: ClientConfig | None
    tables: dict[str, pd.DataFrame | None]
    account_plans: dict[str, dict]
    problems: pd.DataFrame
    stats: dict[str, Any] = field(default_factory=dict)
    lang: str = "en"


# --------------------------------------------------------------------------- files


def _unused_files(client_dir: Path, p: Problems) -> None:
    known = {f"{t}{e}" for t in TABLE_ORDER for e in EXTENSIONS} | {"client.yaml", "client.yml"}
    for path in sorted(client_dir.iterdir()):
        name = path.name
        if name.startswith((".", "~$")) or path.is_dir() or name.lower() in known:
            continue
        if path.stem.lower() in TABLE_ORDER:
            p.add(
                "warning",
                name,
                p.t("data.wrong_extension", name=name),
                hint=p.t("data.wrong_extension_hint", table=path.stem.lower()),
            )
        elif path.stem.lower() != "logo":
            p.add("info", name, p.t("data.file_not_used"), hint=p.t("data.file_not_used_hint"))


def _config_lang(client_dir: Path) -> str:
    """Language for messages: client.yaml's ``language`` if it can be read at all."""
    try:
        from ruamel.yaml import YAML

        path = client_dir / "client.yaml"
        if outside_client(path, client_dir):
            return "de"
        data = YAML(typ="safe").load(path.read_text(encoding="utf-8-sig"))
        lang = data.get("language") if isinstance(data, dict) else None
        return lang if lang in ("de", "en") else "de"
    except Exception:
        return "de"


# --------------------------------------------------------------------------- per table


#: required columns that hold free text (a name), never a totals label on their own
FREE_TEXT_COLUMNS = frozenset({"name", "contact_name", "touchpoint"})


def _blank_and_total_rows(table: str, raw: RawTable, p: Problems) -> pd.DataFrame:
    """Frame with ``_row``; fully empty rows and totals rows ("Summe", "Total") removed."""
    frame = raw.frame.assign(**{ROW: raw.rows})
    raw.rows = raw.rows[:0].copy()  # the frame holds them now (5 million lines: 40 MB)
    cols = [c for c in frame.columns if c != ROW]
    empty = (
        np.logical_and.reduce([frame[c].isna().to_numpy() for c in cols])
        if cols
        else np.ones(len(frame), bool)
    )
    if empty.any():
        frame = frame.loc[~empty]
    spec = TABLES[table]
    req = [c for c in spec.required_columns if c in frame.columns]
    if req and len(frame):
        # a totals row lacks an id or carries the label in a key column; check only those rows.
        # Free-text columns do not count: a customer named "Total" with its own id is a customer.
        cand = pd.Series(
            np.logical_or.reduce([frame[c].isna().to_numpy() for c in req]), index=frame.index
        )
        for c in (c for c in req if c not in FREE_TEXT_COLUMNS):
            cand |= _per_value(frame[c], _looks_like_total)
        if cand.any():
            sub = frame.loc[cand, cols]
            is_total = sub.apply(
                lambda s: (
                    s.dropna()
                    .map(normalise_header)
                    .isin(TOTAL_LABELS)
                    .reindex(s.index, fill_value=False)
                )
            ).any(axis=1)
            if is_total.any():
                rows = frame.loc[is_total[is_total].index, ROW].to_numpy()
                for r in rows:
                    p.add(
                        "info",
                        raw.file,
                        p.t("data.total_row"),
                        row=int(r),
                        hint=p.t("data.total_row_hint"),
                    )
                frame = frame.drop(index=is_total[is_total].index)
    return frame


def _looks_like_total(values: pd.Series) -> np.ndarray:
    """Per text: a short totals label such as "Summe:" or "Total" (cheap pre-check)."""
    short = values.str.len().fillna(0).lt(14)
    return (short & values.str.lower().str.strip(" :").isin(TOTAL_LABELS)).to_numpy(dtype=bool)


def _per_value(s: pd.Series, test) -> pd.Series:  # noqa: ANN001 - a function of a text Series
    """``test`` (texts -> bool array) applied to each distinct value of ``s``; missing = False."""
    codes, uniq = parse._factorize(s)
    hit = np.zeros(len(s), dtype=bool)
    if len(uniq):
        per = test(pd.Series(uniq, dtype="str"))
        has = codes >= 0
        hit[has] = per[codes[has]]
    return pd.Series(hit, index=s.index)


def _template_rows(table: str, raw: RawTable, frame: pd.DataFrame, p: Problems) -> pd.DataFrame:
    """Drop the explanation and example rows of a ``kam new`` template (Excel only)."""
    if raw.kind != "excel" or frame.empty:
        return frame
    from kamlib.data.templates import example_cells, explanation_cells

    patterns = [
        ("data.template_help_row", explanation_cells(table, "de")),
        ("data.template_help_row", explanation_cells(table, "en")),
        ("data.template_example_row", example_cells(table, "de")),
        ("data.template_example_row", example_cells(table, "en")),
    ]
    drop = []
    for idx in frame.index[:3]:
        row = frame.loc[idx]
        cells = {c: row[c] for c in frame.columns if c != ROW and pd.notna(row[c])}
        if not cells:
            continue
        for key, pattern in patterns:
            if all(c in pattern and str(v) == pattern[c] for c, v in cells.items()):
                p.add(
                    "info",
                    raw.file,
                    p.t(key),
                    row=int(row[ROW]),
                    hint=p.t("data.template_row_hint"),
                )
                drop.append(idx)
                break
    return frame.drop(index=drop)


def _severity(table: str, required_column: bool) -> tuple[str, bool]:
    """(severity, drop the row) for a bad value, by the rules in the module docstring."""
    if required_column:
        return ("error" if TABLES[table].required else "warning"), True
    return "warning", False


def _excel_errors(
    table: str, raw: RawTable, frame: pd.DataFrame, col, header: str, p: Problems
) -> pd.Series:
    """Mask of cells holding an Excel error value (``#DIV/0!`` ...); each is reported."""
    s = frame[col.name]
    err = s.isin(EXCEL_ERRORS).fillna(False).astype(bool)
    if err.any():
        soft = (table, col.name) in SOFT_REQUIRED  # e.g. a customer name: filled in instead
        sev, _ = _severity(table, col.required and not soft)
        codes = s[err]
        for code in codes.drop_duplicates():
            rows = err & (s == code)
            p.add_rows(
                sev,
                raw.file,
                frame.loc[rows, ROW].to_numpy(),
                header,
                s[rows],
                p.t("data.h9_excel_error", code=code),
                p.t("data.h9_excel_error_hint"),
            )
    return err


def _convert_dates(
    table: str,
    raw: RawTable,
    frame: pd.DataFrame,
    s: pd.Series,
    header: str,
    p: Problems,
    ctx: dict,
) -> tuple[pd.Series, pd.Series, pd.Series]:
    """(dates, bad cells, refused cells): an undecided day/month order is one error for the column."""
    fmt = dict(ctx.get("date_formats", ())).get(table)
    got = parse.date_column(s, fmt)
    refused = got.undecided
    if refused.any():
        info = got.day_month
        month_first, day_first = info.formats()
        key = (
            "data.h9_date_contradicts" if info.order == "contradicts" else "data.h9_date_ambiguous"
        )
        examples = ", ".join(info.examples)
        p.add(
            "error",
            raw.file,
            p.t(key, examples=examples),
            row=int(frame.loc[refused, ROW].iloc[0]),
            column=header,
            value=examples,
            hint=p.t(
                "data.h9_date_hint", table=table, month_first=month_first, day_first=day_first
            ),
        )
    return got.values, got.bad, refused


def _money_checks(
    raw: RawTable, frame: pd.DataFrame, s: pd.Series, header: str, p: Problems, cur: str
) -> pd.Series:
    """Mask of amounts in another currency than the client's; each row is a data error."""
    found = parse.foreign_currency(s, cur)
    foreign = found.notna()
    for sign in found[foreign].drop_duplicates():
        rows = foreign & (found == sign)
        p.add_rows(
            "error",
            raw.file,
            frame.loc[rows, ROW].to_numpy(),
            header,
            s[rows],
            p.t("data.h9_foreign_currency", found=sign, currency=cur),
            p.t("data.h9_foreign_currency_hint", currency=cur),
        )
    return foreign


def _too_large(
    raw: RawTable, frame: pd.DataFrame, s: pd.Series, values: pd.Series, header: str, p: Problems
) -> pd.Series:
    """Mask of numbers beyond :data:`parse.MAX_MAGNITUDE`; each row is a data error."""
    huge = (values.abs() > parse.MAX_MAGNITUDE).fillna(False).astype(bool)
    if huge.any():
        p.add_rows(
            "error",
            raw.file,
            frame.loc[huge, ROW].to_numpy(),
            header,
            s[huge],
            p.t("data.h9_too_large", limit=p.num(parse.MAX_MAGNITUDE)),
            p.t("data.h9_too_large_hint"),
        )
    return huge


def _parse_column(
    table: str,
    raw: RawTable,
    frame: pd.DataFrame,
    s: pd.Series,
    col,
    header: str,
    p: Problems,
    ctx: dict,
) -> tuple[pd.Series, pd.Series, pd.Series, str]:
    """(typed values, bad cells, cells refused with their own problem row, kind word)."""
    refused = pd.Series(False, index=s.index)
    if col.kind in ("id", "str"):
        if col.name in CATEGORY_COLUMNS.get(table, ()):
            return parse.categorical_text(s), pd.Series(False, index=s.index), refused, ""
        values, bad = parse.text(s)
        return values, bad, refused, ""
    if col.kind in ("money", "float", "int"):
        cur = ctx["currency"]
        with np.errstate(all="ignore"):
            values, bad, _dec = parse.number(s, raw.decimal_default, cur)
        if col.kind == "money" and bad.any():
            # only cells that are no plain number can carry another currency's sign
            refused = _money_checks(raw, frame, s.where(bad), header, p, cur)
        huge = _too_large(raw, frame, s, values, header, p)
        values = values.where(~huge)
        refused = refused | huge
        if col.kind == "int":
            frac = values.notna() & (values != values.round())
            values = values.where(~frac).round().astype("Int64")
            return values, (bad | frac).astype(bool), refused, p.t("data.kind_integer")
        return values, bad, refused, p.t("data.kind_number")
    if col.kind == "date":
        values, bad, refused = _convert_dates(table, raw, frame, s, header, p, ctx)
        return values, bad, refused, p.t("data.kind_date")
    if col.kind == "bool":
        values, bad = parse.boolean(s)
        return values, bad, refused, p.t("data.kind_bool")
    values, bad = parse.category(s, col.allowed, col.value_aliases)
    return values, bad, refused, p.t("data.kind_category", allowed=", ".join(col.allowed))


def _convert(
    table: str, raw: RawTable, frame: pd.DataFrame, p: Problems, ctx: dict | None = None
) -> pd.DataFrame:
    """Text -> typed columns, reporting every cell that cannot be read.

    Consumes ``frame``: each text column is removed from it once converted, so that
    its memory is freed while the next column is converted (5 million lines).
    """
    ctx = ctx or {"currency": "EUR"}
    spec = TABLES[table]
    required_table = spec.required
    out = pd.DataFrame(index=frame.index)
    out[ROW] = frame[ROW]
    drop = pd.Series(False, index=frame.index)
    for col in spec.columns:
        header = raw.headers.get(col.name, col.name)
        if col.name not in frame.columns:
            out[col.name] = _empty(col.kind, frame.index)
            continue
        excel_err = _excel_errors(table, raw, frame, col, header, p)
        s = frame.pop(col.name)
        if excel_err.any():
            s = s.where(~excel_err)
        values, bad, refused, what = _parse_column(table, raw, frame, s, col, header, p, ctx)
        bad = bad & ~refused
        sev, drops = _severity(table, col.required)
        if drops:
            soft = (table, col.name) in SOFT_REQUIRED
            drop |= refused if soft else excel_err | refused
        if bad.any():
            hint = (
                p.t(f"data.hint_{col.kind}")
                if col.kind != "cat"
                else p.t("data.hint_cat", allowed=", ".join(col.allowed))
            )
            if col.required:
                msg = p.t(
                    "data.bad_value_row" if not required_table else "data.bad_value", what=what
                )
                drop |= bad
            else:
                msg = p.t("data.bad_value_blank", what=what)
            p.add_rows(sev, raw.file, frame.loc[bad, ROW].to_numpy(), header, s[bad], msg, hint)
        if col.required and (table, col.name) not in SOFT_REQUIRED:
            missing = s.isna() & ~drop
            if missing.any():
                key = "data.missing_value" if required_table else "data.missing_value_row"
                p.add_rows(
                    sev,
                    raw.file,
                    frame.loc[missing, ROW].to_numpy(),
                    header,
                    s[missing],
                    p.t(key),
                    p.t("data.missing_value_hint"),
                )
                drop |= missing
        out[col.name] = values
        del s, values
    # required-table rows with errors are excluded too: the client does not load anyway,
    # but counts in `kam validate` stay meaningful (no copy when nothing is dropped)
    return out.loc[~drop] if drop.any() else out


def _empty(kind: str, index: pd.Index) -> pd.Series:
    if kind == "bool":
        return pd.Series(False, index=index, dtype=bool)
    if kind == "date":
        return pd.Series(pd.NaT, index=index, dtype="datetime64[ns]")
    if kind in ("money", "float"):
        return pd.Series(np.nan, index=index, dtype="float64")
    if kind == "int":
        return pd.Series(pd.NA, index=index, dtype="Int64")
    return pd.Series(None, index=index, dtype="str")


def _schema_checks(table: str, raw: RawTable, df: pd.DataFrame, p: Problems) -> pd.DataFrame:
    """Ranges, allowed values and uniqueness via the pandera schema.

    Only the columns with such a check are handed to pandera (their dtypes come from
    :func:`_convert`); on 5 million sales lines validating every column costs hundreds of MB.
    """
    spec = TABLES[table]
    checked = [
        c.name
        for c in spec.columns
        if c.name in df.columns
        and (c.min is not None or c.max is not None or c.allowed or c.name in UNIQUE.get(table, ()))
    ]
    if not checked:
        return df
    fails = schema_failures(table, df[checked])
    if fails.empty:
        return df
    drop_idx: list = []
    for (column, check), grp in fails.groupby(["column", "check"], sort=False):
        if column not in df.columns:
            continue
        col = spec.column(column)
        header = raw.headers.get(column, column)
        idx = grp["index"].dropna().to_numpy()
        rows = df.loc[idx, ROW].to_numpy() if len(idx) else np.empty(0, dtype=np.int64)
        values = grp.loc[grp["index"].notna(), "value"].to_numpy()
        if check == "unique":
            p.add_rows(
                "error",
                raw.file,
                rows,
                header,
                values,
                p.t("data.duplicate_id"),
                p.t("data.duplicate_id_hint"),
            )
            continue
        if check == "range":
            lo = "" if col.min is None else p.num(col.min)
            hi = "" if col.max is None else p.num(col.max)
            what = (
                p.t("data.out_of_range", lo=lo, hi=hi)
                if col.max is not None
                else p.t("data.below_min", lo=lo)
            )
        else:
            what = p.t("data.not_allowed", allowed=", ".join(col.allowed))
        if col.required and not spec.required:
            p.add_rows(
                "warning",
                raw.file,
                rows,
                header,
                values,
                p.join(what, p.t("data.row_ignored")),
                p.t("data.range_hint"),
            )
            drop_idx.extend(idx)
        else:
            p.add_rows(
                "warning",
                raw.file,
                rows,
                header,
                values,
                p.join(what, p.t("data.value_ignored")),
                p.t("data.range_hint"),
            )
            df.loc[idx, column] = _empty(col.kind, pd.Index(idx)).to_numpy()
    return df.drop(index=pd.Index(drop_idx).unique()) if drop_idx else df


def _table_rules(
    table: str, raw: RawTable, df: pd.DataFrame, p: Problems, ctx: dict
) -> tuple[pd.DataFrame, dict]:
    """Table-specific cleaning inside one file (cacheable: no other table needed)."""
    stats: dict[str, Any] = {}
    cur = ctx["currency"]
    if table == "customers":
        noname = df["name"].isna()
        if noname.any():
            p.add_rows(
                "warning",
                raw.file,
                df.loc[noname, ROW].to_numpy(),
                raw.headers.get("name", "name"),
                df.loc[noname, "customer_id"],
                p.t("data.name_missing"),
                p.t("data.name_missing_hint"),
            )
            df.loc[noname, "name"] = df.loc[noname, "customer_id"]
    elif table == "sales":
        stats["lines_read"] = len(df)
        if "invoice_id" in raw.headers and "line_no" in raw.headers:
            dup = _duplicate_lines(df["invoice_id"], df["line_no"])
            n = int(dup.sum())
            if n:
                amount = float(df.loc[dup, "net_revenue"].sum())
                first = df.loc[dup].iloc[0]
                p.add(
                    "warning",
                    raw.file,
                    p.t(
                        "data.duplicates_removed",
                        n=p.num(n),
                        amount=p.money(amount, cur),
                    ),
                    row=int(first[ROW]),
                    column=raw.headers["invoice_id"],
                    value=f"{first['invoice_id']} / {first['line_no']}",
                    hint=p.t("data.duplicates_removed_hint"),
                )
                df = df.loc[~dup]
            stats["duplicates_removed"] = n
            stats["duplicates_revenue"] = float(amount) if n else 0.0
        else:
            cols = [c for c in df.columns if c != ROW]
            same = df.duplicated(cols, keep="first")
            n = int(same.sum())
            if n:
                p.add(
                    "warning",
                    raw.file,
                    p.t("data.possible_duplicates", n=p.num(n)),
                    row=int(df.loc[same, ROW].iloc[0]),
                    hint=p.t("data.possible_duplicates_hint"),
                )
            stats["possible_duplicates"] = n
        if "contribution_margin" in raw.headers:
            over = (df["contribution_margin"] > df["net_revenue"]) & (df["net_revenue"] > 0)
            if over.any():
                p.add_rows(
                    "warning",
                    raw.file,
                    df.loc[over, ROW].to_numpy(),
                    raw.headers["contribution_margin"],
                    df.loc[over, "contribution_margin"],
                    p.t("data.margin_above_revenue"),
                    p.t("data.margin_above_revenue_hint"),
                )
    elif table == "ratings":
        known = ctx["criteria"]
        crit = df["criterion"].str.strip().str.lower()
        df["criterion"] = crit
        unknown = ~crit.isin(known)
        if unknown.any():
            p.add_rows(
                "warning",
                raw.file,
                df.loc[unknown, ROW].to_numpy(),
                raw.headers.get("criterion", "criterion"),
                df.loc[unknown, "criterion"],
                p.t("data.unknown_criterion"),
                p.t("data.unknown_criterion_hint", known=", ".join(sorted(known))),
            )
            df = df.loc[~unknown]
        _duplicate_ratings(raw, df, p)
    return df, stats


def _duplicate_lines(invoice: pd.Series, line: pd.Series) -> pd.Series:
    """Lines whose (invoice, line number) pair appeared on an earlier line; lines lacking
    either are never duplicates. One int64 key per line instead of hashing the texts.
    """
    import pyarrow.compute as pc

    inv = pc.fill_null(pc.dictionary_encode(parse._to_arrow(invoice)).indices, -1).to_numpy(
        zero_copy_only=False
    )
    pos, uniq = pd.factorize(line, use_na_sentinel=True)
    keyed = (inv >= 0) & (pos >= 0)
    key = inv.astype(np.int64)
    del inv
    key *= len(uniq) + 1
    key += pos
    del pos
    # a stable sort puts equal keys together, the earliest line first (keep="first");
    # it needs less memory than a hash table over 5 million keys
    order = np.argsort(key, kind="stable")
    ordered = key[order]
    del key
    repeat = np.zeros(len(ordered), dtype=bool)
    repeat[1:] = ordered[1:] == ordered[:-1]
    del ordered
    dup = np.zeros(len(repeat), dtype=bool)
    dup[order] = repeat
    return pd.Series(dup & keyed, index=invoice.index)


def _duplicate_ratings(raw: RawTable, df: pd.DataFrame, p: Problems) -> None:
    """Report a customer rated twice on one criterion for the same date (kept; the mean is used)."""
    keys = ["customer_id", "criterion", "rated_on"]
    twice = df.duplicated(keys, keep=False)
    if not twice.any():
        return
    groups = df.loc[twice].groupby(keys, dropna=False, sort=False)
    first = groups[ROW].min()
    p.add_rows(
        "warning",
        raw.file,
        first.to_numpy(),
        raw.headers.get("criterion", "criterion"),
        [f"{c} / {k}" for c, k, _ in first.index],
        p.t("data.h9_rating_twice"),
        p.t("data.h9_rating_twice_hint"),
    )


def _finalise(table: str, df: pd.DataFrame) -> pd.DataFrame:
    """Canonical column order and dtypes (identical for fresh and cached loads)."""
    spec = TABLES[table]
    cols = {ROW: df[ROW].astype(np.int64)}
    for col in spec.columns:
        dtype = dtype_of(table, col)
        cols[col.name] = (
            df[col.name].astype(dtype) if len(df) else _empty(col.kind, df.index).astype(dtype)
        )
    # no copy of columns that already have their dtype (5 million lines: hundreds of MB)
    return pd.DataFrame(cols, copy=False).reset_index(drop=True)


def load_table(
    table: str, path: Path, p: Problems, ctx: dict
) -> tuple[pd.DataFrame | None, dict, dict[str, str]]:
    """Read, convert and check one table file; cached by content hash.

    Returns (typed frame with ``_row`` or None when unreadable, stats,
    canonical column -> header text in the file).
    """
    if outside_client(path, ctx["client_dir"]):
        p.add("error", path.name, p.t("data.h9_outside"), hint=p.t("data.h9_outside_hint"))
        return None, {}, {}
    key = cache.table_key(path, table, p.lang, {k: v for k, v in ctx.items() if k != "client_dir"})
    hit = cache.load(key)
    # an entry written by another kit version may lack fields: treat it as a miss
    if hit is not None and {"stats", "headers"} <= hit[2].keys():
        frame, problems, meta = hit
        p.extend(problems)
        return frame, meta["stats"], meta["headers"]
    local = Problems(p.lang)
    try:
        raw = read_raw(path, table, local)
    except UnreadableFile as exc:
        local.add("error", path.name, exc.message, hint=exc.hint)
        p.extend(local.frame())
        return None, {}, {}
    frame = _blank_and_total_rows(table, raw, local)
    frame = _template_rows(table, raw, frame, local)
    if frame.empty:
        # an empty optional table (e.g. an untouched template) counts as not provided
        sev = "error" if TABLES[table].required else "info"
        local.add(
            sev, path.name, local.t("data.no_data_rows"), hint=local.t("data.no_data_rows_hint")
        )
        p.extend(local.frame())
        return None, {}, raw.headers
    # the text columns are freed one by one while they are converted (see _convert)
    raw.frame = raw.frame.iloc[:0].copy()  # a view would keep the whole columns
    typed = _convert(table, raw, frame, local, ctx)
    del frame
    typed = _schema_checks(table, raw, typed, local)
    typed, stats = _table_rules(table, raw, typed, local, ctx)
    typed = _finalise(table, typed)
    stats[f"rows_{table}"] = len(typed)
    problems = local.frame()
    cache.store(key, typed, problems, {"stats": stats, "headers": raw.headers})
    p.extend(problems)
    return typed, stats, raw.headers


# --------------------------------------------------------------------------- across tables


def _isin(s: pd.Series, values: pd.Index) -> pd.Series:
    """Fast membership test on string columns (pyarrow kernel)."""
    import pyarrow as pa
    import pyarrow.compute as pc

    mask = pc.is_in(parse._to_arrow(s), value_set=pa.array(values.astype(object), type=pa.string()))
    return pd.Series(pc.fill_null(mask, False).to_numpy(zero_copy_only=False), index=s.index)


def _unknown_customers(
    table: str,
    df: pd.DataFrame,
    known: pd.Index,
    file: str,
    header: str,
    p: Problems,
    cur: str,
    stats: dict,
) -> pd.DataFrame:
    """Drop rows whose customer_id is not in the master; one warning naming up to 5 ids."""
    unknown = ~_isin(df["customer_id"], known)
    n = int(unknown.sum())
    if table == "sales":
        stats["unknown_customer_lines"] = n
        stats["unknown_customer_revenue"] = (
            float(df.loc[unknown, "net_revenue"].sum()) if n else 0.0
        )
    if not n:
        return df
    bad = df.loc[unknown]
    ids = bad["customer_id"].drop_duplicates()
    named = ", ".join(shorten(i, 40) for i in ids.iloc[:MAX_IDS_NAMED])
    if len(ids) > MAX_IDS_NAMED:
        named += " …"
    hint = p.t("data.unknown_customer_hint")
    stripped_known = set(pd.Series(known).str.lstrip("0"))
    if ids.str.lstrip("0").isin(stripped_known).any():
        hint = p.t("data.leading_zeros_hint")
    if table == "sales":
        msg = p.t(
            "data.unknown_customer_sales",
            n=p.num(n),
            ids=named,
            amount=p.money(bad["net_revenue"].sum(), cur),
        )
    else:
        msg = p.t(
            "data.unknown_customer_rows",
            n=p.num(n),
            ids=named,
        )
    p.add("warning", file, msg, row=int(bad[ROW].iloc[0]), column=header, value=named, hint=hint)
    return df.loc[~unknown]


def _sales_facts(
    sales: pd.DataFrame, file: str, headers: dict[str, str], p: Problems, cur: str, stats: dict
) -> None:
    """Credit notes and missing margins of the sales lines actually used."""
    credit = sales["net_revenue"] < 0
    n = int(credit.sum())
    amount = float(sales.loc[credit, "net_revenue"].sum())
    stats["credit_note_lines"] = n
    stats["credit_note_revenue"] = amount
    if n:
        pos = float(sales.loc[sales["net_revenue"] > 0, "net_revenue"].sum())
        share = -amount / pos if pos > 0 else 0.0
        stats["credit_note_share"] = share
        p.add(
            "info",
            file,
            p.t(
                "data.credit_notes",
                n=p.num(n),
                amount=p.money(amount, cur),
                share=p.pct(share),
            ),
            row=int(sales.loc[credit, ROW].iloc[0]),
            column=headers.get("net_revenue", "net_revenue"),
            hint=p.t("data.credit_notes_hint"),
        )
    if "contribution_margin" not in headers:
        stats["margin_missing_lines"] = len(sales)
        p.add(
            "info",
            file,
            p.t("data.margin_column_missing"),
            hint=p.t("data.margin_column_missing_hint"),
        )
    else:
        miss = sales["contribution_margin"].isna()
        stats["margin_missing_lines"] = int(miss.sum())
        if miss.any():
            p.add(
                "info",
                file,
                p.t("data.margin_missing", n=p.num(int(miss.sum()))),
                row=int(sales.loc[miss, ROW].iloc[0]),
                column=headers["contribution_margin"],
                hint=p.t("data.margin_missing_hint"),
            )


@dataclass
class _Loaded:
    """Tables of one client folder while they are checked against each other."""

    tables: dict[str, pd.DataFrame | None] = field(default_factory=dict)
    stats: dict[str, Any] = field(default_factory=dict)
    #: table -> file name used
    files: dict[str, str] = field(default_factory=dict)
    #: table -> canonical column -> header text in the file
    headers: dict[str, dict[str, str]] = field(default_factory=dict)


def _read_config(client_dir: Path, p: Problems) -> ClientConfig | None:
    """client.yaml as a model, or None with its problems added (never read from outside)."""
    path = client_dir / "client.yaml"
    if path.exists() and outside_client(path, client_dir):
        p.add("error", "client.yaml", p.t("data.h9_outside"), hint=p.t("data.h9_outside_hint"))
        return None
    try:
        config = load_config(path)
    except ConfigError as exc:
        if exc.yaml and exc.yaml[0]:
            line, column, problem = exc.yaml
            p.add(
                "error",
                "client.yaml",
                p.t("data.h9_yaml_broken", line=line, column=column, problem=problem),
                row=line,
                hint=p.t("data.config_hint"),
            )
            return None
        for key, msg in exc.problems:
            p.add(
                "error",
                "client.yaml",
                msg,
                column=key if not key.startswith("(") else "",
                hint=p.t("data.config_hint"),
            )
        return None
    for old, new in config.deprecated_keys:
        p.add(
            "warning",
            "client.yaml",
            p.t("config.deprecated_alias", new=new),
            column=old,
            hint=p.t("config.deprecated_alias_hint", old=old, new=new),
        )
    return config


def _context(client_dir: Path, config: ClientConfig | None) -> dict:
    """Settings a table's parse depends on (part of the cache key, except the folder)."""
    criteria = set(known_rating_criteria())
    if config is not None:
        ct = config.portfolio.customer_types
        criteria |= {ct.image_maker_criterion, ct.expert_criterion}
    return {
        "client_dir": client_dir,
        "currency": config.currency if config else "EUR",
        "criteria": frozenset(criteria),
        "date_formats": tuple(sorted(config.date_formats.items())) if config else (),
    }


def _load_tables(client_dir: Path, p: Problems, ctx: dict) -> _Loaded:
    """Find and load every table file; missing or doubled files are reported."""
    files = table_files(client_dir)
    got = _Loaded()
    for table in TABLE_ORDER:
        cands = files[table]
        got.tables[table] = None
        if not cands:
            if TABLES[table].required:
                p.add(
                    "error",
                    f"{table}.csv",
                    p.t("data.required_missing", table=table),
                    hint=p.t("data.required_missing_hint", table=table),
                )
            else:
                p.add(
                    "info",
                    f"{table}.csv",
                    p.t("data.optional_missing"),
                    hint=p.t("data.optional_missing_hint"),
                )
            continue
        if len(cands) > 1:
            p.add(
                "error",
                cands[0].name,
                p.t("data.several_files", names=", ".join(c.name for c in cands)),
                hint=p.t("data.several_files_hint"),
            )
            continue
        got.files[table] = cands[0].name
        frame, st, got.headers[table] = load_table(table, cands[0], p, ctx)
        got.stats.update(st)
        got.tables[table] = frame
    return got


def _check_customer_refs(got: _Loaded, p: Problems, cur: str) -> None:
    """Referential integrity: rows of unknown customers leave every table that has them."""
    customers = got.tables.get("customers")
    if customers is None:
        return
    known = pd.Index(customers["customer_id"])
    for table in ("sales", "activities", "ratings", "contacts", "lost_reasons"):
        df = got.tables.get(table)
        if df is not None and len(df):
            header = got.headers[table].get("customer_id", "customer_id")
            got.tables[table] = _unknown_customers(
                table, df, known, got.files[table], header, p, cur, got.stats
            )


def _sales_summary(got: _Loaded, p: Problems, cur: str) -> None:
    """Totals, date range, future dates and customers without sales."""
    sales, customers, stats = got.tables.get("sales"), got.tables.get("customers"), got.stats
    if sales is None:
        return
    stats["lines_used"] = len(sales)
    stats["revenue_total"] = float(sales["net_revenue"].sum())
    _sales_facts(sales, got.files["sales"], got.headers["sales"], p, cur, stats)
    if len(sales):
        stats["date_min"] = pd.Timestamp(sales["date"].min()).date().isoformat()
        stats["date_max"] = pd.Timestamp(sales["date"].max()).date().isoformat()
        future = sales["date"] > pd.Timestamp(dt.date.today()) + pd.Timedelta(days=400)
        if future.any():
            p.add_rows(
                "warning",
                got.files["sales"],
                sales.loc[future, ROW].to_numpy(),
                "date",
                sales.loc[future, "date"].dt.date.astype(str),
                p.t("data.date_future"),
                p.t("data.hint_date"),
            )
    if customers is not None:
        buyers = pd.Index(sales["customer_id"].unique())
        without = int((~_isin(customers["customer_id"], buyers)).sum())
        stats["customers_without_sales"] = without
        if without:
            p.add(
                "info",
                got.files["customers"],
                p.t("data.customers_without_sales", n=p.num(without)),
                hint=p.t("data.customers_without_sales_hint"),
            )


@functools.cache
def release_large_blocks() -> None:
    """On glibc: memory blocks of 4 MB and more come from ``mmap``, so a freed column is
    given back to the system at once instead of staying in the process's heap; pyarrow
    allocates through malloc as well.

    Without it glibc raises its threshold after the first large free and keeps the columns
    parsing frees (5 million lines: hundreds of MB) as reserve, which counts towards the
    process's peak memory. Elsewhere (or if the call fails) nothing changes.
    """
    import ctypes
    import ctypes.util
    import sys

    if not sys.platform.startswith("linux"):
        return
    with contextlib.suppress(Exception):
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6")
        m_mmap_threshold = -3  # glibc's malloc.h
        if libc.mallopt(m_mmap_threshold, 4 << 20) == 1:  # 1 = done
            import pyarrow as pa

            # pyarrow's own allocator keeps freed blocks too: jemalloc, told to return them
            pa.set_memory_pool(pa.jemalloc_memory_pool())
            pa.jemalloc_set_decay_ms(0)


def collect(client_dir: Path | str, lang: str | None = None) -> Collected:
    """Read and validate every input of ``client_dir``; never raises for bad data.

    Steps: client.yaml, each table file on its own (cached), references to the
    customer master, sales facts, account plans.
    """
    from kamlib.data.plans import load_account_plans

    release_large_blocks()
    client_dir = Path(client_dir)
    lang = lang or _config_lang(client_dir)
    p = Problems(lang)
    config = _read_config(client_dir, p)
    ctx = _context(client_dir, config)
    _unused_files(client_dir, p)
    got = _load_tables(client_dir, p, ctx)
    _check_customer_refs(got, p, ctx["currency"])
    _sales_summary(got, p, ctx["currency"])
    customers = got.tables.get("customers")
    if customers is not None:
        got.stats["customers"] = len(customers)
    known_ids = set(customers["customer_id"]) if customers is not None else None
    plans = load_account_plans(client_dir, known_ids, p)
    tables = {
        name: None if df is None else df.drop(columns=[ROW]).reset_index(drop=True)
        for name, df in got.tables.items()
    }
    return Collected(client_dir, config, tables, plans, sort_problems(p.frame()), got.stats, lang)
