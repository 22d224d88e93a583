"""Executive summary, section texts, KPI tiles and tables of the portfolio deliverable.

Expected numbers come from the hand-built fixture in tests/fake_portfolio.py
(``small_result``: eight customers, 1,000,000 revenue); the arithmetic is in
the comments.
"""

import pandas as pd
import pytest

from kamlib import report
from kamlib.i18n import Formatter
from kamlib.narrative import portfolio as text

try:  # tests/ may or may not be a package
    from tests.fake_portfolio import random_result, small_result
except ImportError:  # pragma: no cover - depends on pytest's import mode
    from fake_portfolio import random_result, small_result

NBSP = "\xa0"


@pytest.fixture
def small():
    return small_result()


@pytest.fixture(scope="module")
def big():
    return random_result(20_000)


@pytest.mark.parametrize("lang", ["de", "en"])
def test_summary_has_three_to_five_findings(small, lang):
    findings = text.executive_summary(small, lang)
    assert 3 <= len(findings) <= 5


def test_summary_orders_concentration_upside_protect_stop_key_accounts(small):
    findings = text.executive_summary(small, "en")
    heads = [f.split("</strong>")[0] for f in findings]
    assert heads == [
        "<strong>Concentration risk:",
        "<strong>Where the upside is:",
        "<strong>Whom to protect:",
        "<strong>What to stop:",
        "<strong>Review key-account status:",
    ]


def test_concentration_uses_the_shared_base_and_names_the_top_customer(small):
    finding = text.finding_concentration(small, "de")
    # base: the 7 customers with revenue > 0 (K8 has none); cumulative 40 / 70 / 85 %:
    # the fewest customers reaching 80 % are K1-K3 -> "3 der 7"
    assert f"3 der 7 Kunden mit Umsatz machen 80{NBSP}% des Umsatzes" in finding
    # the top customer has 400,000 / 1,000,000 = 40 % >= 10 %: the risk variant names it
    assert finding.startswith("<strong>Klumpenrisiko:")
    assert f"Alpha Maschinen GmbH, allein 40,0{NBSP}%" in finding


def test_concentration_without_a_dominant_customer_is_not_called_a_risk(big):
    # the largest of 20,000 long-tailed customers stays below the 10 % line
    top = big.customers["revenue_share"].max()
    assert top < text.TOP_CUSTOMER_RISK
    assert text.finding_concentration(big, "en").startswith("<strong>Concentration:</strong>")


def test_upside_reports_develop_zone_revenue_wallet_gap_and_weakest_criterion(small):
    finding = text.finding_upside(small, "en")
    # develop = K2 (300,000) + K4 (80,000) = €380k; gaps 600,000-300,000 + 400,000-80,000 = €620k
    assert "2 customers in the develop zone buy €380k" in finding
    assert "€620k of their demand" in finding
    # K2 attractiveness 30, K4 45: every attractiveness criterion has the same mean, the
    # first in weight order (decision_access) is named
    assert "“Access to decision makers”" in finding


def test_upside_without_annual_demand_asks_for_it(small):
    small.customers["wallet_gap"] = float("nan")
    finding = text.finding_upside(small, "de")
    assert "fehlt der Jahresbedarf" in finding


def test_no_develop_customers_means_no_upside_finding(small):
    small.customers["zone"] = small.customers["zone"].replace("develop", "maintain")
    assert text.finding_upside(small, "en") is None
    assert len(text.executive_summary(small, "en")) >= 3


def test_protect_with_one_customer_uses_the_singular(small):
    finding = text.finding_protect(small, "de")
    # only K1 is in the protect zone, 40,0 %, already a key account
    assert "Einziger Kunde der Schutzzone ist Alpha Maschinen GmbH" in finding
    assert f"40,0{NBSP}%" in finding
    assert "nicht als Key Account" not in finding


def test_protect_counts_customers_not_yet_managed_as_key_accounts(big):
    finding = text.finding_protect(big, "en")
    prot = big.customers[big.customers["zone"] == "protect"]
    unflagged = int((~prot["is_key_account"]).sum())
    assert f"{unflagged:,} of them are not yet managed as key accounts" in finding


