"""A review you can repeat: render the demo clients, picture every page, check print quality.

``python -m kamlib.review`` (or ``make review``) renders every module's
deliverable of both demo clients into a folder, turns every PDF
page into a PNG, writes one contact sheet per deliverable (all pages on one
image, to read in a minute) and runs the automatic print checks:

- ``vector``: every chart is an SVG image without raster parts inside
- ``ppi``: every raster image in the PDF (logos included) has at least
  :data:`MIN_PPI` pixels per inch at its printed size
- ``ellipsis``: no ``…`` or ``...`` directly after a word or number (cut texts)
- ``hyphen``: no word hyphenated by the layout (a line-end hyphen the text lacks)
- ``page-fill``: after the cover every page uses at least :data:`MIN_FILL` of
  its body height
- ``alt``: every chart (``<img>`` or inline ``<svg>``) has a description (alt,
  aria-label or title) that is more than the chart's own title and is not
  nbconvert's placeholder
- ``page-ends``: measured on the print layout (WeasyPrint's page boxes): no
  table split across pages leaves fewer than :data:`MIN_ROWS_BEFORE_BREAK`
  body rows on the page where it starts, and no page ends with a heading

The checks are plain functions of the rendered files, so the test suite runs
them on the same deliverables (tests/render/test_print_quality.py). Needs
poppler-utils (``pdftoppm``, ``pdfimages``, ``pdftotext``; installed by ``make setup``).
"""

from __future__ import annotations

import argparse
import base64
import re
import subprocess
import sys
import tempfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PIL import Image, ImageDraw

from kamlib.modules import ROOT

if TYPE_CHECKING:
    from kamlib.render.batch import BatchResult

#: the demo clients the review renders
DEMO_CLIENTS = ("demo-maschinenbau", "demo-components")
#: minimum resolution of a raster image at its printed size
MIN_PPI = 200
#: minimum share of the body height a page after the cover uses
MIN_FILL = 0.2
#: page margins of the print CSS (templates/kam/static/kam-print.css), mm: top, bottom
PORTRAIT_MARGINS_MM = (22.0, 20.0)
LANDSCAPE_MARGINS_MM = (16.0, 16.0)
#: resolution used to measure page fill (coarse is enough: 1 px = 1.06 mm)
FILL_DPI = 24
#: resolution of the page pictures on the contact sheet
SHEET_DPI = 40
SHEET_COLUMNS = 6

_ELLIPSIS = re.compile(r"[\w%)\]]\s?(?:…|\.\.\.)")
#: a word broken at a line end: WeasyPrint's hyphenation writes U+2010 (or a soft hyphen)
_LINE_END_HYPHEN = re.compile(r"(\w{2,})([-\u2010\u00ad])$")
_SVG_IMG = re.compile(r'<img\b[^>]*src="data:image/svg\+xml;base64,([^"]+)"', re.I)
_RASTER_URI = re.compile(r"data:image/(png|jpe?g|gif|webp)", re.I)
_IMG_TAG = re.compile(r"<img\b[^>]*>", re.I)
_LOGO_CLASS = re.compile(r'class="[^"]*logo')
_SVG_TEXT = re.compile(r"<text\b[^>]*>(.*?)</text>", re.S)
#: the checks :func:`check_deliverable` runs, in order
CHECKS = ("vector", "ppi", "ellipsis", "hyphen", "page-fill", "alt", "page-ends")
#: body rows a table split across pages keeps on the page where it starts
MIN_ROWS_BEFORE_BREAK = 2
#: what nbconvert writes into an image's alt text when the notebook gave none
NBCONVERT_ALT = "No description has been provided"


@dataclass(frozen=True)
class Finding:
    """One check on one deliverable: passed or not, with what was found."""

    deliverable: str
    check: str
    ok: bool
    detail: str


# --- helpers around poppler -------------------------------------------------------------


def _run(args: Sequence[str]) -> str:
    return subprocess.run(args, check=True, capture_output=True, text=True).stdout


