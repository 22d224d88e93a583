"""The loaded client: validated tables, configuration and the problem list."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from kamlib.config import ClientConfig, load_config

#: columns of the problem table, in display order
PROBLEM_COLUMNS = ["severity", "file", "row", "column", "value", "message", "hint"]

OPTIONAL_TABLES = ("activities", "ratings", "contacts", "touchpoints", "lost_reasons")


def empty_problems() -> pd.DataFrame:
    return pd.DataFrame({c: pd.Series(dtype="object") for c in PROBLEM_COLUMNS})


class ClientDataError(Exception):
    """Required client inputs could not be loaded; ``problems`` says why."""

    def __init__(self, client_dir: Path | str, problems: pd.DataFrame):
        self.client_dir = str(client_dir)
        self.problems = problems
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
        super().__init__(
            f"{self.client_dir}: {len(errors)} data error(s)\n" + "\n".join(lines) + more
        )


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
    stats: dict[str, float] = field(default_factory=dict)

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


def load_client(client_dir: Path | str, as_of: str | pd.Timestamp | None = None) -> ClientData:
    """Load ``client_dir`` into a :class:`ClientData`.

    ``as_of`` overrides the reference date from client.yaml. Raises
    :class:`~kamlib.config.ConfigError` for an invalid client.yaml and
    :class:`ClientDataError` when customers or sales have errors.

    NOTE: minimal canonical-CSV reader; replaced by the full data layer.
    """
    client_dir = Path(client_dir)
    config = load_config(client_dir / "client.yaml")
    if as_of is not None:
        config = config.model_copy(update={"as_of": pd.Timestamp(as_of).date()})
    customers = pd.read_csv(client_dir / "customers.csv", dtype={"customer_id": str})
    sales = pd.read_csv(client_dir / "sales.csv", dtype={"customer_id": str}, parse_dates=["date"])
    if "contribution_margin" not in sales:
        sales["contribution_margin"] = float("nan")
    tables = {}
    for name in OPTIONAL_TABLES:
        path = client_dir / f"{name}.csv"
        tables[name] = pd.read_csv(path, dtype={"customer_id": str}) if path.exists() else None
    return ClientData(client_dir, config, customers, sales, **tables)
