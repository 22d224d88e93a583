"""Texts of ``kam export``: column labels and descriptions (de/en), sheet names, messages.

Column keys are the stable English column names of the export file; the
labels are shown on the "columns" sheet of the Excel export.
"""

from __future__ import annotations

_COLUMNS: dict[str, tuple[str, str, str, str]] = {
    # key: (label de, label en, description de, description en)
    "customer_id": (
        "Kundennr.",
        "Customer no.",
        "Kundennummer aus dem Kundenstamm (Text, führende Nullen bleiben erhalten).",
        "Customer number from the customer master (text; leading zeros kept).",
    ),
    "customer_name": (
        "Kunde",
        "Customer",
        "Name laut Kundenstamm.",
        "Name from the customer master.",
    ),
    "industry": (
        "Branche",
        "Industry",
        "Branche laut Kundenstamm.",
        "Industry from the customer master.",
    ),
    "region": ("Region", "Region", "Region laut Kundenstamm.", "Region from the customer master."),
    "account_manager": (
        "Betreuer",
        "Account manager",
        "Zuständige Betreuerin bzw. zuständiger Betreuer laut Kundenstamm.",
        "Responsible account manager from the customer master.",
    ),
    "is_key_account": (
        "Key Account (markiert)",
        "Key account (flagged)",
        "Im Kundenstamm als Key Account gekennzeichnet (WAHR/FALSCH).",
        "Flagged as key account in the customer master (TRUE/FALSE).",
    ),
    "revenue": (
        "Umsatz",
        "Revenue",
        "Nettoumsatz im Analysezeitraum (12 Kalendermonate bis zum Stichtagsmonat), Gutschriften abgezogen.",
        "Net revenue in the analysis window (12 calendar months up to the as-of month), credit notes deducted.",
    ),
    "contribution_margin": (
        "Deckungsbeitrag",
        "Contribution margin",
        "Deckungsbeitrag im Analysezeitraum; leer, wenn die Daten keinen enthalten.",
        "Contribution margin in the analysis window; empty when the data carry none.",
    ),
    "margin_ratio": (
        "DB-Quote",
        "Margin ratio",
        "Deckungsbeitrag geteilt durch Umsatz (Anteil 0–1).",
        "Contribution margin divided by revenue (fraction 0–1).",
    ),
    "revenue_share": (
        "Umsatzanteil",
        "Revenue share",
        "Anteil am Summe aller positiven Kundenumsätze (0–1).",
        "Share of the sum of all positive customer revenues (0–1).",
    ),
    "cumulative_share": (
        "Kumulierter Anteil",
        "Cumulative share",
        "Kumulierter Anteil der ABC-Basis (Umsatz oder DB) bis einschließlich dieses Kunden, Reihenfolge nach Wert (0–1).",
        "Cumulative share of the ABC basis (revenue or margin) up to and including this customer, ranked by value (0–1).",
    ),
    "abc_class": (
        "ABC-Klasse",
        "ABC class",
        "A, solange die vor dem Kunden gereihten Kunden unter 80 % liegen; B unter 95 %; sonst C. Ohne Wert: C.",
        "A while the customers ranked before it hold less than 80 %; B below 95 %; else C. No value: C.",
    ),
    "xyz_class": (
        "XYZ-Klasse",
        "XYZ class",
        "Regelmäßigkeit der Monatsumsätze: X, Y, Z; 'new' bei zu kurzer Historie; leer ohne Umsatz.",
        "Regularity of monthly revenue: X, Y, Z; 'new' with too short a history; empty without revenue.",
    ),
    "cv": (
        "Variationskoeffizient",
        "Coefficient of variation",
        "Standardabweichung (Grundgesamtheit) geteilt durch den Mittelwert der Monatsumsätze.",
        "Population standard deviation divided by the mean of monthly revenue.",
    ),
    "cv_months": (
        "Monate (XYZ)",
        "Months (XYZ)",
        "Anzahl der Monate, über die die Regelmäßigkeit gemessen wurde.",
        "Number of months the regularity was measured over.",
    ),
    "order_month_share": (
        "Anteil Monate mit Auftrag",
        "Share of months with orders",
        "Anteil der betrachteten Monate mit positivem Umsatz (0–1).",
        "Share of the months considered with positive revenue (0–1).",
    ),
    "potential": (
        "Potenzial (Jahresbedarf)",
        "Potential (annual demand)",
        "Jährlicher Gesamtbedarf des Kunden in unseren Warengruppen laut Kundenstamm.",
        "Customer's total annual demand for our categories, from the customer master.",
    ),
    "share_of_wallet": (
        "Lieferanteil",
        "Share of wallet",
        "Umsatz (auf ein Jahr gerechnet) geteilt durch das Potenzial (0–1, kann über 1 liegen).",
        "Revenue (annualised) divided by potential (0–1; may exceed 1).",
    ),
    "wallet_gap": (
        "Potenziallücke",
        "Wallet gap",
        "Potenzial minus Jahresumsatz: der noch nicht gewonnene Bedarf in Währung.",
        "Potential minus annual revenue: the demand not yet won, in currency.",
    ),
    "growth": (
        "Umsatzentwicklung",
        "Revenue trend",
        "Veränderung des Umsatzes gegenüber dem gleich langen Zeitraum davor (Anteil, 0,1 = +10 %).",
        "Change of revenue against the equally long period before (fraction, 0.1 = +10 %).",
    ),
    "potential_score": (
        "Potenzial-Score",
        "Potential score",
        "Gewichteter Potenzialwert 0–100 aus Bewertungen und Daten.",
        "Weighted potential score 0–100 from ratings and data.",
    ),
    "attractiveness_score": (
        "Attraktivitäts-Score",
        "Attractiveness score",
        "Gewichteter Attraktivitätswert (strategische Passung) 0–100.",
        "Weighted attractiveness (strategic fit) score 0–100.",
    ),
    "zone": (
        "Zone",
        "Zone",
        "Portfoliozone: protect (Schutzzone), develop (Entwicklungszone), maintain (Pflegezone), withdraw (Rückzugszone); leer = nicht einordenbar.",
        "Portfolio zone: protect, develop, maintain, withdraw; empty = could not be placed.",
    ),
    "rated": (
        "Im Workshop bewertet",
        "Rated in workshop",
        "WAHR, wenn Workshop-Bewertungen vorliegen; sonst nur aus Daten eingeordnet.",
        "TRUE when workshop ratings exist; otherwise placed from data alone.",
    ),
    "placement": (
        "Einordnung",
        "Placement",
        "ratings = mit Bewertungen, data = nur aus Daten, leer = nicht einordenbar.",
        "ratings = with workshop ratings, data = from data alone, empty = not placed.",
    ),
    "ka_score": (
        "Key-Account-Score",
        "Key-account score",
        "Gewichteter Auswahlwert 0–100 für Key Accounts.",
        "Weighted key-account selection score 0–100.",
    ),
    "ka_rank": (
        "Rang (KA-Score)",
        "Rank (KA score)",
        "Rang nach Key-Account-Score (1 = höchster).",
        "Rank by key-account score (1 = highest).",
    ),
    "ka_recommended": (
        "Key Account empfohlen",
        "Key account recommended",
        "Score erreicht die Schwelle (WAHR/FALSCH).",
        "Score reaches the cut line (TRUE/FALSE).",
    ),
    "customer_type": (
        "Kundentyp",
        "Customer type",
        "breadwinner (Ernährer), prospect (Hoffnungsträger), image_maker (Imageträger), expert (Experte); mehrere mit ';' getrennt.",
        "breadwinner, prospect, image_maker, expert; several separated by ';'.",
    ),
    "crit": (
        "Kriterium",
        "Criterion",
        "Kriteriumswert 0–100 (Bewertung 1 → 0, 5 → 100, oder aus Daten abgeleitet).",
        "Criterion value 0–100 (rating 1 → 0, 5 → 100, or derived from data).",
    ),
}

