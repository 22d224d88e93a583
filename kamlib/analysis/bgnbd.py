"""BG/NBD model (Fader, Hardie & Lee 2005, "Counting Your Customers the Easy Way").

Own implementation following the paper (Marketing Science 24(2), 275-284) and
its technical notes; no dependency on the archived ``lifetimes`` package.

Model: while alive, a customer buys with Poisson rate ``lambda ~ Gamma(r,
alpha)``; after every purchase it drops out with probability ``p ~ Beta(a,
b)``. Per customer the data are ``x`` (repeat purchases), ``t_x`` (time of
the last purchase, measured from the first) and ``T`` (time from the first
purchase to the end of observation).

Entry points (pure, vectorised):

- :func:`summary_from_days` -- ``x, t_x, T`` in weeks from purchase days, with
  the conventions of METHODOLOGY.md section 4 (purchases on the same day are
  one; weeks = days / 7; ``x`` = distinct purchase days - 1).
- :func:`log_likelihood` -- per-customer log-likelihood (paper eq. 6, written
  as ``ln A1 + ln A2 + ln(A3 + delta(x > 0) A4)`` with log-sum-exp).
- :func:`fit` -- maximum likelihood with ``scipy.optimize.minimize``
  (L-BFGS-B on log parameters, analytic gradient, several starts).
- :func:`p_alive` -- P(alive | x, t_x, T) (Fader, Hardie & Lee 2008 note, eq. 1).
- :func:`conditional_expected_purchases` -- E[Y(t) | x, t_x, T] (paper eq. 10).
- :func:`expected_purchases` -- unconditional E[X(t)] (paper eq. 9).
- :func:`hyp2f1` -- the Gaussian hypergeometric function these need.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd
from scipy import optimize, special

#: lower / upper bound of every log parameter in the fit (e^-12 .. e^12)
LOG_BOUND = 12.0
#: days per time unit of the model (weeks)
DAYS_PER_WEEK = 7.0


@dataclass(frozen=True)
class BgNbdParams:
    """Fitted BG/NBD parameters, the log-likelihood at them and the data size."""

    r: float
    alpha: float
    a: float
    b: float
    #: total log-likelihood (sum over customers)
    log_likelihood: float
    #: number of customers the model was fitted on
    customers: int
    #: the optimiser reported convergence
    converged: bool = True
    #: parameters that ended on a bound of the search (e.g. ``("a",)`` when the
    #: data show no dropout at all); the fit is then a limiting case
    at_bound: tuple[str, ...] = ()


# ---------------------------------------------------------------------------
# summary statistics


def summary_from_days(
    customer_codes: np.ndarray, days: np.ndarray, as_of_day: int, n_customers: int
) -> pd.DataFrame:
    """BG/NBD summary per customer from purchase days.

    ``customer_codes`` (int 0..n_customers-1) and ``days`` (int, days since
    the epoch) describe purchases already restricted to the purchase
    definition (net revenue >= 0, on or before as_of); several purchases of a
    customer on one day count once. ``as_of_day`` is the as_of date in the
    same day numbers.

    Returns a frame with one row per customer code (0..n_customers-1):
    ``frequency`` (distinct purchase days - 1), ``recency_weeks`` ((last -
    first purchase day) / 7), ``T_weeks`` ((as_of - first purchase day) / 7),
    ``first_day`` and ``last_day`` (int days), ``purchase_days``; all NaN for
    customers without a purchase.
    """
    codes = np.asarray(customer_codes, dtype=np.int64)
    d = np.asarray(days, dtype=np.int64)
    offset = int(d.min()) if len(d) else 0
    pair = np.sort(codes * (np.int64(1) << 32) + (d - offset))  # sort-based unique
    pair = pair[np.r_[True, pair[1:] != pair[:-1]]] if len(pair) else pair
    u_code = pair >> 32
    u_day = (pair & ((np.int64(1) << 32) - 1)) + offset
    count = np.bincount(u_code, minlength=n_customers).astype(float)
    first = np.full(n_customers, np.nan)
    last = np.full(n_customers, np.nan)
    if len(pair):
        # pairs are sorted by code, then day: first/last row of each code
        starts = np.r_[True, u_code[1:] != u_code[:-1]]
        ends = np.r_[u_code[1:] != u_code[:-1], True]
        first[u_code[starts]] = u_day[starts]
        last[u_code[ends]] = u_day[ends]
    has = count > 0
    return pd.DataFrame(
        {
            "frequency": np.where(has, count - 1, np.nan),
            "recency_weeks": (last - first) / DAYS_PER_WEEK,
            "T_weeks": (as_of_day - first) / DAYS_PER_WEEK,
            "first_day": first,
            "last_day": last,
            "purchase_days": np.where(has, count, np.nan),
        }
    )


# ---------------------------------------------------------------------------
# likelihood and fit


def _terms(r: float, alpha: float, a: float, b: float, x, t_x, T):
    """ln A1 + ln A2, ln A3, ln A4 (NaN-free; -inf for A4 where x == 0)."""
    x = np.asarray(x, dtype=float)
    t_x = np.asarray(t_x, dtype=float)
    T = np.asarray(T, dtype=float)
    ln_a1 = special.gammaln(r + x) - special.gammaln(r) + r * np.log(alpha)
    ln_a2 = special.betaln(a, b + x) - special.betaln(a, b)
    ln_a3 = -(r + x) * np.log(alpha + T)
    rep = x > 0
    # b + x - 1 > 0 whenever x >= 1; guard the x == 0 rows against log(<=0)
    bx1 = np.where(rep, b + x - 1.0, 1.0)
    ln_a4 = np.where(rep, np.log(a) - np.log(bx1) - (r + x) * np.log(alpha + t_x), -np.inf)
    return ln_a1 + ln_a2, ln_a3, ln_a4, rep, bx1


def log_likelihood(r: float, alpha: float, a: float, b: float, x, t_x, T) -> np.ndarray:
    """Per-customer log-likelihood of the BG/NBD (paper eq. 6).

    ``L = A1 * A2 * (A3 + delta(x > 0) * A4)`` with
    ``A1 = Gamma(r + x) alpha^r / Gamma(r)``,
    ``A2 = B(a, b + x) / B(a, b)``, ``A3 = (alpha + T)^-(r + x)``,
    ``A4 = a / (b + x - 1) * (alpha + t_x)^-(r + x)``; the sum of A3 and A4
    is taken in log space (``logaddexp``) so that long histories do not
    underflow.
    """
    ln_a12, ln_a3, ln_a4, _, _ = _terms(r, alpha, a, b, x, t_x, T)
    return ln_a12 + np.logaddexp(ln_a3, ln_a4)


def _neg_ll_and_grad(theta: np.ndarray, x, t_x, T, weight, total: float):
    """Mean negative log-likelihood and its gradient w.r.t. the log parameters."""
    r, alpha, a, b = np.exp(theta)
    ln_a12, ln_a3, ln_a4, rep, bx1 = _terms(r, alpha, a, b, x, t_x, T)
    ln_s = np.logaddexp(ln_a3, ln_a4)
    ll = ln_a12 + ln_s
    w4 = np.exp(ln_a4 - ln_s)  # share of A4 in A3 + A4 (0 where x == 0)
    w3 = 1.0 - w4
    la_T = np.log(alpha + T)
    la_tx = np.log(alpha + t_x)
    dr = special.digamma(r + x) - special.digamma(r) + np.log(alpha) - w3 * la_T - w4 * la_tx
    dalpha = r / alpha - (r + x) * (w3 / (alpha + T) + w4 / (alpha + t_x))
    psi_ab = special.digamma(a + b)
    psi_abx = special.digamma(a + b + x)
    da = psi_ab - psi_abx + w4 / a
    db = psi_ab - psi_abx + special.digamma(b + x) - special.digamma(b) - np.where(rep, w4 / bx1, 0)
    # weighted sums without BLAS: on a busy machine a threaded dot product of
    # this size costs more than the special functions themselves
    grad = np.array(
        [
            np.sum(dr * weight) * r,
            np.sum(dalpha * weight) * alpha,
            np.sum(da * weight) * a,
            np.sum(db * weight) * b,
        ]
    )
    return -np.sum(ll * weight) / total, -grad / total


def _compress(x, t_x, T) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Unique (x, t_x, T) rows and their counts (customers with equal histories)."""
    frame = pd.DataFrame({"x": x, "t_x": t_x, "T": T})
    grouped = frame.groupby(["x", "t_x", "T"], sort=False).size()
    idx = grouped.index
    return (
        idx.get_level_values(0).to_numpy(dtype=float),
        idx.get_level_values(1).to_numpy(dtype=float),
        idx.get_level_values(2).to_numpy(dtype=float),
        grouped.to_numpy(dtype=float),
    )


