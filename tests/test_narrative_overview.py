"""Executive summary and section texts of the customer base overview (de/en).

Uses the hand-computed fixture of tests/analysis/test_overview.py (as_of
2026-06-30): window revenue 2750 (+25 % on 2200), margin 650 on 2750 = 23.6 %,
3 active customers; largest customer Alpha AG with 2000 of 2800 positive
revenue = 71.4 %; in 2025 0 new and 1 lost customer (provisional).
"""

from __future__ import annotations

import dataclasses
import math
import re
from pathlib import Path

import pandas as pd
import pytest

from kamlib.analysis import overview as ov
from kamlib.narrative import overview as text
from tests.analysis.test_overview import CUSTOMERS, SALES, make_client

DEMO = Path(__file__).resolve().parents[1] / "client_data"


@pytest.fixture(scope="module")
def result() -> ov.OverviewResult:
    return ov.analyse(make_client())


@pytest.mark.parametrize("lang", ["de", "en"])
def test_summary_has_three_to_five_sentences(result, lang):
    sentences = text.executive_summary(result, lang)
    assert 3 <= len(sentences) <= 5
    assert all(s.strip() and s.rstrip()[-1] in ".!" for s in sentences)


def test_german_summary_uses_german_number_formats(result):
    first = text.executive_summary(result, "de")[0]
    assert "3 T€" in first  # 2750 in compact form: 2.75 thousand -> "3 T€"
    assert "23,6\xa0%" in first  # margin 650 / 2750
    assert "25,0\xa0% mehr" in first  # 2750 / 2200 - 1
    assert "Test GmbH" in first


def test_english_summary_uses_english_number_formats(result):
    first = text.executive_summary(result, "en")[0]
    assert "23.6%" in first and "25.0% more" in first
    joined = " ".join(text.executive_summary(result, "en"))
    assert "71.4%" in joined  # Alpha AG: 2000 / 2800
    assert "Alpha AG" in joined


def test_summary_names_key_account_coverage_of_top_customers(result):
    joined = " ".join(text.executive_summary(result, "de"))
    assert "von den 3 größten Kunden sind 1 als Key Account" in joined


@pytest.fixture(scope="module")
def result_c3_lost():
    # C3's last purchase on 2024-11-20: it became lost on 2025-11-20, a loss of 2025
    # (METHODOLOGY section 0: "lost in Y" = became lost in Y)
    sales = [("2024-11-20", *r[1:]) if r[:2] == ("2025-06-30", "C3") else r for r in SALES]
    return ov.analyse(make_client(sales=sales))


def test_losses_count_in_the_year_the_customer_became_lost(result_c3_lost):
    flow = text.summary_flow(result_c3_lost, "en")
    # 2025 (the last full year): 0 new, 1 lost (C3); a full year is not provisional
    assert "won 0 new customers and lost 1 –" in flow
    assert "shrinks by 1" in flow


def test_flow_heading_states_the_last_full_year_as_the_summary_does(result_c3_lost):
    # 2025 (the last full year): 0 new, 1 lost (C3) -> net -1; the YTD year stays out
    assert text.heading_flow(result_c3_lost, "en") == "2025: 0 customers won, 1 lost – net −1"
    assert (
        text.heading_flow(result_c3_lost, "de") == "2025: 0 Kunden gewonnen, 1 verloren – Saldo −1"
    )


def test_only_the_year_to_date_is_provisional(result_c3_lost):
    table = text.flow_table(result_c3_lost, "en").df
    assert table["lost_text"].tolist() == ["0", "1", "0 (provisional)"]


def test_summary_without_margin_says_so():
    no_margin = [(d, c, r, float("nan")) for d, c, r, _ in SALES]
    r = ov.analyse(make_client(sales=no_margin))
    de = text.executive_summary(r, "de")
    assert any("keine Deckungsbeiträge" in s for s in de)
    assert "Deckungsbeitrag (" not in de[0]
    assert len(de) <= 5


def test_customer_names_are_html_escaped():
    customers = CUSTOMERS.assign(name=["Müller & <Söhne>", "B", "C", "D", "E"])
    r = ov.analyse(make_client(customers=customers))
    joined = " ".join(text.executive_summary(r, "de"))
    assert "Müller &amp; &lt;Söhne&gt;" in joined


@pytest.mark.parametrize("lang", ["de", "en"])
def test_section_texts_are_filled(result, lang):
    for paragraph in (
        text.yearly_text(result, lang),
        text.monthly_text(result, lang),
        text.dimension_text(result, "industry", lang),
        text.dimension_text(result, "region", lang),
        text.top_text(result, lang),
        text.concentration_text(result, lang),
        text.flow_text(result, lang),
    ):
        assert paragraph and "{" not in paragraph  # every placeholder filled


