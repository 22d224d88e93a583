"""Touchpoint management (METHODOLOGY 3) on small, hand-computed inventories."""

from __future__ import annotations

import math

import pandas as pd
import pytest

from kamlib.analysis import touchpoints as T
from kamlib.analysis.touchpoints import TouchpointSettings, compute, prepare_frame
from kamlib.data import load_client

COLS = ["touchpoint", "phase", "channel", "owner", "segment", "importance", "ist", "soll", "round"]

# One round, split 3. Gap = soll - ist, priority = max(gap, 0) * importance:
#   A awareness  imp 5 ist 2 soll 4: gap 2, prio 2*5 = 10; imp high, ist low -> fix_first
#   B evaluation imp 3 ist 3 soll 5: gap 2, prio 2*3 = 6; both ON the split -> keep_up
#   C evaluation imp 2 ist 3 soll 2: gap -1, prio 0 (negative gap counts 0);
#                                    imp low, ist ON the split -> possible_overkill
#   D purchase   imp 2 ist 2 soll 3: gap 1, prio 1*2 = 2; both low -> low_priority
#   E delivery   imp 3 ist 1 soll 5: gap 4, prio 4*3 = 12; imp ON the split, ist low -> fix_first
ONE_ROUND = [
    ("A", "awareness", "digital", "Marketing", "all", 5, 2, 4, "2026-03-01"),
    ("B", "evaluation", "personal", "Sales", "all", 3, 3, 5, "2026-03-01"),
    ("C", "evaluation", "personal", None, "all", 2, 3, 2, "2026-03-01"),
    ("D", "purchase", "digital", "Inside sales", "all", 2, 2, 3, "2026-03-01"),
    ("E", "delivery", "product", "Logistics", "all", 3, 1, 5, "2026-03-01"),
]


def frame(rows, columns=COLS) -> pd.DataFrame:
    return pd.DataFrame(rows, columns=columns)


def result(rows=ONE_ROUND, **settings):
    return compute(prepare_frame(frame(rows)), TouchpointSettings(**settings))


def by_name(res) -> pd.DataFrame:
    return res.touchpoints.set_index("touchpoint")


def test_gap_and_priority():
    tp = by_name(result())
    assert tp["gap"].to_dict() == {"A": 2, "B": 2, "C": -1, "D": 1, "E": 4}
    assert tp["priority"].to_dict() == {"A": 10, "B": 6, "C": 0, "D": 2, "E": 12}


def test_quadrants_with_values_on_the_split():
    tp = by_name(result())
    assert tp["quadrant"].to_dict() == {
        "A": "fix_first",
        "B": "keep_up",  # importance 3 and Ist 3 on the split: both high
        "C": "possible_overkill",  # Ist 3 on the split: high
        "D": "low_priority",
        "E": "fix_first",  # importance 3 on the split: high
    }


def test_split_moves_the_quadrants():
    # split 4: B (imp 3, ist 3) is low/low; A (5, 2) stays fix_first; on 4 itself:
    # a touchpoint with imp 4 ist 4 is keep_up
    rows = [*ONE_ROUND, ("F", "loyalty", "personal", "KAM", "all", 4, 4, 4, "2026-03-01")]
    tp = by_name(result(rows, split=4))
    assert tp.loc["B", "quadrant"] == "low_priority"
    assert tp.loc["A", "quadrant"] == "fix_first"
    assert tp.loc["F", "quadrant"] == "keep_up"
    assert tp.loc["C", "quadrant"] == "low_priority"


def test_quadrant_function_on_every_corner_of_the_split():
    imp = pd.Series([3.0, 3.0, 2.99, 2.99])
    ist = pd.Series([3.0, 2.99, 3.0, 2.99])
    assert list(T.quadrant(imp, ist, 3)) == [
        "keep_up",
        "fix_first",
        "possible_overkill",
        "low_priority",
    ]
    counts = result().quadrants.set_index("quadrant")["touchpoints"].to_dict()
    assert counts == {"fix_first": 2, "keep_up": 1, "possible_overkill": 1, "low_priority": 1}


