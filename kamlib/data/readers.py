"""Reading one client table file (CSV or Excel) into a frame of strings.

Everything is read as text first; :mod:`kamlib.data.parse` converts column by
column so the exact rows that fail can be reported. What is detected here:

- file kind by content, not by name (an Excel file renamed to ``.csv`` is read
  as Excel, with a warning; binary junk, HTML or PDF is a clear error),
- CSV encoding (UTF-8, UTF-8 with BOM, UTF-16 with BOM, Windows-1252),
  delimiter (``;`` ``,`` tab ``|``, or Excel's ``sep=`` line) and the header
  line (title lines above it are skipped),
- Excel: the sheet and the header row (title rows above it are skipped),
- header names mapped to canonical columns (:mod:`kamlib.data.aliases`).

The result carries the row number the user sees for every data row.
"""

from __future__ import annotations

import csv
import datetime as dt
import difflib
import io
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO

import numpy as np
import pandas as pd

from kamlib.data.aliases import TABLES, alias_map, match_header, normalise_header
from kamlib.data.problems import Problems

#: rows scanned for the header (title rows above it are common in Excel exports)
HEADER_SCAN_ROWS = 30
#: bytes decoded for sniffing delimiter and header
SNIFF_BYTES = 256 * 1024
_DELIMITERS = (";", ",", "\t", "|")
#: longest CSV field read (Python's default of 128 KB would make a 1 MB cell a parse error)
csv.field_size_limit(max(csv.field_size_limit(), 64 * 1024 * 1024))
_XLSX_MAGIC = b"PK\x03\x04"
_XLS_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
#: labels of a totals row at the bottom of an export (normalised)
TOTAL_LABELS = {
    "summe",
    "gesamt",
    "gesamtsumme",
    "endsumme",
    "zwischensumme",
    "total",
    "sum",
    "subtotal",
    "grandtotal",
    "totals",
}


#: Excel error values; calamine reads them as empty cells, openpyxl as these texts
EXCEL_ERRORS = (
    "#DIV/0!",
    "#N/A",
    "#VALUE!",
    "#REF!",
    "#NAME?",
    "#NUM!",
    "#NULL!",
    "#SPILL!",
    "#CALC!",
)


class UnreadableFile(Exception):
    """The file cannot be read at all; ``message``/``hint`` are translated."""

    def __init__(self, message: str, hint: str = ""):
        super().__init__(message)
        self.message = message
        self.hint = hint


@dataclass
class RawTable:
    """A table as text: canonical columns only, ``rows`` = user-visible row numbers."""

    file: str
    frame: pd.DataFrame
    rows: np.ndarray
    kind: str  # "csv" | "excel"
    encoding: str = ""
    delimiter: str = ""
    #: decimal separator expected where a column gives no evidence
    decimal_default: str = "."
    header_row: int = 1
    #: canonical column -> header text in the file
    headers: dict[str, str] = field(default_factory=dict)


