"""The PDF cover page and the per-document page rules (running header/footer).

Both are rendered from autoescaping templates (``templates/kam/parts``): client
names, the firm and the title reach the cover only as escaped text and the
running header/footer only as hex-escaped CSS strings.
"""

from __future__ import annotations

import logging

from markupsafe import Markup

from kamlib.deliverable import DeliverableMeta
from kamlib.i18n import fmt_date, fmt_period, t
from kamlib.labels import shorten
from kamlib.logos import load_logo
from kamlib.markup import render
from kamlib.render.errors import ui_lang

log = logging.getLogger("kamlib.render")
#: the running header and footer share the page width with a second text box
RUNNING_CHARS = 90


def logo_uri(path: str | None, client_dir: str | None) -> str | None:
    """The checked logo as a ``data:`` URI; a refused or reduced logo is reported on the log."""
    logo = load_logo(path, client_dir)
    if logo.problem:
        log.warning(t(logo.problem, ui_lang(), **logo.params))
    return logo.uri


def cover_html(meta: DeliverableMeta) -> Markup:
    """Cover page: logos, module title, client, as-of date, data period, firm, date.

    Names longer than :data:`kamlib.labels.TEXT_CHARS` are shortened (layout only).
    """
    lang = meta.lang
    client, firm = shorten(meta.client), shorten(meta.consultant_firm)
    facts = [
        (t("common.prepared_for", lang), client),
        (t("common.prepared_by", lang), firm),
        (t("common.as_of", lang), fmt_date(meta.as_of, lang)),
        (
            t("common.data_period", lang),
            fmt_period(*meta.data_period, lang) if meta.data_period else "–",
        ),
        (t("render.created_on", lang), fmt_date(meta.created, lang)),
    ]
    return render(
        "cover.html.j2",
        firm_logo=logo_uri(meta.consultant_logo, meta.client_dir),
        client_logo=logo_uri(meta.client_logo, meta.client_dir),
        firm=firm,
        title=meta.display_title,
        client=client,
        facts=facts,
        confidential=t("common.confidential", lang),
    )


def page_numbers(lang: str) -> list[tuple[str, str]]:
    """ "Seite X von Y" / "Page X of Y" as ``(kind, text)`` parts: ``counter`` or ``text``."""
    text = t("render.page_x_of_y", lang, page="\0page\0", pages="\0pages\0")
    parts = []
    for i, chunk in enumerate(text.split("\0")):
        if i % 2:  # odd chunks are the placeholders
            parts.append(("counter", chunk))
        elif chunk:
            parts.append(("text", chunk))
    return parts


def page_css(meta: DeliverableMeta) -> Markup:
    """@page rules with the running header (module · client) and footer (firm, page X of Y)."""
    return render(
        "page.css.j2",
        head=shorten(f"{meta.display_title} · {meta.client}", RUNNING_CHARS),
        firm=shorten(meta.consultant_firm, RUNNING_CHARS),
        confidential=t("common.confidential", meta.lang),
        page_numbers=page_numbers(meta.lang),
    )
