"""BG/NBD (kamlib.analysis.bgnbd): the paper's CDNOW fit and hand-derived predictions."""

from __future__ import annotations

import math
import warnings
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from kamlib.analysis import bgnbd

CDNOW = Path(__file__).parents[1] / "fixtures" / "cdnow" / "CDNOW_sample.txt"
AS_OF = np.datetime64("1997-09-30", "D")

#: the paper's estimates (Fader, Hardie & Lee 2005) rounded as printed
PAPER = {"r": 0.243, "alpha": 4.414, "a": 0.793, "b": 2.426}


def _day(value: str) -> int:
    return int(np.datetime64(value, "D").astype(np.int64))


def cdnow_summary() -> pd.DataFrame:
    """Calibration summaries of the CDNOW sample with the kit's purchase rules."""
    raw = pd.read_csv(
        CDNOW,
        sep=r"\s+",
        header=None,
        names=["master_id", "customer", "date", "cds", "value"],
        dtype={"customer": str, "date": str},
    )
    day = pd.to_datetime(raw["date"], format="%Y%m%d").to_numpy().astype("datetime64[D]")
    keep = (day <= AS_OF) & (raw["value"].to_numpy() >= 0)  # zero-value lines are purchases
    codes, _ = pd.factorize(raw["customer"])
    return bgnbd.summary_from_days(
        codes[keep], day[keep].astype(np.int64), int(AS_OF.astype(np.int64)), codes.max() + 1
    )


@pytest.fixture(scope="module")
def cdnow():
    summary = cdnow_summary()
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # the fit must not warn (overflow, divide, ...)
        params = bgnbd.fit(summary["frequency"], summary["recency_weeks"], summary["T_weeks"])
    return summary, params


# ---------------------------------------------------------------------------
# summary statistics (METHODOLOGY 4 conventions)


def test_summary_counts_purchase_days_in_weeks():
    d0 = _day("2026-01-05")
    codes = np.array([0, 0, 0, 0, 2])
    # customer 0: two purchases on day 0 (one purchase day), then days 7 and 21
    days = np.array([d0, d0, d0 + 7, d0 + 21, d0 + 28])
    s = bgnbd.summary_from_days(codes, days, as_of_day=d0 + 28, n_customers=3)
    # x = 3 distinct days - 1 = 2; t_x = 21 / 7 = 3 weeks; T = 28 / 7 = 4 weeks
    assert s.loc[0, ["frequency", "recency_weeks", "T_weeks"]].tolist() == [2.0, 3.0, 4.0]
    # customer 1 never bought: all empty
    assert s.loc[1, ["frequency", "recency_weeks", "T_weeks"]].isna().all()
    # customer 2 bought once, on as_of itself: x = 0, t_x = 0, T = 0
    assert s.loc[2, ["frequency", "recency_weeks", "T_weeks"]].tolist() == [0.0, 0.0, 0.0]


def test_summary_weeks_are_days_over_seven():
    d0 = _day("2026-03-01")
    s = bgnbd.summary_from_days(np.array([0, 0]), np.array([d0, d0 + 10]), d0 + 12, 1)
    assert s.loc[0, "recency_weeks"] == pytest.approx(10 / 7)
    assert s.loc[0, "T_weeks"] == pytest.approx(12 / 7)


# ---------------------------------------------------------------------------
# the paper's fit on CDNOW


def test_cdnow_sample_has_the_papers_customers(cdnow):
    summary, _ = cdnow
    # 2,357 customers only because the 8 zero-value lines count as purchases:
    # three customers (0087, 0155, 1080) bought nothing else
    assert summary["frequency"].notna().sum() == 2357
    # first cohort customers (first purchase 1997-01-01): T = 272 days / 7 = 38.857 weeks
    assert summary["T_weeks"].max() == pytest.approx(272 / 7)


def test_cdnow_fit_reproduces_the_paper(cdnow):
    _, p = cdnow
    assert round(p.r, 3) == PAPER["r"]
    assert round(p.alpha, 3) == PAPER["alpha"]
    assert round(p.a, 3) == PAPER["a"]
    assert round(p.b, 3) == PAPER["b"]
    assert round(p.log_likelihood, 1) == -9582.4
    assert p.customers == 2357
    assert p.converged
    assert p.at_bound == ()