def test_coverage_gaps():
    cov = result().coverage.set_index("phase")
    # awareness: only A, fix_first -> all_fix_first; delivery: only E, fix_first -> all_fix_first;
    # evaluation: B keep_up, C overkill -> none; purchase: D -> none; use_service, loyalty: empty
    assert cov["coverage_gap"].to_dict() == {
        "awareness": "all_fix_first",
        "evaluation": "",
        "purchase": "",
        "delivery": "all_fix_first",
        "use_service": "no_touchpoints",
        "loyalty": "no_touchpoints",
    }
    assert cov["touchpoints"].to_dict() == {
        "awareness": 1,
        "evaluation": 2,
        "purchase": 1,
        "delivery": 1,
        "use_service": 0,
        "loyalty": 0,
    }
    assert list(result().coverage_gaps["phase"]) == [
        "awareness",
        "delivery",
        "use_service",
        "loyalty",
    ]


def test_phase_and_channel_aliases_unknown_kept():
    rows = [
        ("K1", "Kauf", "Persönlich", "X", "", 4, 2, 4, "2026-03-01"),
        ("K2", "Nutzung/Service", "Digital", "X", "", 4, 4, 4, "2026-03-01"),
        ("K3", "use", "Druck", "X", "", 4, 4, 4, "2026-03-01"),
        ("K4", " Bindung ", "Produkt", "X", "", 4, 4, 4, "2026-03-01"),
        ("K5", "Nachbetreuung", "Fax", "X", "", 4, 4, 4, "2026-03-01"),
    ]
    res = result(rows)
    tp = by_name(res)
    assert tp["phase"].to_dict() == {
        "K1": "purchase",
        "K2": "use_service",
        "K3": "use_service",
        "K4": "loyalty",
        "K5": "Nachbetreuung",  # unknown: kept under its own name
    }
    assert tp["channel"].to_dict() == {
        "K1": "personal",
        "K2": "digital",
        "K3": "print",
        "K4": "product",
        "K5": "Fax",
    }
    assert res.unknown_phases == ["Nachbetreuung"]
    assert res.unknown_channels == ["Fax"]
    # the unknown phase follows the known ones in the coverage table
    assert list(res.coverage["phase"]) == [*T.PHASES, "Nachbetreuung"]


def test_heatmap_mean_gap_and_inventory_owners():
    rows = [
        ("A", "awareness", "digital", "Marketing", "all", 5, 2, 4, "2026-03-01"),  # gap 2
        ("A2", "awareness", "digital", "Web team", "all", 4, 4, 3, "2026-03-01"),  # gap -1
        ("B", "evaluation", "personal", "Sales", "all", 3, 3, 5, "2026-03-01"),  # gap 2
    ]
    res = result(rows)
    m = res.heatmap_matrix()
    # awareness x digital: (2 + -1) / 2 = 0.5; evaluation x personal: 2
    assert m.loc["awareness", "digital"] == 0.5
    assert m.loc["evaluation", "personal"] == 2
    assert math.isnan(m.loc["awareness", "personal"])
    assert list(m.index) == ["awareness", "evaluation"]
    assert list(m.columns) == ["personal", "digital"]
    inv = res.inventory.set_index(["phase", "channel"])
    assert inv.loc[("awareness", "digital"), "owners"] == "Marketing;Web team"
    assert inv.loc[("awareness", "digital"), "touchpoints"] == 2


def test_measure_plan_top_n_and_to_be_set():
    cols = [*COLS, "measure", "due", "kpi"]
    rows = [
        (*ONE_ROUND[0], "Rework product finder", "2026-09-30", "bounce rate < 40 %"),
        ("B", "evaluation", "personal", None, "all", 3, 3, 5, "2026-03-01", None, None, None),
        (*ONE_ROUND[2], None, None, None),
        (*ONE_ROUND[3], None, None, None),
        (*ONE_ROUND[4], "Delivery promise", None, None),
    ]
    res = compute(prepare_frame(frame(rows, cols)), TouchpointSettings(top_n=2))
    plan = res.measure_plan
    # priorities E 12, A 10, B 6, D 2, C 0 -> top 2: E, A
    assert list(plan["touchpoint"]) == ["E", "A"]
    assert list(plan["to_be_set"]) == ["due;kpi", ""]
    assert plan.loc[1, "due"] == pd.Timestamp("2026-09-30")
    # priority 0 never enters the plan, however long it is
    long = compute(prepare_frame(frame(rows, cols)), TouchpointSettings(top_n=10)).measure_plan
    assert list(long["touchpoint"]) == ["E", "A", "B", "D"]
    # B has no owner either: fixed order owner;measure;due;kpi
    assert long.set_index("touchpoint").loc["B", "to_be_set"] == "owner;measure;due;kpi"
    assert long.set_index("touchpoint").loc["D", "to_be_set"] == "measure;due;kpi"


