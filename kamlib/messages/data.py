"""Texts of the data layer: problem messages and hints, template headers, quality box."""

from __future__ import annotations


def _m(de: str, en: str) -> dict[str, str]:
    return {"de": de, "en": en}


MESSAGES: dict[str, dict[str, str]] = {
    # ---------------------------------------------------------------- files
    "data.file_empty": _m("Die Datei ist leer (0 Byte).", "The file is empty (0 bytes)."),
    "data.file_blank": _m(
        "Die Datei enthält nur Leerzeilen.", "The file contains only blank lines."
    ),
    "data.file_empty_hint": _m(
        "Exportieren Sie die Tabelle erneut aus dem ERP/CRM oder füllen Sie die Vorlage aus 'kam new' aus.",
        "Export the table again from the ERP/CRM or fill in the template from 'kam new'.",
    ),
    "data.file_binary": _m(
        "Die Datei ist keine Tabelle (Binärdaten, weder CSV noch Excel).",
        "The file is not a table (binary data, neither CSV nor Excel).",
    ),
    "data.file_pdf": _m("Die Datei ist ein PDF, keine Tabelle.", "The file is a PDF, not a table."),
    "data.file_html": _m(
        "Die Datei ist eine HTML/XML-Seite mit falscher Endung (typisch für 'Excel'-Exporte mancher ERP-Systeme).",
        "The file is an HTML/XML page with a wrong ending (typical of some ERP 'Excel' exports).",
    ),
    "data.file_not_table_hint": _m(
        "Öffnen Sie die Datei in Excel und speichern Sie sie als '{table}.xlsx' oder als CSV.",
        "Open the file in Excel and save it as '{table}.xlsx' or as CSV.",
    ),
    "data.excel_named_csv": _m(
        "Die Datei ist eine Excel-Arbeitsmappe mit der Endung .csv; sie wurde als Excel gelesen.",
        "The file is an Excel workbook named .csv; it was read as Excel.",
    ),
    "data.text_named_excel": _m(
        "Die Datei ist eine Textdatei (CSV) mit Excel-Endung; sie wurde als CSV gelesen.",
        "The file is a text (CSV) file with an Excel ending; it was read as CSV.",
    ),
    "data.rename_hint": _m(
        "Benennen Sie die Datei in '{name}' um.", "Rename the file to '{name}'."
    ),
    "data.excel_broken": _m(
        "Die Excel-Datei ist beschädigt oder kein gültiges Excel ({error}).",
        "The Excel file is damaged or not valid Excel ({error}).",
    ),
    "data.excel_broken_hint": _m(
        "Öffnen Sie die Datei in Excel und speichern Sie sie erneut als .xlsx; bei 0 Byte neu exportieren.",
        "Open the file in Excel and save it again as .xlsx; if it has 0 bytes, export it again.",
    ),
    "data.csv_broken": _m(
        "Die CSV-Datei kann nicht gelesen werden ({error}).",
        "The CSV file cannot be read ({error}).",
    ),
    "data.csv_broken_hint": _m(
        "Prüfen Sie Anführungszeichen in Textfeldern; speichern Sie die Datei aus Excel neu als 'CSV (Trennzeichen-getrennt)'.",
        "Check quote characters in text fields; save the file again from Excel as 'CSV (comma delimited)'.",
    ),
    "data.no_data_rows": _m(
        "Die Tabelle enthält keine Datenzeilen.", "The table has no data rows."
    ),
    "data.no_data_rows_hint": _m(
        "Unter der Kopfzeile muss mindestens eine Datenzeile stehen.",
        "At least one data row must follow the header row.",
    ),
    "data.sheet_used": _m(
        "Gelesen wurde das Tabellenblatt '{sheet}' (das erste mit passender Kopfzeile).",
        "Read the worksheet '{sheet}' (the first one with a matching header).",
    ),
    "data.title_rows_skipped": _m(
        "{n} Zeile(n) über der Kopfzeile übersprungen (Titel).",
        "{n} row(s) above the header skipped (title).",
    ),
    "data.encoding_guess": _m(
        "Kein UTF-8: als {encoding} (Windows/Excel-Standard) gelesen.",
        "Not UTF-8: read as {encoding} (Windows/Excel default).",
    ),
    "data.encoding_hint": _m(
        "Prüfen Sie Umlaute in der Ausgabe; im Zweifel als 'CSV UTF-8' speichern.",
        "Check umlauts in the output; if in doubt save as 'CSV UTF-8'.",
    ),
    "data.ragged_row": _m(
        "Zeile hat eine andere Anzahl Werte als die Kopfzeile ({expected}); Zeile nicht gelesen.",
        "Row has a different number of values than the header ({expected}); row not read.",
    ),
    "data.ragged_row_hint": _m(
        "Meist steht das Trennzeichen in einem Wert: Wert in Anführungszeichen setzen oder aus Excel neu exportieren.",
        "Usually the delimiter occurs inside a value: put the value in quotes or export again from Excel.",
    ),
    "data.wrong_extension": _m(
        "Datei '{name}' hat eine nicht unterstützte Endung und wird nicht gelesen.",
        "File '{name}' has an unsupported ending and is not read.",
    ),
    "data.wrong_extension_hint": _m(
        "Speichern Sie sie als '{table}.csv' oder '{table}.xlsx'.",
        "Save it as '{table}.csv' or '{table}.xlsx'.",
    ),
    "data.file_not_used": _m("Datei wird vom Kit nicht verwendet.", "File is not used by the kit."),
    "data.file_not_used_hint": _m(
        "Erwartete Dateinamen: customers, sales, activities, ratings, contacts, touchpoints, lost_reasons (.csv/.xlsx).",
        "Expected file names: customers, sales, activities, ratings, contacts, touchpoints, lost_reasons (.csv/.xlsx).",
    ),
    "data.required_missing": _m(
        "Pflichtdatei fehlt: {table}.csv oder {table}.xlsx.",
        "Required file missing: {table}.csv or {table}.xlsx.",
    ),
    "data.required_missing_hint": _m(
        "Legen Sie die Datei in den Kundenordner; eine Vorlage erzeugt 'kam new'.",
        "Put the file into the client folder; 'kam new' writes a template.",
    ),
    "data.optional_missing": _m(
        "Nicht vorhanden; Auswertungen, die diese Tabelle brauchen, werden übersprungen.",
        "Not provided; analyses that need this table are skipped.",
    ),
    "data.optional_missing_hint": _m("Optional.", "Optional."),
    "data.several_files": _m(
        "Mehrere Dateien für dieselbe Tabelle: {names}.",
        "Several files for the same table: {names}.",
    ),
    "data.several_files_hint": _m(
        "Behalten Sie genau eine (CSV oder Excel) und verschieben Sie die anderen aus dem Ordner.",
        "Keep exactly one (CSV or Excel) and move the others out of the folder.",
    ),
    "data.config_hint": _m(
        "Korrigieren Sie client.yaml (Referenz im README; 'kam new' schreibt eine kommentierte Vorlage).",
        "Fix client.yaml (reference in the README; 'kam new' writes a commented template).",
    ),
    # ---------------------------------------------------------------- columns
    "data.column_ignored": _m(
        "Spalte '{header}' ist unbekannt und wird ignoriert.",
        "Column '{header}' is unknown and ignored.",
    ),
    "data.column_ignored_hint": _m(
        "Nur nötig, wenn die Spalte gebraucht wird: umbenennen nach der Alias-Tabelle im README.",
        "Only if the column is needed: rename it following the alias table in the README.",
    ),
    "data.column_twice": _m(
        "Spalte '{header}' bedeutet ebenfalls '{column}'; verwendet wird '{first}'.",
        "Column '{header}' also means '{column}'; '{first}' is used.",
    ),
    "data.column_twice_hint": _m(
        "Löschen oder umbenennen Sie die Spalte, die nicht gemeint ist.",
        "Delete or rename the column that is not meant.",
    ),
    "data.missing_columns": _m(
        "Pflichtspalte(n) fehlen: {columns}.", "Required column(s) missing: {columns}."
    ),
    "data.accepted_names": _m(
        "'{column}' heißt z. B. {names}.", "'{column}' may be named {names}."
    ),
    "data.did_you_mean": _m(" Gemeint ist vielleicht '{header}'.", " Perhaps '{header}' is meant."),
    "data.looks_like": _m(
        "Die Kopfzeile passt eher zur Tabelle '{other}' - falsche Datei?",
        "The header looks like the '{other}' table - wrong file?",
    ),
    # ---------------------------------------------------------------- values
    "data.kind_number": _m("Zahl", "number"),
    "data.kind_integer": _m("ganze Zahl", "whole number"),
    "data.kind_date": _m("Datum", "date"),
    "data.kind_bool": _m("Ja/Nein-Wert", "yes/no value"),
    "data.kind_category": _m("erlaubt: {allowed}", "allowed: {allowed}"),
    "data.bad_value": _m("Kein gültiger Wert ({what}).", "Not a valid value ({what})."),
    "data.bad_value_row": _m(
        "Kein gültiger Wert ({what}); Zeile ignoriert.", "Not a valid value ({what}); row ignored."
    ),
    "data.bad_value_blank": _m(
        "Kein gültiger Wert ({what}); Wert bleibt leer.",
        "Not a valid value ({what}); value left empty.",
    ),
    "data.hint_money": _m(
        "Betrag als Zahl eintragen, z. B. 1234,56 oder -80 (Gutschrift).",
        "Enter the amount as a number, e.g. 1234.56 or -80 (credit note).",
    ),
    "data.hint_float": _m("Als Zahl eintragen, z. B. 12,5.", "Enter a number, e.g. 12.5."),
    "data.hint_int": _m("Als ganze Zahl eintragen, z. B. 3.", "Enter a whole number, e.g. 3."),
    "data.hint_date": _m(
        "Datum als TT.MM.JJJJ oder JJJJ-MM-TT eintragen, z. B. 31.12.2025.",
        "Enter the date as YYYY-MM-DD or DD.MM.YYYY, e.g. 2025-12-31.",
    ),
    "data.hint_bool": _m("ja/nein, x oder 1/0 eintragen.", "Enter yes/no, x or 1/0."),
    "data.hint_cat": _m("Erlaubt: {allowed}.", "Allowed: {allowed}."),
    "data.missing_value": _m("Pflichtwert fehlt.", "Required value is missing."),
    "data.missing_value_row": _m(
        "Pflichtwert fehlt; Zeile ignoriert.", "Required value is missing; row ignored."
    ),
    "data.missing_value_hint": _m(
        "Wert ergänzen oder Zeile löschen.", "Fill in the value or delete the row."
    ),
    "data.out_of_range": _m("Wert außerhalb {lo}-{hi}.", "Value outside {lo}-{hi}."),
    "data.below_min": _m("Wert kleiner als {lo}.", "Value below {lo}."),
    "data.not_allowed": _m("Wert nicht erlaubt ({allowed}).", "Value not allowed ({allowed})."),
    "data.row_ignored": _m("Zeile ignoriert.", "Row ignored."),
    "data.value_ignored": _m("Wert bleibt leer.", "Value left empty."),
    "data.range_hint": _m(
        "Wert auf der Skala korrigieren; die übrigen Zeilen werden trotzdem ausgewertet.",
        "Correct the value on the scale; the other rows are still used.",
    ),
    "data.duplicate_id": _m(
        "Kundennummer kommt mehrfach vor.", "Customer id occurs more than once."
    ),
    "data.duplicate_id_hint": _m(
        "Jede Kundennummer darf im Kundenstamm nur einmal vorkommen: Dubletten zusammenführen.",
        "Each customer id may appear only once in the customer master: merge the duplicates.",
    ),
    "data.name_missing": _m(
        "Kundenname fehlt; die Kundennummer wird als Name angezeigt.",
        "Customer name missing; the customer id is shown as name.",
    ),
    "data.name_missing_hint": _m("Namen ergänzen.", "Fill in the name."),
    "data.total_row": _m("Summenzeile ignoriert.", "Totals row ignored."),
    "data.total_row_hint": _m(
        "Summen berechnet das Kit selbst; Zeile darf im Export fehlen.",
        "The kit computes totals itself; the row may be left out.",
    ),
    "data.template_help_row": _m(
        "Erklärungszeile der Vorlage ignoriert.", "Template explanation row ignored."
    ),
    "data.template_example_row": _m(
        "Beispielzeile der Vorlage ignoriert.", "Template example row ignored."
    ),
    "data.template_row_hint": _m("Kann gelöscht werden.", "May be deleted."),
    "data.more_rows": _m("… und {n} weitere Zeilen: {message}", "… and {n} more rows: {message}"),
    # ---------------------------------------------------------------- sales
    "data.duplicates_removed": _m(
        "{n} doppelte Rechnungspositionen (gleiche Rechnungsnummer und Position) entfernt, {amount}.",
        "{n} duplicate invoice lines (same invoice number and line) removed, {amount}.",
    ),
    "data.duplicates_removed_hint": _m(
        "Die erste Zeile je Rechnungsposition wird verwendet; prüfen Sie, ob der Export Zeiträume doppelt enthält.",
        "The first row per invoice line is used; check whether the export contains a period twice.",
    ),
    "data.possible_duplicates": _m(
        "{n} Zeilen sind identisch mit einer früheren Zeile (mögliche Dubletten, behalten).",
        "{n} rows are identical to an earlier row (possible duplicates, kept).",
    ),
    "data.possible_duplicates_hint": _m(
        "Ohne Rechnungsnummer und Position lassen sich Dubletten nicht sicher erkennen: beide Spalten mit exportieren.",
        "Without invoice number and line, duplicates cannot be told apart: include both columns in the export.",
    ),
    "data.credit_notes": _m(
        "{n} Gutschriftzeilen (negativ) verrechnet: {amount} ({share} des Bruttoumsatzes).",
        "{n} credit-note lines (negative) netted: {amount} ({share} of gross revenue).",
    ),
    "data.credit_notes_hint": _m(
        "Gutschriften mindern den Umsatz des Kunden.", "Credit notes reduce the customer's revenue."
    ),
    "data.margin_column_missing": _m(
        "Keine Deckungsbeitragsspalte: Auswertungen nach DB entfallen.",
        "No contribution-margin column: margin-based analyses are skipped.",
    ),
    "data.margin_column_missing_hint": _m(
        "Spalte 'Deckungsbeitrag' mit exportieren.",
        "Include a 'contribution margin' column in the export.",
    ),
    "data.margin_missing": _m(
        "{n} Zeilen ohne Deckungsbeitrag.", "{n} lines without contribution margin."
    ),
    "data.margin_missing_hint": _m(
        "Diese Zeilen zählen beim DB als fehlend, nicht als 0.",
        "These lines count as missing margin, not as 0.",
    ),
    "data.margin_above_revenue": _m(
        "Deckungsbeitrag größer als Umsatz.", "Contribution margin larger than revenue."
    ),
    "data.margin_above_revenue_hint": _m(
        "Prüfen Sie, ob die Spalten vertauscht sind.",
        "Check whether the columns are swapped.",
    ),
    "data.date_future": _m("Datum liegt weit in der Zukunft.", "Date lies far in the future."),
    "data.unknown_customer_sales": _m(
        "{n} Rechnungszeilen mit unbekannter Kundennummer ({ids}) ausgeschlossen, {amount}.",
        "{n} invoice lines with an unknown customer id ({ids}) excluded, {amount}.",
    ),
    "data.unknown_customer_sales.one": _m(
        "1 Rechnungszeile mit unbekannter Kundennummer ({ids}) ausgeschlossen, {amount}.",
        "1 invoice line with an unknown customer id ({ids}) excluded, {amount}.",
    ),
    "data.unknown_customer_rows": _m(
        "{n} Zeilen mit unbekannter Kundennummer ({ids}) ausgeschlossen.",
        "{n} rows with an unknown customer id ({ids}) excluded.",
    ),
    "data.unknown_customer_rows.one": _m(
        "1 Zeile mit unbekannter Kundennummer ({ids}) ausgeschlossen.",
        "1 row with an unknown customer id ({ids}) excluded.",
    ),
    "data.unknown_customer_hint": _m(
        "Kunden im Kundenstamm ergänzen oder Kundennummern korrigieren.",
        "Add the customers to the customer master or correct the ids.",
    ),
    "data.leading_zeros_hint": _m(
        "Die Nummern stimmen bis auf führende Nullen überein: Excel hat sie als Zahl gespeichert. Spalte als Text formatieren und neu exportieren.",
        "The ids match except for leading zeros: Excel stored them as numbers. Format the column as text and export again.",
    ),
    "data.customers_without_sales": _m(
        "{n} Kunden ohne Umsatzzeilen.", "{n} customers without invoice lines."
    ),
    "data.customers_without_sales_hint": _m(
        "Sie erscheinen mit Umsatz 0 in den Auswertungen.",
        "They appear with zero revenue in the analyses.",
    ),
    "data.unknown_criterion": _m(
        "Unbekanntes Kriterium; Zeile ignoriert.", "Unknown criterion; row ignored."
    ),
    "data.unknown_criterion_hint": _m("Bekannte Kriterien: {known}.", "Known criteria: {known}."),
    # ---------------------------------------------------------------- account plans
    "data.plan_yaml": _m("Kein gültiges YAML: {error}", "Not valid YAML: {error}"),
    "data.plan_yaml_hint": _m(
        "Einrückung und Doppelpunkte prüfen; Vorlage: account_plans/_beispiel.yaml.",
        "Check indentation and colons; template: account_plans/_example.yaml.",
    ),
    "data.plan_invalid": _m("Ungültiger Eintrag: {error}", "Invalid entry: {error}"),
    "data.plan_invalid_hint": _m(
        "Aufbau siehe README (Account-Pläne); der Plan wird übersprungen.",
        "See the README (account plans) for the structure; the plan is skipped.",
    ),
    "data.plan_unknown_customer": _m(
        "Account-Plan für unbekannte Kundennummer; übersprungen.",
        "Account plan for an unknown customer id; skipped.",
    ),
    "data.plan_twice": _m(
        "Zweiter Account-Plan für denselben Kunden; übersprungen.",
        "Second account plan for the same customer; skipped.",
    ),
    # ---------------------------------------------------------------- quality box
    "data.q_rows": _m(
        "Gelesen: {customers} Kunden und {lines} Rechnungszeilen ({period}).",
        "Read {customers} customers and {lines} invoice lines ({period}).",
    ),
    "data.q_optional": _m("Weitere Eingaben: {tables}.", "Further inputs: {tables}."),
    "data.q_credit": _m(
        "{n} Gutschriftzeilen verrechnet ({amount}).",
        "{n} credit-note lines netted ({amount}).",
    ),
    "data.q_duplicates": _m(
        "{n} doppelte Rechnungszeilen entfernt ({amount}).",
        "{n} duplicate invoice lines removed ({amount}).",
    ),
    "data.q_unknown": _m(
        "{n} Rechnungszeilen mit unbekannter Kundennummer ausgeschlossen ({amount}).",
        "{n} invoice lines with unknown customer ids excluded ({amount}).",
    ),
    "data.q_without_sales": _m(
        "{n} Kunden ohne Umsatz im Datenzeitraum.",
        "{n} customers without revenue in the data period.",
    ),
    "data.q_margin_missing": _m(
        "Deckungsbeitrag fehlt in {n} Zeilen ({share}).",
        "Contribution margin missing in {n} lines ({share}).",
    ),
    "data.q_margin_none": _m(
        "Keine Deckungsbeiträge geliefert.", "No contribution margins provided."
    ),
    "data.q_possible_duplicates": _m(
        "{n} identische Zeilen ohne Rechnungsnummer behalten (mögliche Dubletten).",
        "{n} identical rows without invoice number kept (possible duplicates).",
    ),
    "data.q_warnings": _m(
        "{n} weitere Hinweise zur Datenqualität (Details: kam validate).",
        "{n} further data-quality warnings (details: kam validate).",
    ),
    "data.q_clean": _m("Keine Datenprobleme gefunden.", "No data problems found."),
    # ---------------------------------------------------------------- kam validate
    "data.v_title": _m("Prüfung von {client}", "Validation of {client}"),
    "data.v_summary": _m(
        "{errors} Fehler, {warnings} Warnungen, {infos} Hinweise.",
        "{errors} errors, {warnings} warnings, {infos} notes.",
    ),
    "data.v_ok": _m(
        "Keine Fehler: Der Kundenordner kann verwendet werden.",
        "No errors: the client folder can be used.",
    ),
    "data.v_failed": _m(
        "Fehler gefunden: betroffene Module werden nicht erstellt, bis sie behoben sind.",
        "Errors found: affected modules are not produced until they are fixed.",
    ),
    "data.v_written": _m("Problemliste geschrieben: {path}", "Problem list written: {path}"),
    "data.v_crash": _m(
        "Unerwarteter Fehler beim Lesen ({error}). Bitte melden Sie diesen Fehler mit dem Kundenordner.",
        "Unexpected failure while reading ({error}). Please report it with the client folder.",
    ),
    "data.v_out_failed": _m(
        "Problemliste konnte nicht geschrieben werden: {error}",
        "Could not write the problem list: {error}",
    ),
    "data.v_tables": _m("Gelesene Zeilen: {tables}", "Rows read: {tables}"),
    "data.h_severity": _m("Schwere", "Severity"),
    "data.h_file": _m("Datei", "File"),
    "data.h_row": _m("Zeile", "Row"),
    "data.h_column": _m("Spalte", "Column"),
    "data.h_value": _m("Wert", "Value"),
    "data.h_message": _m("Problem", "Problem"),
    "data.h_hint": _m("Was tun", "What to do"),
    "data.sev_error": _m("Fehler", "error"),
    "data.sev_warning": _m("Warnung", "warning"),
    "data.sev_info": _m("Hinweis", "info"),
    # ---------------------------------------------------------------- templates
    "data.tpl_title": _m("Kundenordner", "Client folder"),
}

