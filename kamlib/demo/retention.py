"""Demo inputs for the retention module: factor ratings and a few slipping customers.

Called at the end of :func:`kamlib.demo.generate.make_demo_client` with its own
random generator (seed ``[spec.seed, 13]``), so the other demo inputs keep
their values. What it adds, so the retention deliverable has a story:

- **Slipping customers** (:data:`SLIPPING`): three large customers that are not
  flagged key accounts fade out before as_of -- fewer invoices in the four
  months before they stop, none after. Their sales lines after the stop are
  removed, and their orders and deliveries in the activities follow the
  invoices left (the only changes to existing tables). They carry early warnings
  (falling revenue, order gap) and a low BG/NBD P(alive).
- **Factor ratings** (criterion = stability factor id) from the May workshop
  for every already rated customer with revenue: key accounts better bound
  (contracts, relationship), satisfaction lower where complaints were many,
  and the weak key account poorly bound. The slipping customers were rated
  optimistically -- the workshop still sees them as firmly bound, which the
  BG/NBD second opinion contradicts. Share of wallet is never rated (data
  only); relationship and product breadth are rated for about half the
  customers and come from the data for the rest.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

#: revenue ranks (0 = largest, 12 months before as_of) among the customers that are
#: not flagged key accounts, and the days before as_of their purchases stop
SLIPPING = ((2, 150), (5, 120), (9, 185))
#: months of fading (fewer invoices) before a slipping customer stops
FADE_DAYS = 120
#: share of invoices kept while fading
FADE_KEEP = 0.35
#: the factors a workshop rates (wallet_share is data only)
RATED_FACTORS = (
    "contractual",
    "technical",
    "relationship_breadth",
    "relationship_quality",
    "satisfaction",
    "switching_costs",
    "dependency",
    "product_breadth",
)


def _window_revenue(sales: pd.DataFrame, as_of: pd.Timestamp) -> pd.Series:
    recent = sales[(sales["date"] > as_of - pd.DateOffset(months=12)) & (sales["date"] <= as_of)]
    return recent.groupby("customer_id")["net_revenue"].sum().sort_values(ascending=False)


def slipping_customers(data: dict, spec) -> list[tuple[str, int]]:
    """``(customer_id, days before as_of the purchases stop)`` of the slipping customers."""
    as_of = pd.Timestamp(spec.as_of)
    rev = _window_revenue(data["sales"], as_of)
    ka = set(data["customers"].loc[data["customers"]["is_key_account"], "customer_id"])
    others = [c for c in rev.index if c not in ka]
    return [(others[rank], days) for rank, days in SLIPPING if rank < len(others)]


def _slip(rng: np.random.Generator, sales: pd.DataFrame, slipping, as_of) -> pd.DataFrame:
    """Sales without the lines after each slipping customer's stop, thinned while fading."""
    drop = np.zeros(len(sales), dtype=bool)
    for cid, days in slipping:
        stop = as_of - pd.Timedelta(days=days)
        mine = (sales["customer_id"] == cid).to_numpy()
        after = mine & (sales["date"] > stop).to_numpy()
        fading = mine & ~after & (sales["date"] > stop - pd.Timedelta(days=FADE_DAYS)).to_numpy()
        invoices = pd.unique(sales.loc[fading, "invoice_id"])
        kept = invoices[rng.uniform(0, 1, len(invoices)) < FADE_KEEP]
        drop |= after | (fading & ~sales["invoice_id"].isin(kept).to_numpy())
    return sales.loc[~drop].reset_index(drop=True)


def _activities_after_slip(activities: pd.DataFrame, sales: pd.DataFrame, ids) -> pd.DataFrame:
    """Orders and deliveries of the slipping customers cut to the invoices left per year."""
    act = activities.copy()
    pos = sales[(sales["net_revenue"] > 0) & sales["customer_id"].isin(ids)]
    invoices = pos.groupby(["customer_id", pos["date"].dt.year])["invoice_id"].nunique()
    mine = act["customer_id"].isin(ids)
    keys = pd.MultiIndex.from_arrays([act.loc[mine, "customer_id"], act.loc[mine, "year"]])
    left = invoices.reindex(keys).fillna(0).to_numpy(dtype=int)
    orders = act.loc[mine, "orders"].to_numpy()
    share = np.divide(np.minimum(orders, left), orders, out=np.ones(len(orders)), where=orders > 0)
    act.loc[mine, "orders"] = np.minimum(orders, left)
    act.loc[mine, "deliveries"] = np.round(act.loc[mine, "deliveries"].to_numpy() * share).astype(
        int
    )
    return act


