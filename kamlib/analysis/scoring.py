"""Criterion values, weighted scores, zones and weight sensitivity (pure, vectorised).

Every criterion value is on a 0-100 scale (100 = best for the axis):

- **Workshop ratings** 1-5: ``(rating - 1) / 4 * 100`` (1 -> 0, 3 -> 50, 5 -> 100).
- **share_of_wallet** (potential axis): ``100 * (1 - min(sow, 1))`` with
  ``sow = annualised window revenue / potential``; a low share of wallet is a
  high potential. Missing or non-positive potential -> missing criterion.
- **growth** (potential axis): relative change of the window's revenue
  against the equally long period before, ``50 + 100 * change`` clipped to
  0-100 (-50 % -> 0, unchanged -> 50, +50 % -> 100). Missing when the
  earlier period has no positive revenue or is not fully covered by the data.
- **margin_quality** (attractiveness axis): the customer's margin ratio
  relative to the portfolio's, ``50 * ratio / portfolio_ratio`` clipped to
  0-100 (portfolio average -> 50, twice the average -> 100, zero margin -> 0).
  Missing without revenue, margin data or a positive portfolio ratio.
- **revenue / margin** (key-account score): Pareto position,
  ``100 * (1 - share of the positive total held by the customers ranked
  before it)``: the largest customer gets 100, the customer that starts at
  the 50 % mark 50, the one at the A/B line (80 %) 20; tied values share the
  higher value; a value <= 0 gets 0; margin missing -> missing. So a
  customer qualifies on data alone only if it belongs to the few customers
  that make up the first ~40 % of revenue (key accounts typically hold
  30-55 % of revenue), not merely because it is above the median.

A score per axis is the weighted mean of the criteria *available* for the
customer, the weights renormalised over those (so a customer without ratings
is scored from the data-derived criteria alone). No criterion available ->
NaN score.
"""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np
import pandas as pd

from kamlib.analysis.abc_xyz import EPS

#: stable zone keys in display order
ZONES = ("protect", "develop", "maintain", "withdraw")


def rating_to_score(rating: pd.Series | np.ndarray | float) -> pd.Series | np.ndarray | float:
    """Map a 1-5 rating to 0-100: ``(rating - 1) / 4 * 100``."""
    return (rating - 1.0) / 4.0 * 100.0


def share_of_wallet(
    revenue: np.ndarray, potential: np.ndarray, annualise: float = 1.0
) -> np.ndarray:
    """Share of wallet (fraction, may exceed 1): ``max(revenue,0) * annualise / potential``.

    NaN where the potential is missing or <= 0.
    """
    pot = np.asarray(potential, dtype=float)
    rev = np.clip(np.asarray(revenue, dtype=float), 0.0, None) * annualise
    with np.errstate(invalid="ignore", divide="ignore"):
        return np.where(pot > 0, rev / pot, np.nan)


def share_of_wallet_criterion(sow: np.ndarray) -> np.ndarray:
    """0-100 potential criterion: ``100 * (1 - min(sow, 1))``; NaN stays NaN."""
    return 100.0 * (1.0 - np.clip(np.asarray(sow, dtype=float), 0.0, 1.0))


def growth_rate(current: np.ndarray, previous: np.ndarray, comparable: bool = True) -> np.ndarray:
    """Relative revenue change ``current / previous - 1`` (fraction).

    NaN where the previous period's revenue is <= 0 or ``comparable`` is
    False (the data do not cover the previous period).
    """
    cur = np.asarray(current, dtype=float)
    prev = np.asarray(previous, dtype=float)
    if not comparable:
        return np.full(cur.shape, np.nan)
    with np.errstate(invalid="ignore", divide="ignore"):
        return np.where(prev > 0, cur / prev - 1.0, np.nan)


def growth_criterion(growth: np.ndarray) -> np.ndarray:
    """0-100 criterion from a relative change: ``clip(50 + 100 * growth, 0, 100)``."""
    return np.clip(50.0 + 100.0 * np.asarray(growth, dtype=float), 0.0, 100.0)


def margin_quality_criterion(margin_ratio: np.ndarray, portfolio_ratio: float) -> np.ndarray:
    """0-100 criterion: ``clip(50 * margin_ratio / portfolio_ratio, 0, 100)``.

    All NaN when the portfolio ratio is missing or <= 0.
    """
    ratio = np.asarray(margin_ratio, dtype=float)
    if not (portfolio_ratio > 0):
        return np.full(ratio.shape, np.nan)
    return np.clip(50.0 * ratio / portfolio_ratio, 0.0, 100.0)


