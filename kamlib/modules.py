"""The module registry: everything an engagement module contributes, in one entry.

A module is its own files (``kamlib/analysis/<key>.py``, ``charts/<key>.py``,
``narrative/<key>.py``, ``messages/<key>.py``, optionally ``widgets/<key>.py``,
``notebooks/<key>.ipynb`` and ``notebooks/tutorial/<key>_tutorial.ipynb``)
plus one :class:`Module` entry in :data:`MODULES` below. The CLI (``kam
render``/``export``), the renderer, the export, the workshop save, the
``client.yaml`` template of ``kam new`` and the client index read this
registry; no other part of the kit names a module (``tests/test_registry.py``
enforces it). ``docs/modules.md`` walks through adding one.

Importing this file must stay cheap: the CLI checks its arguments against the
registry before anything heavy is imported. Code is therefore referenced by a
dotted path ``"package.module:attribute"`` and imported only when used
(:func:`resolve`).
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from kamlib import resources

#: repository root (the kit is installed editable; notebooks live beside kamlib/)
ROOT = Path(__file__).resolve().parent.parent
NOTEBOOK_DIR = resources.NOTEBOOK_DIR
TEMPLATE_DIR = resources.TEMPLATE_DIR

#: tables without which no module runs; their absence is a data error, not a skip
BASE_TABLES: tuple[str, ...] = ("customers", "sales")


def resolve(path: str) -> Any:
    """Import ``"package.module:attribute"`` and return the attribute."""
    module_name, _, attr = path.partition(":")
    if not attr:
        raise ValueError(f"expected 'package.module:attribute', got {path!r}")
    return getattr(importlib.import_module(module_name), attr)


@dataclass(frozen=True)
class ExportSpec:
    """What ``kam export --module <key>`` writes: one row per customer.

    ``columns`` maps each stable English column name (DESIGN.md) to its kind
    (``text``, ``money``, ``share``, ``score``, ``ratio``, ``int``, ``bool``, ``date``),
    which drives the Excel number format and the column's dtype in the file.
    ``table`` is a dotted path to ``f(result) -> (DataFrame, info)``: the
    customer-level table of the analysis result and the context shown on the
    Excel info sheet (``as_of``, ``window``, ``basis``).
    """

    table: str
    columns: Mapping[str, str]
    #: sort keys and their directions (stable sort)
    sort: tuple[tuple[str, bool], ...] = (("revenue", False), ("customer_id", True))
    #: columns written only when the result has them (e.g. an optional master column)
    optional: frozenset[str] = frozenset()
    #: result columns starting with this prefix follow the fixed columns (e.g. ``crit_``)
    extra_prefix: str | None = None
    #: kind of the ``extra_prefix`` columns
    extra_kind: str = "score"
    #: text key of the data sheet's name; None: the module's title
    sheet_key: str | None = None
    #: text keys of a column's label and description (``{column}`` is the column
    #: name; for ``extra_prefix`` columns the prefix without its trailing
    #: underscore, e.g. ``crit``). The defaults are the kit's shared column texts.
    label_key: str = "export.col.{column}"
    desc_key: str = "export.desc.{column}"
    #: text key of the "written" line (``{rows}``, ``{path}``); the default counts customers
    written_key: str = "export.msg.written"

    def sheet_name(self, module: Module, lang: str) -> str:
        """Name of the Excel data sheet (Excel allows 31 characters)."""
        from kamlib.i18n import t

        return (t(self.sheet_key, lang) if self.sheet_key else module.title[lang])[:31]

    def kind(self, column: str) -> str:
        """Kind of an export column (``text`` for anything unknown)."""
        if self.extra_prefix and column.startswith(self.extra_prefix):
            return self.extra_kind
        return self.columns.get(column, "text")


@dataclass(frozen=True)
class Module:
    """One engagement module and everything the kit needs to know about it.

    Only ``key`` and ``title`` are required; a module without an export or a
    workshop panel simply leaves those empty.
    """

    #: short name: file names, ``kam render -m``, report folder names
    key: str
    #: deliverable title per language (cover, header band, index page)
    title: Mapping[str, str]
    #: tables that must be present for the module to run; a missing one
    #: other than :data:`BASE_TABLES` skips the module with a clear line
    requires: tuple[str, ...] = BASE_TABLES
    #: tables the module uses when present (it says what is missing otherwise)
    optional: tuple[str, ...] = ()
    #: ``f(client) -> result``: the module's analysis entry point (dotted path)
    analysis: str | None = None
    #: the customer-level export; None = the module has no ``kam export``
    export: ExportSpec | None = None
    #: ``f(client, lang, workshop) -> panel | None``: the workshop panel (dotted path)
    panel: str | None = None
    #: its section in ``client.yaml`` (a field of ``kamlib.config.ClientConfig``)
    settings: str | None = None
    #: weight sets inside that section: saved normalised to sum 1 (workshop save)
    weights: tuple[str, ...] = ()
    #: rating criteria (ids in ``ratings``) the module reads; the data layer
    #: accepts the union over all modules (``config.known_rating_criteria``)
    criteria: tuple[str, ...] = ()
    #: one deliverable per flagged key account (notebook parameter ``customer_id``)
    #: plus a cover listing them (``customer_id=""``); see DESIGN.md's output names
    per_account: bool = False

    @property
    def notebook(self) -> Path:
        """The deliverable notebook ``notebooks/<key>.ipynb``."""
        return NOTEBOOK_DIR / f"{self.key}.ipynb"

    @property
    def tutorial(self) -> Path:
        """The trainee tutorial ``notebooks/tutorial/<key>_tutorial.ipynb``."""
        return NOTEBOOK_DIR / "tutorial" / f"{self.key}_tutorial.ipynb"

    @property
    def weight_paths(self) -> tuple[str, ...]:
        """The weight sets as dotted ``client.yaml`` paths (``<section>.<weights>``)."""
        return tuple(f"{self.settings}.{w}" for w in self.weights) if self.settings else ()

    def analyse(self, client: Any) -> Any:
        """Run the module's analysis on a loaded client (imports it on first use)."""
        if self.analysis is None:
            raise LookupError(f"module {self.key!r} has no analysis entry point")
        fn: Callable[[Any], Any] = resolve(self.analysis)
        return fn(client)

    def workshop_panel(self, client: Any, lang: str = "de", workshop: bool = True) -> Any:
        """The module's workshop panel (``None`` outside a workshop or without a panel)."""
        if self.panel is None:
            return None
        return resolve(self.panel)(client, lang, workshop)