def test_withdraw_says_only_when_the_zone_earns_less_than_its_head_count(small):
    finding = text.finding_withdraw(small, "de")
    # K5, K6, K8: 3 of 8 = 37,5 % of customers with (40,000 + 20,000) / 1,000,000 = 6,0 %
    assert f"3 Kunden (37,5{NBSP}% des Stamms)" in finding and f"nur 6,0{NBSP}%" in finding


def test_withdraw_with_heavy_revenue_warns_before_cutting(small):
    small.customers.loc[small.customers["customer_id"] == "K1", "zone"] = "withdraw"
    finding = text.finding_withdraw(small, "en")
    # K1 joins: 4 of 8 = 50.0 % of customers with 46.0 % of revenue... still below
    assert "bring only 46.0%" in finding
    small.customers.loc[small.customers["customer_id"] == "K2", "zone"] = "withdraw"
    # K2 too: 5 of 8 = 62.5 % with 76.0 % of revenue -> not "only"
    heavy = text.finding_withdraw(small, "en")
    assert "yet bring 76.0% of revenue" in heavy and "only" not in heavy


def test_key_account_mismatches_name_both_directions(small):
    finding = text.finding_key_accounts(small, "de")
    # K2 qualifies (72 >= 60) but is not flagged; K5 is flagged with 30 < 60
    assert "Beta Anlagenbau AG erfüllt die Key-Account-Kriterien" in finding
    assert (
        "ein heutiger Key Account (Epsilon Handel OHG) liegt unter der Schwelle von 60 Punkten"
        in finding
    )


def test_matching_key_accounts_are_confirmed(small):
    small.ka_not_flagged = small.ka_not_flagged.iloc[0:0]
    small.ka_flagged_not_qualified = small.ka_flagged_not_qualified.iloc[0:0]
    finding = text.finding_key_accounts(small, "en")
    # K1 (90), K2 (72), K3 (65) reach 60
    assert "3 customers qualify and all are already managed" in finding


def test_customer_names_are_html_escaped(small):
    small.customers.loc[0, "customer_name"] = "<b>Evil & Co</b>"
    finding = text.finding_concentration(small, "en")
    assert "&lt;b&gt;Evil &amp; Co&lt;/b&gt;" in finding and "<b>" not in finding


def test_kpi_tiles_show_wallet_gap_of_high_potential_zones(small):
    tiles = dict((label, (value, note)) for label, value, note in text.kpi_tiles(small, "de"))
    # protect + develop gaps: K1 100,000 + K2 300,000 + K4 320,000 = 720 T€
    assert tiles["Ungenutztes Potenzial"][0] == "720 T€"
    assert tiles["Kunden mit Umsatz"] == ("7", "von 8 im Stamm")
    assert tiles["Umsatz im Analysezeitraum"][0] == f"1.000.000{NBSP}€"
    assert tiles["Key-Account-Kandidaten"] == ("3", "3 heute als KA geführt")


def test_wallet_text_sums_known_demand(small):
    sentence = text.wallet_text(small, "en")
    # demand known for K1-K6: 500+600+160+400+45+25 = €1,730,000 vs revenue €990,000 -> 57.2 %
    assert "known for 6 customers" in sentence
    assert (
        "€990,000 from us against a demand of €1,730,000 – a share of wallet of 57.2%" in sentence
    )
    # gaps 100+300+10+320+5+5 = 740k; protect+develop hold 720k / 740k = 97.3 %
    assert "97.3% of the €740,000 gap" in sentence


def test_lorenz_text_reports_customers_behind_80_percent(small):
    sentence = text.lorenz_text(small, "de")
    # cumulative 40 / 70 / 85 %: 3 customers; base 7 with revenue -> 3 / 7 = 42,9 %;
    # all 7 < 10 -> the ten largest = 100 %
    assert sentence.startswith(
        f"3 Kunden (42,9{NBSP}% der 7 Kunden mit Umsatz im Zeitraum) machen 80{NBSP}% des Umsatzes"
    )
    assert f"zehn größten Kunden stehen für 100,0{NBSP}%" in sentence


