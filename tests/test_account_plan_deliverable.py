"""Key-account plan deliverable: narrative agrees with the numbers, charts build, export."""

from __future__ import annotations

import re
from pathlib import Path

import matplotlib.pyplot as plt
import pandas as pd
import pytest

import kamlib
from kamlib import report
from kamlib.analysis import account_plan as ap
from kamlib.charts import account_plan as charts
from kamlib.i18n import Formatter
from kamlib.modules import get_module
from kamlib.narrative import account_plan as text

ROOT = Path(__file__).resolve().parent.parent
KEY = "account_plan"


@pytest.fixture(scope="module")
def demo():
    client = kamlib.load_client(ROOT / "client_data" / "demo-maschinenbau")
    return client, ap.analyse(client)


@pytest.fixture(scope="module")
def components():
    client = kamlib.load_client(ROOT / "client_data" / "demo-components")
    return client, ap.analyse(client)


def _plain(markup: str) -> str:
    return re.sub(r"<[^>]+>", "", markup)


def _money_de(x: float) -> str:
    return Formatter("de").money(x)


@pytest.mark.parametrize("lang", ["de", "en"])
def test_summary_quotes_the_dossier_figures_of_the_portfolio(demo, lang):
    _client, cover = demo
    f = Formatter(lang)
    for r in cover.results.values():
        sentences = text.summary(r, f)
        assert 3 <= len(sentences) <= 5
        assert f.money(r.dossier["revenue"]) in sentences[0]
        if pd.notna(r.dossier["share_of_wallet"]):
            assert f.pct(r.dossier["share_of_wallet"], 0) in sentences[0]


def test_summary_counts_goals_and_letters_as_the_goal_table_shows(demo):
    _client, cover = demo
    r = cover.results["010007"]
    f = Formatter("en")
    goals = r.goals
    full = int((goals["passed"] == 5).sum())
    s = " ".join(text.summary(r, f))
    assert f"sets {len(goals)} goals; {full} meet all five" in s
    assert f"({int(goals['passed'].sum())} of {len(goals) * 5} criteria met)" in s
    # the heading of the SMART section says the same
    assert text.heading_goals(r, f).startswith(f"{full} of {len(goals)} goals")


def test_goal_table_marks_each_letter_and_says_why_it_fails():
    goals = pd.DataFrame(
        {
            "goal": ["Grow <b>Service</b>"],
            **{x: [x != "relevant"] for x in ap.LETTERS},
            "passed": [4],
            **{f"why_{x}": ["no_links" if x == "relevant" else ""] for x in ap.LETTERS},
            "metric": ["m"], "target": [1.0], "due": [pd.Timestamp("2027-01-01")],
        }
    )  # fmt: skip
    r = _stub(goals=goals)
    spec = text.goals_table(r, Formatter("en"))
    row = spec.df.iloc[0]
    assert [row[f"mark_{x}"] for x in ap.LETTERS] == ["✓", "✓", "✓", "✗", "✓"]
    assert row["why"] == "Relevant: links no opportunity, weakness or zone"
    assert row["goal_html"] == "Grow &lt;b&gt;Service&lt;/b&gt;"  # client text escaped


def test_decisions_are_three_to_five_with_owner_and_timing_most_money_first(demo):
    _client, cover = demo
    f = Formatter("de")
    for r in cover.results.values():
        spec = text.decisions_table(r, f)
        assert 1 <= len(spec.df) <= 5
        impacts = spec.df["impact"].dropna().tolist()
        assert impacts == sorted(impacts, reverse=True)
        assert spec.df["owner"].map(bool).all() and spec.df["timing"].map(bool).all()


def test_whitespace_heading_and_text_agree_with_the_grid(demo):
    _client, cover = demo
    f = Formatter("en")
    r = cover.results["010007"]
    ws = r.whitespace
    first_open = ws[~ws["bought"] & (ws["peer_share"] > 0)].iloc[0]
    head = text.heading_whitespace(r, f)
    assert head == (
        f"{first_open['product_group']} is not bought although "
        f"{f.pct(first_open['peer_share'], 0)} of {r.peers} peers buy it"
    )
    body = text.whitespace_text(r, f)
    assert f"bought {int(ws['bought'].sum())} of {len(ws)} product groups" in body
    assert f.money(first_open["peer_median_share"] * r.dossier["revenue"]) in body


def test_opportunity_heading_names_the_top_of_the_ranking(demo):
    _client, cover = demo
    f = Formatter("en")
    for r in cover.results.values():
        if r.top_opportunity is None:
            assert text.heading_opportunities(r, f) == "No opportunities rated yet"
            continue
        top = r.opportunities.iloc[0]
        head = text.heading_opportunities(r, f)
        assert head.startswith(
            f"Top opportunity {top['name']} ({f.money_short(top['expected_value'])}"
        )
        assert head.endswith("is covered by a goal" if top["covered"] else "has no goal yet")


def test_buying_center_sentence_names_missing_roles_and_stale_contacts():
    contacts = pd.DataFrame(
        {
            "contact_name": ["A & B"], "role": ["decider"], "influence": [5.0],
            "attitude": [1.0], "relationship": [3.0],
            "last_contact": [pd.Timestamp("2025-01-01")], "stale": [True],
        }
    )  # fmt: skip
    r = _stub(contacts=contacts, missing_roles=["buyer", "gatekeeper"])
    s = text.buying_center_text(r, Formatter("en"))
    assert s == (
        "One contact is recorded. 2 roles have no contact: Buyer, Gatekeeper. "
        "Not met for more than 6 months: A &amp; B."
    )


