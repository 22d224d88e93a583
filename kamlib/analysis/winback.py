"""Win-back of lost customers (METHODOLOGY.md section 5).

Entry points (the contract of :mod:`kamlib.analysis.portfolio`):

- ``analyse(client, settings=None) -> WinbackResult`` = ``compute(prepare(client), settings)``.
- ``prepare(client) -> WinbackInputs``: the once-per-client part (sales lines
  folded into one row per customer and day, last purchase, lost revenue,
  recorded reasons). Pure: reads only the ``ClientData`` object.
- ``compute(inputs, settings) -> WinbackResult``: the cheap part the workshop
  panel re-runs when N months or a winnability changes.
- ``export_frame(result)``: the customer-level ``winback`` export table.

Rules (each pinned by ``tests/analysis/test_winback.py``):

- Purchase, lost, became lost (``lost_on``) and the status active | lost |
  never_bought: :mod:`kamlib.analysis.customer_status` (section 0), with
  N = ``settings.lost_after_months``. Lines after as_of are ignored.
- **Report years**: as_of's calendar year and the two before. The as_of
  year is year to date (``is_ytd``) unless as_of is 31 December.
- **Lost in year Y**: customers whose status is lost and whose ``lost_on``
  falls in Y. A customer that came back is active and no longer counted as
  a loss (reactivations are tracked separately).
- **Loss rate** of year Y = lost in Y / ``base``, where ``base`` = customers
  with at least one purchase day in the N months before 1 January of Y
  (``base_start`` <= day < 1 January Y; N 12 -> the calendar year Y-1).
  NaN when ``base`` is 0 or the data do not reach back to ``base_start``
  (``complete`` False: the first data month starts after it). The ratio is
  taken as written: for N >= 12 everyone lost in Y made its last purchase
  in the base period; for a shorter N the last purchase may fall in Y
  itself, and such a customer is in the base only if it also bought in the
  base period.
- **Lost revenue** of a customer: net revenue, credit notes included, of the
  lines dated in (last purchase - 12 months, last purchase]; empty unless
  lost. Lines after the last purchase (e.g. a late credit note) do not count.
- **Reasons** come from ``lost_reasons`` for lost customers only; per customer
  the record with the latest ``lost_on`` counts (undated = oldest; same date:
  the later row). Reason ids :data:`REASONS` (German and English aliases,
  case, umlauts and punctuation ignored); an empty cell or no record ->
  ``unknown``; any other text -> ``other``, listed in
  ``unrecognised_reasons`` for a warning, winnability of ``unknown``. The
  file's ``lost_on`` is shown (``recorded_lost_on``), never used for the
  status. The Pareto tables and ``no_reason_share`` cover the customers lost
  in the report years, so their totals equal the year table's. Without the
  file (``reasons_available`` False) every lost customer has reason
  ``unknown``, the Pareto tables are empty and ``no_reason_share`` is NaN.
- **Win-back priority** = value score x winnability x recency, for lost
  customers whose ``months_since_lost`` = days since ``lost_on`` / 30.4375 is
  at most 36. Value score 1-5: quintile of lost revenue (in whole cents)
  among those customers, ``ceil(5 x r / n)`` with ``r`` the ascending rank,
  equal values taking the highest rank (n customers; the largest always gets
  5). Winnability: ``settings.winnability`` over
  :data:`DEFAULT_WINNABILITY`. Recency = max(0, 1 - months_since_lost / 36).
  Customers lost longer ago get priority 0 and no value score; customers not
  lost have none. The list is sorted by priority descending, lost revenue
  descending, customer_id ascending.
- **Reactivated**: a customer with a purchase day that came more than N
  months after the purchase day before it (it was lost by the section-0 rule
  on the day it returned). ``reactivated_on`` = the first purchase day after
  the latest such gap; ``revenue_since_reactivation`` = net revenue from that
  day to as_of. Per report year: customers reactivated in it and that revenue.

Stable keys: reasons :data:`REASON_KEYS`, approaches :data:`APPROACHES`
(texts later under ``winback.approach.<key>``), statuses
:data:`~kamlib.analysis.customer_status.STATUSES`.
Money in the client currency, shares fractions 0-1.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType

import numpy as np
import pandas as pd

from kamlib.analysis.customer_status import (
    LOST,
    NAT_DAY,
    STATUSES,
    add_months_days,
    first_last_count,
    from_days,
    is_purchase,
    status_from_days,
    to_days,
)
from kamlib.config import DEFAULT_WINNABILITY as CONFIG_WINNABILITY
from kamlib.config import WinbackSettings

#: reason ids of METHODOLOGY section 5 (in display order)
REASONS = ("price", "delivery", "service", "quality", "contact", "relocation", "insolvency")
OTHER = "other"
UNKNOWN = "unknown"
#: every reason key a result can carry
REASON_KEYS = (*REASONS, OTHER, UNKNOWN)

#: winnability per reason (client.yaml ``winback.winnability``); ``other`` uses ``unknown``
DEFAULT_WINNABILITY: Mapping[str, float] = MappingProxyType(dict(CONFIG_WINNABILITY))

#: suggested approach per reason (stable keys; message keys ``winback.approach.<key>``)
APPROACHES: Mapping[str, str] = MappingProxyType(
    {
        "price": "price_offer",
        "delivery": "delivery_commitment",
        "service": "service_recovery",
        "quality": "quality_proof",
        "contact": "new_contact",
        "relocation": "check_new_site",
        "insolvency": "watch_successor",
        "other": "read_note",
        "unknown": "ask_reason",
    }
)

#: accepted spellings (normalised: lower case, umlauts spelt out, punctuation -> space)
REASON_ALIASES: Mapping[str, str] = MappingProxyType(
    {
        **dict.fromkeys(
            ["price", "prices", "pricing", "too expensive", "preis", "preise", "zu teuer", "teuer"],
            "price",
        ),
        **dict.fromkeys(
            [
                "delivery",
                "delivery time",
                "lieferung",
                "lieferzeit",
                "lieferzeiten",
                "liefertreue",
                "lieferfaehigkeit",
                "lieferprobleme",
                "logistik",
            ],
            "delivery",
        ),
        **dict.fromkeys(["service", "kundendienst", "kundenservice"], "service"),
        **dict.fromkeys(
            ["quality", "qualitaet", "qualitaetsmaengel", "qualitaetsprobleme"], "quality"
        ),
        **dict.fromkeys(
            [
                "contact",
                "contact person",
                "kontakt",
                "kontaktverlust",
                "ansprechpartner",
                "ansprechpartnerwechsel",
            ],
            "contact",
        ),
        **dict.fromkeys(
            [
                "relocation",
                "moved",
                "umzug",
                "verlagerung",
                "standortverlagerung",
                "standortwechsel",
            ],
            "relocation",
        ),
        **dict.fromkeys(
            ["insolvency", "bankruptcy", "insolvenz", "insolvent", "konkurs"], "insolvency"
        ),
        **dict.fromkeys(["", "unknown", "unbekannt", "keine angabe", "k a", "n a"], "unknown"),
    }
)

#: the priority list covers customers lost at most this many months ago (recency 0 there)
PRIORITY_HORIZON_MONTHS = 36
#: average month length for "months since lost"
DAYS_PER_MONTH = 30.4375
#: lost revenue = revenue of the 12 months up to the last purchase
LOST_REVENUE_MONTHS = 12
#: revenue for sorting customers: the 12 calendar months ending with as_of's month
REVENUE_WINDOW_MONTHS = 12
#: number of report years (as_of's year and the ones before)
REPORT_YEARS = 3
#: value score classes (quintiles)
VALUE_CLASSES = 5

#: columns of the ``winback`` export (DESIGN.md)
EXPORT_COLUMNS = (
    "customer_id",
    "name",
    "status",
    "last_purchase",
    "lost_on",
    "lost_revenue",
    "reason",
    "priority_score",
    "reactivated_on",
)


def winnability_map(settings: WinbackSettings) -> dict[str, float]:
    """Winnability of every key of :data:`REASON_KEYS` (``other`` = ``unknown``)."""
    w = {**DEFAULT_WINNABILITY, **dict(settings.winnability or {})}
    w[OTHER] = w[UNKNOWN]
    return {k: float(w[k]) for k in REASON_KEYS}


@dataclass
class WinbackInputs:
    """Client data the win-back computation needs (built by :func:`prepare`).

    Dates are day numbers (:func:`~kamlib.analysis.customer_status.to_days`).
    The ``day_*`` arrays hold one entry per (customer, day) with at least one
    sales line up to as_of, sorted by customer code then day; per-customer
    arrays follow the master order.
    """

    as_of: pd.Timestamp
    as_of_day: int
    #: customer_id, name, account_manager ("" when unknown) — master order
    master: pd.DataFrame
    #: True when the master has an account_manager column
    has_account_manager: bool
    day_code: np.ndarray  # customer code (row of ``master``)
    day: np.ndarray  # day number
    day_revenue: np.ndarray  # net revenue of the day, credit notes included
    day_purchase: np.ndarray  # bool: the day is a purchase day
    first_purchase: np.ndarray  # per customer, NAT_DAY without a purchase
    last_purchase: np.ndarray  # per customer, NAT_DAY without a purchase
    purchase_days: np.ndarray  # per customer, number of purchase days
    lost_revenue: np.ndarray  # per customer, NaN without a purchase
    revenue: np.ndarray  # per customer, the 12 calendar months ending with as_of's month
    data_start_day: int  # first sales line up to as_of (NAT_DAY without lines)
    #: per customer (master order): reason (key or ""), reason_text, recorded_lost_on, note;
    #: None when the client has no lost_reasons table
    reasons: pd.DataFrame | None
    #: recorded texts that are no known reason: customer_id, reason_text
    unrecognised_reasons: pd.DataFrame
    #: records whose customer_id is not in the master
    reasons_unknown_customers: int = 0
    #: client currency (ISO code) for the deliverable's money
    currency: str = "EUR"


@dataclass
class WinbackResult:
    """Result of the win-back analysis. Money in currency, shares fractions 0-1.

    ``customers`` — one row per master customer, sorted by revenue descending
    then customer_id: customer_id, name, account_manager, revenue (12
    calendar months ending with as_of's month), status (active | lost |
    never_bought), first_purchase, last_purchase, purchase_days (count),
    lost_on, months_since_lost, lost_revenue, reason (key; "" unless lost),
    reason_text, recorded_lost_on, note (from lost_reasons, as recorded),
    winnability, recency, value_score (1-5), priority_score, approach (key;
    "" unless lost), reactivated_on, revenue_since_reactivation. Dates are
    Timestamps (NaT = none), numbers NaN where they do not apply.

    ``years`` — one row per report year: year, is_ytd, period_start,
    period_end, lost, lost_revenue, base_start, base, loss_rate, complete.

    ``reasons_by_count`` / ``reasons_by_revenue`` — Pareto tables over the
    customers lost in the report years, one row per reason that occurs:
    reason, customers, customer_share, cumulative_customer_share,
    lost_revenue, revenue_share, cumulative_revenue_share, winnability,
    approach; sorted by customers (resp. lost_revenue) descending, then the
    other measure descending, then reason. Revenue shares are of the total
    lost revenue (NaN when it is not positive).

    ``priority`` — lost customers of the last 36 months ranked by priority:
    rank, customer_id, name, account_manager, last_purchase, lost_on,
    months_since_lost, lost_revenue, value_score, reason, winnability,
    recency, priority_score, approach, recorded_lost_on, note.

    ``reactivations`` — one row per report year: year, is_ytd, reactivated,
    revenue_since (their revenue from reactivation to as_of).
    """

    as_of: pd.Timestamp
    settings: WinbackSettings
    lost_after_months: int
    #: last purchase before this day = lost
    lost_cutoff: pd.Timestamp
    customers: pd.DataFrame
    years: pd.DataFrame
    reasons_by_count: pd.DataFrame
    reasons_by_revenue: pd.DataFrame
    priority: pd.DataFrame
    reactivations: pd.DataFrame
    #: customers per status key
    status_counts: dict[str, int]
    #: winnability actually used per reason key
    winnability: dict[str, float]
    #: False without a lost_reasons table: no Pareto, no share without reason
    reasons_available: bool
    #: share of the losses in the report years without a recorded reason (NaN without the table)
    no_reason_share: float
    #: number of those losses without a recorded reason (0 without the table)
    no_reason_customers: int
    unrecognised_reasons: pd.DataFrame
    #: reason records for customers that are not lost (shown as a note)
    reasons_not_lost: int
    #: reason records for customer ids missing in the master
    reasons_unknown_customers: int
    #: first sales line up to as_of (NaT without sales)
    data_start: pd.Timestamp
    #: client currency (ISO code)
    currency: str = "EUR"


# ---------------------------------------------------------------------------
# reasons


def _normalise_text(values: pd.Series) -> pd.Series:
    """Lower case, umlauts spelt out, runs of other characters -> one space."""
    text = values.astype("string").fillna("").str.lower()
    text = text.str.translate(str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss"}))
    return text.str.replace(r"[^a-z0-9]+", " ", regex=True).str.strip()


def reason_ids(values: pd.Series) -> pd.Series:
    """Reason key per recorded text: a :data:`REASONS` id, ``unknown`` (blank) or ``other``."""
    norm = _normalise_text(values)
    ids = norm.map(dict(REASON_ALIASES))
    return ids.fillna(OTHER).astype(object)


def _reason_table(lost_reasons: pd.DataFrame | None, ids: pd.Index):
    """Per master customer the latest recorded reason (see module docstring)."""
    empty_unrec = pd.DataFrame({"customer_id": [], "reason_text": []}, dtype=object)
    if lost_reasons is None:
        return None, empty_unrec, 0
    lr = lost_reasons
    n = len(lr)
    text = lr["reason"] if "reason" in lr else pd.Series([""] * n, index=lr.index)
    note = lr["note"] if "note" in lr else pd.Series([""] * n, index=lr.index)
    recorded = (
        pd.to_datetime(lr["lost_on"], errors="coerce")
        if "lost_on" in lr
        else pd.Series(pd.NaT, index=lr.index, dtype="datetime64[ns]")
    )
    df = pd.DataFrame(
        {
            "customer_id": lr["customer_id"].astype("string").fillna("").str.strip().to_numpy(),
            "reason_text": text.astype("string").fillna("").str.strip().to_numpy(dtype=object),
            "recorded_lost_on": pd.DatetimeIndex(recorded).normalize(),
            "note": note.astype("string").fillna("").to_numpy(dtype=object),
            "_row": np.arange(n),
        }
    )
    # undated records count as the oldest; on the same date the later row wins
    df = df.sort_values(["recorded_lost_on", "_row"], na_position="first", kind="mergesort")
    df = df.drop_duplicates("customer_id", keep="last")
    in_master = ids.get_indexer(df["customer_id"]) >= 0
    unknown_customers = int((~in_master).sum())
    df = df[in_master]
    df["reason"] = reason_ids(df["reason_text"]).to_numpy()
    unrec = df.loc[df["reason"] == OTHER, ["customer_id", "reason_text"]]
    unrec = unrec.sort_values("customer_id", kind="mergesort").reset_index(drop=True)
    table = df.set_index("customer_id").reindex(ids)
    table = table[["reason", "reason_text", "recorded_lost_on", "note"]]
    for col in ("reason", "reason_text", "note"):
        table[col] = table[col].astype(object).where(table[col].notna(), "")
    return table.reset_index(drop=True), unrec.astype(object), unknown_customers


# ---------------------------------------------------------------------------
# prepare


def _text_column(cust: pd.DataFrame, *names: str) -> np.ndarray:
    for name in names:
        if name in cust:
            col = cust[name].astype(object)
            return col.where(col.notna(), "").to_numpy(dtype=object)
    return np.full(len(cust), "", dtype=object)


def prepare(client) -> WinbackInputs:
    """Fold a loaded client (``ClientData``) once for :func:`compute`."""
    as_of = pd.Timestamp(client.as_of).normalize()
    as_of_day = int(to_days([as_of])[0])
    cust = client.customers
    ids = pd.Index(cust["customer_id"].astype(str), name="customer_id")
    master = pd.DataFrame(
        {
            "customer_id": ids.to_numpy(dtype=object),
            "name": _text_column(cust, "name", "customer_name"),
            "account_manager": _text_column(cust, "account_manager"),
        }
    )
    n = len(ids)

    sales = client.sales
    days = to_days(sales["date"].to_numpy())
    keep = (days != NAT_DAY) & (days <= as_of_day)
    data_start_day = int(days[keep].min()) if keep.any() else NAT_DAY
    code = ids.get_indexer(sales["customer_id"].astype(str))
    keep &= code >= 0  # sales of unknown customers are reported by the data layer
    code = code[keep].astype(np.int64)
    days = days[keep]
    rev = np.nan_to_num(sales["net_revenue"].to_numpy(dtype=float)[keep])
    buy = is_purchase(sales["net_revenue"].to_numpy(dtype=float)[keep])

    # one entry per (customer, day): revenue of the day and "is a purchase day"
    if len(days):
        d0 = int(days.min())
        span = int(days.max()) - d0 + 1
        key = code * span + (days - d0)
        pair, inverse = np.unique(key, return_inverse=True)
        day_code = pair // span
        day = pair % span + d0
        day_revenue = np.bincount(inverse, weights=rev, minlength=len(pair))
        day_purchase = np.bincount(inverse, weights=buy.astype(float), minlength=len(pair)) > 0
    else:
        day_code = day = np.empty(0, dtype=np.int64)
        day_revenue = np.empty(0)
        day_purchase = np.empty(0, dtype=bool)

    first, last, count = first_last_count(day_code[day_purchase], day[day_purchase], n)

    # lost revenue: (last purchase - 12 months, last purchase], credit notes included
    bought = last != NAT_DAY
    lo = add_months_days(last, -LOST_REVENUE_MONTHS)
    in_lost = bought[day_code] & (day > lo[day_code]) & (day <= last[day_code])
    lost_revenue = np.bincount(day_code[in_lost], weights=day_revenue[in_lost], minlength=n)
    lost_revenue = np.where(bought, lost_revenue, np.nan)

    # revenue for sorting: 12 calendar months ending with as_of's month
    window_start = _month_start_day(
        int(add_months_days(np.array([as_of_day]), 1 - REVENUE_WINDOW_MONTHS)[0])
    )
    in_window = day >= window_start
    revenue = np.bincount(day_code[in_window], weights=day_revenue[in_window], minlength=n)

    reasons, unrec, unknown_customers = _reason_table(client.lost_reasons, ids)
    return WinbackInputs(
        as_of=as_of,
        as_of_day=as_of_day,
        master=master,
        has_account_manager="account_manager" in cust,
        day_code=day_code,
        day=day,
        day_revenue=day_revenue,
        day_purchase=day_purchase,
        first_purchase=first,
        last_purchase=last,
        purchase_days=count,
        lost_revenue=lost_revenue,
        revenue=revenue,
        data_start_day=data_start_day,
        reasons=reasons,
        unrecognised_reasons=unrec,
        reasons_unknown_customers=unknown_customers,
        currency=str(getattr(getattr(client, "config", None), "currency", "EUR")),
    )


# ---------------------------------------------------------------------------
# compute


def value_scores(values: np.ndarray) -> np.ndarray:
    """Quintile score 1-5 of each value among ``values`` (see module docstring).

    ``ceil(5 x r / n)`` with ``r`` the ascending rank of the value rounded to
    cents, equal values sharing the highest rank of their group.
    """
    v = np.round(np.asarray(values, dtype=float), 2)
    n = len(v)
    if n == 0:
        return np.empty(0)
    rank = pd.Series(v).rank(method="max").to_numpy(dtype=np.int64)
    return ((VALUE_CLASSES * rank + n - 1) // n).astype(float)


def reactivation(inputs: WinbackInputs, months: int) -> tuple[np.ndarray, np.ndarray]:
    """Per customer: reactivated_on (day number or NAT_DAY) and revenue since then."""
    n = len(inputs.master)
    buy = inputs.day_purchase
    code, day = inputs.day_code[buy], inputs.day[buy]
    reac = np.full(n, NAT_DAY, dtype=np.int64)
    if len(code) > 1:
        same = code[1:] == code[:-1]
        # back on day[i+1] after a gap: the day before was already lost on that day
        gap = same & (day[:-1] < add_months_days(day[1:], -months))
        back = np.nonzero(gap)[0] + 1
        back_code = code[back]
        latest = np.r_[back_code[1:] != back_code[:-1], True] if len(back) else back.astype(bool)
        reac[back_code[latest]] = day[back][latest]
    r = reac[inputs.day_code]
    since = (r != NAT_DAY) & (inputs.day >= r)
    revenue = np.bincount(inputs.day_code[since], weights=inputs.day_revenue[since], minlength=n)
    return reac, np.where(reac != NAT_DAY, revenue, np.nan)


def report_years(as_of: pd.Timestamp) -> list[int]:
    """as_of's calendar year and the ``REPORT_YEARS - 1`` before it, oldest first."""
    return list(range(as_of.year - REPORT_YEARS + 1, as_of.year + 1))


