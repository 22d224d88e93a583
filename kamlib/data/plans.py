"""Account plans: ``account_plans/*.yaml``, one per key account (METHODOLOGY 6).

Each file is read with ruamel's *safe* loader (no ``!!python/...`` tags) and
validated with :class:`AccountPlan`. Only ``customer_id`` is required; a goal
needs only its ``text``. A file that is not valid YAML or does not fit the model
gives one error row per problem (file, key path such as ``goals[2].due``, what
to do) and is skipped; the other plans are still loaded. Files whose name
starts with ``_`` or ``.`` (the example written by ``kam new``) are not read.

Key paths count list items from 1, as a reader counts them in the file:
``goals[2]`` is the second goal.

A goal without ``metric``/``target``, ``due``, ``links`` or ``reason`` is
valid but cannot pass every SMART letter: :func:`goal_missing_keys` names the
letters and keys, and the loader adds one *warning* per such goal.

What the loader returns (``client.account_plans``): ``customer_id`` -> plain
dict (``AccountPlan.model_dump()``). **Every key of the model is present**:
a scalar the file leaves out is ``None``; a list the file leaves out is ``[]``
(``goals``, ``actions``, ``reviews``, ``opportunities``, ``competitors``, a
goal's ``links``, each SWOT list); ``budget`` is ``{}`` and ``swot`` a dict of
four lists. Dates are ``datetime.date``, amounts ``float``, scales ``int``,
``probability`` a fraction 0-1. Reviews use the keys ``planned``/``actual``
(``planned_revenue``/``actual_revenue`` are read as aliases).

Example (every key; see ``docs/account_plan.md``)::

    customer_id: "10001"
    name: Muster GmbH
    period: 2026-01 – 2026-12
    background: Customer since 2015, three plants, buys mainly spare parts.
    decision_system: Central purchasing decides with plant management; framework every 2 years.
    swot:
      strengths: [Long-standing supplier for spare parts]
      weaknesses: [Few contacts outside purchasing]
      opportunities: [New plant in 2026]
      threats: [Competitor X offers framework contracts]
    competitors:
      - {name: Competitor X, strength: 4, threat: 3, note: Service base near the plant}
    opportunities:
      - {name: Retrofit line 3, value: 80000, probability: 0.4, fit: 4, effort: 2}
    goals:
      - text: Win the retrofit of line 3 at the Musterstadt plant
        metric: order value
        target: 80000
        due: 2026-12-31
        reason: Budget approved by plant management in March
        links: [Retrofit line 3]
    budget: {Spare parts: 250000, Service: 40000}
    actions:
      - {what: Workshop with plant management, responsible: A. Beispiel, due: 2026-03-31, status: open}
    reviews:
      - {date: 2026-06-30, planned: 120000, actual: 98000, note: Order slipped to July}
"""

from __future__ import annotations

import datetime as dt
from functools import lru_cache
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import (
    AliasChoices,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    ValidationError,
    field_validator,
    model_validator,
)
from ruamel.yaml import YAML
from ruamel.yaml.constructor import SafeConstructor
from ruamel.yaml.error import YAMLError

from kamlib.config import yaml_error_parts
from kamlib.data.problems import Problems
from kamlib.data.tables import outside_client

PLAN_DIR = "account_plans"
#: status values of an action
STATUSES = ("open", "in_progress", "done", "dropped")
#: SMART letters in order, with the goal keys whose absence makes each one fail
SMART_LETTERS = ("specific", "measurable", "achievable", "relevant", "time_bound")
#: most error rows listed for one plan file
MAX_ERRORS_PER_FILE = 10


def _no_bool(v: object) -> object:
    # YAML reads yes/no/true as booleans; they are never a number here
    if isinstance(v, bool):
        raise ValueError("plan_number")
    return v


def _strict_date(v: object) -> object:
    # a bare number would be read as seconds since 1970: refuse instead of guessing
    if v is None or isinstance(v, (dt.date, str)):
        return v
    raise ValueError("plan_date")


Number = Annotated[float, BeforeValidator(_no_bool)]
Money = Annotated[float, Field(ge=0), BeforeValidator(_no_bool)]
Scale = Annotated[int, Field(ge=1, le=5), BeforeValidator(_no_bool)]
Day = Annotated[dt.date, BeforeValidator(_strict_date)]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


