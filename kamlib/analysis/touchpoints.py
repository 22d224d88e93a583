"""Customer touchpoint management (METHODOLOGY.md section 3).

Entry points (the analysis contract of :mod:`kamlib.analysis.portfolio`):

- ``analyse(client, settings=None) -> TouchpointResult`` = ``compute(prepare(client), settings)``.
- ``prepare(client) -> TouchpointInputs``: reads ``client.touchpoints`` once
  (:func:`prepare_frame` does the same for a bare table): journey phases and
  channels mapped to their ids, several rows of one (touchpoint, segment,
  round) merged, the current rating and the previous one per touchpoint.
- ``compute(inputs, settings) -> TouchpointResult``: the cheap part the
  workshop re-runs when ``split`` or ``top_n`` move.

Rules (each pinned by a test in tests/analysis/test_touchpoints.py):

- **Phases** :data:`PHASES`, **channels** :data:`CHANNELS`; German and English
  spellings map to the ids (:data:`PHASE_ALIASES`, :data:`CHANNEL_ALIASES`;
  case, spaces, ``/``, ``&``, ``-`` and umlaut spelling ignored). An unknown
  phase or channel is kept under its own (stripped) name and listed in
  ``unknown_phases`` / ``unknown_channels`` (a warning), never dropped. An
  empty channel stays empty.
- **Identity**: a touchpoint is the pair (touchpoint, segment), names
  compared after stripping spaces at both ends, case-sensitive; an empty
  segment is ``""``.
- **Rounds**: the ``round`` date; rows without a date form one undated round
  that counts as older than every dated round. Several rows for the same
  (touchpoint, segment, round) (several raters) are averaged (importance,
  Ist, Soll); texts come from the first of them; ``merged_rows`` counts the
  rows merged away.
- **Current rating** per touchpoint: its latest round ("of its latest
  round", DESIGN.md export), so a touchpoint not rated in the newest round
  keeps its last rating; ``round`` says which.
- **Gap = Soll - Ist; priority = max(gap, 0) x importance.**
- **Quadrants** at ``split`` (default 3), a value on the split counts as
  high: importance >= split and Ist < split = fix_first; both >= split =
  keep_up; importance < split and Ist >= split = possible_overkill; both <
  split = low_priority.
- **Heat map** phase x channel: mean gap (and touchpoint count, mean priority)
  of the current touchpoints.
- **Coverage gaps** per phase of :data:`PHASES` (plus unknown phases present):
  ``no_touchpoints`` when a phase has none; ``all_fix_first`` when it has
  some and every one is fix_first.
- **Measure plan**: the ``top_n`` touchpoints with priority > 0 (no gap = no
  measure), by priority descending, then touchpoint, then segment; owner,
  measure, due and kpi from the file where filled in; ``to_be_set`` lists
  (";"-joined, fixed order owner;measure;due;kpi) those that are empty.
- **Deviation**: previous_ist = Ist in the latest earlier round that rated
  the touchpoint; change = ist - previous_ist (positive = improved), both
  empty without an earlier rating; ``direction`` improved | unchanged |
  worse | "" (no earlier rating); target_reached = ist >= soll.

Stable keys only; texts belong in kamlib/messages.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from kamlib.config import TouchpointsSettings

#: the config model is the home of the defaults; the settings read theirs from it
_CFG = TouchpointsSettings()

#: journey phase ids in display order
PHASES = ("awareness", "evaluation", "purchase", "delivery", "use_service", "loyalty")
#: channel ids in display order
CHANNELS = ("personal", "digital", "print", "product")
#: importance-performance quadrants in display order
QUADRANTS = ("fix_first", "keep_up", "possible_overkill", "low_priority")
#: coverage-gap kinds
COVERAGE_GAPS = ("no_touchpoints", "all_fix_first")
#: deviation directions
DIRECTIONS = ("improved", "unchanged", "worse")
#: plan fields that may still be "to be set", in this order
PLAN_FIELDS = ("owner", "measure", "due", "kpi")
#: columns of the ``touchpoints`` export (DESIGN.md), in this order
EXPORT_COLUMNS = (
    "touchpoint",
    "phase",
    "channel",
    "owner",
    "segment",
    "importance",
    "ist",
    "soll",
    "gap",
    "priority",
    "quadrant",
    "previous_ist",
    "change",
    "measure",
    "due",
    "kpi",
)

_TEXT_COLUMNS = ("touchpoint", "phase", "channel", "owner", "segment", "measure", "kpi")
_SCORES = ("importance", "ist", "soll")
_UMLAUTS = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss", "é": "e"})
_IGNORED = re.compile(r"[\s._\-/&+()]+")


def _norm(text: str) -> str:
    return _IGNORED.sub("", text.strip().lower().translate(_UMLAUTS))


#: accepted spellings (normalised by :func:`_norm`) -> phase id
PHASE_ALIASES: dict[str, str] = {
    **{p.replace("_", ""): p for p in PHASES},
    "use": "use_service",
    "usage": "use_service",
    "service": "use_service",
    "aftersales": "use_service",
    "nutzung": "use_service",
    "nutzungservice": "use_service",
    "nutzungundservice": "use_service",
    "useandservice": "use_service",
    "aufmerksamkeit": "awareness",
    "wahrnehmung": "awareness",
    "bewertung": "evaluation",
    "evaluierung": "evaluation",
    "evaluation": "evaluation",
    "kauf": "purchase",
    "kaufabschluss": "purchase",
    "bestellung": "purchase",
    "lieferung": "delivery",
    "bindung": "loyalty",
    "kundenbindung": "loyalty",
    "loyalitaet": "loyalty",
    "retention": "loyalty",
}
#: accepted spellings (normalised) -> channel id
CHANNEL_ALIASES: dict[str, str] = {
    **{c: c for c in CHANNELS},
    "persoenlich": "personal",
    "person": "personal",
    "online": "digital",
    "druck": "print",
    "gedruckt": "print",
    "printmedien": "print",
    "produkt": "product",
}


@dataclass(frozen=True)
class TouchpointSettings:
    """Settings of the touchpoint analysis; field names are DESIGN.md's ``touchpoints:`` keys."""

    #: quadrant split on the 1-5 scale; a value on the split counts as high
    split: float = _CFG.split
    #: length of the measure plan
    top_n: int = _CFG.top_n

    def __post_init__(self) -> None:
        if not 1 <= self.split <= 5:
            raise ValueError("touchpoints.split: must be between 1 and 5")
        if self.top_n < 1:
            raise ValueError("touchpoints.top_n: must be at least 1")


