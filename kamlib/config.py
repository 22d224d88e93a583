"""Engagement configuration: ``client.yaml`` -> validated pydantic model.

Every threshold and weight used by an analysis has exactly one home: a field
in this module, with a default and a comment that says why. ``client.yaml``
overrides any of them; every key except ``name`` is optional.

Weights are given as ``{criterion_id: weight}`` mappings. They are normalised
to sum to 1 (see :func:`normalise_weights`); negative weights, all-zero weight
sets and cut-offs out of order are rejected with the key's path in the message.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Annotated, Literal

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    ValidationError,
    field_validator,
    model_validator,
)
from ruamel.yaml import YAML
from ruamel.yaml.error import YAMLError

Language = Literal["de", "en"]
Fraction = Annotated[float, Field(ge=0.0, le=1.0)]

#: Criterion ids a portfolio weight may use, with where the value comes from.
#: ``data`` criteria are derived from sales/customers when no rating exists.
POTENTIAL_CRITERIA: dict[str, str] = {
    "future_demand": "rating",  # customer's future demand for our offer
    "share_of_wallet": "data",  # low current share of wallet = high potential
    "growth": "data",  # revenue trend of the customer
    "customer_size": "rating",  # size / purchasing volume of the customer
    "market_position": "rating",  # customer's position in its own market
}
ATTRACTIVENESS_CRITERIA: dict[str, str] = {
    "decision_access": "rating",  # access to decision makers
    "processes": "rating",  # customer has the relevant processes under control
    "chemistry": "rating",  # the personal fit works
    "strategy": "rating",  # customer has a clear strategy
    "margin_quality": "data",  # contribution margin ratio vs. portfolio
    "payment_behaviour": "rating",  # pays on time, little friction
}
KEY_ACCOUNT_CRITERIA: dict[str, str] = {
    "revenue": "data",
    "margin": "data",
    "market_significance": "rating",
    "know_how": "rating",  # know-how carrier / innovation partner
    "door_opener": "rating",  # reference and door opener to other customers
    "buying_center": "rating",  # care complexity / size of the buying center
    "opportunity_field": "rating",  # breadth of the opportunity field
    "strategic_fit": "rating",
}

#: criteria used only by the customer-type rules (seed 002)
CUSTOMER_TYPE_CRITERIA: dict[str, str] = {"image": "rating", "expertise": "rating"}


def known_rating_criteria() -> set[str]:
    """Every criterion id a row of ratings.csv may carry."""
    return {
        k
        for table in (
            POTENTIAL_CRITERIA,
            ATTRACTIVENESS_CRITERIA,
            KEY_ACCOUNT_CRITERIA,
            CUSTOMER_TYPE_CRITERIA,
        )
        for k, source in table.items()
        if source == "rating"
    }


class ConfigError(ValueError):
    """``client.yaml`` is missing, unreadable or has invalid values.

    ``problems`` holds ``(key_path, message)`` pairs, one per problem.
    """

    def __init__(self, path: Path | str, problems: list[tuple[str, str]]):
        self.path = str(path)
        self.problems = problems
        lines = "\n".join(f"  - {key}: {msg}" for key, msg in problems)
        super().__init__(f"{self.path}: invalid configuration\n{lines}")


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", validate_assignment=True)


def normalise_weights(weights: dict[str, float]) -> dict[str, float]:
    """Return ``weights`` scaled to sum to 1 (order kept).

    Raises ``ValueError`` for negative weights or an all-zero set.
    """
    if any(w < 0 for w in weights.values()):
        raise ValueError("weights must not be negative")
    total = float(sum(weights.values()))
    if total <= 0:
        raise ValueError("at least one weight must be greater than 0")
    return {k: float(w) / total for k, w in weights.items()}


def _check_weights(value: dict[str, float], allowed: dict[str, str]) -> dict[str, float]:
    unknown = sorted(set(value) - set(allowed))
    if unknown:
        raise ValueError(f"unknown criterion {', '.join(unknown)}; allowed: {', '.join(allowed)}")
    normalise_weights(value)  # raises on negative / all-zero
    return value


def _check_ascending(value: tuple[float, ...], what: str) -> tuple[float, ...]:
    if list(value) != sorted(value) or len(set(value)) != len(value):
        raise ValueError(f"{what} must be strictly ascending, got {list(value)}")
    return value


class AbcSettings(_Model):
    #: rank customers by net revenue or by contribution margin
    basis: Literal["revenue", "margin"] = "revenue"
    #: cumulative share cut-offs A|B and B|C (Pareto convention 80 / 95 %)
    cutoffs: tuple[Fraction, Fraction] = (0.80, 0.95)

    @field_validator("cutoffs")
    @classmethod
    def _ordered(cls, v: tuple[float, float]) -> tuple[float, float]:
        return _check_ascending(v, "ABC cut-offs")  # type: ignore[return-value]


class XyzSettings(_Model):
    #: ``cv``: coefficient of variation of monthly revenue; ``frequency``: share
    #: of window months with an order
    method: Literal["cv", "frequency"] = "cv"
    #: CV limits X|Y and Y|Z (X <= 0.5 < Y <= 1.0 < Z)
    cutoffs: tuple[float, float] = (0.5, 1.0)
    #: order-month share limits for the frequency method (>= 75 % X, >= 40 % Y)
    frequency_cutoffs: tuple[Fraction, Fraction] = (0.75, 0.40)
    #: customers whose first purchase is fewer months before as_of are "new"
    min_history_months: int = Field(3, ge=1, le=36)

    @field_validator("cutoffs")
    @classmethod
    def _ordered(cls, v: tuple[float, float]) -> tuple[float, float]:
        if v[0] < 0:
            raise ValueError("XYZ cut-offs must not be negative")
        return _check_ascending(v, "XYZ cut-offs")  # type: ignore[return-value]

    @field_validator("frequency_cutoffs")
    @classmethod
    def _descending(cls, v: tuple[float, float]) -> tuple[float, float]:
        if not v[0] > v[1]:
            raise ValueError("frequency cut-offs must be [X limit, Y limit] with X > Y")
        return v


class ZoneSplit(_Model):
    #: scores (0-100) at or above the split count as "high"
    potential: float = Field(50.0, ge=0, le=100)
    attractiveness: float = Field(50.0, ge=0, le=100)


class ZoneLabels(_Model):
    """Display names of the four zones per language; keys are stable."""

    de: dict[str, str] = {
        "protect": "Schutzzone",
        "develop": "Entwicklungszone",
        "maintain": "Pflegezone",
        "withdraw": "Rückzugszone",
    }
    en: dict[str, str] = {
        "protect": "Protect",
        "develop": "Develop",
        "maintain": "Maintain",
        "withdraw": "Withdraw",
    }


class KeyAccountSettings(_Model):
    weights: dict[str, float] = {
        "revenue": 0.25,
        "margin": 0.15,
        "market_significance": 0.10,
        "know_how": 0.10,
        "door_opener": 0.10,
        "buying_center": 0.10,
        "opportunity_field": 0.10,
        "strategic_fit": 0.10,
    }
    #: customers with a key-account score (0-100) at or above this qualify
    cut_score: float = Field(60.0, ge=0, le=100)

    @field_validator("weights")
    @classmethod
    def _weights(cls, v: dict[str, float]) -> dict[str, float]:
        return _check_weights(v, KEY_ACCOUNT_CRITERIA)


class CustomerTypeSettings(_Model):
    #: breadwinner: at least this share of our total contribution margin (seed 002)
    breadwinner_profit_share: Fraction = 0.10
    #: prospect: share of wallet below this and potential score at/above the split
    prospect_max_share_of_wallet: Fraction = 0.30
    #: prospect ("large budget", seed 002): with this fair share of its annual
    #: demand the customer would be an A customer (demand x share >= smallest
    #: annual revenue of an A customer)
    prospect_fair_share_of_wallet: float = Field(0.30, gt=0, le=1)
    #: image maker / expert: rating of the named criterion at or above this (1-5)
    image_maker_min_rating: float = Field(4.0, ge=1, le=5)
    expert_min_rating: float = Field(4.0, ge=1, le=5)
    #: rating criteria (ids in ratings.csv) behind the two rating-based types
    image_maker_criterion: str = "image"  # well-known leader in its industry/region
    expert_criterion: str = "expertise"  # demanding on quality, deep market knowledge


class PortfolioSettings(_Model):
    #: analysis window: this many calendar months ending with as_of's month
    window_months: int = Field(12, ge=3, le=36)
    abc: AbcSettings = AbcSettings()
    xyz: XyzSettings = XyzSettings()
    potential: dict[str, float] = {"future_demand": 0.4, "share_of_wallet": 0.3, "growth": 0.3}
    attractiveness: dict[str, float] = {
        "decision_access": 0.3,
        "processes": 0.2,
        "chemistry": 0.2,
        "strategy": 0.15,
        "margin_quality": 0.15,
    }
    zone_split: ZoneSplit = ZoneSplit()
    zone_labels: ZoneLabels = ZoneLabels()
    key_account: KeyAccountSettings = KeyAccountSettings()
    customer_types: CustomerTypeSettings = CustomerTypeSettings()
    #: kept for DESIGN.md compatibility; mirrors customer_types.breadwinner_profit_share
    breadwinner_profit_share: Fraction | None = None
    #: relative change applied to each weight in the sensitivity analysis
    sensitivity_step: float = Field(0.20, gt=0, lt=1)
    #: focus programs per year (one per quarter, at most 4 - seed 003)
    focus_programs: int = Field(4, ge=1, le=4)
    #: rows shown in deliverable tables; full lists go to the export
    top_n: int = Field(20, ge=5, le=200)

    @field_validator("potential")
    @classmethod
    def _potential(cls, v: dict[str, float]) -> dict[str, float]:
        return _check_weights(v, POTENTIAL_CRITERIA)

    @field_validator("attractiveness")
    @classmethod
    def _attractiveness(cls, v: dict[str, float]) -> dict[str, float]:
        return _check_weights(v, ATTRACTIVENESS_CRITERIA)

    @model_validator(mode="after")
    def _legacy_breadwinner(self) -> PortfolioSettings:
        if self.breadwinner_profit_share is not None:
            self.customer_types.breadwinner_profit_share = self.breadwinner_profit_share
        return self


#: cost-to-serve drivers of the C-customer analysis (activities columns, keys of
#: ``c_customers.unit_costs``)
C_DRIVERS: tuple[str, ...] = (
    "visits",
    "calls",
    "orders",
    "deliveries",
    "complaints",
    "returns",
    "quotes",
)
#: channel keys of the C-customer analysis, in display order
C_CHANNELS: tuple[str, ...] = ("field_sales", "inside_sales", "webshop_edi", "distributor")


class ChannelRules(_Model):
    """Thresholds of the C-customer channel rules (money in the client currency)."""

    #: distributor: loss-making customers below this revenue in the profitability year
    distributor_max_revenue: float = Field(5000.0, ge=0)
    #: webshop/EDI: at least this many orders in the year ...
    webshop_min_orders: int = Field(12, ge=1)
    #: ... with an average order value below this
    webshop_max_order_value: float = Field(250.0, gt=0)


class PricingSettings(_Model):
    """Minimum order value / small-order surcharge simulation."""

    #: surcharge on an order below the minimum order value (money per order)
    surcharge: float = Field(25.0, ge=0)
    #: share of the affected customers assumed to leave (0-1)
    loss_share: Fraction = 0.20
    #: grid of minimum order values: 0, step, 2 x step ... max_order_value
    step: float = Field(50.0, gt=0)
    max_order_value: float = Field(1000.0, gt=0)
    #: whose small orders the policy covers: the C customers or every customer
    scope: Literal["c_customers", "all"] = "c_customers"

    @model_validator(mode="after")
    def _grid(self) -> PricingSettings:
        if self.max_order_value / self.step > 1000:
            raise ValueError("pricing.step is too small for max_order_value (at most 1,000 steps)")
        return self


class CCustomersSettings(_Model):
    """``c_customers:`` section of client.yaml (C-customer management)."""

    #: cost per event of each cost-to-serve driver (money); keys missing here
    #: keep their default
    unit_costs: dict[str, float] = {
        "visits": 250.0,
        "calls": 15.0,
        "orders": 40.0,
        "deliveries": 30.0,
        "complaints": 120.0,
        "returns": 80.0,
        "quotes": 60.0,
    }
    #: optional: C customers only up to this window revenue
    max_revenue: float | None = Field(None, gt=0)
    #: growth candidate: window revenue at least (1 + growth_min) x the period before
    growth_min: float = Field(0.20, ge=0, le=10)
    channel_rules: ChannelRules = ChannelRules()
    #: cost per customer and year (per_customer) and per order of each channel;
    #: the kit's own assumptions, replace them with the client's figures
    channel_costs: dict[str, dict[str, float]] = {
        "field_sales": {"per_customer": 1500.0, "per_order": 40.0},
        "inside_sales": {"per_customer": 120.0, "per_order": 25.0},
        "webshop_edi": {"per_customer": 0.0, "per_order": 5.0},
        "distributor": {"per_customer": 0.0, "per_order": 0.0},
    }
    pricing: PricingSettings = PricingSettings()
    #: number of windows (one year apart) in the C-customer trend
    trend_periods: int = Field(3, ge=1, le=5)
    #: rows shown in deliverable tables; full lists go to the export
    top_n: int = Field(15, ge=5, le=100)

    @field_validator("unit_costs")
    @classmethod
    def _unit_costs(cls, v: dict[str, float]) -> dict[str, float]:
        unknown = sorted(set(v) - set(C_DRIVERS))
        if unknown:
            raise ValueError(
                f"unknown driver {', '.join(unknown)}; allowed: {', '.join(C_DRIVERS)}"
            )
        negative = sorted(k for k, x in v.items() if x < 0)
        if negative:
            raise ValueError(f"unit costs must not be negative ({', '.join(negative)})")
        return v

    @field_validator("channel_costs")
    @classmethod
    def _channel_costs(cls, v: dict[str, dict[str, float]]) -> dict[str, dict[str, float]]:
        unknown = sorted(set(v) - set(C_CHANNELS))
        if unknown:
            raise ValueError(
                f"unknown channel {', '.join(unknown)}; allowed: {', '.join(C_CHANNELS)}"
            )
        for channel, costs in v.items():
            extra = sorted(set(costs) - {"per_customer", "per_order"})
            if extra:
                raise ValueError(
                    f"{channel}: unknown cost {', '.join(extra)}; allowed: per_customer, per_order"
                )
            if any(x < 0 for x in costs.values()):
                raise ValueError(f"{channel}: costs must not be negative")
        return v


class Consultant(_Model):
    firm: str = "KAM Workbook Kit"
    logo: str | None = None  # path relative to the client folder


class OverviewSettings(_Model):
    #: number of customers in the top-customer table
    top_n: int = Field(20, ge=5, le=100)
    #: years shown in the year-by-year tables (most recent last)
    years: int = Field(3, ge=1, le=10)
    #: months without purchase after which a customer counts as lost (overview)
    lost_after_months: int = Field(12, ge=3, le=36)
    #: current window for top customers, industries/regions and concentration:
    #: this many calendar months ending with as_of's month (same rule as portfolio)
    window_months: int = Field(12, ge=3, le=36)
    #: industries/regions shown individually; the rest are summed up as "other"
    max_categories: int = Field(8, ge=3, le=30)
    #: revenue share of the top 20 % of customers: below the first value the
    #: customer base counts as broad, at/above the second as strongly concentrated
    #: (the 80/20 rule of thumb marks "strong")
    concentration_bands: tuple[Fraction, Fraction] = (0.60, 0.80)


class ClientConfig(_Model):
    """Validated ``client.yaml``."""

    name: str = Field(min_length=1)
    language: Language = "de"
    currency: str = Field("EUR", min_length=3, max_length=3)
    as_of: dt.date | None = None
    consultant: Consultant = Consultant()
    overview: OverviewSettings = OverviewSettings()
    portfolio: PortfolioSettings = PortfolioSettings()
    c_customers: CCustomersSettings = CCustomersSettings()


def _loc(loc: tuple) -> str:
    return ".".join(str(p) for p in loc) or "(top level)"


def parse_config(data: object, source: Path | str = "client.yaml") -> ClientConfig:
    """Validate a mapping (as read from YAML) into a :class:`ClientConfig`."""
    if not isinstance(data, dict):
        raise ConfigError(source, [("(top level)", "expected a mapping of keys, e.g. 'name: …'")])
    try:
        return ClientConfig.model_validate(data)
    except ValidationError as exc:
        problems = []
        for err in exc.errors():
            msg = err["msg"].removeprefix("Value error, ")
            if err["type"] == "extra_forbidden":
                msg = "unknown key (check the spelling against the client.yaml reference)"
            elif err["type"] == "missing":
                msg = "required key is missing"
            problems.append((_loc(err["loc"]), msg))
        raise ConfigError(source, problems) from None


def _yaml_dates_as_text() -> YAML:
    """A safe YAML reader that leaves dates as text.

    The model validates them, so an impossible date (``as_of: 2025-02-30``) is a
    config error naming its key instead of a crash inside the YAML reader.
    """
    from ruamel.yaml.constructor import SafeConstructor

    class _DatesAsText(SafeConstructor):
        pass

    _DatesAsText.add_constructor("tag:yaml.org,2002:timestamp", SafeConstructor.construct_yaml_str)
    yaml = YAML(typ="safe")
    yaml.Constructor = _DatesAsText
    return yaml


def load_config(path: Path | str) -> ClientConfig:
    """Read and validate ``client.yaml`` at ``path``.

    Raises :class:`ConfigError` naming the file and each offending key.
    """
    path = Path(path)
    if not path.is_file():
        raise ConfigError(path, [("(file)", "client.yaml not found; create one with 'kam new'")])
    try:
        data = _yaml_dates_as_text().load(path.read_text(encoding="utf-8-sig"))
    except (YAMLError, UnicodeDecodeError) as exc:
        raise ConfigError(path, [("(file)", f"not valid YAML: {exc}".splitlines()[0])]) from None
    if data is None:
        raise ConfigError(path, [("(file)", "file is empty; at least 'name:' is required")])
    return parse_config(data, path)
