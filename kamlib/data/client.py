"""The loaded client: validated tables, configuration and the problem list."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from kamlib.config import ClientConfig, ConfigError
from kamlib.data.problems import PROBLEM_COLUMNS, empty_problems, problems_text
from kamlib.data.tables import OPTIONAL_TABLES
from kamlib.data.validate import collect

__all__ = [
    "PROBLEM_COLUMNS",
    "ClientConfigError",
    "ClientData",
    "ClientDataError",
    "empty_problems",
    "load_client",
]


class ClientDataError(Exception):
    """Required client inputs could not be loaded; ``problems`` says why."""

    def __init__(self, client_dir: Path | str, problems: pd.DataFrame):
        self.client_dir = str(client_dir)
        self.problems = problems
        n = int((problems["severity"] == "error").sum())
        Exception.__init__(  # not super(): ClientConfigError also derives from ConfigError
            self, f"{self.client_dir}: {n} data error(s)\n" + self.details()
        )

    def details(self, lang: str | None = None) -> str:
        """The errors, one ``  - file, row, column: problem (what to do)`` line each.

        ``lang`` renders the problem texts in that language (default: as collected).
        """
        problems = self.problems if lang is None else problems_text(self.problems, lang)
        errors = problems[problems["severity"] == "error"]
        lines = [
            f"  - {r.file}"
            + (f", row {r.row}" if pd.notna(r.row) and r.row != "" else "")
            + (f", column {r.column}" if isinstance(r.column, str) and r.column else "")
            + f": {r.message}"
            + (f" ({r.hint})" if isinstance(r.hint, str) and r.hint else "")
            for r in errors.head(20).itertuples()
        ]
        more = f"\n  … and {len(errors) - 20} more" if len(errors) > 20 else ""
        return "\n".join(lines) + more


class ClientConfigError(ClientDataError, ConfigError):
    """client.yaml is invalid: both a :class:`ClientDataError` and a ``ConfigError``."""

    def __init__(self, client_dir: Path | str, problems: pd.DataFrame):
        ClientDataError.__init__(self, client_dir, problems)
        errs = problems[(problems["severity"] == "error") & (problems["file"] == "client.yaml")]
        self.path = str(Path(client_dir) / "client.yaml")
        self.problems_by_key = [(r.column or "(file)", r.message) for r in errs.itertuples()]


@dataclass
class ClientData:
    """Everything an analysis needs about one client.

    Tables use the canonical English column names of DESIGN.md:

    - ``customers``: one row per customer, ``customer_id`` (str) unique.
    - ``sales``: invoice lines, ``date`` (datetime64), ``customer_id`` (str),
      ``net_revenue`` (float, credit notes negative), ``contribution_margin``
      (float, NaN where the export has none). Duplicates and lines of unknown
      customers are already removed (and listed in ``problems``).
    - optional tables are ``None`` when the file is absent or has errors.
    - ``problems``: one row per finding, columns :data:`PROBLEM_COLUMNS`.
    """

    client_dir: Path
    config: ClientConfig
    customers: pd.DataFrame
    sales: pd.DataFrame
    activities: pd.DataFrame | None = None
    ratings: pd.DataFrame | None = None
    contacts: pd.DataFrame | None = None
    touchpoints: pd.DataFrame | None = None
    lost_reasons: pd.DataFrame | None = None
    account_plans: dict[str, dict] = field(default_factory=dict)
    problems: pd.DataFrame = field(default_factory=empty_problems)
    #: data-quality facts for the deliverable box (counts, sums), see quality_facts
    stats: dict[str, float | int | str] = field(default_factory=dict)

    @property
    def name(self) -> str:
        return self.config.name

    @property
    def slug(self) -> str:
        """Folder name of the client, used for report paths."""
        return self.client_dir.name

    @property
    def as_of(self) -> pd.Timestamp:
        """Reference date: ``as_of`` from client.yaml, else the last invoice date."""
        if self.config.as_of is not None:
            return pd.Timestamp(self.config.as_of)
        if self.sales.empty:
            return pd.Timestamp.today().normalize()
        return pd.Timestamp(self.sales["date"].max()).normalize()

    @property
    def data_period(self) -> tuple[pd.Timestamp, pd.Timestamp]:
        """First and last invoice date in the sales data."""
        if self.sales.empty:
            return (self.as_of, self.as_of)
        return (pd.Timestamp(self.sales["date"].min()), pd.Timestamp(self.sales["date"].max()))

    def table(self, name: str) -> pd.DataFrame | None:
        return getattr(self, name)

    def problems_in(self, lang: str) -> pd.DataFrame:
        """The problem table with messages and hints in ``lang`` (see :func:`problems_text`)."""
        return problems_text(self.problems, lang)


def load_client(client_dir: Path | str, as_of: str | pd.Timestamp | None = None) -> ClientData:
    """Load ``client_dir`` into a :class:`ClientData`.

    Reads every input of DESIGN.md ("Client folder") from CSV or Excel,
    validates it (:mod:`kamlib.data.validate`) and returns clean tables plus
    the problem list. ``as_of`` overrides the reference date from client.yaml.

    Raises :class:`ClientDataError` when client.yaml, customers or sales have
    errors (for an invalid client.yaml the exception is also a
    :class:`~kamlib.config.ConfigError`). An optional table with errors is
    ``None``; its problems stay in ``problems``.
    """
    client_dir = Path(client_dir)
    got = collect(client_dir)
    problems = got.problems
    if got.config is None:
        raise ClientConfigError(client_dir, problems)
    errors = problems[problems["severity"] == "error"]
    stems = errors["file"].map(lambda f: Path(str(f)).stem.lower())
    if (
        stems.isin(["customers", "sales"]).any()
        or got.tables.get("customers") is None
        or got.tables.get("sales") is None
    ):
        raise ClientDataError(client_dir, problems)
    config = got.config
    if as_of is not None:
        config = config.model_copy(update={"as_of": pd.Timestamp(as_of).date()})
    optional = {
        name: (None if stems.eq(name).any() else got.tables.get(name)) for name in OPTIONAL_TABLES
    }
    return ClientData(
        client_dir,
        config,
        got.tables["customers"],
        got.tables["sales"],
        account_plans=got.account_plans,
        problems=problems,
        stats=got.stats,
        **optional,
    )