def test_fit_optimum_is_a_maximum(cdnow):
    summary, p = cdnow
    args = (summary["frequency"], summary["recency_weeks"], summary["T_weeks"])
    best = bgnbd.log_likelihood(p.r, p.alpha, p.a, p.b, *args).sum()
    assert best == pytest.approx(p.log_likelihood)
    for name in ("r", "alpha", "a", "b"):
        for factor in (0.99, 1.01):
            moved = {"r": p.r, "alpha": p.alpha, "a": p.a, "b": p.b}
            moved[name] *= factor
            assert bgnbd.log_likelihood(**moved, x=args[0], t_x=args[1], T=args[2]).sum() < best


def test_log_likelihood_of_a_single_customer_by_hand():
    # r = 1, alpha = 1, a = 1, b = 2; customer x = 1, t_x = 1, T = 2:
    # A1 = Gamma(2) * 1 / Gamma(1) = 1; A2 = B(1, 3) / B(1, 2) = (1/3) / (1/2) = 2/3
    # A3 = (1 + 2)^-2 = 1/9; A4 = a / (b + x - 1) * (1 + 1)^-2 = 1/2 * 1/4 = 1/8
    # L = 1 * 2/3 * (1/9 + 1/8) = 2/3 * 17/72 = 17/108
    ll = bgnbd.log_likelihood(1.0, 1.0, 1.0, 2.0, [1.0], [1.0], [2.0])
    assert ll[0] == pytest.approx(math.log(17 / 108))
    # x = 0, T = 2: L = A1 * A2 * A3 = 1 * 1 * (1 + 2)^-1 = 1/3
    assert bgnbd.log_likelihood(1.0, 1.0, 1.0, 2.0, [0.0], [0.0], [2.0])[0] == pytest.approx(
        math.log(1 / 3)
    )


def test_fit_without_repeat_purchases_is_finite_and_quiet():
    T = np.linspace(1, 50, 200)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        p = bgnbd.fit(np.zeros(200), np.zeros(200), T)
    assert all(np.isfinite([p.r, p.alpha, p.a, p.b, p.log_likelihood]))
    # without a single repeat purchase nobody is seen to drop out: a limiting case
    assert p.at_bound


def test_fit_rejects_invalid_summaries():
    with pytest.raises(ValueError):
        bgnbd.fit([], [], [])
    with pytest.raises(ValueError):
        bgnbd.fit([1.0], [5.0], [3.0])  # last purchase after the end of observation


# ---------------------------------------------------------------------------
# predictions, derived by hand from the paper's formulas
#
# Test parameters r = 1, alpha = 10, a = 2, b = 1 make the hypergeometric
# function elementary:
# - x = 0: 2F1(r + x, b + x; a + b + x - 1; z) = 2F1(1, 1; 2; z) = -ln(1 - z) / z.
# - x = 1: 2F1(2, 2; 3; z) = sum_j (2)_j (2)_j / ((3)_j j!) z^j. With (2)_j = (j+1)!
#   and (3)_j = (j+2)!/2 the term is 2 (j+1)/(j+2) z^j = 2 z^j - 2 z^j/(j+2), so
#   2F1 = 2/(1-z) - (2/z^2) sum_j z^(j+2)/(j+2) = 2/(1-z) + 2 (ln(1-z) + z) / z^2.
#   At z = 1/2: 4 + 8 (0.5 - ln 2) * (-1) = 4 - 1.5451774 = 2.4548226; the first
#   terms of the series 1 + 2/3 + 3/8 + 1/5 + 5/48 + 3/56 + ... approach it
#   (terms after j = 5 sum to less than 2 z^6 / (1 - z) = 0.0625).


