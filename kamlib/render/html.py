"""Executed notebook -> self-contained HTML with the kit's template (templates/kam).

Code cells, prompts, stderr/warnings and widget/JS outputs are left out;
images stay embedded as ``data:`` URIs; no external scripts, fonts or styles.
nbconvert never reads a file for the page except the template's own CSS:
``embed_images`` is off, because it would inline any file a Markdown image
reference names (charts are already ``data:`` outputs of the notebook).
"""

from __future__ import annotations

import copy
import re
from functools import cache
from typing import Any

import nbformat

from kamlib.modules import TEMPLATE_DIR

TEMPLATE_NAME = "kam"
#: cells with these tags never reach a deliverable (parameters are noise to a client)
REMOVE_CELL_TAGS = ("remove-cell", "parameters", "injected-parameters", "workshop-only")
#: tables with at least this many columns get smaller type / a landscape page in the PDF
WIDE_COLUMNS = 9
XWIDE_COLUMNS = 14

_TABLE_OPEN = re.compile(r"<table\b([^>]*)>(.*?)</tr>", re.S | re.I)
_CELL = re.compile(r"<t[hd]\b", re.I)
_CLASS = re.compile(r'class="([^"]*)"', re.I)


@cache
def exporter() -> Any:
    """The configured HTMLExporter (built once per process: template loading is slow)."""
    from nbconvert import HTMLExporter
    from traitlets.config import Config

    c = Config()
    c.HTMLExporter.template_name = TEMPLATE_NAME
    c.HTMLExporter.extra_template_basedirs = [str(TEMPLATE_DIR)]
    c.HTMLExporter.exclude_input = True
    c.HTMLExporter.exclude_input_prompt = True
    c.HTMLExporter.exclude_output_prompt = True
    c.HTMLExporter.embed_images = False  # no file reads on behalf of notebook content
    c.TagRemovePreprocessor.enabled = True
    c.TagRemovePreprocessor.remove_cell_tags = set(REMOVE_CELL_TAGS)
    c.TagRemovePreprocessor.remove_all_outputs_tags = {"remove-output"}
    c.TagRemovePreprocessor.remove_input_tags = {"remove-input"}
    return HTMLExporter(config=c)


def _is_markup_echo(output: nbformat.NotebookNode) -> bool:
    """An ``Out[]`` that only repeats HTML a helper already displayed, as a quoted string."""
    if output.output_type != "execute_result" or set(output.get("data", {})) != {"text/plain"}:
        return False
    text = output.data["text/plain"].strip()
    return len(text) > 2 and text[0] == text[-1] and text[0] in "'\"" and text[1] == "<"


def _drop_noise(nb: nbformat.NotebookNode) -> nbformat.NotebookNode:
    """A copy of ``nb`` without stderr streams, errors, markup echoes and widget state.

    The template hides stderr too; dropping it here also keeps empty output
    wrappers (and their spacing) out of the page.
    """
    nb = copy.deepcopy(nb)
    nb.metadata.pop("widgets", None)
    for cell in nb.cells:
        if cell.cell_type != "code":
            continue
        cell.outputs = [
            o
            for o in cell.get("outputs", [])
            if not (o.output_type == "stream" and o.get("name") == "stderr")
            and o.output_type != "error"
            and not _is_markup_echo(o)
        ]
    return nb


def mark_wide_tables(html: str) -> str:
    """Add ``kam-wide``/``kam-xwide`` to tables whose first row has many columns.

    The print CSS shrinks their type (and moves very wide ones onto a landscape
    page) so nothing gets cut at the right edge of A4.
    """

    def fix(m: re.Match[str]) -> str:
        attrs, first_row = m.group(1), m.group(2)
        ncols = len(_CELL.findall(first_row))
        if ncols < WIDE_COLUMNS:
            return m.group(0)
        extra = "kam-wide kam-xwide" if ncols >= XWIDE_COLUMNS else "kam-wide"
        if _CLASS.search(attrs):
            attrs = _CLASS.sub(lambda c: f'class="{c.group(1)} {extra}"', attrs, count=1)
        else:
            attrs = f' class="{extra}"' + attrs
        return f"<table{attrs}>{first_row}</tr>"

    return _TABLE_OPEN.sub(fix, html)


def to_html(nb: nbformat.NotebookNode, kam: dict[str, Any], title: str) -> str:
    """Convert an executed notebook to HTML.

    ``kam`` is passed to the template as ``resources.kam`` (mode "html" or
    "pdf", lang, author, cover, page_css, footer; see templates/kam/index.html.j2).
    """
    nb = _drop_noise(nb)
    nb.metadata["title"] = title
    exp = exporter()
    exp.language_code = kam.get("lang", "en")  # <html lang=…>: hyphenation, screen readers
    body, _resources = exp.from_notebook_node(
        nb, resources={"kam": kam, "metadata": {"name": title}}
    )
    return mark_wide_tables(body)
