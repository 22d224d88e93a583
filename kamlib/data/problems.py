"""Collecting problems (severity, file, row, column, value, message, hint).

Row numbers are the ones the user sees in Excel or an editor: header row = 1,
first data row = 2, plus any title rows above the header.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd

from kamlib.data.client import PROBLEM_COLUMNS, empty_problems
from kamlib.i18n import fmt_int, t

SEVERITIES = ("error", "warning", "info")
#: individual rows listed per (file, column, message) before a summary row
MAX_ROWS_PER_PROBLEM = 20


class Problems:
    """Accumulates problem rows; texts are rendered in ``lang`` when added."""

    def __init__(self, lang: str = "en"):
        self.lang = lang
        self._rows: list[dict[str, Any]] = []
        self._frames: list[pd.DataFrame] = []

    def t(self, key: str, **kwargs: Any) -> str:
        return t(key, self.lang, **kwargs)

    def add(
        self,
        severity: str,
        file: str,
        message: str,
        *,
        row: int | None = None,
        column: str = "",
        value: Any = "",
        hint: str = "",
    ) -> None:
        """Add one problem row (``message``/``hint`` already translated)."""
        assert severity in SEVERITIES, severity
        self._rows.append(
            {
                "severity": severity,
                "file": file,
                "row": None if row is None else int(row),
                "column": column,
                "value": "" if value is None else str(value),
                "message": message,
                "hint": hint,
            }
        )

    def add_rows(
        self,
        severity: str,
        file: str,
        rows: np.ndarray,
        column: str,
        values: pd.Series | np.ndarray,
        message: str,
        hint: str = "",
    ) -> None:
        """One problem row per affected data row, capped at :data:`MAX_ROWS_PER_PROBLEM`.

        Beyond the cap a single summary row says how many more rows have the
        same problem, so a wrong date format in 1 million lines stays readable.
        """
        n = len(rows)
        if n == 0:
            return
        k = min(n, MAX_ROWS_PER_PROBLEM)
        vals = pd.Series(np.asarray(values, dtype=object)[:k]).astype(object)
        vals = vals.where(vals.notna(), "").astype(str)
        frame = pd.DataFrame(
            {
                "severity": severity,
                "file": file,
                "row": np.asarray(rows[:k], dtype=np.int64),
                "column": column,
                "value": vals.to_numpy(),
                "message": message,
                "hint": hint,
            }
        )
        self._frames.append(frame[PROBLEM_COLUMNS].astype(object))
        if n > k:
            self.add(
                severity,
                file,
                self.t("data.more_rows", n=fmt_int(n - k, self.lang), message=message),
                column=column,
                hint=hint,
            )

    def extend(self, frame: pd.DataFrame) -> None:
        """Append rows of an existing problem table (e.g. from the cache)."""
        if len(frame):
            self._frames.append(frame[PROBLEM_COLUMNS].astype(object))

    def frame(self) -> pd.DataFrame:
        """All problems in the order found, as a DataFrame (``row`` is Int64)."""
        parts = [f for f in self._frames]
        if self._rows:
            parts.append(pd.DataFrame(self._rows, columns=PROBLEM_COLUMNS).astype(object))
        out = empty_problems() if not parts else pd.concat(parts, ignore_index=True)
        out["row"] = pd.array(out["row"].tolist(), dtype="Int64") if len(out) else out["row"]
        for c in ("severity", "file", "column", "value", "message", "hint"):
            out[c] = out[c].astype(object).where(out[c].notna(), "")
        return out.reset_index(drop=True)


def sort_problems(problems: pd.DataFrame) -> pd.DataFrame:
    """Errors first, then warnings, then info; within: file and row order."""
    if problems.empty:
        return problems
    order = problems["severity"].map({s: i for i, s in enumerate(SEVERITIES)})
    rows = problems["row"].astype("Float64").fillna(0)
    return (
        problems.assign(_o=order, _r=rows, _i=np.arange(len(problems)))
        .sort_values(["_o", "file", "_r", "_i"], kind="stable")
        .drop(columns=["_o", "_r", "_i"])
        .reset_index(drop=True)
    )
