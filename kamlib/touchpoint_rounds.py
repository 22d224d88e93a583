"""Save a new rating round into the client's touchpoint file (the workshop's "save round").

Besides ``client.yaml`` (:mod:`kamlib.settings_io`) this is the only write
into a client folder (DESIGN.md "Client folder"). :func:`save_round`

1. finds the client's touchpoint file (``touchpoints.csv`` / ``.xlsx``, any
   case; both present or an old ``.xls`` is refused) and refuses a path that
   resolves outside the client folder (a symlink pointing elsewhere);
2. checks the ratings: touchpoint and phase filled in, importance / Ist /
   Soll whole numbers 1-5, each (touchpoint, segment) once;
3. refuses a round date the file already has (:class:`RoundSaveError`,
   ``key == "round_exists"``) -- a round is identified by its date, and two
   rounds on one date would be merged by the analysis; the workshop picks
   another date or edits the file by hand. Nothing is versioned silently;
4. copies the file to a timestamped backup *outside* the client folder
   (``<parent>/.kam-backups/<client>/touchpoints-YYYYmmdd-HHMMSS.<ext>``,
   ``KAM_BACKUP_DIR`` or ``backup_dir`` choose another root; the same folder
   as the ``client.yaml`` backups);
5. appends the new rows and replaces the file atomically (temporary file +
   ``os.replace``, :func:`kamlib.settings_io._atomic_write`).

CSV: the file's encoding (UTF-8 with or without BOM, Windows-1252), delimiter,
line ending, title lines and column order are kept; the earlier bytes stay
exactly as they were and the new rows are appended (quoted only where a value
needs it). Ratings are whole numbers, so the decimal separator never comes
into play; dates (round, due) are written in the form the file's column
already uses (``31.12.2025`` or ``2025-12-31``, ISO when the column is empty).
Columns the file lacks but the new round needs (``round`` always; channel,
owner, segment, measure, due, kpi when the ratings fill them in) are added at
the end of the header with their English names, and every earlier record gets
an empty cell for them (a delimiter at its end) -- its values are unchanged.

xlsx (openpyxl): the sheet the reader uses (the first with a touchpoint
header), cell values, styles, number formats, notes (comments), merged cells,
column widths, freeze panes, filters, conditional formats and data validation
of the existing rows are kept; new rows take the style of the last data row;
an Excel table (ListObject) or autofilter over the data is extended to the
new rows. **Lost** by openpyxl when it rewrites a workbook: shapes, text
boxes, form controls and other drawings it cannot read, threaded comments
(legacy notes stay, their box size and position are reset), slicers,
sparklines, and the cached results of formulas (Excel recomputes them on
opening; until then a reader sees formulas without values). The backup keeps
the original in full.
"""

from __future__ import annotations

import copy
import csv
import datetime as dt
import io
import re
import shutil
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from kamlib.data.aliases import TOUCHPOINT_TABLE, match_header, normalise_header
from kamlib.data.parse import date as parse_dates
from kamlib.data.problems import Problems
from kamlib.data.readers import _detect_encoding, _sniff_header, find_header, sniff_kind
from kamlib.settings_io import _atomic_write, backup_dir_for

TABLE = TOUCHPOINT_TABLE
#: columns written for every new row, in this order when the file lacks them
COLUMNS = (
    "touchpoint",
    "phase",
    "channel",
    "owner",
    "segment",
    "importance",
    "ist",
    "soll",
    "round",
    "measure",
    "due",
    "kpi",
)
REQUIRED = ("touchpoint", "phase", "importance", "ist", "soll")
SCORES = ("importance", "ist", "soll")
DATES = ("round", "due")
#: header spellings of the plan columns (the data layer's aliases may not list them yet)
_EXTRA_ALIASES = {
    "measure": ("measure", "Maßnahme", "Maßnahmen", "action", "actions"),
    "due": ("due", "Termin", "fällig", "fällig am", "Fälligkeit", "due date", "deadline"),
    "kpi": ("kpi", "Kennzahl", "KPI", "key figure", "Messgröße"),
}
_EXTRA = {normalise_header(a): c for c, names in _EXTRA_ALIASES.items() for a in names}
_GERMAN_DATE = re.compile(r"^\d{1,2}\.\d{1,2}\.\d{4}$")
_GERMAN_DATE_SHORT = re.compile(r"^\d{1,2}\.\d{1,2}\.\d{2}$")