def sniff_kind(head: bytes) -> str:
    """``xlsx``, ``xls``, ``text``, ``utf16``, ``html``, ``pdf`` or ``binary`` from the first bytes."""
    if head.startswith(_XLSX_MAGIC):
        return "xlsx"
    if head.startswith(_XLS_MAGIC):
        return "xls"
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "utf16"
    if head.startswith(b"%PDF"):
        return "pdf"
    lowered = head.lstrip(b"\xef\xbb\xbf \r\n\t").lower()
    if lowered.startswith((b"<html", b"<!doctype", b"<?xml", b"<table")):
        return "html"
    # a few NUL bytes in otherwise readable text = a damaged text file (reported per row)
    if head.count(b"\x00") > max(8, len(head) // 100):
        return "binary"
    # many control characters (other than tab/CR/LF/NUL) = not text
    ctrl = sum(1 for b in head[:4096] if b < 32 and b not in (0, 9, 10, 13))
    if ctrl > 8:
        return "binary"
    return "text"


def read_raw(path: Path, table: str, problems: Problems) -> RawTable:
    """Read ``path`` as table ``table``; raises :class:`UnreadableFile`.

    Problems that do not stop reading (title rows skipped, unknown columns,
    encoding guesses) are added to ``problems``.
    """
    p = problems
    file = path.name
    size = path.stat().st_size
    if size == 0:
        raise UnreadableFile(p.t("data.file_empty"), p.t("data.file_empty_hint"))
    with path.open("rb") as fh:
        head = fh.read(8192)
    kind = sniff_kind(head)
    ext = path.suffix.lower()
    if kind in ("binary", "pdf", "html"):
        raise UnreadableFile(p.t(f"data.file_{kind}"), p.t("data.file_not_table_hint", table=table))
    if kind in ("xlsx", "xls"):
        if ext == ".csv":
            p.add(
                "warning",
                file,
                p.t("data.excel_named_csv"),
                hint=p.t("data.rename_hint", name=f"{table}.xlsx"),
            )
        return _read_excel(path, table, p)
    if ext in (".xlsx", ".xls"):
        p.add(
            "warning",
            file,
            p.t("data.text_named_excel"),
            hint=p.t("data.rename_hint", name=f"{table}.csv"),
        )
    return _read_csv(path, table, p, utf16=kind == "utf16")


# --------------------------------------------------------------------------- header


def _header_score(table: str, cells: list[object]) -> int:
    return len({c for c in (match_header(table, x) for x in cells) if c})


def find_header(table: str, rows: list[list[object]]) -> int | None:
    """Index of the first row that names at least two known columns, else None."""
    for i, cells in enumerate(rows[:HEADER_SCAN_ROWS]):
        if _header_score(table, cells) >= 2:
            return i
    return None


def guess_table(headers: list[object]) -> str | None:
    """The table whose columns the headers match best (for "wrong file" hints)."""
    scores = {name: _header_score(name, headers) for name in TABLES}
    best = max(scores, key=lambda k: scores[k])
    return best if scores[best] >= 2 else None


def map_columns(
    table: str, headers: list[object], file: str, header_row: int, p: Problems
) -> dict[int, str]:
    """Position -> canonical column; reports unknown and doubled columns, missing ones too.

    Raises :class:`UnreadableFile` when a required column is missing.
    """
    spec = TABLES[table]
    mapping: dict[int, str] = {}
    used: dict[str, str] = {}
    for i, h in enumerate(headers):
        text = "" if h is None else str(h).strip()
        if not text:
            continue
        canon = match_header(table, text)
        if canon is None:
            p.add(
                "info",
                file,
                p.t("data.column_ignored", header=text),
                row=header_row,
                column=text,
                hint=p.t("data.column_ignored_hint"),
            )
        elif canon in used:
            p.add(
                "warning",
                file,
                p.t("data.column_twice", header=text, column=canon, first=used[canon]),
                row=header_row,
                column=text,
                hint=p.t("data.column_twice_hint"),
            )
        else:
            used[canon] = text
            mapping[i] = canon
    missing = [c for c in spec.required_columns if c not in used]
    if missing:
        hints = []
        normalised = {
            normalise_header(h): str(h) for h in headers if h is not None and str(h).strip()
        }
        for col in missing:
            names = ", ".join(f"'{a}'" for a in (col, *spec.column(col).aliases[:5]))
            close = (
                difflib.get_close_matches(normalise_header(col), list(normalised), n=1, cutoff=0.75)
                or [
                    k
                    for k in normalised
                    for a in alias_map(table)
                    if alias_map(table)[a] == col
                    and difflib.SequenceMatcher(None, k, a).ratio() >= 0.8
                ][:1]
            )
            extra = p.t("data.did_you_mean", header=normalised[close[0]]) if close else ""
            hints.extend([p.t("data.accepted_names", column=col, names=names), extra])
        other = guess_table(headers)
        if other and other != table:
            hints.insert(0, p.t("data.looks_like", other=other))
        raise UnreadableFile(
            p.t("data.missing_columns", columns=", ".join(missing)), p.join(*hints)
        )
    return mapping


# --------------------------------------------------------------------------- Excel


def _cell_text(v: object) -> str | None:
    """Excel cell -> canonical text (dates ISO, integral floats without .0)."""
    if v is None:
        return None
    if isinstance(v, str):
        s = v.strip()
        return s or None
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, float):
        if v != v:  # NaN
            return None
        if v.is_integer() and abs(v) < 1e15:
            return str(int(v))
        return repr(v)
    if isinstance(v, int):
        return str(v)
    if isinstance(v, dt.datetime):
        return v.date().isoformat() if v.time() == dt.time(0) else v.isoformat(sep=" ")
    if isinstance(v, dt.date):
        return v.isoformat()
    return str(v).strip() or None