@dataclass
class TouchpointInputs:
    """Touchpoint ratings prepared for :func:`compute` (built by :func:`prepare`).

    ``current``: one row per (touchpoint, segment) at its latest round:
    touchpoint, segment, phase, channel (ids where known, else the name as
    written), owner, importance, ist, soll (float), round (NaT = undated),
    measure, due (datetime), kpi, previous_ist, previous_round (NaN/NaT
    without an earlier rating). Sorted by touchpoint, then segment.
    """

    current: pd.DataFrame
    #: rating rounds in order (NaT first when undated rows exist)
    rounds: list[pd.Timestamp]
    unknown_phases: list[str] = field(default_factory=list)
    unknown_channels: list[str] = field(default_factory=list)
    #: rows merged into another row of the same (touchpoint, segment, round)
    merged_rows: int = 0


@dataclass
class TouchpointResult:
    """Result of the touchpoint analysis (scores on the 1-5 scale).

    ``touchpoints``: the current rating of every touchpoint (see
    :class:`TouchpointInputs`) plus gap, priority, quadrant
    (:data:`QUADRANTS`), change, direction, target_reached (bool), sorted by
    priority descending, then touchpoint, then segment.
    """

    settings: TouchpointSettings
    touchpoints: pd.DataFrame
    #: per (phase, channel) present: touchpoints (count), owners (";"-joined,
    #: sorted), names (";"-joined touchpoint names); phases/channels in display order
    inventory: pd.DataFrame
    #: per (phase, channel) present: touchpoints, mean_gap, mean_priority
    heatmap: pd.DataFrame
    #: per phase (all of :data:`PHASES`, then unknown ones): touchpoints,
    #: fix_first, coverage_gap (:data:`COVERAGE_GAPS` or "")
    coverage: pd.DataFrame
    #: top_n touchpoints with priority > 0: touchpoint, segment, phase, channel,
    #: owner, importance, ist, soll, gap, priority, quadrant, measure, due, kpi, to_be_set
    measure_plan: pd.DataFrame
    #: per quadrant: touchpoints
    quadrants: pd.DataFrame
    #: counts: compared, improved, unchanged, worse, not_compared, targets_reached, touchpoints
    deviation: dict[str, int]
    rounds: list[pd.Timestamp]
    latest_round: pd.Timestamp | None
    unknown_phases: list[str] = field(default_factory=list)
    unknown_channels: list[str] = field(default_factory=list)
    merged_rows: int = 0
    #: revenue the segments reach (:func:`revenue_basis`; empty without sales)
    revenue: dict[str, float] = field(default_factory=dict)
    #: the file fills in at least one of the plan columns measure, due, kpi
    plan_columns: bool = True

    def revenue_reached(self, segment: str) -> float:
        """Annual revenue of the customers a touchpoint of ``segment`` reaches (NaN: unknown).

        Only two segment spellings are tied to customers: every customer
        (:data:`ALL_SEGMENTS`) and the flagged key accounts
        (:data:`KEY_ACCOUNT_SEGMENTS`); any other segment is not guessed.
        """
        kind = segment_kind(segment)
        return float(self.revenue.get(kind, np.nan)) if kind else float("nan")

    @property
    def coverage_gaps(self) -> pd.DataFrame:
        """The phases of ``coverage`` with a gap."""
        return self.coverage[self.coverage["coverage_gap"] != ""].reset_index(drop=True)

    def heatmap_matrix(self, value: str = "mean_gap") -> pd.DataFrame:
        """``heatmap`` as a phase x channel matrix (NaN where no touchpoint)."""
        phases = _ordered(self.heatmap["phase"], PHASES)
        channels = _ordered(self.heatmap["channel"], CHANNELS)
        return self.heatmap.pivot(index="phase", columns="channel", values=value).reindex(
            index=phases, columns=channels
        )

    def export_frame(self) -> pd.DataFrame:
        """The ``touchpoints`` export (DESIGN.md): :data:`EXPORT_COLUMNS`, same order as
        ``touchpoints``; unknown values NaN/NaT (empty cells)."""
        return self.touchpoints.loc[:, list(EXPORT_COLUMNS)].reset_index(drop=True)