def _is_ytd(year: int, as_of: pd.Timestamp) -> bool:
    """The as_of year is year to date unless as_of is 31 December."""
    return year == as_of.year and not (as_of.month == 12 and as_of.day == 31)


def _month_start_day(day: int) -> int:
    """Day number of the first day of ``day``'s month."""
    month = np.array([day], dtype="datetime64[D]").astype("datetime64[M]")
    return int(month.astype("datetime64[D]").astype(np.int64)[0])


def _year_days(year: int, month: int = 1, day: int = 1) -> int:
    return int(to_days([pd.Timestamp(year=year, month=month, day=day)])[0])


def _years_table(
    inputs: WinbackInputs,
    months: int,
    lost_year: np.ndarray,
    lost_revenue: np.ndarray,
) -> pd.DataFrame:
    as_of = inputs.as_of
    buy = inputs.day_purchase
    code, day = inputs.day_code[buy], inputs.day[buy]
    # periods from the first day of the first data month on count as covered
    covered_from = (
        _month_start_day(inputs.data_start_day) if inputs.data_start_day != NAT_DAY else None
    )
    rows = []
    for y in report_years(as_of):
        start = _year_days(y)
        base_start = int(add_months_days(np.array([start]), -months)[0])
        in_base = (day >= base_start) & (day < start)
        base = int(np.unique(code[in_base]).size)
        is_y = lost_year == y
        lost = int(is_y.sum())
        complete = covered_from is not None and covered_from <= base_start
        rows.append(
            {
                "year": y,
                "is_ytd": _is_ytd(y, as_of),
                "period_start": pd.Timestamp(year=y, month=1, day=1),
                "period_end": as_of if y == as_of.year else pd.Timestamp(year=y, month=12, day=31),
                "lost": lost,
                "lost_revenue": float(lost_revenue[is_y].sum()),
                "base_start": from_days(np.array([base_start]))[0],
                "base": base,
                "loss_rate": lost / base if complete and base > 0 else np.nan,
                "complete": bool(complete),
            }
        )
    return pd.DataFrame(rows)