def _read_excel(path: Path, table: str, p: Problems) -> RawTable:
    from python_calamine import CalamineWorkbook

    file = path.name
    try:
        wb = CalamineWorkbook.from_path(str(path))
        sheets = []
        for i in range(len(wb.sheet_names)):
            sheet = wb.get_sheet_by_index(i)
            sheets.append((wb.sheet_names[i], sheet.to_python(skip_empty_area=False)))
    except Exception as exc:  # calamine raises several types for broken files
        raise UnreadableFile(
            p.t(
                "data.excel_broken",
                error=str(exc).splitlines()[0][:120] if str(exc) else type(exc).__name__,
            ),
            p.t("data.excel_broken_hint"),
        ) from None
    chosen = None
    for name, rows in sheets:
        h = find_header(table, rows)
        if h is not None:
            chosen = (name, rows, h)
            break
    if chosen is None:
        nonempty = [
            (n, r) for n, r in sheets if any(any(c not in (None, "") for c in row) for row in r)
        ]
        if not nonempty:
            raise UnreadableFile(p.t("data.no_data_rows"), p.t("data.no_data_rows_hint"))
        name, rows = nonempty[0]
        h = next(i for i, row in enumerate(rows) if any(c not in (None, "") for c in row))
        chosen = (name, rows, h)
    name, rows, h = chosen
    if len(sheets) > 1 and name != sheets[0][0]:
        p.add("info", file, p.t("data.sheet_used", sheet=name))
    header_row = h + 1
    if h > 0:
        p.add("info", file, p.t("data.title_rows_skipped", n=h), row=header_row)
    mapping = map_columns(table, rows[h], file, header_row, p)
    if _has_error_cells(path):
        rows = _with_error_values(path, name, rows, h, mapping)
    body = rows[h + 1 :]
    cols = {}
    for pos, canon in mapping.items():
        cols[canon] = pd.Series(
            [_cell_text(r[pos]) if pos < len(r) else None for r in body], dtype="str"
        )
    frame = pd.DataFrame(cols, index=pd.RangeIndex(len(body)))
    rows_no = np.arange(header_row + 1, header_row + 1 + len(body), dtype=np.int64)
    headers = {canon: str(rows[h][pos]).strip() for pos, canon in mapping.items()}
    return RawTable(file, frame, rows_no, "excel", header_row=header_row, headers=headers)


def _has_error_cells(path: Path) -> bool:
    """True when an .xlsx/.xlsm worksheet holds an error cell (``t="e"``); cheap byte scan."""
    import zipfile

    try:
        with zipfile.ZipFile(path) as zf:
            for info in zf.infolist():
                if not info.filename.startswith("xl/worksheets/"):
                    continue
                with zf.open(info) as fh:
                    tail = b""
                    for chunk in iter(lambda: fh.read(1 << 20), b""):
                        if b't="e"' in tail + chunk:
                            return True
                        tail = chunk[-8:]
    except (zipfile.BadZipFile, OSError, KeyError):
        return False  # .xls or damaged: calamine's result stands
    return False