# ---------------------------------------------------------------------------
# prepare


def _ordered(values: pd.Series, known: tuple[str, ...]) -> list[str]:
    """Known ids in display order, then the other values present, sorted."""
    present = set(values.dropna().astype(str))
    return [k for k in known if k in present] + sorted(present - set(known))


def _map_ids(values: pd.Series, aliases: dict[str, str]) -> tuple[pd.Series, list[str]]:
    """Ids for known spellings; unknown names kept as written (stripped) and listed."""
    text = values.astype("string").str.strip()
    text = text.where(text != "")
    uniques = text.dropna().unique()
    lookup = {u: aliases.get(_norm(u)) for u in uniques}  # once per distinct spelling
    unknown = sorted(u for u, v in lookup.items() if v is None)
    mapped = text.astype(object).map({u: v or u for u, v in lookup.items()})
    return mapped.where(text.notna()).astype(object), unknown


def prepare_frame(table: pd.DataFrame) -> TouchpointInputs:
    """Prepare a touchpoints table with canonical columns (see :func:`prepare`).

    Required columns: touchpoint, phase, importance, ist, soll; channel,
    owner, segment, round, measure, due, kpi are optional.
    """
    df = pd.DataFrame(index=table.index)
    for col in _TEXT_COLUMNS:
        s = table[col] if col in table else pd.Series(np.nan, index=table.index)
        s = s.astype("string").str.strip()
        df[col] = s.where(s != "").astype(object)
    df["segment"] = df["segment"].fillna("")
    for col in _SCORES:
        df[col] = pd.to_numeric(table[col], errors="coerce").astype(float)
    for col in ("round", "due"):
        s = table[col] if col in table else pd.Series(pd.NaT, index=table.index)
        df[col] = pd.to_datetime(s, errors="coerce").astype("datetime64[ns]")
    df = df.dropna(subset=["touchpoint", "importance", "ist", "soll"])
    df["phase"], unknown_phases = _map_ids(df["phase"], PHASE_ALIASES)
    df["channel"], unknown_channels = _map_ids(df["channel"], CHANNEL_ALIASES)

    key = ["touchpoint", "segment", "round"]
    # undated rows form one round older than every dated one
    df["_r"] = df["round"].fillna(pd.Timestamp.min)
    agg = {c: "first" for c in df.columns if c not in (*key, "_r")}
    agg.update({c: "mean" for c in _SCORES})
    rated = df.groupby(["touchpoint", "segment", "_r"], sort=True, dropna=False).agg(agg)
    merged = len(df) - len(rated)
    rated = rated.reset_index()
    rated["round"] = rated["_r"].where(rated["_r"] != pd.Timestamp.min)

    # sorted by (touchpoint, segment, round): the last row per pair is current
    pair = ["touchpoint", "segment"]
    rated["previous_ist"] = rated.groupby(pair, sort=False)["ist"].shift(1)
    rated["previous_round"] = rated.groupby(pair, sort=False)["round"].shift(1)
    current = rated[~rated.duplicated(pair, keep="last")].drop(columns="_r")
    cols = [
        "touchpoint",
        "segment",
        "phase",
        "channel",
        "owner",
        "importance",
        "ist",
        "soll",
        "round",
        "measure",
        "due",
        "kpi",
        "previous_ist",
        "previous_round",
    ]
    current = current[cols].reset_index(drop=True)
    rounds = sorted(rated["_r"].unique())
    rounds = [pd.NaT if r == pd.Timestamp.min else pd.Timestamp(r) for r in rounds]
    return TouchpointInputs(current, rounds, unknown_phases, unknown_channels, merged)


