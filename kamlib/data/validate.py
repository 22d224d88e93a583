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

Out-of-range values (ratings 1-5, negative counts) follow the same rule. A
missing required column, an unreadable file or both ``x.csv`` and ``x.xlsx``
present is an error: for customers/sales the client cannot load, for an
optional table the table is ``None`` and the module that needs it is skipped.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from kamlib.config import ClientConfig, ConfigError, known_rating_criteria, load_config
from kamlib.data import cache, parse
from kamlib.data.aliases import TABLE_ORDER, TABLES, normalise_header
from kamlib.data.problems import Problems, sort_problems
from kamlib.data.readers import TOTAL_LABELS, RawTable, UnreadableFile, read_raw
from kamlib.data.schemas import DTYPES, schema_failures
from kamlib.i18n import fmt_int, fmt_money, fmt_pct

#: file name endings accepted per table (lower case)
EXTENSIONS = (".csv", ".xlsx", ".xls", ".xlsm")
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


def find_files(client_dir: Path) -> dict[str, list[Path]]:
    """Table name -> candidate files (``sales.csv``, ``Sales.XLSX`` ...), lock files ignored."""
    found: dict[str, list[Path]] = {t: [] for t in TABLE_ORDER}
    for path in sorted(Path(client_dir).iterdir()):
        if not path.is_file() or path.name.startswith(("~$", ".")):
            continue
        stem, ext = path.stem.lower(), path.suffix.lower()
        if stem in found and ext in EXTENSIONS:
            found[stem].append(path)
    return found


def find_table_file(client_dir: Path | str, table: str) -> Path | None:
    """The file the loader reads for ``table``, or None when the folder has none.

    Same rules as loading: the file name is the table name in any letter case
    (``Sales.csv``, ``SALES.xlsx``) with one of :data:`EXTENSIONS`; hidden and
    Excel lock files (``~$…``) are ignored. When several files qualify the
    first in name order is returned; loading reports the conflict.
    """
    candidates = find_files(Path(client_dir)).get(table, [])
    return candidates[0] if candidates else None


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

        data = YAML(typ="safe").load((client_dir / "client.yaml").read_text(encoding="utf-8-sig"))
        lang = data.get("language") if isinstance(data, dict) else None
        return lang if lang in ("de", "en") else "de"
    except Exception:
        return "de"


# --------------------------------------------------------------------------- per table


def _blank_and_total_rows(table: str, raw: RawTable, p: Problems) -> pd.DataFrame:
    """Frame with ``_row``; fully empty rows and totals rows ("Summe", "Total") removed."""
    frame = raw.frame.assign(**{ROW: raw.rows})
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
        # a totals row lacks an id or carries the label in a key column; check only those rows
        cand = frame[req].isna().any(axis=1)
        for c in req:
            cand |= (
                frame[c].str.len().fillna(0).lt(14)
                & frame[c].isna().eq(False)
                & (frame[c].str.lower().str.strip(" :").isin(TOTAL_LABELS))
            )
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


