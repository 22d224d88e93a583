"""Saving a new touchpoint rating round, headless, on copies in tmp_path."""

from __future__ import annotations

import csv
import datetime as dt
import io
import shutil
from pathlib import Path

import openpyxl
import pandas as pd
import pytest
from openpyxl.comments import Comment
from openpyxl.styles import PatternFill
from openpyxl.worksheet.table import Table

from kamlib.analysis.touchpoints import compute, prepare_frame
from kamlib.data.problems import Problems
from kamlib.data.readers import read_raw
from kamlib.touchpoint_rounds import RoundSaveError, save_round

DEMO = Path(__file__).parents[1] / "client_data" / "demo-components" / "touchpoints.csv"
NOW = dt.datetime(2026, 9, 1, 10, 0, 0)

RATINGS = pd.DataFrame(
    {
        "touchpoint": ["Trade show stand", "Case studies in trade press"],
        "phase": ["awareness", "awareness"],
        "channel": ["personal", "print"],
        "owner": ["Marketing", "Marketing"],
        "segment": ["all", "all"],
        "importance": [4, 2],
        "ist": [4, 1],
        "soll": [4, 3],
    }
)


@pytest.fixture
def client(tmp_path, monkeypatch) -> Path:
    monkeypatch.delenv("KAM_BACKUP_DIR", raising=False)
    folder = tmp_path / "acme"
    folder.mkdir()
    shutil.copy(DEMO, folder / "touchpoints.csv")
    return folder


def test_csv_round_appended_backup_outside_earlier_bytes_kept(client):
    before = (client / "touchpoints.csv").read_bytes()
    rep = save_round(client, RATINGS, "2026-09-01", now=NOW)
    after = (client / "touchpoints.csv").read_bytes()
    # earlier rounds byte for byte, then exactly the two new lines (dialect of the demo
    # file; its measure, due and kpi columns stay empty for ratings without a plan)
    assert after.startswith(before)
    assert after[len(before) :].decode() == (
        "Trade show stand,awareness,personal,Marketing,all,4,4,4,2026-09-01,,,\n"
        "Case studies in trade press,awareness,print,Marketing,all,2,1,3,2026-09-01,,,\n"
    )
    assert rep.rows == 2 and rep.added_columns == []
    assert rep.backup == client.parent / ".kam-backups" / "acme" / "touchpoints-20260901-100000.csv"
    assert rep.backup.read_bytes() == before
    # nothing else appeared in the client folder (no temp file, no backup)
    assert sorted(p.name for p in client.iterdir()) == ["touchpoints.csv"]


def test_saved_round_reads_back_as_the_latest_round(client):
    demo = pd.read_csv(DEMO, parse_dates=["round"])
    stand = demo[demo["touchpoint"] == "Trade show stand"].sort_values("round")
    previous = stand["ist"].iloc[-1]  # Ist of the stand in the demo's latest round
    save_round(client, RATINGS, dt.date(2026, 9, 1), now=NOW)
    raw = read_raw(client / "touchpoints.csv", "touchpoints", Problems("en"))
    table = raw.frame.assign(round=pd.to_datetime(raw.frame["round"]))
    res = compute(prepare_frame(table))
    tp = res.touchpoints.set_index("touchpoint")
    assert res.latest_round == pd.Timestamp("2026-09-01")
    assert tp.loc["Trade show stand", "ist"] == 4
    assert tp.loc["Trade show stand", "previous_ist"] == previous
    assert tp.loc["Trade show stand", "change"] == 4 - previous
    assert len(res.rounds) == demo["round"].nunique() + 1


def test_second_save_on_the_same_date_is_refused(client):
    save_round(client, RATINGS, "2026-09-01", now=NOW)
    content = (client / "touchpoints.csv").read_bytes()
    with pytest.raises(RoundSaveError) as err:
        save_round(client, RATINGS, "2026-09-01", now=NOW + dt.timedelta(seconds=5))
    assert err.value.key == "round_exists"
    assert (client / "touchpoints.csv").read_bytes() == content
    assert len(list((client.parent / ".kam-backups" / "acme").iterdir())) == 1
    # an existing round of the demo file itself
    with pytest.raises(RoundSaveError, match="round_exists"):
        save_round(client, RATINGS, "2026-01-20", now=NOW)


GERMAN = (
    "Kontaktpunkte Muster GmbH\r\n"
    "Kontaktpunkt;Phase;Kanal;Wichtigkeit;Ist;Soll;Runde;Maßnahme\r\n"
    "Messe;Aufmerksamkeit;persönlich;4;3;4;15.10.2025;Stand größer\r\n"
    'Hotline;Nutzung;persönlich;5;2;5;15.10.2025;"Rückruf; 24 h"\r\n'
)


