"""Reading and validating a client folder.

Public API:

- :func:`load_client` -> :class:`ClientData` (clean DataFrames + config + problems)
- :class:`ClientDataError` raised when required inputs have errors
- :func:`find_table_file`: a table's input file by the loader's rules
  (used by the render pre-check); :data:`TABLE_NAMES`, :data:`REQUIRED_TABLES`,
  :data:`OPTIONAL_TABLES` declare which tables exist
- :func:`problems_text`: the problem table's texts in a display language

Canonical columns are listed in ``kamlib.data.schemas`` and in the README.
"""

from kamlib.data.client import ClientData, ClientDataError, load_client
from kamlib.data.problems import problems_text
from kamlib.data.tables import (
    OPTIONAL_TABLES,
    REQUIRED_TABLES,
    TABLE_NAMES,
    SeveralTableFiles,
    find_table_file,
)

__all__ = [
    "OPTIONAL_TABLES",
    "REQUIRED_TABLES",
    "TABLE_NAMES",
    "ClientData",
    "ClientDataError",
    "SeveralTableFiles",
    "find_table_file",
    "load_client",
    "problems_text",
]
