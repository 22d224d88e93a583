"""Collecting problems (severity, file, row, column, value, message, hint).

Row numbers are the ones the user sees in Excel or an editor: header row = 1,
first data row = 2, plus any title rows above the header.

Problems are stored language-neutral: besides the text in the language they
were collected in (``message``/``hint``), every row keeps the message key and
its parameters (``message_key``/``message_params``, ``hint_key``/``hint_params``,
parameters as JSON). :func:`problems_text` renders the texts again in the
language where they are shown, so a German client's problems read in English
in an English deliverable. Numbers, amounts and percentages in parameters are
kept as values (:class:`Fmt`) and formatted for the display language.

This module imports nothing from the rest of :mod:`kamlib.data` (no import
circle): :data:`PROBLEM_COLUMNS` and :func:`empty_problems` live here.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

from kamlib.i18n import fmt_int, fmt_money, fmt_pct, t

#: columns of the problem table shown to people, in display order
PROBLEM_COLUMNS = ["severity", "file", "row", "column", "value", "message", "hint"]
#: language-neutral columns: message/hint key and JSON parameters
KEY_COLUMNS = ["message_key", "message_params", "hint_key", "hint_params"]
ALL_COLUMNS = PROBLEM_COLUMNS + KEY_COLUMNS

SEVERITIES = ("error", "warning", "info")
#: individual rows listed per (file, column, message) before a summary row
MAX_ROWS_PER_PROBLEM = 20
#: longest cell value shown in a problem row; longer values are cut and marked
MAX_VALUE_CHARS = 80
#: longest text parameter of a message (headers, error texts, lists of allowed values)
MAX_PARAM_CHARS = 400
#: marks a value that was cut
CUT_MARK = "[…]"


def shorten(value: object, limit: int = MAX_VALUE_CHARS) -> str:
    """``value`` as text, cut to ``limit`` characters with :data:`CUT_MARK` appended."""
    text = "" if value is None else str(value)
    return text if len(text) <= limit else text[:limit] + CUT_MARK


def _shorten_series(values: pd.Series, limit: int = MAX_VALUE_CHARS) -> pd.Series:
    long = values.str.len() > limit
    if long.any():
        values = values.where(~long, values.str.slice(0, limit) + CUT_MARK)
    return values


def empty_problems() -> pd.DataFrame:
    """A problem table without rows (all columns present)."""
    return pd.DataFrame({c: pd.Series(dtype="object") for c in ALL_COLUMNS})


@dataclass(frozen=True)
class Fmt:
    """A number parameter formatted when the text is rendered: ``int``, ``money`` or ``pct``."""

    kind: str
    value: float
    currency: str = "EUR"

    def render(self, lang: str) -> str:
        if self.kind == "int":
            return fmt_int(self.value, lang)
        if self.kind == "money":
            return fmt_money(self.value, lang, self.currency)
        return fmt_pct(self.value, lang)


class Text(str):
    """A text rendered in one language that remembers its key and parameters."""

    key: str
    params: dict[str, Any]

    def __new__(cls, rendered: str, key: str, params: dict[str, Any]) -> Text:
        obj = super().__new__(cls, rendered)
        obj.key = key
        obj.params = params
        return obj


def _resolve(value: Any, lang: str) -> Any:
    if isinstance(value, Fmt):
        return value.render(lang)
    if isinstance(value, Text):
        return render(value.key, value.params, lang)
    if isinstance(value, list):
        return " ".join(s for s in (str(_resolve(v, lang)).strip() for v in value) if s)
    return value


def render(key: str, params: dict[str, Any], lang: str) -> str:
    """The text of ``key`` in ``lang`` with ``params`` (nested texts and :class:`Fmt`) filled."""
    return t(key, lang, **{k: _resolve(v, lang) for k, v in params.items()})


def _to_json(value: Any) -> Any:
    if isinstance(value, Fmt):
        return {"$fmt": value.kind, "v": value.value, "c": value.currency}
    if isinstance(value, Text):
        return {"$text": value.key, "p": {k: _to_json(v) for k, v in value.params.items()}}
    if isinstance(value, list):
        return [_to_json(v) for v in value]
    if isinstance(value, (np.integer, np.floating)):
        return value.item()
    if isinstance(value, (int, float, str)) or value is None:
        return value
    return str(value)


def _from_json(value: Any) -> Any:
    if isinstance(value, dict) and "$fmt" in value:
        return Fmt(value["$fmt"], value["v"], value.get("c", "EUR"))
    if isinstance(value, dict) and "$text" in value:
        params = {k: _from_json(v) for k, v in value["p"].items()}
        return Text("", value["$text"], params)
    if isinstance(value, list):
        return [_from_json(v) for v in value]
    return value


def _key_and_params(text: object) -> tuple[str, str]:
    """(key, JSON parameters) of a :class:`Text`; ``("", "")`` for plain text."""
    if not isinstance(text, Text):
        return "", ""
    return text.key, json.dumps({k: _to_json(v) for k, v in text.params.items()})


def _render_json(key: str, params: str, lang: str) -> str:
    return render(key, {k: _from_json(v) for k, v in json.loads(params or "{}").items()}, lang)


def problems_text(problems: pd.DataFrame, lang: str) -> pd.DataFrame:
    """The problem table with ``message`` and ``hint`` rendered in ``lang``.

    Rows without a key (texts that only exist in one language, e.g. from an
    older cache) keep their text. Call this wherever problems are shown: the
    validate console, the problem export file, the deliverable.
    """
    out = problems.copy()
    if out.empty or "message_key" not in out.columns:
        return out
    for text_col, key_col, par_col in (
        ("message", "message_key", "message_params"),
        ("hint", "hint_key", "hint_params"),
    ):
        keyed = out[key_col].fillna("").astype(str).ne("")
        if keyed.any():
            out.loc[keyed, text_col] = [
                _render_json(k, p, lang)
                for k, p in zip(out.loc[keyed, key_col], out.loc[keyed, par_col], strict=True)
            ]
    return out


class Problems:
    """Accumulates problem rows; texts are rendered in ``lang`` when added and keep their key."""

    def __init__(self, lang: str = "en"):
        self.lang = lang
        self._rows: list[dict[str, Any]] = []
        self._frames: list[pd.DataFrame] = []

    def t(self, key: str, **kwargs: Any) -> Text:
        """The text of ``key`` in this collector's language, remembering key and parameters."""
        params = {
            k: shorten(v, MAX_PARAM_CHARS) if type(v) is str else v for k, v in kwargs.items()
        }
        return Text(render(key, params, self.lang), key, params)

    def join(self, *parts: str) -> Text:
        """Several texts as one (separated by a blank), each still translatable."""
        params = {"parts": [p for p in parts if p]}
        return Text(render("data.h9_join", params, self.lang), "data.h9_join", params)

    def num(self, n: float) -> Fmt:
        """A count parameter, formatted in the display language."""
        return Fmt("int", int(n))

    def money(self, amount: float, currency: str) -> Fmt:
        """An amount parameter, formatted in the display language."""
        return Fmt("money", float(amount), currency)

    def pct(self, share: float) -> Fmt:
        """A share parameter (0.25 = 25 %), formatted in the display language."""
        return Fmt("pct", float(share))

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
        """Add one problem row (``message``/``hint`` from :meth:`t`; plain text is kept as is)."""
        assert severity in SEVERITIES, severity
        mkey, mpar = _key_and_params(message)
        hkey, hpar = _key_and_params(hint)
        self._rows.append(
            {
                "severity": severity,
                "file": shorten(file),
                "row": None if row is None else int(row),
                "column": shorten(column),
                "value": shorten(value),
                "message": str(message),
                "hint": str(hint),
                "message_key": mkey,
                "message_params": mpar,
                "hint_key": hkey,
                "hint_params": hpar,
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
        head = values.iloc[:k] if isinstance(values, pd.Series) else values[:k]
        vals = pd.Series(np.asarray(head, dtype=object)).astype(object)
        vals = _shorten_series(vals.where(vals.notna(), "").astype(str))
        mkey, mpar = _key_and_params(message)
        hkey, hpar = _key_and_params(hint)
        frame = pd.DataFrame(
            {
                "severity": severity,
                "file": shorten(file),
                "row": np.asarray(rows[:k], dtype=np.int64),
                "column": shorten(column),
                "value": vals.to_numpy(),
                "message": str(message),
                "hint": str(hint),
                "message_key": mkey,
                "message_params": mpar,
                "hint_key": hkey,
                "hint_params": hpar,
            }
        )
        self._frames.append(frame[ALL_COLUMNS].astype(object))
        if n > k:
            self.add(
                severity,
                file,
                self.t("data.more_rows", n=self.num(n - k), message=message),
                column=column,
                hint=hint,
            )

    def extend(self, frame: pd.DataFrame) -> None:
        """Append rows of an existing problem table (e.g. from the cache)."""
        if len(frame):
            frame = frame.reindex(columns=ALL_COLUMNS)
            self._frames.append(frame.astype(object))

    def frame(self) -> pd.DataFrame:
        """All problems in the order found, as a DataFrame (``row`` is Int64)."""
        parts = list(self._frames)
        if self._rows:
            parts.append(pd.DataFrame(self._rows, columns=ALL_COLUMNS).astype(object))
        out = empty_problems() if not parts else pd.concat(parts, ignore_index=True)
        out["row"] = pd.array(out["row"].tolist(), dtype="Int64") if len(out) else out["row"]
        for c in ALL_COLUMNS:
            if c != "row":
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
