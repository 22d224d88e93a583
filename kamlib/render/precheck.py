"""Render pre-check: read a client's data once, before any kernel starts.

``kam render`` and ``kam validate`` must agree on the same client folder
(issue 9, item 7), and an as_of outside the data must stop the render before
anything is written (item 6). :func:`precheck_client` runs the data layer's
validation (:func:`kamlib.data.validate.collect`) once per client and returns

- ``blocking``: a :class:`DataError` per module that must not be rendered
  (errors in customers/sales, or an as_of whose analysis window holds no sales);
- ``note`` / ``errors``: errors in optional tables. The deliverables are still
  made without those tables, but the batch ends with exit code 1, as
  ``kam validate`` does for the same folder.

Missing table files are left to :func:`kamlib.render.task.check_inputs`
(it knows which module needs which table and skips instead of failing).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from kamlib.as_of import as_of_outside_data, parse_as_of
from kamlib.config import ClientConfig
from kamlib.i18n import t
from kamlib.modules import BASE_TABLES
from kamlib.render.errors import DataError, ui_lang

#: tables without which no module can run: their errors block every module
DEFAULT_WINDOW_MONTHS = 12


@dataclass
class PreCheck:
    """Outcome of :func:`precheck_client` for one client."""

    blocking: dict[str, DataError] = field(default_factory=dict)
    #: number of error-severity problems in optional inputs (deliverables still made)
    errors: int = 0
    note: str = ""
    #: customer ids flagged as key accounts (per-account modules render one deliverable each)
    key_accounts: list[str] = field(default_factory=list)


def module_window_months(config: ClientConfig, module: str) -> int:
    """Analysis window of ``module`` in months (its ``window_months`` setting, else 12)."""
    section = getattr(config, module, None)
    return int(getattr(section, "window_months", DEFAULT_WINDOW_MONTHS))


def _problem_line(row: pd.Series) -> str:
    parts = [str(row["file"])]
    if pd.notna(row["row"]) and str(row["row"]) != "":
        parts.append(f"row {int(row['row'])}")
    if str(row["column"] or ""):
        parts.append(f"column {row['column']}")
    return ", ".join(parts) + f": {row['message']}"


def precheck_client(
    client_dir: Path, config: ClientConfig, modules: list[str], as_of: str | None
) -> PreCheck:
    """Validate ``client_dir`` once and decide per module whether it may render."""
    from kamlib.data.validate import collect

    lang = ui_lang()
    client = client_dir.name
    got = collect(client_dir, lang=lang)
    problems = got.problems
    errors = problems[problems["severity"] == "error"]
    stems = errors["file"].map(lambda f: Path(str(f).split("/")[0]).stem.lower())
    base = errors[stems.isin(BASE_TABLES)]
    out = PreCheck()
    if not base.empty:
        lines = [_problem_line(r) for _, r in base.head(10).iterrows()]
        message = t("safety.render.data_errors", lang, client=client, n=len(base), first=lines[0])
        details = "\n".join([*lines[1:], t("render.data_error_hint", lang, client_dir=client_dir)])
        out.blocking = {m: DataError(message, details) for m in modules}
        return out
    other = errors[~stems.isin(BASE_TABLES)]
    if not other.empty:
        files = ", ".join(dict.fromkeys(str(f) for f in other["file"]))
        out.errors = len(other)
        out.note = t(
            "safety.render.optional_errors", lang, n=len(other), files=files, client_dir=client_dir
        )
    out.key_accounts = flagged_key_accounts(got.tables.get("customers"))
    sales = got.tables.get("sales")
    if sales is None:
        return out  # no sales file: check_inputs reports it per module
    day = parse_as_of(as_of) if as_of else config.as_of
    for module in modules:
        outside = as_of_outside_data(sales["date"], day, module_window_months(config, module))
        if outside is not None:
            out.blocking[module] = DataError(as_of_message(client, outside, lang))
    return out


def flagged_key_accounts(customers: pd.DataFrame | None) -> list[str]:
    """Ids of the customers flagged ``is_key_account`` in the master, in file order."""
    if customers is None or "is_key_account" not in customers:
        return []
    flagged = customers["is_key_account"].fillna(False).astype(bool)
    return [str(c) for c in customers.loc[flagged, "customer_id"]]


def as_of_message(client: str, outside, lang: str) -> str:  # noqa: ANN001 - OutsideData
    """One line: the as_of given, its empty window and the data's date range."""
    if outside.first_sale is None:
        return t("safety.as_of.no_sales", lang, client=client)
    return t(
        "safety.as_of.outside",
        lang,
        client=client,
        as_of=outside.as_of.isoformat(),
        start=outside.window_start.isoformat(),
        first=outside.first_sale.isoformat(),
        last=outside.last_sale.isoformat(),
    )