_PARETO_COLUMNS = [
    "reason",
    "customers",
    "customer_share",
    "cumulative_customer_share",
    "lost_revenue",
    "revenue_share",
    "cumulative_revenue_share",
    "winnability",
    "approach",
]


def _pareto(scope: pd.DataFrame, by: str, winnability: dict[str, float]) -> pd.DataFrame:
    """Pareto table of ``scope`` (reason, lost_revenue per lost customer) by ``by``."""
    if scope.empty:
        return pd.DataFrame(columns=_PARETO_COLUMNS)
    g = scope.groupby("reason")
    table = pd.DataFrame({"customers": g.size(), "lost_revenue": g["lost_revenue"].sum()})
    table = table.rename_axis("reason").reset_index()
    other = "lost_revenue" if by == "customers" else "customers"
    table = table.sort_values(
        [by, other, "reason"], ascending=[False, False, True], kind="mergesort"
    ).reset_index(drop=True)
    total_n = table["customers"].sum()
    total_rev = table["lost_revenue"].sum()
    table["customer_share"] = table["customers"] / total_n
    table["cumulative_customer_share"] = table["customer_share"].cumsum()
    rev_base = total_rev if total_rev > 0 else np.nan
    table["revenue_share"] = table["lost_revenue"] / rev_base
    table["cumulative_revenue_share"] = table["revenue_share"].cumsum()
    table["winnability"] = table["reason"].map(winnability)
    table["approach"] = table["reason"].map(dict(APPROACHES))
    table["customers"] = table["customers"].astype(int)
    return table[_PARETO_COLUMNS]


