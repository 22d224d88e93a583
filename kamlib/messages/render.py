"""Texts of the renderer: cover, index page, console summary and render errors."""

MESSAGES: dict[str, dict[str, str]] = {
    # cover / running header and footer
    "render.page_x_of_y": {"de": "Seite {page} von {pages}", "en": "Page {page} of {pages}"},
    "render.created_on": {"de": "Erstellt am", "en": "Date"},
    # client index page
    "render.index_title": {"de": "Deliverables", "en": "Deliverables"},
    "render.index_intro": {
        "de": "Alle erstellten Ergebnisdokumente für {client}. Jedes Modul gibt es als "
        "Webseite (HTML) und als druckfertiges PDF.",
        "en": "All deliverables produced for {client}. Each module is available as a web "
        "page (HTML) and as a print-ready PDF.",
    },
    "render.index_module": {"de": "Modul", "en": "Module"},
    "render.index_language": {"de": "Sprache", "en": "Language"},
    "render.index_documents": {"de": "Dokumente", "en": "Documents"},
    "render.index_rendered": {"de": "Erstellt am", "en": "Rendered"},
    "render.index_empty": {
        "de": "Noch keine Deliverables vorhanden.",
        "en": "No deliverables yet.",
    },
    "render.index_last_failed": {
        "de": "Letzte Aktualisierung fehlgeschlagen ({date}); gezeigt wird der letzte gute Stand.",
        "en": "Last update failed ({date}); the last good version is shown.",
    },
    "render.batch_title": {"de": "Alle Mandanten", "en": "All clients"},
    "render.batch_intro": {
        "de": "Ergebnisdokumente von {n} Mandanten. Ein Klick auf den Namen öffnet die "
        "Übersicht des Mandanten mit allen Modulen als HTML und PDF.",
        "en": "Deliverables of {n} clients. Click a name to open that client's page with "
        "every module as HTML and PDF.",
    },
    "render.batch_intro.one": {
        "de": "Ergebnisdokumente von 1 Mandanten. Ein Klick auf den Namen öffnet die "
        "Übersicht des Mandanten mit allen Modulen als HTML und PDF.",
        "en": "Deliverables of 1 client. Click the name to open the client's page with "
        "every module as HTML and PDF.",
    },
    "render.batch_client": {"de": "Mandant", "en": "Client"},
    "render.batch_modules": {"de": "Module", "en": "Modules"},
    "render.batch_failed": {
        "de": "{n} Modul(e): letzte Aktualisierung fehlgeschlagen",
        "en": "{n} module(s): last update failed",
    },
    "render.batch_empty": {
        "de": "Noch keine Ergebnisdokumente. Erstellen mit: kam render client_data/*",
        "en": "No deliverables yet. Create them with: kam render client_data/*",
    },
    "render.lang_de": {"de": "Deutsch", "en": "German"},
    "render.lang_en": {"de": "Englisch", "en": "English"},
    # console: statuses and summary
    "render.status_ok": {"de": "ok", "en": "ok"},
    "render.status_skipped": {"de": "übersprungen", "en": "skipped"},
    "render.status_data_error": {"de": "Datenfehler", "en": "data error"},
    "render.status_failed": {"de": "fehlgeschlagen", "en": "failed"},
    "render.col_client": {"de": "Kunde", "en": "Client"},
    "render.col_module": {"de": "Modul", "en": "Module"},
    "render.col_lang": {"de": "Spr.", "en": "Lang"},
    "render.col_status": {"de": "Status", "en": "Status"},
    "render.col_seconds": {"de": "Sek.", "en": "Sec."},
    "render.col_result": {"de": "Ergebnis", "en": "Result"},
    "render.summary_totals": {
        "de": "{total} Deliverable(s): {ok} ok, {skipped} übersprungen, {data_error} Datenfehler, "
        "{failed} fehlgeschlagen — {seconds} s mit {workers} Worker(n)",
        "en": "{total} deliverable(s): {ok} ok, {skipped} skipped, {data_error} data error, "
        "{failed} failed — {seconds} s with {workers} worker(s)",
    },
    "render.summary_batch_index": {
        "de": "Alle Mandanten: {path}",
        "en": "All clients: {path}",
    },
    "render.summary_index": {
        "de": "Übersicht je Kunde: {paths}",
        "en": "Index per client: {paths}",
    },
    "render.progress": {"de": "Rendern", "en": "Rendering"},
    # errors (one line each; details are in the executed notebook)
    "render.failed_cell": {
        "de": "Kunde {client}, Modul {module}, Zelle {cell}: {ename}: {evalue}",
        "en": "client {client}, module {module}, cell {cell}: {ename}: {evalue}",
    },
    "render.failed_other": {
        "de": "Kunde {client}, Modul {module}: {ename}: {evalue}",
        "en": "client {client}, module {module}: {ename}: {evalue}",
    },
    "render.details_in": {"de": "Details: {path}", "en": "details: {path}"},
    "render.data_error": {
        "de": "Kunde {client}, Modul {module}: Die Kundendaten haben Fehler — {summary}",
        "en": "client {client}, module {module}: the client data has errors — {summary}",
    },
    "render.data_error_hint": {
        "de": "Vollständige Liste mit Datei, Zeile und Spalte: kam validate {client_dir}",
        "en": "Full list with file, row and column: kam validate {client_dir}",
    },
    "render.config_error": {
        "de": "Kunde {client}: client.yaml ist ungültig — {summary}",
        "en": "client {client}: client.yaml is invalid — {summary}",
    },
    "render.missing_required": {
        "de": "Kunde {client}, Modul {module}: benötigt {tables} — nicht gefunden in {client_dir} "
        "(als .csv, .xlsx oder .xls)",
        "en": "client {client}, module {module}: needs {tables} — not found in {client_dir} "
        "(as .csv, .xlsx or .xls)",
    },
    "render.skipped_missing": {
        "de": "Kunde {client}, Modul {module} übersprungen: benötigt {tables} — nicht gefunden in "
        "{client_dir} (als .csv, .xlsx oder .xls)",
        "en": "client {client}, module {module} skipped: needs {tables} — not found in "
        "{client_dir} (as .csv, .xlsx or .xls)",
    },
    "render.notebook_missing": {
        "de": "Modul {module}: Notebook {path} fehlt",
        "en": "module {module}: notebook {path} is missing",
    },
    "render.dask_missing": {
        "de": "Für --scheduler wird Dask benötigt: pip install 'kam-workbook-kit[dask]'",
        "en": "--scheduler needs Dask: pip install 'kam-workbook-kit[dask]'",
    },
    "render.worker_lost": {
        "de": "Kunde {client}, Modul {module}: Worker-Prozess abgebrochen ({error})",
        "en": "client {client}, module {module}: worker process died ({error})",
    },
}
