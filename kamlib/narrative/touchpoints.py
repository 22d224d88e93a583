"""Summary, decisions, headings, section texts and tables of the touchpoint deliverable.

Every function takes a :class:`~kamlib.analysis.touchpoints.TouchpointResult`
and ``lang``. Texts are HTML-safe (client strings escaped) and every figure
is formatted for the language; the wording lives in
:mod:`kamlib.messages.touchpoints`. Headings state the finding computed from
the numbers. Tables come as :class:`~kamlib.content.TableSpec`.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

import pandas as pd

from kamlib.analysis.touchpoints import PHASES, QUADRANTS, TouchpointResult
from kamlib.content import TableSpec, esc
from kamlib.i18n import Formatter, t
from kamlib.labels_touchpoints import channel_label, phase_label, touchpoint_labels

#: decisions in the management summary (the brief: 3-5)
MAX_DECISIONS = 5
MIN_DECISIONS = 3
#: touchpoints that get a decision of their own (the rest are in the plan)
FIX_DECISIONS = 2
#: names quoted in one sentence
NAMES_IN_SENTENCE = 3
#: without two dated rounds the next round is assumed this many months after the last
ROUND_INTERVAL_MONTHS = 6


def _missing(value: Any) -> bool:
    return value is None or value is pd.NaT or (isinstance(value, float) and math.isnan(value))


def score(value: Any, lang: str) -> str:
    """A 1-5 score: whole numbers without decimals, averages with one."""
    if _missing(value):
        return "–"
    v = float(value)
    return Formatter(lang).num(v, 0 if v == round(v) else 1)


def join_names(names: list[str], lang: str, total: int | None = None) -> str:
    """``A, B und C``; beyond the names given: ``A, B und 4 weitere`` (names escaped)."""
    names = [esc(n) for n in names]
    rest = (total or len(names)) - len(names)
    if rest > 0:
        return ", ".join(names) + " " + t("touchpoints.more", lang, n=rest)
    if len(names) <= 1:
        return "".join(names)
    return ", ".join(names[:-1]) + f" {t('touchpoints.and', lang)} " + names[-1]


def _quoted(names: pd.Series, lang: str) -> str:
    names = list(names.astype(str))
    return join_names(names[:NAMES_IN_SENTENCE], lang, len(names))


def _labelled(result: TouchpointResult) -> pd.DataFrame:
    tp = result.touchpoints
    return tp.assign(label=touchpoint_labels(tp))


def previous_round(result: TouchpointResult) -> pd.Timestamp | None:
    """The dated round before the latest one (None with fewer than two)."""
    dated = [r for r in result.rounds if pd.notna(r)]
    return dated[-2] if len(dated) >= 2 else None


def round_text(result: TouchpointResult, lang: str) -> str:
    """``Runde vom 22.04.2026`` for the latest round, or ``Runde ohne Datum``."""
    if result.latest_round is None:
        return t("touchpoints.kpi.undated", lang)
    return t("touchpoints.kpi.round", lang, date=Formatter(lang).date(result.latest_round))


def next_round(result: TouchpointResult) -> pd.Timestamp | None:
    """The next rating round: latest + the interval between the last two rounds
    (six months with a single dated round); None without any dated round."""
    latest = result.latest_round
    if latest is None:
        return None
    previous = previous_round(result)
    if previous is not None:
        return latest + (latest - previous)
    return latest + pd.DateOffset(months=ROUND_INTERVAL_MONTHS)


# ------------------------------------------------------------------------ decisions


@dataclass
class Decision:
    """One prioritised decision of the management summary."""

    kind: str
    text: str
    #: revenue (last 12 months) of the customers reached; NaN when not derivable
    revenue: float
    #: segment named when the revenue is unknown
    segment: str
    owner: str
    timing: str

    def html(self, n: int, lang: str) -> str:
        f = Formatter(lang)
        impact = (
            t("touchpoints.dec.impact", lang, revenue=f.money(self.revenue))
            if not _missing(self.revenue)
            else t("touchpoints.dec.impact_unknown", lang, segment=esc(self.segment))
        )
        owner = t("touchpoints.dec.owner", lang, owner=self.owner)
        head = t("touchpoints.dec.title", lang, n=n)
        return f"<strong>{head}:</strong> {self.text} – {impact}; {owner}; {self.timing}."


def _owners(rows: pd.DataFrame, lang: str) -> str:
    owners = [o for o in dict.fromkeys(rows["owner"].dropna().astype(str)) if o]
    return join_names(owners, lang) if owners else t("touchpoints.to_be_set", lang)


def _max_revenue(result: TouchpointResult, rows: pd.DataFrame) -> tuple[float, str]:
    """Largest revenue reached by ``rows`` (the same customers are not added up twice)."""
    values = [(result.revenue_reached(s), str(s)) for s in rows["segment"]]
    known = [v for v in values if not _missing(v[0])]
    if known:
        return max(known)
    return float("nan"), (values[0][1] if values else "")


def _timing_next(result: TouchpointResult, lang: str) -> str:
    nxt = next_round(result)
    if nxt is None:
        return t("touchpoints.dec.workshop", lang)
    return t("touchpoints.dec.next", lang, date=Formatter(lang).date(nxt))


def decisions(result: TouchpointResult, lang: str) -> list[Decision]:
    """Three to five decisions, most important first.

    Order: the top :data:`FIX_DECISIONS` touchpoints of the measure plan that
    are "fix first"; each phase with a coverage gap; the worse touchpoints
    (importance at or above the split); missing plan details; possible
    overkill; the next rating round fills a free slot up to three.
    """
    f = Formatter(lang)
    out: list[Decision] = []
    tp = _labelled(result)
    plan = result.measure_plan.assign(label=touchpoint_labels(result.measure_plan))
    fix = plan[plan["quadrant"] == "fix_first"].head(FIX_DECISIONS)
    for row in fix.itertuples(index=False):
        measure = (
            t("touchpoints.dec.measure", lang, measure=esc(row.measure))
            if not _missing(row.measure)
            else ""
        )
        revenue, segment = _max_revenue(result, pd.DataFrame({"segment": [row.segment]}))
        timing = (
            t("touchpoints.dec.due", lang, date=f.date(row.due))
            if not _missing(row.due)
            else _timing_next(result, lang)
        )
        owner = esc(row.owner) if not _missing(row.owner) else t("touchpoints.to_be_set", lang)
        text = t("touchpoints.dec.fix", lang, name=esc(row.label), ist=score(row.ist, lang),
                 soll=score(row.soll, lang), measure=measure)  # fmt: skip
        out.append(Decision("fix", text, revenue, segment, owner, timing))
    decided = set(zip(fix["touchpoint"], fix["segment"], strict=True))
    empty = result.coverage_gaps[result.coverage_gaps["coverage_gap"] == "no_touchpoints"]
    if len(empty):  # one decision for every phase without a touchpoint
        phases = join_names([phase_label(p, lang) for p in empty["phase"]], lang)
        key = "touchpoints.dec.no_touchpoints" + ("_many" if len(empty) > 1 else "")
        out.append(
            Decision("no_touchpoints", t(key, lang, phase=phases),
                     result.revenue.get("all", float("nan")), "",
                     t("touchpoints.role.sales_lead", lang), _timing_next(result, lang))
        )  # fmt: skip
    for row in result.coverage_gaps.itertuples(index=False):
        kind = row.coverage_gap
        if kind == "no_touchpoints":
            continue
        in_phase = tp[tp["phase"] == row.phase]
        if (
            kind == "all_fix_first"
            and set(zip(in_phase["touchpoint"], in_phase["segment"], strict=True)) <= decided
        ):
            continue  # the phase's touchpoints already have a decision of their own
        text = t(f"touchpoints.dec.{kind}", lang, phase=esc(phase_label(row.phase, lang)))
        owner = t("touchpoints.role.sales_lead", lang)
        if kind == "all_fix_first":
            owner = _owners(tp[tp["phase"] == row.phase], lang)
        out.append(
            Decision(kind, text, result.revenue.get("all", float("nan")), "", owner,
                     _timing_next(result, lang))
        )  # fmt: skip
    worse = tp[(tp["direction"] == "worse") & (tp["importance"] >= result.settings.split)]
    if len(worse):
        worse = worse.sort_values(["change", "label"], kind="mergesort")
        revenue, segment = _max_revenue(result, worse)
        text = t("touchpoints.dec.worse", lang, names=_quoted(worse["label"], lang))
        out.append(Decision("worse", text, revenue, segment, _owners(worse, lang),
                            _timing_next(result, lang)))  # fmt: skip
    open_rows = plan[plan["to_be_set"] != ""]
    if len(open_rows):
        revenue, segment = _max_revenue(result, open_rows)
        text = t("touchpoints.dec.to_be_set", lang, open=len(open_rows), n=len(plan))
        out.append(Decision("to_be_set", text, revenue, segment,
                            t("touchpoints.role.kam_lead", lang),
                            t("touchpoints.dec.workshop", lang)))  # fmt: skip
    over = tp[(tp["quadrant"] == "possible_overkill") & (tp["gap"] < 0)]
    if len(over):
        revenue, segment = _max_revenue(result, over)
        text = t("touchpoints.dec.overkill", lang, names=_quoted(over["label"], lang))
        out.append(Decision("overkill", text, revenue, segment, _owners(over, lang),
                            _timing_next(result, lang)))  # fmt: skip
    if len(out) < MIN_DECISIONS:
        out.append(Decision("next_round", t("touchpoints.dec.next_round", lang),
                            result.revenue.get("all", float("nan")), "",
                            t("touchpoints.role.kam_lead", lang), _timing_next(result, lang)))  # fmt: skip
    return out[:MAX_DECISIONS]


# ------------------------------------------------------------------------ summary


def findings(result: TouchpointResult, lang: str) -> list[str]:
    """The findings before the decisions: status, top priority, coverage, deviation."""
    f = Formatter(lang)
    tp = _labelled(result)
    out = []
    fix = int((tp["quadrant"] == "fix_first").sum())
    key = "touchpoints.sum.status_one" if fix == 1 else "touchpoints.sum.status"
    out.append(t(key, lang, n=f.int(len(tp)), round=round_text(result, lang), fix=f.int(fix)))
    if len(tp) and float(tp["priority"].iloc[0]) > 0:
        top = tp.iloc[0]
        out.append(
            t("touchpoints.sum.top", lang, name=f"<strong>{esc(top['label'])}</strong>",
              imp=score(top["importance"], lang), ist=score(top["ist"], lang),
              soll=score(top["soll"], lang), prio=score(top["priority"], lang))
        )  # fmt: skip
    if gaps := coverage_items(result, lang):
        out.append(t("touchpoints.sum.coverage", lang, items=gaps))
    prev = previous_round(result)
    d = result.deviation
    if prev is not None and d["compared"]:
        out.append(
            t("touchpoints.sum.deviation", lang, previous=f.date(prev), improved=d["improved"],
              compared=d["compared"], worse=d["worse"], same=d["unchanged"],
              reached=d["targets_reached"], n=d["touchpoints"])
        )  # fmt: skip
    else:
        out.append(t("touchpoints.sum.one_round", lang))
    return out


def executive_summary(result: TouchpointResult, lang: str) -> list[str]:
    """Findings, then the prioritised decisions (3-5), as HTML list items."""
    return findings(result, lang) + [
        d.html(i, lang) for i, d in enumerate(decisions(result, lang), start=1)
    ]


def kpi_tiles(result: TouchpointResult, lang: str) -> list[tuple[str, str, str]]:
    """Four KPI tiles ``(label, value, note)``."""
    f = Formatter(lang)
    tp = result.touchpoints
    d = result.deviation
    prev = previous_round(result)
    tiles = [
        (t("touchpoints.kpi.touchpoints", lang), f.int(len(tp)), round_text(result, lang)),
        (t("touchpoints.kpi.fix_first", lang), f.int((tp["quadrant"] == "fix_first").sum()),
         t("touchpoints.kpi.of", lang, n=f.int(len(tp)))),
        (t("touchpoints.kpi.mean_gap", lang), f.num(tp["gap"].mean(), 1),
         t("touchpoints.kpi.scale", lang)),
        (t("touchpoints.kpi.targets", lang), f.int(d["targets_reached"]),
         t("touchpoints.kpi.of", lang, n=f.int(len(tp)))),
    ]  # fmt: skip
    if prev is not None and d["compared"]:
        tiles.append(
            (t("touchpoints.kpi.change", lang), f"{f.int(d['improved'])} / {f.int(d['worse'])}",
             t("touchpoints.kpi.since", lang, date=f.date(prev)))
        )  # fmt: skip
    return tiles


# ------------------------------------------------------------------------ inventory


def coverage_items(result: TouchpointResult, lang: str) -> str:
    """``Bindung (kein Kontaktpunkt); Lieferung (alle …)`` (empty without gaps)."""
    return "; ".join(
        f"{esc(phase_label(r.phase, lang))} ({t(f'touchpoints.coverage.{r.coverage_gap}', lang)})"
        for r in result.coverage_gaps.itertuples(index=False)
    )


def cell(text: str, nowrap: bool = False) -> str:
    """Table cell markup (``text`` already escaped) that the PDF never hyphenates;
    ``nowrap`` keeps short values (dates, phase names) on one line."""
    style = "white-space:nowrap" if nowrap else "hyphens:manual"
    return f'<span style="{style}">{text}</span>'


def inventory_heading(result: TouchpointResult, lang: str) -> str:
    cov = result.coverage
    known = cov[cov["phase"].isin(PHASES)]
    n = len(result.touchpoints)
    gaps = result.coverage_gaps
    empty = gaps[gaps["coverage_gap"] == "no_touchpoints"]
    if len(empty):
        names = join_names([phase_label(p, lang) for p in empty["phase"]], lang)
        key = "touchpoints.h.inventory_gaps" if len(empty) > 1 else "touchpoints.h.inventory_gap"
        return t(key, lang, n=n, gaps=names)
    covered = int((known["touchpoints"] > 0).sum())
    return t("touchpoints.h.inventory", lang, n=n, covered=covered, phases=len(PHASES))


def inventory_text(result: TouchpointResult, lang: str) -> str:
    cov = result.coverage
    densest = cov.sort_values("touchpoints", ascending=False, kind="mergesort").iloc[0]
    text = t("touchpoints.text.inventory", lang, phase=esc(phase_label(densest["phase"], lang)),
             n=int(densest["touchpoints"]))  # fmt: skip
    return text


def coverage_text(result: TouchpointResult, lang: str) -> tuple[str, str]:
    """(text, callout kind) about coverage gaps."""
    items = coverage_items(result, lang)
    if items:
        return t("touchpoints.text.coverage_gap", lang, items=items), "warning"
    return t("touchpoints.text.coverage_ok", lang), "success"


def inventory_table(result: TouchpointResult, lang: str) -> TableSpec:
    """Phase x channel: count, owners and the touchpoints' names."""
    inv = result.inventory
    df = pd.DataFrame(
        {
            "phase": [cell(esc(phase_label(p, lang)), nowrap=True) for p in inv["phase"]],
            "channel": [cell(esc(channel_label(c, lang)), nowrap=True) for c in inv["channel"]],
            "touchpoints": inv["touchpoints"],
            "owners": [cell(esc(o.replace(";", ", "))) for o in inv["owners"]],
            "names": [cell(esc(n.replace(";", ", "))) for n in inv["names"]],
        }
    )
    columns = {
        "phase": (t("touchpoints.col.phase", lang), "html"),
        "channel": (t("touchpoints.col.channel", lang), "html"),
        "touchpoints": (t("touchpoints.col.count", lang), "int"),
        "owners": (t("touchpoints.col.owners", lang), "html"),
        "names": (t("touchpoints.col.names", lang), "html"),
    }
    return TableSpec(df, columns, empty_text=t("touchpoints.h.plan_none", lang))