def _starts(x: np.ndarray, T: np.ndarray, weight: np.ndarray) -> list[np.ndarray]:
    """Starting points in log space: one scaled to the data, plus two generic ones.

    The scaled start sets the mean purchase rate ``r / alpha`` to the
    observed repeat rate (sum of x / sum of T) with ``r = 1``, and a
    mean dropout probability ``a / (a + b)`` of 0.25.
    """
    total_t = float(np.sum(T * weight))
    total_x = float(np.sum(x * weight))
    rate = total_x / total_t if total_t > 0 and total_x > 0 else 0.1
    scaled = np.log([1.0, 1.0 / rate, 1.0, 3.0])
    return [
        np.clip(scaled, -LOG_BOUND + 1, LOG_BOUND - 1),
        np.zeros(4),
        np.log([0.5, 5.0, 0.5, 2.0]),
    ]


def _start_value(theta: np.ndarray, args: tuple) -> float:
    """Objective at a start (inf when not finite), for ordering the starts."""
    value = _neg_ll_and_grad(theta, *args)[0]
    return float(value) if np.isfinite(value) else np.inf


def fit(x, t_x, T) -> BgNbdParams:
    """Maximum-likelihood BG/NBD parameters for summaries ``x, t_x, T`` (weeks).

    Customers with equal ``(x, t_x, T)`` are merged with a count weight
    (this leaves the likelihood unchanged and makes large data cheap). The
    mean negative log-likelihood is minimised over ``ln r, ln alpha, ln a,
    ln b`` (each bounded to +-:data:`LOG_BOUND`) with L-BFGS-B and the
    analytic gradient, starting from the best of three starting points
    (:func:`_starts`); the next start is tried only when the optimiser does
    not report convergence, and the best optimum is returned. Raises ``ValueError`` for empty input or invalid
    summaries (negative values, ``t_x > T``).
    """
    x = np.asarray(x, dtype=float)
    t_x = np.asarray(t_x, dtype=float)
    T = np.asarray(T, dtype=float)
    if len(x) == 0:
        raise ValueError("BG/NBD fit needs at least one customer")
    bad = (
        ~np.isfinite(x)
        | ~np.isfinite(t_x)
        | ~np.isfinite(T)
        | (x < 0)
        | (t_x < 0)
        | (t_x > T + 1e-9)
        | ((x == 0) & (t_x != 0))
    )
    if bad.any():
        raise ValueError(f"invalid BG/NBD summaries for {int(bad.sum())} customer(s)")
    ux, ut, uT, weight = _compress(x, t_x, T)
    total = float(weight.sum())
    bounds = [(-LOG_BOUND, LOG_BOUND)] * 4
    args = (ux, ut, uT, weight, total)
    best = None
    with np.errstate(all="ignore"):
        # the start with the best likelihood first; the others only when it fails
        starts = sorted(_starts(ux, uT, weight), key=lambda s: _start_value(s, args))
        for start in starts:
            res = optimize.minimize(
                _neg_ll_and_grad,
                start,
                args=args,
                jac=True,
                method="L-BFGS-B",
                bounds=bounds,
                options={"maxiter": 2000, "ftol": 1e-13, "gtol": 1e-9},
            )
            if np.isfinite(res.fun) and (best is None or res.fun < best.fun):
                best = res
            if best is not None and best.success:
                break
    if best is None:
        raise ValueError("BG/NBD fit failed: the likelihood is not finite at any start")
    r, alpha, a, b = np.exp(best.x)
    ll = float(np.sum(weight * log_likelihood(r, alpha, a, b, ux, ut, uT)))
    names = ("r", "alpha", "a", "b")
    at_bound = tuple(n for n, v in zip(names, best.x, strict=True) if abs(v) > LOG_BOUND - 1e-6)
    return BgNbdParams(
        float(r), float(alpha), float(a), float(b), ll, int(total), bool(best.success), at_bound
    )