def _convert(table: str, raw: RawTable, frame: pd.DataFrame, p: Problems) -> pd.DataFrame:
    """Text -> typed columns, reporting every cell that cannot be read."""
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
        s = frame[col.name]
        if col.kind in ("id", "str"):
            values, bad = parse.text(s)
            what = ""
        elif col.kind in ("money", "float"):
            values, bad, _dec = parse.number(s, raw.decimal_default)
            what = p.t("data.kind_number")
        elif col.kind == "int":
            values, bad = parse.integer(s, raw.decimal_default)
            what = p.t("data.kind_integer")
        elif col.kind == "date":
            values, bad = parse.date(s)
            what = p.t("data.kind_date")
        elif col.kind == "bool":
            values, bad = parse.boolean(s)
            what = p.t("data.kind_bool")
        else:
            values, bad = parse.category(s, col.allowed, col.value_aliases)
            what = p.t("data.kind_category", allowed=", ".join(col.allowed))
        if bad.any():
            hint = (
                p.t(f"data.hint_{col.kind}")
                if col.kind != "cat"
                else p.t("data.hint_cat", allowed=", ".join(col.allowed))
            )
            if col.required:
                sev = "error" if required_table else "warning"
                msg = p.t(
                    "data.bad_value_row" if not required_table else "data.bad_value", what=what
                )
                drop |= bad
            else:
                sev = "warning"
                msg = p.t("data.bad_value_blank", what=what)
            p.add_rows(sev, raw.file, frame.loc[bad, ROW].to_numpy(), header, s[bad], msg, hint)
        if col.required and (table, col.name) not in SOFT_REQUIRED:
            missing = s.isna() & ~drop
            if missing.any():
                sev = "error" if required_table else "warning"
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
    # required-table rows with errors are excluded too: the client does not load anyway,
    # but counts in `kam validate` stay meaningful
    return out.loc[~drop]


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
    """Ranges, allowed values and uniqueness via the pandera schema."""
    fails = schema_failures(table, df.drop(columns=[ROW]))
    if fails.empty:
        return df
    spec = TABLES[table]
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
            lo = "" if col.min is None else fmt_int(col.min, p.lang)
            hi = "" if col.max is None else fmt_int(col.max, p.lang)
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
                what + " " + p.t("data.row_ignored"),
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
                what + " " + p.t("data.value_ignored"),
                p.t("data.range_hint"),
            )
            df.loc[idx, column] = _empty(col.kind, pd.Index(idx)).to_numpy()
    return df.drop(index=pd.Index(drop_idx).unique()) if drop_idx else df