def pdf_text(pdf: Path) -> list[str]:
    """The text of every page of ``pdf`` (pdftotext, reading order), one string per page."""
    return _run(["pdftotext", "-enc", "UTF-8", str(pdf), "-"]).split("\f")[:-1] or [""]


def page_images(pdf: Path, dpi: int, folder: Path, gray: bool = False) -> list[Path]:
    """Every page of ``pdf`` as an image in ``folder`` (pdftoppm), in page order."""
    folder.mkdir(parents=True, exist_ok=True)
    prefix = folder / pdf.stem
    args = ["pdftoppm", "-r", str(dpi), *(["-gray"] if gray else ["-png"]), str(pdf), str(prefix)]
    _run(args)
    pattern = f"{pdf.stem}-*.{'pgm' if gray else 'png'}"
    return sorted(folder.glob(pattern), key=lambda p: int(p.stem.rsplit("-", 1)[1]))


# --- the checks ---------------------------------------------------------------------------


class _Visible(HTMLParser):
    """Visible text of a page plus the alt texts of its images."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("style", "script"):
            self._skip += 1
        alt = dict(attrs).get("alt")
        if tag == "img" and alt:
            self.parts.append(alt)

    def handle_endtag(self, tag: str) -> None:
        if tag in ("style", "script") and self._skip:
            self._skip -= 1

    def handle_data(self, data: str) -> None:
        if not self._skip:
            self.parts.append(data)


def html_text(html: str) -> str:
    """The text a reader meets in ``html``: visible text, alt texts and chart texts."""
    parser = _Visible()
    parser.feed(html)
    parser.close()
    return "\n".join([*parser.parts, *chart_texts(html)])


def chart_svgs(html: str) -> list[str]:
    """The SVG documents of the charts embedded in ``html`` (logos left out)."""
    payloads = [
        m.group(1)
        for tag in _IMG_TAG.findall(html)
        if not _LOGO_CLASS.search(tag) and (m := _SVG_IMG.search(tag))
    ]
    return [base64.b64decode(p).decode("utf-8", "replace") for p in payloads]


def chart_texts(html: str) -> list[str]:
    """Every text element drawn in the charts of ``html`` (entities decoded)."""
    import html as html_lib

    return [html_lib.unescape(t) for svg in chart_svgs(html) for t in _SVG_TEXT.findall(svg)]


def check_vector(html: str) -> tuple[bool, str]:
    """Charts are SVG images and hold no raster image; the page embeds no raster chart."""
    svgs = chart_svgs(html)
    raster_inside = sum("<image" in svg for svg in svgs)
    # raster images that are not a logo: a chart drawn as PNG
    raster = [
        tag
        for tag in _IMG_TAG.findall(html)
        if _RASTER_URI.search(tag) and not _LOGO_CLASS.search(tag)
    ]
    problems = []
    if raster_inside:
        problems.append(f"{raster_inside} chart(s) with a raster image inside")
    if raster:
        problems.append(f"{len(raster)} raster image(s) in the page body")
    # a deliverable without charts (the account-plan cover) passes: nothing is raster
    detail = "; ".join(problems) or f"{len(svgs)} SVG charts, none with raster parts"
    return not problems, detail


class _Charts(HTMLParser):
    """The charts of a page: every non-logo ``<img>`` and every inline ``<svg>``."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        #: (description, chart texts) per chart, in page order
        self.charts: list[tuple[str, list[str]]] = []
        self._svg: list[str] | None = None  # texts of the inline svg being read
        self._svg_label = ""
        self._depth = 0
        self._in: str | None = None  # "title" or "text" inside an inline svg

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        if tag == "img" and "logo" not in a.get("class", ""):
            label = a.get("alt") or a.get("aria-label") or a.get("title") or ""
            texts = []
            if m := _SVG_IMG.search(f'<img src="{a.get("src", "")}">'):
                import html as html_lib

                svg = base64.b64decode(m.group(1)).decode("utf-8", "replace")
                texts = [html_lib.unescape(t) for t in _SVG_TEXT.findall(svg)]
            self.charts.append((label, texts))
        elif tag == "svg":
            if self._svg is None:
                if a.get("aria-hidden") == "true":
                    return
                self._svg, self._svg_label, self._depth = [], a.get("aria-label", ""), 0
            self._depth += 1
        elif self._svg is not None and tag in ("title", "text"):
            self._in = tag
            if tag == "title" and not self._svg_label:
                self._svg_label = " "  # filled by handle_data

    def handle_endtag(self, tag: str) -> None:
        if self._svg is None:
            return
        if tag in ("title", "text"):
            self._in = None
        elif tag == "svg":
            self._depth -= 1
            if self._depth == 0:
                self.charts.append((self._svg_label.strip(), self._svg))
                self._svg = None

    def handle_data(self, data: str) -> None:
        if self._svg is None or self._in is None:
            return
        if self._in == "title" and not self._svg_label.strip():
            self._svg_label = data
        elif self._in == "text":
            self._svg.append(data)