def _as_list(v: object) -> object:
    """A single text where a list is expected becomes a one-item list."""
    return [v] if isinstance(v, str) else v


TextList = Annotated[list[str], BeforeValidator(_as_list)]


class Swot(_Model):
    strengths: TextList = []
    weaknesses: TextList = []
    opportunities: TextList = []
    threats: TextList = []


class Goal(_Model):
    """A goal: only ``text`` is required; the other keys make it SMART-checkable."""

    text: str
    metric: str | None = None
    target: Number | None = None  # money, a count, or a share 0-1
    due: Day | None = None
    reason: str | None = None  # why the target is achievable
    links: TextList = []  # names of opportunities or weaknesses of this plan, or a zone

    @model_validator(mode="before")
    @classmethod
    def _text_only(cls, v: object) -> object:
        return {"text": v} if isinstance(v, str) else v


class Competitor(_Model):
    """A competitor at this account: strength and threat to us rated 1 (low) to 5 (high)."""

    name: str
    strength: Scale | None = None
    threat: Scale | None = None
    note: str | None = None


class Action(_Model):
    """An activity with RACI roles (people or functions) and a due date."""

    what: str
    responsible: str | None = None
    accountable: str | None = None
    consulted: str | None = None
    informed: str | None = None
    due: Day | None = None
    status: Literal["open", "in_progress", "done", "dropped"] = "open"


class Review(_Model):
    """Planned vs. actual at a review date (money or the goal's metric)."""

    date: Day
    planned: Number | None = Field(
        None, validation_alias=AliasChoices("planned", "planned_revenue")
    )
    actual: Number | None = Field(None, validation_alias=AliasChoices("actual", "actual_revenue"))
    note: str | None = None


class Opportunity(_Model):
    """``value`` in money; ``probability`` a fraction 0-1 (percent 1-100 is converted)."""

    name: str
    value: Money
    probability: Annotated[float, Field(ge=0, le=1), BeforeValidator(_no_bool)]
    fit: Scale
    effort: Scale

    @field_validator("probability", mode="before")
    @classmethod
    def _percent(cls, v: object) -> object:
        if isinstance(v, (int, float)) and not isinstance(v, bool) and 1 < v <= 100:
            return v / 100
        return v


def _text_keys(v: object) -> object:
    # product groups that YAML reads as numbers ("2024: 5000") are still names
    if isinstance(v, dict):
        return {str(k) if isinstance(k, (int, float)) else k: x for k, x in v.items()}
    return v


class AccountPlan(_Model):
    customer_id: str
    name: str | None = None
    period: str | None = None  # e.g. "2025-07 – 2026-06"
    background: str | None = None  # dossier text: history, sites, what they buy
    decision_system: str | None = None  # who decides how (purchasing, framework, approvals)
    swot: Swot = Swot()
    competitors: list[Competitor] = []
    opportunities: list[Opportunity] = []
    goals: list[Goal] = []
    budget: Annotated[dict[str, Money], BeforeValidator(_text_keys)] = {}
    actions: list[Action] = []
    reviews: list[Review] = []

    @field_validator("customer_id", mode="before")
    @classmethod
    def _id_as_text(cls, v: object) -> object:
        # YAML reads 10001 as a number; ids are always strings
        return str(v) if isinstance(v, int) and not isinstance(v, bool) else v


# ---------------------------------------------------------------------------
# errors: one row per problem with key path and what to do
# ---------------------------------------------------------------------------


def key_path(loc: tuple[Any, ...]) -> str:
    """Pydantic location -> key path as a reader counts: ``('goals', 1, 'due')`` -> ``goals[2].due``."""
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part + 1}]"
        else:
            out += ("." if out else "") + str(part)
    return out


_SCALE_KEYS = ("fit", "effort", "strength", "threat")


def _model_at(loc: tuple[Any, ...]) -> type[BaseModel] | None:
    """The model whose keys are allowed at ``loc`` (for an unknown-key hint)."""
    model: type[BaseModel] | None = AccountPlan
    for part in loc[:-1]:
        if isinstance(part, int) or model is None:
            continue
        field = model.model_fields.get(str(part))
        if field is None:
            return None
        ann = field.annotation
        inner = getattr(ann, "__args__", (ann,))[0]
        model = inner if isinstance(inner, type) and issubclass(inner, BaseModel) else None
    return model