# template header labels ("data.col.<table>.<column>") and explanation rows ("data.help....")
_COLUMNS: dict[str, dict[str, tuple[str, str, str, str]]] = {
    # table -> column -> (de label, en label, de help, en help)
    "customers": {
        "customer_id": (
            "Kundennummer",
            "Customer ID",
            "Pflicht; eindeutig, als Text (führende Nullen bleiben)",
            "required; unique, as text (leading zeros kept)",
        ),
        "name": ("Kundenname", "Customer name", "Pflicht", "required"),
        "industry": ("Branche", "Industry", "optional", "optional"),
        "region": (
            "Region",
            "Region",
            "optional, z. B. Verkaufsgebiet",
            "optional, e.g. sales territory",
        ),
        "country": ("Land", "Country", "optional", "optional"),
        "is_key_account": ("Key Account", "Key account", "ja/nein", "yes/no"),
        "account_manager": ("Betreuer", "Account manager", "optional", "optional"),
        "customer_since": ("Kunde seit", "Customer since", "Datum TT.MM.JJJJ", "date YYYY-MM-DD"),
        "potential": (
            "Potenzial (€/Jahr)",
            "Potential (€/year)",
            "Jahresbedarf des Kunden in unseren Sortimenten, €",
            "customer's annual demand for our categories, €",
        ),
    },
    "sales": {
        "date": ("Rechnungsdatum", "Invoice date", "Pflicht; TT.MM.JJJJ", "required; YYYY-MM-DD"),
        "customer_id": (
            "Kundennummer",
            "Customer ID",
            "Pflicht; wie im Kundenstamm",
            "required; as in the customer master",
        ),
        "net_revenue": (
            "Nettoumsatz",
            "Net revenue",
            "Pflicht; €, Gutschriften negativ",
            "required; €, credit notes negative",
        ),
        "contribution_margin": (
            "Deckungsbeitrag",
            "Contribution margin",
            "€, leer wenn unbekannt",
            "€, empty if unknown",
        ),
        "invoice_id": (
            "Rechnungsnummer",
            "Invoice number",
            "für die Dublettenprüfung",
            "for the duplicate check",
        ),
        "line_no": (
            "Position",
            "Line no",
            "Positionsnummer in der Rechnung",
            "line number within the invoice",
        ),
        "article_id": ("Artikelnummer", "Article no", "optional", "optional"),
        "product_group": ("Warengruppe", "Product group", "optional", "optional"),
        "quantity": ("Menge", "Quantity", "optional", "optional"),
    },
    "activities": {
        "customer_id": ("Kundennummer", "Customer ID", "Pflicht", "required"),
        "year": ("Jahr", "Year", "Pflicht, z. B. 2025", "required, e.g. 2025"),
        "visits": ("Besuche", "Visits", "Anzahl im Jahr", "count per year"),
        "calls": ("Anrufe", "Calls", "Anzahl im Jahr", "count per year"),
        "orders": ("Aufträge", "Orders", "Anzahl im Jahr", "count per year"),
        "deliveries": ("Lieferungen", "Deliveries", "Anzahl im Jahr", "count per year"),
        "complaints": ("Reklamationen", "Complaints", "Anzahl im Jahr", "count per year"),
        "returns": ("Retouren", "Returns", "Anzahl im Jahr", "count per year"),
        "quotes": ("Angebote", "Quotes", "Anzahl im Jahr", "count per year"),
    },
    "ratings": {
        "customer_id": ("Kundennummer", "Customer ID", "Pflicht", "required"),
        "criterion": (
            "Kriterium",
            "Criterion",
            "Pflicht; Kriterium-ID aus client.yaml",
            "required; criterion id from client.yaml",
        ),
        "rating": (
            "Bewertung",
            "Rating",
            "Pflicht; 1 (schwach) bis 5 (stark)",
            "required; 1 (weak) to 5 (strong)",
        ),
        "rated_on": ("Bewertet am", "Rated on", "Datum", "date"),
        "rated_by": ("Bewertet von", "Rated by", "Name", "name"),
    },
    "contacts": {
        "customer_id": ("Kundennummer", "Customer ID", "Pflicht", "required"),
        "contact_name": ("Ansprechpartner", "Contact name", "Pflicht", "required"),
        "role": (
            "Rolle",
            "Role",
            "Pflicht; decider, buyer, user, influencer, gatekeeper",
            "required; decider, buyer, user, influencer, gatekeeper",
        ),
        "influence": ("Einfluss", "Influence", "1 (gering) bis 5 (hoch)", "1 (low) to 5 (high)"),
        "attitude": (
            "Einstellung",
            "Attitude",
            "-2 (Gegner) bis +2 (Befürworter)",
            "-2 (opponent) to +2 (supporter)",
        ),
        "relationship": (
            "Beziehung",
            "Relationship",
            "1 (keine) bis 5 (sehr gut)",
            "1 (none) to 5 (very good)",
        ),
        "last_contact": ("Letzter Kontakt", "Last contact", "Datum", "date"),
    },
    "touchpoints": {
        "touchpoint": ("Kontaktpunkt", "Touchpoint", "Pflicht", "required"),
        "phase": (
            "Phase",
            "Phase",
            "Pflicht; Phase der Customer Journey",
            "required; customer-journey phase",
        ),
        "channel": ("Kanal", "Channel", "optional", "optional"),
        "owner": ("Verantwortlich", "Owner", "optional", "optional"),
        "segment": ("Segment", "Segment", "optional", "optional"),
        "importance": ("Wichtigkeit", "Importance", "Pflicht; 1 bis 5", "required; 1 to 5"),
        "ist": (
            "Ist",
            "Current (Ist)",
            "Pflicht; heutige Leistung 1 bis 5",
            "required; today's performance 1 to 5",
        ),
        "soll": (
            "Soll",
            "Target (Soll)",
            "Pflicht; Zielniveau 1 bis 5",
            "required; target level 1 to 5",
        ),
        "round": (
            "Erhebung",
            "Survey date",
            "Datum der Bewertungsrunde",
            "date of the rating round",
        ),
    },
    "lost_reasons": {
        "customer_id": ("Kundennummer", "Customer ID", "Pflicht", "required"),
        "reason": ("Verlustgrund", "Lost reason", "Pflicht", "required"),
        "lost_on": ("Verloren am", "Lost on", "Datum", "date"),
        "note": ("Notiz", "Note", "optional", "optional"),
    },
}