# ------------------------------------------------------------------------ matrix, heat map


def matrix_heading(result: TouchpointResult, lang: str) -> str:
    tp = _labelled(result)
    fix = tp[tp["quadrant"] == "fix_first"]
    if fix.empty:
        return t("touchpoints.h.matrix_none", lang, split=score(result.settings.split, lang))
    return t("touchpoints.h.matrix", lang, n=len(fix), top=esc(fix["label"].iloc[0]))


def matrix_text(result: TouchpointResult, lang: str) -> str:
    counts = result.quadrants.set_index("quadrant")["touchpoints"]
    parts = [f"{t(f'touchpoints.quadrant.{q}', lang)} {int(counts.get(q, 0))}" for q in QUADRANTS]
    return t("touchpoints.text.matrix", lang, split=score(result.settings.split, lang),
             counts=", ".join(parts))  # fmt: skip


def heatmap_heading(result: TouchpointResult, lang: str) -> str:
    hm = result.heatmap
    if hm.empty or float(hm["mean_gap"].max()) <= 0:
        return t("touchpoints.h.heatmap_none", lang)
    top = hm.sort_values("mean_gap", ascending=False, kind="mergesort").iloc[0]
    return t("touchpoints.h.heatmap", lang, phase=esc(phase_label(top["phase"], lang)),
             channel=esc(channel_label(top["channel"], lang)),
             gap=Formatter(lang).num(top["mean_gap"], 1))  # fmt: skip


