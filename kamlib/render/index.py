"""Index pages: ``reports/<client>/index.html`` (every deliverable of one client)
and ``reports/index.html`` (every client of a batch, linking to their pages).

Rebuilt from the files after each render (from ``metadata.kam`` of the kept
executed notebooks), so a partial re-render keeps the other deliverables listed.
The markup comes from autoescaping templates (``templates/kam/parts``); links
are relative and percent-encoded per path segment.
"""

from __future__ import annotations

import urllib.parse
from dataclasses import dataclass
from pathlib import Path

from kamlib.deliverable import DeliverableMeta
from kamlib.i18n import fmt_date, fmt_period, t
from kamlib.markup import render
from kamlib.modules import MODULES
from kamlib.render.meta import read_notebook_meta

INDEX_NAME = "index.html"
FAILED_SUFFIX = ".failed.ipynb"


@dataclass
class IndexEntry:
    """One deliverable (module + language) found in a client's report folder."""

    meta: DeliverableMeta
    html: Path | None
    pdf: Path | None
    #: the newer failed run's metadata, if the last re-render failed
    failed: DeliverableMeta | None = None
    #: path segments of the notebook below the client folder (``lang``, [module,] name)
    parts: tuple[str, ...] = ()


def collect_entries(client_out: Path) -> list[IndexEntry]:
    """Deliverables in ``client_out``, in module order.

    ``<lang>/<module>.{ipynb,html,pdf}`` per module, and for per-account modules
    ``<lang>/<module>/<id>.{…}`` per key account, listed after the module's cover.
    """
    entries = []
    paths = [*client_out.glob("*/*.ipynb"), *client_out.glob("*/*/*.ipynb")]
    for nb_path in sorted(paths):
        if nb_path.name.endswith(FAILED_SUFFIX) or nb_path.name.startswith("."):
            continue
        meta = read_notebook_meta(nb_path)
        html_path = nb_path.with_suffix(".html")
        pdf_path = nb_path.with_suffix(".pdf")
        if meta is None or not (html_path.exists() or pdf_path.exists()):
            continue
        failed_path = nb_path.with_name(nb_path.stem + FAILED_SUFFIX)
        failed = read_notebook_meta(failed_path) if failed_path.exists() else None
        entries.append(
            IndexEntry(
                meta,
                html_path if html_path.exists() else None,
                pdf_path if pdf_path.exists() else None,
                failed,
                nb_path.relative_to(client_out).parent.parts,
            )
        )
    order = {key: i for i, key in enumerate(MODULES)}
    entries.sort(
        key=lambda e: (
            order.get(e.meta.module, len(order)),
            e.meta.module,
            e.meta.lang,
            bool(e.meta.customer_id),
            e.meta.subject.casefold(),
            e.meta.customer_id,
        )
    )
    return entries


def _segment(name: str) -> str:
    quoted = urllib.parse.quote(name, safe="")
    return quoted.replace(".", "%2E") if quoted in (".", "..") else quoted


def relative_href(*segments: str) -> str:
    """A relative link made of path ``segments``, each percent-encoded.

    ``relative_href("javascript:alert(1)", "index.html")`` ->
    ``javascript%3Aalert%281%29/index.html``: a client folder name can never
    become a scheme, a parent path or an attribute break.
    """
    return "/".join(_segment(s) for s in segments)


def index_html(entries: list[IndexEntry], client_name: str, lang: str, firm: str = "") -> str:
    """The index page markup (self-contained: inline CSS, relative links only)."""
    rows = []
    for e in entries:
        m = e.meta
        links = [
            (label, kind, relative_href(*(e.parts or (m.lang,)), path.name))
            for label, kind, path in (("HTML", "html", e.html), ("PDF", "pdf", e.pdf))
            if path
        ]
        warn = (
            t("render.index_last_failed", lang, date=fmt_date(e.failed.created, lang))
            if e.failed is not None
            else ""
        )
        rows.append(
            {
                "module": m.display_title,
                "sub": bool(m.customer_id),
                "language": t(f"render.lang_{m.lang}", lang),
                "links": links,
                "warn": warn,
                "as_of": fmt_date(m.as_of, lang),
                "period": fmt_period(*m.data_period, lang) if m.data_period else "–",
                "created": fmt_date(m.created, lang),
            }
        )
    head = [
        t(k, lang)
        for k in (
            "render.index_module",
            "render.index_language",
            "render.index_documents",
            "common.as_of",
            "common.data_period",
            "render.index_rendered",
        )
    ]
    return (
        render(
            "index_client.html.j2",
            lang=lang,
            title=f"{client_name} — {t('render.index_title', lang)}",
            kicker=t("render.index_title", lang),
            client=client_name,
            intro=t("render.index_intro", lang, client=client_name),
            head=head,
            rows=rows,
            empty=t("render.index_empty", lang),
            firm=firm,
        )
        + "\n"
    )