class RoundSaveError(ValueError):
    """The round was not saved (the file is unchanged).

    ``key`` is a stable reason id (``no_file``, ``two_files``, ``xls``,
    ``outside``, ``unreadable``, ``no_header``, ``bad_ratings``,
    ``round_exists``, ``encoding``) for a translated message; ``detail``
    names the file, row or value.
    """

    def __init__(self, key: str, detail: str):
        super().__init__(f"{key}: {detail}")
        self.key = key
        self.detail = detail


@dataclass
class RoundSaveReport:
    """What :func:`save_round` wrote."""

    path: Path
    backup: Path
    round_date: dt.date
    rows: int
    #: columns added to the file's header (empty for earlier rows)
    added_columns: list[str] = field(default_factory=list)


def _canonical(header: object) -> str | None:
    return match_header(TABLE, header) or _EXTRA.get(normalise_header(header))


def _positions(header: list[object]) -> dict[str, int]:
    """Canonical column -> position of its first header cell."""
    out: dict[str, int] = {}
    for i, cell in enumerate(header):
        if cell is None or str(cell).strip() == "":
            continue
        canon = _canonical(cell)
        if canon and canon not in out:
            out[canon] = i
    return out


# --------------------------------------------------------------------------- ratings


def _clean_ratings(ratings: pd.DataFrame | Iterable[Mapping]) -> pd.DataFrame:
    """Canonical, checked rating rows (text stripped, scores int, due as date)."""
    df = ratings.copy() if isinstance(ratings, pd.DataFrame) else pd.DataFrame(list(ratings))
    if df.empty:
        raise RoundSaveError("bad_ratings", "no ratings to save")
    out = pd.DataFrame(index=df.index)
    for col in ("touchpoint", "phase", "channel", "owner", "segment", "measure", "kpi"):
        s = df[col] if col in df else pd.Series(None, index=df.index, dtype=object)
        s = s.astype("string").str.strip()
        out[col] = s.where(s != "")
    for col in REQUIRED:
        if col not in df:
            raise RoundSaveError("bad_ratings", f"column {col} is missing")
    for col in ("touchpoint", "phase"):
        empty = out[col].isna()
        if empty.any():
            raise RoundSaveError("bad_ratings", f"{col} empty in rating {int(empty.idxmax()) + 1}")
    for col in SCORES:
        v = pd.to_numeric(df[col], errors="coerce")
        bad = v.isna() | (v != v.round()) | (v < 1) | (v > 5)
        if bad.any():
            i = bad.idxmax()
            raise RoundSaveError(
                "bad_ratings", f"{col} of {out.at[i, 'touchpoint']!s} must be 1-5: {df.at[i, col]}"
            )
        out[col] = v.astype(int)
    due = df["due"] if "due" in df else pd.Series(None, index=df.index, dtype=object)
    out["due"] = pd.to_datetime(due, errors="coerce")
    if (out["due"].isna() & due.notna() & (due.astype("string").str.strip() != "")).any():
        raise RoundSaveError("bad_ratings", "due must be a date")
    dup = out.fillna({"segment": ""}).duplicated(["touchpoint", "segment"])
    if dup.any():
        i = dup.idxmax()
        raise RoundSaveError(
            "bad_ratings", f"{out.at[i, 'touchpoint']} / {out.at[i, 'segment']} rated twice"
        )
    return out.reset_index(drop=True)


def _needed(ratings: pd.DataFrame) -> list[str]:
    """Columns the new rows carry: required ones, round, and optional ones that are filled in."""
    return [c for c in COLUMNS if c in (*REQUIRED, "round") or ratings[c].notna().any()]