def heatmap_text(result: TouchpointResult, lang: str) -> str:
    hm = result.heatmap
    channels = max(hm["channel"].nunique(), 1)
    phases = len(result.coverage)
    return t("touchpoints.text.heatmap", lang, cells=len(hm), total=phases * channels)


# ------------------------------------------------------------------------ measure plan


def plan_heading(result: TouchpointResult, lang: str) -> str:
    plan = result.measure_plan
    if plan.empty:
        return t("touchpoints.h.plan_none", lang)
    open_rows = int((plan["to_be_set"] != "").sum())
    if open_rows == 0:
        return t("touchpoints.h.plan_complete", lang, n=len(plan))
    return t("touchpoints.h.plan", lang, n=len(plan), open=open_rows)


def plan_text(result: TouchpointResult, lang: str) -> str:
    text = t("touchpoints.text.plan", lang, n=len(result.measure_plan))
    positive = int((result.touchpoints["priority"] > 0).sum())
    if positive > len(result.measure_plan):
        text += " " + t("touchpoints.text.plan_more", lang, n=positive - len(result.measure_plan))
    return text


def _or_to_be_set(value: Any, lang: str, as_date: bool = False) -> str:
    if _missing(value) or value == "":
        return cell(f'<em class="kam-muted">{t("touchpoints.to_be_set", lang)}</em>', nowrap=True)
    return cell(Formatter(lang).date(value), nowrap=True) if as_date else cell(esc(value))