def _with_error_values(
    path: Path, sheet: str, rows: list[list[object]], h: int, mapping: dict[int, str]
) -> list[list[object]]:
    """``rows`` with the Excel error values (``#DIV/0!`` ...) calamine left empty, via openpyxl."""
    import openpyxl

    try:
        wb = openpyxl.load_workbook(path, data_only=True, read_only=True)
        ws = wb[sheet]
        rows = [list(r) for r in rows]
        for i, values in enumerate(ws.iter_rows(min_row=h + 2, values_only=True), start=h + 1):
            if i >= len(rows):
                break
            for pos in mapping:
                v = values[pos] if pos < len(values) else None
                if isinstance(v, str) and v in EXCEL_ERRORS and pos < len(rows[i]):
                    rows[i][pos] = v
        wb.close()
    except Exception:  # openpyxl cannot read it: calamine's (empty) cells stand
        return rows
    return rows


# --------------------------------------------------------------------------- CSV


def _guessed(enc: str, p: Problems, file: str) -> tuple[str, int]:
    """Say that the file is not UTF-8 and which single-byte encoding is used; (enc, no BOM)."""
    p.add(
        "info",
        file,
        p.t("data.encoding_guess", encoding="Windows-1252" if enc == "cp1252" else "ISO-8859-1"),
        hint=p.t("data.encoding_hint"),
    )
    return enc, 0


def _detect_encoding(raw: bytes, p: Problems, file: str) -> tuple[str, int]:
    """(encoding, BOM length): UTF-8 (with or without BOM), else Windows-1252."""
    bom = 3 if raw.startswith(b"\xef\xbb\xbf") else 0
    try:
        raw[bom:].decode("utf-8")
        return "utf-8", bom
    except UnicodeDecodeError:
        pass
    try:
        raw.decode("cp1252")
        enc = "cp1252"
    except UnicodeDecodeError:
        enc = "latin-1"
    return _guessed(enc, p, file)


def _split(line: str, delim: str) -> list[str]:
    try:
        return next(csv.reader([line], delimiter=delim))
    except (StopIteration, csv.Error):
        return []


def _sniff_header(table: str, lines: list[str]) -> tuple[int, str]:
    """(index of header line, delimiter)."""
    start = 0
    forced = None
    if lines and lines[0].strip().lower().startswith("sep=") and len(lines[0].strip()) >= 5:
        forced = lines[0].strip()[4]
        start = 1
    delims = (forced,) if forced else _DELIMITERS
    for i in range(start, min(len(lines), start + HEADER_SCAN_ROWS)):
        best = max(
            (
                (_header_score(table, _split(lines[i], d)), len(_split(lines[i], d)), d)
                for d in delims
            ),
        )
        if best[0] >= 2:
            return i, best[2]
    i = next((j for j in range(start, len(lines)) if lines[j].strip()), start)
    if forced:
        return i, forced
    sample = [ln for ln in lines[i : i + 20] if ln.strip()]
    counts = {d: min(ln.count(d) for ln in sample) if sample else 0 for d in _DELIMITERS}
    delim = max(_DELIMITERS, key=lambda d: (counts[d], d == ";"))
    return i, delim if counts[delim] > 0 else ";"


@dataclass
class _Scan:
    """What one streamed pass over a CSV file found (the file is never held whole)."""

    size: int = 0
    bom: int = 0
    utf8: bool = True
    #: no byte that Windows-1252 leaves undefined
    cp1252: bool = True
    nul: bool = False
    newlines: int = 0
    ends_with_newline: bool = False


#: bytes Windows-1252 does not define (a file holding one is read as ISO-8859-1)
_CP1252_UNDEFINED = (b"\x81", b"\x8d", b"\x8f", b"\x90", b"\x9d")
#: chunk size of the streamed pass
_SCAN_CHUNK = 8 << 20


