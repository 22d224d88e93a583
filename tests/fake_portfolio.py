"""A hand-built ``PortfolioResult`` for chart, narrative and notebook-helper tests.

It follows the contract in ``kamlib/analysis/portfolio.py`` without calling the
analysis, so the deliverable layer can be tested on its own. ``small_result``
has eight customers whose figures are simple enough to check by hand (see the
numbers in the docstring); ``random_result`` builds a large, realistic-looking
portfolio (e.g. 20,000 customers) for readability and speed checks.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from kamlib.analysis.portfolio import ABC, XYZ, ZONES, PortfolioResult
from kamlib.config import PortfolioSettings, normalise_weights

_MATRIX_KEYS = [(a, x) for a in ABC for x in XYZ]


def _frames(customers: pd.DataFrame, settings: PortfolioSettings) -> dict:
    """Derive the summary tables of the contract from the customer table."""
    c = customers
    pos_total = c["revenue"].clip(lower=0).sum()
    abc = (
        c.groupby("abc_class")
        .agg(customers=("customer_id", "size"), revenue=("revenue", "sum"))
        .reindex(list(ABC), fill_value=0)
    )
    abc["customer_share"] = abc["customers"] / len(c)
    abc["revenue_share"] = abc["revenue"] / pos_total
    abc = abc.reset_index(names="abc_class")

    rows = []
    for a, x in _MATRIX_KEYS:
        sel = c[(c["abc_class"] == a) & (c["xyz_class"] == x)]
        rows.append(
            {
                "abc": a,
                "xyz": x,
                "customers": len(sel),
                "revenue": sel["revenue"].sum(),
                "revenue_share": sel["revenue"].clip(lower=0).sum() / pos_total,
                "recommendation": f"portfolio.rec.{a}{x}",
            }
        )
    matrix = pd.DataFrame(rows)
    extra = []
    for key, mask in (
        ("new", c["xyz_class"] == "new"),
        ("no_revenue", c["xyz_class"] == ""),
    ):
        sel = c[mask]
        extra.append(
            {
                "group": key,
                "customers": len(sel),
                "revenue": sel["revenue"].sum(),
                "revenue_share": sel["revenue"].clip(lower=0).sum() / pos_total,
            }
        )
    matrix_extra = pd.DataFrame(extra).set_index("group")

    vals = np.sort(c["revenue"].clip(lower=0).to_numpy())[::-1]
    cum = np.concatenate([[0.0], np.cumsum(vals) / pos_total])
    lorenz = pd.DataFrame(
        {"customer_share": np.arange(len(vals) + 1) / len(vals), "revenue_share": cum}
    )

    zones = (
        c.groupby("zone")
        .agg(
            customers=("customer_id", "size"),
            revenue=("revenue", "sum"),
            key_accounts=("is_key_account", "sum"),
            potential_score=("potential_score", "mean"),
            attractiveness_score=("attractiveness_score", "mean"),
            wallet_gap=("wallet_gap", "sum"),
        )
        .reindex(list(ZONES))
        .fillna(0)
    )
    zones["customer_share"] = zones["customers"] / len(c)
    zones["revenue_share"] = zones["revenue"] / pos_total
    zones = zones.reset_index(names="zone")

    cut = settings.key_account.cut_score
    ka = c.sort_values(["ka_score", "customer_id"], ascending=[False, True]).reset_index(drop=True)
    ka["rank"] = np.arange(1, len(ka) + 1)
    ka["qualifies"] = ka["ka_score"] >= cut
    not_flagged = ka[ka["qualifies"] & ~ka["is_key_account"]]
    flagged_not = ka[~ka["qualifies"] & ka["is_key_account"]]

    weights = {
        "potential": normalise_weights(settings.potential),
        "attractiveness": normalise_weights(settings.attractiveness),
    }
    sens = []
    for axis, ws in weights.items():
        for i, (crit, w) in enumerate(ws.items()):
            for d, direction in ((-1, "down"), (1, "up")):
                sens.append(
                    {
                        "axis": axis,
                        "criterion": crit,
                        "direction": direction,
                        "weight": w,
                        "new_weight": w * (1 + 0.2 * d),
                        "changed_share": 0.01 * (i + 1) * (1.5 if d > 0 else 1.0),
                    }
                )
    sensitivity = pd.DataFrame(sens)

    high = c[c["zone"].isin(["protect", "develop"])]
    programs = pd.DataFrame(
        [
            {
                "quarter": q,
                "criterion": crit,
                "program": f"portfolio.program.{crit}",
                "shortfall": s,
                "customer_ids": list(high["customer_id"].head(3 + q)),
            }
            for q, (crit, s) in enumerate(
                [("share_of_wallet", 120.0), ("decision_access", 80.0), ("processes", 40.0)],
                start=1,
            )
        ]
    )
    return {
        "abc_summary": abc,
        "matrix": matrix,
        "matrix_extra": matrix_extra,
        "lorenz": lorenz,
        "zones": zones,
        "ka_ranking": ka,
        "ka_not_flagged": not_flagged.reset_index(drop=True),
        "ka_flagged_not_qualified": flagged_not.reset_index(drop=True),
        "sensitivity": sensitivity,
        "focus_programs": programs,
        "weights": weights,
    }


def _result(customers: pd.DataFrame, unrated: int = 0) -> PortfolioResult:
    settings = PortfolioSettings()
    customers = customers.sort_values(
        ["revenue", "customer_id"], ascending=[False, True]
    ).reset_index(drop=True)
    pos = customers["revenue"].clip(lower=0)
    customers["revenue_share"] = pos / pos.sum()
    customers["cumulative_share"] = customers["revenue_share"].cumsum()
    customers["cum_before_share"] = customers["cumulative_share"] - customers["revenue_share"]
    frames = _frames(customers, settings)
    return PortfolioResult(
        as_of=pd.Timestamp("2026-06-30"),
        window_start=pd.Timestamp("2025-07-01"),
        window_end=pd.Timestamp("2026-06-30"),
        settings=settings,
        customers=customers,
        robust_share=0.85,
        unrated_customers=unrated,
        **frames,
    )


def small_result() -> PortfolioResult:
    """Eight customers, total positive revenue 1,000,000.

    - K1 400,000 (40 %) A X protect, key account, wallet gap 100,000
    - K2 300,000 (30 %) A Y develop, not a key account but ka_score 72 (qualifies)
    - K3 150,000 (15 %) B X maintain, key account
    - K4  80,000 ( 8 %) B Z develop, wallet gap 320,000
    - K5  40,000 ( 4 %) C X withdraw, key account with ka_score 30 (does not qualify)
    - K6  20,000 ( 2 %) C Z withdraw
    - K7  10,000 ( 1 %) C new maintain
    - K8       0        C no revenue withdraw
    A customers: 2 of 8 (25 %) with 70 % of revenue; develop wallet gap
    300,000 (K2: 600,000 - 300,000) + 320,000 (K4) = 620,000.
    """
    # fmt: off
    rows = [
        # id, name, rev, abc, xyz, pot, attr, zone, ka, ka_score, potential, type
        ("K1", "Alpha Maschinen GmbH", 400_000, "A", "X", 80, 75, "protect", True, 90, 500_000, "breadwinner"),
        ("K2", "Beta Anlagenbau AG", 300_000, "A", "Y", 70, 30, "develop", False, 72, 600_000, "breadwinner;image_maker"),
        ("K3", "Gamma Präzision KG", 150_000, "B", "X", 40, 80, "maintain", True, 65, 160_000, ""),
        ("K4", "Delta Technik GmbH", 80_000, "B", "Z", 90, 45, "develop", False, 55, 400_000, "prospect"),
        ("K5", "Epsilon Handel OHG", 40_000, "C", "X", 20, 20, "withdraw", True, 30, 45_000, ""),
        ("K6", "Zeta Service e.K.", 20_000, "C", "Z", 10, 40, "withdraw", False, 20, 25_000, ""),
        ("K7", "Eta Neu GmbH", 10_000, "C", "new", 45, 60, "maintain", False, 25, np.nan, ""),
        ("K8", "Theta Ruhend AG", 0, "C", "", 5, 10, "withdraw", False, 5, np.nan, ""),
    ]
    # fmt: on
    df = pd.DataFrame(
        rows,
        columns=[
            "customer_id",
            "customer_name",
            "revenue",
            "abc_class",
            "xyz_class",
            "potential_score",
            "attractiveness_score",
            "zone",
            "is_key_account",
            "ka_score",
            "potential",
            "customer_type",
        ],
    )  # fmt: skip
    df["revenue"] = df["revenue"].astype(float)
    df["industry"] = "Maschinenbau"
    df["region"] = "Süd"
    df["contribution_margin"] = df["revenue"] * 0.3
    df["value"] = df["revenue"]
    df["cv"] = [0.2, 0.7, 0.3, 1.5, 0.4, 2.0, np.nan, np.nan]
    df["cv_months"] = [12, 12, 12, 12, 12, 12, 2, np.nan]
    df["order_month_share"] = [1.0, 0.8, 1.0, 0.2, 0.6, 0.1, 1.0, 0.0]
    df["rated"] = [True, True, True, True, False, False, False, False]
    df["ka_recommended"] = df["ka_score"] >= 60
    df["share_of_wallet"] = df["revenue"] / df["potential"]
    df["wallet_gap"] = (df["potential"] - df["revenue"]).clip(lower=0)
    df["growth"] = [0.05, 0.2, -0.02, 0.4, -0.1, -0.3, np.nan, np.nan]
    df["margin_ratio"] = 0.3
    for crit in ("future_demand", "share_of_wallet", "growth"):
        df[f"crit_{crit}"] = df["potential_score"]
    for crit in ("decision_access", "processes", "chemistry", "strategy", "margin_quality"):
        df[f"crit_{crit}"] = df["attractiveness_score"]
    return _result(df, unrated=4)


def random_result(n: int = 20_000, seed: int = 7) -> PortfolioResult:
    """A large portfolio with a long-tailed revenue distribution."""
    rng = np.random.default_rng(seed)
    rev = np.round(rng.pareto(1.2, n) * 5_000 + 200, 2)
    rev[rng.random(n) < 0.03] = 0.0
    ids = [f"C{i:05d}" for i in range(n)]
    df = pd.DataFrame(
        {
            "customer_id": ids,
            "customer_name": [
                f"Kunde {i} Industrie- und Handelsgesellschaft mbH" for i in range(n)
            ],
            "revenue": rev,
        }
    )
    order = df.sort_values(["revenue", "customer_id"], ascending=[False, True]).index
    share = df.loc[order, "revenue"] / df["revenue"].sum()
    before = share.cumsum() - share
    abc = np.where(before < 0.8, "A", np.where(before < 0.95, "B", "C"))
    df.loc[order, "abc_class"] = abc
    df["xyz_class"] = rng.choice(["X", "Y", "Z", "new"], n, p=[0.3, 0.35, 0.3, 0.05])
    df.loc[df["revenue"] <= 0, ["xyz_class", "abc_class"]] = ["", "C"]
    df["potential_score"] = np.round(rng.integers(0, 5, n) * 25 + rng.normal(0, 4, n), 1).clip(
        0, 100
    )
    df["attractiveness_score"] = np.round(rng.uniform(0, 100, n), 1)
    hp = df["potential_score"] >= 50
    ha = df["attractiveness_score"] >= 50
    df["zone"] = np.select(
        [hp & ha, hp & ~ha, ~hp & ha], ["protect", "develop", "maintain"], "withdraw"
    )
    df["is_key_account"] = False
    df.loc[df["revenue"].nlargest(60).index, "is_key_account"] = True
    df["ka_score"] = np.round(rng.uniform(0, 100, n), 1)
    df["ka_recommended"] = df["ka_score"] >= 60
    df["potential"] = df["revenue"] * rng.uniform(1, 4, n)
    df["share_of_wallet"] = df["revenue"] / df["potential"]
    df["wallet_gap"] = df["potential"] - df["revenue"]
    df["customer_type"] = ""
    df["industry"] = "Industrie"
    df["region"] = "Nord"
    df["contribution_margin"] = df["revenue"] * 0.25
    df["value"] = df["revenue"]
    df["cv"] = rng.uniform(0, 2, n)
    df["cv_months"] = 12
    df["order_month_share"] = rng.uniform(0, 1, n)
    df["rated"] = rng.random(n) < 0.1
    df["growth"] = rng.normal(0, 0.2, n)
    df["margin_ratio"] = 0.25
    return _result(df, unrated=int((~df["rated"]).sum()))
