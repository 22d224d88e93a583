"""The PDF cover page and the per-document page rules (running header/footer)."""

from __future__ import annotations

import html

from kamlib.deliverable import DeliverableMeta, logo_data_uri
from kamlib.i18n import fmt_date, fmt_period, t


def _esc(text: object) -> str:
    return html.escape("" if text is None else str(text))


def cover_html(meta: DeliverableMeta) -> str:
    """Cover page: logos, module title, client, as-of date, data period, firm, date."""
    lang = meta.lang
    logos = []
    firm_logo = logo_data_uri(meta.consultant_logo)
    if firm_logo:
        logos.append(f'<img class="kam-cover-firm-logo" src="{firm_logo}" alt="">')
    client_logo = logo_data_uri(meta.client_logo)
    if client_logo:
        logos.append(f'<img class="kam-cover-client-logo" src="{client_logo}" alt="">')
    facts = [
        (t("common.prepared_for", lang), _esc(meta.client)),
        (t("common.prepared_by", lang), _esc(meta.consultant_firm)),
        (t("common.as_of", lang), fmt_date(meta.as_of, lang)),
        (
            t("common.data_period", lang),
            fmt_period(*meta.data_period, lang) if meta.data_period else "–",
        ),
        (t("render.created_on", lang), fmt_date(meta.created, lang)),
    ]
    rows = "".join(f"<tr><td>{k}</td><td>{v}</td></tr>" for k, v in facts)
    return (
        '<section class="kam-cover"><div class="kam-cover-band"></div>'
        f'<div class="kam-cover-logos">{"".join(logos)}</div>'
        '<div class="kam-cover-body">'
        f'<div class="kam-cover-kicker">{_esc(meta.consultant_firm)}</div>'
        f"<h1>{_esc(meta.module_title)}</h1>"
        f'<div class="kam-cover-client">{_esc(meta.client)}</div></div>'
        f'<div class="kam-cover-facts"><table>{rows}</table></div>'
        f'<div class="kam-cover-confidential">{t("common.confidential", lang)}</div>'
        "</section>"
    )


def _css_string(text: str) -> str:
    """``text`` as a CSS string literal."""
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", " ") + '"'


def page_numbers_css(lang: str) -> str:
    """CSS ``content`` value for "Seite X von Y" / "Page X of Y" from the message text."""
    text = t("render.page_x_of_y", lang, page="\0page\0", pages="\0pages\0")
    parts = []
    for i, chunk in enumerate(text.split("\0")):
        if i % 2:  # odd chunks are the placeholders
            parts.append(f"counter({chunk})")
        elif chunk:
            parts.append(_css_string(chunk))
    return " ".join(parts)


def page_css(meta: DeliverableMeta) -> str:
    """@page rules with the running header (module · client) and footer (firm, page X of Y)."""
    head = _css_string(f"{meta.module_title} · {meta.client}")
    firm = _css_string(meta.consultant_firm)
    confidential = _css_string(t("common.confidential", meta.lang))
    box = (
        "font-family: 'Liberation Sans', 'DejaVu Sans', sans-serif; font-size: 8pt; color: #5f6b7a;"
    )
    return f"""
@page {{
  @top-left {{ content: {head}; {box} vertical-align: bottom; padding-bottom: 3mm;
               border-bottom: 0.3mm solid #dfe4ea; }}
  @top-right {{ content: {confidential}; {box} vertical-align: bottom; padding-bottom: 3mm;
                border-bottom: 0.3mm solid #dfe4ea; }}
  @bottom-left {{ content: {firm}; {box} vertical-align: top; padding-top: 3mm; }}
  @bottom-right {{ content: {page_numbers_css(meta.lang)}; {box} vertical-align: top; padding-top: 3mm; }}
}}
@page cover {{
  @top-left {{ content: none; border: 0; }} @top-right {{ content: none; border: 0; }}
  @bottom-left {{ content: none; }} @bottom-right {{ content: none; }}
}}
"""
