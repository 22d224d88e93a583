"""Stable keys for the portfolio's handling recommendations and focus programs.

The analysis only returns *keys*; the German/English texts live in
``kamlib/messages/<lang>/portfolio.yaml`` (owned by the deliverable). Suggested
message keys (the deliverable may choose others, the keys below are stable):

- ABC-XYZ field ``AX`` .. ``CZ`` (``matrix.field``; ``matrix.recommendation``
  holds the message key ``portfolio.rec.<key>``) with the recommended
  handling of the field), e.g. AX: key-account care and binding framework
  contracts; AZ: find out why demand is erratic (project business);
  CX: automate (webshop/EDI); CZ: low-cost channel or minimum order value.
  Extra rows ``new`` and ``no_revenue``: ``portfolio.rec.new`` /
  ``portfolio.rec.no_revenue``.
- Zones ``protect`` / ``develop`` / ``maintain`` / ``withdraw``:
  ``portfolio.zone.<key>`` (display names come from config ``zone_labels``).
- Focus programs: the program key **is the criterion id** it works on
  (``focus_programs.criterion``; ``focus_programs.program`` holds the message
  key ``portfolio.program.<key>``):
  ``share_of_wallet`` (share-of-wallet campaign),
  ``decision_access`` (no access to decision makers), ``processes``
  (processes not under control), ``chemistry``, ``strategy``,
  ``margin_quality``, ``payment_behaviour``: ``portfolio.program.<key>``.
- Customer types ``breadwinner`` / ``prospect`` / ``image_maker`` /
  ``expert``: ``portfolio.type.<key>``.
"""

from __future__ import annotations

#: the nine ABC-XYZ fields in display order (row-major: A row first)
MATRIX_FIELDS: tuple[str, ...] = tuple(a + x for a in "ABC" for x in "XYZ")
#: rows shown beside the 3x3 matrix
MATRIX_EXTRA: tuple[str, ...] = ("new", "no_revenue")
#: stable zone keys in display order
ZONE_KEYS: tuple[str, ...] = ("protect", "develop", "maintain", "withdraw")
#: customer types in their fixed order (customer_type joins them with ";")
CUSTOMER_TYPES: tuple[str, ...] = ("breadwinner", "prospect", "image_maker", "expert")
#: criteria a focus program can work on (key = criterion id). Intrinsic facts
#: about the customer (future_demand, customer_size, market_position) and the
#: revenue trend (growth) are excluded: a campaign cannot change them directly,
#: they only select the targets.
PROGRAM_KEYS: tuple[str, ...] = (
    "share_of_wallet",
    "decision_access",
    "processes",
    "chemistry",
    "strategy",
    "margin_quality",
    "payment_behaviour",
)

#: programs that exploit an opportunity rather than fix a weakness: the need of
#: a customer grows with the criterion value (share_of_wallet criterion is high
#: when our share of the customer's demand is low -> an untapped wallet)
OPPORTUNITY_PROGRAMS: tuple[str, ...] = ("share_of_wallet",)

#: action key per program (section 1a: programs are named by what they do, not by
#: the problem): ``focus_programs.action``; texts ``portfolio.action.<key>``
PROGRAM_ACTIONS: dict[str, str] = {
    "share_of_wallet": "grow_share_of_wallet",
    "decision_access": "open_decision_access",
    "processes": "support_process_control",
    "chemistry": "strengthen_relationship",
    "strategy": "align_strategy",
    "margin_quality": "improve_margin",
    "payment_behaviour": "secure_payment_terms",
}
#: KPI key per program (``focus_programs.kpi``; texts ``portfolio.program_kpi.<key>``):
#: what the account manager measures at the end of the quarter
PROGRAM_KPIS: dict[str, str] = {
    "share_of_wallet": "revenue_gain",
    "decision_access": "decision_maker_meetings",
    "processes": "process_rating",
    "chemistry": "relationship_rating",
    "strategy": "joint_account_plans",
    "margin_quality": "margin_ratio",
    "payment_behaviour": "days_sales_outstanding",
}
