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
import warnings
from pathlib import Path
from typing import Annotated, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    PrivateAttr,
    ValidationError,
    field_validator,
    model_validator,
)
from pydantic_core import PydanticCustomError
from ruamel.yaml import YAML
from ruamel.yaml.error import YAMLError

from kamlib.languages import Language

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
    """Every criterion id a row of ratings.csv may carry: the portfolio's and
    those the registered modules declare (``Module.criteria``)."""
    from kamlib.modules import MODULES

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
    } | {c for m in MODULES.values() for c in m.criteria}


class ConfigError(ValueError):
    """``client.yaml`` is missing, unreadable or has invalid values.

    ``problems`` holds ``(key_path, message)`` pairs, one per problem.
    """

    def __init__(self, path: Path | str, problems: list[tuple[str, str]]):
        self.path = str(path)
        self.problems = problems
        #: (line, column, problem) when the file is not valid YAML
        self.yaml: tuple[int, int, str] | None = None
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
    #: customers whose first purchase falls in the last N calendar months up to
    #: and including as_of's month are "new"
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


class ConfigWarning(UserWarning):
    """A ``client.yaml`` key is accepted but deprecated (the message names its replacement)."""


class VisitsPerYear(_Model):
    """Planned visits per customer and year in each zone (capacity check, section 1a)."""

    protect: float = Field(12, ge=0)  # monthly: top care of the key accounts
    develop: float = Field(6, ge=0)  # every two months: work on the weak criteria
    maintain: float = Field(4, ge=0)  # quarterly: keep, serve efficiently
    withdraw: float = Field(1, ge=0)  # once a year: low-cost channels


class ProgramSettings(_Model):
    """Focus programs that can be run (section 1a)."""

    #: programs per year, one per quarter (seed 003: at most 3-4)
    max_programs: int = Field(4, ge=1, le=4)
    #: named target accounts per program, ranked by EUR opportunity
    max_targets: int = Field(15, ge=1, le=100)
    #: EUR target of a target account as a share of its wallet gap (default a third)
    target_share_of_gap: float = Field(1 / 3, gt=0, le=1)


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
    #: who is placed in the potential x attractiveness matrix: A and B customers,
    #: flagged key accounts and every rated customer (``ab_ka_rated``) or everybody
    scope: Literal["ab_ka_rated", "all"] = "ab_ka_rated"
    #: a customer is placed only when the criteria with a value carry at least this
    #: share of each axis's weight; the others go to the "to be rated" list
    min_coverage: Fraction = 0.5
    #: visits per customer and year by zone; required visits vs. last year's visits
    visits_per_year: VisitsPerYear = VisitsPerYear()
    #: required visits may exceed last year's actual visits by this share before
    #: the capacity check raises its flag (section 1a: more than 20 %)
    capacity_tolerance: float = Field(0.20, ge=0, le=5)
    #: focus programs (number, targets per program, EUR target)
    programs: ProgramSettings = ProgramSettings()
    #: deprecated alias of ``programs.max_programs`` (accepted with a warning)
    focus_programs: int | None = Field(None, ge=1, le=4)
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

    @model_validator(mode="before")
    @classmethod
    def _legacy_focus_programs(cls, data: object) -> object:
        """``focus_programs`` is the old name of ``programs.max_programs``."""
        if not isinstance(data, dict) or data.get("focus_programs") is None:
            return data
        old = data["focus_programs"]
        programs = data.get("programs")
        new = None
        if isinstance(programs, dict):
            new = programs.get("max_programs")
        elif isinstance(programs, ProgramSettings) and "max_programs" in programs.model_fields_set:
            new = programs.max_programs
        if new is not None and new != old:
            raise ValueError(
                f"portfolio.focus_programs ({old}) and portfolio.programs.max_programs ({new}) "
                "differ; keep only portfolio.programs.max_programs"
            )
        warnings.warn(
            "portfolio.focus_programs is deprecated; use portfolio.programs.max_programs",
            ConfigWarning,
            stacklevel=2,
        )
        data = dict(data)
        if isinstance(programs, ProgramSettings):
            programs = programs.model_dump(exclude_unset=True)
        data["programs"] = {**(programs or {}), "max_programs": old}
        # programs.max_programs is the value's home; focus_programs stays set only so
        # that ClientConfig.deprecated_keys can name the old key in kam validate
        return data

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
    #: deprecated alias of ``winback.lost_after_months`` (one rule for both
    #: deliverables); accepted with a warning, not written by ``kam new``
    lost_after_months: int | None = Field(None, ge=1, le=36, json_schema_extra={"deprecated": True})
    #: current window for top customers, industries/regions and concentration:
    #: this many calendar months ending with as_of's month (same rule as portfolio)
    window_months: int = Field(12, ge=3, le=36)
    #: industries/regions shown individually; the rest are summed up as "other"
    max_categories: int = Field(8, ge=3, le=30)
    #: revenue share of the top 20 % of customers: below the first value the
    #: customer base counts as broad, at/above the second as strongly concentrated
    #: (the 80/20 rule of thumb marks "strong")
    concentration_bands: tuple[Fraction, Fraction] = (0.60, 0.80)