# ---------------------------------------------------------------------------
# predictions


def hyp2f1(a, b, c, z) -> np.ndarray:
    """Gaussian hypergeometric function 2F1(a, b; c; z) for 0 <= z < 1, vectorised.

    The BG/NBD needs it with ``z = t / (alpha + T + t)`` in [0, 1) and c > 0.
    scipy's ``hyp2f1`` handles this range with the analytic continuation near
    z = 1; where it returns a non-finite value (its known trouble spots,
    e.g. c - a - b close to an integer), the defining series
    ``sum_j (a)_j (b)_j / ((c)_j j!) z^j`` is summed directly, after Euler's
    transformation ``2F1(a,b;c;z) = (1-z)^(c-a-b) 2F1(c-a, c-b; c; z)`` when
    that makes the terms smaller.
    """
    a, b, c, z = np.broadcast_arrays(*(np.asarray(v, dtype=float) for v in (a, b, c, z)))
    with np.errstate(all="ignore"):
        out = np.asarray(special.hyp2f1(a, b, c, z), dtype=float).copy()
    bad = ~np.isfinite(out)
    if bad.any():
        out[bad] = hyp2f1_series(a[bad], b[bad], c[bad], z[bad])
    return out


def hyp2f1_series(a, b, c, z, max_terms: int = 200_000, rtol: float = 1e-15) -> np.ndarray:
    """2F1(a, b; c; z) summed from its power series (0 <= z < 1), vectorised.

    Terms ``u_0 = 1``, ``u_{j+1} = u_j (a + j)(b + j) / ((c + j)(j + 1)) z``
    are added until every series' last term is below ``rtol`` of its sum (or
    ``max_terms``). Used as a fallback of :func:`hyp2f1` and in tests as an
    independent check.
    """
    a, b, c, z = np.broadcast_arrays(*(np.asarray(v, dtype=float) for v in (a, b, c, z)))
    a, b, c, z = (v.astype(float).copy() for v in (a, b, c, z))
    # Euler's transformation when it shrinks the parameters (fewer, smaller terms)
    euler = np.abs((c - a) * (c - b)) < np.abs(a * b)
    with np.errstate(all="ignore"):  # the power is used only where Euler's form applies
        pre = np.where(euler, (1.0 - z) ** (c - a - b), 1.0)
    a2 = np.where(euler, c - a, a)
    b2 = np.where(euler, c - b, b)
    term = np.ones(a.shape)
    total = np.ones(a.shape)
    active = np.ones(a.shape, dtype=bool)
    j = 0
    while active.any() and j < max_terms:
        with np.errstate(all="ignore"):
            step = (a2 + j) * (b2 + j) / ((c + j) * (j + 1.0)) * z
        term = np.where(active, term * step, 0.0)
        total = total + term
        active = np.abs(term) > rtol * np.abs(total)
        j += 1
    return pre * total


