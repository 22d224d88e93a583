"""The touchpoint module around its core: settings, export, narrative, charts, workshop grid.

The hand-computed client (split 3, top_n 3; two rounds, 2026-01-15 and 2026-07-01):

============  ==========  =======  ====  ====  ==========  ===========  ============
touchpoint    phase       segment  imp   ist   soll        gap / prio   quadrant
============  ==========  =======  ====  ====  ==========  ===========  ============
Hotline       use_service alle     5     2     5 (ist 3)   3 / 15       fix_first
Angebot       evaluation  KA       4     2     4 (ist 2)   2 / 8        fix_first
Messe         awareness   alle     2     4     3 (ist 4)   -1 / 0       overkill
Rechnung      delivery    Händler  3     3     4 (ist 2)   1 / 3        keep_up
Jahresgespr.  loyalty     KA       4     2     5 (new)     3 / 12       fix_first
Referenzbes.  evaluation  KA       3     4     4 (ist 4)   0 / 0        keep_up
Ersatzteile   use_service alle     4     4     4 (ist 4)   0 / 0        keep_up
============  ==========  =======  ====  ====  ==========  ===========  ============

(ist in brackets = the first round). Deviation: Hotline 3 -> 2 worse, Rechnung 2 -> 3
improved, Angebot, Messe, Referenzbesuch, Ersatzteile unchanged, Jahresgespräch not
compared. Targets reached (ist >= soll): Messe, Referenzbesuch, Ersatzteile. Purchase has no
touchpoint (coverage gap no_touchpoints); loyalty's only touchpoint is fix_first
(all_fix_first); evaluation and use_service have a keep_up touchpoint each (no gap). Measure plan (top 3,
priority > 0): Hotline 15, Jahresgespräch 12, Angebot 8.

Revenue (12 months to as_of 2026-06-30): K1 (key account) 600, K2 400 -> all 1,000, key
accounts 600; "Händler" is no segment the data can tell.
"""

from __future__ import annotations

import datetime as dt
import io
import re
from pathlib import Path

import pandas as pd
import pytest

import kamlib
from kamlib.analysis import touchpoints as T
from kamlib.config import ConfigError, parse_config
from kamlib.export import run_export

TOUCHPOINTS_CSV = (
    "touchpoint,phase,channel,owner,segment,importance,ist,soll,round,measure,due,kpi\n"
    "Hotline,Service,persönlich,Service,alle,5,3,5,2026-01-15,,,\n"
    "Angebot,Bewertung,digital,Innendienst,KA,4,2,4,2026-01-15,,,\n"
    "Messe,awareness,personal,Marketing,alle,2,4,3,2026-01-15,,,\n"
    "Rechnung,delivery,print,Buchhaltung,Händler,3,2,4,2026-01-15,,,\n"
    "Referenzbesuch,evaluation,personal,Vertrieb,KA,3,4,4,2026-01-15,,,\n"
    "Ersatzteile,use_service,product,Service,alle,4,4,4,2026-01-15,,,\n"
    "Hotline,Service,persönlich,Service,alle,5,2,5,2026-07-01,Rückruf in 4 h,2026-09-30,Rückrufquote\n"
    "Angebot,Bewertung,digital,Innendienst,KA,4,2,4,2026-07-01,Vorlagen,,\n"
    "Messe,awareness,personal,Marketing,alle,2,4,3,2026-07-01,,,\n"
    "Rechnung,delivery,print,Buchhaltung,Händler,3,3,4,2026-07-01,,,\n"
    "Referenzbesuch,evaluation,personal,Vertrieb,KA,3,4,4,2026-07-01,,,\n"
    "Ersatzteile,use_service,product,Service,alle,4,4,4,2026-07-01,,,\n"
    "Jahresgespräch,loyalty,personal,,KA,4,2,5,2026-07-01,,,\n"
)


