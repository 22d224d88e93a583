"""Demo account plans: one per flagged key account but one, written from the demo data.

Each plan follows a *story* of the client's prose (``account_plans`` in
``kamlib/demo/prose/<lang>.yaml``): stories are assigned in order of size to the
flagged key accounts, leaving out the weak (shrinking) key account, which keeps
no plan file so the deliverable shows its data-only plan. Figures come from the
generated data, so they are plausible: opportunity values split the wallet gap
(potential - revenue of the last 12 months), budgets are last year's revenue
per product group the account buys times the story's growth, goal targets are
derived from revenue, the gap or a share, and reviews compare a planned
quarterly revenue (same quarter a year earlier x growth) with the actual one.

No random numbers are drawn: the other demo files stay byte for byte the same.
Stories mix good SMART goals with weak ones (vague text, no target, due too far
out, not linked) and optional keys a story leaves out stay out of the file.
"""

from __future__ import annotations

from typing import Any

import pandas as pd

from kamlib.demo.specs import DemoSpec
from kamlib.demo.texts import demo_prose


def _fmt_millions(value: float, language: str) -> str:
    text = f"{value / 1e6:.1f}"
    return text.replace(".", ",") if language == "de" else text


def _review_note(prose: dict[str, str], actual: float, planned: float) -> str:
    dev = actual / planned - 1 if planned else 0.0
    if dev >= 0.03:
        return prose["ahead"]
    if dev <= -0.03:
        return prose["behind"]
    return prose["on_plan"]


def _format(value: Any, fill: dict[str, str]) -> Any:
    if isinstance(value, str):
        return value.format(**fill)
    if isinstance(value, list):
        return [_format(v, fill) for v in value]
    return value


def _window(sales: pd.DataFrame, as_of: pd.Timestamp, months: int, back: int = 0) -> pd.DataFrame:
    end = as_of.to_period("M") - back
    start = (end - (months - 1)).start_time
    dates = sales["date"]
    return sales[(dates >= start) & (dates <= end.end_time)]


def _goal(
    g: dict, fill: dict, revenue: float, gap: float, groups: pd.Series, as_of: pd.Timestamp
) -> dict:
    goal: dict[str, Any] = {"text": g["text"].format(**fill)}
    if "metric" in g:
        goal["metric"] = g["metric"].format(**fill)
    kind = g.get("kind")
    if kind == "revenue_factor":
        goal["target"] = round(revenue * g["value"], -3)
    elif kind == "group_factor":
        goal["target"] = round(float(groups.get(g["group"].format(**fill), 0.0)) * g["value"], -3)
    elif kind == "gap_share":
        goal["target"] = round(gap * g["value"], -3)
    elif kind is not None:  # a share 0-1 or a count, as written
        goal["target"] = g["value"]
    if "due_months" in g:
        goal["due"] = (as_of + pd.offsets.MonthEnd(g["due_months"])).date()
    if "reason" in g:
        goal["reason"] = g["reason"].format(**fill)
    if "links" in g:
        goal["links"] = _format(g["links"], fill)
    return goal


