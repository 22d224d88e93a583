"""Texts of the hardened data layer: files outside the client folder, dates,
currencies, magnitudes, broken files and duplicate ratings (issue 9)."""

from __future__ import annotations


def _m(de: str, en: str) -> dict[str, str]:
    return {"de": de, "en": en}


MESSAGES: dict[str, dict[str, str]] = {
    # several sentences joined into one problem text (each part translated on its own)
    "data.h9_join": _m("{parts}", "{parts}"),
    # ---------------------------------------------------------------- outside the folder
    "data.h9_outside": _m(
        "Die Datei verweist auf einen Ort außerhalb des Kundenordners (Verknüpfung) und wird nicht gelesen.",
        "The file points to a place outside the client folder (a link) and is not read.",
    ),
    "data.h9_outside_hint": _m(
        "Kopieren Sie die Datei selbst in den Kundenordner, statt eine Verknüpfung abzulegen.",
        "Copy the file itself into the client folder instead of a link to it.",
    ),
    # ---------------------------------------------------------------- dates
    "data.cfg.date_formats": _m(
        'Datumsformat je Tabelle, falls die Daten Tag und Monat nicht erkennen lassen, z. B. {sales: "%m/%d/%Y"}',
        'date format per table when the data do not show day and month order, e.g. {sales: "%m/%d/%Y"}',
    ),
    "data.h9_date_contradicts": _m(
        "Die Datumsangaben dieser Spalte widersprechen sich: manche haben den Tag vorn, manche den Monat (z. B. {examples}).",
        "The dates in this column contradict each other: some have the day first, some the month (e.g. {examples}).",
    ),
    "data.h9_date_ambiguous": _m(
        "Bei keinem Datum dieser Spalte ist erkennbar, ob Tag oder Monat vorn steht (z. B. {examples}); die Spalte wird nicht geraten.",
        "No date in this column shows whether the day or the month comes first (e.g. {examples}); the column is not guessed.",
    ),
    "data.h9_date_hint": _m(
        "In client.yaml festlegen, z. B. 'date_formats: {{{table}: \"{month_first}\"}}' (Monat vorn) oder '\"{day_first}\"' (Tag vorn).",
        "Settle it in client.yaml, e.g. 'date_formats: {{{table}: \"{month_first}\"}}' (month first) or '\"{day_first}\"' (day first).",
    ),
    "data.h9_date_format_mismatch": _m(
        "Datum passt nicht zum Format '{format}' aus client.yaml (date_formats.{table}).",
        "Date does not match the format '{format}' from client.yaml (date_formats.{table}).",
    ),
    # ---------------------------------------------------------------- amounts
    "data.h9_foreign_currency": _m(
        "Betrag in einer anderen Währung ({found}); die Kundenwährung ist {currency}. Beträge werden nicht umgerechnet.",
        "Amount in another currency ({found}); the client's currency is {currency}. Amounts are not converted.",
    ),
    "data.h9_foreign_currency_hint": _m(
        "Beträge in {currency} exportieren oder 'currency' in client.yaml korrigieren.",
        "Export the amounts in {currency} or correct 'currency' in client.yaml.",
    ),
    "data.h9_too_large": _m(
        "Wert über {limit} (Betrag oder Anzahl) in einer Zeile: wird nicht verwendet.",
        "Value above {limit} (amount or count) in one line: not used.",
    ),
    "data.h9_too_large_hint": _m(
        "Wert prüfen (Tausendertrennzeichen, Einheit, Exportfehler).",
        "Check the value (thousands separators, unit, export error).",
    ),
    # ---------------------------------------------------------------- broken files
    "data.h9_nul_bytes": _m(
        "Die Datei enthält Null-Bytes (beschädigte oder falsch kodierte Zeile); {n} Zeile(n) betroffen.",
        "The file contains NUL bytes (a damaged or wrongly encoded line); {n} row(s) affected.",
    ),
    "data.h9_nul_bytes.one": _m(
        "Die Datei enthält Null-Bytes (beschädigte oder falsch kodierte Zeile).",
        "The file contains NUL bytes (a damaged or wrongly encoded line).",
    ),
    "data.h9_nul_bytes_hint": _m(
        "Exportieren Sie die Tabelle erneut oder speichern Sie sie in Excel als CSV (UTF-8).",
        "Export the table again or save it from Excel as CSV (UTF-8).",
    ),
    "data.h9_open_quote": _m(
        "Ein Anführungszeichen in dieser Zeile wird nicht geschlossen und verschluckt die {n} folgenden Zeilen.",
        "A quote opened in this row is not closed and swallows the {n} rows after it.",
    ),
    "data.h9_open_quote.one": _m(
        "Ein Anführungszeichen in dieser Zeile wird nicht geschlossen und verschluckt die folgende Zeile.",
        "A quote opened in this row is not closed and swallows the row after it.",
    ),
    "data.h9_open_quote_hint": _m(
        'Das Anführungszeichen entfernen oder schließen ("" für ein Anführungszeichen im Text); die verschluckten Zeilen fehlen sonst.',
        'Remove or close the quote ("" for a quote inside a text); otherwise the swallowed rows are missing.',
    ),
    "data.h9_excel_error": _m(
        "Excel-Fehlerwert {code}: die Formel in dieser Zelle hat kein gültiges Ergebnis.",
        "Excel error value {code}: the formula in this cell has no valid result.",
    ),
    "data.h9_excel_error_hint": _m(
        "Formel in Excel korrigieren oder die Zelle mit einem Wert füllen.",
        "Correct the formula in Excel or fill the cell with a value.",
    ),
    "data.h9_yaml_broken": _m(
        "Kein gültiges YAML (Zeile {line}, Spalte {column}): {problem}",
        "Not valid YAML (line {line}, column {column}): {problem}",
    ),
    # ---------------------------------------------------------------- ratings
    "data.h9_rating_twice": _m(
        "Kunde und Kriterium sind für dasselbe Datum mehrfach bewertet; der Mittelwert wird verwendet.",
        "Customer and criterion are rated more than once for the same date; their mean is used.",
    ),
    "data.h9_rating_twice_hint": _m(
        "Doppelte Bewertung löschen oder ein Datum ('rated_on') ergänzen.",
        "Delete the double rating or add a date ('rated_on').",
    ),
}