def plan_table(result: TouchpointResult, lang: str) -> TableSpec:
    """The measure plan: rank, touchpoint, priority, owner, measure, due, KPI."""
    plan = result.measure_plan.reset_index(drop=True)
    df = pd.DataFrame(
        {
            "rank": range(1, len(plan) + 1),
            "touchpoint": [cell(esc(n)) for n in touchpoint_labels(plan)],
            "ist": [score(v, lang) for v in plan["ist"]],
            "soll": [score(v, lang) for v in plan["soll"]],
            "priority": [score(v, lang) for v in plan["priority"]],
            "owner": [_or_to_be_set(v, lang) for v in plan["owner"]],
            "measure": [_or_to_be_set(v, lang) for v in plan["measure"]],
            "due": [_or_to_be_set(v, lang, as_date=True) for v in plan["due"]],
            "kpi": [_or_to_be_set(v, lang) for v in plan["kpi"]],
        }
    )
    columns = {
        "rank": (t("touchpoints.col.rank", lang), "int"),
        "touchpoint": (t("touchpoints.col.touchpoint", lang), "html"),
        "ist": (t("touchpoints.col.ist", lang), lambda v: v),
        "soll": (t("touchpoints.col.soll", lang), lambda v: v),
        "priority": (t("touchpoints.col.priority", lang), lambda v: v),
        "owner": (t("touchpoints.col.owner", lang), "html"),
        "measure": (t("touchpoints.col.measure", lang), "html"),
        "due": (t("touchpoints.col.due", lang), "html"),
        "kpi": (t("touchpoints.col.kpi", lang), "html"),
    }
    return TableSpec(df, columns, empty_text=t("touchpoints.h.plan_none", lang))