# --------------------------------------------------------------------------- entries

_OVERVIEW = Module(
    key="overview",
    title={"de": "Kundenstruktur", "en": "Customer base overview"},
    analysis="kamlib.analysis.overview:analyse",
    settings="overview",
)

_PORTFOLIO = Module(
    key="portfolio",
    title={"de": "Strategisches Kundenportfolio", "en": "Strategic customer portfolio"},
    optional=("ratings",),
    analysis="kamlib.analysis.portfolio:analyse",
    export=ExportSpec(
        table="kamlib.analysis.portfolio:export_table",
        columns={
            "customer_id": "text",
            "customer_name": "text",
            "industry": "text",
            "region": "text",
            "account_manager": "text",
            "revenue": "money",
            "contribution_margin": "money",
            "margin_ratio": "share",
            "revenue_share": "share",
            "cumulative_share": "share",
            "abc_class": "text",
            "xyz_class": "text",
            "cv": "ratio",
            "cv_months": "int",
            "order_month_share": "share",
            "potential": "money",
            "share_of_wallet": "share",
            "wallet_gap": "money",
            "growth": "share",
            "potential_score": "score",
            "attractiveness_score": "score",
            "in_scope": "bool",
            "status": "text",
            "zone": "text",
            "rated": "bool",
            "placement": "text",
            "provisional": "bool",
            "wallet_gap_rating": "int",
            "coverage_potential": "share",
            "coverage_attractiveness": "share",
            "ka_score": "score",
            "ka_rank": "int",
            "is_key_account": "bool",
            "ka_recommended": "bool",
            "customer_type": "text",
        },
        optional=frozenset({"account_manager"}),
        extra_prefix="crit_",
        sheet_key="export.sheet.data",
    ),
    panel="kamlib.widgets.portfolio:portfolio_panel",
    settings="portfolio",
    weights=("potential", "attractiveness", "key_account.weights"),
)

_RETENTION = Module(
    key="retention",
    title={"de": "Kundenbindung", "en": "Customer retention"},
    optional=("ratings", "contacts", "activities"),
    analysis="kamlib.analysis.retention:analyse",
    export=ExportSpec(
        table="kamlib.analysis.retention:export_table",
        columns={
            "customer_id": "text",
            "name": "text",
            "revenue": "money",
            "stability_score": "score",
            "flags": "text",
            "risk_quadrant": "text",
            "bgnbd_frequency": "int",
            "bgnbd_recency_weeks": "ratio",
            "bgnbd_T_weeks": "ratio",
            "p_alive": "ratio",
            "expected_purchases_52w": "ratio",
        },
        label_key="retention.export.col.{column}",
        desc_key="retention.export.desc.{column}",
    ),
    panel="kamlib.widgets.retention:retention_panel",
    settings="retention",
    weights=("factors",),
    # the stability factors a workshop rates (wallet_share is data only)
    criteria=(
        "contractual",
        "technical",
        "relationship_breadth",
        "relationship_quality",
        "satisfaction",
        "switching_costs",
        "dependency",
        "product_breadth",
    ),
)

