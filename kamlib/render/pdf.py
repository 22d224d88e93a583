"""HTML (print variant) -> A4 PDF with WeasyPrint, strictly offline.

Why WeasyPrint: it installs from pip (plus Pango/fonts from apt), renders the
same HTML as the deliverable with CSS Paged Media (@page margins, running
header/footer, page counters, repeated table headers, named landscape pages)
and takes about a second per document in a warm process. See README.

WeasyPrint loads every resource (images, style sheets, attachments, SVG
references) through :func:`kit_fetcher`: it serves ``data:`` URIs and files
inside the kit's own template folder, and refuses everything else with one
warning line naming the URL. A client string can therefore never pull a
local file or a network resource into a PDF.
"""

from __future__ import annotations

import logging
import urllib.parse
import urllib.request
from functools import cache
from pathlib import Path
from typing import Any

from kamlib.i18n import t
from kamlib.modules import TEMPLATE_DIR
from kamlib.render.errors import ui_lang

log = logging.getLogger("kamlib.render")


def allowed_url(url: str) -> bool:
    """Whether the PDF may load ``url``: a ``data:`` URI or a file of the kit's templates."""
    parts = urllib.parse.urlsplit(url)
    scheme = parts.scheme.lower()
    if scheme == "data":
        return True
    if scheme != "file" or parts.netloc not in ("", "localhost"):
        return False
    path = Path(urllib.request.url2pathname(parts.path))
    try:
        return path.resolve().is_relative_to(TEMPLATE_DIR.resolve())
    except (OSError, RuntimeError):
        return False


@cache
def kit_fetcher() -> Any:
    """The WeasyPrint URL fetcher of every PDF (see the module docstring)."""
    from weasyprint.urls import URLFetcher

    class KitFetcher(URLFetcher):
        def fetch(self, url: str, headers: Any = None) -> Any:
            if not allowed_url(url):
                shown = url if len(url) <= 120 else url[:119] + "…"
                log.warning(t("render.fetch_refused", ui_lang(), url=shown))
                raise ValueError(f"refused by the kit's URL fetcher: {shown}")
            return super().fetch(url, headers)

    return KitFetcher(allowed_protocols={"data", "file"}, timeout=1, allow_redirects=False)


@cache
def _font_config() -> Any:
    from weasyprint.text.fonts import FontConfiguration

    return FontConfiguration()


def html_to_pdf(html: str, path: Path, base_url: str | None = None) -> int:
    """Write ``html`` as a PDF to ``path``; returns the number of pages.

    ``base_url`` only resolves relative references; whatever they point to
    still has to pass :func:`allowed_url`.
    """
    from weasyprint import HTML

    doc = HTML(string=html, base_url=base_url, url_fetcher=kit_fetcher()).render(
        font_config=_font_config()
    )
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".tmp")
    doc.write_pdf(tmp)
    tmp.replace(path)  # atomic: a reader never sees half a PDF
    return len(doc.pages)