def pareto_criterion(values: np.ndarray) -> np.ndarray:
    """0-100 criterion ``100 * (1 - cum_before_share)`` over positive values.

    Customers sorted by value descending; ``cum_before_share`` is the share of
    the positive total held by the customers before it (ties share the
    smallest). Values <= 0 -> 0; NaN stays NaN.
    """
    v = np.asarray(values, dtype=float)
    pos = np.where(v > 0, v, 0.0)
    total = pos.sum()
    if total <= 0:
        return np.where(np.isnan(v), np.nan, 0.0)
    order = np.argsort(-pos, kind="stable")
    sorted_pos = pos[order]
    before = np.cumsum(sorted_pos) - sorted_pos
    # ties: every tied customer gets the position of the first one of its group
    first_of_group = np.r_[True, sorted_pos[1:] != sorted_pos[:-1]]
    group = np.cumsum(first_of_group) - 1
    before = before[first_of_group][group]
    crit_sorted = 100.0 * (1.0 - before / total)
    out = np.empty(len(v))
    out[order] = crit_sorted
    out = np.where(v > 0, np.clip(out, 0.0, 100.0), 0.0)
    return np.where(np.isnan(v), np.nan, out)


def normalise(weights: Mapping[str, float]) -> dict[str, float]:
    """Weights scaled to sum to 1 (all-zero -> all zero)."""
    total = float(sum(weights.values()))
    if total <= 0:
        return {k: 0.0 for k in weights}
    return {k: float(w) / total for k, w in weights.items()}


def weighted_score(criteria: pd.DataFrame, weights: Mapping[str, float]) -> np.ndarray:
    """Weighted mean (0-100) per row over the criteria available in that row.

    ``criteria``: rows = customers, columns = criterion ids (0-100, NaN =
    not available). Weights of missing criteria are dropped and the rest
    renormalised per row; a row without any available weighted criterion
    gives NaN. Criteria absent from ``criteria`` count as missing.
    """
    keys = [k for k, w in weights.items() if w > 0]
    n = len(criteria)
    if not keys:
        return np.full(n, np.nan)
    vals = np.column_stack(
        [criteria[k].to_numpy(dtype=float) if k in criteria else np.full(n, np.nan) for k in keys]
    )
    w = np.array([weights[k] for k in keys], dtype=float)
    avail = ~np.isnan(vals)
    wsum = (avail * w).sum(axis=1)
    with np.errstate(invalid="ignore", divide="ignore"):
        score = np.where(avail, vals, 0.0) @ w / wsum
    # a mean of 0-100 values stays in 0-100; the division can land a rounding step
    # outside (all criteria 100 gave 100.00000000000001)
    return np.where(wsum > 0, np.clip(score, 0.0, 100.0), np.nan)


def assign_zones(
    potential: np.ndarray, attractiveness: np.ndarray, split_p: float = 50.0, split_a: float = 50.0
) -> np.ndarray:
    """Zone key per customer; a score exactly on the split counts as high.

    protect: high potential & high attractiveness; develop: high potential &
    low attractiveness; maintain: low potential & high attractiveness;
    withdraw: both low. "" where either score is NaN.
    """
    p = np.asarray(potential, dtype=float)
    a = np.asarray(attractiveness, dtype=float)
    hp = p >= split_p - EPS
    ha = a >= split_a - EPS
    zone = np.where(hp, np.where(ha, "protect", "develop"), np.where(ha, "maintain", "withdraw"))
    return np.where(np.isnan(p) | np.isnan(a), "", zone).astype(object)


def moved_weights(weights: Mapping[str, float], criterion: str, factor: float) -> dict[str, float]:
    """Axis weights with one weight moved (section 1, sensitivity).

    The weights are normalised first; ``criterion`` gets ``factor`` times its
    normalised weight and keeps that value (0.5 -> 0.4 for factor 0.8); the
    other weights of the axis are scaled proportionally so the axis sums to 1
    (0.5, 0.3, 0.2 with the first moved to 0.4 -> 0.4, 0.36, 0.24). A weight
    of 1 (the only criterion) stays the only one.
    """
    norm = normalise(weights)
    old = norm[criterion]
    new = min(old * factor, 1.0)
    rest = 1.0 - old
    scale = (1.0 - new) / rest if rest > EPS else 0.0
    return {k: (new if k == criterion else w * scale) for k, w in norm.items()}