def test_sensitivity_text_names_the_most_sensitive_weight(small):
    sentence = text.sensitivity_text(small, "en")
    # fixture: changed share 0.01 * position * 1.5 for "up"; margin_quality is 5th -> 7.5 %
    assert "85.0% of customers stay in their zone" in sentence
    assert "“Margin quality”: 7.5% of customers" in sentence
    assert "robust" in sentence


def test_top_customer_table_is_capped_with_a_pointer_to_the_export(big):
    spec = text.top_customers_table(big, "en")
    assert len(spec.df) == big.settings.top_n == 20
    assert len(spec.columns) <= 7
    assert spec.note.startswith("Showing the first 20 of")


def test_every_table_fits_seven_columns(small):
    specs = [
        text.matrix_table(small, "de"),
        text.top_customers_table(small, "de"),
        text.zone_table(small, "de"),
        text.wallet_table(small, "de"),
        text.ka_table(small, "de"),
        text.mismatch_table(small, "not_flagged", "de"),
        text.types_table(small, "de"),
        text.programs_table(small, "de"),
        text.weights_table(small, "de"),
    ]
    assert all(len(s.columns) <= 7 for s in specs)


def test_matrix_table_lists_nine_fields_plus_new_and_no_revenue(small):
    spec = text.matrix_table(small, "en")
    assert list(spec.df["field"]) == [
        "AX", "AY", "AZ", "BX", "BY", "BZ", "CX", "CY", "CZ", "new", "no revenue",
    ]  # fmt: skip
    assert spec.df.loc[0, "handling"].startswith("<strong>Secure the core:</strong>")


def test_empty_mismatch_list_shows_a_sentence_not_an_empty_table(small):
    small.ka_flagged_not_qualified = small.ka_flagged_not_qualified.iloc[0:0]
    html = report.table(text.mismatch_table(small, "flagged_not", "en"), Formatter("en"))
    assert "No customers in this group." in html and "<table" not in html


def test_zone_cards_carry_all_four_topics_in_zone_order(small):
    items, colours = text.zone_cards(small, "de")
    assert [title for title, _ in items] == [
        "Schutzzone",
        "Entwicklungszone",
        "Pflegezone",
        "Rückzugszone",
    ]
    for _, body in items:
        for topic in (
            "Betreuung und Besuche",
            "Cross- und Upselling",
            "Preise und Konditionen",
            "Bindungsinstrumente",
        ):
            assert topic in body
    assert len(colours) == 4


def test_programs_table_formats_quarters_and_targets(small):
    spec = text.programs_table(small, "en")
    # fixture: quarters 1-3; program 1 targets the first 4 high-potential customers (K1, K2, K4)
    assert list(spec.df["quarter"]) == ["Q1", "Q2", "Q3"]
    assert spec.df.loc[0, "targets"] == 3
    assert "Share-of-wallet campaign" in spec.df.loc[0, "program"]


@pytest.mark.parametrize(
    ("value", "lang", "expected"),
    [("2026-Q3", "de", f"Q3{NBSP}2026"), ("2027-Q1", "en", f"Q1{NBSP}2027"), (2, "en", "Q2")],
)
def test_quarter_label(value, lang, expected):
    assert text.quarter_label(value, lang) == expected


def test_join_names_uses_language_and_counts_the_rest():
    assert text.join_names(["A", "B", "C"], "de") == "A, B und C"
    assert text.join_names(["A", "B"], "en") == "A and B"
    assert text.join_names(["A", "B", "C"], "en", total=10) == "A, B, C and 7 more"


def test_type_names_translate_joined_keys():
    assert text.type_names("breadwinner;image_maker", "de") == "Ernährer, Imageträger"
    assert text.type_names("", "en") == ""


def test_method_appendix_states_the_configured_cut_offs(small):
    paragraphs = text.method_paragraphs(small, "de")
    assert f"unter 80{NBSP}% der Summe" in paragraphs[0] and f"B unter 95{NBSP}%" in paragraphs[0]
    assert "X bis 0,50, Y bis 1,00" in paragraphs[1]
    assert "Schutzzone" in paragraphs[3]