def _scan(path: Path) -> _Scan:
    """Encoding evidence, NUL bytes and line count of ``path`` in 8 MB chunks."""
    import codecs

    scan = _Scan()
    decoder = codecs.getincrementaldecoder("utf-8")()
    last = b""
    with path.open("rb") as fh:
        for chunk in iter(lambda: fh.read(_SCAN_CHUNK), b""):
            if not scan.size:
                scan.bom = 3 if chunk.startswith(b"\xef\xbb\xbf") else 0
            scan.size += len(chunk)
            scan.newlines += chunk.count(b"\n")
            scan.nul = scan.nul or b"\x00" in chunk
            if scan.cp1252 and any(b in chunk for b in _CP1252_UNDEFINED):
                scan.cp1252 = False
            if scan.utf8:
                try:
                    decoder.decode(chunk)
                except UnicodeDecodeError:
                    scan.utf8 = False
            last = chunk
    if scan.utf8:
        try:
            decoder.decode(b"", final=True)
        except UnicodeDecodeError:
            scan.utf8 = False
    scan.ends_with_newline = last.endswith(b"\n")
    return scan


def _scanned_encoding(scan: _Scan, p: Problems, file: str) -> tuple[str, int]:
    """(encoding, BOM length) as :func:`_detect_encoding` decides it, from a :class:`_Scan`."""
    if scan.utf8:
        return "utf-8", scan.bom
    enc = "cp1252" if scan.cp1252 else "latin-1"
    return _guessed(enc, p, file)


def _read_csv(path: Path, table: str, p: Problems, utf16: bool = False) -> RawTable:
    """Read a CSV file. Plain files are streamed (never held whole in memory); UTF-16
    files and files with NUL bytes are read into memory first and cleaned there.
    """
    file = path.name
    raw: bytes | None = None
    scan = None if utf16 else _scan(path)
    if scan is None:
        raw = path.read_bytes().decode("utf-16").encode("utf-8")
        enc, bom = "utf-8", 0
    elif scan.nul:
        raw = path.read_bytes()
        enc, bom = _detect_encoding(raw, p, file)
        raw = _drop_nul_bytes(raw, table, p, file)
    else:
        enc, bom = _scanned_encoding(scan, p, file)
    if raw is not None:
        head, size = raw[: bom + SNIFF_BYTES], len(raw)
    else:
        assert scan is not None
        with path.open("rb") as fh:
            head = fh.read(bom + SNIFF_BYTES)
        size = scan.size
    head_text = head[bom:].decode(enc, errors="replace")
    lines = head_text.splitlines(keepends=True)
    if size > bom + SNIFF_BYTES and len(lines) > 1:
        lines = lines[:-1]  # last line may be cut
    if not any(ln.strip() for ln in lines):
        raise UnreadableFile(p.t("data.file_blank"), p.t("data.file_empty_hint"))
    h, delim = _sniff_header(table, [ln.rstrip("\r\n") for ln in lines])
    header_fields = _split(lines[h].rstrip("\r\n"), delim)
    header_row = h + 1
    if h > 0 and not lines[0].strip().lower().startswith("sep="):
        p.add("info", file, p.t("data.title_rows_skipped", n=h), row=header_row)
    mapping = map_columns(table, header_fields, file, header_row, p)
    offset = bom + len("".join(lines[: h + 1]).encode(enc))
    if not lines[h].endswith(("\n", "\r")):  # header longer than the sniffed part
        end = raw.find(b"\n", offset) if raw is not None else _find_newline(path, offset)
        offset = size if end < 0 else end + 1
    ncols = len(header_fields)
    if raw is not None:
        lines_after = raw.count(b"\n", offset) + (0 if raw.endswith(b"\n") or size <= offset else 1)
        frame, rows = _read_body_arrow(
            io.BytesIO(memoryview(raw)[offset:]), lines_after, enc, delim, ncols, header_row,
            mapping,
        )  # fmt: skip
    else:
        assert scan is not None
        with path.open("rb") as fh:
            before = fh.read(offset).count(b"\n")
            lines_after = (
                scan.newlines - before + (0 if scan.ends_with_newline or size <= offset else 1)
            )
            frame, rows = _read_body_arrow(fh, lines_after, enc, delim, ncols, header_row, mapping)
    if frame is None:
        if raw is None:
            raw = path.read_bytes()
        frame, rows = _read_body_python(
            raw, offset, enc, delim, ncols, header_row, mapping, table, p, file
        )
    headers = {canon: str(header_fields[pos]).strip() for pos, canon in mapping.items()}
    return RawTable(
        file,
        frame,
        rows,
        "csv",
        encoding=enc,
        delimiter=delim,
        decimal_default="," if delim in (";", "\t") else ".",
        header_row=header_row,
        headers=headers,
    )


