"""Reading and validating a client folder.

Public API:

- :func:`load_client` -> :class:`ClientData` (clean DataFrames + config + problems)
- :class:`ClientDataError` raised when required inputs have errors

Canonical columns are listed in ``kamlib.data.schemas`` and in the README.
"""

from kamlib.data.client import ClientData, ClientDataError, load_client

__all__ = ["ClientData", "ClientDataError", "load_client"]
