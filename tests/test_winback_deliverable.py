"""Win-back deliverable: narrative, decisions, charts, export and workshop panel.

All on the hand-computed client of ``tests/analysis/test_winback.py`` (as_of
2026-06-30, N = 12). From there:

- lost in the report years: 2024 J (600), 2025 B (900) and D (0), 2026 A (500)
  and I (70): 5 customers, 2 070 lost revenue; loss rate 2025 = 2 / 5.
- reasons of these five: B quality, A price, I other, J and D unknown
  (J's record is blank, D has none): 2 without a reason, 600 lost revenue.
- win-back candidates (priority and lost revenue > 0): B, A, I, J (D lost
  nothing); former revenue 900 + 500 + 70 + 600 = 2 070, expected
  900 x 0.5 + 500 x 0.6 + 70 x 0.5 + 600 x 0.5 = 1 085.
- at risk (active, last purchase before 2025-09-30 = as_of - 9 months, revenue
  in the window > 0): H (last 2025-08-10, revenue 60); C's window revenue is 0.
"""

from __future__ import annotations

from pathlib import Path

import matplotlib.pyplot as plt
import pandas as pd
import pytest

from kamlib.analysis import winback as wb
from kamlib.charts import winback as charts
from kamlib.export import export_frame, write_export
from kamlib.modules import get_module
from kamlib.narrative import winback as text
from tests.analysis.test_winback import LINES, _client


@pytest.fixture(scope="module")
def result() -> wb.WinbackResult:
    return wb.analyse(_client())


@pytest.fixture(scope="module")
def no_reasons() -> wb.WinbackResult:
    return wb.analyse(_client(lost_reasons=None))


# ---------------------------------------------------------------- facts and sentences


def test_facts_follow_the_year_table(result):
    assert text.lost_total(result) == (5, pytest.approx(2070.0))
    row = text.rate_row(result)
    assert int(row["year"]) == 2025 and row["loss_rate"] == pytest.approx(2 / 5)
    assert text.unknown_losses(result) == (2, pytest.approx(600.0))
    n, revenue, expected = text.campaign(result)
    assert (n, revenue, expected) == (4, pytest.approx(2070.0), pytest.approx(1085.0))
    assert text.candidates(result)["customer_id"].tolist() == ["B", "A", "I", "J"]
    assert text.at_risk(result)["customer_id"].tolist() == ["H"]
    assert text.top_fixable_reason(result)["reason"] == "quality"


def test_summary_sentences_quote_the_table_figures(result):
    de = text.executive_summary(result, "de")
    assert "Seit Anfang 2024 gingen 5 Kunden verloren (davon 2 im laufenden Jahr" in de[0]
    assert "2.070\xa0€" in de[0]
    assert "2025 bei 40,0\xa0%: 2 von 5 Kunden" in de[1]
    assert "Preis (1 Kunden)" in de[2] or "Qualität (1 Kunden)" in de[2]
    assert "für 2 der Verluste (40,0\xa0%)" in de[2]
    assert "Die 4 Kunden" in de[3] and "2.070\xa0€" in de[3] and "1.085\xa0€" in de[3]
    en = text.executive_summary(result, "en")
    assert len(en) == len(de) == 4


def test_decisions_are_ranked_by_money_with_owner_and_timing(result):
    d = text.decisions(result, "en")
    assert [x.impact for x in d] == pytest.approx([1085.0, 900.0, 600.0, 60.0])
    assert "top 4 customers" in d[0].text
    assert "Quality" in d[1].text and d[1].owner == "Head of quality"
    assert "2 without a reason" in d[2].text
    assert d[3].text == "Call the one customer who has not bought for more than 9 months"
    assert d[3].timing == "this month"
    assert 3 <= len(d) <= 5
    assert all(x.owner and x.timing and x.impact_text for x in d)