def test_weights_table_shows_normalised_weights(small):
    df = text.weights_table(small, "en").df
    assert df.groupby("axis")["weight"].sum().round(9).tolist() == [1.0, 1.0]
    assert (df.loc[df["criterion"] == "Margin quality", "source"] == "data").all()


def test_summary_for_20000_customers_stays_short(big):
    findings = text.executive_summary(big, "de")
    assert len(findings) <= 5
    # names are capped at three plus "und N weitere"
    assert all(f.count("Kunde ") <= 8 for f in findings)
    assert isinstance(pd.DataFrame(text.kpi_tiles(big, "de")), pd.DataFrame)


def test_placement_gap_is_silent_when_customers_are_placed():
    assert text.placement_gap(small_result(), "de") is None


def test_placement_gap_names_the_axis_without_any_criterion():
    # nobody placed; the default potential weights (future_demand, share_of_wallet, growth)
    # are all missing, attractiveness lacks only one of its criteria -> only potential named
    result = small_result()
    result.customers["zone"] = ""
    result.missing_criteria = {
        "potential": ["future_demand", "share_of_wallet", "growth"],
        "attractiveness": ["chemistry"],
    }
    de = text.placement_gap(result, "de")
    assert "für die Achse Potenzial liegt keines der Kriterien vor" in de
    assert "Attraktivität liegt" not in de
    en = text.placement_gap(result, "en")
    assert "no criterion of the Potential axis is available" in en


def test_wallet_data_needs_a_demand_above_zero():
    result = small_result()
    assert text.has_wallet_data(result)
    result.customers["potential"] = 0.0  # filled in, but no demand: nothing to compare with
    assert not text.has_wallet_data(result)
    assert text.wallet_text(result, "en") == text.t("portfolio.text.wallet_missing", "en")


# ------------------------------------------------ method 1a and the storyline
# (statements computed from the result and compared with the table beside them)

import dataclasses  # noqa: E402
import re  # noqa: E402

import kamlib  # noqa: E402
from kamlib.analysis.portfolio import analyse, capacity_check  # noqa: E402

DEMOS = [("demo-maschinenbau", "de"), ("demo-components", "en")]


@pytest.fixture(scope="module", params=DEMOS, ids=[d for d, _ in DEMOS])
def demo(request):
    name, lang = request.param
    client = kamlib.load_client(f"client_data/{name}")
    return analyse(client), Formatter.for_client(client, lang)


def _ints(text_: str) -> list[int]:
    """Every whole number in a text (thousands separators . , or no-break space removed)."""
    return [int(re.sub(r"[.,\xa0]", "", m)) for m in re.findall(r"\d[\d.,\xa0]*\d|\d", text_)]


def test_concentration_heading_sentence_and_finding_share_one_base(demo):
    result, f = demo
    n80 = result.concentration.customers_for_80
    base = result.concentration.customers
    heading = text.headings(result, f)["concentration"]
    assert _ints(heading)[0] == n80
    assert _ints(text.lorenz_text(result, f))[:1] == [n80]
    finding = text.finding_concentration(result, f)
    assert _ints(finding)[:2] == [n80, base]
    # the base is the customers with revenue > 0, as in the overview
    assert base == int((result.customers["revenue"].round(2) > 0).sum())


def test_abc_zone_ka_headings_match_their_tables(demo):
    result, f = demo
    h = text.headings(result, f)
    abc = result.abc_summary.set_index("abc_class")
    assert _ints(h["abc_xyz"])[0] == abc.loc["A", "customers"]
    zt = text.zone_table(result, f).df.set_index("zone")
    assert _ints(h["zones"])[:2] == [zt.loc["protect", "customers"], zt.loc["develop", "customers"]]
    qualified = int(result.ka_ranking["qualifies"].sum())
    flagged = int(result.customers["is_key_account"].sum())
    assert _ints(h["ka"])[:2] == [qualified, flagged]


def test_types_heading_counts_its_stated_base_all_customers(demo):
    result, f = demo
    heading = text.headings(result, f)["types"]
    # the table counts every customer carrying a type, so the heading does too and says so
    typed = int((result.customers["customer_type"].fillna("") != "").sum())
    assert _ints(heading)[0] == typed
    assert ("whole base" in heading) or ("gesamten Stamms" in heading)
    assert "key accounts" not in heading.lower() and "Key Accounts" not in heading


