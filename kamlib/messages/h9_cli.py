"""Texts of the command-line checks, safe output writing, Ctrl-C and the as_of check."""

MESSAGES: dict[str, dict[str, str]] = {
    # ---------------------------------------------------------------- usage errors (exit 2)
    "h9.cli.error": {"de": "Fehler: {message}", "en": "Error: {message}"},
    "h9.cli.bad_jobs": {
        "de": "--jobs erwartet 0 (ein Prozess je CPU-Kern) oder eine positive Zahl, nicht {value}",
        "en": "--jobs takes 0 (one process per CPU core) or a positive number, not {value}",
    },
    "h9.cli.bad_as_of": {
        "de": "--as-of erwartet ein Datum JJJJ-MM-TT, das es gibt (z. B. 2026-06-30), "
        "nicht '{value}'",
        "en": "--as-of takes an existing date as YYYY-MM-DD (e.g. 2026-06-30), not '{value}'",
    },
    "h9.cli.bad_format": {
        "de": "--format erwartet html, pdf oder html,pdf",
        "en": "--format takes html, pdf or html,pdf",
    },
    "h9.cli.bad_lang": {"de": "--lang erwartet de oder en", "en": "--lang takes de or en"},
    "h9.cli.bad_table_suffix": {
        "de": "{option} muss auf .xlsx oder .csv enden: {path}",
        "en": "{option} must end in .xlsx or .csv: {path}",
    },
    "h9.cli.out_in_client": {
        "de": "{option} {path} liegt im Kundenordner {client_dir}; dort schreibt das Kit nie. "
        "Bitte einen Ort außerhalb wählen (z. B. reports/).",
        "en": "{option} {path} lies inside the client folder {client_dir}; the kit never "
        "writes there. Choose a place outside it (e.g. reports/).",
    },
    # ---------------------------------------------------------------- output (exit 1)
    "h9.out.unwritable": {
        "de": "Ausgabeordner {path} ist nicht beschreibbar ({reason}); nichts wurde erzeugt.",
        "en": "Cannot write to the output folder {path} ({reason}); nothing was produced.",
    },
    "h9.out.write_failed": {
        "de": "Kunde {client}, Modul {module}: {path} konnte nicht geschrieben werden ({reason})",
        "en": "client {client}, module {module}: could not write {path} ({reason})",
    },
    "h9.out.index_failed": {
        "de": "Übersichtsseite {path} konnte nicht geschrieben werden ({reason})",
        "en": "Could not write the index page {path} ({reason})",
    },
    "h9.out.file_failed": {
        "de": "{path} konnte nicht geschrieben werden ({reason}); keine halbe Datei zurückgelassen.",
        "en": "Could not write {path} ({reason}); no partial file was left behind.",
    },
    "h9.render.interrupted": {
        "de": "Abgebrochen (Strg+C): laufende Kernels beendet, nichts halb geschrieben; "
        "{done} von {total} Deliverable(s) waren fertig.",
        "en": "Interrupted (Ctrl-C): running kernels stopped, nothing half-written; "
        "{done} of {total} deliverable(s) had finished.",
    },
    # ---------------------------------------------------------------- pre-check (exit 1)
    "h9.render.data_errors": {
        "de": "Kunde {client}: die Kundendaten haben {n} Fehler — {first}",
        "en": "client {client}: the client data has {n} errors — {first}",
    },
    "h9.render.data_errors.one": {
        "de": "Kunde {client}: die Kundendaten haben einen Fehler — {first}",
        "en": "client {client}: the client data has one error — {first}",
    },
    "h9.render.optional_errors": {
        "de": "{n} Datenfehler in {files}; das Deliverable wurde ohne diese Angaben erstellt — "
        "Liste: kam validate {client_dir}",
        "en": "{n} data errors in {files}; the deliverable was made without that input — "
        "list: kam validate {client_dir}",
    },
    "h9.render.optional_errors.one": {
        "de": "Ein Datenfehler in {files}; das Deliverable wurde ohne diese Angaben erstellt — "
        "Details: kam validate {client_dir}",
        "en": "One data error in {files}; the deliverable was made without that input — "
        "details: kam validate {client_dir}",
    },
    "h9.as_of.outside": {
        "de": "Kunde {client}: Stichtag {as_of} liegt außerhalb der Daten — im Analysefenster "
        "{start} bis {as_of} gibt es keine Umsatzzeile; die Umsätze reichen von {first} bis "
        "{last}. Bitte einen Stichtag in diesem Bereich wählen (--as-of oder as_of in "
        "client.yaml).",
        "en": "client {client}: as_of {as_of} lies outside the data — there is no sales line "
        "in its analysis window {start} to {as_of}; the sales data runs from {first} to {last}. "
        "Choose an as_of in that range (--as-of or as_of in client.yaml).",
    },
    "h9.as_of.no_sales": {
        "de": "Kunde {client}: die Umsatzdaten enthalten keine Zeile mit Datum; es gibt nichts "
        "auszuwerten.",
        "en": "client {client}: the sales data holds no dated line; there is nothing to analyse.",
    },
}