def prepare(client) -> TouchpointInputs:
    """Prepare a loaded client (``ClientData``); ``ValueError`` without a touchpoints table."""
    if client.touchpoints is None:
        raise ValueError("touchpoints: the client has no usable touchpoints table")
    return prepare_frame(client.touchpoints)


# ---------------------------------------------------------------------------
# compute


def quadrant(importance: pd.Series, ist: pd.Series, split: float) -> pd.Series:
    """Quadrant key per row; a value on ``split`` counts as high."""
    high_imp = importance.to_numpy() >= split
    high_ist = ist.to_numpy() >= split
    out = np.select(
        [high_imp & ~high_ist, high_imp & high_ist, ~high_imp & high_ist],
        ["fix_first", "keep_up", "possible_overkill"],
        "low_priority",
    )
    return pd.Series(out, index=importance.index, dtype=object)


def _joined(cells: pd.DataFrame, col: str) -> pd.Series:
    """Per (phase, channel): the distinct values of ``col``, sorted, ";"-joined."""
    distinct = cells.dropna(subset=[col]).drop_duplicates(["phase", "channel", col])
    distinct = distinct.assign(**{col: distinct[col].astype(str)}).sort_values(col)
    return distinct.groupby(["phase", "channel"], sort=False)[col].agg(";".join)