def test_scope_text_counts_placed_out_of_scope_and_to_rate(demo):
    result, f = demo
    sentence = text.scope_text(result, f)
    placed = int((result.customers["status"] == "placed").sum())
    out = int((result.customers["status"] == "out_of_scope").sum())
    to_rate = int((result.customers["status"] == "to_rate").sum())
    numbers = _ints(sentence)
    assert numbers[0] == placed
    assert out in numbers and to_rate in numbers
    assert ("C-customer module" in sentence) or ("Modul C-Kunden" in sentence)
    h = text.headings(result, f)
    assert _ints(h["matrix"])[:2] == [placed, to_rate]
    assert _ints(h["to_rate"])[0] == to_rate


def test_to_rate_table_is_ranked_by_revenue_and_capped(demo):
    result, f = demo
    spec = text.to_rate_table(result, f)
    assert list(spec.df["revenue"]) == sorted(spec.df["revenue"], reverse=True)
    assert len(spec.df) == min(result.settings.top_n, len(result.to_rate))
    # the table shows the largest of the whole list
    assert spec.df["revenue"].iloc[0] == result.to_rate["revenue"].max()


def test_capacity_heading_and_text_match_the_capacity_table(demo):
    result, f = demo
    cap = result.capacity
    table = text.capacity_table(result, f).df
    required = table["required"].iloc[-2]  # the total row, then the visits made
    actual = table["required"].iloc[-1]
    assert (required, actual) == (cap.required, cap.actual)
    assert _ints(text.headings(result, f)["capacity"])[:3] == [cap.required, cap.actual, cap.year]
    sentence = text.capacity_text(result, f)
    if cap.over:  # the sentence says what to change, with the capacity table's numbers
        fix = text.capacity_fix(result, f)
        assert fix in sentence
        assert _ints(fix)[:4] == [cap.actual, 12, cap.fitting_frequency, cap.excess]
    else:  # the plan fits: the sentence names required and actual visits, no fix
        assert cap.required <= cap.actual * (1 + cap.tolerance)
        assert _ints(sentence)[:2] == [cap.required, cap.actual] or (
            f.int(cap.required) in sentence and f.int(cap.actual) in sentence
        )


def test_capacity_fix_sentence_on_a_hand_computed_plan(small):
    # protect 10 x 12 = 120, develop 5 x 6 = 30 -> 150 visits needed; 100 made in 2025:
    # 150 > 100 x 1.2 -> over. Capacity to add 150 - 100 = 50. Trim the largest load
    # (protect): 100 - 30 = 70 visits left for 10 customers -> 7 visits a year each.
    visits = pd.Series({2025: 100.0})
    cap = capacity_check(
        {"protect": 10, "develop": 5, "maintain": 0, "withdraw": 0},
        {"protect": 12, "develop": 6, "maintain": 4, "withdraw": 1},
        visits,
        pd.Timestamp("2026-06-30"),
    )
    result = dataclasses.replace(small, capacity=cap)
    sentence = text.capacity_fix(result, "en")
    assert "from 12 to 7 visits per customer and year" in sentence
    assert "add 50 visits of field capacity" in sentence
    assert "To fit 100 visits" in sentence
    over = text.capacity_text(result, "en")
    assert "150 visits a year" in over and "made 100 in 2025" in over and "50% more" in over
    assert text.headings(result, "en")["capacity"].startswith("The visit plan needs 150 visits")


def test_capacity_within_tolerance_says_the_plan_fits(small):
    # 150 needed, 130 made: 150 <= 130 x 1.2 = 156 -> fits
    cap = capacity_check(
        {"protect": 10, "develop": 5, "maintain": 0, "withdraw": 0},
        {"protect": 12, "develop": 6, "maintain": 4, "withdraw": 1},
        pd.Series({2025: 130.0}),
        pd.Timestamp("2026-06-30"),
    )
    result = dataclasses.replace(small, capacity=cap)
    assert "The plan fits" in text.capacity_text(result, "en")
    assert "fits the field force" in text.headings(result, "en")["capacity"]


