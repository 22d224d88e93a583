"""Demo patterns for the C-customer analysis (cost to serve, channels, growth candidates).

Runs after every other demo table is generated, with its own random stream
(``[seed, 12]``), so the earlier tables are drawn exactly as before; it then
changes, on purpose and only for small customers:

- **small-order customers** (about a quarter of the active C customers): many
  small extra orders (spare parts, consumables; 40-250 each), always between the
  customer's first and last purchase so no status or start date moves. They are
  the webshop/EDI and minimum-order-value story.
- **over-served C customers** (about one in eight): visits, calls and quotes of
  a much larger customer, by habit. They destroy profit.
- **demanding B customers** (about one in six): project business with many
  quotes, visits and complaints.
- **growth**: growth candidates by revenue growth are few and real: three C
  customers keep a strong rise, the others' previous-year revenue is evened
  out with orders in the previous period (noise of small customers is not a
  trend).
- **potential**: three C customers keep a potential at the level of an A
  customer (the key accounts of tomorrow); the potential of the other C
  customers is capped below it.
- ``client.yaml`` gets a ``c_customers`` section with fully loaded unit costs
  (the demo client's own cost accounting) instead of the kit's defaults.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from kamlib.analysis.abc_xyz import abc_classes
from kamlib.demo.specs import DemoSpec

#: sub-stream of the demo seed used here (0-4 are the other inputs)
STREAM = 12
#: fully loaded unit costs of the demo clients (money per event)
UNIT_COSTS = {
    "visits": 450,
    "calls": 20,
    "orders": 55,
    "deliveries": 65,
    "complaints": 400,
    "returns": 150,
    "quotes": 180,
}
_COMMENTS = {
    "de": (
        "C-Kunden-Management: Stückkosten aus der Kostenstellenrechnung (Vollkosten je Vorgang)",
        "Mindestauftragswert: Zuschlag je Kleinauftrag und angenommene Abwanderung",
        "Kosten je Vertriebsweg: pro Kunde und Jahr und pro Auftrag",
    ),
    "en": (
        "C-customer management: unit costs from cost-centre accounting (fully loaded, per event)",
        "minimum order value: surcharge per small order and assumed share of customers lost",
        "cost of serving a customer through each channel: per customer and year, per order",
    ),
}
#: cost per channel consistent with those unit costs (per customer and year, per order)
CHANNEL_COSTS = {
    "field_sales": (3000, 120),
    "inside_sales": (300, 120),
    "webshop_edi": (50, 70),
    "distributor": (0, 0),
}
N_GROWERS = 3
N_POTENTIAL = 3


def _yaml_section(lang: str) -> str:
    costs, pricing, channels = _COMMENTS[lang]
    lines = ["", f"c_customers:                 # {costs}", "  unit_costs:"]
    lines += [f"    {k}: {v}" for k, v in UNIT_COSTS.items()]
    lines += [f"  channel_costs:             # {channels}"]
    lines += [
        f"    {k}: {{per_customer: {a}, per_order: {b}}}" for k, (a, b) in CHANNEL_COSTS.items()
    ]
    lines += [
        f"  pricing:                   # {pricing}",
        "    surcharge: 25",
        "    loss_share: 0.2",
    ]
    return "\n".join(lines) + "\n"


def _windows(spec: DemoSpec) -> tuple[pd.Timestamp, pd.Timestamp, pd.Timestamp]:
    end = pd.Timestamp(spec.as_of) + pd.Timedelta(days=1)
    start = end - pd.DateOffset(months=12)
    return start - pd.DateOffset(months=12), start, end


def _revenue(clean: pd.DataFrame, lo: pd.Timestamp, hi: pd.Timestamp) -> pd.Series:
    part = clean[(clean["date"] >= lo) & (clean["date"] < hi)]
    return part.groupby("customer_id")["net_revenue"].sum()


def _state(spec: DemoSpec, sales: pd.DataFrame, ids: pd.Index) -> pd.DataFrame:
    """Window and previous revenue, ABC class, first/last purchase and margin ratio."""
    clean = sales.drop_duplicates(["invoice_id", "line_no"])
    clean = clean[clean["customer_id"] != spec.unknown_customer_id]
    prev_start, start, end = _windows(spec)
    st = pd.DataFrame(index=ids)
    st["window"] = _revenue(clean, start, end).reindex(ids).fillna(0.0)
    st["previous"] = _revenue(clean, prev_start, start).reindex(ids).fillna(0.0)
    st["abc"] = abc_classes(ids.to_numpy(), st["window"].to_numpy())["abc_class"].to_numpy()
    pos = clean[clean["net_revenue"] > 0].groupby("customer_id")
    st["first"] = pos["date"].min().reindex(ids)
    st["last"] = pos["date"].max().reindex(ids)
    sums = clean.groupby("customer_id")[["net_revenue", "contribution_margin"]].sum()
    ratio = (sums["contribution_margin"] / sums["net_revenue"]).where(sums["net_revenue"] > 0)
    st["margin_ratio"] = ratio.reindex(ids).fillna(0.3).clip(0.1, 0.5)
    return st


def _new_lines(
    rng: np.random.Generator,
    sales: pd.DataFrame,
    cid: str,
    dates: np.ndarray,
    values: np.ndarray,
    ratio: float,
) -> pd.DataFrame:
    """One single-line order per date/value, article taken from the customer's own lines."""
    own = sales[(sales["customer_id"] == cid) & (sales["net_revenue"] > 0)]
    pick = own.iloc[rng.integers(0, len(own), len(dates))]
    return pd.DataFrame(
        {
            "date": pd.to_datetime(dates),
            "invoice_id": "",
            "line_no": 1,
            "customer_id": cid,
            "article_id": pick["article_id"].to_numpy(),
            "product_group": pick["product_group"].to_numpy(),
            "quantity": rng.integers(1, 5, len(dates)),
            "net_revenue": np.round(values, 2),
            "contribution_margin": np.round(values * ratio * rng.uniform(0.9, 1.1, len(dates)), 2),
        }
    )


