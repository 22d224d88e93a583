"""``reports/<client>/index.html``: every deliverable of one client, with links.

Rebuilt from the files after each render (from ``metadata.kam`` of the kept
executed notebooks), so a partial re-render keeps the other deliverables listed.
"""

from __future__ import annotations

import html
from dataclasses import dataclass
from pathlib import Path

from kamlib.i18n import fmt_date, fmt_period, t
from kamlib.modules import MODULES
from kamlib.render.meta import DeliverableMeta, read_notebook_meta

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