def _check_table_name(name: str) -> str:
    from kamlib.data.aliases import TABLE_ORDER  # late: kamlib.data imports this module

    if name not in TABLE_ORDER:
        raise ValueError(f"unknown table {name!r}; tables: {', '.join(TABLE_ORDER)}")
    return name


def _check_date_format(fmt: str) -> str:
    """A strftime format with day, month and year that reads back what it writes."""
    probe = dt.date(2025, 12, 31)
    if not all(d in fmt for d in ("%d", "%m")) or not ("%Y" in fmt or "%y" in fmt):
        raise ValueError(f"date format {fmt!r} needs %d, %m and %Y (or %y), e.g. '%m/%d/%Y'")
    try:
        back = dt.datetime.strptime(probe.strftime(fmt), fmt).date()
    except ValueError:
        back = None
    if back != probe:
        raise ValueError(f"date format {fmt!r} cannot be read back; use e.g. '%m/%d/%Y'")
    return fmt


TableName = Annotated[str, AfterValidator(_check_table_name)]
DateFormat = Annotated[str, AfterValidator(_check_date_format)]


#: stability factors of the retention score (METHODOLOGY.md section 4) and where
#: their value comes from: ``rating`` = workshop rating only; ``rating+data`` =
#: workshop rating, else derived from data; ``data`` = data only (a rating row
#: for it is refused by the data layer)
RETENTION_FACTORS: dict[str, str] = {
    "contractual": "rating",  # framework / supply contracts, their remaining term
    "technical": "rating",  # IT/EDI link, co-developed products, tooling
    "relationship_breadth": "rating+data",  # number of contacts (contacts table)
    "relationship_quality": "rating",  # trust and quality of the working relationship
    "satisfaction": "rating",  # customer satisfaction
    "wallet_share": "data",  # window revenue / potential
    "switching_costs": "rating",  # effort and cost for the customer to replace us
    "dependency": "rating",  # how much the customer depends on our offer
    "product_breadth": "rating+data",  # product groups bought / groups sold
}


class RetentionEarlyWarning(_Model):
    """Thresholds of the behavioural early-warning flags (METHODOLOGY.md section 4)."""

    #: revenue trend: last 6 months at or below this share of the same months a year earlier
    trend_ratio: float = Field(0.8, gt=0, lt=1)
    #: order gap: days since the last purchase above this multiple of the median gap ...
    gap_factor: float = Field(2.0, ge=1, le=10)
    #: ... and above this many days
    gap_min_days: int = Field(60, ge=0, le=730)
    #: breadth shrinking: at least this many product groups fewer than the 12 months before
    breadth_drop: int = Field(2, ge=1, le=50)
    #: complaints: at least this many in the last complete year
    complaints_min: int = Field(3, ge=1, le=1000)


class RetentionDisagreement(_Model):
    """When the workshop score and the BG/NBD model disagree ("firmly bound but P(alive) 0.3")."""

    #: a score (0-100) at or above this counts as firmly bound (= average rating 4 of 5)
    firm_score: float = Field(75.0, ge=50, le=100)
    #: ... contradicted by a P(alive) below this (more likely gone than active)
    low_p_alive: float = Field(0.5, gt=0, lt=1)


