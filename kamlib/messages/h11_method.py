"""Texts for the portfolio method of METHODOLOGY.md section 1a (branch h11-method).

- ``portfolio.action.<key>``: program names by what they do (``focus_programs.action``).
- ``portfolio.program_kpi.<key>``: what a program measures (``focus_programs.kpi``).
- ``portfolio.status.<key>``: placed / to_rate / out_of_scope (``customers.status``).
- ``data.cfg.<path>``: comments of the new ``client.yaml`` keys (``kam new``).
"""

from __future__ import annotations


def _m(de: str, en: str) -> dict[str, str]:
    return {"de": de, "en": en}


MESSAGES: dict[str, dict[str, str]] = {
    # ------------------------------------------------------------ program actions
    "portfolio.action.grow_share_of_wallet": _m(
        "Lieferanteil ausbauen", "Grow our share of the wallet"
    ),
    "portfolio.action.open_decision_access": _m(
        "Zugang zu den Entscheidern öffnen", "Open access to decision makers"
    ),
    "portfolio.action.support_process_control": _m(
        "Prozesse des Kunden mit ordnen", "Help the customer get its processes in order"
    ),
    "portfolio.action.strengthen_relationship": _m(
        "Beziehung auf mehr Schultern stellen", "Broaden and deepen the relationship"
    ),
    "portfolio.action.align_strategy": _m(
        "Gemeinsamen Plan mit dem Kunden vereinbaren", "Agree a joint plan with the customer"
    ),
    "portfolio.action.improve_margin": _m(
        "Deckungsbeitrag verbessern", "Lift the contribution margin"
    ),
    "portfolio.action.secure_payment_terms": _m("Zahlungsziele absichern", "Secure payment terms"),
    # ------------------------------------------------------------------ KPIs
    "portfolio.program_kpi.revenue_gain": _m(
        "Mehrumsatz in € gegenüber dem Vorjahresquartal",
        "Additional revenue in € against the same quarter last year",
    ),
    "portfolio.program_kpi.decision_maker_meetings": _m(
        "Termine mit Entscheidern je Zielkunde", "Meetings with decision makers per target account"
    ),
    "portfolio.program_kpi.process_rating": _m(
        "Bewertung „Prozesse im Griff“ im nächsten Workshop",
        "Rating 'processes under control' in the next workshop",
    ),
    "portfolio.program_kpi.relationship_rating": _m(
        "Bewertung „Chemie“ im nächsten Workshop", "Rating 'chemistry' in the next workshop"
    ),
    "portfolio.program_kpi.joint_account_plans": _m(
        "Mit dem Kunden abgestimmte Pläne", "Plans agreed with the customer"
    ),
    "portfolio.program_kpi.margin_ratio": _m(
        "Deckungsbeitrag in % vom Umsatz", "Contribution margin as % of revenue"
    ),
    "portfolio.program_kpi.days_sales_outstanding": _m(
        "Tage bis zum Zahlungseingang", "Days until payment is received"
    ),
    # -------------------------------------------------------------- statuses
    "portfolio.status.placed": _m("im Portfolio eingeordnet", "placed in the portfolio"),
    "portfolio.status.to_rate": _m(
        "im nächsten Workshop zu bewerten", "to be rated in the next workshop"
    ),
    "portfolio.status.out_of_scope": _m(
        "nicht im Portfolio (C-Kunde ohne Bewertung)", "not in the portfolio (unrated C customer)"
    ),
    # ------------------------------------------------- client.yaml comments
    "data.cfg.portfolio.scope": _m(
        "ab_ka_rated (A/B, Key Accounts, bewertete Kunden) | all (alle Kunden)",
        "ab_ka_rated (A/B, key accounts, rated customers) | all (every customer)",
    ),
    "data.cfg.portfolio.min_coverage": _m(
        "Mindestanteil des Gewichts je Achse mit Wert, sonst 'zu bewerten' (0-1)",
        "least share of each axis's weight with a value, else 'to be rated' (0-1)",
    ),
    "data.cfg.portfolio.visits_per_year": _m(
        "geplante Besuche je Kunde und Jahr in jeder Zone",
        "planned visits per customer and year in each zone",
    ),
    "data.cfg.portfolio.visits_per_year.protect": _m("Schutzzone", "protect zone"),
    "data.cfg.portfolio.visits_per_year.develop": _m("Entwicklungszone", "develop zone"),
    "data.cfg.portfolio.visits_per_year.maintain": _m("Pflegezone", "maintain zone"),
    "data.cfg.portfolio.visits_per_year.withdraw": _m("Rückzugszone", "withdraw zone"),
    "data.cfg.portfolio.capacity_tolerance": _m(
        "so viel mehr Besuche als im Vorjahr sind noch machbar (0.2 = 20 %)",
        "how many more visits than last year are still feasible (0.2 = 20 %)",
    ),
    "data.cfg.portfolio.programs": _m("Fokusprogramme", "focus programs"),
    "data.cfg.portfolio.programs.max_programs": _m(
        "Programme pro Jahr, eines je Quartal (1-4)", "programs per year, one per quarter (1-4)"
    ),
    "data.cfg.portfolio.programs.max_targets": _m(
        "benannte Zielkunden je Programm", "named target accounts per program"
    ),
    "data.cfg.portfolio.programs.target_share_of_gap": _m(
        "€-Ziel je Zielkunde als Anteil seiner Lieferanteil-Lücke",
        "€ target per target account as a share of its wallet gap",
    ),
}