_TOUCHPOINTS = Module(
    key="touchpoints",
    title={"de": "Kundenkontaktpunkte", "en": "Customer touchpoint management"},
    requires=(*BASE_TABLES, "touchpoints"),
    analysis="kamlib.analysis.touchpoints:analyse",
    export=ExportSpec(
        table="kamlib.analysis.touchpoints:export_table",
        columns={
            "touchpoint": "text",
            "phase": "text",
            "channel": "text",
            "owner": "text",
            "segment": "text",
            "importance": "score",
            "ist": "score",
            "soll": "score",
            "gap": "score",
            "priority": "score",
            "quadrant": "text",
            "previous_ist": "score",
            "change": "score",
            "measure": "text",
            "due": "date",
            "kpi": "text",
        },
        sort=(("priority", False), ("touchpoint", True)),
        label_key="touchpoints.export.col.{column}",
        desc_key="touchpoints.export.desc.{column}",
        written_key="touchpoints.export.written",
    ),
    panel="kamlib.widgets.touchpoints:touchpoints_panel",
    settings="touchpoints",
)

_WINBACK = Module(
    key="winback",
    title={"de": "Rückgewinnung verlorener Kunden", "en": "Win-back of lost customers"},
    optional=("lost_reasons",),
    analysis="kamlib.analysis.winback:analyse",
    export=ExportSpec(
        table="kamlib.analysis.winback:export_table",
        columns={
            "customer_id": "text",
            "name": "text",
            "status": "text",
            "last_purchase": "text",  # YYYY-MM-DD
            "lost_on": "text",  # YYYY-MM-DD
            "lost_revenue": "money",
            "reason": "text",
            "priority_score": "ratio",
            "reactivated_on": "text",  # YYYY-MM-DD
        },
        label_key="winback.export.col.{column}",
        desc_key="winback.export.desc.{column}",
    ),
    panel="kamlib.widgets.winback:winback_panel",
    settings="winback",
)

_C_CUSTOMERS = Module(
    key="c_customers",
    title={"de": "C-Kunden-Management", "en": "C-customer management"},
    optional=("activities",),
    analysis="kamlib.analysis.c_customers:analyse",
    export=ExportSpec(
        table="kamlib.analysis.c_customers:export_table",
        columns={
            "customer_id": "text",
            "name": "text",
            "abc_class": "text",
            "is_c_customer": "bool",
            "year": "int",
            "revenue": "money",
            "contribution_margin": "money",
            "visits": "int",
            "calls": "int",
            "orders": "int",
            "deliveries": "int",
            "complaints": "int",
            "returns": "int",
            "quotes": "int",
            "cost_to_serve": "money",
            "customer_profit": "money",
            "growth_candidate": "bool",
            "channel": "text",
            "wallet_gap": "money",
        },
        label_key="c_customers.export.col.{column}",
        desc_key="c_customers.export.desc.{column}",
    ),
    panel="kamlib.widgets.c_customers:c_customers_panel",
    settings="c_customers",
)

_ACCOUNT_PLAN = Module(
    key="account_plan",
    title={"de": "Key-Account-Plan", "en": "Key-account plan"},
    # plan files (account_plans/) are read by the data layer, not a table
    optional=("contacts", "ratings", "activities"),
    analysis="kamlib.analysis.account_plan:analyse",
    export=ExportSpec(
        table="kamlib.analysis.account_plan:export_table",
        columns={
            "customer_id": "text",
            "name": "text",
            "goal": "text",
            "metric": "text",
            "target": "ratio",  # a share (0.55) or money (250000): written as given
            "due": "text",  # YYYY-MM-DD
            "specific": "bool",
            "measurable": "bool",
            "achievable": "bool",
            "relevant": "bool",
            "time_bound": "bool",
        },
        # one row per goal: by customer, then the goals' order in the plan file
        sort=(("customer_id", True),),
        label_key="account_plan.export.col.{column}",
        desc_key="account_plan.export.desc.{column}",
        written_key="account_plan.export.written",
    ),
    settings="account_plan",
    per_account=True,
)

#: every module, in deliverable order (``kam render`` default, index page order)
MODULES: dict[str, Module] = {
    m.key: m
    for m in (
        _OVERVIEW,
        _PORTFOLIO,
        _C_CUSTOMERS,
        _RETENTION,
        _WINBACK,
        _TOUCHPOINTS,
        _ACCOUNT_PLAN,
    )
}


def get_module(key: str) -> Module:
    """The registry entry of ``key``; ``KeyError`` naming the available modules."""
    try:
        return MODULES[key]
    except KeyError:
        raise KeyError(f"unknown module {key!r}; available: {', '.join(MODULES)}") from None


def exportable() -> list[str]:
    """Keys of the modules with a ``kam export``, in registry order."""
    return [k for k, m in MODULES.items() if m.export is not None]


def weight_paths() -> frozenset[str]:
    """Every module's weight sets as dotted ``client.yaml`` paths."""
    return frozenset(p for m in MODULES.values() for p in m.weight_paths)