def _reactivation_table(
    as_of: pd.Timestamp, years_of: np.ndarray, values: np.ndarray
) -> pd.DataFrame:
    """Customers reactivated per report year and their revenue since reactivation."""
    rows = []
    for y in report_years(as_of):
        sel = years_of == y
        rows.append(
            {
                "year": y,
                "is_ytd": _is_ytd(y, as_of),
                "reactivated": int(sel.sum()),
                "revenue_since": float(values[sel].sum()),
            }
        )
    return pd.DataFrame(rows)


def _years_of(days: np.ndarray) -> np.ndarray:
    """Calendar year of day numbers (0 for NAT_DAY)."""
    valid = days != NAT_DAY
    years = (
        np.where(valid, days, 0).astype("datetime64[D]").astype("datetime64[Y]").astype(int) + 1970
    )
    return np.where(valid, years, 0)


_PRIORITY_COLUMNS = [
    "rank",
    "customer_id",
    "name",
    "account_manager",
    "last_purchase",
    "lost_on",
    "months_since_lost",
    "lost_revenue",
    "value_score",
    "reason",
    "winnability",
    "recency",
    "priority_score",
    "approach",
    "recorded_lost_on",
    "note",
]


def _customer_reasons(
    inputs: WinbackInputs, lost: np.ndarray
) -> tuple[np.ndarray, int, pd.DataFrame]:
    """Reason key per customer ("" unless lost, ``unknown`` without a record).

    Also returns the number of records for customers that are not lost and
    the recorded columns (reason_text, recorded_lost_on, note) in master order.
    """
    n = len(inputs.master)
    if inputs.reasons is None:
        recorded = pd.DataFrame(
            {
                "reason_text": [""] * n,
                "recorded_lost_on": pd.Series(pd.NaT, index=range(n), dtype="datetime64[ns]"),
                "note": [""] * n,
            }
        )
        return np.where(lost, UNKNOWN, "").astype(object), 0, recorded
    key = inputs.reasons["reason"].to_numpy(dtype=object)
    has_record = key != ""
    reason = np.where(lost, np.where(has_record, key, UNKNOWN), "").astype(object)
    recorded = inputs.reasons[["reason_text", "recorded_lost_on", "note"]].reset_index(drop=True)
    return reason, int((has_record & ~lost).sum()), recorded