def make_account_plans(
    spec: DemoSpec,
    customers: pd.DataFrame,
    sales: pd.DataFrame,
    contacts: pd.DataFrame,
    weak_id: str,
) -> dict[str, dict]:
    """``customer_id`` -> plan dict for the flagged key accounts except ``weak_id``.

    ``customers`` in order of size (largest first); ``sales`` the invoice lines.
    """
    prose = demo_prose(spec.language)
    stories = prose["account_plans"]
    as_of = pd.Timestamp(spec.as_of)
    flagged = customers[customers["is_key_account"].astype(bool)]
    ids = [c for c in flagged["customer_id"] if c != weak_id][: len(stories)]
    current = _window(sales, as_of, 12)
    before = _window(sales, as_of, 12, back=12)
    peers_buy = current[current["net_revenue"] > 0]
    group_names = [g.name for g in spec.product_groups]
    cust = customers.set_index("customer_id")
    end_q = as_of.to_period("Q")
    plans: dict[str, dict] = {}
    for story, cid in zip(stories, ids, strict=False):
        c = cust.loc[cid]
        mine = current[current["customer_id"] == cid]
        by_group = mine.groupby("product_group")["net_revenue"].sum().sort_values(ascending=False)
        bought = by_group[by_group > 0.01 * by_group.sum()]
        revenue = float(mine["net_revenue"].sum())
        prior = float(before.loc[before["customer_id"] == cid, "net_revenue"].sum())
        gap = max(float(c["potential"]) - revenue, revenue * 0.3)
        # not bought: the group most often bought by peers of the same industry
        peers = cust.index[(cust["industry"] == c["industry"]) & (cust.index != cid)]
        peer_counts = (
            peers_buy[peers_buy["customer_id"].isin(peers)]
            .groupby("product_group")["customer_id"]
            .nunique()
        )
        not_bought = [g for g in group_names if g not in bought.index]
        missing = (
            max(not_bought, key=lambda g: peer_counts.get(g, 0)) if not_bought else bought.index[-1]
        )
        people = contacts[contacts["customer_id"] == cid]

        def person(role: str, people: pd.DataFrame = people) -> str:
            names = people.loc[people["role"] == role, "contact_name"]
            return str(names.iloc[0]) if len(names) else "–"

        fill = {
            "name": str(c["name"]),
            "industry": str(c["industry"]),
            "region": str(c["region"]),
            "since": str(pd.Timestamp(c["customer_since"]).year),
            "revenue": _fmt_millions(revenue, spec.language),
            "prior": _fmt_millions(prior, spec.language),
            "top_group": str(bought.index[0]),
            "second_group": str(bought.index[1]),
            "small_group": str(bought.index[-1]),
            "missing": str(missing),
            "decider": person("decider"),
            "buyer": person("buyer"),
            "user": person("user"),
            "kam": spec.key_account_manager,
        }
        owners = {"kam": spec.key_account_manager, "head": story["head_of_sales"]}
        opportunities = [
            {
                "name": o["name"].format(**fill),
                "value": round(gap * o["share"], -3),
                "probability": o["probability"],
                "fit": o["fit"],
                "effort": o["effort"],
            }
            for o in story["opportunities"]
        ]
        growth = story["growth"]
        budget = {str(g): round(float(v) * (1 + growth), -3) for g, v in bought.items()}
        lines = sales[sales["customer_id"] == cid]
        quarters = lines.groupby(lines["date"].dt.to_period("Q"))["net_revenue"].sum()
        reviews = []
        for k, qq in enumerate([end_q - 3, end_q - 2, end_q - 1, end_q]):
            planned = round(float(quarters.get(qq - 4, 0.0)) * (1 + growth), -3)
            review: dict[str, Any] = {
                "date": (qq.end_time + pd.Timedelta(days=15 + 2 * k)).normalize().date(),
                "planned": planned,
            }
            if qq <= end_q - 1:  # held: the quarter is closed
                actual = round(float(quarters.get(qq, 0.0)), 2)
                review["actual"] = actual
                review["note"] = _review_note(prose["review_notes"], actual, planned)
            reviews.append(review)
        actions = [
            {
                "what": a["what"].format(**fill),
                "responsible": owners.get(a["r"], a["r"].format(**fill)),
                "accountable": owners.get(a["a"], a["a"].format(**fill)),
                "consulted": owners.get(a["c"], a["c"].format(**fill)),
                "informed": owners.get(a["i"], a["i"].format(**fill)),
                "due": (as_of + pd.DateOffset(days=a["days"])).date(),
                "status": a["status"],
            }
            for a in story["actions"]
        ]
        start = as_of.to_period("M") - 2
        plans[cid] = {
            "customer_id": cid,
            "name": fill["name"],
            "period": f"{start} – {start + 11}",
            "background": story["background"].format(**fill),
            "decision_system": story["decision_system"].format(**fill),
            "swot": {k: _format(v, fill) for k, v in story["swot"].items()},
            "competitors": [
                {**comp, "name": comp["name"], "note": comp["note"].format(**fill)}
                for comp in story["competitors"]
            ],
            "opportunities": opportunities,
            "goals": [_goal(g, fill, revenue, gap, by_group, as_of) for g in story["goals"]],
            "budget": budget,
            "actions": actions,
            "reviews": reviews,
        }
    return plans