def _business_days(
    rng: np.random.Generator, lo: pd.Timestamp, hi: pd.Timestamp, n: int
) -> np.ndarray:
    days = pd.bdate_range(lo, hi)
    if len(days) == 0 or n <= 0:
        return np.array([], dtype="datetime64[ns]")
    return np.sort(days.to_numpy()[rng.integers(0, len(days), n)])


def _number(spec: DemoSpec, new: pd.DataFrame) -> pd.DataFrame:
    """Invoice ids of the added orders: the year's series from 80001 on (no clash)."""
    new = new.sort_values(["date", "customer_id"], kind="stable").reset_index(drop=True)
    year = new["date"].dt.year
    seq = new.groupby(year).cumcount() + 80001
    new["invoice_id"] = [f"{spec.invoice_prefix}{y}-{s}" for y, s in zip(year, seq, strict=True)]
    return new


def _add_activity(acts: pd.DataFrame, new: pd.DataFrame, extra_calls: float) -> pd.DataFrame:
    """Count the added orders (and their deliveries, some calls) in the activities."""
    per = new.assign(year=new["date"].dt.year).groupby(["customer_id", "year"]).size()
    acts = acts.set_index(["customer_id", "year"])
    missing = per.index.difference(acts.index)
    if len(missing):
        acts = pd.concat([acts, pd.DataFrame(0, index=missing, columns=acts.columns)])
    n = per.reindex(acts.index).fillna(0).astype(int)
    acts["orders"] += n
    acts["deliveries"] += n
    acts["calls"] += np.round(n * extra_calls).astype(int)
    return acts.reset_index()