# --------------------------------------------------------------------------- file


def _find_file(client_dir: Path) -> Path:
    found = [
        p
        for p in sorted(client_dir.iterdir())
        if p.stem.lower() == TABLE
        and p.suffix.lower() in (".csv", ".xlsx", ".xls")
        and not p.name.startswith(("~$", "."))
    ]
    if not found:
        raise RoundSaveError("no_file", f"{client_dir.name}: no touchpoints.csv or .xlsx")
    if len(found) > 1:
        raise RoundSaveError("two_files", ", ".join(p.name for p in found))
    path = found[0]
    resolved = path.resolve()
    root = client_dir.resolve()
    if root not in resolved.parents or not resolved.is_file():
        raise RoundSaveError("outside", f"{path.name} points outside the client folder")
    return resolved


def _date_format(cells: Iterable[object]) -> str:
    """strftime format of the first filled date text in a column (ISO when none)."""
    for cell in cells:
        text = "" if cell is None else str(cell).strip()
        if not text:
            continue
        if _GERMAN_DATE.match(text):
            return "%d.%m.%Y"
        if _GERMAN_DATE_SHORT.match(text):
            return "%d.%m.%y"
        return "%Y-%m-%d"
    return "%Y-%m-%d"


def _existing_rounds(cells: list[object]) -> set[dt.date]:
    values = [
        c.date() if isinstance(c, dt.datetime) else c.isoformat() if isinstance(c, dt.date) else c
        for c in cells
        if c is not None and str(c).strip() != ""
    ]
    dates = [v for v in values if isinstance(v, dt.date)]
    texts = pd.Series([str(v) for v in values if not isinstance(v, dt.date)], dtype="str")
    parsed, _bad = parse_dates(texts)
    return set(dates) | {d.date() for d in parsed.dropna()}


def _backup(path: Path, folder: Path, now: dt.datetime) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    stamp = now.strftime("%Y%m%d-%H%M%S")
    ext = path.suffix.lower()
    candidate = folder / f"{TABLE}-{stamp}{ext}"
    n = 2
    while candidate.exists():
        candidate = folder / f"{TABLE}-{stamp}-{n}{ext}"
        n += 1
    shutil.copy2(path, candidate)
    return candidate


def _cell_values(ratings: pd.DataFrame, round_date: dt.date, fmt: dict[str, str]) -> pd.DataFrame:
    """Rating rows as cell texts (CSV): ints as digits, dates in the column's format."""
    out = ratings.astype(object).where(ratings.notna(), "")
    for col in SCORES:
        out[col] = ratings[col].astype(str)
    out["round"] = round_date.strftime(fmt.get("round", "%Y-%m-%d"))
    out["due"] = [
        "" if pd.isna(d) else d.strftime(fmt.get("due", "%Y-%m-%d")) for d in ratings["due"]
    ]
    return out


# --------------------------------------------------------------------------- CSV


def _csv_bytes(raw: bytes, ratings: pd.DataFrame, round_date: dt.date) -> tuple[bytes, list[str]]:
    enc, bom = _detect_encoding(raw, Problems("en"), TABLE)
    text = raw[bom:].decode(enc)
    lines = io.StringIO(text, newline="").readlines()
    h, delim = _sniff_header(TABLE, [ln.rstrip("\r\n") for ln in lines])
    term = "\r\n" if "\r\n" in text else "\r" if "\r" in text and "\n" not in text else "\n"
    header = next(csv.reader([lines[h].rstrip("\r\n")], delimiter=delim), [])
    pos = _positions(header)
    if sum(c in pos for c in REQUIRED) < len(REQUIRED):
        missing = [c for c in REQUIRED if c not in pos]
        raise RoundSaveError("no_header", f"{TABLE}: header lacks {', '.join(missing)}")
    records = list(csv.reader(lines[h + 1 :], delimiter=delim))
    if "round" in pos:
        cells = [r[pos["round"]] for r in records if len(r) > pos["round"]]
        if round_date in _existing_rounds(cells):
            raise RoundSaveError("round_exists", round_date.isoformat())
    fmt = {
        c: _date_format(r[pos[c]] for r in records if len(r) > pos[c]) for c in DATES if c in pos
    }
    added = [c for c in _needed(ratings) if c not in pos]
    if added:
        text = _add_csv_columns(lines, h, delim, added)
        for i, c in enumerate(added):
            pos[c] = len(header) + i
    width = len(header) + len(added)
    cells = _cell_values(ratings, round_date, fmt)
    rows = [[""] * width for _ in range(len(cells))]
    for col, i in pos.items():
        if col in cells:
            for row, value in zip(rows, cells[col], strict=True):
                row[i] = value
    buf = io.StringIO()
    csv.writer(buf, delimiter=delim, lineterminator=term).writerows(rows)
    sep = "" if not text or text.endswith(("\n", "\r")) else term
    tail = (sep + buf.getvalue()).encode(enc)
    prefix = raw[:bom] + (raw[bom:] if not added else text.encode(enc))
    return prefix + tail, added