def _find_newline(path: Path, offset: int) -> int:
    """Position of the first ``\\n`` at or after ``offset`` in ``path``, -1 when there is none."""
    with path.open("rb") as fh:
        fh.seek(offset)
        pos = offset
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            at = chunk.find(b"\n")
            if at >= 0:
                return pos + at
            pos += len(chunk)
    return -1


def _drop_nul_bytes(raw: bytes, table: str, p: Problems, file: str) -> bytes:
    """``raw`` without NUL bytes; each line that had one is reported (file line numbers)."""
    if b"\x00" not in raw:
        return raw
    data = np.frombuffer(raw, dtype=np.uint8)
    at = np.flatnonzero(data == 0)
    newlines = np.flatnonzero(data == 10)
    lines = np.unique(np.searchsorted(newlines, at) + 1)
    severity = "error" if TABLES[table].required else "warning"
    p.add_rows(
        severity,
        file,
        lines,
        "",
        np.full(len(lines), "", dtype=object),
        p.t("data.h9_nul_bytes", n=p.num(len(lines))),
        p.t("data.h9_nul_bytes_hint"),
    )
    return raw.replace(b"\x00", b"")


def _read_body_arrow(
    source: IO[bytes],
    lines_after: int,
    enc: str,
    delim: str,
    ncols: int,
    header_row: int,
    mapping: dict[int, str],
) -> tuple[pd.DataFrame | None, np.ndarray]:
    """Fast path: pyarrow, streamed in 4 MB blocks from ``source`` (positioned after the
    header). None when a row is ragged or quoting breaks.

    Only the mapped columns are kept. Each block's text is trimmed, empty cells become
    missing, and the block is dictionary-encoded at once, so a column costs its codes
    plus its distinct values, not every cell's text: the columns come back as pandas
    categoricals (see :func:`kamlib.data.parse` for how they are parsed per value).
    """
    import pyarrow as pa
    import pyarrow.compute as pc
    import pyarrow.csv as pacsv

    names = [f"c{i}" for i in range(ncols)]
    bad: list[int] = []

    def on_invalid(row: object) -> str:
        bad.append(1)
        return "skip"

    keep = {names[i]: canon for i, canon in mapping.items()}
    chunks: dict[str, list] = {n: [] for n in keep}
    n_rows = 0
    try:
        reader = pacsv.open_csv(
            source,
            read_options=pacsv.ReadOptions(column_names=names, encoding=enc, block_size=1 << 22),
            parse_options=pacsv.ParseOptions(
                delimiter=delim, invalid_row_handler=on_invalid, ignore_empty_lines=False
            ),
            convert_options=pacsv.ConvertOptions(
                column_types={n: pa.string() for n in names},
                include_columns=list(keep),
                strings_can_be_null=True,
                quoted_strings_can_be_null=True,
                null_values=[""],
            ),
        )
        for batch in reader:
            if bad:
                break
            n_rows += batch.num_rows
            for n in keep:
                # pyarrow keeps surrounding blanks; "  " counts as empty
                arr = pc.utf8_trim_whitespace(batch.column(n))
                arr = pc.if_else(pc.equal(arr, ""), pa.scalar(None, pa.string()), arr)
                chunks[n].append(pc.dictionary_encode(arr))
    except (pa.ArrowInvalid, UnicodeDecodeError, ValueError):
        return None, np.empty(0, dtype=np.int64)
    # a record over several lines (a quoted value with line breaks, or an unclosed
    # quote) needs the slow path's exact line numbers
    if bad or n_rows != lines_after:
        return None, np.empty(0, dtype=np.int64)
    index = pd.RangeIndex(n_rows)
    cols = {}
    for n, canon in keep.items():
        cols[canon] = pd.Series(_categorical(chunks.pop(n), n_rows), index=index)
    frame = pd.DataFrame(cols, index=index)
    rows = np.arange(header_row + 1, header_row + 1 + len(frame), dtype=np.int64)
    return frame, rows