def chart_descriptions(html: str) -> list[tuple[str, list[str]]]:
    """Each chart of ``html`` (logos left out) as (its description, the texts drawn in it)."""
    parser = _Charts()
    parser.feed(html)
    parser.close()
    return parser.charts


def alt_problems(html: str) -> list[str]:
    """Charts whose description is missing, nbconvert's placeholder, or only a text of the
    chart itself (its title): one line per chart, numbered in page order."""
    problems = []
    for number, (label, texts) in enumerate(chart_descriptions(html), start=1):
        text = " ".join(label.split())
        drawn = {" ".join(t.split()) for t in texts}
        if not text:
            problems.append(f"chart {number}: no description")
        elif NBCONVERT_ALT.lower() in text.lower():
            problems.append(f"chart {number}: nbconvert placeholder")
        elif text in drawn:
            problems.append(f"chart {number}: only its title {text!r}")
    return problems


def check_alt(html: str) -> tuple[bool, str]:
    """Every chart has a real description (alt, aria-label or title), not just its title."""
    problems = alt_problems(html)
    n = len(chart_descriptions(html))
    return (not problems), "; ".join(problems) or f"{n} charts, each described"


def check_ppi(pdf: Path, minimum: int = MIN_PPI) -> tuple[bool, str]:
    """Every raster image placed in ``pdf`` has at least ``minimum`` ppi (pdfimages -list)."""
    rows = _run(["pdfimages", "-list", str(pdf)]).splitlines()[2:]
    low = []
    for row in rows:
        cols = row.split()
        if len(cols) < 14 or cols[2] == "smask":
            continue
        page, xppi, yppi = cols[0], int(cols[12]), int(cols[13])
        if min(xppi, yppi) < minimum:
            low.append(f"page {page}: {cols[3]}×{cols[4]} px at {min(xppi, yppi)} ppi")
    if low:
        return False, "; ".join(low)
    return True, f"{len(rows)} raster image(s), all ≥ {minimum} ppi"


def find_ellipses(text: str) -> list[str]:
    """Places where ``…`` or ``...`` directly follows a word or number, with context."""
    return [
        text[max(m.start() - 25, 0) : m.end()].replace("\n", " ") for m in _ELLIPSIS.finditer(text)
    ]


def check_ellipsis(pdf_pages: Sequence[str], html: str) -> tuple[bool, str]:
    """No cut text: neither the PDF nor the HTML (alt and chart texts included) has one."""
    hits = []
    for number, text in enumerate(pdf_pages, start=1):
        hits.extend(f"PDF p.{number}: {h!r}" for h in find_ellipses(text))
    hits.extend(f"HTML: {h!r}" for h in find_ellipses(html_text(html)))
    return (not hits), "; ".join(dict.fromkeys(hits)) or "none"


def layout_hyphens(pdf_pages: Sequence[str], source_text: str) -> list[str]:
    """Words the PDF breaks with a hyphen at a line end that the source text does not have.

    ``Verpack-`` at the end of a PDF line while the HTML only has
    ``Verpackungstechnik`` is a hyphenation; ``Industrie-`` (as in
    "Industrie- und Handel") is in the source and passes.
    """
    found = []
    for number, text in enumerate(pdf_pages, start=1):
        for line in text.splitlines():
            m = _LINE_END_HYPHEN.search(line.strip())
            if m and m.group(0) not in source_text:
                found.append(f"p.{number}: {m.group(0)!r}")
    return found


