"""Texts of the workshop panel (kamlib.widgets) and of saving settings (kamlib.settings_io)."""

MESSAGES: dict[str, dict[str, str]] = {
    # saving client.yaml
    "widgets.save_done": {
        "de": "{file} gespeichert – {n} Wert(e) geändert:",
        "en": "Saved {file} – {n} value(s) changed:",
    },
    "widgets.save_nothing": {
        "de": "Nichts zu speichern: die Einstellungen entsprechen bereits {file}.",
        "en": "Nothing to save: the settings already match {file}.",
    },
    "widgets.save_backup": {
        "de": "Die vorherige Fassung liegt als Sicherung unter {backup}.",
        "en": "The previous version was backed up to {backup}.",
    },
    "widgets.save_refused": {
        "de": "Nicht gespeichert – client.yaml bleibt unverändert:",
        "en": "Not saved – client.yaml is unchanged:",
    },
    "widgets.save_failed": {
        "de": "Speichern fehlgeschlagen ({error}). client.yaml wurde nicht verändert.",
        "en": "Saving failed ({error}). client.yaml was not changed.",
    },
    "widgets.save_no_folder": {
        "de": "Kein Kundenordner bekannt – Speichern ist hier nicht möglich.",
        "en": "No client folder known – saving is not possible here.",
    },
    "widgets.next_render": {
        "de": "Der nächste Lauf von „kam render“ verwendet diese Werte.",
        "en": "The next 'kam render' run uses these values.",
    },
    # panel chrome
    "widgets.save": {"de": "Einstellungen speichern", "en": "Save settings"},
    "widgets.save_tooltip": {
        "de": "Schreibt die Werte in client.yaml (Sicherung vorher, Kommentare bleiben)",
        "en": "Writes the values into client.yaml (backup first, comments kept)",
    },
    "widgets.reset": {"de": "Gespeicherte Werte", "en": "Saved values"},
    "widgets.reset_tooltip": {
        "de": "Alle Regler auf die Werte aus client.yaml zurücksetzen",
        "en": "Reset every control to the values in client.yaml",
    },
    "widgets.language": {"de": "Sprache", "en": "Language"},
    "widgets.timing": {
        "de": "Neu berechnet in {total} s (Rechnen {compute} s, Darstellen {draw} s)",
        "en": "Recomputed in {total} s (compute {compute} s, redraw {draw} s)",
    },
    "widgets.invalid": {
        "de": "Diese Kombination ist ungültig, Anzeige unverändert: {problem}",
        "en": "This combination is invalid, display unchanged: {problem}",
    },
    "widgets.compute_failed": {
        "de": "Neuberechnung fehlgeschlagen: {error}",
        "en": "Recomputation failed: {error}",
    },
    "widgets.weight_share": {"de": "Anteil", "en": "share"},
    "widgets.unsaved": {
        "de": "{n} ungespeicherte Änderung(en)",
        "en": "{n} unsaved change(s)",
    },
    "widgets.all_saved": {
        "de": "Entspricht client.yaml",
        "en": "Matches client.yaml",
    },
    # portfolio panel
    "widgets.pf_title": {
        "de": "Workshop: Portfolio live einstellen",
        "en": "Workshop: tune the portfolio live",
    },
    "widgets.pf_potential": {"de": "Gewichte Potenzial", "en": "Potential weights"},
    "widgets.pf_attractiveness": {
        "de": "Gewichte Attraktivität",
        "en": "Attractiveness weights",
    },
    "widgets.pf_splits": {"de": "Zonengrenzen (Score 0–100)", "en": "Zone splits (score 0–100)"},
    "widgets.pf_split_potential": {"de": "Potenzial ab", "en": "Potential from"},
    "widgets.pf_split_attractiveness": {"de": "Attraktivität ab", "en": "Attractiveness from"},
    "widgets.pf_classes": {"de": "ABC- und XYZ-Grenzen", "en": "ABC and XYZ cut-offs"},
    "widgets.pf_abc_cutoffs": {"de": "ABC: A | B | C", "en": "ABC: A | B | C"},
    "widgets.pf_xyz_cutoffs": {"de": "XYZ (VK): X | Y | Z", "en": "XYZ (CV): X | Y | Z"},
    "widgets.pf_xyz_freq_cutoffs": {
        "de": "XYZ (Monate mit Auftrag): Z | Y | X",
        "en": "XYZ (months with order): Z | Y | X",
    },
    "widgets.pf_zone_counts": {"de": "Kunden je Zone", "en": "Customers per zone"},
    "widgets.pf_zone": {"de": "Zone", "en": "Zone"},
    "widgets.pf_saved_col": {"de": "gespeichert", "en": "saved"},
    "widgets.pf_now_col": {"de": "jetzt", "en": "now"},
    "widgets.pf_matrix": {"de": "ABC-XYZ-Matrix (Kunden)", "en": "ABC-XYZ matrix (customers)"},
    "widgets.pf_changed": {
        "de": "Zonenwechsel gegenüber den gespeicherten Einstellungen: {n}",
        "en": "Zone changes against the saved settings: {n}",
    },
    "widgets.pf_changed_none": {
        "de": "Kein Kunde wechselt die Zone gegenüber den gespeicherten Einstellungen.",
        "en": "No customer changes zone against the saved settings.",
    },
    "widgets.pf_changed_more": {
        "de": "… und {n} weitere (nach Umsatz sortiert)",
        "en": "… and {n} more (sorted by revenue)",
    },
    "widgets.pf_unplaced": {"de": "nicht platziert", "en": "not placed"},
    "widgets.pf_extra_new": {"de": "Neukunden", "en": "New customers"},
    "widgets.pf_extra_no_revenue": {"de": "ohne Umsatz", "en": "No revenue"},
    "widgets.pf_from_to": {"de": "von → nach", "en": "from → to"},
    "widgets.pf_no_chart": {
        "de": "Diagramm nicht verfügbar: {error}",
        "en": "Chart not available: {error}",
    },
}