def test_headings_state_the_message(result):
    assert text.heading_years(result, "en") == (
        "5 customers with €2,070 of revenue lost since the start of 2024"
    )
    # by revenue: quality 900 > unknown 600 > price 500 > other 70
    assert text.heading_reasons(result, "en") == "Quality costs the most revenue: €900 (43.5%)"
    assert text.heading_priority(result, "de").startswith("Die ersten 4 der Rückgewinnungsliste")
    # A came back on 2024-05-01 (300 + 200 - 50 since), G on 2025-09-01 (80 + 20)
    assert text.heading_reactivations(result, "en") == (
        "2 customers came back and have brought €550 of revenue since their return"
    )
    one = wb.analyse(_client(lines=[r for r in LINES if r[1] != "A"]))
    assert text.heading_reactivations(one, "en") == (
        "One customer came back and has brought €100 of revenue since its return"
    )


def test_reasons_text_names_the_leading_recorded_reasons_and_the_gap(result):
    en = text.reasons_text(result, "en")
    assert "the 5 customers lost since the start of 2024" in en
    assert "by revenue Quality (43.5% of the lost revenue)" in en
    assert "For 2 customers (40.0%) no reason is recorded" in en


def test_without_lost_reasons_the_deliverable_says_how_to_record_them(no_reasons):
    assert not charts.has_reasons(no_reasons)
    assert text.heading_reasons(no_reasons, "en") == "Why customers leave is not recorded"
    how = text.reasons_text(no_reasons, "en")
    assert "lost_reasons.csv" in how and "customer_id, reason, lost_on and note" in how
    summary = " ".join(text.executive_summary(no_reasons, "de"))
    assert "Verlustgründe liegen nicht vor" in summary
    # every loss counts as without a reason; the decision asks for the file
    d = text.decisions(no_reasons, "en")
    assert any("lost_reasons file (5 lost customers)" in x.text for x in d)
    assert text.kpi_tiles(no_reasons, "en")[3][1] == "–"


def test_tables_carry_the_figures_of_the_sentences(result):
    years = text.years_table(result, "en")
    assert years.df["lost"].tolist() == [1, 2, 2]
    assert years.total_row["lost"] == 5
    assert years.total_row["lost_revenue"] == pytest.approx(2070.0)
    reasons = text.reasons_table(result, "en")
    assert reasons.df["label"].tolist()[0] == "Quality"
    assert reasons.total_row["customers"] == 5
    prio = text.priority_table(result, "de")
    assert len(prio.df) == 4
    assert "Firma B" in prio.df["name"].iloc[0]


def test_client_names_are_escaped_and_never_hyphenated():
    cell = text.whole_words("<b>Müller & Söhne</b>")
    assert "&lt;b&gt;Müller &amp; Söhne&lt;/b&gt;" in cell
    assert "hyphens:manual" in cell
    assert text.whole_words("") == "–"


def test_data_notes_list_unrecognised_and_unused_records(result):
    notes = text.data_notes(result, "en")
    # I's "Wettbewerber" is no known reason; C (active) has a record; ZZ is not in the master
    assert any("“Wettbewerber”" in n for n in notes)
    assert any("1 records in lost_reasons concern customers" in n for n in notes)
    assert any("missing from the customer master" in n for n in notes)


# ---------------------------------------------------------------- charts


@pytest.mark.parametrize("lang", ["de", "en"])
def test_charts_build_with_full_labels(result, lang):
    for make in (charts.years_chart, charts.reasons_chart):
        fig = make(result, lang)
        labels = [t.get_text() for ax in fig.axes for t in ax.get_yticklabels()]
        assert all("…" not in x and "..." not in x for x in labels)
        assert all(any(ax.get_title(loc=x) for x in ("left", "center")) for ax in fig.axes)
        plt.close(fig)
    fig = charts.reasons_chart(result, lang)
    names = [t.get_text() for t in fig.axes[0].get_yticklabels()]
    expected = [text.reason_label(r, lang) for r in result.reasons_by_revenue["reason"]]
    assert sorted(names) == sorted(expected)  # every reason, in full
    plt.close(fig)


def test_chart_guards_keep_empty_charts_out():
    empty = wb.analyse(_client(lines=[("2026-06-01", "A", 10.0)]))
    assert not charts.has_years(empty)
    assert not charts.has_reasons(empty)


# ---------------------------------------------------------------- export