def _add_csv_columns(lines: list[str], h: int, delim: str, added: list[str]) -> str:
    """Header + added names; every record after it one empty cell more per added column."""
    out = list(lines)

    def extend(i: int, suffix: str) -> None:
        line = out[i]
        body = line.rstrip("\r\n")
        out[i] = body + suffix + line[len(body) :]

    extend(h, "".join(delim + c for c in added))
    body = iter(lines[h + 1 :])
    reader = csv.reader(body, delimiter=delim)
    for record in reader:
        if record:  # blank lines stay blank
            extend(h + reader.line_num, delim * len(added))  # the record's last physical line
    return "".join(out)


# --------------------------------------------------------------------------- xlsx


def _xlsx_bytes(path: Path, ratings: pd.DataFrame, round_date: dt.date) -> tuple[bytes, list[str]]:
    import openpyxl

    try:
        wb = openpyxl.load_workbook(path)
    except Exception as exc:  # openpyxl raises several types for broken files
        raise RoundSaveError("unreadable", f"{path.name}: {type(exc).__name__}") from None
    chosen = None
    for ws in wb.worksheets:
        rows = [list(r) for r in ws.iter_rows(min_row=1, max_row=30, min_col=1, values_only=True)]
        h = find_header(TABLE, rows)
        if h is not None:
            chosen = (ws, h + 1, rows[h])
            break
    if chosen is None:
        raise RoundSaveError("no_header", f"{path.name}: no touchpoint header found")
    ws, hrow, header = chosen
    pos = _positions(header)  # 0-based
    if any(c not in pos for c in REQUIRED):
        missing = [c for c in REQUIRED if c not in pos]
        raise RoundSaveError("no_header", f"{path.name}: header lacks {', '.join(missing)}")
    last = hrow
    for r in range(ws.max_row, hrow, -1):
        if any(ws.cell(r, i + 1).value not in (None, "") for i in pos.values()):
            last = r
            break
    if "round" in pos:
        cells = [ws.cell(r, pos["round"] + 1).value for r in range(hrow + 1, last + 1)]
        if round_date in _existing_rounds(cells):
            raise RoundSaveError("round_exists", round_date.isoformat())
    last_col = max([i for i, c in enumerate(header) if c not in (None, "")], default=0) + 1
    added = [c for c in _needed(ratings) if c not in pos]
    for k, c in enumerate(added):
        col = last_col + k + 1
        ws.cell(hrow, col).value = c
        ws.cell(hrow, col)._style = copy.copy(ws.cell(hrow, last_col)._style)
        pos[c] = col - 1
    date_format: dict[str, str] = {}
    # dates as the column holds them: a date cell keeps its number format; a
    # column of date texts gets a text in the same form
    as_text: dict[str, str | None] = {}
    for c in DATES:
        src = ws.cell(last, pos[c] + 1) if c in pos and last > hrow else None
        if src is not None and isinstance(src.value, str):
            as_text[c] = _date_format([src.value])
        else:
            as_text[c] = None
        date_format[c] = src.number_format if src is not None and src.is_date else "yyyy-mm-dd"

    def put_date(cell, c: str, value: dt.date | None) -> None:
        if value is None:
            cell.value = None
        elif as_text[c]:
            cell.value = value.strftime(as_text[c])
        else:
            cell.value = dt.datetime.combine(value, dt.time())
            cell.number_format = date_format[c]

    for k, rec in enumerate(ratings.itertuples(index=False)):
        r = last + 1 + k
        values = rec._asdict()
        for c, i in pos.items():
            cell = ws.cell(r, i + 1)
            if last > hrow:
                cell._style = copy.copy(ws.cell(last, i + 1)._style)
            if c == "round":
                put_date(cell, c, round_date)
            elif c == "due":
                due = values["due"]
                put_date(cell, c, None if pd.isna(due) else due.date())
            elif c in SCORES:
                cell.value = int(values[c])
            elif c in values:
                cell.value = None if pd.isna(values[c]) else str(values[c])
    new_last = last + len(ratings)
    new_col = max(last_col, *(i + 1 for i in pos.values()))
    _extend_ranges(ws, hrow, new_last, new_col)
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue(), added