def test_yearly_text_states_like_for_like_ytd_comparison(result):
    de = text.yearly_text(result, "de")
    # 2026 up to 30.06.: 2100 against 2400 -> -12.5 %
    assert "bis zum 30.06.2026" in de and "−12,5\xa0%" in de
    en = text.yearly_text(result, "en")
    assert "−12.5%" in en and "same period of last year" in en


def test_signed_percent_uses_real_minus_and_plus():
    assert text.signed_pct(0.045, "de") == "+4,5\xa0%"
    assert text.signed_pct(-0.02, "en") == "−2.0%"


def test_kpi_tiles_in_german(result, result_c3_lost):
    tiles = dict((label, (value, note)) for label, value, note in text.kpi_tiles(result, "de"))
    assert tiles["DB-Quote"][0] == "23,6\xa0%"
    assert tiles["Aktive Kunden"] == ("3", "von 5 im Kundenstamm")
    # C3 stopped exactly 12 months before as_of: not yet lost (more than 12 months needed)
    assert tiles["Neu / verloren 2025"][0] == "0 / 0"
    lost = {label: value for label, value, _ in text.kpi_tiles(result_c3_lost, "de")}
    assert lost["Neu / verloren 2025"] == "0 / 1"


def test_tables_fit_a4_portrait(result):
    for spec in (
        text.yearly_table(result, "de"),
        text.dimension_table(result, "industry", "de"),
        text.top_table(result, "de"),
        text.flow_table(result, "de"),
    ):
        assert len(spec.columns) <= 7


def test_no_english_percent_spacing_in_english_texts(result):
    joined = " ".join(
        text.executive_summary(result, "en") + [text.concentration_text(result, "en")]
    )
    assert not re.search(r"\d[\s\xa0]%", joined)


# ---------------------------------------------------------------- storyline (issue 11)
# Hand-computed on the fixture above (window Jul 2025 - Jun 2026, previous window
# Jul 2024 - Jun 2025):
#   window revenue per customer: C1 2000, C2 700, C4 100, C5 -50 -> positive base 2800
#   previous window: C1 -200 + 1500 = 1300, C2 600, C3 300 -> 2200
#   by industry: Bau 2700 (prev 1900), Chemie -50 (prev 300), unknown 100 (prev 0)
#   by region:   Nord 2100 (prev 1300), Süd 650 (prev 600), unknown 0 (prev 300)


def test_yearly_heading_states_growth_and_margin(result):
    # 2025: 3050 against 1700 in 2024 -> +79.4 %; margin 820 / 3050 = 26.9 % against
    # 340 / 1300 = 26.2 % in 2024: less than one point apart -> "held"
    assert (
        text.heading_yearly(result, "en") == "Revenue 2025 grew 79.4% to €3k; margin held at 26.9%"
    )
    assert text.heading_yearly(result, "de") == (
        "Umsatz 2025 um 79,4\xa0% auf 3 T€ gewachsen; Deckungsbeitrag stabil bei 26,9\xa0%"
    )


def test_top_and_concentration_headings_state_their_base(result):
    # the 3 customers with positive window revenue carry all of it; C1 alone 2000 / 2800
    # = 71.4 % < 80 %, C1 + C2 2700 / 2800 = 96.4 % -> 2 of 3 customers (66.7 %)
    assert text.heading_top(result, "en") == "The 3 largest customers carry 100.0% of revenue"
    assert text.heading_concentration(result, "en") == (
        "2 of 3 customers with revenue (66.7%) make 80% of it"
    )


def test_dimension_heading_names_the_largest_categories(result):
    # Bau 2700 of 2750 net window revenue = 98.2 %; Chemie (-50, a credit note only) has no
    # revenue to carry and is not named
    assert text.heading_dimension(result, "industry", "en") == "Bau carries 98.2% of revenue"


def _dim_result(result, rows):
    """``result`` with a hand-made industry table (key, prev_revenue, revenue)."""
    table = pd.DataFrame(rows, columns=["key", "prev_revenue", "revenue"])
    table["customers"] = 1
    table["share"] = table["revenue"] / table["revenue"].sum()
    table["margin"] = float("nan")
    table["margin_pct"] = float("nan")
    table["growth"] = table["revenue"] / table["prev_revenue"] - 1
    table["growth_ranked"] = ov.growth_ranked(table)
    return dataclasses.replace(result, by_industry=table)


