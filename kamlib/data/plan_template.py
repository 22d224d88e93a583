"""``kam plan CLIENT CUSTOMER_ID``: a commented account plan pre-filled from the data.

The file is written only when no plan for that customer exists yet: neither a
file of the same name nor any plan file whose ``customer_id`` is that customer.
It is never overwritten. Any customer of the customer master may get a plan
(the ``account_plan`` module renders those of flagged key accounts; for any
other customer the command prints a note).

What is pre-filled, from the client's data up to its reference date
(``as_of``, the portfolio window of ``window_months`` calendar months):

- as comments: revenue of the window and of the window before, contribution
  margin %, the top product groups, the product groups the account does not
  buy with the share of peers of its industry that do (:func:`peer_buying_shares`),
  and the contacts of ``contacts.csv`` as a buying-center block (contacts not met for
  more than 6 months marked, roles without a contact named);
- as keys: ``customer_id``, ``name``, ``period`` (the 12 months after
  as_of's month), ``budget`` (window revenue per product group bought, as a
  starting point), one goal skeleton (text only), one action (planning
  workshop, responsible: the account manager, due one month after as_of) and
  four quarterly review dates.

Comments are in the client's language (``client.yaml`` ``language``). Every
client string is written by ruamel as an escaped YAML scalar; in comments,
line breaks and control characters are replaced by blanks, so no value can
leave its comment line. The file loads without errors through
:func:`kamlib.data.plans.load_account_plans` (the goal skeleton gives the
SMART warnings that remind what to fill in).
"""

from __future__ import annotations

import datetime as dt
import io
import re
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd
from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.scalarstring import DoubleQuotedScalarString

from kamlib.atomic import atomic_create_text
from kamlib.data.plans import PLAN_DIR, plan_files, read_plan_file
from kamlib.data.tables import outside_client
from kamlib.i18n import Formatter, t
from kamlib.naming import safe_id

#: top product groups named in the comment block and in the budget
TOP_GROUPS = 5
#: not-bought product groups named (highest peer share first)
TOP_WHITESPACE = 3
_CONTROL = re.compile(r"[\x00-\x1f\x7f\u0085\u2028\u2029]+")


def peer_buying_shares(
    sales: pd.DataFrame, customers: pd.DataFrame, customer_id: str
) -> pd.DataFrame:
    """Per product group: does the account buy it, and which share of its industry peers do.

    The same rule as the account-plan deliverable's whitespace grid
    (:func:`kamlib.analysis.account_plan.whitespace`) on the lines in ``sales``:
    a group is bought when its net revenue is positive; peers are the other
    customers of the account's industry with positive net revenue. Returns
    columns ``product_group``, ``bought`` (bool), ``peer_share`` (0-1; NaN when
    the account has no peers), sorted by peer share (highest first), then group.
    """
    from kamlib.analysis.account_plan import whitespace  # analysis imports the data layer

    lines = sales.dropna(subset=["product_group"])
    revenue = lines["net_revenue"].astype(float)
    keys = [lines["customer_id"].astype(str), lines["product_group"].astype(str)]
    group_revenue = revenue.groupby(keys).sum().unstack(fill_value=0.0)
    if "industry" in customers:
        industry = customers["industry"].astype("string").fillna("")
    else:
        industry = pd.Series("", index=customers.index, dtype="string")
    industry.index = customers["customer_id"].astype(str)
    industry = industry[~industry.index.duplicated()]
    table, _peers = whitespace(group_revenue, industry, str(customer_id))
    out = table[["product_group", "bought", "peer_share"]]
    return out.sort_values(
        ["peer_share", "product_group"], ascending=[False, True], na_position="last"
    ).reset_index(drop=True)


@dataclass
class PlanFigures:
    """What ``kam plan`` writes into a new plan (all from the data)."""

    customer_id: str
    name: str
    industry: str | None
    is_key_account: bool
    account_manager: str | None
    as_of: pd.Timestamp
    revenue: float  # window (window_months up to as_of)
    revenue_prior: float  # the window before
    margin_pct: float | None  # contribution margin / revenue of lines with a margin
    top_groups: pd.Series  # product group -> window revenue, top first
    whitespace: pd.DataFrame  # not bought: product_group, peer_share (top first)
    contacts: pd.DataFrame = field(default_factory=pd.DataFrame)


def _flag(value: object) -> bool:
    return False if value is None or pd.isna(value) else bool(value)


def _window(as_of: pd.Timestamp, months: int) -> tuple[pd.Timestamp, pd.Timestamp]:
    end_period = pd.Timestamp(as_of).to_period("M")
    return (end_period - (months - 1)).start_time.normalize(), pd.Timestamp(as_of)