def _error_kind(err: dict[str, Any]) -> tuple[str, dict[str, Any]]:
    """(catalogue suffix, parameters) describing one validation error."""
    typ, loc, msg = err["type"], err["loc"], str(err.get("msg", ""))
    last = str(loc[-1]) if loc else ""
    if typ == "extra_forbidden":
        model = _model_at(loc)
        allowed = ", ".join(model.model_fields) if model else ""
        return "unknown_key", {"allowed": allowed}
    if typ == "missing":
        return "missing", {"name": last}
    if "plan_date" in msg or typ.startswith(("date", "datetime")):
        return "date", {}
    if typ == "literal_error":
        return "choice", {"allowed": ", ".join(STATUSES)}
    if last == "probability":
        return "probability", {}
    if last in _SCALE_KEYS:
        return "scale", {}
    if typ in ("greater_than_equal", "less_than_equal"):
        return "non_negative", {}
    if "plan_number" in msg or typ.startswith(("float", "int")):
        return "number", {}
    if typ == "string_type":
        return "text", {}
    if typ == "list_type":
        return "list", {}
    if typ in ("dict_type", "model_type", "model_attributes_type"):
        return "mapping", {}
    return "other", {"detail": msg.removeprefix("Value error, ")}


@lru_cache(maxsize=4)
def _rt_tree(text: str) -> Any:
    """The round-trip tree of a plan that the safe loader already read (keeps line numbers)."""
    return YAML(typ="rt").load(text)


def _line_of(text: str, loc: tuple[Any, ...]) -> int | None:
    """Line (1-based) of the key at ``loc`` in the YAML text, or None when not found."""
    try:
        node = _rt_tree(text)
        line = None
        for part in loc:
            if isinstance(part, int) and hasattr(node, "lc") and isinstance(node, list):
                line = node.lc.item(part)[0]
            elif hasattr(node, "lc") and isinstance(node, dict) and part in node:
                line = node.lc.key(part)[0]
            else:
                break
            node = node[part]
        return None if line is None else line + 1
    except Exception:  # noqa: BLE001 - only a convenience; the key path stays
        return None


def _value_at(data: Any, loc: tuple[Any, ...]) -> object:
    for part in loc:
        try:
            data = data[part]
        except (KeyError, IndexError, TypeError):
            return ""
    return "" if isinstance(data, (dict, list)) else data


def _add_validation_errors(
    p: Problems, file: str, text: str, data: dict, exc: ValidationError
) -> None:
    errors = exc.errors()
    for err in errors[:MAX_ERRORS_PER_FILE]:
        loc = tuple(err["loc"])
        kind, params = _error_kind(dict(err))
        path = key_path(loc)
        p.add(
            "error",
            file,
            p.t("plans.invalid", path=path, problem=p.t(f"plans.err_{kind}", **params)),
            row=_line_of(text, loc),
            column=path,
            value="" if kind in ("missing", "unknown_key") else _value_at(data, loc),
            hint=p.t(f"plans.fix_{kind}", **params),
        )
    if len(errors) > MAX_ERRORS_PER_FILE:
        p.add(
            "error",
            file,
            p.t("plans.more_errors", n=p.num(len(errors) - MAX_ERRORS_PER_FILE)),
        )


# ---------------------------------------------------------------------------
# SMART warnings for goals that leave optional keys out
# ---------------------------------------------------------------------------


def goal_missing_keys(goal: dict) -> dict[str, list[str]]:
    """SMART letter -> goal keys whose absence makes it fail (only letters that fail).

    measurable needs ``metric`` and ``target``; achievable needs a ``reason`` or a
    ``target`` to compare with the wallet; relevant needs ``links``; time-bound
    needs ``due``. Specific depends on the text, not on a key, so it never appears.
    """
    missing: dict[str, list[str]] = {}
    measurable = [k for k in ("metric", "target") if goal.get(k) is None]
    if measurable:
        missing["measurable"] = measurable
    if goal.get("target") is None and not goal.get("reason"):
        missing["achievable"] = ["reason"]
    if not goal.get("links"):
        missing["relevant"] = ["links"]
    if goal.get("due") is None:
        missing["time_bound"] = ["due"]
    return missing


