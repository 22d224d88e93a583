"""The demo clients carry the C-customer story (kamlib/demo/small_customers.py): a whale curve
well above 100 %, a visible tail of profit destroyers, every channel in use, a handful of
real growth candidates and a minimum order value that pays."""

from __future__ import annotations

import pytest

import kamlib
from kamlib.analysis import c_customers
from kamlib.modules import ROOT

KEYS = ["demo-maschinenbau", "demo-components"]


@pytest.fixture(scope="module", params=KEYS)
def result(request) -> c_customers.CCustomersResult:
    return c_customers.analyse(kamlib.load_client(ROOT / "client_data" / request.param))


def test_whale_curve_peaks_well_above_100_percent(result) -> None:
    assert result.whale_peak["peak_share"] >= 1.10
    assert len(result.destroyers) >= 30
    assert (result.destroyers["abc_class"] == "C").sum() >= 20


def test_every_channel_is_recommended_and_the_mix_saves(result) -> None:
    counts = result.channels.set_index("channel")["customers"]
    assert (counts >= 5).all(), counts.to_dict()
    assert result.channel_saving > 0


def test_a_handful_of_growth_candidates_with_evidence(result) -> None:
    cands = result.candidates
    assert 3 <= len(cands) <= 10
    assert set(cands["reason"]) & {"potential", "both"} and set(cands["reason"]) & {"growth"}
    assert (cands["window_revenue"] > 0).all()


def test_minimum_order_value_pays_and_activities_are_complete(result) -> None:
    assert result.best_min_order_value > 0
    assert result.simulation["effect"].max() > 0
    assert result.activities_available and not result.missing_drivers