def test_program_targets_are_named_ranked_owned_and_never_empty_customers(demo):
    result, f = demo
    sections = text.program_sections(result, f)
    assert len(sections) == len(result.focus_programs)
    c = result.customers.set_index("customer_id")
    for (heading, body, spec), (_, prog) in zip(
        sections, result.focus_programs.iterrows(), strict=True
    ):
        df = spec.df
        assert 1 <= len(df) <= result.settings.programs.max_targets
        # action name, not the problem
        assert text.action_name(prog["action"], f) in heading
        assert "No access" not in heading and "Kein Zugang" not in heading
        # ranked by opportunity; every target has revenue or a known potential
        opp = list(df["opportunity"])
        assert opp == sorted(opp, reverse=True)
        rev = c.loc[df["customer_id"], "revenue"].round(2)
        pot = c.loc[df["customer_id"], "potential"].fillna(0)
        assert ((rev > 0) | (pot > 0)).all()
        assert df["owner"].astype(str).str.len().gt(0).all()
        # the body states the table's count and candidates
        assert _ints(body).count(len(df)) >= 1


def test_programs_heading_counts_distinct_targets_and_their_target(demo):
    result, f = demo
    tg = result.program_targets.drop_duplicates("customer_id")
    heading = text.headings(result, f)["programs"]
    assert _ints(heading)[:2] == [len(result.focus_programs), len(tg)]
    assert f.money_short(tg["target_eur"].sum()) in heading


def test_summary_ends_with_three_to_five_decisions_with_money_owner_and_timing(demo):
    result, f = demo
    items = text.summary_items(result, f, coverage="X.")
    decisions = text.decisions(result, f)
    assert 3 <= len(decisions) <= 5
    assert items[-1].count("<li>") == len(decisions)
    owner = "owner:" if f == "en" else "verantwortlich:"
    for d in decisions:
        assert owner in d
        assert "€" in d
        assert re.search(r"Q[1-4]\xa0\d{4}", d)
    # the program decisions quote the figures of the program tables
    for (_, prog), d in zip(result.focus_programs.head(text.PROGRAM_DECISIONS).iterrows(),
                            [d for d in decisions if "named" in d or "benannten" in d], strict=True):  # fmt: skip
        tg = result.program_targets[result.program_targets["program"] == prog["criterion"]]
        assert f.money_short(tg["wallet_gap"].sum()) in d
        assert f.money_short(prog["target_eur"]) in d
    # the data coverage line sits before the decisions
    assert "X." in items[-2]
    # a deadline is the end of the quarter after as_of, never "before" a quarter that
    # starts the day after as_of (as_of 30 Sep 2026 -> "By the end of Q4 2026")
    nxt = pd.Timestamp(result.as_of).to_period("Q") + 1
    deadline = f"Q{nxt.quarter}\xa0{nxt.year}"
    lead = "By the end of " if f == "en" else "Bis Ende "
    assert any(f"<strong>{lead}{deadline}:</strong>" in d for d in decisions)


def test_protect_card_does_not_call_every_protect_customer_a_key_account(demo):
    result, f = demo
    cards, _ = text.zone_cards(result, f)
    body = cards[0][1]
    assert "our key accounts" not in body and "unsere Schlüsselkunden" not in body
    # the planned visits from config are on every card
    for (_, b), zone in zip(cards, ("protect", "develop", "maintain", "withdraw"), strict=True):
        visits = getattr(result.settings.visits_per_year, zone)
        assert f"{f.num(visits)} " in b


def test_provisional_placements_are_marked_in_tables(small):
    customers = small.customers.copy()
    customers["provisional"] = customers["customer_id"] == "K1"
    result = dataclasses.replace(small, customers=customers)
    spec = text.top_customers_table(result, "en")
    labels = dict(zip(spec.df["customer_id"], spec.df["zone_label"], strict=True))
    assert labels["K1"].endswith("(provisional)")
    assert not labels["K2"].endswith("(provisional)")