class RetentionConfig(_Model):
    #: weight per stability factor (normalised to 1 when used)
    factors: dict[str, float] = {
        "contractual": 0.2,
        "technical": 0.15,
        "relationship_breadth": 0.1,
        "relationship_quality": 0.15,
        "satisfaction": 0.1,
        "wallet_share": 0.1,
        "switching_costs": 0.1,
        "dependency": 0.05,
        "product_breadth": 0.05,
    }
    #: analysis window: this many calendar months ending with as_of's month
    window_months: int = Field(12, ge=3, le=36)
    #: a score needs factors with a value holding at least this share of the weight
    min_coverage: float = Field(0.5, gt=0, le=1)
    #: risk matrix: a score at or above this counts as bound
    score_split: float = Field(50.0, ge=0, le=100)
    #: a factor rated at or below this (1-5) is named weak and gets a measure
    weak_rating: float = Field(2.0, ge=1, lt=5)
    early_warning: RetentionEarlyWarning = RetentionEarlyWarning()
    disagreement: RetentionDisagreement = RetentionDisagreement()
    #: rows shown in deliverable tables; full lists go to the export
    top_n: int = Field(10, ge=5, le=100)

    @field_validator("factors")
    @classmethod
    def _factors(cls, v: dict[str, float]) -> dict[str, float]:
        return _check_weights(v, RETENTION_FACTORS)


class TouchpointsSettings(_Model):
    """Touchpoint management (METHODOLOGY.md section 3)."""

    #: importance-performance quadrants split here on the 1-5 scale; a value on
    #: the split counts as high (3 = the middle of the scale)
    split: float = Field(3.0, ge=1, le=5)
    #: touchpoints in the measure plan (highest priority first)
    top_n: int = Field(10, ge=1, le=100)


#: reason ids of METHODOLOGY section 5 with their default winnability (0-1);
#: ``unknown`` is used for losses without a recorded reason and for ``other``
DEFAULT_WINNABILITY: dict[str, float] = {
    "price": 0.6,
    "delivery": 0.7,
    "service": 0.8,
    "quality": 0.5,
    "contact": 0.8,
    "relocation": 0.1,
    "insolvency": 0.0,
    "unknown": 0.5,
}


class WinbackSettings(_Model):
    """client.yaml ``winback:`` (METHODOLOGY sections 0 and 5)."""

    #: a customer whose last purchase lies more than this many calendar months
    #: before as_of is lost (also the overview's rule)
    lost_after_months: int = Field(12, ge=1, le=36)
    #: chance of winning a customer back per loss reason (0-1); reasons not
    #: named keep their default
    winnability: dict[str, Fraction] = Field(default_factory=lambda: dict(DEFAULT_WINNABILITY))

    @field_validator("winnability")
    @classmethod
    def _reasons(cls, v: dict[str, float]) -> dict[str, float]:
        unknown = sorted(set(v) - set(DEFAULT_WINNABILITY))
        if unknown:
            raise ValueError(
                f"unknown reason {', '.join(unknown)}; allowed: {', '.join(DEFAULT_WINNABILITY)}"
            )
        return {k: float(v.get(k, d)) for k, d in DEFAULT_WINNABILITY.items()}


class AccountPlanSettings(_Model):
    """client.yaml ``account_plan:`` (METHODOLOGY section 6)."""

    #: a contact not met for more than this many months before as_of is named as stale
    stale_contact_months: int = Field(6, ge=1, le=36)
    #: reviews expected in the 12 months up to as_of (3-4 by default)
    reviews_min: int = Field(3, ge=1, le=12)
    reviews_max: int = Field(4, ge=1, le=12)
    #: a goal is time-bound when its due date lies after as_of and at most this
    #: many months later
    horizon_months: int = Field(18, ge=1, le=60)
    #: rows of the whitespace grid and the opportunity table in the deliverable
    top_n: int = Field(10, ge=3, le=50)

    @model_validator(mode="after")
    def _review_range(self) -> AccountPlanSettings:
        if self.reviews_min > self.reviews_max:
            raise PydanticCustomError(
                "review_range",
                "reviews_min ({lo}) must not exceed reviews_max ({hi})",
                {"lo": self.reviews_min, "hi": self.reviews_max},
            )
        return self


