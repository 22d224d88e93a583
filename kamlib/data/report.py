"""``kam validate``: print the problem table and optionally write it to Excel/CSV."""

from __future__ import annotations

import sys
from pathlib import Path

import pandas as pd

from kamlib.atomic import atomic_write_with
from kamlib.data.problems import PROBLEM_COLUMNS, problems_text
from kamlib.export import as_os_error
from kamlib.i18n import console_lang, fmt_int, t
from kamlib.texts import ENV_VAR, check_texts

EXIT_OK, EXIT_DATA = 0, 1
_STYLE = {"error": "bold red", "warning": "yellow", "info": "dim"}


def problem_table_labels(lang: str) -> dict[str, str]:
    """Problem column -> header text in ``lang``."""
    return {c: t(f"data.h_{c}", lang) for c in PROBLEM_COLUMNS}


def localised_problems(problems: pd.DataFrame, lang: str) -> pd.DataFrame:
    """Problem table in ``lang``: texts, severity and column headers (for people, not code)."""
    out = problems_text(problems, lang)[PROBLEM_COLUMNS]
    out["severity"] = out["severity"].map(lambda s: t(f"data.sev_{s}", lang))
    return out.rename(columns=problem_table_labels(lang))


def write_problems(problems: pd.DataFrame, path: Path, lang: str) -> None:
    """Write the problem list to ``.xlsx`` (filterable, frozen header) or ``.csv`` (UTF-8)."""
    table = localised_problems(problems, lang)
    if path.suffix.lower() == ".csv":
        atomic_write_with(path, lambda tmp: table.to_csv(tmp, index=False, encoding="utf-8"))
        return
    atomic_write_with(path, lambda tmp: _write_problem_workbook(table, tmp))


def _write_problem_workbook(table: pd.DataFrame, path: Path) -> None:
    from xlsxwriter.exceptions import FileCreateError

    try:
        _fill_problem_workbook(table, path)
    except FileCreateError as exc:
        raise as_os_error(exc) from None


def _fill_problem_workbook(table: pd.DataFrame, path: Path) -> None:
    with pd.ExcelWriter(path, engine="xlsxwriter") as xw:
        table.to_excel(xw, index=False, sheet_name="problems")
        ws = xw.sheets["problems"]
        widths = [10, 22, 7, 20, 20, 70, 60]
        for j, w in enumerate(widths):
            ws.set_column(j, j, w)
        ws.autofilter(0, 0, max(len(table), 1), len(table.columns) - 1)
        ws.freeze_panes(1, 0)


def print_problems(problems: pd.DataFrame, lang: str, title: str, file=None) -> None:
    """Print the table with rich (colours on a terminal, plain text otherwise)."""
    from rich.console import Console
    from rich.markup import escape
    from rich.table import Table

    out = file or sys.stdout
    # client text is printed literally: no [markup], no :emoji: codes, no auto-highlighting
    console = Console(file=out, width=None if out.isatty() else 160, emoji=False, highlight=False)
    if problems.empty:
        console.print(escape(title))
        return
    labels = problem_table_labels(lang)
    table = Table(title=escape(title), show_lines=False, header_style="bold")
    for c in PROBLEM_COLUMNS:
        table.add_column(escape(labels[c]), overflow="fold", no_wrap=c in ("severity", "row"))
    for r in problems.itertuples(index=False):
        row = "" if pd.isna(r.row) else str(int(r.row))
        cells = [t(f"data.sev_{r.severity}", lang), str(r.file), row, str(r.column)]
        cells += [str(r.value)[:40], str(r.message), str(r.hint)]
        table.add_row(*(escape(c) for c in cells), style=_STYLE.get(r.severity, ""))
    console.print(table)


def run_validate(client_dir: Path, out: Path | None) -> int:
    """Validate ``client_dir``, print the problems, write them to ``out``; return the exit code.

    0 = no errors (warnings allowed), 1 = at least one error. Never lets a
    traceback reach the user: an unexpected failure is reported as an error.
    """
    from kamlib.data.validate import collect

    client_dir = Path(client_dir)
    lang = console_lang()
    try:
        got = collect(client_dir, lang=lang)
    except Exception as exc:  # last line of defence: a message, never a traceback
        print(t("data.v_crash", lang, error=f"{type(exc).__name__}: {exc}"), file=sys.stderr)
        return EXIT_DATA
    problems = problems_text(got.problems, lang)
    counts = problems["severity"].value_counts()
    name = got.config.name if got.config else client_dir.name
    print_problems(problems, lang, t("data.v_title", lang, client=name))
    rows = ", ".join(f"{k} {fmt_int(len(v), lang)}" for k, v in got.tables.items() if v is not None)
    print(t("data.v_tables", lang, tables=rows or "–"))
    print(
        t(
            "data.v_summary",
            lang,
            errors=int(counts.get("error", 0)),
            warnings=int(counts.get("warning", 0)),
            infos=int(counts.get("info", 0)),
        )
    )
    failed = bool(counts.get("error", 0))
    print(t("data.v_failed" if failed else "data.v_ok", lang))
    if notes := check_texts(client_dir):  # the firm's own wording; never an error
        print(t("overrides.v_title", lang, variable=ENV_VAR))
        print("\n".join(f"  - {note}" for note in notes))
    if out is not None:
        try:
            write_problems(problems, Path(out), lang)
            print(t("data.v_written", lang, path=out))
        except (OSError, ValueError) as exc:  # full disk, no permission: nothing left behind
            reason = getattr(exc, "strerror", None) or exc
            print(t("safety.out.file_failed", lang, path=out, reason=reason), file=sys.stderr)
            return EXIT_DATA
    return EXIT_DATA if failed else EXIT_OK