def check_hyphen(pdf_pages: Sequence[str], html: str) -> tuple[bool, str]:
    """No word hyphenated by the layout (customer names included)."""
    hits = layout_hyphens(pdf_pages, html_text(html))
    return (not hits), "; ".join(hits) or "none"


def page_fill(image: Path) -> float:
    """Share of the body height a rendered page uses (bottom of its last ink / body height).

    ``image`` is a page rendered at :data:`FILL_DPI`; the running header and
    footer sit in the margins and are left out.
    """
    with Image.open(image) as im:
        gray = im.convert("L")
    width, height = gray.size
    top_mm, bottom_mm = PORTRAIT_MARGINS_MM if height > width else LANDSCAPE_MARGINS_MM
    px_per_mm = FILL_DPI / 25.4
    top = round(top_mm * px_per_mm) + 1
    bottom = height - round(bottom_mm * px_per_mm) - 1
    body = gray.crop((0, top, width, bottom))
    # rows holding anything darker than light grey: ink
    ink = body.point(lambda v: 255 if v < 220 else 0).getbbox()
    if ink is None:
        return 0.0
    return ink[3] / (bottom - top)


def check_page_fill(pages: Sequence[Path], minimum: float = MIN_FILL) -> tuple[bool, str]:
    """Every page after the cover (page 1) uses at least ``minimum`` of its body height."""
    fills = [page_fill(p) for p in pages[1:]]
    thin = [f"page {i}: {fill:.0%}" for i, fill in enumerate(fills, start=2) if fill < minimum]
    if thin:
        return False, "; ".join(thin)
    least = min(fills, default=1.0)
    return True, f"{len(pages)} pages, least-filled body {least:.0%}"


# --- page ends, measured on the print layout ---------------------------------------------


@dataclass(frozen=True)
class TableStart:
    """Where a table split across pages starts: page, body rows there, caption or first cell."""

    page: int
    rows: int
    label: str


def print_layout(pdf: Path) -> Any:
    """The WeasyPrint document (laid-out pages) of the deliverable ``pdf``.

    Rebuilt from the executed notebook kept beside it (``<module>.ipynb``)
    exactly as the renderer builds the PDF (print variant of the HTML, cover,
    page CSS), so the boxes are those of the printed pages.
    """
    import nbformat
    from weasyprint import HTML

    from kamlib.deliverable import DeliverableMeta
    from kamlib.render.cover import cover_html, page_css
    from kamlib.render.html import to_html
    from kamlib.render.pdf import kit_fetcher

    nb = nbformat.read(pdf.with_suffix(".ipynb"), as_version=4)
    meta = DeliverableMeta.from_dict(nb.metadata["kam"])
    resources = {
        "mode": "pdf",
        "lang": meta.lang,
        "author": meta.consultant_firm,
        "cover": cover_html(meta),
        "page_css": page_css(meta),
    }
    body = to_html(nb, resources, f"{meta.module_title} – {meta.client}")
    return HTML(string=body, url_fetcher=kit_fetcher()).render()


def _boxes(box: Any, in_heading: bool = False) -> Iterable[tuple[Any, bool]]:
    """Every layout box under ``box`` in document order, with "inside a heading";
    the page-margin boxes (running header and footer) are left out."""
    if type(box).__name__ == "MarginBox":
        return
    in_heading = in_heading or getattr(box, "element_tag", None) in _HEADINGS
    yield box, in_heading
    for child in getattr(box, "children", None) or []:
        yield from _boxes(child, in_heading)


_HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})


def _body_rows(table: Any) -> int:
    return sum(
        len(group.children)
        for group in table.children
        if type(group).__name__ == "TableRowGroupBox" and not group.is_header
    )