def test_budget_heading_and_text_use_the_budget_table():
    budget = pd.DataFrame(
        {
            "product_group": ["Service", "Ersatzteile"], "budget": [73_000.0, float("nan")],
            "plan_to_date": [36_200.0, float("nan")], "actual_to_date": [30_000.0, 5_000.0],
            "deviation": [-6_200.0, float("nan")],
        }
    )  # fmt: skip
    r = _stub(budget=budget)
    f = Formatter("de")
    assert (
        text.heading_budget(r, f)
        == f"Umsatz bis heute {f.money_short(6_200)} unter dem anteiligen Budget"
    )
    body = text.budget_text(r, f)
    assert f"anteiliges Budget {_money_de(36_200)}, Ist {_money_de(30_000)}" in body
    assert "1 von 1 budgetierten Gruppe" in body or "1 von einer Gruppe" in body


def test_cover_lists_every_account_and_counts_plans(demo):
    _client, cover = demo
    f = Formatter("de")
    spec = text.cover_table(cover, f)
    assert spec.df["name"].tolist() == cover.accounts["name"].tolist()
    # the demo leaves exactly one key account without a plan file: the singular form
    assert int((~cover.accounts["has_plan"]).sum()) == 1
    assert (
        text.heading_cover_table(cover, f)
        == f"Einer von {len(cover.accounts)} Key Accounts hat noch keinen Plan"
    )
    s = text.cover_summary(cover, f)
    assert f.money(cover.accounts["revenue"].sum()) in s[0]


@pytest.mark.parametrize("lang", ["de", "en"])
def test_charts_build_with_real_alt_texts_for_every_account(demo, components, lang):
    for _client, cover in (demo, components):
        f = Formatter(lang, cover.currency)
        for r in cover.results.values():
            if charts.has_buying_center(r):
                fig = charts.buying_center_chart(r, f)
                texts = [t.get_text() for t in fig.findobj(plt.Text)]
                for name in r.contacts["contact_name"]:  # every name drawn, in full
                    assert any(name in t.replace("\n", " ") for t in texts), name
                assert "<img" in report.figure(fig, alt=text.buying_center_alt(r, f))
            if charts.has_whitespace(r):
                plt.close(charts.whitespace_chart(r, f))
            if charts.has_opportunities(r):
                plt.close(charts.opportunities_chart(r, f))
            assert text.whitespace_alt(r, f) and text.opportunities_alt(r, f)


def test_no_ellipsis_glued_to_a_word_in_any_text(demo):
    _client, cover = demo
    f = Formatter("de")
    for r in cover.results.values():
        for s in [*text.summary(r, f), text.whitespace_text(r, f), text.buying_center_text(r, f)]:
            assert not re.search(r"\w…", _plain(s))


# --------------------------------------------------------------------------- export


def test_export_csv_and_xlsx_columns_order_and_rounding(tmp_path: Path):
    from kamlib.export import run_export

    out = tmp_path / "goals.csv"
    assert run_export(ROOT / "client_data" / "demo-maschinenbau", KEY, out) == 0
    df = pd.read_csv(out, dtype={"customer_id": str})
    assert list(df.columns) == list(ap.EXPORT_COLUMNS)
    assert df["customer_id"].is_monotonic_increasing
    assert set(df["specific"].unique()) <= {True, False}
    # ISO dates; a weak demo goal without a due date stays empty
    assert df["due"].dropna().str.fullmatch(r"\d{4}-\d{2}-\d{2}").all()
    assert df["due"].notna().any()
    xlsx = tmp_path / "goals.xlsx"
    assert run_export(ROOT / "client_data" / "demo-maschinenbau", KEY, xlsx, lang="de") == 0
    assert xlsx.stat().st_size > 0


def test_registry_entry_is_per_account_with_its_export(demo):
    m = get_module(KEY)
    assert m.per_account and m.settings == KEY and m.export is not None
    assert tuple(m.export.columns) == ap.EXPORT_COLUMNS


# --------------------------------------------------------------------------- stub


def _stub(**kw) -> ap.AccountPlanResult:
    from kamlib.config import AccountPlanSettings

    empty = pd.DataFrame()
    base = dict(
        customer_id="K1", name="Muster GmbH", as_of=pd.Timestamp("2026-06-30"),
        settings=AccountPlanSettings(), dossier={"revenue": 100.0, "zone": ""},
        years=empty, groups=empty,
        whitespace=pd.DataFrame(columns=list(ap.WHITESPACE_COLUMNS)), peers=0,
        contacts=pd.DataFrame(columns=list(ap.CONTACT_COLUMNS)), missing_roles=[],
        has_contacts_table=True, plan={"customer_id": "K1"},
        goals=pd.DataFrame(columns=["goal", "passed"]),
        opportunities=ap.rank_opportunities([], []),
        actions=ap.actions_table([], pd.Timestamp("2026-06-30")),
        reviews=ap.reviews_table([], pd.Timestamp("2026-06-30")), reviews_last_year=0,
        budget=pd.DataFrame(columns=list(ap.BUDGET_COLUMNS)),
        window_start=pd.Timestamp("2025-07-01"), window_end=pd.Timestamp("2026-06-30"),
    )  # fmt: skip
    base.update(kw)
    return ap.AccountPlanResult(**base)