@pytest.fixture(scope="module")
def rendered(tmp_path_factory):
    """Both demo clients' portfolio rendered to HTML (real notebook, real data)."""
    from kamlib.render import render

    out = tmp_path_factory.mktemp("portfolio_html")
    pages = {}
    for name, _lang in DEMOS:
        res = render([f"client_data/{name}"], modules=["portfolio"], formats=("html",),
                     out_dir=out)  # fmt: skip
        (item,) = res.items
        assert res.ok, item.message + "\n" + item.details
        client = kamlib.load_client(f"client_data/{name}")
        f = Formatter.for_client(client, item.lang)
        html_ = (out / name / item.lang / "portfolio.html").read_text(encoding="utf-8")
        pages[name] = (html_, analyse(client), f)
    return pages


def _h2(html_: str) -> list[str]:
    import html as html_lib

    found = re.findall(r"<h2[^>]*>(.*?)</h2>", html_, flags=re.S)
    return [_plain(html_lib.unescape(re.sub(r"<[^>]+>", "", h))) for h in found]


def _plain(text_: str) -> str:
    """Heading text as compared: no-break spaces as spaces, no anchor sign."""
    return text_.replace("\xa0", " ").replace("¶", "").strip()


@pytest.mark.e2e
@pytest.mark.parametrize("name", [d for d, _ in DEMOS])
def test_rendered_headings_state_the_results_figures(rendered, name):
    html_, result, f = rendered[name]
    heads = _h2(html_)
    h = {k: _plain(v) for k, v in text.headings(result, f).items()}
    # every computed heading is on the page, in the order of the storyline
    order = ["abc_xyz", "concentration", "matrix", "zones", "capacity", "wallet", "ka",
             "sensitivity", "programs", "appendix"]  # fmt: skip
    positions = [heads.index(h[k]) for k in order]
    assert positions == sorted(positions)
    # "N customers make 80 %" on the page is the result's figure on the shared base
    conc = next(x for x in heads if x == h["concentration"])
    assert _ints(conc)[0] == result.concentration.customers_for_80
    cap = result.capacity
    assert _ints(h["capacity"])[:2] == [cap.required, cap.actual]
    # summary first, data quality only in the appendix (after its heading)
    start = html_.index('<div class="kam-summary"')
    assert start < html_.index("<h2 id=")
    appendix = html_.index(">" + h["appendix"] + "<")
    assert html_.index('<div class="kam-quality"') > appendix
    # decisions close the summary
    summary = html_[start : html_.index("</div>", start)]
    assert "<ol>" in summary and summary.count("<li>") >= 3 + 3


def test_type_examples_never_name_a_customer_without_revenue_and_demand(small):
    customers = small.customers.copy()
    # K8 (no revenue) becomes a breadwinner without any known demand
    k8 = customers["customer_id"] == "K8"
    customers.loc[k8, ["customer_type", "potential"]] = ["breadwinner", float("nan")]
    if "type_breadwinner" in customers:
        customers.loc[k8, "type_breadwinner"] = True
    result = dataclasses.replace(small, customers=customers)
    row = text.types_table(result, "en").df.iloc[0]
    name = customers.loc[k8, "customer_name"].iloc[0]
    assert name not in row["examples"]
    # it still counts as a member of the type (3 = K1, K2 and K8)
    assert row["customers"] == 3


def test_sensitivity_sentence_names_every_criterion_tied_at_the_top(small):
    # fixture: strategy up 6.0 %, margin_quality up 7.5 % (the top); lowered to 6.0 % both tie
    s = small.sensitivity
    s.loc[(s["criterion"] == "margin_quality") & (s["direction"] == "up"), "changed_share"] = 0.06
    strategy, margin = (text.criterion_label(c, "de") for c in ("strategy", "margin_quality"))
    sentence = text.sensitivity_text(small, "de")
    # ordered by share, ties in the table's order: strategy (row 13) before margin (row 15)
    assert f"auf die Gewichte „{strategy}“ und „{margin}“: bei jedem wechseln 6,0" in sentence
    # one criterion alone keeps the singular
    s.loc[s["criterion"] == "strategy", "changed_share"] = 0.01
    en = text.criterion_label("margin_quality", "en")
    assert f"the weight of “{en}”: 6.0% of customers" in text.sensitivity_text(small, "en")