def test_hyp2f1_matches_the_series_by_hand():
    z = 0.5
    closed = 2 / (1 - z) + 2 * (math.log(1 - z) + z) / z**2  # = 2.4548226
    assert closed == pytest.approx(2.4548226, abs=1e-7)
    first_terms = 1 + 2 / 3 + 3 / 8 + 1 / 5 + 5 / 48 + 3 / 56  # j = 0..5, sum 2.3999
    assert first_terms < closed < first_terms + 0.0625  # the tail bound
    assert bgnbd.hyp2f1(2, 2, 3, z) == pytest.approx(closed, rel=1e-12)
    assert bgnbd.hyp2f1_series(2, 2, 3, z) == pytest.approx(closed, rel=1e-12)
    assert bgnbd.hyp2f1(1, 1, 2, 0.75) == pytest.approx(-math.log(0.25) / 0.75, rel=1e-12)


def test_hyp2f1_series_agrees_with_scipy_near_one():
    z = np.array([0.1, 0.5, 0.9, 0.99])
    assert bgnbd.hyp2f1_series(0.3, 2.5, 2.2, z) == pytest.approx(
        bgnbd.hyp2f1(0.3, 2.5, 2.2, z), rel=1e-9
    )


def test_p_alive_by_hand():
    # x = 0: a BG/NBD customer can only drop out after a repeat purchase -> 1
    # x = 1, t_x = 5, T = 10: 1 / (1 + a/(b+x-1) ((alpha+T)/(alpha+t_x))^(r+x))
    #   = 1 / (1 + 2/1 * (20/15)^2) = 1 / (1 + 32/9) = 9/41 = 0.2195122
    got = bgnbd.p_alive(1.0, 10.0, 2.0, 1.0, [0.0, 1.0], [0.0, 5.0], [10.0, 10.0])
    assert got[0] == 1.0
    assert got[1] == pytest.approx(9 / 41)


def test_conditional_expectation_by_hand():
    # t = 20, T = 10 -> z = t / (alpha + T + t) = 20 / 40 = 1/2, (1 - z) = 1/2
    # x = 0: (a+b-1)/(a-1) [1 - (1/2)^1 * 2F1(1,1;2;1/2)] = 2 [1 - 0.5 * 2 ln 2]
    #   = 2 (1 - ln 2) = 0.6137056
    # x = 1, t_x = 5: (a+b+x-1)/(a-1) = 3; bracket 1 - (1/2)^2 * 2.4548226 = 0.3862944;
    #   times P(alive) 9/41: 3 * 0.3862944 * 9/41 = 0.2543890
    got = bgnbd.conditional_expected_purchases(
        20.0, 1.0, 10.0, 2.0, 1.0, [0.0, 1.0], [0.0, 5.0], [10.0, 10.0]
    )
    assert got[0] == pytest.approx(2 * (1 - math.log(2)), rel=1e-12)
    bracket = 1 - 0.25 * (4 + 8 * (math.log(0.5) + 0.5))
    assert got[1] == pytest.approx(3 * bracket * 9 / 41, rel=1e-12)
    assert got[1] == pytest.approx(0.2543890, abs=1e-7)


def test_conditional_expectation_with_the_papers_parameters(cdnow):
    # the paper's worked customer: x = 2, t_x = 30.43, T = 38.86 expects 1.226
    # purchases in the next 39 weeks. By hand with the printed estimates:
    # z = 39 / (4.414 + 38.86 + 39) = 0.47403; P(alive) = 1 / (1 + 0.793/3.426 *
    # (43.274/34.844)^2.243) = 1 / (1 + 0.23147 * 1.62579) = 0.72658;
    # (a+b+x-1)/(a-1) = 4.219 / -0.207 = -20.382; 2F1(2.243, 4.426; 4.219; 0.47403)
    # = 4.5754 (series), so the bracket 1 - 0.52597^2.243 * 4.5753 = -0.082790 and
    # E = -20.382 * -0.082790 * 0.72658 = 1.2260.
    _, p = cdnow
    e = bgnbd.conditional_expected_purchases(39.0, p.r, p.alpha, p.a, p.b, [2.0], [30.43], [38.86])
    assert e[0] == pytest.approx(1.226, abs=5e-4)
    assert bgnbd.p_alive(p.r, p.alpha, p.a, p.b, [2.0], [30.43], [38.86])[0] == pytest.approx(
        0.7266, abs=1e-4
    )


