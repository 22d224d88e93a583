"""Seeded generators of every demo input, vectorised over invoice lines."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from kamlib.demo.account_plans import make_account_plans
from kamlib.demo.retention import add_retention_inputs
from kamlib.demo.small_customers import reshape_small_customers
from kamlib.demo.specs import DEMO_CLIENTS, DemoSpec
from kamlib.demo.texts import demo_prose
from kamlib.demo.touchpoints import add_measure_plan

N_MONTHS = 36  # three years of invoice lines ending with as_of's month

# ---------------------------------------------------------------------------
# Generation
# ---------------------------------------------------------------------------


def _month_starts(spec: DemoSpec) -> pd.DatetimeIndex:
    end = pd.Timestamp(spec.as_of).to_period("M")
    return pd.period_range(end=end, periods=N_MONTHS, freq="M").to_timestamp()


def _pick(rng: np.random.Generator, options: dict, n: int) -> np.ndarray:
    keys = np.array(list(options))
    p = np.array([v if isinstance(v, float) else v[0] for v in options.values()], dtype=float)
    return rng.choice(keys, size=n, p=p / p.sum())


def _customer_names(rng: np.random.Generator, spec: DemoSpec, industries: np.ndarray) -> list[str]:
    """Unique fictional company names whose wording fits the industry."""
    words = demo_prose(spec.language)["names"]
    names: list[str] = []
    seen: set[str] = set()
    for ind in industries:  # one per customer (hundreds), not per sales line
        while True:
            stem = rng.choice(words["stems"][ind])
            head = rng.choice(words["heads"])
            form = words["forms"][rng.choice(len(words["forms"]), p=words["form_p"])]
            pattern = words["patterns"][rng.choice(len(words["patterns"]), p=words["pattern_p"])]
            name = pattern.format(head=head, stem=stem, form=form)
            if name not in seen:
                break
        seen.add(name)
        names.append(name)
    return names


@dataclass
class _Truth:
    """Latent facts behind the tables (used to keep every file consistent)."""

    customers: pd.DataFrame
    mix: np.ndarray  # customers x groups, purchase weights
    churn_month: np.ndarray  # month index of the last active month (N_MONTHS = never)
    start_month: np.ndarray  # first active month index (0 for existing customers)
    trend: np.ndarray  # annual growth rate per customer


def _make_customers(rng: np.random.Generator, spec: DemoSpec) -> _Truth:
    n = spec.n_customers
    n_groups = len(spec.product_groups)
    # sizes: annual revenue at the current run rate, largest first (rank = index)
    size = np.sort(rng.lognormal(np.log(spec.median_revenue), spec.sigma, n))[::-1].copy()
    rank = np.arange(n)
    # the biggest accounts stand out more than a lognormal tail alone gives
    size[list(spec.key_account_ranks) + [spec.strong_unflagged_rank]] *= spec.top_boost

    no_sales = np.zeros(n, bool)
    no_sales[rng.choice(np.arange(n // 2, n), spec.n_without_sales, replace=False)] = True

    is_ka = np.zeros(n, bool)
    is_ka[list(spec.key_account_ranks)] = True
    is_ka[spec.weak_key_account_rank] = True

    # prospects: small buyers today with a big demand (share of wallet a few percent)
    cand = np.flatnonzero((rank > n * 0.45) & ~no_sales)
    prospect = np.zeros(n, bool)
    prospect[rng.choice(cand, spec.n_prospects, replace=False)] = True

    protected = (rank < 12) | is_ka | no_sales | prospect
    # customers won during the window: start month inside the 36 months
    n_new = round(spec.win_rate * n * N_MONTHS / 12)
    new_cand = np.flatnonzero(~protected & (rank >= 8))
    is_new = np.zeros(n, bool)
    is_new[rng.choice(new_cand, n_new, replace=False)] = True
    start_month = np.where(is_new, rng.integers(1, N_MONTHS - 1, n), 0)

    # churn: smaller customers leave more often (annual hazard scaled by size rank)
    hazard = spec.loss_rate * (0.45 + 1.1 * rank / n)
    monthly = 1 - (1 - hazard) ** (1 / 12)
    t_churn = np.floor(rng.exponential(1 / monthly)).astype(int)
    churn = np.where(protected, N_MONTHS, np.minimum(start_month + 2 + t_churn, N_MONTHS))
    churn = np.where(churn < N_MONTHS, churn, N_MONTHS)

    # annual growth trend; the weak key account has been shrinking for years
    trend = rng.normal(0.02, 0.11, n)
    trend[is_new] = rng.normal(0.10, 0.15, is_new.sum())
    trend[spec.weak_key_account_rank] = -0.42
    trend[spec.strong_unflagged_rank] = 0.14

    industry = _pick(rng, spec.industries, n)
    region = _pick(rng, spec.regions, n)
    country = np.empty(n, dtype=object)
    for reg, (_, countries) in spec.regions.items():  # a handful of regions
        idx = np.flatnonzero(region == reg)
        codes = [c for c, _ in countries]
        p = np.array([w for _, w in countries])
        country[idx] = rng.choice(codes, size=len(idx), p=p / p.sum())
    manager = np.array([spec.account_managers[r] for r in region], dtype=object)
    manager[is_ka] = spec.key_account_manager

    # product mix: industry profile x customer-specific Dirichlet; small customers
    # buy fewer groups (whitespace for cross-selling)
    base = np.array([spec.industry_mix[i] for i in industry])
    mix = rng.gamma(base * 1.6, 1.0)
    breadth_cut = np.where(rank < n * 0.1, 0.03, 0.10)
    mix = np.where(mix / mix.sum(1, keepdims=True) < breadth_cut[:, None], 0.0, mix)
    empty = mix.sum(1) == 0
    mix[empty, rng.integers(0, n_groups, empty.sum())] = 1.0
    # the two account-plan customers leave one group untouched (cross-selling story)
    a, b = spec.account_plan_ranks
    mix[a] = np.array(spec.industry_mix[industry[a]]) * np.array([1, 1, 1, 1, 0])
    mix[b] = np.array(spec.industry_mix[industry[b]]) * np.array([1, 1, 0, 1, 1])
    mix = mix / mix.sum(1, keepdims=True)

    # share of wallet -> potential (customer's total annual demand for our categories)
    sow = rng.beta(2.6, 2.4, n) * 0.72 + 0.1
    sow[is_ka] = rng.uniform(0.45, 0.75, is_ka.sum())
    sow[spec.weak_key_account_rank] = 0.22
    sow[spec.strong_unflagged_rank] = 0.40
    sow[prospect] = rng.uniform(0.015, 0.05, prospect.sum())
    potential = size / sow
    potential[no_sales] = rng.lognormal(np.log(250_000), 0.8, no_sales.sum())
    lost_pot = churn < N_MONTHS
    potential[lost_pot] = size[lost_pot] / rng.uniform(0.2, 0.6, lost_pot.sum())
    potential = np.round(potential, -3)

    as_of = pd.Timestamp(spec.as_of)
    since_years = rng.gamma(2.0, 6.0, n) + 3.2
    since = as_of - pd.to_timedelta(np.round(since_years * 365.25), unit="D")
    months = _month_starts(spec)
    since = np.where(is_new, months[start_month], since)  # refined from first invoice later
    since_ns = pd.DatetimeIndex(since)
    # master data entered for the no-sales customers recently (leads) or long ago
    since_ns = since_ns.where(
        ~no_sales, as_of - pd.to_timedelta(rng.integers(20, 900, n), unit="D")
    )

    customers = pd.DataFrame(
        {
            "rank": rank,
            "size": size,
            "industry": industry,
            "region": region,
            "country": country,
            "is_key_account": is_ka,
            "account_manager": manager,
            "customer_since": since_ns.normalize(),
            "potential": potential,
            "no_sales": no_sales,
            "prospect": prospect,
            "is_new": is_new,
            "sow": sow,
        }
    )
    customers["name"] = _customer_names(rng, spec, industry)
    # ids: running numbers with gaps (deleted accounts), assigned in random order
    numbers = spec.id_start + np.sort(rng.choice(n * 6, n, replace=False))
    customers["customer_id"] = [spec.id_format.format(int(x)) for x in rng.permutation(numbers)]
    return _Truth(customers, mix, churn, start_month, trend)


def _articles(rng: np.random.Generator, spec: DemoSpec) -> list[tuple[np.ndarray, np.ndarray]]:
    """Per product group: article ids and net list prices, sorted by price."""
    out = []
    for g in spec.product_groups:
        prices = np.exp(rng.uniform(np.log(g.price_low), np.log(g.price_high), g.n_articles))
        prices = np.sort(np.round(prices, 2))
        numbers = 1000 + np.sort(rng.choice(9000, g.n_articles, replace=False))
        ids = np.array([f"{g.prefix}{x}" for x in rng.permutation(numbers)])
        out.append((ids, prices))
    return out


@dataclass
class _Demand:
    """Orders per customer and month and the run rate behind them."""

    counts: np.ndarray  # customers x months, number of orders
    lam: np.ndarray  # customers x months, expected number of orders
    level: np.ndarray  # customers x months, run-rate factor (trend, ramp-up, fade-out)
    season: np.ndarray  # per month, seasonal factor


def _make_sales(rng: np.random.Generator, spec: DemoSpec, truth: _Truth) -> pd.DataFrame:
    """Invoice lines with credit notes, invoice numbers and the deliberate findings.

    The steps draw from ``rng`` in a fixed order; keep it, or every demo file changes.
    """
    demand = _order_counts(rng, spec, truth)
    inv_c, inv_value, inv_date = _invoices(rng, spec, truth, demand)
    sales = _invoice_lines(rng, spec, truth, inv_c, inv_value, inv_date)
    sales = _with_credit_notes(rng, spec, sales, n_invoices=len(inv_c))
    sales = _numbered(spec, truth, sales)
    return _with_quality_findings(rng, spec, sales)


def _order_counts(rng: np.random.Generator, spec: DemoSpec, truth: _Truth) -> _Demand:
    """Number of orders per customer and month of the 36 months."""
    cust = truth.customers
    n = len(cust)
    months = _month_starts(spec)
    m_idx = np.arange(N_MONTHS)
    ratio = cust["size"].to_numpy() / spec.median_revenue

    # active months: from start month up to (excluding) the churn month
    active = (m_idx[None, :] >= truth.start_month[:, None]) & (
        m_idx[None, :] < truth.churn_month[:, None]
    )
    active &= ~cust["no_sales"].to_numpy()[:, None]

    # run-rate level per month: trend relative to as_of, ramp-up of new customers,
    # decline during the six months before a customer leaves
    years_to_end = (m_idx - (N_MONTHS - 1)) / 12.0
    level = np.exp(truth.trend[:, None] * years_to_end[None, :])
    since_start = m_idx[None, :] - truth.start_month[:, None]
    ramp = np.where(
        cust["is_new"].to_numpy()[:, None], np.clip((since_start + 1) / 6, 0.15, 1), 1.0
    )
    to_churn = truth.churn_month[:, None] - m_idx[None, :]
    leaving = (truth.churn_month < N_MONTHS)[:, None]
    fade = np.where(leaving & (to_churn <= 6), np.clip(to_churn / 7, 0.25, 1), 1.0)
    level = level * ramp * fade

    season = np.array(spec.seasonality)[months.month.to_numpy() - 1]
    orders_per_year = np.clip(8.0 * ratio**0.5, 4, 160)
    lam = orders_per_year[:, None] / 12 * season[None, :] * active
    counts = rng.poisson(lam)
    # every active half-year has at least one order, else a small customer looks lost
    blocks = active.reshape(n, 6, 6)
    c_blocks = counts.reshape(n, 6, 6)
    need = (blocks.sum(2) >= 3) & (c_blocks.sum(2) == 0)
    ci, bi = np.nonzero(need)
    # put the forced order in the last active month of the block
    last_active = 5 - np.argmax(blocks[ci, bi, ::-1], axis=1)
    c_blocks[ci, bi, last_active] += 1
    # new customers buy in their first month
    new_i = np.flatnonzero(cust["is_new"].to_numpy() & ~cust["no_sales"].to_numpy())
    counts[new_i, truth.start_month[new_i]] = np.maximum(counts[new_i, truth.start_month[new_i]], 1)
    counts = counts * active
    # every customer meant to buy has at least one invoice
    silent = np.flatnonzero((counts.sum(1) == 0) & active.any(1))
    first_active = np.argmax(active[silent], axis=1)
    n_act = active[silent].sum(1)
    pick = first_active + np.floor(rng.uniform(0, 1, len(silent)) * n_act).astype(int)
    counts[silent, pick] = 1
    return _Demand(counts=counts, lam=lam, level=level, season=season)


def _invoices(
    rng: np.random.Generator, spec: DemoSpec, truth: _Truth, demand: _Demand
) -> tuple[np.ndarray, np.ndarray, pd.DatetimeIndex]:
    """One invoice per order: customer index, net value and working-day date."""
    n = len(truth.customers)
    months = _month_starts(spec)
    size = truth.customers["size"].to_numpy()
    ratio = size / spec.median_revenue
    counts = demand.counts
    cell_c, cell_m = np.nonzero(counts)
    reps = counts[cell_c, cell_m]
    inv_c = np.repeat(cell_c, reps)
    inv_m = np.repeat(cell_m, reps)
    inv_cell = np.repeat(np.arange(len(cell_c)), reps)
    n_inv = len(inv_c)
    month_start = months[inv_m]
    dim = month_start.days_in_month.to_numpy()
    day = np.floor(rng.uniform(0, 1, n_inv) * dim).astype(int) + 1
    # late December: most orders are invoiced before the holidays
    dec = (month_start.month.to_numpy() == 12) & (day > 19) & (rng.uniform(0, 1, n_inv) < 0.75)
    day[dec] = rng.integers(1, 20, dec.sum())
    date = month_start + pd.to_timedelta(day - 1, unit="D")
    wd = date.day_of_week.to_numpy()
    shift = np.where(wd == 5, -1, np.where(wd == 6, 1, 0))
    shift = np.where((wd == 5) & (day == 1), 2, shift)
    shift = np.where((wd == 6) & (day == dim), -2, shift)
    date = date + pd.to_timedelta(shift, unit="D")

    # per-customer spread of order values; big accounts order more evenly
    # monthly demand: big accounts call off steadily, small ones buy in lumps;
    # a few mid-sized customers run project business (erratic)
    erratic = rng.uniform(0.3, 0.9, n) / (1 + 0.4 * np.log1p(ratio))
    project = (rng.uniform(0, 1, n) < 0.08) & (ratio < 20)
    erratic[project] = 1.2
    sig = erratic[cell_c]
    p_order = np.maximum(1 - np.exp(-demand.lam[cell_c, cell_m]), 0.25)
    # revenue of an order month: run rate / probability of an order that month,
    # so the expected yearly revenue stays at the customer's size
    cell_value = (
        size[cell_c]
        / 12
        * demand.level[cell_c, cell_m]
        * demand.season[cell_m]
        / p_order
        * rng.lognormal(-0.5 * sig**2, sig)
    )
    share = rng.gamma(2.0, 1.0, n_inv)
    share = share / np.bincount(inv_cell, weights=share)[inv_cell]
    return inv_c, cell_value[inv_cell] * share, date


def _invoice_lines(
    rng: np.random.Generator,
    spec: DemoSpec,
    truth: _Truth,
    inv_c: np.ndarray,
    inv_value: np.ndarray,
    inv_date: pd.DatetimeIndex,
) -> pd.DataFrame:
    """Invoices split into lines: article, quantity, net revenue and margin."""
    n = len(truth.customers)
    ratio = truth.customers["size"].to_numpy() / spec.median_revenue
    mu_lines = np.clip(0.5 + 0.45 * np.log1p(ratio), 0.3, 4.0)
    n_lines = 1 + rng.poisson(mu_lines[inv_c])
    line_inv = np.repeat(np.arange(len(inv_c)), n_lines)
    w = rng.gamma(1.2, 1.0, len(line_inv))
    w = w / np.bincount(line_inv, weights=w)[line_inv]
    line_value = inv_value[line_inv] * w
    line_c = inv_c[line_inv]

    cum = np.cumsum(truth.mix, axis=1)[line_c]
    group = (rng.uniform(0, 1, len(line_c))[:, None] > cum).sum(1)
    group = np.minimum(group, len(spec.product_groups) - 1)

    articles = _articles(rng, spec)
    article = np.empty(len(line_c), dtype=object)
    price = np.zeros(len(line_c))
    for g, (ids, prices) in enumerate(articles):  # five groups, vectorised inside
        sel = np.flatnonzero(group == g)
        hi = np.searchsorted(prices, line_value[sel], side="right")
        lo = np.maximum(hi - 18, 0)
        k = lo + np.floor(rng.uniform(0, 1, len(sel)) * np.maximum(hi - lo, 1)).astype(int)
        k = np.minimum(k, len(prices) - 1)
        article[sel] = ids[k]
        price[sel] = prices[k]

    ka = truth.customers["is_key_account"].to_numpy()
    discount = np.clip(rng.normal(0.03, 0.02, n) + 0.035 * np.log10(np.maximum(ratio, 1)), 0, 0.2)
    discount[ka] += 0.03
    unit_net = np.round(price * (1 - discount[line_c]), 2)
    qty = np.maximum(1, np.round(line_value / price)).astype(np.int64)
    revenue = np.round(qty * unit_net, 2)

    g_margin = np.array([g.margin for g in spec.product_groups])
    c_margin = rng.normal(0.0, 0.025, n) - 0.45 * (discount - discount.mean())
    ratio_m = np.clip(
        g_margin[group] + c_margin[line_c] + rng.normal(0, 0.035, len(line_c)), 0.02, 0.7
    )
    margin = np.round(revenue * ratio_m, 2)

    return pd.DataFrame(
        {
            "date": inv_date[line_inv],
            "inv": line_inv,
            "cust": line_c,
            "article_id": article,
            "group": group,
            "quantity": qty,
            "net_revenue": revenue,
            "contribution_margin": margin,
        }
    )


def _with_credit_notes(
    rng: np.random.Generator, spec: DemoSpec, sales: pd.DataFrame, n_invoices: int
) -> pd.DataFrame:
    """Add credit notes: partial or full returns of earlier lines (column ``credit``)."""
    n_lines_total = len(sales)
    n_cn = round(n_lines_total * spec.credit_note_share / (1 - spec.credit_note_share))
    src = np.sort(rng.choice(n_lines_total, n_cn, replace=False))
    cn = sales.iloc[src].copy()
    back = np.maximum(1, np.round(cn["quantity"].to_numpy() * rng.uniform(0.15, 1.0, n_cn))).astype(
        np.int64
    )
    back = np.minimum(back, cn["quantity"].to_numpy())
    frac = back / cn["quantity"].to_numpy()
    cn["quantity"] = -back
    cn["net_revenue"] = -np.round(cn["net_revenue"].to_numpy() * frac, 2)
    cn["contribution_margin"] = -np.round(cn["contribution_margin"].to_numpy() * frac, 2)
    cn_date = cn["date"] + pd.to_timedelta(rng.integers(4, 40, n_cn), unit="D")
    cn_date = cn_date.where(
        cn_date.dt.day_of_week < 5, cn_date - pd.to_timedelta(cn_date.dt.day_of_week - 4, unit="D")
    )
    cn["date"] = cn_date.clip(upper=pd.Timestamp(spec.as_of))
    cn["inv"] = n_invoices + np.arange(n_cn)  # one credit note per returned line
    sales["credit"] = False
    cn["credit"] = True
    return pd.concat([sales, cn], ignore_index=True)


def _numbered(spec: DemoSpec, truth: _Truth, sales: pd.DataFrame) -> pd.DataFrame:
    """Invoice numbers running per year in date order, line numbers, customer ids, groups."""
    first = sales.groupby("inv", sort=False)["date"].transform("min")
    inv_tab = (
        sales.assign(first=first)
        .drop_duplicates("inv")[["inv", "first", "credit"]]
        .sort_values(["first", "inv"], kind="stable")
    )
    year = inv_tab["first"].dt.year
    seq = inv_tab.groupby([year, inv_tab["credit"]]).cumcount() + 1
    prefix = np.where(inv_tab["credit"], spec.credit_prefix, spec.invoice_prefix)
    width = np.where(inv_tab["credit"], 4, 5)
    inv_tab["invoice_id"] = [
        f"{p}{y}-{s:0{wd_}d}" for p, y, s, wd_ in zip(prefix, year, seq, width, strict=True)
    ]
    sales = sales.merge(inv_tab[["inv", "invoice_id"]], on="inv", how="left")
    sales["date"] = sales.groupby("inv")["date"].transform("min")
    sales = sales.sort_values(["date", "invoice_id", "inv"], kind="stable").reset_index(drop=True)
    sales["line_no"] = sales.groupby("inv").cumcount() + 1

    sales["customer_id"] = truth.customers["customer_id"].to_numpy()[sales["cust"].to_numpy()]
    names = np.array([g.name for g in spec.product_groups])
    sales["product_group"] = names[sales["group"].to_numpy()]
    return sales


def _with_quality_findings(
    rng: np.random.Generator, spec: DemoSpec, sales: pd.DataFrame
) -> pd.DataFrame:
    """Add the deliberate data-quality findings (exact duplicates, an unknown customer id)
    and keep the columns of the export."""
    n_dup = max(2, round(len(sales) * spec.duplicate_share))
    dup = sales.iloc[np.sort(rng.choice(len(sales), n_dup, replace=False))]
    unknown = (
        sales[~sales["credit"]]
        .iloc[rng.choice(int((~sales["credit"]).sum()), 2, replace=False)]
        .copy()
    )
    unknown["customer_id"] = spec.unknown_customer_id
    unknown["invoice_id"] = unknown["invoice_id"].str[:-1] + "X"  # own invoice, not a clash
    unknown["line_no"] = [1, 1]
    sales = pd.concat([sales, dup, unknown], ignore_index=True)
    sales = sales.sort_values(["date", "invoice_id", "line_no"], kind="stable").reset_index(
        drop=True
    )
    cols = [
        "date",
        "invoice_id",
        "line_no",
        "customer_id",
        "article_id",
        "product_group",
        "quantity",
        "net_revenue",
        "contribution_margin",
    ]
    return sales[cols]


def _client_yaml(spec: DemoSpec) -> str:
    return demo_prose(spec.language)["client_yaml"].format(
        name=spec.name,
        currency="EUR",
        as_of=spec.as_of.isoformat(),
        firm=f'"{spec.consultant_firm}"',
    )


def _finish_customers(spec: DemoSpec, truth: _Truth, sales: pd.DataFrame) -> pd.DataFrame:
    """Customer master as exported: new customers' ``customer_since`` just before
    their first invoice; sorted by id."""
    cust = truth.customers.copy()
    first = sales[sales["net_revenue"] > 0].groupby("customer_id")["date"].min()
    first = cust["customer_id"].map(first)
    rng = np.random.default_rng(spec.seed + 1)
    lead = pd.to_timedelta(rng.integers(0, 45, len(cust)), unit="D")
    since = cust["customer_since"].where(~(cust["is_new"] & first.notna()), first - lead)
    cust["customer_since"] = since.dt.normalize()
    # demand can never be below what the customer already buys from us (noise and
    # trends can push a year's revenue above the drawn potential)
    rev = cust["customer_id"].map(_revenue_last_12(spec, _clean_sales(spec, sales))).fillna(0.0)
    floor = np.ceil(rev.to_numpy() / rng.uniform(0.82, 0.95, len(cust)) / 1000) * 1000
    cust["potential"] = np.maximum(cust["potential"].to_numpy(), floor)
    out = cust[
        [
            "customer_id",
            "name",
            "industry",
            "region",
            "country",
            "is_key_account",
            "account_manager",
            "customer_since",
            "potential",
        ]
    ]
    return out.sort_values("customer_id").reset_index(drop=True)


def _clean_sales(spec: DemoSpec, sales: pd.DataFrame) -> pd.DataFrame:
    """Sales as the kit sees them: duplicates and unknown-customer lines removed."""
    out = sales.drop_duplicates(["invoice_id", "line_no"])
    return out[out["customer_id"] != spec.unknown_customer_id]


def _revenue_last_12(spec: DemoSpec, sales: pd.DataFrame) -> pd.Series:
    start = (pd.Timestamp(spec.as_of).to_period("M") - 11).to_timestamp()
    return sales[sales["date"] >= start].groupby("customer_id")["net_revenue"].sum()


def _initials(name: str) -> str:
    return "".join(p[0] for p in name.replace("-", " ").split() if p[0].isupper())


def _make_activities(
    rng: np.random.Generator, spec: DemoSpec, truth: _Truth, sales: pd.DataFrame
) -> pd.DataFrame:
    """Cost-to-serve drivers per customer and calendar year, derived from sales."""
    cust = truth.customers.set_index("customer_id")
    s = sales.assign(year=sales["date"].dt.year, credit=sales["net_revenue"] < 0)
    inv = s.drop_duplicates("invoice_id").assign(invoice=lambda d: ~d["credit"])
    per = (
        inv.groupby(["customer_id", "year"])
        .agg(invoices=("invoice", "sum"), returns=("credit", "sum"))
        .reset_index()
    )
    # leads without sales still get visits and quotes in the current year
    leads = cust.index[cust["no_sales"]]
    lead_rows = pd.DataFrame(
        {"customer_id": leads, "year": spec.as_of.year, "invoices": 0, "returns": 0}
    )
    per = pd.concat([per, lead_rows], ignore_index=True)
    n = len(per)
    months = _month_starts(spec)
    covered = pd.Series(months.year).value_counts()  # months of data per calendar year
    frac = per["year"].map(covered).to_numpy() / 12.0
    c = cust.loc[per["customer_id"]]
    ratio = c["size"].to_numpy() / spec.median_revenue
    ka = c["is_key_account"].to_numpy()
    inv_n = per["invoices"].to_numpy()

    orders = inv_n - rng.binomial(inv_n, 0.05)  # some orders are invoiced in parts
    deliveries = inv_n + rng.binomial(inv_n, 0.08)  # partial deliveries
    visit_rate = 0.4 + 1.1 * np.log10(1 + ratio)
    visit_rate = np.where(ka, 14.0, visit_rate)
    visit_rate = np.where(c["prospect"].to_numpy() | c["no_sales"].to_numpy(), 3.0, visit_rate)
    # a few small customers are over-served by habit (cost-to-serve story)
    over = c.index.isin(
        cust.index[(cust["rank"] > spec.n_customers * 0.6)][:: max(1, spec.n_customers // 12)]
    )
    visit_rate = np.where(over, 9.0, visit_rate)
    visits = rng.poisson(visit_rate * frac)
    calls = rng.poisson(2 + 1.8 * visits + 0.35 * orders)
    complaints = rng.poisson(0.03 * deliveries) + (per["returns"].to_numpy() > 0)
    quotes = rng.poisson(np.maximum(orders * rng.uniform(0.3, 1.1, n), 1.5 * visits))
    out = pd.DataFrame(
        {
            "customer_id": per["customer_id"],
            "year": per["year"].astype(int),
            "visits": visits,
            "calls": calls,
            "orders": orders,
            "deliveries": deliveries,
            "complaints": complaints.astype(int),
            "returns": per["returns"].astype(int),
            "quotes": quotes,
        }
    )
    return out.sort_values(["customer_id", "year"]).reset_index(drop=True)


def _scale_1_5(x: np.ndarray) -> np.ndarray:
    """Percentile rank mapped to 1-5 (continuous)."""
    r = pd.Series(x).rank(pct=True).to_numpy()
    return 1 + 4 * r


def _make_ratings(
    rng: np.random.Generator, spec: DemoSpec, truth: _Truth, sales: pd.DataFrame
) -> pd.DataFrame:
    """Workshop ratings (1-5) of the top customers and a few small high-potential ones.

    Latent truths follow the generated facts (key accounts have access and fit,
    prospects a large future demand, the weak key account poor access); rounding
    noise keeps them from being perfect.
    """
    cust = truth.customers.set_index("customer_id")
    rev = _revenue_last_12(spec, sales)
    rev = rev[rev > 0].sort_values(ascending=False)
    top = list(rev.index[: spec.n_rated])
    prospects = list(cust.index[cust["prospect"]][: max(3, spec.n_prospects - 2)])
    leads = list(cust.index[cust["no_sales"]][:2])
    ids = list(dict.fromkeys(top + prospects + leads))
    c = cust.loc[ids]
    n = len(ids)
    ka = c["is_key_account"].to_numpy()
    prospect = c["prospect"].to_numpy() | c["no_sales"].to_numpy()
    weak = (c["rank"] == spec.weak_key_account_rank).to_numpy()
    strong = (c["rank"] == spec.strong_unflagged_rank).to_numpy()
    size_sc = _scale_1_5(np.log(c["potential"].to_numpy() + 1))
    sow = np.clip(rev.reindex(ids).fillna(0).to_numpy() / c["potential"].to_numpy(), 0, 1)
    trend = truth.trend[c["rank"].to_numpy()]
    hi = lambda v: np.where(ka, v, 0.0)  # noqa: E731 - short local helper
    noise = lambda: rng.normal(0, 0.7, n)  # noqa: E731

    latent = {
        "future_demand": 2.2 + 2.2 * (1 - sow) + 3 * trend + 0.6 * prospect,
        "customer_size": size_sc,
        "market_position": 0.6 * size_sc + 1.2 + noise() * 0.5,
        "decision_access": 2.6 + hi(1.5) - 1.0 * prospect + 0.4 * strong,
        "processes": 3.1 + hi(0.5) + noise() * 0.6,
        "chemistry": 3.2 + hi(0.9),
        "strategy": 2.9 + 0.2 * size_sc - 0.3 + hi(0.3),
        "payment_behaviour": 4.1 - 1.6 * (rng.uniform(0, 1, n) < 0.1),
        "market_significance": 0.8 * size_sc + 0.6,
        "know_how": 2.8 + hi(1.0) + noise() * 0.5,
        "door_opener": 2.7 + hi(1.0) + 0.3 * size_sc - 0.6,
        "buying_center": 0.7 * size_sc + 0.9 + hi(0.6),
        "opportunity_field": 2.0 + 1.8 * (1 - sow) + 0.2 * size_sc,
        "strategic_fit": 2.9 + hi(1.1) + noise() * 0.4,
        "image": 1.4 + 0.55 * size_sc + noise() * 0.6,
        "expertise": 2.8 + noise() * 0.8,
    }
    # the strong unflagged customer looks like a key account on every criterion
    for k in ("strategic_fit", "know_how", "door_opener", "market_significance", "chemistry"):
        latent[k] = np.where(strong, 4.6, latent[k])
    # the weak flagged key account: shrinking, poor access, little strategic fit
    for k, v in {
        "decision_access": 1.8,
        "chemistry": 2.3,
        "strategic_fit": 2.0,
        "future_demand": 1.9,
        "door_opener": 2.0,
        "know_how": 2.4,
        "opportunity_field": 2.2,
    }.items():
        latent[k] = np.where(weak, v, latent[k])

    criteria = list(latent)
    vals = np.column_stack([latent[k] for k in criteria]) + rng.normal(0, 0.45, (n, len(criteria)))
    ratings = np.clip(np.round(vals), 1, 5).astype(int)
    out = pd.DataFrame(ratings, index=pd.Index(ids, name="customer_id"), columns=criteria)
    out = out.stack().rename("rating").reset_index().rename(columns={"level_1": "criterion"})
    # workshops leave a few fields empty
    keep = rng.uniform(0, 1, len(out)) >= 0.02
    out = out[keep]
    out["rated_on"] = pd.Timestamp(spec.workshop_date)
    managers = c["account_manager"]
    out["rated_by"] = out["customer_id"].map(managers).map(_initials)
    return out.sort_values(["customer_id", "criterion"]).reset_index(drop=True)


_ROLE_PLAN = (
    # role, min, max, influence range, attitude centre
    ("decider", 1, 2, (4, 5), 1.0),
    ("buyer", 1, 2, (3, 4), 0.5),
    ("user", 1, 3, (2, 3), 1.0),
    ("influencer", 0, 2, (3, 4), 0.5),
    ("gatekeeper", 0, 1, (2, 3), 0.0),
)


def _make_contacts(
    rng: np.random.Generator, spec: DemoSpec, truth: _Truth, sales: pd.DataFrame
) -> pd.DataFrame:
    """Buying-center members of the key accounts and a few other A customers."""
    cust = truth.customers.set_index("customer_id")
    rev = _revenue_last_12(spec, sales).sort_values(ascending=False)
    others = [i for i in rev.index[:14] if not cust.loc[i, "is_key_account"]][:5]
    ids = list(cust.index[cust["is_key_account"]]) + others
    words = demo_prose(spec.language)["people"]
    as_of = pd.Timestamp(spec.as_of)
    rows = []
    used: set[str] = set()
    for cid in sorted(ids):  # a dozen accounts, a handful of contacts each
        c = cust.loc[cid]
        ka = bool(c["is_key_account"])
        weak = c["rank"] == spec.weak_key_account_rank
        strong = c["rank"] == spec.strong_unflagged_rank
        for role, lo, hi_, (inf_lo, inf_hi), att in _ROLE_PLAN:
            for _ in range(int(rng.integers(lo, hi_ + 1)) + (1 if ka and role == "user" else 0)):
                while True:
                    name = f"{rng.choice(words['first'])} {rng.choice(words['last'])}"
                    if name not in used:
                        break
                used.add(name)
                centre = (
                    att
                    + (0.5 if ka else 0.0)
                    - (1.6 if weak and role in ("decider", "buyer") else 0)
                )
                if strong and role == "decider":
                    centre = 0.0  # a door not yet opened
                attitude = int(np.clip(np.round(centre + rng.normal(0, 0.7)), -2, 2))
                rel_centre = 3.8 if ka else 2.8
                if weak or (strong and role == "decider"):
                    rel_centre = 2.0
                relationship = int(np.clip(np.round(rel_centre + rng.normal(0, 0.8)), 1, 5))
                days = rng.integers(5, 80) if ka else rng.integers(20, 200)
                if weak and role == "decider":
                    days = rng.integers(260, 330)  # nobody has seen the decider for months
                if strong and role == "decider":
                    days = rng.integers(300, 420)
                rows.append(
                    {
                        "customer_id": cid,
                        "contact_name": name,
                        "role": role,
                        "influence": int(rng.integers(inf_lo, inf_hi + 1)),
                        "attitude": attitude,
                        "relationship": relationship,
                        "last_contact": as_of - pd.Timedelta(days=int(days)),
                    }
                )
    return pd.DataFrame(rows)


def _make_touchpoints(rng: np.random.Generator, spec: DemoSpec) -> pd.DataFrame:
    """Touchpoint inventory rated in two rounds (Ist moves, Soll stays)."""
    base = pd.DataFrame(
        demo_prose(spec.language)["touchpoints"],
        columns=["touchpoint", "phase", "channel", "owner", "segment", "importance", "ist", "soll"],
    )
    first = base.assign(round=pd.Timestamp(spec.touchpoint_rounds[0]))
    # second round: measures worked on the biggest gaps, a few slipped
    gap = base["soll"] - base["ist"]
    step = np.where(gap >= 2, rng.integers(0, 3, len(base)), rng.integers(-1, 2, len(base)))
    ist2 = np.clip(base["ist"] + step, 1, 5)
    second = base.assign(ist=ist2, round=pd.Timestamp(spec.touchpoint_rounds[1]))
    out = pd.concat([first, second], ignore_index=True)
    return out[
        ["touchpoint", "phase", "channel", "owner", "segment", "importance", "ist", "soll", "round"]
    ]


#: reason ids of METHODOLOGY section 5 (the German client records them in German words)
_LOST_REASONS = ("price", "delivery", "quality", "service", "contact", "relocation", "insolvency")
_LOST_P = (0.32, 0.18, 0.12, 0.10, 0.14, 0.08, 0.06)
_LOST_REASON_DE = {
    "price": "Preis",
    "delivery": "Lieferzeit",
    "quality": "Qualität",
    "service": "Service",
    "contact": "Ansprechpartner",
    "relocation": "Standortverlagerung",
    "insolvency": "Insolvenz",
}


def _make_lost_reasons(
    rng: np.random.Generator, spec: DemoSpec, truth: _Truth, sales: pd.DataFrame
) -> pd.DataFrame:
    """Reasons recorded for most (not all) customers lost under the 12-month rule."""
    as_of = pd.Timestamp(spec.as_of)
    last = sales[sales["net_revenue"] > 0].groupby("customer_id")["date"].max()
    lost = last[last < as_of - pd.DateOffset(months=12)].sort_index()
    recorded = lost[rng.uniform(0, 1, len(lost)) < 0.8]
    n = len(recorded)
    reason = rng.choice(np.array(_LOST_REASONS), n, p=np.array(_LOST_P))
    lost_on = recorded.to_numpy() + pd.to_timedelta(rng.integers(60, 200, n), unit="D")
    lost_on = np.minimum(lost_on, as_of.to_datetime64())
    notes = demo_prose(spec.language)["lost_notes"]
    pick = rng.integers(0, 3, n)
    return pd.DataFrame(
        {
            "customer_id": recorded.index,
            "reason": [_LOST_REASON_DE[r] for r in reason] if spec.language == "de" else reason,
            "lost_on": pd.DatetimeIndex(lost_on).normalize(),
            "note": [notes[r][k] for r, k in zip(reason, pick, strict=True)],
        }
    )


def make_demo_client(key: str) -> dict[str, pd.DataFrame | dict]:
    """Generate every table of demo client ``key`` (pure, seeded).

    Returns ``{"client.yaml": str, "customers": DataFrame, "sales": DataFrame,
    "activities": ..., "ratings": ..., "contacts": ..., "touchpoints": ...,
    "lost_reasons": ..., "account_plans": {customer_id: dict}}``; keys of the
    tables are the file base names in the client folder.
    """
    spec = DEMO_CLIENTS[key]
    rng = np.random.default_rng(spec.seed)
    truth = _make_customers(rng, spec)
    sales = _make_sales(rng, spec, truth)
    customers = _finish_customers(spec, truth, sales)
    # later inputs see the master as written (potential after the demand floor)
    truth.customers["potential"] = truth.customers["customer_id"].map(
        customers.set_index("customer_id")["potential"]
    )
    clean = _clean_sales(spec, sales)
    # each input has its own stream so refining one file does not reshuffle the others
    sub = [np.random.default_rng([spec.seed, k]) for k in range(5)]
    contacts = _make_contacts(sub[2], spec, truth, clean)
    from kamlib.demo.winback import add_reactivations  # own stream; changes only the sales

    data = {
        "client.yaml": _client_yaml(spec),
        "customers": customers,
        "sales": add_reactivations(sales, spec),
        "activities": _make_activities(sub[0], spec, truth, clean),
        "ratings": _make_ratings(sub[1], spec, truth, clean),
        "contacts": contacts,
        "touchpoints": add_measure_plan(_make_touchpoints(sub[3], spec), spec.language),
        "lost_reasons": _make_lost_reasons(sub[4], spec, truth, clean),
        "account_plans": {},
    }
    reshape_small_customers(spec, data)  # own random stream
    add_retention_inputs(data, spec)  # own seed: slipping customers, factor ratings; last
    # plans last, from the tables as written (no random numbers)
    rank = truth.customers.set_index("customer_id")["rank"]
    customers = data["customers"]
    by_size = customers.iloc[customers["customer_id"].map(rank).argsort(kind="stable")]
    weak_id = str(rank.index[rank == spec.weak_key_account_rank][0])
    data["account_plans"] = make_account_plans(
        spec, by_size, data["sales"], data["contacts"], weak_id
    )
    return data