def test_export_columns_order_sort_and_formats(result, tmp_path: Path):
    df = export_frame(get_module("winback"), result)
    assert list(df.columns) == list(wb.EXPORT_COLUMNS)
    # revenue (Jul 2025 - Jun 2026) descending: G 100, H 60, zeros by id, E -20
    assert df["customer_id"].tolist() == ["G", "H", "A", "B", "C", "D", "F", "I", "J", "K", "E"]
    a = df.set_index("customer_id").loc["A"]
    assert a["status"] == "lost" and a["last_purchase"] == "2025-03-01"
    assert a["lost_on"] == "2026-03-01" and a["reason"] == "price"
    g = df.set_index("customer_id").loc["G"]
    assert g["reactivated_on"] == "2025-09-01" and pd.isna(g["reason"])
    path = write_export(df, tmp_path / "winback.csv")
    lines = path.read_text(encoding="utf-8").splitlines()
    assert lines[0] == ",".join(wb.EXPORT_COLUMNS)
    assert lines[1].startswith("G,Firma G,active,2026-02-01,,,,,2025-09-01")
    f_row = next(x for x in lines if x.startswith("F,"))
    assert f_row == "F,Firma F,never_bought,,,,,,"


def test_export_money_is_rounded_to_cents():
    lines = [("2024-01-10", "A", 100.004), ("2024-02-10", "A", 0.0004)]
    df = export_frame(get_module("winback"), wb.analyse(_client(None, lines=lines)))
    assert df.set_index("customer_id").loc["A", "lost_revenue"] == 100.0


def test_export_xlsx_has_labels_in_the_language(result, tmp_path: Path):
    from openpyxl import load_workbook

    df = export_frame(get_module("winback"), result)
    path = write_export(df, tmp_path / "winback.xlsx", "de")
    wbk = load_workbook(path)
    cols = wbk.worksheets[1]
    labels = {cols.cell(i, 1).value: cols.cell(i, 2).value for i in range(2, 11)}
    assert labels["lost_on"] == "Verloren seit"
    assert wbk.worksheets[0].cell(1, 1).value == "Kundennummer"  # header in the language


# ---------------------------------------------------------------- workshop panel


def test_panel_recomputes_counts_and_list_and_saves_only_on_request(tmp_path: Path):
    import kamlib
    from kamlib.widgets.winback import winback_panel

    folder = tmp_path / "client"
    folder.mkdir()
    (folder / "client.yaml").write_text(
        "name: Winback\nas_of: 2026-06-30\nwinback:\n  lost_after_months: 12  # rule\n",
        encoding="utf-8",
    )
    (folder / "customers.csv").write_text(
        "customer_id,name\nA,Firma A\nB,Firma B\nH,Firma H\n", encoding="utf-8"
    )
    (folder / "sales.csv").write_text(
        "date,customer_id,net_revenue\n2025-03-01,A,200\n2024-06-30,B,1000\n"
        "2025-08-10,H,60\n2026-06-30,H,10\n",
        encoding="utf-8",
    )
    before = (folder / "client.yaml").read_text(encoding="utf-8")
    panel = winback_panel(kamlib.load_client(folder), "de", True, show=False)
    assert panel.result.status_counts == {"active": 1, "lost": 2, "never_bought": 0}
    # N = 18: A (last 2025-03-01) is no longer lost; B (2024-06-30) still is
    panel.set("winback.lost_after_months", 18)
    assert panel.result.status_counts == {"active": 2, "lost": 1, "never_bought": 0}
    assert "Firma A" not in panel.sections["priority"].value
    assert "<b>2</b> +1" in panel.sections["counts"].value
    panel.set("winback.winnability.quality", 0.9)
    assert panel.result.winnability["quality"] == 0.9
    assert (folder / "client.yaml").read_text(encoding="utf-8") == before  # nothing saved yet
    report = panel.save()
    assert report is not None
    saved = (folder / "client.yaml").read_text(encoding="utf-8")
    assert "lost_after_months: 18" in saved and "# rule" in saved
    assert kamlib.load_client(folder).config.winback.lost_after_months == 18


def test_panel_is_none_outside_a_workshop():
    from kamlib.widgets.winback import winback_panel

    assert winback_panel(_client(), "de", workshop=False) is None