@pytest.fixture
def aerospace_case(result):
    # previous total 1000 + 10 + 500 + 100 = 1610; 2 % of it = 32.2:
    # Aerospace (prev 10, +85.7 %) is below the base, Automotive +7.0 % leads, Food -10.0 %
    return _dim_result(
        result,
        [
            ("Automotive", 1000.0, 1070.0),
            ("Food", 500.0, 450.0),
            (ov.UNKNOWN, 100.0, 300.0),
            ("Aerospace", 10.0, 18.57),
        ],
    )


def test_growth_sentence_when_every_ranked_category_grew(result):
    # Automotive +7.0 %, Food +2.0 % (both >= 2 % of 1500): no decline to report
    case = _dim_result(result, [("Automotive", 1000.0, 1070.0), ("Food", 500.0, 510.0)])
    sentence = text.dimension_text(case, "industry", "en")
    assert "none declined; Automotive grew fastest (+7.0%)" in sentence
    assert "lost most" not in sentence


def test_growth_ranking_leaves_out_small_bases_and_unknown(aerospace_case):
    ranked = aerospace_case.by_industry.set_index("key")["growth_ranked"].to_dict()
    assert ranked == {"Automotive": True, "Food": True, ov.UNKNOWN: False, "Aerospace": False}


def test_grew_fastest_is_the_maximum_of_the_growth_the_table_shows(aerospace_case):
    sentence = text.dimension_text(aerospace_case, "industry", "en")
    assert "with at least 2% of the prior period's revenue" in sentence
    assert "Automotive grew fastest (+7.0%) and Food lost most (−10.0%)" in sentence
    spec = text.dimension_table(aerospace_case, "industry", "en")
    shown = spec.df.set_index("key")["growth_shown"]
    assert math.isnan(shown["Aerospace"]) and math.isnan(shown[ov.UNKNOWN])
    assert shown.idxmax() == "Automotive" and shown.idxmin() == "Food"
    assert "at least 2% of the prior period's revenue" in spec.caption


def test_decisions_ranked_by_impact_with_owner_and_quarter(result):
    # top 10 % of 3 customers = 1 (C1, 2000 at stake); C2 and C4 among the 3 largest
    # are no key accounts (700 + 100 = 800); Chemie fell from 300 to -50 (350 lost,
    # 300 >= 2 % of 2200); no region lost; Chemie has no margin % (revenue not positive).
    # as_of 30 Jun 2026 is in Q2 -> next quarter Q3 2026
    got = text.decisions(result, "en")
    assert [d.kind for d in got] == ["secure_top", "key_accounts", "decline_industry"]
    assert [d.impact for d in got] == pytest.approx([2000, 800, 350])
    assert all(d.timing == "Q3 2026" for d in got)
    assert [d.owner for d in got] == ["Head of key account management", "Head of sales",
                                      "Industry manager"]  # fmt: skip
    assert "Beta GmbH" in got[1].text and "Delta SE" in got[1].text
    spec = text.decisions_table(result, "de")
    assert list(spec.df["priority"]) == [1, 2, 3]
    assert "2 T€" in spec.df["impact"].iloc[0]


def test_margin_decision_prices_the_gap_to_the_average(result):
    # window margin 650 / 2750 = 23.6 %; an industry with 20 % of revenue and 13.6 %
    # margin (10 points below) on 1000 revenue: 1000 x (650 / 2750 - 0.136) = 100.4
    table = result.by_industry.copy()
    extra = {"key": "Druck", "customers": 1, "revenue": 1000.0, "share": 0.2, "margin": 136.0,
             "margin_pct": 0.136, "prev_revenue": float("nan"), "growth": float("nan"),
             "growth_ranked": False}  # fmt: skip
    table = pd.concat([table, pd.DataFrame([extra])], ignore_index=True)
    d = text._decision_margin(dataclasses.replace(result, by_industry=table), "en")
    assert d.impact == pytest.approx(1000 * (650 / 2750 - 0.136))
    assert d.timing == "Q4 2026" and "Druck" in d.text


def test_summary_coverage_line(result):
    # first invoice 10.01.2024, as_of 30.06.2026, 5 customers in the master; window
    # revenue with a margin 2750 of 2750
    line = text.summary_coverage(result, "de")
    assert "vom 10.01.2024 bis 30.06.2026, 5 Kunden" in line and "100,0\xa0%" in line