def compute(inputs: WinbackInputs, settings: WinbackSettings | None = None) -> WinbackResult:
    """Win-back result from prepared inputs; cheap enough for live widgets."""
    settings = settings or WinbackSettings()
    months = int(settings.lost_after_months)
    win = winnability_map(settings)
    n = len(inputs.master)

    status, lost_on = status_from_days(inputs.last_purchase, inputs.as_of_day, months)
    lost = status == LOST
    with np.errstate(invalid="ignore"):
        since_lost = np.where(lost, (inputs.as_of_day - lost_on) / DAYS_PER_MONTH, np.nan)
        recency = np.where(
            lost, np.clip(1.0 - since_lost / PRIORITY_HORIZON_MONTHS, 0.0, None), np.nan
        )
    lost_revenue = np.where(lost, inputs.lost_revenue, np.nan)

    reason, reasons_not_lost, recorded = _customer_reasons(inputs, lost)
    winnability = pd.Series(reason).map(win).to_numpy(dtype=float)  # "" -> NaN
    approach = pd.Series(reason).map(dict(APPROACHES)).fillna("").to_numpy(dtype=object)

    within = lost & (since_lost <= PRIORITY_HORIZON_MONTHS)
    value_score = np.full(n, np.nan)
    value_score[within] = value_scores(lost_revenue[within])
    priority = np.where(lost, 0.0, np.nan)
    priority[within] = value_score[within] * winnability[within] * recency[within]

    reac, reac_revenue = reactivation(inputs, months)

    customers = inputs.master.copy()
    customers["revenue"] = inputs.revenue
    customers["status"] = status
    customers["first_purchase"] = from_days(inputs.first_purchase)
    customers["last_purchase"] = from_days(inputs.last_purchase)
    customers["purchase_days"] = inputs.purchase_days
    customers["lost_on"] = from_days(lost_on)
    customers["months_since_lost"] = since_lost
    customers["lost_revenue"] = lost_revenue
    customers["reason"] = reason
    customers["reason_text"] = recorded["reason_text"].to_numpy(dtype=object)
    customers["recorded_lost_on"] = pd.DatetimeIndex(recorded["recorded_lost_on"])
    customers["note"] = recorded["note"].to_numpy(dtype=object)
    customers["winnability"] = winnability
    customers["recency"] = recency
    customers["value_score"] = value_score
    customers["priority_score"] = priority
    customers["approach"] = approach
    customers["reactivated_on"] = from_days(reac)
    customers["revenue_since_reactivation"] = reac_revenue

    lost_year = _years_of(lost_on)
    years = _years_table(inputs, months, lost_year, np.nan_to_num(lost_revenue))
    in_report = lost & np.isin(lost_year, years["year"].to_numpy())
    scope = pd.DataFrame({"reason": reason[in_report], "lost_revenue": lost_revenue[in_report]})
    if inputs.reasons is not None:
        by_count = _pareto(scope, "customers", win)
        by_revenue = _pareto(scope, "lost_revenue", win)
        no_reason = int((scope["reason"] == UNKNOWN).sum())
        no_reason_share = no_reason / len(scope) if len(scope) else np.nan
    else:
        by_count = by_revenue = pd.DataFrame(columns=_PARETO_COLUMNS)
        no_reason, no_reason_share = 0, np.nan

    ranked = customers[within].sort_values(
        ["priority_score", "lost_revenue", "customer_id"],
        ascending=[False, False, True],
        kind="mergesort",
    )
    ranked = ranked.reset_index(drop=True)
    ranked.insert(0, "rank", np.arange(1, len(ranked) + 1))
    priority_list = ranked[_PRIORITY_COLUMNS]

    reactivations = _reactivation_table(inputs.as_of, _years_of(reac), np.nan_to_num(reac_revenue))

    customers = customers.sort_values(
        ["revenue", "customer_id"], ascending=[False, True], kind="mergesort"
    ).reset_index(drop=True)
    counts = pd.Series(status).value_counts()
    return WinbackResult(
        as_of=inputs.as_of,
        settings=settings,
        lost_after_months=months,
        lost_cutoff=from_days(add_months_days(np.array([inputs.as_of_day]), -months))[0],
        customers=customers,
        years=years,
        reasons_by_count=by_count,
        reasons_by_revenue=by_revenue,
        priority=priority_list,
        reactivations=reactivations,
        status_counts={s: int(counts.get(s, 0)) for s in STATUSES},
        winnability=win,
        reasons_available=inputs.reasons is not None,
        no_reason_share=float(no_reason_share),
        no_reason_customers=no_reason,
        unrecognised_reasons=inputs.unrecognised_reasons,
        reasons_not_lost=reasons_not_lost,
        reasons_unknown_customers=inputs.reasons_unknown_customers,
        data_start=from_days(np.array([inputs.data_start_day]))[0],
        currency=inputs.currency,
    )


