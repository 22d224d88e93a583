"""The Lorenz/Pareto curve helper shared by overview and portfolio."""

import numpy as np

from kamlib.analysis.shares import lorenz_curve


def test_lorenz_curve_starts_at_origin_and_steps_by_one_customer():
    # three customers holding 50 %, 30 %, 20 % -> cumulative 0.5, 0.8, 1.0
    curve = lorenz_curve(np.array([0.5, 0.8, 1.0]))
    assert curve["customer_share"].tolist() == [0.0, 1 / 3, 2 / 3, 1.0]
    assert curve["revenue_share"].tolist() == [0.0, 0.5, 0.8, 1.0]


def test_lorenz_curve_of_no_customers_is_the_origin():
    curve = lorenz_curve(np.empty(0))
    assert curve["customer_share"].tolist() == [0.0]
    assert curve["revenue_share"].tolist() == [0.0]
