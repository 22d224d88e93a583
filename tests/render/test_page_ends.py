"""Page ends (issue 11 point 4): a table split across pages keeps at least two body rows on
its first page, and no heading ends a page — measured on WeasyPrint's laid-out pages.

The unit tests lay out small hand-made pages: 297 mm A4 minus the print CSS's 22 + 20 mm
margins leaves 255 mm of body; a spacer of 230 mm then leaves 25 mm, room for the header
and one 8 mm row but not two. Without the kit's print rules the table starts there with
one row; with them (templates/kam/static/kam-print.css) it moves on whole.
"""

from __future__ import annotations

from weasyprint import HTML

from kamlib import review
from kamlib.modules import TEMPLATE_DIR

PRINT_CSS = (TEMPLATE_DIR / "kam" / "static" / "kam-print.css").read_text(encoding="utf-8")
BARE_CSS = "@page { size: A4; margin: 22mm 18mm 20mm 18mm; } body { margin: 0; }"


def _pages(css: str, body: str) -> list:
    html = f"<html><head><style>{css} body {{ margin: 0 }} td {{ height: 8mm }}</style></head>"
    return HTML(string=f"{html}<body>{body}</body></html>").render().pages


def _table(rows: int, caption: str = "Umsatz je Kunde") -> str:
    body = "".join(f"<tr><td>Kunde {i}</td><td>{i * 1000}</td></tr>" for i in range(rows))
    return (
        f'<table class="kam-table"><caption>{caption}</caption>'
        f"<thead><tr><th>Kunde</th><th>Umsatz</th></tr></thead><tbody>{body}</tbody></table>"
    )


SPACER = '<div style="height: 230mm"></div>'


def test_a_table_starting_with_one_row_at_the_page_foot_fails():
    pages = _pages(BARE_CSS, SPACER + _table(20))
    assert review.split_tables(pages) == [review.TableStart(1, 1, "Umsatz je Kunde")]
    ok, detail = review.check_page_ends(pages)
    assert not ok and detail == "p.1: table 'Umsatz je Kunde' starts with 1 row(s)"


def test_the_print_css_keeps_two_rows_together_or_moves_the_table():
    pages = _pages(PRINT_CSS, SPACER + _table(20))
    assert review.split_tables(pages) == []  # moved on whole: 20 rows fit one page
    assert review.check_page_ends(pages)[0]
    # 14 mm less spacer: header + 2 rows fit, the table starts there with 2 (or more) rows
    pages = _pages(PRINT_CSS, '<div style="height: 216mm"></div>' + _table(40))
    starts = review.split_tables(pages)
    assert len(starts) == 1 and starts[0].page == 1 and starts[0].rows >= 2
    assert review.check_page_ends(pages)[0]


def test_the_print_css_keeps_a_small_table_whole():
    # 5 rows do not fit under a 225 mm spacer (header 8 mm + 5 x 8 mm > 30 mm): all move on
    pages = _pages(PRINT_CSS, '<div style="height: 225mm"></div>' + _table(5))
    assert review.split_tables(pages) == []
    assert len(pages) == 2


def test_a_heading_alone_at_the_page_foot_fails_and_the_print_css_prevents_it():
    body = '<div style="height: 240mm"></div><h2>Zehn Kunden tragen 55 %</h2>' + (
        '<div style="height: 60mm; background: #ccc"></div>'
    )
    # WeasyPrint's own style sheet keeps headings with what follows; switched off here
    bare = _pages(BARE_CSS + " h2 { break-after: auto; }", body)
    assert review.headings_at_page_foot(bare) == [(1, "Zehn Kunden tragen 55 %")]
    assert review.check_page_ends(bare) == (
        False,
        "p.1: heading 'Zehn Kunden tragen 55 %' at the page foot",
    )
    assert review.headings_at_page_foot(_pages(PRINT_CSS, body)) == []


# the demo deliverables' page ends are checked with every other print check in
# test_print_quality.test_demo_deliverable_passes_every_print_check (measured, not skipped)


NOTE_RULE = (
    ".jp-OutputArea-child:has(table) + .jp-OutputArea-child:has(.kam-callout) "
    "{ break-before: avoid; }"
)


def _first_texts(css: str, spacer_mm: int) -> list[str]:
    def cell(inner: str) -> str:
        return f'<div class="jp-OutputArea-child"><div class="jp-OutputArea-output">{inner}</div></div>'

    body = (
        cell(f'<div style="height: {spacer_mm}mm"></div>')
        + cell(_table(12, caption=""))
        + cell('<div class="kam-callout">Gezeigt: 10 von 170</div>')
    )
    pages = _pages(css, body)
    firsts = []
    for page in pages:
        texts = [b.text for b, _ in review._boxes(page._page_box) if type(b).__name__ == "TextBox"]
        firsts.append(texts[0])
    return firsts


def test_the_note_under_a_table_never_starts_a_page_alone():
    # a 118 mm spacer leaves room for the 12-row table but not for the note below it
    assert NOTE_RULE in PRINT_CSS
    without = PRINT_CSS.replace(NOTE_RULE, "")
    assert _first_texts(without, 118) == ["Kunde", "Gezeigt: 10 von 170"]
    # with the rule the note takes the table's last rows along (the header repeats)
    assert _first_texts(PRINT_CSS, 118) == ["Kunde", "Kunde"]