def _table_label(table: Any) -> str:
    element = table.element
    if element is None:
        return "table"
    caption = element.find("caption")
    text = " ".join("".join(caption.itertext()).split()) if caption is not None else ""
    if not text:
        cell = element.find(".//td")
        text = " ".join("".join(cell.itertext()).split()) if cell is not None else ""
    return text[:60] or "table"


def split_tables(pages: Sequence[Any]) -> list[TableStart]:
    """Tables that run over more than one page: where each starts and its rows there.

    ``pages`` are WeasyPrint pages (``document.pages``); a table's fragments
    on several pages share one HTML element.
    """
    fragments: dict[int, list[tuple[int, int, Any]]] = {}
    for number, page in enumerate(pages, start=1):
        for box, _ in _boxes(page._page_box):
            if type(box).__name__ == "TableBox" and box.element is not None:
                fragments.setdefault(id(box.element), []).append((number, _body_rows(box), box))
    return [
        TableStart(parts[0][0], parts[0][1], _table_label(parts[0][2]))
        for parts in fragments.values()
        if len({page for page, _, _ in parts}) > 1
    ]


def headings_at_page_foot(pages: Sequence[Any]) -> list[tuple[int, str]]:
    """Pages (not the last) whose last text is a heading: (page, heading text)."""
    found = []
    for number, page in enumerate(pages[:-1], start=1):
        last = None
        for box, in_heading in _boxes(page._page_box):
            name = type(box).__name__
            if (name == "TextBox" and box.text.strip()) or "Replaced" in name:
                last = (box, in_heading)
        if last is not None and last[1]:
            found.append((number, last[0].text.strip()))
    return found


def check_page_ends(pages: Sequence[Any], minimum: int = MIN_ROWS_BEFORE_BREAK) -> tuple[bool, str]:
    """No split table starts with fewer than ``minimum`` body rows; no heading ends a page."""
    problems = [
        f"p.{t.page}: table {t.label!r} starts with {t.rows} row(s)"
        for t in split_tables(pages)
        if t.rows < minimum
    ]
    problems += [
        f"p.{n}: heading {text!r} at the page foot" for n, text in headings_at_page_foot(pages)
    ]
    if problems:
        return False, "; ".join(problems)
    n = len(split_tables(pages))
    return True, f"{n} table(s) split across pages, each with ≥ {minimum} rows on its first page"


def check_print_layout(pdf: Path, pdf_pages: int) -> tuple[bool, str]:
    """:func:`check_page_ends` on the laid-out pages of ``pdf``'s print variant."""
    if not pdf.with_suffix(".ipynb").exists():
        # a deliverable rendered without its notebook kept (none of the kit's renders)
        return True, "not measured: no executed notebook beside the PDF"
    pages = print_layout(pdf).pages
    if len(pages) != pdf_pages:
        return False, f"layout has {len(pages)} pages, the PDF {pdf_pages}: not the same document"
    return check_page_ends(pages)


# --- one deliverable ----------------------------------------------------------------------


def check_deliverable(pdf: Path, work: Path, name: str | None = None) -> list[Finding]:
    """Run every check on one rendered deliverable (``pdf`` and the ``.html`` beside it)."""
    name = name or str(pdf)
    html = pdf.with_suffix(".html").read_text(encoding="utf-8")
    text = pdf_text(pdf)
    fill_pages = page_images(pdf, FILL_DPI, work / f"fill-{_slug(name)}", gray=True)
    results = {
        "vector": check_vector(html),
        "ppi": check_ppi(pdf),
        "ellipsis": check_ellipsis(text, html),
        "hyphen": check_hyphen(text, html),
        "page-fill": check_page_fill(fill_pages),
        "alt": check_alt(html),
        "page-ends": check_print_layout(pdf, len(text)),
    }
    return [Finding(name, check, ok, detail) for check, (ok, detail) in results.items()]