#: SMART letter -> its initial (the same in German and English)
_INITIAL = dict(zip(SMART_LETTERS, "SMART", strict=True))


def _add_smart_warnings(p: Problems, file: str, text: str, plan: dict) -> None:
    for i, goal in enumerate(plan["goals"]):
        missing = goal_missing_keys(goal)
        if not missing:
            continue
        keys = list(dict.fromkeys(k for ks in missing.values() for k in ks))
        letters = ", ".join(_INITIAL[letter] for letter in missing)
        p.add(
            "warning",
            file,
            p.t(
                "plans.smart_missing",
                n=i + 1,
                text=goal["text"],
                letters=letters,
                keys=", ".join(keys),
            ),
            row=_line_of(text, ("goals", i)),
            column=f"goals[{i + 1}]",
            hint=p.t("plans.smart_missing_hint", keys=", ".join(keys)),
        )


# ---------------------------------------------------------------------------
# loading
# ---------------------------------------------------------------------------


def _yaml_text(p: Problems, exc: Exception) -> str:
    line, column, problem = yaml_error_parts(exc)
    if line:
        return p.t("data.h9_yaml_broken", line=line, column=column, problem=problem)
    return p.t("data.plan_yaml", error=problem)


class _PlanConstructor(SafeConstructor):
    """The safe constructor, except that dates stay text: the model parses them, so
    an impossible date (2026-02-30) is an error with its key path, not a crash."""


_PlanConstructor.add_constructor(
    "tag:yaml.org,2002:timestamp", lambda loader, node: loader.construct_scalar(node)
)


def read_plan_file(path: Path) -> tuple[str, Any]:
    """Text and safe-loaded YAML of a plan file; raises YAMLError/UnicodeDecodeError.

    Only plain YAML (mappings, lists, text, numbers, booleans) is built; a
    ``!!python/...`` tag is an error, never an object.
    """
    text = path.read_text(encoding="utf-8-sig")
    yaml = YAML(typ="safe", pure=True)
    yaml.Constructor = _PlanConstructor
    return text, yaml.load(text)


def plan_files(client_dir: Path) -> list[Path]:
    """The plan files the loader reads (sorted; ``_``/``.`` files left out)."""
    folder = Path(client_dir) / PLAN_DIR
    if not folder.is_dir():
        return []
    return [
        path
        for path in sorted(folder.glob("*.y*ml"))
        if not path.name.startswith(("_", ".")) and path.suffix.lower() in (".yaml", ".yml")
    ]


def load_account_plans(
    client_dir: Path, known_ids: set[str] | None, p: Problems
) -> dict[str, dict]:
    """customer_id -> plan (plain dict, dates as ``datetime.date``); problems added to ``p``.

    Errors (the plan is skipped): invalid YAML or tags, wrong types, unknown
    keys, unknown status values, values out of range. Warnings: a plan for an
    unknown customer or a second plan for one customer (skipped), and a goal
    that leaves out keys its SMART letters need (kept).
    """
    plans: dict[str, dict] = {}
    for path in plan_files(client_dir):
        file = f"{PLAN_DIR}/{path.name}"
        if outside_client(path, client_dir):
            p.add("error", file, p.t("data.h9_outside"), hint=p.t("data.h9_outside_hint"))
            continue
        try:
            text, data = read_plan_file(path)
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
                p.t("plans.not_mapping"),
                hint=p.t("plans.fix_not_mapping"),
            )
            continue
        try:
            plan = AccountPlan.model_validate(data).model_dump()
        except ValidationError as exc:
            _add_validation_errors(p, file, text, data, exc)
            continue
        cid = plan["customer_id"]
        if known_ids is not None and cid not in known_ids:
            p.add(
                "warning", file, p.t("data.plan_unknown_customer"), column="customer_id", value=cid
            )
            continue
        if cid in plans:
            p.add("warning", file, p.t("data.plan_twice"), column="customer_id", value=cid)
            continue
        _add_smart_warnings(p, file, text, plan)
        plans[cid] = plan
    return plans