def _money(p: Problems, value: float, currency: str) -> str:
    return fmt_money(value, p.lang, currency)


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
            keyed = df["invoice_id"].notna() & df["line_no"].notna()
            dup = df.duplicated(["invoice_id", "line_no"], keep="first") & keyed
            n = int(dup.sum())
            if n:
                amount = float(df.loc[dup, "net_revenue"].sum())
                first = df.loc[dup].iloc[0]
                p.add(
                    "warning",
                    raw.file,
                    p.t(
                        "data.duplicates_removed",
                        n=fmt_int(n, p.lang),
                        amount=_money(p, amount, cur),
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
                    p.t("data.possible_duplicates", n=fmt_int(n, p.lang)),
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
    return df, stats


def _finalise(table: str, df: pd.DataFrame) -> pd.DataFrame:
    """Canonical column order and dtypes (identical for fresh and cached loads)."""
    spec = TABLES[table]
    cols = {ROW: df[ROW].astype(np.int64)}
    for col in spec.columns:
        cols[col.name] = (
            df[col.name].astype(DTYPES[col.kind]) if len(df) else _empty(col.kind, df.index)
        )
    return pd.DataFrame(cols).reset_index(drop=True)


def load_table(
    table: str, path: Path, p: Problems, ctx: dict
) -> tuple[pd.DataFrame | None, dict, dict[str, str]]:
    """Read, convert and check one table file; cached by content hash.

    Returns (typed frame with ``_row`` or None when unreadable, stats,
    canonical column -> header text in the file).
    """
    key = cache.table_key(path, table, p.lang, ctx)
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
    typed = _convert(table, raw, frame, local)
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
    named = ", ".join(ids.iloc[:MAX_IDS_NAMED])
    if len(ids) > MAX_IDS_NAMED:
        named += " …"
    hint = p.t("data.unknown_customer_hint")
    stripped_known = set(pd.Series(known).str.lstrip("0"))
    if ids.str.lstrip("0").isin(stripped_known).any():
        hint = p.t("data.leading_zeros_hint")
    if table == "sales":
        msg = p.t(
            "data.unknown_customer_sales",
            n=fmt_int(n, p.lang),
            ids=named,
            amount=fmt_money(bad["net_revenue"].sum(), p.lang, cur),
        )
    else:
        msg = p.t(
            "data.unknown_customer_rows",
            n=fmt_int(n, p.lang),
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
                n=fmt_int(n, p.lang),
                amount=fmt_money(amount, p.lang, cur),
                share=fmt_pct(share, p.lang),
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
                p.t("data.margin_missing", n=fmt_int(int(miss.sum()), p.lang)),
                row=int(sales.loc[miss, ROW].iloc[0]),
                column=headers["contribution_margin"],
                hint=p.t("data.margin_missing_hint"),
            )


def collect(client_dir: Path | str, lang: str | None = None) -> Collected:
    """Read and validate every input of ``client_dir``; never raises for bad data."""
    from kamlib.data.plans import load_account_plans

    client_dir = Path(client_dir)
    lang = lang or _config_lang(client_dir)
    p = Problems(lang)
    config: ClientConfig | None = None
    try:
        config = load_config(client_dir / "client.yaml")
    except ConfigError as exc:
        for key, msg in exc.problems:
            p.add(
                "error",
                "client.yaml",
                msg,
                column=key if not key.startswith("(") else "",
                hint=p.t("data.config_hint"),
            )
    for old, new in config.deprecated_keys if config is not None else []:
        p.add(
            "warning",
            "client.yaml",
            p.t("config.deprecated_alias", new=new),
            column=old,
            hint=p.t("config.deprecated_alias_hint", old=old, new=new),
        )
    cur = config.currency if config else "EUR"
    criteria = set(known_rating_criteria())
    if config is not None:
        ct = config.portfolio.customer_types
        criteria |= {ct.image_maker_criterion, ct.expert_criterion}
    ctx = {"currency": cur, "criteria": frozenset(criteria)}
    files = find_files(client_dir)
    _unused_files(client_dir, p)
    tables: dict[str, pd.DataFrame | None] = {}
    stats: dict[str, Any] = {}
    used_files: dict[str, str] = {}
    headers: dict[str, dict[str, str]] = {}
    for table in TABLE_ORDER:
        cands = files[table]
        if not cands:
            tables[table] = None
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
            tables[table] = None
            p.add(
                "error",
                cands[0].name,
                p.t("data.several_files", names=", ".join(c.name for c in cands)),
                hint=p.t("data.several_files_hint"),
            )
            continue
        used_files[table] = cands[0].name
        frame, st, headers[table] = load_table(table, cands[0], p, ctx)
        stats.update(st)
        tables[table] = frame
    # across tables: referential integrity against the customer master
    customers = tables.get("customers")
    if customers is not None:
        known = pd.Index(customers["customer_id"])
        for table in ("sales", "activities", "ratings", "contacts", "lost_reasons"):
            df = tables.get(table)
            if df is not None and len(df):
                header = headers[table].get("customer_id", "customer_id")
                tables[table] = _unknown_customers(
                    table, df, known, used_files[table], header, p, cur, stats
                )
    sales = tables.get("sales")
    if sales is not None:
        stats["lines_used"] = len(sales)
        stats["revenue_total"] = float(sales["net_revenue"].sum())
        _sales_facts(sales, used_files["sales"], headers["sales"], p, cur, stats)
        if len(sales):
            stats["date_min"] = pd.Timestamp(sales["date"].min()).date().isoformat()
            stats["date_max"] = pd.Timestamp(sales["date"].max()).date().isoformat()
            future = sales["date"] > pd.Timestamp(dt.date.today()) + pd.Timedelta(days=400)
            if future.any():
                p.add_rows(
                    "warning",
                    used_files["sales"],
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
                    used_files["customers"],
                    p.t("data.customers_without_sales", n=fmt_int(without, lang)),
                    hint=p.t("data.customers_without_sales_hint"),
                )
    if customers is not None:
        stats["customers"] = len(customers)
    known_ids = set(customers["customer_id"]) if customers is not None else None
    plans = load_account_plans(client_dir, known_ids, p)
    for name, df in tables.items():
        if df is not None:
            tables[name] = df.drop(columns=[ROW]).reset_index(drop=True)
    return Collected(client_dir, config, tables, plans, sort_problems(p.frame()), stats, lang)