def compute(
    inputs: TouchpointInputs, settings: TouchpointSettings | None = None
) -> TouchpointResult:
    """Gaps, priorities, quadrants, heat map, coverage, measure plan and deviation."""
    settings = settings or TouchpointSettings()
    tp = inputs.current.copy()
    tp["gap"] = tp["soll"] - tp["ist"]
    tp["priority"] = tp["gap"].clip(lower=0) * tp["importance"]
    tp["quadrant"] = quadrant(tp["importance"], tp["ist"], settings.split)
    tp["change"] = tp["ist"] - tp["previous_ist"]
    tp["direction"] = np.select(
        [tp["change"] > 0, tp["change"] == 0, tp["change"] < 0],
        ["improved", "unchanged", "worse"],
        "",
    ).astype(object)
    tp["target_reached"] = tp["ist"] >= tp["soll"]
    tp = tp.sort_values(
        ["priority", "touchpoint", "segment"], ascending=[False, True, True], kind="mergesort"
    ).reset_index(drop=True)

    # inventory and heat map per (phase, channel); a missing channel groups as ""
    cells = tp.assign(phase=tp["phase"].fillna(""), channel=tp["channel"].fillna(""))
    grouped = cells.groupby(["phase", "channel"], sort=False)
    inventory = grouped.size().rename("touchpoints").to_frame()
    for out, col in (("owners", "owner"), ("names", "touchpoint")):
        inventory[out] = _joined(cells, col).reindex(inventory.index).fillna("")
    inventory = inventory.reset_index()
    heatmap = grouped.agg(
        touchpoints=("touchpoint", "size"),
        mean_gap=("gap", "mean"),
        mean_priority=("priority", "mean"),
    ).reset_index()
    phase_order = {p: i for i, p in enumerate(_ordered(cells["phase"], PHASES))}
    channel_order = {c: i for i, c in enumerate(_ordered(cells["channel"], CHANNELS))}

    def _sort(frame: pd.DataFrame) -> pd.DataFrame:
        k = frame["phase"].map(phase_order) * 1000 + frame["channel"].map(channel_order)
        return frame.iloc[np.argsort(k.to_numpy(), kind="stable")].reset_index(drop=True)

    inventory, heatmap = _sort(inventory), _sort(heatmap)

    # coverage per phase
    phases = list(PHASES) + [p for p in _ordered(cells["phase"], PHASES) if p not in PHASES]
    count = cells.groupby("phase").size().reindex(phases, fill_value=0)
    fix = (
        cells[cells["quadrant"] == "fix_first"]
        .groupby("phase")
        .size()
        .reindex(phases, fill_value=0)
    )
    coverage = pd.DataFrame(
        {"phase": phases, "touchpoints": count.to_numpy(), "fix_first": fix.to_numpy()}
    )
    coverage["coverage_gap"] = np.select(
        [coverage["touchpoints"] == 0, coverage["fix_first"] == coverage["touchpoints"]],
        ["no_touchpoints", "all_fix_first"],
        "",
    ).astype(object)
    coverage = coverage[coverage["phase"] != ""].reset_index(drop=True)

    # measure plan
    plan = tp[tp["priority"] > 0].head(settings.top_n)
    plan = plan[
        [
            "touchpoint",
            "segment",
            "phase",
            "channel",
            "owner",
            "importance",
            "ist",
            "soll",
            "gap",
            "priority",
            "quadrant",
            "measure",
            "due",
            "kpi",
        ]
    ].reset_index(drop=True)
    missing = pd.DataFrame({f: plan[f].isna() for f in PLAN_FIELDS})
    plan["to_be_set"] = [
        ";".join(f for f, m in zip(PLAN_FIELDS, row, strict=True) if m)
        for row in missing.itertuples(index=False)
    ]

    quadrants = tp["quadrant"].value_counts().reindex(QUADRANTS, fill_value=0).rename("touchpoints")
    quadrants = quadrants.rename_axis("quadrant").reset_index()
    compared = int(tp["change"].notna().sum())
    deviation = {
        "touchpoints": len(tp),
        "compared": compared,
        "not_compared": len(tp) - compared,
        **{d: int((tp["direction"] == d).sum()) for d in DIRECTIONS},
        "targets_reached": int(tp["target_reached"].sum()),
    }
    dated = [r for r in inputs.rounds if pd.notna(r)]
    latest = dated[-1] if dated else None
    return TouchpointResult(
        settings=settings,
        touchpoints=tp,
        inventory=inventory,
        heatmap=heatmap,
        coverage=coverage,
        measure_plan=plan,
        quadrants=quadrants,
        deviation=deviation,
        rounds=list(inputs.rounds),
        latest_round=latest,
        unknown_phases=list(inputs.unknown_phases),
        unknown_channels=list(inputs.unknown_channels),
        merged_rows=inputs.merged_rows,
    )