#: deprecated client.yaml keys and the key that replaces each
DEPRECATED_ALIASES: dict[str, str] = {"overview.lost_after_months": "winback.lost_after_months"}


class ClientConfig(_Model):
    """Validated ``client.yaml``."""

    name: str = Field(min_length=1)
    language: Language = "de"
    currency: str = Field("EUR", min_length=3, max_length=3)
    as_of: dt.date | None = None
    consultant: Consultant = Consultant()
    #: per table the format of its slash/dash dates when the data cannot show it,
    #: e.g. ``{sales: "%m/%d/%Y"}`` for US exports (strftime codes)
    date_formats: dict[TableName, DateFormat] = {}

    @field_validator("date_formats", mode="before")
    @classmethod
    def _no_formats(cls, v: object) -> object:
        return {} if v is None else v

    overview: OverviewSettings = OverviewSettings()
    portfolio: PortfolioSettings = PortfolioSettings()
    c_customers: CCustomersSettings = CCustomersSettings()
    retention: RetentionConfig = RetentionConfig()
    touchpoints: TouchpointsSettings = TouchpointsSettings()
    winback: WinbackSettings = WinbackSettings()
    account_plan: AccountPlanSettings = AccountPlanSettings()
    #: deprecated keys found in the file (path, replacing path), for a warning
    _deprecated: list[tuple[str, str]] = PrivateAttr(default_factory=list)

    @model_validator(mode="after")
    def _lost_after_alias(self) -> ClientConfig:
        old = self.overview.lost_after_months
        if old is None:
            return self
        new = self.winback.lost_after_months
        if "lost_after_months" in self.winback.model_fields_set and new != old:
            raise PydanticCustomError(
                "alias_conflict",
                "overview.lost_after_months ({old}) and winback.lost_after_months ({new}) "
                "disagree; overview.lost_after_months is deprecated: delete it and keep "
                "winback.lost_after_months",
                {"old": old, "new": new, "path": "overview.lost_after_months"},
            )
        if "lost_after_months" not in self.winback.model_fields_set:
            # not through assignment validation: keeps the alias's value as is
            object.__setattr__(self.winback, "lost_after_months", old)
        self._deprecated.append(("overview.lost_after_months", "winback.lost_after_months"))
        return self

    @model_validator(mode="after")
    def _focus_programs_alias(self) -> ClientConfig:
        if self.portfolio.focus_programs is not None:
            self._deprecated.append(("portfolio.focus_programs", "portfolio.programs.max_programs"))
        return self

    @property
    def deprecated_keys(self) -> list[tuple[str, str]]:
        """Deprecated keys used in the file: ``(old path, new path)`` pairs."""
        return list(self._deprecated)


def _loc(loc: tuple) -> str:
    return ".".join(str(p) for p in loc if p != "[key]") or "(top level)"


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
            loc = _loc(err["loc"])
            if err["type"] == "alias_conflict":  # both paths are in the message
                loc = str(err.get("ctx", {}).get("path", loc))
            problems.append((loc, msg))
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


def yaml_error_parts(exc: Exception) -> tuple[int, int, str]:
    """(line, column, what is wrong) of a YAML or encoding error; line/column 1-based, 0 = unknown."""
    if isinstance(exc, UnicodeDecodeError):
        return 0, 0, f"not UTF-8 text (byte {exc.start})"
    mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
    problem = getattr(exc, "problem", None) or (str(exc).splitlines() or [type(exc).__name__])[0]
    problem = " ".join(str(problem).split())[:150]
    if mark is None:
        return 0, 0, problem
    return mark.line + 1, mark.column + 1, problem


def yaml_error_text(exc: Exception) -> str:
    """One line for a YAML (or encoding) error: what is wrong, with line and column."""
    line, column, problem = yaml_error_parts(exc)
    if line:
        return f"not valid YAML (line {line}, column {column}): {problem}"
    return f"not valid YAML: {problem}"


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
        error = ConfigError(path, [("(file)", yaml_error_text(exc))])
        error.yaml = yaml_error_parts(exc)
        raise error from None
    if data is None:
        raise ConfigError(path, [("(file)", "file is empty; at least 'name:' is required")])
    return parse_config(data, path)