def write_client(folder: Path, touchpoints: str | None = TOUCHPOINTS_CSV, yaml: str = "") -> Path:
    folder.mkdir(parents=True)
    (folder / "client.yaml").write_text(
        "name: Test GmbH\nlanguage: de\nas_of: 2026-06-30\n"
        + (yaml or "touchpoints: {split: 3, top_n: 3}\n"),
        encoding="utf-8",
    )
    (folder / "customers.csv").write_text(
        "customer_id,name,is_key_account\nK1,Eins AG,ja\nK2,Zwei GmbH,nein\n", encoding="utf-8"
    )
    (folder / "sales.csv").write_text(
        "date,customer_id,net_revenue\n2026-02-01,K1,600\n2026-03-01,K2,400\n"
        "2024-01-01,K2,999\n",  # outside the 12 months
        encoding="utf-8",
    )
    if touchpoints is not None:
        (folder / "touchpoints.csv").write_text(touchpoints, encoding="utf-8")
    return folder


@pytest.fixture
def client_dir(tmp_path, monkeypatch) -> Path:
    monkeypatch.setenv("KAM_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setenv("KAM_BACKUP_DIR", str(tmp_path / "backups"))
    return write_client(tmp_path / "client")


@pytest.fixture
def result(client_dir):
    return T.analyse(kamlib.load_client(client_dir))


# --------------------------------------------------------------------------- settings


def test_settings_defaults_and_refusals_name_the_key():
    cfg = parse_config({"name": "x"})
    assert (cfg.touchpoints.split, cfg.touchpoints.top_n) == (3, 10)
    for bad, path in (
        ({"split": 6}, "touchpoints.split"),
        ({"split": 0.5}, "touchpoints.split"),
        ({"top_n": 0}, "touchpoints.top_n"),
        ({"top_n": "viele"}, "touchpoints.top_n"),
        ({"splitt": 3}, "touchpoints.splitt"),
    ):
        with pytest.raises(ConfigError) as err:
            parse_config({"name": "x", "touchpoints": bad})
        assert [p for p, _ in err.value.problems] == [path]


def test_analyse_takes_its_settings_from_client_yaml(result):
    assert (result.settings.split, result.settings.top_n) == (3, 3)
    # Rechnung imp 3, ist 3: both on the split -> keep_up; at split 3.5 both low -> low_priority
    cfg = parse_config({"name": "x", "touchpoints": {"split": 3.5}})
    assert T.settings_from_config(cfg).split == 3.5


def test_kam_new_comments_the_section():
    from kamlib.data.templates import client_yaml_text

    text = client_yaml_text("X", "de")
    assert re.search(r"^touchpoints:  # .+\n  split: 3\.0  # .+\n  top_n: 10  # .+$", text, re.M)


# --------------------------------------------------------------------------- analysis on a client


def test_hand_computed_client(result):
    tp = result.touchpoints.set_index("touchpoint")
    assert list(result.touchpoints["touchpoint"]) == [
        "Hotline", "Jahresgespräch", "Angebot", "Rechnung", "Ersatzteile", "Messe",
        "Referenzbesuch",
    ]  # fmt: skip
    assert tp.loc["Hotline", ["gap", "priority", "quadrant"]].tolist() == [3, 15, "fix_first"]
    assert tp.loc["Messe", ["gap", "priority", "quadrant"]].tolist() == [-1, 0, "possible_overkill"]
    assert tp.loc["Rechnung", "quadrant"] == "keep_up"
    assert result.deviation == {
        "touchpoints": 7, "compared": 6, "not_compared": 1, "improved": 1, "unchanged": 4,
        "worse": 1, "targets_reached": 3,
    }  # fmt: skip
    gaps = result.coverage_gaps.set_index("phase")["coverage_gap"].to_dict()
    assert gaps == {"purchase": "no_touchpoints", "loyalty": "all_fix_first"}
    assert list(result.measure_plan["touchpoint"]) == ["Hotline", "Jahresgespräch", "Angebot"]
    plan = result.measure_plan.set_index("touchpoint")["to_be_set"].to_dict()
    assert plan == {"Hotline": "", "Jahresgespräch": "owner;measure;due;kpi", "Angebot": "due;kpi"}
    assert result.revenue == {"all": 1000.0, "key_accounts": 600.0}
    assert result.revenue_reached("alle") == 1000 and result.revenue_reached("KA") == 600
    assert pd.isna(result.revenue_reached("Händler"))
    assert result.plan_columns


# --------------------------------------------------------------------------- export


def test_export_csv_columns_order_and_whole_numbers(client_dir, tmp_path, capsys):
    out = tmp_path / "out" / "tp.csv"
    assert run_export(client_dir, "touchpoints", out) == 0
    assert capsys.readouterr().err.startswith(
        "Wrote 7 touchpoints to "
    )  # console language (KAM_LANG=en in tests); not "customers"
    lines = out.read_text(encoding="utf-8").splitlines()
    assert lines[0] == (
        "touchpoint,phase,channel,owner,segment,importance,ist,soll,gap,priority,quadrant,"
        "previous_ist,change,measure,due,kpi"
    )
    # sorted by priority descending; scores whole -> no ".0"; unknown = empty; ISO date
    assert lines[1] == (
        "Hotline,use_service,personal,Service,alle,5,2,5,3,15,fix_first,3,-1,"
        "Rückruf in 4 h,2026-09-30,Rückrufquote"
    )
    assert lines[2] == "Jahresgespräch,loyalty,personal,,KA,4,2,5,3,12,fix_first,,,,,"
    assert [ln.split(",")[0] for ln in lines[1:]] == [
        "Hotline", "Jahresgespräch", "Angebot", "Rechnung", "Ersatzteile", "Messe",
        "Referenzbesuch",
    ]  # fmt: skip


def test_export_keeps_decimals_of_averaged_scores(tmp_path, monkeypatch):
    monkeypatch.setenv("KAM_CACHE_DIR", str(tmp_path / "cache"))
    # two raters of A in one round: importance (4 + 5) / 2 = 4.5, ist 2, soll 4 -> gap 2,
    # priority 2 x 4.5 = 9 (whole, so written as 9; importance keeps its decimals)
    two_raters = (
        "touchpoint,phase,importance,ist,soll,round\n"
        "A,awareness,4,2,4,2026-03-01\nA,awareness,5,2,4,2026-03-01\n"
    )
    folder = write_client(tmp_path / "c", two_raters)
    out = tmp_path / "tp.csv"
    assert run_export(folder, "touchpoints", out) == 0
    row = out.read_text(encoding="utf-8").splitlines()[1].split(",")
    assert row[5:10] == ["4.5", "2", "4", "2", "9"]


def test_export_xlsx_has_labels_and_a_date_cell(client_dir, tmp_path):
    import openpyxl

    out = tmp_path / "tp.xlsx"
    assert run_export(client_dir, "touchpoints", out, lang="de") == 0
    wb = openpyxl.load_workbook(out)
    ws = wb.worksheets[0]
    assert ws.title == "Kundenkontaktpunkte"
    # headers in the deliverable's language (the English names stay on sheet 2)
    assert [c.value for c in ws[1]][:3] == ["Kontaktpunkt", "Phase", "Kanal"]
    assert ws.cell(2, 15).value == dt.datetime(2026, 9, 30)  # due, a real date
    labels = {r[0].value: r[1].value for r in wb.worksheets[1].iter_rows(min_row=2)}
    assert labels["ist"] == "Ist" and labels["kpi"] == "Kennzahl"


def test_export_without_touchpoints_file_exits_1_and_writes_nothing(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("KAM_CACHE_DIR", str(tmp_path / "cache"))
    folder = write_client(tmp_path / "c", touchpoints=None)
    out = tmp_path / "tp.csv"
    assert run_export(folder, "touchpoints", out) == 1
    assert not out.exists()
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "touchpoints" in err[0]


# --------------------------------------------------------------------------- narrative


def test_summary_sentences_state_the_numbers(result):
    from kamlib.narrative import touchpoints as N

    summary = N.executive_summary(result, "de")
    assert summary[0].startswith("7 Kontaktpunkte bewertet (Runde vom 01.07.2026); 3 davon")
    assert "<strong>Hotline</strong>: Wichtigkeit 5, Ist 2, Soll 5 – Priorität 15" in summary[1]
    assert summary[2].startswith(
        "Abdeckung der Customer Journey lückenhaft: Kauf (kein Kontaktpunkt)"
    )
    assert "Bindung (alle Kontaktpunkte" in summary[2]
    assert (
        "haben sich 1 von 6 Kontaktpunkten verbessert, 1 verschlechtert und 4 nicht" in summary[3]
    )
    assert summary[3].endswith("3 von 7 erreichen ihr Soll.")
    decisions = N.decisions(result, "de")
    assert 3 <= len(decisions) <= 5
    # 1: Hotline (segment alle -> all revenue 1,000; due from the file)
    first = decisions[0]
    assert (first.kind, first.revenue, first.owner) == ("fix", 1000.0, "Service")
    assert first.timing == "bis 30.09.2026" and "Rückruf in 4 h" in first.text
    # 2: Jahresgespräch (KA -> 600; no owner in the file; next round 01.07 + 167 days)
    second = decisions[1]
    assert (second.revenue, second.owner) == (600.0, "festzulegen")
    assert second.timing == "bis zur nächsten Runde (etwa 15.12.2026)"
    # loyalty's only touchpoint already has decision 2; purchase has none -> its own decision
    kinds = [d.kind for d in decisions]
    assert "all_fix_first" not in kinds and "no_touchpoints" in kinds
    assert all(d.owner and d.timing for d in decisions)
    html = [d.html(i, "de") for i, d in enumerate(decisions, 1)]
    assert "1.000\xa0€" in html[0] and html[0].startswith("<strong>Entscheidung 1:</strong>")


def test_headings_agree_with_the_tables(result):
    from kamlib.narrative import touchpoints as N

    assert N.inventory_heading(result, "de") == "7 Kontaktpunkte – Lücke in der Phase Kauf"
    assert N.matrix_heading(result, "en") == (
        "3 touchpoints matter and underperform – Hotline has the highest priority"
    )
    plan = N.plan_table(result, "de")
    assert len(plan.df) == 3
    assert N.plan_heading(result, "de") == (
        "Maßnahmenplan: 3 Kontaktpunkte nach Priorität, bei 2 fehlen noch Angaben"
    )
    assert (
        N.deviation_heading(result, "en")
        == "Since 15 Jan 2026: 1 better, 1 worse, 3 of 7 targets met"
    )
    # heat map: mean gap 3 in use_service x personal (Hotline) and loyalty x personal
    # (Jahresgespräch); the tie goes to the earlier phase of the journey
    assert (
        N.heatmap_heading(result, "de")
        == "Die größte Lücke: Nutzung/Service × Persönlich (Ø 3,0 Punkte)"
    )


def test_one_undated_round_without_plan_columns(tmp_path, monkeypatch):
    from kamlib.narrative import touchpoints as N

    monkeypatch.setenv("KAM_CACHE_DIR", str(tmp_path / "cache"))
    # Messe imp 4 ist 2 soll 4: gap 2, priority 8, fix_first -> purchase is all fix first;
    # five phases have no touchpoint; no round date, no measure/due/kpi columns
    one = "Kontaktpunkt;Phase;Wichtigkeit;Ist;Soll\nMesse;Kauf;4;2;4\n"
    res = T.analyse(kamlib.load_client(write_client(tmp_path / "c", one)))
    assert res.latest_round is None and not res.plan_columns
    assert N.deviation_heading(res, "en") == "Deviation analysis: only one rating round so far"
    assert "(Runde ohne Datum)" in N.deviation_text(res, "de")
    assert any("keine Spalten für Maßnahme" in line for line in N.data_quality_lines(res, "de"))
    assert N.plan_heading(res, "de") == (
        "Maßnahmenplan: ein Kontaktpunkt mit Lücke, bei 1 fehlen noch Angaben"
    )
    kinds = [d.kind for d in N.decisions(res, "en")]
    # Messe; ONE decision for the five empty phases; purchase already covered by Messe
    assert kinds == ["fix", "no_touchpoints", "to_be_set"]
    assert N.decisions(res, "en")[1].text.endswith("Delivery, Use/service and Loyalty")


def test_client_strings_are_escaped(tmp_path, monkeypatch):
    from kamlib.narrative import touchpoints as N

    monkeypatch.setenv("KAM_CACHE_DIR", str(tmp_path / "cache"))
    evil = TOUCHPOINTS_CSV.replace("Hotline", "<script>x</script>")
    res = T.analyse(kamlib.load_client(write_client(tmp_path / "c", evil)))
    text = " ".join(N.executive_summary(res, "de")) + N.matrix_heading(res, "de")
    assert "<script>" not in text and "&lt;script&gt;" in text
    assert "<script>" not in N.plan_table(res, "de").df.to_string()


# --------------------------------------------------------------------------- charts


def _texts(fig) -> list[str]:
    return [t.get_text() for ax in fig.axes for t in ax.texts] + [
        lb.get_text() for ax in fig.axes for lb in ax.get_yticklabels()
    ]


def test_charts_name_every_touchpoint_in_full_and_draw_vectors(result):
    import matplotlib.pyplot as plt

    from kamlib.charts import touchpoints as C

    long = "Jahresgespräch mit der Geschäftsleitung und dem technischen Einkauf"
    result.touchpoints.loc[result.touchpoints["touchpoint"] == "Jahresgespräch", "touchpoint"] = (
        long
    )
    matrix = C.matrix_chart(result, "de")
    joined = " ".join(" ".join(_texts(matrix)).split())
    assert long in joined.replace("  ", " ") and "…" not in joined
    for q in ("Zuerst verbessern", "Niveau halten", "Möglicher Overkill", "Geringe Priorität"):
        assert q in _texts(matrix)
    heat = C.heatmap_chart(result, "de")
    assert not any(ax.images for ax in heat.axes)  # cells are rectangles, not an image
    assert len(heat.axes[0].patches) == 6 * 4
    svg = io.StringIO()
    heat.savefig(svg, format="svg")
    assert "<image" not in svg.getvalue()  # the colour bar is vector too (print quality)
    dev = C.deviation_chart(result, "en")
    assert [lb.get_text() for lb in dev.axes[0].get_yticklabels()] == [
        "Rechnung", "Angebot", "Ersatzteile", "Messe", "Referenzbesuch", "Hotline"
    ]  # fmt: skip
    for fig in (matrix, heat, dev):
        plt.close(fig)


def test_matrix_spreads_touchpoints_that_share_a_point():
    from kamlib.charts.touchpoints import matrix_positions

    same = pd.DataFrame({"ist": [2.0, 2.0, 2.0, 4.0], "importance": [4.0, 4.0, 4.0, 1.0]})
    pos = matrix_positions(same)
    xy = list(zip(pos["x"].round(3), pos["y"].round(3), strict=True))
    assert len(set(xy)) == 4
    assert xy[3] == (4.0, 1.0)  # alone: exactly on its values
    # three on one point: a ring of radius 0.2 around (2, 4)
    assert all(abs(((x - 2) ** 2 + (y - 4) ** 2) ** 0.5 - 0.2) < 1e-3 for x, y in xy[:3])


# --------------------------------------------------------------------------- workshop grid


def test_grid_recomputes_live_and_saves_only_on_the_button(client_dir, tmp_path):
    from kamlib.widgets.touchpoints import RatingGrid, touchpoints_panel

    client = kamlib.load_client(client_dir)
    assert touchpoints_panel(client, "de", workshop=False) is None
    grid = RatingGrid(client, "de", round_date=dt.date(2026, 10, 1))
    file = client_dir / "touchpoints.csv"
    before = file.read_bytes()
    rows = list(grid.rows["touchpoint"])
    hotline = rows.index("Hotline")
    # Hotline Ist 2 -> 5: gap 0, priority 0; the grid compares with the saved Ist 2 -> +3
    grid.dropdowns[(hotline, "ist")].value = 5
    tp = grid.result.touchpoints.set_index("touchpoint")
    assert tp.loc["Hotline", ["priority", "change", "direction"]].tolist() == [0, 3, "improved"]
    assert grid.result.measure_plan["touchpoint"].iloc[0] == "Jahresgespräch"
    assert file.read_bytes() == before  # nothing written by a change
    grid.save_button.click()
    after = file.read_bytes()
    assert after.startswith(before)
    new = after[len(before) :].decode("utf-8").splitlines()
    assert len(new) == 7 and all(",2026-10-01," in ln for ln in new)
    assert any(ln.startswith("Hotline,use_service,personal,Service,alle,5,5,5,") for ln in new)
    backups = list((tmp_path / "backups").rglob("touchpoints-*.csv"))
    assert len(backups) == 1 and backups[0].read_bytes() == before
    assert "gespeichert" in grid.message.value
    # the saved round reads back as the latest one
    res = T.analyse(kamlib.load_client(client_dir))
    assert res.latest_round == pd.Timestamp("2026-10-01")
    assert res.touchpoints.set_index("touchpoint").loc["Hotline", "ist"] == 5
    # the same date again: refused in one translated line, file unchanged
    grid.save_button.click()
    assert file.read_bytes() == after
    assert "schon eine Runde" in grid.message.value