#: segment spellings (normalised) meaning every customer; the empty segment too
ALL_SEGMENTS = frozenset({"", "alle", "all", "allekunden", "allcustomers", "gesamt", "total"})
#: segment spellings (normalised) meaning the flagged key accounts
KEY_ACCOUNT_SEGMENTS = frozenset(
    {"keyaccounts", "keyaccount", "ka", "schluesselkunden", "grosskunden"}
)


def segment_kind(segment: object) -> str | None:
    """``"all"``, ``"key_accounts"`` or None (a segment the sales data cannot tell)."""
    text = (
        ""
        if segment is None or (isinstance(segment, float) and np.isnan(segment))
        else str(segment)
    )
    norm = _norm(text)
    if norm in ALL_SEGMENTS:
        return "all"
    if norm in KEY_ACCOUNT_SEGMENTS:
        return "key_accounts"
    return None


def revenue_basis(client, months: int = 12) -> dict[str, float]:
    """Net revenue of the last ``months`` calendar months up to as_of: all customers
    and the flagged key accounts (the latter only when the master flags them)."""
    sales, as_of = client.sales, client.as_of
    start = (as_of.to_period("M") - (months - 1)).to_timestamp()
    window = sales[(sales["date"] >= start) & (sales["date"] <= as_of)]
    out = {"all": float(window["net_revenue"].sum())}
    customers = client.customers
    if "is_key_account" in customers:
        flagged = customers.loc[
            customers["is_key_account"].fillna(False).astype(bool), "customer_id"
        ]
        out["key_accounts"] = float(
            window.loc[window["customer_id"].isin(flagged), "net_revenue"].sum()
        )
    return out


def settings_from_config(config) -> TouchpointSettings:
    """The analysis settings of a validated ``client.yaml`` (its ``touchpoints`` section)."""
    section = config.touchpoints
    return TouchpointSettings(split=float(section.split), top_n=int(section.top_n))


def analyse(client, settings: TouchpointSettings | None = None) -> TouchpointResult:
    """``compute(prepare(client), settings)``; settings default to the client's ``client.yaml``."""
    if settings is None:
        settings = settings_from_config(client.config)
    result = compute(prepare(client), settings)
    result.revenue = revenue_basis(client)
    table = client.touchpoints
    result.plan_columns = any(c in table and table[c].notna().any() for c in PLAN_FIELDS[1:])
    return result


#: export columns holding averaged scores (whole numbers written as such)
_WHOLE_WHEN_POSSIBLE = ("importance", "ist", "soll", "gap", "priority", "previous_ist", "change")


def export_table(result: TouchpointResult) -> tuple[pd.DataFrame, dict[str, str]]:
    """The ``touchpoints`` export (registry ``ExportSpec.table``) and its info-sheet context.

    A score column whose values are all whole numbers (one rater per
    touchpoint and round) is written as integers (``4``, not ``4.0``); one
    with an averaged value keeps its decimals, unrounded (DESIGN.md CSV rules).
    """
    df = result.export_frame()
    for col in _WHOLE_WHEN_POSSIBLE:
        values = df[col].dropna()
        if len(values) and bool((values == values.round()).all()):
            df[col] = df[col].round().astype("Int64")
    latest = result.latest_round
    dated = [r.date().isoformat() for r in result.rounds if pd.notna(r)]
    info = {
        "as_of": latest.date().isoformat() if latest is not None else "",
        "window": ", ".join(dated),
        "basis": "",
    }
    return df, info