def reshape_small_customers(spec: DemoSpec, tables: dict) -> None:
    """Apply the C-customer patterns to the generated ``tables`` (in place)."""
    rng = np.random.default_rng([spec.seed, STREAM])
    customers: pd.DataFrame = tables["customers"]
    sales: pd.DataFrame = tables["sales"]
    acts: pd.DataFrame = tables["activities"]
    ids = pd.Index(customers["customer_id"])
    st = _state(spec, sales, ids)
    prev_start, start, end = _windows(spec)
    data_start = sales["date"].min()

    active_c = st.index[(st["abc"] == "C") & (st["window"] > 0)]
    shuffled = active_c[rng.permutation(len(active_c))]
    # growers: the largest growing C customers keep their rise
    growing = st.loc[active_c]
    growing = growing[(growing["previous"] > 0) & (growing["window"] >= 1.4 * growing["previous"])]
    growers = list(growing.sort_values("window", ascending=False).index[:N_GROWERS])
    rest = [c for c in shuffled if c not in growers]
    # small-order customers are mid-sized C customers; over-served ones any of the others
    mid = [c for c in rest if 3000 <= st.at[c, "window"] <= 12000]
    small = mid[: len(active_c) // 4]
    others = [c for c in rest if c not in set(small)]
    over = others[: len(active_c) // 5]

    added = []
    # 1. small-order customers: 14-36 extra small orders a year within their active span
    for cid in small:
        lo, hi = max(st.at[cid, "first"], data_start), st.at[cid, "last"]
        span_years = max((hi - lo).days / 365.25, 0.0)
        n = int(round(rng.uniform(25, 50) * span_years))
        dates = _business_days(rng, lo, hi, n)
        values = np.clip(rng.lognormal(np.log(75), 0.5, len(dates)), 30, 240)
        if len(dates):
            added.append(_new_lines(rng, sales, cid, dates, values, st.at[cid, "margin_ratio"]))
    small_new = pd.concat(added, ignore_index=True) if added else None

    # 2. growth: even out the previous period of growing C customers that are not growers
    grown = []
    interim = pd.concat([sales, small_new], ignore_index=True) if small_new is not None else sales
    st2 = _state(spec, interim, ids)
    for cid in active_c:
        if cid in growers:
            continue
        w, p = st2.at[cid, "window"], st2.at[cid, "previous"]
        if p <= 0 or w < 1.2 * p:
            continue
        target = w / (1 + rng.uniform(-0.05, 0.12)) - p
        lo, hi = max(st2.at[cid, "first"], prev_start), start - pd.Timedelta(days=1)
        k = int(rng.integers(1, 4))
        dates = _business_days(rng, lo, hi, k)
        if len(dates):
            values = target * rng.dirichlet(np.ones(len(dates)))
            grown.append(_new_lines(rng, sales, cid, dates, values, st.at[cid, "margin_ratio"]))

    new = pd.concat([x for x in [small_new, *grown] if x is not None], ignore_index=True)
    new = _number(spec, new)
    small_set = set(small)
    acts = _add_activity(acts, new[new["customer_id"].isin(small_set)], 0.5)
    acts = _add_activity(acts, new[~new["customer_id"].isin(small_set)], 0.0)

    # 3. over-served C customers, 4. demanding B customers (every year they have a row),
    # 5. the other C customers buy from the price list: few quotes, rarely a visit
    b_ids = st.index[(st["abc"] == "B")]
    demanding = list(b_ids[rng.permutation(len(b_ids))][: len(b_ids) * 2 // 5])
    plain = [c for c in active_c if c not in set(small) | set(over) | set(growers)]
    m_over = acts["customer_id"].isin(over).to_numpy()
    m_dem = acts["customer_id"].isin(demanding).to_numpy()
    m_plain = acts["customer_id"].isin(plain).to_numpy()
    n = len(acts)
    acts["quotes"] = np.where(m_plain, rng.binomial(acts["quotes"], 0.35), acts["quotes"])
    acts["visits"] = np.where(m_plain, np.minimum(acts["visits"], 1), acts["visits"])
    acts["visits"] += np.where(m_over, rng.integers(4, 10, n), 0)
    acts["calls"] += np.where(m_over, rng.integers(15, 35, n), 0)
    acts["quotes"] += np.where(m_over, rng.integers(8, 20, n), 0)
    acts["visits"] += np.where(m_dem, rng.integers(2, 7, n), 0)
    acts["calls"] += np.where(m_dem, rng.integers(40, 100, n), 0)
    acts["quotes"] += np.where(m_dem, rng.integers(80, 170, n), 0)
    acts["complaints"] += np.where(m_dem, rng.integers(2, 8, n), 0)
    acts["returns"] += np.where(m_dem, rng.integers(0, 5, n), 0)

    sales = pd.concat([sales, new], ignore_index=True)
    sales = sales.sort_values(["date", "invoice_id", "line_no"], kind="stable").reset_index(
        drop=True
    )

    # 5. potential: three C customers at A level, the others capped below the smallest A
    final = _state(spec, sales, ids)
    smallest_a = float(final.loc[final["abc"] == "A", "window"].min())
    pot = customers.set_index("customer_id")["potential"].astype(float)
    c_active = final.index[(final["abc"] == "C") & (final["window"] > 0)]
    high = pot.reindex(c_active)
    high = high[high >= smallest_a].sort_values(ascending=False)
    # tomorrow's key accounts are not shrinking: keep the largest potentials among them
    steady = [c for c in high.index if final.at[c, "window"] >= 0.9 * final.at[c, "previous"]]
    keep = set(steady[:N_POTENTIAL])
    for cid in [c for c in high.index if c not in keep]:
        pot[cid] = np.round(smallest_a * rng.uniform(0.3, 0.8), -3)
    floor = np.ceil(final["window"].clip(lower=0) / 0.9 / 1000) * 1000
    pot = np.maximum(pot, floor.reindex(pot.index).fillna(0.0)).where(pot.notna())
    if keep:
        pot[list(keep)] = np.maximum(pot[list(keep)], np.round(smallest_a * 1.5, -3))
    customers["potential"] = customers["customer_id"].map(pot).to_numpy()

    acts = acts.sort_values(["customer_id", "year"]).reset_index(drop=True)
    for col in acts.columns.drop(["customer_id", "year"]):
        acts[col] = acts[col].astype(int)
    tables["sales"] = sales
    tables["activities"] = acts
    tables["customers"] = customers
    tables["client.yaml"] = tables["client.yaml"].rstrip("\n") + "\n" + _yaml_section(spec.language)