def test_names_in_decisions_and_tables_are_escaped_and_whole():
    customers = CUSTOMERS.assign(name=["A", "Müller & <Söhne> Verpackungstechnik", "C", "D", "E"])
    r = ov.analyse(make_client(customers=customers))
    joined = " ".join(d.text for d in text.decisions(r, "de"))
    assert "Müller &amp; &lt;Söhne&gt; Verpackungstechnik" in joined
    top = text.top_table(r, "de").df["name_html"]
    assert top.str.contains("Müller &amp; &lt;Söhne&gt; Verpackungstechnik", regex=False).any()
    assert not top.str.contains("…").any()


@pytest.mark.parametrize("client_name", ["demo-maschinenbau", "demo-components"])
def test_overview_concentration_heading_uses_the_portfolio_figures(client_name):
    import kamlib
    from kamlib.analysis import portfolio

    client = kamlib.load_client(DEMO / client_name)
    p = portfolio.analyse(client).concentration
    r = ov.analyse(client)
    assert (r.concentration.customers, r.concentration.customers_for_80) == (
        p.customers,
        p.customers_for_80,
    )
    assert r.concentration.top10_share == pytest.approx(p.top10_share)
    assert r.concentration.top20_share == pytest.approx(p.top20_share)
    heading = text.heading_concentration(r, "en")
    assert heading.startswith(f"{p.customers_for_80:,} of {p.customers:,} customers")


# ---------------------------------------------------------------- rendered deliverables
# One render of both demo clients (each in its own language, HTML only) per session;
# every statement checked below is read from the page and compared with the table
# or the figure it describes.

_QUARTER = re.compile(r"Q[1-4] 20\d\d")


@pytest.fixture(scope="module")
def rendered_demos(tmp_path_factory: pytest.TempPathFactory):
    from bs4 import BeautifulSoup

    import kamlib
    from kamlib.i18n import Formatter
    from kamlib.render import render

    base = tmp_path_factory.mktemp("overview-demos")
    dirs = [DEMO / "demo-maschinenbau", DEMO / "demo-components"]
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("KAM_CACHE_DIR", str(base / "cache"))
        batch = render(dirs, modules=["overview"], formats=("html",), out_dir=base / "out")
    assert batch.ok, [i.message for i in batch.items]
    pages = {}
    for item in batch.items:
        client = kamlib.load_client(DEMO / Path(item.client).name)
        page = Path(item.outputs["html"]).read_text(encoding="utf-8")
        f = Formatter.for_client(client, item.lang)
        pages[client.client_dir.name] = (client, f, BeautifulSoup(page, "html.parser"))
    return pages


def _clean(node) -> str:
    return node.get_text(" ", strip=True).replace("¶", "").strip()


def _section(soup, heading: str):
    """The h2 whose text is ``heading`` and the elements up to the next h2."""
    h2 = next(h for h in soup.find_all("h2") if _clean(h) == heading)
    parts = []
    for el in h2.find_all_next(["h2", "p", "table"]):
        if el.name == "h2":
            break
        parts.append(el)
    return parts


def _pct(cell: str) -> float:
    """``+7.0%`` / ``−10,4 %`` -> 7.0 / -10.4."""
    s = cell.replace("−", "-").replace("+", "").replace("%", "").replace("\xa0", "").strip()
    return float(s.replace(",", "."))


def _rows(table) -> list[list[str]]:
    return [[_clean(td) for td in tr.find_all("td")] for tr in table.find("tbody").find_all("tr")]


DEMO_NAMES = ["demo-maschinenbau", "demo-components"]


@pytest.mark.e2e
@pytest.mark.parametrize("name", DEMO_NAMES)
def test_rendered_headings_state_the_computed_messages(rendered_demos, name):
    client, f, soup = rendered_demos[name]
    r = ov.analyse(client)
    headings = [_clean(h) for h in soup.find_all("h2")]
    assert headings[1:] == [
        text.heading_yearly(r, f),
        text.heading_monthly(r, f),
        text.heading_dimension(r, "industry", f),
        text.heading_dimension(r, "region", f),
        text.heading_top(r, f),
        text.heading_concentration(r, f),
        text.heading_flow(r, f),
        f.t("overview.h_appendix"),
    ]
    # the data check sits in the appendix, after every section; the summary keeps one line
    body = str(soup.body)
    appendix = body.index(f.t("overview.h_appendix"))
    assert body.count('class="kam-quality"') == 1
    assert body.index('class="kam-quality"') > appendix
    summary = soup.find(class_="kam-summary")
    coverage = text.summary_coverage(r, f)  # plain text: dates, counts, a percentage
    assert _clean(summary.find_all("li")[-1]) == coverage