def _extend_ranges(ws, hrow: int, last_row: int, last_col: int) -> None:
    """Stretch an Excel table / autofilter that starts at the header row over the new rows."""
    from openpyxl.utils import get_column_letter, range_boundaries

    def stretched(ref: str) -> str | None:
        c1, r1, c2, r2 = range_boundaries(ref)
        if r1 != hrow:
            return None
        c2 = max(c2, last_col)
        return f"{get_column_letter(c1)}{r1}:{get_column_letter(c2)}{max(r2, last_row)}"

    for table in ws.tables.values():
        ref = stretched(table.ref)
        if ref:
            table.ref = ref
            if table.autoFilter is not None:
                table.autoFilter.ref = ref
    if ws.auto_filter.ref:
        ref = stretched(ws.auto_filter.ref)
        if ref:
            ws.auto_filter.ref = ref


# --------------------------------------------------------------------------- entry point


def save_round(
    client_dir: Path | str,
    ratings: pd.DataFrame | Iterable[Mapping],
    round_date: dt.date | str,
    *,
    backup_dir: Path | str | None = None,
    now: dt.datetime | None = None,
) -> RoundSaveReport:
    """Append ``ratings`` as a new round dated ``round_date`` to the client's touchpoint file.

    ``ratings``: one row per touchpoint with the canonical columns touchpoint,
    phase, importance, ist, soll (required) and channel, owner, segment,
    measure, due, kpi (optional); its ``round`` column, if any, is ignored.
    Raises :class:`RoundSaveError` (file untouched) when the file cannot be
    used, the ratings are invalid or the round date exists; ``OSError`` when
    the backup or the file cannot be written. See the module docstring for
    what is kept and what an xlsx loses.
    """
    client_dir = Path(client_dir)
    round_date = pd.Timestamp(round_date).date()
    clean = _clean_ratings(ratings)
    path = _find_file(client_dir)
    if path.suffix.lower() == ".xls":
        raise RoundSaveError("xls", f"{path.name}: save it as .xlsx or .csv first")
    raw = path.read_bytes()
    kind = sniff_kind(raw[:8192])
    if kind == "xlsx":
        data, added = _xlsx_bytes(path, clean, round_date)
    elif kind == "text":
        try:
            data, added = _csv_bytes(raw, clean, round_date)
        except UnicodeEncodeError as exc:
            bad = exc.object[exc.start : exc.end]
            raise RoundSaveError("encoding", f"{path.name}: {bad!r} cannot be stored") from None
    else:
        raise RoundSaveError("unreadable", f"{path.name}: not a CSV or xlsx file ({kind})")
    folder = backup_dir_for(client_dir, backup_dir)
    backup = _backup(path, folder, now or dt.datetime.now())
    _atomic_write(path, data, folder)
    return RoundSaveReport(path, backup, round_date, len(clean), added)