def write_index(client_out: Path, client_name: str, lang: str, firm: str = "") -> Path:
    """(Re)write ``client_out/index.html`` from the deliverables present; returns its path."""
    client_out.mkdir(parents=True, exist_ok=True)
    entries = collect_entries(client_out)
    if entries:  # the notebooks know the current name and firm best
        client_name = entries[-1].meta.client or client_name
        firm = entries[-1].meta.consultant_firm or firm
    path = client_out / INDEX_NAME
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_text(index_html(entries, client_name, lang, firm), encoding="utf-8")
    tmp.replace(path)
    return path


def collect_clients(out_dir: Path) -> list[tuple[Path, list[IndexEntry]]]:
    """Client report folders below ``out_dir`` that have deliverables, by client name."""
    clients = []
    for folder in sorted(p for p in out_dir.iterdir() if p.is_dir() and not p.name.startswith(".")):
        entries = collect_entries(folder)
        if entries:
            clients.append((folder, entries))
    clients.sort(key=lambda c: (c[1][-1].meta.client or c[0].name).casefold())
    return clients


def batch_index_html(clients: list[tuple[Path, list[IndexEntry]]], lang: str) -> str:
    """The page listing every client of ``reports/`` (self-contained, relative links)."""
    rows = []
    for folder, entries in clients:
        failed = sum(1 for e in entries if e.failed is not None)
        langs = sorted({e.meta.lang for e in entries})
        as_of = max((e.meta.as_of for e in entries if e.meta.as_of), default=None)
        rows.append(
            {
                "href": relative_href(folder.name, INDEX_NAME),
                "name": entries[-1].meta.client or folder.name,
                "warn": t("render.batch_failed", lang, n=failed) if failed else "",
                "modules": ", ".join(dict.fromkeys(e.meta.module_title for e in entries)),
                "languages": ", ".join(t(f"render.lang_{code}", lang) for code in langs),
                "as_of": fmt_date(as_of, lang),
                "created": fmt_date(max(e.meta.created for e in entries), lang),
            }
        )
    head = [
        t(k, lang)
        for k in (
            "render.batch_client",
            "render.batch_modules",
            "render.index_language",
            "common.as_of",
            "render.index_rendered",
        )
    ]
    return (
        render(
            "index_batch.html.j2",
            lang=lang,
            title=t("render.batch_title", lang),
            kicker=t("render.index_title", lang),
            intro=t("render.batch_intro", lang, n=len(rows)),
            head=head,
            rows=rows,
            empty=t("render.batch_empty", lang),
        )
        + "\n"
    )


def batch_language(clients: list[tuple[Path, list[IndexEntry]]], fallback: str) -> str:
    """The language of the all-clients page: the deliverables' one when they share it.

    A batch of German clients gets a German page whatever the console's
    language; a mixed batch gets ``fallback`` (the console language).
    """
    langs = {e.meta.lang for _folder, entries in clients for e in entries}
    return langs.pop() if len(langs) == 1 else fallback


def write_batch_index(out_dir: Path, lang: str) -> Path:
    """(Re)write ``out_dir/index.html`` listing every client with deliverables.

    ``lang`` is used when the clients' deliverables are in more than one language.
    """
    out_dir.mkdir(parents=True, exist_ok=True)
    path = out_dir / INDEX_NAME
    tmp = path.with_name(path.name + ".tmp")
    clients = collect_clients(out_dir)
    tmp.write_text(batch_index_html(clients, batch_language(clients, lang)), encoding="utf-8")
    tmp.replace(path)
    return path