def test_csv_dialect_semicolon_german_dates_crlf_cp1252_kept(client, tmp_path):
    path = client / "touchpoints.csv"
    path.write_bytes(GERMAN.encode("cp1252"))
    ratings = pd.DataFrame(
        {
            "touchpoint": ["Messe", "Hotline"],
            "phase": ["Aufmerksamkeit", "Nutzung"],
            "channel": ["persönlich", "persönlich"],
            "importance": [4, 5],
            "ist": [4, 3],
            "soll": [4, 5],
            "measure": ["Stand größer", "Rückruf; 24 h"],
        }
    )
    backup_root = tmp_path / "elsewhere"
    rep = save_round(client, ratings, "2026-04-22", backup_dir=backup_root, now=NOW)
    after = path.read_bytes()
    assert after.startswith(GERMAN.encode("cp1252"))
    # same delimiter, line ending, encoding and date form; a value with ";" quoted
    assert after[len(GERMAN.encode("cp1252")) :] == (
        "Messe;Aufmerksamkeit;persönlich;4;4;4;22.04.2026;Stand größer\r\n"
        'Hotline;Nutzung;persönlich;5;3;5;22.04.2026;"Rückruf; 24 h"\r\n'
    ).encode("cp1252")
    assert rep.backup.parent == backup_root / "acme"


def test_csv_utf8_bom_and_missing_final_newline(client):
    path = client / "touchpoints.csv"
    path.write_bytes(
        b"\xef\xbb\xbftouchpoint,phase,importance,ist,soll,round\nA,kauf,4,2,4,2025-01-01"
    )
    save_round(
        client,
        RATINGS[["touchpoint", "phase", "importance", "ist", "soll"]][:1],
        "2026-09-01",
        now=NOW,
    )
    # BOM kept once, a line end added before the new row, nothing else changed
    assert path.read_bytes() == (
        b"\xef\xbb\xbftouchpoint,phase,importance,ist,soll,round\nA,kauf,4,2,4,2025-01-01\n"
        b"Trade show stand,awareness,4,4,4,2026-09-01\n"
    )


def test_csv_without_round_column_gets_one_earlier_values_unchanged(client):
    text = (
        "touchpoint,phase,importance,ist,soll\n"
        'Offer,evaluation,5,2,4\n"Visit\nwith two lines",evaluation,3,3,3\n\nHotline,use,4,4,5'
    )
    path = client / "touchpoints.csv"
    path.write_text(text, encoding="utf-8")
    ratings = RATINGS.assign(owner=None, segment=None, channel=None)
    rep = save_round(client, ratings, "2026-09-01", now=NOW)
    assert rep.added_columns == ["round"]
    rows = list(csv.reader(io.StringIO(path.read_text(encoding="utf-8"), newline="")))
    assert rows == [
        ["touchpoint", "phase", "importance", "ist", "soll", "round"],
        ["Offer", "evaluation", "5", "2", "4", ""],
        ["Visit\nwith two lines", "evaluation", "3", "3", "3", ""],
        [],
        ["Hotline", "use", "4", "4", "5", ""],
        ["Trade show stand", "awareness", "4", "4", "4", "2026-09-01"],
        ["Case studies in trade press", "awareness", "2", "1", "3", "2026-09-01"],
    ]


def _workbook(path: Path) -> None:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Touchpoints"
    ws["A1"] = "Touchpoint inventory"
    header = ["Touchpoint", "Phase", "Channel", "Importance", "Ist", "Soll", "Round", "Note"]
    ws.append(header)
    ws.append(["Website", "awareness", "digital", 4, 2, 4, dt.datetime(2025, 10, 15), "keep"])
    ws.append(["Offer", "evaluation", "digital", 5, 3, 5, dt.datetime(2025, 10, 15), None])
    for row in (3, 4):
        ws.cell(row, 7).number_format = "DD.MM.YYYY"
        ws.cell(row, 1).fill = PatternFill("solid", fgColor="FFFF00")
    ws["A3"].comment = Comment("checked by sales", "kam")
    ws.add_table(Table(displayName="Touchpoints", ref="A2:H4"))
    ws.column_dimensions["A"].width = 40
    wb.save(path)