MESSAGES: dict[str, dict[str, str]] = {}
for _key, (_lde, _len, _dde, _den) in _COLUMNS.items():
    MESSAGES[f"export.col.{_key}"] = {"de": _lde, "en": _len}
    MESSAGES[f"export.desc.{_key}"] = {"de": _dde, "en": _den}

MESSAGES.update(
    {
        "export.sheet.data": {"de": "Portfolio", "en": "Portfolio"},
        "export.sheet.columns": {"de": "Spalten", "en": "Columns"},
        "export.head.column": {"de": "Spalte", "en": "Column"},
        "export.head.label": {"de": "Bezeichnung", "en": "Label"},
        "export.head.description": {"de": "Beschreibung", "en": "Description"},
        "export.head.info": {"de": "Angabe", "en": "Item"},
        "export.head.value": {"de": "Wert", "en": "Value"},
        "export.info.client": {"de": "Kunde (Mandant)", "en": "Client"},
        "export.info.as_of": {"de": "Stichtag", "en": "As of"},
        "export.info.window": {"de": "Analysezeitraum", "en": "Analysis window"},
        "export.info.basis": {"de": "ABC-Basis", "en": "ABC basis"},
        "export.info.rows": {"de": "Zeilen", "en": "Rows"},
        "export.msg.written": {
            "de": "{rows} Kunden nach {path} geschrieben.",
            "en": "Wrote {rows} customers to {path}.",
        },
        "export.msg.unknown_module": {
            "de": "Für das Modul '{module}' gibt es keinen Export. Verfügbar: {available}.",
            "en": "Module '{module}' has no export. Available: {available}.",
        },
        "export.msg.bad_as_of": {
            "de": "Ungültiger Stichtag '{value}'. Bitte im Format JJJJ-MM-TT angeben, z. B. 2026-06-30.",
            "en": "Invalid as-of date '{value}'. Use the format YYYY-MM-DD, e.g. 2026-06-30.",
        },
        "export.msg.bad_lang": {
            "de": "Sprache '{value}' wird nicht unterstützt; bitte de oder en angeben.",
            "en": "Language '{value}' is not supported; use de or en.",
        },
        "export.msg.data_error": {
            "de": "Die Daten in {path} können nicht gelesen werden:\n{details}\nBitte die genannten Stellen korrigieren und erneut exportieren (Prüfung: kam validate).",
            "en": "The data in {path} could not be read:\n{details}\nFix the places listed and export again (check with: kam validate).",
        },
        "export.msg.write_error": {
            "de": "Die Datei {path} kann nicht geschrieben werden ({reason}). Ist sie z. B. in Excel geöffnet?",
            "en": "Cannot write {path} ({reason}). Is it open in Excel, for example?",
        },
        "export.msg.bad_suffix": {
            "de": "Die Ausgabedatei muss auf .xlsx oder .csv enden: {path}",
            "en": "The output file must end in .xlsx or .csv: {path}",
        },
    }
)
