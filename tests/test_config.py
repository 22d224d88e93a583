"""client.yaml model: defaults, normalisation and errors that name the key."""

import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kamlib.config import (
    ClientConfig,
    ConfigError,
    load_config,
    normalise_weights,
    parse_config,
)


def test_only_name_is_required_and_defaults_follow_design():
    cfg = parse_config({"name": "Muster GmbH"})
    assert cfg.language == "de"
    assert cfg.currency == "EUR"
    assert cfg.portfolio.window_months == 12
    assert cfg.portfolio.abc.cutoffs == (0.80, 0.95)
    assert cfg.portfolio.xyz.cutoffs == (0.5, 1.0)
    assert cfg.portfolio.xyz.min_history_months == 3
    assert cfg.portfolio.zone_split.potential == 50
    assert cfg.portfolio.key_account.cut_score == 60
    assert cfg.portfolio.customer_types.breadwinner_profit_share == 0.10


def test_missing_name_is_reported_with_its_key():
    with pytest.raises(ConfigError) as exc:
        parse_config({"language": "en"})
    assert ("name", "required key is missing") in exc.value.problems


def test_cutoffs_out_of_order_name_the_key_path():
    with pytest.raises(ConfigError) as exc:
        parse_config({"name": "x", "portfolio": {"abc": {"cutoffs": [0.95, 0.80]}}})
    keys = [k for k, _ in exc.value.problems]
    assert keys == ["portfolio.abc.cutoffs"]
    assert "ascending" in str(exc.value)


def test_negative_weight_is_rejected():
    with pytest.raises(ConfigError) as exc:
        parse_config(
            {"name": "x", "portfolio": {"potential": {"growth": -0.1, "future_demand": 1}}}
        )
    assert exc.value.problems[0][0] == "portfolio.potential"
    assert "negative" in exc.value.problems[0][1]


def test_unknown_criterion_and_unknown_key_are_both_reported():
    with pytest.raises(ConfigError) as exc:
        parse_config(
            {"name": "x", "colour": "red", "portfolio": {"attractiveness": {"sympathy": 1}}}
        )
    keys = sorted(k for k, _ in exc.value.problems)
    assert keys == ["colour", "portfolio.attractiveness"]


def test_all_zero_weights_are_rejected():
    with pytest.raises(ConfigError):
        parse_config({"name": "x", "portfolio": {"potential": {"growth": 0, "future_demand": 0}}})


def test_language_must_be_de_or_en():
    with pytest.raises(ConfigError) as exc:
        parse_config({"name": "x", "language": "fr"})
    assert exc.value.problems[0][0] == "language"


def test_legacy_breadwinner_key_is_honoured():
    cfg = parse_config({"name": "x", "portfolio": {"breadwinner_profit_share": 0.2}})
    assert cfg.portfolio.customer_types.breadwinner_profit_share == 0.2


def test_normalise_weights_hand_case():
    # 2 + 1 + 1 = 4 -> 0.5, 0.25, 0.25
    assert normalise_weights({"a": 2, "b": 1, "c": 1}) == {"a": 0.5, "b": 0.25, "c": 0.25}


@given(st.dictionaries(st.text(min_size=1, max_size=5), st.floats(0, 1e6), min_size=1, max_size=8))
def test_normalised_weights_sum_to_one(weights):
    if sum(weights.values()) <= 0:
        with pytest.raises(ValueError):
            normalise_weights(weights)
        return
    out = normalise_weights(weights)
    assert math.isclose(sum(out.values()), 1.0, rel_tol=1e-9)
    assert all(v >= 0 for v in out.values())


def test_load_config_reports_missing_empty_and_broken_files(tmp_path):
    with pytest.raises(ConfigError, match="not found"):
        load_config(tmp_path / "client.yaml")
    (tmp_path / "client.yaml").write_text("")
    with pytest.raises(ConfigError, match="empty"):
        load_config(tmp_path / "client.yaml")
    (tmp_path / "client.yaml").write_text("name: [unclosed\n")
    with pytest.raises(ConfigError, match="not valid YAML"):
        load_config(tmp_path / "client.yaml")
    (tmp_path / "client.yaml").write_text("- just\n- a list\n")
    with pytest.raises(ConfigError, match="mapping"):
        load_config(tmp_path / "client.yaml")


def test_load_config_reads_utf8_bom_and_dates(tmp_path):
    (tmp_path / "client.yaml").write_text(
        "\ufeffname: Müller Anlagenbau\nas_of: 2026-06-30\nlanguage: en\n", encoding="utf-8"
    )
    cfg = load_config(tmp_path / "client.yaml")
    assert isinstance(cfg, ClientConfig)
    assert cfg.name == "Müller Anlagenbau"
    assert cfg.as_of.isoformat() == "2026-06-30"