def p_alive(r: float, alpha: float, a: float, b: float, x, t_x, T) -> np.ndarray:
    """P(alive at T | x, t_x, T) = 1 / (1 + delta(x > 0) a/(b+x-1) ((alpha+T)/(alpha+t_x))^(r+x)).

    A customer without repeat purchases (x = 0) is alive with probability 1
    (in the BG/NBD a customer can drop out only right after a purchase).
    Evaluated in log space, so it stays within [0, 1] without overflow.
    """
    x = np.asarray(x, dtype=float)
    t_x = np.asarray(t_x, dtype=float)
    T = np.asarray(T, dtype=float)
    rep = x > 0
    with np.errstate(all="ignore"):
        ln_odds = (
            np.log(a)
            - np.log(np.where(rep, b + x - 1.0, 1.0))
            + (r + x) * (np.log(alpha + T) - np.log(alpha + t_x))
        )
        out = np.where(rep, special.expit(-ln_odds), 1.0)
    return np.where(np.isnan(x) | np.isnan(t_x) | np.isnan(T), np.nan, out)


def _off_singular(a: float, b: float) -> tuple[float, float]:
    """Move (a, b) by 1e-7 off the removable singularities a = 1 and a + b = 1.

    Eq. 9 and 10 divide by ``a - 1`` and (for x = 0) take 2F1 with
    ``c = a + b - 1``; both have finite limits there, which a step of 1e-7
    reproduces to about 7 digits.
    """
    if abs(a - 1.0) < 1e-9:
        a = 1.0 + 1e-7
    if abs(a + b - 1.0) < 1e-9:
        b = b + 1e-7
    return a, b


