"""Index pages: ``reports/<client>/index.html`` (every deliverable of one client)
and ``reports/index.html`` (every client of a batch, linking to their pages).

Rebuilt from the files after each render (from ``metadata.kam`` of the kept
executed notebooks), so a partial re-render keeps the other deliverables listed.
"""

from __future__ import annotations

import html
from dataclasses import dataclass
from pathlib import Path

from kamlib.deliverable import DeliverableMeta
from kamlib.i18n import fmt_date, fmt_period, t
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


def collect_entries(client_out: Path) -> list[IndexEntry]:
    """Deliverables in ``client_out`` (``<lang>/<module>.{ipynb,html,pdf}``), module order."""
    entries = []
    for nb_path in sorted(client_out.glob("*/*.ipynb")):
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
            )
        )
    order = {key: i for i, key in enumerate(MODULES)}
    entries.sort(key=lambda e: (order.get(e.meta.module, len(order)), e.meta.module, e.meta.lang))
    return entries


_CSS = """
* { box-sizing: border-box; }
body { margin: 0; background: #eef1f5; color: #1d2733; font: 15px/1.5 "Liberation Sans",
  "DejaVu Sans", Arial, Helvetica, sans-serif; }
main { max-width: 1000px; margin: 24px auto; background: #fff; border-radius: 4px;
  box-shadow: 0 1px 4px rgba(20,40,70,.12); overflow: hidden; padding-bottom: 28px; }
header { background: linear-gradient(120deg, #1F4E79 0%, #24608f 70%, #2E86AB 100%); color: #fff;
  padding: 28px 40px 22px; border-bottom: 5px solid #F18F01; }
header .kicker { font-size: 13px; letter-spacing: .08em; text-transform: uppercase; opacity: .8; }
header h1 { margin: 4px 0 0; font-size: 28px; }
p.intro { margin: 20px 40px 8px; color: #5f6b7a; }
table { width: calc(100% - 80px); margin: 12px 40px; border-collapse: collapse; font-size: 14px; }
th { text-align: left; background: #1F4E79; color: #fff; padding: 8px 10px; font-weight: 600; }
td { padding: 9px 10px; border-bottom: 1px solid #dfe4ea; vertical-align: top; }
tr:nth-child(even) td { background: #f7f9fb; }
td.module { font-weight: 700; color: #1F4E79; }
a.doc { display: inline-block; padding: 2px 10px; margin-right: 6px; border-radius: 3px;
  background: #2E86AB; color: #fff; text-decoration: none; font-size: 13px; font-weight: 600; }
a.doc.pdf { background: #F18F01; }
.warn { display: block; margin-top: 4px; font-size: 12px; color: #C73E1D; }
.empty { margin: 20px 40px; color: #5f6b7a; }
footer { text-align: center; color: #5f6b7a; font-size: 12px; margin-bottom: 30px; }
"""


def _e(text: object) -> str:
    return html.escape("" if text is None else str(text))


def index_html(entries: list[IndexEntry], client_name: str, lang: str, firm: str = "") -> str:
    """The index page markup (self-contained: inline CSS, relative links only)."""
    rows = []
    for e in entries:
        m = e.meta
        links = []
        if e.html:
            links.append(f'<a class="doc html" href="{_e(m.lang)}/{_e(e.html.name)}">HTML</a>')
        if e.pdf:
            links.append(f'<a class="doc pdf" href="{_e(m.lang)}/{_e(e.pdf.name)}">PDF</a>')
        warn = ""
        if e.failed is not None:
            note = t("render.index_last_failed", lang, date=fmt_date(e.failed.created, lang))
            warn = f'<span class="warn">{_e(note)}</span>'
        period = fmt_period(*m.data_period, lang) if m.data_period else "–"
        rows.append(
            f'<tr><td class="module">{_e(m.module_title)}</td>'
            f"<td>{_e(t(f'render.lang_{m.lang}', lang))}</td>"
            f"<td>{''.join(links)}{warn}</td>"
            f"<td>{fmt_date(m.as_of, lang)}</td><td>{_e(period)}</td>"
            f"<td>{fmt_date(m.created, lang)}</td></tr>"
        )
    head = "".join(
        f"<th>{_e(t(k, lang))}</th>"
        for k in (
            "render.index_module",
            "render.index_language",
            "render.index_documents",
            "common.as_of",
            "common.data_period",
            "render.index_rendered",
        )
    )
    body = (
        f"<table><thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table>"
        if rows
        else f'<p class="empty">{_e(t("render.index_empty", lang))}</p>'
    )
    title = f"{client_name} — {t('render.index_title', lang)}"
    footer = f"<footer>{_e(firm)}</footer>" if firm else ""
    return (
        f'<!DOCTYPE html>\n<html lang="{lang}"><head><meta charset="utf-8">'
        f'<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{_e(title)}</title><style>{_CSS}</style></head><body><main>"
        f'<header><div class="kicker">{_e(t("render.index_title", lang))}</div>'
        f"<h1>{_e(client_name)}</h1></header>"
        f'<p class="intro">{_e(t("render.index_intro", lang, client=client_name))}</p>'
        f"{body}</main>{footer}</body></html>\n"
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
        name = entries[-1].meta.client or folder.name
        modules = list(dict.fromkeys(e.meta.module_title for e in entries))
        langs = sorted({e.meta.lang for e in entries})
        as_of = max((e.meta.as_of for e in entries if e.meta.as_of), default=None)
        created = max(e.meta.created for e in entries)
        failed = sum(1 for e in entries if e.failed is not None)
        warn = (
            f'<span class="warn">{_e(t("render.batch_failed", lang, n=failed))}</span>'
            if failed
            else ""
        )
        rows.append(
            f'<tr><td class="module"><a href="{_e(folder.name)}/{INDEX_NAME}">{_e(name)}</a>'
            f"{warn}</td><td>{_e(', '.join(modules))}</td>"
            f"<td>{_e(', '.join(t(f'render.lang_{code}', lang) for code in langs))}</td>"
            f"<td>{fmt_date(as_of, lang)}</td><td>{fmt_date(created, lang)}</td></tr>"
        )
    head = "".join(
        f"<th>{_e(t(k, lang))}</th>"
        for k in (
            "render.batch_client",
            "render.batch_modules",
            "render.index_language",
            "common.as_of",
            "render.index_rendered",
        )
    )
    body = (
        f"<table><thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table>"
        if rows
        else f'<p class="empty">{_e(t("render.batch_empty", lang))}</p>'
    )
    title = t("render.batch_title", lang)
    return (
        f'<!DOCTYPE html>\n<html lang="{lang}"><head><meta charset="utf-8">'
        f'<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{_e(title)}</title><style>{_CSS}a {{ color: #1F4E79; }}</style></head>"
        f'<body><main><header><div class="kicker">{_e(t("render.index_title", lang))}</div>'
        f"<h1>{_e(title)}</h1></header>"
        f'<p class="intro">{_e(t("render.batch_intro", lang, n=len(rows)))}</p>'
        f"{body}</main></body></html>\n"
    )


def write_batch_index(out_dir: Path, lang: str) -> Path:
    """(Re)write ``out_dir/index.html`` listing every client with deliverables."""
    out_dir.mkdir(parents=True, exist_ok=True)
    path = out_dir / INDEX_NAME
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_text(batch_index_html(collect_clients(out_dir), lang), encoding="utf-8")
    tmp.replace(path)
    return path
