"""The same figure is the same in every deliverable (issue 11 point 3).

For both demo clients the analyses of all modules are computed once; the figures
several deliverables state — window revenue, active customers, lost customers per
year, key accounts, the revenue and ABC class of each named customer — must be
identical where they rest on the same base (amounts compared in whole cents).
The KPI tiles and summary sentences that state them are compared as text too.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

import kamlib
from kamlib.analysis import c_customers, overview, portfolio, retention, winback
from kamlib.i18n import Formatter
from kamlib.narrative import overview as ov_text
from kamlib.narrative import portfolio as pf_text
from kamlib.narrative import winback as wb_text

ROOT = Path(__file__).resolve().parent.parent
DEMOS = [("demo-maschinenbau", "de"), ("demo-components", "en")]


@pytest.fixture(scope="module", params=DEMOS, ids=[c for c, _ in DEMOS])
def demo(request):
    name, lang = request.param
    client = kamlib.load_client(ROOT / "client_data" / name)
    return {
        "client": client,
        "f": Formatter.for_client(client, lang),
        "overview": overview.analyse(client),
        "portfolio": portfolio.analyse(client),
        "c_customers": c_customers.analyse(client),
        "retention": retention.analyse(client),
        "winback": winback.analyse(client),
    }


def _cents(value: float) -> int:
    return round(float(value) * 100)


def test_window_revenue_is_one_figure(demo):
    ov = demo["overview"]
    total = _cents(ov.current.revenue)
    assert _cents(demo["portfolio"].customers["revenue"].sum()) == total
    assert _cents(demo["retention"].customers["revenue"].sum()) == total
    assert _cents(demo["c_customers"].customers["window_revenue"].sum()) == total
    # the portfolio's window is the overview's window
    assert demo["portfolio"].window_start == ov.current.start


def test_active_customers_and_their_tiles_agree(demo):
    ov, pf, f = demo["overview"], demo["portfolio"], demo["f"]
    active = int((pf.customers["revenue"] > 0).sum())
    assert ov.current.customers == active == ov.concentration.customers
    # overview tile 3 "active customers" and portfolio tile 1 "customers with revenue"
    assert ov_text.kpi_tiles(ov, f)[2][1] == pf_text.kpi_tiles(pf, f)[0][1] == f.int(active)


def test_lost_customers_per_year_agree_between_overview_and_winback(demo):
    flow = demo["overview"].customer_flow.set_index("year")["lost"]
    years = demo["winback"].years.set_index("year")["lost"]
    common = flow.index.intersection(years.index)
    assert len(common) >= 2
    pd.testing.assert_series_equal(
        flow.loc[common].astype(int), years.loc[common].astype(int), check_names=False
    )
    # the win-back tile "lost since <first year>" is the sum of those years
    f = demo["f"]
    assert wb_text.kpi_tiles(demo["winback"], f)[0][1] == f.int(years.sum())


def test_key_accounts_are_the_master_flag_everywhere(demo):
    master = demo["client"].customers.set_index("customer_id")["is_key_account"].astype(bool)
    pf = demo["portfolio"].customers.set_index("customer_id")["is_key_account"].astype(bool)
    assert int(pf.sum()) == int(master.sum())
    top = demo["overview"].top_customers.set_index("customer_id")["is_key_account"].astype(bool)
    pd.testing.assert_series_equal(top, pf.loc[top.index], check_names=False)


def test_named_customers_have_one_revenue_and_one_abc_class(demo):
    top = demo["overview"].top_customers.set_index("customer_id")
    frames = {
        "portfolio": demo["portfolio"].customers.set_index("customer_id")["revenue"],
        "retention": demo["retention"].customers.set_index("customer_id")["revenue"],
        "c_customers": demo["c_customers"].customers.set_index("customer_id")["window_revenue"],
    }
    for name, revenue in frames.items():
        diff = (top["revenue"] - revenue.reindex(top.index)).abs().max()
        assert diff < 0.005, name
    abc = demo["portfolio"].customers.set_index("customer_id")["abc_class"]
    for name in ("c_customers", "retention"):
        other = demo[name].customers.set_index("customer_id")["abc_class"]
        assert (other == abc.reindex(other.index)).all(), name


def test_largest_customer_share_is_stated_alike(demo):
    # overview's summary and the portfolio's concentration finding name the same share
    ov, pf, f = demo["overview"], demo["portfolio"], demo["f"]
    first = ov.top_customers.iloc[0]
    share = f.pct(first["share"])
    assert share in " ".join(ov_text.executive_summary(ov, f))
    assert share in " ".join(pf_text.summary_items(pf, f, ""))
