"""Strategic customer portfolio (METHODOLOGY.md section 1).

CONTRACT (to be implemented): entry point ``analyse(client, settings=None)``.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from kamlib.config import PortfolioSettings

#: stable zone keys in display order
ZONES = ("protect", "develop", "maintain", "withdraw")
#: ABC-XYZ fields in display order
ABC = ("A", "B", "C")
XYZ = ("X", "Y", "Z")


@dataclass
class PortfolioResult:
    """Result of the portfolio analysis. Shares are fractions 0-1, scores 0-100.

    ``customers`` — one row per master customer, sorted by revenue descending
    then customer_id; columns (at least): customer_id, customer_name, industry,
    region, is_key_account (bool), revenue, contribution_margin, value (the ABC
    basis), revenue_share, cumulative_share (incl. the customer),
    cum_before_share, abc_class (A/B/C), xyz_class (X/Y/Z/new/""), cv,
    cv_months, order_month_share, potential_score, attractiveness_score,
    zone (protect/develop/maintain/withdraw), rated (bool: has workshop
    ratings), ka_score, ka_recommended (bool), customer_type (";"-joined keys
    of breadwinner/prospect/image_maker/expert, "" if none), potential (annual
    demand, money), share_of_wallet, wallet_gap (money), growth (relative
    revenue trend), margin_ratio, and one ``crit_<criterion>`` column (0-100)
    per potential/attractiveness/key-account criterion used.
    """

    as_of: pd.Timestamp
    window_start: pd.Timestamp  # first day of the window
    window_end: pd.Timestamp  # last day of as_of's month
    settings: PortfolioSettings
    customers: pd.DataFrame
    #: per ABC class: customers, customer_share, revenue, revenue_share
    abc_summary: pd.DataFrame
    #: long table, 9 rows (abc, xyz): customers, revenue, revenue_share, recommendation key
    matrix: pd.DataFrame
    #: rows "new" and "no_revenue": customers, revenue, revenue_share
    matrix_extra: pd.DataFrame
    #: Lorenz/Pareto curve: customer_share, cumulative revenue_share (starts at 0,0)
    lorenz: pd.DataFrame
    #: per zone: customers, revenue, revenue_share, key_accounts, mean scores
    zones: pd.DataFrame
    #: customers with ka_score, ranked, with rank and qualifies columns
    ka_ranking: pd.DataFrame
    ka_not_flagged: pd.DataFrame  # qualifies but not flagged as key account
    ka_flagged_not_qualified: pd.DataFrame  # flagged but below the cut line
    #: per (axis, criterion, direction): weight, new_weight, changed_share
    sensitivity: pd.DataFrame
    #: share of customers whose zone is stable under every single change
    robust_share: float
    #: one row per program: quarter, criterion, program key, shortfall, customer_ids (list)
    focus_programs: pd.DataFrame
    #: normalised weights actually used, per axis
    weights: dict[str, dict[str, float]]
    #: number of customers placed from data-derived criteria only (no ratings)
    unrated_customers: int


def analyse(client, settings: PortfolioSettings | None = None) -> PortfolioResult:
    """Run the portfolio analysis for a loaded client (``ClientData``)."""
    raise NotImplementedError