def plan_figures(client, customer_id: str) -> PlanFigures:
    """Dossier figures of ``customer_id`` from a loaded client (:class:`ClientData`)."""
    cust = client.customers.set_index("customer_id").loc[customer_id]
    months = client.config.portfolio.window_months
    as_of = client.as_of
    start, _ = _window(as_of, months)
    prior_start = (start.to_period("M") - months).start_time
    sales = client.sales
    dates = sales["date"]
    current = sales[(dates >= start) & (dates <= as_of + pd.Timedelta(hours=23, minutes=59))]
    prior = sales[(dates >= prior_start) & (dates < start)]
    mine = current[current["customer_id"] == customer_id]
    with_margin = mine[mine["contribution_margin"].notna()]
    margin_base = float(with_margin["net_revenue"].sum())
    margin_pct = (
        float(with_margin["contribution_margin"].sum()) / margin_base if margin_base > 0 else None
    )
    top = (
        mine.groupby("product_group")["net_revenue"].sum().sort_values(ascending=False)
        if "product_group" in mine
        else pd.Series(dtype=float)
    )
    top = top[top > 0].head(TOP_GROUPS)
    if "product_group" in current:
        shares = peer_buying_shares(current, client.customers, customer_id)
        white = shares.loc[~shares["bought"] & (shares["peer_share"] > 0)]
        white = white[["product_group", "peer_share"]].head(TOP_WHITESPACE)
    else:
        white = pd.DataFrame(columns=["product_group", "peer_share"])
    contacts = client.contacts
    if contacts is not None:
        contacts = contacts[contacts["customer_id"] == customer_id]
    else:
        contacts = pd.DataFrame()

    def _text(key: str) -> str | None:
        value = cust.get(key)
        return None if value is None or pd.isna(value) else str(value)

    return PlanFigures(
        customer_id=customer_id,
        name=str(cust["name"]),
        industry=_text("industry"),
        is_key_account=_flag(cust.get("is_key_account")),
        account_manager=_text("account_manager"),
        as_of=as_of,
        revenue=float(mine["net_revenue"].sum()),
        revenue_prior=float(prior.loc[prior["customer_id"] == customer_id, "net_revenue"].sum()),
        margin_pct=margin_pct,
        top_groups=top,
        whitespace=white.reset_index(drop=True),
        contacts=contacts.reset_index(drop=True),
    )


# ---------------------------------------------------------------------------
# the commented YAML
# ---------------------------------------------------------------------------


def comment_safe(value: object) -> str:
    """Client text for a comment line: line breaks and control characters become blanks."""
    return _CONTROL.sub(" ", str(value)).rstrip()


def _text(value: str) -> DoubleQuotedScalarString:
    """A client string as a double-quoted YAML scalar (escapes quotes, breaks, ``#``, ``: ``)."""
    return DoubleQuotedScalarString(str(value))


def _contact_line(row: pd.Series, f: Formatter) -> str:
    def cell(key: str) -> str:
        v = row.get(key)
        if v is None or pd.isna(v):
            return "–"
        if isinstance(v, pd.Timestamp):
            return v.date().isoformat()
        if isinstance(v, float) and v.is_integer():
            return str(int(v))
        return str(v)

    last = cell("last_contact")
    return ", ".join(
        [
            cell("contact_name"),
            cell("role"),
            cell("influence"),
            cell("attitude"),
            t("plans.tpl_never", f) if last == "–" else last,
        ]
    )


#: buying-center roles (contacts.csv ``role``)
ROLES = ("decider", "buyer", "user", "influencer", "gatekeeper")
#: a contact not met for more than this many months is marked
NOT_MET_MONTHS = 6


def _not_met(contacts: pd.DataFrame, as_of: pd.Timestamp) -> list[bool]:
    """Per contact: no ``last_contact``, or more than :data:`NOT_MET_MONTHS` before as_of."""
    if "last_contact" not in contacts:
        return [True] * len(contacts)
    last = pd.to_datetime(contacts["last_contact"], errors="coerce")
    return (last.isna() | (last < as_of - pd.DateOffset(months=NOT_MET_MONTHS))).tolist()