def test_unconditional_expectation_by_hand():
    # E[X(t)] = (a+b-1)/(a-1) [1 - (alpha/(alpha+t))^r 2F1(r, b; a+b-1; t/(alpha+t))]
    # r=1, alpha=10, a=2, b=1, t=10: z = 1/2 -> 2 [1 - 1/2 * 2 ln 2] = 2 (1 - ln 2)
    assert bgnbd.expected_purchases(10.0, 1.0, 10.0, 2.0, 1.0) == pytest.approx(
        2 * (1 - math.log(2)), rel=1e-12
    )
    assert bgnbd.expected_purchases(0.0, 1.0, 10.0, 2.0, 1.0) == pytest.approx(0.0)


def test_missing_summary_gives_missing_predictions():
    got = bgnbd.conditional_expected_purchases(52.0, 1, 10, 2, 1, [np.nan], [np.nan], [np.nan])
    assert np.isnan(got[0])
    assert np.isnan(bgnbd.p_alive(1, 10, 2, 1, [np.nan], [np.nan], [np.nan])[0])


params = st.tuples(
    st.floats(0.05, 5.0), st.floats(0.5, 50.0), st.floats(0.1, 5.0), st.floats(0.1, 5.0)
)
history = st.tuples(st.integers(0, 60), st.floats(0.0, 1.0), st.floats(0.0, 150.0))


@given(params, history)
def test_predictions_are_probabilities_and_non_negative(p, h):
    r, alpha, a, b = p
    x, share, T = h
    t_x = share * T if x > 0 else 0.0
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        pa = bgnbd.p_alive(r, alpha, a, b, [x], [t_x], [T])[0]
        e26, e52 = (
            bgnbd.conditional_expected_purchases(t, r, alpha, a, b, [x], [t_x], [T])[0]
            for t in (26.0, 52.0)
        )
    assert 0.0 <= pa <= 1.0
    assert e26 >= -1e-9
    assert e52 >= e26 - 1e-9
    # nobody can be expected to buy faster than the posterior mean rate allows
    assert e52 <= 52.0 * (r + x) / (alpha + T) + 1e-6


@given(params, st.floats(0.0, 150.0))
def test_no_repeat_customer_equals_a_new_customer_observed_later(p, T):
    # x = 0: E[Y(t) | 0, 0, T] is E[X(t)] with alpha replaced by alpha + T (eq. 9 vs 10)
    r, alpha, a, b = p
    cond = bgnbd.conditional_expected_purchases(52.0, r, alpha, a, b, [0.0], [0.0], [T])[0]
    uncond = bgnbd.expected_purchases(52.0, r, alpha + T, a, b)
    assert cond == pytest.approx(float(uncond), rel=1e-9, abs=1e-12)


def test_hyp2f1_falls_back_to_the_series(monkeypatch):
    # where scipy gives no finite value, the series is summed instead
    monkeypatch.setattr(bgnbd.special, "hyp2f1", lambda a, b, c, z: np.full(np.shape(z), np.nan))
    assert bgnbd.hyp2f1(2, 2, 3, [0.5])[0] == pytest.approx(2.4548225555, rel=1e-10)


def test_heavy_buyers_do_not_overflow():
    # eq. 10 as printed, for x = 300, with the 2F1 summed from its own series
    r, alpha, a, b = 0.243, 4.414, 0.793, 2.426
    x, T, t = 300.0, 150.0, 52.0
    z = t / (alpha + T + t)
    f = bgnbd.hyp2f1_series(r + x, b + x, a + b + x - 1, z)
    printed = (a + b + x - 1) / (a - 1) * (1 - (1 - z) ** (r + x) * f)  # P(alive) ~ 1 at t_x = T
    pa = bgnbd.p_alive(r, alpha, a, b, [x], [T], [T])[0]
    got = bgnbd.conditional_expected_purchases(t, r, alpha, a, b, [x], [T], [T])[0]
    assert got == pytest.approx(printed * pa, rel=1e-9)
    # 10,000 purchase days: (1-z)^-(r+x) would overflow; the rewritten bracket does not
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        big = bgnbd.conditional_expected_purchases(t, r, alpha, a, b, [1e4], [T], [T])[0]
    assert 0 < big < t * (r + 1e4) / (alpha + T)