def _factor_ratings(
    rng: np.random.Generator, data: dict, spec, slipping_ids: set[str]
) -> pd.DataFrame:
    ratings = data["ratings"]
    customers = data["customers"].set_index("customer_id")
    as_of = pd.Timestamp(spec.as_of)
    rev = _window_revenue(data["sales"], as_of)
    rated = [c for c in pd.unique(ratings["customer_id"]) if rev.get(c, 0) > 0]
    n = len(rated)
    ka = customers.loc[rated, "is_key_account"].to_numpy(dtype=float)
    size = pd.Series(np.log(rev.reindex(rated).to_numpy() + 1)).rank(pct=True).to_numpy()
    act = data["activities"]
    last_year = as_of.year - 1
    comp = (
        act[act["year"] == last_year].set_index("customer_id")["complaints"].reindex(rated)
        .fillna(0).to_numpy(dtype=float)
    )  # fmt: skip
    weak_ka = np.zeros(n, dtype=bool)
    ka_ids = [c for c in rev.index if customers.loc[c, "is_key_account"]] if len(rev) else []
    if ka_ids:  # the smallest key account by revenue is the poorly bound one
        weak_ka = np.array([c == ka_ids[-1] for c in rated])

    def noise(scale: float = 0.6) -> np.ndarray:
        return rng.normal(0, scale, n)

    latent = {
        "contractual": 2.6 + 1.5 * ka + 0.6 * size + noise(),
        "technical": 2.3 + 1.0 * ka + 0.8 * size + noise(),
        "relationship_breadth": 2.4 + 1.4 * ka + 0.6 * size + noise(),
        "relationship_quality": 3.2 + 0.8 * ka + noise(),
        "satisfaction": 3.8 - 0.6 * comp + 0.3 * ka + noise(),
        "switching_costs": 2.8 + 0.8 * ka + 0.5 * size + noise(),
        "dependency": 2.5 + 0.6 * ka + 0.4 * size + noise(0.8),
        "product_breadth": 2.6 + 0.8 * size + noise(),
    }
    slip = np.array([c in slipping_ids for c in rated])
    for k in latent:  # the workshop still believes in them
        latent[k] = np.where(slip, 4.6 + noise(0.3), latent[k])
        latent[k] = np.where(weak_ka, 1.8 + noise(0.3), latent[k])
    table = pd.DataFrame(
        {k: np.clip(np.round(v), 1, 5).astype(int) for k, v in latent.items()},
        index=pd.Index(rated, name="customer_id"),
    )
    # breadth factors: rated for about half the customers, from data for the rest
    for k in ("relationship_breadth", "product_breadth"):
        table.loc[(rng.uniform(0, 1, n) < 0.5) & ~slip, k] = 0
    rows = table.stack().rename("rating").reset_index().rename(columns={"level_1": "criterion"})
    rows = rows[rows["rating"] > 0]
    rows = rows[(rng.uniform(0, 1, len(rows)) >= 0.03) | rows["customer_id"].isin(slipping_ids)]
    first = ratings.drop_duplicates("customer_id").set_index("customer_id")
    rows["rated_on"] = rows["customer_id"].map(first["rated_on"])
    rows["rated_by"] = rows["customer_id"].map(first["rated_by"])
    return rows[list(ratings.columns)]


def add_retention_inputs(data: dict, spec) -> None:
    """Add the retention story to a generated demo client ``data`` (in place)."""
    rng = np.random.default_rng([spec.seed, 13])
    as_of = pd.Timestamp(spec.as_of)
    slipping = slipping_customers(data, spec)
    data["sales"] = _slip(rng, data["sales"], slipping, as_of)
    ids = [c for c, _ in slipping]
    data["activities"] = _activities_after_slip(data["activities"], data["sales"], ids)
    extra = _factor_ratings(rng, data, spec, {c for c, _ in slipping})
    ratings = pd.concat([data["ratings"], extra], ignore_index=True)
    data["ratings"] = ratings.sort_values(["customer_id", "criterion"]).reset_index(drop=True)