def _bracket(r: float, a: float, b: float, x: np.ndarray, z: np.ndarray) -> np.ndarray:
    """``1 - (1-z)^(r+x) 2F1(r+x, b+x; a+b+x-1; z)``, the bracket of eq. 9 and 10.

    Evaluated after Euler's transformation ``2F1(A,B;C;z) = (1-z)^(C-A-B)
    2F1(C-A, C-B; C; z)``: with A = r+x, B = b+x, C = a+b+x-1 the powers of
    (1-z) combine to ``(1-z)^(a-1)`` and the function becomes
    ``2F1(a+b-1-r, a-1; a+b+x-1; z)``, whose first two parameters do not grow
    with x. So a customer with thousands of purchase days neither overflows
    nor needs thousands of series terms.
    """
    f = hyp2f1(a + b - 1.0 - r, a - 1.0, a + b + x - 1.0, z)
    with np.errstate(all="ignore"):
        return 1.0 - np.exp((a - 1.0) * np.log1p(-z)) * f


def conditional_expected_purchases(
    t: float, r: float, alpha: float, a: float, b: float, x, t_x, T
) -> np.ndarray:
    """E[Y(t) | x, t_x, T]: expected purchases in the next ``t`` periods (paper eq. 10).

    ``(a+b+x-1)/(a-1) * [1 - ((alpha+T)/(alpha+T+t))^(r+x)
    2F1(r+x, b+x; a+b+x-1; t/(alpha+T+t))] / [1 + delta(x>0) a/(b+x-1)
    ((alpha+T)/(alpha+t_x))^(r+x)]``; the last factor equals
    :func:`p_alive`, the bracket is computed by :func:`_bracket`. NaN where
    the summary is NaN (no purchase).
    """
    a, b = _off_singular(a, b)
    x = np.asarray(x, dtype=float)
    t_x = np.asarray(t_x, dtype=float)
    T = np.asarray(T, dtype=float)
    missing = np.isnan(x) | np.isnan(t_x) | np.isnan(T)
    xs = np.where(missing, 0.0, x)
    Ts = np.where(missing, 0.0, T)
    z = t / (alpha + Ts + t)
    bracket = _bracket(r, a, b, xs, z)
    with np.errstate(all="ignore"):
        head = (a + b + xs - 1.0) / (a - 1.0)
        out = head * bracket * p_alive(r, alpha, a, b, xs, np.where(missing, 0.0, t_x), Ts)
    return np.where(missing, np.nan, out)


def expected_purchases(t, r: float, alpha: float, a: float, b: float) -> np.ndarray:
    """Unconditional E[X(t)] for a customer just acquired (paper eq. 9).

    ``(a+b-1)/(a-1) * [1 - (alpha/(alpha+t))^r 2F1(r, b; a+b-1; t/(alpha+t))]``
    (the bracket of eq. 10 with x = 0, see :func:`_bracket`).
    """
    a, b = _off_singular(a, b)
    t = np.asarray(t, dtype=float)
    z = t / (alpha + t)
    with np.errstate(all="ignore"):
        head = (a + b - 1.0) / (a - 1.0)
    return head * _bracket(r, a, b, np.zeros(np.shape(t)), z)
