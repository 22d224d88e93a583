"""Saving workshop settings into client.yaml (kamlib.settings_io)."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kamlib.config import ConfigError, load_config
from kamlib.settings_io import backup_dir_for, round_weights, save_settings

CLIENT_YAML = """\
# Engagement settings for Muster Maschinenbau (workshop 12.05.)
name: "Muster Maschinenbau GmbH"
language: de                 # de | en
as_of: 2026-06-30            # fixed for the engagement
portfolio:
  window_months: 12          # 12 calendar months ending with as_of's month
  abc: {basis: revenue, cutoffs: [0.80, 0.95]}          # Pareto convention
  potential: {future_demand: 0.4, share_of_wallet: 0.3, growth: 0.3}   # agreed with sales
  attractiveness:
    decision_access: 0.3     # access to decision makers
    processes: 0.2
    chemistry: 0.2
    strategy: 0.15
    margin_quality: 0.15
  # split the axes in the middle until the workshop decides otherwise
  zone_split: {potential: 50, attractiveness: 50}
"""


@pytest.fixture
def client_dir(tmp_path: Path) -> Path:
    d = tmp_path / "data" / "muster"
    d.mkdir(parents=True)
    (d / "client.yaml").write_text(CLIENT_YAML, encoding="utf-8")
    (d / "customers.csv").write_text("customer_id,name\n1,A\n", encoding="utf-8")
    return d


NOW = dt.datetime(2026, 7, 1, 9, 30, 5)


def test_save_changes_value_and_keeps_comments_order_and_quotes(client_dir: Path):
    save_settings(client_dir, {"portfolio.zone_split.potential": 60}, now=NOW)
    text = (client_dir / "client.yaml").read_text(encoding="utf-8")
    # only the one number changed: every other line is byte-identical
    expected = CLIENT_YAML.replace(
        "zone_split: {potential: 50, attractiveness: 50}",
        "zone_split: {potential: 60, attractiveness: 50}",
    )
    assert text == expected
    assert load_config(client_dir / "client.yaml").portfolio.zone_split.potential == 60


def test_backup_is_previous_file_outside_the_client_folder(client_dir: Path):
    before = (client_dir / "client.yaml").read_bytes()
    files_before = sorted(p.name for p in client_dir.iterdir())
    report = save_settings(client_dir, {"portfolio.zone_split.potential": 60}, now=NOW)
    # default place: <parent>/.kam-backups/<client folder>/client-YYYYmmdd-HHMMSS.yaml
    assert (
        report.backup
        == client_dir.parent / ".kam-backups" / "muster" / "client-20260701-093005.yaml"
    )
    assert report.backup.read_bytes() == before
    assert client_dir not in report.backup.parents
    # nothing else appeared in the client folder (no backup, no temp file)
    assert sorted(p.name for p in client_dir.iterdir()) == files_before
    assert str(report.backup) in report.message("de")
    assert str(report.backup) in report.message("en")


def test_two_saves_in_one_second_keep_both_backups(client_dir: Path):
    first = save_settings(client_dir, {"portfolio.zone_split.potential": 60}, now=NOW)
    second = save_settings(client_dir, {"portfolio.zone_split.potential": 65}, now=NOW)
    assert first.backup.name == "client-20260701-093005.yaml"
    assert second.backup.name == "client-20260701-093005-2.yaml"
    assert "potential: 50" in first.backup.read_text()
    assert "potential: 60" in second.backup.read_text()


def test_weights_are_written_normalised_with_three_decimals(client_dir: Path):
    # 0.6 / 0.2 / 0.1 / 0.15 / 0.15 sums to 1.2:
    # 0.6/1.2 = 0.5, 0.2/1.2 = 0.1667 -> 0.167, 0.1/1.2 = 0.0833 -> 0.083,
    # 0.15/1.2 = 0.125 (twice); 0.5 + 0.167 + 0.083 + 0.125 + 0.125 = 1.000
    weights = {
        "decision_access": 0.6,
        "processes": 0.2,
        "chemistry": 0.1,
        "strategy": 0.15,
        "margin_quality": 0.15,
    }
    report = save_settings(client_dir, {"portfolio.attractiveness": weights}, now=NOW)
    text = (client_dir / "client.yaml").read_text(encoding="utf-8")
    assert "    decision_access: 0.5     # access to decision makers\n" in text
    assert "    processes: 0.167\n" in text
    assert "    chemistry: 0.083\n" in text
    assert "    strategy: 0.125\n" in text
    cfg = load_config(client_dir / "client.yaml")
    assert cfg.portfolio.attractiveness == {
        "decision_access": 0.5,
        "processes": 0.167,
        "chemistry": 0.083,
        "strategy": 0.125,
        "margin_quality": 0.125,
    }
    changed = {c.path: (c.old, c.new) for c in report.changes}
    assert changed["portfolio.attractiveness.decision_access"] == (0.3, 0.5)
    assert changed["portfolio.attractiveness.chemistry"] == (0.2, 0.083)
    assert len(changed) == 5


def test_weights_equal_after_normalising_count_as_unchanged(client_dir: Path):
    # 0.8/0.6/0.6 is 0.4/0.3/0.3 scaled by 2: nothing to write
    report = save_settings(
        client_dir,
        {"portfolio.potential": {"future_demand": 0.8, "share_of_wallet": 0.6, "growth": 0.6}},
        now=NOW,
    )
    assert not report.changed and report.backup is None
    assert (client_dir / "client.yaml").read_text(encoding="utf-8") == CLIENT_YAML


def test_unchanged_values_write_nothing_and_make_no_backup(client_dir: Path):
    mtime = os.stat(client_dir / "client.yaml").st_mtime_ns
    report = save_settings(
        client_dir,
        {"portfolio.zone_split.potential": 50.0, "portfolio.abc.cutoffs": (0.8, 0.95)},
        now=NOW,
    )
    assert report.changes == [] and report.backup is None and not report.written
    assert os.stat(client_dir / "client.yaml").st_mtime_ns == mtime
    assert not (client_dir.parent / ".kam-backups").exists()
    assert "Nichts zu speichern" in report.message("de")


def test_missing_mapping_keys_are_created(tmp_path: Path):
    d = tmp_path / "mini"
    d.mkdir()
    (d / "client.yaml").write_text("name: Mini GmbH  # only the name\n", encoding="utf-8")
    save_settings(d, {"portfolio.zone_split.potential": 60, "portfolio.xyz.cutoffs": [0.4, 0.9]})
    text = (d / "client.yaml").read_text(encoding="utf-8")
    assert text.startswith("name: Mini GmbH  # only the name\n")
    cfg = load_config(d / "client.yaml")
    assert cfg.portfolio.zone_split.potential == 60
    assert cfg.portfolio.zone_split.attractiveness == 50  # default untouched
    assert cfg.portfolio.xyz.cutoffs == (0.4, 0.9)
    assert "cutoffs: [0.4, 0.9]" in text  # cut-off pairs are written on one line


def test_cutoff_list_is_updated_in_place_keeping_flow_style(client_dir: Path):
    report = save_settings(client_dir, {"portfolio.abc.cutoffs": (0.75, 0.95)}, now=NOW)
    text = (client_dir / "client.yaml").read_text(encoding="utf-8")
    assert "  abc: {basis: revenue, cutoffs: [0.75, 0.95]}          # Pareto convention\n" in text
    assert [(c.path, c.old, c.new) for c in report.changes] == [
        ("portfolio.abc.cutoffs", [0.8, 0.95], [0.75, 0.95])
    ]


@pytest.mark.parametrize(
    ("changes", "bad_key"),
    [
        ({"portfolio.abc.cutoffs": (0.95, 0.80)}, "portfolio.abc.cutoffs"),
        ({"portfolio.zone_split.potential": 140}, "portfolio.zone_split.potential"),
        (
            {"portfolio.potential": {"future_demand": 0, "share_of_wallet": 0}},
            "portfolio.potential",
        ),
        ({"portfolio.attractiveness": {"charm": 1.0}}, "portfolio.attractiveness"),
        ({"portfolio.zone_spilt.potential": 60}, "portfolio.zone_spilt"),
    ],
)
def test_invalid_values_are_refused_without_touching_the_file(client_dir: Path, changes, bad_key):
    with pytest.raises(ConfigError) as info:
        save_settings(client_dir, changes, now=NOW)
    assert bad_key in [k for k, _ in info.value.problems]
    assert (client_dir / "client.yaml").read_text(encoding="utf-8") == CLIENT_YAML
    assert not (client_dir.parent / ".kam-backups").exists()


def test_failed_replace_leaves_file_and_folder_untouched(client_dir: Path, monkeypatch):
    def broken_replace(src, dst):
        raise OSError("disk full")

    monkeypatch.setattr(os, "replace", broken_replace)
    files_before = sorted(p.name for p in client_dir.iterdir())
    with pytest.raises(OSError, match="disk full"):
        save_settings(client_dir, {"portfolio.zone_split.potential": 60}, now=NOW)
    assert (client_dir / "client.yaml").read_text(encoding="utf-8") == CLIENT_YAML
    assert sorted(p.name for p in client_dir.iterdir()) == files_before
    leftovers = list((client_dir.parent / ".kam-backups" / "muster").glob("*.tmp"))
    assert leftovers == []


def test_windows_line_endings_and_bom_are_kept(tmp_path: Path):
    d = tmp_path / "win"
    d.mkdir()
    raw = "\ufeffname: Win GmbH\r\nportfolio:\r\n  zone_split: {potential: 50}  # split\r\n"
    (d / "client.yaml").write_bytes(raw.encode("utf-8"))
    save_settings(d, {"portfolio.zone_split.potential": 55})
    assert (d / "client.yaml").read_bytes() == raw.replace("50", "55").encode("utf-8")


def test_four_space_indentation_is_kept(tmp_path: Path):
    d = tmp_path / "wide"
    d.mkdir()
    raw = "name: Wide\nportfolio:\n    zone_split:\n        potential: 50   # wide indent\n"
    (d / "client.yaml").write_text(raw, encoding="utf-8")
    save_settings(d, {"portfolio.zone_split.potential": 45})
    assert (d / "client.yaml").read_text(encoding="utf-8") == raw.replace("50", "45")


def test_backup_root_from_environment(client_dir: Path, tmp_path: Path, monkeypatch):
    monkeypatch.setenv("KAM_BACKUP_DIR", str(tmp_path / "elsewhere"))
    report = save_settings(client_dir, {"portfolio.zone_split.potential": 60}, now=NOW)
    assert report.backup == tmp_path / "elsewhere" / "muster" / "client-20260701-093005.yaml"


def test_backup_folder_inside_client_folder_is_refused(client_dir: Path):
    with pytest.raises(ValueError, match="outside the client folder"):
        backup_dir_for(client_dir, backup_root=client_dir)


def test_missing_client_yaml_is_a_config_error(tmp_path: Path):
    with pytest.raises(ConfigError, match="client.yaml not found"):
        save_settings(tmp_path, {"portfolio.zone_split.potential": 60})


def test_round_weights_thirds():
    # 1/3 each = 0.3333…; floors 0.333 ×3 = 0.999, the missing 0.001 goes to the first
    assert round_weights({"a": 1, "b": 1, "c": 1}) == {"a": 0.334, "b": 0.333, "c": 0.333}


@given(
    st.dictionaries(
        st.sampled_from(list("abcdefgh")),
        st.floats(min_value=0, max_value=100, allow_nan=False),
        min_size=1,
    ).filter(lambda d: sum(d.values()) > 1e-6)
)
def test_rounded_weights_sum_to_one_and_stay_within_a_thousandth(weights):
    total = sum(weights.values())
    rounded = round_weights(weights)
    assert list(rounded) == list(weights)
    assert round(sum(rounded.values()) * 1000) == 1000
    for k, v in rounded.items():
        assert abs(v - weights[k] / total) <= 0.001 + 1e-12
        assert round(v * 1000) == pytest.approx(v * 1000)
