"""The reference date (``as_of``): strict parsing and the "outside the data" check.

Both are pure and run before any work: the CLI refuses a malformed ``--as-of``
(usage error), and ``kam render`` (pre-check, before a kernel starts) and
``kam export`` refuse an as_of whose analysis window holds no sales line.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pandas only where sales dates are checked: the CLI imports this early
    import pandas as pd

_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def parse_as_of(value: str) -> dt.date:
    """``YYYY-MM-DD`` -> date. Raises ``ValueError`` for any other form or an impossible date.

    Strict on purpose: ``2025-6-1``, ``31.12.2025`` or ``2025-02-30`` are refused
    rather than guessed.
    """
    text = value.strip()
    if not _ISO_DATE.fullmatch(text):
        raise ValueError(f"not in the form YYYY-MM-DD: {value!r}")
    return dt.date.fromisoformat(text)


def window_bounds(as_of: dt.date, months: int) -> tuple[dt.date, dt.date]:
    """First day of the ``months`` calendar months ending with as_of's month, and as_of.

    Example: as_of 2026-06-15, 12 months -> (2025-07-01, 2026-06-15).
    """
    index = as_of.year * 12 + as_of.month - 1 - (months - 1)
    return dt.date(index // 12, index % 12 + 1, 1), as_of


@dataclass(frozen=True)
class OutsideData:
    """An as_of whose analysis window holds no sales line (for the error message)."""

    as_of: dt.date
    window_start: dt.date
    first_sale: dt.date | None  # None: the sales table has no dated line at all
    last_sale: dt.date | None


def as_of_outside_data(dates: pd.Series, as_of: dt.date | None, months: int) -> OutsideData | None:
    """``None`` when the analysis window of ``as_of`` holds at least one sales line.

    ``dates`` are the invoice dates of the sales table; ``as_of=None`` means
    "the last invoice date" (always inside, unless there is no sale). The window
    is the ``months`` calendar months ending with as_of's month, up to as_of.
    """
    import pandas as pd

    valid = pd.to_datetime(dates, errors="coerce").dropna()
    if valid.empty:
        day = as_of or dt.date.today()
        return OutsideData(day, window_bounds(day, months)[0], None, None)
    first, last = valid.min().date(), valid.max().date()
    day = as_of or last
    start, end = window_bounds(day, months)
    in_window = (valid >= pd.Timestamp(start)) & (valid < pd.Timestamp(end) + pd.Timedelta(days=1))
    if in_window.any():
        return None
    return OutsideData(day, start, first, last)
