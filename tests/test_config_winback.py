"""client.yaml ``winback:`` section and the deprecated ``overview.lost_after_months``."""

from __future__ import annotations

from pathlib import Path

import pytest

from kamlib.config import ConfigError, parse_config
from kamlib.data.templates import client_yaml_text


def _problems(data: dict) -> dict[str, str]:
    with pytest.raises(ConfigError) as exc:
        parse_config({"name": "X", **data})
    return dict(exc.value.problems)


def test_defaults_follow_methodology():
    cfg = parse_config({"name": "X"})
    assert cfg.winback.lost_after_months == 12
    assert cfg.winback.winnability == {
        "price": 0.6,
        "delivery": 0.7,
        "service": 0.8,
        "quality": 0.5,
        "contact": 0.8,
        "relocation": 0.1,
        "insolvency": 0.0,
        "unknown": 0.5,
    }
    assert cfg.deprecated_keys == []


def test_partial_winnability_keeps_the_other_defaults():
    cfg = parse_config({"name": "X", "winback": {"winnability": {"price": 0.9}}})
    assert cfg.winback.winnability["price"] == 0.9
    assert cfg.winback.winnability["delivery"] == 0.7


@pytest.mark.parametrize(
    ("section", "path"),
    [
        ({"lost_after_months": 0}, "winback.lost_after_months"),
        ({"lost_after_months": 40}, "winback.lost_after_months"),
        ({"lost_after_months": "zwölf"}, "winback.lost_after_months"),
        ({"winnability": {"price": 1.5}}, "winback.winnability.price"),
        ({"winnability": {"price": -0.1}}, "winback.winnability.price"),
        ({"winnability": {"weather": 0.5}}, "winback.winnability"),
        ({"lost_after": 12}, "winback.lost_after"),
    ],
)
def test_nonsense_is_refused_with_the_key_path(section, path):
    assert path in _problems({"winback": section})


def test_unknown_reason_names_the_allowed_ones():
    msg = _problems({"winback": {"winnability": {"weather": 0.5}}})["winback.winnability"]
    assert "weather" in msg and "insolvency" in msg


def test_deprecated_overview_key_still_sets_the_rule_and_is_reported():
    cfg = parse_config({"name": "X", "overview": {"lost_after_months": 9}})
    assert cfg.winback.lost_after_months == 9
    assert cfg.deprecated_keys == [("overview.lost_after_months", "winback.lost_after_months")]


def test_alias_and_new_key_with_the_same_value_are_accepted():
    cfg = parse_config(
        {"name": "X", "overview": {"lost_after_months": 9}, "winback": {"lost_after_months": 9}}
    )
    assert cfg.winback.lost_after_months == 9


def test_alias_and_new_key_with_different_values_name_both_paths():
    problems = _problems(
        {"overview": {"lost_after_months": 9}, "winback": {"lost_after_months": 12}}
    )
    (path, msg) = next(iter(problems.items()))
    assert path == "overview.lost_after_months"
    assert "winback.lost_after_months" in msg and "9" in msg and "12" in msg


def test_deprecated_key_is_a_warning_in_the_data_check(tmp_path: Path):
    from kamlib.data.validate import collect

    (tmp_path / "client.yaml").write_text(
        "name: X\noverview:\n  lost_after_months: 9\n", encoding="utf-8"
    )
    problems = collect(tmp_path, "en").problems
    row = problems[problems["column"] == "overview.lost_after_months"]
    assert row["severity"].tolist() == ["warning"]
    assert "winback.lost_after_months" in row["message"].iloc[0]


@pytest.mark.parametrize("lang", ["de", "en"])
def test_kam_new_writes_the_new_key_and_not_the_alias(lang):
    text = client_yaml_text("X", lang)
    assert "\nwinback:" in text
    assert "  lost_after_months: 12" in text.split("\nwinback:", 1)[1]
    assert "lost_after_months" not in text.split("\nwinback:", 1)[0]
    cfg = parse_config(__import__("yaml").safe_load(text))
    assert cfg.deprecated_keys == []


def test_demo_client_files_use_the_new_key():
    root = Path(__file__).resolve().parent.parent
    for client in ("demo-maschinenbau", "demo-components"):
        text = (root / "client_data" / client / "client.yaml").read_text(encoding="utf-8")
        assert text.count("lost_after_months") == 1
        assert "\nwinback:\n  lost_after_months: 12 " in text
