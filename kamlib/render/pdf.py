"""HTML (print variant) -> A4 PDF with WeasyPrint, strictly offline.

Why WeasyPrint: it installs from pip (plus Pango/fonts from apt), renders the
same HTML as the deliverable with CSS Paged Media (@page margins, running
header/footer, page counters, repeated table headers, named landscape pages)
and takes about a second per document in a warm process. See README.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any


@cache
def offline_fetcher() -> Any:
    """A WeasyPrint fetcher for ``data:`` and local files only (the PDF never needs the network)."""
    from weasyprint.urls import URLFetcher

    return URLFetcher(allowed_protocols={"data", "file"}, timeout=1)


@cache
def _font_config() -> Any:
    from weasyprint.text.fonts import FontConfiguration

    return FontConfiguration()


def html_to_pdf(html: str, path: Path, base_url: str | None = None) -> int:
    """Write ``html`` as a PDF to ``path``; returns the number of pages."""
    from weasyprint import HTML

    doc = HTML(string=html, base_url=base_url, url_fetcher=offline_fetcher()).render(
        font_config=_font_config()
    )
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".tmp")
    doc.write_pdf(tmp)
    tmp.replace(path)  # atomic: a reader never sees half a PDF
    return len(doc.pages)