@pytest.mark.e2e
@pytest.mark.parametrize("name", DEMO_NAMES)
@pytest.mark.parametrize("dimension", ["industry", "region"])
def test_rendered_growth_sentence_names_the_table_extremes(rendered_demos, name, dimension):
    client, f, soup = rendered_demos[name]
    r = ov.analyse(client)
    parts = _section(soup, text.heading_dimension(r, dimension, f))
    paragraph = " ".join(_clean(p) for p in parts if p.name == "p")
    table = next(p for p in parts if p.name == "table")
    shown = {row[0]: row[-1] for row in _rows(table)[:-1] if row[-1] not in ("", "–")}
    values = {label: _pct(cell) for label, cell in shown.items()}
    up = max(values, key=values.get)
    down = min(values, key=values.get)
    if f.lang == "en":
        claims = (f"{up} grew fastest ({shown[up]})", f"{down} lost most ({shown[down]})")
        base = "with at least 2% of the prior period's revenue"
    else:
        claims = (
            f"wuchs {up} am stärksten ({shown[up]})",
            f"{down} verlor am meisten ({shown[down]})",
        )
        base = "mit mindestens 2\xa0% des Vorperiodenumsatzes"
    caption = _clean(table.find("caption"))
    assert base in caption  # the table states the base its growth column is shown on
    # the leader is named when it grew, the laggard when it shrank, always with the base
    assert (claims[0] in paragraph) == (values[up] > 0), paragraph
    assert (claims[1] in paragraph) == (values[down] < 0), paragraph
    assert (base in paragraph) == (values[up] > 0 or values[down] < 0)


@pytest.mark.e2e
@pytest.mark.parametrize("name", DEMO_NAMES)
def test_rendered_top_and_concentration_figures_match_table_and_portfolio(rendered_demos, name):
    from kamlib.analysis import portfolio

    client, f, soup = rendered_demos[name]
    r = ov.analyse(client)
    parts = _section(soup, text.heading_top(r, f))
    table = next(p for p in parts if p.name == "table")
    rows = _rows(table)
    # the heading's share is the last row's cumulative share in the table below it
    cumulative = rows[-1][-2] if r.key_account_flag else rows[-1][-1]
    assert text.heading_top(r, f) == f.t(
        "overview.hd_top", count=len(rows), n=f.int(len(rows)), share=cumulative
    )
    # every name in full (never shortened) and none without revenue
    names = [row[1] for row in rows]
    assert names == list(r.top_customers["name"])
    assert (r.top_customers["revenue"] > 0).all()
    p = portfolio.analyse(client).concentration
    heading = text.heading_concentration(r, f)
    assert heading in [_clean(h) for h in soup.find_all("h2")]
    assert heading.startswith(
        f.t("overview.hd_concentration", k80=f.int(p.customers_for_80), n=f.int(p.customers),
            k80_share=f.pct(p.customers_for_80_share))
    )  # fmt: skip


@pytest.mark.e2e
@pytest.mark.parametrize("name", DEMO_NAMES)
def test_rendered_summary_ends_with_three_to_five_decisions(rendered_demos, name):
    client, f, soup = rendered_demos[name]
    h3 = next(h for h in soup.find_all("h3") if _clean(h) == f.t("overview.h_decisions"))
    rows = _rows(h3.find_next("table"))
    assert 3 <= len(rows) <= 5
    assert [row[0] for row in rows] == [str(i) for i in range(1, len(rows) + 1)]
    decisions = text.decisions(ov.analyse(client), f)
    for row, decision in zip(rows, decisions, strict=True):
        # the amount shown is the computed impact; owner and quarter are filled
        assert row[2].startswith(f.money_short(decision.impact)), row
        assert row[3].startswith(decision.owner) and _QUARTER.search(row[3]), row
    impacts = [d.impact for d in decisions]
    assert impacts == sorted(impacts, reverse=True)


def test_flow_sentence_sums_wins_and_losses_over_the_same_years(result_c3_lost):
    # data start January 2024, so new customers are known from 2025 on (12 months later):
    # 2025: 0 new, 1 lost (C3); 2026 YTD: 1 new (C4), 0 lost -> 1 won, 1 lost, net ±0;
    # 2024's losses (new unknown) stay out of the sum
    flow = result_c3_lost.customer_flow
    known = flow[flow["new"].notna()]
    assert list(known["year"]) == [2025, 2026]
    sentence = text.flow_text(result_c3_lost, "en")
    assert sentence.startswith(
        "In 2025 and 2026 YTD, the years in which a new customer can be told from a returning "
        "one, 1 customer was won and 1 lost: net ±0."
    )
    assert int(known["new"].sum()) == 1 and int(known["lost"].sum()) == 1