def _categorical(chunks: list, n_rows: int) -> pd.Categorical:
    """One pandas categorical (categories: pyarrow-backed strings) from dictionary chunks."""
    import pyarrow as pa
    import pyarrow.compute as pc

    if not chunks:
        return pd.Categorical(
            np.full(n_rows, None, dtype=object), categories=pd.Index([], dtype="str")
        )
    unified = pa.chunked_array(chunks).unify_dictionaries()
    dictionary = unified.chunk(0).dictionary
    codes = np.empty(n_rows, dtype=np.int32)
    at = 0
    for chunk in unified.chunks:
        codes[at : at + len(chunk)] = pc.fill_null(chunk.indices, -1).to_numpy(zero_copy_only=False)
        at += len(chunk)
    categories = pd.Index(pd.arrays.ArrowStringArray(dictionary), dtype="str")
    return pd.Categorical.from_codes(codes, categories=categories, validate=False)


def _swallows_rows(rec: list[str], delim: str, ncols: int) -> bool:
    """A multi-line record that is really an unclosed quote eating the rows after it.

    Either its field count is wrong (the quote ran to the end of the file) or a
    continuation line inside a quoted value looks like a row of its own.
    """
    if len(rec) != ncols:
        return True
    need = max(1, ncols - 1)
    return any(
        line.count(delim) >= need
        for value in rec
        if "\n" in value
        for line in value.split("\n")[1:]
    )


def _read_body_python(
    raw: bytes,
    offset: int,
    enc: str,
    delim: str,
    ncols: int,
    header_row: int,
    mapping: dict[int, str],
    table: str,
    p: Problems,
    file: str,
) -> tuple[pd.DataFrame, np.ndarray]:
    """Slow path with exact line numbers: ragged rows and multi-line quoted values."""
    text = raw[offset:].decode(enc, errors="replace")
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delim)
    positions = list(mapping)
    data: list[list[str | None]] = [[] for _ in positions]
    rows: list[int] = []
    ragged_rows: list[int] = []
    ragged_vals: list[str] = []
    prev = 0
    severity = "error" if TABLES[table].required else "warning"
    try:
        for rec in reader:
            start = header_row + prev + 1
            span = reader.line_num - prev
            prev = reader.line_num
            if not rec or all(not c.strip() for c in rec):
                continue
            if span > 1 and _swallows_rows(rec, delim, ncols):
                p.add(
                    severity,
                    file,
                    p.t("data.h9_open_quote", n=p.num(span - 1)),
                    row=start,
                    value=delim.join(rec).split("\n")[0],
                    hint=p.t("data.h9_open_quote_hint"),
                )
                continue
            if len(rec) != ncols:
                # trailing empty fields (a delimiter at line end) are harmless
                if len(rec) > ncols and not any(c.strip() for c in rec[ncols:]):
                    rec = rec[:ncols]
                else:
                    ragged_rows.append(start)
                    ragged_vals.append(delim.join(rec)[:80])
                    continue
            rows.append(start)
            for k, pos in enumerate(positions):
                v = rec[pos].strip()
                data[k].append(v or None)
    except csv.Error as exc:
        raise UnreadableFile(
            p.t("data.csv_broken", error=str(exc)), p.t("data.csv_broken_hint")
        ) from None
    if ragged_rows:
        p.add_rows(
            severity,
            file,
            np.asarray(ragged_rows),
            "",
            np.asarray(ragged_vals, dtype=object),
            p.t("data.ragged_row", expected=ncols),
            p.t("data.ragged_row_hint"),
        )
    frame = pd.DataFrame(
        {mapping[pos]: pd.Series(data[k], dtype="str") for k, pos in enumerate(positions)},
        index=pd.RangeIndex(len(rows)),
    )
    return frame, np.asarray(rows, dtype=np.int64)