def contact_sheet(pdf: Path, target: Path, work: Path) -> Path:
    """All pages of ``pdf`` side by side on one PNG (``target``), each with its number."""
    pages = page_images(pdf, SHEET_DPI, work / f"sheet-{_slug(str(target.stem))}")
    images = [Image.open(p).convert("RGB") for p in pages]
    cell_w = max(im.width for im in images)
    cell_h = max(im.height for im in images)
    pad, label = 10, 16
    cols = min(SHEET_COLUMNS, len(images))
    rows = -(-len(images) // cols)
    sheet = Image.new(
        "RGB", (cols * (cell_w + pad) + pad, rows * (cell_h + pad + label) + pad), "#d9dde3"
    )
    draw = ImageDraw.Draw(sheet)
    for i, im in enumerate(images):
        x = pad + (i % cols) * (cell_w + pad)
        y = pad + (i // cols) * (cell_h + pad + label)
        draw.text((x, y), str(i + 1), fill="#1d2733")
        sheet.paste(im, (x, y + label))
        im.close()
    target.parent.mkdir(parents=True, exist_ok=True)
    sheet.save(target, optimize=True)
    return target


def _slug(text: str) -> str:
    return re.sub(r"[^A-Za-z0-9]+", "-", text).strip("-")


def deliverables(out: Path) -> list[Path]:
    """The rendered PDFs under ``out``, sorted: ``<client>/<lang>/<module>.pdf`` and the
    per-account ones, ``<client>/<lang>/<module>/<id>.pdf``."""
    return sorted([*out.glob("*/*/*.pdf"), *out.glob("*/*/*/*.pdf")])


def deliverable_name(pdf: Path, out: Path) -> str:
    """``client/lang/module`` (or ``client/lang/module/id``): the PDF's path without suffix."""
    return pdf.relative_to(out).with_suffix("").as_posix()


def review(out: Path, work: Path | None = None) -> list[Finding]:
    """Check every deliverable under ``out`` and write its contact sheet to ``out/review``."""
    findings: list[Finding] = []
    with tempfile.TemporaryDirectory(prefix="kam-review-") as tmp:
        scratch = work or Path(tmp)
        for pdf in deliverables(out):
            name = deliverable_name(pdf, out)
            findings.extend(check_deliverable(pdf, scratch, name))
            contact_sheet(pdf, out / "review" / f"{_slug(name)}.png", scratch)
    return findings


def render_demos(out: Path, clients: Iterable[str] = DEMO_CLIENTS) -> BatchResult:
    """Render the review's deliverables (HTML and PDF) of the demo clients into ``out``."""
    from kamlib.render import render

    dirs = [ROOT / "client_data" / c for c in clients]
    # every module of the registry (kamlib.modules), as ``kam render`` does by default
    return render(dirs, modules=None, formats=("html", "pdf"), out_dir=out)


def table(findings: Sequence[Finding]) -> str:
    """The findings as a plain-text table (one line per deliverable and check)."""
    width = max((len(f.deliverable) for f in findings), default=10)
    lines = [f"{'deliverable':<{width}}  {'check':<9}  result  detail"]
    for f in findings:
        lines.append(
            f"{f.deliverable:<{width}}  {f.check:<9}  {'ok' if f.ok else 'FAIL':<6}  {f.detail}"
        )
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    """Command line: render (unless ``--no-render``), check, write contact sheets, print findings."""
    parser = argparse.ArgumentParser(
        prog="python -m kamlib.review", description=__doc__.split("\n")[0]
    )
    parser.add_argument("--out", type=Path, default=None, help="folder for deliverables and sheets")
    parser.add_argument("--no-render", action="store_true", help="check what is already in --out")
    args = parser.parse_args(argv)
    out = args.out or Path(tempfile.mkdtemp(prefix="kam-review-"))
    if not args.no_render:
        result = render_demos(out)
        for item in result.items:
            if not item.ok:
                print(f"render failed: {item.client}/{item.label}: {item.message}", file=sys.stderr)
        if not result.ok:
            return 1
    findings = review(out)
    print(table(findings))
    print(f"\ncontact sheets: {out / 'review'}")
    for pdf in deliverables(out):
        print(f"{pdf.relative_to(out)}: {pdf.stat().st_size / 1024:.0f} KB")
    return 0 if all(f.ok for f in findings) else 1


if __name__ == "__main__":
    raise SystemExit(main())
