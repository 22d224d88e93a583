"""Key-account plan (METHODOLOGY section 6): every rule on small hand-computed cases."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest
from pydantic import ValidationError

from kamlib.analysis import account_plan as ap
from kamlib.config import AccountPlanSettings, parse_config

AS_OF = pd.Timestamp("2026-06-30")
PLAN = {
    "customer_id": "K1",
    "swot": {"weaknesses": ["Kaum Kontakt zur Geschäftsleitung"]},
    "opportunities": [{"name": "Retrofit Linie 3", "value": 100, "probability": 0.5}],
}
TERMS = ["Lineartechnik", "Service", "Muster GmbH"]
ZONES = ["protect", "Schutzzone"]
GOOD = {
    "text": "Lineartechnik bei Muster GmbH einführen",
    "metric": "Umsatz Lineartechnik",
    "target": 150_000,
    "due": "2027-03-31",
    "links": ["Retrofit Linie 3"],
}


def check(goal, **kw):
    args = dict(
        plan=PLAN, as_of=AS_OF, window_revenue=100_000.0, wallet_gap=60_000.0,
        product_terms=TERMS, zones=ZONES,
    )  # fmt: skip
    args.update(kw)
    return ap.smart_check(goal, **args), ap.smart_reasons(goal, **args)


def test_a_complete_goal_passes_all_five_letters():
    passed, why = check(GOOD)
    assert passed == dict.fromkeys(ap.LETTERS, True)
    assert set(why.values()) == {None}


def test_a_goal_with_only_text_fails_everything_but_specific_and_says_why():
    passed, why = check({"text": "Mehr Service für die Muster GmbH"})
    assert passed == {
        "specific": True, "measurable": False, "achievable": False,
        "relevant": False, "time_bound": False,
    }  # fmt: skip
    assert why == {
        "specific": None, "measurable": "no_metric", "achievable": "no_basis",
        "relevant": "no_links", "time_bound": "no_due",
    }  # fmt: skip


@pytest.mark.parametrize(
    "text, ok, reason",
    [
        ("Lineartechnik bei Muster GmbH einführen", True, None),  # term + 5 words
        ("Lineartechnik ausbauen und verkaufen", True, None),  # exactly 4 words
        ("Lineartechnik richtig ausbauen", False, "short"),  # term but 3 words
        ("Mehr Umsatz mit dem Kunden machen", False, "no_term"),  # 6 words, no term
        ("LINEARTECHNIK für den Kunden ausbauen", True, None),  # case ignored
        ("Lineartechniken für den Kunden ausbauen", False, "no_term"),  # whole words only
        ("Servicevertrag mit dem Kunden schließen", False, "no_term"),  # "Service" not a word
    ],
)
def test_specific_needs_a_term_of_the_account_and_four_words(text, ok, reason):
    passed, why = check({**GOOD, "text": text})
    assert passed["specific"] is ok and why["specific"] == reason


@pytest.mark.parametrize(
    "patch, ok, reason",
    [
        ({"metric": ""}, False, "no_metric"),
        ({"metric": None}, False, "no_metric"),
        ({"target": None}, False, "no_target"),
        ({"target": "viel"}, False, "target_text"),
        ({"target": True}, False, "target_text"),  # a bool is not a number
        ({"target": 0.55}, True, None),
    ],
)
def test_measurable_needs_a_metric_and_a_numeric_target(patch, ok, reason):
    passed, why = check({**GOOD, **patch})
    assert passed["measurable"] is ok and why["measurable"] == reason


@pytest.mark.parametrize(
    "patch, gap, ok",
    [
        # window revenue 100,000 + wallet gap 60,000 = 160,000 is the ceiling
        ({"target": 160_000}, 60_000.0, True),
        ({"target": 160_000.01}, 60_000.0, False),
        ({"target": 160_000.01, "reason": "Neues Werk ab 2027"}, 60_000.0, True),  # reason
        ({"target": 0.9}, 60_000.0, True),  # <= 1: a share
        ({"target": 1.0}, 60_000.0, True),
        ({"target": 100_000}, float("nan"), True),  # unknown gap counts 0: 100,000 <= 100,000
        ({"target": 100_001}, float("nan"), False),
        ({"target": -5}, 60_000.0, False),
    ],
)
def test_achievable_by_reason_share_or_room_in_revenue_plus_wallet_gap(patch, gap, ok):
    passed, _ = check({**GOOD, **patch}, wallet_gap=gap)
    assert passed["achievable"] is ok


@pytest.mark.parametrize(
    "links, ok, reason",
    [
        (["Retrofit Linie 3"], True, None),  # an opportunity
        (["retrofit  linie 3"], True, None),  # case and spaces ignored
        ("Kaum Kontakt zur Geschäftsleitung", True, None),  # a weakness, given as one string
        (["Schutzzone"], True, None),  # the zone's label
        (["protect"], True, None),  # the zone's key
        (["Neues Werk"], False, "unknown_links"),  # an opportunity of no plan
        ([], False, "no_links"),
        (None, False, "no_links"),
    ],
)
def test_relevant_when_links_name_an_opportunity_weakness_or_zone(links, ok, reason):
    passed, why = check({**GOOD, "links": links})
    assert passed["relevant"] is ok and why["relevant"] == reason


@pytest.mark.parametrize(
    "due, ok, reason",
    [
        ("2026-06-30", False, "past_due"),  # as_of itself is not after as_of
        ("2026-07-01", True, None),
        ("2027-12-30", True, None),  # as_of + 18 months = 2027-12-30 (day kept)
        ("2027-12-31", False, "too_far"),
        (pd.Timestamp("2027-01-15").date(), True, None),  # a date object as YAML gives it
        ("bald", False, "bad_due"),
        (None, False, "no_due"),
    ],
)
def test_time_bound_between_as_of_and_eighteen_months_later(due, ok, reason):
    passed, why = check({**GOOD, "due": due})
    assert passed["time_bound"] is ok and why["time_bound"] == reason


def test_the_horizon_is_a_setting():
    # as_of + 6 months = 2026-12-30
    passed, _ = check({**GOOD, "due": "2026-12-31"}, horizon_months=6)
    assert not passed["time_bound"]


# --------------------------------------------------------------------------- opportunities


def test_opportunities_rank_by_expected_value_times_fit_over_effort_ties_by_value():
    opps = [
        # EV 100*0.5 = 50; score 50*4/2 = 100
        {"name": "A", "value": 100, "probability": 0.5, "fit": 4, "effort": 2},
        # EV 200*0.25 = 50; score 50*2/1 = 100 -> tie with A, larger value first
        {"name": "B", "value": 200, "probability": 0.25, "fit": 2, "effort": 1},
        # EV 1000*0.1 = 100; score 100*5/5 = 100 -> tie, largest value
        {"name": "C", "value": 1000, "probability": 0.1, "fit": 5, "effort": 5},
        # EV 300*0.5 = 150; score 150*3/1 = 450 -> first
        {"name": "D", "value": 300, "probability": 0.5, "fit": 3, "effort": 1},
        {"name": "E"},  # no numbers: last
    ]
    goals = [{"text": "x", "links": ["b"]}]
    df = ap.rank_opportunities(opps, goals)
    assert df["name"].tolist() == ["D", "C", "B", "A", "E"]
    assert df["rank"].tolist() == [1, 2, 3, 4, 5]
    assert df["expected_value"].tolist()[:4] == [150, 100, 50, 50]
    assert df["score"].tolist()[:4] == [450, 100, 100, 100]
    assert math.isnan(df["score"].iloc[4])
    assert df["covered"].tolist() == [False, False, True, False, False]


def test_top_uncovered_opportunity_is_a_decision_with_its_expected_value(tmp_result):
    r = tmp_result(
        plan={
            "customer_id": "K1",
            "opportunities": [
                {"name": "Big", "value": 1000, "probability": 0.5, "fit": 5, "effort": 1},
                {"name": "Small", "value": 10, "probability": 0.5, "fit": 1, "effort": 5},
            ],
            "goals": [{"text": "x", "links": ["Small"]}],
        }
    )
    assert r.top_covered is False
    d = [x for x in r.decisions if x.key == "cover_top"]
    assert len(d) == 1 and d[0].impact == 500  # 1000 * 0.5
    assert d[0].params["opportunity"] == "Big"


# --------------------------------------------------------------------------- whitespace


def test_whitespace_compares_with_peers_of_the_same_industry_buying_in_the_window():
    rev = pd.DataFrame(
        {
            "Lineartechnik": [0.0, 100.0, 50.0, 0.0, 70.0, 999.0],
            "Service": [30.0, 0.0, 50.0, 0.0, 0.0, 0.0],
            "Ersatzteile": [70.0, 300.0, 0.0, -10.0, 0.0, 0.0],
        },
        index=["K1", "P1", "P2", "P3", "P4", "X1"],
    )
    industry = pd.Series(
        ["Pack", "Pack", "Pack", "Pack", "Pack", "Food"], index=["K1", "P1", "P2", "P3", "P4", "X1"]
    )
    df, peers = ap.whitespace(rev, industry, "K1")
    # peers: P1, P2, P4 (P3 has no positive revenue, X1 another industry, K1 itself)
    assert peers == 3
    # not bought first; then peer share, ties by name
    assert df["product_group"].tolist() == ["Lineartechnik", "Ersatzteile", "Service"]
    assert df["bought"].tolist() == [False, True, True]
    # Lineartechnik: P1, P2, P4 buy -> 3/3; Ersatzteile: P1 -> 1/3; Service: P2 -> 1/3
    assert df["peers_buying"].tolist() == [3, 1, 1]
    assert df["peer_share"].tolist() == pytest.approx([1.0, 1 / 3, 1 / 3])
    # median Lineartechnik revenue of P1 100, P2 50, P4 70 -> 70
    assert df["peer_median_revenue"].iloc[0] == 70
    # shares in the peers' revenue: P1 100/400 .25, P2 50/100 .5, P4 70/70 1 -> median .5
    assert df["peer_median_share"].iloc[0] == pytest.approx(0.5)


def test_whitespace_without_industry_has_no_peers():
    rev = pd.DataFrame({"A": [1.0, 2.0]}, index=["K1", "P1"])
    df, peers = ap.whitespace(rev, pd.Series(["", ""], index=["K1", "P1"]), "K1")
    assert peers == 0 and df["peer_share"].isna().all() and df["bought"].tolist() == [True]


# --------------------------------------------------------------------------- buying center


def test_buying_center_missing_roles_and_contacts_not_met_for_six_months():
    contacts = pd.DataFrame(
        {
            "customer_id": ["K1", "K1", "K1", "K1", "K2"],
            "contact_name": ["Haas", "Müller", "Simon", "Graf", "Other"],
            "role": ["decider", "buyer", "buyer", "user", "gatekeeper"],
            "influence": [5, 3, 4, 2, 1],
            "attitude": [2, -1, 0, 1, 0],
            "relationship": [4, 2, 3, 3, 3],
            # as_of 2026-06-30 - 6 months = 2025-12-30: before that is stale
            "last_contact": pd.to_datetime(
                ["2025-12-30", "2025-12-29", None, "2026-06-01", "2020-01-01"]
            ),
        }
    )
    df, missing = ap.buying_center(contacts, "K1", AS_OF, 6)
    assert df["contact_name"].tolist() == ["Haas", "Simon", "Müller", "Graf"]  # role, influence
    assert df["stale"].tolist() == [False, True, True, False]  # unknown date counts stale
    assert missing == ["influencer", "gatekeeper"]


def test_without_contacts_table_every_role_is_missing():
    df, missing = ap.buying_center(None, "K1", AS_OF)
    assert df.empty and missing == list(ap.ROLES)


# --------------------------------------------------------------------------- plan tables


def test_overdue_is_open_and_due_before_as_of():
    acts = [
        {"what": "a", "due": "2026-06-29", "status": "open"},  # overdue
        {"what": "b", "due": "2026-06-30", "status": "open"},  # due today: not overdue
        {"what": "c", "due": "2026-01-01", "status": "done"},
        {"what": "d", "due": "2026-01-01", "status": "dropped"},
        {"what": "e", "due": "2026-01-01", "status": "in_progress"},  # overdue
        {"what": "f"},  # no due date: never overdue
    ]
    df = ap.actions_table(acts, AS_OF)
    assert dict(zip(df["what"], df["overdue"], strict=True)) == {
        "a": True, "b": False, "c": False, "d": False, "e": True, "f": False,
    }  # fmt: skip
    assert df["what"].tolist()[-1] == "f"


def test_reviews_planned_vs_actual_and_count_in_the_last_twelve_months():
    revs = [
        {"date": "2025-06-30", "planned_revenue": 100, "actual_revenue": 90},  # just outside
        {"date": "2025-07-01", "planned": 100, "actual": 120},
        {"date": "2026-06-30", "planned": 80, "actual": None},
        {"date": "2026-09-30", "planned": 80},  # future
    ]
    df = ap.reviews_table(revs, AS_OF)
    assert df["deviation"].iloc[0] == -10 and df["deviation"].iloc[1] == 20
    assert math.isnan(df["deviation"].iloc[2])
    assert df["done"].tolist() == [True, True, True, False]
    # (2025-06-30, 2026-06-30]: 2025-07-01 and 2026-06-30
    assert ap.reviews_last_year(df, AS_OF) == 2


def test_budget_plan_to_date_is_the_elapsed_share_of_the_year():
    # 2026-06-30 is day 181 of 365
    assert ap.year_elapsed(AS_OF) == pytest.approx(181 / 365)
    actual = pd.Series({"Service": 40_000.0, "Ersatzteile": 5_000.0})
    df = ap.budget_vs_actual({"Service": 73_000, "Lineartechnik": 36_500}, actual, AS_OF)
    assert df["product_group"].tolist() == ["Service", "Lineartechnik", "Ersatzteile"]
    # Service: 73,000 * 181/365 = 36,200 plan, 40,000 actual -> +3,800
    assert df["plan_to_date"].iloc[0] == pytest.approx(36_200)
    assert df["deviation"].iloc[0] == pytest.approx(3_800)
    # Lineartechnik: 18,100 plan, nothing sold -> -18,100
    assert df["deviation"].iloc[1] == pytest.approx(-18_100)
    assert math.isnan(df["budget"].iloc[2]) and df["actual_to_date"].iloc[2] == 5_000


# --------------------------------------------------------------------------- settings


def test_settings_defaults_follow_methodology():
    s = parse_config({"name": "x"}).account_plan
    assert (s.stale_contact_months, s.reviews_min, s.reviews_max, s.horizon_months) == (6, 3, 4, 18)


@pytest.mark.parametrize(
    "section, path",
    [
        ({"stale_contact_months": 0}, "account_plan.stale_contact_months"),
        ({"horizon_months": "bald"}, "account_plan.horizon_months"),
        ({"reviews_min": 5, "reviews_max": 4}, "account_plan"),
        ({"unknown": 1}, "account_plan.unknown"),
    ],
)
def test_nonsense_settings_are_refused_with_the_key_path(section, path):
    from kamlib.config import ConfigError

    with pytest.raises(ConfigError) as exc:
        parse_config({"name": "x", "account_plan": section})
    assert path in str(exc.value)


def test_settings_model_refuses_review_range_upside_down():
    with pytest.raises(ValidationError):
        AccountPlanSettings(reviews_min=5, reviews_max=2)


# --------------------------------------------------------------------------- on a demo client


@pytest.fixture(scope="module")
def demo_cover():
    import kamlib

    client = kamlib.load_client(
        __import__("pathlib").Path(__file__).resolve().parent.parent
        / "client_data"
        / "demo-maschinenbau"
    )
    return client, ap.analyse(client)


def test_cover_lists_every_flagged_key_account_by_revenue(demo_cover):
    client, cover = demo_cover
    flagged = client.customers.loc[client.customers["is_key_account"].astype(bool), "customer_id"]
    assert set(cover.accounts["customer_id"]) == set(flagged.astype(str))
    assert cover.accounts["revenue"].is_monotonic_decreasing
    with_plan = set(cover.accounts.loc[cover.accounts["has_plan"], "customer_id"])
    assert with_plan == set(client.account_plans) & set(flagged.astype(str))


def test_dossier_figures_are_the_portfolio_figures(demo_cover):
    from kamlib.analysis import portfolio

    client, cover = demo_cover
    pc = portfolio.analyse(client).customers.set_index("customer_id")
    for cid, r in cover.results.items():
        for key in ("revenue", "share_of_wallet", "wallet_gap", "abc_class", "zone", "ka_score"):
            expected = pc.loc[cid, key]
            got = r.dossier[key]
            assert got == expected or (pd.isna(got) and pd.isna(expected)), (cid, key)
        # product groups add up to the window revenue
        assert r.groups["revenue"].sum() == pytest.approx(r.dossier["revenue"])


def test_an_account_without_plan_gets_a_data_only_result_and_the_workshop_list(demo_cover):
    _client, cover = demo_cover
    cid = cover.accounts.loc[~cover.accounts["has_plan"], "customer_id"].iloc[0]
    r = cover.results[cid]
    assert not r.has_plan and r.goals.empty and r.opportunities.empty
    assert r.todo == list(ap.WORKSHOP_TODO)
    assert r.decisions[0].key == "workshop" or any(d.key == "workshop" for d in r.decisions)


def test_export_has_one_row_per_goal_sorted_by_customer_then_file_order(demo_cover):
    client, cover = demo_cover
    df, info = ap.export_table(cover)
    assert list(df.columns) == list(ap.EXPORT_COLUMNS)
    expected = [
        (cid, g["text"])
        for cid in sorted(cover.results)
        if cover.results[cid].has_plan
        for g in client.account_plans[cid].get("goals") or []
    ]
    assert list(zip(df["customer_id"], df["goal"], strict=True)) == expected
    # a due date is an ISO date; a goal without one (a weak demo goal) stays empty
    due = df["due"].dropna()
    assert due.str.fullmatch(r"\d{4}-\d{2}-\d{2}").all()
    planned = [g.get("due") for cid in sorted(cover.results) if cover.results[cid].has_plan
               for g in client.account_plans[cid].get("goals") or []]  # fmt: skip
    assert len(due) == sum(d is not None for d in planned) and len(due) < len(df)
    assert info["as_of"] == "2026-06-30"


# --------------------------------------------------------------------------- helpers


@pytest.fixture
def tmp_result():
    """A one-account client in memory; ``plan`` replaces its plan."""
    from kamlib.config import ClientConfig
    from kamlib.data.client import ClientData

    def make(plan=None, contacts=None, drop_groups=False):
        customers = pd.DataFrame(
            {
                "customer_id": ["K1", "P1"],
                "name": ["Muster GmbH", "Peer AG"],
                "industry": ["Pack", "Pack"],
                "is_key_account": [True, False],
                "potential": [1000.0, np.nan],
            }
        )
        sales = pd.DataFrame(
            {
                "date": pd.to_datetime(["2026-03-01", "2026-03-01", "2026-04-01"]),
                "customer_id": ["K1", "P1", "P1"],
                "net_revenue": [600.0, 100.0, 300.0],
                "contribution_margin": [100.0, 10.0, 30.0],
                "product_group": ["Service", "Service", "Lineartechnik"],
                "article_id": ["S-1", "S-1", "L-1"],
            }
        )
        if drop_groups:
            sales = sales.drop(columns=["product_group", "article_id"])
        cfg = ClientConfig(name="Test", as_of=AS_OF.date())
        client = ClientData(
            __import__("pathlib").Path("/nonexistent"),
            cfg,
            customers,
            sales,
            contacts=contacts,
            account_plans={"K1": plan} if plan else {},
        )
        return ap.compute(client, "K1")

    return make


def test_small_client_whitespace_decision_scales_the_peer_share_to_the_account(tmp_result):
    r = tmp_result()
    # K1 buys Service only; its one peer P1 buys Lineartechnik: 300 of its 400 = 0.75
    ws = r.whitespace.set_index("product_group")
    assert not ws.loc["Lineartechnik", "bought"] and ws.loc["Lineartechnik", "peer_share"] == 1
    d = next(x for x in r.decisions if x.key == "whitespace")
    assert d.impact == pytest.approx(0.75 * 600)
    # no plan: the workshop decision with the wallet gap 1000 - 600 = 400
    w = next(x for x in r.decisions if x.key == "workshop")
    assert w.impact == pytest.approx(400)
    # no plan: no review held, at least 3 expected; roles: no contacts table, so none named
    keys = [x.key for x in r.decisions]
    assert keys == ["whitespace", "workshop", "reviews"]  # 450 > 400 > no money figure
    assert r.years.set_index("year").loc[2026, "revenue"] == 600


def test_without_product_groups_contacts_or_plan_the_result_says_so_and_never_fails(tmp_result):
    from kamlib.i18n import Formatter
    from kamlib.narrative import account_plan as text

    r = tmp_result(drop_groups=True)
    assert r.whitespace.empty and r.groups.empty and r.peers == 0
    assert r.missing_roles == list(ap.ROLES) and not r.has_contacts_table
    f = Formatter("en")
    assert text.heading_whitespace(r, f) == "No product groups in the sales data"
    assert (
        text.buying_center_text(r, f) == "Without contacts.csv the buying center cannot be mapped."
    )
    assert "contacts.csv is missing" in " ".join(text.data_notes(r, f))
    # the revenue is still there, by year
    assert r.years["revenue"].sum() == 600