# Three rounds. Ist per touchpoint (soll 4 everywhere, importance 4):
#   X: r1 2, r2 3, r3 4 -> previous = r2 (latest earlier round) 3, change +1 improved, reached
#   Y: r1 3,       r3 3 -> previous 3 (r1, skipped r2), change 0 unchanged, not reached
#   Z:       r2 4, r3 2 -> previous 4, change -2 worse
#   W:             r3 5 -> no earlier rating: previous/change empty, direction ""; reached
#   V: r1 1 only        -> current = its latest round r1; no earlier: not compared
R1, R2, R3 = "2025-01-10", "2025-07-10", "2026-01-10"
ROUNDS = [
    ("X", "purchase", "digital", "o", "s", 4, 2, 4, R1),
    ("X", "purchase", "digital", "o", "s", 4, 3, 4, R2),
    ("X", "purchase", "digital", "o", "s", 4, 4, 4, R3),
    ("Y", "purchase", "digital", "o", "s", 4, 3, 4, R1),
    ("Y", "purchase", "digital", "o", "s", 4, 3, 4, R3),
    ("Z", "purchase", "digital", "o", "s", 4, 4, 4, R2),
    ("Z", "purchase", "digital", "o", "s", 4, 2, 4, R3),
    ("W", "purchase", "digital", "o", "s", 4, 5, 4, R3),
    ("V", "purchase", "digital", "o", "s", 4, 1, 4, R1),
]


def test_deviation_between_rounds():
    res = result(ROUNDS)
    tp = by_name(res)
    assert tp.loc["X", "previous_ist"] == 3 and tp.loc["X", "change"] == 1
    assert tp.loc["Y", "previous_ist"] == 3 and tp.loc["Y", "change"] == 0
    assert tp.loc["Z", "previous_ist"] == 4 and tp.loc["Z", "change"] == -2
    for name in ("W", "V"):
        assert pd.isna(tp.loc[name, "previous_ist"]) and pd.isna(tp.loc[name, "change"])
        assert tp.loc[name, "direction"] == ""
    assert tp["direction"].to_dict() == {
        "V": "",
        "Z": "worse",
        "Y": "unchanged",
        "X": "improved",
        "W": "",
    }
    assert tp.loc["V", "round"] == pd.Timestamp(R1)
    assert tp.loc["Y", "previous_round"] == pd.Timestamp(R1)
    assert tp["target_reached"].to_dict() == {
        "V": False,
        "Z": False,
        "Y": False,
        "X": True,
        "W": True,
    }
    assert res.deviation == {
        "touchpoints": 5,
        "compared": 3,
        "not_compared": 2,
        "improved": 1,
        "unchanged": 1,
        "worse": 1,
        "targets_reached": 2,
    }
    assert res.rounds == [pd.Timestamp(R1), pd.Timestamp(R2), pd.Timestamp(R3)]
    assert res.latest_round == pd.Timestamp(R3)


def test_same_name_in_two_segments_are_two_touchpoints():
    rows = [
        ("Hotline", "use_service", "personal", "o", "A customers", 5, 2, 5, R1),
        ("Hotline", "use_service", "personal", "o", "C customers", 2, 2, 3, R1),
        ("Hotline", "use_service", "personal", "o", "A customers", 5, 4, 5, R2),
    ]
    tp = result(rows).touchpoints.set_index("segment")
    assert tp.loc["A customers", "change"] == 2  # 4 - 2
    assert pd.isna(tp.loc["C customers", "change"])