def weight_sensitivity(
    axes: Mapping[str, tuple[pd.DataFrame, Mapping[str, float]]],
    split: Mapping[str, float],
    step: float = 0.20,
    placed: np.ndarray | None = None,
) -> tuple[pd.DataFrame, np.ndarray]:
    """Zone changes when each weight moves by -step and +step (:func:`moved_weights`).

    ``axes`` maps ``"potential"`` and ``"attractiveness"`` to (criterion
    values, weights). For every weight of every axis, the weight is moved
    to ``(1 - step)`` and ``(1 + step)`` times its normalised value, the
    other weights of that axis scaled proportionally, scores and zones
    recomputed, and the share of *placed* customers whose zone changes is
    recorded. ``placed`` (bool per customer) restricts the count to the
    customers actually placed (coverage and scope rules); default: every
    customer with both scores.

    Returns ``(table, stable)``: table columns axis, criterion, direction
    ("-" / "+"), weight, new_weight (normalised), changed_customers,
    changed_share (0-1); ``stable`` is a boolean array, True for placed
    customers whose zone never changed.
    """
    base_scores = {ax: weighted_score(vals, normalise(w)) for ax, (vals, w) in axes.items()}
    base = assign_zones(
        base_scores["potential"],
        base_scores["attractiveness"],
        split["potential"],
        split["attractiveness"],
    )
    placed = base != "" if placed is None else np.asarray(placed, dtype=bool) & (base != "")
    n_placed = int(placed.sum())
    stable = placed.copy()
    rows = []
    for ax, (vals, weights) in axes.items():
        norm = normalise(weights)
        for crit in weights:
            for direction, factor in (("-", 1.0 - step), ("+", 1.0 + step)):
                new_w = moved_weights(weights, crit, factor)
                scores = dict(base_scores)
                scores[ax] = weighted_score(vals, new_w)
                zones = assign_zones(
                    scores["potential"],
                    scores["attractiveness"],
                    split["potential"],
                    split["attractiveness"],
                )
                changed = placed & (zones != base)
                stable &= ~changed
                n_changed = int(changed.sum())
                rows.append(
                    {
                        "axis": ax,
                        "criterion": crit,
                        "direction": direction,
                        "weight": norm[crit],
                        "new_weight": new_w[crit],
                        "changed_customers": n_changed,
                        "changed_share": n_changed / n_placed if n_placed else 0.0,
                    }
                )
    table = pd.DataFrame(
        rows,
        columns=[
            "axis",
            "criterion",
            "direction",
            "weight",
            "new_weight",
            "changed_customers",
            "changed_share",
        ],
    )
    return table, stable


def gap_quintile_rating(
    gap: np.ndarray, customer_ids: np.ndarray, in_scope: np.ndarray
) -> np.ndarray:
    """Rating 1-5 of the wallet gap in money (section 1a, "potential in money").

    ``gap`` = potential - annualised revenue (NaN or <= 0 -> gap 0), compared
    in whole cents. Gap 0 -> 1. The in-scope customers with a gap > 0 are
    ranked by gap descending, ties by customer id ascending; rank ``r`` of
    ``n`` gets ``5 - floor(5 * (r - 1) / n)`` (first fifth of the ranks 5,
    last fifth 1). Customers out of scope with a gap > 0 get the rating of the
    smallest in-scope gap that is at least as large (5 above the largest), so
    the same money gives the same rating.
    """
    g = np.round(np.nan_to_num(np.asarray(gap, dtype=float), nan=0.0), 2)
    g = np.where(g > 0, g, 0.0)
    ids = np.asarray(customer_ids, dtype=object).astype(str)
    scope = np.asarray(in_scope, dtype=bool)
    out = np.ones(len(g))
    ranked = np.flatnonzero(scope & (g > 0))
    n = len(ranked)
    if n:
        order = ranked[np.lexsort((ids[ranked], -g[ranked]))]
        rank = np.arange(n)
        out[order] = 5.0 - np.floor(5.0 * rank / n)
        # out of scope: look the gap up among the in-scope gaps (ascending)
        asc = order[::-1]
        asc_gaps, asc_rating = g[asc], out[asc]
        others = np.flatnonzero(~scope & (g > 0))
        pos = np.searchsorted(asc_gaps, g[others], side="left")
        out[others] = np.where(pos < n, asc_rating[np.minimum(pos, n - 1)], 5.0)
    return out