for _table, _cols in _COLUMNS.items():
    for _col, (_de, _en, _hde, _hen) in _cols.items():
        MESSAGES[f"data.col.{_table}.{_col}"] = _m(_de, _en)
        MESSAGES[f"data.help.{_table}.{_col}"] = _m(_hde, _hen)

# comments of the client.yaml written by `kam new` ("data.cfg.<key path>")
_CONFIG_COMMENTS: dict[str, tuple[str, str]] = {
    "name": (
        "Name des Kunden (Pflicht), erscheint auf jedem Deckblatt",
        "client name (required), shown on every cover",
    ),
    "language": ("Sprache der Ergebnisse: de | en", "deliverable language: de | en"),
    "currency": ("Währung (ISO-Code)", "currency (ISO code)"),
    "as_of": (
        "Stichtag JJJJ-MM-TT; leer = letztes Rechnungsdatum",
        "reference date YYYY-MM-DD; empty = last invoice date",
    ),
    "consultant": (
        "Beratung, die die Ergebnisse erstellt",
        "consulting firm producing the deliverables",
    ),
    "consultant.firm": ("Name der Beratung", "firm name"),
    "consultant.logo": (
        "Logo-Datei relativ zum Kundenordner, z. B. logo.png",
        "logo file relative to the client folder, e.g. logo.png",
    ),
    "overview": ("Modul Überblick", "overview module"),
    "overview.top_n": ("Kunden in der Top-Kunden-Tabelle", "customers in the top-customer table"),
    "overview.years": ("Jahre in den Jahresvergleichen", "years in the year-by-year tables"),
    "overview.lost_after_months": (
        "Monate ohne Kauf, ab denen ein Kunde als verloren gilt",
        "months without purchase after which a customer counts as lost",
    ),
    "portfolio": ("Modul Kundenportfolio", "customer portfolio module"),
    "portfolio.window_months": (
        "Analysezeitraum in Kalendermonaten bis zum Stichtag",
        "analysis window in calendar months ending with as_of",
    ),
    "portfolio.abc": ("ABC-Analyse", "ABC analysis"),
    "portfolio.abc.basis": ("revenue (Umsatz) | margin (Deckungsbeitrag)", "revenue | margin"),
    "portfolio.abc.cutoffs": (
        "kumulierte Anteile A|B und B|C (0-1)",
        "cumulative shares A|B and B|C (0-1)",
    ),
    "portfolio.xyz": ("XYZ-Analyse (Regelmäßigkeit)", "XYZ analysis (regularity)"),
    "portfolio.xyz.method": (
        "cv (Variationskoeffizient) | frequency (Bestellmonate)",
        "cv (coefficient of variation) | frequency (order months)",
    ),
    "portfolio.xyz.cutoffs": ("CV-Grenzen X|Y und Y|Z", "CV limits X|Y and Y|Z"),
    "portfolio.xyz.frequency_cutoffs": (
        "Anteil Bestellmonate für X und Y (0-1)",
        "share of order months for X and Y (0-1)",
    ),
    "portfolio.xyz.min_history_months": (
        "kürzere Kundenhistorie = 'neu'",
        "shorter customer history = 'new'",
    ),
    "portfolio.potential": (
        "Kriterien und Gewichte der Potenzialachse (werden auf 1 normiert)",
        "potential axis criteria and weights (normalised to 1)",
    ),
    "portfolio.attractiveness": (
        "Kriterien und Gewichte der Attraktivitätsachse",
        "attractiveness axis criteria and weights",
    ),
    "portfolio.zone_split": (
        "Trennlinie der Zonen je Achse (Punkte 0-100)",
        "zone split per axis (score 0-100)",
    ),
    "portfolio.zone_labels": (
        "Anzeigenamen der vier Zonen je Sprache",
        "display names of the four zones per language",
    ),
    "portfolio.key_account": ("Key-Account-Auswahl", "key-account selection"),
    "portfolio.key_account.weights": (
        "Kriterien und Gewichte der Key-Account-Bewertung",
        "key-account scoring criteria and weights",
    ),
    "portfolio.key_account.cut_score": (
        "Mindestpunktzahl (0-100) für Key Accounts",
        "minimum score (0-100) for key accounts",
    ),
    "portfolio.customer_types": ("Regeln der Kundentypen", "customer type rules"),
    "portfolio.customer_types.breadwinner_profit_share": (
        "Brotkunde: Anteil am Gesamt-DB (0-1)",
        "breadwinner: share of total margin (0-1)",
    ),
    "portfolio.customer_types.prospect_max_share_of_wallet": (
        "Hoffnungskunde: Lieferanteil unter diesem Wert (0-1)",
        "prospect: share of wallet below this (0-1)",
    ),
    "portfolio.customer_types.image_maker_min_rating": (
        "Imageträger: Mindestbewertung (1-5)",
        "image maker: minimum rating (1-5)",
    ),
    "portfolio.customer_types.expert_min_rating": (
        "Fachexperte: Mindestbewertung (1-5)",
        "expert: minimum rating (1-5)",
    ),
    "portfolio.customer_types.image_maker_criterion": (
        "Kriterium in ratings für Imageträger",
        "ratings criterion for image makers",
    ),
    "portfolio.customer_types.expert_criterion": (
        "Kriterium in ratings für Fachexperten",
        "ratings criterion for experts",
    ),
    "portfolio.breadwinner_profit_share": (
        "veraltet; leer lassen (siehe customer_types)",
        "legacy; leave empty (see customer_types)",
    ),
    "portfolio.sensitivity_step": (
        "relative Gewichtsänderung in der Sensitivitätsanalyse",
        "relative weight change in the sensitivity analysis",
    ),
    "portfolio.focus_programs": ("Fokusprogramme pro Jahr (1-4)", "focus programs per year (1-4)"),
    "portfolio.top_n": ("Zeilen in Ergebnistabellen", "rows in deliverable tables"),
}
for _key, (_de, _en) in _CONFIG_COMMENTS.items():
    MESSAGES[f"data.cfg.{_key}"] = _m(_de, _en)
