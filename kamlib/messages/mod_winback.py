"""Texts of the win-back branch outside the module's own deliverable.

The overview's new/lost wording under the shared lost rule (METHODOLOGY
section 0), the deprecation warning of ``overview.lost_after_months`` and the
``kam new`` comments of the ``winback`` section.
"""

from __future__ import annotations

MESSAGES: dict[str, dict[str, str]] = {
    "overview.caption_flow_rule": {
        "de": "Neu = erster Kauf im Jahr. Verloren = im Jahr verloren gegangen: letzter Kauf plus "
        "{months} Monate fällt in das Jahr, und bis zum Stichtag kam kein Kauf mehr (dieselbe "
        "Regel wie in der Rückgewinnung). „vorläufig“: Im laufenden Jahr können weitere Kunden "
        "hinzukommen. „–“: Die Daten reichen nicht {months} Monate vor das Jahr zurück.",
        "en": "New = first purchase in the year. Lost = became lost in the year: last purchase "
        "plus {months} months falls in the year and no purchase followed up to the as-of date "
        "(the same rule as in the win-back deliverable). “provisional”: more customers may "
        "become lost in the current year. “–”: the data do not reach back {months} months "
        "before the year.",
    },
    "overview.txt_flow_provisional_ytd": {
        "de": " Ein Kunde gilt als verloren, sobald er mehr als {months} Monate nicht gekauft hat; "
        "für {years} können bis Jahresende noch weitere Verluste dazukommen.",
        "en": " A customer counts as lost once more than {months} months have passed without a "
        "purchase; for {years} further losses may still follow before the year ends.",
    },
    "overview.method_flow_rule": {
        "de": "Kauf: jede Rechnungsposition mit Nettoumsatz ≥ 0 (auch eine Nullposition, z. B. "
        "eine Ersatzlieferung); eine Gutschrift ist kein Kauf. Neukunde: der erste Kauf fällt in "
        "das Jahr. Verloren ist ein Kunde, dessen letzter Kauf vor dem {lost_cutoff} liegt "
        "(mehr als {lost_months} Monate vor dem Stichtag; genau {lost_months} Monate zählen noch "
        "nicht). Gezählt wird er in dem Jahr, in dem er verloren ging: letzter Kauf plus "
        "{lost_months} Monate. Dieselbe Regel und dieselben Zahlen gelten in der Rückgewinnung. "
        "Neukunden werden nur für Jahre gezählt, vor deren Beginn die Daten mindestens "
        "{lost_months} Monate zurückreichen – sonst sähe ein zurückkehrender Kunde wie ein neuer "
        "aus.",
        "en": "Purchase: every invoice line with net revenue ≥ 0 (a zero-value line such as a "
        "replacement included); a credit note is not a purchase. New customer: the first "
        "purchase falls in the year. A customer is lost when its last purchase lies before "
        "{lost_cutoff} (more than {lost_months} months before the as-of date; exactly "
        "{lost_months} months does not count yet). It is counted in the year it became lost: "
        "last purchase plus {lost_months} months. The win-back deliverable uses the same rule "
        "and the same figures. New customers are only counted for years with at least "
        "{lost_months} months of data before them – otherwise a returning customer would look "
        "new.",
    },
    "config.deprecated_alias": {
        "de": "veralteter Schlüssel; bitte {new} verwenden (der Wert gilt bis dahin weiter)",
        "en": "deprecated key; use {new} instead (its value still applies until then)",
    },
    "config.deprecated_alias_hint": {
        "de": "In client.yaml den Wert unter {new} eintragen und {old} löschen.",
        "en": "Move the value to {new} in client.yaml and delete {old}.",
    },
    "data.cfg.winback.lost_after_months": {
        "de": "mehr als so viele Monate ohne Kauf = verloren (gilt auch für die Kundenstruktur)",
        "en": "no purchase for more than this many months = lost (also used by the overview)",
    },
    "data.cfg.winback.winnability": {
        "de": "Rückgewinnungschance je Verlustgrund (0-1)",
        "en": "chance of winning a customer back per loss reason (0-1)",
    },
}