# ------------------------------------------------------------------------ deviation


def has_deviation(result: TouchpointResult) -> bool:
    """True when at least one touchpoint has an earlier rating to compare with."""
    return result.deviation["compared"] > 0


def deviation_heading(result: TouchpointResult, lang: str) -> str:
    prev = previous_round(result)
    if not has_deviation(result) or prev is None:
        return t("touchpoints.h.deviation_none", lang)
    d = result.deviation
    return t("touchpoints.h.deviation", lang, previous=Formatter(lang).date(prev),
             improved=d["improved"], worse=d["worse"], reached=d["targets_reached"],
             n=d["touchpoints"])  # fmt: skip


def _change_item(row: pd.Series, lang: str) -> str:
    """``Name (2 → 4, +2)``."""
    sign = "+" if row["change"] > 0 else ""
    before, now = score(row["previous_ist"], lang), score(row["ist"], lang)
    return f"{esc(row['label'])} ({before} → {now}, {sign}{score(row['change'], lang)})"


def deviation_text(result: TouchpointResult, lang: str) -> str:
    """Counts of the comparison, the largest rise and the largest drop."""
    if not has_deviation(result):
        return t("touchpoints.text.one_round", lang, round=round_text(result, lang))
    d = result.deviation
    tp = _labelled(result)
    compared = tp[tp["change"].notna()].sort_values(
        ["change", "label"], ascending=[False, True], kind="mergesort"
    )
    best = compared.iloc[0]
    best_text = _change_item(best, lang) if best["change"] > 0 else "–"
    text = t("touchpoints.text.deviation", lang, compared=d["compared"], improved=d["improved"],
             worse=d["worse"], best=best_text)  # fmt: skip
    worst = compared.iloc[-1]
    if worst["change"] < 0:
        text += " " + t("touchpoints.text.deviation_worst", lang, worst=_change_item(worst, lang))
    if d["not_compared"]:
        text += " " + t("touchpoints.text.not_compared", lang, n=d["not_compared"])
    return text