def _head_comment(fig: PlanFigures, f: Formatter, today: dt.date) -> str:
    lines = [
        t("plans.tpl_head", f, name=fig.name, customer_id=fig.customer_id, today=today),
        "",
        *t("plans.tpl_rules", f).splitlines(),
        "",
        t("plans.tpl_figures", f, as_of=fig.as_of.date().isoformat()),
    ]
    change = "–"
    if fig.revenue_prior > 0:
        growth = fig.revenue / fig.revenue_prior - 1
        change = ("+" if growth > 0 else "") + f.pct(growth)
    lines.append(
        "  "
        + t(
            "plans.tpl_revenue",
            f,
            rev12=f.money(fig.revenue),
            rev_prior=f.money(fig.revenue_prior),
            change=change,
        )
    )
    if fig.margin_pct is None:
        lines.append("  " + t("plans.tpl_margin_none", f))
    else:
        lines.append("  " + t("plans.tpl_margin", f, margin=f.pct(fig.margin_pct)))
    groups = "; ".join(f"{g} {f.money(v)}" for g, v in fig.top_groups.items()) or "–"
    lines.append("  " + t("plans.tpl_top_groups", f, groups=groups))
    if fig.whitespace.empty:
        lines.append("  " + t("plans.tpl_whitespace_none", f))
    else:
        white = "; ".join(
            f"{r.product_group} {f.pct(r.peer_share)}" for r in fig.whitespace.itertuples()
        )
        lines.append("  " + t("plans.tpl_whitespace", f, industry=fig.industry, groups=white))
    lines.append("")
    if fig.contacts.empty:
        lines.append(t("plans.tpl_contacts_none", f))
    else:
        lines.append(t("plans.tpl_contacts", f))
        stale = _not_met(fig.contacts, fig.as_of)
        lines.extend(
            "  - " + _contact_line(r, f) + (t("plans.tpl_not_met", f) if old else "")
            for (_, r), old in zip(fig.contacts.iterrows(), stale, strict=True)
        )
    roles = [r for r in ROLES if fig.contacts.empty or r not in set(fig.contacts["role"])]
    if roles and not fig.contacts.empty:
        lines.append(t("plans.tpl_roles_missing", f, roles=", ".join(roles)))
    return "\n".join(comment_safe(x) for x in lines) + "\n"


def _review_dates(as_of: pd.Timestamp) -> list[dt.date]:
    """Four reviews, one in the middle of each of the next four quarters."""
    q = as_of.to_period("Q")
    return [((q + k).start_time + pd.DateOffset(months=1, days=14)).date() for k in range(1, 5)]


def plan_template_text(fig: PlanFigures, lang: str, today: dt.date, currency: str = "EUR") -> str:
    """The commented YAML of a new plan for ``fig`` (comments in ``lang``)."""
    f = Formatter(lang, currency)
    start = fig.as_of.to_period("M") + 1
    plan = CommentedMap()
    plan["customer_id"] = _text(fig.customer_id)
    plan["name"] = _text(fig.name)
    plan["period"] = _text(f"{start} – {start + 11}")
    plan["background"] = None
    plan["decision_system"] = None
    swot = CommentedMap((k, CommentedSeq()) for k in ("strengths", "weaknesses"))
    swot["opportunities"] = CommentedSeq()
    swot["threats"] = CommentedSeq()
    plan["swot"] = swot
    plan["competitors"] = CommentedSeq()
    plan["opportunities"] = CommentedSeq()
    goal = CommentedMap()
    goal["text"] = _text(t("plans.tpl_goal_text", f))
    for key in ("metric", "target", "due", "reason"):
        goal[key] = None
    goal["links"] = CommentedSeq()
    for key in ("text", "metric", "target", "due", "reason", "links"):
        goal.yaml_add_eol_comment(t(f"plans.c_goal_{key}", f), key)
    plan["goals"] = CommentedSeq([goal])
    budget = CommentedMap()
    for group, value in fig.top_groups.items():
        budget[_text(group)] = int(round(float(value), -2))
    plan["budget"] = budget
    action = CommentedMap()
    action["what"] = _text(t("plans.tpl_action_what", f))
    action["responsible"] = _text(fig.account_manager) if fig.account_manager else None
    for key in ("accountable", "consulted", "informed"):
        action[key] = None
    action["due"] = (fig.as_of + pd.DateOffset(months=1)).date()
    action["status"] = "open"
    plan["actions"] = CommentedSeq([action])
    reviews = CommentedSeq()
    for day in _review_dates(fig.as_of):
        review = CommentedMap()
        review["date"] = day
        review["planned"] = None
        review["actual"] = None
        reviews.append(review)
    plan["reviews"] = reviews

    plan.yaml_set_start_comment(_head_comment(fig, f, today))
    for key in ("customer_id", "name", "period", "background", "decision_system", "swot"):
        plan.yaml_add_eol_comment(t(f"plans.c_{key}", f), key)
    for key in ("competitors", "budget", "actions", "reviews", "goals"):
        plan.yaml_add_eol_comment(t(f"plans.c_{key}", f), key)
    opp = t("plans.c_opportunities", f)
    if not fig.whitespace.empty:
        opp += ". " + t(
            "plans.c_opportunities_hint",
            f,
            groups=", ".join(comment_safe(g) for g in fig.whitespace["product_group"]),
        )
    plan.yaml_add_eol_comment(opp, "opportunities")

    yaml = YAML()
    yaml.indent(mapping=2, sequence=4, offset=2)
    yaml.width = 4096  # long names stay on one line
    yaml.allow_unicode = True
    buf = io.StringIO()
    yaml.dump(plan, buf)
    return buf.getvalue()