def test_xlsx_round_appended_with_formatting_comments_and_table(client):
    (client / "touchpoints.csv").unlink()
    path = client / "touchpoints.xlsx"
    _workbook(path)
    before = path.read_bytes()
    ratings = pd.DataFrame(
        {
            "touchpoint": ["Website", "Offer"],
            "phase": ["awareness", "evaluation"],
            "importance": [4, 5],
            "ist": [3, 3],
            "soll": [4, 5],
            "kpi": ["bounce rate", None],
        }
    )
    rep = save_round(client, ratings, "2026-04-22", now=NOW)
    assert rep.added_columns == ["kpi"]
    assert rep.backup.read_bytes() == before
    ws = openpyxl.load_workbook(path)["Touchpoints"]
    values = [list(r) for r in ws.iter_rows(values_only=True)]
    assert values[:4] == [
        ["Touchpoint inventory", None, None, None, None, None, None, None, None],
        ["Touchpoint", "Phase", "Channel", "Importance", "Ist", "Soll", "Round", "Note", "kpi"],
        ["Website", "awareness", "digital", 4, 2, 4, dt.datetime(2025, 10, 15), "keep", None],
        ["Offer", "evaluation", "digital", 5, 3, 5, dt.datetime(2025, 10, 15), None, None],
    ]
    assert values[4:] == [
        ["Website", "awareness", None, 4, 3, 4, dt.datetime(2026, 4, 22), None, "bounce rate"],
        ["Offer", "evaluation", None, 5, 3, 5, dt.datetime(2026, 4, 22), None, None],
    ]
    assert ws["A3"].comment.text == "checked by sales"
    assert ws["A3"].fill.fgColor.rgb == "00FFFF00"
    assert ws["A6"].fill.fgColor.rgb == "00FFFF00"  # new rows take the last row's style
    assert ws["G5"].number_format == "DD.MM.YYYY"
    assert ws.column_dimensions["A"].width == 40
    assert ws.tables["Touchpoints"].ref == "A2:I6"
    # the kit's reader sees both rounds
    raw = read_raw(path, "touchpoints", Problems("en"))
    assert list(raw.frame["round"]) == ["2025-10-15"] * 2 + ["2026-04-22"] * 2
    assert list(raw.frame["ist"]) == ["2", "3", "3", "3"]
    # a second save on the same date is refused for xlsx too
    with pytest.raises(RoundSaveError, match="round_exists"):
        save_round(client, ratings, "2026-04-22", now=NOW)


def test_symlink_out_of_the_client_folder_is_refused(client, tmp_path):
    outside = tmp_path / "outside.csv"
    shutil.copy(DEMO, outside)
    (client / "touchpoints.csv").unlink()
    (client / "touchpoints.csv").symlink_to(outside)
    with pytest.raises(RoundSaveError) as err:
        save_round(client, RATINGS, "2026-09-01", now=NOW)
    assert err.value.key == "outside"
    assert outside.read_bytes() == DEMO.read_bytes()
    assert not (tmp_path / ".kam-backups").exists()


@pytest.mark.parametrize(
    ("change", "key"),
    [
        ({"ist": [6, 1]}, "bad_ratings"),
        ({"soll": [3.5, 3]}, "bad_ratings"),
        ({"touchpoint": ["Trade show stand", " "]}, "bad_ratings"),
        ({"touchpoint": ["X", "X"], "segment": ["all", "all"]}, "bad_ratings"),
    ],
)
def test_invalid_ratings_leave_the_file_alone(client, change, key):
    before = (client / "touchpoints.csv").read_bytes()
    with pytest.raises(RoundSaveError) as err:
        save_round(client, RATINGS.assign(**change), "2026-09-01", now=NOW)
    assert err.value.key == key
    assert (client / "touchpoints.csv").read_bytes() == before


def test_missing_two_and_xls_files_are_refused(client):
    (client / "touchpoints.xlsx").write_bytes(b"")
    with pytest.raises(RoundSaveError, match="two_files"):
        save_round(client, RATINGS, "2026-09-01", now=NOW)
    (client / "touchpoints.xlsx").unlink()
    (client / "touchpoints.csv").rename(client / "touchpoints.xls")
    with pytest.raises(RoundSaveError, match="xls"):
        save_round(client, RATINGS, "2026-09-01", now=NOW)
    (client / "touchpoints.xls").unlink()
    with pytest.raises(RoundSaveError, match="no_file"):
        save_round(client, RATINGS, "2026-09-01", now=NOW)


def test_xlsx_header_not_at_a1_and_round_as_text(client):
    # rows 1-2 and column A empty; the header starts at B3; rounds typed as text
    (client / "touchpoints.csv").unlink()
    path = client / "touchpoints.xlsx"
    wb = openpyxl.Workbook()
    ws = wb.active
    rows = [
        ["Kontaktpunkt", "Phase", "Wichtigkeit", "Ist", "Soll", "Runde"],
        ["Messe", "Aufmerksamkeit", 4, 3, 4, "15.10.2025"],
    ]
    for r, values in enumerate(rows, start=3):
        for c, v in enumerate(values, start=2):
            ws.cell(r, c).value = v
    wb.save(path)
    ratings = pd.DataFrame(
        {"touchpoint": ["Messe"], "phase": ["Aufmerksamkeit"], "importance": [4], "ist": [4]}
    ).assign(soll=4)
    save_round(client, ratings, "2026-04-22", now=NOW)
    ws = openpyxl.load_workbook(path).active
    assert [c.value for c in ws[5]] == [None, "Messe", "Aufmerksamkeit", 4, 4, 4, "22.04.2026"]
    assert [c.value for c in ws[4]] == [None, "Messe", "Aufmerksamkeit", 4, 3, 4, "15.10.2025"]
    assert ws.max_row == 5