MESSAGES["data.cfg_header"] = _m(
    "Einstellungen des Mandats. Alle Schlüssel außer 'name' sind optional; gezeigt sind die Standardwerte.",
    "Engagement settings. Every key except 'name' is optional; the values shown are the defaults.",
)

# singular forms, picked by kamlib.i18n.t when n == 1
MESSAGES["data.more_rows.one"] = _m(
    "… und 1 weitere Zeile: {message}",
    "… and 1 more row: {message}",
)
MESSAGES["data.duplicates_removed.one"] = _m(
    "1 doppelte Rechnungsposition (gleiche Rechnungsnummer und Position) entfernt, {amount}.",
    "1 duplicate invoice line (same invoice number and line) removed, {amount}.",
)
MESSAGES["data.possible_duplicates.one"] = _m(
    "1 Zeile ist identisch mit einer früheren Zeile (mögliche Dublette, behalten).",
    "1 row is identical to an earlier row (possible duplicate, kept).",
)
MESSAGES["data.credit_notes.one"] = _m(
    "1 Gutschriftzeile (negativ) verrechnet: {amount} ({share} des Bruttoumsatzes).",
    "1 credit-note line (negative) netted: {amount} ({share} of gross revenue).",
)
MESSAGES["data.margin_missing.one"] = _m(
    "1 Zeile ohne Deckungsbeitrag.",
    "1 line without contribution margin.",
)
MESSAGES["data.customers_without_sales.one"] = _m(
    "1 Kunde ohne Umsatzzeilen.",
    "1 customer without invoice lines.",
)
MESSAGES["data.q_credit.one"] = _m(
    "1 Gutschriftzeile verrechnet ({amount}).",
    "1 credit-note line netted ({amount}).",
)
MESSAGES["data.q_duplicates.one"] = _m(
    "1 doppelte Rechnungszeile entfernt ({amount}).",
    "1 duplicate invoice line removed ({amount}).",
)
MESSAGES["data.q_unknown.one"] = _m(
    "1 Rechnungszeile mit unbekannter Kundennummer ausgeschlossen ({amount}).",
    "1 invoice line with an unknown customer id excluded ({amount}).",
)
MESSAGES["data.q_without_sales.one"] = _m(
    "1 Kunde ohne Umsatz im Datenzeitraum.",
    "1 customer without revenue in the data period.",
)
MESSAGES["data.q_margin_missing.one"] = _m(
    "Deckungsbeitrag fehlt in 1 Zeile ({share}).",
    "Contribution margin missing in 1 line ({share}).",
)
MESSAGES["data.q_possible_duplicates.one"] = _m(
    "1 identische Zeile ohne Rechnungsnummer behalten (mögliche Dublette).",
    "1 identical row without invoice number kept (possible duplicate).",
)
MESSAGES["data.q_warnings.one"] = _m(
    "1 weiterer Hinweis zur Datenqualität (Details: kam validate).",
    "1 further data-quality warning (details: kam validate).",
)