# ------------------------------------------------------------------------ appendix


def data_quality_lines(result: TouchpointResult, lang: str) -> list[str]:
    """Findings about the touchpoint file for the appendix."""
    f = Formatter(lang)
    dated = [f.date(r) for r in result.rounds if pd.notna(r)]
    lines = [
        t("touchpoints.dq.rows", lang, n=len(result.touchpoints), rounds=len(result.rounds),
          dates=", ".join(dated) or "–")
    ]  # fmt: skip
    if any(pd.isna(r) for r in result.rounds):
        lines.append(t("touchpoints.dq.undated", lang))
    if result.unknown_phases:
        names = ", ".join(esc(n) for n in result.unknown_phases)
        lines.append(t("touchpoints.dq.unknown_phases", lang, names=names))
    if result.unknown_channels:
        names = ", ".join(esc(n) for n in result.unknown_channels)
        lines.append(t("touchpoints.dq.unknown_channels", lang, names=names))
    if result.merged_rows:
        lines.append(t("touchpoints.dq.merged", lang, n=result.merged_rows))
    if not result.plan_columns:
        lines.append(t("touchpoints.dq.no_plan_columns", lang))
    return lines


def method_paragraphs(result: TouchpointResult, lang: str) -> list[str]:
    split = score(result.settings.split, lang)
    return [
        t("touchpoints.method.rating", lang),
        t("touchpoints.method.priority", lang),
        t("touchpoints.method.quadrants", lang, split=split),
        t("touchpoints.method.coverage", lang),
        t("touchpoints.method.deviation", lang),
        t("touchpoints.method.revenue", lang),
        t("touchpoints.method.settings", lang, split=split, top_n=result.settings.top_n),
    ]