def test_several_raters_in_one_round_are_averaged():
    rows = [
        ("X", "purchase", "digital", "o", "s", 4, 2, 4, R1),
        ("X", "purchase", "digital", "o", "s", 5, 4, 4, R1),
    ]
    res = result(rows)
    tp = by_name(res)
    # importance (4+5)/2 = 4.5, ist (2+4)/2 = 3, gap 4 - 3 = 1, priority 1 * 4.5
    assert tp.loc["X", "importance"] == 4.5
    assert tp.loc["X", "ist"] == 3
    assert tp.loc["X", "priority"] == 4.5
    assert res.merged_rows == 1


def test_undated_rows_are_older_than_dated_rounds():
    rows = [
        ("X", "purchase", "digital", "o", "s", 4, 2, 4, None),
        ("X", "purchase", "digital", "o", "s", 4, 3, 4, R1),
    ]
    tp = by_name(result(rows))
    assert tp.loc["X", "ist"] == 3 and tp.loc["X", "change"] == 1


def test_export_columns_and_order():
    ex = result().export_frame()
    assert list(ex.columns) == list(T.EXPORT_COLUMNS)
    assert list(ex["touchpoint"]) == ["E", "A", "B", "D", "C"]  # priority 12, 10, 6, 2, 0
    # ties on priority: touchpoint ascending
    rows = [
        ("b", "purchase", "digital", "o", "", 2, 2, 3, R1),
        ("a", "purchase", "digital", "o", "", 2, 2, 3, R1),
    ]
    assert list(result(rows).export_frame()["touchpoint"]) == ["a", "b"]


def test_only_the_latest_round_of_each_touchpoint_is_exported():
    ex = result(ROUNDS).export_frame()
    assert len(ex) == 5
    assert ex.set_index("touchpoint").loc["X", "ist"] == 4


def test_settings_defaults_and_validation():
    s = TouchpointSettings()
    assert (s.split, s.top_n) == (3, 10)
    with pytest.raises(ValueError, match="touchpoints.split"):
        TouchpointSettings(split=6)
    with pytest.raises(ValueError, match="touchpoints.top_n"):
        TouchpointSettings(top_n=0)


def test_analyse_a_client_loaded_by_the_data_layer(tmp_path, monkeypatch):
    # German headers, phase/channel spellings and dates as a client would send them
    monkeypatch.setenv("KAM_CACHE_DIR", str(tmp_path / "cache"))
    d = tmp_path / "client"
    d.mkdir()
    (d / "client.yaml").write_text("name: Test GmbH\n", encoding="utf-8")
    (d / "customers.csv").write_text("customer_id,name\n1,A\n", encoding="utf-8")
    (d / "sales.csv").write_text("date,customer_id,net_revenue\n2026-01-05,1,100\n", "utf-8")
    (d / "touchpoints.csv").write_text(
        "Kontaktpunkt;Phase;Kanal;Verantwortlich;Wichtigkeit;Ist;Soll;Runde\n"
        "Messe;Aufmerksamkeit;persönlich;Marketing;4;3;4;15.10.2025\n"
        "Messe;Aufmerksamkeit;persönlich;Marketing;4;2;4;22.04.2026\n"
        "Hotline;Nutzung/Service;Telefon;Service;5;4;4;22.04.2026\n",
        encoding="utf-8",
    )
    res = T.analyse(load_client(d))
    tp = by_name(res)
    # Messe: gap 4 - 2 = 2, priority 2 * 4 = 8, imp 4 high, ist 2 low -> fix_first; 3 -> 2 worse
    assert tp.loc["Messe", ["phase", "channel", "gap", "priority", "quadrant"]].tolist() == [
        "awareness",
        "personal",
        2,
        8,
        "fix_first",
    ]
    assert tp.loc["Messe", "change"] == -1 and tp.loc["Messe", "direction"] == "worse"
    # Hotline: gap 0, priority 0, keep_up; "Telefon" is no channel id: kept, listed
    assert tp.loc["Hotline", ["phase", "channel", "priority"]].tolist() == [
        "use_service",
        "Telefon",
        0,
    ]
    assert res.unknown_channels == ["Telefon"]
    assert res.latest_round == pd.Timestamp("2026-04-22")