# ---------------------------------------------------------------------------
# writing
# ---------------------------------------------------------------------------


class PlanWriteError(Exception):
    """``kam plan`` cannot write: ``key`` (catalogue text) with ``params``; ``exit_code`` 1 or 2."""

    def __init__(self, key: str, exit_code: int, **params: object):
        super().__init__(key)
        self.key = key
        self.exit_code = exit_code
        self.params = params

    def text(self, lang: str) -> str:
        return t(self.key, lang, **{k: str(v) for k, v in self.params.items()})


def existing_plan(client_dir: Path, customer_id: str) -> Path | None:
    """A plan file of ``customer_id``: same file name, or any plan file naming that customer.

    Files that cannot be read as YAML are compared by name only.
    """
    folder = Path(client_dir) / PLAN_DIR
    for suffix in (".yaml", ".yml"):
        same = folder / f"{safe_id(customer_id)}{suffix}"
        if same.exists() or same.is_symlink():
            return same
    for path in plan_files(client_dir):
        if outside_client(path, client_dir):
            continue
        try:
            data = read_plan_file(path)[1]
        except Exception:  # noqa: BLE001 - a broken file is reported by kam validate
            continue
        if isinstance(data, dict) and str(data.get("customer_id")) == customer_id:
            return path
    return None


def write_plan(client, customer_id: str, *, today: dt.date | None = None) -> Path:
    """Write ``account_plans/<safe id>.yaml`` for ``customer_id`` of a loaded client.

    Raises :class:`PlanWriteError`: exit 2 for an unknown customer, exit 1 when a
    plan exists or the plan folder lies outside the client folder.
    """
    client_dir = Path(client.client_dir)
    if customer_id not in set(client.customers["customer_id"]):
        raise PlanWriteError("plans.cli_unknown", 2, customer_id=customer_id, client=client_dir)
    found = existing_plan(client_dir, customer_id)
    if found is not None:
        raise PlanWriteError("plans.cli_exists", 1, customer_id=customer_id, path=found)
    folder = client_dir / PLAN_DIR
    target = folder / f"{safe_id(customer_id)}.yaml"
    if outside_client(folder, client_dir) or outside_client(target, client_dir):
        raise PlanWriteError("data.h9_outside", 1)
    text = plan_template_text(
        plan_figures(client, customer_id),
        client.config.language,
        today or dt.date.today(),
        client.config.currency,
    )
    folder.mkdir(exist_ok=True)
    try:
        atomic_create_text(target, text)
    except FileExistsError:  # created by someone else a moment ago
        raise PlanWriteError("plans.cli_exists", 1, customer_id=customer_id, path=target) from None
    return target


def run_plan(client_dir: Path | str, customer_id: str, today: dt.date | None = None) -> int:
    """``kam plan``: write the plan, print one line; return the exit code.

    0 written, 1 a plan exists / client data has errors / folder outside, 2 unknown customer.
    """
    import sys

    from kamlib.data.client import ClientDataError, load_client
    from kamlib.i18n import console_lang

    lang = console_lang()
    client_dir = Path(client_dir)
    try:
        client = load_client(client_dir)
    except ClientDataError:
        print(t("plans.cli_data_error", lang, client=client_dir), file=sys.stderr)
        return 1
    try:
        path = write_plan(client, customer_id, today=today)
    except PlanWriteError as exc:
        print(comment_safe(exc.text(lang)), file=sys.stderr)
        return exc.exit_code
    except OSError as exc:  # no permission, full disk: nothing half-written is left
        error = exc.strerror or type(exc).__name__
        print(t("plans.cli_os_error", lang, client=client_dir, error=error), file=sys.stderr)
        return 1
    print(t("plans.cli_written", lang, path=path, client=client_dir))
    customer = client.customers.set_index("customer_id").loc[customer_id]
    if not _flag(customer.get("is_key_account")):
        print(t("plans.cli_not_key_account", lang, customer_id=customer_id))
    return 0