def analyse(client, settings: WinbackSettings | None = None) -> WinbackResult:
    """Run the win-back analysis for a loaded client (:class:`~kamlib.data.ClientData`).

    ``settings`` defaults to the client's ``winback:`` section of client.yaml.
    """
    return compute(prepare(client), settings or client.config.winback)


def export_frame(result: WinbackResult) -> pd.DataFrame:
    """Customer-level ``winback`` export table (pure; DESIGN.md export columns).

    One row per master customer, sorted by revenue (12 calendar months ending
    with as_of's month) descending then customer_id; columns
    :data:`EXPORT_COLUMNS`. Empty (NaT / NaN / "") where a value does not
    apply: last_purchase for never_bought, lost_on / lost_revenue / reason /
    priority_score unless lost, reactivated_on unless reactivated.
    """
    df = result.customers.loc[:, list(EXPORT_COLUMNS)].copy()
    df["customer_id"] = df["customer_id"].astype(str)
    df.attrs["info"] = {
        "as_of": result.as_of.date().isoformat(),
        "lost_after_months": result.lost_after_months,
    }
    return df.reset_index(drop=True)


def export_table(result: WinbackResult) -> tuple[pd.DataFrame, dict[str, str]]:
    """The ``winback`` export for ``kam export`` (registry ``ExportSpec.table``).

    :func:`export_frame` in the file format of DESIGN.md: dates as
    ``YYYY-MM-DD`` text (empty when none), lost revenue rounded to cents,
    priority unrounded; plus the ``revenue`` column the export is sorted by
    (not written). Returns the table and the Excel info sheet's context.
    """
    df = export_frame(result)
    for col in ("last_purchase", "lost_on", "reactivated_on"):
        dates = pd.DatetimeIndex(df[col])
        df[col] = np.where(dates.isna(), None, dates.strftime("%Y-%m-%d"))
    df["lost_revenue"] = df["lost_revenue"].round(2)
    df["reason"] = df["reason"].replace("", None)
    df["revenue"] = result.customers["revenue"].to_numpy()
    info = {
        "as_of": result.as_of.date().isoformat(),
        "window": f"lost_after_months: {result.lost_after_months}",
    }
    return df, info
