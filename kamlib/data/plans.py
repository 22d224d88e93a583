"""Account plans: ``account_plans/*.yaml``, one per key account.

Each file is read with ruamel (safe) and validated with :class:`AccountPlan`.
A file that is not valid YAML or does not fit the model gives an error row
for that file and is skipped; the other plans are still loaded. Files whose
name starts with ``_`` (the example written by ``kam new``) are not read.

Example::

    customer_id: "10001"
    swot:
      strengths: [Long-standing supplier for spare parts]
      weaknesses: []
      opportunities: [New plant in 2026]
      threats: [Competitor X offers framework contracts]
    goals:
      - {text: Grow spare-parts revenue, metric: revenue, target: 250000, due: 2026-12-31}
    actions:
      - {what: Workshop with plant management, responsible: A. Beispiel, due: 2026-03-31, status: open}
    reviews:
      - {date: 2026-06-30, planned: 120000, actual: 98000}
    opportunities:
      - {name: Retrofit line 3, value: 80000, probability: 0.4, fit: 4, effort: 2}
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Annotated, Literal

from pydantic import AliasChoices, BaseModel, ConfigDict, Field, ValidationError, field_validator
from ruamel.yaml import YAML
from ruamel.yaml.error import YAMLError

from kamlib.config import yaml_error_parts
from kamlib.data.problems import Problems
from kamlib.data.tables import outside_client

PLAN_DIR = "account_plans"
Scale = Annotated[int, Field(ge=1, le=5)]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Swot(_Model):
    strengths: list[str] = []
    weaknesses: list[str] = []
    opportunities: list[str] = []
    threats: list[str] = []


class Goal(_Model):
    """A SMART goal: what, measured by which metric, which target, by when."""

    text: str
    metric: str
    target: float | str
    due: dt.date


class Action(_Model):
    what: str
    responsible: str
    accountable: str | None = None  # RACI (demo-data contract)
    consulted: str | None = None
    informed: str | None = None
    due: dt.date
    status: Literal["open", "in_progress", "done", "dropped"] = "open"


class Review(_Model):
    """Planned vs. actual at a review date (money or the goal's metric)."""

    date: dt.date
    planned: float = Field(validation_alias=AliasChoices("planned", "planned_revenue"))
    actual: float | None = Field(None, validation_alias=AliasChoices("actual", "actual_revenue"))
    note: str | None = None


class Opportunity(_Model):
    """``value`` in money; ``probability`` a fraction 0-1 (percent 0-100 is converted)."""

    name: str
    value: float = Field(ge=0)
    probability: float = Field(ge=0, le=1)
    fit: Scale
    effort: Scale

    @field_validator("probability", mode="before")
    @classmethod
    def _percent(cls, v: object) -> object:
        if isinstance(v, (int, float)) and 1 < v <= 100:
            return v / 100
        return v


class AccountPlan(_Model):
    customer_id: str
    name: str | None = None
    period: str | None = None  # e.g. "2025-07 – 2026-06"
    background: str | None = None  # dossier text: master data, history, decision system
    swot: Swot = Swot()
    goals: list[Goal] = []
    actions: list[Action] = []
    reviews: list[Review] = []
    opportunities: list[Opportunity] = []

    @field_validator("customer_id", mode="before")
    @classmethod
    def _id_as_text(cls, v: object) -> object:
        # YAML reads 10001 as a number; ids are always strings
        return str(v) if isinstance(v, int) and not isinstance(v, bool) else v


def _first_error(exc: ValidationError) -> str:
    parts = []
    for err in exc.errors()[:3]:
        loc = ".".join(str(x) for x in err["loc"])
        msg = err["msg"].removeprefix("Value error, ")
        if err["type"] == "extra_forbidden":
            msg = "unknown key"
        parts.append(f"{loc}: {msg}")
    return "; ".join(parts)


def _yaml_text(p: Problems, exc: Exception) -> str:
    line, column, problem = yaml_error_parts(exc)
    if line:
        return p.t("data.h9_yaml_broken", line=line, column=column, problem=problem)
    return p.t("data.plan_yaml", error=problem)


def load_account_plans(
    client_dir: Path, known_ids: set[str] | None, p: Problems
) -> dict[str, dict]:
    """customer_id -> plan (plain dict, dates as ``datetime.date``); problems added to ``p``."""
    folder = client_dir / PLAN_DIR
    plans: dict[str, dict] = {}
    if not folder.is_dir():
        return plans
    for path in sorted(folder.glob("*.y*ml")):
        if path.name.startswith(("_", ".")):
            continue
        file = f"{PLAN_DIR}/{path.name}"
        if outside_client(path, client_dir):
            p.add("error", file, p.t("data.h9_outside"), hint=p.t("data.h9_outside_hint"))
            continue
        try:
            data = YAML(typ="safe").load(path.read_text(encoding="utf-8-sig"))
        except (YAMLError, UnicodeDecodeError) as exc:
            p.add(
                "error",
                file,
                _yaml_text(p, exc),
                row=yaml_error_parts(exc)[0] or None,
                hint=p.t("data.plan_yaml_hint"),
            )
            continue
        if not isinstance(data, dict):
            p.add(
                "error",
                file,
                p.t("data.plan_invalid", error="expected keys such as 'customer_id:'"),
                hint=p.t("data.plan_invalid_hint"),
            )
            continue
        try:
            plan = AccountPlan.model_validate(data)
        except ValidationError as exc:
            p.add(
                "error",
                file,
                p.t("data.plan_invalid", error=_first_error(exc)),
                hint=p.t("data.plan_invalid_hint"),
            )
            continue
        if known_ids is not None and plan.customer_id not in known_ids:
            p.add(
                "warning",
                file,
                p.t("data.plan_unknown_customer"),
                column="customer_id",
                value=plan.customer_id,
            )
            continue
        if plan.customer_id in plans:
            p.add(
                "warning",
                file,
                p.t("data.plan_twice"),
                column="customer_id",
                value=plan.customer_id,
            )
            continue
        plans[plan.customer_id] = plan.model_dump()
    return plans
