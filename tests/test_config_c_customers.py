"""client.yaml ``c_customers:`` section: DESIGN/METHODOLOGY defaults and refusals by key path."""

from __future__ import annotations

import pytest

from kamlib.config import ConfigError, parse_config
from kamlib.data.templates import client_yaml_text


def _problems(section: dict) -> list[tuple[str, str]]:
    with pytest.raises(ConfigError) as exc:
        parse_config({"name": "x", "c_customers": section})
    return exc.value.problems


def test_defaults_follow_design_and_methodology() -> None:
    s = parse_config({"name": "x"}).c_customers
    assert s.unit_costs == {
        "visits": 250,
        "calls": 15,
        "orders": 40,
        "deliveries": 30,
        "complaints": 120,
        "returns": 80,
        "quotes": 60,
    }
    assert (s.pricing.surcharge, s.pricing.loss_share) == (25, 0.20)
    assert (s.pricing.step, s.pricing.max_order_value, s.pricing.scope) == (
        50,
        1000,
        "c_customers",
    )
    assert s.max_revenue is None
    assert s.growth_min == 0.20
    r = s.channel_rules
    assert (r.distributor_max_revenue, r.webshop_min_orders, r.webshop_max_order_value) == (
        5000,
        12,
        250,
    )
    assert s.channel_costs["field_sales"] == {"per_customer": 1500, "per_order": 40}
    assert s.trend_periods == 3


def test_partial_unit_costs_are_accepted() -> None:
    s = parse_config({"name": "x", "c_customers": {"unit_costs": {"visits": 400}}}).c_customers
    assert s.unit_costs == {"visits": 400}  # the analysis fills the others with defaults


@pytest.mark.parametrize(
    ("section", "path"),
    [
        ({"unit_costs": {"visits": -1}}, "c_customers.unit_costs"),
        ({"unit_costs": {"lunches": 10}}, "c_customers.unit_costs"),
        ({"pricing": {"loss_share": 1.5}}, "c_customers.pricing.loss_share"),
        ({"pricing": {"surcharge": -5}}, "c_customers.pricing.surcharge"),
        ({"pricing": {"step": 0}}, "c_customers.pricing.step"),
        ({"pricing": {"scope": "some"}}, "c_customers.pricing.scope"),
        (
            {"channel_rules": {"webshop_min_orders": 0}},
            "c_customers.channel_rules.webshop_min_orders",
        ),
        ({"channel_costs": {"carrier_pigeon": {"per_order": 1}}}, "c_customers.channel_costs"),
        ({"channel_costs": {"webshop_edi": {"per_order": -1}}}, "c_customers.channel_costs"),
        ({"channel_costs": {"webshop_edi": {"per_year": 1}}}, "c_customers.channel_costs"),
        ({"max_revenue": 0}, "c_customers.max_revenue"),
        ({"growth_min": -0.1}, "c_customers.growth_min"),
        ({"trend_periods": 0}, "c_customers.trend_periods"),
        ({"colour": "red"}, "c_customers.colour"),
    ],
)
def test_nonsense_is_refused_with_the_key_path(section: dict, path: str) -> None:
    keys = [k for k, _ in _problems(section)]
    assert path in keys


def test_unknown_key_message_is_the_kit_wide_one() -> None:
    problems = dict(_problems({"pricing": {"minimum": 10}}))
    assert "unknown key" in problems["c_customers.pricing.minimum"]


@pytest.mark.parametrize("lang", ["de", "en"])
def test_kam_new_yaml_carries_the_section_and_loads_back(lang: str) -> None:
    from ruamel.yaml import YAML

    text = client_yaml_text("Muster GmbH", lang)
    assert "\nc_customers:" in text
    assert "channel_costs:" in text
    data = YAML(typ="safe").load(text)
    cfg = parse_config(data)
    assert cfg.c_customers == parse_config({"name": "x"}).c_customers
